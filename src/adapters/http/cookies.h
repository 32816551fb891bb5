// Cookie helpers for the HTTP adapter: lenient parsing of the Cookie request
// header and strict building of Set-Cookie values (RFC 6265). Pure functions;
// thread-safe. Error messages are Vietnamese.
#ifndef DOITHOAI_ADAPTERS_HTTP_COOKIES_H_
#define DOITHOAI_ADAPTERS_HTTP_COOKIES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai::http {

// Parses a Cookie header such as `a=b; c="d"` into name → value (surrounding
// double quotes removed). Malformed pairs (no '=', a name that is not an
// RFC 6265 token, control characters or stray quotes in the value) are
// ignored; when a name repeats, the first value wins.
std::map<std::string, std::string> ParseCookies(std::string_view header);

struct CookieOptions {
  std::string path = "/";        // "" omits the attribute
  int64_t max_age_seconds = -1;  // negative: a session cookie; 0 deletes it
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";  // "Strict", "Lax", "None" or "" (omitted)
};

// The value of a Set-Cookie header, e.g.
// "sid=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax". kInvalidArgument
// if the name is not a token, the value has characters outside cookie-octet
// (RFC 6265 §4.1.1; quote or encode it first), the path has control
// characters or ';', SameSite is unknown, SameSite=None lacks Secure, or a
// "__Secure-"/"__Host-" prefixed cookie lacks Secure (and Path=/ for __Host-).
Result<std::string> SetCookieValue(std::string_view name, std::string_view value,
                                   const CookieOptions& options = {});

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_COOKIES_H_
