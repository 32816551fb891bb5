// `doithoai commune import`: loads a commune's village list or staff list
// from a .xlsx or CSV file (issue #3 §7). The whole file is checked against
// the commune's current data first; if any row is bad, every bad row is
// printed and nothing is written.
#ifndef DOITHOAI_APP_ROSTER_COMMAND_H_
#define DOITHOAI_APP_ROSTER_COMMAND_H_

#include <string>

namespace doithoai::app {

// Reads `file_path` (.xlsx by content, else CSV), opens the existing database
// at `db_path` (never creates it), migrates it, and imports into the commune
// `commune_slug`. Prints "Đã nhập N thôn (bỏ qua K dòng trống)." (or "M cán
// bộ") on stdout; on failure prints "Lỗi: …" and one line per bad row
// ("  dòng 5: …") on stderr. Returns the exit code (0 or 1).
int RunRosterImport(const std::string& db_path, const std::string& commune_slug,
                    const std::string& file_path);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_ROSTER_COMMAND_H_
