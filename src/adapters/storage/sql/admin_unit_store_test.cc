// Tests of SqlAdminUnitStore on an in-memory database: idempotent,
// all-or-nothing imports (ADC-06), fixed-width codes (ADC-04), and history by
// date for reused codes (ADC-03, ADM-10).
#include "adapters/storage/sql/admin_unit_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "adapters/storage/sqlite/database.h"

namespace doithoai::sql {
namespace {

constexpr char kSource[] = "QĐ 19/2025/QĐ-TTg";

AdminUnit Unit(std::string code, std::string name, AdminUnitType type, std::string parent,
               std::string from, std::string to = "") {
  return AdminUnit{std::move(code), std::move(name), std::move(parent), type, std::move(from),
                   std::move(to),   kSource};
}

std::vector<AdminUnit> Snapshot() {
  return {Unit("01", "Hà Nội", AdminUnitType::kCentralCity, "", "2025-07-01"),
          Unit("00004", "Ba Đình", AdminUnitType::kWard, "01", "2025-07-01"),
          Unit("38", "Thanh Hóa", AdminUnitType::kProvince, "", "2025-07-01"),
          Unit("16000", "Hoằng Thanh", AdminUnitType::kCommune, "38", "2025-07-01"),
          Unit("14797", "Hạc Thành", AdminUnitType::kWard, "38", "2025-07-01")};
}

class SqliteAdminUnitStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::SqliteDatabase::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
    Result<int> migrated = db_->Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    store_ = std::make_unique<SqlAdminUnitStore>(*db_);
  }

  int64_t CountRows() {
    auto count = db_->Read<int64_t>([](Connection& c) -> Result<int64_t> {
      ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT count(*) FROM admin_units"));
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      return row ? stmt.ColumnInt(0) : int64_t{-1};
    });
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlAdminUnitStore> store_;
};

TEST_F(SqliteAdminUnitStoreTest, ImportingTheSameSnapshotTwiceIsANoOp) {
  Result<ImportSummary> first = store_->ImportSnapshot(Snapshot());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, (ImportSummary{5, 0}));
  Result<ImportSummary> second = store_->ImportSnapshot(Snapshot());
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, (ImportSummary{0, 5}));
  EXPECT_EQ(CountRows(), 5);
}

TEST_F(SqliteAdminUnitStoreTest, ConflictingReimportChangesNothing) {
  ASSERT_TRUE(store_->ImportSnapshot(Snapshot()).ok());
  std::vector<AdminUnit> changed = {
      Unit("15865", "Hoằng Hóa", AdminUnitType::kCommune, "38", "2025-07-01"),  // new
      Unit("16000", "Hoằng Thanh (sửa)", AdminUnitType::kCommune, "38", "2025-07-01"),
  };
  Result<ImportSummary> r = store_->ImportSnapshot(changed);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kAlreadyExists);
  EXPECT_NE(r.error().message.find("\"16000\""), std::string::npos) << r.error().message;
  EXPECT_EQ(CountRows(), 5);  // the new row before the conflict was rolled back
  auto found = store_->FindValidOn("15865", "2025-07-01");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  auto kept = store_->FindValidOn("16000", "2025-07-01");
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_EQ((*kept)->name, "Hoằng Thanh");
}

TEST_F(SqliteAdminUnitStoreTest, InvalidUnitsAreRefusedBeforeWriting) {
  std::vector<AdminUnit> units = Snapshot();
  units.push_back(Unit("4", "Ba Đình", AdminUnitType::kWard, "01", "2025-07-01"));
  Result<ImportSummary> r = store_->ImportSnapshot(units);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(CountRows(), 0);
}

TEST_F(SqliteAdminUnitStoreTest, LeadingZerosSurvive) {  // ADC-04
  ASSERT_TRUE(store_->ImportSnapshot(Snapshot()).ok());
  auto ward = store_->FindValidOn("00004", "2025-07-01");
  ASSERT_TRUE(ward.ok()) << ward.error().message;
  ASSERT_TRUE(ward->has_value());
  EXPECT_EQ(**ward, Snapshot()[1]);
  EXPECT_EQ((*ward)->code, "00004");
  EXPECT_EQ((*ward)->parent_code, "01");
  auto city = store_->FindValidOn("01", "2025-07-01");
  ASSERT_TRUE(city.ok() && city->has_value());
  EXPECT_EQ((*city)->parent_code, "");  // NULL reads back as ""
  EXPECT_EQ((*city)->type, AdminUnitType::kCentralCity);
  auto no_zeros = store_->FindValidOn("4", "2025-07-01");
  ASSERT_TRUE(no_zeros.ok());
  EXPECT_FALSE(no_zeros->has_value());
}

TEST_F(SqliteAdminUnitStoreTest, FindValidOnPicksTheVersionByDate) {  // ADC-03
  std::vector<AdminUnit> history = {
      Unit("38", "Thanh Hóa", AdminUnitType::kProvince, "", "2025-07-01"),
      Unit("40", "Nghệ An", AdminUnitType::kProvince, "", "2025-07-01"),
      Unit("16000", "Hoằng Thanh", AdminUnitType::kCommune, "38", "2025-07-01"),
      // The code is reused later for another unit under another province.
      Unit("16000", "Đơn vị khác", AdminUnitType::kWard, "40", "2026-04-30"),
  };
  ASSERT_TRUE(store_->ImportSnapshot(history).ok());

  auto before = store_->FindValidOn("16000", "2025-06-30");
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->has_value());
  auto first = store_->FindValidOn("16000", "2026-04-29");
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->name, "Hoằng Thanh");
  auto second = store_->FindValidOn("16000", "2026-04-30");
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->name, "Đơn vị khác");
  EXPECT_EQ((*second)->parent_code, "40");

  // ListChildren follows the same versions.
  auto under38 = store_->ListChildren("38", "2026-05-01");
  ASSERT_TRUE(under38.ok());
  EXPECT_TRUE(under38->empty());
  auto under40 = store_->ListChildren("40", "2026-05-01");
  ASSERT_TRUE(under40.ok());
  ASSERT_EQ(under40->size(), 1u);
  EXPECT_EQ((*under40)[0].name, "Đơn vị khác");
}

TEST_F(SqliteAdminUnitStoreTest, ValidToClosesAVersion) {
  ASSERT_TRUE(
      store_
          ->ImportSnapshot(
              {Unit("38", "Thanh Hóa", AdminUnitType::kProvince, "", "2025-07-01"),
               Unit("16003", "Đã nhập", AdminUnitType::kCommune, "38", "2025-07-01", "2026-04-30")})
          .ok());
  auto open = store_->FindValidOn("16003", "2026-04-29");
  ASSERT_TRUE(open.ok());
  EXPECT_TRUE(open->has_value());
  auto closed = store_->FindValidOn("16003", "2026-04-30");
  ASSERT_TRUE(closed.ok());
  EXPECT_FALSE(closed->has_value());
  auto children = store_->ListChildren("38", "2026-04-30");
  ASSERT_TRUE(children.ok());
  EXPECT_TRUE(children->empty());
}

TEST_F(SqliteAdminUnitStoreTest, ListChildrenIsOrderedByCode) {
  ASSERT_TRUE(store_->ImportSnapshot(Snapshot()).ok());
  auto children = store_->ListChildren("38", "2025-07-01");
  ASSERT_TRUE(children.ok()) << children.error().message;
  ASSERT_EQ(children->size(), 2u);
  EXPECT_EQ((*children)[0].code, "14797");
  EXPECT_EQ((*children)[1].code, "16000");
  auto provinces = store_->ListChildren("", "2025-07-01");  // NULL parent matches nothing
  ASSERT_TRUE(provinces.ok());
  EXPECT_TRUE(provinces->empty());
}

TEST_F(SqliteAdminUnitStoreTest, MalformedDatesAreInvalidArguments) {
  for (const char* date : {"01/07/2025", "2025-02-30", ""}) {
    auto found = store_->FindValidOn("38", date);
    ASSERT_FALSE(found.ok()) << date;
    EXPECT_EQ(found.error().code, ErrorCode::kInvalidArgument);
    auto children = store_->ListChildren("38", date);
    ASSERT_FALSE(children.ok()) << date;
    EXPECT_EQ(children.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST_F(SqliteAdminUnitStoreTest, SuccessionsImportIdempotently) {  // ADM-10
  std::vector<Succession> rows = {
      {"16003", "16000", "2025-07-01", "NQ 1686/NQ-UBTVQH15"},
      {"16000", "16000", "2025-07-01", "NQ 1686/NQ-UBTVQH15"},
  };
  Result<ImportSummary> first = store_->ImportSuccessions(rows);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, (ImportSummary{2, 0}));
  Result<ImportSummary> again = store_->ImportSuccessions(rows);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, (ImportSummary{0, 2}));
  rows[0].legal_source = "khác";
  Result<ImportSummary> conflict = store_->ImportSuccessions(rows);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kAlreadyExists);
  auto successors = store_->ListSuccessors("16003");
  ASSERT_TRUE(successors.ok());
  ASSERT_EQ(successors->size(), 1u);
  EXPECT_EQ((*successors)[0].new_code, "16000");
  EXPECT_EQ((*successors)[0].legal_source, "NQ 1686/NQ-UBTVQH15");
}

TEST_F(SqliteAdminUnitStoreTest, SchemaRefusesWhatTheStoreWouldNot) {
  // The CHECK constraints are the safety net under ValidateAdminUnit.
  Status bad = db_->Write([](Connection& c) -> Status {
    return c.Exec(
        "INSERT INTO admin_units (code, valid_from, name, type, parent_code, legal_source) "
        "VALUES ('38', '2025-07-01', 'Thanh Hóa', 'huyen', NULL, 'x')");
  });
  EXPECT_FALSE(bad.ok());
  Status parentless = db_->Write([](Connection& c) -> Status {
    return c.Exec(
        "INSERT INTO admin_units (code, valid_from, name, type, parent_code, legal_source) "
        "VALUES ('16000', '2025-07-01', 'Hoằng Thanh', 'xa', NULL, 'x')");
  });
  EXPECT_FALSE(parentless.ok());
  EXPECT_EQ(CountRows(), 0);
}

}  // namespace
}  // namespace doithoai::sql
