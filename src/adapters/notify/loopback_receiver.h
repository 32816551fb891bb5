// Test helpers for the notification transports: a tiny HTTP/1.1 server and a
// fake SMTP server, each listening on 127.0.0.1 at an ephemeral port and
// serving on its own thread, that record what they receive. They let the
// webhook and SMTP transports (and the lead's integration tests) be tested
// end to end without leaving the machine and without sleeps: a transport's
// Send returns only after the server has recorded the request and answered.
//
// Each server serves one connection at a time (one request per HTTP
// connection, "Connection: close"). The destructor stops the accept loop
// with shutdown() on the listening socket and joins the thread. A connection
// that sends nothing is dropped after a few seconds (SO_RCVTIMEO) so a
// broken client cannot hang the destructor. Test-only: not for production.
#ifndef DOITHOAI_ADAPTERS_NOTIFY_LOOPBACK_RECEIVER_H_
#define DOITHOAI_ADAPTERS_NOTIFY_LOOPBACK_RECEIVER_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace doithoai::notify::testing {

// Listens on 127.0.0.1:<ephemeral> and hands each accepted connection to
// `serve` on a background thread. port() is 0 if the socket could not be set
// up (tests should ASSERT_NE(port(), 0)).
class LoopbackListener {
 public:
  explicit LoopbackListener(std::function<void(int fd)> serve);
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  int port() const { return port_; }

 private:
  void Run();

  std::function<void(int fd)> serve_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

struct RecordedRequest {
  std::string method;                          // "POST"
  std::string target;                          // "/hook?x=1"
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
};

// An HTTP server that answers request i with statuses[i] (the last status
// repeats; 200 when the list is empty) and an empty body.
class LoopbackHttpServer {
 public:
  explicit LoopbackHttpServer(std::vector<int> statuses = {});
  ~LoopbackHttpServer() = default;

  int port() const { return listener_.port(); }
  // "http://127.0.0.1:<port><path>".
  std::string Url(const std::string& path = "/hook") const;
  // A copy of what was received so far, in order.
  std::vector<RecordedRequest> requests() const;
  // Waits until a received request's body contains `needle` (true), or
  // `timeout` passes (false). For tests of another process's deliveries.
  bool WaitForBody(const std::string& needle, std::chrono::milliseconds timeout) const;

 private:
  void Serve(int fd);

  std::vector<int> statuses_;
  mutable std::mutex mutex_;
  mutable std::condition_variable received_;
  std::vector<RecordedRequest> requests_;  // guarded by mutex_
  LoopbackListener listener_;              // last: stops before the rest is destroyed
};

struct RecordedMail {
  std::string auth;                  // the "AUTH PLAIN <base64>" argument, "" if none
  std::string mail_from;             // address inside <> of MAIL FROM
  std::vector<std::string> rcpt_to;  // addresses inside <> of each RCPT TO
  std::string data;                  // the message after DATA, dot-unstuffed, CRLF kept
};

// A fake SMTP server: 220 greeting, 250 to EHLO/HELO (advertising AUTH
// PLAIN), 235 to AUTH PLAIN, 250 to MAIL/RCPT, 354 to DATA, then `data_reply`
// (250 by default; e.g. 554 to test a refusal) after the final ".", 221 to
// QUIT. A mail is recorded when its DATA ends, whatever the reply.
class LoopbackSmtpServer {
 public:
  explicit LoopbackSmtpServer(int data_reply = 250);
  ~LoopbackSmtpServer() = default;

  int port() const { return listener_.port(); }
  // "smtp://127.0.0.1:<port>".
  std::string Url() const;
  std::vector<RecordedMail> mails() const;

 private:
  void Serve(int fd);

  int data_reply_;
  mutable std::mutex mutex_;
  std::vector<RecordedMail> mails_;  // guarded by mutex_
  LoopbackListener listener_;        // last: stops before the rest is destroyed
};

// A port on 127.0.0.1 where nothing listens (bound once, then closed), for
// "server down" tests. 0 if no socket could be bound.
int UnusedLoopbackPort();

}  // namespace doithoai::notify::testing

#endif  // DOITHOAI_ADAPTERS_NOTIFY_LOOPBACK_RECEIVER_H_
