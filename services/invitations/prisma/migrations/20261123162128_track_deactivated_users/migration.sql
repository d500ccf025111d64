-- AlterTable
ALTER TABLE "invitations"."invitations" ADD COLUMN     "user_deactivated_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "invitations_accepted_user_id_idx" ON "invitations"."invitations"("accepted_user_id");
