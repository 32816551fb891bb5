// JobRunner: claim, check the subject, run, record the outcome.
#include "core/jobs/job_runner.h"

#include <utility>
#include <vector>

namespace doithoai {

namespace {

constexpr const char* kSubjectChanged = "Nội dung đã thay đổi từ khi lập lịch";

// A lost lease: another worker owns the job now, and its outcome is theirs.
bool LeaseLost(const Status& status) {
  return !status.ok() && status.error().code == ErrorCode::kFailedPrecondition;
}

// Counts `status` of a Complete/Drop/Fail as `counter` unless the lease was
// lost; returns any other error.
Status Record(Status status, int& counter) {
  if (status.ok()) {
    ++counter;
    return OkStatus();
  }
  if (LeaseLost(status)) {
    return OkStatus();
  }
  return status;
}

}  // namespace

JobRunner::JobRunner(JobQueue& queue, const Clock& clock, std::string worker_id)
    : queue_(queue), clock_(clock), worker_id_(std::move(worker_id)) {}

void JobRunner::Register(std::string kind, JobHandler& handler) {
  handlers_[std::move(kind)] = &handler;
}

Result<RunStats> JobRunner::RunDue(int limit) {
  RunStats stats;
  if (limit <= 0) {
    return stats;
  }
  ASSIGN_OR_RETURN(std::vector<Job> jobs, queue_.Claim(clock_.Now(), worker_id_, kLease, limit));
  stats.claimed = static_cast<int>(jobs.size());
  for (const Job& job : jobs) {
    RETURN_IF_ERROR(RunOne(job, stats));
  }
  return stats;
}

Status JobRunner::RunOne(const Job& job, RunStats& stats) {
  auto handler = handlers_.find(job.kind);
  if (handler == handlers_.end()) {
    const std::string reason = "Không có bộ xử lý cho loại công việc \"" + job.kind + "\"";
    const Timestamp now = clock_.Now();
    return Record(queue_.Fail(job.commune_id, job.id, worker_id_, reason,
                              now + RetryBackoff(job.attempts), now),
                  stats.failed);
  }
  if (!job.subject_checksum.empty()) {
    Result<std::string> checksum = handler->second->SubjectChecksum(job);
    if (!checksum.ok()) {
      return Retry(job, checksum.error().message, stats);
    }
    if (*checksum != job.subject_checksum) {
      return Record(queue_.Drop(job.commune_id, job.id, worker_id_, kSubjectChanged, clock_.Now()),
                    stats.dropped);
    }
  }
  JobOutcome outcome = handler->second->Run(job);
  switch (outcome.kind) {
    case JobOutcome::kDone:
      return Record(queue_.Complete(job.commune_id, job.id, worker_id_, clock_.Now()), stats.done);
    case JobOutcome::kDrop:
      return Record(queue_.Drop(job.commune_id, job.id, worker_id_, outcome.reason, clock_.Now()),
                    stats.dropped);
    case JobOutcome::kRetry:
      return Retry(job, outcome.reason, stats);
  }
  return MakeError(ErrorCode::kInternal, "Kết quả công việc không hợp lệ.");
}

Status JobRunner::Retry(const Job& job, const std::string& reason, RunStats& stats) {
  const Timestamp now = clock_.Now();
  // Claim counted this attempt; the queue fails the job for good after its
  // last one.
  int& counter = job.attempts >= job.max_attempts ? stats.failed : stats.retried;
  return Record(queue_.Fail(job.commune_id, job.id, worker_id_, reason,
                            now + RetryBackoff(job.attempts), now),
                counter);
}

}  // namespace doithoai
