package report

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Document is a report: title, key facts and a sequence of blocks. It is plain data; the
// renderers read it and never change it.
type Document struct {
	// Title is the document's title (the first heading, the file's title property).
	Title string `json:"title"`
	// Subtitle is an optional line under the title, e.g. the region and the period.
	Subtitle string `json:"subtitle,omitempty"`
	// Lang is the language of the fixed texts the renderers add: "de" (default) or "en".
	Lang string `json:"lang,omitempty"`
	// Author is the issuing body, written into the files' properties (e.g. "Kreis Recklinghausen").
	Author string `json:"author,omitempty"`
	// Created is when the content was made; shown as "Erstellt am …" and written into the
	// files' properties. Zero leaves the line out and keeps the output reproducible.
	Created time.Time `json:"created,omitzero"`
	// Meta are key facts shown under the title, e.g. Zeitraum, Stand, Region.
	Meta []KeyValue `json:"meta,omitempty"`
	// TOC asks for a table of contents of the level 1 and 2 headings after the key facts.
	TOC bool `json:"toc,omitempty"`
	// Blocks are the document's content in reading order.
	Blocks []Block `json:"blocks"`
}

// KeyValue is one key fact of a document.
type KeyValue struct {
	// Key is the label, e.g. "Zeitraum".
	Key string `json:"key"`
	// Value is the text, e.g. "01.01.2024 – 31.12.2024".
	Value string `json:"value"`
}

// Block is one part of a document: exactly one of its fields is set.
type Block struct {
	// Heading is a section heading.
	Heading *Heading `json:"heading,omitempty"`
	// Paragraph is a paragraph of text.
	Paragraph *Paragraph `json:"paragraph,omitempty"`
	// List is a bulleted or numbered list.
	List *List `json:"list,omitempty"`
	// Table is a table with a caption and typed columns.
	Table *Table `json:"table,omitempty"`
	// Chart is the line chart of an indicator against its target.
	Chart *Chart `json:"chart,omitempty"`
	// PageBreak starts a new page (in paged formats; ignored in XLSX).
	PageBreak *PageBreak `json:"page_break,omitempty"`
}

// Heading is a section heading. The document's title is above level 1.
type Heading struct {
	// Level is 1, 2 or 3.
	Level int `json:"level"`
	// Text is the heading's text.
	Text string `json:"text"`
	// ID is the anchor of the heading in HTML; made from the text when empty.
	ID string `json:"id,omitempty"`
}

// Paragraph styles.
const (
	StyleNormal = "normal" // body text (also the empty style)
	StyleNote   = "note"   // a highlighted remark, set off from the text
	StyleMuted  = "muted"  // small secondary text, e.g. sources and explanations
)

// Paragraph is a paragraph of plain text; line breaks in Text are kept.
type Paragraph struct {
	// Text is the paragraph's text.
	Text string `json:"text"`
	// Style is normal (or empty), note or muted.
	Style string `json:"style,omitempty"`
}

// List is a list of plain-text items.
type List struct {
	// Items are the list's entries.
	Items []string `json:"items"`
	// Ordered numbers the items instead of bullets.
	Ordered bool `json:"ordered,omitempty"`
}

// PageBreak starts a new page.
type PageBreak struct{}

// Column kinds: how a column's cells are shown and stored.
const (
	KindText    = "text"    // plain text (also the empty kind)
	KindNumber  = "number"  // Cell.Number, shown with the column's decimals
	KindPercent = "percent" // Cell.Number in percent (31.5 means 31,5 %); XLSX stores 0.315
	KindDate    = "date"    // Cell.Text as YYYY-MM-DD, shown in the language's date format
	KindClass   = "class"   // Cell.Class, shown as its colour and its word
)

// Column alignments; the default is right for numbers and percentages, left otherwise.
const (
	AlignLeft   = "left"
	AlignRight  = "right"
	AlignCenter = "center"
)

// Table is a table with typed columns.
type Table struct {
	// Caption says what the table shows; every table has one (accessibility, XLSX sheet).
	Caption string `json:"caption"`
	// Columns are the table's columns; the header row shows their titles.
	Columns []Column `json:"columns"`
	// Rows are the table's rows, each with one cell per column.
	Rows [][]Cell `json:"rows"`
	// Notes are footnotes under the table (sources, explanations).
	Notes []string `json:"notes,omitempty"`
	// Sheet is the XLSX sheet's name (at most 31 characters, none of []:*?/\); made from
	// the table's number when empty.
	Sheet string `json:"sheet,omitempty"`
}

// Column is one column of a table.
type Column struct {
	// Title is the header cell's text.
	Title string `json:"title"`
	// Kind is text (or empty), number, percent, date or class.
	Kind string `json:"kind,omitempty"`
	// Align is left, right or center; empty chooses by kind.
	Align string `json:"align,omitempty"`
	// Decimals is the number of decimal places numbers and percentages are shown with.
	Decimals int `json:"decimals,omitempty"`
	// Width is the column's relative width (e.g. 3 for a wide text column beside 1s); zero
	// lets the renderer choose from the content.
	Width float64 `json:"width,omitempty"`
}

// Cell is one cell of a table.
type Cell struct {
	// Text is what the cell shows. For number and percent columns it may be empty: the
	// renderer formats Number; for date columns it is the date as YYYY-MM-DD.
	Text string `json:"text,omitempty"`
	// Number is the cell's value in number and percent columns (nil: no value); XLSX stores
	// it as a number.
	Number *float64 `json:"number,omitempty"`
	// Class is an attainment class (achieved, on_track, at_risk, off_track, no_data): the
	// cell gets the class's colour, and its word is shown with the text, never colour alone.
	Class string `json:"class,omitempty"`
}

// Attainment classes, from best to worst (the same words as the analysis uses).
const (
	ClassAchieved = "achieved"
	ClassOnTrack  = "on_track"
	ClassAtRisk   = "at_risk"
	ClassOffTrack = "off_track"
	ClassNoData   = "no_data"
)

// Classes lists the attainment classes from best to worst, no_data last.
var Classes = []string{ClassAchieved, ClassOnTrack, ClassAtRisk, ClassOffTrack, ClassNoData}

// Point is one value of an indicator in a year.
type Point struct {
	// Year is the calendar year.
	Year int `json:"year"`
	// Value is the indicator's value in its unit.
	Value float64 `json:"value"`
}

// Chart is the line chart of an indicator: its measured values, its target (a line, or a band
// for a range), an optional projection to the target year and the baseline.
type Chart struct {
	// ID is the chart's anchor in HTML; made from the title when empty.
	ID string `json:"id,omitempty"`
	// Title names the indicator; the renderers show it as the figure's caption.
	Title string `json:"title"`
	// Description says in words what the chart shows (e.g. the attainment's explanation); it
	// is the chart's text alternative together with the values.
	Description string `json:"description,omitempty"`
	// Unit is the values' unit, e.g. "%" or "Personen".
	Unit string `json:"unit,omitempty"`
	// Decimals is the number of decimal places values are labelled with (at most 3).
	Decimals int `json:"decimals,omitempty"`
	// Series are the measured values, by ascending year.
	Series []Point `json:"series"`
	// Target is the target value, or the lower end of a target range (nil: no target).
	Target *float64 `json:"target,omitempty"`
	// TargetUpper is the upper end of a target range (nil: Target is a single value).
	TargetUpper *float64 `json:"target_upper,omitempty"`
	// TargetYear is the year the target is to be reached (0: none).
	TargetYear int `json:"target_year,omitempty"`
	// Baseline is the value progress is measured from (nil: none).
	Baseline *Point `json:"baseline,omitempty"`
	// Projection continues the trend from the last measured value, by ascending year (e.g.
	// one point in the target year).
	Projection []Point `json:"projection,omitempty"`
}

// Block constructors, for building documents briefly.

// HeadingBlock returns a heading block.
func HeadingBlock(level int, text string) Block {
	return Block{Heading: &Heading{Level: level, Text: text}}
}

// ParagraphBlock returns a paragraph block with a style (StyleNormal, StyleNote, StyleMuted).
func ParagraphBlock(text, style string) Block {
	return Block{Paragraph: &Paragraph{Text: text, Style: style}}
}

// ListBlock returns a bulleted list block.
func ListBlock(items ...string) Block { return Block{List: &List{Items: items}} }

// TableBlock returns a table block.
func TableBlock(t Table) Block { return Block{Table: &t} }

// ChartBlock returns a chart block.
func ChartBlock(c Chart) Block { return Block{Chart: &c} }

// PageBreakBlock returns a page break.
func PageBreakBlock() Block { return Block{PageBreak: &PageBreak{}} }

// Num returns a pointer to x, for Cell.Number and Chart.Target.
func Num(x float64) *float64 { return &x }

// Error is a document that cannot be rendered: Field names the place (e.g.
// "blocks[3].table.rows[2]"), Message says what is wrong.
type Error struct {
	Field   string
	Message string
}

func (e *Error) Error() string { return "report: " + e.Field + ": " + e.Message }

func errorf(field, format string, args ...any) error {
	return &Error{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Validate checks that the document can be rendered in every format and returns an *Error
// naming the first field that is wrong. Every renderer calls it first.
func (d *Document) Validate() error {
	if d == nil {
		return errorf("document", "missing")
	}
	if strings.TrimSpace(d.Title) == "" {
		return errorf("title", "required")
	}
	if d.Lang != "" && d.Lang != "de" && d.Lang != "en" {
		return errorf("lang", "%q is neither de nor en", d.Lang)
	}
	for i, m := range d.Meta {
		if strings.TrimSpace(m.Key) == "" {
			return errorf(fmt.Sprintf("meta[%d].key", i), "required")
		}
	}
	sheets := map[string]string{}
	for i, b := range d.Blocks {
		at := fmt.Sprintf("blocks[%d]", i)
		if err := b.validate(at, sheets); err != nil {
			return err
		}
	}
	return nil
}

func (b Block) kinds() int {
	n := 0
	for _, set := range []bool{b.Heading != nil, b.Paragraph != nil, b.List != nil, b.Table != nil, b.Chart != nil, b.PageBreak != nil} {
		if set {
			n++
		}
	}
	return n
}

func (b Block) validate(at string, sheets map[string]string) error {
	if n := b.kinds(); n != 1 {
		return errorf(at, "a block has exactly one of heading, paragraph, list, table, chart, page_break; this one has %d", n)
	}
	switch {
	case b.Heading != nil:
		h := b.Heading
		if h.Level < 1 || h.Level > 3 {
			return errorf(at+".heading.level", "%d is not 1, 2 or 3", h.Level)
		}
		if strings.TrimSpace(h.Text) == "" {
			return errorf(at+".heading.text", "required")
		}
	case b.Paragraph != nil:
		switch b.Paragraph.Style {
		case "", StyleNormal, StyleNote, StyleMuted:
		default:
			return errorf(at+".paragraph.style", "%q is not normal, note or muted", b.Paragraph.Style)
		}
	case b.List != nil:
		if len(b.List.Items) == 0 {
			return errorf(at+".list.items", "a list needs at least one item")
		}
	case b.Table != nil:
		return b.Table.validate(at+".table", sheets)
	case b.Chart != nil:
		return b.Chart.validate(at + ".chart")
	}
	return nil
}

func (t *Table) validate(at string, sheets map[string]string) error {
	if strings.TrimSpace(t.Caption) == "" {
		return errorf(at+".caption", "required (it names the table for screen readers and the sheet)")
	}
	if len(t.Columns) == 0 {
		return errorf(at+".columns", "a table needs at least one column")
	}
	for j, c := range t.Columns {
		f := fmt.Sprintf("%s.columns[%d]", at, j)
		switch c.Kind {
		case "", KindText, KindNumber, KindPercent, KindDate, KindClass:
		default:
			return errorf(f+".kind", "%q is not text, number, percent, date or class", c.Kind)
		}
		switch c.Align {
		case "", AlignLeft, AlignRight, AlignCenter:
		default:
			return errorf(f+".align", "%q is not left, right or center", c.Align)
		}
		if c.Decimals < 0 || c.Decimals > 6 {
			return errorf(f+".decimals", "%d is not between 0 and 6", c.Decimals)
		}
		if c.Width < 0 || math.IsNaN(c.Width) || math.IsInf(c.Width, 0) {
			return errorf(f+".width", "must be a positive number or 0")
		}
	}
	for r, row := range t.Rows {
		f := fmt.Sprintf("%s.rows[%d]", at, r)
		if len(row) != len(t.Columns) {
			return errorf(f, "%d cells, the table has %d columns", len(row), len(t.Columns))
		}
		for j, c := range row {
			cf := fmt.Sprintf("%s[%d]", f, j)
			if c.Number != nil && (math.IsNaN(*c.Number) || math.IsInf(*c.Number, 0)) {
				return errorf(cf+".number", "not a finite number")
			}
			if c.Class != "" && !validClass(c.Class) {
				return errorf(cf+".class", "%q is not one of %s", c.Class, strings.Join(Classes, ", "))
			}
			if t.Columns[j].Kind == KindDate && c.Text != "" {
				if _, err := time.Parse(time.DateOnly, c.Text); err != nil {
					return errorf(cf+".text", "%q is not a date YYYY-MM-DD", c.Text)
				}
			}
		}
	}
	if t.Sheet != "" {
		if utf8.RuneCountInString(t.Sheet) > 31 || strings.ContainsAny(t.Sheet, `[]:*?/\`) || strings.HasPrefix(t.Sheet, "'") {
			return errorf(at+".sheet", "%q is not a sheet name (at most 31 characters, none of []:*?/\\)", t.Sheet)
		}
		key := strings.ToLower(t.Sheet)
		if prev, dup := sheets[key]; dup {
			return errorf(at+".sheet", "%q is already the sheet of %s", t.Sheet, prev)
		}
		sheets[key] = at
	}
	return nil
}

func (c *Chart) validate(at string) error {
	if strings.TrimSpace(c.Title) == "" {
		return errorf(at+".title", "required (it is the chart's text alternative)")
	}
	if c.Decimals < 0 || c.Decimals > 3 {
		return errorf(at+".decimals", "%d is not between 0 and 3", c.Decimals)
	}
	check := func(f string, pts []Point) error {
		for i, p := range pts {
			if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				return errorf(fmt.Sprintf("%s[%d].value", f, i), "not a finite number")
			}
			if p.Year < 1900 || p.Year > 2200 {
				return errorf(fmt.Sprintf("%s[%d].year", f, i), "%d is not a plausible year", p.Year)
			}
			if i > 0 && p.Year <= pts[i-1].Year {
				return errorf(fmt.Sprintf("%s[%d].year", f, i), "years must ascend (%d after %d)", p.Year, pts[i-1].Year)
			}
		}
		return nil
	}
	if err := check(at+".series", c.Series); err != nil {
		return err
	}
	if err := check(at+".projection", c.Projection); err != nil {
		return err
	}
	if c.Baseline != nil {
		if err := check(at+".baseline", []Point{*c.Baseline}); err != nil {
			return errorf(at+".baseline", "%s", err.(*Error).Message)
		}
	}
	for f, v := range map[string]*float64{"target": c.Target, "target_upper": c.TargetUpper} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return errorf(at+"."+f, "not a finite number")
		}
	}
	if c.TargetUpper != nil {
		if c.Target == nil {
			return errorf(at+".target_upper", "a range needs its lower end in target")
		}
		if *c.TargetUpper < *c.Target {
			return errorf(at+".target_upper", "below the target's lower end")
		}
	}
	if c.TargetYear != 0 && (c.TargetYear < 1900 || c.TargetYear > 2200) {
		return errorf(at+".target_year", "%d is not a plausible year", c.TargetYear)
	}
	return nil
}

func validClass(c string) bool {
	for _, k := range Classes {
		if c == k {
			return true
		}
	}
	return false
}
