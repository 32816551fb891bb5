// ReadXlsxFirstSheet: finds the first worksheet through the workbook and its
// relationships, loads the shared strings, then streams the sheet's cells
// into rows. Only SpreadsheetML's cell values are read; styles, formulas and
// everything else are ignored.
#include "adapters/import/xlsx_reader.h"

#include <charconv>
#include <map>
#include <string>
#include <utility>

#include "adapters/import/zip_xml.h"

namespace doithoai::import {

namespace {

constexpr char kFallbackSheet[] = "xl/worksheets/sheet1.xml";
constexpr char kFallbackSharedStrings[] = "xl/sharedStrings.xml";
constexpr int kMaxSheetRow = 1048576;  // Excel's own limits
constexpr int kMaxSheetColumn = 16384;

// One shared string per cell of the largest allowed sheet is plenty.
size_t MaxSharedStrings(const XlsxLimits& limits) {
  return static_cast<size_t>(limits.max_rows) * static_cast<size_t>(limits.max_columns);
}

void AppendUtf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Decodes ECMA-376 `_xHHHH_` escapes (Excel writes e.g. a carriage return as
// "_x000D_" and a literal "_x" as "_x005F_x"). Surrogates stay escaped.
std::string DecodeEscapes(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned code = 0;
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      auto [end, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16);
      if (ec == std::errc() && end == s.data() + i + 6 && (code < 0xD800 || code > 0xDFFF)) {
        AppendUtf8(out, code);
        i += 7;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// "../worksheets/a.xml" relative to "xl/" → "xl/worksheets/a.xml"; "/x/y" is
// absolute within the package.
std::string ResolvePart(std::string_view target) {
  std::vector<std::string> parts;
  if (!target.starts_with('/')) {
    parts.push_back("xl");
  }
  size_t start = 0;
  while (start <= target.size()) {
    size_t slash = target.find('/', start);
    std::string_view segment = target.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (segment == "..") {
      if (!parts.empty()) {
        parts.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      parts.emplace_back(segment);
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : "/") + p;
  }
  return out;
}

// xl/workbook.xml: the sheets in tab order.
class WorkbookHandler : public XmlHandler {
 public:
  struct Sheet {
    std::string relationship;
    bool visible = true;
  };
  void Start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      std::string_view state = AttrValue(attrs, "state");
      sheets.push_back({std::string(AttrValue(attrs, "id")), state.empty() || state == "visible"});
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
  std::vector<Sheet> sheets;
};

// xl/_rels/workbook.xml.rels: relationship id → (type, target).
class RelationshipsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "Relationship" && AttrValue(attrs, "TargetMode") != "External") {
      targets[std::string(AttrValue(attrs, "Id"))] = {std::string(AttrValue(attrs, "Type")),
                                                      std::string(AttrValue(attrs, "Target"))};
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
  std::map<std::string, std::pair<std::string, std::string>> targets;
};

// The text of <si> or <is>: every <t> outside phonetic runs (<rPh>).
struct RichText {
  bool in_t = false;
  int phonetic_depth = 0;
  std::string text;
  void Start(std::string_view name) {
    phonetic_depth += name == "rPh" ? 1 : 0;
    in_t = in_t || (name == "t" && phonetic_depth == 0);
  }
  void End(std::string_view name) {
    phonetic_depth -= name == "rPh" && phonetic_depth > 0 ? 1 : 0;
    in_t = in_t && name != "t";
  }
};

class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(size_t max_count) : max_count_(max_count) {}
  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      rich_ = RichText();
    } else if (in_si_) {
      rich_.Start(name);
    }
  }
  void End(std::string_view name) override {
    if (name == "si" && in_si_) {
      in_si_ = false;
      if (strings.size() >= max_count_) {
        Fail("có quá nhiều chuỗi dùng chung (sharedStrings)");
        return;
      }
      strings.push_back(DecodeEscapes(rich_.text));
    } else if (in_si_) {
      rich_.End(name);
    }
  }
  void Text(std::string_view text) override {
    if (in_si_ && rich_.in_t) {
      rich_.text += text;
    }
  }
  std::vector<std::string> strings;

 private:
  size_t max_count_;
  bool in_si_ = false;
  RichText rich_;
};

// A worksheet's <sheetData>: rows of cells with their values.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared, const XlsxLimits& limits)
      : shared_(shared), limits_(limits) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      row_ = ReadNumber(AttrValue(attrs, "r"), row_ + 1, kMaxSheetRow, "số dòng");
      column_ = 0;
    } else if (name == "c") {
      in_cell_ = true;
      column_ = ReadColumn(AttrValue(attrs, "r"));
      type_ = AttrValue(attrs, "t");  // copied: attrs die with the event
      value_.clear();
      rich_ = RichText();
      has_value_ = false;
    } else if (in_cell_ && name == "v") {
      in_v_ = has_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_is_ = has_value_ = true;
    } else if (in_is_) {
      rich_.Start(name);
    }
  }

  void End(std::string_view name) override {
    if (name == "c" && in_cell_) {
      in_cell_ = false;
      Store();
    } else if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_is_ = false;
    } else if (in_is_) {
      rich_.End(name);
    }
  }

  void Text(std::string_view text) override {
    if (in_v_) {
      value_ += text;
    } else if (in_is_ && rich_.in_t) {
      rich_.text += text;
    }
  }

  std::map<int, std::vector<std::string>> rows;  // only rows with a value

 private:
  int ReadNumber(std::string_view text, int fallback, int max, const char* what) {
    if (text.empty()) {
      return fallback;
    }
    int n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > max) {
      Fail(std::string(what) + " “" + std::string(text.substr(0, 20)) + "” không hợp lệ");
      return fallback;
    }
    return n;
  }

  // The 1-based column of a reference like "AB12"; the next column if absent.
  int ReadColumn(std::string_view ref) {
    if (ref.empty()) {
      return column_ + 1;
    }
    int column = 0;
    size_t i = 0;
    for (; i < ref.size() && i < 4; ++i) {
      char c = ref[i] >= 'a' && ref[i] <= 'z' ? static_cast<char>(ref[i] - 'a' + 'A') : ref[i];
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    if (i == 0 || column > kMaxSheetColumn) {
      Fail("địa chỉ ô “" + std::string(ref.substr(0, 20)) + "” không hợp lệ");
      return column_ + 1;
    }
    return column;
  }

  void Store() {
    std::string text;
    if (type_ == "s") {
      size_t index = 0;
      auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || end != value_.data() + value_.size() || index >= shared_.size()) {
        Fail("ô dòng " + std::to_string(row_) + " trỏ tới chuỗi dùng chung không có");
        return;
      }
      text = shared_[index];
    } else if (type_ == "inlineStr") {
      text = DecodeEscapes(rich_.text);
    } else if (type_ == "str") {
      text = DecodeEscapes(value_);
    } else {
      text = value_;  // numbers, booleans, errors, ISO dates: as written
    }
    if (!has_value_ || text.empty()) {
      return;
    }
    if (row_ > limits_.max_rows) {
      Fail("trang tính có dữ liệu ở dòng " + std::to_string(row_) + ", quá giới hạn " +
           std::to_string(limits_.max_rows) + " dòng");
      return;
    }
    if (column_ > limits_.max_columns) {
      Fail("trang tính có dữ liệu ở cột thứ " + std::to_string(column_) + ", quá giới hạn " +
           std::to_string(limits_.max_columns) + " cột");
      return;
    }
    std::vector<std::string>& cells = rows[row_];
    if (cells.size() < static_cast<size_t>(column_)) {
      cells.resize(static_cast<size_t>(column_));
    }
    cells[static_cast<size_t>(column_ - 1)] = std::move(text);
  }

  const std::vector<std::string>& shared_;
  const XlsxLimits& limits_;
  int row_ = 0;
  int column_ = 0;
  bool in_cell_ = false;
  bool in_v_ = false;
  bool in_is_ = false;
  bool has_value_ = false;
  std::string type_;  // the cell's t attribute: "s", "str", "inlineStr", "n", …
  std::string value_;
  RichText rich_;
};

// The part of the first visible worksheet (else the first worksheet), or the
// conventional name when the workbook does not say.
Result<std::string> FirstSheetPart(ZipXmlArchive& archive,
                                   const RelationshipsHandler& relationships) {
  WorkbookHandler workbook;
  if (archive.Has("xl/workbook.xml")) {
    RETURN_IF_ERROR(archive.Parse("xl/workbook.xml", workbook));
  }
  for (bool visible_only : {true, false}) {
    for (const WorkbookHandler::Sheet& sheet : workbook.sheets) {
      auto it = relationships.targets.find(sheet.relationship);
      if (it == relationships.targets.end() || !it->second.first.ends_with("/worksheet") ||
          (visible_only && !sheet.visible)) {
        continue;
      }
      std::string part = ResolvePart(it->second.second);
      if (archive.Has(part)) {
        return part;
      }
    }
  }
  if (archive.Has(kFallbackSheet)) {
    return std::string(kFallbackSheet);
  }
  return XlsxError("không tìm thấy trang tính (worksheet) nào trong tệp");
}

}  // namespace

Result<std::vector<CsvRow>> ReadXlsxFirstSheet(std::string_view data, const XlsxLimits& limits) {
  ASSIGN_OR_RETURN(std::unique_ptr<ZipXmlArchive> archive, ZipXmlArchive::Open(data, limits));
  RelationshipsHandler relationships;
  if (archive->Has("xl/_rels/workbook.xml.rels")) {
    RETURN_IF_ERROR(archive->Parse("xl/_rels/workbook.xml.rels", relationships));
  }
  ASSIGN_OR_RETURN(std::string sheet_part, FirstSheetPart(*archive, relationships));

  std::string strings_part = kFallbackSharedStrings;
  for (const auto& [id, target] : relationships.targets) {
    if (target.first.ends_with("/sharedStrings")) {
      strings_part = ResolvePart(target.second);
    }
  }
  SharedStringsHandler strings(MaxSharedStrings(limits));
  if (archive->Has(strings_part)) {
    RETURN_IF_ERROR(archive->Parse(strings_part, strings));
  }

  SheetHandler sheet(strings.strings, limits);
  RETURN_IF_ERROR(archive->Parse(sheet_part, sheet));
  std::vector<CsvRow> rows;
  int last = sheet.rows.empty() ? 0 : sheet.rows.rbegin()->first;
  rows.reserve(static_cast<size_t>(last));
  for (int line = 1; line <= last; ++line) {
    CsvRow row;
    row.line = line;
    auto it = sheet.rows.find(line);
    if (it != sheet.rows.end()) {
      row.fields = std::move(it->second);
    }
    row.blank = row.fields.empty();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace doithoai::import
