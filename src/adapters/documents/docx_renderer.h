// Renders a Decree 30/2020/NĐ-CP document (core/documents/document.h) as an
// Office Open XML .docx, built entirely in memory with libzip. The layout
// constants follow domain.md §3 (FMT-01..05, §3.2 header, FMT-20/21/24,
// FMT-30/31, FMT-41); see docx_renderer.cc for the exact values.
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_RENDERER_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_RENDERER_H_

#include <string>

#include "core/common/result.h"
#include "core/documents/document.h"

namespace doithoai {

// Returns the bytes of the .docx. Fails with kInvalidArgument when
// Validate(doc) fails or a text field is not valid UTF-8, and with kInternal
// when libzip fails.
Result<std::string> RenderDocx(const Document& doc);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_DOCX_RENDERER_H_
