// Renders a Decree 30/2020/NĐ-CP document (core/documents/document.h) as an
// Office Open XML .docx, built entirely in memory with libzip. The layout
// constants follow domain.md §3 (FMT-01..05, §3.2 header, FMT-20/21/24,
// FMT-30/31, FMT-41); see docx_renderer.cc for the exact values.
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_RENDERER_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_RENDERER_H_

#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/documents/document.h"

namespace doithoai {

// Returns the bytes of the .docx. Fails with kInvalidArgument when
// Validate(doc) fails, a text field is not valid UTF-8 or a QrCode block
// cannot be encoded (qr_code.h EncodeQrBlock), and with kInternal when libzip
// or cairo fails. Each QrCode block becomes a PNG part under word/media/.
Result<std::string> RenderDocx(const Document& doc);

// Several documents in one .docx (e.g. one Giấy mời per invitee), each in
// its own section starting on a new page, with page numbers restarting at 1
// and hidden on each document's first page (FMT-04). Core properties come
// from the first document. Fails as above (the first failing document's
// error) and with kInvalidArgument when `docs` is empty.
Result<std::string> RenderDocx(const std::vector<Document>& docs);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_RENDERER_H_
