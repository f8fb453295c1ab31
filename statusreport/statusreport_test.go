package statusreport

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"github.com/netzwerkatlas/netzwerkatlas/report"
)

func ptr[T any](v T) *T { return &v }

// county is a small concept: field F1 with goal G1 and its sub-goal G2; G1 is measured by I1
// (baseline 40 in 2022, target 95 in 2026; 55 in 2023, 70 in 2024). m1 ("IP 1.2", lead
// Caritas) pursues G1, m2 ("IP 1.10") and m4 pursue G2, m3 pursues no goal.
func county() *graph.Snapshot {
	rel := func(t graph.RelType, from, to string, role string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}, Props: graph.RelProps{Role: role}}
	}
	ms := func(id, title, ref, status string, notes ...graph.StatusNote) *graph.Measure {
		return &graph.Measure{Meta: graph.Meta{ID: id}, Title: title, Reference: ref, Region: "09991", Status: status, Level: "operational", StatusNotes: notes}
	}
	return &graph.Snapshot{Region: "09991", Taken: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC),
		Regions:        []*graph.Region{{Meta: graph.Meta{ID: "09991"}, Name: "Testkreis", Kind: "county"}},
		Municipalities: []*graph.Municipality{{Meta: graph.Meta{ID: "09991001"}, Name: "Altdorf", Region: "09991"}},
		Fields:         []*graph.FieldOfAction{{Meta: graph.Meta{ID: "F1"}, Name: "Sprache und Bildung", Region: "09991", Canonical: "language_education"}},
		Organisations:  []*graph.Organisation{{Meta: graph.Meta{ID: "O1"}, Name: "Caritasverband", Region: "09991"}, {Meta: graph.Meta{ID: "O2"}, Name: "Volkshochschule", Region: "09991"}},
		Concepts:       []*graph.Concept{{Meta: graph.Meta{ID: "C1"}, Title: "Integrationsplan Testkreis", Region: "09991"}},
		Goals: []*graph.Goal{
			{Meta: graph.Meta{ID: "G1"}, Text: "Sprache für alle", Reference: "1", Concept: "C1", Level: "strategic", Region: "09991"},
			{Meta: graph.Meta{ID: "G2"}, Text: "Kurse mit Kinderbetreuung", Reference: "1.1", Concept: "C1", Parent: "G1", Level: "operational", Region: "09991"},
		},
		Indicators: []*graph.Indicator{{Meta: graph.Meta{ID: "I1"}, Name: "Kursplätze", Region: "09991", Unit: "Plätze", Source: "VHS-Statistik",
			Direction: "higher", Baseline: ptr(40.0), BaselineYear: 2022, Target: ptr(95.0), TargetYear: 2026,
			Values: []graph.IndicatorValue{{Year: 2023, Value: 55}, {Year: 2024, Value: 70}}}},
		Measures: []*graph.Measure{
			ms("m1", "Sprachkurs mit Kinderbetreuung", "IP 1.2", "active",
				graph.StatusNote{Date: "2024-01-10", Text: "Räume gesucht"}, graph.StatusNote{Date: "2024-11-20", Text: "Erster Kurs läuft, 14 Teilnehmende"}),
			ms("m2", "Elternkurs", "IP 1.10", "active"),
			ms("m3", "Sprachcafé", "", "completed", graph.StatusNote{Date: "2023-05-01", Text: "vor dem Zeitraum"}),
			ms("m4", "Kita-Sprachpaten", "IP 1.11", "planned"),
		},
		Relations: []graph.Relation{
			rel(graph.InField, "G1", "F1", ""), rel(graph.MeasuredBy, "G1", "I1", ""),
			rel(graph.Pursues, "m1", "G1", ""), rel(graph.Pursues, "m2", "G2", ""), rel(graph.Pursues, "m4", "G2", ""),
			rel(graph.Provides, "O1", "m1", "lead"), rel(graph.Provides, "O2", "m1", "partner"),
		},
	}
}

// runs returns the monitoring run at the start (m1 planned, m2 active, m3 active, no m4) and
// the one at the end (m1 active, m3 completed, m4 new).
func runs(t *testing.T, s *graph.Snapshot) (then, now *analysis.MonitoringRun) {
	t.Helper()
	mk := func(snap *graph.Snapshot) *analysis.MonitoringRun {
		cov, err := analysis.ComputeCoverage(snap, analysis.CoverageParams{})
		if err != nil {
			t.Fatal(err)
		}
		return analysis.NewMonitoringRun(snap, cov)
	}
	now = mk(s)
	before := *s
	before.Taken = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	before.Measures = nil
	for _, m := range s.Measures {
		c := *m
		switch m.ID {
		case "m1":
			c.Status = "planned"
		case "m3":
			c.Status = "active"
		case "m4":
			continue
		}
		before.Measures = append(before.Measures, &c)
	}
	then = mk(&before)
	then.Goals = []analysis.ClassState{{ID: "G1", Name: "Sprache für alle", Class: analysis.ClassAtRisk}}
	return then, now
}

func build(t *testing.T, withStart bool) *Report {
	t.Helper()
	s := county()
	then, now := runs(t, s)
	a, err := analysis.ComputeAttainment(s, analysis.AttainmentParams{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Snapshot: s, Attainment: a,
		From: Stand{ID: "snp_1", Label: "Steuerungsgruppe März 2024", Taken: then.Taken, Run: then},
		To:   Stand{Taken: s.Taken, Run: now}}
	if !withStart {
		in.From = Stand{Taken: then.Taken}
	}
	return Build(in)
}

// TestBuildNamesEveryMeasure: every measure of the concept is listed under its goal with its
// status at both ends and its newest note of the period; m1's and m4's changes are named, m2 is
// unchanged, m3 (no goal) is listed among the other changes.
func TestBuildNamesEveryMeasure(t *testing.T) {
	r := build(t, true)
	if len(r.Fields) != 1 || r.Fields[0].Name != "Sprache und Bildung" {
		t.Fatalf("fields %+v", r.Fields)
	}
	goals := r.Fields[0].Goals
	if len(goals) != 2 || goals[0].ID != "G1" || goals[0].Depth != 0 || goals[1].ID != "G2" || goals[1].Depth != 1 {
		t.Fatalf("goals %+v", goals)
	}
	if goals[0].ClassThen != analysis.ClassAtRisk || goals[0].Class == "" || len(goals[0].Indicators) != 1 {
		t.Errorf("G1: class %s (then %s), %d indicators", goals[0].Class, goals[0].ClassThen, len(goals[0].Indicators))
	}
	want := [][]MeasureRow{
		{{ID: "m1", Reference: "IP 1.2", Title: "Sprachkurs mit Kinderbetreuung", Lead: "Caritasverband", Then: "planned", Now: "active", Changed: true,
			Note: "2024-11-20: Erster Kurs läuft, 14 Teilnehmende"}},
		{{ID: "m2", Reference: "IP 1.10", Title: "Elternkurs", Then: "active", Now: "active"},
			{ID: "m4", Reference: "IP 1.11", Title: "Kita-Sprachpaten", Then: "new", Now: "planned", Changed: true}},
	}
	for i, g := range goals {
		if d := cmp.Diff(want[i], g.Measures); d != "" {
			t.Errorf("measures of %s (-want +got):\n%s", g.ID, d)
		}
	}
	if len(r.OtherChanges) != 1 || r.OtherChanges[0].ID != "m3" || r.OtherChanges[0].Then != "active" || r.OtherChanges[0].Now != "completed" || r.OtherChanges[0].Note != "" {
		t.Errorf("other changes %+v (a note before the period is not shown)", r.OtherChanges)
	}
	if r.Changed != 2 || r.StatusThen["planned"] != 1 || r.StatusThen["active"] != 1 || r.StatusNow["active"] != 2 || r.StatusNow["planned"] != 1 || r.MeasuresAdded != 1 {
		t.Errorf("changed %d, then %v, now %v, added %d", r.Changed, r.StatusThen, r.StatusNow, r.MeasuresAdded)
	}
}

// TestDocument: the report lays out in German and English, is a valid document, and its text
// names the measures with their change and the indicator with its chart.
func TestDocument(t *testing.T) {
	created := time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang      msg.Lang
		withStart bool
		want      []string
	}{
		{msg.DE, true, []string{"Sachstandsbericht zum Integrationskonzept", "Testkreis, 01.03.2024 bis 01.03.2025", "Handlungsfeld: Sprache und Bildung",
			"1 Sprache für alle", "1.1 Kurse mit Kinderbetreuung", "IP 1.2", "Caritasverband", "geplant", "läuft (geändert)", "neu",
			"20.11.2024: Erster Kurs läuft, 14 Teilnehmende", "„Steuerungsgruppe März 2024“ vom 01.03.2024", "Kursplätze", "95 Plätze (2026)",
			"Quelle „Kursplätze“: VHS-Statistik", "Weitere Maßnahmen mit geändertem Status", "Sprachcafé", "abgeschlossen (geändert)"}},
		{msg.EN, true, []string{"Status report on the integration concept", "Field of action: Sprache und Bildung", "running (changed)", "planned", "20 November 2024: Erster Kurs"}},
		{msg.DE, false, []string{"kein gespeicherter Stand", "liegt kein gespeicherter Stand vor", "läuft"}},
	} {
		d := build(t, tc.withStart).Document(tc.lang, created)
		if err := d.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.lang, err)
		}
		text := documentText(d)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s (start %t): the report lacks %q", tc.lang, tc.withStart, w)
			}
		}
		if !tc.withStart && strings.Contains(text, "(geändert)") {
			t.Errorf("without a start the report names changes")
		}
		charts := 0
		for _, b := range d.Blocks {
			if b.Chart != nil {
				charts++
				if len(b.Chart.Series) != 2 || *b.Chart.Target != 95 || len(b.Chart.Projection) != 1 || b.Chart.Projection[0].Year != 2026 {
					t.Errorf("chart %+v", b.Chart)
				}
			}
		}
		if charts != 1 {
			t.Errorf("%d charts, want 1", charts)
		}
	}
}

// documentText collects every text of a document, for looking words up.
func documentText(d *report.Document) string {
	raw, _ := json.Marshal(d)
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x)
			b.WriteByte('\n')
		case []any:
			for _, y := range x {
				walk(y)
			}
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	var v any
	_ = json.Unmarshal(raw, &v)
	walk(v)
	return b.String()
}
