package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Imports of files from syncImportLimit on run as jobs: POST /api/v1/import answers 202 with
// the job's address at once, and the caller follows the job's progress there. An import
// holds its whole batch in memory until it is written, so one instance runs one import job
// at a time (maxRunningJobs) and lets a few wait (maxQueuedJobs); beyond that it answers 503
// with Retry-After. The job's record lives in the store (graph.JobStore): any instance can
// report it, and a cancellation sent to any instance reaches the one that runs it through the
// record, which the job reads back each time it reports progress.
const (
	syncImportLimit = 1 << 20
	maxRunningJobs  = 1
	maxQueuedJobs   = 4
	// jobReportEvery is how often a running job writes its progress (and learns of a
	// cancellation); graph.JobHeartbeat bounds it from above.
	jobReportEvery = 500 * time.Millisecond
)

// jobRunner runs this instance's import jobs.
type jobRunner struct {
	ctx    context.Context // ends when the server closes
	cancel context.CancelFunc
	slots  chan struct{} // one token per running job
	wg     sync.WaitGroup

	mu      sync.Mutex
	waiting int // jobs created and not yet finished on this instance
	// instance names this process in job records (host and process id).
	instance string
}

func newJobRunner() *jobRunner {
	ctx, cancel := context.WithCancel(context.Background())
	host, _ := os.Hostname()
	return &jobRunner{ctx: ctx, cancel: cancel, slots: make(chan struct{}, maxRunningJobs),
		instance: fmt.Sprintf("%s/%d", host, os.Getpid())}
}

// admit reserves a place for a new job, or reports that the instance is full.
func (jr *jobRunner) admit() bool {
	jr.mu.Lock()
	defer jr.mu.Unlock()
	if jr.waiting >= maxRunningJobs+maxQueuedJobs {
		return false
	}
	jr.waiting++
	jr.wg.Add(1)
	return true
}

func (jr *jobRunner) leave() {
	jr.mu.Lock()
	jr.waiting--
	jr.mu.Unlock()
	jr.wg.Done()
}

// Close cancels the jobs that run on this instance and waits until each has recorded how it
// ended (at most wait). Cancelled jobs write nothing.
func (s *Server) Close(wait time.Duration) {
	s.jobs.cancel()
	done := make(chan struct{})
	go func() { s.jobs.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(wait):
	}
}

// registerJobRoutes adds the routes that report and cancel import jobs.
func (s *Server) registerJobRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/import/jobs/{id}", s.handleJobView).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc(apiPrefix+"/import/jobs/{id}/cancel", s.handleJobCancel).Methods(http.MethodPost)
}

// jobView is a job as GET /api/v1/import/jobs/{id} shows it.
type jobView struct {
	ID              string            `json:"id"`
	Kind            string            `json:"kind"`
	State           graph.JobState    `json:"state"`
	Progress        graph.JobProgress `json:"progress"`
	CancelRequested bool              `json:"cancel_requested"`
	Params          map[string]string `json:"params,omitempty"`
	// Status is the HTTP status the import's answer would have had without a job (200; 400 or
	// 403 when rows had problems and nothing was written), once it ended.
	Status int `json:"status,omitempty"`
	// Report is the finished import's report, the same as POST /api/v1/import answers
	// without a job: counts, and every problem by file, sheet, row and column.
	Report json.RawMessage `json:"report,omitempty"`
	// Problem says why a failed job failed, or why a finished import wrote nothing (a problem
	// document, as the import would have answered).
	Problem   json.RawMessage `json:"problem,omitempty"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
	// FinishedAt is when the job ended.
	FinishedAt *time.Time `json:"finished_at,omitempty"`
}

// jobAnswer is what a finished job keeps per language: its report or its problem.
type jobAnswer map[msg.Lang]json.RawMessage

// viewJob renders j for a reader of lang. A running job whose record was not written for
// graph.JobStale lost its instance: it is shown as failed.
func viewJob(j *graph.Job, lang msg.Lang, now time.Time) jobView {
	v := jobView{ID: j.ID, Kind: j.Kind, State: j.State, Progress: j.Progress, CancelRequested: j.CancelRequested,
		Params: j.Params, Status: j.Status, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt, FinishedAt: j.FinishedAt}
	pick := func(raw json.RawMessage) json.RawMessage {
		var a jobAnswer
		if len(raw) == 0 || json.Unmarshal(raw, &a) != nil {
			return nil
		}
		if m, ok := a[lang]; ok {
			return m
		}
		return a[msg.DE]
	}
	v.Report, v.Problem = pick(j.Result), pick(j.Error)
	if !j.State.Final() && now.Sub(j.UpdatedAt) > graph.JobStale {
		v.State = graph.JobFailed
		v.Status = http.StatusServiceUnavailable
		p := problem{Type: problemType(graph.EUNAVAILABLE), Title: http.StatusText(http.StatusServiceUnavailable),
			Status: http.StatusServiceUnavailable, Detail: msg.For(lang).Literal(jobLostMessage)}
		v.Problem, _ = json.Marshal(p)
	}
	return v
}

// jobLostMessage says that the instance running a job stopped; nothing was written.
const jobLostMessage = "the service stopped while the import ran; nothing was written — start the import again"

// ownJob reads the job named in the path if the caller may see it (its owner or an admin);
// another user's job is not found, so that ids cannot be probed.
func (s *Server) ownJob(w http.ResponseWriter, r *http.Request) (*graph.Job, bool) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return nil, false
	}
	id := mux.Vars(r)["id"]
	j, err := s.store.Job(r.Context(), id)
	if err == nil && j.Owner != p.user.Username && !p.user.Admin {
		err = graph.JobNotFound(id)
	}
	if err != nil {
		s.writeError(w, r, err)
		return nil, false
	}
	return j, true
}

// handleJobView serves GET /api/v1/import/jobs/{id}: the job's state and progress, and once it
// ended its report (or why it failed). Only the user who started it and admins see it.
func (s *Server) handleJobView(w http.ResponseWriter, r *http.Request) {
	j, ok := s.ownJob(w, r)
	if !ok {
		return
	}
	v := viewJob(j, readerLang(r), time.Now())
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Vary", "Accept-Language")
	if !v.State.Final() {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, http.StatusOK, v)
}

// handleJobCancel serves POST /api/v1/import/jobs/{id}/cancel: the job stops at its next
// check and writes nothing. 202 while it stops; 409 when it has ended already.
func (s *Server) handleJobCancel(w http.ResponseWriter, r *http.Request) {
	j, ok := s.ownJob(w, r)
	if !ok {
		return
	}
	j, err := s.store.CancelJob(r.Context(), j.ID)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if j.State.Final() {
		s.writeError(w, r, graph.Errorf(graph.ECONFLICT, "the import has ended already (%s)", j.State))
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusAccepted, viewJob(j, readerLang(r), time.Now()))
}

// importRequest is what an import job needs of the request that started it.
type importRequest struct {
	dir    string // temporary folder of the uploaded files; removed when the job ends
	inputs []exchange.Input
	opt    exchange.Options
	lang   msg.Lang
	path   string
	reqID  string
}

// startImportJob records a job for the import, answers 202 with its address and runs it in
// the background. It owns req.dir from here on.
func (s *Server) startImportJob(w http.ResponseWriter, r *http.Request, p *principal, req importRequest) {
	if !s.jobs.admit() {
		os.RemoveAll(req.dir)
		w.Header().Set("Retry-After", "30")
		s.writeError(w, r, &graph.Error{Code: graph.EUNAVAILABLE, Message: "too many imports are running or waiting; try again in a minute"})
		return
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	var names []string
	for _, in := range req.inputs {
		names = append(names, in.Name)
	}
	var total int64
	for _, in := range req.inputs {
		if fi, err := os.Stat(in.Path); err == nil {
			total += fi.Size()
		}
	}
	j := &graph.Job{ID: graph.NewJobID(), Kind: "import", Owner: p.user.Username, Instance: s.jobs.instance, State: graph.JobQueued,
		Progress: graph.JobProgress{Phase: exchange.PhaseReading, BytesTotal: total},
		Params: map[string]string{"files": strings.Join(names, ", "), "dry_run": strconv.FormatBool(req.opt.DryRun),
			"region": req.opt.Region},
		CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateJob(r.Context(), j); err != nil {
		s.jobs.leave()
		os.RemoveAll(req.dir)
		s.writeError(w, r, err)
		return
	}
	// Finished jobs of the last JobRetention are kept; older records go now and then.
	if _, err := s.store.PruneJobs(r.Context(), now.Add(-graph.JobRetention)); err != nil {
		s.log.Warn().Err(err).Msg("pruning old job records failed")
	}
	v := viewJob(j, req.lang, now)
	go s.runImportJob(j, graph.UserFrom(r.Context()), req)
	w.Header().Set("Location", apiPrefix+"/import/jobs/"+j.ID)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusAccepted, v)
}

// runImportJob waits for a free slot, runs the import, and records its progress and end.
func (s *Server) runImportJob(j *graph.Job, user string, req importRequest) {
	defer s.jobs.leave()
	defer os.RemoveAll(req.dir)
	ctx, cancel := context.WithCancel(s.jobs.ctx)
	defer cancel()
	// The writes are made as the user who started the job (audit), within the server's life.
	ctx = graph.WithUser(ctx, user)
	// Records are written with their own context: a cancelled job must still record its end.
	rec := context.Background()

	var mu sync.Mutex
	progress := j.Progress
	report := func(state graph.JobState) bool {
		mu.Lock()
		j.Progress = progress
		mu.Unlock()
		j.State = state
		j.UpdatedAt = time.Now().UTC().Truncate(time.Microsecond)
		got, err := s.store.UpdateJob(rec, j)
		if err != nil {
			s.log.Warn().Err(err).Str("job", j.ID).Msg("recording the job's progress failed")
			return false
		}
		return got.CancelRequested
	}
	finish := func(state graph.JobState, status int, result, problemDoc jobAnswer) {
		mu.Lock()
		if state == graph.JobSucceeded {
			progress.Phase = exchange.PhaseDone
		}
		mu.Unlock()
		now := time.Now().UTC().Truncate(time.Microsecond)
		j.FinishedAt, j.Status = &now, status
		if result != nil {
			j.Result, _ = json.Marshal(result)
		}
		if problemDoc != nil {
			j.Error, _ = json.Marshal(problemDoc)
		}
		report(state)
	}

	// Wait for a slot, keeping the record alive and watching for a cancellation.
	tick := time.NewTicker(jobReportEvery)
	defer tick.Stop()
wait:
	for {
		select {
		case s.jobs.slots <- struct{}{}:
			break wait
		case <-ctx.Done():
			finish(graph.JobCancelled, 0, nil, s.jobProblem(req, graph.Errorf(graph.EUNAVAILABLE, "the service stopped before the import began; nothing was written")))
			return
		case <-tick.C:
			if report(graph.JobQueued) {
				finish(graph.JobCancelled, 0, nil, nil)
				return
			}
		}
	}
	defer func() { <-s.jobs.slots }()
	if report(graph.JobRunning) {
		finish(graph.JobCancelled, 0, nil, nil)
		return
	}

	// The import reports its steps; a ticker writes them to the record and passes on a
	// cancellation found there.
	opt := req.opt
	opt.Step = func(st exchange.Step) {
		mu.Lock()
		progress.Phase, progress.BytesRead, progress.BytesTotal = st.Phase, st.BytesRead, st.BytesTotal
		progress.RowsRead, progress.RowsValid = st.RowsRead, st.RowsValid
		mu.Unlock()
	}
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if report(graph.JobRunning) {
					cancel()
				}
			}
		}
	}()
	rep, err := exchange.Import(ctx, s.store, req.inputs, opt)
	close(stop)
	<-watched

	switch {
	case err != nil && (errors.Is(err, context.Canceled) || graph.ErrorCode(err) == graph.EUNAVAILABLE && ctx.Err() != nil):
		var p jobAnswer
		if s.jobs.ctx.Err() != nil {
			p = s.jobProblem(req, graph.Errorf(graph.EUNAVAILABLE, "the service stopped while the import ran; nothing was written — start the import again"))
		}
		finish(graph.JobCancelled, 0, nil, p)
	case err != nil:
		p := s.jobProblem(req, importFileError(err))
		var doc problem
		_ = json.Unmarshal(p[msg.DE], &doc)
		finish(graph.JobFailed, doc.Status, nil, p)
	default:
		if rep.Written {
			mu.Lock()
			progress.RowsWritten = int64(rep.Rows)
			mu.Unlock()
		}
		status, reports, problems := importJobAnswers(rep, req.opt.DryRun, req.path, req.reqID)
		finish(graph.JobSucceeded, status, reports, problems)
	}
}

// jobProblem renders err as the problem document of a failed job, in German and English.
func (s *Server) jobProblem(req importRequest, err error) jobAnswer {
	out := jobAnswer{}
	for _, lang := range []msg.Lang{msg.DE, msg.EN} {
		p := s.problemOf(err, lang, req.path, req.reqID)
		out[lang], _ = json.Marshal(p)
	}
	return out
}

// importJobAnswers is what a finished import job keeps in German and English: its report and,
// when rows were wrong and nothing was written, the problem the import would have answered
// (without the report beside it). English first: the report is written in English, and
// localising it into German replaces its sentences.
func importJobAnswers(rep *exchange.Report, dry bool, path, reqID string) (int, jobAnswer, jobAnswer) {
	status := importStatus(rep, dry)
	reports := jobAnswer{}
	var problems jobAnswer
	for _, lang := range []msg.Lang{msg.EN, msg.DE} {
		_, body := importAnswer(rep, dry, lang, path, reqID)
		reports[lang], _ = json.Marshal(rep)
		if p, ok := body.(ImportProblem); ok {
			p.Report = nil
			if problems == nil {
				problems = jobAnswer{}
			}
			problems[lang], _ = json.Marshal(p)
		}
	}
	return status, reports, problems
}
