// Test fixture for the PostgreSQL adapter's tests against a real server
// (pg_database_test.cc, pg_connection_test.cc): a fresh database per test on
// the cluster named by DOITHOAI_TEST_PG_URL, skipped without it. Tests only.
#ifndef DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_DATABASE_TESTING_H_
#define DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_DATABASE_TESTING_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "adapters/storage/postgres/pg_database.h"
#include "adapters/storage/postgres/pg_testing.h"

namespace doithoai::postgres::testing {

using sql::Connection;
using sql::Statement;

// Runs one statement on a connection of its own (not the pool's).
inline std::string AdminQuery(const std::string& url, const std::string& query) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string out;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* result = PQexec(conn, query.c_str());
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0) {
      out = PQgetvalue(result, 0, 0);
    } else {
      ADD_FAILURE() << query << ": " << PQerrorMessage(conn);
    }
    PQclear(result);
  } else {
    ADD_FAILURE() << "connect: " << PQerrorMessage(conn);
  }
  PQfinish(conn);
  return out;
}

// A one-shot latch: Wait() blocks until Signal().
class Latch {
 public:
  void Signal() {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return done_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};

class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DOITHOAI_SKIP_UNLESS_PG();
    Result<std::unique_ptr<PgTestDatabase>> created = PgTestDatabase::Create();
    ASSERT_TRUE(created.ok()) << created.error().message;
    test_db_ = std::move(created).value();
    db_ = OpenDb();
    ASSERT_NE(db_, nullptr);
  }

  std::unique_ptr<PgDatabase> OpenDb(const PgOptions& options = {}) {
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::Open(test_db_->url(), options);
    if (!db.ok()) {
      ADD_FAILURE() << db.error().message;
      return nullptr;
    }
    return std::move(db).value();
  }

  Status Exec(PgDatabase& db, const std::string& sql) {
    return db.Write([&sql](Connection& c) { return c.Exec(sql); });
  }

  // Column 0 of a one-row query.
  Result<int64_t> QueryInt(PgDatabase& db, const std::string& sql) {
    return db.Read<int64_t>([&sql](Connection& c) -> Result<int64_t> {
      ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
      return stmt.RunReturningInt();
    });
  }

  Result<int64_t> BackendPid(PgDatabase& db) { return QueryInt(db, "SELECT pg_backend_pid()"); }

  void Terminate(int64_t pid) {
    EXPECT_EQ(AdminQuery(test_db_->admin_url(),
                         "SELECT pg_terminate_backend(" + std::to_string(pid) + ")"),
              "t");
  }

  // Destroyed in reverse order: the pool closes before the database drops.
  std::unique_ptr<PgTestDatabase> test_db_;
  std::unique_ptr<PgDatabase> db_;
};

}  // namespace doithoai::postgres::testing

#endif  // DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_DATABASE_TESTING_H_
