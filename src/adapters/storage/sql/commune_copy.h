// `doithoai copy --commune SLUG` (issue #8 §5): moves ONE commune between
// databases that may already hold other communes: a commune PC's SQLite file
// into the province's PostgreSQL server next to the communes already there,
// or one commune out of the province into a new SQLite file.
//
// What it does, in ONE write transaction on the target (all or nothing):
// - refuses a commune whose slug or code, a tracking-code prefix (FB-01:
//   citizens already hold those codes, so a prefix cannot be renamed) or a
//   user name already exists in the target, and a source whose audit chain is
//   broken;
// - gives the commune the same id when it is free in the target, else the
//   next one, and the commune's accounts new ids after the target's (these
//   are the only ids shared across communes; every other table's key is
//   (commune_id, id), so those ids stay as they are);
// - rewrites what refers to them: commune_id everywhere, the commune id in
//   conference and petition JSON, the secretary's and chair's account ids in
//   signed minutes (DLG-10), the actor of each audit entry;
// - re-seals every denouncer's identity and sealed attachment (CONF-01/04)
//   from the source's key to the target's and recomputes phone digests when
//   the keys differ, and copies attachments to the target's file store;
// - appends the commune's audit entries to the target's hash chain, followed
//   by one "commune.import" entry naming the source and its last hash;
// - indexes the commune's petitions for search, moves identity sequences past
//   the copied ids on PostgreSQL;
// - checks each table: the rows the target holds for the commune afterwards
//   must match, by count and checksum (copy.h), the rows it was given.
// A finished copy is recorded in copy_progress as "commune:<slug>" with a
// checksum of the source commune's rows: running the same command again
// reports it as done, and refuses if the source changed since. A copy that
// stopped half-way left nothing, so running it again starts over.
// Sessions and login throttles are not copied (people log in again), and
// the administrative-unit catalogue is copied only into a target that has
// none (a new file).
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_COMMUNE_COPY_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_COMMUNE_COPY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "adapters/storage/sql/copy.h"
#include "adapters/storage/sql/database.h"
#include "core/audit/audit_entry.h"
#include "core/common/result.h"
#include "core/petitions/petition_ports.h"

namespace doithoai::sql {

struct CommuneCopyOptions {
  std::string slug;  // the commune of the source to copy
  // The sealing keys of the source and the target (CONF-01). When they are
  // different objects, identities and sealed attachments are re-sealed; pass
  // the same vault for both when the keys are equal.
  IdentityVault* from_vault = nullptr;
  IdentityVault* to_vault = nullptr;
  // The attachment stores beside the source and the target.
  AttachmentStore* from_files = nullptr;
  AttachmentStore* to_files = nullptr;
  AuditContext audit;  // who copies: the actor of the "commune.import" entry
};

struct CommuneCopyReport {
  int64_t source_id = 0;
  int64_t target_id = 0;
  std::vector<TableCopy> tables;  // rows now in the target, with their checksum
  int64_t resealed = 0;           // petitions whose identity or phone digest was re-keyed
  int64_t attachments = 0;        // attachment files copied
  int64_t search_rows = 0;
  bool skipped = false;  // an earlier run copied this commune, and the source is unchanged
};

// How a commune copy treats each table of the schema; CommuneCopyTest checks
// that every table is named.
enum class CommuneScope {
  kCommuneRow,  // communes: the one row
  kPerCommune,  // rows WHERE commune_id = the commune, ids kept
  kAccounts,    // the commune's accounts, renumbered
  kAudit,       // the commune's entries, appended to the target's chain
  kCatalogue,   // national data: copied only into a target without any
  kNotCopied,
};
struct CommuneTablePlan {
  std::string table;
  CommuneScope scope;
  std::string why;  // for kNotCopied
};
const std::vector<CommuneTablePlan>& CommuneCopyPlan();

Result<CommuneCopyReport> CopyCommune(Database& from, Database& to,
                                      const CommuneCopyOptions& options,
                                      const std::function<void(const TableCopy&)>& progress = {});

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_COMMUNE_COPY_H_
