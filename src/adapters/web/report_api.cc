// Result-report figures as JSON (see report_api.h).
#include "adapters/web/report_api.h"

#include <charconv>
#include <string>
#include <vector>

#include "adapters/http/form.h"
#include "adapters/json/report_json.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/reports/petition_report.h"

namespace doithoai::web {

namespace {

constexpr int kPageSize = 1000;

Result<Date> DateParam(const http::FormData& params, const char* name, const char* label) {
  const std::string text = params.Get(name);
  if (text.empty()) {
    return MakeFieldError(name, std::string("Thiếu ") + label + " (dạng YYYY-MM-DD)");
  }
  Result<Date> date = Date::Parse(text);
  if (!date.ok()) {
    return MakeFieldError(name, std::string(label) + " không hợp lệ: “" + text +
                                    "” (dạng YYYY-MM-DD, ví dụ 2023-12-08)");
  }
  return date;
}

}  // namespace

void ReportApi::Register(Site& site) {
  site.Add("GET", "/api/v1/communes/{slug}/reports/summary", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Summary(r, c); });
  site.Add("GET", "/quan-tri/{slug}/bao-cao", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Page(r, c); });
}

Result<ReportFigures> ReportApi::Figures(const Commune& commune, const http::FormData& params) {
  ASSIGN_OR_RETURN(Date from, DateParam(params, "from", "ngày bắt đầu"));
  ASSIGN_OR_RETURN(Date to, DateParam(params, "to", "ngày kết thúc"));
  if (to < from) {
    return MakeFieldError("to", "Ngày kết thúc phải sau ngày bắt đầu");
  }
  PetitionQuery query;
  query.limit = kPageSize;
  const std::string conference = params.Get("conference");
  if (!conference.empty()) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(conference.data(), conference.data() + conference.size(), id);
    if (ec != std::errc() || end != conference.data() + conference.size() || id <= 0) {
      return MakeFieldError("conference", "Số hội nghị không hợp lệ");
    }
    query.conference_id = ConferenceId{id};
  }
  std::vector<Petition> petitions;
  while (true) {
    ASSIGN_OR_RETURN(PetitionPage page, petitions_.Search(commune.id, query));
    for (Petition& p : page.items) {
      if (p.received_on >= from && p.received_on <= to) petitions.push_back(std::move(p));
    }
    query.offset += kPageSize;
    if (query.offset >= page.total) break;
  }
  ASSIGN_OR_RETURN(std::vector<PetitionField> fields, petitions_.Fields(commune.id));
  return ComputeReport(petitions, fields, from, to, petitions_.Today());
}

http::HttpResponse ReportApi::Summary(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return ErrorResponse(request, params.error());
  Result<ReportFigures> figures = Figures(*commune, *params);
  if (!figures.ok()) return ErrorResponse(request, figures.error());
  return JsonResponse(200, ReportJson(*figures));
}

http::HttpResponse ReportApi::Page(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return ErrorResponse(request, params.error());
  http::FormData period = *params;
  if (period.Get("from").empty() && period.Get("to").empty()) {
    // This month so far.
    const Date today = petitions_.Today();
    period = http::ParseUrlEncoded("from=" + today.AddDays(1 - today.day()).ToIsoString() +
                                   "&to=" + today.ToIsoString())
                 .value();
  }
  Result<ReportFigures> figures = Figures(*commune, period);
  const std::string committee = commune->PeoplesCommitteeName();
  nlohmann::json page = {{"title", "Báo cáo kết quả giải quyết kiến nghị"},
                         {"site_name", committee},
                         {"site_subtitle", "Trang quản trị"},
                         {"committee_name", committee},
                         {"slug", commune->slug},
                         {"from", period.Get("from")},
                         {"to", period.Get("to")},
                         {"json_query", request.query}};
  if (!figures.ok()) {
    if (figures.error().code != ErrorCode::kInvalidArgument) {
      return ErrorResponse(request, figures.error());
    }
    page["error"] = {{"message", figures.error().message}};
    Result<std::string> html = RenderPage("report", page);
    if (!html.ok()) return ErrorResponse(request, html.error());
    return HtmlResponse(400, std::move(html).value());
  }
  auto percent = [](std::optional<double> rate) {
    return rate ? std::to_string(static_cast<int>(*rate * 100 + 0.5)) + " %" : std::string("—");
  };
  page["figures"] = ReportJson(*figures);
  page["on_time"] = percent(figures->OnTimeRate());
  page["satisfaction"] = percent(figures->SatisfactionRate());
  Result<std::string> html = RenderPage("report", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(200, std::move(html).value());
}

}  // namespace doithoai::web
