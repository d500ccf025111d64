/** The `dead_letters` table as every service's migration creates it, for the lib's own specs. */
export const deadLettersTable = (schema: string): string => `
  CREATE TABLE ${schema}.dead_letters (id uuid PRIMARY KEY, consumer text NOT NULL, message_id text NOT NULL,
    subject text NOT NULL, payload bytea NOT NULL, headers jsonb NOT NULL, attempts int NOT NULL, last_error text NOT NULL,
    first_failed_at timestamptz(3) NOT NULL DEFAULT now(), last_failed_at timestamptz(3) NOT NULL DEFAULT now(),
    parked_at timestamptz(3), replayed_at timestamptz(3), UNIQUE (consumer, message_id));`;
