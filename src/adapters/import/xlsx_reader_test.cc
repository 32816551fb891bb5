// Tests of ReadXlsxFirstSheet on .xlsx files built in memory with libzip:
// shared and inline strings, Vietnamese text, gaps, numbers, sheet lookup,
// and refusal of broken or hostile files.
#include "adapters/import/xlsx_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/import/xlsx_testing.h"

namespace doithoai::import {
namespace {

using xlsx_testing::InlineRow;
using xlsx_testing::MakeXlsx;
using xlsx_testing::MakeZip;
using xlsx_testing::XlsxParts;
using xlsx_testing::ZipPart;
using Fields = std::vector<std::string>;

constexpr char kPrefix[] = "Tệp Excel không hợp lệ hoặc quá lớn: ";

std::string ErrorOf(const Result<std::vector<CsvRow>>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) {
    return "";
  }
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message.rfind(kPrefix, 0), 0u) << r.error().message;
  return r.error().message;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(XlsxReaderTest, ReadsSharedAndInlineStrings) {
  std::string data = MakeXlsx(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>" +
          InlineRow(2, {"Nguyễn Thị Hồng Nhung", "Công chức Văn phòng – Thống kê"}) +
          "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" t=\"s\"><v>1</v></c></row>",
      {"Họ và tên", "Chức vụ", "Lê Đức Thọ"});
  auto rows = ReadXlsxFirstSheet(data);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].line, 1);
  EXPECT_EQ((*rows)[0].fields, (Fields{"Họ và tên", "Chức vụ"}));
  EXPECT_EQ((*rows)[1].fields, (Fields{"Nguyễn Thị Hồng Nhung", "Công chức Văn phòng – Thống kê"}));
  EXPECT_EQ((*rows)[2].fields, (Fields{"Lê Đức Thọ", "Chức vụ"}));
  EXPECT_FALSE((*rows)[2].blank);
}

TEST(XlsxReaderTest, JoinsRichTextRunsWithoutPhoneticRuns) {
  std::vector<ZipPart> parts = XlsxParts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
  parts.back().data =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si>"
      "<r><rPr><b/></rPr><t>Thôn </t></r><r><t xml:space=\"preserve\">Trung Thành</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>bỏ qua</t></rPh></si></sst>";
  auto rows = ReadXlsxFirstSheet(MakeZip(parts));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].fields, Fields{"Thôn Trung Thành"});
}

TEST(XlsxReaderTest, PlacesCellsByReferenceAndFillsGaps) {
  std::string data = MakeXlsx(
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c>"
      "<c r=\"C2\" t=\"inlineStr\"><is><t>c</t></is></c><c r=\"D2\" s=\"3\"/></row>"
      "<row r=\"5\" ht=\"20\"><c r=\"B5\" t=\"inlineStr\"><is><t>b</t></is></c></row>"
      "<row r=\"6\"><c t=\"inlineStr\"><is><t>x</t></is></c><c t=\"inlineStr\"><is><t>y</t></is>"
      "</c></row><row r=\"900\"><c r=\"A900\" s=\"1\"/></row>");  // styled, empty
  auto rows = ReadXlsxFirstSheet(data);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 6u);  // rows 1..6; the empty row 900 is not content
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ((*rows)[i].line, i + 1);
  }
  EXPECT_TRUE((*rows)[0].fields.empty());
  EXPECT_TRUE((*rows)[0].blank);
  EXPECT_EQ((*rows)[1].fields, (Fields{"a", "", "c"}));
  EXPECT_TRUE((*rows)[2].fields.empty());
  EXPECT_EQ((*rows)[4].fields, (Fields{"", "b"}));
  EXPECT_EQ((*rows)[5].fields, (Fields{"x", "y"}));  // no r: next column
}

TEST(XlsxReaderTest, KeepsValuesAsWritten) {
  std::string data = MakeXlsx(
      "<row r=\"1\"><c r=\"A1\"><v>3</v></c><c r=\"B1\" t=\"n\"><v>1.5</v></c>"
      "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"str\"><f>A1&amp;\"x\"</f><v>3x</v></c>"
      "<c r=\"E1\" t=\"e\"><v>#N/A</v></c><c r=\"F1\" t=\"inlineStr\"><is>"
      "<t>dòng một_x000D_\ndòng hai _x005F_x000D_</t></is></c></row>");
  auto rows = ReadXlsxFirstSheet(data);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].fields,
            (Fields{"3", "1.5", "1", "3x", "#N/A", "dòng một\r\ndòng hai _x000D_"}));
}

TEST(XlsxReaderTest, ReadsPrefixedNamespaces) {
  std::vector<ZipPart> parts = XlsxParts("");
  parts[3].data =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Tên thôn</x:t>"
      "</x:is></x:c></x:row></x:sheetData></x:worksheet>";
  auto rows = ReadXlsxFirstSheet(MakeZip(parts));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].fields, Fields{"Tên thôn"});
}

TEST(XlsxReaderTest, ReadsTheFirstVisibleSheet) {
  std::vector<ZipPart> parts = XlsxParts(InlineRow(1, {"trang hai"}));
  parts[1].data =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"Ẩn\" sheetId=\"1\" state=\"hidden\" r:id=\"rId3\"/>"
      "<sheet name=\"Hai\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>";
  parts[2].data.insert(parts[2].data.find("</Relationships>"),
                       "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                       "officeDocument/2006/relationships/worksheet\" Target=\"/xl/an.xml\"/>");
  parts.push_back(
      {"xl/an.xml", "<worksheet><sheetData>" + InlineRow(1, {"ẩn"}) + "</sheetData></worksheet>"});
  auto rows = ReadXlsxFirstSheet(MakeZip(parts));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ((*rows)[0].fields, Fields{"trang hai"});
}

TEST(XlsxReaderTest, FallsBackToSheet1WithoutWorkbook) {
  auto rows = ReadXlsxFirstSheet(
      MakeZip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + InlineRow(1, {"Tên thôn"}) +
                                                "</sheetData></worksheet>"}}));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ((*rows)[0].fields, Fields{"Tên thôn"});
}

TEST(XlsxReaderTest, RejectsFilesThatAreNotXlsx) {
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet("Tên thôn\nThôn 1\n")), "không phải tệp .xlsx"));
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet("")), "không phải tệp .xlsx"));
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(std::string("PK\x03\x04garbage", 11))),
                  "không phải tệp .xlsx"));
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip({{"[Content_Types].xml", "<Types/>"}}))),
                  "không tìm thấy trang tính"));
}

TEST(XlsxReaderTest, RejectsBrokenXml) {
  std::vector<ZipPart> parts = XlsxParts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>");
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip(parts))), "chuỗi dùng chung không có"));
  parts = XlsxParts("<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip(parts))), "không phải XML hợp lệ"));
  parts = XlsxParts("<row r=\"0\"/>");
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip(parts))), "số dòng “0”"));
  parts = XlsxParts("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>");
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip(parts))), "địa chỉ ô “1A”"));
}

TEST(XlsxReaderTest, RefusesDtdsAndEntityExpansion) {
  std::vector<ZipPart> parts = XlsxParts("");
  parts[3].data =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row r=\"1\">"
      "<c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip(parts))), "DTD"));
}

TEST(XlsxReaderTest, EnforcesRowAndColumnLimits) {
  XlsxLimits limits;
  limits.max_rows = 5;
  limits.max_columns = 3;
  std::string ok = MakeXlsx(InlineRow(5, {"a", "b", "c"}) + "<row r=\"99\"><c r=\"Z99\"/></row>");
  EXPECT_TRUE(ReadXlsxFirstSheet(ok, limits).ok());
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeXlsx(InlineRow(6, {"a"})), limits)),
                  "dòng 6, quá giới hạn 5 dòng"));
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeXlsx(InlineRow(1, {"", "", "", "d"})), limits)),
                  "cột thứ 4, quá giới hạn 3 cột"));
  // The defaults: 10,000 rows and 100 columns (CV is column 100).
  EXPECT_TRUE(
      ReadXlsxFirstSheet(MakeXlsx("<row r=\"10000\"><c r=\"CV10000\"><v>1</v></c></row>")).ok());
  EXPECT_FALSE(
      ReadXlsxFirstSheet(MakeXlsx("<row r=\"10001\"><c r=\"A10001\"><v>1</v></c></row>")).ok());
  EXPECT_FALSE(ReadXlsxFirstSheet(MakeXlsx("<row r=\"1\"><c r=\"CW1\"><v>1</v></c></row>")).ok());
}

TEST(XlsxReaderTest, RefusesOversizedAndOvercompressedParts) {
  // 2 MiB of blanks deflates about 1000:1: a zip bomb in miniature.
  std::string padding(2 * 1024 * 1024, ' ');
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeXlsx(padding + InlineRow(1, {"a"})))),
                  "tỉ lệ nén bất thường"));
  // The same part stored without compression is fine…
  std::vector<ZipPart> parts = XlsxParts(padding + InlineRow(1, {"a"}));
  parts[3].stored = true;
  EXPECT_TRUE(ReadXlsxFirstSheet(MakeZip(parts)).ok());
  // …unless it is larger than the per-part limit.
  XlsxLimits limits;
  limits.max_part_bytes = 1024 * 1024;
  EXPECT_TRUE(Has(ErrorOf(ReadXlsxFirstSheet(MakeZip(parts), limits)), "lớn hơn 1 MiB"));
}

}  // namespace
}  // namespace doithoai::import
