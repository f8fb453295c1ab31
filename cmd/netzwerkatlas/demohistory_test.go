package main

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// TestDemoHistory: seeding saves, per demo county, the monitoring state of a year ago, and
// comparing it with today's names exactly the measures whose status the demo's year of
// progress changed (ground truth "progress"); a second call saves nothing.
func TestDemoHistory(t *testing.T) {
	ctx := context.Background()
	store, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d := demo.Demo()
	if _, err := demo.Seed(ctx, store, d, nil); err != nil {
		t.Fatal(err)
	}
	saved, err := saveDemoHistory(ctx, store, d)
	if err != nil || saved != 5 {
		t.Fatalf("saved %d states (%v), want one per county", saved, err)
	}
	if again, err := saveDemoHistory(ctx, store, d); err != nil || again != 0 {
		t.Fatalf("a second call saved %d (%v)", again, err)
	}
	want := map[string]map[string][2]string{}
	for _, p := range d.Truth.Progress {
		if want[p.Region] == nil {
			want[p.Region] = map[string][2]string{}
		}
		want[p.Region][p.Measure] = [2]string{p.Then, p.Now}
	}
	for region, changes := range want {
		list, err := store.ListMonitoringSnapshots(ctx, region)
		if err != nil || len(list) != 1 || list[0].Label != demoHistoryLabel || list[0].Taken.Format("2006-01-02") != string(demo.YearAgo()) {
			t.Fatalf("%s: snapshots %v (%v)", region, list, err)
		}
		m, err := store.MonitoringSnapshot(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		var then analysis.MonitoringRun
		if err := json.Unmarshal(m.Data, &then); err != nil {
			t.Fatal(err)
		}
		snap, err := store.Snapshot(ctx, region)
		if err != nil {
			t.Fatal(err)
		}
		now, err := analysis.Monitor(snap)
		if err != nil {
			t.Fatal(err)
		}
		c := analysis.CompareRuns(&then, now, analysis.RunRef{}, analysis.RunRef{})
		inConcept := map[string]bool{} // the measures the concept names (with its reference number)
		for _, m := range snap.Measures {
			inConcept[m.ID] = m.Reference != ""
		}
		got, others := map[string][2]string{}, 0
		for _, mc := range c.MeasuresChanged {
			if !inConcept[mc.ID] {
				others++ // the other measures' statuses follow their dates too
				continue
			}
			got[mc.ID] = [2]string{mc.From, mc.To}
		}
		if len(got) != len(changes) {
			t.Errorf("%s: %d measures named by the concept changed status, the demo planted %d", region, len(got), len(changes))
		}
		for id, ft := range changes {
			if got[id] != ft {
				t.Errorf("%s: measure %s changed %v, planted %v", region, id, got[id], ft)
			}
		}
		t.Logf("%s: %d measures named by the concept and %d others changed status, %d indicators changed class", region, len(got), others, len(c.IndicatorsChanged))
	}
	if len(want) == 0 {
		t.Fatal("the demo plants no year of progress")
	}
}
