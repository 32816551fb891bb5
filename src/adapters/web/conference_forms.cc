// ConferencePages, part 3: the staff form posts (plan text, programme,
// sessions, invitees and delivery status, checklist, publications, budget,
// document drafts and issuing, held, cancel) and the phone check-in list.
// Each parses its fields, calls ConferenceService and redirects back; a
// refusal is the error page with the Vietnamese message, nothing changed.
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/web/conference_form_fields.h"
#include "adapters/web/conference_pages.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

http::HttpResponse ConferencePages::EditPlan(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  PlanText text;
  text.subject = Trim(form.Get("subject"));
  text.intro = Trim(form.Get("intro"));
  text.objectives = Lines(form.Get("objectives"));
  text.principles = Lines(form.Get("principles"));
  text.content_areas = Lines(form.Get("content_areas"));
  text.preparation = Lines(form.Get("preparation"));
  text.participants = Lines(form.Get("participants"));
  text.budget_source = Trim(form.Get("budget_source"));
  text.closing = Trim(form.Get("closing"));
  text.recipients = Lines(form.Get("recipients"));
  text.how_to_attend = Trim(form.Get("how_to_attend"));
  text.cochair = Trim(form.Get("cochair"));
  text.front_coordination = Trim(form.Get("front_coordination"));
  text.issuer_parent = Trim(form.Get("issuer_parent"));
  Result<Conference> c =
      service_.UpdatePlanText(t->commune.id, t->conference.id, *version, text,
                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#ke-hoach");
}

http::HttpResponse ConferencePages::SaveSession(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Result<ConferenceSession> session = SessionFromForm(form);
  if (!session.ok()) return ErrorResponse(request, session.error());
  Result<Conference> c = service_.SaveSession(t->commune.id, t->conference.id, *version, *session,
                                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#phien");
}

http::HttpResponse ConferencePages::SaveInvitee(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Invitee invitee;
  if (form.Has("number")) {
    Result<int64_t> n = IntField(form, "number", 0, 100000, "Số giấy mời");
    if (!n.ok()) return ErrorResponse(request, n.error());
    invitee.number = static_cast<int>(*n);
  }
  Result<ParticipantGroup> group = ParseParticipantGroup(form.Get("group"));
  if (!group.ok()) return ErrorResponse(request, group.error());
  invitee.group = *group;
  invitee.name = Trim(form.Get("name"));
  invitee.title = Trim(form.Get("title"));
  invitee.address = Trim(form.Get("address"));
  if (!Trim(form.Get("session")).empty()) {
    Result<int64_t> s = IntField(form, "session", 0, 99, "Phiên");
    if (!s.ok()) return ErrorResponse(request, s.error());
    invitee.session = static_cast<int>(*s);
  }
  Result<Conference> c = service_.SaveInvitee(t->commune.id, t->conference.id, *version, invitee,
                                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#khach-moi");
}

http::HttpResponse ConferencePages::SetInvitationStatus(http::HttpRequest& request,
                                                        RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<InvitationStatus> status = ParseInvitationStatus(form.Get("status"));
  if (!status.ok()) return ErrorResponse(request, status.error());
  std::vector<int> numbers;
  if (form.Get("all") == "1") {
    for (const Invitee& i : t->conference.invitees) numbers.push_back(i.number);
  }
  for (const std::string& n : form.GetAll("n")) {
    int v = 0;
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
    if (ec != std::errc() || end != n.data() + n.size()) {
      return ErrorResponse(request, FieldInvalid("n", "Số giấy mời không hợp lệ."));
    }
    numbers.push_back(v);
  }
  Result<Conference> c =
      service_.SetInvitationStatus(t->commune.id, t->conference.id, numbers, *status,
                                   AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#khach-moi");
}

http::HttpResponse ConferencePages::SetTaskDone(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> number = IntField(form, "number", 1, 1000, "Số nhiệm vụ");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c = service_.SetTaskDone(t->commune.id, t->conference.id,
                                              static_cast<int>(*number), form.Get("done") != "0",
                                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#nhiem-vu");
}

http::HttpResponse ConferencePages::AddPublication(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Publication p;
  Result<PublicationChannel> channel = ParsePublicationChannel(form.Get("channel"));
  if (!channel.ok()) return ErrorResponse(request, channel.error());
  p.channel = *channel;
  Result<Date> start = DateField(form, "start", "Ngày bắt đầu");
  if (!start.ok()) return ErrorResponse(request, start.error());
  p.start = *start;
  if (!Trim(form.Get("end")).empty()) {
    Result<Date> end = DateField(form, "end", "Ngày kết thúc");
    if (!end.ok()) return ErrorResponse(request, end.error());
    p.end = *end;
  }
  p.note = Trim(form.Get("note"));
  p.late_reason = Trim(form.Get("late_reason"));
  Result<Conference> c = service_.AddPublication(
      t->commune.id, t->conference.id, p, AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#cong-khai");
}

http::HttpResponse ConferencePages::SaveBudgetLine(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageBudget, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  BudgetLine line;
  if (form.Has("number")) {
    Result<int64_t> n = IntField(form, "number", 0, 10000, "Số dòng");
    if (!n.ok()) return ErrorResponse(request, n.error());
    line.number = static_cast<int>(*n);
  }
  line.item = Trim(form.Get("item"));
  line.unit = Trim(form.Get("unit"));
  line.source = Trim(form.Get("source"));
  Result<int64_t> quantity = IntField(form, "quantity", 0, 1'000'000, "Số lượng");
  if (!quantity.ok()) return ErrorResponse(request, quantity.error());
  line.quantity = static_cast<double>(*quantity);
  Result<int64_t> price = MoneyField(form, "unit_price", "Đơn giá");
  if (!price.ok()) return ErrorResponse(request, price.error());
  line.unit_price = *price;
  if (!Trim(form.Get("actual")).empty()) {
    Result<int64_t> actual = MoneyField(form, "actual", "Thực chi");
    if (!actual.ok()) return ErrorResponse(request, actual.error());
    line.actual = *actual;
  }
  Result<Conference> c =
      service_.SaveBudgetLine(t->commune.id, t->conference.id, *version, line,
                              AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#kinh-phi");
}

http::HttpResponse ConferencePages::DocumentEditor(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  Result<std::string> markup = service_.DraftMarkup(
      t->commune.id, t->conference.id, *kind, PublicUrl(request, t->commune, t->conference.id));
  if (!markup.ok()) return ErrorResponse(request, markup.error());
  Result<std::vector<StoredDocument>> stored = service_.Documents(t->commune.id, t->conference.id);
  if (!stored.ok()) return ErrorResponse(request, stored.error());
  bool issued = false;
  for (const auto& d : *stored) issued |= d.kind == *kind && d.issued;
  const std::string committee = t->commune.PeoplesCommitteeName();
  return PageResponse(
      request, "conference_document",
      {{"title", std::string(ConferenceDocumentKindLabel(*kind)) + " – " + t->conference.subject},
       {"site_name", committee},
       {"committee_name", committee},
       {"kind_label", ConferenceDocumentKindLabel(*kind)},
       {"subject", t->conference.subject},
       {"back", StaffPath(t->commune, t->conference.id)},
       {"action", StaffPath(t->commune, t->conference.id) + "/van-ban/" +
                      std::string(ConferenceDocumentKindCode(*kind))},
       {"csrf", ctx.session->csrf_token},
       {"markup", *markup},
       {"issued", issued},
       {"can_edit",
        !issued && CommunePermissions::Check(ctx.actor(), CommuneAction::kManageConferences,
                                             t->commune.id) == Decision::kAllow}});
}

http::HttpResponse ConferencePages::SaveDraft(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Status s = service_.SaveDraft(t->commune.id, t->conference.id, *kind, form.Get("markup"),
                                AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!s.ok()) return ErrorResponse(request, s.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#van-ban");
}

http::HttpResponse ConferencePages::IssueDocument(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kIssueDocuments, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return ErrorResponse(request, MakeError(ErrorCode::kNotFound, ""));
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<StoredDocument> doc = service_.Issue(
      t->commune.id, t->conference.id, *kind, PublicUrl(request, t->commune, t->conference.id),
      Trim(form.Get("late_reason")), AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!doc.ok()) return ErrorResponse(request, doc.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#van-ban");
}

http::HttpResponse ConferencePages::MarkHeld(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> number = IntField(form, "session", 1, 99, "Số phiên");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c =
      service_.MarkSessionHeld(t->commune.id, t->conference.id, static_cast<int>(*number),
                               AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#phien");
}

http::HttpResponse ConferencePages::CheckInList(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  nlohmann::json people = nlohmann::json::array();
  int present = 0;
  for (const Invitee& i : t->conference.invitees) {
    present += i.checked_in_at ? 1 : 0;
    people.push_back({{"number", i.number},
                      {"name", i.name},
                      {"title", i.title},
                      {"group", ParticipantGroupLabel(i.group)},
                      {"checked_in", i.checked_in_at.has_value()}});
  }
  const std::string committee = t->commune.PeoplesCommitteeName();
  return PageResponse(request, "conference_checkin",
                      {{"title", "Điểm danh – " + t->conference.subject},
                       {"site_name", committee},
                       {"committee_name", committee},
                       {"subject", t->conference.subject},
                       {"back", StaffPath(t->commune, t->conference.id)},
                       {"action", StaffPath(t->commune, t->conference.id) + "/diem-danh"},
                       {"csrf", ctx.session->csrf_token},
                       {"people", people},
                       {"present", present},
                       {"invited", static_cast<int64_t>(t->conference.invitees.size())}});
}

http::HttpResponse ConferencePages::CheckIn(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  std::optional<int> number;
  if (!Trim(form.Get("number")).empty()) {
    Result<int64_t> n = IntField(form, "number", 1, 100000, "Số giấy mời");
    if (!n.ok()) return ErrorResponse(request, n.error());
    number = static_cast<int>(*n);
  }
  Result<Conference> c =
      service_.CheckIn(t->commune.id, t->conference.id, number, Trim(form.Get("token")),
                       AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  if (WantsJson(request)) return JsonResponse(200, {{"ok", true}});
  return Redirect(StaffPath(t->commune, t->conference.id) + "/diem-danh");
}

http::HttpResponse ConferencePages::SaveAgenda(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  // One item per line: "07:30 | Khai mạc hội nghị | Chủ tịch UBND xã | 1" (the
  // session number is optional: none = every session).
  std::vector<AgendaItem> agenda;
  int line_number = 0;
  for (const std::string& line : Lines(form.Get("agenda"))) {
    ++line_number;
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      size_t bar = line.find('|', start);
      parts.push_back(Trim(line.substr(start, bar == std::string::npos ? bar : bar - start)));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    const std::string where = "Dòng " + std::to_string(line_number) + ": ";
    if (parts.size() < 2 || parts.size() > 4) {
      return ErrorResponse(request,
                           FieldInvalid("agenda", where + "cần dạng \"giờ | nội dung | người "
                                                          "thực hiện | phiên\"."));
    }
    AgendaItem item;
    Result<int> minute = ParseClock(parts[0], "agenda");
    if (!minute.ok()) {
      return ErrorResponse(request, FieldInvalid("agenda", where + minute.error().message));
    }
    item.start_minute = *minute;
    item.content = parts[1];
    if (parts.size() > 2) item.presenter = parts[2];
    if (parts.size() > 3 && !parts[3].empty()) {
      http::FormData one;
      one.fields.emplace("session", parts[3]);
      Result<int64_t> session = IntField(one, "session", 0, 99, where + "Phiên");
      if (!session.ok())
        return ErrorResponse(request, FieldInvalid("agenda", session.error().message));
      item.session = static_cast<int>(*session);
    }
    agenda.push_back(std::move(item));
  }
  Result<Conference> c = service_.SaveAgenda(t->commune.id, t->conference.id, *version, agenda,
                                             AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#chuong-trinh");
}

// The removals name their row in a form field ("number"), never in the path.
http::HttpResponse ConferencePages::RemoveSession(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Result<int64_t> number = IntField(form, "number", 1, 99, "Số phiên");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c =
      service_.RemoveSession(t->commune.id, t->conference.id, *version, static_cast<int>(*number),
                             AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#phien");
}

http::HttpResponse ConferencePages::RemoveInvitee(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageConferences, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Result<int64_t> number = IntField(form, "number", 1, 100000, "Số giấy mời");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c =
      service_.RemoveInvitee(t->commune.id, t->conference.id, *version, static_cast<int>(*number),
                             AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#khach-moi");
}

http::HttpResponse ConferencePages::RemoveBudgetLine(http::HttpRequest& request,
                                                     RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kManageBudget, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<int64_t> version = IntField(form, "version", 0, INT64_MAX, "Phiên bản");
  if (!version.ok()) return ErrorResponse(request, version.error());
  Result<int64_t> number = IntField(form, "number", 1, 10000, "Số dòng");
  if (!number.ok()) return ErrorResponse(request, number.error());
  Result<Conference> c = service_.RemoveBudgetLine(
      t->commune.id, t->conference.id, *version, static_cast<int>(*number),
      AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + "#kinh-phi");
}

http::HttpResponse ConferencePages::Cancel(http::HttpRequest& request, RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kIssueDocuments, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Result<Conference> c = service_.Cancel(t->commune.id, t->conference.id, Trim(form.Get("reason")),
                                         AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!c.ok()) return ErrorResponse(request, c.error());
  return Redirect(StaffPath(t->commune, t->conference.id));
}

}  // namespace doithoai::web
