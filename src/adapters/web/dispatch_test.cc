#include "adapters/web/dispatch.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace doithoai::web {
namespace {

http::HttpRequest Request(std::string method, std::string path) {
  http::HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.request_id = "test-1";
  return r;
}

std::string HeaderOf(const http::HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

TEST(DispatchTest, UnknownRouteGivesVietnamese404Page) {
  http::Router router;
  auto handler = MakeDispatcher(router);
  auto req = Request("GET", "/khong-co");
  http::HttpResponse r = handler(req);
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Không tìm thấy"), std::string::npos);
  EXPECT_NE(r.body.find("test-1"), std::string::npos);  // request id shown
}

TEST(DispatchTest, ApiErrorsAreJson) {
  http::Router router;
  auto handler = MakeDispatcher(router);
  auto req = Request("GET", "/api/v1/khong-co");
  http::HttpResponse r = handler(req);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  EXPECT_NE(r.body.find("\"code\":\"not_found\""), std::string::npos);
}

TEST(DispatchTest, WrongMethodGives405WithAllow) {
  http::Router router;
  router.Add("GET", "/x", [](http::HttpRequest&) { return http::HttpResponse{}; });
  auto handler = MakeDispatcher(router);
  auto req = Request("POST", "/x");
  http::HttpResponse r = handler(req);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(HeaderOf(r, "Allow"), "GET, HEAD");
}

TEST(DispatchTest, PassesPathParamsAndCatchesExceptions) {
  http::Router router;
  router.Add("GET", "/x/{slug}", [](http::HttpRequest& r) {
    http::HttpResponse out;
    out.body = std::string(r.Param("slug"));
    return out;
  });
  router.Add("GET", "/boom", [](http::HttpRequest&) -> http::HttpResponse {
    throw std::runtime_error("internal detail");
  });
  auto handler = MakeDispatcher(router);
  auto ok = Request("GET", "/x/hoang-truong");
  EXPECT_EQ(handler(ok).body, "hoang-truong");
  auto boom = Request("GET", "/boom");
  http::HttpResponse r = handler(boom);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("internal detail"), std::string::npos);
}

}  // namespace
}  // namespace doithoai::web
