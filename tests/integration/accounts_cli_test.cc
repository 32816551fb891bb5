// End-to-end tests of account, commune, audit and admin-unit commands.
#include <gtest/gtest.h>

#include <fstream>

#include "integration/test_server.h"

namespace doithoai::testing {
namespace {

class AccountsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_db_.spec();
    CommandResult init = RunDoithoai({"init", "--db", db_, "--demo"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }
  void Sql(const std::string& sql) { ASSERT_EQ(ExecSql(db_, sql), ""); }
  TempDir dir_;
  TestDb test_db_{dir_};
  std::string db_;
};

TEST_F(AccountsCliTest, UserAddReadsThePasswordFromStdinAndTheAccountCanLogIn) {
  CommandResult add = RunDoithoai(
      {"user", "add", "--db", db_, "--commune", "hoang-truong", "--username", "thuky2", "--role",
       "secretary", "--grant", "denunciation_handler", "--name", "Nguyễn Thị Thư"},
      "mat-khau-thu-ky-2\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  CommandResult list = RunDoithoai({"user", "list", "--db", db_, "--commune", "hoang-truong"});
  EXPECT_NE(list.out.find("thuky2"), std::string::npos);
  EXPECT_NE(list.out.find("denunciation_handler"), std::string::npos);

  ServerProcess server(db_);
  auto ok =
      Request(server.port(), "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
              R"({"username":"thuky2","password":"mat-khau-thu-ky-2"})");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200);
}

TEST_F(AccountsCliTest, BadUserInputIsRefusedClearlyAndChangesNothing) {
  auto add = [&](std::vector<std::string> extra, const std::string& password) {
    std::vector<std::string> args = {"user", "add", "--db", db_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunDoithoai(args, password + "\n");
  };
  CommandResult unknown_role =
      add({"--commune", "hoang-truong", "--username", "a.b", "--role", "chief"}, "mat-khau-du-dai");
  EXPECT_EQ(unknown_role.exit_code, 1);
  EXPECT_NE(unknown_role.err.find("Vai trò không hợp lệ"), std::string::npos) << unknown_role.err;
  CommandResult duplicate =
      add({"--commune", "hoang-truong", "--username", "chutich", "--role", "office"},
          "mat-khau-du-dai");
  EXPECT_EQ(duplicate.exit_code, 1);
  EXPECT_NE(duplicate.err.find("đã được dùng"), std::string::npos) << duplicate.err;
  CommandResult weak =
      add({"--commune", "hoang-truong", "--username", "yeu.qua", "--role", "office"}, "ngan");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.err.find("ít nhất 10"), std::string::npos) << weak.err;
  CommandResult bad_utf8 = add({"--commune", "hoang-truong", "--username", "hong.ma", "--role",
                                "office", "--name", "L\xC3\xaa \xff"},
                               "mat-khau-du-dai");
  EXPECT_EQ(bad_utf8.exit_code, 1);
  CommandResult list = RunDoithoai({"user", "list", "--db", db_});
  for (const char* name : {"a.b", "yeu.qua", "hong.ma"}) {
    EXPECT_EQ(list.out.find(name), std::string::npos) << name;
  }
}

TEST_F(AccountsCliTest, DisableEndsLoginsAndPasswdResets) {
  ASSERT_EQ(RunDoithoai({"user", "disable", "--db", db_, "--username", "ketoan"}).exit_code, 0);
  ServerProcess server(db_);
  auto refused = Request(server.port(), "POST", "/api/v1/session", {},
                         R"({"username":"ketoan","password":"doithoai-demo"})");
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 401);
  ASSERT_EQ(RunDoithoai({"user", "enable", "--db", db_, "--username", "ketoan"}).exit_code, 0);
  ASSERT_EQ(
      RunDoithoai({"user", "passwd", "--db", db_, "--username", "ketoan"}, "mat-khau-ke-toan-moi\n")
          .exit_code,
      0);
  auto ok = Request(server.port(), "POST", "/api/v1/session", {},
                    R"({"username":"ketoan","password":"mat-khau-ke-toan-moi"})");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200);
}

TEST_F(AccountsCliTest, CommuneAddParsesTheTypeWord) {
  CommandResult r = RunDoithoai({"commune", "add", "--db", db_, "--slug", "hoang-hoa", "--name",
                                 "Xã Hoằng Hóa", "--unit-code", "15865"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("UBND xã Hoằng Hóa"), std::string::npos);
  EXPECT_EQ(r.err.find("Cảnh báo"), std::string::npos) << r.err;  // 15865 is in the snapshot
  ServerProcess server(db_);
  auto list = Request(server.port(), "GET", "/");
  ASSERT_TRUE(list.has_value());
  EXPECT_NE(list->body.find("UBND xã Hoằng Hóa</a> – tỉnh Thanh Hóa"), std::string::npos);
  CommandResult dup = RunDoithoai({"commune", "add", "--db", db_, "--slug", "hoang-hoa", "--name",
                                   "Xã Khác", "--unit-code", "15866"});
  EXPECT_EQ(dup.exit_code, 1);
  CommandResult bad = RunDoithoai(
      {"commune", "add", "--db", db_, "--slug", "x-y", "--name", "Phường Y", "--unit-code", "123"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("5 chữ số"), std::string::npos) << bad.err;
}

TEST_F(AccountsCliTest, DecomposedNamesAreStoredNfc) {
  // "Xã Thạch Đồng" typed in NFD (macOS, some PDFs): stored as NFC (TXT-01, TXT-02).
  const std::string nfd =
      "Xa\xcc\x83"
      " Tha\xcc\xa3"
      "ch \xc4\x90"
      "o\xcc\x82\xcc\x80"
      "ng";
  CommandResult r = RunDoithoai({"commune", "add", "--db", db_, "--slug", "thach-dong", "--name",
                                 nfd, "--unit-code", "99005"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryValue(db_, "SELECT name FROM communes WHERE slug = 'thach-dong'"), "Thạch Đồng");
}

TEST_F(AccountsCliTest, AuditVerifyPassesThenNamesTheEditedRow) {
  CommandResult clean = RunDoithoai({"audit", "verify", "--db", db_});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_NE(clean.out.find("nguyên vẹn"), std::string::npos);
  Sql(OnPostgres() ? "DROP TRIGGER audit_log_no_update ON audit_log; "
                     "UPDATE audit_log SET after = '{}' WHERE id = 3;"
                   : "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = '{}' WHERE "
                     "id = 3;");
  CommandResult broken = RunDoithoai({"audit", "verify", "--db", db_});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("hàng 3"), std::string::npos) << broken.err;
}

TEST_F(AccountsCliTest, UnitsImportIsAllOrNothingWithARowReport) {
  std::string good = dir_.path() + "/good.csv";
  std::ofstream(good) << "code,name,type,parent_code,valid_from,legal_source\n"
                         "38,Thanh Hóa,tinh,,2025-07-01,QĐ 19/2025/QĐ-TTg; NQ 202/2025/QH15\n"
                         "99003,Xã Mẫu,xa,38,2025-07-01,Dữ liệu mẫu\n";
  CommandResult ok = RunDoithoai({"units", "import", "--db", db_, good});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  std::string bad = dir_.path() + "/bad.csv";
  std::ofstream(bad) << "code,name,type,parent_code,valid_from,legal_source\n"
                        "38,Thanh Hóa,tinh,,2025-07-01,QĐ 19/2025/QĐ-TTg; NQ 202/2025/QH15\n"
                        "4,Xã Sai Mã,xa,38,2025-07-01,x\n"
                        "99004,Xã Sai Loại,huyen,38,2025-07-01,x\n";
  CommandResult refused = RunDoithoai({"units", "import", "--db", db_, bad});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("dòng 3"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("dòng 4"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace doithoai::testing
