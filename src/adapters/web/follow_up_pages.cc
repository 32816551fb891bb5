// The follow-up board of a conference (see follow_up_pages.h).
#include "adapters/web/follow_up_pages.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/reports/petition_report.h"

namespace doithoai::web {

namespace {

constexpr int kPageSize = 1000;

// Progress as staff read it on the board.
std::string Progress(ItemStatus s) {
  switch (s) {
    case ItemStatus::kReceived:
    case ItemStatus::kClassified:
      return "0 %";
    case ItemStatus::kAssigned:
    case ItemStatus::kReopened:
      return "25 %";
    case ItemStatus::kInProgress:
      return "50 %";
    default:
      return "100 %";
  }
}

}  // namespace

void FollowUpPages::Register(Site& site) {
  site.Add("GET", "/quan-tri/{slug}/hoi-nghi/{id}/theo-doi", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Board(r, c); });
}

http::HttpResponse FollowUpPages::Board(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return ErrorResponse(request, id.error());
  Result<Conference> conference = conferences_.Find(commune->id, ConferenceId{*id});
  if (!conference.ok()) return ErrorResponse(request, conference.error());
  Result<std::vector<PetitionField>> fields = petitions_.Fields(commune->id);
  if (!fields.ok()) return ErrorResponse(request, fields.error());
  Result<std::vector<Unit>> units = communes_.ListUnits(commune->id);
  if (!units.ok()) return ErrorResponse(request, units.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  const Date today = petitions_.Today();

  PetitionQuery query;
  query.conference_id = conference->id;
  query.limit = kPageSize;
  std::vector<Petition> raised;
  while (true) {
    Result<PetitionPage> page = petitions_.Search(commune->id, query);
    if (!page.ok()) return ErrorResponse(request, page.error());
    for (Petition& p : page->items) raised.push_back(std::move(p));
    query.offset += kPageSize;
    if (query.offset >= page->total) break;
  }
  // Oldest first: the order they were raised in the room.
  std::reverse(raised.begin(), raised.end());

  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json next_agenda = nlohmann::json::array();
  int open = 0;
  int overdue = 0;
  int told = 0;
  int number = 0;
  for (const Petition& p : raised) {
    for (const PetitionItem& item : p.items) {
      const bool denunciation = item.petition_class == PetitionClass::kDenunciation;
      const bool is_open = IsOpen(item.status);
      const bool late = is_open && item.deadline && *item.deadline < today;
      const bool citizen_told =
          item.status == ItemStatus::kNotified || item.status == ItemStatus::kClosed;
      const bool unsatisfied = item.rating && !item.rating->satisfied;
      open += is_open ? 1 : 0;
      overdue += late ? 1 : 0;
      told += citizen_told ? 1 : 0;
      nlohmann::json row = {
          {"number", ++number},
          {"code", p.code},
          {"href", "/quan-tri/" + commune->slug + "/kien-nghi/" + std::to_string(p.id.value)},
          {"speaker", p.DisplayName()},
          {"village", p.identity_sealed ? "" : VillageNameOf(*villages, p.village_id)},
          {"text", denunciation ? "(nội dung tố cáo – hồ sơ riêng)" : item.text},
          {"field", item.field.empty() ? "" : FieldLabelOf(*fields, item.field)},
          {"unit", UnitNameOf(*units, item.unit_id)},
          {"deadline", item.deadline ? FormatDdMmYyyy(*item.deadline) : ""},
          {"progress", Progress(item.status)},
          {"status_label", ItemStatusLabel(item.status)},
          {"in_room", AnsweredInRoom(p, item)},
          {"answer", item.answer && !denunciation ? item.answer->text : ""},
          {"answered_on", item.answer ? FormatDdMmYyyy(item.answer->answered_on) : ""},
          {"told", citizen_told},
          {"overdue", late},
          {"unsatisfied", unsatisfied}};
      if (is_open || unsatisfied) next_agenda.push_back(row);
      rows.push_back(std::move(row));
    }
  }
  const std::string committee = commune->PeoplesCommitteeName();
  nlohmann::json page = {{"title", "Theo dõi thực hiện kết luận"},
                         {"site_name", committee},
                         {"site_subtitle", "Trang quản trị"},
                         {"committee_name", committee},
                         {"slug", commune->slug},
                         {"conference_href", "/quan-tri/" + commune->slug + "/hoi-nghi/" +
                                                 std::to_string(conference->id.value)},
                         {"subject", conference->subject},
                         {"rows", rows},
                         {"has_rows", !rows.empty()},
                         {"total", rows.size()},
                         {"open", open},
                         {"overdue", overdue},
                         {"told", told},
                         {"next_agenda", next_agenda},
                         {"has_next_agenda", !next_agenda.empty()}};
  Result<std::string> html = RenderPage("follow_up", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(200, std::move(html).value());
}

}  // namespace doithoai::web
