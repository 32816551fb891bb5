// ParseAdminUnitsCsv (ADC-06): a snapshot of administrative units as CSV. Two
// passes: the shared RFC 4180 reader (core/common/csv.h), which never fails
// (it records syntax problems per record and resumes at the next line end),
// then row checks that collect every problem of every row, so one run shows
// the whole list of fixes.
#include <array>
#include <map>
#include <string>
#include <utility>

#include "core/admin_units/admin_unit.h"  // declares ParseAdminUnitsCsv
#include "core/common/csv.h"
#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

using internal::QuoteValue;
using internal::TrimBlanks;

constexpr std::string_view kHeaderHint =
    "code,name,type,parent_code,valid_from,legal_source (có thể thêm cột valid_to)";

// ---- row checks ----

// The first day after [valid_from, valid_to); "~" sorts after every date.
std::string_view EndOf(const AdminUnit& unit) {
  return unit.valid_to.empty() ? std::string_view("~") : std::string_view(unit.valid_to);
}

bool Overlaps(const AdminUnit& a, const AdminUnit& b) {
  return a.valid_from < EndOf(b) && b.valid_from < EndOf(a);
}

bool ValidOn(const AdminUnit& unit, std::string_view date) {
  return unit.valid_from <= date && date < EndOf(unit);
}

struct Row {
  int line = 0;
  AdminUnit unit;
  bool type_known = false;
  bool keyed = false;  // type, code and dates usable for the cross-row checks
  std::vector<std::string> problems;
};

std::string JoinProblems(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems) {
    out += out.empty() ? "" : " ";
    out += p;
  }
  return out;
}

Error HeaderError(int line, std::string message) {
  return Error{ErrorCode::kInvalidArgument,
               "Tệp danh mục đơn vị hành chính có dòng tiêu đề không hợp lệ.",
               {{"dòng " + std::to_string(line), std::move(message)}}};
}

// The number of columns (6, or 7 with valid_to) named by the header.
Result<size_t> CheckHeader(const CsvRow& header) {
  constexpr std::array<std::string_view, 7> kExpected = {
      "code", "name", "type", "parent_code", "valid_from", "legal_source", "valid_to"};
  if (!header.syntax_error.empty()) {
    return HeaderError(header.line, header.syntax_error);
  }
  size_t count = header.fields.size();
  bool ok = count == kExpected.size() - 1 || count == kExpected.size();
  for (size_t i = 0; ok && i < count; ++i) {
    std::string name(TrimBlanks(header.fields[i]));
    for (char& c : name) {
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    ok = name == kExpected[i];
  }
  if (!ok) {
    return HeaderError(header.line, "Dòng tiêu đề phải là: " + std::string(kHeaderHint) + ".");
  }
  return count;
}

// Fills `row` from a record of `columns` fields, noting per-row problems.
void ReadRow(const CsvRow& record, size_t columns, Row& row) {
  row.line = record.line;
  if (!record.syntax_error.empty()) {
    row.problems.push_back(record.syntax_error);
    return;
  }
  if (record.fields.size() != columns) {
    row.problems.push_back("Có " + std::to_string(record.fields.size()) + " cột, cần " +
                           std::to_string(columns) + " cột theo dòng tiêu đề.");
    return;
  }
  std::array<std::string, 7> values;
  for (size_t i = 0; i < columns; ++i) {
    Result<std::string> nfc = text::ToNfc(TrimBlanks(record.fields[i]));  // TXT-01
    if (!nfc.ok()) {
      row.problems.push_back("Dòng chứa byte không phải UTF-8; hãy lưu tệp với mã hóa UTF-8.");
      return;
    }
    values[i] = std::move(nfc).value();
  }
  AdminUnit& unit = row.unit;
  unit.code = values[0];
  unit.name = values[1];
  unit.parent_code = values[3];
  unit.valid_from = values[4];
  unit.legal_source = values[5];
  unit.valid_to = values[6];
  Result<AdminUnitType> type = ParseAdminUnitType(values[2]);
  if (type.ok()) {
    unit.type = *type;
  } else {
    row.problems.push_back(type.error().message);
  }
  std::vector<FieldError> problems;
  internal::CollectAdminUnitProblems(unit, type.ok(), problems);
  bool keyed = type.ok();
  for (FieldError& p : problems) {
    keyed = keyed && p.field != "code" && p.field != "valid_from" && p.field != "valid_to";
    row.problems.push_back(std::move(p.message));
  }
  row.type_known = type.ok();
  row.keyed = keyed;
}

// Duplicate codes (overlapping validity) and parents missing from the file.
void CheckAcrossRows(std::vector<Row>& rows) {
  std::map<std::string, std::vector<size_t>, std::less<>> by_code;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].keyed) {
      by_code[rows[i].unit.code].push_back(i);
    }
  }
  for (const auto& [code, indexes] : by_code) {
    for (size_t j = 1; j < indexes.size(); ++j) {
      for (size_t k = 0; k < j; ++k) {
        const Row& earlier = rows[indexes[k]];
        Row& later = rows[indexes[j]];
        if (Overlaps(earlier.unit, later.unit)) {
          later.problems.push_back("Mã " + QuoteValue(code) + " trùng với dòng " +
                                   std::to_string(earlier.line) +
                                   " (hai dòng cùng có hiệu lực một lúc).");
          break;
        }
      }
    }
  }
  for (Row& row : rows) {
    const AdminUnit& unit = row.unit;
    // Checked even when the row's own code is bad, so one run shows all.
    if (!row.type_known || IsProvinceLevel(unit.type) ||
        !IsFixedWidthCode(unit.parent_code, kProvinceCodeLength) ||
        !IsValidIsoDate(unit.valid_from)) {
      continue;
    }
    auto it = by_code.find(unit.parent_code);
    bool any = false;
    bool valid = false;
    if (it != by_code.end()) {
      for (size_t p : it->second) {
        const AdminUnit& parent = rows[p].unit;
        if (IsProvinceLevel(parent.type)) {
          any = true;
          valid = valid || ValidOn(parent, unit.valid_from);
        }
      }
    }
    if (!any) {
      row.problems.push_back("Không có tỉnh, thành phố mã " + QuoteValue(unit.parent_code) +
                             " trong tệp; tệp phải có cả dòng của đơn vị cấp trên.");
    } else if (!valid) {
      row.problems.push_back("Tỉnh, thành phố mã " + QuoteValue(unit.parent_code) +
                             " trong tệp không có hiệu lực vào ngày " + unit.valid_from + ".");
    }
  }
}

}  // namespace

Result<std::vector<AdminUnit>> ParseAdminUnitsCsv(std::string_view csv) {
  std::vector<CsvRow> records = ParseCsv(csv);  // skips a UTF-8 byte-order mark
  size_t first = 0;
  while (first < records.size() && records[first].blank) {
    ++first;
  }
  if (first == records.size()) {
    return HeaderError(
        1, "Tệp trống; dòng đầu tiên phải là dòng tiêu đề: " + std::string(kHeaderHint) + ".");
  }
  const CsvRow& header = records[first];
  ASSIGN_OR_RETURN(size_t columns, CheckHeader(header));

  std::vector<Row> rows;
  for (size_t r = first + 1; r < records.size(); ++r) {
    if (records[r].blank) {
      continue;
    }
    rows.emplace_back();
    ReadRow(records[r], columns, rows.back());
  }
  if (rows.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tệp danh mục đơn vị hành chính không có dòng dữ liệu nào.");
  }
  CheckAcrossRows(rows);

  Error error{ErrorCode::kInvalidArgument, "", {}};
  for (const Row& row : rows) {
    if (!row.problems.empty()) {
      error.fields.push_back({"dòng " + std::to_string(row.line), JoinProblems(row.problems)});
    }
  }
  if (!error.fields.empty()) {
    error.message = "Tệp danh mục đơn vị hành chính có " + std::to_string(error.fields.size()) +
                    " dòng không hợp lệ; chưa nhập dòng nào.";
    return error;
  }
  std::vector<AdminUnit> units;
  units.reserve(rows.size());
  for (Row& row : rows) {
    units.push_back(std::move(row.unit));
  }
  return units;
}

}  // namespace doithoai
