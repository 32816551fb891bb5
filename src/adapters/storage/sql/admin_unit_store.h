// SqlAdminUnitStore: the national list of administrative units and their
// successions in SQLite (migrations/0002_admin_units.sql). Reference data
// shared by all communes, not tenant data. Imports are idempotent and
// all-or-nothing (one write transaction); history is kept, never overwritten
// (ADC-03: codes are reused, so a unit is keyed by (code, valid_from)).
// Thread-safe, like Database.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_ADMIN_UNIT_STORE_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_ADMIN_UNIT_STORE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "adapters/storage/sql/database.h"
#include "core/admin_units/admin_unit.h"

namespace doithoai::sql {

// What an import did: rows written now, and rows already stored identically.
struct ImportSummary {
  int inserted = 0;
  int unchanged = 0;
  bool operator==(const ImportSummary&) const = default;
};

class SqlAdminUnitStore {
 public:
  // `db` must be migrated and must outlive the store.
  explicit SqlAdminUnitStore(Database& db) : db_(db) {}

  // Imports a snapshot (ADC-06) in one write transaction. Each unit is
  // validated (ValidateAdminUnit). A unit whose (code, valid_from) is already
  // stored with identical content is counted as unchanged, so re-importing a
  // snapshot is a no-op; the same key with different content fails with
  // kAlreadyExists naming the code, and nothing at all is written. Parents
  // are not checked here: ParseAdminUnitsCsv requires self-contained files.
  Result<ImportSummary> ImportSnapshot(const std::vector<AdminUnit>& units);

  // Imports succession rows with the same rules (key: old_code, new_code,
  // effective_from; content: legal_source).
  Result<ImportSummary> ImportSuccessions(const std::vector<Succession>& successions);

  // The version of `code` valid on `date` (YYYY-MM-DD): the latest version
  // that began on or before `date`, unless it was closed (valid_to) by then.
  // std::nullopt when there is none; kInvalidArgument for a malformed date.
  Result<std::optional<AdminUnit>> FindValidOn(std::string_view code, std::string_view date);

  // The units whose version valid on `date` has `parent_code` as parent,
  // ordered by code.
  Result<std::vector<AdminUnit>> ListChildren(std::string_view parent_code, std::string_view date);

  // The successions whose old code is `old_code`, by effective date then new
  // code.
  Result<std::vector<Succession>> ListSuccessors(std::string_view old_code);

 private:
  Database& db_;
};

}  // namespace doithoai::sql

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_ADMIN_UNIT_STORE_H_
