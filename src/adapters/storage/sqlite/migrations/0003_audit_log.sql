-- 0003_audit_log: the tamper-evident audit log (issue #3). One row per state
-- change and per read of a confidential field. Rows are appended only by
-- AppendAudit (adapters/storage/sql/audit_log.h), inside the same
-- transaction as the change they record. Each row carries the SHA-256 of the
-- previous row (prev_hash) and of itself (hash), so an edit or a deletion
-- breaks the chain; `doithoai audit verify` finds the first broken row. The
-- triggers below are a second line of defence only: anyone holding the file
-- can drop them, which is what the hash chain detects.

CREATE TABLE audit_log (
  -- Position in the chain: 1, 2, 3, … with no gaps (a gap = a deleted row).
  id INTEGER PRIMARY KEY,
  -- 0 = system-wide. No foreign key, so entries outlive what they describe.
  commune_id INTEGER NOT NULL,
  -- 0 = the system or a CLI operator.
  actor_account_id INTEGER NOT NULL,
  actor_name TEXT NOT NULL,
  -- IP address for HTTP requests, '' for the CLI.
  client_address TEXT NOT NULL,
  -- Milliseconds since the Unix epoch (UTC).
  at_ms INTEGER NOT NULL,
  -- "village.create", "petition.read_identity", …
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  -- Short JSON summaries of the state before and after ('' if none).
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  -- Lower-case hex SHA-256 of the previous row ('' for row 1) and of this row.
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- The admin page lists one commune's entries, newest first.
CREATE INDEX audit_log_by_commune ON audit_log (commune_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Inserts must extend the chain: this also stops INSERT OR REPLACE from
-- overwriting an existing row (REPLACE deletes without firing the DELETE
-- trigger) and an insert that leaves a gap.
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
