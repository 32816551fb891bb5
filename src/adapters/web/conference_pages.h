// Conference pages and API: the staff pages to plan and prepare a dialogue
// conference (plan text, sessions, invitees and invitations, checklist,
// public-notice publications, budget, documents), the phone check-in list,
// the public conference page, and the JSON/file API
// (/api/v1/communes/{slug}/conferences/…). Staff pages live in
// conference_pages.cc; the API, downloads and the public page in
// conference_api.cc.
#ifndef DOITHOAI_ADAPTERS_WEB_CONFERENCE_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_CONFERENCE_PAGES_H_

#include <functional>
#include <string>
#include <utility>

#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_service.h"

namespace doithoai::web {

class ConferencePages {
 public:
  // `public_url`: the address citizens reach the server at, for the QR codes
  // on invitations; empty = the request's Host header.
  ConferencePages(ConferenceService& service, CommuneRepository& communes, const Clock& clock,
                  std::string public_url = "")
      : service_(service), communes_(communes), clock_(clock), public_url_(std::move(public_url)) {
    while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
  }
  void Register(Site& site);

 private:
  // Resolved {slug} and {id} of a request the actor may act on.
  struct Target {
    Commune commune;
    Conference conference;
  };
  Result<Target> TargetFor(const http::HttpRequest& request, const RequestContext& ctx,
                           CommuneAction action, http::HttpResponse* denied);
  // Absolute URL of the public conference page (the QR payload).
  std::string PublicUrl(const http::HttpRequest& request, const Commune& commune, ConferenceId id);
  static std::string StaffPath(const Commune& commune, ConferenceId id);
  // A form post on the conference named by {slug}/{id}: authorizes `action`,
  // runs `act` with the conference, the form and the audit context, then
  // redirects to the conference page + `anchor`; an error → the error page.
  using FormAction =
      std::function<Status(const Target&, const http::FormData&, const AuditContext&)>;
  http::HttpResponse FormPost(http::HttpRequest& request, RequestContext& ctx, CommuneAction action,
                              const std::string& anchor, const FormAction& act);

  // conference_pages.cc: routes, list, create, the conference page;
  // conference_forms.cc: the form posts and the check-in list.
  http::HttpResponse List(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Create(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Show(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse EditPlan(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveSession(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveInvitee(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SetInvitationStatus(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SetTaskDone(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse AddPublication(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveBudgetLine(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse DocumentEditor(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveDraft(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse IssueDocument(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse MarkHeld(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse CheckInList(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse CheckIn(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveAgenda(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse RemoveSession(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse RemoveInvitee(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse RemoveBudgetLine(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Cancel(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse StartReplacement(http::HttpRequest& request, RequestContext& ctx);

  // conference_api.cc: JSON, files and the public page.
  http::HttpResponse ListJson(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ShowJson(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse DocumentFile(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse NoticeAudio(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SessionCalendar(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse BudgetSheet(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse PublicPage(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse PublicList(http::HttpRequest& request, RequestContext& ctx);

  ConferenceService& service_;
  CommuneRepository& communes_;
  const Clock& clock_;
  std::string public_url_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_CONFERENCE_PAGES_H_
