// Tests for RenderDocx: unzips the result with libzip and checks the package
// parts and the Decree 30 layout (FMT-01..05, §3.2, FMT-20/21/24/31/41), QR
// pictures and multi-document output (one section per document).
#include "adapters/documents/docx_renderer.h"

#include <expat.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

#include "core/documents/seed_plan_fixture.h"

namespace doithoai {
namespace {

// Reads every entry of the zip in `bytes`; fails the test if it is not a zip.
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  EXPECT_NE(src, nullptr);
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(src);
    ADD_FAILURE() << "not a valid zip";
    return parts;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    EXPECT_EQ(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st), 0);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    EXPECT_NE(file, nullptr);
    std::string content(static_cast<std::size_t>(st.size), '\0');
    EXPECT_EQ(zip_fread(file, content.data(), st.size), static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
    parts[st.name] = std::move(content);
  }
  zip_discard(archive);  // also frees src
  return parts;
}

// The <w:r>…</w:r> whose text contains `text` (first occurrence).
std::string RunContaining(const std::string& xml, const std::string& text) {
  std::size_t at = xml.find(text);
  if (at == std::string::npos) {
    return "";
  }
  std::size_t start = xml.rfind("<w:r>", at);
  std::size_t end = xml.find("</w:r>", at);
  return xml.substr(start, end - start);
}

// The <w:p>…</w:p> containing `text` (first occurrence).
std::string ParagraphContaining(const std::string& xml, const std::string& text) {
  std::size_t at = xml.find(text);
  if (at == std::string::npos) {
    return "";
  }
  std::size_t start = xml.rfind("<w:p>", at);
  std::size_t end = xml.find("</w:p>", at);
  return xml.substr(start, end - start);
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// True when `xml` is well-formed with every prefix bound (namespace-aware expat).
bool WellFormed(const std::string& xml) {
  XML_Parser parser = XML_ParserCreateNS("UTF-8", '|');
  const bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!ok) {
    ADD_FAILURE() << XML_ErrorString(XML_GetErrorCode(parser)) << " at line "
                  << XML_GetCurrentLineNumber(parser) << " column "
                  << XML_GetCurrentColumnNumber(parser);
  }
  XML_ParserFree(parser);
  return ok;
}

class SeedDocxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::string> bytes = RenderDocx(SeedPlanDocument());
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    ASSERT_GT(bytes->size(), 4u);
    EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
    parts_ = Unzip(*bytes);
    xml_ = parts_["word/document.xml"];
  }
  std::map<std::string, std::string> parts_;
  std::string xml_;
};

TEST_F(SeedDocxTest, HasRequiredParts) {
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                           "word/document.xml", "word/styles.xml", "word/settings.xml",
                           "word/header1.xml", "word/header2.xml", "docProps/core.xml"}) {
    EXPECT_TRUE(parts_.contains(name)) << name;
  }
  EXPECT_NE(parts_["[Content_Types].xml"].find("document.main+xml"), std::string::npos);
  EXPECT_NE(parts_["_rels/.rels"].find("Target=\"word/document.xml\""), std::string::npos);
  EXPECT_NE(parts_["docProps/core.xml"].find("<dc:title>KẾ HOẠCH</dc:title>"), std::string::npos);
}

TEST_F(SeedDocxTest, PageIsA4WithFmt02Margins) {
  // FMT-01 A4 portrait; FMT-02 top/bottom 20 mm, left 30 mm, right 15 mm.
  EXPECT_NE(xml_.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(xml_.find("<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            std::string::npos);
  // FMT-04: page numbers in the header, none on page 1.
  EXPECT_NE(xml_.find("<w:titlePg/>"), std::string::npos);
  EXPECT_NE(parts_["word/header1.xml"].find(" PAGE "), std::string::npos);
  EXPECT_EQ(parts_["word/header2.xml"].find("PAGE"), std::string::npos);
}

TEST_F(SeedDocxTest, DefaultFontIsTimesNewRoman14) {
  // FMT-03 Times New Roman for all scripts; FMT-05 body 14 pt.
  const std::string& styles = parts_["word/styles.xml"];
  EXPECT_NE(styles.find("w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
                        "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\""),
            std::string::npos);
  EXPECT_NE(styles.find("<w:sz w:val=\"28\"/>"), std::string::npos);
}

TEST_F(SeedDocxTest, HeaderBlockFollowsSection32) {
  const std::string parent = RunContaining(xml_, "UBND HUYỆN HOẰNG HÓA");
  EXPECT_EQ(parent.find("<w:b/>"), std::string::npos);  // ô 2 parent: not bold
  EXPECT_NE(parent.find("<w:sz w:val=\"26\"/>"), std::string::npos);
  // FMT-11: "ỦY BAN NHÂN DÂN" / "XÃ HOẰNG TRƯỜNG", bold.
  const std::string issuer = RunContaining(xml_, "ỦY BAN NHÂN DÂN</w:t><w:br/>");
  EXPECT_NE(issuer.find("XÃ HOẰNG TRƯỜNG"), std::string::npos);
  EXPECT_NE(issuer.find("<w:b/>"), std::string::npos);
  const std::string quoc_hieu = RunContaining(xml_, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_NE(quoc_hieu.find("<w:b/>"), std::string::npos);
  EXPECT_NE(quoc_hieu.find("<w:sz w:val=\"24\"/>"), std::string::npos);
  const std::string tieu_ngu = RunContaining(xml_, "Độc lập - Tự do - Hạnh phúc");
  EXPECT_NE(tieu_ngu.find("<w:b/>"), std::string::npos);
  EXPECT_NE(tieu_ngu.find("<w:sz w:val=\"26\"/>"), std::string::npos);
  const std::string number = RunContaining(xml_, "Số: 05/KH-UBND");
  EXPECT_EQ(number.find("<w:b/>"), std::string::npos);
  EXPECT_NE(number.find("<w:sz w:val=\"26\"/>"), std::string::npos);
  const std::string date = RunContaining(xml_, "Hoằng Trường, ngày 08 tháng 12 năm 2023");
  EXPECT_NE(date.find("<w:i/>"), std::string::npos);
  EXPECT_EQ(date.find("<w:b/>"), std::string::npos);
  // Rules under the issuer, the Tiêu ngữ and the trích yếu.
  std::size_t rules = 0;
  for (std::size_t at = xml_.find("<w:pBdr>"); at != std::string::npos;
       at = xml_.find("<w:pBdr>", at + 1)) {
    ++rules;
  }
  EXPECT_EQ(rules, 3u);
  // The header is a borderless table.
  EXPECT_NE(xml_.find("<w:top w:val=\"nil\""), std::string::npos);
}

TEST_F(SeedDocxTest, TitleAndSubjectCentredBold14) {
  // FMT-20, FMT-21.
  const std::string title = ParagraphContaining(xml_, ">KẾ HOẠCH<");
  EXPECT_NE(title.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(title.find("<w:b/>"), std::string::npos);
  EXPECT_NE(title.find("<w:sz w:val=\"28\"/>"), std::string::npos);
  const std::string subject =
      ParagraphContaining(xml_, "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023");
  EXPECT_NE(subject.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(subject.find("<w:b/>"), std::string::npos);
}

TEST_F(SeedDocxTest, BodyJustifiedWithIndentAndNumbering) {
  // FMT-05: justified, first line 1 cm, ≥ 6 pt after.
  const std::string body = ParagraphContaining(xml_, "Nguồn kinh phí được cân đối");
  EXPECT_NE(body.find("<w:jc w:val=\"both\"/>"), std::string::npos);
  EXPECT_NE(body.find("w:firstLine=\"567\""), std::string::npos);
  EXPECT_NE(body.find("w:after=\"120\""), std::string::npos);
  EXPECT_EQ(RunContaining(xml_, "Nguồn kinh phí").find("<w:b/>"), std::string::npos);
  // FMT-24: computed numbers, titles bold.
  EXPECT_NE(RunContaining(xml_, "I. MỤC ĐÍCH, YÊU CẦU").find("<w:b/>"), std::string::npos);
  EXPECT_NE(xml_.find(">V. TỔ CHỨC THỰC HIỆN<"), std::string::npos);
  EXPECT_NE(RunContaining(xml_, ">1. Nguyên tắc tiếp xúc").find("<w:b/>"), std::string::npos);
  // Run-in text after a khoản title is not bold.
  EXPECT_EQ(RunContaining(xml_, " Có trách nhiệm đảm bảo").find("<w:b/>"), std::string::npos);
  EXPECT_NE(xml_.find(">- Tiếp tục đẩy mạnh phát huy dân chủ"), std::string::npos);
  // Quotes in the seed text are escaped.
  EXPECT_NE(xml_.find("&quot;nghe dân nói – nói dân hiểu – làm dân tin&quot;"), std::string::npos);
}

TEST_F(SeedDocxTest, NoiNhanAndSignatureFollowFmt41And31) {
  const std::string label = RunContaining(xml_, ">Nơi nhận:<");
  EXPECT_NE(label.find("<w:b/>"), std::string::npos);
  EXPECT_NE(label.find("<w:i/>"), std::string::npos);
  EXPECT_NE(label.find("<w:sz w:val=\"24\"/>"), std::string::npos);
  for (const char* line : {"- UBND huyện (b/c);", "- TV ĐU – TT HĐND xã (b/c);", "- Lưu: VT."}) {
    const std::string run = RunContaining(xml_, line);
    EXPECT_NE(run.find("<w:sz w:val=\"22\"/>"), std::string::npos) << line;
    EXPECT_EQ(run.find("<w:b/>"), std::string::npos) << line;
    EXPECT_EQ(run.find("<w:i/>"), std::string::npos) << line;
  }
  for (const char* line : {">TM. ỦY BAN NHÂN DÂN<", ">CHỦ TỊCH<", ">Lê Thanh Cảnh<"}) {
    const std::string run = RunContaining(xml_, line);
    EXPECT_NE(run.find("<w:b/>"), std::string::npos) << line;
    EXPECT_NE(run.find("<w:sz w:val=\"28\"/>"), std::string::npos) << line;
    EXPECT_NE(ParagraphContaining(xml_, line).find("<w:jc w:val=\"center\"/>"), std::string::npos);
  }
  // Nơi nhận comes before the signature name (left cell, then right cell).
  EXPECT_LT(xml_.find("Nơi nhận:"), xml_.find("Lê Thanh Cảnh"));
}

TEST(DocxRendererTest, EscapesXmlSpecialCharacters) {
  Document doc = SeedPlanDocument();
  doc.subject = "Về việc A & B <khẩn> \"x\" 'y'";
  doc.body.push_back(Paragraph{"1 < 2 && 3 > 2"});
  doc.body.push_back(Table{{"STT", "Nội dung"}, {{"1", "Ý kiến <b>"}}, {1, 5}});
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok());
  std::map<std::string, std::string> parts = Unzip(*bytes);
  const std::string& xml = parts["word/document.xml"];
  EXPECT_NE(xml.find("Về việc A &amp; B &lt;khẩn&gt; &quot;x&quot; &apos;y&apos;"),
            std::string::npos);
  EXPECT_NE(xml.find("1 &lt; 2 &amp;&amp; 3 &gt; 2"), std::string::npos);
  EXPECT_NE(xml.find("Ý kiến &lt;b&gt;"), std::string::npos);
  EXPECT_EQ(xml.find("<khẩn>"), std::string::npos);
  EXPECT_NE(parts["docProps/core.xml"].find("A &amp; B"), std::string::npos);
  // Relative widths 1:5 over the 9355-twip text width; header row repeats.
  EXPECT_NE(xml.find("<w:gridCol w:w=\"1559\"/><w:gridCol w:w=\"7795\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<w:tblHeader/>"), std::string::npos);
}

TEST(DocxRendererTest, AuthorityLinesAndNoPlaceDate) {
  Document doc = SeedPlanDocument();
  doc.header.place_date.clear();  // Mẫu 1.9 style
  doc.signature = {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn B"};
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok());
  const std::string xml = Unzip(*bytes)["word/document.xml"];
  EXPECT_EQ(xml.find("Hoằng Trường, ngày"), std::string::npos);
  EXPECT_LT(xml.find(">TM. ỦY BAN NHÂN DÂN<"), xml.find(">KT. CHỦ TỊCH<"));
  EXPECT_LT(xml.find(">KT. CHỦ TỊCH<"), xml.find(">PHÓ CHỦ TỊCH<"));
}

TEST(DocxRendererTest, OutputIsReproducible) {
  Result<std::string> first = RenderDocx(SeedPlanDocument());
  Result<std::string> second = RenderDocx(SeedPlanDocument());
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
}

TEST(DocxRendererTest, RejectsInvalidDocuments) {
  Document doc = SeedPlanDocument();
  doc.signature.signer_name.clear();
  Result<std::string> missing = RenderDocx(doc);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidArgument);

  doc = SeedPlanDocument();
  doc.subject = "bad \xC3\x28 utf8";
  Result<std::string> bad = RenderDocx(doc);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST(DocxRendererTest, DropsControlCharacters) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(
      Paragraph{"a\x01"
                "b\tc"});
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok());
  const std::string xml = Unzip(*bytes)["word/document.xml"];
  EXPECT_NE(xml.find(">ab</w:t><w:tab/><w:t xml:space=\"preserve\">c<"), std::string::npos);
}

// The seed plan with a check-in QR code appended after the body.
Document WithQr(std::string payload, int size_mm, std::string caption) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(QrCode{std::move(payload), size_mm, std::move(caption)});
  return doc;
}

TEST(DocxRendererTest, QrCodeBecomesCentredInlinePicture) {
  Result<std::string> bytes =
      RenderDocx(WithQr("https://hoangtruong.gov.vn/hoi-nghi/2023", 30, "Quét mã để điểm danh"));
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  std::map<std::string, std::string> parts = Unzip(*bytes);
  ASSERT_TRUE(parts.contains("word/media/image1.png"));
  EXPECT_TRUE(parts["word/media/image1.png"].starts_with("\x89PNG\r\n\x1a\n"));
  EXPECT_FALSE(parts.contains("word/media/image2.png"));
  EXPECT_NE(
      parts["[Content_Types].xml"].find("<Default Extension=\"png\" ContentType=\"image/png\"/>"),
      std::string::npos);
  const std::string& rels = parts["word/_rels/document.xml.rels"];
  EXPECT_NE(rels.find("<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/"
                      "officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>"),
            std::string::npos)
      << rels;
  const std::string& xml = parts["word/document.xml"];
  EXPECT_TRUE(WellFormed(xml));
  EXPECT_TRUE(WellFormed(rels));
  EXPECT_TRUE(WellFormed(parts["[Content_Types].xml"]));
  // 30 mm × 36000 EMU/mm = 1080000 EMU, square.
  const std::string picture = ParagraphContaining(xml, "<w:drawing>");
  ASSERT_FALSE(picture.empty());
  EXPECT_NE(picture.find("<wp:inline"), std::string::npos);
  EXPECT_NE(picture.find("<wp:extent cx=\"1080000\" cy=\"1080000\"/>"), std::string::npos);
  EXPECT_NE(picture.find("<a:ext cx=\"1080000\" cy=\"1080000\"/>"), std::string::npos);
  EXPECT_NE(picture.find("<a:graphic "), std::string::npos);
  EXPECT_NE(picture.find("<pic:pic "), std::string::npos);
  EXPECT_NE(picture.find("<a:blip r:embed=\"rId5\"/>"), std::string::npos);
  EXPECT_NE(picture.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  // The caption: its own centred paragraph in 11 pt, after the picture and
  // before the signature block.
  const std::string caption = ParagraphContaining(xml, ">Quét mã để điểm danh<");
  EXPECT_NE(caption.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(RunContaining(xml, ">Quét mã để điểm danh<").find("<w:sz w:val=\"22\"/>"),
            std::string::npos);
  EXPECT_LT(xml.find("<w:drawing>"), xml.find(">Quét mã để điểm danh<"));
  EXPECT_LT(xml.find(">Quét mã để điểm danh<"), xml.find("Nơi nhận:"));
}

TEST(DocxRendererTest, QrWithoutCaptionAndSeveralQrCodes) {
  Document doc = WithQr("https://a.vn/1", 25, "");
  doc.body.push_back(QrCode{"https://a.vn/2", 40, "Mã thứ hai"});
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  std::map<std::string, std::string> parts = Unzip(*bytes);
  EXPECT_TRUE(parts.contains("word/media/image1.png"));
  EXPECT_TRUE(parts.contains("word/media/image2.png"));
  EXPECT_NE(parts["word/_rels/document.xml.rels"].find("Id=\"rId6\""), std::string::npos);
  EXPECT_EQ(Count(parts["[Content_Types].xml"], "Extension=\"png\""), 1u);
  const std::string& xml = parts["word/document.xml"];
  EXPECT_EQ(Count(xml, "<wp:inline"), 2u);
  EXPECT_NE(xml.find("<wp:extent cx=\"900000\" cy=\"900000\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<wp:extent cx=\"1440000\" cy=\"1440000\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<wp:docPr id=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<wp:docPr id=\"2\""), std::string::npos);
  EXPECT_LT(xml.find("r:embed=\"rId5\""), xml.find("r:embed=\"rId6\""));
  EXPECT_NE(xml.find(">Mã thứ hai<"), std::string::npos);
  // Different payloads give different pictures.
  EXPECT_NE(parts["word/media/image1.png"], parts["word/media/image2.png"]);
}

TEST(DocxRendererTest, DocumentWithoutQrHasNoMedia) {
  Result<std::string> bytes = RenderDocx(SeedPlanDocument());
  ASSERT_TRUE(bytes.ok());
  std::map<std::string, std::string> parts = Unzip(*bytes);
  for (const auto& [name, content] : parts) {
    EXPECT_FALSE(name.starts_with("word/media/")) << name;
  }
  EXPECT_EQ(parts["[Content_Types].xml"].find("png"), std::string::npos);
  EXPECT_EQ(parts["word/document.xml"].find("<w:drawing>"), std::string::npos);
  EXPECT_TRUE(WellFormed(parts["word/document.xml"]));
}

TEST(DocxRendererTest, RejectsUnencodableQrCodes) {
  for (const Document& doc : {WithQr("", 25, "x"), WithQr(std::string(3000, 'x'), 25, ""),
                              WithQr("https://a.vn", 0, ""), WithQr("https://a.vn", 500, "")}) {
    Result<std::string> bytes = RenderDocx(doc);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.error().code, ErrorCode::kInvalidArgument);
  }
}

// Three invitations to different people; the rest is the seed plan.
std::vector<Document> ThreeInvitations() {
  std::vector<Document> docs;
  for (const char* name : {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}) {
    Document doc = SeedPlanDocument();
    doc.title = "GIẤY MỜI";
    doc.subject = std::string("Kính mời ông (bà) ") + name;
    doc.body.push_back(QrCode{std::string("https://hoangtruong.gov.vn/moi/") + name, 25,
                              std::string("Điểm danh: ") + name});
    docs.push_back(std::move(doc));
  }
  return docs;
}

TEST(DocxRendererTest, SeveralDocumentsOneSectionEach) {
  Result<std::string> bytes = RenderDocx(ThreeInvitations());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  std::map<std::string, std::string> parts = Unzip(*bytes);
  const std::string& xml = parts["word/document.xml"];
  EXPECT_TRUE(WellFormed(xml));
  // One section per document: two section breaks in paragraph properties,
  // the last sectPr closes the body. Each restarts numbering at 1 and hides
  // the number on its first page (FMT-04); each starts a new page.
  EXPECT_EQ(Count(xml, "<w:sectPr>"), 3u);
  EXPECT_EQ(Count(xml, "<w:pPr><w:sectPr>"), 2u);
  EXPECT_EQ(Count(xml, "<w:pgNumType w:start=\"1\"/>"), 3u);
  EXPECT_EQ(Count(xml, "<w:titlePg/>"), 3u);
  EXPECT_EQ(Count(xml, "<w:type w:val=\"nextPage\"/>"), 3u);
  EXPECT_NE(xml.find("</w:sectPr></w:body>"), std::string::npos);
  // Documents in order, each section break between two of them.
  const std::size_t an = xml.find("Kính mời ông (bà) Nguyễn Văn An");
  const std::size_t binh = xml.find("Kính mời ông (bà) Trần Thị Bình");
  const std::size_t cuong = xml.find("Kính mời ông (bà) Lê Văn Cường");
  ASSERT_NE(an, std::string::npos);
  ASSERT_NE(binh, std::string::npos);
  ASSERT_NE(cuong, std::string::npos);
  const std::size_t break1 = xml.find("<w:pPr><w:sectPr>");
  const std::size_t break2 = xml.find("<w:pPr><w:sectPr>", break1 + 1);
  EXPECT_LT(an, break1);
  EXPECT_LT(break1, binh);
  EXPECT_LT(binh, break2);
  EXPECT_LT(break2, cuong);
  EXPECT_EQ(Count(xml, ">KẾ HOẠCH<"), 0u);
  EXPECT_EQ(Count(xml, ">GIẤY MỜI<"), 3u);
  EXPECT_EQ(Count(xml, ">Nơi nhận:<"), 3u);
  // One picture per invitation, numbered across the package.
  for (const char* media :
       {"word/media/image1.png", "word/media/image2.png", "word/media/image3.png"}) {
    EXPECT_TRUE(parts.contains(media)) << media;
  }
  EXPECT_NE(xml.find("<wp:docPr id=\"3\""), std::string::npos);
  EXPECT_NE(parts["word/_rels/document.xml.rels"].find("Id=\"rId7\""), std::string::npos);
  // Core properties come from the first document.
  EXPECT_NE(parts["docProps/core.xml"].find("<dc:title>GIẤY MỜI</dc:title>"), std::string::npos);
}

TEST(DocxRendererTest, SingleDocumentEqualsVectorOfOne) {
  Result<std::string> single = RenderDocx(SeedPlanDocument());
  Result<std::string> vector = RenderDocx(std::vector<Document>{SeedPlanDocument()});
  ASSERT_TRUE(single.ok());
  ASSERT_TRUE(vector.ok());
  EXPECT_EQ(*single, *vector);
  const std::string xml = Unzip(*single)["word/document.xml"];
  EXPECT_EQ(Count(xml, "<w:sectPr>"), 1u);
  EXPECT_EQ(Count(xml, "<w:pPr><w:sectPr>"), 0u);
}

TEST(DocxRendererTest, RejectsEmptyListAndAnyInvalidDocument) {
  Result<std::string> empty = RenderDocx(std::vector<Document>{});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(empty.error().message.empty());

  std::vector<Document> docs = ThreeInvitations();
  docs[2].recipients.clear();
  Result<std::string> invalid = RenderDocx(docs);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  ASSERT_FALSE(invalid.error().fields.empty());
  EXPECT_EQ(invalid.error().fields[0].field, "recipients");

  docs = ThreeInvitations();
  docs[1].subject = "bad \xC3\x28 utf8";
  EXPECT_FALSE(RenderDocx(docs).ok());
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

// Width and height of a PNG from its IHDR chunk.
std::pair<int, int> PngSize(const std::string& png) {
  auto be32 = [&png](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  return png.size() >= 24 ? std::pair<int, int>{be32(16), be32(20)} : std::pair<int, int>{0, 0};
}

TEST(DocxRendererTest, ChartIsPngPictureWithSvgBlip) {
  Document doc = SeedPlanDocument();
  doc.body.push_back(FieldChart(150, 70));
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  std::map<std::string, std::string> parts = Unzip(*bytes);
  // The PNG fallback at 200 dpi (150 mm → 1181 px, 70 mm → 551 px) and the SVG.
  ASSERT_TRUE(parts.contains("word/media/image1.png"));
  ASSERT_TRUE(parts.contains("word/media/image2.svg"));
  EXPECT_TRUE(parts["word/media/image1.png"].starts_with("\x89PNG\r\n\x1a\n"));
  EXPECT_EQ(PngSize(parts["word/media/image1.png"]), (std::pair<int, int>{1181, 551}));
  EXPECT_NE(parts["word/media/image2.svg"].find("<svg"), std::string::npos);
  const std::string& types = parts["[Content_Types].xml"];
  EXPECT_NE(types.find("<Default Extension=\"png\" ContentType=\"image/png\"/>"),
            std::string::npos);
  EXPECT_NE(types.find("<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"),
            std::string::npos);
  const std::string& rels = parts["word/_rels/document.xml.rels"];
  const std::string image_rel =
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\"";
  EXPECT_NE(rels.find("<Relationship Id=\"rId5\" " + image_rel + " Target=\"media/image1.png\"/>"),
            std::string::npos)
      << rels;
  EXPECT_NE(rels.find("<Relationship Id=\"rId6\" " + image_rel + " Target=\"media/image2.svg\"/>"),
            std::string::npos)
      << rels;
  const std::string& xml = parts["word/document.xml"];
  EXPECT_TRUE(WellFormed(xml));
  EXPECT_TRUE(WellFormed(types));
  EXPECT_TRUE(WellFormed(rels));
  // Centred inline picture, 150 × 70 mm = 5400000 × 2520000 EMU; the PNG is
  // the blip, the SVG its Office 2016 svgBlip extension.
  const std::string picture = ParagraphContaining(xml, "<w:drawing>");
  ASSERT_FALSE(picture.empty());
  EXPECT_NE(picture.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(picture.find("<wp:extent cx=\"5400000\" cy=\"2520000\"/>"), std::string::npos);
  EXPECT_NE(picture.find("<a:ext cx=\"5400000\" cy=\"2520000\"/>"), std::string::npos);
  EXPECT_NE(picture.find("descr=\"Ý kiến, kiến nghị theo lĩnh vực\""), std::string::npos);
  EXPECT_NE(picture.find("<a:blip r:embed=\"rId5\"><a:extLst><a:ext "
                         "uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip "
                         "xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/"
                         "main\" r:embed=\"rId6\"/></a:ext></a:extLst></a:blip>"),
            std::string::npos)
      << picture;
  EXPECT_LT(xml.find("<w:drawing>"), xml.find("Nơi nhận:"));
}

TEST(DocxRendererTest, ChartAfterQrAndOversizedChartIsCapped) {
  Document doc = WithQr("https://hoangtruong.gov.vn/hoi-nghi/2023", 30, "");
  doc.body.push_back(FieldChart(400, 60));  // wider than the 165 mm text width
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  std::map<std::string, std::string> parts = Unzip(*bytes);
  EXPECT_TRUE(parts.contains("word/media/image1.png"));  // the QR code
  EXPECT_TRUE(parts.contains("word/media/image2.png"));  // the chart and its SVG
  EXPECT_TRUE(parts.contains("word/media/image3.svg"));
  const std::string& xml = parts["word/document.xml"];
  EXPECT_TRUE(WellFormed(xml));
  EXPECT_NE(xml.find("<a:blip r:embed=\"rId5\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<a:blip r:embed=\"rId6\"><a:extLst>"), std::string::npos);
  EXPECT_NE(xml.find("r:embed=\"rId7\"/></a:ext>"), std::string::npos);
  // 165 mm × 36000 = 5940000 EMU; the height is kept.
  EXPECT_NE(xml.find("<wp:extent cx=\"5940000\" cy=\"2160000\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<wp:docPr id=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<wp:docPr id=\"2\""), std::string::npos);
}

TEST(DocxRendererTest, RejectsChartWithInvalidUtf8) {
  Document doc = SeedPlanDocument();
  Chart chart = FieldChart(150, 70);
  chart.labels[1] = "bad \xC3\x28 utf8";
  doc.body.push_back(chart);
  Result<std::string> bytes = RenderDocx(doc);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code, ErrorCode::kInvalidArgument);
}

// Mẫu 1.9: a Biên bản, with no place-date line (ô 4), THƯ KÝ on the left and
// CHỦ TỌA on the right.
Document Minutes() {
  Document doc = SeedPlanDocument();
  doc.header.number = "Số: 07/BB-UBND";
  doc.header.place_date.clear();
  doc.title = "BIÊN BẢN";
  doc.subject = "Hội nghị đối thoại với Nhân dân năm 2023";
  doc.left_signature = SignatureBlock{"", "THƯ KÝ", "Trần Thị Thư"};
  doc.signature = {"", "CHỦ TỌA", "Lê Thanh Cảnh"};
  doc.recipients = {"- UBND huyện (b/c);", "- Lưu: VT, Hồ sơ."};
  return doc;
}

// The <w:tbl>…</w:tbl> around `at` (tables here are not nested).
std::string TableAround(const std::string& xml, std::size_t at) {
  const std::size_t start = xml.rfind("<w:tbl>", at);
  const std::size_t end = xml.find("</w:tbl>", at);
  if (start == std::string::npos || end == std::string::npos) {
    return "";
  }
  return xml.substr(start, end - start);
}

// The `index`-th <w:tc>…</w:tc> of `table`.
std::string Cell(const std::string& table, int index) {
  std::size_t start = table.find("<w:tc>");
  for (int i = 0; i < index && start != std::string::npos; ++i) {
    start = table.find("<w:tc>", start + 1);
  }
  if (start == std::string::npos) {
    return "";
  }
  return table.substr(start, table.find("</w:tc>", start) - start);
}

TEST(DocxRendererTest, LeftSignatureSecretaryLeftChairRight) {
  Result<std::string> bytes = RenderDocx(Minutes());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  const std::string xml = Unzip(*bytes)["word/document.xml"];
  EXPECT_TRUE(WellFormed(xml));
  const std::size_t secretary = xml.find(">THƯ KÝ<");
  const std::size_t chair = xml.find(">CHỦ TỌA<");
  ASSERT_NE(secretary, std::string::npos);
  ASSERT_NE(chair, std::string::npos);
  EXPECT_LT(secretary, chair);
  // One borderless table of two equal columns holds both signatures.
  const std::string table = TableAround(xml, secretary);
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table, TableAround(xml, chair));
  EXPECT_NE(table.find("<w:gridCol w:w=\"4677\"/><w:gridCol w:w=\"4678\"/>"), std::string::npos);
  EXPECT_NE(table.find("<w:insideV w:val=\"nil\""), std::string::npos);
  EXPECT_EQ(Count(table, "<w:tc>"), 2u);
  // Left cell: THƯ KÝ, the secretary's name, then Nơi nhận (FMT-41) and the list.
  const std::string left = Cell(table, 0);
  EXPECT_NE(left.find(">THƯ KÝ<"), std::string::npos);
  EXPECT_LT(left.find(">THƯ KÝ<"), left.find(">Trần Thị Thư<"));
  EXPECT_LT(left.find(">Trần Thị Thư<"), left.find(">Nơi nhận:<"));
  EXPECT_LT(left.find(">Nơi nhận:<"), left.find(">- Lưu: VT, Hồ sơ.<"));
  EXPECT_EQ(left.find("CHỦ TỌA"), std::string::npos);
  const std::string label = RunContaining(left, ">Nơi nhận:<");
  EXPECT_NE(label.find("<w:b/>"), std::string::npos);
  EXPECT_NE(label.find("<w:i/>"), std::string::npos);
  EXPECT_NE(label.find("<w:sz w:val=\"24\"/>"), std::string::npos);
  EXPECT_NE(RunContaining(left, ">- UBND huyện (b/c);<").find("<w:sz w:val=\"22\"/>"),
            std::string::npos);
  // FMT-31 on both sides: bold, 14 pt, centred.
  for (const char* line : {">THƯ KÝ<", ">Trần Thị Thư<", ">CHỦ TỌA<", ">Lê Thanh Cảnh<"}) {
    const std::string run = RunContaining(xml, line);
    EXPECT_NE(run.find("<w:b/>"), std::string::npos) << line;
    EXPECT_NE(run.find("<w:sz w:val=\"28\"/>"), std::string::npos) << line;
    EXPECT_NE(ParagraphContaining(xml, line).find("<w:jc w:val=\"center\"/>"), std::string::npos)
        << line;
  }
  // Right cell: the chair only.
  const std::string right = Cell(table, 1);
  EXPECT_NE(right.find(">CHỦ TỌA<"), std::string::npos);
  EXPECT_NE(right.find(">Lê Thanh Cảnh<"), std::string::npos);
  EXPECT_EQ(right.find("Nơi nhận"), std::string::npos);
  EXPECT_EQ(Count(xml, "Nơi nhận:"), 1u);
  // Mẫu 1.9: no ô 4 line; the header's second row has an empty right cell.
  EXPECT_EQ(xml.find("Hoằng Trường, ngày"), std::string::npos);
  const std::string header = TableAround(xml, xml.find("Số: 07/BB-UBND"));
  EXPECT_EQ(Cell(header, 3), "<w:tc><w:tcPr><w:tcW w:w=\"5670\" w:type=\"dxa\"/></w:tcPr><w:p/>");
}

TEST(DocxRendererTest, WithoutLeftSignatureKeepsNoiNhanLeftOfSigner) {
  Result<std::string> bytes = RenderDocx(SeedPlanDocument());
  ASSERT_TRUE(bytes.ok());
  const std::string xml = Unzip(*bytes)["word/document.xml"];
  const std::string table = TableAround(xml, xml.find(">Nơi nhận:<"));
  EXPECT_NE(table.find("<w:gridCol w:w=\"4253\"/><w:gridCol w:w=\"5102\"/>"), std::string::npos);
  EXPECT_NE(Cell(table, 0).find(">Nơi nhận:<"), std::string::npos);
  EXPECT_NE(Cell(table, 1).find(">Lê Thanh Cảnh<"), std::string::npos);
  EXPECT_EQ(Cell(table, 1).find("Nơi nhận"), std::string::npos);
}

}  // namespace
}  // namespace doithoai
