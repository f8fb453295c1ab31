package httpapi

import (
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestCoordinationRoutes: a coordinator marks a parallel offer "Abstimmung angestoßen" with a
// due date; the duplicates keep the pair with it, the region's list of coordinations names
// both offers, their providers and the shared municipality; one started earlier whose day has
// passed is overdue and listed first; the public sees neither who nor why; bad due dates are
// refused naming the field, and nothing is written.
func TestCoordinationRoutes(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	mk := func(e graph.Entity) string {
		t.Helper()
		out, err := f.store.Create(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		return out.Base().ID
	}
	relate := func(typ graph.RelType, from, to string, props graph.RelProps) {
		t.Helper()
		if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: typ, From: from, To: to}, Props: props}); err != nil {
			t.Fatal(err)
		}
	}
	diakonie := mk(&graph.Organisation{Name: "Diakonie Musterstadt", Region: "09991", Kind: "welfare_association"})
	vhs := mk(&graph.Organisation{Name: "Volkshochschule", Region: "09991", Kind: "education_provider"})
	other := mk(&graph.Measure{Title: "Sprachtreff", Region: "09991", Status: "active", Level: "operational"})
	relate(graph.Provides, diakonie, other, graph.RelProps{})
	relate(graph.OfferedIn, other, f.muni, graph.RelProps{})
	third := mk(&graph.Measure{Title: "Elterncafé", Region: "09991", Status: "active", Level: "operational"})
	fourth := mk(&graph.Measure{Title: "Elterntreff", Region: "09991", Status: "active", Level: "operational"})
	relate(graph.Provides, vhs, third, graph.RelProps{})
	// Started a while ago, due yesterday: overdue now (written to the store, as the API
	// refuses a past day).
	yesterday := graph.Date(time.Now().In(berlin).AddDate(0, 0, -1).Format(time.DateOnly))
	relate(graph.Reviewed, third, fourth, graph.RelProps{Verdict: graph.VerdictCoordinating, Due: yesterday, By: "früher", At: time.Now().UTC().Add(-30 * 24 * time.Hour).Truncate(time.Second)})

	f.addUser(t, "koordination", false, map[string]graph.Role{"09991": graph.RoleCoordinator})
	f.addUser(t, "mitglied", false, map[string]graph.Role{"09991": graph.RoleMember})
	coord, member := f.login(t, "koordination"), f.login(t, "mitglied")
	due := graph.Date(time.Now().In(berlin).AddDate(0, 1, 0).Format(time.DateOnly))

	rev, err := f.store.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		body  map[string]string
		field string
	}{
		{map[string]string{"a": f.measure, "b": other, "verdict": "coordinating"}, "due"},
		{map[string]string{"a": f.measure, "b": other, "verdict": "coordinating", "due": "31.12.2026"}, "due"},
		{map[string]string{"a": f.measure, "b": other, "verdict": "coordinating", "due": string(yesterday)}, "due"},
		{map[string]string{"a": f.measure, "b": other, "verdict": "intended", "due": string(due)}, "due"},
	} {
		code, _, v := f.do(t, "POST", "/api/v1/analysis/duplicates/verdicts", coord, tc.body)
		if code != 400 || !strings.Contains(errorFields(v), tc.field) {
			t.Errorf("%v: %d %v, want 400 naming %s", tc.body, code, v, tc.field)
		}
	}
	if code, _, v := f.do(t, "POST", "/api/v1/analysis/structures/verdicts", coord, map[string]string{"a": "net_01HK153X00CSQVWANBEDWQEWCJ", "b": "net_01HK153X00CSQVWANBEDWQEWCK", "verdict": "coordinating", "due": string(due)}); code != 400 || errorFields(v) != "verdict" {
		t.Errorf("coordinating two networks: %d %v, want 400 naming verdict", code, v)
	}
	if now, _ := f.store.Revision(ctx); now != rev {
		t.Fatalf("refused verdicts wrote something: revision %d → %d", rev, now)
	}

	code, _, v := f.do(t, "POST", "/api/v1/analysis/duplicates/verdicts", coord, map[string]string{"a": other, "b": f.measure, "verdict": "coordinating", "due": " " + string(due) + " ", "note": "Treffen der Träger im Rathaus"})
	if code != 200 || v["verdict"] != "coordinating" || v["due"] != string(due) || v["by"] != "koordination" {
		t.Fatalf("coordinating: %d %v", code, v)
	}

	_, _, d := f.do(t, "GET", "/api/v1/analysis/duplicates?region=09991", member, nil)
	var pair map[string]any
	for _, p := range d["pairs"].([]any) {
		if p := p.(map[string]any); p["verdict"] == "coordinating" && p["due"] == string(due) {
			pair = p
		}
	}
	if pair == nil || pair["overdue"] == true || !strings.Contains(pair["why"].(map[string]any)["de"].(string), "in Abstimmung bis") {
		t.Fatalf("the pair under coordination must stay reported with its due date: %v", d["pairs"])
	}

	code, _, list := f.do(t, "GET", "/api/v1/analysis/duplicates/coordinations?region=09991", member, nil)
	if code != 200 || list["total"].(float64) != 2 || list["overdue"].(float64) != 1 {
		t.Fatalf("coordinations: %d %v", code, list)
	}
	items := list["items"].([]any)
	late, open := items[0].(map[string]any), items[1].(map[string]any)
	if late["due"] != string(yesterday) || late["overdue"] != true || late["by"] != "früher" {
		t.Errorf("first: %v, want the overdue one", late)
	}
	if open["due"] != string(due) || open["overdue"] != false || open["note"] != "Treffen der Träger im Rathaus" {
		t.Errorf("second: %v", open)
	}
	names := func(side any, key string) string {
		var out []string
		for _, n := range side.(map[string]any)[key].([]any) {
			out = append(out, n.(map[string]any)["name"].(string))
		}
		return strings.Join(out, ", ")
	}
	titles := open["a"].(map[string]any)["title"].(string) + " / " + open["b"].(map[string]any)["title"].(string)
	if !strings.Contains(titles, "Sprachcafé") || !strings.Contains(titles, "Sprachtreff") {
		t.Errorf("offers %s", titles)
	}
	if p := names(open["a"], "providers") + " | " + names(open["b"], "providers"); !strings.Contains(p, "Diakonie Musterstadt") || !strings.Contains(p, "Caritasverband Musterstadt") {
		t.Errorf("providers %s", p)
	}
	if m := names(open, "municipalities"); m != "Musterstadt" {
		t.Errorf("shared municipalities %q, want Musterstadt", m)
	}

	// The public: the same list without who and why.
	code, _, pub := f.get(t, "/api/v1/analysis/duplicates/coordinations?region=09991")
	if code != 200 || pub["total"].(float64) != 2 {
		t.Fatalf("public: %d %v", code, pub)
	}
	for _, it := range pub["items"].([]any) {
		if it.(map[string]any)["by"] != nil || it.(map[string]any)["note"] != nil {
			t.Errorf("the public sees who or why: %v", it)
		}
	}
	for path, want := range map[string]int{
		"/api/v1/analysis/duplicates/coordinations":                  400,
		"/api/v1/analysis/duplicates/coordinations?region=09992":     404,
		"/api/v1/analysis/duplicates/coordinations?region=09991&x=1": 400,
	} {
		if code, _, v := f.get(t, path); code != want {
			t.Errorf("%s: %d, want %d (%v)", path, code, want, v)
		}
	}

	// A final verdict ends the coordination.
	if code, _, v := f.do(t, "POST", "/api/v1/analysis/duplicates/verdicts", coord, map[string]string{"a": other, "b": f.measure, "verdict": "intended"}); code != 200 || v["replaced"].(map[string]any)["due"] != string(due) {
		t.Fatalf("final verdict: %d %v", code, v)
	}
	if _, _, list := f.do(t, "GET", "/api/v1/analysis/duplicates/coordinations?region=09991", member, nil); list["total"].(float64) != 1 {
		t.Errorf("after the final verdict: %v", list)
	}
}
