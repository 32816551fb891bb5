#include "adapters/spreadsheets/petition_xlsx.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "adapters/spreadsheets/xlsx_testing.h"

namespace doithoai::spreadsheets {
namespace {

const std::vector<std::string> kHeaders = {
    "STT",      "Mã đơn",   "Ngày nhận",    "Kênh",       "Người gửi", "Thôn",          "Phân loại",
    "Lĩnh vực", "Nội dung", "Đơn vị xử lý", "Trạng thái", "Hạn xử lý", "Tình trạng hạn"};

std::vector<PetitionExportRow> SampleRows() {
  PetitionExportRow road;
  road.code = "HT-24-0042-K";
  road.received_on = "05/03/2024";
  road.channel = "Qua trưởng thôn";
  road.submitter = "Nguyễn Thị Hường";
  road.village = "Thôn Đông";
  road.class_label = "Kiến nghị";
  road.field_label = "Giao thông";
  road.text = "Đề nghị sửa đường liên thôn đoạn qua xóm Bãi,\nmùa mưa ngập sâu.";
  road.unit = "Công chức Địa chính – Xây dựng";
  road.status = "Đã giao xử lý";
  road.deadline = "04/04/2024";
  road.deadline_state = "Quá hạn";
  PetitionExportRow sealed;
  sealed.code = "HT-24-0043-T";
  sealed.received_on = "06/03/2024";
  sealed.channel = "Đơn thư";
  sealed.submitter = "Người tố cáo HT-24-0043-T";  // CONF-02: the caller's pseudonym
  sealed.class_label = "Tố cáo";
  sealed.field_label = "Cán bộ, công chức";
  sealed.text = "=HYPERLINK(\"http://example.invalid\",\"bấm vào đây\")";
  sealed.status = "Đã tiếp nhận";
  // village, unit, deadline and its state left empty
  PetitionExportRow third = road;
  third.code = "HT-24-0044-K";
  third.text = "Đèn đường thôn Tây hỏng.";
  return {road, sealed, third};
}

const std::string kTitle =
    "DANH SÁCH ĐƠN THƯ, KIẾN NGHỊ CỦA CÔNG DÂN\nUBND xã Hoằng Trường\nXuất ngày 10/04/2024";

std::string At(const std::vector<std::vector<std::string>>& rows, size_t row, size_t col) {
  if (row >= rows.size()) {
    return "<missing>";
  }
  if (col >= rows[row].size()) {
    return "";  // the reader stops at the last non-empty cell
  }
  return rows[row][col];
}

TEST(RenderPetitionsXlsxTest, WritesTitleHeaderAndOneRowPerPetition) {
  auto xlsx = RenderPetitionsXlsx(kTitle, SampleRows());
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  ASSERT_TRUE(xlsx->starts_with("PK"));
  const auto rows = ReadBack(*xlsx);
  // 3 title lines, a blank row, the header, 3 petitions.
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(At(rows, 0, 0), "DANH SÁCH ĐƠN THƯ, KIẾN NGHỊ CỦA CÔNG DÂN");
  EXPECT_EQ(At(rows, 1, 0), "UBND xã Hoằng Trường");
  EXPECT_EQ(At(rows, 2, 0), "Xuất ngày 10/04/2024");
  EXPECT_TRUE(rows[3].empty());
  for (size_t col = 0; col < kHeaders.size(); ++col) {
    EXPECT_EQ(At(rows, 4, col), kHeaders[col]);
  }
  const std::vector<std::string> first = {"1",
                                          "HT-24-0042-K",
                                          "05/03/2024",
                                          "Qua trưởng thôn",
                                          "Nguyễn Thị Hường",
                                          "Thôn Đông",
                                          "Kiến nghị",
                                          "Giao thông",
                                          SampleRows()[0].text,
                                          "Công chức Địa chính – Xây dựng",
                                          "Đã giao xử lý",
                                          "04/04/2024",
                                          "Quá hạn"};
  for (size_t col = 0; col < first.size(); ++col) {
    EXPECT_EQ(At(rows, 5, col), first[col]) << "column " << col;
  }
  EXPECT_NE(At(rows, 5, 8).find("Bãi,\nmùa"), std::string::npos);  // line break kept
  EXPECT_EQ(At(rows, 6, 0), "2");
  EXPECT_EQ(At(rows, 6, 4), "Người tố cáo HT-24-0043-T");
  EXPECT_EQ(At(rows, 6, 5), "");
  EXPECT_EQ(At(rows, 6, 8), "=HYPERLINK(\"http://example.invalid\",\"bấm vào đây\")");
  EXPECT_EQ(At(rows, 6, 11), "");
  EXPECT_EQ(At(rows, 7, 0), "3");
  EXPECT_EQ(At(rows, 7, 1), "HT-24-0044-K");
  EXPECT_EQ(At(rows, 7, 8), "Đèn đường thôn Tây hỏng.");
}

TEST(RenderPetitionsXlsxTest, SheetHasFrozenHeaderFilterWidthsAndNoFormulas) {
  auto xlsx = RenderPetitionsXlsx(kTitle, SampleRows());
  ASSERT_TRUE(xlsx.ok());
  const std::string sheet = ReadPart(*xlsx, "xl/worksheets/sheet1.xml");
  const std::string strings = ReadPart(*xlsx, "xl/sharedStrings.xml");
  const std::string workbook = ReadPart(*xlsx, "xl/workbook.xml");
  const std::string styles = ReadPart(*xlsx, "xl/styles.xml");
  ASSERT_FALSE(sheet.empty());
  // Header on sheet row 5: frozen below it, filter over the header and data.
  EXPECT_NE(sheet.find("<pane ySplit=\"5\" topLeftCell=\"A6\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<autoFilter ref=\"A5:M8\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("<mergeCell ref=\"A1:M1\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("<col "), std::string::npos);
  EXPECT_NE(sheet.find("width=\"60.7"), std::string::npos);  // the content column
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);           // "=HYPERLINK(…)" stayed text
  EXPECT_NE(strings.find("Nguyễn Thị Hường"), std::string::npos);
  EXPECT_NE(strings.find("Công chức Địa chính – Xây dựng"), std::string::npos);
  EXPECT_NE(strings.find("Tình trạng hạn"), std::string::npos);
  EXPECT_NE(strings.find("=HYPERLINK"), std::string::npos);
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  EXPECT_NE(styles.find("wrapText=\"1\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Đơn thư\""), std::string::npos);
  EXPECT_NE(workbook.find("_xlnm._FilterDatabase"), std::string::npos);
}

TEST(RenderPetitionsXlsxTest, EmptyListHasTitleAndHeaderOnly) {
  auto xlsx = RenderPetitionsXlsx("DANH SÁCH ĐƠN THƯ", {});
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  const auto rows = ReadBack(*xlsx);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(At(rows, 0, 0), "DANH SÁCH ĐƠN THƯ");
  EXPECT_EQ(At(rows, 2, 8), "Nội dung");
  const std::string sheet = ReadPart(*xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<autoFilter ref=\"A3:M3\"/>"), std::string::npos);
}

TEST(RenderPetitionsXlsxTest, OverlongTextIsCutToTheCellLimit) {
  std::vector<PetitionExportRow> rows = SampleRows();
  std::string long_text;
  for (int i = 0; i < 40000; ++i) {
    long_text += "ư";  // two bytes each: the limit is in characters
  }
  rows[0].text = long_text;
  auto xlsx = RenderPetitionsXlsx(kTitle, rows);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
  const auto back = ReadBack(*xlsx);
  const std::string cut = At(back, 5, 8);
  std::string expected;
  for (int i = 0; i < 32766; ++i) {
    expected += "ư";
  }
  EXPECT_EQ(cut, expected + "…");
}

TEST(RenderPetitionsXlsxTest, LeavesNoTemporaryFileBehind) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("petition_xlsx_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  ASSERT_EQ(setenv("TMPDIR", dir.c_str(), 1), 0);
  auto xlsx = RenderPetitionsXlsx(kTitle, SampleRows());
  unsetenv("TMPDIR");
  ASSERT_TRUE(xlsx.ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(RenderPetitionsXlsxTest, UnwritableTempDirIsUnavailable) {
  ASSERT_EQ(setenv("TMPDIR", "/nonexistent/doithoai-petitions-test", 1), 0);
  auto xlsx = RenderPetitionsXlsx(kTitle, SampleRows());
  unsetenv("TMPDIR");
  ASSERT_FALSE(xlsx.ok());
  EXPECT_EQ(xlsx.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace doithoai::spreadsheets
