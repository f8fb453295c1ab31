package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The integration concept as data: a region's Concept with its periods, its Leitlinien
// (Guideline), its goals (Goal, optionally below a guideline and below a parent goal, each in
// fields of action through IN_FIELD) and the indicators that measure them (Indicator, through
// MEASURED_BY). Measures pursue goals (PURSUES). The tree is held by properties that name the
// node above (a guideline's concept, a goal's guideline and parent): each node has at most
// one, the stores check that it exists in the same region, and a node that others hang on
// cannot be deleted while they do.

// MaxGoalDepth bounds how deep goals nest below each other (a strategic goal, its
// Handlungsziele, their sub-goals, …).
const MaxGoalDepth = 5

// MaxConceptPeriods bounds a concept's periods, MaxFunding a measure's funding entries and
// MaxStatusNotes its status notes.
const (
	MaxConceptPeriods = 20
	MaxFunding        = 20
	MaxStatusNotes    = 200
)

// Concept is a region's integration concept (Integrationskonzept, Integrationsplan) with its
// periods: the first plan and its updates (Fortschreibungen). A town's own concept is a
// Concept with its Municipality: it has the same parts, and its fields of action (IN_FIELD)
// show where it covers what the county's goals cover.
type Concept struct {
	Meta
	// Title is the concept's name, e.g. "Integrationsplan Rems-Murr-Kreis".
	Title string `json:"title"`
	// Region is the county whose directory holds the concept.
	Region string `json:"region"`
	// Municipality is the AGS of the town whose own concept this is; empty for the county's.
	Municipality string `json:"municipality,omitempty"`
	// Description summarises the concept: its method, its scope.
	Description string `json:"description,omitempty"`
	// Adopted is the day the Kreistag adopted the concept (optional).
	Adopted Date `json:"adopted,omitempty"`
	// Periods are the plan and its updates, e.g. "Integrationsplan 2017" from 2017-01-01 and
	// "Fortschreibung 2019" from 2019-07-01, in order.
	Periods []ConceptPeriod `json:"periods,omitempty"`
	// Website links to the published concept.
	Website string `json:"website,omitempty"`
}

// ConceptPeriod is one period of a concept: the plan or one of its updates.
type ConceptPeriod struct {
	// Name names the period, e.g. "Fortschreibung 2019"; unique within the concept.
	Name string `json:"name"`
	// Starts is the first day of the period.
	Starts Date `json:"starts"`
	// Ends is the last day (optional; open when empty).
	Ends Date `json:"ends,omitempty"`
}

// EntityKind implements Entity.
func (*Concept) EntityKind() Kind { return KindConcept }

// RegionKey implements Entity.
func (c *Concept) RegionKey() string { return c.Region }

// Normalize implements Entity.
func (c *Concept) Normalize() {
	trim(&c.ID, &c.Title, &c.Region, &c.Municipality, &c.Description, &c.Website)
	c.Adopted = Date(strings.TrimSpace(string(c.Adopted)))
	for i := range c.Periods {
		p := &c.Periods[i]
		trim(&p.Name)
		p.Starts, p.Ends = Date(strings.TrimSpace(string(p.Starts))), Date(strings.TrimSpace(string(p.Ends)))
	}
	defaultVisibility(&c.Meta, Public)
}

// Validate implements Entity.
func (c *Concept) Validate() error {
	var p problems
	p.name("title", c.Title)
	p.regionKey("region", c.Region, true)
	if c.Municipality != "" {
		p.ags("municipality", c.Municipality)
	}
	p.maxLen("description", c.Description, MaxDescription)
	p.date("adopted", c.Adopted)
	p.url("website", c.Website)
	if len(c.Periods) > MaxConceptPeriods {
		p.add("periods", "holds %d periods; at most %d are allowed", len(c.Periods), MaxConceptPeriods)
	}
	seen := map[string]int{}
	for i, per := range c.Periods {
		f := fmt.Sprintf("periods[%d]", i)
		p.name(f+".name", per.Name)
		if j, dup := seen[strings.ToLower(per.Name)]; dup && per.Name != "" {
			p.add(f+".name", "repeats the name of periods[%d]", j)
		}
		seen[strings.ToLower(per.Name)] = i
		if per.Starts == "" {
			p.add(f+".starts", "is required")
		}
		p.date(f+".starts", per.Starts)
		p.date(f+".ends", per.Ends)
		p.dateOrder(f+".ends", per.Starts, per.Ends)
	}
	return p.err("concept")
}

// References implements Entity: the region and the town of a town's concept.
func (c *Concept) References() []Ref {
	return append(regionRef(c.Region), nodeRef("municipality", KindMunicipality, c.Municipality)...)
}

// Clone implements Entity.
func (c *Concept) Clone() Entity {
	d := *c
	d.Periods = slices.Clone(c.Periods)
	return &d
}

// Period returns the period with this name (case-insensitive), or false.
func (c *Concept) Period(name string) (ConceptPeriod, bool) {
	for _, p := range c.Periods {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return ConceptPeriod{}, false
}

// Guideline is a guiding principle (Leitlinie) of a concept; goals are set below it.
type Guideline struct {
	Meta
	// Title states the principle, e.g. "Integration ist Querschnittsaufgabe".
	Title string `json:"title"`
	// Region is the county whose concept holds the guideline.
	Region string `json:"region"`
	// Concept is the id of the concept the guideline belongs to.
	Concept string `json:"concept"`
	// Reference is the concept's own number for it, e.g. "L 2".
	Reference string `json:"reference,omitempty"`
	// Description explains the principle.
	Description string `json:"description,omitempty"`
}

// EntityKind implements Entity.
func (*Guideline) EntityKind() Kind { return KindGuideline }

// RegionKey implements Entity.
func (g *Guideline) RegionKey() string { return g.Region }

// Normalize implements Entity.
func (g *Guideline) Normalize() {
	trim(&g.ID, &g.Title, &g.Region, &g.Concept, &g.Reference, &g.Description)
	defaultVisibility(&g.Meta, Public)
}

// Validate implements Entity.
func (g *Guideline) Validate() error {
	var p problems
	p.name("title", g.Title)
	p.regionKey("region", g.Region, true)
	p.nodeID("concept", g.Concept, KindConcept, true)
	p.maxLen("reference", g.Reference, MaxShort)
	p.maxLen("description", g.Description, MaxDescription)
	return p.err("guideline")
}

// References implements Entity.
func (g *Guideline) References() []Ref {
	return append(regionRef(g.Region), nodeRef("concept", KindConcept, g.Concept)...)
}

// Clone implements Entity.
func (g *Guideline) Clone() Entity { c := *g; return &c }

// Goal is a goal (Ziel) of the county's integration concept: a strategic goal or a
// Handlungsziel below one. Its fields of action are IN_FIELD relationships, its indicators
// MEASURED_BY relationships, and measures that serve it PURSUE it.
type Goal struct {
	Meta
	// Text states the goal, e.g. "Alle Kinder mit Zuwanderungsgeschichte besuchen ab drei
	// Jahren eine Kita."
	Text string `json:"text"`
	// Region is the county whose concept sets the goal.
	Region string `json:"region"`
	// Concept is the id of the concept that sets the goal (optional for goals kept outside
	// a concept; filled from the guideline or parent when they are given).
	Concept string `json:"concept,omitempty"`
	// Guideline is the id of the Leitlinie the goal serves (optional).
	Guideline string `json:"guideline,omitempty"`
	// Parent is the id of the goal this one is part of (optional): a Handlungsziel's
	// strategic goal.
	Parent string `json:"parent,omitempty"`
	// Level is strategic (a strategic goal) or operational (a Handlungsziel).
	Level string `json:"level,omitempty"`
	// Reference is the concept's own number for the goal, e.g. "1.3".
	Reference string `json:"reference,omitempty"`
	// Priority ranks the goal, e.g. focus for a Schwerpunktziel (see Priorities).
	Priority string `json:"priority,omitempty"`
	// Period names the concept period that set the goal, e.g. "Fortschreibung 2019".
	Period string `json:"period,omitempty"`
	// Starts is when work on the goal begins (optional).
	Starts Date `json:"starts,omitempty"`
	// Due is when the goal should be reached (optional).
	Due Date `json:"due,omitempty"`
	// Description explains the goal: why, how it is measured, who is responsible.
	Description string `json:"description,omitempty"`
}

// EntityKind implements Entity.
func (*Goal) EntityKind() Kind { return KindGoal }

// RegionKey implements Entity.
func (g *Goal) RegionKey() string { return g.Region }

// Normalize implements Entity.
func (g *Goal) Normalize() {
	trim(&g.ID, &g.Text, &g.Region, &g.Concept, &g.Guideline, &g.Parent, &g.Level, &g.Reference,
		&g.Priority, &g.Period, &g.Description)
	g.Starts, g.Due = Date(strings.TrimSpace(string(g.Starts))), Date(strings.TrimSpace(string(g.Due)))
	defaultVisibility(&g.Meta, Public)
}

// Validate implements Entity.
func (g *Goal) Validate() error {
	var p problems
	if p.required("text", g.Text) {
		p.maxLen("text", g.Text, MaxDescription)
	}
	p.regionKey("region", g.Region, true)
	p.nodeID("concept", g.Concept, KindConcept, false)
	p.nodeID("guideline", g.Guideline, KindGuideline, false)
	p.nodeID("parent", g.Parent, KindGoal, false)
	if g.Parent != "" && g.Parent == g.ID {
		p.add("parent", "a goal cannot be its own parent")
	}
	p.enum("level", g.Level, GoalLevels, false)
	p.maxLen("reference", g.Reference, MaxShort)
	p.enum("priority", g.Priority, Priorities, false)
	p.maxLen("period", g.Period, MaxName)
	if g.Period != "" && g.Concept == "" && g.Guideline == "" && g.Parent == "" {
		p.add("period", "names a period of a concept, but the goal belongs to no concept")
	}
	p.date("starts", g.Starts)
	p.date("due", g.Due)
	p.dateOrder("due", g.Starts, g.Due)
	p.maxLen("description", g.Description, MaxDescription)
	return p.err("goal")
}

// References implements Entity.
func (g *Goal) References() []Ref {
	refs := regionRef(g.Region)
	refs = append(refs, nodeRef("concept", KindConcept, g.Concept)...)
	refs = append(refs, nodeRef("guideline", KindGuideline, g.Guideline)...)
	return append(refs, nodeRef("parent", KindGoal, g.Parent)...)
}

// Clone implements Entity.
func (g *Goal) Clone() Entity { c := *g; return &c }

// Check implements Checker: the guideline and the parent belong to the goal's concept (which
// is filled in from them when empty), the period is one of the concept's, and the parent
// chain ends within MaxGoalDepth levels without coming back to the goal.
func (g *Goal) Check(c CheckContext) error {
	var p problems
	conceptOf := func(field, id string) {
		var owner string
		switch n := c.Node(id).(type) {
		case *Guideline:
			owner = n.Concept
		case *Goal:
			owner = n.Concept
		default:
			return
		}
		switch {
		case owner == "":
		case g.Concept == "":
			g.Concept = owner
		case owner != g.Concept:
			p.add(field, "%s belongs to concept %s, but the goal to concept %s", id, owner, g.Concept)
		}
	}
	if g.Guideline != "" {
		conceptOf("guideline", g.Guideline)
	}
	if g.Parent != "" {
		conceptOf("parent", g.Parent)
	}
	if g.Period != "" && g.Concept != "" {
		if con, ok := c.Node(g.Concept).(*Concept); ok {
			if _, ok := con.Period(g.Period); !ok {
				names := make([]string, len(con.Periods))
				for i, per := range con.Periods {
					names[i] = fmt.Sprintf("%q", per.Name)
				}
				if len(names) == 0 {
					p.add("period", "concept %s has no periods; add them to the concept first", g.Concept)
				} else {
					p.add("period", "%q is not a period of concept %s; use one of %s", g.Period, g.Concept, strings.Join(names, ", "))
				}
			}
		}
	}
	depth, seen := 1, map[string]bool{g.ID: true}
	for id := g.Parent; id != ""; depth++ {
		parent, ok := c.Node(id).(*Goal)
		if !ok {
			break
		}
		if g.ID != "" && seen[id] {
			p.add("parent", "%s lies below this goal; a goal cannot be placed below its own sub-goal", g.Parent)
			break
		}
		if depth >= MaxGoalDepth {
			p.add("parent", "goals nest at most %d levels deep", MaxGoalDepth)
			break
		}
		seen[id] = true
		id = parent.Parent
	}
	return p.err("goal")
}

// Indicator is a key figure (Kennzahl) that shows whether a goal is reached: its baseline,
// its target and the direction of progress, and measured values per year for the whole
// region or per municipality.
type Indicator struct {
	Meta
	// Name names the figure, e.g. "Kita-Besuchsquote der Kinder mit Zuwanderungsgeschichte".
	Name string `json:"name"`
	// Region is the county whose concept defines the indicator.
	Region string `json:"region"`
	// Description says what is counted and how.
	Description string `json:"description,omitempty"`
	// Unit is the unit of the values, e.g. "Personen", "%".
	Unit string `json:"unit,omitempty"`
	// Source names where the values come from, e.g. "IT.NRW, Kita-Statistik".
	Source string `json:"source,omitempty"`
	// Direction says what progress is: higher (a rising value is better), lower (a falling
	// one is) or range (the value should lie between Target and TargetUpper). Required when
	// a target is set.
	Direction string `json:"direction,omitempty"`
	// Baseline is the value the concept starts from (optional; BaselineYear comes with it).
	Baseline *float64 `json:"baseline,omitempty"`
	// BaselineYear is the year of the baseline.
	BaselineYear int `json:"baseline_year,omitempty"`
	// Target is the value the county aims for; for a range, its lower end.
	Target *float64 `json:"target,omitempty"`
	// TargetUpper is the upper end of a target range (only with direction range).
	TargetUpper *float64 `json:"target_upper,omitempty"`
	// TargetYear is the year by which the target should be reached (optional).
	TargetYear int `json:"target_year,omitempty"`
	// Values are the measured values, at most one per municipality (or the region) and year.
	Values []IndicatorValue `json:"values,omitempty"`
}

// IndicatorValue is one measured value.
type IndicatorValue struct {
	// Municipality is the AGS the value is for; empty for the whole region.
	Municipality string `json:"municipality,omitempty"`
	// Year is the reference year.
	Year int `json:"year"`
	// Value is the measured figure.
	Value float64 `json:"value"`
}

// MaxIndicatorValues bounds the values of one indicator.
const MaxIndicatorValues = 10000

// EntityKind implements Entity.
func (*Indicator) EntityKind() Kind { return KindIndicator }

// RegionKey implements Entity.
func (i *Indicator) RegionKey() string { return i.Region }

// Normalize implements Entity. Values keep their order, so that errors name them as given.
func (i *Indicator) Normalize() {
	trim(&i.ID, &i.Name, &i.Region, &i.Description, &i.Unit, &i.Source, &i.Direction)
	for j := range i.Values {
		trim(&i.Values[j].Municipality)
	}
	defaultVisibility(&i.Meta, Public)
}

// Validate implements Entity.
func (i *Indicator) Validate() error {
	var p problems
	p.name("name", i.Name)
	p.regionKey("region", i.Region, true)
	p.maxLen("description", i.Description, MaxDescription)
	p.maxLen("unit", i.Unit, MaxShort)
	p.maxLen("source", i.Source, MaxName)
	p.enum("direction", i.Direction, IndicatorDirections, false)
	p.finite("baseline", i.Baseline)
	p.finite("target", i.Target)
	p.finite("target_upper", i.TargetUpper)
	switch {
	case i.Baseline != nil && i.BaselineYear == 0:
		p.add("baseline_year", "is required with a baseline")
	case i.Baseline == nil && i.BaselineYear != 0:
		p.add("baseline", "is required with a baseline year")
	}
	p.year("baseline_year", i.BaselineYear)
	p.year("target_year", i.TargetYear)
	if i.Target != nil && i.Direction == "" {
		p.add("direction", "is required with a target: higher, lower or range")
	}
	if i.Target == nil && i.TargetYear != 0 {
		p.add("target", "is required with a target year")
	}
	if i.Direction == "range" {
		switch {
		case i.Target == nil:
			p.add("target", "is required for a target range (its lower end)")
		case i.TargetUpper == nil:
			p.add("target_upper", "is required for a target range (its upper end)")
		case *i.TargetUpper < *i.Target:
			p.add("target_upper", "lies below target (%g)", *i.Target)
		}
	} else if i.TargetUpper != nil {
		p.add("target_upper", "is only allowed with direction range")
	}
	if i.BaselineYear != 0 && i.TargetYear != 0 && i.TargetYear < i.BaselineYear {
		p.add("target_year", "lies before the baseline year (%d)", i.BaselineYear)
	}
	if len(i.Values) > MaxIndicatorValues {
		p.add("values", "holds %d values; at most %d are allowed", len(i.Values), MaxIndicatorValues)
	}
	seen := map[string]int{}
	for j, v := range i.Values {
		f := fmt.Sprintf("values[%d]", j)
		if v.Municipality != "" {
			p.ags(f+".municipality", v.Municipality)
		}
		if v.Year < 1950 || v.Year > 2100 {
			p.add(f+".year", "must be between 1950 and 2100")
		}
		p.finite(f+".value", &i.Values[j].Value)
		key := fmt.Sprintf("%s/%d", v.Municipality, v.Year)
		if k, dup := seen[key]; dup {
			p.add(f, "repeats municipality and year of values[%d]", k)
		}
		seen[key] = j
	}
	return p.err("indicator")
}

// Check implements Checker: measured values cannot lie in a year that has not begun.
func (i *Indicator) Check(c CheckContext) error {
	var p problems
	this := c.Now.Year()
	for j, v := range i.Values {
		if v.Year > this {
			p.add(fmt.Sprintf("values[%d].year", j), "%d has not begun; values are measured figures (the aim belongs in target and target_year)", v.Year)
		}
	}
	if i.BaselineYear > this {
		p.add("baseline_year", "%d has not begun; the baseline is a measured figure", i.BaselineYear)
	}
	return p.err("indicator")
}

// References implements Entity: the region and every municipality a value is for.
func (i *Indicator) References() []Ref {
	refs := regionRef(i.Region)
	for j, v := range i.Values {
		if v.Municipality != "" {
			refs = append(refs, Ref{Field: fmt.Sprintf("values[%d].municipality", j), Kind: KindMunicipality, ID: v.Municipality})
		}
	}
	return refs
}

// Clone implements Entity.
func (i *Indicator) Clone() Entity {
	c := *i
	c.Baseline = clonePtr(i.Baseline)
	c.Target = clonePtr(i.Target)
	c.TargetUpper = clonePtr(i.TargetUpper)
	c.Values = slices.Clone(i.Values)
	return &c
}

// Funding is one source of a measure's money, kept apart from the fee per participant
// (Measure.Cost).
type Funding struct {
	// Funder names the funder or the funding programme, e.g. "Land Baden-Württemberg, VwV
	// Integration" (required unless the measure is budget-neutral).
	Funder string `json:"funder,omitempty"`
	// Amount is the sum in euros for the period (optional).
	Amount *float64 `json:"amount,omitempty"`
	// Starts and Ends bound the funding period (optional).
	Starts Date `json:"starts,omitempty"`
	Ends   Date `json:"ends,omitempty"`
	// BudgetNeutral marks a measure that needs no extra money (haushaltsneutral).
	BudgetNeutral bool `json:"budget_neutral,omitempty"`
}

// StatusNote is a dated remark on a measure's progress ("Sachstand").
type StatusNote struct {
	// Date is the day the note was written.
	Date Date `json:"date"`
	// Text says what was done, what is delayed and why.
	Text string `json:"text"`
}

func (p *problems) funding(field string, fs []Funding) {
	if len(fs) > MaxFunding {
		p.add(field, "holds %d entries; at most %d are allowed", len(fs), MaxFunding)
	}
	for i, f := range fs {
		at := fmt.Sprintf("%s[%d]", field, i)
		if f.Funder == "" && !f.BudgetNeutral {
			p.add(at+".funder", "is required unless the entry is budget-neutral")
		}
		p.maxLen(at+".funder", f.Funder, MaxName)
		p.finite(at+".amount", f.Amount)
		if f.Amount != nil && *f.Amount < 0 {
			p.add(at+".amount", "must not be negative")
		}
		if f.BudgetNeutral && f.Amount != nil && *f.Amount > 0 {
			p.add(at+".amount", "a budget-neutral entry has no amount")
		}
		p.date(at+".starts", f.Starts)
		p.date(at+".ends", f.Ends)
		p.dateOrder(at+".ends", f.Starts, f.Ends)
	}
}

func (p *problems) statusNotes(field string, ns []StatusNote) {
	if len(ns) > MaxStatusNotes {
		p.add(field, "holds %d notes; at most %d are allowed", len(ns), MaxStatusNotes)
	}
	days := map[Date]int{}
	for i, n := range ns {
		at := fmt.Sprintf("%s[%d]", field, i)
		if n.Date == "" {
			p.add(at+".date", "is required")
		} else if j, dup := days[n.Date]; dup {
			p.add(at+".date", "repeats the day of %s[%d]; write one note per day", field, j)
		}
		days[n.Date] = i
		p.date(at+".date", n.Date)
		if p.required(at+".text", n.Text) {
			p.maxLen(at+".text", n.Text, MaxDescription)
		}
	}
}

// LatestNote returns the newest status note written on or before day (all notes when day is
// zero), or false.
func LatestNote(ns []StatusNote, day time.Time) (StatusNote, bool) {
	var best StatusNote
	found := false
	for _, n := range ns {
		t, ok := n.Date.Time()
		if !ok || (!day.IsZero() && t.After(day)) {
			continue
		}
		if bt, _ := best.Date.Time(); !found || !t.Before(bt) {
			best, found = n, true
		}
	}
	return best, found
}

// nodeRef is a reference from property field to a node of kind k; none when id is empty.
func nodeRef(field string, k Kind, id string) []Ref {
	if id == "" {
		return nil
	}
	return []Ref{{Field: field, Kind: k, ID: id}}
}

// nodeID checks that v is the id of a node of kind k.
func (p *problems) nodeID(field, v string, k Kind, required bool) {
	if v == "" {
		if required {
			p.add(field, "is required (the id of a %s)", k)
		}
		return
	}
	if got, ok := KindOfID(v); !ok || got != k {
		p.add(field, "%q is not the id of a %s", v, k)
	}
}

// year checks an optional year.
func (p *problems) year(field string, y int) {
	if y != 0 && (y < 1950 || y > 2100) {
		p.add(field, "must be between 1950 and 2100")
	}
}

// dateOrder reports an end before its start (both optional).
func (p *problems) dateOrder(field string, starts, ends Date) {
	if s, ok := starts.Time(); ok {
		if e, ok := ends.Time(); ok && e.Before(s) {
			p.add(field, "lies before the start (%s)", starts)
		}
	}
}

// CheckContext is what a Checker may look at: the time of the write and the nodes as the
// write sees them.
type CheckContext struct {
	// Now is the time the write is made.
	Now time.Time
	// Node returns the node with this id as the write sees it, or nil.
	Node func(id string) Entity
}

// Checker is implemented by nodes whose rules look beyond their own fields: at the nodes
// they refer to, or at the date. Check runs after Validate and after the references were
// found; it may fill fields that follow from the nodes referred to (a goal's concept from its
// guideline) and returns an EINVALID *Error naming each bad field.
type Checker interface {
	Check(c CheckContext) error
}
