#include "adapters/http/error_to_status.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace doithoai::http {
namespace {

TEST(ErrorToStatusTest, MapsEveryCode) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ErrorToStatusTest, EveryCodeHasAVietnameseMessage) {
  for (ErrorCode c :
       {ErrorCode::kInvalidArgument, ErrorCode::kNotFound, ErrorCode::kAlreadyExists,
        ErrorCode::kFailedPrecondition, ErrorCode::kPermissionDenied, ErrorCode::kUnauthenticated,
        ErrorCode::kResourceExhausted, ErrorCode::kUnavailable, ErrorCode::kInternal}) {
    std::string m = LocalizedMessage(ErrorCodeName(c));
    EXPECT_FALSE(m.empty());
    if (c != ErrorCode::kInternal) {
      EXPECT_NE(m, LocalizedMessage("internal")) << ErrorCodeName(c);
    }
  }
  EXPECT_NE(LocalizedMessage("not_found").find("Không tìm thấy"), std::string::npos);
}

TEST(ErrorToStatusTest, InternalDetailsNeverReachUsers) {
  Error e = MakeError(ErrorCode::kInternal, "sqlite3_step: disk I/O error at /var/x.db");
  EXPECT_EQ(UserMessage(e).find("sqlite"), std::string::npos);
}

TEST(ErrorToStatusTest, JsonBodyCarriesCodeMessageAndFields) {
  Error e{ErrorCode::kInvalidArgument, "Thông tin chưa hợp lệ.", {{"name", "Chưa nhập tên."}}};
  HttpResponse r = JsonErrorResponse(e);
  EXPECT_EQ(r.status, 400);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "invalid_argument");
  EXPECT_EQ(j["error"]["message"], "Thông tin chưa hợp lệ.");
  EXPECT_EQ(j["error"]["fields"][0]["field"], "name");
  EXPECT_EQ(j["error"]["fields"][0]["message"], "Chưa nhập tên.");
}

}  // namespace
}  // namespace doithoai::http
