// Tests for the conference day and after (issue #7, conference_day.h): the
// secretary desk's exactly-once writes (speakers and opinions by client key,
// and the retry after a crash between the petition and its link), bad input
// changing nothing, the outcomes of an opinion (DLG-11), the tố cáo
// pseudonym (CONF-01/02/03), the session start and end, the minutes signed
// by the secretary and the chair and then locked (DLG-10), and the results
// notice with its deadline, publications and deliveries (DLG-08, DLG-12,
// PUB-01/02). Everything runs over the in-memory ports of
// conference_day_testing.h and a fake clock.
#include "core/conferences/conference_day.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/conferences/conference_day_testing.h"
#include "core/testing/calendar_fixtures.h"
#include "core/testing/fake_clock.h"

namespace doithoai {
namespace {

using day_testing::InMemoryAttachments;
using day_testing::InMemoryCommunes;
using day_testing::InMemoryConferences;
using day_testing::InMemoryPetitions;
using day_testing::TestVault;
using testing::D;

// `hour` o'clock on `iso`, Vietnam time (UTC+7).
Timestamp VietnamTime(const char* iso, int hour) {
  return Timestamp(D(iso).sys_days()) + std::chrono::hours(hour - 7);
}

// The rule set of Law 72/2025 Art. 43 (data/calendar/rule_sets.json):
// results ≤ 10 calendar days after (DLG-08), posting ≥ 30 days (PUB-02),
// loudspeaker ≥ 3 consecutive days (PUB-01).
RuleSet Rules() {
  RuleSet r;
  r.id = "lgo-72-2025-art43";
  r.effective_from = D("2025-07-01");
  r.legal_source = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Điều 43";
  r.notice_days_before = 7;
  r.results_notice_days_after = 10;
  r.posting_days = 30;
  r.loudspeaker_consecutive_days = 3;
  r.counting = DayCount::kCalendar;
  return r;
}

constexpr char kSessionDay[] = "2026-12-04";  // a Friday; DLG-08 deadline Mon 14/12/2026
constexpr char kLocked[] =
    "Biên bản đã được thư ký và chủ tọa ký và đã khóa; muốn sửa hay bổ sung, hãy lập biên bản "
    "bổ sung.";

// What a test compares before and after a refused call: any stored write
// bumps a version or appends an audit row.
struct Snapshot {
  int64_t conference_version = 0;
  size_t conference_audit = 0;
  size_t documents = 0;
  size_t petitions = 0;
  size_t petition_audit = 0;
  bool operator==(const Snapshot&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Snapshot& s) {
  return os << "{version " << s.conference_version << ", audit " << s.conference_audit
            << ", documents " << s.documents << ", petitions " << s.petitions << ", petition audit "
            << s.petition_audit << "}";
}

// kInvalidArgument whose one field error is `field` with `message`.
void ExpectFieldError(const Error& e, const std::string& field, const std::string& message) {
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument) << e.message;
  EXPECT_EQ(e.message, message);
  ASSERT_EQ(e.fields.size(), 1u) << e.message;
  EXPECT_EQ(e.fields[0].field, field);
  EXPECT_EQ(e.fields[0].message, message);
}

class ConferenceDayTest : public ::testing::Test {
 protected:
  ConferenceDayTest()
      : clock_(VietnamTime("2026-11-20", 8)),
        calendar_(testing::WeekendCalendar("2026-01-01", "2027-12-31", {})),
        conferences_(conference_repo_, communes_, clock_, calendar_, {Rules()},
                     [n = 0]() mutable {
                       return "checkin-token-" + std::to_string(++n) + std::string(32, 'x');
                     }),
        petitions_(petition_repo_, communes_, vault_, attachments_, clock_, calendar_, {}),
        day_(conference_repo_, conferences_, petitions_, communes_, clock_) {
    conferences_.SetRecordSource(&day_);
  }

  void SetUp() override {
    Commune c;
    c.slug = "hoang-truong";
    c.code = "16012";
    c.name = "Hoằng Trường";
    c.type = CommuneType::kXa;
    c.province_name = "Thanh Hóa";
    c.address = "Thôn 1, xã Hoằng Trường";
    commune_.id = communes_.CreateCommune(c, Ctx()).value();
    commune_ = communes_.FindCommune(commune_.id).value();
    Commune other = c;
    other.slug = "hoang-dong";
    other.code = "16013";
    other.name = "Hoằng Đông";
    other_commune_ = communes_.CreateCommune(other, Ctx()).value();

    for (int i = 1; i <= 3; ++i) {
      villages_.push_back(
          communes_.AddVillage({{}, commune_.id, "Thôn " + std::to_string(i), i}, Ctx()).value());
    }
    other_village_ = communes_.AddVillage({{}, other_commune_, "Thôn Đông", 1}, Ctx()).value();
    unit_ =
        communes_.AddUnit({{}, commune_.id, "Công chức Địa chính – Xây dựng", "Địa chính"}, Ctx())
            .value();
    other_unit_ =
        communes_.AddUnit({{}, other_commune_, "Công chức Tư pháp", "Tư pháp"}, Ctx()).value();
    ASSERT_TRUE(
        communes_.AddOfficial({{}, commune_.id, "Lê Thanh Cảnh", "Chủ tịch UBND xã", {}, ""}, Ctx())
            .ok());
    ASSERT_TRUE(
        communes_
            .AddOfficial(
                {{}, commune_.id, "Trần Thị Hoa", "Công chức Văn phòng – Thống kê", {}, ""}, Ctx())
            .ok());

    // The plan, dated today, for two sessions on the session day.
    NewConference n;
    n.year = 2026;
    n.plan_date = D("2026-11-20");
    n.session.date = D(kSessionDay);
    n.session.start_minute = 7 * 60 + 30;
    n.session.duration_minutes = 240;
    n.session.venue = "Hội trường công sở xã Hoằng Trường";
    n.session.villages = {villages_[0], villages_[1]};
    Result<ConferenceId> id = conferences_.Create(commune_.id, n, Ctx());
    ASSERT_TRUE(id.ok()) << id.error().message;
    id_ = *id;
    ConferenceSession second = n.session;
    second.number = 0;
    second.start_minute = 14 * 60;
    second.venue = "Nhà văn hóa thôn 3";
    second.villages = {villages_[2]};
    Result<Conference> saved =
        conferences_.SaveSession(commune_.id, id_, Conf().version, second, Ctx());
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    // The preparation (plan, programme, notice: conference_test.cc and
    // app/conference_flow_test.cc) is not this file's subject: the
    // conference enters the day with its notice published.
    ConferenceChange ready;
    ready.action = "test.notice_published";
    ready.apply = [](Conference& conf) -> Result<std::string> {
      conf.state = ConferenceState::kNoticePublished;
      return std::string("{}");
    };
    ASSERT_TRUE(conference_repo_.Update(commune_.id, id_, std::nullopt, ready, Ctx()).ok());
    ASSERT_EQ(Conf().sessions.size(), 2u);
    ASSERT_FALSE(Conf().agenda.empty());
    clock_.Set(VietnamTime(kSessionDay, 8));
  }

  AuditContext Ctx() const {
    AuditContext ctx;
    ctx.commune = commune_.id;
    ctx.actor_account_id = 7;
    ctx.actor_name = "thuky";
    ctx.at = clock_.Now();
    return ctx;
  }

  Conference Conf() { return conference_repo_.Find(commune_.id, id_).value(); }

  Snapshot Snap() {
    return Snapshot{Conf().version, conference_repo_.audit().size(),
                    conference_repo_.documents().size(), petition_repo_.petitions().size(),
                    petition_repo_.audit().size()};
  }

  Speaker AddSpeaker(const std::string& key, const std::string& name,
                     std::optional<VillageId> village, int session = 1) {
    DeskSpeaker s;
    s.client_key = key;
    s.session = session;
    s.name = name;
    s.village = village;
    Result<std::pair<Speaker, bool>> r = day_.AddSpeaker(commune_.id, id_, s, Ctx());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->first : Speaker{};
  }

  // A valid pending opinion of `speaker_key`.
  static DeskOpinion Opinion(const std::string& key, const std::string& speaker_key,
                             const std::string& text) {
    DeskOpinion o;
    o.client_key = key;
    o.session = 1;
    o.speaker_key = speaker_key;
    o.agenda_item = 0;
    o.text = text;
    return o;
  }

  // What a first RecordOpinion attempt stored before crashing: the petition
  // with the desk's form token, not yet linked to the conference.
  Result<CreatedPetition> FirstAttempt(const std::string& key, const std::string& text) {
    NewPetition np;
    np.channel = PetitionChannel::kConference;
    np.name = "Nguyễn Văn An";
    np.village = "Thôn 1";
    np.address = "Thôn 1, xã Hoằng Trường";
    np.conference_id = id_;
    np.session_number = 1;
    np.form_token = "desk:" + key;
    np.items.push_back({text, std::nullopt, ""});
    return petitions_.Submit(commune_, np, Ctx());
  }

  RecordedOpinion Record(const DeskOpinion& o) {
    Result<RecordedOpinion> r = day_.RecordOpinion(commune_, id_, o, Ctx());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : RecordedOpinion{};
  }

  void EndAllSessions() {
    for (const ConferenceSession& s : Conf().sessions) {
      Result<ConferenceSession> ended = day_.EndSession(commune_.id, id_, s.number, Ctx());
      ASSERT_TRUE(ended.ok()) << ended.error().message;
    }
    ASSERT_EQ(Conf().state, ConferenceState::kHeld);
  }

  SignOff Signer(int64_t account, const std::string& name) const {
    return SignOff{account, name, clock_.Now()};
  }

  Result<MinutesRecord> Sign(MinutesRole role) {
    const bool secretary = role == MinutesRole::kSecretary;
    return day_.SignMinutes(commune_.id, id_, role,
                            secretary ? Signer(7, "Trần Thị Hoa") : Signer(3, "Lê Thanh Cảnh"),
                            "https://doithoai.example.vn/hoang-truong/hoi-nghi/1", Ctx());
  }

  void SignBoth() {
    Result<MinutesRecord> s = Sign(MinutesRole::kSecretary);
    ASSERT_TRUE(s.ok()) << s.error().message;
    Result<MinutesRecord> c = Sign(MinutesRole::kChair);
    ASSERT_TRUE(c.ok()) << c.error().message;
  }

  size_t CountAudit(const std::string& action) const {
    size_t n = 0;
    for (const std::string& a : conference_repo_.audit()) n += a == action ? 1 : 0;
    return n;
  }

  FakeClock clock_;
  WorkingCalendar calendar_;
  InMemoryCommunes communes_;
  InMemoryConferences conference_repo_;
  InMemoryPetitions petition_repo_;
  TestVault vault_;
  InMemoryAttachments attachments_;
  ConferenceService conferences_;
  PetitionService petitions_;
  ConferenceDay day_;

  Commune commune_;
  CommuneId other_commune_;
  std::vector<VillageId> villages_;
  VillageId other_village_;
  UnitId unit_;
  UnitId other_unit_;
  ConferenceId id_;
};

// ---- Exactly once ----

TEST_F(ConferenceDayTest, AddSpeakerWithARepeatedKeyReturnsTheStoredSpeaker) {
  DeskSpeaker s;
  s.client_key = "desk-1-speaker-1";
  s.name = "Nguyễn Văn An";
  s.village = villages_[0];
  auto first = day_.AddSpeaker(commune_.id, id_, s, Ctx());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->second);
  EXPECT_EQ(first->first.number, 1);
  EXPECT_EQ(first->first.added_at, clock_.Now());

  // The desk retries (lost response) later, even with edited input.
  clock_.Advance(std::chrono::minutes(2));
  s.name = "Nguyễn Văn Ân";
  auto again = day_.AddSpeaker(commune_.id, id_, s, Ctx());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->second);
  EXPECT_EQ(again->first.number, 1);
  EXPECT_EQ(again->first.name, "Nguyễn Văn An");
  EXPECT_EQ(again->first.added_at, first->first.added_at);
  ASSERT_EQ(Conf().speakers.size(), 1u);

  // Another key is another speaker.
  EXPECT_EQ(AddSpeaker("desk-1-speaker-2", "Lê Thị Bình", villages_[1]).number, 2);
  EXPECT_EQ(Conf().speakers.size(), 2u);
}

TEST_F(ConferenceDayTest, RecordOpinionWithARepeatedKeyReturnsTheSameOpinionAndPetition) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  DeskOpinion o = Opinion("o1", "s1", "Đề nghị sửa đường liên thôn 1 – thôn 2.");
  auto first = day_.RecordOpinion(commune_, id_, o, Ctx());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->opinion.number, 1);
  EXPECT_FALSE(first->petition.code.empty());
  EXPECT_EQ(first->opinion.code, first->petition.code);
  EXPECT_EQ(first->opinion.petition, first->petition.id);
  // DLG-11: the opinion is a petition of channel "conference" linked to the session.
  EXPECT_EQ(first->petition.channel, PetitionChannel::kConference);
  EXPECT_EQ(first->petition.conference_id, id_);
  EXPECT_EQ(first->petition.session_number, 1);
  EXPECT_EQ(first->petition.form_token, "desk:o1");
  EXPECT_EQ(first->petition.submitter.name, "Nguyễn Văn An");
  EXPECT_EQ(first->petition.submitter.village_id, villages_[0]);
  const Snapshot after_first = Snap();

  clock_.Advance(std::chrono::minutes(1));
  o.text = "Nội dung gõ lại khác đi.";
  o.outcome = OpinionOutcome::kForwarded;
  o.forwarded_to = "UBND tỉnh";
  auto again = day_.RecordOpinion(commune_, id_, o, Ctx());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->opinion.number, 1);
  EXPECT_EQ(again->petition.id, first->petition.id);
  EXPECT_EQ(again->petition.code, first->petition.code);
  EXPECT_EQ(again->petition.items.at(0).text, "Đề nghị sửa đường liên thôn 1 – thôn 2.");
  EXPECT_EQ(again->petition.items.at(0).status, ItemStatus::kReceived);
  // A replay writes nothing at all.
  EXPECT_EQ(Snap(), after_first);
  EXPECT_EQ(petition_repo_.petitions().size(), 1u);
  EXPECT_EQ(Conf().opinions.size(), 1u);
}

TEST_F(ConferenceDayTest, RetryAfterCrashBeforeTheLinkLinksTheExistingPetition) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  // The first attempt stored the petition (form token "desk:o1") and
  // crashed before linking it to the conference.
  auto stored = FirstAttempt("o1", "Đề nghị lắp đèn đường thôn 1.");
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_TRUE(stored->created);
  ASSERT_TRUE(Conf().opinions.empty());

  DeskOpinion o = Opinion("o1", "s1", "Đề nghị lắp đèn đường thôn 1.");
  o.outcome = OpinionOutcome::kAnswered;
  o.answered_by = "Lê Thanh Cảnh, Chủ tịch UBND xã";
  o.answer = "Xã sẽ lắp đèn trong quý I năm 2027.";
  auto retried = day_.RecordOpinion(commune_, id_, o, Ctx());
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  // The first attempt's petition, not a second one; the retry completes it.
  EXPECT_EQ(retried->petition.id, stored->petition.id);
  EXPECT_FALSE(retried->created);
  ASSERT_EQ(petition_repo_.petitions().size(), 1u);
  const Conference c = Conf();
  ASSERT_EQ(c.opinions.size(), 1u);
  EXPECT_EQ(c.opinions[0].petition, stored->petition.id);
  EXPECT_EQ(c.opinions[0].code, stored->petition.code);
  EXPECT_EQ(c.opinions[0].client_key, "o1");
  // The outcome had not been applied yet: the retry applies it.
  const Petition p = petition_repo_.petitions()[0];
  EXPECT_EQ(p.items[0].status, ItemStatus::kAnswered);
  ASSERT_TRUE(p.items[0].answer.has_value());
  EXPECT_EQ(p.items[0].answer->text, "Xã sẽ lắp đèn trong quý I năm 2027.");

  // A further retry is a plain replay.
  auto replay = day_.RecordOpinion(commune_, id_, o, Ctx());
  ASSERT_TRUE(replay.ok());
  EXPECT_FALSE(replay->created);
  EXPECT_EQ(replay->opinion.number, 1);
  EXPECT_EQ(petition_repo_.petitions().size(), 1u);
}

TEST_F(ConferenceDayTest, RetryAfterCrashDoesNotApplyTheOutcomeTwice) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  auto stored = FirstAttempt("o1", "Đề nghị nâng cấp đê biển.");
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  // The first attempt also forwarded it before crashing.
  ASSERT_TRUE(
      petitions_.Forward(commune_.id, stored->petition.id, 1, "UBND tỉnh Thanh Hóa", Ctx()).ok());
  const size_t petition_writes = petition_repo_.audit().size();

  DeskOpinion o = Opinion("o1", "s1", "Đề nghị nâng cấp đê biển.");
  o.outcome = OpinionOutcome::kForwarded;
  o.forwarded_to = "UBND tỉnh Thanh Hóa";
  auto retried = day_.RecordOpinion(commune_, id_, o, Ctx());
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  EXPECT_EQ(retried->petition.id, stored->petition.id);
  EXPECT_EQ(retried->petition.items[0].status, ItemStatus::kForwarded);
  EXPECT_EQ(petition_repo_.audit().size(), petition_writes);  // no second forward
  EXPECT_EQ(petition_repo_.petitions().size(), 1u);
  EXPECT_EQ(Conf().opinions.size(), 1u);
}

// ---- Bad input changes nothing ----

TEST_F(ConferenceDayTest, BadOpinionInputIsRefusedAndChangesNothing) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  Record(Opinion("o1", "s1", "Ý kiến đầu tiên."));
  const int agenda_size = static_cast<int>(Conf().agenda.size());

  struct Case {
    const char* name;
    std::function<void(DeskOpinion&)> edit;
    std::string field;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"unknown speaker key", [](DeskOpinion& o) { o.speaker_key = "nobody"; }, "speaker",
       "Chưa có người phát biểu này trong danh sách; hãy thêm trước."},
      {"unknown speaker number",
       [](DeskOpinion& o) {
         o.speaker_key.clear();
         o.speaker = 9;
       },
       "speaker", "Chưa có người phát biểu này trong danh sách; hãy thêm trước."},
      {"unknown session", [](DeskOpinion& o) { o.session = 3; }, "session",
       "Hội nghị không có phiên 3."},
      {"agenda item past the end", [&](DeskOpinion& o) { o.agenda_item = agenda_size + 1; },
       "agenda_item", "Mục chương trình không tồn tại."},
      {"negative agenda item", [](DeskOpinion& o) { o.agenda_item = -1; }, "agenda_item",
       "Mục chương trình không tồn tại."},
      {"blank text", [](DeskOpinion& o) { o.text = " \n "; }, "text", "Cần ghi nội dung ý kiến."},
      {"no client key", [](DeskOpinion& o) { o.client_key.clear(); }, "client_key",
       "Thiếu mã thao tác (client_key) hoặc mã quá dài."},
      {"client key too long", [](DeskOpinion& o) { o.client_key = std::string(101, 'k'); },
       "client_key", "Thiếu mã thao tác (client_key) hoặc mã quá dài."},
      {"answered without the answer",
       [](DeskOpinion& o) {
         o.outcome = OpinionOutcome::kAnswered;
         o.answered_by = "Chủ tịch UBND xã";
       },
       "answer", "Cần tóm tắt câu trả lời tại hội nghị."},
      {"answered without who answered",
       [](DeskOpinion& o) {
         o.outcome = OpinionOutcome::kAnswered;
         o.answer = "Đã trả lời.";
       },
       "answered_by", "Cần ghi người trả lời."},
      {"assigned without a unit", [](DeskOpinion& o) { o.outcome = OpinionOutcome::kAssigned; },
       "unit_id", "Cần chọn đơn vị được giao giải quyết."},
      {"assigned to another commune's unit",
       [&](DeskOpinion& o) {
         o.outcome = OpinionOutcome::kAssigned;
         o.unit = other_unit_;
       },
       "unit_id", "Đơn vị được giao không thuộc xã này."},
      {"assigned with a deadline before today",
       [&](DeskOpinion& o) {
         o.outcome = OpinionOutcome::kAssigned;
         o.unit = unit_;
         o.deadline = D(kSessionDay).AddDays(-1);
       },
       "deadline", "Thời hạn giải quyết không được trước hôm nay."},
      {"forwarded without the body", [](DeskOpinion& o) { o.outcome = OpinionOutcome::kForwarded; },
       "forwarded_to", "Cần ghi cơ quan có thẩm quyền nhận ý kiến chuyển."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DeskOpinion o = Opinion("o2", "s1", "Đề nghị nạo vét kênh tiêu thôn 2.");
    c.edit(o);
    const Snapshot before = Snap();
    const LiveState live = Conf().live;
    Result<RecordedOpinion> r = day_.RecordOpinion(commune_, id_, o, Ctx());
    ASSERT_FALSE(r.ok());
    ExpectFieldError(r.error(), c.field, c.message);
    EXPECT_EQ(Snap(), before);
    EXPECT_EQ(Conf().live.opinion, live.opinion);
    EXPECT_EQ(Conf().opinions.size(), 1u);
    EXPECT_EQ(petition_repo_.petitions().size(), 1u);
  }
  // The refused attempts left no trace of key "o2": a valid one goes through.
  RecordedOpinion ok = Record(Opinion("o2", "s1", "Đề nghị nạo vét kênh tiêu thôn 2."));
  EXPECT_TRUE(ok.created);
  EXPECT_EQ(ok.opinion.number, 2);
  EXPECT_EQ(petition_repo_.petitions().size(), 2u);
}

TEST_F(ConferenceDayTest, BadSpeakerInputIsRefusedAndChangesNothing) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  const int agenda_size = static_cast<int>(Conf().agenda.size());
  struct Case {
    const char* name;
    std::function<void(DeskSpeaker&)> edit;
    std::string field;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"blank name", [](DeskSpeaker& s) { s.name = "  "; }, "name",
       "Cần ghi họ tên người phát biểu (tối đa 100 ký tự)."},
      {"village of another commune", [&](DeskSpeaker& s) { s.village = other_village_; },
       "village_id", "Thôn không thuộc xã này."},
      {"unknown session", [](DeskSpeaker& s) { s.session = 5; }, "session",
       "Hội nghị không có phiên 5."},
      {"unknown agenda item", [&](DeskSpeaker& s) { s.agenda_item = agenda_size + 1; },
       "agenda_item", "Mục chương trình không tồn tại."},
      {"no client key", [](DeskSpeaker& s) { s.client_key.clear(); }, "client_key",
       "Thiếu mã thao tác (client_key) hoặc mã quá dài."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DeskSpeaker s;
    s.client_key = "s2";
    s.name = "Lê Thị Bình";
    s.village = villages_[1];
    c.edit(s);
    const Snapshot before = Snap();
    auto r = day_.AddSpeaker(commune_.id, id_, s, Ctx());
    ASSERT_FALSE(r.ok());
    ExpectFieldError(r.error(), c.field, c.message);
    EXPECT_EQ(Snap(), before);
    EXPECT_EQ(Conf().speakers.size(), 1u);
  }
}

// ---- Outcomes (DLG-11) ----

TEST_F(ConferenceDayTest, OutcomesSetThePetitionStateAndLinkTheOpinion) {
  const Speaker an = AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  const Speaker binh = AddSpeaker("s2", "Lê Thị Bình", villages_[1]);

  DeskOpinion answered = Opinion("o1", "s1", "Đề nghị sửa cống thôn 1.");
  answered.agenda_item = 1;
  answered.field = "";
  answered.outcome = OpinionOutcome::kAnswered;
  answered.answered_by = "Lê Thanh Cảnh, Chủ tịch UBND xã";
  answered.answer = "Xã đã bố trí kinh phí, thi công trong tháng 01/2027.";
  const RecordedOpinion a = Record(answered);
  ASSERT_EQ(a.petition.items.size(), 1u);
  const PetitionItem& ai = a.petition.items[0];
  EXPECT_EQ(ai.status, ItemStatus::kAnswered);
  ASSERT_TRUE(ai.answer.has_value());
  EXPECT_EQ(ai.answer->text, "Xã đã bố trí kinh phí, thi công trong tháng 01/2027.");
  EXPECT_EQ(ai.answer->answered_by, "Lê Thanh Cảnh, Chủ tịch UBND xã");
  EXPECT_EQ(ai.answer->answered_on, D(kSessionDay));
  EXPECT_TRUE(ai.answer->published);  // answered in the room and not a tố cáo: public (FB-04)
  EXPECT_EQ(a.opinion.number, 1);
  EXPECT_EQ(a.opinion.speaker, an.number);
  EXPECT_EQ(a.opinion.session, 1);
  EXPECT_EQ(a.opinion.agenda_item, 1);
  EXPECT_EQ(a.opinion.recorded_at, clock_.Now());

  clock_.Advance(std::chrono::minutes(5));
  DeskOpinion assigned = Opinion("o2", "s2", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất.");
  assigned.outcome = OpinionOutcome::kAssigned;
  assigned.unit = unit_;
  assigned.deadline = D(kSessionDay);  // today is allowed
  const RecordedOpinion b = Record(assigned);
  EXPECT_EQ(b.petition.items[0].status, ItemStatus::kAssigned);
  EXPECT_EQ(b.petition.items[0].unit_id, unit_);
  EXPECT_EQ(b.petition.items[0].internal_target, D(kSessionDay));
  EXPECT_FALSE(b.petition.items[0].answer.has_value());
  EXPECT_EQ(b.opinion.number, 2);
  EXPECT_EQ(b.opinion.speaker, binh.number);

  DeskOpinion forwarded = Opinion("o3", "s2", "Đề nghị tỉnh nâng cấp quốc lộ 1A.");
  forwarded.outcome = OpinionOutcome::kForwarded;
  forwarded.forwarded_to = "Sở Xây dựng tỉnh Thanh Hóa";
  const RecordedOpinion f = Record(forwarded);
  EXPECT_EQ(f.petition.items[0].status, ItemStatus::kForwarded);
  EXPECT_EQ(f.petition.items[0].forwarded_to, "Sở Xây dựng tỉnh Thanh Hóa");
  EXPECT_EQ(f.opinion.number, 3);

  DeskOpinion pending = Opinion("o4", "", "Phản ánh ô nhiễm từ trại chăn nuôi.");
  pending.speaker = an.number;  // by number
  pending.petition_class = PetitionClass::kReport;
  const RecordedOpinion p = Record(pending);
  EXPECT_EQ(p.petition.items[0].status, ItemStatus::kReceived);
  EXPECT_EQ(p.petition.items[0].petition_class, PetitionClass::kReport);
  EXPECT_FALSE(p.petition.items[0].unit_id.has_value());
  EXPECT_FALSE(p.petition.items[0].answer.has_value());
  EXPECT_EQ(p.opinion.number, 4);
  EXPECT_EQ(p.opinion.speaker, an.number);

  const Conference c = Conf();
  ASSERT_EQ(c.opinions.size(), 4u);
  EXPECT_EQ(petition_repo_.petitions().size(), 4u);
  for (size_t i = 0; i < c.opinions.size(); ++i) {
    EXPECT_EQ(c.opinions[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(c.opinions[i].petition, petition_repo_.petitions()[i].id);
    EXPECT_EQ(c.opinions[i].code, petition_repo_.petitions()[i].code);
  }
  // The last opinion is live on the room screen.
  EXPECT_EQ(c.live.opinion, 4);
  EXPECT_EQ(c.live.speaker, an.number);
  EXPECT_EQ(c.live.session, 1);
  EXPECT_EQ(c.live.agenda_item, 1);  // kept from the first opinion's item
  // Bảng 1 rows from the petitions (conference_record.h).
  Result<ConferenceRecord> record = day_.Load(c, D(kSessionDay));
  ASSERT_TRUE(record.ok()) << record.error().message;
  ASSERT_EQ(record->rows.size(), 4u);
  EXPECT_TRUE(record->rows[0].answered_in_room);
  EXPECT_EQ(record->rows[0].speaker_name, "Nguyễn Văn An");
  EXPECT_EQ(record->rows[1].unit_name, "Công chức Địa chính – Xây dựng");
  EXPECT_TRUE(record->rows[2].beyond_authority);
}

// ---- Tố cáo (CONF-01/02/03) ----

TEST_F(ConferenceDayTest, DenunciationRenamesTheSpeakerToThePseudonymAndClearsTheVillage) {
  const Speaker s = AddSpeaker("s1", "Phạm Văn Tố", villages_[1]);
  ASSERT_EQ(s.village, villages_[1]);
  DeskOpinion o = Opinion("o1", "s1", "Tố cáo cán bộ địa chính nhận tiền khi làm sổ đỏ.");
  o.petition_class = PetitionClass::kDenunciation;
  o.outcome = OpinionOutcome::kAnswered;
  o.answered_by = "Chủ tịch UBND xã";
  o.answer = "Xã tiếp nhận, chuyển bộ phận có thẩm quyền xem xét theo Luật Tố cáo.";
  const RecordedOpinion r = Record(o);

  // CONF-01: the identity is sealed in the petition.
  EXPECT_TRUE(r.petition.identity_sealed);
  EXPECT_TRUE(r.petition.submitter.name.empty());
  EXPECT_FALSE(r.petition.village_id.has_value());
  const std::string pseudonym = "Người tố cáo " + r.petition.code;
  EXPECT_EQ(r.petition.DisplayName(), pseudonym);
  // FB-04: a tố cáo answered in the room is not published.
  ASSERT_TRUE(r.petition.items[0].answer.has_value());
  EXPECT_FALSE(r.petition.items[0].answer->published);

  // CONF-02: the speaker queue (shown on the room screen) holds the pseudonym only.
  const Conference c = Conf();
  ASSERT_EQ(c.speakers.size(), 1u);
  EXPECT_EQ(c.speakers[0].name, pseudonym);
  EXPECT_FALSE(c.speakers[0].village.has_value());
  EXPECT_TRUE(c.speakers[0].sealed);
  EXPECT_EQ(c.opinions.at(0).speaker, s.number);

  // CONF-03: Bảng 1 names the topic, not the denouncer or the village.
  Result<ConferenceRecord> record = day_.Load(c, D(kSessionDay));
  ASSERT_TRUE(record.ok()) << record.error().message;
  ASSERT_EQ(record->rows.size(), 1u);
  EXPECT_EQ(record->rows[0].speaker_name, pseudonym);
  EXPECT_TRUE(record->rows[0].village_name.empty());
  EXPECT_TRUE(record->rows[0].denunciation);

  // DLG-12 / CONF-02: neither the minutes nor the results notice print the name.
  EndAllSessions();
  SignBoth();
  ASSERT_TRUE(day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx()).ok());
  ASSERT_EQ(conference_repo_.documents().size(), 2u);
  for (const StoredDocument& doc : conference_repo_.documents()) {
    SCOPED_TRACE(ConferenceDocumentKindCode(doc.kind));
    EXPECT_EQ(doc.markup.find("Phạm Văn Tố"), std::string::npos);
  }
}

// ---- Sessions ----

TEST_F(ConferenceDayTest, StartAndEndSessionRecordTheTimesAndMarkItHeld) {
  auto started = day_.StartSession(commune_.id, id_, 1, Ctx());
  ASSERT_TRUE(started.ok()) << started.error().message;
  const Timestamp start = clock_.Now();
  EXPECT_EQ(started->started_at, start);
  EXPECT_FALSE(started->ended_at.has_value());
  EXPECT_EQ(Conf().live.session, 1);

  clock_.Advance(std::chrono::minutes(10));
  // A repeated start keeps the first time.
  ASSERT_TRUE(day_.StartSession(commune_.id, id_, 1, Ctx()).ok());
  EXPECT_EQ(Conf().FindSession(1)->started_at, start);

  clock_.Advance(std::chrono::hours(3));
  auto ended = day_.EndSession(commune_.id, id_, 1, Ctx());
  ASSERT_TRUE(ended.ok()) << ended.error().message;
  EXPECT_EQ(ended->started_at, start);
  EXPECT_EQ(ended->ended_at, clock_.Now());
  EXPECT_TRUE(ended->held);
  EXPECT_EQ(Conf().state, ConferenceState::kNoticePublished);  // session 2 to go

  // Ending a session never started records both times.
  clock_.Advance(std::chrono::hours(3));
  auto second = day_.EndSession(commune_.id, id_, 2, Ctx());
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->started_at, clock_.Now());
  EXPECT_EQ(second->ended_at, clock_.Now());
  EXPECT_TRUE(second->held);
  EXPECT_EQ(Conf().state, ConferenceState::kHeld);

  // Ending again keeps the first end.
  const Timestamp end2 = clock_.Now();
  clock_.Advance(std::chrono::minutes(1));
  auto again = day_.EndSession(commune_.id, id_, 2, Ctx());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->ended_at, end2);
  EXPECT_EQ(Conf().state, ConferenceState::kHeld);
}

TEST_F(ConferenceDayTest, StartOrEndOfAnUnknownSessionIsRefused) {
  const Snapshot before = Snap();
  auto start = day_.StartSession(commune_.id, id_, 7, Ctx());
  ASSERT_FALSE(start.ok());
  ExpectFieldError(start.error(), "session", "Hội nghị không có phiên 7.");
  auto end = day_.EndSession(commune_.id, id_, 7, Ctx());
  ASSERT_FALSE(end.ok());
  ExpectFieldError(end.error(), "session", "Hội nghị không có phiên 7.");
  auto zero = day_.EndSession(commune_.id, id_, 0, Ctx());
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Snap(), before);
  // Another conference id (or another commune's) is not found.
  auto unknown = day_.EndSession(commune_.id, ConferenceId{99}, 1, Ctx());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto foreign = day_.StartSession(other_commune_, id_, 1, Ctx());
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Snap(), before);
}

// ---- Speaker queue, attendance (DLG-10) ----

TEST_F(ConferenceDayTest, SpeakingMakesTheSpeakerLiveAndThePreviousOneDone) {
  const Speaker an = AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  const Speaker binh = AddSpeaker("s2", "Lê Thị Bình", villages_[1], 2);
  auto first = day_.SetSpeakerState(commune_.id, id_, "s1", 0, SpeakerState::kSpeaking, Ctx());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(Conf().live.speaker, an.number);
  auto second =
      day_.SetSpeakerState(commune_.id, id_, "", binh.number, SpeakerState::kSpeaking, Ctx());
  ASSERT_TRUE(second.ok()) << second.error().message;
  const Conference c = Conf();
  EXPECT_EQ(c.FindSpeaker(an.number)->state, SpeakerState::kDone);
  EXPECT_EQ(c.FindSpeaker(binh.number)->state, SpeakerState::kSpeaking);
  EXPECT_EQ(c.live.speaker, binh.number);
  EXPECT_EQ(c.live.session, 2);
  EXPECT_EQ(c.live.opinion, 0);

  const Snapshot before = Snap();
  auto unknown = day_.SetSpeakerState(commune_.id, id_, "nobody", 0, SpeakerState::kDone, Ctx());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Snap(), before);
}

TEST_F(ConferenceDayTest, AttendanceReplacesTheSessionsCountsPerGroup) {
  std::vector<AttendanceCount> counts = {{0, ParticipantGroup::kCitizenRepresentative, 120},
                                         {0, ParticipantGroup::kVillage, 6}};
  ASSERT_TRUE(day_.SetAttendance(commune_.id, id_, 1, counts, Ctx()).ok());
  ASSERT_TRUE(day_.SetAttendance(commune_.id, id_, 2,
                                 {{0, ParticipantGroup::kCitizenRepresentative, 45}}, Ctx())
                  .ok());
  // A corrected head count replaces the earlier one of the same group.
  ASSERT_TRUE(day_.SetAttendance(commune_.id, id_, 1,
                                 {{0, ParticipantGroup::kCitizenRepresentative, 130}}, Ctx())
                  .ok());
  const Conference c = Conf();
  int session1 = 0, session2 = 0;
  for (const AttendanceCount& a : c.attendance) (a.session == 1 ? session1 : session2) += a.count;
  EXPECT_EQ(session1, 136);
  EXPECT_EQ(session2, 45);
  EXPECT_EQ(c.attendance.size(), 3u);

  const Snapshot before = Snap();
  auto negative = day_.SetAttendance(commune_.id, id_, 1,
                                     {{0, ParticipantGroup::kCitizenRepresentative, -1}}, Ctx());
  ASSERT_FALSE(negative.ok());
  ExpectFieldError(negative.error(), "count", "Số người tham dự phải từ 0 đến 100.000.");
  auto no_session = day_.SetAttendance(commune_.id, id_, 4, counts, Ctx());
  ASSERT_FALSE(no_session.ok());
  ExpectFieldError(no_session.error(), "session", "Hội nghị không có phiên 4.");
  // One count per group in one entry: both would be added to the total.
  auto twice = day_.SetAttendance(commune_.id, id_, 1,
                                  {{0, ParticipantGroup::kCitizenRepresentative, 100},
                                   {0, ParticipantGroup::kVillage, 6},
                                   {0, ParticipantGroup::kCitizenRepresentative, 30}},
                                  Ctx());
  ASSERT_FALSE(twice.ok());
  ExpectFieldError(twice.error(), "group",
                   "Mỗi thành phần chỉ nhập một số người tham dự (\"Đại diện Nhân dân\" bị nhập "
                   "hai lần).");
  EXPECT_EQ(Snap(), before);
}

TEST_F(ConferenceDayTest, SetLiveChecksWhatTheRoomScreenPointsAt) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  Record(Opinion("o1", "s1", "Đề nghị sửa đường thôn 1."));
  const Snapshot before = Snap();
  LiveState bad;
  bad.session = 1;
  bad.opinion = 5;
  auto unknown_opinion = day_.SetLive(commune_.id, id_, bad, Ctx());
  ASSERT_FALSE(unknown_opinion.ok());
  ExpectFieldError(unknown_opinion.error(), "opinion", "Không tìm thấy ý kiến.");
  bad.opinion = 0;
  bad.speaker = 4;
  auto unknown_speaker = day_.SetLive(commune_.id, id_, bad, Ctx());
  ASSERT_FALSE(unknown_speaker.ok());
  ExpectFieldError(unknown_speaker.error(), "speaker", "Không tìm thấy người phát biểu.");
  EXPECT_EQ(Snap(), before);

  clock_.Advance(std::chrono::minutes(3));
  LiveState live;
  live.session = 2;
  live.agenda_item = 2;
  auto set = day_.SetLive(commune_.id, id_, live, Ctx());
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->updated_at, clock_.Now());
  const Conference c = Conf();
  EXPECT_EQ(c.live.session, 2);
  EXPECT_EQ(c.live.agenda_item, 2);
  EXPECT_EQ(c.live.opinion, 0);
}

// ---- Minutes (DLG-10) ----

// DLG-10: THƯ KÝ and CHỦ TỌA are two people; the account that signed as
// secretary cannot also sign as chair, and the refusal changes nothing.
TEST_F(ConferenceDayTest, OnePersonCannotSignAsBothSecretaryAndChair) {
  ASSERT_TRUE(day_.EndSession(commune_.id, id_, 1, Ctx()).ok());
  ASSERT_TRUE(day_.EndSession(commune_.id, id_, 2, Ctx()).ok());
  ASSERT_TRUE(Sign(MinutesRole::kSecretary).ok());
  const Snapshot before = Snap();
  auto both = day_.SignMinutes(commune_.id, id_, MinutesRole::kChair, Signer(7, "Trần Thị Hoa"),
                               "https://doithoai.example.vn", Ctx());
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(both.error().message,
            "Thư ký và chủ tọa phải là hai người khác nhau; tài khoản này đã ký với vai trò "
            "thư ký.");
  EXPECT_EQ(Snap(), before);
  EXPECT_FALSE(Conf().minutes.Locked());
  // Another account may sign as chair.
  auto chair = Sign(MinutesRole::kChair);
  ASSERT_TRUE(chair.ok()) << chair.error().message;
  EXPECT_TRUE(chair->Locked());
}

TEST_F(ConferenceDayTest, MinutesAreSignedBySecretaryAndChairThenLocked) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  Record(Opinion("o1", "s1", "Đề nghị sửa đường thôn 1."));

  // Not before every session has ended.
  Snapshot before = Snap();
  auto early = Sign(MinutesRole::kSecretary);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(early.error().message,
            "Phiên 1 chưa kết thúc; hãy kết thúc phiên trước khi ký biên bản.");
  ASSERT_TRUE(day_.EndSession(commune_.id, id_, 1, Ctx()).ok());
  auto half = Sign(MinutesRole::kChair);
  ASSERT_FALSE(half.ok());
  EXPECT_EQ(half.error().message,
            "Phiên 2 chưa kết thúc; hãy kết thúc phiên trước khi ký biên bản.");
  EXPECT_FALSE(Conf().minutes.chair.has_value());
  EXPECT_FALSE(Conf().minutes.secretary.has_value());
  ASSERT_TRUE(day_.EndSession(commune_.id, id_, 2, Ctx()).ok());

  // The secretary signs: not yet locked, no Biên bản issued.
  clock_.Set(VietnamTime(kSessionDay, 17));
  auto secretary = Sign(MinutesRole::kSecretary);
  ASSERT_TRUE(secretary.ok()) << secretary.error().message;
  ASSERT_TRUE(secretary->secretary.has_value());
  EXPECT_EQ(secretary->secretary->name, "Trần Thị Hoa");
  EXPECT_EQ(secretary->secretary->at, clock_.Now());
  EXPECT_FALSE(secretary->Locked());
  EXPECT_EQ(Conf().state, ConferenceState::kHeld);
  EXPECT_TRUE(conference_repo_.documents().empty());
  // No addendum to minutes that are still open to edits.
  before = Snap();
  auto too_soon = day_.AddAddendum(commune_.id, id_, "Bổ sung.", "Trần Thị Hoa", Ctx());
  ASSERT_FALSE(too_soon.ok());
  EXPECT_EQ(too_soon.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(too_soon.error().message,
            "Biên bản chưa ký xong; hãy sửa trực tiếp biên bản thay vì bổ sung.");

  // Signing again as secretary is refused (409 over HTTP) and changes nothing.
  auto twice = Sign(MinutesRole::kSecretary);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(twice.error().message,
            "Thư ký đã ký biên bản này rồi (Trần Thị Hoa); không ký lại được.");
  EXPECT_EQ(Snap(), before);

  // The chair's signature issues the Biên bản (BB register) and locks it.
  auto chair = Sign(MinutesRole::kChair);
  ASSERT_TRUE(chair.ok()) << chair.error().message;
  EXPECT_TRUE(chair->Locked());
  EXPECT_EQ(chair->chair->name, "Lê Thanh Cảnh");
  const Conference signed_conf = Conf();
  EXPECT_EQ(signed_conf.state, ConferenceState::kMinutesSigned);
  EXPECT_TRUE(signed_conf.minutes.Locked());
  auto bb = conference_repo_.FindDocument(commune_.id, id_, ConferenceDocumentKind::kMinutes);
  ASSERT_TRUE(bb.ok());
  EXPECT_TRUE(bb->issued);
  EXPECT_EQ(bb->number, 1);
  EXPECT_EQ(bb->issued_on, D(kSessionDay));
  EXPECT_NE(bb->markup.find("BB"), std::string::npos);
  EXPECT_NE(bb->markup.find("Đề nghị sửa đường thôn 1."), std::string::npos);
  EXPECT_EQ(CountAudit("document.issue"), 1u);

  // Nothing more is recorded once locked.
  before = Snap();
  auto again = Sign(MinutesRole::kChair);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message,
            "Chủ tọa đã ký biên bản này rồi (Lê Thanh Cảnh); không ký lại được.");
  DeskSpeaker late_speaker;
  late_speaker.client_key = "s9";
  late_speaker.name = "Hoàng Văn Muộn";
  auto add = day_.AddSpeaker(commune_.id, id_, late_speaker, Ctx());
  ASSERT_FALSE(add.ok());
  EXPECT_EQ(add.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(add.error().message, kLocked);
  auto opinion = day_.RecordOpinion(commune_, id_, Opinion("o9", "s1", "Ý kiến muộn."), Ctx());
  ASSERT_FALSE(opinion.ok());
  EXPECT_EQ(opinion.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(opinion.error().message, kLocked);
  auto attendance = day_.SetAttendance(commune_.id, id_, 1,
                                       {{0, ParticipantGroup::kCitizenRepresentative, 10}}, Ctx());
  ASSERT_FALSE(attendance.ok());
  EXPECT_EQ(attendance.error().message, kLocked);
  auto speaking = day_.SetSpeakerState(commune_.id, id_, "s1", 0, SpeakerState::kDone, Ctx());
  ASSERT_FALSE(speaking.ok());
  EXPECT_EQ(speaking.error().message, kLocked);
  EXPECT_EQ(Snap(), before);
  // Exactly once still holds: the stored opinion is returned for its key.
  auto replay =
      day_.RecordOpinion(commune_, id_, Opinion("o1", "s1", "Đề nghị sửa đường thôn 1."), Ctx());
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  EXPECT_FALSE(replay->created);
  EXPECT_EQ(replay->opinion.number, 1);

  // Corrections are addenda.
  clock_.Advance(std::chrono::hours(20));
  auto blank = day_.AddAddendum(commune_.id, id_, "  ", "Trần Thị Hoa", Ctx());
  ASSERT_FALSE(blank.ok());
  ExpectFieldError(blank.error(), "text", "Cần ghi nội dung biên bản bổ sung.");
  auto addendum = day_.AddAddendum(commune_.id, id_, "Sửa số người dự phiên 2 là 46 người.",
                                   "Trần Thị Hoa", Ctx());
  ASSERT_TRUE(addendum.ok()) << addendum.error().message;
  EXPECT_EQ(addendum->number, 1);
  EXPECT_EQ(addendum->text, "Sửa số người dự phiên 2 là 46 người.");
  EXPECT_EQ(addendum->by, "Trần Thị Hoa");
  EXPECT_EQ(addendum->at, clock_.Now());
  ASSERT_EQ(Conf().minutes.addenda.size(), 1u);
  EXPECT_EQ(day_.AddAddendum(commune_.id, id_, "Bổ sung lần hai.", "Lê Thanh Cảnh", Ctx())->number,
            2);
  EXPECT_TRUE(Conf().minutes.Locked());
}

TEST_F(ConferenceDayTest, ChairMaySignFirstAndTheSecretaryCompletesTheMinutes) {
  EndAllSessions();
  auto chair = Sign(MinutesRole::kChair);
  ASSERT_TRUE(chair.ok()) << chair.error().message;
  EXPECT_FALSE(chair->Locked());
  EXPECT_TRUE(conference_repo_.documents().empty());
  auto secretary = Sign(MinutesRole::kSecretary);
  ASSERT_TRUE(secretary.ok()) << secretary.error().message;
  EXPECT_TRUE(secretary->Locked());
  EXPECT_EQ(Conf().state, ConferenceState::kMinutesSigned);
  ASSERT_EQ(conference_repo_.documents().size(), 1u);
  EXPECT_EQ(conference_repo_.documents()[0].kind, ConferenceDocumentKind::kMinutes);
}

// ---- Results notice (DLG-08, DLG-12, PUB-01/02) ----

TEST_F(ConferenceDayTest, ResultsNoticeNeedsSignedMinutesAndIsDueWithinTenDays) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  DeskOpinion o = Opinion("o1", "s1", "Đề nghị sửa cống thôn 1.");
  o.outcome = OpinionOutcome::kAssigned;
  o.unit = unit_;
  o.deadline = D("2026-12-31");
  Record(o);
  EndAllSessions();

  // Refused before the minutes are signed.
  Snapshot before = Snap();
  auto unsigned_minutes = day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx());
  ASSERT_FALSE(unsigned_minutes.ok());
  EXPECT_EQ(unsigned_minutes.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(unsigned_minutes.error().message,
            "Cần thư ký và chủ tọa ký biên bản trước khi ban hành thông báo kết quả.");
  EXPECT_EQ(Snap(), before);
  SignBoth();

  // DLG-08: 10 calendar days after 04/12/2026 is Monday 14/12/2026; the last day is in time.
  clock_.Set(VietnamTime("2026-12-14", 16));
  auto notice = day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx());
  ASSERT_TRUE(notice.ok()) << notice.error().message;
  EXPECT_TRUE(notice->issued);
  EXPECT_EQ(notice->kind, ConferenceDocumentKind::kResultsNotice);
  EXPECT_EQ(notice->number, 1);
  EXPECT_EQ(notice->issued_on, D("2026-12-14"));
  // DLG-12: it lists the open item with its unit.
  EXPECT_NE(notice->markup.find("Đề nghị sửa cống thôn 1."), std::string::npos);
  const Conference c = Conf();
  EXPECT_EQ(c.state, ConferenceState::kResultsPublished);
  EXPECT_TRUE(c.results_late_reason.empty());
  EXPECT_EQ(CountAudit("conference.results_late_override"), 0u);
  // Issued once only.
  auto twice = day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx());
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(ConferenceDayTest, LateResultsNoticeNeedsAReason) {
  EndAllSessions();
  SignBoth();
  clock_.Set(VietnamTime("2026-12-15", 8));  // one day past the DLG-08 deadline
  const Snapshot before = Snap();
  auto refused = day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", " ", Ctx());
  ASSERT_FALSE(refused.ok());
  ExpectFieldError(refused.error(), "late_reason",
                   "Thông báo kết quả phải ban hành chậm nhất ngày 14/12/2026 (không quá 10 ngày "
                   "sau hội nghị, DLG-08). Muốn ban hành muộn, hãy nhập lý do.");
  EXPECT_EQ(Snap(), before);
  EXPECT_EQ(Conf().state, ConferenceState::kMinutesSigned);

  auto late = day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1",
                                      "Chờ ý kiến của cơ quan cấp tỉnh về nội dung chuyển.", Ctx());
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_EQ(late->issued_on, D("2026-12-15"));
  const Conference c = Conf();
  EXPECT_EQ(c.state, ConferenceState::kResultsPublished);
  EXPECT_EQ(c.results_late_reason, "Chờ ý kiến của cơ quan cấp tỉnh về nội dung chuyển.");
  EXPECT_EQ(CountAudit("conference.results_late_override"), 1u);
}

TEST_F(ConferenceDayTest, ResultsPublicationsKeepTheMinimumDurations) {
  EndAllSessions();
  SignBoth();
  Publication loudspeaker;
  loudspeaker.channel = PublicationChannel::kLoudspeaker;
  loudspeaker.start = D("2026-12-07");
  loudspeaker.end = D("2026-12-09");
  // Not before the notice is issued.
  Snapshot before = Snap();
  auto early = day_.AddResultsPublication(commune_.id, id_, loudspeaker, Ctx());
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(early.error().message, "Thông báo kết quả chưa ban hành.");
  EXPECT_EQ(Snap(), before);
  clock_.Set(VietnamTime("2026-12-07", 8));
  ASSERT_TRUE(day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx()).ok());

  before = Snap();
  // PUB-01: two days on the loudspeaker are too few.
  Publication short_broadcast = loudspeaker;
  short_broadcast.end = D("2026-12-08");
  auto refused = day_.AddResultsPublication(commune_.id, id_, short_broadcast, Ctx());
  ASSERT_FALSE(refused.ok());
  ExpectFieldError(refused.error(), "end",
                   "Đài truyền thanh phải phát ít nhất 3 ngày liên tiếp (PUB-01).");
  // Nor is a broadcast without its last day (its length cannot be checked).
  Publication open_ended = loudspeaker;
  open_ended.end.reset();
  auto unbounded = day_.AddResultsPublication(commune_.id, id_, open_ended, Ctx());
  ASSERT_FALSE(unbounded.ok());
  ExpectFieldError(unbounded.error(), "end",
                   "Đài truyền thanh phải phát ít nhất 3 ngày liên tiếp (PUB-01): hãy nhập ngày "
                   "kết thúc.");
  // PUB-02: 29 days posted at the commune HQ are too few.
  Publication board;
  board.channel = PublicationChannel::kNoticeBoard;
  board.start = D("2026-12-07");
  board.end = D("2027-01-04");
  auto short_posting = day_.AddResultsPublication(commune_.id, id_, board, Ctx());
  ASSERT_FALSE(short_posting.ok());
  ExpectFieldError(short_posting.error(), "end", "Niêm yết tại trụ sở ít nhất 30 ngày (PUB-02).");
  Publication backwards = board;
  backwards.end = D("2026-12-06");
  auto reversed = day_.AddResultsPublication(commune_.id, id_, backwards, Ctx());
  ASSERT_FALSE(reversed.ok());
  ExpectFieldError(reversed.error(), "end", "Ngày kết thúc phải sau ngày bắt đầu.");
  EXPECT_EQ(Snap(), before);

  // Exactly the minimum is enough.
  ASSERT_TRUE(day_.AddResultsPublication(commune_.id, id_, loudspeaker, Ctx()).ok());
  board.end = D("2027-01-05");
  ASSERT_TRUE(day_.AddResultsPublication(commune_.id, id_, board, Ctx()).ok());
  const Conference c = Conf();
  ASSERT_EQ(c.results_publications.size(), 2u);
  EXPECT_EQ(c.results_publications[0].channel, PublicationChannel::kLoudspeaker);
  EXPECT_EQ(c.results_publications[1].end, D("2027-01-05"));
  EXPECT_TRUE(c.publications.empty());  // the preparation's notice publications are apart
}

TEST_F(ConferenceDayTest, DeliveryToAVillageHeadIsRecordedOncePerVillage) {
  EndAllSessions();
  SignBoth();
  VillageDelivery delivery;
  delivery.village = villages_[0];
  delivery.head_name = "Lê Văn Trưởng";
  delivery.delivered_on = D("2026-12-06");
  delivery.via = "Trao tay";
  clock_.Set(VietnamTime("2026-12-06", 8));
  Snapshot before = Snap();
  auto early = day_.RecordDelivery(commune_.id, id_, delivery, Ctx());
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(early.error().message, "Thông báo kết quả chưa ban hành.");
  EXPECT_EQ(Snap(), before);
  clock_.Set(VietnamTime("2026-12-07", 8));
  ASSERT_TRUE(day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx()).ok());

  // A delivery is recorded after it happened: 8 December is still to come.
  delivery.delivered_on = D("2026-12-08");
  before = Snap();
  auto future = day_.RecordDelivery(commune_.id, id_, delivery, Ctx());
  ASSERT_FALSE(future.ok());
  ExpectFieldError(future.error(), "delivered_on",
                   "Ngày trao thông báo không được sau ngày hôm nay.");
  EXPECT_EQ(Snap(), before);
  clock_.Set(VietnamTime("2026-12-09", 17));
  ASSERT_TRUE(day_.RecordDelivery(commune_.id, id_, delivery, Ctx()).ok());
  // The same village again replaces its record (one per village head).
  delivery.via = "Thông báo tự động";
  delivery.delivered_on = D("2026-12-09");
  ASSERT_TRUE(day_.RecordDelivery(commune_.id, id_, delivery, Ctx()).ok());
  Conference c = Conf();
  ASSERT_EQ(c.results_deliveries.size(), 1u);
  EXPECT_EQ(c.results_deliveries[0].via, "Thông báo tự động");
  EXPECT_EQ(c.results_deliveries[0].delivered_on, D("2026-12-09"));

  VillageDelivery second = delivery;
  second.village = villages_[1];
  second.head_name = "Nguyễn Thị Thôn";
  ASSERT_TRUE(day_.RecordDelivery(commune_.id, id_, second, Ctx()).ok());
  EXPECT_EQ(Conf().results_deliveries.size(), 2u);

  before = Snap();
  VillageDelivery foreign = delivery;
  foreign.village = other_village_;
  auto refused = day_.RecordDelivery(commune_.id, id_, foreign, Ctx());
  ASSERT_FALSE(refused.ok());
  ExpectFieldError(refused.error(), "village_id", "Thôn không thuộc xã này.");
  EXPECT_EQ(Snap(), before);
}

// Issue #7 §7: a speaker who leaves a phone number is told each answer
// through the petition's notifications; a tố cáo takes the number away
// from the speaker queue with the name (CONF-01/02).
TEST_F(ConferenceDayTest, ASpeakersPhoneReachesThePetitionAndLeavesWithADenunciation) {
  DeskSpeaker sp;
  sp.client_key = "p1";
  sp.name = "Lê Thị Gọi";
  sp.phone = "0912 345 678";
  Result<std::pair<Speaker, bool>> added = day_.AddSpeaker(commune_.id, id_, sp, Ctx());
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->first.phone, "0912345678");
  const RecordedOpinion r = Record(Opinion("o1", "p1", "Đề nghị nạo vét mương thôn 2."));
  EXPECT_EQ(r.petition.submitter.phone, "0912345678");

  sp.client_key = "p2";
  sp.phone = "12345";
  const Snapshot before = Snap();
  Result<std::pair<Speaker, bool>> bad = day_.AddSpeaker(commune_.id, id_, sp, Ctx());
  ASSERT_FALSE(bad.ok());
  ASSERT_FALSE(bad.error().fields.empty());
  EXPECT_EQ(bad.error().fields[0].field, "phone");
  EXPECT_EQ(Snap(), before);

  DeskOpinion d = Opinion("o2", "p1", "Tố cáo trưởng thôn thu tiền sai quy định.");
  d.petition_class = PetitionClass::kDenunciation;
  Record(d);
  ASSERT_FALSE(Conf().speakers.empty());
  EXPECT_TRUE(Conf().speakers[0].phone.empty());
  EXPECT_TRUE(Conf().speakers[0].sealed);
}

// Issue #7 §7: issuing the results notice tells the observer (the
// notification module) its number and every village of every session, once.
TEST_F(ConferenceDayTest, IssuingTheResultsNoticeTellsTheObserverWhichVillagesToReach) {
  struct Capture : ResultsNoticeObserver {
    std::vector<ResultsNoticeEvent> events;
    Status ResultsNoticeIssued(const ResultsNoticeEvent& e) override {
      events.push_back(e);
      return OkStatus();
    }
  } capture;
  day_.SetResultsObserver(&capture);
  EndAllSessions();
  SignBoth();
  ASSERT_TRUE(day_.IssueResultsNotice(commune_.id, id_, "https://x/h/1", "", Ctx()).ok());
  day_.SetResultsObserver(nullptr);
  ASSERT_EQ(capture.events.size(), 1u);
  const ResultsNoticeEvent& e = capture.events[0];
  EXPECT_EQ(e.number_text, "01/TB-UBND");
  EXPECT_EQ(e.public_url, "https://x/h/1");
  EXPECT_EQ(e.conference, id_);
  EXPECT_EQ(e.villages, (std::vector<VillageId>{villages_[0], villages_[1], villages_[2]}));
}

// Issue #7 §7: the message to a village head names its conference and
// village, so that sending it records the delivery; nothing else parses.
TEST(ResultsNoticeTopicTest, RoundTripsAndRefusesOtherText) {
  const std::string topic = ResultsNoticeTopic(ConferenceId{12}, VillageId{305});
  EXPECT_EQ(topic, "results:12:305");
  const auto parsed = ParseResultsNoticeTopic(topic);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->first, ConferenceId{12});
  EXPECT_EQ(parsed->second, VillageId{305});
  for (const char* other :
       {"", "results:", "results:12", "results:12:", "results::3", "results:0:3", "results:1:x",
        "result:1:2", "results:1:2:3", "results:-1:2", "results:99999999999999999999:1"}) {
    EXPECT_FALSE(ParseResultsNoticeTopic(other).has_value()) << other;
  }
}

// ---- Defects found by these tests, fixed ----

// conference_day.cc RecordOpinion: the answer is checked for blankness only;
// PetitionService::Answer then refuses it (> 20000 characters, or not
// UTF-8) after Submit has stored the petition, which stays behind unlinked.
TEST_F(ConferenceDayTest, AnswerRefusedByThePetitionServiceChangesNothing) {
  AddSpeaker("s1", "Nguyễn Văn An", villages_[0]);
  DeskOpinion o = Opinion("o1", "s1", "Đề nghị sửa đường thôn 1.");
  o.outcome = OpinionOutcome::kAnswered;
  o.answered_by = "Chủ tịch UBND xã";
  o.answer = std::string(20001, 'a');
  const Snapshot before = Snap();
  auto r = day_.RecordOpinion(commune_, id_, o, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Snap(), before);
  EXPECT_TRUE(petition_repo_.petitions().empty());
}

// conference_day.cc AddSpeaker: the name limit counts bytes ("tối đa 200 ký
// tự" refuses a 70-character Vietnamese name) while the petition intake
// allows at most kMaxSubmitterNameChars (100) characters, so a speaker named
// with 101..200 characters is accepted but none of their opinions can be
// recorded.
TEST_F(ConferenceDayTest, SpeakerNameLimitMatchesThePetitionsLimit) {
  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += "Ằ";  // 70 characters, 210 bytes
  DeskSpeaker s;
  s.client_key = "s1";
  s.name = seventy;
  EXPECT_TRUE(day_.AddSpeaker(commune_.id, id_, s, Ctx()).ok());
  s.client_key = "s2";
  s.name = std::string(kMaxSubmitterNameChars + 1, 'a');
  auto too_long = day_.AddSpeaker(commune_.id, id_, s, Ctx());
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().fields.at(0).field, "name");
}

// conference_day.cc EndSession: started_at and ended_at are written before
// MarkSessionHeld refuses (session dated later, or conference cancelled), so
// a refused end still changes the conference.
TEST_F(ConferenceDayTest, RefusedEndSessionChangesNothing) {
  ConferenceChange later;
  later.action = "test.session_later";
  later.apply = [](Conference& conf) -> Result<std::string> {
    conf.sessions.at(1).date = conf.sessions.at(1).date.AddDays(1);
    return std::string("{}");
  };
  ASSERT_TRUE(conference_repo_.Update(commune_.id, id_, std::nullopt, later, Ctx()).ok());
  const Snapshot before = Snap();
  auto r = day_.EndSession(commune_.id, id_, 2, Ctx());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "Phiên 2 họp ngày 05/12/2026, chưa đến ngày họp.");
  EXPECT_EQ(Snap(), before);
  EXPECT_FALSE(Conf().FindSession(2)->ended_at.has_value());
}

}  // namespace
}  // namespace doithoai
