#include "adapters/http/request_limits.h"

#include <string>

#include "adapters/http/ascii.h"

namespace doithoai::http {

namespace {

std::string HumanSize(size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
  }
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " byte";
}

}  // namespace

size_t BodyLimitFor(std::string_view content_type, size_t body_limit, size_t upload_limit) {
  return StartsWithNoCase(content_type, "multipart/form-data") ? upload_limit : body_limit;
}

HttpResponse LimitResponse(int status, std::string_view message) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::string(message) + "\n";
  return r;
}

HttpResponse TooLargeResponse(size_t limit_bytes) {
  return LimitResponse(413, "Dữ liệu gửi lên quá lớn (tối đa " + HumanSize(limit_bytes) + ").");
}

}  // namespace doithoai::http
