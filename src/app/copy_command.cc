#include "app/copy_command.h"

#include <cstdio>
#include <memory>

#include "adapters/crypto/sodium_identity_vault.h"
#include "adapters/storage/files/file_attachment_store.h"
#include "adapters/storage/open_database.h"
#include "adapters/storage/sql/commune_copy.h"
#include "adapters/storage/sql/copy.h"
#include "adapters/system/system_clock.h"
#include "app/commands.h"

namespace doithoai::app {

namespace {

void PrintTable(const sql::TableCopy& t) {
  std::printf("  %-24s %8lld dòng  tổng kiểm %.16s…%s\n", t.table.c_str(),
              static_cast<long long>(t.rows), t.checksum.c_str(),
              t.skipped ? "  (đã chép ở lần trước)" : "");
  std::fflush(stdout);
}

int CopyWholeDatabase(sql::Database& source, sql::Database& target) {
  Result<sql::CopyReport> report = sql::CopyDatabase(source, target, PrintTable);
  if (!report.ok()) {
    const int code = Fail(report.error());
    std::fprintf(stderr, "Các bảng đã chép xong được giữ lại; chạy lại cùng lệnh để tiếp tục.\n");
    return code;
  }
  std::printf(
      "Xong: %zu bảng khớp số dòng và tổng kiểm; đã dựng lại chỉ mục tìm kiếm (%lld đơn).\n",
      report->tables.size(), static_cast<long long>(report->search_rows));
  return 0;
}

Result<sql::CommuneCopyReport> CopyOneCommune(const CopyArgs& args, sql::Database& source,
                                              sql::Database& target) {
  // CONF-01: each database's own sealing key, as `serve` would load it.
  ASSIGN_OR_RETURN(std::string from_key, LoadSecretKey(args.from, args.from_key));
  ASSIGN_OR_RETURN(std::string to_key, LoadSecretKey(args.to, args.to_key));
  ASSIGN_OR_RETURN(auto from_vault, crypto::SodiumIdentityVault::FromKey(from_key));
  std::unique_ptr<crypto::SodiumIdentityVault> to_vault;
  if (to_key != from_key) {
    ASSIGN_OR_RETURN(to_vault, crypto::SodiumIdentityVault::FromKey(to_key));
  }
  IdentityVault& to_seal = to_vault ? *to_vault : *from_vault;
  files::FileAttachmentStore from_files(args.from_files.empty()
                                            ? storage::SidecarBase(source.Describe()) + ".files"
                                            : args.from_files,
                                        *from_vault);
  files::FileAttachmentStore to_files(
      args.to_files.empty() ? storage::SidecarBase(target.Describe()) + ".files" : args.to_files,
      to_seal);
  SystemClock clock;
  sql::CommuneCopyOptions options;
  options.slug = args.commune;
  options.from_vault = from_vault.get();
  options.to_vault = &to_seal;
  options.from_files = &from_files;
  options.to_files = &to_files;
  options.audit = CliAuditContext(clock);
  return sql::CopyCommune(source, target, options, PrintTable);
}

}  // namespace

int RunCopy(const CopyArgs& args) {
  auto source = OpenExisting(args.from);
  if (!source.ok()) return Fail(source.error());
  auto target = storage::OpenDatabase(args.to);
  if (!target.ok()) return Fail(target.error());
  Result<int> migrated = (*target)->Migrate();
  if (!migrated.ok()) return Fail(migrated.error());
  std::printf("Sao chép %s từ %s sang %s\n",
              args.commune.empty() ? "toàn bộ dữ liệu" : ("xã " + args.commune).c_str(),
              (*source)->Describe().c_str(), (*target)->Describe().c_str());
  if (args.commune.empty()) return CopyWholeDatabase(**source, **target);
  Result<sql::CommuneCopyReport> report = CopyOneCommune(args, **source, **target);
  if (!report.ok()) {
    const int code = Fail(report.error());
    std::fprintf(stderr, "Chưa chép gì vào đích; sửa lỗi rồi chạy lại cùng lệnh.\n");
    return code;
  }
  if (report->skipped) {
    std::printf("Xã %s đã được chép ở lần trước và nguồn không đổi; không làm gì thêm.\n",
                args.commune.c_str());
    return 0;
  }
  std::printf(
      "Xong: xã %s (mã %lld ở nguồn, %lld ở đích): %zu bảng khớp số dòng và tổng kiểm; "
      "%lld đơn được mã hóa lại (danh tính tố cáo, số điện thoại tra cứu) bằng khóa của đích, "
      "%lld tệp đính kèm, %lld đơn đưa vào chỉ "
      "mục tìm kiếm.\n",
      args.commune.c_str(), static_cast<long long>(report->source_id),
      static_cast<long long>(report->target_id), report->tables.size(),
      static_cast<long long>(report->resealed), static_cast<long long>(report->attachments),
      static_cast<long long>(report->search_rows));
  return 0;
}

}  // namespace doithoai::app
