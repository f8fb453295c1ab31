package analysis

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// demoSnapshots splits the demo data set into one snapshot per region, as a store would
// return them (shared target groups in every region).
func demoSnapshots(t *testing.T) map[string]*graph.Snapshot {
	t.Helper()
	d := demo.Demo()
	region := map[string]string{}
	snaps := map[string]*graph.Snapshot{}
	for _, e := range d.Nodes {
		if r, ok := e.(*graph.Region); ok {
			snaps[r.ID] = &graph.Snapshot{Region: r.ID}
		}
	}
	for _, e := range d.Nodes {
		region[e.Base().ID] = e.RegionKey()
		for key, s := range snaps {
			if e.RegionKey() == key || e.RegionKey() == "" {
				s.Add(e)
			}
		}
	}
	for _, r := range d.Relations {
		if s := snaps[region[r.From]]; s != nil {
			s.Relations = append(s.Relations, r)
		}
	}
	return snaps
}

// TestCoverageFindsPlantedGaps: every gap planted in the demo is found, and no other cell is
// a gap (the demo covers every other cell with an active measure). The planted target-group
// gaps are gaps for their group.
func TestCoverageFindsPlantedGaps(t *testing.T) {
	truth := demo.Demo().Truth
	planted := map[[2]string]bool{}
	for _, g := range truth.Gaps {
		planted[[2]string{g.Municipality, g.Field}] = true
	}
	found, cells := 0, 0
	snaps := demoSnapshots(t)
	for key, s := range snaps {
		c, err := ComputeCoverage(s, CoverageParams{})
		if err != nil {
			t.Fatal(err)
		}
		cells += len(c.Cells)
		for _, g := range c.Gaps {
			if !planted[[2]string{g.Municipality, g.Field}] {
				t.Errorf("region %s: unplanted gap %s/%s: %s", key, g.Municipality, g.Field, g.Explanation)
				continue
			}
			found++
		}
	}
	if found != len(truth.Gaps) {
		t.Fatalf("found %d of %d planted gaps", found, len(truth.Gaps))
	}
	for _, g := range truth.TargetGroupGaps {
		c, _ := ComputeCoverage(snaps[g.Region], CoverageParams{TargetGroup: g.TargetGroup})
		if cell, ok := c.Cell(g.Municipality, g.Field); !ok || cell.Class != ClassGap {
			t.Errorf("target-group gap %s/%s/%s: %+v", g.MunicipalityName, g.FieldName, g.TargetGroupName, cell)
		}
	}
	t.Logf("%d cells; all %d planted gaps found, no other gap; %d target-group gaps found", cells, found, len(truth.TargetGroupGaps))
}
