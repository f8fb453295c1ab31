package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// testConceptTree builds a concept with a guideline, a strategic goal and a Handlungsziel,
// links goals to fields, measures and indicators, and checks the rules that hold the tree
// together: references stay in the region, the concept follows from guideline and parent,
// periods are the concept's, goals do not nest in circles, and nothing that others hang on
// can be deleted.
func testConceptTree(t *testing.T, f Factory) {
	s := open(t, f)
	a := seedCounty(t, s, regionA)
	b := seedCounty(t, s, regionB)

	gl := must[graph.Entity](t)(s.Create(ctx(), &graph.Guideline{Title: "Teilhabe für alle", Region: regionA, Concept: a.concept.ID})).(*graph.Guideline)
	top := must[graph.Entity](t)(s.Create(ctx(), &graph.Goal{Text: "Alle Kinder besuchen eine Kita.", Region: regionA,
		Guideline: gl.ID, Level: "strategic", Reference: "1", Priority: "focus", Period: "Integrationsplan 2017"})).(*graph.Goal)
	if top.Concept != a.concept.ID {
		t.Fatalf("goal below a guideline has concept %q, want the guideline's %q", top.Concept, a.concept.ID)
	}
	sub := must[graph.Entity](t)(s.Create(ctx(), &graph.Goal{Text: "Die Kita-Quote steigt auf 90 %.", Region: regionA,
		Parent: top.ID, Level: "operational", Reference: "1.1", Due: "2026-12-31"})).(*graph.Goal)
	if sub.Concept != a.concept.ID {
		t.Fatalf("sub-goal has concept %q, want its parent's %q", sub.Concept, a.concept.ID)
	}

	// Goals in fields of action, measures with a lead body and a partner.
	msr := must[graph.Entity](t)(s.Create(ctx(), a.measure("Kita-Einstieg"))).(*graph.Measure)
	for _, r := range []graph.Relation{
		{RelationKey: graph.RelationKey{Type: graph.InField, From: top.ID, To: a.fields[0].ID}},
		{RelationKey: graph.RelationKey{Type: graph.Pursues, From: msr.ID, To: sub.ID}},
		{RelationKey: graph.RelationKey{Type: graph.Provides, From: a.orgs[0].ID, To: msr.ID}, Props: graph.RelProps{Role: "lead"}},
		{RelationKey: graph.RelationKey{Type: graph.Provides, From: a.orgs[1].ID, To: msr.ID}, Props: graph.RelProps{Role: "partner"}},
	} {
		must[graph.Relation](t)(s.Relate(ctx(), r))
	}
	rels := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: msr.ID, Type: graph.Provides}))
	roles := map[string]string{}
	for _, r := range rels {
		roles[r.From] = r.Props.Role
	}
	if roles[a.orgs[0].ID] != "lead" || roles[a.orgs[1].ID] != "partner" {
		t.Fatalf("provider roles = %v", roles)
	}
	page := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindGoal, Filter: graph.Filter{Field: a.fields[0].ID}}))
	if page.Total != 1 || page.Items[0].Base().ID != top.ID {
		t.Fatalf("goals in field %s: %d, want the strategic goal", a.fields[0].ID, page.Total)
	}

	rev := must[uint64](t)(s.Revision(ctx()))
	refused := []struct {
		name   string
		write  func() error
		code   string
		fields []string
	}{
		{"goal in a field of another county", func() error {
			_, err := s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: top.ID, To: b.fields[0].ID}})
			return err
		}, graph.EINVALID, []string{"to"}},
		{"provider role", func() error {
			_, err := s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides, From: a.orgs[0].ID, To: msr.ID}, Props: graph.RelProps{Role: "Chef"}})
			return err
		}, graph.EINVALID, []string{"props.role"}},
		{"guideline of another county's concept", func() error {
			_, err := s.Create(ctx(), &graph.Guideline{Title: "X", Region: regionA, Concept: b.concept.ID})
			return err
		}, graph.EINVALID, []string{"concept"}},
		{"guideline without concept", func() error {
			_, err := s.Create(ctx(), &graph.Guideline{Title: "X", Region: regionA})
			return err
		}, graph.EINVALID, []string{"concept"}},
		{"goal of one concept below a guideline of another", func() error {
			other := must[graph.Entity](t)(s.Create(ctx(), &graph.Concept{Title: "Zweites Konzept", Region: regionA})).(*graph.Concept)
			_, err := s.Create(ctx(), &graph.Goal{Text: "X", Region: regionA, Concept: other.ID, Guideline: gl.ID})
			return err
		}, graph.EINVALID, []string{"guideline"}},
		{"period not in the concept", func() error {
			_, err := s.Create(ctx(), &graph.Goal{Text: "X", Region: regionA, Concept: a.concept.ID, Period: "Fortschreibung 2030"})
			return err
		}, graph.EINVALID, []string{"period"}},
		{"parent in another county", func() error {
			_, err := s.Create(ctx(), &graph.Goal{Text: "X", Region: regionB, Parent: top.ID})
			return err
		}, graph.EINVALID, []string{"parent"}},
		{"goal below its own sub-goal", func() error {
			g := *top
			g.Parent = sub.ID
			_, err := s.Update(ctx(), &g, top.Version)
			return err
		}, graph.EINVALID, []string{"parent"}},
		{"delete a concept that guidelines name", func() error { return s.Delete(ctx(), graph.KindConcept, a.concept.ID, 0) }, graph.ECONFLICT, nil},
		{"delete a guideline that goals name", func() error { return s.Delete(ctx(), graph.KindGuideline, gl.ID, 0) }, graph.ECONFLICT, nil},
		{"delete a goal with sub-goals", func() error { return s.Delete(ctx(), graph.KindGoal, top.ID, 0) }, graph.ECONFLICT, nil},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := must[uint64](t)(s.Revision(ctx()))
			err := tc.write()
			wantCode(t, err, tc.code)
			if tc.fields != nil {
				wantFields(t, err, tc.fields...)
			}
			if tc.name != "goal of one concept below a guideline of another" { // that case creates its second concept first
				if got := must[uint64](t)(s.Revision(ctx())); got != before {
					t.Fatalf("a refused write changed the revision from %d to %d", before, got)
				}
			}
		})
	}
	_ = rev

	// A town's own concept names its municipality and has fields of action; structures are
	// reviewed like offers: two networks or two concepts, never a mixed pair.
	town := must[graph.Entity](t)(s.Create(ctx(), &graph.Concept{Title: "Integrationskonzept Gemeinde 2", Region: regionA, Municipality: a.munis[1].ID})).(*graph.Concept)
	must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: town.ID, To: a.fields[1].ID}}))
	_, err := s.Create(ctx(), &graph.Concept{Title: "X", Region: regionA, Municipality: b.munis[0].ID})
	wantFields(t, err, "municipality")
	wantCode(t, s.Delete(ctx(), graph.KindMunicipality, a.munis[1].ID, 0), graph.ECONFLICT)
	net2 := must[graph.Entity](t)(s.Create(ctx(), &graph.Network{Name: "Arbeitskreis Migration Gemeinde 2", Region: regionA, Kind: "working_group", Level: "municipal"})).(*graph.Network)
	reviewed := must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: net2.ID, To: a.net.ID},
		Props: graph.RelProps{Verdict: "intended", By: "erika", At: time.Now(), Note: "kommunaler Arbeitskreis, bewusst"}}))
	if reviewed.From != min(net2.ID, a.net.ID) {
		t.Errorf("a reviewed pair of networks is stored %s→%s, want the smaller id first", reviewed.From, reviewed.To)
	}
	_, err = s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: net2.ID, To: town.ID}, Props: graph.RelProps{Verdict: "duplicate"}})
	wantFields(t, err, "to")
	must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: town.ID, To: a.concept.ID}, Props: graph.RelProps{Verdict: "not_duplicate"}}))
	ok(t, s.Delete(ctx(), graph.KindConcept, town.ID, 0))

	// Goals nest at most MaxGoalDepth levels.
	parent := sub.ID
	for depth := 3; depth <= graph.MaxGoalDepth+1; depth++ {
		g, err := s.Create(ctx(), &graph.Goal{Text: fmt.Sprintf("Ebene %d", depth), Region: regionA, Parent: parent})
		if depth > graph.MaxGoalDepth {
			wantFields(t, err, "parent")
			break
		}
		if err != nil {
			t.Fatalf("level %d: %v", depth, err)
		}
		parent = g.Base().ID
	}

	// A whole tree written in one batch resolves its references among itself.
	cID, gID, hID := graph.NewID(graph.KindConcept), graph.NewID(graph.KindGoal), graph.NewID(graph.KindGoal)
	res := must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: []graph.Op{
		{Action: graph.OpCreate, Entity: &graph.Concept{Meta: graph.Meta{ID: cID}, Title: "Integrationskonzept 2025", Region: regionB,
			Periods: []graph.ConceptPeriod{{Name: "2025–2030", Starts: "2025-01-01", Ends: "2030-12-31"}}}},
		{Action: graph.OpCreate, Entity: &graph.Goal{Meta: graph.Meta{ID: gID}, Text: "Oben", Region: regionB, Concept: cID, Period: "2025–2030"}},
		{Action: graph.OpCreate, Entity: &graph.Goal{Meta: graph.Meta{ID: hID}, Text: "Unten", Region: regionB, Parent: gID}},
	}}))
	if res.Created != 3 {
		t.Fatalf("batch created %d, want 3", res.Created)
	}
	if g := must[graph.Entity](t)(s.Get(ctx(), graph.KindGoal, hID)).(*graph.Goal); g.Concept != cID {
		t.Fatalf("batch sub-goal concept %q, want %q", g.Concept, cID)
	}

	// A concept keeps the periods its goals name.
	con := must[graph.Entity](t)(s.Get(ctx(), graph.KindConcept, a.concept.ID)).(*graph.Concept)
	con.Periods = con.Periods[1:] // drops "Integrationsplan 2017", which the top goal names
	_, err = s.Update(ctx(), con, con.Version)
	wantFields(t, err, "periods")
	con.Periods = append(con.Periods, graph.ConceptPeriod{Name: "Integrationsplan 2017", Starts: "2017-01-01"})
	must[graph.Entity](t)(s.Update(ctx(), con, con.Version)) // reordered, still there: fine

	// The snapshot carries the tree, parents before children.
	snap := must[*graph.Snapshot](t)(s.Snapshot(ctx(), regionA))
	if len(snap.Concepts) != 2 || len(snap.Guidelines) != 1 || len(snap.Goals) != graph.MaxGoalDepth {
		t.Fatalf("snapshot holds %d concepts, %d guidelines, %d goals", len(snap.Concepts), len(snap.Guidelines), len(snap.Goals))
	}
	seen := map[string]bool{}
	for _, e := range snap.Nodes() {
		if g, ok := e.(*graph.Goal); ok {
			if g.Parent != "" && !seen[g.Parent] {
				t.Fatalf("goal %s comes before its parent %s", g.ID, g.Parent)
			}
			seen[g.ID] = true
		}
	}

	// Once nothing hangs on them, goal, guideline and concept can go (deepest first).
	for i := len(snap.Goals) - 1; i >= 0; i-- {
		ok(t, s.Delete(ctx(), graph.KindGoal, graph.ParentsFirst(snap.Goals)[i].ID, 0))
	}
	ok(t, s.Delete(ctx(), graph.KindGuideline, gl.ID, 0))
	ok(t, s.Delete(ctx(), graph.KindConcept, a.concept.ID, 0))
}

// testIndicatorRules checks the rules of targets, directions and measured values.
func testIndicatorRules(t *testing.T, f Factory) {
	s := open(t, f)
	a := seedCounty(t, s, regionA)
	seedCounty(t, s, regionB)
	rev := must[uint64](t)(s.Revision(ctx()))
	cases := []struct {
		name   string
		in     *graph.Indicator
		fields []string
	}{
		{"target without direction", &graph.Indicator{Name: "X", Region: regionA, Target: ptr(5.0)}, []string{"direction"}},
		{"range without upper end", &graph.Indicator{Name: "X", Region: regionA, Direction: "range", Target: ptr(5.0)}, []string{"target_upper"}},
		{"range upside down", &graph.Indicator{Name: "X", Region: regionA, Direction: "range", Target: ptr(5.0), TargetUpper: ptr(4.0)}, []string{"target_upper"}},
		{"upper end without range", &graph.Indicator{Name: "X", Region: regionA, Direction: "higher", Target: ptr(5.0), TargetUpper: ptr(6.0)}, []string{"target_upper"}},
		{"baseline without year", &graph.Indicator{Name: "X", Region: regionA, Baseline: ptr(1.0)}, []string{"baseline_year"}},
		{"target year without target", &graph.Indicator{Name: "X", Region: regionA, TargetYear: 2030}, []string{"target"}},
		{"target before baseline", &graph.Indicator{Name: "X", Region: regionA, Direction: "higher", Baseline: ptr(1.0), BaselineYear: 2020, Target: ptr(2.0), TargetYear: 2019}, []string{"target_year"}},
		{"direction unknown", &graph.Indicator{Name: "X", Region: regionA, Direction: "up"}, []string{"direction"}},
		{"value in a year not yet begun", &graph.Indicator{Name: "X", Region: regionA, Values: []graph.IndicatorValue{{Year: 2024, Value: 1}, {Year: 2099, Value: 2}}}, []string{"values[1].year"}},
		{"value for another county's municipality", &graph.Indicator{Name: "X", Region: regionA, Values: []graph.IndicatorValue{{Municipality: regionB + "001", Year: 2024, Value: 1}}}, []string{"values[0].municipality"}},
		{"value for an unknown municipality", &graph.Indicator{Name: "X", Region: regionA, Values: []graph.IndicatorValue{{Municipality: regionA + "555", Year: 2024, Value: 1}}}, []string{"values[0].municipality"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Create(ctx(), tc.in)
			wantFields(t, err, tc.fields...)
		})
	}
	if got := must[uint64](t)(s.Revision(ctx())); got != rev {
		t.Fatalf("refused indicators changed the revision from %d to %d", rev, got)
	}
	in := &graph.Indicator{Name: "Wohnkosten", Region: regionA, Direction: "range", Target: ptr(25.0), TargetUpper: ptr(30.0), TargetYear: 2028,
		Values: []graph.IndicatorValue{{Municipality: a.munis[1].ID, Year: 2023, Value: 33}, {Year: 2023, Value: 31}}}
	got := must[graph.Entity](t)(s.Create(ctx(), in)).(*graph.Indicator)
	if *got.TargetUpper != 30 || got.Values[0].Municipality != a.munis[1].ID {
		t.Fatalf("stored %+v", got)
	}
	// A municipality with values cannot be deleted while the indicator names it.
	wantCode(t, s.Delete(ctx(), graph.KindMunicipality, a.munis[1].ID, 0), graph.ECONFLICT)
}
