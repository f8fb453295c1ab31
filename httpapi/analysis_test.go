package httpapi

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func TestCoverageRoute(t *testing.T) {
	f := newFixture(t)
	code, _, v := f.get(t, "/api/v1/analysis/coverage?region=09991")
	if code != 200 || len(v["cells"].([]any)) != 0 {
		// the fixture's region has a municipality but no field: an empty matrix
		t.Fatalf("coverage: %d %v", code, v)
	}
	// A field makes a matrix: the public measure is offered in the municipality but is in no
	// field yet, so the cell is a gap; after linking, it is covered.
	ctx := t.Context()
	fld, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/analysis/coverage?region=09991")
	if gaps := v["gaps"].([]any); len(gaps) != 1 {
		t.Fatalf("gaps %v", gaps)
	}
	if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: f.measure, To: fld.Base().ID}}); err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/analysis/coverage?region=09991")
	cell := v["cells"].([]any)[0].(map[string]any)
	if cell["class"] != "covered" || cell["offers"].(float64) != 1 {
		t.Fatalf("after linking the field: %v (the cache must not serve the old result)", cell)
	}
	for path, want := range map[string]int{
		"/api/v1/analysis/coverage":                            400,
		"/api/v1/analysis/coverage?region=09992":               404, // internal region, anonymous caller
		"/api/v1/analysis/coverage?region=09991&demand=alle":   400,
		"/api/v1/analysis/coverage?region=09991&thin_factor=x": 400,
		"/api/v1/analysis/coverage?region=09991&sort=x":        400,
	} {
		if code, _, _ := f.get(t, path); code != want {
			t.Errorf("%s: %d, want %d", path, code, want)
		}
	}
}
