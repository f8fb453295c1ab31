package netgraph_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
)

// The tests in this file compare netgraph with gonum's generic implementations, the
// reference, on small random graphs: groups with dense insides and a few ties between them,
// weights 1 to 3, some isolated nodes and pendant chains (so there are articulation points).

type testGraph struct {
	name  string
	n     int
	edges []netgraph.Edge
	g     *netgraph.Graph
}

// randomGraph returns a planted-partition graph on about n nodes drawn from seed.
func randomGraph(seed uint64, n int) testGraph {
	r := rand.New(rand.NewPCG(seed, 7))
	var es []netgraph.Edge
	group := make([]int, n)
	groups := 2 + r.IntN(4)
	for v := range group {
		group[v] = r.IntN(groups)
	}
	isolated := n / 10
	for u := range n - isolated {
		for v := u + 1; v < n-isolated; v++ {
			p := 0.03
			if group[u] == group[v] {
				p = 0.35
			}
			if r.Float64() < p {
				es = append(es, netgraph.Edge{U: int32(u), V: int32(v), W: float64(1 + r.IntN(3))})
			}
		}
	}
	// A pendant chain of three nodes hanging from node 0.
	m := n + 3
	es = append(es, netgraph.Edge{U: 0, V: int32(n), W: 1}, netgraph.Edge{U: int32(n), V: int32(n + 1), W: 2}, netgraph.Edge{U: int32(n + 1), V: int32(n + 2), W: 1})
	return testGraph{name: fmt.Sprintf("seed%d_n%d", seed, m), n: m, edges: es, g: netgraph.Build(m, es)}
}

func randomGraphs() []testGraph {
	var gs []testGraph
	for i, n := range []int{12, 25, 40, 60, 90, 150} {
		gs = append(gs, randomGraph(uint64(i+1), n))
	}
	return gs
}

// gonumWeighted returns tg as a gonum weighted undirected graph with every node present.
func (tg testGraph) gonumWeighted() *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for v := range tg.n {
		g.AddNode(simple.Node(v))
	}
	for _, e := range tg.g.Edges() {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.U), T: simple.Node(e.V), W: e.W})
	}
	return g
}

// gonumUnweighted returns tg as a gonum undirected graph without weights.
func (tg testGraph) gonumUnweighted() *simple.UndirectedGraph {
	g := simple.NewUndirectedGraph()
	for v := range tg.n {
		g.AddNode(simple.Node(v))
	}
	for _, e := range tg.g.Edges() {
		g.SetEdge(simple.Edge{F: simple.Node(e.U), T: simple.Node(e.V)})
	}
	return g
}

func TestBuildAgainstGonum(t *testing.T) {
	for _, tg := range randomGraphs() {
		ref := tg.gonumWeighted()
		if got, want := tg.g.Size(), ref.Edges().Len(); got != want {
			t.Errorf("%s: %d edges, gonum %d", tg.name, got, want)
		}
		for u := range int32(tg.n) {
			ts, ws := tg.g.Neighbors(u)
			if !slices.IsSorted(ts) || len(ts) != ref.From(int64(u)).Len() {
				t.Fatalf("%s: row %d unsorted or of the wrong length", tg.name, u)
			}
			for i, v := range ts {
				if w, ok := ref.Weight(int64(u), int64(v)); !ok || w != ws[i] {
					t.Errorf("%s: edge %d–%d weighs %g, gonum %g (%v)", tg.name, u, v, ws[i], w, ok)
				}
			}
		}
	}
}

func TestPageRankAgainstGonum(t *testing.T) {
	for _, tg := range randomGraphs() {
		// gonum's PageRank is for directed graphs: give it both directions of every edge.
		ref := simple.NewWeightedDirectedGraph(0, 0)
		for v := range tg.n {
			ref.AddNode(simple.Node(v))
		}
		for _, e := range tg.g.Edges() {
			ref.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.U), T: simple.Node(e.V), W: e.W})
			ref.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.V), T: simple.Node(e.U), W: e.W})
		}
		for _, d := range []float64{0.85, 0.5} {
			want := network.PageRank(ref, d, 1e-13)
			got := netgraph.PageRank(tg.g, d, 1e-13)
			for v, r := range got {
				if !near(r, want[int64(v)], 1e-9) {
					t.Errorf("%s d=%g: PageRank(%d) = %.12g, gonum %.12g", tg.name, d, v, r, want[int64(v)])
				}
			}
		}
	}
}

func TestBetweennessAgainstGonum(t *testing.T) {
	for _, tg := range randomGraphs() {
		// gonum counts every pair in both orders.
		want := network.Betweenness(tg.gonumUnweighted())
		for _, workers := range []int{1, 2, 3} {
			got := netgraph.Betweenness(tg.g, workers)
			for v, c := range got {
				if !near(2*c, want[int64(v)], 1e-9*(1+c)) {
					t.Errorf("%s workers=%d: betweenness(%d) = %.12g, gonum/2 %.12g", tg.name, workers, v, c, want[int64(v)]/2)
				}
			}
		}
	}
}

// groups turns community numbers into gonum's list of node lists.
func groups(comm []int32) [][]graph.Node {
	k := int(slices.Max(comm)) + 1
	out := make([][]graph.Node, k)
	for v, c := range comm {
		out[c] = append(out[c], simple.Node(v))
	}
	return slices.DeleteFunc(out, func(ns []graph.Node) bool { return len(ns) == 0 })
}

func TestModularityAgainstGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for _, tg := range randomGraphs() {
		ref := tg.gonumWeighted()
		for _, res := range []float64{1, 0.5, 2} {
			for range 5 {
				comm := make([]int32, tg.n)
				k := 1 + r.IntN(6)
				for v := range comm {
					comm[v] = int32(r.IntN(k))
				}
				got := netgraph.Modularity(tg.g, comm, res)
				if want := community.Q(ref, groups(comm), res); !near(got, want, 1e-12) {
					t.Errorf("%s γ=%g: Q = %.14g, gonum %.14g", tg.name, res, got, want)
				}
			}
		}
	}
}

// TestLouvainAgainstGonum: Louvain is a heuristic, so the partitions may differ; each
// partition's Q must agree with gonum's Q of it, and ours must be about as good as gonum's
// Louvain (best of three seeds each).
func TestLouvainAgainstGonum(t *testing.T) {
	for _, tg := range randomGraphs() {
		ref := tg.gonumWeighted()
		for _, res := range []float64{1, 0.5} {
			ours, theirs := math.Inf(-1), math.Inf(-1)
			for seed := range uint64(3) {
				comm, q := netgraph.Louvain(tg.g, res, seed)
				if want := community.Q(ref, groups(comm), res); !near(q, want, 1e-12) {
					t.Errorf("%s γ=%g seed %d: Louvain says Q = %.14g, gonum's Q of the partition %.14g", tg.name, res, seed, q, want)
				}
				ours = max(ours, q)
				reduced := community.Modularize(ref, res, rand.NewPCG(seed, 1))
				theirs = max(theirs, community.Q(ref, reduced.Communities(), res))
			}
			t.Logf("%s γ=%g: Q %.4f, gonum %.4f", tg.name, res, ours, theirs)
			if ours < theirs-0.02 {
				t.Errorf("%s γ=%g: Louvain reaches Q = %.4f, gonum %.4f", tg.name, res, ours, theirs)
			}
		}
	}
}

// sameGroups reports whether two labellings put the same pairs of nodes together.
func sameGroups(a, b []int32) bool {
	ab := map[int32]int32{}
	ba := map[int32]int32{}
	for v := range a {
		if x, ok := ab[a[v]]; ok && x != b[v] {
			return false
		}
		if x, ok := ba[b[v]]; ok && x != a[v] {
			return false
		}
		ab[a[v]], ba[b[v]] = b[v], a[v]
	}
	return true
}

func TestComponentsAgainstGonum(t *testing.T) {
	for _, tg := range randomGraphs() {
		cc := topo.ConnectedComponents(tg.gonumUnweighted())
		want := make([]int32, tg.n)
		for i, ns := range cc {
			for _, v := range ns {
				want[v.ID()] = int32(i)
			}
		}
		got, count := netgraph.Components(tg.g)
		if count != len(cc) || !sameGroups(got, want) {
			t.Errorf("%s: %d components, gonum %d, or different groups", tg.name, count, len(cc))
		}
		var iso []int32
		for v := range int32(tg.n) {
			if tg.gonumUnweighted().From(int64(v)).Len() == 0 {
				iso = append(iso, v)
			}
		}
		if got := netgraph.Isolated(tg.g); !slices.Equal(got, iso) {
			t.Errorf("%s: isolated %v, want %v", tg.name, got, iso)
		}
	}
}

// TestArticulationPointsBruteForce: v is a cut vertex exactly when removing it leaves more
// components among the other nodes than before (counted by gonum).
func TestArticulationPointsBruteForce(t *testing.T) {
	for _, tg := range randomGraphs() {
		base := len(topo.ConnectedComponents(tg.gonumUnweighted())) // with v, which is in one of them
		var want []int32
		for v := range int32(tg.n) {
			g := tg.gonumUnweighted()
			isolated := g.From(int64(v)).Len() == 0
			g.RemoveNode(int64(v))
			after := len(topo.ConnectedComponents(g))
			// Removing v drops its own component if v was alone, and otherwise keeps it as
			// one component unless v was a cut vertex.
			if !isolated && after > base {
				want = append(want, v)
			}
		}
		got := netgraph.ArticulationPoints(tg.g)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%s: articulation points %v, brute force %v", tg.name, got, want)
		}
		if len(want) == 0 {
			t.Errorf("%s: no articulation point; the pendant chain should give two", tg.name)
		}
	}
}

func TestEgoAgainstGonum(t *testing.T) {
	for _, tg := range randomGraphs() {
		ref := tg.gonumUnweighted()
		for _, v := range []int32{0, int32(tg.n / 2), int32(tg.n - 1)} {
			sp := path.DijkstraFrom(simple.Node(v), ref) // unweighted: every edge weighs 1
			for depth := 1; depth <= 3; depth++ {
				nodes, dist := netgraph.Ego(tg.g, v, depth)
				want := 0
				for u := range int64(tg.n) {
					if d := sp.WeightTo(u); d <= float64(depth) {
						want++
					}
				}
				if len(nodes) != want {
					t.Errorf("%s: Ego(%d, %d) has %d nodes, gonum %d within reach", tg.name, v, depth, len(nodes), want)
				}
				for i, u := range nodes {
					if float64(dist[i]) != sp.WeightTo(int64(u)) || (i > 0 && dist[i] < dist[i-1]) {
						t.Errorf("%s: Ego(%d, %d): node %d at %d, gonum %g (or out of order)", tg.name, v, depth, u, dist[i], sp.WeightTo(int64(u)))
					}
				}
			}
		}
	}
}

func TestDensityBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for _, tg := range randomGraphs() {
		ref := tg.gonumUnweighted()
		for range 10 {
			var nodes []int32
			for v := range int32(tg.n) {
				if r.IntN(3) == 0 {
					nodes = append(nodes, v)
				}
			}
			edges := 0
			for i, u := range nodes {
				for _, v := range nodes[i+1:] {
					if ref.HasEdgeBetween(int64(u), int64(v)) {
						edges++
					}
				}
			}
			want := 0.0
			if k := len(nodes); k >= 2 {
				want = float64(edges) / float64(k*(k-1)/2)
			}
			r.Shuffle(len(nodes), func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
			if got := netgraph.Density(tg.g, nodes); !near(got, want, 1e-15) {
				t.Errorf("%s: density of %d nodes %g, brute force %g", tg.name, len(nodes), got, want)
			}
		}
	}
}

// disjointUnion puts the random graphs side by side: many components of different sizes,
// the case Louvain and PageRank split among the cores.
func disjointUnion() testGraph {
	var es []netgraph.Edge
	n := 0
	for _, tg := range randomGraphs() {
		for _, e := range tg.g.Edges() {
			es = append(es, netgraph.Edge{U: e.U + int32(n), V: e.V + int32(n), W: e.W})
		}
		n += tg.n
	}
	return testGraph{name: "union", n: n, edges: es, g: netgraph.Build(n, es)}
}

// TestSameOnAnyCores: the parallel algorithms give the same results whatever the number of
// cores, and on many components the same as gonum.
func TestSameOnAnyCores(t *testing.T) {
	tg := disjointUnion()
	ref := tg.gonumWeighted()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var comm0 []int32
	var pr0 []float64
	for _, procs := range []int{1, 2, 5} {
		runtime.GOMAXPROCS(procs)
		comm, q := netgraph.Louvain(tg.g, 1, 7)
		if want := community.Q(ref, groups(comm), 1); !near(q, want, 1e-12) {
			t.Errorf("GOMAXPROCS %d: Louvain Q = %.14g, gonum's Q of the partition %.14g", procs, q, want)
		}
		pr := netgraph.PageRank(tg.g, 0.85, 0)
		if comm0 == nil {
			comm0, pr0 = comm, pr
			t.Logf("%d nodes, Q = %.4f, %d communities", tg.n, q, slices.Max(comm)+1)
			continue
		}
		if !slices.Equal(comm, comm0) || !slices.Equal(pr, pr0) {
			t.Errorf("GOMAXPROCS %d: Louvain or PageRank differ from GOMAXPROCS 1", procs)
		}
	}
	want := network.Betweenness(tg.gonumUnweighted())
	for v, c := range netgraph.Betweenness(tg.g, 3) {
		if !near(2*c, want[int64(v)], 1e-9*(1+c)) {
			t.Errorf("betweenness(%d) = %.12g, gonum/2 %.12g", v, c, want[int64(v)]/2)
		}
	}
}
