package httpapi

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// registerSearchRoutes adds GET /api/v1/search.
func (s *Server) registerSearchRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/search", s.handleSearch).Methods(http.MethodGet, http.MethodHead)
}

// searchParams are the query parameters of the search route.
var searchParams = []string{"q", "types", "region", "municipality", "field", "target_group", "organisation", "network", "kind", "status", "language", "limit", "cursor"}

// searchHit is one result: the node, what kind it is, its score and where the words matched.
type searchHit struct {
	Kind    graph.Kind         `json:"kind"`
	Score   float64            `json:"score"`
	Item    graph.Entity       `json:"item"`
	Matches []graph.FieldMatch `json:"matches"`
}

type searchResponse struct {
	Items      []searchHit `json:"items"`
	NextCursor string      `json:"next_cursor"`
	Total      int         `json:"total"`
}

// handleSearch serves GET /api/v1/search?q=…: measures, organisations and networks the caller
// may read, ranked, with the matched words of each field as byte ranges for highlighting.
// types limits the kinds searched (comma-separated: measure, organisation, network).
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	text := q.Get("q")
	types := q.Get("types")
	q.Del("q")
	q.Del("types")
	allowed := slices.DeleteFunc(slices.Clone(searchParams), func(p string) bool { return p == "q" || p == "types" })
	if err := checkSingle(r.URL.Query()); err != nil {
		s.writeError(w, r, err)
		return
	}
	f, limit, cursor, err := parseFilter(q, allowed)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(text) > 500 {
		s.writeError(w, r, invalid("q", "is %d characters long; at most 500 are allowed", len(text)))
		return
	}
	var kinds []graph.Kind
	if types != "" {
		for _, t := range strings.Split(types, ",") {
			k := graph.Kind(strings.TrimSpace(t))
			if !slices.Contains(graph.SearchKinds, k) {
				s.writeError(w, r, invalid("types", "%q is not searchable; use measure, organisation or network", t))
				return
			}
			kinds = append(kinds, k)
		}
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.store.Search(r.Context(), graph.SearchQuery{Text: text, Kinds: kinds, Filter: acc.ListFilter(f), Limit: limit, Cursor: cursor})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := searchResponse{Items: make([]searchHit, 0, len(res.Hits)), NextCursor: res.NextCursor, Total: res.Total}
	for _, h := range res.Hits {
		matches := h.Matches
		if matches == nil {
			matches = []graph.FieldMatch{}
		}
		out.Items = append(out.Items, searchHit{Kind: h.Entity.EntityKind(), Score: h.Score, Item: view(acc, h.Entity), Matches: matches})
	}
	writeJSON(w, http.StatusOK, out)
}

// checkSingle rejects parameters given more than once.
func checkSingle(q map[string][]string) error {
	for name, vals := range q {
		if len(vals) > 1 {
			return invalid(name, "is given %d times; give it once", len(vals))
		}
	}
	return nil
}
