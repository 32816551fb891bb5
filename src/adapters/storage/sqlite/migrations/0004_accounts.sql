-- 0004_accounts: accounts, database-held sessions (so several server
-- processes can share them) and failed-login records for throttling.

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  -- NULL only for installation-wide roles (system_admin, province_observer).
  commune_id INTEGER REFERENCES communes (id),
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('system_admin', 'province_observer', 'commune_admin',
    'chairman', 'vice_chairman', 'office', 'secretary', 'finance', 'unit_official',
    'village_head', 'front_supervisor')),
  denunciation_handler INTEGER NOT NULL DEFAULT 0 CHECK (denunciation_handler IN (0, 1)),
  village_id INTEGER REFERENCES villages (id),
  unit_id INTEGER REFERENCES units (id),
  province_code TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at_ms INTEGER NOT NULL,
  CHECK ((commune_id IS NULL) = (role IN ('system_admin', 'province_observer')))
) STRICT;

CREATE INDEX accounts_by_commune ON accounts (commune_id, username);

-- Only the SHA-256 of a session token is stored; a stolen database file does
-- not give working sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  csrf_token TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_by_account ON sessions (account_id);

-- key: "user:<username>" or "addr:<client address>".
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX login_failures_by_key ON login_failures (key, at_ms);
