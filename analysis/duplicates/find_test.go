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

// TestDuplicatesByHand works a small case out by hand. The texts are those of
// TestTFIDFByHand (title weight 2), so cos(m1, m2) = 0.641113, and nothing of the context
// names (Lindenhof, Eichenhaus, Nordheim, Bildung) is in them.
//
//	m1  programme Rucksack, languages de,    format in_person, groups g1
//	m2  programme rucksack, languages de en, format hybrid,    groups g1 g2
//	m3  no programme,       languages de,    format online,    groups g1
//
//	structure(m1, m2) = (2·1 + 1·½ + 1·½ + 1·½) / 5 = 0.7
//	score(m1, m2)     = 0.7 · min(1, 0.641113 / 0.8) + 0.3 · 0.7 = 0.560974 + 0.21 = 0.770974
//	structure(m1, m3) = (languages 1 + format 0 + groups 1) / 3 = 0.666667 (programme unknown)
//	score(m1, m3)     = 0.7 · 0 + 0.3 · 0.666667 = 0.2
func TestDuplicatesByHand(t *testing.T) {
	f := newDupFixture().
		add(dupM{id: "msr_1", title: "Tee", desc: "Bus Bus Zug", programme: "Rucksack", format: "in_person", langs: []string{"de"}, providers: []string{"org_1"}}).
		add(dupM{id: "msr_2", desc: "Tee Zug", programme: "rucksack", format: "hybrid", langs: []string{"en", "de"}, providers: []string{"org_2"}, groups: []string{"tgr_1", "tgr_2"}}).
		add(dupM{id: "msr_3", title: "Rad", desc: "Rad", format: "online", langs: []string{"de"}, providers: []string{"org_2"}})
	d := mustFind(t, f.s, Params{TitleWeight: 2, TextFull: 0.8})
	if d.Candidates != 3 || len(d.Pairs) != 1 {
		t.Fatalf("candidates %d, pairs %v; want 3 and msr_1–msr_2", d.Candidates, pairIDs(d.Pairs))
	}
	p := d.Pairs[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"text", p.Text, 0.641113}, {"text part", p.TextPart, 0.801391}, {"structure", p.Structure, 0.7}, {"score", p.Score, 0.770974},
		{"programme", partOf(p, PartProgramme).Value, 1}, {"programme weight", partOf(p, PartProgramme).Weight, 2},
		{"languages", partOf(p, PartLanguages).Value, 0.5}, {"format", partOf(p, PartFormat).Value, 0.5},
		{"target groups", partOf(p, PartTargetGroups).Value, 0.5}, {"provider weight", partOf(p, PartProvider).Weight, 0},
	} {
		if math.Abs(c.got-c.want) > 5e-6 {
			t.Errorf("%s = %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
	if p.A != "msr_1" || p.B != "msr_2" || p.Kind != KindParallel || p.Suggestion != SuggestCoordinate {
		t.Errorf("pair %s–%s kind %s suggestion %s", p.A, p.B, p.Kind, p.Suggestion)
	}
	if !slices.Equal(p.SharedTerms, []string{"tee", "zug"}) {
		t.Errorf("shared terms %v, want [tee zug] (tee contributes 0.403, zug 0.238)", p.SharedTerms)
	}
	wantA := []graph.FieldMatch{{Field: "title", Spans: [][2]int{{0, 3}}}, {Field: "description", Spans: [][2]int{{8, 11}}}}
	wantB := []graph.FieldMatch{{Field: "description", Spans: [][2]int{{0, 3}, {4, 7}}}}
	if !reflect.DeepEqual(p.HighlightsA, wantA) || !reflect.DeepEqual(p.HighlightsB, wantB) {
		t.Errorf("highlights %v / %v, want %v / %v", p.HighlightsA, p.HighlightsB, wantA, wantB)
	}
	if !slices.Equal(p.Municipalities, []string{"09999001"}) || !slices.Equal(p.Fields, []string{"fld_1"}) || !slices.Equal(p.TargetGroups, []string{"tgr_1"}) {
		t.Errorf("shared keys %v %v %v", p.Municipalities, p.Fields, p.TargetGroups)
	}
	for _, w := range []string{"0.64", "0.77", "coordinate", "Nordheim"} {
		if !strings.Contains(p.Explanation, w) {
			t.Errorf("explanation lacks %q: %s", w, p.Explanation)
		}
	}
	// With the default TextFull (0.5) the text part is full: 0.7 + 0.21 = 0.91.
	if d := mustFind(t, f.s, Params{TitleWeight: 2}); len(d.Pairs) != 1 || math.Abs(d.Pairs[0].Score-0.91) > 1e-6 {
		t.Errorf("default text_full: %v", d.Pairs)
	}
}

// TestDuplicatesContextWordsDropped: words of the provider's, the municipality's and the
// field's names do not count as shared text.
func TestDuplicatesContextWordsDropped(t *testing.T) {
	f := newDupFixture().
		add(dupM{id: "msr_1", title: "Lindenhof Nordheim Bildung", desc: "Tee", providers: []string{"org_1"}}).
		add(dupM{id: "msr_2", title: "Lindenhof Nordheim Bildung", desc: "Rad", providers: []string{"org_1"}})
	d := mustFind(t, f.s, Params{Weights: &StructureWeights{}})
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
		{Params{TextWeight: 2}, "text_weight"},
		{Params{TextFull: -1}, "text_full"},
		{Params{TitleWeight: 0.5}, "title_weight"},
		{Params{TitleWeight: 11}, "title_weight"},
		{Params{Weights: &StructureWeights{Languages: -1}}, "weights.languages"},
		{Params{Weights: &StructureWeights{Programme: math.Inf(1)}}, "weights.programme"},
		{Params{MaxBlock: 1}, "max_block"},
		{Params{MaxBlock: -5}, "max_block"},
	} {
		_, err := Find(s, c.p)
		var ge *graph.Error
		if !errors.As(err, &ge) || ge.Code != graph.EINVALID || len(ge.Fields) != 1 || ge.Fields[0].Field != c.field {
			t.Errorf("%+v: %v, want EINVALID on %s", c.p, err, c.field)
		}
	}
	d, err := Find(s, Params{Threshold: 1, TextWeight: 1, TextFull: 1, TitleWeight: 10, Weights: &StructureWeights{}, MaxBlock: 2})
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
// same group at the same time: a parallel offer. Structure: languages ½ (de / de, ar),
// format 1, target groups ½, no programme named: 0.67; score 0.7 · min(1, 0.44 / 0.5) +
// 0.3 · 0.67 = 0.82. The application training shares no word with them.
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
		fmt.Printf("%s–%s %s (%s): score %.2f, text %.2f, structure %.2f\n", p.A, p.B, p.Kind, p.Suggestion, p.Score, p.Text, p.Structure)
		fmt.Println(p.SharedTerms)
	}
	// Output:
	// 3 candidates, 1 cluster
	// msr_a–msr_b parallel_offer (coordinate): score 0.82, text 0.44, structure 0.67
	// [sprachcaf deutsch gesprach zugewandert uben]
}
