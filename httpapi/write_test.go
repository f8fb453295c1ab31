package httpapi

import (
	"context"
	"strconv"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func TestCreateReplacePatchDelete(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")

	code, h, v := f.do(t, "POST", "/api/v1/measures", tok, map[string]any{"title": "Elterncafé", "region": "09991", "status": "active", "level": "operational", "languages": []string{"de", "tr"}})
	if code != 201 || h.Get("ETag") != `"1"` || h.Get("Location") != "/api/v1/measures/"+v["id"].(string) {
		t.Fatalf("create: %d %v %v", code, h, v)
	}
	id := v["id"].(string)
	path := "/api/v1/measures/" + id

	// Bad input names the field and writes nothing.
	code, _, v = f.do(t, "POST", "/api/v1/measures", tok, map[string]any{"title": "", "region": "09991", "status": "läuft", "level": "operational"})
	if code != 400 || len(v["errors"].([]any)) != 2 {
		t.Fatalf("invalid create: %d %v", code, v)
	}
	// The problem speaks the reader's language: German unless English is preferred.
	bad := map[string]any{"title": "", "region": "09991", "status": "läuft", "level": "operational"}
	for _, c := range []struct{ accept, title, status, detail string }{
		{"", "ist erforderlich", `"läuft" ist nicht zulässig; bitte einen der Werte planned, active, paused, completed`, "ungültige Angaben (Maßnahme): bitte title, status prüfen"},
		{"de-DE,de;q=0.9", "ist erforderlich", "", ""},
		{"en-GB,en;q=0.8", "is required", `"läuft" is not allowed; use one of planned, active, paused, completed`, "invalid measure: check title, status"},
	} {
		code, h, v := f.do(t, "POST", "/api/v1/measures", tok, bad, "Accept-Language", c.accept)
		errs, _ := v["errors"].([]any)
		if code != 400 || len(errs) != 2 || h.Get("Vary") == "" {
			t.Fatalf("Accept-Language %q: %d %v", c.accept, code, v)
		}
		byField := map[string]string{}
		for _, e := range errs {
			m := e.(map[string]any)
			byField[m["field"].(string)] = m["message"].(string)
		}
		if byField["title"] != c.title || c.status != "" && byField["status"] != c.status || c.detail != "" && v["detail"] != c.detail {
			t.Errorf("Accept-Language %q: detail %q, fields %v", c.accept, v["detail"], byField)
		}
	}

	// PUT needs If-Match; a stale one is 412 with the current version.
	full := map[string]any{"title": "Elterncafé am Markt", "region": "09991", "status": "active", "level": "operational"}
	if code, _, _ := f.do(t, "PUT", path, tok, full); code != 428 {
		t.Fatalf("PUT without If-Match: %d, want 428", code)
	}
	code, h, v = f.do(t, "PUT", path, tok, full, "If-Match", `"1"`)
	if code != 200 || h.Get("ETag") != `"2"` || v["title"] != "Elterncafé am Markt" || v["languages"] != nil {
		t.Fatalf("PUT: %d %v %v", code, h, v)
	}
	code, h, v = f.do(t, "PUT", path, tok, full, "If-Match", `"1"`)
	if code != 412 || v["current_version"].(float64) != 2 || h.Get("ETag") != `"2"` {
		t.Fatalf("stale PUT: %d %v", code, v)
	}
	if code, _, v := f.do(t, "PUT", path, tok, map[string]any{"id": f.measure, "title": "x", "region": "09991", "status": "active", "level": "operational"}, "If-Match", `"2"`); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "id" {
		t.Fatalf("PUT with another id: %d %v", code, v)
	}
	if code, _, _ := f.do(t, "PUT", path, tok, full, "If-Match", "abc"); code != 400 {
		t.Fatalf("malformed If-Match: %d", code)
	}
	// A weak tag never matches (RFC 9110): refused, naming the header, and nothing written.
	if code, _, v := f.do(t, "PUT", path, tok, full, "If-Match", `W/"2"`); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "If-Match" {
		t.Fatalf("weak If-Match: %d %v", code, v)
	}

	// PATCH merges: given fields replace, null clears, the rest stays.
	code, _, v = f.do(t, "PATCH", path, tok, map[string]any{"capacity": 15, "title": nil}, "If-Match", `"2"`)
	if code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "title" {
		t.Fatalf("PATCH clearing a required field: %d %v", code, v)
	}
	code, h, v = f.do(t, "PATCH", path, tok, map[string]any{"capacity": 15, "programme": "KIM"}, "If-Match", `"2"`)
	if code != 200 || v["capacity"].(float64) != 15 || v["title"] != "Elterncafé am Markt" || h.Get("ETag") != `"3"` {
		t.Fatalf("PATCH: %d %v", code, v)
	}
	if code, _, v := f.do(t, "PATCH", path, tok, map[string]any{"capacity": "viele"}, "If-Match", `"3"`); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "capacity" {
		t.Fatalf("PATCH with a wrong type: %d %v", code, v)
	}
	if code, _, v := f.do(t, "PATCH", path, tok, map[string]any{"colour": "rot"}, "If-Match", `"3"`); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "colour" {
		t.Fatalf("PATCH with an unknown field: %d %v", code, v)
	}

	// Relationships.
	rel := map[string]any{"type": "OFFERED_IN", "from": id, "to": f.muni}
	if code, _, v := f.do(t, "POST", "/api/v1/relations", tok, rel); code != 200 || v["type"] != "OFFERED_IN" {
		t.Fatalf("relate: %d %v", code, v)
	}
	if code, _, v := f.do(t, "POST", "/api/v1/relations", tok, map[string]any{"type": "OFFERED_IN", "from": id, "to": f.org}); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "to" {
		t.Fatalf("relate to the wrong kind: %d %v", code, v)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/relations", tok, rel); code != 204 {
		t.Fatalf("unrelate: %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/v1/relations", tok, rel); code != 404 {
		t.Fatalf("unrelate again: %d", code)
	}

	// Delete: a stale If-Match is 412, the right one or none deletes.
	if code, _, _ := f.do(t, "DELETE", path, tok, nil, "If-Match", `"1"`); code != 412 {
		t.Fatalf("stale delete: %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", path, tok, nil, "If-Match", `"3"`); code != 204 {
		t.Fatalf("delete: %d", code)
	}
	if code, _, _ := f.do(t, "GET", path, tok, nil); code != 404 {
		t.Fatalf("deleted measure answers %d", code)
	}
	// Restricted deletes are conflicts that say why.
	if code, _, v := f.do(t, "DELETE", "/api/v1/municipalities/"+f.muni, tok, nil); code != 409 || v["detail"] == "" {
		t.Fatalf("delete of a used municipality: %d %v", code, v)
	}
	// The audit log names the user.
	page, _ := f.store.Audit(context.Background(), graph.AuditQuery{Entity: id})
	if len(page.Items) == 0 || page.Items[0].User != "coord" {
		t.Fatalf("audit %+v", page.Items)
	}
}

// TestWriteRoles is the role × route matrix for writes: the expected status for each caller
// on each kind of change.
func TestWriteRoles(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "viewer", false, map[string]graph.Role{"09991": graph.RoleViewer})
	f.addUser(t, "other", false, map[string]graph.Role{"09992": graph.RoleCoordinator})
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "admin", true, nil)
	h, _ := HashPassword("geheim-member")
	if _, err := f.store.CreateUser(context.Background(), &graph.User{Username: "member", PasswordHash: h, Roles: map[string]graph.Role{"09991": graph.RoleMember}, Organisation: f.org}); err != nil {
		t.Fatal(err)
	}
	type route struct {
		name   string
		method string
		path   func() string
		body   func() any
		ifm    bool
	}
	n := 0
	routes := []route{
		{"create measure", "POST", func() string { return "/api/v1/measures" }, func() any {
			n++
			return map[string]any{"title": "M" + strconv.Itoa(n), "region": "09991", "status": "active", "level": "operational"}
		}, false},
		{"patch own organisation", "PATCH", func() string { return "/api/v1/organisations/" + f.org }, func() any { n++; return map[string]any{"description": "v" + strconv.Itoa(n)} }, true},
		{"patch measure", "PATCH", func() string { return "/api/v1/measures/" + f.measure }, func() any { n++; return map[string]any{"capacity": n} }, true},
		{"create region", "POST", func() string { return "/api/v1/regions" }, func() any {
			n++
			return map[string]any{"id": "0999" + strconv.Itoa(3+n%6), "name": "Neu", "kind": "county"}
		}, false},
		{"relate", "POST", func() string { return "/api/v1/relations" }, func() any { return map[string]any{"type": "ACTIVE_IN", "from": f.org, "to": f.muni} }, false},
	}
	// expected status per user and route
	want := map[string][]int{
		"":       {401, 401, 401, 401, 401},
		"viewer": {403, 403, 403, 403, 403},
		"member": {403, 200, 403, 403, 200},
		"other":  {403, 403, 403, 403, 403},
		"coord":  {201, 200, 200, 403, 200},
		"admin":  {201, 200, 200, 201, 200},
	}
	for _, user := range []string{"", "viewer", "member", "other", "coord", "admin"} {
		tok := ""
		if user != "" {
			tok = f.login(t, user)
		}
		for i, rt := range routes {
			var hdr []string
			if rt.ifm {
				_, h, _ := f.do(t, "GET", rt.path(), "", nil)
				hdr = []string{"If-Match", h.Get("ETag")}
			}
			code, _, v := f.do(t, rt.method, rt.path(), tok, rt.body(), hdr...)
			if code != want[user][i] {
				t.Errorf("%q %s: %d %v, want %d", user, rt.name, code, v["detail"], want[user][i])
			}
		}
	}
	// A member edits its organisation but does not delete it; the region's coordinator may.
	for _, c := range []struct {
		user string
		want int
	}{{"", 401}, {"viewer", 403}, {"member", 403}, {"other", 403}, {"coord", 204}} {
		tok := ""
		if c.user != "" {
			tok = f.login(t, c.user)
		}
		if code, _, _ := f.do(t, "DELETE", "/api/v1/organisations/"+f.org, tok, nil); code != c.want {
			t.Errorf("%q deletes the member's organisation: %d, want %d", c.user, code, c.want)
		}
	}
}

func TestAuditRoute(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "member", false, map[string]graph.Role{"09991": graph.RoleMember})
	f.addUser(t, "admin", true, nil)
	coord := f.login(t, "coord")
	_, h, _ := f.do(t, "GET", "/api/v1/measures/"+f.measure, "", nil)
	if code, _, _ := f.do(t, "PATCH", "/api/v1/measures/"+f.measure, coord, map[string]any{"capacity": 9}, "If-Match", h.Get("ETag")); code != 200 {
		t.Fatal(code)
	}
	code, _, v := f.do(t, "GET", "/api/v1/audit?entity="+f.measure, coord, nil)
	if code != 200 {
		t.Fatalf("audit: %d %v", code, v)
	}
	first := v["items"].([]any)[0].(map[string]any)
	if first["action"] != "update" || first["user"] != "coord" || first["before"] == nil || first["after"] == nil {
		t.Fatalf("newest entry %v", first)
	}
	for user, want := range map[string]int{"": 401, "member": 403, "admin": 200} {
		tok := ""
		if user != "" {
			tok = f.login(t, user)
		}
		if code, _, _ := f.do(t, "GET", "/api/v1/audit", tok, nil); code != want {
			t.Errorf("%q reads the audit log: %d, want %d", user, code, want)
		}
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/audit?region=09992", coord, nil); code != 403 {
		t.Errorf("coordinator reads another region's audit: %d", code)
	}
	if code, _, v := f.do(t, "GET", "/api/v1/audit?entitty=x", coord, nil); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "entitty" {
		t.Errorf("unknown parameter: %d %v", code, v)
	}

	// A summarised batch reads in the reader's language: German unless English is preferred
	// (Accept-Language or lang=); the entry keeps its message and counts.
	m := &graph.Measure{Title: "Sprachpaten", Region: "09991", Status: "active", Level: "operational"}
	if _, err := f.store.Apply(t.Context(), &graph.Batch{Ops: []graph.Op{{Action: graph.OpCreate, Entity: m}},
		Summary: "import of paten.csv (1 rows)", Message: &graph.Message{Key: "audit.import", Args: map[string]any{"files": "paten.csv", "rows": 1}}}); err != nil {
		t.Fatal(err)
	}
	admin := f.login(t, "admin")
	for _, c := range []struct{ path, accept, want string }{
		{"/api/v1/audit?limit=1", "", "Import von paten.csv (1 Zeile): 1 angelegt, 0 geändert, 0 gelöscht, 0 Beziehungen gesetzt, 0 entfernt"},
		{"/api/v1/audit?limit=1", "en-US,en;q=0.9", "import of paten.csv (1 row): 1 created, 0 updated, 0 deleted, 0 relationships set, 0 removed"},
		{"/api/v1/audit?limit=1&lang=de", "en", "Import von paten.csv (1 Zeile): 1 angelegt, 0 geändert, 0 gelöscht, 0 Beziehungen gesetzt, 0 entfernt"},
	} {
		code, _, v := f.do(t, "GET", c.path, admin, nil, "Accept-Language", c.accept)
		if code != 200 {
			t.Fatalf("%s: %d %v", c.path, code, v)
		}
		e := v["items"].([]any)[0].(map[string]any)
		if e["summary"] != c.want || e["message"].(map[string]any)["key"] != "audit.import" || e["counts"].(map[string]any)["created"] != float64(1) {
			t.Errorf("%s (Accept-Language %q): %v, want summary %q", c.path, c.accept, e, c.want)
		}
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/audit?lang=fr", admin, nil); code != 400 {
		t.Errorf("lang=fr: %d, want 400", code)
	}
	// A fixed sentence in German too.
	if code, _, v := f.do(t, "GET", "/api/v1/audit", f.login(t, "member"), nil); code != 403 || v["detail"] != "das Änderungsprotokoll ist für Koordinierende und Administratoren" {
		t.Errorf("member reads the audit log: %d %v", code, v["detail"])
	}
}
