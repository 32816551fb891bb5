// Files compiled into the binary (cmake/embed.cmake): SQL migrations,
// HTML templates, static assets and shipped reference data. Names are
// "migrations/sqlite/0001_init.sql", "templates/layout.html",
// "static/app.css", "data/demo/hoang-truong.json".
#ifndef DOITHOAI_ADAPTERS_RESOURCES_EMBEDDED_H_
#define DOITHOAI_ADAPTERS_RESOURCES_EMBEDDED_H_

#include <span>
#include <string_view>

namespace doithoai {

struct EmbeddedFile {
  std::string_view name;
  std::string_view data;
};

// All embedded files, sorted by name.
std::span<const EmbeddedFile> EmbeddedFiles();

// The file called `name`, or nullptr.
const EmbeddedFile* FindEmbeddedFile(std::string_view name);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_RESOURCES_EMBEDDED_H_
