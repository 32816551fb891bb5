#include "adapters/web/static_files.h"

#include <string>

#include "adapters/http/etag.h"
#include "adapters/resources/embedded.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view name) {
  if (EndsWith(name, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(name, ".js")) return "application/javascript; charset=utf-8";
  if (EndsWith(name, ".svg")) return "image/svg+xml";
  if (EndsWith(name, ".png")) return "image/png";
  if (EndsWith(name, ".ico")) return "image/x-icon";
  if (EndsWith(name, ".woff2")) return "font/woff2";
  if (EndsWith(name, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

http::HttpResponse ServeStatic(const http::HttpRequest& request) {
  std::string_view path = request.Param("path");
  const EmbeddedFile* file = nullptr;
  if (path.find("..") == std::string_view::npos) {
    file = FindEmbeddedFile("static/" + std::string(path));
  }
  if (file == nullptr) {
    return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  }
  std::string etag = http::StrongEtag(file->data);
  http::HttpResponse r;
  r.SetHeader("ETag", etag);
  // Not fingerprinted yet: cache for an hour, then revalidate with the ETag.
  r.SetHeader("Cache-Control", "public, max-age=3600");
  r.content_type = std::string(ContentTypeFor(file->name));
  if (http::IfNoneMatchMatches(request.Header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  r.body = std::string(file->data);
  return r;
}

}  // namespace doithoai::web
