package neo4j

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Job records are (:Job {id, record, cancel_requested, finished, updated_at}) nodes: record
// is the whole record as JSON text (graph.EncodeJob), the other properties are what a
// cancellation and pruning need. They carry no Entity label, take no Meta lock and change
// neither the revision nor the audit log. Every instance against the same database reads
// the same records, so a job started on one instance is reported, and cancelled, through
// any other.

// CreateJob implements graph.JobStore.
func (s *Store) CreateJob(ctx context.Context, j *graph.Job) error {
	raw, err := graph.EncodeJob(j)
	if err != nil {
		return err
	}
	_, err = s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, expect(ctx, tx, "job.create", nil, 1, "props", map[string]any{
			"id": j.ID, "record": string(raw), "cancel_requested": j.CancelRequested,
			"finished": j.State.Final(), "updated_at": j.UpdatedAt.UnixMicro()})
	})
	return err
}

// UpdateJob implements graph.JobStore.
func (s *Store) UpdateJob(ctx context.Context, j *graph.Job) (*graph.Job, error) {
	raw, err := graph.EncodeJob(j)
	if err != nil {
		return nil, err
	}
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		found, cancel := false, false
		err := collect(ctx, tx, "job.update", map[string]any{"id": j.ID, "record": string(raw),
			"updated_at": j.UpdatedAt.UnixMicro(), "finished": j.State.Final()}, func(rec *neo4j.Record) error {
			found = true
			var err error
			cancel, _, err = neo4j.GetRecordValue[bool](rec, "cancel_requested")
			return err
		})
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, graph.JobNotFound(j.ID)
		}
		out := *j
		out.CancelRequested = cancel
		return &out, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Job), nil
}

// Job implements graph.JobStore.
func (s *Store) Job(ctx context.Context, id string) (*graph.Job, error) {
	if !graph.IsJobID(id) {
		return nil, graph.JobNotFound(id)
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return readJob(ctx, tx, "job.get", id)
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Job), nil
}

// CancelJob implements graph.JobStore.
func (s *Store) CancelJob(ctx context.Context, id string) (*graph.Job, error) {
	if !graph.IsJobID(id) {
		return nil, graph.JobNotFound(id)
	}
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return readJob(ctx, tx, "job.cancel", id)
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Job), nil
}

// PruneJobs implements graph.JobStore.
func (s *Store) PruneJobs(ctx context.Context, before time.Time) (int, error) {
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var n int64
		err := collect(ctx, tx, "job.prune", map[string]any{"before": before.UnixMicro()}, func(rec *neo4j.Record) error {
			var err error
			n, _, err = neo4j.GetRecordValue[int64](rec, "removed")
			return err
		})
		return n, err
	})
	if err != nil {
		return 0, err
	}
	return int(v.(int64)), nil
}

// readJob runs a statement that returns one job's record and its cancel_requested flag.
func readJob(ctx context.Context, tx neo4j.ManagedTransaction, name, id string) (*graph.Job, error) {
	var raw string
	cancel := false
	err := collect(ctx, tx, name, map[string]any{"id": id}, func(rec *neo4j.Record) error {
		var err error
		if raw, _, err = neo4j.GetRecordValue[string](rec, "record"); err != nil {
			return err
		}
		cancel, _, err = neo4j.GetRecordValue[bool](rec, "cancel_requested")
		return err
	})
	if err != nil {
		return nil, err
	}
	if raw == "" {
		return nil, graph.JobNotFound(id)
	}
	j, err := graph.DecodeJob([]byte(raw))
	if err != nil {
		return nil, err
	}
	j.CancelRequested = cancel
	return j, nil
}
