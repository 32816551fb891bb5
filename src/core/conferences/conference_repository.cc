#include "core/conferences/conference_repository.h"

#include <array>
#include <string>

namespace doithoai {

namespace {

struct KindName {
  ConferenceDocumentKind kind;
  std::string_view code;    // URL name and stored value
  std::string_view label;   // Vietnamese, as shown to users
  std::string_view symbol;  // Appendix III abbreviation
};

constexpr std::array<KindName, 7> kKinds{{
    {ConferenceDocumentKind::kPlan, "ke-hoach", "Kế hoạch", "KH"},
    {ConferenceDocumentKind::kProgramme, "chuong-trinh", "Chương trình", "CTr"},
    {ConferenceDocumentKind::kInvitations, "giay-moi", "Giấy mời", "GM"},
    {ConferenceDocumentKind::kPublicNotice, "thong-bao", "Thông báo", "TB"},
    {ConferenceDocumentKind::kMinutes, "bien-ban", "Biên bản hội nghị", "BB"},
    {ConferenceDocumentKind::kResultsNotice, "thong-bao-ket-qua", "Thông báo kết quả", "TB"},
    {ConferenceDocumentKind::kReport, "bao-cao", "Báo cáo kết quả", "BC"},
}};

const KindName& Row(ConferenceDocumentKind kind) {
  for (const KindName& row : kKinds) {
    if (row.kind == kind) return row;
  }
  return kKinds[0];
}

}  // namespace

std::string_view ConferenceDocumentKindCode(ConferenceDocumentKind v) { return Row(v).code; }

Result<ConferenceDocumentKind> ParseConferenceDocumentKind(std::string_view code) {
  for (const KindName& row : kKinds) {
    if (row.code == code) return row.kind;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Loại văn bản không hợp lệ: \"" + std::string(code) + "\".");
}

std::string_view ConferenceDocumentKindLabel(ConferenceDocumentKind v) { return Row(v).label; }

std::string_view ConferenceDocumentSymbol(ConferenceDocumentKind v) { return Row(v).symbol; }

}  // namespace doithoai
