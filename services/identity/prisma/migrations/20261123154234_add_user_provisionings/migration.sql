-- CreateTable
CREATE TABLE "identity"."user_provisionings" (
    "idempotency_key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created" BOOLEAN NOT NULL,
    "membership_ids" UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_provisionings_pkey" PRIMARY KEY ("idempotency_key")
);
