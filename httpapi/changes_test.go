package httpapi

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// relationSet renders the relationships of a change response as sorted "TYPE from→to role".
func relationSet(v map[string]any) []string {
	var out []string
	for _, x := range v["relations"].([]any) {
		m := x.(map[string]any)
		s := m["type"].(string) + " " + m["from"].(string) + "→" + m["to"].(string)
		if p, ok := m["props"].(map[string]any); ok && p["role"] != nil {
			s += " " + p["role"].(string)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func fieldsOf(v map[string]any) map[string]string {
	out := map[string]string{}
	errs, _ := v["errors"].([]any)
	for _, e := range errs {
		m := e.(map[string]any)
		out[m["field"].(string)] = m["message"].(string)
	}
	return out
}

func TestChangeCreatesWithRelations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	field, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache und Bildung", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	group, err := f.store.Create(ctx, &graph.TargetGroup{Name: "Eltern"})
	if err != nil {
		t.Fatal(err)
	}
	fid, gid := field.Base().ID, group.Base().ID
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")
	countMeasures := func() float64 {
		_, _, v := f.do(t, "GET", "/api/v1/measures?region=09991", tok, nil)
		return v["total"].(float64)
	}
	before := countMeasures()

	body := map[string]any{
		"kind": "measure",
		"node": map[string]any{"title": "Elterncafé am Markt", "region": "09991", "status": "active", "level": "operational", "languages": []string{"de", "ar"}, "format": "in_person"},
		"relate": []map[string]any{
			{"type": "IN_FIELD", "from": "self", "to": fid},
			{"type": "TARGETS", "from": "self", "to": gid},
			{"type": "OFFERED_IN", "from": "self", "to": f.muni},
			{"type": "PROVIDES", "from": f.org, "to": "self", "props": map[string]any{"role": "lead"}},
		},
	}
	// One bad relationship refuses the whole change: nothing is written, the field is named
	// with its place in the request, in German by default.
	bad := map[string]any{"kind": body["kind"], "node": body["node"], "relate": []map[string]any{
		{"type": "IN_FIELD", "from": "self", "to": fid},
		{"type": "PROVIDES", "from": f.org, "to": "self", "props": map[string]any{"role": "Chef"}},
	}}
	code, _, v := f.do(t, "POST", "/api/v1/changes", tok, bad)
	if code != 400 || !strings.Contains(fieldsOf(v)["relate[1].props.role"], "nicht zulässig") {
		t.Fatalf("bad role: %d %v", code, v)
	}
	bad["relate"] = []map[string]any{{"type": "OFFERED_IN", "from": "self", "to": "09992001"}}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, bad); code != 400 || fieldsOf(v)["relate[0].to"] == "" {
		t.Fatalf("missing municipality: %d %v", code, v)
	}
	bad["relate"] = []map[string]any{{"type": "PROVIDES", "from": f.org, "to": f.measure}}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, bad); code != 400 || fieldsOf(v)["relate[0]"] == "" {
		t.Fatalf("relationship not naming the entry: %d %v", code, v)
	}
	bad["node"] = map[string]any{"title": "", "region": "09991", "status": "active", "level": "operational"}
	bad["relate"] = nil
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, bad); code != 400 || fieldsOf(v)["title"] != "ist erforderlich" {
		t.Fatalf("missing title: %d %v", code, v)
	}
	if got := countMeasures(); got != before {
		t.Fatalf("refused changes wrote measures: %v → %v", before, got)
	}

	code, h, v := f.do(t, "POST", "/api/v1/changes", tok, body)
	if code != 201 || h.Get("ETag") != `"1"` {
		t.Fatalf("create: %d %v", code, v)
	}
	node := v["node"].(map[string]any)
	id := node["id"].(string)
	if h.Get("Location") != "/api/v1/measures/"+id || node["title"] != "Elterncafé am Markt" {
		t.Fatalf("create: Location %q, node %v", h.Get("Location"), node)
	}
	want := []string{
		"IN_FIELD " + id + "→" + fid,
		"OFFERED_IN " + id + "→" + f.muni,
		"PROVIDES " + f.org + "→" + id + " lead",
		"TARGETS " + id + "→" + gid,
	}
	sort.Strings(want)
	if got := relationSet(v); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("relations:\n got %v\nwant %v", got, want)
	}
	if got := countMeasures(); got != before+1 {
		t.Fatalf("measures %v → %v", before, got)
	}
	// The creation and each relationship are in the audit log, under the coordinator's name.
	_, _, a := f.do(t, "GET", "/api/v1/audit?entity="+id, tok, nil)
	if items := a["items"].([]any); len(items) < 5 || items[0].(map[string]any)["user"] != "coord" {
		t.Fatalf("audit: %v", a)
	}

	// A change: patch fields, move the provider role, drop the target group — against the
	// version it was opened with.
	change := map[string]any{
		"kind": "measure", "id": id, "version": 1,
		"node":     map[string]any{"capacity": 12, "format": nil},
		"relate":   []map[string]any{{"type": "PROVIDES", "from": f.org, "to": "self", "props": map[string]any{"role": "partner"}}},
		"unrelate": []map[string]any{{"type": "TARGETS", "from": "self", "to": gid}},
	}
	code, h, v = f.do(t, "POST", "/api/v1/changes", tok, change)
	if code != 200 || h.Get("ETag") != `"2"` {
		t.Fatalf("change: %d %v", code, v)
	}
	node = v["node"].(map[string]any)
	if node["capacity"].(float64) != 12 || node["format"] != nil || node["title"] != "Elterncafé am Markt" {
		t.Fatalf("changed node: %v", node)
	}
	want = []string{"IN_FIELD " + id + "→" + fid, "OFFERED_IN " + id + "→" + f.muni, "PROVIDES " + f.org + "→" + id + " partner"}
	sort.Strings(want)
	if got := relationSet(v); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("relations after change:\n got %v\nwant %v", got, want)
	}
	// The same change again, from the old version: 412 with the current version, nothing
	// written — the relationship it would add is not added.
	change["relate"] = []map[string]any{{"type": "TARGETS", "from": "self", "to": gid}}
	change["unrelate"] = nil
	code, h, v = f.do(t, "POST", "/api/v1/changes", tok, change)
	if code != 412 || v["current_version"].(float64) != 2 || h.Get("ETag") != `"2"` {
		t.Fatalf("stale change: %d %v", code, v)
	}
	rels, err := f.store.Relations(ctx, graph.RelationQuery{Node: id, Type: graph.Targets})
	if err != nil || len(rels) != 0 {
		t.Fatalf("stale change wrote %v (%v)", rels, err)
	}
	// Only relationships change: the version is still checked, and stays.
	change["version"] = 2
	change["node"] = nil
	code, h, v = f.do(t, "POST", "/api/v1/changes", tok, change)
	if code != 200 || h.Get("ETag") != `"2"` || len(v["relations"].([]any)) != 4 {
		t.Fatalf("relationship-only change: %d %v %v", code, h.Get("ETag"), v)
	}
	// Removing a relationship someone else removed already is not an error.
	change["relate"] = nil
	change["unrelate"] = []map[string]any{{"type": "TARGETS", "from": "self", "to": gid}, {"type": "TARGETS", "from": "self", "to": gid}}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, change); code != 200 || len(v["relations"].([]any)) != 3 {
		t.Fatalf("double removal: %d %v", code, v)
	}
}

func TestChangeRequestErrors(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")
	for _, c := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"unknown kind", map[string]any{"kind": "widget", "node": map[string]any{}}, "kind"},
		{"no node", map[string]any{"kind": "measure"}, "node"},
		{"version for new", map[string]any{"kind": "measure", "version": 3, "node": map[string]any{"title": "x"}}, "version"},
		{"no version", map[string]any{"kind": "measure", "id": f.measure, "node": map[string]any{"capacity": 3}}, "version"},
		{"id of other kind", map[string]any{"kind": "measure", "id": f.org, "version": 1}, "id"},
		{"unknown node field", map[string]any{"kind": "measure", "node": map[string]any{"titel": "x"}}, "titel"},
		{"verdict", map[string]any{"kind": "measure", "id": f.measure, "version": 1, "relate": []map[string]any{{"type": "REVIEWED", "from": "self", "to": f.measure}}}, "relate[0].type"},
		{"props on removal", map[string]any{"kind": "measure", "id": f.measure, "version": 1, "unrelate": []map[string]any{{"type": "OFFERED_IN", "from": "self", "to": f.muni, "props": map[string]any{"note": "x"}}}}, "unrelate[0].props"},
		{"bad date", map[string]any{"kind": "organisation", "id": f.org, "version": 1, "relate": []map[string]any{{"type": "COOPERATES_WITH", "from": "self", "to": f.hidden, "props": map[string]any{"since": "31.02.2026"}}}}, "relate[0].props.since"},
	} {
		code, _, v := f.do(t, "POST", "/api/v1/changes", tok, c.body)
		if code != 400 || fieldsOf(v)[c.field] == "" {
			t.Errorf("%s: %d, fields %v, want %s", c.name, code, fieldsOf(v), c.field)
		}
	}
	many := make([]map[string]any, maxChangeRelations+1)
	for i := range many {
		many[i] = map[string]any{"type": "OFFERED_IN", "from": "self", "to": f.muni}
	}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, map[string]any{"kind": "measure", "id": f.measure, "version": 1, "relate": many}); code != 400 || fieldsOf(v)["relate"] == "" {
		t.Errorf("too many relationships: %d %v", code, fieldsOf(v))
	}
}

func TestChangeRoles(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	h, _ := HashPassword("geheim-member")
	if _, err := f.store.CreateUser(ctx, &graph.User{Username: "member", PasswordHash: h, Roles: map[string]graph.Role{"09991": graph.RoleMember}, Organisation: f.org}); err != nil {
		t.Fatal(err)
	}
	f.addUser(t, "viewer", false, map[string]graph.Role{"09991": graph.RoleViewer})
	member, viewer := f.login(t, "member"), f.login(t, "viewer")
	newMeasure := map[string]any{"kind": "measure", "node": map[string]any{"title": "Neu", "region": "09991", "status": "active", "level": "operational"}}
	if code, _, _ := f.do(t, "POST", "/api/v1/changes", "", newMeasure); code != 401 {
		t.Errorf("anonymous: %d, want 401", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/changes", viewer, newMeasure); code != 403 {
		t.Errorf("viewer: %d, want 403", code)
	}
	if code, _, _ := f.do(t, "POST", "/api/v1/changes", member, newMeasure); code != 403 {
		t.Errorf("member creating a measure: %d, want 403", code)
	}
	// A member changes the own organisation, including where it works …
	own := map[string]any{"kind": "organisation", "id": f.org, "version": 1, "node": map[string]any{"description": "Beratung"},
		"relate": []map[string]any{{"type": "ACTIVE_IN", "from": "self", "to": f.muni}}}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", member, own); code != 200 || len(v["relations"].([]any)) == 0 {
		t.Fatalf("member, own organisation: %d %v", code, v)
	}
	// … but not a relationship that starts at another organisation, nor another entry.
	other := map[string]any{"kind": "organisation", "id": f.org, "version": 2,
		"relate": []map[string]any{{"type": "PROVIDES", "from": f.hidden, "to": f.measure}}}
	if code, _, _ := f.do(t, "POST", "/api/v1/changes", member, other); code != 400 {
		t.Errorf("member, relationship elsewhere: %d, want 400 (not naming the entry)", code)
	}
	cooperate := map[string]any{"kind": "measure", "id": f.measure, "version": 1,
		"relate": []map[string]any{{"type": "PROVIDES", "from": f.hidden, "to": "self"}}}
	if code, _, _ := f.do(t, "POST", "/api/v1/changes", member, cooperate); code != 403 {
		t.Errorf("member, another entry: %d, want 403", code)
	}
	// A closed region's entry is not found for a caller who may not read it.
	if code, _, _ := f.do(t, "POST", "/api/v1/changes", member, map[string]any{"kind": "organisation", "id": f.secret, "version": 1}); code != 404 {
		t.Errorf("hidden entry: %d, want 404", code)
	}
}

// A missing entry and a version conflict are told in the reader's language too.
func TestNotFoundAndConflictInGerman(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")
	missing := "/api/v1/measures/" + graph.NewID(graph.KindMeasure)
	if code, _, v := f.do(t, "GET", missing, tok, nil); code != 404 || !strings.HasPrefix(v["detail"].(string), "Maßnahme ") || !strings.HasSuffix(v["detail"].(string), " gibt es nicht") {
		t.Errorf("German 404: %d %v", code, v["detail"])
	}
	if code, _, v := f.do(t, "GET", missing, tok, nil, "Accept-Language", "en"); code != 404 || !strings.HasSuffix(v["detail"].(string), " does not exist") {
		t.Errorf("English 404: %d %v", code, v["detail"])
	}
	stale := map[string]any{"kind": "measure", "id": f.measure, "version": 7, "node": map[string]any{"capacity": 3}}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, stale); code != 412 || !strings.Contains(v["detail"].(string), "wurde inzwischen von jemand anderem geändert: Sie haben Version 7 bearbeitet, gespeichert ist Version 1") {
		t.Errorf("German conflict: %d %v", code, v["detail"])
	}
	rel := map[string]any{"kind": "measure", "id": f.measure, "version": 1, "relate": []map[string]any{{"type": "OFFERED_IN", "from": "self", "to": "09991999"}}}
	if code, _, v := f.do(t, "POST", "/api/v1/changes", tok, rel); code != 400 || !strings.HasSuffix(fieldsOf(v)["relate[0].to"], "gibt es nicht") {
		t.Errorf("German missing end: %d %v", code, fieldsOf(v))
	}
}

// Names and texts may not hide control characters: NUL and a right-to-left override are refused
// naming the field, while Arabic text and line breaks in a description are fine.
func TestHiddenControlCharacters(t *testing.T) {
	f := newFixture(t)
	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	tok := f.login(t, "coord")
	for title, want := range map[string]string{
		"Sprach\u202ecafé": "enthält das unsichtbare Steuerzeichen U+202E; bitte entfernen",
		"Sprach\x00café":   "enthält das unsichtbare Steuerzeichen U+0000; bitte entfernen",
		"Sprach\u2066café": "enthält das unsichtbare Steuerzeichen U+2066; bitte entfernen",
		"Sprach\u0085café": "enthält das unsichtbare Steuerzeichen U+0085; bitte entfernen",
		"مقهى اللغة Marl":  "",
		"Sprachcafé\tMarl": "",
	} {
		code, _, v := f.do(t, "POST", "/api/v1/measures", tok, map[string]any{"title": title, "region": "09991", "status": "active", "level": "operational", "description": "Zeile eins\nZeile zwei"})
		if want == "" && code != 201 || want != "" && (code != 400 || fieldsOf(v)["title"] != want) {
			t.Errorf("title %q: %d %v", title, code, fieldsOf(v))
		}
	}
}
