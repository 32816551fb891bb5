// Tests for ReportWorkbook (DLG-13, domain.md §7 Bảng 2): the produced bytes
// are read back with the project's own reader (adapters/import/xlsx_reader)
// and the numbers compared with the figures; the chart and formulas are
// checked in the archive's XML parts.
#include "adapters/spreadsheets/report_xlsx.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/spreadsheets/xlsx_testing.h"

namespace doithoai::spreadsheets {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

FieldFigures Row(std::string field, std::string label, int total, int in_room, int after,
                 int forwarded, int resolved, int in_progress, int overdue) {
  FieldFigures f;
  f.field = std::move(field);
  f.label = std::move(label);
  f.total = total;
  f.answered_in_room = in_room;
  f.assigned_after = after;
  f.forwarded = forwarded;
  f.resolved = resolved;
  f.in_progress = in_progress;
  f.overdue = overdue;
  return f;
}

ReportFigures Figures() {
  ReportFigures r;
  r.from = D(2023, 1, 1);
  r.to = D(2023, 12, 31);
  r.as_of = D(2024, 1, 5);
  r.petitions = 14;
  r.by_field = {Row("dat-dai", "Đất đai – môi trường", 9, 4, 3, 2, 6, 2, 1),
                Row("an-ninh", "An ninh – trật tự", 5, 3, 2, 0, 4, 1, 0),
                Row("khac", "Khác", 0, 0, 0, 0, 0, 0, 0),  // empty rows are kept
                Row("", "chưa phân loại", 2, 0, 2, 0, 0, 1, 1)};
  r.totals = Row("", "", 16, 7, 7, 2, 10, 4, 2);
  r.within_authority = 14;
  r.answered_with_deadline = 8;
  r.answered_on_time = 6;
  r.rated = 5;
  r.satisfied = 4;
  return r;
}

std::string At(const std::vector<std::vector<std::string>>& rows, size_t row, size_t col) {
  if (row >= rows.size() || col >= rows[row].size()) {
    return "<missing>";
  }
  return rows[row][col];
}

const std::vector<std::string> kHeaders = {"Lĩnh vực",
                                           "Tổng số",
                                           "Trả lời tại hội nghị",
                                           "Giao giải quyết sau hội nghị",
                                           "Chuyển cấp trên",
                                           "Đã giải quyết xong",
                                           "Đang giải quyết",
                                           "Quá hạn"};

std::vector<std::string> Numbers(const FieldFigures& f) {
  std::vector<std::string> out;
  for (int v : {f.total, f.answered_in_room, f.assigned_after, f.forwarded, f.resolved,
                f.in_progress, f.overdue}) {
    out.push_back(std::to_string(v));
  }
  return out;
}

TEST(ReportWorkbookTest, Bang2RowsEqualTheFigures) {
  const ReportFigures figures = Figures();
  auto xlsx = ReportWorkbook(figures, "THỐNG KÊ Ý KIẾN, KIẾN NGHỊ THEO LĨNH VỰC");
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  ASSERT_TRUE(xlsx->starts_with("PK"));
  const auto rows = ReadBack(*xlsx);
  EXPECT_EQ(At(rows, 0, 0), "THỐNG KÊ Ý KIẾN, KIẾN NGHỊ THEO LĨNH VỰC");
  EXPECT_EQ(At(rows, 1, 0), "Từ ngày 01/01/2023 đến ngày 31/12/2023");
  EXPECT_EQ(At(rows, 2, 0), "Số liệu tính đến ngày 05/01/2024");
  ASSERT_GE(rows.size(), 5u);
  EXPECT_EQ(rows[4], kHeaders);
  // One row per field, in order, with its label and its seven counts.
  for (size_t i = 0; i < figures.by_field.size(); ++i) {
    const FieldFigures& f = figures.by_field[i];
    ASSERT_GT(rows.size(), 5 + i);
    EXPECT_EQ(At(rows, 5 + i, 0), f.label);
    const std::vector<std::string> want = Numbers(f);
    for (size_t c = 0; c < want.size(); ++c) {
      EXPECT_EQ(At(rows, 5 + i, c + 1), want[c]) << f.label << " column " << kHeaders[c + 1];
    }
  }
  // "Tổng cộng" carries figures.totals (cached values of the SUM formulas).
  const size_t total = 5 + figures.by_field.size();
  EXPECT_EQ(At(rows, total, 0), "Tổng cộng");
  const std::vector<std::string> totals = Numbers(figures.totals);
  for (size_t c = 0; c < totals.size(); ++c) {
    EXPECT_EQ(At(rows, total, c + 1), totals[c]) << kHeaders[c + 1];
  }
  // Authority split and rates: 6/8 on time = 0.75, 4/5 satisfied = 0.8.
  EXPECT_EQ(At(rows, total + 2, 0), "Thuộc thẩm quyền của xã");
  EXPECT_EQ(At(rows, total + 2, 1), "14");
  EXPECT_EQ(At(rows, total + 3, 0), "Vượt thẩm quyền, chuyển cấp trên");
  EXPECT_EQ(At(rows, total + 3, 1), "2");
  EXPECT_EQ(At(rows, total + 4, 0), "Tỷ lệ giải quyết đúng hạn");
  EXPECT_DOUBLE_EQ(std::stod(At(rows, total + 4, 1)), 0.75);
  EXPECT_EQ(At(rows, total + 4, 2), "6/8 ý kiến có thời hạn");
  EXPECT_EQ(At(rows, total + 5, 0), "Tỷ lệ người kiến nghị hài lòng");
  EXPECT_DOUBLE_EQ(std::stod(At(rows, total + 5, 1)), 0.8);
  EXPECT_EQ(At(rows, total + 5, 2), "4/5 lượt đánh giá");
}

TEST(ReportWorkbookTest, SheetFormulasPercentFormatAndNativeChart) {
  auto xlsx = ReportWorkbook(Figures(), "THỐNG KÊ");
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  EXPECT_NE(ReadPart(*xlsx, "xl/workbook.xml").find("name=\"Bảng 2\""), std::string::npos);
  const std::string sheet = ReadPart(*xlsx, "xl/worksheets/sheet1.xml");
  // Field rows 6–9, totals on row 10.
  EXPECT_NE(sheet.find("<f>SUM(B6:B9)</f><v>16</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<f>SUM(H6:H9)</f><v>2</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<drawing "), std::string::npos);
  EXPECT_NE(ReadPart(*xlsx, "xl/styles.xml").find("formatCode=\"0.0%\""), std::string::npos);
  const std::string chart = ReadPart(*xlsx, "xl/charts/chart1.xml");
  ASSERT_FALSE(chart.empty());
  EXPECT_NE(chart.find("<c:barDir val=\"col\"/>"), std::string::npos) << chart;
  EXPECT_NE(chart.find("'Bảng 2'!$A$6:$A$9"), std::string::npos) << chart;
  EXPECT_NE(chart.find("'Bảng 2'!$B$6:$B$9"), std::string::npos);
  EXPECT_NE(chart.find("Tổng số ý kiến, kiến nghị theo lĩnh vực"), std::string::npos);
}

TEST(ReportWorkbookTest, NoDataGivesDashesZeroTotalsAndNoChart) {
  ReportFigures figures;
  figures.from = D(2024, 3, 1);
  figures.to = D(2024, 3, 31);
  figures.as_of = D(2024, 4, 2);
  auto xlsx = ReportWorkbook(figures, "THỐNG KÊ");
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  const auto rows = ReadBack(*xlsx);
  EXPECT_EQ(At(rows, 1, 0), "Từ ngày 01/03/2024 đến ngày 31/03/2024");
  EXPECT_EQ(At(rows, 5, 0), "Tổng cộng");
  for (size_t c = 1; c <= 7; ++c) {
    EXPECT_EQ(At(rows, 5, c), "0");
  }
  EXPECT_EQ(At(rows, 9, 0), "Tỷ lệ giải quyết đúng hạn");
  EXPECT_EQ(At(rows, 9, 1), "—");
  EXPECT_EQ(At(rows, 10, 0), "Tỷ lệ người kiến nghị hài lòng");
  EXPECT_EQ(At(rows, 10, 1), "—");
  EXPECT_TRUE(ReadPart(*xlsx, "xl/charts/chart1.xml").empty());
}

}  // namespace
}  // namespace doithoai::spreadsheets
