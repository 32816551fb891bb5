// Test helper for SQLite-backed tests: a database opened and migrated.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQLITE_SQLITE_TESTING_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQLITE_SQLITE_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "adapters/storage/sqlite/database.h"

namespace doithoai::sqlite {

// Opens and migrates `path` (":memory:" or a file); nullptr, after a test
// failure naming the problem, on error.
inline std::unique_ptr<SqliteDatabase> OpenMigrated(const std::string& path) {
  Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::Open(path);
  if (!db.ok()) {
    ADD_FAILURE() << "Open(" << path << "): " << db.error().message;
    return nullptr;
  }
  Result<int> migrated = (*db)->Migrate();
  if (!migrated.ok()) {
    ADD_FAILURE() << "Migrate: " << migrated.error().message;
    return nullptr;
  }
  return std::move(db).value();
}

}  // namespace doithoai::sqlite

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQLITE_SQLITE_TESTING_H_
