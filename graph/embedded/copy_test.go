package embedded_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// TestCopy moves the demo from one store into a new one: every node with its version and
// timestamps, every relationship, user and monitoring snapshot arrives, and the counts are
// verified.
func TestCopy(t *testing.T) {
	ctx := context.Background()
	open := func() *embedded.Store {
		s, err := embedded.Open(t.TempDir(), embedded.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	src, dst := open(), open()
	if _, err := demo.Seed(ctx, src, demo.Demo(), nil); err != nil {
		t.Fatal(err)
	}
	// A node with a later version, so that versions are seen to travel.
	m := demo.Demo().Nodes[len(demo.Demo().Nodes)-1]
	cur, err := src.Get(ctx, m.EntityKind(), m.Base().ID)
	if err != nil {
		t.Fatal(err)
	}
	cur.Base().Visibility = graph.Internal
	if _, err := src.Update(ctx, cur, cur.Base().Version); err != nil {
		t.Fatal(err)
	}
	if _, err := src.CreateUser(ctx, &graph.User{Username: "erika", PasswordHash: "h", Roles: map[string]graph.Role{"05562": graph.RoleCoordinator}}); err != nil {
		t.Fatal(err)
	}
	// Monitoring snapshots travel with their ids, dates, authors and results as they are.
	var runs []*graph.MonitoringSnapshot
	for i, label := range []string{"Steuerungsgruppe März 2026", ""} {
		m := &graph.MonitoringSnapshot{Region: "05562", Label: label, Taken: time.Date(2026, 3, 1+i, 10, 0, 0, 0, time.UTC),
			Revision: uint64(40 + i), CreatedBy: "erika", Data: json.RawMessage(fmt.Sprintf("{ \"run\": %d,\n \"note\": \"<Lücke>\" }", i))}
		if err := src.SaveMonitoringSnapshot(ctx, m); err != nil {
			t.Fatal(err)
		}
		runs = append(runs, m)
	}
	var calls int
	rep, err := graph.Copy(ctx, src, dst, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || rep.Nodes[graph.KindMunicipality] != 144 || rep.Users != 1 || rep.Relations[graph.OfferedIn] == 0 || rep.MonitoringSnapshots != 2 {
		t.Fatalf("report %+v after %d progress calls", rep, calls)
	}
	for _, m := range runs {
		got, err := dst.MonitoringSnapshot(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(m, got); diff != "" {
			t.Fatalf("copied monitoring snapshot (-want +got):\n%s", diff)
		}
	}
	a, _ := src.Snapshot(ctx, "")
	b, _ := dst.Snapshot(ctx, "")
	a.Taken, a.Revision, b.Revision = b.Taken, 0, 0
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatal("the copy differs from the source")
	}
	got, err := dst.Get(ctx, m.EntityKind(), m.Base().ID)
	if err != nil || got.Base().Version != 2 || got.Base().Visibility != graph.Internal {
		t.Fatalf("copied node %+v, %v: want version 2, internal", got.Base(), err)
	}
	if u, err := dst.GetUser(ctx, "erika"); err != nil || u.Roles["05562"] != graph.RoleCoordinator {
		t.Fatalf("copied user %+v %v", u, err)
	}
	// Copying into a store that holds data is refused.
	if _, err := graph.Copy(ctx, src, dst, nil); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Fatalf("copy into a non-empty store: %v", err)
	}
}
