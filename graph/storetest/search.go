package storetest

import (
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func testSearch(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	b := seedCounty(t, s, regionB)
	mk := func(title, desc, programme string, region *county) string {
		m := region.measure(title)
		m.Description, m.Programme = desc, programme
		return must[graph.Entity](t)(s.Create(ctx(), m)).Base().ID
	}
	kurse := mk("Sprachkurse für Frauen", "Deutschkurse mit Kinderbetreuung in der Hauptstraße.", "", c)
	cafe := mk("Sprachcafé", "Offener Treff; wer einen Sprachkurs sucht, wird beraten.", "", c)
	rucksack := mk("Elternbegleitung", "Mütter und Väter stärken ihre Kinder.", "Rucksack", c)
	schueler := mk("Lernpaten für Schüler", "Ehrenamtliche helfen bei Hausaufgaben.", "", c)
	other := mk("Sprachkurse in B", "Kurse in Kreis B.", "", b)
	net := must[graph.Entity](t)(s.Create(ctx(), &graph.Network{Name: "Arbeitskreis Sprachförderung", Region: regionA, Kind: "working_group", Level: "county"})).Base().ID
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.OfferedIn, kurse, c.munis[0].ID)))

	hitIDs := func(q graph.SearchQuery) []string {
		t.Helper()
		res := must[graph.SearchResult](t)(s.Search(ctx(), q))
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.Entity.Base().ID)
		}
		if res.Total < len(out) {
			t.Fatalf("total %d < hits %d", res.Total, len(out))
		}
		return out
	}
	has := func(got []string, id string) bool {
		for _, g := range got {
			if g == id {
				return true
			}
		}
		return false
	}

	// Word forms meet: Sprachkurs finds Sprachkurse (title) and Sprachkurs (description);
	// the title match ranks first.
	got := hitIDs(graph.SearchQuery{Text: "Sprachkurs", Filter: graph.Filter{Region: regionA}})
	if len(got) != 2 || got[0] != kurse || got[1] != cafe {
		t.Fatalf("Sprachkurs → %v, want [%s %s] (title match first)", got, kurse, cafe)
	}
	// ß and ss, umlauts and their transliteration, case.
	for _, q := range []string{"Hauptstrasse", "HAUPTSTRASSE", "hauptstraße"} {
		if got := hitIDs(graph.SearchQuery{Text: q}); len(got) != 1 || got[0] != kurse {
			t.Errorf("%s → %v, want [%s]", q, got, kurse)
		}
	}
	for _, q := range []string{"Schueler", "schüler", "Schüler"} {
		if got := hitIDs(graph.SearchQuery{Text: q}); len(got) != 1 || got[0] != schueler {
			t.Errorf("%s → %v, want [%s]", q, got, schueler)
		}
	}
	// All words must match.
	if got := hitIDs(graph.SearchQuery{Text: "Sprachkurse Frauen"}); len(got) != 1 || got[0] != kurse {
		t.Errorf("two words → %v, want [%s]", got, kurse)
	}
	// The programme is searchable; the last word matches as a prefix while typing.
	if got := hitIDs(graph.SearchQuery{Text: "rucks"}); len(got) != 1 || got[0] != rucksack {
		t.Errorf("prefix rucks → %v, want [%s]", got, rucksack)
	}
	// Networks are searched, too; kinds can be limited.
	if got := hitIDs(graph.SearchQuery{Text: "Sprachförderung"}); !has(got, net) {
		t.Errorf("Sprachförderung → %v, want the network %s", got, net)
	}
	if got := hitIDs(graph.SearchQuery{Text: "Sprachförderung", Kinds: []graph.Kind{graph.KindMeasure}}); has(got, net) {
		t.Errorf("measures-only search returned the network")
	}
	// Region and relationship filters.
	if got := hitIDs(graph.SearchQuery{Text: "Sprachkurse"}); !has(got, other) || !has(got, kurse) {
		t.Errorf("search across regions → %v, want both regions' courses", got)
	}
	if got := hitIDs(graph.SearchQuery{Text: "Sprachkurse", Filter: graph.Filter{Municipality: c.munis[0].ID}}); len(got) != 1 || got[0] != kurse {
		t.Errorf("municipality filter → %v, want [%s]", got, kurse)
	}
	// A filter that applies to measures only leaves networks out instead of failing.
	if got := hitIDs(graph.SearchQuery{Text: "Sprach", Filter: graph.Filter{Status: "active", Region: regionA}}); has(got, net) || len(got) == 0 {
		t.Errorf("status filter → %v, want measures only", got)
	}
	// Stop words alone find nothing rather than everything; nothing found is not an error.
	if got := hitIDs(graph.SearchQuery{Text: "der die das"}); len(got) != 0 {
		t.Errorf("stop words → %v, want nothing", got)
	}
	if got := hitIDs(graph.SearchQuery{Text: "Quantenphysik"}); len(got) != 0 {
		t.Errorf("unknown word → %v", got)
	}
	// Empty text lists what the filters keep.
	if got := hitIDs(graph.SearchQuery{Filter: graph.Filter{Region: regionB}, Kinds: []graph.Kind{graph.KindMeasure}}); len(got) != 1 || got[0] != other {
		t.Errorf("empty text in B → %v, want [%s]", got, other)
	}

	// Highlights point at the matched words in the original text.
	res := must[graph.SearchResult](t)(s.Search(ctx(), graph.SearchQuery{Text: "hauptstrasse kinderbetreuung"}))
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d", len(res.Hits))
	}
	m := res.Hits[0].Entity.(*graph.Measure)
	var words []string
	for _, fm := range res.Hits[0].Matches {
		if fm.Field != "description" {
			continue
		}
		for _, sp := range fm.Spans {
			words = append(words, m.Description[sp[0]:sp[1]])
		}
	}
	if len(words) != 2 || words[0] != "Kinderbetreuung" || words[1] != "Hauptstraße" {
		t.Fatalf("highlighted %q, want Kinderbetreuung and Hauptstraße", words)
	}

	// Updates and deletes reach the index.
	cm := must[*graph.Measure](t)(graph.GetAs[*graph.Measure](ctx(), s, cafe))
	cm.Title, cm.Description = "Begegnungstreff", ""
	must[graph.Entity](t)(s.Update(ctx(), cm, cm.Version))
	if got := hitIDs(graph.SearchQuery{Text: "Sprachcafé"}); len(got) != 0 {
		t.Errorf("old title still found: %v", got)
	}
	if got := hitIDs(graph.SearchQuery{Text: "Begegnungstreff"}); len(got) != 1 {
		t.Errorf("new title not found: %v", got)
	}
	ok(t, s.Delete(ctx(), graph.KindMeasure, kurse, 0))
	if got := hitIDs(graph.SearchQuery{Text: "Kinderbetreuung"}); len(got) != 0 {
		t.Errorf("deleted measure still found: %v", got)
	}

	// Paging through hits returns each once.
	for i := 0; i < 12; i++ {
		mk("Integrationskurs", "Kurs", "", c)
	}
	seen := map[string]bool{}
	q := graph.SearchQuery{Text: "Integrationskurs", Limit: 5}
	for {
		res := must[graph.SearchResult](t)(s.Search(ctx(), q))
		for _, h := range res.Hits {
			if seen[h.Entity.Base().ID] {
				t.Fatalf("hit %s repeated", h.Entity.Base().ID)
			}
			seen[h.Entity.Base().ID] = true
		}
		if res.NextCursor == "" {
			break
		}
		q.Cursor = res.NextCursor
	}
	if len(seen) != 12 {
		t.Fatalf("paged search returned %d hits, want 12", len(seen))
	}
	_, err := s.Search(ctx(), graph.SearchQuery{Text: "x", Kinds: []graph.Kind{graph.KindActor}})
	wantFields(t, err, "kind")
}
