package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// topic is what a measure template or a field of action is about. A county's field covers one
// or more topics (the Märkischer Kreis puts nearly everything into two fields); a template
// fits every field that shares one of its topics.
type topic string

const (
	topLanguage      topic = "language"
	topEducation     topic = "education"
	topFamily        topic = "family"
	topWork          topic = "work"
	topHousing       topic = "housing"
	topHealth        topic = "health"
	topParticipation topic = "participation"
	topEngagement    topic = "engagement"
	topSport         topic = "sport"
	topInstitutional topic = "institutional"
)

// template is a kind of offer (a language café, a Rucksack group, a migration counselling
// service) with the words to describe it. Every description has three sentence slots with
// two or three wordings each: one entry mixes the wordings, a second entry of the same offer
// by the same provider changes one slot (a data duplicate), an entry by another provider
// keeps the opening sentence and words title and details differently (a parallel offer that
// a reader still recognises).
type template struct {
	key       string
	topics    []topic
	strategic bool     // a coordination task (level strategic) rather than an offer for people
	programme string   // funding or model programme, "" for none
	state     string   // "NW", "BW" or "ST" when the programme exists only there
	targets   []string // target group keys; the first is the group the offer is made for
	kinds     []string // organisation kinds that typically run it
	area      bool     // offered across several municipalities (counselling, courses)
	multi     bool     // offered in several languages
	online    bool     // often online or hybrid
	fees      []float64
	capacity  [2]int
	titles    []string
	slots     [3][]string
}

// fits reports whether t belongs in a field covering topics.
func (t *template) fits(topics []topic) bool {
	for _, a := range t.topics {
		for _, b := range topics {
			if a == b {
				return true
			}
		}
	}
	return false
}

// wording selects one title, one variant per sentence slot, and the small details (weekday,
// hours, closing sentence) of a description.
type wording struct {
	title   int
	slots   [3]int
	closing int // index into closingsFree or closingsFee, -1 for none
	day     int
	hours   int
}

// randomWording picks a wording for t.
func randomWording(r *rand.Rand, t *template) wording {
	w := wording{title: r.IntN(len(t.titles)), closing: -1, day: r.IntN(len(weekdays)), hours: r.IntN(len(hours))}
	for i := range w.slots {
		w.slots[i] = r.IntN(len(t.slots[i]))
	}
	if !t.strategic && chance(r, 0.6) {
		w.closing = r.IntN(len(closingsFree))
	}
	return w
}

// reworded returns w with one sentence slot changed and the closing possibly toggled: how the
// same offer reads when someone enters it a second time.
func reworded(r *rand.Rand, t *template, w wording) wording {
	i := r.IntN(3)
	for n := 0; n < 3 && len(t.slots[i]) < 2; n++ {
		i = (i + 1) % 3
	}
	if n := len(t.slots[i]); n > 1 {
		w.slots[i] = (w.slots[i] + 1 + r.IntN(n-1)) % n
	}
	if w.closing >= 0 && chance(r, 0.5) {
		w.closing = -1
	}
	return w
}

// otherWording returns a wording that differs from w in the title and in the details: the
// same kind of offer described by someone else. The opening sentence, which says what the
// offer is, stays, as when two providers both take the description of a programme or of
// the usual kind of offer.
func otherWording(r *rand.Rand, t *template, w wording) wording {
	o := randomWording(r, t)
	if n := len(t.titles); n > 1 {
		o.title = (w.title + 1 + r.IntN(n-1)) % n
	}
	for i := range o.slots {
		if n := len(t.slots[i]); i > 0 && n > 1 {
			o.slots[i] = (w.slots[i] + 1 + r.IntN(n-1)) % n
		} else {
			o.slots[i] = w.slots[i]
		}
	}
	if o.day == w.day {
		o.day = (o.day + 1) % len(weekdays)
	}
	return o
}

// textVars are the values the placeholders of a template take.
type textVars struct {
	town     string // {ort}: "Marl", "Raum Sinsheim", "Rhein-Neckar"
	inTown   string // {im_ort}: "in Marl", "in Sinsheim und Umgebung", "im gesamten Kreisgebiet"
	provider string // {traeger}
	venue    string // {wo}: "im Familienzentrum"
	field    string // {feld}
	langs    string // {sprachen}: "Arabisch, Türkisch und Ukrainisch"
	capacity int64  // {kapazitaet}
	fee      string // the fee in euros, for the closing sentence
	free     bool   // the offer is free, which a closing sentence may say
}

// compose writes the title and description of one entry.
func (t *template) compose(w wording, v *textVars) (title, desc string) {
	title = expand(t.titles[w.title], v, w)
	var b strings.Builder
	for i, s := range t.slots {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(expand(s[w.slots[i]], v, w))
	}
	closing := ""
	switch {
	case v.fee != "":
		closing = closingsFee[max(w.closing, 0)%len(closingsFee)]
	case v.free && w.closing >= 0:
		closing = closingsFree[w.closing%len(closingsFree)]
	}
	if closing != "" {
		b.WriteByte(' ')
		b.WriteString(expand(closing, v, w))
	}
	// A provider name ending in "e.V." at the end of a sentence must not get a second dot.
	return title, strings.ReplaceAll(b.String(), "..", ".")
}

// expand replaces the {placeholders} of s.
func expand(s string, v *textVars, w wording) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 40)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		switch name := s[i+1 : i+j]; name {
		case "ort":
			b.WriteString(v.town)
		case "im_ort":
			b.WriteString(v.inTown)
		case "traeger":
			b.WriteString(v.provider)
		case "wo":
			b.WriteString(v.venue)
		case "feld":
			b.WriteString(v.field)
		case "sprachen":
			b.WriteString(v.langs)
		case "kapazitaet":
			b.WriteString(strconv.FormatInt(v.capacity, 10))
		case "gebuehr":
			b.WriteString(v.fee)
		case "tag":
			b.WriteString(weekdays[w.day])
		case "uhr":
			b.WriteString(hours[w.hours])
		default:
			panic("demo: unknown placeholder {" + name + "}")
		}
		s = s[i+j+1:]
	}
}

var (
	weekdays     = []string{"montags", "dienstags", "mittwochs", "donnerstags", "freitags"}
	hours        = []string{"von 9 bis 11 Uhr", "von 10 bis 12 Uhr", "von 14 bis 16 Uhr", "von 15 bis 17 Uhr", "von 16 bis 18 Uhr", "von 18 bis 20 Uhr"}
	closingsFree = []string{"Die Teilnahme ist kostenlos.", "Das Angebot ist kostenfrei."}
	closingsFee  = []string{"Der Teilnahmebeitrag beträgt {gebuehr} Euro.", "Kostenbeitrag: {gebuehr} Euro, eine Ermäßigung ist möglich."}
)

// venues says where an organisation of each kind usually meets people ({wo}).
var venues = map[string][]string{
	"administration":        {"im Rathaus", "im Bürgerhaus", "im Bürgerbüro"},
	"jobcenter":             {"im Jobcenter"},
	"employment_agency":     {"in der Agentur für Arbeit"},
	"immigration_authority": {"im Kreishaus", "in der Ausländerbehörde"},
	"welfare_association":   {"in der Beratungsstelle", "im Begegnungszentrum", "im Stadtteilbüro"},
	"education_provider":    {"in den Kursräumen", "im Bildungszentrum"},
	"school":                {"in der Schule", "in der Schulbibliothek"},
	"daycare":               {"im Familienzentrum", "in der Kita"},
	"chamber":               {"im Bildungszentrum der Kammer"},
	"migrant_organisation":  {"in den Vereinsräumen", "im Kulturzentrum des Vereins"},
	"club":                  {"in der Sporthalle", "im Vereinsheim", "auf dem Sportplatz"},
	"volunteer_initiative":  {"im Begegnungscafé", "im evangelischen Gemeindehaus", "in den Räumen der Initiative"},
	"religious_community":   {"im Gemeindehaus", "im Gemeindezentrum"},
	"business":              {"in der Geschäftsstelle"},
	"health_provider":       {"in den Räumen der Beratungsstelle", "in der Praxis"},
	"other":                 {"im Stadtteilzentrum", "im Mehrgenerationenhaus"},
}

// languageNames are the German names of the languages offers list ({sprachen}).
var languageNames = map[string]string{
	"ar": "Arabisch", "bg": "Bulgarisch", "el": "Griechisch", "en": "Englisch", "fa": "Persisch",
	"hr": "Kroatisch", "it": "Italienisch", "ku": "Kurdisch", "pl": "Polnisch", "prs": "Dari",
	"ps": "Paschtu", "ro": "Rumänisch", "ru": "Russisch", "sq": "Albanisch", "ti": "Tigrinya",
	"tr": "Türkisch", "uk": "Ukrainisch",
}

// languageList renders codes as "Arabisch, Türkisch und Ukrainisch".
func languageList(codes []string) string {
	names := make([]string, 0, len(codes))
	for _, c := range codes {
		if c != "de" {
			names = append(names, languageNames[c])
		}
	}
	switch len(names) {
	case 0:
		return "Deutsch"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " und " + names[len(names)-1]
}

// targetGroup is one of the target groups all regions share.
type targetGroup struct{ key, name, desc string }

// targetGroups are shared by all regions (Region ""), so measures of different counties can
// be compared by group.
var targetGroups = []targetGroup{
	{"schutz", "Schutzsuchende", "Asylsuchende, anerkannte Geflüchtete, Geduldete und Menschen mit vorübergehendem Schutz, z. B. aus der Ukraine."},
	{"neu", "Neuzugewanderte Erwachsene", "Erwachsene, die in den letzten Jahren zugewandert sind, unabhängig vom Aufenthaltsstatus."},
	{"eu", "EU-Zugewanderte", "Zugewanderte aus anderen Staaten der Europäischen Union und ihre Familien."},
	{"schueler", "Neu zugewanderte Schüler:innen", "Kinder und Jugendliche im Schulalter, die ohne oder mit geringen Deutschkenntnissen ins Schulsystem kommen."},
	{"kinder", "Kinder im Vorschulalter", "Kinder bis zum Schuleintritt aus zugewanderten Familien."},
	{"jugend", "Jugendliche und junge Erwachsene", "Junge Menschen von 14 bis 27 Jahren mit Zuwanderungsgeschichte."},
	{"eltern", "Eltern", "Mütter und Väter mit Zuwanderungsgeschichte, insbesondere von Kita- und Schulkindern."},
	{"frauen", "Frauen", "Frauen und Mädchen mit Zuwanderungsgeschichte."},
	{"senioren", "Senior:innen", "Ältere Menschen mit Zuwanderungsgeschichte und ihre Angehörigen."},
	{"fachkraefte", "Fachkräfte", "Zugewanderte Fachkräfte sowie Fachkräfte in Verwaltung, Beratung und Bildung, die mit Zugewanderten arbeiten."},
	{"ehrenamt", "Ehrenamtliche", "Freiwillig Engagierte in Flüchtlingshilfe, Patenschaften, Sprachcafés und Vereinen."},
	{"aufnahme", "Aufnahmegesellschaft", "Nachbarschaft, Vereine, Betriebe und Öffentlichkeit vor Ort."},
}

// goalSpec is a goal of an integration concept with the indicator that measures it.
type goalSpec struct {
	text        string
	indicator   string
	unit        string
	target      float64 // 0: the upper (lower, when lowerBetter) end of the value range
	lo, hi      float64 // value range; per 1,000 foreign inhabitants when perForeign
	perForeign  bool
	lowerBetter bool
	desc        string // what the indicator counts and how
	source      string // where its figures come from; {land} is the state's statistical office, {ki} the county's integration office
}

// direction is the indicator's direction of progress.
func (gs goalSpec) direction() string {
	if gs.lowerBetter {
		return "lower"
	}
	return "higher"
}

// goalsByTopic lists three goals per topic, worded the way integration concepts word them.
var goalsByTopic = map[topic][]goalSpec{
	topLanguage: {
		{"Neu zugewanderte Erwachsene beginnen innerhalb von sechs Monaten nach ihrer Ankunft einen Sprachkurs.", "Anteil der Kursbeginne innerhalb von sechs Monaten", "%", 80, 45, 75, false, false,
			"Anteil der Neuzugewanderten mit Teilnahmeberechtigung, die innerhalb von sechs Monaten nach der Berechtigung einen Integrationskurs beginnen.", "Bundesamt für Migration und Flüchtlinge, Integrationskursgeschäftsstatistik"},
		{"Mehr Teilnehmende schließen den Integrationskurs mit dem Sprachniveau B1 ab.", "Erfolgsquote im Deutsch-Test für Zuwanderer (B1)", "%", 65, 45, 65, false, false,
			"Anteil der Prüfungsteilnehmenden im Deutsch-Test für Zuwanderer, die das Niveau B1 erreichen.", "Bundesamt für Migration und Flüchtlinge, Integrationskursgeschäftsstatistik"},
		{"Sprachkurse mit Kinderbetreuung sind in allen Städten und Gemeinden erreichbar.", "Kursplätze mit Kinderbetreuung", "Plätze", 0, 2, 8, true, false,
			"Plätze in Sprachkursen mit begleitender Kinderbetreuung, Stand jeweils zum Jahresende.", "{ki}, Trägerabfrage"},
	},
	topEducation: {
		{"Neu zugewanderte Kinder und Jugendliche erhalten innerhalb von vier Wochen einen Schulplatz.", "Durchschnittliche Wartezeit auf einen Schulplatz", "Tage", 28, 18, 60, false, true,
			"Tage zwischen der Anmeldung bei der Seiteneinstiegs- oder Schulberatung und dem ersten Schultag, Mittelwert des Schuljahres.", "Schulamt, Zuweisungsstatistik"},
		{"Mehr Jugendliche mit Zuwanderungsgeschichte erreichen einen Schulabschluss.", "Schulabgänge ohne Abschluss (ausländische Jugendliche)", "%", 8, 8, 18, false, true,
			"Anteil der ausländischen Schulabgängerinnen und Schulabgänger, die die allgemeinbildende Schule ohne Abschluss verlassen.", "{land}, Schulstatistik"},
		{"Eltern kennen das Bildungssystem und beteiligen sich am Schulleben ihrer Kinder.", "Teilnehmende an Elternbildungsangeboten", "Personen", 0, 3, 12, true, false,
			"Eltern mit Zuwanderungsgeschichte, die im Jahr an mindestens einem Elternbildungsangebot teilgenommen haben.", "{ki}, Trägerabfrage"},
	},
	topFamily: {
		{"Kinder aus zugewanderten Familien besuchen früher eine Kita.", "Kita-Besuchsquote der unter Dreijährigen mit Migrationshintergrund", "%", 35, 15, 35, false, false,
			"Anteil der Kinder unter drei Jahren mit mindestens einem Elternteil ausländischer Herkunft, die eine Kita oder Tagespflege besuchen, Stichtag 1. März.", "{land}, Kinder- und Jugendhilfestatistik"},
		{"Eltern werden in der Sprachförderung ihrer Kinder gestärkt.", "Eltern in Rucksack- und Griffbereit-Gruppen", "Personen", 0, 2, 9, true, false,
			"Mütter und Väter, die im Jahr regelmäßig an einer Rucksack- oder Griffbereit-Gruppe teilgenommen haben.", "{ki}, Programmstatistik Rucksack und Griffbereit"},
		{"Zugewanderte Familien finden Frühe Hilfen in ihrer Sprache.", "Erreichte Familien in den Frühen Hilfen", "Familien", 0, 1, 6, true, false,
			"Zugewanderte Familien, die im Jahr ein Angebot der Frühen Hilfen genutzt haben.", "Jugendamt, Netzwerk Frühe Hilfen"},
	},
	topWork: {
		{"Mehr Geflüchtete nehmen eine sozialversicherungspflichtige Beschäftigung auf.", "Beschäftigungsquote der Schutzsuchenden", "%", 50, 28, 48, false, false,
			"Sozialversicherungspflichtig Beschäftigte aus den acht häufigsten Asylherkunftsländern im Verhältnis zur Bevölkerung dieser Staatsangehörigkeiten im erwerbsfähigen Alter, Stichtag 30. Juni.", "Bundesagentur für Arbeit, Beschäftigungsstatistik"},
		{"Ausländische Berufsabschlüsse werden schneller anerkannt.", "Beratungen zur Anerkennung ausländischer Abschlüsse", "Beratungen", 0, 4, 14, true, false,
			"Erstberatungen zur Anerkennung ausländischer Berufs- und Studienabschlüsse im Jahr.", "Anerkennungsberatung im IQ Netzwerk, Beratungsstatistik"},
		{"Junge Zugewanderte beginnen eine Berufsausbildung.", "Neue Auszubildende mit ausländischer Staatsangehörigkeit", "Personen", 0, 3, 10, true, false,
			"Neu abgeschlossene Ausbildungsverträge mit Auszubildenden ausländischer Staatsangehörigkeit im Jahr.", "Kammern (IHK und HWK), Ausbildungsstatistik"},
	},
	topHousing: {
		{"Geflüchtete ziehen schneller aus Gemeinschaftsunterkünften in eigenen Wohnraum.", "Durchschnittliche Verweildauer in Gemeinschaftsunterkünften", "Monate", 12, 10, 26, false, true,
			"Monate zwischen Einzug in eine Gemeinschaftsunterkunft und Auszug in eigenen Wohnraum, Mittelwert der im Jahr Ausgezogenen.", "Unterbringungsverwaltung des Kreises"},
		{"Mehr private Vermietende stellen Wohnraum für Zugewanderte zur Verfügung.", "Vermittelte Wohnungen", "Wohnungen", 0, 1, 6, true, false,
			"Wohnungen, die im Jahr über Wohnraumvermittlung und Vermieterberatung an Zugewanderte vermietet wurden.", "{ki}, Jahresbericht Wohnraumvermittlung"},
		{"Konflikte in der Nachbarschaft werden früh moderiert.", "Moderierte Nachbarschaftskonflikte", "Fälle", 0, 0.5, 3, true, false,
			"Nachbarschaftskonflikte, die im Jahr durch Quartiersmanagement oder Konfliktlotsen moderiert wurden.", "Quartiersmanagement, Falldokumentation"},
	},
	topHealth: {
		{"Zugewanderte kennen das Gesundheitssystem und nutzen Vorsorgeangebote.", "Teilnehmende an Gesundheitsinformationsveranstaltungen", "Personen", 0, 4, 15, true, false,
			"Teilnehmende an mehrsprachigen Informationsveranstaltungen zu Gesundheitssystem und Vorsorge im Jahr.", "Gesundheitsamt, Veranstaltungsstatistik"},
		{"Psychisch belastete Geflüchtete erhalten zeitnah Hilfe.", "Wartezeit auf eine psychosoziale Erstberatung", "Wochen", 4, 3, 14, false, true,
			"Wochen zwischen Anmeldung und erstem Beratungsgespräch, Mittelwert des Jahres.", "Psychosoziales Zentrum, Jahresstatistik"},
		{"Sprachmittlung im Gesundheitswesen ist verlässlich verfügbar.", "Vermittelte Sprachmittlungseinsätze", "Einsätze", 0, 5, 25, true, false,
			"Einsätze des Sprachmittlerpools in Praxen, Kliniken und Beratungsstellen im Jahr.", "Sprachmittlerpool, Einsatzstatistik"},
	},
	topParticipation: {
		{"Zugewanderte wirken in Gremien, Vereinen und Beiräten mit.", "Mitglieder mit Zuwanderungsgeschichte in Beiräten und Gremien", "Personen", 0, 0.5, 3, true, false,
			"Mitglieder mit Zuwanderungsgeschichte in kommunalen Beiräten, Ausschüssen und Vereinsvorständen, Stand zum Jahresende.", "{ki}, Abfrage bei Städten und Gemeinden"},
		{"In allen Städten und Gemeinden gibt es Orte der Begegnung.", "Regelmäßige Begegnungsangebote", "Angebote", 0, 0.3, 2, true, false,
			"Begegnungsangebote, die mindestens monatlich stattfinden, Stand zum Jahresende.", "{ki}, Angebotsübersicht"},
		{"Diskriminierung wird erkannt, dokumentiert und bearbeitet.", "Beratungsfälle zu Diskriminierung", "Fälle", 0, 0.3, 2.5, true, false,
			"Fälle, die im Jahr in der Antidiskriminierungsberatung bearbeitet wurden.", "Antidiskriminierungsberatung, Falldokumentation"},
	},
	topEngagement: {
		{"Ehrenamtliche in der Integrationsarbeit werden qualifiziert und begleitet.", "Qualifizierte Ehrenamtliche", "Personen", 0, 1, 6, true, false,
			"Ehrenamtliche, die im Jahr eine Qualifizierung für die Integrationsarbeit abgeschlossen haben.", "{ki}, Teilnahmelisten der Qualifizierungen"},
		{"Mehr Zugewanderte engagieren sich selbst ehrenamtlich.", "Engagierte mit Zuwanderungsgeschichte", "Personen", 0, 1, 8, true, false,
			"Ehrenamtlich Engagierte mit Zuwanderungsgeschichte in Initiativen, Vereinen und Migrantenorganisationen.", "Freiwilligenagenturen, Engagementabfrage"},
		{"Migrantenorganisationen sind in die Netzwerke eingebunden.", "Migrantenorganisationen in Netzwerken", "Organisationen", 0, 0.2, 1.5, true, false,
			"Migrantenorganisationen, die Mitglied in mindestens einem Netzwerk der Integrationsarbeit sind.", "Netzwerkatlas, Mitgliedschaften"},
	},
	topSport: {
		{"Mehr Zugewanderte sind Mitglied in Sportvereinen.", "Vereinsmitglieder mit Zuwanderungsgeschichte", "Personen", 0, 20, 60, true, false,
			"Mitglieder mit Zuwanderungsgeschichte in den Sportvereinen, Stichtag 1. Januar.", "Sportbund, Bestandserhebung"},
		{"Mädchen und Frauen mit Zuwanderungsgeschichte finden passende Sportangebote.", "Teilnehmerinnen an Sportangeboten für Frauen", "Personen", 0, 2, 8, true, false,
			"Regelmäßige Teilnehmerinnen an Sport- und Schwimmangeboten für Mädchen und Frauen mit Zuwanderungsgeschichte.", "Kreissportbund, Programm Integration durch Sport"},
		{"Alle Kinder lernen schwimmen.", "Kinder aus zugewanderten Familien mit Seepferdchen-Abzeichen", "Kinder", 0, 2, 9, true, false,
			"Kinder aus zugewanderten Familien, die im Jahr das Seepferdchen-Abzeichen erworben haben.", "Schwimmvereine und DLRG, Abzeichenstatistik"},
	},
	topInstitutional: {
		{"Die Verwaltung öffnet sich interkulturell.", "Beschäftigte mit Fortbildung in interkultureller Kompetenz", "Personen", 0, 0.5, 4, true, false,
			"Beschäftigte von Kreis- und Kommunalverwaltungen, die im Jahr eine Fortbildung in interkultureller Kompetenz besucht haben.", "Personalverwaltungen, Fortbildungsstatistik"},
		{"Das Integrationskonzept wird regelmäßig überprüft und fortgeschrieben.", "Umgesetzte Maßnahmen des Integrationskonzepts", "%", 75, 40, 70, false, false,
			"Anteil der Maßnahmen des Integrationskonzepts, die begonnen oder abgeschlossen sind.", "{ki}, Umsetzungsbericht zum Integrationskonzept"},
		{"Informationen der Verwaltung sind mehrsprachig verfügbar.", "Mehrsprachige Informationsangebote", "Angebote", 0, 0.3, 2, true, false,
			"Merkblätter, Formulare und Internetseiten der Verwaltungen, die in mindestens drei Sprachen vorliegen.", "{ki}, Bestandsaufnahme"},
	},
}

// fieldNames are German names for the canonical fields, for synthetic regions.
var fieldNames = map[string][]string{
	"language_education": {"Sprache und Bildung", "Bildung und Sprache", "Sprachförderung und Bildung"},
	"work":               {"Arbeit und Ausbildung", "Arbeitsmarkt", "Wirtschaft und Arbeit"},
	"housing":            {"Wohnen", "Wohnen und Quartier"},
	"health":             {"Gesundheit", "Gesundheit und Pflege"},
	"family":             {"Kinder, Jugend und Familie", "Frühe Bildung und Familie"},
	"participation":      {"Zusammenleben und Teilhabe", "Gesellschaftliche Teilhabe"},
	"engagement":         {"Bürgerschaftliches Engagement", "Ehrenamt"},
	"sport_leisure":      {"Sport und Freizeit", "Freizeit und Kultur"},
	"institutional":      {"Interkulturelle Öffnung", "Verwaltung und Steuerung"},
}

// canonicalTopics maps a canonical field to the topics of its templates.
var canonicalTopics = map[string][]topic{
	"language_education": {topLanguage, topEducation},
	"work":               {topWork},
	"housing":            {topHousing},
	"health":             {topHealth},
	"family":             {topFamily},
	"participation":      {topParticipation},
	"engagement":         {topEngagement},
	"sport_leisure":      {topSport},
	"institutional":      {topInstitutional},
}

// nameGroup is a set of first and last names that go together, for the invented actors:
// German names and names common among people who came to Germany. Where a language inflects
// last names by gender, lastF holds the female forms.
type nameGroup struct {
	weight       int
	female, male []string
	last, lastF  []string
}

var nameGroups = []nameGroup{
	{50, []string{"Anna", "Julia", "Sabine", "Katrin", "Miriam", "Sophie", "Laura", "Petra", "Monika", "Claudia", "Stefanie", "Birgit"},
		[]string{"Thomas", "Michael", "Stefan", "Andreas", "Jan", "Tobias", "Markus", "Frank", "Jürgen", "Daniel", "Florian", "Benedikt"},
		[]string{"Becker", "Schneider", "Hoffmann", "Wagner", "Schulz", "Krüger", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hartmann", "Lange", "Fischer", "Vogel", "Keller", "Richter", "Wolf", "Schäfer"}, nil},
	{12, []string{"Aylin", "Elif", "Fatma", "Zeynep", "Dilara", "Merve"}, []string{"Mehmet", "Kerem", "Emre", "Murat", "Yusuf", "Burak"},
		[]string{"Yılmaz", "Kaya", "Demir", "Öztürk", "Şahin", "Çelik", "Aydın", "Arslan"}, nil},
	{10, []string{"Rania", "Layla", "Amira", "Nour", "Yasmin"}, []string{"Ahmad", "Omar", "Hassan", "Samir", "Khaled"},
		[]string{"Al-Hassan", "Haddad", "Khalil", "Nasser", "Darwish", "Mansour"}, nil},
	{8, []string{"Olena", "Iryna", "Natalia", "Oksana"}, []string{"Dmytro", "Oleksandr", "Andrij", "Serhij"},
		[]string{"Kovalenko", "Shevchenko", "Bondarenko", "Melnyk", "Tkachenko"}, nil},
	{6, []string{"Marta", "Agnieszka", "Katarzyna"}, []string{"Piotr", "Tomasz", "Krzysztof"},
		[]string{"Nowak", "Kaczmarek", "Mazur", "Krawczyk"}, nil},
	{5, []string{"Giulia", "Francesca", "Chiara"}, []string{"Luca", "Marco", "Giuseppe"},
		[]string{"Rossi", "Russo", "Esposito", "Romano", "Colombo"}, nil},
	{4, []string{"Ioanna", "Eleni", "Maria"}, []string{"Nikos", "Giorgos", "Dimitris"},
		[]string{"Papadopoulos", "Georgiou", "Nikolaidis"}, []string{"Papadopoulou", "Georgiou", "Nikolaidou"}},
	{5, []string{"Mariam", "Parisa", "Zahra"}, []string{"Ali", "Reza", "Farid"},
		[]string{"Ahmadi", "Rahimi", "Karimi", "Hosseini"}, nil},
}

// personName draws an invented name.
func personName(r *rand.Rand, female bool) string {
	total := 0
	for _, g := range nameGroups {
		total += g.weight
	}
	x := r.IntN(total)
	g := nameGroups[0]
	for _, ng := range nameGroups {
		if x -= ng.weight; x < 0 {
			g = ng
			break
		}
	}
	if female {
		last := g.last
		if g.lastF != nil {
			last = g.lastF
		}
		return pick(r, g.female) + " " + pick(r, last)
	}
	return pick(r, g.male) + " " + pick(r, g.last)
}

// emailLocal turns "Rania Al-Hassan" into "rania.al-hassan".
func emailLocal(name string) string {
	return strings.ToLower(strings.ReplaceAll(asciiFold(name), " ", "."))
}

// asciiFold turns a name into the ASCII form used in e-mail addresses and domains.
func asciiFold(s string) string { return asciiFolder.Replace(s) }

var asciiFolder = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss",
	"ı", "i", "İ", "I", "ş", "s", "Ş", "S", "ç", "c", "Ç", "C", "ğ", "g", "é", "e", "è", "e",
	"ó", "o", "ł", "l", "ś", "s", "ń", "n", "ż", "z", "ź", "z", "ą", "a", "ę", "e")

// legalForms are dropped from names before they become domains.
var legalForms = strings.NewReplacer(" e.V.", "", " e. V.", "", " gGmbH", "", " GmbH", "", " mbH", "", " eG", "", " AG", "")

// slug makes a lower-case domain label from a name: "Caritasverband Marl" → "caritasverband-marl".
// It keeps at most max characters, cutting at a hyphen.
func slug(name string, max int) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(asciiFold(legalForms.Replace(name))) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > max {
		s = s[:max]
		if i := strings.LastIndexByte(s, '-'); i > max/2 {
			s = s[:i]
		}
		s = strings.TrimSuffix(s, "-")
	}
	return s
}
