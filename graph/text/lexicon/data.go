package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

//go:generate go run ./gen -out data

// The derived data files; see data/README.md for their sources, rules and
// licences, and gen/main.go for the program that writes them.
var (
	//go:embed data/parts.txt.gz
	partsGz []byte
	//go:embed data/synsets.txt.gz
	synsetsGz []byte
)

// Word classes of the parts file, a bit each (see gen/main.go).
const (
	classNoun    = 1 // a form of a noun
	classOther   = 2 // a form of another word (verb, adjective, adverb)
	classInitial = 4 // a compound-initial form that is no word of its own
	classWord    = classNoun | classOther
)

// wordSet is a sorted set of folded words with their classes, stored in one
// string as the lines of the parts file: line i is "word c\n", c the class
// digit; it starts at off[i] and ends before off[i+1]. It costs 4 bytes a
// word beyond the text and loads without allocating a string per word.
type wordSet struct {
	blob string
	off  []uint32
	// first2 is the range of the entries that start with the two bytes
	// b0, b1: entries first2[b0<<8|b1] to first2[b0<<8|b1 + 1] (all entries
	// have at least three bytes). It spares the prefix walk the first 36
	// steps of binary search.
	first2 []uint32
}

// newWordSet parses the lines "word c" of the parts file, sorted by word
// and distinct; lines starting with # are comments and must come first.
func newWordSet(data string) (wordSet, error) {
	for strings.HasPrefix(data, "#") {
		_, rest, _ := strings.Cut(data, "\n")
		data = rest
	}
	s := wordSet{blob: data, off: make([]uint32, 0, strings.Count(data, "\n")+1)}
	var prev string
	for i := 0; i < len(data); {
		j := strings.IndexByte(data[i:], '\n')
		if j < 0 {
			return wordSet{}, fmt.Errorf("lexicon: last line not terminated")
		}
		line := data[i : i+j]
		if len(line) < 5 || line[len(line)-2] != ' ' || line[len(line)-1] < '1' || line[len(line)-1] > '7' {
			return wordSet{}, fmt.Errorf("lexicon: line %q is not \"word class\" with a word of at least 3 bytes", line)
		}
		w := line[:len(line)-2]
		if len(s.off) > 0 && w <= prev {
			return wordSet{}, fmt.Errorf("lexicon: %q after %q: lines not sorted and distinct", w, prev)
		}
		prev = w
		s.off = append(s.off, uint32(i))
		i += j + 1
	}
	s.off = append(s.off, uint32(len(data)))
	s.first2 = make([]uint32, 1<<16+1)
	for i := 0; i < s.len(); i++ {
		w := s.at(i)
		s.first2[int(w[0])<<8|int(w[1])+1]++
	}
	for i := 1; i < len(s.first2); i++ {
		s.first2[i] += s.first2[i-1]
	}
	return s, nil
}

// len returns the number of entries.
func (s *wordSet) len() int { return len(s.off) - 1 }

// at returns the word of entry i.
func (s *wordSet) at(i int) string { return s.blob[s.off[i] : s.off[i+1]-3] }

// class returns the classes of entry i.
func (s *wordSet) class(i int) byte { return s.blob[s.off[i+1]-2] - '0' }

// lookup returns the classes of w, or 0 if w is not in the set.
func (s *wordSet) lookup(w string) byte {
	i := s.search(0, s.len(), func(e string) bool { return e >= w })
	if i < s.len() && s.at(i) == w {
		return s.class(i)
	}
	return 0
}

// prefixes calls fn for every k > 2, in increasing order, such that some
// entry starts with w[:k], with the range [lo,hi) of those entries; the
// entry equal to w[:k], if there is one, is entry lo. It narrows the range
// one byte at a time and stops as soon as it is empty.
func (s *wordSet) prefixes(w string, fn func(k, lo, hi int)) {
	if len(w) < 3 {
		return
	}
	i := int(w[0])<<8 | int(w[1])
	lo, hi := int(s.first2[i]), int(s.first2[i+1])
	for k := 3; k <= len(w) && lo < hi; k++ {
		// Entries in [lo,hi) all start with w[:k-1]; those starting with
		// w[:k] are the contiguous run whose byte k-1 is w[k-1]. An entry
		// equal to w[:k-1] has no byte k-1 and sorts first.
		c := w[k-1]
		lo, hi = s.narrow(lo, hi, k-1, c)
		if lo < hi {
			fn(k, lo, hi)
		}
	}
}

// narrow returns the range of the entries in [lo,hi), which share their
// first i bytes, whose byte i is c.
func (s *wordSet) narrow(lo, hi, i int, c byte) (int, int) {
	// First entry with a byte i of at least c (shorter entries sort first).
	a, b := lo, hi
	for a < b {
		m := int(uint(a+b) >> 1)
		start, end := int(s.off[m]), int(s.off[m+1])-3
		if end-start > i && s.blob[start+i] >= c {
			b = m
		} else {
			a = m + 1
		}
	}
	lo = a
	// First entry with a byte i greater than c; all in [lo,hi) have one.
	b = hi
	for a < b {
		m := int(uint(a+b) >> 1)
		if s.blob[int(s.off[m])+i] > c {
			b = m
		} else {
			a = m + 1
		}
	}
	return lo, a
}

// lookupIn returns the classes of the entry prefix+suffix, where [lo,hi)
// is the range of the entries starting with prefix (of length k), or 0.
func (s *wordSet) lookupIn(lo, hi, k int, suffix string) byte {
	i := s.search(lo, hi, func(e string) bool { return e[k:] >= suffix })
	if i < hi && s.at(i)[k:] == suffix {
		return s.class(i)
	}
	return 0
}

// search returns the first index in [lo,hi) whose entry satisfies ok, or
// hi; ok must be false then true over the range.
func (s *wordSet) search(lo, hi int, ok func(string) bool) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ok(s.at(m)) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// gunzip returns the decompressed content of a gzip file of one member.
func gunzip(gz []byte) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if len(gz) >= 4 { // the trailer ends with the length mod 2^32
		b.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])))
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	return b.String(), zr.Close()
}

// data holds the loaded resources. Each is loaded on first use.
var (
	partsOnce sync.Once
	parts     wordSet
	partsTime time.Duration

	synOnce sync.Once
	syn     *synonyms
	synTime time.Duration
)

// partSet returns the word forms that may be parts of a compound, loading them on
// first use. The embedded file is written by the generator and checked by
// the tests, so a failure to load it is a programming error.
func partSet() *wordSet {
	partsOnce.Do(func() {
		start := time.Now()
		raw, err := gunzip(partsGz)
		if err == nil {
			parts, err = newWordSet(raw)
		}
		if err != nil {
			panic("lexicon: embedded data/parts.txt.gz: " + err.Error())
		}
		partsTime = time.Since(start)
	})
	return &parts
}

// LoadTimes loads every resource not loaded yet and returns the time each
// took to load on first use: the compound parts and the synonym sets. It is
// for tests, benchmarks and start-up logs.
func LoadTimes() (parts, synonyms time.Duration) {
	partSet()
	synSet()
	return partsTime, synTime
}
