package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// TestAnalyseNetworkHandCounty uses partnerCounty: its ties form the path T–O–Z–P1 (T
// cooperates with O; O and Z share N1; Z and P1 share N2), and P2, P3 have none.
//
//	betweenness: O lies on the shortest paths T–Z and T–P1 → 2; Z on O–P1 and T–P1 → 2
//	articulation points: O and Z (removing either splits the path); isolated: P2, P3
//	components: 3; density 3 ties / (6·5/2) possible = 0.2
func TestAnalyseNetworkHandCounty(t *testing.T) {
	s := partnerCounty()
	col := CollaborationGraph(s)
	n, err := AnalyseNetwork(s, col, NetworkParams{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Organisations != 6 || n.Ties != 3 || n.Components != 3 || math.Abs(n.Density-0.2) > 1e-12 {
		t.Errorf("figures: %d organisations, %d ties, %d components, density %v", n.Organisations, n.Ties, n.Components, n.Density)
	}
	by := map[string]OrgMetrics{}
	for _, m := range n.Nodes {
		by[m.ID] = m
	}
	for id, want := range map[string]float64{"O": 2, "Z": 2, "T": 0, "P1": 0, "P2": 0} {
		if math.Abs(by[id].Betweenness-want) > 1e-12 {
			t.Errorf("betweenness of %s = %v, want %v", id, by[id].Betweenness, want)
		}
	}
	names := func(ns []Named) (out []string) {
		for _, x := range ns {
			out = append(out, x.ID)
		}
		slices.Sort(out)
		return out
	}
	if d := cmp.Diff([]string{"O", "Z"}, names(n.ArticulationPoints)); d != "" {
		t.Errorf("articulation points (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"P2", "P3"}, names(n.Isolated)); d != "" {
		t.Errorf("isolated (-want +got):\n%s", d)
	}
	if len(n.Brokers) != 2 || by["O"].Degree != 2 || by["O"].Strength != 2 {
		t.Errorf("brokers %v, O %+v", n.Brokers, by["O"])
	}
	want := []Tie{
		{A: "O", B: "T", Weight: 1, Networks: []string{}, Cooperation: true},
		{A: "O", B: "Z", Weight: 1, Networks: []string{"N1"}},
		{A: "P1", B: "Z", Weight: 1, Networks: []string{"N2"}},
	}
	if d := cmp.Diff(want, n.Edges); d != "" {
		t.Errorf("ties (-want +got):\n%s", d)
	}
	sum := 0.0
	for _, m := range n.Nodes {
		sum += m.PageRank
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("PageRank sums to %v", sum)
	}
	// The same seed gives the same communities.
	again, _ := AnalyseNetwork(s, col, NetworkParams{})
	if d := cmp.Diff(n, again); d != "" {
		t.Errorf("a second run differs:\n%s", d)
	}

	// Field F1: only O and P1 work in it, without a tie between them.
	f1, err := AnalyseNetwork(s, col, NetworkParams{Field: "F1"})
	if err != nil {
		t.Fatal(err)
	}
	if f1.Organisations != 2 || f1.Ties != 0 || len(f1.Isolated) != 2 || len(f1.Edges) != 0 {
		t.Errorf("field F1: %+v", f1)
	}
	var a DensityRow
	for _, r := range n.DensityByMunicipality {
		if r.ID == "A" {
			a = r
		}
	}
	if a.Organisations != 3 || a.Ties != 0 || a.Density != 0 {
		t.Errorf("density in A: %+v (O, P1, P2 without ties)", a)
	}
	for _, p := range []NetworkParams{{Field: "nope"}, {Municipality: "nope"}, {Resolution: -1}} {
		if _, err := AnalyseNetwork(s, col, p); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("%+v accepted: %v", p, err)
		}
	}
}

func TestEgoNetworkHandCounty(t *testing.T) {
	s := partnerCounty()
	col := CollaborationGraph(s)
	e, err := EgoNetwork(s, col, "O", 2)
	if err != nil {
		t.Fatal(err)
	}
	dist := map[string]int{}
	for _, n := range e.Nodes {
		dist[n.ID] = n.Distance
	}
	if d := cmp.Diff(map[string]int{"O": 0, "Z": 1, "T": 1, "P1": 2}, dist); d != "" {
		t.Errorf("ego of O, depth 2 (-want +got):\n%s", d)
	}
	if len(e.Edges) != 3 || e.Nodes[0].ID != "O" {
		t.Errorf("ego edges %v", e.Edges)
	}
	e, _ = EgoNetwork(s, col, "O", 1)
	if len(e.Nodes) != 3 || len(e.Edges) != 2 {
		t.Errorf("depth 1: %v %v", e.Nodes, e.Edges)
	}
	if _, err := EgoNetwork(s, col, "O", 4); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("depth 4: %v", err)
	}
	if _, err := EgoNetwork(s, col, "X", 1); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v", err)
	}
}

// TestNetworkFindsPlantedStructure: in every demo region the isolated organisations and the
// articulation points are exactly the planted ones, and the two planted brokers are among
// the three with the highest betweenness (the third is the articulation point where its
// town's round table hangs on it).
func TestNetworkFindsPlantedStructure(t *testing.T) {
	snaps := demoSnapshots(t)
	truth := demo.Demo().Truth
	for _, nt := range truth.Networks {
		s := snaps[nt.Region]
		n, err := AnalyseNetwork(s, CollaborationGraph(s), NetworkParams{})
		if err != nil {
			t.Fatal(err)
		}
		ids := func(refs []Named) []string {
			var out []string
			for _, r := range refs {
				out = append(out, r.ID)
			}
			slices.Sort(out)
			return out
		}
		var iso, ap, br []string
		for _, o := range nt.Isolated {
			iso = append(iso, o.ID)
		}
		for _, o := range nt.ArticulationPoints {
			ap = append(ap, o.ID)
		}
		for _, o := range nt.Brokers {
			br = append(br, o.ID)
		}
		slices.Sort(iso)
		slices.Sort(ap)
		slices.Sort(br)
		if d := cmp.Diff(iso, ids(n.Isolated)); d != "" {
			t.Errorf("region %s isolated (-planted +found):\n%s", nt.Region, d)
		}
		if d := cmp.Diff(ap, ids(n.ArticulationPoints)); d != "" {
			t.Errorf("region %s articulation points (-planted +found):\n%s", nt.Region, d)
		}
		var top []string
		for _, b := range n.Brokers[:3] {
			top = append(top, b.ID)
		}
		for _, b := range br {
			if !slices.Contains(top, b) {
				t.Errorf("region %s: planted broker %s is not among the three highest betweenness %v", nt.Region, b, top)
			}
		}
		t.Logf("region %s: %d organisations, %d ties, %d communities, modularity %.3f, %d isolated, %d articulation points",
			nt.Region, n.Organisations, n.Ties, len(n.Communities), n.Modularity, len(n.Isolated), len(n.ArticulationPoints))
	}
}
