package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// registerNodeRoutes adds the read routes of every node kind:
// GET /api/v1/{collection}, GET /api/v1/{collection}/{id}, and
// GET /api/v1/{collection}/{id}/relations.
func (s *Server) registerNodeRoutes(r *mux.Router) {
	for _, ki := range graph.Kinds {
		kind := ki.Kind
		base := apiPrefix + "/" + ki.Collection
		r.HandleFunc(base, func(w http.ResponseWriter, r *http.Request) { s.handleNodeList(w, r, kind) }).Methods(http.MethodGet, http.MethodHead)
		r.HandleFunc(base+"/{id}", func(w http.ResponseWriter, r *http.Request) { s.handleNodeView(w, r, kind) }).Methods(http.MethodGet, http.MethodHead)
		r.HandleFunc(base+"/{id}/relations", func(w http.ResponseWriter, r *http.Request) { s.handleNodeRelations(w, r, kind) }).Methods(http.MethodGet, http.MethodHead)
	}
}

// apiPrefix starts every API route.
const apiPrefix = "/api/v1"

// writeList answers with a list body {items, next_cursor, total} assembled from encoded
// items (encoding/json would validate and re-compact every one of them).
func writeList(w http.ResponseWriter, items []json.RawMessage, next string, total int) {
	size := 64 + len(next)
	for _, it := range items {
		size += len(it) + 1
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.WriteString(`{"items":[`)
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(it)
	}
	b.WriteString(`],"next_cursor":`)
	nc, _ := json.Marshal(next)
	b.Write(nc)
	b.WriteString(`,"total":`)
	b.WriteString(strconv.Itoa(total))
	b.WriteString("}\n")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b.Bytes())
}

// listParams are the query parameters lists accept, mapped to the filter field they set.
var listParams = []string{"region", "municipality", "field", "target_group", "organisation", "network", "kind", "status", "language", "visibility", "limit", "cursor"}

// parseFilter reads the list query parameters; an unknown parameter is an error naming it.
func parseFilter(q url.Values, allowed []string) (graph.Filter, int, string, error) {
	var f graph.Filter
	for name, vals := range q {
		if !slices.Contains(allowed, name) {
			return f, 0, "", invalid(name, "is not a parameter of this route; use %s", strings.Join(allowed, ", "))
		}
		if len(vals) > 1 {
			return f, 0, "", invalid(name, "is given %d times; give it once", len(vals))
		}
	}
	get := q.Get
	f = graph.Filter{Region: get("region"), Municipality: get("municipality"), Field: get("field"), TargetGroup: get("target_group"),
		Organisation: get("organisation"), Network: get("network"), Type: get("kind"), Status: get("status"),
		Language: get("language"), Visibility: graph.Visibility(get("visibility"))}
	switch f.Visibility {
	case "", graph.Public, graph.Internal:
	default:
		return f, 0, "", invalid("visibility", "must be public or internal")
	}
	limit := 0
	if v := get("limit"); v != "" {
		n, err := parseLimit(v)
		if err != nil {
			return f, 0, "", err
		}
		limit = n
	}
	return f, limit, get("cursor"), nil
}

// parseLimit reads the limit parameter.
func parseLimit(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, invalid("limit", "%q is not a number", v)
	}
	if n < 1 || n > graph.MaxLimit {
		return 0, invalid("limit", "must be between 1 and %d", graph.MaxLimit)
	}
	return n, nil
}

// handleNodeList serves GET /api/v1/{collection}: one page of nodes the caller may read.
func (s *Server) handleNodeList(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	f, limit, cursor, err := parseFilter(r.URL.Query(), listParams)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := s.store.List(r.Context(), graph.ListQuery{Kind: kind, Filter: acc.ListFilter(f), Limit: limit, Cursor: cursor})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]json.RawMessage, len(page.Items))
	for i, e := range page.Items {
		if items[i], err = s.encode(acc, e); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	writeList(w, items, page.NextCursor, page.Total)
}

// handleNodeView serves GET /api/v1/{collection}/{id}. Nodes the caller may not read are
// reported as not found, so their existence does not leak.
func (s *Server) handleNodeView(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	e, acc, ok := s.readNode(w, r, kind)
	if !ok {
		return
	}
	w.Header().Set("ETag", etag(e.Base().Version))
	b, err := s.encode(acc, e)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(append(b, '\n'))
}

// handleNodeRelations serves GET /api/v1/{collection}/{id}/relations: the node's
// relationships whose other end the caller may read.
func (s *Server) handleNodeRelations(w http.ResponseWriter, r *http.Request, kind graph.Kind) {
	e, acc, ok := s.readNode(w, r, kind)
	if !ok {
		return
	}
	q := r.URL.Query()
	for name := range q {
		if name != "type" && name != "direction" {
			s.writeError(w, r, invalid(name, "is not a parameter of this route; use type, direction"))
			return
		}
	}
	dir := q.Get("direction")
	if dir != "" && dir != "in" && dir != "out" {
		s.writeError(w, r, invalid("direction", "must be in or out"))
		return
	}
	id := e.Base().ID
	rels, err := s.store.Relations(r.Context(), graph.RelationQuery{Node: id, Type: graph.RelType(q.Get("type")), Direction: dir})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := s.readableOnly(r, acc, id, rels)
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(out)})
}

// readNode loads the node named by the route if the caller may read it; otherwise it has
// answered already and returns false.
func (s *Server) readNode(w http.ResponseWriter, r *http.Request, kind graph.Kind) (graph.Entity, access, bool) {
	id := mux.Vars(r)["id"]
	if k, ok := graph.KindOfID(id); !ok || k != kind {
		s.writeError(w, r, graph.Errorf(graph.ENOTFOUND, "%q is not a %s id", id, kind))
		return nil, access{}, false
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return nil, access{}, false
	}
	e, err := s.store.Get(r.Context(), kind, id)
	if err == nil && !acc.CanRead(e) {
		err = graph.NotFound(kind, id)
	}
	if graph.ErrorCode(err) == graph.ENOTFOUND && s.redirectRetired(w, r, kind, id, acc) {
		return nil, access{}, false
	}
	if err != nil {
		s.writeError(w, r, err)
		return nil, access{}, false
	}
	return e, acc, true
}

// etag renders a version as a strong entity tag.
func etag(version int64) string { return `"` + strconv.FormatInt(version, 10) + `"` }
