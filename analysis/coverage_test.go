package analysis

import (
	"math"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// handCounty is a small county worked out by hand:
//
//	municipalities (foreign population): A 1,000; B 20,000; C 500
//	F1 "Sprache": m1 (active, A and B, group T1), m2 (active, A, group T2), m4 (planned, C)
//	F2 "Arbeit":  m3 (active, B), m5 (active, C)
//	network N1 works on F1 and covers A
//
// F1 densities per 10,000: A 2/1,000 = 20, B 1/20,000 = 0.5, C gap (m4 is only planned);
// median over cells with offers (0.5, 20) = 10.25, thin below 0.25 × 10.25 = 2.5625, so B is
// thin. F2: A gap, B 0.5 (thin), C 1/500 = 20 (covered). Gaps by unserved demand: A/F2
// (1,000) before C/F1 (500).
func handCounty() *graph.Snapshot {
	mu := func(id string, foreign int64) *graph.Municipality {
		return &graph.Municipality{Meta: graph.Meta{ID: id}, Name: "Gemeinde " + id[5:], Region: "09991", Population: foreign * 8, ForeignPopulation: foreign}
	}
	ms := func(id, status string) *graph.Measure {
		return &graph.Measure{Meta: graph.Meta{ID: id}, Title: id, Region: "09991", Status: status, Level: "operational"}
	}
	rel := func(t graph.RelType, from, to string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}}
	}
	s := &graph.Snapshot{Region: "09991",
		Municipalities: []*graph.Municipality{mu("09991001", 1000), mu("09991002", 20000), mu("09991003", 500)},
		Fields: []*graph.FieldOfAction{{Meta: graph.Meta{ID: "F1"}, Name: "Sprache", Region: "09991", Canonical: "language_education"},
			{Meta: graph.Meta{ID: "F2"}, Name: "Arbeit", Region: "09991", Canonical: "work"}},
		Measures: []*graph.Measure{ms("m1", "active"), ms("m2", "active"), ms("m3", "active"), ms("m4", "planned"), ms("m5", "active")},
		Networks: []*graph.Network{{Meta: graph.Meta{ID: "N1"}, Name: "AK Sprache", Region: "09991"}},
	}
	s.Relations = []graph.Relation{
		rel(graph.OfferedIn, "m1", "09991001"), rel(graph.OfferedIn, "m1", "09991002"), rel(graph.InField, "m1", "F1"), rel(graph.Targets, "m1", "T1"),
		rel(graph.OfferedIn, "m2", "09991001"), rel(graph.InField, "m2", "F1"), rel(graph.Targets, "m2", "T2"),
		rel(graph.OfferedIn, "m3", "09991002"), rel(graph.InField, "m3", "F2"),
		rel(graph.OfferedIn, "m4", "09991003"), rel(graph.InField, "m4", "F1"),
		rel(graph.OfferedIn, "m5", "09991003"), rel(graph.InField, "m5", "F2"),
		rel(graph.WorksOn, "N1", "F1"), rel(graph.Covers, "N1", "09991001"),
	}
	return s
}

func TestCoverageHandCounty(t *testing.T) {
	c, err := ComputeCoverage(handCounty(), CoverageParams{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]struct {
		class   string
		offers  int
		density float64
	}{
		{"09991001", "F1"}: {ClassCovered, 2, 20},
		{"09991002", "F1"}: {ClassThin, 1, 0.5},
		{"09991003", "F1"}: {ClassGap, 0, 0},
		{"09991001", "F2"}: {ClassGap, 0, 0},
		{"09991002", "F2"}: {ClassThin, 1, 0.5},
		{"09991003", "F2"}: {ClassCovered, 1, 20},
	}
	for k, w := range want {
		cell, ok := c.Cell(k[0], k[1])
		if !ok || cell.Class != w.class || cell.Offers != w.offers || math.Abs(cell.Density-w.density) > 1e-9 || cell.Explanation == "" {
			t.Errorf("cell %v = %+v, want %+v", k, cell, w)
		}
	}
	if f := c.Fields[0]; math.Abs(f.MedianDensity-10.25) > 1e-9 || math.Abs(f.ThinBelow-2.5625) > 1e-9 {
		t.Errorf("F1 median %v thin below %v, want 10.25 and 2.5625", f.MedianDensity, f.ThinBelow)
	}
	if len(c.Gaps) != 2 || c.Gaps[0].Municipality != "09991001" || c.Gaps[0].Field != "F2" || c.Gaps[1].Field != "F1" {
		t.Errorf("gaps %+v, want A/F2 then C/F1", c.Gaps)
	}
	if cell, _ := c.Cell("09991001", "F1"); len(cell.Networks) != 1 || cell.Networks[0] != "N1" {
		t.Errorf("network coverage of A/F1 %v", cell.Networks)
	}
	a := c.Municipalities[0]
	if a.Gaps != 1 || a.Covered != 1 || a.Offers != 2 || a.FieldsWithoutNetwork != 1 {
		t.Errorf("municipality A %+v", a)
	}

	// One target group: only m1 counts in F1, the F2 measures target nobody.
	c, _ = ComputeCoverage(handCounty(), CoverageParams{TargetGroup: "T1"})
	if cell, _ := c.Cell("09991001", "F1"); cell.Offers != 1 || cell.Class != ClassCovered {
		t.Errorf("A/F1 for T1 %+v", cell)
	}
	if cell, _ := c.Cell("09991003", "F2"); cell.Class != ClassGap {
		t.Errorf("C/F2 for T1 %+v, want a gap", cell)
	}

	// Another demand population: all inhabitants (8 × foreign) divides densities by 8.
	c, _ = ComputeCoverage(handCounty(), CoverageParams{Demand: DemandPopulation})
	if cell, _ := c.Cell("09991001", "F1"); math.Abs(cell.Density-2.5) > 1e-9 {
		t.Errorf("A/F1 density by population %v, want 2.5", cell.Density)
	}
	for _, p := range []CoverageParams{{Demand: "alle"}, {ThinFactor: 2}} {
		if _, err := ComputeCoverage(handCounty(), p); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("params %+v accepted", p)
		}
	}
}

// TestCoverageExplanations: the hand county's explanations in German (the default) and
// English, from the message catalogue, with numbers in each language's form and singular and
// plural. F1's median is 10.25 and its thin limit 2.5625.
func TestCoverageExplanations(t *testing.T) {
	s := handCounty()
	s.TargetGroups = []*graph.TargetGroup{{Meta: graph.Meta{ID: "T1"}, Name: "Schutzsuchende"}}
	want := map[string]map[[2]string]string{
		"de": {
			{"09991001", "F1"}: "2 aktive Angebote in „Sprache“ (20,00 je 10.000; dünn unter 2,56).",
			{"09991002", "F1"}: "Ein aktives Angebot für 20.000 Menschen mit ausländischer Staatsangehörigkeit (0,50 je 10.000) liegt unter 2,56, dem Anteil von 25 % am Median der Region in „Sprache“ (10,25).",
			{"09991003", "F1"}: "Kein aktives Angebot im Handlungsfeld „Sprache“ in Gemeinde 003.",
		},
		"en": {
			{"09991001", "F1"}: "2 active measures in “Sprache” (20.00 per 10,000; thin below 2.56).",
			{"09991002", "F1"}: "One active measure for 20,000 people with a foreign nationality (0.50 per 10,000) is below 2.56, 25% of the region's median in “Sprache” (10.25).",
			{"09991003", "F1"}: "No active measure in “Sprache” is offered in Gemeinde 003.",
		},
	}
	for lang, cells := range want {
		c, err := ComputeCoverage(s, CoverageParams{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		for _, cell := range c.Cells {
			if w, ok := cells[[2]string{cell.Municipality, cell.Field}]; ok && cell.Explanation != w {
				t.Errorf("%s %s/%s: %q, want %q", lang, cell.Municipality, cell.Field, cell.Explanation, w)
			}
		}
	}
	c, err := ComputeCoverage(s, CoverageParams{TargetGroup: "T1"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Gaps[0].Explanation; got != "Kein aktives Angebot im Handlungsfeld „Arbeit“ in Gemeinde 002 für die Zielgruppe Schutzsuchende." {
		t.Errorf("gap for a target group: %q", got)
	}
}
