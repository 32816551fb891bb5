#include "adapters/web/petition_view.h"

#include <chrono>
#include <cstdio>
#include <utility>

#include "core/petitions/deadline_rules.h"

namespace doithoai::web {

namespace {

// Broken-down Việt Nam local time (UTC+7, no daylight saving).
struct LocalTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

LocalTime ToLocal(Timestamp t) {
  const auto local = t + std::chrono::hours(7);
  const auto days = std::chrono::floor<std::chrono::days>(local);
  const auto in_day = std::chrono::duration_cast<std::chrono::seconds>(local - days).count();
  LocalTime out;
  out.date = Date(std::chrono::sys_days(days));
  out.hour = static_cast<int>(in_day / 3600);
  out.minute = static_cast<int>(in_day / 60 % 60);
  out.second = static_cast<int>(in_day % 60);
  return out;
}

nlohmann::json DateOrNull(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->ToIsoString()) : nlohmann::json(nullptr);
}

std::string DateText(const std::optional<Date>& date) {
  return date ? FormatDdMmYyyy(*date) : std::string();
}

std::string StatusLabelOf(std::string_view code) {
  if (code.empty()) return "";
  Result<ItemStatus> status = ParseItemStatus(code);
  return status.ok() ? std::string(ItemStatusLabel(*status)) : std::string(code);
}

// The most urgent deadline state of the petition's items: overdue, due soon,
// on track, no deadline, done.
DeadlineState WorstState(const Petition& petition, Date today, int due_soon_days) {
  auto rank = [](DeadlineState s) {
    switch (s) {
      case DeadlineState::kOverdue:
        return 4;
      case DeadlineState::kDueSoon:
        return 3;
      case DeadlineState::kOnTrack:
        return 2;
      case DeadlineState::kNone:
        return 1;
      case DeadlineState::kDone:
        return 0;
    }
    return 0;
  };
  DeadlineState worst = DeadlineState::kDone;
  for (const PetitionItem& item : petition.items) {
    const DeadlineState s = ItemDeadlineState(item, today, due_soon_days);
    if (rank(s) > rank(worst)) worst = s;
  }
  return worst;
}

nlohmann::json HistoryJson(const HistoryEntry& entry, bool with_staff_fields) {
  nlohmann::json j = {
      {"at", IsoVietnamTime(entry.at)}, {"at_text", FormatVietnamTime(entry.at)},
      {"actor", entry.actor},           {"item", entry.item},
      {"action", entry.action},         {"action_label", HistoryActionLabel(entry.action)},
      {"status", entry.to_status},      {"status_label", StatusLabelOf(entry.to_status)}};
  if (with_staff_fields) {
    j["from_status"] = entry.from_status;
    j["from_status_label"] = StatusLabelOf(entry.from_status);
    j["note"] = entry.note;
    j["rule_id"] = entry.rule_id;
  }
  return j;
}

nlohmann::json RatingJson(const std::optional<PetitionRating>& rating) {
  if (!rating) return nullptr;
  return {{"satisfied", rating->satisfied},
          {"satisfied_label", rating->satisfied ? "Hài lòng" : "Chưa hài lòng"},
          {"comment", rating->comment},
          {"at", IsoVietnamTime(rating->at)},
          {"at_text", FormatVietnamTime(rating->at)}};
}

}  // namespace

bool ValidFormToken(std::string_view token) {
  if (token.size() > kMaxFormTokenChars) return false;
  for (char c : token) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string IsoVietnamTime(Timestamp t) {
  const LocalTime l = ToLocal(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d+07:00", l.hour, l.minute, l.second);
  return l.date.ToIsoString() + buf;
}

std::string FormatVietnamTime(Timestamp t) {
  const LocalTime l = ToLocal(t);
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", l.hour, l.minute);
  return FormatDdMmYyyy(l.date) + buf;
}

std::string HistoryActionLabel(std::string_view action) {
  static const std::pair<std::string_view, std::string_view> kLabels[] = {
      {"received", "Tiếp nhận đơn"},
      {"classified", "Phân loại"},
      {"assigned", "Giao xử lý"},
      {"reassigned", "Giao lại bộ phận xử lý"},
      {"started", "Bắt đầu giải quyết"},
      {"complex", "Xác định vụ việc phức tạp"},
      {"extended", "Gia hạn giải quyết"},
      {"answered", "Trả lời"},
      {"notified", "Thông báo cho công dân"},
      {"closed", "Kết thúc"},
      {"forwarded", "Chuyển cơ quan có thẩm quyền"},
      {"filed", "Lưu đơn"},
      {"reopened", "Mở lại"},
      {"rated", "Công dân đánh giá câu trả lời"},
      {"escalated", "Chuyển Chủ tịch UBND xem xét"},
  };
  for (const auto& [code, label] : kLabels) {
    if (code == action) return std::string(label);
  }
  return std::string(action);
}

std::string FieldLabelOf(const std::vector<PetitionField>& fields, std::string_view code) {
  if (code.empty()) return "";
  for (const PetitionField& f : fields) {
    if (f.code == code) return f.label;
  }
  return std::string(code);
}

std::string UnitNameOf(const std::vector<Unit>& units, std::optional<UnitId> id) {
  if (!id) return "";
  for (const Unit& u : units) {
    if (u.id == *id) return u.name;
  }
  return "";
}

std::string VillageNameOf(const std::vector<Village>& villages, std::optional<VillageId> id) {
  if (!id) return "";
  for (const Village& v : villages) {
    if (v.id == *id) return v.name;
  }
  return "";
}

nlohmann::json PublicViewJson(const PublicPetitionView& view) {
  nlohmann::json items = nlohmann::json::array();
  for (const PublicItemView& item : view.items) {
    nlohmann::json answer = nullptr;
    if (item.answer) {
      answer = {{"text", item.answer->text},
                {"answered_on", item.answer->answered_on.ToIsoString()},
                {"answered_on_text", FormatDdMmYyyy(item.answer->answered_on)},
                {"has_document", !item.answer->document_hash.empty()}};
    }
    items.push_back({{"number", item.number},
                     {"class", item.class_label},
                     {"field", item.field_label},
                     {"status", item.status_code},
                     {"status_label", item.status_label},
                     {"unit", item.unit_name},
                     {"deadline", DateOrNull(item.deadline)},
                     {"deadline_text", DateText(item.deadline)},
                     {"deadline_state", item.deadline_state},
                     {"deadline_label", item.deadline_label},
                     {"text", item.text},
                     {"has_text", !item.text.empty()},
                     {"answer", answer},
                     {"has_answer", item.answer.has_value()},
                     {"rating", RatingJson(item.rating)},
                     {"has_rating", item.rating.has_value()},
                     {"can_rate", item.can_rate}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const HistoryEntry& entry : view.history) history.push_back(HistoryJson(entry, false));
  return {{"code", view.code},
          {"commune_slug", view.commune_slug},
          {"commune_name", view.commune_name},
          {"channel", view.channel_label},
          {"received_on", view.received_on.ToIsoString()},
          {"received_on_text", FormatDdMmYyyy(view.received_on)},
          {"status", view.status_label},
          {"detailed", view.detailed},
          {"items", items},
          {"history", history},
          {"has_history", !history.empty()}};
}

nlohmann::json StaffPetitionJson(const Petition& petition, const std::vector<PetitionField>& fields,
                                 const std::vector<Unit>& units,
                                 const std::vector<Village>& villages, Date today,
                                 int due_soon_days) {
  const PetitionSummary summary = Summarize(petition);
  const DeadlineState worst = WorstState(petition, today, due_soon_days);
  nlohmann::json j = {
      {"id", petition.id.value},
      {"code", petition.code},
      {"channel", PetitionChannelCode(petition.channel)},
      {"channel_label", PetitionChannelLabel(petition.channel)},
      {"received_on", petition.received_on.ToIsoString()},
      {"received_on_text", FormatDdMmYyyy(petition.received_on)},
      {"received_at", IsoVietnamTime(petition.received_at)},
      {"received_at_text", FormatVietnamTime(petition.received_at)},
      // CONF-02: the pseudonym for a sealed petition; the sealed identity is
      // never opened here (only PetitionService::ReadIdentity does, audited).
      {"name", petition.DisplayName()},
      {"sealed", petition.identity_sealed},
      {"conference_id",
       petition.conference_id ? nlohmann::json(petition.conference_id->value) : nullptr},
      {"session_number", petition.session_number},
      {"status", ItemStatusCode(summary.status)},
      {"status_label", ItemStatusLabel(summary.status)},
      {"open", summary.open},
      {"deadline", DateOrNull(summary.deadline)},
      {"deadline_text", DateText(summary.deadline)},
      {"deadline_state", DeadlineStateCode(worst)},
      {"deadline_label", DeadlineStateLabel(worst)},
      {"escalated", petition.escalated},
      {"version", petition.version},
  };
  if (!petition.identity_sealed) {
    j["phone"] = petition.submitter.phone;
    j["address"] = petition.submitter.address;
    j["id_number"] = petition.submitter.id_number;
    j["village_id"] = petition.village_id ? nlohmann::json(petition.village_id->value) : nullptr;
    j["village"] = VillageNameOf(villages, petition.village_id);
  }

  nlohmann::json items = nlohmann::json::array();
  for (const PetitionItem& item : petition.items) {
    const DeadlineState state = ItemDeadlineState(item, today, due_soon_days);
    nlohmann::json extensions = nlohmann::json::array();
    for (const DeadlineExtension& e : item.extensions) {
      extensions.push_back({{"days", e.days},
                            {"reason", e.reason},
                            {"approver", e.approver},
                            {"decided_on", e.decided_on.ToIsoString()},
                            {"decided_on_text", FormatDdMmYyyy(e.decided_on)},
                            {"new_deadline", e.new_deadline.ToIsoString()},
                            {"new_deadline_text", FormatDdMmYyyy(e.new_deadline)}});
    }
    nlohmann::json answer = nullptr;
    if (item.answer) {
      answer = {{"text", item.answer->text},
                {"document_hash", item.answer->document_hash},
                {"has_document", !item.answer->document_hash.empty()},
                {"published", item.answer->published},
                {"answered_on", item.answer->answered_on.ToIsoString()},
                {"answered_on_text", FormatDdMmYyyy(item.answer->answered_on)},
                {"answered_by", item.answer->answered_by}};
    }
    items.push_back(
        {{"number", item.number},
         {"text", item.text},
         {"class", PetitionClassCode(item.petition_class)},
         {"class_label", PetitionClassLabel(item.petition_class)},
         {"class_confirmed", item.class_confirmed},
         {"field", item.field},
         {"field_label", FieldLabelOf(fields, item.field)},
         {"status", ItemStatusCode(item.status)},
         {"status_label", ItemStatusLabel(item.status)},
         {"open", IsOpen(item.status)},
         {"unit_id", item.unit_id ? nlohmann::json(item.unit_id->value) : nullptr},
         {"unit", UnitNameOf(units, item.unit_id)},
         {"official_id", item.official_id ? nlohmann::json(item.official_id->value) : nullptr},
         {"step", item.step},
         {"step_label", item.step.empty() ? std::string() : StepLabel(item.step)},
         {"rule_id", item.rule_id},
         {"step_start", item.step_start.ToIsoString()},
         {"step_start_text", FormatDdMmYyyy(item.step_start)},
         {"deadline", DateOrNull(item.deadline)},
         {"deadline_text", DateText(item.deadline)},
         {"deadline_state", DeadlineStateCode(state)},
         {"deadline_label", DeadlineStateLabel(state)},
         {"internal_target", DateOrNull(item.internal_target)},
         {"internal_target_text", DateText(item.internal_target)},
         {"complex", item.complex},
         {"complex_reason", item.complex_reason},
         {"complex_approver", item.complex_approver},
         {"extensions", extensions},
         {"answer", answer},
         {"has_answer", item.answer.has_value()},
         {"rating", RatingJson(item.rating)},
         {"has_rating", item.rating.has_value()},
         {"forwarded_to", item.forwarded_to},
         {"filing_reason",
          item.filing_reason ? nlohmann::json(FilingReasonCode(*item.filing_reason)) : nullptr},
         {"filing_reason_label",
          item.filing_reason ? std::string(FilingReasonLabel(*item.filing_reason)) : ""},
         {"status_note", item.status_note}});
  }
  j["items"] = std::move(items);

  nlohmann::json attachments = nlohmann::json::array();
  for (size_t i = 0; i < petition.attachments.size(); ++i) {
    const PetitionAttachment& a = petition.attachments[i];
    // CONF-04: a sealed attachment's name may itself identify the denouncer.
    attachments.push_back(
        {{"hash", a.hash},
         {"file_name",
          a.sealed ? "Tệp đính kèm " + std::to_string(i + 1) + " (bảo mật)" : a.file_name},
         {"media_type", a.media_type},
         {"size", a.size},
         {"sealed", a.sealed}});
  }
  j["attachments"] = std::move(attachments);

  nlohmann::json history = nlohmann::json::array();
  for (const HistoryEntry& entry : petition.history) history.push_back(HistoryJson(entry, true));
  j["history"] = std::move(history);
  return j;
}

nlohmann::json PetitionListItemJson(const Petition& petition,
                                    const std::vector<PetitionField>& fields,
                                    const std::vector<Unit>& units,
                                    const std::vector<Village>& villages, Date today,
                                    int due_soon_days) {
  const PetitionSummary summary = Summarize(petition);
  const DeadlineState worst = WorstState(petition, today, due_soon_days);
  const PetitionItem* first = petition.items.empty() ? nullptr : &petition.items.front();
  return {
      {"id", petition.id.value},
      {"code", petition.code},
      {"text", first ? first->text : std::string()},
      {"field", summary.field},
      {"field_label", FieldLabelOf(fields, summary.field)},
      {"class", first ? std::string(PetitionClassCode(first->petition_class)) : ""},
      {"class_label", first ? std::string(PetitionClassLabel(first->petition_class)) : ""},
      {"status", ItemStatusCode(summary.status)},
      {"status_label", ItemStatusLabel(summary.status)},
      {"deadline", DateOrNull(summary.deadline)},
      {"deadline_text", DateText(summary.deadline)},
      {"deadline_state", DeadlineStateCode(worst)},
      {"deadline_label", DeadlineStateLabel(worst)},
      {"received_on", petition.received_on.ToIsoString()},
      {"received_on_text", FormatDdMmYyyy(petition.received_on)},
      // A sealed petition's village is kept clear (CONF-02): "".
      {"village", petition.identity_sealed ? "" : VillageNameOf(villages, petition.village_id)},
      {"unit", UnitNameOf(units, summary.unit_id)},
      {"name", petition.DisplayName()},
      {"sealed", petition.identity_sealed},
      {"item_count", static_cast<int64_t>(petition.items.size())},
      {"channel", PetitionChannelCode(petition.channel)},
      {"channel_label", PetitionChannelLabel(petition.channel)},
  };
}

}  // namespace doithoai::web
