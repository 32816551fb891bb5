// Test helpers for the SQL repositories: a database opened and migrated, its
// audit chain checked, and the three backends every repository contract suite
// runs over: SQLite in memory, SQLite in a file in a fresh temporary directory
// (which exercises the per-thread reader connections and WAL), and a fresh
// PostgreSQL database on the test cluster (issue #8).
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_TESTING_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_TESTING_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adapters/storage/open_database.h"
#include "adapters/storage/postgres/pg_testing.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sql/database.h"

namespace doithoai::sql {

// Opens and migrates `path` (":memory:" or a file); nullptr, after a test
// failure naming the problem, on error.
inline std::unique_ptr<Database> OpenMigrated(const std::string& path) {
  Result<std::unique_ptr<Database>> db = storage::OpenDatabase(path);
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

// True when the audit chain of `db` has rows and verifies; a break is also
// a test failure naming the problem.
inline Result<bool> AuditChainIntact(Database& db) {
  ASSIGN_OR_RETURN(AuditVerifyReport report, VerifyAuditChain(db));
  if (report.first_broken_id.has_value()) {
    ADD_FAILURE() << "audit chain broken: " << report.problem;
  }
  return report.rows_checked > 0 && !report.first_broken_id.has_value();
}

// The tables of `db`'s schema, sorted by name (SQLite's internal tables and
// the FTS5 shadow tables of petition_search left out).
inline Result<std::vector<std::string>> SchemaTables(Database& db) {
  return db.Read<std::vector<std::string>>([](Connection& c) -> Result<std::vector<std::string>> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare(c.engine() == Engine::kSqlite
                                   ? "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                     "name NOT LIKE 'sqlite_%' AND name NOT LIKE "
                                     "'petition_search_%' ORDER BY name"
                                   : "SELECT table_name FROM information_schema.tables WHERE "
                                     "table_schema = current_schema() ORDER BY table_name"));
    std::vector<std::string> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return out;
      out.push_back(stmt.ColumnText(0));
    }
  });
}

// What the contract suites of commune-scoped repositories share over one
// database: its communes (to create the commune under test) and its audit
// log. A suite's `Stores` derives from it and opens its repository after
// OpenShared.
struct SharedStores {
  std::unique_ptr<Database> db;
  std::unique_ptr<SqlCommuneRepository> communes;
  std::unique_ptr<SqlAuditReader> audit;

  // Opens and migrates `path`; false after a test failure on error.
  bool OpenShared(const std::string& path) {
    db = OpenMigrated(path);
    if (db == nullptr) return false;
    communes = std::make_unique<SqlCommuneRepository>(*db);
    audit = std::make_unique<SqlAuditReader>(*db);
    return true;
  }
  CommuneRepository& Communes() { return *communes; }
  AuditReader& Audit() { return *audit; }
  // Creates the commune of the raw-row tests: Hoằng Trường, "hoang-truong".
  Result<CommuneId> CreateHoangTruong(const AuditContext& ctx) {
    Commune commune;
    commune.slug = "hoang-truong";
    commune.code = "16000";
    commune.name = "Hoằng Trường";
    return communes->CreateCommune(commune, ctx);
  }
  Result<bool> AuditChainIntact() { return sql::AuditChainIntact(*db); }
};

// The backends of a typed contract suite. `Stores` opens what the suite needs
// over one database: a member `db` and `Open(path)`, which opens and migrates
// `path` and returns the repository under test (nullptr after a test failure
// on error); its other members (Communes(), Audit()…) serve the suite as they
// are.
template <typename Stores>
struct MemoryBackend : Stores {
  static constexpr const char* kName = "Memory";
  auto Make() { return this->Open(":memory:"); }
};

template <typename Stores>
struct FileBackend : Stores {
  static constexpr const char* kName = "File";
  std::string dir;  // removed in the destructor, after the database is closed

  auto Make() -> decltype(this->Open("")) {
    std::string pattern = ::testing::TempDir() + "doithoai_sqlite_XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed for " << pattern;
      return nullptr;
    }
    dir = pattern;
    return this->Open(dir + "/doithoai.db");
  }

  ~FileBackend() {
    static_cast<Stores&>(*this) = Stores{};  // closes the database first
    if (!dir.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  }
};

// Skips the current test when no PostgreSQL test cluster is configured (fails
// instead when DOITHOAI_REQUIRE_PG=1, as `make test` sets it).
inline void SkipUnlessPostgres() { DOITHOAI_SKIP_UNLESS_PG(); }

// PostgreSQL: a fresh database on the test cluster (DOITHOAI_TEST_PG_URL,
// started by scripts/pg-test-cluster.sh), dropped when the test ends. A suite
// checks ::testing::Test::IsSkipped() after Make().
template <typename Stores>
struct PostgresBackend : Stores {
  static constexpr const char* kName = "Postgres";
  std::unique_ptr<postgres::PgTestDatabase> test_db;  // dropped after the stores close

  auto Make() -> decltype(this->Open("")) {
    if (!postgres::PgTestsEnabled()) {
      SkipUnlessPostgres();
      return nullptr;
    }
    Result<std::unique_ptr<postgres::PgTestDatabase>> created = postgres::PgTestDatabase::Create();
    if (!created.ok()) {
      ADD_FAILURE() << created.error().message;
      return nullptr;
    }
    test_db = std::move(created).value();
    return this->Open(test_db->url());
  }

  ~PostgresBackend() { static_cast<Stores&>(*this) = Stores{}; }
};

// Names the instantiations of a typed suite "Memory", "File" and "Postgres".
struct BackendName {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

template <typename Stores>
using Backends =
    ::testing::Types<MemoryBackend<Stores>, FileBackend<Stores>, PostgresBackend<Stores>>;

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_TESTING_H_
