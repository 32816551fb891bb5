#include "adapters/json/conference_json.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace doithoai {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

// A conference with every field set to a non-default value.
Conference FullConference() {
  Conference c;
  c.id = ConferenceId{42};
  c.commune_id = CommuneId{7};
  c.year = 2023;
  c.purpose = ConferencePurpose::kConsultation;
  c.mode = ConferenceMode::kOnline;
  c.state = ConferenceState::kNoticePublished;
  c.recorded_past = true;
  c.plan_date = D(2023, 11, 20);
  c.issuer_parent = "UBND HUYỆN HOẰNG HÓA";
  c.subject = "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023";
  c.intro = "Căn cứ Luật Tổ chức chính quyền địa phương;";
  c.objectives = {"Nắm bắt tâm tư, nguyện vọng", "Giải đáp kiến nghị"};
  c.principles = {"Dân chủ, công khai"};
  c.content_areas = {"Đất đai", "Môi trường"};
  c.preparation = {"Văn phòng chuẩn bị hội trường"};
  c.participants = {"Thường trực Đảng ủy", "Trưởng thôn"};
  c.budget_source = "Kinh phí hoạt động năm 2023 của UBND xã";
  c.assignments = {
      Assignment{"Văn phòng UBND xã", "chủ trì", {"Chuẩn bị hội trường", "Mời đại biểu"}},
      Assignment{"Công an xã", "", {}}};
  c.closing = "Trên đây là Kế hoạch …";
  c.recipients = {"- Thường trực Đảng ủy;", "- Lưu: VT."};
  c.how_to_attend = "Công dân đến trực tiếp hội trường";
  c.front_coordination = "Ủy ban MTTQ Việt Nam xã Hoằng Trường";
  c.chair = OfficialId{3};
  c.cochair = "Ông Lê Văn B, Phó Chủ tịch HĐND";
  c.secretary = OfficialId{4};
  c.signer = OfficialId{5};
  c.signer_authority = "KT. CHỦ TỊCH";

  ConferenceSession s1;
  s1.number = 1;
  s1.date = D(2023, 12, 8);
  s1.start_minute = 450;
  s1.duration_minutes = 240;
  s1.duration_label = "½ ngày";
  s1.venue = "Hội trường công sở xã Hoằng Trường";
  s1.villages = {VillageId{1}, VillageId{2}};
  s1.held = true;
  ConferenceSession s2 = s1;
  s2.number = 2;
  s2.date = D(2023, 12, 9);
  s2.villages = {VillageId{3}};
  s2.held = false;
  c.sessions = {s1, s2};

  c.agenda = {AgendaItem{1, 450, "Khai mạc hội nghị", "Chủ tịch UBND xã"},
              AgendaItem{0, 480, "Đối thoại", "Chủ tọa"}};

  Invitee inv;
  inv.number = 9;
  inv.group = ParticipantGroup::kVillage;
  inv.name = "Ông Lê Văn A";
  inv.title = "Bí thư Chi bộ thôn 1";
  inv.address = "Thôn 1";
  inv.village = VillageId{1};
  inv.session = 2;
  inv.status = InvitationStatus::kConfirmed;
  inv.token = "abc-_123";
  inv.checked_in_at = Timestamp(std::chrono::milliseconds(1702000000123));
  Invitee org;
  org.number = 10;
  org.group = ParticipantGroup::kInvitedAgency;
  org.name = "Ban Thường trực UB MTTQ";
  org.address = "Trụ sở xã";
  c.invitees = {inv, org};

  ConferenceTask task;
  task.number = 3;
  task.phase = TaskPhase::kAfter;
  task.kind = TaskKind::kResultsNotice;
  task.title = "Thông báo kết quả";
  task.unit = UnitId{11};
  task.official = OfficialId{12};
  task.offset_days = 10;
  task.due = D(2023, 12, 18);
  task.done_on = D(2023, 12, 15);
  ConferenceTask open_task;
  open_task.number = 4;
  open_task.kind = TaskKind::kPublicNotice;
  open_task.offset_days = -7;
  open_task.due = D(2023, 12, 1);
  c.tasks = {task, open_task};

  c.publications = {
      Publication{PublicationChannel::kLoudspeaker, D(2023, 11, 28), D(2023, 12, 7),
                  "Mỗi ngày 2 lần", "Đài hỏng"},
      Publication{PublicationChannel::kPortal, D(2023, 11, 29), std::nullopt, "", ""}};

  BudgetLine line;
  line.number = 1;
  line.item = "Nước uống, hoa quả";
  line.unit = "người";
  line.quantity = 120.5;
  line.unit_price = 20000;
  line.source = "Ngân sách xã";
  line.actual = 2400000;
  BudgetLine unsettled;
  unsettled.number = 2;
  unsettled.item = "Hoa";
  unsettled.quantity = 2;
  unsettled.unit_price = 150000;
  c.budget = {line, unsettled};

  c.version = 17;
  return c;
}

void ExpectSameConference(const Conference& a, const Conference& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.commune_id, b.commune_id);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.purpose, b.purpose);
  EXPECT_EQ(a.mode, b.mode);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.recorded_past, b.recorded_past);
  EXPECT_EQ(a.plan_date, b.plan_date);
  EXPECT_EQ(a.issuer_parent, b.issuer_parent);
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.intro, b.intro);
  EXPECT_EQ(a.objectives, b.objectives);
  EXPECT_EQ(a.principles, b.principles);
  EXPECT_EQ(a.content_areas, b.content_areas);
  EXPECT_EQ(a.preparation, b.preparation);
  EXPECT_EQ(a.participants, b.participants);
  EXPECT_EQ(a.budget_source, b.budget_source);
  ASSERT_EQ(a.assignments.size(), b.assignments.size());
  for (size_t i = 0; i < a.assignments.size(); ++i) {
    EXPECT_EQ(a.assignments[i].unit_title, b.assignments[i].unit_title);
    EXPECT_EQ(a.assignments[i].run_in, b.assignments[i].run_in);
    EXPECT_EQ(a.assignments[i].duties, b.assignments[i].duties);
  }
  EXPECT_EQ(a.closing, b.closing);
  EXPECT_EQ(a.recipients, b.recipients);
  EXPECT_EQ(a.how_to_attend, b.how_to_attend);
  EXPECT_EQ(a.front_coordination, b.front_coordination);
  EXPECT_EQ(a.chair, b.chair);
  EXPECT_EQ(a.cochair, b.cochair);
  EXPECT_EQ(a.secretary, b.secretary);
  EXPECT_EQ(a.signer, b.signer);
  EXPECT_EQ(a.signer_authority, b.signer_authority);
  ASSERT_EQ(a.sessions.size(), b.sessions.size());
  for (size_t i = 0; i < a.sessions.size(); ++i) {
    const ConferenceSession& x = a.sessions[i];
    const ConferenceSession& y = b.sessions[i];
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.start_minute, y.start_minute);
    EXPECT_EQ(x.duration_minutes, y.duration_minutes);
    EXPECT_EQ(x.duration_label, y.duration_label);
    EXPECT_EQ(x.venue, y.venue);
    EXPECT_EQ(x.villages, y.villages);
    EXPECT_EQ(x.held, y.held);
  }
  ASSERT_EQ(a.agenda.size(), b.agenda.size());
  for (size_t i = 0; i < a.agenda.size(); ++i) {
    EXPECT_EQ(a.agenda[i].session, b.agenda[i].session);
    EXPECT_EQ(a.agenda[i].start_minute, b.agenda[i].start_minute);
    EXPECT_EQ(a.agenda[i].content, b.agenda[i].content);
    EXPECT_EQ(a.agenda[i].presenter, b.agenda[i].presenter);
  }
  ASSERT_EQ(a.invitees.size(), b.invitees.size());
  for (size_t i = 0; i < a.invitees.size(); ++i) {
    const Invitee& x = a.invitees[i];
    const Invitee& y = b.invitees[i];
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.group, y.group);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.address, y.address);
    EXPECT_EQ(x.village, y.village);
    EXPECT_EQ(x.session, y.session);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.token, y.token);
    EXPECT_EQ(x.checked_in_at, y.checked_in_at);
  }
  ASSERT_EQ(a.tasks.size(), b.tasks.size());
  for (size_t i = 0; i < a.tasks.size(); ++i) {
    const ConferenceTask& x = a.tasks[i];
    const ConferenceTask& y = b.tasks[i];
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.phase, y.phase);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.title, y.title);
    EXPECT_EQ(x.unit, y.unit);
    EXPECT_EQ(x.official, y.official);
    EXPECT_EQ(x.offset_days, y.offset_days);
    EXPECT_EQ(x.due, y.due);
    EXPECT_EQ(x.done_on, y.done_on);
  }
  ASSERT_EQ(a.publications.size(), b.publications.size());
  for (size_t i = 0; i < a.publications.size(); ++i) {
    const Publication& x = a.publications[i];
    const Publication& y = b.publications[i];
    EXPECT_EQ(x.channel, y.channel);
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.note, y.note);
    EXPECT_EQ(x.late_reason, y.late_reason);
  }
  ASSERT_EQ(a.budget.size(), b.budget.size());
  for (size_t i = 0; i < a.budget.size(); ++i) {
    const BudgetLine& x = a.budget[i];
    const BudgetLine& y = b.budget[i];
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.item, y.item);
    EXPECT_EQ(x.unit, y.unit);
    EXPECT_DOUBLE_EQ(x.quantity, y.quantity);
    EXPECT_EQ(x.unit_price, y.unit_price);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.actual, y.actual);
  }
  EXPECT_EQ(a.version, b.version);
}

TEST(ConferenceJsonTest, RoundTripKeepsEveryField) {
  const Conference original = FullConference();
  nlohmann::json json = ConferenceToJson(original);
  // Through text too, as storage and the API do.
  Result<Conference> back = ConferenceFromJson(nlohmann::json::parse(json.dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  ExpectSameConference(original, *back);
  EXPECT_EQ(ConferenceToJson(*back), json);
}

TEST(ConferenceJsonTest, UsesReadableCodesDatesAndNulls) {
  Conference c = FullConference();
  c.secretary.reset();
  nlohmann::json json = ConferenceToJson(c);
  EXPECT_EQ(json["id"], 42);
  EXPECT_EQ(json["commune_id"], 7);
  EXPECT_EQ(json["purpose"], "consultation");
  EXPECT_EQ(json["mode"], "online");
  EXPECT_EQ(json["state"], "notice_published");
  EXPECT_EQ(json["plan_date"], "2023-11-20");
  EXPECT_EQ(json["chair"], 3);
  EXPECT_TRUE(json["secretary"].is_null());
  EXPECT_EQ(json["sessions"][0]["date"], "2023-12-08");
  EXPECT_EQ(json["sessions"][0]["villages"], nlohmann::json::array({1, 2}));
  EXPECT_EQ(json["invitees"][0]["group"], "village");
  EXPECT_EQ(json["invitees"][0]["status"], "confirmed");
  EXPECT_EQ(json["invitees"][0]["checked_in_at"], 1702000000123);
  EXPECT_TRUE(json["invitees"][1]["checked_in_at"].is_null());
  EXPECT_TRUE(json["invitees"][1]["village"].is_null());
  EXPECT_EQ(json["tasks"][0]["phase"], "after");
  EXPECT_EQ(json["tasks"][0]["kind"], "results_notice");
  EXPECT_TRUE(json["tasks"][1]["done_on"].is_null());
  EXPECT_EQ(json["publications"][0]["channel"], "loudspeaker");
  EXPECT_TRUE(json["publications"][1]["end"].is_null());
  EXPECT_TRUE(json["budget"][1]["actual"].is_null());
  EXPECT_EQ(json["version"], 17);
}

TEST(ConferenceJsonTest, DefaultConferenceRoundTrips) {
  Result<Conference> back = ConferenceFromJson(ConferenceToJson(Conference{}));
  ASSERT_TRUE(back.ok()) << back.error().message;
  ExpectSameConference(Conference{}, *back);
}

TEST(ConferenceJsonTest, MissingKeysKeepDefaultsAndUnknownKeysAreIgnored) {
  Result<Conference> c = ConferenceFromJson(
      nlohmann::json::parse(R"({"year": 2024, "subject": "Đối thoại", "later_field": [1]})"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->year, 2024);
  EXPECT_EQ(c->subject, "Đối thoại");
  EXPECT_EQ(c->state, ConferenceState::kDraftPlan);
  EXPECT_TRUE(c->sessions.empty());
  EXPECT_FALSE(c->chair.has_value());
}

// Each malformed document is refused with kInvalidArgument, a Vietnamese
// message and the offending key path; nothing throws.
TEST(ConferenceJsonTest, MalformedDocumentsAreInvalidArgument) {
  struct Case {
    const char* text;
    const char* field;  // "" when the whole document is wrong
  };
  const Case cases[] = {
      {R"([1, 2])", ""},
      {R"("hội nghị")", ""},
      {R"(null)", ""},
      {R"({"year": "2023"})", "year"},
      {R"({"year": 2023.5})", "year"},
      {R"({"year": 99999999999})", "year"},
      {R"({"id": -1})", "id"},
      {R"({"version": 18446744073709551615})", "version"},
      {R"({"purpose": "yearly"})", "purpose"},
      {R"({"state": 3})", "state"},
      {R"({"recorded_past": 1})", "recorded_past"},
      {R"({"plan_date": "08/12/2023"})", "plan_date"},
      {R"({"plan_date": "2023-02-30"})", "plan_date"},
      {R"({"plan_date": null})", "plan_date"},
      {R"({"subject": null})", "subject"},
      {R"({"objectives": "một"})", "objectives"},
      {R"({"objectives": ["a", 2]})", "objectives[1]"},
      {R"({"chair": "3"})", "chair"},
      {R"({"sessions": {}})", "sessions"},
      {R"({"sessions": [5]})", "sessions[0]"},
      {R"({"sessions": [{"date": "2023-12-08"}, {"villages": [1, "x"]}]})",
       "sessions[1].villages[1]"},
      {R"({"invitees": [{"group": "nobody"}]})", "invitees[0].group"},
      {R"({"invitees": [{"checked_in_at": "hôm qua"}]})", "invitees[0].checked_in_at"},
      {R"({"tasks": [{"kind": "other"}]})", "tasks[0].kind"},
      {R"({"tasks": [{"done_on": "2023-13-01"}]})", "tasks[0].done_on"},
      {R"({"publications": [{"channel": "tv"}]})", "publications[0].channel"},
      {R"({"budget": [{"quantity": "2"}]})", "budget[0].quantity"},
      {R"({"budget": [{"actual": 1.5}]})", "budget[0].actual"},
      {R"({"assignments": [{"duties": [null]}]})", "assignments[0].duties[0]"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Result<Conference> got = ConferenceFromJson(nlohmann::json::parse(c.text));
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(got.error().message.find("Dữ liệu hội nghị"), std::string::npos)
        << got.error().message;
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(got.error().fields.empty());
    } else {
      ASSERT_EQ(got.error().fields.size(), 1u);
      EXPECT_EQ(got.error().fields[0].field, c.field);
      EXPECT_NE(got.error().message.find(std::string("\"") + c.field + "\""), std::string::npos)
          << got.error().message;
    }
  }
}

}  // namespace
}  // namespace doithoai
