// ParseRoster: header recognition, cell clean-up and per-row checks of a
// village or staff list; every problem of every row is collected so one run
// shows the whole list of fixes (same conventions as ParseAdminUnitsCsv).
#include "core/communes/roster_import.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

enum class Column { kNone, kVillageName, kOrder, kFullName, kPosition, kUnit, kSortName, kCount };

struct Alias {
  std::string_view key;  // HeaderKey form
  Column column;
};

constexpr Alias kAliases[] = {
    {"ten_thon", Column::kVillageName},
    {"thon", Column::kVillageName},
    {"ten_thon_to_dan_pho", Column::kVillageName},
    {"thon_to_dan_pho", Column::kVillageName},
    {"ten_to_dan_pho", Column::kVillageName},
    {"to_dan_pho", Column::kVillageName},
    {"thu_tu", Column::kOrder},
    {"so_thu_tu", Column::kOrder},
    {"stt", Column::kOrder},
    {"tt", Column::kOrder},
    {"ho_ten", Column::kFullName},
    {"ho_va_ten", Column::kFullName},
    {"chuc_vu", Column::kPosition},
    {"bo_phan", Column::kUnit},
    {"ten_goi_sap_xep", Column::kSortName},
    {"ten_sap_xep", Column::kSortName},
};

constexpr std::string_view kExpectedColumns =
    "Danh sách thôn cần cột “Tên thôn” (có thể thêm cột “Thứ tự”); danh sách cán bộ cần cột "
    "“Họ và tên” và “Chức vụ” (có thể thêm cột “Bộ phận”, “Tên gọi sắp xếp”).";
constexpr std::string_view kNotUtf8 =
    "Dòng chứa byte không phải UTF-8; hãy lưu tệp dạng “CSV UTF-8” hoặc dùng tệp Excel .xlsx.";

using Values = std::array<std::string, static_cast<size_t>(Column::kCount)>;

std::string& At(Values& values, Column c) { return values[static_cast<size_t>(c)]; }

// Column names as shown to users, by Column.
constexpr std::string_view kLabels[] = {"",        "Tên thôn", "Thứ tự",         "Họ và tên",
                                        "Chức vụ", "Bộ phận",  "Tên gọi sắp xếp"};
static_assert(std::size(kLabels) == static_cast<size_t>(Column::kCount));

std::string_view Label(Column c) { return kLabels[static_cast<size_t>(c)]; }

int CharCount(std::string_view utf8) {
  int count = 0;
  for (char c : utf8) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

// C0 controls, DEL and C1 controls (U+0080..U+009F).
bool HasControl(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x20 || c == 0x7F) {
      return true;
    }
    if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0) {
      return true;
    }
  }
  return false;
}

// “value” for a message, cut at 60 characters.
std::string Quote(std::string_view value) { return text::QuoteForMessage(value, 60); }

struct Header {
  std::vector<Column> columns;  // by cell index; kNone for an empty header cell
  RosterKind kind = RosterKind::kVillages;
};

// The header of the file, or the (Vietnamese) problem with it.
Result<Header> ReadHeader(const CsvRow& row) {
  auto problem = [](std::string message) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(message));
  };
  if (!row.syntax_error.empty()) {
    return problem(row.syntax_error);
  }
  Header header;
  std::set<Column> seen;
  std::string unknown;
  std::string twice;
  for (const std::string& raw : row.fields) {
    Result<std::string> nfc = text::ToNfc(raw);
    if (!nfc.ok()) {
      return problem(std::string(kNotUtf8));
    }
    std::string cell = CollapseWhitespace(*nfc);
    Column column = Column::kNone;
    std::string key = text::HeaderKey(cell);
    for (const Alias& alias : kAliases) {
      if (alias.key == key) {
        column = alias.column;
        break;
      }
    }
    if (!cell.empty() && column == Column::kNone) {
      unknown += (unknown.empty() ? "" : ", ") + Quote(cell);
    } else if (column != Column::kNone && !seen.insert(column).second) {
      twice += (twice.empty() ? "" : ", ") + Quote(cell);
    }
    header.columns.push_back(column);
  }
  if (!unknown.empty()) {
    std::string hint = seen.empty() ? " Dòng đầu tiên (không kể dòng trống) phải là dòng tiêu "
                                      "đề cột; hãy xóa các dòng tên bảng phía trên nó."
                                    : "";
    return problem("Không nhận ra cột " + unknown + ". " + std::string(kExpectedColumns) + hint);
  }
  if (!twice.empty()) {
    return problem("Dòng tiêu đề có cột trùng: " + twice + ".");
  }
  bool villages = seen.contains(Column::kVillageName);
  bool officials = seen.contains(Column::kFullName);
  if (villages && officials) {
    return problem(
        "Dòng tiêu đề có cả cột “Tên thôn” và cột “Họ và tên”; mỗi tệp chỉ chứa một danh sách.");
  }
  if (villages) {
    for (Column c : {Column::kPosition, Column::kUnit, Column::kSortName}) {
      if (seen.contains(c)) {
        return problem("Cột “" + std::string(Label(c)) +
                       "” chỉ dùng cho danh sách cán bộ, không dùng cho danh sách thôn.");
      }
    }
    return header;
  }
  if (officials) {
    if (!seen.contains(Column::kPosition)) {
      return problem("Danh sách cán bộ cần cột “Chức vụ”.");
    }
    header.kind = RosterKind::kOfficials;
    return header;
  }
  return problem("Dòng tiêu đề không có cột tên. " + std::string(kExpectedColumns));
}

// Fills `values` from `row`; false (with a problem noted) if the row cannot
// be read at all.
bool ReadCells(const CsvRow& row, const Header& header, Values& values,
               std::vector<std::string>& problems) {
  if (!row.syntax_error.empty()) {
    problems.push_back(row.syntax_error);
    return false;
  }
  for (size_t i = 0; i < row.fields.size(); ++i) {
    Result<std::string> nfc = text::ToNfc(row.fields[i]);  // TXT-01
    if (!nfc.ok()) {
      problems.assign(1, std::string(kNotUtf8));
      return false;
    }
    std::string cell = CollapseWhitespace(*nfc);
    Column column = i < header.columns.size() ? header.columns[i] : Column::kNone;
    if (column != Column::kNone) {
      At(values, column) = std::move(cell);
    } else if (!cell.empty()) {
      problems.push_back("Có dữ liệu ở cột thứ " + std::to_string(i + 1) +
                         " nhưng cột này không có tiêu đề; hãy thêm tiêu đề hoặc xóa dữ liệu.");
    }
  }
  return true;
}

// Notes the problems of a text cell; an empty cell is a problem only when
// `missing` (the message for it) is not empty.
void CheckText(const std::string& value, Column column, std::string_view missing, int max_chars,
               std::vector<std::string>& problems) {
  std::string label(Label(column));
  if (value.empty()) {
    if (!missing.empty()) {
      problems.push_back(std::string(missing));
    }
    return;
  }
  if (HasControl(value)) {
    problems.push_back(label + " có ký tự điều khiển không in được.");
  }
  if (int chars = CharCount(value); chars > max_chars) {
    problems.push_back(label + " dài " + std::to_string(chars) + " ký tự, tối đa " +
                       std::to_string(max_chars) + ".");
  }
}

// Folded names already taken: by existing records, and by earlier rows.
struct NameIndex {
  std::set<std::string> existing;
  std::map<std::string, int> in_file;  // folded name → first line

  // Notes a duplicate of `name` (already valid) or records it.
  void Check(const std::string& name, int line, std::string_view existing_message,
             std::string_view label, std::vector<std::string>& problems) {
    std::string key = text::Fold(name);
    if (existing.contains(key)) {
      problems.push_back(std::string(existing_message) + Quote(name) + ".");
    } else if (auto [it, added] = in_file.emplace(key, line); !added) {
      problems.push_back(std::string(label) + " " + Quote(name) + " trùng với dòng " +
                         std::to_string(it->second) + ".");
    }
  }
};

void ReadVillage(Values& values, int line, int auto_position, const RosterExisting& existing,
                 NameIndex& names, RosterImport& out, std::vector<std::string>& problems) {
  Village village{{}, existing.commune, At(values, Column::kVillageName), auto_position};
  size_t before = problems.size();
  CheckText(village.name, Column::kVillageName, "Chưa có tên thôn.", kMaxRosterNameChars, problems);
  if (problems.size() == before) {
    names.Check(village.name, line, "Xã đã có thôn ", "Tên thôn", problems);
  }
  const std::string& order = At(values, Column::kOrder);
  if (!order.empty()) {
    auto [end, ec] = std::from_chars(order.data(), order.data() + order.size(), village.position);
    if (ec != std::errc() || end != order.data() + order.size() || village.position < 0 ||
        village.position > kMaxRosterOrder) {
      problems.push_back("Thứ tự " + Quote(order) + " không phải số nguyên từ 0 đến " +
                         std::to_string(kMaxRosterOrder) + ".");
    }
  }
  out.villages.push_back(std::move(village));
}

void ReadOfficial(Values& values, int line, const RosterExisting& existing,
                  const std::map<std::string, UnitId>& units, NameIndex& names, RosterImport& out,
                  std::vector<std::string>& problems) {
  Official official{{},
                    existing.commune,
                    At(values, Column::kFullName),
                    At(values, Column::kPosition),
                    std::nullopt,
                    At(values, Column::kSortName)};
  size_t before = problems.size();
  CheckText(official.full_name, Column::kFullName, "Chưa có họ và tên.", kMaxRosterNameChars,
            problems);
  if (problems.size() == before) {
    size_t checked = problems.size();
    names.Check(official.full_name, line, "Xã đã có cán bộ ", "Họ và tên", problems);
    if (problems.size() != checked) {
      problems.back() += " Nếu là hai người trùng tên, hãy thêm người sau bằng biểu mẫu.";
    }
  }
  CheckText(official.position, Column::kPosition, "", kMaxRosterPositionChars, problems);
  CheckText(official.sort_given_name, Column::kSortName, "", kMaxRosterSortNameChars, problems);
  const std::string& unit = At(values, Column::kUnit);
  if (!unit.empty()) {
    auto it = units.find(text::Fold(unit));
    if (it != units.end()) {
      official.unit_id = it->second;
    } else if (existing.units.empty()) {
      problems.push_back("Xã chưa có bộ phận nào nên không tìm thấy bộ phận " + Quote(unit) +
                         "; hãy thêm bộ phận trước hoặc để trống cột “Bộ phận”.");
    } else {
      problems.push_back("Xã không có bộ phận " + Quote(unit) + ".");
    }
  }
  out.officials.push_back(std::move(official));
}

Error RowErrors(std::vector<FieldError> fields) {
  std::string message =
      "Tệp có " + std::to_string(fields.size()) + " dòng lỗi; chưa nhập dòng nào.";
  return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(fields)};
}

std::string RowField(int line) { return "dòng " + std::to_string(line); }

}  // namespace

Result<RosterImport> ParseRoster(const std::vector<CsvRow>& rows, const RosterExisting& existing) {
  RosterImport out;
  size_t first = 0;
  for (; first < rows.size() && IsBlankRow(rows[first]); ++first) {
    ++out.blank_rows;
  }
  if (first == rows.size()) {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "Tệp trống; dòng đầu tiên phải là dòng tiêu đề. " + std::string(kExpectedColumns));
  }
  Result<Header> header = ReadHeader(rows[first]);
  if (!header.ok()) {
    return RowErrors({{RowField(rows[first].line), header.error().message}});
  }
  out.kind = header->kind;

  NameIndex names;
  int max_position = 0;
  for (const Village& v : existing.villages) {
    if (out.kind == RosterKind::kVillages) {
      names.existing.insert(text::Fold(v.name));
    }
    max_position = std::max(max_position, v.position);
  }
  for (const Official& o : existing.officials) {
    if (out.kind == RosterKind::kOfficials) {
      names.existing.insert(text::Fold(o.full_name));
    }
  }
  std::map<std::string, UnitId> units;
  for (const Unit& u : existing.units) {
    units.emplace(text::Fold(u.name), u.id);
  }
  for (const Unit& u : existing.units) {
    if (!u.short_name.empty()) {
      units.emplace(text::Fold(u.short_name), u.id);  // a full name wins
    }
  }

  std::vector<FieldError> bad;
  int data_rows = 0;
  for (size_t r = first + 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (IsBlankRow(row)) {
      ++out.blank_rows;
      continue;
    }
    ++data_rows;
    Values values;
    std::vector<std::string> problems;
    if (ReadCells(row, *header, values, problems)) {
      if (out.kind == RosterKind::kVillages) {
        ReadVillage(values, row.line, max_position + data_rows, existing, names, out, problems);
      } else {
        ReadOfficial(values, row.line, existing, units, names, out, problems);
      }
    }
    if (!problems.empty()) {
      std::string message;
      for (const std::string& p : problems) {
        message += (message.empty() ? "" : " ") + p;
      }
      bad.push_back({RowField(row.line), std::move(message)});
    }
  }
  if (!bad.empty()) {
    return RowErrors(std::move(bad));
  }
  if (data_rows == 0) {
    return MakeError(ErrorCode::kInvalidArgument, "Tệp chỉ có dòng tiêu đề (dòng " +
                                                      std::to_string(rows[first].line) +
                                                      "), không có dòng dữ liệu nào.");
  }
  return out;
}

Result<RosterImport> PrepareRosterImport(CommuneRepository& repo, CommuneId commune,
                                         const std::vector<CsvRow>& rows) {
  RosterExisting existing;
  existing.commune = commune;
  ASSIGN_OR_RETURN(existing.villages, repo.ListVillages(commune));
  ASSIGN_OR_RETURN(existing.units, repo.ListUnits(commune));
  ASSIGN_OR_RETURN(existing.officials, repo.ListOfficials(commune));
  return ParseRoster(rows, existing);
}

std::string RosterImportSummary(const RosterImport& import) {
  bool villages = import.kind == RosterKind::kVillages;
  size_t count = villages ? import.villages.size() : import.officials.size();
  return "Đã nhập " + std::to_string(count) + (villages ? " thôn" : " cán bộ") + " (bỏ qua " +
         std::to_string(import.blank_rows) + " dòng trống).";
}

}  // namespace doithoai
