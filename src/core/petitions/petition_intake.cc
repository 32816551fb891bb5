// Checking petitions before they are stored (see petition_intake.h).
#include "core/petitions/petition_intake.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <utility>

#include "core/text/vietnamese.h"

namespace doithoai {

namespace {

constexpr std::string_view kInvalidPhoneMessage =
    "Số điện thoại không hợp lệ. Ví dụ: 0912 345 678.";
constexpr std::string_view kInvalidInputMessage =
    "Thông tin gửi lên chưa hợp lệ; vui lòng sửa các ô được đánh dấu.";
constexpr std::string_view kDefaultFileName = "tep-dinh-kem";

constexpr std::string_view kJpeg = "image/jpeg";
constexpr std::string_view kPng = "image/png";
constexpr std::string_view kPdf = "application/pdf";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// Number of code points of valid UTF-8 text.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Length in bytes of a whitespace character at the start of `s`, or 0:
// ASCII whitespace, and the spaces pasted from word processors and phones
// (U+00A0 no-break space, U+200B zero-width space, U+3000 ideographic space,
// U+FEFF byte order mark).
size_t LeadingSpace(std::string_view s) {
  if (s.empty()) return 0;
  const char c = s.front();
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  for (std::string_view sp : {std::string_view("\u00A0"), std::string_view("\u200B"),
                              std::string_view("\u3000"), std::string_view("\uFEFF")}) {
    if (s.substr(0, sp.size()) == sp) return sp.size();
  }
  return 0;
}

size_t TrailingSpace(std::string_view s) {
  if (s.empty()) return 0;
  const char c = s.back();
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  for (std::string_view sp : {std::string_view("\u00A0"), std::string_view("\u200B"),
                              std::string_view("\u3000"), std::string_view("\uFEFF")}) {
    if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) return sp.size();
  }
  return 0;
}

std::string_view Trim(std::string_view s) {
  for (size_t n = LeadingSpace(s); n > 0; n = LeadingSpace(s)) s.remove_prefix(n);
  for (size_t n = TrailingSpace(s); n > 0; n = TrailingSpace(s)) s.remove_suffix(n);
  return s;
}

// Collects the field errors of one CheckNewPetition call.
class Problems {
 public:
  void Add(std::string_view field, std::string message) {
    fields_.push_back({std::string(field), std::move(message)});
  }
  bool empty() const { return fields_.empty(); }
  Error ToError() && {
    Error error = MakeError(ErrorCode::kInvalidArgument, std::string(kInvalidInputMessage));
    error.fields = std::move(fields_);
    return error;
  }

 private:
  std::vector<FieldError> fields_;
};

// TXT-01: the NFC, trimmed form of a text field, or nullopt after recording
// an error on `field` when `raw` is not UTF-8. `what` names the field in the
// message ("Họ tên").
std::optional<std::string> CleanText(std::string_view raw, std::string_view field,
                                     std::string_view what, Problems& problems) {
  if (!text::IsValidUtf8(raw)) {
    problems.Add(field, std::string(what) + " chứa ký tự không hợp lệ (không phải UTF-8).");
    return std::nullopt;
  }
  Result<std::string> nfc = text::ToNfc(raw);
  if (!nfc.ok()) {
    problems.Add(field, nfc.error().message);
    return std::nullopt;
  }
  return std::string(Trim(*nfc));
}

// The village named by `input`: the same name after folding (SRCH-01:
// "thon 1" or "THÔN 1" for "Thôn 1"), else the village whose id is the
// number typed, else — for text that is not a number — the only village whose
// name without its leading type word ("thôn", "xóm", …) folds to the input
// ("Trung Thành" for "Thôn Trung Thành").
std::optional<VillageId> FindVillage(std::string_view input, const std::vector<Village>& villages) {
  const std::string key = text::Fold(input);
  if (key.empty()) return std::nullopt;
  for (const Village& v : villages) {
    if (text::Fold(v.name) == key) return v.id;
  }
  if (AllDigits(key)) {
    int64_t id = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    if (ec == std::errc() && end == key.data() + key.size()) {
      for (const Village& v : villages) {
        if (v.id.value == id) return v.id;
      }
    }
    return std::nullopt;
  }
  static constexpr std::string_view kTypeWords[] = {"to dan pho ", "thon ", "lang ", "ban ", "xom ",
                                                    "ap ",         "khu ",  "khoi ", "to "};
  std::optional<VillageId> found;
  int matches = 0;
  for (const Village& v : villages) {
    const std::string name = text::Fold(v.name);
    for (std::string_view word : kTypeWords) {
      if (name.size() > word.size() && name.compare(0, word.size(), word) == 0) {
        if (std::string_view(name).substr(word.size()) == key) {
          found = v.id;
          ++matches;
        }
        break;
      }
    }
  }
  return matches == 1 ? found : std::nullopt;
}

// The name shown for a sniffed media type in messages.
std::string_view MediaTypeWord(std::string_view media_type) {
  if (media_type == kJpeg) return "ảnh JPEG";
  if (media_type == kPng) return "ảnh PNG";
  return "tệp PDF";
}

// The media type a file name's extension claims (".jpg", ".JPEG", ".png",
// ".pdf"), "" when the extension names none of them; `extension` receives it
// as written.
std::string_view ClaimedMediaType(std::string_view file_name, std::string* extension) {
  const size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext;
  for (char c : file_name.substr(dot + 1)) {
    ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  *extension = std::string(file_name.substr(dot));
  if (ext == "jpg" || ext == "jpeg") return kJpeg;
  if (ext == "png") return kPng;
  if (ext == "pdf") return kPdf;
  return "";
}

// The stored name of an uploaded file: NFC, without any directory part
// (browsers on Windows send "C:\…\scan.pdf"), without control characters,
// trimmed; "tep-dinh-kem" when nothing is left. Precondition: valid UTF-8.
std::string CleanFileName(std::string_view raw) {
  const size_t slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);
  std::string kept;
  for (char c : raw) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7F) kept += c;
  }
  Result<std::string> nfc = text::ToNfc(kept);
  std::string name = nfc.ok() ? std::string(Trim(*nfc)) : std::string();
  // "." and ".." name a directory, not a file (issue #9: ".." was kept).
  if (name.empty() || name.find_first_not_of('.') == std::string::npos) {
    name = std::string(kDefaultFileName);
  }
  return name;
}

}  // namespace

Result<std::string> NormalizePhone(std::string_view text) {
  auto invalid = [] {
    Error error = MakeError(ErrorCode::kInvalidArgument, std::string(kInvalidPhoneMessage));
    error.fields.push_back({"phone", std::string(kInvalidPhoneMessage)});
    return error;
  };
  std::string digits;
  bool plus = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '.' || c == '-' || c == '(' || c == ')') continue;
    if (c == '+' && digits.empty() && !plus) {
      plus = true;
      continue;
    }
    if (!IsDigit(c)) return invalid();
    digits += c;
  }
  // International form: "+84 912 345 678" or "84912345678" → "0912345678".
  // Without "+", a leading "84" is the country code only when the rest then
  // has the length of a Vietnamese number.
  if (digits.size() > 2 && digits.compare(0, 2, "84") == 0) {
    std::string local = "0" + digits.substr(2);
    if (local.size() == 10 || local.size() == 11) {
      digits = std::move(local);
    } else if (plus) {
      return invalid();
    }
  } else if (plus) {
    return invalid();  // another country's number
  }
  const bool mobile = digits.size() == 10 && digits[0] == '0' &&
                      std::string_view("35789").find(digits[1]) != std::string_view::npos;
  const bool landline = digits.size() == 11 && digits[0] == '0' && digits[1] == '2';
  if (!mobile && !landline) return invalid();
  return digits;
}

std::string SniffMediaType(std::string_view bytes) {
  if (bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return std::string(kJpeg);
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return std::string(kPng);
  if (bytes.substr(0, 5) == "%PDF-") return std::string(kPdf);
  return "";
}

Result<CheckedPetition> CheckNewPetition(const NewPetition& input,
                                         const std::vector<Village>& villages,
                                         const std::vector<PetitionField>& fields) {
  Problems problems;
  CheckedPetition out;
  const std::vector<PetitionField>& field_list = fields.empty() ? DefaultPetitionFields() : fields;

  // CLS-01: the class is per item; a petition with any tố cáo item is
  // handled under the Law on Denunciations.
  const bool denunciation =
      std::any_of(input.items.begin(), input.items.end(), [](const NewPetitionItem& item) {
        return item.petition_class == PetitionClass::kDenunciation;
      });

  // Name. A village head's list and a letter may carry an anonymous kiến
  // nghị / phản ánh; every other channel needs a name. CLS-03 / TC-06: an
  // anonymous tố cáo is not handled, so a tố cáo needs name and address
  // (TC-05: Luật Tố cáo Art. 23).
  const std::string denunciation_message =
      "Đơn tố cáo phải ghi rõ họ tên và địa chỉ người tố cáo (Luật Tố cáo Điều 23).";
  if (std::optional<std::string> name = CleanText(input.name, "name", "Họ tên", problems)) {
    out.submitter.name = std::move(*name);
    if (out.submitter.name.empty()) {
      const bool anonymous_allowed = input.channel == PetitionChannel::kVillageHead ||
                                     input.channel == PetitionChannel::kLetter;
      if (denunciation) {
        problems.Add("name", denunciation_message);
      } else if (!anonymous_allowed) {
        problems.Add("name", "Vui lòng nhập họ tên người gửi.");
      }
    } else if (CodePoints(out.submitter.name) > kMaxSubmitterNameChars) {
      problems.Add("name", "Họ tên dài quá " + std::to_string(kMaxSubmitterNameChars) + " ký tự.");
    }
  }

  // Phone: needed to tell an online sender the result; optional elsewhere,
  // but a phone that is given must be a Vietnamese number.
  if (std::optional<std::string> phone =
          CleanText(input.phone, "phone", "Số điện thoại", problems)) {
    if (phone->empty()) {
      if (input.channel == PetitionChannel::kOnline) {
        problems.Add("phone", "Vui lòng nhập số điện thoại để nhận thông báo kết quả.");
      }
    } else if (Result<std::string> normalized = NormalizePhone(*phone); normalized.ok()) {
      out.submitter.phone = std::move(*normalized);
    } else {
      problems.Add("phone", std::string(kInvalidPhoneMessage));
    }
  }

  if (std::optional<std::string> address =
          CleanText(input.address, "address", "Địa chỉ", problems)) {
    out.submitter.address = std::move(*address);
    if (out.submitter.address.empty()) {
      if (denunciation) problems.Add("address", denunciation_message);  // CLS-03, TC-06
    } else if (CodePoints(out.submitter.address) > kMaxAddressChars) {
      problems.Add("address", "Địa chỉ dài quá " + std::to_string(kMaxAddressChars) + " ký tự.");
    }
  }

  if (std::optional<std::string> village = CleanText(input.village, "village", "Thôn", problems)) {
    if (!village->empty()) {
      if (std::optional<VillageId> id = FindVillage(*village, villages)) {
        out.submitter.village_id = *id;
      } else {
        problems.Add("village", "Thôn không thuộc xã này: " + *village + ".");
      }
    }
  }

  if (std::optional<std::string> id_number =
          CleanText(input.id_number, "id_number", "Số CMND/CCCD", problems)) {
    std::string digits;
    for (char c : *id_number) {
      if (c != ' ' && c != '.') digits += c;
    }
    if (!digits.empty() && (!AllDigits(digits) || (digits.size() != 9 && digits.size() != 12))) {
      problems.Add("id_number", "Số CMND/CCCD phải gồm 9 hoặc 12 chữ số.");
    } else {
      out.submitter.id_number = std::move(digits);
    }
  }

  // Items (CLS-01): each with its own text, class and field.
  if (input.items.empty()) {
    problems.Add("text", "Vui lòng nhập nội dung kiến nghị, phản ánh.");
  } else if (input.items.size() > static_cast<size_t>(kMaxPetitionItems)) {
    problems.Add("text", "Một đơn có tối đa " + std::to_string(kMaxPetitionItems) + " nội dung.");
  }
  const bool several = input.items.size() > 1;
  for (size_t i = 0; i < input.items.size(); ++i) {
    const NewPetitionItem& in = input.items[i];
    // With several items, messages say which one ("Nội dung 2: …").
    const std::string prefix = several ? "Nội dung " + std::to_string(i + 1) + ": " : "";
    PetitionItem item;
    item.number = static_cast<int>(i) + 1;
    item.status = ItemStatus::kReceived;
    // The sender's class is a guess until staff confirm it (CLS-02).
    item.petition_class = in.petition_class.value_or(PetitionClass::kProposal);
    item.class_confirmed = false;
    if (std::optional<std::string> text =
            CleanText(in.text, "text", prefix + "Nội dung", problems)) {
      item.text = std::move(*text);
      if (item.text.empty()) {
        problems.Add("text", prefix + "Vui lòng nhập nội dung kiến nghị, phản ánh.");
      } else if (CodePoints(item.text) > kMaxPetitionTextChars) {
        problems.Add("text", prefix + "Nội dung dài quá " + std::to_string(kMaxPetitionTextChars) +
                                 " ký tự; vui lòng tóm tắt hoặc gửi kèm tệp.");
      }
    }
    if (std::optional<std::string> field =
            CleanText(in.field, "field", prefix + "Lĩnh vực", problems)) {
      if (!field->empty()) {
        if (Result<std::string> code = MatchField(field_list, *field); code.ok()) {
          item.field = std::move(*code);
        } else {
          problems.Add("field", prefix + code.error().message);
        }
      }
    }
    out.items.push_back(std::move(item));
  }

  // Attachments: the type comes from the bytes (never from the name or the
  // browser), and a name that claims another type is refused.
  if (input.attachments.size() > static_cast<size_t>(kMaxAttachments)) {
    problems.Add("attachments",
                 "Chỉ được đính kèm tối đa " + std::to_string(kMaxAttachments) + " tệp.");
  }
  for (const NewAttachment& in : input.attachments) {
    NewAttachment attachment;
    if (!text::IsValidUtf8(in.file_name)) {
      problems.Add("attachments", "Tên tệp đính kèm chứa ký tự không hợp lệ (không phải UTF-8).");
      attachment.file_name = std::string(kDefaultFileName);
    } else {
      attachment.file_name = CleanFileName(in.file_name);
    }
    const std::string& name = attachment.file_name;
    if (static_cast<int64_t>(in.bytes.size()) > kMaxAttachmentBytes) {
      problems.Add("attachments", "Tệp " + name + " lớn hơn 5 MB.");
    }
    const std::string media_type = SniffMediaType(in.bytes);
    std::string extension;
    const std::string_view claimed = ClaimedMediaType(name, &extension);
    if (media_type.empty()) {
      problems.Add("attachments", "Tệp " + name + " không phải ảnh JPEG/PNG hoặc PDF.");
    } else if (!claimed.empty() && claimed != media_type) {
      problems.Add("attachments", "Tệp " + name + " có đuôi " + extension + " nhưng nội dung là " +
                                      std::string(MediaTypeWord(media_type)) + ".");
    }
    attachment.bytes = in.bytes;
    out.attachments.push_back(std::move(attachment));
    out.media_types.push_back(media_type);
  }

  if (!problems.empty()) return std::move(problems).ToError();
  return out;
}

}  // namespace doithoai
