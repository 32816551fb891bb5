// InMemoryJobQueue: a JobQueue held in a map, for tests of the core (the
// job runner, use cases that plan jobs). It keeps the port's whole contract —
// fingerprint uniqueness per commune, leases, attempts and backoff — and runs
// the same contract suite as the storage backends
// (adapters/storage/contract/job_queue_contract.h), so a test passing over it
// means the same on SQLite. Thread-safe (one mutex).
#ifndef DOITHOAI_CORE_JOBS_IN_MEMORY_JOB_QUEUE_H_
#define DOITHOAI_CORE_JOBS_IN_MEMORY_JOB_QUEUE_H_

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/jobs/job.h"

namespace doithoai {

class InMemoryJobQueue : public JobQueue {
 public:
  Result<Enqueued> Enqueue(const Job& job) override {
    if (!job.commune_id.valid() || job.kind.empty() || job.fingerprint.empty() ||
        job.max_attempts < 1) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Công việc cần có xã, loại, dấu vân tay và số lần thử tối đa.");
    }
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [id, stored] : jobs_) {
      if (stored.commune_id == job.commune_id && stored.fingerprint == job.fingerprint) {
        return Enqueued{stored, false};
      }
    }
    Job stored = job;
    stored.id = JobId{next_id_++};
    stored.state = JobState::kQueued;
    stored.attempts = 0;
    stored.claimed_by.clear();
    stored.lease_until = Timestamp{};
    stored.last_error.clear();
    stored.finished_at = Timestamp{};
    if (stored.created_at == Timestamp{}) {
      stored.created_at = stored.run_at;
    }
    jobs_[stored.id.value] = stored;
    return Enqueued{stored, true};
  }

  Result<std::vector<Job>> Claim(Timestamp now, std::string_view worker,
                                 std::chrono::milliseconds lease, int limit) override {
    if (worker.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "Tiến trình xử lý cần có tên.");
    }
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Job*> due;
    for (auto& [id, job] : jobs_) {
      bool queued_due = job.state == JobState::kQueued && job.run_at <= now;
      bool lease_expired = job.state == JobState::kRunning && job.lease_until < now;
      if (queued_due || lease_expired) {
        due.push_back(&job);
      }
    }
    std::sort(due.begin(), due.end(), [](const Job* a, const Job* b) {
      return std::tie(a->run_at, a->id) < std::tie(b->run_at, b->id);
    });
    std::vector<Job> claimed;
    for (Job* job : due) {
      if (static_cast<int>(claimed.size()) >= limit) {
        break;
      }
      if (job->state == JobState::kRunning && job->attempts >= job->max_attempts) {
        // Its worker died during the last attempt: no attempt is left.
        job->state = JobState::kFailed;
        job->claimed_by.clear();
        job->lease_until = Timestamp{};
        job->last_error = kLastAttemptAbandoned;
        job->finished_at = now;
        continue;
      }
      job->state = JobState::kRunning;
      job->claimed_by = std::string(worker);
      job->lease_until = now + lease;
      job->attempts += 1;
      claimed.push_back(*job);
    }
    return claimed;
  }

  Status Complete(CommuneId commune, JobId id, std::string_view worker, Timestamp now) override {
    std::lock_guard<std::mutex> lock(mu_);
    ASSIGN_OR_RETURN(Job * job, ClaimedBy(commune, id, worker));
    std::string last_error = job->last_error;  // a success keeps the earlier failure's reason
    Finish(*job, JobState::kDone, last_error, now);
    return OkStatus();
  }

  Status Drop(CommuneId commune, JobId id, std::string_view worker, std::string_view reason,
              Timestamp now) override {
    std::lock_guard<std::mutex> lock(mu_);
    ASSIGN_OR_RETURN(Job * job, ClaimedBy(commune, id, worker));
    Finish(*job, JobState::kDropped, reason, now);
    return OkStatus();
  }

  Status Fail(CommuneId commune, JobId id, std::string_view worker, std::string_view reason,
              Timestamp retry_at, Timestamp now) override {
    std::lock_guard<std::mutex> lock(mu_);
    ASSIGN_OR_RETURN(Job * job, ClaimedBy(commune, id, worker));
    if (job->attempts >= job->max_attempts) {
      Finish(*job, JobState::kFailed, reason, now);
      return OkStatus();
    }
    job->state = JobState::kQueued;
    job->run_at = retry_at;
    job->claimed_by.clear();
    job->lease_until = Timestamp{};
    job->last_error = std::string(reason);
    return OkStatus();
  }

  Result<Job> Find(CommuneId commune, JobId id) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = jobs_.find(id.value);
    if (it == jobs_.end() || it->second.commune_id != commune) {
      return MakeError(ErrorCode::kNotFound, kJobNotFound);
    }
    return it->second;
  }

  Result<std::vector<Job>> List(CommuneId commune, int offset, int limit) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Job> out;
    int skipped = 0;
    for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it) {
      if (static_cast<int>(out.size()) >= limit) {
        break;
      }
      if (it->second.commune_id != commune) {
        continue;
      }
      if (skipped < offset) {
        ++skipped;
        continue;
      }
      out.push_back(it->second);
    }
    return out;
  }

  // Every stored job, oldest first (test inspection).
  std::vector<Job> AllForTest() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Job> out;
    for (const auto& [id, job] : jobs_) {
      out.push_back(job);
    }
    return out;
  }

 private:
  static constexpr const char* kJobNotFound = "Không tìm thấy công việc.";
  static constexpr const char* kNotClaimed =
      "Công việc không còn do tiến trình này xử lý (đã hết hạn giữ hoặc đã kết thúc).";
  static constexpr const char* kLastAttemptAbandoned =
      "Tiến trình xử lý dừng giữa chừng ở lần thử cuối cùng.";

  // The job `id` of `commune` if it is running and claimed by `worker`.
  Result<Job*> ClaimedBy(CommuneId commune, JobId id, std::string_view worker) {
    auto it = jobs_.find(id.value);
    if (it == jobs_.end() || it->second.commune_id != commune) {
      return MakeError(ErrorCode::kNotFound, kJobNotFound);
    }
    Job& job = it->second;
    if (job.state != JobState::kRunning || job.claimed_by != worker) {
      return MakeError(ErrorCode::kFailedPrecondition, kNotClaimed);
    }
    return &job;
  }

  static void Finish(Job& job, JobState state, std::string_view reason, Timestamp now) {
    job.state = state;
    job.claimed_by.clear();
    job.lease_until = Timestamp{};
    job.last_error = std::string(reason);
    job.finished_at = now;
  }

  std::mutex mu_;
  std::map<int64_t, Job> jobs_;  // by id; ids grow, so oldest first
  int64_t next_id_ = 1;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_JOBS_IN_MEMORY_JOB_QUEUE_H_
