// Cases (see case_service.h).
#include "core/petitions/case_service.h"

#include <algorithm>

namespace doithoai {

namespace {

Error CodesError(std::string message) { return MakeFieldError("codes", std::move(message)); }

}  // namespace

Result<std::vector<PetitionId>> CaseService::Resolve(CommuneId commune,
                                                     const std::vector<std::string>& codes) {
  std::vector<PetitionId> ids;
  std::vector<std::string> unknown;
  for (const std::string& code : codes) {
    Result<Petition> p = petitions_.FindByCode(commune, code);
    if (!p.ok()) {
      if (p.error().code == ErrorCode::kNotFound || p.error().code == ErrorCode::kInvalidArgument) {
        unknown.push_back(code);
        continue;
      }
      return std::move(p).error();
    }
    if (std::find(ids.begin(), ids.end(), p.value().id) == ids.end()) {
      ids.push_back(p.value().id);
    }
  }
  if (!unknown.empty()) {
    std::string list;
    for (const std::string& code : unknown) {
      list += (list.empty() ? "" : ", ") + code;
    }
    // Another commune's petition is not found here: merging across communes
    // is refused (issue #6, bad input).
    return CodesError("Không tìm thấy đơn " + list + " trong xã này");
  }
  return ids;
}

Result<PetitionCase> CaseService::Create(CommuneId commune, const std::string& title,
                                         const std::vector<std::string>& codes,
                                         const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::string clean, CleanCaseTitle(title));
  ASSIGN_OR_RETURN(std::vector<PetitionId> ids, Resolve(commune, codes));
  if (ids.size() < 2) {
    return CodesError("Một vụ việc gộp ít nhất 2 đơn");
  }
  PetitionCase c;
  c.commune_id = commune;
  c.title = clean;
  c.members = ids;
  c.created_at = ctx.at;
  c.created_by = ctx.actor_name;
  // The field most members share, if any.
  ASSIGN_OR_RETURN(Petition first, petitions_.Find(commune, ids.front()));
  if (!first.items.empty()) {
    c.field = first.items.front().field;
  }
  ASSIGN_OR_RETURN(PetitionCase stored, cases_.Create(commune, c, ctx));
  insight_.Invalidate(commune);
  return stored;
}

Result<PetitionCase> CaseService::AddMembers(CommuneId commune, CaseId id,
                                             const std::vector<std::string>& codes,
                                             const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<PetitionId> ids, Resolve(commune, codes));
  if (ids.empty()) {
    return CodesError("Nhập mã đơn cần thêm vào vụ việc");
  }
  ASSIGN_OR_RETURN(PetitionCase stored, cases_.AddMembers(commune, id, ids, ctx));
  insight_.Invalidate(commune);
  return stored;
}

Status CaseService::RemoveMember(CommuneId commune, CaseId id, PetitionId member,
                                 const AuditContext& ctx) {
  RETURN_IF_ERROR(cases_.RemoveMember(commune, id, member, ctx));
  insight_.Invalidate(commune);
  return OkStatus();
}

Result<PetitionCase> CaseService::Rename(CommuneId commune, CaseId id, const std::string& title,
                                         const std::string& field, const AuditContext& ctx) {
  ASSIGN_OR_RETURN(std::string clean, CleanCaseTitle(title));
  std::string field_code;
  if (!field.empty()) {
    ASSIGN_OR_RETURN(std::vector<PetitionField> fields, petitions_.Fields(commune));
    ASSIGN_OR_RETURN(field_code, MatchField(fields, field));
  }
  return cases_.Rename(commune, id, clean, field_code, ctx);
}

Result<CaseView> CaseService::View(CommuneId commune, CaseId id) {
  CaseView view;
  ASSIGN_OR_RETURN(view.c, cases_.Find(commune, id));
  for (PetitionId member : view.c.members) {
    ASSIGN_OR_RETURN(Petition p, petitions_.Find(commune, member));
    view.members.push_back(std::move(p));
  }
  ASSIGN_OR_RETURN(std::vector<ProminentIssue> all, cases_.Prominent(commune, 100000));
  for (ProminentIssue& issue : all) {
    if (issue.case_id == id) {
      view.counts = std::move(issue);
    }
  }
  return view;
}

Result<std::vector<BulkOutcome>> CaseService::Answer(CommuneId commune, CaseId id,
                                                     const std::string& text, bool publish,
                                                     const std::string& answered_by,
                                                     std::optional<UnitId> unit,
                                                     const AuditContext& ctx) {
  ASSIGN_OR_RETURN(PetitionCase c, cases_.Find(commune, id));
  std::vector<BulkOutcome> out;
  bool answered_any = false;
  for (PetitionId member : c.members) {
    ASSIGN_OR_RETURN(Petition p, petitions_.Find(commune, member));
    BulkOutcome line{p.id, p.code, OkStatus()};
    int answered = 0;
    for (const PetitionItem& item : p.items) {
      if (!IsOpen(item.status)) {
        continue;
      }
      if (item.status == ItemStatus::kReceived || item.status == ItemStatus::kClassified) {
        if (!unit.has_value()) {
          line.status =
              MakeFieldError("unit_id", "Đơn " + p.code + " chưa giao bộ phận xử lý: chọn bộ phận");
          break;
        }
        Result<Petition> assigned = petitions_.Assign(commune, member, std::nullopt, {item.number},
                                                      *unit, std::nullopt, std::nullopt, ctx);
        if (!assigned.ok()) {
          line.status = std::move(assigned).error();
          break;
        }
      }
      const bool may_publish = publish && item.petition_class != PetitionClass::kDenunciation;
      Result<Petition> r = petitions_.Answer(commune, member, item.number, text, may_publish,
                                             std::nullopt, answered_by, ctx);
      if (!r.ok()) {
        line.status = std::move(r).error();
        break;
      }
      ++answered;
    }
    if (line.status.ok() && answered == 0) {
      line.status = MakeError(ErrorCode::kFailedPrecondition, "Đơn không còn nội dung chờ trả lời");
    }
    answered_any = answered_any || answered > 0;
    out.push_back(std::move(line));
  }
  if (!answered_any && !out.empty() && !out.front().status.ok()) {
    // Nothing was answered: report the first reason (e.g. an empty answer).
    const Error& e = out.front().status.error();
    if (e.code == ErrorCode::kInvalidArgument) {
      return e;
    }
  }
  return out;
}

}  // namespace doithoai
