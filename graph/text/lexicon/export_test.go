package lexicon

import (
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// DecompoundUncached is Decompound without the cache, for benchmarks.
func DecompoundUncached(word string) []string {
	f := text.Fold(word)
	d := partSet()
	var out []string
	for _, p := range decompound(d, f, false, d.lookup(f)&classWord != 0, nil) {
		out = append(out, strings.Clone(p.stem))
	}
	return out
}
