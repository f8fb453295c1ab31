package graph

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"
)

// Store keeps the graph. Implementations are safe for concurrent use; every write is
// validated before anything is changed, is all-or-nothing, is durable when the call returns
// without error, and is recorded in the audit log under the user named by the context
// (WithUser).
type Store interface {
	// Create stores a new node and returns it as stored. It assigns an id when the node has
	// none (kinds keyed by official numbers must bring theirs), sets Version to 1 and the
	// timestamps. An existing id is ECONFLICT.
	Create(ctx context.Context, e Entity) (Entity, error)
	// Get returns the node of the given kind and id, or ENOTFOUND.
	Get(ctx context.Context, kind Kind, id string) (Entity, error)
	// Update replaces a node's properties. expectedVersion must be the version the caller
	// read; otherwise nothing changes and the error is ECONFLICT with the current version.
	Update(ctx context.Context, e Entity, expectedVersion int64) (Entity, error)
	// Delete removes a node following DeleteRuleOf(kind). expectedVersion 0 skips the
	// version check.
	Delete(ctx context.Context, kind Kind, id string, expectedVersion int64) error
	// Relate creates a relationship or replaces its properties. Both ends must exist.
	Relate(ctx context.Context, r Relation) (Relation, error)
	// Unrelate removes a relationship, or returns ENOTFOUND.
	Unrelate(ctx context.Context, k RelationKey) error
	// Relations lists relationships touching a node, derived ones (PART_OF, DEFINED_BY)
	// included, ordered by type, from, to.
	Relations(ctx context.Context, q RelationQuery) ([]Relation, error)
	// List returns one page of nodes of one kind, ordered by id.
	List(ctx context.Context, q ListQuery) (Page, error)
	// Search finds measures, organisations and networks by German-aware full text.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
	// Snapshot returns a consistent read-only copy of one region ("" for all regions) for
	// analysis.
	Snapshot(ctx context.Context, region string) (*Snapshot, error)
	// Revision returns a number that changes with every committed write to the graph. Users,
	// tokens and monitoring snapshots are kept beside the graph and leave it as it is.
	Revision(ctx context.Context) (uint64, error)
	// Audit lists audit entries, newest first.
	Audit(ctx context.Context, q AuditQuery) (AuditPage, error)
	// Apply runs many operations as one all-or-nothing write (imports, seeding, migration).
	// With DryRun it validates everything and writes nothing.
	Apply(ctx context.Context, b *Batch) (BatchResult, error)

	UserStore
	MonitoringStore
	MergeStore
	JobStore

	// Ping reports whether the store can serve (for readiness checks).
	Ping(ctx context.Context) error
	// Close releases the store; in-flight writes finish first.
	Close() error
}

// DeleteRule says what deleting a node does to its relationships.
type DeleteRule int

const (
	// Detach deletes the node's relationships with it.
	Detach DeleteRule = iota
	// Restrict refuses the delete (ECONFLICT) while the node has relationships or, for a
	// region, while nodes belong to it.
	Restrict
)

// DeleteRuleOf returns the rule for deleting nodes of kind k. Reference data that other
// entries hang on (regions, municipalities, fields of action, target groups) is restricted,
// so that deleting it never silently strips measures of their place, field or target group;
// directory entries (organisations, actors, networks, measures, goals, indicators) are
// detached. Deleting an actor also erases its personal data from the audit log.
func DeleteRuleOf(k Kind) DeleteRule {
	switch k {
	case KindRegion, KindMunicipality, KindField, KindTargetGroup:
		return Restrict
	}
	return Detach
}

// RelationQuery selects relationships touching one node.
type RelationQuery struct {
	// Node is the id whose relationships are listed.
	Node string
	// Type limits the result to one type ("" for all).
	Type RelType
	// Direction is "out", "in" or "" for both.
	Direction string
}

// DefaultLimit and MaxLimit bound list pages.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// ListQuery selects nodes of one kind. Filters that do not apply to the kind are EINVALID.
type ListQuery struct {
	// Kind is the node kind to list.
	Kind Kind
	Filter
	// Limit is the page size (DefaultLimit when 0, at most MaxLimit).
	Limit int
	// Cursor continues after the page that returned it.
	Cursor string
}

// Page is one page of a list. Items are ordered by id, so a walk through all pages returns
// every node that existed throughout exactly once, even while other writes happen.
type Page struct {
	// Items are the nodes of the page.
	Items []Entity
	// NextCursor continues the walk; empty on the last page.
	NextCursor string
	// Total is the number of nodes matching the query at the time of the call.
	Total int
}

// SearchQuery is a full-text query with filters.
type SearchQuery struct {
	// Text is what the user typed. Words are matched after German folding and stemming; all
	// words must match; the last word also matches as a prefix. Empty text matches every
	// node that passes the filters (ordered by id).
	Text string
	// Kinds limits the kinds searched (SearchKinds when empty). A filter that does not apply
	// to a kind leaves that kind out.
	Kinds []Kind
	Filter
	// Limit and Cursor page through the ranked hits.
	Limit  int
	Cursor string
}

// SearchResult is one page of ranked hits.
type SearchResult struct {
	// Hits are ordered by descending score, then id.
	Hits []SearchHit
	// NextCursor continues; empty on the last page.
	NextCursor string
	// Total is the number of matching nodes.
	Total int
}

// SearchHit is one search result.
type SearchHit struct {
	// Entity is the node found.
	Entity Entity
	// Score is the relevance (BM25-like; comparable only within one result).
	Score float64
	// Matches lists, per field, the byte ranges of the matched words, for highlighting.
	Matches []FieldMatch
}

// FieldMatch tells where query words matched in one field.
type FieldMatch struct {
	// Field is the JSON name of the field.
	Field string `json:"field"`
	// Spans are [start, end) byte offsets into the field's text.
	Spans [][2]int `json:"spans"`
}

// Snapshot is a consistent, read-only picture of one region (or all regions) at one
// revision, for analysis. Slices are ordered by id; the embedded store shares the nodes with
// its own state, so they must never be modified.
type Snapshot struct {
	// Region is the region key, or "" for all regions.
	Region string
	// Revision is the store revision the snapshot shows.
	Revision uint64
	// Taken is when the snapshot was taken.
	Taken time.Time

	Regions        []*Region
	Municipalities []*Municipality
	Fields         []*FieldOfAction
	// TargetGroups holds the region's own groups and the shared ones.
	TargetGroups  []*TargetGroup
	Organisations []*Organisation
	Actors        []*Actor
	Networks      []*Network
	Measures      []*Measure
	Concepts      []*Concept
	Guidelines    []*Guideline
	Goals         []*Goal
	Indicators    []*Indicator
	// Relations holds the stored relationships among the nodes above (not the derived
	// PART_OF and DEFINED_BY, which the region fields carry), ordered by type, from, to.
	Relations []Relation
}

// Add appends e to the slice of its kind.
func (s *Snapshot) Add(e Entity) {
	switch v := e.(type) {
	case *Region:
		s.Regions = append(s.Regions, v)
	case *Municipality:
		s.Municipalities = append(s.Municipalities, v)
	case *FieldOfAction:
		s.Fields = append(s.Fields, v)
	case *TargetGroup:
		s.TargetGroups = append(s.TargetGroups, v)
	case *Organisation:
		s.Organisations = append(s.Organisations, v)
	case *Actor:
		s.Actors = append(s.Actors, v)
	case *Network:
		s.Networks = append(s.Networks, v)
	case *Measure:
		s.Measures = append(s.Measures, v)
	case *Concept:
		s.Concepts = append(s.Concepts, v)
	case *Guideline:
		s.Guidelines = append(s.Guidelines, v)
	case *Goal:
		s.Goals = append(s.Goals, v)
	case *Indicator:
		s.Indicators = append(s.Indicators, v)
	}
}

// Nodes returns every node of the snapshot in graph.Kinds order, so that references resolve
// when they are written in this order.
func (s *Snapshot) Nodes() []Entity {
	out := make([]Entity, 0, len(s.Regions)+len(s.Municipalities)+len(s.Fields)+len(s.TargetGroups)+
		len(s.Organisations)+len(s.Actors)+len(s.Networks)+len(s.Measures)+len(s.Concepts)+len(s.Guidelines)+len(s.Goals)+len(s.Indicators))
	out = appendAll(out, s.Regions)
	out = appendAll(out, s.Municipalities)
	out = appendAll(out, s.Fields)
	out = appendAll(out, s.TargetGroups)
	out = appendAll(out, s.Organisations)
	out = appendAll(out, s.Actors)
	out = appendAll(out, s.Networks)
	out = appendAll(out, s.Measures)
	out = appendAll(out, s.Concepts)
	out = appendAll(out, s.Guidelines)
	out = appendAll(out, ParentsFirst(s.Goals))
	return appendAll(out, s.Indicators)
}

// ParentsFirst returns the goals ordered so that every goal comes after its parent (when
// the parent is among them), keeping the given order otherwise.
func ParentsFirst(goals []*Goal) []*Goal {
	index := make(map[string]int, len(goals))
	for i, g := range goals {
		index[g.ID] = i
	}
	out := make([]*Goal, 0, len(goals))
	done := make([]bool, len(goals))
	var visit func(i, depth int)
	visit = func(i, depth int) {
		if done[i] {
			return
		}
		done[i] = true // set first: a cycle (which writes refuse) cannot recurse forever
		if p, ok := index[goals[i].Parent]; ok && depth <= MaxGoalDepth {
			visit(p, depth+1)
		}
		out = append(out, goals[i])
	}
	for i := range goals {
		visit(i, 0)
	}
	return out
}

func appendAll[E Entity](out []Entity, es []E) []Entity {
	for _, e := range es {
		out = append(out, e)
	}
	return out
}

// Count returns the number of nodes per kind.
func (s *Snapshot) Count() map[Kind]int {
	return map[Kind]int{
		KindRegion: len(s.Regions), KindMunicipality: len(s.Municipalities), KindField: len(s.Fields),
		KindTargetGroup: len(s.TargetGroups), KindOrganisation: len(s.Organisations), KindActor: len(s.Actors),
		KindNetwork: len(s.Networks), KindMeasure: len(s.Measures), KindConcept: len(s.Concepts), KindGuideline: len(s.Guidelines), KindGoal: len(s.Goals), KindIndicator: len(s.Indicators),
	}
}

// Audit actions.
const (
	ActionCreate   = "create"
	ActionUpdate   = "update"
	ActionDelete   = "delete"
	ActionRelate   = "relate"
	ActionUnrelate = "unrelate"
	ActionBatch    = "batch"
)

// AuditEntry records one change.
type AuditEntry struct {
	// Seq orders entries; it grows with every entry.
	Seq uint64 `json:"seq"`
	// At is when the change was committed (UTC).
	At time.Time `json:"at"`
	// User is who made the change ("system" for the program itself).
	User string `json:"user"`
	// Action is create, update, delete, relate, unrelate, batch, merge or unmerge.
	Action string `json:"action"`
	// Kind is the node kind, or "relation".
	Kind string `json:"kind"`
	// Entity is the node id (the start node for relationships; empty for batch summaries).
	Entity string `json:"entity,omitempty"`
	// Related is the end node of a relationship.
	Related string `json:"related,omitempty"`
	// Region is the region the change belongs to.
	Region string `json:"region,omitempty"`
	// Before is the node or relationship before the change (JSON), absent on create.
	Before json.RawMessage `json:"before,omitempty"`
	// After is the node or relationship after the change (JSON), absent on delete.
	After json.RawMessage `json:"after,omitempty"`
	// Summary describes a batch recorded as one entry (English; see Message).
	Summary string `json:"summary,omitempty"`
	// Message is Summary's sentence as a key of the message catalogue and its arguments,
	// which readers render in their language (absent in entries written before it existed,
	// and for batches that name none). Counts are a batch entry's counts.
	Message *Message     `json:"message,omitempty"`
	Counts  *BatchCounts `json:"counts,omitempty"`
	// Redacted is true when personal data was removed from Before and After.
	Redacted bool `json:"redacted,omitempty"`
}

// AuditQuery selects audit entries.
type AuditQuery struct {
	// Entity keeps entries about this node (as either end of a relationship, too).
	Entity string
	// Region keeps entries of this region.
	Region string
	// Limit and Cursor page through the entries, newest first.
	Limit  int
	Cursor string
}

// AuditPage is one page of audit entries.
type AuditPage struct {
	// Items are newest first.
	Items []AuditEntry
	// NextCursor continues; empty on the last page.
	NextCursor string
}

// OpAction says what one operation of a batch does.
type OpAction string

// Batch operations.
const (
	// OpCreate creates a node (ECONFLICT when the id exists).
	OpCreate OpAction = "create"
	// OpUpsert creates the node, or replaces its properties when they differ (no version
	// check): re-applying the same data changes nothing. The node must bring its id.
	OpUpsert OpAction = "upsert"
	// OpRestore writes the node exactly as given, version and timestamps included (migration
	// and lossless import).
	OpRestore OpAction = "restore"
	// OpUpdate replaces a node's properties after checking Version.
	OpUpdate OpAction = "update"
	// OpDelete deletes the node Kind/ID (Version 0 skips the check).
	OpDelete OpAction = "delete"
	// OpRelate creates a relationship or replaces its properties.
	OpRelate OpAction = "relate"
	// OpUnrelate removes a relationship (absent is not an error in a batch).
	OpUnrelate OpAction = "unrelate"
)

// Op is one operation of a batch.
type Op struct {
	// Action is what to do.
	Action OpAction
	// Entity is the node for create, upsert, restore and update.
	Entity Entity
	// Version is the expected version for update and delete.
	Version int64
	// Kind and ID name the node to delete.
	Kind Kind
	ID   string
	// Relation is the relationship for relate and unrelate.
	Relation Relation
}

// Batch is a list of operations applied all-or-nothing, in order: later operations see the
// effect of earlier ones.
type Batch struct {
	// Ops are the operations.
	Ops []Op
	// DryRun validates every operation and reports what would happen, writing nothing.
	DryRun bool
	// Summary, when set, records the batch as one audit entry with this text instead of one
	// entry per change (seeding and migration, where per-entry history adds nothing).
	Summary string
	// Message is Summary as a key of the message catalogue (msg/catalogue/audit.json) with
	// its arguments, so that the audit log speaks the reader's language.
	Message *Message
}

// Message is a sentence for people kept as a key of the message catalogue and its
// arguments (strings and numbers), rendered when it is read, in the reader's language.
type Message struct {
	Key  string         `json:"key"`
	Args map[string]any `json:"args,omitempty"`
}

// BatchCounts are the counts of a batch recorded as one audit entry.
type BatchCounts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Deleted   int `json:"deleted"`
	Related   int `json:"related"`
	Unrelated int `json:"unrelated"`
}

// MaxBatchErrors bounds the validation errors one batch reports.
const MaxBatchErrors = 1000

// BatchResult counts what a batch did (or, in a dry run, would do).
type BatchResult struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Deleted   int `json:"deleted"`
	Related   int `json:"related"`
	Unrelated int `json:"unrelated"`
	// IDs holds, per operation, the id of the node it touched ("" for relationships).
	IDs []string `json:"ids,omitempty"`
}

type ctxKey struct{}

// WithUser returns a context that attributes writes to the named user in the audit log.
func WithUser(ctx context.Context, user string) context.Context {
	return context.WithValue(ctx, ctxKey{}, user)
}

// UserFrom returns the user set by WithUser, or "system".
func UserFrom(ctx context.Context) string {
	if u, ok := ctx.Value(ctxKey{}).(string); ok && u != "" {
		return u
	}
	return "system"
}

// EncodeCursor and DecodeCursor make opaque page cursors from a position string, so clients
// never depend on what is inside.
func EncodeCursor(pos string) string {
	if pos == "" {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(pos))
}

// DecodeCursor reverses EncodeCursor; a malformed cursor is EINVALID naming "cursor".
func DecodeCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) == 0 || len(b) > 512 {
		return "", &Error{Code: EINVALID, Message: "invalid cursor", Fields: []FieldError{{Field: "cursor", Message: "is not a cursor returned by this API; start again without it"}}}
	}
	return string(b), nil
}

// DecodeOffsetCursor decodes a cursor holding a result offset (search pages).
func DecodeOffsetCursor(c string) (int, error) {
	s, err := DecodeCursor(c)
	if err != nil || s == "" {
		return 0, err
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, &Error{Code: EINVALID, Message: "invalid cursor", Fields: []FieldError{{Field: "cursor", Message: "is not a cursor returned by this API; start again without it"}}}
	}
	return n, nil
}

// PageLimit applies the default and the maximum to a requested page size.
func PageLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultLimit, nil
	case n < 0 || n > MaxLimit:
		return 0, &Error{Code: EINVALID, Message: "invalid limit", Fields: []FieldError{{Field: "limit", Message: "must be between 1 and " + strconv.Itoa(MaxLimit)}}}
	}
	return n, nil
}
