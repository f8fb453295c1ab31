package duplicates

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// dupFixture builds small hand-made snapshots: one region, two municipalities, two fields,
// three target groups, three providers whose names share no word with the measures' texts.
type dupFixture struct{ s *graph.Snapshot }

// dupM describes a measure of a fixture. Empty towns, fields and groups default to the first
// municipality, the first field and the first target group.
type dupM struct {
	id, title, desc   string
	programme, format string
	langs             []string
	starts, ends      graph.Date
	providers         []string
	towns, fields     []string
	groups            []string
}

func newDupFixture() *dupFixture {
	s := &graph.Snapshot{Region: "09999"}
	s.Add(&graph.Region{Meta: graph.Meta{ID: "09999"}, Name: "Landkreis Musterland"})
	s.Add(&graph.Municipality{Meta: graph.Meta{ID: "09999001"}, Name: "Nordheim", Region: "09999"})
	s.Add(&graph.Municipality{Meta: graph.Meta{ID: "09999002"}, Name: "Südheim", Region: "09999"})
	s.Add(&graph.FieldOfAction{Meta: graph.Meta{ID: "fld_1"}, Name: "Bildung", Region: "09999"})
	s.Add(&graph.FieldOfAction{Meta: graph.Meta{ID: "fld_2"}, Name: "Arbeit", Region: "09999"})
	for i, n := range []string{"Schutzsuchende", "Eltern", "Frauen"} {
		s.Add(&graph.TargetGroup{Meta: graph.Meta{ID: fmt.Sprintf("tgr_%d", i+1)}, Name: n})
	}
	for i, n := range []string{"Lindenhof e.V.", "Eichenhaus gGmbH", "Birkenweg Stiftung"} {
		s.Add(&graph.Organisation{Meta: graph.Meta{ID: fmt.Sprintf("org_%d", i+1)}, Name: n, Region: "09999"})
	}
	return &dupFixture{s: s}
}

func (f *dupFixture) add(m dupM) *dupFixture {
	f.s.Add(&graph.Measure{Meta: graph.Meta{ID: m.id}, Region: "09999", Title: m.title, Description: m.desc,
		Status: "active", Level: "operational", Programme: m.programme, Format: m.format, Languages: m.langs,
		Starts: m.starts, Ends: m.ends})
	rel := func(t graph.RelType, from, to string) {
		f.s.Relations = append(f.s.Relations, graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}})
	}
	for _, o := range m.providers {
		rel(graph.Provides, o, m.id)
	}
	for _, t := range cmpOr(m.towns, []string{"09999001"}) {
		rel(graph.OfferedIn, m.id, t)
	}
	for _, fl := range cmpOr(m.fields, []string{"fld_1"}) {
		rel(graph.InField, m.id, fl)
	}
	for _, g := range cmpOr(m.groups, []string{"tgr_1"}) {
		rel(graph.Targets, m.id, g)
	}
	return f
}

func (f *dupFixture) review(a, b, verdict string) *dupFixture {
	r := graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: a, To: b},
		Props: graph.RelProps{Verdict: verdict, By: "koordination@example.org", At: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)}}
	r.Normalize()
	f.s.Relations = append(f.s.Relations, r)
	return f
}

func cmpOr(a, b []string) []string {
	if len(a) > 0 {
		return a
	}
	return b
}

func mustFind(t *testing.T, s *graph.Snapshot, p Params) *Result {
	t.Helper()
	d, err := Find(s, p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func pairIDs(ps []Pair) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.A + "–" + p.B
	}
	slices.Sort(out)
	return out
}

func partOf(p Pair, name string) Part {
	for _, part := range p.Parts {
		if part.Name == name {
			return part
		}
	}
	return Part{}
}

const (
	cafeTitle = "Sprachcafé für Geflüchtete"
	cafeDesc  = "Im Sprachcafé üben Zugewanderte Deutsch im Gespräch mit Ehrenamtlichen bei Kaffee und Kuchen."
)

// clusterFixture: a–b and b–c alike (b holds the words of both), a–c not; d–e alike; f alone.
// a, b by org_1, c by org_2 (a mixed cluster); d, e by org_3 (a data duplicate).
func clusterFixture() *dupFixture {
	const (
		first  = "Sprachcafé Gesprächsrunde Kaffee Nachbarschaft"
		second = "Hausaufgaben Lernpaten Schulkinder Mathematik"
	)
	return newDupFixture().
		add(dupM{id: "msr_a", title: "Treff", desc: first, providers: []string{"org_1"}}).
		add(dupM{id: "msr_b", title: "Treff", desc: first + " " + second, providers: []string{"org_1"}}).
		add(dupM{id: "msr_c", title: "Treff", desc: second, providers: []string{"org_2"}}).
		add(dupM{id: "msr_d", title: "Mietführerschein", desc: "Mietvertrag Nebenkosten Mülltrennung", providers: []string{"org_3"}}).
		add(dupM{id: "msr_e", title: "Mietführerschein", desc: "Mietvertrag Nebenkosten Heizen Lüften", providers: []string{"org_3"}}).
		add(dupM{id: "msr_f", title: "Fahrradkurs", desc: "Radfahren lernen für Frauen", providers: []string{"org_2"}})
}

// fiveAlike: five entries of one offer, starting a year apart.
func fiveAlike() *dupFixture {
	f := newDupFixture()
	for i := range 5 {
		f.add(dupM{id: fmt.Sprintf("msr_%d", i), title: cafeTitle, desc: cafeDesc, starts: graph.Date(fmt.Sprintf("202%d-01-01", i))})
	}
	return f
}
