// Durable background jobs (issue #6 §3, style.md habit 5): a job lives in the
// database with a state column; a worker claims due jobs (on SQLite inside
// BEGIN IMMEDIATE, so two workers never claim the same job), runs them, and
// either completes them, retries them later with backoff, or drops them.
// A job's fingerprint is unique per commune: enqueueing the same fingerprint
// twice stores it once, so the same reminder is never planned (or run) twice.
// A job also carries a checksum of its subject as it was when planned; the
// runner drops the job when the subject's checksum has changed since (a
// reminder about a deadline that was extended or an item that was answered).
#ifndef DOITHOAI_CORE_JOBS_JOB_H_
#define DOITHOAI_CORE_JOBS_JOB_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/result.h"

namespace doithoai {

using JobId = Id<struct JobTag>;

enum class JobState {
  kQueued,   // waiting for run_at (also after a failed attempt that will be retried)
  kRunning,  // claimed by a worker until `lease_until`
  kDone,     // ran successfully
  kDropped,  // not run: its subject changed, or it was cancelled (reason in last_error)
  kFailed,   // gave up after the last attempt (reason in last_error)
};
std::string_view JobStateCode(JobState v);  // "queued", "running", "done", "dropped", "failed"
Result<JobState> ParseJobState(std::string_view code);

struct Job {
  JobId id;
  CommuneId commune_id;
  std::string kind;         // handler name, e.g. "reminder.digest", "notify.send"
  std::string fingerprint;  // unique per commune, e.g. "digest:official:7:2026-11-30"
  // What the job is about ("petition:42") and its checksum when planned
  // ("" = do not check).
  std::string subject;
  std::string subject_checksum;
  std::string payload;  // JSON text for the handler
  Timestamp run_at{};
  JobState state = JobState::kQueued;
  int attempts = 0;  // attempts started so far (incremented by Claim)
  int max_attempts = 8;
  std::string claimed_by;  // worker id while running
  Timestamp lease_until{};
  std::string last_error;  // Vietnamese reason of the last failure or drop
  Timestamp created_at{};
  Timestamp finished_at{};  // done, dropped or failed
};

// Storage port. Implementations make every call one transaction.
class JobQueue {
 public:
  virtual ~JobQueue() = default;

  // Stores `job` (state queued, attempts 0) unless a job with the same
  // (commune, fingerprint) exists in any state; returns the stored job and
  // whether it was new.
  struct Enqueued {
    Job job;
    bool created = true;
  };
  virtual Result<Enqueued> Enqueue(const Job& job) = 0;

  // Atomically claims up to `limit` jobs that are queued with run_at <= now,
  // or running with lease_until < now (a worker that died): sets them
  // running, claimed_by = worker, lease_until = now + lease, attempts + 1.
  // Oldest run_at first. Across connections and processes a job is claimed
  // by one worker only.
  virtual Result<std::vector<Job>> Claim(Timestamp now, std::string_view worker,
                                         std::chrono::milliseconds lease, int limit) = 0;

  // A job is named by its commune and id (the jobs table is keyed by
  // (commune_id, id), issue #8 §4; another commune may hold the same id).
  // Finishes a job claimed by `worker` (kFailedPrecondition when the job is
  // no longer claimed by it: its lease ran out and another worker took it).
  virtual Status Complete(CommuneId commune, JobId id, std::string_view worker, Timestamp now) = 0;
  virtual Status Drop(CommuneId commune, JobId id, std::string_view worker, std::string_view reason,
                      Timestamp now) = 0;
  // A failed attempt: queued again at `retry_at`, or failed for good when
  // attempts >= max_attempts.
  virtual Status Fail(CommuneId commune, JobId id, std::string_view worker, std::string_view reason,
                      Timestamp retry_at, Timestamp now) = 0;

  virtual Result<Job> Find(CommuneId commune, JobId id) = 0;
  // The jobs of a commune, newest first (staff "jobs" view, tests).
  virtual Result<std::vector<Job>> List(CommuneId commune, int offset, int limit) = 0;
};

// The delay before retry number `attempts` (1 = after the first failure):
// 1 min, 2, 4, 8, … doubling, at most 6 hours.
std::chrono::milliseconds RetryBackoff(int attempts);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_JOBS_JOB_H_
