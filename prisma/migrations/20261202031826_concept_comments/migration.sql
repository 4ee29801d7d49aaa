-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CONCEPT_COMMENT_MENTION';

-- CreateTable
CREATE TABLE "ConceptComment" (
    "id" UUID NOT NULL,
    "conceptId" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "authorId" UUID,
    "markdown" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,

    CONSTRAINT "ConceptComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConceptComment_conceptId_sectionId_idx" ON "ConceptComment"("conceptId", "sectionId");

-- AddForeignKey
ALTER TABLE "ConceptComment" ADD CONSTRAINT "ConceptComment_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptComment" ADD CONSTRAINT "ConceptComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptComment" ADD CONSTRAINT "ConceptComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
