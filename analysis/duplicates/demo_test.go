package duplicates

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// demoTruthPairs returns the planted duplicate pairs by region and the hard negatives.
func demoTruthPairs() (map[string]map[[2]string]string, map[[2]string]demo.NonDuplicate) {
	truth := demo.Demo().Truth
	dups := map[string]map[[2]string]string{}
	for _, d := range truth.Duplicates {
		if dups[d.Region] == nil {
			dups[d.Region] = map[[2]string]string{}
		}
		dups[d.Region][[2]string{d.A, d.B}] = d.Kind
	}
	neg := map[[2]string]demo.NonDuplicate{}
	for _, n := range truth.Negatives {
		neg[[2]string{n.A, n.B}] = n
	}
	return dups, neg
}

// clusterPairs returns every pair of measures that share a cluster: what the result says is
// the same offer.
func clusterPairs(cs []Cluster) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, c := range cs {
		for i, a := range c.Measures {
			for _, b := range c.Measures[i+1:] {
				out[[2]string{a, b}] = true
			}
		}
	}
	return out
}

type prCount struct{ tp, reported, planted int }

func (c prCount) precision() float64 {
	if c.reported == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.reported)
}

func (c prCount) recall() float64 {
	if c.planted == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.planted)
}

func (c *prCount) add(o prCount) { c.tp += o.tp; c.reported += o.reported; c.planted += o.planted }

// TestDuplicatesDemoPrecisionRecall measures the detection against the duplicates planted in
// the demo, per region and overall, in two ways. Cluster pairs are all pairs of measures
// that share a reported cluster: what the result says is one offer. The ground truth labels
// whole clusters of two or three entries, and a cluster of three is found when two of its
// pairs are (the third entry of a cluster, reworded from the first, may share little with
// the second). Listed pairs are Result.Pairs, the spanning trees of the clusters, which
// leave out the third pair of a cluster of three. Both must reach precision and recall 0.95
// overall (listed pairs: recall 0.9, for the third pairs), the cluster figures 0.85 in every
// region (one false pair among the eight of the Märkischer Kreis is 0.875). No hard negative
// may be reported, and every listed planted pair must have its planted kind.
func TestDuplicatesDemoPrecisionRecall(t *testing.T) {
	planted, negatives := demoTruthPairs()
	snaps := demoSnapshots(t)
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range snaps {
			if !yield(k) {
				return
			}
		}
	})
	var pairsAll, clustersAll prCount
	t.Logf("%-6s %9s %10s %7s %6s %6s %7s %9s   %-24s   %-21s", "region", "measures", "candidates", "scored", "kept", "pairs", "planted", "clusters", "listed pairs: P / R", "cluster pairs: P / R")
	for _, key := range keys {
		d := mustFind(t, snaps[key], Params{})
		want := planted[key]
		var pc, cc prCount
		pc.planted, cc.planted = len(want), len(want)
		for _, p := range d.Pairs {
			pc.reported++
			k := [2]string{p.A, p.B}
			if kind, ok := want[k]; ok {
				pc.tp++
				if p.Kind != kind {
					t.Errorf("%s: pair %s–%s is a %s, planted as %s", key, p.A, p.B, p.Kind, kind)
				}
			} else {
				t.Logf("%s: unplanted pair reported: %s", key, p.Explanation)
			}
			if n, ok := negatives[k]; ok {
				t.Errorf("%s: hard negative reported (%s: %s)", key, n.Reason, n.Note)
			}
		}
		for k := range clusterPairs(d.Clusters) {
			cc.reported++
			if _, ok := want[k]; ok {
				cc.tp++
			}
			if n, ok := negatives[k]; ok {
				t.Errorf("%s: hard negative in one cluster (%s: %s)", key, n.Reason, n.Note)
			}
		}
		t.Logf("%-6s %9d %10d %7d %6d %6d %7d %9d   %.3f / %.3f (%2d/%2d)   %.3f / %.3f (%2d/%2d)", key, d.Measures, d.Candidates, d.Steps.Scored, d.Steps.Kept, len(d.Pairs), len(want), len(d.Clusters),
			pc.precision(), pc.recall(), pc.tp, pc.planted, cc.precision(), cc.recall(), cc.tp, cc.planted)
		if cc.precision() < 0.85 || cc.recall() < 0.85 {
			t.Errorf("%s: cluster precision %.3f, recall %.3f; want both ≥ 0.85", key, cc.precision(), cc.recall())
		}
		pairsAll.add(pc)
		clustersAll.add(cc)
	}
	t.Logf("%-6s %9s %10s %7s %6s %6d %7d %9s   %.3f / %.3f (%2d/%2d)   %.3f / %.3f (%2d/%2d)", "all", "", "", "", "", pairsAll.reported, pairsAll.planted, "",
		pairsAll.precision(), pairsAll.recall(), pairsAll.tp, pairsAll.planted, clustersAll.precision(), clustersAll.recall(), clustersAll.tp, clustersAll.planted)
	fmt.Printf("duplicates on the demo: cluster pairs precision %.3f recall %.3f; listed pairs precision %.3f recall %.3f\n",
		clustersAll.precision(), clustersAll.recall(),
		pairsAll.precision(), pairsAll.recall())
	for _, c := range []struct {
		name      string
		c         prCount
		precision float64
		recall    float64
	}{{"listed pairs", pairsAll, 0.95, 0.9}, {"cluster pairs", clustersAll, 0.95, 0.95}} {
		if c.c.precision() < c.precision || c.c.recall() < c.recall {
			t.Errorf("%s overall: precision %.3f, recall %.3f; want ≥ %.2f and %.2f", c.name, c.c.precision(), c.c.recall(), c.precision, c.recall)
		}
	}
}

// demoClusterPR returns the precision and recall of the cluster pairs over all demo regions.
func demoClusterPR(t *testing.T, snaps map[string]*graph.Snapshot, p Params) (float64, float64) {
	t.Helper()
	planted, _ := demoTruthPairs()
	var all prCount
	for key, s := range snaps {
		d := mustFind(t, s, p)
		all.planted += len(planted[key])
		for k := range clusterPairs(d.Clusters) {
			all.reported++
			if _, ok := planted[key][k]; ok {
				all.tp++
			}
		}
	}
	return all.precision(), all.recall()
}

// TestDuplicatesDemoSensitivity: the default threshold is not a knife edge. Cluster
// precision and recall on the demo stay at 0.95 or more from 0.2 below the threshold to 0.2
// above it; the table shows how far.
func TestDuplicatesDemoSensitivity(t *testing.T) {
	snaps := demoSnapshots(t)
	line := "threshold → cluster pairs P/R:"
	for th := 0.05; th < 0.96; th += 0.05 {
		pr, rc := demoClusterPR(t, snaps, Params{Threshold: th})
		line += fmt.Sprintf(" %.2f %.2f/%.2f", th, pr, rc)
		if math.Abs(th-DefaultThreshold) <= 0.2+1e-9 && (pr < 0.95 || rc < 0.95) {
			t.Errorf("threshold %.2f: precision %.2f, recall %.2f", th, pr, rc)
		}
	}
	t.Log(line)
}

// demoSnapshots splits the demo data set into one snapshot per region, as a store would
// return them (shared target groups in every region). A copy of analysis's helper of the
// same name: these tests cannot import analysis, which imports this package.
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
