#include "app/commands.h"

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <system_error>
#include <thread>

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/crypto/sodium_identity_vault.h"
#include "adapters/http/server.h"
#include "adapters/storage/open_database.h"
#include "adapters/storage/postgres/pg_database.h"
#include "adapters/storage/sql/account_store.h"
#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sqlite/database.h"
#include "adapters/system/system_clock.h"
#include "app/demo.h"
#include "app/job_worker.h"
#include "app/units_command.h"
#include "app/wiring.h"

namespace doithoai::app {

namespace fs = std::filesystem;

int Fail(const Error& error) {
  std::fprintf(stderr, "Lỗi: %s\n", error.message.c_str());
  for (const FieldError& f : error.fields) {
    if (f.field.starts_with("dòng ")) {
      std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
    } else if (f.message != error.message) {
      std::fprintf(stderr, "  - %s\n", f.message.c_str());
    }
  }
  return 1;
}

Result<std::string> ReadInputFile(const std::string& path, std::uintmax_t max_bytes,
                                  const std::string& what) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp " + path);
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "Tệp " + path + " quá lớn để là " + what + " (tối đa " +
                         std::to_string(max_bytes / (1024 * 1024)) + " MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kUnavailable, "Không mở được tệp " + path);
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return MakeError(ErrorCode::kUnavailable, "Không đọc được tệp " + path);
  }
  return data;
}

Result<std::unique_ptr<sql::Database>> OpenExisting(const std::string& db, int pool_size) {
  storage::DatabaseOptions options;
  options.create_if_missing = false;
  if (pool_size > 0) options.pool_size = pool_size;
  return storage::OpenDatabase(db, options);
}

AuditContext CliAuditContext(const Clock& clock) {
  AuditContext ctx;
  ctx.actor_name = "cli";
  ctx.at = clock.Now();
  return ctx;
}

Result<std::string> LoadSecretKey(const std::string& db_path, const std::string& key_file) {
  return crypto::SodiumIdentityVault::LoadOrCreateKeyFile(
      key_file.empty() ? storage::SidecarBase(db_path) + ".key" : key_file);
}

namespace {

// `final_path`: where the database will live (the key and files go beside it).
Status InitInto(const std::string& path, const std::string& final_path, DemoMode demo,
                bool* demo_created) {
  ASSIGN_OR_RETURN(auto db, storage::OpenDatabase(path));
  RETURN_IF_ERROR(db->Migrate());
  // The administrative-unit snapshot shipped in data/admin_units (ADC-06).
  RETURN_IF_ERROR(ImportShippedAdminUnits(*db));
  if (demo != DemoMode::kNone) {
    ASSIGN_OR_RETURN(auto crypto, SodiumCrypto::Create(PasswordHashCost::Interactive()));
    SystemClock system_clock;
    DemoClock clock(system_clock);
    AppOptions options;
    ASSIGN_OR_RETURN(options.secret_key, LoadSecretKey(final_path, ""));
    options.files_dir = storage::SidecarBase(final_path) + ".files";
    Application app(*db, clock, *crypto, options);
    DemoHistory history{app.conference_day(), clock};
    ASSIGN_OR_RETURN(DemoResult result,
                     LoadDemo(app.communes(), app.accounts(), *crypto, app.conferences(),
                              app.petitions(), CliAuditContext(clock), &app.cases(),
                              &app.notifications(), demo == DemoMode::kHeld ? &history : nullptr));
    *demo_created = result.created;
  }
  return OkStatus();
}

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

void LogAccess(const http::AccessLogEntry& e, const Clock& clock) {
  nlohmann::json line = {
      {"ts", clock.Now().time_since_epoch().count()},
      {"request_id", e.request_id},
      {"remote", e.remote_addr},
      {"method", e.method},
      {"path", e.path},
      {"status", e.status},
      {"bytes", e.response_bytes},
      {"ms", static_cast<double>(static_cast<int64_t>(e.duration_ms * 100)) / 100},
  };
  std::string text = line.dump() + "\n";
  // One write per line so lines from pool threads never interleave.
  ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
  (void)ignored;
}

}  // namespace

int RunInit(const std::string& db_path, DemoMode demo) {
  bool demo_created = false;
  std::error_code ec;
  if (storage::IsPostgresUrl(db_path) || fs::exists(storage::SqlitePath(db_path), ec)) {
    // PostgreSQL: the database exists (created by the administrator) and
    // every migration is a transaction of its own.
    Status s = InitInto(db_path, db_path, demo, &demo_created);
    if (!s.ok()) return Fail(s.error());
  } else {
    fs::path parent = fs::path(db_path).parent_path();
    if (!parent.empty() && !fs::exists(parent, ec)) {
      fs::create_directories(parent, ec);
      if (ec) {
        return Fail(MakeError(ErrorCode::kUnavailable,
                              "Không tạo được thư mục " + parent.string() + ": " + ec.message()));
      }
    }
    std::string tmp = db_path + ".tmp-" + std::to_string(getpid());
    Status s = InitInto(tmp, db_path, demo, &demo_created);
    if (s.ok()) {
      fs::rename(tmp, db_path, ec);
      if (ec) s = MakeError(ErrorCode::kUnavailable, "Không đổi tên được tệp: " + ec.message());
    }
    if (!s.ok()) {
      RemoveDatabaseFiles(tmp);
      return Fail(s.error());
    }
  }
  std::printf("Cơ sở dữ liệu sẵn sàng: %s\n", db_path.c_str());
  if (demo != DemoMode::kNone) {
    std::printf(demo_created ? "Đã tạo xã mẫu: UBND xã Hoằng Trường (/x/%s)\n"
                             : "Xã mẫu đã có sẵn: /x/%s\n",
                std::string(kDemoSlug).c_str());
  }
  return 0;
}

int RunMigrate(const std::string& db_path) {
  auto db = OpenExisting(db_path);
  if (!db.ok()) return Fail(db.error());
  Result<int> applied = (*db)->Migrate();
  if (!applied.ok()) return Fail(applied.error());
  Result<int> version = (*db)->SchemaVersion();
  if (!version.ok()) return Fail(version.error());
  std::printf("Đã áp dụng %d bản nâng cấp; phiên bản lược đồ hiện tại: %d\n", *applied, *version);
  return 0;
}

int RunBackup(const std::string& db_path, const std::string& out_path) {
  auto db = OpenExisting(db_path);
  if (!db.ok()) return Fail(db.error());
  auto* file = dynamic_cast<sqlite::SqliteDatabase*>(db->get());
  if (file == nullptr) {
    return Fail(MakeError(ErrorCode::kFailedPrecondition,
                          "Lệnh backup chỉ dùng cho tệp SQLite; với PostgreSQL hãy dùng pg_dump "
                          "hoặc pg_basebackup (docs/deploying.md)"));
  }
  Status s = file->Backup(out_path);
  if (!s.ok()) return Fail(s.error());
  std::printf("Đã sao lưu %s vào %s\n", db_path.c_str(), out_path.c_str());
  return 0;
}

int RunServe(const ServeConfig& config) {
  Result<ListenAddress> listen = ParseListen(config.listen);
  if (!listen.ok()) return Fail(listen.error());
  const std::string& url = config.public_url;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    return Fail(MakeError(ErrorCode::kInvalidArgument,
                          "--public-url phải bắt đầu bằng http:// hoặc https://, ví dụ "
                          "https://doithoai.hoangtruong.gov.vn"));
  }
  // PostgreSQL: a connection for every request thread, the job worker and
  // one spare, so a request never waits for a connection.
  const bool postgres = storage::IsPostgresUrl(config.db_path);
  const unsigned threads = config.threads > 0
                               ? config.threads
                               : DefaultServeThreads(postgres, std::thread::hardware_concurrency());
  storage::DatabaseOptions db_options;
  db_options.create_if_missing = false;
  db_options.pool_size = static_cast<int>(threads) + 2;
  db_options.pg_serialize_writers = !config.pg_parallel_writers;
  auto db = storage::OpenDatabase(config.db_path, db_options);
  if (!db.ok()) return Fail(db.error());
  Result<int> applied = (*db)->Migrate();
  if (!applied.ok()) return Fail(applied.error());

  SystemClock clock;
  auto crypto = SodiumCrypto::Create(PasswordHashCost::Interactive());
  if (!crypto.ok()) return Fail(crypto.error());
  AppOptions app_options;
  app_options.secure_cookies = config.secure_cookies;
  app_options.public_url = config.public_url;
  if (config.public_rate_limit < 0) {
    return Fail(MakeError(ErrorCode::kInvalidArgument,
                          "--public-rate-limit phải là số không âm (0 = không giới hạn)."));
  }
  app_options.public_rate_limit = config.public_rate_limit;
  app_options.files_dir = config.files_dir;
  Result<std::string> key = LoadSecretKey(config.db_path, config.secret_key_file);
  if (!key.ok()) return Fail(key.error());
  app_options.secret_key = *key;
  app_options.worker_id = "serve-" + std::to_string(::getpid());
  Application application(**db, clock, **crypto, app_options);
  Status notify = SetUpNotifications(application, config, clock);
  if (!notify.ok()) return Fail(notify.error());
  // Issue #6: reminders, digests and deliveries run beside the requests.
  JobWorker worker(application.notifications(), application.job_runner(),
                   std::chrono::seconds(config.worker_interval_seconds));
  application.notifications().SetWakeup([&worker] { worker.Wake(); });

  // Block the stop signals before any thread starts, so that only sigwait()
  // below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.threads = threads;
  options.idle_timeout_seconds = config.idle_timeout_seconds;
  options.trusted_proxies = config.trusted_proxies;
  if (config.access_log) {
    options.access_log = [&clock](const http::AccessLogEntry& e) { LogAccess(e, clock); };
  }
  auto server = http::HttpServer::Start(options, application.handler());
  if (!server.ok()) return Fail(server.error());
  worker.Start();
  std::string host =
      listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host;
  std::printf("doithoai đang phục vụ tại http://%s:%u/\n", host.c_str(),
              static_cast<unsigned>((*server)->port()));
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::fprintf(stderr, "Nhận tín hiệu %d: ngừng nhận kết nối mới, chờ các yêu cầu đang xử lý…\n",
               signal_number);
  int cut = (*server)->Shutdown(std::chrono::seconds(5));
  if (cut > 0) std::fprintf(stderr, "Đã dừng; %d yêu cầu chưa xong bị ngắt.\n", cut);
  worker.Stop();
  if (const auto* pg = dynamic_cast<const postgres::PgDatabase*>(db->get())) {
    // For operators and bench/pg.sh: how often writers had to run again.
    const postgres::PgStats stats = pg->stats();
    std::fprintf(stderr,
                 "PostgreSQL: %lld lần chạy lại giao dịch ghi, %lld lần chờ kết nối, "
                 "%lld kết nối đã mở, %lld kết nối bị mất.\n",
                 static_cast<long long>(stats.write_retries),
                 static_cast<long long>(stats.acquire_waits),
                 static_cast<long long>(stats.connections_opened),
                 static_cast<long long>(stats.connections_dropped));
  }
  return 0;
}

}  // namespace doithoai::app
