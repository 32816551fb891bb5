// Tests for RenderPdf: writes the PDF under ::testing::TempDir() and checks it
// with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm), including QR
// codes and several documents in one file. A test skips
// only when the tool it needs is not installed.
#include "adapters/documents/pdf_renderer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/documents/qr_code.h"
#include "core/documents/seed_plan_fixture.h"

namespace doithoai {
namespace {

bool HasTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs `command` and returns its standard output.
std::string RunTool(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "popen failed: " << command;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    out.append(buffer, n);
  }
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Collapses every run of whitespace (pdftotext line breaks, justification
// gaps) into one space.
std::string NormalizeSpace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out.push_back(' ');
    }
    space = false;
    out.push_back(c);
  }
  return out;
}

// The "Pages:" value of pdfinfo output; 0 when absent.
int PageCount(const std::string& info) {
  std::istringstream lines(info);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("Pages:")) {
      return std::stoi(line.substr(6));
    }
  }
  return 0;
}

std::string RenderSeedToFile(const std::string& name) {
  Result<std::string> pdf = RenderPdf(SeedPlanDocument());
  EXPECT_TRUE(pdf.ok()) << (pdf.ok() ? "" : pdf.error().message);
  return pdf.ok() ? WriteTemp(name, *pdf) : "";
}

TEST(PdfRendererTest, RendersSeedPlanAsPdf) {
  Result<std::string> pdf = RenderPdf(SeedPlanDocument());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
}

TEST(PdfRendererTest, PageSizeIsA4AndPlanSpansPages) {  // FMT-01
  if (!HasTool("pdfinfo")) {
    GTEST_SKIP() << "pdfinfo not installed";
  }
  const std::string path = RenderSeedToFile("seed_plan_info.pdf");
  ASSERT_FALSE(path.empty());
  const std::string info = RunTool("pdfinfo '" + path + "'");
  // A4 is 595.28 x 841.89 pt; pdfinfo prints "595.276 x 841.89 pts (A4)".
  std::istringstream lines(info);
  double width = 0;
  double height = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("Page size:")) {
      std::istringstream(line.substr(10)) >> width >> std::ws >> line >> height;
    }
  }
  EXPECT_NEAR(width, 595.28, 0.01) << info;
  EXPECT_NEAR(height, 841.89, 0.01) << info;
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
  EXPECT_GE(PageCount(info), 2) << info;
}

TEST(PdfRendererTest, TextIsExtractableWithDiacritics) {
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  const std::string path = RenderSeedToFile("seed_plan_text.pdf");
  ASSERT_FALSE(path.empty());
  const std::string text = NormalizeSpace(RunTool("pdftotext -enc UTF-8 '" + path + "' -"));
  for (const char* expected :
       {"Hoằng Trường", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "½ ngày, ngày 08 tháng 12 năm 2023", "Thôn trưởng 9 thôn", "Lê Thanh Cảnh",
        "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU",
        "TM. ỦY BAN NHÂN DÂN"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

TEST(PdfRendererTest, PageNumbersStartOnPageTwo) {  // FMT-04
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  const std::string path = RenderSeedToFile("seed_plan_pages.pdf");
  ASSERT_FALSE(path.empty());
  const std::string page1 = RunTool("pdftotext -enc UTF-8 -f 1 -l 1 '" + path + "' -");
  const std::string page2 = RunTool("pdftotext -enc UTF-8 -f 2 -l 2 '" + path + "' -");
  EXPECT_TRUE(NormalizeSpace(page2).starts_with("2 ")) << page2.substr(0, 80);
  EXPECT_FALSE(NormalizeSpace(page1).starts_with("1 "));
}

TEST(PdfRendererTest, EmbedsLiberationSerif) {  // FMT-03
  if (!HasTool("pdffonts")) {
    GTEST_SKIP() << "pdffonts not installed";
  }
  const std::string path = RenderSeedToFile("seed_plan_fonts.pdf");
  ASSERT_FALSE(path.empty());
  const std::string fonts = RunTool("pdffonts '" + path + "'");
  std::istringstream lines(fonts);
  int liberation = 0;
  bool bold = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("LiberationSerif") == std::string::npos) {
      continue;
    }
    ++liberation;
    bold = bold || line.find("LiberationSerif-Bold") != std::string::npos;
    // Columns: name type encoding emb sub uni object ID; emb must be "yes".
    std::istringstream fields(line);
    std::string name, type, encoding, emb;
    fields >> name >> type;
    if (type == "Type" || type == "CID") {  // "Type 1C", "CID TrueType"
      std::string more;
      fields >> more;
    }
    fields >> encoding >> emb;
    if (encoding == "Identity-H" || encoding == "Custom" || encoding == "WinAnsi") {
      EXPECT_EQ(emb, "yes") << line;
    }
  }
  EXPECT_GE(liberation, 2) << fonts;
  EXPECT_TRUE(bold) << fonts;
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << fonts;
}

TEST(PdfRendererTest, RenderingIsDeterministicInText) {
  Result<std::string> first = RenderPdf(SeedPlanDocument());
  Result<std::string> second = RenderPdf(SeedPlanDocument());
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->size(), second->size());
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  const std::string a = WriteTemp("seed_plan_a.pdf", *first);
  const std::string b = WriteTemp("seed_plan_b.pdf", *second);
  EXPECT_EQ(RunTool("pdftotext -enc UTF-8 '" + a + "' -"),
            RunTool("pdftotext -enc UTF-8 '" + b + "' -"));
}

TEST(PdfRendererTest, RejectsDocumentThatFailsValidation) {
  Document doc = SeedPlanDocument();
  doc.signature.signer_name.clear();
  doc.title.clear();
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(pdf.error().fields.empty());
}

TEST(PdfRendererTest, RejectsInvalidUtf8) {
  for (const std::string& bad : {std::string("Xin ch\xC3"), std::string("a\xC0\xAF"),
                                 std::string("nul\0byte", 8), std::string("\xED\xA0\x80")}) {
    Document doc = SeedPlanDocument();
    doc.body.emplace_back(Paragraph{bad});
    Result<std::string> pdf = RenderPdf(doc);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(PdfRendererTest, LongParagraphAndTableSplitAcrossPages) {
  Document doc = SeedPlanDocument();
  std::string long_text;
  for (int i = 0; i < 150; ++i) {
    long_text += "Cán bộ, công chức lắng nghe ý kiến đóng góp của nhân dân. ";
  }
  doc.body.insert(doc.body.begin(), Paragraph{long_text});
  Table table{{"STT", "Nội dung", "Thời gian"}, {}, {1, 5, 2}};
  for (int i = 1; i <= 60; ++i) {
    table.rows.push_back(
        {std::to_string(i), "Tiếp xúc, đối thoại tại thôn " + std::to_string(i), "Tháng 12"});
  }
  doc.body.emplace_back(table);
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  if (!HasTool("pdftotext") || !HasTool("pdfinfo")) {
    GTEST_SKIP() << "poppler-utils not installed";
  }
  const std::string path = WriteTemp("long.pdf", *pdf);
  const std::string info = RunTool("pdfinfo '" + path + "'");
  EXPECT_GE(PageCount(info), 5) << info;
  const std::string text = NormalizeSpace(RunTool("pdftotext -enc UTF-8 '" + path + "' -"));
  EXPECT_NE(text.find("Tiếp xúc, đối thoại tại thôn 60"), std::string::npos);
  EXPECT_NE(text.find("Lê Thanh Cảnh"), std::string::npos);
}

TEST(PdfRendererTest, WritesFirstPagePreview) {
  if (!HasTool("pdftoppm")) {
    GTEST_SKIP() << "pdftoppm not installed";
  }
  const std::string path = RenderSeedToFile("seed_plan.pdf");
  ASSERT_FALSE(path.empty());
  const std::string prefix = ::testing::TempDir() + "seed_plan_page1";
  RunTool("pdftoppm -png -r 60 -f 1 -l 1 '" + path + "' '" + prefix + "'");
  // pdftoppm names the file <prefix>-<page>.png, zero-padded to the page count's width.
  std::string png;
  for (const char* suffix : {"-1.png", "-01.png", "-001.png"}) {
    if (std::filesystem::exists(prefix + suffix)) {
      png = prefix + suffix;
    }
  }
  ASSERT_FALSE(png.empty()) << "no PNG for " << prefix;
  EXPECT_GT(std::filesystem::file_size(png), 1000u);
  std::cout << "First page preview: " << png << std::endl;
}

TEST(PdfRendererTest, DrawsQrCodeWithCaption) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(
      QrCode{"https://hoangtruong.gov.vn/hoi-nghi/2023", 30, "Quét mã để điểm danh"});
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  Result<std::string> plain = RenderPdf(SeedPlanDocument());
  ASSERT_TRUE(plain.ok());
  EXPECT_GT(pdf->size(), plain->size());  // the modules are vector paths
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  const std::string path = WriteTemp("qr.pdf", *pdf);
  const std::string text = NormalizeSpace(RunTool("pdftotext -enc UTF-8 '" + path + "' -"));
  const std::size_t caption = text.find("Quét mã để điểm danh");
  ASSERT_NE(caption, std::string::npos) << text;
  EXPECT_LT(text.find("Nguồn kinh phí"), caption);
  EXPECT_LT(caption, text.rfind("Nơi nhận:"));
  // The caption is centred: pdftotext -bbox gives its x range, whose middle
  // is the middle of the text area (30 mm + 165 mm / 2 = 318.9 pt).
  const std::string bbox = RunTool("pdftotext -enc UTF-8 -bbox '" + path + "' -");
  const std::size_t word = bbox.find(">Quét<");
  const std::size_t last = bbox.find(">danh<", word);
  ASSERT_NE(word, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  auto attr = [&bbox](std::size_t at, const char* name) {
    const std::size_t line = bbox.rfind("<word", at);
    const std::size_t key = bbox.find(std::string(name) + "=\"", line);
    return std::stod(bbox.substr(key + std::string(name).size() + 2));
  };
  const double middle = (attr(word, "xMin") + attr(last, "xMax")) / 2;
  EXPECT_NEAR(middle, (30 + 165.0 / 2) * 72 / 25.4, 3) << bbox.substr(word - 200, 400);
}

TEST(PdfRendererTest, QrModulesAreDarkInRasterisedPage) {
  if (!HasTool("pdftoppm")) {
    GTEST_SKIP() << "pdftoppm not installed";
  }
  // A document whose only body block is a 50 mm QR: rasterise page 1 in
  // grey and check the top-left finder's centre is black and the quiet
  // zone white. Geometry: 50 mm square centred in the text area.
  Document doc = SeedPlanDocument();
  doc.body = {QrCode{"https://a.vn/x", 50, ""}};
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string path = WriteTemp("qr_only.pdf", *pdf);
  const std::string pgm = RunTool("pdftoppm -gray -r 72 -f 1 -l 1 '" + path + "'");
  // Binary PGM: "P5\n<w> <h>\n255\n" then w*h bytes.
  std::istringstream header(pgm);
  std::string magic;
  int width = 0;
  int height = 0;
  int maxval = 0;
  header >> magic >> width >> height >> maxval;
  ASSERT_EQ(magic, "P5");
  const std::size_t data = static_cast<std::size_t>(header.tellg()) + 1;
  ASSERT_EQ(pgm.size(), data + static_cast<std::size_t>(width) * height);
  auto grey = [&](double x, double y) {
    return static_cast<unsigned char>(
        pgm[data + static_cast<std::size_t>(y) * width + static_cast<std::size_t>(x)]);
  };
  Result<QrMatrix> qr = EncodeQr("https://a.vn/x");
  ASSERT_TRUE(qr.ok());
  const double side = 50 * 72 / 25.4;
  const double module = side / (qr->size + 8);
  const double left = 30 * 72 / 25.4 + (165 * 72 / 25.4 - side) / 2;
  // Find the QR's top: the first row (below the header) where the finder
  // centre column is dark.
  const double finder_x = left + (4 + 3.5) * module;
  double top = -1;
  for (int y = 200; y < height - 1; ++y) {
    if (grey(finder_x, y) < 64 && grey(left + 4 * module + 1, y) < 64) {
      top = y - 4 * module;
      break;
    }
  }
  ASSERT_GT(top, 0);
  EXPECT_LT(grey(finder_x, top + (4 + 3.5) * module), 64);                          // finder centre
  EXPECT_GT(grey(left + 2 * module, top + 10 * module), 192);                       // quiet zone
  EXPECT_GT(grey(left + (4 + 7.5) * module, top + 8 * module), 192);                // separator
  EXPECT_LT(grey(left + side - (4 + 3.5) * module, top + (4 + 3.5) * module), 64);  // top right
}

TEST(PdfRendererTest, RejectsUnencodableQrCode) {
  for (const QrCode& qr : {QrCode{"", 25, ""}, QrCode{std::string(3000, 'x'), 25, ""},
                           QrCode{"https://a.vn", 5, ""}}) {
    Document doc = SeedPlanDocument();
    doc.body.push_back(qr);
    Result<std::string> pdf = RenderPdf(doc);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
  }
}

// Three one-page invitations ("Giấy mời", one per invitee).
std::vector<Document> ThreeInvitations() {
  std::vector<Document> docs;
  for (const char* name : {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}) {
    Document doc = SeedPlanDocument();
    doc.title = "GIẤY MỜI";
    doc.subject = "Dự hội nghị đối thoại năm 2023";
    doc.body = {Paragraph{std::string("Kính mời ông (bà) ") + name + " đến dự hội nghị."},
                QrCode{std::string("https://hoangtruong.gov.vn/moi/") + name, 25,
                       std::string("Điểm danh: ") + name}};
    docs.push_back(std::move(doc));
  }
  return docs;
}

TEST(PdfRendererTest, SeveralDocumentsEachStartANewPage) {
  Result<std::string> pdf = RenderPdf(ThreeInvitations());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  if (!HasTool("pdftotext") || !HasTool("pdfinfo")) {
    GTEST_SKIP() << "poppler-utils not installed";
  }
  const std::string path = WriteTemp("invitations.pdf", *pdf);
  EXPECT_EQ(PageCount(RunTool("pdfinfo '" + path + "'")), 3);
  const std::string text = NormalizeSpace(RunTool("pdftotext -enc UTF-8 '" + path + "' -"));
  const std::size_t an = text.find("Kính mời ông (bà) Nguyễn Văn An");
  const std::size_t binh = text.find("Kính mời ông (bà) Trần Thị Bình");
  const std::size_t cuong = text.find("Kính mời ông (bà) Lê Văn Cường");
  ASSERT_NE(an, std::string::npos) << text;
  ASSERT_NE(binh, std::string::npos) << text;
  ASSERT_NE(cuong, std::string::npos) << text;
  EXPECT_LT(an, binh);
  EXPECT_LT(binh, cuong);
  // One invitation per page, each whole (header to signature) on its page.
  const char* names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"};
  for (int page = 1; page <= 3; ++page) {
    const std::string n = std::to_string(page);
    const std::string one =
        NormalizeSpace(RunTool("pdftotext -enc UTF-8 -f " + n + " -l " + n + " '" + path + "' -"));
    EXPECT_NE(one.find(std::string("Điểm danh: ") + names[page - 1]), std::string::npos) << one;
    EXPECT_NE(one.find("GIẤY MỜI"), std::string::npos) << one;
    EXPECT_NE(one.find("Lê Thanh Cảnh"), std::string::npos) << one;
    // FMT-04: each invitation's first page carries no number.
    EXPECT_FALSE(one.starts_with(n + " ")) << one.substr(0, 40);
  }
}

TEST(PdfRendererTest, PageNumbersRestartPerDocument) {  // FMT-04
  if (!HasTool("pdftotext") || !HasTool("pdfinfo")) {
    GTEST_SKIP() << "poppler-utils not installed";
  }
  // Two multi-page plans: pages of each are numbered from its page 2.
  Result<std::string> single = RenderPdf(SeedPlanDocument());
  Result<std::string> pdf =
      RenderPdf(std::vector<Document>{SeedPlanDocument(), SeedPlanDocument()});
  ASSERT_TRUE(single.ok());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const int pages = PageCount(RunTool("pdfinfo '" + WriteTemp("plan_single.pdf", *single) + "'"));
  ASSERT_GE(pages, 2);
  const std::string path = WriteTemp("plan_twice.pdf", *pdf);
  ASSERT_EQ(PageCount(RunTool("pdfinfo '" + path + "'")), 2 * pages);
  auto page_text = [&path](int page) {
    const std::string n = std::to_string(page);
    return NormalizeSpace(
        RunTool("pdftotext -enc UTF-8 -f " + n + " -l " + n + " '" + path + "' -"));
  };
  for (int doc = 0; doc < 2; ++doc) {
    const std::string first = page_text(doc * pages + 1);
    EXPECT_TRUE(first.starts_with("UBND HUYỆN HOẰNG HÓA")) << first.substr(0, 60);
    for (int page = 2; page <= pages; ++page) {
      const std::string text = page_text(doc * pages + page);
      EXPECT_TRUE(text.starts_with(std::to_string(page) + " ")) << text.substr(0, 40);
    }
  }
}

TEST(PdfRendererTest, SingleDocumentMatchesVectorOfOne) {
  Result<std::string> single = RenderPdf(SeedPlanDocument());
  Result<std::string> vector = RenderPdf(std::vector<Document>{SeedPlanDocument()});
  ASSERT_TRUE(single.ok());
  ASSERT_TRUE(vector.ok());
  EXPECT_EQ(single->size(), vector->size());
}

TEST(PdfRendererTest, RejectsEmptyListAndAnyInvalidDocument) {
  Result<std::string> empty = RenderPdf(std::vector<Document>{});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(empty.error().message.empty());

  std::vector<Document> docs = ThreeInvitations();
  docs[1].title.clear();
  Result<std::string> invalid = RenderPdf(docs);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  ASSERT_FALSE(invalid.error().fields.empty());
  EXPECT_EQ(invalid.error().fields[0].field, "title");

  docs = ThreeInvitations();
  docs[2].body.push_back(Paragraph{std::string("nul\0byte", 8)});
  EXPECT_FALSE(RenderPdf(docs).ok());
}

// Mẫu 1.9: a Biên bản with THƯ KÝ on the left and CHỦ TỌA on the right.
Document Minutes() {
  Document doc = SeedPlanDocument();
  doc.header.number = "Số: 07/BB-UBND";
  doc.header.place_date.clear();
  doc.title = "BIÊN BẢN";
  doc.subject = "Hội nghị đối thoại với Nhân dân năm 2023";
  doc.body = {Paragraph{"Thời gian bắt đầu: 08 giờ 00, ngày 20 tháng 12 năm 2023."},
              Paragraph{"Cuộc họp kết thúc vào 11 giờ 00 cùng ngày./."}};
  doc.left_signature = SignatureBlock{"", "THƯ KÝ", "Trần Thị Thư"};
  doc.signature = {"", "CHỦ TỌA", "Lê Thanh Cảnh"};
  doc.recipients = {"- UBND huyện (b/c);", "- Lưu: VT, Hồ sơ."};
  return doc;
}

// The lines of `text` (pdftotext -layout output).
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// Index of the first line containing `needle`, or -1.
int LineOf(const std::vector<std::string>& lines, const std::string& needle) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find(needle) != std::string::npos) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

TEST(PdfRendererTest, MinutesSignSecretaryLeftChairRight) {
  Result<std::string> pdf = RenderPdf(Minutes());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  const std::string path = WriteTemp("minutes.pdf", *pdf);
  const std::string text = RunTool("pdftotext -layout -enc UTF-8 '" + path + "' -");
  const std::vector<std::string> lines = Lines(text);
  // Both titles on one line, the secretary's first.
  const int titles = LineOf(lines, "THƯ KÝ");
  ASSERT_GE(titles, 0) << text;
  const std::string& row = lines[static_cast<std::size_t>(titles)];
  ASSERT_NE(row.find("CHỦ TỌA"), std::string::npos) << text;
  EXPECT_LT(row.find("THƯ KÝ"), row.find("CHỦ TỌA"));
  // Both names on one line below, the secretary's first.
  const int names = LineOf(lines, "Trần Thị Thư");
  ASSERT_GT(names, titles) << text;
  const std::string& name_row = lines[static_cast<std::size_t>(names)];
  ASSERT_NE(name_row.find("Lê Thanh Cảnh"), std::string::npos) << text;
  EXPECT_LT(name_row.find("Trần Thị Thư"), name_row.find("Lê Thanh Cảnh"));
  // Nơi nhận under the secretary's block, at the left margin.
  const int noi_nhan = LineOf(lines, "Nơi nhận:");
  EXPECT_GT(noi_nhan, names) << text;
  EXPECT_GT(LineOf(lines, "- Lưu: VT, Hồ sơ."), noi_nhan) << text;
  const std::string& label = lines[static_cast<std::size_t>(noi_nhan)];
  EXPECT_LT(label.find("Nơi nhận:"), row.find("THƯ KÝ") + 1) << text;
  // Mẫu 1.9: no place-date line (ô 4).
  EXPECT_EQ(text.find("Hoằng Trường, ngày"), std::string::npos) << text;
}

TEST(PdfRendererTest, WithoutLeftSignatureNoiNhanSitsBesideTheSigner) {
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  Document doc = Minutes();
  doc.left_signature.reset();
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string path = WriteTemp("minutes_one_signer.pdf", *pdf);
  const std::vector<std::string> lines =
      Lines(RunTool("pdftotext -layout -enc UTF-8 '" + path + "' -"));
  const int label = LineOf(lines, "Nơi nhận:");
  ASSERT_GE(label, 0);
  // FMT-41: on the same line as the signer's first line.
  EXPECT_NE(lines[static_cast<std::size_t>(label)].find("CHỦ TỌA"), std::string::npos);
  EXPECT_EQ(LineOf(lines, "THƯ KÝ"), -1);
}

// A Bảng 2 style bar chart (DLG-13): two series over three fields.
Chart FieldChart(int width_mm, int height_mm) {
  return Chart{"Ý kiến, kiến nghị theo lĩnh vực",
               {"Đất đai – môi trường", "An ninh – trật tự", "Khác"},
               {"Tổng số", "Đã giải quyết xong"},
               {{12, 3, 1}, {10, 2, 1}},
               width_mm,
               height_mm};
}

TEST(PdfRendererTest, DrawsChartAsVectorsWithTextLabels) {
  Document doc = Minutes();
  doc.body.push_back(FieldChart(150, 70));
  doc.body.push_back(Paragraph{"Sau biểu đồ."});
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  if (!HasTool("pdftotext")) {
    GTEST_SKIP() << "pdftotext not installed";
  }
  const std::string path = WriteTemp("chart.pdf", *pdf);
  const std::string text = NormalizeSpace(RunTool("pdftotext -enc UTF-8 '" + path + "' -"));
  const std::size_t title = text.find("Ý kiến, kiến nghị theo lĩnh vực");
  ASSERT_NE(title, std::string::npos) << text;
  for (const char* expected : {"Đất đai – môi trường", "An ninh – trật tự", "Khác", "Tổng số",
                               "Đã giải quyết xong", "12", "10"}) {
    EXPECT_NE(text.find(expected, title), std::string::npos) << expected << "\n" << text;
  }
  // In body order: before the paragraph that follows it and the signatures.
  EXPECT_LT(title, text.find("Sau biểu đồ."));
  EXPECT_LT(text.find("Sau biểu đồ."), text.find("THƯ KÝ"));
  if (HasTool("pdfimages")) {
    // Vectors and text only: no raster image in the file.
    const std::string images = RunTool("pdfimages -list '" + path + "'");
    EXPECT_EQ(Lines(images).size(), 2u) << images;  // the two header lines
  }
}

TEST(PdfRendererTest, ChartThatDoesNotFitStartsTheNextPage) {
  if (!HasTool("pdftotext") || !HasTool("pdfinfo")) {
    GTEST_SKIP() << "poppler-utils not installed";
  }
  Document doc = Minutes();
  doc.body.push_back(FieldChart(160, 220));  // taller than what is left of page 1
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string path = WriteTemp("chart_break.pdf", *pdf);
  const std::string page1 = RunTool("pdftotext -f 1 -l 1 -enc UTF-8 '" + path + "' -");
  const std::string page2 = RunTool("pdftotext -f 2 -l 2 -enc UTF-8 '" + path + "' -");
  EXPECT_NE(page1.find("Thời gian bắt đầu"), std::string::npos);
  EXPECT_EQ(page1.find("theo lĩnh vực"), std::string::npos) << page1;
  EXPECT_NE(NormalizeSpace(page2).find("Ý kiến, kiến nghị theo lĩnh vực"), std::string::npos)
      << page2;
  EXPECT_GE(PageCount(RunTool("pdfinfo '" + path + "'")), 2);
}

TEST(PdfRendererTest, RejectsChartOrLeftSignatureWithInvalidUtf8) {
  Document doc = Minutes();
  Chart chart = FieldChart(150, 70);
  chart.series[0] = "bad \xC3\x28 utf8";
  doc.body.push_back(chart);
  Result<std::string> bad_chart = RenderPdf(doc);
  ASSERT_FALSE(bad_chart.ok());
  EXPECT_EQ(bad_chart.error().code, ErrorCode::kInvalidArgument);
  doc = Minutes();
  doc.left_signature->signer_name = "bad \xC3\x28 utf8";
  Result<std::string> bad_signer = RenderPdf(doc);
  ASSERT_FALSE(bad_signer.ok());
  EXPECT_EQ(bad_signer.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace doithoai
