// JobRunner: one pass of a worker over the durable job queue (issue #6 §3,
// style.md habit 5). It claims the jobs that are due, checks that each job's
// subject has not changed since the job was planned, runs the job's handler
// and records the outcome: done, retried later with RetryBackoff, or
// dropped. Pure core: the queue is a port, time comes from the Clock, and the
// caller (adapters/jobs) decides how often to call RunDue.
//
// Not thread-safe; give each worker thread its own runner and worker id. Two
// runners never run the same job at once: the queue's Claim is atomic and its
// Complete/Drop/Fail refuse a worker whose lease was taken over.
#ifndef DOITHOAI_CORE_JOBS_JOB_RUNNER_H_
#define DOITHOAI_CORE_JOBS_JOB_RUNNER_H_

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/jobs/job.h"

namespace doithoai {

// What a handler decides.
struct JobOutcome {
  enum Kind { kDone, kRetry, kDrop } kind = kDone;
  std::string reason;  // Vietnamese; for kRetry and kDrop, stored in last_error
};

// Runs the jobs of one kind.
class JobHandler {
 public:
  virtual ~JobHandler() = default;
  // The current checksum of job.subject ("" when the subject no longer
  // exists); the runner drops the job (reason "Nội dung đã thay đổi từ khi
  // lập lịch") when job.subject_checksum is not empty and differs. Not called
  // for a job with an empty subject_checksum. An error retries the job.
  virtual Result<std::string> SubjectChecksum(const Job& job) = 0;
  virtual JobOutcome Run(const Job& job) = 0;
};

// Counts of one RunDue pass.
struct RunStats {
  int claimed = 0;
  int done = 0;
  int retried = 0;  // failed attempts queued again at now + RetryBackoff(attempts)
  int dropped = 0;
  // Failed attempts that were the last one (the job failed for good), and
  // jobs of a kind no handler is registered for.
  int failed = 0;
  bool operator==(const RunStats&) const = default;
};

class JobRunner {
 public:
  // How long a claimed job is reserved for this worker; a job still running
  // after that is taken over by another worker.
  static constexpr std::chrono::milliseconds kLease = std::chrono::minutes(10);

  JobRunner(JobQueue& queue, const Clock& clock, std::string worker_id);

  // `handler` runs the jobs of `kind`; it must outlive the runner.
  void Register(std::string kind, JobHandler& handler);

  // Claims up to `limit` due jobs and runs each: done -> Complete; retry ->
  // Fail with retry_at = now + RetryBackoff(attempts); drop -> Drop; unknown
  // kind -> Fail with reason; a checksum error -> retry. A job whose lease was
  // taken over meanwhile (kFailedPrecondition from the queue) is left to its
  // new worker and not counted; any other queue error ends the pass with that
  // error (the jobs still claimed are taken over when their lease runs out).
  Result<RunStats> RunDue(int limit = 50);

 private:
  // Runs one claimed job and records its outcome in `stats`.
  Status RunOne(const Job& job, RunStats& stats);
  Status Retry(const Job& job, const std::string& reason, RunStats& stats);

  JobQueue& queue_;
  const Clock& clock_;
  std::string worker_id_;
  std::map<std::string, JobHandler*, std::less<>> handlers_;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_JOBS_JOB_RUNNER_H_
