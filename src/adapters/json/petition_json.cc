#include "adapters/json/petition_json.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace doithoai::json {

namespace {

using Json = nlohmann::json;

// ---- writing ----

template <typename IdT>
Json OptionalId(const std::optional<IdT>& id) {
  return id ? Json(id->value) : Json(nullptr);
}

Json OptionalDate(const std::optional<Date>& date) {
  return date ? Json(date->ToIsoString()) : Json(nullptr);
}

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

template <typename T, typename F>
Json ListToJson(const std::vector<T>& items, F to_json) {
  Json out = Json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
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

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// kInvalidArgument for the value at `path`; `problem` is a Vietnamese
// sentence.
Error Invalid(const std::string& path, const std::string& problem) {
  Error error = MakeError(ErrorCode::kInvalidArgument,
                          "Dữ liệu đơn không hợp lệ ở trường \"" + path + "\": " + problem);
  error.fields.push_back(FieldError{path, problem});
  return error;
}

Status ReadString(const Json& v, const std::string& path, std::string& out) {
  if (!v.is_string()) return Invalid(path, "Phải là chuỗi văn bản.");
  out = v.get<std::string>();
  return OkStatus();
}

Status ReadBool(const Json& v, const std::string& path, bool& out) {
  if (!v.is_boolean()) return Invalid(path, "Phải là true hoặc false.");
  out = v.get<bool>();
  return OkStatus();
}

Status ReadInt64(const Json& v, const std::string& path, int64_t& out) {
  if (!v.is_number_integer() ||
      (v.is_number_unsigned() &&
       v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))) {
    return Invalid(path, "Phải là số nguyên.");
  }
  out = v.get<int64_t>();
  return OkStatus();
}

Status ReadInt(const Json& v, const std::string& path, int& out) {
  int64_t wide = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, wide));
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    return Invalid(path, "Số quá lớn.");
  }
  out = static_cast<int>(wide);
  return OkStatus();
}

Status ReadDate(const Json& v, const std::string& path, Date& out) {
  if (!v.is_string()) return Invalid(path, "Phải là ngày dạng YYYY-MM-DD.");
  Result<Date> date = Date::Parse(v.get<std::string>());
  if (!date.ok()) {
    return Invalid(path, "Phải là ngày dạng YYYY-MM-DD (" + date.error().message + ").");
  }
  out = *date;
  return OkStatus();
}

Status ReadTimestamp(const Json& v, const std::string& path, Timestamp& out) {
  int64_t ms = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, ms));
  out = Timestamp(std::chrono::milliseconds(ms));
  return OkStatus();
}

template <typename IdT>
Status ReadId(const Json& v, const std::string& path, IdT& out) {
  int64_t value = 0;
  RETURN_IF_ERROR(ReadInt64(v, path, value));
  if (value < 0) return Invalid(path, "Mã số không được âm.");
  out = IdT{value};
  return OkStatus();
}

Status ReadBase64(const Json& v, const std::string& path, std::string& out) {
  std::string text;
  RETURN_IF_ERROR(ReadString(v, path, text));
  Result<std::string> bytes = Base64Decode(text);
  if (!bytes.ok()) return Invalid(path, bytes.error().message);
  out = std::move(bytes).value();
  return OkStatus();
}

// A reader for an enum stored as its code. Only the code is accepted (the
// core parsers of some enums accept labels too; storage writes codes).
template <typename E>
auto EnumReader(Result<E> (*parse)(std::string_view), std::string_view (*code_of)(E)) {
  return [parse, code_of](const Json& v, const std::string& path, E& out) -> Status {
    std::string code;
    RETURN_IF_ERROR(ReadString(v, path, code));
    Result<E> value = parse(code);
    if (!value.ok()) return Invalid(path, value.error().message);
    if (code_of(*value) != code) return Invalid(path, "Mã không hợp lệ: \"" + code + "\".");
    out = *value;
    return OkStatus();
  };
}

// A reader for std::optional<T>: null is nullopt.
template <typename T, typename F>
auto OptionalReader(F read) {
  return [read](const Json& v, const std::string& path, std::optional<T>& out) -> Status {
    if (v.is_null()) {
      out.reset();
      return OkStatus();
    }
    T value{};
    RETURN_IF_ERROR(read(v, path, value));
    out = std::move(value);
    return OkStatus();
  };
}

// A reader for a JSON array of T, element paths "key[i]".
template <typename T, typename F>
auto ListReader(F read) {
  return [read](const Json& v, const std::string& path, std::vector<T>& out) -> Status {
    if (!v.is_array()) return Invalid(path, "Phải là danh sách.");
    std::vector<T> items;
    items.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      T item{};
      RETURN_IF_ERROR(read(v[i], path + "[" + std::to_string(i) + "]", item));
      items.push_back(std::move(item));
    }
    out = std::move(items);
    return OkStatus();
  };
}

// Reads the keys of one JSON object into fields, stopping at the first error.
// A missing key leaves the field as it is.
class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) status_ = Invalid(path_.empty() ? "$" : path_, "Phải là đối tượng.");
  }

  template <typename T, typename F>
  ObjectReader& Read(const char* key, T& out, F read) {
    if (!status_.ok()) return *this;
    auto it = object_.find(key);
    if (it == object_.end()) return *this;
    status_ = read(*it, Join(path_, key), out);
    return *this;
  }

  Status status() const { return status_; }

 private:
  const Json& object_;
  std::string path_;
  Status status_;
};

const auto kReadOptionalDate = OptionalReader<Date>(ReadDate);
const auto kReadOptionalVillage = OptionalReader<VillageId>(ReadId<VillageId>);
const auto kReadOptionalUnit = OptionalReader<UnitId>(ReadId<UnitId>);

Status ReadSubmitter(const Json& v, const std::string& path, Submitter& s) {
  return ObjectReader(v, path)
      .Read("name", s.name, ReadString)
      .Read("phone", s.phone, ReadString)
      .Read("address", s.address, ReadString)
      .Read("village_id", s.village_id, kReadOptionalVillage)
      .Read("id_number", s.id_number, ReadString)
      .status();
}

Status ReadExtension(const Json& v, const std::string& path, DeadlineExtension& e) {
  return ObjectReader(v, path)
      .Read("days", e.days, ReadInt)
      .Read("reason", e.reason, ReadString)
      .Read("approver", e.approver, ReadString)
      .Read("decided_on", e.decided_on, ReadDate)
      .Read("new_deadline", e.new_deadline, ReadDate)
      .status();
}

Status ReadAnswer(const Json& v, const std::string& path, PetitionAnswer& a) {
  return ObjectReader(v, path)
      .Read("text", a.text, ReadString)
      .Read("document_hash", a.document_hash, ReadString)
      .Read("published", a.published, ReadBool)
      .Read("answered_on", a.answered_on, ReadDate)
      .Read("answered_by", a.answered_by, ReadString)
      .status();
}

Status ReadRating(const Json& v, const std::string& path, PetitionRating& r) {
  return ObjectReader(v, path)
      .Read("satisfied", r.satisfied, ReadBool)
      .Read("comment", r.comment, ReadString)
      .Read("at", r.at, ReadTimestamp)
      .status();
}

Status ReadItem(const Json& v, const std::string& path, PetitionItem& i) {
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

Status ReadAttachment(const Json& v, const std::string& path, PetitionAttachment& a) {
  return ObjectReader(v, path)
      .Read("hash", a.hash, ReadString)
      .Read("file_name", a.file_name, ReadString)
      .Read("media_type", a.media_type, ReadString)
      .Read("size", a.size, ReadInt64)
      .Read("sealed", a.sealed, ReadBool)
      .status();
}

Status ReadHistory(const Json& v, const std::string& path, HistoryEntry& h) {
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

Status ReadField(const Json& v, const std::string& path, PetitionField& f) {
  return ObjectReader(v, path)
      .Read("code", f.code, ReadString)
      .Read("label", f.label, ReadString)
      .status();
}

Result<Petition> ReadPetition(const Json& v) {
  Petition p;
  RETURN_IF_ERROR(
      ObjectReader(v, "")
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
  RETURN_IF_ERROR(ObjectReader(v, "")
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
