// The follow-up board of a conference (issue #7 §5, domain.md §7 Bảng 3):
// every opinion raised at the conference (its petitions, DLG-11) with the
// unit in charge, the deadline, progress, the answer and whether the citizen
// was told; overdue items highlighted; the items still unresolved — open,
// or answered without satisfying the citizen — proposed for the next
// conference's agenda. A tố cáo shows its pseudonym and no text (CONF-02).
//
// Route (signed in): GET /quan-tri/{slug}/hoi-nghi/{id}/theo-doi (kViewPetitions).
#ifndef DOITHOAI_ADAPTERS_WEB_FOLLOW_UP_PAGES_H_
#define DOITHOAI_ADAPTERS_WEB_FOLLOW_UP_PAGES_H_

#include "adapters/web/site.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

class FollowUpPages {
 public:
  FollowUpPages(PetitionService& petitions, ConferenceService& conferences,
                CommuneRepository& communes)
      : petitions_(petitions), conferences_(conferences), communes_(communes) {}
  void Register(Site& site);

 private:
  http::HttpResponse Board(http::HttpRequest& request, RequestContext& ctx);

  PetitionService& petitions_;
  ConferenceService& conferences_;
  CommuneRepository& communes_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_FOLLOW_UP_PAGES_H_
