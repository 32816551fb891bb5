// What the IdentityVault seals for a petition (CONF-01) and how a petition's
// sealed data moves from one key to another (a commune's data moving from its
// PC to the province's server, each with its own key file).
#ifndef DOITHOAI_CORE_PETITIONS_IDENTITY_SEAL_H_
#define DOITHOAI_CORE_PETITIONS_IDENTITY_SEAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/petitions/petition.h"
#include "core/petitions/petition_ports.h"

namespace doithoai {

// The identity as the vault seals it: length-prefixed fields
// "<bytes>:<text>" for name, phone, address, village id and id number.
std::string EncodeSubmitter(const Submitter& submitter);
// The reverse; kInternal (Vietnamese) for anything else.
Result<Submitter> DecodeSubmitter(std::string_view text);

// Where a petition's sealed data is and where it goes.
struct SealMove {
  IdentityVault& from_vault;
  IdentityVault& to_vault;  // may be the same object: then nothing is re-sealed
  AttachmentStore& from_files;
  AttachmentStore& to_files;
};

struct SealMoveCount {
  bool rekeyed = false;     // the identity or the phone digest now uses the target's key
  int64_t attachments = 0;  // attachment files written to the target's store
};

// Puts `petition`'s sealed data under the target's key and its attachments
// in the target's store:
// - CONF-01: the sealed identity is opened with the source's key and sealed
//   with the target's; the tracking check's phone digest is recomputed (from
//   the sealed identity, or the clear submitter);
// - CONF-04: a sealed attachment is opened and sealed again (a new hash);
//   other attachments, and every attachment when the keys are the same
//   vault, are copied as stored, under the same hash.
// Errors name the petition's code: a seal the source's key cannot open (the
// wrong key file), a missing attachment file, a store that refuses.
Result<SealMoveCount> MoveSeals(Petition& petition, const SealMove& move);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_PETITIONS_IDENTITY_SEAL_H_
