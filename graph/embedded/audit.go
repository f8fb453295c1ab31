package embedded

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"slices"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// writeAudit stores new entries with their index keys and scrubs the history of deleted
// actors: their entries keep who, when and what happened, but no longer the personal data.
func writeAudit(tx *bolt.Tx, entries []graph.AuditEntry, redact []string) error {
	audit, idx := tx.Bucket(bucketAudit), tx.Bucket(bucketAuditIndex)
	for _, id := range redact {
		prefix := append([]byte(id), 0)
		c := idx.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			seq := k[len(prefix):]
			raw := audit.Get(seq)
			if raw == nil {
				continue
			}
			var e graph.AuditEntry
			if err := json.Unmarshal(raw, &e); err != nil {
				return err
			}
			if e.Kind != string(graph.KindActor) {
				continue // relationship entries hold only ids and roles
			}
			e.Before, e.After, e.Redacted = nil, nil, true
			b, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := audit.Put(seq, b); err != nil {
				return err
			}
		}
	}
	var index [][]byte
	for _, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := audit.Put(u64(e.Seq), b); err != nil {
			return err
		}
		for _, id := range []string{e.Entity, e.Related} {
			if id != "" {
				index = append(index, auditIndexKey(id, e.Seq))
			}
		}
	}
	// The index is keyed by entity: written in key order, as bbolt writes fastest.
	slices.SortFunc(index, bytes.Compare)
	for _, k := range index {
		if err := idx.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}

// Audit implements graph.Store. Entries come newest first; the cursor is the last sequence
// number returned.
func (s *Store) Audit(ctx context.Context, q graph.AuditQuery) (graph.AuditPage, error) {
	limit, before, err := q.Page()
	if err != nil {
		return graph.AuditPage{}, err
	}
	var page graph.AuditPage
	err = s.db.View(func(tx *bolt.Tx) error {
		audit := tx.Bucket(bucketAudit)
		keep := func(raw []byte) (bool, error) {
			var e graph.AuditEntry
			if err := json.Unmarshal(raw, &e); err != nil {
				return false, err
			}
			if q.Region != "" && e.Region != q.Region {
				return true, nil
			}
			page.Items = append(page.Items, e)
			return len(page.Items) < limit+1, nil
		}
		if q.Entity != "" {
			prefix := append([]byte(q.Entity), 0)
			c := tx.Bucket(bucketAuditIndex).Cursor()
			k, _ := c.Seek(append(append([]byte{}, prefix...), u64(before)...))
			if k == nil || !bytes.HasPrefix(k, prefix) || binary.BigEndian.Uint64(k[len(prefix):]) >= before {
				k, _ = c.Prev()
			}
			for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
				if more, err := keep(audit.Get(k[len(prefix):])); err != nil || !more {
					return err
				}
			}
			return nil
		}
		c := audit.Cursor()
		k, v := c.Seek(u64(before))
		if k == nil || binary.BigEndian.Uint64(k) >= before {
			k, v = c.Prev()
		}
		for ; k != nil; k, v = c.Prev() {
			if more, err := keep(v); err != nil || !more {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return graph.AuditPage{}, storageError(s.path, err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.NextCursor = graph.EncodeCursor(strconv.FormatUint(page.Items[limit-1].Seq, 10))
	}
	return page, nil
}
