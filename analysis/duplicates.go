package analysis

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// Defaults of DuplicateParams.
const (
	// DefaultDuplicateThreshold is the score from which a pair is reported.
	DefaultDuplicateThreshold = 0.75
	// DefaultDuplicateTextWeight is the share of the text in the score.
	DefaultDuplicateTextWeight = 0.7
	// DefaultDuplicateTextFull is the cosine from which texts count as fully agreeing.
	DefaultDuplicateTextFull = 0.5
	// DefaultDuplicateTitleWeight is how many times a title word counts.
	DefaultDuplicateTitleWeight = 1
	// DefaultDuplicateMaxBlock is the largest block compared pair by pair (see
	// DuplicateParams.MaxBlock).
	DefaultDuplicateMaxBlock = 2000
)

// DefaultStructureWeights are the weights of the structural parts.
var DefaultStructureWeights = StructureWeights{Programme: 2, Languages: 1, Format: 1, TargetGroups: 1}

// Kinds of duplicate pairs and clusters.
const (
	// DuplicateData is the same offer entered twice by its provider.
	DuplicateData = "data_duplicate"
	// DuplicateParallel is the same kind of offer by different providers.
	DuplicateParallel = "parallel_offer"
	// DuplicateMixed is a cluster holding both kinds.
	DuplicateMixed = "mixed"
)

// Suggestions for duplicate pairs and clusters.
const (
	// SuggestMerge: merge the entries into one.
	SuggestMerge = "merge"
	// SuggestCoordinate: the providers should coordinate their offers.
	SuggestCoordinate = "coordinate"
	// SuggestMergeAndCoordinate: merge each provider's entries, then coordinate (mixed clusters).
	SuggestMergeAndCoordinate = "merge_and_coordinate"
)

// Reviewer verdicts (graph.Verdicts).
const (
	// VerdictDuplicate confirms a pair: it is always reported.
	VerdictDuplicate = "duplicate"
	// VerdictIntended marks offers that complement each other on purpose: suppressed.
	VerdictIntended = "intended"
	// VerdictNotDuplicate rejects a pair: suppressed.
	VerdictNotDuplicate = "not_duplicate"
)

// Names of the parts of a pair (DuplicatePart.Name).
const (
	PartProgramme    = "programme"
	PartLanguages    = "languages"
	PartFormat       = "format"
	PartTargetGroups = "target_groups"
	PartProvider     = "provider"
	PartTime         = "time"
)

// StructureWeights weigh the structural parts in the structure score. A weight of 0 leaves
// the part out; weights need not sum to 1 (the score divides by their sum).
type StructureWeights struct {
	Programme    float64 `json:"programme"`
	Languages    float64 `json:"languages"`
	Format       float64 `json:"format"`
	TargetGroups float64 `json:"target_groups"`
}

// DuplicateParams tune the duplicate detection. Zero values select the defaults.
type DuplicateParams struct {
	// Threshold is the score from which a pair is reported, in (0, 1]
	// (DefaultDuplicateThreshold when 0).
	Threshold float64 `json:"threshold"`
	// TextWeight is the share of the text in the score, in (0, 1]; the structure gets the rest
	// (DefaultDuplicateTextWeight when 0).
	TextWeight float64 `json:"text_weight"`
	// TextFull is the cosine from which texts count as fully agreeing, in (0, 1]
	// (DefaultDuplicateTextFull when 0).
	TextFull float64 `json:"text_full"`
	// TitleWeight is how many times a word of the title counts against one of the
	// description, in [1, 10] (DefaultDuplicateTitleWeight when 0).
	TitleWeight float64 `json:"title_weight"`
	// Weights weigh the structural parts (DefaultStructureWeights when nil).
	Weights *StructureWeights `json:"weights,omitempty"`
	// MaxBlock caps the measures of one block (municipality × field) that are compared pair
	// by pair, so that a directory with thousands of entries in one cell cannot make the
	// analysis quadratic (DefaultDuplicateMaxBlock when 0). A larger block is compared by the
	// sorted-neighbourhood method instead: its measures are ordered by their most distinctive
	// term (the one with the highest TF-IDF weight) and then by start, and each is compared
	// with the MaxBlock − 1 measures that follow it, so the cost grows linearly with the
	// block. Pairs further apart in that order are not compared; Duplicates.Capped names
	// the blocks where this happened.
	MaxBlock int `json:"max_block"`
}

// DuplicatePart is one structural part of a pair's comparison.
type DuplicatePart struct {
	// Name is programme, languages, format, target_groups, provider or time.
	Name string `json:"name"`
	// Value is the agreement, from 0 (none) to 1 (full).
	Value float64 `json:"value"`
	// Weight is the part's weight in Structure: 0 for an unknown part and for the parts that
	// are only reported (provider, time).
	Weight float64 `json:"weight"`
	// A and B render the values of the two measures.
	A string `json:"a"`
	B string `json:"b"`
	// Note says in words how the value came about.
	Note string `json:"note"`
}

// DuplicatePair is a pair of measures that look like the same offer.
type DuplicatePair struct {
	// A and B are the measure ids, A < B.
	A string `json:"a"`
	B string `json:"b"`
	// TitleA and TitleB are their titles.
	TitleA string `json:"title_a"`
	TitleB string `json:"title_b"`
	// Score combines text and structure (see the formula in the package documentation).
	Score float64 `json:"score"`
	// Text is the TF-IDF cosine of the two texts.
	Text float64 `json:"text"`
	// TextPart is min(1, Text / TextFull), the text's contribution before weighting.
	TextPart float64 `json:"text_part"`
	// Structure is the weighted mean of the known structural parts.
	Structure float64 `json:"structure"`
	// Parts lists every structural part with its value and weight.
	Parts []DuplicatePart `json:"parts"`
	// Kind is data_duplicate (a shared provider) or parallel_offer.
	Kind string `json:"kind"`
	// Suggestion is merge (data duplicate) or coordinate (parallel offer).
	Suggestion string `json:"suggestion"`
	// SharedTerms are the analysed terms (folded Snowball stems, e.g. "sprachcaf") both texts
	// contain, the largest contribution to the cosine first.
	SharedTerms []string `json:"shared_terms"`
	// HighlightsA and HighlightsB give, per field (title, description), the byte ranges of
	// the words whose terms are shared, for showing both texts side by side.
	HighlightsA []graph.FieldMatch `json:"highlights_a"`
	HighlightsB []graph.FieldMatch `json:"highlights_b"`
	// Municipalities, Fields and TargetGroups are the ids the two measures share (the
	// blocking keys). They may be empty for a pair confirmed by a reviewer.
	Municipalities []string `json:"municipalities"`
	Fields         []string `json:"fields"`
	TargetGroups   []string `json:"target_groups"`
	// Verdict is a reviewer's verdict on the pair, when one exists; VerdictBy, VerdictAt and
	// VerdictNote are the REVIEWED relation's other properties.
	Verdict     string    `json:"verdict,omitempty"`
	VerdictBy   string    `json:"verdict_by,omitempty"`
	VerdictAt   time.Time `json:"verdict_at,omitzero"`
	VerdictNote string    `json:"verdict_note,omitempty"`
	// Explanation says in words why the pair is reported and what to do.
	Explanation string `json:"explanation"`
}

// DuplicateCluster is a connected component of reported pairs.
type DuplicateCluster struct {
	// ID is "dup-" followed by the smallest measure id of the cluster.
	ID string `json:"id"`
	// Measures are the members' ids, ascending.
	Measures []string `json:"measures"`
	// Pairs are the reported pairs among the members, the highest score first.
	Pairs []DuplicatePair `json:"pairs"`
	// Kind is data_duplicate when one provider provides every member, parallel_offer when no
	// provider provides two members, mixed otherwise.
	Kind string `json:"kind"`
	// Suggestion is merge, coordinate or merge_and_coordinate (for mixed clusters).
	Suggestion string `json:"suggestion"`
	// Score is the highest score of its pairs.
	Score float64 `json:"score"`
	// Explanation says in words what the cluster is.
	Explanation string `json:"explanation"`
}

// CappedBlock is a block too large to compare pair by pair (see DuplicateParams.MaxBlock).
type CappedBlock struct {
	Municipality string `json:"municipality"`
	Field        string `json:"field"`
	// Measures is the block's size.
	Measures int `json:"measures"`
}

// Duplicates is the result of FindDuplicates.
type Duplicates struct {
	// Region is the snapshot's region ("" for all regions).
	Region string `json:"region"`
	// Threshold, TextWeight, TextFull, TitleWeight and Weights are the parameters in effect.
	Threshold   float64          `json:"threshold"`
	TextWeight  float64          `json:"text_weight"`
	TextFull    float64          `json:"text_full"`
	TitleWeight float64          `json:"title_weight"`
	Weights     StructureWeights `json:"weights"`
	// Formula is the score formula with these parameters.
	Formula string `json:"formula"`
	// Measures counts the measures examined.
	Measures int `json:"measures"`
	// Candidates counts the pairs that passed blocking and were scored.
	Candidates int `json:"candidates"`
	// Pairs are the reported pairs (score at or above the threshold, or confirmed), the
	// highest score first.
	Pairs []DuplicatePair `json:"pairs"`
	// Clusters are the connected components of Pairs, the highest score first.
	Clusters []DuplicateCluster `json:"clusters"`
	// Reviewed lists the pairs that reach the threshold but are suppressed by an intended or
	// not_duplicate verdict.
	Reviewed []DuplicatePair `json:"reviewed"`
	// Capped lists the blocks larger than MaxBlock.
	Capped []CappedBlock `json:"capped"`
}

// dupParams are DuplicateParams with the defaults filled in.
type dupParams struct {
	threshold, textWeight, textFull, titleWeight float64
	w                                            StructureWeights
	maxBlock                                     int
}

func invalidDup(field, msg string) error {
	return &graph.Error{Code: graph.EINVALID, Message: "invalid duplicate parameters",
		Fields: []graph.FieldError{{Field: field, Message: msg}}}
}

// resolve checks p and fills in the defaults.
func (p DuplicateParams) resolve() (dupParams, error) {
	r := dupParams{threshold: p.Threshold, textWeight: p.TextWeight, textFull: p.TextFull,
		titleWeight: p.TitleWeight, w: DefaultStructureWeights, maxBlock: p.MaxBlock}
	unit := func(field string, v *float64, def float64) error {
		if *v == 0 {
			*v = def
		}
		if math.IsNaN(*v) || *v <= 0 || *v > 1 {
			return invalidDup(field, "must be greater than 0 and at most 1")
		}
		return nil
	}
	if err := unit("threshold", &r.threshold, DefaultDuplicateThreshold); err != nil {
		return r, err
	}
	if err := unit("text_weight", &r.textWeight, DefaultDuplicateTextWeight); err != nil {
		return r, err
	}
	if err := unit("text_full", &r.textFull, DefaultDuplicateTextFull); err != nil {
		return r, err
	}
	if r.titleWeight == 0 {
		r.titleWeight = DefaultDuplicateTitleWeight
	}
	if math.IsNaN(r.titleWeight) || r.titleWeight < 1 || r.titleWeight > 10 {
		return r, invalidDup("title_weight", "must be between 1 and 10")
	}
	if p.Weights != nil {
		r.w = *p.Weights
		for _, c := range []struct {
			name string
			v    float64
		}{{"programme", r.w.Programme}, {"languages", r.w.Languages}, {"format", r.w.Format}, {"target_groups", r.w.TargetGroups}} {
			if math.IsNaN(c.v) || math.IsInf(c.v, 0) || c.v < 0 {
				return r, invalidDup("weights."+c.name, "must be a number of at least 0")
			}
		}
	}
	if r.maxBlock == 0 {
		r.maxBlock = DefaultDuplicateMaxBlock
	}
	if r.maxBlock < 2 {
		return r, invalidDup("max_block", "must be at least 2")
	}
	return r, nil
}

// formula renders the score formula with the parameters.
func (p dupParams) formula() string {
	return fmt.Sprintf("score = %.2f · min(1, text / %.2f) + %.2f · structure; structure = (%g·programme + %g·languages + %g·format + %g·target_groups) / (sum of the weights of the known parts); reported when score ≥ %.2f",
		p.textWeight, p.textFull, 1-p.textWeight, p.w.Programme, p.w.Languages, p.w.Format, p.w.TargetGroups, p.threshold)
}

// FindDuplicates finds the measures of the snapshot that look like the same offer, scores and
// clusters them, and applies the reviewers' verdicts. Parameters out of range give a
// *graph.Error with code EINVALID naming the field.
//
// Blocking. Two measures are compared only when they are offered in the same municipality,
// belong to the same field of action, address at least one common target group, and run at
// the same time (their [starts, ends] ranges overlap; a missing start or end leaves that side
// open). Everything else is never a candidate, whatever the texts say. Measures of different
// regions never meet.
//
// Text. Title and description are analysed as German (graph/text: folding, stop words,
// Snowball stems) and weighed by TF-IDF over the measures of the measure's region (see
// tfidf.go). Before weighing, the words of the names of the measure's own provider(s),
// municipalities and fields are dropped: inside a block the municipality and the field are
// shared by construction, and the provider is compared as a structural fact (it decides the
// kind), so none of them may make two texts look alike. Text is the cosine of the two
// vectors, in [0, 1].
//
// Structure. The mean of the structural parts that both measures state, weighed by
// StructureWeights (defaults in brackets):
//
//	programme      [2]  1 if the same programme (compared folded), 0 if different
//	languages      [1]  Jaccard index of the language sets
//	format         [1]  1 if equal, ½ if one is hybrid and the other in person or online, 0 otherwise
//	target groups  [1]  Jaccard index of the target group sets
//
// A part that one of the two measures leaves empty is unknown and left out of the mean
// (missing data is no evidence either way); when no part is known, Structure is 0. The
// provider and the time overlap are reported as parts with weight 0: the provider decides
// the kind, the overlap is a blocking rule.
//
// Score.
//
//	Score = TextWeight · min(1, Text / TextFull) + (1 − TextWeight) · Structure
//
// with TextWeight 0.7 and TextFull 0.5 by default. TextFull is the cosine from which the
// texts count as fully agreeing: two descriptions of the same offer written by different
// people share its characteristic words but not their details (days, rooms, fees, contacts),
// so their cosine rarely exceeds about 0.6 even when the offer is the same, while unrelated
// offers in one block stay well below 0.3 (docs/pending-duplicates.md gives the figures of
// the demo). A pair is reported when Score ≥ Threshold (0.75).
//
// Clusters are the connected components of the reported pairs: when A–B and B–C are
// reported, A, B and C are one cluster even if A–C scores low (a third entry that was
// reworded from the first one shares little with the second).
//
// Kinds. A pair whose measures share a provider is a data duplicate (the same offer entered
// twice: suggest merging); otherwise it is a parallel offer (the same kind of offer by two
// providers: suggest coordinating). A cluster is a data duplicate when one provider provides
// every member, a parallel offer when no provider provides two members, and mixed otherwise.
//
// Verdicts. Reviewers record a verdict on a pair as a REVIEWED relation between the two
// measures (props verdict, by, at, note); the store keeps it, so it holds for every later
// run. "duplicate" confirms the pair: it is reported, and clustered, whatever its score and
// even when it does not pass blocking. "intended" (complementary on purpose) and
// "not_duplicate" suppress the pair: it is neither reported nor clustered, and if it reaches
// the threshold it is listed in Duplicates.Reviewed instead.
func FindDuplicates(s *graph.Snapshot, p DuplicateParams) (*Duplicates, error) {
	rp, err := p.resolve()
	if err != nil {
		return nil, err
	}
	ix := newDupIndex(s)
	workers := runtime.GOMAXPROCS(0)
	results := make([]*dupRegion, len(ix.regions))
	if len(ix.regions) >= workers {
		tfidfParallel(len(ix.regions), workers, func(r int) { results[r] = ix.run(ix.regions[r], rp, 1) })
	} else {
		for r, members := range ix.regions {
			results[r] = ix.run(members, rp, workers)
		}
	}
	d := &Duplicates{Region: s.Region, Threshold: rp.threshold, TextWeight: rp.textWeight, TextFull: rp.textFull,
		TitleWeight: rp.titleWeight, Weights: rp.w, Formula: rp.formula(), Measures: len(s.Measures),
		Pairs: []DuplicatePair{}, Clusters: []DuplicateCluster{}, Reviewed: []DuplicatePair{}, Capped: []CappedBlock{}}
	for _, r := range results {
		d.Candidates += r.candidates
		d.Pairs = append(d.Pairs, r.pairs...)
		d.Reviewed = append(d.Reviewed, r.reviewed...)
		d.Capped = append(d.Capped, r.capped...)
	}
	byScore := func(a, b DuplicatePair) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	}
	slices.SortFunc(d.Pairs, byScore)
	slices.SortFunc(d.Reviewed, byScore)
	d.Clusters = ix.clusters(d.Pairs)
	return d, nil
}

// dupMeasure holds what the comparison needs of one measure; the slices are sorted indexes
// into the dupIndex tables.
type dupMeasure struct {
	m          *graph.Measure
	providers  []int32
	towns      []int32
	fields     []int32
	targets    []int32
	langs      []string
	programme  string // folded
	start, end int32  // days since 1970; open ends are math.MinInt32 and math.MaxInt32
	region     int32
	verdicts   bool // some REVIEWED relation involves the measure
}

// dupTable interns the ids of one kind of node with their names.
type dupTable struct {
	index map[string]int32
	ids   []string
	names []string
}

func (t *dupTable) add(id, name string) {
	if _, ok := t.index[id]; !ok {
		t.index[id] = int32(len(t.ids))
		t.ids = append(t.ids, id)
		t.names = append(t.names, name)
	}
}

// dupIndex is the snapshot prepared for the comparison.
type dupIndex struct {
	ms                          []dupMeasure
	byID                        map[string]int32
	orgs, towns, fields, groups dupTable
	// regions lists the measures of each region, regions ordered by key.
	regions [][]int32
	// verdicts holds the REVIEWED relations between measures, keyed by the measures' indexes
	// (smaller first).
	verdicts map[[2]int32]graph.RelProps
}

func dupKey(a, b int32) [2]int32 {
	if b < a {
		a, b = b, a
	}
	return [2]int32{a, b}
}

func newDupIndex(s *graph.Snapshot) *dupIndex {
	ix := &dupIndex{ms: make([]dupMeasure, len(s.Measures)), byID: make(map[string]int32, len(s.Measures)),
		verdicts: map[[2]int32]graph.RelProps{}}
	newTable := func(n int) dupTable { return dupTable{index: make(map[string]int32, n)} }
	ix.orgs, ix.towns, ix.fields, ix.groups = newTable(len(s.Organisations)), newTable(len(s.Municipalities)),
		newTable(len(s.Fields)), newTable(len(s.TargetGroups))
	for _, o := range s.Organisations {
		ix.orgs.add(o.ID, o.Name)
	}
	for _, m := range s.Municipalities {
		ix.towns.add(m.ID, m.Name)
	}
	for _, f := range s.Fields {
		ix.fields.add(f.ID, f.Name)
	}
	for _, g := range s.TargetGroups {
		ix.groups.add(g.ID, g.Name)
	}
	regionIndex := map[string]int32{}
	var regionKeys []string
	for i, m := range s.Measures {
		ix.byID[m.ID] = int32(i)
		r, ok := regionIndex[m.Region]
		if !ok {
			r = int32(len(regionKeys))
			regionIndex[m.Region] = r
			regionKeys = append(regionKeys, m.Region)
		}
		dm := &ix.ms[i]
		dm.m, dm.region = m, r
		dm.programme = text.Fold(strings.TrimSpace(m.Programme))
		dm.start, dm.end = math.MinInt32, math.MaxInt32
		if t, ok := m.Starts.Time(); ok {
			dm.start = int32(t.Unix() / 86400)
		}
		if t, ok := m.Ends.Time(); ok {
			dm.end = int32(t.Unix() / 86400)
		}
		dm.langs = dupSortedSet(m.Languages)
	}
	// Regions in key order; measures in snapshot order within each.
	order := slices.Clone(regionKeys)
	slices.Sort(order)
	ix.regions = make([][]int32, len(order))
	rank := make([]int, len(regionKeys))
	for k, key := range order {
		rank[regionIndex[key]] = k
	}
	for i := range ix.ms {
		k := rank[ix.ms[i].region]
		ix.regions[k] = append(ix.regions[k], int32(i))
	}

	// Relationships, collected per type as (measure, other end) and spread into one array
	// per type (counting sort), so that a measure's ends are one sub-slice.
	type edge struct{ m, to int32 }
	var provides, offered, inField, targets []edge
	for _, r := range s.Relations {
		switch r.Type {
		case graph.Provides:
			m, ok1 := ix.byID[r.To]
			o, ok2 := ix.orgs.index[r.From]
			if ok1 && ok2 {
				provides = append(provides, edge{m, o})
			}
		case graph.OfferedIn, graph.InField, graph.Targets:
			m, ok := ix.byID[r.From]
			if !ok {
				continue
			}
			tab, list := &ix.towns, &offered
			switch r.Type {
			case graph.InField:
				tab, list = &ix.fields, &inField
			case graph.Targets:
				tab, list = &ix.groups, &targets
			}
			if to, ok := tab.index[r.To]; ok {
				*list = append(*list, edge{m, to})
			}
		case graph.Reviewed:
			a, ok1 := ix.byID[r.From]
			b, ok2 := ix.byID[r.To]
			if ok1 && ok2 && a != b && slices.Contains(graph.Verdicts, r.Props.Verdict) {
				ix.verdicts[dupKey(a, b)] = r.Props
				ix.ms[a].verdicts, ix.ms[b].verdicts = true, true
			}
		}
	}
	spread := func(edges []edge, set func(dm *dupMeasure, ends []int32)) {
		start := make([]int32, len(ix.ms)+1)
		for _, e := range edges {
			start[e.m+1]++
		}
		for i := range ix.ms {
			start[i+1] += start[i]
		}
		ends := make([]int32, len(edges))
		fill := slices.Clone(start[:len(ix.ms)])
		for _, e := range edges {
			ends[fill[e.m]] = e.to
			fill[e.m]++
		}
		for i := range ix.ms {
			if lo, hi := start[i], start[i+1]; hi > lo {
				list := ends[lo:hi:hi]
				slices.Sort(list)
				set(&ix.ms[i], slices.Compact(list))
			}
		}
	}
	spread(provides, func(dm *dupMeasure, e []int32) { dm.providers = e })
	spread(offered, func(dm *dupMeasure, e []int32) { dm.towns = e })
	spread(inField, func(dm *dupMeasure, e []int32) { dm.fields = e })
	spread(targets, func(dm *dupMeasure, e []int32) { dm.targets = e })
	return ix
}

// sortedSet returns s sorted and without repeats; s itself when it is so already.
func dupSortedSet(s []string) []string {
	for i := 1; i < len(s); i++ {
		if s[i-1] >= s[i] {
			return slices.Compact(slices.Sorted(slices.Values(s)))
		}
	}
	return s
}

// dupRegion is the outcome for one region.
type dupRegion struct {
	candidates int
	pairs      []DuplicatePair
	reviewed   []DuplicatePair
	capped     []CappedBlock
}

// dupScored is a scored pair of a region's measures (local indexes).
type dupScored struct {
	a, b                   int32
	text, structure, score float64
}

// dupBlock is the members (local indexes) of one block with its key. When window > 0 (an
// oversized block), each member is compared only with the window − 1 members after it.
type dupBlock struct {
	key     int64
	members []int32
	window  int
}

// run compares the measures of one region (global indexes in members) using up to workers
// goroutines.
func (ix *dupIndex) run(members []int32, p dupParams, workers int) *dupRegion {
	out := &dupRegion{}
	n := len(members)
	ms := make([]*dupMeasure, n)
	for k, g := range members {
		ms[k] = &ix.ms[g]
	}

	// Texts, without the words of the names of the measure's context.
	nameTerms := map[string][]string{}
	termsOf := func(id, name string) []string {
		t, ok := nameTerms[id]
		if !ok {
			t = text.Terms(name)
			nameTerms[id] = t
		}
		return t
	}
	docs := make([]tfidfDoc, n)
	var drop []string
	for k, dm := range ms {
		lo := len(drop)
		for _, o := range dm.providers {
			drop = append(drop, termsOf(ix.orgs.ids[o], ix.orgs.names[o])...)
		}
		for _, t := range dm.towns {
			drop = append(drop, termsOf(ix.towns.ids[t], ix.towns.names[t])...)
		}
		for _, f := range dm.fields {
			drop = append(drop, termsOf(ix.fields.ids[f], ix.fields.names[f])...)
		}
		docs[k] = tfidfDoc{Title: dm.m.Title, Body: dm.m.Description, Drop: drop[lo:len(drop):len(drop)]}
	}
	model := buildTFIDF(docs, p.titleWeight, workers)

	blocks := ix.blocks(ms, model, p.maxBlock, out)
	// Largest blocks first, so that the workers finish together.
	slices.SortFunc(blocks, func(a, b dupBlock) int { return cmp.Compare(len(b.members), len(a.members)) })

	type workerOut struct {
		candidates int
		kept       []dupScored
	}
	nw := max(1, min(workers, len(blocks)))
	outs := make([]workerOut, nw)
	next := make(chan int, len(blocks))
	for b := range blocks {
		next <- b
	}
	close(next)
	tfidfParallel(nw, nw, func(w int) {
		o := &outs[w]
		for b := range next {
			o.candidates += ix.scoreBlock(ms, members, model, blocks[b], p, &o.kept)
		}
	})
	var kept []dupScored
	for _, o := range outs {
		out.candidates += o.candidates
		kept = append(kept, o.kept...)
	}

	// Confirmed pairs that blocking did not bring up.
	local := map[int32]int32{}
	for k, g := range members {
		if ix.ms[g].verdicts {
			local[g] = int32(k)
		}
	}
	if len(local) > 0 {
		seen := map[[2]int32]bool{}
		for _, sc := range kept {
			if ms[sc.a].verdicts && ms[sc.b].verdicts {
				seen[dupKey(members[sc.a], members[sc.b])] = true
			}
		}
		for key, props := range ix.verdicts {
			a, okA := local[key[0]]
			b, okB := local[key[1]]
			if !okA || !okB || props.Verdict != VerdictDuplicate || seen[key] {
				continue
			}
			t := model.vecs[a].dot(model.vecs[b])
			st := dupStructure(ms[a], ms[b], p.w)
			kept = append(kept, dupScored{a: a, b: b, text: t, structure: st, score: dupCombine(t, st, p)})
		}
	}

	// Details of what is reported.
	tokens := map[int32][2][]text.Token{}
	for _, sc := range kept {
		props, reviewed := ix.verdicts[dupKey(members[sc.a], members[sc.b])]
		pair := ix.describe(ms[sc.a], ms[sc.b], sc, model, p, props, tokens)
		switch {
		case !reviewed || props.Verdict == VerdictDuplicate:
			out.pairs = append(out.pairs, pair)
		case sc.score >= p.threshold:
			out.reviewed = append(out.reviewed, pair)
		}
	}
	return out
}

// blocks groups a region's measures by (municipality, field). Blocks larger than maxBlock are
// ordered for the sorted-neighbourhood comparison (see DuplicateParams.MaxBlock) and recorded
// in out.capped.
func (ix *dupIndex) blocks(ms []*dupMeasure, model *tfidfModel, maxBlock int, out *dupRegion) []dupBlock {
	type entry struct {
		key int64
		k   int32
	}
	var entries []entry
	for k, dm := range ms {
		for _, t := range dm.towns {
			for _, f := range dm.fields {
				entries = append(entries, entry{int64(t)<<32 | int64(f), int32(k)})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.k, b.k)) })
	var blocks []dupBlock
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].key == entries[lo].key {
			hi++
		}
		if hi-lo >= 2 {
			members := make([]int32, hi-lo)
			for i := range members {
				members[i] = entries[lo+i].k
			}
			b := dupBlock{key: entries[lo].key, members: members}
			if len(members) > maxBlock {
				out.capped = append(out.capped, CappedBlock{Municipality: ix.towns.ids[b.key>>32],
					Field: ix.fields.ids[int32(b.key)], Measures: len(members)})
				b.window = maxBlock
				top := make(map[int32]int32, len(members))
				for _, k := range members {
					top[k] = dupTopTerm(model.vecs[k])
				}
				slices.SortFunc(members, func(x, y int32) int {
					return cmp.Or(cmp.Compare(top[x], top[y]), cmp.Compare(ms[x].start, ms[y].start), cmp.Compare(x, y))
				})
			}
			blocks = append(blocks, b)
		}
		lo = hi
	}
	return blocks
}

// topTerm returns the id of the term with the highest weight in v (the smallest id among
// equals), or -1 for an empty vector.
func dupTopTerm(v sparseVec) int32 {
	best, id := float32(-1), int32(-1)
	for i, w := range v.ws {
		if w > best {
			best, id = w, v.ids[i]
		}
	}
	return id
}

// scoreBlock scores the pairs of one block that pass blocking, appends those to keep (score
// at or above the threshold, or with a verdict) to kept and returns how many it scored.
func (ix *dupIndex) scoreBlock(ms []*dupMeasure, members []int32, model *tfidfModel, b dupBlock, p dupParams, kept *[]dupScored) int {
	// Below this cosine no pair can reach the threshold, even with full structural agreement.
	minText := 0.0
	if rest := p.threshold - (1 - p.textWeight); rest > 0 {
		minText = rest / p.textWeight * p.textFull
	}
	candidates := 0
	mem := b.members
	for x, a := range mem {
		A := ms[a]
		va := model.vecs[a]
		end := len(mem)
		if b.window > 0 {
			end = min(end, x+b.window)
		}
		for _, c := range mem[x+1 : end] {
			C := ms[c]
			if A.start > C.end || C.start > A.end || !dupIntersects(A.targets, C.targets) {
				continue
			}
			if !dupPairOwner(A, C, b) {
				continue
			}
			candidates++
			reviewed := A.verdicts && C.verdicts && ix.hasVerdict(members[a], members[c])
			t := va.dot(model.vecs[c])
			if t < minText && !reviewed {
				continue
			}
			st := dupStructure(A, C, p.w)
			sc := dupCombine(t, st, p)
			if sc >= p.threshold || reviewed {
				lo, hi := a, c
				if hi < lo {
					lo, hi = hi, lo
				}
				*kept = append(*kept, dupScored{a: lo, b: hi, text: t, structure: st, score: sc})
			}
		}
	}
	return candidates
}

func (ix *dupIndex) hasVerdict(a, b int32) bool {
	_, ok := ix.verdicts[dupKey(a, b)]
	return ok
}

// dupPairOwner reports whether block b is the one that scores the pair a, c: a pair that
// shares several (municipality, field) keys is scored only in the block of the smallest.
func dupPairOwner(a, c *dupMeasure, b dupBlock) bool {
	if len(a.towns)*len(a.fields) > 1 && len(c.towns)*len(c.fields) > 1 {
		return dupFirstSharedKey(a, c) == b.key
	}
	return true
}

// firstSharedKey returns the smallest (municipality, field) key two measures share, or -1.
func dupFirstSharedKey(a, c *dupMeasure) int64 {
	for _, t := range a.towns {
		if _, ok := slices.BinarySearch(c.towns, t); !ok {
			continue
		}
		for _, f := range a.fields {
			if _, ok := slices.BinarySearch(c.fields, f); ok {
				return int64(t)<<32 | int64(f)
			}
		}
	}
	return -1
}

// intersects reports whether two sorted lists share an element.
func dupIntersects(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// combine computes the score from text and structure.
func dupCombine(t, st float64, p dupParams) float64 {
	return p.textWeight*min(1, t/p.textFull) + (1-p.textWeight)*st
}

// structure computes the structural agreement of two measures (see the package comment). It
// must agree with structureParts, which explains it.
func dupStructure(a, c *dupMeasure, w StructureWeights) float64 {
	var sum, weight float64
	if a.programme != "" && c.programme != "" {
		if a.programme == c.programme {
			sum += w.Programme
		}
		weight += w.Programme
	}
	if len(a.langs) > 0 && len(c.langs) > 0 {
		sum += w.Languages * dupJaccardStrings(a.langs, c.langs)
		weight += w.Languages
	}
	if a.m.Format != "" && c.m.Format != "" {
		sum += w.Format * dupFormatAgreement(a.m.Format, c.m.Format)
		weight += w.Format
	}
	if len(a.targets) > 0 && len(c.targets) > 0 {
		sum += w.TargetGroups * dupJaccardInts(a.targets, c.targets)
		weight += w.TargetGroups
	}
	if weight == 0 {
		return 0
	}
	return sum / weight
}

func dupFormatAgreement(a, b string) float64 {
	switch {
	case a == b:
		return 1
	case a == "hybrid" || b == "hybrid":
		return 0.5
	}
	return 0
}

// jaccardStrings is |a ∩ b| / |a ∪ b| of two sorted lists without repeats.
func dupJaccardStrings(a, b []string) float64 {
	n := 0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// jaccardInts is jaccardStrings for sorted ids.
func dupJaccardInts(a, b []int32) float64 {
	n := 0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

func dupSharedInts(a, b []int32) []int32 {
	var out []int32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// dupTermShare is a shared term with its contribution to the cosine.
type dupTermShare struct {
	term string
	c    float64
}

// describe turns a scored pair into a DuplicatePair with its parts, shared terms, highlights
// and explanation. tokens caches the analysed texts of the region's measures.
func (ix *dupIndex) describe(a, c *dupMeasure, sc dupScored, model *tfidfModel, p dupParams, review graph.RelProps, tokens map[int32][2][]text.Token) DuplicatePair {
	va, vc := model.vecs[sc.a], model.vecs[sc.b]
	if c.m.ID < a.m.ID {
		a, c = c, a
		va, vc = vc, va
		sc.a, sc.b = sc.b, sc.a
	}
	pair := DuplicatePair{A: a.m.ID, B: c.m.ID, TitleA: a.m.Title, TitleB: c.m.Title,
		Score: sc.score, Text: sc.text, TextPart: min(1, sc.text/p.textFull), Structure: sc.structure,
		SharedTerms: []string{}, Municipalities: []string{}, Fields: []string{}, TargetGroups: []string{},
		Verdict: review.Verdict, VerdictBy: review.By, VerdictAt: review.At, VerdictNote: review.Note}
	var shared []dupTermShare
	va.shared(vc, func(id int32, c float64) { shared = append(shared, dupTermShare{model.terms[id], c}) })
	slices.SortFunc(shared, func(x, y dupTermShare) int { return cmp.Or(cmp.Compare(y.c, x.c), cmp.Compare(x.term, y.term)) })
	set := make(map[string]bool, len(shared))
	for _, s := range shared {
		pair.SharedTerms = append(pair.SharedTerms, s.term)
		set[s.term] = true
	}
	pair.HighlightsA = dupHighlights(a.m, sc.a, set, tokens)
	pair.HighlightsB = dupHighlights(c.m, sc.b, set, tokens)
	for _, t := range dupSharedInts(a.towns, c.towns) {
		pair.Municipalities = append(pair.Municipalities, ix.towns.ids[t])
	}
	for _, f := range dupSharedInts(a.fields, c.fields) {
		pair.Fields = append(pair.Fields, ix.fields.ids[f])
	}
	for _, g := range dupSharedInts(a.targets, c.targets) {
		pair.TargetGroups = append(pair.TargetGroups, ix.groups.ids[g])
	}
	pair.Parts = ix.structureParts(a, c, p.w)
	sameProvider := len(dupSharedInts(a.providers, c.providers)) > 0
	pair.Kind, pair.Suggestion = DuplicateParallel, SuggestCoordinate
	if sameProvider {
		pair.Kind, pair.Suggestion = DuplicateData, SuggestMerge
	}
	pair.Explanation = ix.explain(&pair, a, c, p, shared)
	return pair
}

// highlights returns the byte ranges of the words of m (local index k) whose terms are in set.
func dupHighlights(m *graph.Measure, k int32, set map[string]bool, cache map[int32][2][]text.Token) []graph.FieldMatch {
	toks, ok := cache[k]
	if !ok {
		toks = [2][]text.Token{text.Analyze(m.Title), text.Analyze(m.Description)}
		cache[k] = toks
	}
	out := []graph.FieldMatch{}
	for i, field := range []string{"title", "description"} {
		var spans [][2]int
		for _, t := range toks[i] {
			if set[t.Term] {
				spans = append(spans, [2]int{t.Start, t.End})
			}
		}
		if len(spans) > 0 {
			out = append(out, graph.FieldMatch{Field: field, Spans: spans})
		}
	}
	return out
}

// structureParts explains dupStructure(a, c, w) part by part.
func (ix *dupIndex) structureParts(a, c *dupMeasure, w StructureWeights) []DuplicatePart {
	parts := make([]DuplicatePart, 0, 6)

	pr := DuplicatePart{Name: PartProgramme, A: a.m.Programme, B: c.m.Programme}
	switch {
	case a.programme == "" && c.programme == "":
		pr.Note = "neither names a programme"
	case a.programme == "" || c.programme == "":
		pr.Note = "only one names a programme; not counted"
	case a.programme == c.programme:
		pr.Value, pr.Weight, pr.Note = 1, w.Programme, "same programme"
	default:
		pr.Weight, pr.Note = w.Programme, "different programmes"
	}
	parts = append(parts, pr)

	la := DuplicatePart{Name: PartLanguages, A: strings.Join(a.langs, ", "), B: strings.Join(c.langs, ", ")}
	if len(a.langs) > 0 && len(c.langs) > 0 {
		n := 0
		for _, l := range a.langs {
			if _, ok := slices.BinarySearch(c.langs, l); ok {
				n++
			}
		}
		la.Value, la.Weight = dupJaccardStrings(a.langs, c.langs), w.Languages
		la.Note = fmt.Sprintf("%d of %d languages shared", n, len(a.langs)+len(c.langs)-n)
	} else {
		la.Note = "languages not stated by both; not counted"
	}
	parts = append(parts, la)

	fo := DuplicatePart{Name: PartFormat, A: a.m.Format, B: c.m.Format}
	if a.m.Format != "" && c.m.Format != "" {
		fo.Value, fo.Weight = dupFormatAgreement(a.m.Format, c.m.Format), w.Format
		switch fo.Value {
		case 1:
			fo.Note = "same format"
		case 0.5:
			fo.Note = "hybrid against " + map[bool]string{true: c.m.Format, false: a.m.Format}[a.m.Format == "hybrid"] + ": half agreement"
		default:
			fo.Note = "different formats"
		}
	} else {
		fo.Note = "format not stated by both; not counted"
	}
	parts = append(parts, fo)

	names := func(t *dupTable, ids []int32) string {
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = t.names[id]
		}
		return strings.Join(s, ", ")
	}
	tg := DuplicatePart{Name: PartTargetGroups, A: names(&ix.groups, a.targets), B: names(&ix.groups, c.targets)}
	if len(a.targets) > 0 && len(c.targets) > 0 {
		n := len(dupSharedInts(a.targets, c.targets))
		tg.Value, tg.Weight = dupJaccardInts(a.targets, c.targets), w.TargetGroups
		tg.Note = fmt.Sprintf("%d of %d target groups shared", n, len(a.targets)+len(c.targets)-n)
	} else {
		tg.Note = "target groups not stated by both; not counted"
	}
	parts = append(parts, tg)

	pv := DuplicatePart{Name: PartProvider, A: names(&ix.orgs, a.providers), B: names(&ix.orgs, c.providers)}
	switch shared := dupSharedInts(a.providers, c.providers); {
	case len(shared) > 0:
		pv.Value, pv.Note = 1, "same provider: "+names(&ix.orgs, shared)+"; decides the kind, not weighed"
	case len(a.providers) == 0 || len(c.providers) == 0:
		pv.Note = "provider unknown for one of them; decides the kind, not weighed"
	default:
		pv.Note = "different providers; decides the kind, not weighed"
	}
	parts = append(parts, pv)

	run := func(m *graph.Measure) string {
		s, e := string(m.Starts), string(m.Ends)
		if s == "" {
			s = "open"
		}
		if e == "" {
			e = "open"
		}
		return s + " – " + e
	}
	ti := DuplicatePart{Name: PartTime, A: run(a.m), B: run(c.m)}
	if a.start <= c.end && c.start <= a.end {
		ti.Value, ti.Note = 1, "the runs overlap; a blocking rule, not weighed"
	} else {
		ti.Note = "the runs do not overlap; a blocking rule, not weighed"
	}
	parts = append(parts, ti)
	return parts
}

// explain says in words why the pair is reported.
func (ix *dupIndex) explain(pair *DuplicatePair, a, c *dupMeasure, p dupParams, shared []dupTermShare) string {
	var b strings.Builder
	terms := make([]string, 0, 5)
	for _, s := range shared[:min(5, len(shared))] {
		terms = append(terms, s.term)
	}
	fmt.Fprintf(&b, "Texts agree with TF-IDF cosine %.2f", pair.Text)
	if len(terms) > 0 {
		fmt.Fprintf(&b, " (shared: %s)", strings.Join(terms, ", "))
	}
	fmt.Fprintf(&b, "; structure %.2f (", pair.Structure)
	var known []string
	for _, part := range pair.Parts {
		if part.Weight > 0 {
			known = append(known, fmt.Sprintf("%s %.2f", strings.ReplaceAll(part.Name, "_", " "), part.Value))
		}
	}
	if len(known) == 0 {
		known = append(known, "no part known")
	}
	b.WriteString(strings.Join(known, ", "))
	fmt.Fprintf(&b, "); score %.2f·%.2f + %.2f·%.2f = %.2f", p.textWeight, pair.TextPart, 1-p.textWeight, pair.Structure, pair.Score)
	if pair.Score >= p.threshold {
		fmt.Fprintf(&b, " ≥ %.2f.", p.threshold)
	} else {
		fmt.Fprintf(&b, " < %.2f.", p.threshold)
	}
	switch pair.Verdict {
	case VerdictDuplicate:
		b.WriteString(" A reviewer confirmed the pair as a duplicate" + dupBy(pair.VerdictBy) + ".")
	case VerdictIntended:
		b.WriteString(" A reviewer marked the offers as complementary on purpose" + dupBy(pair.VerdictBy) + "; not reported.")
	case VerdictNotDuplicate:
		b.WriteString(" A reviewer marked the pair as no duplicate" + dupBy(pair.VerdictBy) + "; not reported.")
	}
	where := ""
	if len(pair.Municipalities) > 0 {
		where = " in " + ix.towns.names[ix.towns.index[pair.Municipalities[0]]]
	}
	if pair.Kind == DuplicateData {
		fmt.Fprintf(&b, " Both are provided by %s%s: probably the same offer entered twice — merge the entries.",
			ix.sharedProviderNames(a, c), where)
	} else {
		fmt.Fprintf(&b, " Different providers offer the same kind of offer%s — they should coordinate.", where)
	}
	return b.String()
}

func dupBy(who string) string {
	if who == "" {
		return ""
	}
	return " (" + who + ")"
}

func (ix *dupIndex) sharedProviderNames(a, c *dupMeasure) string {
	var s []string
	for _, o := range dupSharedInts(a.providers, c.providers) {
		s = append(s, ix.orgs.names[o])
	}
	return strings.Join(s, ", ")
}

// clusters groups the pairs into connected components.
func (ix *dupIndex) clusters(pairs []DuplicatePair) []DuplicateCluster {
	parent := map[string]string{}
	var find func(x string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok {
			parent[x] = x
			return x
		}
		if p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, pr := range pairs {
		ra, rb := find(pr.A), find(pr.B)
		if ra != rb {
			// The smaller id becomes the root, so that a cluster's root is its smallest member.
			if rb < ra {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	byRoot := map[string]*DuplicateCluster{}
	var out []*DuplicateCluster
	for _, pr := range pairs { // highest score first, so Pairs stays in that order
		r := find(pr.A)
		c := byRoot[r]
		if c == nil {
			c = &DuplicateCluster{ID: "dup-" + r, Score: pr.Score}
			byRoot[r] = c
			out = append(out, c)
		}
		c.Pairs = append(c.Pairs, pr)
	}
	for x := range parent {
		if c := byRoot[find(x)]; c != nil {
			c.Measures = append(c.Measures, x)
		}
	}
	res := make([]DuplicateCluster, 0, len(out))
	for _, c := range out {
		slices.Sort(c.Measures)
		ix.clusterKind(c)
		res = append(res, *c)
	}
	return res
}

// clusterKind sets the kind, suggestion and explanation of a cluster from its members'
// providers.
func (ix *dupIndex) clusterKind(c *DuplicateCluster) {
	count := map[int32]int{}
	for _, id := range c.Measures {
		for _, o := range ix.ms[ix.byID[id]].providers {
			count[o]++
		}
	}
	all, repeated := false, false
	for _, n := range count {
		all = all || n == len(c.Measures)
		repeated = repeated || n > 1
	}
	switch {
	case all:
		c.Kind, c.Suggestion = DuplicateData, SuggestMerge
		c.Explanation = fmt.Sprintf("%d entries of one provider describe the same offer: merge them into one.", len(c.Measures))
	case !repeated:
		c.Kind, c.Suggestion = DuplicateParallel, SuggestCoordinate
		c.Explanation = fmt.Sprintf("%d providers run the same kind of offer in the same place for the same people at the same time: they should coordinate.", len(c.Measures))
	default:
		c.Kind, c.Suggestion = DuplicateMixed, SuggestMergeAndCoordinate
		c.Explanation = fmt.Sprintf("%d entries: some providers entered the offer more than once (merge those) and other providers run the same kind of offer (coordinate).", len(c.Measures))
	}
}
