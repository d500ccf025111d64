-- CreateEnum
CREATE TYPE "notifications"."delivery_status" AS ENUM ('queued', 'sent', 'failed', 'not_sent');

-- CreateTable
CREATE TABLE "notifications"."deliveries" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "source_subject" TEXT NOT NULL,
    "status" "notifications"."delivery_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "provider_message_id" TEXT,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_idempotency_key_key" ON "notifications"."deliveries"("idempotency_key");

-- CreateIndex
CREATE INDEX "deliveries_recipient_created_at_idx" ON "notifications"."deliveries"("recipient", "created_at");

-- CreateIndex
CREATE INDEX "deliveries_status_created_at_idx" ON "notifications"."deliveries"("status", "created_at");
