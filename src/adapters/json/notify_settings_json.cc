#include "adapters/json/notify_settings_json.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "adapters/json/json_reader.h"
#include "adapters/json/json_writer.h"

namespace doithoai::json {

namespace {

using Json = nlohmann::json;
using json_reader::EnumReader;
using json_reader::ListReader;
using json_reader::ObjectReader;
using json_reader::OptionalReader;
using json_reader::Path;
using json_reader::ReadBool;
using json_reader::ReadId;
using json_reader::ReadInt;
using json_reader::ReadString;

constexpr std::string_view kDocument = "cấu hình thông báo";

Json ContactToJson(const OfficialContact& c) {
  return {{"official_id", c.official_id.value},
          {"phone", c.phone},
          {"email", c.email},
          {"channel", MessageChannelCode(c.channel)}};
}

Json VillageHeadToJson(const VillageHeadContact& c) {
  return {{"village_id", c.village_id.value},
          {"name", c.name},
          {"phone", c.phone},
          {"email", c.email},
          {"channel", MessageChannelCode(c.channel)}};
}

Json TemplateToJson(const MessageTemplate& t) {
  return {{"event", t.event}, {"subject", t.subject}, {"body", t.body}};
}

Status ReadContact(const Json& v, const Path& path, OfficialContact& c) {
  return ObjectReader(v, path)
      .Read("official_id", c.official_id, ReadId<OfficialId>)
      .Read("phone", c.phone, ReadString)
      .Read("email", c.email, ReadString)
      .Read("channel", c.channel, EnumReader(ParseMessageChannel, MessageChannelCode))
      .status();
}

Status ReadVillageHead(const Json& v, const Path& path, VillageHeadContact& c) {
  return ObjectReader(v, path)
      .Read("village_id", c.village_id, ReadId<VillageId>)
      .Read("name", c.name, ReadString)
      .Read("phone", c.phone, ReadString)
      .Read("email", c.email, ReadString)
      .Read("channel", c.channel, EnumReader(ParseMessageChannel, MessageChannelCode))
      .status();
}

Status ReadTemplate(const Json& v, const Path& path, MessageTemplate& t) {
  return ObjectReader(v, path)
      .Read("event", t.event, ReadString)
      .Read("subject", t.subject, ReadString)
      .Read("body", t.body, ReadString)
      .status();
}

Result<NotificationSettings> ReadSettings(const Json& v) {
  const Path root{kDocument, ""};
  NotificationSettings s;
  RETURN_IF_ERROR(
      ObjectReader(v, root)
          .Read("contacts", s.contacts, ListReader<OfficialContact>(ReadContact))
          .Read("village_heads", s.village_heads, ListReader<VillageHeadContact>(ReadVillageHead))
          .Read("chairman_id", s.chairman_id, OptionalReader<OfficialId>(ReadId<OfficialId>))
          .Read("escalate_after_days", s.escalate_after_days, ReadInt)
          .Read("notify_citizen_on_assign", s.notify_citizen_on_assign, ReadBool)
          .Read("rate_request_after_days", s.rate_request_after_days, ReadInt)
          .Read("templates", s.templates, ListReader<MessageTemplate>(ReadTemplate))
          .status());
  return s;
}

// The same error as kInternal: the text comes from storage, so a bad value
// is corruption, not a user's mistake.
Error AsInternal(Error error) {
  error.code = ErrorCode::kInternal;
  error.fields.clear();
  return error;
}

}  // namespace

std::string NotificationSettingsToJson(const NotificationSettings& s) {
  Json out = {
      {"contacts", json_writer::ListToJson(s.contacts, ContactToJson)},
      {"village_heads", json_writer::ListToJson(s.village_heads, VillageHeadToJson)},
      {"chairman_id", json_writer::OptionalId(s.chairman_id)},
      {"escalate_after_days", s.escalate_after_days},
      {"notify_citizen_on_assign", s.notify_citizen_on_assign},
      {"rate_request_after_days", s.rate_request_after_days},
      {"templates", json_writer::ListToJson(s.templates, TemplateToJson)},
  };
  return out.dump();
}

Result<NotificationSettings> NotificationSettingsFromJson(std::string_view text) {
  Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    return MakeError(ErrorCode::kInternal, "Dữ liệu cấu hình thông báo không phải JSON hợp lệ.");
  }
  try {
    Result<NotificationSettings> settings = ReadSettings(document);
    if (!settings.ok()) return AsInternal(std::move(settings).error());
    return settings;
  } catch (const nlohmann::json::exception& e) {
    // Not expected (every access is type-checked first); never let it out.
    return MakeError(ErrorCode::kInternal,
                     std::string("Dữ liệu cấu hình thông báo không hợp lệ: ") + e.what());
  }
}

}  // namespace doithoai::json
