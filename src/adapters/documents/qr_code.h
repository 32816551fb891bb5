// QR codes for document bodies (core/documents/document.h QrCode blocks, e.g.
// the Giấy mời link to the public conference page used for check-in): the
// module matrix from libqrencode (byte mode, error correction M) and a PNG
// picture of it drawn with cairo. Shared by the DOCX and PDF renderers.
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_QR_CODE_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_QR_CODE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/documents/document.h"

namespace doithoai {

// The modules of one QR symbol, `size` × `size`, row-major; true is dark.
// `size` is 21 + 4 × (version − 1); there is no quiet zone.
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;

  bool at(int x, int y) const {
    return x >= 0 && y >= 0 && x < size && y < size &&
           dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                static_cast<std::size_t>(x)];
  }
};

// The quiet zone the QR specification asks for around the symbol, in modules.
inline constexpr int kQrQuietModules = 4;
// Printed width limits of a QrCode block (size_mm, quiet zone included).
inline constexpr int kQrMinSizeMm = 10;
inline constexpr int kQrMaxSizeMm = 150;

// Encodes `payload` as bytes (8-bit mode, any content, NUL allowed) at error
// correction level M with the smallest version that fits. Fails with
// kInvalidArgument when `payload` is empty or longer than a version-40
// symbol holds (2331 bytes at level M), and kInternal when libqrencode fails.
Result<QrMatrix> EncodeQr(std::string_view payload);

// Checks a document's QrCode block (size_mm in [kQrMinSizeMm, kQrMaxSizeMm])
// and encodes its payload; errors as EncodeQr, with Vietnamese messages.
Result<QrMatrix> EncodeQrBlock(const QrCode& block);

// PNG bytes of `qr`: black modules `module_px` pixels square on white, with
// `quiet_modules` white modules around, so the image is
// (size + 2 × quiet_modules) × module_px pixels wide and high. Fails with
// kInvalidArgument for an empty matrix, module_px < 1, quiet_modules < 0 or
// an image wider than 32767 px, and kInternal when cairo fails.
Result<std::string> QrPng(const QrMatrix& qr, int module_px, int quiet_modules = kQrQuietModules);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_QR_CODE_H_
