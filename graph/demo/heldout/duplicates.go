package heldout

// The planted duplicate pairs. Each set is two entries of one offer: the same provider twice
// (a data duplicate) or two providers running the same offer in the same town for the same
// people (a parallel offer); the kind follows from the lead organisations. para marks a
// paraphrase with little shared vocabulary; traits name how the entries differ in words
// (structural differences — missing description, several towns, missing programme — are
// found from the data).

// dupSet is one planted duplicate pair.
type dupSet struct {
	a, b   offer
	note   string
	para   bool
	traits []string
}

// pairSpec is a duplicate pair between offers of different sets (a cluster of three).
type pairSpec struct {
	a, b   string
	note   string
	para   bool
	traits []string
}

// Common time windows.
const (
	syFrom = "2025-08-27" // school year 2025/26
	syTo   = "2026-07-10"
)

var free = eur(0)

var duplicateSets = []dupSet{
	{
		note:   "Caritas zweimal: amtliche Beschreibung der Schuldnerberatung aus dem Verzeichnis und die Fassung in einfachen Worten vom Flyer",
		para:   true,
		traits: []string{"register", "synonym"},
		a: offer{
			key: "p01a", title: "Schuldnerberatung für Familien", org: "caritas",
			desc:  "Die Schuldner- und Insolvenzberatung des Caritasverbandes unterstützt Familien mit Zahlungsrückständen, Inkassoforderungen oder drohender Kontopfändung. Wir verschaffen einen Überblick über sämtliche Verbindlichkeiten, verhandeln mit Gläubigern über Ratenzahlungen oder Vergleiche, richten ein Pfändungsschutzkonto ein und begleiten bei Bedarf in das Verbraucherinsolvenzverfahren. Sprechzeiten: dienstags 9 bis 12 Uhr, weitere Termine nach Vereinbarung.",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"eltern", "gef"},
			from: "2024-01-01", format: "in_person", langs: []string{"de"}, fee: free, concept: "schuldner",
		},
		b: offer{
			key: "p01b", title: "Hilfe bei Geldsorgen", org: "caritas",
			desc:  "Die Rechnungen stapeln sich und am Monatsende reicht es nicht? Kommen Sie vorbei. Wir schauen gemeinsam, wem Sie was bezahlen müssen und was zuerst dran ist. Wir sprechen für Sie mit Firmen, die Geld von Ihnen wollen, und suchen einen Weg, der zu Ihrer Familie passt. Jeden Dienstagvormittag, ohne Anmeldung, kostenlos.",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"eltern"},
			from: "2024-01-01", concept: "schuldner",
		},
	},
	{
		note:   "Flüchtlingshilfe Lemgo zweimal: nur der Titel vom Aushang, dazu die Beschreibung von der Website",
		para:   true,
		traits: []string{"compound_vs_phrase"},
		a: offer{
			key: "p02a", title: "Nähwerkstatt", org: "fhlem",
			towns: []string{"lem"}, fields: []string{"teil"}, groups: []string{"frauen", "gef"}, concept: "naehen",
		},
		b: offer{
			key: "p02b", title: "Gemeinsam nähen lernen", org: "fhlem",
			desc:  "Jeden Mittwochnachmittag stehen im Gemeindehaus fünf Maschinen bereit. Frauen aus aller Welt reparieren Kleidung, schneidern Taschen und Kinderkleider und zeigen einander Schnitte und Tricks. Stoffe werden gespendet, Vorkenntnisse braucht niemand.",
			towns: []string{"lem"}, fields: []string{"teil"}, groups: []string{"frauen", "gef"},
			from: "2025-09-03", format: "in_person", fee: free, capacity: 10, concept: "naehen",
		},
	},
	{
		note:   "Diakonie und Syrisch-Deutscher Kulturverein betreuen dieselben Grundschulkinder an denselben Nachmittagen bei den Schulaufgaben",
		para:   true,
		traits: []string{"synonym", "compound_vs_phrase"},
		a: offer{
			key: "p03a", title: "Hausaufgabenhilfe für Grundschulkinder", org: "diakonie",
			desc:  "Montags bis donnerstags von 13:30 bis 15:00 Uhr betreuen ehrenamtliche Helferinnen und Helfer Kinder der Klassen 1 bis 4 bei den Hausaufgaben. Die Kinder kommen direkt nach dem Unterricht ins Gemeindezentrum; ein kleiner Imbiss ist inklusive.",
			towns: []string{"lag"}, fields: []string{"spr"}, groups: []string{"kinder"},
			from: syFrom, to: syTo, format: "in_person", langs: []string{"de"}, fee: free, capacity: 15, concept: "homework",
		},
		b: offer{
			key: "p03b", title: "Lernunterstützung nach der Schule", org: "syr",
			desc:  "Wer beim Rechnen, Lesen oder Schreiben nicht weiterkommt, bekommt bei uns Unterstützung – auf Deutsch und wenn nötig auf Arabisch. Für Schülerinnen und Schüler der ersten bis vierten Klasse, an vier Nachmittagen in der Woche in den Vereinsräumen.",
			towns: []string{"lag"}, fields: []string{"spr"}, groups: []string{"kinder", "gef"},
			from: "2025-09-01", to: "2026-06-30", format: "in_person", langs: []string{"de", "ar"}, fee: free, concept: "homework",
		},
	},
	{
		note:   "DRK zweimal: die Sprechstunde in Blomberg unter dem Kürzel MBE und die ausgeschriebene Migrationsberatung für ganz Lippe-Ost",
		traits: []string{"abbreviation"},
		a: offer{
			key: "p04a", title: "MBE Sprechstunde Blomberg", org: "drk",
			desc:  "MBE: Beratung zu Aufenthalt, Integrationskurs, Anerkennung, Behördenpost. Di 10–12 Uhr, Rathaus, Raum 014.",
			towns: []string{"blo"}, fields: []string{"teil"}, groups: []string{"neu", "gef"},
			from: "2025-01-01", format: "in_person", concept: "mbe",
		},
		b: offer{
			key: "p04b", title: "Migrationsberatung für erwachsene Zugewanderte (Lippe-Ost)", org: "drk",
			desc:  "Die Migrationsberatung für erwachsene Zugewanderte des DRK begleitet Menschen ab 27 Jahren in den ersten Jahren nach ihrer Ankunft. Wir beraten zu Aufenthaltsfragen, zur Anmeldung im Integrationskurs, zur Anerkennung von Abschlüssen, zu Wohnung, Arbeit und Gesundheit und helfen beim Verstehen von Schreiben der Behörden. Sprechstunden in Blomberg, Barntrup, Dörentrup, Lügde und Schieder-Schwalenberg; Termine auch telefonisch.",
			towns: []string{"blo", "bar", "doe", "lue", "ssw"}, fields: []string{"teil"}, groups: []string{"neu"},
			from: "2025-01-01", format: "hybrid", langs: []string{"de", "ar", "ru"}, fee: free, prog: "MBE", concept: "mbe",
		},
	},
	{
		note:   "zwei Kirchengemeinden laden wöchentlich zum offenen Gesprächstreff zum Deutschüben ein; Café/Cafe",
		para:   true,
		traits: []string{"spelling_variant"},
		a: offer{
			key: "p05a", title: "Sprach-Café International", org: "kgdet",
			desc:  "Jeden Freitag von 15 bis 17 Uhr treffen sich im Gemeindehaus Menschen, die Deutsch üben wollen, mit Einheimischen zum Gespräch. Bei Kaffee und Tee wird erzählt, gefragt und gelacht – ganz ohne Unterricht und ohne Anmeldung.",
			towns: []string{"det"}, fields: []string{"spr"}, groups: []string{"neu", "gef", "aufnahme"},
			from: "2023-03-01", format: "in_person", fee: free, concept: "sprachcafe",
		},
		b: offer{
			key: "p05b", title: "Cafe Kontakt", org: "kath",
			desc:  "Alltagssprache im Gespräch: Freiwillige und Neuankommende plaudern einmal pro Woche über Arbeit, Einkauf, Arzttermine oder das Wetter. Wer mag, bringt Briefe mit, die er nicht versteht. Donnerstags 16:00–18:00, Pfarrheim Heilig Kreuz.",
			towns: []string{"det"}, fields: []string{"spr"}, groups: []string{"neu", "gef"},
			from: "2025-10-02", fee: free, concept: "sprachcafe",
		},
	},
	{
		note:   "Ukrainische Gemeinschaft zweimal: deutscher Eintrag und englisch-ukrainischer Eintrag für denselben Samstagstreff",
		para:   true,
		traits: []string{"english", "ukrainian"},
		a: offer{
			key: "p06a", title: "Treffpunkt für Geflüchtete aus der Ukraine", org: "ukrv",
			desc:  "Austausch, Information und Unterstützung beim Ankommen: Jeden Samstag öffnet unser Treffpunkt im Stadtteilzentrum Lemgo-Nord. Mit Kinderecke, Hilfe bei Behördenbriefen und ukrainischem Tee.",
			towns: []string{"lem"}, fields: []string{"teil"}, groups: []string{"ukraine"},
			from: "2024-03-02", format: "in_person", langs: []string{"de", "uk"}, fee: free, concept: "ukraine_treff",
		},
		b: offer{
			key: "p06b", title: "Ukrainian Community Meeting / Зустріч громади", org: "ukrv",
			desc:  "Saturday meetings for Ukrainian families in Lemgo: news, help with letters from German authorities, a play corner for the kids. Щосуботи з 14:00 до 17:00.",
			towns: []string{"lem"}, fields: []string{"teil"}, groups: []string{"ukraine", "gef"},
			from: "2024-03-02", format: "in_person", langs: []string{"uk", "en"}, concept: "ukraine_treff",
		},
	},
	{
		note:   "zwei monatliche Treffen für Frauen mit Essen und Gesprächsthemen, einmal vom Netzwerk, einmal vom Kulturverein mit arabischem Titel",
		para:   true,
		traits: []string{"arabic"},
		a: offer{
			key: "p07a", title: "Frauenfrühstück international", org: "oernetz",
			desc:  "Einmal im Monat frühstücken Frauen aus Oerlinghausen und neu zugezogene Frauen gemeinsam. Jede bringt etwas mit, Kinder sind willkommen. Die Themen bestimmen die Teilnehmerinnen: Schule, Gesundheit, Rezepte, Behörden.",
			towns: []string{"oer"}, fields: []string{"teil"}, groups: []string{"frauen", "aufnahme"},
			from: "2025-01-15", format: "in_person", fee: free, concept: "frauentreff",
		},
		b: offer{
			key: "p07b", title: "لقاء النساء – Treffen für Frauen", org: "syr",
			desc:  "Ein Vormittag nur für uns: Wir essen zusammen, reden über alles, was uns im neuen Alltag beschäftigt, und laden ab und zu Gäste ein, etwa eine Hebamme oder eine Lehrerin. Auf Arabisch und Deutsch, jeden ersten Samstag im Monat.",
			towns: []string{"oer"}, fields: []string{"teil"}, groups: []string{"frauen", "gef"},
			from: "2025-06-07", format: "in_person", langs: []string{"ar", "de"}, concept: "frauentreff",
		},
	},
	{
		note:   "Bildungszentrum zweimal: Fachsprache im Programmheft, einfache Sprache im Aushang im Jobcenter",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p08a", title: "Bewerbungswerkstatt", org: "bz",
			desc:  "Lebenslauf erstellen, Anschreiben formulieren, Unterlagen für Online-Portale hochladen: In der Bewerbungswerkstatt arbeiten Teilnehmende an ihren eigenen Bewerbungen – an PC-Arbeitsplätzen und mit persönlicher Begleitung. Mo und Mi 9–12 Uhr, Bildungszentrum Lippe.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"arbeitsuchende", "gef"},
			from: "2025-09-01", to: "2026-08-31", format: "in_person", langs: []string{"de"}, fee: free, capacity: 12, concept: "bewerbung",
		},
		b: offer{
			key: "p08b", title: "Jobsuche? Wir helfen mit Ihren Papieren", org: "bz",
			desc:  "Sie suchen Arbeit und wissen nicht, wie man sich hier richtig vorstellt? Wir schreiben mit Ihnen zusammen auf, was Firmen lesen wollen – Ihre Stationen, Ihre Stärken, einen passenden Brief – und schicken alles gemeinsam ab. Montags und mittwochs vormittags, Computer sind vorhanden.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"arbeitsuchende"},
			from: "2025-09-01", to: "2026-08-31", format: "in_person", fee: free, concept: "bewerbung",
		},
	},
	{
		note:   "Helferkreis und DRK bringen im selben Frühjahr Frauen ohne Vorerfahrung das Radfahren bei",
		para:   true,
		traits: []string{"synonym"},
		a: offer{
			key: "p09a", title: "Radfahrkurs für Frauen", org: "bsuhelfer",
			desc:  "Viele Frauen haben in ihrer Heimat nie Fahrrad fahren gelernt. In sechs Terminen üben wir auf dem Verkehrsübungsplatz Gleichgewicht, Bremsen und Kurven, danach die wichtigsten Verkehrsregeln. Räder und Helme werden gestellt.",
			towns: []string{"bsu"}, fields: []string{"frz"}, groups: []string{"frauen", "gef"},
			from: "2026-04-13", to: "2026-05-25", format: "in_person", fee: free, capacity: 8, concept: "radkurs_frauen",
		},
		b: offer{
			key: "p09b", title: "Sicher auf zwei Rädern – für Migrantinnen", org: "drk",
			desc:  "Balance halten, anhalten, abbiegen, Handzeichen geben: Schritt für Schritt zur eigenen Mobilität. Für zugewanderte Frauen ohne Vorerfahrung, mit Trainerinnen und in geschützter Runde. Leihräder stehen bereit.",
			towns: []string{"bsu"}, fields: []string{"frz"}, groups: []string{"frauen", "neu"},
			from: "2026-04-01", to: "2026-10-31", format: "in_person", fee: eur(15), capacity: 10, concept: "radkurs_frauen",
		},
	},
	{
		note: "VHS zweimal: der kurze Eintrag aus dem Kursprogramm und der lange Text der Website für denselben Vormittagskurs",
		a: offer{
			key: "p10a", title: "Integrationskurs (allgemein), vormittags", org: "vhsdl",
			desc:  "Sprachkurs bis B1 und Orientierungskurs, Mo–Fr 8:30–12:45 Uhr. Einstufungstest erforderlich. Mit Berechtigungsschein kostenlos oder mit Kostenbeitrag.",
			towns: []string{"lem"}, fields: []string{"spr"}, groups: []string{"neu", "gef"},
			from: "2026-01-12", to: "2026-10-30", format: "in_person", capacity: 20, concept: "integrationskurs",
		},
		b: offer{
			key: "p10b", title: "Deutsch lernen und Deutschland kennenlernen: der Integrationskurs an der VHS in Lemgo", org: "vhsdl",
			desc:  integrationskursLang,
			towns: []string{"lem"}, fields: []string{"spr"}, groups: []string{"neu"},
			from: "2026-01-12", to: "2026-10-30", format: "in_person", langs: []string{"de"}, prog: "Integrationskurs (BAMF)", capacity: 20,
			web: "https://www.volkshochschule-detmold-lemgo.example/integrationskurs", concept: "integrationskurs",
		},
	},
	{
		note:   "Kommunales Integrationszentrum zweimal: Fachbegriff im Verzeichnis, persönliche Ansprache im Faltblatt",
		para:   true,
		traits: []string{"register", "compound_vs_phrase"},
		a: offer{
			key: "p11a", title: "Anerkennungsberatung", org: "kreis",
			desc:  "Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse: zuständige Stelle, erforderliche Unterlagen, beglaubigte Übersetzungen, Gebühren, Anpassungsqualifizierung. Termine im Kreishaus nach Vereinbarung.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"fachkraefte", "neu"},
			from: "2024-01-01", format: "in_person", langs: []string{"de", "en"}, fee: free, concept: "anerkennung",
		},
		b: offer{
			key: "p11b", title: "Ihr Beruf aus dem Ausland zählt", org: "kreis",
			desc:  "Sie haben in Ihrem Herkunftsland eine Ausbildung gemacht oder studiert? Wir klären mit Ihnen, ob Ihr Abschluss hier als gleichwertig gilt, welche Papiere Sie brauchen und wer das bezahlen kann. Persönlich oder per Video.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"fachkraefte"},
			from: "2024-01-01", format: "hybrid", langs: []string{"de", "en", "ar"}, concept: "anerkennung",
		},
	},
	{
		note:   "Pool des Kreises und Ehrenamtliche des DRK vermitteln beide Sprachmittlung zu Terminen bei Ämtern, Schulen und Ärzten",
		para:   true,
		traits: []string{"synonym"},
		a: offer{
			key: "p12a", title: "Sprach- und Kulturmittlung für Termine bei Ämtern, Schulen und Ärzten", org: "kreis",
			desc:  sprachmittlungLang,
			towns: []string{"det"}, fields: []string{"teil"}, groups: []string{"gef", "neu"},
			from: "2022-01-01", format: "in_person", langs: []string{"ar", "fa", "prs", "ku", "ti", "ru", "uk", "tr", "ro", "bg", "sq", "so"}, fee: free, concept: "sprachmittlung",
		},
		b: offer{
			key: "p12b", title: "Dolmetschen im Ehrenamt", org: "drk",
			desc:  "Freiwillige mit Fremdsprachenkenntnissen begleiten Geflüchtete zu Gesprächen, wenn sie sich noch nicht sicher verständigen können – beim Elternsprechtag, bei der Hausärztin oder im Bürgerbüro. Anfrage per Telefon beim DRK-Kreisverband.",
			towns: []string{"det"}, fields: []string{"teil"}, groups: []string{"gef"},
			from: "2023-06-01", langs: []string{"ar", "fa", "ru", "uk", "tr"}, fee: free, concept: "sprachmittlung",
		},
	},
	{
		note:   "Psychosoziales Zentrum und Caritas bieten beide Geflüchteten mit Traumafolgen Gespräche und Weitervermittlung in Therapie",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p13a", title: "Psychosoziale Beratung für traumatisierte Geflüchtete", org: "psz",
			desc:  "Das Psychosoziale Zentrum bietet Clearinggespräche, psychosoziale Beratung und Stabilisierungsgruppen für Geflüchtete mit belastenden Erfahrungen, bei Bedarf mit Sprachmittlung. Vermittlung in Psychotherapie; Fortbildung für Fachkräfte.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"gef"},
			from: "2023-01-01", to: "2026-12-31", format: "in_person", fee: free, prog: "Landesförderung Psychosoziale Zentren", concept: "psychosozial",
		},
		b: offer{
			key: "p13b", title: "Wenn die Seele leidet: Gesprächsangebot nach Flucht und Krieg", org: "caritas",
			desc:  "Schlafprobleme, Albträume, ständige Sorgen um die Angehörigen in der Heimat? Sie sind damit nicht allein. In vertraulichen Gesprächen hören wir zu, suchen gemeinsam nach Wegen zur Entlastung und gehen mit Ihnen zu einer Therapeutin, wenn mehr Hilfe nötig ist.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"gef", "ukraine"},
			from: "2025-05-01", format: "in_person", langs: []string{"de", "ar", "fa", "uk"}, fee: free, concept: "psychosozial",
		},
	},
	{
		note:   "Gesundheitsamt zweimal: das Programm MiMi unter seinem Namen für drei Städte und die Infoabende in Detmold ohne den Namen",
		para:   true,
		traits: []string{"abbreviation"},
		a: offer{
			key: "p14a", title: "MiMi-Gesundheitsprojekt", org: "kreisga",
			desc:  "MiMi – Mit Migranten für Migranten: geschulte Gesundheitsmediatorinnen und -mediatoren führen muttersprachliche Informationsveranstaltungen zu Impfen, Vorsorge, Kindergesundheit und dem deutschen Gesundheitssystem durch.",
			towns: []string{"det", "lag", "bsu"}, fields: []string{"ges"}, groups: []string{"neu", "gef"},
			from: "2024-01-01", to: "2026-12-31", format: "in_person", prog: "MiMi", fee: free, concept: "mimi",
		},
		b: offer{
			key: "p14b", title: "Gesundheit verstehen – Infoabende in Ihrer Sprache", org: "kreisga",
			desc:  "Wie funktioniert die Krankenkasse? Wann gehe ich zur Hausärztin, wann in die Notaufnahme? Was bekommt mein Kind bei der U-Untersuchung? An Abenden in Arabisch, Farsi, Russisch, Türkisch und Ukrainisch erklären ausgebildete Lotsinnen und Lotsen aus den Communities, was man wissen muss.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"neu"},
			from: "2025-01-01", to: "2026-12-31", langs: []string{"ar", "fa", "ru", "tr", "uk"}, concept: "mimi",
		},
	},
	{
		note: "Mieterverein und Caritas schulen in vier Terminen zu Mietvertrag, Nebenkosten und Hausordnung, beide mit Bescheinigung für Vermieter",
		para: true,
		a: offer{
			key: "p15a", title: "Mietführerschein", org: "mieterverein",
			desc:  "Kurs in vier Modulen: Mietvertrag, Nebenkosten, Heizen und Lüften, Mülltrennung, Hausordnung. Wer teilnimmt, erhält ein Zertifikat, das bei Vermietern als Referenz vorgelegt werden kann.",
			towns: []string{"lem"}, fields: []string{"woh"}, groups: []string{"gef", "neu"},
			from: "2025-10-06", to: "2026-03-30", format: "in_person", fee: free, capacity: 15, concept: "mietfuehrerschein",
		},
		b: offer{
			key: "p15b", title: "Wohnen in Deutschland: Rechte und Pflichten als Mieterin und Mieter", org: "caritas",
			desc:  "Wie hoch darf die Heizkostennachzahlung sein? Wer repariert den tropfenden Wasserhahn? Wohin mit dem Altglas? An vier Nachmittagen lernen Geflüchtete, worauf es in der eigenen Wohnung ankommt – mit Teilnahmebestätigung für die Wohnungssuche.",
			towns: []string{"lem"}, fields: []string{"woh"}, groups: []string{"gef"},
			from: "2026-01-15", to: "2026-04-30", format: "in_person", langs: []string{"de", "ar", "uk"}, fee: free, capacity: 12, concept: "mietfuehrerschein",
		},
	},
	{
		note:   "Stadt Bad Salzuflen zweimal: das Projekt unter seinem Namen und die Beschreibung dessen, was es tut",
		para:   true,
		traits: []string{"compound_vs_phrase"},
		a: offer{
			key: "p16a", title: "Wohnraumlotsen", org: "adm_bsu",
			desc:  "Die Wohnraumlotsen der Stadt vermitteln zwischen Vermietern und wohnungssuchenden Geflüchteten, begleiten Besichtigungen und bleiben in den ersten Monaten nach dem Einzug ansprechbar.",
			towns: []string{"bsu"}, fields: []string{"woh"}, groups: []string{"gef"},
			from: "2024-06-01", format: "in_person", fee: free, concept: "wohnungssuche",
		},
		b: offer{
			key: "p16b", title: "Hilfe beim Finden einer Wohnung", org: "adm_bsu",
			desc:  "Sie leben noch in einer Unterkunft und möchten ausziehen? Wir suchen mit Ihnen nach Angeboten, rufen bei Eigentümern an, gehen mit zum Anschauen und sind auch nach dem Umzug noch für Sie da.",
			towns: []string{"bsu"}, fields: []string{"woh"}, groups: []string{"gef", "ukraine"},
			from: "2024-06-01", concept: "wohnungssuche",
		},
	},
	{
		note:   "Diakonie und pro familia beraten beide Schwangere mit Einwanderungsgeschichte zu Hilfen, Anträgen und Hebammensuche",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p17a", title: "Schwangerenberatung für Migrantinnen", org: "diakonie",
			desc:  "Beratung in allen Fragen rund um Schwangerschaft, Geburt und die erste Zeit mit dem Baby: Mutterschutz, Elterngeld, Kindergeld, Stiftungshilfen, Hebammensuche. Auf Wunsch mit Dolmetscherin.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"frauen", "neu"},
			from: "2023-01-01", format: "in_person", fee: free, concept: "schwanger",
		},
		b: offer{
			key: "p17b", title: "Ein Baby kommt – wir begleiten Sie", org: "profam",
			desc:  "Sie erwarten ein Kind und sind neu in Deutschland? Wir erklären, welche Unterstützung es für werdende Mütter gibt, füllen mit Ihnen Anträge auf finanzielle Hilfen aus und finden gemeinsam eine Hebamme. Vertraulich und kostenlos.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"frauen"},
			from: "2024-09-01", format: "in_person", langs: []string{"de", "ar", "ru"}, fee: free, concept: "schwanger",
		},
	},
	{
		note:   "Landsmannschaft zweimal: deutscher Eintrag und russischsprachiger Aushang für denselben Nachmittag alle zwei Wochen",
		para:   true,
		traits: []string{"russian"},
		a: offer{
			key: "p18a", title: "Seniorennachmittag der Landsmannschaft", org: "aussi",
			desc:  "Jeden zweiten Mittwoch treffen sich ältere Mitglieder und Gäste im Gemeindehaus zu Kaffee, Gesang und Gesprächen. Manchmal kommt jemand von der Gemeinde oder der Polizei mit einem Vortrag.",
			towns: []string{"aug"}, fields: []string{"teil"}, groups: []string{"senioren", "aussiedler"},
			from: "2022-01-01", format: "in_person", langs: []string{"de", "ru"}, fee: free, concept: "senioren_treff",
		},
		b: offer{
			key: "p18b", title: "Встреча пожилых – Treff für Ältere", org: "aussi",
			desc:  "Для пожилых переселенцев: общение, песни, чай. Каждую вторую среду, 14:30.",
			towns: []string{"aug"}, fields: []string{"teil"}, groups: []string{"aussiedler"},
			langs: []string{"ru"}, concept: "senioren_treff",
		},
	},
	{
		note:   "TuS Lage zweimal: Vereinseintrag mit Förderprogramm und lockere Einladung ohne Programm zum selben Freitagstraining",
		para:   true,
		traits: []string{"register", "gender_star"},
		a: offer{
			key: "p19a", title: "Offenes Fußballtraining für Geflüchtete", org: "tuslage",
			desc:  "Jeden Freitag von 17 bis 19 Uhr auf dem Kunstrasenplatz: Training für Jugendliche und junge Erwachsene ab 14 Jahren, ohne Vereinsmitgliedschaft. Schuhe und Trikots werden gestellt.",
			towns: []string{"lag"}, fields: []string{"frz"}, groups: []string{"gef", "kinder"},
			from: "2025-04-04", format: "in_person", prog: "Integration durch Sport", fee: free, capacity: 30, concept: "fussball_offen",
		},
		b: offer{
			key: "p19b", title: "Kicken am Freitagabend – jede*r kann mitmachen", org: "tuslage",
			desc:  "Ball, Tore, gute Laune: ab 17 Uhr auf dem Kunstrasen. Keine Anmeldung, kein Beitrag, Ausrüstung leihen wir dir. Für alle ab 14.",
			towns: []string{"lag"}, fields: []string{"frz"}, groups: []string{"kinder", "jungeErw"},
			from: "2025-04-04", fee: free, concept: "fussball_offen",
		},
	},
	{
		note: "Kreisjugendamt und Familienzentrum bieten beide Familien ohne Kitaplatz eine Spielgruppe mit Begleitung der Eltern bis zur Anmeldung",
		a: offer{
			key: "p20a", title: "Kita-Einstieg: Brücken bauen in frühe Bildung", org: "kreisjug",
			desc:  "Das Bundesprogramm unterstützt Familien, deren Kinder noch keinen Platz in einer Kindertageseinrichtung haben: Eltern-Kind-Gruppen, Spielgruppen und Begleitung bei der Anmeldung. Fachkräfte des Kreisjugendamts vor Ort in Lage.",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"kinder", "eltern"},
			from: "2023-01-01", to: "2026-12-31", format: "in_person", prog: "Kita-Einstieg", fee: free, concept: "kita_einstieg",
		},
		b: offer{
			key: "p20b", title: "Spielkreis für Kinder ohne Kitaplatz", org: "famz_lag",
			desc:  "Dreimal pro Woche spielen Kinder von zwei bis sechs Jahren, die noch auf einen Kindergartenplatz warten, im Familienzentrum. Mütter und Väter bleiben dabei, erfahren, wie Kita in Deutschland funktioniert, und bekommen Hilfe bei der Anmeldung.",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"kinder", "eltern", "gef"},
			from: "2025-08-01", format: "in_person", fee: free, capacity: 12, concept: "kita_einstieg",
		},
	},
	{
		note:   "Kolping und Flüchtlingshilfe stellen jungen Geflüchteten in der Ausbildung je eine ehrenamtliche Begleitung bis zur Abschlussprüfung",
		para:   true,
		traits: []string{"synonym", "english"},
		a: offer{
			key: "p21a", title: "Ausbildungspaten", org: "kolping",
			desc:  "Ehrenamtliche Patinnen und Paten begleiten junge Geflüchtete durch die Ausbildung: Lernen für die Berufsschule, Gespräche mit dem Betrieb, Prüfungsvorbereitung. Ein Treffen pro Woche, mindestens ein Jahr lang.",
			towns: []string{"lem"}, fields: []string{"arb"}, groups: []string{"gef", "jungeErw"},
			from: "2024-08-01", format: "in_person", fee: free, concept: "ausbildungspaten",
		},
		b: offer{
			key: "p21b", title: "Mentoring für Azubis mit Fluchtgeschichte", org: "fhlem",
			desc:  "Eine feste Ansprechperson an deiner Seite, bis du den Gesellenbrief in der Hand hast: Wir helfen bei Fachbegriffen, Berichtsheft und Stress im Betrieb und üben mit dir für das Ende der Lehrzeit.",
			towns: []string{"lem"}, fields: []string{"arb"}, groups: []string{"jungeErw"},
			from: "2025-01-01", fee: free, concept: "ausbildungspaten",
		},
	},
	{
		note:   "Diakonie zweimal: Kursankündigung und Aushang der Lerngruppe für die Theorieprüfung, beide dienstags in Bösingfeld",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p22a", title: "Führerschein-Theorie in leichter Sprache", org: "diakonie",
			desc:  "Vorbereitung auf die theoretische Fahrerlaubnisprüfung Klasse B mit vereinfachten Texten, Bildern und Übungsbögen. Zehn Termine, dienstags 17–19 Uhr, Bösingfeld.",
			towns: []string{"ext"}, fields: []string{"arb"}, groups: []string{"gef"},
			from: "2025-11-03", to: "2026-05-29", format: "in_person", fee: free, capacity: 12, concept: "fuehrerschein",
		},
		b: offer{
			key: "p22b", title: "Fahrschule verstehen: Lerngruppe für Menschen mit wenig Deutsch", org: "diakonie",
			desc:  "Die Fragebögen fürs Autofahren sind schwer zu verstehen. In unserer Gruppe übersetzen wir Fachwörter, üben mit der App und machen Mut vor dem Test. Dienstags am frühen Abend im Gemeindehaus.",
			towns: []string{"ext"}, fields: []string{"arb"}, groups: []string{"gef", "neu"},
			from: "2025-11-03", to: "2026-05-29", langs: []string{"de", "ar", "fa"}, concept: "fuehrerschein",
		},
	},
	{
		note:   "Stadt Lage zweimal: die Digitale Sprechstunde mit Beschreibung und eine zweite Anlage nur mit einer Frage als Titel",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p23a", title: "Digitale Sprechstunde: Hilfe bei Online-Anträgen", org: "adm_lag",
			desc:  "Kindergeld, Wohngeld, Termin bei der Ausländerbehörde: Immer mehr Anträge gibt es nur noch online. In der digitalen Sprechstunde im Bürgerbüro helfen Mitarbeitende beim Ausfüllen, Hochladen und Abschicken. Donnerstags 14–16 Uhr.",
			towns: []string{"lag"}, fields: []string{"teil"}, groups: []string{"neu", "gef"},
			from: "2025-02-01", format: "in_person", fee: free, concept: "antragshilfe",
		},
		b: offer{
			key: "p23b", title: "Wie stelle ich einen Antrag im Internet?", org: "adm_lag",
			towns: []string{"lag"}, fields: []string{"teil"}, groups: []string{"neu"}, concept: "antragshilfe",
		},
	},
	{
		note:   "Willkommensinitiative und Integrationsbeauftragte der Gemeinde helfen beide beim Ausfüllen und Verstehen von Behördenpost",
		para:   true,
		traits: []string{"register", "synonym"},
		a: offer{
			key: "p24a", title: "Ausfüllhilfe bei Anträgen und Formularen", org: "willk",
			desc:  "Ehrenamtliche unterstützen beim Ausfüllen von Anträgen für Jobcenter, Familienkasse und Ausländerbehörde und erklären Bescheide. Montags 10–12 Uhr, Begegnungsstätte Hohenhausen.",
			towns: []string{"kal"}, fields: []string{"teil"}, groups: []string{"gef"},
			from: "2023-05-01", format: "in_person", fee: free, concept: "antragshilfe",
		},
		b: offer{
			key: "p24b", title: "Wir helfen beim Papierkram", org: "adm_kal",
			desc:  "Post vom Amt und Sie verstehen nur die Hälfte? Bringen Sie Ihre Briefe mit. Die Integrationsbeauftragte liest mit Ihnen, was gemeint ist, und erledigt mit Ihnen, was zurückgeschickt werden muss. Mittwochs im Rathaus.",
			towns: []string{"kal"}, fields: []string{"teil"}, groups: []string{"gef", "neu"},
			from: "2025-09-01", format: "in_person", concept: "antragshilfe",
		},
	},
	{
		note:   "Gemeinde und Afrika-Forum laden beide monatlich Alteingesessene und Zugezogene zum gemeinsamen Kochen in die Schulküche",
		para:   true,
		traits: []string{"compound_vs_phrase"},
		a: offer{
			key: "p25a", title: "Küche der Nationen", org: "adm_leo",
			desc:  "Einmal im Monat kochen Alteingesessene und Zugezogene in der Schulküche Rezepte aus Syrien, Eritrea, der Ukraine und Lippe – und essen anschließend gemeinsam. Zutaten werden gestellt, Anmeldung im Rathaus.",
			towns: []string{"leo"}, fields: []string{"frz"}, groups: []string{"aufnahme", "gef"},
			from: "2025-02-01", format: "in_person", fee: free, capacity: 16, concept: "kochen",
		},
		b: offer{
			key: "p25b", title: "Interkultureller Kochtreff", org: "afr",
			desc:  "Wir bereiten zusammen Gerichte aus Westafrika und anderswo zu. Jeder Abend stellt ein Land vor; am Ende sitzen alle an einem langen Tisch. Monatlich freitags, Treffpunkt ist die Lehrküche der Gesamtschule.",
			towns: []string{"leo"}, fields: []string{"frz"}, groups: []string{"aufnahme", "neu"},
			from: "2025-10-01", format: "in_person", fee: eur(5), concept: "kochen",
		},
	},
	{
		note:   "Gartenverein zweimal: Vereinsname als Titel und eine Einladung zum Mitmachen für dieselben Beete",
		para:   true,
		traits: []string{"compound_vs_phrase"},
		a: offer{
			key: "p26a", title: "Interkultureller Garten", org: "garten",
			desc:  "Auf 2.000 Quadratmetern am Stadtrand bewirtschaften Familien aus 14 Ländern eigene Beete, teilen Werkzeug und Saatgut und feiern im Herbst ein gemeinsames Erntefest.",
			towns: []string{"lem"}, fields: []string{"teil"}, groups: []string{"aufnahme", "gef"},
			from: "2019-04-01", format: "in_person", concept: "garten",
		},
		b: offer{
			key: "p26b", title: "Gemeinschaftsbeete: Gärtnern mit Nachbarn aus vielen Ländern", org: "garten",
			desc:  "Gemüse ziehen, Kräuter tauschen, voneinander lernen: Wer Lust auf Erde unter den Fingernägeln hat, bekommt ein Stück Land zum Bepflanzen. Mitmachen können alle aus Lemgo.",
			towns: []string{"lem"}, fields: []string{"teil"}, groups: []string{"aufnahme"},
			from: "2019-04-01", fee: eur(24), concept: "garten",
		},
	},
	{
		note:   "Kommunales Integrationszentrum zweimal: die Schulungsreihe mit Programmname und dieselbe Reihe als Einladung an Helferinnen und Helfer",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p27a", title: "Qualifizierung für Ehrenamtliche in der Flüchtlingshilfe", org: "kreis",
			desc:  "Fortbildungsreihe für freiwillig Engagierte: Asyl- und Aufenthaltsrecht im Überblick, interkulturelle Kommunikation, Umgang mit belastenden Situationen, Grenzen des Ehrenamts. Sechs Module im Kreishaus, kostenfrei.",
			towns: []string{"det"}, fields: []string{"ehr"}, groups: []string{"engagierte"},
			from: "2026-01-20", to: "2026-06-30", format: "in_person", prog: "KOMM-AN NRW", fee: free, capacity: 25, concept: "ehrenamt_quali",
		},
		b: offer{
			key: "p27b", title: "Engagiert begleiten – Seminare für Helferinnen und Helfer", org: "kreis",
			desc:  "Sie unterstützen Menschen, die neu in Lippe sind, und möchten sicherer werden? An sechs Abenden geht es um Aufenthaltstitel und was sie bedeuten, um Missverständnisse zwischen Kulturen und darum, wie man sich selbst schützt, wenn es schwer wird.",
			towns: []string{"det"}, fields: []string{"ehr"}, groups: []string{"engagierte", "aufnahme"},
			from: "2026-01-20", to: "2026-06-30", format: "hybrid", fee: free, concept: "ehrenamt_quali",
		},
	},
	{
		note:   "Stadt und Paritätischer vermitteln beide in Lemgo Interessierte an Einrichtungen, die Freiwillige suchen",
		para:   true,
		traits: []string{"synonym"},
		a: offer{
			key: "p28a", title: "Ehrenamtsbörse Lemgo", org: "adm_lem",
			desc:  "Vereine, Initiativen und Einrichtungen melden hier, wo sie Unterstützung brauchen; Interessierte finden online und in der Sprechstunde im Rathaus ein passendes Engagement.",
			towns: []string{"lem"}, fields: []string{"ehr"}, groups: []string{"engagierte", "aufnahme"},
			from: "2021-01-01", format: "hybrid", fee: free, web: "https://www.alte-hansestadt-lemgo.example/ehrenamt", concept: "ehrenamtsboerse",
		},
		b: offer{
			key: "p28b", title: "Freiwilligenagentur: Wir bringen Menschen und Aufgaben zusammen", org: "pari",
			desc:  "Sie möchten sich einsetzen, wissen aber nicht wo? Im persönlichen Gespräch finden wir heraus, was zu Ihnen passt, und vermitteln Sie an Stellen in der Stadt, die Freiwillige suchen – auch für kurze Projekte.",
			towns: []string{"lem"}, fields: []string{"ehr"}, groups: []string{"engagierte"},
			from: "2024-03-01", format: "in_person", fee: free, concept: "ehrenamtsboerse",
		},
	},
	{
		note:   "Arbeitskreis Asyl und DRK bringen beide Einheimische und Neuankommende als feste Paare für den Alltag zusammen",
		para:   true,
		traits: []string{"synonym", "english"},
		a: offer{
			key: "p29a", title: "Patenschaftsprogramm für Neuankommende", org: "asylbl",
			desc:  "Einheimische übernehmen eine Patenschaft für eine geflüchtete Person oder Familie und helfen beim Ankommen: Behördengänge, Schule, Freizeit. Vorbereitungsabend und Begleitung durch den Arbeitskreis.",
			towns: []string{"blo"}, fields: []string{"ehr"}, groups: []string{"gef", "engagierte"},
			from: "2024-01-01", to: "2026-12-31", format: "in_person", prog: "Menschen stärken Menschen", fee: free, concept: "patenschaft",
		},
		b: offer{
			key: "p29b", title: "Tandem: Zwei Menschen, ein gemeinsamer Weg", org: "drk",
			desc:  "Wir bringen Blombergerinnen und Blomberger und Zugezogene als Tandem zusammen. Man trifft sich regelmäßig, geht gemeinsam einkaufen oder zum Elternabend, übt Deutsch und lernt die Stadt kennen.",
			towns: []string{"blo"}, fields: []string{"ehr"}, groups: []string{"aufnahme", "gef"},
			from: "2025-04-01", fee: free, concept: "patenschaft",
		},
	},
	{
		note:   "Diakonie zweimal: der Jugendmigrationsdienst unter seinem Kürzel für vier Städte und seine Sprechstunde in Lage als eigener Eintrag ohne Text",
		traits: []string{"abbreviation"},
		a: offer{
			key: "p30a", title: "JMD – Beratung für junge Zugewanderte", org: "diakonie",
			desc:  "Der JMD berät junge Menschen zwischen 12 und 27 Jahren mit Einwanderungsgeschichte: Schule, Ausbildung, Sprachkurse, Aufenthalt, Familie. Sprechstunden in Lage, Detmold, Lemgo und Bad Salzuflen.",
			towns: []string{"lag", "det", "lem", "bsu"}, fields: []string{"fam"}, groups: []string{"kinder", "jungeErw"},
			from: "2020-01-01", format: "in_person", prog: "Jugendmigrationsdienste", fee: free, concept: "jmd",
		},
		b: offer{
			key: "p30b", title: "Jugendmigrationsdienst – Sprechstunde Lage", org: "diakonie",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"jungeErw"},
			from: "2020-01-01", concept: "jmd",
		},
	},
	{
		note: "Jobcenter und VHS bieten im selben Frühjahr zugewanderten Frauen drei Monate Orientierung mit Praktikum auf dem Weg in den Beruf",
		a: offer{
			key: "p31a", title: "Berufliche Orientierung für Frauen mit Migrationsgeschichte", org: "jc",
			desc:  "Das Jobcenter Lippe bietet Frauen, die nach Familienzeit oder Zuwanderung (wieder) arbeiten möchten, ein zwölfwöchiges Orientierungsangebot: Kompetenzfeststellung, Praktikum, Planung der Kinderbetreuung, Kontakt zu Arbeitgebern.",
			towns: []string{"bsu"}, fields: []string{"arb"}, groups: []string{"frauen", "arbeitsuchende"},
			from: "2026-01-12", to: "2026-04-03", format: "in_person", fee: free, capacity: 14, concept: "frauen_beruf",
		},
		b: offer{
			key: "p31b", title: "Frauen starten durch: Wege in den Job", org: "vhsbsu",
			desc:  "Welcher Beruf passt zu mir, und wie verbinde ich ihn mit den Kindern? Drei Monate lang probieren Teilnehmerinnen Tätigkeiten aus, lernen Betriebe kennen und planen ihren Einstieg.",
			towns: []string{"bsu"}, fields: []string{"arb"}, groups: []string{"frauen"},
			from: "2026-02-02", to: "2026-04-30", format: "in_person", fee: free, capacity: 12, concept: "frauen_beruf",
		},
	},
	{
		note:   "VHS zweimal: derselbe Pflege-Berufssprachkurs B2, einmal mit Kooperationspartner, einmal mit Förderprogramm",
		traits: []string{"abbreviation"},
		a: offer{
			key: "p32a", title: "Deutsch für Pflegekräfte B2", org: "vhsdl", partners: []string{"klinikum"},
			desc:  "Berufsbezogener Deutschkurs für internationale Pflegefachkräfte: Übergaben, Pflegedokumentation, Gespräche mit Patientinnen und Angehörigen. Niveau B2, in Kooperation mit dem Klinikum Lippe.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"fachkraefte"},
			from: "2026-01-19", to: "2026-07-17", format: "in_person", capacity: 16, concept: "bsk_pflege",
		},
		b: offer{
			key: "p32b", title: "Fachsprache Pflege (B2) – Berufssprachkurs", org: "vhsdl",
			desc:  "Spezialberufssprachkurs für Pflegefachkräfte mit ausländischer Ausbildung, Ziel Kenntnisprüfung bzw. Anerkennung. Di–Do 8:30–13:00.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"fachkraefte", "neu"},
			from: "2026-01-19", to: "2026-07-17", format: "hybrid", prog: "Berufssprachkurs (DeuFöV)", concept: "bsk_pflege",
		},
	},
	{
		note:   "Stadt Barntrup zweimal: derselbe Spielenachmittag, einmal mit ß, einmal mit ss, Tippfehlern und fehlenden Umlauten",
		traits: []string{"spelling_variant", "typo"},
		a: offer{
			key: "p33a", title: "Gemeinsam Spaß haben: Spielenachmittag für Groß und Klein", org: "adm_bar",
			desc:  "Brettspiele, Kartenspiele und Spiele aus aller Welt: Einmal im Monat lädt die Stadt Familien aus dem Ort und aus der Unterkunft ins Bürgerhaus ein. Kaffee und Saft gibt es umsonst.",
			towns: []string{"bar"}, fields: []string{"frz"}, groups: []string{"aufnahme", "gef", "kinder"},
			from: "2025-09-06", format: "in_person", fee: free, concept: "spielenachmittag",
		},
		b: offer{
			key: "p33b", title: "Gemeinsam Spass haben - Spielenachmitag fur Gross und Klein", org: "adm_bar",
			desc:  "Brett- und Kartenspiele und Spiele aus aller Welt, einmal im Monat im Burgerhaus Barntrup. Fur Familien aus dem Ort und der Unterkunft, Kaffe und Saft umsonst.",
			towns: []string{"bar"}, fields: []string{"frz"}, groups: []string{"eltern", "gef"},
			from: "2025-09-06", concept: "spielenachmittag",
		},
	},
	{
		note:   "Kreis zweimal: das Case Management im Programm KIM für alle Kommunen und dieselbe Einzelfallbegleitung in Alltagsworten für drei Städte",
		para:   true,
		traits: []string{"register", "abbreviation"},
		a: offer{
			key: "p34a", title: "Case Management im Kommunalen Integrationsmanagement (KIM)", org: "kreis",
			desc:   "Im Rahmen von KIM begleiten Case Managerinnen und Case Manager Menschen mit Einwanderungsgeschichte, deren Anliegen mehrere Behörden betreffen – etwa Aufenthalt, Arbeit, Wohnen und Gesundheit –, über einen längeren Zeitraum und stimmen die Hilfen zwischen den Stellen ab.",
			towns:  []string{"aug", "bsu", "det", "ext", "hbm", "kal", "lag", "lem", "leo", "oer", "sla"}, // Lippe-Ost has the MBE of P04
			fields: []string{"teil"}, groups: []string{"gef", "neu"},
			from: "2021-01-01", format: "in_person", prog: "KIM", fee: free, concept: "kim_case",
		},
		b: offer{
			key: "p34b", title: "Einzelfallbegleitung für Menschen mit vielen offenen Baustellen", org: "kreis",
			desc:  "Wenn Ausländerbehörde, Jobcenter, Schule und Vermieter gleichzeitig etwas wollen, verliert man leicht den Überblick. Eine feste Ansprechperson sortiert mit Ihnen, was zuerst zu tun ist, und spricht mit den Stellen, damit alle an einem Strang ziehen.",
			towns: []string{"det", "lem", "lag"}, fields: []string{"teil"}, groups: []string{"neu"},
			from: "2021-01-01", format: "in_person", concept: "kim_case",
		},
	},
	{
		note:   "Paritätischer und Afrika-Forum beraten beide Menschen, die wegen Herkunft, Religion oder Hautfarbe benachteiligt werden, und begleiten Beschwerden",
		para:   true,
		traits: []string{"register", "synonym"},
		a: offer{
			key: "p35a", title: "Antidiskriminierungsberatung", org: "pari",
			desc:  "Beratung und Unterstützung für Menschen, die aufgrund ihrer Herkunft, Religion, Hautfarbe oder Sprache benachteiligt werden – bei der Wohnungssuche, im Job, in der Schule oder bei Behörden. Wir dokumentieren Vorfälle, schreiben Beschwerden und begleiten zu Gesprächen.",
			towns: []string{"det"}, fields: []string{"teil"}, groups: []string{"gef", "neu", "kinder"},
			from: "2023-01-01", to: "2026-12-31", format: "in_person", prog: "Servicestellen Antidiskriminierungsarbeit NRW", fee: free, concept: "antidisk",
		},
		b: offer{
			key: "p35b", title: "Anlaufstelle bei Rassismus", org: "afr",
			desc:  "Du wurdest beleidigt, abgewiesen oder schlechter behandelt, weil du Schwarz bist, ein Kopftuch trägst oder einen ausländischen Namen hast? Erzähl es uns. Wir hören zu, halten fest, was passiert ist, und überlegen mit dir die nächsten Schritte.",
			towns: []string{"det"}, fields: []string{"teil"}, groups: []string{"neu", "kinder"},
			from: "2025-03-01", format: "hybrid", langs: []string{"de", "en", "fr"}, fee: free, concept: "antidisk",
		},
	},
	{
		note:   "Pflegestützpunkt zweimal: Fachbegriff kultursensible Pflegeberatung und dieselbe Beratung aus Sicht der Angehörigen erzählt",
		para:   true,
		traits: []string{"register"},
		a: offer{
			key: "p36a", title: "Kultursensible Pflegeberatung", org: "pflege",
			desc:  "Beratung zu Pflegegrad, Leistungen der Pflegeversicherung, ambulanten Diensten und Entlastungsangeboten, unter Berücksichtigung von Sprache, Religion und kulturellen Gewohnheiten. Sprechstunde in Bad Salzuflen, Hausbesuche möglich.",
			towns: []string{"bsu"}, fields: []string{"ges"}, groups: []string{"senioren", "neu"},
			from: "2024-01-01", format: "in_person", fee: free, concept: "pflegeberatung",
		},
		b: offer{
			key: "p36b", title: "Wenn Oma oder Opa Hilfe brauchen: Unterstützung für Familien aus aller Welt", org: "pflege",
			desc:  "Ihre Eltern werden älter und schaffen den Alltag nicht mehr allein? Wir erklären, welches Geld und welche Dienste es gibt, helfen beim Antrag bei der Kasse und kommen auch zu Ihnen nach Hause – auf Wunsch mit Dolmetscher.",
			towns: []string{"bsu"}, fields: []string{"ges"}, groups: []string{"senioren", "eltern"},
			from: "2024-01-01", format: "in_person", langs: []string{"de", "tr", "ru", "ar"}, concept: "pflegeberatung",
		},
	},
	{
		note: "VHS und Kita bieten beide Müttern kleiner Kinder Deutsch für den Alltag am Vormittag mit Betreuung der Kinder nebenan",
		a: offer{
			key: "p37a", title: "Mama lernt Deutsch", org: "vhsbsu",
			desc:  "Deutschkurs für Mütter im Familienzentrum der Grundschule: zweimal pro Woche vormittags, während die Kinder im Unterricht sind; die Kleinsten werden nebenan betreut.",
			towns: []string{"bsu"}, fields: []string{"spr"}, groups: []string{"frauen", "eltern"},
			from: "2025-09-01", to: "2026-06-30", format: "in_person", prog: "Mama lernt Deutsch", fee: free, capacity: 14, concept: "mama_deutsch",
		},
		b: offer{
			key: "p37b", title: "Deutschkurs für Frauen mit Kinderbetreuung", org: "kita_bsu",
			desc:  "Frauen, die wegen ihrer kleinen Kinder keinen Integrationskurs besuchen können, lernen bei uns Deutsch für den Alltag. Während des Unterrichts spielen die Kinder im Nebenraum mit einer Erzieherin.",
			towns: []string{"bsu"}, fields: []string{"spr"}, groups: []string{"frauen", "gef"},
			from: "2025-10-01", format: "in_person", fee: free, capacity: 10, concept: "mama_deutsch",
		},
	},
	{
		note:   "Türkischer Elternverein zweimal: türkischer und deutscher Eintrag für dieselben Informationsabende zum Schulsystem",
		para:   true,
		traits: []string{"turkish"},
		a: offer{
			key: "p38a", title: "Veli bilgilendirme akşamı: Almanya'da okul sistemi", org: "tuerk",
			desc:  "Türkçe bilgilendirme: İlkokuldan sonra hangi okul? Gymnasium, Realschule ve Gesamtschule arasındaki farklar ve veli olarak haklarınız. Şubat ve mart aylarında salı akşamları.",
			towns: []string{"bsu"}, fields: []string{"fam"}, groups: []string{"eltern"},
			from: "2026-02-03", to: "2026-03-31", format: "in_person", langs: []string{"tr"}, fee: free, concept: "schulsystem_info",
		},
		b: offer{
			key: "p38b", title: "Informationsabend für Eltern: Das Schulsystem in NRW", org: "tuerk",
			desc:  "Welche Schule kommt nach der vierten Klasse? Wir erklären auf Türkisch und Deutsch, worin sich die weiterführenden Schulen unterscheiden und was Mütter und Väter mitbestimmen dürfen. Dienstagabends im Februar und März, Vereinsräume in Schötmar.",
			towns: []string{"bsu"}, fields: []string{"fam"}, groups: []string{"eltern", "neu"},
			from: "2026-02-03", to: "2026-03-31", format: "in_person", langs: []string{"tr", "de"}, fee: free, concept: "schulsystem_info",
		},
	},
}

// extraOffers are the third entries of clusters of three.
var extraOffers = []offer{
	{
		key: "p01c", title: "Budgetberatung für Haushalte mit wenig Einkommen", org: "awo",
		desc:  "Mahnungen im Briefkasten, das Konto im Minus? Unsere Beraterinnen ordnen mit Ihnen Einnahmen und Ausgaben, stellen einen Haushaltsplan auf, klären offene Forderungen mit Vermietern, Energieversorgern und Versandhändlern und zeigen, wie neue Schulden vermieden werden. Offene Sprechstunde donnerstags 14 bis 17 Uhr im AWO-Treff, auch auf Türkisch und Arabisch.",
		towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"eltern", "arbeitsuchende"},
		from: "2025-04-01", format: "in_person", langs: []string{"de", "tr", "ar"}, fee: free, concept: "schuldner",
	},
}

// extraPairs are the pairs that the third entries make.
var extraPairs = []pairSpec{
	{a: "p01a", b: "p01c", para: true, traits: []string{"synonym"},
		note: "Caritas und AWO bieten in Lage beide Familien mit Schulden und knappem Geld Beratung mit Verhandlung mit Gläubigern"},
	{a: "p01b", b: "p01c", para: true, traits: []string{"register", "synonym"},
		note: "die Caritas-Beratung in einfachen Worten und die Budgetberatung der AWO: dasselbe Angebot für Haushalte mit Geldsorgen"},
}

const integrationskursLang = `Der Integrationskurs ist das Grundangebot des Bundes für Menschen, die neu in Deutschland sind oder schon länger hier leben und ihr Deutsch verbessern möchten. Er besteht aus zwei Teilen: einem Sprachkurs mit 600 Unterrichtseinheiten, in dem Sie Schritt für Schritt vom Anfang bis zum Niveau B1 des Gemeinsamen Europäischen Referenzrahmens kommen, und einem Orientierungskurs mit 100 Unterrichtseinheiten über Rechtsordnung, Geschichte, Kultur und Werte in Deutschland.

Im Unterricht geht es um Situationen aus dem Alltag: beim Arzt, beim Einkaufen, in der Schule der Kinder, bei der Wohnungssuche und am Arbeitsplatz. Sie lernen, Formulare auszufüllen, E-Mails zu schreiben, Telefonate zu führen und sich in Gesprächen zu behaupten. Unsere Lehrkräfte sind vom Bundesamt für Migration und Flüchtlinge zugelassen und haben viel Erfahrung mit gemischten Gruppen.

Der Kurs findet von Montag bis Freitag am Vormittag statt, jeweils von 8:30 bis 12:45 Uhr, in den Räumen der Volkshochschule in der Lemgoer Innenstadt. Vor Kursbeginn machen alle Teilnehmenden einen Einstufungstest, damit jede und jeder im passenden Modul beginnt. Am Ende stehen der Deutsch-Test für Zuwanderer (DTZ) und der Test „Leben in Deutschland“; wer beide besteht, erhält das Zertifikat Integrationskurs.

Kosten: Mit einer Berechtigung oder Verpflichtung durch die Ausländerbehörde, das Jobcenter oder das Bundesamt ist der Kurs kostenlos, oder Sie zahlen einen Kostenbeitrag pro Unterrichtseinheit; Fahrtkosten können erstattet werden. Wenn Sie noch keine Berechtigung haben, helfen wir Ihnen beim Antrag.

Anmeldung und Beratung: dienstags und donnerstags von 9 bis 12 Uhr im Servicebüro der VHS oder nach telefonischer Vereinbarung. Bitte bringen Sie Ihren Pass oder Ihren Aufenthaltstitel und, falls vorhanden, Ihren Berechtigungsschein mit.`

const sprachmittlungLang = `Verständigung ist die Voraussetzung für gute Beratung, Behandlung und Bildung. Das Kommunale Integrationszentrum des Kreises Lippe unterhält deshalb einen Pool qualifizierter Sprach- und Kulturmittlerinnen und -mittler, die bei Gesprächen zwischen Fachkräften und Menschen mit geringen Deutschkenntnissen übertragen und, wo nötig, kulturelle Hintergründe erläutern.

Die Sprach- und Kulturmittlerinnen und -mittler haben eine Qualifizierung nach den Standards des Landes durchlaufen, sind zur Verschwiegenheit verpflichtet und arbeiten neutral. Sie übertragen vollständig, was gesagt wird, und geben keine eigene Beratung. Derzeit stehen Einsatzkräfte für mehr als dreißig Sprachen zur Verfügung, darunter Arabisch, Farsi, Dari, Kurmanci, Tigrinya, Russisch, Ukrainisch, Türkisch, Rumänisch, Bulgarisch, Albanisch und Somali.

Einsatzorte sind Elterngespräche in Kitas und Schulen, Termine beim Jugendamt, beim Sozialamt und bei Beratungsstellen sowie Aufklärungs- und Anamnesegespräche im Gesundheitswesen. Für gerichtliche Verfahren, beglaubigte Übersetzungen von Dokumenten und therapeutische Sitzungen ist der Pool nicht vorgesehen; dafür vermitteln wir an vereidigte Dolmetscherinnen und Dolmetscher.

So funktioniert es: Die anfragende Einrichtung bestellt den Einsatz mindestens fünf Werktage vorher über das Online-Formular und nennt Sprache, Ort, Dauer und Anlass. Wir bestätigen den Einsatz und nennen die eingesetzte Person. Für öffentliche Einrichtungen und gemeinnützige Träger im Kreis ist der Einsatz kostenfrei; Fahrtkosten übernimmt der Kreis.

Bitte planen Sie für ein gedolmetschtes Gespräch etwa doppelt so viel Zeit ein wie sonst, sprechen Sie in kurzen Abschnitten und wenden Sie sich direkt an Ihr Gegenüber, nicht an die Sprachmittlung. Nach dem Einsatz freuen wir uns über eine kurze Rückmeldung.`
