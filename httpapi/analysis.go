package httpapi

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// registerAnalysisRoutes adds the analyses.
func (s *Server) registerAnalysisRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/analysis/coverage", s.handleCoverage).Methods(http.MethodGet, http.MethodHead)
}

// analysisCache keeps results per store revision: repeated requests cost nothing until the
// data changes, and a write empties it.
type analysisCache struct {
	mu       sync.Mutex
	revision uint64
	results  map[string]any
}

func (c *analysisCache) get(rev uint64, key string, compute func() (any, error)) (any, error) {
	c.mu.Lock()
	if c.revision != rev || c.results == nil {
		c.revision, c.results = rev, map[string]any{}
	}
	if v, ok := c.results[key]; ok {
		c.mu.Unlock()
		return v, nil
	}
	c.mu.Unlock()
	v, err := compute()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.revision == rev {
		c.results[key] = v
	}
	c.mu.Unlock()
	return v, nil
}

// regionSnapshot returns the snapshot of a region the caller may analyse: everything for
// members and above, the public nodes (and the relationships among them) for everyone else.
func (s *Server) regionSnapshot(r *http.Request, region string) (*graph.Snapshot, bool, error) {
	if region == "" {
		return nil, false, invalid("region", "is required")
	}
	acc, err := s.accessFor(r)
	if err != nil {
		return nil, false, err
	}
	if !within(acc.regions, region) {
		return nil, false, graph.NotFound(graph.KindRegion, region)
	}
	snap, err := s.store.Snapshot(r.Context(), region)
	if err != nil {
		return nil, false, err
	}
	full := within(acc.internal, region)
	if full {
		return snap, true, nil
	}
	return publicPart(snap), false, nil
}

// publicPart keeps the public nodes of a snapshot and the relationships among them.
func publicPart(s *graph.Snapshot) *graph.Snapshot {
	out := &graph.Snapshot{Region: s.Region, Revision: s.Revision, Taken: s.Taken}
	keep := map[string]bool{}
	for _, e := range s.Nodes() {
		// Actors stay out: analyses do not need people.
		if e.EntityKind() == graph.KindActor {
			continue
		}
		if e.Base().Visibility == graph.Public || e.EntityKind() == graph.KindRegion {
			keep[e.Base().ID] = true
			out.Add(e)
		}
	}
	for _, rel := range s.Relations {
		if keep[rel.From] && keep[rel.To] {
			out.Relations = append(out.Relations, rel)
		}
	}
	return out
}

// handleCoverage serves GET /api/v1/analysis/coverage?region=&target_group=&demand=&thin_factor=:
// the coverage matrix municipality × field with gap/thin/covered classes, their explanations
// and the gaps ranked by unserved demand. Callers without a role in the region get the
// coverage of the public offers (the transparency map).
func (s *Server) handleCoverage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name := range q {
		if !slices.Contains([]string{"region", "target_group", "demand", "thin_factor"}, name) {
			s.writeError(w, r, invalid(name, "is not a parameter of this route; use region, target_group, demand, thin_factor"))
			return
		}
	}
	if err := checkSingle(q); err != nil {
		s.writeError(w, r, err)
		return
	}
	p := analysis.CoverageParams{TargetGroup: q.Get("target_group"), Demand: q.Get("demand")}
	if v := q.Get("thin_factor"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			s.writeError(w, r, invalid("thin_factor", "%q is not a number", v))
			return
		}
		p.ThinFactor = f
	}
	region := q.Get("region")
	rev, err := s.store.Revision(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	snap, full, err := s.regionSnapshot(r, region)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	key := fmt.Sprintf("coverage|%s|%t|%+v", region, full, p)
	v, err := s.analyses.get(rev, key, func() (any, error) { return analysis.ComputeCoverage(snap, p) })
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
