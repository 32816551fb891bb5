// The RFC 4180 tokenizer behind ParseCsv (moved here from the administrative
// unit importer so every CSV import shares one reader).
#include "core/common/csv.h"

#include <utility>

namespace doithoai {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Bytes of the whitespace character at `s[i]`, or 0.
size_t SpaceLength(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    return 1;
  }
  return s.substr(i, 2) == "\xC2\xA0" ? 2 : 0;
}

bool IsLineEnd(std::string_view csv, size_t i) {
  return csv[i] == '\n' || (csv[i] == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n');
}

void NoteSyntax(CsvRow& record, std::string_view message) {
  if (record.syntax_error.empty()) {
    record.syntax_error = message;
  }
}

// Reads the quoted part of a field starting after its opening quote at `i`;
// advances `i` past the closing quote and `line` over embedded line ends.
void ReadQuoted(std::string_view csv, size_t& i, int& line, std::string& field, CsvRow& record) {
  const size_t n = csv.size();
  while (i < n) {
    if (csv[i] == '"') {
      if (i + 1 < n && csv[i + 1] == '"') {
        field += '"';
        i += 2;
        continue;
      }
      ++i;
      return;
    }
    if (csv[i] == '\n') {
      ++line;
    }
    if (csv[i] == '\r' && i + 1 < n && csv[i + 1] == '\n') {
      ++i;  // CRLF inside a field is stored as LF
      continue;
    }
    field += csv[i++];
  }
  NoteSyntax(record,
             "Thiếu dấu ngoặc kép đóng trường (\"); kiểm tra dòng này và các "
             "dòng sau.");
}

}  // namespace

std::vector<CsvRow> ParseCsv(std::string_view csv, char delimiter) {
  if (csv.starts_with(kUtf8Bom)) {
    csv.remove_prefix(kUtf8Bom.size());
  }
  std::vector<CsvRow> records;
  size_t i = 0;
  int line = 1;
  const size_t n = csv.size();
  while (i < n) {
    CsvRow record;
    record.line = line;
    bool any_quoted = false;
    while (true) {
      std::string field;
      // Spaces before an opening quote are tolerated: `a, "b, c"`.
      size_t start = i;
      while (start < n && (csv[start] == ' ' || csv[start] == '\t')) {
        ++start;
      }
      bool quoted = start < n && csv[start] == '"';
      if (quoted) {
        any_quoted = true;
        i = start + 1;
        ReadQuoted(csv, i, line, field, record);
      }
      while (i < n && csv[i] != delimiter && !IsLineEnd(csv, i)) {
        if (quoted && csv[i] != ' ' && csv[i] != '\t') {
          NoteSyntax(record,
                     "Có ký tự sau dấu ngoặc kép đóng trường; trường có dấu phẩy hoặc "
                     "ngoặc kép phải được bao trọn trong ngoặc kép.");
        } else if (!quoted && csv[i] == '"') {
          NoteSyntax(record,
                     "Dấu ngoặc kép chỉ được dùng để bao trọn một trường; dấu ngoặc "
                     "kép bên trong trường phải viết thành hai dấu (\"\").");
        }
        if (!quoted) {
          field += csv[i];
        }
        ++i;
      }
      record.fields.push_back(std::move(field));
      if (i < n && csv[i] == delimiter) {
        ++i;
        continue;
      }
      if (i < n) {  // a line end
        i += csv[i] == '\r' ? 2 : 1;
        ++line;
      }
      break;
    }
    record.blank = !any_quoted && record.fields.size() == 1 && IsBlank(record.fields[0]);
    records.push_back(std::move(record));
  }
  return records;
}

char SniffCsvDelimiter(std::string_view csv) {
  if (csv.starts_with(kUtf8Bom)) {
    csv.remove_prefix(kUtf8Bom.size());
  }
  bool quoted = false;
  bool any_content = false;
  bool semicolon = false;
  for (char c : csv) {
    if (c == '"') {
      quoted = !quoted;
      any_content = true;
    } else if (quoted || c == ' ' || c == '\t' || c == '\r') {
      continue;
    } else if (c == ',') {
      return ',';
    } else if (c == '\n') {
      if (any_content) {
        break;
      }
    } else {
      semicolon = semicolon || c == ';';
      any_content = true;
    }
  }
  return semicolon ? ';' : ',';
}

bool IsBlankCell(std::string_view cell) {
  for (size_t i = 0; i < cell.size();) {
    size_t len = SpaceLength(cell, i);
    if (len == 0) {
      return false;
    }
    i += len;
  }
  return true;
}

bool IsBlankRow(const CsvRow& row) {
  if (!row.syntax_error.empty()) {
    return false;
  }
  for (const std::string& field : row.fields) {
    if (!IsBlankCell(field)) {
      return false;
    }
  }
  return true;
}

std::string CollapseWhitespace(std::string_view cell) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < cell.size();) {
    if (size_t len = SpaceLength(cell, i); len > 0) {
      pending_space = !out.empty();
      i += len;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += cell[i++];
  }
  return out;
}

}  // namespace doithoai
