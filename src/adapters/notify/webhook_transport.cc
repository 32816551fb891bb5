#include "adapters/notify/webhook_transport.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

#include "adapters/notify/curl_handles.h"
#include "adapters/notify/log_transport.h"

namespace doithoai::notify {
namespace {

// The response body is not needed; it is read and dropped.
size_t DiscardBody(char*, size_t size, size_t count, void*) { return size * count; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

}  // namespace

std::string WebhookSignature(std::string_view secret, std::string_view timestamp,
                             std::string_view body) {
  crypto_auth_hmacsha256_state state;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(timestamp.data()),
                                timestamp.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

Status ValidateWebhookUrl(std::string_view url) {
  std::string_view rest;
  if (StartsWithNoCase(url, "http://")) {
    rest = url.substr(7);
  } else if (StartsWithNoCase(url, "https://")) {
    rest = url.substr(8);
  } else {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "Địa chỉ webhook phải bắt đầu bằng http:// hoặc https://: “" + std::string(url) + "”");
  }
  const bool has_host = !rest.empty() && rest.front() != '/' && rest.front() != ':' &&
                        rest.front() != '?' && rest.front() != '#';
  const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '\x7f';
  });
  if (!has_host || !clean) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Địa chỉ webhook không hợp lệ: “" + std::string(url) + "”");
  }
  return OkStatus();
}

WebhookTransport::WebhookTransport(WebhookOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {}

bool WebhookTransport::Accepts(MessageChannel channel) const {
  return std::find(options_.channels.begin(), options_.channels.end(), channel) !=
         options_.channels.end();
}

std::string WebhookTransport::RequestBody(const OutboxMessage& message) {
  const std::string id =
      std::to_string(message.commune_id.value) + "-" + std::to_string(message.id.value);
  nlohmann::ordered_json body = {
      {"id", id},
      {"event", message.event},
      {"channel", MessageChannelCode(message.channel)},
      {"to", message.address},
      {"recipient_kind", message.recipient_kind},
      {"petition_code", message.petition_code},
      {"subject", message.subject},
      {"text", message.body},
      {"created_at", IsoVietnamTime(message.created_at)},
  };
  return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status WebhookTransport::Send(const OutboxMessage& message) {
  if (!Accepts(message.channel)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Webhook không chuyển tin nhắn qua kênh " +
                         std::string(MessageChannelCode(message.channel)) + ".");
  }
  if (message.address.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tin nhắn không có địa chỉ người nhận.");
  }
  if (!CurlReady()) {
    return MakeError(ErrorCode::kUnavailable, "Không khởi tạo được thư viện libcurl.");
  }
  const std::string body = RequestBody(message);
  const std::string id =
      std::to_string(message.commune_id.value) + "-" + std::to_string(message.id.value);
  const std::string timestamp = std::to_string(
      std::chrono::floor<std::chrono::seconds>(clock_.Now()).time_since_epoch().count());
  const std::string signature = WebhookSignature(options_.secret, timestamp, body);

  curl_slist* list = nullptr;
  for (const std::string& header :
       {std::string("Content-Type: application/json; charset=utf-8"),
        "X-Doithoai-Timestamp: " + timestamp, "X-Doithoai-Signature: sha256=" + signature,
        "Idempotency-Key: " + id, std::string("Expect:")}) {
    curl_slist* longer = curl_slist_append(list, header.c_str());
    if (longer == nullptr) {
      curl_slist_free_all(list);
      return MakeError(ErrorCode::kUnavailable, "Không đủ bộ nhớ để gửi webhook.");
    }
    list = longer;
  }
  CurlList headers(list);

  CurlHandle curl(curl_easy_init());
  if (curl == nullptr) {
    return MakeError(ErrorCode::kUnavailable, "Không khởi tạo được phiên libcurl.");
  }
  char error[CURL_ERROR_SIZE] = "";
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_USERAGENT, "doithoai-webhook/1");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, DiscardBody);

  const CURLcode result = curl_easy_perform(c);
  if (result != CURLE_OK) {
    const std::string reason = error[0] != '\0' ? error : curl_easy_strerror(result);
    return MakeError(ErrorCode::kUnavailable, "Không kết nối được máy chủ webhook: " + reason);
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    return MakeError(ErrorCode::kUnavailable,
                     "Máy chủ webhook trả lời HTTP " + std::to_string(status));
  }
  return OkStatus();
}

Result<std::unique_ptr<WebhookTransport>> MakeWebhookTransport(WebhookOptions options,
                                                               const Clock& clock) {
  RETURN_IF_ERROR(ValidateWebhookUrl(options.url));
  if (options.secret.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Thiếu khóa bí mật để ký các yêu cầu webhook.");
  }
  if (options.timeout_ms <= 0) {
    return MakeError(ErrorCode::kInvalidArgument, "Thời gian chờ webhook phải lớn hơn 0.");
  }
  if (options.channels.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Webhook phải nhận ít nhất một kênh.");
  }
  if (sodium_init() < 0) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  return std::make_unique<WebhookTransport>(std::move(options), clock);
}

}  // namespace doithoai::notify
