package lexicon_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

// compounds are compounds from integration work with their parts written
// apart: the parts of each must be the terms graph/text gives those words,
// so that the compound meets the same words in another description. The
// comment names the rule a case exercises.
var compounds = []struct{ word, apart string }{
	{"Schuldnerberatung", "Schuldner Beratung"}, // a known word, split because both parts are long
	{"Migrationsberatung", "Migration Beratung"},
	{"Sprachkurs", "Sprache Kurs"}, // hunspell's compound-initial form Sprach-
	{"Sprachkurse", "Sprache Kurse"},
	{"Integrationskurs", "Integration Kurs"},
	{"Nähwerkstatt", "nähen Werkstatt"}, // Näh-; Werkstatt stays whole
	{"Elterncafé", "Eltern Café"},
	{"Hausaufgabenhilfe", "Hausaufgaben Hilfe"}, // Hausaufgabe is known and its parts short
	{"Bewerbungstraining", "Bewerbung Training"},
	{"Kinderbetreuung", "Kinder Betreuung"},
	{"Jugendmigrationsdienst", "Jugend Migration Dienst"},
	{"Ausbildungspatenschaft", "Ausbildung Patenschaft"}, // -schaft is a suffix, not a part
	{"Frauenfrühstück", "Frauen Frühstück"},
	{"Wohnungssuche", "Wohnung Suche"},
	{"Gesundheitslotsen", "Gesundheit Lotsen"},
	{"Sportverein", "Sport Verein"},
	{"Begegnungscafé", "Begegnung Café"},
	{"Fahrradwerkstatt", "Fahrrad Werkstatt"},
	{"Integrationskursträger", "Integration Kurs Träger"},
	{"Sprachkursangebot", "Sprache Kurs Angebot"},
	{"Budgetberatung", "Budget Beratung"},
	{"Geldsorgen", "Geld Sorgen"},
	{"Schuldnerberatungsstelle", "Schuldner Beratung Stelle"}, // split again: the first part is itself a compound
	{"Beratungsstelle", "Beratung Stelle"},
	{"Flüchtlingshilfe", "Flüchtling Hilfe"},
	{"Mietschuldenberatung", "Miete Schulden Beratung"},
	{"Elternabend", "Eltern Abend"},
	{"Arbeitsmarktintegration", "Arbeit Markt Integration"},
	{"Berufsorientierung", "Beruf Orientierung"},
	{"Mehrgenerationenhaus", "mehr Generationen Haus"},
	{"Familienzentrum", "Familien Zentrum"},
	{"Sprachförderung", "Sprache Förderung"},
	{"Erziehungsberatung", "Erziehung Beratung"},
	{"Schulsozialarbeit", "Schule sozial Arbeit"},
	{"Kindertagesbetreuung", "Kinder Tages Betreuung"},
	{"Lernwerkstatt", "lernen Werkstatt"}, // a verb stem: lernen without -en
	{"Lesepaten", "lesen Paten"},          // a verb stem with e
	{"Deutschkurs", "Deutsch Kurs"},
	{"Migrationsamt", "Migration Amt"}, // the s after -ion links; not Migration|samt
	{"Kursende", "Kurs Ende"},          // not Kur|sende: the longer first part wins
	{"Sprechstunde", "sprechen Stunde"},
	{"Seniorensport", "Senioren Sport"},
	{"Willkommensbesuche", "Willkommen Besuche"}, // a linking s the dictionary does not list
	{"Alphabetisierungskurs", "Alphabetisierung Kurs"},
	{"Elternbegleiterinnen", "Eltern Begleiterinnen"}, // -innen goes back on the last part
	{"Sprachmittlerin", "Sprache Mittlerin"},
	{"Kulturverein", "Kultur Verein"},
	{"Ehrenamtskoordination", "Ehrenamt Koordination"},
	{"Öffnungszeiten", "Öffnung Zeiten"},
	{"Stadtteilmütter", "Stadtteil Mütter"},
	{"Kindergarten", "Kinder Garten"},
	{"Kleinkindern", "klein Kindern"},
	{"Qualifizierungsmaßnahme", "Qualifizierung Maßnahme"},
	{"familienfreundlich", "Familien freundlich"},
}

// wholes are words that must come back unsplit: derivations (Be-ratung,
// Ver-ein, Aus-bildung), known words whose split would have short parts
// (Werk-statt, Rat-haus, Früh-stück, Lebens-mittel), nouns in -schaft and
// feminine nouns in -in, words that only look like compounds, names and
// words of other languages.
var wholes = []string{
	"Beratung", "Verein", "Familie", "Ausbildung", "Integration", "Betreuung",
	"Unterstützung", "Vereinbarung", "Wiederholung", "Einkommen", "Mitglied",
	"Unterkunft", "Werkstatt", "Rathaus", "Frühstück", "Lebensmittel",
	"Arbeitsamt", "Kindertagesstätte",
	"Gesellschaft", "Nachbarschaft", "Patenschaft", "Freundschaft",
	"Schülerinnen", "Besucherinnen", "Migrantinnen", "Termin", "Medizin",
	"Monitoring", "Workshop", "Kommunikation", "Erkenschwick", "Wolmirstedt",
	"Lorem", "ipsum", "Xylofon", "Bundesamts",
}

func TestDecompoundCompounds(t *testing.T) {
	for _, c := range compounds {
		want := text.Terms(c.apart)
		if got := lexicon.Decompound(c.word); !cmp.Equal(got, want) {
			t.Errorf("Decompound(%q) = %q, want %q (the terms of %q)", c.word, got, want, c.apart)
		}
	}
	if len(compounds) < 40 {
		t.Errorf("only %d compounds in the table", len(compounds))
	}
}

func TestDecompoundWholes(t *testing.T) {
	for _, w := range wholes {
		want := []string{text.StemFolded(text.Fold(w))}
		if got := lexicon.Decompound(w); !cmp.Equal(got, want) {
			t.Errorf("Decompound(%q) = %q, want it unsplit: %q", w, got, want)
		}
	}
}

func TestDecompoundSpellingVariants(t *testing.T) {
	// Folding comes first, so transliterations split alike.
	for _, pair := range [][2]string{
		{"Nähwerkstatt", "Naehwerkstatt"},
		{"Frauenfrühstück", "FRAUENFRUEHSTUECK"},
		{"Begegnungscafé", "Begegnungscafe"},
	} {
		if a, b := lexicon.Decompound(pair[0]), lexicon.Decompound(pair[1]); !cmp.Equal(a, b) {
			t.Errorf("Decompound(%q) = %q but Decompound(%q) = %q", pair[0], a, pair[1], b)
		}
	}
}

func TestDecompoundEdges(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ", []string{"  "}}, // not a word: returned as Fold and StemFolded leave it
		{"A1-Sprachkurs", []string{text.StemFolded("a1-sprachkurs")}},
		{"2025", []string{"2025"}},
		{"und", []string{"und"}},
		{"Kurs", []string{"kur"}},
		{strings.Repeat("Beratung", 20), []string{text.StemFolded(strings.Repeat("beratung", 20))}},
	} {
		if got := lexicon.Decompound(c.in); !cmp.Equal(got, c.want) {
			t.Errorf("Decompound(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecompoundResultBelongsToCaller(t *testing.T) {
	a := lexicon.Decompound("Schuldnerberatung")
	a[0] = "x"
	if b := lexicon.Decompound("Schuldnerberatung"); b[0] != "schuldn" {
		t.Errorf("a caller's change reached the cache: %q", b)
	}
}

func TestDecompoundConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				for _, c := range compounds[g%4*10 : g%4*10+10] {
					if got, want := lexicon.Decompound(c.word), text.Terms(c.apart); !cmp.Equal(got, want) {
						t.Errorf("concurrent Decompound(%q) = %q, want %q", c.word, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestDecompoundLongInput(t *testing.T) {
	// 10,000 characters of letters, and the same with separators and
	// invalid bytes: no panic, one part (a word that long is no compound).
	long := strings.Repeat("Schuldnerberatungsstelle", 420)[:10000]
	for _, s := range []string{long, strings.Repeat("ä\xffß ", 2500), strings.Repeat("ﬀ", 10000)} {
		if got := lexicon.Decompound(s); len(got) != 1 {
			t.Errorf("Decompound(%d bytes) = %d parts, want 1", len(s), len(got))
		}
	}
}

func FuzzDecompound(f *testing.F) {
	for _, c := range compounds {
		f.Add(c.word)
	}
	for _, w := range wholes {
		f.Add(w)
	}
	f.Add("\xff\xfeSchul\u00adberatung")
	f.Add("İstanbulerinnen")
	f.Add(strings.Repeat("a", 10000))
	f.Fuzz(func(t *testing.T, s string) {
		parts := lexicon.Decompound(s)
		if text.Fold(s) == "" {
			if parts != nil {
				t.Fatalf("Decompound(%q) = %q, want nil", s, parts)
			}
			return
		}
		if len(parts) == 0 && text.StemFolded(text.Fold(s)) != "" {
			t.Fatalf("Decompound(%q) = nil", s)
		}
		for _, p := range parts {
			if p == "" || !utf8.ValidString(p) {
				t.Fatalf("Decompound(%q) has the part %q", s, p)
			}
		}
	})
}
