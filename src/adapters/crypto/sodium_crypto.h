// SodiumCrypto: the Crypto port on libsodium. Passwords are hashed with
// argon2id (crypto_pwhash_str) at the interactive limits by default (≈ 50 ms
// and 64 MiB per hash on the reference machine, ../shared/stack.md); tokens
// are 32 random bytes in URL-safe base64; token hashes are hex SHA-256.
// Thread-safe.
#ifndef DOITHOAI_ADAPTERS_CRYPTO_SODIUM_CRYPTO_H_
#define DOITHOAI_ADAPTERS_CRYPTO_SODIUM_CRYPTO_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "core/accounts/ports.h"

namespace doithoai {

struct PasswordHashCost {
  unsigned long long opslimit;
  size_t memlimit;
  static PasswordHashCost Interactive();
  // The library minimum: for tests only (ForTest), never production.
  static PasswordHashCost MinimumForTest();
};

class SodiumCrypto : public Crypto {
 public:
  // Fails (kInternal) if libsodium cannot initialise.
  static Result<std::unique_ptr<SodiumCrypto>> Create(PasswordHashCost cost);

  Result<std::string> HashPassword(std::string_view password) override;
  bool VerifyPassword(std::string_view hash, std::string_view password) override;
  std::string NewToken() override;
  std::string TokenHash(std::string_view token) override;

 private:
  explicit SodiumCrypto(PasswordHashCost cost) : cost_(cost) {}
  // A hash of a random secret nobody knows, at the same cost as real ones,
  // verified against for unknown users. Made on first use, not at start:
  // one argon2id hash (≈ 50 ms, 64 MiB) was most of the server's cold start.
  const std::string& DummyHash();

  PasswordHashCost cost_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // written once, under dummy_once_
};

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_CRYPTO_SODIUM_CRYPTO_H_
