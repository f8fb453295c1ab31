package report

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// svgElements parses an SVG (as HTML, the way a browser reads inline SVG) and returns its
// elements by data-role.
func svgElements(t *testing.T, svg string) map[string][]*html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><body>" + svg))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]*html.Node{}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode {
			if role := attr(n, "data-role"); role != "" {
				out[role] = append(out[role], n)
			}
			out["<"+n.Data+">"] = append(out["<"+n.Data+">"], n)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func attrFloat(t *testing.T, n *html.Node, key string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(attr(n, key), 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.Data, key, attr(n, key), err)
	}
	return v
}

// points parses a polyline's points.
func points(t *testing.T, n *html.Node) []vec {
	t.Helper()
	var out []vec
	for _, pair := range strings.Fields(attr(n, "points")) {
		x, y, _ := strings.Cut(pair, ",")
		fx, err1 := strconv.ParseFloat(x, 64)
		fy, err2 := strconv.ParseFloat(y, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("points %q", attr(n, "points"))
		}
		out = append(out, vec{fx, fy})
	}
	return out
}

func testChart() *Chart {
	return &Chart{
		Title: "Übergänge in Ausbildung – Größe", Unit: "%", Decimals: 1,
		Series:     []Point{{2018, 27.9}, {2019, 28.4}, {2020, 27.6}, {2021, 29.8}, {2022, 31.2}, {2023, 32.0}, {2024, 32.9}},
		Target:     Num(35),
		TargetYear: 2026,
		Baseline:   &Point{2018, 27.9},
		Projection: []Point{{2026, 34.4}},
	}
}

// TestChartSVGGeometry checks that the drawing says what the data says: years go right,
// higher values go up (the highest value is highest on screen), the series line passes
// through the points, the target line lies between the values below and above it, the
// projection starts at the last value, and the axis labels use the decimal comma.
func TestChartSVGGeometry(t *testing.T) {
	c := testChart()
	b := newBase(&Document{Title: "x"})
	s := layoutChart(b, c)
	svg := chartSVG(s, "abb-1")
	el := svgElements(t, svg)

	pts := el["point"]
	if len(pts) != len(c.Series) {
		t.Fatalf("%d points, want %d", len(pts), len(c.Series))
	}
	highest, lowest := 0, 0
	for i, p := range pts {
		if got := attr(p, "data-year"); got != strconv.Itoa(c.Series[i].Year) {
			t.Errorf("point %d: year %s", i, got)
		}
		if i > 0 && attrFloat(t, p, "cx") <= attrFloat(t, pts[i-1], "cx") {
			t.Errorf("point %d is not right of point %d", i, i-1)
		}
		if c.Series[i].Value > c.Series[highest].Value {
			highest = i
		}
		if c.Series[i].Value < c.Series[lowest].Value {
			lowest = i
		}
	}
	for i, p := range pts {
		cy := attrFloat(t, p, "cy")
		if i != highest && cy <= attrFloat(t, pts[highest], "cy") {
			t.Errorf("point %d (%v) is not below the highest (%v)", i, c.Series[i].Value, c.Series[highest].Value)
		}
		if i != lowest && cy >= attrFloat(t, pts[lowest], "cy") {
			t.Errorf("point %d is not above the lowest", i)
		}
	}
	// Screen y is linear in the value.
	y0, y1 := attrFloat(t, pts[0], "cy"), attrFloat(t, pts[highest], "cy")
	v0, v1 := c.Series[0].Value, c.Series[highest].Value
	yOf := func(v float64) float64 { return y0 + (v-v0)*(y1-y0)/(v1-v0) }
	for i, p := range pts {
		if d := math.Abs(attrFloat(t, p, "cy") - yOf(c.Series[i].Value)); d > 0.2 {
			t.Errorf("point %d off the value scale by %.2f", i, d)
		}
	}

	line := el["series"]
	if len(line) != 1 {
		t.Fatalf("%d series lines", len(line))
	}
	lp := points(t, line[0])
	for i, p := range pts {
		if math.Abs(lp[i].x-attrFloat(t, p, "cx")) > 0.11 || math.Abs(lp[i].y-attrFloat(t, p, "cy")) > 0.11 {
			t.Errorf("the line misses point %d", i)
		}
	}

	targets := el["target"]
	if len(targets) != 1 || attr(targets[0], "stroke-dasharray") == "" {
		t.Fatalf("want one dashed target line, got %d", len(targets))
	}
	tp := points(t, targets[0])
	if tp[0].y != tp[1].y || math.Abs(tp[0].y-yOf(*c.Target)) > 0.2 {
		t.Errorf("target line at y %v, want %v", tp[0].y, yOf(*c.Target))
	}
	if tp[0].y >= attrFloat(t, pts[highest], "cy") {
		t.Error("the target (35) is not above the highest value (32.9)")
	}

	proj := el["projection"]
	if len(proj) != 1 || attr(proj[0], "stroke-dasharray") == "" {
		t.Fatal("want one dotted projection line")
	}
	pp := points(t, proj[0])
	last := pts[len(pts)-1]
	if math.Abs(pp[0].x-attrFloat(t, last, "cx")) > 0.11 || math.Abs(pp[0].y-attrFloat(t, last, "cy")) > 0.11 {
		t.Error("the projection does not start at the last value")
	}
	if math.Abs(pp[1].y-yOf(34.4)) > 0.2 || pp[1].x <= pp[0].x {
		t.Error("the projection does not end at 34.4 in 2026")
	}
	if bl := el["baseline"]; len(bl) != 1 || attr(bl[0], "data-year") != "2018" {
		t.Error("no baseline marker for 2018")
	}

	var texts []string
	for _, n := range el["<text>"] {
		if n.FirstChild != nil {
			texts = append(texts, n.FirstChild.Data)
		}
	}
	all := strings.Join(texts, " | ")
	for _, want := range []string{"2018", "2026", "Messwerte", "Ziel", "Trend", "Ausgangswert", "in %", "Ziel 2026: 35,0\u00a0%", "32,9\u00a0%"} {
		if !strings.Contains(all, want) {
			t.Errorf("chart texts lack %q: %s", want, all)
		}
	}
	if strings.Contains(all, ".5") || strings.Contains(all, "32.9") {
		t.Errorf("a decimal point in the German labels: %s", all)
	}

	// Accessible name and description.
	root := el["<svg>"][0]
	if attr(root, "role") != "img" || attr(root, "aria-labelledby") != "abb-1-title" || attr(root, "aria-describedby") != "abb-1-desc" {
		t.Errorf("svg attributes %v", root.Attr)
	}
	if title := el["<title>"]; len(title) != 1 || attr(title[0], "id") != "abb-1-title" || title[0].FirstChild.Data != c.Title {
		t.Error("svg title")
	}
	if desc := el["<desc>"]; len(desc) != 1 || !strings.Contains(desc[0].FirstChild.Data, "Ziel bis 2026: 35,0") {
		t.Error("svg desc")
	}
}

// TestChartRange checks a target range: a band between its ends, both edges dashed.
func TestChartRange(t *testing.T) {
	c := &Chart{Title: "Korridor", Unit: "%", Series: []Point{{2020, 24.5}, {2024, 18.8}}, Target: Num(15), TargetUpper: Num(20)}
	el := svgElements(t, chartSVG(layoutChart(newBase(&Document{Title: "x"}), c), "k"))
	band := el["band"]
	if len(band) != 1 {
		t.Fatal("no band")
	}
	bp := points(t, band[0])
	edges := el["target"]
	if len(edges) != 2 {
		t.Fatalf("%d band edges", len(edges))
	}
	var ys []float64
	for _, e := range edges {
		ys = append(ys, points(t, e)[0].y)
	}
	minY, maxY := math.Min(bp[0].y, bp[2].y), math.Max(bp[0].y, bp[2].y)
	if math.Min(ys[0], ys[1]) != minY || math.Max(ys[0], ys[1]) != maxY {
		t.Errorf("band %v..%v, edges %v", minY, maxY, ys)
	}
}

// TestChartDegenerate renders charts with one value, no values, equal values and a target
// only: no panic, no NaN in the SVG, a PNG of the right size.
func TestChartDegenerate(t *testing.T) {
	b := newBase(&Document{Title: "x"})
	for name, c := range map[string]*Chart{
		"empty":       {Title: "leer"},
		"one value":   {Title: "eins", Series: []Point{{2024, 5}}},
		"flat":        {Title: "flach", Series: []Point{{2020, 0}, {2021, 0}}},
		"target only": {Title: "Ziel", Target: Num(10), TargetYear: 2030},
		"negative":    {Title: "negativ", Series: []Point{{2020, -3.5}, {2021, 2.25}}, Decimals: 2},
		"many years": {Title: "lang", Series: func() (p []Point) {
			for y := 1990; y <= 2024; y++ {
				p = append(p, Point{y, float64(y % 7)})
			}
			return
		}()},
		"huge numbers": {Title: "groß", Series: []Point{{2020, 1.2e6}, {2021, 1.5e6}}, Unit: "€"},
	} {
		s := layoutChart(b, c)
		svg := chartSVG(s, "c")
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
			t.Errorf("%s: NaN or Inf in the SVG", name)
		}
		raw, err := chartPNG(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		img, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if img.Bounds() != image.Rect(0, 0, 1920, 720) {
			t.Errorf("%s: PNG %v", name, img.Bounds())
		}
	}
}

// TestChartPNG decodes the PNG and finds the drawing where the SVG has it: the series'
// colour at the points, the target's colour on its line, white elsewhere.
func TestChartPNG(t *testing.T) {
	s := layoutChart(newBase(&Document{Title: "x"}), testChart())
	raw, err := chartPNG(s)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != int(chartW*pngScale) || b.Dy() != int(chartH*pngScale) {
		t.Fatalf("PNG %v, want %v × %v", b, chartW*pngScale, chartH*pngScale)
	}
	at := func(x, y float64) rgb {
		r, g, bl, _ := img.At(int(x*pngScale), int(y*pngScale)).RGBA()
		return rgb{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}
	}
	near := func(a, b rgb) bool {
		d := func(x, y uint8) int { return int(x) - int(y) }
		return d(a.r, b.r)*d(a.r, b.r)+d(a.g, b.g)*d(a.g, b.g)+d(a.b, b.b)*d(a.b, b.b) < 30*30
	}
	for _, sh := range s.shapes {
		switch sh.role {
		case "point":
			if c := at(sh.pts[0].x, sh.pts[0].y); !near(c, accentColor) {
				t.Errorf("point %d: colour %v at its centre", sh.year, c)
			}
		case "target":
			// a dash starts at the line's left end
			p := sh.pts[0]
			if c := at(p.x+2, p.y); !near(c, targetColor) {
				t.Errorf("target line: colour %v", c)
			}
		}
	}
	if c := at(chartW-3, chartH-3); c != (rgb{0xff, 0xff, 0xff}) {
		t.Errorf("corner: %v, want white", c)
	}
}

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct {
		raw      float64
		step     float64
		decimals int
	}{
		{0.8, 1, 0}, {1.3, 2, 0}, {2.2, 2.5, 1}, {3, 5, 0}, {7, 10, 0}, {0.13, 0.2, 1}, {0.021, 0.025, 3}, {260, 500, 0}, {0, 1, 0},
	} {
		step, dec := niceStep(tc.raw)
		if math.Abs(step-tc.step) > 1e-9 || dec != tc.decimals {
			t.Errorf("niceStep(%v) = %v, %d; want %v, %d", tc.raw, step, dec, tc.step, tc.decimals)
		}
	}
}
