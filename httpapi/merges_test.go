package httpapi

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// mergePair adds a data duplicate of the fixture's measure: the same provider, another
// municipality, a verdict between the two and one with a third measure.
func mergePair(t *testing.T, f *fixture) (dup, third string) {
	t.Helper()
	ctx := context.Background()
	mk := func(e graph.Entity) string {
		t.Helper()
		out, err := f.store.Create(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		return out.Base().ID
	}
	town := mk(&graph.Municipality{Meta: graph.Meta{ID: "09991002"}, Name: "Beispielstadt", Region: "09991"})
	dup = mk(&graph.Measure{Title: "Sprachcafe", Region: "09991", Status: "active", Level: "operational", Description: "Dienstags im Café", Capacity: 15})
	third = mk(&graph.Measure{Title: "Elterncafé", Region: "09991", Status: "planned", Level: "operational"})
	for _, r := range []graph.Relation{
		{RelationKey: graph.RelationKey{Type: graph.Provides, From: f.org, To: dup}, Props: graph.RelProps{Role: "partner"}},
		{RelationKey: graph.RelationKey{Type: graph.OfferedIn, From: dup, To: town}},
		{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: f.measure, To: dup}, Props: graph.RelProps{Verdict: "duplicate", By: "coord"}},
		{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: dup, To: third}, Props: graph.RelProps{Verdict: "intended", By: "coord"}},
	} {
		if _, err := f.store.Relate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	return dup, third
}

// noFollow sends a GET without following redirects.
func (f *fixture) noFollow(t *testing.T, path, token string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", f.srv.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	checkResponse(t, req, resp, body)
	return resp, body
}

func (f *fixture) raw200(t *testing.T, path, token string) string {
	t.Helper()
	resp, body := f.noFollow(t, path, token)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	return string(body)
}

func (f *fixture) version(t *testing.T, kind graph.Kind, id string) int64 {
	t.Helper()
	e, err := f.store.Get(context.Background(), kind, id)
	if err != nil {
		t.Fatal(err)
	}
	return e.Base().Version
}

func TestMergeAndUndo(t *testing.T) {
	f := newFixture(t)
	dup, third := mergePair(t, f)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")
	sur := f.measure
	beforeSur := f.raw200(t, "/api/v1/measures/"+sur, tok)
	beforeDup := f.raw200(t, "/api/v1/measures/"+dup, tok)
	beforeSurRels := f.raw200(t, "/api/v1/measures/"+sur+"/relations", tok)
	beforeDupRels := f.raw200(t, "/api/v1/measures/"+dup+"/relations", tok)
	rev, _ := f.store.Revision(context.Background())

	body := map[string]any{"kind": "measure", "survivor": sur, "retired": dup, "survivor_version": f.version(t, graph.KindMeasure, sur),
		"retired_version": f.version(t, graph.KindMeasure, dup), "fields": map[string]string{"description": "retired", "capacity": "retired", "title": "survivor"}}
	code, h, rec := f.do(t, "POST", "/api/v1/merges", tok, body)
	if code != 201 {
		t.Fatalf("merge: %d %v", code, rec)
	}
	id, _ := rec["id"].(string)
	if h.Get("Location") != "/api/v1/merges/"+id || rec["survivor"] != sur || rec["retired"] != dup || rec["by"] != "coord" || rec["undone"] != false || rec["at"] == nil {
		t.Fatalf("merge answer: %v %v", h, rec)
	}
	if code, _, v := f.do(t, "GET", "/api/v1/merges/"+id, tok, nil); code != 200 || v["id"] != id {
		t.Errorf("GET merge: %d %v", code, v)
	}

	// The survivor holds the chosen values and the moved relationships.
	_, _, m := f.do(t, "GET", "/api/v1/measures/"+sur, tok, nil)
	if m["title"] != "Sprachcafé" || m["description"] != "Dienstags im Café" || m["capacity"] != 15.0 {
		t.Errorf("survivor after merge: %v", m)
	}
	_, _, rels := f.do(t, "GET", "/api/v1/measures/"+sur+"/relations", tok, nil)
	var got []string
	for _, it := range rels["items"].([]any) {
		r := it.(map[string]any)
		got = append(got, r["type"].(string)+" "+r["from"].(string)+" "+r["to"].(string))
	}
	slices.Sort(got)
	want := []string{
		"OFFERED_IN " + sur + " 09991001", "OFFERED_IN " + sur + " 09991002",
		"PROVIDES " + f.org + " " + sur, "PROVIDES " + f.hidden + " " + sur,
		"REVIEWED " + graph.RelationKey{Type: graph.Reviewed, From: sur, To: third}.Canonical().From + " " + graph.RelationKey{Type: graph.Reviewed, From: sur, To: third}.Canonical().To,
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("survivor's relationships after merge\n got %v\nwant %v", got, want)
	}

	// The retired id redirects, for the node and its relationships; a client that follows
	// lands on the survivor.
	resp, _ := f.noFollow(t, "/api/v1/measures/"+dup, tok)
	if resp.StatusCode != http.StatusPermanentRedirect || resp.Header.Get("Location") != "/api/v1/measures/"+sur {
		t.Errorf("retired id: %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, _ = f.noFollow(t, "/api/v1/measures/"+dup+"/relations?type=PROVIDES", tok)
	if resp.StatusCode != http.StatusPermanentRedirect || resp.Header.Get("Location") != "/api/v1/measures/"+sur+"/relations?type=PROVIDES" {
		t.Errorf("retired relations: %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if code, _, v := f.do(t, "GET", "/api/v1/measures/"+dup, tok, nil); code != 200 || v["id"] != sur {
		t.Errorf("following the redirect: %d %v", code, v["id"])
	}
	// Writes to the retired id do not redirect.
	if code, _, _ := f.do(t, "PATCH", "/api/v1/measures/"+dup, tok, map[string]any{"capacity": 3}, "If-Match", `"1"`); code != 404 {
		t.Errorf("PATCH of the retired id: %d, want 404", code)
	}
	if r2, _ := f.store.Revision(context.Background()); r2 != rev+1 {
		t.Errorf("revision %d after the merge, want %d (one write)", r2, rev+1)
	}

	// The undo brings both back byte for byte (the survivor's version moves on).
	code, _, undone := f.do(t, "POST", "/api/v1/merges/"+id+"/undo", tok, nil)
	if code != 200 || undone["undone"] != true || undone["undone_by"] != "coord" {
		t.Fatalf("undo: %d %v", code, undone)
	}
	if got := f.raw200(t, "/api/v1/measures/"+dup, tok); got != beforeDup {
		t.Errorf("retired entry after undo\n got %s\nwant %s", got, beforeDup)
	}
	if got := f.raw200(t, "/api/v1/measures/"+dup+"/relations", tok); got != beforeDupRels {
		t.Errorf("retired relationships after undo\n got %s\nwant %s", got, beforeDupRels)
	}
	if got := f.raw200(t, "/api/v1/measures/"+sur+"/relations", tok); got != beforeSurRels {
		t.Errorf("survivor relationships after undo\n got %s\nwant %s", got, beforeSurRels)
	}
	strip := func(s string) string {
		var kept []string
		for _, part := range strings.Split(s, ",") {
			if !strings.HasPrefix(part, `"version"`) && !strings.HasPrefix(part, `"updated_at"`) {
				kept = append(kept, part)
			}
		}
		return strings.Join(kept, ",")
	}
	if got := f.raw200(t, "/api/v1/measures/"+sur, tok); strip(got) != strip(beforeSur) {
		t.Errorf("survivor after undo\n got %s\nwant %s", got, beforeSur)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/merges/"+id+"/undo", tok, nil); code != 409 {
		t.Errorf("second undo: %d %v", code, v)
	}
	// One audit entry for the merge, one for the undo.
	page, _ := f.store.Audit(context.Background(), graph.AuditQuery{Entity: dup, Limit: 3})
	if len(page.Items) < 2 || page.Items[0].Action != graph.ActionUnmerge || page.Items[1].Action != graph.ActionMerge {
		t.Errorf("audit: %+v", page.Items)
	}
}

func TestMergeUndoConflict(t *testing.T) {
	f := newFixture(t)
	dup, _ := mergePair(t, f)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")
	sur := f.measure
	code, _, rec := f.do(t, "POST", "/api/v1/merges", tok, map[string]any{"kind": "measure", "survivor": sur, "retired": dup,
		"survivor_version": f.version(t, graph.KindMeasure, sur), "retired_version": f.version(t, graph.KindMeasure, dup)})
	if code != 201 {
		t.Fatalf("merge: %d %v", code, rec)
	}
	_, h, _ := f.do(t, "GET", "/api/v1/measures/"+sur, tok, nil)
	if code, _, v := f.do(t, "PATCH", "/api/v1/measures/"+sur, tok, map[string]any{"capacity": 40}, "If-Match", h.Get("ETag")); code != 200 {
		t.Fatalf("edit survivor: %d %v", code, v)
	}
	code, _, v := f.do(t, "POST", "/api/v1/merges/"+rec["id"].(string)+"/undo", tok, nil, "Accept-Language", "de")
	if code != 409 || !strings.Contains(v["detail"].(string), "nach dem Zusammenführen geändert") {
		t.Errorf("undo after an edit: %d %v", code, v)
	}
	if resp, _ := f.noFollow(t, "/api/v1/measures/"+dup, tok); resp.StatusCode != 308 {
		t.Errorf("the refused undo brought the retired id back: %d", resp.StatusCode)
	}
	// A merge with a stale version is a conflict and changes nothing.
	third, _ := f.store.Create(context.Background(), &graph.Measure{Title: "Nähcafé", Region: "09991", Status: "active", Level: "operational"})
	rev, _ := f.store.Revision(context.Background())
	code, _, v = f.do(t, "POST", "/api/v1/merges", tok, map[string]any{"kind": "measure", "survivor": sur, "retired": third.Base().ID,
		"survivor_version": 1, "retired_version": 1})
	if code != 409 {
		t.Errorf("stale merge: %d %v", code, v)
	}
	if r2, _ := f.store.Revision(context.Background()); r2 != rev {
		t.Error("a refused merge wrote something")
	}
}

func TestMergePermissionsAndInput(t *testing.T) {
	f := newFixture(t)
	dup, _ := mergePair(t, f)
	f.addUser(t, "viewer", false, map[string]graph.Role{"09991": graph.RoleViewer})
	f.addUser(t, "member", false, map[string]graph.Role{"09991": graph.RoleMember})
	f.addUser(t, "other", false, map[string]graph.Role{"09992": graph.RoleCoordinator})
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "admin", true, nil)
	sur := f.measure
	good := func() map[string]any {
		return map[string]any{"kind": "measure", "survivor": sur, "retired": dup,
			"survivor_version": f.version(t, graph.KindMeasure, sur), "retired_version": f.version(t, graph.KindMeasure, dup)}
	}
	rev, _ := f.store.Revision(context.Background())
	for _, c := range []struct {
		user string
		want int
	}{{"", 401}, {"viewer", 403}, {"member", 403}, {"other", 403}} {
		tok := ""
		if c.user != "" {
			tok = f.login(t, c.user)
		}
		if code, _, v := f.do(t, "POST", "/api/v1/merges", tok, good()); code != c.want {
			t.Errorf("%q merges: %d %v, want %d", c.user, code, v, c.want)
		}
	}
	tok := f.login(t, "coord")
	for _, c := range []struct {
		name   string
		change func(map[string]any)
		field  string
	}{
		{"no kind", func(b map[string]any) { delete(b, "kind") }, "kind"},
		{"kind not mergeable", func(b map[string]any) { b["kind"] = "region" }, "kind"},
		{"survivor of another kind", func(b map[string]any) { b["survivor"] = f.org }, "survivor"},
		{"retired is the survivor", func(b map[string]any) { b["retired"] = sur }, "retired"},
		{"retired unknown", func(b map[string]any) { b["retired"] = graph.NewID(graph.KindMeasure) }, "retired"},
		{"no version", func(b map[string]any) { delete(b, "retired_version") }, "retired_version"},
		{"version not a number", func(b map[string]any) { b["survivor_version"] = "eins" }, "survivor_version"},
		{"unknown field", func(b map[string]any) { b["fields"] = map[string]string{"created_at": "retired"} }, "fields.created_at"},
		{"bad choice", func(b map[string]any) { b["fields"] = map[string]string{"title": "both"} }, "fields.title"},
		{"unknown property", func(b map[string]any) { b["winner"] = sur }, "winner"},
	} {
		b := good()
		c.change(b)
		code, _, v := f.do(t, "POST", "/api/v1/merges", tok, b, "Accept-Language", "de")
		errs, _ := v["errors"].([]any)
		if code != 400 || len(errs) == 0 || errs[0].(map[string]any)["field"] != c.field {
			t.Errorf("%s: %d %v, want 400 naming %s", c.name, code, v, c.field)
		}
	}
	if r2, _ := f.store.Revision(context.Background()); r2 != rev {
		t.Error("a refused merge wrote something")
	}
	// Another region's coordinator can neither read nor undo the record.
	code, _, rec := f.do(t, "POST", "/api/v1/merges", tok, good())
	if code != 201 {
		t.Fatalf("merge: %d %v", code, rec)
	}
	id := rec["id"].(string)
	other := f.login(t, "other")
	if code, _, _ := f.do(t, "GET", "/api/v1/merges/"+id, other, nil); code != 403 {
		t.Errorf("other region reads the record: %d", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/merges/"+id+"/undo", f.login(t, "member"), nil); code != 403 {
		t.Errorf("member undoes: %d", code)
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/merges/mrg_nothing", tok, nil); code != 404 {
		t.Errorf("unknown record: %d", code)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/merges/"+id+"/undo", f.login(t, "admin"), nil); code != 200 {
		t.Errorf("admin undoes: %d %v", code, v)
	}
}
