package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
	"github.com/netzwerkatlas/netzwerkatlas/internal/hostile"
)

// template is the full import template, a real workbook of 25 parts (made once).
var template = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	if err := WriteSheets(&buf, SheetOptions{Format: FormatXLSX, Template: true}); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// limitOf returns err's LimitError, failing the test when err is none.
func limitOf(t *testing.T, what string, err error) *LimitError {
	t.Helper()
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("%s: want a LimitError, got %T %v", what, err, err)
	}
	return le
}

// TestWorkbookBombsRefused: a zip bomb in any part of a workbook — as its directory entry
// declares it, packed honestly, or hidden behind a small declared size — is refused before
// excelize opens the workbook, naming the part.
func TestWorkbookBombsRefused(t *testing.T) {
	base := template()
	if err := checkWorkbook(bytes.NewReader(base), int64(len(base))); err != nil {
		t.Fatalf("the template is refused: %v", err)
	}
	// 2 MiB that pack to a few KiB: beyond the ratio, within every size bound.
	dense := hostile.Deflate(bytes.Repeat([]byte("<si><t>x</t></si>"), (2<<20)/17))
	for _, part := range hostile.Parts {
		crafted := map[string]func() ([]byte, error){
			// The audit's bomb: 1.5 MB that unpack to 1.5 GB.
			"declared 1.5 GB": func() ([]byte, error) { return hostile.Declared(base, 1500<<20, 1500<<10, part) },
			// Within the size bound of every part, but 1,000 times its packed size.
			"declared 12 MiB at 1000:1": func() ([]byte, error) { return hostile.Declared(base, 12<<20, 12<<10, part) },
			"packed honestly":           func() ([]byte, error) { return hostile.Bomb(base, part, 2<<20) },
			"declared 4 KiB":            func() ([]byte, error) { return hostile.Raw(base, part, dense, 4096, uint64(len(dense))) },
		}
		for name, make := range crafted {
			data, err := make()
			if err != nil {
				t.Fatal(err)
			}
			what := part + ", " + name
			book, err := openXLSXBytes(data)
			if err == nil {
				book.close()
				t.Fatalf("%s: opened", what)
			}
			le := limitOf(t, what, err)
			if !strings.Contains(le.Error(), part) {
				t.Errorf("%s: %q does not name the part", what, le.Error())
			}
		}
	}
}

// TestWorkbookDeclaredSizes: a part that holds other than its directory entry declares is
// damaged (400), not read as far as it goes.
func TestWorkbookDeclaredSizes(t *testing.T) {
	base := template()
	text := []byte(strings.Repeat("<!-- Kommentar -->", 300))
	for _, declared := range []uint64{100, uint64(len(text)) + 1000} {
		data, err := hostile.Lying(base, "xl/styles.xml", declared, text)
		if err != nil {
			t.Fatal(err)
		}
		err = checkWorkbook(bytes.NewReader(data), int64(len(data)))
		var fe *fileError
		if !errors.As(err, &fe) || !strings.Contains(fe.msg, "xl/styles.xml is damaged") {
			t.Errorf("declared %d for %d bytes: %v", declared, len(text), err)
		}
	}
}

// TestWorkbookTotals: the number of parts, the parts held in memory together and the whole
// workbook are bounded, each part within its own bound.
func TestWorkbookTotals(t *testing.T) {
	base := template()
	many, err := hostile.ManyParts(base, maxXLSXEntries)
	if err != nil {
		t.Fatal(err)
	}
	limitOf(t, "1,025 parts", checkWorkbook(bytes.NewReader(many), int64(len(many))))

	// Nine styles-like parts of 15 MiB each, packed 10:1: 135 MiB in memory.
	var extra []string
	for i := range 9 {
		extra = append(extra, fmt.Sprintf("xl/extra%d.xml", i))
	}
	data, err := hostile.Declared(base, 15<<20, 3<<19, extra...)
	if err != nil {
		t.Fatal(err)
	}
	le := limitOf(t, "135 MiB in memory", checkWorkbook(bytes.NewReader(data), int64(len(data))))
	if !strings.Contains(le.Error(), "other than large sheets") {
		t.Errorf("in memory: %v", le)
	}
	// Three sheets of 200 MiB, each within the bound: 600 MiB in all.
	data, err = hostile.Declared(base, 200<<20, 20<<20, "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml")
	if err != nil {
		t.Fatal(err)
	}
	le = limitOf(t, "600 MiB", checkWorkbook(bytes.NewReader(data), int64(len(data))))
	if !strings.Contains(le.Error(), "more than the 512 MiB allowed") || !strings.HasPrefix(le.Error(), "the workbook unpacks to") {
		t.Errorf("total: %v", le)
	}
}

// TestWorkbookRealisticAccepted: a sheet of varied rows above the ratio's floor packs far
// below the bound and is read.
func TestWorkbookRealisticAccepted(t *testing.T) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 4000; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{fmt.Sprintf("Sprachcafé %d", r), "05562", "active", r * 7, fmt.Sprintf("Beratung für Geflüchtete Nr. %d in der Gemeinde", r*13), 2025, "de, ar, uk"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	book, err := openXLSXBytes(buf.Bytes())
	if err != nil {
		t.Fatalf("a plain workbook of %d bytes is refused: %v", buf.Len(), err)
	}
	book.close()
}

// TestCSVBounds: a huge cell, a line without end, a row of 10,000 columns and too many rows
// are refused at their row (and column), with bounded memory.
func TestCSVBounds(t *testing.T) {
	// read reads every row; skip pretends that maxRows-1 rows have been read before.
	read := func(data []byte, skip bool) error {
		tab, err := openCSV(bytes.NewReader(data))
		if err != nil {
			return err
		}
		if skip {
			tab.rows = maxRows - 1
		}
		for {
			_, _, err := tab.next()
			if err != nil {
				if errors.Is(err, io.EOF) {
					return nil
				}
				return err
			}
		}
	}
	for _, c := range []struct {
		name        string
		data        []byte
		row, column int
	}{
		{"cell of 200 KiB", hostile.CSVHugeCell(200 << 10), 2, 1},
		{"line of 16 MiB", hostile.CSVLongLine(16 << 20), 1, 0},
		{"quoted cell of 8 MiB over many lines", []byte("Name;Kreis\n\"" + strings.Repeat("zeile\n", 8<<20/6) + "\";09991\n"), 2, 0},
		{"10,000 columns", hostile.CSVColumns(10000, 3), 2, maxColumns + 1},
		// The table has read all but one of the rows allowed when it starts (see skip).
		{"too many rows", []byte("a;b\nc;d\n"), 2, 0},
	} {
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		err := read(c.data, c.name == "too many rows")
		runtime.ReadMemStats(&ms1)
		le := limitOf(t, c.name, err)
		if le.Row != c.row || le.Column != c.column {
			t.Errorf("%s: row %d, column %d; want %d, %d (%v)", c.name, le.Row, le.Column, c.row, c.column, le)
		}
		if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 8<<20 && len(c.data) >= 16<<20 {
			t.Errorf("%s: reading allocated %d MiB", c.name, alloc>>20)
		}
	}
	// NUL bytes and invalid UTF-8 are no limit: they reach the rows' checks.
	for _, data := range []string{"Name;Kreis\nA\x00B;09991\n", "Name;Kreis\nM\xfc\xffller;09991\n"} {
		if err := read([]byte(data), false); err != nil {
			t.Errorf("%q: %v", data, err)
		}
	}
}

// TestImportBeyondBoundsWritesNothing: an import whose later row passes a bound is refused
// naming the file and row, and writes nothing — not even its good rows; so is a workbook
// with a bomb.
func TestImportBeyondBoundsWritesNothing(t *testing.T) {
	s, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Create(ctx, &graph.Region{Meta: graph.Meta{ID: "09991"}, Name: "Offener Kreis", Kind: "county"}); err != nil {
		t.Fatal(err)
	}
	rev, _ := s.Revision(ctx)
	bomb, err := hostile.Declared(template(), 1500<<20, 1500<<10, "xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"organisationen.csv": []byte("Name;Kreis;Art\nGut e.V.;09991;Verein\n" + strings.Repeat("x", 300<<10) + ";09991;Verein\n"),
		"bombe.xlsx":         bomb,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Import(ctx, s, []Input{{Name: name, Path: path}}, Options{})
		le := limitOf(t, name, err)
		if le.File != name {
			t.Errorf("%s: the error names %q", name, le.File)
		}
		if _, _, _, ok := IsFileError(err); ok {
			t.Errorf("%s: a limit is also a file error (the API would answer 400)", name)
		}
		if now, _ := s.Revision(ctx); now != rev {
			t.Fatalf("%s: the store's revision went from %d to %d", name, rev, now)
		}
	}
}

// TestWorkbookLyingPackedSize: a part that declares a packed size large enough for an honest
// ratio is measured against the packed bytes it really has.
func TestWorkbookLyingPackedSize(t *testing.T) {
	base := template()
	text := bytes.Repeat([]byte("<si><t>x</t></si>"), (2<<20)/17)
	raw := hostile.Deflate(text)
	data, err := hostile.Raw(base, "xl/sharedStrings.xml", raw, uint64(len(text)), uint64(len(text))/10)
	if err != nil {
		t.Fatal(err)
	}
	le := limitOf(t, "packed size declared 10:1", checkWorkbook(bytes.NewReader(data), int64(len(data))))
	if !strings.Contains(le.Error(), "times its packed size") {
		t.Errorf("%v", le)
	}
}

// TestWorkbookTooManySharedStrings: shared strings are bounded in number as well as in size
// (each costs an index entry), counted with or without a namespace prefix, across chunks.
func TestWorkbookTooManySharedStrings(t *testing.T) {
	text := []byte("<sst>" + strings.Repeat("<si/>", maxSharedStrings+1) + "</sst>")
	data, err := hostile.Stored(template(), "xl/sharedStrings.xml", text)
	if err != nil {
		t.Fatal(err)
	}
	le := limitOf(t, "too many strings", checkWorkbook(bytes.NewReader(data), int64(len(data))))
	if !strings.Contains(le.Error(), "shared strings") {
		t.Errorf("%v", le)
	}
	for _, c := range []struct {
		text string
		want uint64
	}{
		{"<si/><si><t>a</t></si><si r='1'>", 3},
		{"<x:si/><x:si>", 2},
		{"<sst><t>si</t></sst>", 0},
	} {
		if got := countStringTags([]byte(c.text)); got != c.want {
			t.Errorf("countStringTags(%s) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestSharedStringsCountedAcrossChunks: a tag split between two pieces counts once, wherever
// the text is split.
func TestSharedStringsCountedAcrossChunks(t *testing.T) {
	text := "<sst><si><t>a</t></si><x:si/><si r=\"2\"/><t>si</t></sst>"
	for i := 0; i <= len(text); i++ {
		for j := i; j <= len(text); j++ {
			var c tagCounter
			c.write([]byte(text[:i]))
			c.write([]byte(text[i:j]))
			c.write([]byte(text[j:]))
			if c.n != 3 {
				t.Fatalf("split at %d and %d: %d tags, want 3", i, j, c.n)
			}
		}
	}
}
