-- CreateEnum
CREATE TYPE "RoundAudience" AS ENUM ('SIGNED_IN', 'GROUP', 'LAND', 'KREIS_AREA', 'NEIGHBOURS');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RoundRegistrationStatus" AS ENUM ('REGISTERED', 'WAITING');

-- CreateTable
CREATE TABLE "RoundSeries" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "topics" TEXT[],
    "language" TEXT NOT NULL DEFAULT 'de',
    "hostOrganizationId" UUID,
    "hostGroupId" UUID,
    "audience" "RoundAudience" NOT NULL DEFAULT 'SIGNED_IN',
    "audienceLandCode" TEXT,
    "audienceKreisId" UUID,
    "videoUrl" TEXT NOT NULL,
    "capacity" INTEGER,
    "deadlineMinutes" INTEGER NOT NULL DEFAULT 0,
    "rrule" TEXT,
    "firstStartsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" UUID NOT NULL,
    "seriesId" UUID NOT NULL,
    "originalStartsAt" TIMESTAMP(3) NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'SCHEDULED',
    "agenda" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundRegistration" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "RoundRegistrationStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSeriesRegistration" (
    "seriesId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundSeriesRegistration_pkey" PRIMARY KEY ("seriesId","userId")
);

-- CreateIndex
CREATE INDEX "RoundSeries_hostOrganizationId_idx" ON "RoundSeries"("hostOrganizationId");

-- CreateIndex
CREATE INDEX "RoundSeries_hostGroupId_idx" ON "RoundSeries"("hostGroupId");

-- CreateIndex
CREATE INDEX "Round_startsAt_idx" ON "Round"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Round_seriesId_originalStartsAt_key" ON "Round"("seriesId", "originalStartsAt");

-- CreateIndex
CREATE INDEX "RoundRegistration_roundId_status_createdAt_idx" ON "RoundRegistration"("roundId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoundRegistration_roundId_userId_key" ON "RoundRegistration"("roundId", "userId");

-- AddForeignKey
ALTER TABLE "RoundSeries" ADD CONSTRAINT "RoundSeries_hostOrganizationId_fkey" FOREIGN KEY ("hostOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSeries" ADD CONSTRAINT "RoundSeries_hostGroupId_fkey" FOREIGN KEY ("hostGroupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSeries" ADD CONSTRAINT "RoundSeries_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "RoundSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundRegistration" ADD CONSTRAINT "RoundRegistration_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundRegistration" ADD CONSTRAINT "RoundRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSeriesRegistration" ADD CONSTRAINT "RoundSeriesRegistration_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "RoundSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSeriesRegistration" ADD CONSTRAINT "RoundSeriesRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
