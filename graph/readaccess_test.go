package graph

import (
	"strings"
	"testing"
)

// TestAccessSnapshot: a reader with one public and one internal region keeps the public
// nodes and the internal region's internal ones, loses the other region's internal ones and
// the relationships that touch them, and sees actors' contact data only where allowed.
func TestAccessSnapshot(t *testing.T) {
	s := &Snapshot{
		Regions: []*Region{{Meta: Meta{ID: "09991"}, Name: "Offen"}, {Meta: Meta{ID: "09992", Visibility: Internal}, Name: "Intern"}},
		Organisations: []*Organisation{
			{Meta: Meta{ID: "org_a", Visibility: Public}, Name: "A", Region: "09991"},
			{Meta: Meta{ID: "org_b", Visibility: Internal}, Name: "B", Region: "09991"},
			{Meta: Meta{ID: "org_c", Visibility: Internal}, Name: "C", Region: "09992"},
		},
		Actors:       []*Actor{{Meta: Meta{ID: "act_a", Visibility: Public}, Name: "Erika", Region: "09991", Email: "e@example.org"}},
		TargetGroups: []*TargetGroup{{Meta: Meta{ID: "tgr_a"}, Name: "Eltern"}},
		Relations: []Relation{
			{RelationKey: RelationKey{Type: CooperatesWith, From: "org_a", To: "org_b"}},
			{RelationKey: RelationKey{Type: WorksFor, From: "act_a", To: "org_a"}},
		},
	}
	reader := Access{Regions: []string{"09991", "09992"}, Internal: []string{"09992"}, Contacts: []string{}}
	out := reader.Snapshot(s)
	var ids []string
	for _, e := range out.Nodes() {
		ids = append(ids, e.Base().ID)
	}
	want := "09991 09992 tgr_a org_a org_c act_a"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("kept %s, want %s", got, want)
	}
	if len(out.Relations) != 1 || out.Relations[0].Type != WorksFor {
		t.Errorf("relations %v, want only WORKS_FOR (org_b is not readable)", out.Relations)
	}
	if out.Actors[0].Email != "" || s.Actors[0].Email == "" {
		t.Errorf("contact data: view %q, original %q", out.Actors[0].Email, s.Actors[0].Email)
	}
	if (Access{}).Snapshot(s) != s {
		t.Error("full access must return the snapshot itself")
	}
}
