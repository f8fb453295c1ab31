package analysis

import (
	"cmp"
	"slices"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Collaboration is the organisations' collaboration graph of a snapshot: one node per
// organisation, and an edge between two organisations that weighs the number of networks
// both are members of (MEMBER_OF from an organisation to a network) plus 1 if they
// cooperate explicitly (COOPERATES_WITH). Actors' memberships do not count.
type Collaboration struct {
	// Graph is the graph over the node numbers 0..len(IDs)-1.
	Graph *netgraph.Graph
	// IDs names the nodes: node i is the organisation IDs[i], in snapshot order.
	IDs []string
	// Index maps an organisation ID to its node.
	Index map[string]int32
	// cooperating holds every COOPERATES_WITH pair as u<<32 | v with u < v, sorted.
	cooperating []uint64
}

// CollaborationGraph builds the collaboration graph of s. Each network contributes a clique
// on its member organisations; the edges of all cliques and cooperations are collected in
// one list and merged by netgraph.Build (weights summed), so no map of pairs is needed even
// at nation scale. Memberships and cooperations with an end outside s are ignored.
func CollaborationGraph(s *graph.Snapshot) *Collaboration {
	c := &Collaboration{IDs: make([]string, len(s.Organisations)), Index: make(map[string]int32, len(s.Organisations))}
	for i, o := range s.Organisations {
		c.IDs[i] = o.ID
		c.Index[o.ID] = int32(i)
	}
	network := make(map[string]int32, len(s.Networks))
	for i, n := range s.Networks {
		network[n.ID] = int32(i)
	}
	// Memberships as (network, organisation) pairs, grouped by network below.
	type member struct{ net, org int32 }
	var members []member
	var edges []netgraph.Edge
	for _, r := range s.Relations {
		switch r.Type {
		case graph.MemberOf:
			o, okO := c.Index[r.From] // an actor's ID is not in the index
			n, okN := network[r.To]
			if okO && okN {
				members = append(members, member{n, o})
			}
		case graph.CooperatesWith:
			u, okU := c.Index[r.From]
			v, okV := c.Index[r.To]
			if okU && okV && u != v {
				edges = append(edges, netgraph.Edge{U: u, V: v, W: 1})
				c.cooperating = append(c.cooperating, pairKey(u, v))
			}
		}
	}
	slices.Sort(c.cooperating)
	c.cooperating = slices.Compact(c.cooperating)
	slices.SortFunc(members, func(a, b member) int {
		return cmp.Or(cmp.Compare(a.net, b.net), cmp.Compare(a.org, b.org))
	})
	members = slices.Compact(members)
	for i := 0; i < len(members); {
		j := i
		for j < len(members) && members[j].net == members[i].net {
			j++
		}
		for a := i; a < j; a++ {
			for b := a + 1; b < j; b++ {
				edges = append(edges, netgraph.Edge{U: members[a].org, V: members[b].org, W: 1})
			}
		}
		i = j
	}
	c.Graph = netgraph.Build(len(c.IDs), edges)
	return c
}

func pairKey(u, v int32) uint64 {
	if u > v {
		u, v = v, u
	}
	return uint64(u)<<32 | uint64(v)
}

// Cooperate reports whether the organisations u and v have an explicit COOPERATES_WITH.
func (c *Collaboration) Cooperate(u, v int32) bool {
	_, ok := slices.BinarySearch(c.cooperating, pairKey(u, v))
	return ok
}

// SharedNetworks returns the number of networks both u and v are members of: the weight of
// their edge less the explicit cooperation.
func (c *Collaboration) SharedNetworks(u, v int32) int {
	w, ok := c.Graph.Weight(u, v)
	if !ok {
		return 0
	}
	if c.Cooperate(u, v) {
		w--
	}
	return int(w)
}

// Nodes returns the nodes of the given organisation IDs, skipping IDs that are not in the
// graph (for example to take the density of a municipality's organisations).
func (c *Collaboration) Nodes(ids []string) []int32 {
	nodes := make([]int32, 0, len(ids))
	for _, id := range ids {
		if v, ok := c.Index[id]; ok {
			nodes = append(nodes, v)
		}
	}
	return nodes
}
