// Tests for SqliteDatabase: opening (and its Vietnamese errors), PRAGMAs,
// transactions, migrations, concurrent readers and online backup.
#include "adapters/storage/sqlite/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "adapters/resources/embedded.h"

namespace doithoai::sqlite {
namespace {

namespace fs = std::filesystem;

// A fresh directory under ::testing::TempDir(), removed with its contents.
class ScopedTempDir {
 public:
  ScopedTempDir() {
    std::string pattern = ::testing::TempDir() + "doithoai_db_XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed for " << pattern;
    }
    path_ = pattern;
  }
  ~ScopedTempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  // Names of the entries in the directory, sorted.
  std::vector<std::string> Entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::string path_;
};

std::unique_ptr<SqliteDatabase> MustOpen(const std::string& path, const OpenOptions& options = {}) {
  Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::Open(path, options);
  if (!db.ok()) {
    ADD_FAILURE() << "Open(" << path << "): " << db.error().message;
    return nullptr;
  }
  return std::move(db).value();
}

std::unique_ptr<SqliteDatabase> MustOpenMigrated(const std::string& path) {
  std::unique_ptr<SqliteDatabase> db = MustOpen(path);
  if (db != nullptr) {
    Result<int> migrated = db->Migrate();
    EXPECT_TRUE(migrated.ok()) << migrated.error().message;
  }
  return db;
}

Status InsertCommune(sql::Connection& c, int n) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare("INSERT INTO communes (slug, code, name, type) "
                                             "VALUES (?, ?, ?, 'xa')"));
  stmt.Bind(1, "xa-" + std::to_string(n)).Bind(2, std::to_string(10000 + n)).Bind(3, "Xã");
  return stmt.Run();
}

Result<int64_t> QueryInt(sql::Connection& c, std::string_view sql) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return MakeError(ErrorCode::kNotFound, "no row");
  }
  return stmt.ColumnInt(0);
}

Result<std::string> QueryText(sql::Connection& c, std::string_view sql) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnText(0) : std::string();
}

int64_t CountCommunes(SqliteDatabase& db) {
  Result<int64_t> n = db.Read<int64_t>(
      [](sql::Connection& c) { return QueryInt(c, "SELECT count(*) FROM communes"); });
  EXPECT_TRUE(n.ok()) << n.error().message;
  return n.ok() ? *n : -1;
}

// The number and highest version of the embedded migrations.
std::pair<int, int> KnownMigrations() {
  int count = 0;
  int max = 0;
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.name.starts_with("migrations/sqlite/")) {
      ++count;
      max = std::max(max, std::stoi(std::string(file.name.substr(18))));
    }
  }
  return {count, max};
}

TEST(SqliteDatabaseTest, MigrateAppliesAllThenNothing) {
  auto [count, max] = KnownMigrations();
  ASSERT_GE(count, 1);
  std::unique_ptr<SqliteDatabase> db = MustOpen(":memory:");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->SchemaVersion().value(), 0);
  Result<int> first = db->Migrate();
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, count);
  Result<int> second = db->Migrate();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, 0);
  EXPECT_EQ(db->SchemaVersion().value(), max);
  Result<int64_t> recorded = db->Read<int64_t>(
      [](sql::Connection& c) { return QueryInt(c, "SELECT count(*) FROM schema_version"); });
  EXPECT_EQ(recorded.value(), count);
  EXPECT_EQ(CountCommunes(*db), 0);
}

TEST(SqliteDatabaseTest, NewerSchemaFailsMigrate) {
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Write([](sql::Connection& c) {
                  return c.Exec("INSERT INTO schema_version VALUES (9999, '9999_future.sql', '')");
                }).ok());
  Result<int> migrated = db->Migrate();
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "mới hơn", migrated.error().message);
}

TEST(SqliteDatabaseTest, PragmasAreInEffect) {
  ScopedTempDir dir;
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(dir.File("p.db"));
  ASSERT_NE(db, nullptr);
  auto check = [](sql::Connection& c) -> Status {
    EXPECT_EQ(QueryText(c, "PRAGMA journal_mode").value(), "wal");
    EXPECT_EQ(QueryInt(c, "PRAGMA synchronous").value(), 2);
    EXPECT_EQ(QueryInt(c, "PRAGMA foreign_keys").value(), 1);
    EXPECT_GT(QueryInt(c, "PRAGMA busy_timeout").value(), 0);
    return OkStatus();
  };
  EXPECT_TRUE(db->Write(check).ok());  // the writer connection
  EXPECT_TRUE(db->Read(check).ok());   // this thread's reader
}

TEST(SqliteDatabaseTest, ConstraintsMapToErrorCodes) {
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Write([](sql::Connection& c) { return InsertCommune(c, 1); }).ok());
  Status duplicate = db->Write([](sql::Connection& c) { return InsertCommune(c, 1); });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
  Status orphan = db->Write([](sql::Connection& c) {
    return c.Exec("INSERT INTO villages (commune_id, name) VALUES (999, 'Thôn 1')");
  });
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kFailedPrecondition);
  // An official may not point at another commune's unit.
  Status cross = db->Write([](sql::Connection& c) -> Status {
    RETURN_IF_ERROR(InsertCommune(c, 2));
    RETURN_IF_ERROR(c.Exec("INSERT INTO units (id, commune_id, name) VALUES (7, 1, 'VP')"));
    return c.Exec("INSERT INTO officials (commune_id, full_name, unit_id) VALUES (2, 'A', 7)");
  });
  ASSERT_FALSE(cross.ok());
  EXPECT_EQ(cross.error().code, ErrorCode::kFailedPrecondition);
  Status bad_type = db->Write([](sql::Connection& c) {
    return c.Exec("INSERT INTO communes (slug, code, name, type) VALUES ('h', '1', 'H', 'huyen')");
  });
  ASSERT_FALSE(bad_type.ok());
  EXPECT_EQ(bad_type.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(CountCommunes(*db), 1);
}

TEST(SqliteDatabaseTest, FailedWriteRollsBack) {
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  Status failed = db->Write([](sql::Connection& c) -> Status {
    RETURN_IF_ERROR(InsertCommune(c, 1));
    return MakeError(ErrorCode::kInvalidArgument, "dừng lại");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(failed.error().message, "dừng lại");
  // A statement failing half-way also undoes the earlier ones.
  Status half = db->Write([](sql::Connection& c) -> Status {
    RETURN_IF_ERROR(InsertCommune(c, 2));
    return InsertCommune(c, 2);
  });
  EXPECT_FALSE(half.ok());
  EXPECT_EQ(CountCommunes(*db), 0);
}

TEST(SqliteDatabaseTest, WriteReturnsValues) {
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  Result<int64_t> id = db->Write<int64_t>([](sql::Connection& c) -> Result<int64_t> {
    RETURN_IF_ERROR(InsertCommune(c, 1));
    return static_cast<Connection&>(c).LastInsertRowId();
  });
  ASSERT_TRUE(id.ok());
  EXPECT_GT(*id, 0);
  EXPECT_TRUE(db->Write<void>([](sql::Connection& c) { return InsertCommune(c, 2); }).ok());
  EXPECT_EQ(CountCommunes(*db), 2);
}

TEST(SqliteDatabaseTest, StatementsAreCachedAndMayNest) {
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Write([](sql::Connection& c) -> Status {
                  for (int i = 1; i <= 3; ++i) {
                    RETURN_IF_ERROR(InsertCommune(c, i));
                  }
                  return OkStatus();
                }).ok());
  constexpr std::string_view kSql = "SELECT id FROM communes ORDER BY id";
  Result<int> pairs = db->Read<int>([&](sql::Connection& c) -> Result<int> {
    int n = 0;
    ASSIGN_OR_RETURN(Statement outer, c.Prepare(kSql));
    while (outer.Step().value()) {
      ASSIGN_OR_RETURN(Statement inner, c.Prepare(kSql));  // same SQL while in use
      while (inner.Step().value()) {
        ++n;
      }
    }
    return n;
  });
  EXPECT_EQ(pairs.value(), 9);
  // Bind(1) in the first round only: the cache's reset clears bindings, so
  // the second round sees NULL. An empty view binds '' rather than NULL.
  for (int round = 0; round < 2; ++round) {
    Result<std::string> got =
        db->Read<std::string>([round](sql::Connection& c) -> Result<std::string> {
          ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT ?1 IS NULL, ?2 = ''"));
          if (round == 0) {
            stmt.Bind(1, 5);
          }
          stmt.Bind(2, std::string_view());
          ASSIGN_OR_RETURN(bool row, stmt.Step());
          if (!row) {
            return MakeError(ErrorCode::kInternal, "no row");
          }
          return std::to_string(stmt.ColumnInt(0)) + std::to_string(stmt.ColumnInt(1));
        });
    EXPECT_EQ(got.value(), round == 0 ? "01" : "11");
  }
  Status two = db->Read([](sql::Connection& c) -> Status {
    Result<Statement> stmt = c.Prepare("SELECT 1; SELECT 2");
    if (stmt.ok()) {
      return OkStatus();
    }
    return std::move(stmt).error();
  });
  EXPECT_FALSE(two.ok());
}

// Several readers count rows while one thread inserts them one per
// transaction: every count is a committed state, and counts never go back.
void ReadWhileWriting(SqliteDatabase& db) {
  constexpr int kRows = 40;
  constexpr int kReaders = 4;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    for (int i = 0; i < kRows; ++i) {
      if (!db.Write([i](sql::Connection& c) { return InsertCommune(c, i); }).ok()) {
        ++failures;
      }
    }
  });
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&] {
      int64_t last = 0;
      for (int i = 0; i < kRows; ++i) {
        Result<int64_t> n = db.Read<int64_t>(
            [](sql::Connection& c) { return QueryInt(c, "SELECT count(*) FROM communes"); });
        if (!n.ok() || *n < last || *n > kRows) {
          ++failures;
          continue;
        }
        last = *n;
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(CountCommunes(db), kRows);
}

TEST(SqliteDatabaseTest, ConcurrentReadsWhileWritingFile) {
  ScopedTempDir dir;
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(dir.File("c.db"));
  ASSERT_NE(db, nullptr);
  ReadWhileWriting(*db);
}

TEST(SqliteDatabaseTest, ConcurrentReadsWhileWritingMemory) {
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  ReadWhileWriting(*db);
}

TEST(SqliteDatabaseTest, ReadersSeeLastCommitDuringAWrite) {
  ScopedTempDir dir;
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(dir.File("s.db"));
  ASSERT_NE(db, nullptr);
  std::promise<void> inserted;
  std::promise<void> read_done;
  std::thread writer([&] {
    Status s = db->Write([&](sql::Connection& c) -> Status {
      RETURN_IF_ERROR(InsertCommune(c, 1));
      inserted.set_value();
      read_done.get_future().wait();  // hold the write transaction open
      return OkStatus();
    });
    EXPECT_TRUE(s.ok());
  });
  inserted.get_future().wait();
  EXPECT_EQ(CountCommunes(*db), 0);  // not blocked, and no dirty read
  read_done.set_value();
  writer.join();
  EXPECT_EQ(CountCommunes(*db), 1);
}

TEST(SqliteDatabaseTest, LockedDatabaseIsUnavailable) {
  ScopedTempDir dir;
  const std::string path = dir.File("l.db");
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(path);
  ASSERT_NE(db, nullptr);
  db.reset();
  db = MustOpen(path, OpenOptions{.busy_timeout_ms = 0});
  ASSERT_NE(db, nullptr);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Status busy = db->Write([](sql::Connection& c) { return InsertCommune(c, 1); });
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().code, ErrorCode::kUnavailable);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "đang bận", busy.error().message);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_TRUE(db->Write([](sql::Connection& c) { return InsertCommune(c, 1); }).ok());
}

void ExpectBackupWorks(SqliteDatabase& db, ScopedTempDir& dir) {
  ASSERT_TRUE(db.Write([](sql::Connection& c) -> Status {
                  for (int i = 1; i <= 3; ++i) {
                    RETURN_IF_ERROR(InsertCommune(c, i));
                  }
                  return OkStatus();
                }).ok());
  const std::string out = dir.File("backup.db");
  Status backed_up = db.Backup(out);
  ASSERT_TRUE(backed_up.ok()) << backed_up.error().message;
  for (const std::string& name : dir.Entries()) {
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
  }
  std::unique_ptr<SqliteDatabase> copy = MustOpen(out);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->Migrate().value(), 0);  // same schema version
  EXPECT_EQ(CountCommunes(*copy), 3);
}

TEST(SqliteDatabaseTest, BackupFromFile) {
  ScopedTempDir dir;
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(dir.File("b.db"));
  ASSERT_NE(db, nullptr);
  ExpectBackupWorks(*db, dir);
}

TEST(SqliteDatabaseTest, BackupFromMemory) {
  ScopedTempDir dir;
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  ExpectBackupWorks(*db, dir);
}

TEST(SqliteDatabaseTest, FailedBackupLeavesNoFile) {
  ScopedTempDir dir;
  std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(":memory:");
  ASSERT_NE(db, nullptr);
  Status missing = db->Backup(dir.File("missing/backup.db"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "không tồn tại", missing.error().message);
  EXPECT_TRUE(dir.Entries().empty());
  // The target is a directory: the copy is made, the rename fails, and the
  // temporary file is removed.
  fs::create_directory(dir.File("taken"));
  Status taken = db->Backup(dir.File("taken"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"taken"});
}

TEST(SqliteDatabaseTest, OpenMissingDirectory) {
  ScopedTempDir dir;
  Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::Open(dir.File("nope/x.db"));
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kNotFound);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "Thư mục chứa cơ sở dữ liệu không tồn tại",
                      db.error().message);
}

TEST(SqliteDatabaseTest, OpenNonDatabaseFile) {
  ScopedTempDir dir;
  const std::string path = dir.File("hello.txt");
  std::ofstream(path) << "hello";
  Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "không phải cơ sở dữ liệu SQLite",
                      db.error().message);
}

TEST(SqliteDatabaseTest, OpenMissingFileWithoutCreate) {
  ScopedTempDir dir;
  const std::string path = dir.File("absent.db");
  Result<std::unique_ptr<SqliteDatabase>> db =
      SqliteDatabase::Open(path, OpenOptions{.create_if_missing = false});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kNotFound);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "doithoai init", db.error().message);
  EXPECT_FALSE(fs::exists(path));
}

TEST(SqliteDatabaseTest, ReadOnlyDatabaseRejectsWrites) {
  ScopedTempDir dir;
  const std::string path = dir.File("ro.db");
  {
    std::unique_ptr<SqliteDatabase> db = MustOpenMigrated(path);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Write([](sql::Connection& c) { return InsertCommune(c, 1); }).ok());
  }
  std::unique_ptr<SqliteDatabase> db = MustOpen(path, OpenOptions{.read_only = true});
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(CountCommunes(*db), 1);
  EXPECT_EQ(db->Migrate().value(), 0);  // up to date: nothing to write
  Status write = db->Write([](sql::Connection& c) { return InsertCommune(c, 2); });
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kUnavailable);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "chỉ cho phép đọc", write.error().message);
  // Even a write smuggled into a Read is refused.
  Status sneaky = db->Read([](sql::Connection& c) { return InsertCommune(c, 3); });
  ASSERT_FALSE(sneaky.ok());
  EXPECT_EQ(sneaky.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(CountCommunes(*db), 1);
}

TEST(SqliteDatabaseTest, ErrorFromSqliteMapsCodes) {
  EXPECT_EQ(ErrorFromSqlite(SQLITE_BUSY, nullptr, "x").code, ErrorCode::kUnavailable);
  EXPECT_EQ(ErrorFromSqlite(SQLITE_LOCKED, nullptr, "x").code, ErrorCode::kUnavailable);
  Error full = ErrorFromSqlite(SQLITE_FULL, nullptr, "x");
  EXPECT_EQ(full.code, ErrorCode::kUnavailable);
  EXPECT_PRED_FORMAT2(::testing::IsSubstring, "Hết dung lượng đĩa", full.message);
  EXPECT_EQ(ErrorFromSqlite(SQLITE_READONLY, nullptr, "x").code, ErrorCode::kUnavailable);
  EXPECT_EQ(ErrorFromSqlite(SQLITE_CONSTRAINT_UNIQUE, nullptr, "x").code,
            ErrorCode::kAlreadyExists);
  EXPECT_EQ(ErrorFromSqlite(SQLITE_NOTADB, nullptr, "x").code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ErrorFromSqlite(SQLITE_IOERR, nullptr, "x").code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace doithoai::sqlite
