package netgraph

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// betweennessChunk is how many sources a worker takes at a time: enough to make the shared
// counter cheap, few enough that the workers finish together.
const betweennessChunk = 64

// Betweenness returns the exact betweenness centrality of every node (Brandes 2001, "A
// faster algorithm for betweenness centrality"):
//
//	C_B(v) = Σ_{s<t, s≠v≠t} σ_st(v) / σ_st
//
// where σ_st is the number of shortest s–t paths and σ_st(v) the number of those through v.
// Paths are counted in hops (edge weights are ignored) and each unordered pair {s, t} once,
// so the values equal NetworkX's betweenness_centrality(normalized=False) and igraph's
// default; gonum's network.Betweenness counts both orders and gives twice these values.
//
// Brandes' algorithm runs one breadth-first search per source and accumulates the
// dependencies δ_s(v) = Σ_{w: v precedes w} σ_sv/σ_sw · (1 + δ_s(w)) in reverse BFS order;
// it takes O(n·m) time. The sources are shared among workers goroutines (workers <= 0: one
// per core, runtime.GOMAXPROCS(0)), each with its own buffers and accumulator, which are
// summed at the end; no search allocates.
func Betweenness(g *Graph, workers int) []float64 {
	n := g.Order()
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, (n+betweennessChunk-1)/betweennessChunk))
	var next atomic.Int64
	acc := make([][]float64, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			b := newBrandes(g)
			for {
				lo := int(next.Add(betweennessChunk)) - betweennessChunk
				if lo >= n {
					break
				}
				for s := lo; s < min(lo+betweennessChunk, n); s++ {
					if g.Offsets[s+1] > g.Offsets[s] {
						b.source(int32(s))
					}
				}
			}
			acc[k] = b.cb
		})
	}
	wg.Wait()
	cb := acc[0]
	for _, a := range acc[1:] {
		for v, x := range a {
			cb[v] += x
		}
	}
	// Every unordered pair was counted from both of its ends.
	for v := range cb {
		cb[v] /= 2
	}
	return cb
}

// brandes holds one worker's buffers for the single-source searches. Between searches every
// dist is -1 and every sigma 0; a search resets only the nodes it reached, so a search in a
// small component costs only that component.
type brandes struct {
	g     *Graph
	dist  []int32   // hops from the source, -1 = not reached
	sigma []float64 // number of shortest paths from the source
	// coef[w] = (1 + δ(w)) / σ(w), set once w's dependency is final; a predecessor v of w
	// then collects σ(v)·coef[w], so no predecessor lists are needed.
	coef  []float64
	order []int32   // the reached nodes in BFS order
	cb    []float64 // this worker's sum of dependencies
}

func newBrandes(g *Graph) *brandes {
	n := g.Order()
	b := &brandes{
		g:     g,
		dist:  make([]int32, n),
		sigma: make([]float64, n),
		coef:  make([]float64, n),
		order: make([]int32, 0, n),
		cb:    make([]float64, n),
	}
	for v := range b.dist {
		b.dist[v] = -1
	}
	return b
}

// source adds the dependencies of every node on the source s to b.cb.
func (b *brandes) source(s int32) {
	off, tgt := b.g.Offsets, b.g.Targets
	dist, sigma, coef := b.dist, b.sigma, b.coef
	order := append(b.order[:0], s)
	dist[s], sigma[s] = 0, 1
	for i := 0; i < len(order); i++ {
		v := order[i]
		dn, sv := dist[v]+1, sigma[v]
		for _, w := range tgt[off[v]:off[v+1]] {
			switch dist[w] {
			case -1:
				dist[w] = dn
				order = append(order, w)
				sigma[w] = sv
			case dn:
				sigma[w] += sv
			}
		}
	}
	// Reverse BFS order: the successors of w (one hop further) are final before w.
	for i := len(order) - 1; i > 0; i-- {
		w := order[i]
		dn := dist[w] + 1
		var sum float64
		for _, x := range tgt[off[w]:off[w+1]] {
			if dist[x] == dn {
				sum += coef[x]
			}
		}
		delta := sigma[w] * sum
		b.cb[w] += delta
		coef[w] = (1 + delta) / sigma[w]
	}
	for _, v := range order {
		dist[v], sigma[v] = -1, 0
	}
	b.order = order
}
