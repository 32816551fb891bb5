#include "adapters/notify/notify_config.h"

#include <charconv>
#include <string_view>
#include <utility>

#include "adapters/notify/log_transport.h"
#include "adapters/notify/webhook_transport.h"

namespace doithoai::notify {
namespace {

// The spec as shown in an error: a query ("?…&password=…") is left out so a
// mistyped smtp spec does not print its password.
Error SpecError(std::string_view spec) {
  const size_t query = spec.find('?');
  const std::string shown = query == std::string_view::npos
                                ? std::string(spec)
                                : std::string(spec.substr(0, query)) + "?…";
  return MakeError(
      ErrorCode::kInvalidArgument,
      "--notify: không hiểu “" + shown + "”; dùng log=ĐƯỜNG_DẪN, webhook=URL hoặc smtp=URL");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%40" → "@"; nullopt for a truncated or non-hex escape.
std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    const int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    const int lo = i + 2 < s.size() ? HexValue(s[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      return std::nullopt;
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

Result<SmtpOptions> ParseSmtp(std::string_view value) {
  SmtpOptions options;
  const size_t question = value.find('?');
  options.url = std::string(value.substr(0, question));
  std::string_view query = question == std::string_view::npos ? "" : value.substr(question + 1);
  bool has_from = false;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? "" : query.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    const size_t eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    std::optional<std::string> decoded =
        PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    if (!decoded) {
      return MakeError(ErrorCode::kInvalidArgument, "--notify: mã % không hợp lệ trong tham số “" +
                                                        std::string(key) + "” của smtp");
    }
    if (key == "from") {
      options.from = std::move(*decoded);
      has_from = true;
    } else if (key == "user") {
      options.username = std::move(*decoded);
    } else if (key == "password") {
      options.password = std::move(*decoded);
    } else if (key == "timeout_ms") {
      int ms = 0;
      auto [end, ec] = std::from_chars(decoded->data(), decoded->data() + decoded->size(), ms);
      if (ec != std::errc() || end != decoded->data() + decoded->size() || ms <= 0) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--notify: timeout_ms phải là một số nguyên dương (mili giây), không "
                         "phải “" +
                             *decoded + "”");
      }
      options.timeout_ms = ms;
    } else {
      return MakeError(ErrorCode::kInvalidArgument, "--notify: smtp không có tham số “" +
                                                        std::string(key) +
                                                        "”; dùng from, user, password, timeout_ms");
    }
  }
  if (!has_from || options.from.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--notify: smtp cần địa chỉ người gửi, ví dụ "
                     "smtp=smtp://mail.example.vn:587?from=xa%40example.vn");
  }
  // Checks the URL and the sender address now rather than at the first mail.
  ASSIGN_OR_RETURN(std::unique_ptr<SmtpTransport> unused, MakeSmtpTransport(options));
  (void)unused;
  return options;
}

Error Duplicate(std::string_view key) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "--notify: “" + std::string(key) + "” chỉ được khai báo một lần");
}

}  // namespace

Result<NotifyConfig> ParseNotifyConfig(const std::vector<std::string>& specs) {
  NotifyConfig config;
  for (const std::string& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq + 1 == spec.size()) {
      return SpecError(spec);
    }
    const std::string_view key = std::string_view(spec).substr(0, eq);
    const std::string value = spec.substr(eq + 1);
    if (key == "log") {
      if (config.log_path) return Duplicate(key);
      config.log_path = value;
    } else if (key == "webhook") {
      if (config.webhook_url) return Duplicate(key);
      RETURN_IF_ERROR(ValidateWebhookUrl(value));
      config.webhook_url = value;
    } else if (key == "smtp") {
      if (config.smtp) return Duplicate(key);
      ASSIGN_OR_RETURN(config.smtp, ParseSmtp(value));
    } else {
      return SpecError(spec);
    }
  }
  return config;
}

Result<std::vector<std::unique_ptr<Transport>>> MakeTransports(const NotifyConfig& config,
                                                               std::string default_log_path,
                                                               std::string webhook_secret,
                                                               const Clock& clock) {
  std::vector<std::unique_ptr<Transport>> transports;
  if (config.webhook_url) {
    WebhookOptions options;
    options.url = *config.webhook_url;
    options.secret = std::move(webhook_secret);
    ASSIGN_OR_RETURN(std::unique_ptr<WebhookTransport> webhook,
                     MakeWebhookTransport(std::move(options), clock));
    transports.push_back(std::move(webhook));
  }
  if (config.smtp) {
    ASSIGN_OR_RETURN(std::unique_ptr<SmtpTransport> smtp, MakeSmtpTransport(*config.smtp));
    transports.push_back(std::move(smtp));
  }
  transports.push_back(
      std::make_unique<LogTransport>(config.log_path.value_or(std::move(default_log_path)), clock));
  return transports;
}

}  // namespace doithoai::notify
