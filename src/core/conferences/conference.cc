#include "core/conferences/conference.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

namespace doithoai {

namespace {

// One row of an enum's code table: the stored/API code and the Vietnamese
// label shown to users.
template <typename E>
struct EnumName {
  E value;
  std::string_view code;
  std::string_view label;
};

template <typename E, std::size_t N>
const EnumName<E>& Row(const std::array<EnumName<E>, N>& table, E value) {
  for (const auto& row : table) {
    if (row.value == value) return row;
  }
  return table[0];
}

template <typename E, std::size_t N>
Result<E> ParseCode(const std::array<EnumName<E>, N>& table, std::string_view code,
                    std::string_view what) {
  for (const auto& row : table) {
    if (row.code == code) return row.value;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string(what) + " không hợp lệ: \"" + std::string(code) + "\".");
}

constexpr std::array<EnumName<ConferencePurpose>, 3> kPurposes{{
    {ConferencePurpose::kAnnualDialogue, "annual_dialogue", "Đối thoại định kỳ hằng năm"},
    {ConferencePurpose::kOnRequest, "on_request", "Đối thoại theo yêu cầu của cử tri"},
    {ConferencePurpose::kConsultation, "consultation", "Lấy ý kiến Nhân dân"},
}};

constexpr std::array<EnumName<ConferenceMode>, 3> kModes{{
    {ConferenceMode::kInPerson, "in_person", "Trực tiếp"},
    {ConferenceMode::kOnline, "online", "Trực tuyến"},
    {ConferenceMode::kSocialNetwork, "social_network", "Qua mạng xã hội"},
}};

constexpr std::array<EnumName<ConferenceState>, 11> kStates{{
    {ConferenceState::kDraftPlan, "draft_plan", "Dự thảo kế hoạch"},
    {ConferenceState::kPlanIssued, "plan_issued", "Đã ban hành kế hoạch"},
    {ConferenceState::kProgrammeIssued, "programme_issued", "Đã ban hành chương trình"},
    {ConferenceState::kNoticePublished, "notice_published", "Đã thông báo, gửi giấy mời"},
    {ConferenceState::kHeld, "held", "Đã tổ chức"},
    {ConferenceState::kMinutesSigned, "minutes_signed", "Đã ký biên bản"},
    {ConferenceState::kResultsPublished, "results_published", "Đã công khai kết quả"},
    {ConferenceState::kFollowUp, "follow_up", "Đang theo dõi giải quyết"},
    {ConferenceState::kReportIssued, "report_issued", "Đã báo cáo"},
    {ConferenceState::kBudgetSettled, "budget_settled", "Đã quyết toán"},
    {ConferenceState::kCancelled, "cancelled", "Đã hủy"},
}};

constexpr std::array<EnumName<ParticipantGroup>, 9> kGroups{{
    {ParticipantGroup::kPartyCommittee, "party_committee", "Thường trực Đảng ủy"},
    {ParticipantGroup::kPeoplesCouncil, "peoples_council", "Thường trực HĐND"},
    {ParticipantGroup::kPeoplesCommittee, "peoples_committee", "UBND"},
    {ParticipantGroup::kFatherlandFront, "fatherland_front", "UB MTTQ Việt Nam"},
    {ParticipantGroup::kMassOrganisations, "mass_organisations", "Các đoàn thể"},
    {ParticipantGroup::kCivilServants, "civil_servants", "Công chức"},
    {ParticipantGroup::kVillage, "village", "Thôn"},
    {ParticipantGroup::kInvitedAgency, "invited_agency", "Cơ quan được mời"},
    {ParticipantGroup::kCitizenRepresentative, "citizen_representative", "Đại diện Nhân dân"},
}};

constexpr std::array<EnumName<InvitationStatus>, 5> kInvitationStatuses{{
    {InvitationStatus::kDraft, "draft", "Chưa in"},
    {InvitationStatus::kPrinted, "printed", "Đã in"},
    {InvitationStatus::kSent, "sent", "Đã gửi"},
    {InvitationStatus::kConfirmed, "confirmed", "Xác nhận dự"},
    {InvitationStatus::kDeclined, "declined", "Báo vắng"},
}};

constexpr std::array<EnumName<TaskPhase>, 3> kPhases{{
    {TaskPhase::kPreparation, "preparation", "Chuẩn bị"},
    {TaskPhase::kConferenceDay, "conference_day", "Ngày hội nghị"},
    {TaskPhase::kAfter, "after", "Sau hội nghị"},
}};

constexpr std::array<EnumName<PublicationChannel>, 5> kChannels{{
    {PublicationChannel::kLoudspeaker, "loudspeaker", "Đài truyền thanh xã"},
    {PublicationChannel::kNoticeBoard, "notice_board", "Niêm yết tại trụ sở"},
    {PublicationChannel::kPortal, "portal", "Cổng thông tin điện tử"},
    {PublicationChannel::kVillageHeads, "village_heads", "Gửi trưởng thôn"},
    {PublicationChannel::kSocialNetwork, "social_network", "Mạng xã hội"},
}};

std::string TwoDigits(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

void AddField(std::vector<FieldError>& errors, std::string field, std::string message) {
  errors.push_back(FieldError{std::move(field), std::move(message)});
}

bool Blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

std::string_view ConferencePurposeCode(ConferencePurpose v) { return Row(kPurposes, v).code; }
Result<ConferencePurpose> ParseConferencePurpose(std::string_view code) {
  return ParseCode(kPurposes, code, "Mục đích hội nghị");
}
std::string_view ConferencePurposeLabel(ConferencePurpose v) { return Row(kPurposes, v).label; }

std::string_view ConferenceModeCode(ConferenceMode v) { return Row(kModes, v).code; }
Result<ConferenceMode> ParseConferenceMode(std::string_view code) {
  return ParseCode(kModes, code, "Hình thức hội nghị");
}
std::string_view ConferenceModeLabel(ConferenceMode v) { return Row(kModes, v).label; }

std::string_view ConferenceStateCode(ConferenceState v) { return Row(kStates, v).code; }
Result<ConferenceState> ParseConferenceState(std::string_view code) {
  return ParseCode(kStates, code, "Trạng thái hội nghị");
}
std::string_view ConferenceStateLabel(ConferenceState v) { return Row(kStates, v).label; }

std::string_view ParticipantGroupCode(ParticipantGroup v) { return Row(kGroups, v).code; }
Result<ParticipantGroup> ParseParticipantGroup(std::string_view code) {
  return ParseCode(kGroups, code, "Thành phần");
}
std::string_view ParticipantGroupLabel(ParticipantGroup v) { return Row(kGroups, v).label; }

std::string_view InvitationStatusCode(InvitationStatus v) {
  return Row(kInvitationStatuses, v).code;
}
Result<InvitationStatus> ParseInvitationStatus(std::string_view code) {
  return ParseCode(kInvitationStatuses, code, "Tình trạng giấy mời");
}
std::string_view InvitationStatusLabel(InvitationStatus v) {
  return Row(kInvitationStatuses, v).label;
}

std::string_view TaskPhaseCode(TaskPhase v) { return Row(kPhases, v).code; }
Result<TaskPhase> ParseTaskPhase(std::string_view code) {
  return ParseCode(kPhases, code, "Giai đoạn");
}
std::string_view TaskPhaseLabel(TaskPhase v) { return Row(kPhases, v).label; }

std::string_view PublicationChannelCode(PublicationChannel v) { return Row(kChannels, v).code; }
Result<PublicationChannel> ParsePublicationChannel(std::string_view code) {
  return ParseCode(kChannels, code, "Kênh thông báo");
}
std::string_view PublicationChannelLabel(PublicationChannel v) { return Row(kChannels, v).label; }

std::string_view SpeakerStateCode(SpeakerState v) {
  switch (v) {
    case SpeakerState::kWaiting:
      return "waiting";
    case SpeakerState::kSpeaking:
      return "speaking";
    case SpeakerState::kDone:
      return "done";
  }
  return "waiting";
}

Result<SpeakerState> ParseSpeakerState(std::string_view code) {
  for (SpeakerState v : {SpeakerState::kWaiting, SpeakerState::kSpeaking, SpeakerState::kDone}) {
    if (SpeakerStateCode(v) == code) return v;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Trạng thái người phát biểu không hợp lệ: " + std::string(code));
}

int64_t BudgetLine::Estimate() const {
  return static_cast<int64_t>(std::llround(quantity * static_cast<double>(unit_price)));
}

const Speaker* Conference::FindSpeaker(int number) const {
  for (const auto& s : speakers) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

const Opinion* Conference::FindOpinion(int number) const {
  for (const auto& o : opinions) {
    if (o.number == number) return &o;
  }
  return nullptr;
}

const ConferenceSession* Conference::FindSession(int number) const {
  for (const auto& s : sessions) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

const Invitee* Conference::FindInvitee(int number) const {
  for (const auto& i : invitees) {
    if (i.number == number) return &i;
  }
  return nullptr;
}

Date Conference::FirstDate() const {
  if (sessions.empty()) return plan_date;
  Date first = sessions.front().date;
  for (const auto& s : sessions) first = std::min(first, s.date);
  return first;
}

Date Conference::LastDate() const {
  if (sessions.empty()) return plan_date;
  Date last = sessions.front().date;
  for (const auto& s : sessions) last = std::max(last, s.date);
  return last;
}

int64_t Conference::EstimateTotal() const {
  int64_t total = 0;
  for (const auto& line : budget) total += line.Estimate();
  return total;
}

int64_t Conference::ActualTotal() const {
  int64_t total = 0;
  for (const auto& line : budget) total += line.actual.value_or(0);
  return total;
}

std::string FormatClock(int minute_of_day) {
  return TwoDigits(minute_of_day / 60) + " giờ " + TwoDigits(minute_of_day % 60);
}

std::string DurationText(const ConferenceSession& session) {
  if (!session.duration_label.empty()) return session.duration_label;
  const int m = session.duration_minutes;
  if (m >= 180 && m <= 270) return "½ ngày";
  if (m >= 420 && m <= 540) return "01 ngày";
  std::string text = std::to_string(m / 60) + " giờ";
  if (m % 60 != 0) text += " " + std::to_string(m % 60) + " phút";
  return text;
}

Status ValidateConference(const Conference& c, Date today) {
  std::vector<FieldError> errors;
  if (c.year < 2000 || c.year > 2100) {
    AddField(errors, "year", "Năm tổ chức không hợp lệ.");
  }
  if (Blank(c.subject)) {
    AddField(errors, "subject", "Cần nhập trích yếu (tên) của kế hoạch.");
  }
  if (!c.recorded_past && c.plan_date < today) {
    AddField(errors, "plan_date",
             "Ngày kế hoạch " + FormatDdMmYyyy(c.plan_date) + " đã qua. Kế hoạch mới phải ghi " +
                 "ngày hôm nay trở đi; muốn ghi lại một hội nghị đã tổ chức, hãy chọn \"Ghi lại " +
                 "hội nghị đã tổ chức\".");
  }
  if (c.mode == ConferenceMode::kInPerson && c.sessions.empty()) {
    AddField(errors, "sessions", "Cần ít nhất một phiên hội nghị (ngày, giờ, địa điểm).");
  }
  std::set<int> numbers;
  for (const auto& s : c.sessions) {
    const std::string key = "session." + std::to_string(s.number) + ".";
    const std::string name = "Phiên " + std::to_string(s.number);
    if (!numbers.insert(s.number).second || s.number < 1) {
      AddField(errors, key + "number", name + ": số thứ tự phiên bị trùng hoặc không hợp lệ.");
    }
    if (s.villages.empty()) {
      AddField(errors, key + "villages",
               name + ": cần chọn ít nhất một thôn tham dự phiên này (DLG-03).");
    }
    if (c.mode == ConferenceMode::kInPerson && Blank(s.venue)) {
      AddField(errors, key + "venue", name + ": cần nhập địa điểm tổ chức.");
    }
    if (s.duration_minutes <= 0 || s.duration_minutes > 24 * 60) {
      AddField(errors, key + "duration", name + ": thời lượng không hợp lệ.");
    }
    if (s.start_minute < 0 || s.start_minute >= 24 * 60) {
      AddField(errors, key + "start", name + ": giờ bắt đầu không hợp lệ.");
    }
    if (s.date < c.plan_date) {
      AddField(errors, key + "date",
               name + ": ngày họp " + FormatDdMmYyyy(s.date) + " sớm hơn ngày kế hoạch.");
    }
  }
  for (const auto& i : c.invitees) {
    const std::string key = "invitee." + std::to_string(i.number) + ".";
    if (Blank(i.name)) {
      AddField(errors, key + "name",
               "Giấy mời số " + std::to_string(i.number) +
                   ": cần nhập tên người hoặc cơ quan được mời.");
    }
    if (Blank(i.address)) {
      AddField(errors, key + "address",
               "Giấy mời gửi " + (i.name.empty() ? std::string("(chưa có tên)") : i.name) +
                   ": cần nhập địa chỉ nhận giấy mời.");
    }
    if (i.session != 0 && c.FindSession(i.session) == nullptr) {
      AddField(errors, key + "session",
               "Giấy mời gửi " + i.name + ": phiên " + std::to_string(i.session) + " không có.");
    }
  }
  for (const auto& line : c.budget) {
    const std::string key = "budget." + std::to_string(line.number);
    if (Blank(line.item) || line.quantity < 0 || line.unit_price < 0 ||
        (line.actual && *line.actual < 0)) {
      AddField(errors, key,
               "Dòng kinh phí " + std::to_string(line.number) +
                   ": cần nội dung chi; số lượng, đơn giá và thực chi không được âm.");
    }
  }
  if (errors.empty()) return OkStatus();
  Error error = MakeError(ErrorCode::kInvalidArgument, errors.front().message);
  error.fields = std::move(errors);
  return error;
}

}  // namespace doithoai
