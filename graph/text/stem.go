package text

import (
	"sync"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
)

// StemFolded returns the stem that Analyze gives a word whose folded form is
// folded: truncated to MaxTermBytes and stemmed exactly as in steps 4 and 5
// of the package documentation, but without the stop word and length
// filters of step 3. folded must already be folded (see [Fold]) and be a
// single word; it is not folded again, because a piece of a folded word is
// not always a fixed point of Fold (the "uen" of "frauen" would fold to
// "un"). That is what a compound splitter needs: it stems pieces of a folded
// word and must get the stems Analyze gives the same pieces as words of their
// own.
//
// StemFolded does not use or fill the stem cache, so that pieces tried and
// rejected by such a splitter do not evict the vocabulary of real documents;
// callers that stem the same strings repeatedly should memoise.
func StemFolded(folded string) string {
	if len(folded) > MaxTermBytes {
		n := MaxTermBytes
		for !utf8.RuneStart(folded[n]) {
			n--
		}
		folded = folded[:n]
	}
	if !mayHaveSuffix(folded) {
		return folded
	}
	a := analyzerPool.Get().(*analyzer)
	t := a.stem(folded)
	analyzerPool.Put(a)
	return t
}

// analyzerPool recycles the Snowball environments of StemFolded.
var analyzerPool = sync.Pool{New: func() any { return &analyzer{env: snowball.NewEnv("")} }}
