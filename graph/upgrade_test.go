package graph

import "testing"

func TestUpgradePlan(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	ops := UpgradePlan(UpgradeInput{
		Indicators: []*Indicator{
			// The region's own earliest value (2021: 100) decides, not the municipality's 2020 value.
			{Meta: Meta{ID: "a", Version: 3}, Target: f(95), Values: []IndicatorValue{{Municipality: "1", Year: 2020, Value: 99}, {Year: 2022, Value: 90}, {Year: 2021, Value: 100}}},
			{Meta: Meta{ID: "b"}, Target: f(4), Values: []IndicatorValue{{Municipality: "1", Year: 2024, Value: 3}, {Municipality: "2", Year: 2023, Value: 9}}},
			{Meta: Meta{ID: "c"}, Target: f(4)},
			{Meta: Meta{ID: "d"}, Target: f(4), Direction: "range"},
			{Meta: Meta{ID: "e"}},
		},
		SoleProviders: []Relation{
			{RelationKey: RelationKey{Type: Provides, From: "o", To: "m"}},
			{RelationKey: RelationKey{Type: Provides, From: "o", To: "n"}, Props: RelProps{Role: "partner"}},
		},
	})
	want := []string{"a:lower", "b:lower", "c:higher", "rel:o→m:lead"}
	var got []string
	for _, op := range ops {
		switch op.Action {
		case OpUpdate:
			ind := op.Entity.(*Indicator)
			got = append(got, ind.ID+":"+ind.Direction)
			if ind.ID == "a" && op.Version != 3 {
				t.Errorf("update of a expects version %d, want 3", op.Version)
			}
		case OpRelate:
			got = append(got, "rel:"+op.Relation.From+"→"+op.Relation.To+":"+op.Relation.Props.Role)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("plan %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("plan %v, want %v", got, want)
		}
	}
}
