-- A round's protocol is read by the round's audience, not by every member: materials visible to the members of
-- some places (AREA, `readerAreas`).
ALTER TYPE "MaterialVisibility" ADD VALUE 'AREA';

ALTER TABLE "Material" ADD COLUMN "readerAreas" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Protocols of rounds for a Land, a Kreis area or the host's neighbours were published to every member. Until the
-- host publishes them again they are the host organisation's (the audience's places are not known here).
UPDATE "Material" m SET "visibility" = 'ORGANIZATION'
FROM "Round" r JOIN "RoundSeries" s ON s.id = r."seriesId"
WHERE r."protocolId" = m.id AND m."visibility" = 'MEMBERS' AND s."audience" IN ('LAND', 'KREIS_AREA', 'NEIGHBOURS');
