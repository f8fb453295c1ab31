package embedded

import (
	"math"
	"slices"
	"strings"

	"github.com/google/btree"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// BM25 parameters: the usual values from the literature (Robertson & Zaragoza, "The
// Probabilistic Relevance Framework: BM25 and Beyond", 2009).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// posting says that a document contains a term, with the field-weighted term frequency.
type posting struct {
	doc uint32
	tf  float32
}

// docTerms is a document analysed for the index; it is computed outside the state lock.
type docTerms struct {
	tf     map[string]float32
	length float32
}

// analyzeDoc analyses the searchable fields of e; nil when e is not searchable.
func analyzeDoc(e graph.Entity) *docTerms {
	fields := graph.SearchFields(e)
	if fields == nil {
		return nil
	}
	d := &docTerms{tf: make(map[string]float32)}
	for _, f := range fields {
		for _, t := range text.Analyze(f.Text) {
			d.tf[t.Term] += f.Weight
			d.length += f.Weight
		}
	}
	return d
}

// index is an inverted index with BM25 ranking. Posting lists are kept sorted by document
// number; the vocabulary is kept in an ordered tree for prefix look-ups (a sorted slice
// made every new term cost a copy of the whole vocabulary).
type index struct {
	postings map[string][]posting
	docs     map[uint32]docEntry
	totalLen float64
	vocab    *btree.BTreeG[string]
}

type docEntry struct {
	length float32
	terms  []string
}

func newIndex() *index {
	return &index{postings: make(map[string][]posting), docs: make(map[uint32]docEntry), vocab: newList()}
}

// update (re)indexes document num; d nil removes it.
func (ix *index) update(num uint32, d *docTerms) {
	ix.remove(num)
	if d == nil || len(d.tf) == 0 {
		return
	}
	terms := make([]string, 0, len(d.tf))
	for term, tf := range d.tf {
		terms = append(terms, term)
		ps, known := ix.postings[term]
		if !known {
			ix.vocab.ReplaceOrInsert(term)
		}
		if len(ps) == 0 || ps[len(ps)-1].doc < num {
			ix.postings[term] = append(ps, posting{num, tf}) // new documents have the highest numbers
			continue
		}
		i, _ := slices.BinarySearchFunc(ps, num, func(p posting, n uint32) int { return cmpU32(p.doc, n) })
		ix.postings[term] = slices.Insert(ps, i, posting{num, tf})
	}
	ix.docs[num] = docEntry{length: d.length, terms: terms}
	ix.totalLen += float64(d.length)
}

func (ix *index) remove(num uint32) {
	de, ok := ix.docs[num]
	if !ok {
		return
	}
	for _, term := range de.terms {
		ps := ix.postings[term]
		if i, found := slices.BinarySearchFunc(ps, num, func(p posting, n uint32) int { return cmpU32(p.doc, n) }); found {
			ps = slices.Delete(ps, i, i+1)
		}
		if len(ps) == 0 {
			delete(ix.postings, term)
			ix.vocab.Delete(term)
		} else {
			ix.postings[term] = ps
		}
	}
	ix.totalLen -= float64(de.length)
	delete(ix.docs, num)
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// search scores the documents that match every token and pass accept.
func (ix *index) search(q []graph.QueryToken, accept func(uint32) bool) map[uint32]float64 {
	n := float64(len(ix.docs))
	if n == 0 || len(q) == 0 {
		return nil
	}
	avg := ix.totalLen / n
	var result map[uint32]float64
	for i, qt := range q {
		scores := make(map[uint32]float64)
		ix.scoreTerm(qt.Term, 1, n, avg, scores, result, accept)
		for _, term := range ix.prefixed(qt) {
			ix.scoreTerm(term, graph.PrefixWeight, n, avg, scores, result, accept)
		}
		if i > 0 {
			for doc, s := range scores {
				scores[doc] = s + result[doc]
			}
		}
		result = scores
		if len(result) == 0 {
			return nil
		}
	}
	return result
}

// scoreTerm adds the BM25 contribution of term to scores, keeping per document the best
// match of this token; when prev is not nil only documents in prev are considered.
func (ix *index) scoreTerm(term string, weight, n, avg float64, scores, prev map[uint32]float64, accept func(uint32) bool) {
	ps := ix.postings[term]
	if len(ps) == 0 {
		return
	}
	df := float64(len(ps))
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	for _, p := range ps {
		if prev != nil {
			if _, ok := prev[p.doc]; !ok {
				continue
			}
		}
		if !accept(p.doc) {
			continue
		}
		tf := float64(p.tf)
		dl := float64(ix.docs[p.doc].length)
		s := weight * idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/avg))
		if s > scores[p.doc] {
			scores[p.doc] = s
		}
	}
}

// prefixed lists the vocabulary terms that match qt as a prefix (not the exact term).
func (ix *index) prefixed(qt graph.QueryToken) []string {
	if qt.Prefix == "" {
		return nil
	}
	var out []string
	for _, p := range []string{qt.Prefix, qt.Term} {
		if len(p) < graph.MinPrefix {
			continue
		}
		ix.vocab.AscendGreaterOrEqual(p, func(t string) bool {
			if !strings.HasPrefix(t, p) {
				return false
			}
			if t != qt.Term && !slices.Contains(out, t) {
				out = append(out, t)
			}
			return true
		})
	}
	return out
}
