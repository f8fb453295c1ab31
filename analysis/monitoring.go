package analysis

import (
	"cmp"
	"slices"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// A monitoring run keeps, for one region at one moment, the figures a steering group reviews
// and compares with the next review: where the gaps are, which duplicate candidates are open,
// who is a member of which network, how the network holds together and how many measures
// are in which status per field. Runs are saved as JSON (graph.MonitoringSnapshot.Data), so
// they hold names next to ids: a comparison still reads well after a node was deleted.

// MonitoringRun is the content of a monitoring snapshot.
type MonitoringRun struct {
	Region string `json:"region"`
	// Revision and Taken identify the data the run saw.
	Revision uint64    `json:"revision"`
	Taken    time.Time `json:"taken"`
	// Organisations, Measures and Networks count the region's nodes.
	Organisations int `json:"organisations"`
	Measures      int `json:"measures"`
	Networks      int `json:"networks"`
	// Classes counts the coverage cells (municipality × field, all target groups) by class.
	Classes map[string]int `json:"classes"`
	// Gaps are the gap cells, Thin the thin ones.
	Gaps []CellKey `json:"gaps"`
	Thin []CellKey `json:"thin"`
	// Duplicates are the clusters of open duplicate candidates (no suppressing verdict).
	Duplicates []DuplicateSet `json:"duplicates"`
	// Memberships are the organisations' network memberships.
	Memberships []Membership `json:"memberships"`
	// Network holds the figures of the collaboration network (nil when not computed).
	Network *NetworkFigures `json:"network,omitempty"`
	// MeasureStatus counts the measures per field and status.
	MeasureStatus []FieldStatus `json:"measure_status"`
	// MeasureStates lists every measure with its status, so that a comparison can name each
	// measure whose status changed (absent in runs saved before it was added).
	MeasureStates []MeasureState `json:"measure_states,omitempty"`
	// Goals and Indicators keep the attainment classes of the run's year (absent in runs
	// saved before the attainment analysis existed).
	Goals      []ClassState `json:"goals,omitempty"`
	Indicators []ClassState `json:"indicators,omitempty"`
}

// MeasureState is a measure as a monitoring run saw it.
type MeasureState struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Reference string `json:"reference,omitempty"`
	Status    string `json:"status"`
	// Fields are the names of its fields of action.
	Fields []string `json:"fields,omitempty"`
	// Lead names the lead body (PROVIDES {role: lead}); empty when none is recorded.
	Lead string `json:"lead,omitempty"`
	// Note is the newest status note up to the run, "date: text".
	Note string `json:"note,omitempty"`
}

// ClassState is a goal's or an indicator's attainment class in a run.
type ClassState struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Reference string `json:"reference,omitempty"`
	Class     string `json:"class"`
	// Latest is an indicator's latest value (nil for goals and without values).
	Latest *Point `json:"latest,omitempty"`
}

// CellKey names a coverage cell with its names and demand.
type CellKey struct {
	Municipality     string `json:"municipality"`
	MunicipalityName string `json:"municipality_name"`
	Field            string `json:"field"`
	FieldName        string `json:"field_name"`
	Demand           int64  `json:"demand"`
	Offers           int    `json:"offers"`
}

// DuplicateSet is a cluster of duplicate candidates in a monitoring run.
type DuplicateSet struct {
	// Measures are the cluster's measures, Titles their titles at the time.
	Measures []string `json:"measures"`
	Titles   []string `json:"titles"`
	Kind     string   `json:"kind"`
	Score    float64  `json:"score"`
}

// Membership is an organisation's membership in a network.
type Membership struct {
	Organisation     string `json:"organisation"`
	OrganisationName string `json:"organisation_name"`
	Network          string `json:"network"`
	NetworkName      string `json:"network_name"`
}

// NetworkFigures are the collaboration network's headline figures.
type NetworkFigures struct {
	Organisations      int     `json:"organisations"`
	Ties               int     `json:"ties"`
	Density            float64 `json:"density"`
	Communities        int     `json:"communities"`
	Modularity         float64 `json:"modularity"`
	Isolated           []Named `json:"isolated"`
	ArticulationPoints []Named `json:"articulation_points"`
}

// Named is a node's id and name.
type Named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// FieldStatus counts the measures of one field by status. Field "" collects the measures
// in no field.
type FieldStatus struct {
	Field     string         `json:"field"`
	FieldName string         `json:"field_name"`
	Counts    map[string]int `json:"counts"`
}

// NewMonitoringRun collects the figures of a run from the region's snapshot and its coverage
// (computed for all target groups). Duplicates and network figures are added by
// AddDuplicates and SetNetwork.
func NewMonitoringRun(s *graph.Snapshot, cov *Coverage) *MonitoringRun {
	run := &MonitoringRun{Region: s.Region, Revision: s.Revision, Taken: s.Taken,
		Organisations: len(s.Organisations), Measures: len(s.Measures), Networks: len(s.Networks),
		Classes: map[string]int{ClassGap: 0, ClassThin: 0, ClassCovered: 0},
		Gaps:    []CellKey{}, Thin: []CellKey{}, Duplicates: []DuplicateSet{}, Memberships: []Membership{}, MeasureStatus: []FieldStatus{}}
	muniName := map[string]string{}
	for _, m := range s.Municipalities {
		muniName[m.ID] = m.Name
	}
	fieldName := map[string]string{}
	for _, f := range s.Fields {
		fieldName[f.ID] = f.Name
	}
	key := func(c Cell) CellKey {
		return CellKey{Municipality: c.Municipality, MunicipalityName: muniName[c.Municipality], Field: c.Field, FieldName: fieldName[c.Field], Demand: c.Demand, Offers: c.Offers}
	}
	for _, c := range cov.Cells {
		run.Classes[c.Class]++
	}
	for _, c := range cov.Gaps {
		run.Gaps = append(run.Gaps, key(c))
	}
	for _, c := range cov.Thin {
		run.Thin = append(run.Thin, key(c))
	}

	orgName := map[string]string{}
	for _, o := range s.Organisations {
		orgName[o.ID] = o.Name
	}
	netName := map[string]string{}
	for _, n := range s.Networks {
		netName[n.ID] = n.Name
	}
	status := map[string]string{}
	for _, m := range s.Measures {
		status[m.ID] = m.Status
	}
	counts := map[string]map[string]int{}
	inSomeField := map[string]bool{}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.MemberOf:
			if name, ok := orgName[r.From]; ok {
				run.Memberships = append(run.Memberships, Membership{Organisation: r.From, OrganisationName: name, Network: r.To, NetworkName: netName[r.To]})
			}
		case graph.InField:
			st, ok := status[r.From]
			if !ok {
				continue
			}
			if counts[r.To] == nil {
				counts[r.To] = map[string]int{}
			}
			counts[r.To][st]++
			inSomeField[r.From] = true
		}
	}
	for _, m := range s.Measures {
		if !inSomeField[m.ID] {
			if counts[""] == nil {
				counts[""] = map[string]int{}
			}
			counts[""][m.Status]++
		}
	}
	for _, f := range s.Fields {
		if counts[f.ID] != nil {
			run.MeasureStatus = append(run.MeasureStatus, FieldStatus{Field: f.ID, FieldName: f.Name, Counts: counts[f.ID]})
		}
	}
	if counts[""] != nil {
		run.MeasureStatus = append(run.MeasureStatus, FieldStatus{Counts: counts[""]})
	}
	slices.SortFunc(run.Memberships, func(a, b Membership) int {
		return cmp.Or(cmp.Compare(a.Organisation, b.Organisation), cmp.Compare(a.Network, b.Network))
	})
	run.MeasureStates = measureStates(s, fieldName, orgName)
	return run
}

// measureStates lists the measures with status, fields, lead body and newest status note.
func measureStates(s *graph.Snapshot, fieldName, orgName map[string]string) []MeasureState {
	fields := map[string][]string{}
	lead := map[string]string{}
	for _, r := range s.Relations {
		switch {
		case r.Type == graph.InField:
			if name, ok := fieldName[r.To]; ok {
				fields[r.From] = append(fields[r.From], name)
			}
		case r.Type == graph.Provides && r.Props.Role == "lead":
			if name, ok := orgName[r.From]; ok && (lead[r.To] == "" || name < lead[r.To]) {
				lead[r.To] = name
			}
		}
	}
	out := make([]MeasureState, 0, len(s.Measures))
	for _, m := range s.Measures {
		ms := MeasureState{ID: m.ID, Title: m.Title, Reference: m.Reference, Status: m.Status, Fields: fields[m.ID], Lead: lead[m.ID]}
		slices.Sort(ms.Fields)
		if n, ok := graph.LatestNote(m.StatusNotes, s.Taken); ok {
			ms.Note = string(n.Date) + ": " + n.Text
		}
		out = append(out, ms)
	}
	return out
}

// SetAttainment keeps the classes of the attainment analysis a.
func (run *MonitoringRun) SetAttainment(a *AttainmentResult) {
	run.Goals = make([]ClassState, 0, len(a.Goals))
	for _, g := range a.Goals {
		run.Goals = append(run.Goals, ClassState{ID: g.Goal, Name: g.Text, Reference: g.Reference, Class: g.Class})
	}
	run.Indicators = make([]ClassState, 0, len(a.Indicators))
	for _, i := range a.Indicators {
		run.Indicators = append(run.Indicators, ClassState{ID: i.Indicator, Name: i.Name, Class: i.Class, Latest: i.Latest})
	}
}

// AddDuplicates records the clusters of open duplicate candidates of d.
func (run *MonitoringRun) AddDuplicates(s *graph.Snapshot, d *duplicates.Result) {
	title := make(map[string]string, len(s.Measures))
	for _, m := range s.Measures {
		title[m.ID] = m.Title
	}
	for _, c := range d.Clusters {
		set := DuplicateSet{Measures: c.Measures, Titles: make([]string, len(c.Measures)), Kind: c.Kind, Score: c.Score}
		for i, id := range c.Measures {
			set.Titles[i] = title[id]
		}
		run.Duplicates = append(run.Duplicates, set)
	}
}

// separated returns the sets of a whose measures no two of which share a set of b: the
// duplicates of a that b no longer shows (merged, reviewed or changed).
func separated(a, b []DuplicateSet) []DuplicateSet {
	in := map[string]int{}
	for i, set := range b {
		for _, m := range set.Measures {
			in[m] = i
		}
	}
	out := []DuplicateSet{}
	for _, set := range a {
		seen := map[int]bool{}
		together := false
		for _, m := range set.Measures {
			if i, ok := in[m]; ok {
				if seen[i] {
					together = true
					break
				}
				seen[i] = true
			}
		}
		if !together {
			out = append(out, set)
		}
	}
	return out
}

// Comparison says what changed between two monitoring runs of a region.
type Comparison struct {
	Region string `json:"region"`
	// From and To identify the runs, the earlier one first.
	From RunRef `json:"from"`
	To   RunRef `json:"to"`
	// GapsClosed were gaps in From and are not in To; GapsOpened the other way round.
	GapsClosed []CellKey `json:"gaps_closed"`
	GapsOpened []CellKey `json:"gaps_opened"`
	// Classes gives the cell counts per class in From and To.
	Classes map[string][2]int `json:"classes"`
	// DuplicatesResolved are the clusters of From none of whose measures still cluster
	// together in To (merged, reviewed or changed); DuplicatesNew the clusters of To whose
	// measures did not cluster together in From.
	DuplicatesResolved []DuplicateSet `json:"duplicates_resolved"`
	DuplicatesNew      []DuplicateSet `json:"duplicates_new"`
	// Joined and Left are the network memberships gained and lost.
	Joined []Membership `json:"joined"`
	Left   []Membership `json:"left"`
	// MeasureStatus lists per field and status the counts that changed.
	MeasureStatus []StatusChange `json:"measure_status"`
	// Figures compares headline figures (organisations, measures, networks, ties, density,
	// communities, modularity, isolated, articulation points) as [from, to].
	Figures map[string][2]float64 `json:"figures"`
	// MeasureDetail says whether both runs list their measures; only then are the three
	// lists below filled.
	MeasureDetail bool `json:"measure_detail"`
	// MeasuresChanged names each measure whose status changed, MeasuresAdded and
	// MeasuresRemoved the measures that appeared and disappeared.
	MeasuresChanged []MeasureChange `json:"measures_changed"`
	MeasuresAdded   []MeasureState  `json:"measures_added"`
	MeasuresRemoved []MeasureState  `json:"measures_removed"`
	// GoalsChanged and IndicatorsChanged name each goal and indicator whose attainment class
	// changed (empty unless both runs kept classes).
	GoalsChanged      []ClassChange `json:"goals_changed"`
	IndicatorsChanged []ClassChange `json:"indicators_changed"`
}

// MeasureChange is a measure whose status differs between two runs.
type MeasureChange struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Reference string   `json:"reference,omitempty"`
	Fields    []string `json:"fields,omitempty"`
	Lead      string   `json:"lead,omitempty"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	// Note is the newest status note of the later run.
	Note string `json:"note,omitempty"`
}

// ClassChange is a goal or indicator whose attainment class differs between two runs.
type ClassChange struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Reference string `json:"reference,omitempty"`
	From      string `json:"from"`
	To        string `json:"to"`
}

// RunRef identifies a run in a comparison.
type RunRef struct {
	ID       string    `json:"id,omitempty"`
	Label    string    `json:"label,omitempty"`
	Taken    time.Time `json:"taken"`
	Revision uint64    `json:"revision"`
}

// StatusChange is a changed count of measures of one field in one status.
type StatusChange struct {
	Field     string `json:"field"`
	FieldName string `json:"field_name"`
	Status    string `json:"status"`
	From      int    `json:"from"`
	To        int    `json:"to"`
	Delta     int    `json:"delta"`
}

// CompareRuns compares two runs. The refs name them (ids and labels of the saved snapshots).
func CompareRuns(from, to *MonitoringRun, fromRef, toRef RunRef) *Comparison {
	c := &Comparison{Region: to.Region, From: fromRef, To: toRef, Classes: map[string][2]int{}, Figures: map[string][2]float64{}}
	c.From.Taken, c.From.Revision = from.Taken, from.Revision
	c.To.Taken, c.To.Revision = to.Taken, to.Revision
	cellID := func(k CellKey) [2]string { return [2]string{k.Municipality, k.Field} }
	c.GapsClosed, c.GapsOpened = difference(from.Gaps, to.Gaps, cellID)
	c.DuplicatesResolved, c.DuplicatesNew = separated(from.Duplicates, to.Duplicates), separated(to.Duplicates, from.Duplicates)
	memberID := func(m Membership) [2]string { return [2]string{m.Organisation, m.Network} }
	c.Left, c.Joined = difference(from.Memberships, to.Memberships, memberID)
	for _, class := range []string{ClassGap, ClassThin, ClassCovered} {
		c.Classes[class] = [2]int{from.Classes[class], to.Classes[class]}
	}

	type fs struct{ field, status string }
	before, after := map[fs]int{}, map[fs]int{}
	names := map[string]string{}
	var order []fs
	collect := func(rows []FieldStatus, into map[fs]int) {
		for _, row := range rows {
			names[row.Field] = cmp.Or(names[row.Field], row.FieldName)
			for st, n := range row.Counts {
				k := fs{row.Field, st}
				if _, seen := before[k]; !seen {
					if _, seen := after[k]; !seen {
						order = append(order, k)
					}
				}
				into[k] = n
			}
		}
	}
	collect(from.MeasureStatus, before)
	collect(to.MeasureStatus, after)
	c.MeasureStatus = []StatusChange{}
	for _, k := range order {
		if before[k] != after[k] {
			c.MeasureStatus = append(c.MeasureStatus, StatusChange{Field: k.field, FieldName: names[k.field], Status: k.status,
				From: before[k], To: after[k], Delta: after[k] - before[k]})
		}
	}
	slices.SortStableFunc(c.MeasureStatus, func(a, b StatusChange) int {
		return cmp.Or(cmp.Compare(a.FieldName, b.FieldName), cmp.Compare(slices.Index(graph.MeasureStatuses, a.Status), slices.Index(graph.MeasureStatuses, b.Status)))
	})

	c.MeasuresChanged, c.MeasuresAdded, c.MeasuresRemoved = []MeasureChange{}, []MeasureState{}, []MeasureState{}
	if from.MeasureStates != nil && to.MeasureStates != nil {
		c.MeasureDetail = true
		msID := func(m MeasureState) string { return m.ID }
		c.MeasuresRemoved, c.MeasuresAdded = difference(from.MeasureStates, to.MeasureStates, msID)
		before := make(map[string]MeasureState, len(from.MeasureStates))
		for _, m := range from.MeasureStates {
			before[m.ID] = m
		}
		for _, m := range to.MeasureStates {
			if b, ok := before[m.ID]; ok && b.Status != m.Status {
				c.MeasuresChanged = append(c.MeasuresChanged, MeasureChange{ID: m.ID, Title: m.Title, Reference: m.Reference,
					Fields: m.Fields, Lead: m.Lead, From: b.Status, To: m.Status, Note: m.Note})
			}
		}
		slices.SortStableFunc(c.MeasuresChanged, func(a, b MeasureChange) int {
			return cmp.Or(CompareReferences(a.Reference, b.Reference), cmp.Compare(a.Title, b.Title))
		})
	}
	c.GoalsChanged, c.IndicatorsChanged = classChanges(from.Goals, to.Goals), classChanges(from.Indicators, to.Indicators)

	fig := func(name string, a, b float64) { c.Figures[name] = [2]float64{a, b} }
	fig("organisations", float64(from.Organisations), float64(to.Organisations))
	fig("measures", float64(from.Measures), float64(to.Measures))
	fig("networks", float64(from.Networks), float64(to.Networks))
	fig("memberships", float64(len(from.Memberships)), float64(len(to.Memberships)))
	fig("duplicates", float64(len(from.Duplicates)), float64(len(to.Duplicates)))
	if from.Network != nil && to.Network != nil {
		a, b := from.Network, to.Network
		fig("ties", float64(a.Ties), float64(b.Ties))
		fig("density", a.Density, b.Density)
		fig("communities", float64(a.Communities), float64(b.Communities))
		fig("modularity", a.Modularity, b.Modularity)
		fig("isolated", float64(len(a.Isolated)), float64(len(b.Isolated)))
		fig("articulation_points", float64(len(a.ArticulationPoints)), float64(len(b.ArticulationPoints)))
	}
	return c
}

// classChanges lists the entries of to whose class differs from their class in from.
func classChanges(from, to []ClassState) []ClassChange {
	out := []ClassChange{}
	before := make(map[string]string, len(from))
	for _, x := range from {
		before[x.ID] = x.Class
	}
	for _, x := range to {
		if b, ok := before[x.ID]; ok && b != x.Class {
			out = append(out, ClassChange{ID: x.ID, Name: x.Name, Reference: x.Reference, From: b, To: x.Class})
		}
	}
	return out
}

// CompareReferences orders a concept's reference numbers naturally: "IP 1.2" before
// "IP 1.10", numbers compared as numbers, other text as text; empty references last.
func CompareReferences(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	for a != "" && b != "" {
		na, ra := leadingNumber(a)
		nb, rb := leadingNumber(b)
		switch {
		case na >= 0 && nb >= 0:
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = ra, rb
		default:
			ca, cb := a[0], b[0]
			if c := cmp.Compare(ca, cb); c != 0 {
				return c
			}
			a, b = a[1:], b[1:]
		}
	}
	return cmp.Compare(len(a), len(b))
}

// leadingNumber returns the number s starts with and the rest, or -1 when s starts
// otherwise.
func leadingNumber(s string) (int, string) {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return -1, s
	}
	n := 0
	for _, c := range s[:i] {
		n = n*10 + int(c-'0')
	}
	return n, s[i:]
}

// difference returns the items of a missing from b, and those of b missing from a, each in
// its list's order; id identifies items.
func difference[T any, K comparable](a, b []T, id func(T) K) (onlyA, onlyB []T) {
	inA, inB := map[K]bool{}, map[K]bool{}
	for _, x := range a {
		inA[id(x)] = true
	}
	for _, x := range b {
		inB[id(x)] = true
	}
	onlyA, onlyB = []T{}, []T{}
	for _, x := range a {
		if !inB[id(x)] {
			onlyA = append(onlyA, x)
		}
	}
	for _, x := range b {
		if !inA[id(x)] {
			onlyB = append(onlyB, x)
		}
	}
	return onlyA, onlyB
}

// Monitor runs the analyses a monitoring snapshot keeps, with their default parameters, over
// the snapshot of one region. The duplicate detection runs beside coverage and network, so
// the run takes about as long as the slowest of them.
func Monitor(s *graph.Snapshot) (*MonitoringRun, error) {
	var dup *duplicates.Result
	var dupErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		dup, dupErr = duplicates.Find(s, duplicates.Params{ClustersOnly: true})
	}()
	cov, err := ComputeCoverage(s, CoverageParams{})
	var net *NetworkAnalysis
	if err == nil {
		net, err = AnalyseNetwork(s, CollaborationGraph(s), NetworkParams{})
	}
	<-done
	if err = cmp.Or(err, dupErr); err != nil {
		return nil, err
	}
	run := NewMonitoringRun(s, cov)
	run.AddDuplicates(s, dup)
	run.Network = net.Figures()
	// The classes as of the run's year: what a steering group saw at that review.
	year := 0
	if !s.Taken.IsZero() {
		year = s.Taken.Year()
	}
	att, err := ComputeAttainment(s, AttainmentParams{Year: year})
	if err != nil {
		return nil, err
	}
	run.SetAttainment(att)
	return run, nil
}
