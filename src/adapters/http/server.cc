// libmicrohttpd adapter: see server.h for the contract.
#include "adapters/http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/http/ascii.h"
#include "adapters/http/compression.h"
#include "adapters/http/forwarded.h"
#include "adapters/http/request_limits.h"
#include "core/text/vietnamese.h"

namespace doithoai::http {

using SteadyTime = std::chrono::steady_clock::time_point;

// Per-request state, created by the URI-log callback (once per request, before
// the headers are parsed) and freed in the completion callback.
struct RequestState {
  std::string raw_uri;
  SteadyTime start;
  bool headers_seen = false;
  bool responded = false;
  size_t body_limit = 0;
  HttpRequest request;
  int status = 0;
  size_t response_bytes = 0;
};

struct HttpServer::State {
  ServerOptions options;
  Handler handler;
  MHD_Daemon* daemon = nullptr;
  uint16_t port = 0;
  std::string id_prefix;
  std::atomic<uint64_t> next_id{1};

  std::mutex mu;
  std::condition_variable idle;
  int active = 0;  // requests between URI-log and completion; guarded by mu
};

namespace {

// Collects every header field with its full length: a value with a NUL inside
// reaches us whole, so CheckFraming can refuse it instead of reading the part
// before the NUL (issue #9: `Bearer <token>\0junk` authenticated).
MHD_Result CollectField(void* cls, MHD_ValueKind /*kind*/, const char* key, size_t key_size,
                        const char* value, size_t value_size) {
  auto* fields = static_cast<std::vector<ReceivedField>*>(cls);
  fields->push_back({std::string(key == nullptr ? "" : std::string(key, key_size)),
                     value == nullptr ? std::string() : std::string(value, value_size)});
  return MHD_YES;
}

void AddHeader(HttpRequest& request, const ReceivedField& field) {
  std::string name = ToLowerAscii(field.name);
  auto [it, inserted] = request.headers.emplace(name, field.value);
  if (!inserted) {
    // RFC 9110 §5.3: repeated fields combine with a comma (cookies with "; ").
    it->second += (name == "cookie" ? "; " : ", ") + field.value;
  }
}

size_t HeaderBytes(const HttpRequest& request, const std::string& raw_uri) {
  size_t total = raw_uri.size() + request.method.size() + 12;
  for (const auto& [k, v] : request.headers) total += k.size() + v.size() + 4;
  return total;
}

void* OnUriLog(void* cls, const char* uri, MHD_Connection* /*connection*/) {
  auto* server = static_cast<HttpServer::State*>(cls);
  auto* state = new RequestState();
  state->raw_uri = uri == nullptr ? "" : uri;
  state->start = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(server->mu);
    ++server->active;
  }
  return state;
}

void OnCompleted(void* cls, MHD_Connection* /*connection*/, void** con_cls,
                 MHD_RequestTerminationCode /*toe*/) {
  auto* server = static_cast<HttpServer::State*>(cls);
  auto* state = static_cast<RequestState*>(*con_cls);
  if (state == nullptr) return;
  *con_cls = nullptr;
  if (server->options.access_log && state->headers_seen) {
    AccessLogEntry entry;
    entry.request_id = state->request.request_id;
    entry.remote_addr = state->request.remote_addr;
    entry.method = state->request.method;
    entry.path = state->request.path.empty() ? state->raw_uri.substr(0, state->raw_uri.find('?'))
                                             : state->request.path;
    entry.status = state->status;
    entry.response_bytes = state->response_bytes;
    entry.duration_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - state->start)
            .count();
    server->options.access_log(entry);
  }
  delete state;
  std::lock_guard<std::mutex> lock(server->mu);
  --server->active;
  if (server->active == 0) server->idle.notify_all();
}

std::string RemoteAddress(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info == nullptr || info->client_addr == nullptr) return "";
  char buf[INET6_ADDRSTRLEN] = {0};
  const sockaddr* sa = info->client_addr;
  if (sa->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof(buf));
  } else if (sa->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof(buf));
  }
  return buf;
}

MHD_Result Send(HttpServer::State* server, MHD_Connection* connection, RequestState* state,
                HttpResponse response) {
  state->responded = true;
  AddSecurityHeaders(response);
  response.SetHeader("X-Request-Id", state->request.request_id);
  if (IsCompressibleType(response.content_type)) {
    response.SetHeader("Vary", "Accept-Encoding");
    if (response.body.size() >= 1024 && AcceptsGzip(state->request.Header("accept-encoding"))) {
      Result<std::string> gz = Gzip(response.body);
      if (gz.ok()) {
        response.body = std::move(gz).value();
        response.SetHeader("Content-Encoding", "gzip");
      }
    }
  }
  MHD_Response* r = MHD_create_response_from_buffer(response.body.size(), response.body.data(),
                                                    MHD_RESPMEM_MUST_COPY);
  if (r == nullptr) return MHD_NO;
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, response.content_type.c_str());
  for (const auto& [name, value] : response.headers) {
    MHD_add_response_header(r, name.c_str(), value.c_str());
  }
  state->status = response.status;
  state->response_bytes = response.body.size();
  MHD_Result ret = MHD_queue_response(connection, static_cast<unsigned>(response.status), r);
  MHD_destroy_response(r);
  (void)server;
  return ret;
}

// Fills method, path, query, headers and remote address; returns an early
// error response (400/413/431) or nothing.
std::optional<HttpResponse> BeginRequest(HttpServer::State* server, MHD_Connection* connection,
                                         RequestState* state, const char* method,
                                         const char* version) {
  HttpRequest& req = state->request;
  req.method = method;
  req.remote_addr = RemoteAddress(connection);
  char id[48];
  std::snprintf(id, sizeof(id), "%s-%06llx", server->id_prefix.c_str(),
                static_cast<unsigned long long>(server->next_id.fetch_add(1)));
  req.request_id = id;
  std::vector<ReceivedField> fields;
  MHD_get_connection_values_n(connection, MHD_HEADER_KIND, &CollectField, &fields);
  for (const ReceivedField& field : fields) AddHeader(req, field);
  req.remote_addr = ClientAddress(req.remote_addr, req.Header("x-forwarded-for"),
                                  server->options.trusted_proxies);

  if (HeaderBytes(req, state->raw_uri) > server->options.max_header_bytes) {
    return LimitResponse(431, "Phần đầu (header) của yêu cầu quá lớn.");
  }
  if (std::optional<HttpResponse> bad = CheckFraming(version == nullptr ? "" : version, fields)) {
    return bad;
  }
  std::string_view raw = state->raw_uri;
  size_t q = raw.find('?');
  Result<std::string> path = DecodePath(raw.substr(0, q));
  if (!path.ok()) return LimitResponse(400, path.error().message);
  req.path = std::move(path).value();
  if (q != std::string_view::npos) req.query = std::string(raw.substr(q + 1));

  state->body_limit = BodyLimitFor(req.Header("content-type"), server->options.max_body_bytes,
                                   server->options.max_upload_bytes);
  std::string_view length = req.Header("content-length");
  if (!length.empty()) {
    unsigned long long n = std::strtoull(std::string(length).c_str(), nullptr, 10);
    if (n > state->body_limit) return TooLargeResponse(state->body_limit);
  }
  return std::nullopt;
}

MHD_Result OnRequest(void* cls, MHD_Connection* connection, const char* /*url*/, const char* method,
                     const char* version, const char* upload_data, size_t* upload_data_size,
                     void** con_cls) {
  auto* server = static_cast<HttpServer::State*>(cls);
  auto* state = static_cast<RequestState*>(*con_cls);
  if (state == nullptr) return MHD_NO;  // cannot happen: the URI-log callback made it

  if (!state->headers_seen) {
    state->headers_seen = true;
    std::optional<HttpResponse> early = BeginRequest(server, connection, state, method, version);
    // Queueing on the first call closes the connection: right for a request
    // we refuse before reading its body.
    if (early.has_value()) return Send(server, connection, state, std::move(*early));
    return MHD_YES;
  }
  if (state->responded) {
    *upload_data_size = 0;  // discard the rest of a refused body
    return MHD_YES;
  }
  if (*upload_data_size > 0) {
    if (state->request.body.size() + *upload_data_size > state->body_limit) {
      *upload_data_size = 0;
      return Send(server, connection, state, TooLargeResponse(state->body_limit));
    }
    auto elapsed = std::chrono::steady_clock::now() - state->start;
    if (elapsed > std::chrono::seconds(server->options.body_timeout_seconds)) {
      *upload_data_size = 0;
      return Send(server, connection, state,
                  LimitResponse(408, "Gửi dữ liệu quá chậm; yêu cầu đã bị hủy."));
    }
    state->request.body.append(upload_data, *upload_data_size);
    *upload_data_size = 0;
    return MHD_YES;
  }
  HttpResponse response = server->handler(state->request);
  return Send(server, connection, state, std::move(response));
}

std::string RandomPrefix() {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%08x", rd());
  return buf;
}

}  // namespace

void AddSecurityHeaders(HttpResponse& response) {
  response.SetHeader("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self'; "
                     "img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                     "form-action 'self'; frame-ancestors 'none'");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("X-Frame-Options", "DENY");
  response.SetHeader("Referrer-Policy", "same-origin");
}

Result<std::string> DecodePath(std::string_view raw_path) {
  Error bad = MakeError(ErrorCode::kInvalidArgument, "Đường dẫn không hợp lệ.");
  if (raw_path.empty() || raw_path.front() != '/') return bad;
  std::string out;
  out.reserve(raw_path.size());
  for (size_t i = 0; i < raw_path.size(); ++i) {
    char c = raw_path[i];
    if (c == '%') {
      if (i + 2 >= raw_path.size()) return bad;
      int hi = HexDigitValue(raw_path[i + 1]);
      int lo = HexDigitValue(raw_path[i + 2]);
      if (hi < 0 || lo < 0) return bad;
      char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') return bad;
      out.push_back(decoded);
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  if (!text::IsValidUtf8(out)) return bad;
  return out;
}

HttpServer::HttpServer(std::unique_ptr<State> state) : state_(std::move(state)) {}

HttpServer::~HttpServer() {
  if (state_ != nullptr && state_->daemon != nullptr) {
    MHD_stop_daemon(state_->daemon);
    state_->daemon = nullptr;
  }
}

uint16_t HttpServer::port() const { return state_->port; }

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const ServerOptions& options,
                                                      Handler handler) {
  auto state = std::make_unique<State>();
  state->options = options;
  state->handler = std::move(handler);
  state->id_prefix = RandomPrefix();
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

  sockaddr_in addr4{};
  sockaddr_in6 addr6{};
  const sockaddr* addr = nullptr;
  // poll(), not epoll: libmicrohttpd 0.9.75's MHD_quiesce_daemon races with
  // its epoll workers (a worker that wakes takes the listen socket out of its
  // epoll set first, and quiesce then aborts the process with "Failed to
  // remove listen FD from epoll set"), which killed a graceful SIGTERM in CI.
  // With poll() quiesce only flags the workers. Each worker polls its own
  // few connections, so the cost is small at a commune's or a province's
  // load.
  unsigned flags = MHD_USE_POLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
  if (inet_pton(AF_INET, options.host.c_str(), &addr4.sin_addr) == 1) {
    addr4.sin_family = AF_INET;
    addr4.sin_port = htons(options.port);
    addr = reinterpret_cast<const sockaddr*>(&addr4);
  } else if (inet_pton(AF_INET6, options.host.c_str(), &addr6.sin6_addr) == 1) {
    addr6.sin6_family = AF_INET6;
    addr6.sin6_port = htons(options.port);
    addr = reinterpret_cast<const sockaddr*>(&addr6);
    flags |= MHD_USE_IPv6;
  } else {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Địa chỉ lắng nghe không hợp lệ: " + options.host);
  }
  // The memory pool must hold the headers plus read/write buffers; the exact
  // header limit is enforced in BeginRequest.
  size_t pool = options.max_header_bytes * 2 + 16 * 1024;
  State* raw = state.get();
  raw->daemon =
      MHD_start_daemon(flags, options.port, nullptr, nullptr, &OnRequest, raw, MHD_OPTION_SOCK_ADDR,
                       addr, MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
                       options.idle_timeout_seconds, MHD_OPTION_CONNECTION_MEMORY_LIMIT, pool,
                       MHD_OPTION_URI_LOG_CALLBACK, &OnUriLog, raw, MHD_OPTION_NOTIFY_COMPLETED,
                       &OnCompleted, raw, MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_END);
  if (raw->daemon == nullptr) {
    return MakeError(ErrorCode::kUnavailable, "Không mở được cổng " + options.host + ":" +
                                                  std::to_string(options.port) +
                                                  " (cổng đang được dùng hoặc không có quyền).");
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(raw->daemon, MHD_DAEMON_INFO_BIND_PORT);
  raw->port = info != nullptr ? info->port : options.port;
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(state)));
}

int HttpServer::Shutdown(std::chrono::milliseconds grace) {
  State* s = state_.get();
  if (s->daemon == nullptr) return 0;
  MHD_socket listen_fd = MHD_quiesce_daemon(s->daemon);
  if (listen_fd != MHD_INVALID_SOCKET) close(listen_fd);
  int cut = 0;
  {
    std::unique_lock<std::mutex> lock(s->mu);
    s->idle.wait_for(lock, grace, [s] { return s->active == 0; });
    cut = s->active;
  }
  MHD_stop_daemon(s->daemon);
  s->daemon = nullptr;
  return cut;
}

}  // namespace doithoai::http
