package httpapi

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// The Integrationsmonitoring: how far each indicator has come toward its target, rolled up per
// goal, field of action and concept (analysis.ComputeAttainment). Like the other analyses it
// reads what the caller may read — the public goals and indicators of a public region for
// everyone, the whole region for its members — and it is cached per store revision, year and
// language.

// registerMonitoringRoutes adds the monitoring of the integration concept.
func (s *Server) registerMonitoringRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/analysis/monitoring", s.handleMonitoring).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/monitoring/goals/{id}", s.handleMonitoringGoal).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/monitoring/indicators/{id}", s.handleMonitoringIndicator).Methods(http.MethodGet, http.MethodHead)
}

// monitoringView is a cached monitoring answer with what the goal and indicator routes look
// up in it. Its JSON is the attainment result alone.
type monitoringView struct {
	result   *analysis.AttainmentResult
	measures map[string]MonitoringMeasure
}

// MarshalJSON implements json.Marshaler.
func (v *monitoringView) MarshalJSON() ([]byte, error) { return json.Marshal(v.result) }

// MonitoringMeasure is a measure as the goal route lists it.
type MonitoringMeasure struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Status    string `json:"status"`
	Reference string `json:"reference,omitempty"`
	Priority  string `json:"priority,omitempty"`
	Horizon   string `json:"horizon,omitempty"`
	// Lead is the lead body (PROVIDES {role: lead}), nil when none is recorded.
	Lead *analysis.Named `json:"lead"`
}

// GoalMonitoring is the answer of GET /api/v1/analysis/monitoring/goals/{id}.
type GoalMonitoring struct {
	Goal       analysis.GoalAttainment        `json:"goal"`
	Indicators []analysis.IndicatorAttainment `json:"indicators"`
	Children   []analysis.GoalAttainment      `json:"children"`
	Measures   []MonitoringMeasure            `json:"measures"`
}

// monitoringParams reads year and language; the language comes from lang or else from
// Accept-Language.
func monitoringParams(r *http.Request, extra ...string) (year int, lang msg.Lang, err error) {
	q := r.URL.Query()
	if err := queryParams(q, append([]string{"year", "lang"}, extra...)...); err != nil {
		return 0, "", err
	}
	if year, err = intParam(q, "year"); err != nil {
		return 0, "", err
	}
	if year != 0 && (year < 1950 || year > 2100) {
		return 0, "", invalid("year", "must be between 1950 and 2100")
	}
	if lang, err = langParam(r); err != nil {
		return 0, "", err
	}
	return year, lang, nil
}

// monitoring returns the cached monitoring of a region.
func (s *Server) monitoring(r *http.Request, region string, year int, lang msg.Lang) (*monitoringView, *analysisResult, error) {
	res, err := s.analysisResult(r, region, fmt.Sprintf("monitoring|%d|%s", year, lang), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		a, err := analysis.ComputeAttainment(snap, analysis.AttainmentParams{Year: year, Lang: string(lang)})
		if err != nil {
			return nil, err
		}
		return &monitoringView{result: a, measures: monitoringMeasures(snap)}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return res.value.(*monitoringView), res, nil
}

// monitoringMeasures indexes the measures of a snapshot with their lead bodies.
func monitoringMeasures(snap *graph.Snapshot) map[string]MonitoringMeasure {
	orgs := make(map[string]string, len(snap.Organisations))
	for _, o := range snap.Organisations {
		orgs[o.ID] = o.Name
	}
	out := make(map[string]MonitoringMeasure, len(snap.Measures))
	for _, m := range snap.Measures {
		out[m.ID] = MonitoringMeasure{ID: m.ID, Title: m.Title, Status: m.Status, Reference: m.Reference, Priority: m.Priority, Horizon: m.Horizon}
	}
	for _, r := range snap.Relations {
		if r.Type != graph.Provides || r.Props.Role != "lead" {
			continue
		}
		m, ok := out[r.To]
		name, known := orgs[r.From]
		if ok && known && (m.Lead == nil || name < m.Lead.Name) {
			m.Lead = &analysis.Named{ID: r.From, Name: name}
			out[r.To] = m
		}
	}
	return out
}

// handleMonitoring serves GET /api/v1/analysis/monitoring?region=&year=&lang=: every indicator
// against its target (share reached, least-squares trend, projection, class and explanation,
// per municipality where values are), rolled up per goal, field of action and concept.
func (s *Server) handleMonitoring(w http.ResponseWriter, r *http.Request) {
	year, lang, err := monitoringParams(r, "region")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	_, res, err := s.monitoring(r, r.URL.Query().Get("region"), year, lang)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeResult(w, res, "application/json")
}

// monitoredNode returns the region of a goal or indicator the caller may read; any other id
// is not found, whether it exists or not.
func (s *Server) monitoredNode(r *http.Request, kind graph.Kind, id string) (string, error) {
	if k, ok := graph.KindOfID(id); !ok || k != kind {
		return "", graph.NotFound(kind, id)
	}
	acc, err := s.accessFor(r)
	if err != nil {
		return "", err
	}
	e, err := s.store.Get(r.Context(), kind, id)
	if err != nil {
		return "", err
	}
	if !acc.CanRead(e) {
		return "", graph.NotFound(kind, id)
	}
	return e.RegionKey(), nil
}

// handleMonitoringGoal serves GET /api/v1/analysis/monitoring/goals/{id}?year=&lang=: one goal's
// assessment with its indicators, its direct sub-goals and the measures that pursue it.
func (s *Server) handleMonitoringGoal(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	year, lang, err := monitoringParams(r)
	if err == nil {
		var region string
		if region, err = s.monitoredNode(r, graph.KindGoal, id); err == nil {
			var v *monitoringView
			if v, _, err = s.monitoring(r, region, year, lang); err == nil {
				out, ok := v.goal(id)
				if !ok {
					err = graph.NotFound(graph.KindGoal, id)
				} else {
					w.Header().Set("Vary", "Accept-Language")
					writeJSON(w, http.StatusOK, out)
					return
				}
			}
		}
	}
	s.writeError(w, r, err)
}

// goal assembles the answer of the goal route.
func (v *monitoringView) goal(id string) (*GoalMonitoring, bool) {
	res := v.result
	i := slices.IndexFunc(res.Goals, func(g analysis.GoalAttainment) bool { return g.Goal == id })
	if i < 0 {
		return nil, false
	}
	out := &GoalMonitoring{Goal: res.Goals[i], Indicators: []analysis.IndicatorAttainment{}, Children: []analysis.GoalAttainment{}, Measures: []MonitoringMeasure{}}
	for _, ind := range res.Indicators {
		if slices.Contains(out.Goal.Indicators, ind.Indicator) {
			out.Indicators = append(out.Indicators, ind)
		}
	}
	for _, g := range res.Goals {
		if slices.Contains(out.Goal.Children, g.Goal) {
			out.Children = append(out.Children, g)
		}
	}
	for _, m := range out.Goal.Measures {
		if mm, ok := v.measures[m]; ok {
			out.Measures = append(out.Measures, mm)
		}
	}
	slices.SortStableFunc(out.Measures, func(a, b MonitoringMeasure) int {
		if c := analysis.CompareReferences(a.Reference, b.Reference); c != 0 {
			return c
		}
		return cmp.Compare(a.Title, b.Title)
	})
	return out, true
}

// handleMonitoringIndicator serves GET /api/v1/analysis/monitoring/indicators/{id}?year=&lang=:
// one indicator's series, judgement and per-municipality assessments.
func (s *Server) handleMonitoringIndicator(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	year, lang, err := monitoringParams(r)
	if err == nil {
		var region string
		if region, err = s.monitoredNode(r, graph.KindIndicator, id); err == nil {
			var v *monitoringView
			if v, _, err = s.monitoring(r, region, year, lang); err == nil {
				i := slices.IndexFunc(v.result.Indicators, func(x analysis.IndicatorAttainment) bool { return x.Indicator == id })
				if i >= 0 {
					w.Header().Set("Vary", "Accept-Language")
					writeJSON(w, http.StatusOK, v.result.Indicators[i])
					return
				}
				err = graph.NotFound(graph.KindIndicator, id)
			}
		}
	}
	s.writeError(w, r, err)
}
