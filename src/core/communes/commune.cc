#include "core/communes/commune.h"

#include <string>

namespace doithoai {

std::string_view CommuneTypeCode(CommuneType type) {
  switch (type) {
    case CommuneType::kXa:
      return "xa";
    case CommuneType::kPhuong:
      return "phuong";
    case CommuneType::kDacKhu:
      return "dac_khu";
  }
  return "xa";
}

Result<CommuneType> ParseCommuneType(std::string_view code) {
  if (code == "xa") return CommuneType::kXa;
  if (code == "phuong") return CommuneType::kPhuong;
  if (code == "dac_khu") return CommuneType::kDacKhu;
  return MakeError(ErrorCode::kInvalidArgument,
                   "Loại đơn vị hành chính không hợp lệ: " + std::string(code));
}

std::string_view CommuneTypeWord(CommuneType type) {
  switch (type) {
    case CommuneType::kXa:
      return "xã";
    case CommuneType::kPhuong:
      return "phường";
    case CommuneType::kDacKhu:
      return "đặc khu";
  }
  return "xã";
}

std::string Commune::DisplayName() const { return std::string(CommuneTypeWord(type)) + " " + name; }

std::string Commune::PeoplesCommitteeName() const { return "UBND " + DisplayName(); }

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > 64) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  char prev = 0;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

Status ValidateCommune(const Commune& commune) {
  Error error{ErrorCode::kInvalidArgument, "Thông tin xã chưa hợp lệ.", {}};
  if (!IsValidSlug(commune.slug)) {
    error.fields.push_back(
        {"slug", "Mã đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."});
  }
  bool code_ok = commune.code.size() == 5;
  for (char c : commune.code) code_ok = code_ok && c >= '0' && c <= '9';
  if (!code_ok) {
    // ADC-02/ADC-04: commune codes are 5-digit strings with leading zeros.
    error.fields.push_back({"code", "Mã đơn vị hành chính cấp xã phải gồm đúng 5 chữ số."});
  }
  if (commune.name.empty()) {
    error.fields.push_back({"name", "Chưa nhập tên xã."});
  }
  if (!error.fields.empty()) return error;
  return OkStatus();
}

}  // namespace doithoai
