package demo

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

var update = flag.Bool("update", false, "rewrite groundtruth.json from the demo data")

// demoData is built once; tests must not modify it.
var demoData = Demo()

// index gives the tests the dataset's relationships by measure, organisation and network.
type index struct {
	nodes     map[string]graph.Entity
	measures  []*graph.Measure
	orgs      []*graph.Organisation
	provider  map[string][]string // measure → organisations
	field     map[string][]string // measure → fields
	targets   map[string][]string // measure → target groups
	towns     map[string][]string // measure → municipalities
	goal      map[string][]string // measure → goals
	activeIn  map[string]map[string]bool
	members   map[string][]string // network → organisations
	coop      [][2]string
	inNetwork map[string]bool
}

func newIndex(d *Dataset) *index {
	x := &index{nodes: map[string]graph.Entity{}, provider: map[string][]string{}, field: map[string][]string{},
		targets: map[string][]string{}, towns: map[string][]string{}, goal: map[string][]string{},
		activeIn: map[string]map[string]bool{}, members: map[string][]string{}, inNetwork: map[string]bool{}}
	for _, e := range d.Nodes {
		x.nodes[e.Base().ID] = e
		switch v := e.(type) {
		case *graph.Measure:
			x.measures = append(x.measures, v)
		case *graph.Organisation:
			x.orgs = append(x.orgs, v)
		}
	}
	for _, r := range d.Relations {
		switch r.Type {
		case graph.Provides:
			x.provider[r.To] = append(x.provider[r.To], r.From)
		case graph.InField:
			x.field[r.From] = append(x.field[r.From], r.To)
		case graph.Targets:
			x.targets[r.From] = append(x.targets[r.From], r.To)
		case graph.OfferedIn:
			x.towns[r.From] = append(x.towns[r.From], r.To)
		case graph.Pursues:
			x.goal[r.From] = append(x.goal[r.From], r.To)
		case graph.ActiveIn:
			if x.activeIn[r.From] == nil {
				x.activeIn[r.From] = map[string]bool{}
			}
			x.activeIn[r.From][r.To] = true
		case graph.MemberOf:
			if k, _ := graph.KindOfID(r.From); k == graph.KindOrganisation {
				x.members[r.To] = append(x.members[r.To], r.From)
				x.inNetwork[r.From] = true
			}
		case graph.CooperatesWith:
			x.coop = append(x.coop, [2]string{r.From, r.To})
		}
	}
	return x
}

// project reports whether m is one of the concepts' own projects (strategic, offered in no
// municipality).
func (x *index) project(m *graph.Measure) bool {
	return m.Level == "strategic" && len(x.towns[m.ID]) == 0
}

func (x *index) measure(t *testing.T, id string) *graph.Measure {
	t.Helper()
	m, ok := x.nodes[id].(*graph.Measure)
	if !ok {
		t.Fatalf("%s is not a measure of the data set", id)
	}
	return m
}

// overlaps reports whether two measures run at the same time (open ends run forever).
func overlaps(a, b *graph.Measure) bool {
	lo := func(d graph.Date) string { return cmp.Or(string(d), "0000-00-00") }
	hi := func(d graph.Date) string { return cmp.Or(string(d), "9999-99-99") }
	return lo(a.Starts) <= hi(b.Ends) && lo(b.Starts) <= hi(a.Ends)
}

func shared(a, b []string) bool {
	return slices.ContainsFunc(a, func(s string) bool { return slices.Contains(b, s) })
}

func TestDemoIsDeterministic(t *testing.T) {
	a, err := json.Marshal(Demo())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(Demo())
	if !bytes.Equal(a, b) {
		t.Fatal("two Demo() calls differ")
	}
}

func TestDemoCounts(t *testing.T) {
	x := newIndex(demoData)
	wantTowns := map[string]int{"08226": 54, "15083": 34, "05962": 15, "05562": 10, "08119": 31}
	regions := map[string]*graph.Region{}
	towns := map[string]int{}
	perRegion := map[string]map[graph.Kind]int{}
	for _, e := range demoData.Nodes {
		if perRegion[e.RegionKey()] == nil {
			perRegion[e.RegionKey()] = map[graph.Kind]int{}
		}
		perRegion[e.RegionKey()][e.EntityKind()]++
		switch v := e.(type) {
		case *graph.Region:
			regions[v.ID] = v
			if v.Kind != "county" || v.Visibility != graph.Public {
				t.Errorf("region %s: kind %q, visibility %q", v.ID, v.Kind, v.Visibility)
			}
		case *graph.Municipality:
			towns[v.Region]++
			if len(v.Geometry) == 0 || v.Population <= 0 || v.PopulationYear != 2022 || v.PopulationSource != "official" {
				t.Errorf("municipality %s %s lacks geometry or official population", v.ID, v.Name)
			}
			if v.ForeignSource != "approximate" || v.ForeignPopulation <= 0 || v.ProtectionSeekers <= 0 || v.ForeignPopulation >= v.Population/3 {
				t.Errorf("municipality %s %s: foreign %d, protection seekers %d of %d", v.ID, v.Name, v.ForeignPopulation, v.ProtectionSeekers, v.Population)
			}
		case *graph.TargetGroup:
			if v.Region != "" {
				t.Errorf("target group %s belongs to region %q; shared groups have none", v.Name, v.Region)
			}
		case *graph.Actor:
			if v.Visibility != graph.Internal || !v.Consent || !strings.HasSuffix(v.Email, ".example") || !strings.Contains(v.Phone, " 555-") {
				t.Errorf("actor %s: visibility %s, consent %v, %s, %s", v.Name, v.Visibility, v.Consent, v.Email, v.Phone)
			}
		}
	}
	names := map[string]string{"08226": "Rhein-Neckar-Kreis", "15083": "Landkreis Börde", "05962": "Märkischer Kreis", "05562": "Kreis Recklinghausen", "08119": "Rems-Murr-Kreis"}
	if len(regions) != 5 {
		t.Errorf("%d regions, want 5", len(regions))
	}
	for key, n := range wantTowns {
		if regions[key] == nil || regions[key].Name != names[key] {
			t.Errorf("region %s missing or misnamed: %+v", key, regions[key])
		}
		if towns[key] != n {
			t.Errorf("region %s has %d municipalities, want %d", key, towns[key], n)
		}
		if o := perRegion[key][graph.KindOrganisation]; o < 40 || o > 90 {
			t.Errorf("region %s has %d organisations, want 40 to 90", key, o)
		}
	}
	if n := len(x.measures); n < 700 || n > 1000 {
		t.Errorf("%d measures, want 700 to 1,000", n)
	}
	// The fields of action exactly as the concepts name them.
	wantFields := map[string][]string{
		"08226": {"Wohnraummanagement/housing", "Ausbildung & Arbeit/work", "Sprachförderung/language_education", "Kinder-, Jugend- und Familienbildung/family", "Gesundheit/health", "Gesellschaftliches Zusammenleben/participation"},
		"15083": {"Bildung/language_education", "Erwerbsleben/work", "Sprachförderung/language_education", "Sport/sport_leisure", "Gesundheit/health", "Engagement/engagement"},
		"05962": {"Integration durch Bildung/language_education", "Integration als kommunale Querschnittsaufgabe/institutional"},
		"05562": {"Zusammenleben und Teilhabe/participation", "Engagierte Bürgerinnen und Bürger/engagement", "Wirtschaft und Arbeitsmarkt/work", "Bildung und Sprache/language_education", "Wohnen und Mobilität/housing", "Gesundheit und Sport/health", "Institution und Professionalisierung/institutional"},
		"08119": {"Sprache und Bildung/language_education", "Arbeitsmarkt/work", "Wohnen/housing", "Freizeit/sport_leisure"},
	}
	gotFields := map[string][]string{}
	for _, e := range demoData.Nodes {
		if f, ok := e.(*graph.FieldOfAction); ok {
			gotFields[f.Region] = append(gotFields[f.Region], f.Name+"/"+f.Canonical)
		}
	}
	if diff := gocmp.Diff(wantFields, gotFields); diff != "" {
		t.Errorf("fields of action (-want +got):\n%s", diff)
	}
	for _, key := range slices.Sorted(maps.Keys(perRegion)) {
		t.Logf("region %q: %v", key, perRegion[key])
	}
	t.Logf("%d nodes, %d relationships, %d measures", len(demoData.Nodes), len(demoData.Relations), len(x.measures))
}

// TestDemoNodesInKindOrder checks that every node comes after the kinds it refers to.
func TestDemoNodesInKindOrder(t *testing.T) {
	rank := map[graph.Kind]int{}
	for i, ki := range graph.Kinds {
		rank[ki.Kind] = i
	}
	last := 0
	for _, e := range demoData.Nodes {
		r := rank[e.EntityKind()]
		if r < last {
			t.Fatalf("%s %s comes after a %s", e.EntityKind(), e.Base().ID, graph.Kinds[last].Kind)
		}
		last = r
	}
}

// TestDemoMeasures checks the shape of every measure and its relationships.
func TestDemoMeasures(t *testing.T) {
	x := newIndex(demoData)
	statuses := map[string]int{}
	public := 0
	for _, m := range x.measures {
		statuses[m.Status]++
		if m.Visibility == graph.Public {
			public++
		}
		id := m.ID
		if len(x.provider[id]) == 0 || len(x.field[id]) != 1 || len(x.goal[id]) != 1 {
			t.Errorf("measure %s: %d providers, %d fields, %d goals; want providers and one field and goal", id, len(x.provider[id]), len(x.field[id]), len(x.goal[id]))
			continue
		}
		if x.project(m) {
			// A measure of the concept itself: coordination, offered in no municipality.
			if len(x.towns[id]) > 0 || len(x.targets[id]) > 0 || m.Reference == "" {
				t.Errorf("concept project %s is offered somewhere or has no reference", id)
			}
			checkStatusDates(t, m)
			continue
		}
		if n := len(x.targets[id]); n < 1 || n > 3 {
			t.Errorf("measure %s targets %d groups, want 1 to 3", id, n)
		}
		if len(x.towns[id]) == 0 {
			t.Errorf("measure %s is offered nowhere", id)
		}
		for _, prov := range x.provider[id] {
			for _, ags := range x.towns[id] {
				if !x.activeIn[prov][ags] {
					t.Errorf("measure %s is offered in %s, where its provider %s is not active", id, ags, prov)
				}
			}
		}
		if strings.ContainsAny(m.Title+m.Description, "{}") || strings.Contains(m.Description, "..") {
			t.Errorf("measure %s has unexpanded or broken text: %q / %q", id, m.Title, m.Description)
		}
		if n := strings.Count(m.Description, ". ") + 1; n < 2 || n > 5 {
			t.Errorf("measure %s has %d sentences: %q", id, n, m.Description)
		}
		checkStatusDates(t, m)
	}
	if statuses[active] < len(x.measures)*7/10 || statuses[planned] == 0 || statuses[paused] == 0 || statuses[completed] == 0 {
		t.Errorf("statuses %v: want mostly active and some of each other", statuses)
	}
	if public < len(x.measures)*8/10 || public == len(x.measures) {
		t.Errorf("%d of %d measures public: want most, not all", public, len(x.measures))
	}
	t.Logf("statuses %v, %d public", statuses, public)
}

// checkStatusDates checks that a measure's dates agree with its status on the reference day.
func checkStatusDates(t *testing.T, m *graph.Measure) {
	t.Helper()
	ref := graph.Date(ReferenceDate)
	var ok bool
	switch m.Status {
	case active:
		ok = m.Starts <= ref && (m.Ends == "" || m.Ends >= ref)
	case planned:
		ok = m.Starts > ref
	case paused:
		ok = m.Starts <= ref && m.Ends == ""
	case completed:
		ok = m.Ends != "" && m.Ends < ref
	}
	if !ok {
		t.Errorf("measure %s is %s from %s to %q on %s", m.ID, m.Status, m.Starts, m.Ends, ref)
	}
}

// TestDemoOrganisations checks addresses and coordinates.
func TestDemoOrganisations(t *testing.T) {
	x := newIndex(demoData)
	placeOf := map[string]*place{}
	for _, p := range loadPlaces() {
		placeOf[p.Region+"/"+p.Name] = p
	}
	for _, o := range x.orgs {
		p := placeOf[o.Region+"/"+o.City]
		if p == nil {
			t.Errorf("organisation %s is in %q, not a municipality of its county", o.Name, o.City)
			continue
		}
		if !contains(p.polys, [2]float64{*o.Lon, *o.Lat}) {
			t.Errorf("organisation %s at %v,%v lies outside %s", o.Name, *o.Lat, *o.Lon, o.City)
		}
		if !strings.HasSuffix(o.Website, ".example") || len(o.PostalCode) != 5 {
			t.Errorf("organisation %s: website %s, postal code %s", o.Name, o.Website, o.PostalCode)
		}
		if !x.activeIn[o.ID][p.AGS] {
			t.Errorf("organisation %s is not active in its own town %s", o.Name, o.City)
		}
	}
}

// TestSeedDemo seeds the demo into a fresh embedded store, which validates every node and
// relationship and resolves every reference, then seeds it again: nothing may change.
func TestSeedDemo(t *testing.T) {
	ctx := context.Background()
	s, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	total := len(demoData.Nodes) + len(demoData.Relations)
	var calls []int
	start := time.Now()
	res, err := Seed(ctx, s, demoData, func(done, all int) {
		if all != total {
			t.Errorf("progress total %d, want %d", all, total)
		}
		calls = append(calls, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seeded %d nodes and %d relationships in %s (%d batches)", res.Created, res.Related, time.Since(start), len(calls))
	if res.Created != len(demoData.Nodes) || res.Related != len(demoData.Relations) || res.Updated+res.Unchanged != 0 {
		t.Errorf("first seed: %+v; want %d created, %d related", res, len(demoData.Nodes), len(demoData.Relations))
	}
	if len(calls) != (total+BatchSize-1)/BatchSize || calls[len(calls)-1] != total {
		t.Errorf("progress calls %v for %d operations", calls, total)
	}
	snap, err := s.Snapshot(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[graph.Kind]int{}
	for _, ki := range graph.Kinds {
		want[ki.Kind] = 0
	}
	for _, e := range demoData.Nodes {
		want[e.EntityKind()]++
	}
	if diff := gocmp.Diff(want, snap.Count()); diff != "" {
		t.Errorf("stored counts (-want +got):\n%s", diff)
	}
	if len(snap.Relations) != len(demoData.Relations) {
		t.Errorf("stored %d relationships, want %d", len(snap.Relations), len(demoData.Relations))
	}
	start = time.Now()
	again, err := Seed(ctx, s, Demo(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second seed in %s", time.Since(start))
	if again.Created+again.Updated+again.Related != 0 || again.Unchanged != total {
		t.Errorf("second seed: %+v; want all %d unchanged", again, total)
	}
}

// TestGroundTruthGaps checks the planted gaps against the data: no active measure in a gap
// cell, an active (and a public active) measure in every other cell.
func TestGroundTruthGaps(t *testing.T) {
	x := newIndex(demoData)
	truth := demoData.Truth
	type cellKey struct{ ags, field string }
	activeIn, publicIn, anyIn := map[cellKey]bool{}, map[cellKey]bool{}, map[cellKey][]string{}
	groupsIn := map[cellKey][]string{}
	for _, m := range x.measures {
		for _, ags := range x.towns[m.ID] {
			c := cellKey{ags, x.field[m.ID][0]}
			anyIn[c] = append(anyIn[c], m.Status)
			if m.Status == active {
				activeIn[c] = true
				publicIn[c] = publicIn[c] || m.Visibility == graph.Public
				groupsIn[c] = append(groupsIn[c], x.targets[m.ID]...)
			}
		}
	}
	gaps := map[cellKey]Gap{}
	for _, g := range truth.Gaps {
		c := cellKey{g.Municipality, g.Field}
		gaps[c] = g
		if activeIn[c] {
			t.Errorf("gap %s/%s has an active measure", g.MunicipalityName, g.FieldName)
		}
		want := map[string]string{gapPlanned: planned, gapCompleted: completed, gapPaused: paused}[g.Reason]
		switch {
		case g.Reason == gapNone && len(anyIn[c]) > 0:
			t.Errorf("gap %s/%s is listed without any measure but has %v", g.MunicipalityName, g.FieldName, anyIn[c])
		case g.Reason != gapNone && !slices.Contains(anyIn[c], want):
			t.Errorf("gap %s/%s is listed as %s but has %v", g.MunicipalityName, g.FieldName, g.Reason, anyIn[c])
		}
		if m, ok := x.nodes[g.Municipality].(*graph.Municipality); !ok || m.Name != g.MunicipalityName || m.Region != g.Region {
			t.Errorf("gap names municipality %s %s wrongly", g.Municipality, g.MunicipalityName)
		}
		if f, ok := x.nodes[g.Field].(*graph.FieldOfAction); !ok || f.Name != g.FieldName || f.Region != g.Region {
			t.Errorf("gap names field %s %s wrongly", g.Field, g.FieldName)
		}
	}
	if n := len(truth.Gaps); n < 25 || n > 40 {
		t.Errorf("%d planted gaps, want 25 to 40", n)
	}
	reasons := map[string]int{}
	for _, g := range truth.Gaps {
		reasons[g.Reason]++
	}
	if reasons[gapPlanned] == 0 || reasons[gapCompleted] == 0 {
		t.Errorf("gap reasons %v: want some cells with only a planned or completed measure", reasons)
	}
	// Every other cell is covered.
	cells := 0
	for _, e := range demoData.Nodes {
		m, ok := e.(*graph.Municipality)
		if !ok {
			continue
		}
		for _, f := range demoData.Nodes {
			fi, ok := f.(*graph.FieldOfAction)
			if !ok || fi.Region != m.Region {
				continue
			}
			cells++
			c := cellKey{m.ID, fi.ID}
			if _, gap := gaps[c]; !gap && !publicIn[c] {
				t.Errorf("%s/%s has no public active measure but is not a planted gap", m.Name, fi.Name)
			}
		}
	}
	t.Logf("%d cells, %d gaps %v", cells, len(gaps), reasons)

	for _, g := range truth.TargetGroupGaps {
		c := cellKey{g.Municipality, g.Field}
		if _, gap := gaps[c]; gap || !activeIn[c] {
			t.Errorf("target-group gap %s/%s/%s: the field is not covered there", g.MunicipalityName, g.FieldName, g.TargetGroupName)
		}
		if slices.Contains(groupsIn[c], g.TargetGroup) {
			t.Errorf("target-group gap %s/%s/%s: an active measure addresses the group", g.MunicipalityName, g.FieldName, g.TargetGroupName)
		}
		if tg, ok := x.nodes[g.TargetGroup].(*graph.TargetGroup); !ok || tg.Name != g.TargetGroupName {
			t.Errorf("target-group gap names group %s %s wrongly", g.TargetGroup, g.TargetGroupName)
		}
	}
	if n := len(truth.TargetGroupGaps); n < 8 || n > 15 {
		t.Errorf("%d target-group gaps, want about 10", n)
	}
}

// TestGroundTruthDuplicates checks that planted duplicates pass blocking (same municipality
// and field, a shared target group, overlapping time), that the kind follows the providers,
// and that the negatives are what their reason says.
func TestGroundTruthDuplicates(t *testing.T) {
	x := newIndex(demoData)
	truth := demoData.Truth
	kinds := map[string]int{}
	clusters := map[string]int{}
	for _, d := range truth.Duplicates {
		a, b := x.measure(t, d.A), x.measure(t, d.B)
		kinds[d.Kind]++
		clusters[d.Cluster]++
		if !slices.Contains(x.towns[a.ID], d.Municipality) || !slices.Contains(x.towns[b.ID], d.Municipality) {
			t.Errorf("duplicate %s/%s: not both offered in %s", a.ID, b.ID, d.Municipality)
		}
		if x.field[a.ID][0] != d.Field || x.field[b.ID][0] != d.Field {
			t.Errorf("duplicate %s/%s: not both in field %s", a.ID, b.ID, d.Field)
		}
		if !shared(x.targets[a.ID], x.targets[b.ID]) {
			t.Errorf("duplicate %s/%s: no shared target group", a.ID, b.ID)
		}
		if !overlaps(a, b) || a.Status != active || b.Status != active {
			t.Errorf("duplicate %s/%s: %s–%s (%s) and %s–%s (%s) do not both run", a.ID, b.ID, a.Starts, a.Ends, a.Status, b.Starts, b.Ends, b.Status)
		}
		if len(x.provider[a.ID]) != 1 || len(x.provider[b.ID]) != 1 {
			t.Errorf("duplicate %s/%s: providers %v and %v; a planted pair keeps its single provider, which decides its kind", a.ID, b.ID, x.provider[a.ID], x.provider[b.ID])
			continue
		}
		sameProvider := x.provider[a.ID][0] == x.provider[b.ID][0]
		if sameProvider != (d.Kind == DataDuplicate) || (d.Kind != DataDuplicate && d.Kind != ParallelOffer) {
			t.Errorf("duplicate %s/%s is %s, same provider: %v", a.ID, b.ID, d.Kind, sameProvider)
		}
		if a.Region != d.Region || b.Region != d.Region || d.A >= d.B {
			t.Errorf("duplicate %s/%s: region %s, or not ordered", a.ID, b.ID, d.Region)
		}
	}
	if n := len(clusters); n < 30 || n > 40 {
		t.Errorf("%d duplicate clusters, want 30 to 40", n)
	}
	if kinds[DataDuplicate] < 12 || kinds[ParallelOffer] < 12 {
		t.Errorf("duplicate kinds %v: want about half of each", kinds)
	}
	reasons := map[string]int{}
	for _, n := range truth.Negatives {
		a, b := x.measure(t, n.A), x.measure(t, n.B)
		reasons[n.Reason]++
		if len(x.provider[a.ID]) != 1 || len(x.provider[b.ID]) != 1 {
			t.Errorf("negative %s/%s: providers %v and %v; want one each", a.ID, b.ID, x.provider[a.ID], x.provider[b.ID])
		}
		sameTown := shared(x.towns[a.ID], x.towns[b.ID])
		sameField := x.field[a.ID][0] == x.field[b.ID][0]
		blocked := sameTown && sameField && shared(x.targets[a.ID], x.targets[b.ID]) && overlaps(a, b)
		var ok bool
		switch n.Reason {
		case negMunicipality:
			ok = !sameTown && sameField
		case negField:
			ok = sameTown && !sameField
		case negTime:
			ok = sameTown && sameField && !overlaps(a, b)
		case negContent:
			ok = blocked && a.Programme+a.Title != b.Programme+b.Title
		}
		if !ok {
			t.Errorf("negative %s/%s (%s) is not what it says", a.ID, b.ID, n.Reason)
		}
		for _, d := range truth.Duplicates {
			if (d.A == n.A && d.B == n.B) || slices.Contains([]string{d.A, d.B}, n.A) || slices.Contains([]string{d.A, d.B}, n.B) {
				t.Errorf("negative %s/%s shares a measure with a planted duplicate", n.A, n.B)
			}
		}
	}
	if n := len(truth.Negatives); n < 18 || n > 25 {
		t.Errorf("%d negatives, want about 20", n)
	}
	for _, r := range []string{negMunicipality, negField, negTime, negContent} {
		if reasons[r] == 0 {
			t.Errorf("no negative of kind %s", r)
		}
	}
	t.Logf("%d duplicate pairs in %d clusters %v; negatives %v", len(truth.Duplicates), len(clusters), kinds, reasons)
}

// TestDuplicateTexts scores every pair of measures that passes blocking with a TF-IDF cosine
// of title and description. The planted duplicates must stand out: every data duplicate
// scores above every unplanted pair, and parallel offers score above almost all of them.
func TestDuplicateTexts(t *testing.T) {
	x := newIndex(demoData)
	vecs := tfidf(x.measures)
	planted := map[[2]string]string{}
	for _, d := range demoData.Truth.Duplicates {
		planted[[2]string{d.A, d.B}] = d.Kind
	}
	for _, n := range demoData.Truth.Negatives {
		planted[[2]string{n.A, n.B}] = "negative:" + n.Reason
	}
	minScore := map[string]float64{DataDuplicate: 1, ParallelOffer: 1}
	var maxOther float64
	var others []float64
	for i, a := range x.measures {
		for _, b := range x.measures[i+1:] {
			if a.Region != b.Region || x.field[a.ID][0] != x.field[b.ID][0] || !shared(x.towns[a.ID], x.towns[b.ID]) ||
				!shared(x.targets[a.ID], x.targets[b.ID]) || !overlaps(a, b) {
				continue
			}
			key := [2]string{min(a.ID, b.ID), max(a.ID, b.ID)}
			s := cosine(vecs[a.ID], vecs[b.ID])
			switch kind := planted[key]; kind {
			case DataDuplicate, ParallelOffer:
				minScore[kind] = math.Min(minScore[kind], s)
			case "":
				others = append(others, s)
				maxOther = math.Max(maxOther, s)
			}
		}
	}
	slices.Sort(others)
	p99 := others[len(others)*99/100]
	t.Logf("blocked unplanted pairs: %d, 99th percentile %.2f, max %.2f; lowest data duplicate %.2f, lowest parallel offer %.2f",
		len(others), p99, maxOther, minScore[DataDuplicate], minScore[ParallelOffer])
	if minScore[DataDuplicate] <= maxOther {
		t.Errorf("a data duplicate scores %.2f, not above the best unplanted pair (%.2f)", minScore[DataDuplicate], maxOther)
	}
	if minScore[ParallelOffer] <= p99 {
		t.Errorf("a parallel offer scores %.2f, below the 99th percentile of unplanted pairs (%.2f)", minScore[ParallelOffer], p99)
	}
}

func tfidf(ms []*graph.Measure) map[string]map[string]float64 {
	df := map[string]int{}
	tf := map[string]map[string]float64{}
	for _, m := range ms {
		v := map[string]float64{}
		for _, term := range text.Terms(m.Title + ". " + m.Description) {
			v[term]++
		}
		for term := range v {
			df[term]++
		}
		tf[m.ID] = v
	}
	for _, v := range tf {
		var norm float64
		for term, n := range v {
			v[term] = n * math.Log(float64(len(ms))/float64(df[term]))
			norm += v[term] * v[term]
		}
		norm = math.Sqrt(norm)
		for term := range v {
			v[term] /= norm
		}
	}
	return tf
}

func cosine(a, b map[string]float64) float64 {
	var s float64
	for term, w := range a {
		s += w * b[term]
	}
	return s
}

// TestGroundTruthNetworks computes the collaboration network (organisations linked by a
// shared network or a cooperation) and checks that its isolated organisations and
// articulation points are exactly the planted ones.
func TestGroundTruthNetworks(t *testing.T) {
	x := newIndex(demoData)
	for _, nt := range demoData.Truth.Networks {
		adj := map[string]map[string]bool{}
		var orgs []string
		for _, o := range x.orgs {
			if o.Region == nt.Region {
				orgs = append(orgs, o.ID)
				adj[o.ID] = map[string]bool{}
			}
		}
		link := func(a, b string) {
			if a != b && adj[a] != nil && adj[b] != nil {
				adj[a][b], adj[b][a] = true, true
			}
		}
		for _, members := range x.members {
			for i, a := range members {
				for _, b := range members[i+1:] {
					link(a, b)
				}
			}
		}
		for _, c := range x.coop {
			link(c[0], c[1])
		}
		var isolated []string
		for _, o := range orgs {
			if len(adj[o]) == 0 {
				isolated = append(isolated, o)
			}
		}
		ids := func(refs []OrgRef) []string {
			var s []string
			for _, r := range refs {
				s = append(s, r.ID)
				if o, ok := x.nodes[r.ID].(*graph.Organisation); !ok || o.Name != r.Name {
					t.Errorf("region %s: %s is not the organisation %s", nt.Region, r.ID, r.Name)
				}
			}
			slices.Sort(s)
			return s
		}
		slices.Sort(isolated)
		if diff := gocmp.Diff(ids(nt.Isolated), isolated); diff != "" {
			t.Errorf("region %s isolated organisations (-planted +computed):\n%s", nt.Region, diff)
		}
		aps := articulationPoints(orgs, adj)
		if diff := gocmp.Diff(ids(nt.ArticulationPoints), aps); diff != "" {
			t.Errorf("region %s articulation points (-planted +computed):\n%s", nt.Region, diff)
		}
		if len(nt.Isolated) == 0 || len(nt.ArticulationPoints) == 0 {
			t.Errorf("region %s: nothing planted", nt.Region)
		}
		// The brokers are among the three organisations with the highest betweenness.
		cb := betweenness(orgs, adj)
		top := slices.SortedFunc(slices.Values(orgs), func(a, b string) int { return cmp.Compare(cb[b], cb[a]) })[:3]
		for _, br := range ids(nt.Brokers) {
			if !slices.Contains(top, br) {
				t.Errorf("region %s: broker %s is not among the three most central organisations", nt.Region, x.nodes[br].(*graph.Organisation).Name)
			}
		}
		t.Logf("region %s: %d organisations, %d isolated, %d articulation points, highest betweenness %s, %s, %s", nt.Region, len(orgs),
			len(isolated), len(aps), x.nodes[top[0]].(*graph.Organisation).Name, x.nodes[top[1]].(*graph.Organisation).Name, x.nodes[top[2]].(*graph.Organisation).Name)
	}
}

// betweenness returns the betweenness centrality of every vertex (Brandes 2001), counting
// each shortest path in both directions.
func betweenness(vs []string, adj map[string]map[string]bool) map[string]float64 {
	cb := map[string]float64{}
	for _, s := range vs {
		var stack []string
		pred := map[string][]string{}
		sigma := map[string]float64{s: 1}
		dist := map[string]int{s: 0}
		queue := []string{s}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			stack = append(stack, v)
			for _, w := range slices.Sorted(maps.Keys(adj[v])) {
				if _, seen := dist[w]; !seen {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
					pred[w] = append(pred[w], v)
				}
			}
		}
		delta := map[string]float64{}
		for i := len(stack) - 1; i > 0; i-- {
			w := stack[i]
			for _, v := range pred[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			cb[w] += delta[w]
		}
	}
	return cb
}

// articulationPoints returns the vertices whose removal disconnects their component
// (Hopcroft–Tarjan).
func articulationPoints(vs []string, adj map[string]map[string]bool) []string {
	disc, low := map[string]int{}, map[string]int{}
	ap := map[string]bool{}
	t := 0
	var visit func(v, parent string)
	visit = func(v, parent string) {
		t++
		disc[v], low[v] = t, t
		children := 0
		for _, w := range slices.Sorted(maps.Keys(adj[v])) {
			if disc[w] == 0 {
				children++
				visit(w, v)
				low[v] = min(low[v], low[w])
				if parent != "" && low[w] >= disc[v] {
					ap[v] = true
				}
			} else if w != parent {
				low[v] = min(low[v], disc[w])
			}
		}
		if parent == "" && children > 1 {
			ap[v] = true
		}
	}
	for _, v := range vs {
		if disc[v] == 0 {
			visit(v, "")
		}
	}
	var out []string
	for v := range ap {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// TestGroundTruthFile compares groundtruth.json with the demo's ground truth; run with
// -update to rewrite it.
func TestGroundTruthFile(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGroundTruth(&buf, demoData.Truth); err != nil {
		t.Fatal(err)
	}
	const path = "groundtruth.json"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./graph/demo -run TestGroundTruthFile -update", err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		t.Errorf("%s differs from the demo data; if the change is intended, run go test ./graph/demo -run TestGroundTruthFile -update\n(-file +demo):\n%s",
			path, gocmp.Diff(string(want), buf.String()))
	}
}

// TestTemplates checks the text templates: placeholders known, languages where text names
// them, distinct keys, kinds and groups from the enumerations.
func TestTemplates(t *testing.T) {
	keys := map[string]bool{}
	for _, tm := range append(slices.Clone(templates), coordination) {
		if keys[tm.key] {
			t.Errorf("template %s twice", tm.key)
		}
		keys[tm.key] = true
		all := strings.Join(tm.titles, " ")
		for _, s := range tm.slots {
			if len(s) < 2 {
				t.Errorf("template %s: a slot with fewer than two wordings", tm.key)
			}
			all += strings.Join(s, " ")
		}
		if strings.Contains(all, "{sprachen}") && !tm.multi {
			t.Errorf("template %s names languages but is not multilingual", tm.key)
		}
		for _, k := range tm.kinds {
			if !slices.Contains(graph.OrganisationKinds, k) {
				t.Errorf("template %s: kind %s", tm.key, k)
			}
		}
		for _, g := range tm.targets {
			if groupID(g) == "" {
				t.Errorf("template %s: target group %s", tm.key, g)
			}
		}
		// expand panics on an unknown placeholder.
		for _, s := range tm.titles {
			expand(s, &textVars{}, wording{})
		}
		for _, slot := range tm.slots {
			for _, s := range slot {
				expand(s, &textVars{}, wording{})
			}
		}
	}
}
