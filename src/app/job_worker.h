// The background worker of `serve` (issue #6 §3): a thread that, every
// `interval` and whenever woken, plans today's reminders (once per commune
// and working day) and runs the due jobs of the durable queue — deliveries,
// digests, escalations, rate requests — until none is left. Several server
// processes may run one each on the same database: the queue gives every
// job to one of them (job.h). Errors are reported on stderr and retried on
// the next pass; they never reach a request.
#ifndef DOITHOAI_APP_JOB_WORKER_H_
#define DOITHOAI_APP_JOB_WORKER_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/jobs/job_runner.h"
#include "core/notifications/notification_service.h"

namespace doithoai::app {

class JobWorker {
 public:
  JobWorker(NotificationService& notifications, JobRunner& runner,
            std::chrono::milliseconds interval)
      : notifications_(notifications), runner_(runner), interval_(interval) {}
  ~JobWorker() { Stop(); }
  JobWorker(const JobWorker&) = delete;
  JobWorker& operator=(const JobWorker&) = delete;

  // One pass on the calling thread: today's plans, then the due jobs in
  // batches until a batch claims nothing (at most `max_batches`). Returns
  // the totals.
  Result<RunStats> RunOnce(int max_batches = 100);

  void Start();
  // Wakes the thread now (e.g. after a request queued a message).
  void Wake();
  // Stops the thread after its current job; idempotent.
  void Stop();

 private:
  void Loop();

  NotificationService& notifications_;
  JobRunner& runner_;
  const std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;   // GUARDED_BY(mu_)
  bool woken_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_JOB_WORKER_H_
