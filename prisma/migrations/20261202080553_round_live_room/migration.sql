-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "protocolId" UUID,
ADD COLUMN     "roomClosedAt" TIMESTAMP(3),
ADD COLUMN     "roomOpenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RoundRegistration" ADD COLUMN     "attendedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RoundMessage" (
    "id" BIGSERIAL NOT NULL,
    "roundId" UUID NOT NULL,
    "authorId" UUID,
    "clientId" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" UUID,
    "hiddenReason" TEXT,

    CONSTRAINT "RoundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundPoll" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "options" TEXT[],
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "RoundPoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundPollVote" (
    "pollId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choices" INTEGER[],
    "votedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundPollVote_pkey" PRIMARY KEY ("pollId","userId")
);

-- CreateTable
CREATE TABLE "RoundActionItem" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "who" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "due" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "carriedAt" TIMESTAMP(3),

    CONSTRAINT "RoundActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoundMessage_roundId_id_idx" ON "RoundMessage"("roundId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RoundMessage_roundId_authorId_clientId_key" ON "RoundMessage"("roundId", "authorId", "clientId");

-- CreateIndex
CREATE INDEX "RoundPoll_roundId_idx" ON "RoundPoll"("roundId");

-- CreateIndex
CREATE INDEX "RoundActionItem_roundId_idx" ON "RoundActionItem"("roundId");

-- AddForeignKey
ALTER TABLE "RoundMessage" ADD CONSTRAINT "RoundMessage_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundMessage" ADD CONSTRAINT "RoundMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundMessage" ADD CONSTRAINT "RoundMessage_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPoll" ADD CONSTRAINT "RoundPoll_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPoll" ADD CONSTRAINT "RoundPoll_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPollVote" ADD CONSTRAINT "RoundPollVote_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "RoundPoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPollVote" ADD CONSTRAINT "RoundPollVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundActionItem" ADD CONSTRAINT "RoundActionItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundActionItem" ADD CONSTRAINT "RoundActionItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
