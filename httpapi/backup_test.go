package httpapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// TestBackupRoute: only admins get the backup; it is a dated, uncached download that holds
// the store (restorable, with the fixture's entries); anonymous callers get 401, every other
// role 403.
func TestBackupRoute(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "admin", true, nil)
	code, _, v := f.do(t, "GET", "/api/v1/admin/backup", "", nil)
	if code != 401 {
		t.Fatalf("anonymous: %d %v", code, v)
	}
	code, _, v = f.do(t, "GET", "/api/v1/admin/backup", f.login(t, "coord"), nil)
	if code != 403 || v["detail"] != "Sicherungen sind Administratoren vorbehalten" {
		t.Fatalf("coordinator: %d %v", code, v)
	}

	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/admin/backup", nil)
	req.Header.Set("Authorization", "Bearer "+f.login(t, "admin"))
	req.Header.Set("Accept-Encoding", "gzip") // the download is gzip already: not compressed twice
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	checkResponse(t, req, resp, body)
	h := resp.Header
	if resp.StatusCode != 200 || h.Get("Content-Type") != "application/gzip" || h.Get("Content-Encoding") != "" || h.Get("Cache-Control") != "no-store" {
		t.Fatalf("admin: %d %v", resp.StatusCode, h)
	}
	if !regexp.MustCompile(`^attachment; filename="netzwerkatlas-\d{4}-\d\d-\d\dT\d{6}Z\.db\.gz"$`).MatchString(h.Get("Content-Disposition")) {
		t.Fatalf("Content-Disposition %q", h.Get("Content-Disposition"))
	}
	dir := t.TempDir()
	rep, err := embedded.Restore(bytes.NewReader(body), "download", dir, embedded.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rev, _ := f.store.Revision(context.Background())
	if rep.Manifest.Revision != rev || rep.Contents.Users != 2 || rep.Contents.Nodes[graph.KindOrganisation] != 3 {
		t.Fatalf("the backup holds %+v, manifest %+v; the store is at revision %d", rep.Contents, rep.Manifest, rev)
	}
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if e, err := s.Get(context.Background(), graph.KindOrganisation, f.org); err != nil || e.(*graph.Organisation).Name != "Caritasverband Musterstadt" {
		t.Fatalf("restored %s: %v %v", f.org, e, err)
	}
}

// notBackuper hides the store's Backup, as the Neo4j store has none.
type notBackuper struct{ graph.Store }

// TestBackupRouteWithoutBackuper: a store that cannot copy itself answers 501 naming
// neo4j-admin, in German by default and English on request.
func TestBackupRouteWithoutBackuper(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "admin", true, nil)
	token := f.login(t, "admin")
	srv := httptest.NewServer(New(Config{Store: notBackuper{f.store}, Log: zerolog.New(io.Discard)}).Handler())
	defer srv.Close()
	f.srv = srv
	code, _, v := f.do(t, "GET", "/api/v1/admin/backup", token, nil)
	if detail, _ := v["detail"].(string); code != 501 || !strings.Contains(detail, "neo4j-admin database dump") || !strings.Contains(detail, "gesichert") {
		t.Fatalf("%d %v", code, v)
	}
	code, _, v = f.do(t, "GET", "/api/v1/admin/backup", token, nil, "Accept-Language", "en")
	if detail, _ := v["detail"].(string); code != 501 || !strings.HasPrefix(detail, "this store cannot be backed up") {
		t.Fatalf("%d %v", code, v)
	}
}
