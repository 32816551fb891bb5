// Test helpers for adapters that write files: a private temporary directory
// and reading a file back whole.
#ifndef DOITHOAI_ADAPTERS_TESTING_TEMP_DIR_H_
#define DOITHOAI_ADAPTERS_TESTING_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace doithoai::testing {

// A private directory under /tmp ("/tmp/<prefix>_XXXXXX"), removed with its
// content at the end. path() is "" if it could not be made.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix) {
    std::string pattern = "/tmp/" + prefix + "_XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) {
      path_ = pattern;
    }
  }
  ~TempDir() {
    if (!path_.empty()) {
      std::filesystem::remove_all(path_);
    }
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The bytes of the file at `path` ("" if it cannot be read).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace doithoai::testing

#endif  // DOITHOAI_ADAPTERS_TESTING_TEMP_DIR_H_
