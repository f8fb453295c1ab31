package exchange_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

var ctx = context.Background()

func openStore(t testing.TB) graph.Store {
	t.Helper()
	s, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// demoStore returns a store seeded with the demo and its snapshot of all regions.
func demoStore(t testing.TB) (graph.Store, *graph.Snapshot) {
	t.Helper()
	s := openStore(t)
	if _, err := demo.Seed(ctx, s, demo.Demo(), nil); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	return s, snap
}

// directoryKinds are what the templates carry; the rest is reference data.
var directoryKinds = []graph.Kind{graph.KindOrganisation, graph.KindActor, graph.KindNetwork, graph.KindMeasure,
	graph.KindConcept, graph.KindGuideline, graph.KindGoal, graph.KindIndicator}

// referenceStore returns a store holding the demo's reference data only: regions,
// municipalities without their figures, fields and target groups.
func referenceStore(t testing.TB, src *graph.Snapshot) graph.Store {
	t.Helper()
	s := openStore(t)
	var ops []graph.Op
	for _, e := range src.Nodes() {
		if slices.Contains(directoryKinds, e.EntityKind()) {
			continue
		}
		c := e.Clone()
		if m, ok := c.(*graph.Municipality); ok {
			m.Population, m.ForeignPopulation, m.ProtectionSeekers, m.PopulationYear = 0, 0, 0, 0
			m.PopulationSource, m.ForeignSource = "", ""
		}
		ops = append(ops, graph.Op{Action: graph.OpUpsert, Entity: c})
	}
	if _, err := s.Apply(ctx, &graph.Batch{Ops: ops, Summary: "reference data"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func writeFile(t testing.TB, name string, write func(w *bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// sameGraph compares two snapshots node by node (content, ignoring versions and
// timestamps) and relationship by relationship.
func sameGraph(t *testing.T, want, got *graph.Snapshot) {
	t.Helper()
	byID := map[string]graph.Entity{}
	for _, e := range got.Nodes() {
		byID[e.Base().ID] = e
	}
	if len(want.Nodes()) != len(got.Nodes()) {
		t.Errorf("%d nodes, want %d", len(got.Nodes()), len(want.Nodes()))
	}
	bad := 0
	for _, e := range want.Nodes() {
		g := byID[e.Base().ID]
		if g == nil || !graph.SameContent(e, g) {
			if bad++; bad <= 5 {
				t.Errorf("node %s differs:\nwant %+v\ngot  %+v", e.Base().ID, e, g)
			}
		}
	}
	wr, gr := map[graph.RelationKey]graph.RelProps{}, map[graph.RelationKey]graph.RelProps{}
	for _, r := range want.Relations {
		wr[r.RelationKey] = r.Props
	}
	for _, r := range got.Relations {
		gr[r.RelationKey] = r.Props
	}
	for k, p := range wr {
		if q, ok := gr[k]; !ok || q != p {
			if bad++; bad <= 10 {
				t.Errorf("relation %s: want %+v, got %+v (present %v)", k, p, q, ok)
			}
		}
	}
	for k := range gr {
		if _, ok := wr[k]; !ok {
			if bad++; bad <= 10 {
				t.Errorf("relation %s should not exist", k)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d differences", bad)
	}
}

// TestTemplatesRoundTrip fills the templates with the demo's directory and integration
// concepts (whatever the demo holds: the sheets are written from the snapshot), imports them
// into a store that holds only the reference data, and gets the seeded demo back; importing
// them again changes nothing.
func TestTemplatesRoundTrip(t *testing.T) {
	_, src := conceptStore(t)
	for _, format := range []string{exchange.FormatXLSX, exchange.FormatCSV} {
		t.Run(format, func(t *testing.T) {
			dst := referenceStore(t, src)
			var inputs []exchange.Input
			if format == exchange.FormatXLSX {
				p := writeFile(t, "vorlage.xlsx", func(w *bytes.Buffer) error {
					return exchange.WriteSheets(w, exchange.SheetOptions{Format: format, Template: true, Data: src, Fill: true})
				})
				inputs = append(inputs, exchange.Input{Name: "vorlage.xlsx", Path: p})
			} else {
				// One CSV file per sheet, given in reverse order: the import sorts them.
				kinds := exchange.SheetKinds()
				slices.Reverse(kinds)
				for _, k := range kinds {
					name := string(k) + ".csv"
					p := writeFile(t, name, func(w *bytes.Buffer) error {
						return exchange.WriteSheets(w, exchange.SheetOptions{Format: format, Sheet: k, Template: true, Data: src, Fill: true})
					})
					inputs = append(inputs, exchange.Input{Name: name, Path: p})
				}
			}
			start := time.Now()
			rep, err := exchange.Import(ctx, dst, inputs, exchange.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK || !rep.Written || rep.ErrorCount > 0 {
				t.Fatalf("import: ok %v written %v, %d errors: %+v", rep.OK, rep.Written, rep.ErrorCount, rep.Errors[:min(10, len(rep.Errors))])
			}
			t.Logf("%s: %d rows (%d created, %d updated, %d unchanged), relations %+v in %s",
				format, rep.Rows, rep.Created, rep.Updated, rep.Unchanged, rep.Relations, time.Since(start).Round(time.Millisecond))
			got, err := dst.Snapshot(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			sameGraph(t, src, got)

			again, err := exchange.Import(ctx, dst, inputs, exchange.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !again.OK || again.Written || again.Created+again.Updated != 0 || again.Unchanged != again.Rows || again.Relations.Added+again.Relations.Removed+again.Relations.Updated != 0 {
				t.Fatalf("second import changed something: %+v", again)
			}
		})
	}
}
