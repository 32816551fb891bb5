// PetitionStaffPages, part 1: routes, shared helpers, the list (inbox,
// search, filters), the board, the XLSX export, bulk assignment, the
// petition page, the audited identity read (CONF-01) and attachment
// downloads. Desk entry, import, settings and workflow posts are in
// petition_staff_forms.cc.
#include "adapters/web/petition_staff_pages.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <utility>

#include "adapters/http/error_to_status.h"
#include "adapters/spreadsheets/petition_xlsx.h"
#include "adapters/web/conference_form_fields.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"

namespace doithoai::web {

namespace {

constexpr int kPageSize = 50;
constexpr int kBoardCards = 20;
constexpr int kMaxExportRows = 10000;

// The board's columns, in workflow order.
constexpr std::array<ItemStatus, 7> kBoardStatuses = {
    ItemStatus::kReceived, ItemStatus::kClassified, ItemStatus::kAssigned, ItemStatus::kInProgress,
    ItemStatus::kAnswered, ItemStatus::kNotified,   ItemStatus::kReopened};

constexpr std::array<ItemStatus, 10> kAllStatuses = {
    ItemStatus::kReceived, ItemStatus::kClassified, ItemStatus::kAssigned, ItemStatus::kInProgress,
    ItemStatus::kAnswered, ItemStatus::kNotified,   ItemStatus::kClosed,   ItemStatus::kForwarded,
    ItemStatus::kFiled,    ItemStatus::kReopened};

constexpr std::array<FilingReason, 7> kFilingReasons = {FilingReason::kNoNameOrAddress,
                                                        FilingReason::kNotSigned,
                                                        FilingReason::kAlreadyGuided,
                                                        FilingReason::kDuplicate,
                                                        FilingReason::kAlreadyResolved,
                                                        FilingReason::kWithdrawn,
                                                        FilingReason::kOther};

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

std::string StatusLabelOfCode(const std::string& code) {
  Result<ItemStatus> status = ParseItemStatus(code);
  return status.ok() ? std::string(ItemStatusLabel(*status)) : code;
}

http::HttpResponse FileResponse(std::string body, const std::string& content_type,
                                const std::string& disposition) {
  http::HttpResponse r;
  r.status = 200;
  r.content_type = content_type;
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", disposition);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Cache-Control", "no-store");
  return r;
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
  for (const Petition& p : page->items) rows.push_back(RowJson(commune, p, lookups, today));
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

http::HttpResponse PetitionStaffPages::Export(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Listing> listing = ListingFor(request, ctx, &denied);
  if (!listing.ok()) return denied;
  const Commune& commune = listing->commune;
  const Date today = listing->today;
  PetitionQuery& query = listing->query;
  const Lookups& lookups = listing->lookups;
  std::vector<spreadsheets::PetitionExportRow> rows;
  query.offset = 0;
  query.limit = 1000;
  while (static_cast<int>(rows.size()) < kMaxExportRows) {
    Result<PetitionPage> page = service_.Search(commune.id, query);
    if (!page.ok()) return ErrorResponse(request, page.error());
    for (const Petition& p : page->items) {
      if (static_cast<int>(rows.size()) >= kMaxExportRows) break;
      const PetitionSummary summary = Summarize(p);
      const DeadlineState state = WorstState(p, today, lookups.settings.due_soon_days);
      spreadsheets::PetitionExportRow row;
      row.code = p.code;
      row.received_on = FormatDdMmYyyy(p.received_on);
      row.channel = PetitionChannelLabel(p.channel);
      row.submitter = p.DisplayName();  // CONF-02: never the sealed identity
      row.village = p.identity_sealed ? "" : VillageNameOf(lookups.villages, p.village_id);
      for (const PetitionItem& item : p.items) {
        const std::string sep = item.number > 1 ? "\n" : "";
        std::string label(PetitionClassLabel(item.petition_class));
        if (row.class_label.find(label) == std::string::npos) {
          row.class_label += (row.class_label.empty() ? "" : ", ") + label;
        }
        row.text +=
            sep + (p.items.size() > 1 ? std::to_string(item.number) + ". " : "") + item.text;
      }
      row.field_label = FieldLabelOf(lookups.settings.fields, summary.field);
      row.unit = UnitNameOf(lookups.units, summary.unit_id);
      row.status = ItemStatusLabel(summary.status);
      row.deadline = summary.deadline ? FormatDdMmYyyy(*summary.deadline) : "";
      row.deadline_state = DeadlineStateLabel(state);
      rows.push_back(std::move(row));
    }
    query.offset += static_cast<int>(page->items.size());
    if (page->items.empty() || query.offset >= page->total) break;
  }
  Result<std::string> xlsx = spreadsheets::RenderPetitionsXlsx(
      "Danh sách đơn, kiến nghị – " + commune.PeoplesCommitteeName() + "\nXuất ngày " +
          FormatDdMmYyyy(today),
      rows);
  if (!xlsx.ok()) return ErrorResponse(request, xlsx.error());
  return FileResponse(
      std::move(xlsx).value(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "attachment; filename=\"kien-nghi-" + commune.slug + "-" + today.ToIsoString() + ".xlsx\"");
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

// ---- the petition page ----

http::HttpResponse PetitionStaffPages::Show(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewPetitions, &denied);
  if (!t.ok()) return denied;
  return RenderShow(request, ctx, t->commune, t->petition, 200, nullptr, std::nullopt);
}

http::HttpResponse PetitionStaffPages::ReadIdentity(http::HttpRequest& request,
                                                    RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewPetitions, &denied);
  if (!t.ok()) return denied;
  // CONF-01: the service refuses without the grant and audits the read
  // before opening the seal.
  Result<Submitter> identity =
      service_.ReadIdentity(*ctx.actor(), t->commune.id, t->petition.id,
                            AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!identity.ok()) return ErrorResponse(request, identity.error());
  http::HttpResponse r = RenderShow(request, ctx, t->commune, t->petition, 200, nullptr, *identity);
  r.SetHeader("Cache-Control", "no-store");
  r.SetHeader("Pragma", "no-cache");
  return r;
}

http::HttpResponse PetitionStaffPages::Attachment(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewPetitions, &denied);
  if (!t.ok()) return denied;
  const std::string hash(request.Param("hash"));
  const PetitionAttachment* found = nullptr;
  for (const PetitionAttachment& a : t->petition.attachments) {
    if (a.hash == hash) found = &a;
  }
  if (found == nullptr) {
    return ErrorResponse(request, MakeError(ErrorCode::kNotFound, "Không có tệp đính kèm này."));
  }
  Result<std::string> bytes =
      service_.AttachmentBytes(*ctx.actor(), t->commune.id, t->petition.id, hash,
                               AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!bytes.ok()) return ErrorResponse(request, bytes.error());
  // The stored name may be Vietnamese: an ASCII fallback plus RFC 5987.
  std::string ext = found->media_type == "application/pdf" ? ".pdf"
                    : found->media_type == "image/png"     ? ".png"
                                                           : ".jpg";
  std::string name = found->file_name;
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  return FileResponse(std::move(bytes).value(),
                      found->media_type.empty() ? "application/octet-stream" : found->media_type,
                      "attachment; filename=\"" + t->petition.code + ext + "\"; filename*=UTF-8''" +
                          http::UrlEncode(name.empty() ? "tep" + ext : name));
}

http::HttpResponse PetitionStaffPages::RenderShow(const http::HttpRequest& request,
                                                  const RequestContext& ctx, const Commune& commune,
                                                  const Petition& p, int status, const Error* error,
                                                  const std::optional<Submitter>& identity) {
  Result<Lookups> lookups_or = LoadLookups(commune.id);
  if (!lookups_or.ok()) return ErrorResponse(request, lookups_or.error());
  const Lookups& lookups = *lookups_or;
  const Date today = service_.Today();
  const std::string base = PetitionPath(commune, p.id);
  const bool can_handle = CommunePermissions::Check(ctx.actor(), CommuneAction::kHandlePetitions,
                                                    commune.id) == Decision::kAllow;
  nlohmann::json page = PageBase(commune, ctx, "Đơn " + p.code);
  page["petition_base"] = base;
  page["code"] = p.code;
  page["version"] = p.version;
  page["channel"] = PetitionChannelLabel(p.channel);
  page["received"] = FormatDdMmYyyy(p.received_on);
  page["received_at"] = FormatVietnamTime(p.received_at);
  page["escalated"] = p.escalated;
  if (p.conference_id) {
    std::string label = "Hội nghị #" + std::to_string(p.conference_id->value);
    for (const Conference& c : lookups.conferences) {
      if (c.id == *p.conference_id) label = c.subject;
    }
    page["conference"] = {
        {"href",
         "/quan-tri/" + commune.slug + "/hoi-nghi/" + std::to_string(p.conference_id->value)},
        {"label", label},
        {"session", p.session_number > 0 ? std::to_string(p.session_number) : std::string()}};
  }
  // Submitter: a sealed petition shows the pseudonym; its identity only in
  // the response to an audited read (CONF-01/02).
  page["sealed"] = p.identity_sealed;
  page["display_name"] = p.DisplayName();
  const Submitter* shown = nullptr;
  if (!p.identity_sealed) shown = &p.submitter;
  if (identity) shown = &*identity;
  if (shown != nullptr) {
    page["submitter"] = {{"name", shown->name},
                         {"phone", shown->phone},
                         {"address", shown->address},
                         {"village", VillageNameOf(lookups.villages, shown->village_id)},
                         {"id_number", shown->id_number}};
  }
  page["identity_shown"] = p.identity_sealed && identity.has_value();
  page["can_read_identity"] =
      p.identity_sealed && !identity && ctx.actor() != nullptr && ctx.actor()->denunciation_handler;

  nlohmann::json unit_options = nlohmann::json::array();
  for (const Unit& u : lookups.units) {
    unit_options.push_back({{"value", u.id.value}, {"label", u.name}});
  }
  nlohmann::json official_options = nlohmann::json::array();
  for (const Official& o : lookups.officials) {
    official_options.push_back(
        {{"value", o.id.value},
         {"label", o.full_name + (o.position.empty() ? "" : " – " + o.position)}});
  }
  nlohmann::json filing_options = nlohmann::json::array();
  for (FilingReason r : kFilingReasons) {
    filing_options.push_back({{"value", FilingReasonCode(r)}, {"label", FilingReasonLabel(r)}});
  }
  page["unit_options"] = unit_options;
  page["official_options"] = official_options;
  page["filing_options"] = filing_options;

  nlohmann::json items = nlohmann::json::array();
  for (const PetitionItem& item : p.items) {
    const DeadlineState state = ItemDeadlineState(item, today, lookups.settings.due_soon_days);
    nlohmann::json class_options = nlohmann::json::array();
    for (PetitionClass c : kAllPetitionClasses) {
      class_options.push_back({{"value", PetitionClassCode(c)},
                               {"label", PetitionClassLabel(c)},
                               {"selected", c == item.petition_class}});
    }
    nlohmann::json field_options = nlohmann::json::array();
    for (const PetitionField& f : lookups.settings.fields) {
      field_options.push_back(
          {{"value", f.code}, {"label", f.label}, {"selected", f.code == item.field}});
    }
    nlohmann::json extensions = nlohmann::json::array();
    for (const DeadlineExtension& e : item.extensions) {
      extensions.push_back({{"days", e.days},
                            {"reason", e.reason},
                            {"approver", e.approver},
                            {"decided_on", FormatDdMmYyyy(e.decided_on)},
                            {"new_deadline", FormatDdMmYyyy(e.new_deadline)}});
    }
    const ItemStatus s = item.status;
    nlohmann::json j = {
        {"number", item.number},
        {"text", item.text},
        {"class_label", PetitionClassLabel(item.petition_class)},
        {"class_confirmed", item.class_confirmed},
        {"denunciation", item.petition_class == PetitionClass::kDenunciation},
        {"field_label",
         item.field.empty() ? "" : FieldLabelOf(lookups.settings.fields, item.field)},
        {"status", ItemStatusCode(s)},
        {"status_label", ItemStatusLabel(s)},
        {"unit", UnitNameOf(lookups.units, item.unit_id)},
        {"official", OfficialName(lookups, item.official_id)},
        {"step", item.step.empty() ? std::string() : StepLabel(item.step)},
        {"rule_id", item.rule_id},
        {"deadline", item.deadline ? FormatDdMmYyyy(*item.deadline) : ""},
        {"deadline_state", DeadlineStateCode(state)},
        {"deadline_label", DeadlineStateLabel(state)},
        {"overdue", state == DeadlineState::kOverdue},
        {"due_soon", state == DeadlineState::kDueSoon},
        {"internal_target", item.internal_target ? FormatDdMmYyyy(*item.internal_target) : ""},
        {"complex", item.complex},
        {"complex_reason", item.complex_reason},
        {"complex_approver", item.complex_approver},
        {"extensions", extensions},
        {"has_extensions", !extensions.empty()},
        {"forwarded_to", item.forwarded_to},
        {"filing_reason", item.filing_reason ? FilingReasonLabel(*item.filing_reason) : ""},
        {"status_note", item.status_note},
        {"class_options", class_options},
        {"field_options", field_options},
        {"can_classify", can_handle && IsOpen(s)},
        {"can_assign",
         can_handle && (CanTransition(s, ItemStatus::kAssigned) || s == ItemStatus::kInProgress)},
        {"can_start", can_handle && CanTransition(s, ItemStatus::kInProgress)},
        {"can_complex", can_handle && IsOpen(s) && !item.complex},
        {"can_extend", can_handle && IsOpen(s) && item.deadline.has_value()},
        {"can_answer", can_handle && CanTransition(s, ItemStatus::kAnswered)},
        {"can_notify", can_handle && CanTransition(s, ItemStatus::kNotified)},
        {"can_close", can_handle && CanTransition(s, ItemStatus::kClosed)},
        {"can_forward", can_handle && CanTransition(s, ItemStatus::kForwarded)},
        {"can_file", can_handle && CanTransition(s, ItemStatus::kFiled)},
        {"can_reopen", can_handle && CanTransition(s, ItemStatus::kReopened)}};
    if (item.answer) {
      nlohmann::json answer = {{"text", item.answer->text},
                               {"published", item.answer->published},
                               {"answered_on", FormatDdMmYyyy(item.answer->answered_on)},
                               {"answered_by", item.answer->answered_by}};
      if (!item.answer->document_hash.empty()) {
        answer["document_href"] = base + "/tep/" + item.answer->document_hash;
      }
      j["answer"] = answer;
    }
    if (item.rating) {
      j["rating"] = {{"satisfied", item.rating->satisfied},
                     {"comment", item.rating->comment},
                     {"at", FormatVietnamTime(item.rating->at)}};
    }
    items.push_back(std::move(j));
  }
  page["items"] = items;
  page["can_handle"] = can_handle;

  nlohmann::json attachments = nlohmann::json::array();
  for (const PetitionAttachment& a : p.attachments) {
    attachments.push_back({{"href", base + "/tep/" + a.hash},
                           {"file_name", a.file_name},
                           {"media_type", a.media_type},
                           {"size_kb", (a.size + 1023) / 1024},
                           {"sealed", a.sealed}});
  }
  page["attachments"] = attachments;
  page["has_attachments"] = !attachments.empty();

  nlohmann::json history = nlohmann::json::array();
  for (const HistoryEntry& h : p.history) {
    history.push_back({{"at", FormatVietnamTime(h.at)},
                       {"actor", h.actor},
                       {"item", h.item == 0 ? "" : std::to_string(h.item)},
                       {"action", h.action},
                       {"action_label", HistoryActionLabel(h.action)},
                       {"from", h.from_status.empty() ? "" : StatusLabelOfCode(h.from_status)},
                       {"to", h.to_status.empty() ? "" : StatusLabelOfCode(h.to_status)},
                       {"note", h.note},
                       {"rule_id", h.rule_id}});
  }
  page["history"] = history;

  if (error != nullptr) {
    const std::string message = http::UserMessage(*error);
    nlohmann::json fields = nlohmann::json::array();
    for (const FieldError& f : error->fields) {
      if (f.message != message) fields.push_back({{"message", f.message}});
    }
    page["error"] = {{"message", message}, {"fields", fields}};
  }
  Result<std::string> html = RenderPage("petition_show", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

}  // namespace doithoai::web
