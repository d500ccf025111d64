-- CreateEnum
CREATE TYPE "notifications"."email_provider" AS ENUM ('smtp', 'postmark', 'log', 'none');

-- CreateTable
CREATE TABLE "notifications"."email_provider_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "provider" "notifications"."email_provider" NOT NULL,
    "encrypted_secret" TEXT,
    "from_address" TEXT,
    "message_stream" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "email_provider_settings_pkey" PRIMARY KEY ("id")
);
