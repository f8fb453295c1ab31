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

// dupRegion is the outcome for one region, every list in its final order.
type dupRegion struct {
	candidates int
	above      int
	pairs      []Pair
	reviewed   []Pair
	clusters   []Cluster
	capped     []CappedBlock
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
