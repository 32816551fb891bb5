#include "core/notifications/notification_planner.h"

#include <gtest/gtest.h>

#include "core/testing/calendar_fixtures.h"

namespace doithoai {
namespace {

using testing::D;

MessageContext Context() {
  MessageContext ctx;
  ctx.commune.id = CommuneId{1};
  ctx.commune.slug = "hoang-truong";
  ctx.commune.name = "Hoằng Trường";
  Unit unit;
  unit.id = UnitId{3};
  unit.name = "Địa chính – Xây dựng";
  ctx.units = {unit};
  ctx.fields = DefaultPetitionFields();
  ctx.public_url = "https://doithoai.example.vn/";
  return ctx;
}

Petition Sample(bool sealed) {
  Petition p;
  p.id = PetitionId{42};
  p.commune_id = CommuneId{1};
  p.code = "HT-26-0042-K";
  p.received_on = D("2026-11-27");
  p.submitter = {"Nguyễn Thị Đào", "0912345678", "Xóm Bắc, Thôn 3", VillageId{3}, "038123456789"};
  PetitionItem item;
  item.number = 1;
  item.text = "Ông X nhận tiền để cấp sổ đỏ";
  item.petition_class = sealed ? PetitionClass::kDenunciation : PetitionClass::kProposal;
  item.unit_id = UnitId{3};
  item.deadline = D("2026-12-28");
  p.items.push_back(item);
  if (sealed) {
    p.identity_sealed = true;
    p.sealed_identity = "opaque";
    p.submitter = Submitter{};  // CONF-01: never in clear once sealed
  }
  return p;
}

TEST(NotificationPlannerTest, ReceiptGoesToTheCitizensPhoneWithTheTrackingLink) {
  std::optional<OutboxMessage> m = CitizenMessage(Sample(false), kEventReceived, 0, Context());
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->state, DeliveryState::kQueued);
  EXPECT_EQ(m->address, "0912345678");
  EXPECT_EQ(m->channel, MessageChannel::kSms);
  EXPECT_EQ(m->recipient_kind, "citizen");
  EXPECT_NE(m->body.find("HT-26-0042-K"), std::string::npos);
  EXPECT_NE(m->body.find("https://doithoai.example.vn/tra-cuu/HT-26-0042-K"), std::string::npos);
  EXPECT_NE(m->body.find("27/11/2026"), std::string::npos);
  EXPECT_NE(m->subject.find("UBND xã Hoằng Trường"), std::string::npos);
}

TEST(NotificationPlannerTest, MessageToADenouncerIsWithheldAndCarriesNoIdentity) {
  // CONF-01, issue #6 §5.
  std::optional<OutboxMessage> m = CitizenMessage(Sample(true), kEventAnswered, 1, Context());
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->state, DeliveryState::kWithheld);
  EXPECT_TRUE(m->address.empty());
  EXPECT_EQ(m->recipient_name, "Người tố cáo HT-26-0042-K");
  for (const char* secret : {"Nguyễn Thị Đào", "0912345678", "Xóm Bắc", "038123456789"}) {
    EXPECT_EQ(m->body.find(secret), std::string::npos) << secret;
    EXPECT_EQ(m->subject.find(secret), std::string::npos) << secret;
  }
}

TEST(NotificationPlannerTest, NoPhoneNoMessage) {
  Petition p = Sample(false);
  p.submitter.phone.clear();
  EXPECT_FALSE(CitizenMessage(p, kEventReceived, 0, Context()).has_value());
}

TEST(NotificationPlannerTest, TheCommunesOwnTemplateIsUsed) {
  MessageContext ctx = Context();
  ctx.settings.templates.push_back(
      {std::string(kEventReceived), "Biên nhận", "Xã đã nhận đơn {ma_don}."});
  std::optional<OutboxMessage> m = CitizenMessage(Sample(false), kEventReceived, 0, ctx);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->subject, "Biên nhận");
  EXPECT_EQ(m->body, "Xã đã nhận đơn HT-26-0042-K.");
}

TEST(NotificationPlannerTest, DigestListsCodesNotNamesAndUsesTheOfficialsContact) {
  MessageContext ctx = Context();
  ctx.settings.contacts.push_back({OfficialId{2}, "0987654321", "", MessageChannel::kZalo});
  Official o;
  o.id = OfficialId{2};
  o.full_name = "Nguyễn Địa";
  ItemReminder overdue;
  overdue.code = "HT-26-0042-K";
  overdue.item = 1;
  overdue.kind = ReminderKind::kOverdue;
  overdue.deadline = D("2026-11-20");
  overdue.working_days = 5;
  overdue.field = "dat-dai-moi-truong";
  ItemReminder soon = overdue;
  soon.code = "HT-26-0043-P";
  soon.kind = ReminderKind::kDueSoon;
  soon.working_days = 0;
  Digest digest{OfficialId{2}, {overdue, soon}};
  const OutboxMessage m = DigestMessage(digest, o, D("2026-11-27"), ctx);
  EXPECT_EQ(m.address, "0987654321");
  EXPECT_EQ(m.channel, MessageChannel::kZalo);
  EXPECT_EQ(m.official_id, OfficialId{2});
  EXPECT_NE(m.subject.find("2 việc"), std::string::npos);
  EXPECT_NE(m.body.find("HT-26-0042-K"), std::string::npos);
  EXPECT_NE(m.body.find("QUÁ HẠN 5 ngày làm việc"), std::string::npos);
  EXPECT_NE(m.body.find("đến hạn HÔM NAY"), std::string::npos);
  EXPECT_NE(m.body.find("đất đai"), std::string::npos);
}

TEST(NotificationPlannerTest, OfficialWithoutContactGetsAnUnaddressedMessage) {
  Official o;
  o.id = OfficialId{9};
  o.full_name = "Chưa Có Số";
  ItemReminder r;
  r.code = "HT-26-0042-K";
  r.deadline = D("2026-11-20");
  r.unit_id = UnitId{3};
  const OutboxMessage m = EscalationMessage(r, o, Context());
  EXPECT_TRUE(m.address.empty());
  EXPECT_EQ(m.recipient_kind, "chairman");
  EXPECT_NE(m.body.find("Địa chính – Xây dựng"), std::string::npos);
}

}  // namespace
}  // namespace doithoai
