package graph

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// A job is long work a caller follows by its id instead of waiting on one request: an import
// of a large file. The job's record is kept in the store, beside the graph, so that any of
// several instances behind a load balancer can report it and pass on a cancellation to the
// instance that runs it. A job's record is operational: writing it changes neither the
// store's revision nor the audit log.

// JobState is where a job stands.
type JobState string

// The states of a job. Queued and running are open; the others are final.
const (
	// JobQueued waits for a free worker.
	JobQueued JobState = "queued"
	// JobRunning is being worked on.
	JobRunning JobState = "running"
	// JobSucceeded ended with its result (for an import: its report, whether or not the rows
	// had problems).
	JobSucceeded JobState = "succeeded"
	// JobFailed ended with an error and wrote nothing.
	JobFailed JobState = "failed"
	// JobCancelled was cancelled and wrote nothing.
	JobCancelled JobState = "cancelled"
)

// Final reports whether the state is an end state.
func (s JobState) Final() bool { return s == JobSucceeded || s == JobFailed || s == JobCancelled }

// JobProgress counts what a job has done so far.
type JobProgress struct {
	// Phase is what the job does now: reading, validating, writing or done.
	Phase string `json:"phase"`
	// BytesRead and BytesTotal measure the reading of the files.
	BytesRead  int64 `json:"bytes_read"`
	BytesTotal int64 `json:"bytes_total"`
	// RowsRead counts the rows read so far; RowsValid those of them without a problem.
	RowsRead  int64 `json:"rows_read"`
	RowsValid int64 `json:"rows_valid"`
	// RowsWritten counts the rows whose changes are stored (all of them at the end of a
	// successful import, none before or otherwise: an import is all or nothing).
	RowsWritten int64 `json:"rows_written"`
}

// Job is the record of one job.
type Job struct {
	// ID identifies the job: "job_" and a time-sortable ULID.
	ID string `json:"id"`
	// Kind says what the job does, e.g. "import".
	Kind string `json:"kind"`
	// Owner is the username of the user who started it; only they and admins may see it.
	Owner string `json:"owner"`
	// Instance names the process that runs the job (host and process id), for operators.
	Instance string `json:"instance,omitempty"`
	// State is where the job stands.
	State JobState `json:"state"`
	// Progress counts what is done.
	Progress JobProgress `json:"progress"`
	// CancelRequested is set by a request to cancel; the job stops at its next check.
	CancelRequested bool `json:"cancel_requested"`
	// Params describes the request (file names, dry run, region), for the job's reader.
	Params map[string]string `json:"params,omitempty"`
	// Status is the HTTP status the finished job's answer has (200, 400, 403, …).
	Status int `json:"status,omitempty"`
	// Result is the finished job's answer (for an import: its report) as JSON.
	Result json.RawMessage `json:"result,omitempty"`
	// Error says why a failed job failed (a problem document as JSON).
	Error json.RawMessage `json:"error,omitempty"`
	// CreatedAt, UpdatedAt and FinishedAt are when the job was started, last reported and
	// ended; UpdatedAt advances at least every JobHeartbeat while the job runs.
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
}

// JobHeartbeat is how often a running job writes its record at least. A job whose record is
// older than JobStale lost its instance (stopped or crashed) and is reported as failed.
const (
	JobHeartbeat = 2 * time.Second
	JobStale     = time.Minute
)

// JobRetention is how long finished jobs are kept before PruneJobs removes them.
const JobRetention = 7 * 24 * time.Hour

// JobStore keeps the records of jobs.
type JobStore interface {
	// CreateJob stores a new job record.
	CreateJob(ctx context.Context, j *Job) error
	// UpdateJob replaces the record of a job with j, except CancelRequested, which only
	// CancelJob sets; it returns the stored record, so the job learns of a cancellation.
	// ENOTFOUND when there is no such job.
	UpdateJob(ctx context.Context, j *Job) (*Job, error)
	// Job returns a job's record, or ENOTFOUND.
	Job(ctx context.Context, id string) (*Job, error)
	// CancelJob marks an open job as to be cancelled and returns its record (unchanged when
	// it has ended); ENOTFOUND when there is no such job.
	CancelJob(ctx context.Context, id string) (*Job, error)
	// PruneJobs removes the records of jobs not updated since before and returns how many.
	PruneJobs(ctx context.Context, before time.Time) (int, error)
}

// NewJobID returns a new job id.
func NewJobID() string { return "job_" + ulid.Make().String() }

// IsJobID reports whether id has the form of a job id.
func IsJobID(id string) bool {
	if !strings.HasPrefix(id, "job_") {
		return false
	}
	_, err := ulid.ParseStrict(id[len("job_"):])
	return err == nil
}

// JobNotFound is the error for an unknown job.
func JobNotFound(id string) error {
	return Errorf(ENOTFOUND, "there is no job %s", id)
}

// EncodeJob and DecodeJob turn a job record into the JSON the stores keep and back.
func EncodeJob(j *Job) ([]byte, error) { return json.Marshal(j) }

// DecodeJob reads a record written by EncodeJob.
func DecodeJob(raw []byte) (*Job, error) {
	var j Job
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, &Error{Code: EINTERNAL, Message: "internal error", Err: err}
	}
	return &j, nil
}
