// ToMarkup and ToMarkupList: writing a Document as its text form (markup.h).
#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/documents/markup.h"
#include "core/documents/markup_internal.h"

namespace doithoai {

namespace {

using markup_internal::Field;
using markup_internal::IsSpace;
using markup_internal::KeyName;

struct EscapeOptions {
  std::string_view lead_chars = {};  // a first character among these gets a backslash
  bool pipes = false;                // table cells: "|" → "\|"
  bool double_colons = false;        // headings, QR payloads: "::" → "\::"
};

std::string Escape(std::string_view text, const EscapeOptions& options = {}) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool first = i == 0;
    const bool last = i + 1 == text.size();
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      bool escape = (first || last) && IsSpace(c);
      escape = escape || (first && options.lead_chars.find(c) != std::string_view::npos);
      escape = escape || (options.pipes && c == '|');
      escape = escape || (options.double_colons && c == ':' && !last && text[i + 1] == ':');
      if (escape) out += '\\';
      out += c;
    }
  }
  return out;
}

void AddKey(std::string& out, std::string_view key, std::string_view value) {
  // A '\n' inside a header or signature field is written as a repeated key.
  std::size_t start = 0;
  while (true) {
    const std::size_t end = value.find('\n', start);
    const std::string_view part = value.substr(start, end - start);
    out += "@";
    out += key;
    out += ":";
    if (!part.empty()) out += " " + Escape(part);
    out += "\n";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

void AddKey(std::string& out, Field field, std::string_view value) {
  AddKey(out, KeyName(field), value);
}

std::string TableRow(const std::vector<std::string>& cells) {
  if (cells.empty()) return "|";
  std::string line = "|";
  for (const std::string& cell : cells) {
    line += " " + Escape(cell, {.pipes = true}) + " |";
  }
  return line;
}

// The canonical chart keyword and left-signature keys; markup_parser.cc reads
// them (and their variants) from its kChartKeywords and kLeftKeys.
constexpr std::string_view kChartKeyword = "BIỂU ĐỒ";
constexpr std::string_view kLeftAuthorityKey = "ky-tm-trai";
constexpr std::string_view kLeftPositionKey = "chuc-vu-trai";
constexpr std::string_view kLeftSignerKey = "nguoi-ky-trai";

// The shortest text that reads back as exactly `value`, with a decimal comma:
// 12 → "12", 2.5 → "2,5", -0.125 → "-0,125". Never grouped or in exponent
// form (the parser reads '.' as a thousands separator).
std::string ChartNumber(double value) {
  char buffer[512];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed);
  std::string text = ec == std::errc() ? std::string(buffer, end) : "0";
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// "[BIỂU ĐỒ 160x80mm] title", then "| | series … |" and "| label | value … |"
// lines. Values missing from a ragged `values` (which Validate rejects) are
// written as 0.
std::string ChartMarkup(const Chart& chart) {
  std::string out = "[";
  out += kChartKeyword;
  out += " " + std::to_string(chart.width_mm) + "x" + std::to_string(chart.height_mm) + "mm]";
  if (!chart.title.empty()) out += " " + Escape(chart.title);
  if (chart.labels.empty() && chart.series.empty()) return out;
  std::vector<std::string> header = {""};
  header.insert(header.end(), chart.series.begin(), chart.series.end());
  out += "\n" + TableRow(header);
  for (std::size_t l = 0; l < chart.labels.size(); ++l) {
    out += "\n| " + Escape(chart.labels[l], {.pipes = true}) + " |";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const bool present = s < chart.values.size() && l < chart.values[s].size();
      out += " " + ChartNumber(present ? chart.values[s][l] : 0) + " |";
    }
  }
  return out;
}

// "{name} " for each flag set on `paragraph`.
std::string Flags(const Paragraph& paragraph) {
  std::string flags;
  auto add = [&flags](std::string_view name) {
    flags += "{";
    flags += name;
    flags += "} ";
  };
  if (paragraph.bold) add(markup_internal::kBoldFlag);
  if (paragraph.italic) add(markup_internal::kItalicFlag);
  if (!paragraph.first_line_indent) add(markup_internal::kNoIndentFlag);
  return flags;
}

}  // namespace

std::string ToMarkup(const Document& doc) {
  std::string out;
  AddKey(out, Field::kParent, doc.header.parent_body);
  AddKey(out, Field::kIssuer, doc.header.issuing_body);
  AddKey(out, Field::kNumber, doc.header.number);
  AddKey(out, Field::kPlaceDate, doc.header.place_date);
  AddKey(out, Field::kTitle, doc.title);
  AddKey(out, Field::kSubject, doc.subject);
  bool previous_list = false;  // the previous block was a heading or a bullet
  for (const Block& block : doc.body) {
    const bool bullet = std::holds_alternative<Bullet>(block);
    if (!(bullet && previous_list)) out += "\n";
    previous_list = bullet || std::holds_alternative<Heading>(block);
    if (const auto* heading = std::get_if<Heading>(&block)) {
      out += std::string(static_cast<std::size_t>(std::max(heading->level, 1)), '#');
      if (!heading->text.empty()) out += " " + Escape(heading->text, {.double_colons = true});
      if (!heading->run_in.empty()) out += " :: " + Escape(heading->run_in);
    } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      const std::string flags = Flags(*paragraph);
      if (paragraph->text.empty()) {
        out += flags.empty() ? "{}" : flags.substr(0, flags.size() - 1);
      } else {
        out += flags + Escape(paragraph->text, {.lead_chars = markup_internal::kParagraphLead});
      }
    } else if (const auto* item = std::get_if<Bullet>(&block)) {
      out += item->text.empty() ? "-" : "- " + Escape(item->text);
    } else if (const auto* table = std::get_if<Table>(&block)) {
      if (!table->column_widths.empty()) {
        out += "@";
        out += markup_internal::kWidthsKey;
        out += ": ";
        for (std::size_t i = 0; i < table->column_widths.size(); ++i) {
          out += (i == 0 ? "" : ", ") + std::to_string(table->column_widths[i]);
        }
        out += "\n";
      }
      out += TableRow(table->header);
      for (const auto& row : table->rows) out += "\n" + TableRow(row);
    } else if (const auto* qr = std::get_if<QrCode>(&block)) {
      out += "[QR " + std::to_string(qr->size_mm) + "mm]";
      if (!qr->payload.empty()) out += " " + Escape(qr->payload, {.double_colons = true});
      if (!qr->caption.empty()) out += " :: " + Escape(qr->caption);
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
      out += ChartMarkup(*chart);
    }
    out += "\n";
  }
  out += "\n";
  AddKey(out, markup_internal::kRecipientsKey, "");
  for (const std::string& line : doc.recipients) {
    out += (line.empty() ? "\\" : Escape(line, {.lead_chars = markup_internal::kRecipientLead})) +
           "\n";
  }
  if (doc.left_signature) {
    AddKey(out, kLeftAuthorityKey, doc.left_signature->authority);
    AddKey(out, kLeftPositionKey, doc.left_signature->position);
    AddKey(out, kLeftSignerKey, doc.left_signature->signer_name);
  }
  AddKey(out, Field::kAuthority, doc.signature.authority);
  AddKey(out, Field::kPosition, doc.signature.position);
  AddKey(out, Field::kSigner, doc.signature.signer_name);
  return out;
}

std::string ToMarkupList(const std::vector<Document>& docs) {
  std::string out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) {
      out += "\n";
      out += markup_internal::kListSeparator;
      out += "\n\n";
    }
    out += ToMarkup(docs[i]);
  }
  return out;
}

}  // namespace doithoai
