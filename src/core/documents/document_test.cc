// Tests for the Decree 30 document model: FMT-24 numbering, validation and
// plain-text export, using the seed plan fixture.
#include "core/documents/document.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/documents/seed_plan_fixture.h"

namespace doithoai {
namespace {

TEST(RomanNumeralTest, CoversOneToTwenty) {
  EXPECT_EQ(RomanNumeral(1), "I");
  EXPECT_EQ(RomanNumeral(4), "IV");
  EXPECT_EQ(RomanNumeral(5), "V");
  EXPECT_EQ(RomanNumeral(9), "IX");
  EXPECT_EQ(RomanNumeral(14), "XIV");
  EXPECT_EQ(RomanNumeral(19), "XIX");
  EXPECT_EQ(RomanNumeral(20), "XX");
  EXPECT_EQ(RomanNumeral(1994), "MCMXCIV");
}

TEST(RomanNumeralTest, OutOfRangeIsEmpty) {
  EXPECT_EQ(RomanNumeral(0), "");
  EXPECT_EQ(RomanNumeral(-3), "");
  EXPECT_EQ(RomanNumeral(4000), "");
}

TEST(VietnameseLetterTest, FollowsFmt24Order) {
  // FMT-24: a, b, c, d, đ, e, g, h, i, k, …
  EXPECT_EQ(VietnameseLetter(1), "a");
  EXPECT_EQ(VietnameseLetter(4), "d");
  EXPECT_EQ(VietnameseLetter(5), "đ");
  EXPECT_EQ(VietnameseLetter(6), "e");
  EXPECT_EQ(VietnameseLetter(7), "g");
  EXPECT_EQ(VietnameseLetter(10), "k");
  EXPECT_EQ(VietnameseLetter(23), "y");
  EXPECT_EQ(VietnameseLetter(24), "");
  EXPECT_EQ(VietnameseLetter(0), "");
}

TEST(HeadingNumbersTest, RestartsPerLevel) {
  std::vector<Block> body = {
      Heading{1, "MỤC ĐÍCH", ""}, Paragraph{"x"},
      Heading{2, "Một", ""},      Heading{3, "điểm", ""},
      Heading{3, "điểm", ""},     Heading{2, "Hai", ""},
      Heading{3, "điểm", ""},     Heading{1, "NỘI DUNG", ""},
      Heading{2, "Một", ""},      Bullet{"y"},
  };
  std::vector<std::string> expected = {"I.", "", "1.", "a)", "b)", "2.", "a)", "II.", "1.", ""};
  EXPECT_EQ(HeadingNumbers(body), expected);
}

TEST(ValidateTest, SeedPlanIsValid) { EXPECT_TRUE(Validate(SeedPlanDocument()).ok()); }

TEST(ValidateTest, ReportsEveryMissingField) {
  Document doc;
  Status status = Validate(doc);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(status.error().fields.size(), 4u);
  EXPECT_EQ(status.error().fields[0].field, "issuing_body");
  EXPECT_EQ(status.error().fields[0].message, "Chưa nhập tên cơ quan, tổ chức ban hành văn bản.");
  EXPECT_EQ(status.error().fields[1].field, "title");
  EXPECT_EQ(status.error().fields[2].field, "signer_name");
  EXPECT_EQ(status.error().fields[2].message, "Chưa nhập họ tên người ký.");
  EXPECT_EQ(status.error().fields[3].field, "recipients");
}

TEST(ValidateTest, BlankTitleIsMissing) {
  Document doc = SeedPlanDocument();
  doc.title = "  ";
  Status status = Validate(doc);
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "title");
}

TEST(ValidateTest, RejectsBadHeadingLevel) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(Heading{4, "quá sâu", ""});
  Status status = Validate(doc);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().fields[0].field, "body");
}

TEST(ValidateTest, RejectsRaggedTable) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(Table{{"STT", "Nội dung"}, {{"1", "a"}, {"2"}}, {}});
  EXPECT_FALSE(Validate(doc).ok());
  doc.body.back() = Table{{"STT", "Nội dung"}, {{"1", "a"}}, {1, 0}};
  EXPECT_FALSE(Validate(doc).ok());
  doc.body.back() = Table{{"STT", "Nội dung"}, {{"1", "a"}}, {1, 6}};
  EXPECT_TRUE(Validate(doc).ok());
}

TEST(PlainTextTest, SeedPlanInReadingOrder) {
  const std::string text = PlainText(SeedPlanDocument());
  const std::string expected_order[] = {
      "UBND HUYỆN HOẰNG HÓA\nỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG\nSố: 05/KH-UBND\n",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
      "Hoằng Trường, ngày 08 tháng 12 năm 2023\n",
      "KẾ HOẠCH\nTổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023\n",
      "\nI. MỤC ĐÍCH, YÊU CẦU\n- Tiếp tục đẩy mạnh phát huy dân chủ",
      "\nII. NGUYÊN TẮC, NỘI DUNG TIẾP XÚC, ĐỐI THOẠI\n1. Nguyên tắc tiếp xúc, đối thoại\n",
      "\"nghe dân nói – nói dân hiểu – làm dân tin\"",
      "\n2. Nội dung tiếp xúc, đối thoại\n",
      "\nIII. CÁC BƯỚC TỔ CHỨC BUỔI TIẾP XÚC, ĐỐI THOẠI VỚI NHÂN DÂN.\n",
      "\n3. Thời gian, Địa điểm tổ chức\n3.1. Thời gian: ½ ngày, ngày 08 tháng 12 năm 2023.\n",
      "\nIV. KINH PHÍ THỰC HIỆN\n",
      "\nV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND xã:\n",
      "\n2. Công chức Tài chính – Ngân sách: Có trách nhiệm đảm bảo kinh phí",
      "\nNơi nhận:\n- UBND huyện (b/c);\n",
      "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Thanh Cảnh\n",
  };
  std::size_t pos = 0;
  for (const std::string& piece : expected_order) {
    std::size_t found = text.find(piece, pos);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << piece;
    pos = found + piece.size();
  }
  EXPECT_EQ(pos, text.size());
}

TEST(PlainTextTest, TablesAndEmptyOptionalFields) {
  Document doc;
  doc.header.issuing_body = "ỦY BAN NHÂN DÂN XÃ A";
  doc.title = "BIÊN BẢN";  // Mẫu 1.9: no place-date line
  doc.body.push_back(Table{{"STT", "Nội dung"}, {{"1", "Ý kiến <a> & b"}}, {}});
  doc.signature = {"", "CHỦ TỌA", "Nguyễn Văn A"};
  doc.recipients = {"- Lưu: VT, Hồ sơ."};
  EXPECT_EQ(PlainText(doc),
            "ỦY BAN NHÂN DÂN XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBIÊN BẢN\nSTT | Nội dung\n1 | Ý kiến <a> & b\n"
            "Nơi nhận:\n- Lưu: VT, Hồ sơ.\nCHỦ TỌA\nNguyễn Văn A\n");
}

// A Bảng 2 style chart (DLG-13): fields × (answered, later).
Chart FieldChart() {
  return Chart{"Số ý kiến theo lĩnh vực",
               {"Đất đai – môi trường", "Chính sách xã hội"},
               {"Đã trả lời", "Trả lời sau"},
               {{3, 1500}, {1, 2.5}},
               160,
               80};
}

TEST(ValidateTest, ChartValuesMustMatchLabelsAndSeries) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(FieldChart());
  EXPECT_TRUE(Validate(doc).ok());

  auto body_error = [&doc]() -> std::string {
    Status status = Validate(doc);
    if (status.ok()) return "ok";
    EXPECT_EQ(status.error().fields.size(), 1u);
    EXPECT_EQ(status.error().fields[0].field, "body");
    return status.error().fields[0].message;
  };
  const std::string mismatch = "Biểu đồ có số liệu không khớp với số nhóm cột và số loại cột.";
  std::get<Chart>(doc.body.back()).values = {{3, 1500}};  // one series missing
  EXPECT_EQ(body_error(), mismatch);
  std::get<Chart>(doc.body.back()).values = {{3, 1500}, {1}};  // one label missing
  EXPECT_EQ(body_error(), mismatch);
  std::get<Chart>(doc.body.back()).values = {{3, 1500, 0}, {1, 2, 0}};  // one too many
  EXPECT_EQ(body_error(), mismatch);
  std::get<Chart>(doc.body.back()).values = {{3, -1}, {1, 2}};
  EXPECT_EQ(body_error(), "Số liệu của biểu đồ phải là số không âm.");
  std::get<Chart>(doc.body.back()).values = {{3, 1}, {std::nan(""), 2}};
  EXPECT_EQ(body_error(), "Số liệu của biểu đồ phải là số không âm.");
  std::get<Chart>(doc.body.back()).values = {{0, 0}, {0, 0}};  // zeros are fine
  EXPECT_EQ(body_error(), "ok");

  // An empty chart (no data yet) is valid; the drawing says "Không có số liệu".
  doc.body.back() = Chart{"Biểu đồ", {}, {}, {}, 160, 80};
  EXPECT_EQ(body_error(), "ok");
  doc.body.back() = Chart{"Biểu đồ", {}, {"a", "b"}, {{}, {}}, 160, 80};
  EXPECT_EQ(body_error(), "ok");
}

TEST(ValidateTest, LeftSignatureNeedsSignerName) {
  Document doc = SeedPlanDocument();
  doc.left_signature = SignatureBlock{"", "THƯ KÝ", " "};
  Status status = Validate(doc);
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "signer_name");
  EXPECT_EQ(status.error().fields[0].message, "Chưa nhập họ tên người ký bên trái (thư ký).");
  doc.left_signature->signer_name = "Nguyễn Thị Hoa";
  EXPECT_TRUE(Validate(doc).ok());
  // The right signer is still required when the left one is named.
  doc.signature.signer_name = "";
  status = Validate(doc);
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].message, "Chưa nhập họ tên người ký.");
}

TEST(PlainTextTest, ChartIsTitleThenOneLinePerLabel) {
  Document doc;
  doc.header.issuing_body = "ỦY BAN NHÂN DÂN XÃ A";
  doc.title = "BÁO CÁO";
  doc.body.push_back(Paragraph{"Trước biểu đồ."});
  doc.body.push_back(FieldChart());
  doc.body.push_back(Chart{"", {"Y tế"}, {"Số ý kiến"}, {{4}}, 160, 80});
  doc.body.push_back(Chart{"Chưa có số liệu", {}, {}, {}, 160, 80});
  doc.signature = {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thanh Cảnh"};
  doc.recipients = {"- Lưu: VT."};
  EXPECT_EQ(PlainText(doc),
            "ỦY BAN NHÂN DÂN XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBÁO CÁO\nTrước biểu đồ.\n"
            "Số ý kiến theo lĩnh vực\n"
            "Đất đai – môi trường: 3 | 1\n"
            "Chính sách xã hội: 1.500 | 2,5\n"
            "Y tế: 4\n"
            "Chưa có số liệu\n"
            "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Thanh Cảnh\n");
}

TEST(PlainTextTest, LeftSignatureComesBeforeTheRightOne) {
  // Mẫu 1.9 (DLG-10): THƯ KÝ on the left, CHỦ TỌA on the right.
  Document doc;
  doc.header.issuing_body = "ỦY BAN NHÂN DÂN XÃ A";
  doc.title = "BIÊN BẢN";
  doc.left_signature = SignatureBlock{"", "THƯ KÝ", "Nguyễn Thị Hoa"};
  doc.signature = {"", "CHỦ TỌA", "Nguyễn Văn A"};
  doc.recipients = {"- Lưu: VT, Hồ sơ."};
  EXPECT_EQ(PlainText(doc),
            "ỦY BAN NHÂN DÂN XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nBIÊN BẢN\n"
            "Nơi nhận:\n- Lưu: VT, Hồ sơ.\nTHƯ KÝ\nNguyễn Thị Hoa\nCHỦ TỌA\nNguyễn Văn A\n");
  doc.left_signature = SignatureBlock{"TM. BAN TỔ CHỨC", "THƯ KÝ", "Nguyễn Thị Hoa"};
  EXPECT_NE(PlainText(doc).find("Hồ sơ.\nTM. BAN TỔ CHỨC\nTHƯ KÝ\nNguyễn Thị Hoa\nCHỦ TỌA\n"),
            std::string::npos);
}

}  // namespace
}  // namespace doithoai

namespace doithoai {
namespace {

TEST(ColumnFractionsTest, WeightsOrEqualShares) {
  Table t;
  t.header = {"STT", "Nội dung", "Ghi chú"};
  t.column_widths = {1, 6, 3};
  std::vector<double> f = ColumnFractions(t);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_DOUBLE_EQ(f[0], 0.1);
  EXPECT_DOUBLE_EQ(f[1], 0.6);
  t.column_widths = {2};  // does not match the header: equal shares
  f = ColumnFractions(t);
  EXPECT_DOUBLE_EQ(f[2], 1.0 / 3);
  t.column_widths = {0, -5, 2};  // each weight counts at least 1
  EXPECT_DOUBLE_EQ(ColumnFractions(t)[2], 0.5);
}

}  // namespace
}  // namespace doithoai
