-- 0007_jobs_outbox: the durable job queue (issue #6 §3, core/jobs/job.h) and
-- the notification outbox (issue #6 §4, core/notifications/message.h). Used
-- by SqlJobQueue and SqlOutbox. Times are milliseconds since the Unix
-- epoch; NULL where the port's Timestamp is unset.

-- A job waits as 'queued' until run_at, is claimed ('running', claimed_by,
-- lease_until) inside BEGIN IMMEDIATE so two workers never claim it, and
-- ends 'done', 'dropped' (its subject changed) or 'failed' (no attempt left).
-- A running job whose lease ran out is claimed again (its worker died).
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  -- Handler name: "notify.send", "reminder.digest", …
  kind TEXT NOT NULL CHECK (kind <> ''),
  -- Unique per commune in any state: planning the same job twice stores it
  -- once ("message:17", "digest:official:7:2026-11-30").
  fingerprint TEXT NOT NULL CHECK (fingerprint <> ''),
  -- What the job is about ("petition:42") and its checksum when planned;
  -- '' = not checked.
  subject TEXT NOT NULL DEFAULT '',
  subject_checksum TEXT NOT NULL DEFAULT '',
  -- JSON for the handler.
  payload TEXT NOT NULL DEFAULT '',
  run_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dropped', 'failed')),
  -- Attempts started so far (Claim adds one).
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  -- The worker and the end of its lease while running; '' and NULL otherwise.
  claimed_by TEXT NOT NULL DEFAULT '',
  lease_until INTEGER,
  -- Vietnamese reason of the last failure or drop.
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  -- When it became done, dropped or failed.
  finished_at INTEGER,
  UNIQUE (commune_id, fingerprint),
  CHECK (state <> 'running' OR (claimed_by <> '' AND lease_until IS NOT NULL))
) STRICT;

-- Claim: due queued jobs, oldest run_at first, and running jobs whose lease
-- ran out.
CREATE INDEX jobs_due ON jobs (state, run_at);
CREATE INDEX jobs_leases ON jobs (state, lease_until);
-- The staff list of a commune's jobs, newest first (UNIQUE above leads with
-- commune_id but orders by fingerprint).
CREATE INDEX jobs_by_commune ON jobs (commune_id, id DESC);

-- Every message the system sends, with its delivery state, stored before the
-- "notify.send" job hands it to a transport. CONF-01: a withheld message has
-- no address and never gets a job.
CREATE TABLE outbox_messages (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  -- Template key: "petition.received", "reminder.digest", …
  event TEXT NOT NULL CHECK (event <> ''),
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'zalo')),
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('citizen', 'official', 'chairman')),
  -- A pseudonym for a denouncer (CONF-02).
  recipient_name TEXT NOT NULL DEFAULT '',
  -- Phone or e-mail; '' when withheld.
  address TEXT NOT NULL DEFAULT '',
  -- The official it goes to, NULL for a citizen. No foreign key: the record of
  -- what was sent outlives a removed official.
  official_id INTEGER,
  -- The petition's tracking code; '' for a digest.
  petition_code TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'retrying', 'failed', 'withheld')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT NOT NULL DEFAULT '',
  -- The transport that sent it: "webhook", "smtp", "log".
  transport TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  next_attempt_at INTEGER,
  CHECK (state <> 'withheld' OR address = '')
) STRICT;

-- The outbox page: newest first, filtered by petition or by state.
CREATE INDEX outbox_by_commune ON outbox_messages (commune_id, id DESC);
CREATE INDEX outbox_by_petition ON outbox_messages (commune_id, petition_code, id DESC);
CREATE INDEX outbox_by_state ON outbox_messages (commune_id, state, id DESC);
