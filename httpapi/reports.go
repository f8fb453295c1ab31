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

// maxConcurrentReports bounds the reports rendered at once: a PDF or DOCX of a county takes
// most of a core for a second (the charts' images) and a few tens of MB, so a burst of
// downloads waits its turn instead of starving the other requests; reportWait is how long a
// request waits for a turn before it is told to come back (503 with Retry-After).
const maxConcurrentReports = 2

var reportWait = 15 * time.Second

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
	lang, err := langParam(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if err := s.requireMember(r, region); err != nil {
		s.writeError(w, r, err)
		return
	}
	wait := time.NewTimer(reportWait)
	defer wait.Stop()
	select {
	case s.reports <- struct{}{}:
		defer func() { <-s.reports }()
	case <-wait.C:
		w.Header().Set("Retry-After", "10")
		s.writeError(w, r, &graph.Error{Code: graph.EUNAVAILABLE, Message: "other reports are being made right now; try again in a few seconds"})
		return
	case <-r.Context().Done():
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
	load := func(id string) (*graph.MonitoringSnapshot, *analysis.MonitoringRun, error) {
		return s.loadSnapshot(r, id, "from")
	}
	p, err := statusreport.ResolvePeriod(region, from, to, now, list, load)
	if err != nil {
		return nil, err
	}
	if p.Live {
		res, err := s.analysisResult(r, region, "monitor", func(_ context.Context, snap *graph.Snapshot) (any, error) {
			return analysis.Monitor(snap)
		})
		if err != nil {
			return nil, err
		}
		p.To.Run = res.value.(*analysis.MonitoringRun)
		if !p.To.Run.Taken.IsZero() {
			p.To.Taken = p.To.Run.Taken
		}
	}
	snap, err := s.store.Snapshot(ctx, region)
	if err != nil {
		return nil, err
	}
	if len(snap.Regions) == 0 {
		return nil, graph.NotFound(graph.KindRegion, region)
	}
	att, err := analysis.ComputeAttainment(snap, analysis.AttainmentParams{Year: p.To.Taken.Year(), Lang: string(lang)})
	if err != nil {
		return nil, err
	}
	rep := statusreport.Build(statusreport.Input{Snapshot: snap, From: p.From, To: p.To, Attainment: att})
	return rep.Document(lang, now), nil
}
