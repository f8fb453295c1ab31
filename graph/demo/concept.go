package demo

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The integration concept of each demo county, as its published concept is built: the
// concept with its periods, Leitlinien where the county works with them, strategic goals
// (Leitziele, Schwerpunktziele) with the fields' goals below them, indicators with baseline,
// target and a series of values, and the planning part of the measures the concept names
// (reference number, priority, horizon, addressee, effect, funding, status notes, lead body
// and partners). The facts per county are in concepts.go; this file builds them.
//
// The concept is built after the directory (organisations, measures, networks) and draws
// from a random stream of its own, so that nothing in the directory moves when the concept
// changes: the analyses' ground truth and the browser tests depend on the directory.
//
// Every indicator is planted with a shape that decides its attainment class as of
// lastYear (see shape); the classes are recorded in the ground truth.

// conceptSeed seeds the concept's random choices (notes, funding, partners, priorities).
const conceptSeed = 0x4b6f6e7a657074

// lastYear is the last year with measured values. The store refuses values for a year that
// has not begun, and a year's figures are published after it ends.
const lastYear = 2025

// conceptSpec is a county's integration concept.
type conceptSpec struct {
	title, desc string
	adopted     graph.Date
	website     string
	periods     []graph.ConceptPeriod
	guidelines  []guidelineSpec
	// tops are goals that are not one of the fields' goals: strategic goals above them, or
	// goals of their own (a Leitlinie's goal across fields).
	tops []topGoal
	// fields shape the goals fieldsAndGoals named, field by field in the county's order.
	fields []fieldPlan
	// extras are indicators beyond the one every goal has (Kennzahlen).
	extras []extraIndicator
	// Measures the concept names: perField per field get a reference, numbered per field
	// (refPrefix + "<field>.<n>") or, with refByGoal, per goal (refPrefix + "<goal>.<n>").
	refPrefix string
	refByGoal bool
	perField  int
	// starters is how many of the measures named get priority starter (Starterprojekt).
	starters int
	// manyNotes gives the named measures a note every quarter of the past year instead of
	// one or two.
	manyNotes bool
	// projects are measures of the concept itself (level strategic, not offered in a
	// municipality): starter projects, projects with an advisory board.
	projects []projectSpec
	// bodies are networks the concept sets up (steering bodies, project advisory boards).
	bodies []bodySpec
}

// guidelineSpec is a Leitlinie.
type guidelineSpec struct{ ref, title, desc string }

// topGoal is a goal of the concept that fieldsAndGoals did not name.
type topGoal struct {
	key, ref, text, desc string
	level, priority      string // level "" is strategic
	period               string
	guideline            string // a guideline's ref
	fields               []string
	starts, due          graph.Date
}

// fieldPlan shapes the goals of one field, in the order fieldsAndGoals made them.
type fieldPlan struct {
	field string
	goals []goalPlan
}

// goalPlan places one of a field's goals in the concept and plants its indicator.
type goalPlan struct {
	ref       string
	parent    string // key of a top goal
	guideline string // a guideline's ref
	level     string // "" is operational
	priority  string
	period    string
	// starts and due default to the period's start and the end of the indicator's
	// target year.
	starts, due graph.Date
	ind         indPlan
}

// extraIndicator is an additional indicator of a goal: one of a field's goals (field, goal
// index) or a top goal (top).
type extraIndicator struct {
	field     string
	goal      int
	top       string
	name      string
	unit      string
	desc      string
	source    string
	direction string
	baseline  float64
	target    float64
	upper     float64 // for range
	decimals  int
	count     bool // a count of people or things: municipalities' values by foreign population
	plan      indPlan
}

// shape is how an indicator's region series is planted, and with it the attainment class it
// has in lastYear. Series are straight lines from the baseline plus at most ±2 % of the
// distance to the target as noise, steep enough that every class is clear-cut: moving the
// target by a tenth of the distance does not change it.
type shape string

const (
	// shapeAchieved ends a quarter of the distance past the target (for a range: in its
	// middle): achieved.
	shapeAchieved shape = "achieved"
	// shapeOnTrack runs toward the target so that the trend passes it by about 30 % of the
	// distance in the target year (a range: reaches its middle), while the latest value
	// is still at least a fifth of the distance short: on_track.
	shapeOnTrack shape = "on_track"
	// shapeSlow covers half the distance by the target year: at_risk.
	shapeSlow shape = "slow"
	// shapeOvershoot crosses a target range and leaves it on the far side by the target
	// year: at_risk.
	shapeOvershoot shape = "overshoot"
	// shapeSingle is one value, in the baseline's year: no trend, at_risk.
	shapeSingle shape = "single"
	// shapeLate has a target year that has passed with 70 % of the distance covered:
	// off_track.
	shapeLate shape = "late"
	// shapeAway moves away from the target: off_track.
	shapeAway shape = "away"
	// shapeNone has no values yet (the baseline comes from a one-off survey): no_data.
	shapeNone shape = "none"
)

// class is the attainment class a shape plants.
func (s shape) class() string {
	switch s {
	case shapeAchieved:
		return "achieved"
	case shapeOnTrack:
		return "on_track"
	case shapeSlow, shapeOvershoot, shapeSingle:
		return "at_risk"
	case shapeLate, shapeAway:
		return "off_track"
	}
	return "no_data"
}

// indPlan plants an indicator's series.
type indPlan struct {
	shape        shape
	base, target int   // baseline year and target year
	gaps         []int // years without a value
	last         int   // last year with a value (0: lastYear)
	local        bool  // values per municipality for the last three years as well
}

// ip returns a plan: shape, baseline year, target year.
func ip(s shape, base, target int) indPlan { return indPlan{shape: s, base: base, target: target} }

// without leaves the years out of the series.
func (p indPlan) without(years ...int) indPlan {
	p.gaps = append(slices.Clone(p.gaps), years...)
	return p
}

// until ends the series in year y (the later figures are not published yet).
func (p indPlan) until(y int) indPlan { p.last = y; return p }

// perMunicipality adds values per municipality.
func (p indPlan) perMunicipality() indPlan { p.local = true; return p }

// projectSpec is a measure of the concept itself.
type projectSpec struct {
	key, ref     string
	field        string
	goal         string // ref of the goal it pursues
	title, desc  string
	effect       string
	lead         string
	partners     []string
	status       string
	starts, ends graph.Date
	priority     string
	horizon      string
	addressee    string
	funding      []graph.Funding
	notes        []graph.StatusNote
}

// bodySpec is a network the concept sets up. Its members must belong to the main part of
// the collaboration network (not the isolated, peripheral or apTown-only organisations), so
// that the planted network structure stays as it is.
type bodySpec struct {
	name, kind, level, cadence, desc string
	chair                            string // member key with role chairRole
	chairRole                        string
	members                          []string // organisation keys; "admins" adds every town administration
	fields                           []string // nil: all fields
	since                            graph.Date
}

// conceptInfo is what the builder keeps of a county's concept.
type conceptInfo struct {
	id        string
	goalByRef map[string]*graph.Goal
	goalByID  map[string]*graph.Goal
	goals     []*graph.Goal
	inds      []*plantedIndicator
	// fields are the fields of action (indices) of each goal, by goal id.
	fields map[string][]int
}

// plantedIndicator is an indicator as written, with the shape planted into it.
type plantedIndicator struct {
	ind   *graph.Indicator
	shape shape
}

// concept writes the county's concept, goals and indicators, gives the measures the concept
// names their planning part, adds the concept's projects and bodies, and records the
// planted attainment classes.
func (b *builder) concept() {
	spec := b.c.concept
	if spec == nil {
		panic("demo: " + b.c.name + " has no concept")
	}
	ci := &conceptInfo{id: keyedID(graph.KindConcept, b.c.key), goalByRef: map[string]*graph.Goal{}, goalByID: map[string]*graph.Goal{}, fields: map[string][]int{}}
	b.ci = ci
	b.out.add(&graph.Concept{Meta: graph.Meta{ID: ci.id, Visibility: graph.Public}, Title: spec.title, Region: b.c.key,
		Description: spec.desc, Adopted: spec.adopted, Periods: slices.Clone(spec.periods), Website: spec.website})
	guidelines := map[string]string{}
	for _, gl := range spec.guidelines {
		id := keyedID(graph.KindGuideline, b.c.key+"/"+gl.ref)
		guidelines[gl.ref] = id
		b.out.add(&graph.Guideline{Meta: graph.Meta{ID: id, Visibility: graph.Public}, Title: gl.title, Region: b.c.key,
			Concept: ci.id, Reference: gl.ref, Description: gl.desc})
	}
	guideline := func(ref string) string {
		if ref == "" {
			return ""
		}
		id, ok := guidelines[ref]
		if !ok {
			panic(fmt.Sprintf("demo: %s has no guideline %q", b.c.name, ref))
		}
		return id
	}
	period := func(name string) graph.ConceptPeriod {
		for _, p := range spec.periods {
			if p.Name == name {
				return p
			}
		}
		if name != "" {
			panic(fmt.Sprintf("demo: %s has no period %q", b.c.name, name))
		}
		return graph.ConceptPeriod{}
	}
	addGoal := func(g *graph.Goal, fields []int) {
		if _, dup := ci.goalByRef[g.Reference]; dup {
			panic(fmt.Sprintf("demo: %s: goal reference %q twice", b.c.name, g.Reference))
		}
		ci.goalByRef[g.Reference] = g
		ci.goalByID[g.ID] = g
		ci.goals = append(ci.goals, g)
		ci.fields[g.ID] = fields
		b.out.add(g)
		for _, f := range fields {
			b.out.relate(graph.InField, g.ID, b.fields[f].id, graph.RelProps{})
		}
	}

	tops := map[string]*graph.Goal{}
	for _, t := range spec.tops {
		g := &graph.Goal{Meta: graph.Meta{ID: keyedID(graph.KindGoal, b.c.key+"/concept/"+t.key), Visibility: graph.Public},
			Text: t.text, Region: b.c.key, Concept: ci.id, Guideline: guideline(t.guideline), Level: cmpOr(t.level, "strategic"),
			Reference: t.ref, Priority: t.priority, Period: t.period, Starts: cmpOr(t.starts, period(t.period).Starts), Due: t.due,
			Description: t.desc}
		tops[t.key] = g
		var fs []int
		for _, name := range t.fields {
			fs = append(fs, b.field(name))
		}
		addGoal(g, fs)
	}

	if len(spec.fields) != len(b.fields) {
		panic(fmt.Sprintf("demo: %s's concept shapes %d fields, the county has %d", b.c.name, len(spec.fields), len(b.fields)))
	}
	for fi, fp := range spec.fields {
		if b.fields[fi].spec.name != fp.field {
			panic(fmt.Sprintf("demo: %s's concept names field %q where the county has %q", b.c.name, fp.field, b.fields[fi].spec.name))
		}
		f := b.fields[fi]
		if len(fp.goals) != len(f.goals) {
			panic(fmt.Sprintf("demo: %s/%s: the concept shapes %d goals, the field has %d", b.c.name, fp.field, len(fp.goals), len(f.goals)))
		}
		for gi, gp := range fp.goals {
			info := f.goals[gi]
			info.ref = gp.ref
			per := period(gp.period)
			g := &graph.Goal{Meta: graph.Meta{ID: info.id, Visibility: graph.Public}, Text: info.spec.text, Region: b.c.key,
				Concept: ci.id, Guideline: guideline(gp.guideline), Level: cmpOr(gp.level, "operational"), Reference: gp.ref,
				Priority: gp.priority, Period: gp.period, Starts: cmpOr(gp.starts, per.Starts),
				Due: cmpOr(gp.due, graph.Date(fmt.Sprintf("%d-12-31", gp.ind.target)))}
			if gp.parent != "" {
				p, ok := tops[gp.parent]
				if !ok {
					panic(fmt.Sprintf("demo: %s has no top goal %q", b.c.name, gp.parent))
				}
				g.Parent = p.ID
			}
			addGoal(g, []int{fi})
			b.plantIndicator(g, b.goalIndicator(info, gp.ind))
		}
	}
	for i, x := range spec.extras {
		var n *graph.Goal
		key := fmt.Sprintf("%s/kennzahl/%d", b.c.key, i+1)
		if x.top != "" {
			n = tops[x.top]
		} else {
			f := b.fields[b.field(x.field)]
			n = ci.goalByRef[f.goals[x.goal].ref]
		}
		if n == nil {
			panic(fmt.Sprintf("demo: %s: extra indicator %q has no goal", b.c.name, x.name))
		}
		def := indicatorDef{key: key, name: x.name, unit: x.unit, desc: x.desc, source: b.expandSource(x.source),
			direction: x.direction, baseline: x.baseline, target: x.target, decimals: x.decimals, count: x.count, plan: x.plan}
		if x.direction == "range" {
			def.upper = ptr(x.upper)
		}
		b.plantIndicator(n, def)
	}
	for _, pi := range ci.inds {
		if d := pi.ind.TargetYear; d != 0 && pi.ind.BaselineYear > d {
			panic(fmt.Sprintf("demo: %s: indicator %q targets %d, before its baseline", b.c.name, pi.ind.Name, d))
		}
	}

	b.conceptMeasures(spec)
	b.projects(spec)
	b.bodies(spec)

	at := AttainmentTruth{Region: b.c.key, Year: lastYear, Classes: map[string]string{}}
	for _, pi := range ci.inds {
		at.Classes[pi.ind.ID] = pi.shape.class()
	}
	b.truth.Attainment = []AttainmentTruth{at}
}

func cmpOr[T ~string](a, b T) T {
	if a != "" {
		return a
	}
	return b
}

// indicatorDef is an indicator to plant.
type indicatorDef struct {
	key                                 string
	name, unit, desc, source, direction string
	baseline, target                    float64
	upper                               *float64
	decimals                            int
	count                               bool
	plan                                indPlan
}

// goalIndicator derives the indicator of one of a field's goals from its goal spec: the
// baseline a tenth to a fifth of the way into the spec's value range from its bad end, the
// target the spec's (or the good end of the range); counts per 1,000 foreign inhabitants
// become county totals.
func (b *builder) goalIndicator(g *goalInfo, plan indPlan) indicatorDef {
	gs := g.spec
	k, dec := 1.0, 1
	if gs.perForeign {
		k, dec = b.foreignTotal()/1000, 0
	}
	lo, hi := gs.lo*k, gs.hi*k
	step := (0.1 + 0.1*unit("baseline/"+g.key)) * (hi - lo)
	var base, target float64
	if gs.lowerBetter {
		base, target = hi-step, cmpOrNum(gs.target*k, lo)
	} else {
		base, target = lo+step, cmpOrNum(gs.target*k, hi)
	}
	return indicatorDef{key: g.key, name: gs.indicator, unit: gs.unit, desc: gs.desc, source: b.expandSource(gs.source),
		direction: gs.direction(), baseline: roundTo(base, dec), target: niceTarget(target, dec), decimals: dec,
		count: gs.perForeign, plan: plan}
}

func cmpOrNum(a, b float64) float64 {
	if a != 0 {
		return a
	}
	return b
}

// foreignTotal is the county's foreign population, as municipalities() writes it.
func (b *builder) foreignTotal() float64 {
	var pop float64
	for _, p := range b.places {
		pop += float64(p.Population)
	}
	return pop * b.c.foreignShare
}

// roundTo rounds x to dec decimals.
func roundTo(x float64, dec int) float64 {
	f := math.Pow(10, float64(dec))
	return math.Round(x*f) / f
}

// niceTarget rounds a target the way concepts state them: percentages and durations to
// whole numbers, counts to two significant digits.
func niceTarget(x float64, dec int) float64 {
	if dec > 0 || x < 100 {
		return math.Round(x)
	}
	m := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Round(x/m) * m
}

// sourceNames fill the placeholders of indicator sources per state.
var sourceNames = map[string][2]string{
	"NW": {"IT.NRW", "Kommunales Integrationszentrum"},
	"BW": {"Statistisches Landesamt Baden-Württemberg", "Integrationsbeauftragte des Landratsamts"},
	"ST": {"Statistisches Landesamt Sachsen-Anhalt", "Integrationskoordination des Landkreises"},
}

func (b *builder) expandSource(s string) string {
	n := sourceNames[b.c.state]
	return strings.NewReplacer("{land}", n[0], "{ki}", n[1]).Replace(s)
}

// plantIndicator writes the indicator of def with its planted series and links it to the
// goal.
func (b *builder) plantIndicator(g *graph.Goal, def indicatorDef) {
	p := def.plan
	ind := &graph.Indicator{Meta: graph.Meta{ID: keyedID(graph.KindIndicator, def.key), Visibility: graph.Public},
		Name: def.name, Region: b.c.key, Description: def.desc, Unit: def.unit, Source: def.source,
		Direction: def.direction, Baseline: ptr(def.baseline), BaselineYear: p.base, Target: ptr(def.target),
		TargetUpper: def.upper, TargetYear: p.target}
	region := plantSeries(def, func(y int) float64 { return 0.02 * (2*unit(fmt.Sprintf("noise/%s/%d", def.key, y)) - 1) })
	ind.Values = append(ind.Values, region...)
	if p.local && len(region) > 0 {
		ind.Values = append(ind.Values, b.municipalValues(def, region)...)
	}
	b.out.add(ind)
	b.out.relate(graph.MeasuredBy, g.ID, ind.ID, graph.RelProps{})
	b.ci.inds = append(b.ci.inds, &plantedIndicator{ind: ind, shape: p.shape})
}

// plantSeries returns the region's values of def as its shape plants them (see shape);
// noise(year) is a fraction of the distance to the target added to the line.
func plantSeries(def indicatorDef, noise func(int) float64) []graph.IndicatorValue {
	p := def.plan
	switch p.shape {
	case shapeNone:
		return nil
	case shapeSingle:
		return []graph.IndicatorValue{{Year: p.base, Value: def.baseline}}
	}
	last := cmpOrInt(p.last, lastYear)
	b := def.baseline
	// Fractions count from the baseline toward aim: the target, or a range's near end.
	aim := def.target
	var mid, far float64
	if def.direction == "range" {
		lo, hi := def.target, *def.upper
		far = hi
		if b > hi {
			aim, far = hi, lo
		}
		mid = ((lo+hi)/2 - b) / (aim - b)
		far = (far - b) / (aim - b)
	}
	toTarget := float64(p.target - p.base)
	toLast := float64(last - p.base)
	var slope float64 // fraction per year
	switch p.shape {
	case shapeAchieved:
		end := 1.25
		if def.direction == "range" {
			end = mid
		}
		slope = end / toLast
	case shapeOnTrack:
		proj := 1.3
		if def.direction == "range" {
			proj = mid
		}
		// The latest value must stay clearly short of the target.
		proj = math.Min(proj, 0.8*toTarget/toLast)
		if proj < 1.15 || (def.direction == "range" && proj < mid-0.1*(mid-1)) {
			panic(fmt.Sprintf("demo: indicator %q: target year %d is too close for on_track from %d", def.name, p.target, p.base))
		}
		slope = proj / toTarget
	case shapeSlow:
		slope = 0.5 / toTarget
	case shapeOvershoot:
		slope = (far + (far-1)/2) / toTarget
	case shapeLate:
		if p.target > last {
			panic(fmt.Sprintf("demo: indicator %q: shape late needs a target year up to %d", def.name, last))
		}
		slope = 0.7 / toLast
	case shapeAway:
		slope = -0.3 / toLast
	default:
		panic("demo: unknown shape " + string(p.shape))
	}
	var vs []graph.IndicatorValue
	for y := p.base + 1; y <= last; y++ {
		if slices.Contains(p.gaps, y) {
			continue
		}
		f := slope*float64(y-p.base) + noise(y)
		v := math.Max(0, roundTo(b+f*(aim-b), def.decimals))
		vs = append(vs, graph.IndicatorValue{Year: y, Value: v})
	}
	return vs
}

func cmpOrInt(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

// municipalValues spreads the region's last three values over the municipalities: counts
// by foreign population, rates and durations varied by up to a fifth per municipality.
func (b *builder) municipalValues(def indicatorDef, region []graph.IndicatorValue) []graph.IndicatorValue {
	var vs []graph.IndicatorValue
	total := b.foreignTotal()
	for _, p := range b.places {
		foreign := float64(p.Population) * b.c.foreignShare
		for _, rv := range region[max(0, len(region)-3):] {
			v := rv.Value * (1 + 0.2*(2*unit(fmt.Sprintf("muni/%s/%s/%d", def.key, p.AGS, rv.Year))-1))
			if def.count {
				v = rv.Value * foreign / total
			}
			vs = append(vs, graph.IndicatorValue{Municipality: p.AGS, Year: rv.Year, Value: roundTo(v, def.decimals)})
		}
	}
	return vs
}
