// `doithoai copy` (issue #8 §5): between a commune's SQLite file and the
// province's PostgreSQL server, in either direction.
#ifndef DOITHOAI_APP_COPY_COMMAND_H_
#define DOITHOAI_APP_COPY_COMMAND_H_

#include <string>

namespace doithoai::app {

struct CopyArgs {
  std::string from;  // sqlite:PATH, a path, or postgresql://…
  std::string to;
  // One commune (its slug) into a target that may hold others
  // (sql::CopyCommune); empty = the whole database into an empty target
  // (sql::CopyDatabase).
  std::string commune;
  // Sealing keys and attachment directories; empty = beside each database
  // (PATH.key, PATH.files), as `serve` finds them.
  std::string from_key;
  std::string to_key;
  std::string from_files;
  std::string to_files;
};

// Migrates the target, copies, prints one line per table; the exit status.
int RunCopy(const CopyArgs& args);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_COPY_COMMAND_H_
