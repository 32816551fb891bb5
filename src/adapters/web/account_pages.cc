#include "adapters/web/account_pages.h"

#include <nlohmann/json.hpp>

#include "adapters/http/cookies.h"
#include "adapters/json/json_reader.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

namespace {

// Adds Retry-After for a throttled login (kRetryAfterField carries seconds).
void AddRetryAfter(const Error& error, http::HttpResponse& response) {
  for (const FieldError& f : error.fields) {
    if (f.field == kRetryAfterField) response.SetHeader("Retry-After", f.message);
  }
}

int LoginStatus(const Error& error) {
  if (error.code == ErrorCode::kResourceExhausted) return 429;
  if (error.code == ErrorCode::kUnauthenticated) return 401;
  return 500;
}

std::string CookieOrEmpty(const http::HttpRequest& request, const char* name) {
  auto cookies = http::ParseCookies(request.Header("cookie"));
  auto it = cookies.find(name);
  return it == cookies.end() ? "" : it->second;
}

}  // namespace

std::string SessionCookie(const std::string& token, bool secure) {
  http::CookieOptions options;
  options.secure = secure;
  if (token.empty()) options.max_age_seconds = 0;
  // Tokens are base64url: always valid cookie values.
  Result<std::string> value = http::SetCookieValue(kSessionCookie, token, options);
  return value.ok() ? *value : std::string();
}

void AccountPages::Register(Site& site) {
  site.Add("GET", "/dang-nhap", Access::kPublic, [this](http::HttpRequest& r, RequestContext& c) {
    if (c.session) return Redirect("/quan-tri");
    return LoginForm(r, 200, "", "");
  });
  site.Add("POST", "/dang-nhap", Access::kPublic,
           [this, &site](http::HttpRequest& r, RequestContext& c) { return Login(site, r, c); });
  site.Add("POST", "/dang-xuat", Access::kSignedIn,
           [this, &site](http::HttpRequest& r, RequestContext& c) {
             (void)site.auth().Logout(c.token, AuditContextFor(r, c, {}, clock_));
             http::HttpResponse out = Redirect("/");
             out.SetHeader("Set-Cookie", SessionCookie("", site.secure_cookies()));
             return out;
           });
  site.Add("POST", "/dang-xuat-moi-noi", Access::kSignedIn,
           [this, &site](http::HttpRequest& r, RequestContext& c) {
             Status s = site.auth().LogoutEverywhere(c.actor()->account_id,
                                                     AuditContextFor(r, c, {}, clock_));
             if (!s.ok()) return ErrorResponse(r, s.error());
             http::HttpResponse out = Redirect("/");
             out.SetHeader("Set-Cookie", SessionCookie("", site.secure_cookies()));
             return out;
           });
  site.Add("GET", "/doi-mat-khau", Access::kSignedIn, [](http::HttpRequest& r, RequestContext& c) {
    return PageResponse(
        r, "change_password",
        {{"title", "Đổi mật khẩu"}, {"site_name", kSiteName}, {"csrf", c.session->csrf_token}});
  });
  site.Add("POST", "/doi-mat-khau", Access::kSignedIn,
           [this, &site](http::HttpRequest& r, RequestContext& c) {
             return ChangePassword(site, r, c);
           });
  site.Add("POST", "/api/v1/session", Access::kPublic,
           [this, &site](http::HttpRequest& r, RequestContext&) { return ApiLogin(site, r); });
  site.Add("DELETE", "/api/v1/session", Access::kSignedIn,
           [this, &site](http::HttpRequest& r, RequestContext& c) {
             Status s = site.auth().Logout(c.token, AuditContextFor(r, c, {}, clock_));
             if (!s.ok()) return ErrorResponse(r, s.error());
             http::HttpResponse out;
             out.status = 204;
             out.content_type = "application/json; charset=utf-8";
             return out;
           });
  site.Add("GET", "/api/v1/me", Access::kSignedIn, [](http::HttpRequest&, RequestContext& c) {
    const Actor& a = *c.actor();
    nlohmann::json me = {{"username", a.username},
                         {"role", RoleCode(a.role)},
                         {"denunciation_handler", a.denunciation_handler},
                         {"commune_id", a.commune_id ? nlohmann::json(a.commune_id->value)
                                                     : nlohmann::json(nullptr)}};
    return JsonResponse(200, me);
  });
}

http::HttpResponse AccountPages::LoginForm(const http::HttpRequest& request, int status,
                                           const std::string& error, const std::string& username) {
  // Double-submit token: a cross-site form cannot read or set our cookie.
  std::string csrf = CookieOrEmpty(request, kLoginCsrfCookie);
  bool new_token = csrf.empty();
  if (new_token) csrf = crypto_.NewToken();
  http::HttpResponse r = PageResponse(request, "login",
                                      {{"title", "Đăng nhập"},
                                       {"site_name", kSiteName},
                                       {"csrf", csrf},
                                       {"error", error},
                                       {"username", username}});
  r.status = status;
  if (new_token) {
    Result<std::string> cookie = http::SetCookieValue(kLoginCsrfCookie, csrf, {});
    if (cookie.ok()) r.SetHeader("Set-Cookie", *cookie);
  }
  return r;
}

http::HttpResponse AccountPages::Login(Site& site, http::HttpRequest& request,
                                       RequestContext& ctx) {
  const http::FormData empty;
  const http::FormData& form = ctx.form ? *ctx.form : empty;
  std::string cookie = CookieOrEmpty(request, kLoginCsrfCookie);
  if (cookie.empty() || !SecretsEqual(cookie, form.Get(kCsrfField))) {
    return LoginForm(request, 403, "Biểu mẫu đã hết hạn. Vui lòng đăng nhập lại.",
                     form.Get("username"));
  }
  Result<LoginResult> login =
      site.auth().Login({form.Get("username"), form.Get("password"), request.remote_addr});
  if (!login.ok()) {
    http::HttpResponse r = LoginForm(request, LoginStatus(login.error()),
                                     login.error().code == ErrorCode::kInternal
                                         ? std::string("Hệ thống đang gặp sự cố.")
                                         : login.error().message,
                                     form.Get("username"));
    AddRetryAfter(login.error(), r);
    return r;
  }
  http::HttpResponse r = Redirect("/quan-tri");
  r.SetHeader("Set-Cookie", SessionCookie(login->token, site.secure_cookies()));
  return r;
}

http::HttpResponse AccountPages::ApiLogin(Site& site, http::HttpRequest& request) {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !json_reader::HasString(body, "username") ||
      !json_reader::HasString(body, "password")) {
    return ErrorResponse(
        request,
        Error{ErrorCode::kInvalidArgument, "Cần gửi JSON {\"username\": …, \"password\": …}.", {}});
  }
  Result<LoginResult> login =
      site.auth().Login({body["username"].get<std::string>(), body["password"].get<std::string>(),
                         request.remote_addr});
  if (!login.ok()) {
    http::HttpResponse r = ErrorResponse(request, login.error());
    AddRetryAfter(login.error(), r);
    return r;
  }
  return JsonResponse(200, {{"token", login->token},
                            {"expires_in", site.auth().policies().session.absolute.count()}});
}

http::HttpResponse AccountPages::ChangePassword(Site& site, http::HttpRequest& request,
                                                RequestContext& ctx) {
  if (!ctx.form) {
    return ErrorResponse(request,
                         MakeError(ErrorCode::kInvalidArgument, "Thiếu dữ liệu biểu mẫu."));
  }
  const http::FormData& form = *ctx.form;
  Status s = site.auth().ChangePassword(ctx.session->actor, form.Get("current_password"),
                                        form.Get("new_password"),
                                        AuditContextFor(request, ctx, {}, clock_));
  if (!s.ok()) {
    http::HttpResponse r = PageResponse(request, "change_password",
                                        {{"title", "Đổi mật khẩu"},
                                         {"site_name", kSiteName},
                                         {"csrf", ctx.session->csrf_token},
                                         {"error", s.error().message}});
    r.status = s.error().code == ErrorCode::kInvalidArgument ? 400 : 500;
    return r;
  }
  // Every session ended, this one too: sign in again with the new password.
  http::HttpResponse r = Redirect("/dang-nhap");
  r.SetHeader("Set-Cookie", SessionCookie("", site.secure_cookies()));
  return r;
}

}  // namespace doithoai::web
