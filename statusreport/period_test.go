package statusreport

import (
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestResolvePeriod: ids, days and defaults against three saved snapshots (1 March, 1 June,
// 1 September 2025; the list is newest first as the stores give it).
func TestResolvePeriod(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 10, 0, 0, 0, time.UTC) }
	ids := []string{graph.NewMonitoringSnapshotID(), graph.NewMonitoringSnapshotID(), graph.NewMonitoringSnapshotID()}
	list := []*graph.MonitoringSnapshot{
		{ID: ids[2], Region: "09991", Label: "Herbst", Taken: day(9, 1)},
		{ID: ids[1], Region: "09991", Label: "Sommer", Taken: day(6, 1)},
		{ID: ids[0], Region: "09991", Label: "Frühjahr", Taken: day(3, 1)},
	}
	other := graph.NewMonitoringSnapshotID()
	load := func(id string) (*graph.MonitoringSnapshot, *analysis.MonitoringRun, error) {
		if id == other {
			return &graph.MonitoringSnapshot{ID: other, Region: "09992", Taken: day(5, 5)}, &analysis.MonitoringRun{}, nil
		}
		for _, m := range list {
			if m.ID == id {
				return m, &analysis.MonitoringRun{Taken: m.Taken}, nil
			}
		}
		return nil, nil, graph.Errorf(graph.ENOTFOUND, "no snapshot %s", id)
	}
	now := time.Date(2025, 10, 15, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, from, to string
		wantFrom       string // label, "" for no saved start
		wantTo         string // label, "live"
		field          string // error field
	}{
		{"defaults: since the last saved state", "", "", "Herbst", "live", ""},
		{"to today is the current state", "", "2025-10-15", "Herbst", "live", ""},
		{"a day picks the newest state on or before it", "2025-06-30", "2025-09-01", "Sommer", "Herbst", ""},
		{"ids", ids[0], ids[1], "Frühjahr", "Sommer", ""},
		{"a start before any saved state has none", "2025-01-15", ids[0], "", "Frühjahr", ""},
		{"an end before any saved state is refused", "", "2025-02-01", "", "", "to"},
		{"a start after the end is refused", ids[2], ids[1], "", "", "from"},
		{"a snapshot of another region is refused", other, "", "", "", "from"},
		{"a malformed day is refused", "1.6.2025", "", "", "", "from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ResolvePeriod("09991", tc.from, tc.to, now, list, load)
			if tc.field != "" {
				if fe := graph.FieldErrors(err); len(fe) != 1 || fe[0].Field != tc.field {
					t.Fatalf("error %v, want one naming %s", err, tc.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := p.From.Label; got != tc.wantFrom || (tc.wantFrom == "") != (p.From.Run == nil) {
				t.Errorf("from %q (run %t), want %q", got, p.From.Run != nil, tc.wantFrom)
			}
			to := p.To.Label
			if p.Live {
				to = "live"
			}
			if to != tc.wantTo {
				t.Errorf("to %q, want %q", to, tc.wantTo)
			}
		})
	}
	// No snapshots at all: the period starts on the first of January.
	p, err := ResolvePeriod("09991", "", "", now, nil, load)
	if err != nil || p.From.Run != nil || !p.From.Taken.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) || !p.Live {
		t.Errorf("without snapshots: %+v, %v", p, err)
	}
}
