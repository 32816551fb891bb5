// Tests for Router: literal/parameter/catch-all matching, priorities, HEAD,
// 405 with Allow, trailing slashes and empty segments.
#include "adapters/http/router.h"

#include <gtest/gtest.h>

#include <string>

namespace doithoai::http {
namespace {

// A handler whose response body names the route, so tests can tell them apart.
Handler Named(std::string name) {
  return [name](HttpRequest&) {
    HttpResponse response;
    response.body = name;
    return response;
  };
}

// Runs the matched handler and returns its body ("" when nothing matched).
std::string Call(const Router::Match& match) {
  if (match.handler == nullptr) {
    return "";
  }
  HttpRequest request;
  return (*match.handler)(request).body;
}

TEST(RouterTest, MatchesRootAndLiteralPaths) {
  Router router;
  router.Add("GET", "/", Named("root"));
  router.Add("GET", "/healthz", Named("health"));

  Router::Match root = router.Route("GET", "/");
  EXPECT_EQ(root.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(root), "root");
  EXPECT_TRUE(root.params.empty());
  EXPECT_EQ(Call(router.Route("GET", "/healthz")), "health");
  EXPECT_EQ(router.Route("GET", "/nope").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(router.Route("GET", "").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(router.Route("GET", "healthz").outcome, Router::Outcome::kNotFound);
}

TEST(RouterTest, ExtractsParameters) {
  Router router;
  router.Add("GET", "/x/{slug}", Named("thread"));
  router.Add("GET", "/x/{slug}/kien-nghi/{code}", Named("petition"));

  Router::Match thread = router.Route("GET", "/x/hoang-truong");
  ASSERT_EQ(thread.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(thread), "thread");
  EXPECT_EQ(thread.params.at("slug"), "hoang-truong");

  Router::Match petition = router.Route("GET", "/x/ha-noi/kien-nghi/KN-7");
  ASSERT_EQ(petition.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(petition), "petition");
  EXPECT_EQ(petition.params.at("slug"), "ha-noi");
  EXPECT_EQ(petition.params.at("code"), "KN-7");
}

TEST(RouterTest, ParametersKeepDecodedUtf8Text) {
  Router router;
  router.Add("GET", "/x/{slug}", Named("thread"));
  Router::Match match = router.Route("GET", "/x/Đà Nẵng");
  ASSERT_EQ(match.outcome, Router::Outcome::kFound);
  EXPECT_EQ(match.params.at("slug"), "Đà Nẵng");
}

TEST(RouterTest, ParametersDoNotMatchEmptySegments) {
  Router router;
  router.Add("GET", "/x/{slug}", Named("thread"));
  router.Add("GET", "/x/{slug}/kien-nghi/{code}", Named("petition"));
  EXPECT_EQ(router.Route("GET", "/x/").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(router.Route("GET", "/x//kien-nghi/1").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(router.Route("GET", "/x/a/kien-nghi/").outcome, Router::Outcome::kNotFound);
}

TEST(RouterTest, LiteralBeatsParameterRegardlessOfInsertionOrder) {
  Router first_param;
  first_param.Add("GET", "/x/{slug}", Named("param"));
  first_param.Add("GET", "/x/new", Named("literal"));
  EXPECT_EQ(Call(first_param.Route("GET", "/x/new")), "literal");
  EXPECT_EQ(Call(first_param.Route("GET", "/x/other")), "param");

  Router first_literal;
  first_literal.Add("GET", "/x/new", Named("literal"));
  first_literal.Add("GET", "/x/{slug}", Named("param"));
  EXPECT_EQ(Call(first_literal.Route("GET", "/x/new")), "literal");
  EXPECT_EQ(Call(first_literal.Route("GET", "/x/other")), "param");
}

TEST(RouterTest, FallsBackToParameterWhenLiteralBranchDoesNotMatch) {
  Router router;
  router.Add("GET", "/x/new", Named("new"));
  router.Add("GET", "/x/{slug}/edit", Named("edit"));
  Router::Match match = router.Route("GET", "/x/new/edit");
  ASSERT_EQ(match.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(match), "edit");
  EXPECT_EQ(match.params.at("slug"), "new");
  EXPECT_TRUE(router.Route("GET", "/x/new").params.empty());
}

TEST(RouterTest, CatchAllMatchesTheRestIncludingSlashes) {
  Router router;
  router.Add("GET", "/static/{path*}", Named("static"));
  router.Add("GET", "/static/robots.txt", Named("robots"));

  Router::Match deep = router.Route("GET", "/static/css/app.css");
  ASSERT_EQ(deep.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(deep), "static");
  EXPECT_EQ(deep.params.at("path"), "css/app.css");
  EXPECT_EQ(router.Route("GET", "/static/a.js").params.at("path"), "a.js");
  EXPECT_EQ(router.Route("GET", "/static/img/").params.at("path"), "img/");
  EXPECT_EQ(Call(router.Route("GET", "/static/robots.txt")), "robots");
  EXPECT_EQ(router.Route("GET", "/static/").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(router.Route("GET", "/static").outcome, Router::Outcome::kNotFound);
}

TEST(RouterTest, ParameterBeatsCatchAll) {
  Router router;
  router.Add("GET", "/f/{path*}", Named("all"));
  router.Add("GET", "/f/{name}", Named("one"));
  EXPECT_EQ(Call(router.Route("GET", "/f/a")), "one");
  EXPECT_EQ(Call(router.Route("GET", "/f/a/b")), "all");
}

TEST(RouterTest, TrailingSlashIsADistinctPath) {
  Router router;
  router.Add("GET", "/healthz", Named("health"));
  router.Add("GET", "/x/{slug}/", Named("slash"));
  EXPECT_EQ(router.Route("GET", "/healthz/").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(Call(router.Route("GET", "/x/a/")), "slash");
  EXPECT_EQ(router.Route("GET", "/x/a").outcome, Router::Outcome::kNotFound);
}

TEST(RouterTest, HeadIsServedByGetRoutes) {
  Router router;
  router.Add("GET", "/healthz", Named("get"));
  Router::Match match = router.Route("HEAD", "/healthz");
  ASSERT_EQ(match.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(match), "get");
}

TEST(RouterTest, ExplicitHeadRouteWinsOverGet) {
  Router router;
  router.Add("GET", "/a", Named("get"));
  router.Add("HEAD", "/a", Named("head"));
  EXPECT_EQ(Call(router.Route("HEAD", "/a")), "head");
  EXPECT_EQ(router.Route("GET", "/a").AllowHeader(), "GET, HEAD");
}

TEST(RouterTest, WrongMethodIsMethodNotAllowedWithAllowList) {
  Router router;
  router.Add("POST", "/x/{slug}", Named("post"));
  router.Add("GET", "/x/{slug}", Named("get"));
  Router::Match match = router.Route("DELETE", "/x/a");
  EXPECT_EQ(match.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "HEAD", "POST"}));
  EXPECT_EQ(match.AllowHeader(), "GET, HEAD, POST");
}

TEST(RouterTest, HeadOnPostOnlyRouteIsMethodNotAllowed) {
  Router router;
  router.Add("POST", "/dang-nhap", Named("login"));
  Router::Match match = router.Route("HEAD", "/dang-nhap");
  EXPECT_EQ(match.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(match.AllowHeader(), "POST");
}

TEST(RouterTest, MostSpecificResourceDecidesMethodNotAllowed) {
  Router router;
  router.Add("GET", "/x/new", Named("new"));
  router.Add("POST", "/x/{slug}", Named("post"));
  Router::Match match = router.Route("POST", "/x/new");
  EXPECT_EQ(match.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(match.AllowHeader(), "GET, HEAD");
  EXPECT_EQ(Call(router.Route("POST", "/x/other")), "post");
}

TEST(RouterTest, MethodsAreCaseSensitive) {
  Router router;
  router.Add("GET", "/a", Named("get"));
  EXPECT_EQ(router.Route("get", "/a").outcome, Router::Outcome::kMethodNotAllowed);
}

TEST(RouterTest, SameParameterPositionMayUseDifferentNames) {
  Router router;
  router.Add("GET", "/t/{slug}", Named("by-slug"));
  router.Add("GET", "/t/{id}/xoa", Named("delete"));
  EXPECT_EQ(router.Route("GET", "/t/abc").params.at("slug"), "abc");
  EXPECT_EQ(router.Route("GET", "/t/42/xoa").params.at("id"), "42");
}

}  // namespace
}  // namespace doithoai::http
