#include "adapters/speech/espeak_speech.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace doithoai::speech {
namespace {

uint32_t U32(const std::string& s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}
uint16_t U16(const std::string& s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) |
                               static_cast<unsigned char>(s[at + 1]) << 8);
}

constexpr char kShort[] = "Thông báo hội nghị đối thoại.";
constexpr char kLong[] =
    "Ủy ban nhân dân xã Hoằng Trường thông báo: hội nghị đối thoại với Nhân dân năm 2023 sẽ được "
    "tổ chức vào lúc bảy giờ ba mươi phút, ngày tám tháng mười hai năm hai nghìn không trăm hai "
    "mươi ba, tại hội trường Ủy ban nhân dân xã. Kính mời bà con đến dự đông đủ.";

void ExpectValidWav(const std::string& wav) {
  ASSERT_GE(wav.size(), 44u);
  EXPECT_EQ(wav.substr(0, 4), "RIFF");
  EXPECT_EQ(U32(wav, 4), wav.size() - 8);
  EXPECT_EQ(wav.substr(8, 4), "WAVE");
  EXPECT_EQ(wav.substr(12, 4), "fmt ");
  EXPECT_EQ(U32(wav, 16), 16u);
  EXPECT_EQ(U16(wav, 20), 1u);  // PCM
  EXPECT_EQ(U16(wav, 22), 1u);  // mono
  const uint32_t rate = U32(wav, 24);
  EXPECT_GE(rate, 8000u);
  EXPECT_LE(rate, 48000u);
  EXPECT_EQ(U32(wav, 28), rate * 2);
  EXPECT_EQ(U16(wav, 32), 2u);
  EXPECT_EQ(U16(wav, 34), 16u);
  EXPECT_EQ(wav.substr(36, 4), "data");
  EXPECT_EQ(U32(wav, 40), wav.size() - 44);
  EXPECT_EQ(wav.size() % 2, 0u);
}

TEST(SynthesizeWavTest, ProducesAValidNonSilentWav) {
  auto wav = SynthesizeWav(kShort);
  ASSERT_TRUE(wav.ok()) << wav.error().message;
  ExpectValidWav(*wav);
  int max_abs = 0;
  for (size_t i = 44; i + 1 < wav->size(); i += 2) {
    max_abs = std::max(max_abs, std::abs(static_cast<int16_t>(U16(*wav, i)) + 0));
  }
  EXPECT_GT(max_abs, 1000);
  // At least half a second of audio for a short sentence.
  EXPECT_GT(wav->size() - 44, U32(*wav, 24) / 2 * 2);
}

TEST(SynthesizeWavTest, LongerTextGivesLongerAudio) {
  auto short_wav = SynthesizeWav(kShort);
  auto long_wav = SynthesizeWav(kLong);
  ASSERT_TRUE(short_wav.ok());
  ASSERT_TRUE(long_wav.ok());
  ExpectValidWav(*long_wav);
  EXPECT_GT(long_wav->size(), 3 * short_wav->size());
}

TEST(SynthesizeWavTest, SlowerRateGivesLongerAudio) {
  auto slow = SynthesizeWav(kLong, 100);
  auto fast = SynthesizeWav(kLong, 300);
  ASSERT_TRUE(slow.ok());
  ASSERT_TRUE(fast.ok());
  EXPECT_GT(slow->size(), fast->size());
}

// espeak-ng is not bit-for-bit deterministic (its voice adds slight random
// variation), so concurrent calls are compared by validity and length.
TEST(SynthesizeWavTest, ConcurrentCallsEachGetTheirOwnFile) {
  auto reference = SynthesizeWav(kShort);
  ASSERT_TRUE(reference.ok());
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      auto wav = SynthesizeWav(kShort);
      results[i] = wav.ok() ? *wav : "";
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (const std::string& r : results) {
    ExpectValidWav(r);
    EXPECT_NEAR(static_cast<double>(r.size()), static_cast<double>(reference->size()),
                0.05 * static_cast<double>(reference->size()));
  }
}

TEST(SynthesizeWavTest, RefusesEmptyText) {
  for (const char* text : {"", "   \n\t"}) {
    auto wav = SynthesizeWav(text);
    ASSERT_FALSE(wav.ok());
    EXPECT_EQ(wav.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(wav.error().message, "Nội dung thông báo trống.");
  }
}

TEST(SynthesizeWavTest, RefusesBadInput) {
  EXPECT_EQ(SynthesizeWav("a\xff").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SynthesizeWav(kShort, 20).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SynthesizeWav(std::string(kMaxSpeechTextBytes + 1, 'a')).error().code,
            ErrorCode::kResourceExhausted);
}

}  // namespace
}  // namespace doithoai::speech
