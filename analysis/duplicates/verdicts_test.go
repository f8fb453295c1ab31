package duplicates

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// TestDuplicatesVerdicts: verdicts suppress or confirm pairs (with the built-in model, so that
// the scores stay those without verdicts; TestDuplicatesVerdictsTeach shows the learning).
func TestDuplicatesVerdicts(t *testing.T) {
	f := clusterFixture().
		review("msr_b", "msr_a", VerdictNotDuplicate). // reported pair, rejected
		review("msr_d", "msr_e", VerdictIntended).     // reported pair, complementary on purpose
		review("msr_a", "msr_c", VerdictDuplicate).    // below the threshold, confirmed
		review("msr_c", "msr_f", VerdictNotDuplicate)  // below the threshold anyway
	f.add(dupM{id: "msr_g", title: "Anderswo", desc: "Ganz anderer Text", towns: []string{"09999002"}})
	f.review("msr_a", "msr_g", VerdictDuplicate) // does not pass blocking, confirmed
	d := mustFind(t, f.s, Params{Model: ModelBuiltIn})
	if got, want := pairIDs(d.Pairs), []string{"msr_a–msr_c", "msr_a–msr_g", "msr_b–msr_c"}; !slices.Equal(got, want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	if got, want := pairIDs(d.Reviewed), []string{"msr_a–msr_b", "msr_c–msr_f", "msr_d–msr_e"}; !slices.Equal(got, want) {
		t.Fatalf("reviewed %v, want %v", got, want)
	}
	for _, p := range d.Pairs {
		switch p.A + "–" + p.B {
		case "msr_a–msr_c", "msr_a–msr_g":
			if p.Verdict != VerdictDuplicate || p.VerdictBy == "" || p.VerdictAt.IsZero() || p.Score >= d.Threshold {
				t.Errorf("confirmed pair %s–%s: verdict %q by %q score %.2f", p.A, p.B, p.Verdict, p.VerdictBy, p.Score)
			}
			if p.A == "msr_a" && p.B == "msr_g" && len(p.Municipalities) != 0 {
				t.Errorf("confirmed pair outside blocking shares municipalities %v", p.Municipalities)
			}
		default:
			if p.Verdict != "" {
				t.Errorf("pair %s–%s has verdict %q", p.A, p.B, p.Verdict)
			}
		}
	}
	for _, p := range d.Reviewed {
		if p.Verdict == "" || !strings.Contains(p.Explanation, "not reported") || !strings.Contains(p.Why.DE, "nicht gemeldet") {
			t.Errorf("reviewed %s–%s: %q %.2f %s", p.A, p.B, p.Verdict, p.Score, p.Explanation)
		}
	}
	// a–b is rejected, but a–c (confirmed) and b–c keep a, b, c together; d–e is gone.
	if len(d.Clusters) != 1 || !slices.Equal(d.Clusters[0].Measures, []string{"msr_a", "msr_b", "msr_c", "msr_g"}) {
		t.Fatalf("clusters %+v", d.Clusters)
	}
}

// TestDuplicateVerdictsSurviveRestart: a verdict is a REVIEWED relation in the store. Written
// into the embedded store, it survives closing and reopening the store and changes the next
// run's result.
func TestDuplicateVerdictsSurviveRestart(t *testing.T) {
	ctx := graph.WithUser(context.Background(), "test")
	dir := t.TempDir()
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, s, demo.Demo(), nil); err != nil {
		t.Fatal(err)
	}
	const region = "05562"
	snap, err := s.Snapshot(ctx, region)
	if err != nil {
		t.Fatal(err)
	}
	before := mustFind(t, snap, Params{})
	if len(before.Pairs) < 2 || len(before.Reviewed) != 0 {
		t.Fatalf("before: %d pairs, %d reviewed", len(before.Pairs), len(before.Reviewed))
	}
	rejected := before.Pairs[0]
	// A pair that blocking never brings up: the first two measures of different towns.
	var other [2]string
	town := map[string]string{}
	for _, r := range snap.Relations {
		if r.Type == graph.OfferedIn {
			town[r.From] = r.To
		}
	}
	for _, m := range snap.Measures[1:] {
		if town[m.ID] != "" && town[m.ID] != town[snap.Measures[0].ID] {
			other = [2]string{snap.Measures[0].ID, m.ID}
			break
		}
	}
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	for _, r := range []graph.Relation{
		{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: rejected.B, To: rejected.A},
			Props: graph.RelProps{Verdict: VerdictNotDuplicate, By: "reviewer", At: at, Note: "verschiedene Zielgruppen"}},
		{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: other[0], To: other[1]},
			Props: graph.RelProps{Verdict: VerdictDuplicate, By: "reviewer", At: at}},
	} {
		if _, err := s.Relate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = embedded.Open(dir, embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap, err = s.Snapshot(ctx, region)
	if err != nil {
		t.Fatal(err)
	}
	after := mustFind(t, snap, Params{Model: ModelBuiltIn})
	if learnt := mustFind(t, snap, Params{}); learnt.Model.Source != ModelFitted || learnt.Model.Verdicts != 2 {
		t.Errorf("the region's model after two verdicts: %+v", learnt.Model)
	}
	if slices.Contains(pairIDs(after.Pairs), rejected.A+"–"+rejected.B) {
		t.Errorf("rejected pair still reported")
	}
	if len(after.Reviewed) != 1 || after.Reviewed[0].A != rejected.A || after.Reviewed[0].Verdict != VerdictNotDuplicate ||
		after.Reviewed[0].VerdictNote != "verschiedene Zielgruppen" || !after.Reviewed[0].VerdictAt.Equal(at) {
		t.Errorf("reviewed after restart: %+v", after.Reviewed)
	}
	confirmed := min(other[0], other[1]) + "–" + max(other[0], other[1])
	if !slices.Contains(pairIDs(after.Pairs), confirmed) {
		t.Errorf("confirmed pair %s not reported", confirmed)
	}
	if len(after.Pairs) != len(before.Pairs) {
		t.Errorf("after: %d pairs, want %d (one rejected, one confirmed)", len(after.Pairs), len(before.Pairs))
	}
	t.Logf("before the verdicts %d pairs; after a restart: %s rejected (in Reviewed), %s confirmed", len(before.Pairs), rejected.A+"–"+rejected.B, confirmed)
}
