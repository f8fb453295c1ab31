package netgraph_test

import (
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
)

// Two triangles of organisations joined by one tie (2–3), and an organisation without any
// tie (6). Node 2 lies on the paths from 0 and 1 to 3, 4 and 5 (betweenness 6), node 3
// likewise; both are articulation points. Louvain finds the triangles: with m = 8, inner
// weights 4 and 3 and strengths 9 and 7, Q = 4/8 − (9/16)² + 3/8 − (7/16)² = 0.367. The
// isolated node's PageRank is the uniform share alone: (1−d)/7 + d·PR/7 ⇒ PR = 0.15/6.15.
func Example() {
	g := netgraph.Build(7, []netgraph.Edge{
		{U: 0, V: 1, W: 2}, {U: 1, V: 2, W: 1}, {U: 2, V: 0, W: 1},
		{U: 3, V: 4, W: 1}, {U: 4, V: 5, W: 1}, {U: 5, V: 3, W: 1},
		{U: 2, V: 3, W: 1},
	})
	fmt.Println("nodes", g.Order(), "edges", g.Size(), "strength of 0:", g.Strength(0))
	fmt.Println("betweenness:", netgraph.Betweenness(g, 0))
	fmt.Println("articulation points:", netgraph.ArticulationPoints(g), "isolated:", netgraph.Isolated(g))
	comm, q := netgraph.Louvain(g, 1, 1)
	fmt.Printf("communities: %v, modularity %.3f\n", comm, q)
	pr := netgraph.PageRank(g, 0.85, 0)
	fmt.Printf("PageRank of 2: %.3f, of 6: %.3f\n", pr[2], pr[6])
	nodes, dist := netgraph.Ego(g, 0, 2)
	fmt.Println("ego of 0 to depth 2:", nodes, dist)
	fmt.Printf("density of {0,1,2,3}: %.3f\n", netgraph.Density(g, []int32{0, 1, 2, 3}))
	// Output:
	// nodes 7 edges 7 strength of 0: 3
	// betweenness: [0 0 6 6 0 0 0]
	// articulation points: [2 3] isolated: [6]
	// communities: [0 0 0 1 1 1 2], modularity 0.367
	// PageRank of 2: 0.175, of 6: 0.024
	// ego of 0 to depth 2: [0 1 2 3] [0 1 1 2]
	// density of {0,1,2,3}: 0.667
}
