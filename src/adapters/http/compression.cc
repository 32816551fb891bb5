// Accept-Encoding negotiation and gzip encoding with zlib.
#include "adapters/http/compression.h"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <optional>

#include "adapters/http/ascii.h"

namespace doithoai::http {
namespace {

// Parses an RFC 7231 qvalue ("0", "0.5", "1", "1.000"); returns whether it is
// greater than zero, or nullopt when malformed.
std::optional<bool> QValueIsPositive(std::string_view q) {
  if (q.empty() || (q[0] != '0' && q[0] != '1') || q.size() > 5 || (q.size() > 1 && q[1] != '.')) {
    return std::nullopt;
  }
  bool positive = q[0] == '1';
  for (char c : q.substr(std::min<size_t>(2, q.size()))) {
    if (c < '0' || c > '9' || (q[0] == '1' && c != '0')) {
      return std::nullopt;
    }
    positive = positive || c != '0';
  }
  return positive;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  std::optional<bool> gzip;
  std::optional<bool> any;
  while (!accept_encoding.empty()) {
    size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    size_t semicolon = item.find(';');
    std::string coding = ToLowerAscii(Trim(item.substr(0, semicolon)));
    std::optional<bool> positive = true;
    while (semicolon != std::string_view::npos) {
      std::string_view params = item.substr(semicolon + 1);
      semicolon = params.find(';');
      std::string param = ToLowerAscii(Trim(params.substr(0, semicolon)));
      item = params;
      if (param.starts_with("q=")) {
        positive = QValueIsPositive(Trim(std::string_view(param).substr(2)));
      }
    }
    if (!positive.has_value()) {
      continue;  // malformed q-value
    }
    if ((coding == "gzip" || coding == "x-gzip") && !gzip.has_value()) {
      gzip = positive;
    } else if (coding == "*" && !any.has_value()) {
      any = positive;
    }
  }
  return gzip.has_value() ? *gzip : any.value_or(false);
}

bool IsCompressibleType(std::string_view content_type) {
  std::string type = ToLowerAscii(Trim(content_type.substr(0, content_type.find(';'))));
  return (type.starts_with("text/") && type.size() > 5) || type == "application/json" ||
         type == "application/javascript" || type == "application/xml" || type.ends_with("+json") ||
         type.ends_with("+xml");
}

Result<std::string> Gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được bộ nén gzip.");
  }
  std::string out;
  out.resize(deflateBound(&stream, static_cast<uLong>(std::min<size_t>(
                                       data.size(), std::numeric_limits<uLong>::max()))));
  constexpr size_t kMaxChunk = std::numeric_limits<uInt>::max();
  size_t consumed = 0;
  size_t produced = 0;
  int status = Z_OK;
  while (status == Z_OK) {
    if (produced == out.size()) {
      out.resize(out.size() * 2 + 64);
    }
    size_t in_chunk = std::min(kMaxChunk, data.size() - consumed);
    size_t out_chunk = std::min(kMaxChunk, out.size() - produced);
    // zlib does not modify the input, but its API is not const-correct.
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));
    stream.avail_in = static_cast<uInt>(in_chunk);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    stream.avail_out = static_cast<uInt>(out_chunk);
    bool last_input = consumed + in_chunk == data.size();
    status = deflate(&stream, last_input ? Z_FINISH : Z_NO_FLUSH);
    consumed += in_chunk - stream.avail_in;
    produced += out_chunk - stream.avail_out;
    if (status == Z_BUF_ERROR) {
      status = Z_OK;  // no progress possible with this buffer: grow and retry
    }
  }
  deflateEnd(&stream);
  if (status != Z_STREAM_END) {
    return MakeError(ErrorCode::kInternal, "Không nén được dữ liệu bằng gzip.");
  }
  out.resize(produced);
  return out;
}

}  // namespace doithoai::http
