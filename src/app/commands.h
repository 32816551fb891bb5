// The subcommands of the doithoai binary. Each returns the process exit code
// and prints one clear Vietnamese line on failure.
#ifndef DOITHOAI_APP_COMMANDS_H_
#define DOITHOAI_APP_COMMANDS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "adapters/storage/sql/database.h"
#include "app/config.h"
#include "core/audit/audit_entry.h"

namespace doithoai::app {

// Prints "Lỗi: <message>" on stderr, then each field error ("  dòng 5: …" for
// the rows of an import file); returns 1.
int Fail(const Error& error);
// Reads a whole input file (an import); kNotFound / kResourceExhausted with a
// Vietnamese message naming the file and `what` it should be.
Result<std::string> ReadInputFile(const std::string& path, std::uintmax_t max_bytes,
                                  const std::string& what);
// Opens an existing database (never creates one).
// `pool_size`: PostgreSQL connections (0 = the default, 8).
Result<std::unique_ptr<sql::Database>> OpenExisting(const std::string& db, int pool_size = 0);
// The audit context of a command-line operator.
AuditContext CliAuditContext(const Clock& clock);
// The 32-byte identity-sealing key (CONF-01) from `key_file`, or from
// "<db_path>.key" when it is empty; the file is created with a fresh key
// (mode 0600) when it does not exist.
Result<std::string> LoadSecretKey(const std::string& db_path, const std::string& key_file);

// The HMAC key of webhook signatures: the content of `file` (default
// "<db path>.notify-secret"), created with 32 random bytes in hex (mode
// 0600) when missing.
Result<std::string> LoadNotifySecret(const std::string& db_path, const std::string& file);

class Application;
// Gives `app` the transports of `config.notify` (the log defaults to
// "<db path>.notify.log") and the webhook key of LoadNotifySecret.
Status SetUpNotifications(Application& app, const ServeConfig& config, const Clock& clock);

// `doithoai jobs run`: one pass of the background worker (plans, reminders,
// deliveries) with the transports of `config.notify`, then exits.
int RunJobs(const ServeConfig& config);

// What `init` adds: nothing, the demo commune with its 2023 conference held
// (`--demo`), or with that conference still planned, to rehearse the day
// (`--demo --demo-rehearsal`).
enum class DemoMode { kNone, kHeld, kRehearsal };

// Creates (or upgrades) the database; with `demo`, adds the demo commune. A
// new database is built in a temporary file and renamed into place, so a
// failure never leaves a half-written file.
int RunInit(const std::string& db_path, DemoMode demo);
int RunMigrate(const std::string& db_path);
int RunBackup(const std::string& db_path, const std::string& out_path);
// Serves HTTP until SIGTERM/SIGINT, then shuts down gracefully (exit 0).
int RunServe(const ServeConfig& config);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_COMMANDS_H_
