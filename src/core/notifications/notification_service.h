// The notification module's use cases (issue #6 §3–4): turns petition events
// into outbox messages for citizens, plans each working day's reminders
// (one digest per official, escalations to the chairman), delivers queued
// messages through the configured transports, and keeps the per-commune
// settings. Everything slow or fallible runs as a durable job (job.h), so a
// request that causes a message never waits for, or fails because of, an
// SMTP server or a webhook.
//
// Job kinds (JobRunner handlers registered by RegisterHandlers):
//   reminder.plan      one per commune and working day ("plan:<date>"), 07:00
//                      Việt Nam time: plans the day's digests and escalations
//   reminder.digest    one per official and day ("digest:<official>:<date>");
//                      items whose state changed since planning are left out,
//                      and a digest left empty is dropped
//   reminder.escalate  one per item and deadline ("escalate:<petition>:<item>:
//                      <deadline>"), dropped if the item changed
//   notify.rate_request  asks the citizen to rate an answer N working days
//                      later; dropped if the item was rated or reopened
//   notify.send        delivers one outbox message; retried with backoff
#ifndef DOITHOAI_CORE_NOTIFICATIONS_NOTIFICATION_SERVICE_H_
#define DOITHOAI_CORE_NOTIFICATIONS_NOTIFICATION_SERVICE_H_

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/working_calendar.h"
#include "core/common/clock.h"
#include "core/communes/commune_repository.h"
#include "core/jobs/job.h"
#include "core/jobs/job_runner.h"
#include "core/notifications/message.h"
#include "core/notifications/notification_planner.h"
#include "core/notifications/notify_settings.h"
#include "core/petitions/petition_ports.h"
#include "core/petitions/petition_repository.h"

namespace doithoai {

inline constexpr std::string_view kJobPlan = "reminder.plan";
inline constexpr std::string_view kJobDigest = "reminder.digest";
inline constexpr std::string_view kJobEscalate = "reminder.escalate";
inline constexpr std::string_view kJobRateRequest = "notify.rate_request";
inline constexpr std::string_view kJobSend = "notify.send";

class NotificationService : public PetitionObserver, public ResultsNoticeObserver {
 public:
  NotificationService(OutboxRepository& outbox, NotificationSettingsRepository& settings,
                      JobQueue& jobs, PetitionRepository& petitions, CommuneRepository& communes,
                      const Clock& clock, const WorkingCalendar& calendar, std::string public_url);
  ~NotificationService() override;

  // The transports, tried in order for each message (the first that accepts
  // its channel sends it). Not owned; set before the worker starts.
  void SetTransports(std::vector<Transport*> transports) { transports_ = std::move(transports); }
  // Called after a request queued messages, so a worker can send them now
  // rather than at its next tick (set at wiring time).
  void SetWakeup(std::function<void()> wakeup) { wakeup_ = std::move(wakeup); }
  // Registers the handlers of every job kind above with `runner`.
  void RegisterHandlers(JobRunner& runner);

  // PetitionObserver: received → receipt to the citizen; assigned → optional
  // message; answered → answer message and a rate request later; a citizen
  // not satisfied with escalation on → a message to the chairman.
  Status PetitionChanged(std::string_view action, const Petition& petition) override;

  // ResultsNoticeObserver: one message per village head of the conference
  // (DLG-08, issue #7 §7); when one is sent, the notice counts as delivered
  // to that village (ConferenceDay::RecordDelivery, set with
  // SetConferenceDay).
  Status ResultsNoticeIssued(const ResultsNoticeEvent& event) override;
  void SetConferenceDay(ConferenceDay* day) { day_ = day; }

  // Enqueues today's reminder.plan job of every commune (idempotent: the
  // fingerprint holds the date). Called by the worker on each tick.
  Status EnsureDailyPlans();

  Result<NotificationSettings> Settings(CommuneId commune) { return settings_.Load(commune); }
  // Validates (Vietnamese field errors, nothing saved) and saves, audited.
  Status SaveSettings(CommuneId commune, const NotificationSettings& settings,
                      const AuditContext& ctx);
  Result<OutboxRepository::Page> Sent(CommuneId commune, const OutboxRepository::Query& query) {
    return outbox_.List(commune, query);
  }

  // The job handlers' work, public for tests.
  Status PlanDay(CommuneId commune, Date day);
  JobOutcome SendMessage(const Job& job);

 private:
  class Handler;
  Result<MessageContext> ContextFor(CommuneId commune);
  Status EnqueueCitizen(const Petition& petition, std::string_view event, int item);
  Status ScheduleRateRequest(const Petition& petition, int item);
  void RecordResultsDelivery(const OutboxMessage& m, Timestamp now);
  JobOutcome RunPlan(const Job& job);
  JobOutcome RunDigest(const Job& job);
  JobOutcome RunEscalation(const Job& job);
  JobOutcome RunRateRequest(const Job& job);
  // `state` of the item a job's subject ("petition:<id>:<item>") names, ""
  // when it no longer exists.
  Result<std::string> SubjectItemState(const Job& job, std::string (*state)(const PetitionItem&));
  Result<std::string> ItemSubjectChecksum(const Job& job);
  Result<std::string> RateChecksum(const Job& job);
  // Local time `hour`:00 in Việt Nam on `day` (UTC+7).
  static Timestamp LocalTime(Date day, int hour);

  OutboxRepository& outbox_;
  NotificationSettingsRepository& settings_;
  JobQueue& jobs_;
  PetitionRepository& petitions_;
  CommuneRepository& communes_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
  std::string public_url_;
  std::vector<Transport*> transports_;
  std::vector<std::unique_ptr<Handler>> handlers_;
  std::function<void()> wakeup_;
  ConferenceDay* day_ = nullptr;  // not owned; records results-notice deliveries
  // Communes whose plan of `planned_day_` this process already enqueued.
  std::mutex planned_mu_;
  Date planned_day_;           // GUARDED_BY(planned_mu_)
  std::set<int64_t> planned_;  // GUARDED_BY(planned_mu_)
};

// "petition:<id>:<item>": the subject of item reminders.
std::string ItemSubject(PetitionId id, int item);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_NOTIFICATIONS_NOTIFICATION_SERVICE_H_
