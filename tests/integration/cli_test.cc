// End-to-end tests of the command line: init, migrate, backup, version and
// the one-line Vietnamese errors for bad input.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

namespace fs = std::filesystem;

int CountRows(const std::string& db, const char* table) {
  sqlite3* h = nullptr;
  int count = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    std::string sql = std::string("SELECT count(*) FROM ") + table;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      count = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return count;
}

TEST(CliTest, VersionPrints) {
  CommandResult r = RunDoithoai({"version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("doithoai ", 0), 0u);
}

TEST(CliTest, InitDemoCreatesTheSeedCommuneOnceAndCreatesMissingVarDirectory) {
  TempDir dir;
  std::string db = dir.path() + "/var/doithoai.db";  // var/ does not exist yet
  CommandResult first = RunDoithoai({"init", "--db", db, "--demo"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Hoằng Trường"), std::string::npos);
  EXPECT_EQ(CountRows(db, "communes"), 1);
  EXPECT_EQ(CountRows(db, "villages"), 9);
  CommandResult second = RunDoithoai({"init", "--db", db, "--demo"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(CountRows(db, "communes"), 1);
  EXPECT_EQ(CountRows(db, "villages"), 9);
  // No temporary files are left beside the database.
  for (const auto& entry : fs::directory_iterator(dir.path() + "/var")) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST(CliTest, MigrateIsIdempotent) {
  TempDir dir;
  std::string db = dir.path() + "/d.db";
  ASSERT_EQ(RunDoithoai({"init", "--db", db}).exit_code, 0);
  CommandResult r = RunDoithoai({"migrate", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Đã áp dụng 0"), std::string::npos);
}

TEST(CliTest, BackupCopiesTheDatabase) {
  TempDir dir;
  std::string db = dir.path() + "/d.db";
  std::string out = dir.path() + "/backup.db";
  ASSERT_EQ(RunDoithoai({"init", "--db", db, "--demo"}).exit_code, 0);
  CommandResult r = RunDoithoai({"backup", "--db", db, "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountRows(out, "villages"), 9);
  CommandResult bad = RunDoithoai({"backup", "--db", db, "--out", dir.path() + "/no/dir/b.db"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_EQ(bad.err.rfind("Lỗi: ", 0), 0u) << bad.err;
}

TEST(CliTest, ServeOnMissingDatabaseFailsWithOneClearLine) {
  TempDir dir;
  CommandResult r =
      RunDoithoai({"serve", "--db", dir.path() + "/missing.db", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Lỗi: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("doithoai init"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() + "/missing.db"));
}

TEST(CliTest, ServeOnANonDatabaseFileFailsClearly) {
  TempDir dir;
  std::string path = dir.path() + "/not-a-db.db";
  std::ofstream(path) << "đây không phải cơ sở dữ liệu, chỉ là văn bản";
  CommandResult r = RunDoithoai({"serve", "--db", path, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Lỗi: ", 0), 0u) << r.err;
}

TEST(CliTest, BadListenAddressFailsClearly) {
  TempDir dir;
  std::string db = dir.path() + "/d.db";
  ASSERT_EQ(RunDoithoai({"init", "--db", db}).exit_code, 0);
  CommandResult r = RunDoithoai({"serve", "--db", db, "--listen", "nonsense"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Địa chỉ lắng nghe"), std::string::npos) << r.err;
}

TEST(CliTest, BadPublicUrlFailsClearly) {
  TempDir dir;
  std::string db = dir.path() + "/d.db";
  ASSERT_EQ(RunDoithoai({"init", "--db", db}).exit_code, 0);
  CommandResult r = RunDoithoai({"serve", "--db", db, "--public-url", "doithoai.xa.gov.vn"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--public-url phải bắt đầu bằng http"), std::string::npos) << r.err;
}

TEST(CliTest, InitIntoAnImpossiblePathLeavesNoFile) {
  TempDir dir;
  std::string file = dir.path() + "/plain-file";
  std::ofstream(file) << "x";
  CommandResult r = RunDoithoai({"init", "--db", file + "/sub/d.db"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Lỗi: ", 0), 0u) << r.err;
}

TEST(CliTest, BadArgumentsGetAVietnameseLineAndExitCode2) {
  CommandResult r = RunDoithoai({"backup"});  // --out missing
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("Lỗi: ", 0), 0u) << r.err;
  CommandResult help = RunDoithoai({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Cách dùng"), std::string::npos);
}

TEST(CliTest, EnvironmentVariablesConfigureTheDatabase) {
  TempDir dir;
  std::string db = dir.path() + "/env.db";
  setenv("DOITHOAI_DB", db.c_str(), 1);
  CommandResult r = RunDoithoai({"init"});
  unsetenv("DOITHOAI_DB");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(db));
}

}  // namespace
}  // namespace doithoai::testing
