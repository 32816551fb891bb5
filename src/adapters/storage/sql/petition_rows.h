// Internal declarations shared by the sources of SqlPetitionRepository
// (sqlite_petition_repository.cc and sqlite_petition_search.cc); not part of
// any port.
#ifndef DOITHOAI_ADAPTERS_STORAGE_SQL_PETITION_ROWS_H_
#define DOITHOAI_ADAPTERS_STORAGE_SQL_PETITION_ROWS_H_

#include <string>

#include "adapters/storage/sql/database.h"
#include "core/petitions/petition_repository.h"

namespace doithoai::sql::petition_rows {

// What the search index holds for `p`: the code, every item's text and,
// unless the identity is sealed (CONF-01), the submitter's name and address.
struct SearchText {
  std::string folded;  // SRCH-01 key, FTS-indexed
  std::string exact;   // LowerNfc of the same text, for SRCH-03 ranking
  std::string name;    // Fold(name + address), '' when sealed
};

SearchText SearchTextOf(const Petition& p);

// Replaces the search index row of `p` (SRCH-01): the FTS5 row on SQLite, the
// pg_trgm-indexed row on PostgreSQL.
Status WriteSearchRow(Connection& c, const Petition& p, const SearchText& search);

// Rebuilds the whole search index from the petitions table (after `doithoai
// copy`, whose engines index differently). Returns the number of rows.
Result<int64_t> RebuildSearchIndex(Connection& c);

// The petition `id` of `commune`, or kNotFound.
Result<Petition> LoadPetition(Connection& c, CommuneId commune, PetitionId id);

}  // namespace doithoai::sql::petition_rows

#endif  // DOITHOAI_ADAPTERS_STORAGE_SQL_PETITION_ROWS_H_
