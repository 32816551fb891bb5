#include "adapters/web/site.h"

#include <charconv>
#include <utility>

#include "adapters/http/cookies.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

namespace {

constexpr char kCsrfMessage[] =
    "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi gửi lại.";

std::string BearerToken(const http::HttpRequest& request) {
  std::string_view h = request.Header("authorization");
  constexpr std::string_view kPrefix = "Bearer ";
  if (h.size() > kPrefix.size() && h.substr(0, kPrefix.size()) == kPrefix) {
    return std::string(h.substr(kPrefix.size()));
  }
  return "";
}

bool IsSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool IsFormPost(const http::HttpRequest& request) {
  std::string_view type = request.Header("content-type");
  return type.find("application/x-www-form-urlencoded") != std::string_view::npos ||
         type.find("multipart/form-data") != std::string_view::npos;
}

}  // namespace

bool SecretsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

Result<int64_t> IdParam(const http::HttpRequest& request, std::string_view name) {
  std::string_view text = request.Param(name);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return MakeError(ErrorCode::kNotFound, "");
  }
  return id;
}

http::HttpResponse Redirect(std::string location) {
  http::HttpResponse r;
  r.status = 303;
  r.SetHeader("Location", std::move(location));
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

void Site::Add(const std::string& method, const std::string& pattern, Access access,
               SiteHandler handler) {
  routes_.push_back({method, pattern, access});
  router_.Add(method, pattern,
              [this, access,
               handler = std::move(handler)](http::HttpRequest& request) -> http::HttpResponse {
                RequestContext ctx;
                std::string token = BearerToken(request);
                ctx.bearer = !token.empty();
                if (!ctx.bearer) {
                  auto cookies = http::ParseCookies(request.Header("cookie"));
                  auto it = cookies.find(kSessionCookie);
                  if (it != cookies.end()) token = it->second;
                }
                if (!token.empty()) {
                  Result<Session> session = auth_.Resolve(token);
                  if (session.ok()) {
                    ctx.session = std::move(session).value();
                    ctx.token = token;
                  } else if (ctx.bearer || session.error().code != ErrorCode::kUnauthenticated) {
                    // A bad API token is an error, not an anonymous request.
                    return ErrorResponse(request, session.error());
                  }
                }
                if (access == Access::kSignedIn && !ctx.session) {
                  if (WantsJson(request)) {
                    return ErrorResponse(request, MakeError(ErrorCode::kUnauthenticated, ""));
                  }
                  return Redirect("/dang-nhap");
                }
                if (IsFormPost(request)) {
                  Result<http::FormData> form = http::ParseForm(request);
                  if (!form.ok()) {
                    http::HttpResponse refused = ErrorResponse(request, form.error());
                    // Too many fields is too much content (RFC 9110 §15.5.14),
                    // not too many requests (issue #9: was 429).
                    if (form.error().code == ErrorCode::kResourceExhausted) refused.status = 413;
                    return refused;
                  }
                  ctx.form = std::move(form).value();
                }
                // CSRF: a cookie session is ambient authority; every state-changing
                // request must prove it comes from our own page.
                if (ctx.session && !ctx.bearer && !IsSafeMethod(request.method)) {
                  std::string sent(request.Header("x-csrf-token"));
                  if (sent.empty() && ctx.form) sent = ctx.form->Get(kCsrfField);
                  if (!SecretsEqual(sent, ctx.session->csrf_token)) {
                    return ErrorResponse(request,
                                         MakeError(ErrorCode::kPermissionDenied, kCsrfMessage));
                  }
                }
                return handler(request, ctx);
              });
}

std::optional<http::HttpResponse> Authorize(const http::HttpRequest& request,
                                            const RequestContext& ctx, CommuneAction action,
                                            CommuneId commune) {
  switch (CommunePermissions::Check(ctx.actor(), action, commune)) {
    case Decision::kAllow:
      return std::nullopt;
    case Decision::kDeny:
      return ErrorResponse(request, MakeError(ErrorCode::kPermissionDenied, ""));
    case Decision::kNotVisible:
      return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  }
  return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
}

Error Deny(const http::HttpRequest& request, Error error, http::HttpResponse* denied) {
  *denied = ErrorResponse(request, error);
  return error;
}

Result<Commune> AuthorizedCommune(const http::HttpRequest& request, const RequestContext& ctx,
                                  CommuneRepository& communes, CommuneAction action,
                                  http::HttpResponse* denied) {
  Result<Commune> commune = communes.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return Deny(request, commune.error(), denied);
  if (auto refused = Authorize(request, ctx, action, commune->id)) {
    *denied = std::move(*refused);
    return MakeError(ErrorCode::kPermissionDenied, "");
  }
  return commune;
}

AuditContext AuditContextFor(const http::HttpRequest& request, const RequestContext& ctx,
                             CommuneId commune, const Clock& clock) {
  AuditContext audit;
  audit.commune = commune;
  if (const Actor* actor = ctx.actor()) {
    if (!commune.valid()) audit.commune = actor->commune_id.value_or(CommuneId{});
    audit.actor_account_id = actor->account_id.value;
    audit.actor_name = actor->username;
  } else {
    audit.actor_name = "public";
  }
  audit.client_address = request.remote_addr;
  audit.at = clock.Now();
  return audit;
}

}  // namespace doithoai::web
