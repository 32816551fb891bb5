// RosterPages: the upload handler. Reads the file (adapters/import), checks
// it against the commune's data (core/communes/roster_import.h) and writes it
// with CommuneRepository::ImportRoster in one transaction.
#include "adapters/web/roster_pages.h"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "adapters/http/error_to_status.h"
#include "adapters/import/table_file.h"
#include "adapters/web/responses.h"
#include "adapters/web/templates.h"
#include "core/communes/roster_import.h"

namespace doithoai::web {

namespace {

constexpr std::string_view kRowPrefix = "dòng ";

}  // namespace

void RosterPages::Register(Site& site) {
  site.Add("POST", "/quan-tri/{slug}/nhap-danh-sach", Access::kSignedIn,
           [this](http::HttpRequest& r, RequestContext& c) { return Import(r, c); });
}

http::HttpResponse RosterPages::Import(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Commune> commune =
      AuthorizedCommune(request, ctx, communes_, CommuneAction::kManageVillages, &denied);
  if (!commune.ok()) return denied;
  const http::UploadedFile* file = ctx.form ? ctx.form->File(kRosterFileField) : nullptr;
  if (file == nullptr || file->data.empty()) {
    std::string message = "Chưa chọn tệp danh sách (.xlsx hoặc .csv) để nhập.";
    return Refused(request, ctx, *commune, "",
                   Error{ErrorCode::kInvalidArgument, message, {{kRosterFileField, message}}});
  }
  Result<std::vector<CsvRow>> rows = import::ReadTableFile(file->data);
  if (!rows.ok()) {
    return Refused(request, ctx, *commune, file->filename, rows.error());
  }
  Result<RosterImport> roster = PrepareRosterImport(communes_, commune->id, *rows);
  if (!roster.ok()) {
    return Refused(request, ctx, *commune, file->filename, roster.error());
  }
  if (roster->kind == RosterKind::kOfficials) {
    if (auto refused = Authorize(request, ctx, CommuneAction::kManageOfficials, commune->id)) {
      return std::move(*refused);
    }
  }
  Status saved = communes_.ImportRoster(commune->id, roster->villages, roster->officials,
                                        AuditContextFor(request, ctx, commune->id, clock_));
  if (!saved.ok()) {
    return Refused(request, ctx, *commune, file->filename, saved.error());
  }
  return Redirect("/quan-tri/" + commune->slug);
}

http::HttpResponse RosterPages::Refused(const http::HttpRequest& request, const RequestContext& ctx,
                                        const Commune& commune, const std::string& filename,
                                        const Error& error) {
  bool about_file =
      error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kAlreadyExists;
  if (!about_file || WantsJson(request)) {
    return ErrorResponse(request, error);
  }
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json notes = nlohmann::json::array();
  for (const FieldError& f : error.fields) {
    if (f.field.starts_with(kRowPrefix)) {
      rows.push_back({{"line", f.field.substr(kRowPrefix.size())}, {"message", f.message}});
    } else if (f.message != error.message) {
      notes.push_back({{"message", f.message}});
    }
  }
  std::string committee = commune.PeoplesCommitteeName();
  nlohmann::json page = {{"title", "Chưa nhập được danh sách"},
                         {"site_name", committee},
                         {"site_subtitle", "Trang quản trị"},
                         {"slug", commune.slug},
                         {"csrf", ctx.session ? ctx.session->csrf_token : ""},
                         {"can_manage", true},
                         {"message", http::UserMessage(error)},
                         {"filename", filename},
                         {"has_rows", !rows.empty()},
                         {"row_count", static_cast<int64_t>(rows.size())},
                         {"rows", rows},
                         {"notes", notes}};
  // The upload form partial, rendered on its own so the page can offer it
  // again; it escapes its own fields.
  Result<std::string> form = RenderTemplate("roster_upload_form", page);
  if (!form.ok()) {
    return ErrorResponse(request, form.error());
  }
  page["upload_form"] = std::move(form).value();
  Result<std::string> html = RenderPage("roster_errors", page);
  if (!html.ok()) {
    return ErrorResponse(request, html.error());
  }
  return HtmlResponse(http::HttpStatusFor(error.code), std::move(html).value());
}

}  // namespace doithoai::web
