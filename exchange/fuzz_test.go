package exchange

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/internal/hostile"
)

// The fuzz targets run their seeds in every go test; go test -fuzz=FuzzCSV (…) explores.
// A reader must never panic or loop: it returns rows or an error that names the problem.

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"Name;Kreis;Art\nVerein;05562;Verein\n",
		"\ufeffName,Kreis\n\"a,b\",05562\n",
		"Name\tKreis\nx\t05562\n",
		"Name;Kreis\n\"offen;05562\n",
		"Name;Kreis\nM\xfcller;05562\n", // Windows-1252
		"\xff\xfeN\x00a\x00m\x00e\x00\n\x00",
		"",
		"\"\"\"\n;;;\r\n\r",
		"Name;Kreis\nA\x00B;09991\n",               // NUL byte
		"Name;Kreis\n\x81\x8d\x8f\x90\x9d;09991\n", // invalid UTF-8, undefined in Windows-1252
	} {
		f.Add([]byte(s))
	}
	// The hostile inputs: a cell over the bound, a line without end, 10,000 columns.
	f.Add(hostile.CSVHugeCell(maxCellBytes + 1))
	f.Add(hostile.CSVLongLine(maxRowBytes + 70<<10))
	f.Add(hostile.CSVColumns(10000, 2))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := openCSV(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			_, cells, err := tab.next()
			if errors.Is(err, io.EOF) {
				return
			}
			var fe *fileError
			var le *LimitError
			if err != nil && !errors.As(err, &fe) && !errors.As(err, &le) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			if err != nil {
				return
			}
			_ = cells
		}
	})
}

// must is b when err is nil, and panics otherwise (crafting a seed cannot fail).
func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func FuzzXLSX(f *testing.F) {
	var tpl bytes.Buffer
	if err := WriteSheets(&tpl, SheetOptions{Format: FormatXLSX, Sheet: SheetOrganisations, Template: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("not a workbook"))
	f.Add(tpl.Bytes()[:len(tpl.Bytes())/2])
	// Zip bombs in each part, as declared and behind a small declared size; too many parts.
	dense := hostile.Deflate(bytes.Repeat([]byte("<si><t>x</t></si>"), 100000))
	for _, part := range hostile.Parts {
		for _, crafted := range [][]byte{
			must(hostile.Declared(tpl.Bytes(), 1500<<20, 1500<<10, part)),
			must(hostile.Raw(tpl.Bytes(), part, dense, 2048, uint64(len(dense)))),
		} {
			f.Add(crafted)
		}
	}
	f.Add(must(hostile.ManyParts(tpl.Bytes(), maxXLSXEntries)))
	f.Fuzz(func(t *testing.T, data []byte) {
		book, err := openXLSXBytes(data)
		if err != nil {
			var fe *fileError
			var le *LimitError
			if !errors.As(err, &fe) && !errors.As(err, &le) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		defer book.close()
		for _, name := range book.sheets() {
			tab, err := book.table(name)
			if err != nil {
				continue
			}
			for i := 0; i < 10000; i++ {
				if _, _, err := tab.next(); err != nil {
					break
				}
			}
			tab.close()
		}
	})
}

func FuzzGeoJSON(f *testing.F) {
	poly := `{"type":"Polygon","coordinates":[[[7,51],[7.1,51],[7.1,51.1],[7,51]]]}`
	for _, s := range []string{
		`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"AGS":"05562004","GEN":"Marl"},"geometry":` + poly + `}]}`,
		`[{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"AGS":5562008},"geometry":` + poly + `}]}]`,
		`{"type":"Feature","properties":{"AGS":"05562004"},"geometry":{"type":"MultiPolygon","coordinates":[[[[7,51],[8,51],[8,52],[7,51]]]]}}`,
		`{"type":"Feature","properties":{"AGS":"05562004"},"geometry":{"type":"Polygon","coordinates":[[[371000,5720000]]]}}`,
		`{"type":"FeatureCollection","features":[`,
		`[[[[[]]]]]`,
		`{"features":"x"}`,
		`null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		im := &importer{ctx: context.Background(), opt: Options{MaxErrors: 10},
			rep:        &Report{Files: []FileReport{{File: "f.geojson", Format: FormatGeoJSON, Sheets: []SheetReport{{}}}}},
			regionKeys: map[string]bool{"05562": true}, regionNames: newNameIndex(),
			states: map[string]*regionState{}, seen: map[string]origin{}, extKeys: map[string]string{}}
		rs := &regionState{key: "05562", nodes: map[string]graph.Entity{}, stored: map[string]bool{}, out: map[string][]graph.Relation{},
			in: map[string][]graph.Relation{}, names: map[graph.Kind]*nameIndex{}}
		for _, ki := range graph.Kinds {
			rs.names[ki.Kind] = newNameIndex()
		}
		rs.addNode(&graph.Region{Meta: graph.Meta{ID: "05562", Visibility: graph.Public}, Name: "Kreis", Kind: "county"}, true)
		im.states["05562"] = rs
		g := &geoRun{im: im, parts: map[string]*geoParts{}, skipped: map[string]int{}}
		if err := g.read(bytes.NewReader(data)); err != nil {
			if err := geoError(err, g.n); err == nil {
				t.Fatal("an error was lost")
			}
			return
		}
		g.finish()
	})
}
