-- CreateEnum
CREATE TYPE "ConceptStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'RUNNING', 'DONE', 'PAUSED');

-- CreateEnum
CREATE TYPE "SectionDecision" AS ENUM ('TAKE_UPSTREAM', 'KEEP_LOCAL');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CONCEPT_UPSTREAM_CHANGED';

-- CreateTable
CREATE TABLE "Concept" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "topics" TEXT[],
    "licence" TEXT NOT NULL,
    "status" "ConceptStatus" NOT NULL DEFAULT 'DRAFT',
    "groupId" UUID,
    "organizationId" UUID,
    "upstreamConceptId" UUID,
    "adaptedFromVersionId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Concept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptSection" (
    "id" UUID NOT NULL,
    "conceptId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL DEFAULT '{"type":"doc","content":[]}',
    "text" TEXT NOT NULL DEFAULT '',
    "upstreamSectionId" UUID,
    "baseVersion" INTEGER,
    "removedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConceptSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptMeasure" (
    "id" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "responsible" TEXT NOT NULL DEFAULT '',
    "partners" TEXT NOT NULL DEFAULT '',
    "timeline" TEXT NOT NULL DEFAULT '',
    "indicator" TEXT NOT NULL DEFAULT '',
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',

    CONSTRAINT "ConceptMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptVersion" (
    "id" UUID NOT NULL,
    "conceptId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID,

    CONSTRAINT "ConceptVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptSectionDecision" (
    "id" UUID NOT NULL,
    "conceptId" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "decision" "SectionDecision" NOT NULL,
    "upstreamVersion" INTEGER NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConceptSectionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Concept_groupId_idx" ON "Concept"("groupId");

-- CreateIndex
CREATE INDEX "Concept_organizationId_idx" ON "Concept"("organizationId");

-- CreateIndex
CREATE INDEX "Concept_upstreamConceptId_idx" ON "Concept"("upstreamConceptId");

-- CreateIndex
CREATE INDEX "ConceptSection_conceptId_position_idx" ON "ConceptSection"("conceptId", "position");

-- CreateIndex
CREATE INDEX "ConceptMeasure_sectionId_position_idx" ON "ConceptMeasure"("sectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ConceptVersion_conceptId_number_key" ON "ConceptVersion"("conceptId", "number");

-- CreateIndex
CREATE INDEX "ConceptSectionDecision_conceptId_idx" ON "ConceptSectionDecision"("conceptId");

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_upstreamConceptId_fkey" FOREIGN KEY ("upstreamConceptId") REFERENCES "Concept"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_adaptedFromVersionId_fkey" FOREIGN KEY ("adaptedFromVersionId") REFERENCES "ConceptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptSection" ADD CONSTRAINT "ConceptSection_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptMeasure" ADD CONSTRAINT "ConceptMeasure_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "ConceptSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptVersion" ADD CONSTRAINT "ConceptVersion_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptVersion" ADD CONSTRAINT "ConceptVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptSectionDecision" ADD CONSTRAINT "ConceptSectionDecision_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptSectionDecision" ADD CONSTRAINT "ConceptSectionDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
