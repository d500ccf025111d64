-- AlterTable
ALTER TABLE "accounts"."user_directory" ADD COLUMN     "status_changed_at" TIMESTAMPTZ(3);
