package exchange_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

const county = "05562" // Kreis Recklinghausen of the demo

func ptr[T any](v T) *T { return &v }

// conceptStore returns the demo store with an integration concept of Kreis Recklinghausen
// added on top of whatever the demo holds: a concept with two periods, two Leitlinien, a
// strategic goal with two Handlungsziele in fields of action (one with an id that sorts
// before its parent's, so that writing in id order would fail), indicators with a range
// target and values, and measures with reference, priority, horizon, addressee, effect,
// funding, status notes and a lead body and partners.
func conceptStore(t testing.TB) (graph.Store, *graph.Snapshot) {
	t.Helper()
	s, src := demoStore(t)
	var orgs []*graph.Organisation
	var fields []*graph.FieldOfAction
	var measures []*graph.Measure
	for _, o := range src.Organisations {
		if o.Region == county {
			orgs = append(orgs, o)
		}
	}
	for _, f := range src.Fields {
		if f.Region == county {
			fields = append(fields, f)
		}
	}
	for _, m := range src.Measures {
		if m.Region == county {
			measures = append(measures, m)
		}
	}
	rnd := rand.New(rand.NewSource(1))
	id := func(k graph.Kind, day int) string {
		return graph.IDAt(k, time.Date(2025, 1, day, 0, 0, 0, 0, time.UTC), rnd)
	}
	con := &graph.Concept{Meta: graph.Meta{ID: id(graph.KindConcept, 1)}, Title: "Integrationskonzept Kreis Recklinghausen (Test)", Region: county,
		Description: "Fortgeschrieben im Kreisintegrationszentrum.", Adopted: "2017-03-20", Website: "https://www.kreis-re.example/integrationskonzept",
		Periods: []graph.ConceptPeriod{{Name: "Integrationsplan 2017", Starts: "2017-01-01", Ends: "2019-06-30"}, {Name: "Fortschreibung 2019", Starts: "2019-07-01"}}}
	g1 := &graph.Guideline{Meta: graph.Meta{ID: id(graph.KindGuideline, 2)}, Title: "Integration ist Querschnittsaufgabe (Test)", Region: county, Concept: con.ID, Reference: "L 1"}
	g2 := &graph.Guideline{Meta: graph.Meta{ID: id(graph.KindGuideline, 3)}, Title: "Teilhabe für alle (Test)", Region: county, Concept: con.ID, Reference: "L 2",
		Description: "Alle, die hier leben, nehmen teil."}
	top := &graph.Goal{Meta: graph.Meta{ID: id(graph.KindGoal, 20)}, Text: "Alle Kinder besuchen ab drei Jahren eine Kita (Test).", Region: county,
		Concept: con.ID, Guideline: g2.ID, Level: "strategic", Reference: "1", Priority: "focus", Period: "Integrationsplan 2017", Starts: "2017-01-01"}
	// The sub-goals' ids sort before the parent's.
	sub1 := &graph.Goal{Meta: graph.Meta{ID: id(graph.KindGoal, 4)}, Text: "Die Kita-Quote steigt auf 90 % (Test).", Region: county, Concept: con.ID,
		Parent: top.ID, Level: "operational", Reference: "1.1", Priority: "starter", Period: "Fortschreibung 2019", Due: "2026-12-31",
		Description: "Gemessen an der Kita-Statistik."}
	sub2 := &graph.Goal{Meta: graph.Meta{ID: id(graph.KindGoal, 5)}, Text: "Eltern kennen die Angebote der Kitas (Test).", Region: county, Concept: con.ID,
		Parent: top.ID, Level: "operational", Reference: "1.2", Priority: "medium"}
	ind1 := &graph.Indicator{Meta: graph.Meta{ID: id(graph.KindIndicator, 6)}, Name: "Kita-Besuchsquote (Test)", Region: county, Unit: "%", Source: "IT.NRW",
		Direction: "range", Baseline: ptr(71.5), BaselineYear: 2022, Target: ptr(85.0), TargetUpper: ptr(95.0), TargetYear: 2028,
		Description: "Anteil der Kinder ab drei Jahren mit Zuwanderungsgeschichte in einer Kita.",
		Values: []graph.IndicatorValue{{Year: 2023, Value: 73}, {Municipality: county + "024", Year: 2023, Value: 66.25}, {Year: 2024, Value: 74.5},
			{Municipality: county + "024", Year: 2024, Value: 68}}}
	ind2 := &graph.Indicator{Meta: graph.Meta{ID: id(graph.KindIndicator, 7)}, Name: "Elternabende in Kitas (Test)", Region: county, Direction: "higher",
		Target: ptr(40.0), Values: []graph.IndicatorValue{{Year: 2024, Value: 12}}}
	m1 := measures[0].Clone().(*graph.Measure)
	m1.Reference, m1.Priority, m1.Horizon, m1.Addressee, m1.Effect = "IP 1.3", "starter", "short", "municipality", "Mehr Kinder in Kitas."
	m1.Funding = []graph.Funding{{Funder: "Land NRW, KOMM-AN", Amount: ptr(12000.0), Starts: "2025-01-01", Ends: "2025-12-31"}, {Funder: "Kreis Recklinghausen", Amount: ptr(2500.5)}}
	m1.StatusNotes = []graph.StatusNote{{Date: "2024-03-01", Text: "Konzept abgestimmt."}, {Date: "2024-09-15", Text: "Erste Gruppe gestartet; die zweite verzögert sich."},
		{Date: "2025-02-01", Text: "Beide Gruppen laufen."}}
	m2 := measures[1].Clone().(*graph.Measure)
	m2.Reference, m2.Priority, m2.Horizon, m2.Addressee = "IP 2.1", "low", "long", "county"
	m2.Funding = []graph.Funding{{BudgetNeutral: true}}
	m2.StatusNotes = []graph.StatusNote{{Date: "2025-01-10", Text: "In Vorbereitung."}}
	var ops []graph.Op
	for _, e := range []graph.Entity{con, g1, g2, top, sub1, sub2, ind1, ind2} {
		ops = append(ops, graph.Op{Action: graph.OpCreate, Entity: e})
	}
	for _, m := range []*graph.Measure{m1, m2} {
		ops = append(ops, graph.Op{Action: graph.OpUpdate, Entity: m, Version: m.Version})
	}
	rel := func(t graph.RelType, from, to, role string) {
		ops = append(ops, graph.Op{Action: graph.OpRelate, Relation: graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}, Props: graph.RelProps{Role: role}}})
	}
	rel(graph.InField, top.ID, fields[0].ID, "")
	rel(graph.InField, top.ID, fields[1].ID, "")
	rel(graph.InField, sub1.ID, fields[0].ID, "")
	rel(graph.MeasuredBy, sub1.ID, ind1.ID, "")
	rel(graph.MeasuredBy, sub2.ID, ind2.ID, "")
	rel(graph.Pursues, m1.ID, sub1.ID, "")
	rel(graph.Pursues, m2.ID, top.ID, "")
	var providers []string
	for _, r := range src.Relations {
		if r.Type == graph.Provides && r.To == m1.ID {
			providers = append(providers, r.From)
		}
	}
	rel(graph.Provides, providers[0], m1.ID, "lead")
	partners := 0
	for _, o := range orgs {
		if !slices.Contains(providers, o.ID) && partners < 2 {
			rel(graph.Provides, o.ID, m1.ID, "partner")
			partners++
		}
	}
	if _, err := s.Apply(ctx, &graph.Batch{Ops: ops}); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	return s, snap
}

// template returns an XLSX import template made for the county (its names as allowed
// values), with rows filled in: per sheet, rows of header → cell.
func template(t testing.TB, src *graph.Snapshot, rows map[string][]map[string]string) string {
	t.Helper()
	var tpl bytes.Buffer
	if err := exchange.WriteSheets(&tpl, exchange.SheetOptions{Format: exchange.FormatXLSX, Template: true, Data: regionOf(src, county)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&tpl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, rs := range rows {
		headers, err := f.GetRows(sheet)
		if err != nil || len(headers) < 2 {
			t.Fatalf("template sheet %s: %v", sheet, err)
		}
		col := map[string]int{}
		for i, h := range headers[0] {
			col[h] = i + 1
		}
		for n, r := range rs {
			for h, v := range r {
				c, ok := col[h]
				if !ok {
					t.Fatalf("sheet %s has no column %s (it has %v)", sheet, h, headers[0])
				}
				cell, _ := excelize.CoordinatesToCellName(c, n+3)
				if err := f.SetCellStr(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	p := filepath.Join(t.TempDir(), "integrationskonzept.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// regionOf cuts a snapshot to one region (and the shared target groups).
func regionOf(src *graph.Snapshot, key string) *graph.Snapshot {
	out := &graph.Snapshot{Region: key}
	ids := map[string]bool{}
	for _, e := range src.Nodes() {
		if e.RegionKey() == key || e.RegionKey() == "" {
			out.Add(e)
			ids[e.Base().ID] = true
		}
	}
	for _, r := range src.Relations {
		if ids[r.From] {
			out.Relations = append(out.Relations, r)
		}
	}
	return out
}

// conceptSheets is a filled template: a concept with two periods, two Leitlinien, a
// strategic goal below the second with two Handlungsziele (listed before it) in fields of
// action, a second strategic goal, indicators with a range target and values for two years
// for the county and for Marl, and two measures, one with a lead body, partners, two
// funding entries and a status note (and an earlier one in Sachstände).
func conceptSheets(src *graph.Snapshot) (map[string][]map[string]string, []string, []string) {
	var orgs, fields []string
	for _, o := range src.Organisations {
		if o.Region == county && len(orgs) < 4 {
			orgs = append(orgs, o.Name)
		}
	}
	for _, f := range src.Fields {
		if f.Region == county && len(fields) < 2 {
			fields = append(fields, f.Name)
		}
	}
	return map[string][]map[string]string{
		"Konzepte": {{"Schlüssel": "K-1", "Titel": "Integrationskonzept 2025 (Vorlage)", "Kreis": county, "Beschreibung": "Beschlossen vom Kreistag.",
			"Beschlossen am": "12.03.2025", "Website": "https://www.kreis-re.example/ik-2025"}},
		"Zeiträume": {
			{"Konzept": "K-1", "Kreis": county, "Zeitraum": "Integrationskonzept 2025", "Beginn": "01.01.2025", "Ende": "2026-12-31"},
			{"Konzept": "integrationskonzept 2025 (VORLAGE)", "Kreis": "Kreis Recklinghausen", "Zeitraum": "Fortschreibung 2027", "Beginn": "2027-01-01"}},
		"Leitlinien": {
			{"Schlüssel": "L-1", "Titel": "Vielfalt ist Normalität (Vorlage)", "Kreis": county, "Konzept": "K-1", "Nummer": "L 1"},
			{"Schlüssel": "L-2", "Titel": "Teilhabe von Anfang an (Vorlage)", "Kreis": county, "Konzept": "Integrationskonzept 2025 (Vorlage)", "Nummer": "L 2",
				"Beschreibung": "Früh ansetzen."}},
		"Ziele": {
			{"Schlüssel": "Z-1.1", "Ziel": "Die Kita-Quote steigt auf 90 % (Vorlage).", "Kreis": county, "Oberziel": "Z-1", "Ebene": "Handlungsziel",
				"Nummer": "1.1", "Priorität": "Starterprojekt", "Zeitraum": "integrationskonzept 2025", "Fällig": "31.12.2026", "Handlungsfelder": fields[0]},
			{"Schlüssel": "Z-1.2", "Ziel": "Eltern kennen die Angebote (Vorlage).", "Kreis": county, "Oberziel": "Alle Kinder besuchen eine Kita (Vorlage).",
				"Ebene": "operativ", "Nummer": "1.2", "Priorität": "mittel"},
			{"Schlüssel": "Z-1", "Ziel": "Alle Kinder besuchen eine Kita (Vorlage).", "Kreis": county, "Leitlinie": "Teilhabe von Anfang an (Vorlage)",
				"Ebene": "strategisches Ziel", "Nummer": "1", "Priorität": "Schwerpunkt", "Zeitraum": "Integrationskonzept 2025", "Beginn": "2025-01-01",
				"Handlungsfelder": fields[0] + "; " + fields[1], "Beschreibung": "Frühe Bildung."},
			{"Schlüssel": "Z-2", "Ziel": "Vielfalt prägt die Verwaltung (Vorlage).", "Kreis": county, "Leitlinie": "L-1", "Ebene": "strategisch", "Priorität": "hoch"}},
		"Kennzahlen": {
			{"Schlüssel": "KZ-1", "Name": "Kita-Besuchsquote (Vorlage)", "Kreis": county, "Ziele": "Z-1.1", "Richtung": "Zielkorridor", "Ausgangswert": "71,5",
				"Ausgangsjahr": "2022", "Zielwert": "85", "Zielwert oben": "95", "Zieljahr": "2028", "Einheit": "%", "Quelle": "IT.NRW, Kita-Statistik"},
			{"Schlüssel": "KZ-2", "Name": "Beschäftigte mit Einwanderungsgeschichte (Vorlage)", "Kreis": county, "Ziele": "Z-2", "Richtung": "höher ist besser",
				"Zielwert": "12,5", "Einheit": "%"}},
		"Kennzahlwerte": {
			{"Kennzahl": "KZ-1", "Kreis": county, "Jahr": "2023", "Wert": "73"},
			{"Kennzahl": "KZ-1", "Kreis": county, "Jahr": "2023", "Kommune": "Marl", "Wert": "66,25"},
			{"Kennzahl": "Kita-Besuchsquote (Vorlage)", "Kreis": county, "Jahr": "2024", "Wert": "74.5"},
			{"Kennzahl": "KZ-1", "Kreis": county, "Jahr": "2024", "Kommune": "MARL", "Wert": "68"}},
		"Maßnahmen": {
			{"Schlüssel": "M-1", "Titel": "Kita-Einstieg (Vorlage)", "Kreis": county, "Nummer": "IP 1.3", "Status": "aktiv", "Ebene": "operativ",
				"Priorität": "Starterprojekt", "Zeithorizont": "kurzfristig", "Adressat": "Kommune", "Wirkung": "Mehr Kinder in Kitas.",
				"Federführung": orgs[0], "Partner": orgs[1] + "; " + orgs[2], "Handlungsfelder": fields[0], "Gemeinden": "Marl", "Ziele": "Z-1.1",
				"Fördergeber": "Land NRW, KOMM-AN; Kreis Recklinghausen", "Fördersumme": "12.000; 2.500,50", "Förderung von": "01.01.2025;",
				"Förderung bis": "31.12.2025; ", "haushaltsneutral": "nein; nein", "Sachstand vom": "15.09.2025", "Sachstand": "Zwei Gruppen laufen."},
			{"Schlüssel": "M-2", "Titel": "Lotsenprogramm (Vorlage)", "Kreis": county, "Status": "geplant", "Ebene": "strategisch", "Zeithorizont": "lang",
				"Adressat": "Landkreis", "Träger": orgs[3], "haushaltsneutral": "ja", "Ziele": "Z-2"}},
		"Sachstände": {{"Maßnahme": "M-1", "Kreis": county, "Datum": "01.03.2025", "Sachstand": "Konzept abgestimmt."}},
	}, orgs, fields
}

// TestConceptTemplateImport fills the template with an integration concept, imports it and
// finds exactly that in the store; importing it again changes nothing.
func TestConceptTemplateImport(t *testing.T) {
	s, src := demoStore(t)
	sheets, orgNames, fieldNames := conceptSheets(src)
	p := template(t, src, sheets)
	in := []exchange.Input{{Name: "integrationskonzept.xlsx", Path: p}}
	rep, err := exchange.Import(ctx, s, in, exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || !rep.Written {
		t.Fatalf("import: ok %v written %v: %+v", rep.OK, rep.Written, rep.Errors)
	}
	byName := func(names []string, list func(yield func(id, name string))) []string {
		var ids []string
		for _, n := range names {
			list(func(id, name string) {
				if name == n {
					ids = append(ids, id)
				}
			})
		}
		return ids
	}
	orgs := byName(orgNames, func(y func(string, string)) {
		for _, o := range src.Organisations {
			if o.Region == county {
				y(o.ID, o.Name)
			}
		}
	})
	fields := byName(fieldNames, func(y func(string, string)) {
		for _, f := range src.Fields {
			if f.Region == county {
				y(f.ID, f.Name)
			}
		}
	})
	key := func(k graph.Kind, key string) string { return exchange.KeyedID(k, county, "key:"+key) }
	con, l1, l2 := key(graph.KindConcept, "K-1"), key(graph.KindGuideline, "L-1"), key(graph.KindGuideline, "L-2")
	z1, z11, z12, z2 := key(graph.KindGoal, "Z-1"), key(graph.KindGoal, "Z-1.1"), key(graph.KindGoal, "Z-1.2"), key(graph.KindGoal, "Z-2")
	kz1, kz2 := key(graph.KindIndicator, "KZ-1"), key(graph.KindIndicator, "KZ-2")
	m1, m2 := key(graph.KindMeasure, "M-1"), key(graph.KindMeasure, "M-2")
	marl := county + "024"
	want := []graph.Entity{
		&graph.Concept{Meta: graph.Meta{ID: con}, Title: "Integrationskonzept 2025 (Vorlage)", Region: county, Description: "Beschlossen vom Kreistag.",
			Adopted: "2025-03-12", Website: "https://www.kreis-re.example/ik-2025",
			Periods: []graph.ConceptPeriod{{Name: "Integrationskonzept 2025", Starts: "2025-01-01", Ends: "2026-12-31"}, {Name: "Fortschreibung 2027", Starts: "2027-01-01"}}},
		&graph.Guideline{Meta: graph.Meta{ID: l1}, Title: "Vielfalt ist Normalität (Vorlage)", Region: county, Concept: con, Reference: "L 1"},
		&graph.Guideline{Meta: graph.Meta{ID: l2}, Title: "Teilhabe von Anfang an (Vorlage)", Region: county, Concept: con, Reference: "L 2", Description: "Früh ansetzen."},
		&graph.Goal{Meta: graph.Meta{ID: z1}, Text: "Alle Kinder besuchen eine Kita (Vorlage).", Region: county, Concept: con, Guideline: l2, Level: "strategic",
			Reference: "1", Priority: "focus", Period: "Integrationskonzept 2025", Starts: "2025-01-01", Description: "Frühe Bildung."},
		&graph.Goal{Meta: graph.Meta{ID: z11}, Text: "Die Kita-Quote steigt auf 90 % (Vorlage).", Region: county, Concept: con, Parent: z1, Level: "operational",
			Reference: "1.1", Priority: "starter", Period: "Integrationskonzept 2025", Due: "2026-12-31"},
		&graph.Goal{Meta: graph.Meta{ID: z12}, Text: "Eltern kennen die Angebote (Vorlage).", Region: county, Concept: con, Parent: z1, Level: "operational",
			Reference: "1.2", Priority: "medium"},
		&graph.Goal{Meta: graph.Meta{ID: z2}, Text: "Vielfalt prägt die Verwaltung (Vorlage).", Region: county, Concept: con, Guideline: l1, Level: "strategic", Priority: "high"},
		&graph.Indicator{Meta: graph.Meta{ID: kz1}, Name: "Kita-Besuchsquote (Vorlage)", Region: county, Unit: "%", Source: "IT.NRW, Kita-Statistik",
			Direction: "range", Baseline: ptr(71.5), BaselineYear: 2022, Target: ptr(85.0), TargetUpper: ptr(95.0), TargetYear: 2028,
			Values: []graph.IndicatorValue{{Year: 2023, Value: 73}, {Municipality: marl, Year: 2023, Value: 66.25}, {Year: 2024, Value: 74.5}, {Municipality: marl, Year: 2024, Value: 68}}},
		&graph.Indicator{Meta: graph.Meta{ID: kz2}, Name: "Beschäftigte mit Einwanderungsgeschichte (Vorlage)", Region: county, Unit: "%", Direction: "higher", Target: ptr(12.5)},
		&graph.Measure{Meta: graph.Meta{ID: m1}, Title: "Kita-Einstieg (Vorlage)", Region: county, Status: "active", Level: "operational", Reference: "IP 1.3",
			Priority: "starter", Horizon: "short", Addressee: "municipality", Effect: "Mehr Kinder in Kitas.",
			Funding:     []graph.Funding{{Funder: "Land NRW, KOMM-AN", Amount: ptr(12000.0), Starts: "2025-01-01", Ends: "2025-12-31"}, {Funder: "Kreis Recklinghausen", Amount: ptr(2500.5)}},
			StatusNotes: []graph.StatusNote{{Date: "2025-03-01", Text: "Konzept abgestimmt."}, {Date: "2025-09-15", Text: "Zwei Gruppen laufen."}}},
		&graph.Measure{Meta: graph.Meta{ID: m2}, Title: "Lotsenprogramm (Vorlage)", Region: county, Status: "planned", Level: "strategic", Horizon: "long",
			Addressee: "county", Funding: []graph.Funding{{BudgetNeutral: true}}},
	}
	rel := func(t graph.RelType, from, to, role string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}, Props: graph.RelProps{Role: role}}
	}
	wantRels := []graph.Relation{
		rel(graph.InField, z1, fields[0], ""), rel(graph.InField, z1, fields[1], ""), rel(graph.InField, z11, fields[0], ""),
		rel(graph.MeasuredBy, z11, kz1, ""), rel(graph.MeasuredBy, z2, kz2, ""),
		rel(graph.Provides, orgs[0], m1, "lead"), rel(graph.Provides, orgs[1], m1, "partner"), rel(graph.Provides, orgs[2], m1, "partner"),
		rel(graph.Provides, orgs[3], m2, ""),
		rel(graph.InField, m1, fields[0], ""), rel(graph.OfferedIn, m1, marl, ""), rel(graph.Pursues, m1, z11, ""), rel(graph.Pursues, m2, z2, ""),
	}
	got, err := s.Snapshot(ctx, county)
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[string]graph.Entity{}
	for _, e := range got.Nodes() {
		nodes[e.Base().ID] = e
	}
	ours := map[string]bool{}
	for _, w := range want {
		if err := graph.Prepare(w); err != nil {
			t.Fatalf("expected node %s: %v", w.Base().ID, err)
		}
		id := w.Base().ID
		ours[id] = true
		if g := nodes[id]; g == nil || !graph.SameContent(w, g) {
			t.Errorf("%s %s:\nwant %+v\ngot  %+v", w.EntityKind(), id, w, g)
		}
	}
	var gotRels []graph.Relation
	for _, r := range got.Relations {
		if ours[r.From] || ours[r.To] {
			gotRels = append(gotRels, r)
		}
	}
	graph.SortRelations(gotRels)
	graph.SortRelations(wantRels)
	if !slices.Equal(gotRels, wantRels) {
		t.Errorf("relationships:\nwant %v\ngot  %v", wantRels, gotRels)
	}

	rev, _ := s.Revision(ctx)
	again, err := exchange.Import(ctx, s, in, exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := again.Relations
	if !again.OK || again.Written || again.Created+again.Updated != 0 || again.Unchanged != again.Rows || r.Added+r.Updated+r.Removed != 0 {
		t.Fatalf("second import changed something: %+v", again)
	}
	if got, _ := s.Revision(ctx); got != rev {
		t.Fatalf("second import: revision %d → %d", rev, got)
	}

	// A year's values change by rows: a new value is added, a changed one replaced, an empty
	// one removed; the values not named stay.
	this := time.Now().Year()
	sheets["Kennzahlwerte"] = []map[string]string{
		{"Kennzahl": "KZ-1", "Kreis": county, "Jahr": "2023", "Wert": "73,5"},
		{"Kennzahl": "KZ-1", "Kreis": county, "Jahr": "2024", "Kommune": "Marl", "Wert": ""},
		{"Kennzahl": "KZ-1", "Kreis": county, "Jahr": fmt.Sprint(this), "Kommune": "Marl", "Wert": "70"},
	}
	rep, err = exchange.Import(ctx, s, []exchange.Input{{Name: "werte.xlsx", Path: template(t, src, map[string][]map[string]string{"Kennzahlwerte": sheets["Kennzahlwerte"]})}}, exchange.Options{})
	if err != nil || !rep.OK || rep.Created != 1 || rep.Updated != 2 {
		t.Fatalf("values: %v %+v", err, rep)
	}
	ind, err := graph.GetAs[*graph.Indicator](ctx, s, kz1)
	if err != nil {
		t.Fatal(err)
	}
	wantValues := []graph.IndicatorValue{{Year: 2023, Value: 73.5}, {Municipality: marl, Year: 2023, Value: 66.25}, {Year: 2024, Value: 74.5}, {Municipality: marl, Year: this, Value: 70}}
	if !slices.Equal(ind.Values, wantValues) {
		t.Fatalf("values %v, want %v", ind.Values, wantValues)
	}

	// A measures sheet of before (Träger, no role columns) leaves the lead body and the
	// partners alone, and the funding and status notes it has no columns for.
	old := "Schlüssel;Titel;Kreis;Status;Ebene;Träger\nM-1;Kita-Einstieg (Vorlage);" + county + ";aktiv;operativ;" + orgNames[0] + "\n"
	rep, err = exchange.Import(ctx, s, []exchange.Input{file(t, "massnahmen.csv", []byte(old))}, exchange.Options{})
	if err != nil || !rep.OK || rep.Written || rep.Unchanged != 1 {
		t.Fatalf("a measures sheet without role columns: %v %+v", err, rep)
	}
}

// TestConceptTemplateErrors plants one error at a time into the filled template; each is
// reported at its sheet, row and column, and nothing is written.
func TestConceptTemplateErrors(t *testing.T) {
	s, src := demoStore(t)
	var otherMuni, otherField string
	for _, m := range src.Municipalities {
		if m.Region != county && otherMuni == "" {
			otherMuni = m.Name
		}
	}
	for _, f := range src.Fields {
		if f.Region != county && otherField == "" {
			otherField = f.ID
		}
	}
	next := fmt.Sprint(time.Now().Year() + 1)
	cases := []struct {
		name         string
		sheet        string
		index        int // data row; the spreadsheet row is index+3
		column       string
		value        string
		code         string
		msg          string // part of the message
		suggestion   string
		errorColumns []string // when the error comes with others (a circle: both rows)
	}{
		{"value for a year not begun", "Kennzahlwerte", 2, "Jahr", next, exchange.CodeInvalid, "has not begun", "", nil},
		{"value for another county's municipality", "Kennzahlwerte", 1, "Kommune", otherMuni, exchange.CodeUnknownName, "no municipality of region " + county, "", nil},
		{"value for an unknown municipality", "Kennzahlwerte", 3, "Kommune", "Marll", exchange.CodeUnknownName, "no municipality", "Marl", nil},
		{"target without direction", "Kennzahlen", 1, "Richtung", "", exchange.CodeInvalid, "required with a target", "", nil},
		{"goal in a field of another county", "Ziele", 2, "Handlungsfelder", otherField, exchange.CodeUnknownName, "no field of action " + otherField + " in region " + county, "", nil},
		{"unknown Leitlinie", "Ziele", 2, "Leitlinie", "Teilhabe von Anfang (Vorlage)", exchange.CodeUnknownName, "no guideline", "Teilhabe von Anfang an (Vorlage)", nil},
		{"unknown priority", "Maßnahmen", 0, "Priorität", "Startprojektt", exchange.CodeInvalid, "not allowed", "Starterprojekt", nil},
		{"unknown horizon", "Maßnahmen", 1, "Zeithorizont", "langfristg", exchange.CodeInvalid, "not allowed", "langfristig", nil},
		{"period not in the concept", "Ziele", 0, "Zeitraum", "Fortschreibung 2030", exchange.CodeInvalid, "not a period", "", nil},
		{"funding lists of different lengths", "Maßnahmen", 0, "Fördersumme", "12.000", exchange.CodeInvalid, "lists 1 values", "", nil},
		{"range upside down", "Kennzahlen", 0, "Zielwert oben", "80", exchange.CodeInvalid, "lies below target", "", nil},
		{"lead and partner at once", "Maßnahmen", 0, "Partner", "", exchange.CodeInvalid, "one role", "", nil},
		{"status note without date", "Maßnahmen", 0, "Sachstand vom", "", exchange.CodeInvalid, "required with a Sachstand", "", nil},
		{"period named twice", "Zeiträume", 1, "Zeitraum", "Integrationskonzept 2025", exchange.CodeInvalid, "repeats the name", "", nil},
		{"goals in a circle", "Ziele", 2, "Oberziel", "Z-1.1", exchange.CodeInvalid, "in a circle", "", []string{"Oberziel", "Oberziel"}},
		{"value repeated", "Kennzahlwerte", 3, "Jahr", "2023", exchange.CodeDuplicateRow, "repeats row 4", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sheets, orgs, _ := conceptSheets(src)
			value := tc.value
			if tc.name == "lead and partner at once" {
				value = orgs[1] + "; " + orgs[0]
			}
			sheets[tc.sheet][tc.index][tc.column] = value
			p := template(t, src, sheets)
			rev, _ := s.Revision(ctx)
			for _, dry := range []bool{true, false} {
				rep, err := exchange.Import(ctx, s, []exchange.Input{{Name: "ik.xlsx", Path: p}}, exchange.Options{DryRun: dry})
				if err != nil {
					t.Fatal(err)
				}
				n := max(1, len(tc.errorColumns))
				if rep.OK || rep.Written || rep.ErrorCount != n {
					t.Fatalf("dry run %v: ok %v written %v, %d errors, want %d: %+v", dry, rep.OK, rep.Written, rep.ErrorCount, n, rep.Errors)
				}
				found := false
				for _, e := range rep.Errors {
					found = found || e.File == "ik.xlsx" && e.Sheet == tc.sheet && e.Row == tc.index+3 && e.Column == tc.column && e.Code == tc.code &&
						strings.Contains(e.Message, tc.msg) && (tc.suggestion == "" || len(e.Suggestions) > 0 && e.Suggestions[0] == tc.suggestion)
				}
				if !found {
					t.Fatalf("%+v\nwant sheet %s row %d column %s code %s message with %q suggestion %q", rep.Errors, tc.sheet, tc.index+3, tc.column, tc.code, tc.msg, tc.suggestion)
				}
				if got, _ := s.Revision(ctx); got != rev {
					t.Fatalf("the import wrote (revision %d → %d)", rev, got)
				}
			}
		})
	}
}

// TestConceptTemplateCSV: the concept sheets of the filled workbook, exported as CSV files
// (German numbers and lists) from the store they were imported into, import into another
// store to the same graph.
func TestConceptTemplateCSV(t *testing.T) {
	s1, src := demoStore(t)
	sheets, _, _ := conceptSheets(src)
	rep, err := exchange.Import(ctx, s1, []exchange.Input{{Name: "ik.xlsx", Path: template(t, src, sheets)}}, exchange.Options{})
	if err != nil || !rep.OK {
		t.Fatalf("%v %+v", err, rep.Errors)
	}
	want, err := s1.Snapshot(ctx, county)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []exchange.Input
	for _, k := range []exchange.SheetKind{exchange.SheetStatusNotes, exchange.SheetMeasures, exchange.SheetIndicatorValues, exchange.SheetIndicators,
		exchange.SheetGoals, exchange.SheetGuidelines, exchange.SheetPeriods, exchange.SheetConcepts} {
		name := string(k) + ".csv"
		inputs = append(inputs, exchange.Input{Name: name, Path: writeFile(t, name, func(w *bytes.Buffer) error {
			return exchange.WriteSheets(w, exchange.SheetOptions{Format: exchange.FormatCSV, Sheet: k, Template: true, Data: want, Fill: true})
		})})
	}
	s2, _ := demoStore(t)
	rep, err = exchange.Import(ctx, s2, inputs, exchange.Options{})
	if err != nil || !rep.OK {
		t.Fatalf("%v %+v", err, rep.Errors)
	}
	got, err := s2.Snapshot(ctx, county)
	if err != nil {
		t.Fatal(err)
	}
	sameGraph(t, want, got)
}

// TestJSONVersions: an export of version 1 (before the integration concept) still imports;
// a version newer than the program's is refused with a message that says so.
func TestJSONVersions(t *testing.T) {
	s := openStore(t)
	v1 := `{"format":"netzwerkatlas","version":1,"exported_at":"2025-01-01T00:00:00Z","revision":3,"region":"",
"regions": [{"id":"09991","name":"Musterkreis","kind":"county"}],
"goals": [{"id":"gol_01HK153X000000000000000001","text":"Ein Ziel.","region":"09991"}],
"relations": []}`
	rep, err := exchange.Import(ctx, s, []exchange.Input{file(t, "v1.json", []byte(v1))}, exchange.Options{})
	if err != nil || !rep.OK || rep.Created != 2 {
		t.Fatalf("version 1: %v %+v", err, rep)
	}
	v9 := strings.Replace(v1, `"version":1`, `"version":9`, 1)
	_, err = exchange.Import(ctx, s, []exchange.Input{file(t, "v9.json", []byte(v9))}, exchange.Options{})
	if _, _, _, ok := exchange.IsFileError(err); !ok || !strings.Contains(err.Error(), "version 9") {
		t.Fatalf("version 9: %v", err)
	}
}
