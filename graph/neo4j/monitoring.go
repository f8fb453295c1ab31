package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Monitoring snapshots are (:MonitoringSnapshot {id, region, label, taken, revision,
// created_by, data}) nodes: taken is a DATETIME, revision an INTEGER and data the results as
// JSON text, exactly the bytes that were saved. They carry no Entity label and no
// relationships, so graph reads, snapshots and the search never meet them. Saves and deletes
// take the Meta lock like every graph write: it numbers their audit entries and orders them
// against the deletion of their region. They leave the revision as it is.

// monitoringProps are the properties a snapshot is stored with.
func monitoringProps(m *graph.MonitoringSnapshot) map[string]any {
	return map[string]any{"id": m.ID, "region": m.Region, "label": m.Label, "taken": m.Taken.UTC(),
		"revision": int64(m.Revision), "created_by": m.CreatedBy, "data": string(m.Data)}
}

// monitoringHead decodes the "props" column (the properties without data).
func monitoringHead(rec *neo4j.Record) (*graph.MonitoringSnapshot, error) {
	props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
	if err != nil {
		return nil, err
	}
	m := new(graph.MonitoringSnapshot)
	m.ID, _ = props["id"].(string)
	m.Region, _ = props["region"].(string)
	m.Label, _ = props["label"].(string)
	m.CreatedBy, _ = props["created_by"].(string)
	taken, ok := props["taken"].(time.Time)
	rev, ok2 := props["revision"].(int64)
	if m.ID == "" || !ok || !ok2 || rev < 0 {
		return nil, fmt.Errorf("monitoring snapshot %q has malformed properties", m.ID)
	}
	m.Taken, m.Revision = taken.UTC(), uint64(rev)
	return m, nil
}

// SaveMonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) SaveMonitoringSnapshot(ctx context.Context, m *graph.MonitoringSnapshot) error {
	user := graph.UserFrom(ctx)
	p, err := graph.PrepareMonitoringSnapshot(m, s.now().UTC(), user)
	if err != nil {
		return err
	}
	props := monitoringProps(p)
	_, err = s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		auditSeq, err := lockMeta(ctx, tx)
		if err != nil {
			return nil, err
		}
		// The uniqueness constraint would refuse a taken id too, but only with a generic error.
		rec, err := single(ctx, tx, "monitoring.exists", map[string]any{"id": p.ID})
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "found"); n > 0 {
			return nil, graph.MonitoringSnapshotExists(p.ID)
		}
		rec, err = single(ctx, tx, "monitoring.create", map[string]any{"region": p.Region, "props": props})
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "created"); n != 1 {
			return nil, graph.MonitoringRegionNotFound(p.Region)
		}
		return nil, s.auditMonitoring(ctx, tx, auditSeq, graph.ActionCreate, p, user)
	})
	if err != nil {
		return err
	}
	*m = *p
	return nil
}

// DeleteMonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) DeleteMonitoringSnapshot(ctx context.Context, id string) error {
	user := graph.UserFrom(ctx)
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		auditSeq, err := lockMeta(ctx, tx)
		if err != nil {
			return nil, err
		}
		rec, err := snapshotRecord(ctx, tx, "monitoring.delete", id)
		if err != nil {
			return nil, err
		}
		head, err := monitoringHead(rec)
		if err != nil {
			return nil, err
		}
		return nil, s.auditMonitoring(ctx, tx, auditSeq, graph.ActionDelete, head, user)
	})
	return err
}

// RelabelMonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) RelabelMonitoringSnapshot(ctx context.Context, id, label string) (*graph.MonitoringSnapshot, error) {
	label, err := graph.CheckMonitoringLabel(label)
	if err != nil {
		return nil, err
	}
	user := graph.UserFrom(ctx)
	out, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		auditSeq, err := lockMeta(ctx, tx)
		if err != nil {
			return nil, err
		}
		rec, err := query1(ctx, tx, "monitoring.relabel", map[string]any{"id": id, "label": label})
		if err != nil {
			return nil, err
		}
		before, err := monitoringHead(rec)
		if err != nil {
			return nil, err
		}
		after := before.Head()
		after.Label = label
		e := graph.MonitoringRelabelAuditEntry(before, after, user, s.now().UTC().Truncate(time.Microsecond))
		return after, writeMonitoringAudit(ctx, tx, auditSeq, e)
	})
	if err != nil {
		return nil, err
	}
	return out.(*graph.MonitoringSnapshot), nil
}

// query1 runs a statement about one monitoring snapshot with params and returns its one
// record, or ENOTFOUND naming the snapshot.
func query1(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) (*neo4j.Record, error) {
	res, err := query(ctx, tx, name, params)
	if err != nil {
		return nil, err
	}
	if !res.Next(ctx) {
		if err := res.Err(); err != nil {
			return nil, err
		}
		id, _ := params["id"].(string)
		return nil, graph.MonitoringSnapshotNotFound(id)
	}
	rec := res.Record()
	_, err = res.Consume(ctx)
	return rec, err
}

// snapshotRecord runs a statement about monitoring snapshot id that returns its one record,
// or none when the snapshot does not exist (ENOTFOUND).
func snapshotRecord(ctx context.Context, tx neo4j.ManagedTransaction, name, id string) (*neo4j.Record, error) {
	return query1(ctx, tx, name, map[string]any{"id": id})
}

// lockMeta takes the Meta lock and returns the audit sequence.
func lockMeta(ctx context.Context, tx neo4j.ManagedTransaction) (int64, error) {
	rec, err := single(ctx, tx, "meta.lock", map[string]any{"id": metaID})
	if err != nil {
		return 0, err
	}
	seq, _, err := neo4j.GetRecordValue[int64](rec, "audit_seq")
	return seq, err
}

// auditMonitoring writes the audit entry of a save or delete and advances the audit sequence,
// not the revision.
func (s *Store) auditMonitoring(ctx context.Context, tx neo4j.ManagedTransaction, auditSeq int64, action string, m *graph.MonitoringSnapshot, user string) error {
	return writeMonitoringAudit(ctx, tx, auditSeq, graph.MonitoringAuditEntry(action, m, user, s.now().UTC().Truncate(time.Microsecond)))
}

// writeMonitoringAudit numbers and writes an audit entry about a monitoring snapshot and
// advances the audit sequence, not the revision.
func writeMonitoringAudit(ctx context.Context, tx neo4j.ManagedTransaction, auditSeq int64, e graph.AuditEntry) error {
	e.Seq = uint64(auditSeq) + 1
	row, err := auditProps(e)
	if err != nil {
		return err
	}
	if err := expect(ctx, tx, "audit.create", []any{row}, -1); err != nil {
		return err
	}
	_, err = single(ctx, tx, "meta.advance", map[string]any{"id": metaID, "changed": 0, "audit_seq": auditSeq + 1})
	return err
}

// MonitoringSnapshot implements graph.MonitoringStore.
func (s *Store) MonitoringSnapshot(ctx context.Context, id string) (*graph.MonitoringSnapshot, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := snapshotRecord(ctx, tx, "monitoring.get", id)
		if err != nil {
			return nil, err
		}
		m, err := monitoringHead(rec)
		if err != nil {
			return nil, err
		}
		data, _, err := neo4j.GetRecordValue[string](rec, "data")
		if err != nil {
			return nil, fmt.Errorf("monitoring snapshot %s: %w", id, err)
		}
		m.Data = json.RawMessage(data)
		return m, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.MonitoringSnapshot), nil
}

// ListMonitoringSnapshots implements graph.MonitoringStore.
func (s *Store) ListMonitoringSnapshots(ctx context.Context, region string) ([]*graph.MonitoringSnapshot, error) {
	if err := graph.CheckMonitoringRegion(region); err != nil {
		return nil, err
	}
	name, params := "monitoring.list", map[string]any{}
	if region != "" {
		name, params = "monitoring.list.region", map[string]any{"region": region}
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		out := []*graph.MonitoringSnapshot{}
		err := collect(ctx, tx, name, params, func(rec *neo4j.Record) error {
			m, err := monitoringHead(rec)
			out = append(out, m)
			return err
		})
		return out, err
	})
	if err != nil {
		return nil, err
	}
	return v.([]*graph.MonitoringSnapshot), nil
}
