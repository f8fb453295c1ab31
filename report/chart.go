package report

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// A chart is laid out once into a scene — lines, filled shapes, circles and text in scene
// units — and then written as SVG (chartSVG) or rasterised to PNG (chartPNG). The scene is
// 640 × 240 units for 16 cm × 6 cm, so a unit is 0.25 mm and text of 11 units is about 8 pt.
const (
	chartW = 640.0
	chartH = 240.0
	// chartWidthMM and chartHeightMM are the chart's printed size.
	chartWidthMM  = 160.0
	chartHeightMM = 60.0
)

type shapeKind int

const (
	shapeLine    shapeKind = iota // an open polyline
	shapePolygon                  // a closed, filled polygon
	shapeCircle                   // a circle at pts[0]
	shapeText                     // text with its baseline at pts[0]
)

// Text anchors, as in SVG.
const (
	anchorStart  = "start"
	anchorMiddle = "middle"
	anchorEnd    = "end"
)

type vec struct{ x, y float64 }

// shape is one element of a scene.
type shape struct {
	kind shapeKind
	// role names what the shape shows (series, point, target, band, projection, baseline,
	// grid, axis, tick, legend, label); the SVG carries it as data-role for tests and styles.
	role   string
	pts    []vec
	stroke *rgb
	width  float64
	dash   []float64
	fill   *rgb
	radius float64
	text   string
	size   float64
	bold   bool
	anchor string
	// year and value are a data point's (for the SVG's data attributes).
	year  int
	value float64
}

// scene is a laid-out chart.
type scene struct {
	shapes []shape
	// title and desc are the chart's accessible name and description.
	title, desc string
}

func (s *scene) add(sh shape) { s.shapes = append(s.shapes, sh) }

func ptr(c rgb) *rgb { return &c }

// layoutChart lays out c. Measuring text needs the fonts, so the layout is the same for SVG
// and PNG (the SVG names a similar sans-serif font and anchors text, so small differences in
// the browser's font do not move anything that matters).
func layoutChart(b base, c *Chart) *scene {
	fc := newFaces(1)
	const (
		fontSize = 11.0
		top      = 36.0
		bottom   = chartH - 26
		right    = chartW - 14
	)
	s := &scene{title: c.Title, desc: chartDescription(b, c)}

	// Value range: everything that is drawn.
	var vals []float64
	for _, p := range c.Series {
		vals = append(vals, p.Value)
	}
	for _, p := range c.Projection {
		vals = append(vals, p.Value)
	}
	if c.Baseline != nil {
		vals = append(vals, c.Baseline.Value)
	}
	if c.Target != nil {
		vals = append(vals, *c.Target)
	}
	if c.TargetUpper != nil {
		vals = append(vals, *c.TargetUpper)
	}
	lo, hi := 0.0, 1.0
	if len(vals) > 0 {
		lo, hi = vals[0], vals[0]
		for _, v := range vals {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi-lo < 1e-9 {
		pad := math.Max(math.Abs(hi)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	step, decimals := niceStep((hi - lo) / 4)
	yMin := math.Floor(lo/step+1e-9) * step
	yMax := math.Ceil(hi/step-1e-9) * step
	// Keep points off the frame: a value on the bottom axis or the top edge gets a step of
	// room (except at zero, a natural floor).
	if lo-yMin < 0.05*step && !(yMin == 0 && lo >= 0) {
		yMin -= step
	}
	if yMax-hi < 0.05*step {
		yMax += step
	}
	var ticks []float64
	for i := 0; i <= int(math.Round((yMax-yMin)/step)); i++ {
		ticks = append(ticks, yMin+float64(i)*step)
	}
	labels := make([]string, len(ticks))
	labelW := 0.0
	for i, v := range ticks {
		labels[i] = b.number(v, decimals)
		labelW = math.Max(labelW, fc.width(labels[i], fontSize, false))
	}
	left := 14 + labelW + 6

	// Year range: measured values, projection, baseline and target year.
	yrMin, yrMax := math.MaxInt, math.MinInt
	years := func(pts []Point) {
		for _, p := range pts {
			yrMin, yrMax = min(yrMin, p.Year), max(yrMax, p.Year)
		}
	}
	years(c.Series)
	years(c.Projection)
	if c.Baseline != nil {
		years([]Point{*c.Baseline})
	}
	if c.TargetYear != 0 {
		years([]Point{{Year: c.TargetYear}})
	}
	if yrMin > yrMax {
		yrMin, yrMax = 0, 0
	}
	span := float64(yrMax - yrMin + 1)
	x := func(year int) float64 { return left + (float64(year-yrMin)+0.5)/span*(right-left) }
	y := func(v float64) float64 { return bottom - (v-yMin)/(yMax-yMin)*(bottom-top) }

	// Grid, axes and tick labels.
	for i, v := range ticks {
		s.add(shape{kind: shapeLine, role: "grid", pts: []vec{{left, y(v)}, {right, y(v)}}, stroke: ptr(gridColor), width: 1})
		s.add(shape{kind: shapeText, role: "tick", pts: []vec{{left - 6, y(v) + 4}}, text: labels[i], size: fontSize, anchor: anchorEnd, fill: ptr(textColor)})
	}
	s.add(shape{kind: shapeLine, role: "axis", pts: []vec{{left, top - 4}, {left, bottom}, {right, bottom}}, stroke: ptr(axisColor), width: 1.2})
	if yrMin <= yrMax && len(vals) > 0 {
		every := 1
		switch {
		case span > 24:
			every = 5
		case span > 12:
			every = 2
		}
		for yr := yrMin; yr <= yrMax; yr++ {
			if (yr-yrMin)%every != 0 {
				continue
			}
			s.add(shape{kind: shapeLine, role: "tick", pts: []vec{{x(yr), bottom}, {x(yr), bottom + 4}}, stroke: ptr(axisColor), width: 1.2})
			s.add(shape{kind: shapeText, role: "tick", pts: []vec{{x(yr), bottom + 16}}, text: strconv.Itoa(yr), size: fontSize, anchor: anchorMiddle, fill: ptr(textColor)})
		}
	}
	if c.Unit != "" {
		s.add(shape{kind: shapeText, role: "label", pts: []vec{{14, 16}}, text: b.t("report.chart.unit", msg.Args{"unit": c.Unit}), size: fontSize, anchor: anchorStart, fill: ptr(textColor)})
	}

	// Target: a dashed line, or a band with dashed edges for a range; labelled in words.
	targetDash := []float64{8, 5}
	if c.Target != nil {
		var label string
		yt := y(*c.Target)
		if c.TargetUpper != nil {
			yu := y(*c.TargetUpper)
			s.add(shape{kind: shapePolygon, role: "band", pts: []vec{{left, yu}, {right, yu}, {right, yt}, {left, yt}}, fill: ptr(bandFill)})
			s.add(shape{kind: shapeLine, role: "target", pts: []vec{{left, yu}, {right, yu}}, stroke: ptr(targetColor), width: 1.5, dash: targetDash, value: *c.TargetUpper})
			label = b.t("report.chart.range_label", msg.Args{"lower": b.number(*c.Target, c.Decimals), "upper": b.withUnit(*c.TargetUpper, c.Decimals, c.Unit)})
			yt = math.Max(yt, yu) // the label goes under the upper edge's line
		} else if c.TargetYear != 0 {
			label = b.t("report.chart.target_label_year", msg.Args{"year": strconv.Itoa(c.TargetYear), "value": b.withUnit(*c.Target, c.Decimals, c.Unit)})
		} else {
			label = b.t("report.chart.target_label", msg.Args{"value": b.withUnit(*c.Target, c.Decimals, c.Unit)})
		}
		s.add(shape{kind: shapeLine, role: "target", pts: []vec{{left, y(*c.Target)}, {right, y(*c.Target)}}, stroke: ptr(targetColor), width: 2, dash: targetDash, value: *c.Target})
		if c.TargetYear != 0 && c.TargetUpper == nil {
			s.add(shape{kind: shapeCircle, role: "target-year", pts: []vec{{x(c.TargetYear), y(*c.Target)}}, radius: 5, stroke: ptr(targetColor), width: 2, fill: ptr(rgb{0xff, 0xff, 0xff}), year: c.TargetYear, value: *c.Target})
		}
		// The label goes on the side of the line away from the data: above when the latest
		// value is below the target, else below; under the line when it is near the top.
		ly := y(*c.Target) - 7
		if c.TargetUpper != nil {
			ly = y(*c.TargetUpper) - 7
		}
		if n := len(c.Series); (n > 0 && c.Series[n-1].Value > *c.Target && c.TargetUpper == nil) || ly-top < 10 {
			ly = yt + 16
		}
		lx := right - 4
		if c.TargetYear != 0 && c.TargetUpper == nil {
			lx = math.Min(lx, x(c.TargetYear)-10) // left of the target year's ring
			if lx-fc.width(label, fontSize, true) < left {
				lx = right - 4
			}
		}
		s.add(shape{kind: shapeText, role: "label", pts: []vec{{lx, ly}}, text: label, size: fontSize, bold: true, anchor: anchorEnd, fill: ptr(targetColor)})
	}

	// Projection: a dotted line from the last measured value on.
	if len(c.Projection) > 0 {
		var pts []vec
		if n := len(c.Series); n > 0 {
			pts = append(pts, vec{x(c.Series[n-1].Year), y(c.Series[n-1].Value)})
		}
		for _, p := range c.Projection {
			pts = append(pts, vec{x(p.Year), y(p.Value)})
		}
		if len(pts) == 1 {
			pts = append(pts, pts[0])
		}
		s.add(shape{kind: shapeLine, role: "projection", pts: pts, stroke: ptr(accentColor), width: 2, dash: []float64{2.5, 4}})
	}

	// Baseline: an open diamond around its point.
	if bl := c.Baseline; bl != nil {
		cx, cy := x(bl.Year), y(bl.Value)
		const r = 8
		s.add(shape{kind: shapePolygon, role: "baseline", pts: []vec{{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}, {cx, cy - r}}, stroke: ptr(textColor), width: 1.5, year: bl.Year, value: bl.Value})
	}

	// Measured values: a solid line with points; the last value labelled.
	if len(c.Series) > 0 {
		var pts []vec
		for _, p := range c.Series {
			pts = append(pts, vec{x(p.Year), y(p.Value)})
		}
		if len(pts) > 1 {
			s.add(shape{kind: shapeLine, role: "series", pts: pts, stroke: ptr(accentColor), width: 2.5})
		}
		for i, p := range c.Series {
			s.add(shape{kind: shapeCircle, role: "point", pts: []vec{pts[i]}, radius: 4.5, fill: ptr(accentColor), stroke: ptr(rgb{0xff, 0xff, 0xff}), width: 1, year: p.Year, value: p.Value})
		}
		last := c.Series[len(c.Series)-1]
		// Above the point when the line comes from below, else below it.
		lx, ly := x(last.Year), y(last.Value)-10
		if n := len(c.Series); (n > 1 && c.Series[n-2].Value > last.Value) || ly-top < 12 {
			ly = y(last.Value) + 20
		}
		if ly > bottom-4 {
			ly = y(last.Value) - 10
		}
		s.add(shape{kind: shapeText, role: "label", pts: []vec{{lx, ly}}, text: b.withUnit(last.Value, c.Decimals, c.Unit), size: fontSize, bold: true, anchor: anchorMiddle, fill: ptr(accentColor)})
	}

	// Legend: right-aligned in the top row; every entry is a sample and a word.
	type entry struct {
		role, text string
	}
	var entries []entry
	if len(c.Series) > 0 {
		entries = append(entries, entry{"series", b.t("report.chart.measured", nil)})
	}
	if c.Target != nil {
		if c.TargetUpper != nil {
			entries = append(entries, entry{"band", b.t("report.chart.target_range", nil)})
		} else {
			entries = append(entries, entry{"target", b.t("report.chart.target", nil)})
		}
	}
	if len(c.Projection) > 0 {
		entries = append(entries, entry{"projection", b.t("report.chart.trend", nil)})
	}
	if c.Baseline != nil {
		entries = append(entries, entry{"baseline", b.t("report.chart.baseline", nil)})
	}
	const sample, gap, pad = 26.0, 6.0, 16.0
	total := 0.0
	for i, e := range entries {
		total += sample + gap + fc.width(e.text, fontSize, false)
		if i > 0 {
			total += pad
		}
	}
	lx, ly := right-total, 16.0
	for _, e := range entries {
		mid := vec{lx + sample/2, ly - 4}
		switch e.role {
		case "series":
			s.add(shape{kind: shapeLine, role: "legend", pts: []vec{{lx, ly - 4}, {lx + sample, ly - 4}}, stroke: ptr(accentColor), width: 2.5})
			s.add(shape{kind: shapeCircle, role: "legend", pts: []vec{mid}, radius: 4.5, fill: ptr(accentColor), stroke: ptr(rgb{0xff, 0xff, 0xff}), width: 1})
		case "target":
			s.add(shape{kind: shapeLine, role: "legend", pts: []vec{{lx, ly - 4}, {lx + sample, ly - 4}}, stroke: ptr(targetColor), width: 2, dash: targetDash})
		case "band":
			s.add(shape{kind: shapePolygon, role: "legend", pts: []vec{{lx, ly - 9}, {lx + sample, ly - 9}, {lx + sample, ly + 1}, {lx, ly + 1}}, fill: ptr(bandFill)})
			s.add(shape{kind: shapeLine, role: "legend", pts: []vec{{lx, ly - 9}, {lx + sample, ly - 9}}, stroke: ptr(targetColor), width: 1.5, dash: []float64{5, 3}})
			s.add(shape{kind: shapeLine, role: "legend", pts: []vec{{lx, ly + 1}, {lx + sample, ly + 1}}, stroke: ptr(targetColor), width: 1.5, dash: []float64{5, 3}})
		case "projection":
			s.add(shape{kind: shapeLine, role: "legend", pts: []vec{{lx, ly - 4}, {lx + sample, ly - 4}}, stroke: ptr(accentColor), width: 2, dash: []float64{2.5, 4}})
		case "baseline":
			const r = 6
			s.add(shape{kind: shapePolygon, role: "legend", pts: []vec{{mid.x, mid.y - r}, {mid.x + r, mid.y}, {mid.x, mid.y + r}, {mid.x - r, mid.y}, {mid.x, mid.y - r}}, stroke: ptr(textColor), width: 1.5})
		}
		lx += sample + gap
		s.add(shape{kind: shapeText, role: "legend", pts: []vec{{lx, ly}}, text: e.text, size: fontSize, anchor: anchorStart, fill: ptr(textColor)})
		lx += fc.width(e.text, fontSize, false) + pad
	}
	return s
}

// niceStep rounds a raw tick step up to 1, 2, 2.5 or 5 times a power of ten and returns the
// decimals its labels need.
func niceStep(raw float64) (float64, int) {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1, 0
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * pow
	for _, f := range []float64{1, 2, 2.5, 5} {
		if raw <= f*pow*(1+1e-9) {
			step = f * pow
			break
		}
	}
	decimals := 0
	for decimals < 6 {
		scaled := step * math.Pow(10, float64(decimals))
		if math.Abs(scaled-math.Round(scaled)) < 1e-6 {
			break
		}
		decimals++
	}
	return step, decimals
}

// chartDescription says in words what the chart shows: the author's description, then the
// measured values, the baseline, the target and the trend.
func chartDescription(b base, c *Chart) string {
	var parts []string
	if c.Description != "" {
		parts = append(parts, c.Description)
	}
	v := func(x float64) string { return b.withUnit(x, c.Decimals, c.Unit) }
	switch n := len(c.Series); n {
	case 0:
		parts = append(parts, b.t("report.chart.desc.empty", nil))
	case 1:
		parts = append(parts, b.t("report.chart.desc.single", msg.Args{"value": v(c.Series[0].Value), "year": strconv.Itoa(c.Series[0].Year)}))
	default:
		parts = append(parts, b.t("report.chart.desc.series", msg.Args{
			"from": strconv.Itoa(c.Series[0].Year), "to": strconv.Itoa(c.Series[n-1].Year),
			"first": v(c.Series[0].Value), "last": v(c.Series[n-1].Value)}))
	}
	if c.Baseline != nil {
		parts = append(parts, b.t("report.chart.desc.baseline", msg.Args{"year": strconv.Itoa(c.Baseline.Year), "value": v(c.Baseline.Value)}))
	}
	if c.Target != nil {
		year := strconv.Itoa(c.TargetYear)
		switch {
		case c.TargetUpper != nil && c.TargetYear != 0:
			parts = append(parts, b.t("report.chart.desc.range_year", msg.Args{"year": year, "lower": v(*c.Target), "upper": v(*c.TargetUpper)}))
		case c.TargetUpper != nil:
			parts = append(parts, b.t("report.chart.desc.range", msg.Args{"lower": v(*c.Target), "upper": v(*c.TargetUpper)}))
		case c.TargetYear != 0:
			parts = append(parts, b.t("report.chart.desc.target_year", msg.Args{"year": year, "value": v(*c.Target)}))
		default:
			parts = append(parts, b.t("report.chart.desc.target", msg.Args{"value": v(*c.Target)}))
		}
	}
	if n := len(c.Projection); n > 0 {
		last := c.Projection[n-1]
		parts = append(parts, b.t("report.chart.desc.trend", msg.Args{"year": strconv.Itoa(last.Year), "value": v(last.Value)}))
	}
	return strings.Join(parts, " ")
}

// chartSVG writes the scene as an inline SVG image: role="img" with <title> and <desc>
// referenced by aria-labelledby, every shape carrying its data-role.
func chartSVG(s *scene, id string) string {
	var sb strings.Builder
	esc := html.EscapeString
	f := func(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }
	sb.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 640 240" width="640" height="240" role="img" aria-labelledby="` + esc(id) + `-title" aria-describedby="` + esc(id) + `-desc" font-family="'Go', 'Helvetica Neue', Arial, sans-serif">`)
	sb.WriteString(`<title id="` + esc(id) + `-title">` + esc(s.title) + `</title>`)
	sb.WriteString(`<desc id="` + esc(id) + `-desc">` + esc(s.desc) + `</desc>`)
	sb.WriteString(`<rect width="640" height="240" fill="#ffffff"/>`)
	for _, sh := range s.shapes {
		attrs := ` data-role="` + sh.role + `"`
		if sh.role == "point" || sh.role == "baseline" || sh.role == "target-year" {
			attrs += ` data-year="` + strconv.Itoa(sh.year) + `" data-value="` + strconv.FormatFloat(sh.value, 'f', -1, 64) + `"`
		}
		if sh.role == "target" {
			attrs += ` data-value="` + strconv.FormatFloat(sh.value, 'f', -1, 64) + `"`
		}
		paint := ""
		if sh.fill != nil && sh.kind != shapeText {
			paint += ` fill="` + sh.fill.css() + `"`
		} else if sh.kind != shapeText {
			paint += ` fill="none"`
		}
		if sh.stroke != nil {
			paint += ` stroke="` + sh.stroke.css() + `" stroke-width="` + f(sh.width) + `" stroke-linejoin="round"`
			if len(sh.dash) > 0 {
				var d []string
				for _, x := range sh.dash {
					d = append(d, f(x))
				}
				paint += ` stroke-dasharray="` + strings.Join(d, " ") + `"`
			} else {
				paint += ` stroke-linecap="round"`
			}
		}
		switch sh.kind {
		case shapeLine, shapePolygon:
			var pts []string
			for _, p := range sh.pts {
				pts = append(pts, f(p.x)+","+f(p.y))
			}
			el := "polyline"
			if sh.kind == shapePolygon {
				el = "polygon"
			}
			sb.WriteString(`<` + el + attrs + ` points="` + strings.Join(pts, " ") + `"` + paint + `/>`)
		case shapeCircle:
			sb.WriteString(`<circle` + attrs + ` cx="` + f(sh.pts[0].x) + `" cy="` + f(sh.pts[0].y) + `" r="` + f(sh.radius) + `"` + paint + `/>`)
		case shapeText:
			weight := ""
			if sh.bold {
				weight = ` font-weight="bold"`
			}
			if sh.role == "label" {
				weight += ` stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`
			}
			sb.WriteString(`<text` + attrs + ` x="` + f(sh.pts[0].x) + `" y="` + f(sh.pts[0].y) + `" font-size="` + f(sh.size) + `" text-anchor="` + sh.anchor + `" fill="` + sh.fill.css() + `"` + weight + `>` + esc(sh.text) + `</text>`)
		}
	}
	sb.WriteString(`</svg>`)
	return sb.String()
}
