package analysis

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Network structure: the collaboration graph of the organisations (CollaborationGraph), with
// per organisation its degree (partners), strength (weighted degree: shared networks plus
// cooperations), betweenness (Brandes; how often it lies on the shortest paths between two
// others — the brokers), PageRank (weighted, damping 0.85), its Louvain community, and
// whether it is an articulation point (its loss splits its part of the network) or isolated
// (no tie at all). Densities — ties among the organisations of a municipality or field
// divided by the possible ties — show where the network is thin.

// Defaults of the network analysis.
const (
	DefaultLouvainSeed       = 1
	DefaultLouvainResolution = 1.0
	DefaultPageRankDamping   = 0.85
	DefaultBrokers           = 10
	// MaxEgoDepth is the deepest ego network.
	MaxEgoDepth = 3
	// MaxLouvainResolution is the largest Louvain resolution accepted.
	MaxLouvainResolution = 10
	// MaxBrokers is the longest broker list.
	MaxBrokers = 1000
)

// NetworkParams select the part of the network analysed and the algorithms' parameters.
type NetworkParams struct {
	// Field keeps only the organisations working in this field: providing a measure in it or
	// being a member of a network that works on it.
	Field string
	// Municipality keeps only the organisations active there (ACTIVE_IN or a measure
	// offered there).
	Municipality string
	// Resolution is the Louvain resolution (DefaultLouvainResolution when 0).
	Resolution float64
	// Seed fixes Louvain's node order, so results repeat (DefaultLouvainSeed when 0).
	Seed uint64
	// Brokers is how many organisations the broker list holds (DefaultBrokers when 0).
	Brokers int
}

// OrgMetrics are one organisation's figures.
type OrgMetrics struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Kind         string  `json:"kind"`
	Degree       int     `json:"degree"`
	Strength     float64 `json:"strength"`
	Betweenness  float64 `json:"betweenness"`
	PageRank     float64 `json:"pagerank"`
	Community    int32   `json:"community"`
	Articulation bool    `json:"articulation_point"`
	Isolated     bool    `json:"isolated"`
}

// Tie is an edge of the collaboration graph with what makes it.
type Tie struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Weight float64 `json:"weight"`
	// Networks are the networks both are members of.
	Networks []string `json:"networks"`
	// Cooperation is true when a COOPERATES_WITH relationship joins them.
	Cooperation bool `json:"cooperation"`
}

// CommunitySummary describes one Louvain community.
type CommunitySummary struct {
	ID   int32 `json:"id"`
	Size int   `json:"size"`
	// Central is the member with the highest PageRank.
	Central Named `json:"central"`
}

// DensityRow is the density of the ties among the organisations of a municipality or field.
type DensityRow struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	Organisations int     `json:"organisations"`
	Ties          int     `json:"ties"`
	Density       float64 `json:"density"`
}

// NetworkNode is a network (Steuerungsgruppe, Runder Tisch …) with its member organisations.
type NetworkNode struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Members []string `json:"members"`
}

// NetworkAnalysis is the structure of a region's collaboration network.
type NetworkAnalysis struct {
	Region       string  `json:"region"`
	Field        string  `json:"field,omitempty"`
	Municipality string  `json:"municipality,omitempty"`
	Seed         uint64  `json:"seed"`
	Resolution   float64 `json:"resolution"`
	// Organisations and Ties count nodes and edges; Density is Ties over the possible ties.
	Organisations int     `json:"organisations"`
	Ties          int     `json:"ties"`
	Density       float64 `json:"density"`
	// Components counts the connected parts (an isolated organisation is one).
	Components int `json:"components"`
	// Modularity is the Louvain partition's modularity (Newman–Girvan, at the resolution).
	Modularity  float64            `json:"modularity"`
	Communities []CommunitySummary `json:"communities"`
	// Nodes holds every organisation's figures, ordered by id; Edges the ties.
	Nodes []OrgMetrics `json:"nodes"`
	Edges []Tie        `json:"edges"`
	// Networks are the networks with their member organisations (among Nodes).
	Networks []NetworkNode `json:"networks"`
	// Brokers are the organisations with the highest betweenness (> 0), highest first.
	Brokers            []OrgMetrics `json:"brokers"`
	ArticulationPoints []Named      `json:"articulation_points"`
	Isolated           []Named      `json:"isolated"`
	// DensityByMunicipality and DensityByField give the density among the organisations of
	// each municipality and each field (all organisations of the region, whatever the filter).
	DensityByMunicipality []DensityRow `json:"density_by_municipality"`
	DensityByField        []DensityRow `json:"density_by_field"`
}

// Figures returns the headline figures of the analysis for a monitoring run.
func (n *NetworkAnalysis) Figures() *NetworkFigures {
	return &NetworkFigures{Organisations: n.Organisations, Ties: n.Ties, Density: n.Density, Communities: len(n.Communities),
		Modularity: n.Modularity, Isolated: n.Isolated, ArticulationPoints: n.ArticulationPoints}
}

// AnalyseNetwork computes the structure of the snapshot's collaboration network; col is the
// snapshot's CollaborationGraph.
func AnalyseNetwork(s *graph.Snapshot, col *Collaboration, p NetworkParams) (*NetworkAnalysis, error) {
	if p.Resolution == 0 {
		p.Resolution = DefaultLouvainResolution
	}
	if p.Seed == 0 {
		p.Seed = DefaultLouvainSeed
	}
	if p.Brokers == 0 {
		p.Brokers = DefaultBrokers
	}
	if p.Resolution < 0 || p.Resolution > MaxLouvainResolution {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid resolution",
			Fields: []graph.FieldError{{Field: "resolution", Message: "must be between 0 and 10"}}}
	}
	if p.Brokers < 0 || p.Brokers > MaxBrokers {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid brokers",
			Fields: []graph.FieldError{{Field: "brokers", Message: "must be between 1 and 1000"}}}
	}
	ps := profiles(s)
	networkFields := map[string][]string{}
	members := map[string][]string{}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.WorksOn:
			networkFields[r.From] = append(networkFields[r.From], r.To)
		case graph.MemberOf:
			if _, ok := col.Index[r.From]; ok {
				members[r.To] = append(members[r.To], r.From)
			}
		}
	}
	// An organisation works in a field when it offers in it or sits in a network on it.
	for _, n := range s.Networks {
		fs := make([]int32, 0, len(networkFields[n.ID]))
		for _, f := range networkFields[n.ID] {
			fs = append(fs, ps.intern(f))
		}
		for _, o := range members[n.ID] {
			ps.of[o].addFields(fs)
		}
	}
	if p.Field != "" && !slices.ContainsFunc(s.Fields, func(f *graph.FieldOfAction) bool { return f.ID == p.Field }) {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "unknown field",
			Fields: []graph.FieldError{{Field: "field", Message: fmt.Sprintf("%q is not a field of action of the region", p.Field)}}}
	}
	if p.Municipality != "" && !slices.ContainsFunc(s.Municipalities, func(m *graph.Municipality) bool { return m.ID == p.Municipality }) {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "unknown municipality",
			Fields: []graph.FieldError{{Field: "municipality", Message: fmt.Sprintf("%q is not a municipality of the region", p.Municipality)}}}
	}

	// The organisations analysed, as nodes of the whole collaboration graph.
	var keep []int32
	field, muni := ps.lookup(p.Field), ps.lookup(p.Municipality)
	for i, id := range col.IDs {
		pr := ps.of[id]
		if (p.Field == "" || has(pr.fields, field)) && (p.Municipality == "" || has(pr.munis, muni)) {
			keep = append(keep, int32(i))
		}
	}
	g, sub := col.Graph, keep
	if len(keep) != len(col.IDs) {
		g = induced(col.Graph, keep)
	} else {
		sub = nil // the identity
	}
	orig := func(v int32) int32 {
		if sub == nil {
			return v
		}
		return sub[v]
	}

	n := g.Order()
	res := &NetworkAnalysis{Region: s.Region, Field: p.Field, Municipality: p.Municipality, Seed: p.Seed, Resolution: p.Resolution,
		Organisations: n, Ties: g.Size(), Nodes: make([]OrgMetrics, n), Edges: []Tie{}, Networks: []NetworkNode{}, Communities: []CommunitySummary{},
		Brokers: []OrgMetrics{}, ArticulationPoints: []Named{}, Isolated: []Named{}}
	if n > 1 {
		res.Density = float64(g.Size()) / (float64(n) * float64(n-1) / 2)
	}
	_, res.Components = netgraph.Components(g)
	pr := netgraph.PageRank(g, DefaultPageRankDamping, 1e-10)
	bc := netgraph.Betweenness(g, 0)
	comm, q := netgraph.Louvain(g, p.Resolution, p.Seed)
	res.Modularity = q
	orgs := make(map[string]*graph.Organisation, len(s.Organisations))
	for _, o := range s.Organisations {
		orgs[o.ID] = o
	}
	for v := range int32(n) {
		id := col.IDs[orig(v)]
		o := orgs[id]
		res.Nodes[v] = OrgMetrics{ID: id, Name: o.Name, Kind: o.Kind, Degree: g.Degree(v), Strength: g.Strength(v),
			Betweenness: bc[v], PageRank: pr[v], Community: comm[v], Isolated: g.Degree(v) == 0}
	}
	for _, v := range netgraph.ArticulationPoints(g) {
		res.Nodes[v].Articulation = true
	}
	for _, m := range res.Nodes {
		if m.Articulation {
			res.ArticulationPoints = append(res.ArticulationPoints, Named{ID: m.ID, Name: m.Name})
		}
		if m.Isolated {
			res.Isolated = append(res.Isolated, Named{ID: m.ID, Name: m.Name})
		}
	}
	// Communities, each with its most central member.
	sizes := map[int32]int{}
	central := map[int32]int{}
	for v, m := range res.Nodes {
		sizes[m.Community]++
		if c, ok := central[m.Community]; !ok || m.PageRank > res.Nodes[c].PageRank {
			central[m.Community] = v
		}
	}
	for c, size := range sizes {
		m := res.Nodes[central[c]]
		res.Communities = append(res.Communities, CommunitySummary{ID: c, Size: size, Central: Named{ID: m.ID, Name: m.Name}})
	}
	slices.SortFunc(res.Communities, func(a, b CommunitySummary) int { return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.ID, b.ID)) })
	// Brokers: the highest betweenness.
	for _, m := range res.Nodes {
		if m.Betweenness > 0 {
			res.Brokers = append(res.Brokers, m)
		}
	}
	slices.SortFunc(res.Brokers, func(a, b OrgMetrics) int {
		return cmp.Or(cmp.Compare(b.Betweenness, a.Betweenness), cmp.Compare(a.Name, b.Name))
	})
	if len(res.Brokers) > p.Brokers {
		res.Brokers = res.Brokers[:p.Brokers]
	}

	inSet := make(map[string]bool, n)
	for _, m := range res.Nodes {
		inSet[m.ID] = true
	}
	res.Edges = ties(s, col, inSet)
	for _, nw := range s.Networks {
		node := NetworkNode{ID: nw.ID, Name: nw.Name, Kind: nw.Kind, Members: []string{}}
		for _, o := range members[nw.ID] {
			if inSet[o] {
				node.Members = append(node.Members, o)
			}
		}
		if len(node.Members) > 0 || (p.Field == "" && p.Municipality == "") {
			slices.Sort(node.Members)
			res.Networks = append(res.Networks, node)
		}
	}

	// Densities per municipality and field over the whole graph.
	byMuni, byField := map[int32][]int32{}, map[int32][]int32{}
	for i, id := range col.IDs {
		for _, m := range ps.of[id].munis {
			byMuni[m] = append(byMuni[m], int32(i))
		}
		for _, f := range ps.of[id].fields {
			byField[f] = append(byField[f], int32(i))
		}
	}
	row := func(id, name string, nodes []int32) DensityRow {
		r := DensityRow{ID: id, Name: name, Organisations: len(nodes), Density: netgraph.Density(col.Graph, nodes)}
		if k := len(nodes); k > 1 {
			r.Ties = int(r.Density*float64(k)*float64(k-1)/2 + 0.5)
		}
		return r
	}
	for _, m := range s.Municipalities {
		res.DensityByMunicipality = append(res.DensityByMunicipality, row(m.ID, m.Name, byMuni[ps.lookup(m.ID)]))
	}
	for _, f := range s.Fields {
		res.DensityByField = append(res.DensityByField, row(f.ID, f.Name, byField[ps.lookup(f.ID)]))
	}
	if res.DensityByMunicipality == nil {
		res.DensityByMunicipality = []DensityRow{}
	}
	if res.DensityByField == nil {
		res.DensityByField = []DensityRow{}
	}
	return res, nil
}

// induced returns the subgraph of g on nodes (renumbered 0..len(nodes)-1 in their order).
func induced(g *netgraph.Graph, nodes []int32) *netgraph.Graph {
	idx := make(map[int32]int32, len(nodes))
	for i, v := range nodes {
		idx[v] = int32(i)
	}
	var edges []netgraph.Edge
	for i, v := range nodes {
		nb, w := g.Neighbors(v)
		for k, u := range nb {
			if j, ok := idx[u]; ok && int32(i) < j {
				edges = append(edges, netgraph.Edge{U: int32(i), V: j, W: w[k]})
			}
		}
	}
	return netgraph.Build(len(nodes), edges)
}

// ties lists the ties among the organisations in set with the networks and cooperations
// that make them, ordered by their ends.
func ties(s *graph.Snapshot, col *Collaboration, set map[string]bool) []Tie {
	type pair struct{ a, b string }
	byPair := map[pair]*Tie{}
	get := func(a, b string) *Tie {
		if b < a {
			a, b = b, a
		}
		t := byPair[pair{a, b}]
		if t == nil {
			t = &Tie{A: a, B: b, Networks: []string{}}
			byPair[pair{a, b}] = t
		}
		return t
	}
	members := map[string][]string{}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.MemberOf:
			if set[r.From] {
				members[r.To] = append(members[r.To], r.From)
			}
		case graph.CooperatesWith:
			if set[r.From] && set[r.To] && r.From != r.To {
				t := get(r.From, r.To)
				if !t.Cooperation {
					t.Cooperation = true
					t.Weight++
				}
			}
		}
	}
	for nw, ms := range members {
		slices.Sort(ms)
		ms = slices.Compact(ms)
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				t := get(a, b)
				t.Networks = append(t.Networks, nw)
				t.Weight++
			}
		}
	}
	out := make([]Tie, 0, len(byPair))
	for _, t := range byPair {
		slices.Sort(t.Networks)
		out = append(out, *t)
	}
	slices.SortFunc(out, func(x, y Tie) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return out
}

// EgoNode is an organisation of an ego network with its distance from the centre.
type EgoNode struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Distance int    `json:"distance"`
}

// Ego is the network around one organisation: everyone within Depth ties, and the ties among them.
type Ego struct {
	Center Named     `json:"center"`
	Depth  int       `json:"depth"`
	Nodes  []EgoNode `json:"nodes"`
	Edges  []Tie     `json:"edges"`
}

// EgoNetwork returns the ego network of organisation id to depth 1–3.
func EgoNetwork(s *graph.Snapshot, col *Collaboration, id string, depth int) (*Ego, error) {
	if depth == 0 {
		depth = 1
	}
	if depth < 1 || depth > MaxEgoDepth {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid depth",
			Fields: []graph.FieldError{{Field: "depth", Message: fmt.Sprintf("must be between 1 and %d", MaxEgoDepth)}}}
	}
	v, ok := col.Index[id]
	if !ok {
		return nil, graph.NotFound(graph.KindOrganisation, id)
	}
	orgs := make(map[string]*graph.Organisation, len(s.Organisations))
	for _, o := range s.Organisations {
		orgs[o.ID] = o
	}
	nodes, dist := netgraph.Ego(col.Graph, v, depth)
	e := &Ego{Center: Named{ID: id, Name: orgs[id].Name}, Depth: depth, Nodes: make([]EgoNode, len(nodes))}
	set := make(map[string]bool, len(nodes))
	for i, u := range nodes {
		o := orgs[col.IDs[u]]
		e.Nodes[i] = EgoNode{ID: o.ID, Name: o.Name, Kind: o.Kind, Distance: int(dist[i])}
		set[o.ID] = true
	}
	e.Edges = ties(s, col, set)
	return e, nil
}
