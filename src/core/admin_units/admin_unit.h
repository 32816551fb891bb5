// Administrative units (đơn vị hành chính) as dated reference data. Since
// 01/7/2025 there are two levels only, province and commune (ADM-01), but the
// model hard-codes no level (ADM-10): a unit is a code, a type and a parent
// code, valid over [valid_from, valid_to). Codes are fixed-width digit strings
// with leading zeros (ADC-01/02/04) and are reused across reforms (ADC-03), so
// a unit is identified by (code, valid_from) and its parent is always stored,
// never derived from the code. Snapshots are imported from CSV (ADC-06).
// Pure functions; thread-safe.
#ifndef DOITHOAI_CORE_ADMIN_UNITS_ADMIN_UNIT_H_
#define DOITHOAI_CORE_ADMIN_UNITS_ADMIN_UNIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace doithoai {

// ADM-05: the unit types since 01/7/2025.
enum class AdminUnitType {
  kCentralCity,  // thành phố trực thuộc trung ương
  kProvince,     // tỉnh
  kWard,         // phường
  kCommune,      // xã
  kSpecialZone,  // đặc khu (tại hải đảo)
};

// The storage spelling: "thanh_pho_truc_thuoc_trung_uong", "tinh", "phuong",
// "xa", "dac_khu".
std::string_view AdminUnitTypeCode(AdminUnitType type);
// Parses a storage spelling; kInvalidArgument (Vietnamese) otherwise.
Result<AdminUnitType> ParseAdminUnitType(std::string_view code);
// The Vietnamese word: "thành phố", "tỉnh", "phường", "xã", "đặc khu".
std::string_view AdminUnitTypeWord(AdminUnitType type);
// True for the provincial level (central city or province), whose code has 2
// digits and which has no parent; false for the commune level (5 digits).
bool IsProvinceLevel(AdminUnitType type);

// Code widths (ADC-02, QĐ 19/2025/QĐ-TTg).
inline constexpr size_t kProvinceCodeLength = 2;
inline constexpr size_t kCommuneCodeLength = 5;

struct AdminUnit {
  std::string code;         // ADC-04: "38", "00004"; never an integer
  std::string name;         // NFC, without the type word: "Thanh Hóa"
  std::string parent_code;  // "" for the provincial level; else a province code
  AdminUnitType type = AdminUnitType::kCommune;
  std::string valid_from;    // YYYY-MM-DD, first day of validity
  std::string valid_to;      // YYYY-MM-DD, first day no longer valid; "" = still valid
  std::string legal_source;  // "QĐ 19/2025/QĐ-TTg; NQ 1686/NQ-UBTVQH15"

  bool operator==(const AdminUnit&) const = default;
};

// ADM-10: `old_code` was replaced (merged, split, renamed, renumbered) by
// `new_code` from `effective_from` on. One old unit may have several
// successors and one new unit several predecessors.
struct Succession {
  std::string old_code;
  std::string new_code;
  std::string effective_from;  // YYYY-MM-DD
  std::string legal_source;

  bool operator==(const Succession&) const = default;
};

// True for a real calendar date written YYYY-MM-DD (year 0001..9999).
bool IsValidIsoDate(std::string_view date);

// True when `code` is exactly `width` ASCII digits (ADC-04: "01", "00004").
bool IsFixedWidthCode(std::string_view code, size_t width);

// Checks one unit on its own (no cross-row checks): code width for its type,
// parent code shape, non-empty single-line name and legal source, dates.
// kInvalidArgument with one FieldError per bad column ("code", "name",
// "parent_code", "valid_from", "valid_to", "legal_source"), Vietnamese text.
Status ValidateAdminUnit(const AdminUnit& unit);

// Checks one succession row; same conventions as ValidateAdminUnit.
Status ValidateSuccession(const Succession& succession);

// Parses a snapshot (ADC-06): RFC 4180 CSV, LF or CRLF line ends, an optional
// UTF-8 byte-order mark, and a header row with exactly the columns
//   code,name,type,parent_code,valid_from,legal_source
// in that order, optionally followed by `valid_to`. Fields are trimmed of
// spaces and tabs and NFC-normalised (TXT-01); blank lines are skipped.
//
// The file must be self-contained: every commune-level row's parent_code must
// name a provincial-level row of the same file that is valid on the row's
// valid_from. This is checked here rather than against stored data so that a
// file can be judged on its own, before anything is written.
//
// A code may appear more than once only as history (validity periods that do
// not overlap, closed with valid_to); two rows for the same code valid at the
// same time are duplicates.
//
// All or nothing: if any row is bad, returns kInvalidArgument whose `fields`
// hold one entry per bad row, field "dòng N" (N = the 1-based line of the file
// where the row starts; a quoted field may span lines) and a Vietnamese
// message listing every problem of that row. A bad header is reported the
// same way, for its line; a file without data rows fails with no fields.
//
// Implemented in admin_unit_csv.cc.
Result<std::vector<AdminUnit>> ParseAdminUnitsCsv(std::string_view csv);

namespace internal {

// Shared by ValidateAdminUnit and the CSV parser. Appends the problems of
// `unit` to `out`; with `type_known` false (the type column was unreadable)
// the code need only have 2 or 5 digits and the parent code is not checked,
// so that the row's other problems still show.
void CollectAdminUnitProblems(const AdminUnit& unit, bool type_known, std::vector<FieldError>& out);

// `value` in double quotes for a message, cut on a UTF-8 boundary when long.
std::string QuoteValue(std::string_view value);

// `s` without leading and trailing spaces and tabs.
std::string_view TrimBlanks(std::string_view s);

}  // namespace internal

}  // namespace doithoai

#endif  // DOITHOAI_CORE_ADMIN_UNITS_ADMIN_UNIT_H_
