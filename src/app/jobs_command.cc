// The notification set-up shared by `serve` and `jobs run`, and the
// `jobs run` command (issue #6 §3–4).
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/notify/notify_config.h"
#include "adapters/storage/open_database.h"
#include "adapters/system/system_clock.h"
#include "app/commands.h"
#include "app/job_worker.h"
#include "app/wiring.h"

namespace doithoai::app {

Result<std::string> LoadNotifySecret(const std::string& db_path, const std::string& file) {
  const std::string path = file.empty() ? storage::SidecarBase(db_path) + ".notify-secret" : file;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char hex[sizeof raw * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      return MakeError(ErrorCode::kUnavailable, "Không tạo được tệp khóa ký webhook " + path);
    }
    const std::string line = std::string(hex) + "\n";
    const bool written =
        ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
      return MakeError(ErrorCode::kUnavailable, "Không ghi được tệp khóa ký webhook " + path);
    }
    return std::string(hex);
  }
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() &&
         (secret.back() == '\n' || secret.back() == '\r' || secret.back() == ' ')) {
    secret.pop_back();
  }
  if (secret.size() < 16) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tệp khóa ký webhook " + path + " quá ngắn (cần ít nhất 16 ký tự)");
  }
  return secret;
}

Status SetUpNotifications(Application& app, const ServeConfig& config, const Clock& clock) {
  ASSIGN_OR_RETURN(notify::NotifyConfig notify, notify::ParseNotifyConfig(config.notify));
  ASSIGN_OR_RETURN(std::string secret, LoadNotifySecret(config.db_path, config.notify_secret_file));
  return app.UseTransports(notify, storage::SidecarBase(config.db_path) + ".notify.log", secret,
                           clock);
}

int RunJobs(const ServeConfig& config) {
  auto db = OpenExisting(config.db_path);
  if (!db.ok()) return Fail(db.error());
  Result<int> applied = (*db)->Migrate();
  if (!applied.ok()) return Fail(applied.error());
  SystemClock clock;
  auto crypto = SodiumCrypto::Create(PasswordHashCost::Interactive());
  if (!crypto.ok()) return Fail(crypto.error());
  AppOptions options;
  options.public_url = config.public_url;
  Result<std::string> key = LoadSecretKey(config.db_path, config.secret_key_file);
  if (!key.ok()) return Fail(key.error());
  options.secret_key = *key;
  options.worker_id = "jobs-run-" + std::to_string(::getpid());
  Application app(**db, clock, **crypto, options);
  Status s = SetUpNotifications(app, config, clock);
  if (!s.ok()) return Fail(s.error());
  JobWorker worker(app.notifications(), app.job_runner(), std::chrono::seconds(1));
  Result<RunStats> stats = worker.RunOnce();
  if (!stats.ok()) return Fail(stats.error());
  std::printf("Đã chạy %d việc: %d xong, %d sẽ thử lại, %d bỏ qua, %d thất bại\n", stats->claimed,
              stats->done, stats->retried, stats->dropped, stats->failed);
  return 0;
}

}  // namespace doithoai::app
