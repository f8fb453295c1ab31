package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// mergeCase is two duplicate measures of one provider with relationships of every sort a
// merge treats apart: one only the retired entry has (moves), one both have with other
// properties (the survivor's wins), one both have alike (collapses), a verdict between the
// two (dropped) and a verdict with a third measure (moves).
type mergeCase struct {
	c                  *county
	survivor, retired  *graph.Measure
	third              *graph.Measure
	survivorRels       []graph.Relation
	retiredRels        []graph.Relation
	retiredJSON        []byte
	survivorBeforeJSON []byte
}

func seedMerge(t *testing.T, s graph.Store) *mergeCase {
	t.Helper()
	c := seedCounty(t, s, regionA)
	mc := &mergeCase{c: c}
	sur := c.measure("Sprachcafé Marl")
	sur.Capacity = 12
	ret := c.measure("Sprachcafe in Marl")
	ret.Capacity = 20
	ret.Description = "Treffpunkt zum Deutschüben, dienstags"
	ret.Programme = "KIM"
	mc.survivor = must[graph.Entity](t)(s.Create(ctx(), sur)).(*graph.Measure)
	mc.retired = must[graph.Entity](t)(s.Create(ctx(), ret)).(*graph.Measure)
	mc.third = must[graph.Entity](t)(s.Create(ctx(), c.measure("Elterncafé"))).(*graph.Measure)
	relate := func(typ graph.RelType, from, to string, p graph.RelProps) {
		t.Helper()
		must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: graph.RelationKey{Type: typ, From: from, To: to}, Props: p}))
	}
	sID, rID := mc.survivor.ID, mc.retired.ID
	relate(graph.Provides, c.orgs[0].ID, sID, graph.RelProps{Role: "lead"})
	relate(graph.Provides, c.orgs[0].ID, rID, graph.RelProps{Role: "partner"}) // clash: survivor's role wins
	relate(graph.Provides, c.orgs[1].ID, rID, graph.RelProps{Role: "partner"}) // moves
	relate(graph.OfferedIn, sID, c.munis[0].ID, graph.RelProps{})
	relate(graph.OfferedIn, rID, c.munis[0].ID, graph.RelProps{}) // collapses
	relate(graph.OfferedIn, rID, c.munis[1].ID, graph.RelProps{}) // moves
	relate(graph.InField, rID, c.fields[0].ID, graph.RelProps{})  // moves
	at := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	relate(graph.Reviewed, sID, rID, graph.RelProps{Verdict: "duplicate", By: "koordination", At: at})             // dropped
	relate(graph.Reviewed, rID, mc.third.ID, graph.RelProps{Verdict: "not_duplicate", By: "koordination", At: at}) // moves
	mc.survivorRels = storedRelations(t, s, sID)
	mc.retiredRels = storedRelations(t, s, rID)
	mc.retiredJSON = nodeJSON(t, s, graph.KindMeasure, rID)
	mc.survivorBeforeJSON = nodeJSON(t, s, graph.KindMeasure, sID)
	return mc
}

// storedRelations lists a node's stored relationships (the derived ones left out).
func storedRelations(t *testing.T, s graph.Store, id string) []graph.Relation {
	t.Helper()
	var out []graph.Relation
	for _, r := range must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: id})) {
		if ri, _ := r.Type.Info(); !ri.Derived {
			out = append(out, r)
		}
	}
	graph.SortRelations(out)
	return out
}

func nodeJSON(t *testing.T, s graph.Store, k graph.Kind, id string) []byte {
	t.Helper()
	b, err := json.Marshal(must[graph.Entity](t)(s.Get(ctx(), k, id)))
	ok(t, err)
	return b
}

func (mc *mergeCase) request() graph.MergeRequest {
	return graph.MergeRequest{Kind: graph.KindMeasure, Survivor: mc.survivor.ID, Retired: mc.retired.ID,
		SurvivorVersion: mc.survivor.Version, RetiredVersion: mc.retired.Version,
		Fields: map[string]string{"description": graph.TakeRetired, "programme": graph.TakeRetired, "title": graph.KeepSurvivor}}
}

func mrel(typ graph.RelType, from, to string, p graph.RelProps) graph.Relation {
	return graph.Relation{RelationKey: graph.RelationKey{Type: typ, From: from, To: to}.Canonical(), Props: p}
}

// testMerge: the survivor takes the chosen values and the retired entry's relationships, the
// retired id redirects, one audit entry records it; the undo brings back both entries and all
// relationships exactly, removes the redirect and is recorded once, too.
func testMerge(t *testing.T, f Factory) {
	s := open(t, f)
	mc := seedMerge(t, s)
	sID, rID := mc.survivor.ID, mc.retired.ID
	rev := must[uint64](t)(s.Revision(ctx()))

	rec := must[*graph.Merge](t)(s.Merge(ctxAs("koordination"), mc.request()))
	if !graph.IsMergeID(rec.ID) || rec.Survivor != sID || rec.Retired != rID || rec.By != "koordination" || rec.Undone || rec.Region != regionA {
		t.Fatalf("record = %+v", rec)
	}
	if diff := cmp.Diff([]string{"description", "programme"}, rec.Fields); diff != "" {
		t.Errorf("fields taken (-want +got):\n%s", diff)
	}
	got := must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, sID)).(*graph.Measure)
	if got.Title != mc.survivor.Title || got.Capacity != 12 || got.Description != mc.retired.Description || got.Programme != "KIM" {
		t.Errorf("survivor after merge = %+v", got)
	}
	if got.Version != mc.survivor.Version+1 {
		t.Errorf("survivor version = %d, want %d", got.Version, mc.survivor.Version+1)
	}
	c := mc.c
	at := mc.retiredRels[len(mc.retiredRels)-1].Props.At
	want := []graph.Relation{
		mrel(graph.InField, sID, c.fields[0].ID, graph.RelProps{}),
		mrel(graph.OfferedIn, sID, c.munis[0].ID, graph.RelProps{}),
		mrel(graph.OfferedIn, sID, c.munis[1].ID, graph.RelProps{}),
		mrel(graph.Provides, c.orgs[0].ID, sID, graph.RelProps{Role: "lead"}),
		mrel(graph.Provides, c.orgs[1].ID, sID, graph.RelProps{Role: "partner"}),
		mrel(graph.Reviewed, sID, mc.third.ID, graph.RelProps{Verdict: "not_duplicate", By: "koordination", At: at}),
	}
	graph.SortRelations(want)
	if diff := cmp.Diff(want, storedRelations(t, s, sID)); diff != "" {
		t.Errorf("survivor's relationships after merge (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(4, len(rec.Moved)); diff != "" {
		t.Errorf("moved relationships %v (-want +got):\n%s", rec.Moved, diff)
	}
	_, err := s.Get(ctx(), graph.KindMeasure, rID)
	wantCode(t, err, graph.ENOTFOUND)
	if to := must[string](t)(s.Redirect(ctx(), rID)); to != sID {
		t.Errorf("redirect of %s = %s, want %s", rID, to, sID)
	}
	_, err = s.Redirect(ctx(), sID)
	wantCode(t, err, graph.ENOTFOUND)
	if r2 := must[uint64](t)(s.Revision(ctx())); r2 == rev {
		t.Error("the merge left the revision as it was")
	}
	page := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: rID, Limit: 1}))
	if len(page.Items) != 1 || page.Items[0].Action != graph.ActionMerge || page.Items[0].Entity != sID || page.Items[0].User != "koordination" ||
		page.Items[0].Message == nil || page.Items[0].Message.Key != "audit.merge" {
		t.Errorf("newest audit entry of the retired entry = %+v", page.Items)
	}
	all := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 3}))
	if len(all.Items) < 2 || all.Items[1].Action == graph.ActionMerge || all.Items[1].Action == graph.ActionUnrelate || all.Items[1].Action == graph.ActionDelete {
		t.Errorf("the merge left more than one audit entry: %+v", all.Items)
	}
	stored := must[*graph.Merge](t)(s.MergeRecord(ctx(), rec.ID))
	if stored.Survivor != sID || stored.Undone || len(stored.Moved) != len(rec.Moved) {
		t.Errorf("stored record = %+v", stored)
	}

	undone := must[*graph.Merge](t)(s.UndoMerge(ctxAs("leitung"), rec.ID))
	if !undone.Undone || undone.UndoneBy != "leitung" || undone.UndoneAt == nil {
		t.Errorf("undone record = %+v", undone)
	}
	if diff := cmp.Diff(string(mc.retiredJSON), string(nodeJSON(t, s, graph.KindMeasure, rID))); diff != "" {
		t.Errorf("retired entry after undo (-before +after):\n%s", diff)
	}
	back := must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, sID)).(*graph.Measure)
	if !graph.SameContent(back, mc.survivor) {
		t.Errorf("survivor after undo = %+v, want the values of %+v", back, mc.survivor)
	}
	if back.Version != got.Version+1 || !back.CreatedAt.Equal(mc.survivor.CreatedAt) {
		t.Errorf("survivor after undo: version %d (want %d), created %v (want %v)", back.Version, got.Version+1, back.CreatedAt, mc.survivor.CreatedAt)
	}
	if diff := cmp.Diff(mc.survivorRels, storedRelations(t, s, sID)); diff != "" {
		t.Errorf("survivor's relationships after undo (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(mc.retiredRels, storedRelations(t, s, rID)); diff != "" {
		t.Errorf("retired entry's relationships after undo (-want +got):\n%s", diff)
	}
	_, err = s.Redirect(ctx(), rID)
	wantCode(t, err, graph.ENOTFOUND)
	page = must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: rID, Limit: 2}))
	if len(page.Items) != 2 || page.Items[0].Action != graph.ActionUnmerge || page.Items[1].Action != graph.ActionMerge {
		t.Errorf("audit of the retired entry = %+v", page.Items)
	}
	if !must[*graph.Merge](t)(s.MergeRecord(ctx(), rec.ID)).Undone {
		t.Error("the stored record is not marked undone")
	}
	_, err = s.UndoMerge(ctx(), rec.ID)
	wantCode(t, err, graph.ECONFLICT)
	_, err = s.UndoMerge(ctx(), graph.NewMergeID())
	wantCode(t, err, graph.ENOTFOUND)
}

// testMergeRefusals: stale versions and an edited survivor are conflicts, bad input names the
// field, and a refused merge or undo changes nothing.
func testMergeRefusals(t *testing.T, f Factory) {
	s := open(t, f)
	mc := seedMerge(t, s)
	sID, rID := mc.survivor.ID, mc.retired.ID
	rev := must[uint64](t)(s.Revision(ctx()))
	unchanged := func(t *testing.T) {
		t.Helper()
		if r := must[uint64](t)(s.Revision(ctx())); r != rev {
			t.Errorf("revision %d, want %d: a refused merge wrote something", r, rev)
		}
		if diff := cmp.Diff(string(mc.retiredJSON), string(nodeJSON(t, s, graph.KindMeasure, rID))); diff != "" {
			t.Errorf("retired entry changed (-before +after):\n%s", diff)
		}
		if diff := cmp.Diff(string(mc.survivorBeforeJSON), string(nodeJSON(t, s, graph.KindMeasure, sID))); diff != "" {
			t.Errorf("survivor changed (-before +after):\n%s", diff)
		}
		if diff := cmp.Diff(mc.retiredRels, storedRelations(t, s, rID)); diff != "" {
			t.Errorf("retired relationships changed (-before +after):\n%s", diff)
		}
	}

	stale := mc.request()
	stale.RetiredVersion++
	_, err := s.Merge(ctx(), stale)
	if ge := wantCode(t, err, graph.ECONFLICT); ge.Current != mc.retired.Version {
		t.Errorf("current version %d, want %d", ge.Current, mc.retired.Version)
	}
	unchanged(t)
	stale = mc.request()
	stale.SurvivorVersion = 7
	_, err = s.Merge(ctx(), stale)
	wantCode(t, err, graph.ECONFLICT)
	unchanged(t)

	bad := mc.request()
	bad.Kind = graph.KindRegion
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "kind")
	bad = mc.request()
	bad.Fields = map[string]string{"version": graph.TakeRetired, "title": "both"}
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "fields.version", "fields.title")
	bad = mc.request()
	bad.Retired = sID
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "retired")
	bad = mc.request()
	bad.Retired = mc.c.orgs[0].ID
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "retired")
	bad = mc.request()
	bad.Survivor, bad.SurvivorVersion = graph.NewID(graph.KindMeasure), 0
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "survivor_version")
	bad.SurvivorVersion = 1
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "survivor")
	// A combination of values that breaks a rule of the entry is refused naming the field.
	sur := must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, sID)).(*graph.Measure)
	ret := must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, rID)).(*graph.Measure)
	sur.Starts, sur.Ends = "2026-01-01", "2026-12-31"
	ret.Starts, ret.Ends = "2024-01-01", "2024-12-31"
	sur = must[graph.Entity](t)(s.Update(ctx(), sur, sur.Version)).(*graph.Measure)
	ret = must[graph.Entity](t)(s.Update(ctx(), ret, ret.Version)).(*graph.Measure)
	rev = must[uint64](t)(s.Revision(ctx()))
	mc.retiredJSON = nodeJSON(t, s, graph.KindMeasure, rID)
	mc.survivorBeforeJSON = nodeJSON(t, s, graph.KindMeasure, sID)
	bad = mc.request()
	bad.SurvivorVersion, bad.RetiredVersion = sur.Version, ret.Version
	bad.Fields = map[string]string{"ends": graph.TakeRetired}
	_, err = s.Merge(ctx(), bad)
	wantCode(t, err, graph.EINVALID)
	unchanged(t)

	other := seedCounty(t, s, regionB)
	far := must[graph.Entity](t)(s.Create(ctx(), other.measure("Sprachcafé"))).(*graph.Measure)
	bad = mc.request()
	bad.SurvivorVersion, bad.RetiredVersion = sur.Version, far.Version
	bad.Retired = far.ID
	_, err = s.Merge(ctx(), bad)
	wantFields(t, err, "retired")

	// Undo after the survivor was edited, or after its relationships changed: refused.
	req := mc.request()
	req.SurvivorVersion, req.RetiredVersion = sur.Version, ret.Version
	rec := must[*graph.Merge](t)(s.Merge(ctx(), req))
	merged := must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, sID)).(*graph.Measure)
	merged.Capacity = 99
	merged = must[graph.Entity](t)(s.Update(ctx(), merged, merged.Version)).(*graph.Measure)
	before := must[uint64](t)(s.Revision(ctx()))
	_, err = s.UndoMerge(ctx(), rec.ID)
	if ge := wantCode(t, err, graph.ECONFLICT); ge.Current != merged.Version {
		t.Errorf("current version %d, want %d", ge.Current, merged.Version)
	}
	if r := must[uint64](t)(s.Revision(ctx())); r != before {
		t.Error("a refused undo wrote something")
	}
	_, err = s.Get(ctx(), graph.KindMeasure, rID)
	wantCode(t, err, graph.ENOTFOUND)
	if to := must[string](t)(s.Redirect(ctx(), rID)); to != sID {
		t.Errorf("redirect after a refused undo = %q", to)
	}

	mc2 := &mergeCase{c: mc.c}
	a := must[graph.Entity](t)(s.Create(ctx(), mc.c.measure("Nähcafé"))).(*graph.Measure)
	b := must[graph.Entity](t)(s.Create(ctx(), mc.c.measure("Nähcafe"))).(*graph.Measure)
	mc2.survivor, mc2.retired = a, b
	rec2 := must[*graph.Merge](t)(s.Merge(ctx(), graph.MergeRequest{Kind: graph.KindMeasure, Survivor: a.ID, Retired: b.ID, SurvivorVersion: a.Version, RetiredVersion: b.Version}))
	must[graph.Relation](t)(s.Relate(ctx(), mrel(graph.OfferedIn, a.ID, mc.c.munis[2].ID, graph.RelProps{})))
	_, err = s.UndoMerge(ctx(), rec2.ID)
	wantCode(t, err, graph.ECONFLICT)
}

// testMergeReopen: records and redirects survive a restart, and the undo still works.
func testMergeReopen(t *testing.T, f Factory) {
	if f.Reopen == nil {
		t.Skip("the backend keeps no data across processes")
	}
	s := f.New(t)
	mc := seedMerge(t, s)
	rec := must[*graph.Merge](t)(s.Merge(ctx(), mc.request()))
	s = f.Reopen(t, s)
	t.Cleanup(func() { s.Close() })
	if to := must[string](t)(s.Redirect(ctx(), mc.retired.ID)); to != mc.survivor.ID {
		t.Errorf("redirect after reopening = %q", to)
	}
	must[*graph.Merge](t)(s.UndoMerge(ctx(), rec.ID))
	if diff := cmp.Diff(string(mc.retiredJSON), string(nodeJSON(t, s, graph.KindMeasure, mc.retired.ID))); diff != "" {
		t.Errorf("retired entry after undo (-before +after):\n%s", diff)
	}
	s = f.Reopen(t, s)
	if _, err := s.Redirect(ctx(), mc.retired.ID); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("redirect after undo and reopening: %v", err)
	}
}

// ctxAs is a context whose writes are made by user.
func ctxAs(user string) context.Context { return graph.WithUser(context.Background(), user) }
