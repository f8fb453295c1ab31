package heldout

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Pair kinds.
const (
	// DataDuplicate: the same provider entered one offer twice (suggest merge).
	DataDuplicate = "data_duplicate"
	// ParallelOffer: two providers run the same offer in the same place for the same people
	// (suggest coordination).
	ParallelOffer = "parallel_offer"
	// HardNegative: two different offers that look alike.
	HardNegative = "hard_negative"
)

// Truth is the ground truth of the set.
type Truth struct {
	// Region is the key of the county.
	Region string `json:"region"`
	// ReferenceDate is the day the statuses describe.
	ReferenceDate string `json:"reference_date"`
	// Rules say when two entries are one offer; every pair follows them.
	Rules []string `json:"rules"`
	// Duplicates are the planted duplicate pairs. In a cluster of three every pair is listed.
	Duplicates []Pair `json:"duplicates"`
	// HardNegatives are the planted pairs of different offers that look alike. When A of a
	// negative is one entry of a duplicate pair, the other entry is no duplicate of B either.
	HardNegatives []Pair `json:"hard_negatives"`
}

// Pair is one planted pair of measures.
type Pair struct {
	// Case names the pair in this package ("p07a~p07b", "p03a~n02").
	Case string `json:"case"`
	// A and B are the measure ids.
	A string `json:"a"`
	B string `json:"b"`
	// Kind is data_duplicate, parallel_offer or hard_negative.
	Kind string `json:"kind"`
	// SameProvider is true when both have the same lead organisation.
	SameProvider bool `json:"same_provider"`
	// Paraphrase marks a duplicate pair described with little shared vocabulary.
	Paraphrase bool `json:"paraphrase,omitempty"`
	// Traits say how the two entries differ: in words (register, synonym, abbreviation,
	// typo, a language) as written, and in structure (no_description, long_description,
	// several_towns, undated, programme_missing, format_differs, languages_differ) as found.
	Traits []string `json:"traits,omitempty"`
	// Municipalities are the AGS the two share.
	Municipalities []string `json:"municipalities"`
	// Fields are the fields of action the two share.
	Fields []string `json:"fields"`
	// Groups are the target groups the two share.
	Groups []string `json:"groups"`
	// TitleA and TitleB are the titles, for reading the file.
	TitleA string `json:"title_a"`
	TitleB string `json:"title_b"`
	// Note says in a few words what the two are and how they differ.
	Note string `json:"note"`
	// WordOverlap is the Jaccard overlap of the content words of title and description
	// (lower case, no stemming, short and stop words dropped), rounded to three places.
	WordOverlap float64 `json:"word_overlap"`
}

// Rules are the rules the ground truth follows, in words.
var Rules = []string{
	"Zwei Einträge sind dasselbe Angebot, wenn dieselben Menschen am selben Ort zur selben Zeit dasselbe bekommen. Titel, Wortwahl, Sprache des Eintrags, Länge der Beschreibung, Format, Programmname und Träger ändern daran nichts.",
	"Derselbe Träger zweimal ist eine Datendublette (zusammenführen); verschiedene Träger sind ein Parallelangebot (abstimmen).",
	"Sprachniveau und Kursart: Kurse auf verschiedenen GER-Niveaus (A1, A2, B1, B2) und verschiedene Kursarten (allgemeiner Integrationskurs, Integrationskurs mit Alphabetisierung, Berufssprachkurs, Gesprächskurs, offener Sprachtreff) sind verschiedene Angebote; gleiches Niveau und gleiche Kursart für dieselben Menschen am selben Ort sind dasselbe Angebot.",
	"Untergruppen: Ein Angebot, das für eine Untergruppe eigens eingerichtet ist (Mütter mit Kinderbetreuung, ältere Frauen, Mädchen, eine Schul- oder Altersstufe), ist ein anderes Angebot als das für eine andere Untergruppe, auch wenn sich ihre Zielgruppen im Verzeichnis überschneiden.",
	"Funktion: Beratung, Kurs, offener Treff, Begleitung durch Paten, Veranstaltung, Sachhilfe und rechtliche Vertretung sind verschiedene Funktionen; zwei Angebote mit verschiedener Funktion sind verschiedene Angebote, auch zum selben Thema.",
	"Programme: verschiedene Programme für verschiedene Altersstufen (Griffbereit für Ein- bis Dreijährige, Rucksack KiTa für Vier- bis Sechsjährige) sind verschiedene Angebote; dasselbe Angebot mit und ohne Programmnamen ist dasselbe Angebot.",
	"Eine strategische Maßnahme (Steuerung, Konzept) ist nie Dublette des operativen Angebots desselben Programms; eine eintägige Veranstaltung ist nie Dublette eines laufenden Angebots.",
	"Jedes Paar – Dublette wie Gegenbeispiel – teilt eine Gemeinde, ein Handlungsfeld, eine Zielgruppe und Zeit (fehlende Daten gelten als offen).",
	"Nicht aufgeführte Paare sind nach Wissen der Autoren keine Dubletten: Jede Art gewöhnlichen Angebots steht höchstens einmal in einer Gemeinde und nie neben einem geplanten Angebot derselben oder einer verwechselbaren Art.",
}

func (b *builder) makeTruth() Truth {
	t := Truth{Region: RegionKey, ReferenceDate: ReferenceDate, Rules: Rules}
	for _, d := range duplicateSets {
		t.Duplicates = append(t.Duplicates, b.pair(d.a.key, d.b.key, false, d.note, d.para, d.traits))
	}
	for _, p := range extraPairs {
		t.Duplicates = append(t.Duplicates, b.pair(p.a, p.b, false, p.note, p.para, p.traits))
	}
	for _, n := range negativeSets {
		t.HardNegatives = append(t.HardNegatives, b.pair(n.a.key, n.b.key, true, n.note, false, nil))
	}
	return t
}

func (b *builder) pair(ka, kb string, negative bool, note string, para bool, traits []string) Pair {
	oa, ob := b.offers[ka], b.offers[kb]
	ma, mb := b.measures[ka], b.measures[kb]
	if oa == nil || ob == nil {
		panic("heldout: pair " + ka + "~" + kb + " names an unknown offer")
	}
	p := Pair{
		Case: ka + "~" + kb, A: ma.ID, B: mb.ID,
		SameProvider: oa.org == ob.org, Paraphrase: para,
		TitleA: ma.Title, TitleB: mb.Title, Note: note,
		WordOverlap: math.Round(WordOverlap(ma, mb)*1000) / 1000,
	}
	switch {
	case negative:
		p.Kind = HardNegative
	case p.SameProvider:
		p.Kind = DataDuplicate
	default:
		p.Kind = ParallelOffer
	}
	for _, t := range oa.towns {
		if slices.Contains(ob.towns, t) {
			p.Municipalities = append(p.Municipalities, townAGS(t))
		}
	}
	for _, f := range oa.fields {
		if slices.Contains(ob.fields, f) {
			p.Fields = append(p.Fields, fieldID(f))
		}
	}
	for _, g := range oa.groups {
		if slices.Contains(ob.groups, g) {
			p.Groups = append(p.Groups, groupID(g))
		}
	}
	slices.Sort(p.Municipalities)
	slices.Sort(p.Fields)
	slices.Sort(p.Groups)
	p.Traits = append(slices.Clone(traits), structuralTraits(oa, ob, ma, mb)...)
	slices.Sort(p.Traits)
	p.Traits = slices.Compact(p.Traits)
	return p
}

// structuralTraits finds how two entries differ in structure.
func structuralTraits(oa, ob *offer, ma, mb *graph.Measure) []string {
	var ts []string
	if (ma.Description == "") != (mb.Description == "") {
		ts = append(ts, "no_description")
	}
	if utf8.RuneCountInString(ma.Description) >= 1500 || utf8.RuneCountInString(mb.Description) >= 1500 {
		ts = append(ts, "long_description")
	}
	if len(oa.towns) > 1 || len(ob.towns) > 1 {
		ts = append(ts, "several_towns")
	}
	if (oa.from == "" && oa.to == "") != (ob.from == "" && ob.to == "") {
		ts = append(ts, "undated")
	}
	if (ma.Programme == "") != (mb.Programme == "") {
		ts = append(ts, "programme_missing")
	}
	if ma.Format != mb.Format {
		ts = append(ts, "format_differs")
	}
	if !slices.Equal(sortedCopy(ma.Languages), sortedCopy(mb.Languages)) {
		ts = append(ts, "languages_differ")
	}
	return ts
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// stopWords are frequent German (and a few English) words that say nothing about an offer.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`der die das den dem des ein eine einer eines einem einen und oder aber
		für mit bei von vom zum zur zu im in an am auf aus nach vor über unter um bis ab als wie was wer
		wo wenn dass ist sind wird werden wurde hat haben kann können man sich sie ihr ihre ihren ihrem
		wir uns unser unsere du dich dir ich mich mir es er nicht noch nur auch schon sehr alle allen
		jeden jede jeder jedes einmal pro dann doch mal hier dort ohne uhr gibt geht etwa
		the and for with from you your our`) {
		m[w] = true
	}
	return m
}()

// ContentWords returns the set of content words of s: lower case, split at everything that
// is not a letter or digit, words of fewer than three characters and stop words dropped.
func ContentWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 3 && !stopWords[w] {
			words[w] = true
		}
	}
	return words
}

// WordOverlap is the Jaccard overlap of the content words of two measures' titles and
// descriptions: a plain measure of shared vocabulary, to show that paraphrases share little
// and hard negatives share some. It is no part of any detector.
func WordOverlap(a, b *graph.Measure) float64 {
	wa, wb := ContentWords(a.Title+" "+a.Description), ContentWords(b.Title+" "+b.Description)
	if len(wa) == 0 && len(wb) == 0 {
		return 0
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}
