// ConferenceService, part 2: the documents of a conference — rendering from
// data or from the stored text, drafts, issuing through the register with the
// state transition (domain.md §3.6, §8), and the loudspeaker text.
#include <string>
#include <utility>

#include "core/conferences/conference_documents.h"
#include "core/conferences/conference_record.h"
#include "core/conferences/conference_service.h"
#include "core/conferences/conference_service_internal.h"
#include "core/documents/markup.h"

namespace doithoai {

using namespace conference_internal;  // NOLINT(build/namespaces): this module's own helpers

namespace {

bool AfterConference(ConferenceDocumentKind kind) {
  return kind == ConferenceDocumentKind::kMinutes ||
         kind == ConferenceDocumentKind::kResultsNotice || kind == ConferenceDocumentKind::kReport;
}

// Parses and validates stored or edited markup (several documents for the
// invitations, separated by "===" lines).
Result<std::vector<Document>> SplitMarkup(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<Document> docs, ParseMarkupList(text));
  for (const Document& doc : docs) RETURN_IF_ERROR(Validate(doc));
  return docs;
}

}  // namespace

Result<std::vector<Document>> ConferenceService::Generate(const Conference& c, const Roster& roster,
                                                          ConferenceDocumentKind kind, int number,
                                                          Date issued_on,
                                                          const std::string& public_url) {
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
  DocumentContext ctx{
      roster.commune, roster.villages, roster.officials, number, issued_on, public_url, rules};
  switch (kind) {
    case ConferenceDocumentKind::kPlan:
      return std::vector<Document>{BuildPlan(c, ctx)};
    case ConferenceDocumentKind::kProgramme:
      return std::vector<Document>{BuildProgramme(c, ctx)};
    case ConferenceDocumentKind::kInvitations:
      if (c.invitees.empty()) {
        return Precondition("Chưa có người được mời; hãy thêm danh sách khách mời.");
      }
      return BuildInvitations(c, ctx);
    case ConferenceDocumentKind::kPublicNotice:
      return std::vector<Document>{BuildPublicNotice(c, ctx)};
    case ConferenceDocumentKind::kMinutes:
    case ConferenceDocumentKind::kResultsNotice:
    case ConferenceDocumentKind::kReport: {
      if (record_source_ == nullptr) {
        return MakeError(ErrorCode::kInternal, "Chưa nối nguồn dữ liệu hội nghị.");
      }
      ASSIGN_OR_RETURN(ConferenceRecord record, record_source_->Load(c, issued_on));
      if (kind == ConferenceDocumentKind::kMinutes) {
        return std::vector<Document>{BuildMinutes(c, ctx, record)};
      }
      if (kind == ConferenceDocumentKind::kResultsNotice) {
        return std::vector<Document>{BuildResultsNotice(c, ctx, record)};
      }
      return std::vector<Document>{BuildConferenceReport(c, ctx, record)};
    }
  }
  return MakeError(ErrorCode::kInternal, "Loại văn bản không hợp lệ.");
}

Result<std::vector<Document>> ConferenceService::Render(CommuneId commune, ConferenceId id,
                                                        ConferenceDocumentKind kind,
                                                        const std::string& public_url) {
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  Result<StoredDocument> stored = repo_.FindDocument(commune, id, kind);
  if (stored.ok()) return SplitMarkup(stored->markup);
  if (stored.error().code != ErrorCode::kNotFound) return stored.error();
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  Date date = (kind == ConferenceDocumentKind::kPlan || c.recorded_past) ? c.plan_date : Today();
  if (kind == ConferenceDocumentKind::kMinutes) date = c.LastDate();
  if (kind == ConferenceDocumentKind::kResultsNotice || kind == ConferenceDocumentKind::kReport) {
    date = Today();
  }
  return Generate(c, roster, kind, 0, date, public_url);
}

Result<std::string> ConferenceService::DraftMarkup(CommuneId commune, ConferenceId id,
                                                   ConferenceDocumentKind kind,
                                                   const std::string& public_url) {
  ASSIGN_OR_RETURN(std::vector<Document> docs, Render(commune, id, kind, public_url));
  return ToMarkupList(docs);
}

Status ConferenceService::SaveDraft(CommuneId commune, ConferenceId id, ConferenceDocumentKind kind,
                                    const std::string& markup, const AuditContext& ctx) {
  if (kind == ConferenceDocumentKind::kMinutes) {
    ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
    if (c.minutes.Locked()) {
      return Precondition(
          "Biên bản đã được thư ký và chủ tọa ký và đã khóa; muốn sửa, hãy lập biên bản bổ sung.");
    }
  }
  Result<std::vector<Document>> docs = SplitMarkup(markup);
  if (!docs.ok()) {
    Error e = docs.error();
    if (e.code == ErrorCode::kInvalidArgument && e.fields.empty()) {
      e.fields.push_back(FieldError{"markup", e.message});
    }
    return e;
  }
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
  return repo_.SaveDraft(commune, id, kind, ToMarkupList(*docs), ctx);
}

Result<StoredDocument> ConferenceService::Issue(
    CommuneId commune, ConferenceId id, ConferenceDocumentKind kind, const std::string& public_url,
    const std::string& late_reason, const AuditContext& ctx, const ConferenceChange* extra) {
  ASSIGN_OR_RETURN(Conference current, repo_.Find(commune, id));
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(current));
  const Date today = Today();
  // Documents after the conference carry the day they are signed.
  const Date issued_on =
      current.recorded_past && !AfterConference(kind) ? current.plan_date : today;
  const bool notice_kind =
      kind == ConferenceDocumentKind::kInvitations || kind == ConferenceDocumentKind::kPublicNotice;
  Result<StoredDocument> draft = repo_.FindDocument(commune, id, kind);
  std::optional<std::vector<Document>> edited;
  if (draft.ok()) {
    if (draft->issued) {
      return Precondition("Văn bản đã ban hành, không ban hành lại được.");
    }
    ASSIGN_OR_RETURN(edited, SplitMarkup(draft->markup));
  } else if (draft.error().code != ErrorCode::kNotFound) {
    return draft.error();
  }
  // NUM-05: a replacement corrects an issued document; the lifecycle has
  // already moved on, and DLG-07 was judged on the original.
  const bool replacement = draft.ok() && draft->revision > 1;
  const bool results_kind = kind == ConferenceDocumentKind::kResultsNotice;
  const Date latest = results_kind ? ResultsNoticeDeadline(calendar_, rules, current.LastDate())
                                   : LatestNoticeDate(calendar_, rules, current.FirstDate());
  const bool late = (notice_kind || results_kind) && !replacement && issued_on > latest;
  if (late && results_kind && Blank(late_reason)) {
    return Invalid("late_reason",
                   "Thông báo kết quả phải ban hành chậm nhất ngày " + FormatDdMmYyyy(latest) +
                       " (không quá " + std::to_string(rules.results_notice_days_after) +
                       " ngày sau hội nghị, DLG-08). Muốn ban hành muộn, hãy nhập lý do.");
  }
  if (late && Blank(late_reason)) {
    return Invalid("late_reason", "Giấy mời và thông báo phải phát hành chậm nhất ngày " +
                                      FormatDdMmYyyy(latest) + " (trước ngày hội nghị ít nhất " +
                                      std::to_string(rules.notice_days_before) +
                                      " ngày, DLG-07). Muốn phát hành muộn, hãy nhập lý do.");
  }
  // GM and TB together make the notice (domain.md §8 invitations_sent & public_notice).
  bool other_issued = false;
  if (notice_kind) {
    const auto other = kind == ConferenceDocumentKind::kInvitations
                           ? ConferenceDocumentKind::kPublicNotice
                           : ConferenceDocumentKind::kInvitations;
    Result<StoredDocument> o = repo_.FindDocument(commune, id, other);
    other_issued = o.ok() && o->issued;
  }
  auto render = [&](int number) -> Result<std::string> {
    std::vector<Document> docs;
    if (edited) {
      docs = *edited;
      for (Document& d : docs) {
        d.header.number = DocumentNumberLine(number, ConferenceDocumentSymbol(kind));
        // Mẫu 1.9: a Biên bản has no place-date line (the time is in the body).
        if (kind != ConferenceDocumentKind::kMinutes) {
          d.header.place_date = FormatPlaceAndDate(DocumentPlace(roster.commune), issued_on);
        }
      }
    } else {
      ASSIGN_OR_RETURN(docs, Generate(current, roster, kind, number, issued_on, public_url));
    }
    for (const Document& d : docs) RETURN_IF_ERROR(Validate(d));
    return ToMarkupList(docs);
  };
  ConferenceChange change;
  change.action =
      late ? (results_kind ? "conference.results_late_override" : "conference.notice_late_override")
      : replacement ? "conference.document_replaced"
                    : "conference.transition";
  change.apply = [&, kind](Conference& c) -> Result<std::string> {
    if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
    if (replacement) {
      return Summary({{"kind", Quote(ConferenceDocumentKindCode(kind))},
                      {"revision", std::to_string(draft->revision)}});
    }
    std::string summary;
    switch (kind) {
      case ConferenceDocumentKind::kPlan:
        RETURN_IF_ERROR(RequireDraftPlan(c));
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        c.plan_date = issued_on;
        summary = Transition(c, ConferenceState::kPlanIssued);
        break;
      case ConferenceDocumentKind::kProgramme:
      case ConferenceDocumentKind::kInvitations:
      case ConferenceDocumentKind::kPublicNotice: {
        if (c.state == ConferenceState::kDraftPlan) {
          return Precondition("Cần ban hành Kế hoạch trước.");
        }
        RETURN_IF_ERROR(RequireNotHeld(c));
        RETURN_IF_ERROR(ValidateConference(c, c.plan_date));
        if (kind == ConferenceDocumentKind::kProgramme && c.state == ConferenceState::kPlanIssued) {
          summary = Transition(c, ConferenceState::kProgrammeIssued);
        }
        // The issued invitations are printed for delivery.
        if (kind == ConferenceDocumentKind::kInvitations) {
          for (Invitee& i : c.invitees) {
            if (i.status == InvitationStatus::kDraft) i.status = InvitationStatus::kPrinted;
          }
        }
        break;
      }
      case ConferenceDocumentKind::kMinutes:
        for (const ConferenceSession& s : c.sessions) {
          if (!s.held) {
            return Precondition("Phiên " + std::to_string(s.number) +
                                " chưa kết thúc; hãy kết thúc phiên trước khi ký biên bản.");
          }
        }
        if (Before(c.state, ConferenceState::kMinutesSigned)) {
          summary = Transition(c, ConferenceState::kMinutesSigned);
        }
        break;
      case ConferenceDocumentKind::kResultsNotice:
        if (!c.minutes.Locked()) {
          return Precondition(
              "Cần thư ký và chủ tọa ký biên bản trước khi ban hành thông báo kết quả.");
        }
        if (late) c.results_late_reason = late_reason;
        if (Before(c.state, ConferenceState::kResultsPublished)) {
          summary = Transition(c, ConferenceState::kResultsPublished);
        }
        break;
      case ConferenceDocumentKind::kReport:
        if (Before(c.state, ConferenceState::kHeld)) {
          return Precondition("Hội nghị chưa tổ chức; chưa lập được báo cáo kết quả.");
        }
        if (Before(c.state, ConferenceState::kReportIssued)) {
          summary = Transition(c, ConferenceState::kReportIssued);
        }
        break;
    }
    if (extra != nullptr) {
      ASSIGN_OR_RETURN(std::string extra_summary, extra->apply(c));
      if (summary.empty()) summary = extra_summary;
    }
    // The Biên bản is issued only by its second signature (ConferenceDay).
    if (kind == ConferenceDocumentKind::kMinutes && !replacement && !c.minutes.Locked()) {
      return Precondition("Biên bản được ban hành khi cả thư ký và chủ tọa đã ký.");
    }
    if (notice_kind && other_issued && Before(c.state, ConferenceState::kNoticePublished)) {
      summary = Transition(c, ConferenceState::kNoticePublished);
    }
    if (late) {
      summary = Summary({{"kind", Quote(ConferenceDocumentKindCode(kind))},
                         {"latest", Quote(latest.ToIsoString())},
                         {"late_reason", Quote(late_reason)},
                         {"state", Quote(ConferenceStateCode(c.state))}});
    }
    if (summary.empty()) summary = Summary({{"kind", Quote(ConferenceDocumentKindCode(kind))}});
    return summary;
  };
  return repo_.Issue(commune, id, kind, issued_on, render, change, ctx);
}

Result<StoredDocument> ConferenceService::StartReplacement(CommuneId commune, ConferenceId id,
                                                           ConferenceDocumentKind kind,
                                                           const std::string& reason,
                                                           const AuditContext& ctx) {
  if (Blank(reason)) {
    return Invalid("reason", "Cần ghi lý do thay thế văn bản (sai sót về nội dung).");
  }
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  if (c.state == ConferenceState::kCancelled) return Precondition("Hội nghị đã hủy.");
  ASSIGN_OR_RETURN(StoredDocument issued, repo_.FindDocument(commune, id, kind));
  if (!issued.issued) {
    return Precondition("Chỉ thay thế được văn bản đã ban hành; văn bản này đang là bản thảo.");
  }
  ASSIGN_OR_RETURN(Commune commune_row, communes_.FindCommune(commune));
  ASSIGN_OR_RETURN(std::vector<Document> docs, SplitMarkup(issued.markup));
  const std::string symbol(ConferenceDocumentSymbol(kind));
  // "Số: 01/KH-UBND" → "01/KH-UBND".
  const std::string line = DocumentNumberLine(issued.number, symbol);
  const std::string number = line.substr(line.find(' ') + 1);
  const std::string replaced = std::string(ConferenceDocumentKindLabel(kind)) + " số " + number +
                               " ngày " + FormatDdMmYyyy(issued.issued_on) + " của " +
                               commune_row.PeoplesCommitteeName();
  for (Document& d : docs) {
    d.header.number = DocumentNumberLine(0, symbol);
    d.body.insert(d.body.begin(),
                  Paragraph{"Văn bản này thay thế " + replaced + ".", true, false, true});
  }
  return repo_.StartReplacement(commune, id, kind, ToMarkupList(docs), reason, ctx);
}

Result<std::string> ConferenceService::SpeechText(CommuneId commune, ConferenceId id) {
  ASSIGN_OR_RETURN(Conference c, repo_.Find(commune, id));
  ASSIGN_OR_RETURN(Roster roster, LoadRoster(commune));
  ASSIGN_OR_RETURN(RuleSet rules, RulesFor(c));
  DocumentContext ctx{roster.commune, roster.villages, roster.officials, 0, Today(), "", rules};
  return NoticeSpeechText(c, ctx);
}

}  // namespace doithoai
