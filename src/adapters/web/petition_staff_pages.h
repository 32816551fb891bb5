// Petition pages for commune staff (issue #5 §2, §3, §4, §8): the list with
// search and filters (the inbox is its "new" view), the board by status, the
// desk form for walk-in citizens, letters and village-head lists (a village
// head's entries are for their own village), import of a village head's
// CSV/XLSX list, the petition page with its history and every workflow
// action, bulk assignment, XLSX export of a filtered list, attachments, and
// the petition settings (field taxonomy, "not satisfied" rule). A tố cáo's
// identity is shown only to a denunciation handler, after an audited read
// (CONF-01); everywhere else the pseudonym.
//
// Routes (all signed in, under /quan-tri/{slug}/kien-nghi):
//   GET  ""                 list, search, filters, pagination (kViewPetitions)
//   GET  /bang              board by status (kViewPetitions)
//   GET  /xuat.xlsx         XLSX export of the filtered list (kViewPetitions)
//   POST /giao-hang-loat    bulk assignment (kHandlePetitions)
//   GET/POST /moi           desk entry (kEnterPetitions)
//   GET/POST /nhap          import of a CSV/XLSX list (kEnterPetitions)
//   GET/POST /cai-dat       settings (kManagePetitionSettings)
//   GET  /{id}              the petition page (kViewPetitions)
//   POST /{id}/danh-tinh    audited identity read (kViewPetitions + the grant)
//   GET  /{id}/tep/{hash}   an attachment (kViewPetitions; sealed: the grant)
//   POST /{id}/{action}     workflow steps, item number in the form field
//                           "item" (kHandlePetitions): phan-loai, giao,
//                           bat-dau, phuc-tap, gia-han, tra-loi, da-thong-bao,
//                           ket-thuc, chuyen, luu-don, mo-lai
// A village head sees only their own village's petitions: lists are filtered
// and another village's petition is 404.
#ifndef DOITHOAI_ADAPTERS_WEB_PETITION_STAFF_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_PETITION_STAFF_PAGES_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_service.h"
#include "core/petitions/case_service.h"
#include "core/petitions/insight_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

class PetitionStaffPages {
 public:
  // `conferences` (optional) fills the conference selects; without it the
  // forms take a conference number.
  // `insight` and `cases` (optional) add the suggested field and unit and
  // the similar petitions to the petition page (issue #6).
  PetitionStaffPages(PetitionService& service, CommuneRepository& communes, const Clock& clock,
                     ConferenceService* conferences = nullptr, InsightService* insight = nullptr,
                     CaseService* cases = nullptr)
      : service_(service),
        communes_(communes),
        clock_(clock),
        conferences_(conferences),
        insight_(insight),
        cases_(cases) {}
  void Register(Site& site);

 private:
  struct Target {
    Commune commune;
    Petition petition;
  };
  // Reference data most pages need.
  struct Lookups {
    PetitionSettings settings;  // fields filled with the defaults when empty
    std::vector<Village> villages;
    std::vector<Unit> units;
    std::vector<Official> officials;
    std::vector<Conference> conferences;
  };

  // petition_staff_pages.cc: shared helpers, list, board, bulk assignment.
  // What the list and the export share: the commune (kViewPetitions), the
  // search the query string asks for as the actor may see it, and the names.
  struct Listing {
    Commune commune;
    http::FormData params;
    Date today;
    PetitionQuery query;
    Lookups lookups;
  };
  Result<Listing> ListingFor(const http::HttpRequest& request, const RequestContext& ctx,
                             http::HttpResponse* denied);
  // {slug}/{id}, authorized for `action`; a petition of another commune, or
  // of another village for a village head, is 404.
  Result<Target> TargetFor(const http::HttpRequest& request, const RequestContext& ctx,
                           CommuneAction action, http::HttpResponse* denied);
  Result<Lookups> LoadLookups(CommuneId commune);
  // The list filters of the query string; a village head's village is forced.
  Result<PetitionQuery> QueryFrom(const http::FormData& params, const Actor* actor, Date today);
  static bool IsVillageHead(const Actor* actor);
  static bool VisibleTo(const Actor* actor, const Petition& petition);
  static std::string ListPath(const Commune& commune);
  static std::string PetitionPath(const Commune& commune, PetitionId id);
  static std::string Shorten(const std::string& text, size_t max_chars);
  static std::string OfficialName(const Lookups& lookups, std::optional<OfficialId> id);
  // The state of the item with the earliest open deadline.
  static DeadlineState WorstState(const Petition& petition, Date today, int due_soon_days);
  // One list row or board card (never the identity of a sealed petition).
  static nlohmann::json RowJson(const Commune& commune, const Petition& petition,
                                const Lookups& lookups, Date today);
  // The fields every staff page template gets (title, site, slug, csrf).
  static nlohmann::json PageBase(const Commune& commune, const RequestContext& ctx,
                                 const std::string& title);
  // petition_staff_show.cc: the petition page (`identity` only in the
  // response to an audited read), identity, attachments and the export.
  static nlohmann::json SuggestionView(const PetitionSuggestions& suggested,
                                       const PetitionItem& item, int64_t version);
  // The similar petitions and the case of `p`, with the grouping forms.
  Result<nlohmann::json> GroupingView(const Commune& commune, const Petition& p, bool can_handle);
  http::HttpResponse RenderShow(const http::HttpRequest& request, const RequestContext& ctx,
                                const Commune& commune, const Petition& petition, int status,
                                const Error* error, const std::optional<Submitter>& identity);

  http::HttpResponse List(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Board(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Export(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse BulkAssign(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Show(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ReadIdentity(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Attachment(http::HttpRequest& request, RequestContext& ctx);

  // petition_staff_forms.cc: desk entry, import, settings and the workflow.
  http::HttpResponse RenderDesk(const http::HttpRequest& request, const RequestContext& ctx,
                                const Commune& commune, const http::FormData& values, int status,
                                const Error* error);
  http::HttpResponse RenderImport(const http::HttpRequest& request, const RequestContext& ctx,
                                  const Commune& commune, int status, nlohmann::json report);
  http::HttpResponse RenderSettings(const http::HttpRequest& request, const RequestContext& ctx,
                                    const Commune& commune, const PetitionSettings& settings,
                                    const std::string& fields_text, int status, const Error* error,
                                    bool saved);
  // A desk entry's idempotency key (unique per rendered form).
  std::string NewFormToken(const RequestContext& ctx);
  http::HttpResponse DeskForm(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse DeskSubmit(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ImportForm(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Import(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SettingsForm(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SaveSettings(http::HttpRequest& request, RequestContext& ctx);

  // A workflow post on {slug}/{id}: authorizes kHandlePetitions, reads the
  // item number from the form field "item", runs `act`, then redirects to
  // the petition page; a refused step re-renders the page with the message
  // (400 for bad input, 409 for a step the status does not allow).
  using ItemAction = std::function<Result<Petition>(const Target&, const http::FormData&, int item,
                                                    const AuditContext&)>;
  http::HttpResponse ItemPost(http::HttpRequest& request, RequestContext& ctx,
                              const ItemAction& act);
  http::HttpResponse Classify(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Assign(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Start(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse MarkComplex(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Extend(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Answer(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Notify(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Close(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Forward(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse File(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Reopen(http::HttpRequest& request, RequestContext& ctx);

  PetitionService& service_;
  CommuneRepository& communes_;
  const Clock& clock_;
  ConferenceService* conferences_;
  InsightService* insight_;
  CaseService* cases_;
  std::atomic<uint64_t> form_counter_{0};
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_PETITION_STAFF_PAGES_H_
