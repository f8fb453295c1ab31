package lexicon_test

import (
	"hash/fnv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

func TestCharNGrams(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want []string
	}{
		{"Hilfe", 3, []string{"_hi", "hil", "ilf", "lfe", "fe_"}},
		{"Hilfe für die Familie", 4, []string{"_hil", "hilf", "ilfe", "lfe_", "_fam", "fami", "amil", "mili", "ilie", "lie_"}},
		{"Kurs", 6, []string{"_kurs_"}},
		{"Kurs", 9, []string{"_kurs_"}},
		{"Übung Straße", 3, []string{"_ub", "ubu", "bun", "ung", "ng_", "_st", "str", "tra", "ras", "ass", "sse", "se_"}},
		{"A1-Kurs", 3, []string{"_a1", "a1_", "_ku", "kur", "urs", "rs_"}},
		{"Ελλάδα", 3, []string{"_ελ", "ελλ", "λλα", "λαδ", "αδα", "δα_"}},
		{"x y z der und", 3, nil},
		{"", 3, nil},
		{"Hilfe", 0, nil},
		{"ab", 1, []string{"_", "a", "b", "_"}},
	} {
		if got := lexicon.CharNGrams(c.s, c.n); !cmp.Equal(got, c.want) {
			t.Errorf("CharNGrams(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

func TestCharNGramsSpellingVariants(t *testing.T) {
	// Transliterations give the same grams; a typo shares most of them.
	a, b := lexicon.CharNGrams("Schülerberatung", 3), lexicon.CharNGrams("Schuelerberatung", 3)
	if !cmp.Equal(a, b) {
		t.Errorf("%q != %q", a, b)
	}
	c := lexicon.CharNGrams("Schülerbratung", 3)
	shared := 0
	set := map[string]bool{}
	for _, g := range a {
		set[g] = true
	}
	for _, g := range c {
		if set[g] {
			shared++
		}
	}
	if shared < len(c)-3 {
		t.Errorf("a typo shares only %d of %d grams", shared, len(c))
	}
}

func TestHashCharNGrams(t *testing.T) {
	for _, s := range []string{"Hilfe für die Familie", "Übung Straße", "Ελλάδα", "Kurs", strings.Repeat("Beratung", 20) + " x"} {
		for n := 1; n <= 5; n++ {
			var want []uint32
			for _, g := range lexicon.CharNGrams(s, n) {
				h := fnv.New32a()
				h.Write([]byte(g))
				want = append(want, h.Sum32())
			}
			if got := lexicon.HashCharNGrams(nil, s, n); !cmp.Equal(got, want) {
				t.Errorf("HashCharNGrams(%q, %d) = %v, want the FNV-1a hashes of CharNGrams: %v", s, n, got, want)
			}
		}
	}
	buf := make([]uint32, 0, 64)
	if allocs := testing.AllocsPerRun(100, func() { buf = lexicon.HashCharNGrams(buf[:0], "hilfe fur familien", 3) }); allocs != 0 {
		t.Errorf("HashCharNGrams allocates %v times", allocs)
	}
}
