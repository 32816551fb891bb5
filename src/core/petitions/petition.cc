// Petition vocabulary, workflow table and summaries (see petition.h).
#include "core/petitions/petition.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/petitions/petition_repository.h"
#include "core/petitions/tracking_code.h"
#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

template <typename E>
struct Names {
  E value;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<Names<PetitionChannel>, 6> kChannels = {{
    {PetitionChannel::kOnline, "online", "Trực tuyến"},
    {PetitionChannel::kWalkIn, "walk_in", "Trực tiếp tại trụ sở"},
    {PetitionChannel::kVillageHead, "village_head", "Qua trưởng thôn"},
    {PetitionChannel::kLetter, "letter", "Đơn thư"},
    {PetitionChannel::kConference, "conference", "Tại hội nghị đối thoại"},
    {PetitionChannel::kForwarded, "forwarded", "Cơ quan khác chuyển đến"},
}};

constexpr std::array<Names<ItemStatus>, 10> kStatuses = {{
    {ItemStatus::kReceived, "received", "Đã tiếp nhận"},
    {ItemStatus::kClassified, "classified", "Đã phân loại"},
    {ItemStatus::kAssigned, "assigned", "Đã giao xử lý"},
    {ItemStatus::kInProgress, "in_progress", "Đang giải quyết"},
    {ItemStatus::kAnswered, "answered", "Đã trả lời"},
    {ItemStatus::kNotified, "notified", "Đã thông báo công dân"},
    {ItemStatus::kClosed, "closed", "Đã kết thúc"},
    {ItemStatus::kForwarded, "forwarded", "Đã chuyển cơ quan có thẩm quyền"},
    {ItemStatus::kFiled, "filed", "Lưu đơn, không xử lý"},
    {ItemStatus::kReopened, "reopened", "Mở lại"},
}};

constexpr std::array<Names<FilingReason>, 7> kFilingReasons = {{
    {FilingReason::kNoNameOrAddress, "no_name_or_address", "Không rõ họ tên, địa chỉ người gửi"},
    {FilingReason::kNotSigned, "not_signed", "Đơn không có chữ ký trực tiếp"},
    {FilingReason::kAlreadyGuided, "already_guided", "Đã được hướng dẫn gửi đúng nơi"},
    {FilingReason::kDuplicate, "duplicate", "Đơn trùng nội dung đã xử lý"},
    {FilingReason::kAlreadyResolved, "already_resolved",
     "Đã được giải quyết bằng quyết định cuối cùng"},
    {FilingReason::kWithdrawn, "withdrawn", "Người gửi rút đơn"},
    {FilingReason::kOther, "other", "Lý do khác"},
}};

constexpr std::array<Names<DeadlineState>, 5> kDeadlineStates = {{
    {DeadlineState::kNone, "none", "Chưa có hạn"},
    {DeadlineState::kOnTrack, "on_track", "Trong hạn"},
    {DeadlineState::kDueSoon, "due_soon", "Sắp đến hạn"},
    {DeadlineState::kOverdue, "overdue", "Quá hạn"},
    {DeadlineState::kDone, "done", "Đã xong"},
}};

template <typename E, size_t N>
const Names<E>& Find(const std::array<Names<E>, N>& table, E value) {
  return table[static_cast<size_t>(value)];
}

template <typename E, size_t N>
Result<E> ParseIn(const std::array<Names<E>, N>& table, std::string_view text,
                  std::string_view what) {
  const std::string folded = text::Fold(text);
  for (const Names<E>& n : table) {
    if (text == n.code || (!folded.empty() && folded == text::Fold(n.label))) return n.value;
  }
  std::string message = std::string(what) + " không hợp lệ. Chọn một trong: ";
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) message += ", ";
    message += table[i].label;
  }
  message += ".";
  return MakeError(ErrorCode::kInvalidArgument, message);
}

// The least advanced status first: the summary status is the minimum of the
// open items by this order (an item still waiting is what the list shows).
int Rank(ItemStatus s) {
  switch (s) {
    case ItemStatus::kReceived:
      return 0;
    case ItemStatus::kReopened:
      return 1;
    case ItemStatus::kClassified:
      return 2;
    case ItemStatus::kAssigned:
      return 3;
    case ItemStatus::kInProgress:
      return 4;
    case ItemStatus::kAnswered:
      return 5;
    case ItemStatus::kNotified:
      return 6;
    case ItemStatus::kForwarded:
      return 7;
    case ItemStatus::kFiled:
      return 8;
    case ItemStatus::kClosed:
      return 9;
  }
  return 9;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

std::string_view PetitionChannelCode(PetitionChannel v) { return Find(kChannels, v).code; }
std::string_view PetitionChannelLabel(PetitionChannel v) { return Find(kChannels, v).label; }
Result<PetitionChannel> ParsePetitionChannel(std::string_view code_or_label) {
  // Short words village heads type in the import file's "channel" column.
  const std::string folded = text::Fold(code_or_label);
  if (folded == "truc tiep" || folded == "tai tru so") return PetitionChannel::kWalkIn;
  if (folded == "truong thon" || folded == "thon") return PetitionChannel::kVillageHead;
  if (folded == "don" || folded == "thu" || folded == "don thu") return PetitionChannel::kLetter;
  if (folded == "hoi nghi") return PetitionChannel::kConference;
  if (folded == "chuyen den") return PetitionChannel::kForwarded;
  return ParseIn(kChannels, code_or_label, "Kênh tiếp nhận");
}

std::string_view ItemStatusCode(ItemStatus v) { return Find(kStatuses, v).code; }
std::string_view ItemStatusLabel(ItemStatus v) { return Find(kStatuses, v).label; }
Result<ItemStatus> ParseItemStatus(std::string_view code) {
  return ParseIn(kStatuses, code, "Trạng thái");
}

std::string_view FilingReasonCode(FilingReason v) { return Find(kFilingReasons, v).code; }
std::string_view FilingReasonLabel(FilingReason v) { return Find(kFilingReasons, v).label; }
Result<FilingReason> ParseFilingReason(std::string_view code) {
  return ParseIn(kFilingReasons, code, "Lý do lưu đơn");
}

std::string_view DeadlineStateCode(DeadlineState v) { return Find(kDeadlineStates, v).code; }
std::string_view DeadlineStateLabel(DeadlineState v) { return Find(kDeadlineStates, v).label; }

std::string_view DissatisfiedActionCode(DissatisfiedAction v) {
  return v == DissatisfiedAction::kReopen ? "reopen" : "escalate";
}
Result<DissatisfiedAction> ParseDissatisfiedAction(std::string_view code) {
  if (code == "reopen") return DissatisfiedAction::kReopen;
  if (code == "escalate") return DissatisfiedAction::kEscalate;
  return MakeError(ErrorCode::kInvalidArgument,
                   "Cách xử lý khi công dân chưa hài lòng phải là \"mở lại\" hoặc \"chuyển lên "
                   "Chủ tịch\".");
}

bool IsOpen(ItemStatus v) {
  switch (v) {
    case ItemStatus::kReceived:
    case ItemStatus::kClassified:
    case ItemStatus::kAssigned:
    case ItemStatus::kInProgress:
    case ItemStatus::kReopened:
      return true;
    default:
      return false;
  }
}

bool CanTransition(ItemStatus from, ItemStatus to) {
  using S = ItemStatus;
  if (from == to) return to == S::kAssigned;  // reassignment
  switch (to) {
    case S::kReceived:
      return false;
    case S::kClassified:
      return from == S::kReceived || from == S::kReopened;
    case S::kAssigned:
      return from == S::kReceived || from == S::kClassified || from == S::kInProgress ||
             from == S::kReopened;
    case S::kInProgress:
      return from == S::kAssigned || from == S::kReopened;
    case S::kAnswered:
      // Received or classified → answered: answered on the spot, e.g. by the
      // chair at a dialogue conference (DLG-11) or at the reception desk.
      return from == S::kReceived || from == S::kClassified || from == S::kAssigned ||
             from == S::kInProgress || from == S::kReopened;
    case S::kNotified:
      return from == S::kAnswered;
    case S::kClosed:
      return from == S::kAnswered || from == S::kNotified;
    case S::kForwarded:
    case S::kFiled:
      return IsOpen(from);
    case S::kReopened:
      return from == S::kAnswered || from == S::kNotified || from == S::kClosed ||
             from == S::kFiled;
  }
  return false;
}

bool Petition::HasDenunciation() const {
  return std::any_of(items.begin(), items.end(), [](const PetitionItem& item) {
    return item.petition_class == PetitionClass::kDenunciation;
  });
}

std::string Petition::DisplayName() const {
  if (identity_sealed) return "Người tố cáo " + code;
  return submitter.name;
}

DeadlineState ItemDeadlineState(const PetitionItem& item, Date today, int due_soon_days) {
  if (!IsOpen(item.status)) return DeadlineState::kDone;
  if (!item.deadline) return DeadlineState::kNone;
  const int left = DaysBetween(today, *item.deadline);
  if (left < 0) return DeadlineState::kOverdue;
  if (left <= due_soon_days) return DeadlineState::kDueSoon;
  return DeadlineState::kOnTrack;
}

PetitionSummary Summarize(const Petition& petition) {
  PetitionSummary s;
  s.denunciation = petition.HasDenunciation();
  if (!petition.items.empty()) s.field = petition.items.front().field;
  bool any_open = false;
  int best = 99;
  for (const PetitionItem& item : petition.items) {
    if (item.answer && item.answer->published &&
        item.petition_class != PetitionClass::kDenunciation)
      s.published_answer = true;
    if (!IsOpen(item.status)) continue;
    if (!any_open || Rank(item.status) < best) {
      best = Rank(item.status);
      s.status = item.status;
    }
    any_open = true;
    if (!s.unit_id && item.unit_id) s.unit_id = item.unit_id;
    if (item.deadline && (!s.deadline || *item.deadline < *s.deadline)) s.deadline = item.deadline;
  }
  s.open = any_open;
  if (!any_open) {
    // Everything is done: the least advanced closed state.
    for (const PetitionItem& item : petition.items) {
      if (Rank(item.status) < best) {
        best = Rank(item.status);
        s.status = item.status;
      }
    }
    for (const PetitionItem& item : petition.items) {
      if (!s.unit_id && item.unit_id) s.unit_id = item.unit_id;
    }
  }
  return s;
}

Status ValidatePetition(const Petition& petition) {
  if (petition.items.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Đơn phải có ít nhất một nội dung.");
  }
  if (petition.items.size() > static_cast<size_t>(kMaxPetitionItems)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Một đơn có tối đa " + std::to_string(kMaxPetitionItems) + " nội dung.");
  }
  for (size_t i = 0; i < petition.items.size(); ++i) {
    const PetitionItem& item = petition.items[i];
    if (item.number != static_cast<int>(i) + 1) {
      return MakeError(ErrorCode::kInternal, "Số thứ tự nội dung đơn không liên tục.");
    }
    if (item.text.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "Nội dung đơn không được để trống.");
    }
    if (CodePoints(item.text) > kMaxPetitionTextChars) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Nội dung đơn dài quá " + std::to_string(kMaxPetitionTextChars) +
                           " ký tự; vui lòng tóm tắt hoặc gửi kèm tệp.");
    }
  }
  if (petition.attachments.size() > static_cast<size_t>(kMaxAttachments)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Chỉ được đính kèm tối đa " + std::to_string(kMaxAttachments) + " tệp.");
  }
  for (const PetitionAttachment& a : petition.attachments) {
    if (a.size > kMaxAttachmentBytes) {
      return MakeError(ErrorCode::kInvalidArgument, "Tệp đính kèm lớn hơn 5 MB.");
    }
  }
  if (petition.identity_sealed && !petition.submitter.name.empty()) {
    return MakeError(ErrorCode::kInternal, "Danh tính người tố cáo phải được niêm phong.");
  }
  return OkStatus();
}

std::vector<std::string> TrackingPrefixCandidates(std::string_view slug) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& p) {
    if (p.size() >= 2 && p.size() <= 4 && seen.insert(p).second) out.push_back(p);
  };
  const std::string base = CommunePrefix(slug);
  add(base);
  // The slug's letters in order, upper-cased: extend the base with letters
  // of its words ("hoang-truong": HT → HTH, HTO, HTA, …), then by any letter.
  std::string letters;
  for (char c : slug) {
    if (c >= 'a' && c <= 'z') letters += static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') letters += c;
  }
  if (!base.empty()) {
    for (char c : letters) add(base + c);
    for (char c = 'A'; c <= 'Z'; ++c) add(base + c);
    // A 3- or 4-letter prefix cannot grow much (or at all): keep its first
    // two letters and vary the rest, as for a 2-letter prefix.
    const std::string stem = base.substr(0, 2);
    for (char c : letters) add(stem + c);
    for (char c = 'A'; c <= 'Z'; ++c) add(stem + c);
    for (char c = 'A'; c <= 'Z'; ++c) {
      for (char d = 'A'; d <= 'Z'; ++d) add(stem + c + d);
    }
  } else {
    for (char c = 'A'; c <= 'Z'; ++c) {
      for (char d = 'A'; d <= 'Z'; ++d) add(std::string{'X', c, d});
    }
  }
  return out;
}

Result<std::string> CleanFieldText(std::string_view field, std::string_view text,
                                   std::string_view missing, size_t max_chars) {
  if (!text::IsValidUtf8(text)) {
    return MakeFieldError(std::string(field),
                          "Nội dung chứa ký tự không hợp lệ (không phải UTF-8).");
  }
  ASSIGN_OR_RETURN(std::string nfc, text::ToNfc(text));
  const size_t begin = nfc.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return MakeFieldError(std::string(field), std::string(missing));
  nfc = nfc.substr(begin, nfc.find_last_not_of(" \t\r\n") - begin + 1);
  size_t chars = 0;
  for (char c : nfc) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  if (chars > max_chars) {
    return MakeFieldError(std::string(field),
                          "Nội dung dài quá " + std::to_string(max_chars) + " ký tự.");
  }
  return nfc;
}

}  // namespace doithoai
