package analysis

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestCollaborationGraphByHand: organisations a–e, actor x, networks n1 = {a, b, c, x} and
// n2 = {b, c}, cooperations a–d and b–c. Expected weights: a–b 1 (n1), a–c 1 (n1), b–c 3
// (n1, n2 and the cooperation), a–d 1 (cooperation); e has no tie, and the actor is no node.
func TestCollaborationGraphByHand(t *testing.T) {
	org := func(id string) *graph.Organisation { return &graph.Organisation{Meta: graph.Meta{ID: id}} }
	rel := func(typ graph.RelType, from, to string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: typ, From: from, To: to}}
	}
	s := &graph.Snapshot{
		Organisations: []*graph.Organisation{org("org_a"), org("org_b"), org("org_c"), org("org_d"), org("org_e")},
		Actors:        []*graph.Actor{{Meta: graph.Meta{ID: "act_x"}}},
		Networks:      []*graph.Network{{Meta: graph.Meta{ID: "net_1"}}, {Meta: graph.Meta{ID: "net_2"}}},
		Relations: []graph.Relation{
			rel(graph.CooperatesWith, "org_a", "org_d"),
			rel(graph.CooperatesWith, "org_b", "org_c"),
			rel(graph.MemberOf, "act_x", "net_1"),
			rel(graph.MemberOf, "org_a", "net_1"),
			rel(graph.MemberOf, "org_b", "net_1"),
			rel(graph.MemberOf, "org_b", "net_2"),
			rel(graph.MemberOf, "org_c", "net_1"),
			rel(graph.MemberOf, "org_c", "net_2"),
			rel(graph.WorksFor, "act_x", "org_e"), // not a collaboration tie
		},
	}
	c := CollaborationGraph(s)
	want := []netgraph.Edge{{U: 0, V: 1, W: 1}, {U: 0, V: 2, W: 1}, {U: 0, V: 3, W: 1}, {U: 1, V: 2, W: 3}}
	if diff := cmp.Diff(want, c.Graph.Edges()); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"org_a", "org_b", "org_c", "org_d", "org_e"}, c.IDs); diff != "" || c.Index["org_c"] != 2 {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		u, v      string
		shared    int
		cooperate bool
	}{{"org_b", "org_c", 2, true}, {"org_c", "org_b", 2, true}, {"org_a", "org_b", 1, false}, {"org_a", "org_d", 0, true}, {"org_a", "org_e", 0, false}} {
		u, v := c.Index[tc.u], c.Index[tc.v]
		if got, coop := c.SharedNetworks(u, v), c.Cooperate(u, v); got != tc.shared || coop != tc.cooperate {
			t.Errorf("%s–%s: %d shared networks, cooperate %v; want %d, %v", tc.u, tc.v, got, coop, tc.shared, tc.cooperate)
		}
	}
	if diff := cmp.Diff([]int32{4}, netgraph.Isolated(c.Graph)); diff != "" {
		t.Errorf("isolated (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int32{0, 3}, c.Nodes([]string{"org_a", "act_x", "org_d"})); diff != "" {
		t.Errorf("Nodes (-want +got):\n%s", diff)
	}
}

// TestCollaborationGraphDemo: on every demo region the total edge weight is the number of
// organisation pairs per network, summed over networks, plus the number of cooperations.
func TestCollaborationGraphDemo(t *testing.T) {
	for key, s := range demoSnapshots(t) {
		orgs := map[string]bool{}
		for _, o := range s.Organisations {
			orgs[o.ID] = true
		}
		perNetwork := map[string]int{}
		want := 0.0
		for _, r := range s.Relations {
			switch {
			case r.Type == graph.MemberOf && orgs[r.From]:
				perNetwork[r.To]++
			case r.Type == graph.CooperatesWith:
				want++
			}
		}
		for _, k := range perNetwork {
			want += float64(k * (k - 1) / 2)
		}
		c := CollaborationGraph(s)
		var total float64
		for _, e := range c.Graph.Edges() {
			total += e.W
		}
		if total != want {
			t.Errorf("region %s: total weight %g, want %g", key, total, want)
		}
		_, q := netgraph.Louvain(c.Graph, 1, 1)
		t.Logf("region %s: %d organisations, %d ties (weight %g), %d isolated, %d articulation points, Louvain Q %.3f",
			key, c.Graph.Order(), c.Graph.Size(), total, len(netgraph.Isolated(c.Graph)), len(netgraph.ArticulationPoints(c.Graph)), q)
	}
}
