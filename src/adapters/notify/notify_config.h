// The `serve --notify` option: where messages go. Each spec is one of
//   log=PATH                      the JSON-lines log (default: beside the database)
//   webhook=URL                   SMS and Zalo through a signed HTTP relay
//   smtp=smtp://host:port?from=addr&user=u&password=p
//                                 e-mail through SMTP (smtps:// for TLS from the
//                                 start); query values are percent-decoded ("+"
//                                 stays "+"); from is required; timeout_ms optional
// Each kind may be given once. MakeTransports turns the config into the
// transports the notify.send job tries in order.
#ifndef DOITHOAI_ADAPTERS_NOTIFY_NOTIFY_CONFIG_H_
#define DOITHOAI_ADAPTERS_NOTIFY_NOTIFY_CONFIG_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/notify/smtp_transport.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/notifications/message.h"

namespace doithoai::notify {

struct NotifyConfig {
  std::optional<std::string> log_path;
  std::optional<std::string> webhook_url;
  std::optional<SmtpOptions> smtp;
};

// kInvalidArgument with a Vietnamese message naming the bad spec.
Result<NotifyConfig> ParseNotifyConfig(const std::vector<std::string>& specs);

// The transports in the order they are tried: webhook, smtp, then the log
// (config.log_path, else `default_log_path`), which is always last and
// accepts every channel, so a message no other transport carries is still
// recorded. `webhook_secret` signs webhook requests (required when a webhook
// is configured); `clock` must outlive the transports.
Result<std::vector<std::unique_ptr<Transport>>> MakeTransports(const NotifyConfig& config,
                                                               std::string default_log_path,
                                                               std::string webhook_secret,
                                                               const Clock& clock);

}  // namespace doithoai::notify

#endif  // DOITHOAI_ADAPTERS_NOTIFY_NOTIFY_CONFIG_H_
