-- A published version keeps the title and summary it was published with: readers see those, not the draft's.
ALTER TABLE "ConceptVersion" ADD COLUMN "title" TEXT,
ADD COLUMN "summary" TEXT NOT NULL DEFAULT '';

UPDATE "ConceptVersion" v SET "title" = c."title", "summary" = c."summary" FROM "Concept" c WHERE c."id" = v."conceptId";

ALTER TABLE "ConceptVersion" ALTER COLUMN "title" SET NOT NULL;
