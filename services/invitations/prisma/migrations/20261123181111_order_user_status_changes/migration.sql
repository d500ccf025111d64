-- AlterTable
ALTER TABLE "invitations"."invitations" ADD COLUMN     "user_status_changed_at" TIMESTAMPTZ(3);
