#include "adapters/storage/postgres/tenancy.h"

namespace doithoai::postgres {

const std::vector<TableTenancy>& TableTenancies() {
  static const std::vector<TableTenancy> tables = {
      {"schema_version", false, "one row per migration, for the whole database"},
      {"copy_progress", false, "bookkeeping of `doithoai copy`, for the whole database"},
      {"communes", false, "the tenants themselves; every tenant table refers to it"},
      {"admin_units", false, "the national catalogue of administrative units"},
      {"admin_unit_successions", false, "mergers and renames between administrative units"},
      {"villages", false, "a few dozen rows per commune; province accounts refer to them"},
      {"units", false, "a few dozen rows per commune; province accounts refer to them"},
      {"accounts", false, "province accounts have no commune; logins look up any account"},
      {"sessions", false, "a session is found by its token alone, before the commune is known"},
      {"login_failures", false, "the login throttle is keyed by user name and address"},
      {"petition_prefixes", false, "a prefix is unique across the province (FB-01)"},
      {"audit_log", false,
       "one hash chain for the whole database; a per-commune chain is future work"},
      // Distributed, each after the tenant tables its foreign keys name; the
      // first is the colocation group every other one joins.
      {"conferences", true, ""},
      {"conference_documents", true, ""},
      {"document_register", true, ""},
      {"officials", true, ""},
      {"petitions", true, ""},
      {"petition_sequences", true, ""},
      {"petition_search", true, ""},
      {"petition_settings", true, ""},
      {"petition_cases", true, ""},
      {"petition_case_members", true, ""},
      {"jobs", true, ""},
      {"outbox_messages", true, ""},
      {"notification_settings", true, ""},
  };
  return tables;
}

std::string CitusDistributionSql() {
  std::string sql =
      "-- doithoai: distribute the schema by commune (run once on the Citus coordinator,\n"
      "-- after `doithoai migrate`).\n"
      "BEGIN;\n";
  for (const TableTenancy& t : TableTenancies()) {
    if (t.distributed || t.table == "copy_progress") continue;
    sql += "SELECT create_reference_table('" + std::string(t.table) + "');  -- " +
           std::string(t.why) + "\n";
  }
  std::string anchor;
  for (const TableTenancy& t : TableTenancies()) {
    if (!t.distributed) continue;
    sql += "SELECT create_distributed_table('" + std::string(t.table) + "', 'commune_id'";
    if (anchor.empty()) {
      anchor = t.table;
    } else {
      sql += ", colocate_with => '" + anchor + "'";
    }
    sql += ");\n";
  }
  sql += "COMMIT;\n";
  return sql;
}

}  // namespace doithoai::postgres
