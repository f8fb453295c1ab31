package lexicon

import (
	"slices"
	"strings"
	"time"
)

// synonyms is the loaded thesaurus: the synonym sets, and for each stem the
// ids of the sets it belongs to, stored compactly (compressed sparse rows:
// the ids of the stem with index i are ids[start[i]:start[i+1]]).
type synonyms struct {
	sets  []string          // set id → its stems, space-separated (a line of the file)
	index map[string]uint32 // stem → row
	start []uint32
	ids   []int32
}

// synSet returns the synonym sets, loading them on first use.
func synSet() *synonyms {
	synOnce.Do(func() {
		start := time.Now()
		raw, err := gunzip(synsetsGz)
		if err != nil {
			panic("lexicon: embedded data/synsets.txt.gz: " + err.Error())
		}
		syn = parseSynonyms(raw)
		synTime = time.Since(start)
	})
	return syn
}

// parseSynonyms reads the lines of synsets.txt: a set per line, its stems
// separated by single spaces; the id of a set is its line number, counted
// from 0 after the leading comment lines.
func parseSynonyms(raw string) *synonyms {
	for strings.HasPrefix(raw, "#") {
		_, raw, _ = strings.Cut(raw, "\n")
	}
	s := &synonyms{sets: make([]string, 0, strings.Count(raw, "\n"))}
	for line := range strings.Lines(raw) {
		s.sets = append(s.sets, strings.TrimSuffix(line, "\n"))
	}
	// Two passes: count the sets of each stem, then place the ids. Stems
	// are substrings of raw, so the index allocates no string per stem.
	s.index = make(map[string]uint32, len(s.sets)*5/2)
	var count []uint32
	for _, set := range s.sets {
		for stem := range strings.SplitSeq(set, " ") {
			row, ok := s.index[stem]
			if !ok {
				row = uint32(len(count))
				s.index[stem] = row
				count = append(count, 0)
			}
			count[row]++
		}
	}
	s.start = make([]uint32, len(count)+1)
	for i, c := range count {
		s.start[i+1] = s.start[i] + c
	}
	s.ids = make([]int32, s.start[len(count)])
	next := slices.Clone(s.start[:len(count)])
	for id, set := range s.sets {
		for stem := range strings.SplitSeq(set, " ") {
			row := s.index[stem]
			s.ids[next[row]] = int32(id)
			next[row]++
		}
	}
	return s
}

// Synsets returns the ids of the OpenThesaurus synonym sets that the stem
// belongs to, in increasing order, or nil if it belongs to none. stem is a
// term as graph/text's Analyze or Terms gives it (folded and stemmed), or a
// part from [Decompound]. Two stems are synonyms in some sense when their
// sets intersect: Synsets("hilf") and Synsets("unterstutz") share the set
// {Hilfe, Unterstützung, Beistand, …}.
//
// The result is shared by all callers and must not be modified. Ids are
// stable only for one build of the data (see data/README.md): compare them,
// do not store them.
func Synsets(stem string) []int32 {
	s := synSet()
	row, ok := s.index[stem]
	if !ok {
		return nil
	}
	a, b := s.start[row], s.start[row+1]
	return s.ids[a:b:b]
}

// Related returns the stems that share at least one synonym set with stem,
// sorted and without stem itself, or nil. It is meant for explaining a match
// ("Hilfe ~ Unterstützung") and for tests; scoring should compare
// [Synsets], which costs no allocation.
func Related(stem string) []string {
	var out []string
	for _, id := range Synsets(stem) {
		for t := range strings.SplitSeq(syn.sets[id], " ") {
			if t != stem {
				out = append(out, t)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// SynsetMembers returns the stems of the synonym set with the given id,
// sorted, or nil if there is no such set. It explains a shared id found by
// comparing [Synsets].
func SynsetMembers(id int32) []string {
	s := synSet()
	if id < 0 || int(id) >= len(s.sets) {
		return nil
	}
	return strings.Split(s.sets[id], " ")
}
