#include "app/config.h"

#include <algorithm>
#include <charconv>

namespace doithoai::app {

Result<ListenAddress> ParseListen(std::string_view text) {
  Error bad = MakeError(ErrorCode::kInvalidArgument,
                        "Địa chỉ lắng nghe phải có dạng HOST:CỔNG, ví dụ 127.0.0.1:8080 (nhận: " +
                            std::string(text) + ").");
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad;
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return bad;  // IPv6 needs brackets
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return bad;
  }
  ListenAddress out;
  out.host = host.empty() ? "127.0.0.1" : std::string(host);
  out.port = static_cast<uint16_t>(port);
  return out;
}

unsigned DefaultServeThreads(bool postgres, unsigned cores) {
  cores = cores == 0 ? 1 : cores;  // hardware_concurrency() may not know
  return postgres ? std::max(4u, 2 * cores) : cores;
}

}  // namespace doithoai::app
