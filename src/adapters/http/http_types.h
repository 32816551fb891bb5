// The HTTP request and response as the rest of the program sees them. The
// libmicrohttpd adapter (server.cc) fills HttpRequest and sends HttpResponse;
// handlers never see libmicrohttpd.
#ifndef DOITHOAI_ADAPTERS_HTTP_HTTP_TYPES_H_
#define DOITHOAI_ADAPTERS_HTTP_HTTP_TYPES_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace doithoai::http {

struct HttpRequest {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // decoded path, no query: "/x/hoang-truong"
  std::string query;                           // raw query string without '?'
  std::map<std::string, std::string> headers;  // keys lower-case
  std::string body;
  std::string remote_addr;
  std::string request_id;
  std::map<std::string, std::string> path_params;  // filled by the Router

  // The header's value, or "" (`name` in lower case).
  std::string_view Header(std::string_view name) const {
    auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
  }
  std::string_view Param(std::string_view name) const {
    auto it = path_params.find(std::string(name));
    return it == path_params.end() ? std::string_view() : std::string_view(it->second);
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void SetHeader(std::string name, std::string value) {
    for (auto& [k, v] : headers) {
      if (k == name) {
        v = std::move(value);
        return;
      }
    }
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_HTTP_TYPES_H_
