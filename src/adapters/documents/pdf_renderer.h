// Renders a Decree 30/2020/NĐ-CP document (core/documents/document.h) as a PDF
// with cairo + Pango, entirely in memory. The layout mirrors the DOCX renderer
// (docx_renderer.cc) and domain.md §3: A4 (FMT-01), margins 20/20/30/15 mm
// (FMT-02), Liberation Serif — the metric twin of Times New Roman (FMT-03) —,
// page numbers from page 2 centred in the top margin (FMT-04), justified 14 pt
// body with a 1 cm first-line indent (FMT-05), §3.2 two-column header,
// FMT-20/21 title and trích yếu, FMT-24 numbering, FMT-30/31 signature block
// and FMT-41 "Nơi nhận"; QrCode blocks as vector squares. See pdf_layout.h
// for pagination rules.
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_PDF_RENDERER_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_PDF_RENDERER_H_

#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/documents/document.h"

namespace doithoai {

// Returns the bytes of the PDF. Fails with kInvalidArgument when
// Validate(doc) fails, a text field is not valid UTF-8 (or holds NUL) or a
// QrCode block cannot be encoded (qr_code.h EncodeQrBlock), and with
// kInternal when cairo fails.
Result<std::string> RenderPdf(const Document& doc);

// Several documents in one PDF (e.g. one Giấy mời per invitee), each
// starting on a new page, with page numbers restarting per document (FMT-04:
// none on its first page, then 2, 3, … at the top centre). PDF metadata come
// from the first document. Fails as above (the first failing document's
// error) and with kInvalidArgument when `docs` is empty.
Result<std::string> RenderPdf(const std::vector<Document>& docs);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_PDF_RENDERER_H_
