#include "adapters/import/petition_import.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/import/xlsx_testing.h"

namespace doithoai::import {
namespace {

const std::string kVietnameseHeader = "Họ tên,Điện thoại,Thôn,Địa chỉ,Nội dung,Kênh,Lĩnh vực";

// An .xlsx written by libxlsxwriter (shared strings, as Excel writes them),
// one sheet holding `cells` from A1.
std::string WriteXlsx(const std::vector<std::vector<std::string>>& cells) {
  std::string pattern = "/tmp/petition_import_test_XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    return "";
  }
  close(fd);
  lxw_workbook* workbook = workbook_new(pattern.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Danh sách");
  for (size_t r = 0; r < cells.size(); ++r) {
    for (size_t c = 0; c < cells[r].size(); ++c) {
      if (!cells[r][c].empty()) {
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                               cells[r][c].c_str(), nullptr);
      }
    }
  }
  std::string out;
  if (workbook_close(workbook) == LXW_NO_ERROR) {
    std::ifstream in(pattern, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out = bytes.str();
  }
  unlink(pattern.c_str());
  return out;
}

std::string Messages(const PetitionImportFile& file) {
  std::string out;
  for (const PetitionImportProblem& p : file.problems) {
    out += std::to_string(p.line) + " " + p.message + "\n";
  }
  return out;
}

TEST(ReadPetitionImportTest, ReadsCsvWithVietnameseHeaders) {
  const std::string csv =
      kVietnameseHeader +
      "\n"
      "Nguyễn Văn An,0912 345 678,Thôn Đông,\"Xóm 2, thôn Đông\","
      "\"Đề nghị sửa đường,\nlàm mương thoát nước.\",trưởng thôn,Giao thông\n"
      "Trần Thị Bình,,Thôn Tây,,Đèn đường hỏng.,,\n"
      "  Lê   Văn  Cường ,0987654321,Thôn Nam,,  Xin cấp sổ đỏ.  ,đơn thư,Đất đai\n";
  Result<PetitionImportFile> file = ReadPetitionImport("danh-sach.csv", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_TRUE(file->problems.empty()) << Messages(*file);
  ASSERT_EQ(file->rows.size(), 3u);

  const PetitionImportRow& first = file->rows[0];
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(first.petition.name, "Nguyễn Văn An");
  EXPECT_EQ(first.petition.phone, "0912 345 678");  // normalised later by the service
  EXPECT_EQ(first.petition.village, "Thôn Đông");
  EXPECT_EQ(first.petition.address, "Xóm 2, thôn Đông");
  EXPECT_EQ(first.petition.channel, PetitionChannel::kVillageHead);
  EXPECT_EQ(first.petition.form_token, "");
  ASSERT_EQ(first.petition.items.size(), 1u);
  EXPECT_EQ(first.petition.items[0].text, "Đề nghị sửa đường,\nlàm mương thoát nước.");
  EXPECT_EQ(first.petition.items[0].field, "Giao thông");
  EXPECT_FALSE(first.petition.items[0].petition_class.has_value());

  // The second record starts on line 4: the quoted text above spans two lines.
  const PetitionImportRow& second = file->rows[1];
  EXPECT_EQ(second.line, 4);
  EXPECT_EQ(second.petition.channel, PetitionChannel::kVillageHead);  // empty → village head
  EXPECT_EQ(second.petition.phone, "");
  EXPECT_EQ(second.petition.items[0].field, "");

  const PetitionImportRow& third = file->rows[2];
  EXPECT_EQ(third.line, 5);
  EXPECT_EQ(third.petition.name, "Lê Văn Cường");
  EXPECT_EQ(third.petition.items[0].text, "Xin cấp sổ đỏ.");
  EXPECT_EQ(third.petition.channel, PetitionChannel::kLetter);
}

TEST(ReadPetitionImportTest, EnglishHeadersInAnyOrderAndCaseWithStt) {
  const std::string csv =
      "STT;FIELD;Text;channel;Name;PHONE;Village;Address\n"
      "1;Môi trường;Rác thải tồn đọng;walk_in;Phạm Thị Dung;0912345678;Thôn Bắc;Xóm 1\n";
  Result<PetitionImportFile> file = ReadPetitionImport("LIST.CSV", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 1u);
  const NewPetition& p = file->rows[0].petition;
  EXPECT_EQ(p.name, "Phạm Thị Dung");
  EXPECT_EQ(p.address, "Xóm 1");
  EXPECT_EQ(p.channel, PetitionChannel::kWalkIn);
  EXPECT_EQ(p.items[0].text, "Rác thải tồn đọng");
  EXPECT_EQ(p.items[0].field, "Môi trường");
}

TEST(ReadPetitionImportTest, HeadersIgnoreDiacriticsAndPunctuation) {
  const std::string csv =
      "HO TEN,Số điện thoại (*),thon,DIA CHI,Nội dung kiến nghị,Kênh tiếp nhận,LĨNH VỰC\n"
      "Vũ Thị Em,0912345678,Thôn Đông,,Cầu tràn hư hỏng,,Giao thông\n";
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].petition.phone, "0912345678");
}

TEST(ReadPetitionImportTest, ReadsXlsxWrittenByLibxlsxwriter) {
  const std::string xlsx = WriteXlsx({
      {"STT", "Họ tên", "Điện thoại", "Thôn", "Địa chỉ", "Nội dung", "Kênh", "Lĩnh vực"},
      {"1", "Đỗ Thị Giang", "0912345678", "Thôn Đông", "Xóm 3", "Xin hỗ trợ hộ nghèo.", "",
       "Chính sách xã hội"},
      {},  // an empty sheet row
      {"3", "Hoàng Văn Hải", "", "Thôn Tây", "", "Tiếng ồn xưởng gỗ\nban đêm.", "tại trụ sở",
       "Môi trường"},
      {"4", "Ngô Văn Ích", "", "", "", "Nội dung", "điện thoại", ""},
  });
  ASSERT_FALSE(xlsx.empty());
  Result<PetitionImportFile> file = ReadPetitionImport("Danh sach thon Dong.xlsx", xlsx);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].line, 2);
  EXPECT_EQ(file->rows[0].petition.name, "Đỗ Thị Giang");
  EXPECT_EQ(file->rows[0].petition.items[0].field, "Chính sách xã hội");
  EXPECT_EQ(file->rows[1].line, 4);  // sheet rows keep their numbers across the gap
  EXPECT_EQ(file->rows[1].petition.channel, PetitionChannel::kWalkIn);
  EXPECT_EQ(file->rows[1].petition.items[0].text, "Tiếng ồn xưởng gỗ\nban đêm.");
  ASSERT_EQ(file->problems.size(), 1u);
  EXPECT_EQ(file->problems[0].line, 5);
  EXPECT_TRUE(
      file->problems[0].message.starts_with("Dòng 5: kênh tiếp nhận không hợp lệ “điện "
                                            "thoại”."))
      << file->problems[0].message;
}

TEST(ReadPetitionImportTest, ReadsMinimalXlsxWithInlineStrings) {
  using xlsx_testing::InlineRow;
  const std::string xlsx = xlsx_testing::MakeXlsx(
      InlineRow(1, {"name", "phone", "village", "address", "text", "channel", "field"}) +
      InlineRow(3, {"Bùi Thị Kim", "", "Thôn Nam", "", "Xin sửa cống.", "hội nghị", ""}));
  Result<PetitionImportFile> file = ReadPetitionImport("x.XLSX", xlsx);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].line, 3);
  EXPECT_EQ(file->rows[0].petition.channel, PetitionChannel::kConference);
}

TEST(ReadPetitionImportTest, MissingColumnsAreListed) {
  const std::string csv = "Họ tên,Thôn,Địa chỉ,Nội dung,Lĩnh vực\nAn,Thôn Đông,,Nội dung,\n";
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(file.error().message.find("thiếu cột “Điện thoại”, “Kênh”"), std::string::npos)
      << file.error().message;
  EXPECT_TRUE(file.error().message.starts_with("Dòng 1: "));
}

TEST(ReadPetitionImportTest, UnknownAndRepeatedColumnsAreRefused) {
  Result<PetitionImportFile> unknown =
      ReadPetitionImport("a.csv", kVietnameseHeader + ",Ghi chú\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("không nhận ra cột “Ghi chú”"), std::string::npos)
      << unknown.error().message;
  Result<PetitionImportFile> twice = ReadPetitionImport("a.csv", kVietnameseHeader + ",name\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("cột trùng: “name”"), std::string::npos)
      << twice.error().message;
}

TEST(ReadPetitionImportTest, BadChannelIsReportedWithItsLine) {
  const std::string csv = kVietnameseHeader +
                          "\n"
                          "An,,Thôn Đông,,Nội dung một,,\n"
                          "Bình,,Thôn Đông,,Nội dung hai,qua zalo,\n"
                          "Cường,,Thôn Đông,,Nội dung ba,thư,\n";
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].line, 2);
  EXPECT_EQ(file->rows[1].line, 4);
  ASSERT_EQ(file->problems.size(), 1u);
  EXPECT_EQ(file->problems[0].line, 3);
  EXPECT_EQ(file->problems[0].message,
            "Dòng 3: kênh tiếp nhận không hợp lệ “qua zalo”. Chọn một trong: Trực tuyến, Trực "
            "tiếp tại trụ sở, Qua trưởng thôn, Đơn thư, Tại hội nghị đối thoại, Cơ quan khác "
            "chuyển đến; để trống nếu qua trưởng thôn.");
}

TEST(ReadPetitionImportTest, OnlyRowsWithEveryCellEmptyAreSkipped) {
  const std::string csv = "\n" + kVietnameseHeader +  // a blank line above the header
                          "\n"
                          "\n"
                          ",,,,,,\n"
                          " , ,\t, , , , \n"
                          "An,,Thôn Đông,,Nội dung,,\n"
                          ",,Thôn Tây,,,,\n";  // not empty: kept for the service to judge
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_TRUE(file->problems.empty()) << Messages(*file);
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].line, 6);
  EXPECT_EQ(file->rows[1].line, 7);
  EXPECT_EQ(file->rows[1].petition.village, "Thôn Tây");
  EXPECT_EQ(file->rows[1].petition.items[0].text, "");
}

TEST(ReadPetitionImportTest, ByteOrderMarkAndCrlf) {
  const std::string csv = "\xEF\xBB\xBF" + kVietnameseHeader +
                          "\r\n"
                          "An,0912345678,Thôn Đông,Xóm 1,\"Dòng một\r\ndòng hai\",,Đất đai\r\n"
                          "\r\n"
                          "Bình,,Thôn Tây,,Nội dung,,\r\n";
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_TRUE(file->problems.empty()) << Messages(*file);
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].petition.name, "An");  // the BOM is not part of the first header
  EXPECT_EQ(file->rows[0].petition.items[0].text, "Dòng một\ndòng hai");
  EXPECT_EQ(file->rows[0].petition.items[0].field, "Đất đai");  // no trailing "\r"
  EXPECT_EQ(file->rows[1].line, 5);
  EXPECT_EQ(file->rows[1].petition.name, "Bình");
}

TEST(ReadPetitionImportTest, StructuralProblemsOfRows) {
  const std::string csv = kVietnameseHeader +
                          "\n"
                          "An,,Thôn Đông,,Nội dung,,,thừa\n"
                          "Bình,,Thôn \"Tây\",,Nội dung,,\n"
                          "C\xF4ng,,Th\xF4n,,N\xF4i dung,,\n"  // Windows-1258/Latin-1 bytes
                          "Dung,,Thôn Đông,,Nội dung,,\n";
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_EQ(file->rows.size(), 1u) << Messages(*file);
  EXPECT_EQ(file->rows[0].line, 5);
  ASSERT_EQ(file->problems.size(), 3u) << Messages(*file);
  EXPECT_EQ(file->problems[0].line, 2);
  EXPECT_NE(file->problems[0].message.find("cột thứ 8 nhưng cột này không có tiêu đề"),
            std::string::npos);
  EXPECT_EQ(file->problems[1].line, 3);
  EXPECT_TRUE(file->problems[1].message.starts_with("Dòng 3: Dấu ngoặc kép"))
      << file->problems[1].message;
  EXPECT_EQ(file->problems[2].line, 4);
  EXPECT_NE(file->problems[2].message.find("UTF-8"), std::string::npos);
}

TEST(ReadPetitionImportTest, OnlyCsvAndXlsxNamesAreAccepted) {
  for (const char* name : {"a.xls", "a.txt", "a", "a.csv.exe", "thu.muc.csv/tep", ""}) {
    Result<PetitionImportFile> file = ReadPetitionImport(name, kVietnameseHeader + "\n");
    ASSERT_FALSE(file.ok()) << name;
    EXPECT_EQ(file.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(file.error().message, "Chỉ nhận tệp .csv hoặc .xlsx.");
  }
}

TEST(ReadPetitionImportTest, BadFilesAreRefused) {
  // Text named .xlsx.
  Result<PetitionImportFile> not_zip = ReadPetitionImport("a.xlsx", kVietnameseHeader + "\n");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.error().code, ErrorCode::kInvalidArgument);
  // An old binary .xls renamed .csv.
  Result<PetitionImportFile> xls =
      ReadPetitionImport("a.csv", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "junk");
  ASSERT_FALSE(xls.ok());
  EXPECT_NE(xls.error().message.find(".xls"), std::string::npos);
  // Nothing but blank lines.
  Result<PetitionImportFile> empty = ReadPetitionImport("a.csv", "\n \n");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("không có dữ liệu"), std::string::npos);
}

TEST(ReadPetitionImportTest, TooManyRowsAreRefused) {
  std::string csv = kVietnameseHeader + "\n";
  for (int i = 0; i <= kMaxPetitionImportRows; ++i) {
    csv += "An,,,,Nội dung,,\n";
  }
  Result<PetitionImportFile> file = ReadPetitionImport("a.csv", csv);
  ASSERT_FALSE(file.ok());
  EXPECT_NE(file.error().message.find("quá nhiều dòng"), std::string::npos);
}

}  // namespace
}  // namespace doithoai::import
