package embedded

import (
	"context"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Merges are run by the committer, each in a commit of its own: the stage's changes, the
// audit entry and the merge record go into one bbolt transaction, and only then do the new
// state and the redirect become visible.

// mergeOp is a merge to make (req set) or to undo (undo set).
type mergeOp struct {
	req  *graph.MergeRequest
	undo string
	rec  *graph.Merge // the record as written, for the caller
}

// Merge implements graph.MergeStore.
func (s *Store) Merge(ctx context.Context, req graph.MergeRequest) (*graph.Merge, error) {
	if err := req.Check(); err != nil {
		return nil, err
	}
	return s.mergeWrite(ctx, &mergeOp{req: &req})
}

// UndoMerge implements graph.MergeStore.
func (s *Store) UndoMerge(ctx context.Context, id string) (*graph.Merge, error) {
	return s.mergeWrite(ctx, &mergeOp{undo: id})
}

func (s *Store) mergeWrite(ctx context.Context, op *mergeOp) (*graph.Merge, error) {
	if err := ctx.Err(); err != nil {
		return nil, cancelled(err)
	}
	if out := s.send(&request{ctx: ctx, merge: op, user: graph.UserFrom(ctx), done: make(chan outcome, 1)}); out.err != nil {
		return nil, out.err
	}
	return op.rec, nil
}

// runMerge stages, commits and applies one merge or undo; only the committer calls it.
func (s *Store) runMerge(r *request) error {
	if err := r.ctx.Err(); err != nil {
		return cancelled(err)
	}
	op := r.merge
	t := graph.NewStage(s.st, s.now().UTC().Truncate(time.Microsecond))
	var rec *graph.Merge
	if op.req != nil {
		var err error
		if rec, err = t.Merge(r.user, *op.req, graph.NewMergeID()); err != nil {
			return err
		}
	} else {
		var err error
		if rec, err = s.MergeRecord(r.ctx, op.undo); err != nil {
			return err
		}
		if err := t.UndoMerge(r.user, rec); err != nil {
			return err
		}
	}
	raw, err := graph.EncodeMerge(rec)
	if err != nil {
		return &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	enc, err := encode(t, s.st.auditSeq)
	if err != nil {
		return &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: err}
	}
	err = s.commit(enc, 1, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMerges).Put([]byte(rec.ID), raw)
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	enc.apply(s.st, 1)
	if rec.Undone {
		delete(s.st.redirects, rec.Retired)
	} else {
		s.st.redirects[rec.Retired] = rec.Survivor
	}
	s.mu.Unlock()
	op.rec = rec
	return nil
}

// MergeRecord implements graph.MergeStore.
func (s *Store) MergeRecord(ctx context.Context, id string) (*graph.Merge, error) {
	if !graph.IsMergeID(id) {
		return nil, graph.MergeNotFound(id)
	}
	var rec *graph.Merge
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketMerges).Get([]byte(id))
		if raw == nil {
			return graph.MergeNotFound(id)
		}
		var err error
		rec, err = graph.DecodeMerge(raw)
		return err
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return rec, nil
}

// Redirect implements graph.MergeStore.
func (s *Store) Redirect(ctx context.Context, id string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if to, ok := s.st.redirects[id]; ok {
		return to, nil
	}
	return "", graph.Errorf(graph.ENOTFOUND, "%s was not merged into another entry", id)
}

// loadRedirects fills the redirects of the merges that stand.
func loadRedirects(b *bolt.Bucket, st *state) error {
	return b.ForEach(func(k, v []byte) error {
		rec, err := graph.DecodeMerge(v)
		if err != nil {
			return fmt.Errorf("merge %s: %w", k, err)
		}
		if !rec.Undone {
			st.redirects[rec.Retired] = rec.Survivor
		}
		return nil
	})
}
