package embedded

import (
	"slices"

	"github.com/google/btree"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// relIndex numbers the relationship types so an edge stores one byte instead of a string.
var relIndex = func() map[graph.RelType]uint8 {
	m := make(map[graph.RelType]uint8, len(graph.RelTypes))
	for i, ri := range graph.RelTypes {
		m[ri.Type] = uint8(i)
	}
	return m
}()

// typeRank orders relationship type numbers by the types' names.
var typeRank = func() []int {
	names := make([]string, len(graph.RelTypes))
	for i, ri := range graph.RelTypes {
		names[i] = string(ri.Type)
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	rank := make([]int, len(names))
	for i, n := range names {
		rank[i] = slices.Index(sorted, n)
	}
	return rank
}()

// edge is one end's view of a stored relationship.
type edge struct {
	typ   uint8
	peer  uint32
	props *graph.RelProps // nil when the relationship has no properties
}

func (e edge) relType() graph.RelType { return graph.RelTypes[e.typ].Type }

// node is a stored node with its adjacency. The entity is never modified in place: a write
// replaces the pointer, so snapshots that hold the old pointer stay consistent.
type node struct {
	e   graph.Entity
	num uint32
	out []edge
	in  []edge
}

// listKey names one ordered id list: all nodes of a kind, or those of one region.
type listKey struct {
	kind   graph.Kind
	region string // allRegions for the list across regions
}

const allRegions = "\x00all"

// state is the in-memory picture of the committed data: every node, the adjacency of every
// node, ordered id lists for paging, and the search index. Readers hold Store.mu.RLock;
// the single writer changes it under Store.mu.Lock after its bbolt transaction committed.
type state struct {
	nodes    []*node // by number; nil after a delete (numbers are never reused)
	byID     map[string]uint32
	lists    map[listKey]*btree.BTreeG[string]
	inRegion map[string]int // nodes per region key (a region counts itself)
	search   *index
	revision uint64
	auditSeq uint64

	// monitoring holds the heads (no Data) of the saved monitoring snapshots by id, and
	// monitoringIn counts them per region. A head is never modified once stored.
	monitoring   map[string]*graph.MonitoringSnapshot
	monitoringIn map[string]int

	// redirects maps the ids retired by merges that stand to their survivors.
	redirects map[string]string
}

func newState() *state {
	return &state{
		nodes:    []*node{nil}, // number 0 means "none"
		byID:     make(map[string]uint32),
		lists:    make(map[listKey]*btree.BTreeG[string]),
		inRegion: make(map[string]int),
		search:   newIndex(),

		monitoring:   make(map[string]*graph.MonitoringSnapshot),
		monitoringIn: make(map[string]int),
		redirects:    make(map[string]string),
	}
}

func (s *state) get(id string) *node {
	if n, ok := s.byID[id]; ok {
		return s.nodes[n]
	}
	return nil
}

// emptyList stands in for lists that do not exist yet; it is never written.
var emptyList = newList()

func newList() *btree.BTreeG[string] {
	return btree.NewG(32, func(a, b string) bool { return a < b })
}

// list returns the ordered ids of kind k in a region (allRegions for all). It never
// changes the state, so readers may call it.
func (s *state) list(k graph.Kind, region string) *btree.BTreeG[string] {
	if t := s.lists[listKey{k, region}]; t != nil {
		return t
	}
	return emptyList
}

// listForWrite returns the list, creating it; only the writer applying changes calls it.
func (s *state) listForWrite(k graph.Kind, region string) *btree.BTreeG[string] {
	key := listKey{k, region}
	t := s.lists[key]
	if t == nil {
		t = newList()
		s.lists[key] = t
	}
	return t
}

// put inserts or replaces a node's entity; d is its analysis for the search index.
func (s *state) put(e graph.Entity, d *docTerms) {
	id := e.Base().ID
	if n := s.get(id); n != nil {
		old := n.e
		n.e = e
		if old.RegionKey() != e.RegionKey() {
			s.unlist(old)
			s.enlist(e)
		}
		s.search.update(n.num, d)
		return
	}
	n := &node{e: e, num: uint32(len(s.nodes))}
	s.nodes = append(s.nodes, n)
	s.byID[id] = n.num
	s.enlist(e)
	s.search.update(n.num, d)
}

func (s *state) enlist(e graph.Entity) {
	id, k, r := e.Base().ID, e.EntityKind(), e.RegionKey()
	s.listForWrite(k, allRegions).ReplaceOrInsert(id)
	s.listForWrite(k, r).ReplaceOrInsert(id)
	s.inRegion[r]++
}

func (s *state) unlist(e graph.Entity) {
	id, k, r := e.Base().ID, e.EntityKind(), e.RegionKey()
	s.listForWrite(k, allRegions).Delete(id)
	s.listForWrite(k, r).Delete(id)
	s.inRegion[r]--
}

// remove deletes a node; its relationships must have been removed first.
func (s *state) remove(id string) {
	n := s.get(id)
	if n == nil {
		return
	}
	s.unlist(n.e)
	s.search.remove(n.num)
	delete(s.byID, id)
	s.nodes[n.num] = nil
}

// relate adds or replaces a relationship; both ends exist. Only the shorter of the two
// adjacency lists is searched for an existing edge: a shared target group can have hundreds
// of thousands of incoming edges, and scanning them for every new one would make loading
// quadratic.
func (s *state) relate(r graph.Relation) {
	from, to := s.get(r.From), s.get(r.To)
	t := relIndex[r.Type]
	var props *graph.RelProps
	if r.Props != (graph.RelProps{}) {
		p := r.Props
		props = &p
	}
	exists := false
	if len(from.out) <= len(to.in) {
		exists = indexEdge(from.out, t, to.num) >= 0
	} else {
		exists = indexEdge(to.in, t, from.num) >= 0
	}
	if !exists {
		from.out = append(from.out, edge{t, to.num, props})
		to.in = append(to.in, edge{t, from.num, props})
		return
	}
	from.out[indexEdge(from.out, t, to.num)].props = props
	to.in[indexEdge(to.in, t, from.num)].props = props
}

func (s *state) unrelate(k graph.RelationKey) {
	from, to := s.get(k.From), s.get(k.To)
	if from == nil || to == nil {
		return
	}
	t := relIndex[k.Type]
	from.out = dropEdge(from.out, t, to.num)
	to.in = dropEdge(to.in, t, from.num)
}

// indexEdge returns the position of the edge of type t to peer, or -1.
func indexEdge(es []edge, t uint8, peer uint32) int {
	for i := range es {
		if es[i].typ == t && es[i].peer == peer {
			return i
		}
	}
	return -1
}

func dropEdge(es []edge, t uint8, peer uint32) []edge {
	if i := indexEdge(es, t, peer); i >= 0 {
		es[i] = es[len(es)-1]
		return es[:len(es)-1]
	}
	return es
}

// relation returns the stored relationship with key k.
func (s *state) relation(k graph.RelationKey) (graph.Relation, bool) {
	from, to := s.get(k.From), s.get(k.To)
	if from == nil || to == nil {
		return graph.Relation{}, false
	}
	t, ok := relIndex[k.Type]
	if !ok {
		return graph.Relation{}, false
	}
	if len(from.out) <= len(to.in) {
		if i := indexEdge(from.out, t, to.num); i >= 0 {
			return s.toRelation(from, from.out[i], true), true
		}
	} else if i := indexEdge(to.in, t, from.num); i >= 0 {
		return s.toRelation(to, to.in[i], false), true
	}
	return graph.Relation{}, false
}

// toRelation turns an edge of n into a Relation; out says whether n is the start.
func (s *state) toRelation(n *node, e edge, out bool) graph.Relation {
	peer := s.nodes[e.peer].e.Base().ID
	r := graph.Relation{RelationKey: graph.RelationKey{Type: e.relType(), From: n.e.Base().ID, To: peer}}
	if !out {
		r.From, r.To = peer, r.From
	}
	if e.props != nil {
		r.Props = *e.props
	}
	return r
}

// relationsOf lists the stored relationships touching n.
func (s *state) relationsOf(n *node) []graph.Relation {
	rs := make([]graph.Relation, 0, len(n.out)+len(n.in))
	for _, e := range n.out {
		rs = append(rs, s.toRelation(n, e, true))
	}
	for _, e := range n.in {
		rs = append(rs, s.toRelation(n, e, false))
	}
	return rs
}

// The state is the graph.View of the committed data that writes are staged on.

// Node implements graph.View.
func (s *state) Node(id string) graph.Entity {
	if n := s.get(id); n != nil {
		return n.e
	}
	return nil
}

// Relation implements graph.View.
func (s *state) Relation(k graph.RelationKey) (graph.Relation, bool) { return s.relation(k) }

// RelationsOf implements graph.View.
func (s *state) RelationsOf(id string) []graph.Relation {
	if n := s.get(id); n != nil {
		return s.relationsOf(n)
	}
	return nil
}

// RegionMembers implements graph.View: the region counts itself in inRegion.
func (s *state) RegionMembers(key string) int {
	n := s.inRegion[key]
	if r := s.get(key); r != nil && r.e.EntityKind() == graph.KindRegion {
		n--
	}
	return n
}

// Referrers implements graph.View.
func (s *state) Referrers(region string) []string {
	var ids []string
	for _, k := range graph.ReferringKinds {
		s.list(k, region).Ascend(func(id string) bool { ids = append(ids, id); return true })
	}
	return ids
}

// MonitoringSnapshotsOf implements graph.View.
func (s *state) MonitoringSnapshotsOf(key string) int { return s.monitoringIn[key] }

// putMonitoring adds the head of a saved monitoring snapshot.
func (s *state) putMonitoring(head *graph.MonitoringSnapshot) {
	if old := s.monitoring[head.ID]; old != nil {
		s.monitoringIn[old.Region]--
	}
	s.monitoring[head.ID] = head
	s.monitoringIn[head.Region]++
}

// removeMonitoring drops the head of a deleted monitoring snapshot.
func (s *state) removeMonitoring(id string) {
	if old := s.monitoring[id]; old != nil {
		delete(s.monitoring, id)
		if s.monitoringIn[old.Region]--; s.monitoringIn[old.Region] == 0 {
			delete(s.monitoringIn, old.Region)
		}
	}
}

// upgradeInput collects what graph.UpgradePlan looks at.
func (s *state) upgradeInput() graph.UpgradeInput {
	var in graph.UpgradeInput
	s.list(graph.KindIndicator, allRegions).Ascend(func(id string) bool {
		if ind := s.get(id).e.(*graph.Indicator); ind.Target != nil && ind.Direction == "" {
			in.Indicators = append(in.Indicators, ind)
		}
		return true
	})
	provides := relIndex[graph.Provides]
	s.list(graph.KindMeasure, allRegions).Ascend(func(id string) bool {
		n := s.get(id)
		var only *edge
		count := 0
		for i := range n.in {
			if n.in[i].typ == provides {
				count++
				only = &n.in[i]
			}
		}
		if count == 1 && (only.props == nil || only.props.Role == "") {
			in.SoleProviders = append(in.SoleProviders, graph.Relation{RelationKey: graph.RelationKey{
				Type: graph.Provides, From: s.nodes[only.peer].e.Base().ID, To: id}})
		}
		return true
	})
	return in
}
