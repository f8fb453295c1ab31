package duplicates

import (
	"cmp"
	"slices"
	"strings"
)

// dupScored is a scored pair of a region's measures (local indexes; once ordered, a's id <
// b's id). Text and structure are computed again for the pairs that are described.
type dupScored struct {
	a, b  int32
	score float64
}

// workerKept is what one scoring goroutine found.
type workerKept struct {
	candidates int
	kept       []dupScored
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

// dupCombine computes the score from text and structure.
func dupCombine(t, st float64, p dupParams) float64 {
	return p.textWeight*min(1, t/p.textFull) + (1-p.textWeight)*st
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
