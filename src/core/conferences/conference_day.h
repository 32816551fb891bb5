// The conference day and after (issue #7): what the secretary desk records —
// speakers, opinions (each one a petition of channel "conference", DLG-11),
// attendance (DLG-10), session start and end, the live state the room screen
// shows — and what follows: the minutes signed by the secretary and the chair
// and then locked (corrections are addenda), the results notice (DLG-08,
// DLG-12) with its publications and its delivery to every village head.
//
// Exactly once: every desk write carries the desk's client key; a repeated
// key returns what the first one stored (an opinion's key is also its
// petition's form token, so a retry after a crash between the two writes
// completes the first attempt instead of making a second petition).
//
// Pure: storage through the conference and petition ports, time through the
// clock.
#ifndef DOITHOAI_CORE_CONFERENCES_CONFERENCE_DAY_H_
#define DOITHOAI_CORE_CONFERENCES_CONFERENCE_DAY_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/audit/audit_entry.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/conferences/conference.h"
#include "core/conferences/conference_record.h"
#include "core/conferences/conference_repository.h"
#include "core/conferences/conference_service.h"
#include "core/petitions/petition_service.h"

namespace doithoai {

struct DeskSpeaker {
  std::string client_key;  // required
  int session = 1;
  std::string name;  // required
  std::optional<VillageId> village;
  int agenda_item = 0;
  bool anonymous = false;  // not named on the room screen
  std::string phone;       // optional: to be told the answers
};

enum class OpinionOutcome { kPending, kAnswered, kAssigned, kForwarded };
std::string_view OpinionOutcomeCode(OpinionOutcome v);  // "pending", "answered", …
Result<OpinionOutcome> ParseOpinionOutcome(std::string_view code);

struct DeskOpinion {
  std::string client_key;  // required
  int session = 1;
  std::string speaker_key;  // the speaker's client key, or
  int speaker = 0;          // its number
  int agenda_item = 0;
  std::string text;
  std::optional<PetitionClass> petition_class;  // default kiến nghị
  std::string field;                            // code or label; "" = later
  OpinionOutcome outcome = OpinionOutcome::kPending;
  std::string answered_by;       // kAnswered: who answered in the room
  std::string answer;            // kAnswered: the short summary
  std::optional<UnitId> unit;    // kAssigned
  std::optional<Date> deadline;  // kAssigned: the internal target
  std::string forwarded_to;      // kForwarded: the competent body
};

struct RecordedOpinion {
  Opinion opinion;
  Petition petition;
  bool created = true;  // false: the key was seen before
};

enum class MinutesRole { kSecretary, kChair };

// The results notice was issued (DLG-08): what the notification module needs
// to send it to the village head of every village invited (issue #7 §7).
struct ResultsNoticeEvent {
  CommuneId commune;
  ConferenceId conference;
  std::string number_text;  // "03/TB-UBND"
  Date issued_on;
  std::string public_url;  // the conference's public page
  std::vector<VillageId> villages;
};

class ResultsNoticeObserver {
 public:
  virtual ~ResultsNoticeObserver() = default;
  virtual Status ResultsNoticeIssued(const ResultsNoticeEvent& event) = 0;
};

// "results:<conference>:<village>": the topic of the message that carries
// the results notice to one village head (OutboxMessage::topic).
std::string ResultsNoticeTopic(ConferenceId conference, VillageId village);
// The conference and village of such a topic; nullopt for any other text.
std::optional<std::pair<ConferenceId, VillageId>> ParseResultsNoticeTopic(std::string_view topic);

class ConferenceDay : public ConferenceRecordSource {
 public:
  ConferenceDay(ConferenceRepository& repo, ConferenceService& conferences,
                PetitionService& petitions, CommuneRepository& communes, const Clock& clock)
      : repo_(repo),
        conferences_(conferences),
        petitions_(petitions),
        communes_(communes),
        clock_(clock) {}

  // The speaker queue. A repeated client key returns the stored speaker
  // with `created` false.
  Result<std::pair<Speaker, bool>> AddSpeaker(CommuneId commune, ConferenceId id,
                                              const DeskSpeaker& input, const AuditContext& ctx);
  // By client key (when not empty) or number. "speaking" makes the speaker
  // live and any other speaking one done.
  Result<Speaker> SetSpeakerState(CommuneId commune, ConferenceId id, const std::string& key,
                                  int number, SpeakerState state, const AuditContext& ctx);
  // Checks everything first (speaker, session, agenda item, the unit is one
  // of this commune's, outcome fields), then stores the petition (form token
  // "desk:" + key), applies the outcome (answered in the room and published
  // unless a tố cáo; assigned with the internal target; forwarded) and links
  // it as the next opinion, which becomes live. A tố cáo renames its speaker
  // to the petition's pseudonym (CONF-01/02).
  Result<RecordedOpinion> RecordOpinion(const Commune& commune, ConferenceId id,
                                        const DeskOpinion& input, const AuditContext& ctx);
  Result<LiveState> SetLive(CommuneId commune, ConferenceId id, const LiveState& live,
                            const AuditContext& ctx);
  // DLG-10 head counts of one session (replaces the session's counts).
  Result<Conference> SetAttendance(CommuneId commune, ConferenceId id, int session,
                                   const std::vector<AttendanceCount>& counts,
                                   const AuditContext& ctx);
  Result<ConferenceSession> StartSession(CommuneId commune, ConferenceId id, int number,
                                         const AuditContext& ctx);
  // Records the end and marks the session held (kHeld when all are).
  Result<ConferenceSession> EndSession(CommuneId commune, ConferenceId id, int number,
                                       const AuditContext& ctx);

  // One signature on the minutes. Every session must be held; a role signs
  // once ("đã ký" otherwise). The second signature issues the Biên bản
  // (BB register number) and locks it in the same transaction; the
  // conference moves to kMinutesSigned.
  Result<MinutesRecord> SignMinutes(CommuneId commune, ConferenceId id, MinutesRole role,
                                    const SignOff& signer, const std::string& public_url,
                                    const AuditContext& ctx);
  // A correction of locked minutes.
  Result<MinutesAddendum> AddAddendum(CommuneId commune, ConferenceId id, const std::string& text,
                                      const std::string& by, const AuditContext& ctx);

  // Told after each results notice is issued (not owned; may be null). Its
  // failure does not undo the notice (the messages are a convenience; the
  // delivery table shows what reached each village head).
  void SetResultsObserver(ResultsNoticeObserver* observer) { results_observer_ = observer; }

  // DLG-08: the results notice, after the minutes are signed; past
  // ResultsNoticeDeadline it needs `late_reason`.
  Result<StoredDocument> IssueResultsNotice(CommuneId commune, ConferenceId id,
                                            const std::string& public_url,
                                            const std::string& late_reason,
                                            const AuditContext& ctx);
  // DLG-08: the notice reached a village head (replaces that village's record).
  Result<Conference> RecordDelivery(CommuneId commune, ConferenceId id,
                                    const VillageDelivery& delivery, const AuditContext& ctx);
  // PUB-01/02 for the results notice.
  Result<Conference> AddResultsPublication(CommuneId commune, ConferenceId id,
                                           const Publication& publication, const AuditContext& ctx);

  // ConferenceRecordSource: the rows of Bảng 1 and the DLG-13 figures over
  // the conference's opinions, as of `as_of`.
  Result<ConferenceRecord> Load(const Conference& conference, Date as_of) override;

  // The petitions of the conference's opinions (sealed ones stay sealed).
  Result<std::vector<Petition>> OpinionPetitions(const Conference& conference);

 private:
  ConferenceRepository& repo_;
  ConferenceService& conferences_;
  PetitionService& petitions_;
  CommuneRepository& communes_;
  const Clock& clock_;
  ResultsNoticeObserver* results_observer_ = nullptr;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_CONFERENCES_CONFERENCE_DAY_H_
