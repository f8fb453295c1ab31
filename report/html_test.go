package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseHTML(t *testing.T, raw []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func text(n *html.Node) string {
	var sb strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			sb.WriteString(d.Data)
		}
	}
	return sb.String()
}

func elements(doc *html.Node, tag string) []*html.Node {
	var out []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	}
	return out
}

// TestHTMLStructure reads the page back with an HTML parser and checks what assistive
// technology and a printer rely on.
func TestHTMLStructure(t *testing.T) {
	raw := sampleOutputs()[FormatHTML]
	doc := parseHTML(t, raw)

	if h := elements(doc, "html"); len(h) != 1 || attr(h[0], "lang") != "de" {
		t.Fatal("no <html lang=de>")
	}
	if ti := elements(doc, "title"); len(ti) == 0 || text(ti[0]) != markTitle {
		t.Error("page title")
	}

	// Headings: one h1 first, then no level skipped on the way down.
	var levels []int
	var heads []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			levels = append(levels, int(n.Data[1]-'0'))
			heads = append(heads, text(n))
		}
	}
	if len(levels) == 0 || levels[0] != 1 || heads[0] != markTitle {
		t.Fatalf("first heading %v %v", levels, heads)
	}
	for i := 1; i < len(levels); i++ {
		if levels[i] == 1 {
			t.Errorf("a second h1: %q", heads[i])
		}
		if levels[i] > levels[i-1]+1 {
			t.Errorf("heading %q (h%d) skips a level after h%d", heads[i], levels[i], levels[i-1])
		}
	}
	for _, want := range []string{markHeading1, markHeading2, "Inhalt", markMeasures} {
		if !strings.Contains(strings.Join(heads, "|"), want) {
			t.Errorf("no heading %q", want)
		}
	}

	// Tables: a caption each, header cells with scope; the measures table has 60 rows.
	tables := elements(doc, "table")
	if len(tables) != 2+3 { // two tables and a values table per chart
		t.Errorf("%d tables", len(tables))
	}
	for i, tb := range tables {
		caps := elements(tb, "caption")
		if len(caps) != 1 || strings.TrimSpace(text(caps[0])) == "" {
			t.Errorf("table %d has no caption", i)
		}
		for _, th := range elements(tb, "th") {
			if s := attr(th, "scope"); s != "col" && s != "row" {
				t.Errorf("table %d: <th> %q without scope", i, text(th))
			}
		}
		if len(elements(tb, "thead")) != 1 {
			t.Errorf("table %d: no thead (repeats on printed pages)", i)
		}
	}
	var measures *html.Node
	for _, tb := range tables {
		if strings.Contains(text(elements(tb, "caption")[0]), markMeasures) {
			measures = tb
		}
	}
	if measures == nil {
		t.Fatal("no measures table")
	}
	if rows := elements(elements(measures, "tbody")[0], "tr"); len(rows) != 60 {
		t.Errorf("measures: %d rows", len(rows))
	}
	body := text(measures)
	for _, want := range []string{markCell, "1250,50", "10.247,75", "01.01.2020", "erreicht", "auf Kurs", "gefährdet", "nicht auf Kurs", "keine Daten"} {
		if !strings.Contains(body, want) {
			t.Errorf("measures table lacks %q", want)
		}
	}
	// A class cell carries its colour and its word.
	for _, td := range elements(measures, "td") {
		if cls := attr(td, "class"); strings.Contains(cls, "cls-") && strings.TrimSpace(text(td)) == "" {
			t.Errorf("class cell %q without a word", cls)
		}
	}

	// Charts: inline SVG images with title and desc, the target line, the values as a table.
	figures := elements(doc, "figure")
	if len(figures) != 3 {
		t.Fatalf("%d figures", len(figures))
	}
	for i, fig := range figures {
		svgs := elements(fig, "svg")
		if len(svgs) != 1 {
			t.Fatalf("figure %d: %d svgs", i, len(svgs))
		}
		svg := svgs[0]
		if attr(svg, "role") != "img" {
			t.Errorf("figure %d: svg role %q", i, attr(svg, "role"))
		}
		titles, descs := elements(svg, "title"), elements(svg, "desc")
		if len(titles) != 1 || attr(titles[0], "id") != attr(svg, "aria-labelledby") || text(titles[0]) == "" {
			t.Errorf("figure %d: title not the svg's name", i)
		}
		if len(descs) != 1 || attr(descs[0], "id") != attr(svg, "aria-describedby") || text(descs[0]) == "" {
			t.Errorf("figure %d: desc not the svg's description", i)
		}
		var target bool
		for n := range svg.Descendants() {
			target = target || attr(n, "data-role") == "target"
		}
		if !target {
			t.Errorf("figure %d: no target line", i)
		}
		if len(elements(fig, "figcaption")) != 1 || len(elements(fig, "table")) != 1 {
			t.Errorf("figure %d: caption or values table missing", i)
		}
	}
	if !strings.Contains(text(figures[0]), markUmlauts) || !strings.Contains(text(figures[0]), "32,9") {
		t.Error("figure 1: title or values")
	}

	// Self-contained: no script, no stylesheet link, no external source; links are anchors
	// to ids that exist.
	ids := map[string]bool{}
	for n := range doc.Descendants() {
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				t.Errorf("duplicate id %q", id)
			}
			ids[id] = true
		}
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "script" || n.Data == "link" || n.Data == "img" || n.Data == "iframe" {
			t.Errorf("external or scripted element <%s>", n.Data)
		}
		if src := attr(n, "src"); src != "" {
			t.Errorf("<%s src=%q>", n.Data, src)
		}
		if href := attr(n, "href"); href != "" && (!strings.HasPrefix(href, "#") || !ids[href[1:]]) {
			t.Errorf("<%s href=%q> does not point into the page", n.Data, href)
		}
	}

	// Print: A4, page numbers from the catalogue in the bottom margin box, header rows.
	css := text(elements(doc, "style")[0])
	for _, want := range []string{"size:A4 portrait", `@bottom-right{content:"Seite " counter(page) " von " counter(pages)`, "thead{display:table-header-group}", "break-inside:avoid"} {
		if !strings.Contains(css, want) {
			t.Errorf("style lacks %q", want)
		}
	}
	if strings.Contains(css, "url(") || strings.Contains(css, "@import") {
		t.Error("style loads something")
	}
}

// TestHTMLEscapes checks that document text cannot inject markup, not even through the
// CSS page header.
func TestHTMLEscapes(t *testing.T) {
	evil := `</style><script>alert(1)</script>"<b>`
	d := &Document{
		Title:  evil,
		Meta:   []KeyValue{{Key: evil, Value: evil}},
		Blocks: []Block{HeadingBlock(1, evil), ParagraphBlock(evil, StyleNote), ListBlock(evil), TableBlock(Table{Caption: evil, Columns: []Column{{Title: evil}}, Rows: [][]Cell{{{Text: evil}}}, Notes: []string{evil}}), ChartBlock(Chart{Title: evil, Description: evil, Unit: evil, Series: []Point{{2020, 1}, {2021, 2}}})},
	}
	raw := render(t, d, FormatHTML)
	doc := parseHTML(t, raw)
	if n := len(elements(doc, "script")); n != 0 {
		t.Errorf("%d script elements", n)
	}
	if n := len(elements(doc, "b")); n != 0 {
		t.Errorf("%d b elements", n)
	}
	if n := len(elements(doc, "style")); n != 1 {
		t.Errorf("%d style elements", n)
	}
}

// TestHTMLNoTOC: without TOC there is no navigation, and headings still start at h2.
func TestHTMLNoTOC(t *testing.T) {
	d := sampleDocument()
	d.TOC = false
	doc := parseHTML(t, render(t, d, FormatHTML))
	if len(elements(doc, "nav")) != 0 {
		t.Error("a nav without TOC")
	}
	if h2 := elements(doc, "h2"); len(h2) == 0 || text(h2[0]) != "Zusammenfassung" {
		t.Error("first h2")
	}
	// Chart values with more than ten years go down, not across.
	d = &Document{Title: "x", Blocks: []Block{ChartBlock(Chart{Title: "lang", Series: func() (p []Point) {
		for y := 2001; y <= 2024; y++ {
			p = append(p, Point{y, float64(y)})
		}
		return
	}()})}}
	doc = parseHTML(t, render(t, d, FormatHTML))
	if rows := elements(elements(doc, "tbody")[0], "tr"); len(rows) != 24 {
		t.Errorf("%d rows in the long values table", len(rows))
	}
	if got := text(elements(doc, "tbody")[0]); !strings.Contains(got, strconv.Itoa(2013)) {
		t.Error("years down the table")
	}
}
