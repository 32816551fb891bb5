// Runs the CommuneRepository contract against SQLite, both in memory and in a
// temporary file (which exercises the per-thread reader connections and WAL).
#include "adapters/storage/sqlite/sqlite_commune_repository.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "adapters/storage/contract/commune_repository_contract.h"
#include "adapters/storage/sqlite/database.h"
#include "adapters/storage/sqlite/sqlite_testing.h"

namespace doithoai::contract {
namespace {

using sqlite::OpenMigrated;

struct SqliteMemoryBackend {
  static constexpr const char* kName = "Memory";
  std::unique_ptr<sqlite::SqliteDatabase> db;

  std::unique_ptr<CommuneRepository> Make() {
    db = OpenMigrated(":memory:");
    if (db == nullptr) {
      return nullptr;
    }
    return std::make_unique<sqlite::SqliteCommuneRepository>(*db);
  }
};

struct SqliteFileBackend {
  static constexpr const char* kName = "File";
  std::string dir;  // removed in the destructor, after `db` is closed
  std::unique_ptr<sqlite::SqliteDatabase> db;

  std::unique_ptr<CommuneRepository> Make() {
    std::string pattern = ::testing::TempDir() + "doithoai_contract_XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed for " << pattern;
      return nullptr;
    }
    dir = pattern;
    db = OpenMigrated(dir + "/doithoai.db");
    if (db == nullptr) {
      return nullptr;
    }
    return std::make_unique<sqlite::SqliteCommuneRepository>(*db);
  }

  ~SqliteFileBackend() {
    db.reset();
    if (!dir.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  }
};

struct BackendName {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using SqliteBackends = ::testing::Types<SqliteMemoryBackend, SqliteFileBackend>;

}  // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, CommuneRepositoryContract, SqliteBackends, BackendName);

}  // namespace doithoai::contract
