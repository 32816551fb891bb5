#include "adapters/json/petition_json.h"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace doithoai::json {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }
Timestamp Ms(int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

// A petition with every field away from its default.
Petition FullPetition() {
  Petition p;
  p.id = PetitionId{42};
  p.commune_id = CommuneId{3};
  p.code = "HT-26-0007-X";
  p.year = 2026;
  p.sequence = 7;
  p.channel = PetitionChannel::kVillageHead;
  p.submitter =
      Submitter{"Nguyễn Thị Đào", "0912345678", "Thôn Trung Thành", VillageId{9}, "038123456789"};
  p.phone_digest = "ab12";
  p.village_id = VillageId{9};
  p.conference_id = ConferenceId{5};
  p.session_number = 2;
  p.form_token = "tok-1";
  p.received_on = D(2026, 1, 5);
  p.received_at = Ms(1767600000123);
  p.version = 4;
  p.escalated = true;

  PetitionItem a;
  a.number = 1;
  a.text = "Đường liên thôn xuống cấp";
  a.petition_class = PetitionClass::kComplaint;
  a.class_confirmed = true;
  a.field = "giao-thong";
  a.status = ItemStatus::kInProgress;
  a.unit_id = UnitId{11};
  a.official_id = OfficialId{12};
  a.step = "resolve";
  a.rule_id = "KN-03";
  a.step_start = D(2026, 1, 8);
  a.deadline = D(2026, 2, 7);
  a.internal_target = D(2026, 2, 1);
  a.complex = true;
  a.complex_reason = "Nhiều hộ liên quan";
  a.complex_approver = "Chủ tịch UBND xã";
  a.extensions = {
      DeadlineExtension{30, "Cần xác minh thêm", "Chủ tịch", D(2026, 2, 5), D(2026, 3, 9)}};
  a.answer = PetitionAnswer{"Đã sửa", "cafe", true, D(2026, 3, 1), "Ông Lê Văn B"};
  a.rating = PetitionRating{false, "Chưa thỏa đáng", Ms(1772400000000)};
  a.forwarded_to = "UBND tỉnh";
  a.filing_reason = FilingReason::kDuplicate;
  a.status_note = "Mở lại theo đề nghị";
  PetitionItem b;
  b.number = 2;
  b.text = "Đèn đường hỏng";
  p.items = {a, b};
  p.attachments = {PetitionAttachment{"00ff", "anh.jpg", "image/jpeg", 1234, true}};
  p.history = {HistoryEntry{Ms(1767600000123), "Công dân", 0, "received", "", "received",
                            "Qua trưởng thôn", "TCD-07"}};
  return p;
}

TEST(PetitionJsonTest, RoundTripsEveryField) {
  const Petition want = FullPetition();
  const std::string text = PetitionToJson(want);
  Result<Petition> got = PetitionFromJson(text);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(PetitionToJson(*got), text);

  EXPECT_EQ(got->id, want.id);
  EXPECT_EQ(got->commune_id, want.commune_id);
  EXPECT_EQ(got->code, "HT-26-0007-X");
  EXPECT_EQ(got->sequence, 7);
  EXPECT_EQ(got->channel, PetitionChannel::kVillageHead);
  EXPECT_EQ(got->submitter, want.submitter);
  EXPECT_EQ(got->received_at, want.received_at);
  EXPECT_TRUE(got->escalated);
  ASSERT_EQ(got->items.size(), 2u);
  const PetitionItem& a = got->items[0];
  EXPECT_EQ(a.petition_class, PetitionClass::kComplaint);
  EXPECT_EQ(a.status, ItemStatus::kInProgress);
  EXPECT_EQ(a.deadline, D(2026, 2, 7));
  EXPECT_EQ(a.unit_id, UnitId{11});
  ASSERT_EQ(a.extensions.size(), 1u);
  EXPECT_EQ(a.extensions[0].new_deadline, D(2026, 3, 9));
  ASSERT_TRUE(a.answer.has_value());
  EXPECT_TRUE(a.answer->published);
  ASSERT_TRUE(a.rating.has_value());
  EXPECT_EQ(a.rating->at, Ms(1772400000000));
  EXPECT_EQ(a.filing_reason, FilingReason::kDuplicate);
  EXPECT_FALSE(got->items[1].deadline.has_value());
  EXPECT_FALSE(got->items[1].answer.has_value());
  ASSERT_EQ(got->history.size(), 1u);
  EXPECT_EQ(got->history[0].rule_id, "TCD-07");
  ASSERT_EQ(got->attachments.size(), 1u);
  EXPECT_TRUE(got->attachments[0].sealed);
  EXPECT_EQ(got->attachments[0].size, 1234);
}

TEST(PetitionJsonTest, UsesCodesIsoDatesAndMilliseconds) {
  nlohmann::json j = nlohmann::json::parse(PetitionToJson(FullPetition()));
  EXPECT_EQ(j["channel"], "village_head");
  EXPECT_EQ(j["received_on"], "2026-01-05");
  EXPECT_EQ(j["received_at"], 1767600000123);
  EXPECT_EQ(j["items"][0]["class"], "complaint");
  EXPECT_EQ(j["items"][0]["status"], "in_progress");
  EXPECT_EQ(j["items"][0]["filing_reason"], "duplicate");
  EXPECT_EQ(j["items"][1]["deadline"], nullptr);
  EXPECT_EQ(j["submitter"]["name"], "Nguyễn Thị Đào");
}

// CONF-01: the stored form of a sealed petition holds the sealed bytes only.
TEST(PetitionJsonTest, SealedIdentityNeverWritesThePlaintextSubmitter) {
  Petition p = FullPetition();
  p.identity_sealed = true;
  p.submitter = Submitter{"MARKER-NAME", "0999888777", "MARKER-ADDRESS", VillageId{9}, "MARKER-ID"};
  p.sealed_identity = std::string("\x00\xff\x10sealed\x80", 10);
  const std::string text = PetitionToJson(p);
  EXPECT_EQ(text.find("MARKER"), std::string::npos) << text;
  EXPECT_EQ(text.find("0999888777"), std::string::npos) << text;
  EXPECT_FALSE(nlohmann::json::parse(text).contains("submitter"));

  Result<Petition> got = PetitionFromJson(text);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_TRUE(got->identity_sealed);
  EXPECT_EQ(got->sealed_identity, p.sealed_identity);
  EXPECT_EQ(got->submitter, Submitter{});
}

TEST(PetitionJsonTest, MissingKeysKeepDefaults) {
  Result<Petition> got = PetitionFromJson("{}");
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->channel, PetitionChannel::kOnline);
  EXPECT_TRUE(got->items.empty());
  EXPECT_EQ(got->version, 0);

  Result<Petition> item = PetitionFromJson(R"({"items": [{"number": 1, "text": "x"}]})");
  ASSERT_TRUE(item.ok()) << item.error().message;
  ASSERT_EQ(item->items.size(), 1u);
  EXPECT_EQ(item->items[0].petition_class, PetitionClass::kProposal);
  EXPECT_EQ(item->items[0].status, ItemStatus::kReceived);
}

TEST(PetitionJsonTest, WrongValuesNameTheKeyPath) {
  struct Case {
    const char* text;
    const char* path;
  };
  for (const Case& c : {
           Case{R"({"items": [{"deadline": "2026-13-01"}]})", "items[0].deadline"},
           Case{R"({"items": [{}, {"status": "done"}]})", "items[1].status"},
           Case{R"({"items": [{"class": "Tố cáo"}]})", "items[0].class"},  // codes only
           Case{R"({"channel": "Trực tuyến"})", "channel"},
           Case{R"({"received_at": "1767600000123"})", "received_at"},
           Case{R"({"village_id": -1})", "village_id"},
           Case{R"({"sealed_identity": "not base64!"})", "sealed_identity"},
           Case{R"({"history": [{"at": 1.5}]})", "history[0].at"},
           Case{R"({"items": [{"answer": {"published": "yes"}}]})", "items[0].answer.published"},
           Case{R"({"submitter": []})", "submitter"},
       }) {
    Result<Petition> got = PetitionFromJson(c.text);
    ASSERT_FALSE(got.ok()) << c.text;
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument) << c.text;
    ASSERT_EQ(got.error().fields.size(), 1u) << c.text;
    EXPECT_EQ(got.error().fields[0].field, c.path) << c.text;
  }
}

TEST(PetitionJsonTest, RejectsTextThatIsNotAJsonObject) {
  for (const char* text : {"", "{", "[]", "null", "\"x\""}) {
    Result<Petition> got = PetitionFromJson(text);
    ASSERT_FALSE(got.ok()) << text;
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument) << text;
  }
}

TEST(PetitionJsonTest, SettingsRoundTripAndDefaults) {
  PetitionSettings s;
  s.fields = {PetitionField{"dat-dai", "đất đai"}, PetitionField{"khac", "khác"}};
  s.dissatisfied_action = DissatisfiedAction::kEscalate;
  s.due_soon_days = 5;
  Result<PetitionSettings> got = SettingsFromJson(SettingsToJson(s));
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->fields, s.fields);
  EXPECT_EQ(got->dissatisfied_action, DissatisfiedAction::kEscalate);
  EXPECT_EQ(got->due_soon_days, 5);

  Result<PetitionSettings> defaults = SettingsFromJson("{}");
  ASSERT_TRUE(defaults.ok());
  EXPECT_TRUE(defaults->fields.empty());
  EXPECT_EQ(defaults->dissatisfied_action, DissatisfiedAction::kReopen);
  EXPECT_EQ(defaults->due_soon_days, 3);

  Result<PetitionSettings> bad = SettingsFromJson(R"({"dissatisfied_action": "ignore"})");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "dissatisfied_action");
}

TEST(PetitionJsonTest, Base64MatchesRfc4648AndDecodesStrictly) {
  // RFC 4648 §10 test vectors.
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    Result<std::string> decoded = Base64Decode(encoded);
    ASSERT_TRUE(decoded.ok()) << encoded;
    EXPECT_EQ(*decoded, plain);
  }
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  EXPECT_EQ(Base64Decode(Base64Encode(all)).value(), all);
  for (const char* bad :
       {"Zg=", "Zm9v=", "Zh==", "Zm9=", "Z===", "Zm9v\n", "Zm 9", "Zg==Zg==", "Zm-v", "=Zm9"}) {
    EXPECT_FALSE(Base64Decode(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace doithoai::json
