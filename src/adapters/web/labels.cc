#include "adapters/web/labels.h"

#include <map>
#include <nlohmann/json.hpp>

#include "adapters/resources/embedded.h"

namespace doithoai::web {

std::string RoleLabel(Role role) {
  static const std::map<std::string, std::string> labels = [] {
    std::map<std::string, std::string> m;
    const EmbeddedFile* file = FindEmbeddedFile("locale/vi/roles.json");
    nlohmann::json j = nlohmann::json::parse(file->data);  // compiled in: valid by build
    for (auto& [k, v] : j.items()) m[k] = v.get<std::string>();
    return m;
  }();
  std::string code(RoleCode(role));
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

}  // namespace doithoai::web
