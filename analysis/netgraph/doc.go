// Package netgraph holds the network algorithms of the structure analysis — degree and
// strength, PageRank, betweenness, Louvain communities and modularity, articulation points,
// components, ego networks and density — over one compact representation: an undirected,
// weighted, simple graph on the dense node numbers 0..n-1 in compressed sparse row (CSR)
// form.
//
// It exists because gonum's generic implementations, which walk graph.Graph interfaces and
// maps keyed by node ID, were the bottleneck on the nation-scale collaboration graph
// (200,000 organisations). The algorithms here run over flat int32/float64 arrays and reuse
// their buffers; betweenness shares its sources among the cores, PageRank and Louvain their
// connected components. gonum stays the reference: the tests compare every algorithm it
// also has against gonum on small random graphs.
//
// The package knows nothing of the domain (organisations, networks, regions) and does no
// I/O; package analysis builds the graphs and names the nodes. Functions panic on a node
// number outside 0..n-1, like a slice index would: node numbers come from the builder, not
// from users.
package netgraph
