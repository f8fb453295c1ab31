package embedded

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/google/btree"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Create implements graph.Store.
func (s *Store) Create(ctx context.Context, e graph.Entity) (graph.Entity, error) {
	out := s.write(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpCreate, Entity: e}}})
	if out.err != nil {
		return nil, out.err
	}
	return out.nodes[0].Clone(), nil
}

// Update implements graph.Store.
func (s *Store) Update(ctx context.Context, e graph.Entity, expectedVersion int64) (graph.Entity, error) {
	out := s.write(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpUpdate, Entity: e, Version: expectedVersion}}})
	if out.err != nil {
		return nil, out.err
	}
	if staged := out.nodes[0]; staged != nil {
		return staged.Clone(), nil
	}
	return s.Get(ctx, e.EntityKind(), out.res.IDs[0]) // unchanged
}

// Delete implements graph.Store.
func (s *Store) Delete(ctx context.Context, kind graph.Kind, id string, expectedVersion int64) error {
	return s.write(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpDelete, Kind: kind, ID: id, Version: expectedVersion}}}).err
}

// Relate implements graph.Store.
func (s *Store) Relate(ctx context.Context, r graph.Relation) (graph.Relation, error) {
	if err := s.write(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpRelate, Relation: r}}}).err; err != nil {
		return graph.Relation{}, err
	}
	r.Normalize()
	return r, nil
}

// Unrelate implements graph.Store.
func (s *Store) Unrelate(ctx context.Context, k graph.RelationKey) error {
	out := s.write(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpUnrelate, Relation: graph.Relation{RelationKey: k}}}})
	if out.err != nil {
		return out.err
	}
	if out.res.Unrelated == 0 {
		return graph.Errorf(graph.ENOTFOUND, "there is no relationship %s", k.Canonical())
	}
	return nil
}

// Apply implements graph.Store.
func (s *Store) Apply(ctx context.Context, b *graph.Batch) (graph.BatchResult, error) {
	out := s.write(ctx, b)
	return out.res, out.err
}

// Get implements graph.Store.
func (s *Store) Get(ctx context.Context, kind graph.Kind, id string) (graph.Entity, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := s.st.get(id)
	if n == nil || n.e.EntityKind() != kind {
		return nil, graph.NotFound(kind, id)
	}
	return n.e.Clone(), nil
}

// Relations implements graph.Store.
func (s *Store) Relations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := s.st.get(q.Node)
	if n == nil {
		k, _ := graph.KindOfID(q.Node)
		return nil, graph.NotFound(cmp.Or(k, "node"), q.Node)
	}
	var rs []graph.Relation
	keep := func(r graph.Relation) {
		if (q.Type == "" || r.Type == q.Type) &&
			(q.Direction == "" || (q.Direction == "out") == (r.From == q.Node)) {
			rs = append(rs, r)
		}
	}
	for _, r := range s.st.relationsOf(n) {
		keep(r)
	}
	for _, r := range s.derived(n) {
		keep(r)
	}
	graph.SortRelations(rs)
	return rs, nil
}

// derived returns the PART_OF and DEFINED_BY relationships touching n.
func (s *Store) derived(n *node) []graph.Relation {
	switch v := n.e.(type) {
	case *graph.Municipality:
		return []graph.Relation{{RelationKey: graph.RelationKey{Type: graph.PartOf, From: v.ID, To: v.Region}}}
	case *graph.FieldOfAction:
		return []graph.Relation{{RelationKey: graph.RelationKey{Type: graph.DefinedBy, From: v.ID, To: v.Region}}}
	case *graph.Region:
		var rs []graph.Relation
		for _, k := range []graph.Kind{graph.KindMunicipality, graph.KindField} {
			t := graph.PartOf
			if k == graph.KindField {
				t = graph.DefinedBy
			}
			s.st.list(k, v.ID).Ascend(func(id string) bool {
				rs = append(rs, graph.Relation{RelationKey: graph.RelationKey{Type: t, From: id, To: v.ID}})
				return true
			})
		}
		return rs
	}
	return nil
}

// matcher returns the predicate for filter f on nodes of kind k.
func (s *Store) matcher(k graph.Kind, f graph.Filter) func(*node) bool {
	rels := f.Relational(k)
	return func(n *node) bool {
		if n.e.EntityKind() != k || !f.MatchProps(n.e) {
			return false
		}
		for _, rf := range rels {
			if !s.hasEdge(n, rf) {
				return false
			}
		}
		return true
	}
}

func (s *Store) hasEdge(n *node, rf graph.RelFilter) bool {
	peer, ok := s.st.byID[rf.ID]
	if !ok {
		return false
	}
	t := relIndex[rf.Type]
	es := n.in
	if rf.Out {
		es = n.out
	}
	for _, e := range es {
		if e.typ == t && e.peer == peer {
			return true
		}
	}
	return false
}

// candidates returns the ids that may match: the neighbours along the most selective
// relationship filter, or walk = true when the kind's ordered list must be walked instead.
func (s *Store) candidates(k graph.Kind, f graph.Filter) (ids []string, walk bool) {
	var best []edge
	var bestType uint8
	bestSet := false
	for _, rf := range f.Relational(k) {
		peer := s.st.get(rf.ID)
		if peer == nil {
			return nil, false // nothing can match
		}
		// The listed node is the start when Out; seen from the peer the edge comes in.
		es := peer.out
		if rf.Out {
			es = peer.in
		}
		if !bestSet || len(es) < len(best) {
			best, bestType, bestSet = es, relIndex[rf.Type], true
		}
	}
	if !bestSet {
		return nil, true
	}
	ids = make([]string, 0, len(best))
	for _, e := range best {
		if e.typ == bestType {
			ids = append(ids, s.st.nodes[e.peer].e.Base().ID)
		}
	}
	slices.Sort(ids)
	return ids, false
}

// List implements graph.Store.
func (s *Store) List(ctx context.Context, q graph.ListQuery) (graph.Page, error) {
	limit, after, err := q.Page()
	if err != nil {
		return graph.Page{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	match := s.matcher(q.Kind, q.Filter)
	var page graph.Page
	take := func(id string) {
		n := s.st.get(id)
		if n == nil || !match(n) {
			return
		}
		page.Total++
		if id > after && len(page.Items) <= limit {
			page.Items = append(page.Items, n.e.Clone())
		}
	}
	ids, walk := s.candidates(q.Kind, q.Filter)
	lists := s.lists(q.Kind, q.Filter)
	switch {
	case !walk:
		for _, id := range ids {
			take(id)
		}
	case len(lists) == 1 && onlyRegion(q.Filter):
		// Nothing to test per node: count from the tree, read one page.
		page.Total = lists[0].Len()
		lists[0].AscendGreaterOrEqual(after+"\x00", func(id string) bool {
			page.Items = append(page.Items, s.st.get(id).e.Clone())
			return len(page.Items) <= limit
		})
	case len(lists) == 1:
		lists[0].Ascend(func(id string) bool { take(id); return true })
	default:
		// Several regions: their lists hold disjoint ids; merge them in id order.
		var all []string
		for _, l := range lists {
			l.Ascend(func(id string) bool { all = append(all, id); return true })
		}
		slices.Sort(all)
		for _, id := range all {
			take(id)
		}
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.NextCursor = graph.EncodeCursor(page.Items[limit-1].Base().ID)
	}
	return page, nil
}

// Search implements graph.Store.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) (graph.SearchResult, error) {
	plan, err := q.Plan()
	if err != nil {
		return graph.SearchResult{}, err
	}
	matchers := map[graph.Kind]func(*node) bool{}
	for _, k := range plan.Kinds {
		matchers[k] = s.matcher(k, q.Filter)
	}
	tokens := plan.Tokens

	s.mu.RLock()
	defer s.mu.RUnlock()
	type hit struct {
		n     *node
		score float64
	}
	var hits []hit
	accept := func(num uint32) bool {
		n := s.st.nodes[num]
		if n == nil {
			return false
		}
		m := matchers[n.e.EntityKind()]
		return m != nil && m(n)
	}
	if len(tokens) > 0 {
		for num, score := range s.st.search.search(tokens, accept) {
			hits = append(hits, hit{s.st.nodes[num], score})
		}
	} else if plan.Blank {
		for k := range matchers {
			ids, walk := s.candidates(k, q.Filter)
			if walk {
				for _, l := range s.lists(k, q.Filter) {
					l.Ascend(func(id string) bool { ids = append(ids, id); return true })
				}
			}
			for _, id := range ids {
				if n := s.st.get(id); n != nil && accept(n.num) {
					hits = append(hits, hit{n, 0})
				}
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.n.e.Base().ID, b.n.e.Base().ID))
	})
	res := graph.SearchResult{Total: len(hits), NextCursor: plan.NextCursor(len(hits))}
	for i := plan.Offset; i < len(hits) && i < plan.Offset+plan.Limit; i++ {
		e := hits[i].n.e.Clone()
		res.Hits = append(res.Hits, graph.SearchHit{Entity: e, Score: hits[i].score, Matches: graph.Highlight(e, tokens)})
	}
	return res, nil
}

// lists returns the ordered id lists that hold every node of kind k the filter can keep:
// the region's list, the lists of the readable regions, or the list of all nodes.
func (s *Store) lists(k graph.Kind, f graph.Filter) []*btree.BTreeG[string] {
	var regions []string
	switch {
	case f.Region != "" && (f.Regions == nil || slices.Contains(f.Regions, f.Region)):
		regions = []string{f.Region}
	case f.Region != "":
		regions = []string{}
	case f.Regions != nil:
		regions = f.Regions
	default:
		return []*btree.BTreeG[string]{s.st.list(k, allRegions)}
	}
	if k == graph.KindTargetGroup {
		regions = append(slices.Clone(regions), "") // shared groups belong to every region
	}
	out := make([]*btree.BTreeG[string], 0, len(regions))
	for _, r := range regions {
		if l := s.st.list(k, r); l.Len() > 0 {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = append(out, emptyList)
	}
	return out
}

// onlyRegion reports whether f filters by nothing but the region.
func onlyRegion(f graph.Filter) bool {
	f.Region = ""
	return f.Regions == nil && f.Visibility == "" && f.PublicOutside == nil && f.Municipality == "" && f.Field == "" && f.TargetGroup == "" &&
		f.Organisation == "" && f.Network == "" && f.Type == "" && f.Status == "" && f.Language == ""
}

// Snapshot implements graph.Store. It shares the immutable node values with the state.
func (s *Store) Snapshot(ctx context.Context, region string) (*graph.Snapshot, error) {
	if region != "" {
		if f := (graph.Filter{Region: region}); f.Check(graph.KindRegion) != nil {
			return nil, f.Check(graph.KindRegion)
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if region != "" {
		if n := s.st.get(region); n == nil || n.e.EntityKind() != graph.KindRegion {
			return nil, graph.NotFound(graph.KindRegion, region)
		}
	}
	snap := &graph.Snapshot{Region: region, Revision: s.st.revision, Taken: time.Now().UTC()}
	var members []*node
	for _, ki := range graph.Kinds {
		lists := []string{allRegions}
		if region != "" {
			lists = []string{region}
			if ki.Kind == graph.KindTargetGroup {
				lists = append(lists, "")
			}
		}
		var ids []string
		for _, r := range lists {
			s.st.list(ki.Kind, r).Ascend(func(id string) bool { ids = append(ids, id); return true })
		}
		slices.Sort(ids)
		for _, id := range ids {
			n := s.st.get(id)
			snap.Add(n.e)
			members = append(members, n)
		}
	}
	inSnap := func(num uint32) bool {
		if region == "" {
			return true
		}
		r := s.st.nodes[num].e.RegionKey()
		return r == region || r == ""
	}
	// Relationships come out ordered by type, from, to without a global sort: one bucket per
	// type (types in name order), nodes in id order, each node's edges in peer id order.
	buckets := make([][]graph.Relation, len(relIndex))
	var es []edge
	for _, n := range members {
		if !inSnap(n.num) {
			continue
		}
		es = append(es[:0], n.out...)
		slices.SortFunc(es, func(a, b edge) int {
			return strings.Compare(s.st.nodes[a.peer].e.Base().ID, s.st.nodes[b.peer].e.Base().ID)
		})
		for _, e := range es {
			if inSnap(e.peer) {
				r := typeRank[e.typ]
				buckets[r] = append(buckets[r], s.st.toRelation(n, e, true))
			}
		}
	}
	total := 0
	for _, b := range buckets {
		total += len(b)
	}
	snap.Relations = make([]graph.Relation, 0, total)
	for _, b := range buckets {
		snap.Relations = append(snap.Relations, b...)
	}
	return snap, nil
}
