package analysis

import (
	"encoding/json"
	"testing"
	"time"
)

// TestSnapshotTrend: three hand-made runs, the oldest saved before network figures, measure
// states and attainment classes existed: its values for those are null, the others read as
// counted by hand.
func TestSnapshotTrend(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, time.UTC) }
	old := &MonitoringRun{Region: "09999", Revision: 3, Taken: day(1), Organisations: 4, Measures: 6, Networks: 1,
		Classes:     map[string]int{ClassGap: 5, ClassThin: 1, ClassCovered: 2},
		Duplicates:  []DuplicateSet{{Measures: []string{"m1", "m2"}}},
		Memberships: []Membership{{Organisation: "o1", Network: "n1"}}}
	mid := &MonitoringRun{Region: "09999", Revision: 9, Taken: day(2), Organisations: 5, Measures: 7, Networks: 2,
		Classes:       map[string]int{ClassGap: 3, ClassThin: 2, ClassCovered: 3},
		Duplicates:    []DuplicateSet{},
		Memberships:   []Membership{{Organisation: "o1", Network: "n1"}, {Organisation: "o2", Network: "n1"}, {Organisation: "o2", Network: "n2"}},
		Network:       &NetworkFigures{Ties: 4, Density: 0.4, Communities: 2, Isolated: []Named{{ID: "o5"}}},
		MeasureStates: []MeasureState{{Status: "active"}, {Status: "active"}, {Status: "planned"}, {Status: "completed"}, {Status: "active"}, {Status: "paused"}, {Status: "active"}},
		Goals:         []ClassState{{Class: ClassOnTrack}, {Class: ClassOnTrack}, {Class: ClassAtRisk}},
		Indicators:    []ClassState{{Class: ClassAchieved}, {Class: ClassNoData}}}
	// The newest comes as saved: through JSON, as the API reads it.
	var now MonitoringRun
	raw, _ := json.Marshal(&MonitoringRun{Region: "09999", Revision: 12, Taken: day(3), Organisations: 5, Measures: 8, Networks: 2,
		Classes:       map[string]int{ClassGap: 1, ClassThin: 2, ClassCovered: 5},
		Duplicates:    []DuplicateSet{},
		Memberships:   []Membership{},
		Network:       &NetworkFigures{Ties: 6, Density: 0.6, Communities: 1, Isolated: []Named{}},
		MeasureStates: []MeasureState{{Status: "active"}, {Status: "active"}},
		Goals:         []ClassState{{Class: ClassAchieved}, {Class: ClassOnTrack}, {Class: ClassOnTrack}},
		Indicators:    []ClassState{}})
	if err := json.Unmarshal(raw, &now); err != nil {
		t.Fatal(err)
	}

	b := NewTrendBuilder("09999", 2)
	b.Add(RunRef{ID: "snp_1", Label: "Frühjahr"}, old)
	b.Add(RunRef{ID: "snp_2"}, mid)
	b.Add(RunRef{ID: "snp_3", Label: "Herbst"}, &now)
	tr := b.Trend()
	if tr.Region != "09999" || tr.Omitted != 2 || tr.Limit != MaxTrendSnapshots || len(tr.Snapshots) != 3 {
		t.Fatalf("trend head %+v", tr)
	}
	if s := tr.Snapshots[2]; s.ID != "snp_3" || s.Label != "Herbst" || !s.Taken.Equal(day(3)) || s.Revision != 12 {
		t.Errorf("newest ref %+v", s)
	}
	const null = -1.0
	want := map[string][3]float64{
		"gaps": {5, 3, 1}, "thin": {1, 2, 2}, "covered": {2, 3, 5},
		"organisations": {4, 5, 5}, "measures": {6, 7, 8}, "measures_active": {null, 4, 2}, "duplicates": {1, 0, 0},
		"networks": {1, 2, 2}, "memberships": {1, 3, 0}, "ties": {null, 4, 6}, "density": {null, 0.4, 0.6},
		"communities": {null, 2, 1}, "isolated": {null, 1, 0},
		"goals_achieved": {null, 0, 1}, "goals_on_track": {null, 2, 2}, "goals_at_risk": {null, 1, 0},
		"goals_off_track": {null, 0, 0}, "goals_no_data": {null, 0, 0},
		"indicators_achieved": {null, 1, 0}, "indicators_no_data": {null, 1, 0},
		"indicators_on_track": {null, 0, 0}, "indicators_at_risk": {null, 0, 0}, "indicators_off_track": {null, 0, 0},
	}
	if len(tr.Figures) != len(want) {
		t.Errorf("%d figures, want %d", len(tr.Figures), len(want))
	}
	for _, f := range tr.Figures {
		w, ok := want[f.Key]
		if !ok {
			t.Errorf("unexpected figure %s", f.Key)
			continue
		}
		if len(f.Values) != 3 {
			t.Fatalf("%s: %d values", f.Key, len(f.Values))
		}
		for i, v := range f.Values {
			switch {
			case w[i] == null && v != nil:
				t.Errorf("%s[%d] = %v, want null", f.Key, i, *v)
			case w[i] != null && (v == nil || *v != w[i]):
				t.Errorf("%s[%d] = %v, want %v", f.Key, i, v, w[i])
			}
		}
	}
	if tr.Figures[0].Key != "gaps" || tr.Figures[0].Group != TrendCoverage {
		t.Errorf("first figure %s/%s, want gaps/coverage", tr.Figures[0].Key, tr.Figures[0].Group)
	}
}

// TestSnapshotTrendEmpty: a trend of no runs is lists, not nulls.
func TestSnapshotTrendEmpty(t *testing.T) {
	raw, err := json.Marshal(NewTrendBuilder("09999", 0).Trend())
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	_ = json.Unmarshal(raw, &v)
	if v["snapshots"] == nil || v["figures"].([]any)[0].(map[string]any)["values"] == nil {
		t.Errorf("empty trend %s", raw)
	}
}
