// Contract tests for the JobQueue port (core/jobs/job.h), written once and run
// against every backend: SQLite in memory and in a file, the in-memory test
// double, and PostgreSQL (issue #8). A backend instantiates the suite with one
// line inside namespace doithoai::contract:
//
//   INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, JobQueueContract,
//                                  ::testing::Types<PostgresJobBackend>);
//
// A Backend type is default-constructible and has
//   std::unique_ptr<JobQueue> Make();
//       a queue over a fresh, empty, migrated store that lives as long as the
//       Backend object (or nullptr, after ADD_FAILURE, if it cannot);
//   Result<CommuneId> AddCommune(const std::string& slug);
//       creates a commune in that store (after Make()), for jobs to belong to.
// One Backend is made per test. Times are fixed: no clock, no sleeps.
#ifndef DOITHOAI_ADAPTERS_STORAGE_CONTRACT_JOB_QUEUE_CONTRACT_H_
#define DOITHOAI_ADAPTERS_STORAGE_CONTRACT_JOB_QUEUE_CONTRACT_H_

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/jobs/job.h"

namespace doithoai::contract {

// 2026-01-01 00:00 UTC.
inline constexpr Timestamp kJobEpoch{std::chrono::milliseconds(1767225600000)};
inline constexpr std::chrono::milliseconds kJobLease = std::chrono::minutes(10);

template <typename Backend>
class JobQueueContract : public ::testing::Test {
 protected:
  void SetUp() override {
    queue_ = backend_.Make();
    if (::testing::Test::IsSkipped()) return;  // no PostgreSQL test cluster
    ASSERT_NE(queue_, nullptr) << "the backend could not create a job queue";
    commune_ = AddCommune("hoang-truong");
    other_commune_ = AddCommune("hoang-phu");
  }

  JobQueue& queue() { return *queue_; }

  CommuneId AddCommune(const std::string& slug) {
    Result<CommuneId> id = backend_.AddCommune(slug);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : CommuneId{};
  }

  static Job Sample(CommuneId commune, std::string fingerprint, Timestamp run_at = kJobEpoch) {
    Job job;
    job.commune_id = commune;
    job.kind = "reminder.digest";
    job.fingerprint = std::move(fingerprint);
    job.subject = "petition:42";
    job.subject_checksum = "answered=0;deadline=2026-01-15";
    job.payload = R"({"official_id":7,"day":"2026-01-01"})";
    job.run_at = run_at;
    job.max_attempts = 3;
    job.created_at = kJobEpoch - std::chrono::hours(1);
    return job;
  }

  // Enqueues `job`, which must be new; its stored copy.
  Job Add(const Job& job) {
    Result<JobQueue::Enqueued> enqueued = queue_->Enqueue(job);
    EXPECT_TRUE(enqueued.ok()) << (enqueued.ok() ? "" : enqueued.error().message);
    if (!enqueued.ok()) {
      return Job{};
    }
    EXPECT_TRUE(enqueued->created);
    return enqueued->job;
  }
  Job Add(std::string fingerprint, Timestamp run_at = kJobEpoch) {
    return Add(Sample(commune_, std::move(fingerprint), run_at));
  }

  std::vector<Job> Claim(Timestamp now, std::string_view worker, int limit = 10) {
    Result<std::vector<Job>> claimed = queue_->Claim(now, worker, kJobLease, limit);
    EXPECT_TRUE(claimed.ok()) << (claimed.ok() ? "" : claimed.error().message);
    return claimed.ok() ? *claimed : std::vector<Job>{};
  }

  static std::vector<JobId> Ids(const std::vector<Job>& jobs) {
    std::vector<JobId> ids;
    for (const Job& job : jobs) {
      ids.push_back(job.id);
    }
    return ids;
  }

  Job Stored(JobId id) {
    Result<Job> job = queue_->Find(commune_, id);
    EXPECT_TRUE(job.ok()) << (job.ok() ? "" : job.error().message);
    return job.ok() ? *job : Job{};
  }

  // `result` (a Status or any Result) failed with `code`.
  template <typename R>
  static void ExpectCode(const R& result, ErrorCode code) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, code) << result.error().message;
  }

  Backend backend_;
  std::unique_ptr<JobQueue> queue_;
  CommuneId commune_;
  CommuneId other_commune_;
};

TYPED_TEST_SUITE_P(JobQueueContract);

TYPED_TEST_P(JobQueueContract, EnqueueStoresAQueuedJob) {
  Job want = this->Sample(this->commune_, "digest:official:7:2026-01-01");
  Job got = this->Add(want);
  EXPECT_TRUE(got.id.valid());
  EXPECT_EQ(got.commune_id, want.commune_id);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.fingerprint, want.fingerprint);
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(got.subject_checksum, want.subject_checksum);
  EXPECT_EQ(got.payload, want.payload);
  EXPECT_EQ(got.run_at, want.run_at);
  EXPECT_EQ(got.state, JobState::kQueued);
  EXPECT_EQ(got.attempts, 0);
  EXPECT_EQ(got.max_attempts, 3);
  EXPECT_EQ(got.claimed_by, "");
  EXPECT_EQ(got.last_error, "");
  EXPECT_EQ(got.created_at, want.created_at);
  EXPECT_EQ(got.finished_at, Timestamp{});

  Job found = this->Stored(got.id);
  EXPECT_EQ(found.fingerprint, want.fingerprint);
  EXPECT_EQ(found.payload, want.payload);
  EXPECT_EQ(found.run_at, want.run_at);
}

TYPED_TEST_P(JobQueueContract, ASecondEnqueueOfTheSameFingerprintStoresNothing) {
  Job first = this->Add("reminder:petition:42:1");
  Job again =
      this->Sample(this->commune_, "reminder:petition:42:1", kJobEpoch + std::chrono::hours(5));
  again.payload = "{}";
  Result<JobQueue::Enqueued> second = this->queue().Enqueue(again);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->job.id, first.id);
  EXPECT_EQ(second->job.run_at, first.run_at);  // the stored job, unchanged
  EXPECT_EQ(second->job.payload, first.payload);

  // In any state: a finished job still blocks its fingerprint.
  ASSERT_EQ(this->Claim(kJobEpoch, "w1").size(), 1u);
  ASSERT_TRUE(this->queue().Complete(first.commune_id, first.id, "w1", kJobEpoch).ok());
  Result<JobQueue::Enqueued> third = this->queue().Enqueue(again);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->created);
  EXPECT_EQ(third->job.id, first.id);
  EXPECT_EQ(third->job.state, JobState::kDone);

  Result<std::vector<Job>> listed = this->queue().List(this->commune_, 0, 10);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
}

TYPED_TEST_P(JobQueueContract, FingerprintsAreUniquePerCommuneOnly) {
  Job here = this->Add("digest:2026-01-01");
  Job there = this->Add(this->Sample(this->other_commune_, "digest:2026-01-01"));
  EXPECT_NE(here.id, there.id);
  EXPECT_EQ(there.commune_id, this->other_commune_);
}

TYPED_TEST_P(JobQueueContract, EnqueueRejectsAJobWithoutKindOrFingerprint) {
  Job no_kind = this->Sample(this->commune_, "x:1");
  no_kind.kind = "";
  this->ExpectCode(this->queue().Enqueue(no_kind), ErrorCode::kInvalidArgument);
  Job no_fingerprint = this->Sample(this->commune_, "");
  this->ExpectCode(this->queue().Enqueue(no_fingerprint), ErrorCode::kInvalidArgument);
  Job no_attempts = this->Sample(this->commune_, "x:2");
  no_attempts.max_attempts = 0;
  this->ExpectCode(this->queue().Enqueue(no_attempts), ErrorCode::kInvalidArgument);
}

TYPED_TEST_P(JobQueueContract, ClaimTakesDueJobsOldestFirstUpToTheLimit) {
  Job late = this->Add("b", kJobEpoch - std::chrono::minutes(1));
  Job early = this->Add("a", kJobEpoch - std::chrono::minutes(2));
  Job now = this->Add("c", kJobEpoch);
  Job future = this->Add("d", kJobEpoch + std::chrono::seconds(1));

  std::vector<Job> first = this->Claim(kJobEpoch, "w1", 2);
  EXPECT_EQ(this->Ids(first), (std::vector<JobId>{early.id, late.id}));
  for (const Job& job : first) {
    EXPECT_EQ(job.state, JobState::kRunning);
    EXPECT_EQ(job.claimed_by, "w1");
    EXPECT_EQ(job.lease_until, kJobEpoch + kJobLease);
    EXPECT_EQ(job.attempts, 1);
  }
  Job stored = this->Stored(early.id);
  EXPECT_EQ(stored.state, JobState::kRunning);
  EXPECT_EQ(stored.claimed_by, "w1");
  EXPECT_EQ(stored.attempts, 1);

  // Claimed jobs are not claimed again while their lease holds; the future
  // job waits for its run_at.
  EXPECT_EQ(this->Ids(this->Claim(kJobEpoch, "w2")), std::vector<JobId>{now.id});
  EXPECT_TRUE(this->Claim(kJobEpoch, "w2").empty());
  EXPECT_EQ(this->Ids(this->Claim(future.run_at, "w2")), std::vector<JobId>{future.id});
  EXPECT_TRUE(this->Claim(kJobEpoch, "w2", 0).empty());
  this->ExpectCode(this->queue().Claim(future.run_at, "", kJobLease, 5),
                   ErrorCode::kInvalidArgument);
}

TYPED_TEST_P(JobQueueContract, CompleteFinishesOnlyTheClaimingWorkersJob) {
  Job job = this->Add("a");
  ASSERT_EQ(this->Claim(kJobEpoch, "w1").size(), 1u);
  const Timestamp at = kJobEpoch + std::chrono::seconds(3);
  this->ExpectCode(this->queue().Complete(job.commune_id, job.id, "w2", at),
                   ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(this->queue().Complete(job.commune_id, job.id, "w1", at).ok());
  Job stored = this->Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kDone);
  EXPECT_EQ(stored.finished_at, at);
  EXPECT_EQ(stored.attempts, 1);
  // Finished: no second outcome, and never claimed again.
  this->ExpectCode(this->queue().Complete(job.commune_id, job.id, "w1", at),
                   ErrorCode::kFailedPrecondition);
  this->ExpectCode(this->queue().Fail(job.commune_id, job.id, "w1", "x", at, at),
                   ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(this->Claim(kJobEpoch + std::chrono::hours(48), "w1").empty());
}

TYPED_TEST_P(JobQueueContract, AQueuedJobCannotBeFinished) {
  Job job = this->Add("a");
  this->ExpectCode(this->queue().Complete(job.commune_id, job.id, "w1", kJobEpoch),
                   ErrorCode::kFailedPrecondition);
  this->ExpectCode(this->queue().Drop(job.commune_id, job.id, "w1", "x", kJobEpoch),
                   ErrorCode::kFailedPrecondition);
  EXPECT_EQ(this->Stored(job.id).state, JobState::kQueued);
}

TYPED_TEST_P(JobQueueContract, UnknownJobsAreNotFound) {
  const JobId missing{987654};
  this->ExpectCode(this->queue().Find(this->commune_, missing), ErrorCode::kNotFound);
  this->ExpectCode(this->queue().Complete(this->commune_, missing, "w1", kJobEpoch),
                   ErrorCode::kNotFound);
  this->ExpectCode(this->queue().Drop(this->commune_, missing, "w1", "x", kJobEpoch),
                   ErrorCode::kNotFound);
  this->ExpectCode(this->queue().Fail(this->commune_, missing, "w1", "x", kJobEpoch, kJobEpoch),
                   ErrorCode::kNotFound);
}

// A job is named by its commune and id (issue #8 §4): the same id under
// another commune is another job, so nothing of this one changes.
TYPED_TEST_P(JobQueueContract, AJobIsNotFoundUnderAnotherCommune) {
  const Job job = this->Add("message:1", kJobEpoch);
  ASSERT_EQ(this->queue().Claim(kJobEpoch, "w1", std::chrono::minutes(1), 5)->size(), 1u);
  const CommuneId other = this->other_commune_;
  this->ExpectCode(this->queue().Find(other, job.id), ErrorCode::kNotFound);
  this->ExpectCode(this->queue().Complete(other, job.id, "w1", kJobEpoch), ErrorCode::kNotFound);
  this->ExpectCode(this->queue().Drop(other, job.id, "w1", "x", kJobEpoch), ErrorCode::kNotFound);
  this->ExpectCode(this->queue().Fail(other, job.id, "w1", "x", kJobEpoch, kJobEpoch),
                   ErrorCode::kNotFound);
  EXPECT_EQ(this->Stored(job.id).state, JobState::kRunning);
  ASSERT_TRUE(this->queue().Complete(job.commune_id, job.id, "w1", kJobEpoch).ok());
  EXPECT_EQ(this->Stored(job.id).state, JobState::kDone);
}

TYPED_TEST_P(JobQueueContract, DropRecordsTheReason) {
  Job job = this->Add("a");
  ASSERT_EQ(this->Claim(kJobEpoch, "w1").size(), 1u);
  ASSERT_TRUE(
      this->queue()
          .Drop(job.commune_id, job.id, "w1", "Nội dung đã thay đổi từ khi lập lịch", kJobEpoch)
          .ok());
  Job stored = this->Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kDropped);
  EXPECT_EQ(stored.last_error, "Nội dung đã thay đổi từ khi lập lịch");
  EXPECT_EQ(stored.finished_at, kJobEpoch);
  EXPECT_TRUE(this->Claim(kJobEpoch + std::chrono::hours(48), "w1").empty());
}

// Retried on failure with backoff: queued again at retry_at, not claimable
// before it, claimable at it, attempts counted, failed for good after
// max_attempts (3 here).
TYPED_TEST_P(JobQueueContract, AFailedAttemptIsRetriedAtRetryAtThenFailsForGood) {
  Job job = this->Add("a");
  Timestamp now = kJobEpoch;
  for (int attempt = 1; attempt <= 2; ++attempt) {
    std::vector<Job> claimed = this->Claim(now, "w1");
    ASSERT_EQ(claimed.size(), 1u) << "attempt " << attempt;
    EXPECT_EQ(claimed[0].attempts, attempt);
    const Timestamp retry_at = now + RetryBackoff(attempt);
    ASSERT_TRUE(
        this->queue()
            .Fail(job.commune_id, job.id, "w1", "Máy chủ webhook trả lời 500", retry_at, now)
            .ok());
    Job stored = this->Stored(job.id);
    EXPECT_EQ(stored.state, JobState::kQueued);
    EXPECT_EQ(stored.run_at, retry_at);
    EXPECT_EQ(stored.attempts, attempt);
    EXPECT_EQ(stored.claimed_by, "");
    EXPECT_EQ(stored.last_error, "Máy chủ webhook trả lời 500");
    EXPECT_TRUE(this->Claim(retry_at - std::chrono::milliseconds(1), "w1").empty());
    now = retry_at;
  }
  std::vector<Job> last = this->Claim(now, "w1");
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].attempts, 3);
  ASSERT_TRUE(
      this->queue()
          .Fail(job.commune_id, job.id, "w1", "Hết lần thử", now + std::chrono::hours(1), now)
          .ok());
  Job stored = this->Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kFailed);
  EXPECT_EQ(stored.attempts, 3);
  EXPECT_EQ(stored.last_error, "Hết lần thử");
  EXPECT_EQ(stored.finished_at, now);
  EXPECT_TRUE(this->Claim(now + std::chrono::hours(48), "w1").empty());
}

// A worker that died (or stalled) past its lease: another worker reclaims the
// job, with a new attempt, and the old worker's outcome is refused.
TYPED_TEST_P(JobQueueContract, AnExpiredLeaseIsReclaimedAndTheOldWorkerIsRefused) {
  Job job = this->Add("a");
  ASSERT_EQ(this->Claim(kJobEpoch, "w1").size(), 1u);
  const Timestamp lease_end = kJobEpoch + kJobLease;
  EXPECT_TRUE(this->Claim(lease_end, "w2").empty());  // the lease still holds at its end

  const Timestamp later = lease_end + std::chrono::milliseconds(1);
  std::vector<Job> reclaimed = this->Claim(later, "w2");
  ASSERT_EQ(this->Ids(reclaimed), std::vector<JobId>{job.id});
  EXPECT_EQ(reclaimed[0].claimed_by, "w2");
  EXPECT_EQ(reclaimed[0].attempts, 2);
  EXPECT_EQ(reclaimed[0].lease_until, later + kJobLease);

  this->ExpectCode(this->queue().Complete(job.commune_id, job.id, "w1", later),
                   ErrorCode::kFailedPrecondition);
  this->ExpectCode(this->queue().Drop(job.commune_id, job.id, "w1", "x", later),
                   ErrorCode::kFailedPrecondition);
  this->ExpectCode(this->queue().Fail(job.commune_id, job.id, "w1", "x", later, later),
                   ErrorCode::kFailedPrecondition);
  EXPECT_EQ(this->Stored(job.id).claimed_by, "w2");
  ASSERT_TRUE(this->queue().Complete(job.commune_id, job.id, "w2", later).ok());
  EXPECT_EQ(this->Stored(job.id).state, JobState::kDone);
}

// The worker died during the last allowed attempt: the job fails instead of
// running an attempt beyond max_attempts, and frees its place in the batch.
TYPED_TEST_P(JobQueueContract, ALeaseLostOnTheLastAttemptFailsTheJob) {
  Job job = this->Add("a");
  Timestamp now = kJobEpoch;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    ASSERT_EQ(this->Claim(now, "w1").size(), 1u);
    now += kJobLease + std::chrono::milliseconds(1);  // w1 dies each time
  }
  Job other = this->Add("b", now);
  EXPECT_EQ(this->Ids(this->Claim(now, "w2", 1)), std::vector<JobId>{other.id});
  Job stored = this->Stored(job.id);
  EXPECT_EQ(stored.state, JobState::kFailed);
  EXPECT_EQ(stored.attempts, 3);
  EXPECT_FALSE(stored.last_error.empty());
  EXPECT_EQ(stored.finished_at, now);
}

TYPED_TEST_P(JobQueueContract, ListShowsACommunesJobsNewestFirst) {
  Job a = this->Add("a");
  this->Add(this->Sample(this->other_commune_, "elsewhere"));
  Job b = this->Add("b");
  Job c = this->Add("c");
  Result<std::vector<Job>> all = this->queue().List(this->commune_, 0, 10);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(this->Ids(*all), (std::vector<JobId>{c.id, b.id, a.id}));
  Result<std::vector<Job>> page = this->queue().List(this->commune_, 1, 1);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(this->Ids(*page), std::vector<JobId>{b.id});
  Result<std::vector<Job>> none = this->queue().List(CommuneId{424242}, 0, 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

REGISTER_TYPED_TEST_SUITE_P(
    JobQueueContract, EnqueueStoresAQueuedJob, ASecondEnqueueOfTheSameFingerprintStoresNothing,
    FingerprintsAreUniquePerCommuneOnly, EnqueueRejectsAJobWithoutKindOrFingerprint,
    ClaimTakesDueJobsOldestFirstUpToTheLimit, CompleteFinishesOnlyTheClaimingWorkersJob,
    AQueuedJobCannotBeFinished, UnknownJobsAreNotFound, AJobIsNotFoundUnderAnotherCommune,
    DropRecordsTheReason, AFailedAttemptIsRetriedAtRetryAtThenFailsForGood,
    AnExpiredLeaseIsReclaimedAndTheOldWorkerIsRefused, ALeaseLostOnTheLastAttemptFailsTheJob,
    ListShowsACommunesJobsNewestFirst);

}  // namespace doithoai::contract

#endif  // DOITHOAI_ADAPTERS_STORAGE_CONTRACT_JOB_QUEUE_CONTRACT_H_
