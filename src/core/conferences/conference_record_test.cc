// Tests for the after-conference documents (conference_record.h): the Bảng 1
// rows (DLG-11) and their masking (CONF-02/03), the Biên bản in Mẫu 1.9
// layout (DLG-10, domain.md §3.7), the Thông báo kết quả (DLG-12, DLG-08),
// the Báo cáo kết quả of a conference and of a period with Bảng 2 and the
// charts (DLG-13, §7), and the CONF-02 marker test over every document.
#include "core/conferences/conference_record.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/testing/calendar_fixtures.h"

namespace doithoai {
namespace {

using testing::D;

// The denouncer's identity: distinctive strings that must never be printed.
constexpr char kDenouncerName[] = "Phạm Bí Mật Zeta";
constexpr char kDenouncerPhone[] = "0999888777";
constexpr char kDenouncerAddress[] = "Số 77 ngõ Kín Đáo, xóm Zeta";
constexpr char kDenouncerVillage[] = "Thôn Đồng Kín";
constexpr char kDenunciationText[] = "ông Zeta-Trưởng nhận tiền của hộ dân";
constexpr char kDenunciationCode[] = "HT-23-0004-T";
constexpr char kPseudonym[] = "Người tố cáo HT-23-0004-T";

constexpr char kRoads[] = "xay-dung-giao-thong-thuy-loi";
constexpr char kLand[] = "dat-dai-moi-truong";
constexpr char kOrder[] = "an-ninh-trat-tu";

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

Timestamp Utc(const char* day, int hour, int minute) {
  return Timestamp(std::chrono::sys_days(D(day).sys_days()) + std::chrono::hours(hour) +
                   std::chrono::minutes(minute));
}

std::string BodyText(const Document& doc) {
  Document body_only;
  body_only.body = doc.body;
  return PlainText(body_only);
}

template <typename T>
std::vector<T> BlocksOf(const Document& doc) {
  std::vector<T> out;
  for (const Block& block : doc.body) {
    if (const auto* b = std::get_if<T>(&block)) out.push_back(*b);
  }
  return out;
}

// Where `needle` first occurs in `text`, or npos.
std::size_t Pos(const std::string& text, const std::string& needle) { return text.find(needle); }

PetitionItem Item(int number, const std::string& text, PetitionClass cls, const std::string& field,
                  ItemStatus status) {
  PetitionItem item;
  item.number = number;
  item.text = text;
  item.petition_class = cls;
  item.field = field;
  item.status = status;
  return item;
}

void Answer(PetitionItem& item, const char* on, const std::string& by, const std::string& text) {
  item.answer = PetitionAnswer{text, "", false, D(on), by};
}

Petition Raised(int id, const std::string& code, const std::string& name,
                std::optional<VillageId> village, std::vector<PetitionItem> items) {
  Petition p;
  p.id = PetitionId{id};
  p.commune_id = CommuneId{1};
  p.code = code;
  p.year = 2023;
  p.channel = PetitionChannel::kConference;
  p.submitter.name = name;
  p.submitter.village_id = village;
  p.village_id = village;
  p.conference_id = ConferenceId{7};
  p.session_number = 1;
  p.received_on = D("2023-12-08");
  p.items = std::move(items);
  return p;
}

struct Fixture {
  DocumentContext context;
  std::vector<Unit> units;
  std::vector<Petition> petitions;
  Conference conference;
  ConferenceRecord record;
};

// xã Hoằng Trường, 9 villages (the 9th with a distinctive name), one session
// on 08/12/2023; 6 speakers (one waiting), 8 opinions of which one is a tố
// cáo by speaker 4, who also raised an ordinary proposal.
Fixture Make() {
  Fixture f;
  Commune& commune = f.context.commune;
  commune.id = CommuneId{1};
  commune.slug = "hoang-truong";
  commune.name = "Hoằng Trường";
  commune.type = CommuneType::kXa;
  for (int i = 1; i <= 8; ++i) {
    f.context.villages.push_back(Village{VillageId{i}, commune.id, "Thôn " + std::to_string(i), i});
  }
  f.context.villages.push_back(Village{VillageId{9}, commune.id, kDenouncerVillage, 9});
  f.context.villages.push_back(Village{VillageId{10}, commune.id, "Làng Trung Thành", 10});
  f.context.officials = {
      {OfficialId{1}, commune.id, "Lê Thanh Cảnh", "Chủ tịch UBND xã", std::nullopt, ""},
      {OfficialId{2}, commune.id, "Nguyễn Văn Bình", "Phó Chủ tịch UBND xã", std::nullopt, ""},
      {OfficialId{3}, commune.id, "Trần Thị Hoa", "Công chức Văn phòng – Thống kê", std::nullopt,
       ""},
  };
  f.context.number = 5;
  f.context.issued_on = D("2023-12-15");
  f.units = {{UnitId{1}, commune.id, "Công chức Địa chính – Xây dựng", "ĐC-XD"},
             {UnitId{2}, commune.id, "Công an xã", "CA"}};

  Conference& c = f.conference;
  c = DefaultConference(commune, f.context.villages, f.context.officials, 2023, D("2023-11-20"));
  c.id = ConferenceId{7};
  c.sessions.at(0).date = D("2023-12-08");
  c.sessions.at(0).start_minute = 7 * 60 + 30;
  c.sessions.at(0).duration_minutes = 240;
  c.sessions.at(0).venue = "Hội trường công sở xã Hoằng Trường";
  c.sessions.at(0).started_at = Utc("2023-12-08", 0, 35);  // 07 giờ 35 in Việt Nam
  c.sessions.at(0).ended_at = Utc("2023-12-08", 4, 20);    // 11 giờ 20
  c.agenda = {{0, 450, "Khai mạc hội nghị", "Chủ tịch UBND"},
              {0, 480, "Nhân dân phát biểu ý kiến", "Chủ tọa điều hành"},
              {0, 660, "Phát biểu kết luận hội nghị", "Chủ tịch UBND"}};

  auto speaker = [&c](int number, const std::string& name, std::optional<VillageId> village,
                      SpeakerState state) {
    Speaker s;
    s.number = number;
    s.name = name;
    s.village = village;
    s.agenda_item = 2;
    s.state = state;
    c.speakers.push_back(s);
  };
  speaker(1, "Nguyễn Văn An", VillageId{1}, SpeakerState::kDone);
  speaker(2, "Trần Thị Bích", VillageId{2}, SpeakerState::kDone);
  speaker(3, "Lê Văn Cường", VillageId{3}, SpeakerState::kDone);
  // The desk did not seal this speaker: the rows must mask it themselves.
  speaker(4, kDenouncerName, VillageId{9}, SpeakerState::kDone);
  speaker(5, "Hoàng Thị Duyên", std::nullopt, SpeakerState::kDone);
  speaker(6, "Đặng Văn Phúc", VillageId{6}, SpeakerState::kWaiting);  // never spoke

  // P1: a proposal answered in the room, and a second item answered later on time.
  PetitionItem p1a = Item(1, "Đề nghị sửa đường trục thôn 1", PetitionClass::kProposal, kRoads,
                          ItemStatus::kAnswered);
  Answer(p1a, "2023-12-08", "Lê Thanh Cảnh", "Đã đưa vào kế hoạch sửa chữa quý I năm 2024");
  PetitionItem p1b = Item(2, "Đề nghị lắp biển báo khúc cua", PetitionClass::kProposal, kRoads,
                          ItemStatus::kAnswered);
  p1b.unit_id = UnitId{1};
  p1b.deadline = D("2023-12-25");
  Answer(p1b, "2023-12-18", "Nguyễn Văn Bình", "Đã lắp biển báo");
  // P2: a land complaint assigned (overdue as of 10/01/2024) and a report
  // in progress with an internal target before its legal deadline.
  PetitionItem p2a = Item(1, "Khiếu nại việc đo đạc lại thửa đất", PetitionClass::kComplaint, kLand,
                          ItemStatus::kAssigned);
  p2a.unit_id = UnitId{1};
  p2a.deadline = D("2023-12-30");
  PetitionItem p2b =
      Item(2, "Phản ánh rác thải ven kênh", PetitionClass::kReport, kLand, ItemStatus::kInProgress);
  p2b.unit_id = UnitId{1};
  p2b.deadline = D("2024-01-20");
  p2b.internal_target = D("2024-01-15");
  // P3: beyond the commune's authority (XLD-02).
  PetitionItem p3 = Item(1, "Đề nghị nâng cấp quốc lộ qua xã", PetitionClass::kProposal, kRoads,
                         ItemStatus::kForwarded);
  p3.forwarded_to = "Sở Giao thông vận tải tỉnh Thanh Hóa";
  // P4: the tố cáo (CONF-02/03), with a second, ordinary item.
  PetitionItem p4a = Item(1, std::string("Tố cáo ") + kDenunciationText,
                          PetitionClass::kDenunciation, kOrder, ItemStatus::kAssigned);
  p4a.unit_id = UnitId{2};
  p4a.deadline = D("2024-02-05");
  PetitionItem p4b =
      Item(2, "Đề nghị xử lý Zeta-hộ nợ thuế", PetitionClass::kProposal, "", ItemStatus::kAnswered);
  Answer(p4b, "2023-12-08", "Lê Thanh Cảnh", "Zeta-trả lời nêu tên người tố cáo");
  Petition p4 = Raised(104, kDenunciationCode, kDenouncerName, VillageId{9}, {p4a, p4b});
  p4.submitter.phone = kDenouncerPhone;
  p4.submitter.address = kDenouncerAddress;
  // P5: the same speaker's ordinary proposal, answered in the room.
  PetitionItem p5 = Item(1, "Đề nghị lắp đèn chiếu sáng ngõ xóm", PetitionClass::kProposal, kRoads,
                         ItemStatus::kAnswered);
  Answer(p5, "2023-12-08", "Lê Thanh Cảnh", "Đồng ý lắp trong tháng 01/2024");
  // P6: unclassified, answered later on time, the citizen satisfied.
  PetitionItem p6 = Item(1, "Hỏi về chế độ hỗ trợ người cao tuổi", PetitionClass::kProposal, "",
                         ItemStatus::kNotified);
  p6.deadline = D("2023-12-20");
  Answer(p6, "2023-12-15", "Trần Thị Hoa", "Đã hướng dẫn hồ sơ");
  p6.rating = PetitionRating{true, "", Timestamp{}};
  // P7: raised without a registered speaker, answered late, not satisfied.
  PetitionItem p7 =
      Item(1, "Đề nghị nạo vét mương tiêu", PetitionClass::kProposal, kRoads, ItemStatus::kClosed);
  p7.deadline = D("2023-12-10");
  Answer(p7, "2023-12-12", "Nguyễn Văn Bình", "Đã nạo vét");
  p7.rating = PetitionRating{false, "", Timestamp{}};
  // P8: an open item with no unit yet.
  PetitionItem p8 = Item(1, "Đề nghị sửa nhà văn hóa thôn", PetitionClass::kProposal, kRoads,
                         ItemStatus::kClassified);

  // Stored in another order than the proceedings.
  f.petitions = {
      Raised(107, "HT-23-0007-K", "Vũ Văn Em", VillageId{6}, {p7}),
      p4,
      Raised(101, "HT-23-0001-K", "Nguyễn Văn An", VillageId{1}, {p1a, p1b}),
      Raised(103, "HT-23-0003-K", "Lê Văn Cường", VillageId{3}, {p3}),
      Raised(102, "HT-23-0002-K", "Trần Thị Bích", VillageId{2}, {p2a, p2b}),
      Raised(106, "HT-23-0006-K", "Hoàng Thị Duyên", VillageId{5}, {p6}),
      Raised(105, "HT-23-0005-K", kDenouncerName, VillageId{9}, {p5}),
      Raised(108, "HT-23-0008-K", "Ngô Thị Giang", VillageId{8}, {p8}),
  };
  auto opinion = [&c](int number, int speaker_no, int petition, const std::string& code) {
    Opinion o;
    o.number = number;
    o.session = 1;
    o.speaker = speaker_no;
    o.agenda_item = 2;
    o.petition = PetitionId{petition};
    o.code = code;
    c.opinions.push_back(o);
  };
  opinion(1, 1, 101, "HT-23-0001-K");
  opinion(2, 2, 102, "HT-23-0002-K");
  opinion(3, 3, 103, "HT-23-0003-K");
  opinion(4, 4, 104, kDenunciationCode);
  opinion(5, 4, 105, "HT-23-0005-K");
  opinion(6, 5, 106, "HT-23-0006-K");
  opinion(7, 0, 107, "HT-23-0007-K");
  opinion(8, 1, 108, "HT-23-0008-K");

  // DLG-10 attendance: counts for two groups, check-ins for the others.
  c.attendance = {{1, ParticipantGroup::kPartyCommittee, 3},
                  {1, ParticipantGroup::kCitizenRepresentative, 120}};
  auto invitee = [&c](int number, ParticipantGroup group, const std::string& name,
                      const std::string& title, bool checked_in) {
    Invitee i;
    i.number = number;
    i.group = group;
    i.name = name;
    i.title = title;
    i.address = "Trụ sở UBND xã";
    if (checked_in) i.checked_in_at = Utc("2023-12-08", 0, 20);
    c.invitees.push_back(i);
  };
  c.invitees.clear();
  invitee(1, ParticipantGroup::kCivilServants, "Bà Trần Thị Hoa", "Công chức Văn phòng", true);
  invitee(2, ParticipantGroup::kCivilServants, "Ông Lê Văn Tài", "Công chức Tài chính", true);
  invitee(3, ParticipantGroup::kVillage, "Ông Đỗ Văn Hùng", "Trưởng thôn 1", true);
  invitee(4, ParticipantGroup::kVillage, "Ông Mai Văn Khải", "Trưởng thôn 2", false);
  // Counted by the desk: check-ins of a counted group are not added again.
  invitee(5, ParticipantGroup::kPartyCommittee, "Ông Bùi Văn Lâm", "Phó Bí thư", true);

  c.minutes.addenda = {
      {1, "Bổ sung ý kiến của Thôn 7 về thủy lợi.", "Trần Thị Hoa", Utc("2023-12-09", 2, 0)}};

  f.record.fields = DefaultPetitionFields();
  f.record.rows = MakeOpinionRows(c, f.petitions, f.record.fields, f.units, f.context.villages);
  f.record.figures = ComputeReport(f.petitions, f.record.fields, D("2023-12-08"), D("2023-12-08"),
                                   D("2024-01-10"));
  return f;
}

// ---- MakeOpinionRows (DLG-11, Bảng 1)

TEST(MakeOpinionRowsTest, OneRowPerItemInOrderOfProceedings) {
  const Fixture f = Make();
  const auto& rows = f.record.rows;
  ASSERT_EQ(rows.size(), 11u);
  const std::vector<std::pair<int, std::string>> expected = {
      {1, "HT-23-0001-K"}, {1, "HT-23-0001-K"},    {2, "HT-23-0002-K"},    {2, "HT-23-0002-K"},
      {3, "HT-23-0003-K"}, {4, kDenunciationCode}, {4, kDenunciationCode}, {5, "HT-23-0005-K"},
      {6, "HT-23-0006-K"}, {7, "HT-23-0007-K"},    {8, "HT-23-0008-K"}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(rows[i].opinion, expected[i].first) << i;
    EXPECT_EQ(rows[i].code, expected[i].second) << i;
    EXPECT_EQ(rows[i].session, 1);
  }
  // Speaker and village from the speaker; agenda item by its 1-based index.
  EXPECT_EQ(rows[0].speaker_name, "Nguyễn Văn An");
  EXPECT_EQ(rows[0].village_name, "Thôn 1");
  EXPECT_EQ(rows[0].agenda_item, "Nhân dân phát biểu ý kiến");
  EXPECT_EQ(rows[0].field_label, "xây dựng – giao thông – thủy lợi (hạ tầng)");
  EXPECT_EQ(rows[0].class_abbrev, "KNg");
  EXPECT_TRUE(rows[0].answered_in_room);
  EXPECT_EQ(rows[0].answered_by, "Lê Thanh Cảnh");
  EXPECT_EQ(rows[0].answer, "Đã đưa vào kế hoạch sửa chữa quý I năm 2024");
  EXPECT_FALSE(rows[0].open);
  // Answered after the conference: not "in the room".
  EXPECT_FALSE(rows[1].answered_in_room);
  EXPECT_EQ(rows[1].answer, "Đã lắp biển báo");
  // Classes KN / PA; the unit's name; the internal target before the legal deadline.
  EXPECT_EQ(rows[2].class_abbrev, "KN");
  EXPECT_EQ(rows[2].unit_name, "Công chức Địa chính – Xây dựng");
  EXPECT_EQ(rows[2].deadline, D("2023-12-30"));
  EXPECT_EQ(rows[2].status_label, "Đã giao xử lý");
  EXPECT_TRUE(rows[2].open);
  EXPECT_EQ(rows[3].class_abbrev, "PA");
  EXPECT_EQ(rows[3].deadline, D("2024-01-15"));
  // XLD-02: forwarded = beyond the commune's authority.
  EXPECT_TRUE(rows[4].beyond_authority);
  EXPECT_EQ(rows[4].forwarded_to, "Sở Giao thông vận tải tỉnh Thanh Hóa");
  EXPECT_FALSE(rows[2].beyond_authority);
  // No village on the speaker: the petition's village.
  EXPECT_EQ(rows[8].speaker_name, "Hoàng Thị Duyên");
  EXPECT_EQ(rows[8].village_name, "Thôn 5");
  EXPECT_EQ(rows[8].field_label, "");
  // No speaker: the submitter's name and village.
  EXPECT_EQ(rows[9].speaker_name, "Vũ Văn Em");
  EXPECT_EQ(rows[9].village_name, "Thôn 6");
  EXPECT_EQ(rows[10].unit_name, "");
}

TEST(MakeOpinionRowsTest, MasksEveryRowOfADenunciation) {
  // CONF-02/03: pseudonym, no village, the topic only, no answer, for every
  // item of the petition (the second item is an ordinary proposal).
  const Fixture f = Make();
  const OpinionRow& tc = f.record.rows[5];
  EXPECT_TRUE(tc.denunciation);
  EXPECT_EQ(tc.class_abbrev, "TC");
  EXPECT_EQ(tc.speaker_name, kPseudonym);
  EXPECT_EQ(tc.village_name, "");
  EXPECT_EQ(tc.content,
            "Ý kiến có nội dung tố cáo về lĩnh vực an ninh – trật tự; nội dung được ghi nhận "
            "riêng theo quy định bảo vệ người tố cáo.");
  EXPECT_EQ(tc.answer, "");
  EXPECT_EQ(tc.unit_name, "Công an xã");
  const OpinionRow& second = f.record.rows[6];
  EXPECT_TRUE(second.denunciation);
  EXPECT_EQ(second.class_abbrev, "KNg");
  EXPECT_EQ(second.speaker_name, kPseudonym);
  EXPECT_EQ(second.village_name, "");
  EXPECT_EQ(second.content,
            "Ý kiến có nội dung tố cáo về lĩnh vực chưa phân loại; nội dung được ghi nhận riêng "
            "theo quy định bảo vệ người tố cáo.");
  EXPECT_EQ(second.answer, "");
  EXPECT_TRUE(second.answered_in_room);
  // The denouncer's other opinion keeps its content but not the name.
  const OpinionRow& other = f.record.rows[7];
  EXPECT_FALSE(other.denunciation);
  EXPECT_EQ(other.speaker_name, kPseudonym);
  EXPECT_EQ(other.village_name, "");
  EXPECT_EQ(other.content, "Đề nghị lắp đèn chiếu sáng ngõ xóm");
}

TEST(MakeOpinionRowsTest, SealedPetitionUsesItsDisplayName) {
  Fixture f = Make();
  for (Petition& p : f.petitions) {
    if (p.code == kDenunciationCode) {
      p.identity_sealed = true;  // CONF-01: the submitter is not loaded
      p.submitter = Submitter{};
      p.village_id.reset();
    }
  }
  const auto rows =
      MakeOpinionRows(f.conference, f.petitions, f.record.fields, f.units, f.context.villages);
  EXPECT_EQ(rows[5].speaker_name, kPseudonym);
  EXPECT_EQ(rows[5].speaker_name, f.petitions[1].DisplayName());
}

TEST(MakeOpinionRowsTest, SkipsAnOpinionWithoutItsPetition) {
  Fixture f = Make();
  f.petitions.erase(f.petitions.begin() + 3);  // HT-23-0003-K
  const auto rows =
      MakeOpinionRows(f.conference, f.petitions, f.record.fields, f.units, f.context.villages);
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[4].code, kDenunciationCode);
  EXPECT_EQ(rows[4].number, 5);
}

TEST(OpinionTableTest, HasTheColumnsOfBang1) {
  const Fixture f = Make();
  const Table table = OpinionTable(f.record.rows);
  const std::vector<std::string> header = {"STT",
                                           "Người kiến nghị (họ tên, thôn)",
                                           "Nội dung",
                                           "Lĩnh vực",
                                           "Phân loại",
                                           "Trả lời tại hội nghị",
                                           "Đơn vị được giao",
                                           "Thời hạn",
                                           "Thẩm quyền",
                                           "Ghi chú"};
  EXPECT_EQ(table.header, header);
  ASSERT_EQ(table.rows.size(), f.record.rows.size());
  EXPECT_EQ(table.rows[0][1], "Nguyễn Văn An, Thôn 1");
  EXPECT_EQ(table.rows[0][5], "Có; Lê Thanh Cảnh; Đã đưa vào kế hoạch sửa chữa quý I năm 2024");
  EXPECT_EQ(table.rows[2][7], "30/12/2023");
  EXPECT_EQ(table.rows[4][8], "Vượt cấp xã");
  EXPECT_EQ(table.rows[2][8], "Xã");
  EXPECT_EQ(table.rows[5][1], kPseudonym);
  EXPECT_EQ(table.rows[8][3], "chưa phân loại");
}

// ---- Times and attendance (DLG-10)

TEST(SessionTimesTest, RecordedTimesInVietnamTimeElsePlanned) {
  ConferenceSession s;
  s.date = D("2023-12-08");
  s.start_minute = 450;
  s.duration_minutes = 240;
  EXPECT_EQ(SessionStartText(s), "07 giờ 30, ngày 08 tháng 12 năm 2023");
  EXPECT_EQ(SessionEndText(s), "11 giờ 30, ngày 08 tháng 12 năm 2023");
  s.started_at = Utc("2023-12-07", 17, 10);  // 00 giờ 10 on the 8th, UTC+7
  EXPECT_EQ(SessionStartText(s), "00 giờ 10, ngày 08 tháng 12 năm 2023");
  EXPECT_EQ(SessionEndText(s), "04 giờ 10, ngày 08 tháng 12 năm 2023");
  s.ended_at = Utc("2023-12-08", 9, 5);
  EXPECT_EQ(SessionEndText(s), "16 giờ 05, ngày 08 tháng 12 năm 2023");
}

TEST(SessionAttendanceTest, CountsElseCheckIns) {
  const Fixture f = Make();
  const auto groups = SessionAttendance(f.conference, f.conference.sessions.at(0));
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].group, ParticipantGroup::kPartyCommittee);
  EXPECT_EQ(groups[0].count, 3);  // the desk's count, not 3 + 1 check-in
  EXPECT_EQ(groups[1].group, ParticipantGroup::kCivilServants);
  EXPECT_EQ(groups[1].count, 2);
  EXPECT_EQ(groups[2].group, ParticipantGroup::kVillage);
  EXPECT_EQ(groups[2].count, 1);
  EXPECT_EQ(groups[3].group, ParticipantGroup::kCitizenRepresentative);
  EXPECT_EQ(groups[3].count, 120);
  EXPECT_EQ(AttendanceTotal(f.conference), 126);
}

// ---- Biên bản (Mẫu 1.9, DLG-10)

TEST(BuildMinutesTest, FollowsMau19) {
  const Fixture f = Make();
  const Document doc = BuildMinutes(f.conference, f.context, f.record);
  EXPECT_TRUE(Validate(doc).ok()) << Validate(doc).error().message;
  EXPECT_EQ(doc.header.number, "Số: 05/BB-UBND");
  EXPECT_EQ(doc.header.place_date, "");  // §3.7: no place-date line
  EXPECT_EQ(doc.header.issuing_body, "ỦY BAN NHÂN DÂN\nXÃ HOẰNG TRƯỜNG");
  EXPECT_EQ(doc.title, "BIÊN BẢN");
  EXPECT_EQ(doc.subject, "Buổi tiếp xúc, đối thoại với nhân dân năm 2023");
  // THƯ KÝ left, CHỦ TỌA right.
  ASSERT_TRUE(doc.left_signature.has_value());
  EXPECT_EQ(doc.left_signature->authority, "");
  EXPECT_EQ(doc.left_signature->position, "THƯ KÝ");
  EXPECT_EQ(doc.left_signature->signer_name, "Trần Thị Hoa");
  EXPECT_EQ(doc.signature.authority, "");
  EXPECT_EQ(doc.signature.position, "CHỦ TỌA");
  EXPECT_EQ(doc.signature.signer_name, "Lê Thanh Cảnh");
  const std::vector<std::string> recipients = {"- Thường trực Đảng ủy, HĐND xã;",
                                               "- UB MTTQ Việt Nam xã;", "- Lưu: VT, Hồ sơ."};
  EXPECT_EQ(doc.recipients, recipients);

  // The fields of Mẫu 1.9, in order.
  const std::string text = BodyText(doc);
  std::size_t last = 0;
  for (const char* part :
       {"Thời gian bắt đầu: 07 giờ 35, ngày 08 tháng 12 năm 2023.",
        "Địa điểm: Hội trường công sở xã Hoằng Trường.",
        "Thành phần tham dự:", "Chủ trì (chủ tọa): Đồng chí Lê Thanh Cảnh – Chủ tịch UBND xã",
        "Thư ký (người ghi biên bản): Đồng chí Trần Thị Hoa – Công chức Văn "
        "phòng – Thống kê.",
        "Nội dung (theo diễn biến hội nghị):", "- 07 giờ 30: Khai mạc hội nghị (Chủ tịch UBND).",
        "Hội nghị kết thúc vào 11 giờ 20, ngày 08 tháng 12 năm 2023/.",
        "Phụ lục: TỔNG HỢP Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ",
        "Biên bản bổ sung số 1 (ngày 09/12/2023): Bổ sung ý kiến của Thôn 7"}) {
    const std::size_t at = Pos(text, part);
    ASSERT_NE(at, std::string::npos) << part << "\n" << text;
    EXPECT_GE(at, last) << part;
    last = at;
  }
}

TEST(BuildMinutesTest, RecordsAttendanceAndProceedings) {
  const Fixture f = Make();
  const std::string text = BodyText(BuildMinutes(f.conference, f.context, f.record));
  // DLG-10: counts by group; citizens with the named speakers (masked), not
  // the speaker who never spoke; the invitees checked in.
  EXPECT_TRUE(Contains(text, "- Thường trực Đảng ủy: 3 người;")) << text;
  EXPECT_TRUE(Contains(text, "- Công chức: 2 người;"));
  EXPECT_TRUE(Contains(text,
                       "- Đại diện Nhân dân: 120 người; 5 công dân phát biểu: Nguyễn Văn "
                       "An, Trần Thị Bích, Lê Văn Cường, Người tố cáo HT-23-0004-T, Hoàng "
                       "Thị Duyên;"))
      << text;
  EXPECT_FALSE(Contains(text, "Đặng Văn Phúc"));
  EXPECT_TRUE(Contains(text, "- Bà Trần Thị Hoa, Công chức Văn phòng;"));
  EXPECT_FALSE(Contains(text, "Mai Văn Khải"));  // not checked in
  // Opinions in order, with what the room did.
  const std::size_t an = Pos(text, "Ông/Bà Nguyễn Văn An (Thôn 1) phát biểu:");
  const std::size_t bich = Pos(text, "Ông/Bà Trần Thị Bích (Thôn 2) phát biểu:");
  const std::size_t cuong = Pos(text,
                                "Ông/Bà Lê Văn Cường (Thôn 3) phát biểu: Đề nghị nâng cấp "
                                "quốc lộ qua xã.");
  ASSERT_NE(an, std::string::npos) << text;
  ASSERT_NE(bich, std::string::npos);
  ASSERT_NE(cuong, std::string::npos);
  EXPECT_LT(an, bich);
  EXPECT_LT(bich, cuong);
  EXPECT_TRUE(Contains(text,
                       "- Đề nghị sửa đường trục thôn 1. Trả lời: Lê Thanh Cảnh: Đã đưa "
                       "vào kế hoạch sửa chữa quý I năm 2024."));
  EXPECT_TRUE(Contains(text,
                       "- Khiếu nại việc đo đạc lại thửa đất. Giao Công chức Địa chính – "
                       "Xây dựng giải quyết, hạn 30/12/2023."));
  EXPECT_TRUE(Contains(text,
                       "Vượt thẩm quyền, chuyển Sở Giao thông vận tải tỉnh Thanh Hóa xem "
                       "xét, giải quyết."));
  EXPECT_TRUE(Contains(text, "Người tố cáo HT-23-0004-T phát biểu:"));
  EXPECT_TRUE(Contains(text, "Ông/Bà Vũ Văn Em (Thôn 6) phát biểu: Đề nghị nạo vét mương tiêu."));
  // Bảng 1 appendix.
  const auto tables = BlocksOf<Table>(BuildMinutes(f.conference, f.context, f.record));
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].header.size(), 10u);
  EXPECT_EQ(tables[0].rows.size(), f.record.rows.size());
}

TEST(BuildMinutesTest, PlannedTimesWhenNotRecorded) {
  Fixture f = Make();
  f.conference.sessions.at(0).started_at.reset();
  f.conference.sessions.at(0).ended_at.reset();
  const std::string text = BodyText(BuildMinutes(f.conference, f.context, f.record));
  EXPECT_TRUE(Contains(text, "Thời gian bắt đầu: 07 giờ 30, ngày 08 tháng 12 năm 2023."));
  EXPECT_TRUE(Contains(text, "Hội nghị kết thúc vào 11 giờ 30, ngày 08 tháng 12 năm 2023/."));
}

TEST(BuildMinutesTest, SeveralSessionsListEach) {
  Fixture f = Make();
  ConferenceSession second = f.conference.sessions.at(0);
  second.number = 2;
  second.date = D("2023-12-09");
  second.start_minute = 14 * 60;
  second.venue = "Nhà văn hóa Thôn 7";
  second.villages = {VillageId{7}};
  second.started_at.reset();
  second.ended_at.reset();
  f.conference.sessions.at(0).villages = {VillageId{1}, VillageId{2}};
  f.conference.sessions.push_back(second);
  const Document doc = BuildMinutes(f.conference, f.context, f.record);
  EXPECT_TRUE(Validate(doc).ok());
  const std::string text = BodyText(doc);
  EXPECT_TRUE(Contains(text, "- Phiên 2: 14 giờ 00, ngày 09 tháng 12 năm 2023.")) << text;
  EXPECT_TRUE(Contains(text, "Phiên 1 kết thúc vào 11 giờ 20, ngày 08 tháng 12 năm 2023."));
  EXPECT_TRUE(Contains(text, "Hội nghị kết thúc vào 18 giờ 00, ngày 09 tháng 12 năm 2023/."));
}

// ---- Thông báo kết quả (DLG-12, DLG-08)

TEST(BuildResultsNoticeTest, ThreeSectionsAndEveryVillageHead) {
  const Fixture f = Make();
  const Document doc = BuildResultsNotice(f.conference, f.context, f.record);
  EXPECT_TRUE(Validate(doc).ok()) << Validate(doc).error().message;
  EXPECT_EQ(doc.header.number, "Số: 05/TB-UBND");
  EXPECT_EQ(doc.header.place_date, "Hoằng Trường, ngày 15 tháng 12 năm 2023");
  EXPECT_EQ(doc.title, "THÔNG BÁO");
  EXPECT_EQ(doc.subject, "Kết quả buổi tiếp xúc, đối thoại với nhân dân năm 2023");
  // §3.8: signed as the plan.
  EXPECT_EQ(doc.signature.authority, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(doc.signature.position, "CHỦ TỊCH");
  EXPECT_EQ(doc.signature.signer_name, "Lê Thanh Cảnh");
  EXPECT_FALSE(doc.left_signature.has_value());

  const std::string text = BodyText(doc);
  const std::size_t one = Pos(text, "I. CÁC Ý KIẾN, KIẾN NGHỊ ĐÃ ĐƯỢC TRẢ LỜI TẠI HỘI NGHỊ");
  const std::size_t two = Pos(text, "II. CÁC Ý KIẾN, KIẾN NGHỊ GIAO GIẢI QUYẾT SAU HỘI NGHỊ");
  const std::size_t three =
      Pos(text, "III. CÁC Ý KIẾN, KIẾN NGHỊ VƯỢT THẨM QUYỀN, CHUYỂN CẤP TRÊN");
  const std::size_t annex = Pos(text, "Phụ lục: TỔNG HỢP Ý KIẾN, KIẾN NGHỊ TẠI HỘI NGHỊ");
  ASSERT_NE(one, std::string::npos) << text;
  ASSERT_NE(two, std::string::npos);
  ASSERT_NE(three, std::string::npos);
  ASSERT_NE(annex, std::string::npos);
  EXPECT_LT(one, two);
  EXPECT_LT(two, three);
  EXPECT_LT(three, annex);
  const std::size_t answered = Pos(text,
                                   "Ông/Bà Nguyễn Văn An (Thôn 1): Đề nghị sửa đường trục "
                                   "thôn 1. Trả lời (Lê Thanh Cảnh): Đã đưa vào kế hoạch");
  const std::size_t assigned = Pos(text,
                                   "Ông/Bà Trần Thị Bích (Thôn 2): Khiếu nại việc đo đạc "
                                   "lại thửa đất. Giao Công chức Địa chính – Xây dựng giải "
                                   "quyết, hạn 30/12/2023;");
  const std::size_t forwarded = Pos(text,
                                    "Đề nghị nâng cấp quốc lộ qua xã. Chuyển Sở Giao thông "
                                    "vận tải tỉnh Thanh Hóa xem xét, giải quyết");
  EXPECT_TRUE(one < answered && answered < two) << text;
  EXPECT_TRUE(two < assigned && assigned < three);
  EXPECT_TRUE(three < forwarded && forwarded < annex);
  EXPECT_EQ(BlocksOf<Table>(doc).size(), 1u);

  // DLG-08: every village head is a recipient.
  for (const char* line : {"- Trưởng thôn 1;", "- Trưởng thôn 8;", "- Trưởng thôn Đồng Kín;",
                           "- Trưởng thôn Làng Trung Thành;", "- Niêm yết tại trụ sở UBND xã;",
                           "- Đài truyền thanh xã;"}) {
    EXPECT_NE(std::find(doc.recipients.begin(), doc.recipients.end(), line), doc.recipients.end())
        << line;
  }
  int heads = 0;
  for (const std::string& line : doc.recipients) heads += line.rfind("- Trưởng ", 0) == 0;
  EXPECT_EQ(heads, static_cast<int>(f.context.villages.size()));
  EXPECT_EQ(doc.recipients.back(), "- Lưu: VT.");
}

TEST(BuildResultsNoticeTest, WardHeadsAreTổTrưởng) {
  Fixture f = Make();
  f.context.commune.type = CommuneType::kPhuong;
  f.context.villages = {Village{VillageId{1}, f.context.commune.id, "Tổ dân phố 3", 1}};
  const Document doc = BuildResultsNotice(f.conference, f.context, f.record);
  EXPECT_NE(std::find(doc.recipients.begin(), doc.recipients.end(), "- Tổ trưởng tổ dân phố 3;"),
            doc.recipients.end());
}

// ---- Báo cáo kết quả (DLG-13, Bảng 2)

TEST(BuildConferenceReportTest, Bang2EqualsComputeReport) {
  const Fixture f = Make();
  const ReportFigures& r = f.record.figures;
  const Document doc = BuildConferenceReport(f.conference, f.context, f.record);
  EXPECT_TRUE(Validate(doc).ok()) << Validate(doc).error().message;
  EXPECT_EQ(doc.header.number, "Số: 05/BC-UBND");
  EXPECT_EQ(doc.title, "BÁO CÁO");
  EXPECT_EQ(doc.subject, "Kết quả tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023");
  EXPECT_EQ(doc.signature.signer_name, "Lê Thanh Cảnh");
  EXPECT_EQ(doc.recipients.front(), "- UBND huyện (b/c);");  // before 07/2025 (§4)
  const auto tables = BlocksOf<Table>(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  const std::vector<std::string> header = {"Lĩnh vực",
                                           "Tổng số",
                                           "Trả lời tại hội nghị",
                                           "Giao giải quyết sau hội nghị",
                                           "Chuyển cấp trên",
                                           "Đã giải quyết xong",
                                           "Đang giải quyết",
                                           "Quá hạn"};
  EXPECT_EQ(t.header, header);
  ASSERT_EQ(t.rows.size(), r.by_field.size() + 1);
  auto expect_row = [](const std::vector<std::string>& row, const FieldFigures& x) {
    EXPECT_EQ(row[1], std::to_string(x.total)) << row[0];
    EXPECT_EQ(row[2], std::to_string(x.answered_in_room)) << row[0];
    EXPECT_EQ(row[3], std::to_string(x.assigned_after)) << row[0];
    EXPECT_EQ(row[4], std::to_string(x.forwarded)) << row[0];
    EXPECT_EQ(row[5], std::to_string(x.resolved)) << row[0];
    EXPECT_EQ(row[6], std::to_string(x.in_progress)) << row[0];
    EXPECT_EQ(row[7], std::to_string(x.overdue)) << row[0];
  };
  for (std::size_t i = 0; i < r.by_field.size(); ++i) expect_row(t.rows[i], r.by_field[i]);
  EXPECT_EQ(t.rows.back()[0], "Tổng cộng");
  expect_row(t.rows.back(), r.totals);
  // The fixture's numbers, so the check above is not vacuous.
  EXPECT_EQ(r.totals.total, 11);
  EXPECT_EQ(r.totals.answered_in_room, 3);
  EXPECT_EQ(r.totals.forwarded, 1);
  EXPECT_EQ(t.rows[1][0], "Xây dựng – giao thông – thủy lợi (hạ tầng)");
  EXPECT_EQ(t.rows[1][1], "6");

  const std::string text = BodyText(doc);
  for (const char* part :
       {"I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ",
        "Vào 07 giờ 35, ngày 08 tháng 12 năm 2023, tại Hội trường công sở xã Hoằng Trường",
        "Tổng số người tham dự: 126 người.",
        "Có 5 lượt công dân phát biểu, nêu 8 ý kiến với 11 nội dung ý kiến, kiến nghị.",
        "II. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ",
        "Tổng số ý kiến, kiến nghị tiếp nhận: 11 ý kiến (khiếu nại: 1; tố cáo: 1; kiến nghị: 8; "
        "phản ánh: 1).",
        "Trả lời trực tiếp tại hội nghị: 3 ý kiến; giải quyết sau hội nghị: 7 ý kiến; chuyển cấp "
        "trên: 1 ý kiến.",
        "Thuộc thẩm quyền giải quyết của cấp xã: 10 ý kiến; vượt thẩm quyền, chuyển cơ quan có "
        "thẩm quyền: 1 ý kiến.",
        "Tính đến ngày 10/01/2024: đã giải quyết xong 6 ý kiến; đang giải quyết 3 ý kiến; quá hạn "
        "1 ý kiến.",
        // Answered after the conference with a deadline: 2 of 3 on time.
        "Tỷ lệ giải quyết đúng hạn: 66,7% (2/3 ý kiến có thời hạn).",
        "Tỷ lệ công dân hài lòng với kết quả giải quyết: 50,0% (1/2 ý kiến được đánh giá).",
        "III. ĐỀ XUẤT, KIẾN NGHỊ",
        "- HT-23-0002-K: Khiếu nại việc đo đạc lại thửa đất (Công chức Địa chính – Xây dựng, hạn "
        "30/12/2023)."}) {
    EXPECT_TRUE(Contains(text, part)) << part << "\n" << text;
  }
  // Two charts: by field, by outcome.
  const auto charts = BlocksOf<Chart>(doc);
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(charts[0].series.size(), 3u);
  EXPECT_EQ(charts[1].labels.size(), 4u);
}

TEST(BuildPeriodReportTest, FiguresWithoutAConference) {
  const Fixture f = Make();
  ReportFigures r = f.record.figures;
  r.rated = 0;
  r.satisfied = 0;
  r.answered_with_deadline = 0;
  r.answered_on_time = 0;
  DocumentContext context = f.context;
  context.issued_on = D("2026-01-05");
  const Document doc = BuildPeriodReport(r, context, "quý IV năm 2023");
  EXPECT_TRUE(Validate(doc).ok()) << Validate(doc).error().message;
  EXPECT_EQ(doc.header.number, "Số: 05/BC-UBND");
  EXPECT_EQ(doc.subject,
            "Kết quả tiếp nhận, giải quyết ý kiến, kiến nghị của Nhân dân quý IV năm 2023");
  EXPECT_EQ(doc.signature.authority, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(doc.signature.signer_name, "Lê Thanh Cảnh");
  EXPECT_EQ(doc.recipients.front(), "- UBND tỉnh (b/c);");  // two-level government
  const std::string text = BodyText(doc);
  EXPECT_FALSE(Contains(text, "KẾT QUẢ TỔ CHỨC HỘI NGHỊ"));
  EXPECT_TRUE(Contains(text, "I. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ")) << text;
  EXPECT_TRUE(Contains(text, "II. ĐỀ XUẤT, KIẾN NGHỊ"));
  EXPECT_TRUE(Contains(text, "Tỷ lệ giải quyết đúng hạn: chưa có số liệu."));
  EXPECT_TRUE(Contains(text, "Tỷ lệ công dân hài lòng với kết quả giải quyết: chưa có số liệu."));
  EXPECT_TRUE(Contains(text, "Còn 1 ý kiến, kiến nghị quá hạn giải quyết"));
  EXPECT_EQ(BlocksOf<Table>(doc).size(), 1u);
  EXPECT_EQ(BlocksOf<Chart>(doc).size(), 2u);
}

// ---- Charts (DLG-13)

TEST(ChartsTest, FieldChartHasTheNonEmptyFields) {
  const Fixture f = Make();
  const ReportFigures& r = f.record.figures;
  const Chart chart = FieldChart(r);
  std::vector<std::string> labels;
  std::vector<const FieldFigures*> rows;
  for (const FieldFigures& x : r.by_field) {
    if (x.total > 0) {
      labels.push_back(x.label);
      rows.push_back(&x);
    }
  }
  EXPECT_EQ(chart.labels, labels);
  // Land, roads, order, unclassified.
  EXPECT_EQ(labels.size(), 4u);
  EXPECT_EQ(labels.back(), "chưa phân loại");
  const std::vector<std::string> series = {"Trả lời tại hội nghị", "Giải quyết sau hội nghị",
                                           "Chuyển cấp trên"};
  EXPECT_EQ(chart.series, series);
  ASSERT_EQ(chart.values.size(), 3u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(chart.values[0].size(), labels.size());
    ASSERT_EQ(chart.values[1].size(), labels.size());
    ASSERT_EQ(chart.values[2].size(), labels.size());
    EXPECT_EQ(chart.values[0][i], rows[i]->answered_in_room);
    EXPECT_EQ(chart.values[1][i], rows[i]->assigned_after);
    EXPECT_EQ(chart.values[2][i], rows[i]->forwarded);
  }
}

TEST(ChartsTest, OutcomeChartHasOneSeries) {
  const Fixture f = Make();
  const ReportFigures& r = f.record.figures;
  const Chart chart = OutcomeChart(r);
  const std::vector<std::string> labels = {"Đã giải quyết xong", "Đang giải quyết", "Quá hạn",
                                           "Lưu đơn"};
  EXPECT_EQ(chart.labels, labels);
  ASSERT_EQ(chart.series, std::vector<std::string>{"Số ý kiến"});
  ASSERT_EQ(chart.values.size(), 1u);
  const std::vector<double> values = {
      static_cast<double>(r.totals.resolved), static_cast<double>(r.totals.in_progress),
      static_cast<double>(r.totals.overdue), static_cast<double>(r.totals.filed)};
  EXPECT_EQ(chart.values[0], values);
  EXPECT_FALSE(chart.title.empty());
}

TEST(ChartsTest, EmptyFiguresGiveAnEmptyFieldChart) {
  const ReportFigures r =
      ComputeReport({}, DefaultPetitionFields(), D("2023-01-01"), D("2023-12-31"), D("2024-01-01"));
  const Chart chart = FieldChart(r);
  EXPECT_TRUE(chart.labels.empty());
  ASSERT_EQ(chart.values.size(), 3u);
  EXPECT_TRUE(chart.values[0].empty());
  // A period with nothing received still gives a valid report.
  const Fixture f = Make();
  const Document doc = BuildPeriodReport(r, f.context, "năm 2023");
  EXPECT_TRUE(Validate(doc).ok()) << Validate(doc).error().message;
  EXPECT_TRUE(Contains(BodyText(doc), "Không có ý kiến, kiến nghị quá hạn giải quyết."));
}

// ---- CONF-02 marker test: no document prints the denouncer's identity

void ExpectNoIdentity(const std::string& text, const std::string& what, bool village_checked) {
  for (const char* marker : {kDenouncerName, kDenouncerPhone, kDenouncerAddress, kDenunciationText,
                             "Zeta-hộ nợ thuế", "Zeta-trả lời"}) {
    EXPECT_FALSE(Contains(text, marker)) << what << " prints " << marker;
  }
  if (village_checked) {
    EXPECT_FALSE(Contains(text, kDenouncerVillage)) << what << " prints the village";
  }
}

TEST(ConfidentialityTest, NoDocumentPrintsTheDenouncer) {
  // CONF-02: rendered with a tố cáo record (the submitter loaded by an
  // audited read, the desk's speaker not sealed): the name, phone, address
  // and village never appear, the pseudonym does.
  Fixture f = Make();
  // The same rows whichever way the petition is stored.
  for (int sealed = 0; sealed < 2; ++sealed) {
    if (sealed == 1) {
      for (Petition& p : f.petitions) {
        if (p.code == kDenunciationCode) p.identity_sealed = true;
      }
      Speaker& s = f.conference.speakers.at(3);
      s.name = kPseudonym;  // as the desk seals it (CONF-01)
      s.village.reset();
      s.sealed = true;
      f.record.rows =
          MakeOpinionRows(f.conference, f.petitions, f.record.fields, f.units, f.context.villages);
    }
    const Document minutes = BuildMinutes(f.conference, f.context, f.record);
    const Document notice = BuildResultsNotice(f.conference, f.context, f.record);
    const Document report = BuildConferenceReport(f.conference, f.context, f.record);
    ExpectNoIdentity(PlainText(minutes), "minutes", true);
    ExpectNoIdentity(PlainText(report), "report", true);
    ExpectNoIdentity(PlainText(notice), "notice", false);
    // The notice names every village head (DLG-08), never the denouncer's
    // village beside an opinion.
    ExpectNoIdentity(BodyText(notice), "notice body", true);
    EXPECT_TRUE(Contains(PlainText(minutes), kPseudonym));
    EXPECT_TRUE(Contains(PlainText(notice), kPseudonym));
    for (const Document* doc : {&minutes, &notice, &report}) {
      EXPECT_TRUE(Validate(*doc).ok());
      if (doc->left_signature) {
        EXPECT_FALSE(Contains(doc->left_signature->signer_name, kDenouncerName));
      }
    }
  }
}

}  // namespace
}  // namespace doithoai
