// doithoai: the commune dialogue-conference and petition server.
// Subcommands: serve, init, migrate, backup, version. Every flag can also be
// set with a DOITHOAI_* environment variable; flags win.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "app/config.h"

int main(int argc, char** argv) {
  using doithoai::app::ServeConfig;
  CLI::App cli{"doithoai – hệ thống tiếp xúc, đối thoại và theo dõi kiến nghị của Nhân dân"};
  cli.require_subcommand(1);
  // Help and parse errors speak Vietnamese, like every other message.
  auto formatter = cli.get_formatter();
  formatter->label("Usage", "Cách dùng");
  formatter->label("OPTIONS", "TÙY CHỌN");
  formatter->label("SUBCOMMAND", "LỆNH");
  formatter->label("SUBCOMMANDS", "LỆNH");
  formatter->label("REQUIRED", "(bắt buộc)");
  formatter->label("Env", "biến môi trường");
  formatter->label("Positionals", "Tham số");
  cli.option_defaults()->group("Tùy chọn");
  cli.set_help_flag("-h,--help", "In hướng dẫn sử dụng rồi thoát");

  ServeConfig serve_config;
  CLI::App* serve = cli.add_subcommand("serve", "Chạy máy chủ web");
  serve->add_option("--db", serve_config.db_path, "Tệp cơ sở dữ liệu SQLite")
      ->envname("DOITHOAI_DB")
      ->capture_default_str();
  serve
      ->add_option("--listen", serve_config.listen,
                   "Địa chỉ lắng nghe HOST:CỔNG (cổng 0 = tự chọn)")
      ->envname("DOITHOAI_LISTEN")
      ->capture_default_str();
  serve->add_option("--threads", serve_config.threads, "Số luồng xử lý (0 = bằng số lõi CPU)")
      ->envname("DOITHOAI_THREADS")
      ->capture_default_str();
  serve
      ->add_option("--idle-timeout", serve_config.idle_timeout_seconds,
                   "Đóng kết nối không hoạt động sau số giây này")
      ->envname("DOITHOAI_IDLE_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();

  std::string init_db = "var/doithoai.db";
  bool init_demo = false;
  CLI::App* init = cli.add_subcommand("init", "Tạo hoặc nâng cấp cơ sở dữ liệu");
  init->add_option("--db", init_db, "Tệp cơ sở dữ liệu SQLite")
      ->envname("DOITHOAI_DB")
      ->capture_default_str();
  init->add_flag("--demo", init_demo, "Thêm xã mẫu Hoằng Trường");

  std::string migrate_db = "var/doithoai.db";
  CLI::App* migrate = cli.add_subcommand("migrate", "Nâng cấp lược đồ cơ sở dữ liệu");
  migrate->add_option("--db", migrate_db, "Tệp cơ sở dữ liệu SQLite")
      ->envname("DOITHOAI_DB")
      ->capture_default_str();

  std::string backup_db = "var/doithoai.db";
  std::string backup_out;
  CLI::App* backup = cli.add_subcommand("backup", "Sao lưu cơ sở dữ liệu khi đang chạy");
  backup->add_option("--db", backup_db, "Tệp cơ sở dữ liệu SQLite")
      ->envname("DOITHOAI_DB")
      ->capture_default_str();
  backup->add_option("--out", backup_out, "Tệp sao lưu sẽ tạo")->required();

  CLI::App* version = cli.add_subcommand("version", "In phiên bản");

  for (CLI::App* sub : {serve, init, migrate, backup, version}) {
    sub->group("Lệnh");
    sub->set_help_flag("-h,--help", "In hướng dẫn sử dụng rồi thoát");
  }
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
  if (*serve) return doithoai::app::RunServe(serve_config);
  if (*init) return doithoai::app::RunInit(init_db, init_demo);
  if (*migrate) return doithoai::app::RunMigrate(migrate_db);
  if (*backup) return doithoai::app::RunBackup(backup_db, backup_out);
  if (*version) {
    std::printf("doithoai %s\n", DOITHOAI_VERSION);
    return 0;
  }
  return 1;
}
