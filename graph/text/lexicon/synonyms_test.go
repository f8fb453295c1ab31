package lexicon_test

import (
	"slices"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

// stem returns the single term of word.
func stem(t testing.TB, word string) string {
	t.Helper()
	terms := text.Terms(word)
	if len(terms) != 1 {
		t.Fatalf("Terms(%q) = %q, want one term", word, terms)
	}
	return terms[0]
}

// shareSynset reports whether the stems of a and b share a synonym set.
func shareSynset(t testing.TB, a, b string) bool {
	x, y := lexicon.Synsets(stem(t, a)), lexicon.Synsets(stem(t, b))
	for _, id := range x {
		if _, ok := slices.BinarySearch(y, id); ok {
			return true
		}
	}
	return false
}

func TestSynonyms(t *testing.T) {
	// Pairs checked against OpenThesaurus 2016-04-24: these share a set.
	for _, p := range [][2]string{
		{"Hilfe", "Unterstützung"},
		{"Hilfe", "Beistand"},
		{"Kind", "Nachwuchs"},
		{"Arbeit", "Beschäftigung"},
		{"Arbeit", "Job"},
		{"Wohnung", "Unterkunft"},
		{"Wohnung", "Bleibe"},
		{"Kurs", "Lehrgang"},
		{"Kurs", "Seminar"},
		{"Beratung", "Konsultation"},
		{"Schulden", "Verbindlichkeiten"},
		{"Einkommen", "Verdienst"},
		{"Budget", "Etat"},
		{"Integration", "Eingliederung"},
		{"Flüchtling", "Geflüchtete"},
		{"Sorge", "Kummer"},
		{"Geld", "Mittel"},
		{"nähen", "schneidern"},
	} {
		if !shareSynset(t, p[0], p[1]) {
			t.Errorf("%s and %s share no synonym set", p[0], p[1])
		}
	}
	// Pairs one might expect that the data does not have (or only in a set
	// too large to keep): documented here so that a new thesaurus shows up.
	for _, p := range [][2]string{
		{"Geld", "Finanzen"},
		{"Beratung", "Rat"},
		{"Migration", "Einwanderung"},
		{"Familie", "Haushalt"},
		{"Beratung", "Werkstatt"},
	} {
		if shareSynset(t, p[0], p[1]) {
			t.Errorf("%s and %s share a synonym set; update the documented pairs", p[0], p[1])
		}
	}
}

func TestSynsetsShape(t *testing.T) {
	for _, w := range []string{"Hilfe", "Kind", "Arbeit", "Verbindung"} {
		ids := lexicon.Synsets(stem(t, w))
		if len(ids) == 0 || !slices.IsSorted(ids) {
			t.Errorf("Synsets(%q) = %v, want sorted ids", stem(t, w), ids)
		}
		for _, id := range ids {
			if !slices.Contains(lexicon.SynsetMembers(id), stem(t, w)) {
				t.Errorf("set %d of %q does not contain it: %q", id, w, lexicon.SynsetMembers(id))
			}
		}
	}
	for _, s := range []string{"", "und", "xyzzy", "der"} {
		if ids := lexicon.Synsets(s); ids != nil {
			t.Errorf("Synsets(%q) = %v, want nil", s, ids)
		}
	}
	if m := lexicon.SynsetMembers(-1); m != nil {
		t.Errorf("SynsetMembers(-1) = %q", m)
	}
	if m := lexicon.SynsetMembers(1 << 30); m != nil {
		t.Errorf("SynsetMembers(1<<30) = %q", m)
	}
}

func TestRelated(t *testing.T) {
	r := lexicon.Related("hilf")
	if !slices.IsSorted(r) || slices.Contains(r, "hilf") || !slices.Contains(r, "unterstutz") {
		t.Errorf("Related(hilf) = %q, want sorted, without hilf, with unterstutz", r)
	}
	if r := lexicon.Related("xyzzy"); r != nil {
		t.Errorf("Related(xyzzy) = %q", r)
	}
}
