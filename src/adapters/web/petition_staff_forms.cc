// PetitionStaffPages, part 2: the desk form (walk-in citizens, letters,
// village-head lists — CONSUL's management desk), the import of a village
// head's CSV/XLSX list (all or nothing, row-by-row report), the petition
// settings and the workflow posts of the petition page. Each workflow post
// goes through ItemPost: authorize, read the item number, call
// PetitionService, redirect back; a refused step re-renders the page with
// the Vietnamese message, and nothing changed.
#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "adapters/http/error_to_status.h"
#include "adapters/import/petition_import.h"
#include "adapters/web/conference_form_fields.h"
#include "adapters/web/petition_staff_pages.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"

namespace doithoai::web {

namespace {

constexpr std::array<PetitionChannel, 5> kDeskChannels = {
    PetitionChannel::kWalkIn, PetitionChannel::kLetter, PetitionChannel::kVillageHead,
    PetitionChannel::kConference, PetitionChannel::kForwarded};

// The last path component of a browser-sent file name.
std::string BaseName(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

std::optional<int64_t> ParseId(const std::string& text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// The "fields" of an error as a template list, without repeating the main
// message.
nlohmann::json ErrorJson(const Error& error) {
  const std::string message = http::UserMessage(error);
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldError& f : error.fields) {
    if (f.message != message) fields.push_back({{"field", f.field}, {"message", f.message}});
  }
  return {{"message", message}, {"fields", fields}};
}

Result<std::optional<Date>> OptionalDate(const http::FormData& form, const std::string& field,
                                         const std::string& label) {
  if (Trim(form.Get(field)).empty()) return std::optional<Date>();
  ASSIGN_OR_RETURN(Date d, DateField(form, field, label));
  return std::optional<Date>(d);
}

}  // namespace

// ---- desk entry ----

std::string PetitionStaffPages::NewFormToken(const RequestContext& ctx) {
  // An idempotency key, not a secret: unique per rendered form.
  const int64_t ms = clock_.Now().time_since_epoch().count();
  const int64_t account = ctx.actor() != nullptr ? ctx.actor()->account_id.value : 0;
  return "quay-" + std::to_string(account) + "-" + std::to_string(ms) + "-" +
         std::to_string(form_counter_.fetch_add(1) + 1);
}

http::HttpResponse PetitionStaffPages::RenderDesk(const http::HttpRequest& request,
                                                  const RequestContext& ctx, const Commune& commune,
                                                  const http::FormData& values, int status,
                                                  const Error* error) {
  Result<Lookups> lookups = LoadLookups(commune.id);
  if (!lookups.ok()) return ErrorResponse(request, lookups.error());
  const bool village_head = IsVillageHead(ctx.actor());
  nlohmann::json page = PageBase(commune, ctx, "Tiếp nhận đơn, kiến nghị");
  const std::string channel = values.Has("channel") ? values.Get("channel") : "walk_in";
  nlohmann::json channels = nlohmann::json::array();
  for (PetitionChannel c : kDeskChannels) {
    channels.push_back({{"value", PetitionChannelCode(c)},
                        {"label", PetitionChannelLabel(c)},
                        {"selected", PetitionChannelCode(c) == channel}});
  }
  const std::string village = values.Get("village");
  nlohmann::json villages = nlohmann::json::array();
  for (const Village& v : lookups->villages) {
    if (village_head && (!ctx.actor()->village_id || v.id != *ctx.actor()->village_id)) continue;
    villages.push_back({{"value", v.id.value},
                        {"label", v.name},
                        {"selected", std::to_string(v.id.value) == village}});
  }
  const std::string petition_class = values.Has("class") ? values.Get("class") : "proposal";
  nlohmann::json classes = nlohmann::json::array();
  for (PetitionClass c : kAllPetitionClasses) {
    classes.push_back({{"value", PetitionClassCode(c)},
                       {"label", PetitionClassLabel(c)},
                       {"selected", PetitionClassCode(c) == petition_class}});
  }
  nlohmann::json fields = nlohmann::json::array();
  for (const PetitionField& f : lookups->settings.fields) {
    fields.push_back(
        {{"value", f.code}, {"label", f.label}, {"selected", f.code == values.Get("field")}});
  }
  nlohmann::json conferences = nlohmann::json::array();
  for (const Conference& c : lookups->conferences) {
    conferences.push_back({{"value", c.id.value},
                           {"label", std::to_string(c.year) + " – " + c.subject},
                           {"selected", std::to_string(c.id.value) == values.Get("conference")}});
  }
  page["village_head"] = village_head;
  page["channel_options"] = channels;
  page["village_options"] = villages;
  page["class_options"] = classes;
  page["field_options"] = fields;
  page["conference_options"] = conferences;
  page["has_conference_options"] = !conferences.empty();
  page["values"] = {{"received_on", values.Has("received_on") ? values.Get("received_on")
                                                              : service_.Today().ToIsoString()},
                    {"today", service_.Today().ToIsoString()},
                    {"name", values.Get("name")},
                    {"phone", values.Get("phone")},
                    {"address", values.Get("address")},
                    {"id_number", values.Get("id_number")},
                    {"text", values.Get("text")},
                    {"conference", values.Get("conference")},
                    {"session", values.Get("session")}};
  page["form_token"] =
      values.Get("form_token").empty() ? NewFormToken(ctx) : values.Get("form_token");
  page["max_attachments"] = kMaxAttachments;
  if (error != nullptr) page["error"] = ErrorJson(*error);
  Result<std::string> html = RenderPage("petition_new", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

http::HttpResponse PetitionStaffPages::DeskForm(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kEnterPetitions, &denied);
  if (!commune.ok()) return denied;
  http::FormData defaults;
  if (IsVillageHead(ctx.actor())) defaults.fields.emplace("channel", "village_head");
  return RenderDesk(request, ctx, *commune, defaults, 200, nullptr);
}

http::HttpResponse PetitionStaffPages::DeskSubmit(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kEnterPetitions, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  auto refuse = [&](const Error& e) {
    if (e.code == ErrorCode::kInvalidArgument) {
      return RenderDesk(request, ctx, *commune, form, 400, &e);
    }
    return ErrorResponse(request, e);
  };
  NewPetition input;
  Result<PetitionChannel> channel = ParsePetitionChannel(Trim(form.Get("channel")));
  if (!channel.ok()) return refuse(FieldInvalid("channel", "Vui lòng chọn hình thức tiếp nhận."));
  input.channel = *channel;
  if (input.channel == PetitionChannel::kOnline) {
    return refuse(FieldInvalid("channel", "Đơn trực tuyến do công dân tự gửi qua cổng công khai."));
  }
  input.name = Trim(form.Get("name"));
  input.phone = Trim(form.Get("phone"));
  input.address = Trim(form.Get("address"));
  input.village = Trim(form.Get("village"));
  input.id_number = Trim(form.Get("id_number"));
  if (IsVillageHead(ctx.actor())) {
    // A village head enters their own village's list.
    input.channel = PetitionChannel::kVillageHead;
    if (!ctx.actor()->village_id) {
      return ErrorResponse(request, MakeError(ErrorCode::kPermissionDenied,
                                              "Tài khoản trưởng thôn chưa được gắn với thôn nào."));
    }
    input.village = std::to_string(ctx.actor()->village_id->value);
  }
  NewPetitionItem item;
  item.text = form.Get("text");
  if (!Trim(form.Get("class")).empty()) {
    Result<PetitionClass> c = ParsePetitionClass(Trim(form.Get("class")));
    if (!c.ok()) return refuse(FieldInvalid("class", c.error().message));
    item.petition_class = *c;
  }
  item.field = Trim(form.Get("field"));
  input.items.push_back(std::move(item));
  Result<std::optional<Date>> received = OptionalDate(form, "received_on", "Ngày nhận đơn");
  if (!received.ok()) return refuse(received.error());
  input.received_on = *received;
  if (!Trim(form.Get("conference")).empty()) {
    std::optional<int64_t> id = ParseId(Trim(form.Get("conference")));
    if (!id) return refuse(FieldInvalid("conference", "Hội nghị không hợp lệ."));
    input.conference_id = ConferenceId{*id};
    if (!Trim(form.Get("session")).empty()) {
      Result<int64_t> session = IntField(form, "session", 1, 99, "Phiên");
      if (!session.ok()) return refuse(session.error());
      input.session_number = static_cast<int>(*session);
    }
  }
  input.form_token = Trim(form.Get("form_token"));
  for (const http::UploadedFile& file : form.files) {
    if (file.field != "attachments" || file.data.empty()) continue;
    input.attachments.push_back(NewAttachment{BaseName(file.filename), file.data});
  }
  Result<CreatedPetition> created =
      service_.Submit(*commune, input, AuditContextFor(request, ctx, commune->id, clock_));
  if (!created.ok()) return refuse(created.error());
  if (!VisibleTo(ctx.actor(), created->petition)) {
    // A village head's tố cáo is sealed and leaves their view (CONF-02).
    return Redirect(ListPath(*commune) + "?ket-qua=" +
                    http::UrlEncode("Đã tiếp nhận đơn " + created->petition.code + "."));
  }
  return Redirect(PetitionPath(*commune, created->petition.id));
}

// ---- import ----

http::HttpResponse PetitionStaffPages::RenderImport(const http::HttpRequest& request,
                                                    const RequestContext& ctx,
                                                    const Commune& commune, int status,
                                                    nlohmann::json report) {
  nlohmann::json page = PageBase(commune, ctx, "Nhập danh sách đơn từ tệp");
  page["report"] = std::move(report);
  page["village_head"] = IsVillageHead(ctx.actor());
  Result<std::string> html = RenderPage("petition_import", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

http::HttpResponse PetitionStaffPages::ImportForm(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kEnterPetitions, &denied);
  if (!commune.ok()) return denied;
  return RenderImport(request, ctx, *commune, 200, nullptr);
}

http::HttpResponse PetitionStaffPages::Import(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kEnterPetitions, &denied);
  if (!commune.ok()) return denied;
  const http::UploadedFile* file = ctx.form ? ctx.form->File("file") : nullptr;
  auto failed = [&](const std::string& message, nlohmann::json rows) {
    nlohmann::json report = {{"ok", false},
                             {"message", message},
                             {"file_name", file != nullptr ? BaseName(file->filename) : ""},
                             {"rows", rows},
                             {"has_rows", !rows.empty()},
                             {"row_count", static_cast<int64_t>(rows.size())}};
    return RenderImport(request, ctx, *commune, 400, report);
  };
  if (file == nullptr || file->data.empty()) {
    return failed("Vui lòng chọn tệp danh sách (.xlsx hoặc .csv).", nlohmann::json::array());
  }
  Result<import::PetitionImportFile> read =
      import::ReadPetitionImport(BaseName(file->filename), file->data);
  if (!read.ok()) {
    nlohmann::json rows = nlohmann::json::array();
    for (const FieldError& f : read.error().fields) {
      if (f.message != read.error().message) rows.push_back({{"line", ""}, {"message", f.message}});
    }
    return failed(http::UserMessage(read.error()), rows);
  }
  std::vector<NewPetition> inputs;
  std::vector<int> lines;
  for (import::PetitionImportRow& row : read->rows) {
    NewPetition input = row.petition;
    if (IsVillageHead(ctx.actor())) {
      input.channel = PetitionChannel::kVillageHead;
      input.village = ctx.actor()->village_id ? std::to_string(ctx.actor()->village_id->value)
                                              : std::string("-");
    }
    inputs.push_back(std::move(input));
    lines.push_back(row.line);
  }
  // Every problem of the file at once: the reader's, then the service's
  // checks of the rows the reader accepted (nothing is stored on either).
  std::vector<std::pair<int, std::string>> problems;
  for (const import::PetitionImportProblem& p : read->problems) {
    problems.emplace_back(p.line, p.message);
  }
  const AuditContext audit = AuditContextFor(request, ctx, commune->id, clock_);
  std::string summary;
  if (problems.empty()) {
    Result<std::vector<Petition>> stored = service_.SubmitMany(*commune, inputs, lines, audit);
    if (stored.ok()) {
      nlohmann::json codes = nlohmann::json::array();
      for (const Petition& p : *stored) {
        codes.push_back({{"code", p.code},
                         {"href", VisibleTo(ctx.actor(), p) ? PetitionPath(*commune, p.id) : ""}});
      }
      return RenderImport(request, ctx, *commune, 200,
                          {{"ok", true},
                           {"message", "Đã nhập " + std::to_string(stored->size()) + " đơn."},
                           {"codes", codes}});
    }
    if (stored.error().code != ErrorCode::kInvalidArgument) {
      return ErrorResponse(request, stored.error());
    }
    summary = http::UserMessage(stored.error());
    for (const FieldError& f : stored.error().fields) {
      std::optional<int64_t> line;
      if (f.field.rfind("row", 0) == 0) line = ParseId(f.field.substr(3));
      problems.emplace_back(line ? static_cast<int>(*line) : 0, f.message);
    }
  } else {
    Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
    if (!villages.ok()) return ErrorResponse(request, villages.error());
    Result<std::vector<PetitionField>> fields = service_.Fields(commune->id);
    if (!fields.ok()) return ErrorResponse(request, fields.error());
    for (size_t i = 0; i < inputs.size(); ++i) {
      Result<Petition> checked = service_.Prepare(*commune, inputs[i], *villages, *fields);
      if (checked.ok()) continue;
      std::string message = "Dòng " + std::to_string(lines[i]) + ": ";
      if (checked.error().fields.empty()) {
        message += checked.error().message;
      } else {
        for (size_t f = 0; f < checked.error().fields.size(); ++f) {
          message += (f > 0 ? " " : "") + checked.error().fields[f].message;
        }
      }
      problems.emplace_back(lines[i], message);
    }
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [line, message] : problems) {
    rows.push_back({{"line", line > 0 ? std::to_string(line) : ""}, {"message", message}});
  }
  if (summary.empty() || !read->problems.empty()) {
    summary = "Không nhập đơn nào: " + std::to_string(problems.size()) +
              " lỗi trong tệp. Sửa các dòng dưới đây rồi nhập lại cả tệp.";
  }
  return failed(summary, rows);
}

// ---- settings ----

http::HttpResponse PetitionStaffPages::RenderSettings(const http::HttpRequest& request,
                                                      const RequestContext& ctx,
                                                      const Commune& commune,
                                                      const PetitionSettings& settings,
                                                      const std::string& fields_text, int status,
                                                      const Error* error, bool saved) {
  nlohmann::json page = PageBase(commune, ctx, "Cài đặt tiếp nhận kiến nghị");
  page["fields_text"] = fields_text;
  page["due_soon_days"] = settings.due_soon_days;
  page["reopen"] = settings.dissatisfied_action == DissatisfiedAction::kReopen;
  page["escalate"] = settings.dissatisfied_action == DissatisfiedAction::kEscalate;
  page["saved"] = saved;
  if (error != nullptr) page["error"] = ErrorJson(*error);
  Result<std::string> html = RenderPage("petition_settings", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

http::HttpResponse PetitionStaffPages::SettingsForm(http::HttpRequest& request,
                                                    RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManagePetitionSettings, &denied);
  if (!commune.ok()) return denied;
  Result<PetitionSettings> settings = service_.Settings(commune->id);
  if (!settings.ok()) return ErrorResponse(request, settings.error());
  std::string text;
  for (const PetitionField& f : settings->fields) text += f.code + " | " + f.label + "\n";
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  const bool saved = params.ok() && params->Get("da-luu") == "1";
  return RenderSettings(request, ctx, *commune, *settings, text, 200, nullptr, saved);
}

http::HttpResponse PetitionStaffPages::SaveSettings(http::HttpRequest& request,
                                                    RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManagePetitionSettings, &denied);
  if (!commune.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  const std::string text = form.Get("fields");
  PetitionSettings settings;
  auto refuse = [&](const Error& e) {
    if (e.code != ErrorCode::kInvalidArgument) return ErrorResponse(request, e);
    return RenderSettings(request, ctx, *commune, settings, text, 400, &e, false);
  };
  Result<int64_t> days = IntField(form, "due_soon_days", 0, 30, "Số ngày báo sắp đến hạn");
  if (!days.ok()) return refuse(days.error());
  settings.due_soon_days = static_cast<int>(*days);
  Result<DissatisfiedAction> action =
      ParseDissatisfiedAction(Trim(form.Get("dissatisfied_action")));
  if (!action.ok()) return refuse(action.error());
  settings.dissatisfied_action = *action;
  int line_number = 0;
  for (const std::string& line : Lines(text)) {
    ++line_number;
    const size_t bar = line.find('|');
    if (bar == std::string::npos) {
      return refuse(FieldInvalid("fields", "Lĩnh vực, dòng " + std::to_string(line_number) +
                                               ": cần dạng \"mã | tên lĩnh vực\"."));
    }
    settings.fields.push_back(PetitionField{Trim(line.substr(0, bar)), Trim(line.substr(bar + 1))});
  }
  if (settings.fields.empty()) {
    return refuse(FieldInvalid("fields", "Cần ít nhất một lĩnh vực."));
  }
  Status saved = service_.SaveSettings(commune->id, settings,
                                       AuditContextFor(request, ctx, commune->id, clock_));
  if (!saved.ok()) return refuse(saved.error());
  return Redirect(ListPath(*commune) + "/cai-dat?da-luu=1");
}

// ---- workflow posts ----

http::HttpResponse PetitionStaffPages::ItemPost(http::HttpRequest& request, RequestContext& ctx,
                                                const ItemAction& act) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kHandlePetitions, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<Petition> done = [&]() -> Result<Petition> {
    ASSIGN_OR_RETURN(int64_t item, IntField(form, "item", 1, kMaxPetitionItems, "Nội dung số"));
    return act(*t, form, static_cast<int>(item),
               AuditContextFor(request, ctx, t->commune.id, clock_));
  }();
  if (!done.ok()) {
    const ErrorCode code = done.error().code;
    if (code != ErrorCode::kInvalidArgument && code != ErrorCode::kFailedPrecondition) {
      return ErrorResponse(request, done.error());
    }
    // The page as it is now (another user's change included), with the message.
    Result<Petition> current = service_.Find(t->commune.id, t->petition.id);
    return RenderShow(request, ctx, t->commune, current.ok() ? *current : t->petition,
                      http::HttpStatusFor(code), &done.error(), std::nullopt);
  }
  return Redirect(PetitionPath(t->commune, t->petition.id) + "#noi-dung-" + form.Get("item"));
}

namespace {

Result<std::optional<int64_t>> FormVersion(const http::FormData& form) {
  if (Trim(form.Get("version")).empty()) return std::optional<int64_t>();
  ASSIGN_OR_RETURN(int64_t v, IntField(form, "version", 0, INT64_MAX, "Phiên bản"));
  return std::optional<int64_t>(v);
}

}  // namespace

http::HttpResponse PetitionStaffPages::Classify(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData& form, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    ASSIGN_OR_RETURN(std::optional<int64_t> version, FormVersion(form));
                    ASSIGN_OR_RETURN(PetitionClass c, ParsePetitionClass(Trim(form.Get("class"))));
                    return service_.Classify(t.commune.id, t.petition.id, version, item, c,
                                             Trim(form.Get("field")), Trim(form.Get("reason")),
                                             audit);
                  });
}

http::HttpResponse PetitionStaffPages::Assign(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData& form, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    ASSIGN_OR_RETURN(std::optional<int64_t> version, FormVersion(form));
                    std::optional<int64_t> unit = ParseId(Trim(form.Get("unit")));
                    if (!unit) return FieldInvalid("unit", "Vui lòng chọn bộ phận được giao.");
                    std::optional<OfficialId> official;
                    if (!Trim(form.Get("official")).empty()) {
                      std::optional<int64_t> id = ParseId(Trim(form.Get("official")));
                      if (!id) return FieldInvalid("official", "Cán bộ không hợp lệ.");
                      official = OfficialId{*id};
                    }
                    ASSIGN_OR_RETURN(std::optional<Date> target,
                                     OptionalDate(form, "internal_target", "Hạn nội bộ"));
                    return service_.Assign(t.commune.id, t.petition.id, version, {item},
                                           UnitId{*unit}, official, target, audit);
                  });
}

http::HttpResponse PetitionStaffPages::Start(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData&, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    return service_.StartWork(t.commune.id, t.petition.id, item, audit);
                  });
}

http::HttpResponse PetitionStaffPages::MarkComplex(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData& form, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    return service_.MarkComplex(t.commune.id, t.petition.id, item,
                                                Trim(form.Get("reason")),
                                                Trim(form.Get("approver")), audit);
                  });
}

http::HttpResponse PetitionStaffPages::Extend(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(
      request, ctx,
      [this](const Target& t, const http::FormData& form, int item,
             const AuditContext& audit) -> Result<Petition> {
        ASSIGN_OR_RETURN(int64_t days, IntField(form, "days", 1, 90, "Số ngày gia hạn"));
        return service_.Extend(t.commune.id, t.petition.id, item, static_cast<int>(days),
                               Trim(form.Get("reason")), Trim(form.Get("approver")), audit);
      });
}

http::HttpResponse PetitionStaffPages::Answer(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(
      request, ctx,
      [this, &ctx](const Target& t, const http::FormData& form, int item,
                   const AuditContext& audit) -> Result<Petition> {
        std::optional<NewAttachment> document;
        if (const http::UploadedFile* f = form.File("document"); f != nullptr && !f->data.empty()) {
          document = NewAttachment{BaseName(f->filename), f->data};
        }
        return service_.Answer(t.commune.id, t.petition.id, item, form.Get("text"),
                               form.Get("publish") == "1", document,
                               ctx.actor() != nullptr ? ctx.actor()->username : "", audit);
      });
}

http::HttpResponse PetitionStaffPages::Notify(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData&, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    return service_.MarkNotified(t.commune.id, t.petition.id, item, audit);
                  });
}

http::HttpResponse PetitionStaffPages::Close(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData&, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    return service_.Close(t.commune.id, t.petition.id, item, audit);
                  });
}

http::HttpResponse PetitionStaffPages::Forward(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData& form, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    return service_.Forward(t.commune.id, t.petition.id, item,
                                            Trim(form.Get("body")), audit);
                  });
}

http::HttpResponse PetitionStaffPages::File(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData& form, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    ASSIGN_OR_RETURN(FilingReason reason,
                                     ParseFilingReason(Trim(form.Get("reason"))));
                    return service_.File(t.commune.id, t.petition.id, item, reason,
                                         Trim(form.Get("note")), audit);
                  });
}

http::HttpResponse PetitionStaffPages::Reopen(http::HttpRequest& request, RequestContext& ctx) {
  return ItemPost(request, ctx,
                  [this](const Target& t, const http::FormData& form, int item,
                         const AuditContext& audit) -> Result<Petition> {
                    return service_.Reopen(t.commune.id, t.petition.id, item,
                                           Trim(form.Get("reason")), audit);
                  });
}

}  // namespace doithoai::web
