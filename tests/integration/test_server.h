// Test harness for end-to-end tests: runs the real doithoai binary as a child
// process, finds the port it bound (port 0), and speaks raw HTTP/1.1 to it
// over loopback. Waits are event-driven (poll on pipes, sockets and a pidfd)
// with deadlines; there are no sleeps.
#ifndef DOITHOAI_TESTS_INTEGRATION_TEST_SERVER_H_
#define DOITHOAI_TESTS_INTEGRATION_TEST_SERVER_H_

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/storage/postgres/pg_testing.h"

namespace doithoai::testing {

using std::chrono::milliseconds;

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the doithoai binary with `args` to completion, feeding `input` on its
// standard input.
CommandResult RunDoithoai(const std::vector<std::string>& args, const std::string& input = "");

// Runs `command` with /bin/sh and returns its standard output.
std::string Shell(const std::string& command);

// A fresh temporary directory, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The engine these end-to-end tests run on: PostgreSQL when
// DOITHOAI_IT_ENGINE=postgresql (ctest registers every test twice, the second
// time as "pg:<name>" against the cluster in DOITHOAI_TEST_PG_URL), else
// SQLite.
bool OnPostgres();

// The `--db` of one test: the file `dir`/`file` on SQLite, or a fresh
// database on the PostgreSQL test cluster, dropped on destruction. The
// binary is started in `dir`, so files kept beside a PostgreSQL database
// (the sealing key, attachments: storage::SidecarBase) land there too.
class TestDb {
 public:
  explicit TestDb(const TempDir& dir, const std::string& file = "d.db");
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;
  const std::string& spec() const { return spec_; }
  // A file the binary keeps beside this database by default (".key",
  // ".files", ".notify-secret"): storage::SidecarBase + suffix.
  std::string Sidecar(const std::string& suffix) const;

 private:
  std::string dir_;
  std::string spec_;
  std::unique_ptr<postgres::PgTestDatabase> pg_;
};

// Runs SQL directly on a test database (a SQLite path or a PostgreSQL URL):
// "" on success, else the error text.
std::string ExecSql(const std::string& db, const std::string& sql);
// The first column of the first row of `sql` as text; nullopt on error or no
// row.
std::optional<std::string> QueryValue(const std::string& db, const std::string& sql);
// SELECT count(*) FROM `table`; -1 on error.
int64_t CountRows(const std::string& db, const std::string& table);

// The text between the first `start` and the next `end` after it ("" if absent).
std::string Between(const std::string& text, const std::string& start, const std::string& end);
// Percent-encodes every byte but RFC 3986's unreserved characters.
std::string UrlEncode(const std::string& text);
// An application/x-www-form-urlencoded body of `fields`, in order.
std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields);

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// One TCP connection to 127.0.0.1:port.
class Connection {
 public:
  explicit Connection(int port);
  ~Connection();
  bool connected() const { return fd_ >= 0; }
  bool Send(const std::string& bytes);
  // Reads one response (Content-Length framed). nullopt on EOF/timeout.
  std::optional<HttpReply> ReadReply(milliseconds timeout = milliseconds(10000));
  // True if the server closes the connection within `timeout`.
  bool WaitForClose(milliseconds timeout);

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  std::string buffer_;
};

// GET (or any method) on a fresh connection.
std::optional<HttpReply> Request(int port, const std::string& method, const std::string& path,
                                 const std::map<std::string, std::string>& headers = {},
                                 const std::string& body = "");

// The value of cookie `name` in `reply`'s Set-Cookie ("" if absent).
std::string SetCookieValue(const HttpReply& reply, const std::string& name);

// Signs `user` in through the login form (GET /dang-nhap for the CSRF
// cookie, then POST); the session cookie's value, or "" if refused.
std::string FormLogin(int port, const std::string& user, const std::string& password);

class ServerProcess {
 public:
  // Starts `doithoai serve --db DB --listen 127.0.0.1:0 EXTRA...` and waits
  // for its "listening" line.
  ServerProcess(const std::string& db_path, const std::vector<std::string>& extra = {});
  ~ServerProcess();
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Waits until stderr contains `needle`.
  bool WaitForStderr(const std::string& needle, milliseconds timeout);
  // Waits for exit; returns the exit code, or -1 on timeout / signal.
  int WaitForExit(milliseconds timeout);
  std::string Stderr();

 private:
  void DrainStderr();
  pid_t pid_ = -1;
  int pidfd_ = -1;
  int port_ = 0;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  bool exited_ = false;
  std::thread drainer_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::string stderr_;
};

}  // namespace doithoai::testing

#endif  // DOITHOAI_TESTS_INTEGRATION_TEST_SERVER_H_
