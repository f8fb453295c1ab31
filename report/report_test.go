package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// render renders d in format and fails the test on an error.
func render(t testing.TB, d *Document, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d, format); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	if buf.Len() == 0 {
		t.Fatalf("%s: empty output", format)
	}
	return buf.Bytes()
}

// sampleOutputs renders the sample document once per format for all tests of a run.
var sampleOutputs = sync.OnceValue(func() map[string][]byte {
	out := map[string][]byte{}
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, sampleDocument(), f); err != nil {
			panic(fmt.Sprintf("%s: %v", f, err))
		}
		out[f] = buf.Bytes()
	}
	return out
})

// writeTemp writes data into the test's temporary folder and returns the path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// demandReports reports whether NETZWERKATLAS_TEST_REPORTS demands the tests that need
// external readers (pdftotext, pdfinfo): set in CI, they fail instead of skipping.
func demandReports() bool { return os.Getenv("NETZWERKATLAS_TEST_REPORTS") != "" }

func TestWriteDispatch(t *testing.T) {
	d := &Document{Title: "Kurz", Blocks: []Block{ParagraphBlock("Text", "")}}
	for _, f := range Formats {
		out := render(t, d, strings.ToUpper(f))
		if ContentType(f) == "" || FileExtension(f) != "."+f {
			t.Errorf("%s: content type %q, extension %q", f, ContentType(f), FileExtension(f))
		}
		if f != FormatHTML && !bytes.HasPrefix(out, []byte("%PDF")) && !bytes.HasPrefix(out, []byte("PK")) {
			t.Errorf("%s: starts with %q", f, out[:8])
		}
	}
	err := Write(&bytes.Buffer{}, d, "odt")
	if !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("odt: %v, want ErrUnknownFormat", err)
	}
	if ContentType("odt") != "" || FileExtension("odt") != "" {
		t.Error("odt has a content type or extension")
	}
}

func TestValidate(t *testing.T) {
	ok := func() *Document { return sampleDocument() }
	if err := ok().Validate(); err != nil {
		t.Fatalf("sample: %v", err)
	}
	for _, tc := range []struct {
		field  string
		change func(d *Document)
	}{
		{"title", func(d *Document) { d.Title = " " }},
		{"lang", func(d *Document) { d.Lang = "fr" }},
		{"meta[0].key", func(d *Document) { d.Meta[0].Key = "" }},
		{"blocks[0]", func(d *Document) { d.Blocks[0] = Block{} }},
		{"blocks[0]", func(d *Document) { d.Blocks[0].Paragraph = &Paragraph{Text: "x"} }},
		{"blocks[0].heading.level", func(d *Document) { d.Blocks[0].Heading.Level = 4 }},
		{"blocks[2].paragraph.style", func(d *Document) { d.Blocks[2].Paragraph.Style = "bold" }},
		{"blocks[3].list.items", func(d *Document) { d.Blocks[3].List.Items = nil }},
		{"blocks[4].table.caption", func(d *Document) { d.Blocks[4].Table.Caption = "" }},
		{"blocks[4].table.columns[0].kind", func(d *Document) { d.Blocks[4].Table.Columns[0].Kind = "money" }},
		{"blocks[4].table.rows[1]", func(d *Document) { d.Blocks[4].Table.Rows[1] = d.Blocks[4].Table.Rows[1][:2] }},
		{"blocks[4].table.rows[0][0].class", func(d *Document) { d.Blocks[4].Table.Rows[0][0].Class = "green" }},
		{"blocks[4].table.rows[0][1].number", func(d *Document) { d.Blocks[4].Table.Rows[0][1].Number = Num(math.NaN()) }},
		{"blocks[4].table.sheet", func(d *Document) { d.Blocks[4].Table.Sheet = "a/b" }},
		{"blocks[16].table.sheet", func(d *Document) { d.Blocks[4].Table.Sheet = "maßnahmen" }},
		{"blocks[8].chart.title", func(d *Document) { d.Blocks[8].Chart.Title = "" }},
		{"blocks[8].chart.series[1].year", func(d *Document) { d.Blocks[8].Chart.Series[1].Year = 2018 }},
		{"blocks[8].chart.target_upper", func(d *Document) { d.Blocks[8].Chart.TargetUpper = Num(1) }},
		{"blocks[8].chart.baseline", func(d *Document) { d.Blocks[8].Chart.Baseline.Year = 12 }},
		{"blocks[8].chart.projection[0].value", func(d *Document) { d.Blocks[8].Chart.Projection[0].Value = math.Inf(1) }},
	} {
		d := ok()
		tc.change(d)
		err := d.Validate()
		var e *Error
		if !errors.As(err, &e) || e.Field != tc.field {
			t.Errorf("%s: got %v", tc.field, err)
			continue
		}
		// Every renderer refuses the document the same way.
		for _, f := range Formats {
			if err := Write(&bytes.Buffer{}, d, f); !errors.As(err, &e) || e.Field != tc.field {
				t.Errorf("%s in %s: got %v", tc.field, f, err)
			}
		}
	}
	d := ok()
	d.Blocks[len(d.Blocks)-2].Table.Rows[0][3].Text = "31.12.2024"
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("German date in a date column: %v", err)
	}
}

// TestDocumentJSON checks that the document is plain data: it survives a JSON round trip.
func TestDocumentJSON(t *testing.T) {
	d := sampleDocument()
	raw, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back Document
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, &back); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	for _, want := range []string{`"heading":{"level":1`, `"kind":"percent"`, `"class":"on_track"`, `"target_year":2026`, `"page_break":{}`} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(c rgb) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.r) + 0.7152*ch(c.g) + 0.0722*ch(c.b)
}

func contrast(a, b rgb) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestContrast checks every text colour on every background it is used on (WCAG 2.1 AA:
// 4.5:1 for text), and that the classes' fills differ from each other.
func TestContrast(t *testing.T) {
	white := rgb{0xff, 0xff, 0xff}
	pairs := []struct {
		name     string
		fg, bg   rgb
		minRatio float64
	}{
		{"text on white", textColor, white, 4.5},
		{"muted on white", mutedColor, white, 4.5},
		{"muted on zebra", mutedColor, zebraColor, 4.5},
		{"accent on white", accentColor, white, 4.5},
		{"header text on accent", headerText, accentColor, 4.5},
		{"target label on white", targetColor, white, 4.5},
		{"target label on the band", targetColor, bandFill, 4.5},
		{"text on note", textColor, noteFill, 4.5},
		{"text on zebra", textColor, zebraColor, 4.5},
		{"axis on white (graphics, 3:1)", axisColor, white, 3},
	}
	for _, c := range Classes {
		pairs = append(pairs, struct {
			name     string
			fg, bg   rgb
			minRatio float64
		}{"text on " + c, textColor, classStyles[c].fill, 4.5})
	}
	for _, p := range pairs {
		if r := contrast(p.fg, p.bg); r < p.minRatio {
			t.Errorf("%s: %.2f:1, want at least %.1f:1", p.name, r, p.minRatio)
		}
	}
	seen := map[rgb]string{}
	for _, c := range Classes {
		f := classStyles[c].fill
		if other, dup := seen[f]; dup {
			t.Errorf("%s and %s share a fill", c, other)
		}
		seen[f] = c
	}
}

// TestClassWords checks that a class cell always shows its word, in both languages.
func TestClassWords(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		b := newBase(&Document{Title: "x", Lang: lang})
		for _, c := range Classes {
			word := msg.For(msg.Lang(lang)).T("attainment.class."+c, nil)
			for _, text := range []string{"", "72 %", word} {
				got := b.cellText(Column{Kind: KindClass}, Cell{Text: text, Class: c})
				if !strings.Contains(got, word) {
					t.Errorf("%s %s %q: %q lacks %q", lang, c, text, got, word)
				}
				if text == word && got != word {
					t.Errorf("%s %s: word repeated: %q", lang, c, got)
				}
			}
		}
	}
}

func TestCellText(t *testing.T) {
	de, en := newBase(&Document{Title: "x"}), newBase(&Document{Title: "x", Lang: "en"})
	for _, tc := range []struct {
		b    base
		col  Column
		cell Cell
		want string
	}{
		{de, Column{Kind: KindNumber, Decimals: 2}, Cell{Number: Num(12345.678)}, "12.345,68"},
		{en, Column{Kind: KindNumber, Decimals: 2}, Cell{Number: Num(12345.678)}, "12,345.68"},
		{de, Column{Kind: KindPercent, Decimals: 1}, Cell{Number: Num(31.5)}, "31,5\u00a0%"},
		{en, Column{Kind: KindPercent, Decimals: 1}, Cell{Number: Num(31.5)}, "31.5%"},
		{de, Column{Kind: KindNumber}, Cell{Text: "k. A.", Number: Num(3)}, "k. A."},
		{de, Column{Kind: KindDate}, Cell{Text: "2024-03-01"}, "01.03.2024"},
		{en, Column{Kind: KindDate}, Cell{Text: "2024-03-01"}, "2024-03-01"},
		{de, Column{}, Cell{Text: "frei"}, "frei"},
	} {
		if got := tc.b.cellText(tc.col, tc.cell); got != tc.want {
			t.Errorf("%+v %+v: %q, want %q", tc.col, tc.cell, got, tc.want)
		}
	}
}

func TestSlugAndIDs(t *testing.T) {
	for in, want := range map[string]string{
		"Handlungsfeld Sprache und Bildung": "handlungsfeld-sprache-und-bildung",
		"Übergänge – Größe (2024)":          "uebergaenge-groesse-2024",
		"  ":                                "",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
	d := &Document{Title: "x", Blocks: []Block{HeadingBlock(1, "Ziel"), HeadingBlock(2, "Ziel"), HeadingBlock(2, "!!")}}
	b := newBase(d)
	if b.ids[0] != "ziel" || b.ids[1] != "ziel-2" || b.ids[2] != "abschnitt" {
		t.Errorf("ids %v", b.ids)
	}
}

// TestConcurrentRendering renders in parallel (run with -race): the renderers share no
// mutable state.
func TestConcurrentRendering(t *testing.T) {
	d := sampleDocument()
	var wg sync.WaitGroup
	for _, f := range Formats {
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				if err := Write(&buf, d, f); err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}()
		}
	}
	wg.Wait()
}

// TestEnglish renders the sample in English: the fixed texts change language.
func TestEnglish(t *testing.T) {
	d := sampleDocument()
	d.Lang = "en"
	out := string(render(t, d, FormatHTML))
	for _, want := range []string{`lang="en"`, "Contents", "Figure 1: ", "Table 1: ", "Measured values", `"Page " counter(page) " of " counter(pages)`, "on track"} {
		if !strings.Contains(out, want) {
			t.Errorf("English HTML lacks %q", want)
		}
	}
}

// TestCatalogueKeysUsed checks that every report.* message is used by the renderers (the
// msg tests check that both languages have it with the same placeholders).
func TestCatalogueKeysUsed(t *testing.T) {
	var src strings.Builder
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	for _, k := range msg.Keys() {
		if strings.HasPrefix(k, "report.") && !strings.Contains(src.String(), `"`+k+`"`) {
			t.Errorf("message %s is not used", k)
		}
	}
	for _, c := range Classes {
		if !msg.Has("attainment.class." + c) {
			t.Errorf("no word for class %s", c)
		}
	}
}
