#include "adapters/storage/sql/commune_copy.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "adapters/json/conference_json.h"
#include "adapters/json/petition_json.h"
#include "adapters/storage/sql/audit_log.h"
#include "adapters/storage/sql/copy_rows.h"
#include "adapters/storage/sql/petition_rows.h"
#include "core/petitions/identity_seal.h"

namespace doithoai::sql {

namespace {

using copy_rows::Column;
using copy_rows::ColumnList;
using copy_rows::Row;
using copy_rows::TableSum;

Error Refused(std::string message) {
  return MakeError(ErrorCode::kFailedPrecondition, std::move(message));
}

// Prefixes `error`'s message with `what` (the petition or table it concerns).
Error About(const std::string& what, Error error) {
  error.message = what + ": " + error.message;
  return error;
}

// The WHERE clause selecting the commune's rows of a table of `scope`.
std::string WhereOf(CommuneScope scope) {
  return scope == CommuneScope::kCommuneRow ? " WHERE id = ?1" : " WHERE commune_id = ?1";
}

// The single integer of `sql` (0 for no row or NULL), with ?1 = `arg` if given.
Result<int64_t> IntOf(Connection& c, const std::string& sql,
                      std::optional<int64_t> arg = std::nullopt) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
  if (arg) stmt.Bind(1, *arg);
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  const int64_t out = row && !stmt.ColumnIsNull(0) ? stmt.ColumnInt(0) : 0;
  if (row) RETURN_IF_ERROR(stmt.Run());
  return out;
}

// Each value of the first column of `sql`, as text, with ?1 = `arg` if given.
Result<std::vector<std::string>> TextsOf(Connection& c, const std::string& sql,
                                         std::optional<int64_t> arg = std::nullopt) {
  ASSIGN_OR_RETURN(Statement stmt, c.Prepare(sql));
  if (arg) stmt.Bind(1, *arg);
  std::vector<std::string> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(stmt.ColumnText(0));
  }
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The checksum of everything the source holds for the commune: the rows of
// every copied table, in the order of the plan (see copy.h for the sum).
Result<TableCopy> SourceFingerprint(Connection& s, int64_t commune, const std::string& name) {
  TableSum sum;
  for (const CommuneTablePlan& plan : CommuneCopyPlan()) {
    if (plan.scope == CommuneScope::kCatalogue || plan.scope == CommuneScope::kNotCopied) continue;
    ASSIGN_OR_RETURN(std::vector<Column> columns, copy_rows::Columns(s, plan.table));
    ASSIGN_OR_RETURN(Statement rows, s.Prepare("SELECT " + ColumnList(columns) + " FROM " +
                                               plan.table + WhereOf(plan.scope)));
    rows.Bind(1, commune);
    while (true) {
      ASSIGN_OR_RETURN(bool row, rows.Step());
      if (!row) break;
      sum.Add(copy_rows::ReadRow(rows, columns), columns);
    }
  }
  return TableCopy{name, sum.rows(), sum.Hex(), false};
}

// One run of the copy inside the target's write transaction `t` and the
// source's read transaction `s`.
class CommuneCopier {
 public:
  CommuneCopier(Connection& s, Connection& t, const CommuneCopyOptions& options,
                const std::function<void(const TableCopy&)>& progress, CommuneCopyReport& report)
      : s_(s), t_(t), options_(options), progress_(progress), report_(report) {}

  Status Run(int64_t source_id, const std::string& source_name) {
    report_.source_id = source_id;
    RETURN_IF_ERROR(CheckTarget());
    ASSIGN_OR_RETURN(int64_t taken,
                     IntOf(t_, "SELECT count(*) FROM communes WHERE id = ?1", source_id));
    if (taken == 0) {
      report_.target_id = source_id;
    } else {
      ASSIGN_OR_RETURN(int64_t last, IntOf(t_, "SELECT max(id) FROM communes"));
      report_.target_id = last + 1;
    }
    ASSIGN_OR_RETURN(next_account_, IntOf(t_, "SELECT max(id) FROM accounts"));
    for (const CommuneTablePlan& plan : CommuneCopyPlan()) {
      switch (plan.scope) {
        case CommuneScope::kCommuneRow:
        case CommuneScope::kPerCommune:
        case CommuneScope::kAccounts:
          RETURN_IF_ERROR(CopyRows(plan));
          break;
        case CommuneScope::kAudit:
          RETURN_IF_ERROR(AppendAuditEntries(source_name));
          break;
        case CommuneScope::kCatalogue:
          RETURN_IF_ERROR(CopyCatalogue(plan.table));
          break;
        case CommuneScope::kNotCopied:
          break;
      }
    }
    return OkStatus();
  }

 private:
  using Cell = copy_rows::Cell;

  // The refusals of commune_copy.h, before anything is written.
  Status CheckTarget() {
    const int64_t id = report_.source_id;
    if (t_.engine() == Engine::kSqlite) {
      ASSIGN_OR_RETURN(int64_t communes, IntOf(t_, "SELECT count(*) FROM communes"));
      if (communes > 0) {
        return Refused(
            "Tệp SQLite đích đã có dữ liệu xã; một tệp SQLite chỉ nhận một xã, hãy chép vào một "
            "tệp mới");
      }
    }
    return CheckClashes(id);
  }

  // Slug, code, prefix and user names must be new to the target. The source's
  // values are read first, then looked up in the target one by one.
  Status CheckClashes(int64_t id) {
    struct Probe {
      const char* source_sql;
      const char* target_sql;
      const char* what;
    };
    static const Probe kProbes[] = {
        {"SELECT slug FROM communes WHERE id = ?1", "SELECT slug FROM communes WHERE slug = ?1",
         "Đích đã có xã mang mã định danh (slug)"},
        {"SELECT code FROM communes WHERE id = ?1", "SELECT code FROM communes WHERE code = ?1",
         "Đích đã có xã mang mã đơn vị hành chính"},
        {"SELECT prefix FROM petition_prefixes WHERE commune_id = ?1",
         "SELECT prefix FROM petition_prefixes WHERE prefix = ?1",
         "Tiền tố mã đơn đã thuộc một xã khác ở đích; công dân đang giữ các mã này nên không đổi "
         "được tiền tố (FB-01)"},
        {"SELECT lower(username) FROM accounts WHERE commune_id = ?1",
         "SELECT lower(username) FROM accounts WHERE lower(username) = ?1",
         "Tên đăng nhập đã có ở đích; hãy đổi tên các tài khoản này ở máy xã rồi chép lại"},
    };
    for (const Probe& probe : kProbes) {
      ASSIGN_OR_RETURN(std::vector<std::string> values, TextsOf(s_, probe.source_sql, id));
      std::vector<std::string> taken;
      for (const std::string& value : values) {
        ASSIGN_OR_RETURN(Statement stmt, t_.Prepare(probe.target_sql));
        stmt.Bind(1, value);
        ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (row) {
          taken.push_back(value);
          RETURN_IF_ERROR(stmt.Run());
        }
      }
      if (!taken.empty()) return Refused(std::string(probe.what) + ": " + Joined(taken));
    }
    return OkStatus();
  }

  // Rewrites one source row of `table` for the target.
  Status Transform(const std::string& table, const std::vector<Column>& columns, Row& row) {
    const int commune_col = copy_rows::ColumnIndex(columns, "commune_id");
    const int id_col = copy_rows::ColumnIndex(columns, "id");
    if (table == "communes") {
      row[id_col].SetInt(report_.target_id);
      return OkStatus();
    }
    if (commune_col >= 0) row[commune_col].SetInt(report_.target_id);
    if (table == "accounts") {
      const int64_t new_id = ++next_account_;
      accounts_[row[id_col].integer] = new_id;
      row[id_col].SetInt(new_id);
    } else if (table == "conferences") {
      RETURN_IF_ERROR(RewriteConference(columns, row));
    } else if (table == "petitions") {
      RETURN_IF_ERROR(RewritePetition(columns, row));
    }
    return OkStatus();
  }

  int64_t MappedAccount(int64_t id) const {
    auto it = accounts_.find(id);
    return it == accounts_.end() ? 0 : it->second;  // 0: not one of the commune's accounts
  }

  Status RewriteConference(const std::vector<Column>& columns, Row& row) {
    Cell& data = row[copy_rows::ColumnIndex(columns, "data")];
    const int64_t id = row[copy_rows::ColumnIndex(columns, "id")].integer;
    nlohmann::json parsed = nlohmann::json::parse(data.text, nullptr, false);
    if (parsed.is_discarded()) {
      return MakeError(ErrorCode::kInternal,
                       "Dữ liệu hội nghị mã số " + std::to_string(id) + " bị hỏng");
    }
    ASSIGN_OR_RETURN(Conference conference, ConferenceFromJson(parsed));
    conference.id = ConferenceId{id};
    conference.version = row[copy_rows::ColumnIndex(columns, "version")].integer;
    conference.commune_id = CommuneId{report_.target_id};
    // DLG-10: the signers of the minutes are accounts, which were renumbered.
    if (conference.minutes.secretary) {
      conference.minutes.secretary->account_id =
          MappedAccount(conference.minutes.secretary->account_id);
    }
    if (conference.minutes.chair) {
      conference.minutes.chair->account_id = MappedAccount(conference.minutes.chair->account_id);
    }
    data.SetText(ConferenceToJson(conference).dump());
    return OkStatus();
  }

  Status RewritePetition(const std::vector<Column>& columns, Row& row) {
    Cell& data = row[copy_rows::ColumnIndex(columns, "data")];
    ASSIGN_OR_RETURN(Petition p, json::PetitionFromJson(data.text));
    // As the repository reads a row: the columns are authoritative.
    p.id = PetitionId{row[copy_rows::ColumnIndex(columns, "id")].integer};
    p.version = row[copy_rows::ColumnIndex(columns, "version")].integer;
    p.code = row[copy_rows::ColumnIndex(columns, "code")].text;
    p.commune_id = CommuneId{report_.target_id};
    ASSIGN_OR_RETURN(SealMoveCount moved,
                     MoveSeals(p, SealMove{*options_.from_vault, *options_.to_vault,
                                           *options_.from_files, *options_.to_files}));
    if (moved.rekeyed) ++report_.resealed;
    report_.attachments += moved.attachments;
    data.SetText(json::PetitionToJson(p));
    petitions_.push_back(std::move(p));
    return OkStatus();
  }

  // Copies the commune's rows of `plan.table` and checks what the target then
  // holds for the commune against what it was given.
  Status CopyRows(const CommuneTablePlan& plan) {
    const std::string& table = plan.table;
    ASSIGN_OR_RETURN(std::vector<Column> columns, copy_rows::Columns(t_, table));
    ASSIGN_OR_RETURN(std::vector<Column> source_columns, copy_rows::Columns(s_, table));
    if (ColumnList(source_columns) != ColumnList(columns)) {
      return Refused("Bảng " + table + " có các cột khác nhau ở nguồn và đích");
    }
    ASSIGN_OR_RETURN(Statement rows, s_.Prepare("SELECT " + ColumnList(columns) + " FROM " + table +
                                                WhereOf(plan.scope) + " ORDER BY 1"));
    rows.Bind(1, report_.source_id);
    const std::string insert_sql = copy_rows::InsertSql(table, columns);
    TableSum given;
    while (true) {
      ASSIGN_OR_RETURN(bool more, rows.Step());
      if (!more) break;
      Row row = copy_rows::ReadRow(rows, columns);
      RETURN_IF_ERROR(Transform(table, columns, row));
      ASSIGN_OR_RETURN(Statement insert, t_.Prepare(insert_sql));
      copy_rows::BindRow(insert, row, columns);
      const Status inserted = insert.Run();
      if (!inserted.ok()) return About("Bảng " + table, inserted.error());
      given.Add(row, columns);
    }
    if (table == "petitions") {
      for (const Petition& p : petitions_) {
        RETURN_IF_ERROR(petition_rows::WriteSearchRow(t_, p, petition_rows::SearchTextOf(p)));
      }
      report_.search_rows = static_cast<int64_t>(petitions_.size());
      petitions_.clear();
    }
    ASSIGN_OR_RETURN(
        TableSum held,
        copy_rows::SumRows(t_,
                           "SELECT " + ColumnList(columns) + " FROM " + table + WhereOf(plan.scope),
                           columns, [&](Statement& s) { s.Bind(1, report_.target_id); }));
    RETURN_IF_ERROR(Compare(table, given, held));
    RETURN_IF_ERROR(copy_rows::AdvanceIdentity(t_, table));
    return Done({table, held.rows(), held.Hex(), false});
  }

  Status Compare(const std::string& table, const TableSum& given, const TableSum& held) {
    if (given == held) return OkStatus();
    return MakeError(ErrorCode::kInternal, "Bảng " + table + " sao chép không khớp (đưa vào " +
                                               std::to_string(given.rows()) + " dòng, đích có " +
                                               std::to_string(held.rows()) +
                                               " dòng); đã hoàn tác toàn bộ");
  }

  Status Done(TableCopy copy) {
    if (progress_) progress_(copy);
    report_.tables.push_back(std::move(copy));
    return OkStatus();
  }

  // The fields of an entry the copy keeps (all but id and the hashes, which
  // the target's chain decides), as a row for the checksum.
  static const std::vector<Column>& AuditContentColumns() {
    static const std::vector<Column> columns = {{"commune_id", true},   {"actor_account_id", true},
                                                {"actor_name", false},  {"client_address", false},
                                                {"at_ms", true},        {"action", false},
                                                {"object_type", false}, {"object_id", false},
                                                {"before", false},      {"after", false}};
    return columns;
  }
  static Row AuditContent(const AuditEntry& e) {
    Row row(10);
    row[0].SetInt(e.commune.value);
    row[1].SetInt(e.actor_account_id);
    row[2].SetText(e.actor_name);
    row[3].SetText(e.client_address);
    row[4].SetInt(
        std::chrono::duration_cast<std::chrono::milliseconds>(e.at.time_since_epoch()).count());
    row[5].SetText(e.action);
    row[6].SetText(e.object_type);
    row[7].SetText(e.object_id);
    row[8].SetText(e.before);
    row[9].SetText(e.after);
    return row;
  }

  // The commune's entries, in their order, at the end of the target's chain,
  // then the "commune.import" entry.
  Status AppendAuditEntries(const std::string& source_name) {
    ASSIGN_OR_RETURN(int64_t base, IntOf(t_, "SELECT max(id) FROM audit_log"));
    TableSum given;
    std::string source_last_hash;
    int64_t copied = 0;
    RETURN_IF_ERROR(
        ForEachAuditOf(s_, CommuneId{report_.source_id}, [&](const AuditEntry& entry) -> Status {
          AuditEntry e = entry;
          e.commune = CommuneId{report_.target_id};
          e.actor_account_id = MappedAccount(e.actor_account_id);
          source_last_hash = entry.hash;
          given.Add(AuditContent(e), AuditContentColumns());
          ++copied;
          return AppendAudit(t_, std::move(e));
        }));
    AuditContext ctx = options_.audit;
    ctx.commune = CommuneId{report_.target_id};
    nlohmann::json after = {{"source", source_name},
                            {"source_commune_id", report_.source_id},
                            {"entries", copied},
                            {"last_source_entry_hash", source_last_hash},
                            {"accounts", accounts_.size()},
                            {"resealed", report_.resealed}};
    AuditEntry import = MakeAuditEntry(ctx, "commune.import", "commune",
                                       std::to_string(report_.target_id), "", after.dump());
    given.Add(AuditContent(import), AuditContentColumns());
    RETURN_IF_ERROR(AppendAudit(t_, std::move(import)));
    std::string select = "SELECT ";
    for (const Column& col : AuditContentColumns()) {
      select += (select.size() > 7 ? ", " : "") + col.name;
    }
    ASSIGN_OR_RETURN(TableSum held, copy_rows::SumRows(t_, select + " FROM audit_log WHERE id > ?1",
                                                       AuditContentColumns(),
                                                       [&](Statement& s) { s.Bind(1, base); }));
    RETURN_IF_ERROR(Compare("audit_log", given, held));
    return Done({"audit_log", held.rows(), held.Hex(), false});
  }

  // National data: the catalogue (admin_units and its successions together)
  // is copied whole into a target that has none (a new file), else left as
  // the target has it.
  Status CopyCatalogue(const std::string& table) {
    if (table == "admin_units") {
      ASSIGN_OR_RETURN(int64_t present, IntOf(t_, "SELECT count(*) FROM admin_units"));
      copy_catalogue_ = present == 0;
    }
    if (!copy_catalogue_) return OkStatus();
    ASSIGN_OR_RETURN(std::vector<Column> columns, copy_rows::Columns(t_, table));
    ASSIGN_OR_RETURN(Statement rows, s_.Prepare("SELECT " + ColumnList(columns) + " FROM " + table +
                                                " ORDER BY 1"));
    TableSum given;
    const std::string insert_sql = copy_rows::InsertSql(table, columns);
    while (true) {
      ASSIGN_OR_RETURN(bool more, rows.Step());
      if (!more) break;
      Row row = copy_rows::ReadRow(rows, columns);
      ASSIGN_OR_RETURN(Statement insert, t_.Prepare(insert_sql));
      copy_rows::BindRow(insert, row, columns);
      RETURN_IF_ERROR(insert.Run());
      given.Add(row, columns);
    }
    ASSIGN_OR_RETURN(
        TableSum held,
        copy_rows::SumRows(t_, "SELECT " + ColumnList(columns) + " FROM " + table, columns));
    RETURN_IF_ERROR(Compare(table, given, held));
    RETURN_IF_ERROR(copy_rows::AdvanceIdentity(t_, table));
    return Done({table, held.rows(), held.Hex(), false});
  }

  Connection& s_;
  Connection& t_;
  const CommuneCopyOptions& options_;
  const std::function<void(const TableCopy&)>& progress_;
  CommuneCopyReport& report_;
  int64_t next_account_ = 0;
  bool copy_catalogue_ = false;          // the target has no administrative-unit catalogue
  std::map<int64_t, int64_t> accounts_;  // source account id → target id
  std::vector<Petition> petitions_;      // of the table being copied, for the search index
};

}  // namespace

const std::vector<CommuneTablePlan>& CommuneCopyPlan() {
  using S = CommuneScope;
  static const std::vector<CommuneTablePlan> plan = {
      {"communes", S::kCommuneRow, ""},
      {"admin_units", S::kCatalogue, ""},  // first: it decides for both
      {"admin_unit_successions", S::kCatalogue, ""},
      {"villages", S::kPerCommune, ""},
      {"units", S::kPerCommune, ""},
      {"officials", S::kPerCommune, ""},
      {"accounts", S::kAccounts, ""},
      {"conferences", S::kPerCommune, ""},
      {"conference_documents", S::kPerCommune, ""},
      {"document_register", S::kPerCommune, ""},
      {"petition_prefixes", S::kPerCommune, ""},
      {"petitions", S::kPerCommune, ""},
      {"petition_sequences", S::kPerCommune, ""},
      {"petition_settings", S::kPerCommune, ""},
      {"jobs", S::kPerCommune, ""},
      {"outbox_messages", S::kPerCommune, ""},
      {"petition_cases", S::kPerCommune, ""},
      {"petition_case_members", S::kPerCommune, ""},
      {"notification_settings", S::kPerCommune, ""},
      {"audit_log", S::kAudit, ""},
      {"sessions", S::kNotCopied, "sessions of the old server: people log in again"},
      {"login_failures", S::kNotCopied, "the old server's login throttle"},
      {"petition_search", S::kNotCopied, "rebuilt from the copied petitions"},
      {"schema_version", S::kNotCopied, "each database has its own"},
      {"copy_progress", S::kNotCopied, "each target has its own"},
  };
  return plan;
}

Result<CommuneCopyReport> CopyCommune(Database& from, Database& to,
                                      const CommuneCopyOptions& options,
                                      const std::function<void(const TableCopy&)>& progress) {
  if (options.from_vault == nullptr || options.to_vault == nullptr ||
      options.from_files == nullptr || options.to_files == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Thiếu khóa niêm phong hoặc thư mục tệp đính kèm");
  }
  RETURN_IF_ERROR(copy_rows::CheckCopyable(from, to));
  ASSIGN_OR_RETURN(int64_t source_id, from.Read<int64_t>([&](Connection& s) -> Result<int64_t> {
    ASSIGN_OR_RETURN(Statement stmt, s.Prepare("SELECT id FROM communes WHERE slug = ?"));
    stmt.Bind(1, options.slug);
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (row) {
      const int64_t id = stmt.ColumnInt(0);
      RETURN_IF_ERROR(stmt.Run());
      return id;
    }
    ASSIGN_OR_RETURN(std::vector<std::string> slugs,
                     TextsOf(s, "SELECT slug FROM communes ORDER BY slug"));
    return MakeError(ErrorCode::kNotFound,
                     "Nguồn không có xã «" + options.slug + "»; các xã ở nguồn: " + Joined(slugs));
  }));
  // A broken chain would be hidden by re-chaining it: refuse instead.
  ASSIGN_OR_RETURN(AuditVerifyReport chain, VerifyAuditChain(from));
  if (chain.first_broken_id.has_value()) {
    return Refused("Nhật ký kiểm toán của nguồn bị hỏng (" + chain.problem +
                   "); không chép để khỏi che mất chỗ hỏng");
  }
  RETURN_IF_ERROR(copy_rows::EnsureProgressTable(to));
  const std::string name = "commune:" + options.slug;
  ASSIGN_OR_RETURN(TableCopy fingerprint, from.Read<TableCopy>([&](Connection& s) {
    return SourceFingerprint(s, source_id, name);
  }));
  ASSIGN_OR_RETURN(std::optional<TableCopy> done, copy_rows::RecordedCopy(to, name));
  CommuneCopyReport report;
  if (done.has_value()) {
    if (done->rows != fingerprint.rows || done->checksum != fingerprint.checksum) {
      return Refused("Xã «" + options.slug +
                     "» đã được chép vào đích từ dữ liệu khác (nguồn đã thay đổi từ lần trước)");
    }
    report.source_id = source_id;
    report.skipped = true;
    return report;
  }
  const std::string source_name = from.Describe();
  const Status copied = to.Write([&](Connection& t) -> Status {
    report = CommuneCopyReport{};  // a retried transaction starts over
    const Status run = from.Read([&](Connection& s) -> Status {
      CommuneCopier copier(s, t, options, progress, report);
      return copier.Run(source_id, source_name);
    });
    RETURN_IF_ERROR(run);
    return copy_rows::RecordCopy(t, fingerprint);
  });
  RETURN_IF_ERROR(copied);
  return report;
}

}  // namespace doithoai::sql
