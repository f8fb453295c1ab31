package duplicates

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

// maxSynonymSets is how many sets a document keeps, its strongest: the weakest are the sets of
// ambiguous and common words, which add little to any cosine but cost as much to compare.
const maxSynonymSets = 32

// synonymRepr is the synonym representation of a region's documents: the OpenThesaurus
// synonym sets their compound parts belong to (see textRepr parts), so that two documents
// meet in a set when they use different words of it:
//
//	w(s, d)  = idf_s(s) · Σ_{p in d, s ∈ sets(p)} w(p, d) / (idf(p) · |sets(p)|)
//	idf_s(s) = ln((1 + N) / (1 + df_s(s))) + 1,  df_s(s) = documents with a part in s
//	v(d)     = w(·, d) / ‖w(·, d)‖₂, over the maxSynonymSets sets of d with the largest w
//
// w(p, d) is the part's TF-IDF weight in d, so w(p, d) / idf(p) is its damped count
// (1 + ln tf) in the normalised vector's scale. A word in several sets (an ambiguous word)
// spreads its weight over them, and a set that many of the region's documents touch has a
// low idf, so ambiguous and common sets count little. The same word in both documents meets
// in all its sets, here and in the compound parts' cosine; different words of one set meet
// here only, in one set: a match through a synonym counts less than the same word. Ids are
// ordered by df, highest first, then by the set's id in the thesaurus.
type synonymRepr struct {
	textRepr
	// set[id] is the set's thesaurus id.
	set []int32
	// partSets lists, per part id, the ids of its sets in this representation.
	partSets [][]int32
	// bufs hold the vectors' storage until release.
	bufs []*synBuf
}

// buildSynonyms builds the synonym representation from the compound parts of n documents,
// with up to workers goroutines.
func buildSynonyms(parts *textRepr, n, workers int) *synonymRepr {
	np := len(parts.names)
	// The sets of every part as local indexes, given in order of first appearance.
	setsOf := make([][]int32, np)
	local := map[int32]int32{}
	var setIDs, store []int32
	for p, name := range parts.names {
		ss := lexicon.Synsets(name)
		if len(ss) == 0 {
			continue
		}
		at := len(store)
		for _, s := range ss {
			l, ok := local[s]
			if !ok {
				l = int32(len(setIDs))
				local[s] = l
				setIDs = append(setIDs, s)
			}
			store = append(store, l)
		}
		setsOf[p] = store[at:len(store):len(store)]
	}
	ns := len(setIDs)
	docs := parts.vecs
	nchunks := max(1, min(workers, len(docs)/tfidfChunkSize))
	chunk := func(c int) (int, int) { return c * len(docs) / nchunks, (c + 1) * len(docs) / nchunks }
	bufs := make([]*synBuf, nchunks)
	for c := range bufs {
		bufs[c], _ = synPool.Get().(*synBuf)
		if bufs[c] == nil {
			bufs[c] = &synBuf{}
		}
	}
	// Document frequencies, counted per chunk.
	counts := make([][]int32, nchunks)
	tfidfParallel(nchunks, workers, func(c int) {
		bf := bufs[c]
		df, stamp := resize(bf.df, ns), resize(bf.stamp, ns)
		bf.df, bf.stamp = df, stamp
		clear(df)
		for i := range stamp {
			stamp[i] = -1
		}
		lo, hi := chunk(c)
		for d := lo; d < hi; d++ {
			for _, p := range docs[d].ids {
				for _, l := range setsOf[p] {
					if stamp[l] != int32(d) {
						stamp[l] = int32(d)
						df[l]++
					}
				}
			}
		}
		counts[c] = df
	})
	dfS := counts[0]
	for _, df := range counts[1:] {
		for l, x := range df {
			dfS[l] += x
		}
	}
	// The vocabulary: the sets by df, highest first, then by thesaurus id.
	order := make([]int32, ns)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		return cmp.Or(cmp.Compare(dfS[y], dfS[x]), cmp.Compare(setIDs[x], setIDs[y]))
	})
	r := &synonymRepr{set: make([]int32, ns), bufs: bufs}
	r.df = make([]int32, ns)
	canon := make([]int32, ns)
	for id, l := range order {
		canon[l] = int32(id)
		r.df[id], r.set[id] = dfS[l], setIDs[l]
	}
	r.partSets = make([][]int32, np)
	for p, ss := range setsOf {
		if len(ss) > 0 {
			r.partSets[p] = make([]int32, len(ss))
			for i, l := range ss {
				r.partSets[p][i] = canon[l]
			}
		}
	}
	idfS := make([]float64, ns)
	for l, df := range dfS {
		idfS[l] = math.Log(float64(1+n)/float64(1+df)) + 1
	}
	r.vecs = make([]sparseVec, len(docs))
	tfidfParallel(nchunks, workers, func(c int) {
		lo, hi := chunk(c)
		// The vectors of the chunk, from one arena.
		size := 0
		for _, v := range docs[lo:hi] {
			k := 0
			for _, p := range v.ids {
				k += len(setsOf[p])
			}
			size += min(k, maxSynonymSets)
		}
		bf := bufs[c]
		ids, ws := reuse(bf.ids, size), reuse(bf.ws, size)
		bf.ids, bf.ws = ids, ws
		acc := resize(bf.acc, ns)
		bf.acc = acc
		clear(acc)
		touched, scratch, keepBuf := bf.touched[:0], bf.scratch, bf.keepBuf
		for d := lo; d < hi; d++ {
			v := docs[d]
			for i, p := range v.ids {
				if ss := setsOf[p]; len(ss) > 0 {
					share := float64(v.ws[i]) / (parts.idf[p] * float64(len(ss)))
					for _, l := range ss {
						if acc[l] == 0 {
							touched = append(touched, l)
						}
						acc[l] += share
					}
				}
			}
			for _, l := range touched {
				acc[l] *= idfS[l]
			}
			keep := touched
			if len(touched) > maxSynonymSets {
				keepBuf = append(keepBuf[:0], touched...)
				keep, scratch = strongest(keepBuf, acc, canon, scratch)
			}
			at := len(ids)
			var norm float64
			for _, l := range keep {
				w := acc[l]
				ids, ws = append(ids, canon[l]), append(ws, float32(w))
				norm += w * w
			}
			for _, l := range touched {
				acc[l] = 0
			}
			touched = touched[:0]
			vi, vw := ids[at:len(ids):len(ids)], ws[at:len(ws):len(ws)]
			if norm > 0 {
				inv := 1 / math.Sqrt(norm)
				for i := range vw {
					vw[i] = float32(float64(vw[i]) * inv)
				}
			}
			sortTerms(vi, vw)
			r.vecs[d] = sparseVec{ids: vi, ws: vw}
		}
		bf.touched, bf.scratch, bf.keepBuf = touched, scratch, keepBuf
	})
	return r
}

// synBuf is the storage of one chunk of a synonym representation, reused by the next region
// once this one is released.
type synBuf struct {
	ids                         []int32
	ws                          []float32
	acc                         []float64
	df, stamp, touched, keepBuf []int32
	scratch                     []setWeight
}

var synPool sync.Pool

// release hands the representation's storage back for reuse; it must not be used after it.
func (r *synonymRepr) release() {
	for _, b := range r.bufs {
		synPool.Put(b)
	}
	r.bufs = nil
}

// resize returns s with n elements, reusing its storage when it can (the contents are not
// cleared).
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// strongest returns the maxSynonymSets sets of sets with the largest weight w (among equals
// the smallest id), using scratch, which it returns grown.
func strongest(sets []int32, w []float64, id []int32, scratch []setWeight) ([]int32, []setWeight) {
	c := scratch[:0]
	for _, s := range sets {
		c = append(c, setWeight{w[s], id[s], s})
	}
	// Quickselect: move the maxSynonymSets strongest to the front.
	lo, hi, k := 0, len(c)-1, maxSynonymSets
	for lo < hi {
		p := c[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for c[i].stronger(p) {
				i++
			}
			for p.stronger(c[j]) {
				j--
			}
			if i <= j {
				c[i], c[j] = c[j], c[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			lo = hi
		}
	}
	out := sets[:0] // sets is scratch of the caller's too
	for _, x := range c[:maxSynonymSets] {
		out = append(out, x.local)
	}
	return out, c
}

// setWeight is a set's weight in a document, its id and its local index.
type setWeight struct {
	w     float64
	id    int32
	local int32
}

// stronger orders sets by weight, the largest first, then by id.
func (x setWeight) stronger(y setWeight) bool { return x.w > y.w || x.w == y.w && x.id < y.id }
