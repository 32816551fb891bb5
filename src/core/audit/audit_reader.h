// Port: reading a commune's audit log for supervision (Chủ tịch, Ủy ban
// MTTQ, the commune administrator). Implemented over the hash-chained table
// in adapters/storage/sqlite/audit_log.*.
#ifndef DOITHOAI_CORE_AUDIT_AUDIT_READER_H_
#define DOITHOAI_CORE_AUDIT_AUDIT_READER_H_

#include <vector>

#include "core/audit/audit_entry.h"
#include "core/common/result.h"

namespace doithoai {

class AuditReader {
 public:
  virtual ~AuditReader() = default;
  // The newest `limit` entries of `commune`, newest first (never another
  // commune's).
  virtual Result<std::vector<AuditEntry>> Recent(CommuneId commune, int limit) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_AUDIT_AUDIT_READER_H_
