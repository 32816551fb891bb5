// The workflow steps of the petition service (see petition_service.h):
// classification, assignment, deadlines, answers, closing, forwarding,
// filing, reopening and the citizen's rating. Each step is one repository
// Update: the change, its history entry and its audit row are one
// transaction.
#include <algorithm>
#include <utility>

#include "core/audit/audit_json.h"
#include "core/petitions/petition_service.h"
#include "core/petitions/petition_service_internal.h"
#include "core/text/vietnamese.h"

namespace doithoai {

using namespace petition_internal;  // NOLINT(build/namespaces): this module's helpers

Result<Petition> PetitionService::Change(CommuneId commune, PetitionId id,
                                         std::optional<int64_t> version, std::string action,
                                         std::function<Result<std::string>(Petition&)> apply,
                                         const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Petition stored, repo_.Update(commune, id, version,
                                                 PetitionChange{action, std::move(apply)}, ctx));
  Notify(action, stored);
  return stored;
}

Result<Petition> PetitionService::Classify(CommuneId commune, PetitionId id,
                                           std::optional<int64_t> version, int number,
                                           PetitionClass petition_class, const std::string& field,
                                           const std::string& reason, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<PetitionField> fields, Fields(commune));
  std::string field_code;
  if (!Blank(field)) {
    ASSIGN_OR_RETURN(field_code, MatchField(fields, field));
  }
  ASSIGN_OR_RETURN(Commune place, communes_.FindCommune(commune));
  return Change(
      commune, id, version, "petition.classify",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        const PetitionClass before = item->petition_class;
        const bool class_changed = before != petition_class;
        // CLS-02: changing a class staff already confirmed needs a reason.
        if (class_changed && item->class_confirmed && Blank(reason)) {
          return MakeFieldError("reason", "Vui lòng ghi lý do đổi phân loại (ai, vì sao).");
        }
        if (!IsOpen(item->status)) {
          return Precondition("Nội dung đã xử lý xong; mở lại trước khi phân loại lại.");
        }
        item->petition_class = petition_class;
        item->class_confirmed = true;
        item->field = field_code;
        if (class_changed) {
          // CLS-02: reclassifying recomputes the deadline from the first
          // step of the new class, counted from receipt.
          RETURN_IF_ERROR(SetDeadline(*item, std::string(DefaultStep(petition_class)),
                                      p.received_on, place.remote_area));
        }
        if (petition_class == PetitionClass::kDenunciation) RETURN_IF_ERROR(Seal(p));
        std::string note = std::string(PetitionClassLabel(before)) + " → " +
                           std::string(PetitionClassLabel(petition_class));
        if (!Blank(reason)) note += ". Lý do: " + reason;
        const ItemStatus from = item->status;
        if (from == ItemStatus::kReceived || from == ItemStatus::kReopened) {
          item->status = ItemStatus::kClassified;
        }
        Record(p, ctx, number, "classified", ItemStatusCode(from), ItemStatusCode(item->status),
               note, item->rule_id);
        return JsonSummary({{"item", std::to_string(number)},
                            {"from", JsonQuote(PetitionClassCode(before))},
                            {"to", JsonQuote(PetitionClassCode(petition_class))},
                            {"field", JsonQuote(field_code)},
                            {"reason", JsonQuote(reason)}});
      },
      ctx);
}

Result<Petition> PetitionService::Assign(CommuneId commune, PetitionId id,
                                         std::optional<int64_t> version,
                                         const std::vector<int>& numbers, UnitId unit,
                                         std::optional<OfficialId> official,
                                         std::optional<Date> internal_target,
                                         const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<Unit> units, communes_.ListUnits(commune));
  auto unit_it =
      std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == unit; });
  if (unit_it == units.end()) return MakeFieldError("unit", "Bộ phận không thuộc xã này.");
  std::string official_name;
  if (official) {
    ASSIGN_OR_RETURN(std::vector<Official> officials, communes_.ListOfficials(commune));
    auto it = std::find_if(officials.begin(), officials.end(),
                           [&](const Official& o) { return o.id == *official; });
    if (it == officials.end()) return MakeFieldError("official", "Cán bộ không thuộc xã này.");
    official_name = it->full_name;
  }
  return Change(
      commune, id, version, "petition.assign",
      [&](Petition& p) -> Result<std::string> {
        std::vector<int> targets = numbers;
        if (targets.empty()) {
          for (const PetitionItem& item : p.items) {
            if (IsOpen(item.status)) targets.push_back(item.number);
          }
        }
        if (targets.empty()) return Precondition("Đơn không còn nội dung nào cần giao xử lý.");
        if (internal_target && *internal_target < p.received_on) {
          return MakeFieldError("internal_target", "Hạn nội bộ không được trước ngày nhận đơn.");
        }
        std::string note = "Giao " + unit_it->name;
        if (!official_name.empty()) note += " (" + official_name + ")";
        if (internal_target) note += "; hạn nội bộ " + FormatDdMmYyyy(*internal_target);
        for (int number : targets) {
          ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
          item->unit_id = unit;
          item->official_id = official;
          item->internal_target = internal_target;
          if (item->status == ItemStatus::kInProgress) {
            Record(p, ctx, number, "reassigned", ItemStatusCode(item->status),
                   ItemStatusCode(item->status), note, item->rule_id);
          } else {
            RETURN_IF_ERROR(Move(p, *item, ItemStatus::kAssigned, ctx, "assigned", note));
          }
        }
        return JsonSummary({{"unit", std::to_string(unit.value)},
                            {"official", std::to_string(official ? official->value : 0)},
                            {"items", std::to_string(targets.size())}});
      },
      ctx);
}

std::vector<BulkOutcome> PetitionService::BulkAssign(CommuneId commune,
                                                     const std::vector<PetitionId>& ids,
                                                     UnitId unit,
                                                     std::optional<OfficialId> official,
                                                     const AuditContext& ctx) {
  std::vector<BulkOutcome> outcomes;
  for (PetitionId id : ids) {
    BulkOutcome outcome;
    outcome.id = id;
    Result<Petition> result = Assign(commune, id, std::nullopt, {}, unit, official, {}, ctx);
    if (result.ok()) {
      outcome.code = result->code;
    } else {
      outcome.status = result.error();
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

Result<Petition> PetitionService::StartWork(CommuneId commune, PetitionId id, int number,
                                            const AuditContext& ctx) {
  ASSIGN_OR_RETURN(Commune place, communes_.FindCommune(commune));
  const Date today = Today();
  return Change(
      commune, id, std::nullopt, "petition.start",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        std::string note;
        if (item->petition_class == PetitionClass::kComplaint ||
            item->petition_class == PetitionClass::kDenunciation) {
          // KN-02 → KN-03, TC-01 → TC-03: the resolution limit runs from
          // the acceptance (thụ lý), today.
          RETURN_IF_ERROR(SetDeadline(*item, std::string(kStepResolve), today, place.remote_area));
          note = "Thụ lý ngày " + FormatDdMmYyyy(today);
        }
        return Move(p, *item, ItemStatus::kInProgress, ctx, "started", note);
      },
      ctx);
}

Result<Petition> PetitionService::MarkComplex(CommuneId commune, PetitionId id, int number,
                                              const std::string& reason,
                                              const std::string& approver,
                                              const AuditContext& ctx) {
  if (Blank(reason)) return MakeFieldError("reason", "Vui lòng ghi lý do vụ việc phức tạp.");
  if (Blank(approver)) return MakeFieldError("approver", "Vui lòng ghi người phê duyệt.");
  ASSIGN_OR_RETURN(Commune place, communes_.FindCommune(commune));
  return Change(
      commune, id, std::nullopt, "petition.complex",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        if (!IsOpen(item->status)) return Precondition("Nội dung đã xử lý xong.");
        item->complex = true;
        item->complex_reason = reason;
        item->complex_approver = approver;
        RETURN_IF_ERROR(SetDeadline(*item, item->step, item->step_start, place.remote_area));
        Record(p, ctx, number, "complex", ItemStatusCode(item->status),
               ItemStatusCode(item->status), "Vụ việc phức tạp: " + reason + " (" + approver + ")",
               item->rule_id);
        return JsonSummary(
            {{"item", std::to_string(number)},
             {"deadline", JsonQuote(item->deadline ? item->deadline->ToIsoString() : "")}});
      },
      ctx);
}

Result<Petition> PetitionService::Extend(CommuneId commune, PetitionId id, int number, int days,
                                         const std::string& reason, const std::string& approver,
                                         const AuditContext& ctx) {
  if (Blank(reason)) return MakeFieldError("reason", "Vui lòng ghi lý do gia hạn.");
  if (Blank(approver)) return MakeFieldError("approver", "Vui lòng ghi người quyết định gia hạn.");
  if (days < 1 || days > 90) {
    return MakeFieldError("days", "Số ngày gia hạn phải từ 1 đến 90.");
  }
  const Date today = Today();
  return Change(
      commune, id, std::nullopt, "petition.extend",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        if (!IsOpen(item->status) || !item->deadline) {
          return Precondition("Chỉ gia hạn được nội dung đang xử lý có thời hạn.");
        }
        DayCount counting = DayCount::kCalendar;
        if (item->petition_class == PetitionClass::kDenunciation) {
          // TC-04: at most two extensions, each at most the rule's days.
          ASSIGN_OR_RETURN(PetitionDeadlineRule rule, RuleFor(rules_, PetitionClass::kDenunciation,
                                                              kStepExtend, item->step_start));
          if (days > rule.days) {
            return MakeFieldError("days", "Mỗi lần gia hạn giải quyết tố cáo không quá " +
                                              std::to_string(rule.days) + " ngày (" + rule.id +
                                              ").");
          }
          if (item->extensions.size() >= 2) {
            return Precondition("Tố cáo chỉ được gia hạn tối đa hai lần (" + rule.id + ").");
          }
          counting = rule.counting;
        } else if (!item->rule_id.empty()) {
          Result<PetitionDeadlineRule> rule =
              RuleFor(rules_, item->petition_class, item->step, item->step_start);
          if (rule.ok()) counting = rule->counting;
        }
        DeadlineExtension extension;
        extension.days = days;
        extension.reason = reason;
        extension.approver = approver;
        extension.decided_on = today;
        extension.new_deadline = calendar_.Deadline(*item->deadline, days, counting);
        const Date before = *item->deadline;
        item->deadline = extension.new_deadline;
        item->extensions.push_back(extension);
        Record(p, ctx, number, "extended", ItemStatusCode(item->status),
               ItemStatusCode(item->status),
               "Gia hạn " + std::to_string(days) + " ngày, đến " +
                   FormatDdMmYyyy(extension.new_deadline) + ". Lý do: " + reason + " (" + approver +
                   ")",
               item->rule_id);
        return JsonSummary({{"item", std::to_string(number)},
                            {"from", JsonQuote(before.ToIsoString())},
                            {"to", JsonQuote(extension.new_deadline.ToIsoString())}});
      },
      ctx);
}

Result<Petition> PetitionService::Answer(CommuneId commune, PetitionId id, int number,
                                         const std::string& text, bool publish,
                                         const std::optional<NewAttachment>& document,
                                         const std::string& answered_by, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(
      std::string clean,
      CleanFieldText("answer", text, "Vui lòng nhập nội dung trả lời.", kMaxAnswerChars));
  std::string media_type;
  if (document) {
    media_type = SniffMediaType(document->bytes);
    if (media_type.empty()) {
      return MakeFieldError("document", "Văn bản trả lời phải là tệp PDF hoặc ảnh JPEG/PNG.");
    }
    if (static_cast<int64_t>(document->bytes.size()) > kMaxAttachmentBytes) {
      return MakeFieldError("document", "Văn bản trả lời lớn hơn 5 MB.");
    }
  }
  const Date today = Today();
  return Change(
      commune, id, std::nullopt, "petition.answer",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        const bool denunciation = item->petition_class == PetitionClass::kDenunciation;
        if (publish && denunciation) {
          // FB-04, CONF-02: a tố cáo answer is never published.
          return MakeFieldError("publish",
                                "Không công khai trả lời đơn tố cáo (bảo mật người tố cáo).");
        }
        PetitionAnswer answer;
        answer.text = clean;
        answer.published = publish;
        answer.answered_on = today;
        answer.answered_by = answered_by;
        if (document) {
          const bool seal = p.identity_sealed;
          PetitionAttachment attachment;
          ASSIGN_OR_RETURN(attachment.hash, attachments_.Put(document->bytes, seal));
          attachment.file_name = document->file_name.empty() ? "tra-loi" : document->file_name;
          attachment.media_type = media_type;
          attachment.size = static_cast<int64_t>(document->bytes.size());
          attachment.sealed = seal;
          answer.document_hash = attachment.hash;
          if (p.attachments.size() >= static_cast<size_t>(kMaxAttachments) + 5) {
            return Precondition("Đơn đã có quá nhiều tệp đính kèm.");
          }
          p.attachments.push_back(std::move(attachment));
        }
        item->answer = std::move(answer);
        item->rating.reset();
        return Move(p, *item, ItemStatus::kAnswered, ctx, "answered",
                    publish ? "Trả lời (công khai)" : "Trả lời");
      },
      ctx);
}

Result<Petition> PetitionService::MarkNotified(CommuneId commune, PetitionId id, int number,
                                               const AuditContext& ctx) {
  return Change(
      commune, id, std::nullopt, "petition.notify",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        return Move(p, *item, ItemStatus::kNotified, ctx, "notified", "");
      },
      ctx);
}

Result<Petition> PetitionService::Close(CommuneId commune, PetitionId id, int number,
                                        const AuditContext& ctx) {
  return Change(
      commune, id, std::nullopt, "petition.close",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        return Move(p, *item, ItemStatus::kClosed, ctx, "closed", "");
      },
      ctx);
}

Result<Petition> PetitionService::Forward(CommuneId commune, PetitionId id, int number,
                                          const std::string& body, const AuditContext& ctx) {
  if (Blank(body)) {
    return MakeFieldError("body", "Vui lòng ghi cơ quan có thẩm quyền nhận đơn chuyển.");
  }
  return Change(
      commune, id, std::nullopt, "petition.forward",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        item->forwarded_to = body;
        return Move(p, *item, ItemStatus::kForwarded, ctx, "forwarded", "Chuyển " + body);
      },
      ctx);
}

Result<Petition> PetitionService::File(CommuneId commune, PetitionId id, int number,
                                       FilingReason reason, const std::string& note,
                                       const AuditContext& ctx) {
  if (reason == FilingReason::kOther && Blank(note)) {
    return MakeFieldError("note", "Vui lòng ghi rõ lý do lưu đơn.");
  }
  return Change(
      commune, id, std::nullopt, "petition.file",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        item->filing_reason = reason;
        item->status_note = note;
        std::string text(FilingReasonLabel(reason));
        if (!Blank(note)) text += ": " + note;
        return Move(p, *item, ItemStatus::kFiled, ctx, "filed", text);
      },
      ctx);
}

Result<Petition> PetitionService::Reopen(CommuneId commune, PetitionId id, int number,
                                         const std::string& reason, const AuditContext& ctx) {
  if (Blank(reason)) return MakeFieldError("reason", "Vui lòng ghi lý do mở lại.");
  ASSIGN_OR_RETURN(Commune place, communes_.FindCommune(commune));
  const Date today = Today();
  return Change(
      commune, id, std::nullopt, "petition.reopen",
      [&](Petition& p) -> Result<std::string> {
        ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
        item->status_note = reason;
        // A new answer is owed: the current step's limit runs again from today.
        RETURN_IF_ERROR(SetDeadline(
            *item, item->step.empty() ? std::string(DefaultStep(item->petition_class)) : item->step,
            today, place.remote_area));
        return Move(p, *item, ItemStatus::kReopened, ctx, "reopened", reason);
      },
      ctx);
}

Result<PublicPetitionView> PetitionService::Rate(std::string_view code_text, std::string_view phone,
                                                 int number, bool satisfied,
                                                 const std::string& comment,
                                                 const AuditContext& ctx) {
  if (phone.empty()) {
    return MakeFieldError("phone", "Vui lòng nhập số điện thoại đã dùng khi gửi đơn.");
  }
  std::string clean_comment;
  if (!Blank(comment)) {
    ASSIGN_OR_RETURN(clean_comment, CleanFieldText("comment", comment, "", 2000));
  }
  ASSIGN_OR_RETURN(Petition found, CheckTracking(code_text, phone));
  ASSIGN_OR_RETURN(PetitionSettings settings, Settings(found.commune_id));
  ASSIGN_OR_RETURN(Commune place, communes_.FindCommune(found.commune_id));
  const Date today = Today();
  AuditContext citizen = ctx;
  citizen.commune = found.commune_id;
  citizen.actor_name = std::string(kCitizenActor);
  ASSIGN_OR_RETURN(
      Petition rated,
      Change(
          found.commune_id, found.id, std::nullopt, "petition.rate",
          [&](Petition& p) -> Result<std::string> {
            ASSIGN_OR_RETURN(PetitionItem * item, ItemOf(p, number));
            if (item->petition_class == PetitionClass::kDenunciation || !item->answer ||
                (item->status != ItemStatus::kAnswered && item->status != ItemStatus::kNotified &&
                 item->status != ItemStatus::kClosed)) {
              return Precondition("Nội dung này chưa có câu trả lời để đánh giá.");
            }
            if (item->rating) return Precondition("Bạn đã đánh giá câu trả lời này.");
            item->rating = PetitionRating{satisfied, clean_comment, citizen.at};
            const std::string label = satisfied ? "Hài lòng" : "Chưa hài lòng";
            Record(p, citizen, number, "rated", ItemStatusCode(item->status),
                   ItemStatusCode(item->status), label, "");
            if (!satisfied) {
              if (settings.dissatisfied_action == DissatisfiedAction::kReopen) {
                RETURN_IF_ERROR(SetDeadline(*item, item->step, today, place.remote_area));
                RETURN_IF_ERROR(Move(p, *item, ItemStatus::kReopened, citizen, "reopened",
                                     "Công dân chưa hài lòng với câu trả lời"));
              } else {
                p.escalated = true;
                Record(p, citizen, number, "escalated", ItemStatusCode(item->status),
                       ItemStatusCode(item->status),
                       "Công dân chưa hài lòng: chuyển Chủ tịch UBND xem xét", "");
              }
            }
            return JsonSummary(
                {{"item", std::to_string(number)}, {"satisfied", satisfied ? "true" : "false"}});
          },
          citizen));
  return PublicView(rated, true);
}

}  // namespace doithoai
