// LogTransport: the transport of last resort. It appends every message it is
// given, whatever its channel, as one JSON line to a file (created with mode
// 0600: the lines hold phone numbers and e-mail addresses). A commune without
// an SMS gateway or a mail server still sees on the outbox page, and in this
// file, what would have been sent to whom.
//
// Each line is written with a single write() on a descriptor opened with
// O_APPEND, so lines from concurrent processes or threads never interleave.
// The file is opened for each message, so it may be rotated (moved away)
// at any time. Thread-safe.
//
// CONF-01: callers guarantee a message holds no denouncer identity (the
// planner puts a pseudonym in recipient_name); the log writes what the
// message holds.
#ifndef DOITHOAI_ADAPTERS_NOTIFY_LOG_TRANSPORT_H_
#define DOITHOAI_ADAPTERS_NOTIFY_LOG_TRANSPORT_H_

#include <string>
#include <string_view>

#include "core/common/clock.h"
#include "core/notifications/message.h"

namespace doithoai::notify {

// "2026-11-02T08:00:00+07:00" (Việt Nam time, UTC+7), as the log and the
// webhook write times.
std::string IsoVietnamTime(Timestamp t);

class LogTransport : public Transport {
 public:
  // `clock` gives the "time" of each line and must outlive the transport.
  LogTransport(std::string path, const Clock& clock);
  // Uses the system clock.
  explicit LogTransport(std::string path);

  std::string_view name() const override { return "log"; }
  bool Accepts(MessageChannel) const override { return true; }
  // Appends the line; kUnavailable (Vietnamese reason) if the file cannot be
  // opened or written.
  Status Send(const OutboxMessage& message) override;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  const Clock& clock_;
};

}  // namespace doithoai::notify

#endif  // DOITHOAI_ADAPTERS_NOTIFY_LOG_TRANSPORT_H_
