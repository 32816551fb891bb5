// ParseMarkup and ParseMarkupList: reading the text form of a Document
// (markup.h).
#include <charconv>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/documents/markup.h"
#include "core/documents/markup_internal.h"
#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

using markup_internal::Field;
using markup_internal::IsSpace;

// One character of a lexed line; `escaped` when it followed a backslash, so
// it is plain text and never syntax.
struct Unit {
  char c;
  bool escaped;
};
using Units = std::vector<Unit>;

bool IsAsciiPunctOrSpace(char c) {
  return c == ' ' || c == '\t' || (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
         (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

Units Lex(std::string_view raw) {
  Units units;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      const char next = raw[i + 1];
      if (next == 'n' || next == 'r') {
        units.push_back({next == 'n' ? '\n' : '\r', true});
        ++i;
        continue;
      }
      if (IsAsciiPunctOrSpace(next)) {
        units.push_back({next, true});
        ++i;
        continue;
      }
    }
    if (c == '\\' && i + 1 == raw.size()) {
      // A lone backslash at the end marks the line as not blank (an empty
      // recipient); it adds no text.
      units.push_back({'\0', true});
      continue;
    }
    units.push_back({c, false});
  }
  return units;
}

Units Trim(Units units) {
  std::size_t begin = 0;
  std::size_t end = units.size();
  while (begin < end && !units[begin].escaped && IsSpace(units[begin].c)) ++begin;
  while (end > begin && !units[end - 1].escaped && IsSpace(units[end - 1].c)) --end;
  return Units(units.begin() + static_cast<std::ptrdiff_t>(begin),
               units.begin() + static_cast<std::ptrdiff_t>(end));
}

Units Slice(const Units& units, std::size_t begin, std::size_t end) {
  return Units(units.begin() + static_cast<std::ptrdiff_t>(begin),
               units.begin() + static_cast<std::ptrdiff_t>(end));
}

std::string Str(const Units& units) {
  std::string s;
  for (const Unit& u : units) {
    if (u.c != '\0' || !u.escaped) s += u.c;
  }
  return s;
}

bool Syntax(const Units& units, std::size_t i, char c) {
  return i < units.size() && !units[i].escaped && units[i].c == c;
}

// Position of the first unescaped "::", or npos.
std::size_t FindDoubleColon(const Units& units) {
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    if (Syntax(units, i, ':') && Syntax(units, i + 1, ':')) return i;
  }
  return std::string::npos;
}

// Splits at the first "::" into (before, after), both trimmed.
std::pair<std::string, std::string> SplitDoubleColon(const Units& units) {
  const std::size_t at = FindDoubleColon(units);
  if (at == std::string::npos) return {Str(Trim(units)), ""};
  return {Str(Trim(Slice(units, 0, at))), Str(Trim(Slice(units, at + 2, units.size())))};
}

// Key and flag names: case- and accent-insensitive, spaces as hyphens.
std::string NormaliseName(std::string_view name) {
  std::string folded = text::Fold(name);
  for (char& c : folded) {
    if (c == ' ' || c == '_') c = '-';
  }
  return folded;
}

Error LineError(int line, std::string_view message) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Dòng " + std::to_string(line) + ": " + std::string(message));
}

// Three or more '=' (markup_internal::kListSeparator), spaces around allowed.
bool IsSeparatorLine(std::string_view line) {
  std::size_t begin = 0;
  std::size_t end = line.size();
  while (begin < end && IsSpace(line[begin])) ++begin;
  while (end > begin && IsSpace(line[end - 1])) --end;
  if (end - begin < 3) return false;
  for (std::size_t i = begin; i < end; ++i) {
    if (line[i] != '=') return false;
  }
  return true;
}

std::optional<Field> FieldForKey(std::string_view key) {
  for (const markup_internal::FieldKey& entry : markup_internal::kFieldKeys) {
    if (entry.name == key) return entry.field;
  }
  return std::nullopt;
}

// The left signature of a Biên bản (Mẫu 1.9): "@ky-tm-trai", "@chuc-vu-trai",
// "@nguoi-ky-trai" (markup_writer.cc writes the first name listed for each
// part; "trai" = left). Any of them makes Document::left_signature present.
enum class LeftPart { kAuthority, kPosition, kSigner };
struct LeftKey {
  std::string_view name;
  LeftPart part;
};
constexpr LeftKey kLeftKeys[] = {
    {"ky-tm-trai", LeftPart::kAuthority},
    {"tham-quyen-trai", LeftPart::kAuthority},
    {"chuc-vu-trai", LeftPart::kPosition},
    {"nguoi-ky-trai", LeftPart::kSigner},
};

std::optional<LeftPart> LeftPartForKey(std::string_view key) {
  for (const LeftKey& entry : kLeftKeys) {
    if (entry.name == key) return entry.part;
  }
  return std::nullopt;
}

// Chart lines start "[BIỂU ĐỒ 160x80mm]"; the keyword is compared after
// NormaliseName. markup_writer.cc writes the first one.
constexpr std::string_view kChartKeywords[] = {"bieu-do", "chart"};

// "@co-quan-chu-quan, @co-quan, …": the canonical keys in written order, for
// the unknown-key error.
std::string KnownKeys() {
  using markup_internal::KeyName;
  std::string list;
  for (std::string_view key :
       {KeyName(Field::kParent), KeyName(Field::kIssuer), KeyName(Field::kNumber),
        KeyName(Field::kPlaceDate), KeyName(Field::kTitle), KeyName(Field::kSubject),
        markup_internal::kRecipientsKey, kLeftKeys[0].name, kLeftKeys[2].name, kLeftKeys[3].name,
        KeyName(Field::kAuthority), KeyName(Field::kPosition), KeyName(Field::kSigner),
        markup_internal::kWidthsKey}) {
    if (!list.empty()) list += ", ";
    list += "@";
    list += key;
  }
  return list;
}

// One chart value as typed: "12", "1.500" ('.' groups thousands, each group
// after the first exactly three digits), "2,5" or "-3" (Validate rejects
// negatives; they still round-trip). A blank cell is 0.
std::optional<double> ParseChartNumber(std::string_view text) {
  if (text.empty()) return 0.0;
  std::string plain;
  std::size_t i = 0;
  if (text[0] == '-') {
    plain += '-';
    ++i;
  }
  int group_digits = 0;
  bool grouped = false;
  bool any_digit = false;
  for (; i < text.size() && text[i] != ','; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      plain += c;
      ++group_digits;
      any_digit = true;
    } else if (c == '.') {
      if (group_digits == 0 || (grouped && group_digits != 3)) return std::nullopt;
      grouped = true;
      group_digits = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit || (grouped && group_digits != 3)) return std::nullopt;
  if (i < text.size()) {  // the decimal part after ','
    plain += '.';
    ++i;
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      plain += text[i];
    }
  }
  double value = 0;
  const auto [end, ec] =
      std::from_chars(plain.data(), plain.data() + plain.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

// An integer of at most 5 digits, optionally negative ("160", "-3").
std::optional<int> ParseSmallInt(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 5) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return negative ? -n : n;
}

// Splits a table or chart row ("| a | b |") into trimmed cells; the part after
// the closing "|" is dropped when blank.
std::vector<std::string> RowCells(const Units& units) {
  std::vector<std::string> cells;
  std::size_t begin = 1;
  for (std::size_t i = 1; i <= units.size(); ++i) {
    if (i == units.size() || Syntax(units, i, '|')) {
      Units cell = Trim(Slice(units, begin, i));
      if (i < units.size() || !cell.empty()) cells.push_back(Str(cell));
      begin = i + 1;
    }
  }
  return cells;
}

class Parser {
 public:
  // `lines` are NFC, without line ends; `first_line` is the number of lines[0].
  Parser(const std::vector<std::string>& lines, int first_line)
      : lines_(lines), first_line_(first_line) {}

  Result<Document> Run() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      line_no_ = first_line_ + static_cast<int>(i);
      RETURN_IF_ERROR(Line(lines_[i]));
    }
    RETURN_IF_ERROR(CloseTable());
    if (widths_line_ != 0) {
      return LineError(widths_line_, "sau dòng @cot phải là các dòng của bảng (bắt đầu bằng “|”).");
    }
    auto join = [this](Field f) {
      std::string value;
      const auto it = fields_.find(f);
      if (it == fields_.end()) return value;
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        value += (i == 0 ? "" : "\n") + it->second[i];
      }
      return value;
    };
    doc_.header.parent_body = join(Field::kParent);
    doc_.header.issuing_body = join(Field::kIssuer);
    doc_.header.number = join(Field::kNumber);
    doc_.header.place_date = join(Field::kPlaceDate);
    doc_.title = join(Field::kTitle);
    doc_.subject = join(Field::kSubject);
    doc_.signature.authority = join(Field::kAuthority);
    doc_.signature.position = join(Field::kPosition);
    doc_.signature.signer_name = join(Field::kSigner);
    if (!left_fields_.empty()) {
      auto join_left = [this](LeftPart part) {
        std::string value;
        const auto it = left_fields_.find(part);
        if (it == left_fields_.end()) return value;
        for (std::size_t i = 0; i < it->second.size(); ++i) {
          value += (i == 0 ? "" : "\n") + it->second[i];
        }
        return value;
      };
      doc_.left_signature =
          SignatureBlock{join_left(LeftPart::kAuthority), join_left(LeftPart::kPosition),
                         join_left(LeftPart::kSigner)};
    }
    return std::move(doc_);
  }

 private:
  Status Line(std::string_view raw) {
    if (IsSeparatorLine(raw)) {
      return LineError(line_no_, "dòng “===” chỉ dùng để ngăn cách nhiều văn bản (như giấy mời).");
    }
    const Units units = Trim(Lex(raw));
    const bool row = Syntax(units, 0, '|');
    if (!row) RETURN_IF_ERROR(CloseTable());
    if (units.empty()) return OkStatus();
    if (Syntax(units, 0, '@')) return Directive(units);
    if (widths_line_ != 0 && !row) {
      return LineError(widths_line_, "sau dòng @cot phải là các dòng của bảng (bắt đầu bằng “|”).");
    }
    if (in_recipients_) {
      doc_.recipients.push_back(Str(units));
      return OkStatus();
    }
    if (row) return chart_ ? ChartRowLine(units) : TableRowLine(units);
    if (Syntax(units, 0, '#')) {
      std::size_t level = 0;
      while (Syntax(units, level, '#')) ++level;
      auto [text, run_in] = SplitDoubleColon(Slice(units, level, units.size()));
      doc_.body.emplace_back(Heading{static_cast<int>(level), std::move(text), std::move(run_in)});
      return OkStatus();
    }
    if (Syntax(units, 0, '-') &&
        (units.size() == 1 || Syntax(units, 1, ' ') || Syntax(units, 1, '\t'))) {
      doc_.body.emplace_back(Bullet{Str(Trim(Slice(units, 1, units.size())))});
      return OkStatus();
    }
    if (Syntax(units, 0, '[') && units.size() >= 3 && !units[1].escaped && !units[2].escaped &&
        (units[1].c == 'Q' || units[1].c == 'q') && (units[2].c == 'R' || units[2].c == 'r')) {
      return QrLine(units);
    }
    if (Syntax(units, 0, '[')) {
      if (std::optional<std::size_t> close = ChartKeywordEnd(units))
        return ChartLine(units, *close);
    }
    if (Syntax(units, 0, '{')) return FlaggedParagraph(units);
    doc_.body.emplace_back(Paragraph{Str(units)});
    return OkStatus();
  }

  Status Directive(const Units& units) {
    std::size_t colon = 1;
    while (colon < units.size() && !Syntax(units, colon, ':')) ++colon;
    if (colon == units.size()) {
      return LineError(line_no_,
                       "dòng bắt đầu bằng “@” phải có dạng “@tên-mục: nội dung”. "
                       "Nếu muốn viết chữ “@” ở đầu đoạn, hãy gõ “\\@”.");
    }
    const std::string key = NormaliseName(Str(Slice(units, 1, colon)));
    const std::string value = Str(Trim(Slice(units, colon + 1, units.size())));
    if (key == markup_internal::kRecipientsKey) {
      in_recipients_ = true;
      if (!value.empty()) doc_.recipients.push_back(value);
      return OkStatus();
    }
    if (key == markup_internal::kWidthsKey) return Widths(value);
    if (const std::optional<LeftPart> part = LeftPartForKey(key)) {
      left_fields_[*part].push_back(value);
      return OkStatus();
    }
    const std::optional<Field> field = FieldForKey(key);
    if (!field) {
      return LineError(line_no_, "không hiểu mục “@" + Str(Slice(units, 1, colon)) +
                                     "”. Các mục dùng được: " + KnownKeys() + ".");
    }
    fields_[*field].push_back(value);
    return OkStatus();
  }

  Status Widths(std::string_view value) {
    if (in_recipients_) return LineError(line_no_, "không đặt bảng trong phần nơi nhận.");
    std::vector<int> widths;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find_first_of(",;", start);
      if (end == std::string_view::npos) end = value.size();
      std::string_view part = value.substr(start, end - start);
      while (!part.empty() && IsSpace(part.front())) part.remove_prefix(1);
      while (!part.empty() && IsSpace(part.back())) part.remove_suffix(1);
      int n = 0;
      bool ok = !part.empty() && part.size() <= 4;
      for (char c : part) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) n = n * 10 + (c - '0');
      }
      if (!ok || n <= 0) {
        return LineError(line_no_,
                         "độ rộng cột phải là các số nguyên dương cách nhau bởi dấu "
                         "phẩy, ví dụ “@cot: 1, 6, 3”.");
      }
      widths.push_back(n);
      start = end + 1;
    }
    pending_widths_ = std::move(widths);
    widths_line_ = line_no_;
    return OkStatus();
  }

  Status TableRowLine(const Units& units) {
    std::vector<std::string> cells = RowCells(units);
    if (!table_) {
      table_ = Table{};
      table_->header = std::move(cells);
      table_->column_widths = std::move(pending_widths_);
      pending_widths_.clear();
      if (widths_line_ != 0 && table_->column_widths.size() != table_->header.size()) {
        return LineError(widths_line_, "dòng @cot ghi " +
                                           std::to_string(table_->column_widths.size()) +
                                           " độ rộng nhưng bảng có " +
                                           std::to_string(table_->header.size()) + " cột.");
      }
      widths_line_ = 0;
      return OkStatus();
    }
    if (cells.size() != table_->header.size()) {
      return LineError(line_no_, "dòng này của bảng có " + std::to_string(cells.size()) +
                                     " ô, nhưng dòng tiêu đề có " +
                                     std::to_string(table_->header.size()) + " ô.");
    }
    table_->rows.push_back(std::move(cells));
    return OkStatus();
  }

  // Ends the table or chart being read (their rows are consecutive lines).
  Status CloseTable() {
    if (table_) {
      doc_.body.emplace_back(std::move(*table_));
      table_.reset();
    }
    if (chart_) {
      if (chart_header_seen_) {
        chart_->values.assign(chart_->series.size(), {});
        for (const std::vector<double>& row : chart_rows_) {
          for (std::size_t s = 0; s < row.size(); ++s) chart_->values[s].push_back(row[s]);
        }
      }
      doc_.body.emplace_back(std::move(*chart_));
      chart_.reset();
      chart_rows_.clear();
      chart_header_seen_ = false;
    }
    return OkStatus();
  }

  // The position of the "]" closing "[BIỂU ĐỒ …]" (any case or accents, or
  // "[chart …]"), or nullopt when the bracket holds something else.
  static std::optional<std::size_t> ChartKeywordEnd(const Units& units) {
    std::size_t close = 1;
    while (close < units.size() && !Syntax(units, close, ']')) ++close;
    if (close == units.size()) return std::nullopt;
    std::size_t keyword_end = 1;
    while (keyword_end < close && !(units[keyword_end].c >= '0' && units[keyword_end].c <= '9')) {
      ++keyword_end;
    }
    std::string keyword = NormaliseName(Str(Slice(units, 1, keyword_end)));
    while (!keyword.empty() && keyword.back() == '-') keyword.pop_back();  // "[biểu đồ -1x2]"
    for (std::string_view name : kChartKeywords) {
      if (keyword == name) return close;
    }
    return std::nullopt;
  }

  // "[BIỂU ĐỒ 160x80mm] title": the size (optional) and the title.
  Status ChartLine(const Units& units, std::size_t close) {
    const Error bad =
        LineError(line_no_,
                  "biểu đồ phải viết dạng “[BIỂU ĐỒ 160x80mm] tên biểu đồ”, tiếp theo là các "
                  "dòng số liệu bắt đầu bằng “|”.");
    std::size_t digits = 1;
    while (digits < close && !(units[digits].c >= '0' && units[digits].c <= '9')) ++digits;
    if (digits > 1 && Syntax(units, digits - 1, '-')) --digits;  // a negative width
    // The size without spaces and in lower case: "160x80mm", "160×80", "-1x2".
    std::string size;
    for (char c : Str(Slice(units, digits, close))) {
      if (!IsSpace(c)) size += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    Chart chart;
    if (!size.empty()) {
      if (size.size() > 2 && size.substr(size.size() - 2) == "mm") size.resize(size.size() - 2);
      std::size_t by = size.find('x');
      std::size_t by_size = 1;
      if (by == std::string::npos) {
        by = size.find("\xC3\x97");  // "×"
        by_size = 2;
      }
      if (by == std::string::npos) return bad;
      const std::optional<int> width = ParseSmallInt(std::string_view(size).substr(0, by));
      const std::optional<int> height = ParseSmallInt(std::string_view(size).substr(by + by_size));
      if (!width || !height) return bad;
      chart.width_mm = *width;
      chart.height_mm = *height;
    }
    chart.title = Str(Trim(Slice(units, close + 1, units.size())));
    chart_ = std::move(chart);
    return OkStatus();
  }

  // "| | series … |" (the first cell is the corner, not kept), then one
  // "| label | value … |" line per label.
  Status ChartRowLine(const Units& units) {
    std::vector<std::string> cells = RowCells(units);
    if (!chart_header_seen_) {
      chart_header_seen_ = true;
      if (!cells.empty()) chart_->series.assign(cells.begin() + 1, cells.end());
      return OkStatus();
    }
    if (cells.size() != chart_->series.size() + 1) {
      return LineError(line_no_, "dòng này của biểu đồ có " + std::to_string(cells.size()) +
                                     " ô, nhưng dòng tiêu đề có " +
                                     std::to_string(chart_->series.size() + 1) +
                                     " ô. Dòng tiêu đề của biểu đồ bắt đầu bằng một ô trống (hoặc "
                                     "“Lĩnh vực”) rồi đến tên từng loại cột.");
    }
    std::vector<double> row;
    for (std::size_t c = 1; c < cells.size(); ++c) {
      const std::optional<double> value = ParseChartNumber(cells[c]);
      if (!value) {
        return LineError(line_no_, "“" + cells[c] +
                                       "” không phải là số. Biểu đồ chỉ ghi số, ví dụ 12, "
                                       "1.500 hoặc 2,5 (dấu phẩy trước phần thập phân).");
      }
      row.push_back(*value);
    }
    chart_->labels.push_back(std::move(cells[0]));
    chart_rows_.push_back(std::move(row));
    return OkStatus();
  }

  Status QrLine(const Units& units) {
    std::size_t close = 3;
    while (close < units.size() && !Syntax(units, close, ']')) ++close;
    const Error bad =
        LineError(line_no_, "mã QR phải viết dạng “[QR 25mm] nội dung :: chú thích”.");
    if (close == units.size()) return bad;
    std::string size_text = Str(Trim(Slice(units, 3, close)));
    QrCode qr;
    if (!size_text.empty()) {
      std::string lower;
      for (char c : size_text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      if (lower.size() > 2 && lower.substr(lower.size() - 2) == "mm") {
        lower.resize(lower.size() - 2);
      }
      while (!lower.empty() && IsSpace(lower.back())) lower.pop_back();
      const bool negative = !lower.empty() && lower.front() == '-';
      if (negative) lower.erase(0, 1);
      if (lower.empty() || lower.size() > 4) return bad;
      int n = 0;
      for (char c : lower) {
        if (c < '0' || c > '9') return bad;
        n = n * 10 + (c - '0');
      }
      qr.size_mm = negative ? -n : n;
    }
    auto [payload, caption] = SplitDoubleColon(Slice(units, close + 1, units.size()));
    qr.payload = std::move(payload);
    qr.caption = std::move(caption);
    doc_.body.emplace_back(std::move(qr));
    return OkStatus();
  }

  Status FlaggedParagraph(const Units& units) {
    Paragraph paragraph;
    std::size_t i = 0;
    while (Syntax(units, i, '{')) {
      std::size_t close = i + 1;
      while (close < units.size() && !Syntax(units, close, '}')) ++close;
      if (close == units.size()) {
        return LineError(line_no_,
                         "thiếu dấu “}”. Nếu muốn viết chữ “{” ở đầu đoạn, hãy gõ “\\{”.");
      }
      const std::string names = Str(Slice(units, i + 1, close));
      std::size_t start = 0;
      while (start <= names.size()) {
        std::size_t end = names.find(',', start);
        if (end == std::string::npos) end = names.size();
        const std::string flag = NormaliseName(names.substr(start, end - start));
        if (flag == markup_internal::kBoldFlag || flag == "in-dam") {
          paragraph.bold = true;
        } else if (flag == markup_internal::kItalicFlag || flag == "in-nghieng") {
          paragraph.italic = true;
        } else if (flag == markup_internal::kNoIndentFlag || flag == "khong-thut-dau-dong") {
          paragraph.first_line_indent = false;
        } else if (!flag.empty()) {
          return LineError(line_no_, "không hiểu ký hiệu “{" + names.substr(start, end - start) +
                                         "}”; chỉ dùng {dam}, {nghieng}, {khong-thut}.");
        }
        start = end + 1;
      }
      i = close + 1;
      while (i < units.size() && !units[i].escaped && IsSpace(units[i].c)) ++i;
    }
    paragraph.text = Str(Slice(units, i, units.size()));
    doc_.body.emplace_back(std::move(paragraph));
    return OkStatus();
  }

  const std::vector<std::string>& lines_;
  int first_line_;
  int line_no_ = 0;
  Document doc_;
  std::map<Field, std::vector<std::string>> fields_;
  bool in_recipients_ = false;
  std::map<LeftPart, std::vector<std::string>> left_fields_;
  std::optional<Table> table_;
  std::optional<Chart> chart_;  // the chart whose rows are being read
  bool chart_header_seen_ = false;
  std::vector<std::vector<double>> chart_rows_;  // [label][series]
  std::vector<int> pending_widths_;
  int widths_line_ = 0;  // line of a pending "@cot", 0 when none
};

// Splits into NFC lines (CR before LF dropped, BOM skipped), checking UTF-8.
Result<std::vector<std::string>> SplitLines(std::string_view markup) {
  if (markup.substr(0, 3) == "\xEF\xBB\xBF") markup.remove_prefix(3);
  std::vector<std::string> lines;
  std::size_t start = 0;
  int line_no = 1;
  while (start <= markup.size()) {
    std::size_t end = markup.find('\n', start);
    if (end == std::string_view::npos) end = markup.size();
    std::string_view line = markup.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!text::IsValidUtf8(line)) {
      return LineError(line_no, "có ký tự không đúng mã UTF-8 (hãy lưu văn bản dạng Unicode).");
    }
    ASSIGN_OR_RETURN(std::string nfc, text::ToNfc(line));
    lines.push_back(std::move(nfc));
    if (end == markup.size()) break;
    start = end + 1;
    ++line_no;
  }
  return lines;
}

}  // namespace

Result<Document> ParseMarkup(std::string_view markup) {
  ASSIGN_OR_RETURN(std::vector<std::string> lines, SplitLines(markup));
  return Parser(lines, 1).Run();
}

Result<std::vector<Document>> ParseMarkupList(std::string_view markup) {
  ASSIGN_OR_RETURN(std::vector<std::string> lines, SplitLines(markup));
  std::vector<Document> docs;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && !IsSeparatorLine(lines[i])) continue;
    const std::vector<std::string> part(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                        lines.begin() + static_cast<std::ptrdiff_t>(i));
    ASSIGN_OR_RETURN(Document doc, Parser(part, static_cast<int>(begin) + 1).Run());
    docs.push_back(std::move(doc));
    begin = i + 1;
  }
  return docs;
}

}  // namespace doithoai
