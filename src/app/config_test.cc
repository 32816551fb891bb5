#include "app/config.h"

#include <gtest/gtest.h>

namespace doithoai::app {
namespace {

TEST(ParseListenTest, AcceptsHostAndPort) {
  auto a = ParseListen("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  auto b = ParseListen(":0");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->host, "127.0.0.1");
  EXPECT_EQ(b->port, 0);
  auto c = ParseListen("[::1]:9000");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->host, "::1");
}

TEST(ParseListenTest, RejectsMalformedAddressesWithVietnameseMessage) {
  for (const char* bad : {"", "8080", "host:", "host:abc", "host:70000", "::1:80", "h:80x"}) {
    auto r = ParseListen(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("Địa chỉ lắng nghe"), std::string::npos);
  }
}

TEST(DefaultServeThreadsTest, OnePerCoreForSqliteMoreForPostgres) {
  EXPECT_EQ(DefaultServeThreads(false, 2), 2u);
  EXPECT_EQ(DefaultServeThreads(false, 0), 1u);  // unknown core count
  EXPECT_EQ(DefaultServeThreads(true, 1), 4u);
  EXPECT_EQ(DefaultServeThreads(true, 2), 4u);
  EXPECT_EQ(DefaultServeThreads(true, 8), 16u);
  EXPECT_EQ(DefaultServeThreads(true, 0), 4u);
}

}  // namespace
}  // namespace doithoai::app
