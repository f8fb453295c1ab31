package demo

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// The real municipalities of the five demo counties; see data/README.md for sources and
// licences (BKG VG250 boundaries, Zensus 2022 population).
var (
	//go:embed data/municipalities.geojson
	municipalitiesGeoJSON []byte
	//go:embed data/municipalities.csv
	municipalitiesCSV []byte
)

// place is one real municipality with what the generator needs to know about it.
type place struct {
	AGS        string
	Name       string
	Bez        string // "Stadt" or "Gemeinde"
	Region     string
	Population int64
	Geometry   json.RawMessage
	polys      [][][][2]float64 // outer ring and holes per polygon, lon/lat
	center     [2]float64       // a point inside the municipality
}

// loadPlaces reads the embedded files. They are part of the binary and checked by the tests,
// so a mismatch is a programming error and panics.
func loadPlaces() []*place {
	var fc struct {
		Features []struct {
			Properties struct {
				AGS    string `json:"ags"`
				Name   string `json:"name"`
				Bez    string `json:"bez"`
				Region string `json:"region"`
			} `json:"properties"`
			Geometry json.RawMessage `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(municipalitiesGeoJSON, &fc); err != nil {
		panic("demo: embedded municipalities.geojson: " + err.Error())
	}
	rows, err := csv.NewReader(bytes.NewReader(municipalitiesCSV)).ReadAll()
	if err != nil || len(rows) < 2 {
		panic(fmt.Sprintf("demo: embedded municipalities.csv: %v", err))
	}
	pop := make(map[string]int64, len(rows))
	for _, row := range rows[1:] {
		n, err := strconv.ParseInt(row[3], 10, 64)
		if err != nil || row[4] != "2022" || row[5] != "official" {
			panic("demo: embedded municipalities.csv: bad row " + fmt.Sprint(row))
		}
		pop[row[0]] = n
	}
	places := make([]*place, 0, len(fc.Features))
	for _, f := range fc.Features {
		p := &place{AGS: f.Properties.AGS, Name: f.Properties.Name, Bez: f.Properties.Bez,
			Region: f.Properties.Region, Population: pop[f.Properties.AGS], Geometry: f.Geometry}
		if p.Population == 0 {
			panic("demo: no population for " + p.AGS)
		}
		p.polys = parsePolygons(f.Geometry)
		c := interiorPoint(p.polys)
		p.center = [2]float64{round5(c[0]), round5(c[1])}
		places = append(places, p)
	}
	if len(places) != len(pop) {
		panic("demo: municipalities.csv and municipalities.geojson list different municipalities")
	}
	return places
}

// parsePolygons reads a GeoJSON Polygon or MultiPolygon into a list of polygons.
func parsePolygons(raw json.RawMessage) [][][][2]float64 {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		panic("demo: geometry: " + err.Error())
	}
	var polys [][][][2]float64
	var err error
	switch g.Type {
	case "Polygon":
		var poly [][][2]float64
		err = json.Unmarshal(g.Coordinates, &poly)
		polys = append(polys, poly)
	case "MultiPolygon":
		err = json.Unmarshal(g.Coordinates, &polys)
	default:
		err = fmt.Errorf("unexpected type %q", g.Type)
	}
	if err != nil {
		panic("demo: geometry: " + err.Error())
	}
	return polys
}

// contains reports whether pt lies inside the polygons (even–odd rule over all rings, which
// treats holes right).
func contains(polys [][][][2]float64, pt [2]float64) bool {
	for _, poly := range polys {
		in := false
		for _, ring := range poly {
			for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
				a, b := ring[i], ring[j]
				if (a[1] > pt[1]) != (b[1] > pt[1]) &&
					pt[0] < (b[0]-a[0])*(pt[1]-a[1])/(b[1]-a[1])+a[0] {
					in = !in
				}
			}
		}
		if in {
			return true
		}
	}
	return false
}

// interiorPoint returns a point inside the largest polygon: its centroid when that lies
// inside (the usual case), otherwise the inside grid point closest to the centroid.
func interiorPoint(polys [][][][2]float64) [2]float64 {
	var best [][2]float64
	bestArea := -1.0
	for _, poly := range polys {
		if a := math.Abs(ringArea(poly[0])); a > bestArea {
			best, bestArea = poly[0], a
		}
	}
	c := ringCentroid(best)
	if contains(polys, c) {
		return c
	}
	minX, minY, maxX, maxY := bbox(best)
	found, bestD := c, math.Inf(1)
	const steps = 40
	for i := 1; i < steps; i++ {
		for j := 1; j < steps; j++ {
			p := [2]float64{minX + (maxX-minX)*float64(i)/steps, minY + (maxY-minY)*float64(j)/steps}
			if d := math.Hypot(p[0]-c[0], p[1]-c[1]); d < bestD && contains(polys, p) {
				found, bestD = p, d
			}
		}
	}
	return found
}

func ringArea(ring [][2]float64) float64 {
	var a float64
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a += ring[j][0]*ring[i][1] - ring[i][0]*ring[j][1]
	}
	return a / 2
}

func ringCentroid(ring [][2]float64) [2]float64 {
	var cx, cy, a float64
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		f := ring[j][0]*ring[i][1] - ring[i][0]*ring[j][1]
		cx += (ring[j][0] + ring[i][0]) * f
		cy += (ring[j][1] + ring[i][1]) * f
		a += f
	}
	if a == 0 {
		return ring[0]
	}
	return [2]float64{cx / (3 * a), cy / (3 * a)}
}

func bbox(ring [][2]float64) (minX, minY, maxX, maxY float64) {
	minX, minY, maxX, maxY = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range ring {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	return
}

// pointNear returns a point inside the municipality near its interior point, moved by up to
// about 400 m in a direction derived from salt, so that organisations in one town do not
// share a pin. It falls back to the interior point when the moved point lies outside.
func (p *place) pointNear(salt string) (lat, lon float64) {
	for try := range 4 {
		s := salt + strconv.Itoa(try)
		dx := (unit(s+"x")*2 - 1) * 0.0055 // ≈ 380 m east–west at 51° N
		dy := (unit(s+"y")*2 - 1) * 0.0035 // ≈ 390 m north–south
		pt := [2]float64{round5(p.center[0] + dx), round5(p.center[1] + dy)}
		if contains(p.polys, pt) {
			return pt[1], pt[0]
		}
	}
	return p.center[1], p.center[0]
}

func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }
