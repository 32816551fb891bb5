#include "adapters/crypto/sodium_identity_vault.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "adapters/testing/temp_dir.h"

namespace doithoai::crypto {
namespace {

const std::string kKeyHexA = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string kKeyHexB = "FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";

std::unique_ptr<SodiumIdentityVault> Vault(const std::string& hex) {
  Result<std::string> key = KeyFromHex(hex);
  EXPECT_TRUE(key.ok());
  Result<std::unique_ptr<SodiumIdentityVault>> vault = SodiumIdentityVault::FromKey(*key);
  EXPECT_TRUE(vault.ok());
  return std::move(vault).value();
}

using doithoai::testing::ReadFile;
using doithoai::testing::TempDir;

// CONF-01: the identity is stored sealed and comes back intact.
TEST(SodiumIdentityVaultTest, SealThenOpenRoundTrips) {
  auto vault = Vault(kKeyHexA);
  const std::string identity = "Nguyễn Văn Tố|0912345678|Thôn Đông, xã Hoằng Trường";
  Result<std::string> sealed = vault->Seal(identity);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->size(), identity.size() + 24 + 16);  // nonce and MAC
  EXPECT_EQ(sealed->find("0912345678"), std::string::npos);
  EXPECT_EQ(sealed->find("Nguyễn"), std::string::npos);
  Result<std::string> opened = vault->Open(*sealed);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, identity);

  Result<std::string> empty = vault->Seal("");
  ASSERT_TRUE(empty.ok());
  Result<std::string> empty_opened = vault->Open(*empty);
  ASSERT_TRUE(empty_opened.ok());
  EXPECT_EQ(*empty_opened, "");
}

TEST(SodiumIdentityVaultTest, EverySealUsesANewNonce) {
  auto vault = Vault(kKeyHexA);
  Result<std::string> first = vault->Seal("Trần Thị Lan");
  Result<std::string> second = vault->Seal("Trần Thị Lan");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first->substr(0, 24), second->substr(0, 24));
  EXPECT_NE(*first, *second);
}

TEST(SodiumIdentityVaultTest, OpenRejectsTamperingEverywhere) {
  auto vault = Vault(kKeyHexA);
  Result<std::string> sealed = vault->Seal("Lê Văn Hùng");
  ASSERT_TRUE(sealed.ok());
  for (size_t i = 0; i < sealed->size(); ++i) {
    std::string bad = *sealed;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    Result<std::string> opened = vault->Open(bad);
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
    EXPECT_EQ(opened.error().message,
              "Không mở được dữ liệu niêm phong (sai khóa hoặc dữ liệu bị sửa).");
  }
  Result<std::string> truncated = vault->Open(sealed->substr(0, sealed->size() - 1));
  EXPECT_FALSE(truncated.ok());
  Result<std::string> too_short = vault->Open("short");
  ASSERT_FALSE(too_short.ok());
  EXPECT_EQ(too_short.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(vault->Open("").ok());
}

TEST(SodiumIdentityVaultTest, OpenWithAnotherKeyFails) {
  Result<std::string> sealed = Vault(kKeyHexA)->Seal("Phạm Thị Hoa");
  ASSERT_TRUE(sealed.ok());
  Result<std::string> opened = Vault(kKeyHexB)->Open(*sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
  // The same key in another vault object opens it (no per-process state).
  EXPECT_TRUE(Vault(kKeyHexA)->Open(*sealed).ok());
}

TEST(SodiumIdentityVaultTest, PhoneDigestIsDeterministicAndKeyDependent) {
  auto a = Vault(kKeyHexA);
  auto a_again = Vault(kKeyHexA);
  auto b = Vault(kKeyHexB);
  const std::string digest = a->PhoneDigest("0912345678");
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(digest, a->PhoneDigest("0912345678"));
  EXPECT_EQ(digest, a_again->PhoneDigest("0912345678"));
  EXPECT_NE(digest, a->PhoneDigest("0912345679"));
  EXPECT_NE(digest, b->PhoneDigest("0912345678"));
  EXPECT_EQ(digest.find("0912345678"), std::string::npos);
}

// Known answers pin the key derivation and the sealed format: stored data
// must stay readable across versions. The digest was checked independently
// with Python's hashlib.blake2b (crypto_kdf = BLAKE2b keyed with the master
// key, salt = subkey id, personal = context).
TEST(SodiumIdentityVaultTest, KnownAnswersPinTheFormat) {
  auto vault = Vault(kKeyHexA);
  EXPECT_EQ(vault->PhoneDigest("0912345678"),
            "8f4a230a95e60fe6ad0b5cba3c76b7811d26d0395c528d2a26a773d401e8fe6d");
  const std::string sealed_hex =
      "f78985247ecbdb52df5e1ba8e3e378261e0fc660e0a9d4b05c59d320d6d17c617036d1a502054b4f9a34ab";
  std::string sealed;
  for (size_t i = 0; i < sealed_hex.size(); i += 2) {
    sealed += static_cast<char>(std::stoi(sealed_hex.substr(i, 2), nullptr, 16));
  }
  Result<std::string> opened = vault->Open(sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "Vũ");
}

TEST(SodiumIdentityVaultTest, KeyFromHexAcceptsOnly64HexDigits) {
  Result<std::string> key = KeyFromHex(kKeyHexA);
  ASSERT_TRUE(key.ok());
  ASSERT_EQ(key->size(), 32u);
  EXPECT_EQ((*key)[0], '\x00');
  EXPECT_EQ((*key)[31], '\x1f');
  Result<std::string> upper = KeyFromHex(kKeyHexB);
  ASSERT_TRUE(upper.ok());
  EXPECT_EQ(static_cast<unsigned char>((*upper)[0]), 0xFF);
  for (const std::string& bad :
       {std::string(""), kKeyHexA.substr(0, 63), kKeyHexA + "0", "zz" + kKeyHexA.substr(2),
        kKeyHexA.substr(0, 62) + " 1", kKeyHexA.substr(0, 62) + "\n1"}) {
    Result<std::string> r = KeyFromHex(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(SodiumIdentityVaultTest, FromKeyRejectsWrongLength) {
  Result<std::unique_ptr<SodiumIdentityVault>> vault =
      SodiumIdentityVault::FromKey(std::string(31, 'k'));
  ASSERT_FALSE(vault.ok());
  EXPECT_EQ(vault.error().code, ErrorCode::kInvalidArgument);
}

TEST(SodiumIdentityVaultTest, CreatesKeyFileOnceWithMode0600) {
  TempDir dir("identity_vault_test");
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.path() + "/identity.key";
  Result<std::string> created = SodiumIdentityVault::LoadOrCreateKeyFile(path);
  ASSERT_TRUE(created.ok()) << created.error().message;
  ASSERT_EQ(created->size(), 32u);

  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const std::string content = ReadFile(path);
  ASSERT_EQ(content.size(), 65u);
  EXPECT_EQ(content.back(), '\n');
  Result<std::string> from_hex = KeyFromHex(content.substr(0, 64));
  ASSERT_TRUE(from_hex.ok());
  EXPECT_EQ(*from_hex, *created);

  // A second start reads the same key; nothing else is left in the directory.
  Result<std::string> loaded = SodiumIdentityVault::LoadOrCreateKeyFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(*loaded, *created);
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    ++entries;
  }
  EXPECT_EQ(entries, 1);

  // Another fresh file gets another random key.
  Result<std::string> other = SodiumIdentityVault::LoadOrCreateKeyFile(dir.path() + "/other.key");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*other, *created);

  // A vault from the loaded key opens what a vault from the created key sealed.
  auto first = SodiumIdentityVault::FromKey(*created);
  auto second = SodiumIdentityVault::FromKey(*loaded);
  ASSERT_TRUE(first.ok() && second.ok());
  Result<std::string> sealed = (*first)->Seal("Đỗ Minh Khôi");
  ASSERT_TRUE(sealed.ok());
  Result<std::string> opened = (*second)->Open(*sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "Đỗ Minh Khôi");
}

TEST(SodiumIdentityVaultTest, ReadsAHandWrittenKeyFile) {
  TempDir dir("identity_vault_test");
  const std::string path = dir.path() + "/identity.key";
  std::ofstream(path) << kKeyHexB << "\r\n";
  Result<std::string> key = SodiumIdentityVault::LoadOrCreateKeyFile(path);
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(*key, *KeyFromHex(kKeyHexB));
}

TEST(SodiumIdentityVaultTest, BadKeyFileIsRefusedNamingThePath) {
  TempDir dir("identity_vault_test");
  const std::string path = dir.path() + "/identity.key";
  for (const std::string& content : {std::string(""), std::string("not a key\n"),
                                     kKeyHexA.substr(0, 40) + "\n", kKeyHexA + kKeyHexA}) {
    std::ofstream(path, std::ios::trunc) << content;
    Result<std::string> key = SodiumIdentityVault::LoadOrCreateKeyFile(path);
    ASSERT_FALSE(key.ok()) << content;
    EXPECT_EQ(key.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(key.error().message.find(path), std::string::npos) << key.error().message;
    EXPECT_NE(key.error().message.find("không hợp lệ"), std::string::npos);
    // The bad file is left as it was, never replaced by a new key.
    EXPECT_EQ(ReadFile(path), content);
  }
}

TEST(SodiumIdentityVaultTest, MissingDirectoryIsUnavailable) {
  TempDir dir("identity_vault_test");
  const std::string path = dir.path() + "/missing/identity.key";
  Result<std::string> key = SodiumIdentityVault::LoadOrCreateKeyFile(path);
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(key.error().message.find(path), std::string::npos);
}

}  // namespace
}  // namespace doithoai::crypto
