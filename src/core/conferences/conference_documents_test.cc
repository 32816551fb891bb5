// Tests for the conference documents: the plan generated from the seed's data
// equals the seed plan (domain.md §3, seed file 000_7414d4dbb2642779), the
// invitations follow Mẫu 1.7 with a check-in QR code, the public notice
// carries the four DLG-07 parts, the loudspeaker text reads aloud cleanly,
// and the default invitation list has the expected members.
#include "core/conferences/conference_documents.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/documents/markup.h"
#include "core/documents/seed_plan_fixture.h"

namespace doithoai {
namespace {

// "Số:" + at least three spaces + `symbol` (a number left blank until issue).
bool IsBlankNumber(const std::string& line, const std::string& symbol) {
  const std::string prefix = "Số:";
  if (line.rfind(prefix, 0) != 0 || line.size() < prefix.size() + 3 + symbol.size()) return false;
  if (line.compare(line.size() - symbol.size(), symbol.size(), symbol) != 0) return false;
  const std::string gap = line.substr(prefix.size(), line.size() - prefix.size() - symbol.size());
  return gap.size() >= 3 && gap.find_first_not_of(' ') == std::string::npos;
}

// A number written with a leading zero ("08", "07") anywhere in `text`.
bool HasLeadingZeroNumber(const std::string& text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const bool starts = i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9');
    if (starts && text[i] == '0' && text[i + 1] >= '0' && text[i + 1] <= '9') return true;
  }
  return false;
}

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct SeedFixture {
  Commune commune;
  std::vector<Village> villages;
  std::vector<Official> officials;
  Conference conference;
  DocumentContext context;
};

// The seed's data: xã Hoằng Trường, 9 villages, chaired by Lê Thanh Cảnh,
// one half-day session on 08/12/2023 at the commune hall, plan 05/KH-UBND.
SeedFixture Seed() {
  SeedFixture f;
  f.commune.id = CommuneId{1};
  f.commune.slug = "hoang-truong";
  f.commune.name = "Hoằng Trường";
  f.commune.type = CommuneType::kXa;
  for (int i = 1; i <= 9; ++i) {
    f.villages.push_back(Village{VillageId{i}, f.commune.id, "Thôn " + std::to_string(i), i});
  }
  f.officials = {
      {OfficialId{1}, f.commune.id, "Lê Thanh Cảnh", "Chủ tịch UBND xã", std::nullopt, ""},
      {OfficialId{2}, f.commune.id, "Nguyễn Văn Bình", "Phó Chủ tịch UBND xã", std::nullopt, ""},
      {OfficialId{3}, f.commune.id, "Trần Thị Hoa", "Công chức Văn phòng – Thống kê", std::nullopt,
       ""},
      {OfficialId{4}, f.commune.id, "Lê Văn Tài", "Công chức Tài chính – Kế toán", std::nullopt,
       ""},
  };
  f.conference = DefaultConference(f.commune, f.villages, f.officials, 2023, D(2023, 12, 8));
  f.conference.issuer_parent = "UBND HUYỆN HOẰNG HÓA";
  f.conference.sessions.at(0).date = D(2023, 12, 8);
  f.conference.sessions.at(0).duration_minutes = 240;
  f.conference.sessions.at(0).venue = "Hội trường công sở xã Hoằng Trường";
  f.context.commune = f.commune;
  f.context.villages = f.villages;
  f.context.officials = f.officials;
  f.context.number = 5;
  f.context.issued_on = D(2023, 12, 8);
  f.context.public_url = "https://doithoai.example.vn/hoang-truong/hoi-nghi/7";
  f.context.rules.notice_days_before = 7;
  return f;
}

// Two sessions: villages 1–5 in the morning of 08/12, 6–9 in the afternoon of 09/12.
void SplitIntoTwoSessions(SeedFixture& f) {
  ConferenceSession first = f.conference.sessions.at(0);
  first.villages = {VillageId{1}, VillageId{2}, VillageId{3}, VillageId{4}, VillageId{5}};
  ConferenceSession second = first;
  second.number = 2;
  second.date = D(2023, 12, 9);
  second.start_minute = 14 * 60;
  second.venue = "Nhà văn hóa thôn 7";
  second.villages = {VillageId{6}, VillageId{7}, VillageId{8}, VillageId{9}};
  f.conference.sessions = {first, second};
}

std::string BodyText(const Document& doc) {
  Document body_only;
  body_only.body = doc.body;
  return PlainText(body_only);
}

std::string BodyMarkup(const Document& doc) {
  Document body_only;
  body_only.body = doc.body;
  return ToMarkup(body_only);
}

TEST(BuildPlanTest, SeedDataReproducesTheSeedPlan) {
  const SeedFixture f = Seed();
  const Document plan = BuildPlan(f.conference, f.context);
  const Document seed = SeedPlanDocument();
  const std::string text = PlainText(plan);
  for (const char* part :
       {"I. MỤC ĐÍCH, YÊU CẦU", "II. NGUYÊN TẮC, NỘI DUNG TIẾP XÚC, ĐỐI THOẠI",
        "III. CÁC BƯỚC TỔ CHỨC BUỔI TIẾP XÚC, ĐỐI THOẠI VỚI NHÂN DÂN.", "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN", "3.1. Thời gian: ½ ngày, ngày 08 tháng 12 năm 2023.",
        "3.2. Địa điểm: Tại Hội trường công sở xã Hoằng Trường.",
        "Nguồn kinh phí được cân đối trong kinh phí hoạt động năm 2023 của UBND xã.",
        "- Thôn trưởng 9 thôn;", "Số: 05/KH-UBND", "chậm nhất trước 07 ngày",
        "2. Công chức Tài chính – Ngân sách: Có trách nhiệm"}) {
    EXPECT_TRUE(Contains(text, part)) << part;
  }
  // Body, block for block, text and flags.
  EXPECT_EQ(plan.body.size(), seed.body.size());
  EXPECT_EQ(BodyText(plan), BodyText(seed));
  EXPECT_EQ(BodyMarkup(plan), BodyMarkup(seed));
  // Everything else but the issuing body's line break (FMT-11 two lines; the
  // fixture writes it on one line).
  EXPECT_EQ(plan.header.parent_body, seed.header.parent_body);
  EXPECT_EQ(plan.header.issuing_body, "ỦY BAN NHÂN DÂN\nXÃ HOẰNG TRƯỜNG");
  EXPECT_EQ(plan.header.number, seed.header.number);
  EXPECT_EQ(plan.header.place_date, seed.header.place_date);
  EXPECT_EQ(plan.title, seed.title);
  EXPECT_EQ(plan.subject, seed.subject);
  EXPECT_EQ(plan.recipients, seed.recipients);
  // FMT-32: "TM. ỦY BAN NHÂN DÂN" above "CHỦ TỊCH" (the seed text omits it).
  EXPECT_EQ(plan.signature.authority, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(plan.signature.position, "CHỦ TỊCH");
  EXPECT_EQ(plan.signature.signer_name, "Lê Thanh Cảnh");
  EXPECT_TRUE(Validate(plan).ok());
}

TEST(BuildPlanTest, PlanSurvivesTheMarkupRoundTrip) {
  const SeedFixture f = Seed();
  const Document plan = BuildPlan(f.conference, f.context);
  Result<Document> parsed = ParseMarkup(ToMarkup(plan));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(PlainText(*parsed), PlainText(plan));
}

TEST(BuildPlanTest, UnissuedNumberIsBlank) {
  SeedFixture f = Seed();
  f.context.number = 0;
  const std::string number = BuildPlan(f.conference, f.context).header.number;
  EXPECT_TRUE(IsBlankNumber(number, "/KH-UBND")) << number;
  f.context.number = 12;
  EXPECT_EQ(BuildPlan(f.conference, f.context).header.number, "Số: 12/KH-UBND");
}

TEST(BuildPlanTest, VicePresidentSignsWithTheThreeLineForm) {
  SeedFixture f = Seed();
  f.conference.signer = OfficialId{2};
  f.conference.signer_authority = "KT. CHỦ TỊCH";
  const SignatureBlock s = BuildPlan(f.conference, f.context).signature;
  EXPECT_EQ(s.authority, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH");
  EXPECT_EQ(s.position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(s.signer_name, "Nguyễn Văn Bình");
}

TEST(BuildPlanTest, SeveralSessionsListTheirVillages) {
  SeedFixture f = Seed();
  SplitIntoTwoSessions(f);
  const Document plan = BuildPlan(f.conference, f.context);
  const std::string text = PlainText(plan);
  EXPECT_TRUE(Contains(text, "Tổ chức 2 phiên theo cụm thôn"));
  EXPECT_TRUE(Contains(text,
                       "- Phiên 1 (các thôn: Thôn 1, Thôn 2, Thôn 3, Thôn 4, Thôn 5): "
                       "½ ngày, từ 07 giờ 30 ngày 08 tháng 12 năm 2023;"));
  EXPECT_TRUE(Contains(text,
                       "- Phiên 2 (các thôn: Thôn 6, Thôn 7, Thôn 8, Thôn 9): ½ ngày, từ "
                       "14 giờ 00 ngày 09 tháng 12 năm 2023."));
  EXPECT_TRUE(Contains(text, "- Phiên 2: Tại Nhà văn hóa thôn 7."));
  EXPECT_TRUE(Validate(plan).ok());
}

TEST(BuildPlanTest, BudgetLinesAddTheEstimateTable) {
  SeedFixture f = Seed();
  f.conference.budget = {
      BudgetLine{1, "Nước uống, hoa quả", "người", 100, 30000, "", std::nullopt},
      BudgetLine{2, "Trang trí hội trường", "buổi", 1, 2200000, "", std::nullopt},
  };
  const Document plan = BuildPlan(f.conference, f.context);
  const std::string text = PlainText(plan);
  EXPECT_TRUE(Contains(text, "STT | Nội dung | Số tiền (đồng)"));
  EXPECT_TRUE(Contains(text, "1 | Nước uống, hoa quả (100 người × 30.000 đồng) | 3.000.000"));
  EXPECT_TRUE(Contains(text,
                       "Tổng cộng: 5.200.000 đồng (Bằng chữ: Năm triệu hai trăm nghìn "
                       "đồng)."));
  EXPECT_TRUE(Validate(plan).ok());
}

TEST(DefaultConferenceTest, UsesTheRuleDaysAndTheCommune) {
  SeedFixture f = Seed();
  Commune ward = f.commune;
  ward.type = CommuneType::kPhuong;
  ward.name = "Hạc Thành";
  const Conference c =
      DefaultConference(ward, {f.villages[0], f.villages[1]}, f.officials, 2026, D(2026, 3, 2), 10);
  EXPECT_TRUE(Contains(c.preparation.back(), "chậm nhất trước 10 ngày"));
  EXPECT_EQ(c.recipients.front(), "- UBND tỉnh (b/c);");  // no district since 07/2025
  EXPECT_EQ(c.recipients[3], "- Tổ trưởng 2 tổ dân phố;");
  EXPECT_EQ(c.budget_source,
            "Nguồn kinh phí được cân đối trong kinh phí hoạt động năm 2026 của UBND phường.");
  ASSERT_TRUE(c.chair.has_value());
  EXPECT_EQ(c.chair->value, 1);
  EXPECT_EQ(c.signer, c.chair);
  ASSERT_EQ(c.sessions.size(), 1u);
  EXPECT_EQ(c.sessions[0].villages.size(), 2u);
  EXPECT_EQ(c.agenda.size(), DefaultAgenda(450).size());
  f.context.commune = ward;
  const Document plan = BuildPlan(c, f.context);
  EXPECT_EQ(plan.header.issuing_body, "ỦY BAN NHÂN DÂN\nPHƯỜNG HẠC THÀNH");
  EXPECT_EQ(plan.header.place_date, "Hạc Thành, ngày 08 tháng 12 năm 2023");
}

TEST(DefaultAgendaTest, HalfDayInOrder) {
  const std::vector<AgendaItem> agenda = DefaultAgenda(450);
  ASSERT_GE(agenda.size(), 7u);
  EXPECT_EQ(agenda.front().start_minute, 450);
  EXPECT_TRUE(Contains(agenda.front().content, "Đón tiếp đại biểu"));
  EXPECT_TRUE(Contains(agenda.back().content, "Bế mạc"));
  EXPECT_LE(agenda.back().start_minute, 450 + 240);
  for (std::size_t i = 1; i < agenda.size(); ++i) {
    EXPECT_LT(agenda[i - 1].start_minute, agenda[i].start_minute);
  }
}

TEST(DefaultInviteesTest, OrganisationsOfficialsAndVillageRoles) {
  SeedFixture f = Seed();
  const std::vector<Invitee> invitees =
      DefaultInvitees(f.commune, f.villages, f.officials, f.conference);
  // 7 organisations + 3 officials (the chair presides) + 3 per village.
  ASSERT_EQ(invitees.size(), 7u + 3u + 27u);
  for (std::size_t i = 0; i < invitees.size(); ++i) {
    EXPECT_EQ(invitees[i].number, static_cast<int>(i) + 1);
    EXPECT_TRUE(invitees[i].token.empty());
    EXPECT_FALSE(invitees[i].address.empty());
    EXPECT_NE(invitees[i].name, "Lê Thanh Cảnh");
    EXPECT_EQ(invitees[i].session, 0);
  }
  EXPECT_EQ(invitees[0].group, ParticipantGroup::kPartyCommittee);
  EXPECT_EQ(invitees[2].name, "Ủy ban MTTQ Việt Nam xã Hoằng Trường");
  EXPECT_EQ(invitees[7].name, "Nguyễn Văn Bình");
  EXPECT_EQ(invitees[7].group, ParticipantGroup::kPeoplesCommittee);
  EXPECT_EQ(invitees[8].group, ParticipantGroup::kCivilServants);
  EXPECT_EQ(invitees[10].name, "Bí thư Chi bộ thôn 1");
  EXPECT_EQ(invitees[11].name, "Trưởng thôn 1");
  EXPECT_EQ(invitees[12].name, "Trưởng Ban công tác Mặt trận thôn 1");
  EXPECT_EQ(invitees[12].address, "Thôn 1, xã Hoằng Trường");
  EXPECT_EQ(invitees[12].village, VillageId{1});

  SplitIntoTwoSessions(f);
  const std::vector<Invitee> split =
      DefaultInvitees(f.commune, f.villages, f.officials, f.conference);
  EXPECT_EQ(split[0].session, 0);
  EXPECT_EQ(split[10].session, 1);          // thôn 1
  EXPECT_EQ(split[10 + 3 * 6].session, 2);  // thôn 7
  EXPECT_EQ(split[10 + 3 * 6].name, "Bí thư Chi bộ thôn 7");
}

TEST(BuildInvitationsTest, OnePerInviteeWithQrCode) {
  SeedFixture f = Seed();
  f.conference.invitees = DefaultInvitees(f.commune, f.villages, f.officials, f.conference);
  for (Invitee& invitee : f.conference.invitees) {
    invitee.token = "tok" + std::to_string(invitee.number) + "_x-Y";
  }
  f.context.number = 0;
  const std::vector<Document> docs = BuildInvitations(f.conference, f.context);
  ASSERT_EQ(docs.size(), f.conference.invitees.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Invitee& invitee = f.conference.invitees[i];
    const Document& doc = docs[i];
    EXPECT_TRUE(Validate(doc).ok());
    EXPECT_EQ(doc.title, "GIẤY MỜI");
    EXPECT_TRUE(IsBlankNumber(doc.header.number, "/GM-UBND")) << doc.header.number;
    const QrCode* qr = nullptr;
    for (const Block& block : doc.body) {
      if (const auto* q = std::get_if<QrCode>(&block)) qr = q;
    }
    ASSERT_NE(qr, nullptr);
    EXPECT_EQ(qr->payload, f.context.public_url + "?gm=" + invitee.token);
    EXPECT_EQ(qr->caption, "Quét mã để xem thông tin hội nghị và điểm danh");
    const std::string text = PlainText(doc);
    EXPECT_TRUE(Contains(text, "Ủy ban nhân dân xã Hoằng Trường trân trọng kính mời:\n"));
    EXPECT_TRUE(Contains(text, "\n" + invitee.name));
    if (!invitee.title.empty()) {
      EXPECT_TRUE(Contains(text, invitee.title));
    }
    EXPECT_TRUE(Contains(text, "\nTới dự buổi tiếp xúc, đối thoại với nhân dân năm 2023"));
    EXPECT_TRUE(Contains(text, "\nChủ trì: Đồng chí Lê Thanh Cảnh – Chủ tịch UBND xã.\n"));
    EXPECT_TRUE(Contains(text, "\nThời gian: 07 giờ 30, thứ Sáu, ngày 08 tháng 12 năm 2023.\n"));
    EXPECT_TRUE(Contains(text, "\nĐịa điểm: Hội trường công sở xã Hoằng Trường.\n"));
  }
  EXPECT_EQ(docs.front().header.number, docs.back().header.number);
  // The set is stored as one markup text.
  Result<std::vector<Document>> parsed = ParseMarkupList(ToMarkupList(docs));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->size(), docs.size());
}

TEST(BuildInvitationsTest, VillageInviteesGetTheirSession) {
  SeedFixture f = Seed();
  SplitIntoTwoSessions(f);
  f.conference.invitees = DefaultInvitees(f.commune, f.villages, f.officials, f.conference);
  f.context.public_url = "https://x.vn/p?c=7";
  const std::vector<Document> docs = BuildInvitations(f.conference, f.context);
  const std::string organisation = PlainText(docs[0]);
  EXPECT_TRUE(Contains(organisation,
                       "Thời gian: Phiên 1: 07 giờ 30, thứ Sáu, ngày 08 tháng 12 "
                       "năm 2023; Phiên 2: 14 giờ 00, thứ Bảy, ngày 09 tháng 12 "
                       "năm 2023."));
  const std::string village7 = PlainText(docs[10 + 3 * 6]);
  EXPECT_TRUE(Contains(village7, "Thời gian: 14 giờ 00, thứ Bảy, ngày 09 tháng 12 năm 2023."));
  EXPECT_TRUE(Contains(village7, "Địa điểm: Nhà văn hóa thôn 7."));
  EXPECT_EQ(std::get<QrCode>(docs[0].body[6]).payload, "https://x.vn/p?c=7&gm=");
}

TEST(BuildProgrammeTest, AgendaTablePerSession) {
  SeedFixture f = Seed();
  Document programme = BuildProgramme(f.conference, f.context);
  EXPECT_TRUE(Validate(programme).ok());
  EXPECT_EQ(programme.header.number, "Số: 05/CTr-UBND");
  EXPECT_EQ(programme.title, "CHƯƠNG TRÌNH");
  const Table* table = nullptr;
  for (const Block& block : programme.body) {
    if (const auto* t = std::get_if<Table>(&block)) table = t;
  }
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->header, (std::vector<std::string>{"Thời gian", "Nội dung", "Người thực hiện"}));
  ASSERT_EQ(table->rows.size(), f.conference.agenda.size());
  EXPECT_EQ(table->rows[0][0], "07 giờ 30");

  SplitIntoTwoSessions(f);
  programme = BuildProgramme(f.conference, f.context);
  std::vector<const Table*> tables;
  for (const Block& block : programme.body) {
    if (const auto* t = std::get_if<Table>(&block)) tables.push_back(t);
  }
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[1]->rows[0][0], "14 giờ 00");  // the common agenda follows the session
  EXPECT_TRUE(Contains(PlainText(programme), "Phiên 2 (các thôn: Thôn 6, Thôn 7, Thôn 8, Thôn 9)"));
}

TEST(BuildPublicNoticeTest, HasTheFourPartsOfDlg07) {
  const SeedFixture f = Seed();
  const Document notice = BuildPublicNotice(f.conference, f.context);
  EXPECT_TRUE(Validate(notice).ok());
  EXPECT_EQ(notice.header.number, "Số: 05/TB-UBND");
  const std::string text = PlainText(notice);
  EXPECT_TRUE(Contains(text, "1. Thời gian: 07 giờ 30, thứ Sáu, ngày 08 tháng 12 năm 2023."));
  EXPECT_TRUE(Contains(text, "2. Địa điểm: Hội trường công sở xã Hoằng Trường."));
  EXPECT_TRUE(Contains(text, "3. Nội dung:"));
  EXPECT_TRUE(Contains(text, "- Các vấn đề về phát triển kinh tế"));
  EXPECT_TRUE(Contains(text, "Cách thức tham dự: " + f.conference.how_to_attend));
  EXPECT_FALSE(f.conference.how_to_attend.empty());
}

TEST(BuildPublicNoticeTest, SeveralSessionsListTimeAndVenueOfEach) {
  SeedFixture f = Seed();
  SplitIntoTwoSessions(f);
  const Document notice = BuildPublicNotice(f.conference, f.context);
  EXPECT_TRUE(Validate(notice).ok());
  const std::string text = PlainText(notice);
  EXPECT_TRUE(Contains(text,
                       "1. Thời gian: Tổ chức 2 phiên theo cụm thôn:\n- Phiên 1 (thôn: "
                       "Thôn 1, Thôn 2, Thôn 3, Thôn 4, Thôn 5): 07 giờ 30, thứ Sáu, ngày "
                       "08 tháng 12 năm 2023;\n- Phiên 2 (thôn: Thôn 6, Thôn 7, Thôn 8, "
                       "Thôn 9): 14 giờ 00, thứ Bảy, ngày 09 tháng 12 năm 2023.\n"))
      << text;
  EXPECT_TRUE(Contains(text,
                       "2. Địa điểm:\n- Phiên 1: Hội trường công sở xã Hoằng Trường;\n- "
                       "Phiên 2: Nhà văn hóa thôn 7.\n"));
  EXPECT_TRUE(Contains(text, "3. Nội dung:"));
  EXPECT_TRUE(Contains(text, "Cách thức tham dự:"));
}

TEST(NoticeSpeechTextTest, ReadableAloud) {
  SeedFixture f = Seed();
  for (int sessions : {1, 2}) {
    if (sessions == 2) SplitIntoTwoSessions(f);
    const std::string speech = NoticeSpeechText(f.conference, f.context);
    EXPECT_FALSE(Contains(speech, "UBND")) << speech;
    EXPECT_FALSE(Contains(speech, "HĐND"));
    EXPECT_FALSE(Contains(speech, "MTTQ"));
    EXPECT_FALSE(HasLeadingZeroNumber(speech)) << speech;
    EXPECT_TRUE(Contains(speech, "7 giờ 30 phút, thứ Sáu, ngày 8 tháng 12 năm 2023"));
    EXPECT_TRUE(Contains(speech, "Ủy ban nhân dân xã Hoằng Trường"));
    EXPECT_TRUE(Contains(speech, "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hoằng Trường"));
    EXPECT_TRUE(Contains(speech, "Cách thức tham dự:"));
    if (sessions == 2) {
      EXPECT_TRUE(Contains(speech,
                           "14 giờ, thứ Bảy, ngày 9 tháng 12 năm 2023, tại Nhà văn hóa "
                           "thôn 7"));
    }
  }
}

}  // namespace
}  // namespace doithoai
