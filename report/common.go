package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// classStyle is how an attainment class looks: a light fill with dark text. Every fill has a
// contrast of at least 4.5:1 to textColor (WCAG AA, checked by a test); the class's word is
// always printed in the cell, so greyscale print and colour-blind readers lose nothing.
type classStyle struct{ fill rgb }

var classStyles = map[string]classStyle{
	ClassAchieved: {rgb{0x9f, 0xd4, 0x9f}},
	ClassOnTrack:  {rgb{0xd4, 0xed, 0xc6}},
	ClassAtRisk:   {rgb{0xff, 0xe0, 0x8a}},
	ClassOffTrack: {rgb{0xf5, 0xb5, 0xae}},
	ClassNoData:   {rgb{0xe3, 0xe3, 0xe3}},
}

// The palette shared by all formats.
var (
	textColor   = rgb{0x1a, 0x1a, 0x1a} // body text
	mutedColor  = rgb{0x4d, 0x4d, 0x4d} // secondary text; 8.5:1 on white
	accentColor = rgb{0x1f, 0x4e, 0x79} // headings, table header fill, the chart's series
	headerText  = rgb{0xff, 0xff, 0xff} // text on accentColor; 8.6:1
	ruleColor   = rgb{0xbf, 0xbf, 0xbf} // table rules
	zebraColor  = rgb{0xf3, 0xf6, 0xf9} // every other table row
	noteFill    = rgb{0xfd, 0xf6, 0xe3} // background of note paragraphs
	targetColor = rgb{0x9c, 0x2c, 0x00} // the chart's target line and label; 7.6:1 on white
	bandFill    = rgb{0xf6, 0xdf, 0xd3} // the chart's target range
	gridColor   = rgb{0xd9, 0xd9, 0xd9} // the chart's grid lines
	axisColor   = rgb{0x59, 0x59, 0x59} // the chart's axes
)

// rgb is an sRGB colour.
type rgb struct{ r, g, b uint8 }

// hex returns the colour as RRGGBB (without #).
func (c rgb) hex() string { return fmt.Sprintf("%02X%02X%02X", c.r, c.g, c.b) }

// css returns the colour as #rrggbb.
func (c rgb) css() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// base holds what every renderer needs: the document, its printer and the numbers and
// anchors of its figures, tables and headings.
type base struct {
	d  *Document
	p  msg.Printer
	en bool
	// ids are the anchors of headings and charts by block index.
	ids map[int]string
	// numbers are the figure or table numbers by block index (figures and tables count
	// separately, from 1).
	numbers map[int]int
}

func newBase(d *Document) base {
	b := base{d: d, p: msg.For(msg.Lang(d.Lang)), en: d.Lang == "en", ids: map[int]string{}, numbers: map[int]int{}}
	used := map[string]bool{}
	unique := func(id string) string {
		if id == "" {
			id = "abschnitt"
		}
		out := id
		for n := 2; used[out]; n++ {
			out = id + "-" + strconv.Itoa(n)
		}
		used[out] = true
		return out
	}
	figures, tables := 0, 0
	for i, bl := range d.Blocks {
		switch {
		case bl.Heading != nil:
			id := bl.Heading.ID
			if id == "" {
				id = slug(bl.Heading.Text)
			}
			b.ids[i] = unique(id)
		case bl.Chart != nil:
			figures++
			b.numbers[i] = figures
			id := bl.Chart.ID
			if id == "" {
				id = "abb-" + slug(bl.Chart.Title)
			}
			b.ids[i] = unique(id)
		case bl.Table != nil:
			tables++
			b.numbers[i] = tables
		}
	}
	return b
}

// t renders a message of the catalogue.
func (b base) t(key string, args msg.Args) string { return b.p.T(key, args) }

// lang returns the document's language tag for file properties (de-DE or en-GB).
func (b base) langTag() string {
	if b.en {
		return "en-GB"
	}
	return "de-DE"
}

// date formats a date: 03.12.2026 in German, 2026-12-03 in English (unambiguous).
func (b base) date(t time.Time) string {
	if b.en {
		return t.Format(time.DateOnly)
	}
	return t.Format("02.01.2006")
}

// created returns "Erstellt am …", or "" without a creation time.
func (b base) created() string {
	if b.d.Created.IsZero() {
		return ""
	}
	return b.t("report.created", msg.Args{"date": b.date(b.d.Created)})
}

// pageLabel returns "Seite {page} von {pages}" with the given stand-ins.
func (b base) pageLabel(page, pages string) string {
	return b.t("report.page", msg.Args{"page": page, "pages": pages})
}

// classWord returns the word of an attainment class.
func (b base) classWord(class string) string { return b.t("attainment.class."+class, nil) }

// number formats x with exactly decimals places (31,5).
func (b base) number(x float64, decimals int) string { return b.p.Fixed(x, decimals) }

// percent formats x percent: "31,5 %" in German, "31.5%" in English.
func (b base) percent(x float64, decimals int) string {
	if b.en {
		return b.p.Fixed(x, decimals) + "%"
	}
	return b.p.Fixed(x, decimals) + "\u00a0%"
}

// withUnit formats a chart value with its unit.
func (b base) withUnit(x float64, decimals int, unit string) string {
	switch unit {
	case "":
		return b.p.Fixed(x, decimals)
	case "%":
		return b.percent(x, decimals)
	}
	return b.p.Fixed(x, decimals) + "\u00a0" + unit
}

// cellText is what a cell shows: its text, or its number formatted for the column, or the
// date in the language's format; a cell with a class always carries the class's word.
func (b base) cellText(col Column, c Cell) string {
	s := c.Text
	switch col.Kind {
	case KindNumber:
		if s == "" && c.Number != nil {
			s = b.number(*c.Number, col.Decimals)
		}
	case KindPercent:
		if s == "" && c.Number != nil {
			s = b.percent(*c.Number, col.Decimals)
		}
	case KindDate:
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			s = b.date(t)
		}
	}
	if c.Class != "" {
		word := b.classWord(c.Class)
		switch {
		case s == "":
			s = word
		case !strings.Contains(strings.ToLower(s), strings.ToLower(word)):
			s += " (" + word + ")"
		}
	}
	return s
}

// align returns the column's alignment: its own, else right for numbers and percentages.
func align(col Column) string {
	if col.Align != "" {
		return col.Align
	}
	if col.Kind == KindNumber || col.Kind == KindPercent {
		return AlignRight
	}
	return AlignLeft
}

// numeric reports whether the column holds numbers.
func numeric(col Column) bool { return col.Kind == KindNumber || col.Kind == KindPercent }

// tocEntry is one line of the table of contents.
type tocEntry struct {
	block int
	level int
	text  string
	id    string
}

// toc lists the level 1 and 2 headings.
func (b base) toc() []tocEntry {
	var out []tocEntry
	for i, bl := range b.d.Blocks {
		if h := bl.Heading; h != nil && h.Level <= 2 {
			out = append(out, tocEntry{block: i, level: h.Level, text: h.Text, id: b.ids[i]})
		}
	}
	return out
}

// tableCaption returns "Tabelle n: caption".
func (b base) tableCaption(i int, t *Table) string {
	return b.t("report.table", msg.Args{"n": strconv.Itoa(b.numbers[i]), "caption": t.Caption})
}

// figureCaption returns "Abbildung n: title".
func (b base) figureCaption(i int, c *Chart) string {
	return b.t("report.figure", msg.Args{"n": strconv.Itoa(b.numbers[i]), "title": c.Title})
}

// slug makes an anchor from a text: lower case ASCII letters and digits joined by '-',
// German umlauts and ß spelled out.
func slug(s string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ä':
			sb.WriteString("ae")
		case 'ö':
			sb.WriteString("oe")
		case 'ü':
			sb.WriteString("ue")
		case 'ß':
			sb.WriteString("ss")
		default:
			if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				sb.WriteRune(r)
			} else {
				if sb.Len() > 0 && !dash {
					sb.WriteByte('-')
					dash = true
				}
				continue
			}
		}
		dash = false
	}
	out := strings.TrimRight(sb.String(), "-")
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	return out
}

// columnWidths divides total (millimetres) among a table's columns: by their relative
// widths, or else by the width of their content (capped, so that one long text does not
// starve the others). No column gets narrower than its longest word plus pad (up to a
// third of the total): the others give up room in proportion to what they have beyond their
// own minimum. measure returns a text's width in millimetres in the table's font.
func (b base) columnWidths(t *Table, total, pad float64, measure func(s string, bold bool) float64) []float64 {
	ws := make([]float64, len(t.Columns))
	weighted := false
	for _, c := range t.Columns {
		weighted = weighted || c.Width > 0
	}
	sum := 0.0
	for j, c := range t.Columns {
		if weighted {
			ws[j] = c.Width
			if ws[j] == 0 {
				ws[j] = 1
			}
		} else {
			w := measure(c.Title, true) + pad
			for _, row := range t.Rows {
				w = math.Max(w, measure(b.cellText(c, row[j]), c.Kind == KindClass)+pad)
			}
			ws[j] = math.Min(math.Max(w, 12), 70)
		}
		sum += ws[j]
	}
	for j := range ws {
		ws[j] *= total / sum
	}
	mins := make([]float64, len(ws))
	longest := func(j int, text string, bold bool) {
		for _, word := range strings.Fields(text) {
			mins[j] = math.Max(mins[j], measure(word, bold)+pad)
		}
	}
	for j, c := range t.Columns {
		longest(j, c.Title, true)
		for _, row := range t.Rows {
			longest(j, b.cellText(c, row[j]), c.Kind == KindClass)
		}
		mins[j] = math.Min(mins[j], total/3)
	}
	deficit, slack := 0.0, 0.0
	for j := range ws {
		if ws[j] < mins[j] {
			deficit += mins[j] - ws[j]
		} else {
			slack += ws[j] - mins[j]
		}
	}
	if deficit > 0 && slack > deficit {
		for j := range ws {
			if ws[j] < mins[j] {
				ws[j] = mins[j]
			} else {
				ws[j] -= (ws[j] - mins[j]) / slack * deficit
			}
		}
	}
	return ws
}
