#include "adapters/web/public_pages.h"

#include <string>

#include "adapters/web/responses.h"
#include "adapters/web/static_files.h"

namespace doithoai::web {

void PublicPages::Register(Site& site) {
  site.Add("GET", "/", Access::kPublic,
           [this](http::HttpRequest& r, RequestContext&) { return Home(r); });
  site.Add("GET", "/x/{slug}", Access::kPublic,
           [this](http::HttpRequest& r, RequestContext&) { return CommuneHome(r); });
  site.Add("GET", "/static/{path*}", Access::kPublic,
           [](http::HttpRequest& r, RequestContext&) { return ServeStatic(r); });
}

http::HttpResponse PublicPages::Home(http::HttpRequest& request) {
  Result<std::vector<Commune>> communes = communes_.ListCommunes();
  if (!communes.ok()) return ErrorResponse(request, communes.error());
  if (communes->size() == 1) return RenderCommune(request, communes->front());
  nlohmann::json list = nlohmann::json::array();
  for (const Commune& c : *communes) {
    list.push_back({{"href", "/x/" + c.slug},
                    {"committee_name", c.PeoplesCommitteeName()},
                    {"province_name", c.province_name}});
  }
  nlohmann::json page = {{"title", "Trang chủ"},
                         {"site_name", kSiteName},
                         {"has_communes", !list.empty()},
                         {"communes", list}};
  return PageResponse(request, "commune_list", page);
}

http::HttpResponse PublicPages::CommuneHome(http::HttpRequest& request) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  return RenderCommune(request, *commune);
}

http::HttpResponse PublicPages::RenderCommune(const http::HttpRequest& request,
                                              const Commune& commune) {
  Result<std::vector<Village>> villages = communes_.ListVillages(commune.id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  Result<std::vector<Unit>> units = communes_.ListUnits(commune.id);
  if (!units.ok()) return ErrorResponse(request, units.error());
  Result<std::vector<Official>> officials = communes_.ListOfficials(commune.id);
  if (!officials.ok()) return ErrorResponse(request, officials.error());

  nlohmann::json village_list = nlohmann::json::array();
  for (const Village& v : *villages) village_list.push_back({{"name", v.name}});
  nlohmann::json unit_list = nlohmann::json::array();
  for (const Unit& u : *units) unit_list.push_back({{"name", u.name}});
  nlohmann::json official_list = nlohmann::json::array();
  for (const Official& o : *officials) {
    official_list.push_back({{"full_name", o.full_name}, {"position", o.position}});
  }
  std::string committee = commune.PeoplesCommitteeName();
  nlohmann::json page = {
      {"title", committee},
      {"site_name", committee},
      {"site_subtitle", "Tiếp xúc, đối thoại với Nhân dân"},
      {"commune_slug", commune.slug},
      {"committee_name", committee},
      {"province_name", commune.province_name},
      {"address", commune.address},
      {"village_count", static_cast<int64_t>(villages->size())},
      {"has_villages", !villages->empty()},
      {"villages", village_list},
      {"has_units", !units->empty()},
      {"units", unit_list},
      {"has_officials", !officials->empty()},
      {"officials", official_list},
  };
  return PageResponse(request, "commune_home", page);
}

}  // namespace doithoai::web
