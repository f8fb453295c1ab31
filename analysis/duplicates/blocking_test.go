package duplicates

import (
	"slices"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestDuplicatesBlocking: identical texts are compared only within one municipality and
// field, with a shared target group and overlapping runs.
func TestDuplicatesBlocking(t *testing.T) {
	base := dupM{id: "msr_a", title: cafeTitle, desc: cafeDesc, providers: []string{"org_1"}, starts: "2024-01-01", ends: "2025-12-31"}
	for _, c := range []struct {
		name      string
		other     func(m *dupM)
		candidate bool
	}{
		{"same everything", func(m *dupM) {}, true},
		{"other municipality", func(m *dupM) { m.towns = []string{"09999002"} }, false},
		{"other field", func(m *dupM) { m.fields = []string{"fld_2"} }, false},
		{"no shared target group", func(m *dupM) { m.groups = []string{"tgr_2", "tgr_3"} }, false},
		{"one shared target group", func(m *dupM) { m.groups = []string{"tgr_2", "tgr_1"} }, true},
		{"runs after", func(m *dupM) { m.starts, m.ends = "2026-01-01", "" }, false},
		{"runs before", func(m *dupM) { m.starts, m.ends = "2020-01-01", "2023-12-31" }, false},
		{"touches on the last day", func(m *dupM) { m.starts, m.ends = "2025-12-31", "" }, true},
		{"no dates", func(m *dupM) { m.starts, m.ends = "", "" }, true},
		{"open start, ends inside", func(m *dupM) { m.starts, m.ends = "", "2024-06-30" }, true},
		{"one of two towns shared", func(m *dupM) { m.towns = []string{"09999002", "09999001"} }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			other := base
			other.id = "msr_b"
			c.other(&other)
			d := mustFind(t, newDupFixture().add(base).add(other).s, Params{})
			if got := d.Candidates == 1; got != c.candidate {
				t.Fatalf("candidates %d, want candidate=%v", d.Candidates, c.candidate)
			}
			if got := len(d.Pairs) == 1; got != c.candidate {
				t.Fatalf("pairs %v", pairIDs(d.Pairs))
			}
		})
	}
}

// TestDuplicatesSharedKeysOnce: two area offers sharing two municipalities are one candidate.
func TestDuplicatesSharedKeysOnce(t *testing.T) {
	both := []string{"09999001", "09999002"}
	d := mustFind(t, newDupFixture().
		add(dupM{id: "msr_a", title: cafeTitle, desc: cafeDesc, towns: both, fields: []string{"fld_1", "fld_2"}}).
		add(dupM{id: "msr_b", title: cafeTitle, desc: cafeDesc, towns: both, fields: []string{"fld_2", "fld_1"}}).s, Params{})
	if d.Candidates != 1 || len(d.Pairs) != 1 {
		t.Fatalf("candidates %d, pairs %d; want 1 and 1", d.Candidates, len(d.Pairs))
	}
	if p := d.Pairs[0]; !slices.Equal(p.Municipalities, both) || !slices.Equal(p.Fields, []string{"fld_1", "fld_2"}) {
		t.Errorf("shared keys %v %v", p.Municipalities, p.Fields)
	}
}

// TestDuplicatesMaxBlock: a block over the cap is compared with a window and reported.
func TestDuplicatesMaxBlock(t *testing.T) {
	f := fiveAlike()
	d := mustFind(t, f.s, Params{MaxBlock: 2})
	if d.Candidates != 4 || d.AboveThreshold != 4 || len(d.Pairs) != 4 {
		t.Fatalf("window 2: candidates %d, above %d, pairs %v; want each measure with the next", d.Candidates, d.AboveThreshold, pairIDs(d.Pairs))
	}
	if got, want := pairIDs(d.Pairs), []string{"msr_0–msr_1", "msr_1–msr_2", "msr_2–msr_3", "msr_3–msr_4"}; !slices.Equal(got, want) {
		t.Errorf("window pairs %v, want %v", got, want)
	}
	if len(d.Capped) != 1 || d.Capped[0] != (CappedBlock{Municipality: "09999001", Field: "fld_1", Measures: 5}) {
		t.Errorf("capped %+v", d.Capped)
	}
	if len(d.Clusters) != 1 || len(d.Clusters[0].Measures) != 5 {
		t.Errorf("clusters %+v", d.Clusters)
	}
}

// TestDupDay: the day numbers agree with the time package, over the leap years and the
// month ends of two centuries; malformed dates fall back to graph.Date.Time.
func TestDupDay(t *testing.T) {
	for d := time.Date(1999, 12, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2101; d = d.AddDate(0, 0, 1) {
		got, ok := dupDay(graph.Date(d.Format(time.DateOnly)))
		if want := int32(d.Unix() / 86400); !ok || got != want {
			t.Fatalf("%s: %d, want %d", d.Format(time.DateOnly), got, want)
		}
	}
	for _, bad := range []graph.Date{"", "2025-13-01", "2025-1-01", "20x5-01-01", "2025-02-30"} {
		if _, ok := dupDay(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}
