-- CreateTable
CREATE TABLE "ConceptSectionUpdate" (
    "id" BIGSERIAL NOT NULL,
    "sectionId" UUID NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConceptSectionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConceptSectionUpdate_sectionId_id_idx" ON "ConceptSectionUpdate"("sectionId", "id");

-- AddForeignKey
ALTER TABLE "ConceptSectionUpdate" ADD CONSTRAINT "ConceptSectionUpdate_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "ConceptSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
