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

// TestAttainmentFindsPlantedClasses: every indicator of the demo gets the class planted into
// its series (groundtruth.json, "attainment"), in every county, and every class occurs in
// every county.
func TestAttainmentFindsPlantedClasses(t *testing.T) {
	truth := demo.Demo().Truth
	snaps := demoSnapshots(t)
	if len(truth.Attainment) != len(snaps) {
		t.Fatalf("ground truth for %d regions, demo has %d", len(truth.Attainment), len(snaps))
	}
	total, hit := 0, 0
	for _, at := range truth.Attainment {
		r, err := ComputeAttainment(snaps[at.Region], AttainmentParams{Year: at.Year})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, ind := range r.Indicators {
			want, ok := at.Classes[ind.Indicator]
			if !ok {
				t.Errorf("%s: indicator %s (%s) has no planted class", at.Region, ind.Indicator, ind.Name)
				continue
			}
			total++
			seen[ind.Class]++
			if ind.Class != want {
				t.Errorf("%s: %s is %s, planted %s: %s", at.Region, ind.Name, ind.Class, want, ind.Explanation)
				continue
			}
			hit++
		}
		for _, c := range AttainmentClasses {
			if seen[c] == 0 {
				t.Errorf("%s: no indicator is %s", at.Region, c)
			}
		}
		t.Logf("%s (%d): %v", at.Region, at.Year, seen)
	}
	t.Logf("%d of %d planted attainment classes found", hit, total)
}

// TestStructuresFindPlanted: every overlapping structure planted in the demo is found with its
// kind, and no decoy (bodies that merely share one member) is reported. Other reported pairs
// are listed: the demo's generated bodies overlap by themselves in places.
func TestStructuresFindPlanted(t *testing.T) {
	truth := demo.Demo().Truth
	snaps := demoSnapshots(t)
	found := map[[2]string]string{}
	reported := 0
	for _, s := range snaps {
		r, err := FindStructures(s, StructureParams{})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range r.Overlaps {
			found[[2]string{min(o.A.ID, o.B.ID), max(o.A.ID, o.B.ID)}] = o.Kind
			reported++
		}
	}
	planted, hit, decoys := 0, 0, 0
	known := map[[2]string]bool{}
	for _, st := range truth.Structures {
		key := [2]string{st.A, st.B}
		known[key] = true
		kind, ok := found[key]
		switch {
		case st.Planted:
			planted++
			if !ok || kind != st.Kind {
				t.Errorf("%s: planted %s %s–%s (%s) found as %q", st.Region, st.Kind, st.A, st.B, st.Note, kind)
				continue
			}
			hit++
		default:
			decoys++
			if ok {
				t.Errorf("%s: decoy %s–%s (%s) reported as %s", st.Region, st.A, st.B, st.Note, kind)
			}
		}
	}
	other := 0
	for key := range found {
		if !known[key] {
			other++
		}
	}
	t.Logf("structures on the demo: %d of %d planted overlaps found, %d decoys not reported, %d other pairs reported (%d in all)", hit, planted, decoys, other, reported)
}
