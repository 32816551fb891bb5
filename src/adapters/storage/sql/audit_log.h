// The tamper-evident audit log in SQLite (issue #3; table audit_log, migration
// 0003). Repositories append one row per state change with AppendAudit inside
// the write transaction that makes the change, so both commit or neither does.
// Each row stores the hash of the previous row, so editing or deleting a row
// breaks the chain; VerifyAuditChain finds the first broken row.
//
// Canonical row hash (a FILE FORMAT: changing it breaks every existing chain).
// hash = lower-case hex of SHA-256 over the concatenation of 13 fields, each
// written as
//     <decimal byte length> ':' <bytes> '\n'
// (length without sign or leading zeros, "0" for an empty field; bytes copied
// verbatim, any byte allowed), in this order:
//      1. the format tag "doithoai.audit.v1"
//      2. id                    8. action
//      3. commune_id            9. object_type
//      4. actor_account_id     10. object_id
//      5. actor_name           11. before
//      6. client_address       12. after
//      7. at_ms                13. prev_hash (lower-case hex, "" for row 1)
// (`hash` itself is not included).
// Integers (id, commune_id, actor_account_id, at_ms = milliseconds since the
// Unix epoch) are written in decimal, with a leading '-' if negative.
// Example: id 1 → "1:1\n"; action "ab" → "2:ab\n"; empty before → "0:\n".
// The length prefix makes the encoding injective: no two different entries
// serialise to the same bytes, so moving bytes between fields changes the hash.
//
// Limits: the hash is unkeyed, so the chain alone catches careless or partial
// tampering (an edited, deleted or inserted row whose successors were left as
// they were). Someone with the file who recomputes every hash from the edited
// row to the end, or who removes or appends rows at the end, produces a valid
// chain; only a copy of a recent last hash kept elsewhere
// (AuditVerifyReport::last_hash) exposes that.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_AUDIT_LOG_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_AUDIT_LOG_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/audit/audit_entry.h"
#include "core/audit/audit_reader.h"
#include "core/common/ids.h"
#include "core/common/result.h"

namespace doithoai::sql {

// The canonical serialisation described above (every field except `hash`).
std::string AuditCanonicalForm(const AuditEntry& e);

// Lower-case hex SHA-256 (64 characters) of AuditCanonicalForm(e). Returns ""
// only if libsodium cannot be initialised (AppendAudit and VerifyAuditChain
// report that case as an error).
std::string AuditRowHash(const AuditEntry& e);

// Appends `entry` to the chain: sets id = last id + 1, prev_hash = the last
// row's hash ("" for the first row) and hash, ignoring whatever the caller put
// there. Must be called on the writer connection inside an open transaction
// (inside Database::Write), so that the change and its audit row commit
// or roll back together; fails with kInternal otherwise. Never throws.
Status AppendAudit(Connection& conn, AuditEntry entry);

struct AuditVerifyReport {
  // Rows examined, in id order; when the chain is broken, the broken row is
  // the last one counted (rows after it are not read).
  int64_t rows_checked = 0;
  // The first row at which the chain breaks; nullopt if the chain is intact.
  std::optional<int64_t> first_broken_id;
  // Vietnamese description of the break ("" when intact), e.g.
  // "hàng 17: mã băm không khớp (nội dung đã bị sửa)",
  // "hàng 18: thiếu hàng trước (đã bị xoá?)",
  // "hàng 18: mã băm của hàng trước không khớp".
  std::string problem;
  // The stored hash of the last intact row ("" for an empty log or when row 1
  // is broken): the value to write down to detect later truncation.
  std::string last_hash;
};

// Walks the whole log in id order inside one read transaction, one row at a
// time (memory use does not grow with the log), and checks that ids run 1, 2,
// 3, … without gaps, that each prev_hash equals the previous row's stored hash
// and that each stored hash equals the recomputed one. A broken chain is a
// successful result with first_broken_id set; errors are for failures to read
// (including kFailedPrecondition when the audit_log table does not exist).
Result<AuditVerifyReport> VerifyAuditChain(Database& db);

// The newest `limit` entries (1..1000) of one commune (0 = system-wide
// entries), newest first. kInvalidArgument for a limit out of range.
Result<std::vector<AuditEntry>> ListAudit(Database& db, CommuneId commune, int limit);

// Calls `fn` with each entry of one commune in chain order (for `doithoai
// copy --commune`); stops at the first error `fn` returns.
Status ForEachAuditOf(Connection& c, CommuneId commune,
                      const std::function<Status(const AuditEntry&)>& fn);

// The AuditReader port over ListAudit.
class SqlAuditReader : public AuditReader {
 public:
  explicit SqlAuditReader(Database& db) : db_(db) {}
  Result<std::vector<AuditEntry>> Recent(CommuneId commune, int limit) override {
    return ListAudit(db_, commune, limit);
  }

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_AUDIT_LOG_H_
