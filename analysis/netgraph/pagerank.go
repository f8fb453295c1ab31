package netgraph

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// DefaultPageRankTol is the tolerance PageRank uses when given tol <= 0.
const DefaultPageRankTol = 1e-10

// pageRankMaxSweeps bounds the Gauss–Seidel sweeps per component; with damping d < 1 the
// change shrinks at least by d per sweep, so tol = 1e-10 and d = 0.85 needs at most about
// 140 sweeps, and usually half that.
const pageRankMaxSweeps = 10000

// PageRank returns the PageRank of every node (Page, Brin, Motwani & Winograd 1999, "The
// PageRank citation ranking: bringing order to the web"), the stationary distribution of a
// random surfer who, with probability d = damping, follows an edge chosen in proportion to
// its weight and otherwise jumps to a node chosen uniformly:
//
//	PR(v) = (1−d)/n + d·Σ_{u dangling} PR(u)/n + d·Σ_{u ∈ N(v)} PR(u)·w(u,v)/s(u)
//
// where s(u) is the strength of u. Isolated nodes (dangling: no edge to follow) spread their
// rank uniformly over all nodes, as igraph and NetworkX do. The ranks sum to 1.
//
// Because the jump and the dangling rank are both uniform, PR is proportional to the
// solution z of z = 1 + d·M·z (M the weighted transition matrix), and M has one block per
// connected component. So PageRank solves that system component by component with
// Gauss–Seidel sweeps (in place, about half the sweeps of the power iteration), shares the
// components among the cores, and divides by Σz at the end. A component stops when one
// sweep changes its z by less than tol·(its nodes) in L1; since Σz ≥ n, the ranks then
// change by less than tol in L1 (tol <= 0 means DefaultPageRankTol). damping must lie in
// [0, 1); igraph and NetworkX default to 0.85.
func PageRank(g *Graph, damping, tol float64) []float64 {
	if !(damping >= 0 && damping < 1) {
		panic(fmt.Sprintf("netgraph: PageRank: damping %v outside [0, 1)", damping))
	}
	if tol <= 0 {
		tol = DefaultPageRankTol
	}
	n := g.Order()
	z := make([]float64, n)
	if n == 0 {
		return z
	}
	comps := componentLists(g)
	// y[u] = z(u)/s(u), what u hands to each unit of edge weight; kept in step with z.
	y := make([]float64, n)
	inv := make([]float64, n)
	start := 1 / (1 - damping) // the exact z of a regular graph: a good first guess
	for v := range int32(n) {
		z[v] = 1 // isolated nodes keep z = 1
		if s := g.Strength(v); s > 0 {
			inv[v] = 1 / s
			z[v] = start
			y[v] = start * inv[v]
		}
	}
	off, tgt, wts := g.Offsets, g.Targets, g.Weights
	solve := func(members []int32) {
		limit := tol * float64(len(members))
		for range pageRankMaxSweeps {
			var change float64
			for _, v := range members {
				var acc float64
				for p := off[v]; p < off[v+1]; p++ {
					acc += wts[p] * y[tgt[p]]
				}
				nz := 1 + damping*acc
				change += math.Abs(nz - z[v])
				z[v], y[v] = nz, nz*inv[v]
			}
			if change < limit {
				return
			}
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(comps.starts)-1) {
		wg.Go(func() {
			for {
				c := int(next.Add(1)) - 1
				if c >= len(comps.starts)-1 {
					return
				}
				solve(comps.nodes[comps.starts[c]:comps.starts[c+1]])
			}
		})
	}
	wg.Wait()
	var total float64
	for _, r := range z {
		total += r
	}
	for v := range z {
		z[v] /= total
	}
	return z
}

// components lists the nodes of the components with at least one edge, the largest (most
// arcs) first so that parallel workers finish together: component i is
// nodes[starts[i]:starts[i+1]], its nodes ascending.
type components struct {
	nodes  []int32
	starts []int32
}

func componentLists(g *Graph) components {
	comp, k := Components(g)
	arcs := make([]int64, k)
	size := make([]int32, k)
	for v, c := range comp {
		if d := g.Offsets[v+1] - g.Offsets[v]; d > 0 {
			arcs[c] += int64(d)
			size[c]++
		}
	}
	order := make([]int32, 0, k)
	for c := range int32(k) {
		if size[c] > 0 {
			order = append(order, c)
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(arcs[b], arcs[a]) })
	pos := make([]int32, k) // where each component's nodes begin in nodes
	starts := make([]int32, 1, len(order)+1)
	for _, c := range order {
		pos[c] = starts[len(starts)-1]
		starts = append(starts, pos[c]+size[c])
	}
	nodes := make([]int32, starts[len(starts)-1])
	for v, c := range comp {
		if size[c] > 0 && g.Offsets[v+1] > g.Offsets[v] {
			nodes[pos[c]] = int32(v)
			pos[c]++
		}
	}
	return components{nodes: nodes, starts: starts}
}
