package storetest

import (
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// testCoordinatingVerdict: the verdict coordinating ("Abstimmung angestoßen") keeps its due
// date on the REVIEWED relation, in reads, in snapshots and across a restart; a later verdict
// replaces it with the date gone; a verdict without a due date, a due date on another verdict
// and the verdict on two networks are refused, naming the field, and change nothing.
func testCoordinatingVerdict(t *testing.T, f Factory) {
	s := f.New(t)
	t.Cleanup(func() { s.Close() })
	c := seedCounty(t, s, regionA)
	a := must[graph.Entity](t)(s.Create(ctx(), c.measure("Sprachcafé Nord"))).(*graph.Measure)
	b := must[graph.Entity](t)(s.Create(ctx(), c.measure("Sprachtreff Nord"))).(*graph.Measure)
	net2 := must[graph.Entity](t)(s.Create(ctx(), &graph.Network{Name: "Runder Tisch Sprache", Region: regionA, Kind: "round_table", Level: "county"})).(*graph.Network)
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	key := graph.RelationKey{Type: graph.Reviewed, From: a.ID, To: b.ID}.Canonical()

	bad := []struct {
		name  string
		r     graph.Relation
		field string
	}{
		{"due missing", graph.Relation{RelationKey: key, Props: graph.RelProps{Verdict: graph.VerdictCoordinating, By: "koordination"}}, "props.due"},
		{"due malformed", graph.Relation{RelationKey: key, Props: graph.RelProps{Verdict: graph.VerdictCoordinating, Due: "31.12.2026"}}, "props.due"},
		{"due on another verdict", graph.Relation{RelationKey: key, Props: graph.RelProps{Verdict: "intended", Due: "2026-12-31"}}, "props.due"},
		{"networks", graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: c.net.ID, To: net2.ID}, Props: graph.RelProps{Verdict: graph.VerdictCoordinating, Due: "2026-12-31"}}, "props.verdict"},
		{"due on another type", graph.Relation{RelationKey: graph.RelationKey{Type: graph.MemberOf, From: c.orgs[0].ID, To: c.net.ID}, Props: graph.RelProps{Due: "2026-12-31"}}, "props.due"},
	}
	rev := must[uint64](t)(s.Revision(ctx()))
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Relate(ctx(), tc.r)
			wantFields(t, err, tc.field)
		})
	}
	if got := must[uint64](t)(s.Revision(ctx())); got != rev {
		t.Fatalf("refused verdicts moved the revision from %d to %d", rev, got)
	}
	if rs := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: a.ID, Type: graph.Reviewed})); len(rs) != 0 {
		t.Fatalf("refused verdicts left relations %v", relKeys(rs))
	}

	want := graph.RelProps{Verdict: graph.VerdictCoordinating, By: "koordination", At: at, Note: "Träger treffen sich im Dezember", Due: "2026-12-31"}
	must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: b.ID, To: a.ID}, Props: graph.RelProps{
		Verdict: " coordinating ", By: want.By, At: at, Note: want.Note, Due: " 2026-12-31 "}}))
	check := func(t *testing.T, s graph.Store, want graph.RelProps) {
		t.Helper()
		rs := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: b.ID, Type: graph.Reviewed}))
		if len(rs) != 1 || rs[0].RelationKey != key || rs[0].Props != want {
			t.Fatalf("REVIEWED of %s = %+v, want %s with %+v", b.ID, rs, key, want)
		}
		snap := must[*graph.Snapshot](t)(s.Snapshot(ctx(), regionA))
		found := false
		for _, r := range snap.Relations {
			if r.RelationKey == key {
				found = true
				if r.Props != want {
					t.Fatalf("snapshot holds %+v, want %+v", r.Props, want)
				}
			}
		}
		if !found {
			t.Fatalf("snapshot lacks %s", key)
		}
	}
	check(t, s, want)
	if f.Reopen != nil {
		s = f.Reopen(t, s)
		t.Cleanup(func() { s.Close() })
		check(t, s, want)
	}

	// A final verdict replaces the coordination, due date and all.
	final := graph.RelProps{Verdict: "intended", By: "koordination", At: at.Add(24 * time.Hour)}
	must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: key, Props: final}))
	check(t, s, final)
}
