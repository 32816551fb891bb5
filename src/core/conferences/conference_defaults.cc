// DefaultConference, DefaultInvitees, DefaultAgenda: the seed plan's wording
// (/work/shared/seed/000_7414d4dbb2642779.txt) adapted to a commune. The
// wording is kept verbatim, including the seed's old-style "Uỷ ban" (TXT-04
// keeps original text for display) and its "Đảng ủy- Hội đồng" spacing, so
// that the plan generated for the seed's data equals the seed.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/conferences/conference_documents.h"
#include "core/conferences/conference_documents_internal.h"

namespace doithoai {

using conference_documents_internal::TwoDigits;
using conference_documents_internal::UpperFirst;
using conference_documents_internal::VillageWord;

namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

const Official* FindChair(const std::vector<Official>& officials) {
  for (const Official& official : officials) {
    if (StartsWith(official.position, "Chủ tịch")) return &official;
  }
  return nullptr;
}

// The district was abolished on 01/7/2025 (domain.md §4): from then on the
// plan reports to the province.
constexpr int kTwoLevelYear = 2025;
constexpr int kTwoLevelMonth = 7;

}  // namespace

std::vector<AgendaItem> DefaultAgenda(int start_minute) {
  const struct {
    int offset;
    const char* content;
    const char* presenter;
  } kItems[] = {
      {0, "Đón tiếp đại biểu, ổn định tổ chức", "Văn phòng UBND"},
      {30, "Tuyên bố lý do, giới thiệu đại biểu", "Công chức Văn phòng UBND"},
      {40, "Phát biểu khai mạc hội nghị", "Chủ tịch UBND"},
      {50, "Báo cáo kết quả giải quyết kiến nghị của Nhân dân tại buổi đối thoại kỳ trước",
       "Phó Chủ tịch UBND"},
      {80,
       "Nhân dân phát biểu ý kiến, kiến nghị và đối thoại: chủ tọa điều hành; lãnh đạo UBND và "
       "các bộ phận chuyên môn trả lời",
       "Chủ tọa; lãnh đạo UBND, công chức chuyên môn"},
      {200, "Phát biểu kết luận hội nghị", "Chủ tịch UBND"},
      {225, "Bế mạc hội nghị", "Chủ tọa"},
  };
  std::vector<AgendaItem> agenda;
  for (const auto& item : kItems) {
    agenda.push_back(AgendaItem{0, start_minute + item.offset, item.content, item.presenter});
  }
  return agenda;
}

Conference DefaultConference(const Commune& commune, const std::vector<Village>& villages,
                             const std::vector<Official>& officials, int year, Date plan_date,
                             int notice_days) {
  Conference c;
  c.commune_id = commune.id;
  c.year = year;
  c.plan_date = plan_date;
  const std::string y = std::to_string(year);
  const std::string w(CommuneTypeWord(commune.type));  // "xã"
  const std::string display = commune.DisplayName();   // "xã Hoằng Trường"
  const std::string v = VillageWord(commune);          // "thôn"

  c.subject = "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm " + y;
  c.intro =
      "Để tăng cường sự gần gũi giữa chính quyền với nhân dân, nâng cao trách nhiệm của người "
      "đứng đầu trong quá trình thực hiện nhiệm vụ, góp phần mở rộng hình thức dân chủ và tạo sự "
      "đồng thuận cao trong xã hội. Đồng thời, tiếp tục duy trì và đổi mới việc tổ chức định kỳ "
      "các buổi tiếp xúc, đối thoại với nhân dân trên địa bàn " +
      w + " trong năm " + y + " và các năm tiếp theo. Uỷ ban nhân dân " + display +
      " xây dựng Kế hoạch thực hiện như sau:";
  c.objectives = {
      "Tiếp tục đẩy mạnh phát huy dân chủ ở chính quyền " + w +
          " để kịp thời nắm bắt tâm tư, "
          "nguyện vọng của nhân dân, nhanh chóng giải quyết thỏa đáng những kiến nghị, yêu cầu "
          "chưa "
          "được giải quyết của người dân, qua đó, hạn chế việc người dân khiếu nại, tố cáo vượt "
          "cấp;",
      "Thông qua các buổi tiếp xúc, đối thoại với nhân dân để nâng cao năng lực, phong cách ứng "
      "xử, trình độ chuyên môn, tinh thần, thái độ phục vụ trong thực thi công vụ của cán bộ, "
      "công chức;",
      "Thực hiện đối thoại, tiếp xúc với nhân dân cần nghiên cứu, lựa chọn những vấn đề nổi cộm "
      "mà dư luận đang quan tâm cần tháo gỡ, giải quyết kịp thời. Trong và sau tiếp xúc, đối "
      "thoại các vấn đề nêu ra phải được giải quyết kịp thời, đúng quy định của pháp luật để tạo "
      "niềm tin trong nhân dân."};
  c.principles = {
      "Thực hiện hiệu quả các phương châm như: \"nghe dân nói – nói dân hiểu – làm dân tin\"; "
      "\"dân biết – dân bàn – dân làm – dân kiểm tra\" để nhân dân tham gia góp ý xây dựng chính "
      "quyền;",
      "Đảm bảo dân chủ, công khai, tôn trọng lẫn nhau; chấp hành nghiêm đường lối chủ trương, "
      "chính sách của Đảng, pháp luật của Nhà nước; không được lợi dụng buổi tiếp xúc, đối thoại "
      "để thực hiện ý đồ xấu."};
  c.content_areas = {
      "Những vấn đề phát sinh khi thực hiện những chủ trương của Đảng, chính sách, pháp luật của "
      "Nhà nước;",
      "Các vấn đề về phát triển kinh tế, văn hóa, xã hội, an ninh trật tự ở địa phương;",
      "Mối quan hệ giữa Đảng bộ, chính quyền, các ngành, đoàn thể với nhân dân; những khó khăn, "
      "bức xúc trong quá trình giải quyết thủ tục hành chính của người dân;",
      "Những dư luận xã hội mà người dân quan tâm, thắc mắc cần tháo gỡ, giải quyết kịp thời."};
  c.preparation = {
      "Xây dựng Kế hoạch tiếp xúc, đối thoại với nhân dân, cần nêu rõ mục đích, yêu cầu, nội "
      "dung, thành phần tham dự, thời gian, địa điểm và phân công tổ chức thực hiện;",
      "Chuẩn bị chương trình, nội dung và tài liệu phục vụ buổi tiếp xúc, đối thoại;",
      "Chọn nhân sự tham gia tiếp xúc, đối thoại, thư ký và bộ phận giúp việc; giao nhiệm vụ cụ "
      "thể cho từng cá nhân, từng bộ phận đảm nhiệm trong các giai đoạn: chuẩn bị, thực hiện và "
      "xử lý công việc sau buổi tiếp xúc, đối thoại;",
      "Chọn địa điểm tiếp xúc, đối thoại phải đảm bảo trang trọng, an toàn về an ninh, trật tự, "
      "có đủ điều kiện cần thiết phục vụ cho việc tiếp xúc, đối thoại;",
      "Khi tiếp xúc, đối thoại với nhân dân thì cán bộ, công chức phải mặc trang phục lịch sự, "
      "giản dị, phù hợp, đeo thẻ công chức theo quy định, phải có thái độ hòa nhã, thân thiện, "
      "lắng nghe ý kiến đóng góp của nhân dân;",
      // DLG-07: the rule set's notice period.
      "Khi công tác chuẩn bị đã hoàn chỉnh, chậm nhất trước " + TwoDigits(notice_days) +
          " ngày khi tổ chức buổi tiếp xúc, đối thoại thì UBND " + w +
          " phải gửi giấy mời và thông báo rộng rãi trên hệ thống đài truyền thanh để nhân dân "
          "biết tham dự."};
  c.participants = {
      "Đối với UBND " + w +
          " gồm: Thường trực Đảng ủy- Hội đồng nhân dân, UBND, UB MTTQ Việt "
          "Nam, trưởng các đoàn thể và các công chức; Chủ tịch UBND " +
          w + " là chủ tọa của buổi tiếp xúc, đối thoại.",
      "Đối với các đơn vị " + v + " thành phần gồm: Bí thư chi bộ, Trưởng " + v +
          ", Ban công tác Mặt trận " + v + ".",
      "Tùy tình hình thực tế và nội dung của buổi tiếp xúc, đối thoại mà Uỷ ban nhân dân " + w +
          " có thể mời đại diện cơ quan trên địa bàn hoặc đại diện cơ quan trực tiếp có liên "
          "quan tham dự buổi tiếp xúc, đối thoại; Đại diện nhân dân trên địa bàn " +
          w + "."};
  c.budget_source =
      "Nguồn kinh phí được cân đối trong kinh phí hoạt động năm " + y + " của UBND " + w + ".";
  c.assignments = {
      Assignment{"Văn phòng UBND " + w,
                 "",
                 {"Giúp Lãnh đạo UBND " + w +
                      " cụ thể hóa Kế hoạch này thành chương trình chi "
                      "tiết từng hội nghị tuyên truyền, đối thoại.",
                  "Phối hợp với Công chức Tài chính – Ngân sách lập dự trù kinh phí; chuẩn bị "
                  "các điều kiện cần thiết để tổ chức các đợt tuyên truyền, đối thoại; lập các "
                  "thủ tục thanh toán chi phí tổ chức các hội nghị theo quy định."}},
      Assignment{"Công chức Tài chính – Ngân sách",
                 "Có trách nhiệm đảm bảo kinh phí phục vụ các hội nghị; hướng dẫn và thanh quyết "
                 "toán theo quy định.",
                 {}}};
  c.closing = "Trên đây là Kế hoạch tổ chức buổi tiếp xúc, đối thoại với nhân dân trên địa bàn " +
              display + " trong năm " + y + ".";

  const bool two_level = plan_date.year() > kTwoLevelYear ||
                         (plan_date.year() == kTwoLevelYear && plan_date.month() >= kTwoLevelMonth);
  const std::string heads =
      commune.type == CommuneType::kPhuong ? "- Tổ trưởng " : "- Thôn trưởng ";
  c.recipients = {two_level ? "- UBND tỉnh (b/c);" : "- UBND huyện (b/c);",
                  "- TV ĐU – TT HĐND " + w + " (b/c);",
                  "- Chủ tịch, PCT UBND " + w + ";",
                  heads + std::to_string(villages.size()) + " " + v + ";",
                  "- Đài Truyền thanh " + w + ";",
                  "- Lưu: VT."};
  c.how_to_attend = "Mọi người dân trên địa bàn " + w +
                    " được đến dự trực tiếp tại địa điểm tổ chức, không cần "
                    "giấy mời; có thể gửi trước ý kiến, kiến nghị bằng văn bản qua Trưởng " +
                    v + " hoặc Bộ phận Một cửa của UBND " + w +
                    ", hoặc trình bày trực tiếp tại buổi đối thoại.";
  c.front_coordination = "Ủy ban MTTQ Việt Nam " + display;

  if (const Official* chair = FindChair(officials)) {
    c.chair = chair->id;
    c.signer = chair->id;
  }
  for (const Official& official : officials) {
    if (official.position.find("Văn phòng") != std::string::npos) {
      c.secretary = official.id;
      break;
    }
  }

  ConferenceSession session;
  session.number = 1;
  session.date = plan_date.AddDays(std::max(14, notice_days + 7));
  session.start_minute = 7 * 60 + 30;
  session.duration_minutes = 240;
  session.venue = "Hội trường công sở " + display;
  for (const Village& village : villages) session.villages.push_back(village.id);
  c.sessions.push_back(std::move(session));
  c.agenda = DefaultAgenda(7 * 60 + 30);
  return c;
}

std::vector<Invitee> DefaultInvitees(const Commune& commune, const std::vector<Village>& villages,
                                     const std::vector<Official>& officials,
                                     const Conference& conference) {
  const std::string display = commune.DisplayName();
  const std::string hq = commune.address.empty() ? "Trụ sở UBND " + display : commune.address;
  std::vector<Invitee> invitees;
  auto add = [&invitees](ParticipantGroup group, std::string name, std::string title,
                         std::string address) {
    Invitee invitee;
    invitee.number = static_cast<int>(invitees.size()) + 1;
    invitee.group = group;
    invitee.name = std::move(name);
    invitee.title = std::move(title);
    invitee.address = std::move(address);
    invitees.push_back(std::move(invitee));
    return &invitees.back();
  };
  // DLG-06 and seed §III.2: the commune's organisations.
  add(ParticipantGroup::kPartyCommittee, "Thường trực Đảng ủy " + display, "", hq);
  add(ParticipantGroup::kPeoplesCouncil, "Thường trực HĐND " + display, "", hq);
  add(ParticipantGroup::kFatherlandFront, "Ủy ban MTTQ Việt Nam " + display, "", hq);
  for (const char* organisation :
       {"Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh"}) {
    add(ParticipantGroup::kMassOrganisations, std::string(organisation) + " " + display, "", hq);
  }
  // Every official but the chair, who presides.
  std::optional<OfficialId> chair = conference.chair;
  if (!chair) {
    if (const Official* found = FindChair(officials)) chair = found->id;
  }
  for (const Official& official : officials) {
    if (chair && official.id == *chair) continue;
    const ParticipantGroup group = StartsWith(official.position, "Phó Chủ tịch")
                                       ? ParticipantGroup::kPeoplesCommittee
                                       : ParticipantGroup::kCivilServants;
    add(group, official.full_name, official.position, hq);
  }
  // Per village: Party cell secretary, village head, Front committee head.
  const std::string v = VillageWord(commune);
  for (const Village& village : villages) {
    int session = 0;
    if (conference.sessions.size() > 1) {
      for (const ConferenceSession& s : conference.sessions) {
        if (std::find(s.villages.begin(), s.villages.end(), village.id) != s.villages.end()) {
          session = s.number;
          break;
        }
      }
    }
    // "Thôn 1" is written "thôn 1" inside a title; other names stay as they are.
    std::string place = village.name;
    const std::string capital = UpperFirst(v) + " ";
    if (StartsWith(place, capital)) place = v + " " + place.substr(capital.size());
    if (!StartsWith(place, v + " ")) place = v + " " + place;
    const std::string address = village.name + ", " + display;
    for (const std::string& role :
         {"Bí thư Chi bộ " + place, "Trưởng " + place, "Trưởng Ban công tác Mặt trận " + place}) {
      Invitee* invitee = add(ParticipantGroup::kVillage, role, "", address);
      invitee->village = village.id;
      invitee->session = session;
    }
  }
  return invitees;
}

}  // namespace doithoai
