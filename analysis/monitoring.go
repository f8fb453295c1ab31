package analysis

import (
	"cmp"
	"slices"
	"time"

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
	return run
}

// AddDuplicates records the clusters of open duplicate candidates of d.
func (run *MonitoringRun) AddDuplicates(s *graph.Snapshot, d *Duplicates) {
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
	var dup *Duplicates
	var dupErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		dup, dupErr = FindDuplicates(s, DuplicateParams{ClustersOnly: true})
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
	return run, nil
}
