// See rate_limiter.h.
#include "adapters/web/rate_limiter.h"

#include <chrono>

namespace doithoai::web {

bool RateLimiter::Allow(std::string_view key) {
  if (per_minute_ <= 0) return true;
  const int64_t minute =
      std::chrono::duration_cast<std::chrono::minutes>(clock_.Now().time_since_epoch()).count();
  std::lock_guard<std::mutex> lock(mu_);
  if (minute != window_) {
    // A new window: the old counts can go (bounded memory).
    counts_.clear();
    window_ = minute;
  }
  auto it = counts_.find(key);
  if (it == counts_.end()) it = counts_.emplace(std::string(key), 0).first;
  if (it->second >= per_minute_) return false;
  ++it->second;
  return true;
}

}  // namespace doithoai::web
