// The loudspeaker notice as speech: runs Debian's `espeak-ng` program with the
// Vietnamese voice in a child process (text file in, WAV file out, both in a
// private temporary directory). A child process rather than libespeak-ng in
// the server: the library drags ~30 audio and X11 libraries into every server
// process (idle RSS 12.7 → 20.6 MiB, measured with bench/run.sh) for a file
// made a few times a year, and espeak's global state is then no concern.
#include "adapters/speech/espeak_speech.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "core/text/vietnamese.h"

extern char** environ;

namespace doithoai::speech {
namespace {

constexpr int kMinWordsPerMinute = 80;  // espeak-ng's own limits
constexpr int kMaxWordsPerMinute = 450;
constexpr auto kTimeLimit = std::chrono::seconds(60);

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

Error Unavailable(std::string detail) {
  return MakeError(ErrorCode::kUnavailable,
                   "Không tạo được bản đọc thông báo (espeak-ng): " + std::move(detail) +
                       ". Vui lòng báo quản trị hệ thống.");
}

// A private directory removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/doithoai-speech-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs argv with stdin, stdout and stderr on /dev/null; the exit status, or
// an error when it cannot start or runs past kTimeLimit (then it is killed).
Result<int> Run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  for (int fd : {0, 1, 2}) {
    posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
  }
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return Unavailable("chưa cài đặt chương trình espeak-ng");
  const auto deadline = std::chrono::steady_clock::now() + kTimeLimit;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return Unavailable("mất tiến trình con");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return Unavailable("quá thời gian");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
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
  if (words_per_minute < kMinWordsPerMinute || words_per_minute > kMaxWordsPerMinute) {
    return MakeError(ErrorCode::kInvalidArgument, "Tốc độ đọc phải từ 80 đến 450 từ mỗi phút.");
  }
  ScratchDir dir;
  if (dir.path().empty()) return Unavailable("không tạo được thư mục tạm");
  const std::string in = dir.path() + "/thong-bao.txt";
  const std::string out = dir.path() + "/thong-bao.wav";
  {
    std::ofstream file(in, std::ios::binary);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file.flush()) return Unavailable("không ghi được tệp tạm");
  }
  // -b 1: the input is UTF-8; -v vi: the Vietnamese voice; -w: write a WAV file.
  ASSIGN_OR_RETURN(int code, Run({"espeak-ng", "-b", "1", "-v", "vi", "-s",
                                  std::to_string(words_per_minute), "-f", in, "-w", out}));
  if (code != 0) return Unavailable("mã lỗi " + std::to_string(code));
  std::ifstream file(out, std::ios::binary);
  std::string wav((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (wav.size() <= 44 || wav.compare(0, 4, "RIFF") != 0 || wav.compare(8, 4, "WAVE") != 0) {
    return Unavailable("tệp âm thanh không hợp lệ");
  }
  return wav;
}

}  // namespace doithoai::speech
