// Site: registers routes with their access rule and runs the checks every
// route shares, so no handler can forget them: resolve the session (cookie or
// `Authorization: Bearer`), send anonymous users of signed-in routes to the
// login page (401 for the API), and check the CSRF token of every
// state-changing request made with a cookie session. Per-module permissions
// (e.g. CommunePermissions) are checked by handlers through Authorize().
#ifndef DOITHOAI_ADAPTERS_WEB_SITE_H_
#define DOITHOAI_ADAPTERS_WEB_SITE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/form.h"
#include "adapters/http/router.h"
#include "core/accounts/authenticator.h"
#include "core/communes/commune_permissions.h"
#include "core/communes/commune_repository.h"

namespace doithoai::web {

inline constexpr char kSessionCookie[] = "dt_session";
inline constexpr char kLoginCsrfCookie[] = "dt_csrf";
inline constexpr char kCsrfField[] = "_csrf";

enum class Access { kPublic, kSignedIn };

struct RequestContext {
  std::optional<Session> session;
  std::string token;                   // the raw session/API token, when one was sent
  bool bearer = false;                 // authenticated by API token, not cookie
  std::optional<http::FormData> form;  // parsed body of form posts
  const Actor* actor() const { return session ? &session->actor : nullptr; }
};

using SiteHandler = std::function<http::HttpResponse(http::HttpRequest&, RequestContext&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
  Access access;
};

class Site {
 public:
  Site(http::Router& router, Authenticator& auth, bool secure_cookies)
      : router_(router), auth_(auth), secure_cookies_(secure_cookies) {}

  void Add(const std::string& method, const std::string& pattern, Access access,
           SiteHandler handler);
  // Every route added, in order (the route-access test walks them).
  const std::vector<RouteInfo>& routes() const { return routes_; }

  Authenticator& auth() { return auth_; }
  bool secure_cookies() const { return secure_cookies_; }

 private:
  http::Router& router_;
  Authenticator& auth_;
  bool secure_cookies_;
  std::vector<RouteInfo> routes_;
};

// nullopt when allowed; else the response: 404 for another commune or an
// anonymous caller (isolation: never reveal), 403 within the same commune.
std::optional<http::HttpResponse> Authorize(const http::HttpRequest& request,
                                            const RequestContext& ctx, CommuneAction action,
                                            CommuneId commune);

// For helpers that give a handler either a value or its error response:
// sets `*denied` to the response for `error` and returns `error`.
Error Deny(const http::HttpRequest& request, Error error, http::HttpResponse* denied);

// The commune named by the {slug} path parameter, if the actor may do
// `action` there. Otherwise the error, with its response in `*denied`: the
// lookup's (404 for an unknown commune) or Authorize's.
Result<Commune> AuthorizedCommune(const http::HttpRequest& request, const RequestContext& ctx,
                                  CommuneRepository& communes, CommuneAction action,
                                  http::HttpResponse* denied);

// The audit context of a request (actor, commune, client address, time).
AuditContext AuditContextFor(const http::HttpRequest& request, const RequestContext& ctx,
                             CommuneId commune, const Clock& clock);

// The positive integer path parameter `name` ({id}); kNotFound if malformed.
Result<int64_t> IdParam(const http::HttpRequest& request, std::string_view name);

// 303 See Other to `location`.
http::HttpResponse Redirect(std::string location);

// Constant-time comparison of two secrets.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_SITE_H_
