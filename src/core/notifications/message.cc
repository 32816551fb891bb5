// Names of the outbox enums (see message.h).
#include "core/notifications/message.h"

#include <array>

namespace doithoai {

namespace {

struct ChannelName {
  MessageChannel channel;
  std::string_view code;
};
constexpr std::array<ChannelName, 3> kChannels = {{
    {MessageChannel::kSms, "sms"},
    {MessageChannel::kEmail, "email"},
    {MessageChannel::kZalo, "zalo"},
}};

struct StateName {
  DeliveryState state;
  std::string_view code;
  std::string_view label;
};
constexpr std::array<StateName, 5> kStates = {{
    {DeliveryState::kQueued, "queued", "Đang chờ gửi"},
    {DeliveryState::kSent, "sent", "Đã gửi"},
    {DeliveryState::kRetrying, "retrying", "Lỗi, sẽ gửi lại"},
    {DeliveryState::kFailed, "failed", "Gửi không được"},
    {DeliveryState::kWithheld, "withheld", "Không gửi (bảo mật)"},
}};

}  // namespace

std::string_view MessageChannelCode(MessageChannel v) {
  return kChannels[static_cast<size_t>(v)].code;
}

Result<MessageChannel> ParseMessageChannel(std::string_view code) {
  for (const ChannelName& c : kChannels) {
    if (c.code == code) {
      return c.channel;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Kênh gửi không hợp lệ: “" + std::string(code) + "” (sms, email, zalo)");
}

std::string_view DeliveryStateCode(DeliveryState v) { return kStates[static_cast<size_t>(v)].code; }

std::string_view DeliveryStateLabel(DeliveryState v) {
  return kStates[static_cast<size_t>(v)].label;
}

Result<DeliveryState> ParseDeliveryState(std::string_view code) {
  for (const StateName& s : kStates) {
    if (s.code == code) {
      return s.state;
    }
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Trạng thái gửi không hợp lệ: “" + std::string(code) + "”");
}

}  // namespace doithoai
