package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/oklog/ulid/v2"
)

// MonitoringSnapshot is a saved analysis run of one region: the figures a steering group
// compares at its next review. The store keeps Data as it is; package analysis gives it meaning.
type MonitoringSnapshot struct {
	// ID identifies the snapshot: "snp_" and a time-sortable ULID (NewMonitoringSnapshotID).
	ID string `json:"id"`
	// Region is the key (5 digits) of the region the run analysed.
	Region string `json:"region"`
	// Label names the run for people, e.g. "Steuerungsgruppe März 2026"; at most MaxName
	// characters, may be empty.
	Label string `json:"label"`
	// Taken is when the run was made (UTC).
	Taken time.Time `json:"taken"`
	// Revision is the store revision the run saw.
	Revision uint64 `json:"revision"`
	// CreatedBy is the user who saved the run (or "cli").
	CreatedBy string `json:"created_by"`
	// Data holds the analysis results, a JSON object of at most MaxMonitoringData bytes, kept
	// byte for byte. Lists leave it out.
	Data json.RawMessage `json:"data,omitempty"`
}

// MonitoringStore keeps monitoring snapshots. They are records beside the graph, not part of
// it: saving or deleting one does not change the store's revision, so analysis results cached
// by revision stay valid. Each save and delete is written to the audit log (see
// MonitoringAuditEntry). A region that has snapshots cannot be deleted (ECONFLICT) until they
// are deleted, so every snapshot's region exists.
type MonitoringStore interface {
	// SaveMonitoringSnapshot stores m after PrepareMonitoringSnapshot; on success m holds
	// what was stored (ID assigned when it was empty, Taken in UTC, CreatedBy filled in).
	// An existing id is ECONFLICT naming "id"; a region that does not exist is ENOTFOUND
	// naming "region". The snapshot is durable when the call returns.
	SaveMonitoringSnapshot(ctx context.Context, m *MonitoringSnapshot) error
	// MonitoringSnapshot returns the snapshot with its Data, or ENOTFOUND.
	MonitoringSnapshot(ctx context.Context, id string) (*MonitoringSnapshot, error)
	// ListMonitoringSnapshots returns the snapshots of a region ("" for all regions) without
	// their Data, newest Taken first (ties by id, newest first). A malformed region key is
	// EINVALID naming "region"; a region without snapshots gives an empty list.
	ListMonitoringSnapshots(ctx context.Context, region string) ([]*MonitoringSnapshot, error)
	// DeleteMonitoringSnapshot removes a snapshot, or returns ENOTFOUND.
	DeleteMonitoringSnapshot(ctx context.Context, id string) error
	// RelabelMonitoringSnapshot gives a snapshot another label (trimmed, at most MaxName
	// characters; empty for none) and returns its head, or ENOTFOUND. The audit log records
	// the head before and after (MonitoringRelabelAuditEntry); the results do not change.
	RelabelMonitoringSnapshot(ctx context.Context, id, label string) (*MonitoringSnapshot, error)
}

// CheckMonitoringLabel trims a new label and checks its length (EINVALID naming "label").
func CheckMonitoringLabel(label string) (string, error) {
	trim(&label)
	var p problems
	p.maxLen("label", label, MaxName)
	return label, p.err("monitoring snapshot")
}

// MonitoringRelabelAuditEntry returns the audit entry of a relabelling by user at time at:
// the head before and after.
func MonitoringRelabelAuditEntry(before, after *MonitoringSnapshot, user string, at time.Time) AuditEntry {
	e := AuditEntry{At: at, User: user, Action: ActionUpdate, Kind: AuditKindMonitoring, Entity: before.ID, Region: before.Region,
		Before: mustJSON(before.Head()), After: mustJSON(after.Head())}
	taken := before.Taken.UTC().Format("2006-01-02 15:04 UTC")
	e.Summary = fmt.Sprintf("relabelled monitoring snapshot of region %s, taken %s, from %q to %q", before.Region, taken, before.Label, after.Label)
	e.Message = &Message{Key: "audit.snapshot.relabelled", Args: map[string]any{"region": before.Region, "taken": taken, "from": before.Label, "to": after.Label}}
	return e
}

// MaxMonitoringData bounds the Data of one monitoring snapshot, in bytes (32 MiB).
const MaxMonitoringData = 32 << 20

// AuditKindMonitoring is the Kind of the audit entries about monitoring snapshots.
const AuditKindMonitoring = "monitoring_snapshot"

// monitoringPrefix starts every monitoring snapshot id.
const monitoringPrefix = "snp_"

// NewMonitoringSnapshotID returns a fresh, time-sortable monitoring snapshot id ("snp_01J…").
func NewMonitoringSnapshotID() string { return monitoringPrefix + ulid.Make().String() }

// IsMonitoringSnapshotID reports whether id has the form of a monitoring snapshot id.
func IsMonitoringSnapshotID(id string) bool {
	rest, ok := strings.CutPrefix(id, monitoringPrefix)
	return ok && validULID(rest)
}

// Validate checks the fields a store relies on. An empty ID, a zero Taken and an empty
// CreatedBy are accepted: PrepareMonitoringSnapshot fills them in.
func (m *MonitoringSnapshot) Validate() error {
	var p problems
	if m.ID != "" && !IsMonitoringSnapshotID(m.ID) {
		p.add("id", "%s is not a monitoring snapshot id (snp_ followed by a ULID); leave it empty to get a new one", quote(m.ID))
	}
	p.regionKey("region", m.Region, true)
	p.maxLen("label", m.Label, MaxName)
	if y := m.Taken.Year(); y < 1 || y > 9999 {
		p.add("taken", "must lie between the years 1 and 9999")
	}
	if m.Revision > math.MaxInt64 {
		p.add("revision", "is larger than %d", int64(math.MaxInt64))
	}
	p.maxLen("created_by", m.CreatedBy, MaxShort)
	switch d := m.Data; {
	case len(bytes.TrimSpace(d)) == 0:
		p.add("data", "is required: the analysis results as a JSON object")
	case len(d) > MaxMonitoringData:
		p.add("data", "has %d bytes; at most %d (32 MiB) are allowed", len(d), MaxMonitoringData)
	case !utf8.Valid(d):
		p.add("data", "is not valid UTF-8")
	case !json.Valid(d):
		p.add("data", "is not valid JSON")
	case bytes.TrimLeft(d, " \t\r\n")[0] != '{':
		p.add("data", "must be a JSON object ({…})")
	}
	return p.err("monitoring snapshot")
}

// Head returns a copy of m without its Data, as lists return it.
func (m *MonitoringSnapshot) Head() *MonitoringSnapshot {
	c := *m
	c.Data = nil
	return &c
}

// PrepareMonitoringSnapshot validates m and returns the copy a store saves: a new id when m
// has none, the label trimmed, Taken in UTC to the microsecond (now when zero), and CreatedBy
// set to user when empty. The copy shares m's Data. Both stores call it, so they store the
// same thing.
func PrepareMonitoringSnapshot(m *MonitoringSnapshot, now time.Time, user string) (*MonitoringSnapshot, error) {
	if m == nil {
		return nil, Errorf(EINVALID, "no monitoring snapshot given")
	}
	c := *m
	trim(&c.Label)
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.ID == "" {
		c.ID = NewMonitoringSnapshotID()
	}
	if c.Taken.IsZero() {
		c.Taken = now
	}
	c.Taken = c.Taken.UTC().Truncate(time.Microsecond)
	if c.CreatedBy == "" {
		c.CreatedBy = user
	}
	return &c, nil
}

// MonitoringAuditEntry returns the audit entry a store writes when user saves (ActionCreate)
// or deletes (ActionDelete) the snapshot m at time at. It holds the snapshot without its Data
// (After on create, Before on delete): the results are large, they are in the snapshot itself,
// and they are derived from the graph, whose changes the audit log has already recorded.
// The store numbers the entry (Seq).
func MonitoringAuditEntry(action string, m *MonitoringSnapshot, user string, at time.Time) AuditEntry {
	head := mustJSON(m.Head())
	e := AuditEntry{At: at, User: user, Action: action, Kind: AuditKindMonitoring, Entity: m.ID, Region: m.Region}
	label := ""
	if m.Label != "" {
		label = fmt.Sprintf(" %q", m.Label)
	}
	what := fmt.Sprintf("monitoring snapshot%s of region %s, taken %s at revision %d",
		label, m.Region, m.Taken.UTC().Format(time.RFC3339), m.Revision)
	args := map[string]any{"label": m.Label, "region": m.Region, "taken": m.Taken.UTC().Format("2006-01-02 15:04 UTC"),
		"revision": strconv.FormatUint(m.Revision, 10), "bytes": len(m.Data)}
	key := "audit.snapshot."
	if action == ActionDelete {
		e.Before = head
		e.Summary = "deleted " + what
		key += "deleted"
	} else {
		e.After = head
		e.Summary = fmt.Sprintf("saved %s (%d bytes of results)", what, len(m.Data))
		key += "saved"
	}
	if m.Label == "" {
		key += "_unnamed"
	}
	e.Message = &Message{Key: key, Args: args}
	return e
}

// MonitoringSnapshotExists is the ECONFLICT error for saving a snapshot whose id is taken.
func MonitoringSnapshotExists(id string) error {
	return &Error{Code: ECONFLICT, Message: "monitoring snapshot " + quote(id) + " already exists",
		Fields: []FieldError{{Field: "id", Message: "already exists"}}}
}

// MonitoringSnapshotNotFound is the ENOTFOUND error for a snapshot that does not exist.
func MonitoringSnapshotNotFound(id string) error {
	return &Error{Code: ENOTFOUND, Message: "monitoring snapshot " + quote(id) + " does not exist"}
}

// MonitoringRegionNotFound is the ENOTFOUND error for saving a snapshot of a region that
// does not exist.
func MonitoringRegionNotFound(region string) error {
	return &Error{Code: ENOTFOUND, Message: "region " + quote(region) + " does not exist",
		Fields: []FieldError{{Field: "region", Message: "region " + quote(region) + " does not exist"}}}
}

// CheckMonitoringRegion checks the region argument of ListMonitoringSnapshots: "" or a
// region key.
func CheckMonitoringRegion(region string) error {
	var p problems
	p.regionKey("region", region, false)
	return p.err("monitoring snapshot query")
}

// SortMonitoringSnapshots orders snapshots newest Taken first, ties by id, newest first.
func SortMonitoringSnapshots(ms []*MonitoringSnapshot) {
	slices.SortFunc(ms, func(a, b *MonitoringSnapshot) int {
		if c := b.Taken.Compare(a.Taken); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
}
