package analysis

import "github.com/netzwerkatlas/netzwerkatlas/graph"

// SplitRegions splits a snapshot of several regions into one snapshot per region, in the
// order of s.Regions, as the store would return them one by one: each holds its region's
// nodes, the shared target groups and the relationships that start at one of its nodes.
func SplitRegions(s *graph.Snapshot) []*graph.Snapshot {
	out := make([]*graph.Snapshot, len(s.Regions))
	index := make(map[string]int, len(s.Regions))
	for i, r := range s.Regions {
		index[r.ID] = i
		out[i] = &graph.Snapshot{Region: r.ID, Revision: s.Revision, Taken: s.Taken}
	}
	home := map[string]int{}
	for _, e := range s.Nodes() {
		key := e.RegionKey()
		if e.EntityKind() == graph.KindRegion {
			key = e.Base().ID
		}
		if key == "" {
			for _, sub := range out {
				sub.Add(e)
			}
			continue
		}
		if i, ok := index[key]; ok {
			out[i].Add(e)
			home[e.Base().ID] = i
		}
	}
	for _, r := range s.Relations {
		if i, ok := home[r.From]; ok {
			out[i].Relations = append(out[i].Relations, r)
		}
	}
	return out
}
