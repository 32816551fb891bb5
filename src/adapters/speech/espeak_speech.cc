#include "adapters/speech/espeak_speech.h"

#include <espeak-ng/speak_lib.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/text/vietnamese.h"

namespace doithoai::speech {
namespace {

std::mutex& EspeakMutex() {
  static std::mutex mutex;
  return mutex;
}

// Where the synthesis callback puts the samples; set only while the mutex is
// held and a synthesis runs.
std::vector<int16_t>* g_samples = nullptr;

int CollectSamples(short* wav, int count, espeak_EVENT* /*events*/) {
  if (wav != nullptr && count > 0 && g_samples != nullptr) {
    g_samples->insert(g_samples->end(), wav, wav + count);
  }
  return 0;  // continue
}

// The sample rate, or ≤ 0 when espeak-ng could not be initialised.
int SampleRate() {
  static std::once_flag once;
  static int sample_rate = 0;
  std::call_once(once, [] {
    // DONT_EXIT: without it, espeak-ng calls exit() when its data is missing.
    sample_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, /*buflength=*/0, /*path=*/nullptr,
                                    espeakINITIALIZE_DONT_EXIT);
    if (sample_rate > 0) {
      espeak_SetSynthCallback(&CollectSamples);
    }
  });
  return sample_rate;
}

void PutU16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}

void PutU32(std::string& out, uint32_t v) {
  PutU16(out, v & 0xFFFF);
  PutU16(out, v >> 16);
}

// A canonical 44-byte RIFF/WAVE header and the samples, little-endian.
std::string MakeWav(const std::vector<int16_t>& samples, int sample_rate) {
  const uint32_t data_bytes = static_cast<uint32_t>(samples.size() * 2);
  std::string out;
  out.reserve(44 + data_bytes);
  out += "RIFF";
  PutU32(out, 36 + data_bytes);
  out += "WAVE";
  out += "fmt ";
  PutU32(out, 16);  // size of the fmt chunk
  PutU16(out, 1);   // PCM
  PutU16(out, 1);   // mono
  PutU32(out, static_cast<uint32_t>(sample_rate));
  PutU32(out, static_cast<uint32_t>(sample_rate) * 2);  // byte rate
  PutU16(out, 2);                                       // block align
  PutU16(out, 16);                                      // bits per sample
  out += "data";
  PutU32(out, data_bytes);
  for (int16_t s : samples) {
    PutU16(out, static_cast<uint16_t>(s));
  }
  return out;
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<std::string> SynthesizeWav(std::string_view text, int words_per_minute) {
  if (IsBlank(text)) {
    return MakeError(ErrorCode::kInvalidArgument, "Nội dung thông báo trống.");
  }
  if (!text::IsValidUtf8(text)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Nội dung thông báo không phải văn bản UTF-8 hợp lệ.");
  }
  if (text.size() > kMaxSpeechTextBytes) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "Nội dung thông báo quá dài để chuyển thành giọng đọc.");
  }
  if (words_per_minute < espeakRATE_MINIMUM || words_per_minute > espeakRATE_MAXIMUM) {
    return MakeError(ErrorCode::kInvalidArgument, "Tốc độ đọc phải từ 80 đến 450 từ mỗi phút.");
  }
  const std::string terminated(text);  // espeak reads up to the NUL

  std::lock_guard<std::mutex> lock(EspeakMutex());
  const int sample_rate = SampleRate();
  if (sample_rate <= 0) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không khởi động được bộ đọc tiếng nói (espeak-ng). Vui lòng báo quản trị "
                     "hệ thống.");
  }
  if (espeak_SetVoiceByName("vi") != EE_OK) {
    return MakeError(ErrorCode::kUnavailable,
                     "Không tìm thấy giọng đọc tiếng Việt của espeak-ng. Vui lòng báo quản trị "
                     "hệ thống.");
  }
  if (espeak_SetParameter(espeakRATE, words_per_minute, /*relative=*/0) != EE_OK) {
    return MakeError(ErrorCode::kInternal, "Không đặt được tốc độ đọc.");
  }
  std::vector<int16_t> samples;
  g_samples = &samples;
  const espeak_ERROR error =
      espeak_Synth(terminated.c_str(), terminated.size() + 1, /*position=*/0, POS_CHARACTER,
                   /*end_position=*/0, espeakCHARS_UTF8, /*unique_identifier=*/nullptr,
                   /*user_data=*/nullptr);
  g_samples = nullptr;
  if (error != EE_OK) {
    return MakeError(ErrorCode::kInternal, "Không chuyển được nội dung thông báo thành giọng đọc.");
  }
  if (samples.empty()) {
    return MakeError(ErrorCode::kInternal, "Bộ đọc tiếng nói không tạo ra âm thanh nào.");
  }
  return MakeWav(samples, sample_rate);
}

}  // namespace doithoai::speech
