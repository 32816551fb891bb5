// The one place that turns an ErrorCode into an HTTP status and a Vietnamese
// message (style.md §3). Messages live in web/locale/vi/errors.json.
#ifndef DOITHOAI_ADAPTERS_HTTP_ERROR_TO_STATUS_H_
#define DOITHOAI_ADAPTERS_HTTP_ERROR_TO_STATUS_H_

#include <string>
#include <string_view>

#include "adapters/http/http_types.h"
#include "core/common/result.h"

namespace doithoai::http {

int HttpStatusFor(ErrorCode code);

// The generic Vietnamese message for a code, keyed by ErrorCodeName() (or
// "method_not_allowed") in locale/vi/errors.json.
std::string LocalizedMessage(std::string_view key);

// The message to show: the error's own message when it has one (core
// messages are Vietnamese), else the generic one. kInternal always shows the
// generic text so internal details never reach users.
std::string UserMessage(const Error& error);

// {"error":{"code":…,"message":…,"fields":[{"field":…,"message":…}]}}
HttpResponse JsonErrorResponse(const Error& error);

}  // namespace doithoai::http

#endif  // DOITHOAI_ADAPTERS_HTTP_ERROR_TO_STATUS_H_
