-- A published version keeps the licence it was published under (a CC licence, once granted, cannot be taken back
-- for what was published) and, for an adaptation, the upstream version it rested on then.
ALTER TABLE "ConceptVersion" ADD COLUMN "licence" TEXT,
ADD COLUMN "upstreamVersion" INTEGER;

-- Versions published before knew neither: the concept's licence and its sections' alignment today are the best record.
UPDATE "ConceptVersion" v SET "licence" = c."licence" FROM "Concept" c WHERE c."id" = v."conceptId";
UPDATE "ConceptVersion" v SET "upstreamVersion" = s."aligned"
FROM (SELECT "conceptId", MAX("baseVersion") AS "aligned" FROM "ConceptSection" WHERE "removedAt" IS NULL GROUP BY "conceptId") s
WHERE s."conceptId" = v."conceptId" AND s."aligned" IS NOT NULL;

ALTER TABLE "ConceptVersion" ALTER COLUMN "licence" SET NOT NULL;
