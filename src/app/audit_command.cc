// `doithoai audit verify`: opens the database without migrating it and reports
// whether the audit log's hash chain is intact.
#include "app/audit_command.h"

#include <cstdio>
#include <memory>

#include "adapters/storage/sql/audit_log.h"
#include "app/commands.h"

namespace doithoai::app {

int RunAuditVerify(const std::string& db_path) {
  Result<std::unique_ptr<sql::Database>> db = OpenExisting(db_path);
  if (!db.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", db.error().message.c_str());
    return 1;
  }
  Result<sql::AuditVerifyReport> report = sql::VerifyAuditChain(**db);
  if (!report.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", report.error().message.c_str());
    return 1;
  }
  if (report->first_broken_id.has_value()) {
    // `problem` starts with "hàng <id>: ", giving "… bị phá vỡ tại hàng 17: …".
    std::fprintf(stderr, "Lỗi: chuỗi nhật ký kiểm toán bị phá vỡ tại %s\n",
                 report->problem.c_str());
    return 1;
  }
  std::printf("Chuỗi nhật ký kiểm toán nguyên vẹn: %lld hàng.\n",
              static_cast<long long>(report->rows_checked));
  return 0;
}

}  // namespace doithoai::app
