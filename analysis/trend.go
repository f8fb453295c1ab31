package analysis

// A trend puts the headline figures of a region's saved monitoring runs side by side, oldest
// first: the steering group sees how gaps, offers, networks and attainment moved over every
// review, not only between two. Runs are added one at a time (TrendBuilder.Add), so that a
// caller can decode one saved run, add it and let it go: the trend keeps a handful of
// numbers per run, never the runs.

// MaxTrendSnapshots bounds the runs of one trend: three years of monthly reviews and then
// some. A caller with more runs takes the newest ones and reports the rest as omitted.
const MaxTrendSnapshots = 48

// Figure groups of a trend.
const (
	TrendCoverage   = "coverage"
	TrendDirectory  = "directory"
	TrendNetwork    = "network"
	TrendAttainment = "attainment"
)

// SnapshotTrend is a series of headline figures over a region's saved monitoring runs.
type SnapshotTrend struct {
	Region string `json:"region"`
	// Snapshots identify the runs, oldest first; Figures have one value per snapshot.
	Snapshots []RunRef `json:"snapshots"`
	// Figures are the series, in a fixed order (trendFigures).
	Figures []TrendFigure `json:"figures"`
	// Limit is MaxTrendSnapshots; Omitted counts the older runs left out for it.
	Limit   int `json:"limit"`
	Omitted int `json:"omitted"`
}

// TrendFigure is one figure over the runs of a trend.
type TrendFigure struct {
	// Key names the figure (gaps, measures_active, goals_on_track, …), Group its group
	// (coverage, directory, network, attainment).
	Key   string `json:"key"`
	Group string `json:"group"`
	// Decimals is 0 for counts, 3 for density and modularity.
	Decimals int `json:"decimals"`
	// Values holds one value per snapshot; null where a run did not keep the figure (runs
	// saved before the network figures, the measure list or the attainment classes).
	Values []*float64 `json:"values"`
}

// trendFigure describes how to read one figure from a run; ok is false when the run did
// not keep it.
type trendFigure struct {
	key, group string
	decimals   int
	read       func(run *MonitoringRun) (v float64, ok bool)
}

func lenOf[T any](xs []T) (float64, bool) { return float64(len(xs)), true }

// classCount counts the goals or indicators of a class. A run that kept classes (it has
// goals or indicators) has zero where it lists none: the lists are left out of the saved JSON
// when empty. A run that kept neither has no value.
func classCount(run *MonitoringRun, states []ClassState, class string) (float64, bool) {
	if run.Goals == nil && run.Indicators == nil {
		return 0, false
	}
	n := 0
	for _, s := range states {
		if s.Class == class {
			n++
		}
	}
	return float64(n), true
}

func fromNetwork(read func(n *NetworkFigures) float64) func(run *MonitoringRun) (float64, bool) {
	return func(run *MonitoringRun) (float64, bool) {
		if run.Network == nil {
			return 0, false
		}
		return read(run.Network), true
	}
}

var trendFigures = func() []trendFigure {
	out := []trendFigure{
		{"gaps", TrendCoverage, 0, func(r *MonitoringRun) (float64, bool) { return float64(r.Classes[ClassGap]), r.Classes != nil }},
		{"thin", TrendCoverage, 0, func(r *MonitoringRun) (float64, bool) { return float64(r.Classes[ClassThin]), r.Classes != nil }},
		{"covered", TrendCoverage, 0, func(r *MonitoringRun) (float64, bool) { return float64(r.Classes[ClassCovered]), r.Classes != nil }},
		{"organisations", TrendDirectory, 0, func(r *MonitoringRun) (float64, bool) { return float64(r.Organisations), true }},
		{"measures", TrendDirectory, 0, func(r *MonitoringRun) (float64, bool) { return float64(r.Measures), true }},
		{"measures_active", TrendDirectory, 0, func(r *MonitoringRun) (float64, bool) {
			if r.MeasureStates == nil {
				return 0, false
			}
			n := 0
			for _, m := range r.MeasureStates {
				if m.Status == "active" {
					n++
				}
			}
			return float64(n), true
		}},
		{"duplicates", TrendDirectory, 0, func(r *MonitoringRun) (float64, bool) { return lenOf(r.Duplicates) }},
		{"networks", TrendNetwork, 0, func(r *MonitoringRun) (float64, bool) { return float64(r.Networks), true }},
		{"memberships", TrendNetwork, 0, func(r *MonitoringRun) (float64, bool) { return lenOf(r.Memberships) }},
		{"ties", TrendNetwork, 0, fromNetwork(func(n *NetworkFigures) float64 { return float64(n.Ties) })},
		{"density", TrendNetwork, 3, fromNetwork(func(n *NetworkFigures) float64 { return n.Density })},
		{"communities", TrendNetwork, 0, fromNetwork(func(n *NetworkFigures) float64 { return float64(n.Communities) })},
		{"isolated", TrendNetwork, 0, fromNetwork(func(n *NetworkFigures) float64 { return float64(len(n.Isolated)) })},
	}
	for _, class := range []string{ClassAchieved, ClassOnTrack, ClassAtRisk, ClassOffTrack, ClassNoData} {
		out = append(out,
			trendFigure{"goals_" + class, TrendAttainment, 0, func(r *MonitoringRun) (float64, bool) { return classCount(r, r.Goals, class) }},
			trendFigure{"indicators_" + class, TrendAttainment, 0, func(r *MonitoringRun) (float64, bool) { return classCount(r, r.Indicators, class) }})
	}
	return out
}()

// TrendBuilder collects a trend run by run; add the runs oldest first.
type TrendBuilder struct{ t SnapshotTrend }

// NewTrendBuilder starts the trend of region; omitted counts the runs left out before.
func NewTrendBuilder(region string, omitted int) *TrendBuilder {
	b := &TrendBuilder{t: SnapshotTrend{Region: region, Snapshots: []RunRef{}, Limit: MaxTrendSnapshots, Omitted: omitted,
		Figures: make([]TrendFigure, len(trendFigures))}}
	for i, f := range trendFigures {
		b.t.Figures[i] = TrendFigure{Key: f.key, Group: f.group, Decimals: f.decimals, Values: []*float64{}}
	}
	return b
}

// Add appends a run's figures; ref names it (Taken and Revision come from the run).
func (b *TrendBuilder) Add(ref RunRef, run *MonitoringRun) {
	ref.Taken, ref.Revision = run.Taken, run.Revision
	b.t.Snapshots = append(b.t.Snapshots, ref)
	for i, f := range trendFigures {
		var p *float64
		if v, ok := f.read(run); ok {
			p = &v
		}
		b.t.Figures[i].Values = append(b.t.Figures[i].Values, p)
	}
}

// Trend returns the trend so far.
func (b *TrendBuilder) Trend() *SnapshotTrend { return &b.t }
