package netgraph

import (
	"fmt"
	"math"
	"runtime"
	"sync"
)

// DefaultPageRankTol is the tolerance PageRank uses when given tol <= 0.
const DefaultPageRankTol = 1e-10

// pageRankMaxIter bounds the power iteration; with damping d < 1 the error shrinks by at
// least d per step, so tol = 1e-10 and d = 0.85 needs about 140 steps.
const pageRankMaxIter = 10000

// parallelPageRankArcs is the graph size (stored arcs plus nodes) from which PageRank splits
// each step across the cores; below it the goroutine hand-off costs more than it saves.
const parallelPageRankArcs = 1 << 16

// PageRank returns the PageRank of every node (Page, Brin, Motwani & Winograd 1999, "The
// PageRank citation ranking: bringing order to the web"), the stationary distribution of a
// random surfer who, with probability damping, follows an edge chosen in proportion to its
// weight and otherwise jumps to a node chosen uniformly:
//
//	PR(v) = (1-d)/n + d·Σ_{u dangling} PR(u)/n + d·Σ_{u ∈ N(v)} PR(u)·w(u,v)/s(u)
//
// where s(u) is the strength of u. Isolated nodes (dangling: no edge to follow) spread their
// rank uniformly over all nodes, as igraph and NetworkX do. The ranks sum to 1.
//
// It is a power (Jacobi) iteration over the CSR rows that stops when the L1 norm of the
// change in one step falls below tol (DefaultPageRankTol when tol <= 0); large graphs use
// every core for each step. damping must lie in [0, 1]; igraph and NetworkX default to 0.85.
func PageRank(g *Graph, damping, tol float64) []float64 {
	if damping < 0 || damping > 1 || math.IsNaN(damping) {
		panic(fmt.Sprintf("netgraph: PageRank: damping %v outside [0, 1]", damping))
	}
	if tol <= 0 {
		tol = DefaultPageRankTol
	}
	n := g.Order()
	if n == 0 {
		return []float64{}
	}
	// inv[u] = 1/s(u), 0 for a dangling node; y[u] = PR(u)/s(u) is what u hands to each
	// unit of edge weight, so a step is one pass over the rows: PR'(v) = base + d·Σ w·y.
	inv := make([]float64, n)
	x := make([]float64, n)
	y := make([]float64, n)
	next := make([]float64, n)
	ynext := make([]float64, n)
	var dangling float64
	for v := range int32(n) {
		x[v] = 1 / float64(n)
		if s := g.Strength(v); s > 0 {
			inv[v] = 1 / s
			y[v] = x[v] * inv[v]
		} else {
			dangling += x[v]
		}
	}

	workers := 1
	if len(g.Targets)+n >= parallelPageRankArcs {
		workers = runtime.GOMAXPROCS(0)
	}
	parts := splitRows(g, workers)
	type partial struct{ diff, dangling float64 }
	sums := make([]partial, len(parts)-1)
	step := func(k int, base float64) {
		var diff, dang float64
		off, tgt, wts := g.Offsets, g.Targets, g.Weights
		for v := parts[k]; v < parts[k+1]; v++ {
			var acc float64
			for p := off[v]; p < off[v+1]; p++ {
				acc += wts[p] * y[tgt[p]]
			}
			r := base + damping*acc
			next[v] = r
			ynext[v] = r * inv[v]
			diff += math.Abs(r - x[v])
			if inv[v] == 0 {
				dang += r
			}
		}
		sums[k] = partial{diff, dang}
	}
	var wg sync.WaitGroup
	for range pageRankMaxIter {
		base := ((1 - damping) + damping*dangling) / float64(n)
		if len(sums) == 1 {
			step(0, base)
		} else {
			for k := range sums {
				wg.Go(func() { step(k, base) })
			}
			wg.Wait()
		}
		var diff float64
		dangling = 0
		for _, s := range sums {
			diff += s.diff
			dangling += s.dangling
		}
		x, next = next, x
		y, ynext = ynext, y
		if diff < tol {
			break
		}
	}
	var total float64
	for _, r := range x {
		total += r
	}
	for v := range x {
		x[v] /= total
	}
	return x
}

// splitRows cuts the nodes into at most parts contiguous ranges of about equal work (arcs
// plus nodes) and returns the range bounds.
func splitRows(g *Graph, parts int) []int32 {
	n := int32(g.Order())
	bounds := []int32{0}
	if parts > 1 {
		total := int64(len(g.Targets)) + int64(n)
		v := int32(0)
		for k := 1; k < parts; k++ {
			goal := total * int64(k) / int64(parts)
			for v < n && int64(g.Offsets[v])+int64(v) < goal {
				v++
			}
			if v > bounds[len(bounds)-1] {
				bounds = append(bounds, v)
			}
		}
	}
	if bounds[len(bounds)-1] != n {
		bounds = append(bounds, n)
	}
	return bounds
}
