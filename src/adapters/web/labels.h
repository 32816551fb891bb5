// Vietnamese labels for code values shown on pages (web/locale/vi/*.json).
#ifndef DOITHOAI_ADAPTERS_WEB_LABELS_H_
#define DOITHOAI_ADAPTERS_WEB_LABELS_H_

#include <string>

#include "core/accounts/role.h"

namespace doithoai::web {

// "Chủ tịch UBND" for Role::kChairman; the code itself if no label exists.
std::string RoleLabel(Role role);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_LABELS_H_
