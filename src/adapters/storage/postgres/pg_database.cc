// PgDatabase over libpq: the connection pool and transactions with retry.
// The connections themselves are pg_connection.*. See pg_database.h.
#include "adapters/storage/postgres/pg_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/storage/postgres/pg_connection.h"
#include "adapters/storage/postgres/placeholders.h"
#include "adapters/storage/sql/migrations.h"

namespace doithoai::postgres {

using internal::Busy;
using internal::Connect;
using internal::IsRetryable;
using internal::kReadOnlyMessage;
using internal::Lost;
using internal::OneLine;
using internal::PgConnection;

namespace {

// pg_advisory_lock key held while migrating: "doithoai" in ASCII.
constexpr int64_t kMigrationLockKey = 0x646F6974686F6169;
constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr std::string_view kBeginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr std::string_view kBeginRowLocks = "BEGIN ISOLATION LEVEL READ COMMITTED";

// The innermost Read/Write callback running on this thread, per database,
// so that a nested call joins the caller's transaction.
struct ActiveFrame {
  const void* db;
  PgConnection* conn;
  ActiveFrame* outer;
};
thread_local ActiveFrame* t_active = nullptr;

PgConnection* ActiveConnection(const void* db) {
  for (ActiveFrame* f = t_active; f != nullptr; f = f->outer) {
    if (f->db == db) return f->conn;
  }
  return nullptr;
}

class FrameScope {
 public:
  FrameScope(const void* db, PgConnection* conn) : frame_{db, conn, t_active} {
    t_active = &frame_;
  }
  ~FrameScope() { t_active = frame_.outer; }
  FrameScope(const FrameScope&) = delete;
  FrameScope& operator=(const FrameScope&) = delete;

 private:
  ActiveFrame frame_;
};

// A few milliseconds, growing with the attempt, randomised so that two
// conflicting writers do not collide again in lockstep.
void Backoff(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  int cap_us = std::min(1000 << std::min(attempt, 5), 20000);
  std::uniform_int_distribution<int> pick(cap_us / 4, cap_us);
  std::this_thread::sleep_for(std::chrono::microseconds(pick(rng)));
}

}  // namespace

// ---- the pool ----

struct PgDatabase::Impl {
  std::string url;
  std::string described;
  PgOptions options;

  mutable std::mutex mu;
  std::condition_variable freed;
  std::vector<std::unique_ptr<PgConnection>> idle;  // most recently used last
  int total = 0;                                    // idle + lent + being connected
  PgStats stats;

  // Fairness between this process's writers: a Write re-run after a
  // serialisation failure holds the gate exclusively, so it waits for the
  // writers in flight and runs while new ones wait; first runs share it.
  // Without this a writer can lose to the same hot-row writer every time.
  std::mutex gate_mu;
  std::condition_variable gate_cv;
  int gate_shared = 0;
  int gate_exclusive_waiting = 0;
  bool gate_exclusive = false;

  class GateHold {
   public:
    GateHold(Impl& impl, bool exclusive) : impl_(impl), exclusive_(exclusive) {
      std::unique_lock<std::mutex> lock(impl_.gate_mu);
      if (exclusive_) {
        ++impl_.gate_exclusive_waiting;
        impl_.gate_cv.wait(lock,
                           [this] { return impl_.gate_shared == 0 && !impl_.gate_exclusive; });
        --impl_.gate_exclusive_waiting;
        impl_.gate_exclusive = true;
      } else {
        impl_.gate_cv.wait(
            lock, [this] { return impl_.gate_exclusive_waiting == 0 && !impl_.gate_exclusive; });
        ++impl_.gate_shared;
      }
    }
    ~GateHold() {
      {
        std::lock_guard<std::mutex> lock(impl_.gate_mu);
        if (exclusive_) {
          impl_.gate_exclusive = false;
        } else {
          --impl_.gate_shared;
        }
      }
      impl_.gate_cv.notify_all();
    }
    GateHold(const GateHold&) = delete;
    GateHold& operator=(const GateHold&) = delete;

   private:
    Impl& impl_;
    bool exclusive_;
  };

  // A connection borrowed from the pool, given back (or discarded if dead
  // or stuck in a transaction) on destruction.
  class Lease {
   public:
    Lease(Impl* impl, std::unique_ptr<PgConnection> conn) : impl_(impl), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() { Return(); }
    PgConnection& conn() { return *conn_; }
    void Return() {
      if (conn_ != nullptr) impl_->GiveBack(std::move(conn_));
    }

   private:
    Impl* impl_;
    std::unique_ptr<PgConnection> conn_;
  };

  // A free connection, made if the pool has room; `fresh` insists on a new
  // one (replacing an idle one if the pool is full).
  Result<std::unique_ptr<PgConnection>> Acquire(bool fresh) {
    std::unique_ptr<PgConnection> replaced;
    {
      std::unique_lock<std::mutex> lock(mu);
      auto deadline =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(options.acquire_timeout_ms);
      auto available = [&] { return !idle.empty() || total < options.pool_size; };
      if (!available()) ++stats.acquire_waits;
      bool ready = freed.wait_until(lock, deadline, available);
      if (!ready) return Busy();
      if (!idle.empty() && (!fresh || total >= options.pool_size)) {
        std::unique_ptr<PgConnection> conn = std::move(idle.back());
        idle.pop_back();
        if (!fresh) return conn;
        replaced = std::move(conn);  // its slot goes to the new connection
      } else {
        ++total;
      }
    }
    replaced.reset();  // closes outside the lock
    Result<std::unique_ptr<PgConnection>> conn = Connect(url, described, options.connect_timeout_s);
    std::lock_guard<std::mutex> lock(mu);
    if (!conn.ok()) {
      --total;
      freed.notify_one();
      return conn;
    }
    ++stats.connections_opened;
    return conn;
  }

  void GiveBack(std::unique_ptr<PgConnection> conn) {
    conn->Rollback();  // only if something left a transaction open
    const bool unlocked = conn->ReleaseWritersLock();
    bool keep = unlocked && !conn->bad() && !conn->InTransaction();
    std::unique_ptr<PgConnection> dropped;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (keep) {
        idle.push_back(std::move(conn));
      } else {
        dropped = std::move(conn);
        --total;
        ++stats.connections_dropped;
      }
    }
    freed.notify_one();
  }

  // Borrows a connection and opens a transaction with `begin`. A pooled
  // connection found dead at BEGIN (killed while idle) is replaced once by a
  // new one, before anything of the caller has run.
  Result<Lease> Begin(std::string_view begin, bool lock_writers = false) {
    for (int attempt = 0;; ++attempt) {
      ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, Acquire(/*fresh=*/attempt > 0));
      bool reused = conn->used();
      Lease lease(this, std::move(conn));
      Status started =
          lock_writers ? lease.conn().LockWritersAndBegin(begin, options.writers_lock_timeout_ms)
                       : lease.conn().Begin(begin);
      if (started.ok()) return lease;
      if (!lease.conn().bad()) return std::move(started).error();
      if (!reused || attempt > 0) return Lost();
    }
  }
};

PgDatabase::PgDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

PgDatabase::~PgDatabase() = default;

Result<std::unique_ptr<PgDatabase>> PgDatabase::Open(const std::string& url,
                                                     const PgOptions& options) {
  if (url.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Chưa chỉ định địa chỉ cơ sở dữ liệu PostgreSQL");
  }
  std::string described = UrlWithoutPassword(url);
  char* err = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &err);
  if (parsed == nullptr) {
    std::string reason = err != nullptr ? OneLine(err) : "hết bộ nhớ";
    PQfreemem(err);
    return MakeError(
        ErrorCode::kInvalidArgument,
        "Địa chỉ cơ sở dữ liệu PostgreSQL không hợp lệ (" + described + "): " + reason);
  }
  PQconninfoFree(parsed);
  if (options.pool_size < 1 || options.connect_timeout_s < 0 || options.acquire_timeout_ms < 0 ||
      options.max_write_attempts < 1) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tùy chọn kết nối PostgreSQL không hợp lệ: cần pool_size ≥ 1, "
                     "max_write_attempts ≥ 1 và thời gian chờ không âm");
  }
  auto impl = std::make_unique<Impl>();
  impl->url = url;
  impl->described = std::move(described);
  impl->options = options;
  // Connect once now so that a wrong address is reported at startup.
  ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> first, impl->Acquire(/*fresh=*/false));
  impl->GiveBack(std::move(first));
  return std::unique_ptr<PgDatabase>(new PgDatabase(std::move(impl)));
}

std::string PgDatabase::Describe() const { return impl_->described; }

PgStats PgDatabase::stats() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->stats;
}

Status PgDatabase::RunRead(const std::function<Status(sql::Connection&)>& fn) {
  if (PgConnection* active = ActiveConnection(impl_.get())) {
    return fn(*active);  // nested: inside the caller's transaction
  }
  ASSIGN_OR_RETURN(Impl::Lease lease, impl_->Begin(kBeginRead));
  PgConnection& conn = lease.conn();
  Status status;
  {
    FrameScope frame(impl_.get(), &conn);
    status = fn(conn);
  }
  if (status.ok()) status = conn.Commit(/*rollback_ok=*/true);
  if (!status.ok() && conn.bad()) return Lost();
  return status;
}

Status PgDatabase::RunWrite(const std::function<Status(sql::Connection&)>& fn) {
  return RunWriteAs(fn, kBeginWrite);
}

Status PgDatabase::RunWriteWithRowLocks(const std::function<Status(sql::Connection&)>& fn) {
  return RunWriteAs(fn, kBeginRowLocks);
}

Status PgDatabase::RunWriteAs(const std::function<Status(sql::Connection&)>& fn,
                              std::string_view begin) {
  if (impl_->options.read_only) {
    return MakeError(ErrorCode::kUnavailable, kReadOnlyMessage);
  }
  if (PgConnection* active = ActiveConnection(impl_.get())) {
    return fn(*active);  // nested: part of the caller's transaction
  }
  for (int attempt = 1;; ++attempt) {
    std::optional<Impl::GateHold> gate;
    gate.emplace(*impl_, /*exclusive=*/attempt > 1);
    const bool lock_writers = impl_->options.serialize_writers && begin == kBeginWrite;
    ASSIGN_OR_RETURN(Impl::Lease lease, impl_->Begin(begin, lock_writers));
    PgConnection& conn = lease.conn();
    Status status;
    {
      FrameScope frame(impl_.get(), &conn);
      status = fn(conn);
    }
    if (status.ok()) {
      if (conn.aborted()) {
        // `fn` ignored a failed statement: COMMIT would only roll back.
        status = conn.first_error().value_or(
            MakeError(ErrorCode::kInternal, "Lỗi cơ sở dữ liệu (giao dịch đã bị hủy)"));
      } else {
        status = conn.Commit(/*rollback_ok=*/false);
        if (status.ok()) return OkStatus();
      }
    }
    // Whether COMMIT happened is unknown once the connection is gone.
    if (conn.bad()) return Lost();
    if (!IsRetryable(conn.first_sqlstate())) return status;
    if (attempt >= impl_->options.max_write_attempts) return Busy();
    lease.Return();  // rolls back; free the connection while we wait
    gate.reset();
    {
      std::lock_guard<std::mutex> lock(impl_->mu);
      ++impl_->stats.write_retries;
    }
    Backoff(attempt);
  }
}

Result<int> PgDatabase::Migrate() {
  // A session advisory lock on a connection of its own (outside the pool,
  // so the migrations' own transactions can use every pooled connection);
  // the server releases it if this process dies.
  ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> lock_conn,
                   Connect(impl_->url, impl_->described, impl_->options.connect_timeout_s));
  const std::string key = std::to_string(kMigrationLockKey);
  Status locked = lock_conn->Exec("SELECT pg_advisory_lock(" + key + ")");
  if (!locked.ok()) return std::move(locked).error();
  Result<int> applied = sql::ApplyMigrations(*this);
  // Closing the connection would release it too; unlock explicitly anyway.
  Status unlocked = lock_conn->Exec("SELECT pg_advisory_unlock(" + key + ")");
  (void)unlocked;
  return applied;
}

Result<int> PgDatabase::SchemaVersion() { return sql::AppliedSchemaVersion(*this); }

}  // namespace doithoai::postgres
