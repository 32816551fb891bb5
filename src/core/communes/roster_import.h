// Importing a commune's village list or staff list from a table file (issue #3
// §7): rows of strings read from CSV (core/common/csv.h) or from the first
// sheet of an .xlsx file (adapters/import). The file is judged whole before
// anything is written: every bad row is reported with its line number and, if
// any row is bad, nothing is imported. Pure functions, except
// PrepareRosterImport, which reads the commune's current data through the
// repository port.
#ifndef DOITHOAI_CORE_COMMUNES_ROSTER_IMPORT_H_
#define DOITHOAI_CORE_COMMUNES_ROSTER_IMPORT_H_

#include <string>
#include <vector>

#include "core/common/csv.h"
#include "core/common/result.h"
#include "core/communes/commune.h"
#include "core/communes/commune_repository.h"

namespace doithoai {

// Which list a file holds; told apart by its header row.
enum class RosterKind { kVillages, kOfficials };

// What the commune already has; a file is checked against it.
struct RosterExisting {
  CommuneId commune;
  std::vector<Village> villages;
  std::vector<Unit> units;
  std::vector<Official> officials;
};

// A file that passed every check, ready for CommuneRepository::ImportRoster.
struct RosterImport {
  RosterKind kind = RosterKind::kVillages;
  std::vector<Village> villages;    // kVillages: commune_id set, id unset
  std::vector<Official> officials;  // kOfficials: commune_id and unit_id set
  int blank_rows = 0;               // rows with every cell empty, skipped
};

inline constexpr int kMaxRosterNameChars = 100;
inline constexpr int kMaxRosterPositionChars = 150;
inline constexpr int kMaxRosterSortNameChars = 50;
inline constexpr int kMaxRosterOrder = 9999;

// Parses `rows`. The first row that is not blank is the header; its cells are
// matched after text::Fold, ignoring punctuation and spacing, so "Tên thôn",
// "ten_thon" and "TÊN THÔN" name the same column:
//   villages:  ten_thon ("Tên thôn", "Thôn", "Tên thôn, tổ dân phố"), and
//              optionally thu_tu ("Thứ tự", "STT"): the display order, a whole
//              number 0..9999; without it, villages follow the existing ones
//              in file order;
//   officials: ho_ten ("Họ và tên", "Họ tên") and chuc_vu ("Chức vụ"), and
//              optionally bo_phan ("Bộ phận": the name or short name of one
//              of the commune's units), ten_goi_sap_xep ("Tên gọi sắp xếp",
//              SORT-05) and STT (row numbering, not stored).
// A header with both kinds of name column, none, an unknown column or a
// column twice is an error. Cells are NFC-normalised (TXT-01), trimmed, and
// runs of whitespace (line breaks included) become one space.
//
// Rows whose cells are all empty are skipped and counted in `blank_rows`.
// Every other row must be valid: a name is required, at most
// kMaxRosterNameChars characters, and unique by text::Fold within the file
// and against the commune's existing villages (or officials); text must be
// UTF-8; a cell under no header is an error (nothing is dropped silently).
//
// On failure: kInvalidArgument whose `fields` hold one entry per bad row,
// field "dòng N" (N from CsvRow::line) and a Vietnamese message listing every
// problem of the row, with the message "Tệp có K dòng lỗi; chưa nhập dòng
// nào.". A bad header is reported the same way for its line; an empty file
// or one without data rows fails with a message and no fields.
Result<RosterImport> ParseRoster(const std::vector<CsvRow>& rows, const RosterExisting& existing);

// Reads the commune's villages, units and officials from `repo`, then
// ParseRoster. The caller writes the result with repo.ImportRoster, which
// re-checks uniqueness inside its transaction.
Result<RosterImport> PrepareRosterImport(CommuneRepository& repo, CommuneId commune,
                                         const std::vector<CsvRow>& rows);

// "Đã nhập 5 thôn (bỏ qua 1 dòng trống)." / "Đã nhập 12 cán bộ (bỏ qua 0 dòng
// trống)."
std::string RosterImportSummary(const RosterImport& import);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_COMMUNES_ROSTER_IMPORT_H_
