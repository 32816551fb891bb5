// Writes WordprocessingML for a Decree 30 document and packs the parts into a
// .docx with libzip, all in memory. Units: twips (1/20 pt; 1 mm ≈ 56.7) for
// lengths, half-points (w:sz) for font sizes.
#include "adapters/documents/docx_renderer.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/vietnamese.h"

namespace doithoai {
namespace {

// FMT-01: A4 portrait. FMT-02: the minimum of each margin range
// (top 20 mm, bottom 20 mm, left 30 mm, right 15 mm).
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMarginTop = 1134;
constexpr int kMarginBottom = 1134;
constexpr int kMarginLeft = 1701;
constexpr int kMarginRight = 850;
constexpr int kHeaderDistance = 567;  // FMT-04: page number sits in the top margin
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 9355
// §3.2 header columns (ô 2–3 | ô 1, 4) and the §3.4/3.5 signature row.
constexpr int kHeaderLeft = 3685;
constexpr int kHeaderRight = kTextWidth - kHeaderLeft;
constexpr int kFooterLeft = 4253;
constexpr int kFooterRight = kTextWidth - kFooterLeft;
// Font sizes in half-points.
constexpr int kSizeBody = 28;                 // FMT-05: 14 pt
constexpr int kSizeQuocHieu = 24;             // §3.2: 12–13 → 12 pt (fits the right column)
constexpr int kSizeTieuNgu = 26;              // §3.2: 13–14 → 13 pt
constexpr int kSizeIssuer = 26;               // §3.2 ô 2: 12–13 → 13 pt
constexpr int kSizeNumber = 26;               // §3.2 ô 3: 13 pt
constexpr int kSizePlaceDate = 28;            // §3.2 ô 4: 13–14 → 14 pt
constexpr int kSizeTitle = 28;                // FMT-20/21: 14 pt
constexpr int kSizeSignature = 28;            // FMT-31: 14 pt
constexpr int kSizeNoiNhan = 24;              // FMT-41: 12 pt
constexpr int kSizeRecipients = 22;           // FMT-41: 11 pt
constexpr int kSizeTable = 26;                // table cells: 13 pt
constexpr int kSizePageNumber = 28;           // FMT-04: 14 pt
constexpr int kFirstLineIndent = 567;         // FMT-05: 1 cm
constexpr int kParagraphAfter = 120;          // FMT-05: ≥ 6 pt
constexpr int kLineSpacing = 288;             // FMT-05: single..1.5 → 1.2 lines
constexpr int kSignatureGapLines = 4;         // FMT-33: room for signature and seal
constexpr std::time_t kZipMtime = 315576000;  // 1980-01-01 12:00 UTC, DOS epoch

constexpr std::string_view kXmlDecl =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct RunStyle {
  int size = kSizeBody;
  bool bold = false;
  bool italic = false;
};

struct ParaStyle {
  std::string_view align = "both";  // FMT-05: justified
  int first_line = 0;
  int before = 0;
  int after = 0;
  int line = 240;  // auto line spacing, 240 = single
  int indent_left = 0;
  int indent_right = 0;
};

// Escapes XML text and attribute values; drops C0 controls XML 1.0 forbids.
void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out.push_back(c);
        }
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  AppendEscaped(out, text);
  return out;
}

// Rough rendered width of `text` in twips: code points × em × average advance
// (0.70 em for bold capitals, 0.45 em for mixed case). Used for rule lengths.
int EstimateWidth(std::string_view text, int half_points, bool capitals) {
  const auto points = std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  return static_cast<int>(points) * half_points * 10 * (capitals ? 70 : 45) / 100;
}

std::string RunXml(std::string_view text, const RunStyle& style) {
  std::string out = "<w:r><w:rPr>";
  if (style.bold) {
    out += "<w:b/><w:bCs/>";
  }
  if (style.italic) {
    out += "<w:i/><w:iCs/>";
  }
  out += "<w:sz w:val=\"" + std::to_string(style.size) + "\"/><w:szCs w:val=\"" +
         std::to_string(style.size) + "\"/></w:rPr>";
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\n\t", start);
    std::string_view piece = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!piece.empty()) {
      out += "<w:t xml:space=\"preserve\">" + Escaped(piece) + "</w:t>";
    }
    if (end == std::string_view::npos) {
      break;
    }
    out += text[end] == '\n' ? "<w:br/>" : "<w:tab/>";
    start = end + 1;
  }
  return out + "</w:r>";
}

std::string ParaXml(const ParaStyle& style, const std::string& runs, int mark_size = 0) {
  std::string out = "<w:p><w:pPr><w:spacing w:before=\"" + std::to_string(style.before) +
                    "\" w:after=\"" + std::to_string(style.after) + "\" w:line=\"" +
                    std::to_string(style.line) + "\" w:lineRule=\"auto\"/>";
  out += "<w:ind w:left=\"" + std::to_string(style.indent_left) + "\" w:right=\"" +
         std::to_string(style.indent_right) + "\" w:firstLine=\"" +
         std::to_string(style.first_line) + "\"/>";
  out += "<w:jc w:val=\"" + std::string(style.align) + "\"/>";
  if (mark_size > 0) {
    out += "<w:rPr><w:sz w:val=\"" + std::to_string(mark_size) + "\"/></w:rPr>";
  }
  return out + "</w:pPr>" + runs + "</w:p>";
}

std::string Centered(std::string_view text, const RunStyle& style) {
  return ParaXml({.align = "center"}, RunXml(text, style), style.size);
}

// A solid rule (§3.2, FMT-21) `width` twips long, centred in `container`: an
// empty 1-pt paragraph with a bottom border, narrowed by equal indents.
std::string RuleXml(int width, int container) {
  const int indent = std::max(0, (container - std::min(width, container)) / 2);
  return "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
         "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
         "w:lineRule=\"exact\"/><w:ind w:left=\"" +
         std::to_string(indent) + "\" w:right=\"" + std::to_string(indent) +
         "\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>";
}

// `cells[r][c]` holds the paragraphs of one cell. Borderless tables carry the
// header and signature blocks; bordered ones are body tables.
std::string TableXml(const std::vector<int>& widths,
                     const std::vector<std::vector<std::string>>& cells, bool borders,
                     bool header_row) {
  const std::string_view border = borders ? "single" : "nil";
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextWidth) +
                    "\" w:type=\"dxa\"/><w:tblBorders>";
  for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += "<w:" + std::string(side) + " w:val=\"" + std::string(border) +
           "\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"" +
         std::to_string(borders ? 85 : 0) + "\" w:type=\"dxa\"/><w:right w:w=\"" +
         std::to_string(borders ? 85 : 0) +
         "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) {
    out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  }
  out += "</w:tblGrid>";
  for (std::size_t r = 0; r < cells.size(); ++r) {
    out += (header_row && r == 0) ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) +
             "\" w:type=\"dxa\"/></w:tcPr>" + (cells[r][c].empty() ? "<w:p/>" : cells[r][c]) +
             "</w:tc>";
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

// FMT-11: "ỦY BAN NHÂN DÂN XÃ …" prints as two lines, the unit name below.
std::string IssuerLines(const std::string& issuer) {
  constexpr std::string_view kUbnd = "ỦY BAN NHÂN DÂN ";
  if (issuer.find('\n') == std::string::npos && issuer.starts_with(kUbnd) &&
      issuer.size() > kUbnd.size()) {
    return std::string(kUbnd.substr(0, kUbnd.size() - 1)) + "\n" + issuer.substr(kUbnd.size());
  }
  return issuer;
}

std::string HeaderBlock(const DocumentHeader& header) {
  // Left column (ô 2, ô 3): parent body upright, issuing body bold, rule, number.
  std::string left;
  if (!header.parent_body.empty()) {
    left += Centered(header.parent_body, {.size = kSizeIssuer});
  }
  left += Centered(IssuerLines(header.issuing_body), {.size = kSizeIssuer, .bold = true});
  const int issuer_width =
      std::min(EstimateWidth(header.issuing_body, kSizeIssuer, true), kHeaderLeft);
  left += RuleXml(issuer_width * 2 / 5, kHeaderLeft);  // 1/3–1/2 of the text
  // Right column (ô 1, ô 4): Quốc hiệu, Tiêu ngữ with a rule as long as itself.
  std::string right = Centered(kQuocHieu, {.size = kSizeQuocHieu, .bold = true});
  right += Centered(kTieuNgu, {.size = kSizeTieuNgu, .bold = true});
  right += RuleXml(EstimateWidth(kTieuNgu, kSizeTieuNgu, false), kHeaderRight);
  // Second row keeps ô 3 and ô 4 on the same line.
  const ParaStyle row2{.align = "center", .before = 120};
  std::string number = ParaXml(row2, RunXml(header.number, {.size = kSizeNumber}), kSizeNumber);
  std::string place =
      header.place_date.empty()
          ? "<w:p/>"
          : ParaXml(row2, RunXml(header.place_date, {.size = kSizePlaceDate, .italic = true}),
                    kSizePlaceDate);
  return TableXml({kHeaderLeft, kHeaderRight}, {{left, right}, {number, place}}, false, false);
}

std::string BodyTable(const Table& table) {
  std::vector<int> widths;
  for (double f : ColumnFractions(table)) {
    widths.push_back(static_cast<int>(kTextWidth * f));
  }
  std::vector<std::vector<std::string>> cells;
  auto add_row = [&cells](const std::vector<std::string>& row, bool bold) {
    std::vector<std::string> out;
    for (const std::string& text : row) {
      out.push_back(ParaXml({.align = bold ? "center" : "left"},
                            RunXml(text, {.size = kSizeTable, .bold = bold}), kSizeTable));
    }
    cells.push_back(std::move(out));
  };
  add_row(table.header, true);
  for (const auto& row : table.rows) {
    add_row(row, false);
  }
  return TableXml(widths, cells, true, true) + "<w:p/>";
}

std::string BodyXml(const std::vector<Block>& body) {
  const ParaStyle base{
      .first_line = kFirstLineIndent, .after = kParagraphAfter, .line = kLineSpacing};
  const std::vector<std::string> numbers = HeadingNumbers(body);
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Block& block = body[i];
    if (const auto* heading = std::get_if<Heading>(&block)) {
      // FMT-24: mục and khoản titles bold; điểm upright, same size as the body.
      const RunStyle title{.bold = heading->level <= 2};
      std::string runs = RunXml(numbers[i] + " " + heading->text, title);
      if (!heading->run_in.empty()) {
        runs += RunXml(" " + heading->run_in, {});
      }
      out += ParaXml(base, runs, kSizeBody);
    } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      ParaStyle style = base;
      style.first_line = paragraph->first_line_indent ? kFirstLineIndent : 0;
      out += ParaXml(
          style, RunXml(paragraph->text, {.bold = paragraph->bold, .italic = paragraph->italic}),
          kSizeBody);
    } else if (const auto* bullet = std::get_if<Bullet>(&block)) {
      out += ParaXml(base, RunXml("- " + bullet->text, {}), kSizeBody);
    } else if (const auto* table = std::get_if<Table>(&block)) {
      out += BodyTable(*table);
    }
  }
  return out;
}

std::string SignatureBlockXml(const Document& doc) {
  // FMT-41: "Nơi nhận:" 12 pt bold italic at the left margin, list 11 pt upright.
  const ParaStyle left_style{.align = "left", .before = 120};
  std::string left = ParaXml(
      left_style, RunXml(kNoiNhanLabel, {.size = kSizeNoiNhan, .bold = true, .italic = true}));
  for (const std::string& line : doc.recipients) {
    left += ParaXml({.align = "left"}, RunXml(line, {.size = kSizeRecipients}), kSizeRecipients);
  }
  // FMT-30/31: authority and position bold capitals, name bold, all centred.
  const RunStyle bold{.size = kSizeSignature, .bold = true};
  std::string right;
  std::string lines = doc.signature.authority;
  if (!doc.signature.position.empty()) {
    lines += (lines.empty() ? "" : "\n") + doc.signature.position;
  }
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t end = std::min(lines.find('\n', start), lines.size());
    right +=
        ParaXml({.align = "center", .before = start == 0 ? 120 : 0},
                RunXml(std::string_view(lines).substr(start, end - start), bold), kSizeSignature);
    start = end + 1;
  }
  for (int k = 0; k < kSignatureGapLines; ++k) {
    right += "<w:p/>";
  }
  right += Centered(doc.signature.signer_name, bold);
  return TableXml({kFooterLeft, kFooterRight}, {{left, right}}, false, false) + "<w:p/>";
}

std::string DocumentXml(const Document& doc) {
  std::string out(kXmlDecl);
  out += "<w:document xmlns:w=\"" + std::string(kNsW) + "\" xmlns:r=\"" + std::string(kNsR) +
         "\"><w:body>";
  out += HeaderBlock(doc.header);
  // FMT-20/21: type name and trích yếu centred, bold, 14 pt; rule under the summary.
  out += ParaXml({.align = "center", .before = 360},
                 RunXml(doc.title, {.size = kSizeTitle, .bold = true}), kSizeTitle);
  if (!doc.subject.empty()) {
    out += Centered(doc.subject, {.size = kSizeTitle, .bold = true});
    const int width = std::min(EstimateWidth(doc.subject, kSizeTitle, false), kTextWidth);
    out += RuleXml(width * 2 / 5, kTextWidth);
  }
  out += ParaXml({}, "");  // blank line before the body
  out += BodyXml(doc.body);
  out += SignatureBlockXml(doc);
  out +=
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
      "<w:headerReference w:type=\"first\" r:id=\"rId4\"/>";
  out += "<w:pgSz w:w=\"" + std::to_string(kPageWidth) + "\" w:h=\"" + std::to_string(kPageHeight) +
         "\"/>";
  out += "<w:pgMar w:top=\"" + std::to_string(kMarginTop) + "\" w:right=\"" +
         std::to_string(kMarginRight) + "\" w:bottom=\"" + std::to_string(kMarginBottom) +
         "\" w:left=\"" + std::to_string(kMarginLeft) + "\" w:header=\"" +
         std::to_string(kHeaderDistance) + "\" w:footer=\"" + std::to_string(kHeaderDistance) +
         "\" w:gutter=\"0\"/>";
  // FMT-04: no page number on page 1 (the "first" header is empty).
  return out + "<w:titlePg/></w:sectPr></w:body></w:document>";
}

// FMT-04: Arabic page number, 14 pt, centred in the top margin.
std::string PageNumberHeaderXml() {
  const std::string size = "<w:rPr><w:sz w:val=\"" + std::to_string(kSizePageNumber) +
                           "\"/><w:szCs w:val=\"" + std::to_string(kSizePageNumber) +
                           "\"/></w:rPr>";
  return std::string(kXmlDecl) + "<w:hdr xmlns:w=\"" + std::string(kNsW) +
         "\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r>" + size +
         "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + size +
         "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>" + size +
         "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + size + "<w:t>2</w:t></w:r><w:r>" +
         size + "<w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
}

// FMT-03: Times New Roman for every script; 14 pt body (FMT-05); Vietnamese.
std::string StylesXml() {
  return std::string(kXmlDecl) + "<w:styles xmlns:w=\"" + std::string(kNsW) +
         "\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
         "<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
         "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "</w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
         "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
         "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style></w:styles>";
}

std::string CorePropertiesXml(const Document& doc) {
  return std::string(kXmlDecl) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         Escaped(doc.title) + "</dc:title><dc:subject>" + Escaped(doc.subject) +
         "</dc:subject><dc:creator>" + Escaped(doc.header.issuing_body) +
         "</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>";
}

std::string RelationshipsXml(
    const std::vector<std::pair<std::string_view, std::string_view>>& targets) {
  std::string out = std::string(kXmlDecl) +
                    "<Relationships "
                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < targets.size(); ++i) {
    out += "<Relationship Id=\"rId" + std::to_string(i + 1) + "\" Type=\"" +
           std::string(targets[i].first) + "\" Target=\"" + std::string(targets[i].second) + "\"/>";
  }
  return out + "</Relationships>";
}

std::vector<std::pair<std::string, std::string>> Parts(const Document& doc) {
  constexpr std::string_view kOd =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::string types = std::string(kXmlDecl) +
                      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                      "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                      "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                      "ContentType=\"application/xml\"/>";
  for (auto [part, type] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"/word/document.xml", "document.main+xml"},
           {"/word/styles.xml", "styles+xml"},
           {"/word/settings.xml", "settings+xml"},
           {"/word/header1.xml", "header+xml"},
           {"/word/header2.xml", "header+xml"}}) {
    types += "<Override PartName=\"" + std::string(part) + "\" ContentType=\"" + std::string(kOd) +
             std::string(type) + "\"/>";
  }
  types +=
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
  const std::string rel = std::string(kNsR) + "/";
  const std::string settings =
      std::string(kXmlDecl) + "<w:settings xmlns:w=\"" + std::string(kNsW) +
      "\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
  return {
      {"[Content_Types].xml", types},
      {"_rels/.rels",
       RelationshipsXml({{rel + "officeDocument", "word/document.xml"},
                         {"http://schemas.openxmlformats.org/package/2006/relationships/"
                          "metadata/core-properties",
                          "docProps/core.xml"}})},
      {"word/_rels/document.xml.rels", RelationshipsXml({{rel + "styles", "styles.xml"},
                                                         {rel + "settings", "settings.xml"},
                                                         {rel + "header", "header1.xml"},
                                                         {rel + "header", "header2.xml"}})},
      {"word/document.xml", DocumentXml(doc)},
      {"word/styles.xml", StylesXml()},
      {"word/settings.xml", settings},
      {"word/header1.xml", PageNumberHeaderXml()},
      {"word/header2.xml",
       std::string(kXmlDecl) + "<w:hdr xmlns:w=\"" + std::string(kNsW) + "\"><w:p/></w:hdr>"},
      {"docProps/core.xml", CorePropertiesXml(doc)},
  };
}

struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct ArchiveDeleter {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

Error ZipError(std::string_view what, zip_error_t* error) {
  return MakeError(ErrorCode::kInternal, "Không tạo được tệp .docx (" + std::string(what) + ": " +
                                             zip_error_strerror(error) + ").");
}

// Packs `parts` (name, bytes) into a zip held in memory.
Result<std::string> Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceDeleter> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  if (buffer == nullptr) {
    Error e = ZipError("buffer", &error);
    zip_error_fini(&error);
    return e;
  }
  std::unique_ptr<zip_t, ArchiveDeleter> archive(
      zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
  if (archive == nullptr) {
    Error e = ZipError("open", &error);
    zip_error_fini(&error);
    return e;
  }
  zip_error_fini(&error);
  zip_source_keep(buffer.get());  // the archive now shares it; keep our reference
  for (const auto& [name, bytes] : parts) {
    zip_source_t* entry = zip_source_buffer(archive.get(), bytes.data(), bytes.size(), 0);
    if (entry == nullptr) {
      return ZipError(name, zip_get_error(archive.get()));
    }
    const zip_int64_t index = zip_file_add(archive.get(), name.c_str(), entry, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(entry);
      return ZipError(name, zip_get_error(archive.get()));
    }
    // A fixed timestamp keeps the output byte-for-byte reproducible.
    if (zip_file_set_mtime(archive.get(), static_cast<zip_uint64_t>(index), kZipMtime, 0) < 0) {
      return ZipError(name, zip_get_error(archive.get()));
    }
  }
  if (zip_close(archive.get()) < 0) {
    return ZipError("close", zip_get_error(archive.get()));
  }
  archive.release();  // zip_close freed it
  zip_source_t* src = buffer.get();
  if (zip_source_open(src) < 0) {
    return ZipError("read", zip_source_error(src));
  }
  std::string out;
  zip_int64_t size = -1;
  if (zip_source_seek(src, 0, SEEK_END) == 0) {
    size = zip_source_tell(src);
  }
  if (size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0) {
    out.resize(static_cast<std::size_t>(size));
    if (zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) != size) {
      size = -1;
    }
  }
  if (size < 0) {
    Error e = ZipError("read", zip_source_error(src));
    zip_source_close(src);
    return e;
  }
  zip_source_close(src);
  return out;
}

}  // namespace

Result<std::string> RenderDocx(const Document& doc) {
  RETURN_IF_ERROR(Validate(doc));
  if (!text::IsValidUtf8(PlainText(doc))) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Văn bản chứa ký tự không hợp lệ (không phải UTF-8).");
  }
  return Zip(Parts(doc));
}

}  // namespace doithoai
