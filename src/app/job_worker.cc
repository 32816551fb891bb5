// The background job worker (see job_worker.h).
#include "app/job_worker.h"

#include <cstdio>

namespace doithoai::app {

Result<RunStats> JobWorker::RunOnce(int max_batches) {
  RETURN_IF_ERROR(notifications_.EnsureDailyPlans());
  RunStats total;
  for (int i = 0; i < max_batches; ++i) {
    ASSIGN_OR_RETURN(RunStats stats, runner_.RunDue());
    total.claimed += stats.claimed;
    total.done += stats.done;
    total.retried += stats.retried;
    total.dropped += stats.dropped;
    total.failed += stats.failed;
    if (stats.claimed == 0) {
      break;
    }
  }
  return total;
}

void JobWorker::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void JobWorker::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_one();
}

void JobWorker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void JobWorker::Loop() {
  while (true) {
    Result<RunStats> stats = RunOnce();
    if (!stats.ok()) {
      std::fprintf(stderr, "Việc nền: %s\n", stats.error().message.c_str());
    }
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, interval_, [this] { return stop_ || woken_; });
    if (stop_) {
      return;
    }
    woken_ = false;
  }
}

}  // namespace doithoai::app
