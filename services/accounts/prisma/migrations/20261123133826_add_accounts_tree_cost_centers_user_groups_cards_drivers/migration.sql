-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "accounts"."user_directory" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active';

-- CreateTable
CREATE TABLE "accounts"."accounts" (
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "parent_key" UUID NOT NULL,
    "path" UUID[],
    "depth" INTEGER NOT NULL,
    "relation" TEXT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "company_legal_name" TEXT NOT NULL DEFAULT '',
    "company_registration_number" TEXT NOT NULL DEFAULT '',
    "company_vat_number" TEXT NOT NULL DEFAULT '',
    "billing_line1" TEXT NOT NULL DEFAULT '',
    "billing_line2" TEXT NOT NULL DEFAULT '',
    "billing_postal_code" TEXT NOT NULL DEFAULT '',
    "billing_city" TEXT NOT NULL DEFAULT '',
    "billing_country" TEXT NOT NULL DEFAULT '',
    "contact_name" TEXT NOT NULL DEFAULT '',
    "contact_phone" TEXT NOT NULL DEFAULT '',
    "contact_email" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT '',
    "feature_flags" TEXT[],
    "payment_reference" TEXT NOT NULL DEFAULT '',
    "reimbursement_rate_eur_per_kwh" DECIMAL(8,4),
    "station_issue_emails" BOOLEAN NOT NULL DEFAULT false,
    "licence" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "level" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts"."cost_centers" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cost_centers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts"."user_groups" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "station_ids" TEXT[],
    "station_group_ids" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts"."charging_cards" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "uid" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "visual_number" TEXT NOT NULL DEFAULT '',
    "issuer" TEXT NOT NULL,
    "group_id" TEXT NOT NULL DEFAULT '',
    "valid" BOOLEAN NOT NULL DEFAULT true,
    "whitelist" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT '',
    "assigned_user_id" UUID,
    "last_updated" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charging_cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts"."driver_profiles" (
    "account_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "cost_center_id" UUID,
    "info1" TEXT NOT NULL DEFAULT '',
    "info2" TEXT NOT NULL DEFAULT '',
    "vehicle_make" TEXT NOT NULL DEFAULT '',
    "vehicle_model" TEXT NOT NULL DEFAULT '',
    "licence_plate" TEXT NOT NULL DEFAULT '',
    "user_group_ids" UUID[],
    "prioritised" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "driver_profiles_pkey" PRIMARY KEY ("account_id","user_id")
);

-- CreateIndex
CREATE INDEX "accounts_name_key_id_idx" ON "accounts"."accounts"("name_key", "id");

-- CreateIndex
CREATE INDEX "accounts_name_key_trgm_idx" ON "accounts"."accounts" USING GIN ("name_key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "accounts_path_idx" ON "accounts"."accounts" USING GIN ("path");

-- CreateIndex
CREATE INDEX "accounts_parent_id_idx" ON "accounts"."accounts"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_parent_key_name_key_key" ON "accounts"."accounts"("parent_key", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "cost_centers_account_id_name_key_key" ON "accounts"."cost_centers"("account_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "user_groups_account_id_name_key_key" ON "accounts"."user_groups"("account_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "charging_cards_uid_key" ON "accounts"."charging_cards"("uid");

-- CreateIndex
CREATE INDEX "charging_cards_account_id_id_idx" ON "accounts"."charging_cards"("account_id", "id");

-- CreateIndex
CREATE INDEX "charging_cards_assigned_user_id_idx" ON "accounts"."charging_cards"("assigned_user_id");

-- CreateIndex
CREATE INDEX "driver_profiles_user_id_idx" ON "accounts"."driver_profiles"("user_id");

-- AddForeignKey
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "accounts"."accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts"."cost_centers" ADD CONSTRAINT "cost_centers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"."accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts"."user_groups" ADD CONSTRAINT "user_groups_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"."accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts"."charging_cards" ADD CONSTRAINT "charging_cards_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"."accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts"."driver_profiles" ADD CONSTRAINT "driver_profiles_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"."accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts"."driver_profiles" ADD CONSTRAINT "driver_profiles_cost_center_id_fkey" FOREIGN KEY ("cost_center_id") REFERENCES "accounts"."cost_centers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts"."driver_profiles" ADD CONSTRAINT "driver_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "accounts"."user_directory"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;
