-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('FACHTAG', 'SCHULUNG', 'NETZWERKTREFFEN', 'INFO_ZUGEWANDERTE', 'SPRACHCAFE', 'SONSTIGES');

-- CreateEnum
CREATE TYPE "EventAttendee" AS ENUM ('FACHKRAEFTE', 'EHRENAMTLICHE', 'ZUGEWANDERTE');

-- CreateEnum
CREATE TYPE "OpenTo" AS ENUM ('OWN', 'NEIGHBOURS', 'KREIS_AREA', 'LAND', 'EVERYONE');

-- CreateEnum
CREATE TYPE "EventRegistrationMode" AS ENUM ('NONE', 'VERBUND', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EventRegistrationStatus" AS ENUM ('REGISTERED', 'WAITING');

-- CreateEnum
CREATE TYPE "OfferKind" AS ENUM ('MIGRATIONSBERATUNG', 'SPRACHKURS', 'BERATUNGSSTELLE', 'DOLMETSCHERPOOL', 'SCHULUNGSANGEBOT', 'GETEILTE_STELLE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'EVENT_NEW';
ALTER TYPE "NotificationKind" ADD VALUE 'EVENT_CHANGED';
ALTER TYPE "NotificationKind" ADD VALUE 'EVENT_PROMOTED';
ALTER TYPE "NotificationKind" ADD VALUE 'OFFER_NEW';

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "topics" TEXT[],
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "rrule" TEXT,
    "lastEndsAt" TIMESTAMP(3) NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "onlineUrl" TEXT,
    "organizerOrganizationId" UUID,
    "organizerGroupId" UUID,
    "homeId" UUID,
    "homeKreisId" UUID,
    "openTo" "OpenTo" NOT NULL,
    "openLandCode" TEXT,
    "audiences" "EventAttendee"[],
    "languages" TEXT[],
    "accessibility" TEXT NOT NULL DEFAULT '',
    "cost" TEXT NOT NULL DEFAULT '',
    "registrationMode" "EventRegistrationMode" NOT NULL DEFAULT 'NONE',
    "capacity" INTEGER,
    "registrationDeadline" TIMESTAMP(3),
    "registrationUrl" TEXT,
    "status" "EventStatus" NOT NULL DEFAULT 'SCHEDULED',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCoOrganizer" (
    "eventId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "EventCoOrganizer_pkey" PRIMARY KEY ("eventId","organizationId")
);

-- CreateTable
CREATE TABLE "EventRegistration" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "EventRegistrationStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL,
    "kind" "OfferKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "topics" TEXT[],
    "providerOrganizationId" UUID NOT NULL,
    "homeId" UUID NOT NULL,
    "homeKreisId" UUID,
    "openTo" "OpenTo" NOT NULL,
    "openLandCode" TEXT,
    "languages" TEXT[],
    "contact" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "openingHours" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "onlineUrl" TEXT,
    "validFrom" DATE,
    "validUntil" DATE,
    "archivedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferPartner" (
    "offerId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "OfferPartner_pkey" PRIMARY KEY ("offerId","organizationId")
);

-- CreateTable
CREATE TABLE "OfferArea" (
    "offerId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,

    CONSTRAINT "OfferArea_pkey" PRIMARY KEY ("offerId","municipalityId")
);

-- CreateIndex
CREATE INDEX "Event_lastEndsAt_startsAt_idx" ON "Event"("lastEndsAt", "startsAt");

-- CreateIndex
CREATE INDEX "Event_homeId_idx" ON "Event"("homeId");

-- CreateIndex
CREATE INDEX "Event_organizerGroupId_idx" ON "Event"("organizerGroupId");

-- CreateIndex
CREATE INDEX "EventRegistration_eventId_status_createdAt_idx" ON "EventRegistration"("eventId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "EventRegistration_userId_idx" ON "EventRegistration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "EventRegistration_eventId_userId_key" ON "EventRegistration"("eventId", "userId");

-- CreateIndex
CREATE INDEX "Offer_homeId_idx" ON "Offer"("homeId");

-- CreateIndex
CREATE INDEX "Offer_providerOrganizationId_idx" ON "Offer"("providerOrganizationId");

-- CreateIndex
CREATE INDEX "OfferArea_municipalityId_idx" ON "OfferArea"("municipalityId");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_organizerOrganizationId_fkey" FOREIGN KEY ("organizerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_organizerGroupId_fkey" FOREIGN KEY ("organizerGroupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCoOrganizer" ADD CONSTRAINT "EventCoOrganizer_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCoOrganizer" ADD CONSTRAINT "EventCoOrganizer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRegistration" ADD CONSTRAINT "EventRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_providerOrganizationId_fkey" FOREIGN KEY ("providerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_homeId_fkey" FOREIGN KEY ("homeId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPartner" ADD CONSTRAINT "OfferPartner_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPartner" ADD CONSTRAINT "OfferPartner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferArea" ADD CONSTRAINT "OfferArea_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferArea" ADD CONSTRAINT "OfferArea_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
