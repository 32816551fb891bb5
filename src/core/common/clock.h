// Clock: the only source of "now" for the core. The real clock lives in
// adapters/system; tests use core/testing/fake_clock.h (style.md §5.4).
#ifndef DOITHOAI_CORE_COMMON_CLOCK_H_
#define DOITHOAI_CORE_COMMON_CLOCK_H_

#include <chrono>

namespace doithoai {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time (UTC). Vietnam has no daylight saving: local = UTC+7.
  virtual Timestamp Now() const = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMON_CLOCK_H_
