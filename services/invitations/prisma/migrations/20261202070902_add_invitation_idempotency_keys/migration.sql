-- AlterTable
ALTER TABLE "invitations"."invitations" ADD COLUMN     "idempotency_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "invitations_idempotency_key_key" ON "invitations"."invitations"("idempotency_key");
