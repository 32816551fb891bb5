// FileAttachmentStore: the AttachmentStore port on a directory tree. Bytes
// are stored by content address: root/ab/cd/<sha256 hex> where "ab" and "cd"
// are the first four hex digits, so no directory grows past 65 536 entries.
// A denunciation's attachments (CONF-04) are sealed by the IdentityVault
// before hashing, so the disk only ever holds ciphertext for them; note that
// sealing uses a random nonce, so sealing the same plaintext twice stores two
// objects under two hashes (idempotency holds per stored byte string).
// Writes are durable when Put returns: temporary file in the same directory,
// fsync, rename, fsync of the directory (and of parents of directories it
// creates). Files and directories are private (0600 / 0700). Thread-safe and
// safe across processes (the rename is atomic, the content of a hash is
// fixed).
#ifndef DOITHOAI_ADAPTERS_STORAGE_FILES_FILE_ATTACHMENT_STORE_H_
#define DOITHOAI_ADAPTERS_STORAGE_FILES_FILE_ATTACHMENT_STORE_H_

#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/petitions/petition_ports.h"

namespace doithoai::files {

class FileAttachmentStore : public AttachmentStore {
 public:
  // `root` is created (one level, mode 0700) on the first Put if missing;
  // `vault` must outlive the store.
  FileAttachmentStore(std::string root, IdentityVault& vault);

  // The hex SHA-256 (libsodium crypto_hash_sha256) of the stored bytes.
  // kUnavailable (Vietnamese) when the disk refuses (full, permissions);
  // errors of the vault are passed on.
  Result<std::string> Put(std::string_view bytes, bool seal) override;
  // kInvalidArgument unless `hash` is 64 lowercase hex digits (nothing else
  // ever reaches the file system: no "..", no "/"); kNotFound when absent;
  // kInternal when the file's content no longer matches its hash (disk
  // corruption or tampering) or, for `sealed`, cannot be opened;
  // kUnavailable when it cannot be read.
  Result<std::string> Get(std::string_view hash, bool sealed) override;

  // The path a hash is stored at (for tests and diagnostics); `hash` must be
  // valid.
  std::string PathOf(std::string_view hash) const;

 private:
  std::string root_;
  IdentityVault& vault_;
  bool sodium_ready_;
};

}  // namespace doithoai::files

#endif  // DOITHOAI_ADAPTERS_STORAGE_FILES_FILE_ATTACHMENT_STORE_H_
