// libqrencode → QrMatrix, and QrMatrix → PNG through a cairo image surface.
#include "adapters/documents/qr_code.h"

#include <cairo.h>
#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace doithoai {
namespace {

struct QrcodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Error CairoError(cairo_status_t status) {
  return MakeError(ErrorCode::kInternal, std::string("Không tạo được ảnh mã QR (") +
                                             cairo_status_to_string(status) + ").");
}

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view payload) {
  if (payload.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Nội dung mã QR không được để trống.");
  }
  // Level M, byte mode: at most 2331 bytes (version 40). Checked here so an
  // over-long payload is never handed to libqrencode.
  constexpr std::size_t kMaxBytes = 2331;
  if (payload.size() > kMaxBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Nội dung mã QR quá dài (tối đa " + std::to_string(kMaxBytes) + " byte).");
  }
  errno = 0;
  std::unique_ptr<QRcode, QrcodeDeleter> code(
      QRcode_encodeData(static_cast<int>(payload.size()),
                        reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M));
  if (code == nullptr) {
    if (errno == ERANGE) {
      return MakeError(ErrorCode::kInvalidArgument, "Nội dung mã QR quá dài.");
    }
    return MakeError(ErrorCode::kInternal, "Không tạo được mã QR.");
  }
  QrMatrix matrix;
  matrix.size = code->width;
  const std::size_t cells = static_cast<std::size_t>(code->width) * code->width;
  matrix.dark.resize(cells);
  for (std::size_t i = 0; i < cells; ++i) {
    matrix.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark module
  }
  return matrix;
}

Result<QrMatrix> EncodeQrBlock(const QrCode& block) {
  if (block.size_mm < kQrMinSizeMm || block.size_mm > kQrMaxSizeMm) {
    Error error = MakeError(ErrorCode::kInvalidArgument, "Kích thước mã QR không hợp lệ.");
    error.fields.push_back({"body", "Kích thước mã QR phải từ " + std::to_string(kQrMinSizeMm) +
                                        " đến " + std::to_string(kQrMaxSizeMm) + " mm."});
    return error;
  }
  Result<QrMatrix> matrix = EncodeQr(block.payload);
  if (!matrix.ok() && matrix.error().code == ErrorCode::kInvalidArgument) {
    Error error = std::move(matrix).error();
    error.fields.push_back({"body", error.message});
    return error;
  }
  return matrix;
}

Result<std::string> QrPng(const QrMatrix& qr, int module_px, int quiet_modules) {
  constexpr int kMaxPixels = 32767;  // cairo's image surface limit
  if (qr.size <= 0 || qr.dark.size() != static_cast<std::size_t>(qr.size) * qr.size ||
      module_px < 1 || quiet_modules < 0 ||
      static_cast<long long>(qr.size + 2 * quiet_modules) * module_px > kMaxPixels) {
    return MakeError(ErrorCode::kInvalidArgument, "Kích thước ảnh mã QR không hợp lệ.");
  }
  const int pixels = (qr.size + 2 * quiet_modules) * module_px;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels, pixels);
  cairo_t* cr = cairo_create(surface);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (qr.at(x, y)) {
        cairo_rectangle(cr, (x + quiet_modules) * module_px, (y + quiet_modules) * module_px,
                        module_px, module_px);
      }
    }
  }
  cairo_fill(cr);
  const cairo_status_t draw_status = cairo_status(cr);
  cairo_destroy(cr);
  std::string png;
  const cairo_status_t write_status =
      draw_status == CAIRO_STATUS_SUCCESS
          ? cairo_surface_write_to_png_stream(surface, AppendBytes, &png)
          : draw_status;
  cairo_surface_destroy(surface);
  if (write_status != CAIRO_STATUS_SUCCESS) {
    return CairoError(write_status);
  }
  return png;
}

}  // namespace doithoai
