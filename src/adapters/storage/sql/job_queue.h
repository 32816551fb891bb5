// SqlJobQueue: the durable job queue in SQLite (schema in
// migrations/0007_jobs_outbox.sql). Every call is one transaction; Claim
// selects and updates inside one BEGIN IMMEDIATE, which takes the database's
// write lock, so workers on other connections or in other processes (each
// with its own Database on the same file) never claim the same job.
// Complete/Drop/Fail change a job only while it is running and claimed by
// the calling worker. Thread-safe, as Database is.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_JOB_QUEUE_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_JOB_QUEUE_H_

#include <chrono>
#include <string_view>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/jobs/job.h"

namespace doithoai::sql {

class SqlJobQueue : public JobQueue {
 public:
  explicit SqlJobQueue(Database& db) : db_(db) {}

  Result<Enqueued> Enqueue(const Job& job) override;
  Result<std::vector<Job>> Claim(Timestamp now, std::string_view worker,
                                 std::chrono::milliseconds lease, int limit) override;
  Status Complete(CommuneId commune, JobId id, std::string_view worker, Timestamp now) override;
  Status Drop(CommuneId commune, JobId id, std::string_view worker, std::string_view reason,
              Timestamp now) override;
  Status Fail(CommuneId commune, JobId id, std::string_view worker, std::string_view reason,
              Timestamp retry_at, Timestamp now) override;
  Result<Job> Find(CommuneId commune, JobId id) override;
  Result<std::vector<Job>> List(CommuneId commune, int offset, int limit) override;

 private:
  Database& db_;
};

// JobQueue::Enqueue on `c`, inside a write transaction the caller already
// holds (Database::Write), so a job can be planned atomically with the
// change that causes it (the outbox's messages, a petition's answer).
Result<JobQueue::Enqueued> EnqueueJobIn(Connection& c, const Job& job);

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_JOB_QUEUE_H_
