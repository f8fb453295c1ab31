package heldout

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

var update = flag.Bool("update", false, "rewrite truth.json from the data")

const truthFile = "truth.json"

// index gives each node by id and each measure's relationships.
type index struct {
	nodes    map[string]graph.Entity
	measures map[string]*graph.Measure
	out      map[string]map[graph.RelType][]string // measure id → type → ends
	leads    map[string][]string                   // measure id → lead organisations
}

func indexSet(t *testing.T, s *Set) *index {
	t.Helper()
	ix := &index{nodes: map[string]graph.Entity{}, measures: map[string]*graph.Measure{}, out: map[string]map[graph.RelType][]string{}, leads: map[string][]string{}}
	for _, e := range s.Nodes {
		id := e.Base().ID
		if _, dup := ix.nodes[id]; dup {
			t.Fatalf("id %s twice", id)
		}
		ix.nodes[id] = e
		if m, ok := e.(*graph.Measure); ok {
			ix.measures[id] = m
		}
	}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.OfferedIn, graph.InField, graph.Targets:
			if ix.out[r.From] == nil {
				ix.out[r.From] = map[graph.RelType][]string{}
			}
			ix.out[r.From][r.Type] = append(ix.out[r.From][r.Type], r.To)
		case graph.Provides:
			if r.Props.Role == "lead" {
				ix.leads[r.To] = append(ix.leads[r.To], r.From)
			}
		}
	}
	return ix
}

// Every node passes graph.Prepare, every relationship Validate and CheckEnds, every measure
// has one lead body, a place, a field and a target group, and the sizes are those promised.
func TestValid(t *testing.T) {
	s := Dataset()
	ix := indexSet(t, s)
	for _, e := range s.Nodes {
		c := e.Clone()
		if err := graph.Prepare(c); err != nil {
			t.Errorf("%s %s: %v", e.EntityKind(), e.Base().ID, err)
		}
	}
	seen := map[graph.RelationKey]bool{}
	for _, r := range s.Relations {
		r.Normalize()
		if err := r.Validate(); err != nil {
			t.Errorf("%s: %v", r.RelationKey, err)
			continue
		}
		if seen[r.RelationKey] {
			t.Errorf("%s twice", r.RelationKey)
		}
		seen[r.RelationKey] = true
		from, to := ix.nodes[r.From], ix.nodes[r.To]
		if from == nil || to == nil {
			t.Errorf("%s: an end does not exist", r.RelationKey)
			continue
		}
		if err := r.CheckEnds(from, to); err != nil {
			t.Errorf("%s: %v", r.RelationKey, err)
		}
	}
	for id, m := range ix.measures {
		if n := len(ix.leads[id]); n != 1 {
			t.Errorf("measure %s (%s) has %d lead organisations", id, m.Title, n)
		}
		for _, rt := range []graph.RelType{graph.OfferedIn, graph.InField, graph.Targets} {
			if len(ix.out[id][rt]) == 0 {
				t.Errorf("measure %s (%s) has no %s", id, m.Title, rt)
			}
		}
	}
	c := s.Snapshot().Count()
	for _, want := range []struct {
		kind   graph.Kind
		lo, hi int
	}{
		{graph.KindRegion, 1, 1}, {graph.KindMunicipality, 10, 20}, {graph.KindField, 6, 8},
		{graph.KindOrganisation, 40, 70}, {graph.KindMeasure, 250, 400},
	} {
		if n := c[want.kind]; n < want.lo || n > want.hi {
			t.Errorf("%d %s nodes, want %d to %d", n, want.kind, want.lo, want.hi)
		}
	}
	shared, own := 0, 0
	for _, g := range s.Snapshot().TargetGroups {
		if g.Region == "" {
			shared++
		} else {
			own++
		}
	}
	if shared == 0 || own == 0 {
		t.Errorf("%d shared and %d own target groups, want both", shared, own)
	}
	for _, m := range s.Snapshot().Municipalities {
		if m.PopulationSource != "approximate" {
			t.Errorf("%s: population not marked approximate", m.Name)
		}
	}
}

// The set seeds into the embedded store in one batch, reads back as the same snapshot, is
// unchanged when seeded again, and a batch with one bad operation writes nothing.
func TestSeedEmbedded(t *testing.T) {
	ctx := context.Background()
	s := Dataset()
	st, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, err := st.Apply(ctx, s.Batch())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != len(s.Nodes) || res.Related != len(s.Relations) {
		t.Errorf("created %d nodes and %d relations, want %d and %d", res.Created, res.Related, len(s.Nodes), len(s.Relations))
	}
	got, err := st.Snapshot(ctx, RegionKey)
	if err != nil {
		t.Fatal(err)
	}
	want := s.Snapshot()
	if g, w := snapshotIDs(got), snapshotIDs(want); !slices.Equal(g, w) {
		t.Errorf("the store's snapshot holds other nodes than Set.Snapshot: %d vs %d ids", len(g), len(w))
	}
	if g, w := relationKeys(got.Relations), relationKeys(want.Relations); !slices.Equal(g, w) {
		t.Errorf("the store's snapshot holds %d relations, Set.Snapshot %d", len(g), len(w))
	}
	again, err := st.Apply(ctx, s.Batch())
	if err != nil {
		t.Fatal(err)
	}
	if again.Created != 0 || again.Updated != 0 || again.Related != 0 || again.Unchanged != len(s.Nodes)+len(s.Relations) {
		t.Errorf("seeding again created %d, updated %d, related %d and left %d unchanged; want all %d unchanged",
			again.Created, again.Updated, again.Related, again.Unchanged, len(s.Nodes)+len(s.Relations))
	}

	// All or nothing: a batch whose last operation is refused leaves a fresh store empty.
	fresh, err := embedded.Open(t.TempDir(), embedded.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	before, err := fresh.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bad := s.Batch()
	bad.Ops = append(bad.Ops, graph.Op{Action: graph.OpRelate, Relation: graph.Relation{RelationKey: graph.RelationKey{
		Type: graph.OfferedIn, From: want.Measures[0].ID, To: "05766999"}}})
	if _, err := fresh.Apply(ctx, bad); err == nil {
		t.Fatal("a batch relating a measure to a municipality that does not exist was accepted")
	}
	after, err := fresh.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page, err := fresh.List(ctx, graph.ListQuery{Kind: graph.KindMeasure})
	if err != nil {
		t.Fatal(err)
	}
	if after != before || page.Total != 0 {
		t.Errorf("the refused batch changed the store: revision %d → %d, %d measures", before, after, page.Total)
	}
}

func snapshotIDs(s *graph.Snapshot) []string {
	var ids []string
	for _, e := range s.Nodes() {
		ids = append(ids, string(e.EntityKind())+"/"+e.Base().ID)
	}
	return ids
}

func relationKeys(rs []graph.Relation) []string {
	var ks []string
	for _, r := range rs {
		ks = append(ks, r.RelationKey.String()+" "+r.Props.Role)
	}
	return ks
}

// span is a measure's time: a missing day is open.
func overlaps(a, b *graph.Measure) bool {
	aFrom, bFrom := string(a.Starts), string(b.Starts)
	aTo, bTo := string(a.Ends), string(b.Ends)
	if aTo == "" {
		aTo = "9999-12-31"
	}
	if bTo == "" {
		bTo = "9999-12-31"
	}
	return aFrom <= bTo && bFrom <= aTo
}

func shared(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// The ground truth agrees with the data: every pair, duplicate or negative, shares a
// municipality, a field and a target group and overlaps in time; the kind follows from the
// lead bodies; no pair is listed twice or as both; duplicate clusters are complete and no
// negative joins two entries of one cluster; paraphrases share little vocabulary and hard
// negatives some.
func TestTruthConsistent(t *testing.T) {
	s := Dataset()
	ix := indexSet(t, s)
	tr := s.Truth
	if n := len(tr.Duplicates); n < 35 || n > 45 {
		t.Errorf("%d duplicate pairs, want about 40", n)
	}
	if n := len(tr.HardNegatives); n < 25 || n > 35 {
		t.Errorf("%d hard negatives, want about 30", n)
	}
	para := 0
	listed := map[[2]string]string{}
	check := func(p Pair, negative bool) {
		key := [2]string{min(p.A, p.B), max(p.A, p.B)}
		if p.A == p.B {
			t.Errorf("%s pairs a measure with itself", p.Case)
		}
		if prev, ok := listed[key]; ok {
			t.Errorf("%s: pair listed twice (also as %s)", p.Case, prev)
		}
		listed[key] = p.Case
		a, b := ix.measures[p.A], ix.measures[p.B]
		if a == nil || b == nil {
			t.Errorf("%s: %s or %s is no measure of the set", p.Case, p.A, p.B)
			return
		}
		if a.Title != p.TitleA || b.Title != p.TitleB {
			t.Errorf("%s: titles in the truth differ from the data", p.Case)
		}
		for _, c := range []struct {
			rt   graph.RelType
			list []string
		}{{graph.OfferedIn, p.Municipalities}, {graph.InField, p.Fields}, {graph.Targets, p.Groups}} {
			sh := shared(ix.out[p.A][c.rt], ix.out[p.B][c.rt])
			if len(sh) == 0 {
				t.Errorf("%s (%q / %q): no shared %s", p.Case, a.Title, b.Title, c.rt)
			}
			if !slices.Equal(sh, c.list) {
				t.Errorf("%s: shared %s are %v, the truth says %v", p.Case, c.rt, sh, c.list)
			}
		}
		if !overlaps(a, b) {
			t.Errorf("%s: %s–%s and %s–%s do not overlap", p.Case, a.Starts, a.Ends, b.Starts, b.Ends)
		}
		same := slices.Equal(ix.leads[p.A], ix.leads[p.B])
		if same != p.SameProvider {
			t.Errorf("%s: same_provider %v, the data says %v", p.Case, p.SameProvider, same)
		}
		want := HardNegative
		if !negative {
			want = ParallelOffer
			if same {
				want = DataDuplicate
			}
		}
		if p.Kind != want {
			t.Errorf("%s: kind %s, want %s", p.Case, p.Kind, want)
		}
		if a.Status == "completed" || b.Status == "completed" {
			t.Errorf("%s: a completed measure in a planted pair", p.Case)
		}
		ov := WordOverlap(a, b)
		titleShared := 0
		tb := ContentWords(b.Title)
		for w := range ContentWords(a.Title) {
			if tb[w] {
				titleShared++
			}
		}
		switch {
		case p.Paraphrase:
			para++
			if ov > 0.1 || titleShared > 0 {
				t.Errorf("%s (%q / %q) is marked a paraphrase but shares vocabulary: overlap %.3f, %d title words", p.Case, a.Title, b.Title, ov, titleShared)
			}
		case negative:
			if n := sharedWords(a, b); n < 2 {
				t.Errorf("hard negative %s (%q / %q) shares %d content words, want at least 2", p.Case, a.Title, b.Title, n)
			}
		}
	}
	for _, p := range tr.Duplicates {
		check(p, false)
	}
	for _, p := range tr.HardNegatives {
		check(p, true)
	}
	if para*2 < len(tr.Duplicates) {
		t.Errorf("%d of %d duplicate pairs are paraphrases, want at least half", para, len(tr.Duplicates))
	}

	// Clusters: the connected components of the duplicate pairs are complete.
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	for _, p := range tr.Duplicates {
		parent[find(p.A)] = find(p.B)
	}
	members := map[string][]string{}
	for x := range parent {
		members[find(x)] = append(members[find(x)], x)
	}
	dup := map[[2]string]bool{}
	for _, p := range tr.Duplicates {
		dup[[2]string{min(p.A, p.B), max(p.A, p.B)}] = true
	}
	for _, ms := range members {
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				if !dup[[2]string{min(ms[i], ms[j]), max(ms[i], ms[j])}] {
					t.Errorf("duplicate cluster %v is not complete: %s and %s are not listed", ms, ms[i], ms[j])
				}
			}
		}
	}
	for _, p := range tr.HardNegatives {
		if _, ok := parent[p.A]; ok {
			if _, ok := parent[p.B]; ok && find(p.A) == find(p.B) {
				t.Errorf("hard negative %s joins two entries of one duplicate cluster", p.Case)
			}
		}
	}
}

// sharedWords counts the content words that two measures' titles and descriptions share.
func sharedWords(a, b *graph.Measure) int {
	wb := ContentWords(b.Title + " " + b.Description)
	n := 0
	for w := range ContentWords(a.Title + " " + a.Description) {
		if wb[w] {
			n++
		}
	}
	return n
}

// No measure meets an unlabelled twin: where two measures of the same kind of offer share a
// municipality, they are a listed duplicate pair.
func TestNoUnlabelledTwins(t *testing.T) {
	s := Dataset()
	ix := indexSet(t, s)
	dup := map[[2]string]bool{}
	for _, p := range s.Truth.Duplicates {
		dup[[2]string{min(p.A, p.B), max(p.A, p.B)}] = true
	}
	at := map[string][]string{} // town/concept → measures
	for id := range ix.measures {
		c := s.concept[id]
		if c == "" {
			t.Errorf("measure %s has no concept", id)
		}
		for _, town := range ix.out[id][graph.OfferedIn] {
			at[town+"/"+c] = append(at[town+"/"+c], id)
		}
	}
	for k, ids := range at {
		slices.Sort(ids)
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if !dup[[2]string{ids[i], ids[j]}] {
					t.Errorf("%s: %q and %q are the same kind of offer in one town but no listed pair", k, ix.measures[ids[i]].Title, ix.measures[ids[j]].Title)
				}
			}
		}
	}
}

// The structure varies as promised.
func TestVariety(t *testing.T) {
	s := Dataset()
	ix := indexSet(t, s)
	count := map[string]int{}
	for id, m := range ix.measures {
		n := utf8.RuneCountInString(m.Description)
		switch {
		case n == 0:
			count["no description"]++
		case n >= 1800:
			count["description of about 2,000 characters"]++
		}
		if len(ix.out[id][graph.OfferedIn]) > 1 {
			count["several towns"]++
		}
		if m.Starts == "" && m.Ends == "" {
			count["undated"]++
		}
		if m.Format == "" {
			count["no format"]++
		}
		if m.Programme == "" {
			count["no programme"]++
		}
		if strings.IndexFunc(m.Title, func(r rune) bool { return unicode.In(r, unicode.Arabic, unicode.Cyrillic) }) >= 0 {
			count["Arabic or Cyrillic title"]++
		}
		if strings.ContainsAny(m.Title, "ığşİ") {
			count["Turkish title"]++
		}
		count["status "+m.Status]++
		count["format "+m.Format]++
		count["level "+m.Level]++
	}
	for _, k := range []string{"no description", "description of about 2,000 characters", "several towns", "undated",
		"no format", "no programme", "Arabic or Cyrillic title", "Turkish title",
		"status planned", "status active", "status paused", "status completed",
		"format in_person", "format online", "format hybrid", "level strategic"} {
		if count[k] == 0 {
			t.Errorf("no measure with %s", k)
		}
	}
}

// truth.json is the ground truth as the data gives it (go test -update rewrites it).
func TestTruthFile(t *testing.T) {
	got, err := json.MarshalIndent(Dataset().Truth, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(truthFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(truthFile)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the data; run go test ./graph/demo/heldout -update and review the diff", truthFile)
	}
	var back Truth
	if err := json.Unmarshal(want, &back); err != nil {
		t.Fatalf("%s: %v", truthFile, err)
	}
	if len(back.Duplicates) != len(Dataset().Truth.Duplicates) {
		t.Errorf("%s holds %d duplicate pairs", truthFile, len(back.Duplicates))
	}
}

// Two calls give the same data, ids included.
func TestDeterministic(t *testing.T) {
	enc := func() []byte {
		s := Dataset()
		b, err := json.Marshal(struct {
			Nodes     []graph.Entity
			Relations []graph.Relation
			Truth     Truth
		}{s.Nodes, s.Relations, s.Truth})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if a, b := enc(), enc(); !bytes.Equal(a, b) {
		t.Fatal("two calls of Dataset gave different data")
	}
}

func ExampleDataset() {
	s := Dataset()
	c := s.Snapshot().Count()
	kinds := map[string]int{}
	for _, p := range s.Truth.Duplicates {
		kinds[p.Kind]++
	}
	fmt.Println(c[graph.KindMunicipality], "municipalities,", c[graph.KindOrganisation], "organisations,", c[graph.KindMeasure], "measures")
	fmt.Println(kinds[DataDuplicate], "data duplicates,", kinds[ParallelOffer], "parallel offers,", len(s.Truth.HardNegatives), "hard negatives")
	// Output:
	// 16 municipalities, 66 organisations, 285 measures
	// 21 data duplicates, 19 parallel offers, 31 hard negatives
}

// The package stays apart from the detector it evaluates: no file imports analysis.
func TestNoAnalysisImport(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		parsed, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			if strings.Contains(imp.Path.Value, "netzwerkatlas/analysis") {
				t.Errorf("%s imports %s", f, imp.Path.Value)
			}
		}
	}
}
