package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/common/constants"
	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/dml"
	"github.com/gomutex/godocx/dml/dmlct"
	"github.com/gomutex/godocx/dml/dmlpic"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// DOCX page geometry: A4 with the PDF's margins, in twentieths of a point.
const (
	twipsPerMM   = 1440 / 25.4
	docxContent  = 9751 // pdfContent (172 mm) in twips
	emuPerMM     = 36000
	docxMimePNG  = "image/png"
	docxFooterCT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	docxFooterRT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	docxThumbRT  = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
	// docxCellSize is the tables' font size in points.
	docxCellSize = 9
)

// WriteDOCX writes d as a Word document for editing: Word's own styles (Title, Heading 1–3 —
// so the navigation pane lists the sections —, Caption, List Bullet, Table Grid), German (or
// English) as the document language, A4 pages with "Seite N von M" in the footer, tables with
// a header row that repeats on every page, and the charts as PNG pictures with their
// description as alternative text.
//
// It uses github.com/gomutex/godocx for the body and writes the parts the library does not
// offer itself (footer, document properties, pictures from memory). There is no table of
// contents field: godocx cannot write fields in the body, and Word makes one from the heading
// styles in two clicks (Verweise → Inhaltsverzeichnis). The document is built in memory and
// zipped to w (for a report of a few hundred rows and a dozen charts, a few megabytes).
func WriteDOCX(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	root, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("report: docx template: %w", err)
	}
	x := &docxWriter{base: newBase(d), root: root}
	if err := x.setup(); err != nil {
		return err
	}
	x.titleBlock()
	for i, bl := range d.Blocks {
		if err := x.block(i, bl); err != nil {
			return err
		}
	}
	if err := root.Write(w); err != nil {
		return fmt.Errorf("report: docx: %w", err)
	}
	return nil
}

type docxWriter struct {
	base
	root *docx.RootDoc
}

func strPtr(s string) *string { return &s }
func intPtr(i int) *int       { return &i }

// setup adapts godocx's template: A4 and margins, the document language, the footer with
// the page numbers, the document properties; and it drops the template's thumbnail (a
// picture of an empty page) so that file browsers do not show it.
func (x *docxWriter) setup() error {
	root := x.root
	body := root.Document.Body
	if body.SectPr == nil {
		body.SectPr = ctypes.NewSectionProper()
	}
	mm := func(v float64) int { return int(math.Round(v * twipsPerMM)) }
	w, h := uint64(mm(pdfPageW)), uint64(mm(pdfPageH))
	body.SectPr.PageSize = &ctypes.PageSize{Width: &w, Height: &h, Orient: stypes.PageOrientPortrait}
	body.SectPr.PageMargin = &ctypes.PageMargin{
		Top: intPtr(mm(pdfTop)), Bottom: intPtr(mm(pdfBottom)), Left: intPtr(mm(pdfLeft)), Right: intPtr(mm(pdfRight)),
		Header: intPtr(mm(10)), Footer: intPtr(mm(10)), Gutter: intPtr(0),
	}

	if st := root.DocStyles; st != nil {
		if st.DocDefaults == nil {
			st.DocDefaults = &ctypes.DocDefault{}
		}
		if st.DocDefaults.RunProp == nil {
			st.DocDefaults.RunProp = &ctypes.RunPropDefault{}
		}
		if st.DocDefaults.RunProp.RunProp == nil {
			st.DocDefaults.RunProp.RunProp = &ctypes.RunProperty{}
		}
		st.DocDefaults.RunProp.RunProp.Lang = &ctypes.Lang{Val: strPtr(x.langTag())}
	}

	// Footer: "Erstellt am …" on the left, "Seite N von M" on the right (PAGE and NUMPAGES).
	footer, err := x.footerXML()
	if err != nil {
		return err
	}
	root.FileMap.Store("word/footer1.xml", footer)
	rid := "rId" + strconv.Itoa(root.Document.IncRelationID())
	root.Document.DocRels.Relationships = append(root.Document.DocRels.Relationships, &docx.Relationship{ID: rid, Type: docxFooterRT, Target: "footer1.xml"})
	if err := root.ContentType.AddOverride("/word/footer1.xml", docxFooterCT); err != nil {
		return err
	}
	body.SectPr.FooterReference = &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: rid}

	// Properties; no thumbnail.
	root.FileMap.Store("docProps/core.xml", x.coreXML())
	root.FileMap.Store("docProps/app.xml", []byte(xml.Header+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Netzwerkatlas</Application></Properties>`))
	root.FileMap.Delete("docProps/thumbnail.jpeg")
	rels := root.RootRels.Relationships[:0]
	for _, r := range root.RootRels.Relationships {
		if r.Type != docxThumbRT {
			rels = append(rels, r)
		}
	}
	root.RootRels.Relationships = rels
	return root.ContentType.AddExtension("png", docxMimePNG)
}

func xmlText(s string) string {
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s))
	return sb.String()
}

// footerXML writes the footer part. The page label's placeholders become fields.
func (x *docxWriter) footerXML() ([]byte, error) {
	run := func(inner string) string {
		return `<w:r><w:rPr><w:color w:val="` + mutedColor.hex() + `"/><w:sz w:val="16"/></w:rPr>` + inner + `</w:r>`
	}
	text := func(s string) string {
		if s == "" {
			return ""
		}
		return run(`<w:t xml:space="preserve">` + xmlText(s) + `</w:t>`)
	}
	field := func(code string) string {
		return run(`<w:fldChar w:fldCharType="begin"/>`) + run(`<w:instrText xml:space="preserve"> `+code+` </w:instrText>`) +
			run(`<w:fldChar w:fldCharType="separate"/>`) + run(`<w:t>1</w:t>`) + run(`<w:fldChar w:fldCharType="end"/>`)
	}
	const pg, pgs = "\x00page\x00", "\x00pages\x00"
	label := x.pageLabel(pg, pgs)
	var page strings.Builder
	for label != "" {
		i := strings.IndexByte(label, 0)
		if i < 0 {
			page.WriteString(text(label))
			break
		}
		page.WriteString(text(label[:i]))
		rest := label[i:]
		switch {
		case strings.HasPrefix(rest, pgs):
			page.WriteString(field("NUMPAGES"))
			label = rest[len(pgs):]
		case strings.HasPrefix(rest, pg):
			page.WriteString(field("PAGE"))
			label = rest[len(pg):]
		default:
			label = rest[1:]
		}
	}
	// One paragraph: the creation date, a right tab at the content's edge, the page label
	// (the template's Footer style has tabs for Letter paper: cleared).
	out := xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/><w:tab w:val="right" w:pos="` + strconv.Itoa(docxContent) + `"/></w:tabs></w:pPr>` +
		text(x.created()) + run(`<w:tab/>`) + page.String() + `</w:p></w:ftr>`
	return []byte(out), nil
}

// coreXML writes the document properties: title, subject, author, language, dates.
func (x *docxWriter) coreXML() []byte {
	var sb strings.Builder
	sb.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	sb.WriteString(`<dc:title>` + xmlText(x.d.Title) + `</dc:title>`)
	if x.d.Subtitle != "" {
		sb.WriteString(`<dc:subject>` + xmlText(x.d.Subtitle) + `</dc:subject>`)
	}
	if x.d.Author != "" {
		sb.WriteString(`<dc:creator>` + xmlText(x.d.Author) + `</dc:creator>`)
	}
	sb.WriteString(`<dc:language>` + x.langTag() + `</dc:language>`)
	if !x.d.Created.IsZero() {
		t := x.d.Created.UTC().Format(time.RFC3339)
		sb.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	sb.WriteString(`</cp:coreProperties>`)
	return []byte(sb.String())
}

// addText adds text to a paragraph, line breaks as breaks.
func addText(p *docx.Paragraph, text string, style func(*docx.Run)) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			p.AddRun().AddBreak(nil)
		}
		r := p.AddText(line)
		if style != nil {
			style(r)
		}
	}
}

func muted(r *docx.Run) { r.Color(mutedColor.hex()).Size(9) } // godocx sizes are points

func (x *docxWriter) titleBlock() {
	root := x.root
	_, _ = root.AddHeading(x.d.Title, 0)
	if x.d.Subtitle != "" {
		root.AddParagraph(x.d.Subtitle).Style("Subtitle")
	}
	for _, m := range x.d.Meta {
		p := root.AddEmptyParagraph()
		p.AddText(m.Key + ": ").Bold(true)
		p.AddText(m.Value)
	}
	if c := x.created(); c != "" {
		addText(root.AddEmptyParagraph(), c, muted)
	}
}

func (x *docxWriter) block(i int, bl Block) error {
	root := x.root
	switch {
	case bl.Heading != nil:
		if _, err := root.AddHeading(bl.Heading.Text, uint(bl.Heading.Level)); err != nil {
			return fmt.Errorf("report: docx: %w", err)
		}
	case bl.Paragraph != nil:
		p := root.AddEmptyParagraph()
		switch bl.Paragraph.Style {
		case StyleNote:
			fill := noteFill.hex()
			p.GetCT().Property = &ctypes.ParagraphProp{
				Shading: &ctypes.Shading{Val: stypes.ShdClear, Color: strPtr("auto"), Fill: &fill},
				Border:  &ctypes.ParaBorder{Left: &ctypes.Border{Val: stypes.BorderStyleSingle, Size: intPtr(24), Space: strPtr("6"), Color: strPtr(targetColor.hex())}},
			}
			addText(p, bl.Paragraph.Text, nil)
		case StyleMuted:
			addText(p, bl.Paragraph.Text, muted)
		default:
			addText(p, bl.Paragraph.Text, nil)
		}
	case bl.List != nil:
		style := "ListBullet"
		if bl.List.Ordered {
			style = "ListNumber"
		}
		for _, item := range bl.List.Items {
			p := root.AddEmptyParagraph()
			p.Style(style)
			addText(p, item, nil)
		}
	case bl.Table != nil:
		x.table(x.tableCaption(i, bl.Table), bl.Table)
	case bl.Chart != nil:
		return x.chart(i, bl.Chart)
	case bl.PageBreak != nil:
		root.AddPageBreak()
	}
	return nil
}

// table writes a caption paragraph (Word's Caption style, kept with the table) and the table
// (Table Grid style, full width, header row repeated on every page, class cells filled).
func (x *docxWriter) table(caption string, t *Table) {
	root := x.root
	cp := root.AddParagraph(caption)
	cp.Style("Caption")
	cp.GetCT().Property.KeepNext = ctypes.OnOffFromBool(true)

	// Column widths as in the PDF, measured with the Go fonts at the table's 9 pt plus a
	// tenth (the font Word or LibreOffice substitutes may be wider) and Word's default cell
	// margins (1.9 mm each side).
	fc := newFaces(1)
	ws := x.columnWidths(t, pdfContent, 4.5, func(s string, bold bool) float64 {
		return fc.width(s, docxCellSize, bold) * 25.4 / 72 * 1.1
	})
	grid := make([]uint64, len(ws))
	for j, w := range ws {
		grid[j] = uint64(math.Round(w * twipsPerMM))
	}

	tbl := root.AddTable()
	tbl.Style("TableGrid")
	tbl.Width(docxContent, stypes.TableWidthDxa)
	tbl.Grid(grid...)
	justify := func(p *docx.Paragraph, c Column) {
		switch align(c) {
		case AlignRight:
			p.Justification(stypes.JustificationRight)
		case AlignCenter:
			p.Justification(stypes.JustificationCenter)
		}
	}
	header := tbl.AddRow()
	rows := tbl.GetCT().RowContents
	rows[len(rows)-1].Row.Property = &ctypes.RowProperty{Header: ctypes.OnOffFromBool(true), CantSplit: ctypes.OnOffFromBool(true)}
	for j, c := range t.Columns {
		cell := header.AddCell().BackgroundColor(accentColor.hex()).Width(int(grid[j]), stypes.TableWidthDxa)
		p := cell.AddEmptyPara()
		justify(p, c)
		p.AddText(c.Title).Bold(true).Color(headerText.hex()).Size(docxCellSize)
	}
	for r, row := range t.Rows {
		tr := tbl.AddRow()
		rows := tbl.GetCT().RowContents
		rows[len(rows)-1].Row.Property = &ctypes.RowProperty{CantSplit: ctypes.OnOffFromBool(true)}
		for j, c := range row {
			cell := tr.AddCell().Width(int(grid[j]), stypes.TableWidthDxa)
			switch {
			case c.Class != "":
				cell.BackgroundColor(classStyles[c.Class].fill.hex())
			case r%2 == 1:
				cell.BackgroundColor(zebraColor.hex())
			}
			p := cell.AddEmptyPara()
			justify(p, t.Columns[j])
			bold := c.Class != ""
			addText(p, x.cellText(t.Columns[j], c), func(r *docx.Run) {
				r.Size(docxCellSize)
				if bold {
					r.Bold(true)
				}
			})
		}
	}
	for _, n := range t.Notes {
		addText(root.AddEmptyParagraph(), n, muted)
	}
	root.AddEmptyParagraph()
}

// chart writes the caption, the chart as a PNG picture (16 cm × 6 cm) whose alternative text
// is the chart's description, and the description as text.
func (x *docxWriter) chart(i int, c *Chart) error {
	root := x.root
	s := layoutChart(x.base, c)
	img, err := chartPNG(s)
	if err != nil {
		return err
	}
	cp := root.AddParagraph(x.figureCaption(i, c))
	cp.Style("Caption")
	cp.GetCT().Property.KeepNext = ctypes.OnOffFromBool(true)

	root.ImageCount++
	n := root.ImageCount
	name := "chart" + strconv.Itoa(int(n)) + ".png"
	root.FileMap.Store(constants.MediaPath+name, img)
	rid := "rId" + strconv.Itoa(root.Document.IncRelationID())
	root.Document.DocRels.Relationships = append(root.Document.DocRels.Relationships, &docx.Relationship{ID: rid, Type: constants.SourceRelationshipImage, Target: "media/" + name})
	cx, cy := units.Emu(chartWidthMM*emuPerMM), units.Emu(chartHeightMM*emuPerMM)
	pic := dmlpic.NewPic(rid, n, cx, cy)
	pic.NonVisualPicProp.CNvPr.Description = s.title
	inline := dml.NewInline(*dmlct.NewPostvSz2D(cx, cy), dml.DocProp{ID: uint64(n), Name: s.title, Description: s.desc}, *dml.NewPicGraphic(pic))
	p := root.AddEmptyParagraph()
	p.GetCT().Property = &ctypes.ParagraphProp{KeepNext: ctypes.OnOffFromBool(true)}
	p.GetCT().Children = append(p.GetCT().Children, ctypes.ParagraphChild{Run: &ctypes.Run{Children: []ctypes.RunChild{{Drawing: &dml.Drawing{Inline: []dml.Inline{inline}}}}}})
	addText(root.AddEmptyParagraph(), s.desc, muted)
	return nil
}
