// doithoai: the commune dialogue-conference and petition server.
// Subcommands: serve, init, migrate, copy, citus-sql, backup, user, commune, units, petitions,
// audit, eval, jobs, demo-logins, version. Every flag can also be set with a DOITHOAI_* environment
// variable; flags win. Help and errors are in Vietnamese.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "adapters/storage/postgres/tenancy.h"
#include "app/audit_command.h"
#include "app/commands.h"
#include "app/config.h"
#include "app/copy_command.h"
#include "app/eval_command.h"
#include "app/petition_command.h"
#include "app/roster_command.h"
#include "app/units_command.h"
#include "app/user_commands.h"

namespace {

constexpr char kHelp[] = "In hướng dẫn sử dụng rồi thoát";

void VietnameseHelp(CLI::App& cli) {
  auto formatter = cli.get_formatter();
  formatter->label("Usage", "Cách dùng");
  formatter->label("OPTIONS", "TÙY CHỌN");
  formatter->label("SUBCOMMAND", "LỆNH");
  formatter->label("SUBCOMMANDS", "LỆNH");
  formatter->label("REQUIRED", "(bắt buộc)");
  formatter->label("Env", "biến môi trường");
  formatter->label("Positionals", "Tham số");
  cli.option_defaults()->group("Tùy chọn");
  cli.set_help_flag("-h,--help", kHelp);
}

CLI::App* Command(CLI::App& parent, const char* name, const char* description) {
  CLI::App* sub = parent.add_subcommand(name, description);
  sub->group("Lệnh");
  sub->set_help_flag("-h,--help", kHelp);
  return sub;
}

void AddDb(CLI::App* sub, std::string& db) {
  sub->add_option("--db", db,
                  "Tệp cơ sở dữ liệu SQLite, hoặc postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL")
      ->envname("DOITHOAI_DB")
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace doithoai::app;  // NOLINT(google-build-using-namespace): main only
  CLI::App cli{"doithoai – hệ thống tiếp xúc, đối thoại và theo dõi kiến nghị của Nhân dân"};
  cli.require_subcommand(1);
  VietnameseHelp(cli);

  ServeConfig serve_config;
  CLI::App* serve = Command(cli, "serve", "Chạy máy chủ web");
  AddDb(serve, serve_config.db_path);
  serve
      ->add_option("--listen", serve_config.listen,
                   "Địa chỉ lắng nghe HOST:CỔNG (cổng 0 = tự chọn)")
      ->envname("DOITHOAI_LISTEN")
      ->capture_default_str();
  serve
      ->add_option("--threads", serve_config.threads,
                   "Số luồng xử lý (0 = bằng số lõi CPU; với PostgreSQL gấp đôi, ít nhất 4)")
      ->envname("DOITHOAI_THREADS")
      ->capture_default_str();
  serve->add_flag("--pg-parallel-writers", serve_config.pg_parallel_writers,
                  "PostgreSQL: cho các giao dịch ghi chạy song song và chạy lại khi xung đột, "
                  "thay vì xếp hàng (chỉ dùng để đo đạc)");
  serve
      ->add_option("--idle-timeout", serve_config.idle_timeout_seconds,
                   "Đóng kết nối không hoạt động sau số giây này")
      ->envname("DOITHOAI_IDLE_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxy", serve_config.trusted_proxies,
                   "Địa chỉ IP của nginx phía trước; khi đó X-Forwarded-For là địa chỉ người dùng "
                   "(dùng cho giới hạn tần suất)")
      ->envname("DOITHOAI_TRUSTED_PROXY");
  serve
      ->add_flag("--secure-cookies", serve_config.secure_cookies,
                 "Cookie chỉ gửi qua HTTPS (khi chạy sau nginx có TLS)")
      ->envname("DOITHOAI_SECURE_COOKIES");
  serve
      ->add_option("--public-url", serve_config.public_url,
                   "Địa chỉ người dân truy cập (in trong mã QR của giấy mời), ví dụ "
                   "https://doithoai.hoangtruong.gov.vn")
      ->envname("DOITHOAI_PUBLIC_URL");
  serve
      ->add_option("--public-rate-limit", serve_config.public_rate_limit,
                   "Số đơn người dân được gửi mỗi phút từ một địa chỉ (0 = không giới hạn)")
      ->envname("DOITHOAI_PUBLIC_RATE_LIMIT")
      ->capture_default_str();
  serve
      ->add_option("--secret-key-file", serve_config.secret_key_file,
                   "Tệp khóa niêm phong danh tính người tố cáo (mặc định: <db>.key)")
      ->envname("DOITHOAI_SECRET_KEY_FILE");
  serve
      ->add_option("--notify", serve_config.notify,
                   "Kênh gửi thông báo (lặp lại được): log=ĐƯỜNG_DẪN, webhook=URL, "
                   "smtp=smtp://máy:cổng?from=địa_chỉ&user=…&password=…")
      ->envname("DOITHOAI_NOTIFY");
  serve
      ->add_option("--notify-secret-file", serve_config.notify_secret_file,
                   "Tệp khóa ký HMAC của webhook (mặc định <db>.notify-secret)")
      ->envname("DOITHOAI_NOTIFY_SECRET_FILE");
  serve
      ->add_option("--worker-interval", serve_config.worker_interval_seconds,
                   "Chu kỳ chạy việc nền (giây)")
      ->envname("DOITHOAI_WORKER_INTERVAL")
      ->check(CLI::Range(1u, 3600u))
      ->capture_default_str();
  serve
      ->add_option("--files-dir", serve_config.files_dir,
                   "Thư mục lưu tệp đính kèm (mặc định: <db>.files)")
      ->envname("DOITHOAI_FILES_DIR");

  std::string db = "var/doithoai.db";
  bool init_demo = false;
  CLI::App* init = Command(cli, "init", "Tạo hoặc nâng cấp cơ sở dữ liệu");
  AddDb(init, db);
  bool init_rehearsal = false;
  init->add_flag("--demo", init_demo,
                 "Thêm xã mẫu Hoằng Trường, tài khoản mẫu và hội nghị năm 2023 đã tổ chức");
  init->add_flag(
      "--demo-rehearsal", init_rehearsal,
      "Cùng --demo: để hội nghị năm 2023 ở trạng thái kế hoạch, để tập dượt ngày hội nghị");

  CLI::App* migrate = Command(cli, "migrate", "Nâng cấp lược đồ cơ sở dữ liệu");
  AddDb(migrate, db);

  CopyArgs copy_args;
  CLI::App* copy = Command(cli, "copy",
                           "Sao chép dữ liệu sang cơ sở dữ liệu khác (SQLite ↔ PostgreSQL): toàn "
                           "bộ, hoặc một xã với --commune");
  copy->add_option("--from", copy_args.from, "Nguồn: sqlite:ĐƯỜNG_DẪN hoặc postgresql://…")
      ->required();
  copy->add_option("--to", copy_args.to,
                   "Đích (sẽ được migrate): sqlite:ĐƯỜNG_DẪN hoặc postgresql://…")
      ->required();
  copy->add_option("--commune", copy_args.commune,
                   "Chỉ chép một xã (mã định danh, vd. hoang-truong) vào đích đã có các xã khác");
  copy->add_option("--from-key", copy_args.from_key,
                   "Tệp khóa niêm phong của nguồn (mặc định: cạnh cơ sở dữ liệu nguồn)");
  copy->add_option("--to-key", copy_args.to_key,
                   "Tệp khóa niêm phong của đích (mặc định: cạnh cơ sở dữ liệu đích)");
  copy->add_option("--from-files", copy_args.from_files,
                   "Thư mục tệp đính kèm của nguồn (mặc định: cạnh cơ sở dữ liệu nguồn)");
  copy->add_option("--to-files", copy_args.to_files,
                   "Thư mục tệp đính kèm của đích (mặc định: cạnh cơ sở dữ liệu đích)");

  CLI::App* citus_sql = Command(
      cli, "citus-sql",
      "In câu lệnh SQL phân tán lược đồ PostgreSQL theo xã bằng Citus (xem docs/deploying.md)");

  std::string backup_out;
  CLI::App* backup = Command(cli, "backup", "Sao lưu cơ sở dữ liệu khi đang chạy");
  AddDb(backup, db);
  backup->add_option("--out", backup_out, "Tệp sao lưu sẽ tạo")->required();

  CLI::App* user = Command(cli, "user", "Quản lý tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  user->require_subcommand(1);
  UserAddArgs add_args;
  CLI::App* user_add = Command(*user, "add", "Tạo tài khoản");
  add_args.db_path = db;
  AddDb(user_add, add_args.db_path);
  user_add->add_option("--commune", add_args.commune_slug, "Mã đường dẫn của xã");
  user_add->add_option("--username", add_args.username, "Tên đăng nhập")->required();
  user_add->add_option("--role", add_args.role, "Vai trò (system_admin, commune_admin, …)")
      ->required();
  user_add->add_option("--grant", add_args.grants, "Quyền bổ sung: denunciation_handler");
  user_add->add_option("--name", add_args.display_name, "Họ và tên");
  user_add->add_option("--village", add_args.village, "Thôn (cho trưởng thôn)");
  user_add->add_option("--unit", add_args.unit, "Bộ phận (cho công chức bộ phận)");
  user_add->add_option("--province-code", add_args.province_code, "Mã tỉnh (cho cấp tỉnh)");
  std::string username;
  std::string commune_slug;
  CLI::App* user_passwd = Command(*user, "passwd", "Đặt lại mật khẩu");
  AddDb(user_passwd, db);
  user_passwd->add_option("--username", username, "Tên đăng nhập")->required();
  CLI::App* user_list = Command(*user, "list", "Liệt kê tài khoản");
  AddDb(user_list, db);
  user_list->add_option("--commune", commune_slug, "Chỉ các tài khoản của xã này");
  CLI::App* user_disable = Command(*user, "disable", "Khóa tài khoản và kết thúc mọi phiên");
  AddDb(user_disable, db);
  user_disable->add_option("--username", username, "Tên đăng nhập")->required();
  CLI::App* user_enable = Command(*user, "enable", "Mở khóa tài khoản");
  AddDb(user_enable, db);
  user_enable->add_option("--username", username, "Tên đăng nhập")->required();

  CLI::App* commune = Command(cli, "commune", "Quản lý xã, phường");
  commune->require_subcommand(1);
  CommuneAddArgs commune_args;
  CLI::App* commune_add = Command(*commune, "add", "Thêm xã, phường, đặc khu");
  commune_args.db_path = db;
  AddDb(commune_add, commune_args.db_path);
  commune_add->add_option("--slug", commune_args.slug, "Mã đường dẫn, ví dụ hoang-truong")
      ->required();
  commune_add->add_option("--name", commune_args.name, "Tên, ví dụ \"Xã Hoằng Trường\"")
      ->required();
  commune_add->add_option("--unit-code", commune_args.unit_code, "Mã đơn vị hành chính (5 số)")
      ->required();
  commune_add->add_option("--province", commune_args.province_name, "Tên tỉnh");
  commune_add->add_flag("--remote-area", commune_args.remote_area, "Xã vùng sâu, vùng xa");

  CLI::App* units = Command(cli, "units", "Danh mục đơn vị hành chính (tỉnh, xã)");
  units->require_subcommand(1);
  std::string units_file;
  CLI::App* units_import = Command(*units, "import", "Nhập bản danh mục CSV có ghi ngày hiệu lực");
  AddDb(units_import, db);
  units_import
      ->add_option("file", units_file,
                   "Tệp CSV: code,name,type,parent_code,valid_from,legal_source")
      ->required();

  std::string roster_slug;
  std::string roster_file;
  CLI::App* commune_import =
      Command(*commune, "import", "Nhập danh sách thôn hoặc cán bộ từ tệp .xlsx hoặc .csv");
  AddDb(commune_import, db);
  commune_import->add_option("--commune", roster_slug, "Mã đường dẫn của xã")->required();
  commune_import->add_option("file", roster_file, "Tệp .xlsx hoặc .csv; dòng đầu là tiêu đề cột")
      ->required();

  CLI::App* petitions = Command(cli, "petitions", "Đơn, kiến nghị, phản ánh của người dân");
  petitions->require_subcommand(1);
  PetitionImportArgs petition_import_args;
  CLI::App* petitions_import = Command(
      *petitions, "import", "Nhập danh sách kiến nghị của trưởng thôn từ tệp .csv hoặc .xlsx");
  AddDb(petitions_import, petition_import_args.db_path);
  petitions_import
      ->add_option("--commune", petition_import_args.commune_slug, "Mã đường dẫn của xã")
      ->required();
  petitions_import
      ->add_option("--secret-key-file", petition_import_args.secret_key_file,
                   "Tệp khóa niêm phong danh tính người tố cáo (mặc định: <db>.key)")
      ->envname("DOITHOAI_SECRET_KEY_FILE");
  petitions_import
      ->add_option("file", petition_import_args.file_path,
                   "Tệp .csv hoặc .xlsx, tiêu đề: name,phone,village,address,text,channel,field")
      ->required();

  CLI::App* audit = Command(cli, "audit", "Nhật ký kiểm toán");
  audit->require_subcommand(1);
  CLI::App* audit_verify = Command(*audit, "verify", "Kiểm tra chuỗi băm của nhật ký");
  AddDb(audit_verify, db);

  CLI::App* eval = Command(cli, "eval", "Đo chất lượng gợi ý và phát hiện đơn trùng");
  eval->require_subcommand(1);
  std::string eval_file;
  CLI::App* eval_suggestions =
      Command(*eval, "suggestions",
              "Độ chính xác gợi ý lĩnh vực, bộ phận; độ chính xác phát hiện đơn trùng");
  eval_suggestions->add_option("file", eval_file, "Tệp JSON Lines có nhãn (xem eval/README.md)")
      ->required();

  ServeConfig jobs_config;
  CLI::App* jobs = Command(cli, "jobs", "Việc nền: nhắc hạn, gửi thông báo");
  jobs->require_subcommand(1);
  CLI::App* jobs_run =
      Command(*jobs, "run", "Chạy một lượt các việc nền đến hạn rồi thoát (dùng với cron)");
  AddDb(jobs_run, jobs_config.db_path);
  jobs_run->add_option("--notify", jobs_config.notify, "Kênh gửi thông báo, như lệnh serve")
      ->envname("DOITHOAI_NOTIFY");
  jobs_run
      ->add_option("--notify-secret-file", jobs_config.notify_secret_file,
                   "Tệp khóa ký HMAC của webhook (mặc định <db>.notify-secret)")
      ->envname("DOITHOAI_NOTIFY_SECRET_FILE");
  jobs_run->add_option("--public-url", jobs_config.public_url, "Địa chỉ công khai của máy chủ")
      ->envname("DOITHOAI_PUBLIC_URL");
  jobs_run
      ->add_option("--secret-key-file", jobs_config.secret_key_file,
                   "Tệp khóa niêm phong danh tính người tố cáo (mặc định: <db>.key)")
      ->envname("DOITHOAI_SECRET_KEY_FILE");

  CLI::App* demo_logins = Command(cli, "demo-logins", "In các tài khoản mẫu");
  CLI::App* version = Command(cli, "version", "In phiên bản");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11's own text is English: keep it as the detail of a Vietnamese line.
    std::fprintf(stderr, "Lỗi: tham số dòng lệnh không hợp lệ (%s). Xem: doithoai --help\n",
                 e.what());
    return 2;
  }
  if (*serve) return RunServe(serve_config);
  if (*init) {
    if (init_rehearsal && !init_demo) {
      std::fprintf(stderr, "Lỗi: --demo-rehearsal chỉ dùng cùng --demo.\n");
      return 2;
    }
    return RunInit(db, !init_demo       ? DemoMode::kNone
                       : init_rehearsal ? DemoMode::kRehearsal
                                        : DemoMode::kHeld);
  }
  if (*migrate) return RunMigrate(db);
  if (*copy) return RunCopy(copy_args);
  if (*citus_sql) {
    std::cout << doithoai::postgres::CitusDistributionSql();
    return 0;
  }
  if (*backup) return RunBackup(db, backup_out);
  if (*user_add) return RunUserAdd(add_args);
  if (*user_passwd) return RunUserPasswd(db, username);
  if (*user_list) return RunUserList(db, commune_slug);
  if (*user_disable) return RunUserSetDisabled(db, username, true);
  if (*user_enable) return RunUserSetDisabled(db, username, false);
  if (*commune_add) return RunCommuneAdd(commune_args);
  if (*commune_import) return RunRosterImport(db, roster_slug, roster_file);
  if (*units_import) return RunUnitsImport(db, units_file);
  if (*petitions_import) return RunPetitionImport(petition_import_args);
  if (*audit_verify) return RunAuditVerify(db);
  if (*demo_logins) return RunDemoLogins();
  if (*eval_suggestions) return RunEvalSuggestions(eval_file, std::cout, std::cerr);
  if (*jobs_run) return RunJobs(jobs_config);
  if (*version) {
    std::printf("doithoai %s\n", DOITHOAI_VERSION);
    return 0;
  }
  return 1;
}
