// Paints Decree 30 documents onto a cairo PDF surface that writes into a
// std::string, one after another, each starting on a new page. Text layout,
// pagination and QR drawing live in pdf_layout.{h,cc}; this file places the
// parts of a document (§3.2 header, FMT-20/21 title, body, FMT-30/31/41
// signature row).
#include "adapters/documents/pdf_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/documents/pdf_layout.h"
#include "adapters/documents/qr_code.h"

namespace doithoai {
namespace {

using pdf::Column;
using pdf::kMarginLeft;
using pdf::kParagraphAfter;
using pdf::kSizeBody;
using pdf::kTextWidth;
using pdf::LayoutPtr;
using pdf::MakeLayout;
using pdf::Pager;
using pdf::Style;
using pdf::TextWidth;

// §3.2 header columns (ô 2–3 | ô 1, 4) and the §3.4/3.5 signature row; the
// same split as the DOCX (3685 and 4253 twips).
constexpr double kHeaderLeft = 3685 / 20.0;
constexpr double kHeaderRight = kTextWidth - kHeaderLeft;
constexpr double kFooterLeft = 4253 / 20.0;
constexpr double kFooterRight = kTextWidth - kFooterLeft;
// Font sizes in points, as in docx_renderer.cc.
constexpr double kSizeQuocHieu = 12;                    // §3.2: 12–13 (fits the right column)
constexpr double kSizeTieuNgu = 13;                     // §3.2: 13–14
constexpr double kSizeIssuer = 13;                      // §3.2 ô 2: 12–13
constexpr double kSizeNumber = 13;                      // §3.2 ô 3
constexpr double kSizePlaceDate = 14;                   // §3.2 ô 4: 13–14
constexpr double kSizeTitle = 14;                       // FMT-20/21
constexpr double kSizeSignature = 14;                   // FMT-31
constexpr double kSizeNoiNhan = 12;                     // FMT-41
constexpr double kSizeRecipients = 11;                  // FMT-41
constexpr double kFirstLineIndent = 10 * pdf::kMm;      // FMT-05: 1 cm
constexpr double kLineSpacing = 1.2;                    // FMT-05: single..1.5 lines
constexpr double kSignatureGap = 4 * kSizeBody * 1.15;  // FMT-33: signature and seal

// FMT-11: "ỦY BAN NHÂN DÂN XÃ …" prints as two lines, the unit name below.
std::string IssuerLines(const std::string& issuer) {
  constexpr std::string_view kUbnd = "ỦY BAN NHÂN DÂN ";
  if (issuer.find('\n') == std::string::npos && issuer.starts_with(kUbnd) &&
      issuer.size() > kUbnd.size()) {
    return std::string(kUbnd.substr(0, kUbnd.size() - 1)) + "\n" + issuer.substr(kUbnd.size());
  }
  return issuer;
}

// §3.2: ô 2 (left) and ô 1 (right), then ô 3 and ô 4 on one line.
void HeaderRow(Pager& pager, const DocumentHeader& header) {
  PangoContext* context = pager.context();
  Column left{.x = kMarginLeft, .width = kHeaderLeft, .pieces = {}};
  if (!header.parent_body.empty()) {
    left.Add(context, header.parent_body, {.size = kSizeIssuer});
  }
  left.Add(context, IssuerLines(header.issuing_body), {.size = kSizeIssuer, .bold = true});
  left.AddRule(TextWidth(left.pieces.back().layout.get()) * 2 / 5);  // 1/3–1/2 of the text
  Column right{.x = kMarginLeft + kHeaderLeft, .width = kHeaderRight, .pieces = {}};
  right.Add(context, kQuocHieu, {.size = kSizeQuocHieu, .bold = true});
  right.Add(context, kTieuNgu, {.size = kSizeTieuNgu, .bold = true});
  right.AddRule(TextWidth(right.pieces.back().layout.get()));  // as long as the motto
  pager.Row({&left, &right});
  Column number{.x = kMarginLeft, .width = kHeaderLeft, .pieces = {}};
  number.Add(context, header.number, {.size = kSizeNumber});
  Column place{.x = kMarginLeft + kHeaderLeft, .width = kHeaderRight, .pieces = {}};
  if (!header.place_date.empty()) {
    place.Add(context, header.place_date, {.size = kSizePlaceDate, .italic = true});
  }
  pager.Row({&number, &place}, 6);
}

// FMT-20/21: type name and trích yếu centred, bold, 14 pt; rule under them.
void TitleBlock(Pager& pager, const Document& doc) {
  Column title{.x = kMarginLeft, .width = kTextWidth, .pieces = {}};
  title.Add(pager.context(), doc.title, {.size = kSizeTitle, .bold = true});
  if (!doc.subject.empty()) {
    title.Add(pager.context(), doc.subject, {.size = kSizeTitle, .bold = true});
    title.AddRule(TextWidth(title.pieces.back().layout.get()) * 2 / 5);
  }
  pager.Row({&title}, 18);
  pager.Skip(kSizeBody * 1.15);  // blank line before the body
}

// `qrs` holds the encoded QrCode blocks of `body`, in order.
void Body(Pager& pager, const std::vector<Block>& body, const std::vector<QrMatrix>& qrs) {
  std::size_t next_qr = 0;
  const std::vector<std::string> numbers = HeadingNumbers(body);
  const Style base{.align = PANGO_ALIGN_LEFT,
                   .justify = true,
                   .indent = kFirstLineIndent,
                   .spacing = kLineSpacing};
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Block& block = body[i];
    Style style = base;
    std::string text;
    double keep = 0;
    if (const auto* heading = std::get_if<Heading>(&block)) {
      // FMT-24: mục and khoản titles bold; điểm upright, same size as the body.
      text = numbers[i] + " " + heading->text;
      style.bold_len = heading->level <= 2 ? text.size() : 0;
      if (!heading->run_in.empty()) {
        text += " " + heading->run_in;
      }
      keep = kParagraphAfter + kSizeBody * kLineSpacing;
    } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      text = paragraph->text;
      style.indent = paragraph->first_line_indent ? kFirstLineIndent : 0;
      style.bold = paragraph->bold;
      style.italic = paragraph->italic;
    } else if (const auto* bullet = std::get_if<Bullet>(&block)) {
      text = "- " + bullet->text;
    } else if (const auto* table = std::get_if<Table>(&block)) {
      pager.BodyTable(*table);
      continue;
    } else if (const auto* qr = std::get_if<QrCode>(&block)) {
      pager.Qr(qrs[next_qr++], qr->size_mm, qr->caption);
      continue;
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
      pager.DrawChart(*chart);
      continue;
    }
    LayoutPtr layout = MakeLayout(pager.context(), text, kTextWidth, style);
    pager.FlowLines(layout.get(), kMarginLeft, keep);
    pager.Skip(kParagraphAfter);
  }
}

// FMT-41: "Nơi nhận:" 12 pt bold italic at the left margin, list 11 pt upright.
void AddRecipients(Column& column, PangoContext* context, const Document& doc, double before) {
  column.Add(context, kNoiNhanLabel,
             {.size = kSizeNoiNhan, .bold = true, .italic = true, .align = PANGO_ALIGN_LEFT},
             before);
  for (const std::string& line : doc.recipients) {
    column.Add(context, line, {.size = kSizeRecipients, .align = PANGO_ALIGN_LEFT});
  }
}

// FMT-30/31: authority and position bold capitals, room for the signature
// (FMT-33), the name bold; all centred.
void AddSigner(Column& column, PangoContext* context, const SignatureBlock& signature) {
  std::string lines = signature.authority;
  if (!signature.position.empty()) {
    lines += (lines.empty() ? "" : "\n") + signature.position;
  }
  const Style bold{.size = kSizeSignature, .bold = true};
  if (!lines.empty()) {
    column.Add(context, lines, bold, 6);
  }
  column.Add(context, signature.signer_name, bold, kSignatureGap);
}

// FMT-41 left, FMT-30/31 right; kept together on one page. Mẫu 1.9
// (left_signature set): THƯ KÝ with the Nơi nhận under it on the left,
// CHỦ TỌA on the right, in two equal columns.
void SignatureRow(Pager& pager, const Document& doc) {
  PangoContext* context = pager.context();
  if (doc.left_signature.has_value()) {
    const double half = kTextWidth / 2;
    Column left{.x = kMarginLeft, .width = half, .pieces = {}};
    AddSigner(left, context, *doc.left_signature);
    AddRecipients(left, context, doc, 18);
    Column right{.x = kMarginLeft + half, .width = kTextWidth - half, .pieces = {}};
    AddSigner(right, context, doc.signature);
    pager.Row({&left, &right});
    return;
  }
  Column left{.x = kMarginLeft, .width = kFooterLeft, .pieces = {}};
  AddRecipients(left, context, doc, 6);
  Column right{.x = kMarginLeft + kFooterLeft, .width = kFooterRight, .pieces = {}};
  AddSigner(right, context, doc.signature);
  pager.Row({&left, &right});
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Error CairoError(std::string_view what, cairo_status_t status) {
  return MakeError(ErrorCode::kInternal, "Không tạo được tệp PDF (" + std::string(what) + ": " +
                                             cairo_status_to_string(status) + ").");
}

// A document checked for rendering, with its QrCode blocks encoded in order.
struct Prepared {
  const Document* doc;
  std::vector<QrMatrix> qrs;
};

Result<Prepared> Prepare(const Document& doc) {
  RETURN_IF_ERROR(Validate(doc));
  std::string plain = PlainText(doc);
  // The chart texts (legend names included, which PlainText leaves out) and
  // the left signature, checked whatever PlainText covers.
  for (const Block& block : doc.body) {
    if (const auto* chart = std::get_if<Chart>(&block)) {
      plain += chart->title;
      for (const std::string& label : chart->labels) plain += label;
      for (const std::string& name : chart->series) plain += name;
    }
  }
  if (doc.left_signature.has_value()) {
    plain += doc.left_signature->authority + doc.left_signature->position +
             doc.left_signature->signer_name;
  }
  // g_utf8_validate with an explicit length also rejects embedded NUL bytes.
  if (!g_utf8_validate(plain.data(), static_cast<gssize>(plain.size()), nullptr)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Văn bản chứa ký tự không hợp lệ (không phải UTF-8).");
  }
  Prepared prepared{&doc, {}};
  for (const Block& block : doc.body) {
    if (const auto* qr = std::get_if<QrCode>(&block)) {
      ASSIGN_OR_RETURN(QrMatrix matrix, EncodeQrBlock(*qr));
      prepared.qrs.push_back(std::move(matrix));
    }
  }
  return prepared;
}

}  // namespace

Result<std::string> RenderPdf(const Document& doc) { return RenderPdf(std::vector<Document>{doc}); }

Result<std::string> RenderPdf(const std::vector<Document>& docs) {
  if (docs.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Chưa có văn bản nào để xuất.");
  }
  std::vector<Prepared> prepared;
  for (const Document& doc : docs) {
    ASSIGN_OR_RETURN(Prepared one, Prepare(doc));
    prepared.push_back(std::move(one));
  }
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendBytes, &out, pdf::kPageWidth, pdf::kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    Error e = CairoError("surface", cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return e;
  }
  const Document& first = docs.front();
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (first.title + " " + first.subject).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 first.header.issuing_body.c_str());
  cairo_t* cr = cairo_create(surface);
  PangoContext* context = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_cairo_context_set_resolution(context, 72);  // stack.md: Pango assumes 96 dpi
  pango_context_set_language(context, pango_language_from_string("vi"));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_cairo_update_context(cr, context);
  cairo_set_source_rgb(cr, 0, 0, 0);  // FMT-03: black

  Pager pager(cr, context);
  for (const Prepared& one : prepared) {
    pager.StartDocument();  // FMT-04: page numbers restart per document
    HeaderRow(pager, one.doc->header);
    TitleBlock(pager, *one.doc);
    Body(pager, one.doc->body, one.qrs);
    SignatureRow(pager, *one.doc);
  }
  cairo_show_page(cr);

  g_object_unref(context);
  const cairo_status_t draw_status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (draw_status != CAIRO_STATUS_SUCCESS) {
    return CairoError("draw", draw_status);
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    return CairoError("finish", status);
  }
  return out;
}

}  // namespace doithoai
