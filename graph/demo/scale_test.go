package demo

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

var tiny = Scale{Name: "tiny", Regions: 3, MunicipalitiesPerRegion: 7, OrganisationsPerRegion: 60, MeasuresPerRegion: 300,
	ActorsPerRegion: 5, NetworksPerRegion: 12, FieldsPerRegion: 4, GoalsPerField: 2}

// generate returns the batches of a run as JSON.
func generate(t *testing.T, sc Scale, seed uint64) []string {
	t.Helper()
	var out []string
	err := GenerateScale(context.Background(), sc, seed, func(b *graph.Batch) error {
		if len(b.Ops) == 0 || len(b.Ops) > BatchSize {
			t.Errorf("batch of %d operations", len(b.Ops))
		}
		j, err := json.Marshal(b.Ops)
		out = append(out, string(j))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerateScaleIsDeterministic(t *testing.T) {
	a, b := generate(t, tiny, 7), generate(t, tiny, 7)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("two runs with the same seed differ:\n%.2000s", diff)
	}
	if c := generate(t, tiny, 8); cmp.Equal(a, c) {
		t.Error("another seed gives the same data")
	}
}

func TestSeedScale(t *testing.T) {
	ctx := context.Background()
	s, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var last [2]int
	calls := 0
	if err := SeedScale(ctx, s, tiny, 1, func(done, total int) { last = [2]int{done, total}; calls++ }); err != nil {
		t.Fatal(err)
	}
	if last[0] != last[1] || calls < tiny.Regions {
		t.Errorf("last progress %v after %d calls; want done == total, a call per region at least", last, calls)
	}
	est := tiny.EstimatedOps()
	if d := float64(last[0]-est) / float64(last[0]); d > 0.15 || d < -0.15 {
		t.Errorf("estimated %d operations, wrote %d", est, last[0])
	}
	t.Logf("wrote %d operations, estimated %d", last[0], est)
	snap, err := s.Snapshot(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	r := tiny.Regions
	want := map[graph.Kind]int{
		graph.KindRegion: r, graph.KindMunicipality: r * tiny.MunicipalitiesPerRegion, graph.KindField: r * tiny.FieldsPerRegion,
		graph.KindTargetGroup: len(targetGroups), graph.KindOrganisation: r * tiny.OrganisationsPerRegion,
		graph.KindActor: r * tiny.ActorsPerRegion, graph.KindNetwork: r * tiny.NetworksPerRegion,
		graph.KindMeasure: r * tiny.MeasuresPerRegion, graph.KindGoal: r * tiny.FieldsPerRegion * (1 + tiny.GoalsPerField),
		graph.KindIndicator: r * tiny.FieldsPerRegion * tiny.GoalsPerField, graph.KindConcept: r, graph.KindGuideline: r * len(scaleGuidelines),
	}
	if diff := cmp.Diff(want, snap.Count()); diff != "" {
		t.Errorf("stored counts (-want +got):\n%s", diff)
	}
	for _, reg := range snap.Regions {
		if reg.ID < "60001" {
			t.Errorf("synthetic region %s could collide with a real county", reg.ID)
		}
	}
	audit, err := s.Audit(ctx, graph.AuditQuery{Limit: 1})
	if err != nil || len(audit.Items) == 0 || !strings.HasPrefix(audit.Items[0].Summary, "scale seed tiny") {
		t.Errorf("audit %+v, %v; want a batch entry \"scale seed tiny\"", audit.Items, err)
	}
	// Seeding the same scale and seed again changes nothing.
	rev, _ := s.Revision(ctx)
	if err := SeedScale(ctx, s, tiny, 1, nil); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Revision(ctx); again != rev {
		t.Errorf("second seed changed the store (revision %d → %d)", rev, again)
	}
}

func TestGenerateScaleStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := GenerateScale(ctx, tiny, 1, func(*graph.Batch) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	stop := errors.New("stop")
	n := 0
	err := GenerateScale(context.Background(), tiny, 1, func(*graph.Batch) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: %v after %d batches", err, n)
	}
	if err := GenerateScale(context.Background(), Scale{Name: "bad", Regions: 1}, 1, nil); err == nil {
		t.Error("an invalid scale is accepted")
	}
}

func TestScalePresets(t *testing.T) {
	for _, c := range []struct {
		name                  string
		towns, orgs, measures int
	}{
		{"county", 30, 2000, 10000},
		{"State", 1120, 20000, 100000},
		{"NATION", 11200, 200000, 1000000},
	} {
		sc, ok := ScaleByName(c.name)
		if !ok {
			t.Fatalf("no preset %s", c.name)
		}
		if err := sc.Validate(); err != nil {
			t.Error(err)
		}
		if got := [3]int{sc.Regions * sc.MunicipalitiesPerRegion, sc.Regions * sc.OrganisationsPerRegion, sc.Regions * sc.MeasuresPerRegion}; got != [3]int{c.towns, c.orgs, c.measures} {
			t.Errorf("%s: municipalities, organisations, measures %v", c.name, got)
		}
	}
	if _, ok := ScaleByName("planet"); ok {
		t.Error("unknown preset found")
	}
	for i, want := range map[int]string{0: "60001", 998: "60999", 999: "61001", maxScaleRegions - 1: "98999"} {
		if got := regionKey(i); got != want {
			t.Errorf("regionKey(%d) = %s, want %s", i, got, want)
		}
	}
}

// BenchmarkGenerateScaleCounty measures the generator alone (no store) on the County preset.
func BenchmarkGenerateScaleCounty(b *testing.B) {
	b.ReportAllocs()
	ops := 0
	start := time.Now()
	for b.Loop() {
		err := GenerateScale(context.Background(), County, 1, func(batch *graph.Batch) error {
			ops += len(batch.Ops)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ops)/time.Since(start).Seconds(), "ops/s")
}

// TestScaleSnapshot: the in-memory snapshot holds what seeding a store holds.
func TestScaleSnapshot(t *testing.T) {
	sc := Scale{Name: "tiny", Regions: 2, MunicipalitiesPerRegion: 4, OrganisationsPerRegion: 30,
		MeasuresPerRegion: 60, ActorsPerRegion: 5, NetworksPerRegion: 3, FieldsPerRegion: 3, GoalsPerField: 1}
	s, err := ScaleSnapshot(context.Background(), sc, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Regions) != 2 || len(s.Municipalities) != 8 || len(s.Organisations) != 60 || len(s.Measures) != 120 || len(s.Networks) != 6 {
		t.Errorf("got %d regions, %d municipalities, %d organisations, %d measures, %d networks; want 2, 8, 60, 120, 6",
			len(s.Regions), len(s.Municipalities), len(s.Organisations), len(s.Measures), len(s.Networks))
	}
	if !slices.IsSortedFunc(s.Relations, graph.CompareRelations) || len(s.Relations) == 0 {
		t.Errorf("%d relationships, sorted %v", len(s.Relations), slices.IsSortedFunc(s.Relations, graph.CompareRelations))
	}
}
