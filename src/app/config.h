// Configuration of the doithoai binary: defaults, DOITHOAI_* environment
// variables and command-line flags (flags win).
#ifndef DOITHOAI_APP_CONFIG_H_
#define DOITHOAI_APP_CONFIG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai::app {

struct ListenAddress {
  std::string host;
  uint16_t port = 0;
};

// Parses "HOST:PORT", "[::1]:PORT" or ":PORT" (host 127.0.0.1). Port 0 asks
// the system for a free port.
Result<ListenAddress> ParseListen(std::string_view text);

// Request threads when --threads is 0: one per core for SQLite, whose
// requests never wait on the network; for PostgreSQL twice that and at least
// 4, since each request spends round trips waiting for the server
// (bench/pg.sh, docs/deploying.md).
unsigned DefaultServeThreads(bool postgres, unsigned cores);

struct ServeConfig {
  std::string db_path = "var/doithoai.db";
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;  // 0 = DefaultServeThreads
  // PostgreSQL: let write transactions run side by side and retry on
  // serialisation failures instead of queueing (PgOptions::serialize_writers);
  // for measurements (bench/pg.sh), not for production.
  bool pg_parallel_writers = false;
  unsigned idle_timeout_seconds = 30;
  bool access_log = true;
  bool secure_cookies = false;               // behind TLS (nginx): cookies get Secure
  std::vector<std::string> trusted_proxies;  // nginx addresses: X-Forwarded-For is the client
  // The address citizens reach the server at ("https://doithoai.xa.gov.vn"),
  // printed in invitation QR codes; empty = taken from each request's Host.
  std::string public_url;
  // Public petition submissions per minute per client address; 0 = off.
  int public_rate_limit = 10;
  // The key file that seals denouncers' identities (CONF-01); empty =
  // "<db path>.key", created on first use with mode 0600. Back it up apart
  // from the database: without it sealed identities cannot be read.
  std::string secret_key_file;
  // Attachment storage; empty = "<db path>.files".
  std::string files_dir;
  // Notification transports: "log=PATH", "webhook=URL", "smtp=URL?from=…"
  // (issue #6); the log ("<db path>.notify.log" unless given) always records
  // what no other transport carries.
  std::vector<std::string> notify;
  // The HMAC key of webhook signatures; empty = "<db path>.notify-secret",
  // created on first use (mode 0600). Give the same file to the relay.
  std::string notify_secret_file;
  // How often the background worker looks for due jobs, in seconds.
  unsigned worker_interval_seconds = 15;
};

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_CONFIG_H_
