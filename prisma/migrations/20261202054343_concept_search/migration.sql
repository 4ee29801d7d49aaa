-- AlterTable
ALTER TABLE "Concept" ADD COLUMN     "rankVector" tsvector,
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Concept_searchVector_idx" ON "Concept" USING GIN ("searchVector");
