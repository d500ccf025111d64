-- The bare baseline's tables: just what its three paths read and write, in a database of its own
-- on the Postgres server the Onramp stack uses, so that both sides meet the same server.
CREATE SCHEMA baseline;

CREATE TABLE baseline.users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  language text NOT NULL DEFAULT 'en',
  status text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  activated_at timestamptz(3),
  last_login_at timestamptz(3)
);

CREATE TABLE baseline.sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES baseline.users (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  revoked_at timestamptz(3)
);
CREATE INDEX sessions_user_id ON baseline.sessions (user_id);

CREATE TABLE baseline.accounts (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  language text NOT NULL DEFAULT 'en',
  status text NOT NULL DEFAULT 'active'
);

CREATE TABLE baseline.invitations (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES baseline.accounts (id),
  email text NOT NULL,
  name text NOT NULL,
  language text NOT NULL,
  role text NOT NULL,
  personal_message text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  -- sha256 of the link token; the token itself only travels in the outbox event.
  token_hash bytea NOT NULL UNIQUE,
  invited_by_user_id uuid NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX invitations_email_account_status ON baseline.invitations (email, account_id, status);
CREATE INDEX invitations_newest_first ON baseline.invitations (created_at DESC, id DESC);

CREATE TABLE baseline.outbox (
  id uuid PRIMARY KEY,
  subject text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  published_at timestamptz(3)
);
CREATE INDEX outbox_unpublished ON baseline.outbox (published_at, created_at);
