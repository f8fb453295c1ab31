package neo4j

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestMonitoringProps: a monitoring snapshot is stored with the property types Neo4j holds
// (DATETIME, INTEGER, the results as the very text that was saved), and its head reads back
// unchanged from the map projection the list and get statements return.
func TestMonitoringProps(t *testing.T) {
	m := &graph.MonitoringSnapshot{ID: graph.NewMonitoringSnapshotID(), Region: "05562", Label: "März",
		Taken: time.Date(2026, 3, 1, 9, 0, 0, 123456000, time.UTC), Revision: 1 << 40, CreatedBy: "erika",
		Data: json.RawMessage("{ \"gaps\": [\"<a>\"] }\n")}
	p := monitoringProps(m)
	if _, ok := p["taken"].(time.Time); !ok {
		t.Errorf("taken is %T, want time.Time (DATETIME)", p["taken"])
	}
	if p["revision"] != int64(1<<40) || p["data"] != string(m.Data) {
		t.Errorf("revision %v, data %q", p["revision"], p["data"])
	}
	head := map[string]any{}
	for k, v := range p {
		if k != "data" {
			head[k] = v
		}
	}
	// Neo4j returns DATETIMEs in the zone they were written with.
	head["taken"] = m.Taken.In(time.FixedZone("", 0))
	got, err := monitoringHead(&neo4j.Record{Keys: []string{"props"}, Values: []any{head}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Head(), got); diff != "" {
		t.Errorf("head read back (-want +got):\n%s", diff)
	}
	if got.Taken.Location() != time.UTC {
		t.Errorf("taken read back in %v, want UTC", got.Taken.Location())
	}
	delete(head, "revision")
	if _, err := monitoringHead(&neo4j.Record{Keys: []string{"props"}, Values: []any{head}}); err == nil {
		t.Error("a head without revision was accepted")
	}
}

// TestMonitoringStatements: saving, reading, listing and deleting have their statements, the
// schema gives ids a uniqueness constraint and regions an index, and no statement returns
// the results where only heads are wanted.
func TestMonitoringStatements(t *testing.T) {
	for _, name := range []string{"schema.constraint.MonitoringSnapshot", "schema.index.MonitoringSnapshot.region",
		"monitoring.exists", "monitoring.create", "monitoring.get", "monitoring.list", "monitoring.list.region",
		"monitoring.delete", "view.monitoring_snapshots"} {
		if _, ok := statements[name]; !ok {
			t.Errorf("no statement %s", name)
		}
	}
	for _, name := range []string{"monitoring.list", "monitoring.list.region", "monitoring.delete"} {
		if q := statements[name].Query; strings.Contains(q, "data") || strings.Contains(q, "properties(") {
			t.Errorf("%s reads the results:\n%s", name, q)
		}
	}
}
