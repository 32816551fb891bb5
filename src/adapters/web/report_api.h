// The result-report figures as JSON (issue #7 "Interfaces"; DLG-13, domain.md
// §7 Bảng 2): GET /api/v1/communes/{slug}/reports/summary?from=YYYY-MM-DD&
// to=YYYY-MM-DD[&conference=ID] over the content items of the petitions
// received in the period (and raised at that conference), as of today.
// Staff of the commune (kViewPetitions). Only counts: no names, no texts.
// The same figures as a page: GET /quan-tri/{slug}/bao-cao?from=&to= (Bảng 2,
// this month when no period is given).
#ifndef DOITHOAI_ADAPTERS_WEB_REPORT_API_H_
#define DOITHOAI_ADAPTERS_WEB_REPORT_API_H_

#include "adapters/http/form.h"
#include "adapters/web/site.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/petition_service.h"
#include "core/reports/petition_report.h"

namespace doithoai::web {

class ReportApi {
 public:
  ReportApi(PetitionService& petitions, CommuneRepository& communes)
      : petitions_(petitions), communes_(communes) {}
  void Register(Site& site);

 private:
  http::HttpResponse Summary(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Page(http::HttpRequest& request, RequestContext& ctx);
  // The figures the query string asks for (from, to, conference).
  Result<ReportFigures> Figures(const Commune& commune, const http::FormData& params);

  PetitionService& petitions_;
  CommuneRepository& communes_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_REPORT_API_H_
