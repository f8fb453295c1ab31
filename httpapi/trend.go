package httpapi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// handleSnapshotTrend serves GET /api/v1/snapshots/trend?region=&snapshots=: the headline
// figures of a region's saved snapshots side by side, oldest first — every snapshot (the
// newest analysis.MaxTrendSnapshots; the older ones are counted as omitted), or the ones
// snapshots names (comma-separated ids, at most that many), for a comparison of any number
// of states. Members and above. The saved runs are read and decoded one at a time, so one
// request holds at most one run besides the figures.
func (s *Server) handleSnapshotTrend(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "region", "snapshots"); err != nil {
		s.writeError(w, r, err)
		return
	}
	region := q.Get("region")
	if region == "" {
		s.writeError(w, r, invalid("region", "is required"))
		return
	}
	if err := s.requireMember(r, region); err != nil {
		s.writeError(w, r, err)
		return
	}
	list, err := s.store.ListMonitoringSnapshots(r.Context(), region) // newest first
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	omitted := 0
	if _, named := q["snapshots"]; named {
		ids := []string{}
		for part := range strings.SplitSeq(q.Get("snapshots"), ",") {
			if id := strings.TrimSpace(part); id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		switch {
		case len(ids) == 0:
			s.writeError(w, r, invalid("snapshots", "names no snapshot; give snapshot ids separated by commas, or leave it out for all"))
			return
		case len(ids) > analysis.MaxTrendSnapshots:
			s.writeError(w, r, invalid("snapshots", "names %d snapshots; at most %d fit in one trend", len(ids), analysis.MaxTrendSnapshots))
			return
		}
		chosen := make([]*graph.MonitoringSnapshot, 0, len(ids))
		for _, id := range ids {
			i := slices.IndexFunc(list, func(m *graph.MonitoringSnapshot) bool { return m.ID == id })
			if i < 0 {
				const format = "monitoring snapshot %s of region %s does not exist"
				msg := fmt.Sprintf(format, id, region)
				s.writeError(w, r, &graph.Error{Code: graph.ENOTFOUND, Message: "snapshots: " + msg, Format: format, Args: []any{id, region},
					Fields: []graph.FieldError{{Field: "snapshots", Message: msg, Format: format, Args: []any{id, region}}}})
				return
			}
			chosen = append(chosen, list[i])
		}
		list = chosen
	} else if len(list) > analysis.MaxTrendSnapshots {
		omitted = len(list) - analysis.MaxTrendSnapshots
		list = list[:analysis.MaxTrendSnapshots]
	}
	slices.SortStableFunc(list, func(a, b *graph.MonitoringSnapshot) int {
		return cmp.Or(a.Taken.Compare(b.Taken), cmp.Compare(a.ID, b.ID))
	})
	b := analysis.NewTrendBuilder(region, omitted)
	for _, head := range list {
		m, err := s.store.MonitoringSnapshot(r.Context(), head.ID)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		var run analysis.MonitoringRun
		if err := json.Unmarshal(m.Data, &run); err != nil {
			s.writeError(w, r, &graph.Error{Code: graph.EINTERNAL, Message: "monitoring snapshot " + m.ID + " holds data this version cannot read"})
			return
		}
		b.Add(analysis.RunRef{ID: m.ID, Label: m.Label}, &run)
	}
	writeJSON(w, http.StatusOK, b.Trend())
}
