// Google Benchmark of the petition text similarity and suggestions (issue #6
// §1–2) at commune scale and beyond: grouping 100,000 synthetic petitions
// into probable duplicates (index build + SimilarityIndex::Group at
// kDuplicateThreshold), one similarity query against 100,000 indexed
// petitions, and one field / unit suggestion with 1,000 learned examples.
//
// The petitions are generated deterministically (std::mt19937, fixed seed) by
// recombining two-syllable chunks of Vietnamese phrases per field with
// everyday words (Zipf-like), villages, people's names, places and numbers,
// about 40 syllables each; 5% are rewordings of an earlier petition (the
// duplicates to find).
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "app/suggestion_data.h"
#include "core/petitions/classification.h"
#include "core/petitions/similarity.h"
#include "core/petitions/suggestion_eval.h"
#include "core/petitions/suggestions.h"
#include "core/text/vietnamese.h"

namespace {

using doithoai::PetitionId;

struct Topic {
  const char* field;
  const char* unit;  // short name in EvalCommuneUnits()
  std::vector<const char*> phrases;
};

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> kTopics = {
      {"dat-dai-moi-truong",
       "ĐC-XD",
       {"chưa được cấp giấy chứng nhận quyền sử dụng đất", "hộ bên cạnh lấn chiếm ranh giới",
        "đã nộp hồ sơ cấp đổi sổ đỏ từ lâu", "bãi rác tự phát bốc mùi hôi thối",
        "trại chăn nuôi xả nước thải ra mương", "đo đạc lại diện tích thửa đất bị sai",
        "tiền bồi thường giải phóng mặt bằng chưa thỏa đáng", "đốt rơm rạ khói bay vào nhà"}},
      {"xay-dung-giao-thong-thuy-loi",
       "ĐC-XD",
       {"đường liên thôn xuống cấp nhiều ổ gà", "mương thoát nước bị bồi lấp gây ngập úng",
        "đèn chiếu sáng đường làng hỏng lâu ngày", "cống qua đường bị vỡ",
        "xe tải chở vật liệu quá tải làm hỏng đường", "kênh tưới tiêu bị sạt lở bờ",
        "ống nước sạch bị vỡ mất nước nhiều ngày", "cầu tràn xuống cấp nguy hiểm mùa mưa"}},
      {"chinh-sach-an-sinh-xa-hoi",
       "VH-XH",
       {"chưa được hưởng trợ cấp người cao tuổi", "rà soát hộ nghèo chưa công bằng",
        "thẻ bảo hiểm y tế cấp chậm", "chế độ người có công với cách mạng chưa được giải quyết",
        "người khuyết tật nặng chưa được hỗ trợ", "hỗ trợ sửa nhà cho hộ nghèo chưa đến",
        "trẻ mồ côi chưa được trợ cấp xã hội", "chi trả trợ cấp hằng tháng bị chậm"}},
      {"kinh-te-san-xuat-nong-nghiep",
       "ĐC-XD",
       {"giống lúa được hỗ trợ kém chất lượng", "dịch tả lợn châu Phi chưa được hỗ trợ thiệt hại",
        "chuột phá hoại lúa mùa", "giá phân bón tăng cao", "dồn điền đổi thửa chưa hợp lý",
        "tiêm phòng cho gia súc chưa đầy đủ", "nông sản khó tiêu thụ", "máy gặt thiếu khi vào vụ"}},
      {"van-hoa-giao-duc-y-te",
       "VH-XH",
       {"trạm y tế thiếu thuốc", "trường mầm non thiếu phòng học",
        "hát karaoke gây tiếng ồn đến khuya", "các khoản thu đầu năm học quá nhiều",
        "lịch tiêm chủng thông báo muộn", "nhà văn hóa thôn xuống cấp",
        "bếp ăn bán trú không đảm bảo vệ sinh", "loa kẹo kéo mở quá to"}},
      {"an-ninh-trat-tu",
       "CA",
       {"trộm cắp gà vịt ban đêm", "thanh niên tụ tập đua xe", "đánh bạc công khai ở quán nước",
        "có người nghi nghiện ma túy", "cho vay nặng lãi đòi nợ thuê", "lừa đảo qua điện thoại",
        "nhà trọ không khai báo tạm trú", "đánh nhau gây mất trật tự"}},
      {"thu-tuc-hanh-chinh",
       "TP-HT",
       {"đăng ký khai sinh cho cháu bị trả hồ sơ nhiều lần", "chứng thực bản sao phải chờ lâu",
        "dịch vụ công trực tuyến khó sử dụng", "giấy xác nhận tình trạng hôn nhân trễ hẹn",
        "bộ phận một cửa hướng dẫn không rõ", "trích lục khai tử phải đi lại nhiều lần",
        "thu phí chứng thực không đúng quy định", "cấp căn cước bị chậm"}},
      {"to-chuc-can-bo-chinh-quyen",
       "VP",
       {"cán bộ thôn có thái độ hách dịch", "thu các khoản đóng góp không công khai",
        "trưởng thôn không họp dân", "công chức đi làm muộn về sớm", "lịch tiếp dân không niêm yết",
        "quỹ thôn chi tiêu không minh bạch", "cán bộ địa chính gây khó khăn",
        "bầu trưởng thôn chưa dân chủ"}},
  };
  return kTopics;
}

constexpr std::array<const char*, 8> kOpenings = {
    "Đề nghị UBND xã",           "Tôi xin phản ánh",        "Gia đình tôi kiến nghị",
    "Nhân dân thôn phản ánh",    "Kính đề nghị xã xem xét", "Chúng tôi đề nghị",
    "Mong chính quyền quan tâm", "Cử tri phản ánh"};
constexpr std::array<const char*, 6> kClosings = {"mong xã sớm giải quyết",
                                                  "đề nghị xã kiểm tra xử lý",
                                                  "dân rất bức xúc",
                                                  "đã báo nhiều lần nhưng chưa được trả lời",
                                                  "xin xã trả lời bằng văn bản",
                                                  "đề nghị có biện pháp"};
// Everyday words of petitions, drawn with a Zipf-like skew as filler.
constexpr const char* kCommonWords[] = {
    "nhiều năm",   "bà con",       "người dân",  "hộ dân",      "buổi tối",    "mùa mưa",
    "mùa hè",      "trẻ em",       "người già",  "đi lại",      "khó khăn",    "nguy hiểm",
    "ảnh hưởng",   "sức khỏe",     "sinh hoạt",  "cuộc sống",   "thời gian",   "gần đây",
    "hiện nay",    "tháng trước",  "năm ngoái",  "nhiều lần",   "trưởng thôn", "cán bộ",
    "chính quyền", "địa phương",   "kiểm tra",   "xử lý",       "giải quyết",  "trả lời",
    "bức xúc",     "lo lắng",      "thiệt hại",  "kinh phí",    "hỗ trợ",      "tuyên truyền",
    "vận động",    "quan tâm",     "chỉ đạo",    "đôn đốc",     "phối hợp",    "kịp thời",
    "triệt để",    "lâu dài",      "tạm thời",   "khắc phục",   "sửa chữa",    "nâng cấp",
    "xây mới",     "đầu tư",       "dự án",      "kế hoạch",    "quy định",    "pháp luật",
    "trách nhiệm", "công khai",    "minh bạch",  "đúng hạn",    "chậm trễ",    "kéo dài",
    "tái diễn",    "thường xuyên", "ban đêm",    "sáng sớm",    "cuối tuần",   "ngày lễ",
    "học sinh",    "phụ huynh",    "xe máy",     "ô tô",        "xe đạp",      "cánh đồng",
    "ruộng lúa",   "vườn nhà",     "ao cá",      "nhà văn hóa", "đầu làng",    "cuối xóm",
    "ven đường",   "bờ kênh",      "ngã ba",     "ngã tư",      "cổng trường", "trạm bơm",
    "điện thoại",  "tin nhắn",     "đơn thư",    "biên bản",    "hồ sơ",       "giấy tờ",
    "chữ ký",      "số tiền",      "triệu đồng", "mét vuông",   "cây số",      "con đường",
    "ngôi nhà",    "bức tường",    "hàng rào",   "cột điện",    "dây điện",    "nước mưa",
    "nước thải",   "mùi hôi",      "tiếng ồn",   "bụi bẩn",     "ruồi muỗi",   "chuột bọ",
    "cây cối",     "hoa màu",      "gia súc",    "gia cầm",     "lợn gà",      "trâu bò",
    "con cháu",    "ông bà",       "vợ chồng",   "anh em",      "hàng xóm",    "chủ hộ",
    "thợ xây",     "nhà thầu"};
constexpr std::array<const char*, 40> kNameSyllables = {
    "An",    "Bình",  "Cường", "Dũng", "Đông",  "Giang", "Hà",    "Hải",  "Hòa",  "Hùng",
    "Khánh", "Lan",   "Linh",  "Long", "Mai",   "Minh",  "Nam",   "Nga",  "Ngọc", "Phong",
    "Phúc",  "Quang", "Sơn",   "Tâm",  "Thành", "Thảo",  "Thắng", "Thủy", "Tiến", "Trung",
    "Tuấn",  "Vân",   "Việt",  "Xuân", "Yến",   "Lộc",   "Bắc",   "Hưng", "Đức",  "Chiến"};
constexpr std::array<const char*, 10> kPlaces = {"cống", "đồng", "xóm",  "ngõ", "bến",
                                                 "cầu",  "chợ",  "đình", "khu", "bãi"};

// 5,000 two-syllable words built from Vietnamese onsets and rhymes (a
// stand-in for the real vocabulary, whose frequencies are Zipf-like).
const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> kWords = [] {
    const char* onsets[] = {"b",  "c",  "d",  "đ", "g", "h", "k",  "l",  "m", "n", "ng",
                            "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "ch"};
    const char* rhymes[] = {"a",   "ai",  "an",  "ang", "anh",  "ao",  "át",  "ay",  "ắc",
                            "ăn",  "ân",  "ấu",  "e",   "em",   "ên",  "ết",  "i",   "ia",
                            "im",  "inh", "ít",  "o",   "oa",   "oi",  "òn",  "ong", "ót",
                            "ô",   "ôi",  "ông", "ơ",   "ới",   "ờn",  "u",   "ui",  "úm",
                            "ung", "ưa",  "ừng", "ươi", "ường", "yên", "iểu", "oan", "uân"};
    std::vector<std::string> syllables;
    for (const char* onset : onsets) {
      for (const char* rhyme : rhymes) syllables.push_back(std::string(onset) + rhyme);
    }
    std::mt19937 rng(5000);
    std::uniform_int_distribution<size_t> pick(0, syllables.size() - 1);
    std::vector<std::string> words;
    for (int i = 0; i < 5000; ++i)
      words.push_back(syllables[pick(rng)] + " " + syllables[pick(rng)]);
    return words;
  }();
  return kWords;
}

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  // About 40 syllables about topic `t`.
  std::string Petition(size_t t) {
    const Topic& topic = Topics()[t];
    std::string text = kOpenings[Pick(kOpenings.size())];
    text += " thôn " + std::to_string(1 + Pick(20)) + ", ";
    // Four two-syllable chunks of the topic's phrases: varied wording.
    for (int i = 0; i < 4; ++i) {
      const std::string phrase = topic.phrases[Pick(topic.phrases.size())];
      std::vector<size_t> spaces = {0};
      for (size_t p = phrase.find(' '); p != std::string::npos; p = phrase.find(' ', p + 1)) {
        spaces.push_back(p + 1);
      }
      const size_t from = spaces[Pick(spaces.size())];
      const size_t second = phrase.find(' ', from);
      const size_t to =
          second == std::string::npos ? std::string::npos : phrase.find(' ', second + 1);
      text += phrase.substr(from, to == std::string::npos ? std::string::npos : to - from);
      text += ' ';
    }
    const size_t filler = 8 + Pick(5);
    for (size_t i = 0; i < filler; ++i) {
      const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
      if (i % 3 == 0) {
        // Everyday petition words, skewed to the first ones.
        text += kCommonWords[static_cast<size_t>(u * u * std::size(kCommonWords))];
      } else {
        // The long tail: a log-uniform (Zipf s = 1) pick among 5,000 words.
        text += Vocabulary()[static_cast<size_t>(std::pow(5000.0, u)) - 1];
      }
      text += ' ';
    }
    text += std::string("ở ") + kPlaces[Pick(kPlaces.size())] + " " + Name() + " gần nhà ông " +
            Name() + " từ năm " + std::to_string(2015 + Pick(11)) + ", " +
            kClosings[Pick(kClosings.size())] + ".";
    return text;
  }

  // Another citizen's wording of `text`: other opening and closing, a few
  // words kept in order.
  std::string Reword(const std::string& text) {
    const size_t comma = text.find(", ");
    std::string body = comma == std::string::npos ? text : text.substr(comma + 2);
    const size_t end = body.rfind(", ");
    if (end != std::string::npos) body.resize(end);
    return std::string(kOpenings[Pick(kOpenings.size())]) + ": " + body + ", " +
           kClosings[Pick(kClosings.size())] + ".";
  }

 private:
  std::string Name() {
    return std::string(kNameSyllables[Pick(kNameSyllables.size())]) + " " +
           kNameSyllables[Pick(kNameSyllables.size())];
  }
  std::mt19937 rng_;
};

struct Corpus {
  std::vector<std::string> texts;
  std::vector<size_t> topics;
};

const Corpus& Petitions() {
  static const Corpus kCorpus = [] {
    Corpus corpus;
    Generator gen(20250701);
    constexpr size_t kCount = 100000;
    corpus.texts.reserve(kCount);
    for (size_t i = 0; i < kCount; ++i) {
      if (i > 100 && gen.Pick(20) == 0) {
        const size_t original = gen.Pick(i);
        corpus.texts.push_back(gen.Reword(corpus.texts[original]));
        corpus.topics.push_back(corpus.topics[original]);
      } else {
        const size_t topic = gen.Pick(Topics().size());
        corpus.texts.push_back(gen.Petition(topic));
        corpus.topics.push_back(topic);
      }
    }
    return corpus;
  }();
  return kCorpus;
}

const doithoai::SimilarityIndex& Index() {
  static const doithoai::SimilarityIndex* const kIndex = [] {
    auto* index = new doithoai::SimilarityIndex();
    const Corpus& corpus = Petitions();
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
      index->Add(PetitionId{static_cast<int64_t>(i + 1)}, corpus.texts[i]);
    }
    return index;
  }();
  return *kIndex;
}

void BM_GroupDuplicates(benchmark::State& state) {
  const Corpus& corpus = Petitions();
  const size_t n = static_cast<size_t>(state.range(0));
  size_t groups = 0;
  size_t grouped = 0;
  for (auto _ : state) {
    doithoai::SimilarityIndex index;
    for (size_t i = 0; i < n; ++i)
      index.Add(PetitionId{static_cast<int64_t>(i + 1)}, corpus.texts[i]);
    const std::vector<std::vector<PetitionId>> result = index.Group(doithoai::kDuplicateThreshold);
    groups = result.size();
    grouped = 0;
    for (const auto& group : result) grouped += group.size();
    benchmark::DoNotOptimize(groups);
  }
  state.counters["groups"] = static_cast<double>(groups);
  state.counters["grouped"] = static_cast<double>(grouped);
}
BENCHMARK(BM_GroupDuplicates)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_SimilarQuery(benchmark::State& state) {
  const doithoai::SimilarityIndex& index = Index();
  Generator gen(7);
  std::vector<std::string> queries;
  for (int i = 0; i < 1000; ++i) queries.push_back(gen.Petition(gen.Pick(Topics().size())));
  size_t i = 0;
  size_t hits = 0;
  for (auto _ : state) {
    const auto result =
        index.Similar(queries[i++ % queries.size()], 10, doithoai::kDuplicateThreshold);
    hits += result.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["hits_per_query"] =
      benchmark::Counter(static_cast<double>(hits), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_SimilarQuery)->Unit(benchmark::kMicrosecond);

doithoai::Suggester LearnedSuggester() {
  doithoai::Result<doithoai::FieldLexicon> lexicon = doithoai::app::LoadFieldLexicon();
  const std::vector<doithoai::Unit> units = doithoai::EvalCommuneUnits();
  doithoai::Suggester suggester(lexicon.ok() ? *lexicon : doithoai::FieldLexicon{},
                                doithoai::DefaultPetitionFields(), units);
  const Corpus& corpus = Petitions();
  for (size_t i = 0; i < 1000; ++i) {
    const Topic& topic = Topics()[corpus.topics[i]];
    std::optional<doithoai::UnitId> unit;
    for (const doithoai::Unit& u : units) {
      if (u.short_name == topic.unit) unit = u.id;
    }
    suggester.Learn({corpus.texts[i], topic.field, unit});
  }
  return suggester;
}

void BM_SuggestFields(benchmark::State& state) {
  const doithoai::Suggester suggester = LearnedSuggester();
  const Corpus& corpus = Petitions();
  size_t i = 1000;
  for (auto _ : state) {
    auto result = suggester.SuggestFields(corpus.texts[i++ % corpus.texts.size()], 3);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_SuggestFields)->Unit(benchmark::kMicrosecond);

void BM_SuggestUnits(benchmark::State& state) {
  const doithoai::Suggester suggester = LearnedSuggester();
  const Corpus& corpus = Petitions();
  size_t i = 1000;
  for (auto _ : state) {
    auto result = suggester.SuggestUnits(corpus.texts[i++ % corpus.texts.size()], 3);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_SuggestUnits)->Unit(benchmark::kMicrosecond);

// The baseline of the ratios bench/run.sh prints: folding one petition's
// text (SRCH-01), the least work any text feature does.
void BM_FoldBaseline(benchmark::State& state) {
  const Corpus& corpus = Petitions();
  size_t i = 0;
  for (auto _ : state) {
    auto folded = doithoai::text::Fold(corpus.texts[i++ % corpus.texts.size()]);
    benchmark::DoNotOptimize(folded);
  }
}
BENCHMARK(BM_FoldBaseline)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
