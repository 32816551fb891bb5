-- 0008_cases_notifications: cases (vụ việc) that group the petitions of
-- several citizens raising one issue (issue #6 §1, core/petitions/
-- petition_case.h), and the per-commune notification settings (issue #6
-- §3–4, core/notifications/notify_settings.h). Used by SqlCaseRepository
-- and SqlNotificationSettings. Times are milliseconds since the Unix epoch.

-- One case of a commune. Its members are in petition_case_members; a case
-- always has at least one (the repository deletes a case when its last
-- member is removed).
CREATE TABLE petition_cases (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  -- "Đường trục thôn 3 xuống cấp": NFC, 1..200 code points (CleanCaseTitle).
  title TEXT NOT NULL CHECK (title <> ''),
  -- Field code of the petition settings; '' = not set.
  field TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  -- The actor name of the audit context that created it.
  created_by TEXT NOT NULL DEFAULT '',
  -- 1 on create, +1 on every change (members or title).
  version INTEGER NOT NULL CHECK (version >= 1),
  -- Parent key of the members' (commune_id, case_id) reference, so a member
  -- row and its case belong to the same commune.
  UNIQUE (commune_id, id)
) STRICT;

-- The petitions of each case, in the order they were added (position). The
-- primary key makes a petition a member of at most one case; both references
-- carry commune_id, so a case never holds a petition of another commune
-- (issue #6: merging petitions of two communes is refused).
CREATE TABLE petition_case_members (
  commune_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL,
  petition_id INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (commune_id, petition_id),
  FOREIGN KEY (commune_id, case_id) REFERENCES petition_cases (commune_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (commune_id, petition_id) REFERENCES petitions (commune_id, id)
) STRICT;

-- Members of a case in order (Find, Prominent, the cascade above).
CREATE INDEX petition_case_members_by_case ON petition_case_members (commune_id, case_id, position);

-- Per-commune notification settings (NotificationSettings as JSON,
-- adapters/json/notify_settings_json.h); no row = the defaults.
CREATE TABLE notification_settings (
  commune_id INTEGER PRIMARY KEY REFERENCES communes (id),
  data TEXT NOT NULL
) STRICT;
