package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// A merge joins a data duplicate into one entry: the reviewer keeps one entry (the survivor),
// chooses per field whose value it keeps, and retires the other. The retired entry's
// relationships move to the survivor, the retired id answers with a redirect, and the merge
// record keeps what an undo needs. Both are single all-or-nothing writes, staged here with the
// rules every write follows, so each backend only stores the result beside its graph.

// MergeKinds are the kinds whose entries can be merged. Actors are left out: a merge record
// keeps the retired entry for the undo, and personal data must not outlive its deletion.
var MergeKinds = []Kind{KindMeasure, KindOrganisation, KindNetwork}

// The two choices of a merged field.
const (
	// KeepSurvivor keeps the surviving entry's value (the default for every field).
	KeepSurvivor = "survivor"
	// TakeRetired takes the retired entry's value.
	TakeRetired = "retired"
)

// Audit actions of merges.
const (
	ActionMerge   = "merge"
	ActionUnmerge = "unmerge"
)

// MergeStore merges data duplicates and takes merges back. Both writes are all-or-nothing,
// durable when the call returns, change the store's revision and leave one audit entry each.
type MergeStore interface {
	// Merge retires req.Retired into req.Survivor (see Stage.Merge) and returns the record.
	// Stale versions are ECONFLICT; bad input is EINVALID naming the field.
	Merge(ctx context.Context, req MergeRequest) (*Merge, error)
	// UndoMerge takes a merge back (see Stage.UndoMerge) and returns the updated record:
	// ENOTFOUND for an unknown id, ECONFLICT when it was undone already or the survivor
	// changed since.
	UndoMerge(ctx context.Context, id string) (*Merge, error)
	// MergeRecord returns a merge record, or ENOTFOUND.
	MergeRecord(ctx context.Context, id string) (*Merge, error)
	// Redirect returns the id that a retired id now lives on, or ENOTFOUND when id was not
	// retired by a merge that still stands.
	Redirect(ctx context.Context, id string) (string, error)
}

// MergeRequest asks for a merge.
type MergeRequest struct {
	// Kind is the kind of both entries (one of MergeKinds).
	Kind Kind `json:"kind"`
	// Survivor is the id of the entry that stays.
	Survivor string `json:"survivor"`
	// Retired is the id of the entry that goes.
	Retired string `json:"retired"`
	// SurvivorVersion and RetiredVersion are the versions the reviewer saw.
	SurvivorVersion int64 `json:"survivor_version"`
	RetiredVersion  int64 `json:"retired_version"`
	// Fields says per field (JSON name) whose value the survivor keeps: KeepSurvivor or
	// TakeRetired. Fields not named keep the survivor's value.
	Fields map[string]string `json:"fields,omitempty"`
}

// Merge is the record of a merge.
type Merge struct {
	// ID identifies the record: "mrg_" and a time-sortable ULID.
	ID string `json:"id"`
	// Kind is the kind of the merged entries.
	Kind Kind `json:"kind"`
	// Region is the region of both entries.
	Region string `json:"region"`
	// Survivor is the entry that stayed; Retired the one that went.
	Survivor string `json:"survivor"`
	Retired  string `json:"retired"`
	// At is when the merge was made (UTC); By who made it.
	At time.Time `json:"at"`
	By string    `json:"by"`
	// Fields are the fields whose value was taken from the retired entry.
	Fields []string `json:"fields"`
	// Moved are the relationships the survivor gained from the retired entry.
	Moved []Relation `json:"moved"`
	// Undone tells whether the merge was taken back; UndoneAt and UndoneBy when and by whom.
	Undone   bool       `json:"undone"`
	UndoneAt *time.Time `json:"undone_at,omitempty"`
	UndoneBy string     `json:"undone_by,omitempty"`

	// State is what an undo restores; stores keep it, the API does not show it.
	State MergeState `json:"-"`
}

// MergeState is what a merge changed, kept so that it can be taken back exactly.
type MergeState struct {
	// SurvivorBefore and RetiredBefore are the entries as they were (JSON of the node).
	SurvivorBefore json.RawMessage `json:"survivor_before"`
	RetiredBefore  json.RawMessage `json:"retired_before"`
	// SurvivorRelations and RetiredRelations are their stored relationships before.
	SurvivorRelations []Relation `json:"survivor_relations"`
	RetiredRelations  []Relation `json:"retired_relations"`
	// SurvivorVersion and SurvivorRelationsAfter are the survivor as the merge left it: an
	// undo is refused when either changed since.
	SurvivorVersion        int64      `json:"survivor_version"`
	SurvivorRelationsAfter []Relation `json:"survivor_relations_after"`
}

// storedMerge is the form in which stores keep a record: with its state.
type storedMerge struct {
	Merge
	State MergeState `json:"state"`
}

// EncodeMerge returns a record with its state as JSON, for storing.
func EncodeMerge(m *Merge) ([]byte, error) {
	return json.Marshal(storedMerge{Merge: *m, State: m.State})
}

// DecodeMerge reads a record stored by EncodeMerge.
func DecodeMerge(b []byte) (*Merge, error) {
	var s storedMerge
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("merge record: %w", err)
	}
	m := s.Merge
	m.State = s.State
	return &m, nil
}

const mergePrefix = "mrg_"

// NewMergeID returns a new merge record id.
func NewMergeID() string { return mergePrefix + ulid.Make().String() }

// IsMergeID reports whether id has the form of a merge record id.
func IsMergeID(id string) bool {
	rest, ok := strings.CutPrefix(id, mergePrefix)
	return ok && validULID(rest)
}

// MergeNotFound is the ENOTFOUND error for an unknown merge record.
func MergeNotFound(id string) error {
	return Errorf(ENOTFOUND, "there is no merge %s", id)
}

// metaFields are the fields a merge never takes from the retired entry.
var metaFields = []string{"id", "version", "created_at", "updated_at", "region"}

// MergeFields lists the fields (JSON names) of kind k whose value a merge can choose.
func MergeFields(k Kind) []string {
	ki, ok := k.Info()
	if !ok {
		return nil
	}
	var out []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" || name == "-" || slices.Contains(metaFields, name) {
				continue
			}
			out = append(out, name)
		}
	}
	walk(reflect.TypeOf(ki.New()).Elem())
	return out
}

// Check validates the request's own form, naming each bad field.
func (req *MergeRequest) Check() error {
	var p problems
	switch {
	case req.Kind == "":
		p.add("kind", "is required")
	case !slices.Contains(MergeKinds, req.Kind):
		p.add("kind", "must be measure, organisation or network")
	}
	for _, f := range []struct {
		name, id string
	}{{"survivor", req.Survivor}, {"retired", req.Retired}} {
		if f.id == "" {
			p.add(f.name, "is required")
		} else if k, ok := KindOfID(f.id); slices.Contains(MergeKinds, req.Kind) && (!ok || k != req.Kind) {
			p.add(f.name, "%q is not a %s id", f.id, req.Kind)
		}
	}
	if req.Survivor != "" && req.Survivor == req.Retired {
		p.add("retired", "must be another entry than the survivor")
	}
	if req.SurvivorVersion < 1 {
		p.add("survivor_version", "must be the version you read (at least 1)")
	}
	if req.RetiredVersion < 1 {
		p.add("retired_version", "must be the version you read (at least 1)")
	}
	if slices.Contains(MergeKinds, req.Kind) {
		allowed := MergeFields(req.Kind)
		names := make([]string, 0, len(req.Fields))
		for f := range req.Fields {
			names = append(names, f)
		}
		slices.Sort(names)
		for _, f := range names {
			switch {
			case !slices.Contains(allowed, f):
				p.add("fields."+f, "is not a field a merge can choose; use %s", strings.Join(allowed, ", "))
			case req.Fields[f] != KeepSurvivor && req.Fields[f] != TakeRetired:
				p.add("fields."+f, "must be survivor or retired")
			}
		}
	}
	return p.err("merge")
}

// mergedEntity returns the survivor with the chosen fields taken from the retired entry.
func mergedEntity(survivor, retired Entity, fields []string) (Entity, error) {
	toMap := func(e Entity) (map[string]json.RawMessage, error) {
		b, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		var m map[string]json.RawMessage
		return m, json.Unmarshal(b, &m)
	}
	sm, err := toMap(survivor)
	if err != nil {
		return nil, err
	}
	rm, err := toMap(retired)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		if v, ok := rm[f]; ok {
			sm[f] = v
		} else {
			delete(sm, f) // empty on the retired entry: empty on the survivor, too
		}
	}
	b, err := json.Marshal(sm)
	if err != nil {
		return nil, err
	}
	return decodeEntity(survivor.EntityKind(), b)
}

func decodeEntity(k Kind, b []byte) (Entity, error) {
	ki, ok := k.Info()
	if !ok {
		return nil, fmt.Errorf("unknown kind %q", k)
	}
	e := ki.New()
	if err := json.Unmarshal(b, e); err != nil {
		return nil, fmt.Errorf("%s: %w", k, err)
	}
	return e, nil
}

// sortedRelations returns the stored relationships of id as the stage sees them, ordered.
func (t *Stage) sortedRelations(id string) []Relation {
	rs := slices.Clone(t.relationsOf(id))
	SortRelations(rs)
	return rs
}

// Merge stages the merge req by user as one change with one audit entry and returns its
// record (with id). The survivor gets the chosen field values after its version is checked;
// every stored relationship of the retired entry moves to the survivor, where one the
// survivor has already keeps the survivor's properties and one between the two (a REVIEWED
// verdict, a cooperation) is dropped; the retired entry is deleted after its version is
// checked. On error the caller rolls the stage back.
func (t *Stage) Merge(user string, req MergeRequest, id string) (*Merge, error) {
	t.user = user
	if err := req.Check(); err != nil {
		return nil, err
	}
	sur, ret := t.node(req.Survivor), t.node(req.Retired)
	var p problems
	if sur == nil || sur.EntityKind() != req.Kind {
		p.add("survivor", "%s does not exist", req.Survivor)
	}
	if ret == nil || ret.EntityKind() != req.Kind {
		p.add("retired", "%s does not exist (it may have been merged already)", req.Retired)
	}
	if err := p.err("merge"); err != nil {
		return nil, err
	}
	if sur.RegionKey() != ret.RegionKey() {
		p.add("retired", "belongs to region %s, the survivor to %s; only entries of one region can be merged", ret.RegionKey(), sur.RegionKey())
		return nil, p.err("merge")
	}
	if v := sur.Base().Version; v != req.SurvivorVersion {
		return nil, VersionConflict(req.Kind, req.Survivor, req.SurvivorVersion, v)
	}
	if v := ret.Base().Version; v != req.RetiredVersion {
		return nil, VersionConflict(req.Kind, req.Retired, req.RetiredVersion, v)
	}
	taken := []string{}
	for f, c := range req.Fields {
		if c == TakeRetired {
			taken = append(taken, f)
		}
	}
	slices.Sort(taken)
	merged, err := mergedEntity(sur, ret, taken)
	if err != nil {
		return nil, err
	}
	rec := &Merge{ID: id, Kind: req.Kind, Region: sur.RegionKey(), Survivor: req.Survivor, Retired: req.Retired,
		At: t.now, By: user, Fields: taken, Moved: []Relation{}}
	rec.State = MergeState{SurvivorBefore: mustJSON(sur), RetiredBefore: mustJSON(ret),
		SurvivorRelations: t.sortedRelations(req.Survivor), RetiredRelations: t.sortedRelations(req.Retired)}

	mark := t.Mark()
	if _, err := t.update(merged, req.SurvivorVersion); err != nil {
		return nil, err
	}
	for _, r := range rec.State.RetiredRelations {
		k := r.RelationKey
		if k.From == req.Retired {
			k.From = req.Survivor
		}
		if k.To == req.Retired {
			k.To = req.Survivor
		}
		if k.From == k.To {
			continue // between the two: one entry has no relationship with itself
		}
		k = k.Canonical()
		if _, ok := t.relation(k); ok {
			continue // the survivor's own relationship wins
		}
		moved := Relation{RelationKey: k, Props: r.Props}
		if err := t.relate(moved); err != nil {
			return nil, err
		}
		rec.Moved = append(rec.Moved, moved)
	}
	if err := t.delete(req.Kind, req.Retired, req.RetiredVersion); err != nil {
		return nil, err
	}
	after := t.node(req.Survivor)
	rec.State.SurvivorVersion = after.Base().Version
	rec.State.SurvivorRelationsAfter = t.sortedRelations(req.Survivor)

	t.audit = append(t.audit[:mark.audit], AuditEntry{At: t.now, User: user, Action: ActionMerge, Kind: string(req.Kind),
		Entity: req.Survivor, Related: req.Retired, Region: rec.Region,
		Before: mustJSON(map[string]any{"survivor": sur, "retired": ret}), After: mustJSON(after),
		Summary: fmt.Sprintf("merged %s %s into %s (merge %s)", req.Kind, req.Retired, req.Survivor, id),
		Message: &Message{Key: "audit.merge", Args: map[string]any{"kind": string(req.Kind), "retired": req.Retired, "survivor": req.Survivor, "merge": id}}})
	return rec, nil
}

// UndoMerge stages taking back the merge rec by user as one change with one audit entry, and
// marks rec undone: the survivor gets its values and relationships from before the merge (its
// version moves on, so that nobody's copy of the merged entry can overwrite the undo), the
// retired entry and its relationships come back exactly as they were. It is refused
// (ECONFLICT) when rec was undone already, or when the survivor or its relationships changed
// since the merge: taking the merge back would silently undo those changes, too.
func (t *Stage) UndoMerge(user string, rec *Merge) error {
	t.user = user
	if rec.Undone {
		return Errorf(ECONFLICT, "the merge %s was undone already", rec.ID)
	}
	st := rec.State
	sur := t.node(rec.Survivor)
	if sur == nil || sur.EntityKind() != rec.Kind {
		return Errorf(ECONFLICT, "%s no longer exists (merged or deleted since); the merge cannot be undone", rec.Survivor)
	}
	if v := sur.Base().Version; v != st.SurvivorVersion {
		e := Errorf(ECONFLICT, "%s was changed after the merge; undoing it would discard that change", rec.Survivor)
		e.Current = v
		return e
	}
	if cur := t.sortedRelations(rec.Survivor); !sameRelations(cur, st.SurvivorRelationsAfter) {
		return Errorf(ECONFLICT, "the relationships of %s changed after the merge; undoing it would discard that change", rec.Survivor)
	}
	if t.node(rec.Retired) != nil {
		return Errorf(ECONFLICT, "%s exists again; the merge cannot be undone", rec.Retired)
	}
	before, err := decodeEntity(rec.Kind, st.SurvivorBefore)
	if err != nil {
		return err
	}
	retired, err := decodeEntity(rec.Kind, st.RetiredBefore)
	if err != nil {
		return err
	}
	for _, r := range slices.Concat(st.SurvivorRelations, st.RetiredRelations) {
		for _, end := range []string{r.From, r.To} {
			if end != rec.Survivor && end != rec.Retired && t.node(end) == nil {
				return Errorf(ECONFLICT, "%s, related to the merged entries before, no longer exists; the merge cannot be undone", end)
			}
		}
	}

	mark := t.Mark()
	before.Base().Version = sur.Base().Version
	if _, err := t.update(before, sur.Base().Version); err != nil {
		return err
	}
	keep := make(map[RelationKey]bool, len(st.SurvivorRelations))
	for _, r := range st.SurvivorRelations {
		keep[r.RelationKey] = true
	}
	for _, r := range st.SurvivorRelationsAfter {
		if !keep[r.RelationKey] {
			if _, err := t.unrelate(r.RelationKey); err != nil {
				return err
			}
		}
	}
	if _, err := t.restore(retired); err != nil {
		return err
	}
	for _, r := range slices.Concat(st.SurvivorRelations, st.RetiredRelations) {
		if err := t.relate(r); err != nil {
			return err
		}
	}
	now := t.now
	rec.Undone, rec.UndoneAt, rec.UndoneBy = true, &now, user
	t.audit = append(t.audit[:mark.audit], AuditEntry{At: t.now, User: user, Action: ActionUnmerge, Kind: string(rec.Kind),
		Entity: rec.Survivor, Related: rec.Retired, Region: rec.Region,
		Before: mustJSON(sur), After: mustJSON(map[string]any{"survivor": t.node(rec.Survivor), "retired": t.node(rec.Retired)}),
		Summary: fmt.Sprintf("undid merge %s: %s %s is back beside %s", rec.ID, rec.Kind, rec.Retired, rec.Survivor),
		Message: &Message{Key: "audit.unmerge", Args: map[string]any{"kind": string(rec.Kind), "retired": rec.Retired, "survivor": rec.Survivor, "merge": rec.ID}}})
	return nil
}

// sameRelations reports whether two ordered lists hold the same relationships with the same
// properties (times compared as instants: a store may read them back in another zone).
func sameRelations(a, b []Relation) bool {
	return slices.EqualFunc(a, b, func(x, y Relation) bool {
		if x.RelationKey != y.RelationKey || !x.Props.At.Equal(y.Props.At) {
			return false
		}
		x.Props.At, y.Props.At = time.Time{}, time.Time{}
		return x.Props == y.Props
	})
}
