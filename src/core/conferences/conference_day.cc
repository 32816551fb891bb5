#include "core/conferences/conference_day.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/audit/audit_json.h"
#include "core/conferences/conference_service_internal.h"
#include "core/petitions/petition_intake.h"
#include "core/reports/petition_report.h"
#include "core/text/vietnamese.h"

namespace doithoai {

using namespace conference_internal;  // NOLINT(build/namespaces): this module's helpers

namespace {

constexpr std::string_view kLocked =
    "Biên bản đã được thư ký và chủ tọa ký và đã khóa; muốn sửa hay bổ sung, hãy lập biên bản "
    "bổ sung.";

// The desk records while the conference is on: not before the plan is
// issued, not once cancelled, not after the minutes are locked.
Status RequireRecording(const Conference& c) {
  if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
  if (c.minutes.Locked()) return Precondition(std::string(kLocked));
  return OkStatus();
}

Status RequireSession(const Conference& c, int session) {
  if (c.FindSession(session) == nullptr) {
    return Invalid("session", "Hội nghị không có phiên " + std::to_string(session) + ".");
  }
  return OkStatus();
}

Status RequireAgendaItem(const Conference& c, int item) {
  if (item < 0 || item > static_cast<int>(c.agenda.size())) {
    return Invalid("agenda_item", "Mục chương trình không tồn tại.");
  }
  return OkStatus();
}

Speaker* FindSpeakerByKeyOrNumber(Conference& c, const std::string& key, int number) {
  for (Speaker& s : c.speakers) {
    if (!key.empty() ? s.client_key == key : s.number == number) return &s;
  }
  return nullptr;
}

const Speaker* FindSpeakerConst(const Conference& c, const std::string& key, int number) {
  return FindSpeakerByKeyOrNumber(const_cast<Conference&>(c), key, number);
}

Status CheckKey(const std::string& key) {
  if (key.empty() || key.size() > 100) {
    return Invalid("client_key", "Thiếu mã thao tác (client_key) hoặc mã quá dài.");
  }
  return OkStatus();
}

}  // namespace

std::string_view OpinionOutcomeCode(OpinionOutcome v) {
  switch (v) {
    case OpinionOutcome::kPending:
      return "pending";
    case OpinionOutcome::kAnswered:
      return "answered";
    case OpinionOutcome::kAssigned:
      return "assigned";
    case OpinionOutcome::kForwarded:
      return "forwarded";
  }
  return "pending";
}

Result<OpinionOutcome> ParseOpinionOutcome(std::string_view code) {
  for (OpinionOutcome v : {OpinionOutcome::kPending, OpinionOutcome::kAnswered,
                           OpinionOutcome::kAssigned, OpinionOutcome::kForwarded}) {
    if (OpinionOutcomeCode(v) == code) return v;
  }
  return Invalid("outcome", "Cách xử lý ý kiến không hợp lệ: \"" + std::string(code) + "\".");
}

Result<std::pair<Speaker, bool>> ConferenceDay::AddSpeaker(CommuneId commune, ConferenceId id,
                                                           const DeskSpeaker& input,
                                                           const AuditContext& ctx) {
  RETURN_IF_ERROR(CheckKey(input.client_key));
  // The petition intake's limit (its name), counted in characters.
  Result<std::string> clean =
      CleanFieldText("name", input.name, "Cần ghi họ tên người phát biểu.", kMaxSubmitterNameChars);
  if (!clean.ok()) {
    return Invalid("name", "Cần ghi họ tên người phát biểu (tối đa " +
                               std::to_string(kMaxSubmitterNameChars) + " ký tự).");
  }
  const std::string name = std::move(clean).value();
  std::string phone;
  if (!Blank(input.phone)) {
    Result<std::string> normalized = NormalizePhone(input.phone);
    if (!normalized.ok()) return Invalid("phone", normalized.error().message);
    phone = std::move(normalized).value();
  }
  if (input.village) {
    ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(commune));
    const bool ours = std::any_of(villages.begin(), villages.end(),
                                  [&](const Village& v) { return v.id == *input.village; });
    if (!ours) return Invalid("village_id", "Thôn không thuộc xã này.");
  }
  std::optional<Speaker> stored;
  bool created = false;
  ConferenceChange change;
  change.action = "conference.speaker_add";
  change.apply = [&](Conference& c) -> Result<std::string> {
    if (const Speaker* seen = FindSpeakerConst(c, input.client_key, 0)) {
      stored = *seen;
      return JsonSummary({{"speaker", std::to_string(seen->number)}, {"replay", "true"}});
    }
    RETURN_IF_ERROR(RequireRecording(c));
    RETURN_IF_ERROR(RequireSession(c, input.session));
    RETURN_IF_ERROR(RequireAgendaItem(c, input.agenda_item));
    Speaker s;
    s.number = NextNumber(c.speakers);
    s.session = input.session;
    s.name = name;
    s.village = input.village;
    s.agenda_item = input.agenda_item;
    s.anonymous = input.anonymous;
    s.phone = phone;
    s.client_key = input.client_key;
    s.added_at = clock_.Now();
    c.speakers.push_back(s);
    stored = s;
    created = true;
    return JsonSummary({{"speaker", std::to_string(s.number)}});
  };
  // A replay changes nothing, but the write is cheap and keeps one path.
  ASSIGN_OR_RETURN(Conference after, repo_.Update(commune, id, std::nullopt, change, ctx));
  (void)after;
  return std::make_pair(*stored, created);
}

Result<Speaker> ConferenceDay::SetSpeakerState(CommuneId commune, ConferenceId id,
                                               const std::string& key, int number,
                                               SpeakerState state, const AuditContext& ctx) {
  std::optional<Speaker> result;
  ConferenceChange change;
  change.action = "conference.speaker_state";
  change.apply = [&](Conference& c) -> Result<std::string> {
    RETURN_IF_ERROR(RequireRecording(c));
    Speaker* s = FindSpeakerByKeyOrNumber(c, key, number);
    if (s == nullptr) return MakeError(ErrorCode::kNotFound, "Không tìm thấy người phát biểu.");
    if (state == SpeakerState::kSpeaking) {
      for (Speaker& other : c.speakers) {
        if (other.state == SpeakerState::kSpeaking && other.number != s->number) {
          other.state = SpeakerState::kDone;
        }
      }
      c.live.session = s->session;
      c.live.speaker = s->number;
      c.live.opinion = 0;
      if (s->agenda_item != 0) c.live.agenda_item = s->agenda_item;
      c.live.updated_at = clock_.Now();
    }
    s->state = state;
    result = *s;
    return JsonSummary(
        {{"speaker", std::to_string(s->number)}, {"state", JsonQuote(SpeakerStateCode(state))}});
  };
  RETURN_IF_ERROR(repo_.Update(commune, id, std::nullopt, change, ctx).status());
  return *result;
}

Result<RecordedOpinion> ConferenceDay::RecordOpinion(const Commune& commune, ConferenceId id,
                                                     const DeskOpinion& input,
                                                     const AuditContext& ctx) {
  RETURN_IF_ERROR(CheckKey(input.client_key));
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune.id, id));
  // A key seen before: return what it stored.
  for (const Opinion& o : c.opinions) {
    if (o.client_key == input.client_key) {
      ASSIGN_OR_RETURN(Petition p, petitions_.Find(commune.id, o.petition));
      return RecordedOpinion{o, std::move(p), false};
    }
  }
  // Check everything before the first write: bad input changes nothing.
  RETURN_IF_ERROR(RequireRecording(c));
  RETURN_IF_ERROR(RequireSession(c, input.session));
  RETURN_IF_ERROR(RequireAgendaItem(c, input.agenda_item));
  const Speaker* speaker = FindSpeakerConst(c, input.speaker_key, input.speaker);
  if (speaker == nullptr) {
    return Invalid("speaker", "Chưa có người phát biểu này trong danh sách; hãy thêm trước.");
  }
  if (Blank(input.text)) return Invalid("text", "Cần ghi nội dung ý kiến.");
  switch (input.outcome) {
    case OpinionOutcome::kAnswered:
      // The petition service's own checks, before the petition is stored.
      RETURN_IF_ERROR(CleanFieldText("answer", input.answer,
                                     "Cần tóm tắt câu trả lời tại hội nghị.", kMaxAnswerChars)
                          .status());
      if (Blank(input.answered_by)) return Invalid("answered_by", "Cần ghi người trả lời.");
      break;
    case OpinionOutcome::kAssigned: {
      if (!input.unit) return Invalid("unit_id", "Cần chọn đơn vị được giao giải quyết.");
      ASSIGN_OR_RETURN(std::vector<Unit> units, communes_.ListUnits(commune.id));
      const bool ours = std::any_of(units.begin(), units.end(),
                                    [&](const Unit& u) { return u.id == *input.unit; });
      if (!ours) return Invalid("unit_id", "Đơn vị được giao không thuộc xã này.");
      if (input.deadline && *input.deadline < petitions_.Today()) {
        return Invalid("deadline", "Thời hạn giải quyết không được trước hôm nay.");
      }
      break;
    }
    case OpinionOutcome::kForwarded:
      if (Blank(input.forwarded_to)) {
        return Invalid("forwarded_to", "Cần ghi cơ quan có thẩm quyền nhận ý kiến chuyển.");
      }
      break;
    case OpinionOutcome::kPending:
      break;
  }
  const PetitionClass cls = input.petition_class.value_or(PetitionClass::kProposal);
  std::string village_name;
  if (speaker->village) {
    ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(commune.id));
    for (const Village& v : villages) {
      if (v.id == *speaker->village) village_name = v.name;
    }
  }
  NewPetition np;
  np.channel = PetitionChannel::kConference;
  np.name = speaker->name;
  np.phone = speaker->phone;
  np.village = village_name;
  // CLS-03 / TC-06: a tố cáo needs an address; in the room it is the village.
  np.address = village_name.empty() ? "Phát biểu tại hội nghị đối thoại"
                                    : village_name + ", " + commune.DisplayName();
  np.conference_id = id;
  np.session_number = input.session;
  np.form_token = "desk:" + input.client_key;
  np.items.push_back(NewPetitionItem{input.text, cls, input.field});
  ASSIGN_OR_RETURN(CreatedPetition created, petitions_.Submit(commune, np, ctx));
  Petition petition = std::move(created.petition);
  const PetitionItem& item = petition.items.front();
  // The outcome, unless a retry already applied it.
  const bool untouched =
      item.status == ItemStatus::kReceived || item.status == ItemStatus::kClassified;
  if (untouched) {
    Result<Petition> changed = petition;
    switch (input.outcome) {
      case OpinionOutcome::kAnswered:
        changed =
            petitions_.Answer(commune.id, petition.id, 1, input.answer, !petition.HasDenunciation(),
                              std::nullopt, input.answered_by, ctx);
        break;
      case OpinionOutcome::kAssigned:
        changed = petitions_.Assign(commune.id, petition.id, std::nullopt, {1}, *input.unit,
                                    std::nullopt, input.deadline, ctx);
        break;
      case OpinionOutcome::kForwarded:
        changed = petitions_.Forward(commune.id, petition.id, 1, input.forwarded_to, ctx);
        break;
      case OpinionOutcome::kPending:
        break;
    }
    if (!changed.ok()) return changed.error();
    petition = std::move(changed).value();
  }
  std::optional<Opinion> linked;
  ConferenceChange change;
  change.action = "conference.opinion_add";
  change.apply = [&](Conference& conf) -> Result<std::string> {
    for (const Opinion& o : conf.opinions) {
      if (o.client_key == input.client_key || o.petition == petition.id) {
        linked = o;
        return JsonSummary({{"opinion", std::to_string(o.number)}, {"replay", "true"}});
      }
    }
    Opinion o;
    o.number = NextNumber(conf.opinions);
    o.session = input.session;
    Speaker* s = FindSpeakerByKeyOrNumber(conf, input.speaker_key, input.speaker);
    o.speaker = s != nullptr ? s->number : 0;
    o.agenda_item = input.agenda_item;
    o.petition = petition.id;
    o.code = petition.code;
    o.client_key = input.client_key;
    o.recorded_at = clock_.Now();
    // CONF-01/02: the denouncer's identity lives only in the sealed petition.
    if (s != nullptr && petition.HasDenunciation()) {
      s->name = petition.DisplayName();
      s->village.reset();
      s->phone.clear();
      s->sealed = true;
    }
    conf.opinions.push_back(o);
    conf.live.session = o.session;
    conf.live.speaker = o.speaker;
    conf.live.opinion = o.number;
    if (o.agenda_item != 0) conf.live.agenda_item = o.agenda_item;
    conf.live.updated_at = o.recorded_at;
    linked = o;
    return JsonSummary({{"opinion", std::to_string(o.number)}, {"code", JsonQuote(o.code)}});
  };
  RETURN_IF_ERROR(repo_.Update(commune.id, id, std::nullopt, change, ctx).status());
  return RecordedOpinion{*linked, std::move(petition), created.created};
}

Result<LiveState> ConferenceDay::SetLive(CommuneId commune, ConferenceId id, const LiveState& live,
                                         const AuditContext& ctx) {
  LiveState result;
  ConferenceChange change;
  change.action = "conference.live";
  change.apply = [&](Conference& c) -> Result<std::string> {
    if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
    if (live.session != 0) RETURN_IF_ERROR(RequireSession(c, live.session));
    if (live.speaker != 0 && c.FindSpeaker(live.speaker) == nullptr) {
      return Invalid("speaker", "Không tìm thấy người phát biểu.");
    }
    if (live.opinion != 0 && c.FindOpinion(live.opinion) == nullptr) {
      return Invalid("opinion", "Không tìm thấy ý kiến.");
    }
    RETURN_IF_ERROR(RequireAgendaItem(c, live.agenda_item));
    c.live = live;
    c.live.updated_at = clock_.Now();
    result = c.live;
    return JsonSummary({{"speaker", std::to_string(live.speaker)},
                        {"opinion", std::to_string(live.opinion)},
                        {"agenda_item", std::to_string(live.agenda_item)}});
  };
  RETURN_IF_ERROR(repo_.Update(commune, id, std::nullopt, change, ctx).status());
  return result;
}

Result<Conference> ConferenceDay::SetAttendance(CommuneId commune, ConferenceId id, int session,
                                                const std::vector<AttendanceCount>& counts,
                                                const AuditContext& ctx) {
  for (size_t i = 0; i < counts.size(); ++i) {
    const AttendanceCount& a = counts[i];
    if (a.count < 0 || a.count > 100000) {
      return Invalid("count", "Số người tham dự phải từ 0 đến 100.000.");
    }
    // One count per group: two would be stored side by side and both added
    // to the minutes' total (DLG-10).
    for (size_t j = 0; j < i; ++j) {
      if (counts[j].group == a.group) {
        return Invalid("group", "Mỗi thành phần chỉ nhập một số người tham dự (\"" +
                                    std::string(ParticipantGroupLabel(a.group)) +
                                    "\" bị nhập hai lần).");
      }
    }
  }
  ConferenceChange change;
  change.action = "conference.attendance";
  change.apply = [&](Conference& c) -> Result<std::string> {
    RETURN_IF_ERROR(RequireRecording(c));
    RETURN_IF_ERROR(RequireSession(c, session));
    std::erase_if(c.attendance, [&](const AttendanceCount& a) {
      if (a.session != session) return false;
      return std::any_of(counts.begin(), counts.end(),
                         [&](const AttendanceCount& n) { return n.group == a.group; });
    });
    int total = 0;
    for (AttendanceCount a : counts) {
      a.session = session;
      total += a.count;
      c.attendance.push_back(a);
    }
    return JsonSummary({{"session", std::to_string(session)}, {"total", std::to_string(total)}});
  };
  return repo_.Update(commune, id, std::nullopt, change, ctx);
}

Result<ConferenceSession> ConferenceDay::StartSession(CommuneId commune, ConferenceId id,
                                                      int number, const AuditContext& ctx) {
  std::optional<ConferenceSession> result;
  ConferenceChange change;
  change.action = "conference.session_start";
  change.apply = [&](Conference& c) -> Result<std::string> {
    RETURN_IF_ERROR(RequireRecording(c));
    RETURN_IF_ERROR(RequireSession(c, number));
    for (ConferenceSession& s : c.sessions) {
      if (s.number != number) continue;
      if (!s.started_at) s.started_at = clock_.Now();  // idempotent: the first start counts
      c.live.session = number;
      c.live.updated_at = clock_.Now();
      result = s;
    }
    return JsonSummary({{"session", std::to_string(number)}});
  };
  RETURN_IF_ERROR(repo_.Update(commune, id, std::nullopt, change, ctx).status());
  return *result;
}

Result<ConferenceSession> ConferenceDay::EndSession(CommuneId commune, ConferenceId id, int number,
                                                    const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  RETURN_IF_ERROR(RequireSession(c, number));
  if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
  // One write: the times are stored only if the session may be marked held.
  const Timestamp now = clock_.Now();
  auto stamp = [now](Conference& conf, ConferenceSession& s) {
    if (!s.started_at) s.started_at = now;  // ended without a recorded start
    if (!s.ended_at) s.ended_at = now;
    // The room screen leaves the last speaker for the closing message.
    if (conf.live.session == s.number) {
      conf.live.speaker = 0;
      conf.live.opinion = 0;
      conf.live.updated_at = now;
    }
    for (Speaker& sp : conf.speakers) {
      if (sp.session == s.number && sp.state == SpeakerState::kSpeaking) {
        sp.state = SpeakerState::kDone;
      }
    }
  };
  if (!c.FindSession(number)->held) {
    ASSIGN_OR_RETURN(Conference held,
                     conferences_.MarkSessionHeld(commune, id, number, ctx, stamp));
    return *held.FindSession(number);
  }
  std::optional<ConferenceSession> result;
  ConferenceChange change;
  change.action = "conference.session_end";
  change.apply = [&](Conference& conf) -> Result<std::string> {
    for (ConferenceSession& s : conf.sessions) {
      if (s.number != number) continue;
      stamp(conf, s);
      result = s;
    }
    return JsonSummary({{"session", std::to_string(number)}});
  };
  RETURN_IF_ERROR(repo_.Update(commune, id, std::nullopt, change, ctx).status());
  return *result;
}

Result<MinutesRecord> ConferenceDay::SignMinutes(CommuneId commune, ConferenceId id,
                                                 MinutesRole role, const SignOff& signer,
                                                 const std::string& public_url,
                                                 const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
  const bool secretary = role == MinutesRole::kSecretary;
  const std::optional<SignOff>& mine = secretary ? c.minutes.secretary : c.minutes.chair;
  if (mine) {
    return Precondition(std::string(secretary ? "Thư ký" : "Chủ tọa") +
                        " đã ký biên bản này rồi (" + mine->name + "); không ký lại được.");
  }
  // DLG-10: the Biên bản carries two signatures, THƯ KÝ and CHỦ TỌA, of two
  // people; one account cannot give both.
  const auto same_person = [&signer](const std::optional<SignOff>& other) {
    return other.has_value() && signer.account_id != 0 && other->account_id == signer.account_id;
  };
  const std::string same_person_message =
      "Thư ký và chủ tọa phải là hai người khác nhau; tài khoản này đã ký với vai trò " +
      std::string(secretary ? "chủ tọa." : "thư ký.");
  if (same_person(secretary ? c.minutes.chair : c.minutes.secretary)) {
    return Precondition(same_person_message);
  }
  for (const ConferenceSession& s : c.sessions) {
    if (!s.held) {
      return Precondition("Phiên " + std::to_string(s.number) +
                          " chưa kết thúc; hãy kết thúc phiên trước khi ký biên bản.");
    }
  }
  ConferenceChange change;
  change.action = "conference.minutes_sign";
  change.apply = [&](Conference& conf) -> Result<std::string> {
    std::optional<SignOff>& slot = secretary ? conf.minutes.secretary : conf.minutes.chair;
    if (slot) return Precondition("Biên bản đã được ký bởi vai trò này; không ký lại được.");
    if (same_person(secretary ? conf.minutes.chair : conf.minutes.secretary)) {
      return Precondition(same_person_message);
    }
    slot = signer;
    return JsonSummary(
        {{"as", JsonQuote(secretary ? "secretary" : "chair")}, {"signer", JsonQuote(signer.name)}});
  };
  const bool completes = secretary ? c.minutes.chair.has_value() : c.minutes.secretary.has_value();
  if (completes) {
    // The second signature issues and locks the Biên bản in one transaction.
    RETURN_IF_ERROR(
        conferences_
            .Issue(commune, id, ConferenceDocumentKind::kMinutes, public_url, "", ctx, &change)
            .status());
  } else {
    RETURN_IF_ERROR(repo_.Update(commune, id, std::nullopt, change, ctx).status());
  }
  ASSIGN_OR_RETURN(Conference after, repo_.Find(commune, id));
  return after.minutes;
}

Result<MinutesAddendum> ConferenceDay::AddAddendum(CommuneId commune, ConferenceId id,
                                                   const std::string& text, const std::string& by,
                                                   const AuditContext& ctx) {
  if (Blank(text)) return Invalid("text", "Cần ghi nội dung biên bản bổ sung.");
  Result<std::string> nfc = text::ToNfc(text);
  if (!nfc.ok()) return Invalid("text", nfc.error().message);
  std::optional<MinutesAddendum> result;
  ConferenceChange change;
  change.action = "conference.minutes_addendum";
  change.apply = [&](Conference& c) -> Result<std::string> {
    if (!c.minutes.Locked()) {
      return Precondition("Biên bản chưa ký xong; hãy sửa trực tiếp biên bản thay vì bổ sung.");
    }
    MinutesAddendum a;
    a.number = NextNumber(c.minutes.addenda);
    a.text = *nfc;
    a.by = by;
    a.at = clock_.Now();
    c.minutes.addenda.push_back(a);
    result = a;
    return JsonSummary({{"addendum", std::to_string(a.number)}});
  };
  RETURN_IF_ERROR(repo_.Update(commune, id, std::nullopt, change, ctx).status());
  return *result;
}

Result<StoredDocument> ConferenceDay::IssueResultsNotice(CommuneId commune, ConferenceId id,
                                                         const std::string& public_url,
                                                         const std::string& late_reason,
                                                         const AuditContext& ctx) {
  ASSIGN_OR_RETURN(StoredDocument notice,
                   conferences_.Issue(commune, id, ConferenceDocumentKind::kResultsNotice,
                                      public_url, late_reason, ctx));
  if (results_observer_ != nullptr) {
    ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
    ResultsNoticeEvent event;
    event.commune = commune;
    event.conference = id;
    // §3.2 ô 3: a leading zero below 10, as printed on the notice.
    event.number_text =
        std::string(notice.number < 10 ? "0" : "") + std::to_string(notice.number) + "/" +
        std::string(ConferenceDocumentSymbol(ConferenceDocumentKind::kResultsNotice)) + "-UBND";
    event.issued_on = notice.issued_on;
    event.public_url = public_url;
    for (const ConferenceSession& s : c.sessions) {
      for (VillageId v : s.villages) {
        if (std::find(event.villages.begin(), event.villages.end(), v) == event.villages.end()) {
          event.villages.push_back(v);
        }
      }
    }
    (void)results_observer_->ResultsNoticeIssued(event);  // see SetResultsObserver
  }
  return notice;
}

std::string ResultsNoticeTopic(ConferenceId conference, VillageId village) {
  return "results:" + std::to_string(conference.value) + ":" + std::to_string(village.value);
}

std::optional<std::pair<ConferenceId, VillageId>> ParseResultsNoticeTopic(std::string_view topic) {
  constexpr std::string_view kPrefix = "results:";
  if (!topic.starts_with(kPrefix)) return std::nullopt;
  topic.remove_prefix(kPrefix.size());
  const size_t colon = topic.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view text) -> std::optional<int64_t> {
    if (text.empty() || text.size() > 18) return std::nullopt;
    int64_t value = 0;
    for (char ch : text) {
      if (ch < '0' || ch > '9') return std::nullopt;
      value = value * 10 + (ch - '0');
    }
    return value > 0 ? std::optional<int64_t>(value) : std::nullopt;
  };
  const std::optional<int64_t> conference = number(topic.substr(0, colon));
  const std::optional<int64_t> village = number(topic.substr(colon + 1));
  if (!conference || !village) return std::nullopt;
  return std::pair{ConferenceId{*conference}, VillageId{*village}};
}

Result<Conference> ConferenceDay::RecordDelivery(CommuneId commune, ConferenceId id,
                                                 const VillageDelivery& delivery,
                                                 const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(commune));
  const bool ours = std::any_of(villages.begin(), villages.end(),
                                [&](const Village& v) { return v.id == delivery.village; });
  if (!ours) return Invalid("village_id", "Thôn không thuộc xã này.");
  // DLG-08 records a delivery that happened: never a day still to come.
  if (delivery.delivered_on && *delivery.delivered_on > conferences_.Today()) {
    return Invalid("delivered_on", "Ngày trao thông báo không được sau ngày hôm nay.");
  }
  ConferenceChange change;
  change.action = "conference.results_delivery";
  change.apply = [&](Conference& c) -> Result<std::string> {
    if (Before(c.state, ConferenceState::kResultsPublished) ||
        c.state == ConferenceState::kCancelled) {
      return Precondition("Thông báo kết quả chưa ban hành.");
    }
    std::erase_if(c.results_deliveries,
                  [&](const VillageDelivery& d) { return d.village == delivery.village; });
    c.results_deliveries.push_back(delivery);
    return JsonSummary(
        {{"village", std::to_string(delivery.village.value)}, {"via", JsonQuote(delivery.via)}});
  };
  return repo_.Update(commune, id, std::nullopt, change, ctx);
}

Result<Conference> ConferenceDay::AddResultsPublication(CommuneId commune, ConferenceId id,
                                                        const Publication& publication,
                                                        const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Conference current, repo_.Find(commune, id));
  ASSIGN_OR_RETURN(RuleSet rules, conferences_.RulesFor(current));
  if (publication.end && *publication.end < publication.start) {
    return Invalid("end", "Ngày kết thúc phải sau ngày bắt đầu.");
  }
  const int days = publication.end ? DaysBetween(publication.start, *publication.end) + 1 : 0;
  // PUB-01: as for the notice before the day, a broadcast is recorded with
  // its last day, so that its length can be checked.
  if (publication.channel == PublicationChannel::kLoudspeaker &&
      days < rules.loudspeaker_consecutive_days) {
    return Invalid("end", "Đài truyền thanh phải phát ít nhất " +
                              std::to_string(rules.loudspeaker_consecutive_days) +
                              " ngày liên tiếp (PUB-01)" +
                              (publication.end ? "." : ": hãy nhập ngày kết thúc."));
  }
  if (publication.channel == PublicationChannel::kNoticeBoard && publication.end &&
      days < rules.posting_days) {
    return Invalid("end", "Niêm yết tại trụ sở ít nhất " + std::to_string(rules.posting_days) +
                              " ngày (PUB-02).");
  }
  ConferenceChange change;
  change.action = "conference.results_publication";
  change.apply = [&](Conference& c) -> Result<std::string> {
    if (Before(c.state, ConferenceState::kResultsPublished) ||
        c.state == ConferenceState::kCancelled) {
      return Precondition("Thông báo kết quả chưa ban hành.");
    }
    c.results_publications.push_back(publication);
    return JsonSummary({{"channel", JsonQuote(PublicationChannelCode(publication.channel))},
                        {"start", JsonQuote(publication.start.ToIsoString())}});
  };
  return repo_.Update(commune, id, std::nullopt, change, ctx);
}

Result<std::vector<Petition>> ConferenceDay::OpinionPetitions(const Conference& conference) {
  std::vector<Petition> out;
  for (const Opinion& o : conference.opinions) {
    Result<Petition> p = petitions_.Find(conference.commune_id, o.petition);
    if (!p.ok()) {
      if (p.error().code == ErrorCode::kNotFound) continue;
      return p.error();
    }
    out.push_back(std::move(p).value());
  }
  return out;
}

Result<ConferenceRecord> ConferenceDay::Load(const Conference& conference, Date as_of) {
  ConferenceRecord record;
  ASSIGN_OR_RETURN(std::vector<Petition> petitions, OpinionPetitions(conference));
  ASSIGN_OR_RETURN(record.fields, petitions_.Fields(conference.commune_id));
  ASSIGN_OR_RETURN(std::vector<Unit> units, communes_.ListUnits(conference.commune_id));
  ASSIGN_OR_RETURN(std::vector<Village> villages, communes_.ListVillages(conference.commune_id));
  record.rows = MakeOpinionRows(conference, petitions, record.fields, units, villages);
  Date to = conference.LastDate();
  for (const Petition& p : petitions) to = std::max(to, p.received_on);
  record.figures =
      ComputeReport(petitions, record.fields, conference.FirstDate(), to, std::max(as_of, to));
  return record;
}

}  // namespace doithoai
