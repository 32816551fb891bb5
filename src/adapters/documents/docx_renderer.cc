// Writes WordprocessingML for Decree 30 documents and packs it into a .docx
// (docx_parts.h: XML primitives, package, zip). Units: twips for lengths,
// half-points (w:sz) for font sizes.
#include "adapters/documents/docx_renderer.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/documents/chart_painter.h"
#include "adapters/documents/docx_parts.h"
#include "adapters/documents/qr_code.h"
#include "core/documents/chart.h"
#include "core/text/vietnamese.h"

namespace doithoai {
namespace {

using docx::Centered;
using docx::EstimateWidth;
using docx::kSizeBody;
using docx::kTextWidth;
using docx::ParaStyle;
using docx::ParaXml;
using docx::RuleXml;
using docx::RunStyle;
using docx::RunXml;
using docx::TableXml;

// §3.2 header columns (ô 2–3 | ô 1, 4) and the §3.4/3.5 signature row.
constexpr int kHeaderLeft = 3685;
constexpr int kHeaderRight = kTextWidth - kHeaderLeft;
constexpr int kFooterLeft = 4253;
constexpr int kFooterRight = kTextWidth - kFooterLeft;
// Font sizes in half-points.
constexpr int kSizeQuocHieu = 24;      // §3.2: 12–13 → 12 pt (fits the right column)
constexpr int kSizeTieuNgu = 26;       // §3.2: 13–14 → 13 pt
constexpr int kSizeIssuer = 26;        // §3.2 ô 2: 12–13 → 13 pt
constexpr int kSizeNumber = 26;        // §3.2 ô 3: 13 pt
constexpr int kSizePlaceDate = 28;     // §3.2 ô 4: 13–14 → 14 pt
constexpr int kSizeTitle = 28;         // FMT-20/21: 14 pt
constexpr int kSizeSignature = 28;     // FMT-31: 14 pt
constexpr int kSizeNoiNhan = 24;       // FMT-41: 12 pt
constexpr int kSizeRecipients = 22;    // FMT-41: 11 pt
constexpr int kSizeTable = 26;         // table cells: 13 pt
constexpr int kSizeQrCaption = 22;     // small type under a QR code: 11 pt
constexpr int kFirstLineIndent = 567;  // FMT-05: 1 cm
constexpr int kParagraphAfter = 120;   // FMT-05: ≥ 6 pt
constexpr int kLineSpacing = 288;      // FMT-05: single..1.5 → 1.2 lines
constexpr int kSignatureGapLines = 4;  // FMT-33: room for signature and seal
constexpr double kQrPictureDpi = 300;  // PNG resolution at the printed size
constexpr double kChartPngDpi = 200;   // the chart's PNG fallback at the printed size
constexpr double kSvgPxPerInch = 96;   // CSS pixels, the SVG's user units
// Printed chart size limits in mm: at most the text width (FMT-02), 10 mm at least.
constexpr int kChartMinMm = 10;
constexpr int kChartMaxWidthMm = kTextWidth * 254 / 14400;  // 165 mm
constexpr int kChartMaxHeightMm = 240;

// The picture parts collected while writing word/document.xml, in order.
struct Media {
  std::vector<docx::MediaPart> parts;
  int next_drawing_id = 1;  // wp:docPr ids, unique in the package
};

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

// A centred inline picture `size_mm` square (quiet zone included), then the
// caption centred in 11 pt when not empty.
Result<std::string> QrXml(const QrCode& qr, Media& media) {
  ASSIGN_OR_RETURN(QrMatrix matrix, EncodeQrBlock(qr));
  const double target_px = qr.size_mm / 25.4 * kQrPictureDpi;
  const int module_px =
      std::max(1, static_cast<int>(std::lround(target_px / (matrix.size + 2 * kQrQuietModules))));
  ASSIGN_OR_RETURN(std::string png, QrPng(matrix, module_px));
  const std::size_t index = media.parts.size();
  media.parts.push_back({"png", std::move(png)});
  std::string out = docx::PictureParagraphXml(index, media.next_drawing_id++, qr.size_mm,
                                              qr.caption.empty() ? "Mã QR" : qr.caption);
  if (!qr.caption.empty()) {
    out += ParaXml({.align = "center", .after = kParagraphAfter},
                   RunXml(qr.caption, {.size = kSizeQrCaption}), kSizeQrCaption);
  }
  return out;
}

int Pixels(int mm, double dpi) {
  return std::max(1, static_cast<int>(std::lround(mm / 25.4 * dpi)));
}

// A centred inline picture `width_mm` × `height_mm` (within the text width):
// a PNG part (ChartPng at kChartPngDpi) carrying the SVG part (ChartSvg, in
// CSS pixels so its type sizes print as on the page) as its svgBlip.
Result<std::string> ChartXml(const Chart& chart, Media& media) {
  const int width_mm = std::clamp(chart.width_mm, kChartMinMm, kChartMaxWidthMm);
  const int height_mm = std::clamp(chart.height_mm, kChartMinMm, kChartMaxHeightMm);
  Chart sized = chart;
  sized.width_mm = width_mm;
  sized.height_mm = height_mm;
  ASSIGN_OR_RETURN(std::string png, ChartPng(sized, Pixels(width_mm, kChartPngDpi),
                                             Pixels(height_mm, kChartPngDpi)));
  const std::size_t png_index = media.parts.size();
  media.parts.push_back({"png", std::move(png)});
  media.parts.push_back({"svg", ChartSvg(sized, Pixels(width_mm, kSvgPxPerInch),
                                         Pixels(height_mm, kSvgPxPerInch), true)});
  return docx::SvgPictureParagraphXml(png_index, png_index + 1, media.next_drawing_id++, width_mm,
                                      height_mm, chart.title.empty() ? "Biểu đồ" : chart.title);
}

Result<std::string> BodyXml(const std::vector<Block>& body, Media& media) {
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
    } else if (const auto* qr = std::get_if<QrCode>(&block)) {
      ASSIGN_OR_RETURN(std::string picture, QrXml(*qr, media));
      out += picture;
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
      ASSIGN_OR_RETURN(std::string picture, ChartXml(*chart, media));
      out += picture;
    }
  }
  return out;
}

// FMT-41: "Nơi nhận:" 12 pt bold italic at the left margin, list 11 pt upright.
std::string RecipientsXml(const std::vector<std::string>& recipients, int before) {
  std::string out =
      ParaXml({.align = "left", .before = before},
              RunXml(kNoiNhanLabel, {.size = kSizeNoiNhan, .bold = true, .italic = true}));
  for (const std::string& line : recipients) {
    out += ParaXml({.align = "left"}, RunXml(line, {.size = kSizeRecipients}), kSizeRecipients);
  }
  return out;
}

// FMT-30/31: authority and position bold capitals, then room for the
// signature (FMT-33), then the name bold, all centred.
std::string SignerXml(const SignatureBlock& signature) {
  const RunStyle bold{.size = kSizeSignature, .bold = true};
  std::string out;
  std::string lines = signature.authority;
  if (!signature.position.empty()) {
    lines += (lines.empty() ? "" : "\n") + signature.position;
  }
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t end = std::min(lines.find('\n', start), lines.size());
    out +=
        ParaXml({.align = "center", .before = start == 0 ? 120 : 0},
                RunXml(std::string_view(lines).substr(start, end - start), bold), kSizeSignature);
    start = end + 1;
  }
  for (int k = 0; k < kSignatureGapLines; ++k) {
    out += "<w:p/>";
  }
  return out + Centered(signature.signer_name, bold);
}

// Mẫu 1.4: Nơi nhận (left) | signature (right). Mẫu 1.9 (left_signature
// set): THƯ KÝ with the Nơi nhận under it (left) | CHỦ TỌA (right), in two
// equal columns.
std::string SignatureBlockXml(const Document& doc) {
  if (doc.left_signature.has_value()) {
    const int half = kTextWidth / 2;
    std::string left = SignerXml(*doc.left_signature) + RecipientsXml(doc.recipients, 360);
    return TableXml({half, kTextWidth - half}, {{left, SignerXml(doc.signature)}}, false, false);
  }
  return TableXml({kFooterLeft, kFooterRight},
                  {{RecipientsXml(doc.recipients, 120), SignerXml(doc.signature)}}, false, false);
}

// One document's content, from the §3.2 header to the signature table.
Result<std::string> DocumentContentXml(const Document& doc, Media& media) {
  std::string out = HeaderBlock(doc.header);
  // FMT-20/21: type name and trích yếu centred, bold, 14 pt; rule under the summary.
  out += ParaXml({.align = "center", .before = 360},
                 RunXml(doc.title, {.size = kSizeTitle, .bold = true}), kSizeTitle);
  if (!doc.subject.empty()) {
    out += Centered(doc.subject, {.size = kSizeTitle, .bold = true});
    const int width = std::min(EstimateWidth(doc.subject, kSizeTitle, false), kTextWidth);
    out += RuleXml(width * 2 / 5, kTextWidth);
  }
  out += ParaXml({}, "");  // blank line before the body
  ASSIGN_OR_RETURN(std::string body, BodyXml(doc.body, media));
  out += body;
  return out + SignatureBlockXml(doc);
}

// The chart texts (legend names included, which PlainText leaves out) and the
// left signature, checked here whatever PlainText covers.
std::string ExtraText(const Document& doc) {
  std::string out;
  for (const Block& block : doc.body) {
    if (const auto* chart = std::get_if<Chart>(&block)) {
      out += chart->title;
      for (const std::string& label : chart->labels) out += label;
      for (const std::string& name : chart->series) out += name;
    }
  }
  if (doc.left_signature.has_value()) {
    out += doc.left_signature->authority + doc.left_signature->position +
           doc.left_signature->signer_name;
  }
  return out;
}

Status CheckDocument(const Document& doc) {
  RETURN_IF_ERROR(Validate(doc));
  if (!text::IsValidUtf8(PlainText(doc)) || !text::IsValidUtf8(ExtraText(doc))) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Văn bản chứa ký tự không hợp lệ (không phải UTF-8).");
  }
  return OkStatus();
}

}  // namespace

Result<std::string> RenderDocx(const Document& doc) {
  return RenderDocx(std::vector<Document>{doc});
}

Result<std::string> RenderDocx(const std::vector<Document>& docs) {
  if (docs.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Chưa có văn bản nào để xuất.");
  }
  for (const Document& doc : docs) {
    RETURN_IF_ERROR(CheckDocument(doc));
  }
  Media media;
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " +
                    docx::DocumentNamespaces() + "><w:body>";
  const std::string section = docx::SectionPropertiesXml();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    ASSIGN_OR_RETURN(std::string content, DocumentContentXml(docs[i], media));
    xml += content;
    // Every document but the last ends its section in the pPr of its last
    // paragraph (a next-page section break); the last one's sectPr closes
    // the body. Either way a paragraph follows the signature table.
    xml += i + 1 < docs.size() ? "<w:p><w:pPr>" + section + "</w:pPr></w:p>" : "<w:p/>";
  }
  xml += section + "</w:body></w:document>";
  const Document& first = docs.front();
  return docx::Package(xml, {first.title, first.subject, first.header.issuing_body}, media.parts);
}

}  // namespace doithoai
