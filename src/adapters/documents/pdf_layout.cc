// See pdf_layout.h.
#include "adapters/documents/pdf_layout.h"

#include <algorithm>
#include <string>
#include <utility>

#include "adapters/documents/chart_painter.h"

namespace doithoai::pdf {
namespace {

double ToPt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int ToPango(double pt) { return static_cast<int>(pt * PANGO_SCALE + 0.5); }

void DrawRule(cairo_t* cr, double x0, double x1, double y) {
  cairo_set_line_width(cr, kRuleWidth);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

}  // namespace

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

void Column::Add(PangoContext* context, std::string_view text, const Style& style, double before) {
  pieces.push_back({MakeLayout(context, text, width, style), before, 0});
}

void Column::AddRule(double length, double before) {
  pieces.push_back({nullptr, before, std::min(length, width)});
}

double Column::Height() const {
  double h = 0;
  for (const Piece& piece : pieces) {
    h += piece.before + (piece.layout ? LayoutHeight(piece.layout.get()) : 2);
  }
  return h;
}

void Column::Draw(cairo_t* cr, double top) const {
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

void Pager::StartDocument() {
  if (started_) {
    cairo_show_page(cr_);
  }
  started_ = true;
  page_ = 1;
  y_ = kMarginTop;
}

void Pager::Ensure(double h) {
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

void Pager::FlowLines(PangoLayout* layout, double x, double keep) {
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

void Pager::Row(const std::vector<const Column*>& columns, double before) {
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

void Pager::BodyTable(const Table& table) {
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

void Pager::Qr(const QrMatrix& qr, int size_mm, std::string_view caption) {
  const double side = size_mm * kMm;
  const double module = side / (qr.size + 2 * kQrQuietModules);
  LayoutPtr text;
  double h = side;
  if (!caption.empty()) {
    text = MakeLayout(context_, caption, kTextWidth, {.size = kSizeQrCaption});
    h += LayoutHeight(text.get());
  }
  Ensure(h);
  const double x0 = kMarginLeft + (kTextWidth - side) / 2 + kQrQuietModules * module;
  const double y0 = y_ + kQrQuietModules * module;
  // One path, one fill: each horizontal run of dark modules is a rectangle,
  // so adjacent modules share edges and viewers show no seams.
  cairo_new_path(cr_);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size;) {
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < qr.size && qr.at(end, y)) {
        ++end;
      }
      cairo_rectangle(cr_, x0 + x * module, y0 + y * module, (end - x) * module, module);
      x = end;
    }
  }
  cairo_fill(cr_);
  y_ += side;
  if (text) {
    cairo_move_to(cr_, kMarginLeft, y_);
    pango_cairo_show_layout(cr_, text.get());
    y_ += LayoutHeight(text.get());
  }
  y_ += kParagraphAfter;
}

void Pager::DrawChart(const Chart& chart) {
  const double w = std::clamp(chart.width_mm * kMm, 10 * kMm, kTextWidth);
  const double h = std::clamp(chart.height_mm * kMm, 10 * kMm, kTextBottom - kMarginTop);
  Ensure(h);
  PaintChart(cr_, chart, kMarginLeft + (kTextWidth - w) / 2, y_, w, h);
  y_ += h + kParagraphAfter;
}

}  // namespace doithoai::pdf
