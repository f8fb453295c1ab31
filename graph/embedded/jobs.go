package embedded

import (
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Job records live in their own bucket, keyed by id, as graph.EncodeJob's JSON. They are
// written in their own small transactions, apart from the graph's writer: a job's progress
// changes neither the revision nor the audit log.

// CreateJob implements graph.JobStore.
func (s *Store) CreateJob(ctx context.Context, j *graph.Job) error {
	raw, err := graph.EncodeJob(j)
	if err != nil {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketJobs)
		if b.Get([]byte(j.ID)) != nil {
			return graph.Errorf(graph.ECONFLICT, "job %s exists already", j.ID)
		}
		return b.Put([]byte(j.ID), raw)
	})
	if err != nil {
		return storageError(s.path, err)
	}
	return nil
}

// UpdateJob implements graph.JobStore.
func (s *Store) UpdateJob(ctx context.Context, j *graph.Job) (*graph.Job, error) {
	var out *graph.Job
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketJobs)
		cur, err := getJob(b, j.ID)
		if err != nil {
			return err
		}
		next := *j
		next.CancelRequested = cur.CancelRequested
		raw, err := graph.EncodeJob(&next)
		if err != nil {
			return err
		}
		out = &next
		return b.Put([]byte(j.ID), raw)
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return out, nil
}

// Job implements graph.JobStore.
func (s *Store) Job(ctx context.Context, id string) (*graph.Job, error) {
	if !graph.IsJobID(id) {
		return nil, graph.JobNotFound(id)
	}
	var out *graph.Job
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = getJob(tx.Bucket(bucketJobs), id)
		return err
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return out, nil
}

// CancelJob implements graph.JobStore.
func (s *Store) CancelJob(ctx context.Context, id string) (*graph.Job, error) {
	if !graph.IsJobID(id) {
		return nil, graph.JobNotFound(id)
	}
	var out *graph.Job
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketJobs)
		cur, err := getJob(b, id)
		if err != nil {
			return err
		}
		out = cur
		if cur.State.Final() || cur.CancelRequested {
			return nil
		}
		cur.CancelRequested = true
		raw, err := graph.EncodeJob(cur)
		if err != nil {
			return err
		}
		return b.Put([]byte(id), raw)
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return out, nil
}

// PruneJobs implements graph.JobStore.
func (s *Store) PruneJobs(ctx context.Context, before time.Time) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketJobs)
		var old [][]byte
		err := b.ForEach(func(k, v []byte) error {
			j, err := graph.DecodeJob(v)
			if err != nil {
				return err
			}
			if j.UpdatedAt.Before(before) {
				old = append(old, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		n = len(old)
		return nil
	})
	if err != nil {
		return 0, storageError(s.path, err)
	}
	return n, nil
}

func getJob(b *bolt.Bucket, id string) (*graph.Job, error) {
	raw := b.Get([]byte(id))
	if raw == nil {
		return nil, graph.JobNotFound(id)
	}
	return graph.DecodeJob(raw)
}
