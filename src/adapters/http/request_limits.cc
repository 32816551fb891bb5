#include "adapters/http/request_limits.h"

#include <string>

#include "adapters/http/ascii.h"

namespace doithoai::http {

namespace {

// RFC 9110 §5.6.2 tchar.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

// NUL, CR, LF and the other controls but HTAB (RFC 9110 §5.5).
bool HasControl(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return true;
  }
  return false;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

HttpResponse Refuse(int status, std::string_view message) {
  HttpResponse r = LimitResponse(status, message);
  // RFC 9112 §6.1, §6.3: after a framing error the rest of the connection
  // cannot be trusted; libmicrohttpd closes on this header.
  r.SetHeader("Connection", "close");
  return r;
}

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

std::optional<HttpResponse> CheckFraming(std::string_view version,
                                         const std::vector<ReceivedField>& fields) {
  int hosts = 0;
  int lengths = 0;
  int encodings = 0;
  std::string_view length;
  std::string_view encoding;
  for (const ReceivedField& f : fields) {
    if (!IsToken(f.name)) {
      return Refuse(400, "Tên trường đầu (header) không hợp lệ.");
    }
    if (HasControl(f.value)) {
      return Refuse(400, "Trường đầu \"" + f.name + "\" chứa ký tự điều khiển (NUL, CR, LF…).");
    }
    const std::string name = ToLowerAscii(f.name);
    if (name == "host") {
      ++hosts;
    } else if (name == "content-length") {
      ++lengths;
      length = Trim(f.value);
    } else if (name == "transfer-encoding") {
      ++encodings;
      encoding = Trim(f.value);
    }
  }
  if (hosts > 1) return Refuse(400, "Yêu cầu có nhiều hơn một trường Host.");
  if (hosts == 0 && version == "HTTP/1.1") {
    return Refuse(400, "Yêu cầu HTTP/1.1 thiếu trường Host.");
  }
  if (lengths > 1 || (lengths == 1 && !AllDigits(length))) {
    return Refuse(400, "Trường Content-Length không hợp lệ.");
  }
  if (encodings > 0) {
    if (lengths > 0) {
      return Refuse(400, "Yêu cầu có cả Transfer-Encoding và Content-Length.");
    }
    if (version != "HTTP/1.1") {
      return Refuse(400, "Transfer-Encoding chỉ dùng được với HTTP/1.1.");
    }
    if (encodings > 1 || encoding != "chunked") {
      return Refuse(501, "Máy chủ chỉ nhận Transfer-Encoding: chunked.");
    }
  }
  return std::nullopt;
}

HttpResponse TooLargeResponse(size_t limit_bytes) {
  return LimitResponse(413, "Dữ liệu gửi lên quá lớn (tối đa " + HumanSize(limit_bytes) + ").");
}

}  // namespace doithoai::http
