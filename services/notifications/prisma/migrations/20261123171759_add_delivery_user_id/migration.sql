-- AlterTable
ALTER TABLE "notifications"."deliveries" ADD COLUMN     "user_id" TEXT;

-- CreateIndex
CREATE INDEX "deliveries_user_id_idx" ON "notifications"."deliveries"("user_id");
