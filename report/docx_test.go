package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomutex/godocx"
)

// ooxml is a DOCX opened with archive/zip.
type ooxml struct {
	t     *testing.T
	parts map[string][]byte
}

func openOOXML(t *testing.T, raw []byte) *ooxml {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	o := &ooxml{t: t, parts: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		o.parts[f.Name] = data
	}
	return o
}

func (o *ooxml) part(name string) []byte {
	o.t.Helper()
	p, ok := o.parts[name]
	if !ok {
		o.t.Fatalf("no part %s", name)
	}
	return p
}

// wordPara is a paragraph of document.xml as a reader sees it.
type wordPara struct {
	style  string
	text   string
	inCell bool
	embeds []string
	descr  string
}

// paragraphs walks document.xml with encoding/xml.
func (o *ooxml) paragraphs() []wordPara {
	o.t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(o.part("word/document.xml")))
	var out []wordPara
	var cur *wordPara
	cells, inText := 0, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			o.t.Fatalf("document.xml: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "tc":
				cells++
			case "p":
				cur = &wordPara{inCell: cells > 0}
			case "pStyle":
				if cur != nil {
					cur.style = xmlAttr(el, "val")
				}
			case "t":
				inText = true
			case "blip":
				if cur != nil {
					cur.embeds = append(cur.embeds, xmlAttr(el, "embed"))
				}
			case "docPr":
				if cur != nil {
					cur.descr = xmlAttr(el, "descr")
				}
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "tc":
				cells--
			case "p":
				if cur != nil {
					out = append(out, *cur)
				}
				cur = nil
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.text += string(el)
			}
		}
	}
	return out
}

func xmlAttr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// rels maps relationship ids of document.xml to their targets.
func (o *ooxml) rels() map[string]string {
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Type   string `xml:"Type,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(o.part("word/_rels/document.xml.rels"), &r); err != nil {
		o.t.Fatal(err)
	}
	out := map[string]string{}
	for _, rel := range r.Rels {
		out[rel.ID] = rel.Target
	}
	return out
}

// TestDOCXReadBack opens the DOCX with archive/zip and encoding/xml: Word heading styles on
// the headings, the table cells' texts, the charts as PNG pictures with alternative text,
// German as the language, A4, the footer's page fields, and every XML part well-formed.
func TestDOCXReadBack(t *testing.T) {
	o := openOOXML(t, sampleOutputs()[FormatDOCX])
	for name, data := range o.parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed: %v", name, err)
				}
			}
		}
	}
	if _, ok := o.parts["docProps/thumbnail.jpeg"]; ok {
		t.Error("the template's thumbnail is still there")
	}

	paras := o.paragraphs()
	styled := map[string][]string{}
	var cellTexts []string
	for _, p := range paras {
		if p.style != "" {
			styled[p.style] = append(styled[p.style], p.text)
		}
		if p.inCell {
			cellTexts = append(cellTexts, p.text)
		}
	}
	check := func(style string, want ...string) {
		t.Helper()
		got := strings.Join(styled[style], "|")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("no %s paragraph %q (have %q)", style, w, got)
			}
		}
	}
	check("Title", markTitle)
	check("Subtitle", "Kreis Recklinghausen – Fortschreibung 2024")
	check("Heading1", "Zusammenfassung", markHeading1, markHeading2)
	check("Heading2", "Ziel 1.1 – Übergang Schule–Beruf", markMeasures)
	check("Caption", "Tabelle 2: "+markMeasures, "Abbildung 1: "+markUmlauts)
	check("ListBullet", "12 Maßnahmen neu begonnen")
	cells := strings.Join(cellTexts, "|")
	for _, want := range []string{"Maßnahme", markCell, "1250,50", "01.01.2020", "nicht auf Kurs", "keine Daten", "26,7\u00a0%"} {
		if !strings.Contains(cells, want) {
			t.Errorf("no table cell %q", want)
		}
	}

	// Styles: the headings are Word's (outline levels for the navigation pane); German.
	styles := string(o.part("word/styles.xml"))
	for _, want := range []string{`w:styleId="Heading1"`, `w:styleId="Heading2"`, `w:styleId="Heading3"`, `<w:outlineLvl w:val="0"`, `w:val="de-DE"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	doc := string(o.part("word/document.xml"))
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"`, `<w:tblHeader`, `w:footerReference`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	footer := string(o.part("word/footer1.xml"))
	for _, want := range []string{"Seite ", " von ", " PAGE ", " NUMPAGES ", "Erstellt am 03.12.2026"} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer lacks %q", want)
		}
	}
	core := string(o.part("docProps/core.xml"))
	if !strings.Contains(core, "<dc:title>"+markTitle+"</dc:title>") || !strings.Contains(core, "<dc:language>de-DE</dc:language>") {
		t.Errorf("core properties: %s", core)
	}
	if n := strings.Count(string(o.part("[Content_Types].xml")), `Extension="png"`); n != 1 {
		t.Errorf("png declared %d times in [Content_Types].xml", n)
	}

	// Pictures: three PNGs of 16 cm × 6 cm's pixels, each with its description.
	rels := o.rels()
	var pics int
	for _, p := range paras {
		for _, id := range p.embeds {
			pics++
			target, ok := rels[id]
			if !ok {
				t.Fatalf("picture %s has no relationship", id)
			}
			img, err := png.Decode(bytes.NewReader(o.part("word/" + target)))
			if err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 720 {
				t.Errorf("%s: %v", target, b)
			}
			if !strings.Contains(p.descr, "Messwerte") {
				t.Errorf("%s: alternative text %q", target, p.descr)
			}
		}
	}
	if pics != 3 {
		t.Errorf("%d pictures, want 3", pics)
	}
}

// TestDOCXLibraryReader opens the DOCX with godocx's own reader.
func TestDOCXLibraryReader(t *testing.T) {
	path := writeTemp(t, "bericht.docx", sampleOutputs()[FormatDOCX])
	root, err := godocx.OpenDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	var headings, tables int
	for _, c := range root.Document.Body.Children {
		if c.Para != nil {
			if st := c.Para.GetCT().Property; st != nil && st.Style != nil && strings.HasPrefix(st.Style.Val, "Heading") {
				headings++
			}
		}
		if c.Table != nil {
			tables++
		}
	}
	if headings != 7 || tables != 2 {
		t.Errorf("godocx reads %d headings and %d tables, want 7 and 2", headings, tables)
	}
}

// TestDOCXPandoc converts the DOCX with pandoc (if installed) and finds the headings at
// their levels, the table and the pictures.
func TestDOCXPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc is not installed (apt-get install -y pandoc)")
	}
	path := writeTemp(t, "bericht.docx", sampleOutputs()[FormatDOCX])
	md := run(t, pandoc, "--standalone", "--wrap=none", "--columns=10000", "-t", "markdown", path)
	for _, want := range []string{"title: " + markTitle, "# Zusammenfassung", "# " + markHeading1, "## Ziel 1.1 -- Übergang Schule--Beruf", "## " + markMeasures, markCell, "![", "media/chart1.png"} {
		if !strings.Contains(md, want) {
			t.Errorf("pandoc markdown lacks %q", want)
		}
	}
}

// TestDOCXLibreOffice converts the DOCX to PDF with LibreOffice (if installed) and reads it
// with pdftotext: the footer's fields become "Seite 1 von N", the page is A4.
func TestDOCXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)")
	}
	pdftotext := poppler(t, "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "bericht.docx")
	if err := os.WriteFile(path, sampleOutputs()[FormatDOCX], 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, path)
	done := make(chan struct{})
	var out []byte
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("LibreOffice did not finish in 2 minutes")
	}
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "bericht.pdf")
	info := pdfInfo(t, pdf)
	if !strings.HasPrefix(info["Page size"], "595") {
		t.Errorf("LibreOffice's page size %q, want A4", info["Page size"])
	}
	// Lines and table cells wrap where LibreOffice's fonts say: compare words, not lines.
	text := strings.Join(strings.Fields(run(t, pdftotext, pdf, "-")), " ")
	for _, want := range []string{markTitle, markUmlauts, "Castrop-Rauxel", "1250,50", "nicht auf Kurs", "Seite 1 von " + info["Pages"]} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's PDF lacks %q", want)
		}
	}
}
