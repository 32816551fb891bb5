// Tests of `doithoai units import`: messages and exit codes, nothing written
// on a bad file, and the shipped snapshot (the demo commune's code resolves).
#include "app/units_command.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "adapters/storage/sql/admin_unit_store.h"
#include "adapters/storage/sqlite/database.h"

namespace doithoai::app {
namespace {

namespace fs = std::filesystem;

constexpr char kGoodCsv[] =
    "code,name,type,parent_code,valid_from,legal_source\n"
    "38,Thanh Hóa,tinh,,2025-07-01,QĐ 19/2025/QĐ-TTg\n"
    "16000,Hoằng Thanh,xa,38,2025-07-01,QĐ 19/2025/QĐ-TTg\n";

constexpr char kBadCsv[] =
    "code,name,type,parent_code,valid_from,legal_source\n"
    "38,Thanh Hóa,tinh,,2025-07-01,QĐ 19/2025/QĐ-TTg\n"
    "4,Ba Đình,phuong,38,2025-07-01,x\n"
    "16000,Hoằng Thanh,huyen,38,2025-07-01,x\n";

class UnitsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "doithoai_units_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_path_ = dir_ + "/doithoai.db";
    auto db = sqlite::SqliteDatabase::Open(db_path_);  // what `doithoai init` leaves
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_TRUE((*db)->Migrate().ok());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string WriteCsv(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  int64_t CountUnits() {
    auto db = sqlite::SqliteDatabase::Open(db_path_);
    EXPECT_TRUE(db.ok());
    auto count = (*db)->Read<int64_t>([](sql::Connection& c) -> Result<int64_t> {
      ASSIGN_OR_RETURN(sql::Statement stmt, c.Prepare("SELECT count(*) FROM admin_units"));
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      return row ? stmt.ColumnInt(0) : int64_t{-1};
    });
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  std::string dir_;
  std::string db_path_;
};

TEST_F(UnitsCommandTest, ImportsAFileAndReportsCounts) {
  std::string csv = WriteCsv("units.csv", kGoodCsv);
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(RunUnitsImport(db_path_, csv), 0);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "Đã nhập 2 đơn vị hành chính (0 không đổi).\n");
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(RunUnitsImport(db_path_, csv), 0);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "Đã nhập 0 đơn vị hành chính (2 không đổi).\n");
  EXPECT_EQ(CountUnits(), 2);
}

TEST_F(UnitsCommandTest, BadFileListsEveryBadRowAndWritesNothing) {
  std::string csv = WriteCsv("bad.csv", kBadCsv);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunUnitsImport(db_path_, csv), 1);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.rfind("Lỗi: tệp " + csv + " có 2 dòng không hợp lệ:\n", 0), 0u) << err;
  EXPECT_NE(err.find("\n  dòng 3: "), std::string::npos) << err;
  EXPECT_NE(err.find("\n  dòng 4: "), std::string::npos) << err;
  EXPECT_EQ(CountUnits(), 0);
}

TEST_F(UnitsCommandTest, ConflictWithStoredDataWritesNothing) {
  ::testing::internal::CaptureStdout();
  ASSERT_EQ(RunUnitsImport(db_path_, WriteCsv("a.csv", kGoodCsv)), 0);
  ::testing::internal::GetCapturedStdout();
  std::string changed(kGoodCsv);
  changed += "15865,Hoằng Hóa,xa,38,2025-07-01,x\n";
  changed.replace(changed.find("Hoằng Thanh"), std::string("Hoằng Thanh").size(), "Khác");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunUnitsImport(db_path_, WriteCsv("b.csv", changed)), 1);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.rfind("Lỗi: ", 0), 0u);
  EXPECT_NE(err.find("\"16000\""), std::string::npos) << err;
  EXPECT_EQ(CountUnits(), 2);
}

TEST_F(UnitsCommandTest, MissingFileOrDatabaseIsOneLine) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunUnitsImport(db_path_, dir_ + "/missing.csv"), 1);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "Lỗi: Không tìm thấy tệp " + dir_ + "/missing.csv\n");

  std::string csv = WriteCsv("units.csv", kGoodCsv);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunUnitsImport(dir_ + "/none.db", csv), 1);
  err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("doithoai init"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir_ + "/none.db"));  // never created
}

TEST_F(UnitsCommandTest, ShippedSnapshotResolvesTheDemoCommune) {
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(RunUnitsImportShipped(db_path_), 0);
  std::string out = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(out.rfind("Đã nhập ", 0), 0u) << out;

  auto db = sqlite::SqliteDatabase::Open(db_path_);
  ASSERT_TRUE(db.ok());
  sql::SqlAdminUnitStore store(**db);
  // data/demo/hoang-truong.json uses the placeholder code 99001.
  auto demo = store.FindValidOn("99001", "2025-07-01");
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  ASSERT_TRUE(demo->has_value());
  EXPECT_EQ((*demo)->name, "Hoằng Trường");
  EXPECT_EQ((*demo)->type, AdminUnitType::kCommune);
  EXPECT_EQ((*demo)->parent_code, "38");
  auto province = store.FindValidOn("38", "2025-07-01");
  ASSERT_TRUE(province.ok() && province->has_value());
  EXPECT_EQ((*province)->name, "Thanh Hóa");
  EXPECT_EQ((*province)->type, AdminUnitType::kProvince);

  // Idempotent, as `doithoai init` may run on an existing database.
  Result<sql::ImportSummary> again = ImportShippedAdminUnits(**db);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->inserted, 0);
  EXPECT_GT(again->unchanged, 1);
}

TEST_F(UnitsCommandTest, ImportAdminUnitsCsvWorksOnAnOpenDatabase) {
  auto db = sqlite::SqliteDatabase::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Migrate().ok());
  Result<sql::ImportSummary> r = ImportAdminUnitsCsv(**db, kGoodCsv);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, (sql::ImportSummary{2, 0}));
  Result<sql::ImportSummary> bad = ImportAdminUnitsCsv(**db, kBadCsv);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);
}

}  // namespace
}  // namespace doithoai::app
