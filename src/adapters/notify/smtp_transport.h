// SmtpTransport: sends e-mail messages through an SMTP server with libcurl
// ("smtp://host:587", upgraded with STARTTLS when the server offers it, or
// "smtps://host:465"). Each message becomes a plain-text RFC 5322 mail:
//   Date (the message's created_at, Việt Nam time), From, To,
//   Subject: =?UTF-8?B?…?= (encoded words), Message-ID:
//   <commune_id-message_id@doithoai> (the same on every retry),
//   MIME-Version 1.0, Content-Type: text/plain; charset=UTF-8,
//   Content-Transfer-Encoding: base64 (lines end in CRLF).
// Thread-safe: each Send uses its own curl handle and connection.
#ifndef DOITHOAI_ADAPTERS_NOTIFY_SMTP_TRANSPORT_H_
#define DOITHOAI_ADAPTERS_NOTIFY_SMTP_TRANSPORT_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/common/result.h"
#include "core/notifications/message.h"

namespace doithoai::notify {

struct SmtpOptions {
  std::string url;       // "smtp://host:port" or "smtps://host:port"
  std::string from;      // envelope and header sender, "xa@example.vn"
  std::string username;  // "" = no AUTH
  std::string password;
  int timeout_ms = 10000;
  bool operator==(const SmtpOptions&) const = default;
};

// True for a plain "local@domain" address with no spaces, angle brackets,
// commas or control characters (enough to keep it out of header injection).
bool ValidMailAddress(std::string_view address);

// Encodes `text` (UTF-8) as RFC 2047 "=?UTF-8?B?…?=" words of at most 75
// characters, never splitting a character, joined by "\r\n " (folding).
std::string EncodeMailHeader(std::string_view text);

class SmtpTransport : public Transport {
 public:
  // Prefer MakeSmtpTransport, which checks the options.
  explicit SmtpTransport(SmtpOptions options) : options_(std::move(options)) {}

  std::string_view name() const override { return "smtp"; }
  bool Accepts(MessageChannel channel) const override { return channel == MessageChannel::kEmail; }
  // kUnavailable (Vietnamese reason) when the server cannot be reached or
  // refuses the mail; kInvalidArgument for a message that is not an e-mail
  // or whose address is not a valid one (retrying would not help).
  Status Send(const OutboxMessage& message) override;

  // The RFC 5322 message Send uploads (exposed for tests).
  std::string MailText(const OutboxMessage& message) const;

 private:
  SmtpOptions options_;
};

// Checks the scheme (smtp:// or smtps:// with a host), the sender address and
// the timeout; kInvalidArgument (Vietnamese) otherwise.
Result<std::unique_ptr<SmtpTransport>> MakeSmtpTransport(SmtpOptions options);

}  // namespace doithoai::notify

#endif  // DOITHOAI_ADAPTERS_NOTIFY_SMTP_TRANSPORT_H_
