// SqlPetitionRepository: petitions, their tracking-code prefixes, search
// index and settings in SQLite (schema in migrations/0006_petitions.sql).
// Every query but FindByCodeAnyCommune filters on commune_id, so an id of
// another commune reads as missing. The summary columns are always
// Summarize(petition) of the `data` written with them.
#include "adapters/storage/sql/petition_repository.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "adapters/json/petition_json.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/petition_rows.h"
#include "core/petitions/tracking_code.h"

namespace doithoai::sql {

using petition_rows::LoadPetition;
using petition_rows::SearchText;
using petition_rows::SearchTextOf;

namespace {

constexpr const char* kPetitionNotFound = "Không tìm thấy đơn.";
constexpr const char* kStaleVersion = "Đơn vừa được người khác cập nhật; vui lòng tải lại trang.";

int64_t Millis(Timestamp t) { return t.time_since_epoch().count(); }

AuditContext ScopedTo(const AuditContext& ctx, CommuneId commune) {
  AuditContext scoped = ctx;
  scoped.commune = commune;
  return scoped;
}

// "|complaint|proposal|": the classes of the items, for the class filter.
std::string ClassesOf(const Petition& p) {
  std::set<std::string_view> codes;
  for (const PetitionItem& item : p.items) codes.insert(PetitionClassCode(item.petition_class));
  std::string out = "|";
  for (std::string_view code : codes) out += std::string(code) + "|";
  return out;
}

constexpr const char* kPetitionColumns =
    "SELECT p.id, p.commune_id, p.version, p.code, p.year, p.sequence, p.data FROM petitions p ";

// Reads a row of kPetitionColumns. The columns are authoritative for id,
// commune, version and the tracking code.
Result<Petition> PetitionFromRow(const Statement& row) {
  const int64_t id = row.ColumnInt(0);
  Result<Petition> petition = json::PetitionFromJson(row.ColumnText(6));
  if (!petition.ok()) {
    return MakeError(ErrorCode::kInternal,
                     "Dữ liệu đơn mã số " + std::to_string(id) +
                         " trong cơ sở dữ liệu bị hỏng: " + petition.error().message);
  }
  petition->id = PetitionId{id};
  petition->commune_id = CommuneId{row.ColumnInt(1)};
  petition->version = row.ColumnInt(2);
  petition->code = row.ColumnText(3);
  petition->year = static_cast<int>(row.ColumnInt(4));
  petition->sequence = row.ColumnInt(5);
  return petition;
}

// The one row `stmt` selects, or kNotFound.
Result<Petition> SingleRow(Statement& stmt) {
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, kPetitionNotFound);
  return PetitionFromRow(stmt);
}

}  // namespace

// Declared in sqlite_petition_rows.h.
Result<Petition> petition_rows::LoadPetition(Connection& c, CommuneId commune, PetitionId id) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(std::string(kPetitionColumns) +
                                             "WHERE p.id = ?1 AND p.commune_id = ?2"));
  stmt.Bind(1, id.value).Bind(2, commune.value);
  return SingleRow(stmt);
}

namespace {

Status RequireCommune(Connection& c, CommuneId commune) {
  ASSIGN_OR_RETURN(Statement exists, c.Prepare("SELECT 1 FROM communes WHERE id = ?"));
  exists.Bind(1, commune.value);
  ASSIGN_OR_RETURN(bool found, exists.Step());
  if (!found) {
    return MakeError(ErrorCode::kNotFound,
                     "Không tìm thấy xã có mã số " + std::to_string(commune.value));
  }
  return OkStatus();
}

// kInvalidArgument with `message` unless `sql` (?1 = id, ?2 = commune) finds
// a row.
Status RequireOwned(Connection& c, const char* sql, int64_t id, CommuneId commune,
                    const char* message) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
  stmt.Bind(1, id).Bind(2, commune.value);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return MakeError(ErrorCode::kInvalidArgument, message);
  return OkStatus();
}

// What a stored petition must satisfy besides ValidatePetition: the rows it
// names belong to its commune.
Status CheckPetition(Connection& c, const Petition& p) {
  RETURN_IF_ERROR(ValidatePetition(p));
  if (p.year < 1 || p.year > 9999) {
    return MakeError(ErrorCode::kInvalidArgument, "Năm của đơn không hợp lệ.");
  }
  if (p.village_id) {
    RETURN_IF_ERROR(RequireOwned(c, "SELECT 1 FROM villages WHERE id = ?1 AND commune_id = ?2",
                                 p.village_id->value, p.commune_id, "Thôn không thuộc xã này."));
  }
  if (p.conference_id) {
    RETURN_IF_ERROR(RequireOwned(c, "SELECT 1 FROM conferences WHERE id = ?1 AND commune_id = ?2",
                                 p.conference_id->value, p.commune_id,
                                 "Hội nghị không thuộc xã này."));
  }
  std::set<int64_t> units;
  for (const PetitionItem& item : p.items) {
    if (item.unit_id) units.insert(item.unit_id->value);
  }
  for (int64_t unit : units) {
    RETURN_IF_ERROR(RequireOwned(c, "SELECT 1 FROM units WHERE id = ?1 AND commune_id = ?2", unit,
                                 p.commune_id, "Bộ phận được giao không thuộc xã này."));
  }
  return OkStatus();
}

// Writes `p` (id, commune and the new version already set) over the row
// still at `old_version`, with its summary columns, and replaces its search
// row.
Status StorePetition(Connection& c, const Petition& p, int64_t old_version, Timestamp at) {
  const PetitionSummary summary = Summarize(p);
  const SearchText search = SearchTextOf(p);
  ASSIGN_OR_RETURN(Statement update,
                   c.Prepare("UPDATE petitions SET channel = ?1, status = ?2, field = ?3, "
                             "unit_id = ?4, village_id = ?5, conference_id = ?6, deadline = ?7, "
                             "open = ?8, published_answer = ?9, denunciation = ?10, "
                             "classes = ?11, received_at = ?12, search_name = ?13, data = ?14, "
                             "version = ?15, updated_at_ms = ?16 "
                             "WHERE id = ?17 AND commune_id = ?18 AND version = ?19"));
  update.Bind(1, PetitionChannelCode(p.channel))
      .Bind(2, ItemStatusCode(summary.status))
      .Bind(3, summary.field);
  if (summary.unit_id) {
    update.Bind(4, summary.unit_id->value);
  } else {
    update.BindNull(4);
  }
  if (p.village_id) {
    update.Bind(5, p.village_id->value);
  } else {
    update.BindNull(5);
  }
  if (p.conference_id) {
    update.Bind(6, p.conference_id->value);
  } else {
    update.BindNull(6);
  }
  if (summary.deadline) {
    update.Bind(7, summary.deadline->ToIsoString());
  } else {
    update.BindNull(7);
  }
  update.Bind(8, summary.open)
      .Bind(9, summary.published_answer)
      .Bind(10, summary.denunciation)
      .Bind(11, ClassesOf(p))
      .Bind(12, Millis(p.received_at))
      .Bind(13, search.name)
      .Bind(14, json::PetitionToJson(p))
      .Bind(15, p.version)
      .Bind(16, Millis(at))
      .Bind(17, p.id.value)
      .Bind(18, p.commune_id.value)
      .Bind(19, old_version);
  RETURN_IF_ERROR(update.Run());
  if (c.Changes() != 1) return MakeError(ErrorCode::kFailedPrecondition, kStaleVersion);

  return petition_rows::WriteSearchRow(c, p, search);
}

// The commune's tracking prefix; on its first petition, the first of
// TrackingPrefixCandidates(slug) no other commune has (FB-01: codes are
// unique across communes because prefixes are).
Result<std::string> PrefixFor(Connection& c, CommuneId commune, std::string_view slug) {
  ASSIGN_OR_RETURN(Statement own,
                   c.Prepare("SELECT prefix FROM petition_prefixes WHERE commune_id = ?"));
  own.Bind(1, commune.value);
  ASSIGN_OR_RETURN(bool has, own.Step());
  if (has) return own.ColumnText(0);
  for (const std::string& candidate : TrackingPrefixCandidates(slug)) {
    ASSIGN_OR_RETURN(Statement taken,
                     c.Prepare("SELECT 1 FROM petition_prefixes WHERE prefix = ?"));
    taken.Bind(1, candidate);
    ASSIGN_OR_RETURN(bool used, taken.Step());
    if (used) continue;
    ASSIGN_OR_RETURN(Statement insert,
                     c.Prepare("INSERT INTO petition_prefixes (commune_id, prefix) VALUES (?, ?)"));
    insert.Bind(1, commune.value).Bind(2, candidate);
    RETURN_IF_ERROR(insert.Run());
    return candidate;
  }
  return MakeError(ErrorCode::kFailedPrecondition,
                   "Không tạo được tiền tố mã theo dõi đơn cho xã \"" + std::string(slug) +
                       "\"; hãy đặt lại tên viết tắt (slug) của xã.");
}

// The petition of `commune` that used `token`, if any.
Result<std::optional<Petition>> FindByToken(Connection& c, CommuneId commune,
                                            const std::string& token) {
  if (token.empty()) return std::optional<Petition>();
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(std::string(kPetitionColumns) +
                                             "WHERE p.commune_id = ?1 AND p.form_token = ?2 "
                                             // the partial index's condition, so it is used
                                             "AND p.form_token <> ''"));
  stmt.Bind(1, commune.value).Bind(2, token);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<Petition>();
  ASSIGN_OR_RETURN(Petition petition, PetitionFromRow(stmt));
  return std::optional<Petition>(std::move(petition));
}

// Create's body, in the caller's transaction (CreateMany reuses it).
Result<CreatedPetition> CreateIn(Connection& c, std::string_view slug, const Petition& petition,
                                 const AuditContext& ctx) {
  const CommuneId commune = petition.commune_id;
  RETURN_IF_ERROR(RequireCommune(c, commune));
  ASSIGN_OR_RETURN(std::optional<Petition> earlier, FindByToken(c, commune, petition.form_token));
  if (earlier.has_value()) return CreatedPetition{std::move(*earlier), false};

  RETURN_IF_ERROR(CheckPetition(c, petition));
  Petition stored = petition;
  // CONF-01: what is returned is what is stored (petition_json.h never
  // writes a sealed submitter).
  if (stored.identity_sealed) stored.submitter = Submitter{};
  ASSIGN_OR_RETURN(std::string prefix, PrefixFor(c, commune, slug));
  // FB-01: the next number from the counter row (migration 0010), not
  // MAX(sequence) + 1, which two concurrent PostgreSQL transactions both read.
  ASSIGN_OR_RETURN(Statement next,
                   c.Prepare("INSERT INTO petition_sequences (commune_id, year, last_sequence) "
                             "VALUES (?1, ?2, 1) ON CONFLICT (commune_id, year) DO UPDATE "
                             "SET last_sequence = petition_sequences.last_sequence + 1 "
                             "RETURNING last_sequence"));
  next.Bind(1, commune.value).Bind(2, stored.year);
  ASSIGN_OR_RETURN(const int64_t sequence, next.RunReturningInt());
  const TrackingCode code{prefix, stored.year % 100, sequence};
  RETURN_IF_ERROR(ValidateTrackingCode(code));
  stored.code = FormatTrackingCode(code);
  stored.sequence = code.sequence;
  stored.version = 1;

  // The summary columns are written by StorePetition right after.
  ASSIGN_OR_RETURN(
      Statement insert,
      c.Prepare("INSERT INTO petitions (commune_id, year, sequence, code, channel, "
                "status, open, published_answer, denunciation, received_at, "
                "form_token, data, version, created_at_ms, updated_at_ms) "
                "VALUES (?1, ?2, ?3, ?4, '', '', 0, 0, 0, 0, ?5, '', 1, ?6, ?6) RETURNING id"));
  insert.Bind(1, commune.value)
      .Bind(2, stored.year)
      .Bind(3, stored.sequence)
      .Bind(4, stored.code)
      .Bind(5, stored.form_token)
      .Bind(6, Millis(ctx.at));
  ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
  stored.id = PetitionId{new_id};
  RETURN_IF_ERROR(StorePetition(c, stored, 1, ctx.at));
  // Never names, phones or addresses in the audit log.
  nlohmann::json after = {{"code", stored.code}, {"channel", PetitionChannelCode(stored.channel)}};
  RETURN_IF_ERROR(
      AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), "petition.create", "petition",
                                    std::to_string(stored.id.value), "", after.dump())));
  return CreatedPetition{std::move(stored), true};
}

}  // namespace

Result<CreatedPetition> SqlPetitionRepository::Create(std::string_view commune_slug,
                                                      const Petition& petition,
                                                      const AuditContext& ctx) {
  return db_.Write<CreatedPetition>(
      [&](Connection& c) { return CreateIn(c, commune_slug, petition, ctx); });
}

Result<std::vector<Petition>> SqlPetitionRepository::CreateMany(
    std::string_view commune_slug, const std::vector<Petition>& petitions,
    const AuditContext& ctx) {
  for (const Petition& p : petitions) {
    if (p.commune_id != petitions.front().commune_id) {
      return MakeError(ErrorCode::kInvalidArgument, "Các đơn nhập cùng lúc phải cùng một xã.");
    }
  }
  return db_.Write<std::vector<Petition>>([&](Connection& c) -> Result<std::vector<Petition>> {
    std::vector<Petition> out;
    out.reserve(petitions.size());
    for (size_t i = 0; i < petitions.size(); ++i) {
      Result<CreatedPetition> created = CreateIn(c, commune_slug, petitions[i], ctx);
      if (!created.ok()) {
        Error error = created.error();
        error.message = "Đơn thứ " + std::to_string(i + 1) + ": " + error.message;
        return error;
      }
      out.push_back(std::move(created->petition));
    }
    return out;
  });
}

Result<Petition> SqlPetitionRepository::Find(CommuneId commune, PetitionId id) {
  return db_.Read<Petition>([commune, id](Connection& c) { return LoadPetition(c, commune, id); });
}

Result<Petition> SqlPetitionRepository::FindByCode(CommuneId commune, std::string_view code) {
  return db_.Read<Petition>([commune, code](Connection& c) -> Result<Petition> {
    ASSIGN_OR_RETURN(Statement stmt, c.Prepare(std::string(kPetitionColumns) +
                                               "WHERE p.code = ?1 AND p.commune_id = ?2"));
    stmt.Bind(1, code).Bind(2, commune.value);
    return SingleRow(stmt);
  });
}

Result<Petition> SqlPetitionRepository::FindByCodeAnyCommune(std::string_view code) {
  return db_.Read<Petition>([code](Connection& c) -> Result<Petition> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare(std::string(kPetitionColumns) + "WHERE p.code = ?1"));
    stmt.Bind(1, code);
    return SingleRow(stmt);
  });
}

Result<Petition> SqlPetitionRepository::Update(CommuneId commune, PetitionId id,
                                               std::optional<int64_t> expected_version,
                                               const PetitionChange& change,
                                               const AuditContext& ctx) {
  return db_.Write<Petition>([&](Connection& c) -> Result<Petition> {
    if (!change.apply) return MakeError(ErrorCode::kInternal, "Thiếu nội dung thay đổi đơn.");
    ASSIGN_OR_RETURN(Petition current, LoadPetition(c, commune, id));
    if (expected_version.has_value() && *expected_version != current.version) {
      return MakeError(ErrorCode::kFailedPrecondition, kStaleVersion);
    }
    Petition next = current;
    ASSIGN_OR_RETURN(std::string after, change.apply(next));
    // Identity, tracking code and version belong to storage, whatever
    // `apply` did to them.
    next.id = current.id;
    next.commune_id = current.commune_id;
    next.code = current.code;
    next.year = current.year;
    next.sequence = current.sequence;
    next.form_token = current.form_token;
    next.version = current.version + 1;
    if (current.identity_sealed && !next.identity_sealed) {
      // CONF-01: "is (or was)" a denunciation; the plaintext is gone.
      return MakeError(ErrorCode::kInternal,
                       "Không được bỏ niêm phong danh tính người tố cáo của đơn.");
    }
    RETURN_IF_ERROR(CheckPetition(c, next));
    if (next.identity_sealed) next.submitter = Submitter{};  // as stored (CONF-01)
    RETURN_IF_ERROR(StorePetition(c, next, current.version, ctx.at));
    nlohmann::json before = {{"version", current.version},
                             {"status", ItemStatusCode(Summarize(current).status)}};
    RETURN_IF_ERROR(
        AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), change.action, "petition",
                                      std::to_string(id.value), before.dump(), std::move(after))));
    return next;
  });
}

Status SqlPetitionRepository::RecordIdentityRead(CommuneId commune, PetitionId id,
                                                 const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    ASSIGN_OR_RETURN(Petition petition, LoadPetition(c, commune, id));
    nlohmann::json after = {{"code", petition.code}};
    return AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), "petition.read_identity",
                                         "petition", std::to_string(id.value), "", after.dump()));
  });
}

Result<PetitionSettings> SqlPetitionRepository::LoadSettings(CommuneId commune) {
  return db_.Read<PetitionSettings>([commune](Connection& c) -> Result<PetitionSettings> {
    ASSIGN_OR_RETURN(Statement stmt,
                     c.Prepare("SELECT data FROM petition_settings WHERE commune_id = ?"));
    stmt.Bind(1, commune.value);
    ASSIGN_OR_RETURN(bool found, stmt.Step());
    if (!found) return PetitionSettings{};
    Result<PetitionSettings> settings = json::SettingsFromJson(stmt.ColumnText(0));
    if (!settings.ok()) {
      return MakeError(ErrorCode::kInternal, "Cấu hình mô-đun đơn trong cơ sở dữ liệu bị hỏng: " +
                                                 settings.error().message);
    }
    return settings;
  });
}

Status SqlPetitionRepository::SaveSettings(CommuneId commune, const PetitionSettings& settings,
                                           const AuditContext& ctx) {
  if (settings.due_soon_days < 0 || settings.due_soon_days > 365) {
    return MakeFieldError("due_soon_days", "Số ngày báo sắp đến hạn phải từ 0 đến 365.");
  }
  std::set<std::string> codes;
  for (const PetitionField& field : settings.fields) {
    if (field.code.empty() || field.label.empty()) {
      return MakeFieldError("fields", "Mỗi lĩnh vực phải có mã và tên.");
    }
    if (!codes.insert(field.code).second) {
      return MakeFieldError("fields", "Mã lĩnh vực \"" + field.code + "\" bị trùng.");
    }
  }
  const std::string data = json::SettingsToJson(settings);
  return db_.Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(RequireCommune(c, commune));
    ASSIGN_OR_RETURN(Statement old,
                     c.Prepare("SELECT data FROM petition_settings WHERE commune_id = ?"));
    old.Bind(1, commune.value);
    ASSIGN_OR_RETURN(bool had, old.Step());
    const std::string before = had ? old.ColumnText(0) : "";
    ASSIGN_OR_RETURN(Statement upsert,
                     c.Prepare("INSERT INTO petition_settings (commune_id, data) VALUES (?1, ?2) "
                               "ON CONFLICT (commune_id) DO UPDATE SET data = excluded.data"));
    upsert.Bind(1, commune.value).Bind(2, data);
    RETURN_IF_ERROR(upsert.Run());
    return AppendAudit(
        c, MakeAuditEntry(ScopedTo(ctx, commune), "petition.settings", "petition_settings",
                          std::to_string(commune.value), before, data));
  });
}

}  // namespace doithoai::sql
