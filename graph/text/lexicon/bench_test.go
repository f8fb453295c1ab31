package lexicon_test

import (
	"sync"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

// demoTexts returns the title and description of every measure of the demo
// data set, a realistic corpus of German offer descriptions.
var demoTexts = sync.OnceValue(func() []string {
	var out []string
	for _, e := range demo.Demo().Nodes {
		if m, ok := e.(*graph.Measure); ok {
			out = append(out, m.Title+". "+m.Description)
		}
	}
	return out
})

// demoWords returns, per demo text, the words that Analyze keeps, as
// written.
func demoWords(b *testing.B) ([][]string, int) {
	var words [][]string
	n := 0
	for _, s := range demoTexts() {
		var ws []string
		for _, t := range text.Analyze(s) {
			ws = append(ws, s[t.Start:t.End])
		}
		words = append(words, ws)
		n += len(ws)
	}
	if n == 0 {
		b.Fatal("no demo words")
	}
	return words, n
}

// BenchmarkDecompound splits every word of every demo measure's title and
// description once per iteration, with the cache warm (as in a running
// server); ns/word is the cost of one word.
func BenchmarkDecompound(b *testing.B) {
	words, n := demoWords(b)
	for _, ws := range words {
		for _, w := range ws {
			lexicon.Decompound(w)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, ws := range words {
			for _, w := range ws {
				lexicon.Decompound(w)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/word")
}

// BenchmarkDecompoundUncached is BenchmarkDecompound without the cache: the
// cost of a word seen for the first time.
func BenchmarkDecompoundUncached(b *testing.B) {
	words, n := demoWords(b)
	lexicon.LoadTimes()
	b.ResetTimer()
	for b.Loop() {
		for _, ws := range words {
			for _, w := range ws {
				lexicon.DecompoundUncached(w)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/word")
}

// BenchmarkSynsets looks up the synonym sets of every term of every demo
// text once per iteration.
func BenchmarkSynsets(b *testing.B) {
	var terms []string
	for _, s := range demoTexts() {
		terms = append(terms, text.Terms(s)...)
	}
	lexicon.LoadTimes()
	b.ResetTimer()
	found := 0
	for b.Loop() {
		for _, t := range terms {
			found += len(lexicon.Synsets(t))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(terms)), "ns/term")
}

// BenchmarkCharNGrams computes the trigrams of every demo text once per
// iteration.
func BenchmarkCharNGrams(b *testing.B) {
	texts := demoTexts()
	for b.Loop() {
		for _, s := range texts {
			lexicon.CharNGrams(s, 3)
		}
	}
}

// BenchmarkHashCharNGrams is BenchmarkCharNGrams with hashed grams into a
// reused buffer.
func BenchmarkHashCharNGrams(b *testing.B) {
	texts := demoTexts()
	var buf []uint32
	for b.Loop() {
		for _, s := range texts {
			buf = lexicon.HashCharNGrams(buf[:0], s, 3)
		}
	}
}
