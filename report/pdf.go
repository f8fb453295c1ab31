package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// PDF page geometry in millimetres (A4 portrait).
const (
	pdfPageW   = 210.0
	pdfPageH   = 297.0
	pdfLeft    = 20.0
	pdfRight   = 18.0
	pdfTop     = 20.0
	pdfBottom  = 22.0 // the footer sits in it
	pdfContent = pdfPageW - pdfLeft - pdfRight
	pdfFont    = "go"
	// pdfPages is fpdf's stand-in for the number of pages.
	pdfPages = "{nb}"
)

// WritePDF writes d as an A4 PDF with the Go fonts embedded (subset), a running header and
// footer with "Seite N von M", an outline (bookmarks) of the headings, tables that break
// across pages with their header row repeated, and the charts as PNG images.
//
// fpdf builds the whole file in memory before it writes to w: about the size of the output
// plus the decoded chart images while they are embedded (a report of a few hundred rows and
// a dozen charts needs a few megabytes).
func WritePDF(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	b := newBase(d)
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	// After the fonts: fpdf leaves the digits out of the subsets of fonts added while an
	// alias is set, and the aliases (page count, table of contents) are replaced by digits
	// at the end.
	f.AliasNbPages(pdfPages)
	f.SetMargins(pdfLeft, pdfTop, pdfRight)
	f.SetAutoPageBreak(true, pdfBottom)
	f.SetTitle(d.Title, true)
	f.SetSubject(d.Subtitle, true)
	f.SetAuthor(d.Author, true)
	f.SetCreator("Netzwerkatlas", true)
	f.SetProducer("Netzwerkatlas (fpdf)", true)
	f.SetLang(b.langTag())
	f.SetCatalogSort(true)
	if !d.Created.IsZero() {
		f.SetCreationDate(d.Created)
		f.SetModificationDate(d.Created)
	}
	p := &pdfWriter{base: b, f: f, links: map[int]int{}}
	f.SetHeaderFunc(p.header)
	f.SetFooterFunc(p.footer)
	f.AddPage()
	p.titleBlock()
	if d.TOC {
		p.tocBlock()
	}
	for i, bl := range d.Blocks {
		if err := p.block(i, bl); err != nil {
			return err
		}
		if f.Err() {
			return fmt.Errorf("report: pdf: %w", f.Error())
		}
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("report: pdf: %w", err)
	}
	return nil
}

type pdfWriter struct {
	base
	f *fpdf.Fpdf
	// links are the internal links of the table of contents by block index.
	links  map[int]int
	images int
}

func (p *pdfWriter) color(c rgb)     { p.f.SetTextColor(int(c.r), int(c.g), int(c.b)) }
func (p *pdfWriter) fillColor(c rgb) { p.f.SetFillColor(int(c.r), int(c.g), int(c.b)) }
func (p *pdfWriter) drawColor(c rgb) { p.f.SetDrawColor(int(c.r), int(c.g), int(c.b)) }
func (p *pdfWriter) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.f.SetFont(pdfFont, style, size)
}

// room starts a new page unless h millimetres fit on this one.
func (p *pdfWriter) room(h float64) {
	if p.f.GetY()+h > pdfPageH-pdfBottom {
		p.f.AddPage()
	}
}

func (p *pdfWriter) header() {
	if p.f.PageNo() == 1 {
		return
	}
	p.font(false, 8)
	p.color(mutedColor)
	p.f.SetXY(pdfLeft, 10)
	p.f.CellFormat(pdfContent, 4, p.d.Title, "", 0, "R", false, 0, "")
	p.drawColor(ruleColor)
	p.f.SetLineWidth(0.2)
	p.f.Line(pdfLeft, 15, pdfPageW-pdfRight, 15)
	p.f.SetXY(pdfLeft, pdfTop)
}

func (p *pdfWriter) footer() {
	p.font(false, 8)
	p.color(mutedColor)
	p.f.SetXY(pdfLeft, pdfPageH-14)
	p.f.CellFormat(pdfContent/2, 4, p.created(), "", 0, "L", false, 0, "")
	p.f.CellFormat(pdfContent/2, 4, p.pageLabel(strconv.Itoa(p.f.PageNo()), pdfPages), "", 0, "R", false, 0, "")
}

func (p *pdfWriter) titleBlock() {
	f := p.f
	p.font(true, 20)
	p.color(accentColor)
	f.MultiCell(pdfContent, 9, p.d.Title, "", "L", false)
	if p.d.Subtitle != "" {
		f.Ln(1)
		p.font(false, 12.5)
		p.color(textColor)
		f.MultiCell(pdfContent, 6, p.d.Subtitle, "", "L", false)
	}
	if len(p.d.Meta) > 0 {
		f.Ln(3)
		keyW := 0.0
		p.font(true, 10)
		for _, m := range p.d.Meta {
			keyW = math.Max(keyW, f.GetStringWidth(m.Key)+6)
		}
		keyW = math.Min(keyW, pdfContent/3)
		for _, m := range p.d.Meta {
			p.font(true, 10)
			p.color(textColor)
			y := f.GetY()
			f.MultiCell(keyW, 5, m.Key, "", "L", false)
			yKey := f.GetY()
			f.SetXY(pdfLeft+keyW, y)
			p.font(false, 10)
			f.MultiCell(pdfContent-keyW, 5, m.Value, "", "L", false)
			f.SetY(math.Max(yKey, f.GetY()))
		}
	}
	if c := p.created(); c != "" {
		f.Ln(2)
		p.font(false, 8.5)
		p.color(mutedColor)
		f.MultiCell(pdfContent, 4.5, c, "", "L", false)
	}
	f.Ln(3)
	p.drawColor(accentColor)
	f.SetLineWidth(0.6)
	f.Line(pdfLeft, f.GetY(), pdfPageW-pdfRight, f.GetY())
	f.Ln(5)
}

// tocBlock writes the table of contents. The headings' pages are not known yet: each entry
// carries an alias that fpdf replaces with the page number when it writes the file.
func (p *pdfWriter) tocBlock() {
	f := p.f
	entries := p.toc()
	if len(entries) == 0 {
		return
	}
	p.room(20)
	p.font(true, 14)
	p.color(accentColor)
	f.MultiCell(pdfContent, 7, p.t("report.toc", nil), "", "L", false)
	f.Bookmark(p.t("report.toc", nil), 0, -1)
	f.Ln(1)
	for _, e := range entries {
		p.room(6)
		indent := 0.0
		p.font(e.level == 1, 10)
		if e.level == 2 {
			indent = 6
		}
		p.color(textColor)
		link := f.AddLink()
		p.links[e.block] = link
		y := f.GetY()
		f.SetX(pdfLeft + indent)
		f.CellFormat(pdfContent-indent-14, 5.5, p.fit(e.text, pdfContent-indent-16), "", 0, "L", false, link, "")
		p.font(false, 10)
		f.CellFormat(14, 5.5, tocAlias(e.block), "", 1, "L", false, link, "")
		f.SetY(y + 5.5)
	}
	f.Ln(4)
}

// fit shortens text with an ellipsis until it fits width (mm) in the current font: a cell
// does not clip, and a long heading would run into the page number.
func (p *pdfWriter) fit(text string, width float64) string {
	if p.f.GetStringWidth(text) <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && p.f.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

func tocAlias(block int) string { return "{toc" + strconv.Itoa(block) + "}" }

func (p *pdfWriter) block(i int, bl Block) error {
	f := p.f
	switch {
	case bl.Heading != nil:
		h := bl.Heading
		size, lineH, before := 15.0, 7.5, 6.0
		switch h.Level {
		case 2:
			size, lineH, before = 12.5, 6.5, 4.5
		case 3:
			size, lineH, before = 11, 5.5, 3.5
		}
		p.font(true, size)
		lines := len(f.SplitText(h.Text, pdfContent))
		// Keep the heading with at least four lines of what follows.
		p.room(before + float64(lines)*lineH + 22)
		if f.GetY() > pdfTop+1 {
			f.Ln(before)
		}
		f.Bookmark(h.Text, h.Level-1, -1)
		if link, ok := p.links[i]; ok {
			f.SetLink(link, f.GetY(), -1)
			f.RegisterAlias(tocAlias(i), strconv.Itoa(f.PageNo()))
		}
		p.color(accentColor)
		f.MultiCell(pdfContent, lineH, h.Text, "", "L", false)
		if h.Level == 1 {
			p.drawColor(accentColor)
			f.SetLineWidth(0.4)
			f.Line(pdfLeft, f.GetY()+0.5, pdfPageW-pdfRight, f.GetY()+0.5)
			f.Ln(2.5)
		} else {
			f.Ln(1)
		}
	case bl.Paragraph != nil:
		p.paragraph(bl.Paragraph)
	case bl.List != nil:
		p.font(false, 10)
		p.color(textColor)
		for n, item := range bl.List.Items {
			mark := "•"
			if bl.List.Ordered {
				mark = strconv.Itoa(n+1) + "."
			}
			p.room(5)
			y := f.GetY()
			f.SetX(pdfLeft + 2)
			f.CellFormat(6, 5, mark, "", 0, "L", false, 0, "")
			f.SetXY(pdfLeft+8, y)
			f.MultiCell(pdfContent-8, 5, item, "", "L", false)
		}
		f.Ln(2)
	case bl.Table != nil:
		p.table(p.tableCaption(i, bl.Table), bl.Table)
	case bl.Chart != nil:
		return p.chart(i, bl.Chart)
	case bl.PageBreak != nil:
		f.AddPage()
	}
	return nil
}

func (p *pdfWriter) paragraph(par *Paragraph) {
	f := p.f
	switch par.Style {
	case StyleNote:
		p.font(false, 10)
		lines := f.SplitText(par.Text, pdfContent-8)
		h := float64(len(lines))*5 + 4
		p.room(h)
		y := f.GetY()
		p.fillColor(noteFill)
		f.Rect(pdfLeft, y, pdfContent, h, "F")
		p.fillColor(targetColor)
		f.Rect(pdfLeft, y, 1.2, h, "F")
		p.color(textColor)
		f.SetXY(pdfLeft+4, y+2)
		f.MultiCell(pdfContent-8, 5, par.Text, "", "L", false)
		f.SetY(y + h + 2)
	case StyleMuted:
		p.font(false, 8.5)
		p.color(mutedColor)
		f.MultiCell(pdfContent, 4.3, par.Text, "", "L", false)
		f.Ln(2)
	default:
		p.font(false, 10)
		p.color(textColor)
		f.MultiCell(pdfContent, 5, par.Text, "", "L", false)
		f.Ln(2)
	}
}

// Table text: 8.5 pt on 4 mm lines, 1.2 mm padding above and below.
const (
	pdfCellSize = 8.5
	pdfCellLine = 4.0
	pdfCellPad  = 1.2
)

// columnWidths measures with the PDF's table fonts.
func (p *pdfWriter) columnWidths(t *Table) []float64 {
	return p.base.columnWidths(t, pdfContent, 2*p.f.GetCellMargin()+0.5, func(s string, bold bool) float64 {
		p.font(bold, pdfCellSize)
		return p.f.GetStringWidth(s)
	})
}

// table draws a table row by row; a row that does not fit starts a new page, which repeats
// the caption (marked as continued) and the header row.
func (p *pdfWriter) table(caption string, t *Table) {
	f := p.f
	ws := p.columnWidths(t)
	alignOf := func(c Column) string {
		switch align(c) {
		case AlignRight:
			return "R"
		case AlignCenter:
			return "C"
		}
		return "L"
	}
	split := func(text string, w float64, bold bool) []string {
		p.font(bold, pdfCellSize)
		lines := f.SplitText(text, w)
		if len(lines) == 0 {
			lines = []string{""}
		}
		return lines
	}
	headerLines := make([][]string, len(t.Columns))
	headerH := 0.0
	for j, c := range t.Columns {
		headerLines[j] = split(c.Title, ws[j], true)
		headerH = math.Max(headerH, float64(len(headerLines[j]))*pdfCellLine+2*pdfCellPad)
	}
	captionLine := func(text string) {
		p.font(true, 9.5)
		p.color(textColor)
		f.MultiCell(pdfContent, 5, text, "", "L", false)
		f.Ln(0.5)
	}
	drawRow := func(lines [][]string, h float64, fills []*rgb, header bool) {
		y := f.GetY()
		x := pdfLeft
		p.drawColor(ruleColor)
		f.SetLineWidth(0.2)
		for j := range t.Columns {
			style := "D"
			if fills[j] != nil {
				p.fillColor(*fills[j])
				style = "FD"
			}
			f.Rect(x, y, ws[j], h, style)
			bold := header || t.Columns[j].Kind == KindClass
			p.font(bold, pdfCellSize)
			if header {
				p.color(headerText)
			} else {
				p.color(textColor)
			}
			al := alignOf(t.Columns[j])
			for n, line := range lines[j] {
				f.SetXY(x, y+pdfCellPad+float64(n)*pdfCellLine)
				f.CellFormat(ws[j], pdfCellLine, line, "", 0, al, false, 0, "")
			}
			x += ws[j]
		}
		f.SetXY(pdfLeft, y+h)
	}
	headerFills := make([]*rgb, len(t.Columns))
	for j := range headerFills {
		headerFills[j] = ptr(accentColor)
	}
	// The caption, the header and the first row stay together.
	first := 0.0
	if len(t.Rows) > 0 {
		first = 3 * (pdfCellLine + 2*pdfCellPad)
	}
	p.room(6 + headerH + first)
	f.Ln(1)
	captionLine(caption)
	drawRow(headerLines, headerH, headerFills, true)
	for r, row := range t.Rows {
		lines := make([][]string, len(row))
		fills := make([]*rgb, len(row))
		h := 0.0
		for j, c := range row {
			lines[j] = split(p.cellText(t.Columns[j], c), ws[j], t.Columns[j].Kind == KindClass)
			h = math.Max(h, float64(len(lines[j]))*pdfCellLine+2*pdfCellPad)
			switch {
			case c.Class != "":
				fills[j] = ptr(classStyles[c.Class].fill)
			case r%2 == 1:
				fills[j] = ptr(zebraColor)
			}
		}
		if f.GetY()+h > pdfPageH-pdfBottom {
			f.AddPage()
			p.font(false, 8.5)
			p.color(mutedColor)
			f.MultiCell(pdfContent, 4.5, p.t("report.table.continued", msg.Args{"caption": caption}), "", "L", false)
			f.Ln(0.5)
			drawRow(headerLines, headerH, headerFills, true)
		}
		drawRow(lines, h, fills, false)
	}
	if len(t.Notes) > 0 {
		f.Ln(1.5)
		p.font(false, 8)
		p.color(mutedColor)
		for _, n := range t.Notes {
			f.MultiCell(pdfContent, 4, n, "", "L", false)
		}
	}
	f.Ln(4)
}

// chart places the chart's PNG (16 cm × 6 cm) with its caption above and its description
// in words below, all on one page.
func (p *pdfWriter) chart(i int, c *Chart) error {
	f := p.f
	s := layoutChart(p.base, c)
	img, err := chartPNG(s)
	if err != nil {
		return err
	}
	p.font(false, 8.5)
	descLines := len(f.SplitText(s.desc, pdfContent))
	p.room(7 + chartHeightMM + 2 + float64(descLines)*4.3)
	f.Ln(1)
	p.font(true, 9.5)
	p.color(textColor)
	f.MultiCell(pdfContent, 5, p.figureCaption(i, c), "", "L", false)
	p.images++
	name := "chart" + strconv.Itoa(p.images)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	f.RegisterImageOptionsReader(name, opt, bytes.NewReader(img))
	y := f.GetY() + 1
	f.ImageOptions(name, pdfLeft, y, chartWidthMM, chartHeightMM, false, opt, 0, "")
	f.SetY(y + chartHeightMM + 2)
	p.font(false, 8.5)
	p.color(mutedColor)
	f.MultiCell(pdfContent, 4.3, s.desc, "", "L", false)
	f.Ln(4)
	return nil
}
