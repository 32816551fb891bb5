// The dialogue conference (hội nghị đối thoại với Nhân dân) as one aggregate:
// the plan (Kế hoạch) content, its sessions, the invitees and their
// invitations, the preparation checklist, the public-notice publications and
// the budget. Rules: domain.md §1 (DLG-01..08, PUB-01..02) and the lifecycle
// of §8. Pure data plus validation; storage keeps it in one row per
// conference (adapters/storage/sqlite/sqlite_conference_repository).
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/result.h"

namespace doithoai {

// DLG-01 and Law 10/2022 Art. 26.1.a.
enum class ConferencePurpose {
  kAnnualDialogue,  // ≥ 1 per year (Law 72/2025 Art. 43)
  kOnRequest,       // ≥ 10 % of voters asked (DLG-01)
  kConsultation,    // consulting the People on a draft (Law 10/2022 Art. 26)
};

// DLG-02.
enum class ConferenceMode { kInPerson, kOnline, kSocialNetwork };

// domain.md §8. The states after kHeld are reached by the minutes, results and
// report modules; this module moves a conference up to kHeld.
enum class ConferenceState {
  kDraftPlan,         // dự thảo kế hoạch
  kPlanIssued,        // KH ban hành
  kProgrammeIssued,   // CTr ban hành
  kNoticePublished,   // GM gửi, TB công khai (≥ 7 ngày trước, DLG-07)
  kHeld,              // đã tổ chức (mọi phiên)
  kMinutesSigned,     // BB ký
  kResultsPublished,  // TB kết quả (≤ 10 ngày, DLG-08)
  kFollowUp,          // theo dõi giải quyết
  kReportIssued,      // BC gửi cấp trên
  kBudgetSettled,     // quyết toán
  kCancelled,         // hủy (trước khi tổ chức)
};

std::string_view ConferencePurposeCode(ConferencePurpose v);  // "annual_dialogue"
Result<ConferencePurpose> ParseConferencePurpose(std::string_view code);
std::string_view ConferencePurposeLabel(ConferencePurpose v);  // Vietnamese
std::string_view ConferenceModeCode(ConferenceMode v);         // "in_person"
Result<ConferenceMode> ParseConferenceMode(std::string_view code);
std::string_view ConferenceModeLabel(ConferenceMode v);
std::string_view ConferenceStateCode(ConferenceState v);  // "draft_plan"
Result<ConferenceState> ParseConferenceState(std::string_view code);
std::string_view ConferenceStateLabel(ConferenceState v);

// DLG-03: a conference has 1..n sessions, each for a cluster of villages.
struct ConferenceSession {
  int number = 1;  // 1..n, as printed ("Phiên 1")
  Date date;
  int start_minute = 0;  // minutes after midnight: 7:30 → 450
  int duration_minutes = 0;
  std::string duration_label;       // as printed when set: "½ ngày"; else derived
  std::string venue;                // "Hội trường công sở xã Hoằng Trường"
  std::vector<VillageId> villages;  // at least one (DLG-03)
  bool held = false;
  // Recorded by the desk (DLG-10 "Thời gian bắt đầu" / "kết thúc vào").
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> ended_at;
};

// Seed §III.2 and DLG-06/DLG-10: who is invited, by group.
enum class ParticipantGroup {
  kPartyCommittee,         // Thường trực Đảng ủy
  kPeoplesCouncil,         // Thường trực HĐND
  kPeoplesCommittee,       // UBND
  kFatherlandFront,        // UB MTTQ Việt Nam xã
  kMassOrganisations,      // trưởng các đoàn thể
  kCivilServants,          // công chức
  kVillage,                // bí thư chi bộ, trưởng thôn, ban công tác Mặt trận thôn
  kInvitedAgency,          // cơ quan trên địa bàn / liên quan
  kCitizenRepresentative,  // đại diện Nhân dân
};
std::string_view ParticipantGroupCode(ParticipantGroup v);  // "party_committee"
Result<ParticipantGroup> ParseParticipantGroup(std::string_view code);
std::string_view ParticipantGroupLabel(ParticipantGroup v);
// Every group, in the order of the plan's section IV and the minutes' attendance.
inline constexpr std::array<ParticipantGroup, 9> kParticipantGroups = {
    ParticipantGroup::kPartyCommittee,
    ParticipantGroup::kPeoplesCouncil,
    ParticipantGroup::kPeoplesCommittee,
    ParticipantGroup::kFatherlandFront,
    ParticipantGroup::kMassOrganisations,
    ParticipantGroup::kCivilServants,
    ParticipantGroup::kVillage,
    ParticipantGroup::kInvitedAgency,
    ParticipantGroup::kCitizenRepresentative,
};

enum class InvitationStatus { kDraft, kPrinted, kSent, kConfirmed, kDeclined };
std::string_view InvitationStatusCode(InvitationStatus v);  // "printed"
Result<InvitationStatus> ParseInvitationStatus(std::string_view code);
std::string_view InvitationStatusLabel(InvitationStatus v);

// One invitation (Giấy mời, Mẫu 1.7) to a person or an organisation.
struct Invitee {
  int number = 0;  // stable within the conference, from 1
  ParticipantGroup group = ParticipantGroup::kCivilServants;
  std::string name;     // "Ông Lê Văn A" or an organisation: "Ban Thường trực UB MTTQ"
  std::string title;    // "Bí thư Chi bộ thôn 1"; may be empty
  std::string address;  // where the invitation is delivered (required)
  std::optional<VillageId> village;
  int session = 0;  // the session invited to; 0 = every session
  InvitationStatus status = InvitationStatus::kDraft;
  std::string token;  // random, URL-safe; printed in the QR code for check-in
  std::optional<Timestamp> checked_in_at;
};

enum class TaskPhase { kPreparation, kConferenceDay, kAfter };
std::string_view TaskPhaseCode(TaskPhase v);  // "preparation"
Result<TaskPhase> ParseTaskPhase(std::string_view code);
std::string_view TaskPhaseLabel(TaskPhase v);

// What a task stands for, when the system checks it itself.
enum class TaskKind {
  kGeneral,
  kPublicNotice,   // DLG-07: notice and invitations ≥ n days before
  kResultsNotice,  // DLG-08: results ≤ n days after
};

// One line of the preparation checklist. The due date is computed from the
// first session's date and `offset_days` (negative = before) through the
// working calendar; see checklist.h.
struct ConferenceTask {
  int number = 0;
  TaskPhase phase = TaskPhase::kPreparation;
  TaskKind kind = TaskKind::kGeneral;
  std::string title;
  std::optional<UnitId> unit;
  std::optional<OfficialId> official;
  int offset_days = 0;
  Date due;
  std::optional<Date> done_on;
};

enum class PublicationChannel {
  kLoudspeaker,
  kNoticeBoard,
  kPortal,
  kVillageHeads,
  kSocialNetwork
};
std::string_view PublicationChannelCode(PublicationChannel v);  // "loudspeaker"
Result<PublicationChannel> ParsePublicationChannel(std::string_view code);
std::string_view PublicationChannelLabel(PublicationChannel v);

// One publication of the public notice (DLG-07) on one channel. A start later
// than the latest notice date needs `late_reason` (an audited override).
struct Publication {
  PublicationChannel channel = PublicationChannel::kLoudspeaker;
  Date start;
  std::optional<Date> end;  // loudspeaker: ≥ n consecutive days (PUB-01)
  std::string note;
  std::string late_reason;
};

// DLG-14: one cost line, estimate (dự toán) and settlement (quyết toán).
struct BudgetLine {
  int number = 0;
  std::string item;  // "Nước uống, hoa quả"
  std::string unit;  // "người", "bộ", "buổi"
  double quantity = 0;
  int64_t unit_price = 0;         // VND
  std::string source;             // "Kinh phí hoạt động năm 2023 của UBND xã"
  std::optional<int64_t> actual;  // VND spent, once settled
  int64_t Estimate() const;       // quantity × unit_price, rounded to the đồng
};

// One item of the programme (Chương trình, CTr); the secretary desk of the
// conference day walks through them.
struct AgendaItem {
  int session = 0;        // 0 = every session
  int start_minute = 0;   // minutes after midnight
  std::string content;    // "Khai mạc hội nghị"
  std::string presenter;  // "Chủ tịch UBND xã"
};

// ---- The conference day and after (issue #7; DLG-08, DLG-10..12) ----

enum class SpeakerState { kWaiting, kSpeaking, kDone };
std::string_view SpeakerStateCode(SpeakerState v);  // "waiting", "speaking", "done"
Result<SpeakerState> ParseSpeakerState(std::string_view code);

// One person who asked to speak (the secretary desk's queue). When one of
// the speaker's opinions is a tố cáo, `name` is replaced by the petition's
// pseudonym and `village` cleared (CONF-01/02: the identity lives only in
// the sealed petition).
struct Speaker {
  int number = 0;  // from 1, in the order they registered
  int session = 1;
  std::string name;
  std::optional<VillageId> village;
  int agenda_item = 0;  // 1-based index into `agenda`; 0 = none
  SpeakerState state = SpeakerState::kWaiting;
  bool sealed = false;  // renamed to a pseudonym (tố cáo)
  // The room screen shows "Người phát biểu số N" instead of the name (the
  // secretary ticks it when someone asks to speak about a tố cáo, CONF-02).
  bool anonymous = false;
  // Optional, normalised: the citizen is told the answer to each opinion
  // (issue #7 §7, the petition's notification). Never on the screen.
  std::string phone;
  std::string client_key;  // the desk's idempotency key (exactly once)
  Timestamp added_at;
};

// One opinion raised in the room (DLG-11): a petition of channel
// "conference" linked to the conference, its session, the speaker and the
// agenda item. The petition holds the content, class, field, answer or
// assignment; this is the order of proceedings.
struct Opinion {
  int number = 0;  // order of proceedings, from 1
  int session = 1;
  int speaker = 0;  // Speaker::number
  int agenda_item = 0;
  PetitionId petition;
  std::string code;        // the petition's tracking code
  std::string client_key;  // the desk's idempotency key
  Timestamp recorded_at;
};

// DLG-10: how many attended, per session and participant group (the
// invitees checked in are counted by the desk; citizens are a head count).
struct AttendanceCount {
  int session = 1;
  ParticipantGroup group = ParticipantGroup::kCitizenRepresentative;
  int count = 0;
};

// What the room screen shows now.
struct LiveState {
  int session = 0;  // 0 = nothing yet
  int speaker = 0;
  int opinion = 0;
  int agenda_item = 0;
  Timestamp updated_at;
};

struct SignOff {
  int64_t account_id = 0;
  std::string name;  // the signer's display name
  Timestamp at;
};

// A correction to signed minutes (they are locked): printed after them as
// "Biên bản bổ sung".
struct MinutesAddendum {
  int number = 0;
  std::string text;
  std::string by;
  Timestamp at;
};

// The Biên bản (Mẫu 1.9) sign-off: the secretary and the chair sign in the
// system; with both signatures the minutes are issued and locked.
struct MinutesRecord {
  std::optional<SignOff> secretary;
  std::optional<SignOff> chair;
  std::vector<MinutesAddendum> addenda;
  bool Locked() const { return secretary.has_value() && chair.has_value(); }
};

// DLG-08: the results notice delivered to one village head.
struct VillageDelivery {
  VillageId village;
  std::string head_name;  // as known when delivered
  std::optional<Date> delivered_on;
  std::string via;  // "Thông báo tự động", "Trao tay", …
};

// Section V of the plan: one unit's responsibilities.
struct Assignment {
  std::string unit_title;           // "Văn phòng UBND xã"
  std::string run_in;               // text on the heading line, may be empty
  std::vector<std::string> duties;  // bullets
};

// The conference. Text fields hold the plan's wording (defaults from the seed
// plan, editable); the generated documents print them as they are.
struct Conference {
  ConferenceId id;
  CommuneId commune_id;
  int year = 0;
  ConferencePurpose purpose = ConferencePurpose::kAnnualDialogue;
  ConferenceMode mode = ConferenceMode::kInPerson;
  ConferenceState state = ConferenceState::kDraftPlan;
  // Recording a conference that already happened (as the demo data does) is
  // an explicit choice; only then may the plan date lie in the past.
  bool recorded_past = false;
  Date plan_date;  // the plan's signing date (ô 4)

  // Ô 2 parent line as printed, e.g. "UBND HUYỆN HOẰNG HÓA" before the
  // two-level government of 07/2025; empty for communes since then (ADM-11).
  std::string issuer_parent;
  std::string subject;  // trích yếu: "Tổ chức buổi tiếp xúc, đối thoại với nhân dân năm 2023"
  std::string intro;                       // opening paragraph
  std::vector<std::string> objectives;     // I. Mục đích, yêu cầu
  std::vector<std::string> principles;     // II.1
  std::vector<std::string> content_areas;  // II.2
  std::vector<std::string> preparation;    // III.1 Công tác chuẩn bị
  std::vector<std::string> participants;   // III.2 Thành phần tham dự (as printed)
  std::string budget_source;               // IV. Kinh phí
  std::vector<Assignment> assignments;     // V. Tổ chức thực hiện
  std::string closing;                     // "Trên đây là Kế hoạch …"
  std::vector<std::string> recipients;     // Nơi nhận, as printed ("- Lưu: VT.")
  std::string how_to_attend;               // DLG-07: how citizens take part

  // DLG-04, DLG-05.
  std::string front_coordination;   // "Ủy ban MTTQ Việt Nam xã Hoằng Trường"
  std::optional<OfficialId> chair;  // Chủ tịch UBND (chủ tọa)
  std::string cochair;              // đại diện Thường trực HĐND (name and title)
  std::optional<OfficialId> secretary;
  std::optional<OfficialId> signer;  // signs the documents
  std::string signer_authority;  // "" (Chủ tịch ký thay mặt: printed "TM. …") or "KT. CHỦ TỊCH"

  std::vector<ConferenceSession> sessions;
  std::vector<AgendaItem> agenda;
  std::vector<Invitee> invitees;
  std::vector<ConferenceTask> tasks;
  std::vector<Publication> publications;
  std::vector<BudgetLine> budget;

  // The day and after (issue #7).
  std::vector<Speaker> speakers;
  std::vector<Opinion> opinions;
  std::vector<AttendanceCount> attendance;
  LiveState live;
  MinutesRecord minutes;
  // DLG-08 / PUB-01/02: publications of the results notice (posted at the
  // HQ ≥ posting_days, loudspeaker ≥ n consecutive days, portal) and its
  // delivery to every village head.
  std::vector<Publication> results_publications;
  std::vector<VillageDelivery> results_deliveries;
  std::string results_late_reason;  // issued after the DLG-08 limit: why

  int64_t version = 0;  // bumped by storage on every change

  const ConferenceSession* FindSession(int number) const;
  const Speaker* FindSpeaker(int number) const;
  const Opinion* FindOpinion(int number) const;
  const Invitee* FindInvitee(int number) const;
  // The earliest session date (the "conference date" of DLG-07/08); the plan
  // date when there is no session yet.
  Date FirstDate() const;
  Date LastDate() const;
  int64_t EstimateTotal() const;
  int64_t ActualTotal() const;  // lines without an actual count as 0
};

// "07 giờ 30" / "14 giờ 00".
std::string FormatClock(int minute_of_day);
// "½ ngày" (≥ 3 h and ≤ 4.5 h), "01 ngày" (≥ 7 h), else "2 giờ 30 phút".
std::string DurationText(const ConferenceSession& session);

// Checks the fields of a conference (not its state). kInvalidArgument with
// one FieldError per problem, messages in Vietnamese. Field names:
// "year", "subject", "plan_date", "sessions", "session.N.villages",
// "session.N.venue", "session.N.date", "session.N.duration",
// "invitee.N.address", "invitee.N.name", "budget.N". `today` is the office's
// date: a plan dated before it is refused unless `recorded_past`.
Status ValidateConference(const Conference& conference, Date today);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_H_
