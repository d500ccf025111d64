-- AlterTable
ALTER TABLE "accounts"."accounts" ADD COLUMN     "contact_gender" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "external_id" TEXT;

-- CreateTable
CREATE TABLE "accounts"."imported_rows" (
    "import_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "record_id" UUID,
    "violations" JSONB NOT NULL DEFAULT '[]',
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imported_rows_pkey" PRIMARY KEY ("import_id","kind","line")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_external_id_key" ON "accounts"."accounts"("external_id");

-- CreateIndex
CREATE INDEX "accounts_depth_id_idx" ON "accounts"."accounts"("depth", "id");
