#include "core/jobs/job.h"

#include <gtest/gtest.h>

#include <chrono>

namespace doithoai {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

TEST(JobStateTest, CodesRoundTrip) {
  for (JobState s : {JobState::kQueued, JobState::kRunning, JobState::kDone, JobState::kDropped,
                     JobState::kFailed}) {
    Result<JobState> parsed = ParseJobState(JobStateCode(s));
    ASSERT_TRUE(parsed.ok()) << JobStateCode(s);
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(JobStateCode(JobState::kQueued), "queued");
  EXPECT_EQ(JobStateCode(JobState::kRunning), "running");
  EXPECT_EQ(JobStateCode(JobState::kDone), "done");
  EXPECT_EQ(JobStateCode(JobState::kDropped), "dropped");
  EXPECT_EQ(JobStateCode(JobState::kFailed), "failed");
}

TEST(JobStateTest, ParseRejectsUnknownCode) {
  Result<JobState> parsed = ParseJobState("paused");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(ParseJobState("").ok());
  EXPECT_FALSE(ParseJobState("Queued").ok());
}

TEST(RetryBackoffTest, DoublesFromOneMinute) {
  EXPECT_EQ(RetryBackoff(1), minutes(1));
  EXPECT_EQ(RetryBackoff(2), minutes(2));
  EXPECT_EQ(RetryBackoff(3), minutes(4));
  EXPECT_EQ(RetryBackoff(4), minutes(8));
  EXPECT_EQ(RetryBackoff(9), minutes(256));
}

TEST(RetryBackoffTest, CappedAtSixHours) {
  EXPECT_EQ(RetryBackoff(10), hours(6));  // 512 min > 360 min
  EXPECT_EQ(RetryBackoff(40), hours(6));
  EXPECT_EQ(RetryBackoff(1'000'000), hours(6));
}

TEST(RetryBackoffTest, NonPositiveAttemptsWaitTheFirstDelay) {
  EXPECT_EQ(RetryBackoff(0), minutes(1));
  EXPECT_EQ(RetryBackoff(-3), minutes(1));
}

}  // namespace
}  // namespace doithoai
