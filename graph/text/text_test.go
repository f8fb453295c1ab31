package text

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"already folded 2025", "already folded 2025"},
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"GROẞ", "gross"}, // capital sharp s
		{"Schüler", "schuler"},
		{"Schueler", "schuler"},
		{"SCHÜLER", "schuler"},
		{"SCHUELER", "schuler"},
		{"Schu\u0308ler", "schuler"}, // decomposed ü (NFD input)
		{"München", "munchen"},
		{"Muenchen", "munchen"},
		{"Göppingen", "goppingen"},
		{"Goeppingen", "goppingen"},
		{"Ärzte", "arzte"},
		{"Aerzte", "arzte"},
		{"Ueberweisung", "uberweisung"},
		// ue after q is not an umlaut.
		{"Quelle", "quelle"},
		{"Frequenz", "frequenz"},
		// ue/ae/oe after another vowel is not an umlaut (eu, au diphthongs).
		{"Frauen", "frauen"},
		{"Bauer", "bauer"},
		{"neue Steuer", "neue steuer"},
		// The umlaut and its transliteration next to a diphthong agree.
		{"Häuer Haeuer", "hauer hauer"},
		// A run of e after a foldable vowel goes with it (idempotence).
		{"aee", "a"},
		{"Türk Kültür Derneği", "turk kultur dernegi"},
		{"Français Garçon", "francais garcon"},
		{"İstanbul Işık ŞEHİR", "istanbul isik sehir"},
		{"Çağdaş Yaşam", "cagdas yasam"},
		{"Ḥasan ʿAlī", "hasan ʿali"}, // Arabic transliteration: dots and macrons go
		{"Øresund Łódź", "oresund lodz"},
		{"Œuvre Ætna", "ouvre atna"},
		{"Inte\u00adgra\u00adtion", "integration"}, // soft hyphens vanish
		{"a-b c.d", "a-b c.d"},
		{"\xff", "\ufffd"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldHangulCanonicalEquivalence(t *testing.T) {
	composed := "\ud55c\uad6d"                           // 한국, precomposed syllables
	decomposed := "\u1112\u1161\u11ab\u1100\u116e\u11a8" // the same as jamo
	if a, b := Fold(composed), Fold(decomposed); a != b {
		t.Errorf("Fold(composed) = %q, Fold(decomposed) = %q; want equal", a, b)
	}
}

func TestFoldIdempotent(t *testing.T) {
	for _, s := range []string{"Straße", "aeee", "Quelle", "Œuvre", "Ææ", "ueue", "Schu\u0308e", "Frauen", "qae"} {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, Fold = %q", s, twice, once)
		}
	}
}

// analyseOne returns the single term of word, failing if there is not
// exactly one.
func analyseOne(t *testing.T, word string) string {
	t.Helper()
	terms := Terms(word)
	if len(terms) != 1 {
		t.Fatalf("Terms(%q) = %q, want exactly one term", word, terms)
	}
	return terms[0]
}

func TestVariantsMeet(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  string // the common term, as the stemmer gives it
	}{
		{"sharp s", []string{"Straße", "Strasse", "STRASSE", "Straßen"}, "strass"},
		{"plural s after e", []string{"Sprachkurs", "Sprachkurse", "Sprachkursen", "Sprachkurses"}, "sprachkur"},
		{"umlaut and transliteration", []string{"Schüler", "Schueler", "SCHÜLER", "Schülern"}, "schul"},
		{"compound plural", []string{"Integrationskurs", "Integrationskurse"}, "integrationskur"},
		{"-ung plural", []string{"Beratung", "Beratungen"}, "berat"},
		// With a naive ue→u, Frauen would fold to fraun and miss Frau.
		{"au diphthong before -en", []string{"Frauen", "Frau"}, "frau"},
		{"feminine plural", []string{"Migrantinnen", "Migrantin"}, "migrantin"},
		{"city", []string{"München", "Muenchen"}, "munch"},
		{"oe", []string{"Göppingen", "Goeppingen"}, "gopping"},
		{"ae", []string{"Gebäude", "Gebaeude"}, "gebaud"},
		{"genitive", []string{"Verein", "Vereine", "Vereins"}, "verein"},
		{"er plural", []string{"Kind", "Kinder"}, "kind"},
		{"umlaut plural", []string{"Haus", "Häuser", "Hauses"}, "haus"},
		{"Turkish", []string{"Derneği", "Dernegi", "DERNEĞİ"}, "dernegi"},
		{"digits", []string{"2025"}, "2025"},
		{"course level", []string{"B2"}, "b2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.words {
				if got := analyseOne(t, w); got != tt.want {
					t.Errorf("term of %q = %q, want %q", w, got, tt.want)
				}
			}
		})
	}
}

func TestDistinctWordsStayApart(t *testing.T) {
	tests := []struct{ a, b string }{
		// eu is a diphthong, so neuen must not fold to neun.
		{"neuen", "neun"},
		{"Quelle", "Kelle"},
		{"Kurs", "Kunst"},
		{"Frau", "Frucht"},
	}
	for _, tt := range tests {
		if ta, tb := analyseOne(t, tt.a), analyseOne(t, tt.b); ta == tb {
			t.Errorf("%q and %q both give %q", tt.a, tt.b, ta)
		}
	}
}

func TestTurkishName(t *testing.T) {
	got := Terms("Türk Kültür Derneği e.V.")
	want := []string{"turk", "kultur", "dernegi"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func TestStopWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"für die Eltern", []string{"elt"}},
		{"Fuer die Eltern", []string{"elt"}},
		{"FÜR DIE ELTERN", []string{"elt"}},
		{"Beratung für Frauen und Mädchen", []string{"berat", "frau", "madch"}},
		{"Schüler*innen und Lehrer:innen", []string{"schul", "lehr"}},
		{"der", nil},
		{"Der, die, das; dass daß", nil},
		{"Wir sind für Sie da", nil},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStopWordList(t *testing.T) {
	if n := len(stopWords); n < 120 || n > 300 {
		t.Errorf("%d stop words, want roughly 150-250", n)
	}
	for _, w := range strings.Fields(stopWordList) {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
		if got := Terms(w); got != nil {
			t.Errorf("stop word %q analyses to %q", w, got)
		}
	}
	// Words users search for must not be stop words.
	for _, w := range []string{"Frauen", "Kinder", "Eltern", "Beratung", "Sprache", "Arbeit", "Verein", "neu", "Pro", "Asyl", "Kurs"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
}

func TestAnalyzeSplitting(t *testing.T) {
	long := strings.Repeat("ä", 40) // 80 bytes, folds to 40 bytes of a
	longer := strings.Repeat("x", 100)
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  \t\n.,;!?", nil},
		{"Eltern-Kind-Gruppe", []string{"elt", "kind", "grupp"}},
		{"Deutschkurs (A1–B2), Start 01.09.2025", []string{"deutschkur", "a1", "b2", "start", "01", "09", "2025"}},
		{"a b c 5 ß", []string{"ss"}}, // one character words go; ß folds to two
		{"x" + long, []string{"x" + strings.Repeat("a", 40)}},
		{longer, []string{strings.Repeat("x", MaxTermBytes)}},
		{"Inte\u00adgrations\u00adkurs", []string{"integrationskur"}},
		{"Kita's", []string{"kita"}},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	tests := []struct {
		in    string
		words []string // the original text each token must cover
	}{
		{"Die Straße in München", []string{"Straße", "München"}},
		{"Große Straßen-Fest", []string{"Große", "Straßen", "Fest"}},
		{"Schu\u0308ler lernen", []string{"Schu\u0308ler", "lernen"}},
		{"Inte\u00adgration", []string{"Inte\u00adgration"}},
		{"«Türk Kültür Derneği»", []string{"Türk", "Kültür", "Derneği"}},
		{strings.Repeat("ö", 50) + " Ende", []string{strings.Repeat("ö", 50), "Ende"}},
	}
	for _, tt := range tests {
		toks := Analyze(tt.in)
		var got []string
		for _, tok := range toks {
			got = append(got, tt.in[tok.Start:tok.End])
		}
		if !slices.Equal(got, tt.words) {
			t.Errorf("Analyze(%q) covers %q, want %q", tt.in, got, tt.words)
		}
	}
	toks := Analyze("Die Straße")
	if want := (Token{Term: "strass", Start: 4, End: 11}); len(toks) != 1 || toks[0] != want {
		t.Errorf("Analyze(\"Die Straße\") = %+v, want [%+v]", toks, want)
	}
}

func TestQueryTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Sprachkurs Sprachkurse für Frauen", []string{"sprachkur", "frau"}},
		{"der", nil},
		{"", nil},
		{"Frau Frauen Kind", []string{"frau", "kind"}},
	}
	for _, tt := range tests {
		if got := QueryTerms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("QueryTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("Die Schüler, a Dien")
	want := []Token{{"die", 0, 3}, {"schuler", 4, 12}, {"a", 14, 15}, {"dien", 16, 20}}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %+v, want %+v", got, want)
	}
	if Words(" , ") != nil {
		t.Errorf("Words(\" , \") not nil")
	}
}

func TestConcurrentUse(t *testing.T) {
	in := []string{benchText, "Türk Kültür Derneği", "Sprachkurse für Frauen"}
	want := make([][]string, len(in))
	for i, s := range in {
		want[i] = Terms(s)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 50 {
				i := (g + n) % len(in)
				if got := Terms(in[i]); !slices.Equal(got, want[i]) {
					t.Errorf("concurrent Terms(%q) = %q, want %q", in[i], got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"",
		"Die Straße in München",
		"Sprachkurse für Frauen, Schueler*innen & Eltern-Kind-Gruppe 2025",
		"Türk Kültür Derneği e.V. – İstanbul'da ŞEHİR",
		"Schu\u0308ler Inte\u00adgration \ud55c\uad6d aee Œuvre",
		"\xff\xfe broken \xc3",
		strings.Repeat("Donaudampfschifffahrt", 5),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if Fold(folded) != folded {
			t.Errorf("Fold not idempotent on %q: %q then %q", s, folded, Fold(folded))
		}
		check := func(name string, toks []Token) {
			prevEnd := 0
			for _, tok := range toks {
				if tok.Start < prevEnd || tok.Start >= tok.End || tok.End > len(s) {
					t.Fatalf("%s(%q): bad or out-of-order offsets %+v after %d", name, s, tok, prevEnd)
				}
				prevEnd = tok.End
				if tok.Term == "" || len(tok.Term) > MaxTermBytes || !utf8.ValidString(tok.Term) {
					t.Fatalf("%s(%q): bad term %+v", name, s, tok)
				}
				if Fold(tok.Term) != tok.Term {
					t.Fatalf("%s(%q): term %q is not folded (Fold gives %q)", name, s, tok.Term, Fold(tok.Term))
				}
			}
		}
		toks := Analyze(s)
		check("Analyze", toks)
		check("Words", Words(s))

		// The stem cache must not change results.
		uncached := analyzer{noCache: true}
		if fresh := uncached.run(s, true); !slices.Equal(fresh, toks) {
			t.Fatalf("Analyze(%q) = %+v with the cache, %+v without", s, toks, fresh)
		}
		// Words the stemmer is skipped for must be ones it leaves alone.
		for _, w := range Words(s) {
			if !mayHaveSuffix(w.Term) {
				env := snowball.NewEnv(w.Term)
				german.Stem(env)
				if env.Current() != w.Term {
					t.Fatalf("mayHaveSuffix(%q) = false, but Snowball gives %q", w.Term, env.Current())
				}
			}
		}
	})
}

// A typical measure description, about 300 characters.
const benchText = "Das Projekt „Brücken bauen“ bietet Sprachkurse für Frauen mit Migrationsgeschichte, " +
	"Beratung zu Schule, Ausbildung und Arbeit sowie Eltern-Kind-Gruppen in Göppingen. " +
	"Die Treffen finden wöchentlich im Stadtteilzentrum statt; Kinderbetreuung ist vorhanden. " +
	"Träger ist der Türk Kültür Derneği e.V. in Kooperation mit der Volkshochschule."

// BenchmarkAnalyze measures the steady state, in which the words' stems are
// in the cache.
func BenchmarkAnalyze(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(benchText)
	}
}

// BenchmarkAnalyzeUncached runs the stemmer on every word, as for text whose
// words have not been seen yet.
func BenchmarkAnalyzeUncached(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		a := analyzer{noCache: true}
		a.run(benchText, true)
	}
}

func TestMayHaveSuffix(t *testing.T) {
	words := Terms(benchText + " Auto Hallo Kiwi Ufo Taxi Tabu Kultur Ziel Schiff Bus Ort Tee 2025 b2 Café Çay")
	for _, w := range append(words, "auto", "hallo", "kiwi", "ufo", "taxi", "tabu", "ziel", "schiff", "2025", "b2x", "cafe", "cay", "bau", "uyu", "ayay", "quaya", "abc") {
		if mayHaveSuffix(w) {
			continue
		}
		env := snowball.NewEnv(w)
		german.Stem(env)
		if got := env.Current(); got != w {
			t.Errorf("mayHaveSuffix(%q) = false, but Snowball gives %q", w, got)
		}
	}
}
