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
  Result<std::vector<Petition>> stored =
      file.problems.empty()
          ? app.petitions().SubmitMany(*commune, inputs, lines, ctx)
          : Result<std::vector<Petition>>(MakeError(ErrorCode::kInvalidArgument, ""));
  if (!file.problems.empty() || !stored.ok()) {
    // Every bad row, from the file's structure and from the content checks,
    // in line order; nothing was stored.
    Error error = MakeError(ErrorCode::kInvalidArgument, "");
    std::vector<std::pair<int, std::string>> bad;
    for (const import::PetitionImportProblem& p : file.problems)
      bad.emplace_back(p.line, p.message);
    if (file.problems.empty()) {
      if (stored.error().fields.empty()) return stored.error();
      for (const FieldError& f : stored.error().fields) {
        const int line = f.field.starts_with("row") ? std::atoi(f.field.c_str() + 3) : 0;
        std::string message = f.message;
        const std::string prefix = "Dòng " + std::to_string(line) + ": ";
        if (message.starts_with(prefix)) message = message.substr(prefix.size());
        bad.emplace_back(line, message);
      }
    }
    std::sort(bad.begin(), bad.end());
    for (const auto& [line, message] : bad) {
      error.fields.push_back(FieldError{"dòng " + std::to_string(line), message});
    }
    error.message = "Không nhập đơn nào: " + std::to_string(bad.size()) +
                    " dòng chưa hợp lệ. Sửa các dòng dưới đây rồi nhập lại cả tệp.";
    return error;
  }
  std::string summary = "Đã nhập " + std::to_string(stored->size()) + " đơn:";
  for (size_t i = 0; i < stored->size(); ++i) {
    summary += (i == 0 ? " " : ", ") + (*stored)[i].code;
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
