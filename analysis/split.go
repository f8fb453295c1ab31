package analysis

import "github.com/netzwerkatlas/netzwerkatlas/graph"

// SplitRegions splits a snapshot of several regions into one snapshot per region, in the
// order of s.Regions, as the store would return them one by one: each holds its region's
// nodes, the shared target groups and the relationships that start at one of its nodes.
func SplitRegions(s *graph.Snapshot) []*graph.Snapshot {
	rs := NewRegionSplit(s)
	out := make([]*graph.Snapshot, rs.Len())
	for i := range out {
		out[i] = rs.Region(i)
	}
	return out
}

// RegionSplit is SplitRegions one region at a time: it indexes which region each node and
// relationship belongs to (pointers and numbers, no copies) and builds a region's snapshot
// when asked for, so that work over many regions holds one region's copy at a time instead
// of a second copy of everything.
type RegionSplit struct {
	s     *graph.Snapshot
	nodes [][]graph.Entity // per region, in the order of s.Nodes(), shared nodes included
	rels  [][]int32        // per region, indexes into s.Relations
}

// NewRegionSplit indexes s by region.
func NewRegionSplit(s *graph.Snapshot) *RegionSplit {
	rs := &RegionSplit{s: s, nodes: make([][]graph.Entity, len(s.Regions)), rels: make([][]int32, len(s.Regions))}
	index := make(map[string]int, len(s.Regions))
	for i, r := range s.Regions {
		index[r.ID] = i
	}
	// Each node goes to its region's list; the shared ones (no region: target groups of all
	// counties) to every list, where they stand.
	home := map[string]int{}
	for _, e := range s.Nodes() {
		key := e.RegionKey()
		if e.EntityKind() == graph.KindRegion {
			key = e.Base().ID
		}
		if key == "" {
			for i := range rs.nodes {
				rs.nodes[i] = append(rs.nodes[i], e)
			}
			continue
		}
		if i, ok := index[key]; ok {
			rs.nodes[i] = append(rs.nodes[i], e)
			home[e.Base().ID] = i
		}
	}
	for j := range s.Relations {
		if i, ok := home[s.Relations[j].From]; ok {
			rs.rels[i] = append(rs.rels[i], int32(j))
		}
	}
	return rs
}

// Len is the number of regions.
func (rs *RegionSplit) Len() int { return len(rs.s.Regions) }

// Region builds the snapshot of the i-th region of s.Regions.
func (rs *RegionSplit) Region(i int) *graph.Snapshot {
	out := &graph.Snapshot{Region: rs.s.Regions[i].ID, Revision: rs.s.Revision, Taken: rs.s.Taken}
	for _, e := range rs.nodes[i] {
		out.Add(e)
	}
	out.Relations = make([]graph.Relation, len(rs.rels[i]))
	for k, j := range rs.rels[i] {
		out.Relations[k] = rs.s.Relations[j]
	}
	return out
}
