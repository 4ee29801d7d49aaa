-- DropIndex
DROP INDEX "Material_searchText_idx";

-- DropIndex
DROP INDEX "Material_visibility_idx";

-- AlterTable
ALTER TABLE "Material" DROP COLUMN "searchText",
ADD COLUMN     "rankVector" tsvector;

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);
