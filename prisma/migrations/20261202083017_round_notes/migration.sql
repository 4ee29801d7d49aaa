-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "RoundNoteUpdate" (
    "id" BIGSERIAL NOT NULL,
    "roundId" UUID NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundNoteUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoundNoteUpdate_roundId_id_idx" ON "RoundNoteUpdate"("roundId", "id");

-- AddForeignKey
ALTER TABLE "RoundNoteUpdate" ADD CONSTRAINT "RoundNoteUpdate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
