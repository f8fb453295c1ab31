// Package statusreport builds the Sachstandsbericht: the status report of a county's
// integration concept for a period, as its steering group and the Kreistag read it. It
// gathers, grouped by field of action and goal, every measure with its reference number,
// lead body, status at the start and at the end of the period, its newest status note and
// what changed; every goal with its indicators against their targets (with the series for a
// chart); the gaps closed and opened; network memberships gained and lost; and the open
// duplicate clusters. Build makes that content from analysis results; Document lays it out as
// a report.Document, which package report renders as HTML, PDF, DOCX or XLSX.
//
// What the package must not do: read a store or do other I/O (the caller takes snapshots and
// runs), or word anything itself that is not in the message catalogue (package msg).
package statusreport

import (
	"cmp"
	"slices"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Stand is one end of the report's period: a saved monitoring snapshot or the live state.
type Stand struct {
	// ID is the snapshot's id; empty for the live state.
	ID string `json:"id,omitempty"`
	// Label is the snapshot's label.
	Label string `json:"label,omitempty"`
	// Taken is when the state was taken.
	Taken time.Time `json:"taken"`
	// Run holds the figures of that state; nil when no saved state exists for the start.
	Run *analysis.MonitoringRun `json:"-"`
}

// Input is what Build needs.
type Input struct {
	// Snapshot is the region as it is now: the concept's structure (goals, fields, which
	// measures pursue which goal) comes from it.
	Snapshot *graph.Snapshot
	// From and To are the ends of the period. From.Run may be nil (no saved state before the
	// start: then changes of measures cannot be named); To.Run must be set.
	From, To Stand
	// Attainment is the monitoring as of To's year.
	Attainment *analysis.AttainmentResult
}

// Report is the content of a status report.
type Report struct {
	Region     string   `json:"region"`
	RegionName string   `json:"region_name"`
	Concepts   []string `json:"concepts"`
	From       Stand    `json:"from"`
	To         Stand    `json:"to"`
	// Year is the year the attainment was judged for.
	Year int `json:"year"`
	// HasStart says whether a saved state at the start exists; without it no measure's
	// change can be named.
	HasStart bool `json:"has_start"`

	// GoalClasses and IndicatorClasses count goals and indicators by class.
	GoalClasses      map[string]int `json:"goal_classes"`
	IndicatorClasses map[string]int `json:"indicator_classes"`
	// StatusThen and StatusNow count the concept's measures (those that pursue a goal) by
	// status at the two ends; StatusThen is empty without a start.
	StatusThen map[string]int `json:"status_then"`
	StatusNow  map[string]int `json:"status_now"`
	// Changed counts the concept's measures whose status changed.
	Changed int `json:"changed"`

	// Fields are the sections per field of action, in the order of the region's fields; a
	// last section with an empty ID holds the goals in no field.
	Fields []FieldSection `json:"fields"`
	// Other measures that changed status but pursue no goal.
	OtherChanges []MeasureRow `json:"other_changes"`

	GapsClosed     []analysis.CellKey      `json:"gaps_closed"`
	GapsOpened     []analysis.CellKey      `json:"gaps_opened"`
	Joined         []analysis.Membership   `json:"joined"`
	Left           []analysis.Membership   `json:"left"`
	OpenDuplicates []analysis.DuplicateSet `json:"open_duplicates"`
	// MeasuresAdded and MeasuresRemoved count the measures that appeared and went.
	MeasuresAdded   int `json:"measures_added"`
	MeasuresRemoved int `json:"measures_removed"`
}

// FieldSection is one field of action with its goals.
type FieldSection struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Class       string        `json:"class"`
	Explanation string        `json:"explanation"`
	Goals       []GoalSection `json:"goals"`
}

// GoalSection is one goal in a field, with its indicators and measures. Sub-goals follow
// their goal with a greater Depth.
type GoalSection struct {
	ID          string `json:"id"`
	Reference   string `json:"reference,omitempty"`
	Text        string `json:"text"`
	Level       string `json:"level,omitempty"`
	Priority    string `json:"priority,omitempty"`
	Depth       int    `json:"depth"`
	Class       string `json:"class"`
	Explanation string `json:"explanation"`
	// ClassThen is the goal's class at the start ("" when unknown).
	ClassThen  string                         `json:"class_then,omitempty"`
	Indicators []analysis.IndicatorAttainment `json:"indicators"`
	Measures   []MeasureRow                   `json:"measures"`
}

// MeasureRow is one measure of a goal.
type MeasureRow struct {
	ID        string `json:"id"`
	Reference string `json:"reference,omitempty"`
	Title     string `json:"title"`
	Lead      string `json:"lead,omitempty"`
	// Then is the status at the start ("" without a start, "new" when the measure did not
	// exist then), Now the status at the end.
	Then string `json:"then"`
	Now  string `json:"now"`
	// Changed says whether the status differs between the two ends.
	Changed bool `json:"changed"`
	// Note is the newest status note written within the period ("date: text").
	Note string `json:"note,omitempty"`
	// Horizon and Addressee come from the concept.
	Horizon   string `json:"horizon,omitempty"`
	Addressee string `json:"addressee,omitempty"`
}

// Build gathers the report's content.
func Build(in Input) *Report {
	s, a := in.Snapshot, in.Attainment
	r := &Report{Region: s.Region, From: in.From, To: in.To, Year: a.Year, HasStart: in.From.Run != nil,
		GoalClasses: map[string]int{}, IndicatorClasses: map[string]int{}, StatusThen: map[string]int{}, StatusNow: map[string]int{},
		Fields: []FieldSection{}, OtherChanges: []MeasureRow{}, GapsClosed: []analysis.CellKey{}, GapsOpened: []analysis.CellKey{},
		Joined: []analysis.Membership{}, Left: []analysis.Membership{}, OpenDuplicates: []analysis.DuplicateSet{}}
	for _, reg := range s.Regions {
		if reg.ID == s.Region {
			r.RegionName = reg.Name
		}
	}
	for _, c := range s.Concepts {
		r.Concepts = append(r.Concepts, c.Title)
	}
	for _, i := range a.Indicators {
		r.IndicatorClasses[i.Class]++
	}
	for _, g := range a.Goals {
		r.GoalClasses[g.Class]++
	}

	then := map[string]analysis.MeasureState{}
	if in.From.Run != nil {
		for _, m := range in.From.Run.MeasureStates {
			then[m.ID] = m
		}
	}
	now := map[string]analysis.MeasureState{}
	for _, m := range in.To.Run.MeasureStates {
		now[m.ID] = m
	}
	measures := map[string]*graph.Measure{}
	for _, m := range s.Measures {
		measures[m.ID] = m
	}
	classThen := map[string]string{}
	if in.From.Run != nil {
		for _, g := range in.From.Run.Goals {
			classThen[g.ID] = g.Class
		}
	}
	inConcept := map[string]bool{}
	row := func(id string) (MeasureRow, bool) {
		st, ok := now[id]
		if !ok {
			return MeasureRow{}, false
		}
		mr := MeasureRow{ID: id, Reference: st.Reference, Title: st.Title, Lead: st.Lead, Now: st.Status}
		if r.HasStart {
			if b, ok := then[id]; ok {
				mr.Then = b.Status
			} else {
				mr.Then = "new"
			}
			mr.Changed = mr.Then != mr.Now
		}
		if m := measures[id]; m != nil {
			mr.Horizon, mr.Addressee = m.Horizon, m.Addressee
			if n, ok := noteWithin(m.StatusNotes, in.From.Taken, in.To.Taken); ok {
				mr.Note = string(n.Date) + ": " + n.Text
			}
		}
		return mr, true
	}

	goals := map[string]analysis.GoalAttainment{}
	for _, g := range a.Goals {
		goals[g.Goal] = g
	}
	indicators := map[string]analysis.IndicatorAttainment{}
	for _, i := range a.Indicators {
		indicators[i.Indicator] = i
	}
	// section lists a goal and, below it, its sub-goals that are in the same field.
	var section func(field string, g analysis.GoalAttainment, depth int, out *[]GoalSection)
	section = func(field string, g analysis.GoalAttainment, depth int, out *[]GoalSection) {
		gs := GoalSection{ID: g.Goal, Reference: g.Reference, Text: g.Text, Level: g.Level, Priority: g.Priority, Depth: depth,
			Class: g.Class, Explanation: g.Explanation, ClassThen: classThen[g.Goal],
			Indicators: []analysis.IndicatorAttainment{}, Measures: []MeasureRow{}}
		for _, id := range g.Indicators {
			if ind, ok := indicators[id]; ok {
				gs.Indicators = append(gs.Indicators, ind)
			}
		}
		for _, id := range g.Measures {
			if mr, ok := row(id); ok {
				gs.Measures = append(gs.Measures, mr)
				inConcept[id] = true
			}
		}
		slices.SortStableFunc(gs.Measures, func(a, b MeasureRow) int {
			return cmp.Or(analysis.CompareReferences(a.Reference, b.Reference), cmp.Compare(a.Title, b.Title))
		})
		*out = append(*out, gs)
		if depth >= graph.MaxGoalDepth {
			return
		}
		for _, c := range g.Children {
			if child, ok := goals[c]; ok && inField(child, field) {
				section(field, child, depth+1, out)
			}
		}
	}
	fieldOf := map[string]analysis.GroupAttainment{}
	for _, f := range a.Fields {
		fieldOf[f.ID] = f
	}
	addField := func(id, name string) {
		fs := FieldSection{ID: id, Name: name, Goals: []GoalSection{}}
		if f, ok := fieldOf[id]; ok {
			fs.Class, fs.Explanation = f.Class, f.Explanation
		}
		for _, g := range a.Goals {
			if !inField(g, id) {
				continue
			}
			if p, ok := goals[g.Parent]; ok && inField(p, id) {
				continue // listed below its parent
			}
			section(id, g, 0, &fs.Goals)
		}
		if len(fs.Goals) > 0 {
			r.Fields = append(r.Fields, fs)
		}
	}
	for _, f := range s.Fields {
		addField(f.ID, f.Name)
	}
	// Fields in the order of the concept's numbering: by their first goal's reference.
	slices.SortStableFunc(r.Fields, func(a, b FieldSection) int {
		return analysis.CompareReferences(a.Goals[0].Reference, b.Goals[0].Reference)
	})
	addField("", "")

	for id := range inConcept {
		st := now[id]
		r.StatusNow[st.Status]++
		if b, ok := then[id]; ok {
			r.StatusThen[b.Status]++
			if b.Status != st.Status {
				r.Changed++
			}
		} else if r.HasStart {
			r.Changed++
		}
	}
	if in.From.Run != nil {
		c := analysis.CompareRuns(in.From.Run, in.To.Run, analysis.RunRef{}, analysis.RunRef{})
		r.GapsClosed, r.GapsOpened, r.Joined, r.Left = c.GapsClosed, c.GapsOpened, c.Joined, c.Left
		r.MeasuresAdded, r.MeasuresRemoved = len(c.MeasuresAdded), len(c.MeasuresRemoved)
		for _, mc := range c.MeasuresChanged {
			if !inConcept[mc.ID] {
				if mr, ok := row(mc.ID); ok {
					r.OtherChanges = append(r.OtherChanges, mr)
				}
			}
		}
	}
	if d := in.To.Run.Duplicates; d != nil {
		r.OpenDuplicates = d
	}
	return r
}

// inField reports whether goal g is in field id ("" means: in no field).
func inField(g analysis.GoalAttainment, id string) bool {
	if id == "" {
		return len(g.Fields) == 0
	}
	return slices.Contains(g.Fields, id)
}

// noteWithin returns the newest status note written within [from, to] (from may be zero).
func noteWithin(ns []graph.StatusNote, from, to time.Time) (graph.StatusNote, bool) {
	n, ok := graph.LatestNote(ns, to)
	if !ok {
		return n, false
	}
	if d, _ := n.Date.Time(); !from.IsZero() && d.Before(from.Truncate(24*time.Hour)) {
		return n, false
	}
	return n, true
}
