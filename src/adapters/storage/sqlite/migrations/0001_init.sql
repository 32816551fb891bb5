-- 0001_init: the commune (tenant) and its villages, units and officials.
-- Every tenant table carries commune_id with an index whose leading column is
-- commune_id. A later migration moves to composite keys for PostgreSQL/Citus;
-- for now each table has a single INTEGER PRIMARY KEY id. STRICT tables need
-- SQLite >= 3.37. Applied by SqliteDatabase::Migrate inside one transaction.

CREATE TABLE communes (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  -- ADC-04: fixed-width code stored as text, leading zeros kept ("00004").
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('xa', 'phuong', 'dac_khu')),
  province_name TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  remote_area INTEGER NOT NULL DEFAULT 0 CHECK (remote_area IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Thôn / làng / bản / tổ dân phố.
CREATE TABLE villages (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (commune_id, name)
) STRICT;

-- Listing order: ListVillages sorts by position, then id.
CREATE INDEX villages_by_commune ON villages (commune_id, position, id);

-- Organisational units (bộ phận) that prepare answers.
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  UNIQUE (commune_id, name),
  -- Parent key of officials' (commune_id, unit_id) reference, so an official
  -- can only belong to a unit of the same commune.
  UNIQUE (commune_id, id)
) STRICT;

-- No separate commune_id index: the UNIQUE (commune_id, …) indexes serve it.

CREATE TABLE officials (
  id INTEGER PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  full_name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  -- NULL when the official belongs to no unit (a NULL column disables the
  -- composite reference below, as SQL requires).
  unit_id INTEGER,
  -- SORT-05 override of the given name used for sorting; '' = last word.
  sort_given_name TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (commune_id, unit_id) REFERENCES units (commune_id, id)
) STRICT;

-- Serves lookups by commune and the foreign-key check when a unit is deleted.
CREATE INDEX officials_by_commune ON officials (commune_id, unit_id);
