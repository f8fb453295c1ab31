package analysis

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Reasons of a Judgement, see the attainment.reason.* messages.
const (
	ReasonTargetMet             = "target_met"
	ReasonProjectionMeetsTarget = "projection_meets_target"
	ReasonTrendTowardTarget     = "trend_toward_target"
	ReasonTrendTooSlow          = "trend_too_slow"
	ReasonTrendOvershoots       = "trend_overshoots"
	ReasonTrendWrongWay         = "trend_wrong_way"
	ReasonTargetYearPassed      = "target_year_passed"
	ReasonSingleValue           = "single_value"
	ReasonNoValues              = "no_values"
	ReasonNoTarget              = "no_target"
	ReasonRolledUp              = "rolled_up_municipalities"
)

// AttainmentReasons lists every reason code a Judgement can carry.
var AttainmentReasons = []string{ReasonTargetMet, ReasonProjectionMeetsTarget, ReasonTrendTowardTarget,
	ReasonTrendTooSlow, ReasonTrendOvershoots, ReasonTrendWrongWay, ReasonTargetYearPassed, ReasonSingleValue,
	ReasonNoValues, ReasonNoTarget, ReasonRolledUp}

// The catalogue keys of the analysis (msg/catalogue/attainment.json). Classes and reasons are
// looked up as prefix + code.
const (
	keyClassPrefix  = "attainment.class."
	keyReasonPrefix = "attainment.reason."

	keyLabelMunicipal = "attainment.label.municipal"
	keyLabelOutside   = "attainment.label.outside_concept"
	keySlopePoints    = "attainment.slope.points"
	keySlopeUnit      = "attainment.slope.unit"
	keyCountsItem     = "attainment.counts.item"

	keyStartBaseline     = "attainment.explain.start.baseline"
	keyStartFirst        = "attainment.explain.start.first"
	keyStatusTarget      = "attainment.explain.status.target"
	keyStatusTargetStart = "attainment.explain.status.target_start"
	keyStatusTargetLower = "attainment.explain.status.target_lower"
	keyStatusRange       = "attainment.explain.status.range"
	keyStatusRangeStart  = "attainment.explain.status.range_start"
	keyStatusNoTarget    = "attainment.explain.status.no_target"
	keyNoTarget          = "attainment.explain.no_target"
	keyNoValues          = "attainment.explain.no_values"
	keyNoValuesAny       = "attainment.explain.no_values_any"
	keyShare             = "attainment.explain.share"
	keyShareNegative     = "attainment.explain.share_negative"
	keyAchieved          = "attainment.explain.achieved"
	keyYearPassed        = "attainment.explain.year_passed"
	keySingleValue       = "attainment.explain.single_value"
	keyTrendReachInTime  = "attainment.explain.trend.reach_in_time"
	keyTrendReachLate    = "attainment.explain.trend.reach_late"
	keyTrendReach        = "attainment.explain.trend.reach"
	keyTrendToward       = "attainment.explain.trend.toward"
	keyTrendOvershoot    = "attainment.explain.trend.overshoot"
	keyTrendAway         = "attainment.explain.trend.away"
	keyTrendFlat         = "attainment.explain.trend.flat"
	keyRolledUp          = "attainment.explain.rolled_up"
	keyMean              = "attainment.explain.mean"
	keyMeanWithoutNoData = "attainment.explain.mean_without_no_data"

	keyMembersIndicators = "attainment.members.indicators"
	keyMembersChildren   = "attainment.members.children"
	keyMembersAnd        = "attainment.members.and"
	keyGoalRollup        = "attainment.goal.rollup"
	keyGoalNothing       = "attainment.goal.nothing"
	keyGoalNoData        = "attainment.goal.no_data"
	keyGoalByMeasures    = "attainment.goal.by_measures"
	keyMeasuresAllDone   = "attainment.goal.measures.all_completed"
	keyMeasuresHalf      = "attainment.goal.measures.half_started"
	keyMeasuresSome      = "attainment.goal.measures.some_started"
	keyMeasuresNone      = "attainment.goal.measures.none_started"
	keyMeasureActive     = "attainment.measures.active"
	keyMeasureCompleted  = "attainment.measures.completed"
	keyMeasurePlanned    = "attainment.measures.planned"
	keyMeasurePaused     = "attainment.measures.paused"

	keyGroupRollup = "attainment.group.rollup"
	keyGroupNoData = "attainment.group.no_data"
	keyGroupEmpty  = "attainment.group.empty"
)

// classScore scores the classes for the roll-up; no_data has no score.
var classScore = map[string]int{ClassAchieved: 4, ClassOnTrack: 3, ClassAtRisk: 2, ClassOffTrack: 1}

// scoreClass is the class of a whole score.
var scoreClass = map[int]string{4: ClassAchieved, 3: ClassOnTrack, 2: ClassAtRisk, 1: ClassOffTrack}

// ComputeAttainment judges every indicator of the snapshot's region against its target in
// year p.Year (0: the latest year with any value in the region, 0 when there is none) and
// rolls the judgements up per goal, field of action and concept. Values after the year are
// ignored. Explanations are in English for p.Lang "en", else in German. A year outside
// 1950–2100 is an EINVALID error.
//
// The rules below are the product's definition of "on track" (Integrationsmonitoring); the
// reports and the web app explain them with the same words.
//
// One series (JudgeSeries):
//
//   - Start is the baseline (value and year) when the indicator has one and its year is not
//     after the analysis year, else the series' first value: progress is measured from where
//     the concept started, and only without a stated baseline from the first measurement.
//   - Share = (latest − start) / (target − start) for higher and lower; nil when the target
//     equals the start, without start or latest, and for ranges (a corridor has no single
//     distance to cover).
//   - Trend is the ordinary least-squares line (gonum stat.LinearRegression) through the
//     values up to the analysis year, plus the baseline point when its year has no value of
//     its own: the baseline is a measurement too, and often the oldest one. It needs at least
//     two distinct years. Years are used as they are, so irregular spacing (2019, 2020, 2023)
//     weighs each value at its real place in time.
//   - Projected is the trend's value in the target year. ReachYear is the first whole year,
//     not before the latest value's year, in which the trend line meets the target (the
//     crossing rounded up); it is only given when the trend moves toward the target and the
//     target is not met yet.
//
// Classes, for direction higher (lower mirrored; for a range "meets" means inside
// [target, target_upper], and "toward" means toward the nearer end of the corridor):
//
//  1. no_data: no value up to the analysis year (no_values), or no target or direction
//     (no_target). Nothing can be judged.
//  2. achieved: the latest value meets the target (target_met). The latest value counts, not
//     the trend: a reached target is reached.
//  3. off_track when the target year has passed (analysis year after the target year, or the
//     latest value from the target year or later) and the target is not met
//     (target_year_passed): no trend can make up for a missed deadline.
//  4. at_risk with a single value and no trend (single_value): one figure says where the
//     region stands, not where it is heading.
//  5. off_track when the trend is flat or moves away from the target (trend_wrong_way), also
//     when its line happens to lie beyond the target: a falling value is not on track.
//  6. Without a target year: on_track when the trend moves toward the target
//     (trend_toward_target).
//  7. With a target year: on_track when the projection for the target year meets the target
//     (projection_meets_target); at_risk when the trend moves toward it too slowly
//     (trend_too_slow), or, for a range, when it passes the corridor and leaves it on the
//     other side by the target year (trend_overshoots).
//
// Flat means a slope below 1e-9 of the values' size per year, so that rounding in the fit
// does not turn a constant series into a tiny trend.
//
// Municipalities: every municipality with values up to the analysis year gets its own
// judgement by the same rules; its start is its own first value, since the indicator's
// baseline describes the region. An indicator with values per municipality only is judged by
// the roll-up of the municipalities' classes (rolled_up_municipalities).
//
// Roll-up (goals, fields, concepts, municipalities): the members' classes are scored achieved
// 4, on_track 3, at_risk 2, off_track 1; the class is the mean score of the members with
// data rounded to the nearest class, a mean exactly between two classes to the worse one (so
// that a strong member does not hide a weak one: achieved and off_track give at_risk, while
// nine municipalities on track and one off track still make "on track").
// Members without data are counted but left out of the mean; no member with data gives
// no_data.
//
// A goal's members are its indicators (MEASURED_BY) and its direct sub-goals, computed from
// the bottom up. A goal without any member with data is judged by the measures that pursue
// it, since early in a concept the measures are all there is to see: none → no_data, all
// completed → achieved, at least half active or completed → on_track, some → at_risk, none
// started (only planned or paused) → off_track.
//
// A goal's fields are its own IN_FIELD fields, else those of its nearest ancestor with
// fields. A field rolls up the goals in it whose parent is not in it too, so that a
// strategic goal and its Handlungsziele are not counted twice. A concept rolls up its
// top-level goals (no parent); goals outside any concept form a last group with an empty id.
//
// Order: indicators by name; goals and guidelines by concept (concepts by title, goals
// outside a concept last), then reference in natural order ("1.2" before "1.10"), then text;
// fields by name; municipalities by name. Counts hold every class, zeros included; lists are
// empty, never null. Explanations give figures with one decimal (three below 1) and years
// without thousands separators.
func ComputeAttainment(s *graph.Snapshot, p AttainmentParams) (*AttainmentResult, error) {
	if p.Year != 0 && (p.Year < 1950 || p.Year > 2100) {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid year",
			Fields: []graph.FieldError{{Field: "year", Message: "must be between 1950 and 2100 (0 for the latest year with values)"}}}
	}
	pr := msg.For(msg.Parse(p.Lang, ""))
	year := p.Year
	if year == 0 {
		for _, ind := range s.Indicators {
			for _, v := range ind.Values {
				year = max(year, v.Year)
			}
		}
	}
	a := newAttainment(s, year, pr)
	res := &AttainmentResult{Region: s.Region, Year: year, Counts: newCounts()}
	res.Indicators = a.indicators()
	for _, ia := range res.Indicators {
		res.Counts[ia.Class]++
	}
	res.Goals = a.goals()
	res.Fields = a.fields()
	res.Concepts = a.concepts()
	res.Guidelines = a.guidelines()
	return res, nil
}

// JudgeSeries judges one series of indicator ind, the region's, in year (0: the series'
// latest year) by the rules of ComputeAttainment: the baseline applies. Points after year are ignored; the order of series
// does not matter. The explanation is written by pr and names the indicator.
func JudgeSeries(ind *graph.Indicator, series []Point, year int, pr msg.Printer) Judgement {
	return judge(ind, series, true, year, pr, ind.Name)
}

// target is an indicator's target as the judgement needs it.
type target struct {
	ok     bool // a target and a known direction
	dir    string
	lo, hi float64 // hi only for ranges
	year   int
}

func targetOf(ind *graph.Indicator) target {
	t := target{dir: ind.Direction, year: ind.TargetYear}
	if ind.Target == nil {
		return t
	}
	t.lo = *ind.Target
	switch ind.Direction {
	case "higher", "lower":
		t.ok = true
	case "range":
		if ind.TargetUpper != nil {
			t.ok, t.hi = true, *ind.TargetUpper
		}
	}
	return t
}

// tol is the tolerance of comparisons with the target: fits and projections carry rounding.
func tol(x float64) float64 { return 1e-9 * math.Max(1, math.Abs(x)) }

// meets reports whether v meets the target.
func (t target) meets(v float64) bool {
	switch t.dir {
	case "higher":
		return v >= t.lo-tol(t.lo)
	case "lower":
		return v <= t.lo+tol(t.lo)
	}
	return v >= t.lo-tol(t.lo) && v <= t.hi+tol(t.hi)
}

// sense is the sign of the slope that moves a value v toward the target: +1 up, -1 down.
func (t target) sense(v float64) float64 {
	switch {
	case t.dir == "higher", t.dir == "range" && v < t.lo:
		return 1
	}
	return -1
}

// beyond reports whether v, reached from latest by a trend toward a range, lies past the
// range's far end.
func (t target) beyond(latest, v float64) bool {
	if t.dir != "range" {
		return false
	}
	if latest < t.lo {
		return v > t.hi+tol(t.hi)
	}
	return v < t.lo-tol(t.lo)
}

// judge judges a series; withBaseline applies the indicator's baseline (region series only).
func judge(ind *graph.Indicator, series []Point, withBaseline bool, year int, pr msg.Printer, label string) Judgement {
	pts := upTo(series, year)
	if year == 0 && len(pts) > 0 {
		year = pts[len(pts)-1].Year
	}
	var j Judgement
	var base *Point
	if withBaseline && ind.Baseline != nil && ind.BaselineYear != 0 && (year == 0 || ind.BaselineYear <= year) {
		base = &Point{Year: ind.BaselineYear, Value: *ind.Baseline}
	}
	switch {
	case base != nil:
		j.Start = base
	case len(pts) > 0:
		j.Start = &Point{Year: pts[0].Year, Value: pts[0].Value}
	}
	if len(pts) > 0 {
		j.Latest = &Point{Year: pts[len(pts)-1].Year, Value: pts[len(pts)-1].Value}
	}
	t := targetOf(ind)

	fit := pts
	if base != nil && !slices.ContainsFunc(pts, func(p Point) bool { return p.Year == base.Year }) {
		fit = append(slices.Clone(pts), *base)
	}
	j.Trend = fitTrend(fit)
	at := func(y int) float64 { return j.Trend.Intercept + j.Trend.Slope*float64(y) }
	if j.Trend != nil && t.ok && t.year != 0 {
		v := at(t.year)
		j.Projected = &v
	}
	if t.ok && t.dir != "range" && j.Start != nil && j.Latest != nil && t.lo != j.Start.Value {
		sh := (j.Latest.Value - j.Start.Value) / (t.lo - j.Start.Value)
		j.Share = &sh
	}

	var flat, toward bool
	if j.Trend != nil && j.Latest != nil && t.ok {
		scale := 0.0
		for _, p := range fit {
			scale = math.Max(scale, math.Abs(p.Value))
		}
		flat = math.Abs(j.Trend.Slope) <= tol(scale)
		toward = !flat && !t.meets(j.Latest.Value) && j.Trend.Slope*t.sense(j.Latest.Value) > 0
		if toward {
			j.ReachYear = reachYear(t, j.Trend, j.Latest)
		}
	}

	switch {
	case len(pts) == 0:
		j.Class, j.Reason = ClassNoData, ReasonNoValues
	case !t.ok:
		j.Class, j.Reason = ClassNoData, ReasonNoTarget
	case t.meets(j.Latest.Value):
		j.Class, j.Reason = ClassAchieved, ReasonTargetMet
	case t.year != 0 && (year > t.year || j.Latest.Year >= t.year):
		j.Class, j.Reason = ClassOffTrack, ReasonTargetYearPassed
	case j.Trend == nil:
		j.Class, j.Reason = ClassAtRisk, ReasonSingleValue
	case !toward:
		j.Class, j.Reason = ClassOffTrack, ReasonTrendWrongWay
	case t.year == 0:
		j.Class, j.Reason = ClassOnTrack, ReasonTrendTowardTarget
	case t.meets(*j.Projected):
		j.Class, j.Reason = ClassOnTrack, ReasonProjectionMeetsTarget
	case t.beyond(j.Latest.Value, *j.Projected):
		j.Class, j.Reason = ClassAtRisk, ReasonTrendOvershoots
	default:
		j.Class, j.Reason = ClassAtRisk, ReasonTrendTooSlow
	}
	j.Explanation = explainJudgement(&j, ind, t, base != nil, flat, year, pr, label)
	return j
}

// upTo returns the points of series up to year (all when year is 0), sorted by year.
func upTo(series []Point, year int) []Point {
	out := make([]Point, 0, len(series))
	for _, p := range series {
		if year == 0 || p.Year <= year {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Point) int { return cmp.Compare(a.Year, b.Year) })
	return out
}

// fitTrend fits the least-squares line through pts; nil with fewer than two distinct years.
func fitTrend(pts []Point) *Trend {
	if len(pts) < 2 {
		return nil
	}
	x, y := make([]float64, len(pts)), make([]float64, len(pts))
	from, to := pts[0].Year, pts[0].Year
	for i, p := range pts {
		x[i], y[i] = float64(p.Year), p.Value
		from, to = min(from, p.Year), max(to, p.Year)
	}
	if from == to {
		return nil
	}
	alpha, beta := stat.LinearRegression(x, y, nil, false)
	return &Trend{Slope: beta, Intercept: alpha, Points: len(pts), From: from, To: to}
}

// maxReachYear caps ReachYear: a crossing further away says "never" in any sense that
// matters, and the cap keeps the conversion to int safe.
const maxReachYear = 9999

// reachYear is the first whole year from the latest value's year on in which the trend line
// meets the target; the trend moves toward it. For a range the line may cross the corridor
// between two whole years; then there is no such year.
func reachYear(t target, tr *Trend, latest *Point) *int {
	cross := func(v float64) float64 { return (v - tr.Intercept) / tr.Slope }
	var first, last float64 // the crossing into the target and, for ranges, out of it
	switch {
	case t.dir != "range":
		first, last = cross(t.lo), math.Inf(1)
	case latest.Value < t.lo:
		first, last = cross(t.lo), cross(t.hi)
	default:
		first, last = cross(t.hi), cross(t.lo)
	}
	if math.IsNaN(first) || first > maxReachYear {
		return nil
	}
	y := max(latest.Year, int(math.Ceil(first-1e-9)))
	if float64(y) > last+1e-9 {
		return nil
	}
	return &y
}

// fmtNum formats a figure: one decimal, three for figures below 1 (shares, rates).
func fmtNum(pr msg.Printer, x float64) string { return pr.Num(x, decimals(x)) }

func decimals(x float64) int {
	if x != 0 && math.Abs(x) < 1 {
		return 3
	}
	return 1
}

// qty formats a figure with its unit ("31,5 %", "31.5%", "420 Personen").
func qty(pr msg.Printer, x float64, unit string) string {
	s := fmtNum(pr, x)
	switch {
	case unit == "":
		return s
	case unit == "%" && pr.Lang == msg.EN:
		return s + "%"
	}
	return s + " " + unit
}

// slopePhrase formats a slope with its unit: percentages change by points.
func slopePhrase(pr msg.Printer, slope float64, unit string) string {
	d := decimals(slope)
	s := pr.Signed(slope, d)
	switch unit {
	case "":
		return s
	case "%":
		p := math.Pow(10, float64(d))
		return pr.T(keySlopePoints, msg.Args{"slope": s, "n": math.Round(math.Abs(slope)*p) / p})
	}
	return pr.T(keySlopeUnit, msg.Args{"slope": s, "unit": unit})
}

func explainJudgement(j *Judgement, ind *graph.Indicator, t target, fromBaseline, flat bool, year int, pr msg.Printer, label string) string {
	if j.Latest == nil {
		if year == 0 {
			return pr.T(keyNoValuesAny, msg.Args{"name": label})
		}
		return pr.T(keyNoValues, msg.Args{"name": label, "year": strconv.Itoa(year)})
	}
	q := func(x float64) string { return qty(pr, x, ind.Unit) }
	args := msg.Args{"name": label, "year": strconv.Itoa(j.Latest.Year), "value": q(j.Latest.Value)}
	if !t.ok {
		return pr.T(keyStatusNoTarget, args)
	}
	var parts []string
	key := keyStatusTarget
	switch t.dir {
	case "range":
		key = keyStatusRange
		args["lower"], args["upper"] = q(t.lo), q(t.hi)
	case "lower":
		key = keyStatusTargetLower // "von 12 Monate Ziel" reads wrong where less is better
		args["target"] = q(t.lo)
	default:
		args["target"] = q(t.lo)
	}
	if j.Start != nil && *j.Start != *j.Latest {
		startKey := keyStartFirst
		if fromBaseline {
			startKey = keyStartBaseline
		}
		args["start"] = pr.T(startKey, msg.Args{"year": strconv.Itoa(j.Start.Year), "value": q(j.Start.Value)})
		key += "_start"
	}
	parts = append(parts, pr.T(key, args))
	if j.Class == ClassAchieved {
		return strings.Join(append(parts, pr.T(keyAchieved, nil)), " ")
	}
	if j.Share != nil && *j.Start != *j.Latest {
		if *j.Share < 0 {
			parts = append(parts, pr.T(keyShareNegative, nil))
		} else {
			parts = append(parts, pr.T(keyShare, msg.Args{"share": pr.Num(*j.Share*100, 0)}))
		}
	}
	trend := msg.Args{"target_year": strconv.Itoa(t.year)}
	if j.Trend != nil {
		trend["slope"] = slopePhrase(pr, j.Trend.Slope, ind.Unit)
	}
	if j.ReachYear != nil {
		trend["reach"] = strconv.Itoa(*j.ReachYear)
	}
	if j.Projected != nil {
		trend["projected"] = q(*j.Projected)
	}
	switch j.Reason {
	case ReasonTargetYearPassed:
		if j.ReachYear != nil && *j.ReachYear > t.year {
			trend["late"] = *j.ReachYear - t.year
			parts = append(parts, pr.T(keyTrendReachLate, trend))
			break
		}
		parts = append(parts, pr.T(keyYearPassed, trend))
		switch {
		case j.Trend == nil:
		case flat:
			parts = append(parts, pr.T(keyTrendFlat, trend))
		case j.ReachYear != nil || j.Trend.Slope*t.sense(j.Latest.Value) > 0:
			parts = append(parts, pr.T(keyTrendToward, trend))
		default:
			parts = append(parts, pr.T(keyTrendAway, trend))
		}
	case ReasonSingleValue:
		parts = append(parts, pr.T(keySingleValue, nil))
	case ReasonTrendWrongWay:
		if flat {
			parts = append(parts, pr.T(keyTrendFlat, trend))
		} else {
			parts = append(parts, pr.T(keyTrendAway, trend))
		}
	case ReasonTrendTowardTarget:
		if j.ReachYear != nil {
			parts = append(parts, pr.T(keyTrendReach, trend))
		} else {
			parts = append(parts, pr.T(keyTrendToward, trend))
		}
	case ReasonTrendOvershoots:
		parts = append(parts, pr.T(keyTrendOvershoot, trend))
	case ReasonProjectionMeetsTarget, ReasonTrendTooSlow:
		switch {
		case j.ReachYear == nil:
			parts = append(parts, pr.T(keyTrendToward, trend))
		case *j.ReachYear > t.year:
			trend["late"] = *j.ReachYear - t.year
			parts = append(parts, pr.T(keyTrendReachLate, trend))
		default:
			parts = append(parts, pr.T(keyTrendReachInTime, trend))
		}
	}
	return strings.Join(parts, " ")
}

// rollup is the roll-up of members' classes.
type rollup struct {
	counts     map[string]int
	sum, rated int // score sum and number of members with data
	class      string
}

func newCounts() map[string]int {
	c := make(map[string]int, len(AttainmentClasses))
	for _, cl := range AttainmentClasses {
		c[cl] = 0
	}
	return c
}

// rollUp scores classes and rounds the mean over those with data, halves toward the worse class.
func rollUp(classes []string) rollup {
	r := rollup{counts: newCounts(), class: ClassNoData}
	for _, c := range classes {
		r.counts[c]++
		if s, ok := classScore[c]; ok {
			r.sum += s
			r.rated++
		}
	}
	if r.rated > 0 {
		// round(sum/rated) with halves down, in integers: ceil(sum/rated − ½)
		r.class = scoreClass[(2*r.sum+r.rated-1)/(2*r.rated)]
	}
	return r
}

// countsPhrase lists the non-zero counts, best class first ("auf Kurs: 2, gefährdet: 1").
func countsPhrase(pr msg.Printer, counts map[string]int) string {
	var items []string
	for _, c := range AttainmentClasses {
		if n := counts[c]; n > 0 {
			items = append(items, pr.T(keyCountsItem, msg.Args{"class": pr.T(keyClassPrefix+c, nil), "n": n}))
		}
	}
	return strings.Join(items, ", ")
}

// meanSentences say the mean score and the class it gives.
func meanSentences(pr msg.Printer, r rollup) []string {
	out := []string{pr.T(keyMean, msg.Args{"score": pr.Num(float64(r.sum)/float64(r.rated), 1),
		"class": pr.T(keyClassPrefix+r.class, nil)})}
	if r.counts[ClassNoData] > 0 {
		out = append(out, pr.T(keyMeanWithoutNoData, nil))
	}
	return out
}

// attainment holds the snapshot's lookups while the analysis runs.
type attainment struct {
	s    *graph.Snapshot
	year int
	pr   msg.Printer

	goalByID      map[string]*graph.Goal
	indicatorByID map[string]*graph.Indicator
	measures      map[string]*graph.Measure
	fieldsByID    map[string]*graph.FieldOfAction
	muniNames     map[string]string
	conceptRank   map[string]int
	indRank       map[string]int
	goalRank      map[string]int

	measuredBy map[string][]string // goal → indicators
	measuresOf map[string][]string // indicator → goals
	pursuedBy  map[string][]string // goal → measures
	inField    map[string][]string // goal → own fields
	children   map[string][]string // goal → direct sub-goals

	indClass map[string]string          // indicator → class
	done     map[string]*GoalAttainment // goal → its attainment, once computed
	sorted   []*graph.Goal
}

func newAttainment(s *graph.Snapshot, year int, pr msg.Printer) *attainment {
	a := &attainment{s: s, year: year, pr: pr,
		goalByID: map[string]*graph.Goal{}, indicatorByID: map[string]*graph.Indicator{}, measures: map[string]*graph.Measure{},
		fieldsByID: map[string]*graph.FieldOfAction{}, muniNames: map[string]string{}, conceptRank: map[string]int{},
		indRank: map[string]int{}, goalRank: map[string]int{},
		measuredBy: map[string][]string{}, measuresOf: map[string][]string{}, pursuedBy: map[string][]string{},
		inField: map[string][]string{}, children: map[string][]string{},
		indClass: map[string]string{}, done: map[string]*GoalAttainment{}}
	for _, g := range s.Goals {
		a.goalByID[g.ID] = g
	}
	for _, i := range s.Indicators {
		a.indicatorByID[i.ID] = i
	}
	for _, m := range s.Measures {
		a.measures[m.ID] = m
	}
	for _, f := range s.Fields {
		a.fieldsByID[f.ID] = f
	}
	for _, m := range s.Municipalities {
		a.muniNames[m.ID] = m.Name
	}
	for i, c := range a.sortedConcepts() {
		a.conceptRank[c.ID] = i
	}
	inds := slices.Clone(s.Indicators)
	slices.SortFunc(inds, func(x, y *graph.Indicator) int {
		return cmp.Or(CompareReferences(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
	})
	for i, ind := range inds {
		a.indRank[ind.ID] = i
	}
	a.sorted = slices.Clone(s.Goals)
	slices.SortFunc(a.sorted, func(x, y *graph.Goal) int {
		return cmp.Or(cmp.Compare(a.rankOfConcept(x.Concept), a.rankOfConcept(y.Concept)),
			CompareReferences(x.Reference, y.Reference), cmp.Compare(x.Text, y.Text), cmp.Compare(x.ID, y.ID))
	})
	for i, g := range a.sorted {
		a.goalRank[g.ID] = i
	}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.MeasuredBy:
			if a.goalByID[r.From] != nil && a.indicatorByID[r.To] != nil {
				a.measuredBy[r.From] = append(a.measuredBy[r.From], r.To)
				a.measuresOf[r.To] = append(a.measuresOf[r.To], r.From)
			}
		case graph.Pursues:
			if a.measures[r.From] != nil && a.goalByID[r.To] != nil {
				a.pursuedBy[r.To] = append(a.pursuedBy[r.To], r.From)
			}
		case graph.InField:
			if a.goalByID[r.From] != nil && a.fieldsByID[r.To] != nil {
				a.inField[r.From] = append(a.inField[r.From], r.To)
			}
		}
	}
	for _, g := range s.Goals {
		if g.Parent != "" && a.goalByID[g.Parent] != nil {
			a.children[g.Parent] = append(a.children[g.Parent], g.ID)
		}
	}
	return a
}

// sortedConcepts orders the concepts by title.
func (a *attainment) sortedConcepts() []*graph.Concept {
	cs := slices.Clone(a.s.Concepts)
	slices.SortFunc(cs, func(x, y *graph.Concept) int {
		return cmp.Or(CompareReferences(x.Title, y.Title), cmp.Compare(x.ID, y.ID))
	})
	return cs
}

// rankOfConcept places goals of unknown or no concept after all concepts.
func (a *attainment) rankOfConcept(id string) int {
	if r, ok := a.conceptRank[id]; ok {
		return r
	}
	return len(a.conceptRank)
}

func (a *attainment) sortGoalIDs(ids []string) []string {
	out := append([]string{}, ids...)
	slices.SortFunc(out, func(x, y string) int { return cmp.Compare(a.goalRank[x], a.goalRank[y]) })
	return slices.Compact(out)
}

// indicators judges every indicator, in the order of their names.
func (a *attainment) indicators() []IndicatorAttainment {
	out := make([]IndicatorAttainment, 0, len(a.s.Indicators))
	for _, ind := range a.s.Indicators {
		out = append(out, a.indicator(ind))
	}
	slices.SortFunc(out, func(x, y IndicatorAttainment) int {
		return cmp.Compare(a.indRank[x.Indicator], a.indRank[y.Indicator])
	})
	return out
}

func (a *attainment) indicator(ind *graph.Indicator) IndicatorAttainment {
	ia := IndicatorAttainment{Indicator: ind.ID, Name: ind.Name, Unit: ind.Unit, Source: ind.Source,
		Direction: ind.Direction, TargetYear: ind.TargetYear, Series: []Point{},
		Goals: a.sortGoalIDs(a.measuresOf[ind.ID])}
	if ind.Baseline != nil {
		ia.Baseline = &Point{Year: ind.BaselineYear, Value: *ind.Baseline}
	}
	if ind.Target != nil {
		v := *ind.Target
		ia.Target = &v
	}
	if ind.TargetUpper != nil {
		v := *ind.TargetUpper
		ia.TargetUpper = &v
	}
	muni := map[string][]Point{}
	for _, v := range ind.Values {
		if a.year != 0 && v.Year > a.year {
			continue
		}
		p := Point{Year: v.Year, Value: v.Value}
		if v.Municipality == "" {
			ia.Series = append(ia.Series, p)
		} else {
			muni[v.Municipality] = append(muni[v.Municipality], p)
		}
	}
	ia.Series = upTo(ia.Series, 0)
	for ags, series := range muni {
		name := a.muniNames[ags]
		if name == "" {
			name = ags
		}
		label := a.pr.T(keyLabelMunicipal, msg.Args{"name": ind.Name, "municipality": name})
		series = upTo(series, 0)
		ia.Municipalities = append(ia.Municipalities, MunicipalAttainment{Municipality: ags, Name: name, Series: series,
			Judgement: judge(ind, series, false, a.year, a.pr, label)})
	}
	slices.SortFunc(ia.Municipalities, func(x, y MunicipalAttainment) int {
		return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.Municipality, y.Municipality))
	})
	switch {
	case len(ia.Series) == 0 && len(ia.Municipalities) > 0 && !targetOf(ind).ok:
		ia.Judgement = Judgement{Class: ClassNoData, Reason: ReasonNoTarget, Explanation: a.pr.T(keyNoTarget, msg.Args{"name": ind.Name})}
	case len(ia.Series) == 0 && len(ia.Municipalities) > 0:
		classes := make([]string, len(ia.Municipalities))
		for i, m := range ia.Municipalities {
			classes[i] = m.Class
		}
		r := rollUp(classes)
		parts := []string{a.pr.T(keyRolledUp, msg.Args{"name": ind.Name, "count": len(classes), "counts": countsPhrase(a.pr, r.counts)})}
		if r.rated > 0 {
			parts = append(parts, meanSentences(a.pr, r)...)
		}
		ia.Judgement = Judgement{Class: r.class, Reason: ReasonRolledUp, Explanation: strings.Join(parts, " ")}
	default:
		ia.Judgement = judge(ind, ia.Series, true, a.year, a.pr, ind.Name)
	}
	a.indClass[ind.ID] = ia.Class
	return ia
}

// goals judges every goal (indicators first: a.indicators must have run), in concept and
// reference order.
func (a *attainment) goals() []GoalAttainment {
	out := make([]GoalAttainment, 0, len(a.sorted))
	for _, g := range a.sorted {
		out = append(out, *a.goal(g.ID, map[string]bool{}))
	}
	return out
}

// goal computes the attainment of goal id after its sub-goals; visiting guards against a
// parent cycle in broken data.
func (a *attainment) goal(id string, visiting map[string]bool) *GoalAttainment {
	if ga, ok := a.done[id]; ok {
		return ga
	}
	visiting[id] = true
	defer delete(visiting, id)
	g := a.goalByID[id]
	ga := &GoalAttainment{Goal: g.ID, Text: g.Text, Reference: g.Reference, Level: g.Level, Priority: g.Priority,
		Concept: g.Concept, Guideline: g.Guideline, Parent: g.Parent, Due: string(g.Due),
		Fields: a.fieldsOf(id, map[string]bool{}), Children: []string{}, Measures: []string{}}
	ga.Indicators = slices.Clone(a.measuredBy[id])
	slices.SortFunc(ga.Indicators, func(x, y string) int { return cmp.Compare(a.indRank[x], a.indRank[y]) })
	ga.Indicators = slices.Compact(ga.Indicators)
	if ga.Indicators == nil {
		ga.Indicators = []string{}
	}
	var classes []string
	for _, ind := range ga.Indicators {
		classes = append(classes, a.indClass[ind])
	}
	for _, c := range a.sortGoalIDs(a.children[id]) {
		if visiting[c] {
			continue
		}
		ga.Children = append(ga.Children, c)
		classes = append(classes, a.goal(c, visiting).Class)
	}
	ms := slices.Compact(slices.Sorted(slices.Values(a.pursuedBy[id])))
	slices.SortFunc(ms, func(x, y string) int {
		mx, my := a.measures[x], a.measures[y]
		return cmp.Or(CompareReferences(mx.Reference, my.Reference), cmp.Compare(mx.Title, my.Title), cmp.Compare(x, y))
	})
	for _, m := range ms {
		ga.Measures = append(ga.Measures, m)
		switch a.measures[m].Status {
		case "planned":
			ga.MeasureStatus.Planned++
		case "active":
			ga.MeasureStatus.Active++
		case "paused":
			ga.MeasureStatus.Paused++
		case "completed":
			ga.MeasureStatus.Completed++
		}
	}
	r := rollUp(classes)
	ga.Counts = r.counts
	pr := a.pr
	var members string
	switch ni, nc := len(ga.Indicators), len(ga.Children); {
	case ni > 0 && nc > 0:
		members = pr.T(keyMembersAnd, msg.Args{"a": pr.T(keyMembersIndicators, msg.Args{"n": ni}), "b": pr.T(keyMembersChildren, msg.Args{"n": nc})})
	case ni > 0:
		members = pr.T(keyMembersIndicators, msg.Args{"n": ni})
	case nc > 0:
		members = pr.T(keyMembersChildren, msg.Args{"n": nc})
	}
	switch {
	case r.rated > 0:
		ga.Class = r.class
		ga.Explanation = strings.Join(append([]string{pr.T(keyGoalRollup, msg.Args{"members": members, "counts": countsPhrase(pr, r.counts)})},
			meanSentences(pr, r)...), " ")
	case len(ms) == 0 && members == "":
		ga.Class, ga.Explanation = ClassNoData, pr.T(keyGoalNothing, nil)
	case len(ms) == 0:
		ga.Class, ga.Explanation = ClassNoData, pr.T(keyGoalNoData, msg.Args{"members": members})
	default:
		ga.Class, ga.Explanation = a.byMeasures(ga.MeasureStatus, len(ms))
	}
	a.done[id] = ga
	return ga
}

// byMeasures judges a goal without data by the status of its n measures.
func (a *attainment) byMeasures(mc MeasureCounts, n int) (string, string) {
	pr := a.pr
	var status []string
	for _, s := range []struct {
		key string
		n   int
	}{{keyMeasureActive, mc.Active}, {keyMeasureCompleted, mc.Completed}, {keyMeasurePlanned, mc.Planned}, {keyMeasurePaused, mc.Paused}} {
		if s.n > 0 {
			status = append(status, pr.T(s.key, msg.Args{"n": s.n}))
		}
	}
	started := mc.Active + mc.Completed
	var class, key string
	switch {
	case mc.Completed == n:
		class, key = ClassAchieved, keyMeasuresAllDone
	case 2*started >= n:
		class, key = ClassOnTrack, keyMeasuresHalf
	case started > 0:
		class, key = ClassAtRisk, keyMeasuresSome
	default:
		class, key = ClassOffTrack, keyMeasuresNone
	}
	return class, pr.T(keyGoalByMeasures, msg.Args{"n": n, "status": strings.Join(status, ", ")}) + " " + pr.T(key, msg.Args{"n": n})
}

// fieldsOf returns a goal's own fields, else its nearest ancestor's, in name order.
func (a *attainment) fieldsOf(id string, seen map[string]bool) []string {
	for id != "" && !seen[id] && a.goalByID[id] != nil {
		seen[id] = true
		if fs := a.inField[id]; len(fs) > 0 {
			out := slices.Clone(fs)
			slices.SortFunc(out, func(x, y string) int { return a.compareFields(a.fieldsByID[x], a.fieldsByID[y]) })
			return slices.Compact(out)
		}
		id = a.goalByID[id].Parent
	}
	return []string{}
}

func (a *attainment) compareFields(x, y *graph.FieldOfAction) int {
	return cmp.Or(CompareReferences(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
}

// group rolls up goals into a field's or a concept's attainment.
func (a *attainment) group(id, name string, goalIDs []string) GroupAttainment {
	goalIDs = a.sortGoalIDs(goalIDs)
	if goalIDs == nil {
		goalIDs = []string{}
	}
	classes := make([]string, len(goalIDs))
	for i, g := range goalIDs {
		classes[i] = a.done[g].Class
	}
	r := rollUp(classes)
	ga := GroupAttainment{ID: id, Name: name, Goals: goalIDs, Class: r.class, Counts: r.counts}
	switch {
	case len(goalIDs) == 0:
		ga.Explanation = a.pr.T(keyGroupEmpty, nil)
	case r.rated == 0:
		ga.Explanation = a.pr.T(keyGroupNoData, msg.Args{"goals": len(goalIDs)})
	default:
		ga.Explanation = strings.Join(append([]string{a.pr.T(keyGroupRollup, msg.Args{"goals": len(goalIDs), "counts": countsPhrase(a.pr, r.counts)})},
			meanSentences(a.pr, r)...), " ")
	}
	return ga
}

// fields rolls up each field's goals whose parent is not in the same field.
func (a *attainment) fields() []GroupAttainment {
	fs := slices.Clone(a.s.Fields)
	slices.SortFunc(fs, a.compareFields)
	out := make([]GroupAttainment, 0, len(fs))
	for _, f := range fs {
		var ids []string
		for _, g := range a.sorted {
			ga := a.done[g.ID]
			if !slices.Contains(ga.Fields, f.ID) {
				continue
			}
			if p, ok := a.done[g.Parent]; ok && slices.Contains(p.Fields, f.ID) {
				continue
			}
			ids = append(ids, g.ID)
		}
		out = append(out, a.group(f.ID, f.Name, ids))
	}
	return out
}

// topLevel reports whether g has no parent in the snapshot.
func (a *attainment) topLevel(g *graph.Goal) bool {
	return g.Parent == "" || a.goalByID[g.Parent] == nil
}

// concepts rolls up each concept's top-level goals, then those outside any concept.
func (a *attainment) concepts() []GroupAttainment {
	cs := a.sortedConcepts()
	out := make([]GroupAttainment, 0, len(cs)+1)
	for _, c := range cs {
		var ids []string
		for _, g := range a.sorted {
			if g.Concept == c.ID && a.topLevel(g) {
				ids = append(ids, g.ID)
			}
		}
		out = append(out, a.group(c.ID, c.Title, ids))
	}
	var outside []string
	for _, g := range a.sorted {
		if _, known := a.conceptRank[g.Concept]; !known && a.topLevel(g) {
			outside = append(outside, g.ID)
		}
	}
	if len(outside) > 0 {
		out = append(out, a.group("", a.pr.T(keyLabelOutside, nil), outside))
	}
	return out
}

// guidelines lists the guidelines with their goals, by concept and reference.
func (a *attainment) guidelines() []GuidelineInfo {
	gls := slices.Clone(a.s.Guidelines)
	slices.SortFunc(gls, func(x, y *graph.Guideline) int {
		return cmp.Or(cmp.Compare(a.rankOfConcept(x.Concept), a.rankOfConcept(y.Concept)),
			CompareReferences(x.Reference, y.Reference), cmp.Compare(x.Title, y.Title), cmp.Compare(x.ID, y.ID))
	})
	out := make([]GuidelineInfo, 0, len(gls))
	for _, gl := range gls {
		info := GuidelineInfo{ID: gl.ID, Title: gl.Title, Reference: gl.Reference, Concept: gl.Concept, Goals: []string{}}
		for _, g := range a.sorted {
			if g.Guideline == gl.ID {
				info.Goals = append(info.Goals, g.ID)
			}
		}
		out = append(out, info)
	}
	return out
}
