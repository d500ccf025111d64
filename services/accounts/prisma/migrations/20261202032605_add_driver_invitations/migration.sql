-- CreateTable
CREATE TABLE "accounts"."driver_invitations" (
    "invitation_id" UUID NOT NULL,
    "account_ids" UUID[],
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "driver_invitations_pkey" PRIMARY KEY ("invitation_id")
);

-- CreateIndex
CREATE INDEX "driver_invitations_account_ids_idx" ON "accounts"."driver_invitations" USING GIN ("account_ids");
