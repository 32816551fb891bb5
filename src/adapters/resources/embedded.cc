#include "adapters/resources/embedded.h"

namespace doithoai {

const EmbeddedFile* FindEmbeddedFile(std::string_view name) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.name == name) return &file;
  }
  return nullptr;
}

}  // namespace doithoai
