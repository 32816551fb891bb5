// ConferencePages, part 2: the JSON API, the file downloads (DOCX, PDF, WAV,
// ICS, XLSX) and the public conference page.
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/documents/docx_renderer.h"
#include "adapters/documents/pdf_renderer.h"
#include "adapters/http/form.h"
#include "adapters/json/conference_json.h"
#include "adapters/speech/espeak_speech.h"
#include "adapters/spreadsheets/budget_xlsx.h"
#include "adapters/web/conference_pages.h"
#include "adapters/web/conference_view.h"
#include "adapters/web/responses.h"
#include "core/conferences/ics.h"

namespace doithoai::web {

namespace {

// "ke-hoach.docx" → ("ke-hoach", "docx").
std::pair<std::string, std::string> SplitExtension(std::string_view file) {
  const size_t dot = file.rfind('.');
  if (dot == std::string_view::npos) return {std::string(file), ""};
  return {std::string(file.substr(0, dot)), std::string(file.substr(dot + 1))};
}

Error NotFound(std::string message) { return MakeError(ErrorCode::kNotFound, std::move(message)); }

}  // namespace

std::string ConferencePages::PublicUrl(const http::HttpRequest& request, const Commune& commune,
                                       ConferenceId id) {
  return ConferencePublicUrl(public_url_, request, commune, id);
}

std::string ConferencePages::StaffPath(const Commune& commune, ConferenceId id) {
  return "/quan-tri/" + commune.slug + "/hoi-nghi/" + std::to_string(id.value);
}

Result<ConferencePages::Target> ConferencePages::TargetFor(const http::HttpRequest& request,
                                                           const RequestContext& ctx,
                                                           CommuneAction action,
                                                           http::HttpResponse* denied) {
  ASSIGN_OR_RETURN(Commune commune, AuthorizedCommune(request, ctx, communes_, action, denied));
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return Deny(request, id.error(), denied);
  Result<Conference> conference = service_.Find(commune.id, ConferenceId{*id});
  if (!conference.ok()) return Deny(request, conference.error(), denied);
  return Target{std::move(commune), std::move(conference).value()};
}

http::HttpResponse ConferencePages::ListJson(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewConferences, &denied);
  if (!commune.ok()) return denied;
  Result<std::vector<Conference>> list = service_.List(commune->id);
  if (!list.ok()) return ErrorResponse(request, list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const Conference& c : *list) items.push_back(ConferenceSummaryJson(c));
  return JsonResponse(200, {{"conferences", items}});
}

http::HttpResponse ConferencePages::ShowJson(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  nlohmann::json body = ConferenceToJson(t->conference);
  Result<nlohmann::json> derived = ConferenceDerivedJson(service_, t->commune, t->conference);
  if (!derived.ok()) return ErrorResponse(request, derived.error());
  body["derived"] = std::move(derived).value();
  return JsonResponse(200, body);
}

http::HttpResponse ConferencePages::DocumentFile(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  auto [kind_code, ext] = SplitExtension(request.Param("file"));
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(kind_code);
  if (!kind.ok() || (ext != "docx" && ext != "pdf")) {
    return ErrorResponse(request,
                         NotFound("Không có văn bản này. Loại văn bản: ke-hoach, chuong-trinh, "
                                  "giay-moi, thong-bao, bien-ban, thong-bao-ket-qua, bao-cao; "
                                  "định dạng .docx hoặc .pdf."));
  }
  Result<std::vector<Document>> docs = service_.Render(
      t->commune.id, t->conference.id, *kind, PublicUrl(request, t->commune, t->conference.id));
  if (!docs.ok()) return ErrorResponse(request, docs.error());
  const std::string name =
      t->commune.slug + "-" + std::to_string(t->conference.year) + "-" + kind_code + "." + ext;
  if (ext == "docx") {
    Result<std::string> file = RenderDocx(*docs);
    if (!file.ok()) return ErrorResponse(request, file.error());
    return AttachmentResponse(
        std::move(file).value(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
  }
  Result<std::string> file = RenderPdf(*docs);
  if (!file.ok()) return ErrorResponse(request, file.error());
  return AttachmentResponse(std::move(file).value(), "application/pdf", name);
}

http::HttpResponse ConferencePages::NoticeAudio(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  Result<std::string> text = service_.SpeechText(t->commune.id, t->conference.id);
  if (!text.ok()) return ErrorResponse(request, text.error());
  Result<std::string> wav = speech::SynthesizeWav(*text);
  if (!wav.ok()) return ErrorResponse(request, wav.error());
  return AttachmentResponse(
      std::move(wav).value(), "audio/wav",
      t->commune.slug + "-" + std::to_string(t->conference.year) + "-thong-bao.wav");
}

http::HttpResponse ConferencePages::SessionCalendar(http::HttpRequest& request,
                                                    RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  auto [number, ext] = SplitExtension(request.Param("file"));
  const ConferenceSession* session = nullptr;
  if (ext == "ics" && !number.empty() && number.size() < 4 &&
      number.find_first_not_of("0123456789") == std::string::npos) {
    session = t->conference.FindSession(std::stoi(number));
  }
  if (session == nullptr) return ErrorResponse(request, NotFound("Không có phiên họp này."));
  std::string host(request.Header("host"));
  const size_t colon = host.find(':');
  if (colon != std::string::npos) host.resize(colon);
  if (host.empty()) host = "doithoai.local";
  std::string ics =
      SessionIcs(t->conference, *session, t->commune.PeoplesCommitteeName(), host, clock_.Now());
  http::HttpResponse r =
      AttachmentResponse(std::move(ics), "text/calendar; charset=utf-8",
                         t->commune.slug + "-" + std::to_string(t->conference.year) + "-phien-" +
                             std::to_string(session->number) + ".ics");
  return r;
}

http::HttpResponse ConferencePages::BudgetSheet(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  Result<std::string> xlsx = spreadsheets::RenderBudgetXlsx(t->conference, t->commune);
  if (!xlsx.ok()) return ErrorResponse(request, xlsx.error());
  return AttachmentResponse(
      std::move(xlsx).value(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      t->commune.slug + "-" + std::to_string(t->conference.year) + "-kinh-phi.xlsx");
}

// What the public may see: a plan once issued, or a conference recorded after
// the fact; never a draft.
static bool IsPublic(const Conference& c) {
  return c.state != ConferenceState::kDraftPlan || c.recorded_past;
}

http::HttpResponse ConferencePages::PublicList(http::HttpRequest& request, RequestContext&) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  Result<std::vector<Conference>> list = service_.List(commune->id);
  if (!list.ok()) return ErrorResponse(request, list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const Conference& c : *list) {
    if (!IsPublic(c)) continue;
    items.push_back({{"href", "/x/" + commune->slug + "/hoi-nghi/" + std::to_string(c.id.value)},
                     {"subject", c.subject},
                     {"date", FormatDdMmYyyy(c.FirstDate())},
                     {"cancelled", c.state == ConferenceState::kCancelled}});
  }
  const std::string committee = commune->PeoplesCommitteeName();
  return PageResponse(request, "conference_public_list",
                      {{"title", "Hội nghị đối thoại với Nhân dân"},
                       {"site_name", committee},
                       {"site_subtitle", "Tiếp xúc, đối thoại với Nhân dân"},
                       {"commune_slug", commune->slug},
                       {"committee_name", committee},
                       {"conferences", items},
                       {"has_conferences", !items.empty()}});
}

http::HttpResponse ConferencePages::PublicPage(http::HttpRequest& request, RequestContext& ctx) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  Result<int64_t> id = IdParam(request, "id");
  if (!id.ok()) return ErrorResponse(request, id.error());
  Result<Conference> c = service_.Find(commune->id, ConferenceId{*id});
  if (!c.ok()) return ErrorResponse(request, c.error());
  // A draft plan is internal; the public sees a conference once its plan is
  // issued (or when it is recorded after the fact).
  if (!IsPublic(*c)) {
    return ErrorResponse(request, NotFound("Không tìm thấy hội nghị."));
  }
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  nlohmann::json page = PublicConferencePage(*commune, *villages, *c);
  // Staff who scan an invitation's QR code get the check-in button.
  Result<http::FormData> query = http::ParseUrlEncoded(request.query);
  const std::string token = query.ok() ? query->Get("gm") : "";
  if (!token.empty() && CommunePermissions::Check(ctx.actor(), CommuneAction::kManageConferences,
                                                  commune->id) == Decision::kAllow) {
    for (const Invitee& i : c->invitees) {
      if (i.token == token) {
        page["checkin"] = {{"action", StaffPath(*commune, c->id) + "/diem-danh"},
                           {"token", token},
                           {"csrf", ctx.session->csrf_token},
                           {"name", i.name},
                           {"title", i.title},
                           {"checked_in", i.checked_in_at.has_value()}};
      }
    }
  }
  return PageResponse(request, "conference_public", page);
}

}  // namespace doithoai::web
