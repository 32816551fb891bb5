// Rules for credentials, pure and data-driven: the password policy, login
// throttling (per account and per client address) and session expiry.
#ifndef DOITHOAI_CORE_ACCOUNTS_CREDENTIALS_H_
#define DOITHOAI_CORE_ACCOUNTS_CREDENTIALS_H_

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"

namespace doithoai {

struct PasswordPolicy {
  size_t min_chars = 10;   // Unicode code points
  size_t max_bytes = 256;  // argon2 input bound; keeps hashing cost fixed
};

// kInvalidArgument (field "password", Vietnamese) when `password` is too
// short or long, is not UTF-8, or equals the username ignoring case.
Status ValidateNewPassword(std::string_view password, std::string_view username,
                           const PasswordPolicy& policy = {});

// Usernames: 3–64 characters of a-z, 0-9, '.', '_', '-' (stored lower case).
Status ValidateUsername(std::string_view username);

struct ThrottlePolicy {
  int max_failures = 5;  // failures allowed in the window before blocking
  std::chrono::seconds window{15 * 60};
};

// When `failures` (timestamps of recent failed logins for one key) reach the
// limit within the window, how long until the next attempt is allowed
// (rounded up to whole seconds, at least 1); otherwise nullopt.
std::optional<std::chrono::seconds> RetryAfter(const std::vector<Timestamp>& failures,
                                               Timestamp now, const ThrottlePolicy& policy);

struct SessionPolicy {
  std::chrono::seconds idle{2 * 60 * 60};       // no request for this long: expired
  std::chrono::seconds absolute{12 * 60 * 60};  // a working day, whatever the activity
  std::chrono::seconds touch_every{60};         // write last_seen at most this often
};

struct SessionTimes {
  Timestamp created_at;
  Timestamp last_seen_at;
};

bool IsSessionExpired(const SessionTimes& s, Timestamp now, const SessionPolicy& policy);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_ACCOUNTS_CREDENTIALS_H_
