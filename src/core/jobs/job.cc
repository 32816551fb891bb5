// Job states as stored codes, and the retry backoff of failed attempts.
#include "core/jobs/job.h"

#include <algorithm>
#include <string>

namespace doithoai {

namespace {

struct JobStateName {
  JobState state;
  std::string_view code;
};

constexpr JobStateName kJobStates[] = {
    {JobState::kQueued, "queued"},   {JobState::kRunning, "running"}, {JobState::kDone, "done"},
    {JobState::kDropped, "dropped"}, {JobState::kFailed, "failed"},
};

constexpr std::chrono::milliseconds kFirstRetry = std::chrono::minutes(1);
constexpr std::chrono::milliseconds kMaxRetry = std::chrono::hours(6);

}  // namespace

std::string_view JobStateCode(JobState v) {
  for (const JobStateName& s : kJobStates) {
    if (s.state == v) {
      return s.code;
    }
  }
  return "queued";  // unreachable: every enumerator is listed
}

Result<JobState> ParseJobState(std::string_view code) {
  for (const JobStateName& s : kJobStates) {
    if (s.code == code) {
      return s.state;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Trạng thái công việc không hợp lệ: \"" + std::string(code) + "\"");
}

std::chrono::milliseconds RetryBackoff(int attempts) {
  std::chrono::milliseconds delay = kFirstRetry;
  // Doubling stops at the cap, so a large `attempts` cannot overflow.
  for (int i = 1; i < attempts && delay < kMaxRetry; ++i) {
    delay *= 2;
  }
  return std::min(delay, kMaxRetry);
}

}  // namespace doithoai
