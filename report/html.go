package report

import (
	"bufio"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// WriteHTML writes d as one self-contained HTML page: inline CSS, charts as inline SVG, no
// external resource. It is laid out for the screen and for printing on A4 (page margins,
// repeated table headers, "Seite N von M" in the page's bottom margin where the browser
// supports CSS page margin boxes — Chromium 131 and later; elsewhere the page prints without
// numbers). The page is streamed to w.
func WriteHTML(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	b := newBase(d)
	page := htmlPage{
		Lang:     b.langTag()[:2],
		Title:    d.Title,
		Subtitle: d.Subtitle,
		Author:   d.Author,
		Meta:     d.Meta,
		Created:  b.created(),
		CSS:      template.CSS(htmlCSS(b)),
	}
	if d.TOC {
		page.TOCTitle = b.t("report.toc", nil)
		for _, e := range b.toc() {
			page.TOC = append(page.TOC, htmlTOCEntry{Level: e.level, Text: e.text, ID: e.id})
		}
	}
	for i, bl := range d.Blocks {
		page.Blocks = append(page.Blocks, htmlBlockOf(b, i, bl))
	}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, page); err != nil {
		return err
	}
	return bw.Flush()
}

type htmlPage struct {
	Lang, Title, Subtitle, Author, Created string
	Meta                                   []KeyValue
	CSS                                    template.CSS
	TOCTitle                               string
	TOC                                    []htmlTOCEntry
	Blocks                                 []htmlBlock
}

type htmlTOCEntry struct {
	Level    int
	Text, ID string
}

// htmlBlock is a block prepared for the template: exactly one part is set.
type htmlBlock struct {
	Heading   *htmlHeading
	Paragraph *Paragraph
	List      *List
	Table     *htmlTable
	Chart     *htmlChart
	PageBreak bool
}

type htmlHeading struct {
	// Tag is h2, h3 or h4: the document's title is the page's h1.
	Tag      string
	Text, ID string
}

type htmlTable struct {
	Caption string
	// RowHeader makes the first column the rows' headers (th scope=row): when it is text.
	RowHeader bool
	Columns   []htmlColumn
	Rows      [][]htmlCell
	Notes     []string
	Class     string
}

type htmlColumn struct {
	Title, Align string
}

type htmlCell struct {
	Text, Align, Class string
}

type htmlChart struct {
	ID, Caption, Description string
	SVG                      template.HTML
	Values                   *htmlTable
}

func htmlBlockOf(b base, i int, bl Block) htmlBlock {
	switch {
	case bl.Heading != nil:
		return htmlBlock{Heading: &htmlHeading{Tag: "h" + strconv.Itoa(bl.Heading.Level+1), Text: bl.Heading.Text, ID: b.ids[i]}}
	case bl.Paragraph != nil:
		return htmlBlock{Paragraph: bl.Paragraph}
	case bl.List != nil:
		return htmlBlock{List: bl.List}
	case bl.Table != nil:
		return htmlBlock{Table: htmlTableOf(b, b.tableCaption(i, bl.Table), bl.Table)}
	case bl.Chart != nil:
		c := bl.Chart
		s := layoutChart(b, c)
		values := htmlTableOf(b, b.t("report.chart.values_caption", msg.Args{"n": strconv.Itoa(b.numbers[i])}), chartValues(b, c))
		values.Class = "values"
		return htmlBlock{Chart: &htmlChart{
			ID:          b.ids[i],
			Caption:     b.figureCaption(i, c),
			Description: s.desc,
			SVG:         template.HTML(chartSVG(s, b.ids[i])),
			Values:      values,
		}}
	}
	return htmlBlock{PageBreak: true}
}

func htmlTableOf(b base, caption string, t *Table) *htmlTable {
	ht := &htmlTable{Caption: caption, Notes: t.Notes, RowHeader: len(t.Columns) > 1 && (t.Columns[0].Kind == "" || t.Columns[0].Kind == KindText)}
	for _, c := range t.Columns {
		ht.Columns = append(ht.Columns, htmlColumn{Title: c.Title, Align: align(c)})
	}
	for _, row := range t.Rows {
		cells := make([]htmlCell, len(row))
		for j, c := range row {
			cells[j] = htmlCell{Text: b.cellText(t.Columns[j], c), Align: align(t.Columns[j])}
			if c.Class != "" {
				cells[j].Class = "cls cls-" + c.Class
			}
		}
		ht.Rows = append(ht.Rows, cells)
	}
	return ht
}

// chartValues is a chart's data as a table: the years across, a row each for the measured
// values, the trend and the baseline (years down when there are more than ten).
func chartValues(b base, c *Chart) *Table {
	type row struct {
		name string
		vals map[int]float64
	}
	var rows []row
	add := func(name string, pts []Point) {
		if len(pts) == 0 {
			return
		}
		r := row{name: name, vals: map[int]float64{}}
		for _, p := range pts {
			r.vals[p.Year] = p.Value
		}
		rows = append(rows, r)
	}
	add(b.t("report.chart.measured", nil), c.Series)
	add(b.t("report.chart.trend", nil), c.Projection)
	if c.Baseline != nil {
		add(b.t("report.chart.baseline", nil), []Point{*c.Baseline})
	}
	var years []int
	for _, r := range rows {
		for y := range r.vals {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	cell := func(r row, y int) Cell {
		if v, ok := r.vals[y]; ok {
			return Cell{Text: b.withUnit(v, c.Decimals, c.Unit), Number: Num(v)}
		}
		return Cell{Text: "–"}
	}
	t := &Table{}
	if len(years) <= 10 {
		t.Columns = []Column{{Title: b.t("report.chart.year", nil)}}
		for _, y := range years {
			t.Columns = append(t.Columns, Column{Title: strconv.Itoa(y), Kind: KindNumber})
		}
		for _, r := range rows {
			cells := []Cell{{Text: r.name}}
			for _, y := range years {
				cells = append(cells, cell(r, y))
			}
			t.Rows = append(t.Rows, cells)
		}
		return t
	}
	t.Columns = []Column{{Title: b.t("report.chart.year", nil)}}
	for _, r := range rows {
		t.Columns = append(t.Columns, Column{Title: r.name, Kind: KindNumber})
	}
	for _, y := range years {
		cells := []Cell{{Text: strconv.Itoa(y)}}
		for _, r := range rows {
			cells = append(cells, cell(r, y))
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// cssString quotes s as a CSS string that cannot end the style element.
func cssString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "<", `\3C `, ">", `\3E `, "\n", `\A `, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// pageContent turns the "Seite {page} von {pages}" message into a CSS content value with
// the page counters.
func pageContent(b base) string {
	const pg, pgs = "\x00page\x00", "\x00pages\x00"
	label := b.pageLabel(pg, pgs)
	var parts []string
	for label != "" {
		i := strings.IndexByte(label, 0)
		if i < 0 {
			parts = append(parts, cssString(label))
			break
		}
		if i > 0 {
			parts = append(parts, cssString(label[:i]))
		}
		rest := label[i:]
		switch {
		case strings.HasPrefix(rest, pgs):
			parts = append(parts, "counter(pages)")
			label = rest[len(pgs):]
		case strings.HasPrefix(rest, pg):
			parts = append(parts, "counter(page)")
			label = rest[len(pg):]
		default:
			label = rest[1:]
		}
	}
	return strings.Join(parts, " ")
}

func htmlCSS(b base) string {
	var cls strings.Builder
	for _, c := range Classes {
		// td.cls.cls-x outranks the zebra rows' tbody tr:nth-child(even)>*.
		cls.WriteString("td.cls.cls-" + c + ",th.cls.cls-" + c + "{background:" + classStyles[c].fill.css() + "}")
	}
	r := strings.NewReplacer(
		"$TEXT", textColor.css(), "$MUTED", mutedColor.css(), "$ACCENT", accentColor.css(),
		"$HEADTEXT", headerText.css(), "$RULE", ruleColor.css(), "$ZEBRA", zebraColor.css(),
		"$NOTE", noteFill.css(), "$TARGET", targetColor.css(),
		"$PAGE", pageContent(b), "$TITLE", cssString(b.d.Title), "$CLASSES", cls.String(),
	)
	return r.Replace(htmlStyle)
}

// htmlStyle is the page's style sheet. Print: A4 with margins; page numbers and the title in
// the page margin boxes; table headers repeat on every page (display: table-header-group is
// the default for thead); rows, figures and headings do not break apart.
const htmlStyle = `
:root{color:$TEXT;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact;font-family:"Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif;line-height:1.45}
body{margin:0 auto;max-width:52rem;padding:1.5rem}
h1,h2,h3,h4{color:$ACCENT;line-height:1.2;margin:1.4em 0 .5em;break-after:avoid;page-break-after:avoid}
h1{font-size:1.9rem;margin-top:0}
h2{font-size:1.45rem;border-bottom:2px solid $ACCENT;padding-bottom:.15em}
h3{font-size:1.2rem}
h4{font-size:1.05rem}
p{margin:.5em 0;orphans:3;widows:3}
.subtitle{font-size:1.15rem;margin-top:-.2em}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1.2em;margin:1em 0}
.meta dt{font-weight:600}
.meta dd{margin:0}
.muted,.created,.table-note{color:$MUTED;font-size:.875rem}
.note{background:$NOTE;border-left:4px solid $TARGET;padding:.5em .8em}
nav.toc ol{list-style:none;padding-left:0}
nav.toc li.l2{padding-left:1.5em}
nav.toc a{color:$ACCENT}
.table-block{margin:1em 0 1.4em}
.scroll{overflow-x:auto}
.scroll:focus-visible{outline:2px solid $ACCENT;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3em 0;caption-side:top}
th,td{border:1px solid $RULE;padding:.3em .45em;vertical-align:top;text-align:left}
thead th{background:$ACCENT;color:$HEADTEXT;font-weight:600}
tbody tr:nth-child(even)>*{background:$ZEBRA}
tbody th{font-weight:600}
.right{text-align:right;font-variant-numeric:tabular-nums}
.center{text-align:center}
td.cls{font-weight:600}
$CLASSES
figure{margin:1.2em 0 1.6em;break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:600;margin-bottom:.3em}
svg.chart{display:block;width:100%;max-width:16cm;height:auto}
svg.chart text{font-family:inherit}
.chart-desc{font-size:.9rem}
table.values{font-size:.8rem;width:auto}
table.values caption{font-weight:400;color:$MUTED}
.page-break{break-after:page;page-break-after:always}
@page{size:A4 portrait;margin:18mm 18mm 20mm 20mm;
  @bottom-right{content:$PAGE;font-size:8pt;color:$MUTED}
  @top-right{content:$TITLE;font-size:8pt;color:$MUTED}}
@page:first{@top-right{content:none}}
@media print{
  :root{font-size:10pt}
  body{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
  tr,td,th{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  .scroll{overflow:visible}
}
`

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{- if .Author}}
<meta name="author" content="{{.Author}}">{{end}}
<meta name="generator" content="Netzwerkatlas">
<style>{{.CSS}}</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
{{- if .Subtitle}}
<p class="subtitle">{{.Subtitle}}</p>{{end}}
{{- if .Meta}}
<dl class="meta">
{{- range .Meta}}
<dt>{{.Key}}</dt><dd>{{.Value}}</dd>{{end}}
</dl>{{end}}
{{- if .Created}}
<p class="created">{{.Created}}</p>{{end}}
</header>
{{- if .TOCTitle}}
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">{{.TOCTitle}}</h2>
<ol>
{{- range .TOC}}
<li class="l{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>{{end}}
</ol>
</nav>{{end}}
<main>
{{- range .Blocks}}
{{- if .Heading}}
{{- if eq .Heading.Tag "h2"}}
<h2 id="{{.Heading.ID}}">{{.Heading.Text}}</h2>
{{- else if eq .Heading.Tag "h3"}}
<h3 id="{{.Heading.ID}}">{{.Heading.Text}}</h3>
{{- else}}
<h4 id="{{.Heading.ID}}">{{.Heading.Text}}</h4>{{end}}
{{- else if .Paragraph}}
<p{{with .Paragraph.Style}}{{if ne . "normal"}} class="{{.}}"{{end}}{{end}}>{{.Paragraph.Text}}</p>
{{- else if .List}}
{{- if .List.Ordered}}
<ol>{{range .List.Items}}<li>{{.}}</li>{{end}}</ol>
{{- else}}
<ul>{{range .List.Items}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{- else if .Table}}
<div class="table-block">{{template "table" .Table}}
{{- range .Table.Notes}}
<p class="table-note">{{.}}</p>{{end}}
</div>
{{- else if .Chart}}
<figure id="{{.Chart.ID}}">
<figcaption>{{.Chart.Caption}}</figcaption>
{{.Chart.SVG}}
<p class="chart-desc">{{.Chart.Description}}</p>
{{with .Chart.Values}}{{template "table" .}}{{end}}
</figure>
{{- else if .PageBreak}}
<div class="page-break"></div>{{end}}
{{- end}}
</main>
</body>
</html>
{{define "table"}}<div class="scroll" role="region" aria-label="{{.Caption}}" tabindex="0"><table{{if .Class}} class="{{.Class}}"{{end}}>
<caption>{{.Caption}}</caption>
<thead><tr>{{range .Columns}}<th scope="col"{{if ne .Align "left"}} class="{{.Align}}"{{end}}>{{.Title}}</th>{{end}}</tr></thead>
<tbody>
{{- $rh := .RowHeader}}
{{- range .Rows}}
<tr>{{range $j, $c := .}}{{if and $rh (eq $j 0)}}<th scope="row"{{template "cellclass" $c}}>{{$c.Text}}</th>{{else}}<td{{template "cellclass" $c}}>{{$c.Text}}</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table></div>{{end}}
{{define "cellclass"}}{{if or .Class (ne .Align "left")}} class="{{.Class}}{{if and .Class (ne .Align "left")}} {{end}}{{if ne .Align "left"}}{{.Align}}{{end}}"{{end}}{{end}}`))
