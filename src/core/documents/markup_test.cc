// Tests for the editable text form of documents: exact round trips (the seed
// plan, every block type, text that looks like syntax), parsing what a clerk
// types, and errors that name the line.
#include "core/documents/markup.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/documents/seed_plan_fixture.h"

namespace doithoai {
namespace {

// The shortest text that reads back as `value` (distinguishes 0 and -0).
std::string Exact(double value) {
  char buffer[512];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return ec == std::errc() ? std::string(buffer, end) : "?";
}

// Every field of a document, labelled, for exact comparisons independent of
// the markup code.
std::string Dump(const Document& doc) {
  std::string out;
  auto field = [&out](std::string_view name, std::string_view value) {
    out += std::string(name) + "=[" + std::string(value) + "]\n";
  };
  field("parent", doc.header.parent_body);
  field("issuer", doc.header.issuing_body);
  field("number", doc.header.number);
  field("place_date", doc.header.place_date);
  field("title", doc.title);
  field("subject", doc.subject);
  for (const Block& block : doc.body) {
    if (const auto* h = std::get_if<Heading>(&block)) {
      field("heading" + std::to_string(h->level), h->text);
      field("run_in", h->run_in);
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      field(std::string("paragraph") + (p->first_line_indent ? "I" : "-") + (p->bold ? "B" : "-") +
                (p->italic ? "N" : "-"),
            p->text);
    } else if (const auto* b = std::get_if<Bullet>(&block)) {
      field("bullet", b->text);
    } else if (const auto* t = std::get_if<Table>(&block)) {
      std::string widths;
      for (int w : t->column_widths) widths += std::to_string(w) + ",";
      field("table_widths", widths);
      for (const auto& cell : t->header) field("th", cell);
      for (const auto& row : t->rows) {
        field("tr", std::to_string(row.size()));
        for (const auto& cell : row) field("td", cell);
      }
    } else if (const auto* q = std::get_if<QrCode>(&block)) {
      field("qr" + std::to_string(q->size_mm), q->payload);
      field("caption", q->caption);
    } else if (const auto* c = std::get_if<Chart>(&block)) {
      field("chart" + std::to_string(c->width_mm) + "x" + std::to_string(c->height_mm), c->title);
      for (const auto& label : c->labels) field("label", label);
      for (const auto& series : c->series) field("series", series);
      field("values_rows", std::to_string(c->values.size()));
      for (const auto& row : c->values) {
        std::string values;
        for (double v : row) values += Exact(v) + ";";
        field("values", values);
      }
    }
  }
  for (const auto& line : doc.recipients) field("recipient", line);
  if (doc.left_signature) {
    field("left_authority", doc.left_signature->authority);
    field("left_position", doc.left_signature->position);
    field("left_signer", doc.left_signature->signer_name);
  } else {
    field("left", "none");
  }
  field("authority", doc.signature.authority);
  field("position", doc.signature.position);
  field("signer", doc.signature.signer_name);
  return out;
}

void ExpectRoundTrip(const Document& doc) {
  const std::string markup = ToMarkup(doc);
  Result<Document> parsed = ParseMarkup(markup);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message << "\n" << markup;
  EXPECT_EQ(Dump(*parsed), Dump(doc)) << markup;
  EXPECT_EQ(ToMarkup(*parsed), markup);
}

void ExpectErrorAtLine(const std::string& markup, const std::string& prefix) {
  Result<Document> parsed = ParseMarkup(markup);
  ASSERT_FALSE(parsed.ok()) << markup;
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(parsed.error().message.rfind(prefix, 0), 0u) << parsed.error().message;
}

Document EveryBlockDocument() {
  Document doc;
  doc.header.parent_body = "";
  doc.header.issuing_body = "ỦY BAN NHÂN DÂN\nXÃ HOẰNG TRƯỜNG";
  doc.header.number = "Số:      /GM-UBND";
  doc.header.place_date = "Hoằng Trường, ngày 01 tháng 12 năm 2023";
  doc.title = "GIẤY MỜI";
  doc.subject = "Dự buổi tiếp xúc, đối thoại\nvới nhân dân năm 2023";
  doc.body.emplace_back(Heading{1, "MỤC ĐÍCH, YÊU CẦU", ""});
  doc.body.emplace_back(Heading{2, "Công chức Tài chính – Ngân sách:", "Có trách nhiệm: a :: b"});
  doc.body.emplace_back(Heading{3, "Điểm a :: có hai dấu", ""});
  doc.body.emplace_back(Heading{2, "", "Chỉ có phần viết liền"});
  doc.body.emplace_back(Paragraph{"Đoạn thường.", true, false, false});
  doc.body.emplace_back(Paragraph{"Đoạn đậm, nghiêng, không thụt.", false, true, true});
  doc.body.emplace_back(Paragraph{"", true, false, false});
  doc.body.emplace_back(Paragraph{"", false, true, false});
  doc.body.emplace_back(Paragraph{"Hai dòng\nmột đoạn", true, false, true});
  doc.body.emplace_back(Bullet{"Gạch đầu dòng;"});
  doc.body.emplace_back(Bullet{""});
  doc.body.emplace_back(Bullet{"  thụt vào và dư cuối  "});
  doc.body.emplace_back(
      Table{{"STT", "Nội dung", "Số tiền (đồng)"},
            {{"1", "Nước uống | hoa quả", "500.000"}, {"2", "", " cách "}, {"", "a\\b", "x\ny"}},
            {1, 6, 3}});
  doc.body.emplace_back(Table{{"A", "B"}, {{"1", "2"}}, {}});  // adjacent table, no widths
  doc.body.emplace_back(QrCode{"https://xa.example.vn/hoi-nghi/3?gm=AbC-12_x", 30,
                               "Quét mã để xem thông tin hội nghị và điểm danh"});
  doc.body.emplace_back(QrCode{"a::b", 25, ""});
  doc.body.emplace_back(QrCode{"", 20, "chỉ chú thích"});
  doc.body.emplace_back(Chart{"Số ý kiến theo lĩnh vực",
                              {"Đất đai – môi trường", "Xây dựng | giao thông", " a\\b\nc "},
                              {"Đã trả lời", "Trả lời sau"},
                              {{3, 0, 1500}, {1, 2.5, 0.1}},
                              160,
                              80});
  doc.body.emplace_back(Table{{"X"}, {}, {}});  // a table right after a chart
  doc.body.emplace_back(Chart{"", {}, {}, {}, 120, 60});
  doc.body.emplace_back(Chart{"Chỉ có loại cột", {}, {"A", "B"}, {{}, {}}, 160, 80});
  doc.body.emplace_back(Chart{"Chỉ có nhóm", {"x", "y"}, {}, {}, 160, 80});
  doc.signature = {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình"};
  doc.recipients = {"- Như trên;", "@ lạ", "  thụt", "===", "- Lưu: VT."};
  return doc;
}

TEST(MarkupTest, SeedPlanRoundTrips) {
  const Document seed = SeedPlanDocument();
  ExpectRoundTrip(seed);
  const std::string markup = ToMarkup(seed);
  EXPECT_NE(markup.find("@so: Số: 05/KH-UBND\n"), std::string::npos);
  EXPECT_NE(markup.find("\n# MỤC ĐÍCH, YÊU CẦU\n- Tiếp tục"), std::string::npos);
  EXPECT_NE(markup.find("## Công chức Tài chính – Ngân sách: :: Có trách nhiệm"),
            std::string::npos);
  EXPECT_NE(markup.find("\n@noi-nhan:\n- UBND huyện (b/c);\n"), std::string::npos);
  EXPECT_NE(markup.find("@ky-tm: TM. ỦY BAN NHÂN DÂN\n@chuc-vu: CHỦ TỊCH\n"), std::string::npos);
}

TEST(MarkupTest, EveryBlockTypeRoundTrips) {
  const Document doc = EveryBlockDocument();
  ExpectRoundTrip(doc);
  const std::string markup = ToMarkup(doc);
  EXPECT_NE(markup.find("@co-quan: ỦY BAN NHÂN DÂN\n@co-quan: XÃ HOẰNG TRƯỜNG\n"),
            std::string::npos);
  EXPECT_NE(markup.find("@cot: 1, 6, 3\n| STT | Nội dung | Số tiền (đồng) |\n"), std::string::npos);
  EXPECT_NE(markup.find("[QR 30mm] https://xa.example.vn/hoi-nghi/3?gm=AbC-12_x :: Quét mã"),
            std::string::npos);
  EXPECT_NE(markup.find("{dam} {nghieng} {khong-thut} Đoạn đậm"), std::string::npos);
}

TEST(MarkupTest, ChartRoundTripsWithSeparatorsInItsText) {
  Document doc;
  doc.title = "BÁO CÁO";
  doc.body.emplace_back(Paragraph{"[BIỂU ĐỒ 10x10mm] đoạn văn, không phải biểu đồ"});
  doc.body.emplace_back(Chart{"[BIỂU ĐỒ 1x1mm] | a :: b ] \\ ",
                              {"| bắt đầu bằng gạch", "kết thúc |", "1.500", "a,b", "\\", "", " ",
                               "x\ny", "]", "@noi-nhan:", "---"},
                              {"", "|", " Loại có khoảng trắng ", "12", "[QR 25mm]"},
                              {},
                              1,
                              9999});
  Chart& chart = std::get<Chart>(doc.body.back());
  const std::vector<double> tricky = {0,      -0.0,          1500,  0.1 + 0.2, 1e20, 1e-7,
                                      2.5,    123456789.125, 1e300, 5e-324,    42,   7,
                                      3.0e15, -1.5,          0.001, 9};
  const std::size_t series = chart.series.size();
  chart.values.assign(series, std::vector<double>(chart.labels.size()));
  for (std::size_t s = 0; s < series; ++s) {
    for (std::size_t l = 0; l < chart.labels.size(); ++l) {
      chart.values[s][l] = tricky[(l * series + s) % tricky.size()];
    }
  }
  doc.body.emplace_back(Chart{"Giá trị âm kích thước", {"a"}, {"b"}, {{1}}, -5, 0});
  ExpectRoundTrip(doc);
  const std::string markup = ToMarkup(doc);
  EXPECT_NE(markup.find("\n\\[BIỂU ĐỒ 10x10mm] đoạn văn"), std::string::npos) << markup;
  EXPECT_NE(markup.find("\n[BIỂU ĐỒ 1x9999mm] [BIỂU ĐỒ 1x1mm] | a :: b ] \\\\\\ \n"
                        "|  |  | \\| | \\ Loại có khoảng trắng\\  | 12 | [QR 25mm] |\n"
                        "| \\| bắt đầu bằng gạch | 0 | -0 | 1500 | 0,30000000000000004 | "
                        "100000000000000000000 |\n"),
            std::string::npos)
      << markup;
  EXPECT_NE(markup.find("\n[BIỂU ĐỒ -5x0mm] Giá trị âm kích thước\n|  | b |\n| a | 1 |\n"),
            std::string::npos)
      << markup;
}

TEST(MarkupTest, LeftSignatureRoundTrips) {
  Document doc = SeedPlanDocument();
  doc.title = "BIÊN BẢN";
  EXPECT_EQ(ToMarkup(doc).find("trai"), std::string::npos);  // absent: no keys written
  ExpectRoundTrip(doc);

  doc.left_signature = SignatureBlock{"", "THƯ KÝ", "Nguyễn Thị Hoa"};
  doc.signature = {"", "CHỦ TỌA", "Lê Thanh Cảnh"};
  ExpectRoundTrip(doc);
  const std::string markup = ToMarkup(doc);
  EXPECT_NE(markup.find("- Lưu: VT.\n@ky-tm-trai:\n@chuc-vu-trai: THƯ KÝ\n"
                        "@nguoi-ky-trai: Nguyễn Thị Hoa\n@ky-tm:\n@chuc-vu: CHỦ TỌA\n"),
            std::string::npos)
      << markup;

  // Every part empty still counts as present; multi-line authority; syntax-like text.
  doc.left_signature = SignatureBlock{};
  ExpectRoundTrip(doc);
  doc.left_signature = SignatureBlock{"TM. BAN TỔ CHỨC\nKT. TRƯỞNG BAN", "@chuc-vu: x", "\\ | ::"};
  ExpectRoundTrip(doc);
  EXPECT_NE(ToMarkup(doc).find("@ky-tm-trai: TM. BAN TỔ CHỨC\n@ky-tm-trai: KT. TRƯỞNG BAN\n"),
            std::string::npos);
}

TEST(MarkupTest, TypedChartAndLeftSignatureParse) {
  // What a clerk types: accents or not, "×", spaces, grouped thousands,
  // decimal commas, blank cells, the left signature keys with accents.
  const std::string markup =
      "@ten-loai: BÁO CÁO\n"
      "[Biểu đồ 150 × 70 mm]   Ý kiến theo lĩnh vực  \n"
      "| Lĩnh vực | Tổng số | Đã giải quyết\n"
      "|Đất đai – môi trường| 1.500 |2,5|\n"
      "| Khác | | 0 |\n"
      "[bieu do] Không ghi kích thước\n"
      "| | A |\n"
      "| x | 7 |\n"
      "\n"
      "[chart 10x20] \n"
      "[BIỂU ĐỒ không phải] hmm\n"
      "@noi-nhan:\n"
      "- Lưu: VT.\n"
      "@Chức vụ trái: THƯ KÝ\n"
      "@Người ký trái: Nguyễn Thị Hoa\n"
      "@nguoi-ky: Lê Thanh Cảnh\n";
  Result<Document> parsed = ParseMarkup(markup);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->body.size(), 4u);
  const auto& chart = std::get<Chart>(parsed->body[0]);
  EXPECT_EQ(chart.title, "Ý kiến theo lĩnh vực");
  EXPECT_EQ(chart.width_mm, 150);
  EXPECT_EQ(chart.height_mm, 70);
  EXPECT_EQ(chart.series, (std::vector<std::string>{"Tổng số", "Đã giải quyết"}));
  EXPECT_EQ(chart.labels, (std::vector<std::string>{"Đất đai – môi trường", "Khác"}));
  EXPECT_EQ(chart.values, (std::vector<std::vector<double>>{{1500, 0}, {2.5, 0}}));
  const auto& second = std::get<Chart>(parsed->body[1]);
  EXPECT_EQ(second.width_mm, 160);  // the defaults
  EXPECT_EQ(second.height_mm, 80);
  EXPECT_EQ(second.labels, (std::vector<std::string>{"x"}));
  EXPECT_EQ(second.values, (std::vector<std::vector<double>>{{7}}));
  const auto& third = std::get<Chart>(parsed->body[2]);
  EXPECT_EQ(third.title, "");
  EXPECT_EQ(third.width_mm, 10);
  EXPECT_TRUE(third.labels.empty() && third.series.empty() && third.values.empty());
  // A bracket that is not "[BIỂU ĐỒ <size>]" stays a paragraph.
  EXPECT_EQ(std::get<Paragraph>(parsed->body[3]).text, "[BIỂU ĐỒ không phải] hmm");
  ASSERT_TRUE(parsed->left_signature.has_value());
  EXPECT_EQ(parsed->left_signature->authority, "");
  EXPECT_EQ(parsed->left_signature->position, "THƯ KÝ");
  EXPECT_EQ(parsed->left_signature->signer_name, "Nguyễn Thị Hoa");
  EXPECT_EQ(parsed->signature.signer_name, "Lê Thanh Cảnh");
  EXPECT_EQ(parsed->recipients, (std::vector<std::string>{"- Lưu: VT."}));
}

TEST(MarkupTest, ChartErrorsNameTheLine) {
  ExpectErrorAtLine("a\n[BIỂU ĐỒ 10mm] x\n", "Dòng 2: biểu đồ phải viết dạng");
  ExpectErrorAtLine("[bieu do 10x] x\n", "Dòng 1: biểu đồ phải viết dạng");
  ExpectErrorAtLine("[bieu do 10x20cm] x\n", "Dòng 1: biểu đồ phải viết dạng");
  ExpectErrorAtLine("[BIỂU ĐỒ] x\n| | A | B |\n| a | 1 |\n",
                    "Dòng 3: dòng này của biểu đồ có 2 ô, nhưng dòng tiêu đề có 3 ô.");
  ExpectErrorAtLine("[BIỂU ĐỒ] x\n| | A |\n| a | 1.5 |\n", "Dòng 3: “1.5” không phải là số");
  ExpectErrorAtLine("[BIỂU ĐỒ] x\n| | A |\n| a | ba |\n", "Dòng 3: “ba” không phải là số");
  ExpectErrorAtLine("[BIỂU ĐỒ] x\n| | A |\n| a | 2, |\n", "Dòng 3: “2,” không phải là số");
  ExpectErrorAtLine("[BIỂU ĐỒ] x\n| | A |\n| a | 1.50.000 |\n", "Dòng 3: “1.50.000”");
  ExpectErrorAtLine("[BIỂU ĐỒ] x\n| | A |\n| a | 1e5 |\n", "Dòng 3: “1e5”");
  // The list of known keys names the left signature keys.
  ExpectErrorAtLine("@ky-trai: x\n", "Dòng 1: không hiểu mục “@ky-trai”");
  Result<Document> bad = ParseMarkup("@ky-trai: x\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("@ky-tm-trai, @chuc-vu-trai, @nguoi-ky-trai, @ky-tm"),
            std::string::npos)
      << bad.error().message;
}

TEST(MarkupTest, TextThatLooksLikeSyntaxIsEscaped) {
  Document doc;
  doc.title = "THÔNG BÁO";
  for (const char* text :
       {"- không phải gạch đầu dòng", "# không phải đề mục", "## hai", "@so: không phải khóa",
        "{dam} không phải cờ", "[QR 25mm] không", "| không | phải bảng |",
        "===", "\\ bắt đầu bằng gạch chéo", " có khoảng trắng đầu", "cuối có khoảng trắng ", "-",
        "#", "{}", "a :: b", "C:\\new\\thu muc"}) {
    doc.body.emplace_back(Paragraph{text});
    doc.body.emplace_back(Bullet{text});
    doc.body.emplace_back(Heading{2, text, text});
    doc.body.emplace_back(Table{{text}, {{text}}, {}});
    doc.body.emplace_back(QrCode{text, 25, text});
    doc.recipients.push_back(text);
  }
  doc.signature.signer_name = "- #@{ ";
  ExpectRoundTrip(doc);
  EXPECT_NE(ToMarkup(doc).find("\n\\- không phải gạch đầu dòng\n"), std::string::npos);
  EXPECT_NE(ToMarkup(doc).find("\n\\# không phải đề mục\n"), std::string::npos);
}

// Deterministic generator of awkward text: every syntax character, spaces and
// tabs at the ends, line breaks, Vietnamese letters.
class AwkwardText {
 public:
  std::string Next() {
    static const std::vector<std::string> kPieces = {
        " ",  "\t", "-",   "#", "@", "{", "}",  "[",   "]",   "|",     ":", "::", "\\",  "\n",
        "\r", "=",  "===", "a", "ă", "Ư", "QR", "[QR", "dam", "{dam}", "n", "- ", "\\n", " :: "};
    std::string text;
    const int length = static_cast<int>(Step() % 7);
    for (int i = 0; i < length; ++i) text += kPieces[Step() % kPieces.size()];
    return text;
  }
  uint32_t Step() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_ >> 8;
  }

 private:
  uint32_t state_ = 12345;
};

TEST(MarkupTest, AwkwardTextInEveryFieldRoundTrips) {
  AwkwardText gen;
  for (int round = 0; round < 500; ++round) {
    Document doc;
    doc.header = {gen.Next(), gen.Next(), gen.Next(), gen.Next()};
    doc.title = gen.Next();
    doc.subject = gen.Next();
    for (int i = 0; i < 6; ++i) {
      switch (gen.Step() % 6) {
        case 0:
          doc.body.emplace_back(
              Heading{static_cast<int>(gen.Step() % 3) + 1, gen.Next(), gen.Next()});
          break;
        case 1:
          doc.body.emplace_back(
              Paragraph{gen.Next(), gen.Step() % 2 == 0, gen.Step() % 2 == 0, gen.Step() % 2 == 0});
          break;
        case 2:
          doc.body.emplace_back(Bullet{gen.Next()});
          break;
        case 3: {
          Table table;
          const int columns = static_cast<int>(gen.Step() % 3) + 1;
          for (int c = 0; c < columns; ++c) table.header.push_back(gen.Next());
          for (int r = 0; r < static_cast<int>(gen.Step() % 3); ++r) {
            table.rows.emplace_back();
            for (int c = 0; c < columns; ++c) table.rows.back().push_back(gen.Next());
          }
          if (gen.Step() % 2 == 0) {
            for (int c = 0; c < columns; ++c) {
              table.column_widths.push_back(static_cast<int>(gen.Step() % 9) + 1);
            }
          }
          doc.body.emplace_back(std::move(table));
          break;
        }
        case 4:
          doc.body.emplace_back(QrCode{gen.Next(), static_cast<int>(gen.Step() % 60), gen.Next()});
          break;
        default: {
          Chart chart;
          chart.title = gen.Next();
          chart.width_mm = static_cast<int>(gen.Step() % 300);
          chart.height_mm = static_cast<int>(gen.Step() % 200);
          for (int l = 0; l < static_cast<int>(gen.Step() % 4); ++l) {
            chart.labels.push_back(gen.Next());
          }
          for (int c = 0; c < static_cast<int>(gen.Step() % 4); ++c) {
            chart.series.push_back(gen.Next());
            chart.values.emplace_back();
            for (std::size_t l = 0; l < chart.labels.size(); ++l) {
              // Whole numbers, halves, quarters, … and a few negatives.
              const double value = static_cast<double>(gen.Step() % 5000) /
                                   static_cast<double>(1u << (gen.Step() % 5)) *
                                   (gen.Step() % 7 == 0 ? -1 : 1);
              chart.values.back().push_back(value);
            }
          }
          doc.body.emplace_back(std::move(chart));
        }
      }
    }
    for (int i = 0; i < static_cast<int>(gen.Step() % 3); ++i) doc.recipients.push_back(gen.Next());
    doc.signature = {gen.Next(), gen.Next(), gen.Next()};
    if (gen.Step() % 3 == 0)
      doc.left_signature = SignatureBlock{gen.Next(), gen.Next(), gen.Next()};
    ExpectRoundTrip(doc);
    if (HasFailure()) break;
  }
}

TEST(MarkupTest, EditedMarkupParsesToTheModel) {
  // What a clerk types: CRLF line ends, accented key and flag names, extra
  // spaces, a table without the closing bar, no header keys for the parent.
  const std::string markup =
      "\xEF\xBB\xBF@Cơ quan: ỦY BAN NHÂN DÂN\r\n"
      "@cơ quan:   XÃ HOẰNG TRƯỜNG  \r\n"
      "@Số: Số: 07/TB-UBND\r\n"
      "@ten-loai: THÔNG BÁO\r\n"
      "\r\n"
      "  # THỜI GIAN\r\n"
      "## Thời gian: :: 07 giờ 30, ngày 08 tháng 12 năm 2023.\r\n"
      "-   Phiên 1\r\n"
      "{Đậm, không thụt} Kính mời Nhân dân tham dự.\r\n"
      "{nghiêng}{dam}Ghi chú\r\n"
      "@cot: 1,2\r\n"
      "| Giờ | Việc\r\n"
      "|7 giờ 30|Đón tiếp|\r\n"
      "[qr 20 MM] https://a.vn/x\r\n"
      "\\- 5 độ C\r\n"
      "@noi-nhan: - Như trên;\r\n"
      "- Lưu: VT.\r\n"
      "@nguoi-ky: Lê Thanh Cảnh\r\n";
  Result<Document> parsed = ParseMarkup(markup);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const Document& doc = *parsed;
  EXPECT_EQ(doc.header.parent_body, "");
  EXPECT_EQ(doc.header.issuing_body, "ỦY BAN NHÂN DÂN\nXÃ HOẰNG TRƯỜNG");
  EXPECT_EQ(doc.header.number, "Số: 07/TB-UBND");
  EXPECT_EQ(doc.title, "THÔNG BÁO");
  ASSERT_EQ(doc.body.size(), 8u);
  const auto& h1 = std::get<Heading>(doc.body[0]);
  EXPECT_EQ(h1.level, 1);
  EXPECT_EQ(h1.text, "THỜI GIAN");
  const auto& h2 = std::get<Heading>(doc.body[1]);
  EXPECT_EQ(h2.level, 2);
  EXPECT_EQ(h2.text, "Thời gian:");
  EXPECT_EQ(h2.run_in, "07 giờ 30, ngày 08 tháng 12 năm 2023.");
  EXPECT_EQ(std::get<Bullet>(doc.body[2]).text, "Phiên 1");
  const auto& p1 = std::get<Paragraph>(doc.body[3]);
  EXPECT_TRUE(p1.bold);
  EXPECT_FALSE(p1.italic);
  EXPECT_FALSE(p1.first_line_indent);
  EXPECT_EQ(p1.text, "Kính mời Nhân dân tham dự.");
  const auto& p2 = std::get<Paragraph>(doc.body[4]);
  EXPECT_TRUE(p2.bold && p2.italic && p2.first_line_indent);
  EXPECT_EQ(p2.text, "Ghi chú");
  const auto& table = std::get<Table>(doc.body[5]);
  EXPECT_EQ(table.header, (std::vector<std::string>{"Giờ", "Việc"}));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0], (std::vector<std::string>{"7 giờ 30", "Đón tiếp"}));
  EXPECT_EQ(table.column_widths, (std::vector<int>{1, 2}));
  const auto& qr = std::get<QrCode>(doc.body[6]);
  EXPECT_EQ(qr.size_mm, 20);
  EXPECT_EQ(qr.payload, "https://a.vn/x");
  EXPECT_EQ(qr.caption, "");
  EXPECT_EQ(std::get<Paragraph>(doc.body[7]).text, "- 5 độ C");
  EXPECT_EQ(doc.recipients, (std::vector<std::string>{"- Như trên;", "- Lưu: VT."}));
  EXPECT_EQ(doc.signature.signer_name, "Lê Thanh Cảnh");
  EXPECT_EQ(doc.signature.position, "");
  EXPECT_TRUE(Validate(doc).ok());
}

TEST(MarkupTest, DecomposedInputIsNormalisedToNfc) {
  // "Hoằng" typed as NFD: o + combining breve... (ă = a U+0306, grave U+0300).
  Result<Document> parsed = ParseMarkup("Ho\x61\xCC\x86\xCC\x80ng Trường");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(std::get<Paragraph>(parsed->body[0]).text, "Hoằng Trường");
}

TEST(MarkupTest, ErrorsNameTheLine) {
  ExpectErrorAtLine("@ten-loai: KẾ HOẠCH\n\n@abc: x\n", "Dòng 3: không hiểu mục “@abc”");
  ExpectErrorAtLine("a\nb\n@khong co hai cham\n", "Dòng 3: dòng bắt đầu bằng “@”");
  ExpectErrorAtLine("a\n{dam} b\n{to} c\n", "Dòng 3: không hiểu ký hiệu “{to}”");
  ExpectErrorAtLine("{dam b\n", "Dòng 1: thiếu dấu “}”");
  ExpectErrorAtLine("x\n| a | b |\n| 1 |\n", "Dòng 3: dòng này của bảng có 1 ô");
  ExpectErrorAtLine("\n\n@cot: 1, x\n| a |\n", "Dòng 3: độ rộng cột");
  ExpectErrorAtLine("@cot: 1,2,3\n| a | b |\n", "Dòng 1: dòng @cot ghi 3 độ rộng");
  ExpectErrorAtLine("@cot: 1\nđoạn văn\n", "Dòng 1: sau dòng @cot");
  ExpectErrorAtLine("a\n\n[QR to] x\n", "Dòng 3: mã QR");
  ExpectErrorAtLine("a\n===\nb\n", "Dòng 2: dòng “===”");
  ExpectErrorAtLine("a\r\nb\r\nc\xC3\x28\r\n", "Dòng 3: có ký tự không đúng mã UTF-8");
}

TEST(MarkupTest, ListOfDocumentsRoundTrips) {
  Document first = SeedPlanDocument();
  Document second = EveryBlockDocument();
  const std::string markup = ToMarkupList({first, second, first});
  Result<std::vector<Document>> parsed = ParseMarkupList(markup);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ(Dump((*parsed)[0]), Dump(first));
  EXPECT_EQ(Dump((*parsed)[1]), Dump(second));
  EXPECT_EQ(Dump((*parsed)[2]), Dump(first));

  // Line numbers count from the top of the whole text.
  Result<std::vector<Document>> bad = ParseMarkupList("a\n===\nb\n@x: y\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("Dòng 4:", 0), 0u) << bad.error().message;
}

}  // namespace
}  // namespace doithoai
