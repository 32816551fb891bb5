#include "adapters/crypto/sodium_crypto.h"

#include <sodium.h>

#include <utility>

namespace doithoai {

PasswordHashCost PasswordHashCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashCost PasswordHashCost::MinimumForTest() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::unique_ptr<SodiumCrypto>> SodiumCrypto::Create(PasswordHashCost cost) {
  if (sodium_init() < 0) {
    return MakeError(ErrorCode::kInternal, "Không khởi tạo được thư viện mã hóa libsodium.");
  }
  return std::unique_ptr<SodiumCrypto>(new SodiumCrypto(cost));
}

const std::string& SodiumCrypto::DummyHash() {
  std::call_once(dummy_once_, [this] {
    Result<std::string> hash = HashPassword(NewToken());
    // Out of memory: an empty hash fails every verification, as it must.
    if (hash.ok()) dummy_hash_ = std::move(hash).value();
  });
  return dummy_hash_;
}

Result<std::string> SodiumCrypto::HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không đủ bộ nhớ để mã hóa mật khẩu. Vui lòng thử lại.");
  }
  return std::string(out);
}

bool SodiumCrypto::VerifyPassword(std::string_view hash, std::string_view password) {
  bool unknown = hash.empty();
  std::string h(unknown ? std::string_view(DummyHash()) : hash);
  bool ok = crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
  return ok && !unknown;
}

std::string SodiumCrypto::NewToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof(bytes));
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof(out), bytes, sizeof(bytes),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string SodiumCrypto::TokenHash(std::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
  return hex;
}

}  // namespace doithoai
