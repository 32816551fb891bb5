// End-to-end tests of the command line: init, migrate, backup, version and
// the one-line Vietnamese errors for bad input.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

namespace fs = std::filesystem;

TEST(CliTest, VersionPrints) {
  CommandResult r = RunDoithoai({"version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("doithoai ", 0), 0u);
}

TEST(CliTest, InitDemoCreatesTheSeedCommuneOnceAndCreatesMissingVarDirectory) {
  if (OnPostgres()) GTEST_SKIP() << "SQLite file handling; PostgreSQL: CliPostgresTest";
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
  TestDb test_db(dir);
  const std::string& db = test_db.spec();
  ASSERT_EQ(RunDoithoai({"init", "--db", db}).exit_code, 0);
  CommandResult r = RunDoithoai({"migrate", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Đã áp dụng 0"), std::string::npos);
}

TEST(CliTest, BackupCopiesTheDatabase) {
  if (OnPostgres()) GTEST_SKIP() << "SQLite file handling; PostgreSQL: CliPostgresTest";
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
  if (OnPostgres()) GTEST_SKIP() << "SQLite file handling; PostgreSQL: CliPostgresTest";
  TempDir dir;
  CommandResult r =
      RunDoithoai({"serve", "--db", dir.path() + "/missing.db", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Lỗi: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("doithoai init"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() + "/missing.db"));
}

TEST(CliTest, ServeOnANonDatabaseFileFailsClearly) {
  if (OnPostgres()) GTEST_SKIP() << "SQLite file handling; PostgreSQL: CliPostgresTest";
  TempDir dir;
  std::string path = dir.path() + "/not-a-db.db";
  std::ofstream(path) << "đây không phải cơ sở dữ liệu, chỉ là văn bản";
  CommandResult r = RunDoithoai({"serve", "--db", path, "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Lỗi: ", 0), 0u) << r.err;
}

TEST(CliTest, BadListenAddressFailsClearly) {
  TempDir dir;
  TestDb test_db(dir);
  const std::string& db = test_db.spec();
  ASSERT_EQ(RunDoithoai({"init", "--db", db}).exit_code, 0);
  CommandResult r = RunDoithoai({"serve", "--db", db, "--listen", "nonsense"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Địa chỉ lắng nghe"), std::string::npos) << r.err;
}

TEST(CliTest, BadPublicUrlFailsClearly) {
  TempDir dir;
  TestDb test_db(dir);
  const std::string& db = test_db.spec();
  ASSERT_EQ(RunDoithoai({"init", "--db", db}).exit_code, 0);
  CommandResult r = RunDoithoai({"serve", "--db", db, "--public-url", "doithoai.xa.gov.vn"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--public-url phải bắt đầu bằng http"), std::string::npos) << r.err;
}

TEST(CliTest, InitIntoAnImpossiblePathLeavesNoFile) {
  if (OnPostgres()) GTEST_SKIP() << "SQLite file handling; PostgreSQL: CliPostgresTest";
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
  if (OnPostgres()) GTEST_SKIP() << "SQLite file handling; PostgreSQL: CliPostgresTest";
  TempDir dir;
  std::string db = dir.path() + "/env.db";
  setenv("DOITHOAI_DB", db.c_str(), 1);
  CommandResult r = RunDoithoai({"init"});
  unsetenv("DOITHOAI_DB");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(db));
}

// PostgreSQL counterparts of the SQLite file tests above (issue #8).
TEST(CliPostgresTest, InitDemoTwiceOnAnEmptyDatabaseCreatesTheSeedOnce) {
  if (!OnPostgres()) GTEST_SKIP() << "runs as pg:CliPostgresTest.*";
  TempDir dir;
  TestDb test_db(dir);
  const std::string& db = test_db.spec();
  CommandResult first = RunDoithoai({"init", "--db", db, "--demo"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(CountRows(db, "communes"), 1);
  EXPECT_EQ(CountRows(db, "villages"), 9);
  CommandResult second = RunDoithoai({"init", "--db", db, "--demo"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(CountRows(db, "communes"), 1);
  // init applied every migration: migrate finds none left, at the same version.
  CommandResult migrate = RunDoithoai({"migrate", "--db", db});
  ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(
      migrate.out.find("Đã áp dụng 0 bản nâng cấp; phiên bản lược đồ hiện tại: " +
                       QueryValue(db, "SELECT max(version) FROM schema_version").value_or("?")),
      std::string::npos)
      << migrate.out;
  // The sealing key lands beside the process (storage::SidecarBase).
  EXPECT_TRUE(fs::exists(test_db.Sidecar(".key"))) << test_db.Sidecar(".key");
}

TEST(CliPostgresTest, BackupRefersToPgDumpAndAMissingServerFailsInOneLine) {
  if (!OnPostgres()) GTEST_SKIP() << "runs as pg:CliPostgresTest.*";
  TempDir dir;
  TestDb test_db(dir);
  ASSERT_EQ(RunDoithoai({"init", "--db", test_db.spec()}).exit_code, 0);
  CommandResult backup =
      RunDoithoai({"backup", "--db", test_db.spec(), "--out", dir.path() + "/b.db"});
  EXPECT_EQ(backup.exit_code, 1);
  EXPECT_NE(backup.err.find("pg_dump"), std::string::npos) << backup.err;
  // Port 1 on loopback: nothing listens there.
  CommandResult serve = RunDoithoai(
      {"serve", "--db", "postgresql://doithoai@127.0.0.1:1/doithoai", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(serve.exit_code, 1);
  EXPECT_EQ(serve.err.rfind("Lỗi: Không kết nối được tới PostgreSQL", 0), 0u) << serve.err;
  EXPECT_EQ(std::count(serve.err.begin(), serve.err.end(), '\n'), 1) << serve.err;
}

// Serves `db`, logs in as the demo's office clerk and searches the demo
// commune: a copy that works, not only one with the right rows.
void ExpectDemoServes(const std::string& db) {
  ServerProcess server(db);
  ASSERT_GT(server.port(), 0) << server.Stderr();
  auto login =
      Request(server.port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
              R"({"username":"vanphong","password":"doithoai-demo"})");
  ASSERT_TRUE(login.has_value());
  ASSERT_EQ(login->status, 200) << login->body;
  auto search =
      Request(server.port(), "GET", "/api/v1/communes/hoang-truong/petitions?q=duong",
              {{"Authorization",
                "Bearer " + nlohmann::json::parse(login->body)["token"].get<std::string>()}});
  ASSERT_TRUE(search.has_value());
  EXPECT_EQ(search->status, 200) << search->body;
  EXPECT_GT(nlohmann::json::parse(search->body)["total"].get<int>(), 0) << search->body;
  ASSERT_EQ(::kill(server.pid(), SIGTERM), 0);
  EXPECT_EQ(server.WaitForExit(milliseconds(20000)), 0);
}

// `doithoai copy` (issue #8 §5): the demo commune's SQLite file to
// PostgreSQL, served from there, and back to a new SQLite file.
TEST(CliPostgresTest, CopyMovesTheDemoToPostgresqlAndBack) {
  if (!OnPostgres()) GTEST_SKIP() << "runs as pg:CliPostgresTest.*";
  TempDir dir;
  TestDb pg(dir);
  const std::string file = dir.path() + "/xa.db";
  ASSERT_EQ(RunDoithoai({"init", "--db", file, "--demo"}).exit_code, 0);
  CommandResult up = RunDoithoai({"copy", "--from", "sqlite:" + file, "--to", pg.spec()});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_NE(up.out.find("petitions"), std::string::npos) << up.out;
  for (const char* table : {"communes", "petitions", "audit_log", "accounts", "conferences",
                            "conference_documents", "outbox_messages"}) {
    EXPECT_EQ(CountRows(pg.spec(), table), CountRows(file, table)) << table;
    EXPECT_GT(CountRows(pg.spec(), table), 0) << table;
  }
  EXPECT_EQ(RunDoithoai({"audit", "verify", "--db", pg.spec()}).exit_code, 0);
  // Again: everything is already there and is skipped.
  CommandResult again = RunDoithoai({"copy", "--from", file, "--to", pg.spec()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("đã chép ở lần trước"), std::string::npos) << again.out;

  // The copy serves: a login made with the copied account works (the sealing
  // key stays with the file: copy it beside the PostgreSQL side too).
  std::filesystem::copy_file(file + ".key", pg.Sidecar(".key"));
  ExpectDemoServes(pg.spec());

  // And back into a new file.
  const std::string back = dir.path() + "/ve-xa.db";
  CommandResult down = RunDoithoai({"copy", "--from", pg.spec(), "--to", "sqlite:" + back});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_EQ(CountRows(back, "petitions"), CountRows(file, "petitions"));
  EXPECT_EQ(RunDoithoai({"audit", "verify", "--db", back}).exit_code, 0);
  // A source that is not a doithoai database is refused in one line.
  CommandResult bad = RunDoithoai({"copy", "--from", dir.path() + "/khong-co.db", "--to", back});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("Lỗi: ", 0), 0u) << bad.err;
}

// `doithoai copy --commune` (issue #8 §5): a province already serving one
// commune takes in another commune's PC file (both were commune 1 on their
// own machine, with their own keys), serves it, and gives it back as a new
// file.
TEST(CliPostgresTest, CopyCommuneJoinsAProvinceThatServesAnotherAndComesBack) {
  if (!OnPostgres()) GTEST_SKIP() << "runs as pg:CliPostgresTest.*";
  TempDir dir;
  TestDb pg(dir);
  ASSERT_EQ(RunDoithoai({"init", "--db", pg.spec()}).exit_code, 0);
  CommandResult other = RunDoithoai({"commune", "add", "--db", pg.spec(), "--slug", "hoang-hoa",
                                     "--name", "Xã Hoằng Hóa", "--unit-code", "15865"});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  const std::string file = dir.path() + "/xa.db";
  ASSERT_EQ(RunDoithoai({"init", "--db", file, "--demo"}).exit_code, 0);
  // The whole-database copy refuses a province with data and names the way.
  CommandResult whole = RunDoithoai({"copy", "--from", file, "--to", pg.spec()});
  EXPECT_EQ(whole.exit_code, 1);
  EXPECT_NE(whole.err.find("--commune"), std::string::npos) << whole.err;

  CommandResult up =
      RunDoithoai({"copy", "--from", file, "--to", pg.spec(), "--commune", "hoang-truong"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_NE(up.out.find("mã 1 ở nguồn, 2 ở đích"), std::string::npos) << up.out;
  EXPECT_EQ(CountRows(pg.spec(), "petitions"), CountRows(file, "petitions"));
  EXPECT_EQ(CountRows(pg.spec(), "communes"), 2);
  EXPECT_EQ(RunDoithoai({"audit", "verify", "--db", pg.spec()}).exit_code, 0);
  CommandResult again =
      RunDoithoai({"copy", "--from", file, "--to", pg.spec(), "--commune", "hoang-truong"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("đã được chép ở lần trước"), std::string::npos) << again.out;
  // Served with the province's own key: logins and search of the newcomer.
  ExpectDemoServes(pg.spec());
  // Out again into a new file of its own.
  const std::string back = dir.path() + "/ve-xa.db";
  CommandResult down = RunDoithoai(
      {"copy", "--from", pg.spec(), "--to", "sqlite:" + back, "--commune", "hoang-truong"});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_EQ(CountRows(back, "petitions"), CountRows(file, "petitions"));
  EXPECT_EQ(CountRows(back, "communes"), 1);
  EXPECT_GT(CountRows(back, "admin_units"), 0);
  EXPECT_EQ(RunDoithoai({"audit", "verify", "--db", back}).exit_code, 0);
}

}  // namespace
}  // namespace doithoai::testing
