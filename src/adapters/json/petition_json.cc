#include "adapters/json/petition_json.h"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/json/json_reader.h"
#include "adapters/json/json_writer.h"

namespace doithoai::json {

namespace {

using Json = nlohmann::json;

// ---- writing ----

using json_writer::ListToJson;
using json_writer::OptionalDate;
using json_writer::OptionalId;

int64_t Millis(Timestamp t) { return t.time_since_epoch().count(); }

Json SubmitterToJson(const Submitter& s) {
  return {{"name", s.name},
          {"phone", s.phone},
          {"address", s.address},
          {"village_id", OptionalId(s.village_id)},
          {"id_number", s.id_number}};
}

Json ExtensionToJson(const DeadlineExtension& e) {
  return {{"days", e.days},
          {"reason", e.reason},
          {"approver", e.approver},
          {"decided_on", e.decided_on.ToIsoString()},
          {"new_deadline", e.new_deadline.ToIsoString()}};
}

Json AnswerToJson(const std::optional<PetitionAnswer>& a) {
  if (!a) return nullptr;
  return {{"text", a->text},
          {"document_hash", a->document_hash},
          {"published", a->published},
          {"answered_on", a->answered_on.ToIsoString()},
          {"answered_by", a->answered_by}};
}

Json RatingToJson(const std::optional<PetitionRating>& r) {
  if (!r) return nullptr;
  return {{"satisfied", r->satisfied}, {"comment", r->comment}, {"at", Millis(r->at)}};
}

Json ItemToJson(const PetitionItem& i) {
  return {
      {"number", i.number},
      {"text", i.text},
      {"class", PetitionClassCode(i.petition_class)},
      {"class_confirmed", i.class_confirmed},
      {"field", i.field},
      {"status", ItemStatusCode(i.status)},
      {"unit_id", OptionalId(i.unit_id)},
      {"official_id", OptionalId(i.official_id)},
      {"step", i.step},
      {"rule_id", i.rule_id},
      {"step_start", i.step_start.ToIsoString()},
      {"deadline", OptionalDate(i.deadline)},
      {"internal_target", OptionalDate(i.internal_target)},
      {"complex", i.complex},
      {"complex_reason", i.complex_reason},
      {"complex_approver", i.complex_approver},
      {"extensions", ListToJson(i.extensions, ExtensionToJson)},
      {"answer", AnswerToJson(i.answer)},
      {"rating", RatingToJson(i.rating)},
      {"forwarded_to", i.forwarded_to},
      {"filing_reason", i.filing_reason ? Json(FilingReasonCode(*i.filing_reason)) : Json(nullptr)},
      {"status_note", i.status_note}};
}

Json AttachmentToJson(const PetitionAttachment& a) {
  return {{"hash", a.hash},
          {"file_name", a.file_name},
          {"media_type", a.media_type},
          {"size", a.size},
          {"sealed", a.sealed}};
}

Json HistoryToJson(const HistoryEntry& h) {
  return {{"at", Millis(h.at)},
          {"actor", h.actor},
          {"item", h.item},
          {"action", h.action},
          {"from_status", h.from_status},
          {"to_status", h.to_status},
          {"note", h.note},
          {"rule_id", h.rule_id}};
}

Json FieldToJson(const PetitionField& f) { return {{"code", f.code}, {"label", f.label}}; }

// ---- reading ----

using json_reader::EnumReader;
using json_reader::Invalid;
using json_reader::ListReader;
using json_reader::ObjectReader;
using json_reader::OptionalReader;
using json_reader::Path;
using json_reader::ReadBool;
using json_reader::ReadDate;
using json_reader::ReadId;
using json_reader::ReadInt;
using json_reader::ReadInt64;
using json_reader::ReadString;
using json_reader::ReadTimestamp;

// How messages name the document.
constexpr std::string_view kDocument = "đơn";

Status ReadBase64(const Json& v, const Path& path, std::string& out) {
  std::string text;
  RETURN_IF_ERROR(ReadString(v, path, text));
  Result<std::string> bytes = Base64Decode(text);
  if (!bytes.ok()) return Invalid(path, bytes.error().message);
  out = std::move(bytes).value();
  return OkStatus();
}

const auto kReadOptionalDate = OptionalReader<Date>(ReadDate);
const auto kReadOptionalVillage = OptionalReader<VillageId>(ReadId<VillageId>);
const auto kReadOptionalUnit = OptionalReader<UnitId>(ReadId<UnitId>);

Status ReadSubmitter(const Json& v, const Path& path, Submitter& s) {
  return ObjectReader(v, path)
      .Read("name", s.name, ReadString)
      .Read("phone", s.phone, ReadString)
      .Read("address", s.address, ReadString)
      .Read("village_id", s.village_id, kReadOptionalVillage)
      .Read("id_number", s.id_number, ReadString)
      .status();
}

Status ReadExtension(const Json& v, const Path& path, DeadlineExtension& e) {
  return ObjectReader(v, path)
      .Read("days", e.days, ReadInt)
      .Read("reason", e.reason, ReadString)
      .Read("approver", e.approver, ReadString)
      .Read("decided_on", e.decided_on, ReadDate)
      .Read("new_deadline", e.new_deadline, ReadDate)
      .status();
}

Status ReadAnswer(const Json& v, const Path& path, PetitionAnswer& a) {
  return ObjectReader(v, path)
      .Read("text", a.text, ReadString)
      .Read("document_hash", a.document_hash, ReadString)
      .Read("published", a.published, ReadBool)
      .Read("answered_on", a.answered_on, ReadDate)
      .Read("answered_by", a.answered_by, ReadString)
      .status();
}

Status ReadRating(const Json& v, const Path& path, PetitionRating& r) {
  return ObjectReader(v, path)
      .Read("satisfied", r.satisfied, ReadBool)
      .Read("comment", r.comment, ReadString)
      .Read("at", r.at, ReadTimestamp)
      .status();
}

Status ReadItem(const Json& v, const Path& path, PetitionItem& i) {
  return ObjectReader(v, path)
      .Read("number", i.number, ReadInt)
      .Read("text", i.text, ReadString)
      .Read("class", i.petition_class, EnumReader(ParsePetitionClass, PetitionClassCode))
      .Read("class_confirmed", i.class_confirmed, ReadBool)
      .Read("field", i.field, ReadString)
      .Read("status", i.status, EnumReader(ParseItemStatus, ItemStatusCode))
      .Read("unit_id", i.unit_id, kReadOptionalUnit)
      .Read("official_id", i.official_id, OptionalReader<OfficialId>(ReadId<OfficialId>))
      .Read("step", i.step, ReadString)
      .Read("rule_id", i.rule_id, ReadString)
      .Read("step_start", i.step_start, ReadDate)
      .Read("deadline", i.deadline, kReadOptionalDate)
      .Read("internal_target", i.internal_target, kReadOptionalDate)
      .Read("complex", i.complex, ReadBool)
      .Read("complex_reason", i.complex_reason, ReadString)
      .Read("complex_approver", i.complex_approver, ReadString)
      .Read("extensions", i.extensions, ListReader<DeadlineExtension>(ReadExtension))
      .Read("answer", i.answer, OptionalReader<PetitionAnswer>(ReadAnswer))
      .Read("rating", i.rating, OptionalReader<PetitionRating>(ReadRating))
      .Read("forwarded_to", i.forwarded_to, ReadString)
      .Read("filing_reason", i.filing_reason,
            OptionalReader<FilingReason>(EnumReader(ParseFilingReason, FilingReasonCode)))
      .Read("status_note", i.status_note, ReadString)
      .status();
}

Status ReadAttachment(const Json& v, const Path& path, PetitionAttachment& a) {
  return ObjectReader(v, path)
      .Read("hash", a.hash, ReadString)
      .Read("file_name", a.file_name, ReadString)
      .Read("media_type", a.media_type, ReadString)
      .Read("size", a.size, ReadInt64)
      .Read("sealed", a.sealed, ReadBool)
      .status();
}

Status ReadHistory(const Json& v, const Path& path, HistoryEntry& h) {
  return ObjectReader(v, path)
      .Read("at", h.at, ReadTimestamp)
      .Read("actor", h.actor, ReadString)
      .Read("item", h.item, ReadInt)
      .Read("action", h.action, ReadString)
      .Read("from_status", h.from_status, ReadString)
      .Read("to_status", h.to_status, ReadString)
      .Read("note", h.note, ReadString)
      .Read("rule_id", h.rule_id, ReadString)
      .status();
}

Status ReadField(const Json& v, const Path& path, PetitionField& f) {
  return ObjectReader(v, path)
      .Read("code", f.code, ReadString)
      .Read("label", f.label, ReadString)
      .status();
}

Result<Petition> ReadPetition(const Json& v) {
  Petition p;
  RETURN_IF_ERROR(
      ObjectReader(v, Path{kDocument, ""})
          .Read("id", p.id, ReadId<PetitionId>)
          .Read("commune_id", p.commune_id, ReadId<CommuneId>)
          .Read("code", p.code, ReadString)
          .Read("year", p.year, ReadInt)
          .Read("sequence", p.sequence, ReadInt64)
          .Read("channel", p.channel, EnumReader(ParsePetitionChannel, PetitionChannelCode))
          .Read("submitter", p.submitter, ReadSubmitter)
          .Read("identity_sealed", p.identity_sealed, ReadBool)
          .Read("sealed_identity", p.sealed_identity, ReadBase64)
          .Read("phone_digest", p.phone_digest, ReadString)
          .Read("village_id", p.village_id, kReadOptionalVillage)
          .Read("conference_id", p.conference_id,
                OptionalReader<ConferenceId>(ReadId<ConferenceId>))
          .Read("session_number", p.session_number, ReadInt)
          .Read("form_token", p.form_token, ReadString)
          .Read("received_on", p.received_on, ReadDate)
          .Read("received_at", p.received_at, ReadTimestamp)
          .Read("items", p.items, ListReader<PetitionItem>(ReadItem))
          .Read("attachments", p.attachments, ListReader<PetitionAttachment>(ReadAttachment))
          .Read("history", p.history, ListReader<HistoryEntry>(ReadHistory))
          .Read("version", p.version, ReadInt64)
          .Read("escalated", p.escalated, ReadBool)
          .status());
  return p;
}

Result<PetitionSettings> ReadSettings(const Json& v) {
  PetitionSettings s;
  RETURN_IF_ERROR(ObjectReader(v, Path{kDocument, ""})
                      .Read("fields", s.fields, ListReader<PetitionField>(ReadField))
                      .Read("dissatisfied_action", s.dissatisfied_action,
                            EnumReader(ParseDissatisfiedAction, DissatisfiedActionCode))
                      .Read("due_soon_days", s.due_soon_days, ReadInt)
                      .status());
  return s;
}

// Parses `text` and runs `read` on it, never letting an exception out.
template <typename T>
Result<T> ParseWith(std::string_view text, Result<T> (*read)(const Json&)) {
  Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    return MakeError(ErrorCode::kInvalidArgument, "Dữ liệu đơn không phải JSON hợp lệ.");
  }
  try {
    return read(document);
  } catch (const nlohmann::json::exception& e) {
    // Not expected (every access is type-checked first); never let it out.
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string("Dữ liệu đơn không hợp lệ: ") + e.what());
  }
}

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int Base64Value(char ch) {
  size_t pos = kBase64Alphabet.find(ch);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::string PetitionToJson(const Petition& p) {
  Json out = {
      {"id", p.id.value},
      {"commune_id", p.commune_id.value},
      {"code", p.code},
      {"year", p.year},
      {"sequence", p.sequence},
      {"channel", PetitionChannelCode(p.channel)},
      {"identity_sealed", p.identity_sealed},
      {"sealed_identity", Base64Encode(p.sealed_identity)},
      {"phone_digest", p.phone_digest},
      {"village_id", OptionalId(p.village_id)},
      {"conference_id", OptionalId(p.conference_id)},
      {"session_number", p.session_number},
      {"form_token", p.form_token},
      {"received_on", p.received_on.ToIsoString()},
      {"received_at", Millis(p.received_at)},
      {"items", ListToJson(p.items, ItemToJson)},
      {"attachments", ListToJson(p.attachments, AttachmentToJson)},
      {"history", ListToJson(p.history, HistoryToJson)},
      {"version", p.version},
      {"escalated", p.escalated},
  };
  // CONF-01: a sealed identity exists only encrypted.
  if (!p.identity_sealed) out["submitter"] = SubmitterToJson(p.submitter);
  return out.dump();
}

Result<Petition> PetitionFromJson(std::string_view text) { return ParseWith(text, ReadPetition); }

std::string SettingsToJson(const PetitionSettings& s) {
  Json out = {{"fields", ListToJson(s.fields, FieldToJson)},
              {"dissatisfied_action", DissatisfiedActionCode(s.dissatisfied_action)},
              {"due_soon_days", s.due_soon_days}};
  return out.dump();
}

Result<PetitionSettings> SettingsFromJson(std::string_view text) {
  return ParseWith(text, ReadSettings);
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t n = (static_cast<uint8_t>(bytes[i]) << 16) |
                 (static_cast<uint8_t>(bytes[i + 1]) << 8) | static_cast<uint8_t>(bytes[i + 2]);
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += kBase64Alphabet[(n >> 6) & 63];
    out += kBase64Alphabet[n & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t n = static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[i + 1])) << 8;
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

Result<std::string> Base64Decode(std::string_view text) {
  const Error bad = MakeError(ErrorCode::kInvalidArgument, "Chuỗi base64 không hợp lệ.");
  if (text.size() % 4 != 0) return bad;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      const char ch = text[i + k];
      if (ch == '=' && last && k >= 2) {
        // Padding only at the end: "xx==" or "xxx=".
        if (k == 2 && text[i + 3] != '=') return bad;
        ++pad;
        v[k] = 0;
        continue;
      }
      if (pad > 0) return bad;
      v[k] = Base64Value(ch);
      if (v[k] < 0) return bad;
    }
    const uint32_t n = (static_cast<uint32_t>(v[0]) << 18) | (static_cast<uint32_t>(v[1]) << 12) |
                       (static_cast<uint32_t>(v[2]) << 6) | static_cast<uint32_t>(v[3]);
    // Canonical form: the bits under the padding are zero.
    if ((pad == 1 && (n & 0xFF) != 0) || (pad == 2 && (n & 0xFFFF) != 0)) return bad;
    out += static_cast<char>((n >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(n & 0xFF);
  }
  return out;
}

}  // namespace doithoai::json
