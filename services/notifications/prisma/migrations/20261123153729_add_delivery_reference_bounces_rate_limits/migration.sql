-- AlterEnum
ALTER TYPE "notifications"."delivery_status" ADD VALUE 'bounced';

-- AlterTable
ALTER TABLE "notifications"."deliveries" ADD COLUMN     "reference" TEXT;

-- CreateTable
CREATE TABLE "notifications"."provider_rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "provider_rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "deliveries_provider_message_id_idx" ON "notifications"."deliveries"("provider_message_id");
