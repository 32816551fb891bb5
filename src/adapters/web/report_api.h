// Result reports (Báo cáo kết quả, DLG-13; domain.md §7 Bảng 2; issue #7 §6)
// over a period — a month, a quarter, 6 or 9 months, a year
// (core/reports/period.h: period=2023-12 | 2023-Q4 | 2023-H1 | 2023-9M |
// 2023) or explicit from=YYYY-MM-DD&to=YYYY-MM-DD — as of today, over the
// content items of the petitions received in the period:
//
//   GET /api/v1/communes/{slug}/reports/summary?period=…[&conference=ID]
//       the figures as JSON (zeros for a period without petitions);
//   GET /api/v1/communes/{slug}/reports/report.{docx|pdf|xlsx}?period=…
//       the Báo cáo (BuildPeriodReport, with its two charts) through the
//       document renderers, or the Bảng 2 workbook; a period without any
//       petition → 400 "Không có ý kiến, kiến nghị nào trong kỳ báo cáo …";
//   GET /quan-tri/{slug}/bao-cao?period=… (or nam=&ky=, or from=&to=)
//       the staff page: period picker, Bảng 2, the two charts as inline SVG,
//       download links (this month when no period is given).
// Staff of the commune (kViewPetitions). Only counts: no names, no texts.
//
// A province observer (CommunePermissions::CheckProvinceReports) sees the
// same figures for every commune whose administrative unit (Commune::code)
// has the province as parent today:
//   GET /api/v1/provinces/{code}/reports/summary?period=…
//       {"province_code","province_name","period","label","from","to",
//        "totals":{…as a commune's…},"communes":[{"slug","name","code",
//        "figures":{…}}]}
//   GET /tinh/{code}/bao-cao?period=…  the page: province totals with
//       charts, a row per commune, and per commune its Bảng 2 and chart.
//
// Every output is computed by Figures(): the page, the JSON, the DOCX, the
// PDF and the XLSX cannot disagree (report_api_test compares them).
#ifndef DOITHOAI_ADAPTERS_WEB_REPORT_API_H_
#define DOITHOAI_ADAPTERS_WEB_REPORT_API_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/form.h"
#include "adapters/web/site.h"
#include "core/admin_units/admin_unit.h"
#include "core/communes/commune_repository.h"
#include "core/petitions/petition_service.h"
#include "core/reports/period.h"
#include "core/reports/petition_report.h"

namespace doithoai::web {

// The version of the administrative unit `code` valid on `iso_date`
// (YYYY-MM-DD), or nullopt: the signature of
// sql::SqlAdminUnitStore::FindValidOn.
using AdminUnitLookup = std::function<Result<std::optional<AdminUnit>>(std::string_view code,
                                                                       std::string_view iso_date)>;

// A lookup over the snapshots compiled into the binary (data/admin_units/
// *.csv, parsed once), for when no database store is wired.
AdminUnitLookup ShippedAdminUnits();

class ReportApi {
 public:
  ReportApi(PetitionService& petitions, CommuneRepository& communes,
            AdminUnitLookup admin_units = ShippedAdminUnits())
      : petitions_(petitions), communes_(communes), admin_units_(std::move(admin_units)) {}
  void Register(Site& site);

 private:
  enum class Format { kDocx, kPdf, kXlsx };
  // What a report request names.
  struct ReportQuery {
    ReportPeriod period;
    std::optional<ConferenceId> conference;
  };
  struct CommuneFigures {
    Commune commune;
    ReportFigures figures;
  };
  // A commune report request, authorised and computed.
  struct CommuneReport {
    Commune commune;
    ReportQuery query;
    ReportFigures figures;
  };
  struct ProvinceFigures {
    std::string code;
    std::string name;  // "tỉnh Thanh Hóa"
    ReportFigures totals;
    std::vector<CommuneFigures> communes;
  };

  http::HttpResponse Summary(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Page(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse File(http::HttpRequest& request, RequestContext& ctx, Format format);
  http::HttpResponse ProvinceSummary(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ProvincePage(http::HttpRequest& request, RequestContext& ctx);

  // The period and conference of a query string; with `default_month`, no
  // period at all means this month.
  Result<ReportQuery> QueryOf(const http::FormData& params, bool default_month);
  // The commune of the request (kViewPetitions), its query (no default
  // period) and figures; else the response to send (`denied` or an error).
  std::optional<CommuneReport> LoadCommuneReport(const http::HttpRequest& request,
                                                 const RequestContext& ctx,
                                                 http::HttpResponse* response);
  // The one query path: the figures of `commune` over `query`, as of today.
  Result<ReportFigures> Figures(const Commune& commune, const ReportQuery& query);
  // Every commune of province `code` (admin-unit parent today) with its
  // figures, and their sums.
  Result<ProvinceFigures> Province(const std::string& code, const ReportQuery& query);
  // The province {code} if the actor may read its reports; else the
  // response (404 another province or malformed code, 403 commune staff).
  std::optional<http::HttpResponse> AuthorizeProvince(const http::HttpRequest& request,
                                                      const RequestContext& ctx);

  PetitionService& petitions_;
  CommuneRepository& communes_;
  AdminUnitLookup admin_units_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_REPORT_API_H_
