// See chart_painter.h. The geometry and type sizes are those of ChartSvg
// (core/documents/chart.cc), in CSS pixels (1/96 in) scaled to the caller's
// points: margins 8, title 14 bold (at most 2 lines), legend 11 with 10-px
// swatches, ticks and labels 10 (labels at most 3 lines), values above the
// bars 7–10, bars 80 % of each group, grid lines #d9d9d9 and axes #404040.
// Text is measured with Pango instead of ChartSvg's estimate, so line breaks
// may fall a word apart.
#include "adapters/documents/chart_painter.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

#include "core/documents/chart.h"

namespace doithoai {
namespace {

constexpr double kPxToPt = 72.0 / 96;  // CSS pixel → point
constexpr double kMargin = 8;
constexpr double kTitleFont = 14;
constexpr double kTitleLine = 18;
constexpr int kTitleMaxLines = 2;
constexpr double kLegendFont = 11;
constexpr double kLegendRow = 16;
constexpr double kSwatch = 10;
constexpr double kTickFont = 10;
constexpr double kValueFont = 10;
constexpr double kLabelFont = 10;
constexpr int kLabelMaxLines = 3;
constexpr int kMaxPx = 8000;

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;
struct ContextDeleter {
  void operator()(PangoContext* context) const { g_object_unref(context); }
};

struct Rgb {
  double r = 0.5;
  double g = 0.5;
  double b = 0.5;
};

// "#1f4e79" → components in 0..1; grey for anything else.
Rgb ParseColor(const char* hex) {
  Rgb out;
  unsigned r = 0;
  unsigned g = 0;
  unsigned b = 0;
  if (hex != nullptr && std::string_view(hex).size() == 7 && hex[0] == '#' &&
      std::sscanf(hex + 1, "%2x%2x%2x", &r, &g, &b) == 3) {
    out = {r / 255.0, g / 255.0, b / 255.0};
  }
  return out;
}

int ToPango(double pt) { return static_cast<int>(pt * PANGO_SCALE + 0.5); }

LayoutPtr Text(PangoContext* context, std::string_view text, double size, bool bold,
               double width = -1, int max_lines = 0, bool italic = false) {
  LayoutPtr layout(pango_layout_new(context));
  PangoFontDescription* font = pango_font_description_from_string("Liberation Serif");
  pango_font_description_set_size(font, ToPango(size));
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout.get(), ToPango(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
  if (max_lines > 0) {
    pango_layout_set_height(layout.get(), -max_lines);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

struct Size {
  double w = 0;
  double h = 0;
};

Size Measure(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return {static_cast<double>(logical.width) / PANGO_SCALE,
          static_cast<double>(logical.height) / PANGO_SCALE};
}

void Show(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

// Show `layout` with its logical box centred on x (it is laid out centred
// within its own width when it has one).
void ShowCentred(cairo_t* cr, PangoLayout* layout, double center, double y) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const double width = pango_layout_get_width(layout) > 0
                           ? static_cast<double>(pango_layout_get_width(layout)) / PANGO_SCALE
                           : static_cast<double>(logical.width) / PANGO_SCALE;
  Show(cr, layout, center - width / 2, y);
}

void SetColor(cairo_t* cr, const char* hex) {
  const Rgb c = ParseColor(hex);
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

// Value at [series][label]; missing, negative or non-finite values draw as 0.
double BarValue(const Chart& chart, std::size_t series, std::size_t label) {
  if (series >= chart.values.size() || label >= chart.values[series].size()) {
    return 0;
  }
  const double v = chart.values[series][label];
  return std::isfinite(v) && v > 0 ? v : 0;
}

double RawValue(const Chart& chart, std::size_t series, std::size_t label) {
  if (series >= chart.values.size() || label >= chart.values[series].size()) {
    return 0;
  }
  const double v = chart.values[series][label];
  return std::isfinite(v) ? v : 0;
}

// As ChartSvg prints values: thousands grouped with '.', at most two
// decimals after ',': 1500 → "1.500", 2.5 → "2,5".
std::string FormatValue(double value) {
  if (!std::isfinite(value)) {
    return "0";
  }
  const long long hundredths = std::llround(std::fabs(value) * 100);
  const std::string digits = std::to_string(hundredths / 100);
  std::string out = value < 0 && hundredths != 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += '.';
    }
    out += digits[i];
  }
  if (const long long fraction = hundredths % 100; fraction != 0) {
    out += ',';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) {
      out += static_cast<char>('0' + fraction % 10);
    }
  }
  return out;
}

// A round step ≥ raw_step: 1, 2 or 5 × 10^k (at least 1 when every value is
// whole, so counts never get ticks like 0,5).
double NiceStep(double raw_step, bool whole) {
  if (!(raw_step > 0)) {
    return 1;
  }
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
  double step = 10 * magnitude;
  for (double factor : {1.0, 2.0, 5.0}) {
    if (factor * magnitude >= raw_step * (1 - 1e-9)) {
      step = factor * magnitude;
      break;
    }
  }
  return whole ? std::max(step, 1.0) : step;
}

// Draws in CSS pixels: the box is (0, 0, width, height).
void Paint(cairo_t* cr, PangoContext* context, const Chart& chart, double width, double height) {
  // Title.
  double y = kMargin;
  if (!chart.title.empty()) {
    LayoutPtr title =
        Text(context, chart.title, kTitleFont, true, width - 2 * kMargin, kTitleMaxLines);
    cairo_set_source_rgb(cr, 0, 0, 0);
    Show(cr, title.get(), kMargin, y);
    y += std::max(Measure(title.get()).h, kTitleLine) + 4;
  }

  const std::size_t label_count = chart.labels.size();
  const std::size_t series_count = chart.series.size();
  if (label_count == 0 || series_count == 0) {
    LayoutPtr empty = Text(context, "Không có số liệu", 12, false, -1, 0, true);
    SetColor(cr, "#595959");
    ShowCentred(cr, empty.get(), width / 2, std::max(y, (y + height) / 2 - 12));
    return;
  }

  // Legend rows, centred: swatch, name; only when the bars need telling apart.
  if (series_count > 1) {
    const double available = width - 2 * kMargin;
    struct Item {
      std::size_t series;
      LayoutPtr name;
      double width;
    };
    std::vector<std::vector<Item>> rows(1);
    double row_width = 0;
    for (std::size_t s = 0; s < series_count; ++s) {
      LayoutPtr name =
          Text(context, chart.series[s], kLegendFont, false, available - kSwatch - 20, 1);
      pango_layout_set_alignment(name.get(), PANGO_ALIGN_LEFT);
      const double w = kSwatch + 4 + Measure(name.get()).w + 16;
      if (!rows.back().empty() && row_width + w > available) {
        rows.emplace_back();
        row_width = 0;
      }
      rows.back().push_back({s, std::move(name), w});
      row_width += w;
    }
    for (const auto& row : rows) {
      double total = 0;
      for (const Item& item : row) {
        total += item.width;
      }
      double x = (width - total + 16) / 2;
      for (const Item& item : row) {
        SetColor(cr, ChartColor(item.series));
        cairo_rectangle(cr, x, y + 2, kSwatch, kSwatch);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        const double text_h = Measure(item.name.get()).h;
        Show(cr, item.name.get(), x + kSwatch + 4, y + 2 + (kSwatch - text_h) / 2);
        x += item.width;
      }
      y += kLegendRow;
    }
  }

  // Y scale: round ticks from 0 to a multiple of the step ≥ the largest value.
  double max_value = 0;
  bool whole = true;
  for (std::size_t s = 0; s < series_count; ++s) {
    for (std::size_t l = 0; l < label_count; ++l) {
      const double v = BarValue(chart, s, l);
      max_value = std::max(max_value, v);
      whole = whole && std::floor(v) == v;
    }
  }
  const double step = NiceStep(max_value > 0 ? max_value / 5 : 1, whole);
  const int tick_count = std::max(1, static_cast<int>(std::ceil(max_value / step - 1e-9)));
  const double axis_max = step * tick_count;
  std::vector<LayoutPtr> tick_labels;
  double tick_width = 0;
  for (int i = 0; i <= tick_count; ++i) {
    tick_labels.push_back(Text(context, FormatValue(step * i), kTickFont, false));
    tick_width = std::max(tick_width, Measure(tick_labels.back().get()).w);
  }

  // Horizontal extent, then the labels (their wrapped height sets the bottom).
  const double plot_left = kMargin + tick_width + 8;
  const double plot_right = std::max(width - kMargin - 4, plot_left + 1);
  const double group_width = (plot_right - plot_left) / static_cast<double>(label_count);
  std::vector<LayoutPtr> labels;
  double labels_height = 0;
  for (const std::string& label : chart.labels) {
    labels.push_back(
        Text(context, label, kLabelFont, false, std::max(group_width - 4, 1.0), kLabelMaxLines));
    labels_height = std::max(labels_height, Measure(labels.back().get()).h);
  }
  const double plot_top = y + kValueFont + 8;
  const double plot_bottom = std::max(height - kMargin - labels_height - 4, plot_top + 1);
  const double plot_height = plot_bottom - plot_top;
  auto y_of = [&](double v) { return plot_bottom - plot_height * v / axis_max; };

  // Grid lines (the zero line darker) and tick labels.
  cairo_set_line_width(cr, 1);
  for (int i = 0; i <= tick_count; ++i) {
    const double ty = y_of(step * i);
    SetColor(cr, i == 0 ? "#404040" : "#d9d9d9");
    cairo_move_to(cr, plot_left, ty);
    cairo_line_to(cr, plot_right, ty);
    cairo_stroke(cr);
    PangoLayout* tick = tick_labels[static_cast<std::size_t>(i)].get();
    const Size size = Measure(tick);
    cairo_set_source_rgb(cr, 0, 0, 0);
    Show(cr, tick, plot_left - 5 - size.w, ty - size.h / 2);
  }
  SetColor(cr, "#404040");
  cairo_move_to(cr, plot_left, plot_top);
  cairo_line_to(cr, plot_left, plot_bottom);
  cairo_stroke(cr);

  // Bars, 80 % of each group, with their values above them.
  const double bar_width = group_width * 0.8 / static_cast<double>(series_count);
  const double value_font = std::clamp(bar_width * 0.9, 7.0, kValueFont);
  for (std::size_t l = 0; l < label_count; ++l) {
    const double group_left = plot_left + group_width * static_cast<double>(l);
    for (std::size_t s = 0; s < series_count; ++s) {
      const double x = group_left + group_width * 0.1 + bar_width * static_cast<double>(s);
      const double top = y_of(BarValue(chart, s, l));
      SetColor(cr, ChartColor(s));
      cairo_rectangle(cr, x, top, bar_width, plot_bottom - top);
      cairo_fill(cr);
      LayoutPtr value = Text(context, FormatValue(RawValue(chart, s, l)), value_font, false);
      cairo_set_source_rgb(cr, 0, 0, 0);
      ShowCentred(cr, value.get(), x + bar_width / 2, top - 2 - Measure(value.get()).h);
    }
  }

  // Labels centred under each group.
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (std::size_t l = 0; l < label_count; ++l) {
    const double center = plot_left + group_width * (static_cast<double>(l) + 0.5);
    ShowCentred(cr, labels[l].get(), center, plot_bottom + 4);
  }
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void PaintChart(cairo_t* cr, const Chart& chart, double x, double y, double width, double height) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, kPxToPt, kPxToPt);
  // A context of its own, following the current transformation of `cr`, at
  // 72 dpi so that a size of 14 is 14 user units (CSS pixels here); no
  // hinting, so the layout does not depend on the output resolution.
  std::unique_ptr<PangoContext, ContextDeleter> context(pango_cairo_create_context(cr));
  pango_cairo_context_set_resolution(context.get(), 72);
  pango_context_set_language(context.get(), pango_language_from_string("vi"));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  Paint(cr, context.get(), chart, width / kPxToPt, height / kPxToPt);
  cairo_restore(cr);
}

Result<std::string> ChartPng(const Chart& chart, int width_px, int height_px) {
  if (width_px < 1 || height_px < 1 || width_px > kMaxPx || height_px > kMaxPx) {
    return MakeError(ErrorCode::kInvalidArgument, "Kích thước ảnh biểu đồ không hợp lệ.");
  }
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, height_px);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  // Points per pixel such that the printed width (width_mm) spans the image.
  const double width_pt = (chart.width_mm > 0 ? chart.width_mm : 160) * 72.0 / 25.4;
  const double scale = width_px / width_pt;
  cairo_scale(cr, scale, scale);
  PaintChart(cr, chart, 0, 0, width_px / scale, height_px / scale);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  std::string png;
  if (status == CAIRO_STATUS_SUCCESS) {
    cairo_surface_flush(surface);
    status = cairo_surface_write_to_png_stream(surface, AppendBytes, &png);
  }
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, std::string("Không vẽ được biểu đồ (") +
                                               cairo_status_to_string(status) + ").");
  }
  return png;
}

}  // namespace doithoai
