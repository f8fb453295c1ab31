package httpapi

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// registerStructureRoutes adds the overlapping structures (Doppelstrukturen of bodies).
func (s *Server) registerStructureRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/analysis/structures", s.handleStructures).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/structures/verdicts", s.handleStructureVerdict).Methods(http.MethodPost)
}

// handleStructures serves GET /api/v1/analysis/structures?region=&min_jaccard=&min_shared=&min_purpose=&lang=:
// pairs of networks that overlap (same kind and field, strongly shared members or the same
// purpose; parallel bodies, or a town's body beside the county's) and town concepts in fields
// the county's goals work on, each with what they share and the reason in words. Callers
// without a role in the region see the public networks and concepts only.
func (s *Server) handleStructures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	err := queryParams(q, "region", "min_jaccard", "min_shared", "min_purpose", "lang")
	var p analysis.StructureParams
	if err == nil {
		p.MinJaccard, err = floatParam(q, "min_jaccard")
	}
	if err == nil {
		p.MinPurpose, err = floatParam(q, "min_purpose")
	}
	if err == nil {
		p.MinShared, err = intParam(q, "min_shared")
	}
	if err == nil {
		var lang msg.Lang
		lang, err = langParam(r)
		p.Lang = string(lang)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	s.analyse(w, r, q.Get("region"), fmt.Sprintf("structures|%+v", p), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		return analysis.FindStructures(snap, p)
	})
}

// handleStructureVerdict serves POST /api/v1/analysis/structures/verdicts {a, b, verdict,
// note}: a coordinator's verdict on a pair of networks or of concepts (intended: both are
// wanted; not_duplicate: they do different things; duplicate: confirmed), kept as a REVIEWED
// relationship like the verdicts on offers.
func (s *Server) handleStructureVerdict(w http.ResponseWriter, r *http.Request) {
	s.recordVerdict(w, r, []graph.Kind{graph.KindNetwork, graph.KindConcept}, "overlapping structures")
}
