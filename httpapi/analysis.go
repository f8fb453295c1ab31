package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// registerAnalysisRoutes adds the analyses and the map.
func (s *Server) registerAnalysisRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/analysis/coverage", s.handleCoverage).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/gaps", s.handleGaps).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/duplicates", s.handleDuplicates).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/duplicates/verdicts", s.handleVerdict).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/analysis/duplicates/coordinations", s.handleCoordinations).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/partners/{id}", s.handlePartners).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/network", s.handleNetwork).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/analysis/network/ego/{id}", s.handleEgo).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/map/municipalities.geojson", s.handleMap).Methods(http.MethodGet, http.MethodHead)
}

// queryParams checks that q holds only the named parameters, each at most once.
func queryParams(q map[string][]string, names ...string) error {
	for name := range q {
		if !slices.Contains(names, name) {
			return invalid(name, "is not a parameter of this route; use %s", strings.Join(names, ", "))
		}
	}
	return checkSingle(q)
}

// floatParam parses an optional number parameter.
func floatParam(q map[string][]string, name string) (float64, error) {
	v := ""
	if vs := q[name]; len(vs) > 0 {
		v = vs[0]
	}
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		// NaN passes every range comparison; it and the infinities are not numbers here.
		return 0, invalid(name, "%q is not a number", v)
	}
	return f, nil
}

// analyse serves an analysis of a region: it checks that the caller may see the region,
// then answers from the cache of the current store revision or computes the result over a
// snapshot — the whole region for members and above, its public part for everyone else.
// key must name the analysis and every parameter that changes its result.
func (s *Server) analyse(w http.ResponseWriter, r *http.Request, region, key string, compute func(ctx context.Context, snap *graph.Snapshot) (any, error)) {
	res, err := s.analysisResult(r, region, key, compute)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeResult(w, res, "application/json")
}

// writeResult writes a cached result's JSON.
func writeResult(w http.ResponseWriter, res *analysisResult, contentType string) {
	w.Header().Set("Content-Type", contentType)
	_, _ = w.Write(res.body)
	_, _ = w.Write([]byte("\n"))
}

// analysisResult is analyse without the writing.
func (s *Server) analysisResult(r *http.Request, region, key string, compute func(ctx context.Context, snap *graph.Snapshot) (any, error)) (*analysisResult, error) {
	if region == "" {
		return nil, invalid("region", "is required")
	}
	acc, err := s.accessFor(r)
	if err != nil {
		return nil, err
	}
	if !within(acc.Regions, region) {
		return nil, graph.NotFound(graph.KindRegion, region)
	}
	full := within(acc.Internal, region)
	rev, err := s.store.Revision(r.Context())
	if err != nil {
		return nil, err
	}
	return s.analyses.get(r.Context(), rev, fmt.Sprintf("%s|%s|%t", key, region, full), func(ctx context.Context) (any, error) {
		snap, err := s.store.Snapshot(ctx, region)
		if err != nil {
			return nil, err
		}
		if !full {
			snap = publicPart(snap)
		}
		return compute(ctx, snap)
	})
}

// publicPart keeps the public nodes of a snapshot and the relationships among them.
// Actors stay out: analyses do not need people.
func publicPart(s *graph.Snapshot) *graph.Snapshot {
	return s.Subset(func(e graph.Entity) (graph.Entity, bool) {
		k := e.EntityKind()
		return e, k != graph.KindActor && (e.Base().Visibility == graph.Public || k == graph.KindRegion)
	})
}

// coverageRequest reads the region and the coverage parameters that the coverage, gaps and
// map routes share, allowing the route's extra parameters too; ok is false when an error was
// written.
func (s *Server) coverageRequest(w http.ResponseWriter, r *http.Request, extra ...string) (region string, p analysis.CoverageParams, ok bool) {
	q := r.URL.Query()
	err := queryParams(q, append([]string{"region", "target_group", "demand", "thin_factor", "lang"}, extra...)...)
	if err == nil {
		p = analysis.CoverageParams{TargetGroup: q.Get("target_group"), Demand: q.Get("demand")}
		p.ThinFactor, err = floatParam(q, "thin_factor")
	}
	if err == nil {
		var lang msg.Lang
		lang, err = langParam(r)
		p.Lang = string(lang)
	}
	if err != nil {
		s.writeError(w, r, err)
		return "", p, false
	}
	// The explanations are in the language asked for (lang=, else Accept-Language).
	w.Header().Set("Vary", "Accept-Language")
	return q.Get("region"), p, true
}

// coverage returns the coverage of a region through the analysis cache, so that the
// coverage, gaps and map routes share one computation per revision and parameters.
func (s *Server) coverage(r *http.Request, region string, p analysis.CoverageParams) (*analysis.Coverage, *analysisResult, error) {
	res, err := s.analysisResult(r, region, fmt.Sprintf("coverage|%+v", p), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		return analysis.ComputeCoverage(snap, p)
	})
	if err != nil {
		return nil, nil, err
	}
	return res.value.(*analysis.Coverage), res, nil
}

// handleCoverage serves GET /api/v1/analysis/coverage?region=&target_group=&demand=&thin_factor=:
// the coverage matrix municipality × field with gap/thin/covered classes, their explanations
// and the gaps ranked by unserved demand. Callers without a role in the region get the
// coverage of the public offers (the transparency map).
func (s *Server) handleCoverage(w http.ResponseWriter, r *http.Request) {
	region, p, ok := s.coverageRequest(w, r)
	if !ok {
		return
	}
	_, res, err := s.coverage(r, region, p)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeResult(w, res, "application/json")
}

// handleGaps serves GET /api/v1/analysis/gaps?region=&target_group=&demand=&thin_factor=: the
// gaps of the coverage analysis ranked by unserved demand, and the thin cells, each with its
// explanation.
func (s *Server) handleGaps(w http.ResponseWriter, r *http.Request) {
	region, p, ok := s.coverageRequest(w, r)
	if !ok {
		return
	}
	c, _, err := s.coverage(r, region, p)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c.GapList())
}

// MapFeature is one municipality of the map: its boundary and its coverage figures.
type MapFeature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties MapProperties   `json:"properties"`
}

// MapProperties are a municipality's figures on the map.
type MapProperties struct {
	AGS               string `json:"ags"`
	Name              string `json:"name"`
	Population        int64  `json:"population"`
	ForeignPopulation int64  `json:"foreign_population"`
	// Demand is the population densities are measured against.
	Demand int64 `json:"demand"`
	// Offers counts the active measures offered there.
	Offers int `json:"offers"`
	// Gaps, Thin and Covered count the municipality's fields by class.
	Gaps    int `json:"gaps"`
	Thin    int `json:"thin"`
	Covered int `json:"covered"`
	// FieldsWithoutNetwork counts the fields no network covers there.
	FieldsWithoutNetwork int `json:"fields_without_network"`
	// Field, Class, FieldOffers, Density and Networks describe the chosen field, when one is.
	Field       string   `json:"field,omitempty"`
	Class       string   `json:"class,omitempty"`
	FieldOffers int      `json:"field_offers"`
	Density     float64  `json:"density"`
	Networks    []string `json:"networks,omitempty"`
	Explanation string   `json:"explanation,omitempty"`
}

// MapCollection is the GeoJSON answer of the map.
type MapCollection struct {
	Type     string       `json:"type"`
	Features []MapFeature `json:"features"`
}

// handleMap serves GET /api/v1/map/municipalities.geojson?region=&field=&target_group=&demand=:
// the region's municipalities as GeoJSON features with their coverage figures — for the chosen
// field its class, density and networks — for the transparency map and for GIS.
func (s *Server) handleMap(w http.ResponseWriter, r *http.Request) {
	region, p, ok := s.coverageRequest(w, r, "field")
	if !ok {
		return
	}
	field := r.URL.Query().Get("field")
	res, err := s.analysisResult(r, region, fmt.Sprintf("map|%s|%+v", field, p), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		c, err := analysis.ComputeCoverage(snap, p)
		if err != nil {
			return nil, err
		}
		fi := slices.IndexFunc(c.Fields, func(f analysis.FieldSummary) bool { return f.ID == field })
		if field != "" && fi < 0 {
			return nil, &graph.Error{Code: graph.EINVALID, Message: "unknown field",
				Fields: []graph.FieldError{{Field: "field", Message: fmt.Sprintf("%q is not a field of action of region %s", field, c.Region)}}}
		}
		out := &MapCollection{Type: "FeatureCollection", Features: []MapFeature{}}
		for i, m := range snap.Municipalities {
			ms := c.Municipalities[i]
			f := MapFeature{Type: "Feature", ID: m.ID, Geometry: m.Geometry, Properties: MapProperties{
				AGS: m.ID, Name: m.Name, Population: m.Population, ForeignPopulation: m.ForeignPopulation, Demand: ms.Demand,
				Offers: ms.Offers, Gaps: ms.Gaps, Thin: ms.Thin, Covered: ms.Covered, FieldsWithoutNetwork: ms.FieldsWithoutNetwork}}
			if len(f.Geometry) == 0 {
				f.Geometry = json.RawMessage("null")
			}
			if field != "" {
				cell := c.Cells[i*len(c.Fields)+fi]
				f.Properties.Field, f.Properties.Class, f.Properties.FieldOffers = field, cell.Class, cell.Offers
				f.Properties.Density, f.Properties.Networks, f.Properties.Explanation = cell.Density, cell.Networks, cell.Explanation
			}
			out.Features = append(out.Features, f)
		}
		return out, nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeResult(w, res, "application/geo+json")
}

// maxSeed bounds the Louvain seed: any seed costs the same, but a documented range lets
// clients (and the OpenAPI document) know what is accepted; 2³²−1 is more seeds than anyone
// tries.
const maxSeed = 1<<32 - 1

// intParam parses an optional integer parameter.
func intParam(q map[string][]string, name string) (int, error) {
	v := ""
	if vs := q[name]; len(vs) > 0 {
		v = vs[0]
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, invalid(name, "%q is not a whole number", v)
	}
	return n, nil
}

// organisationRegion returns the region of an organisation the caller may see; others are
// not found, whether they exist or not.
func (s *Server) organisationRegion(r *http.Request, id string) (string, error) {
	if k, ok := graph.KindOfID(id); !ok || k != graph.KindOrganisation {
		return "", graph.NotFound(graph.KindOrganisation, id)
	}
	acc, err := s.accessFor(r)
	if err != nil {
		return "", err
	}
	e, err := s.store.Get(r.Context(), graph.KindOrganisation, id)
	if err != nil {
		return "", err
	}
	if !acc.CanRead(e) {
		return "", graph.NotFound(graph.KindOrganisation, id)
	}
	return e.RegionKey(), nil
}

// organisationRequest reads what the analyses of one organisation take: the organisation
// from the path (one the caller may see), its region, and the route's one whole-number
// parameter (0 when absent). ok is false when an error was written.
func (s *Server) organisationRequest(w http.ResponseWriter, r *http.Request, param string) (id, region string, n int, ok bool) {
	q := r.URL.Query()
	err := queryParams(q, param)
	if err == nil {
		n, err = intParam(q, param)
	}
	if err == nil {
		id = mux.Vars(r)["id"]
		region, err = s.organisationRegion(r, id)
	}
	if err != nil {
		s.writeError(w, r, err)
		return "", "", 0, false
	}
	return id, region, n, true
}

// handlePartners serves GET /api/v1/analysis/partners/{id}?limit=: the organisations the
// organisation has no tie with yet, ranked by the partner score, with the score's parts and
// the reasons; contact people's e-mail and phone only for roles that may see them.
func (s *Server) handlePartners(w http.ResponseWriter, r *http.Request) {
	id, region, limit, ok := s.organisationRequest(w, r, "limit")
	if !ok {
		return
	}
	if limit < 0 || limit > analysis.MaxPartnerLimit {
		s.writeError(w, r, invalid("limit", "must be between 1 and %d", analysis.MaxPartnerLimit))
		return
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	contacts := within(acc.Contacts, region)
	s.analyse(w, r, region, fmt.Sprintf("partners|%s|%d|%t", id, limit, contacts), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		res, err := analysis.RecommendPartners(snap, analysis.CollaborationGraph(snap), id, analysis.PartnerParams{Limit: limit})
		if err != nil {
			return nil, err
		}
		if !contacts {
			for i := range res.Partners {
				for j := range res.Partners[i].Contacts {
					c := &res.Partners[i].Contacts[j]
					c.Email, c.Phone = "", ""
				}
			}
		}
		return res, nil
	})
}

// handleNetwork serves GET /api/v1/analysis/network?region=&field=&municipality=&resolution=&seed=&brokers=:
// the organisations' collaboration network with degree, strength, betweenness, PageRank,
// Louvain communities and modularity, articulation points, isolated organisations and
// densities per municipality and field.
func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "region", "field", "municipality", "resolution", "seed", "brokers"); err != nil {
		s.writeError(w, r, err)
		return
	}
	p := analysis.NetworkParams{Field: q.Get("field"), Municipality: q.Get("municipality")}
	var err error
	if p.Resolution, err = floatParam(q, "resolution"); err != nil {
		s.writeError(w, r, err)
		return
	}
	if p.Brokers, err = intParam(q, "brokers"); err != nil {
		s.writeError(w, r, err)
		return
	}
	if v := q.Get("seed"); v != "" {
		if p.Seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			s.writeError(w, r, invalid("seed", "%q is not a whole number ≥ 0", v))
			return
		}
	}
	// Checked here, before the snapshot is taken (AnalyseNetwork checks them too).
	switch {
	case p.Resolution < 0 || p.Resolution > analysis.MaxLouvainResolution:
		s.writeError(w, r, invalid("resolution", "must be between 0 and 10"))
		return
	case p.Brokers < 0 || p.Brokers > analysis.MaxBrokers:
		s.writeError(w, r, invalid("brokers", "must be between 1 and 1000"))
		return
	case p.Seed > maxSeed:
		s.writeError(w, r, invalid("seed", "must be between 0 and %d", uint64(maxSeed)))
		return
	}
	s.analyse(w, r, q.Get("region"), fmt.Sprintf("network|%+v", p), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		return analysis.AnalyseNetwork(snap, analysis.CollaborationGraph(snap), p)
	})
}

// handleEgo serves GET /api/v1/analysis/network/ego/{id}?depth=: the organisations within
// depth (1–3, default 1) ties of the organisation, and the ties among them.
func (s *Server) handleEgo(w http.ResponseWriter, r *http.Request) {
	id, region, depth, ok := s.organisationRequest(w, r, "depth")
	if !ok {
		return
	}
	if depth < 0 || depth > analysis.MaxEgoDepth {
		s.writeError(w, r, invalid("depth", "must be between 1 and %d", analysis.MaxEgoDepth))
		return
	}
	s.analyse(w, r, region, fmt.Sprintf("ego|%s|%d", id, depth), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		return analysis.EgoNetwork(snap, analysis.CollaborationGraph(snap), id, depth)
	})
}

// handleDuplicates serves GET /api/v1/analysis/duplicates?region=&threshold=&order=&model=&max_block=:
// the duplicate candidates of a region — pairs with their features, the model's contributions
// and why they were detected, clusters with their kind (data duplicate: merge; parallel offer:
// coordinate), the pairs reviewers set aside, the pairs the model is least sure about (the
// review queue; order=uncertain lists the reported pairs that way too) and the region's model.
// Reviewer verdicts are respected: intended and not_duplicate suppress a pair, duplicate
// confirms it, and every verdict refits the region's model (model=built_in shows the run
// without that).
func (s *Server) handleDuplicates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "region", "threshold", "order", "model", "max_block", "format"); err != nil {
		s.writeError(w, r, err)
		return
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != exchange.FormatCSV && format != exchange.FormatXLSX {
		s.writeError(w, r, invalid("format", "%q is not a format of the review list; use json, csv or xlsx", format))
		return
	}
	// Coordinations are overdue from the day after their due date, in Germany.
	p := duplicates.Params{Order: q.Get("order"), Model: q.Get("model"), Today: today()}
	var err error
	if p.Threshold, err = floatParam(q, "threshold"); err != nil {
		s.writeError(w, r, err)
		return
	}
	if p.MaxBlock, err = intParam(q, "max_block"); err != nil {
		s.writeError(w, r, err)
		return
	}
	// Bad values are refused before the snapshot is loaded.
	if err := p.Validate(); err != nil {
		s.writeError(w, r, err)
		return
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	// Who reviewed a pair and why is internal: the public sees the verdicts only.
	reviewers := within(acc.Internal, q.Get("region"))
	key := fmt.Sprintf("duplicates|%v|%s|%s|%d|%t|%s", p.Threshold, p.Order, p.Model, p.MaxBlock, reviewers, p.Today)
	compute := func(_ context.Context, snap *graph.Snapshot) (any, error) {
		d, err := duplicates.Find(snap, p)
		if err != nil || reviewers {
			return d, err
		}
		lists := [][]duplicates.Pair{d.Pairs, d.Reviewed, d.Uncertain}
		for _, c := range d.Clusters {
			lists = append(lists, c.Pairs)
		}
		for _, list := range lists {
			for i := range list {
				list[i].VerdictBy, list[i].VerdictNote = "", ""
			}
		}
		return d, nil
	}
	region := q.Get("region")
	if format == "" || format == "json" {
		s.analyse(w, r, region, key, compute)
		return
	}
	// The review list as a table: the same analysis (and cache), with the names of the
	// municipalities and fields the pairs share.
	res, err := s.analysisResult(r, region, key, compute)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	named, err := s.analysisResult(r, region, "names", func(_ context.Context, snap *graph.Snapshot) (any, error) {
		names := map[string]string{}
		for _, m := range snap.Municipalities {
			names[m.ID] = m.Name
		}
		for _, f := range snap.Fields {
			names[f.ID] = f.Name
		}
		return names, nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	mt, ext := exchange.ContentType(format, true)
	w.Header().Set("Content-Type", mt)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "dubletten-"+region+"."+ext))
	if err := exchange.WriteDuplicateReview(w, format, res.value.(*duplicates.Result), named.value.(map[string]string), time.Now()); err != nil {
		s.log.Error().Err(err).Str("request_id", requestID(r.Context())).Msg("writing the review list failed")
	}
}

// VerdictRequest is the body of POST /api/v1/analysis/duplicates/verdicts and
// POST /api/v1/analysis/structures/verdicts.
type VerdictRequest struct {
	// A and B are the two measures (or two networks, or two concepts).
	A string `json:"a"`
	B string `json:"b"`
	// Verdict is duplicate, intended, not_duplicate, or coordinating (Abstimmung angestoßen:
	// two measures only, with Due).
	Verdict string `json:"verdict"`
	// Note says why (optional).
	Note string `json:"note"`
	// Due is the day by which a coordination is to be settled: required with coordinating,
	// not before today, refused with the other verdicts.
	Due graph.Date `json:"due,omitempty"`
}

// VerdictResponse is the recorded verdict, and the one it replaced, if any.
type VerdictResponse struct {
	A       string     `json:"a"`
	B       string     `json:"b"`
	Verdict string     `json:"verdict"`
	Note    string     `json:"note,omitempty"`
	Due     graph.Date `json:"due,omitempty"`
	By      string     `json:"by"`
	At      time.Time  `json:"at"`
	// Replaced is the earlier verdict on the pair, which this one replaced: a reviewer is
	// told when they overrule someone.
	Replaced *PriorVerdict `json:"replaced,omitempty"`
}

// PriorVerdict is a verdict that was replaced.
type PriorVerdict struct {
	Verdict string     `json:"verdict"`
	Note    string     `json:"note,omitempty"`
	Due     graph.Date `json:"due,omitempty"`
	By      string     `json:"by"`
	At      time.Time  `json:"at"`
}

// handleVerdict serves POST /api/v1/analysis/duplicates/verdicts {a, b, verdict, note}: a
// coordinator's verdict on a pair of measures, stored as a REVIEWED relationship (with who and
// when), so that it survives restarts and every later run respects it.
func (s *Server) handleVerdict(w http.ResponseWriter, r *http.Request) {
	s.recordVerdict(w, r, []graph.Kind{graph.KindMeasure}, "duplicates")
}

// recordVerdict records a coordinator's verdict on a pair of nodes of one of kinds (both of the
// same kind, in one region) as a REVIEWED relationship; what names the reviewed thing in
// messages.
func (s *Server) recordVerdict(w http.ResponseWriter, r *http.Request, kinds []graph.Kind, what string) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	var req VerdictRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	if !slices.Contains(graph.Verdicts, req.Verdict) {
		s.writeError(w, r, invalid("verdict", "%q is not a verdict; use %s", req.Verdict, strings.Join(graph.Verdicts, ", ")))
		return
	}
	req.Due = graph.Date(strings.TrimSpace(string(req.Due)))
	if err := checkDue(req, kinds); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.A == req.B {
		s.writeError(w, r, invalid("b", "is the same %s as a", kinds[0]))
		return
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	region := ""
	var first graph.Kind
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	for _, end := range []struct{ field, id string }{{"a", req.A}, {"b", req.B}} {
		k, ok := graph.KindOfID(end.id)
		if !ok || !slices.Contains(kinds, k) {
			s.writeError(w, r, invalid(end.field, "%q is not the id of a %s", end.id, strings.Join(names, " or ")))
			return
		}
		if first == "" {
			first = k
		} else if k != first {
			s.writeError(w, r, invalid("b", "is a %s, a is a %s; a verdict pairs two of one kind", k, first))
			return
		}
		e, err := s.store.Get(r.Context(), k, end.id)
		if graph.ErrorCode(err) == graph.ENOTFOUND || (err == nil && !acc.CanRead(e)) {
			s.writeError(w, r, &graph.Error{Code: graph.ENOTFOUND, Message: string(k) + " " + end.id + " does not exist",
				Fields: []graph.FieldError{{Field: end.field, Message: "does not exist"}}})
			return
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if region != "" && e.RegionKey() != region {
			s.writeError(w, r, invalid("b", "belongs to region %s, a to region %s", e.RegionKey(), region))
			return
		}
		region = e.RegionKey()
	}
	if !canCoordinate(p, region) {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "only coordinators of region " + region + " review " + what})
		return
	}
	key := graph.RelationKey{Type: graph.Reviewed, From: req.A, To: req.B}.Canonical()
	var replaced *PriorVerdict
	existing, err := s.store.Relations(r.Context(), graph.RelationQuery{Node: key.From, Type: graph.Reviewed})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	for _, rel := range existing {
		if rel.RelationKey == key {
			replaced = &PriorVerdict{Verdict: rel.Props.Verdict, Note: rel.Props.Note, Due: rel.Props.Due, By: rel.Props.By, At: rel.Props.At}
		}
	}
	rel := graph.Relation{RelationKey: key, Props: graph.RelProps{Verdict: req.Verdict, Note: req.Note, Due: req.Due, By: p.user.Username, At: time.Now().UTC().Truncate(time.Second)}}
	out, err := s.store.Relate(r.Context(), rel)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, VerdictResponse{A: out.From, B: out.To, Verdict: out.Props.Verdict, Note: out.Props.Note, Due: out.Props.Due, By: out.Props.By, At: out.Props.At, Replaced: replaced})
}

// checkDue checks the due date of a verdict: a coordination (measures only) needs a day that
// has not passed, the other verdicts take none.
func checkDue(req VerdictRequest, kinds []graph.Kind) error {
	if req.Verdict != graph.VerdictCoordinating {
		if req.Due != "" {
			return invalid("due", "is only given with the verdict %s", graph.VerdictCoordinating)
		}
		return nil
	}
	if !slices.Contains(kinds, graph.KindMeasure) {
		return invalid("verdict", "%s is for two measures (a parallel offer), not for a %s", graph.VerdictCoordinating, kinds[0])
	}
	if req.Due == "" {
		return invalid("due", "is required with the verdict %s", graph.VerdictCoordinating)
	}
	if _, ok := req.Due.Time(); !ok {
		return invalid("due", "%q is not a date; use YYYY-MM-DD", string(req.Due))
	}
	if day := today(); req.Due < day {
		return invalid("due", "%s has passed; a coordination is due today (%s) or later", string(req.Due), string(day))
	}
	return nil
}

// langParam returns the language of the sentences a request asks for: lang=de or en, else
// the best of its Accept-Language, else German (readerLang). Another lang is refused.
func langParam(r *http.Request) (msg.Lang, error) {
	switch l := r.URL.Query().Get("lang"); l {
	case "", "de", "en":
		return msg.Parse(l, r.Header.Get("Accept-Language")), nil
	default:
		return "", invalid("lang", "%q is not a language of the service; use de or en", l)
	}
}

// readerLang is the language of the sentences for a route without lang=: the best of the
// request's Accept-Language, else German.
func readerLang(r *http.Request) msg.Lang { return msg.Parse("", r.Header.Get("Accept-Language")) }
