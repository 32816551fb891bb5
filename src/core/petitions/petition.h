// A citizen petition (đơn / ý kiến: kiến nghị, phản ánh, khiếu nại, tố cáo)
// as one aggregate: who sent it (or, for a denunciation, the sealed identity
// and a pseudonym), how it arrived, its content items — each with its own
// class (CLS-01), field, assignment, legal deadline, status and answer — its
// attachments and its full history (FB-02, domain.md §8: every arrow carries
// a time, an actor, and the rule used for its deadline). Pure data plus the
// transition table; the use cases are in petition_service.h.
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/common/clock.h"
#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/petitions/classification.h"

namespace doithoai {

// How a petition reached the commune (domain.md §8 "received(channel …)").
enum class PetitionChannel {
  kOnline,       // public form or JSON API, no account
  kWalkIn,       // a citizen at the office, entered by staff (tiếp công dân)
  kVillageHead,  // a village head's list (entry page or imported file)
  kLetter,       // a letter (đơn) by post or handed in
  kConference,   // raised at a dialogue conference
  kForwarded,    // forwarded by another body
};
std::string_view PetitionChannelCode(PetitionChannel v);  // "online", "walk_in", …
Result<PetitionChannel> ParsePetitionChannel(std::string_view code_or_label);
std::string_view PetitionChannelLabel(PetitionChannel v);  // "Trực tuyến", …

// Status of one content item (FB-02, issue #5 §4).
enum class ItemStatus {
  kReceived,    // tiếp nhận
  kClassified,  // đã phân loại
  kAssigned,    // đã giao xử lý
  kInProgress,  // đang giải quyết (complaints and denunciations: thụ lý)
  kAnswered,    // đã trả lời
  kNotified,    // đã thông báo cho công dân
  kClosed,      // kết thúc
  kForwarded,   // chuyển cơ quan có thẩm quyền (XLD-02)
  kFiled,       // lưu đơn, không xử lý (XLD-02, with a reason)
  kReopened,    // mở lại (citizen not satisfied, or staff)
};
std::string_view ItemStatusCode(ItemStatus v);  // "received", "in_progress", …
Result<ItemStatus> ParseItemStatus(std::string_view code);
std::string_view ItemStatusLabel(ItemStatus v);  // Vietnamese
// Open = still owes the citizen an answer (not answered, notified, closed,
// forwarded or filed).
bool IsOpen(ItemStatus v);
// Whether the workflow allows `from` → `to` (the table in petition.cc).
bool CanTransition(ItemStatus from, ItemStatus to);

// XLD-02: why a letter is filed without action.
enum class FilingReason {
  kNoNameOrAddress,  // không rõ họ tên, địa chỉ
  kNotSigned,        // không có chữ ký trực tiếp
  kAlreadyGuided,    // đã được hướng dẫn
  kDuplicate,        // đơn trùng
  kAlreadyResolved,  // đã giải quyết có quyết định cuối cùng
  kWithdrawn,        // người gửi rút đơn (KN-08)
  kOther,            // khác (the note says why)
};
std::string_view FilingReasonCode(FilingReason v);
Result<FilingReason> ParseFilingReason(std::string_view code);
std::string_view FilingReasonLabel(FilingReason v);

// The person who sent the petition. For a petition with a denunciation item
// these fields are sealed (CONF-01) and only present after an audited read.
struct Submitter {
  std::string name;
  std::string phone;  // normalised, "0912345678"
  std::string address;
  std::optional<VillageId> village_id;
  std::string id_number;  // CCCD, optional
  bool operator==(const Submitter&) const = default;
};

// A time-limit extension (TC-04; for other classes an internal decision),
// decided in writing by `approver`.
struct DeadlineExtension {
  int days = 0;
  std::string reason;
  std::string approver;
  Date decided_on;
  Date new_deadline;
};

struct PetitionAnswer {
  std::string text;
  std::string document_hash;  // an attached answer document (attachment hash), optional
  bool published = false;     // shown on the public list (FB-04; never for tố cáo)
  Date answered_on;
  std::string answered_by;  // display name of the official
};

struct PetitionRating {
  bool satisfied = false;
  std::string comment;
  Timestamp at;
};

struct PetitionItem {
  int number = 1;  // 1..n within the petition
  std::string text;
  PetitionClass petition_class = PetitionClass::kProposal;
  bool class_confirmed = false;  // false: the citizen's or the default guess
  std::string field;             // a field code of the commune's taxonomy; "" = not yet
  ItemStatus status = ItemStatus::kReceived;
  std::optional<UnitId> unit_id;
  std::optional<OfficialId> official_id;
  // The legal step whose deadline runs now (deadline_rules.h kStep*), the
  // rule that set it (e.g. "KN-03"), the day its period started, the legal
  // deadline and an optional internal target (domain.md §2.4).
  std::string step;
  std::string rule_id;
  Date step_start;
  std::optional<Date> deadline;
  std::optional<Date> internal_target;
  bool complex = false;  // vụ việc phức tạp (longer limits), with reason and approver
  std::string complex_reason;
  std::string complex_approver;
  std::vector<DeadlineExtension> extensions;
  std::optional<PetitionAnswer> answer;
  std::optional<PetitionRating> rating;
  std::string forwarded_to;  // kForwarded: the competent body
  std::optional<FilingReason> filing_reason;
  std::string status_note;  // reason of the last filing / reopening
};

struct PetitionAttachment {
  std::string hash;  // hex SHA-256 of the stored bytes (sealed bytes when `sealed`)
  std::string file_name;
  std::string media_type;  // sniffed: "image/jpeg", "image/png", "application/pdf"
  int64_t size = 0;        // plaintext bytes
  bool sealed = false;     // CONF-04: a denunciation's attachments are encrypted
};

// One arrow of the workflow (domain.md §8).
struct HistoryEntry {
  Timestamp at;
  std::string actor;   // display name, "Công dân" for the citizen, "Hệ thống"
  int item = 0;        // 0 = the petition as a whole
  std::string action;  // "received", "classified", "assigned", …
  std::string from_status;
  std::string to_status;
  std::string note;     // Vietnamese, shown to staff (never identity data)
  std::string rule_id;  // the rule whose deadline the step uses
};

struct Petition {
  PetitionId id;
  CommuneId commune_id;
  std::string code;  // "HT-24-0042-K" (tracking_code.h), assigned by storage
  int year = 0;
  int64_t sequence = 0;
  PetitionChannel channel = PetitionChannel::kOnline;
  Submitter submitter;  // empty while sealed
  // CONF-01: true when an item is (or was) a denunciation; `sealed_identity`
  // is the submitter encrypted by the IdentityVault, and `submitter` is
  // filled only by an audited read.
  bool identity_sealed = false;
  std::string sealed_identity;
  std::string phone_digest;             // keyed digest of the phone, for tracking checks
  std::optional<VillageId> village_id;  // kept clear when sealed (CONF-02)
  std::optional<ConferenceId> conference_id;
  int session_number = 0;  // 0 = not linked to a session
  std::string form_token;  // idempotency key of the form or API call
  Date received_on;
  Timestamp received_at;
  std::vector<PetitionItem> items;
  std::vector<PetitionAttachment> attachments;
  std::vector<HistoryEntry> history;
  int64_t version = 0;
  bool escalated = false;  // a citizen was not satisfied and the commune escalates

  bool HasDenunciation() const;
  // The name shown everywhere except the handler's view: the submitter's
  // name, or for a sealed petition "Người tố cáo <code>" (CONF-02).
  std::string DisplayName() const;
};

// How close an item is to its deadline, as of `today`.
enum class DeadlineState { kNone, kOnTrack, kDueSoon, kOverdue, kDone };
std::string_view DeadlineStateCode(DeadlineState v);   // "due_soon"
std::string_view DeadlineStateLabel(DeadlineState v);  // "Sắp đến hạn"
// kDone for an item that is no longer open (answered, closed, …), kNone without a deadline,
// kOverdue after it, kDueSoon when it is at most `due_soon_days` calendar days away.
DeadlineState ItemDeadlineState(const PetitionItem& item, Date today, int due_soon_days);

// The petition as one row of a list (lists, search index, board): the least
// advanced open item decides the status; the earliest open deadline.
struct PetitionSummary {
  ItemStatus status = ItemStatus::kReceived;
  std::string field;              // the first item's field
  std::optional<UnitId> unit_id;  // the first assigned open item's unit
  std::optional<Date> deadline;   // the earliest deadline of an open item
  bool open = true;
  bool published_answer = false;  // some answer is published
  bool denunciation = false;
};
PetitionSummary Summarize(const Petition& petition);

// Invariants of a stored petition: 1..kMaxItems items numbered 1..n, each
// with text; attachment count and size limits. Vietnamese messages.
Status ValidatePetition(const Petition& petition);

inline constexpr int kMaxPetitionItems = 20;
inline constexpr size_t kMaxPetitionTextChars = 5000;  // per item, in code points
inline constexpr size_t kMaxSubmitterNameChars = 100;
inline constexpr size_t kMaxAddressChars = 300;
inline constexpr int kMaxAttachments = 5;
inline constexpr int64_t kMaxAttachmentBytes = 5 * 1024 * 1024;
inline constexpr size_t kMaxAnswerChars = 20000;

// A free-text field as it is stored: valid UTF-8, NFC, trimmed, not blank
// (else `missing`), at most `max_chars` code points; Vietnamese field errors.
Result<std::string> CleanFieldText(std::string_view field, std::string_view text,
                                   std::string_view missing, size_t max_chars);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_H_
