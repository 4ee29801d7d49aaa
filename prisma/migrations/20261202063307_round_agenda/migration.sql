-- CreateEnum
CREATE TYPE "AgendaItemStatus" AS ENUM ('PROPOSED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "RoundAgendaItem" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "proposedById" UUID,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "AgendaItemStatus" NOT NULL DEFAULT 'PROPOSED',
    "position" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundAgendaVote" (
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "RoundAgendaVote_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateIndex
CREATE INDEX "RoundAgendaItem_roundId_idx" ON "RoundAgendaItem"("roundId");

-- AddForeignKey
ALTER TABLE "RoundAgendaItem" ADD CONSTRAINT "RoundAgendaItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAgendaItem" ADD CONSTRAINT "RoundAgendaItem_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAgendaVote" ADD CONSTRAINT "RoundAgendaVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RoundAgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAgendaVote" ADD CONSTRAINT "RoundAgendaVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
