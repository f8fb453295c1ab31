package duplicates

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

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
