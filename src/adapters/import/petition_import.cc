// ReadPetitionImport: header recognition and per-row structure checks of a
// petition list file (see petition_import.h). Content rules (required name,
// phone format, text length, village names) belong to CheckNewPetition and
// are applied by the service, so a file is judged by one set of rules
// whichever way the petitions arrive.
#include "adapters/import/petition_import.h"

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

#include "adapters/import/table_file.h"
#include "adapters/import/xlsx_reader.h"
#include "core/common/csv.h"
#include "core/petitions/petition.h"
#include "core/text/vietnamese.h"

namespace doithoai::import {

namespace {

enum class Column { kName, kPhone, kVillage, kAddress, kText, kChannel, kField, kCount, kIgnored };

constexpr size_t kColumnCount = static_cast<size_t>(Column::kCount);

// Column names as shown to users, by Column.
constexpr std::array<std::string_view, kColumnCount> kLabels = {
    "Họ tên", "Điện thoại", "Thôn", "Địa chỉ", "Nội dung", "Kênh", "Lĩnh vực"};

struct Alias {
  std::string_view key;  // HeaderKey form
  Column column;
};

constexpr Alias kAliases[] = {
    {"name", Column::kName},
    {"ho_ten", Column::kName},
    {"ho_va_ten", Column::kName},
    {"ho_ten_nguoi_gui", Column::kName},
    {"phone", Column::kPhone},
    {"dien_thoai", Column::kPhone},
    {"so_dien_thoai", Column::kPhone},
    {"sdt", Column::kPhone},
    {"village", Column::kVillage},
    {"thon", Column::kVillage},
    {"ten_thon", Column::kVillage},
    {"thon_to_dan_pho", Column::kVillage},
    {"address", Column::kAddress},
    {"dia_chi", Column::kAddress},
    {"text", Column::kText},
    {"noi_dung", Column::kText},
    {"noi_dung_kien_nghi", Column::kText},
    {"channel", Column::kChannel},
    {"kenh", Column::kChannel},
    {"kenh_tiep_nhan", Column::kChannel},
    {"field", Column::kField},
    {"linh_vuc", Column::kField},
    {"stt", Column::kIgnored},
    {"tt", Column::kIgnored},
    {"so_thu_tu", Column::kIgnored},
    {"thu_tu", Column::kIgnored},
};

constexpr std::string_view kExpectedColumns =
    "Tệp cần đủ các cột: Họ tên, Điện thoại, Thôn, Địa chỉ, Nội dung, Kênh, Lĩnh vực (có thể "
    "thêm cột STT).";

constexpr std::array<PetitionChannel, 6> kChannels = {
    PetitionChannel::kOnline, PetitionChannel::kWalkIn,     PetitionChannel::kVillageHead,
    PetitionChannel::kLetter, PetitionChannel::kConference, PetitionChannel::kForwarded};

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

std::string LinePrefix(int line) { return "Dòng " + std::to_string(line) + ": "; }

// “value” for a message, cut at 40 characters.
std::string Quote(std::string_view value) { return text::QuoteForMessage(value, 40); }

// `cell` without leading and trailing whitespace, line breaks inside kept.
std::string Trim(std::string_view cell) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  size_t begin = cell.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) {
    return "";
  }
  size_t end = cell.find_last_not_of(kSpace);
  return std::string(cell.substr(begin, end - begin + 1));
}

// The column of each header cell (nullopt for an empty one).
using Header = std::vector<std::optional<Column>>;

Result<Header> ReadHeader(const CsvRow& row) {
  const std::string prefix = LinePrefix(row.line);
  if (!row.syntax_error.empty()) {
    return Invalid(prefix + row.syntax_error);
  }
  Header header;
  std::array<bool, kColumnCount> seen{};
  std::string unknown;
  std::string twice;
  for (const std::string& raw : row.fields) {
    Result<std::string> nfc = text::ToNfc(raw);
    if (!nfc.ok()) {
      return Invalid(prefix +
                     "dòng tiêu đề có byte không phải UTF-8; hãy lưu tệp dạng “CSV UTF-8” hoặc "
                     "dùng tệp Excel .xlsx.");
    }
    const std::string cell = CollapseWhitespace(*nfc);
    if (cell.empty()) {
      header.push_back(std::nullopt);
      continue;
    }
    const std::string key = text::HeaderKey(cell);
    std::optional<Column> column;
    for (const Alias& alias : kAliases) {
      if (alias.key == key) {
        column = alias.column;
        break;
      }
    }
    if (!column.has_value()) {
      unknown += (unknown.empty() ? "" : ", ") + Quote(cell);
    } else if (*column != Column::kIgnored) {
      bool& taken = seen[static_cast<size_t>(*column)];
      if (taken) {
        twice += (twice.empty() ? "" : ", ") + Quote(cell);
      }
      taken = true;
    }
    header.push_back(column);
  }
  if (!unknown.empty()) {
    return Invalid(prefix + "không nhận ra cột " + unknown + ". " + std::string(kExpectedColumns) +
                   " Dòng đầu tiên (không kể dòng trống) phải là dòng tiêu đề cột.");
  }
  if (!twice.empty()) {
    return Invalid(prefix + "dòng tiêu đề có cột trùng: " + twice + ".");
  }
  std::string missing;
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (!seen[c]) {
      missing += (missing.empty() ? "" : ", ") + Quote(kLabels[c]);
    }
  }
  if (!missing.empty()) {
    return Invalid(prefix + "thiếu cột " + missing + ". " + std::string(kExpectedColumns));
  }
  return header;
}

std::string ChannelChoices() {
  std::string out;
  for (PetitionChannel channel : kChannels) {
    out += (out.empty() ? "" : ", ") + std::string(PetitionChannelLabel(channel));
  }
  return out;
}

// The petition of one data row, or its problems (appended to `problems`).
std::optional<NewPetition> ReadRow(const CsvRow& row, const Header& header,
                                   std::vector<PetitionImportProblem>& problems) {
  const size_t problems_before = problems.size();
  auto problem = [&](std::string message) {
    problems.push_back({row.line, LinePrefix(row.line) + std::move(message)});
  };
  if (!row.syntax_error.empty()) {
    problem(row.syntax_error);
    return std::nullopt;
  }
  std::array<std::string, kColumnCount> values;
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const std::string& raw = row.fields[i];
    if (!text::IsValidUtf8(raw)) {
      problem(
          "có byte không phải UTF-8 (thường do lưu tệp CSV bằng bảng mã cũ); hãy lưu tệp "
          "dạng “CSV UTF-8” hoặc dùng tệp Excel .xlsx.");
      return std::nullopt;
    }
    const std::optional<Column> column = i < header.size() ? header[i] : std::nullopt;
    if (!column.has_value()) {
      if (!IsBlankCell(raw)) {
        problem("có dữ liệu ở cột thứ " + std::to_string(i + 1) +
                " nhưng cột này không có tiêu đề; hãy thêm tiêu đề hoặc xóa dữ liệu.");
      }
      continue;
    }
    if (*column == Column::kIgnored) {
      continue;
    }
    values[static_cast<size_t>(*column)] =
        *column == Column::kText ? Trim(raw) : CollapseWhitespace(raw);
  }
  auto value = [&values](Column c) -> std::string& { return values[static_cast<size_t>(c)]; };

  NewPetition petition;
  petition.channel = PetitionChannel::kVillageHead;  // the default of a village head's list
  if (const std::string& channel = value(Column::kChannel); !channel.empty()) {
    Result<PetitionChannel> parsed = ParsePetitionChannel(channel);
    if (parsed.ok()) {
      petition.channel = *parsed;
    } else {
      problem("kênh tiếp nhận không hợp lệ " + Quote(channel) +
              ". Chọn một trong: " + ChannelChoices() + "; để trống nếu qua trưởng thôn.");
    }
  }
  if (problems.size() != problems_before) {
    return std::nullopt;
  }
  petition.name = std::move(value(Column::kName));
  petition.phone = std::move(value(Column::kPhone));
  petition.village = std::move(value(Column::kVillage));
  petition.address = std::move(value(Column::kAddress));
  NewPetitionItem item;
  item.text = std::move(value(Column::kText));
  item.field = std::move(value(Column::kField));
  petition.items.push_back(std::move(item));
  petition.form_token = "";  // an import has no form; the service dedupes otherwise
  return petition;
}

// ".csv" → "csv": the extension of `file_name`, lower case ASCII.
std::string Extension(const std::string& file_name) {
  size_t slash = file_name.find_last_of("/\\");
  size_t dot = file_name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return "";
  }
  std::string ext = file_name.substr(dot + 1);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return ext;
}

}  // namespace

Result<PetitionImportFile> ReadPetitionImport(const std::string& file_name,
                                              std::string_view bytes) {
  const std::string ext = Extension(file_name);
  std::vector<CsvRow> rows;
  if (ext == "xlsx") {
    // A file named .xlsx must be one: ReadXlsxFirstSheet refuses anything
    // else and bounds the work of a hostile archive (XlsxLimits).
    ASSIGN_OR_RETURN(rows, ReadXlsxFirstSheet(bytes));
  } else if (ext == "csv") {
    // Content sniffing still applies: a workbook renamed .csv is read as
    // one, an old .xls or UTF-16 text is refused with advice.
    ASSIGN_OR_RETURN(rows, ReadTableFile(bytes));
  } else {
    return Invalid("Chỉ nhận tệp .csv hoặc .xlsx.");
  }

  size_t first = 0;
  while (first < rows.size() && IsBlankRow(rows[first])) {
    ++first;
  }
  if (first == rows.size()) {
    return Invalid("Tệp không có dữ liệu. " + std::string(kExpectedColumns));
  }
  ASSIGN_OR_RETURN(Header header, ReadHeader(rows[first]));

  PetitionImportFile out;
  int data_rows = 0;
  for (size_t i = first + 1; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    // The only rows skipped: every cell empty (spreadsheets and CSV exports
    // are full of them). A row with anything in any cell, even only a
    // number in the STT column, is read and then judged by the service, so
    // nothing a village head typed disappears silently.
    if (IsBlankRow(row)) {
      continue;
    }
    if (++data_rows > kMaxPetitionImportRows) {
      return Invalid("Tệp có quá nhiều dòng; mỗi lần nhập tối đa " +
                     std::to_string(kMaxPetitionImportRows) + " dòng đơn thư.");
    }
    std::optional<NewPetition> petition = ReadRow(row, header, out.problems);
    if (petition.has_value()) {
      out.rows.push_back({row.line, std::move(*petition)});
    }
  }
  return out;
}

}  // namespace doithoai::import
