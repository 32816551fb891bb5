#include "adapters/web/templates.h"

#include <exception>
#include <mstch/mstch.hpp>

#include "adapters/resources/embedded.h"

namespace doithoai::web {

namespace {

mstch::node ToNode(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map m;
      for (auto& [k, v] : j.items()) m.emplace(k, ToNode(v));
      return m;
    }
    case nlohmann::json::value_t::array: {
      mstch::array a;
      for (const auto& v : j) a.push_back(ToNode(v));
      return a;
    }
    case nlohmann::json::value_t::string:
      return j.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return j.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return static_cast<int>(j.get<int64_t>());
    case nlohmann::json::value_t::number_float:
      return j.get<double>();
    default:
      return std::string();
  }
}

}  // namespace

Result<std::string> RenderTemplate(std::string_view name, const nlohmann::json& context) {
  std::string file = "templates/" + std::string(name) + ".html";
  const EmbeddedFile* tmpl = FindEmbeddedFile(file);
  if (tmpl == nullptr) {
    return MakeError(ErrorCode::kNotFound, "Không có mẫu trang " + file);
  }
  try {
    return mstch::render(std::string(tmpl->data), ToNode(context));
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, std::string("mstch: ") + e.what());
  }
}

Result<std::string> RenderPage(std::string_view name, const nlohmann::json& page) {
  ASSIGN_OR_RETURN(std::string body, RenderTemplate(name, page));
  nlohmann::json layout = page;
  layout["body"] = std::move(body);
  return RenderTemplate("layout", layout);
}

}  // namespace doithoai::web
