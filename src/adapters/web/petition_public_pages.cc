// PetitionPublicPages: the citizen's side of issue #5 — the public form, the
// receipt, tracking by code (and by code + phone for the detail), rating an
// answer, and the public list of published answers. Personal data never
// reaches these pages (CONF-01/02): they are built from PublicPetitionView
// through PublicViewJson only. The phone number travels in POST bodies only,
// never in a URL (URLs end up in access logs).
#include "adapters/web/petition_public_pages.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/error_to_status.h"
#include "adapters/http/form.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::web {

namespace {

constexpr char kRateLimitMessage[] =
    "Bạn đã gửi quá nhiều lần trong một phút; vui lòng thử lại sau.";
constexpr char kBadTokenMessage[] =
    "Biểu mẫu không hợp lệ hoặc đã cũ. Vui lòng tải lại trang rồi gửi lại.";
constexpr int kAnswersPerPage = 20;

// The form inputs that show their own error message; errors on any other
// field are listed at the top of the form.
const std::set<std::string>& FormFields() {
  static const std::set<std::string> fields = {"name", "phone", "village",    "address",
                                               "text", "class", "attachments"};
  return fields;
}

// "C:\\fakepath\\anh.jpg" or "a/b/anh.jpg" → "anh.jpg".
std::string BaseName(std::string_view path) {
  const size_t cut = path.find_last_of("/\\");
  return std::string(cut == std::string_view::npos ? path : path.substr(cut + 1));
}

// The layout fields of a commune's public page.
nlohmann::json CommunePage(const Commune& commune, const std::string& title) {
  const std::string committee = commune.PeoplesCommitteeName();
  return {{"title", title},
          {"site_name", committee},
          {"site_subtitle", "Tiếp nhận kiến nghị, phản ánh của Nhân dân"},
          {"commune_slug", commune.slug},
          {"committee_name", committee}};
}

// The classes a citizen may pick, with one plain sentence each (domain.md
// §2.2 decision table, CLS-01..03); "" = let the commune classify.
struct ClassChoice {
  const char* code;
  const char* label;
  const char* explanation;
};
constexpr ClassChoice kClassChoices[] = {
    {"proposal", "Kiến nghị",
     "Đề xuất với chính quyền về chính sách, quản lý, đời sống chung của thôn xóm."},
    {"report", "Phản ánh",
     "Báo cho chính quyền biết một việc chưa ổn cần xử lý (đường hỏng, ô nhiễm, mất trật tự…)."},
    {"complaint", "Khiếu nại",
     "Đề nghị xem xét lại một quyết định hay việc làm của cơ quan, cán bộ mà bạn cho là sai và "
     "ảnh hưởng đến quyền lợi của chính bạn."},
    {"denunciation", "Tố cáo",
     "Báo cho cơ quan có thẩm quyền về hành vi vi phạm pháp luật của cơ quan, tổ chức, cá nhân; "
     "phải ghi rõ họ tên và địa chỉ; danh tính người tố cáo được giữ bí mật."},
};

// The page context of the form, with the values sent back and the errors
// (field name → message).
nlohmann::json FormPage(const Commune& commune, const std::vector<Village>& villages,
                        const http::FormData& values, const std::string& token,
                        const std::vector<FieldError>& errors, const RequestContext& ctx) {
  nlohmann::json page = CommunePage(commune, "Gửi kiến nghị, phản ánh");
  page["form_token"] = token;
  if (ctx.session) page["csrf"] = ctx.session->csrf_token;
  for (const char* key : {"name", "phone", "address", "text"}) page[key] = values.Get(key);
  const std::string village = values.Get("village");
  nlohmann::json options = nlohmann::json::array();
  bool any_selected = false;
  for (const Village& v : villages) {
    const std::string id = std::to_string(v.id.value);
    const bool selected = !village.empty() && (village == id || village == v.name);
    any_selected |= selected;
    options.push_back({{"value", id}, {"name", v.name}, {"selected", selected}});
  }
  page["villages"] = options;
  page["other_selected"] = values.Get("village") == "khac";
  page["none_selected"] = !any_selected && values.Get("village") != "khac";
  const std::string chosen = values.Get("class");
  nlohmann::json classes = nlohmann::json::array();
  for (const ClassChoice& c : kClassChoices) {
    classes.push_back({{"code", c.code},
                       {"label", c.label},
                       {"explanation", c.explanation},
                       {"checked", chosen == c.code}});
  }
  page["classes"] = classes;
  page["class_unset"] = chosen.empty();
  page["max_attachments"] = kMaxAttachments;
  page["max_attachment_mb"] = kMaxAttachmentBytes / (1024 * 1024);
  page["max_text_chars"] = kMaxPetitionTextChars;
  nlohmann::json others = nlohmann::json::array();
  for (const FieldError& e : errors) {
    const std::string key = e.field + "_error";
    if (FormFields().count(e.field) != 0) {
      // Several messages for one field (rare) are joined.
      page[key] = page.contains(key) ? page[key].get<std::string>() + " " + e.message : e.message;
    } else {
      others.push_back({{"message", e.message}});
    }
  }
  page["has_errors"] = !errors.empty();
  page["other_errors"] = others;
  page["error_count"] = static_cast<int64_t>(errors.size());
  return page;
}

http::HttpResponse WithStatus(http::HttpResponse response, int status) {
  if (response.status == 200) response.status = status;
  return response;
}

// The page context of the tracking page: the lookup form, and the view when
// there is one.
nlohmann::json TrackPage(const std::optional<PublicPetitionView>& view, const RequestContext& ctx) {
  nlohmann::json page = {{"title", "Tra cứu kiến nghị"},
                         {"site_name", std::string(kSiteName)},
                         {"site_subtitle", "Tra cứu kết quả giải quyết kiến nghị, phản ánh"}};
  if (ctx.session) page["csrf"] = ctx.session->csrf_token;
  if (view) {
    page["view"] = PublicViewJson(*view);
    page["has_view"] = true;
    page["site_name"] = "UBND " + view->commune_name;
    page["commune_slug"] = view->commune_slug;
    page["title"] = "Kiến nghị " + view->code;
  }
  return page;
}

// Positive integer query parameter, or `fallback` when absent.
Result<int64_t> PositiveQuery(const http::FormData& query, const std::string& name,
                              int64_t fallback, int64_t max, const std::string& message) {
  if (!query.Has(name) || query.Get(name).empty()) return fallback;
  const std::string text = query.Get(name);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
    return MakeFieldError(name, message);
  }
  return value;
}

}  // namespace

void PetitionPublicPages::Register(Site& site) {
  auto add = [this, &site](const char* method, const std::string& pattern,
                           http::HttpResponse (PetitionPublicPages::*fn)(http::HttpRequest&,
                                                                         RequestContext&)) {
    site.Add(method, pattern, Access::kPublic,
             [this, fn](http::HttpRequest& r, RequestContext& c) { return (this->*fn)(r, c); });
  };
  add("GET", "/x/{slug}/gui-kien-nghi", &PetitionPublicPages::Form);
  add("POST", "/x/{slug}/gui-kien-nghi", &PetitionPublicPages::Submit);
  add("GET", "/tra-cuu", &PetitionPublicPages::TrackForm);
  add("GET", "/tra-cuu/{code}", &PetitionPublicPages::Track);
  add("POST", "/tra-cuu/{code}", &PetitionPublicPages::TrackWithPhone);
  add("POST", "/tra-cuu/{code}/danh-gia", &PetitionPublicPages::Rate);
  add("GET", "/x/{slug}/tra-loi", &PetitionPublicPages::Answers);
}

http::HttpResponse PetitionPublicPages::Form(http::HttpRequest& request, RequestContext& ctx) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());
  return PageResponse(request, "petition_form",
                      FormPage(*commune, *villages, http::FormData{}, crypto_.NewToken(), {}, ctx));
}

http::HttpResponse PetitionPublicPages::Submit(http::HttpRequest& request, RequestContext& ctx) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  // Every attempt counts, valid or not (a flood of bad posts is a flood too).
  if (!limiter_.Allow(request.remote_addr)) {
    return ErrorResponse(request, MakeError(ErrorCode::kResourceExhausted, kRateLimitMessage));
  }
  const http::FormData form = ctx.form.value_or(http::FormData{});
  // Honeypot: people never see the "website" input; a robot that fills it
  // gets a receipt-looking page and nothing is stored (and it is not told why).
  if (!form.Get("website").empty()) {
    nlohmann::json page = CommunePage(*commune, "Đã gửi kiến nghị");
    page["has_code"] = false;
    return PageResponse(request, "petition_receipt", page);
  }
  Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
  if (!villages.ok()) return ErrorResponse(request, villages.error());

  std::string token = form.Get("form_token");
  std::vector<FieldError> errors;
  if (!ValidFormToken(token)) {
    errors.push_back({"form_token", kBadTokenMessage});
    token = crypto_.NewToken();
  }
  NewPetition input;
  input.channel = PetitionChannel::kOnline;
  input.name = form.Get("name");
  input.phone = form.Get("phone");
  input.address = form.Get("address");
  const std::string village = form.Get("village");
  input.village = village == "khac" ? "" : village;
  input.form_token = token;
  NewPetitionItem item;
  item.text = form.Get("text");
  const std::string class_code = form.Get("class");
  if (!class_code.empty()) {
    Result<PetitionClass> parsed = ParsePetitionClass(class_code);
    if (parsed.ok()) {
      item.petition_class = *parsed;
    } else {
      errors.push_back({"class", parsed.error().message});
    }
  }
  input.items.push_back(std::move(item));
  for (const http::UploadedFile& file : form.files) {
    if (file.field != "attachments") continue;
    input.attachments.push_back({BaseName(file.filename), file.data});
  }

  auto refuse = [&](const std::vector<FieldError>& all) {
    return WithStatus(PageResponse(request, "petition_form",
                                   FormPage(*commune, *villages, form, token, all, ctx)),
                      400);
  };
  if (!errors.empty()) {
    // Still check the rest, so that every problem is shown at once.
    Result<CheckedPetition> checked = CheckNewPetition(input, *villages, {});
    if (!checked.ok()) {
      for (const FieldError& e : checked.error().fields) errors.push_back(e);
    }
    return refuse(errors);
  }
  Result<CreatedPetition> created =
      service_.Submit(*commune, input, AuditContextFor(request, ctx, commune->id, clock_));
  if (!created.ok()) {
    if (created.error().code == ErrorCode::kInvalidArgument) {
      std::vector<FieldError> all = created.error().fields;
      if (all.empty()) all.push_back({"", created.error().message});
      return refuse(all);
    }
    return ErrorResponse(request, created.error());
  }
  const Petition& petition = created->petition;
  nlohmann::json page = CommunePage(*commune, "Đã gửi kiến nghị");
  page["has_code"] = true;
  page["code"] = petition.code;
  Result<TrackingCode> parsed = ParseTrackingCode(petition.code);
  page["spoken_code"] = parsed.ok() ? SpokenTrackingCode(*parsed) : "";
  page["received_on_text"] = FormatDdMmYyyy(petition.received_on);
  page["repeated"] = !created->created;
  return PageResponse(request, "petition_receipt", page);
}

http::HttpResponse PetitionPublicPages::TrackForm(http::HttpRequest& request, RequestContext& ctx) {
  Result<http::FormData> query = http::ParseUrlEncoded(request.query);
  if (!query.ok()) return ErrorResponse(request, query.error());
  const std::string typed = query->Get("ma");
  if (typed.empty()) return PageResponse(request, "petition_track", TrackPage(std::nullopt, ctx));
  Result<TrackingCode> code = ParseTrackingCode(typed);
  if (!code.ok()) {
    nlohmann::json page = TrackPage(std::nullopt, ctx);
    page["error"] = code.error().message;
    page["typed_code"] = typed;
    return WithStatus(PageResponse(request, "petition_track", page), 400);
  }
  return Redirect("/tra-cuu/" + FormatTrackingCode(*code));
}

http::HttpResponse PetitionPublicPages::Track(http::HttpRequest& request, RequestContext& ctx) {
  const std::string typed(request.Param("code"));
  Result<TrackingCode> code = ParseTrackingCode(typed);
  if (code.ok() && FormatTrackingCode(*code) != typed) {
    return Redirect("/tra-cuu/" + FormatTrackingCode(*code));  // one address per petition
  }
  Result<PublicPetitionView> view = service_.Track(typed, "");
  if (!view.ok()) {
    if (view.error().code != ErrorCode::kInvalidArgument &&
        view.error().code != ErrorCode::kNotFound) {
      return ErrorResponse(request, view.error());
    }
    nlohmann::json page = TrackPage(std::nullopt, ctx);
    page["error"] = view.error().message;
    page["typed_code"] = typed;
    return WithStatus(PageResponse(request, "petition_track", page),
                      view.error().code == ErrorCode::kNotFound ? 404 : 400);
  }
  return PageResponse(request, "petition_track", TrackPage(*view, ctx));
}

http::HttpResponse PetitionPublicPages::TrackWithPhone(http::HttpRequest& request,
                                                       RequestContext& ctx) {
  const std::string code(request.Param("code"));
  const http::FormData form = ctx.form.value_or(http::FormData{});
  const std::string phone = form.Get("phone");
  // The phone check is a secret check: rate limited like the intake, so
  // that nobody can try every number against a code.
  if (!limiter_.Allow(request.remote_addr)) {
    return ErrorResponse(request, MakeError(ErrorCode::kResourceExhausted, kRateLimitMessage));
  }
  Result<PublicPetitionView> view =
      phone.empty() ? Result<PublicPetitionView>(MakeFieldError(
                          "phone", "Vui lòng nhập số điện thoại đã dùng khi gửi đơn."))
                    : service_.Track(code, phone);
  if (view.ok()) {
    nlohmann::json page = TrackPage(*view, ctx);
    page["phone_value"] = phone;  // for the rating form (a POST body, never a URL)
    return PageResponse(request, "petition_track", page);
  }
  const Error& error = view.error();
  if (error.code != ErrorCode::kInvalidArgument && error.code != ErrorCode::kPermissionDenied) {
    return ErrorResponse(request, error);
  }
  // Show the public view again with the message next to the phone input.
  Result<PublicPetitionView> plain = service_.Track(code, "");
  if (!plain.ok()) return ErrorResponse(request, plain.error());
  nlohmann::json page = TrackPage(*plain, ctx);
  page["phone_error"] = error.message;
  return WithStatus(PageResponse(request, "petition_track", page),
                    error.code == ErrorCode::kPermissionDenied ? 403 : 400);
}

http::HttpResponse PetitionPublicPages::Rate(http::HttpRequest& request, RequestContext& ctx) {
  const std::string code(request.Param("code"));
  const http::FormData form = ctx.form.value_or(http::FormData{});
  const std::string phone = form.Get("phone");
  if (!limiter_.Allow(request.remote_addr)) {
    return ErrorResponse(request, MakeError(ErrorCode::kResourceExhausted, kRateLimitMessage));
  }
  int item = 0;
  const std::string item_text = form.Get("item");
  auto [end, ec] = std::from_chars(item_text.data(), item_text.data() + item_text.size(), item);
  const std::string satisfied = form.Get("satisfied");
  Status status = OkStatus();
  if (ec != std::errc() || end != item_text.data() + item_text.size() || item < 1) {
    status = MakeFieldError("item", "Không rõ nội dung nào được đánh giá; vui lòng tải lại trang.");
  } else if (satisfied != "1" && satisfied != "0") {
    status = MakeFieldError("satisfied", "Vui lòng chọn «Hài lòng» hoặc «Chưa hài lòng».");
  }
  Result<PublicPetitionView> rated =
      status.ok() ? service_.Rate(code, phone, item, satisfied == "1", form.Get("comment"),
                                  AuditContextFor(request, ctx, CommuneId{}, clock_))
                  : Result<PublicPetitionView>(status.error());
  if (rated.ok()) {
    nlohmann::json page = TrackPage(*rated, ctx);
    page["notice"] = "Cảm ơn bạn đã đánh giá câu trả lời.";
    page["phone_value"] = phone;
    return PageResponse(request, "petition_track", page);
  }
  const Error& error = rated.error();
  if (error.code == ErrorCode::kInternal || error.code == ErrorCode::kUnavailable ||
      error.code == ErrorCode::kNotFound) {
    return ErrorResponse(request, error);
  }
  // Wrong phone: the public view; otherwise the detail with the message.
  Result<PublicPetitionView> view = error.code == ErrorCode::kPermissionDenied
                                        ? service_.Track(code, "")
                                        : service_.Track(code, phone);
  if (!view.ok()) return ErrorResponse(request, error);
  nlohmann::json page = TrackPage(*view, ctx);
  if (view->detailed) page["phone_value"] = phone;
  if (error.code == ErrorCode::kPermissionDenied) {
    page["phone_error"] = error.message;
  } else {
    page["error"] = error.message;
  }
  return WithStatus(PageResponse(request, "petition_track", page), http::HttpStatusFor(error.code));
}

http::HttpResponse PetitionPublicPages::Answers(http::HttpRequest& request, RequestContext&) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  Result<http::FormData> query = http::ParseUrlEncoded(request.query);
  if (!query.ok()) return ErrorResponse(request, query.error());
  Result<int64_t> page_number =
      PositiveQuery(*query, "trang", 1, 1'000'000, "Số trang phải là số nguyên dương.");
  if (!page_number.ok()) return ErrorResponse(request, page_number.error());
  Result<int64_t> conference_id =
      PositiveQuery(*query, "hoi-nghi", 0, INT64_MAX, "Mã hội nghị không hợp lệ.");
  if (!conference_id.ok()) return ErrorResponse(request, conference_id.error());
  std::optional<ConferenceId> conference;
  if (*conference_id > 0) conference = ConferenceId{*conference_id};

  int64_t total = 0;
  const int offset = static_cast<int>((*page_number - 1) * kAnswersPerPage);
  Result<std::vector<PublicPetitionView>> views =
      service_.PublishedAnswers(commune->id, conference, offset, kAnswersPerPage, &total);
  if (!views.ok()) return ErrorResponse(request, views.error());
  nlohmann::json entries = nlohmann::json::array();
  for (const PublicPetitionView& view : *views) {
    nlohmann::json entry = PublicViewJson(view);
    nlohmann::json answered = nlohmann::json::array();
    for (const nlohmann::json& item : entry["items"]) {
      if (item["has_answer"].get<bool>()) answered.push_back(item);
    }
    entry["items"] = answered;
    entries.push_back(std::move(entry));
  }
  const std::string base =
      "/x/" + commune->slug + "/tra-loi?" +
      (conference ? "hoi-nghi=" + std::to_string(conference->value) + "&" : "");
  const int64_t pages = std::max<int64_t>(1, (total + kAnswersPerPage - 1) / kAnswersPerPage);
  nlohmann::json page = CommunePage(*commune, "Trả lời kiến nghị của Nhân dân");
  page["entries"] = entries;
  page["has_entries"] = !entries.empty();
  page["total"] = total;
  page["page"] = *page_number;
  page["pages"] = pages;
  page["has_prev"] = *page_number > 1;
  page["prev_href"] = base + "trang=" + std::to_string(*page_number - 1);
  page["has_next"] = *page_number < pages;
  page["next_href"] = base + "trang=" + std::to_string(*page_number + 1);
  page["filtered"] = conference.has_value();
  page["conference_id"] = conference ? conference->value : 0;
  return PageResponse(request, "petition_answers", page);
}

}  // namespace doithoai::web
