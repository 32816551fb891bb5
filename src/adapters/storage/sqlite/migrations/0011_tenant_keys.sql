-- 0011_tenant_keys: on PostgreSQL, the primary keys of the tables that belong
-- to one commune become (commune_id, id) and every foreign key between them
-- carries commune_id, so a province can distribute the schema by commune with
-- Citus (issue #8 §4; migrations/postgresql/0011_tenant_keys.sql).
-- Nothing changes in SQLite: the file holds one commune office's data, and
-- rebuilding every table to drop the rowid keys would buy nothing. The
-- version exists here so that both engines count the same versions, which
-- `doithoai copy` requires.
SELECT 1;
