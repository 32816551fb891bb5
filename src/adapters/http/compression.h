// Response compression helpers for the HTTP adapter: Accept-Encoding
// negotiation, the list of compressible media types, and gzip encoding with
// zlib. Pure functions; thread-safe.
#ifndef DOITHOAI_ADAPTERS_HTTP_COMPRESSION_H_
#define DOITHOAI_ADAPTERS_HTTP_COMPRESSION_H_

#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai::http {

// True when an Accept-Encoding value allows gzip: "gzip" (or "x-gzip") listed
// with q > 0, or else "*" listed with q > 0. Case-insensitive. Entries with
// malformed q-values are ignored; an empty header means no gzip.
bool AcceptsGzip(std::string_view accept_encoding);

// True for text/*, application/json, application/javascript, application/xml,
// any "+json"/"+xml" type (image/svg+xml, application/ld+json); parameters
// such as "; charset=utf-8" are ignored.
bool IsCompressibleType(std::string_view content_type);

// The gzip encoding (RFC 1952) of `data` at zlib level 6. kInternal if zlib
// fails.
Result<std::string> Gzip(std::string_view data);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_COMPRESSION_H_
