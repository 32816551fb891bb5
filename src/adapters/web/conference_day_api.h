// The conference day over HTTP (issue #7): the secretary desk page and its
// JSON API, the room screen and its polling endpoint, the minutes sign-off
// and addenda, and the results notice with its deliveries to village heads.
// The contract is written out for the front-end in the desk's script
// (web/static/desk.js) and in web/api/openapi.json:
//
//   GET  /quan-tri/{slug}/hoi-nghi/{id}/thu-ky        desk page
//   GET  /quan-tri/{slug}/hoi-nghi/{id}/man-hinh      room screen
//   GET  A/desk, GET A/live (ETag; 304 when unchanged)
//   POST A/desk/speakers, A/desk/speakers/state, A/desk/opinions, A/desk/live,
//        A/desk/attendance, A/desk/sessions/{n}/start|end, A/desk/check-in,
//        A/minutes/sign, A/minutes/addenda, A/results-notice/issue,
//        A/results-notice/deliveries
//   where A = /api/v1/communes/{slug}/conferences/{id}.
//
// Writes that create (speakers, opinions) carry the desk's client_key and
// answer 201 the first time, 200 with the same object on a repeat.
#ifndef DOITHOAI_ADAPTERS_WEB_CONFERENCE_DAY_API_H_
#define DOITHOAI_ADAPTERS_WEB_CONFERENCE_DAY_API_H_

#include <string>
#include <utility>

#include "adapters/web/site.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference_day.h"
#include "core/conferences/conference_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai::web {

class ConferenceDayApi {
 public:
  ConferenceDayApi(ConferenceDay& day, ConferenceService& conferences, PetitionService& petitions,
                   CommuneRepository& communes, const Clock& clock, std::string public_url = "")
      : day_(day),
        conferences_(conferences),
        petitions_(petitions),
        communes_(communes),
        clock_(clock),
        public_url_(std::move(public_url)) {}
  void Register(Site& site);

 private:
  struct Target {
    Commune commune;
    Conference conference;
  };
  Result<Target> TargetFor(const http::HttpRequest& request, const RequestContext& ctx,
                           CommuneAction action, http::HttpResponse* denied);

  http::HttpResponse DeskPage(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse ScreenPage(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse DeskJson(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse LiveJson(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse AddSpeaker(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SpeakerState(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse AddOpinion(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SetLive(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Attendance(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse StartSession(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse EndSession(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse CheckIn(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse SignMinutes(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse AddAddendum(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse IssueResults(http::HttpRequest& request, RequestContext& ctx);
  http::HttpResponse Delivery(http::HttpRequest& request, RequestContext& ctx);

  ConferenceDay& day_;
  ConferenceService& conferences_;
  PetitionService& petitions_;
  CommuneRepository& communes_;
  const Clock& clock_;
  std::string public_url_;
};

}  // namespace doithoai::web

#endif  // DOITHOAI_ADAPTERS_WEB_CONFERENCE_DAY_API_H_
