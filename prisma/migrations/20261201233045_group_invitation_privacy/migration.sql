-- CreateEnum
CREATE TYPE "GroupInvitationKind" AS ENUM ('PERSON', 'EMAIL', 'MUNICIPALITY');

-- AlterTable
ALTER TABLE "GroupMember" ADD COLUMN     "invitedVia" "GroupInvitationKind";

-- CreateTable
CREATE TABLE "GroupEmailInvitation" (
    "groupId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "invitedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupEmailInvitation_pkey" PRIMARY KEY ("groupId","email")
);

-- CreateIndex
CREATE INDEX "GroupEmailInvitation_email_idx" ON "GroupEmailInvitation"("email");

-- AddForeignKey
ALTER TABLE "GroupEmailInvitation" ADD CONSTRAINT "GroupEmailInvitation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupEmailInvitation" ADD CONSTRAINT "GroupEmailInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
