// A single left-to-right scan: copy quoted text and comments verbatim, turn
// every other `?`/`?N` into `$N`.
#include "adapters/storage/postgres/placeholders.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace doithoai::postgres {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Letters, digits, '_', '$' and any byte of a UTF-8 sequence: what can
// continue an identifier (so `x$1` or `abc$tag$` start no dollar quote).
bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsTagStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end (one past) of a quoted run starting at `i` with `quote`, where a
// doubled quote is an escaped one; `backslash` also honours \x escapes
// (E'…'). An unterminated run ends at the end of the text.
size_t SkipQuoted(std::string_view sql, size_t i, char quote, bool backslash) {
  for (size_t j = i + 1; j < sql.size(); ++j) {
    if (backslash && sql[j] == '\\') {
      ++j;
    } else if (sql[j] == quote) {
      if (j + 1 < sql.size() && sql[j + 1] == quote) {
        ++j;
      } else {
        return j + 1;
      }
    }
  }
  return sql.size();
}

// The end of a /* */ comment starting at `i` (PostgreSQL nests them).
size_t SkipBlockComment(std::string_view sql, size_t i) {
  int depth = 0;
  size_t j = i;
  while (j + 1 < sql.size()) {
    if (sql[j] == '/' && sql[j + 1] == '*') {
      ++depth;
      j += 2;
    } else if (sql[j] == '*' && sql[j + 1] == '/') {
      --depth;
      j += 2;
      if (depth == 0) return j;
    } else {
      ++j;
    }
  }
  return sql.size();
}

// If a dollar quote ($$ or $tag$) starts at `i`, its end; otherwise npos.
size_t SkipDollarQuote(std::string_view sql, size_t i) {
  size_t j = i + 1;
  if (j < sql.size() && IsTagStart(sql[j])) {
    while (j < sql.size() && IsIdentChar(sql[j]) && sql[j] != '$') ++j;
  }
  if (j >= sql.size() || sql[j] != '$') return std::string_view::npos;
  std::string_view delimiter = sql.substr(i, j - i + 1);
  size_t close = sql.find(delimiter, j + 1);
  return close == std::string_view::npos ? sql.size() : close + delimiter.size();
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql, int* param_count) {
  std::string out;
  out.reserve(sql.size() + 8);
  int highest = 0;
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    bool after_ident = i > 0 && IsIdentChar(sql[i - 1]);
    size_t end = i + 1;  // one past what is copied verbatim
    if (c == '\'') {
      // E'…' (not the end of an identifier such as `name'…`) has backslash escapes.
      bool e_string =
          i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && !(i > 1 && IsIdentChar(sql[i - 2]));
      end = SkipQuoted(sql, i, '\'', e_string);
    } else if (c == '"') {
      end = SkipQuoted(sql, i, '"', /*backslash=*/false);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t newline = sql.find('\n', i);
      end = newline == std::string_view::npos ? sql.size() : newline + 1;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      end = SkipBlockComment(sql, i);
    } else if (c == '$' && !after_ident) {
      size_t quote_end = SkipDollarQuote(sql, i);
      if (quote_end != std::string_view::npos) end = quote_end;
    } else if (c == '?') {
      size_t j = i + 1;
      int number = 0;
      while (j < sql.size() && IsDigit(sql[j])) {
        // Saturate: an absurd number is left for the server to reject.
        number = std::min(number * 10 + (sql[j] - '0'), 1000000);
        ++j;
      }
      if (j == i + 1) number = highest + 1;
      highest = std::max(highest, number);
      out += '$';
      out += std::to_string(number);
      i = j;
      continue;
    }
    out.append(sql.substr(i, end - i));
    i = end;
  }
  if (param_count != nullptr) *param_count = highest;
  return out;
}

}  // namespace doithoai::postgres
