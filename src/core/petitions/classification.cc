// Petition classes and fields (see classification.h).
#include "core/petitions/classification.h"

#include <cctype>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

struct ClassNames {
  PetitionClass petition_class;
  std::string_view code;
  std::string_view label;
  std::string_view symbol;
};

constexpr std::array<ClassNames, 4> kClassNames = {{
    {PetitionClass::kComplaint, "complaint", "Khiếu nại", "KN"},
    {PetitionClass::kDenunciation, "denunciation", "Tố cáo", "TC"},
    {PetitionClass::kProposal, "proposal", "Kiến nghị", "KNg"},
    {PetitionClass::kReport, "report", "Phản ánh", "PA"},
}};

const ClassNames& NamesOf(PetitionClass petition_class) {
  return kClassNames[static_cast<size_t>(petition_class)];
}

// The matching key: folded (SRCH-01), then only ASCII letters and digits, so
// that spacing, hyphens, en dashes, commas and parentheses do not matter.
std::string Key(std::string_view text) {
  std::string key;
  for (char c : text::Fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      key += c;
    }
  }
  return key;
}

}  // namespace

std::string_view PetitionClassCode(PetitionClass petition_class) {
  return NamesOf(petition_class).code;
}

std::string_view PetitionClassLabel(PetitionClass petition_class) {
  return NamesOf(petition_class).label;
}

std::string_view PetitionClassSymbol(PetitionClass petition_class) {
  return NamesOf(petition_class).symbol;
}

Result<PetitionClass> ParsePetitionClass(std::string_view text) {
  const std::string key = Key(text);
  if (!key.empty()) {
    for (const ClassNames& names : kClassNames) {
      if (key == Key(names.code) || key == Key(names.label) || key == Key(names.symbol)) {
        return names.petition_class;
      }
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Phân loại đơn \"" + std::string(text) +
                       "\" không hợp lệ. Chọn một trong: Khiếu nại, Tố cáo, Kiến nghị, Phản ánh.");
}

const std::vector<PetitionField>& DefaultPetitionFields() {
  // domain.md §7 Bảng 2, labels as written there.
  static const std::vector<PetitionField> kFields = {
      {"dat-dai-moi-truong", "đất đai – môi trường"},
      {"xay-dung-giao-thong-thuy-loi", "xây dựng – giao thông – thủy lợi (hạ tầng)"},
      {"chinh-sach-an-sinh-xa-hoi", "chế độ chính sách – an sinh xã hội"},
      {"kinh-te-san-xuat-nong-nghiep", "kinh tế – sản xuất – nông nghiệp"},
      {"van-hoa-giao-duc-y-te", "văn hóa – giáo dục – y tế"},
      {"an-ninh-trat-tu", "an ninh – trật tự"},
      {"thu-tuc-hanh-chinh", "thủ tục hành chính – cải cách hành chính"},
      {"to-chuc-can-bo-chinh-quyen", "tổ chức, hoạt động của cán bộ, chính quyền, đoàn thể"},
      {"khac", "khác"},
  };
  return kFields;
}

Result<std::string> MatchField(const std::vector<PetitionField>& fields, std::string_view input) {
  const std::string key = Key(input);
  if (!key.empty()) {
    for (const PetitionField& field : fields) {
      if (key == Key(field.code) || key == Key(field.label)) {
        return field.code;
      }
    }
  }
  std::string valid;
  for (const PetitionField& field : fields) {
    if (!valid.empty()) valid += "; ";
    valid += field.label;
  }
  std::string message = key.empty()
                            ? std::string("Chưa ghi lĩnh vực.")
                            : "Lĩnh vực \"" + std::string(input) + "\" không có trong danh sách.";
  message += " Các lĩnh vực hợp lệ: " + valid + ".";
  Error error = MakeError(ErrorCode::kInvalidArgument, message);
  error.fields.push_back({"field", message});
  return error;
}

}  // namespace doithoai
