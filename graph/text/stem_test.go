package text

import (
	"strings"
	"testing"
)

func TestStemFoldedMatchesAnalyze(t *testing.T) {
	doc := "Sprachkurse für Schüler und Migrantinnen in der Großen Straße, Beratungsstellen, " +
		"Kurse, Kurs, Lotsen, Gesundheitslotsinnen, Integration, 2025, A1 " + strings.Repeat("x", 100)
	for _, tok := range Analyze(doc) {
		if got := StemFolded(Fold(doc[tok.Start:tok.End])); got != tok.Term {
			t.Errorf("StemFolded(Fold(%q)) = %q, Analyze gives %q", doc[tok.Start:tok.End], got, tok.Term)
		}
	}
	// Stop words and one-letter words are stemmed too, not dropped.
	for in, want := range map[string]string{"unter": "unt", "x": "x", "": "", "uen": "uen"} {
		if got := StemFolded(in); got != want {
			t.Errorf("StemFolded(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStemFoldedLeavesCacheAlone(t *testing.T) {
	w := "zzyzxbeiträgen"
	StemFolded(w)
	if _, ok := stems.get([]byte(w)); ok {
		t.Errorf("StemFolded filled the stem cache")
	}
}
