// Tests of ParseRoster: header recognition after folding, villages and
// officials, and that every bad row is reported by line with nothing returned.
#include "core/communes/roster_import.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace doithoai {
namespace {

constexpr CommuneId kCommune{7};

RosterExisting Existing() {
  RosterExisting e;
  e.commune = kCommune;
  e.villages = {Village{VillageId{1}, kCommune, "Thôn Đông", 4}};
  e.units = {Unit{UnitId{11}, kCommune, "Văn phòng – Thống kê", "VP-TK"},
             Unit{UnitId{12}, kCommune, "Tài chính – Kế toán", ""}};
  e.officials = {Official{OfficialId{21}, kCommune, "Lê Văn An", "Chủ tịch", {}, ""}};
  return e;
}

Result<RosterImport> ParseText(const std::string& csv) {
  return ParseRoster(ParseCsv(csv), Existing());
}

std::vector<std::string> BadLines(const Result<RosterImport>& r) {
  std::vector<std::string> lines;
  for (const FieldError& f : r.error().fields) {
    lines.push_back(f.field);
  }
  return lines;
}

std::string MessageFor(const Result<RosterImport>& r, const std::string& line) {
  for (const FieldError& f : r.error().fields) {
    if (f.field == line) {
      return f.message;
    }
  }
  return "";
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(RosterImportTest, ReadsVillagesWithOrder) {
  auto r = ParseText("STT,Tên thôn\n1,Thôn 1\n3,Thôn Trung Thành\n2,Tổ dân phố Bắc\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->kind, RosterKind::kVillages);
  ASSERT_EQ(r->villages.size(), 3u);
  EXPECT_TRUE(r->officials.empty());
  EXPECT_EQ(r->villages[0].name, "Thôn 1");
  EXPECT_EQ(r->villages[0].position, 1);
  EXPECT_EQ(r->villages[0].commune_id, kCommune);
  EXPECT_FALSE(r->villages[0].id.valid());
  EXPECT_EQ(r->villages[1].position, 3);
  EXPECT_EQ(r->blank_rows, 0);
  EXPECT_EQ(RosterImportSummary(*r), "Đã nhập 3 thôn (bỏ qua 0 dòng trống).");
}

TEST(RosterImportTest, MatchesHeaderSpellingsAfterFolding) {
  for (const char* header : {"ten_thon", "Tên thôn", "TÊN THÔN", "  tên   thôn ", "Thôn",
                             "Tên thôn, tổ dân phố", "Ten thon (*)", "Te\xCC\x82n tho\xCC\x82n"}) {
    auto r = ParseText(std::string("\"") + header + "\"\nThôn 1\n");
    ASSERT_TRUE(r.ok()) << header << ": " << r.error().message;
    EXPECT_EQ(r->villages.size(), 1u) << header;
  }
  for (const char* header : {"thu_tu", "Thứ tự", "STT", "Số thứ tự"}) {
    auto r = ParseText(std::string(header) + ",Tên thôn\n5,Thôn 1\n");
    ASSERT_TRUE(r.ok()) << header << ": " << r.error().message;
    EXPECT_EQ(r->villages[0].position, 5) << header;
  }
}

TEST(RosterImportTest, VillagesWithoutOrderFollowTheExistingOnes) {
  auto r = ParseText("Tên thôn,Thứ tự\nThôn A,\nThôn B,1\nThôn C,\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->villages.size(), 3u);
  EXPECT_EQ(r->villages[0].position, 5);  // existing max is 4
  EXPECT_EQ(r->villages[1].position, 1);
  EXPECT_EQ(r->villages[2].position, 7);
}

TEST(RosterImportTest, NormalisesCells) {
  // NFC (TXT-01), trimming, one space for runs of whitespace and line breaks.
  auto r = ParseText("Tên thôn\n  Tho\xCC\x82n  \xC2\xA0Trung\r\n\"Tha\xCC\x80nh\nMới\"  \n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->villages.size(), 2u);
  EXPECT_EQ(r->villages[0].name, "Thôn Trung");
  EXPECT_EQ(r->villages[1].name, "Thành Mới");
}

TEST(RosterImportTest, ReadsOfficials) {
  auto r = ParseText(
      "STT,Họ và tên,Chức vụ,Bộ phận,Tên gọi sắp xếp\n"
      "1,Nguyễn Thị Hồng Nhung,Công chức Văn phòng – Thống kê,vp-tk,Nhung\n"
      "2,Trần Văn Bình,Kế toán,TÀI CHÍNH – KẾ TOÁN,\n"
      "3,Phạm Thị Cúc,,,\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->kind, RosterKind::kOfficials);
  EXPECT_TRUE(r->villages.empty());
  ASSERT_EQ(r->officials.size(), 3u);
  const Official& first = r->officials[0];
  EXPECT_EQ(first.commune_id, kCommune);
  EXPECT_EQ(first.full_name, "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(first.position, "Công chức Văn phòng – Thống kê");
  EXPECT_EQ(first.unit_id, std::optional<UnitId>(UnitId{11}));  // by short name
  EXPECT_EQ(first.sort_given_name, "Nhung");
  EXPECT_EQ(r->officials[1].unit_id, std::optional<UnitId>(UnitId{12}));  // by name
  EXPECT_EQ(r->officials[2].unit_id, std::nullopt);
  EXPECT_EQ(r->officials[2].position, "");
  EXPECT_EQ(RosterImportSummary(*r), "Đã nhập 3 cán bộ (bỏ qua 0 dòng trống).");
}

TEST(RosterImportTest, SkipsAndCountsBlankRows) {
  auto r = ParseText("\n  \nTên thôn\nThôn 1\n,\n\"\"\n \xC2\xA0\nThôn 2\n\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->villages.size(), 2u);
  EXPECT_EQ(r->blank_rows, 6);
  EXPECT_EQ(RosterImportSummary(*r), "Đã nhập 2 thôn (bỏ qua 6 dòng trống).");
}

TEST(RosterImportTest, CollectsEveryBadVillageRow) {
  std::string long_name(101, 'x');
  auto r = ParseText(
      "Thứ tự,Tên thôn\n"
      "1,Thôn 1\n"  // 2: good
      "2,\n"        // 3: no name
      "3," +
      long_name +
      "\n"                  // 4: too long
      "4,THÔN 1\n"          // 5: duplicate of line 2 after folding
      "5,thon dong\n"       // 6: already in the commune
      "sáu,Thôn 6\n"        // 7: order not a number
      "7,Ho\xFF\n"          // 8: not UTF-8
      "8,Thôn 8,ghi chú\n"  // 9: a cell under no header
      "9,\"Thôn \"9\"\n"    // 10: broken quoting
      "-1,Thôn 10\n"        // 11: order out of range
      "10,Thôn 11\n");      // 12: good
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, "Tệp có 9 dòng lỗi; chưa nhập dòng nào.");
  EXPECT_EQ(BadLines(r), (std::vector<std::string>{"dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7",
                                                   "dòng 8", "dòng 9", "dòng 10", "dòng 11"}));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 3"), "Chưa có tên thôn"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 4"), "dài 101 ký tự, tối đa 100"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 5"), "trùng với dòng 2"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 6"), "Xã đã có thôn “thon dong”"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 7"), "Thứ tự “sáu” không phải số nguyên"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 8"), "UTF-8"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 9"), "cột thứ 3"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 10"), "ngoặc kép"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 11"), "từ 0 đến 9999"));
}

TEST(RosterImportTest, ListsEveryProblemOfARow) {
  auto r = ParseText("Thứ tự,Tên thôn\nabc,\n");
  ASSERT_FALSE(r.ok());
  std::string message = MessageFor(r, "dòng 2");
  EXPECT_TRUE(Has(message, "Chưa có tên thôn")) << message;
  EXPECT_TRUE(Has(message, "Thứ tự “abc”")) << message;
}

TEST(RosterImportTest, CollectsEveryBadOfficialRow) {
  auto r = ParseText(
      "Họ tên,Chức vụ,Bộ phận,Tên gọi sắp xếp\n"
      "Trần Văn Bình,Kế toán,,\n"            // 2: good
      ",Văn phòng,,\n"                       // 3: no name
      "trần văn bình,Tư pháp,,\n"            // 4: duplicate of line 2
      "LÊ VĂN AN,Phó Chủ tịch,,\n"           // 5: already in the commune
      "Phạm Cúc,Văn thư,Bộ phận Một cửa,\n"  // 6: unknown unit
      "Đỗ Minh,\"a\x01"
      "b\",,\n");  // 7: control character
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(BadLines(r),
            (std::vector<std::string>{"dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7"}));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 3"), "Chưa có họ và tên"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 4"), "trùng với dòng 2"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 4"), "hai người trùng tên"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 5"), "Xã đã có cán bộ “LÊ VĂN AN”"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 6"), "không có bộ phận “Bộ phận Một cửa”"));
  EXPECT_TRUE(Has(MessageFor(r, "dòng 7"), "Chức vụ có ký tự điều khiển"));
}

TEST(RosterImportTest, UnknownUnitWhenTheCommuneHasNone) {
  RosterExisting existing = Existing();
  existing.units.clear();
  auto r = ParseRoster(ParseCsv("Họ tên,Chức vụ,Bộ phận\nA B,C,Văn phòng\n"), existing);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Has(MessageFor(r, "dòng 2"), "Xã chưa có bộ phận nào"));
}

TEST(RosterImportTest, RejectsBadHeadersOnTheirLine) {
  struct Case {
    std::string csv;
    std::string line;
    std::string says;
  };
  for (const Case& c : std::vector<Case>{
           {"Tên thôn,Ghi chú\nThôn 1,x\n", "dòng 1", "Không nhận ra cột “Ghi chú”"},
           {"\nTên thôn,Họ tên\n", "dòng 2", "cả cột “Tên thôn” và cột “Họ và tên”"},
           {"STT,Tên\n1,x\n", "dòng 1", "Không nhận ra cột “Tên”"},
           {"STT\n1\n", "dòng 1", "không có cột tên"},
           {"Họ và tên\nLê B\n", "dòng 1", "cần cột “Chức vụ”"},
           {"Tên thôn,Chức vụ\nThôn 1,x\n", "dòng 1", "chỉ dùng cho danh sách cán bộ"},
           {"Tên thôn,Thôn\nA,B\n", "dòng 1", "cột trùng: “Thôn”"},
           {"T\xFFn\nA\n", "dòng 1", "UTF-8"},
           {"DANH SÁCH THÔN\nTên thôn\nThôn 1\n", "dòng 1", "Tên thôn"},
       }) {
    auto r = ParseText(c.csv);
    ASSERT_FALSE(r.ok()) << c.csv;
    EXPECT_EQ(r.error().message, "Tệp có 1 dòng lỗi; chưa nhập dòng nào.") << c.csv;
    EXPECT_EQ(BadLines(r), std::vector<std::string>{c.line}) << c.csv;
    EXPECT_TRUE(Has(MessageFor(r, c.line), c.says)) << c.csv << " → " << MessageFor(r, c.line);
  }
}

TEST(RosterImportTest, RejectsEmptyFilesAndHeaderOnlyFiles) {
  for (const char* csv : {"", "\n \n", "\xEF\xBB\xBF"}) {
    auto r = ParseText(csv);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(Has(r.error().message, "Tệp trống"));
    EXPECT_TRUE(r.error().fields.empty());
  }
  auto r = ParseText("Tên thôn\n\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Has(r.error().message, "không có dòng dữ liệu"));
}

TEST(RosterImportTest, UsesTheRowNumbersOfSpreadsheetRows) {
  // Spreadsheet rows may skip numbers and have no fields when empty.
  std::vector<CsvRow> rows = {{2, {"", "Tên thôn"}, "", false},
                              {3, {}, "", true},
                              {5, {"", "Thôn 1"}, "", false},
                              {9, {"", ""}, "", false}};
  auto ok = ParseRoster(rows, Existing());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->blank_rows, 2);
  rows.push_back({12, {"", "Thôn 1"}, "", false});
  auto bad = ParseRoster(rows, Existing());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(BadLines(bad), std::vector<std::string>{"dòng 12"});
  EXPECT_TRUE(Has(MessageFor(bad, "dòng 12"), "trùng với dòng 5"));
}

}  // namespace
}  // namespace doithoai
