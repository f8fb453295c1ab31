package httpapi

import (
	"net/http"
	"slices"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// registerAuditRoutes adds GET /api/v1/audit.
func (s *Server) registerAuditRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/audit", s.handleAudit).Methods(http.MethodGet, http.MethodHead)
}

// coordinatorRegions returns the regions where the caller is coordinator or admin; nil for
// admins (all regions).
func coordinatorRegions(p *principal) []string {
	if p.user.Admin {
		return nil
	}
	out := []string{}
	for region, role := range p.user.Roles {
		if role.Rank() >= graph.RoleCoordinator.Rank() {
			out = append(out, region)
		}
	}
	slices.Sort(out)
	return out
}

// handleAudit serves GET /api/v1/audit?entity=&region=&limit=&cursor=: who changed what,
// when, before and after, newest first. Coordinators see the entries of their regions,
// admins all (entries of shared nodes and of seeding included).
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	for name := range q {
		if !slices.Contains([]string{"entity", "region", "limit", "cursor", "lang"}, name) {
			s.writeError(w, r, invalid(name, "is not a parameter of this route; use entity, region, limit, cursor, lang"))
			return
		}
	}
	if err := checkSingle(q); err != nil {
		s.writeError(w, r, err)
		return
	}
	regions := coordinatorRegions(p)
	if regions != nil && len(regions) == 0 {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "the audit log is for coordinators and admins"})
		return
	}
	region := q.Get("region")
	if regions != nil {
		switch {
		case region != "" && !slices.Contains(regions, region):
			s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "you are not coordinator of region " + region})
			return
		case region == "" && len(regions) == 1:
			region = regions[0]
		case region == "":
			s.writeError(w, r, invalid("region", "is required: you coordinate several regions (%v)", regions))
			return
		}
	}
	limit := 0
	if v := q.Get("limit"); v != "" {
		n, err := parseLimit(v)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		limit = n
	}
	lang, err := langParam(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	page, err := s.store.Audit(r.Context(), graph.AuditQuery{Entity: q.Get("entity"), Region: region, Limit: limit, Cursor: q.Get("cursor")})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := page.Items
	if items == nil {
		items = []graph.AuditEntry{}
	}
	pr := msg.For(lang)
	for i := range items {
		items[i].Summary = auditSummary(pr, &items[i])
	}
	w.Header().Set("Vary", "Accept-Language")
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "next_cursor": page.NextCursor})
}

// auditSummary renders an entry's summary in pr's language from its message and counts
// (msg/catalogue/audit.json); entries without a message, or with a key the catalogue does
// not know, keep the text they were written with.
func auditSummary(pr msg.Printer, e *graph.AuditEntry) string {
	if e.Message == nil {
		return e.Summary
	}
	if _, ok := msg.Message(e.Message.Key, pr.Lang); !ok {
		return e.Summary
	}
	s := pr.T(e.Message.Key, msg.Args(e.Message.Args))
	if c := e.Counts; c != nil {
		s = pr.T("audit.batch", msg.Args{"subject": s, "created": c.Created, "updated": c.Updated, "deleted": c.Deleted,
			"related": c.Related, "unrelated": c.Unrelated})
	}
	return s
}
