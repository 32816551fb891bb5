#include "core/jobs/job_runner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/jobs/in_memory_job_queue.h"
#include "core/testing/fake_clock.h"

namespace doithoai {
namespace {

using std::chrono::minutes;

const Timestamp kStart{std::chrono::milliseconds(1767225600000)};  // 2026-01-01 00:00 UTC
constexpr CommuneId kCommune{1};

// A handler whose checksum and outcome the test sets; records what it ran.
class ScriptedHandler : public JobHandler {
 public:
  Result<std::string> SubjectChecksum(const Job& job) override {
    checksum_calls.push_back(job.id);
    return checksum;
  }
  JobOutcome Run(const Job& job) override {
    runs.push_back(job);
    if (during_run) {
      during_run(job);
    }
    return outcome;
  }

  Result<std::string> checksum = std::string("v1");
  JobOutcome outcome{JobOutcome::kDone, ""};
  std::function<void(const Job&)> during_run;
  std::vector<JobId> checksum_calls;
  std::vector<Job> runs;
};

class JobRunnerTest : public ::testing::Test {
 protected:
  JobRunnerTest() : clock_(kStart), runner_(queue_, clock_, "worker-a") {
    runner_.Register("reminder.digest", handler_);
  }

  Job Add(std::string fingerprint, std::string checksum = "", Timestamp run_at = kStart,
          int max_attempts = 8) {
    Job job;
    job.commune_id = kCommune;
    job.kind = "reminder.digest";
    job.fingerprint = std::move(fingerprint);
    job.subject = "petition:42";
    job.subject_checksum = std::move(checksum);
    job.payload = "{}";
    job.run_at = run_at;
    job.max_attempts = max_attempts;
    Result<JobQueue::Enqueued> enqueued = queue_.Enqueue(job);
    EXPECT_TRUE(enqueued.ok());
    return enqueued.ok() ? enqueued->job : Job{};
  }

  Job Stored(JobId id) {
    Result<Job> job = queue_.Find(kCommune, id);
    EXPECT_TRUE(job.ok());
    return job.ok() ? *job : Job{};
  }

  RunStats Run(int limit = 50) {
    Result<RunStats> stats = runner_.RunDue(limit);
    EXPECT_TRUE(stats.ok()) << (stats.ok() ? "" : stats.error().message);
    return stats.ok() ? *stats : RunStats{};
  }

  InMemoryJobQueue queue_;
  FakeClock clock_;
  ScriptedHandler handler_;
  JobRunner runner_;
};

TEST_F(JobRunnerTest, RunsADueJobAndCompletesIt) {
  Job job = Add("digest:1");
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .done = 1}));
  ASSERT_EQ(handler_.runs.size(), 1u);
  EXPECT_EQ(handler_.runs[0].id, job.id);
  EXPECT_EQ(handler_.runs[0].attempts, 1);
  Job stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kDone);
  EXPECT_EQ(stored.finished_at, kStart);
  EXPECT_EQ(Run(), RunStats{});  // nothing left
}

TEST_F(JobRunnerTest, LeavesJobsThatAreNotDueYet) {
  Job later = Add("digest:later", "", kStart + minutes(5));
  EXPECT_EQ(Run(), RunStats{});
  EXPECT_EQ(Stored(later.id).state, JobState::kQueued);
  clock_.Advance(minutes(5));
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .done = 1}));
}

TEST_F(JobRunnerTest, ClaimsAtMostLimitOldestFirst) {
  Job second = Add("digest:2", "", kStart - minutes(1));
  Job first = Add("digest:1", "", kStart - minutes(2));
  Add("digest:3", "", kStart);
  EXPECT_EQ(Run(2), (RunStats{.claimed = 2, .done = 2}));
  ASSERT_EQ(handler_.runs.size(), 2u);
  EXPECT_EQ(handler_.runs[0].id, first.id);
  EXPECT_EQ(handler_.runs[1].id, second.id);
  EXPECT_EQ(Run(2), (RunStats{.claimed = 1, .done = 1}));
}

TEST_F(JobRunnerTest, RetriesWithDoublingBackoffThenFailsForGood) {
  handler_.outcome = {JobOutcome::kRetry, "Máy chủ webhook trả lời 500"};
  Job job = Add("notify:1", "", kStart, /*max_attempts=*/3);

  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .retried = 1}));
  Job stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kQueued);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_EQ(stored.run_at, kStart + minutes(1));
  EXPECT_EQ(stored.last_error, "Máy chủ webhook trả lời 500");

  clock_.Advance(std::chrono::seconds(59));
  EXPECT_EQ(Run(), RunStats{});  // the backoff has not passed
  clock_.Set(kStart + minutes(1));
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .retried = 1}));
  stored = Stored(job.id);
  EXPECT_EQ(stored.attempts, 2);
  EXPECT_EQ(stored.run_at, kStart + minutes(1) + minutes(2));

  clock_.Set(stored.run_at);
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .failed = 1}));
  stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kFailed);
  EXPECT_EQ(stored.attempts, 3);
  EXPECT_EQ(stored.finished_at, clock_.Now());
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(Run(), RunStats{});
}

TEST_F(JobRunnerTest, DropsWhenTheHandlerSaysSo) {
  handler_.outcome = {JobOutcome::kDrop, "Đơn đã được trả lời"};
  Job job = Add("digest:1");
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .dropped = 1}));
  Job stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kDropped);
  EXPECT_EQ(stored.last_error, "Đơn đã được trả lời");
}

// Style.md habit 5: a reminder planned for a subject that changed since
// (deadline extended, item answered) is dropped, not sent.
TEST_F(JobRunnerTest, DropsAJobWhoseSubjectChecksumChanged) {
  Job job = Add("reminder:petition:42", "v1");
  handler_.checksum = std::string("v2");
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .dropped = 1}));
  EXPECT_TRUE(handler_.runs.empty());
  Job stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kDropped);
  EXPECT_EQ(stored.last_error, "Nội dung đã thay đổi từ khi lập lịch");
}

TEST_F(JobRunnerTest, DropsAJobWhoseSubjectNoLongerExists) {
  Job job = Add("reminder:petition:42", "v1");
  handler_.checksum = std::string();
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .dropped = 1}));
  EXPECT_TRUE(handler_.runs.empty());
  EXPECT_EQ(Stored(job.id).state, JobState::kDropped);
}

TEST_F(JobRunnerTest, RunsAJobWhoseSubjectIsUnchanged) {
  Job job = Add("reminder:petition:42", "v1");
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .done = 1}));
  EXPECT_EQ(handler_.checksum_calls, std::vector<JobId>{job.id});
  EXPECT_EQ(handler_.runs.size(), 1u);
}

TEST_F(JobRunnerTest, AnEmptyChecksumSkipsTheCheck) {
  Add("digest:1", "");
  handler_.checksum = std::string("anything");
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .done = 1}));
  EXPECT_TRUE(handler_.checksum_calls.empty());
}

TEST_F(JobRunnerTest, AChecksumErrorRetriesWithoutRunning) {
  Job job = Add("reminder:petition:42", "v1");
  handler_.checksum = MakeError(ErrorCode::kUnavailable, "Cơ sở dữ liệu đang bận");
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .retried = 1}));
  EXPECT_TRUE(handler_.runs.empty());
  Job stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kQueued);
  EXPECT_EQ(stored.last_error, "Cơ sở dữ liệu đang bận");
  EXPECT_EQ(stored.run_at, kStart + minutes(1));
}

TEST_F(JobRunnerTest, AJobOfAnUnknownKindFailsWithAReason) {
  Job job;
  job.commune_id = kCommune;
  job.kind = "no.such.kind";
  job.fingerprint = "x:1";
  job.run_at = kStart;
  Result<JobQueue::Enqueued> enqueued = queue_.Enqueue(job);
  ASSERT_TRUE(enqueued.ok());
  EXPECT_EQ(Run(), (RunStats{.claimed = 1, .failed = 1}));
  Job stored = Stored(enqueued->job.id);
  EXPECT_NE(stored.last_error.find("no.such.kind"), std::string::npos);
  EXPECT_NE(stored.state, JobState::kRunning);
  EXPECT_NE(stored.state, JobState::kDone);
}

// A worker that outlived its lease: another worker took the job over, and
// the first worker's outcome is refused and not counted.
TEST_F(JobRunnerTest, AnOutcomeAfterTheLeaseWasTakenOverIsNotCounted) {
  Job job = Add("digest:1");
  FakeClock other_clock(kStart);
  JobRunner other(queue_, other_clock, "worker-b");
  ScriptedHandler other_handler;
  other.Register("reminder.digest", other_handler);
  handler_.during_run = [&](const Job&) {
    clock_.Advance(JobRunner::kLease + minutes(1));
    other_clock.Set(clock_.Now());
    Result<std::vector<Job>> taken = queue_.Claim(clock_.Now(), "worker-b", JobRunner::kLease, 10);
    ASSERT_TRUE(taken.ok());
    ASSERT_EQ(taken->size(), 1u);
  };
  EXPECT_EQ(Run(), (RunStats{.claimed = 1}));
  Job stored = Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kRunning);
  EXPECT_EQ(stored.claimed_by, "worker-b");
  EXPECT_EQ(stored.attempts, 2);
}

// Fails every call with kUnavailable (a locked database).
class UnavailableQueue : public InMemoryJobQueue {
 public:
  Result<std::vector<Job>> Claim(Timestamp, std::string_view, std::chrono::milliseconds,
                                 int) override {
    return MakeError(ErrorCode::kUnavailable, "Cơ sở dữ liệu đang bận");
  }
};

TEST(JobRunnerErrorTest, AQueueErrorEndsThePass) {
  UnavailableQueue queue;
  FakeClock clock(kStart);
  JobRunner runner(queue, clock, "worker-a");
  Result<RunStats> stats = runner.RunDue();
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace doithoai
