// `doithoai petitions import`: loads a village head's list of petitions from
// a .csv or .xlsx file (issue #5 §2) with the header
// name,phone,village,address,text,channel,field. All or nothing: every row is
// checked first; with any bad row nothing is stored and each bad row is
// printed with its reason.
#ifndef DOITHOAI_APP_PETITION_COMMAND_H_
#define DOITHOAI_APP_PETITION_COMMAND_H_

#include <string>

namespace doithoai::app {

struct PetitionImportArgs {
  std::string db_path = "var/doithoai.db";
  std::string commune_slug;
  std::string file_path;
  std::string secret_key_file;  // empty = "<db>.key"
};

// Prints "Đã nhập N đơn: HT-26-0001-X, …" on stdout and returns 0, or
// "Lỗi: …" and one line per bad row ("  dòng 5: …") on stderr and returns 1.
int RunPetitionImport(const PetitionImportArgs& args);

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_PETITION_COMMAND_H_
