#include "adapters/http/forwarded.h"

#include <arpa/inet.h>

#include <algorithm>

namespace doithoai::http {

bool IsIpAddress(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return false;
  const std::string s(text);
  unsigned char buf[sizeof(struct in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

std::string ClientAddress(const std::string& peer, std::string_view x_forwarded_for,
                          const std::vector<std::string>& trusted) {
  if (x_forwarded_for.empty() || std::find(trusted.begin(), trusted.end(), peer) == trusted.end()) {
    return peer;
  }
  std::string_view last = x_forwarded_for;
  if (size_t comma = last.rfind(','); comma != std::string_view::npos) {
    last.remove_prefix(comma + 1);
  }
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  return IsIpAddress(last) ? std::string(last) : peer;
}

}  // namespace doithoai::http
