package analysis

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// TestSplitRegions: splitting the whole demo gives, region by region, the same coverage as
// the region's own snapshot.
func TestSplitRegions(t *testing.T) {
	d := demo.Demo()
	all := &graph.Snapshot{Relations: d.Relations}
	for _, e := range d.Nodes {
		all.Add(e)
	}
	graph.SortRelations(all.Relations)
	parts := SplitRegions(all)
	own := demoSnapshots(t)
	if len(parts) != 5 {
		t.Fatalf("%d parts", len(parts))
	}
	for _, p := range parts {
		o := own[p.Region]
		if len(p.Measures) != len(o.Measures) || len(p.Relations) != len(o.Relations) || len(p.TargetGroups) != len(o.TargetGroups) || len(p.Regions) != 1 {
			t.Errorf("region %s: %d measures, %d relations, %d groups; own snapshot %d, %d, %d", p.Region,
				len(p.Measures), len(p.Relations), len(p.TargetGroups), len(o.Measures), len(o.Relations), len(o.TargetGroups))
		}
		a, _ := ComputeCoverage(p, CoverageParams{})
		b, _ := ComputeCoverage(o, CoverageParams{})
		if d := cmp.Diff(b.Gaps, a.Gaps); d != "" {
			t.Errorf("region %s gaps differ (-own +split):\n%s", p.Region, d)
		}
	}
}
