// Audit log entries: one per state change, and one per read of a
// confidential field (issue #3; domain.md CONF-01). The log is append-only and
// hash-chained in storage: each row carries the SHA-256 of the previous row,
// so an edit or deletion breaks the chain (`doithoai audit verify`).
#ifndef DOITHOAI_CORE_AUDIT_AUDIT_ENTRY_H_
#define DOITHOAI_CORE_AUDIT_AUDIT_ENTRY_H_

#include <cstdint>
#include <string>
#include <utility>

#include "core/common/clock.h"
#include "core/common/ids.h"

namespace doithoai {

// Who acts, from where, and when: passed to every mutating repository call so
// the change and its audit row are written in one transaction.
struct AuditContext {
  CommuneId commune;             // the commune whose data changes (0 = system-wide)
  int64_t actor_account_id = 0;  // 0 = the system or a CLI operator
  std::string actor_name;        // username, "cli", "system", "public"
  std::string client_address;    // IP for HTTP requests, "" for the CLI
  Timestamp at;
};

struct AuditEntry {
  int64_t id = 0;  // position in the chain, from 1
  CommuneId commune;
  int64_t actor_account_id = 0;
  std::string actor_name;
  std::string client_address;
  Timestamp at;
  std::string action;       // "village.create", "account.password_reset", "petition.read_identity"
  std::string object_type;  // "village", "account", …
  std::string object_id;    // the object's id as text
  std::string before;       // short JSON summary of the state before ("" for create)
  std::string after;        // short JSON summary after ("" for delete)
  std::string prev_hash;    // hex SHA-256 of the previous row ("" for the first)
  std::string hash;         // hex SHA-256 of this row (computed by storage)
};

// Builds an entry from the context and the change.
inline AuditEntry MakeAuditEntry(const AuditContext& ctx, std::string action,
                                 std::string object_type, std::string object_id, std::string before,
                                 std::string after) {
  AuditEntry e;
  e.commune = ctx.commune;
  e.actor_account_id = ctx.actor_account_id;
  e.actor_name = ctx.actor_name;
  e.client_address = ctx.client_address;
  e.at = ctx.at;
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.before = std::move(before);
  e.after = std::move(after);
  return e;
}

}  // namespace doithoai

#endif  // DOITHOAI_CORE_AUDIT_AUDIT_ENTRY_H_
