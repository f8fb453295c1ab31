package httpapi

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Coordinations are parallel offers whose providers were asked to coordinate by a due date
// (the verdict coordinating, "Abstimmung angestoßen"). The Steuerung lists those of its region
// as "Laufende Abstimmungen": which two offers, whose, where, by when, and which are late.

// berlin is the time zone the due dates are days of; without the zone database, UTC.
var berlin = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.UTC
}()

// today is the current day in Germany, the day due dates are read against.
func today() graph.Date { return graph.Date(time.Now().In(berlin).Format(time.DateOnly)) }

// CoordinatedMeasure is one offer of a coordination.
type CoordinatedMeasure struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Providers and Municipalities name the organisations that provide it and the
	// municipalities it is offered in, by name.
	Providers      []analysis.Named `json:"providers"`
	Municipalities []analysis.Named `json:"municipalities"`
}

// Coordination is a parallel offer under coordination.
type Coordination struct {
	A CoordinatedMeasure `json:"a"`
	B CoordinatedMeasure `json:"b"`
	// Municipalities are the municipalities both are offered in.
	Municipalities []analysis.Named `json:"municipalities"`
	// Due is the day by which it is to be settled; Overdue says that day has passed.
	Due     graph.Date `json:"due"`
	Overdue bool       `json:"overdue"`
	// By, At and Note say who started it, when and why (By and Note for members and above).
	By   string    `json:"by,omitempty"`
	At   time.Time `json:"at,omitzero"`
	Note string    `json:"note,omitempty"`
}

// CoordinationList is the answer of GET /api/v1/analysis/duplicates/coordinations.
type CoordinationList struct {
	Region string `json:"region"`
	// Today is the day the due dates were read against.
	Today graph.Date `json:"today"`
	// Items are the coordinations, the earliest due date first; Overdue counts the late ones.
	Items   []Coordination `json:"items"`
	Total   int            `json:"total"`
	Overdue int            `json:"overdue"`
}

// coordinations lists the coordinations of a snapshot, the earliest due date first; with
// reviewers false, without who started them and why.
func coordinations(snap *graph.Snapshot, day graph.Date, reviewers bool) *CoordinationList {
	out := &CoordinationList{Region: snap.Region, Today: day, Items: []Coordination{}}
	measures := map[string]*graph.Measure{}
	for _, m := range snap.Measures {
		measures[m.ID] = m
	}
	orgs := map[string]string{}
	for _, o := range snap.Organisations {
		orgs[o.ID] = o.Name
	}
	towns := map[string]string{}
	for _, m := range snap.Municipalities {
		towns[m.ID] = m.Name
	}
	providers := map[string][]analysis.Named{}
	offered := map[string][]analysis.Named{}
	var pending []graph.Relation
	for _, r := range snap.Relations {
		switch r.Type {
		case graph.Provides:
			if name, ok := orgs[r.From]; ok {
				providers[r.To] = append(providers[r.To], analysis.Named{ID: r.From, Name: name})
			}
		case graph.OfferedIn:
			if name, ok := towns[r.To]; ok {
				offered[r.From] = append(offered[r.From], analysis.Named{ID: r.To, Name: name})
			}
		case graph.Reviewed:
			if r.Props.Verdict == graph.VerdictCoordinating && measures[r.From] != nil && measures[r.To] != nil {
				pending = append(pending, r)
			}
		}
	}
	byName := func(a, b analysis.Named) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) }
	side := func(id string) CoordinatedMeasure {
		p := append([]analysis.Named{}, providers[id]...)
		t := append([]analysis.Named{}, offered[id]...)
		slices.SortFunc(p, byName)
		slices.SortFunc(t, byName)
		return CoordinatedMeasure{ID: id, Title: measures[id].Title, Providers: p, Municipalities: t}
	}
	for _, r := range pending {
		c := Coordination{A: side(r.From), B: side(r.To), Due: r.Props.Due, At: r.Props.At, Municipalities: []analysis.Named{}}
		c.Overdue = c.Due != "" && c.Due < day
		if reviewers {
			c.By, c.Note = r.Props.By, r.Props.Note
		}
		for _, m := range c.A.Municipalities {
			if slices.Contains(c.B.Municipalities, m) {
				c.Municipalities = append(c.Municipalities, m)
			}
		}
		if c.Overdue {
			out.Overdue++
		}
		out.Items = append(out.Items, c)
	}
	slices.SortFunc(out.Items, func(a, b Coordination) int {
		return cmp.Or(cmp.Compare(a.Due, b.Due), cmp.Compare(a.A.Title, b.A.Title), cmp.Compare(a.A.ID, b.A.ID), cmp.Compare(a.B.ID, b.B.ID))
	})
	out.Total = len(out.Items)
	return out
}

// handleCoordinations serves GET /api/v1/analysis/duplicates/coordinations?region=: the
// region's parallel offers under coordination (Laufende Abstimmungen), the earliest due date
// first, each with both offers, their providers and municipalities, and whether it is
// overdue. The public sees the public offers' coordinations without who started them and why.
func (s *Server) handleCoordinations(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "region"); err != nil {
		s.writeError(w, r, err)
		return
	}
	region := q.Get("region")
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	reviewers := within(acc.Internal, region)
	day := today()
	s.analyse(w, r, region, "coordinations|"+string(day), func(_ context.Context, snap *graph.Snapshot) (any, error) {
		return coordinations(snap, day, reviewers), nil
	})
}
