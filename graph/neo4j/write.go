package neo4j

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// view is the graph.View of one write transaction: the nodes and relationships the batch
// touches, read after the Meta lock was taken, so nothing changes them until the commit.
type view struct {
	nodes     map[string]graph.Entity
	rels      map[graph.RelationKey]graph.Relation
	relsOf    map[string][]graph.Relation
	members   map[string]int
	referrers map[string][]string
	snapshots map[string]int // monitoring snapshots per region to delete
}

func (v *view) Node(id string) graph.Entity { return v.nodes[id] }

func (v *view) Relation(k graph.RelationKey) (graph.Relation, bool) {
	r, ok := v.rels[k]
	return r, ok
}

func (v *view) RelationsOf(id string) []graph.Relation { return v.relsOf[id] }

func (v *view) RegionMembers(key string) int { return v.members[key] }

func (v *view) Referrers(region string) []string { return v.referrers[region] }

func (v *view) MonitoringSnapshotsOf(key string) int { return v.snapshots[key] }

// needs lists what a batch will ask the view, so that it can be read in a few statements.
type needs struct {
	ids       map[string]bool // nodes
	deletes   map[string]bool // nodes whose relationships are needed
	rels      map[graph.RelationKey]bool
	regions   map[string]bool // region deletes: member and monitoring snapshot counts
	referrers map[string]bool // regions whose referring nodes (graph.ReferringKinds) are needed
}

func batchNeeds(b *graph.Batch) *needs {
	n := &needs{ids: map[string]bool{}, deletes: map[string]bool{}, rels: map[graph.RelationKey]bool{},
		regions: map[string]bool{}, referrers: map[string]bool{}}
	addEntity := func(e graph.Entity) {
		if e == nil {
			return
		}
		if c, ok := e.(*graph.Concept); ok && c.Region != "" {
			n.referrers[c.Region] = true // the goals that name its periods
		}
		if id := e.Base().ID; id != "" {
			n.ids[id] = true
		}
		for _, r := range e.References() {
			n.ids[r.ID] = true
		}
	}
	for _, op := range b.Ops {
		switch op.Action {
		case graph.OpCreate, graph.OpUpsert, graph.OpRestore, graph.OpUpdate:
			addEntity(op.Entity)
		case graph.OpDelete:
			n.ids[op.ID] = true
			n.deletes[op.ID] = true
			switch op.Kind {
			case graph.KindRegion:
				n.regions[op.ID] = true
			case graph.KindMunicipality:
				if len(op.ID) == 8 {
					n.referrers[op.ID[:5]] = true
					n.referrers[op.ID[:2]+"000"] = true
				}
			}
			// The regions of other referred nodes are known once the nodes are read.
		case graph.OpRelate, graph.OpUnrelate:
			k := op.Relation.RelationKey.Canonical()
			n.ids[k.From], n.ids[k.To] = true, true
			n.rels[k] = true
		}
	}
	return n
}

// loadView reads what the batch needs.
func loadView(ctx context.Context, tx neo4j.ManagedTransaction, n *needs) (*view, error) {
	v := &view{nodes: map[string]graph.Entity{}, rels: map[graph.RelationKey]graph.Relation{},
		relsOf: map[string][]graph.Relation{}, members: map[string]int{}, referrers: map[string][]string{},
		snapshots: map[string]int{}}
	ids := keys(n.ids)
	if len(ids) > 0 {
		err := collect(ctx, tx, "view.nodes", map[string]any{"ids": ids}, func(rec *neo4j.Record) error {
			e, err := nodeFromRecord(rec)
			if err != nil {
				return err
			}
			v.nodes[e.Base().ID] = e
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if del := keys(n.deletes); len(del) > 0 {
		err := collect(ctx, tx, "view.relations_of", map[string]any{"ids": del, "derived": derivedTypes}, func(rec *neo4j.Record) error {
			r, err := relationFromRecord(rec)
			if err != nil {
				return err
			}
			for _, id := range []string{r.From, r.To} {
				if n.deletes[id] {
					v.relsOf[id] = append(v.relsOf[id], r)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(n.rels) > 0 {
		ks := make([]any, 0, len(n.rels))
		for k := range n.rels {
			ks = append(ks, map[string]any{"type": string(k.Type), "from": k.From, "to": k.To})
		}
		err := collect(ctx, tx, "view.relations", map[string]any{"keys": ks}, func(rec *neo4j.Record) error {
			r, err := relationFromRecord(rec)
			if err != nil {
				return err
			}
			v.rels[r.RelationKey] = r
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for region := range n.regions {
		rec, err := single(ctx, tx, "view.region_members", map[string]any{"region": region})
		if err != nil {
			return nil, err
		}
		c, _, err := neo4j.GetRecordValue[int64](rec, "members")
		if err != nil {
			return nil, err
		}
		v.members[region] = int(c)
		rec, err = single(ctx, tx, "view.monitoring_snapshots", map[string]any{"region": region})
		if err != nil {
			return nil, err
		}
		c, _, err = neo4j.GetRecordValue[int64](rec, "snapshots")
		if err != nil {
			return nil, err
		}
		v.snapshots[region] = int(c)
	}
	for id := range n.deletes {
		if e := v.nodes[id]; e != nil && e.EntityKind() != graph.KindMunicipality && graph.ReferredKind(e.EntityKind()) {
			n.referrers[e.RegionKey()] = true
			if r := e.RegionKey(); len(r) == 5 {
				n.referrers[r[:2]+"000"] = true
			}
		}
	}
	for region := range n.referrers {
		err := collect(ctx, tx, "view.referrers", map[string]any{"region": region}, func(rec *neo4j.Record) error {
			id, _, err := neo4j.GetRecordValue[string](rec, "id")
			v.referrers[region] = append(v.referrers[region], id)
			return err
		})
		if err != nil {
			return nil, err
		}
		// The stage reads the referring nodes through the view; load them too.
		if err := loadNodes(ctx, tx, v, v.referrers[region]); err != nil {
			return nil, err
		}
	}
	// A goal's checks walk up its parents: load the chains above the goals read so far.
	// (The batch's own goals named their parents among the ids read first.)
	tried := map[string]bool{}
	for range graph.MaxGoalDepth + 1 {
		var up []string
		for _, e := range v.nodes {
			if g, ok := e.(*graph.Goal); ok && g.Parent != "" && !tried[g.Parent] {
				tried[g.Parent] = true
				up = append(up, g.Parent)
			}
		}
		if len(missing(v.nodes, up)) == 0 {
			break
		}
		if err := loadNodes(ctx, tx, v, up); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// loadNodes reads those of ids that the view does not hold yet.
func loadNodes(ctx context.Context, tx neo4j.ManagedTransaction, v *view, ids []string) error {
	more := missing(v.nodes, ids)
	if len(more) == 0 {
		return nil
	}
	return collect(ctx, tx, "view.nodes", map[string]any{"ids": more}, func(rec *neo4j.Record) error {
		e, err := nodeFromRecord(rec)
		if err == nil {
			v.nodes[e.Base().ID] = e
		}
		return err
	})
}

func keys(m map[string]bool) []any {
	out := make([]any, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b any) int {
		if a.(string) < b.(string) {
			return -1
		}
		if a.(string) > b.(string) {
			return 1
		}
		return 0
	})
	return out
}

func missing(have map[string]graph.Entity, ids []string) []any {
	var out []any
	for _, id := range ids {
		if _, ok := have[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

// outcome is what a write reports back.
type outcome struct {
	res   graph.BatchResult
	nodes []graph.Entity
}

// apply runs one batch: lock, read what it needs, stage it with the shared rules, write the
// staged changes, advance the revision — all in one transaction.
func (s *Store) apply(ctx context.Context, b *graph.Batch) (outcome, error) {
	user := graph.UserFrom(ctx)
	need := batchNeeds(b)
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "meta.lock", map[string]any{"id": metaID})
		if err != nil {
			return nil, err
		}
		auditSeq, _, err := neo4j.GetRecordValue[int64](rec, "audit_seq")
		if err != nil {
			return nil, err
		}
		view, err := loadView(ctx, tx, need)
		if err != nil {
			return nil, err
		}
		st := graph.NewStage(view, s.now().UTC().Truncate(time.Microsecond))
		m := st.Mark()
		res, nodes, err := st.Run(user, b)
		if err != nil {
			return nil, err
		}
		out := outcome{res: res, nodes: nodes}
		if b.DryRun || !st.ChangedSince(m) {
			return out, nil
		}
		if b.Summary != "" {
			st.Summarize(m, b, res)
		}
		if err := writeStage(ctx, tx, st, view, auditSeq); err != nil {
			return nil, err
		}
		return out, nil
	})
	if err != nil {
		return outcome{}, err
	}
	return v.(outcome), nil
}

// writeStage writes the staged changes: relationships removed first (their ends still
// exist), then nodes created and updated, then relationships set, then nodes deleted, then
// the audit entries and the revision.
func writeStage(ctx context.Context, tx neo4j.ManagedTransaction, st *graph.Stage, v *view, auditSeq int64) error {
	relChanges := st.RelationChanges()
	nodeChanges := st.NodeChanges()

	dropped := map[graph.RelType][]any{}
	set := map[graph.RelType][]any{}
	for _, c := range relChanges {
		row := map[string]any{"from": c.Key.From, "to": c.Key.To}
		if c.Relation == nil {
			dropped[c.Key.Type] = append(dropped[c.Key.Type], row)
			continue
		}
		props, err := structToProps(c.Relation.Props)
		if err != nil {
			return err
		}
		row["props"] = props
		set[c.Key.Type] = append(set[c.Key.Type], row)
	}
	for _, t := range sortedTypes(dropped) {
		if err := expect(ctx, tx, "rel.delete."+string(t), dropped[t], -1); err != nil {
			return err
		}
	}

	created := map[graph.Kind][]any{}
	updated := map[graph.Kind][]any{}
	var deleted []any
	var partOf, definedBy []any
	for _, c := range nodeChanges {
		old := v.Node(c.ID)
		if c.Node == nil {
			if old != nil { // created and deleted in one batch: nothing to do
				deleted = append(deleted, map[string]any{"id": c.ID, "expected": old.Base().Version})
			}
			continue
		}
		props, err := toProps(c.Node)
		if err != nil {
			return err
		}
		k := c.Node.EntityKind()
		if old == nil {
			created[k] = append(created[k], map[string]any{"props": props})
			switch k {
			case graph.KindMunicipality:
				partOf = append(partOf, map[string]any{"id": c.ID, "region": c.Node.RegionKey()})
			case graph.KindField:
				definedBy = append(definedBy, map[string]any{"id": c.ID, "region": c.Node.RegionKey()})
			}
			continue
		}
		updated[k] = append(updated[k], map[string]any{"id": c.ID, "expected": old.Base().Version, "props": props})
	}
	for _, ki := range graph.Kinds {
		if rows := created[ki.Kind]; len(rows) > 0 {
			if err := expect(ctx, tx, "node.create."+ki.Label, rows, len(rows)); err != nil {
				return err
			}
		}
		if rows := updated[ki.Kind]; len(rows) > 0 {
			if err := expect(ctx, tx, "node.update."+ki.Label, rows, len(rows)); err != nil {
				return err
			}
		}
	}
	if len(partOf) > 0 {
		if err := expect(ctx, tx, "derived.PART_OF", partOf, -1); err != nil {
			return err
		}
	}
	if len(definedBy) > 0 {
		if err := expect(ctx, tx, "derived.DEFINED_BY", definedBy, -1); err != nil {
			return err
		}
	}
	for _, t := range sortedTypes(set) {
		if err := expect(ctx, tx, "rel.set."+string(t), set[t], len(set[t])); err != nil {
			return err
		}
	}
	if len(deleted) > 0 {
		if err := expect(ctx, tx, "node.delete", deleted, len(deleted)); err != nil {
			return err
		}
	}

	if red := st.Redactions(); len(red) > 0 {
		ids := make([]any, len(red))
		for i, id := range red {
			ids[i] = id
		}
		if err := expect(ctx, tx, "audit.redact", nil, -1, "ids", ids); err != nil {
			return err
		}
	}
	entries := st.AuditEntries()
	rows := make([]any, len(entries))
	for i, e := range entries {
		e.Seq = uint64(auditSeq) + uint64(i) + 1
		row, err := auditProps(e)
		if err != nil {
			return err
		}
		rows[i] = row
	}
	if len(rows) > 0 {
		if err := expect(ctx, tx, "audit.create", rows, -1); err != nil {
			return err
		}
	}
	_, err := single(ctx, tx, "meta.advance", map[string]any{"id": metaID, "changed": 1, "audit_seq": auditSeq + int64(len(rows))})
	return err
}

// expect runs a statement over rows; when want >= 0 the statement's single count must equal
// it, otherwise the data changed under us (which the Meta lock prevents) and the transaction
// is rolled back as a conflict.
func expect(ctx context.Context, tx neo4j.ManagedTransaction, name string, rows []any, want int, extra ...any) error {
	params := map[string]any{}
	if rows != nil {
		params["rows"] = rows
	}
	for i := 0; i+1 < len(extra); i += 2 {
		params[extra[i].(string)] = extra[i+1]
	}
	res, err := query(ctx, tx, name, params)
	if err != nil {
		return err
	}
	if want < 0 {
		_, err := res.Consume(ctx)
		return err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return err
	}
	got, ok := rec.Values[0].(int64)
	if !ok || int(got) != want {
		return graph.Errorf(graph.ECONFLICT, "the data changed while it was written (%s: %v of %d rows); try again", name, rec.Values[0], want)
	}
	return nil
}

func sortedTypes(m map[graph.RelType][]any) []graph.RelType {
	ts := make([]graph.RelType, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return ts
}

// auditProps turns an audit entry into node properties; before and after stay JSON text.
func auditProps(e graph.AuditEntry) (map[string]any, error) {
	props := map[string]any{"seq": int64(e.Seq), "at": e.At.UTC(), "user": e.User, "action": e.Action, "kind": e.Kind}
	for k, v := range map[string]string{"entity": e.Entity, "related": e.Related, "region": e.Region, "summary": e.Summary} {
		if v != "" {
			props[k] = v
		}
	}
	if e.Before != nil {
		props["before"] = string(e.Before)
	}
	if e.After != nil {
		props["after"] = string(e.After)
	}
	if e.Redacted {
		props["redacted"] = true
	}
	// The message and the counts as JSON text, like before and after.
	if e.Message != nil {
		b, err := json.Marshal(e.Message)
		if err != nil {
			return nil, err
		}
		props["message"] = string(b)
	}
	if e.Counts != nil {
		b, _ := json.Marshal(e.Counts) // five ints
		props["counts"] = string(b)
	}
	return props, nil
}

func auditFromProps(props map[string]any) graph.AuditEntry {
	str := func(k string) string { s, _ := props[k].(string); return s }
	e := graph.AuditEntry{User: str("user"), Action: str("action"), Kind: str("kind"), Entity: str("entity"),
		Related: str("related"), Region: str("region"), Summary: str("summary")}
	if v, ok := props["seq"].(int64); ok {
		e.Seq = uint64(v)
	}
	if t, ok := props["at"].(time.Time); ok {
		e.At = t.UTC()
	}
	if s := str("before"); s != "" {
		e.Before = json.RawMessage(s)
	}
	if s := str("after"); s != "" {
		e.After = json.RawMessage(s)
	}
	e.Redacted, _ = props["redacted"].(bool)
	if s := str("message"); s != "" {
		var m graph.Message
		if json.Unmarshal([]byte(s), &m) == nil {
			e.Message = &m
		}
	}
	if s := str("counts"); s != "" {
		var c graph.BatchCounts
		if json.Unmarshal([]byte(s), &c) == nil {
			e.Counts = &c
		}
	}
	return e
}
