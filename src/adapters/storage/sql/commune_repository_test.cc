// Runs the CommuneRepository contract against SQLite, both in memory and in a
// temporary file (which exercises the per-thread reader connections and WAL).
#include "adapters/storage/sql/commune_repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/storage/contract/commune_repository_contract.h"
#include "adapters/storage/sql/database.h"
#include "adapters/storage/sql/sql_testing.h"

namespace doithoai::contract {
namespace {

struct SqliteStores {
  std::unique_ptr<sql::Database> db;

  std::unique_ptr<CommuneRepository> Open(const std::string& path) {
    db = sql::OpenMigrated(path);
    if (db == nullptr) {
      return nullptr;
    }
    return std::make_unique<sql::SqlCommuneRepository>(*db);
  }
};

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sql, CommuneRepositoryContract, sql::Backends<SqliteStores>,
                               sql::BackendName);

}  // namespace doithoai::contract
