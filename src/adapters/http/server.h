// HttpServer: the thin adapter over libmicrohttpd. It owns the daemon (epoll,
// internal thread pool), turns each request into an HttpRequest (body
// accumulated under a size limit, path percent-decoded and UTF-8 checked),
// calls one Handler, and sends the HttpResponse with security headers, gzip
// for text, a request id and one access-log line. Thread-safe: the handler is
// called concurrently from the pool threads.
//
// Trap avoided (../shared/stack.md): a response queued on the *first* call of
// the access handler makes libmicrohttpd close the connection, so responses
// are queued on a later call and keep-alive works.
#ifndef DOITHOAI_ADAPTERS_HTTP_SERVER_H_
#define DOITHOAI_ADAPTERS_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"
#include "core/common/result.h"

namespace doithoai::http {

// One line per request, written by the access-log sink the app chooses.
struct AccessLogEntry {
  std::string request_id;
  std::string remote_addr;
  std::string method;
  std::string path;  // without the query string (it may hold personal data)
  int status = 0;
  size_t response_bytes = 0;
  double duration_ms = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port; see HttpServer::port()
  unsigned threads = 0;  // 0 = one per core
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;         // everything but uploads
  size_t max_upload_bytes = 25 * 1024 * 1024;  // multipart/form-data
  unsigned idle_timeout_seconds = 30;          // no bytes for this long: connection closed
  unsigned body_timeout_seconds = 120;         // whole body must arrive within this
  bool secure_cookies = false;                 // behind TLS
  // Reverse proxies whose X-Forwarded-For names the client (forwarded.h).
  std::vector<std::string> trusted_proxies;
  std::function<void(const AccessLogEntry&)> access_log;  // may be empty
};

using Handler = std::function<HttpResponse(HttpRequest&)>;

class HttpServer {
 public:
  // Binds and starts serving; errors (port in use, bad address) are returned
  // with a Vietnamese message.
  static Result<std::unique_ptr<HttpServer>> Start(const ServerOptions& options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The bound port (useful with port 0).
  uint16_t port() const;

  // Graceful shutdown: stop accepting, let in-flight requests finish (up to
  // `grace`), then stop. Returns the number of requests cut off (0 normally).
  int Shutdown(std::chrono::milliseconds grace);

  struct State;  // implementation detail, public for the C callbacks

 private:
  explicit HttpServer(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Headers every response carries (CSP without inline script, nosniff,
// frame-ancestors, Referrer-Policy). Exposed for tests.
void AddSecurityHeaders(HttpResponse& response);

// Decodes %XX in a URL path; fails on a malformed escape, an encoded NUL or
// invalid UTF-8.
Result<std::string> DecodePath(std::string_view raw_path);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_SERVER_H_
