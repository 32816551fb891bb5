// Petition search benchmark (issue #5): seeds a SQLite database with N
// synthetic petitions (default 1,000,000) of one commune through the
// repository the server uses (SqlPetitionRepository::CreateMany, one
// transaction per batch, synchronous=FULL), then runs a fixed set of search
// queries through SqlPetitionRepository::Search (limit 50, as the staff
// list) and prints their latency (p50/p95/p99/max), the result counts and the
// size of the database file.
//
// The texts are generated from a vocabulary of commune matters (đường, kênh
// mương, sổ đỏ, hộ nghèo, …) with a fixed seed, so two runs with the same
// --count build the same data. A benchmark, not a test: it uses the clock.
//
// Usage: doithoai_petition_search_bench [--count N] [--batch N] [--rounds N] [--db PATH]
//   --count   petitions to seed (default 1000000)
//   --batch   petitions per CreateMany transaction (default 5000)
//   --rounds  times each query of the fixed set runs (default 5; 40 queries)
//   --db      use (and keep) this database file; seeding only tops it up to
//             --count, so a rerun on the same file skips it. Without --db a
//             temporary directory is used and removed at the end.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/storage/sql/commune_repository.h"
#include "adapters/storage/sql/petition_repository.h"
#include "adapters/storage/sqlite/database.h"
#include "core/calendar/date.h"
#include "core/communes/commune.h"
#include "core/petitions/classification.h"
#include "core/petitions/petition.h"
#include "core/petitions/petition_repository.h"

namespace {

using doithoai::CommuneId;
using doithoai::Date;
using doithoai::ItemStatus;
using doithoai::Petition;
using doithoai::PetitionClass;
using doithoai::PetitionItem;
using doithoai::PetitionQuery;
using doithoai::Timestamp;
using doithoai::UnitId;
using doithoai::VillageId;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kSlug = "hoang-truong";
constexpr uint32_t kSeed = 20261127;

// ---- vocabulary -----------------------------------------------------------

// One kind of matter a commune receives: its field (DefaultPetitionFields
// codes), what it is about, what is wrong and what the citizen asks.
struct Topic {
  const char* field;
  std::vector<const char*> subjects;
  std::vector<const char*> problems;
  std::vector<const char*> requests;
};

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> kTopics = {
      {"xay-dung-giao-thong-thuy-loi",
       {"Đoạn đường bê tông", "Đường giao thông nông thôn", "Kênh mương nội đồng",
        "Cống thoát nước", "Cầu dân sinh", "Trạm bơm tưới tiêu", "Đường liên thôn",
        "Rãnh thoát nước khu dân cư", "Hệ thống điện chiếu sáng", "Đê bao chống lũ"},
       {"xuống cấp nghiêm trọng", "bị vỡ nhiều ổ gà, trời mưa đọng nước",
        "bị bồi lấp, vụ mùa vừa qua nhiều ruộng bị ngập úng", "bị sạt lở một đoạn dài",
        "hư hỏng đã lâu nhưng chưa được sửa chữa", "không có đèn, ban đêm đi lại nguy hiểm",
        "bị xe chở vật liệu quá tải làm lún nứt"},
       {"Đề nghị UBND xã sửa chữa sớm.", "Đề nghị xã nạo vét trước vụ đông xuân.",
        "Đề nghị đưa vào kế hoạch đầu tư nâng cấp.", "Đề nghị lắp đặt bổ sung.",
        "Đề nghị xã kiểm tra và có phương án khắc phục."}},
      {"dat-dai-moi-truong",
       {"Việc cấp sổ đỏ (giấy chứng nhận quyền sử dụng đất)", "Ranh giới thửa đất",
        "Đất nông nghiệp giao khoán", "Rác thải sinh hoạt", "Chuồng trại chăn nuôi",
        "Bãi rác tự phát", "Khai thác cát trái phép", "Đất công ích", "Bồi thường đất đai"},
       {"kéo dài nhiều năm chưa được giải quyết", "có tranh chấp với hộ liền kề",
        "bị lấn chiếm để xây dựng", "không được thu gom thường xuyên",
        "gây ô nhiễm, mùi hôi ảnh hưởng các hộ xung quanh", "chưa thỏa đáng so với giá thị trường",
        "đo đạc sai diện tích so với thực tế"},
       {"Đề nghị UBND xã xem xét giải quyết dứt điểm.", "Đề nghị cán bộ địa chính kiểm tra.",
        "Đề nghị xử lý nghiêm theo quy định.", "Đề nghị bố trí điểm tập kết rác hợp lý."}},
      {"chinh-sach-an-sinh-xa-hoi",
       {"Việc bình xét hộ nghèo", "Danh sách hộ cận nghèo", "Trợ cấp người cao tuổi",
        "Chế độ người có công", "Thẻ bảo hiểm y tế", "Trợ cấp người khuyết tật",
        "Hỗ trợ xây nhà ở cho hộ khó khăn"},
       {"chưa được xét duyệt dù đủ điều kiện", "bình xét không công khai, thiếu minh bạch",
        "chậm chi trả nhiều tháng", "chưa được cấp hoặc cấp sai thông tin",
        "bị cắt mà không được thông báo lý do"},
       {"Đề nghị xã rà soát lại.", "Đề nghị công khai danh sách tại nhà văn hóa thôn.",
        "Đề nghị giải thích rõ căn cứ.", "Đề nghị chi trả đầy đủ, đúng hạn."}},
      {"kinh-te-san-xuat-nong-nghiep",
       {"Giống lúa được hỗ trợ", "Dịch tả lợn châu Phi", "Phân bón hỗ trợ sản xuất",
        "Chuyển đổi cơ cấu cây trồng", "Vốn vay sản xuất", "Tiêu thụ nông sản",
        "Dồn điền đổi thửa"},
       {"kém chất lượng, tỷ lệ nảy mầm thấp", "lây lan nhưng chưa được hỗ trợ tiêu hủy",
        "phân bổ không đều giữa các hộ", "thiếu hướng dẫn kỹ thuật",
        "thủ tục rườm rà, khó tiếp cận", "bị thương lái ép giá"},
       {"Đề nghị xã hỗ trợ bà con.", "Đề nghị mở lớp tập huấn.",
        "Đề nghị có chính sách hỗ trợ kịp thời."}},
      {"van-hoa-giao-duc-y-te",
       {"Trường mầm non", "Trường tiểu học", "Trạm y tế xã", "Nhà văn hóa thôn", "Loa truyền thanh",
        "Sân thể thao", "Khu vui chơi trẻ em"},
       {"xuống cấp, mùa mưa bị dột", "thiếu phòng học và bàn ghế",
        "thiếu thuốc và trang thiết bị khám bệnh", "phát thanh quá sớm, âm lượng lớn",
        "bị sử dụng sai mục đích", "chưa có nhà vệ sinh đạt chuẩn"},
       {"Đề nghị xã quan tâm đầu tư.", "Đề nghị điều chỉnh giờ phát thanh.",
        "Đề nghị bố trí kinh phí sửa chữa."}},
      {"an-ninh-trat-tu",
       {"Tình trạng trộm cắp vặt", "Tụ tập đánh bạc", "Thanh thiếu niên đua xe",
        "Tiếng ồn hát karaoke", "Tệ nạn ma túy", "Chó thả rông"},
       {"diễn ra thường xuyên vào ban đêm", "gây mất an ninh trật tự khu dân cư",
        "kéo dài đến khuya ảnh hưởng giấc ngủ", "chưa được xử lý dứt điểm"},
       {"Đề nghị công an xã tăng cường tuần tra.", "Đề nghị xử lý nghiêm các trường hợp vi phạm.",
        "Đề nghị thôn nhắc nhở các hộ."}},
      {"thu-tuc-hanh-chinh",
       {"Thủ tục chứng thực", "Đăng ký khai sinh", "Hồ sơ cấp giấy phép xây dựng",
        "Thủ tục đăng ký kết hôn", "Hồ sơ dịch vụ công trực tuyến"},
       {"bị trả lại nhiều lần", "phải đi lại nhiều lần mới xong", "quá hạn hẹn trả kết quả",
        "yêu cầu thêm giấy tờ không cần thiết"},
       {"Đề nghị bộ phận một cửa hướng dẫn rõ ràng.", "Đề nghị giải quyết đúng hạn."}},
      {"to-chuc-can-bo-chinh-quyen",
       {"Thái độ của cán bộ tiếp dân", "Việc công khai tài chính thôn",
        "Khoản đóng góp xây dựng nông thôn mới", "Hoạt động của ban quản lý thôn"},
       {"chưa đúng mực, gây khó khăn cho người dân", "chưa được công khai đầy đủ",
        "thu sai quy định", "thiếu dân chủ trong bàn bạc"},
       {"Đề nghị UBND xã chấn chỉnh.", "Đề nghị công khai để nhân dân giám sát."}},
  };
  return kTopics;
}

const std::vector<const char*> kFillers = {
    "Người dân đã nhiều lần phản ánh với thôn nhưng chưa được giải quyết.",
    "Việc này ảnh hưởng lớn đến đời sống và sản xuất của bà con.",
    "Học sinh đi học hằng ngày rất khó khăn, nhất là mùa mưa.",
    "Mong chính quyền sớm quan tâm.",
    "Nhiều hộ trong xóm cùng có ý kiến như trên.",
    "Gia đình tôi có giấy tờ kèm theo để đối chiếu.",
    "Tại hội nghị năm trước đã có ý kiến nhưng chưa có kết quả.",
};

const std::vector<const char*> kVillages = {
    "Thôn Trung Thành", "Thôn Đông Hải", "Thôn Tây Sơn",     "Thôn Bắc Hà",  "Thôn Nam Ngạn",
    "Thôn Phú Lâm",     "Thôn Hòa Bình", "Thôn Quang Trung", "Thôn Tân Lập", "Thôn Yên Phú"};

const std::vector<std::pair<const char*, const char*>> kUnits = {
    {"Văn phòng UBND xã", "VP"},       {"Tài chính – Ngân sách", "TC-NS"},
    {"Địa chính – Xây dựng", "ĐC-XD"}, {"Tư pháp – Hộ tịch", "TP-HT"},
    {"Văn hóa – Xã hội", "VH-XH"},     {"Công an xã", "CA"}};

const std::vector<const char*> kFamily = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",   "Võ",  "Đặng",
    "Bùi",    "Đỗ",   "Hồ", "Ngô",  "Dương", "Lý",    "Trịnh", "Đinh", "Mai", "Lương"};
const std::vector<const char*> kMaleMiddle = {"Văn", "Đức",  "Minh", "Quang",
                                              "Hữu", "Xuân", "Công", "Thanh"};
const std::vector<const char*> kFemaleMiddle = {"Thị", "Ngọc", "Thu", "Kim", "Thanh", "Minh"};
const std::vector<const char*> kMaleGiven = {"An",    "Bình", "Cường", "Dũng", "Hải",  "Hùng",
                                             "Long",  "Nam",  "Phúc",  "Quân", "Sơn",  "Thắng",
                                             "Trung", "Tuấn", "Khánh", "Lộc",  "Tùng", "Đạt"};
const std::vector<const char*> kFemaleGiven = {"Hà",   "Hạnh", "Hoa",   "Hương",  "Lan",
                                               "Mai",  "Nga",  "Ngọc",  "Phương", "Tâm",
                                               "Thảo", "Thủy", "Trang", "Vân",    "Yến"};

// ---- generation -----------------------------------------------------------

class Generator {
 public:
  Generator(uint32_t seed, Date first, Date today, int64_t count)
      : rng_(seed), first_(first), today_(today), count_(count) {}

  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng_)];
  }
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // Petition number `index` of `count_`: received in order between first_
  // and today_, so codes grow with the date as they would in the real app.
  Petition Make(int64_t index, CommuneId commune, const std::vector<VillageId>& villages,
                const std::vector<UnitId>& units) {
    const int span_days = doithoai::DaysBetween(first_, today_);
    const int64_t span_ms = int64_t{span_days} * 86'400'000;
    const int64_t offset_ms = span_ms * index / std::max<int64_t>(count_, 1);
    const Timestamp first_at{std::chrono::sys_days(first_.sys_days())};
    // Office hours-ish jitter; stays monotonic enough for a benchmark.
    const Timestamp at = first_at + std::chrono::milliseconds(offset_ms);

    Petition p;
    p.commune_id = commune;
    p.received_at = at;
    p.received_on = Date(std::chrono::floor<std::chrono::days>(at));
    p.year = p.received_on.year();
    const double channel = Uniform();
    p.channel = channel < 0.40   ? doithoai::PetitionChannel::kOnline
                : channel < 0.60 ? doithoai::PetitionChannel::kWalkIn
                : channel < 0.85 ? doithoai::PetitionChannel::kVillageHead
                : channel < 0.95 ? doithoai::PetitionChannel::kLetter
                                 : doithoai::PetitionChannel::kConference;
    if (p.channel == doithoai::PetitionChannel::kOnline) {
      p.form_token = "seed-" + std::to_string(index);
    }
    const size_t village = std::uniform_int_distribution<size_t>(0, villages.size() - 1)(rng_);
    const bool female = Uniform() < 0.45;
    p.submitter.name = std::string(Pick(kFamily)) + " " +
                       (female ? Pick(kFemaleMiddle) : Pick(kMaleMiddle)) + " " +
                       (female ? Pick(kFemaleGiven) : Pick(kMaleGiven));
    p.submitter.phone = "09" + std::to_string(10'000'000 + Int(0, 89'999'999));
    p.submitter.address =
        "Xóm " + std::to_string(Int(1, 12)) + ", " + kVillages[village] + ", xã Hoằng Trường";
    p.submitter.village_id = villages[village];
    p.village_id = villages[village];

    const double n = Uniform();
    const int items = n < 0.80 ? 1 : n < 0.95 ? 2 : 3;
    const int age = doithoai::DaysBetween(p.received_on, today_);
    const double open_share = age < 30 ? 0.9 : age < 180 ? 0.4 : 0.08;
    for (int i = 1; i <= items; ++i) {
      p.items.push_back(MakeItem(i, village, p.received_on, open_share, units));
    }
    if (p.HasDenunciation()) {
      // CONF-01/02: the identity only sealed, the village kept clear. The
      // bytes stand in for the vault's ciphertext.
      p.identity_sealed = true;
      p.sealed_identity = "bench-sealed-" + std::to_string(index);
      p.submitter = doithoai::Submitter{};
      p.village_id.reset();
    }
    doithoai::HistoryEntry received;
    received.at = at;
    received.actor = p.channel == doithoai::PetitionChannel::kOnline ? "Công dân" : "Văn phòng";
    received.action = "received";
    received.to_status = "received";
    p.history.push_back(received);
    if (p.items[0].status != ItemStatus::kReceived) {
      doithoai::HistoryEntry moved;
      moved.at = at + std::chrono::hours(24 * Int(1, 10));
      moved.actor = "Nguyễn Văn Phong";
      moved.item = 1;
      moved.action = "status";
      moved.from_status = "received";
      moved.to_status = std::string(doithoai::ItemStatusCode(p.items[0].status));
      p.history.push_back(moved);
    }
    return p;
  }

 private:
  PetitionItem MakeItem(int number, size_t village, Date received, double open_share,
                        const std::vector<UnitId>& units) {
    PetitionItem item;
    item.number = number;
    const double c = Uniform();
    item.petition_class = c < 0.55   ? PetitionClass::kProposal
                          : c < 0.85 ? PetitionClass::kReport
                          : c < 0.98 ? PetitionClass::kComplaint
                                     : PetitionClass::kDenunciation;
    const Topic& topic = Pick(Topics());
    std::string text;
    if (item.petition_class == PetitionClass::kDenunciation) {
      text = "Tố cáo cán bộ thôn có hành vi " +
             std::string(Pick(std::vector<const char*>{
                 "nhận tiền của các hộ khi xét hộ nghèo", "lấn chiếm đất công để xây nhà",
                 "thu tiền đóng góp sai quy định không trả lại"})) +
             ". " + Pick(kFillers);
    } else {
      text = std::string(Pick(topic.subjects)) + " tại " + kVillages[village] + " " +
             Pick(topic.problems) + ". " + Pick(kFillers) + " " + Pick(topic.requests);
      if (Uniform() < 0.3) text += std::string(" ") + Pick(kFillers);
    }
    item.text = std::move(text);

    const bool open = Uniform() < open_share;
    const double s = Uniform();
    if (open) {
      item.status = s < 0.35   ? ItemStatus::kReceived
                    : s < 0.55 ? ItemStatus::kClassified
                    : s < 0.75 ? ItemStatus::kAssigned
                    : s < 0.97 ? ItemStatus::kInProgress
                               : ItemStatus::kReopened;
    } else {
      item.status = s < 0.25   ? ItemStatus::kAnswered
                    : s < 0.45 ? ItemStatus::kNotified
                    : s < 0.93 ? ItemStatus::kClosed
                    : s < 0.97 ? ItemStatus::kForwarded
                               : ItemStatus::kFiled;
    }
    const bool classified = item.status != ItemStatus::kReceived;
    item.class_confirmed = classified;
    item.field = classified || Uniform() < 0.5 ? topic.field : "";
    if (classified && item.status != ItemStatus::kClassified) item.unit_id = Pick(units);
    const bool complaint = item.petition_class == PetitionClass::kComplaint;
    const bool denunciation = item.petition_class == PetitionClass::kDenunciation;
    item.step = complaint ? "resolve" : denunciation ? "initial" : "answer";
    item.rule_id = complaint ? "KN-03" : denunciation ? "TC-01" : "TCD-07";
    item.step_start = received;
    item.deadline = received.AddDays(complaint ? 30 : denunciation ? 10 : 10);
    if (item.status == ItemStatus::kAnswered || item.status == ItemStatus::kNotified ||
        item.status == ItemStatus::kClosed) {
      item.answer = doithoai::PetitionAnswer{
          "UBND xã đã kiểm tra, đưa vào kế hoạch giải quyết và thông báo cho công dân.", "",
          !denunciation && Uniform() < 0.3, received.AddDays(Int(3, 25)), "Lê Thanh Cảnh"};
    } else if (item.status == ItemStatus::kForwarded) {
      item.forwarded_to = "Thanh tra tỉnh Thanh Hóa";
    } else if (item.status == ItemStatus::kFiled) {
      item.filing_reason = doithoai::FilingReason::kDuplicate;
      item.status_note = "Đơn trùng nội dung đã giải quyết.";
    }
    return item;
  }

  std::mt19937 rng_;
  Date first_;
  Date today_;
  int64_t count_;
};

// ---- helpers --------------------------------------------------------------

[[noreturn]] void Die(const std::string& what, const doithoai::Error& error) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), error.message.c_str());
  std::exit(1);
}

template <typename T>
T Check(doithoai::Result<T> r, const std::string& what) {
  if (!r.ok()) Die(what, r.error());
  return std::move(r).value();
}

Date MustDate(int y, int m, int d) { return Check(Date::FromYmd(y, m, d), "date"); }

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

uintmax_t FileSize(const std::string& path) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

struct Args {
  int64_t count = 1'000'000;
  int batch = 5000;
  int rounds = 5;
  std::string db;
};

Args ParseArgs(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "missing value after %s\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--count") {
      args.count = std::stoll(value());
    } else if (a == "--batch") {
      args.batch = std::max(1, std::stoi(value()));
    } else if (a == "--rounds") {
      args.rounds = std::max(1, std::stoi(value()));
    } else if (a == "--db") {
      args.db = value();
    } else {
      std::fprintf(stderr, "usage: %s [--count N] [--batch N] [--rounds N] [--db PATH]\n", argv[0]);
      std::exit(2);
    }
  }
  return args;
}

// The commune with its villages and units, created on a fresh database.
struct Fixture {
  CommuneId commune;
  std::vector<VillageId> villages;
  std::vector<UnitId> units;
};

Fixture LoadOrCreateCommune(doithoai::sql::SqlCommuneRepository& communes,
                            const doithoai::AuditContext& ctx) {
  Fixture f;
  doithoai::Result<doithoai::Commune> found = communes.FindCommuneBySlug(kSlug);
  if (found.ok()) {
    f.commune = found->id;
  } else {
    doithoai::Commune c;
    c.slug = std::string(kSlug);
    c.code = "99001";
    c.name = "Hoằng Trường";
    c.province_name = "Thanh Hóa";
    c.address = "Hội trường công sở xã Hoằng Trường";
    f.commune = Check(communes.CreateCommune(c, ctx), "CreateCommune");
    doithoai::AuditContext scoped = ctx;
    scoped.commune = f.commune;
    for (size_t i = 0; i < kVillages.size(); ++i) {
      Check(communes.AddVillage(
                doithoai::Village{{}, f.commune, kVillages[i], static_cast<int>(i) + 1}, scoped),
            "AddVillage");
    }
    for (const auto& [name, short_name] : kUnits) {
      Check(communes.AddUnit(doithoai::Unit{{}, f.commune, name, short_name}, scoped), "AddUnit");
    }
  }
  for (const doithoai::Village& v : Check(communes.ListVillages(f.commune), "ListVillages")) {
    f.villages.push_back(v.id);
  }
  for (const doithoai::Unit& u : Check(communes.ListUnits(f.commune), "ListUnits")) {
    f.units.push_back(u.id);
  }
  return f;
}

// One query of the fixed set, in a named group.
struct NamedQuery {
  const char* group;
  PetitionQuery query;
};

std::vector<NamedQuery> Queries(const Fixture& f, Date today) {
  std::vector<NamedQuery> out;
  auto text = [&](const char* group, const char* q) {
    PetitionQuery query;
    query.q = q;
    out.push_back({group, query});
  };
  // The staff list's first page: no text, no filter.
  out.push_back({"list (no filter)", PetitionQuery{}});
  // Filters alone.
  for (ItemStatus s : {ItemStatus::kReceived, ItemStatus::kInProgress, ItemStatus::kClosed}) {
    PetitionQuery q;
    q.status = s;
    out.push_back({"status filter", q});
  }
  for (const char* field : {"dat-dai-moi-truong", "an-ninh-trat-tu"}) {
    PetitionQuery q;
    q.field = field;
    out.push_back({"field filter", q});
  }
  {
    PetitionQuery q;
    q.overdue_only = true;
    q.today = today;
    out.push_back({"overdue", q});
    q.village_id = f.villages[3];
    out.push_back({"overdue", q});
  }
  // Folded words as staff type them (no diacritics), rare to very common.
  for (const char* q : {"duong", "kenh", "so do", "rac", "ho ngheo", "bao hiem", "truong",
                        "karaoke", "khai sinh", "ma tuy"}) {
    text("one/two words, folded", q);
  }
  for (const char* q : {"duong lang", "kenh muong", "dien chieu sang", "dat dai", "hoang truong"}) {
    text("phrase, folded", q);
  }
  // With diacritics (SRCH-03 ranking of exact matches first).
  for (const char* q :
       {"kênh mương", "sổ đỏ", "hộ nghèo", "bảo hiểm y tế", "trường mầm non", "điện chiếu sáng"}) {
    text("with diacritics", q);
  }
  // People and places.
  for (const char* q : {"nguyen van hung", "Trần Thị Lan", "tan lap", "xom 7 phu lam"}) {
    text("name / address", q);
  }
  // A tracking code prefix and a word that matches nothing.
  text("code / no match", "HT-25-0042");
  text("code / no match", "xyzzy");
  // Text with filters.
  for (const char* q : {"duong", "so do", "ho ngheo"}) {
    PetitionQuery query;
    query.q = q;
    query.status = ItemStatus::kInProgress;
    out.push_back({"text + status", query});
  }
  {
    PetitionQuery query;
    query.q = "kenh muong";
    query.field = "xay-dung-giao-thong-thuy-loi";
    query.overdue_only = true;
    query.today = today;
    out.push_back({"text + field + overdue", query});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = ParseArgs(argc, argv);
  std::string dir;
  std::string path = args.db;
  if (path.empty()) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "doithoai_search_bench_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      return 1;
    }
    dir = pattern;
    path = dir + "/bench.db";
  }
  const Date today = MustDate(2026, 12, 1);
  const Date first = MustDate(2023, 1, 1);

  {
    std::unique_ptr<doithoai::sqlite::SqliteDatabase> db =
        Check(doithoai::sqlite::SqliteDatabase::Open(path), "Open " + path);
    Check(db->Migrate(), "Migrate");
    doithoai::sql::SqlCommuneRepository communes(*db);
    doithoai::sql::SqlPetitionRepository petitions(*db);
    doithoai::AuditContext ctx;
    ctx.actor_name = "bench";
    ctx.at = Timestamp{std::chrono::sys_days(today.sys_days())};
    const Fixture f = LoadOrCreateCommune(communes, ctx);
    ctx.commune = f.commune;

    PetitionQuery all;
    all.limit = 1;
    const int64_t existing = Check(petitions.Search(f.commune, all), "Search").total;
    std::printf("database: %s\n", path.c_str());
    if (existing >= args.count) {
      std::printf("seeding: skipped, %lld petitions already stored\n",
                  static_cast<long long>(existing));
    } else {
      // Tops an existing file up; indexes continue where it stopped.
      Generator gen(kSeed + static_cast<uint32_t>(existing), first, today, args.count);
      std::printf("seeding %lld petitions in batches of %d (CreateMany, synchronous=FULL)…\n",
                  static_cast<long long>(args.count - existing), args.batch);
      std::fflush(stdout);
      Clock::duration in_repo{};
      const Clock::time_point start = Clock::now();
      Clock::time_point last_report = start;
      std::vector<Petition> batch;
      for (int64_t i = existing; i < args.count;) {
        batch.clear();
        for (; i < args.count && batch.size() < static_cast<size_t>(args.batch); ++i) {
          batch.push_back(gen.Make(i, f.commune, f.villages, f.units));
        }
        const Clock::time_point t0 = Clock::now();
        Check(petitions.CreateMany(kSlug, batch, ctx), "CreateMany");
        in_repo += Clock::now() - t0;
        if (Clock::now() - last_report > std::chrono::seconds(15)) {
          last_report = Clock::now();
          std::printf("  %lld stored, %.0f/s\n", static_cast<long long>(i),
                      static_cast<double>(i - existing) / (Ms(last_report - start) / 1000));
          std::fflush(stdout);
        }
      }
      const double total_s = Ms(Clock::now() - start) / 1000;
      const double repo_s = Ms(in_repo) / 1000;
      const double n = static_cast<double>(args.count - existing);
      std::printf(
          "seeded %.0f petitions in %.1f s: %.0f petitions/s overall, %.0f/s in CreateMany "
          "(%.1f s)\n",
          n, total_s, n / total_s, n / repo_s, repo_s);
    }

    const std::vector<NamedQuery> queries = Queries(f, today);
    std::map<std::string, std::vector<double>> by_group;
    std::map<std::string, std::pair<int64_t, int64_t>> totals;  // group → min, max total
    std::vector<std::string> order;
    std::vector<double> everything;
    for (int round = 0; round < args.rounds; ++round) {
      for (const NamedQuery& nq : queries) {
        PetitionQuery q = nq.query;
        q.limit = 50;
        const Clock::time_point t0 = Clock::now();
        doithoai::PetitionPage page = Check(petitions.Search(f.commune, q), "Search " + q.q);
        const double ms = Ms(Clock::now() - t0);
        if (!by_group.contains(nq.group)) {
          order.push_back(nq.group);
          totals[nq.group] = {page.total, page.total};
        }
        by_group[nq.group].push_back(ms);
        auto& [lo, hi] = totals[nq.group];
        lo = std::min(lo, page.total);
        hi = std::max(hi, page.total);
        everything.push_back(ms);
      }
    }

    std::printf("\n%zu queries (%zu distinct × %d rounds), Search with limit 50:\n\n",
                everything.size(), queries.size(), args.rounds);
    std::printf("%-24s %6s %9s %9s %9s %9s  %s\n", "query group", "runs", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "matches");
    auto row = [](const std::string& name, const std::vector<double>& v, const std::string& m) {
      std::printf("%-24s %6zu %9.2f %9.2f %9.2f %9.2f  %s\n", name.c_str(), v.size(),
                  Percentile(v, 0.50), Percentile(v, 0.95), Percentile(v, 0.99), Percentile(v, 1.0),
                  m.c_str());
    };
    for (const std::string& g : order) {
      const auto [lo, hi] = totals[g];
      row(g, by_group[g],
          lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi));
    }
    row("ALL", everything, "");
  }

  const uintmax_t bytes = FileSize(path) + FileSize(path + "-wal");
  std::printf("\ndatabase file: %.1f MiB (%s, with WAL)\n",
              static_cast<double>(bytes) / (1024.0 * 1024.0), path.c_str());
  if (!dir.empty()) std::filesystem::remove_all(dir);
  return 0;
}
