package analysis

import (
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// structureCounty is a hand-made county for the structure overlaps:
//
//   - N1 "Runder Tisch Migration" (county, F1): O1–O5.
//   - N2 "Arbeitskreis Sprache" (county, F1): O1–O4, O6 → shares 4 of 6 with N1 (Jaccard 4/6):
//     parallel bodies.
//   - N3 (county, F2): O1–O5, the same members as N1 but another field: not reported.
//   - N4 "Runder Tisch Migration Marl" (town M1, F1): O7, O1, O2 — two shared members with N1
//     (Jaccard 2/6), fewer than half of N4's three below MinShared, but the same purpose in its
//     name and description: county and town body.
//   - N5 "Sportforum" (county, F1): O8, O1 — one shared member, other purpose: not reported.
//   - N6, N7 (both town M2, F1): O6, O7, O9 and O6–O9 (Jaccard 3/4), reviewed as intended; they
//     share at most one member with a county body and have no purpose text: nothing else.
//   - A town concept of M1 in F1 and F2; the county concept's goal G1 is in F1.
func structureCounty() *graph.Snapshot {
	rel := func(t graph.RelType, from, to string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}}
	}
	net := func(id, name, level, desc string) *graph.Network {
		return &graph.Network{Meta: graph.Meta{ID: id}, Name: name, Region: "09991", Kind: "round_table", Level: level, Description: desc}
	}
	s := &graph.Snapshot{Region: "09991",
		Municipalities: []*graph.Municipality{{Meta: graph.Meta{ID: "09991001"}, Name: "Marl"}, {Meta: graph.Meta{ID: "09991002"}, Name: "Dorsten"}},
		Fields:         []*graph.FieldOfAction{{Meta: graph.Meta{ID: "F1"}, Name: "Sprache"}, {Meta: graph.Meta{ID: "F2"}, Name: "Arbeit"}},
		Networks: []*graph.Network{
			net("N1", "Runder Tisch Migration", "county", "Austausch der Träger der Migrationsarbeit im Kreis"),
			net("N2", "Arbeitskreis Sprache", "county", "Kursträger stimmen Sprachkurse ab"),
			net("N3", "Arbeitskreis Arbeitsmarkt", "county", "Jobcenter und Träger"),
			net("N4", "Runder Tisch Migration Marl", "municipal", "Austausch der Träger der Migrationsarbeit vor Ort"),
			net("N5", "Sportforum", "county", "Vereine planen Turniere"),
			net("N6", "Sprachcafé-Runde Dorsten", "municipal", ""),
			net("N7", "Ehrenamtskreis Dorsten", "municipal", ""),
		},
		Concepts: []*graph.Concept{{Meta: graph.Meta{ID: "C1"}, Title: "Integrationskonzept des Kreises", Region: "09991"},
			{Meta: graph.Meta{ID: "C2"}, Title: "Integrationskonzept Marl", Region: "09991", Municipality: "09991001"}},
		Goals: []*graph.Goal{{Meta: graph.Meta{ID: "G1"}, Text: "Sprachkurse für alle", Reference: "1", Concept: "C1", Region: "09991"}},
	}
	for i := 1; i <= 9; i++ {
		id := "O" + string(rune('0'+i))
		s.Organisations = append(s.Organisations, &graph.Organisation{Meta: graph.Meta{ID: id}, Name: "Organisation " + id, Region: "09991"})
	}
	members := map[string][]string{"N1": {"O1", "O2", "O3", "O4", "O5"}, "N2": {"O1", "O2", "O3", "O4", "O6"}, "N3": {"O1", "O2", "O3", "O4", "O5"},
		"N4": {"O7", "O1", "O2"}, "N5": {"O8", "O1"}, "N6": {"O6", "O7", "O9"}, "N7": {"O6", "O7", "O8", "O9"}}
	for n, os := range members {
		for _, o := range os {
			s.Relations = append(s.Relations, rel(graph.MemberOf, o, n))
		}
	}
	for _, n := range []string{"N1", "N2", "N4", "N5", "N6", "N7"} {
		s.Relations = append(s.Relations, rel(graph.WorksOn, n, "F1"))
	}
	s.Relations = append(s.Relations, rel(graph.WorksOn, "N3", "F2"),
		rel(graph.Covers, "N4", "09991001"), rel(graph.Covers, "N6", "09991002"), rel(graph.Covers, "N7", "09991002"),
		rel(graph.InField, "C2", "F1"), rel(graph.InField, "C2", "F2"), rel(graph.InField, "G1", "F1"),
		graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: "N6", To: "N7"}, Props: graph.RelProps{Verdict: "intended"}})
	return s
}

func TestFindStructures(t *testing.T) {
	r, err := FindStructures(structureCounty(), StructureParams{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]StructureOverlap{}
	for _, o := range r.Overlaps {
		got[o.A.ID+"-"+o.B.ID] = o
	}
	if len(r.Overlaps) != 3 {
		t.Errorf("%d overlaps, want N1–N2, N1–N4 and the town concept: %+v", len(r.Overlaps), r.Overlaps)
	}
	par, ok := got["N1-N2"]
	if !ok || par.Kind != OverlapParallelNetworks || par.Jaccard != 0.667 || len(par.SharedMembers) != 4 || par.Fields[0].Name != "Sprache" {
		t.Errorf("N1–N2: %+v", par)
	}
	ct, ok := got["N1-N4"]
	if !ok || ct.Kind != OverlapCountyAndTown || ct.Purpose < DefaultStructurePurpose || ct.Municipalities[0].Name != "Marl" || ct.B.Municipality != "Marl" {
		t.Errorf("N1–N4: %+v", ct)
	}
	tc, ok := got["C2-C1"]
	if !ok || tc.Kind != OverlapTownConcept || tc.Score != 0.5 || len(tc.Goals) != 1 || tc.Fields[0].Name != "Sprache" {
		t.Errorf("town concept: %+v", tc)
	}
	for _, not := range []string{"N1-N3", "N1-N5", "N2-N5", "N5-N1"} {
		if _, ok := got[not]; ok {
			t.Errorf("%s reported: %+v", not, got[not])
		}
	}
	if len(r.Reviewed) != 1 || r.Reviewed[0].Verdict != "intended" || r.Reviewed[0].Jaccard != 0.75 {
		t.Errorf("reviewed %+v, want N6–N7 set aside as intended", r.Reviewed)
	}
	if !strings.Contains(par.Explanation, "4 gemeinsame Mitglieder") || !strings.Contains(tc.Explanation, "Marl") {
		t.Errorf("explanations: %q / %q", par.Explanation, tc.Explanation)
	}
	en, _ := FindStructures(structureCounty(), StructureParams{Lang: "en"})
	if !strings.Contains(en.Overlaps[0].Explanation, "share") {
		t.Errorf("English explanation %q", en.Overlaps[0].Explanation)
	}
	// Lower the bar and the one-member pair N1–N5 is still not a parallel body (MinShared).
	loose, _ := FindStructures(structureCounty(), StructureParams{MinJaccard: 0.1})
	for _, o := range loose.Overlaps {
		if o.A.ID == "N5" || o.B.ID == "N5" {
			t.Errorf("N5 reported with MinJaccard 0.1: %+v", o)
		}
	}
	if _, err := FindStructures(structureCounty(), StructureParams{MinJaccard: 2}); err == nil {
		t.Error("min_jaccard 2 accepted")
	}
}
