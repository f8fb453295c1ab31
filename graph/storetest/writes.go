package storetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func testAudit(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	m := must[graph.Entity](t)(s.Create(graph.WithUser(ctx(), "erika"), c.measure("Sprachkurs"))).(*graph.Measure)
	m2 := m.Clone().(*graph.Measure)
	m2.Capacity = 12
	must[graph.Entity](t)(s.Update(graph.WithUser(ctx(), "max"), m2, 1))
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.OfferedIn, m.ID, c.munis[0].ID)))
	ok(t, s.Delete(graph.WithUser(ctx(), "erika"), graph.KindMeasure, m.ID, 0))

	page := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: m.ID}))
	var actions []string
	for _, e := range page.Items {
		actions = append(actions, e.Action)
	}
	// Newest first: the delete, the relationship removed with it, the relationship, the update, the create.
	want := []string{"delete", "unrelate", "relate", "update", "create"}
	if strings.Join(actions, ",") != strings.Join(want, ",") {
		t.Fatalf("audit of measure = %v, want %v", actions, want)
	}
	upd := page.Items[3]
	if upd.User != "max" || upd.Kind != "measure" || upd.Region != regionA || upd.At.IsZero() {
		t.Fatalf("update entry = %+v", upd)
	}
	var before, after graph.Measure
	ok(t, json.Unmarshal(upd.Before, &before))
	ok(t, json.Unmarshal(upd.After, &after))
	if before.Capacity != 0 || after.Capacity != 12 || after.Version != 2 {
		t.Fatalf("update entry before/after = %d/%d v%d", before.Capacity, after.Capacity, after.Version)
	}
	if page.Items[0].After != nil || page.Items[0].Before == nil || page.Items[4].Before != nil || page.Items[4].After == nil {
		t.Fatal("create has no after or delete no before")
	}
	if page.Items[0].User != "erika" {
		t.Fatalf("delete attributed to %q", page.Items[0].User)
	}
	// The relationship's entries are found from its other end, too.
	mun := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: c.munis[0].ID}))
	var found int
	for _, e := range mun.Items {
		if e.Entity == m.ID && e.Related == c.munis[0].ID {
			found++
		}
	}
	if found != 2 {
		t.Fatalf("municipality audit shows %d entries of the relationship, want 2", found)
	}
	// Paging: newest first, no entry twice, sequence numbers falling.
	var last uint64 = 1 << 62
	q := graph.AuditQuery{Limit: 3}
	n := 0
	for {
		p := must[graph.AuditPage](t)(s.Audit(ctx(), q))
		for _, e := range p.Items {
			if e.Seq >= last {
				t.Fatalf("audit seq %d after %d", e.Seq, last)
			}
			last = e.Seq
			n++
		}
		if p.NextCursor == "" {
			break
		}
		q.Cursor = p.NextCursor
	}
	if n < 15 {
		t.Fatalf("walked %d audit entries, want all (at least 15)", n)
	}
	if p := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Region: "09992"})); len(p.Items) != 0 {
		t.Fatalf("audit of an empty region has %d entries", len(p.Items))
	}
}

func testAuditRedaction(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	a := must[graph.Entity](t)(s.Create(ctx(), &graph.Actor{Name: "Erika Mustermann", Region: regionA, Email: "erika@example.org", Phone: "02361 98765"})).(*graph.Actor)
	a2 := a.Clone().(*graph.Actor)
	a2.Phone = "02361 11111"
	must[graph.Entity](t)(s.Update(ctx(), a2, 1))
	must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: rel(graph.WorksFor, a.ID, c.orgs[0].ID).RelationKey, Props: graph.RelProps{Role: "Beratung"}}))
	ok(t, s.Delete(ctx(), graph.KindActor, a.ID, 0))

	page := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: a.ID}))
	if len(page.Items) != 5 {
		t.Fatalf("actor audit has %d entries, want 5 (create, update, relate, unrelate, delete)", len(page.Items))
	}
	for _, e := range page.Items {
		raw, _ := json.Marshal(e)
		for _, secret := range []string{"Erika", "erika@example.org", "98765", "11111"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("audit entry %d (%s) still holds %q", e.Seq, e.Action, secret)
			}
		}
		if e.Kind == "actor" && !e.Redacted {
			t.Errorf("actor entry %d (%s) is not marked redacted", e.Seq, e.Action)
		}
	}
}

func testBatch(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	rev := must[uint64](t)(s.Revision(ctx()))
	id := graph.NewID(graph.KindMeasure)
	good := c.measure("Integrationskurs")
	good.ID = id
	bad := c.measure("")
	ops := []graph.Op{
		{Action: graph.OpCreate, Entity: good},
		{Action: graph.OpRelate, Relation: rel(graph.OfferedIn, id, c.munis[0].ID)},
		{Action: graph.OpCreate, Entity: bad},
		{Action: graph.OpRelate, Relation: rel(graph.OfferedIn, id, "09991999")},
	}
	_, err := s.Apply(ctx(), &graph.Batch{Ops: ops})
	wantFields(t, err, "ops[2].title", "ops[3].to")
	if _, err := s.Get(ctx(), graph.KindMeasure, id); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("a failed batch left its first operation behind: %v", err)
	}
	if got := must[uint64](t)(s.Revision(ctx())); got != rev {
		t.Fatal("a failed batch changed the revision")
	}

	// A dry run reports what would happen and writes nothing.
	ops = ops[:2]
	res := must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: ops, DryRun: true}))
	if res.Created != 1 || res.Related != 1 {
		t.Fatalf("dry run result %+v", res)
	}
	if _, err := s.Get(ctx(), graph.KindMeasure, id); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatal("a dry run wrote")
	}
	res = must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: ops}))
	if res.Created != 1 || res.Related != 1 || len(res.IDs) != 2 || res.IDs[0] != id {
		t.Fatalf("batch result %+v", res)
	}

	// A batch with a summary is one audit entry: the English text, the message as a
	// catalogue key with its arguments, and the counts.
	sm := c.measure("Sprachpaten")
	must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: []graph.Op{{Action: graph.OpCreate, Entity: sm}},
		Summary: "import of paten.csv (1 rows)", Message: &graph.Message{Key: "audit.import", Args: map[string]any{"files": "paten.csv", "rows": 1}}}))
	page := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1}))
	if len(page.Items) != 1 {
		t.Fatal("no audit entry for the summarised batch")
	}
	e := page.Items[0]
	if e.Action != graph.ActionBatch || e.Summary != "import of paten.csv (1 rows): 1 created, 0 updated, 0 deleted, 0 relationships set, 0 removed" ||
		e.Message == nil || e.Message.Key != "audit.import" || e.Message.Args["files"] != "paten.csv" || fmt.Sprint(e.Message.Args["rows"]) != "1" ||
		e.Counts == nil || *e.Counts != (graph.BatchCounts{Created: 1}) {
		t.Fatalf("audit entry of a summarised batch %+v (message %+v, counts %+v)", e, e.Message, e.Counts)
	}

	// Upserts: applying the same data twice changes nothing the second time.
	up := func() []graph.Op {
		m := c.measure("Sprachcafé")
		m.ID = id
		n := &graph.Network{Meta: graph.Meta{ID: "net_01JBZZZZZZZZZZZZZZZZZZZZZZ"}, Name: "AK Sprache", Region: regionA, Kind: "working_group", Level: "county"}
		return []graph.Op{{Action: graph.OpUpsert, Entity: m}, {Action: graph.OpUpsert, Entity: n},
			{Action: graph.OpRelate, Relation: rel(graph.WorksOn, n.ID, c.fields[0].ID)}}
	}
	res = must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: up()}))
	if res.Updated != 1 || res.Created != 1 || res.Related != 1 {
		t.Fatalf("first upsert %+v, want 1 updated, 1 created, 1 related", res)
	}
	rev = must[uint64](t)(s.Revision(ctx()))
	res = must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: up()}))
	if res.Unchanged != 3 || res.Created+res.Updated+res.Related != 0 {
		t.Fatalf("second upsert %+v, want 3 unchanged", res)
	}
	if got := must[uint64](t)(s.Revision(ctx())); got != rev {
		t.Fatal("an upsert without changes changed the revision")
	}
	got := must[*graph.Measure](t)(graph.GetAs[*graph.Measure](ctx(), s, id))
	if got.Title != "Sprachcafé" || got.Version != 2 {
		t.Fatalf("upserted measure %q v%d", got.Title, got.Version)
	}

	// Restore keeps version and timestamps as given (migration, lossless import).
	r := got.Clone().(*graph.Measure)
	r.ID = graph.NewID(graph.KindMeasure)
	r.Version = 7
	must[graph.BatchResult](t)(s.Apply(ctx(), &graph.Batch{Ops: []graph.Op{{Action: graph.OpRestore, Entity: r}}}))
	back := must[*graph.Measure](t)(graph.GetAs[*graph.Measure](ctx(), s, r.ID))
	if back.Version != 7 || !back.CreatedAt.Equal(got.CreatedAt) || !back.UpdatedAt.Equal(got.UpdatedAt) {
		t.Fatalf("restored meta %+v, want version 7 and the original timestamps", back.Meta)
	}

	// Later operations see earlier ones: an update after a delete in the same batch finds
	// nothing, and the failure undoes the delete.
	_, err = s.Apply(ctx(), &graph.Batch{Ops: []graph.Op{
		{Action: graph.OpDelete, Kind: graph.KindMeasure, ID: r.ID},
		{Action: graph.OpUpdate, Entity: r, Version: 7},
	}})
	ge := wantCode(t, err, graph.ENOTFOUND)
	if len(ge.Fields) != 1 || ge.Fields[0].Field != "ops[1]" {
		t.Fatalf("batch error fields %+v, want ops[1]", ge.Fields)
	}
	must[*graph.Measure](t)(graph.GetAs[*graph.Measure](ctx(), s, r.ID))
}

func testRevision(t *testing.T, f Factory) {
	s := open(t, f)
	r0 := must[uint64](t)(s.Revision(ctx()))
	c := seedCounty(t, s, regionA)
	r1 := must[uint64](t)(s.Revision(ctx()))
	if r1 == r0 {
		t.Fatal("writes did not change the revision")
	}
	o := c.orgs[0]
	must[graph.Entity](t)(s.Update(ctx(), o, o.Version)) // same content: no write
	if must[uint64](t)(s.Revision(ctx())) != r1 {
		t.Fatal("an update without changes changed the revision")
	}
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.ActiveIn, o.ID, c.munis[0].ID)))
	r2 := must[uint64](t)(s.Revision(ctx()))
	if r2 == r1 {
		t.Fatal("a relationship did not change the revision")
	}
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.ActiveIn, o.ID, c.munis[0].ID))) // again: no change
	if must[uint64](t)(s.Revision(ctx())) != r2 {
		t.Fatal("relating again changed the revision")
	}
}

// testParallelWriters lets many goroutines increment one measure's capacity with
// read-modify-write and retry on conflicts: no increment may be lost.
func testParallelWriters(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	m := must[graph.Entity](t)(s.Create(ctx(), c.measure("Zähler"))).(*graph.Measure)
	const writers, each = 8, 25
	var wg sync.WaitGroup
	var mu sync.Mutex
	conflicts := 0
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				for {
					cur, err := graph.GetAs[*graph.Measure](ctx(), s, m.ID)
					if err != nil {
						t.Error(err)
						return
					}
					cur.Capacity++
					_, err = s.Update(ctx(), cur, cur.Version)
					if err == nil {
						break
					}
					var ge *graph.Error
					if !errors.As(err, &ge) || ge.Code != graph.ECONFLICT {
						t.Error(err)
						return
					}
					mu.Lock()
					conflicts++
					mu.Unlock()
				}
			}
		}()
	}
	// Meanwhile, independent creates in parallel must all land.
	created := make(chan string, 100)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				e, err := s.Create(ctx(), c.measure("Parallel"))
				if err != nil {
					t.Error(err)
					return
				}
				created <- e.Base().ID
			}
		}()
	}
	wg.Wait()
	close(created)
	got := must[*graph.Measure](t)(graph.GetAs[*graph.Measure](ctx(), s, m.ID))
	if got.Capacity != writers*each || got.Version != writers*each+1 {
		t.Fatalf("capacity %d at version %d, want %d at %d (%d conflicts retried)", got.Capacity, got.Version, writers*each, writers*each+1, conflicts)
	}
	for id := range created {
		must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, id))
	}
	t.Logf("%d conflicts retried", conflicts)
}

// testConcurrentMixedBatches runs valid and invalid batches at the same time: a failing batch
// takes nothing of the others with it, and leaves nothing of its own behind.
func testConcurrentMixedBatches(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var good, bad []string
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				id := graph.NewID(graph.KindMeasure)
				m := c.measure("Gemischt")
				m.ID = id
				ops := []graph.Op{{Action: graph.OpCreate, Entity: m}, {Action: graph.OpRelate, Relation: rel(graph.OfferedIn, id, c.munis[i%3].ID)}}
				fail := (w+i)%3 == 0
				if fail {
					ops = append(ops, graph.Op{Action: graph.OpRelate, Relation: rel(graph.InField, id, "fld_01JBZZZZZZZZZZZZZZZZZZZZZZ")})
				}
				_, err := s.Apply(ctx(), &graph.Batch{Ops: ops})
				mu.Lock()
				switch {
				case fail && err == nil:
					t.Errorf("batch with a missing field was accepted")
				case !fail && err != nil:
					t.Errorf("valid batch failed: %v", err)
				case fail:
					bad = append(bad, id)
				default:
					good = append(good, id)
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	for _, id := range good {
		if rs := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: id})); len(rs) != 1 {
			t.Fatalf("valid batch's measure %s has %d relationships, want 1", id, len(rs))
		}
	}
	for _, id := range bad {
		if _, err := s.Get(ctx(), graph.KindMeasure, id); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Fatalf("failed batch left measure %s behind", id)
		}
	}
	if n := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure})).Total; n != len(good) {
		t.Fatalf("%d measures stored, want %d", n, len(good))
	}
}

func testUsers(t *testing.T, f Factory) {
	s := open(t, f)
	u := must[*graph.User](t)(s.CreateUser(ctx(), &graph.User{Username: " Erika ", PasswordHash: "$argon2id$x", Roles: map[string]graph.Role{regionA: graph.RoleCoordinator}}))
	if u.Username != "erika" || u.Version != 1 {
		t.Fatalf("created user %+v", u)
	}
	_, err := s.CreateUser(ctx(), &graph.User{Username: "erika", PasswordHash: "x"})
	wantCode(t, err, graph.ECONFLICT)
	_, err = s.CreateUser(ctx(), &graph.User{Username: "a b", Roles: map[string]graph.Role{"1": "boss"}})
	wantFields(t, err, "username", "password", "roles[1]")
	got := must[*graph.User](t)(s.GetUser(ctx(), "erika"))
	if got.Roles[regionA] != graph.RoleCoordinator || got.PasswordHash != "$argon2id$x" {
		t.Fatalf("got user %+v", got)
	}
	got.Admin = true
	must[*graph.User](t)(s.UpdateUser(ctx(), got, 1))
	_, err = s.UpdateUser(ctx(), got, 1)
	wantCode(t, err, graph.ECONFLICT)
	must[*graph.User](t)(s.CreateUser(ctx(), &graph.User{Username: "anton", PasswordHash: "y"}))
	list := must[[]*graph.User](t)(s.ListUsers(ctx()))
	if len(list) != 2 || list[0].Username != "anton" || !list[1].Admin {
		t.Fatalf("users = %+v", list)
	}
	ok(t, s.DeleteUser(ctx(), "anton"))
	wantCode(t, s.DeleteUser(ctx(), "anton"), graph.ENOTFOUND)
	_, err = s.GetUser(ctx(), "anton")
	wantCode(t, err, graph.ENOTFOUND)

	// Tokens: stored by the hash of their secret, listed newest first, revoked by id, and
	// gone with their user.
	now := time.Now().UTC().Truncate(time.Microsecond)
	tok := func(user, name string, n byte) *graph.Token {
		return &graph.Token{ID: graph.NewTokenID(), Hash: strings.Repeat(string("0123456789abcdef"[n%16]), 64), Username: user, Name: name,
			CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	}
	a, b := tok("erika", "browser session", 1), tok("erika", "Import-Skript", 2)
	a.Session = true
	ok(t, s.CreateToken(ctx(), a))
	ok(t, s.CreateToken(ctx(), b))
	got2 := must[*graph.Token](t)(s.TokenByHash(ctx(), a.Hash))
	if got2.ID != a.ID || got2.Username != "erika" || !got2.Session || !got2.ExpiresAt.Equal(a.ExpiresAt) {
		t.Fatalf("token by hash %+v, want %+v", got2, a)
	}
	_, err = s.TokenByHash(ctx(), strings.Repeat("f", 64))
	wantCode(t, err, graph.ENOTFOUND)
	list2 := must[[]*graph.Token](t)(s.ListTokens(ctx(), "erika"))
	if len(list2) != 2 || list2[0].ID != b.ID {
		t.Fatalf("tokens %+v, want 2, newest first", list2)
	}
	wantCode(t, s.CreateToken(ctx(), tok("nobody", "x", 3)), graph.ENOTFOUND)
	bad := tok("erika", "", 4)
	bad.Hash = "xyz"
	wantFields(t, s.CreateToken(ctx(), bad), "hash", "name")
	ok(t, s.DeleteToken(ctx(), b.ID))
	wantCode(t, s.DeleteToken(ctx(), b.ID), graph.ENOTFOUND)
	ok(t, s.DeleteUser(ctx(), "erika"))
	_, err = s.TokenByHash(ctx(), a.Hash)
	wantCode(t, err, graph.ENOTFOUND)
}

func testReopen(t *testing.T, f Factory) {
	if f.Reopen == nil {
		t.Skip("the backend keeps no data across processes")
	}
	s := f.New(t)
	c := seedCounty(t, s, regionA)
	m := must[graph.Entity](t)(s.Create(ctx(), c.measure("Dauerhaft")))
	must[graph.Relation](t)(s.Relate(ctx(), graph.Relation{RelationKey: rel(graph.MemberOf, c.orgs[0].ID, c.net.ID).RelationKey, Props: graph.RelProps{Role: "Vorsitz", Since: "2020-01-01"}}))
	must[*graph.User](t)(s.CreateUser(ctx(), &graph.User{Username: "erika", PasswordHash: "h"}))
	rev := must[uint64](t)(s.Revision(ctx()))
	before := must[*graph.Snapshot](t)(s.Snapshot(ctx(), ""))
	audit := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1}))

	s = f.Reopen(t, s)
	t.Cleanup(func() { s.Close() })
	if got := must[uint64](t)(s.Revision(ctx())); got != rev {
		t.Fatalf("revision after reopen %d, want %d", got, rev)
	}
	after := must[*graph.Snapshot](t)(s.Snapshot(ctx(), ""))
	b1, _ := json.Marshal(stripTaken(before))
	b2, _ := json.Marshal(stripTaken(after))
	if !bytes.Equal(b1, b2) {
		t.Fatalf("data differs after reopen:\nbefore %s\nafter  %s", b1, b2)
	}
	must[graph.Entity](t)(s.Get(ctx(), graph.KindMeasure, m.Base().ID))
	must[*graph.User](t)(s.GetUser(ctx(), "erika"))
	if got := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1})); got.Items[0].Seq != audit.Items[0].Seq {
		t.Fatal("audit differs after reopen")
	}
	// Writing continues where it stopped.
	must[graph.Entity](t)(s.Create(ctx(), c.measure("Danach")))
	if got := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1})); got.Items[0].Seq != audit.Items[0].Seq+1 {
		t.Fatalf("audit sequence after reopen %d, want %d", got.Items[0].Seq, audit.Items[0].Seq+1)
	}
	rs := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: c.net.ID}))
	if len(rs) != 1 || rs[0].Props.Role != "Vorsitz" || rs[0].Props.Since != "2020-01-01" {
		t.Fatalf("membership after reopen %+v", rs)
	}
	if res := must[graph.SearchResult](t)(s.Search(ctx(), graph.SearchQuery{Text: "dauerhaft"})); res.Total != 1 {
		t.Fatalf("search after reopen finds %d", res.Total)
	}
}

func stripTaken(s *graph.Snapshot) *graph.Snapshot {
	c := *s
	c.Taken = c.Taken.AddDate(-100, 0, 0).Truncate(1 << 62)
	return &c
}
