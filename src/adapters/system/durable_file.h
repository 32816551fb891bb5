// Durable file writes for the adapters that keep files of their own (the
// identity vault's key file, the attachment store): a file is written under
// a temporary name, synced, then put in place whole, so that a reader or a
// crash never sees part of it. POSIX only; errors are errno values (0: none).
#ifndef DOITHOAI_ADAPTERS_SYSTEM_DURABLE_FILE_H_
#define DOITHOAI_ADAPTERS_SYSTEM_DURABLE_FILE_H_

#include <string>
#include <string_view>

namespace doithoai::durable {

// Closes a file descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd();
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // close(2) and its result (for a file just written: its error matters).
  int Close();

 private:
  int fd_;
};

// The directory part of `path`: "." when it has none, "/" for a file at the
// root.
std::string ParentDirectory(const std::string& path);

// Writes all of `data` to `fd`, retrying on EINTR; false with errno set
// (EIO when write(2) wrote nothing) otherwise.
bool WriteAll(int fd, std::string_view data);

// fsync(2) of the directory `dir`, which makes the names in it durable.
// errno, or 0.
int SyncDirectory(const std::string& dir);

// How WriteFile puts the finished file at its path.
enum class Placement {
  // rename(2): replaces an existing file atomically (a reader sees the old
  // file or the whole new one).
  kReplace,
  // link(2): never replaces; EEXIST when the path exists (of two processes
  // creating the file at once, exactly one wins).
  kCreateOnly,
};

// Writes `data` to a new temporary file (mode exactly 0600) in the directory
// of `path`, fsyncs and closes it, then puts it at `path` as `placement`
// says; the temporary name never remains. The directory is not synced: call
// SyncDirectory(ParentDirectory(path)) to make the new name durable. errno,
// or 0.
int WriteFile(const std::string& path, std::string_view data, Placement placement);

}  // namespace doithoai::durable

#endif  // DOITHOAI_ADAPTERS_SYSTEM_DURABLE_FILE_H_
