// Tests of the administrative-unit model: type codes (ADM-05), dates, code
// widths (ADC-01/02/04) and per-unit validation (ADM-01, ADM-10, ADC-06).
#include "core/admin_units/admin_unit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text/vietnamese.h"

namespace doithoai {
namespace {

AdminUnit Province() {
  return AdminUnit{"38", "Thanh Hóa",        "", AdminUnitType::kProvince, "2025-07-01",
                   "",   "QĐ 19/2025/QĐ-TTg"};
}

AdminUnit Commune() {
  return AdminUnit{"16000", "Hoằng Thanh",      "38", AdminUnitType::kCommune, "2025-07-01",
                   "",      "QĐ 19/2025/QĐ-TTg"};
}

std::vector<std::string> FieldNames(const Status& s) {
  std::vector<std::string> names;
  for (const FieldError& f : s.error().fields) {
    names.push_back(f.field);
  }
  return names;
}

TEST(AdminUnitTypeTest, CodesRoundTripForAllFiveTypes) {  // ADM-05
  for (AdminUnitType t :
       {AdminUnitType::kCentralCity, AdminUnitType::kProvince, AdminUnitType::kWard,
        AdminUnitType::kCommune, AdminUnitType::kSpecialZone}) {
    Result<AdminUnitType> parsed = ParseAdminUnitType(AdminUnitTypeCode(t));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, t);
  }
  EXPECT_EQ(AdminUnitTypeCode(AdminUnitType::kCentralCity), "thanh_pho_truc_thuoc_trung_uong");
  EXPECT_EQ(AdminUnitTypeCode(AdminUnitType::kSpecialZone), "dac_khu");
  EXPECT_EQ(AdminUnitTypeWord(AdminUnitType::kWard), "phường");
}

TEST(AdminUnitTypeTest, RejectsAbolishedAndMisspelledTypes) {
  // ADM-01: the district level (huyện, quận, thị xã) no longer exists.
  for (const char* bad : {"huyen", "quan", "thi_xa", "Xa", "xã", ""}) {
    Result<AdminUnitType> parsed = ParseAdminUnitType(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(AdminUnitTypeTest, OnlyCitiesAndProvincesAreProvinceLevel) {
  EXPECT_TRUE(IsProvinceLevel(AdminUnitType::kCentralCity));
  EXPECT_TRUE(IsProvinceLevel(AdminUnitType::kProvince));
  EXPECT_FALSE(IsProvinceLevel(AdminUnitType::kWard));
  EXPECT_FALSE(IsProvinceLevel(AdminUnitType::kCommune));
  EXPECT_FALSE(IsProvinceLevel(AdminUnitType::kSpecialZone));
}

TEST(IsValidIsoDateTest, AcceptsRealCalendarDatesOnly) {
  EXPECT_TRUE(IsValidIsoDate("2025-07-01"));
  EXPECT_TRUE(IsValidIsoDate("2024-02-29"));  // leap year
  EXPECT_TRUE(IsValidIsoDate("2000-02-29"));  // divisible by 400
  EXPECT_FALSE(IsValidIsoDate("2025-02-29"));
  EXPECT_FALSE(IsValidIsoDate("1900-02-29"));  // divisible by 100
  EXPECT_FALSE(IsValidIsoDate("2025-04-31"));
  EXPECT_FALSE(IsValidIsoDate("2025-13-01"));
  EXPECT_FALSE(IsValidIsoDate("2025-00-10"));
  EXPECT_FALSE(IsValidIsoDate("2025-07-00"));
  EXPECT_FALSE(IsValidIsoDate("0000-01-01"));
  EXPECT_FALSE(IsValidIsoDate("01/07/2025"));
  EXPECT_FALSE(IsValidIsoDate("2025-7-1"));
  EXPECT_FALSE(IsValidIsoDate("2025-07-01 "));
  EXPECT_FALSE(IsValidIsoDate(""));
}

TEST(IsFixedWidthCodeTest, KeepsLeadingZeros) {  // ADC-04
  EXPECT_TRUE(IsFixedWidthCode("00004", kCommuneCodeLength));
  EXPECT_TRUE(IsFixedWidthCode("01", kProvinceCodeLength));
  EXPECT_FALSE(IsFixedWidthCode("4", kCommuneCodeLength));
  EXPECT_FALSE(IsFixedWidthCode("1", kProvinceCodeLength));
  EXPECT_FALSE(IsFixedWidthCode("0000a", kCommuneCodeLength));
  EXPECT_FALSE(IsFixedWidthCode("-0004", kCommuneCodeLength));
}

TEST(ValidateAdminUnitTest, AcceptsProvinceAndCommune) {
  EXPECT_TRUE(ValidateAdminUnit(Province()).ok());
  EXPECT_TRUE(ValidateAdminUnit(Commune()).ok());
  AdminUnit closed = Commune();
  closed.valid_to = "2026-04-30";
  EXPECT_TRUE(ValidateAdminUnit(closed).ok());
}

TEST(ValidateAdminUnitTest, CodeWidthDependsOnLevel) {  // ADC-01/02
  AdminUnit province = Province();
  province.code = "038";
  Status s = ValidateAdminUnit(province);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(FieldNames(s), std::vector<std::string>{"code"});
  EXPECT_NE(s.error().fields[0].message.find("2 chữ số"), std::string::npos);

  AdminUnit commune = Commune();
  commune.code = "4";  // a spreadsheet dropped the zeros of "00004"
  s = ValidateAdminUnit(commune);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(FieldNames(s), std::vector<std::string>{"code"});
  EXPECT_NE(s.error().fields[0].message.find("5 chữ số"), std::string::npos);
}

TEST(ValidateAdminUnitTest, ParentCodeMatchesLevel) {  // ADM-01, ADC-03
  AdminUnit province = Province();
  province.parent_code = "01";
  EXPECT_EQ(FieldNames(ValidateAdminUnit(province)), std::vector<std::string>{"parent_code"});

  AdminUnit commune = Commune();
  commune.parent_code = "";
  EXPECT_EQ(FieldNames(ValidateAdminUnit(commune)), std::vector<std::string>{"parent_code"});
  commune.parent_code = "38000";
  EXPECT_EQ(FieldNames(ValidateAdminUnit(commune)), std::vector<std::string>{"parent_code"});
}

TEST(ValidateAdminUnitTest, ReportsEveryBadField) {
  AdminUnit bad = Commune();
  bad.code = "1600";
  bad.name = " ";
  bad.valid_from = "2025-02-30";
  bad.valid_to = "not a date";
  bad.legal_source = "";
  Status s = ValidateAdminUnit(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FieldNames(s),
            (std::vector<std::string>{"code", "name", "valid_from", "valid_to", "legal_source"}));
}

TEST(ValidateAdminUnitTest, ValidToMustFollowValidFrom) {
  AdminUnit unit = Commune();
  unit.valid_to = unit.valid_from;  // an empty period
  EXPECT_EQ(FieldNames(ValidateAdminUnit(unit)), std::vector<std::string>{"valid_to"});
}

TEST(ValidateAdminUnitTest, NameMustBeOneLine) {
  AdminUnit unit = Commune();
  unit.name = "Hoằng\nThanh";
  EXPECT_EQ(FieldNames(ValidateAdminUnit(unit)), std::vector<std::string>{"name"});
}

TEST(ValidateAdminUnitTest, LongValuesAreCutOnACharacterBoundary) {
  AdminUnit unit = Commune();
  unit.code.clear();
  for (int i = 0; i < 30; ++i) {
    unit.code += "ằ";  // 3 bytes each: the 40-byte cut falls inside a character
  }
  Status s = ValidateAdminUnit(unit);
  ASSERT_FALSE(s.ok());
  const std::string& message = s.error().fields[0].message;
  EXPECT_TRUE(text::IsValidUtf8(message));
  EXPECT_NE(message.find("…\""), std::string::npos) << message;
}

TEST(ValidateSuccessionTest, SameLevelCodesDateAndSource) {  // ADM-10
  Succession merge{"16003", "16000", "2025-07-01", "NQ 1686/NQ-UBTVQH15"};
  EXPECT_TRUE(ValidateSuccession(merge).ok());
  // ADC-03: the surviving unit keeps its own code.
  Succession kept{"16000", "16000", "2025-07-01", "NQ 1686/NQ-UBTVQH15"};
  EXPECT_TRUE(ValidateSuccession(kept).ok());

  Succession cross_level{"38", "16000", "2025-07-01", "x"};
  EXPECT_FALSE(ValidateSuccession(cross_level).ok());
  Succession bad{"4", "16000", "2025-13-01", ""};
  Status s = ValidateSuccession(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(FieldNames(s),
            (std::vector<std::string>{"old_code", "effective_from", "legal_source"}));
}

}  // namespace
}  // namespace doithoai
