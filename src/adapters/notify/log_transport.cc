#include "adapters/notify/log_transport.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <utility>

#include "adapters/system/system_clock.h"

namespace doithoai::notify {
namespace {

const Clock& DefaultClock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace

std::string IsoVietnamTime(Timestamp t) {
  namespace chrono = std::chrono;
  const auto local = chrono::floor<chrono::seconds>(t) + chrono::hours(7);
  const auto day = chrono::floor<chrono::days>(local);
  const chrono::year_month_day ymd(day);
  const chrono::hh_mm_ss<chrono::seconds> hms(local - day);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+07:00",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

LogTransport::LogTransport(std::string path, const Clock& clock)
    : path_(std::move(path)), clock_(clock) {}

LogTransport::LogTransport(std::string path) : LogTransport(std::move(path), DefaultClock()) {}

Status LogTransport::Send(const OutboxMessage& message) {
  nlohmann::ordered_json line = {
      {"time", IsoVietnamTime(clock_.Now())},
      {"message_id", message.id.value},
      {"commune_id", message.commune_id.value},
      {"event", message.event},
      {"channel", MessageChannelCode(message.channel)},
      {"recipient_kind", message.recipient_kind},
      {"recipient_name", message.recipient_name},
      {"address", message.address},
      {"petition_code", message.petition_code},
      {"subject", message.subject},
      {"body", message.body},
  };
  // Invalid UTF-8 is replaced (U+FFFD) rather than thrown on.
  std::string text =
      line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";

  int fd = open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không mở được tệp nhật ký thông báo " + path_ + ": " + std::strerror(errno));
  }
  // One write() per line: O_APPEND makes it land whole at the end of the file.
  ssize_t written;
  do {
    written = write(fd, text.data(), text.size());
  } while (written < 0 && errno == EINTR);
  int error = written < 0 ? errno : 0;
  const bool complete = written == static_cast<ssize_t>(text.size());
  if (written >= 0 && !complete) {
    // A short write (disk full): end the broken line so the next one starts clean.
    (void)!write(fd, "\n", 1);
    error = ENOSPC;
  }
  if (close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error != 0) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không ghi được tệp nhật ký thông báo " + path_ + ": " + std::strerror(error));
  }
  return OkStatus();
}

}  // namespace doithoai::notify
