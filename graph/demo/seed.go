package demo

import (
	"context"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// BatchSize is the number of operations Seed and SeedScale write per batch: large enough to
// amortise a store's commit, small enough to keep one batch's memory and lock time modest.
const BatchSize = 5000

// Seed writes d into s: the nodes as upserts, then the relationships, in batches of about
// BatchSize operations, each applied all-or-nothing with the audit summary "demo seed".
// progress, when not nil, is called after every batch with the operations written so far and
// the total. Seeding is idempotent: writing the same data again reports every node and
// relationship unchanged. The result adds up the batches' results (IDs in operation order).
// A failed batch stops the seed; batches before it stay written.
func Seed(ctx context.Context, s graph.Store, d *Dataset, progress func(done, total int)) (graph.BatchResult, error) {
	total := len(d.Nodes) + len(d.Relations)
	var sum graph.BatchResult
	ops := make([]graph.Op, 0, min(BatchSize, total))
	done := 0
	flush := func() error {
		if len(ops) == 0 {
			return nil
		}
		res, err := s.Apply(ctx, &graph.Batch{Ops: ops, Summary: "demo seed", Message: &graph.Message{Key: "audit.demo_seed"}})
		if err != nil {
			return err
		}
		addResult(&sum, res)
		done += len(ops)
		ops = ops[:0]
		if progress != nil {
			progress(done, total)
		}
		return nil
	}
	for _, e := range d.Nodes {
		ops = append(ops, graph.Op{Action: graph.OpUpsert, Entity: e.Clone()})
		if len(ops) == BatchSize {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	for _, r := range d.Relations {
		ops = append(ops, graph.Op{Action: graph.OpRelate, Relation: r})
		if len(ops) == BatchSize {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	return sum, flush()
}

func addResult(sum *graph.BatchResult, r graph.BatchResult) {
	sum.Created += r.Created
	sum.Updated += r.Updated
	sum.Unchanged += r.Unchanged
	sum.Deleted += r.Deleted
	sum.Related += r.Related
	sum.Unrelated += r.Unrelated
	sum.IDs = append(sum.IDs, r.IDs...)
}
