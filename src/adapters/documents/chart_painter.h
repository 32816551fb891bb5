// A Chart block (core/documents/document.h) drawn with cairo + Pango in
// Liberation Serif (FMT-03's metric twin of Times New Roman): the same
// picture as core/documents/chart.h ChartSvg — title, y axis with round
// ticks and light grid lines, grouped bars coloured by ChartColor with their
// values above them, wrapped labels under each group, a legend when there is
// more than one series, "Không có số liệu" when there are no labels. Used
// as vectors by the PDF renderer and as the PNG fallback inside the DOCX
// (DLG-13 report figures).
#ifndef DOITHOAI_ADAPTERS_DOCUMENTS_CHART_PAINTER_H_
#define DOITHOAI_ADAPTERS_DOCUMENTS_CHART_PAINTER_H_

#include <cairo.h>

#include <string>

#include "core/common/result.h"
#include "core/documents/document.h"

namespace doithoai {

// Draws `chart` inside the box (x, y, width, height) given in the user units
// of `cr`, which are taken as points; the drawing inside is ChartSvg's in CSS
// pixels (3/4 pt), so a 160 mm box looks like ChartSvg(chart, 605, …) printed
// at 96 px per inch (title 14 px = 10.5 pt). The background is left as it
// is; the cairo state is restored on return. Missing, negative or
// non-finite values draw as 0.
void PaintChart(cairo_t* cr, const Chart& chart, double x, double y, double width, double height);

// PNG bytes of `chart` drawn on white, `width_px` × `height_px`, scaled so
// that `chart.width_mm` (160 when not positive) spans the image width: type
// keeps its printed proportions at any resolution. Fails with kInvalidArgument when a size is
// outside 1..8000 px, and kInternal when cairo fails.
Result<std::string> ChartPng(const Chart& chart, int width_px, int height_px);

}  // namespace doithoai

#endif  // DOITHOAI_ADAPTERS_DOCUMENTS_CHART_PAINTER_H_
