package duplicates

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// dupScored is a scored pair of a region's measures (local indexes; once ordered, a's id <
// b's id).
type dupScored struct {
	a, b  int32
	f, w  int32 // the pair's features: dupRun.feats[w].at(f)
	score float64
}

// featStore keeps the features of the kept pairs in blocks, so that growing it copies
// nothing.
type featStore struct{ blocks [][]features }

const featBlock = 1024

// add stores x and returns its index.
func (s *featStore) add(x *features) int32 {
	n := len(s.blocks)
	if n == 0 || len(s.blocks[n-1]) == featBlock {
		s.blocks = append(s.blocks, make([]features, 0, featBlock))
		n++
	}
	s.blocks[n-1] = append(s.blocks[n-1], *x)
	return int32((n-1)*featBlock + len(s.blocks[n-1]) - 1)
}

// at returns the features of index i.
func (s *featStore) at(i int32) *features { return &s.blocks[i/featBlock][i%featBlock] }

// workerKept is what one scoring goroutine found.
type workerKept struct {
	candidates int   // pairs that passed blocking
	steps      Steps // pairs each step of the bound kept (Kept is len(kept))
	kept       []dupScored
	feats      featStore // of the kept pairs
	// chunks hold the kept pairs while the worker scores, so that growing copies nothing;
	// kept is their concatenation once it is done (see keep, done).
	chunks [][]dupScored
}

const keptChunk = 4096

// keep adds a kept pair.
func (o *workerKept) keep(sc dupScored) {
	n := len(o.chunks)
	if n == 0 || len(o.chunks[n-1]) == keptChunk {
		o.chunks = append(o.chunks, make([]dupScored, 0, keptChunk))
		n++
	}
	o.chunks[n-1] = append(o.chunks[n-1], sc)
}

// done concatenates the chunks into kept.
func (o *workerKept) done() {
	n := 0
	for _, c := range o.chunks {
		n += len(c)
	}
	o.kept = make([]dupScored, 0, n)
	for _, c := range o.chunks {
		o.kept = append(o.kept, c...)
	}
	o.chunks = nil
}

// dupScratch is the scratch space of one scoring goroutine. The vocabulary-sized arrays are
// zero (head: -1) between blocks.
type dupScratch struct {
	dense [nReps][]float32 // the current first measure's vectors, spread out
	head  [nReps][]int32   // per term, the last posting of the block's index
	post  [nReps][]dupPosting
	// Per block position: mark is cur when it shares an indexed entry with the current
	// measure, and acc then holds the indexed entries' part of each cosine, nReps values per
	// position (position·nReps + representation).
	mark []int32
	acc  []float64
	cur  int32
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

// dupPosting is one entry of a term's list in the block's inverted index, with the weight
// the member's vector gives the term.
type dupPosting struct {
	pos, next int32
	w         float32
}

// scratchPool keeps the scoring goroutines' scratch space for the next region: the arrays
// are back to zero (head: -1) after every block.
var scratchPool sync.Pool

func (r *dupRun) newScratch() *dupScratch {
	sc, _ := scratchPool.Get().(*dupScratch)
	if sc == nil {
		sc = &dupScratch{}
	}
	for k := range nReps {
		n := r.repSize[k]
		if cap(sc.dense[k]) < n {
			sc.dense[k], sc.head[k] = make([]float32, n), make([]int32, n)
			for i := range sc.head[k] {
				sc.head[k][i] = -1
			}
		}
		sc.dense[k], sc.head[k] = sc.dense[k][:n], sc.head[k][:n]
	}
	return sc
}

// scoreBlock scores the pairs of one block that pass blocking and appends those to keep
// (probability at or above the lowest that matters, r.zFloor, or with a verdict) to out.
//
// Candidate bound. Most pairs of a block share only common words, and the model cannot
// reach the probability that matters without text (see Logistic.bound): a pair can only
// reach it if one of its text representations (title, description, compound parts,
// synonyms, title trigrams) reaches the cosine limit. The others are skipped with the prefix
// filter of the all-pairs similarity search (Bayardo, Ma, Srikant: Scaling up all pairs
// similarity search, WWW 2007), run for every representation at once: ids run from the most
// to the least frequent, and each vector's leading entries whose weights, multiplied by the
// largest weight the entry has in the region, add up to less than the limit form its prefix
// (see dupRun.prefixes).
// A vector y can reach the limit with x only through an entry outside y's prefix, so the
// block keeps an inverted index of the entries outside the prefixes, and x considers only the
// earlier members it finds in some representation's index. While it looks them up it adds up
// the products of the indexed entries, as the all-pairs search does; with the bound of the
// prefix's part, that bounds each cosine from above, and with the pair's structural features
// the logit. Only when that bound reaches the lowest logit that matters are the features
// computed. Both steps are exact: the result is the same as scoring every pair
// (TestDuplicatesPrefixFilterExact).
func (r *dupRun) scoreBlock(b dupBlock, sc *dupScratch, out *workerKept, worker int32) {
	mem := b.members
	if len(sc.mark) < len(mem) {
		n := len(mem)
		sc.acc = make([]float64, n*nReps)
		sc.mark, sc.cur = make([]int32, n), 0
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
	bd := &r.bound
	prune := !r.p.noPrune && bd.prune && b.window == 0 && len(mem) > 2
	var x features
	for j, a := range mem {
		r.spread(&sc.dense, a)
		if prune {
			sc.cur++
			for k := range nReps {
				if !bd.indexed[k] {
					continue
				}
				head, post, dense := sc.head[k], sc.post[k], sc.dense[k]
				for _, id := range r.reps[k][a].ids {
					wa := float64(dense[id])
					for q := head[id]; q >= 0; q = post[q].next {
						pos := post[q].pos
						if sc.mark[pos] != sc.cur {
							sc.mark[pos] = sc.cur
							clear(sc.acc[pos*nReps : pos*nReps+nReps])
						}
						sc.acc[int(pos)*nReps+k] += wa * float64(post[q].w)
					}
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
			out.candidates++
			reviewed := both&dupReviewed != 0 && r.ix.hasVerdict(r.members[a], r.members[c])
			if prune && !reviewed {
				if sc.mark[i] != sc.cur {
					continue // no text representation can reach the probability that matters
				}
				out.steps.Indexed++
				if !r.textWithin(sc, a, c, i, &x, &out.steps) {
					continue
				}
			} else {
				out.steps.Indexed++
				out.steps.Bounded++
				r.structFeatures(a, c, &x)
				r.textFeatures(&sc.dense, a, c, &x)
			}
			out.steps.Scored++
			if r.collect != nil {
				r.collect(r, a, c, &x)
			}
			if z := r.lr.logit(&x); z >= r.zFloor || reviewed {
				out.keep(dupScored{a: a, b: c, f: out.feats.add(&x), w: worker, score: sigmoid(z)})
			}
		}
		r.unspread(&sc.dense, a)
		if prune {
			for k := range nReps {
				if !bd.indexed[k] {
					continue
				}
				v := r.reps[k][a]
				for i := int(r.pfx[k][a]); i < len(v.ids); i++ {
					id := v.ids[i]
					sc.post[k] = append(sc.post[k], dupPosting{int32(j), sc.head[k][id], v.ws[i]})
					sc.head[k][id] = int32(len(sc.post[k]) - 1)
				}
			}
		}
	}
	if prune {
		for k := range nReps {
			for _, m := range mem {
				v := r.reps[k][m]
				for _, id := range v.ids[r.pfx[k][m]:] {
					sc.head[k][id] = -1
				}
			}
			sc.post[k] = sc.post[k][:0]
		}
	}
}

// prefixes computes, for the bound r.bound, each measure's prefix in each representation and
// the bound of the prefix's part in any cosine (Σ of its weights times the largest weight
// the entry has in the region): the entries the block index leaves out (see scoreBlock).
func (r *dupRun) prefixes() {
	n := len(r.ms)
	if r.maxw[0] == nil {
		for k := range nReps {
			maxw := make([]float32, r.repSize[k])
			for _, v := range r.reps[k] {
				for i, id := range v.ids {
					if w := v.ws[i]; w > maxw[id] {
						maxw[id] = w
					}
				}
			}
			r.maxw[k] = maxw
		}
		for k := range nReps {
			r.pfx[k] = make([]int32, n)
		}
		r.pb = make([]float64, n*nReps)
	}
	bd := &r.bound
	// A small margin keeps float rounding on the safe side: the prefix ends early.
	limit := bd.limit * (1 - 1e-9)
	for m := range n {
		for k := range nReps {
			v, maxw := r.reps[k][m], r.maxw[k]
			end, pb := len(v.ids), 0.0
			if bd.indexed[k] {
				for i, id := range v.ids {
					next := pb + float64(v.ws[i])*float64(maxw[id])
					if next >= limit {
						end = i
						break
					}
					pb = next
				}
			}
			r.pfx[k][m], r.pb[m*nReps+k] = int32(end), pb
		}
	}
}

// repOrder is the order in which textWithin computes the cosines: the shortest vectors
// first, the synonyms' last.
var repOrder = [nReps]int{repTitle, repDesc, repParts, repGrams, repSynonyms}

// textWithin computes the features of the pair of a (spread into sc.dense) and c, block
// position i, as long as the pair can still reach r.zFloor, and reports whether it can. The
// structural features are exact at once; each cosine not computed yet is bounded by the part
// of its indexed entries (sc.acc) plus the bound of c's prefix (r.pb). The bound is checked
// before the first cosine and after each.
func (r *dupRun) textWithin(sc *dupScratch, a, c int32, i int, x *features, steps *Steps) bool {
	r.structFeatures(a, c, x)
	w := r.lr.Weights
	z := r.lr.Bias
	for f := nTextFeatures; f < nFeatures; f++ {
		z += w[f] * x[f]
	}
	var ub [nReps]float64
	slack := 0.0
	noDesc := r.noDesc(a, c)
	acc, pb := sc.acc[i*nReps:i*nReps+nReps], r.pb[int(c)*nReps:int(c)*nReps+nReps]
	for k := range nReps {
		// 1e-6: the products were summed in another order than the cosine's. A
		// representation outside the index is bounded by 1 only.
		ub[k] = 1
		if r.bound.indexed[k] {
			ub[k] = min(1, acc[k]+pb[k]+1e-6)
		}
		if k == repDesc && noDesc {
			ub[k] = 1
			if r.bound.indexed[repTitle] {
				ub[k] = min(1, acc[repTitle]+pb[repTitle]+1e-6)
			}
		}
		slack += max(0, w[repFeature[k]]) * ub[k]
	}
	const margin = 1e-9
	if z+slack < r.zFloor-margin {
		return false
	}
	steps.Bounded++
	for _, k := range repOrder {
		f := repFeature[k]
		if k == repDesc && noDesc {
			x[f] = x[fTitle]
		} else {
			x[f] = r.cosine(&sc.dense, k, c)
		}
		slack -= max(0, w[f]) * ub[k]
		z += w[f] * x[f]
		if z+max(0, slack) < r.zFloor-margin {
			return false
		}
	}
	return true
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
