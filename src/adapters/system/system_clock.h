// SystemClock: the real wall clock, the production implementation of Clock.
#ifndef DOITHOAI_ADAPTERS_SYSTEM_SYSTEM_CLOCK_H_
#define DOITHOAI_ADAPTERS_SYSTEM_SYSTEM_CLOCK_H_

#include <chrono>

#include "core/common/clock.h"

namespace doithoai {

class SystemClock : public Clock {
 public:
  Timestamp Now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_SYSTEM_SYSTEM_CLOCK_H_
