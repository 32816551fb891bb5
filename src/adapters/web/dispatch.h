// The server's single entry point: routes a request, turns "no route" into
// 404 and "wrong method" into 405, and turns an escaped exception (a bug in a
// third-party library) into a 500 page instead of a crash.
#ifndef DOITHOAI_ADAPTERS_WEB_DISPATCH_H_
#define DOITHOAI_ADAPTERS_WEB_DISPATCH_H_

#include "adapters/http/router.h"
#include "adapters/http/server.h"

namespace doithoai::web {

// `router` must outlive the returned handler.
http::Handler MakeDispatcher(const http::Router& router);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_DISPATCH_H_
