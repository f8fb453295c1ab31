package lexicon

import (
	"strings"
	"testing"
	"time"
)

func TestLoadTimes(t *testing.T) {
	parts, synonyms := LoadTimes()
	d := partSet()
	s := synSet()
	t.Logf("loaded %d compound parts in %v and %d synonym sets (%d stems) in %v",
		d.len(), parts.Round(time.Millisecond), len(s.sets), len(s.index), synonyms.Round(time.Millisecond))
	if limit := time.Second * raceFactor; parts+synonyms > limit {
		t.Errorf("loading took %v, want under %v", parts+synonyms, limit)
	}
	if d.len() < 300000 || len(s.sets) < 20000 {
		t.Errorf("%d parts and %d synonym sets: the data files look truncated", d.len(), len(s.sets))
	}
}

func TestWordSet(t *testing.T) {
	s, err := newWordSet("# comment\naab 1\naabc 2\naabd 4\nabb 3\n")
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]byte{"aab": 1, "aabc": 2, "aabd": 4, "abb": 3, "a": 0, "aabcd": 0, "c": 0, "": 0} {
		if got := s.lookup(w); got != want {
			t.Errorf("lookup(%q) = %d, want %d", w, got, want)
		}
	}
	var ks []int
	s.prefixes("aabcx", func(k, lo, hi int) {
		if len(s.at(lo)) == k {
			ks = append(ks, k)
		}
	})
	if len(ks) != 2 || ks[0] != 3 || ks[1] != 4 {
		t.Errorf("prefixes(aabcx) found the entries of lengths %v, want [3 4]", ks)
	}
	s.prefixes("aab", func(k, lo, hi int) {
		if k == 3 && (s.lookupIn(lo, hi, 3, "d") != 4 || s.lookupIn(lo, hi, 3, "e") != 0) {
			t.Errorf("lookupIn after aab is wrong")
		}
	})
	for _, bad := range []string{"bbb 1\naaa 1\n", "aaa 1\naaa 2\n", "aaa 1", "aaa\n", "aaa 8\n", "ab 1\n"} {
		if _, err := newWordSet(bad); err == nil {
			t.Errorf("newWordSet(%q) accepted it", bad)
		}
	}
}

func TestPartsData(t *testing.T) {
	// The rules of the generator, checked on the embedded file.
	d := partSet()
	for i := 0; i < d.len(); i += 997 {
		w := d.at(i)
		if len([]rune(w)) < 3 || strings.ToLower(w) != w || d.class(i) == 0 {
			t.Errorf("entry %d: %q class %d", i, w, d.class(i))
		}
	}
	for w, want := range map[string]byte{
		"beratung": classNoun, "sprach": classInitial, "nahen": classOther,
		"und": 0, "der": 0,
	} {
		if got := d.lookup(w); got&want != want || want == 0 && got != 0 {
			t.Errorf("lookup(%q) = %d, want class %d", w, got, want)
		}
	}
}

func BenchmarkLoadParts(b *testing.B) {
	for b.Loop() {
		raw, err := gunzip(partsGz)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := newWordSet(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadSynonyms(b *testing.B) {
	for b.Loop() {
		raw, err := gunzip(synsetsGz)
		if err != nil {
			b.Fatal(err)
		}
		parseSynonyms(raw)
	}
}
