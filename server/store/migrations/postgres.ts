import type { Migration } from './migration.ts';

// Text columns that rows are sorted or paged by use the "C" collation, so PostgreSQL orders them
// by code point as SQLite does, whatever the database's default locale.
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, sign-in states, audit, jobs, findings, pins',
    sql: `
CREATE TABLE sessions (
  id_hash text COLLATE "C" PRIMARY KEY,
  subject text NOT NULL,
  email text,
  name text,
  role text NOT NULL CHECK (role IN ('viewer', 'agent', 'admin')),
  id_token text,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  idle_timeout_ms bigint NOT NULL,
  absolute_expires_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sessions_subject ON sessions (subject);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE sign_in_states (
  state_hash text COLLATE "C" PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sign_in_states_expires_at ON sign_in_states (expires_at);

CREATE TABLE audit_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at bigint NOT NULL,
  actor_subject text,
  actor_email text,
  operation text NOT NULL,
  chatbot_id text NOT NULL,
  organization_id text,
  organization_name text,
  before json,
  after json,
  status integer,
  error text,
  request_id text,
  job_id text
);
CREATE INDEX audit_entries_newest ON audit_entries (at DESC, id DESC);
CREATE INDEX audit_entries_actor_subject ON audit_entries (actor_subject, at DESC, id DESC);
CREATE INDEX audit_entries_actor_email ON audit_entries (actor_email, at DESC, id DESC);
CREATE INDEX audit_entries_organization ON audit_entries (organization_id, at DESC, id DESC);
CREATE INDEX audit_entries_operation ON audit_entries (operation, at DESC, id DESC);
CREATE INDEX audit_entries_job ON audit_entries (job_id) WHERE job_id IS NOT NULL;
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only';
END
$$;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TABLE jobs (
  id text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  chatbot_id text NOT NULL,
  params json NOT NULL,
  created_by text,
  state text NOT NULL
    CHECK (state IN ('queued', 'running', 'paused', 'cancelled', 'done', 'failed')),
  total integer,
  done_count integer NOT NULL DEFAULT 0,
  failed_count integer NOT NULL DEFAULT 0,
  skipped_count integer NOT NULL DEFAULT 0,
  checkpoint json,
  error text,
  lease_owner text,
  lease_token text,
  lease_expires_at bigint,
  claims integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  started_at bigint,
  finished_at bigint
);
CREATE INDEX jobs_runnable ON jobs (created_at, id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_chatbot ON jobs (chatbot_id, created_at DESC, id DESC);
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_items (
  job_id text COLLATE "C" NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  record_id text NOT NULL,
  before json,
  after json,
  status text NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'skipped')),
  error text,
  attempts integer NOT NULL DEFAULT 0,
  updated_at bigint NOT NULL,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE finding_scans (
  chatbot_id text COLLATE "C" NOT NULL,
  scan_id text COLLATE "C" NOT NULL,
  state text NOT NULL CHECK (state IN ('staged', 'current')),
  started_at bigint NOT NULL,
  scanned_at bigint,
  record_count integer,
  PRIMARY KEY (chatbot_id, scan_id)
);
CREATE UNIQUE INDEX finding_scans_one_current ON finding_scans (chatbot_id) WHERE state = 'current';

CREATE TABLE findings (
  chatbot_id text COLLATE "C" NOT NULL,
  scan_id text COLLATE "C" NOT NULL,
  check_name text COLLATE "C" NOT NULL,
  finding_key text COLLATE "C" NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  detail json NOT NULL,
  PRIMARY KEY (chatbot_id, scan_id, check_name, finding_key, record_id),
  FOREIGN KEY (chatbot_id, scan_id) REFERENCES finding_scans (chatbot_id, scan_id) ON DELETE CASCADE
);
CREATE INDEX findings_record ON findings (chatbot_id, record_id);

CREATE TABLE pins (
  user_subject text COLLATE "C" NOT NULL,
  chatbot_id text COLLATE "C" NOT NULL,
  organization_id text COLLATE "C" NOT NULL,
  sort_order integer NOT NULL,
  pinned_at bigint NOT NULL,
  PRIMARY KEY (user_subject, chatbot_id, organization_id)
);
`,
  },
  {
    version: 2,
    name: 'one-time codes that sign in the lookup inside a chat tool frame',
    sql: `
CREATE TABLE frame_sign_in_codes (
  code_hash text COLLATE "C" PRIMARY KEY,
  subject text NOT NULL,
  email text,
  name text,
  role text NOT NULL CHECK (role IN ('viewer', 'agent', 'admin')),
  id_token text,
  absolute_expires_at bigint NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX frame_sign_in_codes_expires_at ON frame_sign_in_codes (expires_at);
`,
  },
];
