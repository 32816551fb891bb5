// FakeClock: a Clock that only moves when a test tells it to.
#ifndef DOITHOAI_CORE_TESTING_FAKE_CLOCK_H_
#define DOITHOAI_CORE_TESTING_FAKE_CLOCK_H_

#include "core/common/clock.h"

namespace doithoai {

class FakeClock : public Clock {
 public:
  explicit FakeClock(Timestamp start) : now_(start) {}
  Timestamp Now() const override { return now_; }
  void Advance(std::chrono::milliseconds by) { now_ += by; }
  void Set(Timestamp t) { now_ = t; }

 private:
  Timestamp now_;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_TESTING_FAKE_CLOCK_H_
