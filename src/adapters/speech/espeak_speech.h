// Text to speech for the loudspeaker announcement of the public notice
// (PUB-01: the commune radio reads the notice on consecutive days). Uses
// the espeak-ng program (Debian package espeak-ng) with its Vietnamese voice
// "vi" in a child process and returns its WAV file (RIFF, PCM, 16-bit, mono)
// that the radio operator can download and play. Thread-safe: each call has
// its own process and temporary files.
#ifndef DOITHOAI_ADAPTERS_SPEECH_ESPEAK_SPEECH_H_
#define DOITHOAI_ADAPTERS_SPEECH_ESPEAK_SPEECH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai::speech {

// A little slower than espeak's 175 words per minute: easier to follow
// through outdoor loudspeakers.
inline constexpr int kLoudspeakerWordsPerMinute = 150;
// Longer texts are refused (kResourceExhausted); a notice is ~2 KB.
inline constexpr size_t kMaxSpeechTextBytes = 64 * 1024;

// The WAV bytes for `text` (UTF-8) read by the "vi" voice at
// `words_per_minute` (80..450). Errors, with Vietnamese messages:
// kInvalidArgument for an empty (or blank) text, text that is not UTF-8 or a
// rate out of range; kResourceExhausted for a text over kMaxSpeechTextBytes;
// kUnavailable when espeak-ng cannot be run or fails;
// kInternal when synthesis fails.
Result<std::string> SynthesizeWav(std::string_view text,
                                  int words_per_minute = kLoudspeakerWordsPerMinute);

}  // namespace doithoai::speech

#endif  // DOITHOAI_ADAPTERS_SPEECH_ESPEAK_SPEECH_H_
