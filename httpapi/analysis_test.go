package httpapi

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func TestCoverageRoute(t *testing.T) {
	f := newFixture(t)
	code, _, v := f.get(t, "/api/v1/analysis/coverage?region=09991")
	if code != 200 || len(v["cells"].([]any)) != 0 {
		// the fixture's region has a municipality but no field: an empty matrix
		t.Fatalf("coverage: %d %v", code, v)
	}
	// A field makes a matrix: the public measure is offered in the municipality but is in no
	// field yet, so the cell is a gap; after linking, it is covered.
	ctx := t.Context()
	fld, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/analysis/coverage?region=09991")
	if gaps := v["gaps"].([]any); len(gaps) != 1 {
		t.Fatalf("gaps %v", gaps)
	}
	if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: f.measure, To: fld.Base().ID}}); err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/analysis/coverage?region=09991")
	cell := v["cells"].([]any)[0].(map[string]any)
	if cell["class"] != "covered" || cell["offers"].(float64) != 1 {
		t.Fatalf("after linking the field: %v (the cache must not serve the old result)", cell)
	}
	for path, want := range map[string]int{
		"/api/v1/analysis/coverage":                            400,
		"/api/v1/analysis/coverage?region=09992":               404, // internal region, anonymous caller
		"/api/v1/analysis/coverage?region=09991&demand=alle":   400,
		"/api/v1/analysis/coverage?region=09991&thin_factor=x": 400,
		"/api/v1/analysis/coverage?region=09991&sort=x":        400,
	} {
		if code, _, _ := f.get(t, path); code != want {
			t.Errorf("%s: %d, want %d", path, code, want)
		}
	}
}

// TestGapsAndMapRoutes: the gap list and the GeoJSON map of the fixture's region, before and
// after its one measure is put into the field.
func TestGapsAndMapRoutes(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	fld, err := f.store.Create(ctx, &graph.FieldOfAction{Name: "Sprache", Region: "09991", Canonical: "language_education"})
	if err != nil {
		t.Fatal(err)
	}
	code, _, v := f.get(t, "/api/v1/analysis/gaps?region=09991")
	if code != 200 || len(v["gaps"].([]any)) != 1 {
		t.Fatalf("gaps: %d %v", code, v)
	}
	gap := v["gaps"].([]any)[0].(map[string]any)
	if gap["municipality"] != f.muni || gap["field"] != fld.Base().ID || !strings.Contains(gap["explanation"].(string), "Musterstadt") {
		t.Errorf("gap %v", gap)
	}
	code, h, v := f.get(t, "/api/v1/map/municipalities.geojson?region=09991&field="+fld.Base().ID)
	if code != 200 || h.Get("Content-Type") != "application/geo+json" || v["type"] != "FeatureCollection" {
		t.Fatalf("map: %d %s %v", code, h.Get("Content-Type"), v)
	}
	feats := v["features"].([]any)
	if len(feats) != 1 {
		t.Fatalf("features %v", feats)
	}
	props := feats[0].(map[string]any)["properties"].(map[string]any)
	if props["class"] != "gap" || props["ags"] != f.muni || props["offers"].(float64) != 1 || props["field_offers"].(float64) != 0 {
		t.Errorf("before linking: %v", props)
	}
	if feats[0].(map[string]any)["geometry"].(map[string]any)["type"] != "Polygon" {
		t.Errorf("geometry %v", feats[0])
	}
	if _, err := f.store.Relate(ctx, graph.Relation{RelationKey: graph.RelationKey{Type: graph.InField, From: f.measure, To: fld.Base().ID}}); err != nil {
		t.Fatal(err)
	}
	_, _, v = f.get(t, "/api/v1/map/municipalities.geojson?region=09991&field="+fld.Base().ID)
	props = v["features"].([]any)[0].(map[string]any)["properties"].(map[string]any)
	if props["class"] != "covered" || props["field_offers"].(float64) != 1 {
		t.Errorf("after linking: %v", props)
	}
	_, _, v = f.get(t, "/api/v1/analysis/gaps?region=09991")
	if len(v["gaps"].([]any)) != 0 {
		t.Errorf("gaps after linking: %v", v["gaps"])
	}
	for path, want := range map[string]int{
		"/api/v1/map/municipalities.geojson?region=09991&field=fld_01HK153X00CSQVWANBEDWQEWCJ": 400,
		"/api/v1/map/municipalities.geojson?region=09992":                                      404,
		"/api/v1/map/municipalities.geojson":                                                   400,
		"/api/v1/analysis/gaps?region=09991&threshold=1":                                       400,
		"/api/v1/analysis/gaps?region=09991&thin_factor=2":                                     400,
	} {
		code, _, v := f.get(t, path)
		if code != want {
			t.Errorf("%s: %d, want %d (%v)", path, code, want, v)
		}
		if code == 400 && len(v["errors"].([]any)) == 0 {
			t.Errorf("%s: the problem names no field: %v", path, v)
		}
	}
}

// TestAnalysisCacheSharesAndCancels: concurrent requests for one result share one
// computation; a cancelled request returns at once; when the last waiter leaves, the
// computation is cancelled and not kept; a new revision computes afresh.
func TestAnalysisCacheSharesAndCancels(t *testing.T) {
	var c analysisCache
	var calls atomic.Int32
	release := make(chan struct{})
	compute := func(ctx context.Context) (any, error) {
		calls.Add(1)
		select {
		case <-release:
			return map[string]int{"n": 1}, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := c.get(context.Background(), 1, "k", compute)
			if err != nil || string(res.body) != `{"n":1}` {
				t.Errorf("shared result: %v %v", res, err)
			}
		}()
	}
	// Wait until all four wait on the one computation.
	for {
		c.mu.Lock()
		n := 0
		if r := c.results["k"]; r != nil {
			n = r.waiters
		}
		c.mu.Unlock()
		if n == 4 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	// A request that gives up returns with its context's error while the others wait.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := c.get(ctx, 1, "k", compute); done <- err }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("%d computations for one result, want 1", n)
	}
	if _, err := c.get(context.Background(), 1, "k", compute); err != nil || calls.Load() != 1 {
		t.Errorf("cached result recomputed: %v, %d calls", err, calls.Load())
	}
	if _, err := c.get(context.Background(), 2, "k", compute); err != nil || calls.Load() != 2 {
		t.Errorf("a new revision must compute afresh: %v, %d calls", err, calls.Load())
	}

	// Everyone leaves: the computation sees its context end and nothing is cached.
	started := make(chan context.Context, 1)
	blocked := func(ctx context.Context) (any, error) {
		started <- ctx
		<-ctx.Done()
		return nil, ctx.Err()
	}
	ctx, cancel = context.WithCancel(context.Background())
	go func() { _, err := c.get(ctx, 2, "slow", blocked); done <- err }()
	cctx := <-started
	cancel()
	<-done
	select {
	case <-cctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the computation was not cancelled when its last waiter left")
	}
	if res, err := c.get(context.Background(), 2, "slow", func(context.Context) (any, error) { return 1, nil }); err != nil || string(res.body) != "1" {
		t.Errorf("after a cancelled computation the next request must compute anew: %v %v", res, err)
	}
}
