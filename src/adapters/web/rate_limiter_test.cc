#include "adapters/web/rate_limiter.h"

#include <gtest/gtest.h>

#include "core/testing/fake_clock.h"

namespace doithoai::web {
namespace {

TEST(RateLimiterTest, LimitsPerKeyPerMinute) {
  FakeClock clock(Timestamp{});
  RateLimiter limiter(clock, 2);
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));
  EXPECT_FALSE(limiter.Allow("10.0.0.1"));
  EXPECT_TRUE(limiter.Allow("10.0.0.2"));  // another address has its own count
  clock.Advance(std::chrono::minutes(1));
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));  // a new minute
}

TEST(RateLimiterTest, ZeroMeansOff) {
  FakeClock clock(Timestamp{});
  RateLimiter limiter(clock, 0);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.Allow("10.0.0.1"));
}

}  // namespace
}  // namespace doithoai::web
