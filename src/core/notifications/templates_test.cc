#include "core/notifications/templates.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

TEST(TemplatesTest, EveryEventHasAValidBuiltInTemplate) {
  for (const EventInfo& e : NotificationEvents()) {
    const MessageTemplate t = DefaultTemplate(e.event);
    EXPECT_FALSE(t.body.empty()) << e.event;
    Status s = ValidateTemplate(t);
    EXPECT_TRUE(s.ok()) << e.event << ": " << (s.ok() ? "" : s.error().message);
  }
}

TEST(TemplatesTest, PlaceholdersAreListedInOrderWithoutDuplicates) {
  Result<std::vector<std::string>> names = Placeholders("{a} và {b}, lại {a}");
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(Placeholders("mở {a nhưng không đóng").ok());
  EXPECT_FALSE(Placeholders("rỗng {}").ok());
}

TEST(TemplatesTest, UnknownPlaceholderIsRefusedWithTheValidOnes) {
  // Issue #6 bad input: a template with an unknown placeholder is refused.
  MessageTemplate t{std::string(kEventReceived), "Đã nhận đơn", "Đơn {ma_dn} đã nhận"};
  Status s = ValidateTemplate(t);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  ASSERT_FALSE(s.error().fields.empty());
  EXPECT_EQ(s.error().fields.front().field, "body");
  EXPECT_NE(s.error().message.find("{ma_dn}"), std::string::npos);
  EXPECT_NE(s.error().message.find("{ma_don}"), std::string::npos);  // lists the valid ones
}

TEST(TemplatesTest, PlaceholderOfAnotherEventIsRefused) {
  // {danh_sach} belongs to the digest, not to a citizen's receipt.
  MessageTemplate t{std::string(kEventReceived), "", "Xem {danh_sach}"};
  EXPECT_FALSE(ValidateTemplate(t).ok());
  t.event = std::string(kEventDigest);
  EXPECT_TRUE(ValidateTemplate(t).ok());
}

TEST(TemplatesTest, EmptyBodyAndUnknownEventAreRefused) {
  EXPECT_FALSE(ValidateTemplate({std::string(kEventReceived), "x", "  "}).ok());
  EXPECT_FALSE(ValidateTemplate({"no.such.event", "", "x"}).ok());
  EXPECT_FALSE(FindEvent("no.such.event"));
}

TEST(TemplatesTest, RenderReplacesKnownValuesAndBlanksMissingOnes) {
  EXPECT_EQ(RenderTemplate("Đơn {ma_don} của {ten_xa}{khong_co}.",
                           {{"ma_don", "HT-26-0001-K"}, {"ten_xa", "UBND xã Hoằng Trường"}}),
            "Đơn HT-26-0001-K của UBND xã Hoằng Trường.");
  EXPECT_EQ(RenderTemplate("không có chỗ trống", {}), "không có chỗ trống");
  EXPECT_EQ(RenderTemplate("dở {dang", {{"dang", "x"}}), "dở {dang");
}

}  // namespace
}  // namespace doithoai
