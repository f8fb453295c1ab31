package embedded

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Monitoring snapshots are written by the committer, each in a bbolt transaction of its own
// that also holds its audit entry: the committer owns the audit sequence, and it serialises
// a save with the deletion of its region. The revision stays as it is. Memory holds only the
// heads (for lists and for the region delete rule); Data is read from the file on demand.

// monitoringOp is a monitoring snapshot to save (snap set) or delete (id set).
type monitoringOp struct {
	snap  *graph.MonitoringSnapshot // prepared; nil for a delete or a relabelling
	id    string
	label *string // the new label of a relabelling
}

// SaveMonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) SaveMonitoringSnapshot(ctx context.Context, m *graph.MonitoringSnapshot) error {
	user := graph.UserFrom(ctx)
	p, err := graph.PrepareMonitoringSnapshot(m, s.now().UTC(), user)
	if err != nil {
		return err
	}
	if err := s.monitoringWrite(ctx, &monitoringOp{snap: p}); err != nil {
		return err
	}
	*m = *p
	return nil
}

// DeleteMonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) DeleteMonitoringSnapshot(ctx context.Context, id string) error {
	return s.monitoringWrite(ctx, &monitoringOp{id: id})
}

// RelabelMonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) RelabelMonitoringSnapshot(ctx context.Context, id, label string) (*graph.MonitoringSnapshot, error) {
	label, err := graph.CheckMonitoringLabel(label)
	if err != nil {
		return nil, err
	}
	if err := s.monitoringWrite(ctx, &monitoringOp{id: id, label: &label}); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if h := s.st.monitoring[id]; h != nil {
		return h.Head(), nil
	}
	return nil, graph.MonitoringSnapshotNotFound(id)
}

func (s *Store) monitoringWrite(ctx context.Context, op *monitoringOp) error {
	if err := ctx.Err(); err != nil {
		return cancelled(err)
	}
	return s.send(&request{ctx: ctx, mon: op, user: graph.UserFrom(ctx), done: make(chan outcome, 1)}).err
}

// runMonitoring checks, commits and applies one monitoring request; only the committer
// calls it, so it reads the state without the lock.
func (s *Store) runMonitoring(r *request) error {
	if err := r.ctx.Err(); err != nil {
		return cancelled(err)
	}
	op := r.mon
	at := s.now().UTC().Truncate(time.Microsecond)
	var entry graph.AuditEntry
	var head *graph.MonitoringSnapshot
	if op.snap != nil {
		if reg := s.st.get(op.snap.Region); reg == nil || reg.e.EntityKind() != graph.KindRegion {
			return graph.MonitoringRegionNotFound(op.snap.Region)
		}
		if s.st.monitoring[op.snap.ID] != nil {
			return graph.MonitoringSnapshotExists(op.snap.ID)
		}
		head = op.snap.Head()
		entry = graph.MonitoringAuditEntry(graph.ActionCreate, op.snap, r.user, at)
	} else if op.label != nil {
		cur := s.st.monitoring[op.id]
		if cur == nil {
			return graph.MonitoringSnapshotNotFound(op.id)
		}
		head = cur.Head()
		head.Label = *op.label
		entry = graph.MonitoringRelabelAuditEntry(cur, head, r.user, at)
	} else {
		cur := s.st.monitoring[op.id]
		if cur == nil {
			return graph.MonitoringSnapshotNotFound(op.id)
		}
		entry = graph.MonitoringAuditEntry(graph.ActionDelete, cur, r.user, at)
	}
	entry.Seq = s.st.auditSeq + 1
	if err := s.commitMonitoring(op, head, entry); err != nil {
		return err
	}
	s.mu.Lock()
	if head != nil {
		s.st.putMonitoring(head)
	} else {
		s.st.removeMonitoring(op.id)
	}
	s.st.auditSeq++
	s.mu.Unlock()
	return nil
}

// commitMonitoring writes a save (head set) or a delete with its audit entry in one bbolt
// transaction, which fsyncs before it returns.
func (s *Store) commitMonitoring(op *monitoringOp, head *graph.MonitoringSnapshot, entry graph.AuditEntry) (err error) {
	defer recoverCorrupt(s.path, &err)
	err = s.db.Update(func(tx *bolt.Tx) error {
		heads, data := tx.Bucket(bucketMonitoring), tx.Bucket(bucketMonitoringData)
		if head != nil {
			raw, err := json.Marshal(head)
			if err != nil {
				return err
			}
			key := []byte(head.ID)
			if err := heads.Put(key, raw); err != nil {
				return err
			}
			if op.snap != nil { // a relabelling keeps the data
				if err := data.Put(key, op.snap.Data); err != nil {
					return err
				}
			}
		} else {
			if err := heads.Delete([]byte(op.id)); err != nil {
				return err
			}
			if err := data.Delete([]byte(op.id)); err != nil {
				return err
			}
		}
		if err := writeAudit(tx, []graph.AuditEntry{entry}, nil); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyAuditSeq, u64(entry.Seq))
	})
	if err != nil {
		return storageError(s.path, err)
	}
	return nil
}

// MonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) MonitoringSnapshot(ctx context.Context, id string) (*graph.MonitoringSnapshot, error) {
	var m *graph.MonitoringSnapshot
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketMonitoring).Get([]byte(id))
		if raw == nil {
			return graph.MonitoringSnapshotNotFound(id)
		}
		m = new(graph.MonitoringSnapshot)
		if err := json.Unmarshal(raw, m); err != nil {
			return err
		}
		// bbolt's bytes are valid only inside the transaction.
		m.Data = bytes.Clone(tx.Bucket(bucketMonitoringData).Get([]byte(id)))
		return nil
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return m, nil
}

// ListMonitoringSnapshots implements graph.MonitoringStore.
func (s *Store) ListMonitoringSnapshots(ctx context.Context, region string) ([]*graph.MonitoringSnapshot, error) {
	if err := graph.CheckMonitoringRegion(region); err != nil {
		return nil, err
	}
	s.mu.RLock()
	out := make([]*graph.MonitoringSnapshot, 0, len(s.st.monitoring))
	for _, head := range s.st.monitoring {
		if region == "" || head.Region == region {
			c := *head
			out = append(out, &c)
		}
	}
	s.mu.RUnlock()
	graph.SortMonitoringSnapshots(out)
	return out, nil
}
