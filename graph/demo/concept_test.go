package demo

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The concepts' tests: the tree holds together, each county's concept shows what its
// published concept is known for, every indicator is complete, the planted attainment
// classes follow from the values by the attainment rules (judged here by a small
// least-squares judge of the test's own, since graph/demo must not import analysis), and
// the year of progress is what AsOf and the ground truth say.

// conceptIndex gives the tests the concept part of a data set.
type conceptIndex struct {
	*index
	concepts   map[string][]*graph.Concept // region → concepts
	guidelines map[string][]*graph.Guideline
	goals      map[string][]*graph.Goal
	inds       map[string][]*graph.Indicator
	goalFields map[string][]string // goal → fields
	measuredBy map[string][]string // goal → indicators
	children   map[string][]string // goal → sub-goals
	roles      map[string][]string // measure → provider roles
	networks   map[string][]*graph.Network
}

func newConceptIndex(d *Dataset) *conceptIndex {
	x := &conceptIndex{index: newIndex(d), concepts: map[string][]*graph.Concept{}, guidelines: map[string][]*graph.Guideline{},
		goals: map[string][]*graph.Goal{}, inds: map[string][]*graph.Indicator{}, goalFields: map[string][]string{},
		measuredBy: map[string][]string{}, children: map[string][]string{}, roles: map[string][]string{}, networks: map[string][]*graph.Network{}}
	for _, e := range d.Nodes {
		switch v := e.(type) {
		case *graph.Concept:
			if v.Municipality == "" { // a town's own concept stands beside the county's (structures.go)
				x.concepts[v.Region] = append(x.concepts[v.Region], v)
			}
		case *graph.Guideline:
			x.guidelines[v.Region] = append(x.guidelines[v.Region], v)
		case *graph.Goal:
			x.goals[v.Region] = append(x.goals[v.Region], v)
			if v.Parent != "" {
				x.children[v.Parent] = append(x.children[v.Parent], v.ID)
			}
		case *graph.Indicator:
			x.inds[v.Region] = append(x.inds[v.Region], v)
		case *graph.Network:
			x.networks[v.Region] = append(x.networks[v.Region], v)
		}
	}
	for _, r := range d.Relations {
		switch r.Type {
		case graph.InField:
			if k, _ := graph.KindOfID(r.From); k == graph.KindGoal {
				x.goalFields[r.From] = append(x.goalFields[r.From], r.To)
			}
		case graph.MeasuredBy:
			x.measuredBy[r.From] = append(x.measuredBy[r.From], r.To)
		case graph.Provides:
			x.roles[r.To] = append(x.roles[r.To], r.Props.Role)
		}
	}
	return x
}

var countyKeys = []string{"05562", "05962", "08119", "08226", "15083"}

// TestConceptTree checks what holds every concept together: one concept per county with
// periods, goals in the concept and in fields of their county, parents before children,
// periods that the concept has, indicators on every field's goals, and measures that
// pursue goals of their own county.
func TestConceptTree(t *testing.T) {
	x := newConceptIndex(demoData)
	seen := map[string]bool{}
	for _, e := range demoData.Nodes {
		if g, ok := e.(*graph.Goal); ok {
			if g.Parent != "" && !seen[g.Parent] {
				t.Errorf("goal %s comes before its parent %s", g.ID, g.Parent)
			}
			seen[g.ID] = true
		}
	}
	for _, key := range countyKeys {
		cs := x.concepts[key]
		if len(cs) != 1 || len(cs[0].Periods) < 2 || cs[0].Title == "" || cs[0].Description == "" {
			t.Errorf("region %s: %d concepts; want one with a title, a description and at least two periods", key, len(cs))
			continue
		}
		c := cs[0]
		fieldsWithGoal := map[string]bool{}
		for _, g := range x.goals[key] {
			if g.Concept != c.ID || g.Reference == "" || g.Level == "" {
				t.Errorf("goal %s %q: concept %q, reference %q, level %q", g.ID, g.Text, g.Concept, g.Reference, g.Level)
			}
			if _, ok := c.Period(g.Period); g.Period != "" && !ok {
				t.Errorf("goal %s names period %q, which concept %s does not have", g.ID, g.Period, c.Title)
			}
			if len(x.goalFields[g.ID]) == 0 {
				t.Errorf("goal %s %q is in no field of action", g.ID, g.Text)
			}
			for _, f := range x.goalFields[g.ID] {
				if fo, ok := x.nodes[f].(*graph.FieldOfAction); !ok || fo.Region != key {
					t.Errorf("goal %s is in field %s of another county", g.ID, f)
				}
				fieldsWithGoal[f] = true
			}
			if g.Level == "operational" && len(x.measuredBy[g.ID]) == 0 {
				t.Errorf("goal %s %q has no indicator", g.ID, g.Text)
			}
			if g.Starts != "" && g.Due != "" && g.Due < g.Starts {
				t.Errorf("goal %s is due %s before it starts %s", g.ID, g.Due, g.Starts)
			}
		}
		for _, e := range demoData.Nodes {
			if f, ok := e.(*graph.FieldOfAction); ok && f.Region == key && !fieldsWithGoal[f.ID] {
				t.Errorf("field %s %q has no goal", f.ID, f.Name)
			}
		}
	}
	for _, m := range x.measures {
		for _, g := range x.goal[m.ID] {
			if gl, ok := x.nodes[g].(*graph.Goal); !ok || gl.Region != m.Region {
				t.Errorf("measure %s pursues %s, not a goal of its county", m.ID, g)
			}
		}
	}
}

// TestConceptsOfCounties checks that each county's concept shows what its published concept
// is known for.
func TestConceptsOfCounties(t *testing.T) {
	x := newConceptIndex(demoData)
	named := func(key string) []*graph.Measure {
		var ms []*graph.Measure
		for _, m := range x.measures {
			if m.Region == key && m.Reference != "" {
				ms = append(ms, m)
			}
		}
		return ms
	}
	for _, key := range countyKeys {
		ms := named(key)
		var notes, funded, partners int
		for _, m := range ms {
			if len(m.StatusNotes) > 0 {
				notes++
			}
			if len(m.Funding) > 0 {
				funded++
			}
			if len(x.provider[m.ID]) > 1 {
				partners++
			}
			if m.Priority == "" || m.Horizon == "" || m.Addressee == "" || m.Effect == "" {
				t.Errorf("measure %s %s lacks its planning part: priority %q, horizon %q, addressee %q", m.ID, m.Reference, m.Priority, m.Horizon, m.Addressee)
			}
		}
		if len(ms) < 10 || notes < len(ms)*9/10 || funded < len(ms)/2 || partners < 3 {
			t.Errorf("region %s: %d measures with a reference, %d with notes, %d with funding, %d with partners", key, len(ms), notes, funded, partners)
		}
		t.Logf("region %s: %d guidelines, %d goals, %d indicators; %d measures named (%d with notes, %d funded, %d with partners)",
			key, len(x.guidelines[key]), len(x.goals[key]), len(x.inds[key]), len(ms), notes, funded, partners)
	}

	// Kreis Recklinghausen: two Schwerpunktziele with Handlungsziele below them, and the
	// steering group of the ten towns' Integrationsbeauftragte.
	var focus []*graph.Goal
	for _, g := range x.goals["05562"] {
		if g.Priority == "focus" {
			focus = append(focus, g)
		}
	}
	if len(focus) != 2 {
		t.Errorf("Recklinghausen has %d Schwerpunktziele, want 2", len(focus))
	}
	for _, g := range focus {
		if g.Level != "strategic" || len(x.children[g.ID]) < 3 {
			t.Errorf("Schwerpunktziel %s: level %s, %d Handlungsziele", g.Reference, g.Level, len(x.children[g.ID]))
		}
	}
	admins := 0
	for _, o := range x.orgs {
		if o.Region == "05562" && o.Kind == kAdmin && (strings.HasPrefix(o.Name, "Stadt ") || strings.HasPrefix(o.Name, "Gemeinde ")) {
			admins++
		}
	}
	found := false
	for _, n := range x.networks["05562"] {
		if n.Kind == "steering_group" && strings.Contains(n.Name, "Integrationsbeauftragten") {
			var towns int
			for _, m := range x.members[n.ID] {
				if o := x.nodes[m].(*graph.Organisation); strings.HasPrefix(o.Name, "Stadt ") {
					towns++
				}
			}
			found = towns == 10 && admins == 10
		}
	}
	if !found {
		t.Error("Recklinghausen has no steering group with the ten towns' administrations")
	}

	// Märkischer Kreis: two steering bodies, project advisory boards, two-year
	// Arbeitsschwerpunkte.
	steering, boards, twoYear := 0, 0, 0
	for _, n := range x.networks["05962"] {
		switch {
		case n.Kind == "steering_group":
			steering++
		case n.Kind == "advisory_board" && strings.HasPrefix(n.Name, "Projektbeirat"):
			boards++
		}
	}
	for _, g := range x.goals["05962"] {
		s, ok1 := g.Starts.Time()
		d, ok2 := g.Due.Time()
		if ok1 && ok2 && d.Year()-s.Year() == 1 && strings.HasPrefix(g.Period, "Arbeitsprogramm") {
			twoYear++
		}
	}
	if steering < 2 || boards < 2 || twoYear < 6 {
		t.Errorf("Märkischer Kreis: %d steering bodies, %d Projektbeiräte, %d two-year Arbeitsschwerpunkte", steering, boards, twoYear)
	}

	// Rems-Murr-Kreis: IP references, Starterprojekte, all addressees, VwV Integration and
	// budget-neutral funding, and a year of progress.
	var starters, vwv, neutral int
	addressees := map[string]bool{}
	for _, m := range named("08119") {
		if !strings.HasPrefix(m.Reference, "IP ") {
			t.Errorf("Rems-Murr measure %s has reference %q, want IP x.y", m.ID, m.Reference)
		}
		if m.Priority == "starter" {
			starters++
		}
		addressees[m.Addressee] = true
		for _, f := range m.Funding {
			if strings.Contains(f.Funder, "VwV Integration") {
				vwv++
			}
			if f.BudgetNeutral {
				neutral++
			}
		}
	}
	if starters < 4 || len(addressees) != 3 || vwv == 0 || neutral == 0 {
		t.Errorf("Rems-Murr: %d Starterprojekte, addressees %v, %d VwV Integration, %d budget-neutral", starters, addressees, vwv, neutral)
	}
	moves := map[string]int{}
	for _, c := range demoData.Truth.Progress {
		if c.Region == "08119" {
			moves[c.Then+"→"+c.Now]++
		}
	}
	if moves["planned→active"] < 2 || moves["active→completed"] < 1 {
		t.Errorf("Rems-Murr's year of progress: %v; want measures that started and one that was completed", moves)
	}

	// Landkreis Börde: Leitlinien with the goals below them.
	if n := len(x.guidelines["15083"]); n < 4 {
		t.Errorf("Börde has %d Leitlinien", n)
	}
	for _, g := range x.goals["15083"] {
		if g.Guideline == "" {
			t.Errorf("Börde goal %s %s is below no Leitlinie", g.Reference, g.Text)
		}
	}

	// Rhein-Neckar-Kreis: several Kennzahlen per field, from the official statistics too.
	perField := map[string]int{}
	sources := map[string]bool{}
	for _, g := range x.goals["08226"] {
		for _, f := range x.goalFields[g.ID] {
			perField[f] += len(x.measuredBy[g.ID])
		}
	}
	for _, ind := range x.inds["08226"] {
		for _, s := range []string{"Statistisches Landesamt Baden-Württemberg", "Bundesagentur für Arbeit", "Schulstatistik"} {
			if strings.Contains(ind.Source, s) {
				sources[s] = true
			}
		}
	}
	for f, n := range perField {
		if n < 4 {
			t.Errorf("Rhein-Neckar field %s has %d Kennzahlen", x.nodes[f].(*graph.FieldOfAction).Name, n)
		}
	}
	if len(perField) != 6 || len(sources) != 3 {
		t.Errorf("Rhein-Neckar: Kennzahlen in %d fields, sources %v", len(perField), sources)
	}
}

// TestProviderRoles checks that every PROVIDES carries a role and every measure has exactly
// one lead body.
func TestProviderRoles(t *testing.T) {
	x := newConceptIndex(demoData)
	multi := 0
	for _, m := range x.measures {
		leads := 0
		for _, r := range x.roles[m.ID] {
			switch r {
			case "lead":
				leads++
			case "partner":
			default:
				t.Errorf("measure %s: provider role %q", m.ID, r)
			}
		}
		if leads != 1 {
			t.Errorf("measure %s has %d lead bodies", m.ID, leads)
		}
		if len(x.roles[m.ID]) > 1 {
			multi++
		}
	}
	if multi < 30 {
		t.Errorf("%d measures with partners", multi)
	}
	t.Logf("%d measures with a lead body and partners", multi)
}

// TestIndicatorsComplete checks that every indicator has baseline, target, target year,
// direction, unit, source and description, values no later than lastYear, and that every
// county has a target range, a lower-is-better indicator, a series with missing years, a
// single value, one without values and some with values per municipality.
func TestIndicatorsComplete(t *testing.T) {
	x := newConceptIndex(demoData)
	for _, key := range countyKeys {
		has := map[string]int{}
		for _, ind := range x.inds[key] {
			if ind.Baseline == nil || ind.BaselineYear == 0 || ind.Target == nil || ind.TargetYear == 0 || ind.Direction == "" ||
				ind.Unit == "" || ind.Source == "" || ind.Description == "" {
				t.Errorf("indicator %s %q is incomplete: %+v", ind.ID, ind.Name, ind)
			}
			if strings.Contains(ind.Source, "{") {
				t.Errorf("indicator %s: source %q", ind.ID, ind.Source)
			}
			var years []int
			munis := 0
			for _, v := range ind.Values {
				if v.Year > lastYear || v.Year < 2015 {
					t.Errorf("indicator %s has a value for %d", ind.ID, v.Year)
				}
				if v.Municipality == "" {
					years = append(years, v.Year)
				} else {
					munis++
				}
			}
			has[ind.Direction]++
			switch {
			case len(ind.Values) == 0:
				has["no values"]++
			case len(years) == 1:
				has["single value"]++
			case len(years) > 1 && years[len(years)-1]-years[0] >= len(years):
				has["missing years"]++
			}
			if munis > 0 {
				has["per municipality"]++
			}
		}
		for _, want := range []string{"range", "lower", "higher", "no values", "single value", "missing years", "per municipality"} {
			if has[want] == 0 {
				t.Errorf("region %s has no indicator with %s", key, want)
			}
		}
		t.Logf("region %s: %d indicators %v", key, len(x.inds[key]), has)
	}
}

// point is one value of a series.
type point struct {
	year  int
	value float64
}

// leastSquares fits the line value = intercept + slope·year through pts.
//
// By hand, for (2019, 10), (2021, 14), (2023, 15): the means are 2021 and 13; Σ(x−x̄)(y−ȳ) =
// (−2)(−3) + 0·1 + 2·2 = 10 and Σ(x−x̄)² = 4 + 0 + 4 = 8, so the slope is 1.25 a year and
// the line gives 13 + 1.25·4 = 18 in 2025 (TestLeastSquaresByHand).
func leastSquares(pts []point) (slope, intercept float64) {
	var mx, my float64
	for _, p := range pts {
		mx += float64(p.year)
		my += p.value
	}
	mx /= float64(len(pts))
	my /= float64(len(pts))
	var sxy, sxx float64
	for _, p := range pts {
		sxy += (float64(p.year) - mx) * (p.value - my)
		sxx += (float64(p.year) - mx) * (float64(p.year) - mx)
	}
	slope = sxy / sxx
	return slope, my - slope*mx
}

func TestLeastSquaresByHand(t *testing.T) {
	slope, intercept := leastSquares([]point{{2019, 10}, {2021, 14}, {2023, 15}})
	if math.Abs(slope-1.25) > 1e-9 || math.Abs(intercept+slope*2025-18) > 1e-9 {
		t.Errorf("slope %v, value in 2025 %v; want 1.25 and 18", slope, intercept+slope*2025)
	}
}

// judge returns the attainment class of ind's region series in year, by the rules of the
// attainment analysis: start is the baseline; achieved when the latest value meets the
// target; off_track when the target year has passed; at_risk with a single point; otherwise
// the least-squares line through the values and the baseline point decides — flat or away
// off_track, projection meeting the target in the target year on_track, else at_risk.
func judge(ind *graph.Indicator, year int) string {
	var pts []point
	for _, v := range ind.Values {
		if v.Municipality == "" && v.Year <= year {
			pts = append(pts, point{v.Year, v.Value})
		}
	}
	slices.SortFunc(pts, func(a, b point) int { return cmp.Compare(a.year, b.year) })
	if len(pts) == 0 {
		return "no_data"
	}
	if ind.Target == nil || ind.Direction == "" {
		return "no_data"
	}
	lo, hi := *ind.Target, *ind.Target
	if ind.TargetUpper != nil {
		hi = *ind.TargetUpper
	}
	meets := func(v float64) bool {
		switch ind.Direction {
		case "higher":
			return v >= lo
		case "lower":
			return v <= lo
		}
		return v >= lo && v <= hi
	}
	latest := pts[len(pts)-1]
	if meets(latest.value) {
		return "achieved"
	}
	if ind.TargetYear != 0 && (year > ind.TargetYear || latest.year >= ind.TargetYear) {
		return "off_track"
	}
	fit := pts
	if ind.Baseline != nil && ind.BaselineYear <= year && !slices.ContainsFunc(pts, func(p point) bool { return p.year == ind.BaselineYear }) {
		fit = append(slices.Clone(pts), point{ind.BaselineYear, *ind.Baseline})
	}
	if len(fit) < 2 {
		return "at_risk"
	}
	slope, intercept := leastSquares(fit)
	scale := 0.0
	for _, p := range fit {
		scale = math.Max(scale, math.Abs(p.value))
	}
	sense := -1.0
	if ind.Direction == "higher" || (ind.Direction == "range" && latest.value < lo) {
		sense = 1
	}
	if math.Abs(slope) <= 1e-9*math.Max(1, scale) || slope*sense <= 0 {
		return "off_track"
	}
	if ind.TargetYear == 0 || meets(intercept+slope*float64(ind.TargetYear)) {
		return "on_track"
	}
	return "at_risk"
}

// TestPlantedAttainment judges every indicator's region series as of lastYear and compares
// the class with the ground truth; every county has every class. Each class must be
// clear-cut: moving the target (or the range) by a tenth of the distance from the baseline
// to the target, either way, must not change it.
func TestPlantedAttainment(t *testing.T) {
	x := newConceptIndex(demoData)
	truth := map[string]AttainmentTruth{}
	for _, at := range demoData.Truth.Attainment {
		truth[at.Region] = at
	}
	for _, key := range countyKeys {
		at, ok := truth[key]
		if !ok || at.Year != lastYear {
			t.Errorf("region %s: no attainment truth for %d", key, lastYear)
			continue
		}
		classes := map[string]int{}
		ids := map[string]bool{}
		for _, ind := range x.inds[key] {
			ids[ind.ID] = true
			got := judge(ind, at.Year)
			classes[got]++
			if want := at.Classes[ind.ID]; got != want {
				t.Errorf("indicator %s %q: judged %s, planted %s", ind.ID, ind.Name, got, want)
			}
			for _, moved := range movedTargets(ind) {
				if c := judge(moved, at.Year); c != got {
					t.Errorf("indicator %s %q is borderline: %s, but %s with target %v–%v", ind.ID, ind.Name, got, c, *moved.Target, moved.TargetUpper)
				}
			}
		}
		if !maps.Equal(ids, func() map[string]bool {
			m := map[string]bool{}
			for id := range at.Classes {
				m[id] = true
			}
			return m
		}()) {
			t.Errorf("region %s: the truth lists %d indicators, the data has %d", key, len(at.Classes), len(ids))
		}
		for _, c := range []string{"achieved", "on_track", "at_risk", "off_track", "no_data"} {
			if classes[c] == 0 {
				t.Errorf("region %s has no indicator %s", key, c)
			}
		}
		t.Logf("region %s: %v", key, classes)
	}
}

// movedTargets returns copies of ind with the target moved by a tenth of the distance from
// the baseline to the target, both ways; a range is also narrowed by that much.
func movedTargets(ind *graph.Indicator) []*graph.Indicator {
	near := *ind.Target
	if ind.Direction == "range" && *ind.Baseline > *ind.TargetUpper {
		near = *ind.TargetUpper
	}
	d := 0.1 * math.Abs(near-*ind.Baseline)
	var out []*graph.Indicator
	for _, s := range [][2]float64{{d, d}, {-d, -d}, {d, -d}} {
		c := ind.Clone().(*graph.Indicator)
		c.Target = ptr(*ind.Target + s[0])
		if ind.Direction == "range" {
			c.TargetUpper = ptr(*ind.TargetUpper + s[1])
		} else if s[0] != s[1] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// TestYearOfProgress checks the statuses a year before the reference date: every measure's
// status follows from its dates, the named measures whose status changed are listed in the
// ground truth, AsOf(YearAgo) gives them their earlier status, and the status notes of the
// named measures lie within that year.
func TestYearOfProgress(t *testing.T) {
	x := newConceptIndex(demoData)
	for _, m := range x.measures {
		if got := statusOn(m, ReferenceDate); got != m.Status {
			t.Errorf("measure %s is %s, but its dates say %s on %s", m.ID, m.Status, got, ReferenceDate)
		}
		for i, n := range m.StatusNotes {
			if n.Date <= YearAgo() || n.Date > ReferenceDate || (i > 0 && n.Date < m.StatusNotes[i-1].Date) {
				t.Errorf("measure %s: note %d dated %s, outside %s–%s or out of order", m.ID, i, n.Date, YearAgo(), ReferenceDate)
			}
		}
		if m.Reference != "" && len(m.StatusNotes) == 0 && m.Region == "08119" {
			t.Errorf("Rems-Murr measure %s %s has no status note", m.ID, m.Reference)
		}
	}
	then := demoData.AsOf(YearAgo())
	before := map[string]*graph.Measure{}
	for _, e := range then.Nodes {
		switch v := e.(type) {
		case *graph.Measure:
			before[v.ID] = v
			for _, n := range v.StatusNotes {
				if n.Date > YearAgo() {
					t.Errorf("AsOf(%s) keeps a note of %s for measure %s", YearAgo(), n.Date, v.ID)
				}
			}
		case *graph.Indicator:
			for _, val := range v.Values {
				if val.Year >= 2025 {
					t.Errorf("AsOf(%s) keeps a value for %d of indicator %s", YearAgo(), val.Year, v.ID)
				}
			}
		}
	}
	listed := map[string]bool{}
	regions := map[string]int{}
	for _, c := range demoData.Truth.Progress {
		listed[c.Measure] = true
		regions[c.Region]++
		m := x.measure(t, c.Measure)
		if m.Reference != c.Reference || m.Status != c.Now || before[c.Measure].Status != c.Then || c.Then == c.Now {
			t.Errorf("status change %+v: the measure is %s (%s), a year before %s", c, m.Status, m.Reference, before[c.Measure].Status)
		}
	}
	changed := 0
	for _, m := range x.measures {
		if before[m.ID].Status != m.Status {
			changed++
			if m.Reference != "" && !listed[m.ID] {
				t.Errorf("measure %s %s changed from %s to %s but is not in the ground truth", m.ID, m.Reference, before[m.ID].Status, m.Status)
			}
		}
	}
	for _, key := range countyKeys {
		if regions[key] == 0 {
			t.Errorf("region %s: no named measure changed its status in the past year", key)
		}
	}
	t.Logf("%d measures changed status since %s, %d of them named in a concept %v", changed, YearAgo(), len(demoData.Truth.Progress), regions)
	if demoData.Truth.ProgressSince != string(YearAgo()) {
		t.Errorf("progress since %s, want %s", demoData.Truth.ProgressSince, YearAgo())
	}
}
