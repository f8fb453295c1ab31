package netgraph

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// louvainMinGain ends the local moving of a level when one sweep over the nodes raised the
// modularity by less than this; a sweep that moves no node ends it as well.
const louvainMinGain = 1e-10

// Louvain partitions the nodes into communities of high modularity with the method of
// Blondel, Guillaume, Lambiotte & Lefebvre 2008 ("Fast unfolding of communities in large
// networks") and returns each node's community, numbered 0..k-1 in order of first
// appearance (node 0 is in community 0), and the modularity of that partition (see
// Modularity).
//
// Each level has two phases. Local moving visits the nodes in a random order drawn from seed
// and moves each into the neighbouring community with the largest modularity gain
//
//	ΔQ = (1/m)·[k_{i,C} − γ·Σ_tot(C)·k_i / 2m]
//
// (k_{i,C} the weight from i into C, Σ_tot(C) the strength of C, m the total edge weight, γ
// the resolution) if that gain is positive, until a sweep moves nothing. Aggregation then
// makes each community one node, with a self-loop for its internal weight, and the next
// level starts on that graph. It stops at the first level where no node moves.
//
// A community never spans two connected components (a node only considers its neighbours'
// communities), so the method runs on each component separately — with the global m in
// ΔQ, which makes it the same algorithm — and the components are shared among the cores.
// Each component's node order comes from a generator (math/rand/v2's PCG) seeded with seed
// and the component's smallest node, so the result depends only on the graph, the
// resolution and the seed, never on timing.
//
// Edge weights count; resolution 1 is the classic modularity, larger values give smaller
// communities. Isolated nodes stay alone.
func Louvain(g *Graph, resolution float64, seed uint64) (community []int32, modularity float64) {
	n := g.Order()
	community = make([]int32, n)
	for v := range community {
		community[v] = int32(v)
	}
	if g.Size() == 0 {
		return community, Modularity(g, community, resolution)
	}
	var m2 float64
	for _, w := range g.Weights {
		m2 += w
	}
	comps := componentLists(g)
	// Within its component, a node is known by its position in the component's list.
	local := make([]int32, n)
	for c := range len(comps.starts) - 1 {
		for i, v := range comps.nodes[comps.starts[c]:comps.starts[c+1]] {
			local[v] = int32(i)
		}
	}
	// The nodes of component c get community numbers from starts[c] on, the isolated
	// nodes numbers from len(comps.nodes) on, so no two components share a number.
	for v := range community {
		if g.Offsets[v+1] == g.Offsets[v] {
			community[v] = int32(len(comps.nodes) + v)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(comps.starts)-1) {
		wg.Go(func() {
			w := &louvainWorker{g: g, local: local, m2: m2, resolution: resolution}
			w.pcg = rand.NewPCG(0, 0)
			w.rng = rand.New(w.pcg)
			for {
				c := int(next.Add(1)) - 1
				if c >= len(comps.starts)-1 {
					return
				}
				lo, hi := comps.starts[c], comps.starts[c+1]
				w.pcg.Seed(seed, 0x6c6f757661696e^uint64(comps.nodes[lo])) // "louvain"
				w.component(comps.nodes[lo:hi], lo, community)
			}
		})
	}
	wg.Wait()
	renumber(community, make([]int32, len(comps.nodes)+n))
	return community, Modularity(g, community, resolution)
}

// louvainWorker runs Louvain on one component after another, reusing its buffers.
type louvainWorker struct {
	g          *Graph
	local      []int32 // position of every node in its component's list
	m2         float64
	resolution float64
	pcg        *rand.PCG
	rng        *rand.Rand
	lm         *localMover
	base       level   // the component's own graph, in local numbers
	member     []int32 // the current community of each of the component's nodes
}

// component finds the communities of the component members (ascending node numbers) and
// writes them, numbered from first on, into community.
func (w *louvainWorker) component(members []int32, first int32, community []int32) {
	nc := len(members)
	if w.lm == nil || len(w.lm.comm) < nc {
		w.lm = newLocalMover(nc)
		w.member = make([]int32, nc)
	}
	h := &w.base
	h.off = append(h.off[:0], 0)
	h.tgt, h.w = h.tgt[:0], h.w[:0]
	h.self = slices.Grow(h.self[:0], nc)[:nc]
	h.strength = slices.Grow(h.strength[:0], nc)[:nc]
	h.m2 = w.m2
	for i, v := range members {
		var s float64
		ts, ws := w.g.Neighbors(v)
		for j, t := range ts {
			h.tgt = append(h.tgt, w.local[t])
			h.w = append(h.w, ws[j])
			s += ws[j]
		}
		h.off = append(h.off, int32(len(h.tgt)))
		h.self[i], h.strength[i] = 0, s
	}
	member := w.member[:nc]
	for i := range member {
		member[i] = int32(i)
	}
	for {
		comm, moved := w.lm.run(h, w.resolution, w.rng)
		if !moved {
			break
		}
		k := renumber(comm, w.lm.index[:h.order()])
		for i, c := range member {
			member[i] = comm[c]
		}
		if k == h.order() {
			break
		}
		h = h.aggregate(comm, k, w.lm)
	}
	for i, v := range members {
		community[v] = first + member[i]
	}
}

// Modularity returns the modularity of the partition of g into the given communities
// (Newman & Girvan 2004; with the resolution γ of Reichardt & Bornholdt 2006):
//
//	Q = 1/2m · Σ_{ij} [A_ij − γ·k_i·k_j / 2m] · δ(c_i, c_j)
//	  = Σ_c [ L_c/m − γ·(Σ_tot(c) / 2m)² ]
//
// where A is the weighted adjacency matrix, k_i the strength of i, m the total edge weight,
// L_c the weight of the edges inside community c and Σ_tot(c) its strength. Community
// numbers must be non-negative; they need not be contiguous. A graph without edges has
// modularity 0.
func Modularity(g *Graph, community []int32, resolution float64) float64 {
	n := g.Order()
	if len(community) != n {
		panic(fmt.Sprintf("netgraph: Modularity: %d community numbers for %d nodes", len(community), n))
	}
	k := int32(0)
	for v, c := range community {
		if c < 0 {
			panic(fmt.Sprintf("netgraph: Modularity: node %d in community %d", v, c))
		}
		k = max(k, c+1)
	}
	in := make([]float64, k)  // Σ A_ij over i, j in c (each inner edge twice)
	tot := make([]float64, k) // Σ_tot(c)
	var m2 float64
	for v := range int32(n) {
		cv := community[v]
		ts, ws := g.Neighbors(v)
		for i, w := range ts {
			tot[cv] += ws[i]
			if community[w] == cv {
				in[cv] += ws[i]
			}
		}
	}
	for _, t := range tot {
		m2 += t
	}
	if m2 == 0 {
		return 0
	}
	var q float64
	for c := range in {
		f := tot[c] / m2
		q += in[c]/m2 - resolution*f*f
	}
	return q
}

// renumber rewrites the community numbers in c as 0..k-1 in order of first appearance and
// returns k. index is scratch space with room for the largest number in c.
func renumber(c []int32, index []int32) int {
	for i := range index {
		index[i] = -1
	}
	k := int32(0)
	for v, x := range c {
		if index[x] < 0 {
			index[x] = k
			k++
		}
		c[v] = index[x]
	}
	return int(k)
}

// level is the graph of one Louvain level: CSR rows without self-loops, plus each node's
// self-loop weight (the inner weight of the community it stands for, counted as Σ A_ii, i.e.
// each inner edge twice) and its strength including that self-loop.
type level struct {
	off      []int32
	tgt      []int32
	w        []float64
	self     []float64
	strength []float64
	m2       float64 // Σ strength = 2m, the same on every level
}

func (h *level) order() int { return len(h.strength) }

// localMover holds the buffers of the local moving phase, reused across levels.
type localMover struct {
	comm    []int32   // community of each node
	tot     []float64 // Σ_tot per community
	weightC []float64 // weight from the current node into each community, while it is visited
	seen    []bool    // whether weightC[c] is in use for the current node
	touched []int32   // the communities with seen set, in order of discovery
	visit   []int32   // the node order
	index   []int32   // scratch for renumber
}

func newLocalMover(n int) *localMover {
	return &localMover{
		comm: make([]int32, n), tot: make([]float64, n), weightC: make([]float64, n),
		seen: make([]bool, n), touched: make([]int32, 0, 64), visit: make([]int32, n), index: make([]int32, n),
	}
}

// run starts every node of h in its own community and moves nodes until a sweep gains less
// than louvainMinGain. It returns the communities (indices into lm's buffer, valid until the
// next call) and whether any node moved.
func (lm *localMover) run(h *level, resolution float64, rng *rand.Rand) ([]int32, bool) {
	n := h.order()
	comm, tot, visit := lm.comm[:n], lm.tot[:n], lm.visit[:n]
	for v := range n {
		comm[v] = int32(v)
		tot[v] = h.strength[v]
		visit[v] = int32(v)
	}
	rng.Shuffle(n, func(i, j int) { visit[i], visit[j] = visit[j], visit[i] })
	weightC, seen := lm.weightC, lm.seen
	γ := resolution / h.m2
	movedAny := false
	for {
		var gain float64
		moves := 0
		for _, v := range visit {
			lo, hi := h.off[v], h.off[v+1]
			if lo == hi {
				continue // an isolated node never gains from moving
			}
			cv := comm[v]
			kv := h.strength[v]
			touched := lm.touched[:0]
			for p := lo; p < hi; p++ {
				c := comm[h.tgt[p]]
				if !seen[c] {
					seen[c] = true
					weightC[c] = 0
					touched = append(touched, c)
				}
				weightC[c] += h.w[p]
			}
			// Take v out of its community; staying is the baseline a move must beat.
			tot[cv] -= kv
			var here float64
			if seen[cv] {
				here = weightC[cv]
			}
			best, bestGain := cv, here-γ*tot[cv]*kv
			for _, c := range touched {
				if g := weightC[c] - γ*tot[c]*kv; g > bestGain {
					best, bestGain = c, g
				}
				seen[c] = false
			}
			tot[best] += kv
			if best != cv {
				comm[v] = best
				moves++
				gain += bestGain - (here - γ*tot[cv]*kv)
			}
			lm.touched = touched
		}
		if moves > 0 {
			movedAny = true
		}
		if moves == 0 || 2*gain/h.m2 < louvainMinGain {
			break
		}
	}
	return comm, movedAny
}

// aggregate returns the graph of the k communities comm (numbered 0..k-1) of h: one node per
// community, an edge between two communities weighing the sum of the edges between them, a
// self-loop weighing everything inside.
func (h *level) aggregate(comm []int32, k int, lm *localMover) *level {
	n := h.order()
	// Members of each community, by counting sort.
	start := make([]int32, k+1)
	for _, c := range comm[:n] {
		start[c+1]++
	}
	for c := range k {
		start[c+1] += start[c]
	}
	members := make([]int32, n)
	fill := make([]int32, k)
	copy(fill, start[:k])
	for v, c := range comm[:n] {
		members[fill[c]] = int32(v)
		fill[c]++
	}

	a := &level{off: make([]int32, k+1), self: make([]float64, k), strength: make([]float64, k), m2: h.m2}
	a.tgt = make([]int32, 0, len(h.tgt)/2)
	a.w = make([]float64, 0, len(h.tgt)/2)
	weightC, seen := lm.weightC, lm.seen
	for c := range int32(k) {
		touched := lm.touched[:0]
		for _, v := range members[start[c]:start[c+1]] {
			a.self[c] += h.self[v]
			a.strength[c] += h.strength[v]
			for p := h.off[v]; p < h.off[v+1]; p++ {
				d := comm[h.tgt[p]]
				if d == c {
					a.self[c] += h.w[p]
					continue
				}
				if !seen[d] {
					seen[d] = true
					weightC[d] = 0
					touched = append(touched, d)
				}
				weightC[d] += h.w[p]
			}
		}
		for _, d := range touched {
			a.tgt = append(a.tgt, d)
			a.w = append(a.w, weightC[d])
			seen[d] = false
		}
		a.off[c+1] = int32(len(a.tgt))
		lm.touched = touched
	}
	return a
}
