package storetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// results is analysis output as a client might send it: indented, with characters that a
// JSON encoder would escape and numbers it would rewrite, so that any re-encoding shows.
var results = json.RawMessage("{\n  \"coverage\": {\"05562004\": [0.25, 1.0e2, -0]},\n" +
	"  \"gaps\": [{\"municipality\": \"Haltern am See\", \"note\": \"<keine> Angebote & Träger\"}],\n" +
	"  \"escaped\": \"\\u00e4\\/\",\n  \"empty\": {}\n}\n")

// snapshotOf returns an unsaved monitoring snapshot of region with the given label and data.
func snapshotOf(region, label string, taken time.Time, data string) *graph.MonitoringSnapshot {
	return &graph.MonitoringSnapshot{Region: region, Label: label, Taken: taken, Revision: 7, Data: json.RawMessage(data)}
}

// sameHead fails unless got has the fields of want (Data aside).
func sameHead(t *testing.T, got, want *graph.MonitoringSnapshot) {
	t.Helper()
	if got.ID != want.ID || got.Region != want.Region || got.Label != want.Label || !got.Taken.Equal(want.Taken) ||
		got.Taken.Location() != time.UTC || got.Revision != want.Revision || got.CreatedBy != want.CreatedBy {
		t.Fatalf("monitoring snapshot\n got %+v\nwant %+v", got.Head(), want.Head())
	}
}

// snapIDs lists the ids of snapshots in order.
func snapIDs(ms []*graph.MonitoringSnapshot) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return strings.Join(out, ",")
}

func testMonitoring(t *testing.T, f Factory) {
	s := open(t, f)
	seedCounty(t, s, regionA)
	seedCounty(t, s, regionB)
	rev := must[uint64](t)(s.Revision(ctx()))
	last := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1})).Items[0].Seq

	// Saving assigns an id, normalises Taken to UTC microseconds, names the author from the
	// context and keeps the results byte for byte.
	cet := time.FixedZone("CET", 3600)
	taken := time.Date(2026, 3, 1, 10, 0, 0, 123456789, cet)
	m := snapshotOf(regionA, "  Steuerungsgruppe März 2026 ", taken, string(results))
	ok(t, s.SaveMonitoringSnapshot(graph.WithUser(ctx(), "erika"), m))
	if !graph.IsMonitoringSnapshotID(m.ID) {
		t.Fatalf("saved snapshot has id %q", m.ID)
	}
	want := &graph.MonitoringSnapshot{ID: m.ID, Region: regionA, Label: "Steuerungsgruppe März 2026",
		Taken: time.Date(2026, 3, 1, 9, 0, 0, 123456000, time.UTC), Revision: 7, CreatedBy: "erika"}
	sameHead(t, m, want)
	got := must[*graph.MonitoringSnapshot](t)(s.MonitoringSnapshot(ctx(), m.ID))
	sameHead(t, got, want)
	if !bytes.Equal(got.Data, results) {
		t.Fatalf("data changed on the way:\n got %q\nwant %q", got.Data, results)
	}
	if r := must[uint64](t)(s.Revision(ctx())); r != rev {
		t.Fatalf("saving a monitoring snapshot moved the revision from %d to %d", rev, r)
	}

	// The save is in the audit log, without the results.
	audit := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: m.ID}))
	if len(audit.Items) != 1 {
		t.Fatalf("audit of the snapshot has %d entries, want 1", len(audit.Items))
	}
	e := audit.Items[0]
	if e.Seq != last+1 || e.Action != graph.ActionCreate || e.Kind != graph.AuditKindMonitoring || e.User != "erika" ||
		e.Region != regionA || e.Before != nil || e.Summary == "" || e.At.IsZero() {
		t.Fatalf("audit entry of the save %+v (previous seq %d)", e, last)
	}
	// Its sentence is kept as a catalogue key with arguments, for readers of any language.
	if e.Message == nil || e.Message.Key != "audit.snapshot.saved" || e.Message.Args["label"] != want.Label ||
		e.Message.Args["region"] != regionA || e.Message.Args["revision"] != "7" || fmt.Sprint(e.Message.Args["bytes"]) != fmt.Sprint(len(results)) {
		t.Fatalf("audit message of the save %+v", e.Message)
	}
	var after map[string]any
	ok(t, json.Unmarshal(e.After, &after))
	if after["id"] != m.ID || after["label"] != want.Label || after["data"] != nil {
		t.Fatalf("audit entry holds %s, want the snapshot without its data", e.After)
	}

	// A new label: the head changes, the results do not, and the audit log has both heads.
	relabelled := must[*graph.MonitoringSnapshot](t)(s.RelabelMonitoringSnapshot(graph.WithUser(ctx(), "erika"), m.ID, "  Steuerungsgruppe April 2026 "))
	if relabelled.Label != "Steuerungsgruppe April 2026" || relabelled.ID != m.ID || relabelled.Data != nil {
		t.Fatalf("relabelled head %+v", relabelled)
	}
	stored := must[*graph.MonitoringSnapshot](t)(s.MonitoringSnapshot(ctx(), m.ID))
	if stored.Label != "Steuerungsgruppe April 2026" || !bytes.Equal(stored.Data, results) || !stored.Taken.Equal(want.Taken) {
		t.Fatalf("after relabelling: %+v", stored.Head())
	}
	audit = must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: m.ID, Limit: 1}))
	if e := audit.Items[0]; e.Action != graph.ActionUpdate || e.User != "erika" || e.Before == nil || e.After == nil ||
		e.Message == nil || e.Message.Key != "audit.snapshot.relabelled" || e.Message.Args["from"] != want.Label || e.Message.Args["to"] != "Steuerungsgruppe April 2026" {
		t.Fatalf("audit entry of the relabelling %+v (message %+v)", e, e.Message)
	}
	if r := must[uint64](t)(s.Revision(ctx())); r != rev {
		t.Fatalf("relabelling moved the revision from %d to %d", rev, r)
	}
	_, err := s.RelabelMonitoringSnapshot(ctx(), "snp_01JZZZZZZZZZZZZZZZZZZZZZZZ", "x")
	wantCode(t, err, graph.ENOTFOUND)
	_, err = s.RelabelMonitoringSnapshot(ctx(), m.ID, strings.Repeat("x", graph.MaxName+1))
	wantFields(t, err, "label")
	must[*graph.MonitoringSnapshot](t)(s.RelabelMonitoringSnapshot(ctx(), m.ID, want.Label)) // back, for what follows

	// Explicit ids are kept, once.
	explicit := snapshotOf(regionB, "", time.Date(2026, 1, 15, 8, 0, 0, 0, time.UTC), `{"a":1}`)
	explicit.ID = graph.NewMonitoringSnapshotID()
	explicit.CreatedBy = "cli"
	ok(t, s.SaveMonitoringSnapshot(ctx(), explicit))
	if explicit.CreatedBy != "cli" || explicit.Label != "" {
		t.Fatalf("saved %+v, want the author and the empty label kept", explicit.Head())
	}
	again := snapshotOf(regionA, "noch einmal", taken, `{}`)
	again.ID = explicit.ID
	err = s.SaveMonitoringSnapshot(ctx(), again)
	if ge := wantCode(t, err, graph.ECONFLICT); len(ge.Fields) != 1 || ge.Fields[0].Field != "id" {
		t.Fatalf("duplicate id: %v, want a conflict naming id", err)
	}
	if got := must[*graph.MonitoringSnapshot](t)(s.MonitoringSnapshot(ctx(), explicit.ID)); got.Region != regionB || string(got.Data) != `{"a":1}` {
		t.Fatalf("a refused save changed the snapshot: %+v", got)
	}

	// A region that does not exist is ENOTFOUND naming the field; the snapshot is not kept
	// and the caller's value not touched.
	lost := snapshotOf("09999", "", taken, `{}`)
	err = s.SaveMonitoringSnapshot(ctx(), lost)
	if ge := wantCode(t, err, graph.ENOTFOUND); len(ge.Fields) != 1 || ge.Fields[0].Field != "region" {
		t.Fatalf("unknown region: %v, want not found naming region", err)
	}
	if lost.ID != "" || lost.CreatedBy != "" {
		t.Fatalf("a refused save changed its argument: %+v", lost.Head())
	}
	if _, err := s.MonitoringSnapshot(ctx(), graph.NewMonitoringSnapshotID()); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("unknown snapshot: %v", err)
	}
	if _, err := s.MonitoringSnapshot(ctx(), "nonsense"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("malformed snapshot id: %v", err)
	}

	// Lists: newest Taken first, equal times by id (newest first), without data, filtered
	// by region.
	later := snapshotOf(regionA, "später", time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC), `{"b":2}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), later))
	twin1 := snapshotOf(regionA, "gleichzeitig 1", time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC), `{"c":3}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), twin1))
	twin2 := snapshotOf(regionA, "gleichzeitig 2", twin1.Taken, `{"c":4}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), twin2))
	if twin2.ID <= twin1.ID {
		t.Fatalf("ids %s then %s do not sort by time", twin1.ID, twin2.ID)
	}
	all := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), ""))
	if got, want := snapIDs(all), snapIDs([]*graph.MonitoringSnapshot{later, twin2, twin1, m, explicit}); got != want {
		t.Fatalf("list of all\n got %s\nwant %s", got, want)
	}
	for _, h := range all {
		if h.Data != nil {
			t.Fatalf("list returned the data of %s", h.ID)
		}
	}
	sameHead(t, all[3], want)
	inA := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), regionA))
	if got, want := snapIDs(inA), snapIDs([]*graph.MonitoringSnapshot{later, twin2, twin1, m}); got != want {
		t.Fatalf("list of region A\n got %s\nwant %s", got, want)
	}
	inB := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), regionB))
	if len(inB) != 1 || inB[0].ID != explicit.ID {
		t.Fatalf("list of region B: %s", snapIDs(inB))
	}
	if none := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), "09999")); len(none) != 0 {
		t.Fatalf("list of a region without snapshots: %s", snapIDs(none))
	}
	_, err = s.ListMonitoringSnapshots(ctx(), "Recklinghausen")
	wantFields(t, err, "region")

	// Deleting: gone from get and list, recorded in the audit log, revision unchanged.
	ok(t, s.DeleteMonitoringSnapshot(graph.WithUser(ctx(), "max"), twin1.ID))
	if _, err := s.MonitoringSnapshot(ctx(), twin1.ID); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("deleted snapshot: %v", err)
	}
	wantCode(t, s.DeleteMonitoringSnapshot(ctx(), twin1.ID), graph.ENOTFOUND)
	wantCode(t, s.DeleteMonitoringSnapshot(ctx(), "nonsense"), graph.ENOTFOUND)
	inA = must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), regionA))
	if got, want := snapIDs(inA), snapIDs([]*graph.MonitoringSnapshot{later, twin2, m}); got != want {
		t.Fatalf("list after the delete\n got %s\nwant %s", got, want)
	}
	audit = must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Entity: twin1.ID}))
	if len(audit.Items) != 2 || audit.Items[0].Action != graph.ActionDelete || audit.Items[0].User != "max" ||
		audit.Items[0].Before == nil || audit.Items[0].After != nil || audit.Items[0].Kind != graph.AuditKindMonitoring {
		t.Fatalf("audit of the deleted snapshot: %+v", audit.Items)
	}
	if r := must[uint64](t)(s.Revision(ctx())); r != rev {
		t.Fatalf("monitoring snapshots moved the revision from %d to %d", rev, r)
	}
	// Graph writes still number their audit entries after the snapshots' ones.
	must[graph.Entity](t)(s.Create(ctx(), &graph.Goal{Text: "Danach", Region: regionA}))
	newest := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 2})).Items
	if newest[0].Seq != newest[1].Seq+1 || newest[1].Entity != twin1.ID {
		t.Fatalf("audit after the snapshots: %+v", newest)
	}
}

func testMonitoringValidation(t *testing.T, f Factory) {
	s := open(t, f)
	seedCounty(t, s, regionA)
	taken := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	bad := snapshotOf("1234", strings.Repeat("x", graph.MaxName+1), taken, `[1, 2]`)
	bad.ID = "snp_nonsense"
	bad.Revision = math.MaxUint64
	bad.CreatedBy = strings.Repeat("u", graph.MaxShort+1)
	wantFields(t, s.SaveMonitoringSnapshot(ctx(), bad), "id", "region", "label", "revision", "created_by", "data")
	big := `{"x":"` + strings.Repeat("a", graph.MaxMonitoringData) + `"}`
	for _, data := range []string{"", "  ", "null", `"text"`, "42", `{"a":`, `{"a":1} {"b":2}`, "{\"a\":\"\xff\"}", big} {
		err := s.SaveMonitoringSnapshot(ctx(), snapshotOf(regionA, "", taken, data))
		wantFields(t, err, "data")
	}
	wantFields(t, s.SaveMonitoringSnapshot(ctx(), snapshotOf(regionA, "", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), `{}`)), "taken")
	wantFields(t, s.SaveMonitoringSnapshot(ctx(), snapshotOf("", "", taken, `{}`)), "region")
	if n := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), "")); len(n) != 0 {
		t.Fatalf("refused snapshots were stored: %s", snapIDs(n))
	}
	// At the limits: a label of MaxName characters, results of exactly MaxMonitoringData
	// bytes with space around the object, and no Taken (the store's clock gives it).
	edge := `  {"x":"` + strings.Repeat("ä", (graph.MaxMonitoringData-12)/2) + `"}  `
	edge += strings.Repeat(" ", graph.MaxMonitoringData-len(edge))
	m := snapshotOf(regionA, strings.Repeat("ü", graph.MaxName), time.Time{}, edge)
	before := time.Now().Add(-time.Minute)
	ok(t, s.SaveMonitoringSnapshot(ctx(), m))
	got := must[*graph.MonitoringSnapshot](t)(s.MonitoringSnapshot(ctx(), m.ID))
	if len(got.Data) != graph.MaxMonitoringData || !bytes.Equal(got.Data, []byte(edge)) {
		t.Fatalf("results of %d bytes came back as %d bytes", len(edge), len(got.Data))
	}
	if got.Taken.Before(before) || got.Taken.After(time.Now().Add(time.Minute)) || got.CreatedBy != "storetest" {
		t.Fatalf("defaults: taken %v, created by %q", got.Taken, got.CreatedBy)
	}
}

// testMonitoringRegionDelete: a region keeps its snapshots; it can be deleted only once they
// are gone.
func testMonitoringRegionDelete(t *testing.T, f Factory) {
	s := open(t, f)
	r := must[graph.Entity](t)(s.Create(ctx(), &graph.Region{Meta: graph.Meta{ID: "09993"}, Name: "Leerkreis", Kind: "county"}))
	m := snapshotOf(r.Base().ID, "", time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC), `{"gaps":[]}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), m))
	err := s.Delete(ctx(), graph.KindRegion, r.Base().ID, 0)
	wantCode(t, err, graph.ECONFLICT)
	if !strings.Contains(err.Error(), "monitoring") {
		t.Errorf("the refusal does not say why: %v", err)
	}
	// In a batch, too.
	_, err = s.Apply(ctx(), &graph.Batch{Ops: []graph.Op{{Action: graph.OpDelete, Kind: graph.KindRegion, ID: r.Base().ID}}})
	wantCode(t, err, graph.ECONFLICT)
	ok(t, s.DeleteMonitoringSnapshot(ctx(), m.ID))
	ok(t, s.Delete(ctx(), graph.KindRegion, r.Base().ID, 0))
	err = s.SaveMonitoringSnapshot(ctx(), snapshotOf(r.Base().ID, "", m.Taken, `{}`))
	wantCode(t, err, graph.ENOTFOUND)
}

// testMonitoringConcurrent saves and deletes snapshots from many goroutines while graph
// writes go on: every save lands once, every delete takes exactly its snapshot, and the
// audit log has one entry per save and delete.
func testMonitoringConcurrent(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	seedCounty(t, s, regionB)
	// Some snapshots to delete while others are saved.
	var doomed []string
	for i := 0; i < 8; i++ {
		m := snapshotOf(regionB, fmt.Sprintf("alt %d", i), time.Date(2025, 1, 1, i, 0, 0, 0, time.UTC), `{"old":true}`)
		ok(t, s.SaveMonitoringSnapshot(ctx(), m))
		doomed = append(doomed, m.ID)
	}
	const workers, each = 8, 6
	var wg sync.WaitGroup
	saved := make(chan *graph.MonitoringSnapshot, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				region := []string{regionA, regionB}[(w+i)%2]
				m := snapshotOf(region, fmt.Sprintf("Lauf %d.%d", w, i), time.Date(2026, 1, 1+w, i, 0, 0, 0, time.UTC),
					fmt.Sprintf(`{"worker": %d, "run": %d}`, w, i))
				if err := s.SaveMonitoringSnapshot(ctx(), m); err != nil {
					t.Error(err)
					return
				}
				saved <- m
			}
			if err := s.DeleteMonitoringSnapshot(ctx(), doomed[w]); err != nil {
				t.Error(err)
			}
		}(w)
	}
	// Graph writes meanwhile share the committer, the Meta lock and the audit sequence.
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				if _, err := s.Create(ctx(), c.measure("Nebenher")); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(saved)
	if t.Failed() {
		return
	}
	n := 0
	for m := range saved {
		n++
		got := must[*graph.MonitoringSnapshot](t)(s.MonitoringSnapshot(ctx(), m.ID))
		sameHead(t, got, m)
		if !bytes.Equal(got.Data, m.Data) {
			t.Fatalf("snapshot %s holds %s, want %s", m.ID, got.Data, m.Data)
		}
	}
	all := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), ""))
	if n != workers*each || len(all) != n {
		t.Fatalf("%d snapshots saved, %d listed, want %d", n, len(all), workers*each)
	}
	seen := map[string]bool{}
	for _, m := range all {
		if seen[m.ID] {
			t.Fatalf("snapshot %s listed twice", m.ID)
		}
		seen[m.ID] = true
	}
	for _, id := range doomed {
		if seen[id] {
			t.Fatalf("deleted snapshot %s is still listed", id)
		}
	}
	// Audit sequence numbers stay unique and dense across snapshots and graph writes.
	var entries, monitoring int
	prev := uint64(0)
	q := graph.AuditQuery{Limit: graph.MaxLimit}
	for {
		p := must[graph.AuditPage](t)(s.Audit(ctx(), q))
		for _, e := range p.Items {
			if prev != 0 && e.Seq != prev-1 {
				t.Fatalf("audit seq %d follows %d", e.Seq, prev)
			}
			prev = e.Seq
			entries++
			if e.Kind == graph.AuditKindMonitoring {
				monitoring++
			}
		}
		if p.NextCursor == "" {
			break
		}
		q.Cursor = p.NextCursor
	}
	if want := len(doomed)*2 + workers*each; monitoring != want {
		t.Fatalf("%d audit entries about monitoring snapshots, want %d", monitoring, want)
	}
	if prev != 1 {
		t.Fatalf("the oldest audit entry has seq %d, want 1 (%d entries)", prev, entries)
	}
}

// testMonitoringReopen: snapshots, their results and deletions survive a restart.
func testMonitoringReopen(t *testing.T, f Factory) {
	if f.Reopen == nil {
		t.Skip("the backend keeps no data across processes")
	}
	s := f.New(t)
	seedCounty(t, s, regionA)
	kept := snapshotOf(regionA, "bleibt", time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC), string(results))
	ok(t, s.SaveMonitoringSnapshot(ctx(), kept))
	large := snapshotOf(regionA, "groß", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		`{"cells":[`+strings.Repeat(`{"gap":true,"density":0.125},`, 40000)+`{}]}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), large))
	gone := snapshotOf(regionA, "weg", time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), `{}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), gone))
	ok(t, s.DeleteMonitoringSnapshot(ctx(), gone.ID))
	rev := must[uint64](t)(s.Revision(ctx()))
	seq := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1})).Items[0].Seq

	s = f.Reopen(t, s)
	t.Cleanup(func() { s.Close() })
	list := must[[]*graph.MonitoringSnapshot](t)(s.ListMonitoringSnapshots(ctx(), regionA))
	if got, want := snapIDs(list), snapIDs([]*graph.MonitoringSnapshot{large, kept}); got != want {
		t.Fatalf("after reopen\n got %s\nwant %s", got, want)
	}
	for _, m := range []*graph.MonitoringSnapshot{kept, large} {
		got := must[*graph.MonitoringSnapshot](t)(s.MonitoringSnapshot(ctx(), m.ID))
		sameHead(t, got, m)
		if !bytes.Equal(got.Data, m.Data) {
			t.Fatalf("results of %s differ after reopen", m.ID)
		}
	}
	if _, err := s.MonitoringSnapshot(ctx(), gone.ID); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("deleted snapshot after reopen: %v", err)
	}
	if r := must[uint64](t)(s.Revision(ctx())); r != rev {
		t.Fatalf("revision after reopen %d, want %d", r, rev)
	}
	// The audit sequence continues after the snapshots' entries.
	next := snapshotOf(regionA, "danach", time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC), `{}`)
	ok(t, s.SaveMonitoringSnapshot(ctx(), next))
	if e := must[graph.AuditPage](t)(s.Audit(ctx(), graph.AuditQuery{Limit: 1})).Items[0]; e.Seq != seq+1 || e.Entity != next.ID {
		t.Fatalf("audit after reopen: seq %d about %s, want %d about %s", e.Seq, e.Entity, seq+1, next.ID)
	}
	// A region with snapshots is still protected after a restart.
	wantCode(t, s.Delete(ctx(), graph.KindRegion, regionA, 0), graph.ECONFLICT)
}
