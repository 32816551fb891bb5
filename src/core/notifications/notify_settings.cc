// Notification settings (see notify_settings.h).
#include "core/notifications/notify_settings.h"

#include "core/petitions/petition_intake.h"

namespace doithoai {

MessageTemplate NotificationSettings::TemplateFor(std::string_view event) const {
  for (const MessageTemplate& t : templates) {
    if (t.event == event) {
      return t;
    }
  }
  return DefaultTemplate(event);
}

const OfficialContact* NotificationSettings::ContactOf(OfficialId id) const {
  for (const OfficialContact& c : contacts) {
    if (c.official_id == id) {
      return &c;
    }
  }
  return nullptr;
}

const VillageHeadContact* NotificationSettings::VillageHeadOf(VillageId id) const {
  for (const VillageHeadContact& c : village_heads) {
    if (c.village_id == id) {
      return &c;
    }
  }
  return nullptr;
}

namespace {

bool LooksLikeEmail(std::string_view s) {
  const size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
         s.back() != '.' && s.find(' ') == std::string_view::npos &&
         s.find('@', at + 1) == std::string_view::npos;
}

// One contact's phone, e-mail and preferred channel, as FieldErrors on `field`.
void CheckContact(const std::string& field, const std::string& phone, const std::string& email,
                  MessageChannel channel, std::vector<FieldError>& errors) {
  if (!phone.empty() && !NormalizePhone(phone).ok()) {
    errors.push_back({field, "Số điện thoại “" + phone + "” không hợp lệ"});
  }
  if (!email.empty() && !LooksLikeEmail(email)) {
    errors.push_back({field, "Địa chỉ thư điện tử “" + email + "” không hợp lệ"});
  }
  if (channel == MessageChannel::kEmail && email.empty()) {
    errors.push_back({field, "Chọn gửi bằng thư điện tử thì phải có địa chỉ thư"});
  }
  if (channel != MessageChannel::kEmail && phone.empty() && !email.empty()) {
    errors.push_back({field, "Chọn gửi bằng tin nhắn thì phải có số điện thoại"});
  }
}

}  // namespace

Status ValidateNotificationSettings(const NotificationSettings& settings) {
  std::vector<FieldError> errors;
  if (settings.escalate_after_days < 1 || settings.escalate_after_days > 60) {
    errors.push_back(
        {"escalate_after_days", "Số ngày quá hạn trước khi báo Chủ tịch phải từ 1 đến 60"});
  }
  if (settings.rate_request_after_days < 0 || settings.rate_request_after_days > 30) {
    errors.push_back(
        {"rate_request_after_days", "Số ngày trước khi mời đánh giá phải từ 0 đến 30"});
  }
  for (const OfficialContact& c : settings.contacts) {
    CheckContact("contact_" + std::to_string(c.official_id.value), c.phone, c.email, c.channel,
                 errors);
  }
  for (const VillageHeadContact& c : settings.village_heads) {
    CheckContact("village_head_" + std::to_string(c.village_id.value), c.phone, c.email, c.channel,
                 errors);
  }
  for (const MessageTemplate& t : settings.templates) {
    Status s = ValidateTemplate(t);
    if (!s.ok()) {
      for (const FieldError& f : s.error().fields) {
        errors.push_back({"template_" + t.event + "_" + f.field, f.message});
      }
      if (s.error().fields.empty()) {
        errors.push_back({"template_" + t.event, s.error().message});
      }
    }
  }
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidArgument, errors.front().message, errors};
  }
  return OkStatus();
}

}  // namespace doithoai
