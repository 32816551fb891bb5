// Outbox and notification settings pages (see notification_pages.h).
#include "adapters/web/notification_pages.h"

#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/error_to_status.h"
#include "adapters/http/form.h"
#include "adapters/web/conference_form_fields.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/petitions/petition_intake.h"

namespace doithoai::web {

namespace {

constexpr int kPerPage = 50;
constexpr DeliveryState kStates[] = {DeliveryState::kQueued, DeliveryState::kSent,
                                     DeliveryState::kRetrying, DeliveryState::kFailed,
                                     DeliveryState::kWithheld};

nlohmann::json PageBase(const Commune& commune, const RequestContext& ctx,
                        const std::string& title) {
  const std::string committee = commune.PeoplesCommitteeName();
  return {{"title", title},
          {"site_name", committee},
          {"site_subtitle", "Trang quản trị"},
          {"committee_name", committee},
          {"slug", commune.slug},
          {"base", "/quan-tri/" + commune.slug + "/thong-bao"},
          {"petitions_base", "/quan-tri/" + commune.slug + "/kien-nghi"},
          {"csrf", ctx.session ? ctx.session->csrf_token : ""}};
}

std::string RecipientKindLabel(const std::string& kind) {
  if (kind == "citizen") return "Công dân";
  if (kind == "chairman") return "Chủ tịch UBND";
  return "Cán bộ";
}

bool ParseInt(const std::string& text, int64_t& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

void NotificationPages::Register(Site& site) {
  auto add = [this, &site](
                 const char* method, const std::string& pattern,
                 http::HttpResponse (NotificationPages::*fn)(http::HttpRequest&, RequestContext&)) {
    site.Add(method, pattern, Access::kSignedIn,
             [this, fn](http::HttpRequest& r, RequestContext& c) { return (this->*fn)(r, c); });
  };
  add("GET", "/quan-tri/{slug}/thong-bao", &NotificationPages::Outbox);
  add("GET", "/quan-tri/{slug}/thong-bao/cai-dat", &NotificationPages::SettingsForm);
  add("POST", "/quan-tri/{slug}/thong-bao/cai-dat", &NotificationPages::SaveSettings);
}

http::HttpResponse NotificationPages::Outbox(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kHandlePetitions, &denied);
  if (!commune.ok()) return denied;
  Result<http::FormData> params = http::ParseUrlEncoded(request.query);
  if (!params.ok()) return ErrorResponse(request, params.error());
  OutboxRepository::Query query;
  const std::string state = Trim(params->Get("state"));
  if (!state.empty()) {
    Result<DeliveryState> parsed = ParseDeliveryState(state);
    if (!parsed.ok()) return ErrorResponse(request, parsed.error());
    query.state = *parsed;
  }
  query.petition_code = Trim(params->Get("code"));
  int64_t page_number = 1;
  if (!params->Get("page").empty() &&
      (!ParseInt(params->Get("page"), page_number) || page_number < 1 || page_number > 100000)) {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidArgument, "Số trang không hợp lệ"));
  }
  query.offset = static_cast<int>((page_number - 1) * kPerPage);
  query.limit = kPerPage;
  Result<OutboxRepository::Page> page = service_.Sent(commune->id, query);
  if (!page.ok()) return ErrorResponse(request, page.error());
  nlohmann::json rows = nlohmann::json::array();
  for (const OutboxMessage& m : page->items) {
    rows.push_back(
        {{"created", FormatVietnamTime(m.created_at)},
         {"sent", m.state == DeliveryState::kSent ? FormatVietnamTime(m.sent_at) : ""},
         {"event_label", FindEvent(m.event) ? std::string(FindEvent(m.event)->label) : m.event},
         {"recipient_kind", RecipientKindLabel(m.recipient_kind)},
         {"recipient_name", m.recipient_name},
         {"address", m.address},
         {"channel", MessageChannelCode(m.channel)},
         {"code", m.petition_code},
         {"subject", m.subject},
         {"body", m.body},
         {"state", DeliveryStateCode(m.state)},
         {"state_label", DeliveryStateLabel(m.state)},
         {"problem", m.state == DeliveryState::kFailed || m.state == DeliveryState::kRetrying},
         {"attempts", m.attempts},
         {"last_error", m.last_error},
         {"transport", m.transport}});
  }
  nlohmann::json state_options = nlohmann::json::array();
  for (DeliveryState s : kStates) {
    state_options.push_back({{"value", DeliveryStateCode(s)},
                             {"label", DeliveryStateLabel(s)},
                             {"selected", query.state == s}});
  }
  const int64_t pages = (page->total + kPerPage - 1) / kPerPage;
  nlohmann::json page_json = PageBase(*commune, ctx, "Tin đã gửi");
  page_json["rows"] = rows;
  page_json["has_rows"] = !rows.empty();
  page_json["total"] = page->total;
  page_json["state_options"] = state_options;
  page_json["code"] = query.petition_code;
  page_json["can_settings"] =
      CommunePermissions::Check(ctx.actor(), CommuneAction::kManagePetitionSettings, commune->id) ==
      Decision::kAllow;
  if (pages > 1) {
    const std::string filter = "state=" + http::UrlEncode(state) +
                               "&code=" + http::UrlEncode(query.petition_code) + "&page=";
    page_json["pager"] = {
        {"page", page_number},
        {"pages", pages},
        {"prev_href", page_number > 1 ? "?" + filter + std::to_string(page_number - 1) : ""},
        {"next_href", page_number < pages ? "?" + filter + std::to_string(page_number + 1) : ""}};
  }
  Result<std::string> html = RenderPage("outbox", page_json);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(200, std::move(html).value());
}

// The phone (normalised when it parses; a bad one stays for the validator
// to name), e-mail and channel of the contact row with suffix `id`.
void ContactFromForm(const http::FormData& form, const std::string& suffix, std::string& phone,
                     std::string& email, MessageChannel& channel) {
  phone = Trim(form.Get("phone_" + suffix));
  email = Trim(form.Get("email_" + suffix));
  if (!phone.empty()) {
    Result<std::string> normalized = NormalizePhone(phone);
    if (normalized.ok()) phone = *normalized;
  }
  Result<MessageChannel> parsed = ParseMessageChannel(form.Get("channel_" + suffix));
  channel = parsed.ok() ? *parsed : MessageChannel::kSms;
}

Result<NotificationSettings> SettingsFromForm(const http::FormData& form,
                                              const std::vector<Official>& officials,
                                              const std::vector<Village>& villages) {
  NotificationSettings s;
  std::vector<FieldError> errors;
  for (const Official& o : officials) {
    OfficialContact c;
    c.official_id = o.id;
    ContactFromForm(form, std::to_string(o.id.value), c.phone, c.email, c.channel);
    if (!c.phone.empty() || !c.email.empty()) s.contacts.push_back(c);
  }
  for (const Village& v : villages) {
    const std::string suffix = "thon_" + std::to_string(v.id.value);
    VillageHeadContact c;
    c.village_id = v.id;
    c.name = Trim(form.Get("name_" + suffix));
    ContactFromForm(form, suffix, c.phone, c.email, c.channel);
    if (!c.name.empty() || !c.phone.empty() || !c.email.empty()) s.village_heads.push_back(c);
  }
  const std::string chairman = Trim(form.Get("chairman"));
  if (!chairman.empty()) {
    int64_t id = 0;
    bool known = ParseInt(chairman, id);
    bool found = false;
    for (const Official& o : officials) found = found || (known && o.id.value == id);
    if (!found) {
      errors.push_back({"chairman", "Chọn Chủ tịch trong danh sách cán bộ"});
    } else {
      s.chairman_id = OfficialId{id};
    }
  }
  auto number = [&](const char* field, int& out, const char* label) {
    int64_t v = 0;
    if (!ParseInt(Trim(form.Get(field)), v) || v < -1000 || v > 1000) {
      errors.push_back({field, std::string(label) + " phải là một số"});
      return;
    }
    out = static_cast<int>(v);
  };
  number("escalate_after_days", s.escalate_after_days, "Số ngày quá hạn trước khi báo Chủ tịch");
  number("rate_request_after_days", s.rate_request_after_days, "Số ngày trước khi mời đánh giá");
  s.notify_citizen_on_assign = form.Has("notify_citizen_on_assign");
  for (const EventInfo& e : NotificationEvents()) {
    const std::string key(e.event);
    MessageTemplate t{key, Trim(form.Get("subject_" + key)), Trim(form.Get("body_" + key))};
    // CRLF from browsers: store "\n".
    std::string body;
    for (char c : t.body) {
      if (c != '\r') body += c;
    }
    t.body = body;
    const MessageTemplate builtin = DefaultTemplate(key);
    if (t.body.empty() && t.subject.empty()) continue;  // keep the built-in one
    if (t.subject == builtin.subject && t.body == builtin.body) continue;
    s.templates.push_back(std::move(t));
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidArgument, errors.front().message, errors};
  return s;
}

http::HttpResponse NotificationPages::RenderSettings(const http::HttpRequest& request,
                                                     const RequestContext& ctx,
                                                     const Commune& commune,
                                                     const NotificationSettings& settings,
                                                     int status, const Error* error, bool saved) {
  Result<std::vector<Official>> officials = communes_.ListOfficials(commune.id);
  if (!officials.ok()) return ErrorResponse(request, officials.error());
  const std::optional<OfficialId> chairman = ChairmanOf(*officials, settings.chairman_id);
  nlohmann::json contacts = nlohmann::json::array();
  nlohmann::json chairman_options = nlohmann::json::array();
  for (const Official& o : *officials) {
    const OfficialContact* c = settings.ContactOf(o.id);
    const MessageChannel channel = c ? c->channel : MessageChannel::kSms;
    contacts.push_back({{"id", o.id.value},
                        {"name", o.full_name},
                        {"position", o.position},
                        {"phone", c ? c->phone : ""},
                        {"email", c ? c->email : ""},
                        {"sms", channel == MessageChannel::kSms},
                        {"zalo", channel == MessageChannel::kZalo},
                        {"email_channel", channel == MessageChannel::kEmail}});
    chairman_options.push_back(
        {{"value", o.id.value},
         {"label", o.full_name + (o.position.empty() ? "" : " – " + o.position)},
         {"selected", chairman == o.id}});
  }
  Result<std::vector<Village>> villages = communes_.ListVillages(commune.id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  nlohmann::json heads = nlohmann::json::array();
  for (const Village& v : *villages) {
    const VillageHeadContact* c = settings.VillageHeadOf(v.id);
    const MessageChannel channel = c ? c->channel : MessageChannel::kSms;
    heads.push_back({{"id", "thon_" + std::to_string(v.id.value)},
                     {"village", v.name},
                     {"name", c ? c->name : ""},
                     {"phone", c ? c->phone : ""},
                     {"email", c ? c->email : ""},
                     {"sms", channel == MessageChannel::kSms},
                     {"zalo", channel == MessageChannel::kZalo},
                     {"email_channel", channel == MessageChannel::kEmail}});
  }
  nlohmann::json templates = nlohmann::json::array();
  for (const EventInfo& e : NotificationEvents()) {
    const MessageTemplate t = settings.TemplateFor(e.event);
    std::string placeholders;
    for (std::string_view p : e.placeholders) {
      placeholders += (placeholders.empty() ? "{" : ", {") + std::string(p) + "}";
    }
    templates.push_back({{"event", e.event},
                         {"label", e.label},
                         {"subject", t.subject},
                         {"body", t.body},
                         {"placeholders", placeholders}});
  }
  nlohmann::json page = PageBase(commune, ctx, "Cài đặt thông báo");
  page["contacts"] = contacts;
  page["village_heads"] = heads;
  page["chairman_options"] = chairman_options;
  page["escalate_after_days"] = settings.escalate_after_days;
  page["rate_request_after_days"] = settings.rate_request_after_days;
  page["notify_citizen_on_assign"] = settings.notify_citizen_on_assign;
  page["templates"] = templates;
  page["saved"] = saved;
  if (error != nullptr) {
    nlohmann::json fields = nlohmann::json::array();
    for (const FieldError& f : error->fields) fields.push_back({{"message", f.message}});
    page["error"] = {{"message", http::UserMessage(*error)}, {"fields", fields}};
  }
  Result<std::string> html = RenderPage("notification_settings", page);
  if (!html.ok()) return ErrorResponse(request, html.error());
  return HtmlResponse(status, std::move(html).value());
}

http::HttpResponse NotificationPages::SettingsForm(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManagePetitionSettings, &denied);
  if (!commune.ok()) return denied;
  Result<NotificationSettings> settings = service_.Settings(commune->id);
  if (!settings.ok()) return ErrorResponse(request, settings.error());
  return RenderSettings(request, ctx, *commune, *settings, 200, nullptr, false);
}

http::HttpResponse NotificationPages::SaveSettings(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManagePetitionSettings, &denied);
  if (!commune.ok()) return denied;
  Result<std::vector<Official>> officials = communes_.ListOfficials(commune->id);
  if (!officials.ok()) return ErrorResponse(request, officials.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<NotificationSettings> settings = SettingsFromForm(form, *officials, *villages);
  Status saved = settings.ok()
                     ? service_.SaveSettings(commune->id, *settings,
                                             AuditContextFor(request, ctx, commune->id, clock_))
                     : Status(settings.error());
  if (!saved.ok()) {
    // Re-render what was typed, with the reasons; nothing was saved.
    NotificationSettings typed = settings.ok() ? *settings : NotificationSettings{};
    if (!settings.ok()) {
      Result<NotificationSettings> current = service_.Settings(commune->id);
      if (current.ok()) typed = *current;
    }
    return RenderSettings(request, ctx, *commune, typed, http::HttpStatusFor(saved.error().code),
                          &saved.error(), false);
  }
  return RenderSettings(request, ctx, *commune, *settings, 200, nullptr, true);
}

}  // namespace doithoai::web
