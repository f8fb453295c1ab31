package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// testSource is a tiny hand-made stand-in for gemeinden.geo.json:
//   - 08226001 is a plain Feature (unit square 0..1 x 0..1, counter-clockwise);
//   - 08226002 appears twice inside a nested FeatureCollection (a land part
//     and a water part, as VG250 does) and must be merged into a MultiPolygon;
//     its land part shares the wiggly border x≈1 with 08226001;
//   - 15083001 is a clockwise square, so its ring must be reversed;
//   - 09999001 and 08227001 are outside the requested regions.
const testSource = `[
{"type":"Feature","properties":{"AGS":"08226001","GEN":"Eins","BEZ":"Gemeinde"},
 "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1.00001,0.25],[0.99999,0.5],[1.00001,0.75],[1,1],[0,1],[0,0]]]}},
{"type":"FeatureCollection","features":[
  {"type":"Feature","properties":{"AGS":"08226002","GEN":"Zwei","BEZ":"Stadt"},
   "geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1.00001,0.75],[0.99999,0.5],[1.00001,0.25],[1,0]]]}},
  {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"AGS":"09999001","GEN":"Fremd","BEZ":"Gemeinde"},
     "geometry":{"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}},
    {"type":"Feature","properties":{"AGS":"08226002","GEN":"Zwei","BEZ":"Stadt"},
     "geometry":{"type":"MultiPolygon","coordinates":[[[[3,0],[4,0],[4,1],[3,1],[3,0]]]]}}
  ]}
]},
{"type":"Feature","properties":{"AGS":"15083001","GEN":"Drei","BEZ":"Gemeinde"},
 "geometry":{"type":"Polygon","coordinates":[[[10,10],[10,11],[11,11],[11,10],[10,10]]]}},
{"type":"Feature","properties":{"AGS":"08227001","GEN":"Nachbarkreis","BEZ":"Gemeinde"},
 "geometry":{"type":"Polygon","coordinates":[[[7,7],[8,7],[8,8],[7,8],[7,7]]]}}
]`

type testFC struct {
	Type        string `json:"type"`
	Attribution string `json:"attribution"`
	Features    []struct {
		Properties struct {
			AGS    string `json:"ags"`
			Name   string `json:"name"`
			BEZ    string `json:"bez"`
			Region string `json:"region"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

func runTest(t *testing.T, tolerance float64) ([]byte, string) {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.json")
	if err := os.WriteFile(src, []byte(testSource), 0o644); err != nil {
		t.Fatal(err)
	}
	regions, err := parseRegions("15083, 08226")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{
		src:         src,
		out:         filepath.Join(dir, "out.geojson"),
		regions:     regions,
		tolerance:   tolerance,
		attribution: defaultAttribution,
	}
	var log bytes.Buffer
	if err := run(cfg, &log); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(cfg.out)
	if err != nil {
		t.Fatal(err)
	}
	return out, log.String()
}

func TestExtract(t *testing.T) {
	out, log := runTest(t, 5000) // 5 km: flattens the wiggly shared border
	var fc testFC
	if err := json.Unmarshal(out, &fc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if fc.Type != "FeatureCollection" || fc.Attribution != defaultAttribution {
		t.Errorf("type %q attribution %q", fc.Type, fc.Attribution)
	}

	// Filtering, flattening and sorting.
	var ags []string
	for _, f := range fc.Features {
		ags = append(ags, f.Properties.AGS)
	}
	want := []string{"08226001", "08226002", "15083001"}
	if len(ags) != len(want) {
		t.Fatalf("features %v, want %v", ags, want)
	}
	for i := range want {
		if ags[i] != want[i] {
			t.Fatalf("features %v, want %v", ags, want)
		}
	}

	byAGS := map[string]int{}
	for i, f := range fc.Features {
		byAGS[f.Properties.AGS] = i
	}
	f2 := fc.Features[byAGS["08226002"]]
	if f2.Properties.Name != "Zwei" || f2.Properties.BEZ != "Stadt" || f2.Properties.Region != "08226" {
		t.Errorf("properties of 08226002: %+v", f2.Properties)
	}
	if got := fc.Features[byAGS["15083001"]].Properties.Region; got != "15083" {
		t.Errorf("region of 15083001 = %q", got)
	}

	// Duplicate AGS dissolved into one MultiPolygon with both parts.
	if f2.Geometry.Type != "MultiPolygon" {
		t.Fatalf("08226002 geometry %s, want MultiPolygon", f2.Geometry.Type)
	}
	var mp [][][][2]float64
	if err := json.Unmarshal(f2.Geometry.Coordinates, &mp); err != nil {
		t.Fatal(err)
	}
	if len(mp) != 2 {
		t.Fatalf("08226002 has %d polygons, want 2", len(mp))
	}

	// The shared border was simplified once: both neighbours now use the
	// straight segment (1,0)-(1,1) and no wiggle vertex survives.
	var p1 [][][2]float64
	if err := json.Unmarshal(fc.Features[byAGS["08226001"]].Geometry.Coordinates, &p1); err != nil {
		t.Fatal(err)
	}
	// The ring now starts at the junction (1,0).
	wantRing := [][2]float64{{1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}}
	if !equalRing(p1[0], wantRing) {
		t.Errorf("08226001 ring %v, want %v", p1[0], wantRing)
	}
	for _, pt := range mp[0][0] {
		if pt[0] > 0.99 && pt[0] < 1.01 && pt[1] > 0 && pt[1] < 1 {
			t.Errorf("08226002 kept border vertex %v", pt)
		}
	}

	// Every ring closed and counter-clockwise (outer rings).
	for _, f := range fc.Features {
		var polys [][][][2]float64
		if f.Geometry.Type == "Polygon" {
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				t.Fatal(err)
			}
			polys = [][][][2]float64{p}
		} else if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
			t.Fatal(err)
		}
		for _, p := range polys {
			r := p[0]
			if len(r) < 4 || r[0] != r[len(r)-1] {
				t.Errorf("%s: ring not closed or degenerate: %v", f.Properties.AGS, r)
			}
			var a float64
			for i := 0; i+1 < len(r); i++ {
				a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
			}
			if a <= 0 {
				t.Errorf("%s: outer ring not counter-clockwise", f.Properties.AGS)
			}
		}
	}

	// Summary: region, count, merged, vertices before, after.
	if got := summaryLine(log, "08226"); len(got) != 5 || got[1] != "2" || got[2] != "1" || got[3] != "21" {
		t.Errorf("summary line for 08226 = %q:\n%s", got, log)
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := runTest(t, 20)
	b, _ := runTest(t, 20)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs produced different output")
	}
}

func TestProcessFallback(t *testing.T) {
	// B is a thin lens between A (above) and C (below); both of its arcs
	// end at the junctions (0,0) and (1,0) and flatten to the same line at
	// a 5 km tolerance, so B collapses and keeps its original polygon.
	a := &municipality{AGS: "1", Name: "A", geom: multi(orbRing([][2]float64{{0, 0}, {0.5, 0.001}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}))}
	b := &municipality{AGS: "2", Name: "B", geom: multi(orbRing([][2]float64{{0, 0}, {0.5, -0.001}, {1, 0}, {0.5, 0.001}, {0, 0}}))}
	c := &municipality{AGS: "3", Name: "C", geom: multi(orbRing([][2]float64{{0, 0}, {0, -1}, {1, -1}, {1, 0}, {0.5, -0.001}, {0, 0}}))}
	if err := process([]*municipality{a, b, c}, 5000); err != nil {
		t.Fatal(err)
	}
	if a.fallback || c.fallback || !b.fallback {
		t.Fatalf("fallback flags a=%v b=%v c=%v, want only b", a.fallback, b.fallback, c.fallback)
	}
	if b.verticesAfter != 5 || a.verticesAfter != 5 || c.verticesAfter != 5 {
		t.Errorf("vertices after: a=%d b=%d c=%d, want 5 each", a.verticesAfter, b.verticesAfter, c.verticesAfter)
	}

	bad := &municipality{AGS: "4", Name: "D", geom: multi(orbRing([][2]float64{{0, 0}, {1, 0}, {2, 0.000001}, {0, 0}}))}
	if err := process([]*municipality{bad}, 0); err == nil {
		t.Error("process accepted a degenerate municipality")
	}
}

func TestCleanRingSplitsPinch(t *testing.T) {
	// A ring that visits (1,1) twice: a square with a small triangle loop.
	r := orbRing([][2]float64{{0, 0}, {2, 0}, {2, 2}, {1, 1}, {1.5, 1}, {1.5, 0.5}, {1, 1}, {0, 2}, {0, 0}})
	pieces := cleanRing(r)
	if len(pieces) != 2 {
		t.Fatalf("got %d pieces, want 2: %v", len(pieces), pieces)
	}
	mp, dropped := clean(multi(r))
	if dropped != 0 || len(mp) != 1 || len(mp[0]) != 2 {
		t.Fatalf("clean: %v (dropped %d), want one polygon with a hole", mp, dropped)
	}
	if signedArea(mp[0][0]) <= 0 || signedArea(mp[0][1]) >= 0 {
		t.Errorf("orientation: outer %v, hole %v", signedArea(mp[0][0]), signedArea(mp[0][1]))
	}
}

func TestParseRegions(t *testing.T) {
	if _, err := parseRegions("08226,abc"); err == nil {
		t.Error("accepted a non-numeric key")
	}
	if _, err := parseRegions(" , "); err == nil {
		t.Error("accepted an empty list")
	}
	got, err := parseRegions("15083,08226,15083")
	if err != nil || len(got) != 2 || got[0] != "08226" {
		t.Errorf("parseRegions = %v, %v", got, err)
	}
	if r := matchRegion("08226001", []string{"08", "08226"}); r != "08226" {
		t.Errorf("matchRegion picked %q, want the longest key", r)
	}
}

func TestLoadRejectsBadInput(t *testing.T) {
	for _, src := range []string{
		`{"type":"FeatureCollection"}`, // not an array
		`[{"type":"Point"}]`,
		`[{"type":"Feature","properties":{"AGS":"08226001"},"geometry":{"type":"Point","coordinates":[1,2]}}]`,
	} {
		if _, err := load(bytes.NewReader([]byte(src)), []string{"08226"}); err == nil {
			t.Errorf("load accepted %s", src)
		}
	}
	if _, err := load(io.LimitReader(bytes.NewReader(nil), 0), []string{"08226"}); err == nil {
		t.Error("load accepted empty input")
	}
}

// summaryLine returns the fields of the summary line starting with key.
func summaryLine(log, key string) []string {
	for _, line := range strings.Split(log, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == key {
			return f
		}
	}
	return nil
}

func orbRing(pts [][2]float64) orb.Ring {
	r := make(orb.Ring, len(pts))
	for i, p := range pts {
		r[i] = orb.Point{p[0], p[1]}
	}
	return r
}

func multi(r orb.Ring) orb.MultiPolygon { return orb.MultiPolygon{{r}} }

func equalRing(a, b [][2]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
