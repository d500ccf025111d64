-- CreateTable
CREATE TABLE "import"."import_jobs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "on_conflict" TEXT NOT NULL,
    "send_invitations" BOOLEAN NOT NULL,
    "file_name" TEXT NOT NULL,
    "object_name" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "encoding" TEXT NOT NULL DEFAULT '',
    "delimiter" TEXT NOT NULL DEFAULT '',
    "headers" JSONB NOT NULL DEFAULT '[]',
    "caller" BYTEA NOT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "platform" BOOLEAN NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "valid" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "step_done" INTEGER NOT NULL DEFAULT 0,
    "step_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_line" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "failure" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import"."import_rows" (
    "import_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,
    "values" JSONB NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT,
    "entity_id" TEXT NOT NULL DEFAULT '',
    "violations" JSONB NOT NULL DEFAULT '[]',
    "invitation_id" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "import_rows_pkey" PRIMARY KEY ("import_id","line")
);

-- CreateIndex
CREATE INDEX "import_jobs_created_at_id_idx" ON "import"."import_jobs"("created_at", "id");

-- CreateIndex
CREATE INDEX "import_jobs_status_lease_expires_at_idx" ON "import"."import_jobs"("status", "lease_expires_at");
