package duplicates

import (
	"math/bits"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

// tfidfChunk is a run of documents analysed by one worker, with its own vocabularies so that
// workers share nothing while they analyse.
type tfidfChunk struct {
	lo, hi int
	terms  *vocab[string]
	// parts and grams are the vocabularies of compound parts and title trigrams (lexical).
	parts *vocab[string]
	grams *vocab[uint32]
	// dropped[lid] is the document that drops term lid, pdropped the same for parts.
	dropped, pdropped []int32
	// words memoises the analysis of raw text pieces (runs of characters between ASCII
	// white space): the piece's tokens are cached[at : at+n], positions relative to the piece.
	// With the lexical representations, cached token i has the compound parts
	// cparts[partOff[i]:partOff[i+1]] and the trigrams cgrams[gramOff[i]:gramOff[i+1]].
	words            tfidfMemo
	cached           []tfidfToken
	partOff, gramOff []int32
	cparts, cgrams   []int32
	// Documents lo..hi-1 own ids[off[k]:off[k+1]] with their counts in the title (ttf) and in
	// the description (dtf) alongside (k = doc - lo), their parts pids[poff[k]:poff[k+1]]
	// (counts ptf), their title trigrams gids[goff[k]:goff[k+1]] (counts gtf), and, when
	// tokens are kept, toks[tokOff[k]:tokOff[k+1]], the first titleToks[k] of them the
	// title's. Ids are chunk-local until the vocabularies are merged.
	off, ids     []int32
	ttf, dtf     []float32
	poff, pids   []int32
	ptf          []float32
	goff, gids   []int32
	gtf          []float32
	titleEntries int // terms with ttf > 0, summed over the documents
	// The storage of the title's and the description's vectors (weigh).
	tIDs, dIDs        []int32
	tWS, dWS          []float32
	toks              []tfidfToken
	tokOff, titleToks []int32
}

// trigram is the length of the character n-grams of titles.
const trigram = 3

// analyse fills the chunk with the term frequencies of its documents.
func (ch *tfidfChunk) analyse(docs []tfidfDoc, o textOptions) {
	nd := ch.hi - ch.lo
	size := 0 // about one counted word per eight bytes of text
	for d := ch.lo; d < ch.hi; d++ {
		size += (len(docs[d].Title) + len(docs[d].Body)) / 8
	}
	// The buffers of a chunk from the pool are reused (see chunkPool).
	ch.terms = resetVocab(ch.terms, 1024)
	ch.words.init(4096)
	ch.off = append(reuse(ch.off, nd+1), 0)
	ch.ids = reuse(ch.ids, size+nd)
	ch.ttf, ch.dtf = reuse(ch.ttf, size+nd), reuse(ch.dtf, size+nd)
	ch.dropped, ch.pdropped, ch.cached, ch.titleEntries = ch.dropped[:0], ch.pdropped[:0], ch.cached[:0], 0
	if o.keepTokens {
		ch.tokOff = append(reuse(ch.tokOff, nd+1), 0)
		ch.titleToks = reuse(ch.titleToks, nd)
		ch.toks = reuse(ch.toks, size+nd)
	}
	if o.lexical {
		ch.parts, ch.grams = resetVocab(ch.parts, 1024), resetVocab(ch.grams, 4096)
		ch.partOff, ch.gramOff = append(ch.partOff[:0], 0), append(ch.gramOff[:0], 0)
		ch.cparts, ch.cgrams = ch.cparts[:0], ch.cgrams[:0]
		ch.poff, ch.goff = append(reuse(ch.poff, nd+1), 0), append(reuse(ch.goff, nd+1), 0)
		ch.pids, ch.ptf = reuse(ch.pids, size+nd), reuse(ch.ptf, size+nd)
		titles := nd
		for d := ch.lo; d < ch.hi; d++ {
			titles += len(docs[d].Title)
		}
		ch.gids, ch.gtf = reuse(ch.gids, titles), reuse(ch.gtf, titles)
	}
	var grams []uint32 // scratch
	for d := ch.lo; d < ch.hi; d++ {
		doc, d32 := &docs[d], int32(d)
		for _, t := range doc.Drop {
			lid := ch.terms.id(t)
			ch.dropped = grow(ch.dropped, len(ch.terms.keys))
			ch.dropped[lid] = d32
			if o.lexical {
				plid := ch.parts.id(t)
				ch.pdropped = grow(ch.pdropped, len(ch.parts.keys))
				ch.pdropped[plid] = d32
			}
		}
		from := len(ch.ids)
		for field, s := range [2]string{doc.Title, doc.Body} {
			if field == 1 && o.keepTokens {
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
						ch.cached = append(ch.cached, tfidfSpan(ch.terms.id(tok.Term), tok.Start, tok.End))
						if o.lexical {
							grams = ch.lexical(s[i+tok.Start:i+tok.End], tok.Term, grams)
						}
					}
					slot = ch.words.add(slot, h, s[i:j], [2]int32{at, int32(len(ch.cached)) - at})
					ch.dropped = grow(ch.dropped, len(ch.terms.keys))
				}
				span := ch.words.slots[slot].span
				for c := span[0]; c < span[0]+span[1]; c++ {
					tok := ch.cached[c]
					lid := tok.id
					if ch.dropped[lid] == d32 {
						continue
					}
					if o.keepTokens {
						if tok.end == 0 {
							ch.toks = append(ch.toks, tok)
						} else {
							ch.toks = append(ch.toks, tfidfSpan(lid, i+int(tok.start), i+int(tok.end)))
						}
					}
					ch.countTerm(lid, d32, field)
					if o.lexical {
						for _, p := range ch.cparts[ch.partOff[c]:ch.partOff[c+1]] {
							if ch.pdropped[p] != d32 {
								ch.parts.count(p, d32, &ch.pids, &ch.ptf)
							}
						}
						if field == 0 {
							for _, g := range ch.cgrams[ch.gramOff[c]:ch.gramOff[c+1]] {
								ch.grams.count(g, d32, &ch.gids, &ch.gtf)
							}
						}
					}
				}
				i = j
			}
		}
		for _, t := range ch.ttf[from:] {
			if t > 0 {
				ch.titleEntries++
			}
		}
		ch.off = append(ch.off, int32(len(ch.ids)))
		if o.keepTokens {
			ch.tokOff = append(ch.tokOff, int32(len(ch.toks)))
		}
		if o.lexical {
			ch.poff = append(ch.poff, int32(len(ch.pids)))
			ch.goff = append(ch.goff, int32(len(ch.gids)))
		}
	}
}

// reuse returns s emptied when it can hold n elements, else a new slice that can.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// chunkPool keeps analysed chunks whose region is done, so that the next region reuses their
// buffers: at nation scale (400 regions) that spares the collector gigabytes.
var chunkPool sync.Pool

// getChunk returns a chunk for documents lo..hi-1, from the pool when it has one.
func getChunk(lo, hi int) *tfidfChunk {
	ch, _ := chunkPool.Get().(*tfidfChunk)
	if ch == nil {
		ch = &tfidfChunk{}
	}
	ch.lo, ch.hi = lo, hi
	return ch
}

// countTerm counts one occurrence of term lid in document doc's title (field 0) or
// description.
func (ch *tfidfChunk) countTerm(lid, doc int32, field int) {
	v := ch.terms
	if v.mark[lid] != doc {
		v.mark[lid], v.pos[lid] = doc, int32(len(ch.ids))
		ch.ids = append(ch.ids, lid)
		ch.ttf, ch.dtf = append(ch.ttf, 0), append(ch.dtf, 0)
		v.df[lid]++
	}
	if field == 0 {
		ch.ttf[v.pos[lid]]++
	} else {
		ch.dtf[v.pos[lid]]++
	}
}

// lexical caches the compound parts and the trigrams of one word of a new piece (term is its
// stem), after the tokens cached so far; grams is scratch space, returned grown.
func (ch *tfidfChunk) lexical(word, term string, grams []uint32) []uint32 {
	parts := lexicon.Decompound(word)
	if len(parts) == 0 {
		parts = []string{term}
	}
	for _, p := range parts {
		ch.cparts = append(ch.cparts, ch.parts.id(p))
	}
	ch.pdropped = grow(ch.pdropped, len(ch.parts.keys))
	ch.partOff = append(ch.partOff, int32(len(ch.cparts)))
	grams = lexicon.HashCharNGrams(grams[:0], word, trigram)
	for _, g := range grams {
		ch.cgrams = append(ch.cgrams, ch.grams.id(g))
	}
	ch.gramOff = append(ch.gramOff, int32(len(ch.cgrams)))
	return grams
}

// grow extends marks with -1 to n entries.
func grow(marks []int32, n int) []int32 {
	for len(marks) < n {
		marks = append(marks, -1)
	}
	return marks
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
	n := 1 << bits.Len(uint(2*size))
	if len(m.slots) >= n {
		clear(m.slots) // reused: it may have grown beyond n
	} else {
		m.slots = make([]tfidfMemoSlot, n)
	}
	m.n = 0
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
