package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Monitoring snapshots are saved analysis runs of a region (analysis.MonitoringRun), for the
// steering group's next review. Coordinators save and delete them; members and above of the
// region read and compare them. They hold internal figures, so the public never sees them.

// registerSnapshotRoutes adds the monitoring snapshots.
func (s *Server) registerSnapshotRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/snapshots", s.handleSnapshotList).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/snapshots", s.handleSnapshotCreate).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/snapshots/compare", s.handleSnapshotCompare).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/snapshots/trend", s.handleSnapshotTrend).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/snapshots/{id}", s.handleSnapshotView).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/snapshots/{id}", s.handleSnapshotDelete).Methods(http.MethodDelete)
	r.HandleFunc(apiPrefix+"/snapshots/{id}", s.handleSnapshotRelabel).Methods(http.MethodPatch)
}

// SnapshotRequest is the body of POST /api/v1/snapshots.
type SnapshotRequest struct {
	// Region is the region key.
	Region string `json:"region"`
	// Label names the run, e.g. "Steuerungsgruppe März 2026".
	Label string `json:"label"`
}

// SnapshotView is a saved snapshot as the API shows it: Data only when one snapshot is read.
type SnapshotView struct {
	ID        string                  `json:"id"`
	Region    string                  `json:"region"`
	Label     string                  `json:"label"`
	Taken     time.Time               `json:"taken"`
	Revision  uint64                  `json:"revision"`
	CreatedBy string                  `json:"created_by"`
	Data      *analysis.MonitoringRun `json:"data,omitempty"`
}

func snapshotView(m *graph.MonitoringSnapshot) SnapshotView {
	return SnapshotView{ID: m.ID, Region: m.Region, Label: m.Label, Taken: m.Taken,
		Revision: m.Revision, CreatedBy: m.CreatedBy}
}

// SnapshotList is the answer of GET /api/v1/snapshots.
type SnapshotList struct {
	Items []SnapshotView `json:"items"`
	Total int            `json:"total"`
}

// canCoordinate reports whether the caller coordinates region (or is an admin).
func canCoordinate(p *principal, region string) bool {
	if p == nil {
		return false
	}
	return p.user.Admin || p.user.Roles[region].Rank() >= graph.RoleCoordinator.Rank()
}

// requireMember checks that the caller may read region's internal figures: members and
// above. Others learn nothing about the region's snapshots (404 for a region they cannot
// see at all, 403 or 401 otherwise).
func (s *Server) requireMember(r *http.Request, region string) error {
	acc, err := s.accessFor(r)
	if err != nil {
		return err
	}
	if !within(acc.Regions, region) {
		return graph.NotFound(graph.KindRegion, region)
	}
	if !within(acc.Internal, region) {
		if principalFrom(r.Context()) == nil {
			return &graph.Error{Code: graph.EUNAUTHORIZED, Message: "monitoring snapshots are for members of the region; sign in first"}
		}
		return &graph.Error{Code: graph.EFORBIDDEN, Message: "monitoring snapshots of region " + region + " are for its members, coordinators and admins"}
	}
	return nil
}

// handleSnapshotCreate serves POST /api/v1/snapshots {region, label}: runs the monitoring
// analyses of the region (coverage, gaps, duplicates, memberships, network figures, measure
// status) and saves them as a dated snapshot. Coordinators of the region and admins.
func (s *Server) handleSnapshotCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	var req SnapshotRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Region == "" {
		s.writeError(w, r, invalid("region", "is required"))
		return
	}
	if err := s.requireMember(r, req.Region); err != nil {
		s.writeError(w, r, err)
		return
	}
	if !canCoordinate(p, req.Region) {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "only coordinators of region " + req.Region + " save monitoring snapshots"})
		return
	}
	res, err := s.analysisResult(r, req.Region, "monitor", func(_ context.Context, snap *graph.Snapshot) (any, error) {
		return analysis.Monitor(snap)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	run := res.value.(*analysis.MonitoringRun)
	m := &graph.MonitoringSnapshot{Region: req.Region, Label: req.Label, Revision: run.Revision, CreatedBy: p.user.Username, Data: res.body}
	if err := s.store.SaveMonitoringSnapshot(r.Context(), m); err != nil {
		s.writeError(w, r, err)
		return
	}
	v := snapshotView(m)
	w.Header().Set("Location", apiPrefix+"/snapshots/"+m.ID)
	writeJSON(w, http.StatusCreated, v)
}

// handleSnapshotList serves GET /api/v1/snapshots?region=: the saved snapshots of a region,
// newest first, without their data. Without region: those of every region the caller is a
// member of.
func (s *Server) handleSnapshotList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "region"); err != nil {
		s.writeError(w, r, err)
		return
	}
	region := q.Get("region")
	if region != "" {
		if err := s.requireMember(r, region); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	acc, err := s.accessFor(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if region == "" && acc.Internal != nil && len(acc.Internal) == 0 {
		if principalFrom(r.Context()) == nil {
			s.writeError(w, r, &graph.Error{Code: graph.EUNAUTHORIZED, Message: "monitoring snapshots are for members of a region; sign in first"})
		} else {
			s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "monitoring snapshots are for members, coordinators and admins of a region"})
		}
		return
	}
	list, err := s.store.ListMonitoringSnapshots(r.Context(), region)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := SnapshotList{Items: []SnapshotView{}}
	for _, m := range list {
		if within(acc.Internal, m.Region) {
			out.Items = append(out.Items, snapshotView(m))
		}
	}
	out.Total = len(out.Items)
	writeJSON(w, http.StatusOK, out)
}

// loadSnapshot reads one snapshot the caller may read, with its run decoded. field names the
// parameter in errors.
func (s *Server) loadSnapshot(r *http.Request, id, field string) (*graph.MonitoringSnapshot, *analysis.MonitoringRun, error) {
	if id == "" {
		return nil, nil, invalid(field, "is required")
	}
	m, err := s.store.MonitoringSnapshot(r.Context(), id)
	if err != nil {
		if graph.ErrorCode(err) == graph.ENOTFOUND || graph.ErrorCode(err) == graph.EINVALID {
			return nil, nil, &graph.Error{Code: graph.ENOTFOUND, Message: "monitoring snapshot " + id + " does not exist"}
		}
		return nil, nil, err
	}
	if err := s.requireMember(r, m.Region); err != nil {
		if c := graph.ErrorCode(err); c == graph.EFORBIDDEN || c == graph.EUNAUTHORIZED {
			return nil, nil, err
		}
		return nil, nil, &graph.Error{Code: graph.ENOTFOUND, Message: "monitoring snapshot " + id + " does not exist"}
	}
	var run analysis.MonitoringRun
	if err := json.Unmarshal(m.Data, &run); err != nil {
		return nil, nil, &graph.Error{Code: graph.EINTERNAL, Message: "monitoring snapshot " + id + " holds data this version cannot read"}
	}
	return m, &run, nil
}

// handleSnapshotView serves GET /api/v1/snapshots/{id}: one saved snapshot with its figures.
func (s *Server) handleSnapshotView(w http.ResponseWriter, r *http.Request) {
	m, run, err := s.loadSnapshot(r, mux.Vars(r)["id"], "id")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	v := snapshotView(m)
	v.Data = run
	writeJSON(w, http.StatusOK, v)
}

// coordinatedSnapshot loads the snapshot the address names for a change only coordinators
// of its region (and admins) may make; forbidden is the refusal's format (with the region).
// It writes the error and returns nil when the caller may not.
func (s *Server) coordinatedSnapshot(w http.ResponseWriter, r *http.Request, p *principal, forbidden string) *graph.MonitoringSnapshot {
	m, _, err := s.loadSnapshot(r, mux.Vars(r)["id"], "id")
	if err != nil {
		s.writeError(w, r, err)
		return nil
	}
	if !canCoordinate(p, m.Region) {
		s.writeError(w, r, graph.Errorf(graph.EFORBIDDEN, forbidden, m.Region))
		return nil
	}
	return m
}

// handleSnapshotDelete serves DELETE /api/v1/snapshots/{id}: coordinators of the region and admins.
func (s *Server) handleSnapshotDelete(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	m := s.coordinatedSnapshot(w, r, p, "only coordinators of region %s delete monitoring snapshots")
	if m == nil {
		return
	}
	if err := s.store.DeleteMonitoringSnapshot(r.Context(), m.ID); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// SnapshotRelabel is the body of PATCH /api/v1/snapshots/{id}.
type SnapshotRelabel struct {
	// Label is the new label (empty for none).
	Label string `json:"label"`
}

// handleSnapshotRelabel serves PATCH /api/v1/snapshots/{id} {label}: gives a saved snapshot
// another label; coordinators of the region and admins. The results stay as they were.
func (s *Server) handleSnapshotRelabel(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	var req SnapshotRelabel
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	m := s.coordinatedSnapshot(w, r, p, "only coordinators of region %s relabel monitoring snapshots")
	if m == nil {
		return
	}
	head, err := s.store.RelabelMonitoringSnapshot(r.Context(), m.ID, req.Label)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, snapshotView(head))
}

// handleSnapshotCompare serves GET /api/v1/snapshots/compare?from=&to=: what changed between
// two snapshots of one region — gaps closed and opened, duplicates resolved and new,
// memberships gained and lost, measure status per field, headline figures.
func (s *Server) handleSnapshotCompare(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "from", "to"); err != nil {
		s.writeError(w, r, err)
		return
	}
	from, runFrom, err := s.loadSnapshot(r, q.Get("from"), "from")
	if err != nil {
		s.writeError(w, r, withField(err, "from"))
		return
	}
	to, runTo, err := s.loadSnapshot(r, q.Get("to"), "to")
	if err != nil {
		s.writeError(w, r, withField(err, "to"))
		return
	}
	if from.Region != to.Region {
		s.writeError(w, r, invalid("to", "belongs to region %s, but from to region %s; compare snapshots of one region", to.Region, from.Region))
		return
	}
	c := analysis.CompareRuns(runFrom, runTo, analysis.RunRef{ID: from.ID, Label: from.Label}, analysis.RunRef{ID: to.ID, Label: to.Label})
	writeJSON(w, http.StatusOK, c)
}

// withField names the parameter in a not-found error, so that the caller knows which of two
// ids is wrong; other errors pass unchanged.
func withField(err error, field string) error {
	var e *graph.Error
	if graph.ErrorCode(err) == graph.ENOTFOUND && errors.As(err, &e) {
		return &graph.Error{Code: graph.ENOTFOUND, Message: field + ": " + e.Message,
			Fields: slices.Concat(e.Fields, []graph.FieldError{{Field: field, Message: e.Message}})}
	}
	return err
}
