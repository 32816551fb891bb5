// Entity tags for conditional GETs: a strong ETag from a body hash and the
// If-None-Match check (RFC 7232 weak comparison). Pure functions; thread-safe.
#ifndef DOITHOAI_ADAPTERS_HTTP_ETAG_H_
#define DOITHOAI_ADAPTERS_HTTP_ETAG_H_

#include <string>
#include <string_view>

namespace doithoai::http {

// A strong ETag for `body`: the FNV-1a 64-bit hash as 16 lower-case hex
// digits in double quotes, e.g. "\"cbf29ce484222325\"". Not collision
// resistant against adversaries; fine for cache validation.
std::string StrongEtag(std::string_view body);

// True when the If-None-Match value matches `etag` (so a GET may answer 304):
// "*" matches any etag; otherwise a comma-separated list of entity tags,
// compared weakly (a "W/" prefix on either side is ignored). Tags may contain
// commas inside their quotes. An empty header never matches.
bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_ETAG_H_
