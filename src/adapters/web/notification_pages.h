// Notification pages for commune staff (issue #6 §4): what was sent to whom
// (the outbox with each message's delivery state, attempts and last error)
// and the commune's notification settings — how to reach each official,
// who the chairman is, when to escalate, and the wording of every message
// (a template using an unknown placeholder is refused when saved). A
// message to a denouncer is never sent; it shows as withheld (CONF-01).
//
// Routes (signed in, under /quan-tri/{slug}/thong-bao):
//   GET       ""        the outbox, filters "state" and "code" (kHandlePetitions)
//   GET/POST  /cai-dat  settings (kManagePetitionSettings)
#ifndef DOITHOAI_ADAPTERS_WEB_NOTIFICATION_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_NOTIFICATION_PAGES_H_

#include <string>

#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/notifications/notification_service.h"

namespace doithoai::web {

class NotificationPages {
 public:
  NotificationPages(NotificationService& service, CommuneRepository& communes, const Clock& clock)
      : service_(service), communes_(communes), clock_(clock) {}
  void Register(Site& site);

 private:
  http::HttpResponse Outbox(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SettingsForm(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveSettings(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse RenderSettings(const http::HttpRequest& request, const RequestContext& ctx,
                                    const Commune& commune, const NotificationSettings& settings,
                                    int status, const Error* error, bool saved);

  NotificationService& service_;
  CommuneRepository& communes_;
  const Clock& clock_;
};

// The settings a settings form posts (every official's contact, the
// chairman, the numbers, and the templates that differ from the built-in
// ones). Field errors name the form fields.
Result<NotificationSettings> SettingsFromForm(const http::FormData& form,
                                              const std::vector<Official>& officials);

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_NOTIFICATION_PAGES_H_
