// The petition vocabulary of domain.md §2.2 and §7: the four classes a
// content item can have (CLS-01..04) and the default fields (lĩnh vực) of
// Bảng 2. Codes are ASCII and stable (stored, used in URLs and CSV); labels
// are the Vietnamese text shown to users.
#ifndef DOITHOAI_CORE_PETITIONS_CLASSIFICATION_H_
#define DOITHOAI_CORE_PETITIONS_CLASSIFICATION_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai {

// domain.md §2.2. CLS-01: the class belongs to one content item, not to a
// whole petition; CLS-02: it is editable and reclassifying recomputes the
// deadlines (see deadline_rules.h).
enum class PetitionClass {
  kComplaint,     // khiếu nại (Luật Khiếu nại Art. 2.1)
  kDenunciation,  // tố cáo (Luật Tố cáo Art. 2.1)
  kProposal,      // kiến nghị
  kReport,        // phản ánh
};

inline constexpr std::array<PetitionClass, 4> kAllPetitionClasses = {
    PetitionClass::kComplaint, PetitionClass::kDenunciation, PetitionClass::kProposal,
    PetitionClass::kReport};

// "complaint" | "denunciation" | "proposal" | "report".
std::string_view PetitionClassCode(PetitionClass petition_class);
// "Khiếu nại" | "Tố cáo" | "Kiến nghị" | "Phản ánh".
std::string_view PetitionClassLabel(PetitionClass petition_class);
// The column symbol of domain.md §7 Bảng 1: "KN" | "TC" | "KNg" | "PA".
std::string_view PetitionClassSymbol(PetitionClass petition_class);

// Accepts the code, the symbol or the Vietnamese label, ignoring case,
// diacritics and surrounding spaces ("khieu nai", "TỐ CÁO", "KNg").
// kInvalidArgument with a Vietnamese message listing the valid labels.
Result<PetitionClass> ParsePetitionClass(std::string_view text);

// A field (lĩnh vực) of Bảng 2; the list is configurable per commune.
struct PetitionField {
  std::string code;   // ASCII, e.g. "dat-dai-moi-truong"
  std::string label;  // Vietnamese, e.g. "đất đai – môi trường"
  bool operator==(const PetitionField&) const = default;
};

// The nine default fields of domain.md §7 Bảng 2, in its order, "khác" last.
const std::vector<PetitionField>& DefaultPetitionFields();

// The code of the field named by `input` (CSV import, forms): its code or
// its label, ignoring case, diacritics, spacing and dash style ("Dat dai -
// moi truong" matches "đất đai – môi trường"). kInvalidArgument with a
// Vietnamese message listing the valid labels (and a FieldError "field").
Result<std::string> MatchField(const std::vector<PetitionField>& fields, std::string_view input);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_CLASSIFICATION_H_
