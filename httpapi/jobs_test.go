package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// awaitJob polls a job until it ends and returns its last view.
func (f *fixture) awaitJob(t *testing.T, token, location string) jobView {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, _, body := f.raw(t, "GET", location, token, "", nil)
		var v jobView
		if err := json.Unmarshal(body, &v); code != 200 || err != nil {
			t.Fatalf("GET %s: %d %s", location, code, body)
		}
		if v.State.Final() {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s still %s after 30 s", v.ID, v.State)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startJob posts an import with async=true and returns the job's address.
func (f *fixture) startJob(t *testing.T, token, query, csv string) string {
	t.Helper()
	code, h, body := f.raw(t, "POST", "/api/v1/import?async=true"+query, token, "text/csv", []byte(csv))
	if code != 202 || !strings.HasPrefix(h.Get("Location"), "/api/v1/import/jobs/job_") {
		t.Fatalf("POST import as a job: %d %v %s", code, h, body)
	}
	var v jobView
	if err := json.Unmarshal(body, &v); err != nil || (v.State != graph.JobQueued && v.State != graph.JobRunning) || v.Progress.BytesTotal != int64(len(csv)) {
		t.Fatalf("202 body: %s", body)
	}
	return h.Get("Location")
}

// TestImportJob: an import run as a job answers 202 with its address, reports its progress
// and ends with the report the import would have answered at once; a dry run and a file
// with wrong rows write nothing; only the owner and admins see the job.
func TestImportJob(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "other", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "admin", true, nil)
	coord, other, admin := f.login(t, "coord"), f.login(t, "other"), f.login(t, "admin")
	ctx := context.Background()
	rev0, _ := f.store.Revision(ctx)

	// A dry run as a job: the report, nothing written.
	loc := f.startJob(t, coord, "&dry_run=true", orgCSV)
	v := f.awaitJob(t, coord, loc)
	var rep struct {
		OK, Written   bool
		DryRun        bool `json:"dry_run"`
		Rows, Created int
	}
	if err := json.Unmarshal(v.Report, &rep); v.State != graph.JobSucceeded || v.Status != 200 || err != nil || !rep.OK || !rep.DryRun || rep.Written || rep.Created != 1 {
		t.Fatalf("dry-run job: %+v %s", v, v.Report)
	}
	if v.Progress.Phase != "done" || v.Progress.RowsRead != 1 || v.Progress.RowsValid != 1 || v.Progress.RowsWritten != 0 || v.Progress.BytesRead != v.Progress.BytesTotal || v.FinishedAt == nil {
		t.Errorf("dry-run progress: %+v", v.Progress)
	}
	if rev, _ := f.store.Revision(ctx); rev != rev0 {
		t.Fatalf("a dry-run job changed the revision %d → %d", rev0, rev)
	}
	// Another user does not see it (not found, like an unknown id); an admin does.
	if code, _, _ := f.raw(t, "GET", loc, other, "", nil); code != 404 {
		t.Errorf("another user's view of the job: %d", code)
	}
	if code, _, _ := f.raw(t, "POST", loc+"/cancel", other, "", nil); code != 404 {
		t.Errorf("another user's cancel: %d", code)
	}
	if code, _, _ := f.raw(t, "GET", loc, admin, "", nil); code != 200 {
		t.Errorf("admin's view of the job: %d", code)
	}
	if code, _, _ := f.raw(t, "GET", loc, "", "", nil); code != 401 {
		t.Errorf("anonymous view of the job: %d", code)
	}
	// Cancelling a job that ended is a conflict.
	if code, _, body := f.raw(t, "POST", loc+"/cancel", coord, "", nil); code != 409 {
		t.Errorf("cancel after the end: %d %s", code, body)
	}

	// The real run writes, and says so in rows_written.
	v = f.awaitJob(t, coord, f.startJob(t, coord, "", orgCSV))
	if err := json.Unmarshal(v.Report, &rep); v.State != graph.JobSucceeded || v.Status != 200 || err != nil || !rep.Written || rep.Created != 1 || v.Progress.RowsWritten != 1 {
		t.Fatalf("import job: %+v %s", v, v.Report)
	}
	if _, _, l := f.get(t, "/api/v1/organisations?region=09991"); l["total"] != 2.0 {
		t.Fatalf("the job did not write the organisation: %v", l)
	}

	// Wrong rows: the job succeeds with the report and the status 400; nothing written.
	rev1, _ := f.store.Revision(ctx)
	bad := "Name;Kreis;Art;Gemeinden\nGut e.V.;09991;Verein;Musterstadt\nSchlecht e.V.;09991;Klub;Musterstat\n"
	v = f.awaitJob(t, coord, f.startJob(t, coord, "", bad))
	var badRep struct {
		OK, Written bool
		ErrorCount  int `json:"error_count"`
		Errors      []struct{ Message string }
	}
	if err := json.Unmarshal(v.Report, &badRep); v.State != graph.JobSucceeded || v.Status != 400 || err != nil || badRep.OK || badRep.Written || badRep.ErrorCount != 2 {
		t.Fatalf("job with wrong rows: %+v %s", v, v.Report)
	}
	if !strings.Contains(string(v.Problem), "2 Probleme beim Import; es wurde nichts geschrieben") || strings.Contains(string(v.Problem), `"report"`) {
		t.Errorf("the job's problem: %s", v.Problem)
	}
	if v.Progress.RowsRead != 2 || v.Progress.RowsValid != 1 || v.Progress.RowsWritten != 0 {
		t.Errorf("progress of the job with wrong rows: %+v", v.Progress)
	}
	if rev, _ := f.store.Revision(ctx); rev != rev1 {
		t.Fatalf("a job with wrong rows wrote: revision %d → %d", rev1, rev)
	}
	// The report is in the reader's language.
	if !strings.Contains(badRep.Errors[0].Message, "Klub") || strings.Contains(badRep.Errors[1].Message, "called") {
		t.Errorf("German report: %+v", badRep.Errors)
	}
	code, _, body := f.rawLang(t, "GET", "/api/v1/import/jobs/"+v.ID, coord, "en")
	if code != 200 || !strings.Contains(string(body), "called") {
		t.Errorf("English report: %d %s", code, body)
	}

	// An unreadable file: the job fails with the problem naming the file; nothing written.
	v = f.awaitJob(t, coord, f.startJob(t, coord, "", "Name;Kreis;Art\n\"offen;09991;Verein\n"))
	if v.State != graph.JobFailed || v.Status != 400 || !strings.Contains(string(v.Problem), "upload") {
		t.Fatalf("job with a malformed file: %+v %s", v, v.Problem)
	}
	if code, _, _ := f.raw(t, "GET", "/api/v1/import/jobs/job_nichtda", coord, "", nil); code != 404 {
		t.Errorf("unknown job: %d", code)
	}
}

// rawLang sends a request without a body in the language asked for.
func (f *fixture) rawLang(t *testing.T, method, path, token, lang string) (int, http.Header, []byte) {
	t.Helper()
	return f.send(t, method, path, token, "", nil, "Accept-Language", lang)
}

// TestImportJobCancelAcrossInstances: two instances serve one store. A job started on the
// first, waiting for its turn, is seen and cancelled through the second; it ends cancelled
// and the store's revision is unchanged.
func TestImportJobCancelAcrossInstances(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	coord := f.login(t, "coord")
	second := New(Config{Store: f.store, Log: zerolog.New(io.Discard), Version: "test"})
	t.Cleanup(func() { second.Close(10 * time.Second) })
	srv2 := httptest.NewServer(second.Handler())
	t.Cleanup(srv2.Close)
	rev0, _ := f.store.Revision(context.Background())

	// The first instance's one slot is taken, so the job waits.
	f.api.jobs.slots <- struct{}{}
	loc := f.startJob(t, coord, "", orgCSV)
	req, _ := http.NewRequest("POST", srv2.URL+loc+"/cancel", nil)
	req.Header.Set("Authorization", "Bearer "+coord)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	checkResponse(t, req, resp, body)
	if resp.StatusCode != 202 || !strings.Contains(string(body), `"cancel_requested":true`) {
		t.Fatalf("cancel through the second instance: %d %s", resp.StatusCode, body)
	}
	v := f.awaitJob(t, coord, loc)
	<-f.api.jobs.slots
	if v.State != graph.JobCancelled || v.Report != nil {
		t.Fatalf("cancelled job: %+v", v)
	}
	if rev, _ := f.store.Revision(context.Background()); rev != rev0 {
		t.Fatalf("a cancelled job changed the revision %d → %d", rev0, rev)
	}
}

// blockingStore holds every Apply until its context ends, like a long write.
type blockingStore struct {
	graph.Store
	entered chan struct{}
}

func (b blockingStore) Apply(ctx context.Context, batch *graph.Batch) (graph.BatchResult, error) {
	b.entered <- struct{}{}
	<-ctx.Done()
	return graph.BatchResult{}, ctx.Err()
}

// TestImportJobCancelWhileRunning: a job cancelled while it writes stops; nothing is written.
func TestImportJobCancelWhileRunning(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	coord := f.login(t, "coord")
	bs := blockingStore{Store: f.store, entered: make(chan struct{}, 1)}
	api := New(Config{Store: bs, Log: zerolog.New(io.Discard), Version: "test"})
	t.Cleanup(func() { api.Close(10 * time.Second) })
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	g := &fixture{srv: srv, api: api, store: f.store}
	rev0, _ := f.store.Revision(context.Background())

	loc := g.startJob(t, coord, "", orgCSV)
	<-bs.entered
	// The record shows the write within a report interval or two.
	for deadline := time.Now().Add(10 * time.Second); ; {
		code, _, body := g.raw(t, "GET", loc, coord, "", nil)
		if code == 200 && strings.Contains(string(body), `"phase":"writing"`) && strings.Contains(string(body), `"state":"running"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a job in its write: %d %s", code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code, _, body := g.raw(t, "POST", loc+"/cancel", coord, "", nil); code != 202 {
		t.Fatalf("cancel: %d %s", code, body)
	}
	v := g.awaitJob(t, coord, loc)
	if v.State != graph.JobCancelled || v.Progress.RowsWritten != 0 {
		t.Fatalf("job cancelled in its write: %+v", v)
	}
	if rev, _ := f.store.Revision(context.Background()); rev != rev0 {
		t.Fatalf("revision %d → %d", rev0, rev)
	}
}

// TestImportRefusedBeforeReading: a viewer's import is refused before a byte of the body is
// read, whatever the body holds.
func TestImportRefusedBeforeReading(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "viewer", false, map[string]graph.Role{"09991": graph.RoleViewer, "09992": graph.RoleViewer})
	viewer := f.login(t, "viewer")
	for _, q := range []string{"", "?dry_run=true", "?async=true", "?format=xlsx"} {
		body := &tripwire{t: t}
		req := httptest.NewRequest("POST", "/api/v1/import"+q, body)
		req.Header.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		req.Header.Set("Authorization", "Bearer "+viewer)
		rec := httptest.NewRecorder()
		f.api.Handler().ServeHTTP(rec, req)
		if rec.Code != 403 || !strings.Contains(rec.Body.String(), "Import") {
			t.Errorf("viewer import%s: %d %s", q, rec.Code, rec.Body)
		}
		if body.read {
			t.Errorf("viewer import%s: the body was read before the refusal", q)
		}
	}
}

// tripwire is a request body that records being read.
type tripwire struct {
	t    *testing.T
	read bool
}

func (b *tripwire) Read(p []byte) (int, error) {
	b.read = true
	return 0, fmt.Errorf("read")
}

// TestStaleJobIsFailed: a running job whose record was not written for graph.JobStale lost
// its instance and is shown as failed.
func TestStaleJobIsFailed(t *testing.T) {
	now := time.Now()
	j := &graph.Job{ID: graph.NewJobID(), State: graph.JobRunning, UpdatedAt: now.Add(-2 * graph.JobStale)}
	v := viewJob(j, "de", now)
	if v.State != graph.JobFailed || v.Status != 503 || !strings.Contains(string(v.Problem), "nichts geschrieben") {
		t.Fatalf("stale job: %+v %s", v, v.Problem)
	}
	j.UpdatedAt = now.Add(-graph.JobHeartbeat)
	if v := viewJob(j, "de", now); v.State != graph.JobRunning {
		t.Fatalf("live job: %+v", v)
	}
}

// TestImportNoExistenceLeaks: a coordinator's import words a hidden region or entry exactly
// like a missing one, with the same status, in the dry run and the real run; no suggestion
// names a hidden region.
func TestImportNoExistenceLeaks(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	coord := f.login(t, "coord")
	missingOrg := graph.NewID(graph.KindOrganisation)
	pairs := []struct{ name, hidden, missing, hiddenValue, missingValue string }{
		{"region key", "Name;Kreis;Art\nVerein X;09992;Verein\n", "Name;Kreis;Art\nVerein X;09993;Verein\n", "09992", "09993"},
		{"region name", "Name;Kreis;Art\nVerein X;Geschlossener Kreis;Verein\n", "Name;Kreis;Art\nVerein X;Verborgener Kreis;Verein\n", "Geschlossener Kreis", "Verborgener Kreis"},
		{"entry's key, own region", "Schlüssel;Name;Kreis;Art\n" + f.secret + ";Verein Y;09991;Verein\n", "Schlüssel;Name;Kreis;Art\n" + missingOrg + ";Verein Y;09991;Verein\n", f.secret, missingOrg},
		{"entry's key and region", "Schlüssel;Name;Kreis;Art\n" + f.secret + ";Verein Y;09992;Verein\n", "Schlüssel;Name;Kreis;Art\n" + missingOrg + ";Verein Y;09993;Verein\n", "", ""},
	}
	rev0, _ := f.store.Revision(context.Background())
	for _, pc := range pairs {
		for _, q := range []string{"?dry_run=true", ""} {
			hc, _, hb := f.raw(t, "POST", "/api/v1/import"+q, coord, "text/csv", []byte(pc.hidden))
			mc, _, mb := f.raw(t, "POST", "/api/v1/import"+q, coord, "text/csv", []byte(pc.missing))
			norm := func(b []byte, value string) string {
				var p struct {
					Report *struct {
						Errors []struct{ Column, Message, Code string } `json:"errors"`
					} `json:"report"`
					Errors []struct{ Column, Message, Code string } `json:"errors"`
				}
				_ = json.Unmarshal(b, &p)
				errs := p.Errors
				if p.Report != nil {
					errs = p.Report.Errors
				}
				out, _ := json.Marshal(errs)
				s := string(out)
				for _, v := range []string{value, "09992", "09993", f.secret, missingOrg} {
					if v != "" {
						s = strings.ReplaceAll(s, v, "…")
					}
				}
				return s
			}
			h, m := norm(hb, pc.hiddenValue), norm(mb, pc.missingValue)
			if hc != mc || h != m || h == "null" {
				t.Errorf("%s%s: hidden → %d %s\n\tmissing → %d %s", pc.name, q, hc, h, mc, m)
			}
			for _, b := range [][]byte{hb, mb} {
				if i := strings.Index(string(b), `"suggestions"`); i >= 0 && strings.Contains(string(b[i:]), "Geschlossen") {
					t.Errorf("%s%s: a suggestion names the hidden region: %s", pc.name, q, b)
				}
			}
		}
	}
	if rev, _ := f.store.Revision(context.Background()); rev != rev0 {
		t.Errorf("the refused imports wrote: revision %d → %d", rev0, rev)
	}
}
