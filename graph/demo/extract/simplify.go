package main

import (
	"encoding/binary"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// metresPerDegree is the length of one degree of latitude on the mean
// Earth sphere (R = 6371.0088 km).
const metresPerDegree = 6371008.8 * math.Pi / 180

// simplifyShared applies Douglas–Peucker with the given tolerance (metres) to
// every ring of geoms, in place, without tearing shared borders apart.
//
// Simplifying each polygon on its own would simplify a border shared by two
// municipalities twice, possibly keeping different vertices, which leaves
// gaps and overlaps between neighbours. Instead, following the idea of
// TopoJSON, every ring is cut into arcs at its junctions: points where the
// ring meets a different neighbour (a point whose two adjacent vertices are
// not the same in every ring that uses it). Junctions are never removed,
// each distinct arc is simplified once in a canonical direction, and the
// rings are rebuilt from the simplified arcs. The source data (BKG VG250)
// stores shared borders with identical vertices, which is what makes this
// work; where vertices do not match, the arcs simply stay separate.
//
// The distance test runs in a local equirectangular projection centred on
// the data, so the tolerance means roughly the same in both directions.
// Output vertices are always vertices of the input (nothing is moved).
func simplifyShared(geoms []*orb.MultiPolygon, toleranceMetres float64) {
	// Remove consecutive repeated points first, so that the neighbour test
	// below sees real neighbours.
	var bound orb.Bound
	first := true
	for _, g := range geoms {
		for _, p := range *g {
			for i := range p {
				p[i] = dedupeRing(p[i])
				for _, pt := range p[i] {
					if first {
						bound = orb.Bound{Min: pt, Max: pt}
						first = false
					} else {
						bound = bound.Extend(pt)
					}
				}
			}
		}
	}
	if first {
		return // no points at all
	}
	lat0 := (bound.Min[1] + bound.Max[1]) / 2
	kx := math.Cos(lat0*math.Pi/180) * metresPerDegree
	ky := metresPerDegree

	junction := findJunctions(geoms)
	s := &arcSimplifier{
		dp:    simplify.DouglasPeucker(toleranceMetres),
		kx:    kx,
		ky:    ky,
		cache: map[string]orb.LineString{},
	}
	for _, g := range geoms {
		for _, p := range *g {
			for i, r := range p {
				p[i] = s.ring(r, junction)
			}
		}
	}
}

// dedupeRing removes consecutive repeated points and makes sure the ring is
// closed.
func dedupeRing(r orb.Ring) orb.Ring {
	out := r[:0:0]
	for _, pt := range r {
		if len(out) > 0 && out[len(out)-1] == pt {
			continue
		}
		out = append(out, pt)
	}
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

// findJunctions returns the set of points at which arcs must be cut.
func findJunctions(geoms []*orb.MultiPolygon) map[orb.Point]bool {
	type pair struct{ a, b orb.Point }
	neighbours := map[orb.Point]pair{}
	junction := map[orb.Point]bool{}
	for _, g := range geoms {
		for _, p := range *g {
			for _, r := range p {
				m := len(r) - 1 // distinct positions of the closed ring
				if m < 3 {
					continue
				}
				for i := 0; i < m; i++ {
					prev, next := r[(i-1+m)%m], r[(i+1)%m]
					if less(next, prev) {
						prev, next = next, prev
					}
					pr := pair{prev, next}
					if q, ok := neighbours[r[i]]; !ok {
						neighbours[r[i]] = pr
					} else if q != pr {
						junction[r[i]] = true
					}
				}
			}
		}
	}
	return junction
}

// arcSimplifier simplifies arcs, caching results by canonical arc so that an
// arc shared by two rings is simplified exactly once.
type arcSimplifier struct {
	dp     *simplify.DouglasPeuckerSimplifier
	kx, ky float64 // metres per degree of longitude / latitude
	cache  map[string]orb.LineString
}

// ring rebuilds one closed ring from its simplified arcs.
func (s *arcSimplifier) ring(r orb.Ring, junction map[orb.Point]bool) orb.Ring {
	m := len(r) - 1
	if m < 3 {
		return r
	}
	start := -1
	for i := 0; i < m; i++ {
		if junction[r[i]] {
			start = i
			break
		}
	}
	if start < 0 {
		// No junction: the whole ring is one closed arc (an island, or a
		// ring shared completely with one neighbour, such as an enclave).
		// Start it at its smallest point so both users see the same arc.
		minI := 0
		for i := 1; i < m; i++ {
			if less(r[i], r[minI]) {
				minI = i
			}
		}
		arc := make(orb.LineString, 0, m+1)
		for k := 0; k <= m; k++ {
			arc = append(arc, r[(minI+k)%m])
		}
		return orb.Ring(append(orb.LineString(nil), s.arc(arc)...))
	}

	out := make(orb.Ring, 0, len(r))
	i := start
	for {
		arc := orb.LineString{r[i]}
		k := i
		for {
			k = (k + 1) % m
			arc = append(arc, r[k])
			if junction[r[k]] {
				break
			}
		}
		sa := s.arc(arc)
		if len(out) == 0 {
			out = append(out, sa...)
		} else {
			out = append(out, sa[1:]...)
		}
		i = k
		if i == start {
			break
		}
	}
	return out
}

// arc returns the simplified arc in the direction it was given. The result
// must not be modified by the caller.
func (s *arcSimplifier) arc(arc orb.LineString) orb.LineString {
	canon, reversed := canonical(arc)
	key := arcKey(canon)
	res, ok := s.cache[key]
	if !ok {
		res = s.simplify(canon)
		s.cache[key] = res
	}
	if !reversed {
		return res
	}
	rev := append(orb.LineString(nil), res...)
	rev.Reverse()
	return rev
}

// simplify runs Douglas–Peucker on a projected copy of arc and maps the kept
// vertices back to the original coordinates.
func (s *arcSimplifier) simplify(arc orb.LineString) orb.LineString {
	if len(arc) <= 2 {
		return append(orb.LineString(nil), arc...)
	}
	back := make(map[orb.Point]orb.Point, len(arc))
	proj := make(orb.LineString, len(arc))
	for i, pt := range arc {
		q := orb.Point{pt[0] * s.kx, pt[1] * s.ky}
		proj[i] = q
		back[q] = pt
	}
	kept := s.dp.LineString(proj)
	closed := arc[0] == arc[len(arc)-1]
	if closed && len(kept) < 4 {
		// A closed arc that would collapse to a line: keep it as it is
		// rather than losing the island or enclave.
		return append(orb.LineString(nil), arc...)
	}
	out := make(orb.LineString, len(kept))
	for i, q := range kept {
		out[i] = back[q]
	}
	return out
}

// canonical returns arc in a direction that does not depend on which ring
// it came from, and whether it had to be reversed.
func canonical(arc orb.LineString) (orb.LineString, bool) {
	n := len(arc)
	var rev bool
	if arc[0] != arc[n-1] {
		rev = less(arc[n-1], arc[0])
	} else if n > 2 {
		rev = less(arc[n-2], arc[1])
	}
	if !rev {
		return arc, false
	}
	c := append(orb.LineString(nil), arc...)
	c.Reverse()
	return c, true
}

// arcKey encodes the exact coordinates of an arc as a map key.
func arcKey(arc orb.LineString) string {
	var b strings.Builder
	b.Grow(len(arc) * 16)
	var buf [8]byte
	for _, pt := range arc {
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(pt[0]))
		b.Write(buf[:])
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(pt[1]))
		b.Write(buf[:])
	}
	return b.String()
}

// less orders points by x, then y.
func less(a, b orb.Point) bool {
	if a[0] != b[0] {
		return a[0] < b[0]
	}
	return a[1] < b[1]
}
