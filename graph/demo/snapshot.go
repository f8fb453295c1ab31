package demo

import (
	"context"
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// ScaleSnapshot builds the synthetic data set of size sc as an in-memory snapshot of all
// regions, without a store: the input of the analysis benchmarks, so that they measure the
// analyses and not the store. The nodes are ordered as GenerateScale emits them (region by
// region), the relationships by type, from, to, as in a store's snapshot.
func ScaleSnapshot(ctx context.Context, sc Scale, seed uint64) (*graph.Snapshot, error) {
	s := &graph.Snapshot{}
	err := GenerateScale(ctx, sc, seed, func(b *graph.Batch) error {
		for _, op := range b.Ops {
			switch op.Action {
			case graph.OpUpsert, graph.OpCreate:
				op.Entity.Normalize()
				s.Add(op.Entity)
			case graph.OpRelate:
				r := op.Relation
				r.Normalize()
				s.Relations = append(s.Relations, r)
			default:
				return fmt.Errorf("demo: unexpected %s in the scale generator's output", op.Action)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	graph.SortRelations(s.Relations)
	return s, nil
}
