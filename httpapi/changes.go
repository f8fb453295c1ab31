package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// maxChangeRelations bounds the relationships one change set adds and removes together: a
// form holds a few dozen; an import is the way to write thousands.
const maxChangeRelations = 500

// selfRef stands, in a change set's relationships, for the entry the change set writes, whose
// id a new entry does not have before it is stored.
const selfRef = "self"

// changeRequest is the body of POST /api/v1/changes: one entry created or changed together
// with the relationships added to it and removed from it, written all-or-nothing.
type changeRequest struct {
	// Kind is the entry's kind (measure, organisation, network, actor, goal, …).
	Kind graph.Kind `json:"kind"`
	// ID names the entry to change; empty creates one.
	ID string `json:"id"`
	// Version is the version the form was opened with (required with ID).
	Version int64 `json:"version"`
	// Node is the new entry, or for a change a JSON merge patch (RFC 7396) of its fields;
	// absent when only relationships change.
	Node json.RawMessage `json:"node"`
	// Relate lists relationships to create or whose properties to replace; "self" names the
	// entry at one end.
	Relate []relationRequest `json:"relate"`
	// Unrelate lists relationships to remove; one that is already gone is not an error.
	Unrelate []relationRequest `json:"unrelate"`
}

// changeResponse answers a change set: the entry as stored and all its relationships the
// caller may read.
type changeResponse struct {
	Node      graph.Entity     `json:"node"`
	Relations []graph.Relation `json:"relations"`
}

func (s *Server) registerChangeRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/changes", s.handleChange).Methods(http.MethodPost)
}

// handleChange serves POST /api/v1/changes: 201 with Location for a new entry, 200 for a
// changed one; 412 with the current version when the entry changed since Version; nothing is
// written when any part is refused.
func (s *Server) handleChange(w http.ResponseWriter, r *http.Request) {
	p := principalFrom(r.Context())
	if p == nil {
		s.authorize(w, r)
		return
	}
	var req changeRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	ki, ok := req.Kind.Info()
	if !ok {
		s.writeError(w, r, invalid("kind", "%q is not a kind of entry", req.Kind))
		return
	}
	if n := len(req.Relate) + len(req.Unrelate); n > maxChangeRelations {
		s.writeError(w, r, invalid("relate", "and unrelate hold %d relationships; one change takes at most %d, use the import for more", n, maxChangeRelations))
		return
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}

	// The entry as it will be, and as it is (nil for a new one).
	var cur, next graph.Entity
	creating := req.ID == ""
	if creating {
		if req.Version != 0 {
			s.writeError(w, r, invalid("version", "is given for a new entry; leave it out or name the entry's id"))
			return
		}
		if len(bytes.TrimSpace(req.Node)) == 0 || bytes.Equal(bytes.TrimSpace(req.Node), []byte("null")) {
			s.writeError(w, r, invalid("node", "is required to create an entry"))
			return
		}
		next = ki.New()
		dec := json.NewDecoder(bytes.NewReader(req.Node))
		dec.DisallowUnknownFields()
		if err := dec.Decode(next); err != nil {
			s.writeError(w, r, jsonError(err, maxBody))
			return
		}
		if next.Base().ID == "" && ki.Prefix != "" {
			next.Base().ID = graph.NewID(req.Kind)
		}
	} else {
		if k, ok := graph.KindOfID(req.ID); !ok || k != req.Kind {
			s.writeError(w, r, invalid("id", "%q is not the id of a %s", req.ID, req.Kind))
			return
		}
		if req.Version < 1 {
			s.writeError(w, r, invalid("version", "is required: send the version you edited, so that nobody's change is overwritten"))
			return
		}
		cur, err = s.store.Get(r.Context(), req.Kind, req.ID)
		if err == nil && !acc.CanRead(cur) {
			err = graph.NotFound(req.Kind, req.ID)
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		next = cur.Clone()
		if len(bytes.TrimSpace(req.Node)) > 0 && !bytes.Equal(bytes.TrimSpace(req.Node), []byte("null")) {
			var patch map[string]json.RawMessage
			if err := json.Unmarshal(req.Node, &patch); err != nil {
				s.writeError(w, r, invalid("node", "must be a JSON object of the fields to change"))
				return
			}
			if next, err = mergePatch(cur, patch); err != nil {
				s.writeError(w, r, err)
				return
			}
			if got := next.Base().ID; got != "" && got != req.ID {
				s.writeError(w, r, invalid("id", "is %q but the change names %q", got, req.ID))
				return
			}
			next.Base().ID = req.ID
		}
	}
	id := next.Base().ID
	if cur != nil {
		if !s.authorize(w, r, cur, next) {
			return
		}
	} else if !s.authorize(w, r, next) {
		return
	}
	// The entry's own problems first, named as the form names its fields.
	if err := graph.Prepare(next.Clone()); err != nil {
		s.writeError(w, r, err)
		return
	}

	batch := &graph.Batch{}
	if creating {
		batch.Ops = append(batch.Ops, graph.Op{Action: graph.OpCreate, Entity: next})
	} else {
		batch.Ops = append(batch.Ops, graph.Op{Action: graph.OpUpdate, Entity: next, Version: req.Version})
	}
	// opName maps a batch operation's index back to the request's name for it.
	opName := []string{""}
	for _, part := range []struct {
		name   string
		list   []relationRequest
		action graph.OpAction
	}{{"relate", req.Relate, graph.OpRelate}, {"unrelate", req.Unrelate, graph.OpUnrelate}} {
		for i, rr := range part.list {
			name := part.name + "[" + strconv.Itoa(i) + "]"
			rel, err := s.changeRelation(r, acc, name, rr, part.action, id, next)
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			batch.Ops = append(batch.Ops, graph.Op{Action: part.action, Relation: rel})
			opName = append(opName, name)
		}
	}
	if _, err := s.store.Apply(r.Context(), batch); err != nil {
		s.writeVersionError(w, r, renameOps(err, opName))
		return
	}

	stored, err := s.store.Get(r.Context(), req.Kind, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rels, err := s.readableRelations(r, acc, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(stored.Base().Version))
	status := http.StatusOK
	if creating {
		status = http.StatusCreated
		w.Header().Set("Location", apiPrefix+"/"+ki.Collection+"/"+id)
	}
	writeJSON(w, status, changeResponse{Node: view(acc, stored), Relations: rels})
}

// changeRelation checks one relationship of a change set: "self" stands for the entry, which
// must be at one end; the other end must exist and be readable, and the caller must be allowed
// to change the relationship's start, as on POST /api/v1/relations. Errors name the field
// with the relationship's place in the request ("relate[2].to").
func (s *Server) changeRelation(r *http.Request, acc access, name string, rr relationRequest, action graph.OpAction, id string, self graph.Entity) (graph.Relation, error) {
	if action == graph.OpUnrelate && rr.Props != (graph.RelProps{}) {
		return graph.Relation{}, invalid(name+".props", "are not needed to remove a relationship")
	}
	if rr.Type == graph.Reviewed {
		return graph.Relation{}, invalid(name+".type", "%s records a reviewer's verdict; use POST /api/v1/analysis/duplicates/verdicts", rr.Type)
	}
	from, to := rr.From, rr.To
	if from == selfRef {
		from = id
	}
	if to == selfRef {
		to = id
	}
	if from != id && to != id {
		return graph.Relation{}, invalid(name, "must name the entry (%q) at one end", selfRef)
	}
	rel := graph.Relation{RelationKey: graph.RelationKey{Type: rr.Type, From: from, To: to}, Props: rr.Props}
	if err := rel.Validate(); err != nil {
		return graph.Relation{}, prefixFields(err, name)
	}
	var ends [2]graph.Entity
	for i, end := range []struct{ field, id string }{{"from", from}, {"to", to}} {
		if end.id == id {
			ends[i] = self
			continue
		}
		k, _ := graph.KindOfID(end.id)
		e, err := s.store.Get(r.Context(), k, end.id)
		if err != nil || !acc.CanRead(e) {
			return graph.Relation{}, invalid(name+"."+end.field, "%s %q does not exist", k, end.id)
		}
		ends[i] = e
	}
	if !canWrite(principalFrom(r.Context()), ends[0]) {
		return graph.Relation{}, &graph.Error{Code: graph.EFORBIDDEN, Message: "your role does not allow changing this " + string(ends[0].EntityKind()) + " in region " + ends[0].RegionKey(),
			Fields: []graph.FieldError{{Field: name + ".from", Message: "may not be changed with your role", Format: "may not be changed with your role"}}}
	}
	return rel, nil
}

// readableRelations lists a node's relationships whose other end the caller may read.
func (s *Server) readableRelations(r *http.Request, acc access, id string) ([]graph.Relation, error) {
	rels, err := s.store.Relations(r.Context(), graph.RelationQuery{Node: id})
	if err != nil {
		return nil, err
	}
	return s.readableOnly(r, acc, id, rels), nil
}

// readableOnly keeps the relationships of node id whose other end the caller may read.
func (s *Server) readableOnly(r *http.Request, acc access, id string, rels []graph.Relation) []graph.Relation {
	out := []graph.Relation{}
	for _, rel := range rels {
		other := rel.To
		if other == id {
			other = rel.From
		}
		k, _ := graph.KindOfID(other)
		if o, err := s.store.Get(r.Context(), k, other); err == nil && acc.CanRead(o) {
			out = append(out, rel)
		}
	}
	return out
}

// prefixFields puts name before the fields an error names, keeping what they were made from
// so that they are still shown in the reader's language.
func prefixFields(err error, name string) error {
	var ge *graph.Error
	if !errors.As(err, &ge) {
		return err
	}
	c := *ge
	c.Fields = make([]graph.FieldError, len(ge.Fields))
	for i, f := range ge.Fields {
		f.Field = name + "." + f.Field
		c.Fields[i] = f
	}
	return &c
}

// renameOps turns the batch's names for failed operations ("ops[3].props.since") into the
// request's ("relate[2].props.since"; the entry's own fields unprefixed).
func renameOps(err error, names []string) error {
	var ge *graph.Error
	if !errors.As(err, &ge) || len(ge.Fields) == 0 {
		return err
	}
	c := *ge
	c.Fields = make([]graph.FieldError, len(ge.Fields))
	for i, f := range ge.Fields {
		if rest, ok := strings.CutPrefix(f.Field, "ops["); ok {
			if end := strings.IndexByte(rest, ']'); end > 0 {
				if n, perr := strconv.Atoi(rest[:end]); perr == nil && n >= 0 && n < len(names) {
					tail := strings.TrimPrefix(rest[end+1:], ".")
					switch {
					case names[n] == "":
						f.Field = tail
					case tail == "":
						f.Field = names[n]
					default:
						f.Field = names[n] + "." + tail
					}
				}
			}
		}
		c.Fields[i] = f
	}
	return &c
}

// mergePatch applies a JSON merge patch (RFC 7396) to a node: fields given replace, fields
// set to null are cleared, others stay; version and timestamps are the store's.
func mergePatch(cur graph.Entity, patch map[string]json.RawMessage) (graph.Entity, error) {
	doc, err := json.Marshal(cur)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(doc, &fields); err != nil {
		return nil, err
	}
	for _, meta := range []string{"version", "created_at", "updated_at"} {
		delete(patch, meta) // kept by the store; ignoring them spares clients a round trip
	}
	for k, v := range patch {
		if bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			delete(fields, k)
		} else {
			fields[k] = v
		}
	}
	merged, _ := json.Marshal(fields)
	ki, _ := cur.EntityKind().Info()
	e := ki.New()
	dec := json.NewDecoder(bytes.NewReader(merged))
	dec.DisallowUnknownFields()
	if err := dec.Decode(e); err != nil {
		return nil, jsonError(err, maxBody)
	}
	return e, nil
}
