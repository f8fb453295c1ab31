package httpapi

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// raw sends a request with a raw body and returns status, headers and body.
func (f *fixture) raw(t *testing.T, method, path, token, contentType string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	return f.send(t, method, path, token, contentType, body)
}

const orgCSV = "Name;Kreis;Art;Gemeinden\nBegegnungszentrum Süd;09991;Verein;Musterstadt\n"

func TestImportRolesAndReport(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "member", false, map[string]graph.Role{"09991": graph.RoleMember})
	coord, member := f.login(t, "coord"), f.login(t, "member")

	if code, _, _ := f.raw(t, "POST", "/api/v1/import", "", "text/csv", []byte(orgCSV)); code != 401 {
		t.Fatalf("anonymous import: %d", code)
	}
	// A dry run reports and writes nothing.
	code, _, body := f.raw(t, "POST", "/api/v1/import?dry_run=true", coord, "text/csv", []byte(orgCSV))
	var rep struct {
		OK, Written, DryRun bool
		Created             int
		Relations           struct{ Added int }
	}
	if err := json.Unmarshal(body, &rep); code != 200 || err != nil || !rep.OK || rep.Written || rep.Created != 1 || rep.Relations.Added != 1 {
		t.Fatalf("dry run: %d %s", code, body)
	}
	if _, _, v := f.get(t, "/api/v1/organisations?region=09991"); v["total"].(float64) != 1 {
		t.Fatalf("the dry run wrote: %v", v)
	}
	// The real run writes; running it again changes nothing.
	code, _, body = f.raw(t, "POST", "/api/v1/import", coord, "text/csv", []byte(orgCSV))
	if err := json.Unmarshal(body, &rep); code != 200 || err != nil || !rep.OK || !rep.Written || rep.Created != 1 {
		t.Fatalf("import: %d %s", code, body)
	}
	code, _, body = f.raw(t, "POST", "/api/v1/import", coord, "text/csv", []byte(orgCSV))
	if err := json.Unmarshal(body, &rep); code != 200 || err != nil || rep.Written || rep.Created != 0 {
		t.Fatalf("import again: %d %s", code, body)
	}
	// A member may not import into the region; a coordinator not into another region.
	code, _, body = f.raw(t, "POST", "/api/v1/import", member, "text/csv", []byte(strings.Replace(orgCSV, "Süd", "Nord", 1)))
	if code != 403 || !strings.Contains(string(body), `"code":"forbidden"`) {
		t.Fatalf("member import: %d %s", code, body)
	}
	// A region the coordinator may not read is, for the import, not there (no existence leak).
	code, _, body = f.raw(t, "POST", "/api/v1/import", coord, "text/csv", []byte("Name;Kreis;Art\nVerein X;09992;Verein\n"))
	if code != 400 || !strings.Contains(string(body), "die Region 09992 gibt es nicht") {
		t.Fatalf("import into a hidden region: %d %s", code, body)
	}
	// Rows with errors: 400, every error named by row and column, nothing written.
	bad := "Name;Kreis;Art;Gemeinden\nGut e.V.;09991;Verein;Musterstadt\n;09991;Verein;\nSchlecht e.V.;09991;Klub;Musterstat\n"
	code, _, body = f.raw(t, "POST", "/api/v1/import", coord, "text/csv", []byte(bad))
	var p ImportProblem
	if err := json.Unmarshal(body, &p); code != 400 || err != nil || len(p.Errors) != 3 || p.Report == nil || p.Report.Written {
		t.Fatalf("bad rows: %d %s", code, body)
	}
	fields := []string{}
	for _, e := range p.Errors {
		fields = append(fields, e.Field)
	}
	if got := strings.Join(fields, " | "); got != "upload, row 3, Name | upload, row 4, Art | upload, row 4, Gemeinden" {
		t.Fatalf("error fields: %s", got)
	}
	if s := p.Report.Errors[2].Suggestions; len(s) == 0 || s[0] != "Musterstadt" {
		t.Fatalf("suggestions for Musterstat: %v", s)
	}
	// The problems are German unless English is preferred: no English sentence in them.
	if p.Detail != "3 Probleme beim Import; es wurde nichts geschrieben" {
		t.Errorf("detail %q", p.Detail)
	}
	for i, e := range p.Report.Errors {
		for _, english := range []string{"is required", "is not", "allowed", "called", " the ", "region"} {
			if strings.Contains(e.Message, english) || strings.Contains(p.Errors[i].Message, english) {
				t.Errorf("a German request gets an English problem: %q", e.Message)
			}
		}
	}
	if !strings.Contains(p.Report.Errors[2].Message, `kein Eintrag der Art Kommune in der Region 09991 heißt "Musterstat"`) {
		t.Errorf("unknown municipality: %q", p.Report.Errors[2].Message)
	}
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/import", strings.NewReader(bad))
	req.Header.Set("Content-Type", "text/csv")
	req.Header.Set("Authorization", "Bearer "+coord)
	req.Header.Set("Accept-Language", "en")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		var en ImportProblem
		_ = json.NewDecoder(resp.Body).Decode(&en)
		resp.Body.Close()
		if en.Detail != "3 problems in the import; nothing was written" || len(en.Errors) != 3 || en.Errors[0].Message != "is required" {
			t.Errorf("English: %q %v", en.Detail, en.Errors)
		}
	}
	// Multipart with a file name; wrong content types and unreadable files are named.
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	fw, _ := mw.CreateFormFile("file", "organisationen.csv")
	fw.Write([]byte(orgCSV))
	mw.Close()
	if code, _, body := f.raw(t, "POST", "/api/v1/import?dry_run=true", coord, mw.FormDataContentType(), mp.Bytes()); code != 200 || !strings.Contains(string(body), "organisationen.csv") {
		t.Fatalf("multipart: %d %s", code, body)
	}
	if code, _, _ := f.raw(t, "POST", "/api/v1/import", coord, "image/png", []byte("x")); code != 415 {
		t.Fatalf("png: %d", code)
	}
	code, _, body = f.raw(t, "POST", "/api/v1/import", coord, "text/csv", []byte("Name;Kreis;Art\n\"offen;09991;Verein\n"))
	if code != 400 || !strings.Contains(string(body), "upload") {
		t.Fatalf("malformed CSV: %d %s", code, body)
	}
	if code, _, _ := f.raw(t, "POST", "/api/v1/import?dry_run=vielleicht", coord, "text/csv", []byte(orgCSV)); code != 400 {
		t.Fatalf("bad dry_run: %d", code)
	}
}

// TestExportAccess: anonymous callers get the public part, without contact data; a
// coordinator the internal entries and contact data of the region.
func TestExportAccess(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	coord := f.login(t, "coord")
	code, h, body := f.raw(t, "GET", "/api/v1/export?format=json", "", "", nil)
	if code != 200 || !strings.Contains(h.Get("Content-Disposition"), "netzwerkatlas-alle-") {
		t.Fatalf("anonymous export: %d %v", code, h)
	}
	s := string(body)
	if !strings.Contains(s, f.org) || strings.Contains(s, f.hidden) || strings.Contains(s, f.secret) || strings.Contains(s, "erika@example.org") || !strings.Contains(s, "Erika Mustermann") {
		t.Fatalf("anonymous export shows too much or too little:\n%s", s)
	}
	_, _, body = f.raw(t, "GET", "/api/v1/export?format=json&region=09991", coord, "", nil)
	if s := string(body); !strings.Contains(s, f.hidden) || !strings.Contains(s, "erika@example.org") || strings.Contains(s, f.secret) {
		t.Fatalf("coordinator export:\n%s", s)
	}
	for _, format := range []string{"csv", "xlsx", "hsds", "graphml", "geojson"} {
		code, h, body := f.raw(t, "GET", "/api/v1/export?format="+format+"&region=09991", coord, "", nil)
		if code != 200 || len(body) == 0 {
			t.Fatalf("export %s: %d %s", format, code, body)
		}
		if format == "hsds" && strings.Contains(string(body), "erika@example.org") {
			t.Fatal("HSDS carries personal data")
		}
		_ = h
	}
	if code, _, _ := f.raw(t, "GET", "/api/v1/export?format=json&region=09992", "", "", nil); code != 404 {
		t.Fatalf("internal region: %d", code)
	}
	if code, _, _ := f.raw(t, "GET", "/api/v1/export?format=pdf", "", "", nil); code != 400 {
		t.Fatalf("unknown format: %d", code)
	}
	if code, h, body := f.raw(t, "GET", "/api/v1/import/template?format=csv&sheet=measures&region=09991", "", "", nil); code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(string(body), "Musterstadt") {
		t.Fatalf("template: %d %v %s", code, h, body)
	}
	if code, _, body := f.raw(t, "GET", "/api/v1/import/template", "", "", nil); code != 200 || !bytes.HasPrefix(body, []byte("PK")) {
		t.Fatalf("xlsx template: %d", code)
	}
}
