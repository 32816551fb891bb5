// Notification use cases (see notification_service.h).
#include "core/notifications/notification_service.h"

#include <charconv>
#include <chrono>
#include <map>

#include "core/calendar/date.h"

namespace doithoai {

namespace {

constexpr int kPlanHourLocal = 7;  // reminders are planned at 07:00 Việt Nam time
constexpr int kRateHourLocal = 8;
constexpr int kPageSize = 1000;

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) {
      return out;
    }
    start = end + 1;
  }
}

bool ToInt(std::string_view s, int64_t& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Error BadPayload(const Job& job) {
  return MakeError(ErrorCode::kInternal, "Dữ liệu của việc nền " + std::to_string(job.id.value) +
                                             " (" + job.kind + ") không đọc được");
}

// "petition:<id>:<item>" → (id, item).
bool ParseItemSubject(std::string_view subject, PetitionId& id, int& item) {
  const std::vector<std::string_view> parts = Split(subject, ':');
  int64_t pid = 0;
  int64_t number = 0;
  if (parts.size() != 3 || parts[0] != "petition" || !ToInt(parts[1], pid) ||
      !ToInt(parts[2], number)) {
    return false;
  }
  id = PetitionId{pid};
  item = static_cast<int>(number);
  return true;
}

PetitionItem* FindItem(Petition& p, int number) {
  for (PetitionItem& i : p.items) {
    if (i.number == number) {
      return &i;
    }
  }
  return nullptr;
}

std::string RateState(const PetitionItem& item) {
  std::string s = item.answer.has_value() ? item.answer->answered_on.ToIsoString() : "-";
  s += item.rating.has_value() ? "|rated" : "|unrated";
  s += IsOpen(item.status) ? "|open" : "|answered";
  return s;
}

}  // namespace

std::string ItemSubject(PetitionId id, int item) {
  return "petition:" + std::to_string(id.value) + ":" + std::to_string(item);
}

// Adapts one member function pair to the JobHandler port.
class NotificationService::Handler : public JobHandler {
 public:
  using Run_ = JobOutcome (NotificationService::*)(const Job&);
  using Check_ = Result<std::string> (NotificationService::*)(const Job&);
  Handler(NotificationService& s, Run_ run, Check_ check) : s_(s), run_(run), check_(check) {}
  Result<std::string> SubjectChecksum(const Job& job) override {
    if (check_ == nullptr) {
      return job.subject_checksum;
    }
    return (s_.*check_)(job);
  }
  JobOutcome Run(const Job& job) override { return (s_.*run_)(job); }

 private:
  NotificationService& s_;
  Run_ run_;
  Check_ check_;
};

NotificationService::NotificationService(OutboxRepository& outbox,
                                         NotificationSettingsRepository& settings, JobQueue& jobs,
                                         PetitionRepository& petitions, CommuneRepository& communes,
                                         const Clock& clock, const WorkingCalendar& calendar,
                                         std::string public_url)
    : outbox_(outbox),
      settings_(settings),
      jobs_(jobs),
      petitions_(petitions),
      communes_(communes),
      clock_(clock),
      calendar_(calendar),
      public_url_(std::move(public_url)) {}

NotificationService::~NotificationService() = default;

Timestamp NotificationService::LocalTime(Date day, int hour) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(day.sys_days() +
                                                                 std::chrono::hours(hour - 7));
}

void NotificationService::RegisterHandlers(JobRunner& runner) {
  auto add = [&](std::string_view kind, Handler::Run_ run, Handler::Check_ check) {
    handlers_.push_back(std::make_unique<Handler>(*this, run, check));
    runner.Register(std::string(kind), *handlers_.back());
  };
  add(kJobPlan, &NotificationService::RunPlan, nullptr);
  add(kJobDigest, &NotificationService::RunDigest, nullptr);
  add(kJobEscalate, &NotificationService::RunEscalation, &NotificationService::ItemSubjectChecksum);
  add(kJobRateRequest, &NotificationService::RunRateRequest, &NotificationService::RateChecksum);
  add(kJobSend, &NotificationService::SendMessage, nullptr);
}

Result<MessageContext> NotificationService::ContextFor(CommuneId commune) {
  MessageContext ctx;
  ASSIGN_OR_RETURN(ctx.commune, communes_.FindCommune(commune));
  ASSIGN_OR_RETURN(ctx.units, communes_.ListUnits(commune));
  ASSIGN_OR_RETURN(PetitionSettings petition_settings, petitions_.LoadSettings(commune));
  ctx.fields =
      petition_settings.fields.empty() ? DefaultPetitionFields() : petition_settings.fields;
  ASSIGN_OR_RETURN(ctx.settings, settings_.Load(commune));
  ctx.public_url = public_url_;
  ctx.now = clock_.Now();
  return ctx;
}

Status NotificationService::SaveSettings(CommuneId commune, const NotificationSettings& settings,
                                         const AuditContext& ctx) {
  RETURN_IF_ERROR(ValidateNotificationSettings(settings));
  return settings_.Save(commune, settings, ctx);
}

Status NotificationService::EnqueueCitizen(const Petition& petition, std::string_view event,
                                           int item) {
  ASSIGN_OR_RETURN(MessageContext ctx, ContextFor(petition.commune_id));
  std::optional<OutboxMessage> m = CitizenMessage(petition, event, item, ctx);
  if (!m.has_value()) {
    return OkStatus();
  }
  RETURN_IF_ERROR(outbox_.Enqueue({std::move(*m)}, ctx.now).status());
  if (wakeup_) {
    wakeup_();
  }
  return OkStatus();
}

Status NotificationService::ScheduleRateRequest(const Petition& petition, int item) {
  Petition copy = petition;
  const PetitionItem* it = FindItem(copy, item);
  if (it == nullptr || !it->answer.has_value() ||
      it->petition_class == PetitionClass::kDenunciation) {
    return OkStatus();
  }
  ASSIGN_OR_RETURN(NotificationSettings settings, settings_.Load(petition.commune_id));
  const Date day = calendar_.Deadline(it->answer->answered_on, settings.rate_request_after_days,
                                      DayCount::kWorking);
  Job job;
  job.commune_id = petition.commune_id;
  job.kind = std::string(kJobRateRequest);
  job.fingerprint = "rate:" + std::to_string(petition.id.value) + ":" + std::to_string(item) + ":" +
                    it->answer->answered_on.ToIsoString();
  job.subject = ItemSubject(petition.id, item);
  job.subject_checksum = RateState(*it);
  job.run_at = LocalTime(day, kRateHourLocal);
  job.created_at = clock_.Now();
  return jobs_.Enqueue(job).status();
}

Status NotificationService::ResultsNoticeIssued(const ResultsNoticeEvent& event) {
  ASSIGN_OR_RETURN(MessageContext ctx, ContextFor(event.commune));
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(event.commune));
  std::vector<OutboxMessage> messages;
  for (VillageId id : event.villages) {
    for (const Village& v : villages) {
      if (v.id == id) messages.push_back(VillageHeadMessage(event, v, ctx));
    }
  }
  if (messages.empty()) {
    return OkStatus();
  }
  RETURN_IF_ERROR(outbox_.Enqueue(std::move(messages), ctx.now).status());
  if (wakeup_) {
    wakeup_();
  }
  return OkStatus();
}

Status NotificationService::PetitionChanged(std::string_view action, const Petition& petition) {
  const int item = petition.history.empty() ? 0 : petition.history.back().item;
  if (action == "petition.create") {
    return EnqueueCitizen(petition, kEventReceived, 0);
  }
  if (action == "petition.assign") {
    ASSIGN_OR_RETURN(NotificationSettings settings, settings_.Load(petition.commune_id));
    if (!settings.notify_citizen_on_assign) {
      return OkStatus();
    }
    return EnqueueCitizen(petition, kEventAssigned, item);
  }
  if (action == "petition.answer") {
    RETURN_IF_ERROR(EnqueueCitizen(petition, kEventAnswered, item));
    return ScheduleRateRequest(petition, item);
  }
  if (action == "petition.rate" && !petition.history.empty() &&
      petition.history.back().action == "escalated") {
    // Issue #5 §4: a citizen not satisfied, and the commune escalates.
    ASSIGN_OR_RETURN(MessageContext ctx, ContextFor(petition.commune_id));
    ASSIGN_OR_RETURN(std::vector<Official> officials, communes_.ListOfficials(petition.commune_id));
    const std::optional<OfficialId> chairman = ChairmanOf(officials, ctx.settings.chairman_id);
    Petition copy = petition;
    const PetitionItem* it = FindItem(copy, item);
    if (!chairman.has_value() || it == nullptr) {
      return OkStatus();
    }
    for (const Official& o : officials) {
      if (o.id == *chairman) {
        ItemReminder r;
        r.petition_id = petition.id;
        r.code = petition.code;
        r.item = item;
        r.kind = ReminderKind::kEscalation;
        r.deadline = it->deadline.value_or(petition.received_on);
        r.field = it->field;
        r.unit_id = it->unit_id;
        OutboxMessage m = EscalationMessage(r, o, ctx);
        m.subject =
            "[" + ctx.commune.DisplayName() + "] Công dân chưa hài lòng: đơn " + petition.code;
        m.body = "Kính gửi " + o.full_name + ",\nCông dân chưa hài lòng với câu trả lời đơn " +
                 petition.code + ". Theo cài đặt của xã, việc này chuyển Chủ tịch UBND xem xét. " +
                 "Xem tại " + TrackingUrl(ctx, petition.code);
        return outbox_.Enqueue({std::move(m)}, ctx.now).status();
      }
    }
  }
  return OkStatus();
}

Status NotificationService::EnsureDailyPlans() {
  const Timestamp now = clock_.Now();
  const Date today = VietnamDate(now);
  if (!calendar_.IsWorkingDay(today)) {
    return OkStatus();  // DAY-01: nobody is at the office to act on a reminder
  }
  ASSIGN_OR_RETURN(std::vector<Commune> communes, communes_.ListCommunes());
  std::lock_guard<std::mutex> lock(planned_mu_);
  if (planned_day_ != today) {
    planned_day_ = today;
    planned_.clear();
  }
  for (const Commune& c : communes) {
    // Once per process and day is enough: the fingerprint makes it once
    // overall; this only spares a write transaction per commune per tick.
    if (planned_.count(c.id.value) > 0) {
      continue;
    }
    Job job;
    job.commune_id = c.id;
    job.kind = std::string(kJobPlan);
    job.fingerprint = "plan:" + today.ToIsoString();
    job.payload = today.ToIsoString();
    job.run_at = LocalTime(today, kPlanHourLocal);
    job.created_at = now;
    RETURN_IF_ERROR(jobs_.Enqueue(job).status());
    planned_.insert(c.id.value);
  }
  return OkStatus();
}

Status NotificationService::PlanDay(CommuneId commune, Date day) {
  ASSIGN_OR_RETURN(PetitionSettings petition_settings, petitions_.LoadSettings(commune));
  ASSIGN_OR_RETURN(NotificationSettings settings, settings_.Load(commune));
  ASSIGN_OR_RETURN(std::vector<Official> officials, communes_.ListOfficials(commune));
  std::vector<Petition> open;
  PetitionQuery query;
  query.open_only = true;
  query.limit = kPageSize;
  while (true) {
    ASSIGN_OR_RETURN(PetitionPage page, petitions_.Search(commune, query));
    for (Petition& p : page.items) {
      open.push_back(std::move(p));
    }
    query.offset += kPageSize;
    if (query.offset >= page.total) {
      break;
    }
  }
  ReminderPolicy policy;
  policy.due_soon_days = petition_settings.due_soon_days;
  policy.escalate_after_days = settings.escalate_after_days;
  policy.chairman_id = settings.chairman_id;
  const std::vector<ItemReminder> reminders =
      PlanReminders(open, day, calendar_, policy, officials);
  const Timestamp now = clock_.Now();
  for (const Digest& d : GroupDigests(reminders)) {
    Job job;
    job.commune_id = commune;
    job.kind = std::string(kJobDigest);
    job.fingerprint = "digest:" + std::to_string(d.official_id.value) + ":" + day.ToIsoString();
    job.subject = "official:" + std::to_string(d.official_id.value);
    job.payload = day.ToIsoString();
    for (const ItemReminder& r : d.items) {
      job.payload += "\n" + std::to_string(r.petition_id.value) + "\t" + std::to_string(r.item) +
                     "\t" + std::string(ReminderKindCode(r.kind)) + "\t" +
                     std::to_string(r.working_days) + "\t" + r.checksum;
    }
    job.run_at = now;
    job.created_at = now;
    RETURN_IF_ERROR(jobs_.Enqueue(job).status());
  }
  for (const ItemReminder& r : reminders) {
    if (r.kind != ReminderKind::kEscalation) {
      continue;
    }
    Job job;
    job.commune_id = commune;
    job.kind = std::string(kJobEscalate);
    job.fingerprint = "escalate:" + std::to_string(r.petition_id.value) + ":" +
                      std::to_string(r.item) + ":" + r.deadline.ToIsoString();
    job.subject = ItemSubject(r.petition_id, r.item);
    job.subject_checksum = r.checksum;
    job.payload =
        std::to_string(r.working_days) + "\t" + std::to_string(r.recipients.front().value);
    job.run_at = now;
    job.created_at = now;
    RETURN_IF_ERROR(jobs_.Enqueue(job).status());
  }
  return OkStatus();
}

JobOutcome NotificationService::RunPlan(const Job& job) {
  Result<Date> day = Date::Parse(job.payload);
  if (!day.ok()) {
    return JobOutcome{JobOutcome::kDrop, BadPayload(job).message};
  }
  Status s = PlanDay(job.commune_id, day.value());
  if (!s.ok()) {
    return JobOutcome{JobOutcome::kRetry, s.error().message};
  }
  return JobOutcome{JobOutcome::kDone, ""};
}

JobOutcome NotificationService::RunDigest(const Job& job) {
  const std::vector<std::string_view> lines = Split(job.payload, '\n');
  Result<Date> day = Date::Parse(lines.front());
  int64_t official_id = 0;
  const std::vector<std::string_view> subject = Split(job.subject, ':');
  if (!day.ok() || subject.size() != 2 || !ToInt(subject[1], official_id)) {
    return JobOutcome{JobOutcome::kDrop, BadPayload(job).message};
  }
  Digest digest;
  digest.official_id = OfficialId{official_id};
  std::map<int64_t, Petition> loaded;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string_view> f = Split(lines[i], '\t');
    int64_t pid = 0;
    int64_t number = 0;
    int64_t days = 0;
    if (f.size() != 5 || !ToInt(f[0], pid) || !ToInt(f[1], number) || !ToInt(f[3], days)) {
      return JobOutcome{JobOutcome::kDrop, BadPayload(job).message};
    }
    auto it = loaded.find(pid);
    if (it == loaded.end()) {
      Result<Petition> p = petitions_.Find(job.commune_id, PetitionId{pid});
      if (!p.ok()) {
        if (p.error().code == ErrorCode::kNotFound) {
          continue;
        }
        return JobOutcome{JobOutcome::kRetry, p.error().message};
      }
      it = loaded.emplace(pid, std::move(p).value()).first;
    }
    const PetitionItem* item = FindItem(it->second, static_cast<int>(number));
    // Habit 5: an item that changed since the plan (answered, extended,
    // reassigned) is not reminded about.
    if (item == nullptr || ItemChecksum(*item) != f[4]) {
      continue;
    }
    ItemReminder r;
    r.petition_id = PetitionId{pid};
    r.code = it->second.code;
    r.item = item->number;
    r.kind = f[2] == "overdue" ? ReminderKind::kOverdue : ReminderKind::kDueSoon;
    r.deadline = item->deadline.value_or(day.value());
    r.working_days = static_cast<int>(days);
    r.field = item->field;
    r.unit_id = item->unit_id;
    digest.items.push_back(r);
  }
  if (digest.items.empty()) {
    return JobOutcome{JobOutcome::kDrop, "Các việc cần nhắc đã thay đổi từ khi lập lịch"};
  }
  Result<MessageContext> ctx = ContextFor(job.commune_id);
  Result<std::vector<Official>> officials = communes_.ListOfficials(job.commune_id);
  if (!ctx.ok() || !officials.ok()) {
    return JobOutcome{JobOutcome::kRetry,
                      !ctx.ok() ? ctx.error().message : officials.error().message};
  }
  for (const Official& o : officials.value()) {
    if (o.id == digest.official_id) {
      Status s =
          outbox_.Enqueue({DigestMessage(digest, o, day.value(), ctx.value())}, ctx.value().now)
              .status();
      if (!s.ok()) {
        return JobOutcome{JobOutcome::kRetry, s.error().message};
      }
      return JobOutcome{JobOutcome::kDone, ""};
    }
  }
  return JobOutcome{JobOutcome::kDrop, "Cán bộ không còn trong danh sách của xã"};
}

Result<std::string> NotificationService::SubjectItemState(
    const Job& job, std::string (*state)(const PetitionItem&)) {
  PetitionId id;
  int number = 0;
  if (!ParseItemSubject(job.subject, id, number)) {
    return BadPayload(job);
  }
  Result<Petition> p = petitions_.Find(job.commune_id, id);
  if (!p.ok()) {
    if (p.error().code == ErrorCode::kNotFound) {
      return std::string();  // the subject is gone: the job is dropped
    }
    return std::move(p).error();
  }
  const PetitionItem* item = FindItem(p.value(), number);
  return item == nullptr ? std::string() : state(*item);
}

Result<std::string> NotificationService::ItemSubjectChecksum(const Job& job) {
  return SubjectItemState(job, &ItemChecksum);
}

Result<std::string> NotificationService::RateChecksum(const Job& job) {
  return SubjectItemState(job, &RateState);
}

JobOutcome NotificationService::RunEscalation(const Job& job) {
  PetitionId id;
  int number = 0;
  const std::vector<std::string_view> f = Split(job.payload, '\t');
  int64_t days = 0;
  int64_t chairman = 0;
  if (!ParseItemSubject(job.subject, id, number) || f.size() != 2 || !ToInt(f[0], days) ||
      !ToInt(f[1], chairman)) {
    return JobOutcome{JobOutcome::kDrop, BadPayload(job).message};
  }
  Result<Petition> p = petitions_.Find(job.commune_id, id);
  Result<MessageContext> ctx = ContextFor(job.commune_id);
  Result<std::vector<Official>> officials = communes_.ListOfficials(job.commune_id);
  if (!p.ok() || !ctx.ok() || !officials.ok()) {
    return JobOutcome{JobOutcome::kRetry, "Không đọc được dữ liệu để báo Chủ tịch"};
  }
  const PetitionItem* item = FindItem(p.value(), number);
  if (item == nullptr) {
    return JobOutcome{JobOutcome::kDrop, "Nội dung đơn không còn"};
  }
  for (const Official& o : officials.value()) {
    if (o.id.value == chairman) {
      ItemReminder r;
      r.petition_id = id;
      r.code = p.value().code;
      r.item = number;
      r.kind = ReminderKind::kEscalation;
      r.deadline = item->deadline.value_or(p.value().received_on);
      r.working_days = static_cast<int>(days);
      r.field = item->field;
      r.unit_id = item->unit_id;
      Status s = outbox_.Enqueue({EscalationMessage(r, o, ctx.value())}, ctx.value().now).status();
      if (!s.ok()) {
        return JobOutcome{JobOutcome::kRetry, s.error().message};
      }
      return JobOutcome{JobOutcome::kDone, ""};
    }
  }
  return JobOutcome{JobOutcome::kDrop, "Không tìm thấy Chủ tịch trong danh sách cán bộ"};
}

JobOutcome NotificationService::RunRateRequest(const Job& job) {
  PetitionId id;
  int number = 0;
  if (!ParseItemSubject(job.subject, id, number)) {
    return JobOutcome{JobOutcome::kDrop, BadPayload(job).message};
  }
  Result<Petition> p = petitions_.Find(job.commune_id, id);
  if (!p.ok()) {
    return JobOutcome{JobOutcome::kRetry, p.error().message};
  }
  Status s = EnqueueCitizen(p.value(), kEventRateRequest, number);
  if (!s.ok()) {
    return JobOutcome{JobOutcome::kRetry, s.error().message};
  }
  return JobOutcome{JobOutcome::kDone, ""};
}

// DLG-08: the results notice reached a village head by message. The
// message was sent either way, so a failure here only loses the automatic
// tick in the delivery table (staff can record it by hand).
void NotificationService::RecordResultsDelivery(const OutboxMessage& m, Timestamp now) {
  const auto topic = ParseResultsNoticeTopic(m.topic);
  if (day_ == nullptr || !topic.has_value()) {
    return;
  }
  VillageDelivery delivery;
  delivery.village = topic->second;
  delivery.head_name = m.recipient_name;
  delivery.delivered_on = VietnamDate(now);
  delivery.via = m.channel == MessageChannel::kEmail  ? "Thư điện tử tự động"
                 : m.channel == MessageChannel::kZalo ? "Tin nhắn Zalo tự động"
                                                      : "Tin nhắn SMS tự động";
  AuditContext ctx;
  ctx.commune = m.commune_id;
  ctx.actor_name = "system";
  ctx.at = now;
  (void)day_->RecordDelivery(m.commune_id, topic->first, delivery, ctx);
}

JobOutcome NotificationService::SendMessage(const Job& job) {
  const std::vector<std::string_view> f = Split(job.subject, ':');
  int64_t id = 0;
  if (f.size() != 2 || f[0] != "message" || !ToInt(f[1], id)) {
    return JobOutcome{JobOutcome::kDrop, BadPayload(job).message};
  }
  Result<OutboxMessage> found = outbox_.Find(job.commune_id, MessageId{id});
  if (!found.ok()) {
    return JobOutcome{
        found.error().code == ErrorCode::kNotFound ? JobOutcome::kDrop : JobOutcome::kRetry,
        found.error().message};
  }
  const OutboxMessage& m = found.value();
  const Timestamp now = clock_.Now();
  if (m.state == DeliveryState::kSent || m.state == DeliveryState::kWithheld) {
    return JobOutcome{JobOutcome::kDone, ""};  // a retried job after a crash: sent once
  }
  auto give_up = [&](const std::string& reason) {
    (void)outbox_.MarkFailed(job.commune_id, m.id, reason, false, now);
    return JobOutcome{JobOutcome::kDrop, reason};
  };
  if (m.address.empty()) {
    return give_up(m.recipient_kind == "citizen"
                       ? "Công dân không để lại số điện thoại"
                       : "Chưa có số điện thoại hoặc thư điện tử của cán bộ: nhập ở trang "
                         "Cài đặt thông báo");
  }
  for (Transport* t : transports_) {
    if (!t->Accepts(m.channel)) {
      continue;
    }
    Status sent = t->Send(m);
    if (sent.ok()) {
      Status marked = outbox_.MarkSent(job.commune_id, m.id, t->name(), now);
      if (!marked.ok()) {
        return JobOutcome{JobOutcome::kRetry, marked.error().message};
      }
      RecordResultsDelivery(m, now);
      return JobOutcome{JobOutcome::kDone, ""};
    }
    if (sent.error().code != ErrorCode::kUnavailable) {
      return give_up(sent.error().message);  // a retry would fail the same way
    }
    const bool will_retry = job.attempts < job.max_attempts;
    (void)outbox_.MarkFailed(job.commune_id, m.id, sent.error().message, will_retry,
                             now + RetryBackoff(job.attempts));
    return JobOutcome{JobOutcome::kRetry, sent.error().message};
  }
  return give_up("Không có kênh gửi cho loại tin “" + std::string(MessageChannelCode(m.channel)) +
                 "” (cấu hình serve --notify)");
}

}  // namespace doithoai
