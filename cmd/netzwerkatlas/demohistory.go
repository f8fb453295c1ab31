package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// demoHistoryLabel names the monitoring state the demo saves for a year before its reference
// date, so that a new user's first comparison and first Sachstandsbericht show a year of
// progress: measures started and completed, indicators with a year's more values.
const demoHistoryLabel = "Steuerungsgruppe Herbst 2025"

// saveDemoHistory saves, for every demo region without monitoring snapshots, the monitoring
// run of the demo as it stood a year before its reference date (demo.Dataset.AsOf). It
// returns the number of snapshots saved.
func saveDemoHistory(ctx context.Context, store graph.Store, d *demo.Dataset) (int, error) {
	day := demo.YearAgo()
	taken, ok := day.Time()
	if !ok {
		return 0, fmt.Errorf("demo: year-ago date %q", day)
	}
	taken = taken.Add(10 * time.Hour) // the meeting's morning, UTC
	then := d.AsOf(day)
	all := &graph.Snapshot{Taken: taken}
	for _, e := range then.Nodes {
		all.Add(e)
	}
	all.Relations = then.Relations
	saved := 0
	for _, snap := range analysis.SplitRegions(all) {
		list, err := store.ListMonitoringSnapshots(ctx, snap.Region)
		if err != nil {
			return saved, err
		}
		if len(list) > 0 {
			continue
		}
		run, err := analysis.Monitor(snap)
		if err != nil {
			return saved, fmt.Errorf("monitoring run of region %s a year ago: %w", snap.Region, err)
		}
		data, err := json.Marshal(run)
		if err != nil {
			return saved, err
		}
		m := &graph.MonitoringSnapshot{Region: snap.Region, Label: demoHistoryLabel, Taken: taken, CreatedBy: "demo", Data: data}
		if err := store.SaveMonitoringSnapshot(ctx, m); err != nil {
			return saved, err
		}
		saved++
	}
	return saved, nil
}
