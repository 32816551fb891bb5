// Lays out a Decree 30 document with Pango and paints it onto a cairo PDF
// surface that writes into a std::string. Units: PDF points (1/72 in); the
// Pango context runs at 72 dpi so a "14" font is 14 pt (stack.md trap).
//
// Pagination is manual, in one pass: a cursor walks down the page and every
// block is measured before it is painted. Body text (paragraphs, bullets,
// headings) is placed line by line, so a paragraph that does not fit is split
// at a line boundary and continues on the next page (no widow/orphan control);
// a heading keeps at least one following body line with it. Header block,
// table rows and the signature block are never split: a row or the signature
// block that does not fit moves whole to the next page. Table header rows are
// not repeated on continuation pages.
#include "adapters/documents/pdf_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace doithoai {
namespace {

constexpr double kMm = 72.0 / 25.4;
// FMT-01: A4 portrait. FMT-02: the minimum of each margin range.
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kMarginTop = 20 * kMm;
constexpr double kMarginBottom = 20 * kMm;
constexpr double kMarginLeft = 30 * kMm;
constexpr double kMarginRight = 15 * kMm;
constexpr double kPageNumberTop = 10 * kMm;  // FMT-04: inside the top margin
constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
constexpr double kTextBottom = kPageHeight - kMarginBottom;
// §3.2 header columns (ô 2–3 | ô 1, 4) and the §3.4/3.5 signature row; the
// same split as the DOCX (3685 and 4253 twips).
constexpr double kHeaderLeft = 3685 / 20.0;
constexpr double kHeaderRight = kTextWidth - kHeaderLeft;
constexpr double kFooterLeft = 4253 / 20.0;
constexpr double kFooterRight = kTextWidth - kFooterLeft;
// Font sizes in points, as in docx_renderer.cc.
constexpr double kSizeBody = 14;                        // FMT-05
constexpr double kSizeQuocHieu = 12;                    // §3.2: 12–13 (fits the right column)
constexpr double kSizeTieuNgu = 13;                     // §3.2: 13–14
constexpr double kSizeIssuer = 13;                      // §3.2 ô 2: 12–13
constexpr double kSizeNumber = 13;                      // §3.2 ô 3
constexpr double kSizePlaceDate = 14;                   // §3.2 ô 4: 13–14
constexpr double kSizeTitle = 14;                       // FMT-20/21
constexpr double kSizeSignature = 14;                   // FMT-31
constexpr double kSizeNoiNhan = 12;                     // FMT-41
constexpr double kSizeRecipients = 11;                  // FMT-41
constexpr double kSizeTable = 13;                       // table cells
constexpr double kSizePageNumber = 14;                  // FMT-04
constexpr double kFirstLineIndent = 10 * kMm;           // FMT-05: 1 cm
constexpr double kParagraphAfter = 6;                   // FMT-05: ≥ 6 pt
constexpr double kLineSpacing = 1.2;                    // FMT-05: single..1.5 lines
constexpr double kSignatureGap = 4 * kSizeBody * 1.15;  // FMT-33: signature and seal
constexpr double kRuleWidth = 0.5;
constexpr double kCellPadding = 4.25;  // 85 twips, as the DOCX body tables

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct Style {
  double size = kSizeBody;
  bool bold = false;
  bool italic = false;
  PangoAlignment align = PANGO_ALIGN_CENTER;
  bool justify = false;
  double indent = 0;
  double spacing = 0;        // line-spacing factor; 0 = the font's own
  std::size_t bold_len = 0;  // bytes of `text` set bold (run-in headings)
};

double ToPt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int ToPango(double pt) { return static_cast<int>(pt * PANGO_SCALE + 0.5); }

LayoutPtr MakeLayout(PangoContext* context, std::string_view text, double width,
                     const Style& style) {
  LayoutPtr layout(pango_layout_new(context));
  PangoFontDescription* font = pango_font_description_from_string("Liberation Serif");
  pango_font_description_set_size(font, ToPango(style.size));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), ToPango(width));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.align);
  pango_layout_set_justify(layout.get(), style.justify);
  pango_layout_set_indent(layout.get(), ToPango(style.indent));
  if (style.spacing > 0) {
    pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.spacing));
  }
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  if (style.bold_len > 0) {
    PangoAttrList* attrs = pango_attr_list_new();
    PangoAttribute* weight = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
    weight->start_index = 0;
    weight->end_index = static_cast<guint>(std::min(style.bold_len, text.size()));
    pango_attr_list_insert(attrs, weight);  // takes ownership
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
  }
  return layout;
}

double LayoutHeight(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return ToPt(logical.height);
}

double TextWidth(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return ToPt(logical.width);
}

void DrawRule(cairo_t* cr, double x0, double x1, double y) {
  cairo_set_line_width(cr, kRuleWidth);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

// One column of centred or left-aligned lines and short rules (header and
// signature blocks); measured before it is drawn, never split.
struct Column {
  struct Piece {
    LayoutPtr layout;   // null for a rule
    double before = 0;  // space above
    double rule = 0;    // rule length, centred in the column
  };
  double x = 0;
  double width = 0;
  std::vector<Piece> pieces;

  void Add(PangoContext* context, std::string_view text, const Style& style, double before = 0) {
    pieces.push_back({MakeLayout(context, text, width, style), before, 0});
  }
  void AddRule(double length, double before = 1) {
    pieces.push_back({nullptr, before, std::min(length, width)});
  }
  double Height() const {
    double h = 0;
    for (const Piece& piece : pieces) {
      h += piece.before + (piece.layout ? LayoutHeight(piece.layout.get()) : 2);
    }
    return h;
  }
  void Draw(cairo_t* cr, double top) const {
    double y = top;
    for (const Piece& piece : pieces) {
      y += piece.before;
      if (piece.layout) {
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, piece.layout.get());
        y += LayoutHeight(piece.layout.get());
      } else {
        const double x0 = x + (width - piece.rule) / 2;
        DrawRule(cr, x0, x0 + piece.rule, y + 1);
        y += 2;
      }
    }
  }
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

class Pager {
 public:
  Pager(cairo_t* cr, PangoContext* context) : cr_(cr), context_(context) {}

  PangoContext* context() const { return context_; }
  double y() const { return y_; }
  void Skip(double h) { y_ += h; }

  // Starts a new page unless `h` points still fit (or the page is empty).
  void Ensure(double h) {
    if (y_ + h > kTextBottom && y_ > kMarginTop) {
      cairo_show_page(cr_);
      ++page_;
      y_ = kMarginTop;
      // FMT-04: Arabic number, centred in the top margin, not on page 1.
      LayoutPtr number =
          MakeLayout(context_, std::to_string(page_), kTextWidth, {.size = kSizePageNumber});
      cairo_move_to(cr_, kMarginLeft, kPageNumberTop);
      pango_cairo_show_layout(cr_, number.get());
    }
  }

  // Places `layout` line by line at `x`, breaking pages between lines. The
  // first line also needs `keep` points below it (keep-with-next).
  void FlowLines(PangoLayout* layout, double x, double keep = 0) {
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    bool first = true;
    do {
      int y0 = 0;
      int y1 = 0;
      pango_layout_iter_get_line_yrange(iter, &y0, &y1);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const int baseline = pango_layout_iter_get_baseline(iter);
      const double h = ToPt(y1 - y0);
      Ensure(h + (first ? keep : 0));
      first = false;
      cairo_move_to(cr_, x + ToPt(logical.x), y_ + ToPt(baseline - y0));
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      y_ += h;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  // Columns side by side, kept together on one page.
  void Row(const std::vector<const Column*>& columns, double before = 0) {
    double h = 0;
    for (const Column* column : columns) {
      h = std::max(h, column->Height());
    }
    Ensure(before + h);
    y_ += before;
    for (const Column* column : columns) {
      column->Draw(cr_, y_);
    }
    y_ += h;
  }

  void BodyTable(const Table& table) {
    std::vector<double> widths;
    for (double f : ColumnFractions(table)) {
      widths.push_back(kTextWidth * f);
    }
    auto row = [&](const std::vector<std::string>& cells, bool header) {
      std::vector<LayoutPtr> layouts;
      double h = 0;
      for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
        layouts.push_back(MakeLayout(context_, cells[c], widths[c] - 2 * kCellPadding,
                                     {.size = kSizeTable,
                                      .bold = header,
                                      .align = header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT}));
        h = std::max(h, LayoutHeight(layouts.back().get()));
      }
      h += 2 * kCellPadding;
      Ensure(h);
      double x = kMarginLeft;
      cairo_set_line_width(cr_, kRuleWidth);
      for (std::size_t c = 0; c < layouts.size(); ++c) {
        cairo_move_to(cr_, x + kCellPadding, y_ + kCellPadding);
        pango_cairo_show_layout(cr_, layouts[c].get());
        cairo_rectangle(cr_, x, y_, widths[c], h);
        cairo_stroke(cr_);
        x += widths[c];
      }
      y_ += h;
    };
    row(table.header, true);
    for (const auto& cells : table.rows) {
      row(cells, false);
    }
    y_ += kParagraphAfter;
  }

 private:
  cairo_t* cr_;
  PangoContext* context_;
  int page_ = 1;
  double y_ = kMarginTop;
};

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

void Body(Pager& pager, const std::vector<Block>& body) {
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
    }
    LayoutPtr layout = MakeLayout(pager.context(), text, kTextWidth, style);
    pager.FlowLines(layout.get(), kMarginLeft, keep);
    pager.Skip(kParagraphAfter);
  }
}

// FMT-41 left, FMT-30/31 right; kept together on one page.
void SignatureRow(Pager& pager, const Document& doc) {
  PangoContext* context = pager.context();
  Column left{.x = kMarginLeft, .width = kFooterLeft, .pieces = {}};
  left.Add(context, kNoiNhanLabel,
           {.size = kSizeNoiNhan, .bold = true, .italic = true, .align = PANGO_ALIGN_LEFT}, 6);
  for (const std::string& line : doc.recipients) {
    left.Add(context, line, {.size = kSizeRecipients, .align = PANGO_ALIGN_LEFT});
  }
  Column right{.x = kMarginLeft + kFooterLeft, .width = kFooterRight, .pieces = {}};
  std::string lines = doc.signature.authority;
  if (!doc.signature.position.empty()) {
    lines += (lines.empty() ? "" : "\n") + doc.signature.position;
  }
  const Style bold{.size = kSizeSignature, .bold = true};
  if (!lines.empty()) {
    right.Add(context, lines, bold, 6);
  }
  right.Add(context, doc.signature.signer_name, bold, kSignatureGap);
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

}  // namespace

Result<std::string> RenderPdf(const Document& doc) {
  RETURN_IF_ERROR(Validate(doc));
  const std::string plain = PlainText(doc);
  // g_utf8_validate with an explicit length also rejects embedded NUL bytes.
  if (!g_utf8_validate(plain.data(), static_cast<gssize>(plain.size()), nullptr)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Văn bản chứa ký tự không hợp lệ (không phải UTF-8).");
  }
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendBytes, &out, kPageWidth, kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    Error e = CairoError("surface", cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return e;
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (doc.title + " " + doc.subject).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 doc.header.issuing_body.c_str());
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
  HeaderRow(pager, doc.header);
  TitleBlock(pager, doc);
  Body(pager, doc.body);
  SignatureRow(pager, doc);
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
