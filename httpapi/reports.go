package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"github.com/netzwerkatlas/netzwerkatlas/report"
	"github.com/netzwerkatlas/netzwerkatlas/statusreport"
)

// The Sachstandsbericht: the status report of the integration concept for a period, for the
// steering group and the Kreistag. It holds internal figures (the saved monitoring states,
// the open duplicate clusters), so like the snapshots it is for members of the region and
// above.

// registerReportRoutes adds the reports.
func (s *Server) registerReportRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/reports/status", s.handleStatusReport).Methods(http.MethodGet, http.MethodHead)
}

// maxReportBytes bounds a rendered report; a county's report is a few megabytes (the charts
// of a hundred indicators as images), so anything beyond this is a fault, not a report.
const maxReportBytes = 64 << 20

// handleStatusReport serves GET /api/v1/reports/status?region=&from=&to=&format=&lang=: the
// Sachstandsbericht of a region for the period from one saved snapshot or date to another
// (to: empty or today for the current state; from: empty for the newest saved snapshot before
// to), as html (print-ready, shown in the browser), pdf, docx or xlsx (downloads).
func (s *Server) handleStatusReport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := queryParams(q, "region", "from", "to", "format", "lang"); err != nil {
		s.writeError(w, r, err)
		return
	}
	region, format := q.Get("region"), strings.ToLower(q.Get("format"))
	if format == "" {
		format = report.FormatHTML
	}
	switch {
	case region == "":
		s.writeError(w, r, invalid("region", "is required"))
		return
	case report.ContentType(format) == "":
		s.writeError(w, r, invalid("format", "%q is not a report format; use %s", format, strings.Join(report.Formats, ", ")))
		return
	}
	lang := msg.Parse(q.Get("lang"), r.Header.Get("Accept-Language"))
	if l := q.Get("lang"); l != "" && l != "de" && l != "en" {
		s.writeError(w, r, invalid("lang", "%q is not a language of the service; use de or en", l))
		return
	}
	if err := s.requireMember(r, region); err != nil {
		s.writeError(w, r, err)
		return
	}
	doc, err := s.statusReport(r, region, q.Get("from"), q.Get("to"), lang)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.Write(&limitedBuffer{&buf, maxReportBytes}, doc, format); err != nil {
		s.writeError(w, r, err)
		return
	}
	name := fmt.Sprintf("Sachstandsbericht-%s-%s%s", region, time.Now().Format("2006-01-02"), report.FileExtension(format))
	disposition := "attachment"
	if format == report.FormatHTML {
		disposition = "inline"
	}
	w.Header().Set("Content-Type", report.ContentType(format))
	w.Header().Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disposition, name))
	w.Header().Set("Content-Length", fmt.Sprint(buf.Len()))
	w.Header().Set("Vary", "Accept-Language")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// limitedBuffer refuses writes beyond n bytes.
type limitedBuffer struct {
	buf *bytes.Buffer
	n   int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.buf.Len()+len(p) > b.n {
		return 0, &graph.Error{Code: graph.EINTERNAL, Message: "internal error", Err: fmt.Errorf("report larger than %d bytes", b.n)}
	}
	return b.buf.Write(p)
}

// statusReport gathers and lays out the report of a region for the period from–to.
func (s *Server) statusReport(r *http.Request, region, from, to string, lang msg.Lang) (*report.Document, error) {
	ctx := r.Context()
	now := time.Now().UTC()
	list, err := s.store.ListMonitoringSnapshots(ctx, region)
	if err != nil {
		return nil, err
	}
	// The end: the current state, or a saved one.
	var end statusreport.Stand
	toDay, live, err := reportDay(to, "to", now)
	if err != nil {
		return nil, err
	}
	if live {
		res, err := s.analysisResult(r, region, "monitor", func(_ context.Context, snap *graph.Snapshot) (any, error) {
			return analysis.Monitor(snap)
		})
		if err != nil {
			return nil, err
		}
		run := res.value.(*analysis.MonitoringRun)
		end = statusreport.Stand{Taken: run.Taken, Run: run}
		if end.Taken.IsZero() {
			end.Taken = now
		}
	} else if end, err = s.savedStand(r, region, to, toDay, "to", list, time.Time{}); err != nil {
		return nil, err
	} else if end.Run == nil {
		return nil, invalid("to", "no monitoring state of region %s was saved on or before %s; choose a later day or a saved snapshot", region, toDay.Format(time.DateOnly))
	}
	// The start: a saved state before the end (none: the report says so).
	var start statusreport.Stand
	fromDay := time.Time{}
	if from != "" {
		if fromDay, _, err = reportDay(from, "from", now); err != nil {
			return nil, err
		}
	}
	if start, err = s.savedStand(r, region, from, fromDay, "from", list, end.Taken); err != nil {
		return nil, err
	}
	if start.ID != "" && !start.Taken.Before(end.Taken) {
		return nil, invalid("from", "snapshot %s was taken on %s, not before the end of the period (%s)", start.ID,
			start.Taken.Format(time.DateOnly), end.Taken.Format(time.DateOnly))
	}

	snap, err := s.store.Snapshot(ctx, region)
	if err != nil {
		return nil, err
	}
	if len(snap.Regions) == 0 {
		return nil, graph.NotFound(graph.KindRegion, region)
	}
	att, err := analysis.ComputeAttainment(snap, analysis.AttainmentParams{Year: end.Taken.Year(), Lang: string(lang)})
	if err != nil {
		return nil, err
	}
	rep := statusreport.Build(statusreport.Input{Snapshot: snap, From: start, To: end, Attainment: att})
	return rep.Document(lang, now), nil
}

// reportDay reads from or to: a saved snapshot id (returned as zero day), a date, or empty.
// live reports that the value means the current state (empty or a day from today on).
func reportDay(v, field string, now time.Time) (day time.Time, live bool, err error) {
	switch {
	case v == "":
		return time.Time{}, field == "to", nil
	case graph.IsMonitoringSnapshotID(v):
		return time.Time{}, false, nil
	}
	d, perr := time.Parse(time.DateOnly, v)
	if perr != nil {
		return time.Time{}, false, invalid(field, "%q is neither a saved snapshot's id nor a date (YYYY-MM-DD)", v)
	}
	end := d.Add(24*time.Hour - time.Nanosecond)
	return end, field == "to" && !end.Before(now.Truncate(24*time.Hour)), nil
}

// savedStand resolves from or to to a saved state: the snapshot with that id, or the newest
// one taken on or before day (before `before` when it is set, for the start). A day without
// any saved state gives a Stand without Run, dated the day.
func (s *Server) savedStand(r *http.Request, region, v string, day time.Time, field string, list []*graph.MonitoringSnapshot, before time.Time) (statusreport.Stand, error) {
	if graph.IsMonitoringSnapshotID(v) {
		m, run, err := s.loadSnapshot(r, v, field)
		if err != nil {
			return statusreport.Stand{}, err
		}
		if m.Region != region {
			return statusreport.Stand{}, invalid(field, "snapshot %s belongs to region %s, not %s", v, m.Region, region)
		}
		return statusreport.Stand{ID: m.ID, Label: m.Label, Taken: m.Taken, Run: run}, nil
	}
	for _, m := range list { // newest first
		if (!day.IsZero() && m.Taken.After(day)) || (!before.IsZero() && !m.Taken.Before(before)) {
			continue
		}
		_, run, err := s.loadSnapshot(r, m.ID, field)
		if err != nil {
			return statusreport.Stand{}, err
		}
		return statusreport.Stand{ID: m.ID, Label: m.Label, Taken: m.Taken, Run: run}, nil
	}
	if day.IsZero() { // no start given and none saved: the report covers the end's year
		day = time.Date(before.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return statusreport.Stand{Taken: day}, nil
}
