// Placeholder rewriting for the PostgreSQL driver: repositories write the
// portable SQLite spelling (`?`, `?N`) and libpq wants `$N`.
#ifndef DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PLACEHOLDERS_H_
#define DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PLACEHOLDERS_H_

#include <string>
#include <string_view>

namespace doithoai::postgres {

// Rewrites the parameters of `sql` to PostgreSQL's `$N`:
//  - `?N` (N decimal digits) becomes `$N`;
//  - a bare `?` becomes `$K` with K one more than the highest number used so
//    far, as SQLite numbers it (so `? ? ?` is `$1 $2 $3`, and `?2, ?` is
//    `$2, $3`).
// Text inside '…' literals (with '' escapes; E'…' also with backslash
// escapes), "…" identifiers, $tag$…$tag$ dollar quotes, -- line comments and
// (nested) /* */ comments is copied untouched. Every other `?` is a
// parameter: PostgreSQL's jsonb `?` operators are not portable SQL and are
// never used by repositories. `param_count` (may be null) receives the
// highest parameter number (0 for none).
std::string RewritePlaceholders(std::string_view sql, int* param_count);

}  // namespace doithoai::postgres

#endif  // DOITHOAI_ADAPTERS_STORAGE_POSTGRES_PLACEHOLDERS_H_
