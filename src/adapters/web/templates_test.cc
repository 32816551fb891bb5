#include "adapters/web/templates.h"

#include <gtest/gtest.h>

namespace doithoai::web {
namespace {

TEST(TemplatesTest, PageIsWrappedInTheVietnameseLayout) {
  nlohmann::json page = {{"title", "Lỗi"},
                         {"site_name", "UBND xã Hoằng Trường"},
                         {"heading", "Không tìm thấy"},
                         {"message", "Trang không có."},
                         {"request_id", "abc"},
                         {"has_fields", false}};
  auto html = RenderPage("error", page);
  ASSERT_TRUE(html.ok()) << html.error().message;
  EXPECT_NE(html->find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html->find("<main id=\"noi-dung\""), std::string::npos);
  EXPECT_NE(html->find("UBND xã Hoằng Trường"), std::string::npos);
  EXPECT_NE(html->find("Không tìm thấy"), std::string::npos);
  EXPECT_EQ(html->find("<script"), std::string::npos);  // CSP: no inline script
}

TEST(TemplatesTest, EscapesUserText) {
  nlohmann::json page = {
      {"heading", "<script>alert(1)</script>"}, {"message", "a & b"}, {"request_id", "x"}};
  auto html = RenderTemplate("error", page);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html->find("a &amp; b"), std::string::npos);
}

TEST(TemplatesTest, UnknownTemplateIsNotFound) {
  auto html = RenderTemplate("no_such_page", nlohmann::json::object());
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace doithoai::web
