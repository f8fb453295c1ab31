package graph

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// View is the committed graph as a Stage reads it. A backend provides it: the embedded
// store from its in-memory state, the Neo4j store from what it read inside its transaction.
type View interface {
	// Node returns the node with this id, or nil.
	Node(id string) Entity
	// Relation returns the stored relationship with this (canonical) key.
	Relation(k RelationKey) (Relation, bool)
	// RelationsOf lists the stored relationships touching the node (derived ones excluded).
	RelationsOf(id string) []Relation
	// RegionMembers counts the nodes other than the region itself that belong to region key.
	RegionMembers(key string) int
	// Referrers lists the ids of the region's nodes whose properties may refer to other
	// nodes than their region (the kinds in ReferringKinds).
	Referrers(region string) []string
	// MonitoringSnapshotsOf counts the saved monitoring snapshots of region key.
	MonitoringSnapshotsOf(key string) int
}

// Stage runs the operations of batches on top of a View without changing it: it validates
// each operation against the view plus what earlier operations staged, records the changes
// and their audit entries, and can take back a failed batch alone (Mark, Rollback), so a
// backend can run several callers' batches as one commit. The backend then writes the
// staged changes (NodeChanges, RelationChanges, AuditEntries, Redactions) and, only once
// they are durable, makes them visible. Every backend uses this one implementation, so the
// rules of writing are the same everywhere. A Stage is not safe for concurrent use.
type Stage struct {
	view View
	now  time.Time
	user string

	nodes   map[string]Entity         // staged node values; nil means deleted
	rels    map[RelationKey]*Relation // staged relationships; nil means deleted
	nodeSeq []string                  // ids in order of first change
	relSeq  []RelationKey             // keys in order of first change
	audit   []AuditEntry              // entries without Seq
	redact  []string                  // actors whose audit history loses its personal data
	res     BatchResult               // counts of the request being run
	undo    []undoRec                 // how to take back staged changes
	// quiet skips the audit entry of each operation while a batch runs that will not keep
	// them: a dry run, or a batch recorded as one entry (Summary). Encoding the before and
	// after of every operation of a 100,000-row import cost 620 MB of allocations only to be
	// thrown away.
	quiet bool
}

// undoRec remembers what a staged node or relationship was before, so that a failed batch
// can be taken back without disturbing the other batches of its commit group.
type undoRec struct {
	node     bool
	id       string
	key      RelationKey
	prevNode Entity
	prevRel  *Relation
	had      bool
}

// StageMark is a point a Stage can be rolled back to.
type StageMark struct{ undo, nodeSeq, relSeq, audit, redact int }

// Mark returns the current point.
func (t *Stage) Mark() StageMark {
	return StageMark{len(t.undo), len(t.nodeSeq), len(t.relSeq), len(t.audit), len(t.redact)}
}

// Rollback takes back everything staged since m.
func (t *Stage) Rollback(m StageMark) {
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

// ChangedSince reports whether anything was staged after m.
func (t *Stage) ChangedSince(m StageMark) bool { return len(t.undo) > m.undo }

// Run runs the operations of one batch as the given user. When any fails it returns the
// error of every failed operation (see BatchError) and the caller rolls back. nodes holds,
// per operation, the node it staged (nil for relationships, deletes and unchanged nodes).
func (t *Stage) Run(user string, b *Batch) (res BatchResult, nodes []Entity, err error) {
	t.user = user
	t.res = BatchResult{}
	t.quiet = b.DryRun || b.Summary != ""
	defer func() { t.quiet = false }()
	var errs []opError
	for i, op := range b.Ops {
		id, err := t.do(op)
		if err != nil {
			errs = append(errs, opError{i, err})
			if len(errs) >= MaxBatchErrors {
				break
			}
			continue
		}
		t.res.IDs = append(t.res.IDs, id)
		var staged Entity
		if id != "" && op.Action != OpDelete {
			staged = t.nodes[id]
		}
		nodes = append(nodes, staged)
	}
	if len(errs) > 0 {
		return BatchResult{}, nil, batchError(len(b.Ops), errs)
	}
	return t.res, nodes, nil
}

// Summarize replaces the audit entries made since m by one entry describing the batch b
// (its Summary and Message) with the counts of res.
func (t *Stage) Summarize(m StageMark, b *Batch, res BatchResult) {
	t.audit = append(t.audit[:m.audit], AuditEntry{At: t.now, User: t.user, Action: ActionBatch, Kind: "batch",
		Summary: fmt.Sprintf("%s: %d created, %d updated, %d deleted, %d relationships set, %d removed",
			b.Summary, res.Created, res.Updated, res.Deleted, res.Related, res.Unrelated),
		Message: b.Message,
		Counts:  &BatchCounts{Created: res.Created, Updated: res.Updated, Deleted: res.Deleted, Related: res.Related, Unrelated: res.Unrelated}})
}

// NewStage starts staging on top of view; now is the time written into the changes.
func NewStage(view View, now time.Time) *Stage {
	return &Stage{
		view: view, now: now,
		nodes: make(map[string]Entity),
		rels:  make(map[RelationKey]*Relation),
	}
}

// Changed reports whether anything is staged.
func (t *Stage) Changed() bool { return len(t.nodeSeq) > 0 || len(t.relSeq) > 0 }

// node returns the node with this id as the batch sees it.
func (t *Stage) node(id string) Entity {
	if e, ok := t.nodes[id]; ok {
		return e
	}
	return t.view.Node(id)
}

func (t *Stage) stageNode(id string, e Entity) {
	prev, had := t.nodes[id]
	if !had {
		t.nodeSeq = append(t.nodeSeq, id)
	}
	t.undo = append(t.undo, undoRec{node: true, id: id, prevNode: prev, had: had})
	t.nodes[id] = e
}

func (t *Stage) stageRel(k RelationKey, r *Relation) {
	prev, had := t.rels[k]
	if !had {
		t.relSeq = append(t.relSeq, k)
	}
	t.undo = append(t.undo, undoRec{key: k, prevRel: prev, had: had})
	t.rels[k] = r
}

// relation returns the relationship with key k as the batch sees it.
func (t *Stage) relation(k RelationKey) (Relation, bool) {
	if r, ok := t.rels[k]; ok {
		if r == nil {
			return Relation{}, false
		}
		return *r, true
	}
	return t.view.Relation(k)
}

// relationsOf lists the stored relationships touching id as the batch sees them.
func (t *Stage) relationsOf(id string) []Relation {
	var rs []Relation
	for _, r := range t.view.RelationsOf(id) {
		if _, staged := t.rels[r.RelationKey]; !staged {
			rs = append(rs, r)
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
func (t *Stage) regionInUse(key string) int {
	n := t.view.RegionMembers(key)
	for id, e := range t.nodes {
		if id == key {
			continue
		}
		if c := t.view.Node(id); c != nil && c.RegionKey() == key {
			n--
		}
		if e != nil && e.RegionKey() == key {
			n++
		}
	}
	return n
}

func (t *Stage) record(action string, kind, entity, related, region string, before, after any) {
	if t.quiet {
		return
	}
	t.audit = append(t.audit, AuditEntry{
		At: t.now, User: t.user, Action: action, Kind: kind, Entity: entity, Related: related,
		Region: region, Before: mustJSON(before), After: mustJSON(after),
	})
}

func mustJSON(v any) json.RawMessage {
	switch x := v.(type) {
	case nil:
		return nil
	case Entity:
		if x == nil {
			return nil
		}
	case *Relation:
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
func (t *Stage) do(op Op) (id string, err error) {
	switch op.Action {
	case OpCreate:
		return t.create(op.Entity)
	case OpUpsert:
		return t.upsert(op.Entity)
	case OpRestore:
		return t.restore(op.Entity)
	case OpUpdate:
		return t.update(op.Entity, op.Version)
	case OpDelete:
		return op.ID, t.delete(op.Kind, op.ID, op.Version)
	case OpRelate:
		return "", t.relate(op.Relation)
	case OpUnrelate:
		_, err := t.unrelate(op.Relation.RelationKey)
		return "", err
	}
	return "", &Error{Code: EINVALID, Message: fmt.Sprintf("unknown operation %q", op.Action),
		Fields: []FieldError{{Field: "action", Message: "must be create, upsert, restore, update, delete, relate or unrelate"}}}
}

// prepare copies, normalises and validates a node and checks its references.
func (t *Stage) prepare(in Entity) (Entity, error) {
	if in == nil {
		return nil, Errorf(EINVALID, "no node given")
	}
	e := in.Clone()
	if err := Prepare(e); err != nil {
		return nil, err
	}
	var p problems
	for _, r := range e.References() {
		ref := t.node(r.ID)
		if ref == nil || ref.EntityKind() != r.Kind {
			return nil, RefError(string(e.EntityKind()), r)
		}
		if r.Kind != KindRegion && !InRegion(ref, e.RegionKey()) {
			p.add(r.Field, "%s belongs to region %s, not to %s; entries refer only to their own region", r.ID, ref.RegionKey(), e.RegionKey())
		}
	}
	if err := p.err(string(e.EntityKind())); err != nil {
		return nil, err
	}
	if c, ok := e.(Checker); ok {
		if err := c.Check(CheckContext{Now: t.now, Node: t.node}); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// InRegion reports whether node n may be referred to from region key: it belongs to that
// region, to all regions (a shared target group), or, for a state's key, to one of the
// state's counties.
func InRegion(n Entity, key string) bool {
	r := n.RegionKey()
	return r == "" || r == key || (strings.HasSuffix(key, "000") && strings.HasPrefix(r, regionPrefix(key)))
}

func (t *Stage) create(in Entity) (string, error) {
	e, err := t.prepare(in)
	if err != nil {
		return "", err
	}
	m := e.Base()
	if m.ID == "" {
		m.ID = NewID(e.EntityKind())
	} else if t.node(m.ID) != nil {
		return "", &Error{Code: ECONFLICT, Message: fmt.Sprintf("%s %s already exists", e.EntityKind(), m.ID),
			Fields: []FieldError{{Field: "id", Message: "already exists"}}}
	}
	m.Version, m.CreatedAt, m.UpdatedAt = 1, t.now, t.now
	t.stageNode(m.ID, e)
	t.res.Created++
	t.record(ActionCreate, string(e.EntityKind()), m.ID, "", e.RegionKey(), nil, e)
	return m.ID, nil
}

// existing returns the current node for an update of e, or ENOTFOUND.
func (t *Stage) existing(k Kind, id string) (Entity, error) {
	cur := t.node(id)
	if cur == nil || cur.EntityKind() != k {
		return nil, NotFound(k, id)
	}
	return cur, nil
}

func (t *Stage) update(in Entity, expected int64) (string, error) {
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
		return "", VersionConflict(e.EntityKind(), m.ID, expected, cm.Version)
	}
	return m.ID, t.replace(cur, e)
}

func (t *Stage) upsert(in Entity) (string, error) {
	if in != nil && in.Base().ID == "" {
		return "", &Error{Code: EINVALID, Message: "an upsert needs the node's id",
			Fields: []FieldError{{Field: "id", Message: "is required"}}}
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
		t.record(ActionCreate, string(e.EntityKind()), m.ID, "", e.RegionKey(), nil, e)
		return m.ID, nil
	}
	return m.ID, t.replace(cur, e)
}

// replace stages e as the new version of cur unless nothing changed.
func (t *Stage) replace(cur, e Entity) error {
	if err := CheckUpdate(cur, e); err != nil {
		return err
	}
	if c, ok := e.(*Concept); ok {
		if err := t.periodsInUse(c); err != nil {
			return err
		}
	}
	if SameContent(cur, e) {
		t.res.Unchanged++
		return nil
	}
	m, cm := e.Base(), cur.Base()
	m.Version, m.CreatedAt, m.UpdatedAt = cm.Version+1, cm.CreatedAt, t.now
	t.stageNode(m.ID, e)
	t.res.Updated++
	t.record(ActionUpdate, string(e.EntityKind()), m.ID, "", e.RegionKey(), cur, e)
	return nil
}

func (t *Stage) restore(in Entity) (string, error) {
	e, err := t.prepare(in)
	if err != nil {
		return "", err
	}
	m := e.Base()
	if m.ID == "" || m.Version < 1 {
		return "", &Error{Code: EINVALID, Message: "a restored node needs its id and version",
			Fields: []FieldError{{Field: "version", Message: "must be at least 1"}}}
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
		if err := CheckUpdate(cur, e); err != nil {
			return "", err
		}
		if cm := cur.Base(); SameContent(cur, e) && cm.Version == m.Version && cm.CreatedAt.Equal(m.CreatedAt) && cm.UpdatedAt.Equal(m.UpdatedAt) {
			t.res.Unchanged++
			return m.ID, nil
		}
		t.res.Updated++
		t.record(ActionUpdate, string(e.EntityKind()), m.ID, "", e.RegionKey(), cur, e)
	} else {
		t.res.Created++
		t.record(ActionCreate, string(e.EntityKind()), m.ID, "", e.RegionKey(), nil, e)
	}
	t.stageNode(m.ID, e)
	return m.ID, nil
}

func (t *Stage) delete(k Kind, id string, expected int64) error {
	cur, err := t.existing(k, id)
	if err != nil {
		return err
	}
	if v := cur.Base().Version; expected != 0 && v != expected {
		return VersionConflict(k, id, expected, v)
	}
	if ReferredKind(k) {
		if by, field := t.referrerOf(id, cur.RegionKey()); by != "" {
			return Errorf(ECONFLICT, "%s %s is named in %s of %s; change or delete that entry first", k, id, field, by)
		}
	}
	rels := t.relationsOf(id)
	if DeleteRuleOf(k) == Restrict {
		if err := t.restricted(cur, rels); err != nil {
			return err
		}
	}
	SortRelations(rels)
	for _, r := range rels {
		t.dropRelation(r)
	}
	t.stageNode(id, nil)
	t.res.Deleted++
	if k == KindActor {
		// The person is gone: keep only the fact that an actor with this id was deleted.
		t.redact = append(t.redact, id)
		if !t.quiet {
			t.record(ActionDelete, string(k), id, "", cur.RegionKey(), nil, nil)
			t.audit[len(t.audit)-1].Redacted = true
		}
	} else {
		t.record(ActionDelete, string(k), id, "", cur.RegionKey(), cur, nil)
	}
	return nil
}

// restricted explains why a node under the Restrict rule cannot be deleted yet.
func (t *Stage) restricted(cur Entity, rels []Relation) error {
	id, k := cur.Base().ID, cur.EntityKind()
	if k == KindRegion {
		if n := t.regionInUse(id); n > 0 {
			return Errorf(ECONFLICT, "region %s still holds %d entries; delete them first", id, n)
		}
		if n := t.view.MonitoringSnapshotsOf(id); n > 0 {
			return Errorf(ECONFLICT, "region %s has %d saved monitoring snapshots; delete them first", id, n)
		}
		return nil
	}
	if len(rels) > 0 {
		SortRelations(rels)
		return Errorf(ECONFLICT, "%s %s is still used by %d relationships (for example %s); remove them first",
			k, id, len(rels), rels[0].RelationKey)
	}
	return nil
}

// periodsInUse refuses a concept whose periods no longer include one its goals name.
func (t *Stage) periodsInUse(c *Concept) error {
	check := func(e Entity) error {
		g, ok := e.(*Goal)
		if !ok || g.Concept != c.ID || g.Period == "" {
			return nil
		}
		if _, ok := c.Period(g.Period); ok {
			return nil
		}
		return &Error{Code: EINVALID, Message: fmt.Sprintf("invalid concept: goal %s names the period %q", g.ID, g.Period),
			Fields: []FieldError{{Field: "periods", Message: fmt.Sprintf("goal %s names the period %q; change that goal's period first", g.ID, g.Period)}}}
	}
	for _, id := range t.view.Referrers(c.Region) {
		if _, staged := t.nodes[id]; !staged {
			if err := check(t.view.Node(id)); err != nil {
				return err
			}
		}
	}
	for _, id := range t.nodeSeq {
		if err := check(t.nodes[id]); err != nil {
			return err
		}
	}
	return nil
}

// ReferringKinds are the kinds whose properties may name other nodes than their region (a
// town's concept its municipality, a guideline its concept, a goal its concept, guideline and
// parent, an indicator the municipalities of its values).
var ReferringKinds = []Kind{KindConcept, KindGuideline, KindGoal, KindIndicator}

// ReferredKind reports whether properties of other nodes may name nodes of kind k.
func ReferredKind(k Kind) bool {
	switch k {
	case KindMunicipality, KindConcept, KindGuideline, KindGoal:
		return true
	}
	return false
}

// referrerOf returns a node that names id in one of its properties, and that property; the
// node lies in region (or, for a municipality, in its county's state).
func (t *Stage) referrerOf(id, region string) (by, field string) {
	names := func(e Entity) string {
		if e == nil || e.Base().ID == id {
			return ""
		}
		for _, r := range e.References() {
			if r.ID == id {
				return r.Field
			}
		}
		return ""
	}
	regions := []string{region}
	if len(region) == 5 && !strings.HasSuffix(region, "000") {
		regions = append(regions, region[:2]+"000")
	}
	for _, reg := range regions {
		for _, rid := range t.view.Referrers(reg) {
			if _, staged := t.nodes[rid]; staged {
				continue
			}
			if f := names(t.view.Node(rid)); f != "" {
				return rid, f
			}
		}
	}
	for _, nid := range t.nodeSeq {
		if f := names(t.nodes[nid]); f != "" {
			return nid, f
		}
	}
	return "", ""
}

func (t *Stage) dropRelation(r Relation) {
	t.stageRel(r.RelationKey, nil)
	t.res.Unrelated++
	t.record(ActionUnrelate, "relation", r.From, r.To, t.regionOf(r.From), &r, nil)
}

func (t *Stage) regionOf(id string) string {
	if e := t.node(id); e != nil {
		return e.RegionKey()
	}
	return ""
}

func (t *Stage) relate(in Relation) error {
	r := in
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	from, to := t.node(r.From), t.node(r.To)
	if from == nil {
		return &Error{Code: EINVALID, Message: "invalid relation: " + r.From + " does not exist",
			Fields: []FieldError{{Field: "from", Message: "does not exist"}}}
	}
	if to == nil {
		return &Error{Code: EINVALID, Message: "invalid relation: " + r.To + " does not exist",
			Fields: []FieldError{{Field: "to", Message: "does not exist"}}}
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
	var before *Relation
	if exists {
		before = &cur
	}
	t.record(ActionRelate, "relation", r.From, r.To, from.RegionKey(), before, &r)
	return nil
}

func (t *Stage) unrelate(k RelationKey) (bool, error) {
	k = k.Canonical()
	if _, ok := k.Type.Info(); !ok {
		r := Relation{RelationKey: k}
		return false, r.Validate()
	}
	cur, ok := t.relation(k)
	if !ok {
		return false, nil
	}
	t.dropRelation(cur)
	return true, nil
}

// NodeChange is a staged change of a node.
type NodeChange struct {
	// ID names the node.
	ID string
	// Node is the node as it will be; nil when it is deleted.
	Node Entity
	// Existed says whether the view holds the node (update or delete rather than create).
	Existed bool
}

// NodeChanges lists the staged node changes in the order the nodes were first touched.
func (t *Stage) NodeChanges() []NodeChange {
	out := make([]NodeChange, len(t.nodeSeq))
	for i, id := range t.nodeSeq {
		out[i] = NodeChange{ID: id, Node: t.nodes[id], Existed: t.view.Node(id) != nil}
	}
	return out
}

// RelationChange is a staged change of a relationship.
type RelationChange struct {
	// Key names the relationship.
	Key RelationKey
	// Relation is the relationship as it will be; nil when it is removed.
	Relation *Relation
}

// RelationChanges lists the staged relationship changes in the order first touched.
func (t *Stage) RelationChanges() []RelationChange {
	out := make([]RelationChange, len(t.relSeq))
	for i, k := range t.relSeq {
		out[i] = RelationChange{Key: k, Relation: t.rels[k]}
	}
	return out
}

// AuditEntries returns the staged audit entries (without sequence numbers) in order.
func (t *Stage) AuditEntries() []AuditEntry { return t.audit }

// Redactions lists the actors whose earlier audit entries must lose their personal data.
func (t *Stage) Redactions() []string { return t.redact }

// Now is the time the stage writes into changes and audit entries.
func (t *Stage) Now() time.Time { return t.now }
