package httpapi

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// registerMergeRoutes adds the merging of data duplicates and its undo.
func (s *Server) registerMergeRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/merges", s.handleMergeCreate).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/merges/{id}", s.handleMergeView).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/merges/{id}/undo", s.handleMergeUndo).Methods(http.MethodPost)
}

// mergeForbidden is the refusal for callers who do not coordinate the entries' region.
const mergeForbidden = "only coordinators of region %s merge entries and undo merges"

// handleMergeCreate serves POST /api/v1/merges {kind, survivor, retired, survivor_version,
// retired_version, fields}: coordinators of the region (and admins) merge a data duplicate.
// 201 with the record and its Location; 409 when either entry changed since it was read.
func (s *Server) handleMergeCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	var req graph.MergeRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := req.Check(); err != nil {
		s.writeError(w, r, err)
		return
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	for _, end := range []struct{ field, id string }{{"survivor", req.Survivor}, {"retired", req.Retired}} {
		e, err := s.store.Get(r.Context(), req.Kind, end.id)
		if graph.ErrorCode(err) == graph.ENOTFOUND || (err == nil && !acc.CanRead(e)) {
			s.writeError(w, r, invalid(end.field, "%s does not exist", end.id))
			return
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if !canCoordinate(p, e.RegionKey()) {
			s.writeError(w, r, graph.Errorf(graph.EFORBIDDEN, mergeForbidden, e.RegionKey()))
			return
		}
	}
	rec, err := s.store.Merge(r.Context(), req)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", apiPrefix+"/merges/"+rec.ID)
	writeJSON(w, http.StatusCreated, rec)
}

// coordinatedMerge loads the merge record the address names if the caller coordinates its
// region; otherwise it has answered and returns nil.
func (s *Server) coordinatedMerge(w http.ResponseWriter, r *http.Request) *graph.Merge {
	p, ok := s.requireUser(w, r)
	if !ok {
		return nil
	}
	rec, err := s.store.MergeRecord(r.Context(), mux.Vars(r)["id"])
	if err != nil {
		s.writeError(w, r, err)
		return nil
	}
	if !canCoordinate(p, rec.Region) {
		s.writeError(w, r, graph.Errorf(graph.EFORBIDDEN, mergeForbidden, rec.Region))
		return nil
	}
	return rec
}

// handleMergeView serves GET /api/v1/merges/{id}: the record (coordinators of the region).
func (s *Server) handleMergeView(w http.ResponseWriter, r *http.Request) {
	if rec := s.coordinatedMerge(w, r); rec != nil {
		writeJSON(w, http.StatusOK, rec)
	}
}

// handleMergeUndo serves POST /api/v1/merges/{id}/undo: takes the merge back (coordinators of
// the region). 409 when it was undone already or the survivor changed since the merge.
func (s *Server) handleMergeUndo(w http.ResponseWriter, r *http.Request) {
	rec := s.coordinatedMerge(w, r)
	if rec == nil {
		return
	}
	out, err := s.store.UndoMerge(r.Context(), rec.ID)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// maxRedirectHops bounds how far a chain of merges (a into b, b into c) is followed.
const maxRedirectHops = 16

// redirectRetired answers a read of an id that a merge retired with 308 Permanent Redirect to
// the entry it now lives on, when the caller may read that entry, and reports whether it
// did. The rest of the address (…/relations) and the query stay as they were.
func (s *Server) redirectRetired(w http.ResponseWriter, r *http.Request, kind graph.Kind, id string, acc access) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	to := id
	for range maxRedirectHops {
		next, err := s.store.Redirect(r.Context(), to)
		if err != nil {
			return false
		}
		to = next
		e, err := s.store.Get(r.Context(), kind, to)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue // merged on again
		}
		if err != nil || !acc.CanRead(e) {
			return false
		}
		ki, _ := kind.Info()
		old := apiPrefix + "/" + ki.Collection + "/" + id
		loc := apiPrefix + "/" + ki.Collection + "/" + to + strings.TrimPrefix(r.URL.Path, old)
		if r.URL.RawQuery != "" {
			loc += "?" + r.URL.RawQuery
		}
		w.Header().Set("Location", loc)
		w.Header().Set("Cache-Control", "no-store") // an undo serves the old id again
		writeJSON(w, http.StatusPermanentRedirect, MergedEntry{ID: id, MergedInto: to})
		return true
	}
	return false
}

// MergedEntry is the body of the redirect from a retired id.
type MergedEntry struct {
	// ID is the id asked for; MergedInto the entry it was merged into.
	ID         string `json:"id"`
	MergedInto string `json:"merged_into"`
}
