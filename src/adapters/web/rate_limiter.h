// RateLimiter: a fixed-window counter per key (the client address) for the
// public petition intake (issue #5 §2, `serve --public-rate-limit N`). In
// memory and per process; issue #8 moves the counters into the database so
// that several processes share them.
#ifndef DOITHOAI_ADAPTERS_WEB_RATE_LIMITER_H_
#define DOITHOAI_ADAPTERS_WEB_RATE_LIMITER_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/common/clock.h"

namespace doithoai::web {

class RateLimiter {
 public:
  // At most `per_minute` calls of Allow per key in each minute; 0 = no limit.
  RateLimiter(const Clock& clock, int per_minute) : clock_(clock), per_minute_(per_minute) {}
  // Counts one call for `key`; false when the key is over its limit.
  bool Allow(std::string_view key);
  int per_minute() const { return per_minute_; }

 private:
  const Clock& clock_;
  const int per_minute_;
  std::mutex mu_;
  int64_t window_ = -1;                             // minutes since the epoch of the counts
  std::map<std::string, int, std::less<>> counts_;  // guarded by mu_
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_RATE_LIMITER_H_
