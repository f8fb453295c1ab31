package duplicates

import (
	"cmp"
	"math"
	"slices"
)

// vocab is the vocabulary of one representation (stems, compound parts, title trigrams) in
// one chunk of documents: keys with chunk-local ids and their document frequencies. Workers
// analyse their chunks with vocabularies of their own and share nothing; mergeVocabs then
// gives the ids of the whole corpus.
type vocab[K cmp.Ordered] struct {
	index map[K]int32
	keys  []K
	df    []int32
	// For key lid: mark[lid] is the document that last counted it, pos[lid] its entry in that
	// document's list.
	mark, pos []int32
}

func newVocab[K cmp.Ordered](size int) *vocab[K] {
	return &vocab[K]{index: make(map[K]int32, size)}
}

// resetVocab returns v emptied for reuse, or a new vocabulary when v is nil.
func resetVocab[K cmp.Ordered](v *vocab[K], size int) *vocab[K] {
	if v == nil {
		return newVocab[K](size)
	}
	clear(v.index)
	v.keys, v.df, v.mark, v.pos = v.keys[:0], v.df[:0], v.mark[:0], v.pos[:0]
	return v
}

// id returns the chunk-local id of k, adding it (with document frequency 0).
func (v *vocab[K]) id(k K) int32 {
	lid, ok := v.index[k]
	if !ok {
		lid = int32(len(v.keys))
		v.index[k] = lid
		v.keys = append(v.keys, k)
		v.df = append(v.df, 0)
		v.mark = append(v.mark, -1)
		v.pos = append(v.pos, 0)
	}
	return lid
}

// count counts one occurrence of lid in document doc, whose entries are at the end of ids
// and tf; the first occurrence in a document counts toward the document frequency.
func (v *vocab[K]) count(lid, doc int32, ids *[]int32, tf *[]float32) {
	if v.mark[lid] == doc {
		(*tf)[v.pos[lid]]++
		return
	}
	v.mark[lid], v.pos[lid] = doc, int32(len(*ids))
	*ids = append(*ids, lid)
	*tf = append(*tf, 1)
	v.df[lid]++
}

// mergeVocabs merges the chunks' vocabularies into one with canonical ids: the most frequent
// key first, then in key order. Ids, and so every vector, do not depend on how the documents
// were split among workers, and a vector's leading entries are its most common keys (the
// order the prefix filter needs, see dupRun.scoreBlock). trans[c] maps chunk c's ids to the
// canonical ones.
func mergeVocabs[K cmp.Ordered](chunks []*vocab[K]) (keys []K, df []int32, trans [][]int32) {
	// One vocabulary: the first chunk's keys, then the others' new ones.
	keys, df = chunks[0].keys, chunks[0].df
	merged := make([][]int32, len(chunks))
	if len(chunks) > 1 {
		index := chunks[0].index
		keys, df = slices.Clone(keys), slices.Clone(df)
		for c := 1; c < len(chunks); c++ {
			ch := chunks[c]
			tr := make([]int32, len(ch.keys))
			for lid, k := range ch.keys {
				gid, ok := index[k]
				if !ok {
					gid = int32(len(keys))
					index[k] = gid
					keys = append(keys, k)
					df = append(df, 0)
				}
				df[gid] += ch.df[lid]
				tr[lid] = gid
			}
			merged[c] = tr
		}
	}
	order := make([]int32, len(keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if df[x] != df[y] {
			return cmp.Compare(df[y], df[x])
		}
		return cmp.Compare(keys[x], keys[y])
	})
	canon := make([]int32, len(keys))
	outKeys, outDF := make([]K, len(keys)), make([]int32, len(keys))
	for id, old := range order {
		canon[old] = int32(id)
		outKeys[id], outDF[id] = keys[old], df[old]
	}
	trans = make([][]int32, len(chunks))
	for c := range chunks {
		tr := make([]int32, len(chunks[c].keys))
		for lid := range tr {
			if merged[c] != nil {
				tr[lid] = canon[merged[c][lid]]
			} else {
				tr[lid] = canon[lid]
			}
		}
		trans[c] = tr
	}
	return outKeys, outDF, trans
}

// smoothIDF returns ln((1 + n) / (1 + df)) + 1 for each document frequency.
func smoothIDF(df []int32, n int) []float64 {
	idf := make([]float64, len(df))
	for id, d := range df {
		idf[id] = math.Log(float64(1+n)/float64(1+d)) + 1
	}
	return idf
}

// weighVec turns a document's counts into its L2-normalised TF-IDF vector, in place:
// w = (1 + ln tf) · idf, ids ascending. trans, when not nil, translates chunk-local ids first.
func weighVec(ids []int32, tf []float32, trans []int32, idf []float64) sparseVec {
	var norm float64
	for i, id := range ids {
		if trans != nil {
			id = trans[id]
			ids[i] = id
		}
		w := idf[id] // tf 1, the common case: 1 + ln 1 = 1
		if t := tf[i]; t != 1 {
			w *= 1 + math.Log(float64(t))
		}
		tf[i] = float32(w)
		norm += w * w
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for i := range tf {
			tf[i] = float32(float64(tf[i]) * inv)
		}
	}
	sortTerms(ids, tf)
	return sparseVec{ids: ids, ws: tf}
}
