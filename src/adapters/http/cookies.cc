// Cookie parsing and Set-Cookie building (RFC 6265).
#include "adapters/http/cookies.h"

#include <string>

#include "adapters/http/ascii.h"

namespace doithoai::http {
namespace {

// RFC 7230 tchar.
bool IsTokenChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!IsTokenChar(c)) {
      return false;
    }
  }
  return true;
}

// RFC 6265 cookie-octet: US-ASCII except CTLs, whitespace, DQUOTE, comma,
// semicolon and backslash.
bool IsCookieOctet(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x21 && u <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

bool IsControl(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) {
    return false;
  }
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    char b = prefix[i];
    if (a >= 'A' && a <= 'Z') {
      a = static_cast<char>(a - 'A' + 'a');
    }
    if (b >= 'A' && b <= 'Z') {
      b = static_cast<char>(b - 'A' + 'a');
    }
    if (a != b) {
      return false;
    }
  }
  return true;
}

Error Invalid(const char* message) { return MakeError(ErrorCode::kInvalidArgument, message); }

}  // namespace

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> cookies;
  while (!header.empty()) {
    size_t semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) {
      continue;
    }
    std::string_view name = Trim(pair.substr(0, eq));
    std::string_view value = Trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    bool value_ok = true;
    for (char c : value) {
      value_ok = value_ok && !IsControl(c) && c != '"';
    }
    if (IsToken(name) && value_ok) {
      cookies.emplace(name, value);  // first wins
    }
  }
  return cookies;
}

Result<std::string> SetCookieValue(std::string_view name, std::string_view value,
                                   const CookieOptions& options) {
  if (!IsToken(name)) {
    return Invalid("Tên cookie không hợp lệ.");
  }
  for (char c : value) {
    if (!IsCookieOctet(c)) {
      return Invalid("Giá trị cookie chứa ký tự không được phép.");
    }
  }
  for (char c : options.path) {
    if (IsControl(c) || c == ';' || static_cast<unsigned char>(c) >= 0x80) {
      return Invalid("Thuộc tính Path của cookie không hợp lệ.");
    }
  }
  std::string same_site;
  for (const char* known : {"Strict", "Lax", "None"}) {
    if (options.same_site.size() == std::string_view(known).size() &&
        StartsWithIgnoringCase(options.same_site, known)) {
      same_site = known;
    }
  }
  if (same_site.empty() && !options.same_site.empty()) {
    return Invalid("Thuộc tính SameSite của cookie không hợp lệ.");
  }
  if (same_site == "None" && !options.secure) {
    return Invalid("Cookie có SameSite=None phải có thuộc tính Secure.");
  }
  if ((StartsWithIgnoringCase(name, "__Secure-") || StartsWithIgnoringCase(name, "__Host-")) &&
      !options.secure) {
    return Invalid("Cookie có tiền tố __Secure- hoặc __Host- phải có thuộc tính Secure.");
  }
  if (StartsWithIgnoringCase(name, "__Host-") && options.path != "/") {
    return Invalid("Cookie có tiền tố __Host- phải có Path=/.");
  }

  std::string out;
  out.append(name).append("=").append(value);
  if (!options.path.empty()) {
    out.append("; Path=").append(options.path);
  }
  if (options.max_age_seconds >= 0) {
    out.append("; Max-Age=").append(std::to_string(options.max_age_seconds));
  }
  if (options.http_only) {
    out.append("; HttpOnly");
  }
  if (options.secure) {
    out.append("; Secure");
  }
  if (!same_site.empty()) {
    out.append("; SameSite=").append(same_site);
  }
  return out;
}

}  // namespace doithoai::http
