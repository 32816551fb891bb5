#include "adapters/system/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

namespace doithoai::durable {

Fd::~Fd() {
  if (fd_ >= 0) {
    close(fd_);
  }
}

int Fd::Close() {
  int fd = fd_;
  fd_ = -1;
  return close(fd);
}

std::string ParentDirectory(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      if (n == 0) {
        errno = EIO;
      }
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

int SyncDirectory(const std::string& dir) {
  Fd fd(open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || fsync(fd.get()) != 0) {
    return errno;
  }
  return 0;
}

int WriteFile(const std::string& path, std::string_view data, Placement placement) {
  std::string pattern = ParentDirectory(path) + "/.tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  Fd fd(mkostemp(name.data(), O_CLOEXEC));  // O_EXCL, mode 0600
  if (fd.get() < 0) {
    return errno;
  }
  const std::string temp = name.data();
  int error = 0;
  // fchmod: the umask may only have removed bits, but make the mode exact.
  if (fchmod(fd.get(), 0600) != 0 || !WriteAll(fd.get(), data) || fsync(fd.get()) != 0) {
    error = errno;
  }
  if (fd.Close() != 0 && error == 0) {
    error = errno;
  }
  if (error == 0) {
    const int placed = placement == Placement::kReplace ? rename(temp.c_str(), path.c_str())
                                                        : link(temp.c_str(), path.c_str());
    if (placed != 0) {
      error = errno;
    }
  }
  // After link(2) the temporary name is a second name of the file; after a
  // failure it is the only one.
  if (error != 0 || placement == Placement::kCreateOnly) {
    unlink(temp.c_str());
  }
  return error;
}

}  // namespace doithoai::durable
