package duplicates

import (
	"cmp"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
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

// tfidfToken is one analysed word of a document that counts for its vector: its term id
// and where it stands in its text (byte offsets; both 0 past 65,535 bytes, which no valid
// title or description reaches).
type tfidfToken struct {
	id         int32
	start, end uint16
}

// tfidfSpan returns the token with its offsets, or without them when they do not fit.
func tfidfSpan(id int32, start, end int) tfidfToken {
	if end > math.MaxUint16 {
		return tfidfToken{id: id}
	}
	return tfidfToken{id: id, start: uint16(start), end: uint16(end)}
}

// tfidfModel is the TF-IDF model of one corpus.
type tfidfModel struct {
	// terms names every term id; df and idf are indexed by term id. Ids are ordered by df,
	// highest first, then by term. A term that only occurs in Drop lists has df 0.
	terms []string
	df    []int32
	idf   []float64
	// vecs holds one vector per document, in input order.
	vecs []sparseVec
	// tokens holds, when asked for, the words of each document that count (not stop words,
	// not dropped), with corpus-wide term ids: first the title's, then the description's;
	// titleTokens says how many are the title's.
	tokens      [][]tfidfToken
	titleTokens []int32
}

// tfidfChunk is a run of documents analysed by one worker, with its own vocabulary so that
// workers share nothing while they analyse.
type tfidfChunk struct {
	lo, hi int
	vocab  map[string]int32
	terms  []string
	df     []int32
	// words memoises the analysis of raw text pieces (runs of characters between ASCII
	// white space): the piece's tokens are cached[at : at+n], positions relative to the piece.
	words  tfidfMemo
	cached []tfidfToken
	// Documents lo..hi-1 own ids[off[k]:off[k+1]] and tf alongside (k = doc - lo), and, when
	// tokens are kept, toks[tokOff[k]:tokOff[k+1]], the first titleToks[k] of them the
	// title's. Ids are chunk-local until the vocabularies are merged.
	off       []int32
	ids       []int32
	tf        []float32
	toks      []tfidfToken
	tokOff    []int32
	titleToks []int32
}

// tfidfChunkSize is the smallest number of documents worth a worker of its own.
const tfidfChunkSize = 512

// buildTFIDF analyses docs and weighs their terms. It uses up to workers goroutines
// (GOMAXPROCS when workers < 1) and keeps the documents' tokens when keepTokens is set.
// titleWeight must be at least 1, so that every tf is at least 1 and its logarithm is not
// negative.
func buildTFIDF(docs []tfidfDoc, titleWeight float64, workers int, keepTokens bool) *tfidfModel {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	n := len(docs)
	nchunks := max(1, min(workers, n/tfidfChunkSize))
	chunks := make([]*tfidfChunk, nchunks)
	for c := range chunks {
		chunks[c] = &tfidfChunk{lo: c * n / nchunks, hi: (c + 1) * n / nchunks}
	}
	tfidfParallel(nchunks, workers, func(c int) { chunks[c].analyse(docs, titleWeight, keepTokens) })

	// One vocabulary for the corpus: the first chunk's terms, then the others' new ones.
	terms, df := chunks[0].terms, chunks[0].df
	merged := make([][]int32, nchunks)
	if nchunks > 1 {
		vocab := chunks[0].vocab
		terms = append([]string(nil), terms...)
		df = append([]int32(nil), df...)
		for c := 1; c < nchunks; c++ {
			ch := chunks[c]
			tr := make([]int32, len(ch.terms))
			for lid, t := range ch.terms {
				gid, ok := vocab[t]
				if !ok {
					gid = int32(len(terms))
					vocab[t] = gid
					terms = append(terms, t)
					df = append(df, 0)
				}
				df[gid] += ch.df[lid]
				tr[lid] = gid
			}
			merged[c] = tr
		}
	}
	// Term ids in canonical order: the most frequent first, then alphabetical. The ids, and
	// so every vector, do not depend on how the documents were split among workers, and a
	// vector's leading entries are its most common words (see dupRun.scoreBlock).
	order := make([]int32, len(terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if df[x] != df[y] {
			return cmp.Compare(df[y], df[x])
		}
		return strings.Compare(terms[x], terms[y])
	})
	canon := make([]int32, len(terms))
	m := &tfidfModel{terms: make([]string, len(terms)), df: make([]int32, len(terms))}
	for id, old := range order {
		canon[old] = int32(id)
		m.terms[id], m.df[id] = terms[old], df[old]
	}
	trans := make([][]int32, nchunks)
	for c := range chunks {
		tr := make([]int32, len(chunks[c].terms))
		for lid := range tr {
			if merged[c] != nil {
				tr[lid] = canon[merged[c][lid]]
			} else {
				tr[lid] = canon[lid]
			}
		}
		trans[c] = tr
	}
	m.idf = make([]float64, len(m.terms))
	for id, df := range m.df {
		m.idf[id] = math.Log(float64(1+n)/float64(1+df)) + 1
	}
	m.vecs = make([]sparseVec, n)
	if keepTokens {
		m.tokens, m.titleTokens = make([][]tfidfToken, n), make([]int32, n)
	}
	tfidfParallel(nchunks, workers, func(c int) { chunks[c].weigh(m, trans[c]) })
	return m
}

// term returns the chunk-local id of term, adding it to the vocabulary.
func (ch *tfidfChunk) term(t string) int32 {
	lid, ok := ch.vocab[t]
	if !ok {
		lid = int32(len(ch.terms))
		ch.vocab[t] = lid
		ch.terms = append(ch.terms, t)
		ch.df = append(ch.df, 0)
	}
	return lid
}

// analyse fills the chunk with the term frequencies of its documents.
func (ch *tfidfChunk) analyse(docs []tfidfDoc, titleWeight float64, keepTokens bool) {
	nd := ch.hi - ch.lo
	size := 0 // about one counted word per eight bytes of text
	for d := ch.lo; d < ch.hi; d++ {
		size += (len(docs[d].Title) + len(docs[d].Body)) / 8
	}
	ch.vocab = make(map[string]int32, 1024)
	ch.words.init(4096)
	ch.off = make([]int32, 1, nd+1)
	ch.ids = make([]int32, 0, size+nd)
	ch.tf = make([]float32, 0, size+nd)
	if keepTokens {
		ch.tokOff = make([]int32, 1, nd+1)
		ch.titleToks = make([]int32, 0, nd)
		ch.toks = make([]tfidfToken, 0, size+nd)
	}
	// For term lid: mark[lid] is the document that last saw it, pos[lid]-1 its entry there,
	// dropped[lid] the document that drops it.
	var mark, pos, dropped []int32
	grow := func() {
		for len(mark) < len(ch.terms) {
			mark, pos, dropped = append(mark, -1), append(pos, 0), append(dropped, -1)
		}
	}
	var tw [2]float32
	tw[0], tw[1] = float32(titleWeight), 1
	for d := ch.lo; d < ch.hi; d++ {
		doc := &docs[d]
		for _, t := range doc.Drop {
			lid := ch.term(t)
			grow()
			dropped[lid] = int32(d)
		}
		for field, s := range [2]string{doc.Title, doc.Body} {
			if field == 1 && keepTokens {
				ch.titleToks = append(ch.titleToks, int32(len(ch.toks))-ch.tokOff[len(ch.tokOff)-1])
			}
			for i := 0; i < len(s); {
				// The next piece between ASCII white space, hashed as it is scanned. Words
				// never cross white space and their analysis does not depend on their
				// neighbours, so a piece's tokens are those of Analyze on the whole text.
				for i < len(s) && asciiSpace[s[i]] {
					i++
				}
				j, h := i, uint64(fnvOffset)
				for j < len(s) && !asciiSpace[s[j]] {
					h = (h ^ uint64(s[j])) * fnvPrime
					j++
				}
				if i == j {
					break
				}
				slot, ok := ch.words.find(h, s[i:j])
				if !ok {
					at := int32(len(ch.cached))
					for _, tok := range text.Analyze(s[i:j]) {
						ch.cached = append(ch.cached, tfidfSpan(ch.term(tok.Term), tok.Start, tok.End))
					}
					slot = ch.words.add(slot, h, s[i:j], [2]int32{at, int32(len(ch.cached)) - at})
					grow()
				}
				span := ch.words.slots[slot].span
				for _, tok := range ch.cached[span[0] : span[0]+span[1]] {
					lid := tok.id
					if dropped[lid] == int32(d) {
						continue
					}
					if keepTokens {
						if tok.end == 0 {
							ch.toks = append(ch.toks, tok)
						} else {
							ch.toks = append(ch.toks, tfidfSpan(lid, i+int(tok.start), i+int(tok.end)))
						}
					}
					if mark[lid] == int32(d) {
						ch.tf[pos[lid]-1] += tw[field]
						continue
					}
					mark[lid] = int32(d)
					ch.ids = append(ch.ids, lid)
					ch.tf = append(ch.tf, tw[field])
					pos[lid] = int32(len(ch.ids))
					ch.df[lid]++
				}
				i = j
			}
		}
		ch.off = append(ch.off, int32(len(ch.ids)))
		if keepTokens {
			ch.tokOff = append(ch.tokOff, int32(len(ch.toks)))
		}
	}
	ch.words, ch.cached = tfidfMemo{}, nil
}

// asciiSpace marks the ASCII white space bytes.
var asciiSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true, '\v': true}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tfidfMemo is a hash table from text pieces to their cached tokens, with open addressing
// and the hash computed by the caller while it scans the piece (a Go map would hash the
// piece again).
type tfidfMemo struct {
	slots []tfidfMemoSlot
	n     int
}

type tfidfMemoSlot struct {
	hash uint64
	key  string
	span [2]int32 // cached[span[0] : span[0]+span[1]]
	used bool
}

func (m *tfidfMemo) init(size int) {
	m.slots, m.n = make([]tfidfMemoSlot, 1<<bits.Len(uint(2*size))), 0
}

// find returns the slot of key, or the free slot where it belongs and false.
func (m *tfidfMemo) find(h uint64, key string) (int, bool) {
	mask := len(m.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		sl := &m.slots[i]
		if !sl.used {
			return i, false
		}
		if sl.hash == h && sl.key == key {
			return i, true
		}
	}
}

// add stores key in the free slot that find returned and returns key's slot, which moves
// when the table grows.
func (m *tfidfMemo) add(slot int, h uint64, key string, span [2]int32) int {
	m.slots[slot] = tfidfMemoSlot{hash: h, key: key, span: span, used: true}
	m.n++
	if 2*m.n <= len(m.slots) {
		return slot
	}
	old := m.slots
	m.slots = make([]tfidfMemoSlot, 2*len(old))
	for _, sl := range old {
		if sl.used {
			i, _ := m.find(sl.hash, sl.key)
			m.slots[i] = sl
		}
	}
	i, _ := m.find(h, key)
	return i
}

// weigh turns the chunk's term frequencies into normalised vectors with corpus-wide ids
// (trans maps the chunk's ids to them).
func (ch *tfidfChunk) weigh(m *tfidfModel, trans []int32) {
	for k := range ch.hi - ch.lo {
		lo, hi := ch.off[k], ch.off[k+1]
		ids, ws := ch.ids[lo:hi:hi], ch.tf[lo:hi:hi]
		var norm float64
		for i, lid := range ids {
			id := trans[lid]
			ids[i] = id
			w := m.idf[id] // tf 1, the common case: 1 + ln 1 = 1
			if tf := ws[i]; tf != 1 {
				w *= 1 + math.Log(float64(tf))
			}
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
		if m.tokens != nil {
			lo, hi := ch.tokOff[k], ch.tokOff[k+1]
			toks := ch.toks[lo:hi:hi]
			for i := range toks {
				toks[i].id = trans[toks[i].id]
			}
			m.tokens[ch.lo+k], m.titleTokens[ch.lo+k] = toks, ch.titleToks[k]
		}
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
