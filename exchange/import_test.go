package exchange_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func file(t testing.TB, name string, data []byte) exchange.Input {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return exchange.Input{Name: name, Path: p}
}

// TestDryRunPlantedErrors: a workbook with one planted error per kind of mistake is reported
// error by error, each at its row and column with the value, and nothing is written — in a
// dry run and in a real run.
func TestDryRunPlantedErrors(t *testing.T) {
	s, src := demoStore(t)
	rev, _ := s.Revision(ctx)
	// The demo's measures sheet of Kreis Recklinghausen, with errors planted in some rows.
	var buf bytes.Buffer
	region := &graph.Snapshot{Region: "05562"}
	for _, e := range src.Nodes() {
		if e.RegionKey() == "05562" || e.RegionKey() == "" || e.Base().ID == "05562" {
			region.Add(e)
		}
	}
	region.Relations = src.Relations
	if err := exchange.WriteSheets(&buf, exchange.SheetOptions{Format: exchange.FormatCSV, Sheet: exchange.SheetMeasures, Template: true, Data: region, Fill: true}); err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
	cr.Comma = ';'
	lines, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	lines = append([][]string{nil}, lines...) // lines[n] is row n
	col := func(name string) int {
		for i, h := range lines[1] {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	type plant struct {
		line   int // index into lines (line 1 is the header, 2 the explanation)
		column string
		value  string
		code   string
		want   string // part of the message
	}
	plants := []plant{
		{3, "Status", "läuft", exchange.CodeInvalid, "not allowed"},
		{5, "Gemeinden", "Marll", exchange.CodeUnknownName, "no municipality"},
		{8, "Zielgruppen", "Schutzsuchendee", exchange.CodeUnknownName, "no target group"},
		{10, "Beginn", "31.02.2025", exchange.CodeInvalid, "not a date"},
		{13, "Titel", "", exchange.CodeInvalid, "required"},
		{15, "Handlungsfelder", "Wohnen und Leben", exchange.CodeUnknownName, "no field of action"},
		{20, "Teilnahmegebühr", "zwölf Euro", exchange.CodeInvalid, "not a number"},
		{22, "Website", "www.ohne-schema.example", exchange.CodeInvalid, "http or https"},
		{25, "Sprachen", "deutsch", exchange.CodeInvalid, "ISO 639"},
		{27, "Träger", "Caritasverband fuer den Kreis Recklinghausen e.V.x", exchange.CodeUnknownName, "no organisation"},
	}
	for _, p := range plants {
		lines[p.line][col(p.column)] = p.value
	}
	var out bytes.Buffer
	cw := csv.NewWriter(&out)
	cw.Comma = ';'
	if err := cw.WriteAll(lines[1:]); err != nil {
		t.Fatal(err)
	}
	in := file(t, "massnahmen.csv", out.Bytes())
	for _, dry := range []bool{true, false} {
		rep, err := exchange.Import(ctx, s, []exchange.Input{in}, exchange.Options{DryRun: dry})
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK || rep.Written || rep.ErrorCount != len(plants) {
			t.Errorf("dry run %v: ok %v written %v, %d errors, want %d: %+v", dry, rep.OK, rep.Written, rep.ErrorCount, len(plants), rep.Errors)
		}
		for i, p := range plants {
			if i >= len(rep.Errors) {
				break
			}
			e := rep.Errors[i]
			if e.Row != p.line || e.Column != p.column || e.Value != p.value || e.Code != p.code || !strings.Contains(e.Message, p.want) || e.File != "massnahmen.csv" {
				t.Errorf("error %d: %+v, want row %d column %s value %q code %s message with %q", i, e, p.line, p.column, p.value, p.code, p.want)
			}
		}
		if got, _ := s.Revision(ctx); got != rev {
			t.Fatalf("the import wrote (revision %d → %d)", rev, got)
		}
		if dry {
			for _, e := range rep.Errors {
				if e.Code == exchange.CodeUnknownName && len(e.Suggestions) == 0 {
					t.Errorf("no suggestions for %+v", e)
				}
			}
			t.Logf("first error: %+v", rep.Errors[1])
		}
	}
}

// TestNamesMatchFolded: names of fields, target groups and municipalities match whatever the
// case and umlaut spelling; an unknown one lists the closest known names.
func TestNamesMatchFolded(t *testing.T) {
	s, _ := demoStore(t)
	csv := "Titel;Status;Ebene;Handlungsfelder;Zielgruppen;Gemeinden\n" +
		"Sprachkurs;AKTIV;Operativ;bildung UND sprache;SCHUTZSUCHENDE;\"Datteln; herten; OER-ERKENSCHWICK\"\n" +
		"Lerncafé;aktiv;operativ;Bildung und Sprache;Schutzsuchende;Recklinghausn\n"
	rep, err := exchange.Import(ctx, s, []exchange.Input{file(t, "m.csv", []byte(csv))}, exchange.Options{Region: "05562", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.ErrorCount != 1 || rep.Errors[0].Row != 3 || rep.Errors[0].Column != "Gemeinden" || len(rep.Errors[0].Suggestions) == 0 || rep.Errors[0].Suggestions[0] != "Recklinghausen" {
		t.Fatalf("%+v", rep.Errors)
	}
}

// TestEncodingsAndDelimiters: the same rows as UTF-8 with BOM and ;, as Windows-1252 with ,
// and as tab-separated UTF-8 import alike.
func TestEncodingsAndDelimiters(t *testing.T) {
	s, _ := demoStore(t)
	rows := [][]string{{"Name", "Kreis", "Art", "Gemeinden", "Beschreibung"},
		{"Türkischer Elternverein Süd e.V.", "05562", "Migrantenorganisation", "Marl; Dorsten", "Beratung für Eltern, Großeltern und Schüler"}}
	join := func(sep string) string {
		var b strings.Builder
		for _, r := range rows {
			cells := make([]string, len(r))
			for i, c := range r {
				if strings.Contains(c, sep) || strings.Contains(c, ";") {
					c = `"` + c + `"`
				}
				cells[i] = c
			}
			b.WriteString(strings.Join(cells, sep) + "\r\n")
		}
		return b.String()
	}
	cp1252, err := charmap.Windows1252.NewEncoder().String(join(","))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, data, enc, delim string
	}{
		{"utf8-semicolon.csv", "\ufeff" + join(";"), "UTF-8", ";"},
		{"cp1252-comma.csv", cp1252, "Windows-1252", ","},
		{"utf8-tab.csv", join("\t"), "UTF-8", "\t"},
	} {
		rep, err := exchange.Import(ctx, s, []exchange.Input{file(t, c.name, []byte(c.data))}, exchange.Options{DryRun: true})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		f := rep.Files[0]
		if !rep.OK || rep.Created != 1 || rep.Relations.Added != 2 || f.Encoding != c.enc || f.Delimiter != c.delim {
			t.Fatalf("%s: %+v %+v", c.name, rep, f)
		}
	}
	// The name read from Windows-1252 is the same name: importing both gives one entry.
	both := []exchange.Input{file(t, "a.csv", []byte(join(";"))), file(t, "b.csv", []byte(cp1252))}
	rep, err := exchange.Import(ctx, s, both, exchange.Options{DryRun: true})
	if err != nil || rep.ErrorCount != 1 || rep.Errors[0].Code != exchange.CodeDuplicateRow {
		t.Fatalf("the same row from two encodings: %v %+v", err, rep)
	}
}

// TestMalformedFiles: files that cannot be read give an error naming the file and, where
// known, the row.
func TestMalformedFiles(t *testing.T) {
	s := openStore(t)
	for _, c := range []struct{ name, data, want string }{
		{"kaputt.csv", "Name;Kreis;Art\n\"Verein;05562;Verein\n", "kaputt.csv"},
		{"fremd.csv", "Farbe;Größe\nrot;3\n", "match none of the sheets"},
		{"kaputt.xlsx", "PK\x03\x04 nicht wirklich", "XLSX"},
		{"kaputt.json", `{"format":"netzwerkatlas","regions":[{"id":`, "JSON"},
		{"fremd.json", `{"format":"anders"}`, "format"},
		{"kaputt.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature"`, "GeoJSON"},
		{"punkte.geojson", `{"type":"Point","coordinates":[7,51]}`, "FeatureCollection"},
	} {
		_, err := exchange.Import(ctx, s, []exchange.Input{file(t, c.name, []byte(c.data))}, exchange.Options{DryRun: true})
		f, _, msg, ok := exchange.IsFileError(err)
		if !ok || f != c.name || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v (file %q, %q), want a file error with %q", c.name, err, f, msg, c.want)
		}
	}
}

// TestGeoJSONBoundaries imports VG250-like features: the land parts of one AGS are merged,
// water areas and features of other regions skipped, projected coordinates refused.
func TestGeoJSONBoundaries(t *testing.T) {
	s, _ := demoStore(t)
	sq := func(x, y float64) string {
		return fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}`, x, y, x+0.1, y, x+0.1, y+0.1, x, y+0.1, x, y)
	}
	doc := `[{"type":"FeatureCollection","features":[
	 {"type":"Feature","properties":{"AGS":"05562004","GEN":"Marl","GF":4},"geometry":` + sq(7.0, 51.6) + `},
	 {"type":"Feature","properties":{"AGS":"05562004","GEN":"Marl","GF":4},"geometry":` + sq(7.2, 51.6) + `},
	 {"type":"Feature","properties":{"AGS":"05562004","GEN":"Marl","GF":2},"geometry":` + sq(7.4, 51.6) + `}]},
	 {"type":"Feature","properties":{"AGS":"09162000","GEN":"München"},"geometry":` + sq(11.5, 48.1) + `}]`
	rep, err := exchange.Import(ctx, s, []exchange.Input{file(t, "vg250.geojson", []byte(doc))}, exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Updated != 1 || rep.Skipped != 2 || len(rep.Warnings) != 2 {
		t.Fatalf("%+v", rep)
	}
	m, err := graph.GetAs[*graph.Municipality](ctx, s, "05562004")
	if err != nil || !strings.Contains(string(m.Geometry), "MultiPolygon") || m.Population == 0 {
		t.Fatalf("Marl: %v %.80s", err, m.Geometry)
	}
	utm := `{"type":"Feature","properties":{"AGS":"05562004"},"geometry":{"type":"Polygon","coordinates":[[[371000,5720000],[372000,5720000],[372000,5721000],[371000,5720000]]]}}`
	rep, err = exchange.Import(ctx, s, []exchange.Input{file(t, "utm.geojson", []byte(utm))}, exchange.Options{DryRun: true})
	if err != nil || rep.OK || !strings.Contains(rep.Errors[0].Message, "EPSG:4326") {
		t.Fatalf("projected coordinates: %v %+v", err, rep)
	}
}

// TestFileNameNamesTheSheet: a CSV named like a sheet whose columns do not all fit is read as
// that sheet, and the unknown column is named with the closest known ones.
func TestFileNameNamesTheSheet(t *testing.T) {
	s, _ := demoStore(t)
	rep, err := exchange.Import(ctx, s, []exchange.Input{file(t, "organisationen.csv", []byte("Name;Kreis;Art;Webseite\nVerein;05562;Verein;https://x.example\n"))}, exchange.Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.ErrorCount != 1 || rep.Errors[0].Code != exchange.CodeUnknownColumn || rep.Errors[0].Row != 1 || len(rep.Errors[0].Suggestions) == 0 || rep.Errors[0].Suggestions[0] != "Website" {
		t.Fatalf("%+v", rep.Errors)
	}
}
