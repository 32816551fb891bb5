// The client's address behind a reverse proxy (docs/deploying.md: nginx in
// front of several servers). Rate limits and the access log key on the
// client, so behind nginx the peer address (nginx itself) is replaced by the
// last X-Forwarded-For entry — the one nginx appended — but only when the peer
// is one of the configured proxies (`serve --trusted-proxy`); otherwise a
// client could name any address it liked.
#ifndef DOITHOAI_ADAPTERS_HTTP_FORWARDED_H_
#define DOITHOAI_ADAPTERS_HTTP_FORWARDED_H_

#include <string>
#include <string_view>
#include <vector>

namespace doithoai::http {

// `peer` unless it is in `trusted` and `x_forwarded_for` ends with a valid
// IPv4 or IPv6 address, which is then returned.
std::string ClientAddress(const std::string& peer, std::string_view x_forwarded_for,
                          const std::vector<std::string>& trusted);

// True for a literal IPv4 or IPv6 address.
bool IsIpAddress(std::string_view text);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_FORWARDED_H_
