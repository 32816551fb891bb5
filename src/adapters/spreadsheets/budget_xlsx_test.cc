#include "adapters/spreadsheets/budget_xlsx.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "adapters/spreadsheets/xlsx_testing.h"
#include "core/text/number_words.h"

namespace doithoai::spreadsheets {
namespace {

Commune HoangTruong() {
  Commune commune;
  commune.id = CommuneId{1};
  commune.slug = "hoang-truong";
  commune.name = "Hoằng Trường";
  commune.type = CommuneType::kXa;
  return commune;
}

Conference WithBudget() {
  Conference c;
  c.id = ConferenceId{3};
  c.commune_id = CommuneId{1};
  c.subject = "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023";
  BudgetLine water;
  water.number = 1;
  water.item = "Nước uống, hoa quả";
  water.unit = "người";
  water.quantity = 120;
  water.unit_price = 25'000;
  water.source = "Kinh phí hoạt động năm 2023 của UBND xã";
  water.actual = 2'800'000;  // 200'000 below the estimate of 3'000'000
  BudgetLine banner;
  banner.number = 2;
  banner.item = "Phông, khẩu hiệu";
  banner.unit = "bộ";
  banner.quantity = 1;
  banner.unit_price = 1'500'000;
  banner.source = "Kinh phí hoạt động năm 2023 của UBND xã";
  BudgetLine hall;
  hall.number = 3;
  hall.item = "Thuê âm thanh";
  hall.unit = "buổi";
  hall.quantity = 0.5;
  hall.unit_price = 1'400'001;  // 700'000.5 → 700'001 (rounded to the đồng)
  hall.actual = 800'000;
  c.budget = {water, banner, hall};
  return c;
}

std::string At(const std::vector<std::vector<std::string>>& rows, size_t row, size_t col) {
  if (row >= rows.size() || col >= rows[row].size()) {
    return "<missing>";
  }
  return rows[row][col];
}

const std::vector<std::string> kHeaders = {"STT",
                                           "Nội dung chi",
                                           "Đơn vị tính",
                                           "Số lượng",
                                           "Đơn giá (đồng)",
                                           "Dự toán (đồng)",
                                           "Thực chi (đồng)",
                                           "Chênh lệch (đồng)",
                                           "Nguồn kinh phí"};

TEST(RenderBudgetXlsxTest, WritesTitleTableTotalsAndWords) {
  auto xlsx = RenderBudgetXlsx(WithBudget(), HoangTruong());
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  ASSERT_TRUE(xlsx->starts_with("PK"));
  const auto rows = ReadBack(*xlsx);
  ASSERT_GE(rows.size(), 11u);
  EXPECT_EQ(At(rows, 0, 0), "DỰ TOÁN – QUYẾT TOÁN KINH PHÍ");
  EXPECT_EQ(At(rows, 1, 0), "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023");
  EXPECT_EQ(At(rows, 2, 0), "UBND xã Hoằng Trường");
  ASSERT_GE(rows[4].size(), kHeaders.size());
  for (size_t col = 0; col < kHeaders.size(); ++col) {
    EXPECT_EQ(At(rows, 4, col), kHeaders[col]);
  }
  // Line 1: settled.
  EXPECT_EQ(At(rows, 5, 0), "1");
  EXPECT_EQ(At(rows, 5, 1), "Nước uống, hoa quả");
  EXPECT_EQ(At(rows, 5, 2), "người");
  EXPECT_EQ(At(rows, 5, 3), "120");
  EXPECT_EQ(At(rows, 5, 4), "25000");
  EXPECT_EQ(At(rows, 5, 5), "3000000");
  EXPECT_EQ(At(rows, 5, 6), "2800000");
  EXPECT_EQ(At(rows, 5, 7), "-200000");
  EXPECT_EQ(At(rows, 5, 8), "Kinh phí hoạt động năm 2023 của UBND xã");
  // Line 2: not settled, so no actual and no difference.
  EXPECT_EQ(At(rows, 6, 5), "1500000");
  EXPECT_EQ(At(rows, 6, 6), "");
  EXPECT_EQ(At(rows, 6, 7), "");
  // Line 3: fractional quantity, estimate rounded to the đồng.
  EXPECT_EQ(At(rows, 7, 3), "0.5");
  EXPECT_EQ(At(rows, 7, 5), "700001");
  EXPECT_EQ(At(rows, 7, 7), "99999");
  // Totals (cached values of the SUM formulas).
  EXPECT_EQ(At(rows, 8, 1), "Tổng cộng");
  EXPECT_EQ(At(rows, 8, 5), "5200001");
  EXPECT_EQ(At(rows, 8, 6), "3600000");
  EXPECT_EQ(At(rows, 8, 7), "-100001");
  EXPECT_EQ(At(rows, 10, 1), "Bằng chữ (dự toán): " + text::VietnameseAmountInWords(5'200'001));
  EXPECT_EQ(At(rows, 10, 1),
            "Bằng chữ (dự toán): Năm triệu hai trăm nghìn không trăm linh một đồng");
  EXPECT_EQ(At(rows, 11, 1), "Bằng chữ (thực chi): Ba triệu sáu trăm nghìn đồng");
}

TEST(RenderBudgetXlsxTest, WritesFormulasAndNumberFormat) {
  auto xlsx = RenderBudgetXlsx(WithBudget(), HoangTruong());
  ASSERT_TRUE(xlsx.ok());
  // The reader returns cached values only; the formulas, the number format
  // and the sheet name are checked in the inflated parts.
  const std::string sheet = ReadPart(*xlsx, "xl/worksheets/sheet1.xml");
  const std::string styles = ReadPart(*xlsx, "xl/styles.xml");
  const std::string workbook = ReadPart(*xlsx, "xl/workbook.xml");
  EXPECT_NE(sheet.find("<f>ROUND(D6*E6,0)</f><v>3000000</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<f>G6-F6</f><v>-200000</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<f>SUM(F6:F8)</f><v>5200001</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<f>SUM(G6:G8)</f><v>3600000</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<col "), std::string::npos);  // column widths
  EXPECT_NE(styles.find("formatCode=\"#,##0\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Dự toán – Quyết toán\""), std::string::npos);
}

TEST(RenderBudgetXlsxTest, EmptyBudgetStillHasHeadersAndZeroTotal) {
  Conference c = WithBudget();
  c.budget.clear();
  auto xlsx = RenderBudgetXlsx(c, HoangTruong());
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  const auto rows = ReadBack(*xlsx);
  ASSERT_GE(rows.size(), 8u);
  for (size_t col = 0; col < kHeaders.size(); ++col) {
    EXPECT_EQ(At(rows, 4, col), kHeaders[col]);
  }
  EXPECT_EQ(At(rows, 5, 1), "Tổng cộng");
  EXPECT_EQ(At(rows, 5, 5), "0");
  EXPECT_EQ(At(rows, 5, 6), "0");
  EXPECT_EQ(At(rows, 7, 1), "Bằng chữ (dự toán): Không đồng");
  EXPECT_EQ(rows.size(), 8u);  // no "thực chi" words line without actuals
}

TEST(RenderBudgetXlsxTest, LeavesNoTemporaryFileBehind) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("budget_xlsx_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  ASSERT_EQ(setenv("TMPDIR", dir.c_str(), 1), 0);
  auto xlsx = RenderBudgetXlsx(WithBudget(), HoangTruong());
  unsetenv("TMPDIR");
  ASSERT_TRUE(xlsx.ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(RenderBudgetXlsxTest, UnwritableTempDirIsUnavailable) {
  ASSERT_EQ(setenv("TMPDIR", "/nonexistent/doithoai-budget-test", 1), 0);
  auto xlsx = RenderBudgetXlsx(WithBudget(), HoangTruong());
  unsetenv("TMPDIR");
  ASSERT_FALSE(xlsx.ok());
  EXPECT_EQ(xlsx.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace doithoai::spreadsheets
