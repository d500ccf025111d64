-- CreateTable
CREATE TABLE "invitations"."account_lineages" (
    "account_id" UUID NOT NULL,
    "ancestor_ids" UUID[],

    CONSTRAINT "account_lineages_pkey" PRIMARY KEY ("account_id")
);

-- CreateIndex
CREATE INDEX "account_lineages_ancestor_ids_idx" ON "invitations"."account_lineages" USING GIN ("ancestor_ids");
