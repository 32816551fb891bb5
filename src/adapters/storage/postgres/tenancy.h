// How each table of the PostgreSQL schema would be placed by Citus when a
// province distributes its database by commune (issue #8 §4): a tenant table
// is distributed on commune_id (its primary key, unique constraints and
// foreign keys to other tenant tables all include commune_id, migration
// 0011); a shared table is a reference table, copied whole to every node,
// because it is small, read everywhere, or spans communes by nature.
// tenancy_test.cc checks the migrated catalogue against this list, so a new
// table cannot be added without deciding where it goes.
#ifndef DOITHOAI_ADAPTERS_STORAGE_POSTGRES_TENANCY_H_
#define DOITHOAI_ADAPTERS_STORAGE_POSTGRES_TENANCY_H_

#include <string>
#include <string_view>
#include <vector>

namespace doithoai::postgres {

struct TableTenancy {
  std::string_view table;
  bool distributed = false;  // by commune_id; else a reference table
  std::string_view why;      // for a reference table: why it is shared
};

// Every table of the schema (and `copy`'s bookkeeping table), reference
// tables first, in an order Citus accepts (a table after those it refers to).
const std::vector<TableTenancy>& TableTenancies();

// The SQL a province runs once on the Citus coordinator, after `doithoai
// migrate`, to distribute the schema: create_reference_table for the shared
// tables and create_distributed_table(…, 'commune_id') for the tenant ones,
// colocated with the first (conferences). Printed by docs/deploying.md's recipe.
std::string CitusDistributionSql();

}  // namespace doithoai::postgres

#endif  // DOITHOAI_ADAPTERS_STORAGE_POSTGRES_TENANCY_H_
