// PetitionStaffPages, part 2: the petition page, the audited identity read
// (CONF-01) and the downloads: attachments and the XLSX export of a list.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/error_to_status.h"
#include "adapters/spreadsheets/petition_xlsx.h"
#include "adapters/web/conference_form_fields.h"
#include "adapters/web/petition_staff_pages.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/petitions/similarity.h"

namespace doithoai::web {

namespace {

constexpr int kMaxExportRows = 10000;

constexpr std::array<FilingReason, 7> kFilingReasons = {FilingReason::kNoNameOrAddress,
                                                        FilingReason::kNotSigned,
                                                        FilingReason::kAlreadyGuided,
                                                        FilingReason::kDuplicate,
                                                        FilingReason::kAlreadyResolved,
                                                        FilingReason::kWithdrawn,
                                                        FilingReason::kOther};

std::string StatusLabelOfCode(const std::string& code) {
  Result<ItemStatus> status = ParseItemStatus(code);
  return status.ok() ? std::string(ItemStatusLabel(*status)) : code;
}

}  // namespace

// ---- the XLSX export ----

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

// ---- the petition page ----

nlohmann::json PetitionStaffPages::SuggestionView(const PetitionSuggestions& suggested,
                                                  const PetitionItem& item, int64_t version) {
  auto percent = [](double score) { return std::to_string(static_cast<int>(score * 100 + 0.5)); };
  auto because = [](const Suggestion& s) {
    std::string words;
    for (const std::string& w : s.because) words += (words.empty() ? "" : ", ") + w;
    return words;
  };
  nlohmann::json fields = nlohmann::json::array();
  for (const Suggestion& f : suggested.fields) {
    fields.push_back({{"value", f.key},
                      {"label", f.label},
                      {"percent", percent(f.score)},
                      {"because", because(f)},
                      {"current", f.key == item.field},
                      {"class", PetitionClassCode(item.petition_class)},
                      {"version", version}});
  }
  nlohmann::json units = nlohmann::json::array();
  for (const Suggestion& u : suggested.units) {
    units.push_back({{"value", u.key},
                     {"label", u.label},
                     {"percent", percent(u.score)},
                     {"because", because(u)},
                     {"current", item.unit_id && std::to_string(item.unit_id->value) == u.key},
                     {"version", version}});
  }
  return {{"fields", fields},
          {"units", units},
          {"has_fields", !fields.empty()},
          {"has_units", !units.empty()}};
}

Result<nlohmann::json> PetitionStaffPages::GroupingView(const Commune& commune, const Petition& p,
                                                        bool can_handle) {
  ASSIGN_OR_RETURN(std::optional<CaseId> in_case, cases_->CaseOf(commune.id, p.id));
  ASSIGN_OR_RETURN(std::vector<SimilarPetition> similar, insight_->Similar(p, 8));
  const std::string cases_base = "/quan-tri/" + commune.slug + "/vu-viec";
  nlohmann::json rows = nlohmann::json::array();
  for (const SimilarPetition& s : similar) {
    rows.push_back(
        {{"code", s.code},
         {"href", PetitionPath(commune, s.id)},
         {"percent", std::to_string(static_cast<int>(s.score * 100 + 0.5))},
         {"status_label", StatusLabelOfCode(s.status_code)},
         {"likely_duplicate", s.score >= kDuplicateThreshold},
         {"case_href", s.case_id ? cases_base + "/" + std::to_string(s.case_id->value) : ""},
         {"join_action", s.case_id && !in_case
                             ? cases_base + "/" + std::to_string(s.case_id->value) + "/them"
                             : ""}});
  }
  nlohmann::json view = {{"similar", rows},
                         {"this_code", p.code},
                         {"has_similar", !rows.empty()},
                         {"cases_base", cases_base},
                         {"can_group", can_handle && !in_case && !rows.empty()},
                         {"can_join", can_handle && !in_case}};
  if (in_case) {
    view["case_href"] = cases_base + "/" + std::to_string(in_case->value);
  }
  return view;
}

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
    // Issue #6 §2: the suggested field and unit, each with the words that
    // triggered it; one click confirms (the classify / assign forms).
    if (insight_ != nullptr && can_handle && IsOpen(s)) {
      Result<PetitionSuggestions> suggested = insight_->Suggest(p, item.number);
      if (suggested.ok()) {
        j["suggestions"] = SuggestionView(*suggested, item, p.version);
      }
    }
    items.push_back(std::move(j));
  }
  page["items"] = items;
  page["can_handle"] = can_handle;
  if (insight_ != nullptr && cases_ != nullptr) {
    Result<nlohmann::json> grouping = GroupingView(commune, p, can_handle);
    if (!grouping.ok()) return ErrorResponse(request, grouping.error());
    page["grouping"] = std::move(grouping).value();
  }

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
