// ConferencePages, part 3: the staff form posts (plan text, programme,
// sessions, invitees and delivery status, checklist, publications, budget,
// document drafts and issuing, held, cancel) and the phone check-in list.
// Each goes through FormPost: authorize, parse the fields, call
// ConferenceService, redirect back; a refusal is the error page with the
// Vietnamese message, and nothing changed.
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/web/conference_form_fields.h"
#include "adapters/web/conference_pages.h"
#include "adapters/web/responses.h"

namespace doithoai::web {

namespace {

Result<int64_t> Version(const http::FormData& form) {
  return IntField(form, "version", 0, INT64_MAX, "Phiên bản");
}

// An optional whole-number field: `fallback` when absent or blank.
Result<int> OptionalInt(const http::FormData& form, const std::string& field, int lo, int hi,
                        const std::string& label, int fallback) {
  if (Trim(form.Get(field)).empty()) return fallback;
  ASSIGN_OR_RETURN(int64_t v, IntField(form, field, lo, hi, label));
  return static_cast<int>(v);
}

Result<ConferenceDocumentKind> KindParam(const http::HttpRequest& request) {
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(request.Param("kind"));
  if (!kind.ok()) return MakeError(ErrorCode::kNotFound, "");
  return kind;
}

// "07:30 | Khai mạc hội nghị | Chủ tịch UBND xã | 1": one programme item per
// line; the presenter and the session number are optional (no session =
// every session).
Result<std::vector<AgendaItem>> AgendaFromText(const std::string& text) {
  std::vector<AgendaItem> agenda;
  int line_number = 0;
  for (const std::string& line : Lines(text)) {
    const std::string where = "Dòng " + std::to_string(++line_number) + ": ";
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
      const size_t bar = line.find('|', start);
      parts.push_back(Trim(line.substr(start, bar == std::string::npos ? bar : bar - start)));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    if (parts.size() < 2 || parts.size() > 4) {
      return FieldInvalid("agenda",
                          where + "cần dạng \"giờ | nội dung | người thực hiện | phiên\".");
    }
    AgendaItem item;
    Result<int> minute = ParseClock(parts[0], "agenda");
    if (!minute.ok()) return FieldInvalid("agenda", where + minute.error().message);
    item.start_minute = *minute;
    item.content = parts[1];
    if (parts.size() > 2) item.presenter = parts[2];
    if (parts.size() > 3 && !parts[3].empty()) {
      http::FormData one;
      one.fields.emplace("session", parts[3]);
      Result<int64_t> session = IntField(one, "session", 0, 99, where + "Phiên");
      if (!session.ok()) return FieldInvalid("agenda", session.error().message);
      item.session = static_cast<int>(*session);
    }
    agenda.push_back(std::move(item));
  }
  return agenda;
}

}  // namespace

http::HttpResponse ConferencePages::FormPost(http::HttpRequest& request, RequestContext& ctx,
                                             CommuneAction action, const std::string& anchor,
                                             const FormAction& act) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, action, &denied);
  if (!t.ok()) return denied;
  const http::FormData form = ctx.form.value_or(http::FormData{});
  Status done = act(*t, form, AuditContextFor(request, ctx, t->commune.id, clock_));
  if (!done.ok()) return ErrorResponse(request, done.error());
  return Redirect(StaffPath(t->commune, t->conference.id) + anchor);
}

http::HttpResponse ConferencePages::EditPlan(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#ke-hoach",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
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
        RETURN_IF_ERROR(
            service_.UpdatePlanText(t.commune.id, t.conference.id, version, text, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SaveAgenda(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#chuong-trinh",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        ASSIGN_OR_RETURN(std::vector<AgendaItem> agenda, AgendaFromText(form.Get("agenda")));
        RETURN_IF_ERROR(service_.SaveAgenda(t.commune.id, t.conference.id, version, agenda, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SaveSession(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#phien",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        ASSIGN_OR_RETURN(ConferenceSession session, SessionFromForm(form));
        RETURN_IF_ERROR(
            service_.SaveSession(t.commune.id, t.conference.id, version, session, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SaveInvitee(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#khach-moi",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        Invitee invitee;
        ASSIGN_OR_RETURN(invitee.number, OptionalInt(form, "number", 0, 100000, "Số giấy mời", 0));
        ASSIGN_OR_RETURN(invitee.group, ParseParticipantGroup(form.Get("group")));
        invitee.name = Trim(form.Get("name"));
        invitee.title = Trim(form.Get("title"));
        invitee.address = Trim(form.Get("address"));
        ASSIGN_OR_RETURN(invitee.session, OptionalInt(form, "session", 0, 99, "Phiên", 0));
        RETURN_IF_ERROR(
            service_.SaveInvitee(t.commune.id, t.conference.id, version, invitee, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SetInvitationStatus(http::HttpRequest& request,
                                                        RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#khach-moi",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(InvitationStatus status, ParseInvitationStatus(form.Get("status")));
        std::vector<int> numbers;
        if (form.Get("all") == "1") {
          for (const Invitee& i : t.conference.invitees) numbers.push_back(i.number);
        }
        for (const std::string& n : form.GetAll("n")) {
          int v = 0;
          auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
          if (ec != std::errc() || end != n.data() + n.size()) {
            return FieldInvalid("n", "Số giấy mời không hợp lệ.");
          }
          numbers.push_back(v);
        }
        RETURN_IF_ERROR(
            service_.SetInvitationStatus(t.commune.id, t.conference.id, numbers, status, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SetTaskDone(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#nhiem-vu",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t number, IntField(form, "number", 1, 1000, "Số nhiệm vụ"));
        RETURN_IF_ERROR(service_.SetTaskDone(t.commune.id, t.conference.id,
                                             static_cast<int>(number), form.Get("done") != "0",
                                             audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::AddPublication(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#cong-khai",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        Publication p;
        ASSIGN_OR_RETURN(p.channel, ParsePublicationChannel(form.Get("channel")));
        ASSIGN_OR_RETURN(p.start, DateField(form, "start", "Ngày bắt đầu"));
        if (!Trim(form.Get("end")).empty()) {
          ASSIGN_OR_RETURN(p.end, DateField(form, "end", "Ngày kết thúc"));
        }
        p.note = Trim(form.Get("note"));
        p.late_reason = Trim(form.Get("late_reason"));
        RETURN_IF_ERROR(service_.AddPublication(t.commune.id, t.conference.id, p, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SaveBudgetLine(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageBudget, "#kinh-phi",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        BudgetLine line;
        ASSIGN_OR_RETURN(line.number, OptionalInt(form, "number", 0, 10000, "Số dòng", 0));
        line.item = Trim(form.Get("item"));
        line.unit = Trim(form.Get("unit"));
        line.source = Trim(form.Get("source"));
        ASSIGN_OR_RETURN(int64_t quantity, IntField(form, "quantity", 0, 1'000'000, "Số lượng"));
        line.quantity = static_cast<double>(quantity);
        ASSIGN_OR_RETURN(line.unit_price, MoneyField(form, "unit_price", "Đơn giá"));
        if (!Trim(form.Get("actual")).empty()) {
          ASSIGN_OR_RETURN(line.actual, MoneyField(form, "actual", "Thực chi"));
        }
        RETURN_IF_ERROR(
            service_.SaveBudgetLine(t.commune.id, t.conference.id, version, line, audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::SaveDraft(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(request, ctx, CommuneAction::kManageConferences, "#van-ban",
                  [this, &request](const Target& t, const http::FormData& form,
                                   const AuditContext& audit) -> Status {
                    ASSIGN_OR_RETURN(ConferenceDocumentKind kind, KindParam(request));
                    return service_.SaveDraft(t.commune.id, t.conference.id, kind,
                                              form.Get("markup"), audit);
                  });
}

http::HttpResponse ConferencePages::IssueDocument(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(request, ctx, CommuneAction::kIssueDocuments, "#van-ban",
                  [this, &request](const Target& t, const http::FormData& form,
                                   const AuditContext& audit) -> Status {
                    ASSIGN_OR_RETURN(ConferenceDocumentKind kind, KindParam(request));
                    RETURN_IF_ERROR(service_.Issue(t.commune.id, t.conference.id, kind,
                                                   PublicUrl(request, t.commune, t.conference.id),
                                                   Trim(form.Get("late_reason")), audit));
                    return OkStatus();
                  });
}

http::HttpResponse ConferencePages::StartReplacement(http::HttpRequest& request,
                                                     RequestContext& ctx) {
  return FormPost(request, ctx, CommuneAction::kIssueDocuments, "#van-ban",
                  [this, &request](const Target& t, const http::FormData& form,
                                   const AuditContext& audit) -> Status {
                    ASSIGN_OR_RETURN(ConferenceDocumentKind kind, KindParam(request));
                    RETURN_IF_ERROR(service_.StartReplacement(t.commune.id, t.conference.id, kind,
                                                              Trim(form.Get("reason")), audit));
                    return OkStatus();
                  });
}

http::HttpResponse ConferencePages::MarkHeld(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#phien",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t number, IntField(form, "session", 1, 99, "Số phiên"));
        RETURN_IF_ERROR(service_.MarkSessionHeld(t.commune.id, t.conference.id,
                                                 static_cast<int>(number), audit));
        return OkStatus();
      });
}

// The removals name their row in a form field ("number"), never in the path.
http::HttpResponse ConferencePages::RemoveSession(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#phien",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        ASSIGN_OR_RETURN(int64_t number, IntField(form, "number", 1, 99, "Số phiên"));
        RETURN_IF_ERROR(service_.RemoveSession(t.commune.id, t.conference.id, version,
                                               static_cast<int>(number), audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::RemoveInvitee(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "#khach-moi",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        ASSIGN_OR_RETURN(int64_t number, IntField(form, "number", 1, 100000, "Số giấy mời"));
        RETURN_IF_ERROR(service_.RemoveInvitee(t.commune.id, t.conference.id, version,
                                               static_cast<int>(number), audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::RemoveBudgetLine(http::HttpRequest& request,
                                                     RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kManageBudget, "#kinh-phi",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        ASSIGN_OR_RETURN(int64_t version, Version(form));
        ASSIGN_OR_RETURN(int64_t number, IntField(form, "number", 1, 10000, "Số dòng"));
        RETURN_IF_ERROR(service_.RemoveBudgetLine(t.commune.id, t.conference.id, version,
                                                  static_cast<int>(number), audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::Cancel(http::HttpRequest& request, RequestContext& ctx) {
  return FormPost(
      request, ctx, CommuneAction::kIssueDocuments, "",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        RETURN_IF_ERROR(
            service_.Cancel(t.commune.id, t.conference.id, Trim(form.Get("reason")), audit));
        return OkStatus();
      });
}

http::HttpResponse ConferencePages::DocumentEditor(http::HttpRequest& request,
                                                   RequestContext& ctx) {
  http::HttpResponse denied;
  Result<Target> t = TargetFor(request, ctx, CommuneAction::kViewConferences, &denied);
  if (!t.ok()) return denied;
  Result<ConferenceDocumentKind> kind = KindParam(request);
  if (!kind.ok()) return ErrorResponse(request, kind.error());
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
  return FormPost(
      request, ctx, CommuneAction::kManageConferences, "/diem-danh",
      [this](const Target& t, const http::FormData& form, const AuditContext& audit) -> Status {
        std::optional<int> number;
        if (!Trim(form.Get("number")).empty()) {
          ASSIGN_OR_RETURN(number, OptionalInt(form, "number", 1, 100000, "Số giấy mời", 0));
        }
        RETURN_IF_ERROR(service_.CheckIn(t.commune.id, t.conference.id, number,
                                         Trim(form.Get("token")), audit));
        return OkStatus();
      });
}

}  // namespace doithoai::web
