package heldout

// The planted hard negatives: two clearly different offers in the same town and field, for
// an overlapping target group and at the same time, that share vocabulary. Most put a new
// offer beside one entry of a duplicate pair (ref); the other entry of that pair is then no
// duplicate of the new offer either. The note says why they differ, in terms of Rules.

// negSet is one planted hard negative.
type negSet struct {
	a, b offer
	note string
}

var negativeSets = []negSet{
	{
		note: "Antrag auf Leistungen für Kinder (Bildung und Teilhabe), keine Haushalts- oder Schuldenberatung (Regel: Funktion)",
		a:    ref("p01c"),
		b: offer{
			key: "n01", title: "Beratung zum Bildungs- und Teilhabepaket", org: "adm_lag",
			desc:  "Klassenfahrt, Mittagessen in der Schule, Nachhilfe, Schulbedarf, Sportverein: Familien mit wenig Einkommen haben Anspruch auf Leistungen aus dem Bildungs- und Teilhabepaket. Wir erklären, was Ihren Kindern zusteht, und helfen beim Antrag. Sprechstunde im Rathaus, montags 8:30 bis 12 Uhr.",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"eltern", "kinder"},
			from: "2025-08-01", format: "in_person", fee: free, concept: "but",
		},
	},
	{
		note: "Freizeitangebot zur Leselust für dieselben Grundschulkinder, keine Hausaufgabenbetreuung (Regel: Funktion)",
		a:    ref("p03a"),
		b: offer{
			key: "n02", title: "Leseclub für Grundschulkinder", org: "adm_lag",
			desc:  "Einmal pro Woche treffen sich Kinder der Klassen 1 bis 4 in der Stadtbibliothek zum Schmökern, Vorlesen und Geschichtenerfinden. Es gibt Bücher in vielen Sprachen, Tablets mit Lese-Apps und keine Hausaufgaben – hier geht es um Spaß am Lesen.",
			towns: []string{"lag"}, fields: []string{"spr"}, groups: []string{"kinder"},
			from: syFrom, to: syTo, format: "in_person", fee: free, capacity: 12, concept: "leseclub",
		},
	},
	{
		note: "derselbe Verein, aber Fachnachhilfe für die Klassen 5 bis 10 statt Lernhilfe in der Grundschule (Regel: Altersstufe)",
		a:    ref("p03b"),
		b: offer{
			key: "n03", title: "Lernförderung Mathe und Englisch für die Sekundarstufe I", org: "syr",
			desc:  "Für Schülerinnen und Schüler der Klassen 5 bis 10: Nachhilfe in Mathematik und Englisch in kleinen Gruppen, Vorbereitung auf Klassenarbeiten und die Zentralen Prüfungen 10. Zweimal pro Woche nach der Schule in den Vereinsräumen.",
			towns: []string{"lag"}, fields: []string{"spr"}, groups: []string{"kinder"},
			from: "2025-09-01", to: "2026-06-30", format: "in_person", langs: []string{"de", "ar"}, fee: eur(10), capacity: 10, concept: "lernfoerderung_sek",
		},
	},
	{
		note: "dieselbe VHS, aber die eigene Kursart für Menschen ohne Schriftkenntnisse mit bis zu 1.200 Stunden (Regel: Kursart)",
		a:    ref("p10a"),
		b: offer{
			key: "n04", title: "Integrationskurs mit Alphabetisierung", org: "vhsdl",
			desc:  "Für Teilnehmende, die nicht oder kaum lesen und schreiben können oder die lateinische Schrift noch nicht beherrschen: Lesen und Schreiben lernen und gleichzeitig Deutsch bis zum Niveau A2/B1, bis zu 1.200 Unterrichtseinheiten in kleinen Gruppen. Vormittags, Einstufung in der VHS.",
			towns: []string{"lem"}, fields: []string{"spr"}, groups: []string{"neu", "gef"},
			from: "2026-01-12", to: "2027-01-29", format: "in_person", prog: "Integrationskurs (BAMF)", capacity: 12, concept: "alphakurs",
		},
	},
	{
		note: "dieselbe VHS, aber berufsbezogener Kurs auf Niveau B2 nach dem Integrationskurs (Regel: Sprachniveau)",
		a:    ref("p10b"),
		b: offer{
			key: "n05", title: "Berufssprachkurs B2 (Job-BSK)", org: "vhsdl",
			desc:  "Deutsch für den Beruf auf dem Niveau B2: E-Mails und Telefonate, Besprechungen, Fachtexte lesen. Voraussetzung ist ein B1-Zertifikat; Zugang über Jobcenter, Agentur für Arbeit oder Berechtigung des Bundesamts. 400 Unterrichtseinheiten, Abschlussprüfung Deutsch B2.",
			towns: []string{"lem"}, fields: []string{"spr"}, groups: []string{"neu", "fachkraefte"},
			from: "2026-02-02", to: "2026-09-25", format: "in_person", prog: "Berufssprachkurs (DeuFöV)", capacity: 18, concept: "bsk_b2",
		},
	},
	{
		note: "Gesprächskurs für ältere Frauen ohne Kinderbetreuung neben dem Alltagskurs für junge Mütter (Regel: Untergruppe)",
		a:    ref("p37b"),
		b: offer{
			key: "n06", title: "Deutsch-Konversationskurs für Seniorinnen", org: "vhsbsu",
			desc:  "Für ältere Frauen, die schon länger in Deutschland leben und ihr Deutsch im Gespräch verbessern möchten: Gesprächsrunden zu Gesundheit, Nachbarschaft und Erinnerungen, ohne Prüfungsdruck. Donnerstags 10–11:30 Uhr.",
			towns: []string{"bsu"}, fields: []string{"spr"}, groups: []string{"senioren", "frauen"},
			from: "2026-01-15", to: "2026-06-25", format: "in_person", fee: eur(45), capacity: 10, concept: "konversation_senioren",
		},
	},
	{
		note: "schulische Berufsorientierung ab Klasse 8 im Landesprogramm, keine Bewerbungshilfe für Arbeitsuchende (Regel: Funktion)",
		a:    ref("p08a"),
		b: offer{
			key: "n07", title: "Berufsorientierung für neu zugewanderte Jugendliche (KAoA)", org: "kreis",
			desc:  "Im Landesprogramm „Kein Abschluss ohne Anschluss“ lernen neu zugewanderte Schülerinnen und Schüler ab Klasse 8 Berufsfelder kennen: Potenzialanalyse, Berufsfelderkundungen in Betrieben, Praktika und erste Bewerbungen, mit persönlicher Begleitung durch die Kommunale Koordinierung. Die Angebote finden in der Schule statt.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"kinder", "gef"},
			from: syFrom, to: syTo, format: "in_person", prog: "KAoA", fee: free, concept: "kaoa",
		},
	},
	{
		note: "Reparatur und Ausgabe gespendeter Räder beim selben Helferkreis, kein Fahrkurs (Regel: Funktion)",
		a:    ref("p09a"),
		b: offer{
			key: "n08", title: "Fahrradwerkstatt: reparieren, tauschen, mitnehmen", org: "bsuhelfer",
			desc:  "Gespendete Fahrräder werden hier gemeinsam wieder fahrtüchtig gemacht: Schläuche flicken, Bremsen einstellen, Licht reparieren. Wer mithilft, kann ein Fahrrad für den Weg zur Arbeit oder zum Sprachkurs mitnehmen. Samstags 10–13 Uhr, Hof der alten Feuerwache Schötmar.",
			towns: []string{"bsu"}, fields: []string{"frz"}, groups: []string{"gef", "aufnahme"},
			from: "2025-03-01", format: "in_person", fee: free, concept: "fahrradwerkstatt",
		},
	},
	{
		note: "zwei Elternbildungsprogramme des Kreises für verschiedene Altersstufen: Griffbereit für Ein- bis Dreijährige, Rucksack KiTa für Vier- bis Sechsjährige (Regel: Altersstufe, Programme)",
		a: offer{
			key: "n09a", title: "Rucksack KiTa", org: "kreis", partners: []string{"famz_det"},
			desc:  "Elternbildungsprogramm für Familien mit Kindern zwischen vier und sechs Jahren: Mütter und Väter treffen sich wöchentlich in der Kita, stärken die Familiensprache und erfahren, wie sie die Sprachentwicklung ihrer Kinder zu Hause unterstützen können.",
			towns: []string{"det"}, fields: []string{"fam"}, groups: []string{"eltern", "kinder"},
			from: syFrom, to: syTo, format: "in_person", prog: "Rucksack KiTa", fee: free, capacity: 12, concept: "rucksack",
		},
		b: offer{
			key: "n09b", title: "Griffbereit", org: "kreis", partners: []string{"famz_det"},
			desc:  "Eltern-Kind-Gruppe für Familien mit Kindern von einem bis drei Jahren: spielen, singen, Bücher anschauen – in der Familiensprache und auf Deutsch. Die Eltern erfahren, wie sie die Entwicklung ihrer Kleinen im Alltag fördern.",
			towns: []string{"det"}, fields: []string{"fam"}, groups: []string{"eltern"},
			from: syFrom, to: syTo, format: "in_person", prog: "Griffbereit", fee: free, capacity: 10, concept: "griffbereit",
		},
	},
	{
		note: "ärztliche Behandlung für Menschen ohne Krankenversicherung, keine psychosoziale Beratung (Regel: Funktion)",
		a:    ref("p13b"),
		b: offer{
			key: "n10", title: "Medizinische Sprechstunde für Menschen ohne Krankenversicherung", org: "mednetz",
			desc:  "Ehrenamtliche Ärztinnen und Ärzte untersuchen und behandeln Menschen, die keine Krankenversicherung haben oder deren Anspruch ungeklärt ist. Anonym und kostenlos, mittwochs 16 bis 18 Uhr; wenn mehr Hilfe nötig ist, Vermittlung in die Regelversorgung.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"gef", "euzuw"},
			from: "2022-05-01", format: "in_person", fee: free, concept: "ohne_kv",
		},
	},
	{
		note: "derselbe Mieterverein, aber Rechtsberatung im Einzelfall statt Kurs (Regel: Funktion)",
		a:    ref("p15a"),
		b: offer{
			key: "n11", title: "Mieterberatung: Nebenkostenabrechnung prüfen", org: "mieterverein",
			desc:  "Rechtsberatung für Mitglieder des Mietervereins: Wir prüfen Mietvertrag, Nebenkostenabrechnungen, Mieterhöhungen und Kündigungen und vertreten Sie gegenüber Vermietern. Für Geflüchtete mit Leistungsbescheid ist die Mitgliedschaft im ersten Jahr beitragsfrei.",
			towns: []string{"lem"}, fields: []string{"woh"}, groups: []string{"gef", "aufnahme"},
			from: "2020-01-01", format: "in_person", concept: "mieterberatung",
		},
	},
	{
		note: "dieselbe Stadt, aber Antrag auf Wohngeld und Wohnkosten, keine Vermittlung von Wohnungen (Regel: Funktion)",
		a:    ref("p16a"),
		b: offer{
			key: "n12", title: "Sprechstunde Wohngeld und Kosten der Unterkunft", org: "adm_bsu",
			desc:  "Fragen zu Wohngeld, Mietobergrenzen und der Übernahme der Wohnkosten durch Jobcenter oder Sozialamt: In der Sprechstunde der Wohngeldstelle der Stadt prüfen wir Ihren Anspruch und nehmen den Antrag auf. Wer eine Wohnung gefunden hat, klärt hier vor dem Einzug, ob die Miete übernommen wird.",
			towns: []string{"bsu"}, fields: []string{"woh"}, groups: []string{"gef", "arbeitsuchende"},
			from: "2023-01-01", format: "in_person", fee: free, concept: "wohngeld",
		},
	},
	{
		note: "dieselbe Diakonie, aber Kurs mit Hebamme zur Vorbereitung auf die Geburt statt Sozialberatung (Regel: Funktion)",
		a:    ref("p17a"),
		b: offer{
			key: "n13", title: "Geburtsvorbereitungskurs für Frauen mit wenig Deutschkenntnissen", org: "diakonie",
			desc:  "Sieben Abende mit einer Hebamme: Ablauf der Geburt, Atmung und Entspannung, Kreißsaalführung im Klinikum, erste Tage mit dem Baby. In einfacher Sprache, Dolmetscherinnen für Arabisch und Dari sind dabei.",
			towns: []string{"det"}, fields: []string{"ges"}, groups: []string{"frauen"},
			from: "2026-02-05", to: "2026-04-23", format: "in_person", langs: []string{"de", "ar", "prs"}, fee: free, capacity: 10, concept: "geburtsvorbereitung",
		},
	},
	{
		note: "dieselbe Landsmannschaft, aber Einzelberatung zur Rente statt Treff (Regel: Funktion)",
		a:    ref("p18a"),
		b: offer{
			key: "n14", title: "Rentenberatung für Spätaussiedler (Fremdrentengesetz)", org: "aussi",
			desc:  "Wie werden Beschäftigungszeiten aus der ehemaligen Sowjetunion bei der Rente angerechnet? Für Mitglieder und Gäste: Ehrenamtliche Versichertenberater helfen beim Antrag, beim Kontenklärungsverfahren und beim Lesen des Rentenbescheids. Termine nach Vereinbarung im Gemeindehaus.",
			towns: []string{"aug"}, fields: []string{"teil"}, groups: []string{"aussiedler", "senioren"},
			from: "2021-01-01", format: "in_person", langs: []string{"de", "ru"}, fee: free, concept: "rente_aussiedler",
		},
	},
	{
		note: "derselbe Verein, aber eigene Gruppe für Mädchen von 10 bis 16 mit Trainerinnen (Regel: Untergruppe)",
		a:    ref("p19a"),
		b: offer{
			key: "n15", title: "Mädchenfußball-AG", org: "tuslage",
			desc:  "Fußballtraining nur für Mädchen von 10 bis 16 Jahren mit zwei Trainerinnen, dienstags nach der Schule auf dem Kunstrasenplatz. Umkleiden getrennt, Sportkleidung wird bei Bedarf gestellt.",
			towns: []string{"lag"}, fields: []string{"frz"}, groups: []string{"kinder", "frauen"},
			from: syFrom, to: syTo, format: "in_person", prog: "Integration durch Sport", fee: free, capacity: 20, concept: "maedchenfussball",
		},
	},
	{
		note: "Sprachbildung für Kinder, die schon in der Kita sind, kein Brückenangebot für Kinder ohne Platz (Regel: Untergruppe)",
		a:    ref("p20a"),
		b: offer{
			key: "n16", title: "Alltagsintegrierte Sprachbildung in der Kita", org: "famz_lag",
			desc:  "Sprachfachkräfte begleiten die Kinder des Familienzentrums im Alltag beim Deutschlernen – beim Essen, Spielen und Vorlesen – und beraten Eltern zur Mehrsprachigkeit zu Hause.",
			towns: []string{"lag"}, fields: []string{"fam"}, groups: []string{"kinder"},
			from: "2023-01-01", format: "in_person", concept: "sprachbildung_kita",
		},
	},
	{
		note: "eintägige Messe der Ausbildungsbetriebe, keine Begleitung während der Ausbildung (Regel: Ereignis)",
		a:    ref("p21a"),
		b: offer{
			key: "n17", title: "Ausbildungsmesse Lemgo", org: "ihk",
			desc:  "Über 80 Betriebe aus Lippe stellen ihre Ausbildungsberufe vor, mit Bewerbungsfotos und Kurzgesprächen vor Ort. Für Schülerinnen und Schüler, junge Geflüchtete und Eltern. Samstag, 10 bis 15 Uhr.",
			towns: []string{"lem"}, fields: []string{"arb"}, groups: []string{"jungeErw", "kinder", "gef"},
			from: "2026-05-16", to: "2026-05-16", format: "in_person", fee: free, concept: "ausbildungsmesse",
		},
	},
	{
		note: "berufliche Qualifizierung für Lager und Logistik, keine Fahrerlaubnis (Regel: Funktion)",
		a:    ref("p22a"),
		b: offer{
			key: "n18", title: "Staplerschein: Gabelstaplerkurs für Arbeitsuchende", org: "bz",
			desc:  "Theoretische und praktische Ausbildung zum Fahren von Flurförderzeugen mit Prüfung und Fahrausweis. Fünf Tage in Bösingfeld, Förderung über Bildungsgutschein möglich.",
			towns: []string{"ext"}, fields: []string{"arb"}, groups: []string{"arbeitsuchende", "gef"},
			from: "2026-03-09", to: "2026-03-13", format: "in_person", fee: eur(390), capacity: 8, concept: "staplerschein",
		},
	},
	{
		note: "Kurs zum Erlernen von Computerkenntnissen, keine Hilfe bei Anträgen (Regel: Funktion)",
		a:    ref("p23a"),
		b: offer{
			key: "n19", title: "Computerkurs für Anfängerinnen", org: "vhswest",
			desc:  "Maus, Tastatur, E-Mail, Fotos hochladen, sicher im Internet: In zehn Terminen lernen Frauen ohne Vorkenntnisse den Umgang mit Computer und Smartphone, bis hin zum ersten Online-Formular. Kleine Gruppe, Kinderbetreuung möglich.",
			towns: []string{"lag"}, fields: []string{"teil"}, groups: []string{"neu", "frauen"},
			from: "2026-02-24", to: "2026-05-12", format: "in_person", fee: eur(20), capacity: 8, concept: "computerkurs",
		},
	},
	{
		note: "rechtliche Beratung im Asylverfahren, keine Ausfüllhilfe (Regel: Funktion)",
		a:    ref("p24a"),
		b: offer{
			key: "n20", title: "Asylverfahrensberatung", org: "diakonie",
			desc:  "Unabhängige Beratung im Asylverfahren: Vorbereitung auf die Anhörung beim Bundesamt, Erklärung von Bescheiden, Fristen und Klagemöglichkeiten, Vermittlung an Anwältinnen und Anwälte. Außensprechstunde in Hohenhausen alle zwei Wochen.",
			towns: []string{"kal"}, fields: []string{"teil"}, groups: []string{"gef"},
			from: "2024-01-01", format: "in_person", langs: []string{"de", "ar", "fa"}, fee: free, concept: "asylverfahren",
		},
	},
	{
		note: "derselbe Kreis, aber Anerkennung des Engagements durch Vergünstigungen, keine Fortbildung (Regel: Funktion)",
		a:    ref("p27a"),
		b: offer{
			key: "n22", title: "Ehrenamtskarte NRW", org: "kreis",
			desc:  "Wer sich mindestens fünf Stunden pro Woche freiwillig engagiert, erhält die Ehrenamtskarte NRW und damit Vergünstigungen in Museen, Bädern und bei vielen Partnern in Lippe. Antrag im Kreishaus.",
			towns: []string{"det"}, fields: []string{"ehr"}, groups: []string{"engagierte"},
			from: "2018-01-01", prog: "Ehrenamtskarte NRW", concept: "ehrenamtskarte",
		},
	},
	{
		note: "Austausch unter bereits Engagierten, keine Vermittlung in ein Engagement (Regel: Funktion)",
		a:    ref("p28a"),
		b: offer{
			key: "n23", title: "Stammtisch der Ehrenamtlichen in der Flüchtlingsarbeit", org: "fhlem",
			desc:  "Erfahrungen austauschen, Fragen klären, Kontakte knüpfen: Einmal im Monat treffen sich Engagierte aus Vereinen und Initiativen in Lemgo in der Gaststätte am Markt.",
			towns: []string{"lem"}, fields: []string{"ehr"}, groups: []string{"engagierte"},
			from: "2022-01-01", format: "in_person", concept: "helferstammtisch",
		},
	},
	{
		note: "rechtliche Vormundschaft für Minderjährige, keine Patenschaft (Regel: Funktion)",
		a:    ref("p29a"),
		b: offer{
			key: "n24", title: "Ehrenamtliche Vormundschaften für unbegleitete minderjährige Geflüchtete", org: "kreisjug",
			desc:  "Das Jugendamt sucht und schult Menschen, die die rechtliche Vormundschaft für einen unbegleiteten minderjährigen Geflüchteten übernehmen: Entscheidungen zu Schule, Gesundheit und Aufenthalt, in enger Abstimmung mit der Einrichtung.",
			towns: []string{"blo"}, fields: []string{"ehr"}, groups: []string{"kinder", "engagierte"},
			from: "2024-01-01", format: "in_person", concept: "vormundschaft",
		},
	},
	{
		note: "Beratung zur Selbstständigkeit, keine Orientierung in abhängige Beschäftigung (Regel: Funktion)",
		a:    ref("p31a"),
		b: offer{
			key: "n26", title: "Gründungsberatung für Migrantinnen", org: "ihk",
			desc:  "Sie möchten sich mit einem Kosmetikstudio, einem Lebensmittelladen oder einer Dienstleistung selbstständig machen? Die IHK berät Frauen mit Einwanderungsgeschichte zu Geschäftsidee, Finanzierung, Gewerbeanmeldung und Fördermitteln.",
			towns: []string{"bsu"}, fields: []string{"arb"}, groups: []string{"frauen", "fachkraefte"},
			from: "2025-01-01", format: "hybrid", fee: free, concept: "gruendung",
		},
	},
	{
		note: "Qualifizierung zur Pflegehilfe mit Praktikum, kein Sprachkurs (Regel: Funktion)",
		a:    ref("p32a"),
		b: offer{
			key: "n27", title: "Pflegebasiskurs für Geflüchtete", org: "klinikum",
			desc:  "Einstieg in die Pflege: 200 Stunden Theorie und Praxis in Grundpflege, Hygiene und Erster Hilfe mit Praktikum auf einer Station im Klinikum Lippe, im Umgang mit Patientinnen und Angehörigen; Abschluss mit Zertifikat als Pflegehelferin oder Pflegehelfer.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"gef", "fachkraefte"},
			from: "2026-02-02", to: "2026-06-30", format: "in_person", fee: free, capacity: 15, concept: "pflegebasis",
		},
	},
	{
		note: "derselbe Kreis und dasselbe Programm KIM, aber die strategische Steuerung zwischen den Behörden statt Begleitung von Menschen (Regel: strategisch/operativ)",
		a:    ref("p34a"),
		b: offer{
			key: "n28", title: "KIM: Rechtskreisübergreifende Steuerung", org: "kreis", level: "strategic", internal: true,
			desc:  "Strategische Säule des Kommunalen Integrationsmanagements: Ausländerbehörde, Jobcenter, Sozial- und Jugendamt vereinbaren gemeinsame Verfahren, Datenwege und Zuständigkeiten, damit Integrationsprozesse nicht an Schnittstellen scheitern. Lenkungskreis zweimal jährlich.",
			towns: []string{"det"}, fields: []string{"teil"}, groups: []string{"gef", "neu"},
			from: "2021-01-01", prog: "KIM", concept: "kim_steuerung",
		},
	},
	{
		note: "derselbe Verein, aber ein Bildungswochenende für junge Menschen statt Beratung im Einzelfall (Regel: Funktion)",
		a:    ref("p35b"),
		b: offer{
			key: "n29", title: "Empowerment-Workshop für junge Schwarze Menschen", org: "afr",
			desc:  "Ein Wochenende für junge Menschen zwischen 16 und 25: Wir sprechen über Rassismus im Alltag, Identität und Selbstbewusstsein, lernen Vorbilder kennen, überlegen gemeinsam nächste Schritte gegen Ausgrenzung und gestalten einen Podcast. Leitung: zwei Trainerinnen aus der Community.",
			towns: []string{"det"}, fields: []string{"teil"}, groups: []string{"kinder", "jungeErw"},
			from: "2026-03-20", to: "2026-03-22", format: "in_person", fee: free, capacity: 16, concept: "empowerment",
		},
	},
	{
		note: "derselbe Elternverein, aber ein Erziehungskurs statt Information zum Schulsystem (Regel: Funktion)",
		a:    ref("p38b"),
		b: offer{
			key: "n30", title: "Starke Eltern – starke Kinder: Elternkurs auf Türkisch", org: "tuerk",
			desc:  "Acht Abende für Mütter und Väter: Wie setze ich Grenzen ohne Streit? Wie stärke ich mein Kind? Der bewährte Elternkurs des Kinderschutzbundes, geleitet von einer türkischsprachigen Trainerin.",
			towns: []string{"bsu"}, fields: []string{"fam"}, groups: []string{"eltern"},
			from: "2026-01-13", to: "2026-03-10", format: "in_person", langs: []string{"tr"}, prog: "Starke Eltern – starke Kinder", fee: eur(30), capacity: 12, concept: "elternkurs",
		},
	},
	{
		note: "Kurs mit Niveau, Lehrbuch und Abschlusstest, kein offener Gesprächstreff (Regel: Kursart)",
		a:    ref("p05a"),
		b: offer{
			key: "n31", title: "Deutschkurs A2 am Abend", org: "vhsdl",
			desc:  "Für alle, die tagsüber arbeiten: zweimal pro Woche Deutsch auf dem Niveau A2 mit Lehrbuch, Hausaufgaben und Abschlusstest. Montags und mittwochs 18:30 bis 20:45 Uhr, Anmeldung in der VHS.",
			towns: []string{"det"}, fields: []string{"spr"}, groups: []string{"neu"},
			from: "2026-02-09", to: "2026-06-29", format: "in_person", fee: eur(120), capacity: 16, concept: "deutsch_a2",
		},
	},
	{
		note: "Fachberatung für Frauen bei häuslicher Gewalt, kein Begegnungstreff (Regel: Funktion)",
		a:    ref("p07a"),
		b: offer{
			key: "n32", title: "Beratung für Frauen bei häuslicher Gewalt", org: "frauenberatung",
			desc:  "Vertrauliche Beratung für Frauen, die Gewalt in der Partnerschaft oder Familie erleben, auf Wunsch mit Dolmetscherin. Wir informieren über Schutzmöglichkeiten, Frauenhaus, Gewaltschutzgesetz und Aufenthaltsrecht. Außensprechstunde in Oerlinghausen jeden zweiten Donnerstag.",
			towns: []string{"oer"}, fields: []string{"teil"}, groups: []string{"frauen"},
			from: "2024-01-01", format: "in_person", fee: free, concept: "gewaltschutz",
		},
	},
	{
		note: "Erlaubnis der Ausländerbehörde zur Beschäftigung, keine Anerkennung von Abschlüssen (Regel: Funktion)",
		a:    ref("p11a"),
		b: offer{
			key: "n33", title: "Beratung zur Beschäftigungserlaubnis für Geduldete und Gestattete", org: "abh",
			desc:  "Wer im Asylverfahren ist oder eine Duldung hat, braucht für eine Beschäftigung oder Ausbildung die Erlaubnis der Ausländerbehörde. Wir beraten Beschäftigte und Arbeitgeber zu Beschäftigungsduldung, Ausbildungsduldung und den erforderlichen Unterlagen.",
			towns: []string{"det"}, fields: []string{"arb"}, groups: []string{"gef", "neu"},
			from: "2024-01-01", format: "in_person", fee: free, concept: "arbeitserlaubnis",
		},
	},
}
