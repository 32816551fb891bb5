// PetitionStaffPages, part 1: routes, shared helpers, the list (inbox,
// search, filters), the board and bulk assignment. The petition page, the
// audited identity read (CONF-01), attachment downloads and the XLSX export
// are in petition_staff_show.cc; desk entry, import, settings and workflow
// posts in petition_staff_forms.cc.
#include "adapters/web/petition_staff_pages.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "adapters/http/error_to_status.h"
#include "adapters/web/conference_form_fields.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/petitions/similarity.h"

namespace doithoai::web {

namespace {

constexpr int kPageSize = 50;
constexpr int kBoardCards = 20;

// The board's columns, in workflow order.
constexpr std::array<ItemStatus, 7> kBoardStatuses = {
    ItemStatus::kReceived, ItemStatus::kClassified, ItemStatus::kAssigned, ItemStatus::kInProgress,
    ItemStatus::kAnswered, ItemStatus::kNotified,   ItemStatus::kReopened};

constexpr std::array<ItemStatus, 10> kAllStatuses = {
    ItemStatus::kReceived, ItemStatus::kClassified, ItemStatus::kAssigned, ItemStatus::kInProgress,
    ItemStatus::kAnswered, ItemStatus::kNotified,   ItemStatus::kClosed,   ItemStatus::kForwarded,
    ItemStatus::kFiled,    ItemStatus::kReopened};

// A positive id of a filter or form field; nullopt when blank.
Result<std::optional<int64_t>> OptionalId(const http::FormData& form, const std::string& field,
                                          const std::string& label) {
  const std::string text = Trim(form.Get(field));
  if (text.empty()) return std::optional<int64_t>();
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return FieldInvalid(field, label + " không hợp lệ.");
  }
  return std::optional<int64_t>(id);
}

}  // namespace

void PetitionStaffPages::Register(Site& site) {
  auto add = [this, &site](const char* method, const std::string& pattern,
                           http::HttpResponse (PetitionStaffPages::*fn)(http::HttpRequest&,
                                                                        RequestContext&)) {
    site.Add(method, pattern, Access::kSignedIn,
             [this, fn](http::HttpRequest& r, RequestContext& c) { return (this->*fn)(r, c); });
  };
  const std::string base = "/quan-tri/{slug}/kien-nghi";
  const std::string one = base + "/{id}";
  add("GET", base, &PetitionStaffPages::List);
  add("GET", base + "/bang", &PetitionStaffPages::Board);
  add("GET", base + "/xuat.xlsx", &PetitionStaffPages::Export);
  add("POST", base + "/giao-hang-loat", &PetitionStaffPages::BulkAssign);
  add("GET", base + "/moi", &PetitionStaffPages::DeskForm);
  add("POST", base + "/moi", &PetitionStaffPages::DeskSubmit);
  add("GET", base + "/nhap", &PetitionStaffPages::ImportForm);
  add("POST", base + "/nhap", &PetitionStaffPages::Import);
  add("GET", base + "/cai-dat", &PetitionStaffPages::SettingsForm);
  add("POST", base + "/cai-dat", &PetitionStaffPages::SaveSettings);
  add("GET", one, &PetitionStaffPages::Show);
  add("POST", one + "/danh-tinh", &PetitionStaffPages::ReadIdentity);
  add("GET", one + "/tep/{hash}", &PetitionStaffPages::Attachment);
  add("POST", one + "/phan-loai", &PetitionStaffPages::Classify);
  add("POST", one + "/giao", &PetitionStaffPages::Assign);
  add("POST", one + "/bat-dau", &PetitionStaffPages::Start);
  add("POST", one + "/phuc-tap", &PetitionStaffPages::MarkComplex);
  add("POST", one + "/gia-han", &PetitionStaffPages::Extend);
  add("POST", one + "/tra-loi", &PetitionStaffPages::Answer);
  add("POST", one + "/da-thong-bao", &PetitionStaffPages::Notify);
  add("POST", one + "/ket-thuc", &PetitionStaffPages::Close);
  add("POST", one + "/chuyen", &PetitionStaffPages::Forward);
  add("POST", one + "/luu-don", &PetitionStaffPages::File);
  add("POST", one + "/mo-lai", &PetitionStaffPages::Reopen);
}

// ---- shared helpers ----

Result<PetitionStaffPages::Target> PetitionStaffPages::TargetFor(const http::HttpRequest& request,
                                                                 const RequestContext& ctx,
                                                                 CommuneAction action,
                                                                 http::HttpResponse* denied) {
  ASSIGN_OR_RETURN(Commune commune, AuthorizedCommune(request, ctx, communes_, action, denied));
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return Deny(request, id.error(), denied);
  // The repository scopes ids by commune: another commune's id is 404.
  Result<Petition> petition = service_.Find(commune.id, PetitionId{*id});
  if (!petition.ok()) return Deny(request, petition.error(), denied);
  if (!VisibleTo(ctx.actor(), *petition)) {
    return Deny(request, MakeError(ErrorCode::kNotFound, ""), denied);
  }
  return Target{std::move(commune), std::move(petition).value()};
}

Result<PetitionStaffPages::Lookups> PetitionStaffPages::LoadLookups(CommuneId commune) {
  Lookups l;
  ASSIGN_OR_RETURN(l.settings, service_.Settings(commune));
  if (l.settings.fields.empty()) l.settings.fields = DefaultPetitionFields();
  ASSIGN_OR_RETURN(l.villages, communes_.ListVillages(commune));
  ASSIGN_OR_RETURN(l.units, communes_.ListUnits(commune));
  ASSIGN_OR_RETURN(l.officials, communes_.ListOfficials(commune));
  if (conferences_ != nullptr) {
    ASSIGN_OR_RETURN(l.conferences, conferences_->List(commune));
  }
  return l;
}

bool PetitionStaffPages::IsVillageHead(const Actor* actor) {
  return actor != nullptr && actor->role == Role::kVillageHead;
}

bool PetitionStaffPages::VisibleTo(const Actor* actor, const Petition& petition) {
  if (!IsVillageHead(actor)) return true;
  // A sealed petition has no village (CONF-02): not a village head's to see.
  return actor->village_id && petition.village_id && *actor->village_id == *petition.village_id;
}

Result<PetitionQuery> PetitionStaffPages::QueryFrom(const http::FormData& params,
                                                    const Actor* actor, Date today) {
  PetitionQuery query;
  query.q = Trim(params.Get("q"));
  if (!Trim(params.Get("status")).empty()) {
    ASSIGN_OR_RETURN(query.status, ParseItemStatus(Trim(params.Get("status"))));
  }
  query.field = Trim(params.Get("field"));
  ASSIGN_OR_RETURN(std::optional<int64_t> village, OptionalId(params, "village", "Thôn"));
  if (village) query.village_id = VillageId{*village};
  ASSIGN_OR_RETURN(std::optional<int64_t> unit, OptionalId(params, "unit", "Bộ phận"));
  if (unit) query.unit_id = UnitId{*unit};
  ASSIGN_OR_RETURN(std::optional<int64_t> conference, OptionalId(params, "conference", "Hội nghị"));
  if (conference) query.conference_id = ConferenceId{*conference};
  if (!Trim(params.Get("class")).empty()) {
    ASSIGN_OR_RETURN(query.petition_class, ParsePetitionClass(Trim(params.Get("class"))));
  }
  query.overdue_only = params.Get("overdue") == "1";
  query.today = today;
  ASSIGN_OR_RETURN(std::optional<int64_t> page, OptionalId(params, "page", "Số trang"));
  query.offset = page ? static_cast<int>(std::min<int64_t>(*page - 1, 100000)) * kPageSize : 0;
  query.limit = kPageSize;
  if (IsVillageHead(actor)) {
    // Their own village only; an account without a village sees nothing.
    query.village_id = actor->village_id.value_or(VillageId{-1});
  }
  return query;
}

std::string PetitionStaffPages::ListPath(const Commune& commune) {
  return "/quan-tri/" + commune.slug + "/kien-nghi";
}

std::string PetitionStaffPages::PetitionPath(const Commune& commune, PetitionId id) {
  return ListPath(commune) + "/" + std::to_string(id.value);
}

std::string PetitionStaffPages::Shorten(const std::string& text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars++ == max_chars) return text.substr(0, i) + "…";
  }
  return text;
}

std::string PetitionStaffPages::OfficialName(const Lookups& lookups, std::optional<OfficialId> id) {
  if (!id) return "";
  for (const Official& o : lookups.officials) {
    if (o.id == *id) return o.full_name;
  }
  return "";
}

DeadlineState PetitionStaffPages::WorstState(const Petition& petition, Date today,
                                             int due_soon_days) {
  const PetitionItem* earliest = nullptr;
  for (const PetitionItem& item : petition.items) {
    if (!IsOpen(item.status) || !item.deadline) continue;
    if (earliest == nullptr || *item.deadline < *earliest->deadline) earliest = &item;
  }
  if (earliest != nullptr) return ItemDeadlineState(*earliest, today, due_soon_days);
  for (const PetitionItem& item : petition.items) {
    if (IsOpen(item.status)) return DeadlineState::kNone;
  }
  return DeadlineState::kDone;
}

nlohmann::json PetitionStaffPages::RowJson(const Commune& commune, const Petition& petition,
                                           const Lookups& lookups, Date today) {
  const PetitionSummary summary = Summarize(petition);
  const DeadlineState state = WorstState(petition, today, lookups.settings.due_soon_days);
  const std::string text = petition.items.empty() ? "" : petition.items.front().text;
  return {{"id", petition.id.value},
          {"href", PetitionPath(commune, petition.id)},
          {"code", petition.code},
          {"received", FormatDdMmYyyy(petition.received_on)},
          {"name", petition.DisplayName()},  // CONF-02: the pseudonym when sealed
          {"sealed", petition.identity_sealed},
          {"village",
           petition.identity_sealed ? "" : VillageNameOf(lookups.villages, petition.village_id)},
          {"text", Shorten(text, 90)},
          {"items", static_cast<int64_t>(petition.items.size())},
          {"field", FieldLabelOf(lookups.settings.fields, summary.field)},
          {"status", ItemStatusCode(summary.status)},
          {"status_label", ItemStatusLabel(summary.status)},
          {"unit", UnitNameOf(lookups.units, summary.unit_id)},
          {"deadline", summary.deadline ? FormatDdMmYyyy(*summary.deadline) : ""},
          {"deadline_state", DeadlineStateCode(state)},
          {"deadline_label", DeadlineStateLabel(state)},
          {"overdue", state == DeadlineState::kOverdue},
          {"due_soon", state == DeadlineState::kDueSoon}};
}

nlohmann::json PetitionStaffPages::PageBase(const Commune& commune, const RequestContext& ctx,
                                            const std::string& title) {
  const std::string committee = commune.PeoplesCommitteeName();
  return {{"title", title},
          {"site_name", committee},
          {"site_subtitle", "Trang quản trị"},
          {"committee_name", committee},
          {"slug", commune.slug},
          {"base", ListPath(commune)},
          {"csrf", ctx.session ? ctx.session->csrf_token : ""}};
}

// ---- list, board, export, bulk assign ----

Result<PetitionStaffPages::Listing> PetitionStaffPages::ListingFor(const http::HttpRequest& request,
                                                                   const RequestContext& ctx,
                                                                   http::HttpResponse* denied) {
  ASSIGN_OR_RETURN(Commune commune, AuthorizedCommune(request, ctx, communes_,
                                                      CommuneAction::kViewPetitions, denied));
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return Deny(request, params.error(), denied);
  const Date today = service_.Today();
  Result<PetitionQuery> query = QueryFrom(*params, ctx.actor(), today);
  if (!query.ok()) return Deny(request, query.error(), denied);
  Result<Lookups> lookups = LoadLookups(commune.id);
  if (!lookups.ok()) return Deny(request, lookups.error(), denied);
  return Listing{std::move(commune), std::move(params).value(), today, std::move(query).value(),
                 std::move(lookups).value()};
}

http::HttpResponse PetitionStaffPages::List(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Listing> listing = ListingFor(request, ctx, &denied);
  if (!listing.ok()) return denied;
  const Commune& commune = listing->commune;
  const http::FormData& params = listing->params;
  const Date today = listing->today;
  PetitionQuery& query = listing->query;
  const Lookups& lookups = listing->lookups;
  Result<PetitionPage> page = service_.Search(commune.id, query);
  if (!page.ok()) return ErrorResponse(request, page.error());

  nlohmann::json rows = nlohmann::json::array();
  for (const Petition& p : page->items) {
    nlohmann::json row = RowJson(commune, p, lookups, today);
    // Issue #6 §1: the petitions most likely to raise the same issue.
    if (insight_ != nullptr) {
      Result<std::vector<SimilarPetition>> similar = insight_->Similar(p, 3);
      if (!similar.ok()) return ErrorResponse(request, similar.error());
      nlohmann::json likely = nlohmann::json::array();
      for (const SimilarPetition& s : *similar) {
        if (s.score < kDuplicateThreshold) continue;
        likely.push_back({{"code", s.code}, {"href", PetitionPath(commune, s.id)}});
      }
      if (!likely.empty()) {
        row["similar"] = likely;
        row["has_similar"] = true;
      }
    }
    rows.push_back(std::move(row));
  }
  const bool village_head = IsVillageHead(ctx.actor());
  auto option_list = [](auto&& values, auto id_of, auto label_of, const std::string& selected) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values) {
      const std::string id = id_of(v);
      list.push_back({{"value", id}, {"label", label_of(v)}, {"selected", id == selected}});
    }
    return list;
  };
  const std::string village_sel = Trim(params.Get("village"));
  const std::string unit_sel = Trim(params.Get("unit"));
  const std::string conference_sel = Trim(params.Get("conference"));
  nlohmann::json page_json = PageBase(commune, ctx, "Kiến nghị, phản ánh của Nhân dân");
  page_json["rows"] = rows;
  page_json["has_rows"] = !rows.empty();
  page_json["total"] = page->total;
  page_json["q"] = query.q;
  page_json["overdue"] = query.overdue_only;
  page_json["inbox"] = query.status == ItemStatus::kReceived;
  page_json["village_head"] = village_head;
  page_json["status_options"] = option_list(
      kAllStatuses, [](ItemStatus s) { return std::string(ItemStatusCode(s)); },
      [](ItemStatus s) { return std::string(ItemStatusLabel(s)); }, Trim(params.Get("status")));
  page_json["class_options"] = option_list(
      kAllPetitionClasses, [](PetitionClass c) { return std::string(PetitionClassCode(c)); },
      [](PetitionClass c) { return std::string(PetitionClassLabel(c)); },
      query.petition_class ? std::string(PetitionClassCode(*query.petition_class)) : "");
  page_json["field_options"] = option_list(
      lookups.settings.fields, [](const PetitionField& f) { return f.code; },
      [](const PetitionField& f) { return f.label; }, query.field);
  page_json["village_options"] = option_list(
      lookups.villages, [](const Village& v) { return std::to_string(v.id.value); },
      [](const Village& v) { return v.name; }, village_sel);
  page_json["unit_options"] = option_list(
      lookups.units, [](const Unit& u) { return std::to_string(u.id.value); },
      [](const Unit& u) { return u.name; }, unit_sel);
  page_json["official_options"] = option_list(
      lookups.officials, [](const Official& o) { return std::to_string(o.id.value); },
      [](const Official& o) {
        return o.full_name + (o.position.empty() ? "" : " – " + o.position);
      },
      "");
  page_json["conference_options"] = option_list(
      lookups.conferences, [](const Conference& c) { return std::to_string(c.id.value); },
      [](const Conference& c) { return std::to_string(c.year) + " – " + c.subject; },
      conference_sel);
  page_json["has_conference_options"] = !lookups.conferences.empty();
  page_json["conference"] = conference_sel;

  // The same filters for the export link and the pages.
  std::string filters;
  auto keep = [&](const char* key, const std::string& value) {
    if (!value.empty())
      filters += std::string(filters.empty() ? "" : "&") + key + "=" + http::UrlEncode(value);
  };
  keep("q", query.q);
  keep("status", Trim(params.Get("status")));
  keep("field", query.field);
  if (!village_head) keep("village", village_sel);
  keep("unit", unit_sel);
  keep("conference", conference_sel);
  keep("class", Trim(params.Get("class")));
  if (query.overdue_only) keep("overdue", "1");
  const std::string list_path = ListPath(commune);
  page_json["export_href"] = list_path + "/xuat.xlsx" + (filters.empty() ? "" : "?" + filters);
  const int current = query.offset / kPageSize + 1;
  const int64_t pages = (page->total + kPageSize - 1) / kPageSize;
  const std::string sep = filters.empty() ? "?" : "?" + filters + "&";
  page_json["page"] = current;
  page_json["pages"] = pages;
  page_json["has_pages"] = pages > 1;
  if (current > 1) page_json["prev_href"] = list_path + sep + "page=" + std::to_string(current - 1);
  if (current < pages) {
    page_json["next_href"] = list_path + sep + "page=" + std::to_string(current + 1);
  }
  page_json["result"] = Trim(params.Get("ket-qua"));
  auto allowed = [&](CommuneAction a) {
    return CommunePermissions::Check(ctx.actor(), a, commune.id) == Decision::kAllow;
  };
  page_json["can_handle"] = allowed(CommuneAction::kHandlePetitions);
  page_json["can_enter"] = allowed(CommuneAction::kEnterPetitions);
  page_json["can_settings"] = allowed(CommuneAction::kManagePetitionSettings);
  return PageResponse(request, "petition_list", page_json);
}

http::HttpResponse PetitionStaffPages::Board(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<Lookups> lookups = LoadLookups(commune->id);
  if (!lookups.ok()) return ErrorResponse(request, lookups.error());
  const Date today = service_.Today();
  nlohmann::json columns = nlohmann::json::array();
  for (ItemStatus status : kBoardStatuses) {
    Result<PetitionQuery> query = QueryFrom(http::FormData{}, ctx.actor(), today);
    if (!query.ok()) return ErrorResponse(request, query.error());
    query->status = status;
    query->limit = kBoardCards;
    Result<PetitionPage> page = service_.Search(commune->id, *query);
    if (!page.ok()) return ErrorResponse(request, page.error());
    nlohmann::json cards = nlohmann::json::array();
    for (const Petition& p : page->items) cards.push_back(RowJson(*commune, p, *lookups, today));
    columns.push_back(
        {{"status", ItemStatusCode(status)},
         {"label", ItemStatusLabel(status)},
         {"count", page->total},
         {"more", page->total > static_cast<int64_t>(page->items.size())},
         {"href", ListPath(*commune) + "?status=" + std::string(ItemStatusCode(status))},
         {"cards", cards}});
  }
  nlohmann::json page_json = PageBase(*commune, ctx, "Bảng theo dõi kiến nghị");
  page_json["columns"] = columns;
  return PageResponse(request, "petition_board", page_json);
}

http::HttpResponse PetitionStaffPages::BulkAssign(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kHandlePetitions, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  std::vector<PetitionId> ids;
  for (const std::string& text : form.GetAll("ids")) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
      return ErrorResponse(request, FieldInvalid("ids", "Danh sách đơn được chọn không hợp lệ."));
    }
    ids.push_back(PetitionId{id});
  }
  if (ids.empty()) {
    return ErrorResponse(request, FieldInvalid("ids", "Vui lòng chọn ít nhất một đơn để giao."));
  }
  Result<std::optional<int64_t>> unit = OptionalId(form, "unit", "Bộ phận");
  if (!unit.ok()) return ErrorResponse(request, unit.error());
  if (!*unit) {
    return ErrorResponse(request, FieldInvalid("unit", "Vui lòng chọn bộ phận được giao."));
  }
  Result<std::optional<int64_t>> official = OptionalId(form, "official", "Cán bộ");
  if (!official.ok()) return ErrorResponse(request, official.error());
  std::optional<OfficialId> official_id;
  if (*official) official_id = OfficialId{**official};
  const std::vector<BulkOutcome> outcomes =
      service_.BulkAssign(commune->id, ids, UnitId{**unit}, official_id,
                          AuditContextFor(request, ctx, commune->id, clock_));
  int done = 0;
  std::string problems;
  int failed = 0;
  for (const BulkOutcome& o : outcomes) {
    if (o.status.ok()) {
      ++done;
      continue;
    }
    ++failed;
    const std::string name = o.code.empty() ? "đơn #" + std::to_string(o.id.value) : o.code;
    std::string message =
        o.status.error().code == ErrorCode::kNotFound ? "không tìm thấy" : o.status.error().message;
    problems += (problems.empty() ? "" : "; ") + name + ": " + message;
  }
  std::string summary = "Đã giao " + std::to_string(done) + " đơn";
  if (failed > 0) summary += "; " + std::to_string(failed) + " lỗi: " + problems;
  summary += ".";
  return Redirect(ListPath(*commune) + "?ket-qua=" + http::UrlEncode(Shorten(summary, 1500)));
}

}  // namespace doithoai::web
