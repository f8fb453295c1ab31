package storetest

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// newJob is an open import job of user.
func newJob(user string, at time.Time) *graph.Job {
	return &graph.Job{ID: graph.NewJobID(), Kind: "import", Owner: user, State: graph.JobRunning,
		Progress: graph.JobProgress{Phase: "reading", BytesTotal: 1000}, Params: map[string]string{"files": "massnahmen.csv"},
		CreatedAt: at, UpdatedAt: at}
}

// testJobs: a job record is created, read, updated and cancelled; an update never clears a
// cancellation, a cancellation never changes a finished job, and neither touches the
// revision or the audit log.
func testJobs(t *testing.T, f Factory) {
	s := open(t, f)
	seedCounty(t, s, regionA)
	rev := must[uint64](t)(s.Revision(ctx()))
	audit := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1}))

	now := time.Now().UTC().Truncate(time.Microsecond)
	j := newJob("anna", now)
	if err := s.CreateJob(ctx(), j); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.CreateJob(ctx(), j), graph.ECONFLICT)
	got := must[*graph.Job](t)(s.Job(ctx(), j.ID))
	if got.Owner != "anna" || got.State != graph.JobRunning || got.Progress.BytesTotal != 1000 || !got.CreatedAt.Equal(now) || got.Params["files"] != "massnahmen.csv" {
		t.Errorf("read back %+v", got)
	}

	j.Progress.BytesRead, j.Progress.RowsRead = 500, 40
	j.UpdatedAt = now.Add(time.Second)
	up := must[*graph.Job](t)(s.UpdateJob(ctx(), j))
	if up.CancelRequested || up.Progress.RowsRead != 40 {
		t.Errorf("update returned %+v", up)
	}
	c1 := must[*graph.Job](t)(s.CancelJob(ctx(), j.ID))
	if !c1.CancelRequested {
		t.Errorf("cancel returned %+v", c1)
	}
	// The running job's next report must not clear the cancellation, and tells it.
	j.Progress.RowsRead = 80
	up = must[*graph.Job](t)(s.UpdateJob(ctx(), j))
	if !up.CancelRequested || up.Progress.RowsRead != 80 {
		t.Errorf("update after cancel returned %+v", up)
	}
	if got := must[*graph.Job](t)(s.Job(ctx(), j.ID)); !got.CancelRequested || got.Progress.RowsRead != 80 {
		t.Errorf("after cancel and update: %+v", got)
	}

	// A finished job stays as it ended.
	done := newJob("bert", now)
	if err := s.CreateJob(ctx(), done); err != nil {
		t.Fatal(err)
	}
	fin := now.Add(2 * time.Second)
	done.State, done.FinishedAt, done.UpdatedAt, done.Status = graph.JobSucceeded, &fin, fin, 200
	done.Result = json.RawMessage(`{"rows":3}`)
	must[*graph.Job](t)(s.UpdateJob(ctx(), done))
	c2 := must[*graph.Job](t)(s.CancelJob(ctx(), done.ID))
	if c2.CancelRequested || c2.State != graph.JobSucceeded || string(c2.Result) != `{"rows":3}` || c2.Status != 200 {
		t.Errorf("cancel of a finished job returned %+v", c2)
	}

	wantCode(t, must2err(s.Job(ctx(), graph.NewJobID())), graph.ENOTFOUND)
	wantCode(t, must2err(s.Job(ctx(), "job_nonsense")), graph.ENOTFOUND)
	wantCode(t, must2err(s.CancelJob(ctx(), graph.NewJobID())), graph.ENOTFOUND)
	wantCode(t, must2err(s.UpdateJob(ctx(), newJob("x", now))), graph.ENOTFOUND)

	if r := must[uint64](t)(s.Revision(ctx())); r != rev {
		t.Errorf("revision %d → %d: job records must not change it", rev, r)
	}
	if a := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1})); len(a.Items) != 1 || a.Items[0].Seq != audit.Items[0].Seq {
		t.Errorf("newest audit entry %+v, was %+v: job records must not be audited", a.Items, audit.Items)
	}

	// Pruning removes what was not updated since the cut, and nothing else.
	n := must[int](t)(s.PruneJobs(ctx(), now.Add(1500*time.Millisecond)))
	if n != 1 {
		t.Errorf("pruned %d jobs, want 1 (the one last updated at +1 s)", n)
	}
	wantCode(t, must2err(s.Job(ctx(), j.ID)), graph.ENOTFOUND)
	must[*graph.Job](t)(s.Job(ctx(), done.ID))
}

// testJobsConcurrent: progress reports and cancellations racing on one job never lose the
// cancellation.
func testJobsConcurrent(t *testing.T, f Factory) {
	s := open(t, f)
	now := time.Now().UTC().Truncate(time.Microsecond)
	j := newJob("anna", now)
	if err := s.CreateJob(ctx(), j); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range 30 {
			k := *j
			k.Progress.RowsRead = int64(i)
			if _, err := s.UpdateJob(ctx(), &k); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		time.Sleep(time.Millisecond)
		if _, err := s.CancelJob(ctx(), j.ID); err != nil {
			t.Error(err)
		}
	}()
	wg.Wait()
	if got := must[*graph.Job](t)(s.Job(ctx(), j.ID)); !got.CancelRequested {
		t.Errorf("the cancellation was lost: %+v", got)
	}
}

// must2err keeps the error of a two-value call.
func must2err[T any](_ T, err error) error { return err }
