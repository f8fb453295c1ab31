package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/internal/hostile"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// send sends a request with a raw body and extra headers (name, value, …); it returns status,
// headers and body, and checks the answer against the OpenAPI document.
func (f *fixture) send(t *testing.T, method, path, token, contentType string, body []byte, hdr ...string) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, f.srv.URL+path, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	checkResponse(t, req, resp, out)
	return resp.StatusCode, resp.Header, out
}

// hostileInput is a crafted request body and the status it must get.
type hostileInput struct {
	name, contentType string
	body              []byte
	status            int
	// names is what the problem's first field must contain (a file, a part, a row, a header).
	names string
	// once: sent by the coordinator only (large bodies, to keep the suite fast).
	once bool
}

// hostileImports are the crafted imports: zip bombs in each part of a workbook (as declared,
// and behind a small declared size), too many parts, huge cells, 10,000 columns, a line of
// 64 MiB, too many files, deeply nested JSON, NUL bytes and invalid UTF-8.
func hostileImports(t *testing.T) []hostileInput {
	var tpl bytes.Buffer
	if err := exchange.WriteSheets(&tpl, exchange.SheetOptions{Format: exchange.FormatXLSX, Template: true}); err != nil {
		t.Fatal(err)
	}
	base := tpl.Bytes()
	must := func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// 2 MiB packed to a few KiB, declared as 2 KiB.
	dense := hostile.Deflate(bytes.Repeat([]byte("<si><t>x</t></si>"), (2<<20)/17))
	var in []hostileInput
	for _, part := range hostile.Parts {
		in = append(in,
			hostileInput{"bomb in " + part, xlsxType, must(hostile.Declared(base, 1500<<20, 1500<<10, part)), 413, part, false},
			hostileInput{"bomb behind a small size in " + part, xlsxType, must(hostile.Raw(base, part, dense, 2048, uint64(len(dense)))), 413, part, false})
	}
	wide := excelize.NewFile()
	sw, _ := wide.NewStreamWriter("Sheet1")
	cells := make([]any, 10000)
	for i := range cells {
		cells[i] = "a"
	}
	if err := sw.SetRow("A1", cells); err != nil {
		t.Fatal(err)
	}
	_ = sw.Flush()
	var wideBook bytes.Buffer
	_ = wide.Write(&wideBook)
	var files bytes.Buffer
	mw := multipart.NewWriter(&files)
	for i := range maxImportFiles + 1 {
		fw, _ := mw.CreateFormFile("file", fmt.Sprintf("o%d.csv", i))
		_, _ = io.WriteString(fw, orgCSV)
	}
	_ = mw.Close()
	return append(in,
		hostileInput{"1,001 parts", xlsxType, must(hostile.ManyParts(base, 1001)), 413, "upload", false},
		hostileInput{"10,000 columns in a workbook", xlsxType, wideBook.Bytes(), 413, "row 1, column 1001", false},
		hostileInput{"10,000 columns in CSV", "text/csv", hostile.CSVColumns(10000, 3), 413, "row 2, column 1001", false},
		hostileInput{"cell of 200 KiB", "text/csv", hostile.CSVHugeCell(200 << 10), 413, "row 2, column 1", false},
		hostileInput{"line of 64 MiB", "text/csv", hostile.CSVLongLine(64 << 20), 413, "row 1", true},
		hostileInput{"51 files", mw.FormDataContentType(), files.Bytes(), 413, "body", false},
		hostileInput{"JSON nested 100,000 deep", "application/json", hostile.NestedJSON(100000, false), 400, "upload", false},
		hostileInput{"NUL bytes", "text/csv", []byte("Name;Kreis;Art\nNull\x00Verein;09991;Verein\n"), 400, "Name", false},
	)
}

// TestHostileImports: every crafted import is refused with its status (413 for a bound, 400
// for what is malformed; never 5xx), a problem that names the place, for a viewer's dry run
// as for a coordinator's import — and the store's revision does not move.
func TestHostileImports(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "viewer", false, map[string]graph.Role{"09991": graph.RoleViewer})
	coord, viewer := f.login(t, "coord"), f.login(t, "viewer")
	ctx := context.Background()
	rev, _ := f.store.Revision(ctx)
	for _, c := range hostileImports(t) {
		t.Run(c.name, func(t *testing.T) {
			for _, run := range []struct{ who, token, query string }{
				{"viewer's dry run", viewer, "?dry_run=true"}, {"coordinator's import", coord, ""},
			} {
				if c.status == 400 && run.token == viewer || c.once && run.token == viewer {
					continue // a dry run reports rows with errors (200), a viewer's import is refused (403)
				}
				code, h, body := f.send(t, "POST", "/api/v1/import"+run.query, run.token, c.contentType, c.body)
				if code == 202 {
					// A file from 1 MiB runs as a job: the bound ends the job with the same problem.
					v := f.awaitJob(t, run.token, h.Get("Location"))
					if v.State != graph.JobFailed {
						t.Errorf("%s, %s: the job ended %s, want failed", c.name, run.who, v.State)
					}
					code, body = v.Status, v.Problem
				}
				if run.token == viewer && code == 403 {
					continue // refused by role before the body is read: as good as the bound
				}
				var p struct {
					Type   string
					Status int
					Errors []graph.FieldError
				}
				_ = json.Unmarshal(body, &p)
				if code != c.status || p.Status != c.status || len(p.Errors) == 0 || !strings.Contains(p.Errors[0].Field+" "+p.Errors[0].Message, c.names) {
					t.Errorf("%s, %s: %d, want %d naming %q: %.300s", c.name, run.who, code, c.status, c.names, body)
				}
				if code == 413 && (p.Type != problemType("too_large") && p.Type != problemType("invalid")) {
					t.Errorf("%s: problem type %s", c.name, p.Type)
				}
			}
		})
	}
	// Invalid UTF-8 is read as Windows-1252 and reported (a dry run: nothing written).
	if code, _, body := f.send(t, "POST", "/api/v1/import?dry_run=true", coord, "text/csv", []byte("Name;Kreis;Art\n\x81\x8d\x8f\x90\x9d;09991;Verein\n")); code != 200 {
		t.Errorf("invalid UTF-8: %d %s", code, body)
	}
	if now, _ := f.store.Revision(ctx); now != rev {
		t.Fatalf("the store's revision went from %d to %d", rev, now)
	}
}

// TestImportLimitInBothLanguages: a bound's refusal is German by default and English on
// request, from the catalogue.
func TestImportLimitInBothLanguages(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	coord := f.login(t, "coord")
	body := hostile.CSVHugeCell(200 << 10)
	for lang, want := range map[string]string{
		"":   "upload, row 2, column 1: die Zelle enthält 200 KiB, mehr als die 128 KiB, die eine Zelle enthalten darf",
		"en": "upload, row 2, column 1: the cell holds 200 KiB, more than the 128 KiB a cell may hold",
	} {
		code, _, out := f.send(t, "POST", "/api/v1/import", coord, "text/csv", body, "Accept-Language", lang)
		var p problem
		if err := json.Unmarshal(out, &p); err != nil || code != 413 || p.Detail != want {
			t.Errorf("Accept-Language %q: %d %q, want %q", lang, code, p.Detail, want)
		}
	}
}

// TestHostileJSONBodies: deeply nested JSON on the routes that take JSON is refused quickly
// with 400 naming the body, a body over the limit with 413, and a content-encoded body with
// 415 naming the header; nothing is written.
func TestHostileJSONBodies(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "admin", true, nil)
	admin := f.login(t, "admin")
	ctx := context.Background()
	rev, _ := f.store.Revision(ctx)
	routes := []struct{ method, path string }{
		{"POST", "/api/v1/organisations"},
		{"PATCH", "/api/v1/organisations/" + f.org},
		{"POST", "/api/v1/changes"},
		{"POST", "/api/v1/relations"},
		{"POST", "/api/v1/auth/login"},
		{"POST", "/api/v1/analysis/duplicates/verdicts"},
		{"POST", "/api/v1/snapshots"},
		{"POST", "/api/v1/merges"},
		{"POST", "/api/v1/users"},
	}
	deep := map[string][]byte{
		"arrays 65 deep":       hostile.NestedJSON(maxJSONDepth+1, false),
		"objects 65 deep":      hostile.NestedJSON(maxJSONDepth+1, true),
		"arrays 400,000 deep":  hostile.NestedJSON(400000, false),
		"objects 100,000 deep": hostile.NestedJSON(100000, true),
		"in a field, 100 deep": []byte(`{"name":"x","region":"09991","address":` + string(hostile.NestedJSON(100, true)) + `}`),
	}
	for _, rt := range routes {
		for name, body := range deep {
			code, _, out := f.send(t, rt.method, rt.path, admin, "application/json", body, "If-Match", `"1"`)
			var p problem
			_ = json.Unmarshal(out, &p)
			if code != 400 || len(p.Errors) != 1 || p.Errors[0].Field != "body" {
				t.Errorf("%s %s, %s: %d %.200s", rt.method, rt.path, name, code, out)
			}
		}
		code, _, out := f.send(t, rt.method, rt.path, admin, "application/json", hostile.NestedJSON(maxBody, false), "If-Match", `"1"`)
		if code != 413 {
			t.Errorf("%s %s, 2 MiB: %d %.200s", rt.method, rt.path, code, out)
		}
		code, h, out := f.send(t, rt.method, rt.path, admin, "application/json", hostile.Deflate([]byte(`{"name":"x"}`)), "Content-Encoding", "gzip", "If-Match", `"1"`)
		var p problem
		_ = json.Unmarshal(out, &p)
		if code != 415 || h.Get("Accept-Encoding") != "identity" || len(p.Errors) != 1 || p.Errors[0].Field != "Content-Encoding" {
			t.Errorf("%s %s, gzip: %d %v %.200s", rt.method, rt.path, code, h, out)
		}
	}
	if code, _, out := f.send(t, "POST", "/api/v1/import", admin, "text/csv", hostile.Deflate([]byte(orgCSV)), "Content-Encoding", "gzip"); code != 415 {
		t.Errorf("gzipped import: %d %s", code, out)
	}
	if now, _ := f.store.Revision(ctx); now != rev {
		t.Fatalf("the store's revision went from %d to %d", rev, now)
	}
}

func TestTooDeep(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{`[[[]]]`, -1},
		{`[[[[]]]]`, 3},
		{`{"a":"[[[[[[","b":[1]}`, -1},
		{`{"a":"\"[[[[[[","b":[[[1]]]}`, 22},
		{`"\\"[[[[`, 7},
	} {
		if got := tooDeep([]byte(c.in), 3); got != c.want {
			t.Errorf("tooDeep(%s, 3) = %d, want %d", c.in, got, c.want)
		}
	}
}
