package duplicates

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

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
// Snowball stems); the words of the names of the measure's own provider(s), municipalities
// and fields are dropped first (inside a block the municipality and the field are shared by
// construction, and the provider is a feature of its own). Every word is also split into its
// compound parts (graph/text/lexicon.Decompound: Schuldnerberatung → schuldn, berat), each
// part is looked up in the OpenThesaurus synonym sets (lexicon.Synsets), and the title's
// words give character trigrams (lexicon.HashCharNGrams). Weighed by TF-IDF over the
// measures of the region, that makes five vectors per measure (text.go, synonyms.go).
//
// Features, each in [0, 1] (features.go):
//
//	title           cosine of the titles' stems
//	description     cosine of the descriptions' stems (the title's cosine when one is empty)
//	compound        cosine of the compound parts of every word of title and description
//	synonyms        cosine of the synonym sets of the parts (see synonymRepr)
//	title_trigrams  cosine of the titles' character trigrams (spelling variants, typos)
//	programme       1 same programme (compared folded), 0 different, ½ unknown
//	languages       Jaccard index of the language sets, ½ unknown
//	format          1 equal, ½ hybrid against in person or online, 0 different, ½ unknown
//	target_groups   Jaccard index of the target group sets
//	same_provider   1 when some organisation provides both
//
// Model. The probability that the two are the same offer is p = σ(b + Σ wᵢ·xᵢ), a logistic
// regression. Its built-in weights are fitted on labelled pairs of the demo (builtin.go,
// builtin_pairs.tsv); in a region with verdicts they are refitted with the verdicts
// (learn.go). A pair is reported when p ≥ Threshold; every reported pair carries its
// features, their contributions wᵢ·xᵢ and why it was detected in words.
//
// Candidates. Only pairs that can reach the lowest probability that matters (the threshold,
// or the lowest of Result.Uncertain) have their features computed: with the structural
// features at their best, one of the text features must reach a cosine the weights give, and
// an exact prefix filter over all five vectors finds the pairs where one can (see
// dupRun.scoreBlock). The result is the same as scoring every pair.
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
// "not_duplicate" suppress the pair: it is neither reported nor clustered, and is listed in
// Result.Reviewed instead. "coordinating" (Abstimmung angestoßen, with a due date) keeps the
// pair reported and clustered like "duplicate", with Pair.Due and Pair.Overdue (against
// Params.Today), until a final verdict replaces it. Every final verdict also teaches the
// region's model (learn.go); a coordination does not, since it says nothing yet about
// whether the two are the same offer.
//
// Speed. Regions are compared one per goroutine when there are more regions than cores,
// otherwise one after the other with all cores on each. Oversized blocks are capped
// (MaxBlock).
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
	d := &Result{Region: s.Region, Threshold: rp.threshold, Order: rp.order, Measures: len(s.Measures),
		Capped: []CappedBlock{}, Models: make([]Model, 0, len(results))}
	for _, r := range results {
		d.Candidates += r.candidates
		d.Steps.Indexed += r.steps.Indexed
		d.Steps.Bounded += r.steps.Bounded
		d.Steps.Scored += r.steps.Scored
		d.Steps.Kept += r.steps.Kept
		d.AboveThreshold += r.above
		d.Capped = append(d.Capped, r.capped...)
		d.Models = append(d.Models, r.model)
	}
	lr := builtinModel()
	if rp.model != nil {
		lr = *rp.model
	}
	d.Model = Model{Source: ModelBuiltIn}.with(lr)
	if len(results) > 0 {
		d.Model = results[0].model
		lr = results[0].lr
	}
	d.Formula = formula(lr, rp.threshold)
	d.Reviewed = dupMerge(results, func(r *dupRegion) []Pair { return r.reviewed }, dupOrder)
	d.Uncertain = dupMerge(results, func(r *dupRegion) []Pair { return r.uncertain }, uncertainOrder)
	if len(d.Uncertain) > MaxUncertain {
		d.Uncertain = d.Uncertain[:MaxUncertain:MaxUncertain]
	}
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
	if rp.order == OrderUncertain {
		// A copy: the clusters' Pairs stay parts of the list in cluster order.
		d.Pairs = slices.Clone(d.Pairs)
		slices.SortStableFunc(d.Pairs, func(a, b Pair) int {
			return cmp.Or(cmp.Compare(b2f(a.Verdict != ""), b2f(b.Verdict != "")), uncertainOrder(&a, &b))
		})
	}
	for _, l := range []*[]Pair{&d.Pairs, &d.Reviewed, &d.Uncertain} {
		if *l == nil {
			*l = []Pair{}
		}
	}
	return d
}

// uncertainOrder orders pairs by uncertainty, the highest first, then by ids.
func uncertainOrder(a, b *Pair) int {
	return cmp.Or(cmp.Compare(b.Uncertainty, a.Uncertainty), strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
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

// dupRegion is the outcome for one region, every list in its final order.
type dupRegion struct {
	candidates int
	steps      Steps
	above      int
	lr         Logistic
	model      Model
	pairs      []Pair
	reviewed   []Pair
	uncertain  []Pair
	clusters   []Cluster
	capped     []CappedBlock
}

// dupRun is the comparison of one region.
type dupRun struct {
	ix      *dupIndex
	p       dupParams
	members []int32       // global indexes by local index
	ms      []*dupMeasure // by local index
	// model holds the texts' vectors; reps the five compared by cosine (see features.go),
	// repSize the sizes of their vocabularies.
	model   *tfidfModel
	syn     *synonymRepr
	reps    [nReps][]sparseVec
	repSize [nReps]int
	// lr is the region's model, zFloor the logit of the lowest probability that matters,
	// bound the candidate bound it gives.
	lr     Logistic
	zFloor float64
	bound  candidateBound
	feats  []*featStore // of the kept pairs, per scoring goroutine (dupScored.w, f)
	// For the candidate bound (see dupRun.prefixes): per representation the largest weight
	// of each entry in the region, each measure's prefix length, and per measure and
	// representation the bound of its prefix's part in a cosine.
	maxw    [nReps][]float32
	pfx     [nReps][]int32
	pb      []float64
	collect func(r *dupRun, a, c int32, x *features)
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
	r.texts(workers)
	defer r.model.release()
	defer r.syn.release()
	r.lr, out.model = r.regionModel()
	out.lr = r.lr
	out.model.Region = ix.ms[members[0]].m.Region
	r.collect = p.collect

	blocks := r.blocks(out)
	// Largest blocks first, so that the workers finish together.
	slices.SortFunc(blocks, func(a, b dupBlock) int { return cmp.Compare(len(b.members), len(a.members)) })
	// The review queue takes the most uncertain pairs wherever they are: when fewer than
	// MaxUncertain pairs at or above the lowest probability that matters are as uncertain
	// as a pair below it can be, the region is scored again with a lower one.
	var outs []workerKept
	for i, floor := range p.floors() {
		r.zFloor, r.bound = logitOf(floor), r.lr.bound(floor)
		r.prefixes()
		outs = r.scoreBlocks(blocks, workers)
		if p.clustersOnly || i == len(p.floors())-1 || r.queueFull(outs, floor) {
			break
		}
	}
	rank := r.ranks()
	lists := make([][]dupScored, len(outs)+1)
	r.feats = make([]*featStore, len(outs)+1)
	for i := range outs {
		out.candidates += outs[i].candidates
		out.steps.Indexed += outs[i].steps.Indexed
		out.steps.Bounded += outs[i].steps.Bounded
		out.steps.Scored += outs[i].steps.Scored
		out.steps.Kept += len(outs[i].kept)
		lists[i] = outs[i].kept
		r.feats[i] = &outs[i].feats
	}
	r.feats[len(outs)] = &featStore{}
	lists[len(outs)] = r.addConfirmed(nil, outs)
	tfidfParallel(len(lists), workers, func(i int) { r.order(lists[i], rank) })
	kept := dupMergeSorted(lists, func(x, y dupScored) int { return dupScoredOrder(x, y, rank) })

	// Pairs set aside by a verdict go to Reviewed, the unreviewed pairs below the threshold
	// may go to Uncertain, the others link the clusters.
	var uncertain []dupScored
	if !p.clustersOnly {
		uncertain = r.mostUncertain(kept)
	}
	active := kept[:0] // filtered in place
	var activeReview map[int]int32
	var suppress []dupScored
	var suppressReview []int32
	for _, sc := range kept {
		v := r.verdict(sc)
		switch {
		case v < 0:
			if sc.score >= p.threshold {
				active = append(active, sc)
			}
		case keeps(r.ix.verdictList[v].Verdict):
			if activeReview == nil {
				activeReview = map[int]int32{}
			}
			activeReview[len(active)] = v
			active = append(active, sc)
		default:
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
	none := make([]int32, len(uncertain))
	for i := range none {
		none[i] = -1
	}
	out.uncertain = r.describeAll(uncertain, none, 1)
	slices.SortFunc(out.uncertain, func(a, b Pair) int { return uncertainOrder(&a, &b) })
	return out
}

// scoreBlocks scores the blocks with up to workers goroutines.
func (r *dupRun) scoreBlocks(blocks []dupBlock, workers int) []workerKept {
	nw := max(1, min(workers, len(blocks)))
	outs := make([]workerKept, nw)
	var next atomic.Int64
	tfidfParallel(nw, nw, func(w int) {
		o := &outs[w]
		sc := r.newScratch()
		defer scratchPool.Put(sc)
		for {
			b := int(next.Add(1)) - 1
			if b >= len(blocks) {
				o.done()
				return
			}
			r.scoreBlock(blocks[b], sc, o, int32(w))
		}
	})
	return outs
}

// queueFull reports whether the kept pairs hold MaxUncertain unreviewed pairs at least as
// uncertain as a pair below floor can be (2·floor): then they are the most uncertain.
func (r *dupRun) queueFull(outs []workerKept, floor float64) bool {
	n := 0
	for _, o := range outs {
		for _, sc := range o.kept {
			if Uncertainty(sc.score) >= 2*floor && r.verdict(sc) < 0 {
				if n++; n >= MaxUncertain {
					return true
				}
			}
		}
	}
	return false
}

// texts builds the region's text representations with up to workers goroutines.
func (r *dupRun) texts(workers int) {
	r.model = buildTexts(r.docs(workers), textOptions{titleWeight: 1, workers: workers, lexical: true})
	r.syn = buildSynonyms(&r.model.parts, len(r.ms), workers)
	r.reps = [nReps][]sparseVec{r.model.title, r.model.desc, r.model.parts.vecs, r.syn.vecs, r.model.grams.vecs}
	r.repSize = [nReps]int{len(r.model.terms), len(r.model.terms), len(r.model.parts.df), len(r.syn.df), len(r.model.grams.df)}
}

// mostUncertain returns the up to MaxUncertain unreviewed pairs of kept (ordered by score,
// highest first) whose probability is closest to ½, walking outward from ½ in both
// directions.
func (r *dupRun) mostUncertain(kept []dupScored) []dupScored {
	q, _ := slices.BinarySearchFunc(kept, 0.5, func(sc dupScored, p float64) int { return cmp.Compare(p, sc.score) })
	// kept[:q] have p > ½ (the closest at q−1), kept[q:] p ≤ ½ (the closest at q).
	var out []dupScored
	lo, hi := q-1, q
	for len(out) < MaxUncertain && (lo >= 0 || hi < len(kept)) {
		var sc dupScored
		if hi >= len(kept) || lo >= 0 && kept[lo].score-0.5 <= 0.5-kept[hi].score {
			sc, lo = kept[lo], lo-1
		} else {
			sc, hi = kept[hi], hi+1
		}
		if r.verdict(sc) < 0 {
			out = append(out, sc)
		}
	}
	return out
}
