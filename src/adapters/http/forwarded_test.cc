#include "adapters/http/forwarded.h"

#include <gtest/gtest.h>

namespace doithoai::http {
namespace {

const std::vector<std::string> kNginx = {"10.0.0.5", "::1"};

TEST(ForwardedTest, ATrustedProxyGivesTheAddressItAppended) {
  EXPECT_EQ(ClientAddress("10.0.0.5", "113.161.4.20", kNginx), "113.161.4.20");
  // A client's own X-Forwarded-For comes first; nginx appends the real one.
  EXPECT_EQ(ClientAddress("10.0.0.5", "1.2.3.4, 113.161.4.20", kNginx), "113.161.4.20");
  EXPECT_EQ(ClientAddress("::1", "2001:ee0:4f0::1", kNginx), "2001:ee0:4f0::1");
}

TEST(ForwardedTest, AnyOtherPeerOrABadValueKeepsThePeer) {
  // Not a configured proxy: a client cannot choose its address.
  EXPECT_EQ(ClientAddress("113.161.4.20", "9.9.9.9", kNginx), "113.161.4.20");
  EXPECT_EQ(ClientAddress("10.0.0.5", "9.9.9.9", {}), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "", kNginx), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "1.2.3.4, không-phải-địa-chỉ", kNginx), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "1.2.3.4,", kNginx), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "999.1.1.1", kNginx), "10.0.0.5");
}

TEST(ForwardedTest, IsIpAddressAcceptsOnlyLiterals) {
  EXPECT_TRUE(IsIpAddress("127.0.0.1"));
  EXPECT_TRUE(IsIpAddress("::1"));
  EXPECT_FALSE(IsIpAddress("localhost"));
  EXPECT_FALSE(IsIpAddress(""));
  EXPECT_FALSE(IsIpAddress("1.2.3.4 "));
}

}  // namespace
}  // namespace doithoai::http
