#include "core/conferences/conference.h"

#include <gtest/gtest.h>

namespace doithoai {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

Conference Valid() {
  Conference c;
  c.year = 2026;
  c.subject = "Tổ chức hội nghị đối thoại với Nhân dân năm 2026";
  c.plan_date = D("2026-11-02");
  ConferenceSession s;
  s.number = 1;
  s.date = D("2026-12-04");
  s.start_minute = 450;
  s.duration_minutes = 240;
  s.venue = "Hội trường UBND xã";
  s.villages = {VillageId{1}, VillageId{2}};
  c.sessions.push_back(s);
  Invitee i;
  i.number = 1;
  i.name = "Thường trực Đảng ủy xã";
  i.address = "Trụ sở Đảng ủy xã";
  c.invitees.push_back(i);
  return c;
}

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok()) {
    for (const auto& f : s.error().fields) out.push_back(f.field);
  }
  return out;
}

TEST(ConferenceTest, AValidConferencePasses) {
  EXPECT_TRUE(ValidateConference(Valid(), D("2026-11-02")).ok());
}

TEST(ConferenceTest, EachProblemIsNamedInVietnamese) {
  Conference c = Valid();
  c.sessions[0].villages.clear();  // DLG-03
  c.sessions[0].venue = " ";
  c.invitees[0].address.clear();
  c.budget.push_back({1, "Nước uống", "người", -1, 10000, "", std::nullopt});
  Status s = ValidateConference(c, D("2026-11-02"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(s), (std::vector<std::string>{"session.1.villages", "session.1.venue",
                                                 "invitee.1.address", "budget.1"}));
  EXPECT_NE(s.error().fields[0].message.find("ít nhất một thôn"), std::string::npos);
  EXPECT_NE(s.error().fields[2].message.find("Thường trực Đảng ủy xã"), std::string::npos);
}

TEST(ConferenceTest, APastPlanDateNeedsTheRecordedPastChoice) {
  Conference c = Valid();
  EXPECT_EQ(Fields(ValidateConference(c, D("2026-11-03"))), std::vector<std::string>{"plan_date"});
  c.recorded_past = true;
  EXPECT_TRUE(ValidateConference(c, D("2026-11-03")).ok());
}

TEST(ConferenceTest, SessionsNeedDistinctNumbersAndDatesAfterThePlan) {
  Conference c = Valid();
  c.sessions.push_back(c.sessions[0]);
  c.sessions[1].date = D("2026-10-30");
  auto fields = Fields(ValidateConference(c, D("2026-11-02")));
  EXPECT_EQ(fields, (std::vector<std::string>{"session.1.number", "session.1.date"}));
  // An online conference needs no venue and may have no session yet (DLG-02).
  Conference online = Valid();
  online.mode = ConferenceMode::kOnline;
  online.sessions[0].venue.clear();
  EXPECT_TRUE(ValidateConference(online, D("2026-11-02")).ok());
  online.sessions.clear();
  EXPECT_TRUE(ValidateConference(online, D("2026-11-02")).ok());
  Conference in_person = Valid();
  in_person.sessions.clear();
  EXPECT_EQ(Fields(ValidateConference(in_person, D("2026-11-02"))),
            std::vector<std::string>{"sessions"});
}

TEST(ConferenceTest, DatesTotalsAndText) {
  Conference c = Valid();
  ConferenceSession second = c.sessions[0];
  second.number = 2;
  second.date = D("2026-12-11");
  c.sessions.push_back(second);
  EXPECT_EQ(c.FirstDate(), D("2026-12-04"));
  EXPECT_EQ(c.LastDate(), D("2026-12-11"));
  c.budget = {{1, "Nước uống", "người", 150, 10'000, "", 1'400'000},
              {2, "Hoa, khánh tiết", "gói", 0.5, 1'000'001, "", std::nullopt}};
  EXPECT_EQ(c.budget[1].Estimate(), 500'001);  // rounded to the đồng
  EXPECT_EQ(c.EstimateTotal(), 2'000'001);
  EXPECT_EQ(c.ActualTotal(), 1'400'000);
  EXPECT_EQ(FormatClock(450), "07 giờ 30");
  EXPECT_EQ(FormatClock(14 * 60), "14 giờ 00");
  ConferenceSession s;
  s.duration_minutes = 240;
  EXPECT_EQ(DurationText(s), "½ ngày");
  s.duration_minutes = 480;
  EXPECT_EQ(DurationText(s), "01 ngày");
  s.duration_minutes = 150;
  EXPECT_EQ(DurationText(s), "2 giờ 30 phút");
  s.duration_label = "Buổi sáng";
  EXPECT_EQ(DurationText(s), "Buổi sáng");
}

TEST(ConferenceTest, CodesRoundTripAndUnknownCodesAreRefused) {
  for (auto v : {ConferenceState::kDraftPlan, ConferenceState::kNoticePublished,
                 ConferenceState::kBudgetSettled, ConferenceState::kCancelled}) {
    EXPECT_EQ(ParseConferenceState(ConferenceStateCode(v)).value(), v);
    EXPECT_FALSE(ConferenceStateLabel(v).empty());
  }
  for (auto v : {PublicationChannel::kLoudspeaker, PublicationChannel::kVillageHeads}) {
    EXPECT_EQ(ParsePublicationChannel(PublicationChannelCode(v)).value(), v);
  }
  EXPECT_EQ(ParseConferencePurpose("on_request").value(), ConferencePurpose::kOnRequest);
  EXPECT_EQ(ParseConferenceMode("social_network").value(), ConferenceMode::kSocialNetwork);
  EXPECT_EQ(ParseInvitationStatus("declined").value(), InvitationStatus::kDeclined);
  EXPECT_EQ(ParseParticipantGroup("village").value(), ParticipantGroup::kVillage);
  auto bad = ParseConferenceMode("radio");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("Hình thức hội nghị không hợp lệ"), std::string::npos);
}

}  // namespace
}  // namespace doithoai
