#include "adapters/json/json_reader.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/ids.h"

namespace doithoai::json_reader {
namespace {

using nlohmann::json;

enum class Color { kRed, kGreen };

std::string_view ColorCode(Color c) { return c == Color::kRed ? "red" : "green"; }

// Accepts the codes and, like some core parsers, a label.
Result<Color> ParseColor(std::string_view text) {
  if (text == "red" || text == "Đỏ") return Color::kRed;
  if (text == "green") return Color::kGreen;
  return MakeError(ErrorCode::kInvalidArgument, "Màu không hợp lệ.");
}

struct Item {
  int number = 0;
  std::optional<Date> due;
};

Status ReadItem(const json& v, const Path& path, Item& item) {
  return ObjectReader(v, path)
      .Read("number", item.number, ReadInt)
      .Read("due", item.due, OptionalReader<Date>(ReadDate))
      .status();
}

struct Doc {
  std::string name = "unchanged";
  bool flag = false;
  std::vector<Item> items;
};

Status ReadDoc(const json& v, Doc& doc) {
  return ObjectReader(v, Path{"thử", ""})
      .Read("name", doc.name, ReadString)
      .Read("flag", doc.flag, ReadBool)
      .Read("items", doc.items, ListReader<Item>(ReadItem))
      .status();
}

TEST(JsonReaderTest, ReadsKeysAndKeepsMissingOnes) {
  Doc doc;
  Status status = ReadDoc(
      json::parse(
          R"({"flag": true, "items": [{"number": 2, "due": "2026-03-02"}, {"due": null}]})"),
      doc);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(doc.name, "unchanged");
  EXPECT_TRUE(doc.flag);
  ASSERT_EQ(doc.items.size(), 2u);
  EXPECT_EQ(doc.items[0].number, 2);
  EXPECT_EQ(doc.items[0].due, Date::Parse("2026-03-02").value());
  EXPECT_FALSE(doc.items[1].due.has_value());
}

TEST(JsonReaderTest, ErrorNamesTheDocumentAndTheKeyPath) {
  Doc doc;
  Status status = ReadDoc(json::parse(R"({"items": [{"number": 1}, {"due": "02/03/2026"}]})"), doc);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "items[1].due");
  EXPECT_EQ(status.error().message.rfind("Dữ liệu thử không hợp lệ ở trường \"items[1].due\": ", 0),
            0u)
      << status.error().message;
}

TEST(JsonReaderTest, DocumentThatIsNotAnObjectIsDollar) {
  Doc doc;
  Status status = ReadDoc(json::array(), doc);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().fields.at(0).field, "$");
  EXPECT_EQ(status.error().message, "Dữ liệu thử không hợp lệ ở trường \"$\": Phải là đối tượng.");
}

TEST(JsonReaderTest, NumbersAreRangeChecked) {
  const Path path{"thử", "n"};
  int small = 0;
  EXPECT_FALSE(ReadInt(json(int64_t{1} << 40), path, small).ok());
  int64_t wide = 0;
  EXPECT_FALSE(ReadInt64(json(uint64_t{1} << 63), path, wide).ok());
  EXPECT_FALSE(ReadInt64(json(1.5), path, wide).ok());
  EXPECT_TRUE(ReadInt64(json(-5), path, wide).ok());
  EXPECT_EQ(wide, -5);
  CommuneId id;
  EXPECT_FALSE(ReadId(json(-1), path, id).ok());
  ASSERT_TRUE(ReadId(json(7), path, id).ok());
  EXPECT_EQ(id.value, 7);
  Timestamp at;
  ASSERT_TRUE(ReadTimestamp(json(1767225600000), path, at).ok());
  EXPECT_EQ(at.time_since_epoch().count(), 1767225600000);
}

TEST(JsonReaderTest, EnumReaderWithCodeOfAcceptsOnlyTheCode) {
  const Path path{"thử", "color"};
  Color color = Color::kGreen;
  EXPECT_TRUE(EnumReader(ParseColor)(json("Đỏ"), path, color).ok());
  EXPECT_EQ(color, Color::kRed);
  color = Color::kGreen;
  EXPECT_FALSE(EnumReader(ParseColor, ColorCode)(json("Đỏ"), path, color).ok());
  EXPECT_EQ(color, Color::kGreen);
  EXPECT_TRUE(EnumReader(ParseColor, ColorCode)(json("red"), path, color).ok());
  EXPECT_EQ(color, Color::kRed);
  EXPECT_FALSE(EnumReader(ParseColor)(json("blue"), path, color).ok());
}

// A login body nested 100,000 levels deep is looked at, not copied (a copy
// recursed once per level and overflowed the server's stack).
TEST(JsonReaderTest, HasStringLooksWithoutCopying) {
  EXPECT_TRUE(HasString(json{{"username", "vanphong"}}, "username"));
  EXPECT_FALSE(HasString(json{{"username", 5}}, "username"));
  EXPECT_FALSE(HasString(json{{"other", "x"}}, "username"));
  EXPECT_FALSE(HasString(json::array({"username"}), "username"));
  const std::string deep = "{\"username\":" + std::string(100000, '[') + std::string(100000, ']') +
                           ",\"password\":\"x\"}";
  json body = json::parse(deep, nullptr, false);
  ASSERT_FALSE(body.is_discarded());
  EXPECT_FALSE(HasString(body, "username"));
  EXPECT_TRUE(HasString(body, "password"));
}

}  // namespace
}  // namespace doithoai::json_reader
