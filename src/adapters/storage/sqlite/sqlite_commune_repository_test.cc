// Runs the CommuneRepository contract against SQLite, both in memory and in a
// temporary file (which exercises the per-thread reader connections and WAL).
#include "adapters/storage/sqlite/sqlite_commune_repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/storage/contract/commune_repository_contract.h"
#include "adapters/storage/sqlite/database.h"
#include "adapters/storage/sqlite/sqlite_testing.h"

namespace doithoai::contract {
namespace {

struct SqliteStores {
  std::unique_ptr<sqlite::SqliteDatabase> db;

  std::unique_ptr<CommuneRepository> Open(const std::string& path) {
    db = sqlite::OpenMigrated(path);
    if (db == nullptr) {
      return nullptr;
    }
    return std::make_unique<sqlite::SqliteCommuneRepository>(*db);
  }
};

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, CommuneRepositoryContract, sqlite::Backends<SqliteStores>,
                               sqlite::BackendName);

}  // namespace doithoai::contract
