// Contract test of the OpenAPI document (web/api/openapi.json, served at
// /api/v1/openapi.json) against the assembled application: every route the
// application registers under /api/v1 is documented under its exact router
// template with the same method, nothing is documented that the router does
// not serve, the access rule (public / signed in) agrees with the operation's
// security, path parameters match the templates, every error response uses
// the Error schema and every $ref resolves. A new API route without its
// documentation fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/demo_app_testing.h"
#include "app/wiring.h"

namespace doithoai::app {
namespace {

using nlohmann::json;

constexpr char kApiPrefix[] = "/api/v1/";
constexpr char kErrorRef[] = "#/components/schemas/Error";

bool IsApiPattern(const std::string& pattern) { return pattern.rfind(kApiPrefix, 0) == 0; }

// The keys of an OpenAPI 3.0 path item that name operations.
bool IsOperationKey(const std::string& key) {
  static const std::set<std::string> kMethods = {"get",     "put",  "post",  "delete",
                                                 "options", "head", "patch", "trace"};
  return kMethods.count(key) > 0;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The parameter names of a router template: "/a/{slug}/b/{id}" → {slug, id}.
std::set<std::string> TemplateNames(const std::string& pattern) {
  std::set<std::string> names;
  size_t at = 0;
  while ((at = pattern.find('{', at)) != std::string::npos) {
    const size_t end = pattern.find('}', at);
    if (end == std::string::npos) break;
    names.insert(pattern.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return names;
}

// The node a local reference ("#/components/schemas/Error") points to in
// `root`, or nullptr when it does not resolve.
const json* Resolve(const json& root, const std::string& ref) {
  if (ref.rfind("#/", 0) != 0) return nullptr;
  const json* node = &root;
  size_t start = 2;
  while (true) {
    const size_t slash = ref.find('/', start);
    std::string token =
        ref.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    // JSON Pointer escapes (RFC 6901): "~1" is '/', "~0" is '~'.
    for (size_t p = token.find("~1"); p != std::string::npos; p = token.find("~1", p + 1)) {
      token.replace(p, 2, "/");
    }
    for (size_t p = token.find("~0"); p != std::string::npos; p = token.find("~0", p + 1)) {
      token.replace(p, 2, "~");
    }
    if (!node->is_object()) return nullptr;
    const auto it = node->find(token);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (slash == std::string::npos) return node;
    start = slash + 1;
  }
}

// Every "$ref" value below `node`.
void CollectRefs(const json& node, std::vector<std::string>& refs) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key() == "$ref" && it.value().is_string()) {
        refs.push_back(it.value().get<std::string>());
      } else {
        CollectRefs(it.value(), refs);
      }
    }
  } else if (node.is_array()) {
    for (const json& item : node) CollectRefs(item, refs);
  }
}

class OpenApiTest : public DemoAppTest {
 protected:
  OpenApiTest() : DemoAppTest(MorningOf("2026-11-02")) {}

  void SetUp() override {
    DemoAppTest::SetUp();
    if (HasFatalFailure()) return;
    http::HttpRequest request;
    request.method = "GET";
    request.path = "/api/v1/openapi.json";
    request.remote_addr = "127.0.0.1";
    request.request_id = "t";
    const http::HttpResponse response = app_->handler()(request);
    ASSERT_EQ(response.status, 200);
    api_ = json::parse(response.body, nullptr, false);
    ASSERT_FALSE(api_.is_discarded()) << "the served document is not JSON";
    ASSERT_TRUE(api_.is_object());
    ASSERT_TRUE(api_.contains("paths") && api_.at("paths").is_object());
    ASSERT_TRUE(api_.contains("components") && api_.at("components").is_object());
  }

  // The routes the application registers under /api/v1: (lower-case method,
  // router template) → public?
  std::vector<std::pair<std::pair<std::string, std::string>, bool>> ApiRoutes() const {
    std::vector<std::pair<std::pair<std::string, std::string>, bool>> routes;
    for (const web::RouteInfo& route : app_->site().routes()) {
      if (!IsApiPattern(route.pattern)) continue;
      routes.push_back(
          {{Lower(route.method), route.pattern}, route.access == web::Access::kPublic});
    }
    return routes;
  }

  // The documented operation, or nullptr.
  const json* Operation(const std::string& method, const std::string& pattern) const {
    const json& paths = api_.at("paths");
    const auto item = paths.find(pattern);
    if (item == paths.end() || !item->is_object()) return nullptr;
    const auto op = item->find(method);
    if (op == item->end() || !op->is_object()) return nullptr;
    return &*op;
  }

  json api_;
};

TEST_F(OpenApiTest, IsOpenApi303) {
  EXPECT_EQ(api_.value("openapi", ""), "3.0.3");
  ASSERT_TRUE(api_.contains("info"));
  EXPECT_FALSE(api_.at("info").value("title", "").empty());
  EXPECT_FALSE(api_.at("info").value("version", "").empty());
}

TEST_F(OpenApiTest, EveryApiRouteIsDocumentedUnderItsRouterTemplateWithItsMethod) {
  const auto routes = ApiRoutes();
  // The API of issues #5–#7 alone has more than 30 routes: an empty list
  // would mean the routes are no longer visible here, not that all is well.
  ASSERT_GE(routes.size(), 30u);
  for (const auto& [key, is_public] : routes) {
    const auto& [method, pattern] = key;
    EXPECT_NE(Operation(method, pattern), nullptr)
        << "undocumented API route: " << method << " " << pattern;
  }
}

TEST_F(OpenApiTest, DocumentsNothingTheRouterDoesNotServe) {
  std::set<std::pair<std::string, std::string>> served;
  for (const auto& [key, is_public] : ApiRoutes()) served.insert(key);
  for (const auto& [pattern, item] : api_.at("paths").items()) {
    EXPECT_TRUE(IsApiPattern(pattern)) << pattern;
    ASSERT_TRUE(item.is_object()) << pattern;
    int operations = 0;
    for (const auto& [key, op] : item.items()) {
      if (!IsOperationKey(key)) continue;
      ++operations;
      EXPECT_EQ(served.count({key, pattern}), 1u)
          << "documented but not served: " << key << " " << pattern;
    }
    EXPECT_GT(operations, 0) << "path without operations: " << pattern;
  }
}

TEST_F(OpenApiTest, SecurityMatchesEachRoutesAccessRule) {
  const json& schemes = api_.at("components").at("securitySchemes");
  ASSERT_TRUE(schemes.contains("bearerAuth"));
  EXPECT_EQ(schemes.at("bearerAuth").value("scheme", ""), "bearer");
  for (const auto& [key, is_public] : ApiRoutes()) {
    const auto& [method, pattern] = key;
    const json* op = Operation(method, pattern);
    if (op == nullptr) continue;  // reported by the test above
    SCOPED_TRACE(method + " " + pattern);
    const bool secured =
        op->contains("security") && op->at("security").is_array() && !op->at("security").empty();
    EXPECT_EQ(secured, !is_public);
    if (!secured) continue;
    for (const json& requirement : op->at("security")) {
      ASSERT_TRUE(requirement.is_object());
      for (const auto& [scheme, scopes] : requirement.items()) {
        EXPECT_TRUE(schemes.contains(scheme)) << "unknown security scheme " << scheme;
      }
    }
    // A signed-in route answers 401 to a caller without a session.
    EXPECT_TRUE(op->contains("responses") && op->at("responses").contains("401"));
  }
}

TEST_F(OpenApiTest, PathParametersMatchTheRouterTemplates) {
  for (const auto& [pattern, item] : api_.at("paths").items()) {
    const std::set<std::string> expected = TemplateNames(pattern);
    const json no_parameters = json::array();
    const json& shared = item.contains("parameters") ? item.at("parameters") : no_parameters;
    for (const auto& [key, op] : item.items()) {
      if (!IsOperationKey(key)) continue;
      SCOPED_TRACE(key + " " + pattern);
      std::set<std::string> declared;
      std::vector<const json*> parameters;
      for (const json& p : shared) parameters.push_back(&p);
      if (op.contains("parameters")) {
        for (const json& p : op.at("parameters")) parameters.push_back(&p);
      }
      for (const json* p : parameters) {
        const json* parameter = p;
        if (p->contains("$ref")) parameter = Resolve(api_, p->at("$ref").get<std::string>());
        ASSERT_NE(parameter, nullptr);
        if (parameter->value("in", "") != "path") continue;
        declared.insert(parameter->value("name", ""));
        EXPECT_TRUE(parameter->value("required", false)) << parameter->value("name", "");
      }
      EXPECT_EQ(declared, expected);
    }
  }
}

TEST_F(OpenApiTest, OperationsHaveUniqueIdsASuccessAndErrorsInTheErrorSchema) {
  std::set<std::string> ids;
  for (const auto& [pattern, item] : api_.at("paths").items()) {
    for (const auto& [key, op] : item.items()) {
      if (!IsOperationKey(key)) continue;
      SCOPED_TRACE(key + " " + pattern);
      const std::string id = op.value("operationId", "");
      EXPECT_FALSE(id.empty());
      EXPECT_TRUE(ids.insert(id).second) << "duplicate operationId " << id;
      ASSERT_TRUE(op.contains("responses") && op.at("responses").is_object());
      bool success = false;
      for (const auto& [status, response] : op.at("responses").items()) {
        ASSERT_EQ(status.size(), 3u) << status;
        EXPECT_FALSE(response.value("description", "").empty()) << status;
        success |= status[0] == '2';
        if (status[0] != '4' && status[0] != '5') continue;
        // Errors are {"error":{"code","message","fields"}} (Vietnamese message).
        const json* schema = nullptr;
        if (response.contains("content") && response.at("content").contains("application/json")) {
          const json& media = response.at("content").at("application/json");
          if (media.contains("schema")) schema = &media.at("schema");
        }
        ASSERT_NE(schema, nullptr) << status;
        EXPECT_EQ(schema->value("$ref", ""), kErrorRef) << status;
      }
      EXPECT_TRUE(success) << "no 2xx response";
    }
  }
}

TEST_F(OpenApiTest, EveryReferenceResolves) {
  std::vector<std::string> refs;
  CollectRefs(api_, refs);
  EXPECT_FALSE(refs.empty());
  for (const std::string& ref : refs) {
    EXPECT_NE(Resolve(api_, ref), nullptr) << "dangling $ref " << ref;
  }
  // The Error schema every error response shares has the fields the server sends.
  const json* error = Resolve(api_, kErrorRef);
  ASSERT_NE(error, nullptr);
  const json& inner = error->at("properties").at("error").at("properties");
  for (const char* field : {"code", "message", "fields"}) {
    EXPECT_TRUE(inner.contains(field)) << field;
  }
}

}  // namespace
}  // namespace doithoai::app
