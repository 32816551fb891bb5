-- 0002_admin_units: the national list of administrative units (danh mục đơn
-- vị hành chính) and their successions (ADM-10, ADC-06).
-- PostgreSQL 15 version; mirrors migrations/sqlite/0002_admin_units.sql
-- (issue #8). SQLite's GLOB checks are anchored regular expressions here
-- (`x NOT GLOB '*[^0-9]*'` = `x ~ '^[0-9]*$'`; `[0-9]` rather than \d, which
-- would also match non-ASCII digits); WITHOUT ROWID has no equivalent and
-- is not needed (the primary key is an ordinary unique index).
--
-- This is REFERENCE DATA shared by every commune, not tenant data: the tables
-- carry no commune_id and every deployment holds the same rows, imported from
-- dated snapshots (`doithoai units import`). A commune's own record (table
-- communes) refers to its unit by code.
--
-- Codes are fixed-width digit strings with leading zeros (ADC-04): 2 digits
-- for the provincial level, 5 for the commune level (ADC-01/02). Codes are
-- reused across reforms (ADC-03), so the key is (code, valid_from) and history
-- is kept rather than overwritten; parent_code is stored, never derived from
-- the code. Dates are ISO text (YYYY-MM-DD), which compares correctly as text
-- (digits and '-' only, so any collation orders them the same way).
-- Validity is the half-open interval [valid_from, valid_to).

CREATE TABLE admin_units (
  code TEXT NOT NULL CHECK (length(code) IN (2, 5) AND code ~ '^[0-9]*$'),
  valid_from TEXT NOT NULL CHECK (valid_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  name TEXT NOT NULL CHECK (name <> ''),
  -- ADM-05: the five unit types since 01/7/2025.
  type TEXT NOT NULL CHECK (type IN ('thanh_pho_truc_thuoc_trung_uong', 'tinh', 'phuong', 'xa',
                                     'dac_khu')),
  -- NULL for the provincial level; the 2-digit province code otherwise.
  parent_code TEXT,
  -- NULL while still valid; else the first day the unit is no longer valid.
  valid_to TEXT CHECK (valid_to IS NULL OR
                       (valid_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND
                        valid_to > valid_from)),
  -- ADC-06: the legal basis of the row ("QĐ 19/2025/QĐ-TTg; …").
  legal_source TEXT NOT NULL CHECK (legal_source <> ''),
  PRIMARY KEY (code, valid_from),
  -- ADM-01: two levels; a province has no parent, a commune-level unit has a
  -- province as parent. (IS NOT NULL first: a NULL would make the CHECK pass.)
  CHECK ((type IN ('thanh_pho_truc_thuoc_trung_uong', 'tinh') AND length(code) = 2 AND
          parent_code IS NULL) OR
         (type IN ('phuong', 'xa', 'dac_khu') AND length(code) = 5 AND
          parent_code IS NOT NULL AND length(parent_code) = 2 AND
          parent_code ~ '^[0-9]*$'))
);

-- ListChildren: the units under a province, by code.
CREATE INDEX admin_units_by_parent ON admin_units (parent_code, code);

-- ADM-10: old_code was replaced by new_code from effective_from on (merger,
-- split, rename or renumbering). The primary key serves lookups by old code.
CREATE TABLE admin_unit_successions (
  old_code TEXT NOT NULL CHECK (length(old_code) IN (2, 5) AND old_code ~ '^[0-9]*$'),
  new_code TEXT NOT NULL CHECK (length(new_code) IN (2, 5) AND new_code ~ '^[0-9]*$'),
  effective_from TEXT NOT NULL
    CHECK (effective_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  legal_source TEXT NOT NULL CHECK (legal_source <> ''),
  PRIMARY KEY (old_code, new_code, effective_from)
);

-- Predecessors of a unit (ADM-13: importing a merged commune's records).
CREATE INDEX admin_unit_successions_by_new ON admin_unit_successions (new_code, effective_from);
