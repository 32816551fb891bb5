#include "adapters/crypto/sodium_crypto.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

namespace doithoai {
namespace {

TEST(SodiumCryptoTest, HashesWithArgon2idAndVerifies) {
  auto crypto = SodiumCrypto::Create(PasswordHashCost::MinimumForTest());
  ASSERT_TRUE(crypto.ok());
  auto hash = (*crypto)->HashPassword("mật-khẩu-đủ-dài");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE((*crypto)->VerifyPassword(*hash, "mật-khẩu-đủ-dài"));
  EXPECT_FALSE((*crypto)->VerifyPassword(*hash, "mat-khau-du-dai"));
  EXPECT_FALSE((*crypto)->VerifyPassword("", "anything"));  // unknown user
  EXPECT_FALSE((*crypto)->VerifyPassword("not a hash", "x"));
}

TEST(SodiumCryptoTest, UnknownUsersFailFromManyThreadsAtOnce) {
  // The dummy hash for unknown users is made on first use (not at start, for
  // the cold start): concurrent first uses make it once and all fail.
  auto crypto = SodiumCrypto::Create(PasswordHashCost::MinimumForTest());
  ASSERT_TRUE(crypto.ok());
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if ((*crypto)->VerifyPassword("", "")) ++accepted;
      if ((*crypto)->VerifyPassword("", "anything")) ++accepted;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(accepted.load(), 0);
}

TEST(SodiumCryptoTest, TokensAreRandomUrlSafeAndHashedToHex) {
  auto crypto = SodiumCrypto::Create(PasswordHashCost::MinimumForTest());
  ASSERT_TRUE(crypto.ok());
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = (*crypto)->NewToken();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ((*crypto)->TokenHash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace doithoai
