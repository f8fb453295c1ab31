package netgraph_test

import (
	"bufio"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
)

// unweighted builds a graph on n nodes from pairs, each of weight 1.
func unweighted(n int, pairs ...[2]int32) *netgraph.Graph {
	es := make([]netgraph.Edge, len(pairs))
	for i, p := range pairs {
		es[i] = netgraph.Edge{U: p[0], V: p[1], W: 1}
	}
	return netgraph.Build(n, es)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func checkFloats(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", name, len(got), len(want))
	}
	for i := range want {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s[%d] = %.10g, want %.10g", name, i, got[i], want[i])
		}
	}
}

func TestBuild(t *testing.T) {
	g := netgraph.Build(5, []netgraph.Edge{
		{U: 3, V: 1, W: 2},
		{U: 1, V: 3, W: 0.5}, // parallel to the first, given the other way round: merged
		{U: 2, V: 2, W: 7},   // self-loop: dropped
		{U: 0, V: 3, W: 1},
		{U: 1, V: 0, W: 4},
	})
	if g.Order() != 5 || g.Size() != 3 {
		t.Fatalf("order %d, size %d; want 5, 3", g.Order(), g.Size())
	}
	type row struct {
		T []int32
		W []float64
	}
	want := []row{
		{[]int32{1, 3}, []float64{4, 1}},
		{[]int32{0, 3}, []float64{4, 2.5}},
		{[]int32{}, []float64{}},
		{[]int32{0, 1}, []float64{1, 2.5}},
		{[]int32{}, []float64{}},
	}
	for v, w := range want {
		ts, ws := g.Neighbors(int32(v))
		if diff := cmp.Diff(w, row{ts, ws}); diff != "" {
			t.Errorf("row %d (-want +got):\n%s", v, diff)
		}
	}
	if d, s := g.Degree(1), g.Strength(1); d != 2 || s != 6.5 {
		t.Errorf("node 1: degree %d, strength %g; want 2, 6.5", d, s)
	}
	if w, ok := g.Weight(3, 1); !ok || w != 2.5 {
		t.Errorf("Weight(3, 1) = %g, %v; want 2.5, true", w, ok)
	}
	if _, ok := g.Weight(0, 2); ok {
		t.Error("Weight(0, 2) found an edge")
	}
	wantEdges := []netgraph.Edge{{U: 0, V: 1, W: 4}, {U: 0, V: 3, W: 1}, {U: 1, V: 3, W: 2.5}}
	if diff := cmp.Diff(wantEdges, g.Edges()); diff != "" {
		t.Errorf("Edges (-want +got):\n%s", diff)
	}
	var empty netgraph.Graph
	if empty.Order() != 0 || empty.Size() != 0 || len(netgraph.PageRank(&empty, 0.85, 0)) != 0 {
		t.Error("the zero Graph is not empty")
	}
}

func TestBuildPanicsOutsideNodes(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for an edge to node 3 of 3")
		}
	}()
	netgraph.Build(3, []netgraph.Edge{{U: 0, V: 3, W: 1}})
}

// TestPageRankStar: the star with centre 0 and leaves 1, 2, 3, damping d = 0.85, n = 4.
// By symmetry every leaf has rank x and the centre c = 1 − 3x. A leaf's only neighbour is the
// centre, which splits its rank over 3 leaves; nothing dangles:
//
//	x = (1−d)/4 + d·c/3 = (1−d)/4 + d/3 − d·x   ⇒   x = ((1−d)/4 + d/3) / (1+d)
//	  = (0.0375 + 0.283333…) / 1.85 = 0.173423…,   c = 1 − 3x = 0.479730…
func TestPageRankStar(t *testing.T) {
	g := unweighted(4, [2]int32{0, 1}, [2]int32{0, 2}, [2]int32{0, 3})
	const d = 0.85
	x := ((1-d)/4 + d/3) / (1 + d)
	checkFloats(t, "PageRank", netgraph.PageRank(g, d, 1e-13), []float64{1 - 3*x, x, x, x}, 1e-10)
}

// TestPageRankWeightedDangling: path 0 –1– 1 –3– 2 (weights 1 and 3) and an isolated node 3,
// d = 0.85, n = 4. Strengths s0 = 1, s1 = 4, s2 = 3; node 3 dangles and spreads its rank
// uniformly, so every node gets the same base b = ((1−d) + d·PR3)/4 and PR3 = b:
//
//	PR0 = b + d·PR1·1/4       PR2 = b + d·PR1·3/4       PR1 = b + d·(PR0·1/1 + PR2·3/3)
//	PR0 + PR2 = 2b + d·PR1    ⇒ PR1 = b + d·(2b + d·PR1) ⇒ PR1 = b·(1+2d)/(1−d²) = 9.72973·b
//	1 = PR0+PR1+PR2+PR3 = 2b + d·PR1 + PR1 + b = b·(3 + (1+d)(1+2d)/(1−d²)) = 21·b
//
// so b = 1/21 (check: b = (0.15 + 0.85/21)/4 = 1/21), PR1 = 0.463320, PR0 = 0.146075,
// PR2 = 0.342986, PR3 = 0.047619.
func TestPageRankWeightedDangling(t *testing.T) {
	g := netgraph.Build(4, []netgraph.Edge{{U: 0, V: 1, W: 1}, {U: 1, V: 2, W: 3}})
	const d = 0.85
	b := 1.0 / 21
	pr1 := b * (1 + 2*d) / (1 - d*d)
	want := []float64{b + d*pr1/4, pr1, b + d*pr1*3/4, b}
	got := netgraph.PageRank(g, d, 1e-13)
	checkFloats(t, "PageRank", got, want, 1e-10)
	var sum float64
	for _, r := range got {
		sum += r
	}
	if !near(sum, 1, 1e-12) {
		t.Errorf("ranks sum to %.15g", sum)
	}
}

// TestPageRankNoDamping: with d = 0 every node gets 1/n whatever the edges.
func TestPageRankNoDamping(t *testing.T) {
	g := unweighted(3, [2]int32{0, 1})
	checkFloats(t, "PageRank", netgraph.PageRank(g, 0, 0), []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15)
}

func TestBetweennessByHand(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *netgraph.Graph
		want []float64
	}{{
		// Path 0–1–2–3–4: a node lies on the one shortest path of every pair that it
		// separates, (nodes left of it)·(nodes right of it): 0·4, 1·3, 2·2, 3·1, 4·0.
		name: "path",
		g:    unweighted(5, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 3}, [2]int32{3, 4}),
		want: []float64{0, 3, 4, 3, 0},
	}, {
		// Star with centre 0 and 4 leaves: the centre is on the path of each of the
		// C(4,2) = 6 leaf pairs.
		name: "star",
		g:    unweighted(5, [2]int32{0, 1}, [2]int32{0, 2}, [2]int32{0, 3}, [2]int32{0, 4}),
		want: []float64{6, 0, 0, 0, 0},
	}, {
		// Square 0–1–2–3–0 with a pendant 4 at 2. Pairs at distance ≥ 2 and their paths:
		// {0,2}: 0-1-2, 0-3-2 → 1 +½, 3 +½      {1,3}: 1-0-3, 1-2-3 → 0 +½, 2 +½
		// {4,1}: 4-2-1 → 2 +1                     {4,3}: 4-2-3 → 2 +1
		// {4,0}: 4-2-1-0, 4-2-3-0 → 2 +1, 1 +½, 3 +½
		// Sums: 0: ½, 1: 1, 2: 3½, 3: 1, 4: 0.
		name: "square with pendant",
		g:    unweighted(5, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 3}, [2]int32{3, 0}, [2]int32{2, 4}),
		want: []float64{0.5, 1, 3.5, 1, 0},
	}, {
		// Two disjoint paths 0–1–2 and 3–4–5 and an isolated 6: 1 and 4 each bridge one
		// pair; pairs in different components have no path and count for nobody.
		name: "two components",
		g:    unweighted(7, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{3, 4}, [2]int32{4, 5}),
		want: []float64{0, 1, 0, 0, 1, 0, 0},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, workers := range []int{1, 2, 0} {
				checkFloats(t, "Betweenness", netgraph.Betweenness(tc.g, workers), tc.want, 1e-12)
			}
		})
	}
}

// handMade is the graph of the structure tests (17 nodes, 4 components):
//
//	0–1–2–0 (triangle)   2–3–4–5–2 (square)   5–6 (bridge)   6–7–8–6 (triangle)
//	8–9 (bridge to a pendant)   10 (isolated)   11–12 (a lone edge)   13–14–15 (path)
//	16–17, 16–18 (a cherry rooted at its centre)
//
// Articulation points, block by block: 2 joins the first triangle and the square; 5 joins
// the square and the bridge 5–6; 6 joins that bridge and the second triangle; 8 joins it and
// the bridge to 9; 14 cuts the path; 16 cuts the cherry (and is the DFS root of its
// component, which must have two children to count). 11 and 12 cut nothing: removing one
// leaves the other alone but still one component.
func handMade() *netgraph.Graph {
	return unweighted(19,
		[2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 0},
		[2]int32{2, 3}, [2]int32{3, 4}, [2]int32{4, 5}, [2]int32{5, 2},
		[2]int32{5, 6},
		[2]int32{6, 7}, [2]int32{7, 8}, [2]int32{8, 6},
		[2]int32{8, 9},
		[2]int32{11, 12},
		[2]int32{13, 14}, [2]int32{14, 15},
		[2]int32{16, 17}, [2]int32{16, 18},
	)
}

func TestArticulationPointsByHand(t *testing.T) {
	got := netgraph.ArticulationPoints(handMade())
	if diff := cmp.Diff([]int32{2, 5, 6, 8, 14, 16}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArticulationPointsLongPath: 200,000 nodes on one path; a recursive search would need
// a stack 200,000 frames deep. Every inner node is a cut vertex.
func TestArticulationPointsLongPath(t *testing.T) {
	const n = 200_000
	es := make([]netgraph.Edge, n-1)
	for i := range es {
		es[i] = netgraph.Edge{U: int32(i), V: int32(i + 1), W: 1}
	}
	got := netgraph.ArticulationPoints(netgraph.Build(n, es))
	if len(got) != n-2 || got[0] != 1 || got[len(got)-1] != n-2 {
		t.Errorf("%d articulation points from %d to %d; want %d from 1 to %d", len(got), got[0], got[len(got)-1], n-2, n-2)
	}
}

func TestComponentsByHand(t *testing.T) {
	comp, count := netgraph.Components(handMade())
	// Numbered by first appearance: {0..9} 0, {10} 1, {11,12} 2, {13,14,15} 3, {16,17,18} 4.
	want := []int32{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 4, 4}
	if count != 5 {
		t.Errorf("%d components, want 5", count)
	}
	if diff := cmp.Diff(want, comp); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int32{10}, netgraph.Isolated(handMade())); diff != "" {
		t.Errorf("Isolated (-want +got):\n%s", diff)
	}
}

func TestEgoByHand(t *testing.T) {
	g := handMade()
	for _, tc := range []struct {
		v           int32
		depth       int
		nodes, dist []int32
	}{
		// 0's neighbours are 1 and 2; 1 adds nothing new, 2 adds 3 and 5; then 3 adds 4 and
		// 5 adds 6 (4 is already there).
		{0, 0, []int32{0}, []int32{0}},
		{0, 1, []int32{0, 1, 2}, []int32{0, 1, 1}},
		{0, 2, []int32{0, 1, 2, 3, 5}, []int32{0, 1, 1, 2, 2}},
		{0, 3, []int32{0, 1, 2, 3, 5, 4, 6}, []int32{0, 1, 1, 2, 2, 3, 3}},
		{10, 3, []int32{10}, []int32{0}},
		{9, 2, []int32{9, 8, 6, 7}, []int32{0, 1, 2, 2}},
		{14, -1, []int32{14}, []int32{0}},
	} {
		nodes, dist := netgraph.Ego(g, tc.v, tc.depth)
		if diff := cmp.Diff([2][]int32{tc.nodes, tc.dist}, [2][]int32{nodes, dist}); diff != "" {
			t.Errorf("Ego(%d, %d) [nodes, dist] (-want +got):\n%s", tc.v, tc.depth, diff)
		}
	}
}

func TestDensityByHand(t *testing.T) {
	g := handMade()
	for _, tc := range []struct {
		nodes []int32
		want  float64
	}{
		{[]int32{5, 3, 2, 4}, 4.0 / 6}, // the square: 4 of C(4,2) = 6 pairs
		{[]int32{0, 1, 2}, 1},          // a triangle is complete
		{[]int32{0, 1, 2, 3}, 4.0 / 6}, // triangle plus 2–3
		{[]int32{0, 10}, 0},            // no edge
		{[]int32{0, 1, 1, 0}, 1},       // duplicates count once: the pair 0–1
		{[]int32{7}, 0},                // fewer than two nodes
		{nil, 0},
	} {
		if got := netgraph.Density(g, tc.nodes); !near(got, tc.want, 1e-15) {
			t.Errorf("Density(%v) = %g, want %g", tc.nodes, got, tc.want)
		}
	}
}

// TestModularityByHand: two triangles 0-1-2 and 3-4-5 joined by the edge 2–3, m = 7.
// Split into the triangles: each has L_c = 3 inner edges and strength Σ_tot = 2+2+3 = 7, so
//
//	Q = 2·(3/7 − (7/14)²) = 6/7 − 1/2 = 0.357142…
//
// All in one community: Q = 7/7 − 1² = 0. Every node alone: Q = −Σ_i (k_i/14)² = −(4·4 +
// 2·9)/196 = −34/196. With resolution 0.5 the split gives 6/7 − 0.5·0.5 = 0.607142….
func TestModularityByHand(t *testing.T) {
	g := unweighted(6, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 0}, [2]int32{3, 4}, [2]int32{4, 5}, [2]int32{5, 3}, [2]int32{2, 3})
	for _, tc := range []struct {
		comm []int32
		res  float64
		want float64
	}{
		{[]int32{0, 0, 0, 1, 1, 1}, 1, 6.0/7 - 0.5},
		{[]int32{7, 7, 7, 3, 3, 3}, 1, 6.0/7 - 0.5}, // numbers need not be contiguous
		{[]int32{0, 0, 0, 0, 0, 0}, 1, 0},
		{[]int32{0, 1, 2, 3, 4, 5}, 1, -34.0 / 196},
		{[]int32{0, 0, 0, 1, 1, 1}, 0.5, 6.0/7 - 0.25},
	} {
		if got := netgraph.Modularity(g, tc.comm, tc.res); !near(got, tc.want, 1e-12) {
			t.Errorf("Modularity(%v, %g) = %.12g, want %.12g", tc.comm, tc.res, got, tc.want)
		}
	}
	comm, q := netgraph.Louvain(g, 1, 1)
	if diff := cmp.Diff([]int32{0, 0, 0, 1, 1, 1}, comm); diff != "" || !near(q, 6.0/7-0.5, 1e-12) {
		t.Errorf("Louvain: Q = %g, communities (-want +got):\n%s", q, diff)
	}
}

// readEdgeList reads "u v [w]" lines (# starts a comment) into a graph with as many nodes
// as the largest number plus one.
func readEdgeList(t testing.TB, path string) *netgraph.Graph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var es []netgraph.Edge
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Fields(line)
		u, err1 := strconv.Atoi(fs[0])
		v, err2 := strconv.Atoi(fs[1])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad line %q", path, line)
		}
		w := 1.0
		if len(fs) > 2 {
			if w, err = strconv.ParseFloat(fs[2], 64); err != nil {
				t.Fatal(err)
			}
		}
		es = append(es, netgraph.Edge{U: int32(u), V: int32(v), W: w})
		n = max(n, u+1, v+1)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return netgraph.Build(n, es)
}

// TestKarateLouvain: Zachary's karate club. The best partition has Q = 0.4198 (Brandes et
// al. 2008 proved it optimal); Louvain should come close, and at least to 0.40.
func TestKarateLouvain(t *testing.T) {
	g := readEdgeList(t, "testdata/karate.txt")
	if g.Order() != 34 || g.Size() != 78 {
		t.Fatalf("karate club: %d nodes, %d edges; want 34, 78", g.Order(), g.Size())
	}
	for _, seed := range []uint64{1, 2, 3, 42} {
		comm, q := netgraph.Louvain(g, 1, seed)
		again, q2 := netgraph.Louvain(g, 1, seed)
		if !slices.Equal(comm, again) || q != q2 {
			t.Errorf("seed %d: two runs differ: Q %g and %g", seed, q, q2)
		}
		k := slices.Max(comm) + 1
		t.Logf("seed %d: Q = %.4f, %d communities: %v", seed, q, k, comm)
		if q < 0.40 {
			t.Errorf("seed %d: Q = %.4f < 0.40", seed, q)
		}
		if recomputed := netgraph.Modularity(g, comm, 1); !near(q, recomputed, 1e-12) {
			t.Errorf("seed %d: Louvain says Q = %g, Modularity %g", seed, q, recomputed)
		}
		// Numbered by first appearance: each number is at most one more than any before it.
		top := int32(-1)
		for v, c := range comm {
			if c > top+1 {
				t.Fatalf("seed %d: node %d in community %d before %d appeared", seed, v, c, top+1)
			}
			top = max(top, c)
		}
	}
}

// TestKarateBetweenness checks the karate club's betweenness against the values igraph and
// NetworkX report (normalized=False): the instructor (0), the administrator (33) and the
// members between their factions.
func TestKarateBetweenness(t *testing.T) {
	g := readEdgeList(t, "testdata/karate.txt")
	cb := netgraph.Betweenness(g, 0)
	for v, want := range map[int]float64{0: 231.0714286, 33: 160.5515873, 32: 76.6904762, 2: 75.8507937, 31: 73.0095238, 8: 29.5293651, 1: 28.4785714, 11: 0} {
		if !near(cb[v], want, 1e-6) {
			t.Errorf("betweenness of %d = %.7f, want %.7f", v, cb[v], want)
		}
	}
}
