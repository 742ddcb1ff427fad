import type { Migration } from './migration.ts';

// STRICT tables: SQLite checks column types as PostgreSQL does. JSON columns are TEXT checked
// with json_valid, as PostgreSQL's json type checks its input.
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, sign-in states, audit, jobs, findings, pins',
    sql: `
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  email TEXT,
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'agent', 'admin')),
  id_token TEXT,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  idle_timeout_ms INTEGER NOT NULL,
  absolute_expires_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_subject ON sessions (subject);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE sign_in_states (
  state_hash TEXT PRIMARY KEY,
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  return_to TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sign_in_states_expires_at ON sign_in_states (expires_at);

CREATE TABLE audit_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_subject TEXT,
  actor_email TEXT,
  operation TEXT NOT NULL,
  chatbot_id TEXT NOT NULL,
  organization_id TEXT,
  organization_name TEXT,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  status INTEGER,
  error TEXT,
  request_id TEXT,
  job_id TEXT
) STRICT;
CREATE INDEX audit_entries_newest ON audit_entries (at DESC, id DESC);
CREATE INDEX audit_entries_actor_subject ON audit_entries (actor_subject, at DESC, id DESC);
CREATE INDEX audit_entries_actor_email ON audit_entries (actor_email, at DESC, id DESC);
CREATE INDEX audit_entries_organization ON audit_entries (organization_id, at DESC, id DESC);
CREATE INDEX audit_entries_operation ON audit_entries (operation, at DESC, id DESC);
CREATE INDEX audit_entries_job ON audit_entries (job_id) WHERE job_id IS NOT NULL;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
  SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  chatbot_id TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  created_by TEXT,
  state TEXT NOT NULL
    CHECK (state IN ('queued', 'running', 'paused', 'cancelled', 'done', 'failed')),
  total INTEGER,
  done_count INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  checkpoint TEXT CHECK (checkpoint IS NULL OR json_valid(checkpoint)),
  error TEXT,
  lease_owner TEXT,
  lease_token TEXT,
  lease_expires_at INTEGER,
  claims INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
) STRICT;
CREATE INDEX jobs_runnable ON jobs (created_at, id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_chatbot ON jobs (chatbot_id, created_at DESC, id DESC);
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_items (
  job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'skipped')),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (job_id, seq)
) STRICT;

CREATE TABLE finding_scans (
  chatbot_id TEXT NOT NULL,
  scan_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('staged', 'current')),
  started_at INTEGER NOT NULL,
  scanned_at INTEGER,
  record_count INTEGER,
  PRIMARY KEY (chatbot_id, scan_id)
) STRICT;
CREATE UNIQUE INDEX finding_scans_one_current ON finding_scans (chatbot_id) WHERE state = 'current';

CREATE TABLE findings (
  chatbot_id TEXT NOT NULL,
  scan_id TEXT NOT NULL,
  check_name TEXT NOT NULL,
  finding_key TEXT NOT NULL,
  record_id TEXT NOT NULL,
  detail TEXT NOT NULL CHECK (json_valid(detail)),
  PRIMARY KEY (chatbot_id, scan_id, check_name, finding_key, record_id),
  FOREIGN KEY (chatbot_id, scan_id) REFERENCES finding_scans (chatbot_id, scan_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX findings_record ON findings (chatbot_id, record_id);

CREATE TABLE pins (
  user_subject TEXT NOT NULL,
  chatbot_id TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  pinned_at INTEGER NOT NULL,
  PRIMARY KEY (user_subject, chatbot_id, organization_id)
) STRICT;
`,
  },
  {
    version: 2,
    name: 'one-time codes that sign in the lookup inside a chat tool frame',
    sql: `
CREATE TABLE frame_sign_in_codes (
  code_hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  email TEXT,
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'agent', 'admin')),
  id_token TEXT,
  absolute_expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX frame_sign_in_codes_expires_at ON frame_sign_in_codes (expires_at);
`,
  },
];
