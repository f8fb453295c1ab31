package duplicates

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// TestDuplicatesContextWordsDropped: words of the provider's, the municipality's and the
// field's names do not count as shared text.
func TestDuplicatesContextWordsDropped(t *testing.T) {
	f := newDupFixture().
		add(dupM{id: "msr_1", title: "Lindenhof Nordheim Bildung", desc: "Tee", providers: []string{"org_1"}}).
		add(dupM{id: "msr_2", title: "Lindenhof Nordheim Bildung", desc: "Rad", providers: []string{"org_1"}})
	d := mustFind(t, f.s, Params{})
	if len(d.Pairs) != 0 || d.Candidates != 1 {
		t.Fatalf("pairs %v, candidates %d; the shared words are all context names", pairIDs(d.Pairs), d.Candidates)
	}
	// Confirm it: the confirmed pair shows text 0.
	f.review("msr_1", "msr_2", VerdictDuplicate)
	d = mustFind(t, f.s, Params{})
	if len(d.Pairs) != 1 || d.Pairs[0].Text != 0 || len(d.Pairs[0].SharedTerms) != 0 {
		t.Fatalf("confirmed pair: %+v", d.Pairs)
	}
}

// TestDuplicatesEmpty: no measures, or no pair, give empty lists (JSON [] rather than null).
func TestDuplicatesEmpty(t *testing.T) {
	for name, s := range map[string]*graph.Snapshot{
		"empty":    {},
		"no pairs": newDupFixture().add(dupM{id: "msr_a", title: cafeTitle, desc: cafeDesc}).s,
	} {
		d := mustFind(t, s, Params{})
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{`"pairs":[]`, `"clusters":[]`, `"reviewed":[]`, `"capped":[]`} {
			if !strings.Contains(string(b), key) {
				t.Errorf("%s: %s lacks %s", name, b, key)
			}
		}
	}
}

// TestDuplicatesInvalidParams: bad parameters name their field.
func TestDuplicatesInvalidParams(t *testing.T) {
	s := clusterFixture().s
	for _, c := range []struct {
		p     Params
		field string
	}{
		{Params{Threshold: -0.1}, "threshold"},
		{Params{Threshold: 1.5}, "threshold"},
		{Params{Threshold: math.NaN()}, "threshold"},
		{Params{Order: "random"}, "order"},
		{Params{Model: "mine"}, "model"},
		{Params{MaxBlock: 1}, "max_block"},
		{Params{MaxBlock: -5}, "max_block"},
	} {
		_, err := Find(s, c.p)
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.EINVALID || len(ge.Fields) != 1 || ge.Fields[0].Field != c.field {
			t.Errorf("%+v: %v, want EINVALID on %s", c.p, err, c.field)
		}
	}
	d, err := Find(s, Params{Threshold: 1, Order: OrderUncertain, Model: ModelBuiltIn, MaxBlock: 2})
	if err != nil || d.Threshold != 1 {
		t.Errorf("edge values: %v", err)
	}
}

// TestDuplicatesRegionsIndependent: a region's result is the same whether its snapshot holds
// it alone or all regions (the IDF is taken per region), and whether one or more goroutines
// work on it.
func TestDuplicatesRegionsIndependent(t *testing.T) {
	snaps := demoSnapshots(t)
	all := &graph.Snapshot{}
	d := demo.Demo()
	for _, e := range d.Nodes {
		all.Add(e)
	}
	all.Relations = d.Relations
	// A verdict to carry through both ways.
	truth := d.Truth.Duplicates[0]
	verdict := graph.Relation{RelationKey: graph.RelationKey{Type: graph.Reviewed, From: truth.A, To: truth.B}, Props: graph.RelProps{Verdict: VerdictIntended}}
	all.Relations = append(slices.Clone(all.Relations), verdict)
	snaps[truth.Region].Relations = append(snaps[truth.Region].Relations, verdict)

	whole := mustFind(t, all, Params{})
	var pairs, reviewed []Pair
	candidates := 0
	for _, s := range snaps {
		r := mustFind(t, s, Params{})
		pairs = append(pairs, r.Pairs...)
		reviewed = append(reviewed, r.Reviewed...)
		candidates += r.Candidates
	}
	sortPairs := func(ps []Pair) {
		slices.SortFunc(ps, func(a, b Pair) int { return strings.Compare(a.A+a.B, b.A+b.B) })
	}
	sortPairs(pairs)
	sortPairs(reviewed)
	got := slices.Clone(whole.Pairs)
	gotReviewed := slices.Clone(whole.Reviewed)
	sortPairs(got)
	sortPairs(gotReviewed)
	if whole.Candidates != candidates || !reflect.DeepEqual(got, pairs) || !reflect.DeepEqual(gotReviewed, reviewed) || len(reviewed) != 1 {
		t.Fatalf("all regions at once: %d candidates, %d pairs, %d reviewed; region by region: %d, %d, %d",
			whole.Candidates, len(got), len(gotReviewed), candidates, len(pairs), len(reviewed))
	}
	prev := runtime.GOMAXPROCS(1)
	one := mustFind(t, all, Params{})
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(one, whole) {
		t.Fatal("one goroutine gives another result than several")
	}
}

// Two entries of a language café by different providers in the same town and field, for the
// same group at the same time: a parallel offer. Their descriptions share the café's words,
// the titles only "Sprachcafé"; the model weighs the features (see Find) and writes out why.
// The application training shares no word with them.
func ExampleFind() {
	f := newDupFixture().
		add(dupM{id: "msr_a", title: "Sprachcafé Nordheim", desc: "Im Sprachcafé üben Zugewanderte Deutsch im Gespräch mit Ehrenamtlichen. Jeden Dienstag im Gemeindehaus.",
			format: "in_person", langs: []string{"de"}, providers: []string{"org_1"}}).
		add(dupM{id: "msr_b", title: "Internationales Sprachcafé", desc: "Im Sprachcafé üben Zugewanderte Deutsch im Gespräch. Donnerstags im Stadtteilzentrum, Kaffee und Tee gibt es gratis.",
			format: "in_person", langs: []string{"de", "ar"}, providers: []string{"org_2"}, groups: []string{"tgr_1", "tgr_2"}}).
		add(dupM{id: "msr_c", title: "Bewerbungstraining", desc: "Lebenslauf, Anschreiben und Vorstellungsgespräch üben.", format: "in_person", providers: []string{"org_2"}})
	d, err := Find(f.s, Params{})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Candidates, "candidates,", len(d.Clusters), "cluster")
	for _, p := range d.Pairs {
		fmt.Printf("%s–%s %s (%s): p = %.2f\n", p.A, p.B, p.Kind, p.Suggestion, p.Score)
		fmt.Println(p.Why.DE)
		fmt.Println(p.Why.EN)
	}
	// Output:
	// 3 candidates, 1 cluster
	// msr_a–msr_b parallel_offer (coordinate): p = 0.75
	// Erkannt an: Wortteile 0,50 (+3,94), Beschreibungen 0,38 (+2,36), Bedeutung 0,40 (+2,15), Zielgruppen 0,50 (+1,34). Gemeinsame Wörter: Sprachcafé, Deutsch, Gespräch, Zugewanderte. Wahrscheinlichkeit 0,75 ≥ Schwelle 0,60: als Dublette gemeldet.
	// Detected by: word parts 0.50 (+3.94), descriptions 0.38 (+2.36), meaning 0.40 (+2.15), target groups 0.50 (+1.34). Shared words: Sprachcafé, Deutsch, Gespräch, Zugewanderte. Probability 0.75 ≥ threshold 0.60: reported as a duplicate.
}
