// Tests of `doithoai commune import` (RunRosterImport) on a real database
// file: CSV and .xlsx imports, the printed summary, and that a file with bad
// rows prints every one of them and writes nothing.
#include "app/roster_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "adapters/import/xlsx_testing.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sqlite/database.h"

namespace doithoai::app {
namespace {

namespace fs = std::filesystem;

class RosterCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("doithoai-roster-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = (dir_ / "t.db").string();
    auto db = sqlite::SqliteDatabase::Open(db_path_);
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_TRUE((*db)->Migrate().ok());
    sql::SqlCommuneRepository repo(**db);
    AuditContext ctx;
    ctx.actor_name = "test";
    Commune commune;
    commune.slug = "hoang-truong";
    commune.code = "16000";
    commune.name = "Hoằng Trường";
    auto id = repo.CreateCommune(commune, ctx);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(repo.AddVillage(Village{{}, *id, "Thôn Đông", 1}, ctx).ok());
    ASSERT_TRUE(repo.AddUnit(Unit{{}, *id, "Văn phòng – Thống kê", "VP-TK"}, ctx).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string WriteFile(const std::string& name, const std::string& data) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << data;
    return path;
  }

  // Runs the command; returns its exit code and fills out_/err_.
  int Run(const std::string& slug, const std::string& file) {
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    int code = RunRosterImport(db_path_, slug, file);
    out_ = ::testing::internal::GetCapturedStdout();
    err_ = ::testing::internal::GetCapturedStderr();
    return code;
  }

  std::vector<std::string> VillageNames() {
    auto db = sqlite::SqliteDatabase::Open(db_path_);
    EXPECT_TRUE(db.ok());
    sql::SqlCommuneRepository repo(**db);
    auto commune = repo.FindCommuneBySlug("hoang-truong");
    std::vector<std::string> names;
    Result<std::vector<Village>> villages = repo.ListVillages(commune->id);
    EXPECT_TRUE(villages.ok());
    for (const Village& v : *villages) {
      names.push_back(v.name);
    }
    return names;
  }

  size_t OfficialCount() {
    auto db = sqlite::SqliteDatabase::Open(db_path_);
    sql::SqlCommuneRepository repo(**db);
    auto commune = repo.FindCommuneBySlug("hoang-truong");
    return repo.ListOfficials(commune->id)->size();
  }

  fs::path dir_;
  std::string db_path_;
  std::string out_;
  std::string err_;
};

TEST_F(RosterCommandTest, ImportsVillagesFromCsv) {
  std::string file =
      WriteFile("thon.csv", "\xEF\xBB\xBFSTT;Tên thôn\r\n2;Thôn Tây\r\n;\r\n3;Thôn Nam\r\n");
  EXPECT_EQ(Run("hoang-truong", file), 0) << err_;
  EXPECT_EQ(out_, "Đã nhập 2 thôn (bỏ qua 1 dòng trống).\n");
  EXPECT_EQ(VillageNames(), (std::vector<std::string>{"Thôn Đông", "Thôn Tây", "Thôn Nam"}));
}

TEST_F(RosterCommandTest, ImportsOfficialsFromXlsx) {
  using import::xlsx_testing::InlineRow;
  std::string file = WriteFile(
      "can-bo.xlsx", import::xlsx_testing::MakeXlsx(
                         "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
                         "</c><c r=\"C1\" t=\"s\"><v>2</v></c></row>" +
                             InlineRow(2, {"Lê Văn An", "Chủ tịch UBND xã", ""}) +
                             InlineRow(4, {"Nguyễn Thị Nhung", "Công chức", "VP-TK"}),
                         {"Họ và tên", "Chức vụ", "Bộ phận"}));
  EXPECT_EQ(Run("hoang-truong", file), 0) << err_;
  EXPECT_EQ(out_, "Đã nhập 2 cán bộ (bỏ qua 1 dòng trống).\n");
  EXPECT_EQ(OfficialCount(), 2u);
}

TEST_F(RosterCommandTest, PrintsEveryBadRowAndWritesNothing) {
  std::string file =
      WriteFile("thon.csv", "Tên thôn,Thứ tự\nThôn Tây,1\nthôn đông,2\nThôn Nam,x\n,4\n");
  EXPECT_EQ(Run("hoang-truong", file), 1);
  EXPECT_EQ(out_, "");
  EXPECT_EQ(err_.rfind("Lỗi: Tệp có 3 dòng lỗi; chưa nhập dòng nào.\n", 0), 0u) << err_;
  EXPECT_NE(err_.find("\n  dòng 3: Xã đã có thôn “thôn đông”."), std::string::npos) << err_;
  EXPECT_NE(err_.find("\n  dòng 4: Thứ tự “x”"), std::string::npos) << err_;
  EXPECT_NE(err_.find("\n  dòng 5: Chưa có tên thôn."), std::string::npos) << err_;
  EXPECT_EQ(err_.find("dòng 2"), std::string::npos) << err_;
  EXPECT_EQ(VillageNames(), std::vector<std::string>{"Thôn Đông"});
}

TEST_F(RosterCommandTest, FailsClearlyOnBadArguments) {
  std::string file = WriteFile("thon.csv", "Tên thôn\nThôn Tây\n");
  EXPECT_EQ(Run("khong-co", file), 1);
  EXPECT_NE(err_.find("Không có xã với mã đường dẫn \"khong-co\""), std::string::npos) << err_;
  EXPECT_EQ(Run("hoang-truong", (dir_ / "missing.csv").string()), 1);
  EXPECT_NE(err_.find("Không tìm thấy tệp"), std::string::npos) << err_;
  EXPECT_EQ(Run("hoang-truong", WriteFile("bad.xlsx", "PK\x03\x04rest")), 1);
  EXPECT_NE(err_.find("Lỗi: Tệp Excel không hợp lệ hoặc quá lớn: "), std::string::npos) << err_;
  EXPECT_EQ(VillageNames(), std::vector<std::string>{"Thôn Đông"});

  // A missing database is not created.
  std::string missing_db = (dir_ / "none.db").string();
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunRosterImport(missing_db, "hoang-truong", file), 1);
  ::testing::internal::GetCapturedStderr();
  EXPECT_FALSE(fs::exists(missing_db));
}

}  // namespace
}  // namespace doithoai::app
