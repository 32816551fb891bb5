-- 0005_conferences: dialogue conferences, their documents (plan, programme,
-- invitations, public notice) and the register that numbers issued documents
-- (domain.md §3.6). Used by SqlConferenceRepository.
--
-- A conference is one row: the whole aggregate is the JSON of
-- adapters/json/conference_json.h in `data`; year, state and first_date are
-- copies kept for listing and filtering (written together with `data`, never
-- alone). Every table carries commune_id, and every query filters on it.
-- Dates are ISO text (YYYY-MM-DD); times are milliseconds since the Unix epoch.
-- The SQL is kept portable (no JSON functions, partial index and ON CONFLICT
-- as PostgreSQL has them) for the PostgreSQL port of issue #8.

CREATE TABLE conferences (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  year INTEGER NOT NULL,
  -- ConferenceStateCode: "draft_plan", "plan_issued", …
  state TEXT NOT NULL,
  -- Conference::FirstDate(): the first session's date, else the plan date.
  first_date TEXT NOT NULL
    CHECK (first_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  data TEXT NOT NULL,
  -- Optimistic concurrency: 1 on create, +1 on every change.
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  -- Parent key of conference_documents' (commune_id, conference_id), so a
  -- document can only belong to a conference of its own commune.
  UNIQUE (commune_id, id)
) STRICT;

-- List: newest first by first date within one commune.
CREATE INDEX conferences_by_commune_date ON conferences (commune_id, first_date);

-- One row per (conference, kind, revision): the editable draft (issued = 0,
-- number 0) until it is issued, then the frozen issued document (issued = 1).
-- NUM-05: a content error in an issued document is fixed by a replacement of
-- the same type with its own number: revision n + 1, replaces_id = the
-- replaced row. The current document of a kind is its highest revision.
CREATE TABLE conference_documents (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  conference_id INTEGER NOT NULL,
  -- ConferenceDocumentKindCode: "ke-hoach", "chuong-trinh", "giay-moi",
  -- "thong-bao" (later modules add kinds, so no CHECK list here).
  kind TEXT NOT NULL,
  -- The whole document in the markup of core/documents/markup.h.
  markup TEXT NOT NULL,
  issued INTEGER NOT NULL DEFAULT 0 CHECK (issued IN (0, 1)),
  -- Register year, symbol ("KH-UBND") and number; 0 / '' / 0 for a draft.
  year INTEGER NOT NULL DEFAULT 0,
  symbol TEXT NOT NULL DEFAULT '',
  number INTEGER NOT NULL DEFAULT 0 CHECK (number >= 0),
  -- NULL for a draft.
  issued_on TEXT
    CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at_ms INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  replaces_id INTEGER REFERENCES conference_documents (id),
  UNIQUE (commune_id, conference_id, kind, revision),
  CHECK ((revision = 1) = (replaces_id IS NULL)),
  FOREIGN KEY (commune_id, conference_id) REFERENCES conferences (commune_id, id),
  -- An issued document has a number, a symbol and a date; a draft has none.
  CHECK ((issued = 1 AND number > 0 AND year > 0 AND symbol <> '' AND issued_on IS NOT NULL) OR
         (issued = 0 AND number = 0 AND issued_on IS NULL))
) STRICT;

-- NUM-01: number plus symbol is unique per issuer (the commune's People's
-- Committee) per year.
CREATE UNIQUE INDEX conference_documents_number
  ON conference_documents (commune_id, year, symbol, number) WHERE number > 0;

-- NUM-02: the last number taken per (issuer, year, symbol): the
-- per_issuer_year_type sequence scope. A per_issuer_year scope would use one
-- shared symbol key for every type. Numbers restart at 1 each year (NUM-01).
CREATE TABLE document_register (
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  year INTEGER NOT NULL,
  symbol TEXT NOT NULL,
  last_number INTEGER NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (commune_id, year, symbol)
) STRICT, WITHOUT ROWID;

-- NUM-05: an issued document is frozen; a correction is a new document. These
-- triggers refuse any change to an issued row, including the delete that
-- INSERT OR REPLACE performs (REPLACE does not fire DELETE triggers).
CREATE TRIGGER conference_documents_issued_no_update BEFORE UPDATE ON conference_documents
WHEN OLD.issued = 1
BEGIN
  SELECT RAISE(ABORT, 'issued documents are frozen (NUM-05)');
END;

CREATE TRIGGER conference_documents_issued_no_delete BEFORE DELETE ON conference_documents
WHEN OLD.issued = 1
BEGIN
  SELECT RAISE(ABORT, 'issued documents are frozen (NUM-05)');
END;

CREATE TRIGGER conference_documents_issued_no_replace BEFORE INSERT ON conference_documents
WHEN EXISTS (SELECT 1 FROM conference_documents
             WHERE issued = 1 AND
                   (id = NEW.id OR
                    (commune_id = NEW.commune_id AND conference_id = NEW.conference_id AND
                     kind = NEW.kind AND revision = NEW.revision) OR
                    (commune_id = NEW.commune_id AND year = NEW.year AND
                     symbol = NEW.symbol AND number = NEW.number)))
BEGIN
  SELECT RAISE(ABORT, 'issued documents are frozen (NUM-05)');
END;
