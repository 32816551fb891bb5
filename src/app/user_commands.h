// Account and commune administration from the command line:
//   doithoai user add|passwd|list|disable|enable, doithoai commune add.
// Passwords are read from standard input (never argv, which other users of
// the machine can see in the process list).
#ifndef DOITHOAI_APP_USER_COMMANDS_H_
#define DOITHOAI_APP_USER_COMMANDS_H_

#include <string>
#include <vector>

namespace doithoai::app {

struct UserAddArgs {
  std::string db_path;
  std::string commune_slug;  // required for commune roles
  std::string username;
  std::string role;
  std::vector<std::string> grants;
  std::string display_name;
  std::string village;        // village heads: the village's name
  std::string unit;           // unit officials: the unit's name
  std::string province_code;  // province observers
};

int RunUserAdd(const UserAddArgs& args);
int RunUserPasswd(const std::string& db_path, const std::string& username);
int RunUserList(const std::string& db_path, const std::string& commune_slug);
int RunUserSetDisabled(const std::string& db_path, const std::string& username, bool disabled);

struct CommuneAddArgs {
  std::string db_path;
  std::string slug;
  std::string name;       // "Xã Hoằng Trường", "Phường …", "Đặc khu …"
  std::string unit_code;  // 5 digits (ADC-02)
  std::string province_name;
  bool remote_area = false;
};
int RunCommuneAdd(const CommuneAddArgs& args);

// Prints the demo accounts and their password (for `make run`).
int RunDemoLogins();

}  // namespace doithoai::app

#endif  // DOITHOAI_APP_USER_COMMANDS_H_
