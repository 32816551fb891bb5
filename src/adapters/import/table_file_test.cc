// Tests of ReadTableFile's content sniffing: .xlsx by signature, CSV with a
// byte-order mark or ';', and refusal of .xls and UTF-16 text.
#include "adapters/import/table_file.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/import/xlsx_testing.h"

namespace doithoai::import {
namespace {

using Fields = std::vector<std::string>;

TEST(TableFileTest, ReadsCsvWithBomAndEitherDelimiter) {
  auto comma = ReadTableFile("\xEF\xBB\xBFSTT,Tên thôn\n1,Thôn 1\n");
  ASSERT_TRUE(comma.ok());
  ASSERT_EQ(comma->size(), 2u);
  EXPECT_EQ((*comma)[0].fields, (Fields{"STT", "Tên thôn"}));
  auto semicolon = ReadTableFile("STT;Tên thôn\r\n1;Thôn 1, 2\r\n");
  ASSERT_TRUE(semicolon.ok());
  EXPECT_EQ((*semicolon)[1].fields, (Fields{"1", "Thôn 1, 2"}));
  auto empty = ReadTableFile("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(TableFileTest, ReadsXlsxBySignature) {
  auto rows = ReadTableFile(xlsx_testing::MakeXlsx(xlsx_testing::InlineRow(1, {"Tên thôn"}) +
                                                   xlsx_testing::InlineRow(2, {"Thôn 1"})));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].fields, Fields{"Thôn 1"});
  auto broken = ReadTableFile(std::string("PK\x03\x04\x00\x00", 6));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().message.rfind("Tệp Excel không hợp lệ hoặc quá lớn: ", 0), 0u);
}

TEST(TableFileTest, RefusesOldExcelAndUtf16WithAdvice) {
  auto xls = ReadTableFile(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12));
  ASSERT_FALSE(xls.ok());
  EXPECT_EQ(xls.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(xls.error().message.find(".xlsx"), std::string::npos);
  auto utf16 = ReadTableFile(std::string("\xFF\xFET\x00", 4));
  ASSERT_FALSE(utf16.ok());
  EXPECT_NE(utf16.error().message.find("CSV UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace doithoai::import
