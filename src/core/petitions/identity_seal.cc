#include "core/petitions/identity_seal.h"

#include <charconv>
#include <system_error>
#include <utility>
#include <vector>

namespace doithoai {

// Length-prefixed fields: "<bytes>:<text>" for name, phone, address,
// village id and id number — what the vault seals (CONF-01).
std::string EncodeSubmitter(const Submitter& s) {
  std::string out;
  auto add = [&out](std::string_view v) { out += std::to_string(v.size()) + ":" + std::string(v); };
  add(s.name);
  add(s.phone);
  add(s.address);
  add(s.village_id ? std::to_string(s.village_id->value) : "");
  add(s.id_number);
  return out;
}

Result<Submitter> DecodeSubmitter(std::string_view text) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < text.size() && parts.size() < 5) {
    const size_t colon = text.find(':', pos);
    if (colon == std::string_view::npos) break;
    size_t length = 0;
    for (size_t i = pos; i < colon; ++i) {
      if (text[i] < '0' || text[i] > '9' || length > text.size()) {
        return MakeError(ErrorCode::kInternal, "Dữ liệu danh tính niêm phong bị hỏng.");
      }
      length = length * 10 + static_cast<size_t>(text[i] - '0');
    }
    if (colon + 1 + length > text.size()) break;
    parts.emplace_back(text.substr(colon + 1, length));
    pos = colon + 1 + length;
  }
  if (parts.size() != 5 || pos != text.size()) {
    return MakeError(ErrorCode::kInternal, "Dữ liệu danh tính niêm phong bị hỏng.");
  }
  Submitter s;
  s.name = parts[0];
  s.phone = parts[1];
  s.address = parts[2];
  if (!parts[3].empty()) {
    int64_t village = 0;
    const char* end = parts[3].data() + parts[3].size();
    const std::from_chars_result parsed = std::from_chars(parts[3].data(), end, village);
    if (parsed.ec != std::errc() || parsed.ptr != end) {
      return MakeError(ErrorCode::kInternal, "Dữ liệu danh tính niêm phong bị hỏng.");
    }
    s.village_id = VillageId{village};
  }
  s.id_number = parts[4];
  return s;
}

Result<SealMoveCount> MoveSeals(Petition& petition, const SealMove& move) {
  auto about = [&petition](Error error) {
    error.message = "Đơn " + petition.code + ": " + error.message;
    return error;
  };
  SealMoveCount count;
  const bool rekey = &move.from_vault != &move.to_vault;
  if (rekey && petition.identity_sealed && !petition.sealed_identity.empty()) {
    Result<std::string> plain = move.from_vault.Open(petition.sealed_identity);
    if (!plain.ok()) {
      return about(MakeError(ErrorCode::kFailedPrecondition,
                             "không mở được danh tính người tố cáo bằng khóa của nguồn; hãy chỉ "
                             "đúng tệp khóa của máy xã (--from-key)"));
    }
    if (!petition.phone_digest.empty()) {
      Result<Submitter> who = DecodeSubmitter(*plain);
      if (!who.ok()) return about(std::move(who).error());
      petition.phone_digest = who->phone.empty() ? "" : move.to_vault.PhoneDigest(who->phone);
    }
    Result<std::string> sealed = move.to_vault.Seal(*plain);
    if (!sealed.ok()) return about(std::move(sealed).error());
    petition.sealed_identity = std::move(sealed).value();
    count.rekeyed = true;
  } else if (rekey && !petition.phone_digest.empty()) {
    petition.phone_digest = move.to_vault.PhoneDigest(petition.submitter.phone);
    count.rekeyed = true;
  }
  for (PetitionAttachment& attachment : petition.attachments) {
    const bool reseal = rekey && attachment.sealed;
    Result<std::string> bytes = move.from_files.Get(attachment.hash, reseal);
    if (!bytes.ok()) return about(std::move(bytes).error());
    Result<std::string> hash = move.to_files.Put(*bytes, reseal);
    if (!hash.ok()) return about(std::move(hash).error());
    attachment.hash = std::move(hash).value();
    ++count.attachments;
  }
  return count;
}

}  // namespace doithoai
