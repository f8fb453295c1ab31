package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// TestUpgradeV1 opens a data folder written before the integration concept became data
// (testdata/datav1/README.md) and checks the upgrade: directions inferred from target and
// first value, the sole provider made lead body, one audit entry, nothing else changed, and
// nothing done again on the next opening.
func TestUpgradeV1(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join("testdata", "datav1", embedded.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, embedded.FileName), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	get := func(k graph.Kind, id string) graph.Entity {
		t.Helper()
		e, err := s.Get(ctx, k, id)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	for id, want := range map[string]string{
		"ind_01JV1000000000000000000001": "higher",
		"ind_01JV1000000000000000000002": "lower",
		"ind_01JV1000000000000000000003": "",
	} {
		ind := get(graph.KindIndicator, id).(*graph.Indicator)
		if ind.Direction != want {
			t.Errorf("%s direction %q, want %q", id, ind.Direction, want)
		}
		if want != "" && ind.Version != 2 {
			t.Errorf("%s version %d, want 2", id, ind.Version)
		}
	}
	roles := func(msr string) map[string]string {
		rs, err := s.Relations(ctx, graph.RelationQuery{Node: msr, Type: graph.Provides})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, r := range rs {
			out[r.From] = r.Props.Role
		}
		return out
	}
	if got := roles("msr_01JV1000000000000000000007"); got["org_01JV1000000000000000000005"] != "lead" {
		t.Errorf("sole provider roles %v, want lead", got)
	}
	if got := roles("msr_01JV1000000000000000000008"); len(got) != 2 || got["org_01JV1000000000000000000005"] != "" || got["org_01JV1000000000000000000006"] != "" {
		t.Errorf("two providers' roles %v, want both unknown", got)
	}
	m := get(graph.KindMeasure, "msr_01JV1000000000000000000007").(*graph.Measure)
	if m.Cost == nil || *m.Cost != 150 || m.Version != 1 {
		t.Errorf("measure after upgrade: cost %v version %d", m.Cost, m.Version)
	}
	page, err := s.Audit(ctx, graph.AuditQuery{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 || page.Items[0].Summary == "" || page.Items[0].User != graph.UpgradeUser {
		t.Fatalf("newest audit entry %+v, want the upgrade's summary", page.Items[0])
	}
	// Old entries accept today's edits: a goal gains a concept and a field.
	con, err := s.Create(ctx, &graph.Concept{Title: "Integrationsplan", Region: "09991"})
	if err != nil {
		t.Fatal(err)
	}
	g := get(graph.KindGoal, "gol_01JV1000000000000000000004").(*graph.Goal)
	g.Concept, g.Level = con.Base().ID, "strategic"
	if _, err := s.Update(ctx, g, g.Version); err != nil {
		t.Fatal(err)
	}
	// Someone clears the lead role again: the upgrade, done once, must not bring it back.
	if _, err := s.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides,
		From: "org_01JV1000000000000000000005", To: "msr_01JV1000000000000000000007"}}); err != nil {
		t.Fatal(err)
	}
	rev, _ := s.Revision(ctx)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if again, _ := s.Revision(ctx); again != rev {
		t.Fatalf("reopening changed the revision from %d to %d: the upgrade ran twice", rev, again)
	}
	if got := roles("msr_01JV1000000000000000000007"); got["org_01JV1000000000000000000005"] != "" {
		t.Errorf("after reopening the role is %q again: the upgrade ran twice", got["org_01JV1000000000000000000005"])
	}
}
