package duplicates

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// TestDuplicatesPrefixFilterExact: skipping the pairs the candidate bound rules out changes
// nothing but the count of scored pairs, on dense synthetic blocks (templates repeat within a
// cell) and on the demo, for the defaults, for thresholds that lower and raise the
// probability that matters, and for a model refitted with verdicts.
func TestDuplicatesPrefixFilterExact(t *testing.T) {
	sc := demo.Scale{Name: "prefix", Regions: 2, MunicipalitiesPerRegion: 4, OrganisationsPerRegion: 150,
		MeasuresPerRegion: 1200, ActorsPerRegion: 10, NetworksPerRegion: 5, FieldsPerRegion: 3, GoalsPerField: 1}
	dense, err := demo.ScaleSnapshot(context.Background(), sc, 7)
	if err != nil {
		t.Fatal(err)
	}
	snaps := []*graph.Snapshot{dense}
	demoSnaps := demoSnapshots(t)
	for _, key := range sortedKeys(demoSnaps) {
		snaps = append(snaps, demoSnaps[key])
	}
	// A region with verdicts: its model is refitted, and with it the bound.
	truth := demo.Demo().Truth
	reviewed := *demoSnaps["05562"]
	reviewed.Relations = slices.Clone(reviewed.Relations)
	for i, d := range truth.Duplicates[:6] {
		if d.Region == "05562" {
			verdict := []string{VerdictDuplicate, VerdictNotDuplicate}[i%2]
			reviewed.Relations = append(reviewed.Relations, graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: d.A, To: d.B},
				Props: graph.RelProps{Verdict: verdict}})
		}
	}
	snaps = append(snaps, &reviewed)
	for _, p := range []Params{{}, {Threshold: 0.3}, {Threshold: 0.9, ClustersOnly: true}} {
		rp, err := p.resolve()
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range snaps {
			pruned := findResolved(s, rp)
			rp.noPrune = true
			full := findResolved(s, rp)
			rp.noPrune = false
			st := pruned.Steps
			if !(st.Kept <= st.Scored && st.Scored <= st.Bounded && st.Bounded <= st.Indexed && st.Indexed <= full.Candidates) ||
				full.Steps.Scored != full.Candidates || st.Kept != full.Steps.Kept {
				t.Fatalf("%+v, snapshot %d: steps %+v with the bound, %+v without, %d candidates", p, i, st, full.Steps, full.Candidates)
			}
			pruned.Steps = full.Steps
			if !reflect.DeepEqual(pruned, full) {
				t.Fatalf("%+v, snapshot %d: pruned %d pairs (%d above), full %d (%d above)", p, i, len(pruned.Pairs), pruned.AboveThreshold, len(full.Pairs), full.AboveThreshold)
			}
			t.Logf("%+v, snapshot %d (%s): %d candidates, %d indexed, %d bounded, %d scored, %d kept, %d above the threshold, %d listed, %d clusters",
				p, i, full.Model.Source, full.Candidates, st.Indexed, st.Bounded, st.Scored, st.Kept, full.AboveThreshold, len(full.Pairs), len(full.Clusters))
		}
	}
}
