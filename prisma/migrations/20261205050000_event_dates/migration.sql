-- CreateTable
CREATE TABLE "EventDate" (
    "eventId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventDate_pkey" PRIMARY KEY ("eventId","startsAt")
);

-- CreateIndex
CREATE INDEX "EventDate_startsAt_idx" ON "EventDate"("startsAt");

-- AddForeignKey
ALTER TABLE "EventDate" ADD CONSTRAINT "EventDate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An event of one date has that date; the dates of recurring events are written when the API starts
-- (events/event-dates.ts), which expands their rules.
INSERT INTO "EventDate" ("eventId", "startsAt", "endsAt") SELECT id, "startsAt", "endsAt" FROM "Event" WHERE rrule IS NULL;
