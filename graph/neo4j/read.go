package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// nodeFromRecord decodes the "props" column of a record into a node; the kind comes from
// the id.
func nodeFromRecord(rec *neo4j.Record) (graph.Entity, error) {
	props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
	if err != nil {
		return nil, err
	}
	id, _ := props["id"].(string)
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, fmt.Errorf("node with id %q of no known kind", id)
	}
	return fromProps(k, props)
}

// relationFromRecord decodes the from, type, to and props columns into a relationship.
func relationFromRecord(rec *neo4j.Record) (graph.Relation, error) {
	from, _, err1 := neo4j.GetRecordValue[string](rec, "from")
	typ, _, err2 := neo4j.GetRecordValue[string](rec, "type")
	to, _, err3 := neo4j.GetRecordValue[string](rec, "to")
	props, _, err4 := neo4j.GetRecordValue[map[string]any](rec, "props")
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			return graph.Relation{}, err
		}
	}
	r := graph.Relation{RelationKey: graph.RelationKey{Type: graph.RelType(typ), From: from, To: to}}
	if len(props) > 0 {
		if err := propsToStruct(props, &r.Props); err != nil {
			return graph.Relation{}, err
		}
	}
	return r, nil
}

// Create implements graph.Store.
func (s *Store) Create(ctx context.Context, e graph.Entity) (graph.Entity, error) {
	out, err := s.apply(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpCreate, Entity: e}}})
	if err != nil {
		return nil, err
	}
	return out.nodes[0].Clone(), nil
}

// Update implements graph.Store.
func (s *Store) Update(ctx context.Context, e graph.Entity, expectedVersion int64) (graph.Entity, error) {
	out, err := s.apply(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpUpdate, Entity: e, Version: expectedVersion}}})
	if err != nil {
		return nil, err
	}
	if out.nodes[0] != nil {
		return out.nodes[0].Clone(), nil
	}
	return s.Get(ctx, e.EntityKind(), out.res.IDs[0])
}

// Delete implements graph.Store.
func (s *Store) Delete(ctx context.Context, kind graph.Kind, id string, expectedVersion int64) error {
	_, err := s.apply(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpDelete, Kind: kind, ID: id, Version: expectedVersion}}})
	return err
}

// Relate implements graph.Store.
func (s *Store) Relate(ctx context.Context, r graph.Relation) (graph.Relation, error) {
	if _, err := s.apply(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpRelate, Relation: r}}}); err != nil {
		return graph.Relation{}, err
	}
	r.Normalize()
	return r, nil
}

// Unrelate implements graph.Store.
func (s *Store) Unrelate(ctx context.Context, k graph.RelationKey) error {
	out, err := s.apply(ctx, &graph.Batch{Ops: []graph.Op{{Action: graph.OpUnrelate, Relation: graph.Relation{RelationKey: k}}}})
	if err != nil {
		return err
	}
	if out.res.Unrelated == 0 {
		return graph.Errorf(graph.ENOTFOUND, "there is no relationship %s", k.Canonical())
	}
	return nil
}

// Apply implements graph.Store.
func (s *Store) Apply(ctx context.Context, b *graph.Batch) (graph.BatchResult, error) {
	out, err := s.apply(ctx, b)
	return out.res, err
}

// Get implements graph.Store.
func (s *Store) Get(ctx context.Context, kind graph.Kind, id string) (graph.Entity, error) {
	if k, ok := graph.KindOfID(id); !ok || k != kind {
		return nil, graph.NotFound(kind, id)
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := query(ctx, tx, "node.get."+label(kind), map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return nil, err
			}
			return nil, graph.NotFound(kind, id)
		}
		return nodeFromRecord(res.Record())
	})
	if err != nil {
		return nil, err
	}
	return v.(graph.Entity), nil
}

// Relations implements graph.Store.
func (s *Store) Relations(ctx context.Context, q graph.RelationQuery) ([]graph.Relation, error) {
	k, ok := graph.KindOfID(q.Node)
	if !ok {
		return nil, graph.NotFound("node", q.Node)
	}
	if _, err := s.Get(ctx, k, q.Node); err != nil {
		return nil, err
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var rs []graph.Relation
		err := collect(ctx, tx, "relations.of", map[string]any{"id": q.Node}, func(rec *neo4j.Record) error {
			r, err := relationFromRecord(rec)
			if err != nil {
				return err
			}
			if (q.Type == "" || r.Type == q.Type) && (q.Direction == "" || (q.Direction == "out") == (r.From == q.Node)) {
				rs = append(rs, r)
			}
			return nil
		})
		return rs, err
	})
	if err != nil {
		return nil, err
	}
	rs, _ := v.([]graph.Relation)
	graph.SortRelations(rs)
	return rs, nil
}

// filterParams turns a filter into the parameters of the list and search statements; unset
// filters are null.
func filterParams(f graph.Filter) map[string]any {
	p := map[string]any{}
	opt := func(name, v string) {
		if v == "" {
			p[name] = nil
		} else {
			p[name] = v
		}
	}
	opt("visibility", string(f.Visibility))
	opt("type", f.Type)
	opt("status", f.Status)
	opt("language", strings.ToLower(f.Language))
	opt("municipality", f.Municipality)
	opt("field", f.Field)
	opt("target_group", f.TargetGroup)
	opt("organisation", f.Organisation)
	opt("network", f.Network)
	var regions []any
	switch {
	case f.Regions != nil && f.Region != "":
		if slices.Contains(f.Regions, f.Region) {
			regions = []any{f.Region}
		} else {
			regions = []any{}
		}
	case f.Regions != nil:
		regions = make([]any, len(f.Regions))
		for i, r := range f.Regions {
			regions[i] = r
		}
	case f.Region != "":
		regions = []any{f.Region}
	}
	if regions == nil {
		p["regions"] = nil
	} else {
		p["regions"] = regions
	}
	p["public_outside"] = nil
	if f.PublicOutside != nil {
		po := make([]any, len(f.PublicOutside))
		for i, r := range f.PublicOutside {
			po[i] = r
		}
		p["public_outside"] = po
	}
	return p
}

// only keeps the parameters a statement declares.
func only(name string, p map[string]any) map[string]any {
	out := map[string]any{}
	for k := range stmt(name).Params {
		out[k] = p[k]
	}
	return out
}

// List implements graph.Store.
func (s *Store) List(ctx context.Context, q graph.ListQuery) (graph.Page, error) {
	limit, after, err := q.Page()
	if err != nil {
		return graph.Page{}, err
	}
	p := filterParams(q.Filter)
	if after == "" {
		p["after"] = nil
	} else {
		p["after"] = after
	}
	p["limit"] = int64(limit + 1)
	l := label(q.Kind)
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var page graph.Page
		rec, err := single(ctx, tx, "list.count."+l, only("list.count."+l, p))
		if err != nil {
			return nil, err
		}
		total, _, err := neo4j.GetRecordValue[int64](rec, "total")
		if err != nil {
			return nil, err
		}
		page.Total = int(total)
		err = collect(ctx, tx, "list.page."+l, only("list.page."+l, p), func(rec *neo4j.Record) error {
			e, err := nodeFromRecord(rec)
			page.Items = append(page.Items, e)
			return err
		})
		return page, err
	})
	if err != nil {
		return graph.Page{}, err
	}
	page := v.(graph.Page)
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.NextCursor = graph.EncodeCursor(page.Items[limit-1].Base().ID)
	}
	return page, nil
}

// luceneQuery turns the user's words into a query for the full-text index: every word
// required, the last one also as a prefix. Words are runs of letters and digits only, so no
// Lucene syntax character can reach the query, and they are lower-cased, so AND/OR/NOT are
// words, not operators: user text can never change the query's structure. German stop
// words are left out.
func luceneQuery(input string) string {
	words := strings.FieldsFunc(strings.ToLower(input), func(r rune) bool { return !isWordRune(r) })
	var kept []string
	for _, w := range words {
		if !text.IsStopWord(w) && len([]rune(w)) > 1 {
			kept = append(kept, w)
		}
	}
	var parts []string
	for i, w := range kept {
		if i == len(kept)-1 && len([]rune(w)) >= graph.MinPrefix {
			parts = append(parts, "+("+w+" OR "+w+"*)")
		} else {
			parts = append(parts, "+"+w)
		}
	}
	return strings.Join(parts, " ")
}

func isWordRune(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r > 127 && unicode.IsLetter(r))
}

// Search implements graph.Store.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) (graph.SearchResult, error) {
	plan, err := q.Plan()
	if err != nil {
		return graph.SearchResult{}, err
	}
	labels := make([]any, len(plan.Kinds))
	for i, k := range plan.Kinds {
		labels[i] = label(k)
	}
	tokens, blank := plan.Tokens, plan.Blank
	if !blank && len(tokens) == 0 {
		return graph.SearchResult{}, nil // only stop words: nothing rather than everything
	}
	p := filterParams(q.Filter)
	p["regions"], p["region"] = nil, nil
	if q.Regions != nil {
		rs := make([]any, len(q.Regions))
		for i, r := range q.Regions {
			rs[i] = r
		}
		p["regions"] = rs
	}
	if q.Region != "" {
		p["region"] = q.Region
	}
	p["labels"] = labels
	p["skip"] = int64(plan.Offset)
	p["limit"] = int64(plan.Limit)
	p["query"] = luceneQuery(q.Text)
	page, count := "search.page", "search.count"
	if blank {
		page, count = "search.all.page", "search.all.count"
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var res graph.SearchResult
		rec, err := single(ctx, tx, count, only(count, p))
		if err != nil {
			return nil, err
		}
		total, _, err := neo4j.GetRecordValue[int64](rec, "total")
		if err != nil {
			return nil, err
		}
		res.Total = int(total)
		err = collect(ctx, tx, page, only(page, p), func(rec *neo4j.Record) error {
			e, err := nodeFromRecord(rec)
			if err != nil {
				return err
			}
			score, _, err := neo4j.GetRecordValue[float64](rec, "score")
			res.Hits = append(res.Hits, graph.SearchHit{Entity: e, Score: score, Matches: graph.Highlight(e, tokens)})
			return err
		})
		return res, err
	})
	if err != nil {
		return graph.SearchResult{}, err
	}
	res := v.(graph.SearchResult)
	res.NextCursor = plan.NextCursor(res.Total)
	return res, nil
}

// Snapshot implements graph.Store. Neo4j transactions read committed data, not a snapshot,
// so the revision is read before and after: when it did not move, no write committed in
// between and the picture is consistent; otherwise it is taken again, and after a few tries
// inside a write transaction that holds the Meta lock.
func (s *Store) Snapshot(ctx context.Context, region string) (*graph.Snapshot, error) {
	if region != "" {
		if err := (graph.Filter{Region: region}).Check(graph.KindRegion); err != nil {
			return nil, err
		}
		if _, err := s.Get(ctx, graph.KindRegion, region); err != nil {
			return nil, err
		}
	}
	for attempt := 0; attempt < 3; attempt++ {
		v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			before, err := revision(ctx, tx)
			if err != nil {
				return nil, err
			}
			snap, err := readSnapshot(ctx, tx, region)
			if err != nil {
				return nil, err
			}
			after, err := revision(ctx, tx)
			if err != nil || after != before {
				return nil, err
			}
			snap.Revision = before
			return snap, nil
		})
		if err != nil {
			return nil, err
		}
		if snap, ok := v.(*graph.Snapshot); ok && snap != nil {
			return snap, nil
		}
	}
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if _, err := single(ctx, tx, "meta.lock", map[string]any{"id": metaID}); err != nil {
			return nil, err
		}
		rev, err := revision(ctx, tx)
		if err != nil {
			return nil, err
		}
		snap, err := readSnapshot(ctx, tx, region)
		if snap != nil {
			snap.Revision = rev
		}
		return snap, err
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Snapshot), nil
}

func readSnapshot(ctx context.Context, tx neo4j.ManagedTransaction, region string) (*graph.Snapshot, error) {
	snap := &graph.Snapshot{Region: region, Taken: time.Now().UTC()}
	var r any
	if region != "" {
		r = region
	}
	for _, ki := range graph.Kinds {
		err := collect(ctx, tx, "snapshot.nodes."+ki.Label, map[string]any{"region": r}, func(rec *neo4j.Record) error {
			e, err := nodeFromRecord(rec)
			if err == nil {
				snap.Add(e)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	err := collect(ctx, tx, "snapshot.relations", map[string]any{"region": r, "derived": derivedTypes}, func(rec *neo4j.Record) error {
		rel, err := relationFromRecord(rec)
		if err == nil {
			snap.Relations = append(snap.Relations, rel)
		}
		return err
	})
	return snap, err
}

// Audit implements graph.Store.
func (s *Store) Audit(ctx context.Context, q graph.AuditQuery) (graph.AuditPage, error) {
	limit, before, err := q.Page()
	if err != nil {
		return graph.AuditPage{}, err
	}
	p := map[string]any{"before": int64(before), "limit": int64(limit + 1), "region": nil}
	if q.Region != "" {
		p["region"] = q.Region
	}
	name := "audit.page"
	if q.Entity != "" {
		name = "audit.entity"
		p["entity"] = q.Entity
	}
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var items []graph.AuditEntry
		err := collect(ctx, tx, name, p, func(rec *neo4j.Record) error {
			props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
			items = append(items, auditFromProps(props))
			return err
		})
		return items, err
	})
	if err != nil {
		return graph.AuditPage{}, err
	}
	page := graph.AuditPage{Items: v.([]graph.AuditEntry)}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.NextCursor = graph.EncodeCursor(strconv.FormatUint(page.Items[limit-1].Seq, 10))
	}
	return page, nil
}
