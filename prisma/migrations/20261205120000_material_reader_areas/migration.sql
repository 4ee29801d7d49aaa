-- A round's protocol is read by the round's audience, not by every member: materials visible to the members of
-- some places (AREA, `readerAreas`).
ALTER TYPE "MaterialVisibility" ADD VALUE 'AREA';

ALTER TABLE "Material" ADD COLUMN "readerAreas" TEXT[] DEFAULT ARRAY[]::TEXT[];
