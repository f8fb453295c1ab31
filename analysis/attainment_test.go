package analysis

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

func fp(x float64) *float64 { return &x }

// pts builds a series from year/value pairs.
func pts(pairs ...float64) []Point {
	out := make([]Point, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Point{Year: int(pairs[i]), Value: pairs[i+1]})
	}
	return out
}

// indicatorOf is an indicator with a target; lo is the target (its lower end for ranges).
func indicatorOf(dir string, lo float64, hi *float64, targetYear int) *graph.Indicator {
	return &graph.Indicator{Meta: graph.Meta{ID: "I"}, Name: "Quote", Unit: "%", Direction: dir, Target: fp(lo), TargetUpper: hi, TargetYear: targetYear}
}

func withBaseline(ind *graph.Indicator, year int, v float64) *graph.Indicator {
	ind.Baseline, ind.BaselineYear = fp(v), year
	return ind
}

var de, en = msg.For(msg.DE), msg.For(msg.EN)

// TestJudgeSeriesClasses works through every class for higher, lower and ranges. All series
// lie on straight lines unless said otherwise, so the trend is read off directly:
//
//	higher, target 35: baseline 2020: 24 and 26, 28, 30 (2021–23) rise by 2 a year; the line
//	meets 35 at 30 + 2k = 35, k = 2.5, i.e. 2025.5 → ReachYear 2026. Target year 2027:
//	projection 30 + 2·4 = 38 ≥ 35 → on_track. Target year 2025: 30 + 2·2 = 34 < 35 →
//	at_risk (too slow, one year late). Target year 2023: the latest value is from the target
//	year and below it → off_track (target_year_passed), the trend still reaches it 2026.
//	lower, target 10: 20, 18, 16 fall by 2; 16 − 2k = 10 at k = 3 → 2026. Target year 2027:
//	16 − 8 = 8 ≤ 10 → on_track; 2025: 12 > 10 → at_risk.
//	range 40–60: 20, 25, 30 rise by 5; 30 + 5k = 40 at k = 2 → 2025; target year 2027:
//	30 + 20 = 50 inside → on_track; 2024: 35 → at_risk. From above 80, 75, 70 (−5 a year)
//	enter the corridor 2025 (70 − 10 = 60) and leave it below 40 after 2029; target year
//	2030: 70 − 35 = 35 → at_risk (trend_overshoots).
func TestJudgeSeriesClasses(t *testing.T) {
	rng := fp(60)
	rising := pts(2021, 26, 2022, 28, 2023, 30)
	for _, tc := range []struct {
		name   string
		ind    *graph.Indicator
		series []Point
		year   int
		class  string
		reason string
		reach  int // 0: nil
	}{
		{"higher achieved", indicatorOf("higher", 35, nil, 2025), pts(2021, 30, 2022, 36), 0, ClassAchieved, ReasonTargetMet, 0},
		{"higher on track", withBaseline(indicatorOf("higher", 35, nil, 2027), 2020, 24), rising, 0, ClassOnTrack, ReasonProjectionMeetsTarget, 2026},
		{"higher too slow", withBaseline(indicatorOf("higher", 35, nil, 2025), 2020, 24), rising, 0, ClassAtRisk, ReasonTrendTooSlow, 2026},
		{"higher wrong way", indicatorOf("higher", 35, nil, 2027), pts(2021, 30, 2022, 29, 2023, 28), 0, ClassOffTrack, ReasonTrendWrongWay, 0},
		{"higher flat", indicatorOf("higher", 35, nil, 2027), pts(2021, 30, 2022, 30, 2023, 30), 0, ClassOffTrack, ReasonTrendWrongWay, 0},
		{"higher target year passed", withBaseline(indicatorOf("higher", 35, nil, 2023), 2020, 24), rising, 0, ClassOffTrack, ReasonTargetYearPassed, 2026},
		// The last value is from 2021, before the target year 2022, but the analysis looks
		// from 2023: the deadline has passed. 30 + 2k = 35 → 2023.5 → 2024.
		{"higher passed by the analysis year", indicatorOf("higher", 35, nil, 2022), pts(2020, 28, 2021, 30), 2023, ClassOffTrack, ReasonTargetYearPassed, 2024},
		// No target year: a trend toward the target is on track; 32 + 2k = 35 → 2023.5 → 2024.
		{"higher without target year", indicatorOf("higher", 35, nil, 0), pts(2021, 30, 2022, 32), 0, ClassOnTrack, ReasonTrendTowardTarget, 2024},
		{"higher without target year, falling", indicatorOf("higher", 35, nil, 0), pts(2021, 32, 2022, 30), 0, ClassOffTrack, ReasonTrendWrongWay, 0},

		{"lower achieved", indicatorOf("lower", 10, nil, 2025), pts(2022, 12, 2023, 9.5), 0, ClassAchieved, ReasonTargetMet, 0},
		{"lower on track", indicatorOf("lower", 10, nil, 2027), pts(2021, 20, 2022, 18, 2023, 16), 0, ClassOnTrack, ReasonProjectionMeetsTarget, 2026},
		{"lower too slow", indicatorOf("lower", 10, nil, 2025), pts(2021, 20, 2022, 18, 2023, 16), 0, ClassAtRisk, ReasonTrendTooSlow, 2026},
		{"lower wrong way", indicatorOf("lower", 10, nil, 2027), pts(2021, 16, 2022, 18, 2023, 20), 0, ClassOffTrack, ReasonTrendWrongWay, 0},
		{"lower target year passed", indicatorOf("lower", 10, nil, 2023), pts(2021, 20, 2022, 18, 2023, 16), 0, ClassOffTrack, ReasonTargetYearPassed, 2026},

		{"range inside", indicatorOf("range", 40, rng, 2027), pts(2022, 35, 2023, 50), 0, ClassAchieved, ReasonTargetMet, 0},
		{"range approaching", indicatorOf("range", 40, rng, 2027), pts(2021, 20, 2022, 25, 2023, 30), 0, ClassOnTrack, ReasonProjectionMeetsTarget, 2025},
		{"range approaching slowly", indicatorOf("range", 40, rng, 2024), pts(2021, 20, 2022, 25, 2023, 30), 0, ClassAtRisk, ReasonTrendTooSlow, 2025},
		{"range moving away above", indicatorOf("range", 40, rng, 2027), pts(2021, 65, 2022, 70, 2023, 75), 0, ClassOffTrack, ReasonTrendWrongWay, 0},
		{"range moving away below", indicatorOf("range", 40, rng, 2027), pts(2021, 30, 2022, 25), 0, ClassOffTrack, ReasonTrendWrongWay, 0},
		{"range approaching from above", indicatorOf("range", 40, rng, 2026), pts(2021, 80, 2022, 75, 2023, 70), 0, ClassOnTrack, ReasonProjectionMeetsTarget, 2025},
		{"range overshooting", indicatorOf("range", 40, rng, 2030), pts(2021, 80, 2022, 75, 2023, 70), 0, ClassAtRisk, ReasonTrendOvershoots, 2025},

		{"single value", indicatorOf("higher", 35, nil, 2027), pts(2023, 30), 0, ClassAtRisk, ReasonSingleValue, 0},
		// The baseline is a second point: 24 (2020) and 30 (2023) rise by 2 → 2027: 38.
		{"single value and baseline", withBaseline(indicatorOf("higher", 35, nil, 2027), 2020, 24), pts(2023, 30), 0, ClassOnTrack, ReasonProjectionMeetsTarget, 2026},
		{"no values", withBaseline(indicatorOf("higher", 35, nil, 2027), 2020, 24), nil, 2023, ClassNoData, ReasonNoValues, 0},
		{"no target", &graph.Indicator{Name: "Kurse", Unit: "Kurse"}, pts(2022, 10, 2023, 12), 0, ClassNoData, ReasonNoTarget, 0},
		{"target without direction", &graph.Indicator{Name: "Kurse", Target: fp(20)}, pts(2022, 10, 2023, 12), 0, ClassNoData, ReasonNoTarget, 0},
		{"range without upper end", indicatorOf("range", 40, nil, 2027), pts(2022, 10, 2023, 12), 0, ClassNoData, ReasonNoTarget, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, pr := range []msg.Printer{de, en} {
				j := JudgeSeries(tc.ind, tc.series, tc.year, pr)
				if j.Class != tc.class || j.Reason != tc.reason {
					t.Errorf("%s: class %s (%s), want %s (%s): %s", pr.Lang, j.Class, j.Reason, tc.class, tc.reason, j.Explanation)
				}
				switch {
				case tc.reach == 0 && j.ReachYear != nil:
					t.Errorf("reach year %d, want none", *j.ReachYear)
				case tc.reach != 0 && (j.ReachYear == nil || *j.ReachYear != tc.reach):
					t.Errorf("reach year %v, want %d", j.ReachYear, tc.reach)
				}
				if j.Explanation == "" || strings.Contains(j.Explanation, "{") {
					t.Errorf("%s: explanation %q", pr.Lang, j.Explanation)
				}
			}
		})
	}
}

// TestJudgeSeriesFigures checks start, latest, share, trend and projection of the on-track
// case: baseline 24 (2020), values 26, 28, 30 (2021–23), target 35 by 2027.
//
//	share = (30 − 24) / (35 − 24) = 6/11; trend slope 2, intercept 24 − 2·2020 = −4016 (the
//	baseline year has no value, so the baseline is a fourth point); projection 2027: 38.
func TestJudgeSeriesFigures(t *testing.T) {
	ind := withBaseline(indicatorOf("higher", 35, nil, 2027), 2020, 24)
	j := JudgeSeries(ind, pts(2023, 30, 2021, 26, 2022, 28), 0, de) // order does not matter
	if *j.Start != (Point{2020, 24}) || *j.Latest != (Point{2023, 30}) {
		t.Errorf("start %v latest %v", *j.Start, *j.Latest)
	}
	if j.Share == nil || math.Abs(*j.Share-6.0/11) > 1e-12 {
		t.Errorf("share %v, want 6/11", j.Share)
	}
	tr := j.Trend
	if tr == nil || math.Abs(tr.Slope-2) > 1e-9 || math.Abs(tr.Intercept+4016) > 1e-6 || tr.Points != 4 || tr.From != 2020 || tr.To != 2023 {
		t.Fatalf("trend %+v", tr)
	}
	if j.Projected == nil || math.Abs(*j.Projected-38) > 1e-9 {
		t.Errorf("projected %v, want 38", j.Projected)
	}

	// A value of its own in the baseline year replaces the baseline in the fit, but the
	// baseline stays the start: 25, 27, 29 (2021–23) rise by 2 over 3 points; share
	// (29 − 24)/(35 − 24) = 5/11.
	ind = withBaseline(indicatorOf("higher", 35, nil, 2027), 2021, 24)
	j = JudgeSeries(ind, pts(2021, 25, 2022, 27, 2023, 29), 0, de)
	if j.Trend.Points != 3 || math.Abs(j.Trend.Slope-2) > 1e-9 || *j.Start != (Point{2021, 24}) || math.Abs(*j.Share-5.0/11) > 1e-12 {
		t.Errorf("baseline year with a value: trend %+v start %v share %v", *j.Trend, *j.Start, *j.Share)
	}

	// Lower: baseline 15 (2020), 15.5, 16, 16.5: share (16.5 − 15)/(10 − 15) = −0.3.
	ind = withBaseline(indicatorOf("lower", 10, nil, 2025), 2020, 15)
	j = JudgeSeries(ind, pts(2021, 15.5, 2022, 16, 2023, 16.5), 0, de)
	if math.Abs(*j.Share+0.3) > 1e-12 || !strings.Contains(j.Explanation, "weiter vom Ziel entfernt") {
		t.Errorf("lower share %v: %s", *j.Share, j.Explanation)
	}

	// A single value without baseline: start = latest, share 0, no trend, no projection.
	j = JudgeSeries(indicatorOf("higher", 35, nil, 2027), pts(2023, 30), 0, de)
	if *j.Start != *j.Latest || *j.Share != 0 || j.Trend != nil || j.Projected != nil {
		t.Errorf("single value: %+v", j)
	}
	// Ranges have no share; no values leave latest nil but keep the baseline as start.
	if j = JudgeSeries(indicatorOf("range", 40, fp(60), 2027), pts(2022, 20, 2023, 30), 0, de); j.Share != nil {
		t.Errorf("range share %v", *j.Share)
	}
	j = JudgeSeries(withBaseline(indicatorOf("higher", 35, nil, 2027), 2020, 24), nil, 2023, de)
	if j.Latest != nil || j.Start == nil || *j.Start != (Point{2020, 24}) || j.Share != nil || j.Trend != nil {
		t.Errorf("no values: %+v", j)
	}
	// Target equal to the start: no share.
	if j = JudgeSeries(withBaseline(indicatorOf("higher", 24, nil, 2027), 2020, 24), pts(2023, 20), 0, de); j.Share != nil {
		t.Errorf("target = start: share %v", *j.Share)
	}
}

// TestJudgeSeriesIrregularYears fits the least-squares line by hand through points with gaps:
//
//	(2019, 20), (2020, 23), (2023, 29):
//	x̄ = 6062/3 = 2020.667, ȳ = 72/3 = 24
//	x − x̄ = −5/3, −2/3, 7/3;  y − ȳ = −4, −1, 5
//	Σ(x−x̄)(y−ȳ) = 20/3 + 2/3 + 35/3 = 19;  Σ(x−x̄)² = (25 + 4 + 49)/9 = 26/3
//	slope = 19 / (26/3) = 57/26 = 2.1923…;  intercept = ȳ − slope·x̄ = 24 − 57/26 · 6062/3
//	projection 2026 = 24 + 57/26 · 16/3 = 24 + 912/78 = 35.692… ≥ 35 → on_track
//	the line meets 35 at x̄ + 11 · 26/57 = 2025.684 → ReachYear 2026
//	target year 2025: 24 + 57/26 · 13/3 = 24 + 741/78 = 33.5 < 35 → at_risk, one year late.
func TestJudgeSeriesIrregularYears(t *testing.T) {
	series := pts(2019, 20, 2020, 23, 2023, 29)
	j := JudgeSeries(indicatorOf("higher", 35, nil, 2026), series, 0, de)
	slope := 57.0 / 26
	intercept := 24 - slope*6062/3
	if j.Trend == nil || math.Abs(j.Trend.Slope-slope) > 1e-9 || math.Abs(j.Trend.Intercept-intercept) > 1e-9 ||
		j.Trend.Points != 3 || j.Trend.From != 2019 || j.Trend.To != 2023 {
		t.Fatalf("trend %+v, want slope %v intercept %v", j.Trend, slope, intercept)
	}
	if math.Abs(*j.Projected-(24+912.0/78)) > 1e-9 || j.Class != ClassOnTrack || *j.ReachYear != 2026 {
		t.Errorf("projected %v class %s reach %d", *j.Projected, j.Class, *j.ReachYear)
	}
	j = JudgeSeries(indicatorOf("higher", 35, nil, 2025), series, 0, de)
	if math.Abs(*j.Projected-33.5) > 1e-9 || j.Class != ClassAtRisk || j.Reason != ReasonTrendTooSlow || *j.ReachYear != 2026 {
		t.Errorf("target year 2025: projected %v class %s reach %d", *j.Projected, j.Class, *j.ReachYear)
	}
	if !strings.Contains(j.Explanation, "erreicht das Ziel 2026, ein Jahr nach dem Zieljahr 2025") ||
		!strings.Contains(j.Explanation, "+2,2 Punkten pro Jahr") {
		t.Errorf("explanation %q", j.Explanation)
	}
}

// TestJudgeSeriesYearCutsOff: with the year 2023 the value 40 of 2024 (which would meet the
// target) is ignored; the judgement is that of 26, 28, 30.
func TestJudgeSeriesYearCutsOff(t *testing.T) {
	ind := withBaseline(indicatorOf("higher", 35, nil, 2027), 2020, 24)
	series := pts(2021, 26, 2022, 28, 2023, 30, 2024, 40)
	if j := JudgeSeries(ind, series, 0, de); j.Class != ClassAchieved {
		t.Errorf("up to 2024: %s", j.Class)
	}
	j := JudgeSeries(ind, series, 2023, de)
	if j.Class != ClassOnTrack || *j.Latest != (Point{2023, 30}) || j.Trend.To != 2023 || math.Abs(j.Trend.Slope-2) > 1e-9 {
		t.Errorf("up to 2023: %+v", j)
	}
	// A baseline after the year is not known yet: start is the first value.
	ind = withBaseline(indicatorOf("higher", 35, nil, 2027), 2022, 27)
	if j := JudgeSeries(ind, series, 2021, de); *j.Start != (Point{2021, 26}) || j.Reason != ReasonSingleValue {
		t.Errorf("baseline after the year: %+v", j)
	}
}

// TestJudgeSeriesExplanation: baseline 24 (2020), 28 (2022), 31.5 (2024), target 35 by 2024.
//
//	x̄ = 2022, ȳ = 83.5/3; Σ(x−x̄)(y−ȳ) = −2·(24 − ȳ) + 2·(31.5 − ȳ) = 15; Σ(x−x̄)² = 8;
//	slope 15/8 = 1.875 (printed +1,9); line at 2024: 27.833 + 3.75 = 31.583; 35 is met
//	after (35 − 31.583)/1.875 = 1.82 years → 2026, two years after the target year.
//	share (31.5 − 24)/(35 − 24) = 68 %.
func TestJudgeSeriesExplanation(t *testing.T) {
	ind := withBaseline(indicatorOf("higher", 35, nil, 2024), 2020, 24)
	ind.Name = "Kita-Besuchsquote"
	series := pts(2022, 28, 2024, 31.5)
	j := JudgeSeries(ind, series, 0, de)
	want := "Kita-Besuchsquote 2024: 31,5 % von 35 % Ziel (Ausgangswert 2020: 24 %). Damit sind 68 % des Wegs zum Ziel geschafft. " +
		"Der Trend von +1,9 Punkten pro Jahr erreicht das Ziel 2026, 2 Jahre nach dem Zieljahr 2024."
	if j.Explanation != want || j.Class != ClassOffTrack || math.Abs(j.Trend.Slope-1.875) > 1e-9 {
		t.Errorf("German:\n got %q\nwant %q", j.Explanation, want)
	}
	j = JudgeSeries(ind, series, 0, en)
	want = "Kita-Besuchsquote 2024: 31.5% against a target of 35% (baseline 2020: 24%). That is 68% of the way to the target. " +
		"The trend of +1.9 points a year reaches the target in 2026, 2 years after the target year 2024."
	if j.Explanation != want {
		t.Errorf("English:\n got %q\nwant %q", j.Explanation, want)
	}
	// Other units are named in the slope; years have no thousands separator.
	ind = &graph.Indicator{Name: "Einbürgerungen", Unit: "Personen", Direction: "higher", Target: fp(12000), TargetYear: 2030}
	j = JudgeSeries(ind, pts(2022, 10000, 2023, 10500), 0, de)
	if !strings.Contains(j.Explanation, "2023: 10.500 Personen von 12.000 Personen Ziel") || !strings.Contains(j.Explanation, "+500 Personen pro Jahr") ||
		!strings.Contains(j.Explanation, "erreicht das Ziel 2026, rechtzeitig zum Zieljahr 2030") {
		t.Errorf("units: %q", j.Explanation)
	}
}

// attainmentCounty is a small county worked out by hand (analysis year 2023, the latest
// year with a value):
//
//	Indicators:
//	  I1 Kita-Besuchsquote (%, higher, baseline 24 in 2020, target 35 by 2027):
//	     region 26, 28, 30 (2021–23) → slope 2, 2027: 38 → on_track, reach 2026;
//	     Marl 20, 22 (2022–23), own start 20 (not the baseline) → 2027: 30 → at_risk,
//	     22 + 2k = 35 → 2029.5 → reach 2030; Dorsten 40 (2023) → achieved.
//	  I2 Arbeitslosenquote (%, lower, baseline 15 in 2020, target 10 by 2025): 15.5, 16,
//	     16.5 → rising by 0.5 → off_track (trend_wrong_way).
//	  I3 Sprachkurse (no target) → no_data.
//	  I4 Einbürgerungen (higher, 500 by 2025): 420, 510 → achieved.
//	  I5 Beratungsquote (%, higher, 20 by 2030), municipalities only: Marl 10 (2021),
//	     14 (2023) → slope 2, 2030: 28 → on_track; Dorsten 12, 11 → off_track;
//	     roll-up (3 + 1)/2 = 2 → at_risk.
//	Goals (concept C1 "Integrationsplan 2020"; G1 under guideline L1):
//	  G1 "1" in field Bildung, measured by I4, sub-goals G11, G12, G110
//	  G11 "1.1" (field inherited: Bildung): I1 on_track 3, I2 off_track 1 → 2 at_risk
//	  G12 "1.2" in field Arbeit: I3 without data; measures M1 active, M2 planned: 1 of 2
//	      started, at least half → on_track
//	  G110 "1.10": nothing → no_data
//	  G1: I4 4, G11 2, G12 3 (G110 without data) → 9/3 = 3 → on_track
//	  G2 "2" in field Arbeit: M3 planned, M4 paused → nothing started → off_track
//	  G3 "10" outside any concept: nothing → no_data
//	Fields: Arbeit: G12 (3; its parent G1 is not in Arbeit) and G2 (1) → 2 at_risk;
//	  Bildung: G1 only (G11 and G110 sit below G1 in the same field) → on_track;
//	  Gesundheit: no goals → no_data.
//	Concepts: C1: G1 (3), G2 (1) → 2 at_risk; outside: G3 → no_data.
func attainmentCounty() *graph.Snapshot {
	const region = "09991"
	rel := func(t graph.RelType, from, to string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}}
	}
	val := func(ags string, pairs ...float64) []graph.IndicatorValue {
		var out []graph.IndicatorValue
		for _, p := range pts(pairs...) {
			out = append(out, graph.IndicatorValue{Municipality: ags, Year: p.Year, Value: p.Value})
		}
		return out
	}
	goal := func(id, ref, concept, parent string) *graph.Goal {
		return &graph.Goal{Meta: graph.Meta{ID: id}, Text: "Ziel " + ref, Region: region, Concept: concept, Parent: parent, Reference: ref}
	}
	ms := func(id, status string) *graph.Measure {
		return &graph.Measure{Meta: graph.Meta{ID: id}, Title: "Maßnahme " + id, Region: region, Status: status, Level: "operational"}
	}
	g1 := goal("G1", "1", "C1", "")
	g1.Guideline, g1.Level = "L1", "strategic"
	g11 := goal("G11", "1.1", "C1", "G1")
	g11.Guideline = "L1"
	s := &graph.Snapshot{Region: region,
		Municipalities: []*graph.Municipality{{Meta: graph.Meta{ID: "09991001"}, Name: "Marl", Region: region},
			{Meta: graph.Meta{ID: "09991002"}, Name: "Dorsten", Region: region}},
		Fields: []*graph.FieldOfAction{{Meta: graph.Meta{ID: "F1"}, Name: "Bildung", Region: region},
			{Meta: graph.Meta{ID: "F2"}, Name: "Arbeit", Region: region}, {Meta: graph.Meta{ID: "F3"}, Name: "Gesundheit", Region: region}},
		Concepts:   []*graph.Concept{{Meta: graph.Meta{ID: "C1"}, Title: "Integrationsplan 2020", Region: region}},
		Guidelines: []*graph.Guideline{{Meta: graph.Meta{ID: "L1"}, Title: "Bildung öffnet Türen", Region: region, Concept: "C1", Reference: "L 1"}},
		Goals:      []*graph.Goal{goal("G3", "10", "", ""), goal("G2", "2", "C1", ""), goal("G110", "1.10", "C1", "G1"), g11, goal("G12", "1.2", "C1", "G1"), g1},
		Indicators: []*graph.Indicator{
			{Meta: graph.Meta{ID: "I1"}, Name: "Kita-Besuchsquote", Region: region, Unit: "%", Direction: "higher", Baseline: fp(24), BaselineYear: 2020, Target: fp(35), TargetYear: 2027,
				Values: slices.Concat(val("", 2021, 26, 2022, 28, 2023, 30), val("09991001", 2022, 20, 2023, 22), val("09991002", 2023, 40))},
			{Meta: graph.Meta{ID: "I2"}, Name: "Arbeitslosenquote", Region: region, Unit: "%", Direction: "lower", Baseline: fp(15), BaselineYear: 2020, Target: fp(10), TargetYear: 2025,
				Values: val("", 2021, 15.5, 2022, 16, 2023, 16.5)},
			{Meta: graph.Meta{ID: "I3"}, Name: "Sprachkurse", Region: region, Unit: "Kurse", Values: val("", 2022, 10, 2023, 12)},
			{Meta: graph.Meta{ID: "I4"}, Name: "Einbürgerungen", Region: region, Unit: "Personen", Direction: "higher", Target: fp(500), TargetYear: 2025,
				Values: val("", 2022, 420, 2023, 510)},
			{Meta: graph.Meta{ID: "I5"}, Name: "Beratungsquote", Region: region, Unit: "%", Direction: "higher", Target: fp(20), TargetYear: 2030,
				Values: slices.Concat(val("09991001", 2021, 10, 2023, 14), val("09991002", 2022, 12, 2023, 11))},
		},
		Measures: []*graph.Measure{ms("M1", "active"), ms("M2", "planned"), ms("M3", "planned"), ms("M4", "paused")},
	}
	s.Relations = []graph.Relation{
		rel(graph.InField, "G1", "F1"), rel(graph.InField, "G12", "F2"), rel(graph.InField, "G2", "F2"),
		rel(graph.MeasuredBy, "G1", "I4"), rel(graph.MeasuredBy, "G11", "I2"), rel(graph.MeasuredBy, "G11", "I1"), rel(graph.MeasuredBy, "G12", "I3"),
		rel(graph.Pursues, "M2", "G12"), rel(graph.Pursues, "M1", "G12"), rel(graph.Pursues, "M3", "G2"), rel(graph.Pursues, "M4", "G2"),
	}
	return s
}

func mustAttain(t *testing.T, s *graph.Snapshot, p AttainmentParams) *AttainmentResult {
	t.Helper()
	r, err := ComputeAttainment(s, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func indicatorByID(r *AttainmentResult, id string) IndicatorAttainment {
	for _, ia := range r.Indicators {
		if ia.Indicator == id {
			return ia
		}
	}
	return IndicatorAttainment{}
}

func TestAttainmentCounty(t *testing.T) {
	r := mustAttain(t, attainmentCounty(), AttainmentParams{})
	if r.Year != 2023 || r.Region != "09991" {
		t.Errorf("year %d region %s", r.Year, r.Region)
	}
	// Indicators by name.
	var names []string
	classes := map[string]string{}
	for _, ia := range r.Indicators {
		names = append(names, ia.Indicator)
		classes[ia.Indicator] = ia.Class + "/" + ia.Reason
	}
	if want := []string{"I2", "I5", "I4", "I1", "I3"}; !slices.Equal(names, want) {
		t.Errorf("indicator order %v, want %v", names, want)
	}
	for id, want := range map[string]string{"I1": "on_track/projection_meets_target", "I2": "off_track/trend_wrong_way",
		"I3": "no_data/no_target", "I4": "achieved/target_met", "I5": "at_risk/rolled_up_municipalities"} {
		if classes[id] != want {
			t.Errorf("%s: %s, want %s", id, classes[id], want)
		}
	}
	for _, c := range AttainmentClasses {
		if r.Counts[c] != 1 {
			t.Errorf("counts %v, want one of each class", r.Counts)
		}
	}

	// Municipalities by name, each from its own first value.
	i1 := indicatorByID(r, "I1")
	if len(i1.Municipalities) != 2 || i1.Municipalities[0].Name != "Dorsten" || i1.Municipalities[1].Name != "Marl" {
		t.Fatalf("I1 municipalities %+v", i1.Municipalities)
	}
	dorsten, marl := i1.Municipalities[0], i1.Municipalities[1]
	if dorsten.Class != ClassAchieved || marl.Class != ClassAtRisk || marl.Reason != ReasonTrendTooSlow ||
		*marl.Start != (Point{2022, 20}) || *marl.ReachYear != 2030 || math.Abs(*marl.Projected-30) > 1e-9 {
		t.Errorf("I1 Dorsten %+v, Marl %+v", dorsten.Judgement, marl.Judgement)
	}
	if !strings.HasPrefix(marl.Explanation, "Kita-Besuchsquote in Marl 2023: 22 % von 35 % Ziel (erster Wert 2022: 20 %).") {
		t.Errorf("Marl: %q", marl.Explanation)
	}
	if *i1.Start != (Point{2020, 24}) || len(i1.Series) != 3 || *i1.ReachYear != 2026 || !slices.Equal(i1.Goals, []string{"G11"}) ||
		*i1.Baseline != (Point{2020, 24}) || *i1.Target != 35 || i1.TargetYear != 2027 || i1.Direction != "higher" {
		t.Errorf("I1 %+v", i1)
	}
	i5 := indicatorByID(r, "I5")
	if i5.Latest != nil || i5.Share != nil || i5.Start != nil || i5.Trend != nil || len(i5.Series) != 0 || len(i5.Municipalities) != 2 ||
		i5.Municipalities[0].Class != ClassOffTrack || i5.Municipalities[1].Class != ClassOnTrack || *i5.Municipalities[1].ReachYear != 2026 {
		t.Errorf("I5 %+v", i5)
	}
	if want := "Beratungsquote: Werte liegen nur für einzelne Kommunen vor, zusammengefasst aus 2 Kommunen (auf Kurs: 1, nicht auf Kurs: 1). Im Mittel 2 von 4 Punkten, also „gefährdet“."; i5.Explanation != want {
		t.Errorf("I5:\n got %q\nwant %q", i5.Explanation, want)
	}

	// Goals in concept and reference order, the goal outside any concept last.
	type goalWant struct {
		class      string
		fields     []string
		children   []string
		indicators []string
		measures   []string
		counts     map[string]int
	}
	wantGoals := []string{"G1", "G11", "G12", "G110", "G2", "G3"}
	want := map[string]goalWant{
		"G1":   {ClassOnTrack, []string{"F1"}, []string{"G11", "G12", "G110"}, []string{"I4"}, []string{}, map[string]int{ClassAchieved: 1, ClassOnTrack: 1, ClassAtRisk: 1, ClassNoData: 1}},
		"G11":  {ClassAtRisk, []string{"F1"}, []string{}, []string{"I2", "I1"}, []string{}, map[string]int{ClassOnTrack: 1, ClassOffTrack: 1}},
		"G12":  {ClassOnTrack, []string{"F2"}, []string{}, []string{"I3"}, []string{"M1", "M2"}, map[string]int{ClassNoData: 1}},
		"G110": {ClassNoData, []string{"F1"}, []string{}, []string{}, []string{}, map[string]int{}},
		"G2":   {ClassOffTrack, []string{"F2"}, []string{}, []string{}, []string{"M3", "M4"}, map[string]int{}},
		"G3":   {ClassNoData, []string{}, []string{}, []string{}, []string{}, map[string]int{}},
	}
	var got []string
	for _, g := range r.Goals {
		got = append(got, g.Goal)
		w := want[g.Goal]
		if g.Class != w.class || !slices.Equal(g.Fields, w.fields) || !slices.Equal(g.Children, w.children) ||
			!slices.Equal(g.Indicators, w.indicators) || !slices.Equal(g.Measures, w.measures) || g.Explanation == "" {
			t.Errorf("goal %s: %+v, want %+v", g.Goal, g, w)
		}
		for _, c := range AttainmentClasses {
			if g.Counts[c] != w.counts[c] {
				t.Errorf("goal %s counts %v, want %v", g.Goal, g.Counts, w.counts)
				break
			}
		}
	}
	if !slices.Equal(got, wantGoals) {
		t.Errorf("goal order %v, want %v", got, wantGoals)
	}
	if g := r.Goals[0]; g.Explanation != "Bewertet nach einer Kennzahl und 3 Unterzielen (erreicht: 1, auf Kurs: 1, gefährdet: 1, keine Daten: 1). Im Mittel 3 von 4 Punkten, also „auf Kurs“. Was keine Daten hat, zählt im Mittel nicht mit." ||
		g.Guideline != "L1" || g.Level != "strategic" || g.Concept != "C1" {
		t.Errorf("G1: %+v", g)
	}
	if g := r.Goals[2]; g.Explanation != "Ohne Daten zu Kennzahlen nach den Maßnahmen bewertet: 2 Maßnahmen (1 laufend, 1 geplant). Mindestens die Hälfte läuft oder ist abgeschlossen." ||
		g.MeasureStatus != (MeasureCounts{Active: 1, Planned: 1}) {
		t.Errorf("G12: %q %+v", g.Explanation, g.MeasureStatus)
	}

	// Fields by name.
	wantFields := []struct {
		id, class string
		goals     []string
	}{{"F2", ClassAtRisk, []string{"G12", "G2"}}, {"F1", ClassOnTrack, []string{"G1"}}, {"F3", ClassNoData, []string{}}}
	if len(r.Fields) != len(wantFields) {
		t.Fatalf("fields %+v", r.Fields)
	}
	for i, w := range wantFields {
		if f := r.Fields[i]; f.ID != w.id || f.Class != w.class || !slices.Equal(f.Goals, w.goals) || f.Explanation == "" {
			t.Errorf("field %d: %+v, want %+v", i, f, w)
		}
	}
	if f := r.Fields[0]; f.Explanation != "2 Ziele (auf Kurs: 1, nicht auf Kurs: 1). Im Mittel 2 von 4 Punkten, also „gefährdet“." || f.Name != "Arbeit" {
		t.Errorf("Arbeit: %q", f.Explanation)
	}

	// Concepts: C1, then the goals outside any concept.
	if len(r.Concepts) != 2 {
		t.Fatalf("concepts %+v", r.Concepts)
	}
	if c := r.Concepts[0]; c.ID != "C1" || c.Class != ClassAtRisk || !slices.Equal(c.Goals, []string{"G1", "G2"}) || c.Counts[ClassOnTrack] != 1 || c.Counts[ClassOffTrack] != 1 {
		t.Errorf("C1 %+v", c)
	}
	if c := r.Concepts[1]; c.ID != "" || c.Class != ClassNoData || !slices.Equal(c.Goals, []string{"G3"}) || c.Name != "Ziele außerhalb eines Konzepts" {
		t.Errorf("outside %+v", c)
	}
	if len(r.Guidelines) != 1 || !slices.Equal(r.Guidelines[0].Goals, []string{"G1", "G11"}) || r.Guidelines[0].Concept != "C1" {
		t.Errorf("guidelines %+v", r.Guidelines)
	}
}

// TestAttainmentYear: looking from 2022, I1 has 26, 28 (and the baseline) → still on track;
// I4 has the single value 420 → at_risk; I5's municipalities have one value each → at_risk;
// Dorsten's I1 value of 2023 is not yet there.
func TestAttainmentYear(t *testing.T) {
	r := mustAttain(t, attainmentCounty(), AttainmentParams{Year: 2022})
	i1, i4, i5 := indicatorByID(r, "I1"), indicatorByID(r, "I4"), indicatorByID(r, "I5")
	if r.Year != 2022 || len(i1.Series) != 2 || i1.Class != ClassOnTrack || *i1.Latest != (Point{2022, 28}) ||
		len(i1.Municipalities) != 1 || i1.Municipalities[0].Reason != ReasonSingleValue {
		t.Errorf("I1 in 2022: %+v", i1)
	}
	if i4.Class != ClassAtRisk || i4.Reason != ReasonSingleValue || i5.Class != ClassAtRisk || i5.Reason != ReasonRolledUp {
		t.Errorf("I4 %s/%s, I5 %s/%s", i4.Class, i4.Reason, i5.Class, i5.Reason)
	}
	for _, y := range []int{1949, 2101, -1} {
		_, err := ComputeAttainment(attainmentCounty(), AttainmentParams{Year: y})
		var e *graph.Error
		if !errors.As(err, &e) || e.Code != graph.EINVALID || len(e.Fields) != 1 || e.Fields[0].Field != "year" {
			t.Errorf("year %d: %v", y, err)
		}
	}
}

// TestAttainmentEnglishAndJSON: English explanations use the English number format, and the
// JSON has lists, never null, and is the same whatever the snapshot's order.
func TestAttainmentEnglishAndJSON(t *testing.T) {
	s := attainmentCounty()
	r := mustAttain(t, s, AttainmentParams{Lang: "en"})
	if e := indicatorByID(r, "I2").Explanation; !strings.Contains(e, "Arbeitslosenquote 2023: 16.5%, target: at most 10% (baseline 2020: 15%).") {
		t.Errorf("English: %q", e)
	}
	if e := r.Goals[0].Explanation; !strings.HasPrefix(e, "Judged by one indicator and 3 sub-goals (achieved: 1, on track: 1, at risk: 1, no data: 1).") {
		t.Errorf("English goal: %q", e)
	}
	a, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(a), "null") {
		t.Errorf("JSON holds null: %s", a)
	}
	slices.Reverse(s.Indicators)
	slices.Reverse(s.Goals)
	slices.Reverse(s.Relations)
	slices.Reverse(s.Fields)
	for _, ind := range s.Indicators {
		slices.Reverse(ind.Values)
	}
	b, _ := json.Marshal(mustAttain(t, s, AttainmentParams{Lang: "en"}))
	if string(a) != string(b) {
		t.Errorf("result depends on the snapshot's order")
	}
	// An empty snapshot: year 0, empty lists.
	r = mustAttain(t, &graph.Snapshot{Region: "09991"}, AttainmentParams{})
	if c, _ := json.Marshal(r); r.Year != 0 || strings.Contains(string(c), "null") {
		t.Errorf("empty: %s", c)
	}
}

// TestAttainmentGoalByMeasures: goals without indicator data are judged by their measures.
func TestAttainmentGoalByMeasures(t *testing.T) {
	for _, tc := range []struct {
		statuses []string
		class    string
	}{
		{nil, ClassNoData},
		{[]string{"completed", "completed"}, ClassAchieved},
		{[]string{"completed"}, ClassAchieved},
		{[]string{"active"}, ClassOnTrack},
		{[]string{"active", "planned"}, ClassOnTrack}, // 1 of 2 started: half
		{[]string{"completed", "paused", "active"}, ClassOnTrack},
		{[]string{"completed", "planned", "planned"}, ClassAtRisk}, // 1 of 3
		{[]string{"planned", "paused"}, ClassOffTrack},
		{[]string{"planned"}, ClassOffTrack},
	} {
		s := &graph.Snapshot{Region: "09991", Goals: []*graph.Goal{{Meta: graph.Meta{ID: "G"}, Text: "Ziel"}},
			// An indicator without values does not count as data.
			Indicators: []*graph.Indicator{indicatorOf("higher", 35, nil, 2027)}}
		s.Relations = append(s.Relations, graph.Relation{RelationKey: graph.RelationKey{Type: graph.MeasuredBy, From: "G", To: "I"}})
		for i, st := range tc.statuses {
			id := string(rune('a' + i))
			s.Measures = append(s.Measures, &graph.Measure{Meta: graph.Meta{ID: id}, Title: id, Status: st})
			s.Relations = append(s.Relations, graph.Relation{RelationKey: graph.RelationKey{Type: graph.Pursues, From: id, To: "G"}})
		}
		for _, lang := range []string{"de", "en"} {
			r := mustAttain(t, s, AttainmentParams{Year: 2023, Lang: lang})
			if g := r.Goals[0]; g.Class != tc.class || g.Counts[ClassNoData] != 1 || strings.Contains(g.Explanation, "{") {
				t.Errorf("%v (%s): %s, want %s: %s", tc.statuses, lang, g.Class, tc.class, g.Explanation)
			}
		}
	}
}

// TestAttainmentDeepGoals: a chain of graph.MaxGoalDepth goals, the deepest measured by an
// achieved indicator, is achieved at every level; only the top goal counts for the field
// the top goal is in.
func TestAttainmentDeepGoals(t *testing.T) {
	s := &graph.Snapshot{Region: "09991", Fields: []*graph.FieldOfAction{{Meta: graph.Meta{ID: "F"}, Name: "Feld"}},
		Indicators: []*graph.Indicator{{Meta: graph.Meta{ID: "I"}, Name: "Quote", Direction: "higher", Target: fp(1),
			Values: []graph.IndicatorValue{{Year: 2023, Value: 2}}}}}
	parent := ""
	for d := range graph.MaxGoalDepth {
		id := "G" + string(rune('0'+d))
		s.Goals = append(s.Goals, &graph.Goal{Meta: graph.Meta{ID: id}, Text: id, Parent: parent, Reference: strings.Repeat("1.", d) + "1"})
		parent = id
	}
	s.Relations = []graph.Relation{{RelationKey: graph.RelationKey{Type: graph.MeasuredBy, From: parent, To: "I"}},
		{RelationKey: graph.RelationKey{Type: graph.InField, From: "G0", To: "F"}}}
	r := mustAttain(t, s, AttainmentParams{})
	for _, g := range r.Goals {
		if g.Class != ClassAchieved || !slices.Equal(g.Fields, []string{"F"}) {
			t.Errorf("%s: %s %v", g.Goal, g.Class, g.Fields)
		}
	}
	if f := r.Fields[0]; !slices.Equal(f.Goals, []string{"G0"}) || f.Class != ClassAchieved {
		t.Errorf("field %+v", f)
	}
}

// TestRollUp: the mean score of the members with data, rounded to the nearest class (halves to the worse).
func TestRollUp(t *testing.T) {
	for _, tc := range []struct {
		classes []string
		want    string
	}{
		{nil, ClassNoData},
		{[]string{ClassNoData, ClassNoData}, ClassNoData},
		{[]string{ClassAchieved, ClassOnTrack}, ClassOnTrack},                 // 7/2 = 3.5 → 3
		{[]string{ClassAchieved, ClassOffTrack}, ClassAtRisk},                 // 5/2 = 2.5 → 2
		{[]string{ClassAchieved, ClassAchieved, ClassOffTrack}, ClassOnTrack}, // 9/3 = 3
		{[]string{ClassAtRisk, ClassOffTrack, ClassNoData}, ClassOffTrack},    // 3/2 = 1.5 → 1
		{[]string{ClassAchieved, ClassNoData}, ClassAchieved},
		// 9 on track and 1 off track: 28/10 = 2.8, nearer to on_track than to at_risk.
		{append(slices.Repeat([]string{ClassOnTrack}, 9), ClassOffTrack), ClassOnTrack},
		// 2 on track, 2 off track: 8/4 = 2.0 → at_risk; 3 achieved, 1 off track: 13/4 = 3.25 → on_track.
		{[]string{ClassOnTrack, ClassOffTrack, ClassOnTrack, ClassOffTrack}, ClassAtRisk},
		{[]string{ClassAchieved, ClassAchieved, ClassAchieved, ClassOffTrack}, ClassOnTrack},
		// 2.75 → on_track (nearer 3), 2.25 → at_risk (nearer 2).
		{[]string{ClassAchieved, ClassOnTrack, ClassAtRisk, ClassAtRisk}, ClassOnTrack},
		{[]string{ClassOnTrack, ClassAtRisk, ClassAtRisk, ClassAtRisk}, ClassAtRisk},
	} {
		if r := rollUp(tc.classes); r.class != tc.want {
			t.Errorf("%v: %s, want %s", tc.classes, r.class, tc.want)
		}
	}
}

// TestAttainmentCatalogue: every key the code uses is in the catalogue (literal keys found in
// the source; class and reason keys built from their prefixes), and every attainment.* key
// of the catalogue is used.
func TestAttainmentCatalogue(t *testing.T) {
	src, err := os.ReadFile("attainment.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(attainment\.[a-z_.]+)"`).FindAllStringSubmatch(string(src), -1) {
		key := m[1]
		switch key {
		case keyClassPrefix:
			for _, c := range AttainmentClasses {
				used[key+c] = true
			}
		case keyReasonPrefix:
			for _, r := range AttainmentReasons {
				used[key+r] = true
			}
		default:
			used[key] = true
			if key == keyStatusTargetLower {
				used[key+"_start"] = true // the code appends "_start" when it names the start
			}
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in attainment.go", len(used))
	}
	for key := range used {
		if !msg.Has(key) {
			t.Errorf("%s is used but not in the catalogue", key)
		}
	}
	for _, key := range msg.Keys() {
		if strings.HasPrefix(key, "attainment.") && !used[key] {
			t.Errorf("%s is in the catalogue but not used", key)
		}
	}
}
