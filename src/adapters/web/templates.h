// Server-rendered pages: mustache templates (mstch, HTML-escaping by
// default) compiled into the binary from web/templates/. Page code builds a
// JSON context; this module converts it and wraps the page in layout.html.
// Thread-safe (templates are read-only after start).
#ifndef DOITHOAI_ADAPTERS_WEB_TEMPLATES_H_
#define DOITHOAI_ADAPTERS_WEB_TEMPLATES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai::web {

// Renders templates/<name>.html with `context`; kNotFound if no such
// template, kInternal if rendering throws.
Result<std::string> RenderTemplate(std::string_view name, const nlohmann::json& context);

// Renders the page template, then layout.html around it. `page` supplies the
// layout's fields too ("title", "site_name", "site_subtitle", "commune_slug").
Result<std::string> RenderPage(std::string_view name, const nlohmann::json& page);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_TEMPLATES_H_
