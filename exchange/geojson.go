package exchange

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// GeoJSON import: municipality boundaries from any extract of the BKG's VG250 (or any
// GeoJSON whose features carry the AGS). Accepted are a FeatureCollection, a single Feature,
// and a JSON array of features and feature collections (nested collections are flattened).
// A feature's AGS comes from its AGS (or ags, AGS_0) property; its name from GEN (or name)
// when the municipality is new. VG250 features of water areas (GF 1 and 2) are skipped; the
// land parts of one AGS are merged into one MultiPolygon. Coordinates must be WGS84
// longitude/latitude (RFC 7946); projected coordinates (VG250's UTM zone 32) are refused with
// a hint to convert them. Features outside the import's region (or, without one, outside the
// regions of the store the user may write) are skipped and counted.

// geoFeature is one feature as read.
type geoFeature struct {
	Type       string                     `json:"type"`
	Properties map[string]json.RawMessage `json:"properties"`
	Geometry   json.RawMessage            `json:"geometry"`
	Features   []json.RawMessage          `json:"features"`
	ID         json.RawMessage            `json:"id"`
	BBox       json.RawMessage            `json:"bbox"`
	CRS        json.RawMessage            `json:"crs"`
	Name       json.RawMessage            `json:"name"`
}

// geoRun is the state of one GeoJSON input.
type geoRun struct {
	im   *importer
	fidx int32
	n    int
	// parts holds, per AGS, the land polygons read so far and the first feature's row.
	parts map[string]*geoParts
	order []string
	// skipped counts features by reason.
	skipped map[string]int
}

type geoParts struct {
	row   int
	name  string
	pop   int64
	polys []json.RawMessage // each a Polygon's coordinates
}

func (im *importer) readGeoJSON(fidx int, in Input) error {
	f, err := os.Open(in.Path)
	if err != nil {
		return &fileError{msg: "cannot be opened: " + err.Error()}
	}
	defer f.Close()
	fr := &im.rep.Files[fidx]
	fr.Sheets = append(fr.Sheets, SheetReport{Sheet: "features", Kind: "features"})
	g := &geoRun{im: im, fidx: int32(fidx), parts: map[string]*geoParts{}, skipped: map[string]int{}}
	if err := g.read(bufio.NewReaderSize(&countingFile{File: f, im: im}, 64<<10)); err != nil {
		return geoError(err, g.n)
	}
	g.finish()
	im.progress(true)
	return nil
}

func geoError(err error, n int) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return err
	}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return &fileError{msg: fmt.Sprintf("is not valid JSON at byte %d: %v", se.Offset, se)}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &fileError{msg: "ends in the middle of the GeoJSON document"}
	}
	return &fileError{row: n, msg: fmt.Sprintf("feature %d: %v", n, err)}
}

// read streams the document: the features of a top-level FeatureCollection one by one.
func (g *geoRun) read(r io.Reader) error {
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('['):
		if err := g.array(dec); err != nil {
			return err
		}
	case json.Delim('{'):
		var top geoFeature
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := t.(string)
			if key == "features" {
				if t, err := dec.Token(); err != nil {
					return err
				} else if t != json.Delim('[') {
					return &fileError{msg: "\"features\" must be a list"}
				}
				if err := g.array(dec); err != nil {
					return err
				}
				top.Type = cmpOr(top.Type, "FeatureCollection")
				continue
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return err
			}
			switch key {
			case "type":
				_ = json.Unmarshal(v, &top.Type)
			case "properties":
				if err := json.Unmarshal(v, &top.Properties); err != nil {
					return &fileError{msg: "\"properties\" must be an object"}
				}
			case "geometry":
				top.Geometry = v
			}
		}
		if _, err := dec.Token(); err != nil {
			return err
		}
		switch top.Type {
		case "FeatureCollection":
		case "Feature":
			g.n++
			g.feature(&top)
		default:
			return &fileError{msg: fmt.Sprintf("is a GeoJSON %q; a FeatureCollection or Feature of municipalities is needed", top.Type)}
		}
	default:
		return &fileError{msg: "is not GeoJSON: it must be a JSON object or list"}
	}
	if dec.More() {
		return &fileError{msg: "holds more than one JSON value"}
	}
	return nil
}

// array reads the elements of a list of features, nested lists and feature collections.
func (g *geoRun) array(dec *json.Decoder) error {
	for dec.More() {
		if err := g.im.ctx.Err(); err != nil {
			return err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if err := g.element(raw, 0); err != nil {
			return err
		}
		g.im.progress(false)
	}
	_, err := dec.Token()
	return err
}

func (g *geoRun) element(raw json.RawMessage, depth int) error {
	if depth > 8 {
		return &fileError{row: g.n, msg: "nests feature collections too deeply"}
	}
	t := bytes.TrimSpace(raw)
	if len(t) > 0 && t[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(t, &items); err != nil {
			return err
		}
		for _, it := range items {
			if err := g.element(it, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	var f geoFeature
	if err := json.Unmarshal(t, &f); err != nil {
		g.n++
		return &fileError{row: g.n, msg: fmt.Sprintf("feature %d is not a GeoJSON object: %v", g.n, err)}
	}
	switch f.Type {
	case "FeatureCollection":
		for _, it := range f.Features {
			if err := g.element(it, depth+1); err != nil {
				return err
			}
		}
	case "Feature":
		g.n++
		g.feature(&f)
	default:
		g.n++
		return &fileError{row: g.n, msg: fmt.Sprintf("element %d has type %q; features are needed", g.n, f.Type)}
	}
	return nil
}

func (g *geoRun) row() *row {
	return &row{im: g.im, def: &sheetDef{}, o: origin{g.fidx, 0, int32(g.n)}}
}

// prop returns a string property (numbers as their digits).
func prop(p map[string]json.RawMessage, names ...string) string {
	for _, n := range names {
		v, ok := p[n]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return strings.TrimSpace(s)
		}
		var f json.Number
		if json.Unmarshal(v, &f) == nil {
			return f.String()
		}
	}
	return ""
}

func (g *geoRun) skip(reason string) {
	g.skipped[reason]++
	o := origin{g.fidx, 0, int32(g.n)}
	g.im.count(o, outSkipped)
}

// feature takes in one feature.
func (g *geoRun) feature(f *geoFeature) {
	im := g.im
	r := g.row()
	ags := prop(f.Properties, "AGS", "ags", "AGS_0", "ags_0")
	if len(ags) == 7 && isDigits(ags, 7) {
		ags = "0" + ags // read as a number somewhere on the way
	}
	if !isDigits(ags, 8) {
		r.fail("AGS", ags, CodeInvalid, "every feature needs the 8-digit AGS of its municipality as property AGS")
		im.count(r.o, outFailed)
		return
	}
	if gf := prop(f.Properties, "GF"); gf == "1" || gf == "2" {
		g.skip("water areas (VG250 GF 1 and 2)")
		return
	}
	key := ags[:5]
	if !im.regionKeys[key] && im.regionKeys[ags[:2]+"000"] {
		key = ags[:2] + "000"
	}
	switch {
	case im.opt.Region != "" && key != im.opt.Region:
		g.skip("outside the region of the import")
		return
	case !im.regionKeys[key]:
		g.skip("in regions the store does not hold")
		return
	}
	if im.opt.Region == "" && im.opt.Allow != nil {
		if rs, err := im.state(key); err == nil {
			probe := rs.nodes[ags]
			if probe == nil {
				probe = &graph.Municipality{Meta: graph.Meta{ID: ags}, Region: key}
			}
			if !im.allowed(probe) {
				g.skip("in regions you may not change")
				return
			}
		}
	}
	polys, err := polygons(f.Geometry)
	if err != nil {
		r.fail("geometry", "", CodeInvalid, err.Error())
		im.count(r.o, outFailed)
		return
	}
	p := g.parts[ags]
	if p == nil {
		p = &geoParts{row: g.n, name: prop(f.Properties, "GEN", "name", "NAME")}
		if ewz, err := strconv.ParseInt(prop(f.Properties, "EWZ"), 10, 64); err == nil {
			p.pop = ewz
		}
		g.parts[ags] = p
		g.order = append(g.order, ags)
	}
	p.polys = append(p.polys, polys...)
}

// polygons returns the coordinates of each polygon of a Polygon or MultiPolygon in WGS84.
func polygons(raw json.RawMessage) ([]json.RawMessage, error) {
	var geom struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return nil, errors.New("the feature has no geometry")
	}
	if err := json.Unmarshal(raw, &geom); err != nil {
		return nil, fmt.Errorf("is not a GeoJSON geometry: %v", err)
	}
	var polys [][][][]float64
	switch geom.Type {
	case "Polygon":
		var p [][][]float64
		if err := json.Unmarshal(geom.Coordinates, &p); err != nil {
			return nil, fmt.Errorf("has malformed Polygon coordinates: %v", err)
		}
		polys = [][][][]float64{p}
	case "MultiPolygon":
		if err := json.Unmarshal(geom.Coordinates, &polys); err != nil {
			return nil, fmt.Errorf("has malformed MultiPolygon coordinates: %v", err)
		}
	default:
		return nil, fmt.Errorf("is a %q; municipality boundaries must be a Polygon or MultiPolygon", geom.Type)
	}
	out := make([]json.RawMessage, 0, len(polys))
	for _, p := range polys {
		for _, ring := range p {
			for _, pt := range ring {
				if len(pt) >= 2 && (pt[0] < -180 || pt[0] > 180 || pt[1] < -90 || pt[1] > 90) {
					return nil, fmt.Errorf("has the position %v, which is not WGS84 longitude/latitude; the coordinates look projected (VG250 comes in UTM zone 32, EPSG:25832): convert them, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.shp", pt[:2])
				}
			}
		}
		b, _ := json.Marshal(p)
		out = append(out, b)
	}
	return out, nil
}

// finish stages the municipalities with their merged boundaries.
func (g *geoRun) finish() {
	im := g.im
	for _, ags := range g.order {
		p := g.parts[ags]
		r := &row{im: im, def: &sheetDef{}, o: origin{g.fidx, 0, int32(p.row)}}
		var geom []byte
		if len(p.polys) == 1 {
			geom = append([]byte(`{"type":"Polygon","coordinates":`), p.polys[0]...)
		} else {
			parts := make([][]byte, len(p.polys))
			for i, x := range p.polys {
				parts[i] = x
			}
			geom = append([]byte(`{"type":"MultiPolygon","coordinates":[`), bytes.Join(parts, []byte(","))...)
			geom = append(geom, ']')
		}
		geom = append(geom, '}')
		key := ags[:5]
		if !im.regionKeys[key] {
			key = ags[:2] + "000"
		}
		rs, err := im.state(key)
		if err != nil {
			r.failErr("", "", CodeInvalid, err)
			im.count(r.o, outFailed)
			continue
		}
		m := &graph.Municipality{Meta: graph.Meta{ID: ags}, Region: key, Name: p.name}
		if cur, ok := rs.nodes[ags].(*graph.Municipality); ok {
			m = cur.Clone().(*graph.Municipality)
		}
		if m.Population == 0 && p.pop > 0 {
			m.Population = p.pop
		}
		m.Geometry = geom
		outcome := r.put(rs, m)
		if outcome == outFailed && !r.bad {
			r.fail("", "", CodeInvalid, "cannot be imported")
		}
		im.count(r.o, outcome)
	}
	reasons := make([]string, 0, len(g.skipped))
	for reason := range g.skipped {
		reasons = append(reasons, reason)
	}
	slices.Sort(reasons)
	for _, reason := range reasons {
		im.rep.warn("%s: %d features skipped: %s", im.rep.Files[g.fidx].File, g.skipped[reason], reason)
	}
}
