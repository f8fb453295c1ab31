package analysis

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// TF-IDF vectors of short German documents (a measure's title and description), built with
// the analyser of graph/text: split into words, fold spelling variants, drop stop words,
// stem with Snowball German.
//
// The weighting is the one scikit-learn's TfidfVectorizer computes with sublinear_tf=True,
// smooth_idf=True and norm="l2", so that the two can be compared number for number:
//
//	tf(t, d)  = TitleWeight · (occurrences of t in the title) + (occurrences in the description)
//	w(t, d)   = (1 + ln tf(t, d)) · idf(t)
//	idf(t)    = ln((1 + N) / (1 + df(t))) + 1
//	v(d)      = w(·, d) / ‖w(·, d)‖₂
//	cos(a, b) = Σₜ v(a)ₜ · v(b)ₜ
//
// N is the number of documents of the corpus (the measures of one region) and df(t) the
// number of them that contain t. The logarithm damps words repeated within one text; the
// smoothing keeps a word that occurs everywhere at weight 1 instead of 0.

// tfidfDoc is one document of a corpus.
type tfidfDoc struct {
	// Title and Body are the raw texts; title words count TitleWeight times.
	Title, Body string
	// Drop lists analysed terms to leave out of this document (names of its context).
	Drop []string
}

// sparseVec is an L2-normalised TF-IDF vector: term ids in ascending order, weights alongside.
type sparseVec struct {
	ids []int32
	ws  []float32
}

// dot returns the scalar product of two vectors, the cosine of their documents.
func (a sparseVec) dot(b sparseVec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch x, y := a.ids[i], b.ids[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			s += float64(a.ws[i]) * float64(b.ws[j])
			i++
			j++
		}
	}
	return s
}

// shared calls fn for every term the two vectors have in common, with its contribution to
// their cosine.
func (a sparseVec) shared(b sparseVec, fn func(id int32, contribution float64)) {
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch x, y := a.ids[i], b.ids[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			fn(x, float64(a.ws[i])*float64(b.ws[j]))
			i++
			j++
		}
	}
}

// tfidfModel is the TF-IDF model of one corpus.
type tfidfModel struct {
	// terms names every term id; df and idf are indexed by term id.
	terms []string
	df    []int32
	idf   []float64
	// vecs holds one vector per document, in input order.
	vecs []sparseVec
}

// tfidfChunk is a run of documents analysed by one worker, with its own vocabulary so that
// workers share nothing while they analyse.
type tfidfChunk struct {
	lo, hi int
	vocab  map[string]int32
	terms  []string
	df     []int32
	// Documents lo..hi-1 own ids[off[k]:off[k+1]] and tf alongside (k = doc - lo). Ids are
	// chunk-local until the vocabularies are merged.
	off []int32
	ids []int32
	tf  []float32
}

// tfidfChunkSize is the smallest number of documents worth a worker of its own.
const tfidfChunkSize = 512

// buildTFIDF analyses docs and weighs their terms. It uses up to workers goroutines
// (GOMAXPROCS when workers < 1). titleWeight must be at least 1, so that every tf is at
// least 1 and its logarithm is not negative.
func buildTFIDF(docs []tfidfDoc, titleWeight float64, workers int) *tfidfModel {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	n := len(docs)
	nchunks := max(1, min(workers, n/tfidfChunkSize))
	chunks := make([]*tfidfChunk, nchunks)
	for c := range chunks {
		chunks[c] = &tfidfChunk{lo: c * n / nchunks, hi: (c + 1) * n / nchunks}
	}
	tfidfParallel(nchunks, workers, func(c int) { chunks[c].analyse(docs, titleWeight) })

	// One vocabulary for the corpus: the first chunk's ids stay, the others are translated.
	m := &tfidfModel{terms: chunks[0].terms, df: chunks[0].df}
	trans := make([][]int32, nchunks)
	if nchunks > 1 {
		vocab := chunks[0].vocab
		m.terms = append([]string(nil), m.terms...)
		m.df = append([]int32(nil), m.df...)
		for c := 1; c < nchunks; c++ {
			ch := chunks[c]
			tr := make([]int32, len(ch.terms))
			for lid, t := range ch.terms {
				gid, ok := vocab[t]
				if !ok {
					gid = int32(len(m.terms))
					vocab[t] = gid
					m.terms = append(m.terms, t)
					m.df = append(m.df, 0)
				}
				m.df[gid] += ch.df[lid]
				tr[lid] = gid
			}
			trans[c] = tr
		}
	}
	m.idf = make([]float64, len(m.terms))
	for id, df := range m.df {
		m.idf[id] = math.Log(float64(1+n)/float64(1+df)) + 1
	}
	m.vecs = make([]sparseVec, n)
	tfidfParallel(nchunks, workers, func(c int) { chunks[c].weigh(m, trans[c]) })
	return m
}

// analyse fills the chunk with the term frequencies of its documents.
func (ch *tfidfChunk) analyse(docs []tfidfDoc, titleWeight float64) {
	ch.vocab = make(map[string]int32, 1024)
	ch.off = make([]int32, 1, ch.hi-ch.lo+1)
	ch.ids = make([]int32, 0, 32*(ch.hi-ch.lo))
	ch.tf = make([]float32, 0, 32*(ch.hi-ch.lo))
	// seen[lid] is 1 + the position of lid in the current document's entries, valid while
	// seenDoc[lid] is the document.
	var seen, seenDoc []int32
	add := func(doc int32, term string, w float32, drop []string) {
		for _, d := range drop {
			if d == term {
				return
			}
		}
		lid, ok := ch.vocab[term]
		if !ok {
			lid = int32(len(ch.terms))
			ch.vocab[term] = lid
			ch.terms = append(ch.terms, term)
			ch.df = append(ch.df, 0)
			seen = append(seen, 0)
			seenDoc = append(seenDoc, -1)
		}
		if seenDoc[lid] == doc {
			ch.tf[seen[lid]-1] += w
			return
		}
		seenDoc[lid] = doc
		ch.ids = append(ch.ids, lid)
		ch.tf = append(ch.tf, w)
		seen[lid] = int32(len(ch.ids))
		ch.df[lid]++
	}
	for d := ch.lo; d < ch.hi; d++ {
		doc := &docs[d]
		for _, tok := range text.Analyze(doc.Title) {
			add(int32(d), tok.Term, float32(titleWeight), doc.Drop)
		}
		for _, tok := range text.Analyze(doc.Body) {
			add(int32(d), tok.Term, 1, doc.Drop)
		}
		ch.off = append(ch.off, int32(len(ch.ids)))
	}
}

// weigh turns the chunk's term frequencies into normalised vectors with corpus-wide ids
// (trans maps the chunk's ids; nil when they are the corpus's already).
func (ch *tfidfChunk) weigh(m *tfidfModel, trans []int32) {
	for k := range ch.hi - ch.lo {
		lo, hi := ch.off[k], ch.off[k+1]
		ids, ws := ch.ids[lo:hi:hi], ch.tf[lo:hi:hi]
		var norm float64
		for i, lid := range ids {
			id := lid
			if trans != nil {
				id = trans[lid]
				ids[i] = id
			}
			w := (1 + math.Log(float64(ws[i]))) * m.idf[id]
			ws[i] = float32(w)
			norm += w * w
		}
		if norm > 0 {
			inv := 1 / math.Sqrt(norm)
			for i := range ws {
				ws[i] = float32(float64(ws[i]) * inv)
			}
		}
		sortTerms(ids, ws)
		m.vecs[ch.lo+k] = sparseVec{ids: ids, ws: ws}
	}
}

// sortTerms sorts ids ascending and keeps ws alongside.
func sortTerms(ids []int32, ws []float32) {
	if len(ids) <= 48 {
		for i := 1; i < len(ids); i++ {
			id, w := ids[i], ws[i]
			j := i
			for ; j > 0 && ids[j-1] > id; j-- {
				ids[j], ws[j] = ids[j-1], ws[j-1]
			}
			ids[j], ws[j] = id, w
		}
		return
	}
	sort.Sort(termsByID{ids, ws})
}

type termsByID struct {
	ids []int32
	ws  []float32
}

func (t termsByID) Len() int           { return len(t.ids) }
func (t termsByID) Less(i, j int) bool { return t.ids[i] < t.ids[j] }
func (t termsByID) Swap(i, j int) {
	t.ids[i], t.ids[j] = t.ids[j], t.ids[i]
	t.ws[i], t.ws[j] = t.ws[j], t.ws[i]
}

// tfidfParallel calls fn(0) … fn(n-1) on up to workers goroutines and returns when all
// calls have returned.
func tfidfParallel(n, workers int, fn func(i int)) {
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
