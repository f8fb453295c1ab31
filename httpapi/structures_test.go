package httpapi

import (
	"context"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestStructuresThroughAPI: two working groups with the same members on one field are
// reported with their shared members and the reason; a coordinator's verdict "intended" sets
// the pair aside for every later run; mixed pairs, other ids, members and anonymous callers are
// refused.
func TestStructuresThroughAPI(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mk := func(e graph.Entity) string {
		t.Helper()
		out, err := f.store.Create(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		return out.Base().ID
	}
	field := mk(&graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	a := mk(&graph.Network{Name: "Arbeitskreis Sprache", Region: "09991", Kind: "working_group", Level: "county"})
	b := mk(&graph.Network{Name: "Fachgruppe Deutschkurse", Region: "09991", Kind: "working_group", Level: "county"})
	concept := mk(&graph.Concept{Title: "Integrationskonzept", Region: "09991"})
	var orgs []string
	for _, name := range []string{"VHS", "AWO", "Diakonie", "Jobcenter"} {
		orgs = append(orgs, mk(&graph.Organisation{Name: name, Region: "09991", Kind: "other"}))
	}
	rels := []graph.Relation{
		{RelationKey: graph.RelationKey{Type: graph.WorksOn, From: a, To: field}},
		{RelationKey: graph.RelationKey{Type: graph.WorksOn, From: b, To: field}},
	}
	for i, o := range orgs {
		rels = append(rels, graph.Relation{RelationKey: graph.RelationKey{Type: graph.MemberOf, From: o, To: a}})
		if i < 3 {
			rels = append(rels, graph.Relation{RelationKey: graph.RelationKey{Type: graph.MemberOf, From: o, To: b}})
		}
	}
	for _, r := range rels {
		if _, err := f.store.Relate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	code, _, v := f.do(t, "GET", "/api/v1/analysis/structures?region=09991", "", nil)
	overlaps, _ := v["overlaps"].([]any)
	if code != 200 || len(overlaps) != 1 {
		t.Fatalf("structures: %d %v", code, v)
	}
	o := overlaps[0].(map[string]any)
	if o["kind"] != "parallel_networks" || len(o["shared_members"].([]any)) != 3 || o["explanation"] == "" {
		t.Errorf("overlap %v", o)
	}

	f.addUser(t, "coord", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "mitglied", false, map[string]graph.Role{"09991": graph.RoleMember})
	coord := f.login(t, "coord")
	for _, tc := range []struct {
		token string
		body  map[string]string
		want  int
		field string
	}{
		{f.login(t, "mitglied"), map[string]string{"a": a, "b": b, "verdict": "intended"}, 403, ""},
		{"", map[string]string{"a": a, "b": b, "verdict": "intended"}, 401, ""},
		{coord, map[string]string{"a": a, "b": concept, "verdict": "intended"}, 400, "b"},
		{coord, map[string]string{"a": f.measure, "b": b, "verdict": "intended"}, 400, "a"},
		{coord, map[string]string{"a": a, "b": b, "verdict": "egal"}, 400, "verdict"},
	} {
		code, _, v := f.do(t, "POST", "/api/v1/analysis/structures/verdicts", tc.token, tc.body)
		if code != tc.want {
			t.Errorf("%v: %d, want %d (%v)", tc.body, code, tc.want, v)
			continue
		}
		if tc.field != "" && (v["errors"] == nil || v["errors"].([]any)[0].(map[string]any)["field"] != tc.field) {
			t.Errorf("%v: the problem must name %q: %v", tc.body, tc.field, v)
		}
	}
	code, _, v = f.do(t, "POST", "/api/v1/analysis/structures/verdicts", coord, map[string]string{"a": b, "b": a, "verdict": "intended", "note": "Fachgruppe bewusst"})
	if code != 200 || v["verdict"] != "intended" {
		t.Fatalf("verdict: %d %v", code, v)
	}
	_, _, v = f.do(t, "GET", "/api/v1/analysis/structures?region=09991&lang=en", "", nil)
	if len(v["overlaps"].([]any)) != 0 || len(v["reviewed"].([]any)) != 1 {
		t.Errorf("after the verdict: %v", v)
	}
	if code, _, v := f.do(t, "GET", "/api/v1/analysis/structures?region=09991&min_jaccard=3", "", nil); code != 400 || v["errors"].([]any)[0].(map[string]any)["field"] != "min_jaccard" {
		t.Errorf("min_jaccard 3: %d %v", code, v)
	}
}
