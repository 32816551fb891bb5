#include "core/text/xml_escape.h"

#include <gtest/gtest.h>

#include <string>

namespace doithoai::text {
namespace {

std::string Escaped(std::string_view text) {
  std::string out = "[";
  AppendXmlEscaped(out, text);
  return out + "]";
}

TEST(XmlEscapeTest, EscapesTheFiveAndKeepsVietnamese) {
  EXPECT_EQ(Escaped(R"(a & b < c > d "e" 'f')"),
            "[a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;]");
  EXPECT_EQ(Escaped("Hoằng Trường – đ"), "[Hoằng Trường – đ]");
}

TEST(XmlEscapeTest, DropsControlCharactersXmlForbidsButKeepsWhitespace) {
  EXPECT_EQ(Escaped(std::string("a\x01"
                                "b\x1f"
                                "c\td\ne\rf",
                                12)),
            "[abc\td\ne\rf]");
  EXPECT_EQ(Escaped(std::string("x\0y", 3)), "[xy]");
}

}  // namespace
}  // namespace doithoai::text
