// Tests for the SVG bar chart (DLG-13 report figures): well-formed XML, one
// bar and one printed value per label × series, escaping, wrapped Vietnamese
// labels, round y ticks, the legend rule and the empty-chart message.
#include "core/documents/chart.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace doithoai {
namespace {

// A tiny XML checker: tags balance, attribute values are quoted, text has no
// raw '<' and every '&' starts a known entity. Returns "" or the problem.
std::string CheckXml(std::string_view xml) {
  std::vector<std::string> stack;
  std::size_t i = 0;
  bool root_seen = false;
  auto check_text = [](std::string_view text) -> std::string {
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '<' || text[k] == '>') return "raw angle bracket in text";
      if (text[k] == '&') {
        bool known = false;
        for (std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
          known = known || text.substr(k, entity.size()) == entity;
        }
        if (!known) return "bad entity at " + std::string(text.substr(k, 8));
      }
    }
    return "";
  };
  while (i < xml.size()) {
    const std::size_t lt = xml.find('<', i);
    const std::string_view text = xml.substr(i, lt == std::string_view::npos ? xml.npos : lt - i);
    if (std::string problem = check_text(text); !problem.empty()) return problem;
    if (stack.empty() && text.find_first_not_of(" \n") != std::string_view::npos) {
      return "text outside the root element";
    }
    if (lt == std::string_view::npos) break;
    if (xml.substr(lt, 2) == "<?") {
      if (lt != 0) return "XML declaration not at the start";
      const std::size_t end = xml.find("?>", lt);
      if (end == std::string_view::npos) return "unclosed declaration";
      i = end + 2;
      continue;
    }
    // Find the end of the tag, skipping quoted attribute values.
    std::size_t k = lt + 1;
    char quote = 0;
    while (k < xml.size() && (quote != 0 || xml[k] != '>')) {
      if (quote == 0 && (xml[k] == '"' || xml[k] == '\'')) {
        quote = xml[k];
      } else if (quote != 0 && xml[k] == quote) {
        quote = 0;
      } else if (quote != 0 && xml[k] == '<') {
        return "raw '<' in an attribute";
      }
      ++k;
    }
    if (k == xml.size()) return "unclosed tag";
    std::string_view tag = xml.substr(lt + 1, k - lt - 1);
    i = k + 1;
    if (!tag.empty() && tag[0] == '/') {
      const std::string name(tag.substr(1));
      if (stack.empty() || stack.back() != name) return "unbalanced </" + name + ">";
      stack.pop_back();
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.remove_suffix(1);
    const std::size_t name_end = tag.find_first_of(" \n");
    const std::string name(tag.substr(0, name_end));
    if (name.empty()) return "empty tag name";
    // Attributes: name="value" pairs.
    std::string_view attrs = name_end == std::string_view::npos ? "" : tag.substr(name_end);
    while (true) {
      const std::size_t start = attrs.find_first_not_of(" \n");
      if (start == std::string_view::npos) break;
      const std::size_t eq = attrs.find('=', start);
      if (eq == std::string_view::npos || eq + 1 >= attrs.size() || attrs[eq + 1] != '"') {
        return "unquoted attribute in <" + name + ">";
      }
      const std::size_t close = attrs.find('"', eq + 2);
      if (close == std::string_view::npos) return "unclosed attribute";
      if (std::string problem = check_text(attrs.substr(eq + 2, close - eq - 2));
          !problem.empty()) {
        return problem;
      }
      attrs.remove_prefix(close + 1);
    }
    if (stack.empty()) {
      if (root_seen) return "second root element";
      root_seen = true;
    }
    if (!self_closing) stack.push_back(name);
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  if (!root_seen) return "no root element";
  return "";
}

int Count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The texts of every <text class="cls" …>…</text>, tspans joined by '|'.
std::vector<std::string> Texts(std::string_view svg, std::string_view cls) {
  std::vector<std::string> texts;
  const std::string open = "<text class=\"" + std::string(cls) + "\"";
  for (std::size_t at = svg.find(open); at != std::string_view::npos; at = svg.find(open, at + 1)) {
    const std::size_t begin = svg.find('>', at) + 1;
    const std::size_t end = svg.find("</text>", begin);
    std::string inner(svg.substr(begin, end - begin));
    std::string plain;
    bool in_tag = false;
    bool first_span = true;
    for (std::size_t k = 0; k < inner.size(); ++k) {
      if (inner.compare(k, 6, "<tspan") == 0) {
        if (!first_span) plain += '|';
        first_span = false;
      }
      if (inner[k] == '<') in_tag = true;
      if (!in_tag) plain += inner[k];
      if (inner[k] == '>') in_tag = false;
    }
    texts.push_back(plain);
  }
  return texts;
}

Chart ReportChart() {
  Chart chart;
  chart.title = "Số ý kiến theo lĩnh vực";
  chart.labels = {"Đất đai – môi trường", "Xây dựng – giao thông – thủy lợi", "Chính sách xã hội"};
  chart.series = {"Đã trả lời tại hội nghị", "Trả lời sau"};
  chart.values = {{3, 7, 12}, {1, 0, 4}};
  return chart;
}

TEST(ChartSvgTest, IsWellFormedXml) {
  const std::string svg = ChartSvg(ReportChart(), 600, 300);
  EXPECT_EQ(CheckXml(svg), "") << svg;
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0), 0u);
  EXPECT_NE(svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"600\" height=\"300\" viewBox=\"0 0 600 300\""), std::string::npos);
  EXPECT_NE(svg.find("Liberation Serif"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(ChartSvgTest, InlineFormHasNoXmlDeclaration) {
  const std::string svg = ChartSvg(ReportChart(), 600, 300, /*standalone=*/false);
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_EQ(CheckXml(svg), "");
}

TEST(ChartSvgTest, OneBarAndOneValuePerLabelAndSeries) {
  const std::string svg = ChartSvg(ReportChart(), 600, 300);
  EXPECT_EQ(Count(svg, "class=\"bar\""), 6);
  EXPECT_EQ(Texts(svg, "value"), (std::vector<std::string>{"3", "1", "7", "0", "12", "4"}));
  // Bars take their series' colour.
  EXPECT_EQ(Count(svg, std::string("fill=\"") + ChartColor(0) + "\"><title>"), 3);
  EXPECT_EQ(Count(svg, std::string("fill=\"") + ChartColor(1) + "\"><title>"), 3);
  // A tooltip names the series, the label and the value.
  EXPECT_NE(svg.find("<title>Trả lời sau – Chính sách xã hội: 4</title>"), std::string::npos);

  Chart single;
  single.labels = {"A", "B", "C", "D"};
  single.series = {"Số ý kiến"};
  single.values = {{5, 0, 2, 9}};
  EXPECT_EQ(Count(ChartSvg(single, 400, 200), "class=\"bar\""), 4);
}

TEST(ChartSvgTest, TallerValuesGiveTallerBars) {
  Chart chart;
  chart.labels = {"a", "b"};
  chart.series = {"s"};
  chart.values = {{2, 8}};
  const std::string svg = ChartSvg(chart, 300, 200);
  auto height_of = [&svg](int bar) {
    std::size_t at = svg.find("class=\"bar\"");
    for (int i = 0; i < bar; ++i) at = svg.find("class=\"bar\"", at + 1);
    const std::size_t h = svg.find("height=\"", at) + 8;
    return std::stod(svg.substr(h, svg.find('"', h) - h));
  };
  EXPECT_GT(height_of(0), 0);
  EXPECT_NEAR(height_of(1), 4 * height_of(0), 0.5);
}

TEST(ChartSvgTest, YTicksAreRoundNumbers) {
  EXPECT_EQ(Texts(ChartSvg(ReportChart(), 600, 300), "tick"),
            (std::vector<std::string>{"0", "5", "10", "15"}));
  Chart chart;
  chart.labels = {"a"};
  chart.series = {"s"};
  chart.values = {{1}};  // counts never get fractional ticks
  EXPECT_EQ(Texts(ChartSvg(chart, 300, 200), "tick"), (std::vector<std::string>{"0", "1"}));
  chart.values = {{0}};
  EXPECT_EQ(Texts(ChartSvg(chart, 300, 200), "tick"), (std::vector<std::string>{"0", "1"}));
  chart.values = {{1840}};
  EXPECT_EQ(Texts(ChartSvg(chart, 300, 200), "tick"),
            (std::vector<std::string>{"0", "500", "1.000", "1.500", "2.000"}));
  EXPECT_EQ(Texts(ChartSvg(chart, 300, 200), "value"), (std::vector<std::string>{"1.840"}));
  chart.values = {{0.35}};
  EXPECT_EQ(Texts(ChartSvg(chart, 300, 200), "tick"),
            (std::vector<std::string>{"0", "0,1", "0,2", "0,3", "0,4"}));
  EXPECT_EQ(Texts(ChartSvg(chart, 300, 200), "value"), (std::vector<std::string>{"0,35"}));
}

TEST(ChartSvgTest, EscapesXmlSpecialCharacters) {
  Chart chart;
  chart.title = "Tiêu đề <b>&\"x\"'";
  chart.labels = {"a<b", "c&d"};
  chart.series = {"\"s1\"", "s<2>"};
  chart.values = {{1, 2}, {3, 4}};
  const std::string svg = ChartSvg(chart, 500, 250);
  EXPECT_EQ(CheckXml(svg), "") << svg;
  EXPECT_NE(svg.find("Tiêu đề &lt;b&gt;&amp;&quot;x&quot;&apos;"), std::string::npos);
  EXPECT_NE(svg.find(">a&lt;b<"), std::string::npos);
  EXPECT_NE(svg.find(">c&amp;d<"), std::string::npos);
  EXPECT_NE(svg.find(">&quot;s1&quot;<"), std::string::npos);
  EXPECT_NE(svg.find(">s&lt;2&gt;<"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_EQ(svg.find("c&d"), std::string::npos);
  // Control characters XML forbids never reach the output.
  chart.title = std::string("a\x01") + "b\nc";
  const std::string with_controls = ChartSvg(chart, 500, 250);
  EXPECT_EQ(with_controls.find('\x01'), std::string::npos);
  EXPECT_EQ(CheckXml(with_controls), "");
}

TEST(ChartSvgTest, EmptyChartSaysNoData) {
  Chart chart;
  chart.title = "Số ý kiến theo lĩnh vực";
  const std::string svg = ChartSvg(chart, 400, 200);
  EXPECT_EQ(CheckXml(svg), "") << svg;
  EXPECT_EQ(Texts(svg, "empty"), (std::vector<std::string>{"Không có số liệu"}));
  EXPECT_EQ(Texts(svg, "title"), (std::vector<std::string>{"Số ý kiến theo lĩnh vực"}));
  EXPECT_EQ(Count(svg, "class=\"bar\""), 0);
  EXPECT_EQ(svg.find("class=\"tick\""), std::string::npos);
  // Labels without any series have nothing to draw either.
  chart.labels = {"Đất đai"};
  EXPECT_EQ(Texts(ChartSvg(chart, 400, 200), "empty").size(), 1u);
  // No title at all.
  EXPECT_EQ(CheckXml(ChartSvg(Chart{}, 400, 200)), "");
  EXPECT_EQ(ChartSvg(Chart{}, 400, 200).find("<title>"), std::string::npos);
}

TEST(ChartSvgTest, OutputIsDeterministic) {
  const Chart chart = ReportChart();
  EXPECT_EQ(ChartSvg(chart, 640, 320), ChartSvg(chart, 640, 320));
  EXPECT_NE(ChartSvg(chart, 640, 320), ChartSvg(chart, 641, 320));
}

TEST(ChartSvgTest, LegendOnlyWithSeveralSeries) {
  Chart chart = ReportChart();
  const std::string two = ChartSvg(chart, 600, 300);
  EXPECT_NE(two.find("<g class=\"legend\">"), std::string::npos);
  EXPECT_EQ(Texts(two, "legend-label"),
            (std::vector<std::string>{"Đã trả lời tại hội nghị", "Trả lời sau"}));
  EXPECT_EQ(Count(two, "class=\"legend-swatch\""), 2);

  chart.series = {"Số ý kiến"};
  chart.values = {{3, 7, 12}};
  const std::string one = ChartSvg(chart, 600, 300);
  EXPECT_EQ(one.find("legend"), std::string::npos);
}

TEST(ChartSvgTest, KeepsVietnameseTextAsUtf8) {
  const std::string svg = ChartSvg(ReportChart(), 900, 300);
  EXPECT_NE(svg.find("Số ý kiến theo lĩnh vực"), std::string::npos);
  EXPECT_NE(svg.find("Đất đai – môi trường"), std::string::npos);
  EXPECT_NE(svg.find("thủy lợi"), std::string::npos);
  EXPECT_EQ(svg.find("&#"), std::string::npos);  // no numeric character references
}

TEST(ChartSvgTest, LongLabelsWrapInAtMostThreeLines) {
  Chart chart;
  chart.labels = {"Xây dựng – giao thông – thủy lợi", "Đất đai – môi trường", "Y tế", "Giáo dục",
                  "Một lĩnh vực có tên rất rất dài không thể nào viết hết trong ba dòng được"};
  chart.series = {"Số ý kiến"};
  chart.values = {{4, 3, 1, 2, 1}};
  const std::string svg = ChartSvg(chart, 500, 260);
  EXPECT_EQ(CheckXml(svg), "");
  const std::vector<std::string> labels = Texts(svg, "label");
  ASSERT_EQ(labels.size(), 5u);
  // Group width ≈ 95 px: about 18 characters of 10 px type per line.
  EXPECT_EQ(labels[0], "Xây dựng – giao|thông – thủy lợi");
  EXPECT_EQ(labels[1], "Đất đai – môi|trường");
  EXPECT_EQ(labels[2], "Y tế");
  EXPECT_EQ(Count(labels[4], "|"), 2);  // three lines
  EXPECT_EQ(labels[4].substr(labels[4].size() - 3), "…");
  // Wide enough: one line each.
  const std::vector<std::string> wide = Texts(ChartSvg(chart, 2000, 260), "label");
  EXPECT_EQ(wide[0], "Xây dựng – giao thông – thủy lợi");
  // A line break in a label is kept.
  chart.labels[2] = "Y tế\nDân số";
  EXPECT_EQ(Texts(ChartSvg(chart, 2000, 260), "label")[2], "Y tế|Dân số");
}

TEST(ChartSvgTest, RaggedOrNegativeValuesStillDraw) {
  // Validate rejects these; the drawing must still be valid SVG.
  Chart chart;
  chart.labels = {"a", "b", "c"};
  chart.series = {"s", "t"};
  chart.values = {{-2, 5}};
  const std::string svg = ChartSvg(chart, 300, 150);
  EXPECT_EQ(CheckXml(svg), "");
  EXPECT_EQ(Count(svg, "class=\"bar\""), 6);
  EXPECT_EQ(svg.find("height=\"-"), std::string::npos);
  EXPECT_EQ(Texts(svg, "value"), (std::vector<std::string>{"-2", "0", "5", "0", "0", "0"}));
  // Tiny sizes give no negative lengths either.
  const std::string tiny = ChartSvg(ReportChart(), 10, 10);
  EXPECT_EQ(CheckXml(tiny), "");
  EXPECT_EQ(tiny.find("height=\"-"), std::string::npos);
  EXPECT_EQ(tiny.find("width=\"-"), std::string::npos);
}

TEST(ChartColorTest, DistinctAndCycling) {
  EXPECT_STREQ(ChartColor(0), "#1f4e79");
  EXPECT_STRNE(ChartColor(0), ChartColor(1));
  EXPECT_STRNE(ChartColor(1), ChartColor(2));
  EXPECT_STREQ(ChartColor(8), ChartColor(0));
}

}  // namespace
}  // namespace doithoai
