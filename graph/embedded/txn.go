package embedded

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// txn stages the operations of one batch on top of the committed state. Nothing in the
// state changes until the batch has been validated completely and committed to bbolt; then
// apply moves the staged changes into the state. Only the single writer (holding
// Store.wmu) creates a txn, so reading the state without Store.mu is safe here.
type txn struct {
	st   *state
	now  time.Time
	user string

	nodes   map[string]graph.Entity               // staged node values; nil means deleted
	rels    map[graph.RelationKey]*graph.Relation // staged relationships; nil means deleted
	nodeSeq []string                              // ids in order of first change
	relSeq  []graph.RelationKey                   // keys in order of first change
	audit   []graph.AuditEntry                    // entries without Seq
	redact  []string                              // actors whose audit history loses its personal data
	res     graph.BatchResult                     // counts of the request being run
	undo    []undoRec                             // how to take back staged changes
}

// undoRec remembers what a staged node or relationship was before, so that a failed request
// can be taken back without disturbing the other requests of its commit group.
type undoRec struct {
	node     bool
	id       string
	key      graph.RelationKey
	prevNode graph.Entity
	prevRel  *graph.Relation
	had      bool
}

// mark is a point a txn can be rolled back to.
type mark struct{ undo, nodeSeq, relSeq, audit, redact int }

func (t *txn) mark() mark {
	return mark{len(t.undo), len(t.nodeSeq), len(t.relSeq), len(t.audit), len(t.redact)}
}

// rollback takes back everything staged since m.
func (t *txn) rollback(m mark) {
	for i := len(t.undo) - 1; i >= m.undo; i-- {
		u := t.undo[i]
		switch {
		case u.node && u.had:
			t.nodes[u.id] = u.prevNode
		case u.node:
			delete(t.nodes, u.id)
		case u.had:
			t.rels[u.key] = u.prevRel
		default:
			delete(t.rels, u.key)
		}
	}
	t.undo, t.nodeSeq, t.relSeq = t.undo[:m.undo], t.nodeSeq[:m.nodeSeq], t.relSeq[:m.relSeq]
	t.audit, t.redact = t.audit[:m.audit], t.redact[:m.redact]
}

// changedSince reports whether anything was staged after m.
func (t *txn) changedSince(m mark) bool { return len(t.undo) > m.undo }

// run runs the operations of one batch. When any fails it returns the error of every failed
// operation; the caller rolls back. nodes holds, per operation, the node it staged (nil for
// relationships, deletes and unchanged nodes).
func (t *txn) run(b *graph.Batch) (res graph.BatchResult, nodes []graph.Entity, err error) {
	t.res = graph.BatchResult{}
	var errs []opError
	for i, op := range b.Ops {
		id, err := t.do(op)
		if err != nil {
			errs = append(errs, opError{i, err})
			if len(errs) >= graph.MaxBatchErrors {
				break
			}
			continue
		}
		t.res.IDs = append(t.res.IDs, id)
		var staged graph.Entity
		if id != "" && op.Action != graph.OpDelete {
			staged = t.nodes[id]
		}
		nodes = append(nodes, staged)
	}
	if len(errs) > 0 {
		return graph.BatchResult{}, nil, batchError(len(b.Ops), errs)
	}
	return t.res, nodes, nil
}

// summarize replaces the audit entries made since m by one entry describing the batch.
func (t *txn) summarize(m mark, summary string, res graph.BatchResult) {
	t.audit = append(t.audit[:m.audit], graph.AuditEntry{At: t.now, User: t.user, Action: graph.ActionBatch, Kind: "batch",
		Summary: fmt.Sprintf("%s: %d created, %d updated, %d deleted, %d relationships set, %d removed",
			summary, res.Created, res.Updated, res.Deleted, res.Related, res.Unrelated)})
}

func newTxn(st *state, now time.Time) *txn {
	return &txn{
		st: st, now: now,
		nodes: make(map[string]graph.Entity),
		rels:  make(map[graph.RelationKey]*graph.Relation),
	}
}

func (t *txn) changed() bool { return len(t.nodeSeq) > 0 || len(t.relSeq) > 0 }

// node returns the node with this id as the batch sees it.
func (t *txn) node(id string) graph.Entity {
	if e, ok := t.nodes[id]; ok {
		return e
	}
	if n := t.st.get(id); n != nil {
		return n.e
	}
	return nil
}

func (t *txn) stageNode(id string, e graph.Entity) {
	prev, had := t.nodes[id]
	if !had {
		t.nodeSeq = append(t.nodeSeq, id)
	}
	t.undo = append(t.undo, undoRec{node: true, id: id, prevNode: prev, had: had})
	t.nodes[id] = e
}

func (t *txn) stageRel(k graph.RelationKey, r *graph.Relation) {
	prev, had := t.rels[k]
	if !had {
		t.relSeq = append(t.relSeq, k)
	}
	t.undo = append(t.undo, undoRec{key: k, prevRel: prev, had: had})
	t.rels[k] = r
}

// relation returns the relationship with key k as the batch sees it.
func (t *txn) relation(k graph.RelationKey) (graph.Relation, bool) {
	if r, ok := t.rels[k]; ok {
		if r == nil {
			return graph.Relation{}, false
		}
		return *r, true
	}
	return t.st.relation(k)
}

// relationsOf lists the stored relationships touching id as the batch sees them.
func (t *txn) relationsOf(id string) []graph.Relation {
	var rs []graph.Relation
	if n := t.st.get(id); n != nil {
		for _, r := range t.st.relationsOf(n) {
			if _, staged := t.rels[r.RelationKey]; !staged {
				rs = append(rs, r)
			}
		}
	}
	for _, k := range t.relSeq {
		if r := t.rels[k]; r != nil && (k.From == id || k.To == id) {
			rs = append(rs, *r)
		}
	}
	return rs
}

// regionInUse counts the nodes other than the region itself that belong to region key.
func (t *txn) regionInUse(key string) int {
	n := t.st.inRegion[key]
	for id, e := range t.nodes {
		if c := t.st.get(id); c != nil && c.e.RegionKey() == key {
			n--
		}
		if e != nil && e.RegionKey() == key {
			n++
		}
	}
	return n - 1
}

func (t *txn) record(action string, kind, entity, related, region string, before, after any) {
	t.audit = append(t.audit, graph.AuditEntry{
		At: t.now, User: t.user, Action: action, Kind: kind, Entity: entity, Related: related,
		Region: region, Before: mustJSON(before), After: mustJSON(after),
	})
}

func mustJSON(v any) json.RawMessage {
	switch x := v.(type) {
	case nil:
		return nil
	case graph.Entity:
		if x == nil {
			return nil
		}
	case *graph.Relation:
		if x == nil {
			return nil
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("embedded: cannot encode %T: %v", v, err)) // domain types always encode
	}
	return b
}

// do runs one operation; it returns the error of that operation and stages nothing when it
// fails.
func (t *txn) do(op graph.Op) (id string, err error) {
	switch op.Action {
	case graph.OpCreate:
		return t.create(op.Entity)
	case graph.OpUpsert:
		return t.upsert(op.Entity)
	case graph.OpRestore:
		return t.restore(op.Entity)
	case graph.OpUpdate:
		return t.update(op.Entity, op.Version)
	case graph.OpDelete:
		return op.ID, t.delete(op.Kind, op.ID, op.Version)
	case graph.OpRelate:
		return "", t.relate(op.Relation)
	case graph.OpUnrelate:
		_, err := t.unrelate(op.Relation.RelationKey)
		return "", err
	}
	return "", &graph.Error{Code: graph.EINVALID, Message: fmt.Sprintf("unknown operation %q", op.Action),
		Fields: []graph.FieldError{{Field: "action", Message: "must be create, upsert, restore, update, delete, relate or unrelate"}}}
}

// prepare copies, normalises and validates a node and checks its references.
func (t *txn) prepare(in graph.Entity) (graph.Entity, error) {
	if in == nil {
		return nil, graph.Errorf(graph.EINVALID, "no node given")
	}
	e := in.Clone()
	if err := graph.Prepare(e); err != nil {
		return nil, err
	}
	for _, r := range e.References() {
		if ref := t.node(r.ID); ref == nil || ref.EntityKind() != r.Kind {
			return nil, graph.RefError(string(e.EntityKind()), r)
		}
	}
	return e, nil
}

func (t *txn) create(in graph.Entity) (string, error) {
	e, err := t.prepare(in)
	if err != nil {
		return "", err
	}
	m := e.Base()
	if m.ID == "" {
		m.ID = graph.NewID(e.EntityKind())
	} else if t.node(m.ID) != nil {
		return "", &graph.Error{Code: graph.ECONFLICT, Message: fmt.Sprintf("%s %s already exists", e.EntityKind(), m.ID),
			Fields: []graph.FieldError{{Field: "id", Message: "already exists"}}}
	}
	m.Version, m.CreatedAt, m.UpdatedAt = 1, t.now, t.now
	t.stageNode(m.ID, e)
	t.res.Created++
	t.record(graph.ActionCreate, string(e.EntityKind()), m.ID, "", e.RegionKey(), nil, e)
	return m.ID, nil
}

// existing returns the current node for an update of e, or ENOTFOUND.
func (t *txn) existing(k graph.Kind, id string) (graph.Entity, error) {
	cur := t.node(id)
	if cur == nil || cur.EntityKind() != k {
		return nil, graph.NotFound(k, id)
	}
	return cur, nil
}

func (t *txn) update(in graph.Entity, expected int64) (string, error) {
	e, err := t.prepare(in)
	if err != nil {
		return "", err
	}
	m := e.Base()
	cur, err := t.existing(e.EntityKind(), m.ID)
	if err != nil {
		return "", err
	}
	if cm := cur.Base(); cm.Version != expected {
		return "", graph.VersionConflict(e.EntityKind(), m.ID, expected, cm.Version)
	}
	return m.ID, t.replace(cur, e)
}

func (t *txn) upsert(in graph.Entity) (string, error) {
	if in != nil && in.Base().ID == "" {
		return "", &graph.Error{Code: graph.EINVALID, Message: "an upsert needs the node's id",
			Fields: []graph.FieldError{{Field: "id", Message: "is required"}}}
	}
	e, err := t.prepare(in)
	if err != nil {
		return "", err
	}
	m := e.Base()
	cur := t.node(m.ID)
	if cur == nil {
		m.Version, m.CreatedAt, m.UpdatedAt = 1, t.now, t.now
		t.stageNode(m.ID, e)
		t.res.Created++
		t.record(graph.ActionCreate, string(e.EntityKind()), m.ID, "", e.RegionKey(), nil, e)
		return m.ID, nil
	}
	return m.ID, t.replace(cur, e)
}

// replace stages e as the new version of cur unless nothing changed.
func (t *txn) replace(cur, e graph.Entity) error {
	if err := graph.CheckUpdate(cur, e); err != nil {
		return err
	}
	if graph.SameContent(cur, e) {
		t.res.Unchanged++
		return nil
	}
	m, cm := e.Base(), cur.Base()
	m.Version, m.CreatedAt, m.UpdatedAt = cm.Version+1, cm.CreatedAt, t.now
	t.stageNode(m.ID, e)
	t.res.Updated++
	t.record(graph.ActionUpdate, string(e.EntityKind()), m.ID, "", e.RegionKey(), cur, e)
	return nil
}

func (t *txn) restore(in graph.Entity) (string, error) {
	e, err := t.prepare(in)
	if err != nil {
		return "", err
	}
	m := e.Base()
	if m.ID == "" || m.Version < 1 {
		return "", &graph.Error{Code: graph.EINVALID, Message: "a restored node needs its id and version",
			Fields: []graph.FieldError{{Field: "version", Message: "must be at least 1"}}}
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = t.now
	}
	if m.UpdatedAt.IsZero() {
		m.UpdatedAt = m.CreatedAt
	}
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	cur := t.node(m.ID)
	if cur != nil {
		if err := graph.CheckUpdate(cur, e); err != nil {
			return "", err
		}
		if cm := cur.Base(); graph.SameContent(cur, e) && cm.Version == m.Version && cm.CreatedAt.Equal(m.CreatedAt) && cm.UpdatedAt.Equal(m.UpdatedAt) {
			t.res.Unchanged++
			return m.ID, nil
		}
		t.res.Updated++
		t.record(graph.ActionUpdate, string(e.EntityKind()), m.ID, "", e.RegionKey(), cur, e)
	} else {
		t.res.Created++
		t.record(graph.ActionCreate, string(e.EntityKind()), m.ID, "", e.RegionKey(), nil, e)
	}
	t.stageNode(m.ID, e)
	return m.ID, nil
}

func (t *txn) delete(k graph.Kind, id string, expected int64) error {
	cur, err := t.existing(k, id)
	if err != nil {
		return err
	}
	if v := cur.Base().Version; expected != 0 && v != expected {
		return graph.VersionConflict(k, id, expected, v)
	}
	rels := t.relationsOf(id)
	if graph.DeleteRuleOf(k) == graph.Restrict {
		if err := t.restricted(cur, rels); err != nil {
			return err
		}
	}
	sortRelations(rels)
	for _, r := range rels {
		t.dropRelation(r)
	}
	t.stageNode(id, nil)
	t.res.Deleted++
	if k == graph.KindActor {
		// The person is gone: keep only the fact that an actor with this id was deleted.
		t.redact = append(t.redact, id)
		t.record(graph.ActionDelete, string(k), id, "", cur.RegionKey(), nil, nil)
		t.audit[len(t.audit)-1].Redacted = true
	} else {
		t.record(graph.ActionDelete, string(k), id, "", cur.RegionKey(), cur, nil)
	}
	return nil
}

// restricted explains why a node under the Restrict rule cannot be deleted yet.
func (t *txn) restricted(cur graph.Entity, rels []graph.Relation) error {
	id, k := cur.Base().ID, cur.EntityKind()
	if k == graph.KindRegion {
		if n := t.regionInUse(id); n > 0 {
			return graph.Errorf(graph.ECONFLICT, "region %s still holds %d entries; delete them first", id, n)
		}
		return nil
	}
	if len(rels) > 0 {
		sortRelations(rels)
		return graph.Errorf(graph.ECONFLICT, "%s %s is still used by %d relationships (for example %s); remove them first",
			k, id, len(rels), rels[0].RelationKey)
	}
	if k == graph.KindMunicipality {
		if user := t.indicatorUsing(id, cur.RegionKey()); user != "" {
			return graph.Errorf(graph.ECONFLICT, "municipality %s has values in indicator %s; remove them first", id, user)
		}
	}
	return nil
}

// indicatorUsing returns an indicator of the region with a value for municipality ags.
func (t *txn) indicatorUsing(ags, region string) string {
	uses := func(e graph.Entity) bool {
		if e == nil {
			return false
		}
		for _, r := range e.References() {
			if r.ID == ags {
				return true
			}
		}
		return false
	}
	found := ""
	t.st.list(graph.KindIndicator, region).Ascend(func(id string) bool {
		if uses(t.node(id)) {
			found = id
		}
		return found == ""
	})
	for _, id := range t.nodeSeq {
		if e := t.nodes[id]; found == "" && e != nil && e.EntityKind() == graph.KindIndicator && uses(e) {
			found = id
		}
	}
	return found
}

func (t *txn) dropRelation(r graph.Relation) {
	t.stageRel(r.RelationKey, nil)
	t.res.Unrelated++
	t.record(graph.ActionUnrelate, "relation", r.From, r.To, t.regionOf(r.From), &r, nil)
}

func (t *txn) regionOf(id string) string {
	if e := t.node(id); e != nil {
		return e.RegionKey()
	}
	return ""
}

func (t *txn) relate(in graph.Relation) error {
	r := in
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	from, to := t.node(r.From), t.node(r.To)
	if from == nil {
		return &graph.Error{Code: graph.EINVALID, Message: "invalid relation: " + r.From + " does not exist",
			Fields: []graph.FieldError{{Field: "from", Message: "does not exist"}}}
	}
	if to == nil {
		return &graph.Error{Code: graph.EINVALID, Message: "invalid relation: " + r.To + " does not exist",
			Fields: []graph.FieldError{{Field: "to", Message: "does not exist"}}}
	}
	if err := r.CheckEnds(from, to); err != nil {
		return err
	}
	cur, exists := t.relation(r.RelationKey)
	if exists && cur.Props == r.Props {
		t.res.Unchanged++
		return nil
	}
	t.stageRel(r.RelationKey, &r)
	t.res.Related++
	var before *graph.Relation
	if exists {
		before = &cur
	}
	t.record(graph.ActionRelate, "relation", r.From, r.To, from.RegionKey(), before, &r)
	return nil
}

func (t *txn) unrelate(k graph.RelationKey) (bool, error) {
	k = k.Canonical()
	if _, ok := k.Type.Info(); !ok {
		r := graph.Relation{RelationKey: k}
		return false, r.Validate()
	}
	cur, ok := t.relation(k)
	if !ok {
		return false, nil
	}
	t.dropRelation(cur)
	return true, nil
}
