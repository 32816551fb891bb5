// Tests of the shared RFC 4180 reader: quoting, line numbers of records that
// span lines, blank lines, syntax errors that do not stop reading, the
// byte-order mark and the ';' delimiter of Vietnamese-locale Excel.
#include "core/common/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace doithoai {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvTest, SplitsFieldsAndRecordsWithLineNumbers) {
  std::vector<CsvRow> rows = ParseCsv("a,b,c\n1,2,3\r\nx,,z");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[2].fields, (Fields{"x", "", "z"}));  // no final newline
  for (const CsvRow& row : rows) {
    EXPECT_TRUE(row.syntax_error.empty());
    EXPECT_FALSE(row.blank);
  }
}

TEST(CsvTest, HandlesQuotesAndFieldsSpanningLines) {
  std::vector<CsvRow> rows =
      ParseCsv("\"Thôn \"\"Một\"\"\",\"a, b\"\n\"dòng một\r\ndòng hai\",x\n  \"sau\" ,y\nz,w\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (Fields{"Thôn \"Một\"", "a, b"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields, (Fields{"dòng một\ndòng hai", "x"}));  // CRLF inside → LF
  EXPECT_EQ(rows[2].line, 4);  // the quoted field took lines 2 and 3
  EXPECT_EQ(rows[2].fields, (Fields{"sau", "y"}));
  EXPECT_EQ(rows[3].line, 5);
}

TEST(CsvTest, MarksBlankLinesAndKeepsThem) {
  std::vector<CsvRow> rows = ParseCsv("a\n\n  \t\n\"\"\n,\nb\n");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_FALSE(rows[0].blank);
  EXPECT_TRUE(rows[1].blank);
  EXPECT_TRUE(rows[2].blank);
  EXPECT_FALSE(rows[3].blank);  // a quoted empty field is content
  EXPECT_FALSE(rows[4].blank);  // two empty fields: the importer decides
  EXPECT_EQ(rows[4].fields, (Fields{"", ""}));
  EXPECT_EQ(rows[5].line, 6);
}

TEST(CsvTest, RecordsSyntaxErrorsAndResumesAtTheNextLine) {
  std::vector<CsvRow> rows = ParseCsv("a \"b\",c\n\"x\" y,z\nok,1\n\"open,2\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_NE(rows[0].syntax_error.find("hai dấu"), std::string::npos);
  EXPECT_NE(rows[1].syntax_error.find("sau dấu ngoặc kép đóng"), std::string::npos);
  EXPECT_TRUE(rows[2].syntax_error.empty());
  EXPECT_EQ(rows[2].fields, (Fields{"ok", "1"}));
  EXPECT_NE(rows[3].syntax_error.find("Thiếu dấu ngoặc kép"), std::string::npos);
}

TEST(CsvTest, SkipsTheByteOrderMarkAndReadsEmptyInput) {
  std::vector<CsvRow> rows = ParseCsv("\xEF\xBB\xBFten_thon\nThôn 1\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"ten_thon"}));
  EXPECT_TRUE(ParseCsv("").empty());
  EXPECT_TRUE(ParseCsv("\xEF\xBB\xBF").empty());
}

TEST(CsvTest, KeepsBytesAsTheyAre) {
  std::vector<CsvRow> rows = ParseCsv("Ho\xFF,  x  \n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"Ho\xFF", "  x  "}));  // no validation, no trimming
}

TEST(CsvTest, ReadsOtherDelimiters) {
  std::vector<CsvRow> rows = ParseCsv("STT;Tên thôn\n1;\"Thôn 1; 2\"\n", ';');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"STT", "Tên thôn"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "Thôn 1; 2"}));
}

TEST(CsvTest, SniffsTheDelimiterFromTheFirstNonBlankLine) {
  EXPECT_EQ(SniffCsvDelimiter("a,b\n"), ',');
  EXPECT_EQ(SniffCsvDelimiter("STT;Tên thôn\n1;Thôn 1,2\n"), ';');
  EXPECT_EQ(SniffCsvDelimiter("\xEF\xBB\xBF\n\nSTT;Tên\n"), ';');
  EXPECT_EQ(SniffCsvDelimiter("\"a;b\",c\n"), ',');
  EXPECT_EQ(SniffCsvDelimiter("\"a,b\";c\n"), ';');
  EXPECT_EQ(SniffCsvDelimiter("ten_thon\nThôn 1;2\n"), ',');  // one column
  EXPECT_EQ(SniffCsvDelimiter(""), ',');
}

TEST(CsvTest, CellHelpers) {
  EXPECT_TRUE(IsBlankCell(""));
  EXPECT_TRUE(IsBlankCell(" \t\r\n\xC2\xA0"));
  EXPECT_FALSE(IsBlankCell(" x "));
  EXPECT_FALSE(IsBlankCell("\xFF"));
  EXPECT_TRUE(IsBlankRow(CsvRow{3, {"", "  "}, "", false}));
  EXPECT_TRUE(IsBlankRow(CsvRow{3, {}, "", true}));
  EXPECT_FALSE(IsBlankRow(CsvRow{3, {""}, "Thiếu dấu ngoặc kép", false}));
  EXPECT_FALSE(IsBlankRow(CsvRow{3, {"", "a"}, "", false}));
  EXPECT_EQ(CollapseWhitespace("  Thôn \xC2\xA0 Trung\r\nThành\t"), "Thôn Trung Thành");
  EXPECT_EQ(CollapseWhitespace(" \n "), "");
}

}  // namespace
}  // namespace doithoai
