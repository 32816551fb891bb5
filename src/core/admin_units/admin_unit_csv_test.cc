// Tests of ParseAdminUnitsCsv (ADC-06): RFC 4180 details, NFC, and that
// every bad row is reported with its line number and nothing is returned.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/admin_units/admin_unit.h"

namespace doithoai {
namespace {

constexpr char kHeader[] = "code,name,type,parent_code,valid_from,legal_source\n";
constexpr char kProvinceRow[] = "38,Thanh Hóa,tinh,,2025-07-01,QĐ 19/2025/QĐ-TTg\n";

std::string Csv(const std::string& rows) { return kHeader + std::string(kProvinceRow) + rows; }

// The "dòng N" fields of a failed parse.
std::vector<std::string> BadLines(const Result<std::vector<AdminUnit>>& r) {
  std::vector<std::string> lines;
  for (const FieldError& f : r.error().fields) {
    lines.push_back(f.field);
  }
  return lines;
}

std::string MessageFor(const Result<std::vector<AdminUnit>>& r, const std::string& line) {
  for (const FieldError& f : r.error().fields) {
    if (f.field == line) {
      return f.message;
    }
  }
  return "";
}

TEST(ParseAdminUnitsCsvTest, ParsesAProvinceAndItsCommunes) {
  auto r = ParseAdminUnitsCsv(
      Csv("00004,Ba Đình,phuong,38,2025-07-01,x\n16000,Hoằng Thanh,xa,38,2025-07-01,\"a, b\"\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0], (AdminUnit{"38", "Thanh Hóa", "", AdminUnitType::kProvince, "2025-07-01", "",
                                "QĐ 19/2025/QĐ-TTg"}));
  EXPECT_EQ((*r)[1].code, "00004");  // ADC-04: leading zeros kept
  EXPECT_EQ((*r)[1].type, AdminUnitType::kWard);
  EXPECT_EQ((*r)[1].parent_code, "38");
  EXPECT_EQ((*r)[2].legal_source, "a, b");
}

TEST(ParseAdminUnitsCsvTest, HandlesRfc4180Quoting) {
  auto r = ParseAdminUnitsCsv(
      Csv("16000,\"Hoằng \"\"Thanh\"\"\",xa,38,2025-07-01,\"dòng một\r\ndòng hai, có phẩy\"\n"
          "15865, \"Hoằng Hóa\" ,xa,38,2025-07-01,x\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[1].name, "Hoằng \"Thanh\"");
  EXPECT_EQ((*r)[1].legal_source, "dòng một\ndòng hai, có phẩy");  // CRLF inside → LF
  EXPECT_EQ((*r)[2].name, "Hoằng Hóa");                            // spaces around a quoted field
}

TEST(ParseAdminUnitsCsvTest, AcceptsBomCrlfBlankLinesAndNoFinalNewline) {
  std::string csv = "\xEF\xBB\xBF" + std::string(kHeader) + "\r\n" +
                    "38,Thanh Hóa,tinh,,2025-07-01,x\r\n\r\n16000,Hoằng Thanh,xa,38,2025-07-01,x";
  auto r = ParseAdminUnitsCsv(csv);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].code, "38");
  EXPECT_EQ((*r)[1].legal_source, "x");
}

TEST(ParseAdminUnitsCsvTest, AcceptsOptionalValidToColumn) {
  std::string csv =
      "code,name,type,parent_code,valid_from,legal_source,valid_to\n"
      "38,Thanh Hóa,tinh,,2025-07-01,x,\n"
      "16000,Cũ,xa,38,2025-07-01,x,2026-04-30\n"
      "16000,Mới,xa,38,2026-04-30,y,\n";  // same code, later period: history, no duplicate
  auto r = ParseAdminUnitsCsv(csv);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].valid_to, "");
  EXPECT_EQ((*r)[1].valid_to, "2026-04-30");
  EXPECT_EQ((*r)[2].name, "Mới");
}

TEST(ParseAdminUnitsCsvTest, NormalisesToNfc) {  // TXT-01
  // "Hoằng" written with combining marks: a + U+0306 (breve) + U+0300 (grave).
  auto r = ParseAdminUnitsCsv(Csv("16000,Hoa\xCC\x86\xCC\x80ng Thanh,xa,38,2025-07-01,x\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[1].name, "Hoằng Thanh");
}

TEST(ParseAdminUnitsCsvTest, RejectsInvalidUtf8WithItsLine) {
  auto r = ParseAdminUnitsCsv(Csv("16000,Ho\xFF,xa,38,2025-07-01,x\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(BadLines(r), std::vector<std::string>{"dòng 3"});
  EXPECT_NE(MessageFor(r, "dòng 3").find("UTF-8"), std::string::npos);
}

TEST(ParseAdminUnitsCsvTest, RequiresTheExactHeader) {
  for (const char* header : {"code,name,type,parent_code,valid_from\n",
                             "name,code,type,parent_code,valid_from,legal_source\n",
                             "code,name,type,parent_code,valid_from,legal_source,note\n",
                             "38,Thanh Hóa,tinh,,2025-07-01,x\n"}) {
    auto r = ParseAdminUnitsCsv(std::string(header) + kProvinceRow);
    ASSERT_FALSE(r.ok()) << header;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(BadLines(r), std::vector<std::string>{"dòng 1"});
    EXPECT_NE(MessageFor(r, "dòng 1").find("code,name,type,parent_code"), std::string::npos);
  }
  EXPECT_FALSE(ParseAdminUnitsCsv("").ok());
  EXPECT_FALSE(ParseAdminUnitsCsv(kHeader).ok());  // no data rows
}

TEST(ParseAdminUnitsCsvTest, CollectsEveryBadRowWithLineNumbers) {
  auto r = ParseAdminUnitsCsv(
      Csv("4,Ba Đình,phuong,38,2025-07-01,x\n"               // 3: code lost its zeros
          "16000,Hoằng Thanh,huyen,38,2025-07-01,x\n"        // 4: abolished type
          "15865,,xa,38,2025-02-30,\n"                       // 5: name, date, source
          "15991,Hoằng Tiến,xa,,2025-07-01,x\n"              // 6: no parent
          "\"16531\",\"Sầm\nSơn\",phuong,38,2025-07-01,x\n"  // 7: name spans lines 7-8
          "14797,Hạc Thành,phuong,38,2025-07-01\n"           // 9: a column short
          "14758,Hàm Rồng,phuong,38,2025-07-01,x\n"));       // 10: good
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(BadLines(r),
            (std::vector<std::string>{"dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7", "dòng 9"}));
  EXPECT_NE(MessageFor(r, "dòng 3").find("5 chữ số"), std::string::npos);
  EXPECT_NE(MessageFor(r, "dòng 4").find("\"huyen\""), std::string::npos);
  std::string row5 = MessageFor(r, "dòng 5");
  EXPECT_NE(row5.find("Chưa có tên"), std::string::npos);
  EXPECT_NE(row5.find("ngày có thật"), std::string::npos);
  EXPECT_NE(row5.find("căn cứ pháp lý"), std::string::npos);
  EXPECT_NE(MessageFor(r, "dòng 6").find("parent_code"), std::string::npos);
  EXPECT_NE(MessageFor(r, "dòng 9").find("Có 5 cột, cần 6 cột"), std::string::npos);
  EXPECT_NE(r.error().message.find("6 dòng"), std::string::npos);
}

TEST(ParseAdminUnitsCsvTest, ReportsQuotingErrorsAndGoesOn) {
  auto r =
      ParseAdminUnitsCsv(Csv("16000,Hoằng \"Thanh\",xa,38,2025-07-01,x\n"
                             "15865,\"Hoằng\" Hóa,xa,38,2025-07-01,x\n"
                             "14758,Hàm Rồng,phuong,38,2025-07-01,x\n"
                             "15991,\"Hoằng Tiến,xa,38,2025-07-01,x\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(BadLines(r), (std::vector<std::string>{"dòng 3", "dòng 4", "dòng 6"}));
  EXPECT_NE(MessageFor(r, "dòng 6").find("Thiếu dấu ngoặc kép"), std::string::npos);
}

TEST(ParseAdminUnitsCsvTest, RejectsDuplicateCodesValidAtTheSameTime) {
  auto r =
      ParseAdminUnitsCsv(Csv("16000,Hoằng Thanh,xa,38,2025-07-01,x\n"
                             "16000,Hoằng Thanh,xa,38,2025-07-01,x\n"
                             "16000,Hoằng Thanh mới,xa,38,2026-01-01,x\n"));
  ASSERT_FALSE(r.ok());
  // Line 5 overlaps too: line 3 is open-ended (no valid_to).
  EXPECT_EQ(BadLines(r), (std::vector<std::string>{"dòng 4", "dòng 5"}));
  EXPECT_NE(MessageFor(r, "dòng 4").find("trùng với dòng 3"), std::string::npos);
}

TEST(ParseAdminUnitsCsvTest, ParentMustBeAProvinceOfTheSameFile) {  // self-contained files
  auto r =
      ParseAdminUnitsCsv(Csv("00004,Ba Đình,phuong,01,2025-07-01,x\n"
                             "16000,Hoằng Thanh,xa,38,2025-07-01,x\n"
                             "8,Ngọc Hà,phuong,01,2025-07-01,x\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(BadLines(r), (std::vector<std::string>{"dòng 3", "dòng 5"}));
  EXPECT_NE(MessageFor(r, "dòng 3").find("\"01\""), std::string::npos);
  // A row with a bad code still gets its parent checked: one run shows all.
  std::string row5 = MessageFor(r, "dòng 5");
  EXPECT_NE(row5.find("5 chữ số"), std::string::npos) << row5;
  EXPECT_NE(row5.find("\"01\""), std::string::npos) << row5;
}

TEST(ParseAdminUnitsCsvTest, ParentMustBeValidOnTheChildsDate) {
  std::string csv =
      "code,name,type,parent_code,valid_from,legal_source,valid_to\n"
      "38,Thanh Hóa,tinh,,2025-07-01,x,2026-01-01\n"
      "16000,Hoằng Thanh,xa,38,2026-02-01,x,\n";
  auto r = ParseAdminUnitsCsv(csv);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(BadLines(r), std::vector<std::string>{"dòng 3"});
  EXPECT_NE(MessageFor(r, "dòng 3").find("2026-02-01"), std::string::npos);
}

TEST(ParseAdminUnitsCsvTest, TheShippedSnapshotFormatParses) {
  // Mirrors data/admin_units/2025-07-01_thanh-hoa.csv's shape, demo row included.
  auto r = ParseAdminUnitsCsv(
      Csv("99001,Hoằng Trường,xa,38,2025-07-01,\"Dữ liệu mẫu (demo), không phải mã chính "
          "thức\"\n"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[1].legal_source, "Dữ liệu mẫu (demo), không phải mã chính thức");
}

}  // namespace
}  // namespace doithoai
