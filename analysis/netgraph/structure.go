package netgraph

import (
	"fmt"
	"slices"
)

// ArticulationPoints returns, in ascending order, the nodes whose removal disconnects their
// component (cut vertices), found with the depth-first search of Hopcroft & Tarjan 1973
// ("Algorithm 447: efficient algorithms for graph manipulation"): with disc(v) the DFS
// discovery time and low(v) the smallest discovery time reachable from v's DFS subtree by
// one back edge,
//
//	v is an articulation point ⇔ v is a DFS root with two or more children, or
//	                             v has a DFS child w with low(w) ≥ disc(v).
//
// The search keeps its own stack instead of recursing, so it handles paths of any length;
// it takes O(n + m) time.
func ArticulationPoints(g *Graph) []int32 {
	n := g.Order()
	off, tgt := g.Offsets, g.Targets
	disc := make([]int32, n) // 0 = not yet discovered; times start at 1
	low := make([]int32, n)
	parent := make([]int32, n)
	next := make([]int32, n) // position of the next edge to try in each node's row
	cut := make([]bool, n)
	var stack []int32
	t := int32(0)
	for root := range int32(n) {
		if disc[root] != 0 {
			continue
		}
		t++
		disc[root], low[root], parent[root], next[root] = t, t, -1, off[root]
		stack = append(stack[:0], root)
		rootChildren := 0
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			if p := next[v]; p < off[v+1] {
				next[v]++
				w := tgt[p]
				switch {
				case disc[w] == 0:
					t++
					disc[w], low[w], parent[w], next[w] = t, t, v, off[w]
					stack = append(stack, w)
					if v == root {
						rootChildren++
					}
				case w != parent[v]: // a back edge (the graph is simple, so one edge to the parent)
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			// v is finished: hand its low to its parent and test the parent.
			stack = stack[:len(stack)-1]
			if p := parent[v]; p >= 0 {
				low[p] = min(low[p], low[v])
				if p != root && low[v] >= disc[p] {
					cut[p] = true
				}
			}
		}
		if rootChildren > 1 {
			cut[root] = true
		}
	}
	points := []int32{}
	for v, c := range cut {
		if c {
			points = append(points, int32(v))
		}
	}
	return points
}

// Components returns the connected component of every node, numbered 0..count-1 in order of
// first appearance (node 0 is in component 0), and the number of components. An isolated
// node is a component of its own.
func Components(g *Graph) (component []int32, count int) {
	n := g.Order()
	component = make([]int32, n)
	for v := range component {
		component[v] = -1
	}
	queue := make([]int32, 0, 64)
	for s := range int32(n) {
		if component[s] >= 0 {
			continue
		}
		c := int32(count)
		count++
		component[s] = c
		queue = append(queue[:0], s)
		for i := 0; i < len(queue); i++ {
			ts, _ := g.Neighbors(queue[i])
			for _, w := range ts {
				if component[w] < 0 {
					component[w] = c
					queue = append(queue, w)
				}
			}
		}
	}
	return component, count
}

// Isolated returns, in ascending order, the nodes without any edge.
func Isolated(g *Graph) []int32 {
	iso := []int32{}
	for v := range int32(g.Order()) {
		if g.Offsets[v+1] == g.Offsets[v] {
			iso = append(iso, v)
		}
	}
	return iso
}

// Ego returns the ego network of v to the given depth: every node within depth hops of v in
// breadth-first order (v first, then its neighbours in ascending order, then theirs, …) and
// each one's distance from v in hops. A negative depth counts as 0. The cost grows with the
// size of the ego network, not of the graph.
func Ego(g *Graph, v int32, depth int) (nodes []int32, dist []int32) {
	if v < 0 || int(v) >= g.Order() {
		panic(fmt.Sprintf("netgraph: Ego: node %d outside the %d nodes", v, g.Order()))
	}
	seen := map[int32]struct{}{v: {}}
	nodes, dist = []int32{v}, []int32{0}
	for i := 0; i < len(nodes) && int(dist[i]) < depth; i++ {
		ts, _ := g.Neighbors(nodes[i])
		for _, w := range ts {
			if _, ok := seen[w]; !ok {
				seen[w] = struct{}{}
				nodes = append(nodes, w)
				dist = append(dist, dist[i]+1)
			}
		}
	}
	return nodes, dist
}

// Density returns the density of the subgraph induced by nodes, the share of possible edges
// that exist:
//
//	D = |{u–v ∈ E : u, v ∈ S}| / (k·(k−1)/2),  k = |S|
//
// and 0 when k < 2. Edge weights do not count; a node listed twice counts once. It takes
// O(k·log k + d·log k) time for nodes of total degree d.
func Density(g *Graph, nodes []int32) float64 {
	set := slices.Clone(nodes)
	slices.Sort(set)
	set = slices.Compact(set)
	k := len(set)
	if k < 2 {
		return 0
	}
	edges := 0
	for _, u := range set {
		ts, _ := g.Neighbors(u)
		// Count each inner edge once, from its smaller end.
		i, _ := slices.BinarySearch(ts, u+1)
		for _, w := range ts[i:] {
			if _, in := slices.BinarySearch(set, w); in {
				edges++
			}
		}
	}
	return float64(edges) / (float64(k) * float64(k-1) / 2)
}
