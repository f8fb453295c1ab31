package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// Boundary is the character that marks the start and the end of each word
// in the n-grams of [CharNGrams]; it cannot occur inside a word.
const Boundary = '_'

// CharNGrams returns the character n-grams of the words of s, for telling
// spelling variants and typos apart from different words: s is folded (see
// graph/text.Fold), split into words as graph/text's Analyze splits it, stop
// words and one-letter words are dropped, and each remaining word w gives
// the n-grams (n characters, not bytes) of "_w_", the word with its
// boundaries marked by [Boundary]. A word shorter than n-2 characters gives
// "_w_" as its only gram. CharNGrams("Hilfe", 3) is [_hi hil ilf lfe fe_].
// Grams come in order of appearance, duplicates kept; nil if n < 1 or s
// has no word.
//
// The grams share one backing string, so the call costs at most three
// allocations whatever the length of s; [HashCharNGrams] costs none.
func CharNGrams(s string, n int) []string {
	if n < 1 {
		return nil
	}
	f := text.Fold(s)
	// One string holds every padded word, "_w1__w2_"; the grams are its
	// substrings. Each word is at least two bytes long, so the markers at
	// most double the length.
	var b strings.Builder
	b.Grow(2*len(f) + 2)
	ws := words{f: f}
	for w := ws.next(); w != ""; w = ws.next() {
		b.WriteByte(Boundary)
		b.WriteString(w)
		b.WriteByte(Boundary)
	}
	all := b.String()
	if all == "" {
		return nil
	}
	grams := make([]string, 0, len(all))
	for i := 0; i < len(all); {
		j := i + 1 + strings.IndexByte(all[i+1:], Boundary) // the closing marker
		grams = appendGrams(grams, all[i:j+1], n)
		i = j + 1
	}
	return grams
}

// appendGrams appends the n-grams of the padded word p to grams.
func appendGrams(grams []string, p string, n int) []string {
	var starts [text.MaxTermBytes + 3]int
	k := 0
	for i := range p {
		starts[k] = i
		k++
	}
	if k <= n {
		return append(grams, p)
	}
	starts[k] = len(p)
	for i := 0; i+n <= k; i++ {
		grams = append(grams, p[starts[i]:starts[i+n]])
	}
	return grams
}

// HashCharNGrams appends to dst the 32-bit FNV-1a hashes of the n-grams that
// CharNGrams(s, n) returns, in the same order, and returns dst. It allocates
// nothing when dst has room (and s is folded already or ASCII lower-case,
// see graph/text.Fold); hashes of different grams may collide, rarely.
func HashCharNGrams(dst []uint32, s string, n int) []uint32 {
	if n < 1 {
		return dst
	}
	ws := words{f: text.Fold(s)}
	for w := ws.next(); w != ""; w = ws.next() {
		// The rune starts of the padded word "_w_": the marker, w's runes,
		// the marker; hash every window of n of them.
		var starts [text.MaxTermBytes + 3]int
		k := 1
		for i := range w {
			starts[k] = i + 1
			k++
		}
		starts[k] = len(w) + 1
		k++
		starts[k] = len(w) + 2
		if k <= n {
			dst = append(dst, hashPadded(w, 0, len(w)+2))
			continue
		}
		for i := 0; i+n <= k; i++ {
			dst = append(dst, hashPadded(w, starts[i], starts[i+n]))
		}
	}
	return dst
}

// hashPadded returns the FNV-1a hash of bytes [from,to) of "_"+w+"_"
// without building that string.
func hashPadded(w string, from, to int) uint32 {
	const offset, prime = 2166136261, 16777619
	h := uint32(offset)
	for i := from; i < to; i++ {
		var c byte
		switch {
		case i == 0 || i == len(w)+1:
			c = Boundary
		default:
			c = w[i-1]
		}
		h ^= uint32(c)
		h *= prime
	}
	return h
}

// words iterates over the words of the folded text f that Analyze would
// keep: maximal runs of letters, digits and marks, without stop words and
// one-letter words, truncated to text.MaxTermBytes at a character boundary.
// It is a plain struct rather than a callback so that the callers' buffers
// do not escape to the heap.
type words struct {
	f string
	i int
}

// next returns the next word, or "" at the end.
func (ws *words) next() string {
	f := ws.f
	for ws.i < len(f) {
		i := ws.i
		for i < len(f) {
			r, size := utf8.DecodeRuneInString(f[i:])
			if isWordRune(r) {
				break
			}
			i += size
		}
		start := i
		for i < len(f) {
			r, size := utf8.DecodeRuneInString(f[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		ws.i = i
		w := f[start:i]
		if w == "" || utf8.RuneCountInString(w) < 2 || text.IsStopWord(w) {
			continue
		}
		if len(w) > text.MaxTermBytes {
			n := text.MaxTermBytes
			for !utf8.RuneStart(w[n]) {
				n--
			}
			w = w[:n]
		}
		return w
	}
	return ""
}

// isWordRune is graph/text's definition of a word character, for folded
// text (which has no joiners left).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
