package duplicates

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// Defaults of Params.
const (
	// DefaultThreshold is the score from which a pair is reported.
	DefaultThreshold = 0.75
	// DefaultTextWeight is the share of the text in the score.
	DefaultTextWeight = 0.7
	// DefaultTextFull is the cosine from which texts count as fully agreeing.
	DefaultTextFull = 0.5
	// DefaultTitleWeight is how many times a title word counts.
	DefaultTitleWeight = 1
	// DefaultMaxBlock is the largest block compared pair by pair (see
	// Params.MaxBlock).
	DefaultMaxBlock = 2000
)

// DefaultStructureWeights are the weights of the structural parts.
var DefaultStructureWeights = StructureWeights{Programme: 2, Languages: 1, Format: 1, TargetGroups: 1}

// Kinds of duplicate pairs and clusters.
const (
	// KindData is the same offer entered twice by its provider.
	KindData = "data_duplicate"
	// KindParallel is the same kind of offer by different providers.
	KindParallel = "parallel_offer"
	// KindMixed is a cluster holding both kinds.
	KindMixed = "mixed"
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

// Names of the parts of a pair (Part.Name).
const (
	PartProgramme    = "programme"     // the same programme
	PartLanguages    = "languages"     // overlap of the languages
	PartFormat       = "format"        // in person, online, hybrid
	PartTargetGroups = "target_groups" // overlap of the target groups
	PartProvider     = "provider"      // a shared provider (decides the kind; weight 0)
	PartTime         = "time"          // overlapping runs (a blocking rule; weight 0)
)

// StructureWeights weigh the structural parts in the structure score. A weight of 0 leaves
// the part out; weights need not sum to 1 (the score divides by their sum).
type StructureWeights struct {
	// Programme weighs the agreement of the programmes.
	Programme float64 `json:"programme"`
	// Languages weighs the overlap of the language sets.
	Languages float64 `json:"languages"`
	// Format weighs the agreement of the formats.
	Format float64 `json:"format"`
	// TargetGroups weighs the overlap of the target group sets.
	TargetGroups float64 `json:"target_groups"`
}

// Params tune the duplicate detection. Zero values select the defaults.
type Params struct {
	// Threshold is the score from which a pair is reported, in (0, 1]
	// (DefaultThreshold when 0).
	Threshold float64 `json:"threshold"`
	// TextWeight is the share of the text in the score, in (0, 1]; the structure gets the rest
	// (DefaultTextWeight when 0).
	TextWeight float64 `json:"text_weight"`
	// TextFull is the cosine from which texts count as fully agreeing, in (0, 1]
	// (DefaultTextFull when 0).
	TextFull float64 `json:"text_full"`
	// TitleWeight is how many times a word of the title counts against one of the
	// description, in [1, 10] (DefaultTitleWeight when 0).
	TitleWeight float64 `json:"title_weight"`
	// Weights weigh the structural parts (DefaultStructureWeights when nil).
	Weights *StructureWeights `json:"weights,omitempty"`
	// MaxBlock caps the measures of one block (municipality × field) that are compared pair
	// by pair, so that a directory with thousands of entries in one cell cannot make the
	// analysis quadratic (DefaultMaxBlock when 0). A larger block is compared by the
	// sorted-neighbourhood method instead: its measures are ordered by their most distinctive
	// term (the one with the highest TF-IDF weight) and then by start, and each is compared
	// with the MaxBlock − 1 measures that follow it, so the cost grows linearly with the
	// block. Pairs further apart in that order are not compared; Result.Capped names
	// the blocks where this happened.
	MaxBlock int `json:"max_block"`
	// ClustersOnly leaves the pairs undescribed: Pairs, Reviewed and each cluster's Pairs
	// stay empty while clusters, counts and kinds are complete. Describing the pairs (parts,
	// shared terms, highlights, explanations) is most of the work; a monitoring run needs only
	// the clusters.
	ClustersOnly bool `json:"clusters_only,omitempty"`
}

// Part is one structural part of a pair's comparison.
type Part struct {
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

// Pair is a pair of measures that look like the same offer.
type Pair struct {
	// A and B are the measure ids, A < B.
	A string `json:"a"`
	B string `json:"b"`
	// TitleA and TitleB are their titles.
	TitleA string `json:"title_a"`
	TitleB string `json:"title_b"`
	// Score combines text and structure (see Find for the formula).
	Score float64 `json:"score"`
	// Text is the TF-IDF cosine of the two texts.
	Text float64 `json:"text"`
	// TextPart is min(1, Text / TextFull), the text's contribution before weighting.
	TextPart float64 `json:"text_part"`
	// Structure is the weighted mean of the known structural parts.
	Structure float64 `json:"structure"`
	// Parts lists every structural part with its value and weight.
	Parts []Part `json:"parts"`
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

// Cluster is a connected component of reported pairs.
type Cluster struct {
	// ID is "dup-" followed by the smallest measure id of the cluster.
	ID string `json:"id"`
	// Measures are the members' ids, ascending.
	Measures []string `json:"measures"`
	// Pairs are the cluster's reported pairs (see Result.Pairs), the highest score first;
	// the slice shares its elements with Result.Pairs.
	Pairs []Pair `json:"pairs"`
	// Links counts the pairs of members at or above the threshold or confirmed.
	Links int `json:"links"`
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

// CappedBlock is a block too large to compare pair by pair (see Params.MaxBlock).
type CappedBlock struct {
	// Municipality and Field are the block's keys.
	Municipality string `json:"municipality"`
	Field        string `json:"field"`
	// Measures is the block's size.
	Measures int `json:"measures"`
}

// Result is the result of Find.
type Result struct {
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
	// Candidates counts the pairs that passed blocking. Each is scored, though the prefix
	// filter settles most without computing their cosine (see Find).
	Candidates int `json:"candidates"`
	// AboveThreshold counts the pairs at or above the threshold that no verdict suppresses.
	// Every one of them lies within a cluster.
	AboveThreshold int `json:"above_threshold"`
	// Pairs are the reported pairs: for each cluster, the pairs of its maximum spanning tree
	// (the strongest pairs that connect its measures, one fewer than its measures), plus
	// every pair a reviewer confirmed. A cluster of k entries of one offer has up to
	// k(k−1)/2 pairs above the threshold; the tree shows why the k belong together without
	// listing each of them (Cluster.Links counts them all). They are grouped by
	// cluster, in the order of Clusters, each cluster's highest score first; each cluster's
	// Pairs is its part of this list.
	Pairs []Pair `json:"pairs"`
	// Clusters are the connected components of the pairs at or above the threshold and the
	// confirmed pairs, the highest score first, then by id.
	Clusters []Cluster `json:"clusters"`
	// Reviewed lists the pairs that reach the threshold but are suppressed by an intended or
	// not_duplicate verdict.
	Reviewed []Pair `json:"reviewed"`
	// Capped lists the blocks larger than MaxBlock.
	Capped []CappedBlock `json:"capped"`
}

// dupParams are Params with the defaults filled in.
type dupParams struct {
	threshold, textWeight, textFull, titleWeight float64
	w                                            StructureWeights
	maxBlock                                     int
	clustersOnly                                 bool
	noPrune                                      bool // for tests: verify every candidate's cosine
}

func invalidDup(field, msg string) error {
	return &graph.Error{Code: graph.EINVALID, Message: "invalid duplicate parameters",
		Fields: []graph.FieldError{{Field: field, Message: msg}}}
}

// resolve checks p and fills in the defaults.
func (p Params) resolve() (dupParams, error) {
	r := dupParams{threshold: p.Threshold, textWeight: p.TextWeight, textFull: p.TextFull,
		titleWeight: p.TitleWeight, w: DefaultStructureWeights, maxBlock: p.MaxBlock, clustersOnly: p.ClustersOnly}
	unit := func(field string, v *float64, def float64) error {
		if *v == 0 {
			*v = def
		}
		if math.IsNaN(*v) || *v <= 0 || *v > 1 {
			return invalidDup(field, "must be greater than 0 and at most 1")
		}
		return nil
	}
	if err := unit("threshold", &r.threshold, DefaultThreshold); err != nil {
		return r, err
	}
	if err := unit("text_weight", &r.textWeight, DefaultTextWeight); err != nil {
		return r, err
	}
	if err := unit("text_full", &r.textFull, DefaultTextFull); err != nil {
		return r, err
	}
	if r.titleWeight == 0 {
		r.titleWeight = DefaultTitleWeight
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
		r.maxBlock = DefaultMaxBlock
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

// Find finds the measures of the snapshot that look like the same offer, scores and
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
// text.go). Before weighing, the words of the names of the measure's own provider(s),
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
// so their cosine is often only 0.4 to 0.7 even when the offer is the same, while unrelated
// offers in one block stay well below 0.3 (docs/pending-duplicates.md gives the figures of
// the demo). A pair is reported when Score ≥ Threshold (0.75).
//
// Clusters are the connected components of the pairs at or above the threshold: when A–B
// and B–C reach it, A, B and C are one cluster even if A–C scores low (a third entry that was
// reworded from the first one shares little with the second). Each cluster lists the pairs
// of its maximum spanning tree (Kruskal: the highest scores that connect it), plus every
// confirmed pair, and counts the others (see Result.Pairs).
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
// the threshold it is listed in Result.Reviewed instead.
//
// Speed. Regions are compared one per goroutine when there are more regions than cores,
// otherwise one after the other with all cores on each. Within a block, cosines that cannot
// reach the threshold are skipped by an exact prefix filter (see dupRun.scoreBlock); the
// result is the same as scoring every pair. Oversized blocks are capped (MaxBlock).
func Find(s *graph.Snapshot, p Params) (*Result, error) {
	rp, err := p.resolve()
	if err != nil {
		return nil, err
	}
	return findResolved(s, rp), nil
}

func findResolved(s *graph.Snapshot, rp dupParams) *Result {
	ix := newDupIndex(s)
	workers := runtime.GOMAXPROCS(0)
	results := make([]*dupRegion, len(ix.regions))
	if len(ix.regions) >= workers {
		// Many regions: one worker per region, each region on its own.
		tfidfParallel(len(ix.regions), workers, func(r int) { results[r] = ix.run(ix.regions[r], rp, 1) })
	} else {
		for r, members := range ix.regions {
			results[r] = ix.run(members, rp, workers)
		}
	}
	d := &Result{Region: s.Region, Threshold: rp.threshold, TextWeight: rp.textWeight, TextFull: rp.textFull,
		TitleWeight: rp.titleWeight, Weights: rp.w, Formula: rp.formula(), Measures: len(s.Measures),
		Capped: []CappedBlock{}}
	for _, r := range results {
		d.Candidates += r.candidates
		d.AboveThreshold += r.above
		d.Capped = append(d.Capped, r.capped...)
	}
	d.Reviewed = dupMerge(results, func(r *dupRegion) []Pair { return r.reviewed }, dupOrder)
	d.Clusters = dupMerge(results, func(r *dupRegion) []Cluster { return r.clusters }, func(a, b *Cluster) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.ID, b.ID))
	})
	if d.Clusters == nil {
		d.Clusters = []Cluster{} // a list in JSON, not null
	}
	if len(results) == 1 {
		d.Pairs = results[0].pairs // laid out cluster by cluster already
	} else {
		n := 0
		for _, c := range d.Clusters {
			n += len(c.Pairs)
		}
		d.Pairs = make([]Pair, 0, n)
		for i := range d.Clusters {
			c := &d.Clusters[i]
			at := len(d.Pairs)
			d.Pairs = append(d.Pairs, c.Pairs...)
			c.Pairs = d.Pairs[at:len(d.Pairs):len(d.Pairs)]
		}
	}
	if d.Pairs == nil {
		d.Pairs = []Pair{}
	}
	if d.Reviewed == nil {
		d.Reviewed = []Pair{}
	}
	return d
}

// dupOrder orders pairs by score, highest first, then by ids.
func dupOrder(a, b *Pair) int {
	return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
}

// dupMerge merges the regions' sorted lists into one sorted list.
func dupMerge[T any](rs []*dupRegion, get func(*dupRegion) []T, order func(a, b *T) int) []T {
	if len(rs) == 1 {
		return get(rs[0])
	}
	n := 0
	for _, r := range rs {
		n += len(get(r))
	}
	type ref struct{ r, i int32 }
	refs := make([]ref, 0, n)
	for r, reg := range rs {
		for i := range get(reg) {
			refs = append(refs, ref{int32(r), int32(i)})
		}
	}
	slices.SortFunc(refs, func(x, y ref) int { return order(&get(rs[x.r])[x.i], &get(rs[y.r])[y.i]) })
	out := make([]T, len(refs))
	for k, x := range refs {
		out[k] = get(rs[x.r])[x.i]
	}
	return out
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
	tmask      uint64 // the target groups as a bit set, when the snapshot has at most 64
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
	orgs, towns, fields, groups dupTable
	// masks is set when target groups fit into dupMeasure.tmask.
	masks bool
	// regions lists the measures of each region, regions ordered by key.
	regions [][]int32
	// verdicts maps a pair of measures (global indexes, smaller first) to its REVIEWED
	// relation's properties in verdictList.
	verdicts    map[[2]int32]int32
	verdictList []graph.RelProps
}

func dupKey(a, b int32) [2]int32 {
	if b < a {
		a, b = b, a
	}
	return [2]int32{a, b}
}

func newDupIndex(s *graph.Snapshot) *dupIndex {
	workers := runtime.GOMAXPROCS(0)
	ix := &dupIndex{ms: make([]dupMeasure, len(s.Measures)), verdicts: map[[2]int32]int32{}}
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
	ix.masks = len(ix.groups.ids) <= 64

	// The measures: ids and regions in one job, the other facts in chunks alongside.
	byID := make(map[string]int32, len(s.Measures))
	regionIndex := map[string]int32{}
	var regionKeys []string
	chunks := max(1, min(workers, len(s.Measures)/4096))
	tfidfParallel(chunks+1, workers, func(job int) {
		if job == chunks {
			for i, m := range s.Measures {
				byID[m.ID] = int32(i)
				r, ok := regionIndex[m.Region]
				if !ok {
					r = int32(len(regionKeys))
					regionIndex[m.Region] = r
					regionKeys = append(regionKeys, m.Region)
				}
				ix.ms[i].m, ix.ms[i].region = m, r
			}
			return
		}
		var langs []string                // storage of the sorted language lists
		programmes := map[string]string{} // programme → folded
		for i := job * len(s.Measures) / chunks; i < (job+1)*len(s.Measures)/chunks; i++ {
			m, dm := s.Measures[i], &ix.ms[i]
			if m.Programme != "" {
				f, ok := programmes[m.Programme]
				if !ok {
					f = text.Fold(strings.TrimSpace(m.Programme))
					programmes[m.Programme] = f
				}
				dm.programme = f
			}
			dm.start, dm.end = math.MinInt32, math.MaxInt32
			if d, ok := dupDay(m.Starts); ok {
				dm.start = d
			}
			if d, ok := dupDay(m.Ends); ok {
				dm.end = d
			}
			dm.langs, langs = dupSortedSet(m.Languages, langs)
		}
	})
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

	// Relationships, collected per type as (measure, other end) in chunks, then spread into
	// one array per type (counting sort), so that a measure's ends are one sub-slice.
	type edge struct{ m, to int32 }
	type review struct {
		a, b  int32
		props graph.RelProps
	}
	type found struct {
		edges   [4][]edge // provides, offered in, in field, targets
		reviews []review
	}
	chunks = max(1, min(workers, len(s.Relations)/16384))
	parts := make([]found, chunks)
	tfidfParallel(chunks, workers, func(c int) {
		f := &parts[c]
		for _, r := range s.Relations[c*len(s.Relations)/chunks : (c+1)*len(s.Relations)/chunks] {
			switch r.Type {
			case graph.Provides:
				m, ok1 := byID[r.To]
				o, ok2 := ix.orgs.index[r.From]
				if ok1 && ok2 {
					f.edges[0] = append(f.edges[0], edge{m, o})
				}
			case graph.OfferedIn, graph.InField, graph.Targets:
				m, ok := byID[r.From]
				if !ok {
					continue
				}
				tab, kind := &ix.towns, 1
				switch r.Type {
				case graph.InField:
					tab, kind = &ix.fields, 2
				case graph.Targets:
					tab, kind = &ix.groups, 3
				}
				if to, ok := tab.index[r.To]; ok {
					f.edges[kind] = append(f.edges[kind], edge{m, to})
				}
			case graph.Reviewed:
				a, ok1 := byID[r.From]
				b, ok2 := byID[r.To]
				if ok1 && ok2 && a != b && slices.Contains(graph.Verdicts, r.Props.Verdict) {
					f.reviews = append(f.reviews, review{a, b, r.Props})
				}
			}
		}
	})
	for _, f := range parts {
		for _, rv := range f.reviews {
			ix.verdicts[dupKey(rv.a, rv.b)] = int32(len(ix.verdictList))
			ix.verdictList = append(ix.verdictList, rv.props)
			ix.ms[rv.a].verdicts, ix.ms[rv.b].verdicts = true, true
		}
	}
	spread := func(kind int, set func(dm *dupMeasure, ends []int32)) {
		start := make([]int32, len(ix.ms)+1)
		n := 0
		for _, f := range parts {
			for _, e := range f.edges[kind] {
				start[e.m+1]++
			}
			n += len(f.edges[kind])
		}
		for i := range ix.ms {
			start[i+1] += start[i]
		}
		ends := make([]int32, n)
		fill := slices.Clone(start[:len(ix.ms)])
		for _, f := range parts {
			for _, e := range f.edges[kind] {
				ends[fill[e.m]] = e.to
				fill[e.m]++
			}
		}
		for i := range ix.ms {
			if lo, hi := start[i], start[i+1]; hi > lo {
				list := ends[lo:hi:hi]
				slices.Sort(list)
				set(&ix.ms[i], slices.Compact(list))
			}
		}
	}
	// Each kind fills other fields of the measures, so the four can run side by side.
	tfidfParallel(4, workers, func(kind int) {
		switch kind {
		case 0:
			spread(kind, func(dm *dupMeasure, e []int32) { dm.providers = e })
		case 1:
			spread(kind, func(dm *dupMeasure, e []int32) { dm.towns = e })
		case 2:
			spread(kind, func(dm *dupMeasure, e []int32) { dm.fields = e })
		case 3:
			spread(kind, func(dm *dupMeasure, e []int32) {
				dm.targets = e
				if ix.masks {
					for _, g := range e {
						dm.tmask |= 1 << uint(g)
					}
				}
			})
		}
	})
	return ix
}

// dupSortedSet returns s sorted and without repeats: s itself when it is so already,
// otherwise a copy at the end of store, which it returns grown.
func dupSortedSet(s, store []string) ([]string, []string) {
	for i := 1; i < len(s); i++ {
		if s[i-1] >= s[i] {
			if cap(store)-len(store) < len(s) {
				store = make([]string, 0, max(4096, len(s)))
			}
			at := len(store)
			store = append(store, s...)
			set := store[at:]
			for i := 1; i < len(set); i++ { // a few elements: insertion sort
				for j := i; j > 0 && set[j] < set[j-1]; j-- {
					set[j], set[j-1] = set[j-1], set[j]
				}
			}
			set = slices.Compact(set)
			return set[:len(set):len(set)], store[:at+len(set)]
		}
	}
	return s, store
}

// dupDay returns the day of d as days since 1970-01-01, parsing the ISO form directly (the
// only form valid dates have) and anything else with graph.Date.Time.
func dupDay(d graph.Date) (int32, bool) {
	s := string(d)
	if s == "" {
		return 0, false
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		if t, ok := d.Time(); ok {
			return int32(t.Unix() / 86400), true
		}
		return 0, false
	}
	num := func(x string) int {
		n := 0
		for i := 0; i < len(x); i++ {
			c := x[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, day := num(s[:4]), num(s[5:7]), num(s[8:])
	last := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		last[2] = 29
	}
	if y < 1 || m < 1 || m > 12 || day < 1 || day > last[m] {
		if t, ok := d.Time(); ok {
			return int32(t.Unix() / 86400), true
		}
		return 0, false
	}
	// Days from civil (Howard Hinnant's algorithm), proleptic Gregorian calendar.
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468), true
}

// dupRegion is the outcome for one region, every list in its final order.
type dupRegion struct {
	candidates int
	above      int
	pairs      []Pair
	reviewed   []Pair
	clusters   []Cluster
	capped     []CappedBlock
}

// dupScored is a scored pair of a region's measures (local indexes; once ordered, a's id <
// b's id). Text and structure are computed again for the pairs that are described.
type dupScored struct {
	a, b  int32
	score float64
}

// dupBlock is the members (local indexes) of one block with its key. When window > 0 (an
// oversized block), each member is compared only with the window − 1 members before it.
type dupBlock struct {
	key     int64
	members []int32
	window  int
}

// workerKept is what one scoring goroutine found.
type workerKept struct {
	candidates int
	kept       []dupScored
}

// dupRun is the comparison of one region.
type dupRun struct {
	ix      *dupIndex
	p       dupParams
	members []int32       // global indexes by local index
	ms      []*dupMeasure // by local index
	model   *tfidfModel
	// Per local index, copied together for the inner loop.
	start, end []int32
	tmask      []uint64
	multi      []bool // offered in several municipalities or fields
	reviewed   []bool // in some REVIEWED relation
	// The structural facts as small numbers, for dupRun.structure: the programme and the
	// format interned per region (-1 when empty), the languages as a bit set. fast is false
	// when a region has more than 64 languages or the snapshot more than 64 target groups;
	// then dupStructure compares the lists.
	fast      bool
	programme []int32
	format    []int8
	hybrid    int8
	lmask     []uint64
}

// newDupRun prepares the comparison of one region (global indexes in members).
func (ix *dupIndex) newDupRun(members []int32, p dupParams) *dupRun {
	n := len(members)
	r := &dupRun{ix: ix, p: p, members: members, ms: make([]*dupMeasure, n),
		start: make([]int32, n), end: make([]int32, n), tmask: make([]uint64, n), multi: make([]bool, n), reviewed: make([]bool, n)}
	for k, g := range members {
		dm := &ix.ms[g]
		r.ms[k] = dm
		r.start[k], r.end[k], r.tmask[k] = dm.start, dm.end, dm.tmask
		r.multi[k] = len(dm.towns)*len(dm.fields) > 1
		r.reviewed[k] = dm.verdicts
	}
	r.compactStructure()
	return r
}

// docs returns the region's texts for TF-IDF, each without the words of the names of the
// measure's context (providers, municipalities, fields), using up to workers goroutines.
func (r *dupRun) docs(workers int) []tfidfDoc {
	ix := r.ix
	docs := make([]tfidfDoc, len(r.ms))
	chunks := max(1, min(workers, len(r.ms)/1024))
	tfidfParallel(chunks, workers, func(c int) {
		lo, hi := c*len(r.ms)/chunks, (c+1)*len(r.ms)/chunks
		nameTerms := map[string][]string{}
		termsOf := func(id, name string) []string {
			t, ok := nameTerms[id]
			if !ok {
				t = text.Terms(name)
				nameTerms[id] = t
			}
			return t
		}
		drop := make([]string, 0, 8*(hi-lo))
		for k := lo; k < hi; k++ {
			dm := r.ms[k]
			at := len(drop)
			for _, o := range dm.providers {
				drop = append(drop, termsOf(ix.orgs.ids[o], ix.orgs.names[o])...)
			}
			for _, t := range dm.towns {
				drop = append(drop, termsOf(ix.towns.ids[t], ix.towns.names[t])...)
			}
			for _, f := range dm.fields {
				drop = append(drop, termsOf(ix.fields.ids[f], ix.fields.names[f])...)
			}
			docs[k] = tfidfDoc{Title: dm.m.Title, Body: dm.m.Description, Drop: drop[at:len(drop):len(drop)]}
		}
	})
	return docs
}

// run compares the measures of one region (global indexes in members) using up to workers
// goroutines.
func (ix *dupIndex) run(members []int32, p dupParams, workers int) *dupRegion {
	out := &dupRegion{}
	n := len(members)
	r := ix.newDupRun(members, p)
	docs := r.docs(workers)
	r.model = buildTFIDF(docs, p.titleWeight, workers, true)

	blocks := r.blocks(out)
	// Largest blocks first, so that the workers finish together.
	slices.SortFunc(blocks, func(a, b dupBlock) int { return cmp.Compare(len(b.members), len(a.members)) })
	nw := max(1, min(workers, len(blocks)))
	outs := make([]workerKept, nw)
	var next atomic.Int64
	tfidfParallel(nw, nw, func(w int) {
		o := &outs[w]
		sc := newDupScratch(len(r.model.terms))
		for {
			b := int(next.Add(1)) - 1
			if b >= len(blocks) {
				return
			}
			o.candidates += r.scoreBlock(blocks[b], sc, &o.kept)
		}
	})
	rank := r.ranks()
	lists := make([][]dupScored, len(outs)+1)
	for i := range outs {
		out.candidates += outs[i].candidates
		lists[i] = outs[i].kept
	}
	lists[len(outs)] = r.addConfirmed(nil, outs)
	tfidfParallel(len(lists), workers, func(i int) { r.order(lists[i], rank) })
	kept := dupMergeSorted(lists, func(x, y dupScored) int { return dupScoredOrder(x, y, rank) })

	// Suppressed pairs go to Reviewed (when they reach the threshold); the others link the
	// clusters.
	active := kept[:0] // filtered in place
	var activeReview map[int]int32
	var suppress []dupScored
	var suppressReview []int32
	for _, sc := range kept {
		v := r.verdict(sc)
		switch {
		case v < 0:
			active = append(active, sc)
		case r.ix.verdictList[v].Verdict == VerdictDuplicate:
			if activeReview == nil {
				activeReview = map[int]int32{}
			}
			activeReview[len(active)] = v
			active = append(active, sc)
		case sc.score >= p.threshold:
			suppress = append(suppress, sc)
			suppressReview = append(suppressReview, v)
		}
	}
	reviewOf := func(i int) int32 {
		if v, ok := activeReview[i]; ok {
			return v
		}
		return -1
	}

	// Clusters are the connected components of the active pairs. Their maximum spanning
	// forest (Kruskal: confirmed pairs first, then by score) is what is listed and described.
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b int32) bool {
		ra, rb := find(a), find(b)
		if ra == rb {
			return false
		}
		parent[max(ra, rb)] = min(ra, rb)
		return true
	}
	listed := make([]bool, len(active))
	for i := range activeReview {
		union(active[i].a, active[i].b)
		listed[i] = true
	}
	for i, sc := range active {
		if !listed[i] && union(sc.a, sc.b) {
			listed[i] = true
		}
	}
	links := make([]int32, n) // per root: its active pairs
	var report []dupScored
	var reportReview []int32
	for i, sc := range active {
		links[find(sc.a)]++
		if sc.score >= p.threshold {
			out.above++
		}
		if listed[i] {
			report = append(report, sc)
			reportReview = append(reportReview, reviewOf(i))
		}
	}
	var sizes []int
	out.clusters, sizes, report, reportReview = r.clusters(report, reportReview, find, links)
	if p.clustersOnly {
		for c := range out.clusters {
			out.clusters[c].Pairs = []Pair{}
		}
		return out
	}
	out.pairs = r.describeAll(report, reportReview, workers)
	at := 0
	for c, n := range sizes {
		out.clusters[c].Pairs = out.pairs[at : at+n : at+n]
		at += n
	}
	out.reviewed = r.describeAll(suppress, suppressReview, 1)
	return out
}

// ranks returns the position of each local measure in id order.
func (r *dupRun) ranks() []int32 {
	idx := make([]int32, len(r.ms))
	for i := range idx {
		idx[i] = int32(i)
	}
	// Snapshots list measures by id, so local order is usually id order already.
	byID := func(x, y int32) int { return strings.Compare(r.ms[x].m.ID, r.ms[y].m.ID) }
	if !slices.IsSortedFunc(idx, byID) {
		slices.SortFunc(idx, byID)
	}
	rank := make([]int32, len(r.ms))
	for pos, k := range idx {
		rank[k] = int32(pos)
	}
	return rank
}

// order orients every pair (a's id < b's id) and sorts the pairs by dupScoredOrder.
func (r *dupRun) order(kept []dupScored, rank []int32) {
	for i := range kept {
		if sc := &kept[i]; rank[sc.b] < rank[sc.a] {
			sc.a, sc.b = sc.b, sc.a
		}
	}
	slices.SortFunc(kept, func(x, y dupScored) int { return dupScoredOrder(x, y, rank) })
}

// dupScoredOrder orders scored pairs by score, highest first, then by the ids. (Not cmp.Or,
// which would look up the ranks of every pair; scores rarely tie.)
func dupScoredOrder(x, y dupScored, rank []int32) int {
	switch {
	case x.score > y.score:
		return -1
	case x.score < y.score:
		return 1
	case x.a != y.a:
		return cmp.Compare(rank[x.a], rank[y.a])
	}
	return cmp.Compare(rank[x.b], rank[y.b])
}

// dupMergeSorted merges sorted lists into one.
func dupMergeSorted[T any](lists [][]T, order func(x, y T) int) []T {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]T, 0, n)
	for {
		best := -1
		for i, l := range lists {
			if len(l) > 0 && (best < 0 || order(l[0], lists[best][0]) < 0) {
				best = i
			}
		}
		if best < 0 {
			return out
		}
		out = append(out, lists[best][0])
		lists[best] = lists[best][1:]
	}
}

// verdict returns the index in verdictList of the pair's verdict, or -1.
func (r *dupRun) verdict(sc dupScored) int32 {
	if !r.ms[sc.a].verdicts || !r.ms[sc.b].verdicts {
		return -1
	}
	v, ok := r.ix.verdicts[dupKey(r.members[sc.a], r.members[sc.b])]
	if !ok {
		return -1
	}
	return v
}

// dupAppend2 appends x with two decimals, like strconv.AppendFloat(b, x, 'f', 2, 64) for
// the numbers of an explanation (0 ≤ x < 10⁶, rounded half away from zero).
func dupAppend2(b []byte, x float64) []byte {
	if !(x >= 0 && x < 1e6) {
		return strconv.AppendFloat(b, x, 'f', 2, 64)
	}
	c := int64(math.Round(x * 100))
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, '.', byte('0'+c/10%10), byte('0'+c%10))
}

// clusters makes the clusters of the listed pairs (in score order; reviews alongside), one
// per component of find, ordered by their best score, then by id; links counts the active
// pairs per component. It returns the pairs and reviews regrouped by cluster, in that order,
// each cluster's highest score first, and the number of pairs of each cluster, for the
// caller to point the clusters' Pairs into the described pairs.
func (r *dupRun) clusters(scored []dupScored, reviews []int32, find func(int32) int32, links []int32) ([]Cluster, []int, []dupScored, []int32) {
	n := len(r.ms)
	index := make([]int32, n) // root → 1 + cluster
	seen := make([]bool, n)
	var out []Cluster
	var members [][]int32
	of := make([]int32, len(scored)) // pair → cluster
	for i, sc := range scored {
		root := find(sc.a)
		c := int(index[root]) - 1
		if c < 0 {
			c = len(out)
			index[root] = int32(c + 1)
			out = append(out, Cluster{Score: sc.score, Links: int(links[root])})
			members = append(members, nil)
		}
		of[i] = int32(c)
		for _, k := range [2]int32{sc.a, sc.b} {
			if !seen[k] {
				seen[k] = true
				members[c] = append(members[c], k)
			}
		}
	}
	for c := range out {
		cl := &out[c]
		cl.Measures = make([]string, len(members[c]))
		for i, k := range members[c] {
			cl.Measures[i] = r.ms[k].m.ID
		}
		slices.Sort(cl.Measures)
		cl.ID = "dup-" + cl.Measures[0]
		r.clusterKind(cl, members[c])
	}
	// Clusters by score, then id; pairs regrouped by a counting sort, stable within a cluster.
	order := make([]int32, len(out))
	for c := range order {
		order[c] = int32(c)
	}
	slices.SortFunc(order, func(x, y int32) int {
		return cmp.Or(cmp.Compare(out[y].Score, out[x].Score), strings.Compare(out[x].ID, out[y].ID))
	})
	rank := make([]int32, len(out))
	sorted := make([]Cluster, len(out))
	for pos, c := range order {
		rank[c] = int32(pos)
		sorted[pos] = out[c]
	}
	start, sizes := make([]int, len(out)+1), make([]int, len(out))
	for _, c := range of {
		start[rank[c]+1]++
	}
	for c := range out {
		start[c+1] += start[c]
		sizes[c] = start[c+1] - start[c]
	}
	grouped, groupedReviews := make([]dupScored, len(scored)), make([]int32, len(scored))
	for i, c := range of {
		at := start[rank[c]]
		start[rank[c]]++
		grouped[at], groupedReviews[at] = scored[i], reviews[i]
	}
	return sorted, sizes, grouped, groupedReviews
}

// compactStructure fills the small-number form of the structural facts.
func (r *dupRun) compactStructure() {
	n := len(r.ms)
	r.programme, r.format, r.lmask = make([]int32, n), make([]int8, n), make([]uint64, n)
	programmes, formats, langs := map[string]int32{}, map[string]int8{"hybrid": 0}, map[string]uint{}
	r.hybrid = 0
	r.fast = r.ix.masks
	for k, dm := range r.ms {
		r.programme[k], r.format[k] = -1, -1
		if dm.programme != "" {
			id, ok := programmes[dm.programme]
			if !ok {
				id = int32(len(programmes))
				programmes[dm.programme] = id
			}
			r.programme[k] = id
		}
		if f := dm.m.Format; f != "" {
			id, ok := formats[f]
			if !ok {
				if len(formats) == 127 {
					r.fast = false
					continue
				}
				id = int8(len(formats))
				formats[f] = id
			}
			r.format[k] = id
		}
		for _, l := range dm.langs {
			bit, ok := langs[l]
			if !ok {
				bit = uint(len(langs))
				langs[l] = bit
			}
			if bit >= 64 {
				r.fast = false
				continue
			}
			r.lmask[k] |= 1 << bit
		}
	}
}

// structure is dupStructure on the compact form: the same sums in the same order, so the
// same result to the last bit.
func (r *dupRun) structure(a, c int32) float64 {
	if !r.fast {
		return dupStructure(r.ms[a], r.ms[c], r.p.w)
	}
	w := r.p.w
	var sum, weight float64
	if pa, pc := r.programme[a], r.programme[c]; pa >= 0 && pc >= 0 {
		if pa == pc {
			sum += w.Programme
		}
		weight += w.Programme
	}
	if la, lc := r.lmask[a], r.lmask[c]; la != 0 && lc != 0 {
		sum += w.Languages * (float64(bits.OnesCount64(la&lc)) / float64(bits.OnesCount64(la|lc)))
		weight += w.Languages
	}
	if fa, fc := r.format[a], r.format[c]; fa >= 0 && fc >= 0 {
		var f float64
		switch {
		case fa == fc:
			f = 1
		case fa == r.hybrid || fc == r.hybrid:
			f = 0.5
		}
		sum += w.Format * f
		weight += w.Format
	}
	if ta, tc := r.tmask[a], r.tmask[c]; ta != 0 && tc != 0 {
		sum += w.TargetGroups * (float64(bits.OnesCount64(ta&tc)) / float64(bits.OnesCount64(ta|tc)))
		weight += w.TargetGroups
	}
	if weight == 0 {
		return 0
	}
	return sum / weight
}

// addConfirmed returns the pairs confirmed by a duplicate verdict that blocking did not
// bring up (the workers' kept lists hold what it did).
func (r *dupRun) addConfirmed(out []dupScored, kept []workerKept) []dupScored {
	local := map[int32]int32{}
	for k, g := range r.members {
		if r.ms[k].verdicts {
			local[g] = int32(k)
		}
	}
	if len(local) == 0 {
		return out
	}
	seen := map[[2]int32]bool{}
	for _, w := range kept {
		for _, sc := range w.kept {
			if r.ms[sc.a].verdicts && r.ms[sc.b].verdicts {
				seen[dupKey(r.members[sc.a], r.members[sc.b])] = true
			}
		}
	}
	for key, v := range r.ix.verdicts {
		a, okA := local[key[0]]
		b, okB := local[key[1]]
		if !okA || !okB || r.ix.verdictList[v].Verdict != VerdictDuplicate || seen[key] {
			continue
		}
		t := r.model.vecs[a].dot(r.model.vecs[b])
		st := r.structure(a, b)
		out = append(out, dupScored{a: a, b: b, score: dupCombine(t, st, r.p)})
	}
	return out
}

// blocks groups the region's measures by (municipality, field). Blocks larger than maxBlock
// are ordered for the sorted-neighbourhood comparison (see Params.MaxBlock) and
// recorded in out.capped.
func (r *dupRun) blocks(out *dupRegion) []dupBlock {
	type entry struct {
		key int64
		k   int32
	}
	var entries []entry
	for k, dm := range r.ms {
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
			if len(members) > r.p.maxBlock {
				out.capped = append(out.capped, CappedBlock{Municipality: r.ix.towns.ids[b.key>>32],
					Field: r.ix.fields.ids[int32(b.key)], Measures: len(members)})
				b.window = r.p.maxBlock
				top := make(map[int32]int32, len(members))
				for _, k := range members {
					top[k] = dupTopTerm(r.model.vecs[k])
				}
				slices.SortFunc(members, func(x, y int32) int {
					return cmp.Or(cmp.Compare(top[x], top[y]), cmp.Compare(r.start[x], r.start[y]), cmp.Compare(x, y))
				})
			}
			blocks = append(blocks, b)
		}
		lo = hi
	}
	return blocks
}

// dupTopTerm returns the id of the term with the highest weight in v (the first among
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

// dupScratch is the scratch space of one scoring goroutine. The vocabulary-sized arrays are
// zero (head: -1) between blocks.
type dupScratch struct {
	dense []float32 // the current first vector, spread out
	maxw  []float32 // per term, the largest weight in the block
	head  []int32   // per term, the last posting of the block's index
	post  []dupPosting
	pfx   []int32 // per block position, the length of the vector's unindexed prefix
	mark  []int32 // per block position, cur when it shares an indexed term with the current one
	cur   int32
	// The block's members' facts by block position, for sequential access.
	start, end []int32
	tmask      []uint64
	flags      []uint8 // dupMulti, dupReviewed
	minKey     []int64 // the smallest (municipality, field) key of a member in several places
}

const (
	dupMulti    = 1 << iota // offered in several municipalities or fields
	dupReviewed             // in some REVIEWED relation
)

// dupPosting is one entry of a term's list in the block's inverted index.
type dupPosting struct{ pos, next int32 }

func newDupScratch(terms int) *dupScratch {
	sc := &dupScratch{dense: make([]float32, terms), maxw: make([]float32, terms), head: make([]int32, terms)}
	for i := range sc.head {
		sc.head[i] = -1
	}
	return sc
}

// minText is the cosine below which no pair can reach the threshold, even with full
// structural agreement; 0 when structure alone can reach it.
func (p dupParams) minText() float64 {
	if rest := p.threshold - (1 - p.textWeight); rest > 0 {
		return rest / p.textWeight * p.textFull
	}
	return 0
}

// scoreBlock scores the pairs of one block that pass blocking, appends those to keep (score
// at or above the threshold, or with a verdict) to kept and returns how many pairs passed
// blocking.
//
// Only pairs whose cosine reaches minText can be kept, and most pairs of a block share
// only common words. The cosines of the others are skipped with the prefix filter of the
// all-pairs similarity search (Bayardo, Ma, Srikant: Scaling up all pairs similarity search,
// WWW 2007): term ids run from the most to the least frequent, and each vector's leading
// terms whose weights, multiplied by the largest weight the term has in the block, add up
// to less than minText form its prefix. A vector y can reach minText with x only through a
// term outside y's prefix, so the block keeps an inverted index of the terms outside the
// prefixes, and x computes the cosine only with the earlier members it finds there. The
// result is the same as scoring every pair.
func (r *dupRun) scoreBlock(b dupBlock, sc *dupScratch, kept *[]dupScored) int {
	p := r.p
	minText := p.minText()
	vecs := r.model.vecs
	mem := b.members
	if len(sc.pfx) < len(mem) {
		n := len(mem)
		sc.pfx, sc.mark, sc.cur = make([]int32, n), make([]int32, n), 0
		sc.start, sc.end, sc.tmask, sc.flags = make([]int32, n), make([]int32, n), make([]uint64, n), make([]uint8, n)
		sc.minKey = make([]int64, n)
	}
	for i, k := range mem {
		sc.start[i], sc.end[i], sc.tmask[i] = r.start[k], r.end[k], r.tmask[k]
		var f uint8
		if r.multi[k] {
			f |= dupMulti
			dm := r.ms[k]
			sc.minKey[i] = int64(dm.towns[0])<<32 | int64(dm.fields[0])
		}
		if r.reviewed[k] {
			f |= dupReviewed
		}
		sc.flags[i] = f
	}
	prune := !p.noPrune && minText > 0 && b.window == 0 && len(mem) > 2
	if prune {
		for _, k := range mem {
			v := vecs[k]
			for i, id := range v.ids {
				sc.maxw[id] = max(sc.maxw[id], v.ws[i])
			}
		}
		// A small margin keeps float rounding on the safe side: the prefix ends early.
		limit := minText * (1 - 1e-9)
		for j, k := range mem {
			v := vecs[k]
			var bound float64
			end := len(v.ids)
			for i, id := range v.ids {
				if bound += float64(v.ws[i]) * float64(sc.maxw[id]); bound >= limit {
					end = i
					break
				}
			}
			sc.pfx[j] = int32(end)
		}
	}
	candidates := 0
	for j, a := range mem {
		// The vector is spread into dense, so that each product is one pass over the other
		// vector (no merge of two id lists). The terms are added in ascending order, as
		// sparseVec.dot does, so the sums are the same to the last bit.
		va := vecs[a]
		for i, id := range va.ids {
			sc.dense[id] = va.ws[i]
		}
		if prune {
			sc.cur++
			for _, id := range va.ids {
				for q := sc.head[id]; q >= 0; q = sc.post[q].next {
					sc.mark[sc.post[q].pos] = sc.cur
				}
			}
		}
		sa, ea, ma, fa := sc.start[j], sc.end[j], sc.tmask[j], sc.flags[j]
		first := 0
		if b.window > 0 {
			first = max(0, j-b.window+1)
		}
		for i := first; i < j; i++ {
			if sa > sc.end[i] || sc.start[i] > ea {
				continue
			}
			c := mem[i]
			if r.ix.masks {
				if ma&sc.tmask[i] == 0 {
					continue
				}
			} else if !dupIntersects(r.ms[a].targets, r.ms[c].targets) {
				continue
			}
			both := fa & sc.flags[i]
			// A pair of measures in several places is scored in the block of the smallest
			// key they share; surely this one when it is the smallest key of either.
			if both&dupMulti != 0 && sc.minKey[j] != b.key && sc.minKey[i] != b.key && dupFirstSharedKey(r.ms[a], r.ms[c]) != b.key {
				continue
			}
			candidates++
			reviewed := both&dupReviewed != 0 && r.ix.hasVerdict(r.members[a], r.members[c])
			if prune && sc.mark[i] != sc.cur && !reviewed {
				continue // cosine below minText
			}
			vc := vecs[c]
			var t float64
			for i, id := range vc.ids {
				t += float64(sc.dense[id]) * float64(vc.ws[i])
			}
			if t < minText && !reviewed {
				continue
			}
			st := r.structure(a, c)
			if s := dupCombine(t, st, p); s >= p.threshold || reviewed {
				*kept = append(*kept, dupScored{a: a, b: c, score: s})
			}
		}
		for _, id := range va.ids {
			sc.dense[id] = 0
		}
		if prune {
			for _, id := range va.ids[sc.pfx[j]:] {
				sc.post = append(sc.post, dupPosting{int32(j), sc.head[id]})
				sc.head[id] = int32(len(sc.post) - 1)
			}
		}
	}
	if prune {
		for _, k := range mem {
			for _, id := range vecs[k].ids {
				sc.maxw[id], sc.head[id] = 0, -1
			}
		}
		sc.post = sc.post[:0]
	}
	return candidates
}

func (ix *dupIndex) hasVerdict(a, b int32) bool {
	_, ok := ix.verdicts[dupKey(a, b)]
	return ok
}

// dupFirstSharedKey returns the smallest (municipality, field) key two measures share, or -1.
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

// dupIntersects reports whether two sorted lists share an element.
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

// dupCombine computes the score from text and structure.
func dupCombine(t, st float64, p dupParams) float64 {
	return p.textWeight*min(1, t/p.textFull) + (1-p.textWeight)*st
}

// dupStructure computes the structural agreement of two measures (see Find). It
// must agree with dupParts, which explains it part by part.
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

// dupJaccardStrings is |a ∩ b| / |a ∪ b| of two sorted lists without repeats.
func dupJaccardStrings(a, b []string) float64 {
	n := dupCountShared(a, b, strings.Compare)
	return float64(n) / float64(len(a)+len(b)-n)
}

// dupJaccardInts is dupJaccardStrings for sorted ids.
func dupJaccardInts(a, b []int32) float64 {
	n := dupCountShared(a, b, cmp.Compare[int32])
	return float64(n) / float64(len(a)+len(b)-n)
}

// dupCountShared counts the elements two sorted lists without repeats share.
func dupCountShared[T any](a, b []T, compare func(x, y T) int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch c := compare(a[i], b[j]); {
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
	return n
}

// dupArena hands out sub-slices of large blocks, so that the many small slices of the
// reported pairs cost few allocations. Handed-out slices are never appended to.
type dupArena[T any] struct{ buf []T }

func (a *dupArena[T]) take(n int) []T {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]T, 0, max(1024, n))
	}
	l := len(a.buf)
	a.buf = a.buf[:l+n]
	return a.buf[l : l+n : l+n]
}

// dupRender holds the renderings of one measure that every pair with it shows.
type dupRender struct {
	langs, groups, providers, run string
	towns, fields, groupIDs       []string
}

// dupWriter describes pairs; each describing goroutine has its own.
type dupWriter struct {
	r        *dupRun
	render   []*dupRender
	partBuf  dupArena[Part]
	strs     dupArena[string]
	matches  dupArena[graph.FieldMatch]
	spans    dupArena[[2]int]
	dense    []float32 // the first vector of the current pair, spread out
	stamp    []int32   // stamp[term] == seq: the term is shared by the current pair
	seq      int32
	shares   []dupTermShare
	explains strings.Builder
	notes    [2][8][8]string // see ofShared
	found    [][2]int        // scratch of highlights
	num      [32]byte
}

// dupTermShare is a shared term with its contribution to the cosine.
type dupTermShare struct {
	id int32
	c  float64
}

// describeAll turns scored pairs into DuplicatePairs, in order, using up to workers
// goroutines. reviews holds the index of each pair's verdict in verdictList (-1 for none).
func (r *dupRun) describeAll(scored []dupScored, reviews []int32, workers int) []Pair {
	out := make([]Pair, len(scored))
	if len(scored) == 0 {
		return out
	}
	// Renderings of every measure involved, made once.
	render := make([]*dupRender, len(r.ms))
	renders := make([]dupRender, 0, min(len(r.ms), 2*len(scored)))
	var need []int32
	for _, sc := range scored {
		for _, k := range [2]int32{sc.a, sc.b} {
			if render[k] == nil {
				renders = append(renders, dupRender{})
				render[k] = &renders[len(renders)-1]
				need = append(need, k)
			}
		}
	}
	chunks := max(1, min(workers, len(need)/512))
	tfidfParallel(chunks, workers, func(c int) {
		rc := dupRenderCache{one: map[*dupTable][][]string{}, groups: map[uint64]*dupRender{}, langs: map[uint64]string{}}
		for _, k := range need[c*len(need)/chunks : (c+1)*len(need)/chunks] {
			r.renderMeasure(k, render[k], &rc)
		}
	})
	chunks = max(1, min(workers, len(scored)/256))
	tfidfParallel(chunks, workers, func(c int) {
		lo, hi := c*len(scored)/chunks, (c+1)*len(scored)/chunks
		w := &dupWriter{r: r, render: render, stamp: make([]int32, len(r.model.terms)), dense: make([]float32, len(r.model.terms))}
		w.explains.Grow(400 * (hi - lo))
		bounds := make([]int, 0, hi-lo+1)
		for i := lo; i < hi; i++ {
			bounds = append(bounds, w.explains.Len())
			w.describe(&out[i], scored[i], reviews[i])
		}
		bounds = append(bounds, w.explains.Len())
		all := w.explains.String() // one string for the chunk's explanations
		for i := lo; i < hi; i++ {
			out[i].Explanation = all[bounds[i-lo]:bounds[i-lo+1]]
		}
	})
	return out
}

// dupRenderCache shares renderings between measures: the id lists of single
// municipalities and fields, and the renderings of target group and language sets.
type dupRenderCache struct {
	one    map[*dupTable][][]string
	groups map[uint64]*dupRender // by target group bit set: groups, groupIDs
	langs  map[uint64]string     // by language bit set
}

// single returns the id list of entry id of t, shared by all who ask.
func (c *dupRenderCache) single(t *dupTable, id int32) []string {
	ones := c.one[t]
	if ones == nil {
		ones = make([][]string, len(t.ids))
		c.one[t] = ones
	}
	if ones[id] == nil {
		ones[id] = []string{t.ids[id]}
	}
	return ones[id]
}

// renderMeasure fills the renderings of measure k.
func (r *dupRun) renderMeasure(k int32, d *dupRender, cache *dupRenderCache) {
	dm, ix := r.ms[k], r.ix
	names := func(t *dupTable, ids []int32) string {
		if len(ids) == 1 {
			return t.names[ids[0]]
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = t.names[id]
		}
		return strings.Join(s, ", ")
	}
	idList := func(t *dupTable, ids []int32) []string {
		if len(ids) == 1 {
			return cache.single(t, ids[0])
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = t.ids[id]
		}
		return s
	}
	if g, ok := cache.groups[dm.tmask]; ok && r.ix.masks {
		d.groups, d.groupIDs = g.groups, g.groupIDs
	} else {
		d.groups, d.groupIDs = names(&ix.groups, dm.targets), idList(&ix.groups, dm.targets)
		if r.ix.masks {
			cache.groups[dm.tmask] = &dupRender{groups: d.groups, groupIDs: d.groupIDs}
		}
	}
	if l, ok := cache.langs[r.lmask[k]]; ok && r.fast {
		d.langs = l
	} else {
		d.langs = strings.Join(dm.langs, ", ")
		if r.fast {
			cache.langs[r.lmask[k]] = d.langs
		}
	}
	d.providers = names(&ix.orgs, dm.providers)
	d.towns, d.fields = idList(&ix.towns, dm.towns), idList(&ix.fields, dm.fields)
	s, e := string(dm.m.Starts), string(dm.m.Ends)
	if s == "" {
		s = "open"
	}
	if e == "" {
		e = "open"
	}
	d.run = s + " – " + e
}

// describe fills pair from the scored pair sc (a's id < b's id).
func (w *dupWriter) describe(pair *Pair, sc dupScored, v int32) {
	var review graph.RelProps
	if v >= 0 {
		review = w.r.ix.verdictList[v]
	}
	r := w.r
	p := r.p
	a, c := r.ms[sc.a], r.ms[sc.b]
	ra, rc := w.render[sc.a], w.render[sc.b]
	// The cosine, summed in ascending term order as in scoreBlock (so to the last bit the
	// same), and the shared terms with their contributions.
	va, vc := r.model.vecs[sc.a], r.model.vecs[sc.b]
	for i, id := range va.ids {
		w.dense[id] = va.ws[i]
	}
	var t float64
	w.seq++
	w.shares = w.shares[:0]
	for i, id := range vc.ids {
		if x := w.dense[id]; x != 0 { // weights are never 0
			c := float64(x) * float64(vc.ws[i])
			t += c
			w.shares = append(w.shares, dupTermShare{id, c})
			w.stamp[id] = w.seq
		}
	}
	for _, id := range va.ids {
		w.dense[id] = 0
	}
	*pair = Pair{A: a.m.ID, B: c.m.ID, TitleA: a.m.Title, TitleB: c.m.Title,
		Score: sc.score, Text: t, TextPart: min(1, t/p.textFull), Structure: r.structure(sc.a, sc.b),
		Verdict: review.Verdict, VerdictBy: review.By, VerdictAt: review.At, VerdictNote: review.Note}

	// Shared terms by contribution, and the words to highlight.
	// The largest contribution first, ties by term; the lists are short.
	sh, terms := w.shares, r.model.terms
	for i := 1; i < len(sh); i++ {
		x := sh[i]
		j := i
		for ; j > 0 && (sh[j-1].c < x.c || sh[j-1].c == x.c && terms[sh[j-1].id] > terms[x.id]); j-- {
			sh[j] = sh[j-1]
		}
		sh[j] = x
	}
	pair.SharedTerms = w.strs.take(len(w.shares))
	for i, s := range w.shares {
		pair.SharedTerms[i] = r.model.terms[s.id]
	}
	pair.HighlightsA = w.highlights(sc.a)
	pair.HighlightsB = w.highlights(sc.b)

	pair.Municipalities = w.sharedIDs(ra.towns, rc.towns)
	pair.Fields = w.sharedIDs(ra.fields, rc.fields)
	pair.TargetGroups = w.sharedIDs(ra.groupIDs, rc.groupIDs)
	pair.Parts = w.parts(a, c, ra, rc)
	shared := dupCountShared(a.providers, c.providers, cmp.Compare[int32]) > 0
	pair.Kind, pair.Suggestion = KindParallel, SuggestCoordinate
	if shared {
		pair.Kind, pair.Suggestion = KindData, SuggestMerge
	}
	w.explain(pair, ra)
}

// sharedIDs returns the ids two sorted lists share (a itself when they are equal).
func (w *dupWriter) sharedIDs(a, b []string) []string {
	if slices.Equal(a, b) {
		return a
	}
	out := w.strs.take(dupCountShared(a, b, strings.Compare))[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// highlights returns, per field, the byte ranges of the tokens of measure k whose terms the
// current pair shares.
func (w *dupWriter) highlights(k int32) []graph.FieldMatch {
	toks := w.r.model.tokens[k]
	split := int(w.r.model.titleTokens[k])
	// One pass into scratch space, then the exact room from the arena.
	found := w.found[:0]
	title := 0
	for i, t := range toks {
		if w.stamp[t.id] == w.seq && t.end > 0 {
			found = append(found, [2]int{int(t.start), int(t.end)})
			if i < split {
				title++
			}
		}
	}
	w.found = found
	n := [2]int{title, len(found) - title}
	out := w.matches.take(min(n[0], 1) + min(n[1], 1))[:0]
	for f, name := range [2]string{"title", "description"} {
		if n[f] == 0 {
			continue
		}
		spans := w.spans.take(n[f])
		copy(spans, found[:n[f]])
		found = found[n[f]:]
		out = append(out, graph.FieldMatch{Field: name, Spans: spans})
	}
	return out
}

// Notes of the parts.
const (
	noteNoProgramme      = "neither names a programme"
	noteOneProgramme     = "only one names a programme; not counted"
	noteSameProgramme    = "same programme"
	noteOtherProgramme   = "different programmes"
	noteLanguagesUnknown = "languages not stated by both; not counted"
	noteSameFormat       = "same format"
	noteHybridFormat     = "one is hybrid: half agreement"
	noteOtherFormat      = "different formats"
	noteFormatUnknown    = "format not stated by both; not counted"
	noteGroupsUnknown    = "target groups not stated by both; not counted"
	noteSameProvider     = "a shared provider: a data duplicate; decides the kind, not weighed"
	noteProviderUnknown  = "provider unknown for one of them: a parallel offer; decides the kind, not weighed"
	noteOtherProviders   = "different providers: a parallel offer; decides the kind, not weighed"
	noteOverlap          = "the runs overlap; a blocking rule, not weighed"
	noteNoOverlap        = "the runs do not overlap; a blocking rule, not weighed"
)

// ofShared renders "n of m <what> shared" (what: 0 languages, 1 target groups), remembering
// the small cases.
func (w *dupWriter) ofShared(n, m, what int) string {
	if n < 8 && m < 8 {
		if s := w.notes[what][n][m]; s != "" {
			return s
		}
	}
	s := strconv.Itoa(n) + " of " + strconv.Itoa(m) + " " + [2]string{"languages", "target groups"}[what] + " shared"
	if n < 8 && m < 8 {
		w.notes[what][n][m] = s
	}
	return s
}

// parts explains dupStructure(a, c) part by part.
func (w *dupWriter) parts(a, c *dupMeasure, ra, rc *dupRender) []Part {
	wt := w.r.p.w
	parts := w.partBuf.take(6)

	pr := Part{Name: PartProgramme, A: a.m.Programme, B: c.m.Programme}
	switch {
	case a.programme == "" && c.programme == "":
		pr.Note = noteNoProgramme
	case a.programme == "" || c.programme == "":
		pr.Note = noteOneProgramme
	case a.programme == c.programme:
		pr.Value, pr.Weight, pr.Note = 1, wt.Programme, noteSameProgramme
	default:
		pr.Weight, pr.Note = wt.Programme, noteOtherProgramme
	}
	parts[0] = pr

	la := Part{Name: PartLanguages, A: ra.langs, B: rc.langs, Note: noteLanguagesUnknown}
	if len(a.langs) > 0 && len(c.langs) > 0 {
		n := dupCountShared(a.langs, c.langs, strings.Compare)
		la.Value, la.Weight = dupJaccardStrings(a.langs, c.langs), wt.Languages
		la.Note = w.ofShared(n, len(a.langs)+len(c.langs)-n, 0)
	}
	parts[1] = la

	fo := Part{Name: PartFormat, A: a.m.Format, B: c.m.Format, Note: noteFormatUnknown}
	if a.m.Format != "" && c.m.Format != "" {
		fo.Value, fo.Weight = dupFormatAgreement(a.m.Format, c.m.Format), wt.Format
		switch fo.Value {
		case 1:
			fo.Note = noteSameFormat
		case 0.5:
			fo.Note = noteHybridFormat
		default:
			fo.Note = noteOtherFormat
		}
	}
	parts[2] = fo

	tg := Part{Name: PartTargetGroups, A: ra.groups, B: rc.groups, Note: noteGroupsUnknown}
	if len(a.targets) > 0 && len(c.targets) > 0 {
		n := dupCountShared(a.targets, c.targets, cmp.Compare[int32])
		tg.Value, tg.Weight = dupJaccardInts(a.targets, c.targets), wt.TargetGroups
		tg.Note = w.ofShared(n, len(a.targets)+len(c.targets)-n, 1)
	}
	parts[3] = tg

	pv := Part{Name: PartProvider, A: ra.providers, B: rc.providers}
	switch {
	case dupCountShared(a.providers, c.providers, cmp.Compare[int32]) > 0:
		pv.Value, pv.Note = 1, noteSameProvider
	case len(a.providers) == 0 || len(c.providers) == 0:
		pv.Note = noteProviderUnknown
	default:
		pv.Note = noteOtherProviders
	}
	parts[4] = pv

	ti := Part{Name: PartTime, A: ra.run, B: rc.run, Note: noteNoOverlap}
	if a.start <= c.end && c.start <= a.end {
		ti.Value, ti.Note = 1, noteOverlap
	}
	parts[5] = ti
	return parts
}

// dupPartLabels names the parts in explanations.
var dupPartLabels = map[string]string{PartProgramme: "programme", PartLanguages: "languages", PartFormat: "format",
	PartTargetGroups: "target groups", PartProvider: "provider", PartTime: "time"}

// explain appends the pair's explanation to w.explains.
func (w *dupWriter) explain(pair *Pair, ra *dupRender) {
	r := w.r
	p := r.p
	b := &w.explains
	num := func(x float64) { b.Write(dupAppend2(w.num[:0], x)) }
	b.WriteString("TF-IDF cosine ")
	num(pair.Text)
	if len(pair.SharedTerms) > 0 {
		b.WriteString(" (shared: ")
		for i, t := range pair.SharedTerms[:min(5, len(pair.SharedTerms))] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(t)
		}
		b.WriteByte(')')
	}
	b.WriteString("; structure ")
	num(pair.Structure)
	b.WriteString(" (")
	known := 0
	for _, part := range pair.Parts {
		if part.Weight > 0 {
			if known > 0 {
				b.WriteString(", ")
			}
			b.WriteString(dupPartLabels[part.Name])
			b.WriteByte(' ')
			num(part.Value)
			known++
		}
	}
	if known == 0 {
		b.WriteString("no part known")
	}
	b.WriteString("); score ")
	num(p.textWeight)
	b.WriteString("·")
	num(pair.TextPart)
	b.WriteString(" + ")
	num(1 - p.textWeight)
	b.WriteString("·")
	num(pair.Structure)
	b.WriteString(" = ")
	num(pair.Score)
	if pair.Score >= p.threshold {
		b.WriteString(" ≥ ")
	} else {
		b.WriteString(" < ")
	}
	num(p.threshold)
	b.WriteByte('.')
	by := ""
	if pair.VerdictBy != "" {
		by = " (" + pair.VerdictBy + ")"
	}
	switch pair.Verdict {
	case VerdictDuplicate:
		b.WriteString(" A reviewer confirmed the pair as a duplicate" + by + ".")
	case VerdictIntended:
		b.WriteString(" A reviewer marked the offers as complementary on purpose" + by + "; not reported.")
	case VerdictNotDuplicate:
		b.WriteString(" A reviewer marked the pair as no duplicate" + by + "; not reported.")
	}
	where := func() {
		if len(pair.Municipalities) > 0 {
			b.WriteString(" in ")
			b.WriteString(r.ix.towns.names[r.ix.towns.index[pair.Municipalities[0]]])
		}
	}
	if pair.Kind == KindData {
		b.WriteString(" Both are entries of ")
		b.WriteString(ra.providers)
		where()
		b.WriteString(": probably the same offer entered twice — merge them.")
	} else {
		b.WriteString(" Different providers run the same kind of offer")
		where()
		b.WriteString(" — they should coordinate.")
	}
}

// clusterKind sets the kind, suggestion and explanation of a cluster from its members'
// providers.
func (r *dupRun) clusterKind(c *Cluster, members []int32) {
	var provs []int32
	for _, k := range members {
		provs = append(provs, r.ms[k].providers...)
	}
	slices.Sort(provs)
	all, repeated := false, false
	for lo := 0; lo < len(provs); {
		hi := lo + 1
		for hi < len(provs) && provs[hi] == provs[lo] {
			hi++
		}
		all = all || hi-lo == len(members)
		repeated = repeated || hi-lo > 1
		lo = hi
	}
	n := strconv.Itoa(len(members))
	switch {
	case all:
		c.Kind, c.Suggestion = KindData, SuggestMerge
		c.Explanation = n + " entries of one provider describe the same offer: merge them into one."
	case !repeated:
		c.Kind, c.Suggestion = KindParallel, SuggestCoordinate
		c.Explanation = n + " providers run the same kind of offer in the same place for the same people at the same time: they should coordinate."
	default:
		c.Kind, c.Suggestion = KindMixed, SuggestMergeAndCoordinate
		c.Explanation = n + " entries: some providers entered the offer more than once (merge those), and other providers run the same kind of offer (coordinate)."
	}
}
