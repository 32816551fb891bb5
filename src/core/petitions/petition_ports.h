// Ports the petition module needs besides storage: the vault that seals a
// denouncer's identity (CONF-01, libsodium secretbox in adapters/crypto) and
// the store of attachment bytes (by content hash, outside the database).
#ifndef DOITHOAI_CORE_PETITIONS_PETITION_PORTS_H_
#define DOITHOAI_CORE_PETITIONS_PETITION_PORTS_H_

#include <string>
#include <string_view>

#include "core/common/result.h"

namespace doithoai {

struct Petition;

// Told about every stored change of a petition, after it is durable
// (notifications, the suggestion and similarity models). Its errors never
// fail the request that made the change.
class PetitionObserver {
 public:
  virtual ~PetitionObserver() = default;
  // `action`: the audit action ("petition.create", "petition.assign",
  // "petition.answer", …); `petition`: the stored state after it.
  virtual Status PetitionChanged(std::string_view action, const Petition& petition) = 0;
};

class IdentityVault {
 public:
  virtual ~IdentityVault() = default;
  // Authenticated encryption of `plaintext` with the configured key (never
  // stored in the database). The result is opaque bytes.
  virtual Result<std::string> Seal(std::string_view plaintext) = 0;
  // kPermissionDenied-free: kInternal when the bytes were tampered with or
  // sealed under another key.
  virtual Result<std::string> Open(std::string_view sealed) = 0;
  // A keyed digest (hex) of a normalised phone number, so the tracking page
  // can check "the phone used" without storing it in clear for sealed
  // petitions. Deterministic for one key.
  virtual std::string PhoneDigest(std::string_view phone) = 0;
};

class AttachmentStore {
 public:
  virtual ~AttachmentStore() = default;
  // Stores `bytes` (sealed with the vault's key first when `seal`) under the
  // hex SHA-256 of the stored bytes and returns it. Idempotent; durable when
  // it returns.
  virtual Result<std::string> Put(std::string_view bytes, bool seal) = 0;
  // The plaintext bytes stored under `hash`; kNotFound when absent.
  virtual Result<std::string> Get(std::string_view hash, bool sealed) = 0;
};

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_PETITION_PORTS_H_
