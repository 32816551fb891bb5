// Server-rendered SVG of a Chart block (core/documents/document.h): the same
// drawing the staff report page shows and the DOCX embeds (issue #7, DLG-13).
// Pure string building; fonts are named ("Liberation Serif", "Times New
// Roman", serif), never embedded.
#ifndef DOITHOAI_CORE_DOCUMENTS_CHART_H_
#define DOITHOAI_CORE_DOCUMENTS_CHART_H_

#include <string>

#include "core/documents/document.h"

namespace doithoai {

// A standalone SVG document (with the XML declaration when `standalone`)
// `width_px` × `height_px`: title, y axis with round ticks, grouped bars
// with their values, wrapped labels under each group, a legend when there
// is more than one series. Text is XML-escaped. An empty chart (no labels)
// draws the title and "Không có số liệu".
std::string ChartSvg(const Chart& chart, int width_px, int height_px, bool standalone = true);

// The series colours, in order (hex "#1f4e79"), shared by every renderer.
const char* ChartColor(size_t series);

}  // namespace doithoai

#endif  // DOITHOAI_CORE_DOCUMENTS_CHART_H_
