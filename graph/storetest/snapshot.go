package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func testSnapshot(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	b := seedCounty(t, s, regionB)
	m := must[graph.Entity](t)(s.Create(ctx(), c.measure("Sprachkurs")))
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.Targets, m.Base().ID, b.group.ID)))
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.OfferedIn, m.Base().ID, c.munis[0].ID)))
	must[graph.Entity](t)(s.Create(ctx(), b.measure("Anderswo")))

	snap := must[*graph.Snapshot](t)(s.Snapshot(ctx(), regionA))
	if snap.Region != regionA || snap.Revision != must[uint64](t)(s.Revision(ctx())) {
		t.Fatalf("snapshot region %q revision %d", snap.Region, snap.Revision)
	}
	counts := snap.Count()
	want := map[graph.Kind]int{graph.KindRegion: 1, graph.KindMunicipality: 3, graph.KindField: 2, graph.KindTargetGroup: 2,
		graph.KindOrganisation: 2, graph.KindNetwork: 1, graph.KindMeasure: 1}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("snapshot of A has %d %s, want %d", counts[k], k, n)
		}
	}
	if len(snap.Relations) != 2 {
		t.Fatalf("snapshot relations = %v, want 2", relKeys(snap.Relations))
	}
	for i := 1; i < len(snap.Measures); i++ {
		if snap.Measures[i-1].ID >= snap.Measures[i].ID {
			t.Fatal("snapshot measures are not ordered by id")
		}
	}
	all := must[*graph.Snapshot](t)(s.Snapshot(ctx(), ""))
	for i := 1; i < len(all.Relations); i++ {
		a, b := all.Relations[i-1].RelationKey, all.Relations[i].RelationKey
		if a.Type > b.Type || a.Type == b.Type && (a.From > b.From || a.From == b.From && a.To >= b.To) {
			t.Fatalf("snapshot relations out of order: %s before %s", a, b)
		}
	}
	if got := all.Count(); got[graph.KindRegion] != 2 || got[graph.KindMeasure] != 2 || got[graph.KindMunicipality] != 6 {
		t.Fatalf("snapshot of all = %v", got)
	}
	_, err := s.Snapshot(ctx(), "09999")
	wantCode(t, err, graph.ENOTFOUND)
}

// testSnapshotDuringWrites takes snapshots while batches add measures with their
// relationships: a snapshot shows each batch completely or not at all.
func testSnapshotDuringWrites(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				id := graph.NewID(graph.KindMeasure)
				m := c.measure(fmt.Sprintf("W%d-%d", w, i))
				m.ID = id
				_, err := s.Apply(ctx(), &graph.Batch{Ops: []graph.Op{
					{Action: graph.OpCreate, Entity: m},
					{Action: graph.OpRelate, Relation: rel(graph.Provides, c.orgs[w].ID, id)},
					{Action: graph.OpRelate, Relation: rel(graph.OfferedIn, id, c.munis[i%3].ID)},
					{Action: graph.OpRelate, Relation: rel(graph.InField, id, c.fields[i%2].ID)},
				}})
				if err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	for i := 0; i < 40; i++ {
		snap := must[*graph.Snapshot](t)(s.Snapshot(ctx(), regionA))
		per := map[string]int{}
		nodes := map[string]bool{}
		for _, m := range snap.Measures {
			nodes[m.ID] = true
		}
		for _, r := range snap.Relations {
			switch {
			case r.Type == graph.Provides:
				per[r.To]++
			case r.Type == graph.OfferedIn || r.Type == graph.InField:
				per[r.From]++
			}
			if r.Type == graph.Provides && !nodes[r.To] || r.Type != graph.Provides && !nodes[r.From] {
				t.Fatalf("snapshot %d has relationship %s without its measure", i, r.RelationKey)
			}
		}
		for _, m := range snap.Measures {
			if per[m.ID] != 3 {
				t.Fatalf("snapshot %d shows measure %s with %d of its 3 relationships", i, m.ID, per[m.ID])
			}
		}
	}
	close(stop)
	wg.Wait()
}
