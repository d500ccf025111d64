-- CreateEnum
CREATE TYPE "invitations"."invitation_kind" AS ENUM ('system_user', 'account_owner', 'end_user', 'sub_account', 'admin', 'account_user', 'account');

-- CreateEnum
CREATE TYPE "invitations"."invitation_status" AS ENUM ('pending', 'accepted', 'revoked', 'expired', 'superseded');

-- CreateEnum
CREATE TYPE "invitations"."joining_code_status" AS ENUM ('active', 'revoked');

-- CreateEnum
CREATE TYPE "invitations"."registration_status" AS ENUM ('submitting', 'pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "invitations"."invitations" (
    "id" UUID NOT NULL,
    "kind" "invitations"."invitation_kind" NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "scope_key" TEXT NOT NULL,
    "account_ids" UUID[],
    "account_lineage" UUID[],
    "account_name" TEXT NOT NULL,
    "new_account_id" UUID,
    "new_account_name" TEXT,
    "roles" TEXT[],
    "additional_permissions" TEXT[],
    "personal_message" TEXT NOT NULL,
    "status" "invitations"."invitation_status" NOT NULL DEFAULT 'pending',
    "token_hash" BYTEA NOT NULL,
    "invited_by_user_id" UUID,
    "inviter_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "resend_count" INTEGER NOT NULL DEFAULT 0,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_user_id" UUID,
    "acceptance_company" JSONB,
    "email_status" TEXT NOT NULL,
    "email_reason" TEXT NOT NULL DEFAULT '',
    "email_updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations"."invitation_events" (
    "id" UUID NOT NULL,
    "invitation_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "by_user_id" UUID,
    "ip" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "invitation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations"."joining_codes" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "account_lineage" UUID[],
    "account_name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" "invitations"."joining_code_status" NOT NULL DEFAULT 'active',
    "max_uses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_user_id" UUID,

    CONSTRAINT "joining_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations"."joining_code_redemptions" (
    "joining_code_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "completed" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "joining_code_redemptions_pkey" PRIMARY KEY ("joining_code_id","user_id")
);

-- CreateTable
CREATE TABLE "invitations"."registration_settings" (
    "account_id" UUID NOT NULL,
    "account_lineage" UUID[],
    "account_name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "registration_code" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" UUID,

    CONSTRAINT "registration_settings_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "invitations"."registrations" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "account_lineage" UUID[],
    "user_id" UUID,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" "invitations"."registration_status" NOT NULL DEFAULT 'submitting',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_user_id" UUID,

    CONSTRAINT "registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations"."rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"."invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_email_scope_key_status_idx" ON "invitations"."invitations"("email", "scope_key", "status");

-- CreateIndex
CREATE INDEX "invitations_status_expires_at_idx" ON "invitations"."invitations"("status", "expires_at");

-- CreateIndex
CREATE INDEX "invitations_created_at_id_idx" ON "invitations"."invitations"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "invitations_account_lineage_idx" ON "invitations"."invitations" USING GIN ("account_lineage");

-- CreateIndex
CREATE INDEX "invitation_events_invitation_id_at_idx" ON "invitations"."invitation_events"("invitation_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "joining_codes_code_key" ON "invitations"."joining_codes"("code");

-- CreateIndex
CREATE INDEX "joining_codes_account_id_created_at_id_idx" ON "invitations"."joining_codes"("account_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "registration_settings_registration_code_key" ON "invitations"."registration_settings"("registration_code");

-- CreateIndex
CREATE INDEX "registrations_status_created_at_id_idx" ON "invitations"."registrations"("status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "registrations_account_lineage_idx" ON "invitations"."registrations" USING GIN ("account_lineage");

-- AddForeignKey
ALTER TABLE "invitations"."invitation_events" ADD CONSTRAINT "invitation_events_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "invitations"."invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations"."joining_code_redemptions" ADD CONSTRAINT "joining_code_redemptions_joining_code_id_fkey" FOREIGN KEY ("joining_code_id") REFERENCES "invitations"."joining_codes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
