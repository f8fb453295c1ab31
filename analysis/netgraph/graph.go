package netgraph

import (
	"fmt"
	"math"
	"slices"
)

// Edge is an undirected edge between the nodes U and V with weight W.
type Edge struct {
	// U and V are the end nodes (0..n-1).
	U, V int32
	// W is the edge weight (the number of ties it stands for; 1 for an unweighted graph).
	W float64
}

// Graph is an undirected weighted graph in CSR form: the neighbours of v are
// Targets[Offsets[v]:Offsets[v+1]] (sorted ascending) with Weights at the same positions.
// Every edge u–v is stored twice, as v in the row of u and as u in the row of v; a Graph
// has no self-loops and no parallel edges. The zero Graph has no nodes.
//
// A Graph is read-only once built, so any number of goroutines may share it.
type Graph struct {
	// Offsets has n+1 entries; row v spans Offsets[v]..Offsets[v+1].
	Offsets []int32
	// Targets holds the neighbours of every node, row by row, each row ascending.
	Targets []int32
	// Weights holds the weight of the edge to Targets[i] at position i.
	Weights []float64
}

// Build returns the graph on the nodes 0..n-1 with the given edges. Parallel edges are
// merged into one whose weight is the sum of theirs, self-loops are dropped, and every edge
// is stored in both directions. It panics if an edge names a node outside 0..n-1.
//
// Build sorts with two counting passes (by target, then stably by source), so it takes
// O(n + len(edges)) time and no comparison sort, also for the many-cliques graphs that
// shared memberships produce.
func Build(n int, edges []Edge) *Graph {
	if n < 0 || n >= math.MaxInt32 {
		panic(fmt.Sprintf("netgraph: Build: %d nodes", n))
	}
	// Count the arcs (two per edge that is not a loop) per source and per target; the two
	// counts are equal in an undirected graph, so one array serves both passes.
	deg := make([]int32, n+1)
	arcs := 0
	for _, e := range edges {
		if e.U < 0 || int(e.U) >= n || e.V < 0 || int(e.V) >= n {
			panic(fmt.Sprintf("netgraph: Build: edge %d–%d outside the %d nodes", e.U, e.V, n))
		}
		if e.U != e.V {
			deg[e.U]++
			deg[e.V]++
			arcs += 2
		}
	}
	if arcs >= math.MaxInt32 {
		panic(fmt.Sprintf("netgraph: Build: %d arcs do not fit int32 offsets", arcs))
	}
	offsets := make([]int32, n+1)
	for v := range n {
		offsets[v+1] = offsets[v] + deg[v]
	}

	// Pass 1: bucket the arcs by target, remembering their source.
	next := make([]int32, n)
	copy(next, offsets[:n])
	bySrc := make([]int32, arcs)
	byW := make([]float64, arcs)
	for _, e := range edges {
		if e.U == e.V {
			continue
		}
		p := next[e.V] // arc U→V in the bucket of V
		bySrc[p], byW[p] = e.U, e.W
		next[e.V]++
		p = next[e.U] // arc V→U in the bucket of U
		bySrc[p], byW[p] = e.V, e.W
		next[e.U]++
	}

	// Pass 2: walk the buckets in ascending target order and deal each arc into the row of
	// its source; rows come out sorted by target because the walk is.
	copy(next, offsets[:n])
	targets := make([]int32, arcs)
	weights := make([]float64, arcs)
	for t := range int32(n) {
		for p := offsets[t]; p < offsets[t+1]; p++ {
			s := bySrc[p]
			q := next[s]
			targets[q], weights[q] = t, byW[p]
			next[s]++
		}
	}

	// Merge parallel edges (now adjacent within a row) in place and close the gaps.
	w := int32(0)
	start := int32(0)
	for v := range n {
		end := offsets[v+1]
		offsets[v] = w
		for p := start; p < end; p++ {
			if w > offsets[v] && targets[w-1] == targets[p] {
				weights[w-1] += weights[p]
				continue
			}
			targets[w], weights[w] = targets[p], weights[p]
			w++
		}
		start = end
	}
	offsets[n] = w
	return &Graph{Offsets: offsets, Targets: targets[:w:w], Weights: weights[:w:w]}
}

// Order returns the number of nodes.
func (g *Graph) Order() int {
	if len(g.Offsets) == 0 {
		return 0
	}
	return len(g.Offsets) - 1
}

// Size returns the number of undirected edges.
func (g *Graph) Size() int { return len(g.Targets) / 2 }

// Degree returns the number of neighbours of v.
func (g *Graph) Degree(v int32) int { return int(g.Offsets[v+1] - g.Offsets[v]) }

// Strength returns the weighted degree of v, the sum of the weights of its edges.
func (g *Graph) Strength(v int32) float64 {
	var s float64
	for _, w := range g.Weights[g.Offsets[v]:g.Offsets[v+1]] {
		s += w
	}
	return s
}

// Neighbors returns the neighbours of v in ascending order and the weights of the edges to
// them. The slices share the graph's memory and must not be modified.
func (g *Graph) Neighbors(v int32) ([]int32, []float64) {
	lo, hi := g.Offsets[v], g.Offsets[v+1]
	return g.Targets[lo:hi:hi], g.Weights[lo:hi:hi]
}

// Weight returns the weight of the edge u–v, and false if there is none.
func (g *Graph) Weight(u, v int32) (float64, bool) {
	ts, ws := g.Neighbors(u)
	if i, ok := slices.BinarySearch(ts, v); ok {
		return ws[i], true
	}
	return 0, false
}

// Edges returns every edge once, with U < V, ordered by U, then V.
func (g *Graph) Edges() []Edge {
	es := make([]Edge, 0, g.Size())
	for u := range int32(g.Order()) {
		ts, ws := g.Neighbors(u)
		for i, v := range ts {
			if u < v {
				es = append(es, Edge{U: u, V: v, W: ws[i]})
			}
		}
	}
	return es
}
