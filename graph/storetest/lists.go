package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func ids(es []graph.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Base().ID
	}
	return out
}

// walk pages through a query and returns every id in order.
func walk(t *testing.T, s graph.Store, q graph.ListQuery) []string {
	t.Helper()
	var all []string
	for pages := 0; ; pages++ {
		page := must[graph.Page](t)(s.List(ctx(), q))
		all = append(all, ids(page.Items)...)
		if page.NextCursor == "" {
			return all
		}
		if pages > 10000 {
			t.Fatal("pagination does not end")
		}
		q.Cursor = page.NextCursor
	}
}

func testFilters(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	b := seedCounty(t, s, regionB)
	// Measure i: offered in municipality i%3, in field i%2, status by i%4, Arabic when i%5==0,
	// internal when i%7==0, provided by org i%2.
	statuses := []string{"planned", "active", "paused", "completed"}
	for i := 0; i < 40; i++ {
		m := c.measure(fmt.Sprintf("Angebot %02d", i))
		m.Status = statuses[i%4]
		if i%5 == 0 {
			m.Languages = []string{"de", "ar"}
		}
		if i%7 == 0 {
			m.Visibility = graph.Internal
		}
		e := must[graph.Entity](t)(s.Create(ctx(), m))
		must[graph.Relation](t)(s.Relate(ctx(), rel(graph.OfferedIn, e.Base().ID, c.munis[i%3].ID)))
		must[graph.Relation](t)(s.Relate(ctx(), rel(graph.InField, e.Base().ID, c.fields[i%2].ID)))
		must[graph.Relation](t)(s.Relate(ctx(), rel(graph.Provides, c.orgs[i%2].ID, e.Base().ID)))
		if i%3 == 0 {
			must[graph.Relation](t)(s.Relate(ctx(), rel(graph.Targets, e.Base().ID, c.group.ID)))
		}
	}
	for i := 0; i < 5; i++ {
		must[graph.Entity](t)(s.Create(ctx(), b.measure(fmt.Sprintf("B %d", i))))
	}
	count := func(pred func(i int) bool) int {
		n := 0
		for i := 0; i < 40; i++ {
			if pred(i) {
				n++
			}
		}
		return n
	}
	cases := []struct {
		name string
		f    graph.Filter
		want int
	}{
		{"all", graph.Filter{}, 45},
		{"region", graph.Filter{Region: regionA}, 40},
		{"other region", graph.Filter{Region: regionB}, 5},
		{"readable regions", graph.Filter{Regions: []string{regionB}}, 5},
		{"no readable region", graph.Filter{Regions: []string{}}, 0},
		{"status", graph.Filter{Status: "active"}, 5 + count(func(i int) bool { return i%4 == 1 })},
		{"language", graph.Filter{Language: "ar"}, count(func(i int) bool { return i%5 == 0 })},
		{"public", graph.Filter{Region: regionA, Visibility: graph.Public}, count(func(i int) bool { return i%7 != 0 })},
		{"internal only inside A", graph.Filter{PublicOutside: []string{regionA}}, 45},
		{"internal only inside B", graph.Filter{PublicOutside: []string{regionB}}, 5 + count(func(i int) bool { return i%7 != 0 })},
		{"nothing internal", graph.Filter{PublicOutside: []string{}}, 5 + count(func(i int) bool { return i%7 != 0 })},
		{"municipality", graph.Filter{Municipality: c.munis[1].ID}, count(func(i int) bool { return i%3 == 1 })},
		{"field", graph.Filter{Field: c.fields[0].ID}, count(func(i int) bool { return i%2 == 0 })},
		{"target group", graph.Filter{TargetGroup: c.group.ID}, count(func(i int) bool { return i%3 == 0 })},
		{"organisation", graph.Filter{Organisation: c.orgs[1].ID}, count(func(i int) bool { return i%2 == 1 })},
		{"combined", graph.Filter{Municipality: c.munis[0].ID, Field: c.fields[1].ID, Status: "paused"}, count(func(i int) bool { return i%3 == 0 && i%2 == 1 && i%4 == 2 })},
		{"unknown municipality", graph.Filter{Municipality: regionA + "999"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := graph.ListQuery{Kind: graph.KindMeasure, Filter: tc.f, Limit: 7}
			page := must[graph.Page](t)(s.List(ctx(), q))
			if page.Total != tc.want {
				t.Fatalf("total = %d, want %d", page.Total, tc.want)
			}
			got := walk(t, s, q)
			if len(got) != tc.want || !slices.IsSorted(got) {
				t.Fatalf("walk returned %d ids (sorted %v), want %d", len(got), slices.IsSorted(got), tc.want)
			}
		})
	}
	// Filters on other kinds.
	if n := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindOrganisation, Filter: graph.Filter{Type: "welfare_association", Region: regionB}})).Total; n != 2 {
		t.Fatalf("welfare associations in B = %d, want 2", n)
	}
	if n := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindTargetGroup, Filter: graph.Filter{Region: regionA}})).Total; n != 2 {
		t.Fatalf("target groups readable in A = %d, want 2 (shared ones count everywhere)", n)
	}
	if n := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindMunicipality, Filter: graph.Filter{Region: regionB}})).Total; n != 3 {
		t.Fatalf("municipalities of B = %d, want 3", n)
	}
	// Filters that do not apply, bad limits and cursors name their parameter.
	_, err := s.List(ctx(), graph.ListQuery{Kind: graph.KindOrganisation, Filter: graph.Filter{Status: "active", Field: c.fields[0].ID}})
	wantFields(t, err, "status", "field")
	_, err = s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure, Limit: graph.MaxLimit + 1})
	wantFields(t, err, "limit")
	_, err = s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure, Cursor: "%%%"})
	wantFields(t, err, "cursor")
	_, err = s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure, Filter: graph.Filter{Region: "5562"}})
	wantFields(t, err, "region")
}

func testPagination(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	var want []string
	for i := 0; i < 53; i++ {
		want = append(want, must[graph.Entity](t)(s.Create(ctx(), c.measure(fmt.Sprintf("M%d", i)))).Base().ID)
	}
	slices.Sort(want)
	for _, limit := range []int{1, 10, 53, 100} {
		got := walk(t, s, graph.ListQuery{Kind: graph.KindMeasure, Limit: limit})
		if !slices.Equal(got, want) {
			t.Fatalf("limit %d: walk = %d ids, want the %d ids in order", limit, len(got), len(want))
		}
	}
	page := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure, Limit: 53}))
	if page.NextCursor != "" || page.Total != 53 || len(page.Items) != 53 {
		t.Fatalf("exact last page: cursor %q total %d items %d", page.NextCursor, page.Total, len(page.Items))
	}
	page = must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: graph.KindMeasure}))
	if len(page.Items) != graph.DefaultLimit {
		t.Fatalf("default page has %d items, want %d", len(page.Items), graph.DefaultLimit)
	}
}

// testPaginationDuringWrites walks the list while other measures are created and deleted:
// every measure that exists throughout must appear exactly once.
func testPaginationDuringWrites(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	stable := map[string]bool{}
	for i := 0; i < 60; i++ {
		stable[must[graph.Entity](t)(s.Create(ctx(), c.measure(fmt.Sprintf("Stabil %d", i)))).Base().ID] = true
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			e, err := s.Create(ctx(), c.measure(fmt.Sprintf("Flüchtig %d", i)))
			if err != nil {
				t.Error(err)
				return
			}
			if i%2 == 0 {
				if err := s.Delete(ctx(), graph.KindMeasure, e.Base().ID, 0); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	for round := 0; round < 3; round++ {
		seen := map[string]int{}
		for _, id := range walk(t, s, graph.ListQuery{Kind: graph.KindMeasure, Limit: 4}) {
			seen[id]++
		}
		for id := range stable {
			if seen[id] != 1 {
				t.Errorf("round %d: measure %s seen %d times", round, id, seen[id])
			}
		}
		for id, n := range seen {
			if n > 1 {
				t.Errorf("round %d: %s repeated %d times", round, id, n)
			}
		}
	}
	close(stop)
	wg.Wait()
}
