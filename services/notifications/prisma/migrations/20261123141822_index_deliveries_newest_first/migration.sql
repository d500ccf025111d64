-- CreateIndex
CREATE INDEX "deliveries_created_at_id_idx" ON "notifications"."deliveries"("created_at" DESC, "id" DESC);
