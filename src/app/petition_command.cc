// `doithoai petitions import` (see petition_command.h). The file is read and
// split into rows before the database is opened, so an unreadable file
// changes nothing.
#include "app/petition_command.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/import/petition_import.h"
#include "adapters/system/system_clock.h"
#include "app/commands.h"
#include "app/wiring.h"

namespace doithoai::app {

namespace {

// A village head's list is tens of rows; anything near this is not one.
constexpr std::uintmax_t kMaxFileBytes = 10 * 1024 * 1024;

Result<std::string> Import(const PetitionImportArgs& args) {
  ASSIGN_OR_RETURN(std::string data,
                   ReadInputFile(args.file_path, kMaxFileBytes, "danh sách kiến nghị"));
  ASSIGN_OR_RETURN(import::PetitionImportFile file,
                   import::ReadPetitionImport(args.file_path, data));
  ASSIGN_OR_RETURN(auto db, OpenExisting(args.db_path));
  RETURN_IF_ERROR(db->Migrate());
  SystemClock clock;
  ASSIGN_OR_RETURN(auto crypto, SodiumCrypto::Create(PasswordHashCost::Interactive()));
  AppOptions options;
  ASSIGN_OR_RETURN(options.secret_key, LoadSecretKey(args.db_path, args.secret_key_file));
  Application app(*db, clock, *crypto, options);
  Result<Commune> commune = app.communes().FindCommuneBySlug(args.commune_slug);
  if (!commune.ok() && commune.error().code == ErrorCode::kNotFound) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Không có xã với mã đường dẫn \"" + args.commune_slug + "\".");
  }
  if (!commune.ok()) return commune.error();

  std::vector<NewPetition> inputs;
  std::vector<int> lines;
  for (import::PetitionImportRow& row : file.rows) {
    lines.push_back(row.line);
    inputs.push_back(std::move(row.petition));
  }
  AuditContext ctx = CliAuditContext(clock);
  ctx.commune = commune->id;
  // Every bad row at once: the file's structural problems and the content
  // checks of every other row (CheckMany stores nothing).
  std::vector<std::pair<int, std::string>> bad;
  auto add = [&bad](int line, std::string message) {
    const std::string prefix = "Dòng " + std::to_string(line) + ": ";
    if (message.starts_with(prefix)) message = message.substr(prefix.size());
    bad.emplace_back(line, std::move(message));
  };
  for (const import::PetitionImportProblem& p : file.problems) add(p.line, p.message);
  Result<std::vector<Petition>> checked = app.petitions().CheckMany(*commune, inputs, lines, ctx);
  if (!checked.ok()) {
    if (checked.error().fields.empty() && !inputs.empty()) return checked.error();
    for (const FieldError& f : checked.error().fields) {
      add(f.field.starts_with("row") ? std::atoi(f.field.c_str() + 3) : 0, f.message);
    }
  }
  if (!bad.empty()) {
    std::sort(bad.begin(), bad.end());
    Error error = MakeError(ErrorCode::kInvalidArgument, "");
    for (const auto& [line, message] : bad) {
      error.fields.push_back(FieldError{"dòng " + std::to_string(line), message});
    }
    error.message = "Không nhập đơn nào: " + std::to_string(bad.size()) +
                    " dòng chưa hợp lệ. Sửa các dòng dưới đây rồi nhập lại cả tệp.";
    return error;
  }
  ASSIGN_OR_RETURN(std::vector<Petition> stored,
                   app.petitions().SubmitMany(*commune, inputs, lines, ctx));
  std::string summary = "Đã nhập " + std::to_string(stored.size()) + " đơn:";
  for (size_t i = 0; i < stored.size(); ++i) {
    summary += (i == 0 ? " " : ", ") + stored[i].code;
  }
  return summary;
}

}  // namespace

int RunPetitionImport(const PetitionImportArgs& args) {
  Result<std::string> summary = Import(args);
  if (!summary.ok()) return Fail(summary.error());
  std::printf("%s\n", summary->c_str());
  return 0;
}

}  // namespace doithoai::app
