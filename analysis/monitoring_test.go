package analysis

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestCompareRuns: between two runs of the hand county, m4 becomes active (closing the gap
// C/F1), a new measure m6 in F2 is offered in A (closing A/F2), F2 loses its only measure in
// C (opening C/F2), O1 leaves N1 and O2 joins it, and a duplicate candidate is resolved.
func TestCompareRuns(t *testing.T) {
	before := handCounty()
	before.Organisations = []*graph.Organisation{{Meta: graph.Meta{ID: "O1"}, Name: "Caritas"}, {Meta: graph.Meta{ID: "O2"}, Name: "AWO"}}
	before.Relations = append(before.Relations, graph.Relation{RelationKey: graph.RelationKey{Type: graph.MemberOf, From: "O1", To: "N1"}})
	covBefore, err := ComputeCoverage(before, CoverageParams{})
	if err != nil {
		t.Fatal(err)
	}
	runBefore := NewMonitoringRun(before, covBefore)
	runBefore.Duplicates = []DuplicateSet{{Measures: []string{"m1", "m2", "m3"}, Titles: []string{"m1", "m2", "m3"}, Kind: "parallel_offer", Score: 0.8}}

	after := handCounty()
	after.Organisations = before.Organisations
	after.Measures[3].Status = "active" // m4
	after.Measures = append(after.Measures, &graph.Measure{Meta: graph.Meta{ID: "m6"}, Title: "m6", Status: "active"})
	var rels []graph.Relation
	for _, r := range after.Relations {
		if r.From == "m5" && r.Type == graph.OfferedIn { // m5 no longer offered in C
			continue
		}
		rels = append(rels, r)
	}
	after.Relations = append(rels,
		graph.Relation{RelationKey: graph.RelationKey{Type: graph.OfferedIn, From: "m6", To: "09991001"}},
		graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: "m6", To: "F2"}},
		graph.Relation{RelationKey: graph.RelationKey{Type: graph.MemberOf, From: "O2", To: "N1"}})
	covAfter, err := ComputeCoverage(after, CoverageParams{})
	if err != nil {
		t.Fatal(err)
	}
	runAfter := NewMonitoringRun(after, covAfter)
	// m1–m3 split: m1 alone, m2 with m6 in a new cluster → the old cluster is resolved.
	runAfter.Duplicates = []DuplicateSet{{Measures: []string{"m2", "m6"}, Titles: []string{"m2", "m6"}, Kind: "data_duplicate", Score: 0.9}}

	// A run survives its JSON form unchanged (it is saved as JSON).
	var back MonitoringRun
	raw, _ := json.Marshal(runBefore)
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(runBefore, &back); d != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", d)
	}

	c := CompareRuns(&back, runAfter, RunRef{ID: "snp_1"}, RunRef{ID: "snp_2"})
	// A cluster that keeps two of its measures together is not resolved.
	if kept := separated(back.Duplicates, []DuplicateSet{{Measures: []string{"m3", "m9", "m1"}}}); len(kept) != 0 {
		t.Errorf("m1 and m3 still cluster together, yet resolved: %v", kept)
	}
	cells := func(ks []CellKey) []string {
		var out []string
		for _, k := range ks {
			out = append(out, k.MunicipalityName+"/"+k.FieldName)
		}
		return out
	}
	if d := cmp.Diff([]string{"Gemeinde 001/Arbeit", "Gemeinde 003/Sprache"}, cells(c.GapsClosed)); d != "" {
		t.Errorf("gaps closed (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"Gemeinde 003/Arbeit"}, cells(c.GapsOpened)); d != "" {
		t.Errorf("gaps opened (-want +got):\n%s", d)
	}
	if len(c.Left) != 1 || c.Left[0].OrganisationName != "Caritas" || len(c.Joined) != 1 || c.Joined[0].OrganisationName != "AWO" || c.Joined[0].NetworkName != "AK Sprache" {
		t.Errorf("left %v joined %v", c.Left, c.Joined)
	}
	if len(c.DuplicatesResolved) != 1 || len(c.DuplicatesNew) != 1 || c.DuplicatesNew[0].Measures[1] != "m6" {
		t.Errorf("duplicates resolved %v new %v", c.DuplicatesResolved, c.DuplicatesNew)
	}
	// F1 (Sprache): active 2 → 3, planned 1 → 0; F2 (Arbeit): active 2 → 3.
	want := []StatusChange{
		{Field: "F2", FieldName: "Arbeit", Status: "active", From: 2, To: 3, Delta: 1},
		{Field: "F1", FieldName: "Sprache", Status: "planned", From: 1, To: 0, Delta: -1},
		{Field: "F1", FieldName: "Sprache", Status: "active", From: 2, To: 3, Delta: 1},
	}
	if d := cmp.Diff(want, c.MeasureStatus); d != "" {
		t.Errorf("measure status (-want +got):\n%s", d)
	}
	if c.Classes[ClassGap] != [2]int{2, 1} || c.Figures["measures"] != [2]float64{5, 6} || c.Figures["memberships"] != [2]float64{1, 1} {
		t.Errorf("classes %v figures %v", c.Classes, c.Figures)
	}
	// The comparison names the measure that changed status, with its field, and the new one.
	wantChanged := []MeasureChange{{ID: "m4", Title: "m4", Fields: []string{"Sprache"}, From: "planned", To: "active"}}
	if d := cmp.Diff(wantChanged, c.MeasuresChanged); d != "" || !c.MeasureDetail {
		t.Errorf("measures changed (-want +got), detail %t:\n%s", c.MeasureDetail, d)
	}
	if len(c.MeasuresAdded) != 1 || c.MeasuresAdded[0].ID != "m6" || len(c.MeasuresRemoved) != 0 {
		t.Errorf("measures added %v removed %v", c.MeasuresAdded, c.MeasuresRemoved)
	}
	// A run saved before measures were listed compares without naming them.
	old := *runBefore
	old.MeasureStates = nil
	if c := CompareRuns(&old, runAfter, RunRef{}, RunRef{}); c.MeasureDetail || len(c.MeasuresChanged) != 0 || c.MeasuresChanged == nil {
		t.Errorf("comparison with an old run: detail %t, changed %v", c.MeasureDetail, c.MeasuresChanged)
	}
}

// TestMeasureStatesNameLeadAndNote: a run lists each measure's lead body and its newest status
// note up to the run, not a later one.
func TestMeasureStatesNameLeadAndNote(t *testing.T) {
	s := handCounty()
	s.Taken = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)
	s.Organisations = []*graph.Organisation{{Meta: graph.Meta{ID: "O1"}, Name: "Caritas"}, {Meta: graph.Meta{ID: "O2"}, Name: "AWO"}}
	s.Measures[0].Reference = "IP 1.2"
	s.Measures[0].StatusNotes = []graph.StatusNote{{Date: "2025-05-01", Text: "läuft"}, {Date: "2025-07-01", Text: "später"}, {Date: "2025-01-10", Text: "früher"}}
	s.Relations = append(s.Relations,
		graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides, From: "O1", To: "m1"}, Props: graph.RelProps{Role: "lead"}},
		graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides, From: "O2", To: "m1"}, Props: graph.RelProps{Role: "partner"}})
	cov, err := ComputeCoverage(s, CoverageParams{})
	if err != nil {
		t.Fatal(err)
	}
	run := NewMonitoringRun(s, cov)
	want := MeasureState{ID: "m1", Title: "m1", Reference: "IP 1.2", Status: "active", Fields: []string{"Sprache"}, Lead: "Caritas", Note: "2025-05-01: läuft"}
	if d := cmp.Diff(want, run.MeasureStates[0]); d != "" {
		t.Errorf("measure state (-want +got):\n%s", d)
	}
}

func TestCompareReferences(t *testing.T) {
	refs := []string{"IP 1.10", "", "IP 1.2", "IP 2", "1.3", "IP 1.2a", "L 1", "IP 1"}
	slices.SortStableFunc(refs, CompareReferences)
	want := []string{"1.3", "IP 1", "IP 1.2", "IP 1.2a", "IP 1.10", "IP 2", "L 1", ""}
	if d := cmp.Diff(want, refs); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
}
