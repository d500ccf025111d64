-- CreateTable
CREATE TABLE "import"."dead_letters" (
    "id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" BYTEA NOT NULL,
    "headers" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NOT NULL,
    "first_failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parked_at" TIMESTAMPTZ(3),
    "replayed_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dead_letters_parked_at_consumer_idx" ON "import"."dead_letters"("parked_at", "consumer");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letters_consumer_message_id_key" ON "import"."dead_letters"("consumer", "message_id");
