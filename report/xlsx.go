package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes d as an Excel workbook: a first sheet "Übersicht" with the title, the key
// facts and the document's text (headings, paragraphs, lists); one sheet per table with its
// caption, a bold header row that stays in view (frozen), a filter, column widths after the
// content, numbers, percentages and dates as real values with a number format; and, when the
// document has charts, a sheet with the charts' data.
//
// Table sheets are written through excelize's stream writer; excelize still holds the
// workbook's shared parts in memory and zips everything when it writes to w (for a report of
// a few hundred rows, a few megabytes).
func WriteXLSX(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	x := &xlsxWriter{base: newBase(d), f: excelize.NewFile(), used: map[string]bool{}}
	defer x.f.Close()
	if err := x.styles(); err != nil {
		return err
	}
	if err := x.overview(); err != nil {
		return err
	}
	var charts []*Chart
	for i, bl := range d.Blocks {
		switch {
		case bl.Table != nil:
			if err := x.table(i, bl.Table); err != nil {
				return err
			}
		case bl.Chart != nil:
			charts = append(charts, bl.Chart)
		}
	}
	if len(charts) > 0 {
		if err := x.chartData(charts); err != nil {
			return err
		}
	}
	props := &excelize.DocProperties{Title: d.Title, Subject: d.Subtitle, Creator: d.Author, Language: x.langTag(), Description: "Netzwerkatlas"}
	if !d.Created.IsZero() {
		props.Created = d.Created.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := x.f.SetDocProps(props); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	x.f.SetActiveSheet(0)
	if _, err := x.f.WriteTo(w); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	return nil
}

type xlsxWriter struct {
	base
	f *excelize.File
	// used holds the sheet names taken, in lower case (Excel compares them so).
	used map[string]bool
	// Style ids.
	title, subtitle, key, wrap, heading, note, muted, caption, header, text, bold int
	class                                                                         map[string]int
	numberStyles, percentStyles                                                   map[int]int
	date, year                                                                    int
	// err is the first error of making the styles.
	err error
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	if err != nil && x.err == nil {
		x.err = fmt.Errorf("report: xlsx style: %w", err)
	}
	return id
}

func (x *xlsxWriter) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: ruleColor.hex(), Style: 1}, {Type: "right", Color: ruleColor.hex(), Style: 1},
		{Type: "top", Color: ruleColor.hex(), Style: 1}, {Type: "bottom", Color: ruleColor.hex(), Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	x.title = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: accentColor.hex()}})
	x.subtitle = x.style(&excelize.Style{Font: &excelize.Font{Size: 12}})
	x.key = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	x.wrap = x.style(&excelize.Style{Alignment: top})
	x.heading = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: accentColor.hex()}})
	x.note = x.style(&excelize.Style{Alignment: top, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{noteFill.hex()}}})
	x.muted = x.style(&excelize.Style{Font: &excelize.Font{Italic: true, Color: mutedColor.hex()}, Alignment: top})
	x.caption = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	x.header = x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: headerText.hex()}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{accentColor.hex()}}, Border: border, Alignment: top})
	x.text = x.style(&excelize.Style{Border: border, Alignment: top})
	x.bold = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: top})
	x.class = map[string]int{}
	for _, c := range Classes {
		x.class[c] = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{classStyles[c].fill.hex()}}, Border: border, Alignment: top})
	}
	x.numberStyles, x.percentStyles = map[int]int{}, map[int]int{}
	for dec := 0; dec <= 6; dec++ {
		frac := ""
		if dec > 0 {
			frac = "." + strings.Repeat("0", dec)
		}
		numFmt, pctFmt := "#,##0"+frac, "0"+frac+"%"
		x.numberStyles[dec] = x.style(&excelize.Style{CustomNumFmt: &numFmt, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
		x.percentStyles[dec] = x.style(&excelize.Style{CustomNumFmt: &pctFmt, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	}
	x.year = x.style(&excelize.Style{NumFmt: 1, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}}) // 0, no thousands separator
	dateFmt := "dd.mm.yyyy"
	if x.en {
		dateFmt = "yyyy-mm-dd"
	}
	x.date = x.style(&excelize.Style{CustomNumFmt: &dateFmt, Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	return x.err
}

// sheetName makes a unique, valid sheet name from want (or from fallback).
func (x *xlsxWriter) sheetName(want, fallback string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(want))
	clean = strings.Trim(clean, "'")
	if clean == "" {
		clean = fallback
	}
	truncate := func(s string, n int) string {
		for utf8.RuneCountInString(s) > n {
			_, size := utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-size]
		}
		return s
	}
	name := truncate(clean, 31)
	for n := 2; x.used[strings.ToLower(name)]; n++ {
		suffix := " (" + strconv.Itoa(n) + ")"
		name = truncate(clean, 31-len(suffix)) + suffix
	}
	x.used[strings.ToLower(name)] = true
	return name
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// rowHeight estimates the height in points of a wrapped text in a column of width chars.
func rowHeight(text string, width float64) float64 {
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(l))*1.1/width)))
	}
	return 15 * float64(lines)
}

// overview writes the first sheet: title, subtitle, key facts, created, then the document's
// headings, paragraphs and lists in order (tables and charts have their own sheets).
func (x *xlsxWriter) overview() error {
	f := x.f
	name := x.sheetName(x.t("report.sheet.overview", nil), "Overview")
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	const wideCol = 100.0
	if err := f.SetColWidth(name, "A", "A", 26); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", wideCol); err != nil {
		return err
	}
	row := 1
	put := func(col int, v any, style int) {
		c := cellName(col, row)
		f.SetCellValue(name, c, v)
		f.SetCellStyle(name, c, c, style)
	}
	put(1, x.d.Title, x.title)
	f.SetRowHeight(name, row, 24)
	row++
	if x.d.Subtitle != "" {
		put(1, x.d.Subtitle, x.subtitle)
		row++
	}
	row++
	for _, m := range x.d.Meta {
		put(1, m.Key, x.key)
		put(2, m.Value, x.wrap)
		row++
	}
	if c := x.created(); c != "" {
		put(1, c, x.muted)
		row++
	}
	for _, bl := range x.d.Blocks {
		switch {
		case bl.Heading != nil:
			row++
			put(1, bl.Heading.Text, x.heading)
			row++
		case bl.Paragraph != nil:
			style := x.wrap
			switch bl.Paragraph.Style {
			case StyleNote:
				style = x.note
			case StyleMuted:
				style = x.muted
			}
			put(2, bl.Paragraph.Text, style)
			f.SetRowHeight(name, row, rowHeight(bl.Paragraph.Text, wideCol))
			row++
		case bl.List != nil:
			for n, item := range bl.List.Items {
				mark := "•"
				if bl.List.Ordered {
					mark = strconv.Itoa(n+1) + "."
				}
				text := mark + " " + item
				put(2, text, x.wrap)
				f.SetRowHeight(name, row, rowHeight(text, wideCol))
				row++
			}
		}
	}
	return nil
}

// table writes one table on its own sheet: caption in row 1, header in row 2 (frozen, with a
// filter), the rows, then the notes.
func (x *xlsxWriter) table(i int, t *Table) error {
	f := x.f
	name := x.sheetName(t.Sheet, x.t("report.sheet.table", msg.Args{"n": strconv.Itoa(x.numbers[i])}))
	if _, err := f.NewSheet(name); err != nil {
		return fmt.Errorf("report: xlsx: sheet %q: %w", name, err)
	}
	// The filter goes on the sheet before the stream writer takes it over: set afterwards,
	// it would reach the workbook's defined names but not the streamed sheet.
	if len(t.Rows) > 0 {
		ref := "A2:" + cellName(len(t.Columns), len(t.Rows)+2)
		if err := f.AutoFilter(name, ref, nil); err != nil {
			return fmt.Errorf("report: xlsx: filter on %q: %w", name, err)
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Widths after the longest text of each column (in characters), within limits. excelize
	// puts each new width first, so the columns go from the last to the first to come out in
	// the ascending order the file format wants.
	for j := len(t.Columns) - 1; j >= 0; j-- {
		c := t.Columns[j]
		w := float64(utf8.RuneCountInString(c.Title)) + 2
		for _, row := range t.Rows {
			w = math.Max(w, float64(utf8.RuneCountInString(x.cellText(c, row[j])))+2)
		}
		if err := sw.SetColWidth(j+1, j+1, math.Min(math.Max(w, 8), 60)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{Value: x.tableCaption(i, t), StyleID: x.caption}}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	header := make([]any, len(t.Columns))
	for j, c := range t.Columns {
		header[j] = excelize.Cell{Value: c.Title, StyleID: x.header}
	}
	if err := sw.SetRow("A2", header); err != nil {
		return err
	}
	for r, row := range t.Rows {
		values := make([]any, len(row))
		for j, c := range row {
			values[j] = x.cell(t.Columns[j], c)
		}
		if err := sw.SetRow(cellName(1, r+3), values); err != nil {
			return err
		}
	}
	next := len(t.Rows) + 4
	for _, n := range t.Notes {
		if err := sw.SetRow(cellName(1, next), []any{excelize.Cell{Value: n, StyleID: x.muted}}); err != nil {
			return err
		}
		next++
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return nil
}

// cell returns a table cell's value with its style: numbers and percentages as numbers
// (a percentage as its fraction, 31.5 % as 0.315), dates as dates, classes with their fill and
// word, everything else as text.
func (x *xlsxWriter) cell(col Column, c Cell) excelize.Cell {
	if c.Class != "" {
		return excelize.Cell{Value: x.cellText(col, c), StyleID: x.class[c.Class]}
	}
	switch col.Kind {
	case KindNumber:
		if c.Number != nil {
			return excelize.Cell{Value: *c.Number, StyleID: x.numberStyles[col.Decimals]}
		}
	case KindPercent:
		if c.Number != nil {
			return excelize.Cell{Value: *c.Number / 100, StyleID: x.percentStyles[col.Decimals]}
		}
	case KindDate:
		if t, err := time.Parse(time.DateOnly, c.Text); err == nil {
			return excelize.Cell{Value: t, StyleID: x.date}
		}
	}
	return excelize.Cell{Value: x.cellText(col, c), StyleID: x.text}
}

// chartData writes every chart's values on one sheet: chart, kind, year, value, unit.
func (x *xlsxWriter) chartData(charts []*Chart) error {
	f := x.f
	name := x.sheetName(x.t("report.sheet.charts", nil), "Chart data")
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	rows := 0
	for _, c := range charts {
		rows += len(c.Series) + len(c.Projection)
		if c.Baseline != nil {
			rows++
		}
		if c.Target != nil {
			rows++
		}
		if c.TargetUpper != nil {
			rows++
		}
	}
	if rows > 0 { // before the stream writer, as for the tables
		if err := f.AutoFilter(name, "A1:"+cellName(5, rows+1), nil); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	widths := []float64{48, 16, 8, 12, 12}
	for j := len(widths) - 1; j >= 0; j-- { // last first, as for the tables
		if err := sw.SetColWidth(j+1, j+1, widths[j]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := []any{}
	for _, k := range []string{"report.sheet.chart", "report.sheet.kind", "report.chart.year", "report.chart.value", "report.sheet.unit"} {
		header = append(header, excelize.Cell{Value: x.t(k, nil), StyleID: x.header})
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	row := 2
	put := func(c *Chart, kind string, year int, v float64) error {
		var y any = excelize.Cell{StyleID: x.text}
		if year != 0 {
			y = excelize.Cell{Value: year, StyleID: x.year}
		}
		dec := min(c.Decimals, 6)
		err := sw.SetRow(cellName(1, row), []any{
			excelize.Cell{Value: c.Title, StyleID: x.text},
			excelize.Cell{Value: kind, StyleID: x.text},
			y,
			excelize.Cell{Value: v, StyleID: x.numberStyles[dec]},
			excelize.Cell{Value: c.Unit, StyleID: x.text},
		})
		row++
		return err
	}
	for _, c := range charts {
		var err error
		for _, p := range c.Series {
			err = firstErr(err, put(c, x.t("report.chart.measured", nil), p.Year, p.Value))
		}
		if c.Baseline != nil {
			err = firstErr(err, put(c, x.t("report.chart.baseline", nil), c.Baseline.Year, c.Baseline.Value))
		}
		for _, p := range c.Projection {
			err = firstErr(err, put(c, x.t("report.chart.trend", nil), p.Year, p.Value))
		}
		if c.Target != nil {
			kind := x.t("report.chart.target", nil)
			if c.TargetUpper != nil {
				kind = x.t("report.chart.target_range", nil)
			}
			err = firstErr(err, put(c, kind, c.TargetYear, *c.Target))
			if c.TargetUpper != nil {
				err = firstErr(err, put(c, kind, c.TargetYear, *c.TargetUpper))
			}
		}
		if err != nil {
			return err
		}
	}
	return sw.Flush()
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
