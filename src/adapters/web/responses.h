// Building responses for pages and the JSON API, including the one error
// response path: JSON for /api/ (or Accept: application/json), a friendly
// Vietnamese HTML page otherwise.
#ifndef DOITHOAI_ADAPTERS_WEB_RESPONSES_H_
#define DOITHOAI_ADAPTERS_WEB_RESPONSES_H_

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/http/http_types.h"
#include "core/common/result.h"

namespace doithoai::web {

inline constexpr char kSiteName[] = "Đối thoại với Nhân dân";

http::HttpResponse HtmlResponse(int status, std::string body);
http::HttpResponse JsonResponse(int status, const nlohmann::json& body);

// A file to download (no-store, nosniff); `disposition` is the whole
// Content-Disposition value.
http::HttpResponse FileResponse(std::string body, const std::string& content_type,
                                const std::string& disposition);
// The usual case: `attachment; filename="<filename>"`, for an ASCII name
// (slug, kind, numbers, dates), so no RFC 5987 encoding is needed.
http::HttpResponse AttachmentResponse(std::string body, const std::string& content_type,
                                      const std::string& filename);

// True when the client should get JSON errors.
bool WantsJson(const http::HttpRequest& request);

http::HttpResponse ErrorResponse(const http::HttpRequest& request, const Error& error);

// 405 with an Allow header.
http::HttpResponse MethodNotAllowedResponse(const http::HttpRequest& request,
                                            const std::string& allow);

// Renders a page template in the layout, or the error page if that fails.
http::HttpResponse PageResponse(const http::HttpRequest& request, std::string_view name,
                                const nlohmann::json& page);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_RESPONSES_H_
