// Request limits of the HTTP adapter: which body limit applies to a request,
// and the plain responses sent when a request is refused before a handler
// sees it (400, 408, 413, 431, 501), including the message-framing checks
// libmicrohttpd 0.9.75 does not make.
#ifndef DOITHOAI_ADAPTERS_HTTP_REQUEST_LIMITS_H_
#define DOITHOAI_ADAPTERS_HTTP_REQUEST_LIMITS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/http/http_types.h"

namespace doithoai::http {

// Uploads (multipart/form-data) get `upload_limit`; everything else `body_limit`.
size_t BodyLimitFor(std::string_view content_type, size_t body_limit, size_t upload_limit);

// A short Vietnamese plain-text response with `status`.
HttpResponse LimitResponse(int status, std::string_view message);

// 413 naming the limit in MiB/KiB.
HttpResponse TooLargeResponse(size_t limit_bytes);

// One header field as received: the name as sent and the whole value, which
// may hold bytes a C string would cut (NUL).
struct ReceivedField {
  std::string name;
  std::string value;
};

// The RFC 9112 framing rules a request must meet before its body is read,
// so that a proxy in front of the server and the server itself can never
// read one request two ways (request smuggling). libmicrohttpd 0.9.75
// accepts each of these and frames the body its own way, so the adapter
// checks them itself and refuses with the connection closed:
//  - 400: a field name that is not a token (empty, or with a space before
//    the colon, RFC 9112 §5.1); a value with NUL, CR, LF or another control
//    character (RFC 9110 §5.5); HTTP/1.1 without Host, or Host twice
//    (RFC 9112 §3.2); Content-Length that is not one run of digits, or sent
//    twice (§6.3); Transfer-Encoding together with Content-Length, or in an
//    HTTP/1.0 request (§6.1);
//  - 501: a Transfer-Encoding other than exactly "chunked" (§6.1), which
//    the server cannot decode.
// `version` is the request line's ("HTTP/1.1").
std::optional<HttpResponse> CheckFraming(std::string_view version,
                                         const std::vector<ReceivedField>& fields);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_REQUEST_LIMITS_H_
