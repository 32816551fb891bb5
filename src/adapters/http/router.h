// Router: maps (method, decoded path) to a handler and its path parameters.
// Patterns are "/"-separated segments: literals ("healthz"), parameters
// ("{slug}", never matching an empty segment) and a final catch-all
// ("{path*}", matching the non-empty rest of the path, slashes included).
// Literal segments beat parameters, which beat catch-alls, regardless of the
// order routes were added. HEAD is served by GET routes. A trailing slash is a
// distinct path; there are no redirects. Pure and not thread-safe for Add;
// Route is const and safe to call concurrently once all routes are added.
#ifndef DOITHOAI_ADAPTERS_HTTP_ROUTER_H_
#define DOITHOAI_ADAPTERS_HTTP_ROUTER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"

namespace doithoai::http {

using Handler = std::function<HttpResponse(HttpRequest&)>;

namespace router_internal {
struct Node;  // a trie node; defined in router.cc
}  // namespace router_internal

class Router {
 public:
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };

  // The result of Route. `handler` is set only for kFound and points into the
  // Router (valid until the next Add). `allowed_methods` (sorted, HEAD added
  // when GET exists) is set for kFound and kMethodNotAllowed.
  struct Match {
    Outcome outcome = Outcome::kNotFound;
    const Handler* handler = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed_methods;

    // The value for an Allow header: "GET, HEAD, POST".
    std::string AllowHeader() const;
  };

  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Registers `h` for `method` (e.g. "GET") and `pattern` (must start with
  // '/'; a catch-all only as the last segment). Malformed patterns and
  // duplicate routes are programming errors (asserted); a duplicate replaces
  // the earlier handler in release builds.
  void Add(std::string_view method, std::string_view pattern, Handler h);

  // Finds the most specific route whose pattern matches `path` (already
  // percent-decoded, without the query). If that route's resource has no
  // handler for `method`, the outcome is kMethodNotAllowed.
  Match Route(std::string_view method, std::string_view path) const;

 private:
  std::unique_ptr<router_internal::Node> root_;
};

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_ROUTER_H_
