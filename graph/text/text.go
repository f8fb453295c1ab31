// Package text analyses German text for full-text search and for
// similarity measures: it splits text into words, folds spelling variants
// (see [Fold]), removes stop words and reduces each word to its stem with the
// Snowball German stemmer. The embedded store's inverted index and the
// duplicate detection both use it, and queries must go through the same
// functions as documents so that their terms meet.
//
// The pipeline of [Analyze], for each word:
//
//  1. Split: a word is a maximal run of letters, digits and combining marks
//     (plus soft hyphens and zero-width joiners); everything else separates
//     words. Hyphenated words therefore give their parts
//     (Eltern-Kind-Gruppe → elt, kind, grupp), "A1" and "2025" stay
//     whole, and e.V. or z.B. fall apart into one-letter words that are
//     dropped.
//  2. Fold (see [Fold]). Folding comes before stemming so that spelling
//     variants reach the stemmer as the same string: the stemmer would turn
//     Schüler into schul but Schueler into schuel.
//  3. Drop words of fewer than two characters (after folding) and stop words
//     (compared in folded form, so für, fuer and Für are all stop words).
//  4. Truncate words longer than [MaxTermBytes] bytes at a character
//     boundary (no such German word exists; such runs are usually codes or
//     unspaced scripts). Truncation, not dropping, keeps them searchable.
//  5. Stem with Snowball German. Words it provably leaves alone (at most
//     three bytes, or not ending in the last letter of one of its suffixes,
//     such as numbers) skip it. Two repairs make
//     regular plural forms meet their singular:
//     if stemming removed a suffix and left a word ending in s, the result
//     is stemmed once more, because Snowball strips the s of Kurs (→ kur)
//     but only the e of Kurse (→ kurs); and a stem ending in -inn of more
//     than four bytes loses the last n, because Snowball leaves Migrantinnen
//     at migrantinn but Migrantin at migrantin.
//
// [StemFolded] runs steps 4 and 5 alone on one folded word, for the compound
// splitter of graph/text/lexicon, which must stem pieces of words exactly as
// Analyze stems whole ones.
//
// Every function here is deterministic, does no I/O and is safe for
// concurrent use. The only shared state is a bounded cache of stems (the
// stemmer dominates the cost of a call; the cache cuts a typical description
// from about 16 µs to about 5 µs). Terms never share memory with the input
// string, so an index may keep them without pinning whole documents.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// MaxTermBytes is the length in bytes to which a folded word is truncated
// before stemming.
const MaxTermBytes = 64

// Token is one analysed word.
type Token struct {
	// Term is the analysed term: folded and stemmed by Analyze, folded only
	// by Words. It is never empty.
	Term string
	// Start and End are the byte offsets of the word in the original input,
	// s[Start:End], for highlighting. They always cover the whole word, even
	// when Term was truncated.
	Start, End int
}

// Analyze splits s into words and returns the analysed, non-stop-word terms
// in order of appearance, with their positions in s. Duplicates are kept (an
// index needs term frequencies). See the package documentation for the steps.
func Analyze(s string) []Token {
	var a analyzer
	return a.run(s, true)
}

// Words splits s into words and folds them, like Analyze, but keeps stop
// words and one-character words and does not stem. Term is the folded word
// (truncated to MaxTermBytes). It serves prefix matching of a word that is
// still being typed ("Die" as the start of "Dienst") and telling apart a
// query that is empty from one made only of stop words.
func Words(s string) []Token {
	var a analyzer
	return a.run(s, false)
}

// Terms returns the Term of each token of Analyze(s).
func Terms(s string) []string {
	toks := Analyze(s)
	if len(toks) == 0 {
		return nil
	}
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = t.Term
	}
	return terms
}

// QueryTerms analyses a search query like a document and returns its
// distinct terms in order of first appearance. It returns nil when the query
// has nothing to search for, i.e. it is empty or consists only of stop words
// and one-character words; callers must then return no hits rather than
// everything. [IsStopWord] and [Words] tell the two cases apart.
func QueryTerms(s string) []string {
	toks := Analyze(s)
	if len(toks) == 0 {
		return nil
	}
	terms := make([]string, 0, len(toks))
	seen := make(map[string]struct{}, len(toks))
	for _, t := range toks {
		if _, dup := seen[t.Term]; !dup {
			seen[t.Term] = struct{}{}
			terms = append(terms, t.Term)
		}
	}
	return terms
}

// IsStopWord reports whether word, folded, is one of the German stop words
// that Analyze drops. It expects a single word, as found by [Words].
func IsStopWord(word string) bool {
	_, ok := stopWords[Fold(word)]
	return ok
}

// analyzer holds the scratch state of one Analyze or Words call. It is not
// shared between calls: the Snowball Env is not safe for concurrent use.
type analyzer struct {
	f       folder
	env     *snowball.Env
	noCache bool // for tests and benchmarks: always run the stemmer
}

func (a *analyzer) run(s string, analyse bool) []Token {
	var scratch [128]byte
	a.f.buf = scratch[:0]
	var toks []Token
	for i := 0; i < len(s); {
		start, end := nextWord(s, i)
		if start == end {
			break
		}
		i = end
		a.f.reset()
		a.f.fold(s[start:end])
		w := a.f.buf
		if len(w) == 0 {
			continue
		}
		if analyse {
			if len(w) < 2 || len(w) < 5 && utf8.RuneCount(w) < 2 {
				continue
			}
			if _, stop := stopWords[string(w)]; stop {
				continue
			}
		}
		if len(w) > MaxTermBytes {
			n := MaxTermBytes
			for !utf8.RuneStart(w[n]) {
				n--
			}
			w = w[:n]
		}
		var term string
		switch {
		case !analyse:
			term = string(w)
		case a.noCache:
			term = a.stem(string(w))
		default:
			var ok bool
			if term, ok = stems.get(w); !ok {
				word := string(w)
				term = a.stem(word)
				stems.put(word, term)
			}
		}
		if term == "" {
			continue
		}
		if toks == nil {
			toks = make([]Token, 0, len(s)/10+1)
		}
		toks = append(toks, Token{Term: term, Start: start, End: end})
	}
	return toks
}

// nextWord returns the byte range of the first word in s at or after i, or
// an empty range if there is none.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		r, size := decode(s, i)
		if isWordRune(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		r, size := decode(s, i)
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return start, i
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || isJoiner(r)
}

// stem reduces a folded word to its stem.
func (a *analyzer) stem(w string) string {
	if !mayHaveSuffix(w) {
		return w
	}
	if a.env == nil {
		a.env = snowball.NewEnv("")
	}
	t := a.snowball(w)
	// Snowball strips a final s only if it is the suffix (Kurs → kur), not
	// when it is left over after removing e/en/es/er/em/ern (Kurse → kurs).
	// Stemming that remainder again gives exactly the stem of the singular,
	// because a stem ending in s offers Snowball no other suffix first.
	if t != w && strings.HasSuffix(t, "s") {
		t = a.snowball(t)
	}
	// Feminine plural -innen leaves -inn (Migrantinnen → migrantinn) where
	// the singular gives -in (Migrantin → migrantin).
	if len(t) > 4 && strings.HasSuffix(t, "inn") {
		t = t[:len(t)-1]
	}
	return t
}

func (a *analyzer) snowball(w string) string {
	a.env.SetCurrent(w)
	german.Stem(a.env)
	return a.env.Current()
}

// mayHaveSuffix reports whether Snowball could change the folded word w. It
// cannot if w is at most three bytes long (its R1 region, where every removed
// suffix must lie, starts after the third character), or if w does not end in
// the last letter of one of its suffixes (e em en ern er es s, en er st est,
// end ung ig ik isch lich heit keit), as digits do. Its other steps (ß → ss,
// marking u and y between vowels and unmarking them, ä/ö/ü → a/o/u) change
// nothing in folded text. Skipping such words saves time only; the test
// TestMayHaveSuffix checks that the result is the same.
func mayHaveSuffix(w string) bool {
	if len(w) <= 3 {
		return false
	}
	switch w[len(w)-1] {
	case 'e', 'm', 'n', 'r', 's', 't', 'd', 'g', 'k', 'h':
		return true
	}
	return false
}
