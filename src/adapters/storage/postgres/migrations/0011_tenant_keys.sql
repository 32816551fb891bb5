-- 0011_tenant_keys: every primary key of a table that belongs to one commune
-- is (commune_id, id), and every unique constraint and every foreign key
-- between such tables includes commune_id (issue #8 §4). With that, a
-- province can distribute the schema by commune with Citus without changing
-- it: create_distributed_table('<t>', 'commune_id') for the tenant tables and
-- create_reference_table for the shared ones. The split, with the reason for
-- each shared table, is in docs/deploying.md ("Distributing by commune") and
-- is checked against this catalogue by TenantKeysTest (tenant_keys_test.cc).
--
-- Ids still come from one identity sequence per table, so (commune_id, id)
-- stays unique on id alone; a plain index on id keeps the few lookups by id
-- (a job's lease, an outbox message) as fast as before.
-- PostgreSQL only: the SQLite file holds one commune's office and keeps its
-- rowid keys (migrations/sqlite/0011_tenant_keys.sql is a no-op).

-- 1. Foreign keys that name only id, and those that lean on the
--    UNIQUE (commune_id, id) constraints replaced by the new primary keys.
ALTER TABLE accounts DROP CONSTRAINT accounts_village_id_fkey;
ALTER TABLE accounts DROP CONSTRAINT accounts_unit_id_fkey;
ALTER TABLE officials DROP CONSTRAINT officials_commune_id_unit_id_fkey;
ALTER TABLE conference_documents DROP CONSTRAINT conference_documents_replaces_id_fkey;
ALTER TABLE conference_documents DROP CONSTRAINT conference_documents_commune_id_conference_id_fkey;
ALTER TABLE petitions DROP CONSTRAINT petitions_village_id_fkey;
ALTER TABLE petitions DROP CONSTRAINT petitions_commune_id_unit_id_fkey;
ALTER TABLE petitions DROP CONSTRAINT petitions_commune_id_conference_id_fkey;
ALTER TABLE petition_search DROP CONSTRAINT petition_search_petition_id_fkey;
ALTER TABLE petition_case_members DROP CONSTRAINT petition_case_members_commune_id_case_id_fkey;
ALTER TABLE petition_case_members DROP CONSTRAINT petition_case_members_commune_id_petition_id_fkey;

-- 2. The UNIQUE (commune_id, id) constraints the new primary keys make redundant.
ALTER TABLE units DROP CONSTRAINT units_commune_id_id_key;
ALTER TABLE conferences DROP CONSTRAINT conferences_commune_id_id_key;
ALTER TABLE petitions DROP CONSTRAINT petitions_commune_id_id_key;
ALTER TABLE petition_cases DROP CONSTRAINT petition_cases_commune_id_id_key;

-- 3. Primary keys (commune_id, id), and an index on id.
ALTER TABLE villages DROP CONSTRAINT villages_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE units DROP CONSTRAINT units_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE officials DROP CONSTRAINT officials_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE conferences DROP CONSTRAINT conferences_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE conference_documents DROP CONSTRAINT conference_documents_pkey,
  ADD PRIMARY KEY (commune_id, id);
ALTER TABLE petitions DROP CONSTRAINT petitions_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE petition_cases DROP CONSTRAINT petition_cases_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE jobs DROP CONSTRAINT jobs_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_pkey, ADD PRIMARY KEY (commune_id, id);
ALTER TABLE petition_search DROP CONSTRAINT petition_search_pkey,
  ADD PRIMARY KEY (commune_id, petition_id);

CREATE INDEX villages_by_id ON villages (id);
CREATE INDEX units_by_id ON units (id);
CREATE INDEX officials_by_id ON officials (id);
CREATE INDEX conferences_by_id ON conferences (id);
CREATE INDEX conference_documents_by_id ON conference_documents (id);
CREATE INDEX petitions_by_id ON petitions (id);
CREATE INDEX petition_cases_by_id ON petition_cases (id);
CREATE INDEX jobs_by_id ON jobs (id);
CREATE INDEX outbox_messages_by_id ON outbox_messages (id);

-- 4. A tracking code is unique within its commune; across communes it stays
--    unique because its prefix is (petition_prefixes.prefix is UNIQUE, and
--    petition_prefixes is a shared table). The public tracking page looks a
--    code up without knowing the commune, hence the plain index.
ALTER TABLE petitions DROP CONSTRAINT petitions_code_key;
ALTER TABLE petitions ADD CONSTRAINT petitions_commune_id_code_key UNIQUE (commune_id, code);
CREATE INDEX petitions_by_code ON petitions (code);

-- 5. The foreign keys again, each with commune_id. MATCH SIMPLE (the
--    default): a NULL village, unit, conference or replaced document, or a
--    province account without a commune, is not checked.
ALTER TABLE accounts ADD FOREIGN KEY (commune_id, village_id) REFERENCES villages (commune_id, id);
ALTER TABLE accounts ADD FOREIGN KEY (commune_id, unit_id) REFERENCES units (commune_id, id);
ALTER TABLE officials ADD FOREIGN KEY (commune_id, unit_id) REFERENCES units (commune_id, id);
ALTER TABLE conference_documents
  ADD FOREIGN KEY (commune_id, replaces_id) REFERENCES conference_documents (commune_id, id);
ALTER TABLE conference_documents
  ADD FOREIGN KEY (commune_id, conference_id) REFERENCES conferences (commune_id, id);
ALTER TABLE petitions ADD FOREIGN KEY (commune_id, village_id) REFERENCES villages (commune_id, id);
ALTER TABLE petitions ADD FOREIGN KEY (commune_id, unit_id) REFERENCES units (commune_id, id);
ALTER TABLE petitions
  ADD FOREIGN KEY (commune_id, conference_id) REFERENCES conferences (commune_id, id);
ALTER TABLE petition_search
  ADD FOREIGN KEY (commune_id, petition_id) REFERENCES petitions (commune_id, id) ON DELETE CASCADE;
ALTER TABLE petition_case_members
  ADD FOREIGN KEY (commune_id, case_id) REFERENCES petition_cases (commune_id, id) ON DELETE CASCADE;
ALTER TABLE petition_case_members
  ADD FOREIGN KEY (commune_id, petition_id) REFERENCES petitions (commune_id, id);

-- 6. The freeze of issued documents (NUM-05, migration 0005) named a row by id
--    alone; an id is now unique only within its commune.
CREATE OR REPLACE FUNCTION conference_documents_issued_no_replace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM conference_documents
             WHERE issued = 1 AND commune_id = NEW.commune_id AND
                   (id = NEW.id OR
                    (conference_id = NEW.conference_id AND kind = NEW.kind AND
                     revision = NEW.revision) OR
                    (year = NEW.year AND symbol = NEW.symbol AND number = NEW.number))) THEN
    RAISE EXCEPTION 'issued documents are frozen (NUM-05)' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
