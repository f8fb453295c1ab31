package neo4j

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Merge records are (:Merge {id, survivor, retired, undone, record}) nodes, record being the
// whole record with its state as JSON text (graph.EncodeMerge). Like monitoring snapshots
// they carry no Entity label and no relationships, so graph reads never meet them; the
// redirect of a retired id is the record that retired it and still stands. A merge and its
// undo each run in one write transaction under the Meta lock: the stage's changes, the audit
// entry, the revision and the record commit together or not at all.

// Merge implements graph.MergeStore.
func (s *Store) Merge(ctx context.Context, req graph.MergeRequest) (*graph.Merge, error) {
	if err := req.Check(); err != nil {
		return nil, err
	}
	user, id := graph.UserFrom(ctx), graph.NewMergeID()
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		auditSeq, err := lockMeta(ctx, tx)
		if err != nil {
			return nil, err
		}
		view, err := loadMergeView(ctx, tx, []string{req.Survivor, req.Retired}, nil)
		if err != nil {
			return nil, err
		}
		st := graph.NewStage(view, s.now().UTC().Truncate(time.Microsecond))
		rec, err := st.Merge(user, req, id)
		if err != nil {
			return nil, err
		}
		if err := writeStage(ctx, tx, st, view, auditSeq); err != nil {
			return nil, err
		}
		raw, err := graph.EncodeMerge(rec)
		if err != nil {
			return nil, err
		}
		return rec, expect(ctx, tx, "merge.create", nil, 1, "props",
			map[string]any{"id": rec.ID, "survivor": rec.Survivor, "retired": rec.Retired, "undone": false, "record": string(raw)})
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Merge), nil
}

// UndoMerge implements graph.MergeStore.
func (s *Store) UndoMerge(ctx context.Context, id string) (*graph.Merge, error) {
	if !graph.IsMergeID(id) {
		return nil, graph.MergeNotFound(id)
	}
	user := graph.UserFrom(ctx)
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		auditSeq, err := lockMeta(ctx, tx)
		if err != nil {
			return nil, err
		}
		rec, err := readMerge(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		var ends []string
		for _, r := range append(append([]graph.Relation(nil), rec.State.SurvivorRelations...), rec.State.RetiredRelations...) {
			ends = append(ends, r.From, r.To)
		}
		view, err := loadMergeView(ctx, tx, []string{rec.Survivor, rec.Retired}, ends)
		if err != nil {
			return nil, err
		}
		st := graph.NewStage(view, s.now().UTC().Truncate(time.Microsecond))
		if err := st.UndoMerge(user, rec); err != nil {
			return nil, err
		}
		if err := writeStage(ctx, tx, st, view, auditSeq); err != nil {
			return nil, err
		}
		raw, err := graph.EncodeMerge(rec)
		if err != nil {
			return nil, err
		}
		return rec, expect(ctx, tx, "merge.undo", nil, 1, "id", rec.ID, "record", string(raw))
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Merge), nil
}

// MergeRecord implements graph.MergeStore.
func (s *Store) MergeRecord(ctx context.Context, id string) (*graph.Merge, error) {
	if !graph.IsMergeID(id) {
		return nil, graph.MergeNotFound(id)
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return readMerge(ctx, tx, id)
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Merge), nil
}

// Redirect implements graph.MergeStore.
func (s *Store) Redirect(ctx context.Context, id string) (string, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var to string
		err := collect(ctx, tx, "merge.redirect", map[string]any{"id": id}, func(rec *neo4j.Record) error {
			var err error
			to, _, err = neo4j.GetRecordValue[string](rec, "survivor")
			return err
		})
		return to, err
	})
	if err != nil {
		return "", err
	}
	if to := v.(string); to != "" {
		return to, nil
	}
	return "", graph.Errorf(graph.ENOTFOUND, "%s was not merged into another entry", id)
}

func readMerge(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*graph.Merge, error) {
	var raw string
	err := collect(ctx, tx, "merge.get", map[string]any{"id": id}, func(rec *neo4j.Record) error {
		var err error
		raw, _, err = neo4j.GetRecordValue[string](rec, "record")
		return err
	})
	if err != nil {
		return nil, err
	}
	if raw == "" {
		return nil, graph.MergeNotFound(id)
	}
	return graph.DecodeMerge([]byte(raw))
}

// loadMergeView reads what a merge or its undo asks the view: the two entries, their stored
// relationships (by node and by key), the nodes at the other ends and in extra, and the nodes
// their properties refer to.
func loadMergeView(ctx context.Context, tx neo4j.ManagedTransaction, ids, extra []string) (*view, error) {
	v := &view{nodes: map[string]graph.Entity{}, rels: map[graph.RelationKey]graph.Relation{},
		relsOf: map[string][]graph.Relation{}, members: map[string]int{}, referrers: map[string][]string{},
		snapshots: map[string]int{}}
	if err := loadNodes(ctx, tx, v, append(append([]string(nil), ids...), extra...)); err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var ends []string
	err := collect(ctx, tx, "view.relations_of", map[string]any{"ids": keys(want), "derived": derivedTypes}, func(rec *neo4j.Record) error {
		r, err := relationFromRecord(rec)
		if err != nil {
			return err
		}
		v.rels[r.RelationKey] = r
		for _, id := range []string{r.From, r.To} {
			if want[id] {
				v.relsOf[id] = append(v.relsOf[id], r)
			}
		}
		ends = append(ends, r.From, r.To)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := loadNodes(ctx, tx, v, ends); err != nil {
		return nil, err
	}
	var refs []string
	for _, e := range v.nodes {
		for _, r := range e.References() {
			refs = append(refs, r.ID)
		}
	}
	if err := loadNodes(ctx, tx, v, refs); err != nil {
		return nil, err
	}
	return v, nil
}
