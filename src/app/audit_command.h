// `doithoai audit verify --db PATH`: checks the hash chain of the audit log
// (issue #3) and names the first broken row.
#ifndef DOITHOAI_APP_AUDIT_COMMAND_H_
#define DOITHOAI_APP_AUDIT_COMMAND_H_

#include <string>

namespace doithoai::app {

// Opens the existing database at `db_path` and verifies the audit chain.
// Prints "Chuỗi nhật ký kiểm toán nguyên vẹn: N hàng." to stdout and returns 0
// if it is intact; otherwise prints one "Lỗi: …" line to stderr and returns 1
// (a broken chain, a missing file, or no audit_log table).
//
// Verification never writes: it does not run migrations, so a database whose
// schema predates the audit log is reported as an error ("hãy chạy `doithoai
// migrate`") rather than silently given an empty log — a forensic check must
// not change the file it examines, and creating an empty table would also
// hide a dropped one.
int RunAuditVerify(const std::string& db_path);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_AUDIT_COMMAND_H_
