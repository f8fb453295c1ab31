package duplicates

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
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
	// vecs holds one vector per document, in input order: the stems of title and description
	// together, title words counting TitleWeight times.
	vecs []sparseVec
	// tokens holds, when asked for, the words of each document that count (not stop words,
	// not dropped), with corpus-wide term ids: first the title's, then the description's;
	// titleTokens says how many are the title's.
	tokens      [][]tfidfToken
	titleTokens []int32
	// With the lexical representations (textOptions.lexical), per document: the stems of the
	// title alone and of the description alone (weighed with the same idf), the compound
	// parts of every word, and the character trigrams of the title's words.
	title, desc []sparseVec
	parts       textRepr
	grams       textRepr
	// chunks hold the vectors' storage until release.
	chunks []*tfidfChunk
}

// release hands the model's storage back for reuse; the model must not be used after it.
func (m *tfidfModel) release() {
	for _, ch := range m.chunks {
		chunkPool.Put(ch)
	}
	m.chunks = nil
}

// textRepr is a representation of the documents other than their stems, with its own
// vocabulary: ids ordered by df, highest first, then by key.
type textRepr struct {
	// names names every id (the stems of compound parts); nil for trigrams.
	names []string
	df    []int32
	idf   []float64
	vecs  []sparseVec
}

// textOptions configure buildTexts.
type textOptions struct {
	// titleWeight is how many times a title word counts in vecs; at least 1, so that every
	// tf is at least 1 and its logarithm is not negative.
	titleWeight float64
	// workers is the number of goroutines (GOMAXPROCS when < 1).
	workers int
	// keepTokens keeps the documents' tokens; lexical adds title, desc, parts and grams (and
	// keeps the tokens).
	keepTokens, lexical bool
}

// tfidfChunkSize is the smallest number of documents worth a worker of its own.
const tfidfChunkSize = 512

// buildTFIDF analyses docs and weighs their stems (see buildTexts).
func buildTFIDF(docs []tfidfDoc, titleWeight float64, workers int, keepTokens bool) *tfidfModel {
	return buildTexts(docs, textOptions{titleWeight: titleWeight, workers: workers, keepTokens: keepTokens})
}

// buildTexts analyses docs and weighs their terms.
func buildTexts(docs []tfidfDoc, o textOptions) *tfidfModel {
	workers := o.workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	o.keepTokens = o.keepTokens || o.lexical
	n := len(docs)
	nchunks := max(1, min(workers, n/tfidfChunkSize))
	chunks := make([]*tfidfChunk, nchunks)
	for c := range chunks {
		chunks[c] = getChunk(c*n/nchunks, (c+1)*n/nchunks)
	}
	tfidfParallel(nchunks, workers, func(c int) { chunks[c].analyse(docs, o) })

	m := &tfidfModel{chunks: chunks}
	termVocabs := make([]*vocab[string], nchunks)
	for c, ch := range chunks {
		termVocabs[c] = ch.terms
	}
	var trans, partTrans, gramTrans [][]int32
	m.terms, m.df, trans = mergeVocabs(termVocabs)
	m.idf = smoothIDF(m.df, n)
	m.vecs = make([]sparseVec, n)
	if o.keepTokens {
		m.tokens, m.titleTokens = make([][]tfidfToken, n), make([]int32, n)
	}
	if o.lexical {
		partVocabs, gramVocabs := make([]*vocab[string], nchunks), make([]*vocab[uint32], nchunks)
		for c, ch := range chunks {
			partVocabs[c], gramVocabs[c] = ch.parts, ch.grams
		}
		m.parts.names, m.parts.df, partTrans = mergeVocabs(partVocabs)
		_, m.grams.df, gramTrans = mergeVocabs(gramVocabs)
		m.parts.idf, m.grams.idf = smoothIDF(m.parts.df, n), smoothIDF(m.grams.df, n)
		m.title, m.desc = make([]sparseVec, n), make([]sparseVec, n)
		m.parts.vecs, m.grams.vecs = make([]sparseVec, n), make([]sparseVec, n)
	}
	tfidfParallel(nchunks, workers, func(c int) {
		var pt, gt []int32
		if o.lexical {
			pt, gt = partTrans[c], gramTrans[c]
		}
		chunks[c].weigh(m, o.titleWeight, trans[c], pt, gt)
	})
	return m
}

// weigh turns the chunk's counts into normalised vectors with corpus-wide ids (trans, pt and
// gt map the chunk's term, part and trigram ids to them).
func (ch *tfidfChunk) weigh(m *tfidfModel, titleWeight float64, trans, pt, gt []int32) {
	lexical := m.title != nil
	var tIDs, dIDs []int32
	var tWS, dWS []float32
	if lexical {
		ch.tIDs, ch.tWS = reuse(ch.tIDs, ch.titleEntries), reuse(ch.tWS, ch.titleEntries)
		ch.dIDs, ch.dWS = reuse(ch.dIDs, len(ch.ids)), reuse(ch.dWS, len(ch.ids))
		tIDs, tWS, dIDs, dWS = ch.tIDs, ch.tWS, ch.dIDs, ch.dWS
	}
	for k := range ch.hi - ch.lo {
		d := ch.lo + k
		lo, hi := ch.off[k], ch.off[k+1]
		ids, ttf, dtf := ch.ids[lo:hi:hi], ch.ttf[lo:hi:hi], ch.dtf[lo:hi:hi]
		for i, lid := range ids {
			ids[i] = trans[lid]
		}
		if lexical {
			// The title's and the description's own vectors, before ttf is reused below.
			t0, d0 := len(tIDs), len(dIDs)
			for i, id := range ids {
				if ttf[i] > 0 {
					tIDs, tWS = append(tIDs, id), append(tWS, ttf[i])
				}
				if dtf[i] > 0 {
					dIDs, dWS = append(dIDs, id), append(dWS, dtf[i])
				}
			}
			m.title[d] = weighVec(tIDs[t0:len(tIDs):len(tIDs)], tWS[t0:len(tWS):len(tWS)], nil, m.idf)
			m.desc[d] = weighVec(dIDs[d0:len(dIDs):len(dIDs)], dWS[d0:len(dWS):len(dWS)], nil, m.idf)
			plo, phi := ch.poff[k], ch.poff[k+1]
			m.parts.vecs[d] = weighVec(ch.pids[plo:phi:phi], ch.ptf[plo:phi:phi], pt, m.parts.idf)
			glo, ghi := ch.goff[k], ch.goff[k+1]
			m.grams.vecs[d] = weighVec(ch.gids[glo:ghi:ghi], ch.gtf[glo:ghi:ghi], gt, m.grams.idf)
		}
		// The stems of title and description together: tf = TitleWeight · title + description.
		ws := ttf
		for i := range ids {
			ws[i] = float32(titleWeight*float64(ttf[i]) + float64(dtf[i]))
		}
		m.vecs[d] = weighVec(ids, ws, nil, m.idf)
		if m.tokens != nil {
			lo, hi := ch.tokOff[k], ch.tokOff[k+1]
			toks := ch.toks[lo:hi:hi]
			for i := range toks {
				toks[i].id = trans[toks[i].id]
			}
			m.tokens[d], m.titleTokens[d] = toks, ch.titleToks[k]
		}
	}
}

// sortTerms sorts ids ascending and keeps ws alongside.
func sortTerms(ids []int32, ws []float32) {
	if len(ids) <= 16 {
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
	// Longer vectors: id and weight packed into one key (ids are distinct and not negative),
	// sorted without an interface.
	var buf [128]uint64
	keys := buf[:0]
	if len(ids) > len(buf) {
		keys = make([]uint64, 0, len(ids))
	}
	for i, id := range ids {
		keys = append(keys, uint64(id)<<32|uint64(math.Float32bits(ws[i])))
	}
	slices.Sort(keys)
	for i, k := range keys {
		ids[i], ws[i] = int32(k>>32), math.Float32frombits(uint32(k))
	}
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
