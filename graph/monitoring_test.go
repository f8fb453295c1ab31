package graph_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestPrepareMonitoringSnapshot: the store gets a copy with an id, the label trimmed, Taken in
// UTC microseconds (the clock's time when none is given) and the author from the context; the
// caller's value and its results stay as they are.
func TestPrepareMonitoringSnapshot(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 987654321, time.UTC)
	data := json.RawMessage(" {\"a\": [1, 2]} ")
	in := &graph.MonitoringSnapshot{Region: "05562", Label: " März ", Data: data}
	p, err := graph.PrepareMonitoringSnapshot(in, now, "erika")
	if err != nil {
		t.Fatal(err)
	}
	if !graph.IsMonitoringSnapshotID(p.ID) || p.Label != "März" || !p.Taken.Equal(now.Truncate(time.Microsecond)) ||
		p.CreatedBy != "erika" || !bytes.Equal(p.Data, data) {
		t.Fatalf("prepared %+v", p)
	}
	if in.ID != "" || in.Label != " März " || !in.Taken.IsZero() || in.CreatedBy != "" {
		t.Fatalf("the argument changed: %+v", in)
	}
	for _, id := range []string{"", "snp_", "snp_01jbzzzzzzzzzzzzzzzzzzzz", "msr_01JBZZZZZZZZZZZZZZZZZZZZZZ", "05562"} {
		if graph.IsMonitoringSnapshotID(id) {
			t.Errorf("%q taken for a monitoring snapshot id", id)
		}
	}
	if _, ok := graph.KindOfID(p.ID); ok {
		t.Errorf("monitoring snapshot id %s is taken for a node id", p.ID)
	}
}

// TestMonitoringAuditEntry: the entries say what happened in words and hold the snapshot
// without its results.
func TestMonitoringAuditEntry(t *testing.T) {
	m := &graph.MonitoringSnapshot{ID: graph.NewMonitoringSnapshotID(), Region: "05562", Label: "März",
		Taken: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Revision: 42, CreatedBy: "erika", Data: json.RawMessage(`{"secret":1}`)}
	at := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	save := graph.MonitoringAuditEntry(graph.ActionCreate, m, "max", at)
	del := graph.MonitoringAuditEntry(graph.ActionDelete, m, "max", at)
	for _, e := range []graph.AuditEntry{save, del} {
		if e.Kind != graph.AuditKindMonitoring || e.Entity != m.ID || e.Region != "05562" || e.User != "max" || !e.At.Equal(at) {
			t.Errorf("entry %+v", e)
		}
		if !strings.Contains(e.Summary, `"März"`) || !strings.Contains(e.Summary, "revision 42") {
			t.Errorf("summary %q", e.Summary)
		}
		if bytes.Contains(e.Before, []byte("secret")) || bytes.Contains(e.After, []byte("secret")) {
			t.Errorf("entry holds the results: %s %s", e.Before, e.After)
		}
	}
	if save.After == nil || save.Before != nil || del.Before == nil || del.After != nil {
		t.Errorf("save before/after %s/%s, delete %s/%s", save.Before, save.After, del.Before, del.After)
	}
	if !strings.HasPrefix(save.Summary, "saved ") || !strings.HasPrefix(del.Summary, "deleted ") {
		t.Errorf("summaries %q, %q", save.Summary, del.Summary)
	}
}
