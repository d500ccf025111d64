-- CreateTable
CREATE TABLE "accounts"."account_memberships" (
    "membership_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "account_ids" UUID[],
    "roles" TEXT[],
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_memberships_pkey" PRIMARY KEY ("membership_id")
);

-- CreateIndex
CREATE INDEX "account_memberships_user_id_idx" ON "accounts"."account_memberships"("user_id");

-- CreateIndex
CREATE INDEX "account_memberships_account_ids_idx" ON "accounts"."account_memberships" USING GIN ("account_ids");
