package graph

import (
	"context"
	"fmt"
	"slices"
)

// CopyBatchSize is the number of operations Copy writes per batch.
const CopyBatchSize = 5000

// CopyReport counts what Copy found in the source and in the destination afterwards.
type CopyReport struct {
	// Nodes counts nodes per kind.
	Nodes map[Kind]int
	// Relations counts stored relationships per type.
	Relations map[RelType]int
	// Users is the number of users.
	Users int
	// MonitoringSnapshots is the number of saved monitoring snapshots.
	MonitoringSnapshots int
}

// Copy moves everything from src into the empty store dst: every node exactly as it is
// (ids, versions, timestamps), every relationship, every user and every monitoring snapshot
// (id, taken, revision, author and results as they are). It streams one region at a time, so
// memory holds one region's snapshot (and then one monitoring snapshot), and writes batches
// of CopyBatchSize all-or-nothing operations, calling progress(done, total) after each; total
// grows as regions reveal their relationships. Afterwards it counts nodes per kind,
// relationships per type, users and monitoring snapshots in both stores and fails unless they
// agree. The audit log is not copied: the destination records the copy as one entry per batch
// and one per monitoring snapshot.
func Copy(ctx context.Context, src, dst Store, progress func(done, total int)) (CopyReport, error) {
	if rev, err := dst.Revision(ctx); err != nil {
		return CopyReport{}, err
	} else if rev != 0 {
		return CopyReport{}, Errorf(ECONFLICT, "the destination store is not empty (revision %d); copy only into a new store", rev)
	}
	want, err := countNodes(ctx, src)
	if err != nil {
		return CopyReport{}, err
	}
	total := 0
	for _, n := range want.Nodes {
		total += n
	}
	done := 0
	w := &copyWriter{ctx: ctx, dst: dst, flushed: func(n int) {
		done += n
		if progress != nil {
			progress(done, max(total, done))
		}
	}}

	// Nodes that belong to no region (shared target groups) first, then region by region.
	shared, err := listAll(ctx, src, ListQuery{Kind: KindTargetGroup})
	if err != nil {
		return CopyReport{}, err
	}
	for _, e := range shared {
		if e.RegionKey() == "" {
			w.add(Op{Action: OpRestore, Entity: e})
		}
	}
	regions, err := listAll(ctx, src, ListQuery{Kind: KindRegion})
	if err != nil {
		return CopyReport{}, err
	}
	want.Relations = map[RelType]int{}
	for _, r := range regions {
		snap, err := src.Snapshot(ctx, r.Base().ID)
		if err != nil {
			return CopyReport{}, err
		}
		total += len(snap.Relations)
		for _, e := range snap.Nodes() {
			if e.RegionKey() != "" { // shared groups are copied already
				w.add(Op{Action: OpRestore, Entity: e})
			}
		}
		for _, rel := range snap.Relations {
			want.Relations[rel.Type]++
			w.add(Op{Action: OpRelate, Relation: rel})
		}
		if err := w.flush(); err != nil {
			return CopyReport{}, err
		}
	}
	if err := w.flush(); err != nil {
		return CopyReport{}, err
	}

	users, err := src.ListUsers(ctx)
	if err != nil {
		return CopyReport{}, err
	}
	want.Users = len(users)
	for _, u := range users {
		if _, err := dst.CreateUser(ctx, u); err != nil {
			return CopyReport{}, fmt.Errorf("copying user %s: %w", u.Username, err)
		}
	}

	// Monitoring snapshots last: their regions exist in dst by now. One at a time, because
	// each may hold up to MaxMonitoringData bytes of results.
	heads, err := src.ListMonitoringSnapshots(ctx, "")
	if err != nil {
		return CopyReport{}, err
	}
	want.MonitoringSnapshots = len(heads)
	for _, h := range heads {
		m, err := src.MonitoringSnapshot(ctx, h.ID)
		if err != nil {
			return CopyReport{}, fmt.Errorf("reading monitoring snapshot %s: %w", h.ID, err)
		}
		if err := dst.SaveMonitoringSnapshot(ctx, m); err != nil {
			return CopyReport{}, fmt.Errorf("copying monitoring snapshot %s: %w", h.ID, err)
		}
	}

	got, err := Census(ctx, dst)
	if err != nil {
		return CopyReport{}, err
	}
	if diff := want.diff(got); diff != "" {
		return got, Errorf(EINTERNAL, "the copy does not match the source: %s", diff)
	}
	return got, nil
}

// Census counts the nodes per kind, the stored relationships per type, the users and the
// monitoring snapshots of s.
func Census(ctx context.Context, s Store) (CopyReport, error) {
	r, err := countNodes(ctx, s)
	if err != nil {
		return r, err
	}
	r.Relations = map[RelType]int{}
	regions, err := listAll(ctx, s, ListQuery{Kind: KindRegion})
	if err != nil {
		return r, err
	}
	for _, reg := range regions {
		snap, err := s.Snapshot(ctx, reg.Base().ID)
		if err != nil {
			return r, err
		}
		for _, rel := range snap.Relations {
			r.Relations[rel.Type]++
		}
	}
	users, err := s.ListUsers(ctx)
	if err != nil {
		return r, err
	}
	r.Users = len(users)
	heads, err := s.ListMonitoringSnapshots(ctx, "")
	r.MonitoringSnapshots = len(heads)
	return r, err
}

func countNodes(ctx context.Context, s Store) (CopyReport, error) {
	r := CopyReport{Nodes: map[Kind]int{}}
	for _, ki := range Kinds {
		page, err := s.List(ctx, ListQuery{Kind: ki.Kind, Limit: 1})
		if err != nil {
			return r, err
		}
		r.Nodes[ki.Kind] = page.Total
	}
	return r, nil
}

func (a CopyReport) diff(b CopyReport) string {
	var out []string
	for _, ki := range Kinds {
		if a.Nodes[ki.Kind] != b.Nodes[ki.Kind] {
			out = append(out, fmt.Sprintf("%s: %d in the source, %d in the copy", ki.Kind, a.Nodes[ki.Kind], b.Nodes[ki.Kind]))
		}
	}
	for _, ri := range RelTypes {
		if a.Relations[ri.Type] != b.Relations[ri.Type] {
			out = append(out, fmt.Sprintf("%s: %d in the source, %d in the copy", ri.Type, a.Relations[ri.Type], b.Relations[ri.Type]))
		}
	}
	if a.Users != b.Users {
		out = append(out, fmt.Sprintf("users: %d in the source, %d in the copy", a.Users, b.Users))
	}
	if a.MonitoringSnapshots != b.MonitoringSnapshots {
		out = append(out, fmt.Sprintf("monitoring snapshots: %d in the source, %d in the copy", a.MonitoringSnapshots, b.MonitoringSnapshots))
	}
	slices.Sort(out)
	if len(out) == 0 {
		return ""
	}
	return fmt.Sprint(out)
}

// listAll walks every page of a list.
func listAll(ctx context.Context, s Store, q ListQuery) ([]Entity, error) {
	var all []Entity
	q.Limit = MaxLimit
	for {
		page, err := s.List(ctx, q)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.NextCursor == "" {
			return all, nil
		}
		q.Cursor = page.NextCursor
	}
}

// copyWriter collects operations and writes them in batches.
type copyWriter struct {
	ctx     context.Context
	dst     Store
	ops     []Op
	err     error
	flushed func(n int)
}

func (w *copyWriter) add(op Op) {
	if w.err != nil {
		return
	}
	w.ops = append(w.ops, op)
	if len(w.ops) >= CopyBatchSize {
		w.err = w.flush()
	}
}

func (w *copyWriter) flush() error {
	if w.err != nil || len(w.ops) == 0 {
		return w.err
	}
	if _, err := w.dst.Apply(w.ctx, &Batch{Ops: w.ops, Summary: "copied from another store", Message: &Message{Key: "audit.copy"}}); err != nil {
		return err
	}
	w.flushed(len(w.ops))
	w.ops = w.ops[:0]
	return nil
}
