package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// registerWriteRoutes adds the editing routes of every node kind and of relationships:
// POST /api/v1/{collection}, PUT/PATCH/DELETE /api/v1/{collection}/{id},
// POST/DELETE /api/v1/relations.
func (s *Server) registerWriteRoutes(r *mux.Router) {
	for _, ki := range graph.Kinds {
		kind := ki.Kind
		base := apiPrefix + "/" + ki.Collection
		r.HandleFunc(base, func(w http.ResponseWriter, r *http.Request) { s.handleNodeCreate(w, r, kind) }).Methods(http.MethodPost)
		r.HandleFunc(base+"/{id}", func(w http.ResponseWriter, r *http.Request) { s.handleNodeReplace(w, r, kind) }).Methods(http.MethodPut)
		r.HandleFunc(base+"/{id}", func(w http.ResponseWriter, r *http.Request) { s.handleNodePatch(w, r, kind) }).Methods(http.MethodPatch)
		r.HandleFunc(base+"/{id}", func(w http.ResponseWriter, r *http.Request) { s.handleNodeDelete(w, r, kind) }).Methods(http.MethodDelete)
	}
	r.HandleFunc(apiPrefix+"/relations", s.handleRelate).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/relations", s.handleUnrelate).Methods(http.MethodDelete)
}

// canWrite reports whether the caller may change e (as it is, or as it will be). Admins
// change everything; coordinators everything in their region except the region itself;
// members only their own organisation. Shared target groups and regions are admins' alone.
func canWrite(p *principal, e graph.Entity) bool {
	if p == nil {
		return false
	}
	if p.user.Admin {
		return true
	}
	region := e.RegionKey()
	if region == "" || e.EntityKind() == graph.KindRegion {
		return false
	}
	switch role := p.user.Roles[region]; {
	case role.Rank() >= graph.RoleCoordinator.Rank():
		return true
	case role == graph.RoleMember:
		return e.EntityKind() == graph.KindOrganisation && e.Base().ID != "" && e.Base().ID == p.user.Organisation
	}
	return false
}

// authorize answers 401 for anonymous callers and 403 for those whose role does not allow
// the change; it returns false when it answered.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, entities ...graph.Entity) bool {
	p := principalFrom(r.Context())
	if p == nil {
		s.writeError(w, r, &graph.Error{Code: graph.EUNAUTHORIZED, Message: "sign in to change the directory"})
		return false
	}
	for _, e := range entities {
		if !canWrite(p, e) {
			s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "your role does not allow changing this " + string(e.EntityKind()) + " in region " + e.RegionKey()})
			return false
		}
	}
	return true
}

// decodeEntity reads a node of kind k from the body.
func decodeEntity(w http.ResponseWriter, r *http.Request, k graph.Kind) (graph.Entity, error) {
	ki, _ := k.Info()
	e := ki.New()
	if err := decodeJSON(w, r, e, maxBody); err != nil {
		return nil, err
	}
	return e, nil
}

// ifMatch returns the version named by the If-Match header; ok is false when the header is
// missing. A malformed header is an error naming it.
func ifMatch(r *http.Request) (version int64, ok bool, err error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, false, nil
	}
	// A weak tag never matches under If-Match (RFC 9110, 13.1.1): versions are compared strongly.
	if strings.HasPrefix(h, "W/") {
		return 0, false, invalid("If-Match", "is a weak ETag (W/…), which never matches; send the version's strong ETag, e.g. \"3\"")
	}
	v, perr := strconv.ParseInt(strings.Trim(h, `"`), 10, 64)
	if perr != nil || v < 1 {
		return 0, false, invalid("If-Match", "must be the ETag of the version you edited, e.g. \"3\"")
	}
	return v, true, nil
}

// requireIfMatch is ifMatch for PUT and PATCH, which must name the version (428 without).
func (s *Server) requireIfMatch(w http.ResponseWriter, r *http.Request) (int64, bool) {
	v, ok, err := ifMatch(r)
	if err != nil {
		s.writeError(w, r, err)
		return 0, false
	}
	if !ok {
		writeProblem(w, problem{Type: problemType("precondition_required"), Title: http.StatusText(http.StatusPreconditionRequired),
			Status: http.StatusPreconditionRequired, Detail: "send If-Match with the ETag of the version you edited, so that nobody's change is overwritten",
			Instance: r.URL.Path, Errors: []graph.FieldError{{Field: "If-Match", Message: "is required"}}, RequestID: requestID(r.Context())})
		return 0, false
	}
	return v, true
}

// writeVersionError answers a version conflict with 412 and the current version, any other
// error as usual.
func (s *Server) writeVersionError(w http.ResponseWriter, r *http.Request, err error) {
	var ge *graph.Error
	if errors.As(err, &ge) && ge.Code == graph.ECONFLICT && ge.Current > 0 {
		w.Header().Set("ETag", etag(ge.Current))
		w.Header().Set("Vary", "Accept-Language")
		p := problem{Type: problemType("version_conflict"), Title: http.StatusText(http.StatusPreconditionFailed),
			Status: http.StatusPreconditionFailed, Detail: ge.Message, Instance: r.URL.Path, CurrentVersion: ge.Current, RequestID: requestID(r.Context())}
		localize(&p, ge, readerLang(r))
		writeProblem(w, p)
		return
	}
	s.writeError(w, r, err)
}

// writeEntity answers with a stored node, its ETag and, for creations, its location.
func (s *Server) writeEntity(w http.ResponseWriter, r *http.Request, status int, e graph.Entity) {
	w.Header().Set("ETag", etag(e.Base().Version))
	if status == http.StatusCreated {
		ki, _ := e.EntityKind().Info()
		w.Header().Set("Location", apiPrefix+"/"+ki.Collection+"/"+e.Base().ID)
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, status, view(acc, e))
}

// handleNodeCreate serves POST /api/v1/{collection}: 201 with the stored node.
func (s *Server) handleNodeCreate(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	if principalFrom(r.Context()) == nil {
		s.authorize(w, r)
		return
	}
	e, err := decodeEntity(w, r, kind)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !s.authorize(w, r, e) {
		return
	}
	out, err := s.store.Create(r.Context(), e)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeEntity(w, r, http.StatusCreated, out)
}

// current loads the node a write route names, answering 404 when it does not exist or the
// caller may not read it.
func (s *Server) current(w http.ResponseWriter, r *http.Request, kind graph.Kind) (graph.Entity, bool) {
	if principalFrom(r.Context()) == nil {
		s.authorize(w, r)
		return nil, false
	}
	e, _, ok := s.readNode(w, r, kind)
	return e, ok
}

// handleNodeReplace serves PUT /api/v1/{collection}/{id} with If-Match: the body replaces the
// node's properties; 412 when someone else changed it since.
func (s *Server) handleNodeReplace(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	cur, ok := s.current(w, r, kind)
	if !ok {
		return
	}
	version, ok := s.requireIfMatch(w, r)
	if !ok {
		return
	}
	e, err := decodeEntity(w, r, kind)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.replace(w, r, cur, e, version)
}

// replace checks the id, permissions for the old and the new state, and updates.
func (s *Server) replace(w http.ResponseWriter, r *http.Request, cur, e graph.Entity, version int64) {
	id := cur.Base().ID
	if got := e.Base().ID; got != "" && got != id {
		s.writeError(w, r, invalid("id", "is %q but the address names %q", got, id))
		return
	}
	e.Base().ID = id
	if !s.authorize(w, r, cur, e) {
		return
	}
	out, err := s.store.Update(r.Context(), e, version)
	if err != nil {
		s.writeVersionError(w, r, err)
		return
	}
	s.writeEntity(w, r, http.StatusOK, out)
}

// handleNodePatch serves PATCH /api/v1/{collection}/{id} with If-Match and a JSON merge patch
// (RFC 7396): fields given replace, fields set to null are cleared, others stay.
func (s *Server) handleNodePatch(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	cur, ok := s.current(w, r, kind)
	if !ok {
		return
	}
	version, ok := s.requireIfMatch(w, r)
	if !ok {
		return
	}
	var patch map[string]json.RawMessage
	if err := decodeJSON(w, r, &patch, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	e, err := mergePatch(cur, patch)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.replace(w, r, cur, e, version)
}

// handleNodeDelete serves DELETE /api/v1/{collection}/{id}: 204. If-Match, when given, must
// name the current version. What happens to relationships follows graph.DeleteRuleOf.
func (s *Server) handleNodeDelete(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	cur, ok := s.current(w, r, kind)
	if !ok {
		return
	}
	version, _, err := ifMatch(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !s.authorize(w, r, cur) {
		return
	}
	// Members edit their organisation's entry but do not delete it.
	if p := principalFrom(r.Context()); !p.user.Admin && p.user.Roles[cur.RegionKey()].Rank() < graph.RoleCoordinator.Rank() {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "only coordinators delete entries of region " + cur.RegionKey()})
		return
	}
	if err := s.store.Delete(r.Context(), kind, cur.Base().ID, version); err != nil {
		s.writeVersionError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// relationRequest is the body of the relations routes.
type relationRequest struct {
	Type  graph.RelType  `json:"type"`
	From  string         `json:"from"`
	To    string         `json:"to"`
	Props graph.RelProps `json:"props"`
}

// relationEnds loads both ends of a relationship the caller wants to change; the caller
// must be allowed to change the start node.
func (s *Server) relationEnds(w http.ResponseWriter, r *http.Request, req relationRequest) bool {
	if principalFrom(r.Context()) == nil {
		s.authorize(w, r)
		return false
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return false
	}
	var ends []graph.Entity
	for _, end := range []struct{ field, id string }{{"from", req.From}, {"to", req.To}} {
		k, ok := graph.KindOfID(end.id)
		if !ok {
			s.writeError(w, r, invalid(end.field, "%q is not an id", end.id))
			return false
		}
		e, err := s.store.Get(r.Context(), k, end.id)
		if err != nil || !acc.CanRead(e) {
			s.writeError(w, r, invalid(end.field, "%s %q does not exist", k, end.id))
			return false
		}
		ends = append(ends, e)
	}
	// Changing a relationship changes its start (for symmetric ones: either end).
	return s.authorize(w, r, ends[0])
}

// handleRelate serves POST /api/v1/relations {type, from, to, props}: creates the
// relationship or replaces its properties; 200 with the relationship as stored.
func (s *Server) handleRelate(w http.ResponseWriter, r *http.Request) {
	var req relationRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	rel := graph.Relation{RelationKey: graph.RelationKey{Type: req.Type, From: req.From, To: req.To}, Props: req.Props}
	if err := rel.Validate(); err != nil {
		s.writeError(w, r, err)
		return
	}
	if !s.relationEnds(w, r, req) {
		return
	}
	if rel.Type == graph.Reviewed && rel.Props.By == "" {
		rel.Props.By = principalFrom(r.Context()).user.Username
	}
	out, err := s.store.Relate(r.Context(), rel)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// handleUnrelate serves DELETE /api/v1/relations {type, from, to}: 204, or 404 when there is
// no such relationship.
func (s *Server) handleUnrelate(w http.ResponseWriter, r *http.Request) {
	var req relationRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Props != (graph.RelProps{}) {
		s.writeError(w, r, invalid("props", "are not needed to remove a relationship"))
		return
	}
	if !s.relationEnds(w, r, req) {
		return
	}
	if err := s.store.Unrelate(r.Context(), graph.RelationKey{Type: req.Type, From: req.From, To: req.To}); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
