// Administrative units: type codes, calendar dates and per-unit validation
// (ADM-05, ADM-10, ADC-01..04). The snapshot CSV parser is in
// admin_unit_csv.cc.
#include "core/admin_units/admin_unit.h"

#include <array>
#include <string>
#include <utility>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

constexpr size_t kMaxQuotedBytes = 40;

bool HasControlChar(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view AdminUnitTypeCode(AdminUnitType type) {
  switch (type) {
    case AdminUnitType::kCentralCity:
      return "thanh_pho_truc_thuoc_trung_uong";
    case AdminUnitType::kProvince:
      return "tinh";
    case AdminUnitType::kWard:
      return "phuong";
    case AdminUnitType::kCommune:
      return "xa";
    case AdminUnitType::kSpecialZone:
      return "dac_khu";
  }
  return "xa";
}

Result<AdminUnitType> ParseAdminUnitType(std::string_view code) {
  for (AdminUnitType type :
       {AdminUnitType::kCentralCity, AdminUnitType::kProvince, AdminUnitType::kWard,
        AdminUnitType::kCommune, AdminUnitType::kSpecialZone}) {
    if (code == AdminUnitTypeCode(type)) {
      return type;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Loại đơn vị " + internal::QuoteValue(code) +
                       " không hợp lệ; chỉ dùng một trong: thanh_pho_truc_thuoc_trung_uong, "
                       "tinh, phuong, xa, dac_khu.");
}

std::string_view AdminUnitTypeWord(AdminUnitType type) {
  switch (type) {
    case AdminUnitType::kCentralCity:
      return "thành phố";
    case AdminUnitType::kProvince:
      return "tỉnh";
    case AdminUnitType::kWard:
      return "phường";
    case AdminUnitType::kCommune:
      return "xã";
    case AdminUnitType::kSpecialZone:
      return "đặc khu";
  }
  return "xã";
}

bool IsProvinceLevel(AdminUnitType type) {
  return type == AdminUnitType::kCentralCity || type == AdminUnitType::kProvince;
}

bool IsValidIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
    return false;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') {
      return false;
    }
  }
  auto number = [date](size_t pos, size_t len) {
    int value = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      value = value * 10 + (date[i] - '0');
    }
    return value;
  };
  int year = number(0, 4);
  int month = number(5, 2);
  int day = number(8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

bool IsFixedWidthCode(std::string_view code, size_t width) {
  if (code.size() != width) {
    return false;
  }
  for (char c : code) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

namespace internal {

std::string QuoteValue(std::string_view value) {
  if (value.size() <= kMaxQuotedBytes) {
    return "\"" + std::string(value) + "\"";
  }
  size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return "\"" + std::string(value.substr(0, cut)) + "…\"";
}

std::string_view TrimBlanks(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) {
    return {};
  }
  size_t end = s.find_last_not_of(" \t");
  return s.substr(begin, end - begin + 1);
}

void CollectAdminUnitProblems(const AdminUnit& unit, bool type_known,
                              std::vector<FieldError>& out) {
  // ADC-01/02/04: fixed widths, digits only, leading zeros kept.
  if (!type_known) {
    if (!IsFixedWidthCode(unit.code, kProvinceCodeLength) &&
        !IsFixedWidthCode(unit.code, kCommuneCodeLength)) {
      out.push_back({"code", "Mã " + QuoteValue(unit.code) + " phải gồm đúng 2 chữ số (cấp tỉnh) " +
                                 "hoặc đúng 5 chữ số (cấp xã)."});
    }
  } else if (IsProvinceLevel(unit.type)) {
    if (!IsFixedWidthCode(unit.code, kProvinceCodeLength)) {
      out.push_back({"code",
                     "Mã tỉnh, thành phố phải gồm đúng 2 chữ số, giữ số 0 ở đầu (ví dụ "
                     "\"01\"); nhận được " +
                         QuoteValue(unit.code) + "."});
    }
    // ADM-01: the provincial level is the top level.
    if (!unit.parent_code.empty()) {
      out.push_back(
          {"parent_code", "Tỉnh, thành phố không có đơn vị cấp trên: để trống cột parent_code."});
    }
  } else {
    if (!IsFixedWidthCode(unit.code, kCommuneCodeLength)) {
      out.push_back({"code",
                     "Mã đơn vị cấp xã phải gồm đúng 5 chữ số, giữ các số 0 ở đầu (ví "
                     "dụ \"00004\"); nhận được " +
                         QuoteValue(unit.code) + "."});
    }
    // ADC-03: the parent is stored, never derived from the code.
    if (!IsFixedWidthCode(unit.parent_code, kProvinceCodeLength)) {
      out.push_back({"parent_code",
                     "Cột parent_code của đơn vị cấp xã phải là mã tỉnh, thành "
                     "phố gồm đúng 2 chữ số; nhận được " +
                         QuoteValue(unit.parent_code) + "."});
    }
  }
  if (TrimBlanks(unit.name).empty()) {
    out.push_back({"name", "Chưa có tên đơn vị."});
  } else if (!text::IsValidUtf8(unit.name) || HasControlChar(unit.name)) {
    out.push_back({"name", "Tên đơn vị chứa ký tự không hợp lệ (xuống dòng, tab, mã lỗi)."});
  }
  bool from_ok = IsValidIsoDate(unit.valid_from);
  if (!from_ok) {
    out.push_back({"valid_from",
                   "Ngày hiệu lực (valid_from) phải là ngày có thật, viết "
                   "YYYY-MM-DD (ví dụ 2025-07-01); nhận được " +
                       QuoteValue(unit.valid_from) + "."});
  }
  if (!unit.valid_to.empty()) {
    if (!IsValidIsoDate(unit.valid_to)) {
      out.push_back({"valid_to",
                     "Ngày hết hiệu lực (valid_to) phải là ngày có thật, viết "
                     "YYYY-MM-DD, hoặc để trống; nhận được " +
                         QuoteValue(unit.valid_to) + "."});
    } else if (from_ok && unit.valid_to <= unit.valid_from) {
      out.push_back({"valid_to",
                     "Ngày hết hiệu lực (valid_to) phải sau ngày hiệu lực "
                     "(valid_from)."});
    }
  }
  // ADC-06: every row records its legal basis.
  if (TrimBlanks(unit.legal_source).empty()) {
    out.push_back({"legal_source", "Chưa ghi căn cứ pháp lý (cột legal_source)."});
  } else if (!text::IsValidUtf8(unit.legal_source)) {
    out.push_back({"legal_source", "Căn cứ pháp lý chứa byte không phải UTF-8."});
  }
}

}  // namespace internal

Status ValidateAdminUnit(const AdminUnit& unit) {
  std::vector<FieldError> problems;
  internal::CollectAdminUnitProblems(unit, /*type_known=*/true, problems);
  if (problems.empty()) {
    return OkStatus();
  }
  return Error{ErrorCode::kInvalidArgument,
               "Đơn vị hành chính mã " + internal::QuoteValue(unit.code) + " chưa hợp lệ.",
               std::move(problems)};
}

Status ValidateSuccession(const Succession& s) {
  std::vector<FieldError> problems;
  bool old_ok = IsFixedWidthCode(s.old_code, kProvinceCodeLength) ||
                IsFixedWidthCode(s.old_code, kCommuneCodeLength);
  bool new_ok = IsFixedWidthCode(s.new_code, kProvinceCodeLength) ||
                IsFixedWidthCode(s.new_code, kCommuneCodeLength);
  if (!old_ok) {
    problems.push_back({"old_code", "Mã đơn vị cũ phải gồm đúng 2 hoặc 5 chữ số; nhận được " +
                                        internal::QuoteValue(s.old_code) + "."});
  }
  if (!new_ok) {
    problems.push_back({"new_code", "Mã đơn vị mới phải gồm đúng 2 hoặc 5 chữ số; nhận được " +
                                        internal::QuoteValue(s.new_code) + "."});
  }
  // ADM-01: a province is succeeded by a province, a commune by a commune.
  if (old_ok && new_ok && s.old_code.size() != s.new_code.size()) {
    problems.push_back({"new_code", "Đơn vị cũ và đơn vị mới phải cùng cấp (cùng số chữ số)."});
  }
  if (!IsValidIsoDate(s.effective_from)) {
    problems.push_back({"effective_from",
                        "Ngày hiệu lực phải là ngày có thật, viết YYYY-MM-DD; "
                        "nhận được " +
                            internal::QuoteValue(s.effective_from) + "."});
  }
  if (internal::TrimBlanks(s.legal_source).empty()) {
    problems.push_back({"legal_source", "Chưa ghi căn cứ pháp lý (cột legal_source)."});
  }
  if (problems.empty()) {
    return OkStatus();
  }
  return Error{ErrorCode::kInvalidArgument,
               "Dòng kế thừa " + internal::QuoteValue(s.old_code) + " → " +
                   internal::QuoteValue(s.new_code) + " chưa hợp lệ.",
               std::move(problems)};
}

}  // namespace doithoai
