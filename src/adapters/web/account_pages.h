// Signing in and out: the login page (with a double-submit CSRF cookie, since
// there is no session yet), logout, password change, and the JSON API's
// session endpoints (POST/DELETE /api/v1/session, GET /api/v1/me).
#ifndef DOITHOAI_ADAPTERS_WEB_ACCOUNT_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_ACCOUNT_PAGES_H_

#include "adapters/web/site.h"
#include "core/accounts/ports.h"
#include "core/common/clock.h"

namespace doithoai::web {

class AccountPages {
 public:
  AccountPages(Crypto& crypto, const Clock& clock) : crypto_(crypto), clock_(clock) {}
  void Register(Site& site);

 private:
  http::HttpResponse LoginForm(const http::HttpRequest& request, int status,
                               const std::string& error, const std::string& username);
  http::HttpResponse Login(Site& site, http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ApiLogin(Site& site, http::HttpRequest& request);
  http::HttpResponse ChangePassword(Site& site, http::HttpRequest& request, RequestContext& ctx);
  Crypto& crypto_;
  const Clock& clock_;
};

// The session cookie's Set-Cookie value (HttpOnly; SameSite=Lax; Secure
// behind TLS). An empty token deletes the cookie.
std::string SessionCookie(const std::string& token, bool secure);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_ACCOUNT_PAGES_H_
