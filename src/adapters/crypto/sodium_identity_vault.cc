#include "adapters/crypto/sodium_identity_vault.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "adapters/system/durable_file.h"

namespace doithoai::crypto {

namespace {

static_assert(crypto_secretbox_xchacha20poly1305_KEYBYTES == kIdentityVaultKeyBytes);
static_assert(crypto_kdf_KEYBYTES == kIdentityVaultKeyBytes);
static_assert(crypto_generichash_BYTES == 32);

constexpr size_t kNonceBytes = crypto_secretbox_xchacha20poly1305_NONCEBYTES;
constexpr size_t kMacBytes = crypto_secretbox_xchacha20poly1305_MACBYTES;
// crypto_kdf contexts are exactly crypto_kdf_CONTEXTBYTES (8) characters.
constexpr char kSealContext[crypto_kdf_CONTEXTBYTES + 1] = "idvault_";
constexpr char kDigestContext[crypto_kdf_CONTEXTBYTES + 1] = "phonedig";
constexpr uint64_t kSubkeyId = 1;
// A key file is 64 hex digits and a line break; anything much longer is not one.
constexpr size_t kMaxKeyFileBytes = 256;

constexpr char kOpenFailed[] = "Không mở được dữ liệu niêm phong (sai khóa hoặc dữ liệu bị sửa).";

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

std::string Describe(int error) { return std::strerror(error); }

using durable::Fd;

Error Unavailable(const std::string& what, const std::string& path, int error) {
  return MakeError(ErrorCode::kUnavailable, what + " tệp khóa niêm phong danh tính “" + path +
                                                "”: " + Describe(error) + ".");
}

// The key in an existing key file; errno-style failure in `open_error` when
// the file cannot be opened (ENOENT: it does not exist).
Result<std::string> ReadKeyFile(const std::string& path, int& open_error) {
  open_error = 0;
  Fd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    open_error = errno;
    return Unavailable("Không đọc được", path, open_error);
  }
  std::string content;
  char buffer[kMaxKeyFileBytes + 1];
  while (content.size() <= kMaxKeyFileBytes) {
    ssize_t n = read(fd.get(), buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return Unavailable("Không đọc được", path, errno);
    }
    if (n == 0) {
      break;
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) {
    content.pop_back();
  }
  Result<std::string> key = KeyFromHex(content);
  if (!key.ok()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Tệp khóa niêm phong danh tính “" + path +
                         "” không hợp lệ: cần đúng 64 ký tự thập lục phân (khóa 32 byte). Hãy "
                         "khôi phục tệp khóa từ bản sao lưu; nếu xóa tệp, các danh tính đã niêm "
                         "phong sẽ không mở được nữa.");
  }
  return key;
}

// Creates `path` holding `hex` and a line break, mode 0600, unless it
// exists: kAlreadyExists (no message; never shown) then.
Status CreateKeyFile(const std::string& path, const std::string& hex) {
  // kCreateOnly never replaces an existing file: of two processes creating
  // the key at once, exactly one wins and the other reads the winner's key.
  const int error = durable::WriteFile(path, hex + "\n", durable::Placement::kCreateOnly);
  if (error == EEXIST) {
    return MakeError(ErrorCode::kAlreadyExists, "");
  }
  if (error != 0) {
    return Unavailable("Không tạo được", path, error);
  }
  if (int sync_error = durable::SyncDirectory(durable::ParentDirectory(path)); sync_error != 0) {
    return Unavailable("Không ghi bền vững được", path, sync_error);
  }
  return OkStatus();
}

}  // namespace

Result<std::string> KeyFromHex(std::string_view hex) {
  constexpr char kBadKey[] = "Khóa phải gồm đúng 64 ký tự thập lục phân (0–9, a–f).";
  if (hex.size() != kIdentityVaultKeyBytes * 2) {
    return MakeError(ErrorCode::kInvalidArgument, kBadKey);
  }
  for (char c : hex) {
    bool digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!digit) {
      return MakeError(ErrorCode::kInvalidArgument, kBadKey);
    }
  }
  std::string key(kIdentityVaultKeyBytes, '\0');
  size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kIdentityVaultKeyBytes) {
    return MakeError(ErrorCode::kInvalidArgument, kBadKey);
  }
  return key;
}

Result<std::unique_ptr<SodiumIdentityVault>> SodiumIdentityVault::FromKey(std::string_view key32) {
  if (sodium_init() < 0) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  if (key32.size() != kIdentityVaultKeyBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Khóa niêm phong danh tính phải dài đúng 32 byte.");
  }
  std::unique_ptr<SodiumIdentityVault> vault(new SodiumIdentityVault());
  if (crypto_kdf_derive_from_key(vault->seal_key_.data(), vault->seal_key_.size(), kSubkeyId,
                                 kSealContext, Bytes(key32)) != 0 ||
      crypto_kdf_derive_from_key(vault->digest_key_.data(), vault->digest_key_.size(), kSubkeyId,
                                 kDigestContext, Bytes(key32)) != 0) {
    return MakeError(ErrorCode::kInternal, "Không tạo được khóa con niêm phong danh tính.");
  }
  return vault;
}

Result<std::string> SodiumIdentityVault::LoadOrCreateKeyFile(const std::string& path) {
  if (sodium_init() < 0) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  int open_error = 0;
  Result<std::string> existing = ReadKeyFile(path, open_error);
  if (existing.ok() || open_error != ENOENT) {
    return existing;
  }
  unsigned char key[kIdentityVaultKeyBytes];
  randombytes_buf(key, sizeof(key));
  std::string hex = Hex(key, sizeof(key));
  Status created = CreateKeyFile(path, hex);
  sodium_memzero(key, sizeof(key));
  sodium_memzero(hex.data(), hex.size());
  if (!created.ok() && created.error().code != ErrorCode::kAlreadyExists) {
    return created.error();
  }
  // Read back what is on disk: our key, or the one of a process that won the race.
  return ReadKeyFile(path, open_error);
}

SodiumIdentityVault::~SodiumIdentityVault() {
  sodium_memzero(seal_key_.data(), seal_key_.size());
  sodium_memzero(digest_key_.data(), digest_key_.size());
}

Result<std::string> SodiumIdentityVault::Seal(std::string_view plaintext) {
  std::string sealed(kNonceBytes + kMacBytes + plaintext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, kNonceBytes);
  if (crypto_secretbox_xchacha20poly1305_easy(out + kNonceBytes, Bytes(plaintext), plaintext.size(),
                                              out, seal_key_.data()) != 0) {
    return MakeError(ErrorCode::kInternal, "Không niêm phong được dữ liệu.");
  }
  return sealed;
}

Result<std::string> SodiumIdentityVault::Open(std::string_view sealed) {
  if (sealed.size() < kNonceBytes + kMacBytes) {
    return MakeError(ErrorCode::kInternal, kOpenFailed);
  }
  const unsigned char* in = Bytes(sealed);
  std::string plaintext(sealed.size() - kNonceBytes - kMacBytes, '\0');
  if (crypto_secretbox_xchacha20poly1305_open_easy(
          reinterpret_cast<unsigned char*>(plaintext.data()), in + kNonceBytes,
          sealed.size() - kNonceBytes, in, seal_key_.data()) != 0) {
    return MakeError(ErrorCode::kInternal, kOpenFailed);
  }
  return plaintext;
}

std::string SodiumIdentityVault::PhoneDigest(std::string_view phone) {
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof(digest), Bytes(phone), phone.size(), digest_key_.data(),
                     digest_key_.size());
  return Hex(digest, sizeof(digest));
}

}  // namespace doithoai::crypto
