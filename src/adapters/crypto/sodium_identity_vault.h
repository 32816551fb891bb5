// SodiumIdentityVault: the IdentityVault port (CONF-01) on libsodium. A
// denouncer's identity is sealed with XChaCha20-Poly1305
// (crypto_secretbox_xchacha20poly1305_easy) under a 32-byte key that lives in
// a key file outside the database (LoadOrCreateKeyFile), so a copy of the
// database alone reveals nothing. Two subkeys are derived from the key with
// crypto_kdf_derive_from_key (BLAKE2b): subkey 1 of context "idvault_" seals,
// subkey 1 of context "phonedig" keys the phone digest, so the two uses never
// share a key. Sealed bytes are nonce (24 random bytes) || ciphertext+MAC;
// losing the key file makes every sealed identity unreadable. Thread-safe
// (the keys are read-only after construction).
#ifndef DOITHOAI_ADAPTERS_CRYPTO_SODIUM_IDENTITY_VAULT_H_
#define DOITHOAI_ADAPTERS_CRYPTO_SODIUM_IDENTITY_VAULT_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/petitions/petition_ports.h"

namespace doithoai::crypto {

inline constexpr size_t kIdentityVaultKeyBytes = 32;

// The 32 raw bytes of a key written as 64 hex digits (either case).
// kInvalidArgument (Vietnamese) for anything else.
Result<std::string> KeyFromHex(std::string_view hex);

class SodiumIdentityVault : public IdentityVault {
 public:
  // `key32` must be exactly kIdentityVaultKeyBytes raw bytes
  // (kInvalidArgument otherwise); kInternal if libsodium cannot initialise.
  static Result<std::unique_ptr<SodiumIdentityVault>> FromKey(std::string_view key32);

  // The raw key stored in the file at `path` as 64 hex digits (a trailing
  // line break is allowed). When the file does not exist it is created with a
  // fresh random key, mode 0600, durably (written to a private temporary file
  // opened with O_CREAT|O_EXCL, fsynced, linked to `path` — which fails rather
  // than replaces if another process won the race, whose key is then read —
  // and the directory fsynced). Errors: kInvalidArgument naming the path when
  // the file holds anything else; kUnavailable when it cannot be read or
  // created (Vietnamese messages).
  static Result<std::string> LoadOrCreateKeyFile(const std::string& path);

  ~SodiumIdentityVault() override;
  SodiumIdentityVault(const SodiumIdentityVault&) = delete;
  SodiumIdentityVault& operator=(const SodiumIdentityVault&) = delete;

  // nonce || ciphertext; a new random nonce every call.
  Result<std::string> Seal(std::string_view plaintext) override;
  // kInternal "Không mở được dữ liệu niêm phong (sai khóa hoặc dữ liệu bị
  // sửa)." when the bytes are too short, tampered with, or sealed under
  // another key.
  Result<std::string> Open(std::string_view sealed) override;
  // 64 hex digits: keyed BLAKE2b-256 (crypto_generichash) of `phone`.
  std::string PhoneDigest(std::string_view phone) override;

 private:
  SodiumIdentityVault() = default;
  std::array<unsigned char, kIdentityVaultKeyBytes> seal_key_{};
  std::array<unsigned char, kIdentityVaultKeyBytes> digest_key_{};
};

}  // namespace doithoai::crypto

#endif  // DOITHOAI_ADAPTERS_CRYPTO_SODIUM_IDENTITY_VAULT_H_
