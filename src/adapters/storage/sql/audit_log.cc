// The hash-chained audit log: canonical row hashing (libsodium SHA-256),
// appending inside a write transaction, chain verification and listing. See
// audit_log.h for the hash format.
#include "adapters/storage/sql/audit_log.h"

#include <sodium.h>

#include <array>
#include <chrono>
#include <string_view>
#include <utility>

namespace doithoai::sql {

namespace {

constexpr std::string_view kFormatTag = "doithoai.audit.v1";
constexpr int kMaxListLimit = 1000;

// sodium_init() once per process; false if libsodium cannot be used.
bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

Status RequireSodium() {
  if (!SodiumReady()) {
    return MakeError(ErrorCode::kInternal,
                     "Không khởi tạo được thư viện mã hoá libsodium để tính mã băm nhật ký");
  }
  return OkStatus();
}

void AppendField(std::string& out, std::string_view bytes) {
  out += std::to_string(bytes.size());
  out += ':';
  out += bytes;
  out += '\n';
}

void AppendField(std::string& out, int64_t value) { AppendField(out, std::to_string(value)); }

// Reads an entry from a row of the 13 columns in table order (see kSelect*).
AuditEntry EntryFromRow(const Statement& s) {
  AuditEntry e;
  e.id = s.ColumnInt(0);
  e.commune = CommuneId{s.ColumnInt(1)};
  e.actor_account_id = s.ColumnInt(2);
  e.actor_name = s.ColumnText(3);
  e.client_address = s.ColumnText(4);
  e.at = Timestamp(std::chrono::milliseconds(s.ColumnInt(5)));
  e.action = s.ColumnText(6);
  e.object_type = s.ColumnText(7);
  e.object_id = s.ColumnText(8);
  e.before = s.ColumnText(9);
  e.after = s.ColumnText(10);
  e.prev_hash = s.ColumnText(11);
  e.hash = s.ColumnText(12);
  return e;
}

constexpr std::string_view kSelectChain =
    "SELECT id, commune_id, actor_account_id, actor_name, client_address, at_ms, action, "
    "object_type, object_id, before, after, prev_hash, hash FROM audit_log ORDER BY id";

constexpr std::string_view kSelectCommuneChain =
    "SELECT id, commune_id, actor_account_id, actor_name, client_address, at_ms, action, "
    "object_type, object_id, before, after, prev_hash, hash FROM audit_log "
    "WHERE commune_id = ? ORDER BY id";

constexpr std::string_view kSelectByCommune =
    "SELECT id, commune_id, actor_account_id, actor_name, client_address, at_ms, action, "
    "object_type, object_id, before, after, prev_hash, hash FROM audit_log "
    "WHERE commune_id = ? ORDER BY id DESC LIMIT ?";

Result<bool> AuditTableExists(Connection& c) { return TableExists(c, "audit_log"); }

Error MissingTableError() {
  return MakeError(ErrorCode::kFailedPrecondition,
                   "Cơ sở dữ liệu không có bảng nhật ký kiểm toán (audit_log): lược đồ chưa được "
                   "nâng cấp (hãy chạy `doithoai migrate`) hoặc bảng đã bị xoá");
}

std::string RowLabel(int64_t id) { return "hàng " + std::to_string(id) + ": "; }

}  // namespace

std::string AuditCanonicalForm(const AuditEntry& e) {
  std::string out;
  out.reserve(128 + e.actor_name.size() + e.client_address.size() + e.action.size() +
              e.object_type.size() + e.object_id.size() + e.before.size() + e.after.size() +
              e.prev_hash.size());
  AppendField(out, kFormatTag);
  AppendField(out, e.id);
  AppendField(out, e.commune.value);
  AppendField(out, e.actor_account_id);
  AppendField(out, e.actor_name);
  AppendField(out, e.client_address);
  AppendField(out, static_cast<int64_t>(e.at.time_since_epoch().count()));
  AppendField(out, e.action);
  AppendField(out, e.object_type);
  AppendField(out, e.object_id);
  AppendField(out, e.before);
  AppendField(out, e.after);
  AppendField(out, e.prev_hash);
  return out;
}

std::string AuditRowHash(const AuditEntry& e) {
  if (!SodiumReady()) {
    return std::string();
  }
  std::string canonical = AuditCanonicalForm(e);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

Status AppendAudit(Connection& conn, AuditEntry entry) {
  RETURN_IF_ERROR(RequireSodium());
  if (!conn.InTransaction()) {
    // Outside a transaction the read of the last row and the insert could
    // interleave with another writer, and the change being audited would not
    // commit together with its audit row.
    return MakeError(ErrorCode::kInternal,
                     "AppendAudit phải được gọi bên trong một giao dịch ghi (Database::Write)");
  }
  {
    // Scoped so the query is reset before the insert.
    ASSIGN_OR_RETURN(Statement last,
                     conn.Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    ASSIGN_OR_RETURN(bool has_last, last.Step());
    entry.id = has_last ? last.ColumnInt(0) + 1 : 1;
    entry.prev_hash = has_last ? last.ColumnText(1) : std::string();
  }
  entry.hash = AuditRowHash(entry);

  ASSIGN_OR_RETURN(Statement insert,
                   conn.Prepare("INSERT INTO audit_log (id, commune_id, actor_account_id, "
                                "actor_name, client_address, at_ms, action, object_type, "
                                "object_id, before, after, prev_hash, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, entry.id)
      .Bind(2, entry.commune.value)
      .Bind(3, entry.actor_account_id)
      .Bind(4, std::string_view(entry.actor_name))
      .Bind(5, std::string_view(entry.client_address))
      .Bind(6, static_cast<int64_t>(entry.at.time_since_epoch().count()))
      .Bind(7, std::string_view(entry.action))
      .Bind(8, std::string_view(entry.object_type))
      .Bind(9, std::string_view(entry.object_id))
      .Bind(10, std::string_view(entry.before))
      .Bind(11, std::string_view(entry.after))
      .Bind(12, std::string_view(entry.prev_hash))
      .Bind(13, std::string_view(entry.hash));
  return insert.Run();
}

Result<AuditVerifyReport> VerifyAuditChain(Database& db) {
  RETURN_IF_ERROR(RequireSodium());
  return db.Read<AuditVerifyReport>([](Connection& c) -> Result<AuditVerifyReport> {
    ASSIGN_OR_RETURN(bool exists, AuditTableExists(c));
    if (!exists) {
      return MissingTableError();
    }
    AuditVerifyReport report;
    ASSIGN_OR_RETURN(Statement rows, c.Prepare(kSelectChain));
    int64_t expected_id = 1;
    std::string prev_hash;  // the stored hash of the previous row
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, rows.Step());
      if (!has_row) {
        break;
      }
      AuditEntry e = EntryFromRow(rows);
      ++report.rows_checked;
      std::string problem;
      if (e.id > expected_id) {
        problem = "thiếu hàng trước (đã bị xoá?)";
      } else if (e.id < expected_id) {
        problem = "số thứ tự không hợp lệ (chuỗi phải bắt đầu từ hàng 1)";
      } else if (e.prev_hash != prev_hash) {
        problem = "mã băm của hàng trước không khớp";
      } else if (e.hash != AuditRowHash(e)) {
        problem = "mã băm không khớp (nội dung đã bị sửa)";
      }
      if (!problem.empty()) {
        report.first_broken_id = e.id;
        report.problem = RowLabel(e.id) + problem;
        break;
      }
      prev_hash = std::move(e.hash);
      report.last_hash = prev_hash;
      ++expected_id;
    }
    return report;
  });
}

Result<std::vector<AuditEntry>> ListAudit(Database& db, CommuneId commune, int limit) {
  if (limit < 1 || limit > kMaxListLimit) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Số mục nhật ký cần lấy phải từ 1 đến " + std::to_string(kMaxListLimit));
  }
  return db.Read<std::vector<AuditEntry>>(
      [commune, limit](Connection& c) -> Result<std::vector<AuditEntry>> {
        ASSIGN_OR_RETURN(bool exists, AuditTableExists(c));
        if (!exists) {
          return MissingTableError();
        }
        ASSIGN_OR_RETURN(Statement rows, c.Prepare(kSelectByCommune));
        rows.Bind(1, commune.value).Bind(2, limit);
        std::vector<AuditEntry> out;
        while (true) {
          ASSIGN_OR_RETURN(bool has_row, rows.Step());
          if (!has_row) {
            break;
          }
          out.push_back(EntryFromRow(rows));
        }
        return out;
      });
}

Status ForEachAuditOf(Connection& c, CommuneId commune,
                      const std::function<Status(const AuditEntry&)>& fn) {
  ASSIGN_OR_RETURN(Statement rows, c.Prepare(kSelectCommuneChain));
  rows.Bind(1, commune.value);
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) return OkStatus();
    RETURN_IF_ERROR(fn(EntryFromRow(rows)));
  }
}

}  // namespace doithoai::sql
