// PetitionApi: the JSON interface of issue #5 (see petition_api.h and the
// OpenAPI document web/api/openapi.json, served at /api/v1/openapi.json).
// Errors have the one JSON shape of ErrorResponse:
//   {"error":{"code":"invalid_argument","message":…,"fields":[{"field","message"}]}}.
// What personal data leaves is decided by petition_view.h (CONF-01/02).
#include "adapters/web/petition_api.h"

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/form.h"
#include "adapters/json/insight_json.h"
#include "adapters/resources/embedded.h"
#include "adapters/web/petition_view.h"
#include "adapters/web/responses.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::web {

namespace {

constexpr size_t kMaxBodyBytes = 64 * 1024;
constexpr size_t kMaxQueryBytes = 400;
constexpr int64_t kDefaultPerPage = 50;
constexpr int64_t kMaxPerPage = 200;
constexpr char kRateLimitMessage[] =
    "Bạn đã gửi quá nhiều lần trong một phút; vui lòng thử lại sau.";
constexpr char kBodyShape[] =
    "Cần gửi một đối tượng JSON {\"name\", \"phone\", \"village\", \"address\", \"text\", "
    "\"class\"?, \"field\"?, \"form_token\"?}.";

Error Invalid(std::string message, std::vector<FieldError> fields) {
  Error error = MakeError(ErrorCode::kInvalidArgument, std::move(message));
  error.fields = std::move(fields);
  return error;
}

// The string member `key` of `body` ("" when absent or null); a member of
// another type adds a FieldError. `allow_integer`: an integer is taken as its
// decimal text (a village id).
std::string StringMember(const nlohmann::json& body, const char* key,
                         std::vector<FieldError>& errors, bool allow_integer = false) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (allow_integer && it->is_number_integer()) return std::to_string(it->get<int64_t>());
  errors.push_back({key, std::string("Trường «") + key + "» phải là chuỗi văn bản."});
  return "";
}

// A positive integer query parameter; `fallback` when absent or empty.
std::optional<int64_t> PositiveParam(const http::FormData& query, const char* name,
                                     int64_t fallback, int64_t max, const std::string& message,
                                     std::vector<FieldError>& errors) {
  const std::string text = query.Get(name);
  if (text.empty()) return fallback;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
    errors.push_back({name, message});
    return std::nullopt;
  }
  return value;
}

// The id in the query parameter `name` when it is one of `known` (the
// commune's villages or units); nullopt when absent, with a FieldError
// `malformed` or `unknown` when it is not a positive integer or not known.
template <typename T>
std::optional<decltype(T::id)> KnownIdParam(const http::FormData& query, const char* name,
                                            const std::vector<T>& known,
                                            const std::string& malformed, const char* unknown,
                                            std::vector<FieldError>& errors) {
  const std::optional<int64_t> id = PositiveParam(query, name, 0, INT64_MAX, malformed, errors);
  if (!id || *id <= 0) return std::nullopt;
  for (const T& item : known) {
    if (item.id.value == *id) return item.id;
  }
  errors.push_back({name, unknown});
  return std::nullopt;
}

// What the staff JSON of petitions names by id: the commune's fields,
// villages and units, and its settings.
struct StaffNames {
  std::vector<PetitionField> fields;
  std::vector<Village> villages;
  std::vector<Unit> units;
  PetitionSettings settings;
};

Result<StaffNames> LoadStaffNames(PetitionService& service, CommuneRepository& communes,
                                  CommuneId commune) {
  StaffNames names;
  ASSIGN_OR_RETURN(names.fields, service.Fields(commune));
  ASSIGN_OR_RETURN(names.villages, communes.ListVillages(commune));
  ASSIGN_OR_RETURN(names.units, communes.ListUnits(commune));
  ASSIGN_OR_RETURN(names.settings, service.Settings(commune));
  return names;
}

bool IsVillageHead(const RequestContext& ctx) {
  return ctx.actor() != nullptr && ctx.actor()->role == Role::kVillageHead;
}

}  // namespace

void PetitionApi::Register(Site& site) {
  auto add = [this, &site](
                 const char* method, const std::string& pattern, Access access,
                 http::HttpResponse (PetitionApi::*fn)(http::HttpRequest&, RequestContext&)) {
    site.Add(method, pattern, access,
             [this, fn](http::HttpRequest& r, RequestContext& c) { return (this->*fn)(r, c); });
  };
  const std::string commune = "/api/v1/communes/{slug}";
  add("POST", commune + "/petitions", Access::kPublic, &PetitionApi::Create);
  add("GET", commune + "/petitions", Access::kSignedIn, &PetitionApi::List);
  add("GET", commune + "/petitions/{code}", Access::kSignedIn, &PetitionApi::StaffShow);
  add("GET", commune + "/fields", Access::kPublic, &PetitionApi::Fields);
  add("GET", "/api/v1/petitions/{code}", Access::kPublic, &PetitionApi::PublicShow);
  add("GET", "/api/v1/openapi.json", Access::kPublic, &PetitionApi::OpenApi);
  add("GET", commune + "/issues/prominent", Access::kSignedIn, &PetitionApi::Prominent);
}

http::HttpResponse PetitionApi::Create(http::HttpRequest& request, RequestContext& ctx) {
  if (!limiter_.Allow(request.remote_addr)) {
    return ErrorResponse(request, MakeError(ErrorCode::kResourceExhausted, kRateLimitMessage));
  }
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  if (request.body.size() > kMaxBodyBytes) {
    const std::string message =
        "Dữ liệu gửi lên quá lớn (tối đa 64 KB); nội dung kiến nghị tối đa " +
        std::to_string(kMaxPetitionTextChars) + " ký tự.";
    return ErrorResponse(request, Invalid(message, {{"body", message}}));
  }
  // Invalid UTF-8 inside a string is a parse error too (nlohmann checks it).
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    const std::string message =
        body.is_discarded() ? std::string("Dữ liệu không phải JSON hợp lệ (UTF-8). ") + kBodyShape
                            : std::string(kBodyShape);
    return ErrorResponse(request, Invalid(message, {{"body", message}}));
  }
  std::vector<FieldError> errors;
  NewPetition input;
  input.channel = PetitionChannel::kOnline;
  input.name = StringMember(body, "name", errors);
  input.phone = StringMember(body, "phone", errors);
  input.village = StringMember(body, "village", errors, /*allow_integer=*/true);
  input.address = StringMember(body, "address", errors);
  NewPetitionItem item;
  item.text = StringMember(body, "text", errors);
  item.field = StringMember(body, "field", errors);
  const std::string class_text = StringMember(body, "class", errors);
  if (!class_text.empty()) {
    Result<PetitionClass> parsed = ParsePetitionClass(class_text);
    if (parsed.ok()) {
      item.petition_class = *parsed;
    } else {
      errors.push_back({"class", parsed.error().message});
    }
  }
  input.items.push_back(std::move(item));
  input.form_token = StringMember(body, "form_token", errors);
  if (!ValidFormToken(input.form_token)) {
    errors.push_back(
        {"form_token", "«form_token» chỉ gồm chữ cái không dấu, chữ số, «-» và «_», tối đa " +
                           std::to_string(kMaxFormTokenChars) + " ký tự."});
    input.form_token.clear();
  }
  if (!errors.empty()) {
    // Report every problem at once: the type errors and the content checks.
    Result<std::vector<Village>> villages = communes_.ListVillages(commune->id);
    Result<std::vector<PetitionField>> fields = service_.Fields(commune->id);
    if (villages.ok() && fields.ok()) {
      Result<CheckedPetition> checked = CheckNewPetition(input, *villages, *fields);
      if (!checked.ok()) {
        for (const FieldError& e : checked.error().fields) {
          bool seen = false;
          for (const FieldError& f : errors) seen |= f.field == e.field;
          if (!seen) errors.push_back(e);
        }
      }
    }
    return ErrorResponse(
        request,
        Invalid("Thông tin gửi lên chưa hợp lệ; vui lòng sửa các trường được nêu.", errors));
  }
  Result<CreatedPetition> created =
      service_.Submit(*commune, input, AuditContextFor(request, ctx, commune->id, clock_));
  if (!created.ok()) return ErrorResponse(request, created.error());
  const std::string url = "/tra-cuu/" + created->petition.code;
  http::HttpResponse response =
      JsonResponse(created->created ? 201 : 200, {{"code", created->petition.code}, {"url", url}});
  response.SetHeader("Location", "/api/v1/petitions/" + created->petition.code);
  return response;
}

http::HttpResponse PetitionApi::PublicShow(http::HttpRequest& request, RequestContext&) {
  Result<PublicPetitionView> view = service_.Track(request.Param("code"), "");
  if (!view.ok()) return ErrorResponse(request, view.error());
  return JsonResponse(200, PublicViewJson(*view));
}

http::HttpResponse PetitionApi::List(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<http::FormData> query_form = http::ParseUrlEncoded(request.query);
  if (!query_form.ok()) return ErrorResponse(request, query_form.error());
  const http::FormData& q = *query_form;
  Result<StaffNames> names = LoadStaffNames(service_, communes_, commune->id);
  if (!names.ok()) return ErrorResponse(request, names.error());

  std::vector<FieldError> errors;
  PetitionQuery query;
  query.today = service_.Today();
  query.q = q.Get("q");
  if (query.q.size() > kMaxQueryBytes) {
    errors.push_back({"q", "Từ khóa tìm kiếm quá dài (tối đa 200 ký tự)."});
  }
  if (const std::string status = q.Get("status"); !status.empty()) {
    Result<ItemStatus> parsed = ParseItemStatus(status);
    if (parsed.ok()) {
      query.status = *parsed;
    } else {
      errors.push_back({"status", parsed.error().message});
    }
  }
  if (const std::string field = q.Get("field"); !field.empty()) {
    Result<std::string> code = MatchField(names->fields, field);
    if (code.ok()) {
      query.field = *code;
    } else {
      errors.push_back({"field", code.error().message});
    }
  }
  if (const std::string petition_class = q.Get("class"); !petition_class.empty()) {
    Result<PetitionClass> parsed = ParsePetitionClass(petition_class);
    if (parsed.ok()) {
      query.petition_class = *parsed;
    } else {
      errors.push_back({"class", parsed.error().message});
    }
  }
  if (auto village = KnownIdParam(q, "village", names->villages, "Mã thôn phải là số nguyên dương.",
                                  "Thôn không thuộc xã này.", errors)) {
    query.village_id = village;
  }
  if (auto unit = KnownIdParam(q, "unit", names->units, "Mã bộ phận phải là số nguyên dương.",
                               "Bộ phận không thuộc xã này.", errors)) {
    query.unit_id = unit;
  }
  if (std::optional<int64_t> conference = PositiveParam(
          q, "conference", 0, INT64_MAX, "Mã hội nghị phải là số nguyên dương.", errors);
      conference && *conference > 0) {
    query.conference_id = ConferenceId{*conference};
  }
  if (const std::string overdue = q.Get("overdue"); !overdue.empty()) {
    if (overdue == "1") {
      query.overdue_only = true;
    } else if (overdue != "0") {
      errors.push_back({"overdue", "«overdue» chỉ nhận 1 hoặc 0."});
    }
  }
  const std::optional<int64_t> page =
      PositiveParam(q, "page", 1, 1'000'000, "Số trang phải là số nguyên dương.", errors);
  const std::optional<int64_t> per_page =
      PositiveParam(q, "per_page", kDefaultPerPage, kMaxPerPage,
                    "«per_page» phải từ 1 đến " + std::to_string(kMaxPerPage) + ".", errors);
  if (!errors.empty()) {
    return ErrorResponse(request, Invalid("Tham số lọc chưa hợp lệ.", errors));
  }
  query.limit = static_cast<int>(*per_page);
  query.offset = static_cast<int>((*page - 1) * *per_page);
  // A village head sees their own village only, whatever they ask for.
  if (IsVillageHead(ctx)) {
    if (!ctx.actor()->village_id) {
      return JsonResponse(200, {{"items", nlohmann::json::array()},
                                {"total", 0},
                                {"page", *page},
                                {"per_page", *per_page}});
    }
    query.village_id = ctx.actor()->village_id;
  }
  Result<PetitionPage> found = service_.Search(commune->id, query);
  if (!found.ok()) return ErrorResponse(request, found.error());
  nlohmann::json items = nlohmann::json::array();
  for (const Petition& p : found->items) {
    items.push_back(PetitionListItemJson(p, names->fields, names->units, names->villages,
                                         query.today, names->settings.due_soon_days));
  }
  return JsonResponse(
      200, {{"items", items}, {"total", found->total}, {"page", *page}, {"per_page", *per_page}});
}

http::HttpResponse PetitionApi::StaffShow(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  Result<Petition> petition = service_.FindByCode(commune->id, request.Param("code"));
  if (!petition.ok()) return ErrorResponse(request, petition.error());
  // A village head's petitions are their village's (a sealed one has none).
  if (IsVillageHead(ctx) &&
      (!ctx.actor()->village_id || petition->village_id != ctx.actor()->village_id)) {
    return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  }
  Result<StaffNames> names = LoadStaffNames(service_, communes_, commune->id);
  if (!names.ok()) return ErrorResponse(request, names.error());
  nlohmann::json body = StaffPetitionJson(*petition, names->fields, names->units, names->villages,
                                          service_.Today(), names->settings.due_soon_days);
  if (insight_ != nullptr) {
    Result<PetitionSuggestions> suggestions = insight_->Suggest(*petition);
    if (!suggestions.ok()) return ErrorResponse(request, suggestions.error());
    body["suggestions"] = SuggestionsJson(*suggestions);
    Result<std::vector<SimilarPetition>> similar = insight_->Similar(*petition);
    if (!similar.ok()) return ErrorResponse(request, similar.error());
    body["similar"] = SimilarJson(*similar);
  }
  if (cases_ != nullptr) {
    Result<std::optional<CaseId>> in_case = cases_->CaseOf(commune->id, petition->id);
    if (!in_case.ok()) return ErrorResponse(request, in_case.error());
    body["case_id"] = in_case->has_value() ? nlohmann::json((*in_case)->value) : nlohmann::json();
  }
  return JsonResponse(200, body);
}

http::HttpResponse PetitionApi::Prominent(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kViewPetitions, &denied);
  if (!commune.ok()) return denied;
  if (cases_ == nullptr || insight_ == nullptr) {
    return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  }
  Result<std::vector<ProminentIssue>> issues = cases_->Prominent(commune->id);
  if (!issues.ok()) return ErrorResponse(request, issues.error());
  Result<std::vector<PetitionField>> fields = service_.Fields(commune->id);
  if (!fields.ok()) return ErrorResponse(request, fields.error());
  Result<std::vector<std::vector<SimilarPetition>>> groups =
      insight_->UncasedGroups(commune->id, 50);
  if (!groups.ok()) return ErrorResponse(request, groups.error());
  return JsonResponse(200, ProminentJson(*issues, *fields, *groups));
}

http::HttpResponse PetitionApi::Fields(http::HttpRequest& request, RequestContext&) {
  Result<Commune> commune = communes_.FindCommuneBySlug(request.Param("slug"));
  if (!commune.ok()) return ErrorResponse(request, commune.error());
  Result<std::vector<PetitionField>> fields = service_.Fields(commune->id);
  if (!fields.ok()) return ErrorResponse(request, fields.error());
  nlohmann::json list = nlohmann::json::array();
  for (const PetitionField& f : *fields) list.push_back({{"code", f.code}, {"label", f.label}});
  return JsonResponse(200, list);
}

http::HttpResponse PetitionApi::OpenApi(http::HttpRequest& request, RequestContext&) {
  const EmbeddedFile* file = FindEmbeddedFile("api/openapi.json");
  if (file == nullptr) {
    return ErrorResponse(request,
                         MakeError(ErrorCode::kInternal, "api/openapi.json is not embedded"));
  }
  http::HttpResponse r;
  r.status = 200;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::string(file->data);
  r.SetHeader("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace doithoai::web
