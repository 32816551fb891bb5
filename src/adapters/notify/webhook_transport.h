// WebhookTransport: hands SMS and Zalo messages to an HTTP relay (an SMS
// gateway, a Zalo OA bridge) as a signed JSON POST. The relay does the
// actual delivery; this transport only needs a 2xx answer.
//
// Request (UTF-8 JSON, no recipient_name: a relay needs only the address):
//   {"id": "<commune_id>-<message_id>", "event", "channel", "to",
//    "recipient_kind", "petition_code", "subject", "text",
//    "created_at": "2026-11-02T08:00:00+07:00"}
// Headers:
//   Content-Type: application/json; charset=utf-8
//   X-Doithoai-Timestamp: <unix seconds, from the injected Clock>
//   X-Doithoai-Signature: sha256=<lowercase hex HMAC-SHA256(secret, timestamp "." body)>
//   Idempotency-Key: <id>   (the same on every retry, so a relay can drop duplicates)
// A relay verifies with WebhookSignature and should refuse stale timestamps.
//
// Thread-safe: each Send uses its own curl handle.
#ifndef DOITHOAI_ADAPTERS_NOTIFY_WEBHOOK_TRANSPORT_H_
#define DOITHOAI_ADAPTERS_NOTIFY_WEBHOOK_TRANSPORT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/notifications/message.h"

namespace doithoai::notify {

struct WebhookOptions {
  std::string url;     // http:// or https://
  std::string secret;  // HMAC key (any bytes, not empty)
  int timeout_ms = 5000;
  std::vector<MessageChannel> channels = {MessageChannel::kSms, MessageChannel::kZalo};
};

// "sha256=" is not included: the lowercase hex HMAC-SHA256 of
// `timestamp + "." + body` keyed with `secret`.
std::string WebhookSignature(std::string_view secret, std::string_view timestamp,
                             std::string_view body);

// OK for an absolute http:// or https:// URL with a host; kInvalidArgument
// (Vietnamese) otherwise.
Status ValidateWebhookUrl(std::string_view url);

class WebhookTransport : public Transport {
 public:
  // Prefer MakeWebhookTransport, which checks the options. `clock` gives the
  // signature timestamp and must outlive the transport.
  WebhookTransport(WebhookOptions options, const Clock& clock);

  std::string_view name() const override { return "webhook"; }
  bool Accepts(MessageChannel channel) const override;
  // 2xx: sent. Any other status, a timeout or a connection error:
  // kUnavailable with a Vietnamese reason. A message without an address or
  // of a channel this transport does not carry: kInvalidArgument.
  Status Send(const OutboxMessage& message) override;

  // The JSON body Send posts for `message` (exposed for tests and docs).
  static std::string RequestBody(const OutboxMessage& message);

 private:
  WebhookOptions options_;
  const Clock& clock_;
};

// Checks the URL (ValidateWebhookUrl), a non-empty secret, a positive
// timeout and at least one channel.
Result<std::unique_ptr<WebhookTransport>> MakeWebhookTransport(WebhookOptions options,
                                                               const Clock& clock);

}  // namespace doithoai::notify

#endif  // DOITHOAI_ADAPTERS_NOTIFY_WEBHOOK_TRANSPORT_H_
