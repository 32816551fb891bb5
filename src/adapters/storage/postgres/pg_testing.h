// Test helpers for code that runs on PostgreSQL: a fresh, uniquely named
// database per test on the throwaway cluster named by DOITHOAI_TEST_PG_URL
// (scripts/pg-test-cluster.sh prints one), dropped again afterwards.
//
//   TEST(FooTest, Bar) {
//     DOITHOAI_SKIP_UNLESS_PG();
//     auto test_db = postgres::PgTestDatabase::Create();
//     ASSERT_TRUE(test_db.ok()) << test_db.error().message;
//     auto db = postgres::PgDatabase::Open((*test_db)->url());
//     …
//   }
//
// Without DOITHOAI_TEST_PG_URL the tests are skipped with a message, unless
// DOITHOAI_REQUIRE_PG=1 (CI's PostgreSQL job), where that is a failure.
#ifndef DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_TESTING_H_
#define DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_TESTING_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai::postgres {

inline constexpr char kTestPgUrlEnv[] = "DOITHOAI_TEST_PG_URL";
inline constexpr char kRequirePgEnv[] = "DOITHOAI_REQUIRE_PG";

// The admin URL of the test cluster, or "" when unset.
inline std::string TestPgUrl() {
  const char* url = getenv(kTestPgUrlEnv);
  return url != nullptr ? std::string(url) : std::string();
}

inline bool PgTestsEnabled() { return !TestPgUrl().empty(); }

inline bool PgTestsRequired() {
  const char* required = getenv(kRequirePgEnv);
  return required != nullptr && std::string_view(required) == "1";
}

// Skips the current test when no cluster is configured (fails instead when
// DOITHOAI_REQUIRE_PG=1). Use at the start of a TEST body or SetUp().
#define DOITHOAI_SKIP_UNLESS_PG()                                                \
  do {                                                                           \
    if (!::doithoai::postgres::PgTestsEnabled()) {                               \
      if (::doithoai::postgres::PgTestsRequired()) {                             \
        FAIL() << "DOITHOAI_REQUIRE_PG=1 but DOITHOAI_TEST_PG_URL is not set";   \
      }                                                                          \
      GTEST_SKIP() << "PostgreSQL tests skipped: set DOITHOAI_TEST_PG_URL (see " \
                      "scripts/pg-test-cluster.sh)";                             \
    }                                                                            \
  } while (false)

namespace testing_internal {

// Runs one statement on a new connection to `url` ("" on success, else the
// error text).
inline std::string RunAdminStatement(const std::string& url, const std::string& statement) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* result = PQexec(conn, statement.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQerrorMessage(conn);
    PQclear(result);
  }
  PQfinish(conn);
  return error;
}

// `url` pointing at database `name` instead (a URI or a key=value string).
inline std::string WithDatabase(const std::string& url, const std::string& name) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    size_t start = url.find("://") + 3;
    size_t path = url.find_first_of("/?", start);
    if (path == std::string::npos) return url + "/" + name;
    size_t query = url.find('?', path);
    std::string rest = query == std::string::npos ? "" : url.substr(query);
    return url.substr(0, path) + "/" + name + rest;
  }
  return url + " dbname=" + name;  // a later keyword wins
}

}  // namespace testing_internal

// A database created for one test and dropped (even if still connected to)
// when this object is destroyed.
class PgTestDatabase {
 public:
  static Result<std::unique_ptr<PgTestDatabase>> Create() {
    std::string admin = TestPgUrl();
    if (admin.empty()) {
      return MakeError(ErrorCode::kFailedPrecondition, "DOITHOAI_TEST_PG_URL chưa được đặt");
    }
    static std::atomic<int> counter{0};
    std::random_device random;
    std::string name = "doithoai_t_" + std::to_string(getpid()) + "_" +
                       std::to_string(counter.fetch_add(1)) + "_" +
                       std::to_string(random() % 1000000);
    std::string error = testing_internal::RunAdminStatement(admin, "CREATE DATABASE " + name);
    if (!error.empty()) {
      return MakeError(ErrorCode::kUnavailable,
                       "Không tạo được cơ sở dữ liệu thử " + name + ": " + error);
    }
    return std::unique_ptr<PgTestDatabase>(
        new PgTestDatabase(admin, name, testing_internal::WithDatabase(admin, name)));
  }

  ~PgTestDatabase() {
    std::string error = testing_internal::RunAdminStatement(
        admin_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    if (!error.empty()) ADD_FAILURE() << "DROP DATABASE " << name_ << ": " << error;
  }
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  // The URL of the new database, for PgDatabase::Open.
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  // The cluster's admin URL (DOITHOAI_TEST_PG_URL).
  const std::string& admin_url() const { return admin_; }

 private:
  PgTestDatabase(std::string admin, std::string name, std::string url)
      : admin_(std::move(admin)), name_(std::move(name)), url_(std::move(url)) {}

  std::string admin_;
  std::string name_;
  std::string url_;
};

}  // namespace doithoai::postgres

#endif  // DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PG_TESTING_H_
