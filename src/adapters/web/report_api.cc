// Result reports of a commune and of a province (see report_api.h).
#include "adapters/web/report_api.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "adapters/documents/docx_renderer.h"
#include "adapters/documents/pdf_renderer.h"
#include "adapters/http/form.h"
#include "adapters/json/report_json.h"
#include "adapters/resources/embedded.h"
#include "adapters/spreadsheets/report_xlsx.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/conferences/conference_record.h"
#include "core/documents/chart.h"
#include "core/reports/petition_report.h"

namespace doithoai::web {

namespace {

constexpr int kPageSize = 1000;
// The charts as drawn on the pages (CSS pixels).
constexpr int kChartWidth = 640;
constexpr int kChartHeight = 320;

constexpr char kDocxType[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string Percent(std::optional<double> rate) {
  return rate ? std::to_string(static_cast<int>(*rate * 100 + 0.5)) + " %" : std::string("—");
}

// "2023-Q4", or "2023-12-01_2023-12-31" for a range: file names.
std::string PeriodSlug(const ReportPeriod& p) {
  return p.code.empty() ? p.from.ToIsoString() + "_" + p.to.ToIsoString() : p.code;
}

// The query string naming `p` again (links to the files and the JSON).
std::string PeriodQuery(const ReportPeriod& p, std::optional<ConferenceId> conference) {
  std::string q = p.code.empty() ? "from=" + p.from.ToIsoString() + "&to=" + p.to.ToIsoString()
                                 : "period=" + http::UrlEncode(p.code);
  if (conference) q += "&conference=" + std::to_string(conference->value);
  return q;
}

// "quý IV năm 2023 (từ 01/10/2023 đến 31/12/2023)"; a range is its own label.
std::string PeriodText(const ReportPeriod& p) {
  if (p.kind == PeriodKind::kRange) return p.label;
  return p.label + " (từ " + FormatDdMmYyyy(p.from) + " đến " + FormatDdMmYyyy(p.to) + ")";
}

// The picker's choices within a year: value of `ky` and its words.
struct PartChoice {
  const char* value;
  const char* label;
};
constexpr PartChoice kParts[] = {
    {"01", "Tháng 1"},         {"02", "Tháng 2"},          {"03", "Tháng 3"},  {"04", "Tháng 4"},
    {"05", "Tháng 5"},         {"06", "Tháng 6"},          {"07", "Tháng 7"},  {"08", "Tháng 8"},
    {"09", "Tháng 9"},         {"10", "Tháng 10"},         {"11", "Tháng 11"}, {"12", "Tháng 12"},
    {"Q1", "Quý I"},           {"Q2", "Quý II"},           {"Q3", "Quý III"},  {"Q4", "Quý IV"},
    {"H1", "6 tháng đầu năm"}, {"H2", "6 tháng cuối năm"}, {"9M", "9 tháng"},  {"nam", "Cả năm"},
};

// The picker's fields for the page: {"year", "parts":[{value,label,selected}]}.
nlohmann::json PickerJson(const ReportPeriod& p) {
  std::string selected;
  if (!p.code.empty()) selected = p.code.size() == 4 ? "nam" : p.code.substr(5);
  nlohmann::json parts = nlohmann::json::array();
  for (const PartChoice& c : kParts) {
    parts.push_back({{"value", c.value}, {"label", c.label}, {"selected", selected == c.value}});
  }
  return {{"year", p.from.year()}, {"parts", parts}};
}

std::string Svg(const Chart& chart) {
  return ChartSvg(chart, kChartWidth, kChartHeight, /*standalone=*/false);
}

// `into` += `add`, field rows merged by field code (in order of first
// appearance: communes may configure their own fields).
void AddFigures(ReportFigures& into, const ReportFigures& add) {
  auto sum = [](FieldFigures& a, const FieldFigures& b) {
    a.total += b.total;
    a.answered_in_room += b.answered_in_room;
    a.assigned_after += b.assigned_after;
    a.forwarded += b.forwarded;
    a.resolved += b.resolved;
    a.in_progress += b.in_progress;
    a.overdue += b.overdue;
    a.filed += b.filed;
  };
  into.petitions += add.petitions;
  sum(into.totals, add.totals);
  for (const FieldFigures& row : add.by_field) {
    auto it = std::find_if(into.by_field.begin(), into.by_field.end(),
                           [&](const FieldFigures& r) { return r.field == row.field; });
    if (it == into.by_field.end()) {
      FieldFigures copy;
      copy.field = row.field;
      copy.label = row.label;
      sum(copy, row);
      // Keep "chưa phân loại" last.
      auto unclassified = std::find_if(into.by_field.begin(), into.by_field.end(),
                                       [](const FieldFigures& r) { return r.field.empty(); });
      into.by_field.insert(row.field.empty() ? into.by_field.end() : unclassified, copy);
    } else {
      sum(*it, row);
    }
  }
  for (int i = 0; i < 4; ++i) into.by_class[i] += add.by_class[i];
  into.within_authority += add.within_authority;
  into.answered_with_deadline += add.answered_with_deadline;
  into.answered_on_time += add.answered_on_time;
  into.rated += add.rated;
  into.satisfied += add.satisfied;
}

// The page's view of one set of figures: the JSON plus the rates as text.
nlohmann::json FiguresView(const ReportFigures& f) {
  nlohmann::json j = ReportJson(f);
  j["on_time"] = Percent(f.OnTimeRate());
  j["satisfaction"] = Percent(f.SatisfactionRate());
  return j;
}

// Resolves `code` among `units` the way SqlAdminUnitStore::FindValidOn
// does: the latest version begun on or before the day, unless closed by then.
std::optional<AdminUnit> FindIn(const std::vector<AdminUnit>& units, std::string_view code,
                                std::string_view day) {
  const AdminUnit* best = nullptr;
  for (const AdminUnit& u : units) {
    if (u.code != code || u.valid_from > day) continue;
    if (best == nullptr || u.valid_from > best->valid_from) best = &u;
  }
  if (best == nullptr || (!best->valid_to.empty() && best->valid_to <= day)) return std::nullopt;
  return *best;
}

}  // namespace

AdminUnitLookup ShippedAdminUnits() {
  static const std::shared_ptr<const std::vector<AdminUnit>> units = [] {
    auto all = std::make_shared<std::vector<AdminUnit>>();
    for (const EmbeddedFile& file : EmbeddedFiles()) {
      if (file.name.rfind("data/admin_units/", 0) != 0 || !file.name.ends_with(".csv")) continue;
      Result<std::vector<AdminUnit>> parsed = ParseAdminUnitsCsv(file.data);
      if (!parsed.ok()) continue;  // the shipped files are checked by their own tests
      all->insert(all->end(), parsed->begin(), parsed->end());
    }
    return all;
  }();
  return [list = units](std::string_view code,
                        std::string_view day) -> Result<std::optional<AdminUnit>> {
    if (!IsValidIsoDate(day)) {
      return MakeError(ErrorCode::kInvalidArgument, "Ngày không hợp lệ: " + std::string(day));
    }
    return FindIn(*list, code, day);
  };
}

void ReportApi::Register(Site& site) {
  site.Add("GET", "/api/v1/communes/{slug}/reports/summary", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Summary(r, c); });
  site.Add("GET", "/api/v1/communes/{slug}/reports/report.docx", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return File(r, c, Format::kDocx); });
  site.Add("GET", "/api/v1/communes/{slug}/reports/report.pdf", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return File(r, c, Format::kPdf); });
  site.Add("GET", "/api/v1/communes/{slug}/reports/report.xlsx", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return File(r, c, Format::kXlsx); });
  site.Add("GET", "/quan-tri/{slug}/bao-cao", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Page(r, c); });
  site.Add("GET", "/api/v1/provinces/{code}/reports/summary", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return ProvinceSummary(r, c); });
  site.Add("GET", "/tinh/{code}/bao-cao", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return ProvincePage(r, c); });
}

Result<ReportApi::ReportQuery> ReportApi::QueryOf(const http::FormData& params,
                                                  bool default_month) {
  ReportQuery query;
  std::string period = params.Get("period");
  const std::string year = params.Get("nam");
  if (period.empty() && !year.empty()) {
    // The page's picker: nam=2023&ky=Q4 (ky=nam: the whole year).
    const std::string part = params.Get("ky");
    period = part.empty() || part == "nam" ? year : year + "-" + part;
  }
  const std::string from = params.Get("from");
  const std::string to = params.Get("to");
  if (default_month && period.empty() && from.empty() && to.empty()) {
    query.period = MonthOf(petitions_.Today());
  } else {
    ASSIGN_OR_RETURN(query.period, PeriodFromParams(period, from, to));
  }
  const std::string conference = params.Get("conference");
  if (!conference.empty()) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(conference.data(), conference.data() + conference.size(), id);
    if (ec != std::errc() || end != conference.data() + conference.size() || id <= 0) {
      return MakeFieldError("conference", "Số hội nghị không hợp lệ");
    }
    query.conference = ConferenceId{id};
  }
  return query;
}

Result<ReportFigures> ReportApi::Figures(const Commune& commune, const ReportQuery& query) {
  const Date from = query.period.from;
  const Date to = query.period.to;
  PetitionQuery search;
  search.limit = kPageSize;
  search.conference_id = query.conference;
  std::vector<Petition> petitions;
  while (true) {
    ASSIGN_OR_RETURN(PetitionPage page, petitions_.Search(commune.id, search));
    for (Petition& p : page.items) {
      if (p.received_on >= from && p.received_on <= to) petitions.push_back(std::move(p));
    }
    search.offset += kPageSize;
    if (search.offset >= page.total) break;
  }
  ASSIGN_OR_RETURN(std::vector<PetitionField> fields, petitions_.Fields(commune.id));
  return ComputeReport(petitions, fields, from, to, petitions_.Today());
}

std::optional<ReportApi::CommuneReport> ReportApi::LoadCommuneReport(
    const http::HttpRequest& request, const RequestContext& ctx, http::HttpResponse* response) {
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, response);
  if (!commune.ok()) return std::nullopt;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) {
    *response = ErrorResponse(request, params.error());
    return std::nullopt;
  }
  Result<ReportQuery> query = QueryOf(*params, /*default_month=*/false);
  if (!query.ok()) {
    *response = ErrorResponse(request, query.error());
    return std::nullopt;
  }
  Result<ReportFigures> figures = Figures(*commune, *query);
  if (!figures.ok()) {
    *response = ErrorResponse(request, figures.error());
    return std::nullopt;
  }
  return CommuneReport{std::move(commune).value(), std::move(query).value(),
                       std::move(figures).value()};
}

http::HttpResponse ReportApi::Summary(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse response;
  std::optional<CommuneReport> report = LoadCommuneReport(request, ctx, &response);
  if (!report) return response;
  nlohmann::json body = ReportJson(report->figures);
  body["period"] = report->query.period.code;
  body["label"] = report->query.period.label;
  return JsonResponse(200, body);
}

http::HttpResponse ReportApi::File(http::HttpRequest& request, RequestContext& ctx, Format format) {
  http::HttpResponse response;
  std::optional<CommuneReport> report = LoadCommuneReport(request, ctx, &response);
  if (!report) return response;
  const Commune* commune = &report->commune;
  const ReportFigures* figures = &report->figures;
  const ReportPeriod& period = report->query.period;
  if (figures->petitions == 0) {
    // Issue #7 "Bad input": a report for an empty period is refused.
    return ErrorResponse(
        request, MakeFieldError("period", "Không có ý kiến, kiến nghị nào trong kỳ báo cáo " +
                                              PeriodText(period) +
                                              ": chưa lập được báo cáo. Hãy chọn kỳ khác."));
  }
  const std::string name = commune->slug + "-bao-cao-" + PeriodSlug(period);
  if (format == Format::kXlsx) {
    Result<std::string> xlsx = spreadsheets::ReportWorkbook(
        *figures, "THỐNG KÊ Ý KIẾN, KIẾN NGHỊ THEO LĨNH VỰC " + period.label);
    if (!xlsx.ok()) return ErrorResponse(request, xlsx.error());
    return AttachmentResponse(std::move(xlsx).value(), kXlsxType, name + ".xlsx");
  }
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  Result<std::vector<Official>> officials = communes_.ListOfficials(commune->id);
  if (!officials.ok()) return ErrorResponse(request, officials.error());
  DocumentContext context;
  context.commune = *commune;
  context.villages = std::move(villages).value();
  context.officials = std::move(officials).value();
  context.number = 0;  // numbered by the clerk when issued
  context.issued_on = petitions_.Today();
  const Document doc = BuildPeriodReport(*figures, context, period.label);
  if (format == Format::kDocx) {
    Result<std::string> docx = RenderDocx(doc);
    if (!docx.ok()) return ErrorResponse(request, docx.error());
    return AttachmentResponse(std::move(docx).value(), kDocxType, name + ".docx");
  }
  Result<std::string> pdf = RenderPdf(doc);
  if (!pdf.ok()) return ErrorResponse(request, pdf.error());
  return AttachmentResponse(std::move(pdf).value(), "application/pdf", name + ".pdf");
}

http::HttpResponse ReportApi::Page(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return ErrorResponse(request, params.error());
  const std::string committee = commune->PeoplesCommitteeName();
  nlohmann::json page = {{"title", "Báo cáo kết quả giải quyết kiến nghị"},
                         {"site_name", committee},
                         {"site_subtitle", "Trang quản trị"},
                         {"committee_name", committee},
                         {"slug", commune->slug},
                         {"from", params->Get("from")},
                         {"to", params->Get("to")},
                         {"picker", PickerJson(MonthOf(petitions_.Today()))},
                         {"json_query", ""}};
  Result<ReportQuery> query = QueryOf(*params, /*default_month=*/true);
  Result<ReportFigures> figures =
      query.ok() ? Figures(*commune, *query) : Result<ReportFigures>(query.error());
  if (!figures.ok()) {
    if (figures.error().code != ErrorCode::kInvalidArgument) {
      return ErrorResponse(request, figures.error());
    }
    std::string message = figures.error().message;
    for (const FieldError& f : figures.error().fields) message = f.message;
    page["error"] = {{"message", message}};
    Result<std::string> html = RenderPage("report", page);
    if (!html.ok()) return ErrorResponse(request, html.error());
    return HtmlResponse(400, std::move(html).value());
  }
  const ReportPeriod& period = query->period;
  page["from"] = period.from.ToIsoString();
  page["to"] = period.to.ToIsoString();
  page["picker"] = PickerJson(period);
  page["period_text"] = PeriodText(period);
  page["json_query"] = PeriodQuery(period, query->conference);
  page["files_query"] = PeriodQuery(period, std::nullopt);
  page["figures"] = FiguresView(*figures);
  page["field_chart"] = Svg(FieldChart(*figures));
  page["outcome_chart"] = Svg(OutcomeChart(*figures));
  page["empty"] = figures->petitions == 0;
  Result<std::string> html = RenderPage("report", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(200, std::move(html).value());
}

std::optional<http::HttpResponse> ReportApi::AuthorizeProvince(const http::HttpRequest& request,
                                                               const RequestContext& ctx) {
  const std::string code(request.Param("code"));
  if (!IsFixedWidthCode(code, kProvinceCodeLength)) {
    return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  }
  switch (CommunePermissions::CheckProvinceReports(ctx.actor(), code)) {
    case Decision::kAllow:
      return std::nullopt;
    case Decision::kDeny:
      return ErrorResponse(request, MakeError(ErrorCode::kPermissionDenied, ""));
    case Decision::kNotVisible:
      break;
  }
  return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
}

Result<ReportApi::ProvinceFigures> ReportApi::Province(const std::string& code,
                                                       const ReportQuery& query) {
  const std::string today = petitions_.Today().ToIsoString();
  ProvinceFigures out;
  out.code = code;
  ASSIGN_OR_RETURN(std::optional<AdminUnit> province, admin_units_(code, today));
  out.name = province ? std::string(AdminUnitTypeWord(province->type)) + " " + province->name
                      : "tỉnh (mã " + code + ")";
  ASSIGN_OR_RETURN(std::vector<Commune> communes, communes_.ListCommunes());
  out.totals = ComputeReport({}, {}, query.period.from, query.period.to, petitions_.Today());
  out.totals.by_field.clear();
  for (Commune& commune : communes) {
    ASSIGN_OR_RETURN(std::optional<AdminUnit> unit, admin_units_(commune.code, today));
    if (!unit || unit->parent_code != code) continue;
    ASSIGN_OR_RETURN(ReportFigures figures, Figures(commune, query));
    AddFigures(out.totals, figures);
    out.communes.push_back({std::move(commune), std::move(figures)});
  }
  return out;
}

http::HttpResponse ReportApi::ProvinceSummary(http::HttpRequest& request, RequestContext& ctx) {
  if (auto denied = AuthorizeProvince(request, ctx)) return *denied;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return ErrorResponse(request, params.error());
  Result<ReportQuery> query = QueryOf(*params, /*default_month=*/false);
  if (!query.ok()) return ErrorResponse(request, query.error());
  query->conference.reset();  // conferences are per commune
  Result<ProvinceFigures> province = Province(std::string(request.Param("code")), *query);
  if (!province.ok()) return ErrorResponse(request, province.error());
  nlohmann::json communes = nlohmann::json::array();
  for (const CommuneFigures& c : province->communes) {
    communes.push_back({{"slug", c.commune.slug},
                        {"name", c.commune.DisplayName()},
                        {"code", c.commune.code},
                        {"figures", ReportJson(c.figures)}});
  }
  return JsonResponse(200, {{"province_code", province->code},
                            {"province_name", province->name},
                            {"period", query->period.code},
                            {"label", query->period.label},
                            {"from", query->period.from.ToIsoString()},
                            {"to", query->period.to.ToIsoString()},
                            {"totals", ReportJson(province->totals)},
                            {"communes", communes}});
}

http::HttpResponse ReportApi::ProvincePage(http::HttpRequest& request, RequestContext& ctx) {
  if (auto denied = AuthorizeProvince(request, ctx)) return *denied;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return ErrorResponse(request, params.error());
  const std::string code(request.Param("code"));
  nlohmann::json page = {{"title", "Báo cáo kết quả giải quyết kiến nghị cấp tỉnh"},
                         {"site_name", "Theo dõi cấp tỉnh"},
                         {"site_subtitle", "Đối thoại với Nhân dân"},
                         {"code", code},
                         {"from", params->Get("from")},
                         {"to", params->Get("to")},
                         {"picker", PickerJson(MonthOf(petitions_.Today()))}};
  Result<ReportQuery> query = QueryOf(*params, /*default_month=*/true);
  if (!query.ok()) {
    if (query.error().code != ErrorCode::kInvalidArgument) {
      return ErrorResponse(request, query.error());
    }
    std::string message = query.error().message;
    for (const FieldError& f : query.error().fields) message = f.message;
    page["error"] = {{"message", message}};
    Result<std::string> html = RenderPage("province_report", page);
    if (!html.ok()) return ErrorResponse(request, html.error());
    return HtmlResponse(400, std::move(html).value());
  }
  query->conference.reset();
  Result<ProvinceFigures> province = Province(code, *query);
  if (!province.ok()) return ErrorResponse(request, province.error());
  const ReportPeriod& period = query->period;
  // The communes side by side: resolved, in progress, overdue.
  Chart by_commune;
  by_commune.title = "Kết quả giải quyết theo xã, phường";
  by_commune.series = {"Đã giải quyết xong", "Đang giải quyết", "Quá hạn"};
  by_commune.values.assign(3, {});
  nlohmann::json communes = nlohmann::json::array();
  for (const CommuneFigures& c : province->communes) {
    const FieldFigures& t = c.figures.totals;
    by_commune.labels.push_back(c.commune.DisplayName());
    by_commune.values[0].push_back(t.resolved);
    by_commune.values[1].push_back(t.in_progress);
    by_commune.values[2].push_back(t.overdue);
    communes.push_back({{"slug", c.commune.slug},
                        {"name", c.commune.DisplayName()},
                        {"committee_name", c.commune.PeoplesCommitteeName()},
                        {"figures", FiguresView(c.figures)},
                        {"chart", Svg(FieldChart(c.figures))}});
  }
  page["site_name"] = "Theo dõi cấp tỉnh – " + province->name;
  page["province_name"] = province->name;
  page["from"] = period.from.ToIsoString();
  page["to"] = period.to.ToIsoString();
  page["picker"] = PickerJson(period);
  page["period_text"] = PeriodText(period);
  page["json_query"] = PeriodQuery(period, std::nullopt);
  page["totals"] = FiguresView(province->totals);
  page["field_chart"] = Svg(FieldChart(province->totals));
  page["outcome_chart"] = Svg(OutcomeChart(province->totals));
  page["commune_chart"] = Svg(by_commune);
  page["communes"] = communes;
  page["has_communes"] = !communes.empty();
  Result<std::string> html = RenderPage("province_report", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(200, std::move(html).value());
}

}  // namespace doithoai::web
