// Page geometry, Pango text layouts and the paginating cursor (Pager) used by
// pdf_renderer.cc. Units: PDF points (1/72 in); the Pango context runs at
// 72 dpi so a "14" font is 14 pt (stack.md trap).
//
// Pagination is manual, in one pass: a cursor walks down the page and every
// block is measured before it is painted. Body text is placed line by line,
// so a paragraph that does not fit is split at a line boundary and continues
// on the next page (no widow/orphan control); a heading keeps at least one
// following body line with it. Header block, table rows, QR codes (with their
// caption), charts and the signature block are never split: one that does not
// fit moves whole to the next page. Table header rows are not repeated on
// continuation pages.
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_PDF_LAYOUT_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_PDF_LAYOUT_H_

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/documents/qr_code.h"
#include "core/documents/document.h"

namespace doithoai::pdf {

inline constexpr double kMm = 72.0 / 25.4;
// FMT-01: A4 portrait. FMT-02: the minimum of each margin range.
inline constexpr double kPageWidth = 210 * kMm;
inline constexpr double kPageHeight = 297 * kMm;
inline constexpr double kMarginTop = 20 * kMm;
inline constexpr double kMarginBottom = 20 * kMm;
inline constexpr double kMarginLeft = 30 * kMm;
inline constexpr double kMarginRight = 15 * kMm;
inline constexpr double kPageNumberTop = 10 * kMm;  // FMT-04: inside the top margin
inline constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr double kTextBottom = kPageHeight - kMarginBottom;
inline constexpr double kSizeBody = 14;        // FMT-05
inline constexpr double kSizeTable = 13;       // table cells
inline constexpr double kSizePageNumber = 14;  // FMT-04
inline constexpr double kSizeQrCaption = 11;   // small type under a QR code
inline constexpr double kParagraphAfter = 6;   // FMT-05: ≥ 6 pt
inline constexpr double kRuleWidth = 0.5;
inline constexpr double kCellPadding = 4.25;  // 85 twips, as the DOCX body tables

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

// `text` in Liberation Serif (FMT-03's metric twin of Times New Roman),
// wrapped to `width` points.
LayoutPtr MakeLayout(PangoContext* context, std::string_view text, double width,
                     const Style& style);
double LayoutHeight(PangoLayout* layout);
double TextWidth(PangoLayout* layout);

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

  void Add(PangoContext* context, std::string_view text, const Style& style, double before = 0);
  void AddRule(double length, double before = 1);
  double Height() const;
  void Draw(cairo_t* cr, double top) const;
};

// The cursor that walks down the pages of one PDF. Page numbers (FMT-04:
// Arabic, 14 pt, centred in the top margin, not on a document's first page)
// count from each StartDocument().
class Pager {
 public:
  Pager(cairo_t* cr, PangoContext* context) : cr_(cr), context_(context) {}

  PangoContext* context() const { return context_; }
  double y() const { return y_; }
  void Skip(double h) { y_ += h; }

  // Begins the next document of the file on a fresh page numbered 1. The
  // first call only marks the start; later ones end the current page.
  void StartDocument();

  // Starts a new page unless `h` points still fit (or the page is empty).
  void Ensure(double h);

  // Places `layout` line by line at `x`, breaking pages between lines. The
  // first line also needs `keep` points below it (keep-with-next).
  void FlowLines(PangoLayout* layout, double x, double keep = 0);

  // Columns side by side, kept together on one page.
  void Row(const std::vector<const Column*>& columns, double before = 0);

  // A bordered body table; rows are never split.
  void BodyTable(const Table& table);

  // `qr` drawn as filled vector squares, `size_mm` wide with the quiet zone
  // (kQrQuietModules) included, centred; `caption` centred under it in
  // 11 pt when not empty. Kept together on one page.
  void Qr(const QrMatrix& qr, int size_mm, std::string_view caption);

  // `chart` drawn as vectors (chart_painter.h) `width_mm` × `height_mm`,
  // centred; the width is capped at the text width and the height at the
  // page's text height. Starts a new page when it does not fit.
  void DrawChart(const Chart& chart);

 private:
  cairo_t* cr_;
  PangoContext* context_;
  bool started_ = false;
  int page_ = 1;
  double y_ = kMarginTop;
};

}  // namespace doithoai::pdf

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_PDF_LAYOUT_H_
