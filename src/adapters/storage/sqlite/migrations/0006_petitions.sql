-- 0006_petitions: citizen petitions (issue #5), the tracking-code prefix of
-- each commune, the full-text index for diacritic-insensitive search
-- (SRCH-01) and the per-commune settings of the module. Used by
-- SqlPetitionRepository.
--
-- A petition is one row: the whole aggregate is the JSON of
-- adapters/json/petition_json.h in `data`; the other columns are copies for
-- listing and filtering (core Summarize(), written together with `data`,
-- never alone). CONF-01: for a petition whose identity is sealed, `data` holds
-- the sealed (encrypted) identity only, never the plaintext submitter, and
-- neither `search_name` nor the search index holds the name or address.
-- Dates are ISO text (YYYY-MM-DD); times are milliseconds since the Unix epoch.

-- FB-01: the letters that start a commune's tracking codes ("HT-26-0001-K"),
-- fixed on its first petition. Unique, so codes are unique across communes.
CREATE TABLE petition_prefixes (
  commune_id INTEGER PRIMARY KEY REFERENCES communes (id),
  prefix TEXT NOT NULL UNIQUE
    CHECK (length(prefix) BETWEEN 2 AND 4 AND prefix NOT GLOB '*[^A-Z]*')
) STRICT;

CREATE TABLE petitions (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  -- The tracking code: prefix, year % 100, sequence (per commune and year)
  -- and a check character; see core/petitions/tracking_code.h.
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  code TEXT NOT NULL UNIQUE,
  -- PetitionChannelCode: "online", "walk_in", …
  channel TEXT NOT NULL,
  -- Summarize(): ItemStatusCode of the least advanced open item, the first
  -- item's field code, the first assigned open item's unit, the earliest open
  -- deadline (NULL when none), and three flags.
  status TEXT NOT NULL,
  field TEXT NOT NULL DEFAULT '',
  unit_id INTEGER,
  village_id INTEGER REFERENCES villages (id),
  conference_id INTEGER,
  deadline TEXT
    CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  open INTEGER NOT NULL CHECK (open IN (0, 1)),
  published_answer INTEGER NOT NULL CHECK (published_answer IN (0, 1)),
  denunciation INTEGER NOT NULL CHECK (denunciation IN (0, 1)),
  -- The classes of all items as "|complaint|proposal|" (PetitionClassCode),
  -- for the "any item of this class" filter.
  classes TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL,
  -- Idempotency key of the form or API call; '' = none.
  form_token TEXT NOT NULL DEFAULT '',
  -- Fold(name + " " + address) of the submitter; '' when the identity is
  -- sealed (CONF-01).
  search_name TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL,
  -- Optimistic concurrency: 1 on create, +1 on every change.
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  UNIQUE (commune_id, year, sequence),
  UNIQUE (commune_id, id),
  -- A unit or conference of the same commune only.
  FOREIGN KEY (commune_id, unit_id) REFERENCES units (commune_id, id),
  FOREIGN KEY (commune_id, conference_id) REFERENCES conferences (commune_id, id)
) STRICT;

-- One petition per form submission (a double click, a retried request).
CREATE UNIQUE INDEX petitions_form_token ON petitions (commune_id, form_token)
  WHERE form_token <> '';

-- Lists: newest first, and the filters of PetitionQuery.
CREATE INDEX petitions_by_received ON petitions (commune_id, received_at DESC, id DESC);
CREATE INDEX petitions_by_status ON petitions (commune_id, status, received_at DESC);
CREATE INDEX petitions_by_deadline ON petitions (commune_id, deadline) WHERE open = 1;
CREATE INDEX petitions_by_field ON petitions (commune_id, field, received_at DESC);
CREATE INDEX petitions_by_village ON petitions (commune_id, village_id);
CREATE INDEX petitions_by_unit ON petitions (commune_id, unit_id);
CREATE INDEX petitions_by_conference ON petitions (commune_id, conference_id);
CREATE INDEX petitions_published ON petitions (commune_id, received_at DESC)
  WHERE published_answer = 1;

-- SRCH-01: one row per petition, rowid = petitions.id. `folded` is
-- Fold(code + item texts + name and address unless sealed), computed in C++
-- (core/text/vietnamese.h: đ→d, canonical tone placement), so the tokenizer
-- needs no diacritic handling of its own. `exact` (not indexed) is the same
-- text unfolded but lower-cased, for SRCH-03 ranking of exact-diacritic
-- matches. An ordinary (not contentless) FTS5 table: the repository replaces
-- a petition's row by rowid on every write.
CREATE VIRTUAL TABLE petition_search USING fts5(
  folded,
  exact UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Per-commune settings (PetitionSettings as JSON); no row = the defaults.
CREATE TABLE petition_settings (
  commune_id INTEGER PRIMARY KEY REFERENCES communes (id),
  data TEXT NOT NULL
) STRICT;
