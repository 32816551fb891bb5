// ChartSvg and ChartColor (chart.h): a grouped bar chart as SVG text.
//
// Layout from the top: the title (wrapped, at most 2 lines), the legend (only
// with more than one series; items wrap into rows), the plot area with
// horizontal grid lines at round ticks and the values printed above the bars,
// then the labels centred under each group, wrapped to the group's width in at
// most 3 lines ("…" when cut). Text widths are estimated from the number of
// code points (no font metrics in the core), so the output depends only on the
// arguments. Numbers are printed Vietnamese style ("1.500", "2,5").
#include "core/documents/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/xml_escape.h"

namespace doithoai {
namespace {

constexpr std::string_view kFontFamily = "'Liberation Serif', 'Times New Roman', serif";
constexpr std::string_view kNoData = "Không có số liệu";
constexpr std::string_view kEllipsis = "…";

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
constexpr double kLabelLine = 12;
constexpr int kLabelMaxLines = 3;
// Average advance of a Times-like glyph, as a fraction of the font size.
constexpr double kCharWidth = 0.5;

// Coordinates with at most one decimal, independent of the C locale:
// 12 → "12", 12.25 → "12.3", -0.04 → "0".
std::string Num(double x) {
  if (!std::isfinite(x)) return "0";
  const long long tenths = std::llround(x * 10);
  std::string out = tenths < 0 ? "-" : "";
  const long long a = tenths < 0 ? -tenths : tenths;
  out += std::to_string(a / 10);
  if (a % 10 != 0) out += "." + std::to_string(a % 10);
  return out == "-0" ? "0" : out;
}

// A value as printed on the chart: thousands grouped with '.', at most two
// decimals after ',' (trailing zeros dropped): 1500 → "1.500", 2.5 → "2,5".
std::string FormatValue(double value) {
  if (!std::isfinite(value)) return "0";
  const long long hundredths = std::llround(std::fabs(value) * 100);
  const long long whole = hundredths / 100;
  const long long fraction = hundredths % 100;
  std::string digits = std::to_string(whole);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  if (fraction != 0) {
    grouped += ',';
    grouped += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) grouped += static_cast<char>('0' + fraction % 10);
  }
  return (value < 0 && hundredths != 0 ? "-" : "") + grouped;
}

// XML text and attribute escaping. Line breaks and tabs become spaces (wrapped
// text is split into lines first); other control characters, which XML 1.0
// forbids, are dropped.
std::string Escape(std::string_view text) {
  std::string flat(text);
  for (char& c : flat) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string out;
  text::AppendXmlEscaped(out, flat);
  return out;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points of `text` (the width estimate).
int CodePoints(std::string_view text) {
  int n = 0;
  for (char c : text) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

// The first `count` code points of `text`.
std::string_view PrefixCodePoints(std::string_view text, int count) {
  std::size_t i = 0;
  int seen = 0;
  while (i < text.size()) {
    if (!IsContinuationByte(text[i])) {
      if (seen == count) break;
      ++seen;
    }
    ++i;
  }
  return text.substr(0, i);
}

double TextWidth(std::string_view text, double font_size) {
  return CodePoints(text) * font_size * kCharWidth;
}

// Greedy word wrap into lines of at most `max_chars` code points; '\n' (and
// '\r') force a break; a word longer than a line is cut. At most `max_lines`
// lines: the last kept line then ends with "…".
std::vector<std::string> Wrap(std::string_view text, int max_chars, int max_lines) {
  max_chars = std::max(max_chars, 2);
  std::vector<std::string> lines;
  bool truncated = false;
  auto push = [&](std::string line) {
    if (static_cast<int>(lines.size()) >= max_lines) {
      truncated = true;
      return;
    }
    lines.push_back(std::move(line));
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\n\r", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view paragraph = text.substr(start, end - start);
    // Words; a lone dash stays with the word before it, so no line starts
    // with one ("Xây dựng – giao thông –" / "thủy lợi").
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < paragraph.size()) {
      while (i < paragraph.size() && (paragraph[i] == ' ' || paragraph[i] == '\t')) ++i;
      if (i == paragraph.size()) break;
      std::size_t j = i;
      while (j < paragraph.size() && paragraph[j] != ' ' && paragraph[j] != '\t') ++j;
      const std::string_view word = paragraph.substr(i, j - i);
      i = j;
      const bool dash = word == "-" || word == "–" || word == "—";
      if (dash && !words.empty()) {
        words.back() += ' ';
        words.back() += word;
      } else {
        words.emplace_back(word);
      }
    }
    std::string line;
    for (const std::string& whole_word : words) {
      std::string_view word = whole_word;
      if (!line.empty() && CodePoints(line) + 1 + CodePoints(word) <= max_chars) {
        line += ' ';
        line += word;
        continue;
      }
      if (!line.empty()) push(std::move(line));
      line.clear();
      while (CodePoints(word) > max_chars) {
        const std::string_view head = PrefixCodePoints(word, max_chars);
        push(std::string(head));
        word.remove_prefix(head.size());
      }
      line = std::string(word);
    }
    if (!line.empty() || words.empty()) push(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (truncated && !lines.empty()) {
    std::string& last = lines.back();
    const int keep = std::max(max_chars - 1, 1);
    if (CodePoints(last) > keep) last = std::string(PrefixCodePoints(last, keep));
    last += kEllipsis;
  }
  return lines;
}

// A round step ≥ raw_step: 1, 2 or 5 times a power of ten (at least 1 when
// every value is whole, so counts never get ticks like 0,5).
double NiceStep(double raw_step, bool whole) {
  if (!(raw_step > 0)) return 1;
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

// Value at [series][label]; missing, negative or non-finite values draw as 0.
double BarValue(const Chart& chart, std::size_t s, std::size_t l) {
  if (s >= chart.values.size() || l >= chart.values[s].size()) return 0;
  const double v = chart.values[s][l];
  return std::isfinite(v) && v > 0 ? v : 0;
}

double RawValue(const Chart& chart, std::size_t s, std::size_t l) {
  if (s >= chart.values.size() || l >= chart.values[s].size()) return 0;
  const double v = chart.values[s][l];
  return std::isfinite(v) ? v : 0;
}

void Text(std::string& out, std::string_view cls, double x, double y, std::string_view anchor,
          double font_size, std::string_view text, std::string_view extra = "") {
  out += "<text class=\"" + std::string(cls) + "\" x=\"" + Num(x) + "\" y=\"" + Num(y) +
         "\" text-anchor=\"" + std::string(anchor) + "\" font-size=\"" + Num(font_size) + "\"";
  out += extra;
  out += ">" + Escape(text) + "</text>\n";
}

// Several centred lines as one <text> with a <tspan> per line.
void Lines(std::string& out, std::string_view cls, double x, double first_baseline,
           double line_height, double font_size, const std::vector<std::string>& lines,
           std::string_view extra = "") {
  if (lines.empty()) return;
  out += "<text class=\"" + std::string(cls) + "\" x=\"" + Num(x) + "\" y=\"" +
         Num(first_baseline) + "\" text-anchor=\"middle\" font-size=\"" + Num(font_size) + "\"";
  out += extra;
  out += ">";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += "<tspan x=\"" + Num(x) + "\" dy=\"" + (i == 0 ? std::string("0") : Num(line_height)) +
           "\">" + Escape(lines[i]) + "</tspan>";
  }
  out += "</text>\n";
}

struct LegendItem {
  std::size_t series;
  std::string name;
  double width;
};

}  // namespace

const char* ChartColor(size_t series) {
  // Print-friendly, distinguishable in grey scale order (dark, mid, light).
  static constexpr const char* kColors[] = {"#1f4e79", "#c55a11", "#548235", "#7f6000",
                                            "#7030a0", "#2e75b6", "#a5a5a5", "#c00000"};
  return kColors[series % (sizeof(kColors) / sizeof(kColors[0]))];
}

std::string ChartSvg(const Chart& chart, int width_px, int height_px, bool standalone) {
  const double width = std::max(width_px, 1);
  const double height = std::max(height_px, 1);
  std::string out;
  if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(width) + "\" height=\"" +
         Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " + Num(height) +
         "\" role=\"img\" font-family=\"" + Escape(kFontFamily) + "\"";
  if (!chart.title.empty()) out += " aria-label=\"" + Escape(chart.title) + "\"";
  out += ">\n";
  if (!chart.title.empty()) out += "<title>" + Escape(chart.title) + "</title>\n";
  out += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" + Num(width) + "\" height=\"" +
         Num(height) + "\" fill=\"#ffffff\"/>\n";

  // Title.
  double y = kMargin;
  const int title_chars = static_cast<int>((width - 2 * kMargin) / (kTitleFont * kCharWidth * 1.1));
  const std::vector<std::string> title_lines = Wrap(chart.title, title_chars, kTitleMaxLines);
  if (!title_lines.empty()) {
    Lines(out, "title", width / 2, y + kTitleFont, kTitleLine, kTitleFont, title_lines,
          " font-weight=\"bold\"");
    y += kTitleLine * static_cast<double>(title_lines.size()) + 4;
  }

  const std::size_t label_count = chart.labels.size();
  const std::size_t series_count = chart.series.size();
  if (label_count == 0 || series_count == 0) {
    Text(out, "empty", width / 2, std::max(y + kTitleFont, (y + height) / 2), "middle", 12, kNoData,
         " font-style=\"italic\" fill=\"#595959\"");
    out += "</svg>\n";
    return out;
  }

  // Legend rows (only when the bars need telling apart).
  if (series_count > 1) {
    const double available = width - 2 * kMargin;
    std::vector<std::vector<LegendItem>> rows(1);
    double row_width = 0;
    for (std::size_t s = 0; s < series_count; ++s) {
      const int max_chars =
          std::max(static_cast<int>((available - kSwatch - 20) / (kLegendFont * kCharWidth)), 4);
      const std::vector<std::string> name = Wrap(chart.series[s], max_chars, 1);
      LegendItem item{s, name.empty() ? std::string() : name[0], 0};
      item.width = kSwatch + 4 + TextWidth(item.name, kLegendFont) + 16;
      if (!rows.back().empty() && row_width + item.width > available) {
        rows.emplace_back();
        row_width = 0;
      }
      rows.back().push_back(item);
      row_width += item.width;
    }
    out += "<g class=\"legend\">\n";
    for (const auto& row : rows) {
      double total = 0;
      for (const LegendItem& item : row) total += item.width;
      double x = (width - total + 16) / 2;
      for (const LegendItem& item : row) {
        out += "<rect class=\"legend-swatch\" x=\"" + Num(x) + "\" y=\"" + Num(y + 2) +
               "\" width=\"" + Num(kSwatch) + "\" height=\"" + Num(kSwatch) + "\" fill=\"" +
               ChartColor(item.series) + "\"/>\n";
        Text(out, "legend-label", x + kSwatch + 4, y + 11, "start", kLegendFont, item.name);
        x += item.width;
      }
      y += kLegendRow;
    }
    out += "</g>\n";
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
  std::vector<std::string> tick_labels;
  double tick_width = 0;
  for (int i = 0; i <= tick_count; ++i) {
    tick_labels.push_back(FormatValue(step * i));
    tick_width = std::max(tick_width, TextWidth(tick_labels.back(), kTickFont));
  }

  // Horizontal extent, then the labels (their wrapped height sets the bottom).
  const double plot_left = kMargin + tick_width + 8;
  const double plot_right = std::max(width - kMargin - 4, plot_left + 1);
  const double group_width = (plot_right - plot_left) / static_cast<double>(label_count);
  const int label_chars = static_cast<int>((group_width - 4) / (kLabelFont * kCharWidth));
  std::vector<std::vector<std::string>> label_lines;
  std::size_t most_lines = 1;
  for (const std::string& label : chart.labels) {
    label_lines.push_back(Wrap(label, label_chars, kLabelMaxLines));
    most_lines = std::max(most_lines, label_lines.back().size());
  }
  const double plot_top = y + kValueFont + 8;
  const double plot_bottom =
      std::max(height - kMargin - kLabelLine * static_cast<double>(most_lines) - 4, plot_top + 1);
  const double plot_height = plot_bottom - plot_top;
  auto y_of = [&](double v) { return plot_bottom - plot_height * v / axis_max; };

  out += "<g class=\"axis\">\n";
  for (int i = 0; i <= tick_count; ++i) {
    const double ty = y_of(step * i);
    out += "<line class=\"grid\" x1=\"" + Num(plot_left) + "\" y1=\"" + Num(ty) + "\" x2=\"" +
           Num(plot_right) + "\" y2=\"" + Num(ty) + "\" stroke=\"" +
           (i == 0 ? "#404040" : "#d9d9d9") + "\" stroke-width=\"1\"/>\n";
    Text(out, "tick", plot_left - 5, ty + kTickFont * 0.35, "end", kTickFont,
         tick_labels[static_cast<std::size_t>(i)]);
  }
  out += "<line class=\"y-axis\" x1=\"" + Num(plot_left) + "\" y1=\"" + Num(plot_top) + "\" x2=\"" +
         Num(plot_left) + "\" y2=\"" + Num(plot_bottom) +
         "\" stroke=\"#404040\" stroke-width=\"1\"/>\n";
  out += "</g>\n";

  // Bars, 80% of each group, with their values above them.
  const double bar_width = group_width * 0.8 / static_cast<double>(series_count);
  const double value_font = std::clamp(bar_width * 0.9, 7.0, kValueFont);
  out += "<g class=\"bars\">\n";
  for (std::size_t l = 0; l < label_count; ++l) {
    const double group_left = plot_left + group_width * static_cast<double>(l);
    for (std::size_t s = 0; s < series_count; ++s) {
      const double v = BarValue(chart, s, l);
      const double x = group_left + group_width * 0.1 + bar_width * static_cast<double>(s);
      const double top = y_of(v);
      const std::string value_text = FormatValue(RawValue(chart, s, l));
      out += "<rect class=\"bar\" x=\"" + Num(x) + "\" y=\"" + Num(top) + "\" width=\"" +
             Num(bar_width) + "\" height=\"" + Num(plot_bottom - top) + "\" fill=\"" +
             ChartColor(s) + "\"><title>" + Escape(chart.series[s]) + " – " +
             Escape(chart.labels[l]) + ": " + value_text + "</title></rect>\n";
      Text(out, "value", x + bar_width / 2, top - 3, "middle", value_font, value_text);
    }
  }
  out += "</g>\n";

  out += "<g class=\"labels\">\n";
  for (std::size_t l = 0; l < label_count; ++l) {
    const double center = plot_left + group_width * (static_cast<double>(l) + 0.5);
    Lines(out, "label", center, plot_bottom + 4 + kLabelFont, kLabelLine, kLabelFont,
          label_lines[l]);
  }
  out += "</g>\n";
  out += "</svg>\n";
  return out;
}

}  // namespace doithoai
