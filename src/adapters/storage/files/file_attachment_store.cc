#include "adapters/storage/files/file_attachment_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "adapters/system/durable_file.h"

namespace doithoai::files {

namespace {

constexpr size_t kHashHexChars = crypto_hash_sha256_BYTES * 2;

using durable::Fd;

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[kHashHexChars + 1];
  sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
  return std::string(hex, kHashHexChars);
}

bool IsValidHash(std::string_view hash) {
  if (hash.size() != kHashHexChars) {
    return false;
  }
  for (char c : hash) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

Error WriteFailed(int error) {
  return MakeError(ErrorCode::kUnavailable, std::string("Không lưu được tệp đính kèm (") +
                                                std::strerror(error) + "). Vui lòng thử lại.");
}

Error ReadFailed(int error) {
  return MakeError(ErrorCode::kUnavailable, std::string("Không đọc được tệp đính kèm (") +
                                                std::strerror(error) + "). Vui lòng thử lại.");
}

// Makes `dir` (whose parent is `parent`) exist; a directory it creates is
// made durable by syncing `parent`. errno or 0.
int EnsureDirectory(const std::string& parent, const std::string& dir) {
  if (mkdir(dir.c_str(), 0700) == 0) {
    return durable::SyncDirectory(parent);
  }
  if (errno != EEXIST) {
    return errno;
  }
  struct stat st {};
  if (stat(dir.c_str(), &st) != 0) {
    return errno;
  }
  return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

}  // namespace

FileAttachmentStore::FileAttachmentStore(std::string root, IdentityVault& vault)
    : root_(std::move(root)), vault_(vault), sodium_ready_(sodium_init() >= 0) {
  while (root_.size() > 1 && root_.back() == '/') {
    root_.pop_back();
  }
}

std::string FileAttachmentStore::PathOf(std::string_view hash) const {
  std::string h(hash);
  return root_ + "/" + h.substr(0, 2) + "/" + h.substr(2, 2) + "/" + h;
}

Result<std::string> FileAttachmentStore::Put(std::string_view bytes, bool seal) {
  if (!sodium_ready_) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  std::string sealed;
  if (seal) {
    ASSIGN_OR_RETURN(sealed, vault_.Seal(bytes));  // CONF-04
    bytes = sealed;
  }
  const std::string hash = Sha256Hex(bytes);
  const std::string path = PathOf(hash);
  // Idempotent: a file under this name has exactly these bytes, because it
  // was renamed into place whole. A size mismatch (a disk that lost data)
  // falls through and writes it again.
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) == bytes.size()) {
    return hash;
  }
  const std::string level1 = root_ + "/" + hash.substr(0, 2);
  const std::string level2 = level1 + "/" + hash.substr(2, 2);
  for (const auto& [parent, dir] : {std::pair{durable::ParentDirectory(root_), root_},
                                    std::pair{root_, level1}, std::pair{level1, level2}}) {
    if (int error = EnsureDirectory(parent, dir); error != 0) {
      return WriteFailed(error);
    }
  }
  // Replaced atomically: a reader sees the old file or the whole new one.
  if (int error = durable::WriteFile(path, bytes, durable::Placement::kReplace); error != 0) {
    return WriteFailed(error);
  }
  if (int error = durable::SyncDirectory(level2); error != 0) {
    return WriteFailed(error);
  }
  return hash;
}

Result<std::string> FileAttachmentStore::Get(std::string_view hash, bool sealed) {
  if (!IsValidHash(hash)) {
    return MakeError(ErrorCode::kInvalidArgument, "Mã tệp đính kèm không hợp lệ.");
  }
  if (!sodium_ready_) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  Fd fd(open(PathOf(hash).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp đính kèm.");
    }
    return ReadFailed(errno);
  }
  struct stat st {};
  if (fstat(fd.get(), &st) != 0) {
    return ReadFailed(errno);
  }
  std::string stored;
  stored.reserve(static_cast<size_t>(st.st_size));
  char buffer[64 * 1024];
  while (true) {
    ssize_t n = read(fd.get(), buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return ReadFailed(errno);
    }
    if (n == 0) {
      break;
    }
    stored.append(buffer, static_cast<size_t>(n));
  }
  if (Sha256Hex(stored) != hash) {
    return MakeError(ErrorCode::kInternal,
                     "Tệp đính kèm bị hỏng: nội dung trên đĩa không khớp mã kiểm tra.");
  }
  if (sealed) {
    return vault_.Open(stored);
  }
  return stored;
}

}  // namespace doithoai::files
