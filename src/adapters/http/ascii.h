// ASCII helpers for protocol text (header values, tokens): HTTP is
// case-insensitive and whitespace-tolerant only in ASCII, so these never
// touch non-ASCII bytes.
#ifndef DOITHOAI_ADAPTERS_HTTP_ASCII_H_
#define DOITHOAI_ADAPTERS_HTTP_ASCII_H_

#include <string>
#include <string_view>

namespace doithoai::http {

// Strips spaces and tabs (RFC 9110 OWS) from both ends.
inline std::string_view Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) {
    return {};
  }
  return s.substr(begin, s.find_last_not_of(" \t") + 1 - begin);
}

inline char ToLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = ToLowerAscii(c);
  }
  return out;
}

// True if `s` starts with `lower_prefix` ignoring ASCII case (`lower_prefix`
// must be lower case).
inline bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) {
    return false;
  }
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ToLowerAscii(s[i]) != lower_prefix[i]) {
      return false;
    }
  }
  return true;
}

// The value of a hex digit, or -1.
inline int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_ASCII_H_
