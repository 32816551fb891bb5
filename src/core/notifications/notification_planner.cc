// Outbox messages from templates (see notification_planner.h).
#include "core/notifications/notification_planner.h"

#include <map>

namespace doithoai {

namespace {

std::string UnitName(const MessageContext& ctx, std::optional<UnitId> id) {
  if (!id.has_value()) {
    return "bộ phận được giao";
  }
  for (const Unit& u : ctx.units) {
    if (u.id == *id) {
      return u.name;
    }
  }
  return "bộ phận được giao";
}

std::string FieldLabel(const MessageContext& ctx, const std::string& code) {
  for (const PetitionField& f : ctx.fields) {
    if (f.code == code) {
      return f.label;
    }
  }
  return code.empty() ? "chưa phân loại" : code;
}

// The first `max_chars` code points of `s`, cut at a space, with "…".
std::string Shorten(std::string_view s, size_t max_chars) {
  size_t count = 0;
  size_t cut = 0;
  size_t last_space = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
      continue;
    }
    if (count == max_chars) {
      cut = i;
      break;
    }
    if (s[i] == ' ') {
      last_space = i;
    }
    ++count;
  }
  if (cut == 0) {
    return std::string(s);
  }
  return std::string(s.substr(0, last_space > 0 ? last_space : cut)) + "…";
}

std::string CommuneTitle(const MessageContext& ctx) { return "UBND " + ctx.commune.DisplayName(); }

OutboxMessage Render(const MessageContext& ctx, std::string_view event,
                     const std::map<std::string, std::string>& values) {
  const MessageTemplate t = ctx.settings.TemplateFor(event);
  OutboxMessage m;
  m.commune_id = ctx.commune.id;
  m.event = std::string(event);
  m.subject = RenderTemplate(t.subject, values);
  m.body = RenderTemplate(t.body, values);
  m.created_at = ctx.now;
  return m;
}

void Address(OutboxMessage& m, const OfficialContact* contact) {
  if (contact == nullptr) {
    return;
  }
  m.channel = contact->channel;
  m.address = contact->channel == MessageChannel::kEmail ? contact->email : contact->phone;
}

}  // namespace

std::string TrackingUrl(const MessageContext& ctx, std::string_view code) {
  std::string base = ctx.public_url;
  while (!base.empty() && base.back() == '/') {
    base.pop_back();
  }
  return base + "/tra-cuu/" + std::string(code);
}

std::optional<OutboxMessage> CitizenMessage(const Petition& petition, std::string_view event,
                                            int item, const MessageContext& ctx) {
  const bool sealed = petition.identity_sealed;
  if (!sealed && petition.submitter.phone.empty()) {
    return std::nullopt;
  }
  std::map<std::string, std::string> values = {
      {"ma_don", petition.code},
      {"ten_xa", CommuneTitle(ctx)},
      {"ngay_nhan", FormatDdMmYyyy(petition.received_on)},
      {"duong_dan", TrackingUrl(ctx, petition.code)},
  };
  const PetitionItem* it = nullptr;
  for (const PetitionItem& i : petition.items) {
    if (i.number == item || (item == 0 && it == nullptr)) {
      it = &i;
    }
  }
  if (it != nullptr) {
    values["don_vi"] = UnitName(ctx, it->unit_id);
    values["han_xu_ly"] = it->deadline.has_value() ? FormatDdMmYyyy(*it->deadline) : "";
    if (it->answer.has_value()) {
      values["tom_tat_tra_loi"] = Shorten(it->answer->text, 160);
      values["ngay_tra_loi"] = FormatDdMmYyyy(it->answer->answered_on);
    }
  }
  OutboxMessage m = Render(ctx, event, values);
  m.recipient_kind = "citizen";
  m.recipient_name = petition.DisplayName();
  m.petition_code = petition.code;
  m.channel = MessageChannel::kSms;
  if (sealed) {
    m.state = DeliveryState::kWithheld;
    m.last_error = std::string(kWithheldReason);
  } else {
    m.address = petition.submitter.phone;
  }
  return m;
}

OutboxMessage DigestMessage(const Digest& digest, const Official& official, Date day,
                            const MessageContext& ctx) {
  std::string list;
  for (const ItemReminder& r : digest.items) {
    list += "- " + r.code + (r.item > 1 ? " (nội dung " + std::to_string(r.item) + ")" : "") +
            ", " + FieldLabel(ctx, r.field) + ": ";
    if (r.kind == ReminderKind::kOverdue) {
      list += "QUÁ HẠN " + std::to_string(r.working_days) + " ngày làm việc (hạn " +
              FormatDdMmYyyy(r.deadline) + ")";
    } else if (r.working_days == 0) {
      list += "đến hạn HÔM NAY";
    } else {
      list += "còn " + std::to_string(r.working_days) + " ngày làm việc (hạn " +
              FormatDdMmYyyy(r.deadline) + ")";
    }
    list += "\n";
  }
  if (!list.empty()) {
    list.pop_back();
  }
  std::string base = ctx.public_url;
  OutboxMessage m =
      Render(ctx, kEventDigest,
             {{"ten_nguoi_nhan", official.full_name},
              {"ten_xa", CommuneTitle(ctx)},
              {"ngay", FormatDdMmYyyy(day)},
              {"so_viec", std::to_string(digest.items.size())},
              {"danh_sach", list},
              {"duong_dan", base + "/quan-tri/" + ctx.commune.slug + "/kien-nghi?overdue=1"}});
  m.recipient_kind = "official";
  m.recipient_name = official.full_name;
  m.official_id = official.id;
  Address(m, ctx.settings.ContactOf(official.id));
  return m;
}

OutboxMessage VillageHeadMessage(const ResultsNoticeEvent& event, const Village& village,
                                 const MessageContext& ctx) {
  const VillageHeadContact* contact = ctx.settings.VillageHeadOf(village.id);
  const std::string name = contact != nullptr && !contact->name.empty()
                               ? contact->name
                               : "Trưởng thôn (" + village.name + ")";
  OutboxMessage m = Render(ctx, kEventResultsNotice,
                           {{"ten_nguoi_nhan", name},
                            {"ten_xa", CommuneTitle(ctx)},
                            {"thon", village.name},
                            {"so_van_ban", event.number_text},
                            {"ngay", FormatDdMmYyyy(event.issued_on)},
                            {"duong_dan", event.public_url}});
  m.recipient_kind = "official";  // a village official (cán bộ thôn)
  m.recipient_name = name;
  m.topic = ResultsNoticeTopic(event.conference, village.id);
  if (contact != nullptr) {
    m.channel = contact->channel;
    m.address = contact->channel == MessageChannel::kEmail ? contact->email : contact->phone;
  }
  return m;
}

OutboxMessage EscalationMessage(const ItemReminder& reminder, const Official& chairman,
                                const MessageContext& ctx) {
  OutboxMessage m = Render(ctx, kEventEscalation,
                           {{"ten_nguoi_nhan", chairman.full_name},
                            {"ten_xa", CommuneTitle(ctx)},
                            {"ma_don", reminder.code},
                            {"linh_vuc", FieldLabel(ctx, reminder.field)},
                            {"don_vi", UnitName(ctx, reminder.unit_id)},
                            {"han_xu_ly", FormatDdMmYyyy(reminder.deadline)},
                            {"so_ngay_qua_han", std::to_string(reminder.working_days)},
                            {"duong_dan", ctx.public_url + "/quan-tri/" + ctx.commune.slug +
                                              "/kien-nghi?q=" + reminder.code}});
  m.recipient_kind = "chairman";
  m.recipient_name = chairman.full_name;
  m.official_id = chairman.id;
  m.petition_code = reminder.code;
  Address(m, ctx.settings.ContactOf(chairman.id));
  return m;
}

}  // namespace doithoai
