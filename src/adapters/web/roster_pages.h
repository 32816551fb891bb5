// Staff page for importing a commune's village list or staff list from an
// uploaded .xlsx or CSV file (issue #3 §7). The whole file is checked first;
// if any row is bad, the answer is a 400 page listing every bad row and
// nothing is written. Access: signed in, CommuneAction::kManageVillages for
// the commune (and kManageOfficials for a staff list); another commune's page
// answers 404.
#ifndef DOITHOAI_ADAPTERS_WEB_ROSTER_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_ROSTER_PAGES_H_

#include <string>

#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"

namespace doithoai::web {

// The multipart field holding the file.
inline constexpr char kRosterFileField[] = "file";

class RosterPages {
 public:
  RosterPages(CommuneRepository& communes, const Clock& clock)
      : communes_(communes), clock_(clock) {}
  // Adds POST /quan-tri/{slug}/nhap-danh-sach.
  void Register(Site& site);

 private:
  http::HttpResponse Import(http::HttpRequest& request, RequestContext& ctx);
  // The 400 (or 409) page listing the problems of a file, or the generic
  // error response for errors that are not about the file.
  http::HttpResponse Refused(const http::HttpRequest& request, const RequestContext& ctx,
                             const Commune& commune, const std::string& filename,
                             const Error& error);

  CommuneRepository& communes_;
  const Clock& clock_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_ROSTER_PAGES_H_
