// SqlConferenceRepository: conferences, their documents and the document
// register in SQLite (schema in migrations/0005_conferences.sql). Every query
// filters on commune_id, so an id of another commune reads as missing. The
// schema's triggers (issued documents are frozen, NUM-05) and unique indexes
// (NUM-01) remain the safety net behind the checks made here.
#include "adapters/storage/sql/conference_repository.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "adapters/json/conference_json.h"
#include "adapters/storage/sql/audit_log.h"

namespace doithoai::sql {

namespace {

constexpr const char* kConferenceNotFound = "Không tìm thấy hội nghị.";
constexpr const char* kStaleVersion =
    "Hội nghị vừa được người khác sửa; hãy tải lại trang và làm lại.";
constexpr const char* kAlreadyIssued =
    "Văn bản đã ban hành, không sửa được; muốn thay đổi phải ban hành văn bản mới hoặc văn bản "
    "đính chính.";

// The issuer part of every symbol: the commune's People's Committee.
constexpr std::string_view kIssuerSuffix = "-UBND";

int64_t Millis(Timestamp t) { return t.time_since_epoch().count(); }

AuditContext ScopedTo(const AuditContext& ctx, CommuneId commune) {
  AuditContext scoped = ctx;
  scoped.commune = commune;
  return scoped;
}

// Reads a row of "SELECT id, commune_id, version, data FROM conferences".
// The columns are authoritative for id, commune and version.
Result<Conference> ConferenceFromRow(const Statement& row) {
  const int64_t id = row.ColumnInt(0);
  auto corrupt = [id](const std::string& detail) {
    return MakeError(ErrorCode::kInternal, "Dữ liệu hội nghị mã số " + std::to_string(id) +
                                               " trong cơ sở dữ liệu bị hỏng: " + detail);
  };
  nlohmann::json json =
      nlohmann::json::parse(row.ColumnText(3), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return corrupt("không đọc được JSON");
  Result<Conference> conference = ConferenceFromJson(json);
  if (!conference.ok()) return corrupt(conference.error().message);
  conference->id = ConferenceId{id};
  conference->commune_id = CommuneId{row.ColumnInt(1)};
  conference->version = row.ColumnInt(2);
  return conference;
}

Result<Conference> LoadConference(Connection& c, CommuneId commune, ConferenceId id) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare("SELECT id, commune_id, version, data FROM "
                                             "conferences WHERE id = ?1 AND commune_id = ?2"));
  stmt.Bind(1, id.value).Bind(2, commune.value);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, kConferenceNotFound);
  return ConferenceFromRow(stmt);
}

Status RequireConference(Connection& c, CommuneId commune, ConferenceId id) {
  ASSIGN_OR_RETURN(Statement stmt,
                   c.Prepare("SELECT 1 FROM conferences WHERE id = ?1 AND commune_id = ?2"));
  stmt.Bind(1, id.value).Bind(2, commune.value);
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, kConferenceNotFound);
  return OkStatus();
}

// Writes `conference` (id, commune and the new version already set) over the
// row still at `old_version`.
Status StoreConference(Connection& c, const Conference& conference, int64_t old_version,
                       Timestamp at) {
  ASSIGN_OR_RETURN(Statement update,
                   c.Prepare("UPDATE conferences SET year = ?1, state = ?2, first_date = ?3, "
                             "data = ?4, version = ?5, updated_at_ms = ?6 "
                             "WHERE id = ?7 AND commune_id = ?8 AND version = ?9"));
  update.Bind(1, conference.year)
      .Bind(2, ConferenceStateCode(conference.state))
      .Bind(3, conference.FirstDate().ToIsoString())
      .Bind(4, ConferenceToJson(conference).dump())
      .Bind(5, conference.version)
      .Bind(6, Millis(at))
      .Bind(7, conference.id.value)
      .Bind(8, conference.commune_id.value)
      .Bind(9, old_version);
  RETURN_IF_ERROR(update.Run());
  if (c.Changes() != 1) return MakeError(ErrorCode::kFailedPrecondition, kStaleVersion);
  return OkStatus();
}

// Update's body, in the caller's transaction (Issue reuses it): loads, checks
// the version, applies, stores version + 1 and audits `change.action`.
Result<Conference> ApplyChange(Connection& c, CommuneId commune, ConferenceId id,
                               std::optional<int64_t> expected_version,
                               const ConferenceChange& change, const AuditContext& ctx) {
  if (!change.apply) {
    return MakeError(ErrorCode::kInternal, "Thiếu nội dung thay đổi hội nghị.");
  }
  ASSIGN_OR_RETURN(Conference current, LoadConference(c, commune, id));
  if (expected_version.has_value() && *expected_version != current.version) {
    return MakeError(ErrorCode::kFailedPrecondition, kStaleVersion);
  }
  Conference next = current;
  ASSIGN_OR_RETURN(std::string after, change.apply(next));
  // Identity and version belong to storage, whatever `apply` did to them.
  next.id = current.id;
  next.commune_id = current.commune_id;
  next.version = current.version + 1;
  RETURN_IF_ERROR(StoreConference(c, next, current.version, ctx.at));
  nlohmann::json before = {{"version", current.version},
                           {"state", ConferenceStateCode(current.state)}};
  RETURN_IF_ERROR(
      AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), change.action, "conference",
                                    std::to_string(id.value), before.dump(), std::move(after))));
  return next;
}

constexpr const char* kDocumentColumns =
    "SELECT id, commune_id, conference_id, kind, markup, issued, year, number, issued_on, "
    "updated_at_ms, revision, replaces_id FROM conference_documents ";

Result<StoredDocument> DocumentFromRow(const Statement& row) {
  StoredDocument doc;
  doc.id = DocumentId{row.ColumnInt(0)};
  doc.commune_id = CommuneId{row.ColumnInt(1)};
  doc.conference_id = ConferenceId{row.ColumnInt(2)};
  Result<ConferenceDocumentKind> kind = ParseConferenceDocumentKind(row.ColumnText(3));
  if (!kind.ok()) {
    return MakeError(ErrorCode::kInternal,
                     "Loại văn bản lưu trong cơ sở dữ liệu không hợp lệ: " + row.ColumnText(3));
  }
  doc.kind = *kind;
  doc.markup = row.ColumnText(4);
  doc.issued = row.ColumnInt(5) != 0;
  doc.year = static_cast<int>(row.ColumnInt(6));
  doc.number = static_cast<int>(row.ColumnInt(7));
  if (!row.ColumnIsNull(8)) {
    Result<Date> issued_on = Date::Parse(row.ColumnText(8));
    if (!issued_on.ok()) {
      return MakeError(ErrorCode::kInternal,
                       "Ngày ban hành lưu trong cơ sở dữ liệu không hợp lệ: " + row.ColumnText(8));
    }
    doc.issued_on = *issued_on;
  }
  doc.updated_at = Timestamp(std::chrono::milliseconds(row.ColumnInt(9)));
  doc.revision = static_cast<int>(row.ColumnInt(10));
  if (!row.ColumnIsNull(11)) doc.replaces = DocumentId{row.ColumnInt(11)};
  return doc;
}

// The current row of `kind` of conference `id` (its highest revision), or
// nullopt.
Result<std::optional<StoredDocument>> LoadDocument(Connection& c, CommuneId commune,
                                                   ConferenceId id, ConferenceDocumentKind kind) {
  ASSIGN_OR_RETURN(Statement stmt,
                   c.Prepare(std::string(kDocumentColumns) +
                             "WHERE commune_id = ?1 AND conference_id = ?2 AND kind = ?3 "
                             "ORDER BY revision DESC LIMIT 1"));
  stmt.Bind(1, commune.value).Bind(2, id.value).Bind(3, ConferenceDocumentKindCode(kind));
  ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<StoredDocument>();
  ASSIGN_OR_RETURN(StoredDocument doc, DocumentFromRow(stmt));
  return std::optional<StoredDocument>(std::move(doc));
}

// NUM-01/NUM-02: takes the next number of the register (commune, year,
// symbol), starting at 1. Inside the write transaction, so numbers are never
// handed out twice, and a rollback gives the number back.
Result<int> TakeNumber(Connection& c, CommuneId commune, int year, const std::string& symbol) {
  ASSIGN_OR_RETURN(Statement bump,
                   c.Prepare("INSERT INTO document_register (commune_id, year, symbol, "
                             "last_number) VALUES (?1, ?2, ?3, 1) "
                             "ON CONFLICT (commune_id, year, symbol) "
                             "DO UPDATE SET last_number = document_register.last_number + 1"));
  bump.Bind(1, commune.value).Bind(2, year).Bind(3, symbol);
  RETURN_IF_ERROR(bump.Run());
  ASSIGN_OR_RETURN(Statement read,
                   c.Prepare("SELECT last_number FROM document_register "
                             "WHERE commune_id = ?1 AND year = ?2 AND symbol = ?3"));
  read.Bind(1, commune.value).Bind(2, year).Bind(3, symbol);
  ASSIGN_OR_RETURN(bool found, read.Step());
  if (!found) return MakeError(ErrorCode::kInternal, "Không lấy được số văn bản.");
  return static_cast<int>(read.ColumnInt(0));
}

}  // namespace

Result<ConferenceId> SqlConferenceRepository::Create(const Conference& conference,
                                                     const AuditContext& ctx) {
  return db_.Write<ConferenceId>([&conference, &ctx](Connection& c) -> Result<ConferenceId> {
    const CommuneId commune = conference.commune_id;
    ASSIGN_OR_RETURN(Statement exists, c.Prepare("SELECT 1 FROM communes WHERE id = ?"));
    exists.Bind(1, commune.value);
    ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) {
      return MakeError(ErrorCode::kNotFound,
                       "Không tìm thấy xã có mã số " + std::to_string(commune.value));
    }
    const std::string first_date = conference.FirstDate().ToIsoString();
    // The id is only known after the insert, and `data` holds it: insert,
    // then write the data.
    ASSIGN_OR_RETURN(Statement insert,
                     c.Prepare("INSERT INTO conferences (commune_id, year, state, first_date, "
                               "data, version, created_at_ms, updated_at_ms) "
                               "VALUES (?1, ?2, ?3, ?4, '', 1, ?5, ?5) RETURNING id"));
    insert.Bind(1, commune.value)
        .Bind(2, conference.year)
        .Bind(3, ConferenceStateCode(conference.state))
        .Bind(4, first_date)
        .Bind(5, Millis(ctx.at));
    ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
    Conference stored = conference;
    stored.id = ConferenceId{new_id};
    stored.version = 1;
    ASSIGN_OR_RETURN(
        Statement data,
        c.Prepare("UPDATE conferences SET data = ?1 WHERE id = ?2 AND commune_id = ?3"));
    data.Bind(1, ConferenceToJson(stored).dump()).Bind(2, stored.id.value).Bind(3, commune.value);
    RETURN_IF_ERROR(data.Run());
    nlohmann::json after = {
        {"year", conference.year}, {"subject", conference.subject}, {"first_date", first_date}};
    RETURN_IF_ERROR(
        AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), "conference.create", "conference",
                                      std::to_string(stored.id.value), "", after.dump())));
    return stored.id;
  });
}

Result<Conference> SqlConferenceRepository::Find(CommuneId commune, ConferenceId id) {
  return db_.Read<Conference>(
      [commune, id](Connection& c) { return LoadConference(c, commune, id); });
}

Result<std::vector<Conference>> SqlConferenceRepository::List(CommuneId commune) {
  return db_.Read<std::vector<Conference>>(
      [commune](Connection& c) -> Result<std::vector<Conference>> {
        ASSIGN_OR_RETURN(Statement stmt,
                         c.Prepare("SELECT id, commune_id, version, data FROM conferences "
                                   "WHERE commune_id = ? ORDER BY first_date DESC, id DESC"));
        stmt.Bind(1, commune.value);
        std::vector<Conference> out;
        while (true) {
          ASSIGN_OR_RETURN(bool row, stmt.Step());
          if (!row) return out;
          ASSIGN_OR_RETURN(Conference conference, ConferenceFromRow(stmt));
          out.push_back(std::move(conference));
        }
      });
}

Result<Conference> SqlConferenceRepository::Update(CommuneId commune, ConferenceId id,
                                                   std::optional<int64_t> expected_version,
                                                   const ConferenceChange& change,
                                                   const AuditContext& ctx) {
  return db_.Write<Conference>(
      [&](Connection& c) { return ApplyChange(c, commune, id, expected_version, change, ctx); });
}

Result<StoredDocument> SqlConferenceRepository::FindDocument(CommuneId commune, ConferenceId id,
                                                             ConferenceDocumentKind kind) {
  return db_.Read<StoredDocument>([&](Connection& c) -> Result<StoredDocument> {
    RETURN_IF_ERROR(RequireConference(c, commune, id));
    ASSIGN_OR_RETURN(std::optional<StoredDocument> doc, LoadDocument(c, commune, id, kind));
    if (!doc.has_value()) {
      return MakeError(ErrorCode::kNotFound, "Chưa có văn bản " +
                                                 std::string(ConferenceDocumentKindLabel(kind)) +
                                                 " của hội nghị này.");
    }
    return std::move(*doc);
  });
}

Result<std::vector<StoredDocument>> SqlConferenceRepository::ListDocuments(CommuneId commune,
                                                                           ConferenceId id) {
  return db_.Read<std::vector<StoredDocument>>(
      [&](Connection& c) -> Result<std::vector<StoredDocument>> {
        RETURN_IF_ERROR(RequireConference(c, commune, id));
        ASSIGN_OR_RETURN(Statement stmt, c.Prepare(std::string(kDocumentColumns) +
                                                   "WHERE commune_id = ?1 AND conference_id = ?2 "
                                                   "ORDER BY revision, id"));
        stmt.Bind(1, commune.value).Bind(2, id.value);
        std::vector<StoredDocument> out;
        while (true) {
          ASSIGN_OR_RETURN(bool row, stmt.Step());
          if (!row) break;
          ASSIGN_OR_RETURN(StoredDocument doc, DocumentFromRow(stmt));
          out.push_back(std::move(doc));
        }
        // In the order of the enum: plan, programme, invitations, notice.
        std::stable_sort(out.begin(), out.end(),
                         [](const StoredDocument& a, const StoredDocument& b) {
                           return static_cast<int>(a.kind) < static_cast<int>(b.kind);
                         });
        return out;
      });
}

Status SqlConferenceRepository::SaveDraft(CommuneId commune, ConferenceId id,
                                          ConferenceDocumentKind kind, const std::string& markup,
                                          const AuditContext& ctx) {
  return db_.Write([&](Connection& c) -> Status {
    RETURN_IF_ERROR(RequireConference(c, commune, id));
    ASSIGN_OR_RETURN(std::optional<StoredDocument> existing, LoadDocument(c, commune, id, kind));
    if (existing.has_value() && existing->issued) {
      return MakeError(ErrorCode::kFailedPrecondition, kAlreadyIssued);  // NUM-05
    }
    if (existing.has_value()) {
      ASSIGN_OR_RETURN(Statement update,
                       c.Prepare("UPDATE conference_documents SET markup = ?1, updated_at_ms = ?2 "
                                 "WHERE id = ?3 AND commune_id = ?4 AND issued = 0"));
      update.Bind(1, markup)
          .Bind(2, Millis(ctx.at))
          .Bind(3, existing->id.value)
          .Bind(4, commune.value);
      RETURN_IF_ERROR(update.Run());
    } else {
      ASSIGN_OR_RETURN(Statement insert,
                       c.Prepare("INSERT INTO conference_documents (commune_id, conference_id, "
                                 "kind, markup, issued, updated_at_ms) "
                                 "VALUES (?1, ?2, ?3, ?4, 0, ?5)"));
      insert.Bind(1, commune.value)
          .Bind(2, id.value)
          .Bind(3, ConferenceDocumentKindCode(kind))
          .Bind(4, markup)
          .Bind(5, Millis(ctx.at));
      RETURN_IF_ERROR(insert.Run());
    }
    nlohmann::json after = {{"kind", ConferenceDocumentKindCode(kind)}};
    return AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), "document.draft_save",
                                         "conference", std::to_string(id.value), "", after.dump()));
  });
}

Result<StoredDocument> SqlConferenceRepository::StartReplacement(CommuneId commune, ConferenceId id,
                                                                 ConferenceDocumentKind kind,
                                                                 const std::string& markup,
                                                                 const std::string& reason,
                                                                 const AuditContext& ctx) {
  return db_.Write<StoredDocument>([&](Connection& c) -> Result<StoredDocument> {
    RETURN_IF_ERROR(RequireConference(c, commune, id));
    ASSIGN_OR_RETURN(std::optional<StoredDocument> current, LoadDocument(c, commune, id, kind));
    if (!current.has_value() || !current->issued) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Chỉ thay thế được văn bản đã ban hành; văn bản này đang là bản thảo.");
    }
    StoredDocument draft;
    draft.commune_id = commune;
    draft.conference_id = id;
    draft.kind = kind;
    draft.markup = markup;
    draft.revision = current->revision + 1;
    draft.replaces = current->id;
    draft.updated_at = ctx.at;
    ASSIGN_OR_RETURN(Statement insert,
                     c.Prepare("INSERT INTO conference_documents (commune_id, conference_id, "
                               "kind, markup, issued, updated_at_ms, revision, replaces_id) "
                               "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7) RETURNING id"));
    insert.Bind(1, commune.value)
        .Bind(2, id.value)
        .Bind(3, ConferenceDocumentKindCode(kind))
        .Bind(4, markup)
        .Bind(5, Millis(ctx.at))
        .Bind(6, draft.revision)
        .Bind(7, current->id.value);
    ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
    draft.id = DocumentId{new_id};
    nlohmann::json after = {{"kind", ConferenceDocumentKindCode(kind)},
                            {"revision", draft.revision},
                            {"replaces_number", current->number},
                            {"replaces_year", current->year},
                            {"reason", reason}};
    RETURN_IF_ERROR(
        AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), "document.replacement_start",
                                      "conference", std::to_string(id.value), "", after.dump())));
    return draft;
  });
}

Result<StoredDocument> SqlConferenceRepository::Issue(
    CommuneId commune, ConferenceId id, ConferenceDocumentKind kind, Date issued_on,
    const std::function<Result<std::string>(int number)>& render,
    const ConferenceChange& conference_change, const AuditContext& ctx) {
  return db_.Write<StoredDocument>([&](Connection& c) -> Result<StoredDocument> {
    if (!render) return MakeError(ErrorCode::kInternal, "Thiếu hàm tạo nội dung văn bản.");
    RETURN_IF_ERROR(RequireConference(c, commune, id));
    ASSIGN_OR_RETURN(std::optional<StoredDocument> existing, LoadDocument(c, commune, id, kind));
    if (existing.has_value() && existing->issued) {
      return MakeError(ErrorCode::kFailedPrecondition, kAlreadyIssued);  // NUM-05
    }
    StoredDocument doc;
    doc.commune_id = commune;
    doc.conference_id = id;
    doc.kind = kind;
    doc.issued = true;
    doc.year = issued_on.year();  // NUM-01: the register restarts every year
    const std::string symbol =
        std::string(ConferenceDocumentSymbol(kind)) + std::string(kIssuerSuffix);
    ASSIGN_OR_RETURN(doc.number, TakeNumber(c, commune, doc.year, symbol));
    // An error here rolls everything back, the number included.
    ASSIGN_OR_RETURN(doc.markup, render(doc.number));
    doc.issued_on = issued_on;
    doc.updated_at = ctx.at;

    if (existing.has_value()) {
      ASSIGN_OR_RETURN(Statement update,
                       c.Prepare("UPDATE conference_documents SET markup = ?1, issued = 1, "
                                 "year = ?2, symbol = ?3, number = ?4, issued_on = ?5, "
                                 "updated_at_ms = ?6 WHERE id = ?7 AND commune_id = ?8"));
      update.Bind(1, doc.markup)
          .Bind(2, doc.year)
          .Bind(3, symbol)
          .Bind(4, doc.number)
          .Bind(5, issued_on.ToIsoString())
          .Bind(6, Millis(ctx.at))
          .Bind(7, existing->id.value)
          .Bind(8, commune.value);
      RETURN_IF_ERROR(update.Run());
      doc.id = existing->id;
      doc.revision = existing->revision;
      doc.replaces = existing->replaces;
    } else {
      ASSIGN_OR_RETURN(
          Statement insert,
          c.Prepare("INSERT INTO conference_documents (commune_id, conference_id, "
                    "kind, markup, issued, year, symbol, number, issued_on, "
                    "updated_at_ms) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, ?9) RETURNING id"));
      insert.Bind(1, commune.value)
          .Bind(2, id.value)
          .Bind(3, ConferenceDocumentKindCode(kind))
          .Bind(4, doc.markup)
          .Bind(5, doc.year)
          .Bind(6, symbol)
          .Bind(7, doc.number)
          .Bind(8, issued_on.ToIsoString())
          .Bind(9, Millis(ctx.at));
      ASSIGN_OR_RETURN(const int64_t new_id, insert.RunReturningInt());
      doc.id = DocumentId{new_id};
    }

    RETURN_IF_ERROR(ApplyChange(c, commune, id, std::nullopt, conference_change, ctx));
    nlohmann::json after = {{"kind", ConferenceDocumentKindCode(kind)},
                            {"number", doc.number},
                            {"symbol", symbol},
                            {"year", doc.year}};
    RETURN_IF_ERROR(
        AppendAudit(c, MakeAuditEntry(ScopedTo(ctx, commune), "document.issue", "conference",
                                      std::to_string(id.value), "", after.dump())));
    return doc;
  });
}

}  // namespace doithoai::sql
