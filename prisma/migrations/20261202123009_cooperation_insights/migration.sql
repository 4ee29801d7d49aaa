-- CreateEnum
CREATE TYPE "CooperationKind" AS ENUM ('GROUP', 'ROUND', 'CONCEPT', 'EVENT', 'OFFER', 'MATERIAL');

-- CreateTable
CREATE TABLE "CooperationPair" (
    "aId" UUID NOT NULL,
    "bId" UUID NOT NULL,
    "kind" "CooperationKind" NOT NULL,
    "count" INTEGER NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "lastActivityAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CooperationPair_pkey" PRIMARY KEY ("aId","bId","kind")
);

-- CreateTable
CREATE TABLE "CooperationSnapshot" (
    "month" DATE NOT NULL,
    "land" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "figures" JSONB NOT NULL,

    CONSTRAINT "CooperationSnapshot_pkey" PRIMARY KEY ("month","land")
);

-- CreateIndex
CREATE INDEX "CooperationPair_bId_idx" ON "CooperationPair"("bId");

-- AddForeignKey
ALTER TABLE "CooperationPair" ADD CONSTRAINT "CooperationPair_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationPair" ADD CONSTRAINT "CooperationPair_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
