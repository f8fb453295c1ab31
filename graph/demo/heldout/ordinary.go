package heldout

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The ordinary offers: the landscape around the planted pairs. Each kind of offer is placed
// at most once per town and never in a town where a planted offer of the same kind (or of a
// kind it could be mistaken for, avoid) already is, so that no ordinary offer is an
// unlabelled duplicate. Providers, towns, dates and structure come from the seeded stream.

// kind is one kind of ordinary offer.
type kind struct {
	concept string
	field   string
	groups  []string
	// orgs are the possible providers: organisation keys, or "@town" (the town's
	// administration), "@vhs" (the town's Volkshochschule), "@local" (a civil-society
	// organisation of the town, else its administration), "@club" (a club of the town, else the
	// Kreissportbund).
	orgs   []string
	titles []string // {town} is replaced by the town's name
	desc   string   // {town} is replaced by the town's name
	prog   string
	langs  []string
	format string
	fee    *float64
	cap    int64
	when   schedule
	n      int      // how many measures
	multi  int      // when > 1, each measure is offered in this many towns
	towns  []string // the towns the kind may be offered in (all when empty)
	avoid  []string // near kinds whose towns are avoided as well
	level  string
}

// schedule says how an ordinary offer's dates are drawn.
type schedule int

const (
	openEnded  schedule = iota // since some day, no end
	course                     // a course of a few months
	schoolYear                 // the school year 2025/26
	project                    // a funded project of two or three years
	event                      // one day
	summer                     // the summer holidays 2026
)

var bigTowns = []string{"det", "lem", "bsu", "lag"}

var kinds = []kind{
	// Sprache und Bildung
	{concept: "integrationskurs", field: "spr", groups: []string{"neu", "gef"}, orgs: []string{"@vhs"},
		titles: []string{"Integrationskurs", "Integrationskurs (allgemein)", "Integrationskurs – Nachmittagskurs"},
		desc:   "Allgemeiner Integrationskurs mit 600 Unterrichtseinheiten Sprachkurs bis Niveau B1 und 100 Einheiten Orientierungskurs. Abschluss mit dem Deutsch-Test für Zuwanderer und dem Test „Leben in Deutschland“.",
		prog:   "Integrationskurs (BAMF)", format: "in_person", cap: 20, when: course, n: 6, avoid: []string{"alphakurs"}},
	{concept: "eok", field: "spr", groups: []string{"gef"}, orgs: []string{"bz", "@vhs"},
		titles: []string{"Erstorientierungskurs für Asylsuchende", "Erstorientierung und Deutsch im Alltag"},
		desc:   "300 Unterrichtseinheiten zu Alltag, Werten und ersten Deutschkenntnissen für Menschen im Asylverfahren ohne Zugang zum Integrationskurs: Einkaufen, Arztbesuch, Wohnen, Arbeit, Orientierung in {town}.",
		prog:   "Erstorientierungskurs (BAMF)", format: "in_person", fee: free, cap: 15, when: course, n: 3},
	{concept: "sprachcafe", field: "spr", groups: []string{"neu", "gef", "aufnahme"}, orgs: []string{"@local"},
		titles: []string{"Sprachcafé", "Sprachcafé {town}", "Language Café {town}"},
		desc:   "Offener Gesprächstreff zum Deutschüben mit Ehrenamtlichen, einmal in der Woche, ohne Anmeldung und kostenlos.",
		format: "in_person", fee: free, when: openEnded, n: 6, avoid: []string{"deutsch_a2"}},
	{concept: "homework", field: "spr", groups: []string{"kinder"}, orgs: []string{"@local"},
		titles: []string{"Hausaufgabenbetreuung", "Hausaufgabenbetreuung für Schulkinder"},
		desc:   "Ehrenamtliche Hausaufgabenbetreuung für Schulkinder an drei Nachmittagen pro Woche.",
		format: "in_person", fee: free, cap: 15, when: schoolYear, n: 5, avoid: []string{"leseclub", "lernfoerderung_sek"}},
	{concept: "hsu", field: "spr", groups: []string{"kinder"}, orgs: []string{"schulamt"},
		titles: []string{"Herkunftssprachlicher Unterricht (Arabisch, Türkisch, Russisch, Ukrainisch)"},
		desc:   "Unterricht in der Herkunftssprache für Schülerinnen und Schüler der Klassen 1 bis 10, nachmittags an ausgewählten Schulen; Anmeldung über die Schule.",
		langs:  []string{"ar", "tr", "ru", "uk"}, format: "in_person", fee: free, when: schoolYear, n: 1, multi: 4},
	{concept: "vorlesen", field: "spr", groups: []string{"kinder", "eltern"}, orgs: []string{"@local", "@town"},
		titles: []string{"Vorlesestunde in vielen Sprachen", "Mehrsprachiges Vorlesen in der Bücherei"},
		desc:   "Einmal im Monat lesen Ehrenamtliche in der Bücherei Bilderbücher auf Deutsch und in einer weiteren Sprache vor – für Kinder ab drei Jahren mit ihren Eltern.",
		format: "in_person", fee: free, when: openEnded, n: 4, avoid: []string{"leseclub"}},
	{concept: "alphakurs", field: "spr", groups: []string{"neu", "gef"}, orgs: []string{"@vhs"},
		titles: []string{"Grundbildung: Lesen und Schreiben für Erwachsene", "Alphabetisierungskurs"},
		desc:   "Für Erwachsene, die nicht oder kaum lesen und schreiben können: kleine Gruppen, eigenes Lerntempo, Materialien aus dem Alltag.",
		format: "in_person", fee: free, cap: 10, when: course, n: 2, avoid: []string{"integrationskurs"}},
	{concept: "deutsch_a2", field: "spr", groups: []string{"neu", "arbeitsuchende"}, orgs: []string{"@vhs"},
		titles: []string{"Deutsch A2 – Abendkurs", "Deutsch als Fremdsprache A2"},
		desc:   "Deutschkurs auf dem Niveau A2 für Berufstätige, zweimal pro Woche abends, mit Lehrbuch.",
		format: "in_person", fee: eur(110), cap: 16, when: course, n: 4, avoid: []string{"sprachcafe"}},
	{concept: "bsk_b1", field: "spr", groups: []string{"arbeitsuchende", "neu"}, orgs: []string{"bz", "@vhs"},
		titles: []string{"Berufssprachkurs B1", "Job-BSK B1"},
		desc:   "Berufsbezogene Deutschsprachförderung auf dem Niveau B1 für Menschen, die Arbeit suchen oder beschäftigt sind; Zugang über Jobcenter oder Agentur für Arbeit.",
		prog:   "Berufssprachkurs (DeuFöV)", format: "hybrid", cap: 18, when: course, n: 3, towns: bigTowns},

	// Ausbildung, Arbeit und Qualifizierung
	{concept: "bewerbung", field: "arb", groups: []string{"arbeitsuchende", "gef"}, orgs: []string{"jc", "bz", "kolping", "diakonie"},
		titles: []string{"Bewerbungstraining", "Bewerbungstraining für Zugewanderte"},
		desc:   "Vier Vormittage zu Lebenslauf, Anschreiben und Vorstellungsgespräch, mit Bewerbungsfotos.",
		format: "in_person", fee: free, cap: 12, when: course, n: 5},
	{concept: "praktikumsboerse", field: "arb", groups: []string{"gef", "arbeitsuchende"}, orgs: []string{"jc", "ihk", "kh"},
		titles: []string{"Praktikumsbörse für Geflüchtete"},
		desc:   "Betriebe aus Handwerk, Pflege und Logistik melden freie Praktikumsplätze; Interessierte werden vorab beraten und an passende Betriebe vermittelt.",
		format: "online", fee: free, when: project, n: 1, multi: 5},
	{concept: "jc_team", field: "arb", groups: []string{"gef", "arbeitsuchende"}, orgs: []string{"jc"},
		titles: []string{"Team Integration im Jobcenter: Beratung für Geflüchtete"},
		desc:   "Integrationsfachkräfte beraten Leistungsberechtigte mit Fluchtgeschichte zu Sprachkursen, Anerkennung, Ausbildung und Arbeit.",
		format: "in_person", fee: free, when: openEnded, n: 1, multi: 5},
	{concept: "teilqualifizierung", field: "arb", groups: []string{"arbeitsuchende", "gef"}, orgs: []string{"kh", "bz"},
		titles: []string{"Teilqualifizierung im Handwerk", "Berufsabschluss in Etappen"},
		desc:   "Modulare Teilqualifizierung in Metall- und Elektroberufen für Erwachsene ohne Berufsabschluss, mit Kammerzertifikat je Modul.",
		format: "in_person", cap: 10, when: project, n: 2, towns: bigTowns},
	{concept: "ausbildungsmesse", field: "arb", groups: []string{"jungeErw", "kinder"}, orgs: []string{"ihk", "@town"},
		titles: []string{"Ausbildungsbörse {town}", "Tag der Ausbildung {town}"},
		desc:   "Betriebe aus der Region stellen an einem Tag ihre Ausbildungsberufe vor.",
		format: "in_person", fee: free, when: event, n: 2},
	{concept: "gruendung", field: "arb", groups: []string{"fachkraefte", "neu"}, orgs: []string{"ihk"},
		titles: []string{"Gründungsberatung für Zugewanderte"},
		desc:   "Orientierungsgespräch für Menschen mit Einwanderungsgeschichte, die sich selbstständig machen möchten.",
		format: "hybrid", fee: free, when: openEnded, n: 1, multi: 2, towns: bigTowns},
	{concept: "staplerschein", field: "arb", groups: []string{"arbeitsuchende"}, orgs: []string{"bz"},
		titles: []string{"Gabelstapler-Führerschein"},
		desc:   "Fünftägiger Lehrgang mit Prüfung und Fahrausweis, Förderung über Bildungsgutschein möglich.",
		format: "in_person", fee: eur(390), cap: 8, when: course, n: 2, avoid: []string{"fuehrerschein"}},

	// Wohnen und Quartier
	{concept: "mietfuehrerschein", field: "woh", groups: []string{"gef"}, orgs: []string{"mieterverein", "caritas"},
		titles: []string{"Mietführerschein"},
		desc:   "Kurs zu Mietvertrag, Nebenkosten, Heizen und Lüften und Hausordnung, mit Zertifikat.",
		format: "in_person", fee: free, cap: 12, when: course, n: 2, avoid: []string{"mieterberatung"}},
	{concept: "wohnungssuche", field: "woh", groups: []string{"gef"}, orgs: []string{"@town"},
		titles: []string{"Unterstützung bei der Wohnungssuche", "Beratung zum Auszug aus der Unterkunft"},
		desc:   "Die Verwaltung berät Geflüchtete beim Auszug aus der Unterkunft: Wohnungsangebote, Mietobergrenzen, Kontakt zu Vermietern.",
		format: "in_person", fee: free, when: openEnded, n: 5, avoid: []string{"wohngeld"}},
	{concept: "stromspar", field: "woh", groups: []string{"gef", "arbeitsuchende"}, orgs: []string{"caritas"},
		titles: []string{"Stromspar-Check"},
		desc:   "Geschulte Stromsparhelfer kommen kostenlos in Haushalte mit geringem Einkommen, messen den Verbrauch und bringen Energiesparlampen, Steckdosenleisten und wassersparende Duschköpfe mit.",
		prog:   "Stromspar-Check", format: "in_person", fee: free, when: project, n: 1, multi: 5},
	{concept: "quartiersbuero", field: "woh", groups: []string{"aufnahme", "gef", "neu"}, orgs: []string{"@town"},
		titles: []string{"Quartiersbüro", "Stadtteilbüro"},
		desc:   "Anlaufstelle im Stadtteil für Nachbarschaftsfragen, Mieterinitiativen und Projekte im Wohnumfeld.",
		format: "in_person", fee: free, when: project, n: 3, towns: bigTowns},
	{concept: "mediation", field: "woh", groups: []string{"aufnahme", "neu", "gef"}, orgs: []string{"pari", "caritas"},
		titles: []string{"Nachbarschaftsmediation"},
		desc:   "Ausgebildete ehrenamtliche Mediatorinnen und Mediatoren vermitteln bei Streit im Haus – über Lärm, Müll oder Kinder im Treppenhaus – bevor er eskaliert.",
		format: "in_person", fee: free, when: openEnded, n: 3},
	{concept: "moebel", field: "woh", groups: []string{"gef", "arbeitsuchende"}, orgs: []string{"drk", "diakonie"},
		titles: []string{"Möbelbörse", "Gebrauchtmöbellager"},
		desc:   "Gebrauchte Möbel und Haushaltsgeräte zu kleinen Preisen für Menschen, die eine erste eigene Wohnung einrichten; Lieferung möglich.",
		format: "in_person", when: openEnded, n: 3},

	// Gesundheit und Pflege
	{concept: "impf", field: "ges", groups: []string{"gef", "kinder"}, orgs: []string{"kreisga"},
		titles: []string{"Impfsprechstunde in Gemeinschaftsunterkünften"},
		desc:   "Das Gesundheitsamt prüft Impfpässe und bietet Standardimpfungen für Kinder und Erwachsene direkt in den Unterkünften an.",
		format: "in_person", fee: free, when: openEnded, n: 1, multi: 3},
	{concept: "sucht", field: "ges", groups: []string{"gef", "neu"}, orgs: []string{"diakonie", "caritas"},
		titles: []string{"Suchtberatung in Farsi und Arabisch"},
		desc:   "Beratung bei Problemen mit Alkohol, Medikamenten, Glücksspiel oder Drogen, für Betroffene und Angehörige.",
		langs:  []string{"fa", "ar", "de"}, format: "in_person", fee: free, when: openEnded, n: 3},
	{concept: "frauensport", field: "ges", groups: []string{"frauen"}, orgs: []string{"ksb", "drk", "@club"},
		titles: []string{"Gesundheitssport für Frauen", "Bewegung und Entspannung für Frauen"},
		desc:   "Rücken, Beckenboden, Ausdauer: Bewegungskurs für Frauen jeden Alters in einer Turnhalle ohne Zuschauer, mit Trainerin.",
		format: "in_person", fee: eur(25), cap: 15, when: course, n: 4, avoid: []string{"frauenschwimmen"}},
	{concept: "zahn", field: "ges", groups: []string{"kinder", "eltern"}, orgs: []string{"kreisga"},
		titles: []string{"Zahngesundheit in Kitas"},
		desc:   "Der zahnärztliche Dienst besucht Kitas, zeigt Kindern spielerisch das Zähneputzen und informiert Eltern mehrsprachig über gesunde Ernährung.",
		format: "in_person", fee: free, when: schoolYear, n: 1, multi: 4},
	{concept: "familienhebamme", field: "ges", groups: []string{"eltern", "frauen"}, orgs: []string{"kreisjug"},
		titles: []string{"Familienhebammen"},
		desc:   "Aufsuchende Begleitung von Familien mit Säuglingen im ersten Lebensjahr: Gesundheit, Ernährung, Entwicklung, Alltag mit dem Baby.",
		format: "in_person", fee: free, when: openEnded, n: 1, multi: 3, avoid: []string{"schwanger", "geburtsvorbereitung"}},
	{concept: "psychosozial", field: "ges", groups: []string{"gef"}, orgs: []string{"psz"},
		titles: []string{"Außensprechstunde des Psychosozialen Zentrums"},
		desc:   "Clearinggespräche und Beratung für Geflüchtete mit seelischen Belastungen, mit Sprachmittlung.",
		format: "in_person", fee: free, when: project, n: 1, multi: 2, towns: []string{"lem", "bsu", "lag"}},
	{concept: "pflegeberatung", field: "ges", groups: []string{"senioren"}, orgs: []string{"pflege"},
		titles: []string{"Pflegeberatung"},
		desc:   "Beratung zu Pflegegrad, Leistungen und Entlastungsangeboten.",
		format: "in_person", fee: free, when: openEnded, n: 2},

	// Kinder, Jugend und Familie
	{concept: "rucksack_schule", field: "fam", groups: []string{"eltern", "kinder"}, orgs: []string{"kreis"},
		titles: []string{"Rucksack Schule"},
		desc:   "Elternbildung an Grundschulen: Mütter und Väter begleiten das Lernen ihrer Kinder in der Familiensprache, abgestimmt auf den Unterricht.",
		prog:   "Rucksack Schule", format: "in_person", fee: free, when: schoolYear, n: 2, avoid: []string{"rucksack", "griffbereit"}},
	{concept: "griffbereit", field: "fam", groups: []string{"eltern"}, orgs: []string{"kreis"},
		titles: []string{"Griffbereit – Eltern-Kind-Gruppe"},
		desc:   "Spielgruppe für Familien mit Kindern von einem bis drei Jahren, in der Familiensprache und auf Deutsch.",
		prog:   "Griffbereit", format: "in_person", fee: free, cap: 10, when: schoolYear, n: 2, avoid: []string{"rucksack", "rucksack_schule", "kita_einstieg"}},
	{concept: "elterncafe", field: "fam", groups: []string{"eltern"}, orgs: []string{"@local"},
		titles: []string{"Elterncafé", "Elterncafé international"},
		desc:   "Offener Treff für Eltern mit Kinderbetreuung und wechselnden Themen von Schlaf bis Schuleintritt.",
		format: "in_person", fee: free, when: openEnded, n: 5, avoid: []string{"griffbereit", "rucksack", "kita_einstieg"}},
	{concept: "ferienspiele", field: "fam", groups: []string{"kinder"}, orgs: []string{"@town"},
		titles: []string{"Interkulturelle Ferienspiele", "Ferienspiele {town}"},
		desc:   "Zwei Wochen Programm in den Sommerferien für Kinder von 6 bis 12 Jahren: Ausflüge, Basteln, Sport und Spiele, Beitrag nach Einkommen gestaffelt.",
		format: "in_person", cap: 40, when: summer, n: 6},
	{concept: "jugendtreff", field: "fam", groups: []string{"kinder", "jungeErw"}, orgs: []string{"@town"},
		titles: []string{"Offener Jugendtreff", "Jugendzentrum {town}"},
		desc:   "Jugendzentrum mit Billard, Musikraum und Beratung durch Fachkräfte der offenen Jugendarbeit, dienstags bis freitags ab 15 Uhr.",
		format: "in_person", fee: free, when: openEnded, n: 6, avoid: []string{"jmd"}},
	{concept: "schuldner", field: "fam", groups: []string{"eltern", "arbeitsuchende"}, orgs: []string{"caritas", "diakonie", "awo"},
		titles: []string{"Schuldnerberatung", "Schuldner- und Insolvenzberatung"},
		desc:   "Anerkannte Schuldner- und Insolvenzberatung: Überblick über Forderungen, Verhandlung mit Gläubigern, P-Konto-Bescheinigung, Begleitung in das Insolvenzverfahren.",
		format: "in_person", fee: free, when: openEnded, n: 2, towns: bigTowns, avoid: []string{"but"}},
	{concept: "elternkurs", field: "fam", groups: []string{"eltern"}, orgs: []string{"kreisjug"},
		titles: []string{"Starke Eltern – starke Kinder"},
		desc:   "Elternkurs an acht Abenden zu Erziehung ohne Gewalt, Grenzen setzen und Stärken des Kindes.",
		prog:   "Starke Eltern – starke Kinder", format: "in_person", fee: eur(30), cap: 12, when: course, n: 2, avoid: []string{"schulsystem_info"}},

	// Teilhabe und Zusammenleben
	{concept: "mbe", field: "teil", groups: []string{"neu", "gef"}, orgs: []string{"caritas", "awo", "diakonie"},
		titles: []string{"Migrationsberatung für Erwachsene (MBE)"},
		desc:   "Die Migrationsberatung für erwachsene Zuwanderer berät Menschen über 27 Jahre in den ersten drei Jahren nach der Ankunft: individueller Förderplan, Sprachkurs, Arbeit, Aufenthalt, Familie.",
		prog:   "MBE", format: "in_person", fee: free, when: openEnded, n: 3, multi: 2, avoid: []string{"kim_case"}},
	{concept: "sozialberatung_uk", field: "teil", groups: []string{"gef"}, orgs: []string{"drk", "@town"},
		titles: []string{"Soziale Betreuung in der Unterkunft"},
		desc:   "Sozialarbeiterinnen und Sozialarbeiter sind an drei Tagen pro Woche in der Gemeinschaftsunterkunft, schlichten Konflikte und vermitteln an Beratungsstellen und Ärzte.",
		format: "in_person", fee: free, when: openEnded, n: 5, avoid: []string{"antragshilfe", "mbe", "kim_case"}},
	{concept: "integrationsrat", field: "teil", groups: []string{"neu", "aufnahme"}, orgs: []string{"@town"},
		titles: []string{"Sprechstunde des Integrationsrats"},
		desc:   "Mitglieder des Integrationsrats nehmen Anregungen und Beschwerden von Einwohnerinnen und Einwohnern mit Einwanderungsgeschichte entgegen und tragen sie in Rat und Ausschüsse.",
		format: "in_person", fee: free, when: openEnded, n: 3, towns: bigTowns, avoid: []string{"antidisk"}},
	{concept: "kleiderkammer", field: "teil", groups: []string{"gef", "arbeitsuchende"}, orgs: []string{"drk", "@local"},
		titles: []string{"Kleiderkammer", "Kleiderstube"},
		desc:   "Kostenlose Kleidung, Schuhe und Bettwäsche für Menschen mit geringem Einkommen, geöffnet dienstags und donnerstags.",
		format: "in_person", fee: free, when: openEnded, n: 5},
	{concept: "tafel", field: "teil", groups: []string{"arbeitsuchende", "gef", "senioren"}, orgs: []string{"tafel", "@local"},
		titles: []string{"Lebensmittelausgabe", "Tafel-Ausgabestelle {town}"},
		desc:   "Gespendete Lebensmittel für Menschen mit Berechtigungsnachweis, einmal pro Woche gegen einen symbolischen Beitrag.",
		format: "in_person", fee: eur(2), when: openEnded, n: 4},
	{concept: "computerkurs", field: "teil", groups: []string{"neu", "senioren"}, orgs: []string{"@vhs"},
		titles: []string{"Computerkurs für Einsteiger", "Smartphone-Kurs für Einsteiger"},
		desc:   "Grundlagen am Computer und Smartphone: E-Mail, Internet, Fotos, sichere Passwörter.",
		format: "in_person", fee: eur(35), cap: 10, when: course, n: 4, avoid: []string{"antragshilfe"}},
	{concept: "einbuergerung", field: "teil", groups: []string{"neu"}, orgs: []string{"abh"},
		titles: []string{"Einbürgerungsberatung"},
		desc:   "Information zu Voraussetzungen der Einbürgerung, Sprachnachweis, Einbürgerungstest und Unterlagen; Antragsannahme nach Terminvereinbarung.",
		format: "in_person", when: openEnded, n: 1, multi: 4, towns: bigTowns},
	{concept: "naehen", field: "teil", groups: []string{"frauen", "aufnahme"}, orgs: []string{"@local"},
		titles: []string{"Nähcafé"},
		desc:   "Nähmaschinen, Stoffreste und Hilfe beim Ändern und Reparieren von Kleidung, jeden Donnerstagnachmittag.",
		format: "in_person", fee: free, when: openEnded, n: 3, avoid: []string{"frauentreff"}},
	{concept: "garten", field: "teil", groups: []string{"aufnahme", "gef"}, orgs: []string{"@local"},
		titles: []string{"Interkultureller Garten {town}"},
		desc:   "Gemeinsam gärtnern auf einer Brache am Ortsrand, mit Beeten für Familien und einer Kräuterschnecke für alle.",
		format: "in_person", when: openEnded, n: 3},
	{concept: "senioren_treff", field: "teil", groups: []string{"senioren"}, orgs: []string{"@local", "@town"},
		titles: []string{"Seniorentreff international"},
		desc:   "Wöchentlicher Nachmittag für ältere Menschen aus vielen Ländern mit Kaffee, Gesprächen und Ausflügen.",
		format: "in_person", fee: free, when: openEnded, n: 4, avoid: []string{"rente_aussiedler"}},
	{concept: "frauentreff", field: "teil", groups: []string{"frauen"}, orgs: []string{"frauentreff", "@local"},
		titles: []string{"Internationaler Frauentreff", "Frauentreff {town}"},
		desc:   "Offener Treff für Frauen aus aller Welt mit Kinderbetreuung, zweimal im Monat.",
		format: "in_person", fee: free, when: openEnded, n: 4, avoid: []string{"gewaltschutz", "naehen"}},
	{concept: "fest", field: "teil", groups: []string{"aufnahme", "neu"}, orgs: []string{"@town"},
		titles: []string{"Fest der Kulturen", "Interkulturelles Stadtfest"},
		desc:   "Jährliches Fest mit Musik, Essen und Ständen von Vereinen und Migrantenorganisationen auf dem Marktplatz.",
		format: "in_person", fee: free, when: event, n: 5, avoid: []string{"spielenachmittag"}},
	{concept: "konzept", field: "teil", groups: []string{"neu", "aufnahme"}, orgs: []string{"@town"}, level: "strategic",
		titles: []string{"Fortschreibung des Integrationskonzepts {town}"},
		desc:   "Die Verwaltung schreibt das Integrationskonzept der Stadt fort: Bestandsaufnahme, Beteiligung von Trägern und Integrationsrat, Ziele und Maßnahmen, Beschluss im Rat.",
		when:   project, n: 2, towns: bigTowns},
	{concept: "asylverfahren", field: "teil", groups: []string{"gef"}, orgs: []string{"diakonie"},
		titles: []string{"Asylverfahrensberatung"},
		desc:   "Unabhängige Beratung im Asylverfahren, Vorbereitung auf die Anhörung, Erklärung von Bescheiden.",
		format: "in_person", fee: free, when: openEnded, n: 1, multi: 2},

	// Ehrenamt und Selbstorganisation
	{concept: "ehrenamt_quali", field: "ehr", groups: []string{"engagierte"}, orgs: []string{"pari"},
		titles: []string{"Basisschulung für Ehrenamtliche"},
		desc:   "Drei Abende zu Asylrecht, interkultureller Kommunikation und Selbstfürsorge im Ehrenamt.",
		format: "in_person", fee: free, cap: 20, when: course, n: 2},
	{concept: "helferstammtisch", field: "ehr", groups: []string{"engagierte"}, orgs: []string{"@local"},
		titles: []string{"Helferstammtisch"},
		desc:   "Monatlicher Austausch der Ehrenamtlichen aus der Flüchtlingsarbeit.",
		format: "in_person", when: openEnded, n: 3, avoid: []string{"ehrenamtsboerse"}},
	{concept: "patenschaft", field: "ehr", groups: []string{"gef", "engagierte"}, orgs: []string{"@local"},
		titles: []string{"Patenschaften für Geflüchtete", "Integrationslotsen"},
		desc:   "Ehrenamtliche begleiten geflüchtete Familien im Alltag: Behördengänge, Schule, Freizeit.",
		format: "in_person", fee: free, when: openEnded, n: 4, avoid: []string{"vormundschaft"}},
	{concept: "ehrenamtsboerse", field: "ehr", groups: []string{"engagierte", "aufnahme"}, orgs: []string{"@town"},
		titles: []string{"Ehrenamtsbörse"},
		desc:   "Vermittlung von Interessierten an Vereine und Einrichtungen, die Freiwillige suchen.",
		format: "online", fee: free, when: openEnded, n: 2, avoid: []string{"helferstammtisch"}},
	{concept: "mo_beratung", field: "ehr", groups: []string{"engagierte", "neu"}, orgs: []string{"kreis"},
		titles: []string{"Beratung für Migrantenorganisationen"},
		desc:   "Unterstützung bei Vereinsgründung, Satzung, Gemeinnützigkeit, Förderanträgen und Buchhaltung für Migrantenselbstorganisationen.",
		format: "hybrid", fee: free, when: openEnded, n: 1, multi: 4, towns: bigTowns},

	// Sport, Kultur und Freizeit
	{concept: "fussball_offen", field: "frz", groups: []string{"gef", "kinder"}, orgs: []string{"@club"},
		titles: []string{"Offenes Fußballtraining", "Fußball für alle"},
		desc:   "Offenes Training ohne Vereinsmitgliedschaft, einmal pro Woche.",
		prog:   "Integration durch Sport", format: "in_person", fee: free, when: openEnded, n: 5, avoid: []string{"maedchenfussball"}},
	{concept: "schwimmen_kinder", field: "frz", groups: []string{"kinder"}, orgs: []string{"drk", "@club"},
		titles: []string{"Schwimmkurs für Kinder (Seepferdchen)"},
		desc:   "Anfängerschwimmkurs für Kinder ab fünf Jahren in zehn Einheiten, mit Abzeichen.",
		format: "in_person", fee: eur(60), cap: 10, when: course, n: 4},
	{concept: "frauenschwimmen", field: "frz", groups: []string{"frauen"}, orgs: []string{"@town"},
		titles: []string{"Frauenbadezeit"},
		desc:   "Zweimal im Monat ist das Hallenbad sonntags nur für Frauen und Mädchen geöffnet, mit Schwimmmeisterin.",
		format: "in_person", fee: eur(4), when: openEnded, n: 2, avoid: []string{"frauensport"}},
	{concept: "chor", field: "frz", groups: []string{"aufnahme", "neu"}, orgs: []string{"@local"},
		titles: []string{"Interkultureller Chor"},
		desc:   "Lieder aus vielen Ländern, Proben donnerstags, keine Notenkenntnisse nötig.",
		format: "in_person", fee: free, when: openEnded, n: 3},
	{concept: "museum", field: "frz", groups: []string{"neu", "gef"}, orgs: []string{"@vhs"},
		titles: []string{"Kultur erleben: Museumsbesuche für Neuzugewanderte"},
		desc:   "Geführte Besuche in Museen der Region mit Erklärungen in einfacher Sprache.",
		format: "in_person", fee: free, when: course, n: 2},
	{concept: "radkurs_frauen", field: "frz", groups: []string{"frauen"}, orgs: []string{"drk"},
		titles: []string{"Fahrradkurs für Frauen"},
		desc:   "Radfahren lernen für Frauen ohne Vorkenntnisse, mit Leihrädern.",
		format: "in_person", fee: free, cap: 8, when: course, n: 1, avoid: []string{"fahrradwerkstatt"}},
	{concept: "fahrradwerkstatt", field: "frz", groups: []string{"gef", "aufnahme"}, orgs: []string{"@local"},
		titles: []string{"Fahrradwerkstatt"},
		desc:   "Gespendete Räder gemeinsam reparieren und an Menschen ohne Fahrrad weitergeben.",
		format: "in_person", fee: free, when: openEnded, n: 2, avoid: []string{"radkurs_frauen"}},
	{concept: "theater", field: "frz", groups: []string{"kinder", "jungeErw"}, orgs: []string{"@local", "@town"},
		titles: []string{"Theaterprojekt mit jungen Geflüchteten"},
		desc:   "Ein Jahr lang entwickeln Jugendliche aus {town} und anderswo ein eigenes Stück und führen es im Sommer auf.",
		format: "in_person", fee: free, cap: 15, when: project, n: 3},
}

// boilerplate is what providers put under every offer on their websites; the long ordinary
// descriptions are made from it.
var boilerplate = []string{
	"Anmeldung: Bitte melden Sie sich telefonisch oder per E-Mail an. Wenn Sie Fragen haben, rufen Sie uns an; wir rufen zurück, auch wenn Sie uns nur auf den Anrufbeantworter sprechen. Termine außerhalb der Sprechzeiten sind nach Absprache möglich. Wer kurzfristig nicht kommen kann, sagt bitte ab, damit jemand anderes den Platz bekommt.",
	"Barrierefreiheit: Die Räume sind mit dem Rollstuhl erreichbar, eine barrierefreie Toilette ist vorhanden. Wenn Sie Unterstützung brauchen, etwa eine Übersetzung in Gebärdensprache oder Unterlagen in großer Schrift, sagen Sie uns bitte vorher Bescheid. Kinder dürfen nach Absprache mitgebracht werden.",
	"Anfahrt: Die Haltestelle des Stadtbusses liegt wenige Gehminuten entfernt; Parkplätze gibt es auf dem Hof. Mit dem Fahrrad erreichen Sie uns über den Radweg entlang der Hauptstraße, Fahrradbügel stehen am Eingang.",
	"Datenschutz: Ihre Angaben verwenden wir nur für die Organisation des Angebots und geben sie nicht an Dritte weiter. Beratungsgespräche sind vertraulich; Mitarbeitende und Ehrenamtliche sind zur Verschwiegenheit verpflichtet.",
	"Über uns: Wir sind seit vielen Jahren im Kreis Lippe tätig und arbeiten eng mit dem Kommunalen Integrationszentrum, den Städten und Gemeinden, den Schulen und den Wohlfahrtsverbänden zusammen. Unsere Angebote werden aus Mitteln des Landes Nordrhein-Westfalen, des Kreises und aus Spenden finanziert. Wer uns unterstützen möchte, ist herzlich eingeladen, Mitglied zu werden oder sich ehrenamtlich zu engagieren.",
}

// ordinary places the ordinary offers.
func (b *builder) ordinary() {
	r := b.r
	for _, k := range kinds {
		candidates := k.towns
		if len(candidates) == 0 {
			candidates = make([]string, len(towns))
			for i, t := range towns {
				candidates[i] = t.key
			}
		}
		per := max(k.multi, 1)
		for i := range k.n {
			order := slices.Clone(candidates)
			r.Shuffle(len(order), func(x, y int) { order[x], order[y] = order[y], order[x] })
			var chosen []string
			for _, t := range order {
				if len(chosen) == per {
					break
				}
				if !b.blocked(t, k) {
					chosen = append(chosen, t)
				}
			}
			if len(chosen) == 0 {
				continue
			}
			b.addOffer(b.ordinaryOffer(k, i, chosen))
		}
	}
}

// blocked reports whether an offer of kind k must stay out of town t.
func (b *builder) blocked(t string, k kind) bool {
	if b.reserved[t+"/"+k.concept] {
		return true
	}
	for _, c := range k.avoid {
		if b.reserved[t+"/"+c] {
			return true
		}
	}
	return false
}

func (b *builder) ordinaryOffer(k kind, i int, at []string) offer {
	r := b.r
	town := townName(at[0])
	o := offer{
		key:     fmt.Sprintf("o/%s/%d", k.concept, i),
		title:   fill(k.titles[r.IntN(len(k.titles))], town),
		org:     b.provider(k.orgs[r.IntN(len(k.orgs))], at[0]),
		towns:   at,
		fields:  []string{k.field},
		groups:  slices.Clone(k.groups),
		format:  k.format,
		langs:   slices.Clone(k.langs),
		prog:    k.prog,
		fee:     k.fee,
		level:   k.level,
		concept: k.concept,
	}
	if k.cap > 0 {
		o.capacity = k.cap - 2 + int64(r.IntN(5))
	}
	switch x := r.Float64(); {
	case x < 0.08:
		// no description: only a title in the directory
	case x < 0.16:
		o.desc = longDescription(r, fill(k.desc, town), orgByKey[o.org].name)
	default:
		o.desc = fill(k.desc, town)
	}
	o.from, o.to = dates(r, k.when)
	switch x := r.Float64(); {
	case x < 0.06:
		o.from, o.to = "", "" // undated
	case x < 0.12 && k.when != event && k.when != summer:
		o.from, o.to = "2023-02-01", "2025-06-30" // ended before the reference day
	}
	if o.prog != "" && r.Float64() < 0.2 {
		o.prog = "" // the programme was not entered
	}
	if o.format != "" && r.Float64() < 0.15 {
		o.format = ""
	}
	if len(o.langs) > 0 && r.Float64() < 0.2 {
		o.langs = nil
	}
	if r.Float64() < 0.1 && len(o.groups) > 1 {
		o.groups = o.groups[:1]
	}
	if statusAt(o.from, o.to) == "active" && r.Float64() < 0.05 {
		o.status = "paused"
	}
	if r.Float64() < 0.04 {
		o.internal = true
	}
	if r.Float64() < 0.1 {
		if p := b.provider("@town", at[0]); p != o.org {
			o.partners = []string{p}
		}
	}
	return o
}

// provider resolves a provider choice for a town.
func (b *builder) provider(choice, town string) string {
	switch choice {
	case "@town":
		return "adm_" + town
	case "@vhs":
		switch town {
		case "bsu":
			return "vhsbsu"
		case "lag", "oer", "leo":
			return "vhswest"
		case "blo", "bar", "doe", "ext", "lue", "ssw":
			return "vhsost"
		}
		return "vhsdl"
	case "@local", "@club":
		var local []string
		for _, o := range orgs {
			if o.town != town {
				continue
			}
			switch o.kind {
			case "club":
				local = append(local, o.key)
			case "volunteer_initiative", "religious_community", "migrant_organisation":
				if choice == "@local" {
					local = append(local, o.key)
				}
			}
		}
		if len(local) > 0 {
			return local[b.r.IntN(len(local))]
		}
		if choice == "@club" {
			return "ksb"
		}
		return "adm_" + town
	}
	return choice
}

// longDescription adds the provider's boilerplate to desc until it is about 2,000 characters.
func longDescription(r *rand.Rand, desc, provider string) string {
	parts := []string{desc, "Träger: " + provider + "."}
	order := r.Perm(len(boilerplate))
	n := len([]rune(strings.Join(parts, "\n\n")))
	for _, i := range order {
		if n > 1700 {
			break
		}
		parts = append(parts, boilerplate[i])
		n += len([]rune(boilerplate[i])) + 2
	}
	return strings.Join(parts, "\n\n")
}

// dates draws the first and last day for a schedule.
func dates(r *rand.Rand, s schedule) (from, to string) {
	day := func(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }
	switch s {
	case openEnded:
		return day(2017+r.IntN(9), 1+r.IntN(12), 1), ""
	case course:
		m := 9 + r.IntN(9) // September 2025 to May 2026
		y := 2025
		if m > 12 {
			m -= 12
			y = 2026
		}
		em, ey := m+2+r.IntN(7), y
		for em > 12 {
			em -= 12
			ey++
		}
		return day(y, m, 1+r.IntN(14)), day(ey, em, 15+r.IntN(13))
	case schoolYear:
		return syFrom, syTo
	case project:
		p := [][2]string{{"2024-01-01", "2026-12-31"}, {"2025-01-01", "2027-12-31"}, {"2023-07-01", "2026-06-30"}}[r.IntN(3)]
		return p[0], p[1]
	case event:
		d := day(2025+r.IntN(2), 5+r.IntN(5), 1+r.IntN(28))
		return d, d
	case summer:
		return "2026-07-20", "2026-08-07"
	}
	return "", ""
}
