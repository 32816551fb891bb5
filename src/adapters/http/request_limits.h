// Request limits of the HTTP adapter: which body limit applies to a request,
// and the plain responses sent when a request is refused before a handler
// sees it (400, 408, 413, 431).
#ifndef DOITHOAI_ADAPTERS_HTTP_REQUEST_LIMITS_H_
#define DOITHOAI_ADAPTERS_HTTP_REQUEST_LIMITS_H_

#include <cstddef>
#include <string_view>

#include "adapters/http/http_types.h"

namespace doithoai::http {

// Uploads (multipart/form-data) get `upload_limit`; everything else `body_limit`.
size_t BodyLimitFor(std::string_view content_type, size_t body_limit, size_t upload_limit);

// A short Vietnamese plain-text response with `status`.
HttpResponse LimitResponse(int status, std::string_view message);

// 413 naming the limit in MiB/KiB.
HttpResponse TooLargeResponse(size_t limit_bytes);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_REQUEST_LIMITS_H_
