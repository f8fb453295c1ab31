package demo

// The facts of the five demo counties: names, fields of action as their integration concepts
// name them, the organisations, and the answers planted for the analyses.
//
// Organisation names are plausible for each county (the kinds of bodies every county has,
// named the way that county would name them); they are not a directory of the real
// counties, and addresses, phone numbers and web sites are invented. The Rhein-Neckar-Kreis
// has its Landratsamt in Heidelberg, which is not part of the county; the demo places the
// county's offices in Wiesloch, where the Landratsamt has a branch.

// county describes one demo county.
type county struct {
	key, name string
	short     string // used in names of county-wide offers: "Raum …", "Sprachcafé Vest"
	state     string // NW, BW or ST
	seat      string // the town where the county's own offices are
	// foreignShare is the county's share of inhabitants without German citizenship, and
	// seekerShare the share of people seeking or granted protection; municipalities get
	// these shares varied by size (see foreignShares).
	foreignShare, seekerShare float64
	hubs                      []string // towns whose surroundings form service areas
	languages                 []string // languages offers are made in, besides German
	fields                    []fieldSpec
	core                      []orgSpec // county-wide and regional organisations
	towns                     []string  // local organisations: "Town: role role …"
	// apTown's local organisations meet only in their own round table, whose only link to
	// the rest of the county is the town administration: the planted articulation point.
	apTown     string
	isolated   []orgSpec      // organisations in no network and without cooperation
	peripheral []peripheral   // organisations tied in only by two cooperations
	workGroups []workGroup    // working groups besides the one per field
	gaps       []gapSpec      // planted coverage gaps
	groupGaps  []groupGapSpec // planted target-group gaps
	dups       []dupSpec      // planted duplicate clusters
	negatives  []negSpec      // planted hard negatives
	concept    *conceptSpec   // the county's integration concept (concepts.go)
}

// fieldSpec is a field of action of a county's concept.
type fieldSpec struct {
	name, canonical string
	topics          []topic
	desc            string
}

// orgSpec is an organisation of the county.
type orgSpec struct {
	key, name, kind, town, desc string
	area                        bool // serves the service area around its town, not the whole county
}

// peripheral is an organisation that is in no network but cooperates with two others.
type peripheral struct {
	org      orgSpec
	partners [2]string
	note     string
}

// workGroup is an additional Arbeitskreis working on the named fields.
type workGroup struct {
	name   string
	fields []string
	kinds  []string // organisation kinds that join it
}

// gapSpec plants a coverage gap: no active measure in the field in the town. reason is
// no_measure, only_planned, only_completed or only_paused.
type gapSpec struct{ town, field, reason string }

// groupGapSpec plants a target-group gap: the field is covered in the town, but no active
// measure there addresses the group.
type groupGapSpec struct{ town, field, group string }

// dupSpec plants a cluster of two or three entries of one kind of offer in one town and
// field. Entries by a provider who already has an entry in the cluster are data duplicates
// of it (reworded slightly); entries by other providers are parallel offers (worded
// differently).
type dupSpec struct {
	town, field, tmpl string
	providers         []string
}

// negSpec plants a pair of entries that a duplicate detector must not flag.
type negSpec struct {
	reason         string // different_municipality, different_field, no_time_overlap, different_content
	tmpl, provider string
	town, field    string
	town2, field2  string // the second entry's place or field (different_municipality, different_field)
	tmpl2          string // the second entry's template (different_content)
}

// Negative reasons.
const (
	negMunicipality = "different_municipality"
	negField        = "different_field"
	negTime         = "no_time_overlap"
	negContent      = "different_content"
)

// Gap reasons.
const (
	gapNone      = "no_measure"
	gapPlanned   = "only_planned"
	gapCompleted = "only_completed"
	gapPaused    = "only_paused"
)

// counties are the demo counties in key order.
//
// The approximate foreign population (Ausländeranteil) and protection seekers
// (Schutzsuchende) of the municipalities start from these rough county shares, which are of
// the order of the counties' figures around 2022/23 but are not official statistics:
//
//	                       foreign   protection seekers
//	Kreis Recklinghausen    14 %     2.6 %
//	Märkischer Kreis        16 %     2.8 %
//	Rems-Murr-Kreis         16 %     2.4 %
//	Rhein-Neckar-Kreis      14 %     2.3 %
//	Landkreis Börde          5 %     2.0 %
var counties = []*county{recklinghausen, maerkischerKreis, remsMurr, rheinNeckar, boerde}

var recklinghausen = &county{
	concept: &recklinghausenConcept,
	key:     "05562", name: "Kreis Recklinghausen", short: "Vest", state: "NW", seat: "Recklinghausen",
	foreignShare: 0.14, seekerShare: 0.026,
	hubs:      []string{"Recklinghausen", "Marl", "Gladbeck", "Castrop-Rauxel"},
	languages: []string{"ar", "tr", "uk", "ru", "pl", "ku", "fa", "ro", "bg"},
	fields: []fieldSpec{
		{"Zusammenleben und Teilhabe", "participation", []topic{topParticipation}, "Begegnung, Teilhabe am gesellschaftlichen Leben, Antidiskriminierung und politische Partizipation."},
		{"Engagierte Bürgerinnen und Bürger", "engagement", []topic{topEngagement}, "Gewinnung, Qualifizierung und Begleitung ehrenamtlich Engagierter, auch Engagement von Zugewanderten."},
		{"Wirtschaft und Arbeitsmarkt", "work", []topic{topWork}, "Zugang zu Ausbildung und Arbeit, Anerkennung ausländischer Abschlüsse, Fachkräftegewinnung."},
		{"Bildung und Sprache", "language_education", []topic{topLanguage, topEducation, topFamily}, "Sprachförderung von der Kita bis zum Beruf, schulische Integration, Elternbildung."},
		{"Wohnen und Mobilität", "housing", []topic{topHousing}, "Wohnraumversorgung, Auszug aus Unterkünften, Nachbarschaft und Mobilität im Alltag."},
		{"Gesundheit und Sport", "health", []topic{topHealth, topSport}, "Zugang zum Gesundheitssystem, psychosoziale Versorgung, Sport und Bewegung."},
		{"Institution und Professionalisierung", "institutional", []topic{topInstitutional}, "Interkulturelle Öffnung der Verwaltung, Qualifizierung von Fachkräften, Steuerung und Monitoring."},
	},
	core: []orgSpec{
		{key: "ki", name: "Kommunales Integrationszentrum Kreis Recklinghausen", kind: kAdmin, town: "Recklinghausen", desc: "Koordiniert die Integrationsarbeit im Kreis, berät Städte, Schulen und Migrantenorganisationen und steuert das Integrationskonzept."},
		{key: "abh", name: "Kreis Recklinghausen – Ausländerbehörde", kind: kImmigration, town: "Recklinghausen", desc: "Zuständig für Aufenthaltsangelegenheiten, Einbürgerung und Fachkräfteeinwanderung im Kreisgebiet."},
		{key: "ga", name: "Kreis Recklinghausen – Gesundheitsamt", kind: kAdmin, town: "Recklinghausen", desc: "Gesundheitsschutz, Impfberatung und Gesundheitsversorgung in Gemeinschaftsunterkünften."},
		{key: "jc", name: "Vestische Arbeit Jobcenter Kreis Recklinghausen", kind: kJobcenter, town: "Recklinghausen", desc: "Grundsicherung für Arbeitsuchende und Arbeitsmarktintegration, mit einem Migrationsteam für Geflüchtete."},
		{key: "aa", name: "Agentur für Arbeit Recklinghausen", kind: kAgency, town: "Recklinghausen", desc: "Berufsberatung, Arbeitsvermittlung und Arbeitgeberservice."},
		{key: "caritas", name: "Caritasverband Recklinghausen", kind: kWelfare, town: "Recklinghausen", desc: "Migrationsberatung, Integrationsagentur, Familien- und Jugendhilfe im Kreisgebiet."},
		{key: "caritas2", name: "Caritasverband Marl", kind: kWelfare, town: "Marl", area: true, desc: "Beratung und Begleitung von Familien und Zugewanderten im Norden des Kreises."},
		{key: "diakonie", name: "Diakonisches Werk im Kirchenkreis Recklinghausen", kind: kWelfare, town: "Recklinghausen", desc: "Jugendmigrationsdienst, Flüchtlingsberatung und Quartiersarbeit."},
		{key: "awo", name: "AWO Unterbezirk Münsterland-Recklinghausen", kind: kWelfare, town: "Recklinghausen", desc: "Integrationsagentur, Beratung für EU-Zugewanderte und offene Ganztagsschulen."},
		{key: "drk", name: "DRK-Kreisverband Recklinghausen", kind: kWelfare, town: "Recklinghausen", desc: "Betreuung von Unterkünften, Kleiderkammern und Gesundheitsangebote."},
		{key: "pari", name: "Der Paritätische – Kreisgruppe Recklinghausen", kind: kWelfare, town: "Recklinghausen", desc: "Dachverband für Vereine und Initiativen, Beratung von Migrantenorganisationen."},
		{key: "vhs", name: "Volkshochschule Recklinghausen", kind: kEducation, town: "Recklinghausen", area: true, desc: "Integrations-, Alphabetisierungs- und Berufssprachkurse."},
		{key: "vhs2", name: "Volkshochschule Marl – die insel", kind: kEducation, town: "Marl", area: true, desc: "Sprachkurse, politische Bildung und Kurse für Zugewanderte."},
		{key: "vhs3", name: "VHS Gladbeck", kind: kEducation, town: "Gladbeck", area: true, desc: "Integrationskurse und Angebote zur Grundbildung."},
		{key: "vhs4", name: "Volkshochschule Dorsten", kind: kEducation, town: "Dorsten", area: true, desc: "Deutschkurse, Alphabetisierung und Elternbildung."},
		{key: "vhs5", name: "VHS Castrop-Rauxel", kind: kEducation, town: "Castrop-Rauxel", area: true, desc: "Integrationskurse, Erstorientierung und berufliche Bildung."},
		{key: "ksb", name: "Kreissportbund Recklinghausen", kind: kClub, town: "Recklinghausen", desc: "Dachverband der Sportvereine, koordiniert das Programm Integration durch Sport."},
		{key: "ihk", name: "IHK Nord Westfalen – Servicestelle Vest", kind: kChamber, town: "Recklinghausen", desc: "Ausbildungsberatung und Anerkennung ausländischer Abschlüsse in IHK-Berufen."},
		{key: "hwk", name: "Kreishandwerkerschaft Recklinghausen", kind: kChamber, town: "Recklinghausen", desc: "Ausbildung im Handwerk, Ausbildungsbegleitung für junge Zugewanderte."},
		{key: "schulamt", name: "Schulamt für den Kreis Recklinghausen", kind: kSchool, town: "Recklinghausen", desc: "Schulaufsicht für Grund- und Förderschulen, Zuweisung neu zugewanderter Kinder."},
		{key: "psz", name: "Psychosoziales Zentrum für Geflüchtete Vest", kind: kHealth, town: "Recklinghausen", desc: "Beratung und Therapie für traumatisierte Geflüchtete."},
		{key: "wohnen", name: "Wohnungsgenossenschaft Vest eG", kind: kBusiness, town: "Herten", desc: "Vermietet Wohnungen im Kreisgebiet und arbeitet mit den Wohnungslotsen zusammen."},
		{key: "fwa", name: "Freiwilligenagentur Recklinghausen", kind: kVolunteer, town: "Recklinghausen", desc: "Vermittelt Ehrenamtliche und berät Initiativen."},
	},
	towns: []string{
		"Recklinghausen: admin vol fam fam mig mig club school rel",
		"Marl: admin vol fam fam mig mig club school rel",
		"Gladbeck: admin vol fam mig mig club school",
		"Dorsten: admin vol fam mig club school rel",
		"Castrop-Rauxel: admin vol fam mig club school",
		"Herten: admin vol fam mig club",
		"Haltern am See: admin vol fam",
		"Datteln: admin vol fam mig",
		"Oer-Erkenschwick: admin vol fam",
		"Waltrop: admin vol fam mig",
	},
	apTown: "Waltrop",
	isolated: []orgSpec{
		{key: "iso1", name: "Sprachinstitut Lingua Vest", kind: kEducation, town: "Recklinghausen", desc: "Private Sprachschule mit Deutschkursen für Berufstätige."},
		{key: "iso2", name: "Internationaler Nähtreff Datteln", kind: kVolunteer, town: "Datteln", desc: "Offener Nähtreff für Frauen aus aller Welt."},
	},
	peripheral: []peripheral{
		{orgSpec{key: "peri", name: "Ausbildungsverbund Chemiepark Marl", kind: kBusiness, town: "Marl", desc: "Verbund von Betrieben im Chemiepark, bildet in Chemie- und Metallberufen aus."}, [2]string{"ihk", "jc"}, "Ausbildungsplätze für junge Geflüchtete"},
	},
	workGroups: []workGroup{
		{"Arbeitskreis Kommunales Integrationsmanagement", []string{"Institution und Professionalisierung", "Wohnen und Mobilität"}, []string{kAdmin, kImmigration, kJobcenter, kWelfare}},
	},
	gaps: []gapSpec{
		{"Waltrop", "Wohnen und Mobilität", gapNone},
		{"Oer-Erkenschwick", "Engagierte Bürgerinnen und Bürger", gapCompleted},
		{"Haltern am See", "Institution und Professionalisierung", gapNone},
		{"Datteln", "Gesundheit und Sport", gapPlanned},
		{"Herten", "Wohnen und Mobilität", gapPaused},
		{"Dorsten", "Institution und Professionalisierung", gapNone},
	},
	groupGaps: []groupGapSpec{
		{"Marl", "Wirtschaft und Arbeitsmarkt", "frauen"},
		{"Gladbeck", "Gesundheit und Sport", "senioren"},
	},
	dups: []dupSpec{
		{"Recklinghausen", "Bildung und Sprache", "sprachcafe", []string{"caritas", "vol:Recklinghausen"}},
		{"Marl", "Bildung und Sprache", "integrationskurs", []string{"vhs2", "vhs2"}},
		{"Gladbeck", "Zusammenleben und Teilhabe", "begegnungscafe", []string{"vol:Gladbeck", "vol:Gladbeck"}},
		{"Dorsten", "Bildung und Sprache", "rucksack", []string{"fam:Dorsten", "ki"}},
		{"Castrop-Rauxel", "Wirtschaft und Arbeitsmarkt", "bewerbungstraining", []string{"awo", "awo"}},
		{"Herten", "Engagierte Bürgerinnen und Bürger", "patenschaften", []string{"vol:Herten", "diakonie"}},
		{"Recklinghausen", "Wohnen und Mobilität", "mietfuehrerschein", []string{"caritas", "caritas", "awo"}},
		{"Datteln", "Zusammenleben und Teilhabe", "frauentreff", []string{"mig:Datteln", "mig:Datteln"}},
		{"Haltern am See", "Gesundheit und Sport", "frauenschwimmen", []string{"drk", "ksb"}},
	},
	negatives: []negSpec{
		{reason: negMunicipality, tmpl: "griffbereit", provider: "caritas", town: "Recklinghausen", field: "Bildung und Sprache", town2: "Herten"},
		{reason: negTime, tmpl: "frauenberuf", provider: "jc", town: "Gladbeck", field: "Wirtschaft und Arbeitsmarkt"},
		{reason: negContent, tmpl: "mbe", provider: "caritas2", town: "Marl", field: "Zusammenleben und Teilhabe", tmpl2: "antidiskriminierung"},
		{reason: negField, tmpl: "kleiderkammer", provider: "drk", town: "Castrop-Rauxel", field: "Zusammenleben und Teilhabe", field2: "Engagierte Bürgerinnen und Bürger"},
	},
}

var maerkischerKreis = &county{
	concept: &maerkischerKreisConcept,
	key:     "05962", name: "Märkischer Kreis", short: "Märkischer Kreis", state: "NW", seat: "Lüdenscheid",
	foreignShare: 0.16, seekerShare: 0.028,
	hubs:      []string{"Iserlohn", "Lüdenscheid", "Menden (Sauerland)", "Plettenberg"},
	languages: []string{"tr", "ar", "el", "uk", "ru", "pl", "ro", "ku"},
	fields: []fieldSpec{
		{"Integration durch Bildung", "language_education", []topic{topLanguage, topEducation, topFamily, topWork}, "Sprachförderung, frühe Bildung, Schule und Übergang in Ausbildung und Beruf."},
		{"Integration als kommunale Querschnittsaufgabe", "institutional", []topic{topInstitutional, topParticipation, topHousing, topHealth, topEngagement}, "Interkulturelle Öffnung, Beratung, Wohnen, Gesundheit und Engagement als Aufgabe aller Ämter und Träger."},
	},
	core: []orgSpec{
		{key: "ki", name: "Kommunales Integrationszentrum Märkischer Kreis", kind: kAdmin, town: "Lüdenscheid", desc: "Koordiniert Integration durch Bildung und das Kommunale Integrationsmanagement im Kreis."},
		{key: "abh", name: "Märkischer Kreis – Ausländerbehörde", kind: kImmigration, town: "Lüdenscheid", desc: "Aufenthaltsrecht, Einbürgerung und Welcome Service für Fachkräfte."},
		{key: "ga", name: "Märkischer Kreis – Gesundheitsamt", kind: kAdmin, town: "Lüdenscheid", desc: "Gesundheitsschutz, Schuleingangsuntersuchungen und Impfberatung."},
		{key: "jc", name: "Jobcenter Märkischer Kreis", kind: kJobcenter, town: "Lüdenscheid", desc: "Grundsicherung und Arbeitsmarktintegration, Standorte in allen Städten des Kreises."},
		{key: "aa", name: "Agentur für Arbeit Iserlohn", kind: kAgency, town: "Iserlohn", desc: "Berufsberatung, Arbeitsvermittlung und Anerkennungsberatung."},
		{key: "caritas", name: "Caritasverband Altena-Lüdenscheid", kind: kWelfare, town: "Lüdenscheid", desc: "Migrationsberatung, Familienhilfe und Integrationsagentur im Süden des Kreises."},
		{key: "caritas2", name: "Caritasverband Iserlohn, Hemer, Menden, Balve", kind: kWelfare, town: "Iserlohn", area: true, desc: "Migrationsdienst, Sprachkurse und Familienberatung im Norden des Kreises."},
		{key: "diakonie", name: "Diakonisches Werk Lüdenscheid-Plettenberg", kind: kWelfare, town: "Lüdenscheid", desc: "Jugendmigrationsdienst, Flüchtlingsberatung und Schuldnerberatung."},
		{key: "awo", name: "AWO Unterbezirk Hagen-Märkischer Kreis", kind: kWelfare, town: "Iserlohn", desc: "Integrationsagentur, Kitas und offene Ganztagsangebote."},
		{key: "drk", name: "DRK-Kreisverband Iserlohn", kind: kWelfare, town: "Iserlohn", desc: "Unterkunftsbetreuung, Kleiderkammer und Erste-Hilfe-Kurse."},
		{key: "pari", name: "Der Paritätische – Kreisgruppe Märkischer Kreis", kind: kWelfare, town: "Lüdenscheid", desc: "Verband von Vereinen und Initiativen, Beratung von Migrantenorganisationen."},
		{key: "vhs", name: "Volkshochschule Iserlohn", kind: kEducation, town: "Iserlohn", area: true, desc: "Integrations- und Berufssprachkurse im Raum Iserlohn."},
		{key: "vhs2", name: "Volkshochschule Lüdenscheid", kind: kEducation, town: "Lüdenscheid", area: true, desc: "Sprach- und Integrationskurse, Grundbildung."},
		{key: "vhs3", name: "VHS Menden-Hemer-Balve", kind: kEducation, town: "Menden (Sauerland)", area: true, desc: "Zweckverbandsvolkshochschule mit Integrationskursen."},
		{key: "vhs4", name: "Volkshochschule Lennetal", kind: kEducation, town: "Altena", area: true, desc: "Deutschkurse und Erstorientierung im Lennetal."},
		{key: "ksb", name: "Kreissportbund Märkischer Kreis", kind: kClub, town: "Lüdenscheid", desc: "Dachverband der Sportvereine, Integration durch Sport."},
		{key: "ihk", name: "Südwestfälische IHK – Geschäftsstelle Lüdenscheid", kind: kChamber, town: "Lüdenscheid", desc: "Ausbildungsberatung und Anerkennung von Abschlüssen."},
		{key: "hwk", name: "Kreishandwerkerschaft Märkischer Kreis", kind: kChamber, town: "Iserlohn", desc: "Ausbildung und Fachkräftesicherung im Handwerk."},
		{key: "schulamt", name: "Schulamt für den Märkischen Kreis", kind: kSchool, town: "Lüdenscheid", desc: "Schulaufsicht und Seiteneinstiegsberatung."},
		{key: "psz", name: "Psychosoziale Beratungsstelle für Geflüchtete Südwestfalen", kind: kHealth, town: "Iserlohn", desc: "Beratung und Stabilisierung für belastete Geflüchtete."},
	},
	towns: []string{
		"Iserlohn: admin vol fam fam mig mig club school rel",
		"Lüdenscheid: admin vol fam fam mig mig club school rel",
		"Menden (Sauerland): admin vol fam mig club school",
		"Hemer: admin vol fam mig",
		"Plettenberg: admin vol fam mig",
		"Meinerzhagen: admin vol mig",
		"Altena: admin vol",
		"Werdohl: admin vol mig",
		"Halver: vol",
		"Kierspe: vol",
		"Neuenrade: vol",
		"Balve: vol",
		"Schalksmühle: vol",
	},
	apTown: "Plettenberg",
	isolated: []orgSpec{
		{key: "iso1", name: "Sprachschule Sauerland", kind: kEducation, town: "Iserlohn", desc: "Private Sprachschule, Deutsch für Pflegekräfte."},
		{key: "iso2", name: "Verein der Freunde Eritreas Altena e.V.", kind: kMigrant, town: "Altena", desc: "Treffpunkt und Selbsthilfe eritreischer Familien."},
	},
	peripheral: []peripheral{
		{orgSpec{key: "peri", name: "Ausbildungsverbund Metall Südwestfalen", kind: kBusiness, town: "Lüdenscheid", desc: "Verbund von Metall- und Elektrobetrieben, bildet gemeinsam aus."}, [2]string{"ihk", "jc"}, "Einstiegsqualifizierung für junge Zugewanderte"},
	},
	workGroups: []workGroup{
		{"Arbeitskreis Sprachförderung", []string{"Integration durch Bildung"}, []string{kEducation, kDaycare, kWelfare}},
		{"Arbeitskreis Übergang Schule–Beruf", []string{"Integration durch Bildung"}, []string{kSchool, kJobcenter, kAgency, kChamber}},
		{"Arbeitskreis Interkulturelle Öffnung", []string{"Integration als kommunale Querschnittsaufgabe"}, []string{kAdmin, kImmigration, kHealth}},
	},
	gaps: []gapSpec{
		{"Herscheid", "Integration als kommunale Querschnittsaufgabe", gapNone},
		{"Nachrodt-Wiblingwerde", "Integration als kommunale Querschnittsaufgabe", gapPlanned},
		{"Balve", "Integration durch Bildung", gapCompleted},
		{"Schalksmühle", "Integration als kommunale Querschnittsaufgabe", gapNone},
		{"Hemer", "Integration als kommunale Querschnittsaufgabe", gapPlanned},
	},
	groupGaps: []groupGapSpec{
		{"Lüdenscheid", "Integration durch Bildung", "senioren"},
		{"Werdohl", "Integration als kommunale Querschnittsaufgabe", "ehrenamt"},
	},
	dups: []dupSpec{
		{"Iserlohn", "Integration durch Bildung", "integrationskurs", []string{"vhs", "caritas2"}},
		{"Lüdenscheid", "Integration durch Bildung", "hausaufgabenhilfe", []string{"mig:Lüdenscheid", "mig:Lüdenscheid"}},
		{"Menden (Sauerland)", "Integration als kommunale Querschnittsaufgabe", "begegnungscafe", []string{"vol:Menden (Sauerland)", "mig:Menden (Sauerland)"}},
		{"Iserlohn", "Integration als kommunale Querschnittsaufgabe", "mbe", []string{"caritas2", "caritas2"}},
		{"Werdohl", "Integration durch Bildung", "sprachcafe", []string{"vol:Werdohl", "vol:Werdohl", "caritas"}},
	},
	negatives: []negSpec{
		{reason: negMunicipality, tmpl: "rucksack", provider: "ki", town: "Iserlohn", field: "Integration durch Bildung", town2: "Menden (Sauerland)"},
		{reason: negTime, tmpl: "seiteneinstieg", provider: "school:Lüdenscheid", town: "Lüdenscheid", field: "Integration durch Bildung"},
		{reason: negField, tmpl: "sprachmittlung", provider: "ki", town: "Lüdenscheid", field: "Integration durch Bildung", field2: "Integration als kommunale Querschnittsaufgabe"},
		{reason: negContent, tmpl: "bewerbungstraining", provider: "awo", town: "Iserlohn", field: "Integration durch Bildung", tmpl2: "frauenberuf"},
	},
}

var remsMurr = &county{
	concept: &remsMurrConcept,
	key:     "08119", name: "Rems-Murr-Kreis", short: "Rems-Murr", state: "BW", seat: "Waiblingen",
	foreignShare: 0.16, seekerShare: 0.024,
	hubs:      []string{"Waiblingen", "Backnang", "Schorndorf", "Winnenden", "Murrhardt", "Welzheim"},
	languages: []string{"tr", "it", "el", "hr", "ar", "uk", "ro", "ru", "sq"},
	fields: []fieldSpec{
		{"Sprache und Bildung", "language_education", []topic{topLanguage, topEducation, topFamily}, "Deutsch lernen in jedem Alter, frühe Bildung, Schule und Elternarbeit."},
		{"Arbeitsmarkt", "work", []topic{topWork}, "Ausbildung, Arbeit, Anerkennung und Fachkräftegewinnung."},
		{"Wohnen", "housing", []topic{topHousing}, "Anschlussunterbringung, Wohnraumgewinnung und Nachbarschaft."},
		{"Freizeit", "sport_leisure", []topic{topSport, topEngagement, topParticipation}, "Sport, Vereinsleben, Begegnung und Ehrenamt."},
	},
	core: []orgSpec{
		{key: "ki", name: "Landratsamt Rems-Murr-Kreis – Integrationsbeauftragte", kind: kAdmin, town: "Waiblingen", desc: "Stabsstelle Integration: koordiniert das Integrationskonzept, die Integrationsmanagerinnen und das Ehrenamt im Kreis."},
		{key: "abh", name: "Landratsamt Rems-Murr-Kreis – Ausländerbehörde", kind: kImmigration, town: "Waiblingen", desc: "Aufenthaltsrecht und Fachkräfteeinwanderung."},
		{key: "ga", name: "Landratsamt Rems-Murr-Kreis – Gesundheitsamt", kind: kAdmin, town: "Waiblingen", desc: "Gesundheitsschutz und Gesundheitsversorgung in Unterkünften."},
		{key: "jc", name: "Jobcenter Rems-Murr", kind: kJobcenter, town: "Waiblingen", desc: "Grundsicherung und Arbeitsmarktintegration mit Standorten in Waiblingen, Backnang und Schorndorf."},
		{key: "aa", name: "Agentur für Arbeit Waiblingen", kind: kAgency, town: "Waiblingen", desc: "Berufsberatung, Vermittlung und Arbeitgeberservice."},
		{key: "caritas", name: "Caritas Ludwigsburg-Waiblingen-Enz", kind: kWelfare, town: "Waiblingen", desc: "Migrationsdienst, Integrationsmanagement und Familienhilfe."},
		{key: "diakonie", name: "Kreisdiakonieverband Rems-Murr-Kreis", kind: kWelfare, town: "Backnang", desc: "Jugendmigrationsdienst, Flüchtlingshilfe und Sozialberatung."},
		{key: "awo", name: "AWO Kreisverband Rems-Murr", kind: kWelfare, town: "Waiblingen", desc: "Migrationsberatung, Kinder- und Jugendhilfe."},
		{key: "drk", name: "DRK-Kreisverband Rems-Murr", kind: kWelfare, town: "Backnang", desc: "Unterkunftsbetreuung und Kleiderläden."},
		{key: "pari", name: "Der Paritätische – Kreisverbund Rems-Murr", kind: kWelfare, town: "Backnang", desc: "Verband von Vereinen und Selbsthilfegruppen."},
		{key: "vhs", name: "VHS Unteres Remstal", kind: kEducation, town: "Waiblingen", area: true, desc: "Integrations- und Berufssprachkurse im unteren Remstal."},
		{key: "vhs2", name: "Volkshochschule Backnang", kind: kEducation, town: "Backnang", area: true, desc: "Sprachkurse und Erstorientierung im Raum Backnang."},
		{key: "vhs3", name: "VHS Schorndorf", kind: kEducation, town: "Schorndorf", area: true, desc: "Deutschkurse und Grundbildung."},
		{key: "vhs4", name: "Volkshochschule Fellbach", kind: kEducation, town: "Fellbach", area: true, desc: "Integrationskurse und Sprachtreffs."},
		{key: "ksb", name: "Sportkreis Rems-Murr", kind: kClub, town: "Waiblingen", desc: "Dachverband der Sportvereine im Kreis."},
		{key: "ihk", name: "IHK Region Stuttgart – Bezirkskammer Rems-Murr", kind: kChamber, town: "Waiblingen", desc: "Ausbildungsberatung, Anerkennung und Fachkräfteservice."},
		{key: "hwk", name: "Kreishandwerkerschaft Rems-Murr", kind: kChamber, town: "Waiblingen", desc: "Ausbildung im Handwerk."},
		{key: "schulamt", name: "Staatliches Schulamt Backnang", kind: kSchool, town: "Backnang", desc: "Schulaufsicht und Vorbereitungsklassen im Kreis."},
		{key: "psz", name: "Psychologische Beratungsstelle für Geflüchtete Rems-Murr", kind: kHealth, town: "Schorndorf", desc: "Beratung und Therapievermittlung für Geflüchtete."},
		{key: "kjr", name: "Kreisjugendring Rems-Murr", kind: kOther, town: "Backnang", desc: "Dachverband der Jugendarbeit, Ferienprogramme und Jugendbildung."},
	},
	towns: []string{
		"Waiblingen: admin vol fam fam mig mig club school rel",
		"Fellbach: admin vol fam mig mig club school",
		"Backnang: admin vol fam mig club school",
		"Schorndorf: admin vol fam mig club school",
		"Winnenden: admin vol fam mig",
		"Weinstadt: admin vol fam",
		"Murrhardt: admin vol",
		"Welzheim: admin vol",
		"Remshalden: vol",
		"Kernen im Remstal: vol",
		"Leutenbach: vol",
		"Korb: vol",
		"Rudersberg: vol",
		"Schwaikheim: vol",
		"Plüderhausen: vol",
		"Urbach: vol",
		"Aspach: vol",
	},
	apTown: "Winnenden",
	isolated: []orgSpec{
		{key: "iso1", name: "Sprachinstitut Remstal", kind: kEducation, town: "Schorndorf", desc: "Private Sprachschule mit Abendkursen."},
		{key: "iso2", name: "Kulturverein Anatolien Murrhardt e.V.", kind: kMigrant, town: "Murrhardt", desc: "Kultur- und Elternverein türkeistämmiger Familien."},
	},
	peripheral: []peripheral{
		{orgSpec{key: "peri", name: "Wohnbau Rems-Murr eG", kind: kBusiness, town: "Waiblingen", desc: "Wohnungsgenossenschaft mit Beständen in mehreren Städten des Kreises."}, [2]string{"ki", "caritas"}, "Wohnungen für Haushalte aus der Anschlussunterbringung"},
	},
	workGroups: []workGroup{
		{"Arbeitskreis Integrationsmanagement", []string{"Wohnen", "Freizeit"}, []string{kAdmin, kWelfare}},
	},
	gaps: []gapSpec{
		{"Spiegelberg", "Arbeitsmarkt", gapNone},
		{"Kaisersbach", "Wohnen", gapNone},
		{"Großerlach", "Freizeit", gapCompleted},
		{"Althütte", "Wohnen", gapNone},
		{"Burgstetten", "Arbeitsmarkt", gapPlanned},
		{"Weinstadt", "Wohnen", gapCompleted},
		{"Kernen im Remstal", "Freizeit", gapNone},
	},
	groupGaps: []groupGapSpec{
		{"Backnang", "Arbeitsmarkt", "frauen"},
		{"Schorndorf", "Wohnen", "schutz"},
	},
	dups: []dupSpec{
		{"Waiblingen", "Sprache und Bildung", "sprachcafe", []string{"vol:Waiblingen", "rel:Waiblingen"}},
		{"Fellbach", "Sprache und Bildung", "integrationskurs", []string{"vhs4", "vhs4"}},
		{"Backnang", "Freizeit", "ids", []string{"club:Backnang", "ksb"}},
		{"Schorndorf", "Sprache und Bildung", "lernpaten", []string{"vol:Schorndorf", "vol:Schorndorf"}},
		{"Waiblingen", "Wohnen", "wohnungslotsen", []string{"caritas", "vol:Waiblingen"}},
		{"Murrhardt", "Freizeit", "begegnungscafe", []string{"vol:Murrhardt", "vol:Murrhardt"}},
		{"Winnenden", "Arbeitsmarkt", "anerkennungsberatung", []string{"ihk", "caritas"}},
	},
	negatives: []negSpec{
		{reason: negMunicipality, tmpl: "integrationsmanagement", provider: "caritas", town: "Waiblingen", field: "Wohnen", town2: "Fellbach"},
		{reason: negField, tmpl: "integrationsmanagement", provider: "awo", town: "Backnang", field: "Wohnen", field2: "Freizeit"},
		{reason: negTime, tmpl: "ferienschule", provider: "vhs3", town: "Schorndorf", field: "Sprache und Bildung"},
		{reason: negContent, tmpl: "vereinslotsen", provider: "club:Fellbach", town: "Fellbach", field: "Freizeit", tmpl2: "fussball"},
		{reason: negMunicipality, tmpl: "sprachpaten", provider: "diakonie", town: "Backnang", field: "Sprache und Bildung", town2: "Murrhardt"},
	},
}

var rheinNeckar = &county{
	concept: &rheinNeckarConcept,
	key:     "08226", name: "Rhein-Neckar-Kreis", short: "Rhein-Neckar", state: "BW", seat: "Wiesloch",
	foreignShare: 0.14, seekerShare: 0.023,
	hubs:      []string{"Weinheim", "Schwetzingen", "Wiesloch", "Sinsheim", "Neckargemünd", "Eberbach", "Ladenburg", "Hockenheim"},
	languages: []string{"tr", "it", "el", "hr", "ar", "uk", "ro", "ru", "fa"},
	fields: []fieldSpec{
		{"Wohnraummanagement", "housing", []topic{topHousing}, "Versorgung mit Wohnraum, Anschlussunterbringung und Vermieterberatung."},
		{"Ausbildung & Arbeit", "work", []topic{topWork}, "Berufsorientierung, Ausbildung, Arbeitsmarktzugang und Anerkennung."},
		{"Sprachförderung", "language_education", []topic{topLanguage}, "Deutschkurse für Erwachsene, Sprachtreffs und Sprachmittlung."},
		{"Kinder-, Jugend- und Familienbildung", "family", []topic{topFamily, topEducation}, "Frühe Bildung, Schule, Jugendarbeit und Elternbildung."},
		{"Gesundheit", "health", []topic{topHealth}, "Gesundheitsinformation, psychosoziale Versorgung und Pflege."},
		{"Gesellschaftliches Zusammenleben", "participation", []topic{topParticipation, topEngagement, topSport}, "Begegnung, Ehrenamt, Sport und Teilhabe am Gemeinwesen."},
	},
	core: []orgSpec{
		{key: "ki", name: "Landratsamt Rhein-Neckar-Kreis – Integrationsbeauftragte", kind: kAdmin, town: "Wiesloch", desc: "Stabsstelle Integration: koordiniert das Integrationskonzept, das Integrationsmanagement und das Ehrenamt in 54 Städten und Gemeinden."},
		{key: "abh", name: "Landratsamt Rhein-Neckar-Kreis – Ausländerbehörde", kind: kImmigration, town: "Wiesloch", desc: "Aufenthaltsrecht und Einbürgerung."},
		{key: "ga", name: "Gesundheitsamt Rhein-Neckar-Kreis", kind: kAdmin, town: "Wiesloch", desc: "Gesundheitsschutz, Impfberatung und Gesundheitsversorgung in Unterkünften."},
		{key: "jc", name: "Jobcenter Rhein-Neckar-Kreis", kind: kJobcenter, town: "Wiesloch", desc: "Grundsicherung und Arbeitsmarktintegration mit Geschäftsstellen im ganzen Kreis."},
		{key: "aa", name: "Agentur für Arbeit Heidelberg – Geschäftsstelle Sinsheim", kind: kAgency, town: "Sinsheim", desc: "Berufsberatung und Vermittlung im Süden des Kreises."},
		{key: "aa2", name: "Agentur für Arbeit Mannheim – Geschäftsstelle Weinheim", kind: kAgency, town: "Weinheim", area: true, desc: "Berufsberatung und Vermittlung an der Bergstraße."},
		{key: "caritas", name: "Caritasverband für den Rhein-Neckar-Kreis", kind: kWelfare, town: "Wiesloch", desc: "Migrationsberatung, Integrationsmanagement, Familien- und Jugendhilfe."},
		{key: "diakonie", name: "Diakonisches Werk Rhein-Neckar-Kreis", kind: kWelfare, town: "Schwetzingen", desc: "Jugendmigrationsdienst, Flüchtlingsberatung und Quartiersarbeit."},
		{key: "awo", name: "AWO Kreisverband Rhein-Neckar", kind: kWelfare, town: "Sinsheim", desc: "Kitas, Migrationsberatung und Seniorenarbeit."},
		{key: "drk", name: "DRK-Kreisverband Rhein-Neckar/Heidelberg", kind: kWelfare, town: "Weinheim", desc: "Unterkunftsbetreuung, Kleiderläden und Gesundheitskurse."},
		{key: "pari", name: "Der Paritätische – Regionalgeschäftsstelle Rhein-Neckar", kind: kWelfare, town: "Schwetzingen", desc: "Verband von Vereinen, Initiativen und Migrantenorganisationen."},
		{key: "vhs", name: "Volkshochschule Wiesloch", kind: kEducation, town: "Wiesloch", area: true, desc: "Integrations- und Berufssprachkurse im Raum Wiesloch."},
		{key: "vhs2", name: "VHS Badische Bergstraße", kind: kEducation, town: "Weinheim", area: true, desc: "Sprachkurse und Grundbildung an der Bergstraße."},
		{key: "vhs3", name: "Volkshochschule Sinsheim", kind: kEducation, town: "Sinsheim", area: true, desc: "Deutschkurse und Erstorientierung im Kraichgau."},
		{key: "vhs4", name: "VHS Schwetzingen", kind: kEducation, town: "Schwetzingen", area: true, desc: "Integrationskurse und Sprachtreffs."},
		{key: "vhs5", name: "Volkshochschule Neckargemünd", kind: kEducation, town: "Neckargemünd", area: true, desc: "Sprachkurse im Neckartal."},
		{key: "ksb", name: "Sportkreis Sinsheim", kind: kClub, town: "Sinsheim", desc: "Dachverband der Sportvereine, Integration durch Sport."},
		{key: "ihk", name: "IHK Rhein-Neckar – Servicestelle Sinsheim", kind: kChamber, town: "Sinsheim", desc: "Ausbildungsberatung und Anerkennung."},
		{key: "hwk", name: "Handwerkskammer Mannheim Rhein-Neckar-Odenwald – Beratungsstelle Weinheim", kind: kChamber, town: "Weinheim", desc: "Ausbildung und Anerkennung im Handwerk."},
		{key: "schulamt", name: "Staatliches Schulamt Mannheim – Dienststelle Wiesloch", kind: kSchool, town: "Wiesloch", desc: "Schulaufsicht und Vorbereitungsklassen."},
		{key: "psz", name: "Psychosoziales Zentrum für Geflüchtete Rhein-Neckar", kind: kHealth, town: "Schwetzingen", desc: "Beratung und Therapie für Geflüchtete."},
		{key: "wohnen", name: "Kreisbaugenossenschaft Rhein-Neckar eG", kind: kBusiness, town: "Sinsheim", desc: "Wohnungsgenossenschaft, arbeitet mit dem Wohnraummanagement des Kreises."},
		{key: "kjr", name: "Kreisjugendring Rhein-Neckar", kind: kOther, town: "Sinsheim", desc: "Dachverband der Jugendarbeit."},
	},
	towns: []string{
		"Weinheim: admin vol fam fam mig mig club school rel",
		"Sinsheim: admin vol fam mig mig club school",
		"Wiesloch: admin vol fam mig club school",
		"Leimen: admin vol fam mig",
		"Schwetzingen: admin vol fam mig club",
		"Hockenheim: admin vol fam mig",
		"Walldorf: admin vol fam",
		"Eppelheim: admin vol",
		"Eberbach: admin vol mig",
		"Neckargemünd: admin vol",
		"Ladenburg: admin vol",
		"Sandhausen: vol",
		"Schriesheim: vol",
		"Edingen-Neckarhausen: vol",
		"Brühl: vol",
		"St. Leon-Rot: vol",
		"Hemsbach: vol",
		"Ketsch: vol",
		"Dossenheim: vol",
		"Oftersheim: vol",
		"Plankstadt: vol",
		"Heddesheim: vol",
		"Nußloch: vol",
	},
	apTown: "Hockenheim",
	isolated: []orgSpec{
		{key: "iso1", name: "Sprachschule Kurpfalz Lingua", kind: kEducation, town: "Schwetzingen", desc: "Private Sprachschule mit Intensivkursen."},
		{key: "iso2", name: "Afrikanischer Kulturverein Sinsheim e.V.", kind: kMigrant, town: "Sinsheim", desc: "Kultur- und Selbsthilfeverein afrikanischer Familien."},
		{key: "iso3", name: "Tamilischer Kulturverein Hockenheim e.V.", kind: kMigrant, town: "Hockenheim", desc: "Sprachschule für Tamil und Kulturarbeit."},
	},
	peripheral: []peripheral{
		{orgSpec{key: "peri", name: "Ausbildungsinitiative Walldorfer Unternehmen", kind: kBusiness, town: "Walldorf", desc: "Zusammenschluss von Unternehmen, die Praktika und Ausbildung für Zugewanderte anbieten."}, [2]string{"ihk", "aa"}, "Praktika und Ausbildungsplätze"},
	},
	workGroups: []workGroup{
		{"Arbeitskreis Integrationsmanagement", []string{"Wohnraummanagement", "Gesellschaftliches Zusammenleben"}, []string{kAdmin, kWelfare}},
		{"Arbeitskreis Ehrenamt", []string{"Gesellschaftliches Zusammenleben"}, []string{kVolunteer, kOther}},
	},
	gaps: []gapSpec{
		{"Heddesbach", "Gesundheit", gapNone},
		{"Heddesbach", "Ausbildung & Arbeit", gapNone},
		{"Spechbach", "Wohnraummanagement", gapNone},
		{"Neidenstein", "Sprachförderung", gapPlanned},
		{"Zuzenhausen", "Kinder-, Jugend- und Familienbildung", gapCompleted},
		{"Reichartshausen", "Gesellschaftliches Zusammenleben", gapNone},
		{"Wilhelmsfeld", "Gesundheit", gapNone},
		{"Hockenheim", "Wohnraummanagement", gapPaused},
		{"Eberbach", "Gesundheit", gapPlanned},
	},
	groupGaps: []groupGapSpec{
		{"Sinsheim", "Ausbildung & Arbeit", "jugend"},
		{"Wiesloch", "Gesundheit", "frauen"},
		{"Weinheim", "Sprachförderung", "senioren"},
	},
	dups: []dupSpec{
		{"Weinheim", "Sprachförderung", "sprachcafe", []string{"vol:Weinheim", "caritas"}},
		{"Sinsheim", "Sprachförderung", "integrationskurs", []string{"vhs3", "vhs3"}},
		{"Wiesloch", "Kinder-, Jugend- und Familienbildung", "hausaufgabenhilfe", []string{"mig:Wiesloch", "caritas"}},
		{"Schwetzingen", "Wohnraummanagement", "wohnungslotsen", []string{"diakonie", "diakonie"}},
		{"Leimen", "Gesellschaftliches Zusammenleben", "begegnungscafe", []string{"vol:Leimen", "vol:Leimen", "drk"}},
		{"Walldorf", "Ausbildung & Arbeit", "ausbildungspaten", []string{"vol:Walldorf", "ihk"}},
		{"Eppelheim", "Kinder-, Jugend- und Familienbildung", "rucksack", []string{"caritas", "caritas"}},
		{"Weinheim", "Gesundheit", "frauengesundheit", []string{"mig:Weinheim", "drk"}},
		{"Neckargemünd", "Sprachförderung", "frauensprachkurs", []string{"vhs5", "vhs5"}},
	},
	negatives: []negSpec{
		{reason: negMunicipality, tmpl: "alphakurs", provider: "vhs3", town: "Sinsheim", town2: "Waibstadt", field: "Sprachförderung"},
		{reason: negField, tmpl: "rucksack", provider: "awo", town: "Sinsheim", field: "Kinder-, Jugend- und Familienbildung", field2: "Sprachförderung"},
		{reason: negTime, tmpl: "mietfuehrerschein", provider: "caritas", town: "Wiesloch", field: "Wohnraummanagement"},
		{reason: negContent, tmpl: "frauentreff", provider: "mig:Weinheim", town: "Weinheim", field: "Gesellschaftliches Zusammenleben", tmpl2: "elterncafe"},
		{reason: negMunicipality, tmpl: "wohnungslotsen", provider: "diakonie", town: "Leimen", town2: "Nußloch", field: "Wohnraummanagement"},
	},
}

var boerde = &county{
	concept: &boerdeConcept,
	key:     "15083", name: "Landkreis Börde", short: "Börde", state: "ST", seat: "Haldensleben",
	foreignShare: 0.05, seekerShare: 0.020,
	hubs:      []string{"Haldensleben", "Oschersleben (Bode)", "Wolmirstedt", "Wanzleben-Börde", "Oebisfelde-Weferlingen"},
	languages: []string{"ar", "uk", "ru", "fa", "prs", "ps", "pl", "ro"},
	fields: []fieldSpec{
		{"Bildung", "language_education", []topic{topEducation, topFamily}, "Frühkindliche Bildung, Schule und Elternarbeit."},
		{"Erwerbsleben", "work", []topic{topWork}, "Ausbildung, Arbeit und Anerkennung."},
		{"Sprachförderung", "language_education", []topic{topLanguage}, "Deutschkurse, Sprachtreffs und Sprachmittlung."},
		{"Sport", "sport_leisure", []topic{topSport}, "Sportvereine und Bewegungsangebote."},
		{"Gesundheit", "health", []topic{topHealth}, "Gesundheitsinformation und Versorgung."},
		{"Engagement", "engagement", []topic{topEngagement, topParticipation}, "Ehrenamt, Begegnung und Teilhabe."},
	},
	core: []orgSpec{
		{key: "ki", name: "Landkreis Börde – Integrationskoordination", kind: kAdmin, town: "Haldensleben", desc: "Koordiniert Integration, Netzwerke und das Integrationskonzept des Landkreises."},
		{key: "abh", name: "Landkreis Börde – Ausländerbehörde", kind: kImmigration, town: "Haldensleben", desc: "Aufenthaltsrecht und Unterbringung."},
		{key: "ga", name: "Landkreis Börde – Gesundheitsamt", kind: kAdmin, town: "Haldensleben", desc: "Gesundheitsschutz und Impfberatung."},
		{key: "jc", name: "Jobcenter Börde", kind: kJobcenter, town: "Haldensleben", desc: "Grundsicherung und Arbeitsmarktintegration."},
		{key: "aa", name: "Agentur für Arbeit Magdeburg – Geschäftsstelle Haldensleben", kind: kAgency, town: "Haldensleben", desc: "Berufsberatung und Vermittlung."},
		{key: "caritas", name: "Caritas-Migrationsdienst Börde", kind: kWelfare, town: "Haldensleben", desc: "Migrationsberatung und Familienhilfe im ganzen Landkreis."},
		{key: "diakonie", name: "Diakonie Börde", kind: kWelfare, town: "Oschersleben (Bode)", desc: "Flüchtlingsberatung, Jugendmigrationsdienst und Sozialstationen."},
		{key: "awo", name: "AWO Kreisverband Börde", kind: kWelfare, town: "Wolmirstedt", desc: "Kitas, Beratung und Seniorenarbeit."},
		{key: "drk", name: "DRK-Kreisverband Börde", kind: kWelfare, town: "Wanzleben-Börde", desc: "Unterkunftsbetreuung und Kleiderkammern."},
		{key: "pari", name: "Der Paritätische Sachsen-Anhalt – Regionalstelle Börde", kind: kWelfare, town: "Haldensleben", desc: "Verband von Vereinen und Initiativen."},
		{key: "vhs", name: "Kreisvolkshochschule Börde", kind: kEducation, town: "Haldensleben", desc: "Integrationskurse an mehreren Standorten im Kreis."},
		{key: "bz", name: "Bildungszentrum Börde gGmbH", kind: kEducation, town: "Oschersleben (Bode)", area: true, desc: "Berufliche Bildung und Berufssprachkurse."},
		{key: "ksb", name: "Kreissportbund Börde", kind: kClub, town: "Haldensleben", desc: "Dachverband der Sportvereine."},
		{key: "ihk", name: "IHK Magdeburg – Geschäftsstelle Börde", kind: kChamber, town: "Haldensleben", desc: "Ausbildungsberatung und Anerkennung."},
		{key: "hwk", name: "Handwerkskammer Magdeburg – Beratungsstelle Haldensleben", kind: kChamber, town: "Haldensleben", desc: "Ausbildung im Handwerk."},
		{key: "schulamt", name: "Landesschulamt Sachsen-Anhalt – Regionalbereich Börde", kind: kSchool, town: "Haldensleben", desc: "Schulaufsicht und Sprachförderung an Schulen."},
		{key: "psz", name: "Psychosoziale Beratungsstelle für Migrantinnen und Migranten Börde", kind: kHealth, town: "Haldensleben", desc: "Psychosoziale Beratung für Geflüchtete."},
		{key: "mgh", name: "Mehrgenerationenhaus Haldensleben", kind: kOther, town: "Haldensleben", desc: "Offener Treff, Begegnung und Ehrenamt für alle Generationen."},
		{key: "mgh2", name: "Mehrgenerationenhaus Oschersleben", kind: kOther, town: "Oschersleben (Bode)", area: true, desc: "Offener Treff und Familienangebote."},
		{key: "kjr", name: "Kinder- und Jugendring Börde", kind: kOther, town: "Haldensleben", desc: "Jugendarbeit und Ferienfreizeiten."},
		{key: "wohnen", name: "Wohnungsgenossenschaft Börde eG", kind: kBusiness, town: "Haldensleben", desc: "Wohnungsgenossenschaft mit Beständen in Haldensleben und Umgebung."},
	},
	towns: []string{
		"Haldensleben: admin vol fam fam mig mig club school rel",
		"Oschersleben (Bode): admin vol fam mig club school",
		"Wolmirstedt: admin vol fam mig club",
		"Wanzleben-Börde: admin vol fam club",
		"Hohe Börde: vol fam club",
		"Oebisfelde-Weferlingen: admin vol fam",
		"Barleben: vol fam",
		"Niedere Börde: vol",
		"Sülzetal: vol",
	},
	apTown: "Oschersleben (Bode)",
	isolated: []orgSpec{
		{key: "iso1", name: "Deutsch-Syrischer Freundeskreis Barleben e.V.", kind: kMigrant, town: "Barleben", desc: "Nachbarschaftshilfe syrischer und deutscher Familien."},
		{key: "iso2", name: "Sprachschule Elbe-Börde", kind: kEducation, town: "Wolmirstedt", desc: "Private Sprachschule."},
	},
	peripheral: []peripheral{
		{orgSpec{key: "peri", name: "Ausbildungsverbund Börde Agrar", kind: kBusiness, town: "Wanzleben-Börde", desc: "Landwirtschaftliche Betriebe, die gemeinsam ausbilden."}, [2]string{"ihk", "jc"}, "Ausbildung in Agrarberufen"},
	},
	workGroups: []workGroup{
		{"Arbeitskreis Migration und Gesundheit", []string{"Gesundheit", "Sprachförderung"}, []string{kHealth, kAdmin, kWelfare}},
	},
	gaps: []gapSpec{
		{"Beendorf", "Sport", gapNone},
		{"Sommersdorf", "Gesundheit", gapNone},
		{"Ummendorf", "Engagement", gapNone},
		{"Kroppenstedt", "Erwerbsleben", gapPlanned},
		{"Westheide", "Sprachförderung", gapNone},
		{"Loitsche-Heinrichsberg", "Gesundheit", gapCompleted},
		{"Oschersleben (Bode)", "Sport", gapNone},
		{"Wolmirstedt", "Engagement", gapCompleted},
	},
	groupGaps: []groupGapSpec{
		{"Haldensleben", "Erwerbsleben", "eu"},
		{"Barleben", "Sprachförderung", "eltern"},
	},
	dups: []dupSpec{
		{"Haldensleben", "Sprachförderung", "sprachcafe", []string{"vol:Haldensleben", "mgh"}},
		{"Haldensleben", "Erwerbsleben", "bewerbungstraining", []string{"jc", "jc"}},
		{"Wolmirstedt", "Bildung", "hausaufgabenhilfe", []string{"awo", "awo"}},
		{"Wanzleben-Börde", "Sport", "fussball", []string{"club:Wanzleben-Börde", "club:Wanzleben-Börde"}},
		{"Oebisfelde-Weferlingen", "Engagement", "patenschaften", []string{"vol:Oebisfelde-Weferlingen", "caritas"}},
		{"Hohe Börde", "Bildung", "elterncafe", []string{"fam:Hohe Börde", "fam:Hohe Börde"}},
	},
	negatives: []negSpec{
		{reason: negField, tmpl: "ferienschule", provider: "vhs", town: "Haldensleben", field: "Bildung", field2: "Sprachförderung"},
		{reason: negMunicipality, tmpl: "mbe", provider: "caritas", town: "Haldensleben", field: "Engagement", town2: "Barleben"},
		{reason: negTime, tmpl: "erstorientierung", provider: "vhs", town: "Wolmirstedt", field: "Sprachförderung"},
		{reason: negContent, tmpl: "ids", provider: "club:Haldensleben", town: "Haldensleben", field: "Sport", tmpl2: "frauenschwimmen"},
	},
}

// townCodes holds postal code and phone area code of every demo municipality.
var townCodes = map[string][2]string{
	// Kreis Recklinghausen
	"Castrop-Rauxel": {"44575", "02305"}, "Datteln": {"45711", "02363"}, "Dorsten": {"46282", "02362"},
	"Gladbeck": {"45964", "02043"}, "Haltern am See": {"45721", "02364"}, "Herten": {"45699", "02366"},
	"Marl": {"45768", "02365"}, "Oer-Erkenschwick": {"45739", "02368"}, "Recklinghausen": {"45657", "02361"},
	"Waltrop": {"45731", "02309"},
	// Märkischer Kreis
	"Altena": {"58762", "02352"}, "Balve": {"58802", "02375"}, "Halver": {"58553", "02353"},
	"Hemer": {"58675", "02372"}, "Herscheid": {"58849", "02357"}, "Iserlohn": {"58636", "02371"},
	"Kierspe": {"58566", "02359"}, "Lüdenscheid": {"58507", "02351"}, "Meinerzhagen": {"58540", "02354"},
	"Menden (Sauerland)": {"58706", "02373"}, "Nachrodt-Wiblingwerde": {"58769", "02352"},
	"Neuenrade": {"58809", "02392"}, "Plettenberg": {"58840", "02391"}, "Schalksmühle": {"58579", "02355"},
	"Werdohl": {"58791", "02392"},
	// Rems-Murr-Kreis
	"Alfdorf": {"73553", "07172"}, "Allmersbach im Tal": {"71573", "07191"}, "Althütte": {"71566", "07183"},
	"Auenwald": {"71549", "07191"}, "Backnang": {"71522", "07191"}, "Burgstetten": {"71576", "07191"},
	"Fellbach": {"70734", "0711"}, "Großerlach": {"71577", "07903"}, "Kaisersbach": {"73667", "07184"},
	"Kirchberg an der Murr": {"71737", "07144"}, "Korb": {"71404", "07151"}, "Leutenbach": {"71397", "07195"},
	"Murrhardt": {"71540", "07192"}, "Oppenweiler": {"71570", "07191"}, "Plüderhausen": {"73655", "07181"},
	"Rudersberg": {"73635", "07183"}, "Schorndorf": {"73614", "07181"}, "Schwaikheim": {"71409", "07195"},
	"Spiegelberg": {"71579", "07194"}, "Sulzbach an der Murr": {"71560", "07193"}, "Urbach": {"73660", "07181"},
	"Waiblingen": {"71332", "07151"}, "Weissach im Tal": {"71554", "07191"}, "Welzheim": {"73642", "07182"},
	"Winnenden": {"71364", "07195"}, "Winterbach": {"73650", "07181"}, "Aspach": {"71546", "07191"},
	"Berglen": {"73663", "07195"}, "Remshalden": {"73630", "07151"}, "Weinstadt": {"71384", "07151"},
	"Kernen im Remstal": {"71394", "07151"},
	// Rhein-Neckar-Kreis
	"Altlußheim": {"68804", "06205"}, "Bammental": {"69245", "06223"}, "Brühl": {"68782", "06202"},
	"Dielheim": {"69234", "06222"}, "Dossenheim": {"69221", "06221"}, "Eberbach": {"69412", "06271"},
	"Epfenbach": {"74925", "07263"}, "Eppelheim": {"69214", "06221"}, "Eschelbronn": {"74927", "06226"},
	"Gaiberg": {"69251", "06223"}, "Heddesbach": {"69434", "06272"}, "Heddesheim": {"68542", "06203"},
	"Heiligkreuzsteinach": {"69253", "06220"}, "Hemsbach": {"69502", "06201"}, "Hockenheim": {"68766", "06205"},
	"Ilvesheim": {"68549", "0621"}, "Ketsch": {"68775", "06202"}, "Ladenburg": {"68526", "06203"},
	"Laudenbach": {"69514", "06201"}, "Leimen": {"69181", "06224"}, "Malsch": {"69254", "07253"},
	"Mauer": {"69256", "06226"}, "Meckesheim": {"74909", "06226"}, "Mühlhausen": {"69242", "06222"},
	"Neckarbischofsheim": {"74924", "07263"}, "Neckargemünd": {"69151", "06223"}, "Neidenstein": {"74933", "07263"},
	"Neulußheim": {"68809", "06205"}, "Nußloch": {"69226", "06224"}, "Oftersheim": {"68723", "06202"},
	"Plankstadt": {"68723", "06202"}, "Rauenberg": {"69231", "06222"}, "Reichartshausen": {"74934", "06262"},
	"Reilingen": {"68799", "06205"}, "Sandhausen": {"69207", "06224"}, "Schönau": {"69250", "06228"},
	"Schönbrunn": {"69436", "06272"}, "Schriesheim": {"69198", "06203"}, "Schwetzingen": {"68723", "06202"},
	"Sinsheim": {"74889", "07261"}, "Spechbach": {"74937", "06226"}, "Waibstadt": {"74915", "07263"},
	"Walldorf": {"69190", "06227"}, "Weinheim": {"69469", "06201"}, "Wiesenbach": {"69257", "06223"},
	"Wiesloch": {"69168", "06222"}, "Wilhelmsfeld": {"69259", "06220"}, "Zuzenhausen": {"74939", "06226"},
	"Angelbachtal": {"74918", "07265"}, "St. Leon-Rot": {"68789", "06227"}, "Lobbach": {"74931", "06226"},
	"Edingen-Neckarhausen": {"68535", "06203"}, "Helmstadt-Bargen": {"74921", "07263"},
	"Hirschberg an der Bergstraße": {"69493", "06201"},
	// Landkreis Börde
	"Altenhausen": {"39343", "039052"}, "Am Großen Bruch": {"39393", "039401"}, "Angern": {"39326", "039363"},
	"Ausleben": {"39393", "039404"}, "Barleben": {"39179", "039203"}, "Beendorf": {"39343", "039050"},
	"Bülstringen": {"39345", "03904"}, "Burgstall": {"39517", "039364"}, "Calvörde": {"39359", "039051"},
	"Colbitz": {"39326", "039207"}, "Eilsleben": {"39365", "039409"}, "Erxleben": {"39343", "039052"},
	"Flechtingen": {"39345", "039054"}, "Gröningen": {"39397", "039403"}, "Haldensleben": {"39340", "03904"},
	"Harbke": {"39365", "039406"}, "Hohe Börde": {"39167", "039204"}, "Hötensleben": {"39393", "039405"},
	"Ingersleben": {"39343", "039206"}, "Kroppenstedt": {"39397", "039424"}, "Loitsche-Heinrichsberg": {"39326", "039208"},
	"Niedere Börde": {"39326", "039202"}, "Oebisfelde-Weferlingen": {"39646", "039002"},
	"Oschersleben (Bode)": {"39387", "03949"}, "Rogätz": {"39326", "039208"}, "Sommersdorf": {"39365", "039409"},
	"Sülzetal": {"39171", "039205"}, "Ummendorf": {"39365", "039409"}, "Völpke": {"39393", "039402"},
	"Wanzleben-Börde": {"39164", "039209"}, "Wefensleben": {"39365", "039400"}, "Westheide": {"39345", "039061"},
	"Wolmirstedt": {"39326", "039201"}, "Zielitz": {"39326", "039208"},
}
