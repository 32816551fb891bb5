// Message templates (see templates.h).
#include "core/notifications/templates.h"

#include <algorithm>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

constexpr size_t kMaxBodyChars = 1000;
constexpr size_t kMaxSubjectChars = 200;

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Builtin {
  std::string_view event;
  std::string_view subject;
  std::string_view body;
};

// SMS-length bodies: a citizen reads them on a basic phone.
constexpr Builtin kBuiltins[] = {
    {kEventReceived, "{ten_xa} đã nhận đơn {ma_don}",
     "{ten_xa} đã nhận đơn của ông/bà ngày {ngay_nhan}, mã tra cứu {ma_don}. Tra cứu tiến độ "
     "tại {duong_dan}"},
    {kEventAssigned, "Đơn {ma_don} đã được giao xử lý",
     "Đơn {ma_don} đã được giao cho {don_vi} xử lý, hạn trả lời {han_xu_ly}. {ten_xa}."},
    {kEventAnswered, "Đơn {ma_don} đã có trả lời",
     "{ten_xa} đã trả lời đơn {ma_don}: {tom_tat_tra_loi} Xem đầy đủ tại {duong_dan}"},
    {kEventRateRequest, "Ông/bà có hài lòng với trả lời đơn {ma_don}?",
     "Mời ông/bà cho biết có hài lòng với trả lời đơn {ma_don} không, tại {duong_dan} "
     "(nhập số điện thoại đã dùng khi gửi đơn). {ten_xa}."},
    {kEventDigest, "[{ten_xa}] {so_viec} việc cần xử lý ngày {ngay}",
     "Kính gửi {ten_nguoi_nhan},\n{so_viec} việc về đơn thư cần đồng chí xử lý:\n"
     "{danh_sach}\nXem tại {duong_dan}"},
    {kEventEscalation, "[{ten_xa}] Đơn {ma_don} quá hạn {so_ngay_qua_han} ngày",
     "Kính gửi {ten_nguoi_nhan},\nĐơn {ma_don} ({linh_vuc}) giao {don_vi} đã quá hạn "
     "{so_ngay_qua_han} ngày làm việc (hạn {han_xu_ly}). Đề nghị đồng chí chỉ đạo giải quyết. "
     "Xem tại {duong_dan}"},
    {kEventResultsNotice, "[{ten_xa}] Thông báo kết quả hội nghị đối thoại",
     "Kính gửi {ten_nguoi_nhan},\n{ten_xa} đã ban hành Thông báo số {so_van_ban} ngày {ngay} về "
     "kết quả hội nghị đối thoại với Nhân dân. Đề nghị thông báo cho Nhân dân {thon}. "
     "Xem toàn văn tại {duong_dan}"},
};

}  // namespace

const std::vector<EventInfo>& NotificationEvents() {
  static const std::vector<EventInfo> kEvents = {
      {kEventReceived,
       "Đã nhận đơn (gửi công dân)",
       {"ma_don", "ten_xa", "ngay_nhan", "duong_dan"}},
      {kEventAssigned,
       "Đơn đã được giao xử lý (gửi công dân, tùy chọn)",
       {"ma_don", "ten_xa", "don_vi", "han_xu_ly", "duong_dan"}},
      {kEventAnswered,
       "Đơn đã có trả lời (gửi công dân)",
       {"ma_don", "ten_xa", "tom_tat_tra_loi", "ngay_tra_loi", "duong_dan"}},
      {kEventRateRequest,
       "Mời đánh giá mức độ hài lòng (gửi công dân)",
       {"ma_don", "ten_xa", "duong_dan"}},
      {kEventDigest,
       "Bản tin nhắc việc hằng ngày (gửi cán bộ)",
       {"ten_nguoi_nhan", "ten_xa", "ngay", "so_viec", "danh_sach", "duong_dan"}},
      {kEventEscalation,
       "Báo cáo Chủ tịch: đơn quá hạn",
       {"ten_nguoi_nhan", "ten_xa", "ma_don", "linh_vuc", "don_vi", "han_xu_ly", "so_ngay_qua_han",
        "duong_dan"}},
      {kEventResultsNotice,
       "Thông báo kết quả hội nghị đối thoại (gửi trưởng thôn)",
       {"ten_nguoi_nhan", "ten_xa", "thon", "so_van_ban", "ngay", "duong_dan"}},
  };
  return kEvents;
}

const EventInfo* FindEvent(std::string_view event) {
  for (const EventInfo& info : NotificationEvents()) {
    if (info.event == event) {
      return &info;
    }
  }
  return nullptr;
}

MessageTemplate DefaultTemplate(std::string_view event) {
  for (const Builtin& b : kBuiltins) {
    if (b.event == event) {
      return MessageTemplate{std::string(b.event), std::string(b.subject), std::string(b.body)};
    }
  }
  return MessageTemplate{std::string(event), "", ""};
}

Result<std::vector<std::string>> Placeholders(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string_view::npos) {
    const size_t end = text.find('}', pos + 1);
    if (end == std::string_view::npos) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Thiếu dấu “}” đóng sau “{” ở vị trí " + std::to_string(pos + 1));
    }
    std::string name(text.substr(pos + 1, end - pos - 1));
    if (name.empty() || name.find('{') != std::string::npos) {
      return MakeError(ErrorCode::kInvalidArgument, "Có chỗ “{…}” rỗng hoặc lồng nhau");
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) {
      out.push_back(std::move(name));
    }
    pos = end + 1;
  }
  return out;
}

Status ValidateTemplate(const MessageTemplate& t) {
  const EventInfo* info = FindEvent(t.event);
  if (info == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument, "Không có loại thông báo “" + t.event + "”");
  }
  std::string valid;
  for (std::string_view p : info->placeholders) {
    valid += (valid.empty() ? "{" : ", {") + std::string(p) + "}";
  }
  std::vector<FieldError> errors;
  auto check = [&](const std::string& field, const std::string& text) {
    Result<std::vector<std::string>> names = Placeholders(text);
    if (!names.ok()) {
      errors.push_back({field, names.error().message});
      return;
    }
    for (const std::string& name : names.value()) {
      if (std::find(info->placeholders.begin(), info->placeholders.end(), name) ==
          info->placeholders.end()) {
        errors.push_back({field, "Chỗ trống “{" + name +
                                     "}” không có trong loại thông báo này. "
                                     "Dùng được: " +
                                     valid + "."});
        return;
      }
    }
  };
  if (text::Fold(t.body).empty()) {
    errors.push_back({"body", "Nội dung thông báo không được để trống"});
  } else if (CodePoints(t.body) > kMaxBodyChars) {
    errors.push_back({"body", "Nội dung thông báo dài quá 1000 ký tự"});
  }
  if (CodePoints(t.subject) > kMaxSubjectChars) {
    errors.push_back({"subject", "Tiêu đề dài quá 200 ký tự"});
  }
  check("subject", t.subject);
  check("body", t.body);
  if (!errors.empty()) {
    Error e{ErrorCode::kInvalidArgument, errors.front().message, errors};
    return e;
  }
  return OkStatus();
}

std::string RenderTemplate(std::string_view text,
                           const std::map<std::string, std::string>& values) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('{', pos);
    if (open == std::string_view::npos) {
      break;
    }
    const size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) {
      break;
    }
    out.append(text.substr(pos, open - pos));
    const auto it = values.find(std::string(text.substr(open + 1, close - open - 1)));
    if (it != values.end()) {
      out += it->second;
    }
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace doithoai
