package neo4j

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestBatchNeeds: the write transaction reads exactly what the shared staging rules will ask
// for — the nodes and references of writes, relationship ends, the relationships of nodes
// to delete, member counts of regions to delete and the indicators of a municipality's region.
func TestBatchNeeds(t *testing.T) {
	org := "org_01JBZZZZZZZZZZZZZZZZZZZZZZ"
	msr := "msr_01JBZZZZZZZZZZZZZZZZZZZZZZ"
	n := batchNeeds(&graph.Batch{Ops: []graph.Op{
		{Action: graph.OpCreate, Entity: &graph.Indicator{Meta: graph.Meta{ID: "ind_01JBZZZZZZZZZZZZZZZZZZZZZZ"}, Region: "05562",
			Values: []graph.IndicatorValue{{Municipality: "05562004", Year: 2024}}}},
		{Action: graph.OpRelate, Relation: graph.Relation{RelationKey: graph.RelationKey{Type: graph.CooperatesWith, From: org, To: "org_01JAAAAAAAAAAAAAAAAAAAAAAA"}}},
		{Action: graph.OpDelete, Kind: graph.KindMeasure, ID: msr},
		{Action: graph.OpDelete, Kind: graph.KindRegion, ID: "08119"},
		{Action: graph.OpDelete, Kind: graph.KindMunicipality, ID: "05562008"},
	}})
	for _, id := range []string{"ind_01JBZZZZZZZZZZZZZZZZZZZZZZ", "05562", "05562004", org, "org_01JAAAAAAAAAAAAAAAAAAAAAAA", msr, "08119", "05562008"} {
		if !n.ids[id] {
			t.Errorf("node %s is not read", id)
		}
	}
	// The symmetric relationship is looked up in its stored (canonical) direction.
	if !n.rels[graph.RelationKey{Type: graph.CooperatesWith, From: "org_01JAAAAAAAAAAAAAAAAAAAAAAA", To: org}] {
		t.Errorf("relationship keys %v, want the canonical cooperation", n.rels)
	}
	if !n.deletes[msr] || !n.deletes["08119"] || !n.regions["08119"] || !n.referrers["05562"] || len(n.deletes) != 3 {
		t.Errorf("deletes %v regions %v referrer regions %v", n.deletes, n.regions, n.referrers)
	}
}
