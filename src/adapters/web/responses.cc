#include "adapters/web/responses.h"

#include <cstdio>
#include <utility>

#include "adapters/http/error_to_status.h"
#include "adapters/web/templates.h"

namespace doithoai::web {

http::HttpResponse HtmlResponse(int status, std::string body) {
  http::HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::HttpResponse FileResponse(std::string body, const std::string& content_type,
                                const std::string& disposition) {
  http::HttpResponse r;
  r.status = 200;
  r.content_type = content_type;
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", disposition);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::HttpResponse AttachmentResponse(std::string body, const std::string& content_type,
                                      const std::string& filename) {
  return FileResponse(std::move(body), content_type, "attachment; filename=\"" + filename + "\"");
}

http::HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  http::HttpResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = body.dump();
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

bool WantsJson(const http::HttpRequest& request) {
  return request.path.rfind("/api/", 0) == 0 ||
         request.Header("accept").find("application/json") != std::string_view::npos;
}

namespace {

http::HttpResponse ErrorPage(const http::HttpRequest& request, int status,
                             const std::string& heading, const std::string& message,
                             const std::vector<FieldError>& fields) {
  nlohmann::json list = nlohmann::json::array();
  for (const FieldError& f : fields) list.push_back({{"field", f.field}, {"message", f.message}});
  nlohmann::json page = {{"title", heading},
                         {"site_name", kSiteName},
                         {"heading", heading},
                         {"message", message},
                         {"has_fields", !fields.empty()},
                         {"fields", list},
                         {"request_id", request.request_id}};
  Result<std::string> html = RenderPage("error", page);
  if (!html.ok()) {
    // The error page itself failed (a build bug): fall back to plain text.
    http::HttpResponse r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = message + "\n";
    return r;
  }
  return HtmlResponse(status, std::move(html).value());
}

}  // namespace

http::HttpResponse ErrorResponse(const http::HttpRequest& request, const Error& error) {
  if (error.code == ErrorCode::kInternal) {
    std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":\"%s\",\"error\":\"%s\"}\n",
                 request.request_id.c_str(), nlohmann::json(error.message).dump().c_str());
  }
  if (WantsJson(request)) return http::JsonErrorResponse(error);
  int status = http::HttpStatusFor(error.code);
  std::string heading = status == 404   ? "Không tìm thấy trang"
                        : status >= 500 ? "Hệ thống đang gặp sự cố"
                                        : "Không thực hiện được yêu cầu";
  return ErrorPage(request, status, heading, http::UserMessage(error), error.fields);
}

http::HttpResponse MethodNotAllowedResponse(const http::HttpRequest& request,
                                            const std::string& allow) {
  http::HttpResponse r;
  std::string message = http::LocalizedMessage("method_not_allowed");
  if (WantsJson(request)) {
    r = JsonResponse(405, {{"error",
                            {{"code", "method_not_allowed"},
                             {"message", message},
                             {"fields", nlohmann::json::array()}}}});
  } else {
    r = ErrorPage(request, 405, "Không thực hiện được yêu cầu", message, {});
  }
  r.SetHeader("Allow", allow);
  return r;
}

http::HttpResponse PageResponse(const http::HttpRequest& request, std::string_view name,
                                const nlohmann::json& page) {
  Result<std::string> html = RenderPage(name, page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(200, std::move(html).value());
}

}  // namespace doithoai::web
