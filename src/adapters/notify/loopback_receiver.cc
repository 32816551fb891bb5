#include "adapters/notify/loopback_receiver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace doithoai::notify::testing {
namespace {

constexpr size_t kMaxLine = 64 * 1024;
constexpr size_t kMaxBody = 16 * 1024 * 1024;
constexpr int kIdleSeconds = 5;

// Binds a TCP socket to 127.0.0.1:0; returns the fd (or -1) and its port.
int BindLoopback(int* port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    return -1;
  }
  *port = ntohs(addr.sin_port);
  return fd;
}

// Line- and byte-oriented reading from a connected socket.
class Connection {
 public:
  explicit Connection(int fd) : fd_(fd) {}

  // One line without its "\r\n" (or "\n"); false at end of stream or error.
  bool ReadLine(std::string* line) {
    for (;;) {
      size_t eol = buffer_.find('\n');
      if (eol != std::string::npos) {
        *line = buffer_.substr(0, eol);
        buffer_.erase(0, eol + 1);
        if (!line->empty() && line->back() == '\r') {
          line->pop_back();
        }
        return true;
      }
      if (buffer_.size() > kMaxLine || !Fill()) {
        return false;
      }
    }
  }

  bool ReadExact(size_t n, std::string* out) {
    while (buffer_.size() < n) {
      if (!Fill()) {
        return false;
      }
    }
    *out = buffer_.substr(0, n);
    buffer_.erase(0, n);
    return true;
  }

  bool Write(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return false;
      }
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

 private:
  bool Fill() {
    char chunk[4096];
    for (;;) {
      ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return false;
      }
      buffer_.append(chunk, static_cast<size_t>(n));
      return true;
    }
  }

  int fd_;
  std::string buffer_;
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

// The address between '<' and '>' of "MAIL FROM:<a> SIZE=1".
std::string AngleAddress(std::string_view line) {
  size_t open = line.find('<');
  size_t close = line.find('>', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    return "";
  }
  return std::string(line.substr(open + 1, close - open - 1));
}

bool StartsWithCommand(std::string_view line, std::string_view command) {
  return line.size() >= command.size() &&
         Lower(std::string(line.substr(0, command.size()))) == Lower(std::string(command));
}

}  // namespace

LoopbackListener::LoopbackListener(std::function<void(int fd)> serve) : serve_(std::move(serve)) {
  listen_fd_ = BindLoopback(&port_);
  if (listen_fd_ < 0 || listen(listen_fd_, 16) != 0) {
    if (listen_fd_ >= 0) {
      close(listen_fd_);
    }
    listen_fd_ = -1;
    port_ = 0;
    return;
  }
  thread_ = std::thread([this] { Run(); });
}

LoopbackListener::~LoopbackListener() {
  if (listen_fd_ < 0) {
    return;
  }
  // Wakes the blocked accept() (it fails with EINVAL on Linux).
  shutdown(listen_fd_, SHUT_RDWR);
  thread_.join();
  close(listen_fd_);
}

void LoopbackListener::Run() {
  for (;;) {
    int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) {
        continue;
      }
      return;  // shut down
    }
    timeval idle{kIdleSeconds, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &idle, sizeof idle);
    serve_(fd);
    close(fd);
  }
}

LoopbackHttpServer::LoopbackHttpServer(std::vector<int> statuses)
    : statuses_(std::move(statuses)), listener_([this](int fd) { Serve(fd); }) {}

std::string LoopbackHttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port()) + path;
}

std::vector<RecordedRequest> LoopbackHttpServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

bool LoopbackHttpServer::WaitForBody(const std::string& needle,
                                     std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return received_.wait_for(lock, timeout, [&] {
    return std::any_of(requests_.begin(), requests_.end(), [&](const RecordedRequest& r) {
      return r.body.find(needle) != std::string::npos;
    });
  });
}

void LoopbackHttpServer::Serve(int fd) {
  Connection conn(fd);
  RecordedRequest request;
  std::string line;
  if (!conn.ReadLine(&line)) {
    return;
  }
  size_t sp1 = line.find(' ');
  size_t sp2 = line.find(' ', sp1 == std::string::npos ? 0 : sp1 + 1);
  if (sp1 == std::string::npos || sp2 == std::string::npos) {
    return;
  }
  request.method = line.substr(0, sp1);
  request.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  while (conn.ReadLine(&line) && !line.empty()) {
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      request.headers[Lower(line.substr(0, colon))] = Trim(line.substr(colon + 1));
    }
  }
  if (line.empty() && request.headers.count("expect") != 0 &&
      Lower(request.headers["expect"]) == "100-continue") {
    conn.Write("HTTP/1.1 100 Continue\r\n\r\n");
  }
  size_t length = 0;
  if (auto it = request.headers.find("content-length"); it != request.headers.end()) {
    length = std::strtoull(it->second.c_str(), nullptr, 10);
  }
  if (length > kMaxBody || !conn.ReadExact(length, &request.body)) {
    return;
  }
  int status = 200;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!statuses_.empty()) {
      status = statuses_[std::min(requests_.size(), statuses_.size() - 1)];
    }
    requests_.push_back(std::move(request));
  }
  received_.notify_all();
  conn.Write("HTTP/1.1 " + std::to_string(status) +
             " Loopback\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

LoopbackSmtpServer::LoopbackSmtpServer(int data_reply)
    : data_reply_(data_reply), listener_([this](int fd) { Serve(fd); }) {}

std::string LoopbackSmtpServer::Url() const { return "smtp://127.0.0.1:" + std::to_string(port()); }

std::vector<RecordedMail> LoopbackSmtpServer::mails() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return mails_;
}

void LoopbackSmtpServer::Serve(int fd) {
  Connection conn(fd);
  if (!conn.Write("220 loopback ESMTP\r\n")) {
    return;
  }
  RecordedMail mail;
  std::string line;
  while (conn.ReadLine(&line)) {
    std::string reply = "250 OK\r\n";
    if (StartsWithCommand(line, "EHLO") || StartsWithCommand(line, "HELO")) {
      reply = "250-loopback\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n";
    } else if (StartsWithCommand(line, "AUTH PLAIN")) {
      std::string argument = Trim(std::string_view(line).substr(10));
      if (argument.empty()) {  // the credentials follow on their own line
        if (!conn.Write("334 \r\n") || !conn.ReadLine(&argument)) {
          return;
        }
      }
      mail.auth = argument;
      reply = "235 Authenticated\r\n";
    } else if (StartsWithCommand(line, "MAIL FROM:")) {
      mail.mail_from = AngleAddress(line);
    } else if (StartsWithCommand(line, "RCPT TO:")) {
      mail.rcpt_to.push_back(AngleAddress(line));
    } else if (StartsWithCommand(line, "DATA")) {
      if (!conn.Write("354 End data with <CR><LF>.<CR><LF>\r\n")) {
        return;
      }
      std::string data;
      for (;;) {
        if (!conn.ReadLine(&line) || data.size() > kMaxBody) {
          return;
        }
        if (line == ".") {
          break;
        }
        data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
      }
      mail.data = std::move(data);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        mails_.push_back(mail);
      }
      mail = RecordedMail{mail.auth, "", {}, ""};
      reply = std::to_string(data_reply_) + (data_reply_ < 400 ? " Queued\r\n" : " Refused\r\n");
    } else if (StartsWithCommand(line, "QUIT")) {
      conn.Write("221 Bye\r\n");
      return;
    } else if (!StartsWithCommand(line, "RSET") && !StartsWithCommand(line, "NOOP")) {
      reply = "502 Command not implemented\r\n";
    }
    if (!conn.Write(reply)) {
      return;
    }
  }
}

int UnusedLoopbackPort() {
  int port = 0;
  int fd = BindLoopback(&port);
  if (fd < 0) {
    return 0;
  }
  close(fd);
  return port;
}

}  // namespace doithoai::notify::testing
