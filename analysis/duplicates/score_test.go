package duplicates

import (
	"context"
	"reflect"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// TestDuplicatesPrefixFilterExact: skipping the cosines the prefix filter rules out changes
// nothing, on dense synthetic blocks (templates repeat within a cell) and on the demo, for
// the defaults and for parameters that lower the cosine needed.
func TestDuplicatesPrefixFilterExact(t *testing.T) {
	sc := demo.Scale{Name: "prefix", Regions: 2, MunicipalitiesPerRegion: 4, OrganisationsPerRegion: 150,
		MeasuresPerRegion: 1200, ActorsPerRegion: 10, NetworksPerRegion: 5, FieldsPerRegion: 3, GoalsPerField: 1}
	dense, err := demo.ScaleSnapshot(context.Background(), sc, 7)
	if err != nil {
		t.Fatal(err)
	}
	snaps := []*graph.Snapshot{dense}
	for _, s := range demoSnapshots(t) {
		snaps = append(snaps, s)
	}
	for _, p := range []Params{{}, {Threshold: 0.6, TextWeight: 0.9}, {Threshold: 0.9, TextFull: 0.8, TitleWeight: 2}} {
		rp, err := p.resolve()
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range snaps {
			pruned := findResolved(s, rp)
			rp.noPrune = true
			full := findResolved(s, rp)
			rp.noPrune = false
			if !reflect.DeepEqual(pruned, full) {
				t.Fatalf("%+v, snapshot %d: pruned %d pairs (%d above), full %d (%d above)", p, i, len(pruned.Pairs), pruned.AboveThreshold, len(full.Pairs), full.AboveThreshold)
			}
			if i == 0 && p.Threshold == 0 {
				t.Logf("dense set: %d candidates, %d above the threshold, %d listed, %d clusters", full.Candidates, full.AboveThreshold, len(full.Pairs), len(full.Clusters))
			}
		}
	}
}
