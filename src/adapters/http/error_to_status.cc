#include "adapters/http/error_to_status.h"

#include <map>
#include <nlohmann/json.hpp>

#include "adapters/resources/embedded.h"

namespace doithoai::http {

namespace {

const std::map<std::string, std::string>& Messages() {
  static const std::map<std::string, std::string> messages = [] {
    std::map<std::string, std::string> m;
    const EmbeddedFile* file = FindEmbeddedFile("locale/vi/errors.json");
    // The file is compiled in; a parse failure is a build bug.
    nlohmann::json j = nlohmann::json::parse(file->data);
    for (auto& [k, v] : j.items()) m[k] = v.get<std::string>();
    return m;
  }();
  return messages;
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
      return 409;
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string LocalizedMessage(std::string_view key) {
  const auto& m = Messages();
  auto it = m.find(std::string(key));
  return it != m.end() ? it->second : m.at("internal");
}

std::string UserMessage(const Error& error) {
  if (error.code == ErrorCode::kInternal || error.message.empty()) {
    return LocalizedMessage(ErrorCodeName(error.code));
  }
  return error.message;
}

HttpResponse JsonErrorResponse(const Error& error) {
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldError& f : error.fields) {
    fields.push_back({{"field", f.field}, {"message", f.message}});
  }
  nlohmann::json body = {
      {"error",
       {{"code", ErrorCodeName(error.code)}, {"message", UserMessage(error)}, {"fields", fields}}}};
  HttpResponse r;
  r.status = HttpStatusFor(error.code);
  r.content_type = "application/json; charset=utf-8";
  r.body = body.dump();
  return r;
}

}  // namespace doithoai::http
