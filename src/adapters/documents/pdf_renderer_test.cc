// Tests for RenderPdf: writes the PDF under ::testing::TempDir() and checks it
// with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm). A test skips
// only when the tool it needs is not installed.
#include "adapters/documents/pdf_renderer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

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

}  // namespace
}  // namespace doithoai
