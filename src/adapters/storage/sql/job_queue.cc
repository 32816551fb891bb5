// SqlJobQueue: jobs in the `jobs` table (migrations/0007_jobs_outbox.sql).
// The state changes are single UPDATEs guarded by the state and the claiming
// worker, so a stale worker changes nothing; Claim's SELECT and UPDATEs share
// one BEGIN IMMEDIATE transaction.
#include "adapters/storage/sql/job_queue.h"

#include <algorithm>
#include <string>
#include <utility>

namespace doithoai::sql {

namespace {

constexpr const char* kJobNotFound = "Không tìm thấy công việc.";
constexpr const char* kNotClaimed =
    "Công việc không còn do tiến trình này xử lý (đã hết hạn giữ hoặc đã kết thúc).";
constexpr const char* kLastAttemptAbandoned =
    "Tiến trình xử lý dừng giữa chừng ở lần thử cuối cùng.";

constexpr const char* kJobColumns =
    "SELECT id, commune_id, kind, fingerprint, subject, subject_checksum, payload, run_at, "
    "state, attempts, max_attempts, claimed_by, lease_until, last_error, created_at, "
    "finished_at FROM jobs ";

int64_t Millis(Timestamp t) { return t.time_since_epoch().count(); }

Timestamp TimeColumn(const Statement& row, int col) {
  if (row.ColumnIsNull(col)) {
    return Timestamp{};
  }
  return Timestamp(std::chrono::milliseconds(row.ColumnInt(col)));
}

// Reads a row of kJobColumns.
Result<Job> JobFromRow(const Statement& row) {
  Job job;
  job.id = JobId{row.ColumnInt(0)};
  job.commune_id = CommuneId{row.ColumnInt(1)};
  job.kind = row.ColumnText(2);
  job.fingerprint = row.ColumnText(3);
  job.subject = row.ColumnText(4);
  job.subject_checksum = row.ColumnText(5);
  job.payload = row.ColumnText(6);
  job.run_at = TimeColumn(row, 7);
  Result<JobState> state = ParseJobState(row.ColumnText(8));
  if (!state.ok()) {
    return MakeError(ErrorCode::kInternal, "Dữ liệu công việc mã số " +
                                               std::to_string(job.id.value) +
                                               " bị hỏng: " + state.error().message);
  }
  job.state = *state;
  job.attempts = static_cast<int>(row.ColumnInt(9));
  job.max_attempts = static_cast<int>(row.ColumnInt(10));
  job.claimed_by = row.ColumnText(11);
  job.lease_until = TimeColumn(row, 12);
  job.last_error = row.ColumnText(13);
  job.created_at = TimeColumn(row, 14);
  job.finished_at = TimeColumn(row, 15);
  return job;
}

Result<Job> LoadJob(Connection& c, CommuneId commune, JobId id) {
  ASSIGN_OR_RETURN(Statement stmt,
                   c.Prepare(std::string(kJobColumns) + "WHERE commune_id = ?1 AND id = ?2"));
  stmt.Bind(1, commune.value).Bind(2, id.value);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) {
    return MakeError(ErrorCode::kNotFound, kJobNotFound);
  }
  return JobFromRow(stmt);
}

Status CheckNewJob(const Job& job) {
  if (!job.commune_id.valid()) {
    return MakeError(ErrorCode::kInvalidArgument, "Công việc phải thuộc một xã.");
  }
  if (job.kind.empty() || job.fingerprint.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Công việc cần có loại và dấu vân tay.");
  }
  if (job.max_attempts < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "Số lần thử tối đa phải từ 1 trở lên.");
  }
  return OkStatus();
}

// Why an UPDATE guarded by "state = 'running' AND claimed_by = worker"
// changed nothing: the job is missing, or not (any longer) this worker's.
Status NotClaimed(Connection& c, CommuneId commune, JobId id) {
  RETURN_IF_ERROR(LoadJob(c, commune, id));
  return MakeError(ErrorCode::kFailedPrecondition, kNotClaimed);
}

// Runs `update` (already bound) and reports NotClaimed when it changed no row.
Status RunGuarded(Connection& c, Statement& update, CommuneId commune, JobId id) {
  RETURN_IF_ERROR(update.Run());
  if (c.Changes() != 1) {
    return NotClaimed(c, commune, id);
  }
  return OkStatus();
}

struct DueJob {
  CommuneId commune;
  JobId id;
  bool abandoned_last_attempt = false;
};

// Up to `limit` claimable jobs at `now`, oldest run_at first.
Result<std::vector<DueJob>> SelectDue(Connection& c, Timestamp now, int limit) {
  ASSIGN_OR_RETURN(Statement select, c.Prepare("SELECT commune_id, id, "
                                               "state = 'running' AND attempts >= max_attempts "
                                               "FROM jobs "
                                               "WHERE (state = 'queued' AND run_at <= ?1) "
                                               "OR (state = 'running' AND lease_until < ?1) "
                                               "ORDER BY run_at, id LIMIT ?2" +
                                               std::string(SkipLockedClause(c.engine()))));
  select.Bind(1, Millis(now)).Bind(2, limit);
  std::vector<DueJob> due;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) {
      break;
    }
    due.push_back(
        {CommuneId{select.ColumnInt(0)}, JobId{select.ColumnInt(1)}, select.ColumnInt(2) != 0});
  }
  return due;
}

}  // namespace

Result<JobQueue::Enqueued> EnqueueJobIn(Connection& c, const Job& job) {
  RETURN_IF_ERROR(CheckNewJob(job));
  const Timestamp created_at = job.created_at == Timestamp{} ? job.run_at : job.created_at;
  ASSIGN_OR_RETURN(Statement insert,
                   c.Prepare("INSERT INTO jobs (commune_id, kind, fingerprint, subject, "
                             "subject_checksum, payload, run_at, state, attempts, max_attempts, "
                             "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', 0, ?8, ?9) "
                             "ON CONFLICT (commune_id, fingerprint) DO NOTHING RETURNING id"));
  insert.Bind(1, job.commune_id.value)
      .Bind(2, job.kind)
      .Bind(3, job.fingerprint)
      .Bind(4, job.subject)
      .Bind(5, job.subject_checksum)
      .Bind(6, job.payload)
      .Bind(7, Millis(job.run_at))
      .Bind(8, job.max_attempts)
      .Bind(9, Millis(created_at));
  // DO NOTHING returns no row when the fingerprint is already queued.
  ASSIGN_OR_RETURN(const bool inserted, insert.Step());
  if (inserted) {
    const JobId id{insert.ColumnInt(0)};
    RETURN_IF_ERROR(insert.Run());
    ASSIGN_OR_RETURN(Job stored, LoadJob(c, job.commune_id, id));
    return JobQueue::Enqueued{std::move(stored), true};
  }
  ASSIGN_OR_RETURN(Statement existing, c.Prepare(std::string(kJobColumns) +
                                                 "WHERE commune_id = ?1 AND fingerprint = ?2"));
  existing.Bind(1, job.commune_id.value).Bind(2, job.fingerprint);
  ASSIGN_OR_RETURN(bool found, existing.Step());
  if (!found) {
    return MakeError(ErrorCode::kInternal, "Không lưu được công việc " + job.fingerprint);
  }
  ASSIGN_OR_RETURN(Job stored, JobFromRow(existing));
  return JobQueue::Enqueued{std::move(stored), false};
}

Result<JobQueue::Enqueued> SqlJobQueue::Enqueue(const Job& job) {
  return db_.Write<Enqueued>([&](Connection& c) { return EnqueueJobIn(c, job); });
}

Result<std::vector<Job>> SqlJobQueue::Claim(Timestamp now, std::string_view worker,
                                            std::chrono::milliseconds lease, int limit) {
  if (limit <= 0) {
    return std::vector<Job>{};
  }
  if (worker.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Tiến trình xử lý cần có tên.");
  }
  // Every row it changes is one SelectDue locked: workers on several servers
  // claim disjoint batches (PostgreSQL: FOR UPDATE SKIP LOCKED).
  return db_.WriteWithRowLocks<std::vector<Job>>([&](Connection& c) -> Result<std::vector<Job>> {
    std::vector<Job> claimed;
    // A job whose worker died during its last attempt is failed, not
    // claimed; it frees its place in the batch, so select again.
    while (static_cast<int>(claimed.size()) < limit) {
      ASSIGN_OR_RETURN(std::vector<DueJob> due,
                       SelectDue(c, now, limit - static_cast<int>(claimed.size())));
      bool abandoned = false;
      for (const DueJob& d : due) {
        if (d.abandoned_last_attempt) {
          abandoned = true;
          ASSIGN_OR_RETURN(Statement fail,
                           c.Prepare("UPDATE jobs SET state = 'failed', claimed_by = '', "
                                     "lease_until = NULL, last_error = ?2, finished_at = ?3 "
                                     "WHERE commune_id = ?4 AND id = ?1"));
          fail.Bind(1, d.id.value).Bind(2, kLastAttemptAbandoned).Bind(3, Millis(now));
          fail.Bind(4, d.commune.value);
          RETURN_IF_ERROR(fail.Run());
          continue;
        }
        ASSIGN_OR_RETURN(Statement take,
                         c.Prepare("UPDATE jobs SET state = 'running', claimed_by = ?2, "
                                   "lease_until = ?3, attempts = attempts + 1 "
                                   "WHERE commune_id = ?4 AND id = ?1"));
        take.Bind(1, d.id.value).Bind(2, worker).Bind(3, Millis(now + lease));
        take.Bind(4, d.commune.value);
        RETURN_IF_ERROR(take.Run());
        ASSIGN_OR_RETURN(Job job, LoadJob(c, d.commune, d.id));
        claimed.push_back(std::move(job));
      }
      if (due.empty() || !abandoned) {
        break;
      }
    }
    return claimed;
  });
}

Status SqlJobQueue::Complete(CommuneId commune, JobId id, std::string_view worker, Timestamp now) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement update,
                     c.Prepare("UPDATE jobs SET state = 'done', claimed_by = '', "
                               "lease_until = NULL, finished_at = ?3 "
                               "WHERE commune_id = ?4 AND id = ?1 AND state = 'running' "
                               "AND claimed_by = ?2"));
    update.Bind(1, id.value).Bind(2, worker).Bind(3, Millis(now)).Bind(4, commune.value);
    return RunGuarded(c, update, commune, id);
  });
}

Status SqlJobQueue::Drop(CommuneId commune, JobId id, std::string_view worker,
                         std::string_view reason, Timestamp now) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Statement update,
                     c.Prepare("UPDATE jobs SET state = 'dropped', claimed_by = '', "
                               "lease_until = NULL, last_error = ?3, finished_at = ?4 "
                               "WHERE commune_id = ?5 AND id = ?1 AND state = 'running' "
                               "AND claimed_by = ?2"));
    update.Bind(1, id.value).Bind(2, worker).Bind(3, reason).Bind(4, Millis(now));
    update.Bind(5, commune.value);
    return RunGuarded(c, update, commune, id);
  });
}

Status SqlJobQueue::Fail(CommuneId commune, JobId id, std::string_view worker,
                         std::string_view reason, Timestamp retry_at, Timestamp now) {
  return db_.Write([&](Connection& c) -> Status {
    // The last attempt fails the job for good; an earlier one queues it again.
    ASSIGN_OR_RETURN(
        Statement update,
        c.Prepare("UPDATE jobs SET "
                  "state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                  "run_at = CASE WHEN attempts >= max_attempts THEN run_at ELSE ?4 END, "
                  "finished_at = CASE WHEN attempts >= max_attempts THEN ?5 ELSE NULL END, "
                  "claimed_by = '', lease_until = NULL, last_error = ?3 "
                  "WHERE commune_id = ?6 AND id = ?1 AND state = 'running' AND claimed_by = ?2"));
    update.Bind(1, id.value)
        .Bind(2, worker)
        .Bind(3, reason)
        .Bind(4, Millis(retry_at))
        .Bind(5, Millis(now))
        .Bind(6, commune.value);
    return RunGuarded(c, update, commune, id);
  });
}

Result<Job> SqlJobQueue::Find(CommuneId commune, JobId id) {
  return db_.Read<Job>([&](Connection& c) { return LoadJob(c, commune, id); });
}

Result<std::vector<Job>> SqlJobQueue::List(CommuneId commune, int offset, int limit) {
  return db_.Read<std::vector<Job>>([&](Connection& c) -> Result<std::vector<Job>> {
    ASSIGN_OR_RETURN(Statement select,
                     c.Prepare(std::string(kJobColumns) +
                               "WHERE commune_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3"));
    select.Bind(1, commune.value).Bind(2, std::max(limit, 0)).Bind(3, std::max(offset, 0));
    std::vector<Job> jobs;
    while (true) {
      ASSIGN_OR_RETURN(bool row, select.Step());
      if (!row) {
        break;
      }
      ASSIGN_OR_RETURN(Job job, JobFromRow(select));
      jobs.push_back(std::move(job));
    }
    return jobs;
  });
}

}  // namespace doithoai::sql
