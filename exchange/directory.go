package exchange

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The directory sheets of an export have the columns of the templates, so an exported
// workbook is a filled template: edited and imported again, it updates the entries it holds.

// dirIndex is what writing the directory sheets needs to know of a snapshot.
type dirIndex struct {
	s     *graph.Snapshot
	label map[string]string // id → how sheets refer to the node: its name, or its id where the name is not unique
	// out and in point into s.Relations (copying a Relation, with its properties, twice per
	// relationship cost an export more memory than the rest of its work).
	out map[string][]*graph.Relation
	in  map[string][]*graph.Relation
}

// Exports that run at the same time over the same snapshot (the API shares one among parallel
// exports of the same data) share its index too: it is read-only once built, and let go with
// the last export that uses it.
var dirIndexes struct {
	mu sync.Mutex
	m  map[*graph.Snapshot]*sharedDirIndex
}

type sharedDirIndex struct {
	once sync.Once
	x    *dirIndex
	refs int
}

// sharedIndex returns the index of s, building it or taking the one a parallel export built;
// done must be called when it is no longer used.
func sharedIndex(s *graph.Snapshot) (x *dirIndex, done func()) {
	dirIndexes.mu.Lock()
	if dirIndexes.m == nil {
		dirIndexes.m = map[*graph.Snapshot]*sharedDirIndex{}
	}
	sh := dirIndexes.m[s]
	if sh == nil {
		sh = &sharedDirIndex{}
		dirIndexes.m[s] = sh
	}
	sh.refs++
	dirIndexes.mu.Unlock()
	sh.once.Do(func() { sh.x = newDirIndex(s) })
	return sh.x, func() {
		dirIndexes.mu.Lock()
		defer dirIndexes.mu.Unlock()
		if sh.refs--; sh.refs == 0 && dirIndexes.m[s] == sh {
			delete(dirIndexes.m, s)
		}
	}
}

func newDirIndex(s *graph.Snapshot) *dirIndex {
	x := &dirIndex{s: s, label: nodeLabels(s.Nodes(), s.TargetGroups), out: map[string][]*graph.Relation{}, in: map[string][]*graph.Relation{}}
	for i := range s.Relations {
		r := &s.Relations[i]
		x.out[r.From] = append(x.out[r.From], r)
		x.in[r.To] = append(x.in[r.To], r)
	}
	return x
}

// nodeLabels returns how sheets refer to each of nodes: its name where the name is unique
// among the nodes of its kind and region (and is no id, and holds no list separator or line
// break), else its id. Labels of one kind depend only on the nodes of that kind; groups are
// all target groups of the snapshot, whose names a shared group must not collide with.
func nodeLabels(nodes []graph.Entity, groups []*graph.TargetGroup) map[string]string {
	type nameKey struct {
		kind   graph.Kind
		region string
		name   string
	}
	label := make(map[string]string, len(nodes))
	count := map[nameKey]int{}
	for _, e := range nodes {
		if n := nodeName(e); n != "" {
			count[nameKey{e.EntityKind(), e.RegionKey(), foldName(n)}]++
		}
	}
	// A shared target group's name must not collide with a region's own group either.
	for _, g := range groups {
		if g.Region != "" {
			count[nameKey{graph.KindTargetGroup, "", foldName(g.Name)}]++
		}
	}
	for _, e := range nodes {
		id, n := e.Base().ID, nodeName(e)
		label[id] = id
		if n != "" && count[nameKey{e.EntityKind(), e.RegionKey(), foldName(n)}] == 1 && !strings.Contains(n, ";") && !strings.ContainsAny(n, "\r\n") {
			if _, isID := graph.KindOfID(strings.TrimSpace(n)); !isID {
				label[id] = n
			}
		}
	}
	return label
}

// refs lists the labels of the nodes related to id by t (outgoing, or incoming).
func (x *dirIndex) refs(id string, t graph.RelType, incoming bool) string {
	list := x.out[id]
	if incoming {
		list = x.in[id]
	}
	var out []string
	for _, r := range list {
		if r.Type != t {
			continue
		}
		other := r.To
		if incoming {
			other = r.From
		}
		out = append(out, x.label[other])
	}
	return strings.Join(out, listSep)
}

// cells is one row of a sheet: strings, int64 and float64 values, nil for empty cells.
type cells = []any

func optInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func optFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func vis(v graph.Visibility) string { return visibilities.label(string(v)) }

// directoryRows calls emit with every row of the directory sheet k.
func (x *dirIndex) directoryRows(k SheetKind, emit func(cells) error) error {
	s := x.s
	switch k {
	case SheetMunicipalities:
		for _, m := range s.Municipalities {
			var year any
			if m.PopulationYear != 0 {
				year = int64(m.PopulationYear)
			}
			if err := emit(cells{m.ID, m.Name, m.Region, m.Population, m.ForeignPopulation, m.ProtectionSeekers, year,
				populationSources.label(m.PopulationSource), populationSources.label(m.ForeignSource), vis(m.Visibility)}); err != nil {
				return err
			}
		}
	case SheetOrganisations:
		for _, o := range s.Organisations {
			if err := emit(cells{o.ID, o.Name, o.Region, orgKinds.label(o.Kind), o.Description, o.Website, o.Email, o.Phone,
				o.Street, o.PostalCode, o.City, optFloat(o.Lat), optFloat(o.Lon), x.refs(o.ID, graph.ActiveIn, false), vis(o.Visibility)}); err != nil {
				return err
			}
		}
	case SheetActors:
		for _, a := range s.Actors {
			role := ""
			for _, r := range x.out[a.ID] {
				if r.Type == graph.WorksFor && r.Props.Role != "" {
					role = r.Props.Role
					break
				}
			}
			if err := emit(cells{a.ID, a.Name, a.Region, a.Role, a.Email, a.Phone, yesNoLabel(a.Consent),
				x.refs(a.ID, graph.WorksFor, false), role, vis(a.Visibility)}); err != nil {
				return err
			}
		}
	case SheetNetworks:
		for _, n := range s.Networks {
			if err := emit(cells{n.ID, n.Name, n.Region, networkKinds.label(n.Kind), networkLevels.label(n.Level), cadences.label(n.Cadence),
				n.Description, x.refs(n.ID, graph.Covers, false), x.refs(n.ID, graph.WorksOn, false), vis(n.Visibility)}); err != nil {
				return err
			}
		}
	case SheetMemberships:
		for _, n := range s.Networks {
			for _, r := range x.in[n.ID] {
				if r.Type != graph.MemberOf {
					continue
				}
				org, person := "", ""
				if k, _ := graph.KindOfID(r.From); k == graph.KindActor {
					person = x.label[r.From]
				} else {
					org = x.label[r.From]
				}
				if err := emit(cells{x.label[n.ID], n.Region, org, person, r.Props.Role, string(r.Props.Since)}); err != nil {
					return err
				}
			}
		}
	case SheetCooperations:
		for _, o := range s.Organisations {
			for _, r := range x.out[o.ID] {
				if r.Type == graph.CooperatesWith {
					if err := emit(cells{x.label[r.From], x.label[r.To], o.Region, string(r.Props.Since), r.Props.Note}); err != nil {
						return err
					}
				}
			}
		}
	case SheetConcepts:
		for _, c := range s.Concepts {
			if err := emit(cells{c.ID, c.Title, c.Region, c.Description, string(c.Adopted), c.Website, vis(c.Visibility),
				x.ref(c.Municipality), x.refs(c.ID, graph.InField, false)}); err != nil {
				return err
			}
		}
	case SheetPeriods:
		for _, c := range s.Concepts {
			for _, p := range c.Periods {
				if err := emit(cells{x.label[c.ID], c.Region, p.Name, string(p.Starts), string(p.Ends)}); err != nil {
					return err
				}
			}
		}
	case SheetGuidelines:
		for _, g := range s.Guidelines {
			if err := emit(cells{g.ID, g.Title, g.Region, x.ref(g.Concept), g.Reference, g.Description, vis(g.Visibility)}); err != nil {
				return err
			}
		}
	case SheetGoals:
		for _, g := range graph.ParentsFirst(s.Goals) {
			if err := emit(cells{g.ID, g.Text, g.Region, x.ref(g.Concept), x.ref(g.Guideline), x.ref(g.Parent), goalLevels.label(g.Level),
				g.Reference, priorities.label(g.Priority), g.Period, string(g.Starts), string(g.Due), g.Description,
				x.refs(g.ID, graph.InField, false), vis(g.Visibility)}); err != nil {
				return err
			}
		}
	case SheetIndicators:
		for _, i := range s.Indicators {
			if err := emit(cells{i.ID, i.Name, i.Region, x.refs(i.ID, graph.MeasuredBy, true), i.Description, directions.label(i.Direction),
				optFloat(i.Baseline), optInt(int64(i.BaselineYear)), optFloat(i.Target), optFloat(i.TargetUpper), optInt(int64(i.TargetYear)),
				i.Unit, i.Source, vis(i.Visibility)}); err != nil {
				return err
			}
		}
	case SheetIndicatorValues:
		for _, i := range s.Indicators {
			for _, v := range i.Values {
				if err := emit(cells{x.label[i.ID], i.Region, int64(v.Year), x.ref(v.Municipality), v.Value}); err != nil {
					return err
				}
			}
		}
	case SheetMeasures:
		for _, m := range s.Measures {
			var plain, leads, partners []string
			for _, r := range x.in[m.ID] {
				if r.Type != graph.Provides {
					continue
				}
				switch r.Props.Role {
				case "lead":
					leads = append(leads, x.label[r.From])
				case "partner":
					partners = append(partners, x.label[r.From])
				default:
					plain = append(plain, x.label[r.From])
				}
			}
			fc := fundingCells(m.Funding)
			var noteDate, note string
			if n, ok := newestNote(m.StatusNotes); ok {
				noteDate, note = string(n.Date), n.Text
			}
			if err := emit(cells{m.ID, m.Title, m.Region, m.Reference, m.Description, statuses.label(m.Status), measureLevels.label(m.Level),
				priorities.label(m.Priority), horizons.label(m.Horizon), addressees.label(m.Addressee), m.Effect,
				string(m.Starts), string(m.Ends), strings.Join(m.Languages, listSep), formats.label(m.Format), optFloat(m.Cost),
				optInt(m.Capacity), m.Programme, m.Website, strings.Join(plain, listSep), strings.Join(leads, listSep), strings.Join(partners, listSep),
				x.refs(m.ID, graph.InField, false), x.refs(m.ID, graph.Targets, false), x.refs(m.ID, graph.OfferedIn, false),
				x.refs(m.ID, graph.Pursues, false), fc[0], fc[1], fc[2], fc[3], fc[4], noteDate, note, vis(m.Visibility)}); err != nil {
				return err
			}
		}
	case SheetStatusNotes:
		for _, m := range s.Measures {
			newest, _ := newestNote(m.StatusNotes)
			for _, n := range m.StatusNotes {
				if n.Date == newest.Date {
					continue // in the measures sheet
				}
				if err := emit(cells{x.label[m.ID], m.Region, string(n.Date), n.Text}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ref is how a sheet refers to one node ("" for none).
func (x *dirIndex) ref(id string) string {
	if id == "" {
		return ""
	}
	if l, ok := x.label[id]; ok {
		return l
	}
	return id
}

// newestNote is the status note the measures sheet shows: the latest by date (of several on
// that day, the last).
func newestNote(ns []graph.StatusNote) (graph.StatusNote, bool) {
	return graph.LatestNote(ns, time.Time{})
}

// fundingCells writes a measure's funding entries into the five funding columns: plain
// values for one entry (numbers as numbers), lists separated by ; in the same order for
// several.
func fundingCells(fs []graph.Funding) [5]any {
	var out [5]any
	switch len(fs) {
	case 0:
		return out
	case 1:
		f := fs[0]
		return [5]any{f.Funder, optFloat(f.Amount), string(f.Starts), string(f.Ends), yesNoLabel(f.BudgetNeutral)}
	}
	cols := make([][]string, 5)
	for _, f := range fs {
		amount := ""
		if f.Amount != nil {
			amount = formatNumber(*f.Amount)
		}
		for i, v := range []string{f.Funder, amount, string(f.Starts), string(f.Ends), yesNoLabel(f.BudgetNeutral)} {
			cols[i] = append(cols[i], v)
		}
	}
	for i, c := range cols {
		out[i] = strings.TrimRight(strings.Join(c, listSep), " ")
	}
	return out
}

// allowedValues lists, per column, the values a template allows: the enumerations and, for a
// template made for a region, the names of its fields, target groups, municipalities, and
// of its concept: concepts, periods, Leitlinien, goals and indicators.
func allowedValues(c *column, s *graph.Snapshot) []string {
	if c.enum != nil {
		return slices.Clone(c.enum.labels)
	}
	if s == nil {
		return nil
	}
	var out []string
	switch c.refValues {
	case "municipalities":
		for _, m := range s.Municipalities {
			out = append(out, m.Name)
		}
	case "fields":
		for _, f := range s.Fields {
			out = append(out, f.Name)
		}
	case "target_groups":
		for _, g := range s.TargetGroups {
			out = append(out, g.Name)
		}
	case "goals":
		for _, g := range s.Goals {
			out = append(out, g.Text)
		}
	case "concepts":
		for _, c := range s.Concepts {
			out = append(out, c.Title)
		}
	case "guidelines":
		for _, g := range s.Guidelines {
			out = append(out, g.Title)
		}
	case "periods":
		for _, c := range s.Concepts {
			for _, p := range c.Periods {
				if !slices.Contains(out, p.Name) {
					out = append(out, p.Name)
				}
			}
		}
	case "indicators":
		for _, i := range s.Indicators {
			out = append(out, i.Name)
		}
	}
	return out
}
