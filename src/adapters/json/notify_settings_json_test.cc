#include "adapters/json/notify_settings_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace doithoai::json {
namespace {

NotificationSettings Sample() {
  NotificationSettings s;
  s.contacts = {
      {OfficialId{3}, "0912345678", "", MessageChannel::kSms},
      {OfficialId{4}, "", "dia.chinh@hoangtruong.gov.vn", MessageChannel::kEmail},
      {OfficialId{9}, "0987654321", "cttd@example.vn", MessageChannel::kZalo},
  };
  s.village_heads = {
      {VillageId{21}, "Ông Lê Văn Tám", "0900000201", "", MessageChannel::kSms},
      {VillageId{22}, "", "", "thon2@example.vn", MessageChannel::kEmail},
  };
  s.chairman_id = OfficialId{4};
  s.escalate_after_days = 10;
  s.notify_citizen_on_assign = true;
  s.rate_request_after_days = 0;
  s.templates = {{"petition.received", "Đã nhận đơn {ma_don}", "Xã đã nhận đơn của ông/bà."}};
  return s;
}

void ExpectSame(const NotificationSettings& got, const NotificationSettings& want) {
  EXPECT_EQ(got.contacts, want.contacts);
  EXPECT_EQ(got.village_heads, want.village_heads);
  EXPECT_EQ(got.chairman_id, want.chairman_id);
  EXPECT_EQ(got.escalate_after_days, want.escalate_after_days);
  EXPECT_EQ(got.notify_citizen_on_assign, want.notify_citizen_on_assign);
  EXPECT_EQ(got.rate_request_after_days, want.rate_request_after_days);
  EXPECT_EQ(got.templates, want.templates);
}

TEST(NotifySettingsJsonTest, RoundTripsEveryField) {
  const NotificationSettings want = Sample();
  Result<NotificationSettings> got = NotificationSettingsFromJson(NotificationSettingsToJson(want));
  ASSERT_TRUE(got.ok()) << got.error().message;
  ExpectSame(*got, want);

  Result<NotificationSettings> defaults =
      NotificationSettingsFromJson(NotificationSettingsToJson(NotificationSettings{}));
  ASSERT_TRUE(defaults.ok()) << defaults.error().message;
  ExpectSame(*defaults, NotificationSettings{});
}

TEST(NotifySettingsJsonTest, WritesTheDocumentedKeys) {
  const nlohmann::json j = nlohmann::json::parse(NotificationSettingsToJson(Sample()));
  EXPECT_EQ(j["contacts"][0],
            nlohmann::json(
                {{"official_id", 3}, {"phone", "0912345678"}, {"email", ""}, {"channel", "sms"}}));
  EXPECT_EQ(j["contacts"][1]["channel"], "email");
  EXPECT_EQ(j["contacts"][2]["channel"], "zalo");
  EXPECT_EQ(j["chairman_id"], 4);
  EXPECT_EQ(j["escalate_after_days"], 10);
  EXPECT_EQ(j["notify_citizen_on_assign"], true);
  EXPECT_EQ(j["rate_request_after_days"], 0);
  EXPECT_EQ(j["templates"][0], nlohmann::json({{"event", "petition.received"},
                                               {"subject", "Đã nhận đơn {ma_don}"},
                                               {"body", "Xã đã nhận đơn của ông/bà."}}));
  const nlohmann::json none = nlohmann::json::parse(NotificationSettingsToJson({}));
  EXPECT_TRUE(none["chairman_id"].is_null());
  EXPECT_EQ(none["contacts"], nlohmann::json::array());
  EXPECT_EQ(none["templates"], nlohmann::json::array());
}

TEST(NotifySettingsJsonTest, MissingKeysDefaultAndUnknownKeysAreIgnored) {
  Result<NotificationSettings> empty = NotificationSettingsFromJson("{}");
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  ExpectSame(*empty, NotificationSettings{});

  Result<NotificationSettings> partial = NotificationSettingsFromJson(
      R"({"escalate_after_days": 7, "future_key": {"x": 1},
          "contacts": [{"official_id": 5, "phone": "0912345678", "extra": true}],
          "chairman_id": null})");
  ASSERT_TRUE(partial.ok()) << partial.error().message;
  EXPECT_EQ(partial->escalate_after_days, 7);
  EXPECT_EQ(partial->rate_request_after_days, 2);
  EXPECT_FALSE(partial->notify_citizen_on_assign);
  EXPECT_EQ(partial->chairman_id, std::nullopt);
  ASSERT_EQ(partial->contacts.size(), 1u);
  EXPECT_EQ(partial->contacts[0].official_id, OfficialId{5});
  EXPECT_EQ(partial->contacts[0].email, "");
  EXPECT_EQ(partial->contacts[0].channel, MessageChannel::kSms);
}

TEST(NotifySettingsJsonTest, BadStoredDataIsAnInternalError) {
  for (const char* text : {"", "{", "not json", "[1, 2]", "null"}) {
    Result<NotificationSettings> r = NotificationSettingsFromJson(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInternal) << text;
    EXPECT_FALSE(r.error().message.empty());
  }
  struct Case {
    const char* text;
    const char* path;
  };
  for (const Case& c : {
           Case{R"({"escalate_after_days": "5"})", "escalate_after_days"},
           Case{R"({"notify_citizen_on_assign": 1})", "notify_citizen_on_assign"},
           Case{R"({"chairman_id": -3})", "chairman_id"},
           Case{R"({"contacts": {}})", "contacts"},
           Case{R"({"contacts": [{"channel": "fax"}]})", "contacts[0].channel"},
           Case{R"({"contacts": [{"channel": "SMS"}]})", "contacts[0].channel"},
           Case{R"({"templates": [{"event": 3}]})", "templates[0].event"},
           Case{R"({"templates": ["x"]})", "templates[0]"},
       }) {
    Result<NotificationSettings> r = NotificationSettingsFromJson(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, ErrorCode::kInternal) << c.text;
    EXPECT_NE(r.error().message.find(c.path), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace doithoai::json
