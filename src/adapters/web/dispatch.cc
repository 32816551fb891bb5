#include "adapters/web/dispatch.h"

#include <exception>

#include "adapters/web/responses.h"

namespace doithoai::web {

http::Handler MakeDispatcher(const http::Router& router) {
  return [&router](http::HttpRequest& request) -> http::HttpResponse {
    http::Router::Match match = router.Route(request.method, request.path);
    switch (match.outcome) {
      case http::Router::Outcome::kNotFound:
        return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
      case http::Router::Outcome::kMethodNotAllowed:
        return MethodNotAllowedResponse(request, match.AllowHeader());
      case http::Router::Outcome::kFound:
        break;
    }
    request.path_params = std::move(match.params);
    try {
      return (*match.handler)(request);
    } catch (const std::exception& e) {
      // Third-party code (mstch, nlohmann-json) may throw; the process must
      // keep serving (style.md §3: catch at the adapter's edge).
      return ErrorResponse(request,
                           MakeError(ErrorCode::kInternal, std::string("exception: ") + e.what()));
    }
  };
}

}  // namespace doithoai::web
