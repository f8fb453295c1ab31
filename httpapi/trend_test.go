package httpapi

import (
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestSnapshotTrend: three saved states of a region — a field added between the first and
// the second (one more gap cell), a measure in it between the second and the third (the gap
// closes) — read as one trend oldest first, and any two or three of them as a comparison;
// members read it, viewers and the public do not; bad parameters are named.
func TestSnapshotTrend(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	f.addUser(t, "koordination", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "mitglied", false, map[string]graph.Role{"09991": graph.RoleMember})
	f.addUser(t, "gast", false, map[string]graph.Role{"09991": graph.RoleViewer})
	coord, member, viewer := f.login(t, "koordination"), f.login(t, "mitglied"), f.login(t, "gast")
	save := func(label string) string {
		t.Helper()
		code, _, v := f.do(t, "POST", "/api/v1/snapshots", coord, map[string]string{"region": "09991", "label": label})
		if code != 201 {
			t.Fatalf("save %s: %d %v", label, code, v)
		}
		return v["id"].(string)
	}
	first := save("Frühjahr")
	field, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	second := save("Sommer")
	m, err := f.store.Create(ctx, &graph.Measure{Title: "Deutschkurs", Region: "09991", Status: "active", Level: "operational"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []graph.Relation{
		{RelationKey: graph.RelationKey{Type: graph.InField, From: m.Base().ID, To: field.Base().ID}},
		{RelationKey: graph.RelationKey{Type: graph.OfferedIn, From: m.Base().ID, To: f.muni}},
		{RelationKey: graph.RelationKey{Type: graph.Provides, From: f.org, To: m.Base().ID}},
	} {
		if _, err := f.store.Relate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	third := save("Herbst")

	series := func(v map[string]any, key string) []any {
		for _, fig := range v["figures"].([]any) {
			if fig.(map[string]any)["key"] == key {
				return fig.(map[string]any)["values"].([]any)
			}
		}
		t.Fatalf("no figure %s in %v", key, v["figures"])
		return nil
	}
	labels := func(v map[string]any) string {
		var out []string
		for _, s := range v["snapshots"].([]any) {
			out = append(out, s.(map[string]any)["label"].(string))
		}
		return strings.Join(out, ",")
	}
	same := func(got []any, want ...float64) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if x, ok := got[i].(float64); !ok || x != want[i] {
				return false
			}
		}
		return true
	}

	code, _, all := f.do(t, "GET", "/api/v1/snapshots/trend?region=09991", member, nil)
	if code != 200 || labels(all) != "Frühjahr,Sommer,Herbst" || all["omitted"].(float64) != 0 || all["limit"].(float64) != 48 {
		t.Fatalf("trend: %d %v", code, all)
	}
	// One municipality: no field (no cells), then one empty field (a gap), then an offer in it.
	if g := series(all, "gaps"); !same(g, 0, 1, 0) {
		t.Errorf("gaps %v, want 0, 1, 0", g)
	}
	if c := series(all, "covered"); !same(c, 0, 0, 1) {
		t.Errorf("covered %v, want 0, 0, 1", c)
	}
	if ms := series(all, "measures_active"); !same(ms, 1, 1, 2) {
		t.Errorf("measures active %v, want 1, 1, 2", ms)
	}

	// A comparison of chosen states: in time order whatever the order named, each once.
	code, _, two := f.do(t, "GET", "/api/v1/snapshots/trend?region=09991&snapshots="+third+","+first+","+third, member, nil)
	if code != 200 || labels(two) != "Frühjahr,Herbst" || !same(series(two, "measures"), 1, 2) {
		t.Fatalf("two of three: %d %v", code, two)
	}
	code, _, three := f.do(t, "GET", "/api/v1/snapshots/trend?region=09991&snapshots="+second+",%20"+first+","+third, member, nil)
	if code != 200 || labels(three) != "Frühjahr,Sommer,Herbst" {
		t.Fatalf("three named: %d %v", code, three)
	}

	tooMany := strings.TrimSuffix(strings.Repeat(first+",", 1), ",")
	for i := range 48 {
		tooMany += ",snp_01HK153X00CSQVWANBEDWQE" + string(rune('A'+i%26)) + string(rune('A'+i/26))
	}
	for _, tc := range []struct {
		path, token string
		want        int
		field       string
	}{
		{"/api/v1/snapshots/trend", member, 400, "region"},
		{"/api/v1/snapshots/trend?region=09991&snapshots=", member, 400, "snapshots"},
		{"/api/v1/snapshots/trend?region=09991&snapshots=" + tooMany, member, 400, "snapshots"},
		{"/api/v1/snapshots/trend?region=09991&snapshots=" + first + ",snp_01HK153X00CSQVWANBEDWQEWCJ", member, 404, "snapshots"},
		{"/api/v1/snapshots/trend?region=09991&colour=red", member, 400, "colour"},
		{"/api/v1/snapshots/trend?region=09991", viewer, 403, ""},
		{"/api/v1/snapshots/trend?region=09991", "", 401, ""},
		{"/api/v1/snapshots/trend?region=09992", member, 404, ""},
	} {
		code, _, v := f.do(t, "GET", tc.path, tc.token, nil)
		if code != tc.want {
			t.Errorf("GET %s: %d, want %d (%v)", tc.path, code, tc.want, v)
			continue
		}
		if tc.field != "" && !strings.Contains(errorFields(v), tc.field) {
			t.Errorf("GET %s: errors %v do not name %s", tc.path, v["errors"], tc.field)
		}
	}
}

func errorFields(v map[string]any) string {
	var out []string
	errs, _ := v["errors"].([]any)
	for _, e := range errs {
		out = append(out, e.(map[string]any)["field"].(string))
	}
	return strings.Join(out, ",")
}
