-- AlterTable
ALTER TABLE "identity"."users" ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "gender" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "identity"."user_import_rows" (
    "import_id" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "user_id" UUID,
    "violations" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_import_rows_pkey" PRIMARY KEY ("import_id","line")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_external_id_key" ON "identity"."users"("external_id");
