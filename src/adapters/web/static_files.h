// Static assets (web/static/, compiled in) served at /static/<path> with a
// strong ETag, 304 on If-None-Match, and a cache lifetime.
#ifndef DOITHOAI_ADAPTERS_WEB_STATIC_FILES_H_
#define DOITHOAI_ADAPTERS_WEB_STATIC_FILES_H_

#include <string_view>

#include "adapters/http/http_types.h"

namespace doithoai::web {

// The Content-Type for a file name by extension.
std::string_view ContentTypeFor(std::string_view name);

// Handles GET /static/{path*}.
http::HttpResponse ServeStatic(const http::HttpRequest& request);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_STATIC_FILES_H_
