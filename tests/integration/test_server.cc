#include "integration/test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace doithoai::testing {

namespace {

using Clock = std::chrono::steady_clock;

int RemainingMs(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

// The directory children start in ("" = ours); set by TestDb.
std::string& ChildDir() {
  static std::string dir;
  return dir;
}

// fork+exec of the binary with stdout/stderr on pipes.
pid_t Spawn(const std::vector<std::string>& args, int* out_fd, int* err_fd, int* in_fd = nullptr) {
  int out[2];
  int err[2];
  int in[2] = {-1, -1};
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) return -1;
  if (in_fd != nullptr && pipe2(in, O_CLOEXEC) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    if (in[0] >= 0) dup2(in[0], 0);
    if (!ChildDir().empty() && chdir(ChildDir().c_str()) != 0) _exit(126);
    std::vector<char*> argv;
    std::string binary = DOITHOAI_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  if (in_fd != nullptr) {
    close(in[0]);
    *in_fd = in[1];
  }
  *out_fd = out[0];
  *err_fd = err[0];
  return pid;
}

std::string ReadAll(int fd) {
  std::string s;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof(buf))) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}

}  // namespace

std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

CommandResult RunDoithoai(const std::vector<std::string>& args, const std::string& input) {
  CommandResult r;
  int out_fd = -1;
  int err_fd = -1;
  int in_fd = -1;
  pid_t pid = Spawn(args, &out_fd, &err_fd, &in_fd);
  if (pid < 0) return r;
  // Small inputs fit the pipe buffer; the child may exit before reading.
  ssize_t written = write(in_fd, input.data(), input.size());
  (void)written;
  close(in_fd);
  std::string err_text;
  std::thread err_reader([&] { err_text = ReadAll(err_fd); });
  r.out = ReadAll(out_fd);
  err_reader.join();
  r.err = err_text;
  close(out_fd);
  close(err_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "doithoai-it-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  path_ = made != nullptr ? made : "";
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string ExecSql(const std::string& db, const std::string& sql) {
  if (db.starts_with("postgresql://")) {
    return postgres::testing_internal::RunAdminStatement(db, sql);
  }
  sqlite3* h = nullptr;
  std::string message;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    message = "cannot open " + db;
  } else {
    char* err = nullptr;
    if (sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      message = err != nullptr ? err : "error";
    }
    sqlite3_free(err);
  }
  sqlite3_close(h);
  return message;
}

std::optional<std::string> QueryValue(const std::string& db, const std::string& sql) {
  std::optional<std::string> out;
  if (db.starts_with("postgresql://")) {
    PGconn* conn = PQconnectdb(db.c_str());
    if (PQstatus(conn) == CONNECTION_OK) {
      PGresult* result = PQexec(conn, sql.c_str());
      if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0) {
        out = PQgetvalue(result, 0, 0);
      }
      PQclear(result);
    }
    PQfinish(conn);
    return out;
  }
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(st, 0);
      out = text != nullptr ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

int64_t CountRows(const std::string& db, const std::string& table) {
  std::optional<std::string> count = QueryValue(db, "SELECT count(*) FROM " + table);
  return count.has_value() ? std::stoll(*count) : -1;
}

bool OnPostgres() {
  const char* engine = getenv("DOITHOAI_IT_ENGINE");
  return engine != nullptr && std::string_view(engine) == "postgresql";
}

TestDb::TestDb(const TempDir& dir, const std::string& file) : dir_(dir.path()) {
  ChildDir() = dir_;
  if (!OnPostgres()) {
    spec_ = dir_ + "/" + file;
    return;
  }
  if (!postgres::PgTestsEnabled()) {
    ADD_FAILURE() << "DOITHOAI_IT_ENGINE=postgresql needs DOITHOAI_TEST_PG_URL";
    return;
  }
  Result<std::unique_ptr<postgres::PgTestDatabase>> db = postgres::PgTestDatabase::Create();
  if (!db.ok()) {
    ADD_FAILURE() << db.error().message;
    return;
  }
  pg_ = std::move(db).value();
  spec_ = pg_->url();
}

TestDb::~TestDb() {
  ChildDir().clear();  // pg_ drops the database, after the test's servers stopped
}

std::string TestDb::Sidecar(const std::string& suffix) const {
  return pg_ != nullptr ? dir_ + "/doithoai-" + pg_->name() + suffix : spec_ + suffix;
}

Connection::Connection(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

Connection::~Connection() {
  if (fd_ >= 0) close(fd_);
}

bool Connection::Send(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

bool Connection::Fill(Clock::time_point deadline) {
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, RemainingMs(deadline)) <= 0) return false;
  char buf[16384];
  ssize_t n = recv(fd_, buf, sizeof(buf), 0);
  if (n <= 0) return false;
  buffer_.append(buf, static_cast<size_t>(n));
  return true;
}

std::optional<HttpReply> Connection::ReadReply(milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(deadline)) return std::nullopt;
  }
  HttpReply reply;
  std::string head = buffer_.substr(0, header_end);
  size_t line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  if (status_line.size() < 12) return std::nullopt;
  reply.status = std::atoi(status_line.c_str() + 9);
  size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    size_t end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(pos, end - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = line.find_first_not_of(' ', colon + 1);
      reply.headers[name] = v == std::string::npos ? "" : line.substr(v);
    }
    pos = end + 2;
  }
  size_t length = std::strtoul(reply.Header("content-length").c_str(), nullptr, 10);
  size_t body_start = header_end + 4;
  while (buffer_.size() < body_start + length) {
    if (!Fill(deadline)) return std::nullopt;
  }
  reply.body = buffer_.substr(body_start, length);
  buffer_.erase(0, body_start + length);
  return reply;
}

bool Connection::WaitForClose(milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (true) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, RemainingMs(deadline)) <= 0) return false;
    char buf[4096];
    ssize_t n = recv(fd_, buf, sizeof(buf), 0);
    if (n <= 0) return true;
  }
}

std::optional<HttpReply> Request(int port, const std::string& method, const std::string& path,
                                 const std::map<std::string, std::string>& headers,
                                 const std::string& body) {
  Connection c(port);
  if (!c.connected()) return std::nullopt;
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST")
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  if (!c.Send(req)) return std::nullopt;
  return c.ReadReply();
}

ServerProcess::ServerProcess(const std::string& db_path, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"serve", "--db", db_path, "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = Spawn(args, &stdout_fd_, &stderr_fd_);
  if (pid_ < 0) return;
  pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  drainer_ = std::thread([this] { DrainStderr(); });
  // The first stdout line names the bound address: "… http://127.0.0.1:PORT/".
  std::string out;
  auto deadline = Clock::now() + milliseconds(15000);
  while (out.find('\n') == std::string::npos) {
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, RemainingMs(deadline)) <= 0) return;
    char buf[512];
    ssize_t n = read(stdout_fd_, buf, sizeof(buf));
    if (n <= 0) return;
    out.append(buf, static_cast<size_t>(n));
  }
  size_t at = out.find("http://127.0.0.1:");
  if (at != std::string::npos) port_ = std::atoi(out.c_str() + at + 17);
}

void ServerProcess::DrainStderr() {
  char buf[4096];
  ssize_t n;
  while ((n = read(stderr_fd_, buf, sizeof(buf))) > 0) {
    std::lock_guard<std::mutex> lock(mu_);
    stderr_.append(buf, static_cast<size_t>(n));
    changed_.notify_all();
  }
}

bool ServerProcess::WaitForStderr(const std::string& needle, milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return changed_.wait_for(lock, timeout,
                           [&] { return stderr_.find(needle) != std::string::npos; });
}

std::string ServerProcess::Stderr() {
  std::lock_guard<std::mutex> lock(mu_);
  return stderr_;
}

int ServerProcess::WaitForExit(milliseconds timeout) {
  if (pid_ < 0) return -1;
  pollfd p{pidfd_, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  exited_ = true;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (drainer_.joinable()) drainer_.join();
  if (stdout_fd_ >= 0) close(stdout_fd_);
  if (stderr_fd_ >= 0) close(stderr_fd_);
  if (pidfd_ >= 0) close(pidfd_);
}

std::string UrlEncode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + k + "=" + UrlEncode(v);
  return body;
}

std::string Between(const std::string& text, const std::string& start, const std::string& end) {
  const size_t from = text.find(start);
  if (from == std::string::npos) return "";
  const size_t begin = from + start.size();
  const size_t to = text.find(end, begin);
  return to == std::string::npos ? "" : text.substr(begin, to - begin);
}

std::string SetCookieValue(const HttpReply& reply, const std::string& name) {
  const std::string header = reply.Header("set-cookie");
  const std::string prefix = name + "=";
  const size_t at = header.find(prefix);
  if (at == std::string::npos) return "";
  const size_t start = at + prefix.size();
  const size_t end = header.find(';', start);
  return header.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string FormLogin(int port, const std::string& user, const std::string& password) {
  auto form = Request(port, "GET", "/dang-nhap");
  if (!form.has_value()) return "";
  const std::string csrf = SetCookieValue(*form, "dt_csrf");
  auto login = Request(
      port, "POST", "/dang-nhap",
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "dt_csrf=" + csrf}},
      FormBody({{"_csrf", csrf}, {"username", user}, {"password", password}}));
  return login.has_value() ? SetCookieValue(*login, "dt_session") : "";
}

}  // namespace doithoai::testing
