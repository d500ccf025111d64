-- CreateIndex
CREATE INDEX "joining_codes_account_lineage_idx" ON "invitations"."joining_codes" USING GIN ("account_lineage");

-- CreateIndex
CREATE INDEX "registration_settings_account_lineage_idx" ON "invitations"."registration_settings" USING GIN ("account_lineage");
