-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ROUND_REMINDER';
ALTER TYPE "NotificationKind" ADD VALUE 'ROUND_CHANGED';
ALTER TYPE "NotificationKind" ADD VALUE 'ROUND_PROMOTED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarToken" TEXT;

-- CreateTable
CREATE TABLE "RoundReminder" (
    "roundId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lead" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundReminder_pkey" PRIMARY KEY ("roundId","userId","lead")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");

-- AddForeignKey
ALTER TABLE "RoundReminder" ADD CONSTRAINT "RoundReminder_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundReminder" ADD CONSTRAINT "RoundReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
