package demo

import "github.com/netzwerkatlas/netzwerkatlas/graph"

// The integration concepts of the five demo counties. The build of each concept follows
// what the county has published: the Rems-Murr-Kreis's Integrationsplan with numbered
// recommendations and Starterprojekte, the Landkreis Börde's four steps from the
// Bestandsaufnahme to Leitlinien, goals and measures, the two Schwerpunktziele and the
// steering group of the towns' Integrationsbeauftragte in the Kreis Recklinghausen, the
// Märkischer Kreis's two-year Arbeitsschwerpunkte with a Lenkungsgruppe, a Steuerungsgruppe
// and Projektbeiräte, and the Rhein-Neckar-Kreis's Kennzahlen per field of action. The
// wording is invented in each county's manner; measures, organisations and all figures are
// invented.
//
// Each goal plan plants its indicator's attainment class (see shape); every county has
// every class, a target range, a lower-is-better indicator, a series with missing years, a
// single value and an indicator without values yet.

var recklinghausenConcept = conceptSpec{
	title:   "Integrationskonzept für den Kreis Recklinghausen",
	adopted: "2016-06-27",
	website: "https://www.kreis-recklinghausen.example/integrationskonzept",
	desc: "Das Integrationskonzept hat das Kommunale Integrationszentrum gemeinsam mit den zehn Städten, den Verbänden der " +
		"Wohlfahrtspflege, dem Jobcenter und den Migrantenorganisationen erarbeitet. Es setzt zwei Schwerpunktziele – " +
		"Bildungserfolg von Kindern und Jugendlichen und den Übergang in Ausbildung und Arbeit – und ordnet ihnen " +
		"Handlungsziele zu; die übrigen Handlungsfelder haben eigene Handlungsziele. Die Steuerungsgruppe der " +
		"Integrationsbeauftragten der Städte stimmt die Umsetzung zwischen Kreis und Städten ab. Über den Stand berichtet " +
		"das Kommunale Integrationszentrum jährlich dem Kreistag; die Fortschreibung 2023 hat die Handlungsziele überprüft " +
		"und Kennzahlen ergänzt.",
	periods: []graph.ConceptPeriod{
		{Name: "Integrationskonzept 2016", Starts: "2016-06-27", Ends: "2022-12-31"},
		{Name: "Fortschreibung 2023", Starts: "2023-01-01"},
	},
	tops: []topGoal{
		{key: "S1", ref: "S1", priority: "focus", period: "Integrationskonzept 2016", fields: []string{"Bildung und Sprache"},
			text: "Kinder und Jugendliche mit Zuwanderungsgeschichte haben die gleichen Bildungschancen wie alle anderen: Sie lernen früh Deutsch, finden schnell einen Schulplatz und erreichen einen Abschluss.",
			desc: "Schwerpunktziel 1. Das Kommunale Integrationszentrum setzt es gemeinsam mit dem Schulamt, den Familienzentren und den Volkshochschulen um."},
		{key: "S2", ref: "S2", priority: "focus", period: "Integrationskonzept 2016", fields: []string{"Wirtschaft und Arbeitsmarkt"},
			text: "Zugewanderte finden den Weg in Ausbildung und Arbeit; ihre Abschlüsse und Fähigkeiten werden anerkannt und genutzt.",
			desc: "Schwerpunktziel 2. Das Kommunale Integrationszentrum setzt es gemeinsam mit der Vestischen Arbeit, der Agentur für Arbeit und den Kammern um."},
	},
	fields: []fieldPlan{
		{"Zusammenleben und Teilhabe", []goalPlan{
			{ref: "1.1", period: "Integrationskonzept 2016", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "1.2", period: "Integrationskonzept 2016", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "1.3", period: "Integrationskonzept 2016", ind: ip(shapeSlow, 2018, 2028)},
		}},
		{"Engagierte Bürgerinnen und Bürger", []goalPlan{
			{ref: "2.1", period: "Integrationskonzept 2016", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "2.2", period: "Integrationskonzept 2016", ind: ip(shapeOnTrack, 2018, 2030).without(2020, 2021)},
			{ref: "2.3", period: "Fortschreibung 2023", ind: ip(shapeNone, 2024, 2028)},
		}},
		{"Wirtschaft und Arbeitsmarkt", []goalPlan{
			{ref: "3.1", parent: "S2", priority: "high", period: "Integrationskonzept 2016", ind: ip(shapeSlow, 2018, 2028)},
			{ref: "3.2", parent: "S2", period: "Integrationskonzept 2016", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "3.3", parent: "S2", period: "Integrationskonzept 2016", ind: ip(shapeLate, 2018, 2024)},
		}},
		{"Bildung und Sprache", []goalPlan{
			{ref: "4.1", parent: "S1", priority: "high", period: "Integrationskonzept 2016", ind: ip(shapeOnTrack, 2018, 2030).perMunicipality()},
			{ref: "4.2", parent: "S1", priority: "high", period: "Integrationskonzept 2016", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "4.3", parent: "S1", period: "Integrationskonzept 2016", ind: ip(shapeSlow, 2018, 2030)},
			{ref: "4.4", parent: "S1", period: "Fortschreibung 2023", ind: ip(shapeAchieved, 2018, 2028)},
		}},
		{"Wohnen und Mobilität", []goalPlan{
			{ref: "5.1", period: "Integrationskonzept 2016", ind: ip(shapeAway, 2018, 2028)},
			{ref: "5.2", period: "Integrationskonzept 2016", ind: ip(shapeSlow, 2018, 2028)},
			{ref: "5.3", period: "Fortschreibung 2023", ind: ip(shapeSingle, 2024, 2028)},
		}},
		{"Gesundheit und Sport", []goalPlan{
			{ref: "6.1", period: "Integrationskonzept 2016", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "6.2", period: "Integrationskonzept 2016", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "6.3", period: "Integrationskonzept 2016", ind: ip(shapeLate, 2018, 2024)},
			{ref: "6.4", period: "Fortschreibung 2023", ind: ip(shapeOnTrack, 2022, 2029).perMunicipality()},
		}},
		{"Institution und Professionalisierung", []goalPlan{
			{ref: "7.1", period: "Integrationskonzept 2016", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "7.2", period: "Integrationskonzept 2016", ind: ip(shapeSlow, 2018, 2027)},
			{ref: "7.3", period: "Integrationskonzept 2016", ind: ip(shapeAchieved, 2018, 2026)},
		}},
	},
	extras: []extraIndicator{
		{field: "Bildung und Sprache", goal: 0, name: "Auslastung der Integrationskurse", unit: "%", direction: "range",
			baseline: 68, target: 85, upper: 95, decimals: 1, plan: ip(shapeOnTrack, 2018, 2030),
			desc:   "Belegte Plätze in Integrationskursen im Verhältnis zu den angebotenen Plätzen, Jahresmittel. Unter 85 % bleiben Plätze ungenutzt, über 95 % entstehen Wartezeiten.",
			source: "Bundesamt für Migration und Flüchtlinge, Integrationskursgeschäftsstatistik"},
	},
	refByGoal: true,
	perField:  3,
	bodies: []bodySpec{
		{name: "Steuerungsgruppe der Integrationsbeauftragten im Kreis Recklinghausen", kind: "steering_group", cadence: "quarterly",
			desc: "Die Integrationsbeauftragten der zehn Städte und das Kommunale Integrationszentrum stimmen Umsetzung und " +
				"Fortschreibung des Integrationskonzepts zwischen Kreis und Städten ab und bereiten die Berichte an den Kreistag vor.",
			chair: "ki", chairRole: "Geschäftsführung", members: []string{"ki", "admins"}, since: "2016-09-01"},
	},
}

var maerkischerKreisConcept = conceptSpec{
	title:   "Integrationskonzept des Märkischen Kreises",
	adopted: "2019-12-12",
	website: "https://www.maerkischer-kreis.example/integrationskonzept",
	desc: "Das Integrationskonzept setzt für seine zwei Handlungsfelder – Integration durch Bildung und Integration als " +
		"kommunale Querschnittsaufgabe – je ein Leitziel und legt alle zwei Jahre Arbeitsschwerpunkte mit Zielwerten fest. " +
		"Zwei Gremien steuern: Die Lenkungsgruppe mit dem Landrat, den Bürgermeisterinnen und Bürgermeistern der großen " +
		"Städte und den Leitungen von Jobcenter, Agentur für Arbeit und Schulamt beschließt die Arbeitsschwerpunkte; die " +
		"Steuerungsgruppe auf Fachebene plant ihre Umsetzung und bewertet sie. Jedes größere Projekt begleitet ein " +
		"Projektbeirat mit den beteiligten Trägern und Städten.",
	periods: []graph.ConceptPeriod{
		{Name: "Arbeitsprogramm 2020/2021", Starts: "2020-01-01", Ends: "2021-12-31"},
		{Name: "Arbeitsprogramm 2022/2023", Starts: "2022-01-01", Ends: "2023-12-31"},
		{Name: "Arbeitsprogramm 2024/2025", Starts: "2024-01-01", Ends: "2025-12-31"},
		{Name: "Arbeitsprogramm 2026/2027", Starts: "2026-01-01", Ends: "2027-12-31"},
	},
	tops: []topGoal{
		{key: "1", ref: "1", priority: "high", fields: []string{"Integration durch Bildung"},
			text: "Alle Zugewanderten haben die gleichen Chancen auf Bildung – von der Kita über die Schule bis in Ausbildung und Beruf.",
			desc: "Leitziel des Handlungsfelds Integration durch Bildung; die Arbeitsschwerpunkte der Arbeitsprogramme setzen es um."},
		{key: "2", ref: "2", priority: "high", fields: []string{"Integration als kommunale Querschnittsaufgabe"},
			text: "Kreisverwaltung, Städte und Träger verstehen Integration als gemeinsame Aufgabe und richten ihre Angebote auf eine vielfältige Bevölkerung aus.",
			desc: "Leitziel des Handlungsfelds Integration als kommunale Querschnittsaufgabe; die Arbeitsschwerpunkte der Arbeitsprogramme setzen es um."},
	},
	fields: []fieldPlan{
		{"Integration durch Bildung", []goalPlan{
			{ref: "1.1", parent: "1", period: "Arbeitsprogramm 2022/2023", starts: "2022-01-01", due: "2023-12-31", ind: ip(shapeAchieved, 2019, 2023)},
			{ref: "1.2", parent: "1", period: "Arbeitsprogramm 2024/2025", starts: "2024-01-01", due: "2025-12-31", ind: ip(shapeLate, 2021, 2025)},
			{ref: "1.3", parent: "1", priority: "high", period: "Arbeitsprogramm 2026/2027", starts: "2026-01-01", due: "2027-12-31", ind: ip(shapeOnTrack, 2021, 2027).perMunicipality()},
			{ref: "1.4", parent: "1", priority: "high", period: "Arbeitsprogramm 2026/2027", starts: "2026-01-01", due: "2027-12-31", ind: ip(shapeSlow, 2021, 2027).until(2024)},
		}},
		{"Integration als kommunale Querschnittsaufgabe", []goalPlan{
			{ref: "2.1", parent: "2", period: "Arbeitsprogramm 2022/2023", starts: "2022-01-01", due: "2023-12-31", ind: ip(shapeLate, 2019, 2023)},
			{ref: "2.2", parent: "2", period: "Arbeitsprogramm 2024/2025", starts: "2024-01-01", due: "2025-12-31", ind: ip(shapeAchieved, 2021, 2025)},
			{ref: "2.3", parent: "2", priority: "high", period: "Arbeitsprogramm 2026/2027", starts: "2026-01-01", due: "2027-12-31", ind: ip(shapeOnTrack, 2021, 2027).without(2023)},
			{ref: "2.4", parent: "2", period: "Arbeitsprogramm 2026/2027", starts: "2026-01-01", due: "2027-12-31", ind: ip(shapeSingle, 2025, 2027)},
		}},
	},
	extras: []extraIndicator{
		{field: "Integration als kommunale Querschnittsaufgabe", goal: 2, name: "Auslastung der kommunalen Unterkünfte für Geflüchtete",
			unit: "%", direction: "range", baseline: 97, target: 70, upper: 85, decimals: 1, plan: ip(shapeAchieved, 2021, 2027),
			desc:   "Belegte Plätze in den Übergangsheimen und Gemeinschaftsunterkünften der Städte und Gemeinden im Verhältnis zu den verfügbaren Plätzen, Stichtag 31. Dezember. Zwischen 70 und 85 % bleibt Raum für Zuweisungen, ohne dass Plätze leer stehen.",
			source: "Städte und Gemeinden, Unterbringungsstatistik"},
		{field: "Integration durch Bildung", goal: 3, name: "Übergänge in Ausbildung nach einer Einstiegsqualifizierung",
			unit: "%", direction: "higher", baseline: 38, target: 55, decimals: 1, plan: ip(shapeNone, 2024, 2027),
			desc:   "Anteil der Teilnehmenden an einer Einstiegsqualifizierung, die innerhalb von sechs Monaten eine Ausbildung beginnen. Der Ausgangswert stammt aus einer einmaligen Befragung; regelmäßig erhoben wird ab dem Ausbildungsjahr 2026/27.",
			source: "Jobcenter Märkischer Kreis, Verbleibsbefragung"},
	},
	refByGoal: true,
	perField:  6,
	projects: []projectSpec{
		{key: "bildungsbruecken", ref: "P1", field: "Integration durch Bildung", goal: "1.3",
			title: "Projekt Bildungsbrücken: Elternbegleitung von der Kita in die Schule",
			desc: "Elternbegleiterinnen mit eigener Zuwanderungsgeschichte begleiten Familien beim Übergang von der Kita in die Grundschule. " +
				"Das Projekt arbeitet in Iserlohn, Lüdenscheid und Menden mit Kitas und Grundschulen zusammen. Ein Projektbeirat mit Schulamt, Trägern und Städten begleitet die Umsetzung.",
			effect: "Mehr Kinder aus zugewanderten Familien besuchen früh eine Kita und kommen gut vorbereitet in die Schule; die Eltern kennen das Bildungssystem.",
			lead:   "ki", partners: []string{"awo", "caritas2"}, status: active, starts: "2024-08-01", ends: "2027-07-31",
			priority: "high", horizon: "medium", addressee: "county",
			funding: []graph.Funding{{Funder: "Land NRW, Förderung der Kommunalen Integrationszentren", Amount: ptr(96000.0), Starts: "2024-08-01", Ends: "2027-07-31"}},
			notes: []graph.StatusNote{
				{Date: "2025-11-18", Text: "Der Projektbeirat hat den Zwischenbericht zum ersten Kita-Jahr beraten: 64 Familien wurden begleitet."},
				{Date: "2026-03-10", Text: "Zwei weitere Elternbegleiterinnen für Arabisch und Ukrainisch sind eingearbeitet."},
				{Date: "2026-09-15", Text: "Der zweite Durchgang hat mit 14 Kitas begonnen; in Lüdenscheid gibt es eine Warteliste."},
			}},
		{key: "durchstarten", ref: "P2", field: "Integration durch Bildung", goal: "1.4",
			title: "Projekt Durchstarten in Ausbildung und Arbeit",
			desc: "Junge Geflüchtete zwischen 18 und 27 Jahren erhalten Coaching, Sprachförderung und Praktika in Betrieben der Region. " +
				"Jobcenter, Agentur für Arbeit und Kommunales Integrationszentrum planen jeden Weg gemeinsam. Ein Projektbeirat mit den Bildungsträgern begleitet das Projekt.",
			effect: "Mehr junge Geflüchtete beginnen eine Ausbildung oder eine sozialversicherungspflichtige Beschäftigung.",
			lead:   "jc", partners: []string{"aa", "ki"}, status: active, starts: "2022-02-01", ends: "2026-12-31",
			priority: "high", horizon: "medium", addressee: "partner",
			funding: []graph.Funding{
				{Funder: "Europäischer Sozialfonds Plus (ESF Plus)", Amount: ptr(210000.0), Starts: "2022-02-01", Ends: "2026-12-31"},
				{Funder: "Land NRW, KOMM-AN NRW", Amount: ptr(35000.0), Starts: "2024-01-01", Ends: "2025-12-31"},
			},
			notes: []graph.StatusNote{
				{Date: "2025-12-02", Text: "Jahresbilanz 2025: 83 Teilnehmende, 29 Ausbildungsverträge, 17 Arbeitsaufnahmen."},
				{Date: "2026-05-19", Text: "Die Förderung endet im Dezember 2026; ein Antrag auf Anschlussförderung ist gestellt."},
			}},
		{key: "ikoe", ref: "P3", field: "Integration als kommunale Querschnittsaufgabe", goal: "2.1",
			title: "Projekt Interkulturelle Öffnung der Kreisverwaltung",
			desc: "Alle Fachdienste der Kreisverwaltung mit Publikumsverkehr haben ihre Abläufe, Formulare und Informationen auf Verständlichkeit und Mehrsprachigkeit geprüft. " +
				"Führungskräfte und Beschäftigte wurden in interkultureller Kompetenz fortgebildet.",
			effect: "Die Kreisverwaltung ist für Zugewanderte leichter zugänglich; Beschäftigte fühlen sich im Umgang mit Vielfalt sicherer.",
			lead:   "ki", partners: []string{"abh", "pari"}, status: completed, starts: "2023-01-01", ends: "2026-06-30",
			priority: "medium", horizon: "long", addressee: "county",
			funding: []graph.Funding{{BudgetNeutral: true}},
			notes: []graph.StatusNote{
				{Date: "2025-10-21", Text: "Zwölf von fünfzehn Fachdiensten haben die Prüfung abgeschlossen; 140 Beschäftigte sind fortgebildet."},
				{Date: "2026-04-28", Text: "Die letzten Fachdienste schließen die Prüfung ab; der Abschlussbericht wird vorbereitet."},
				{Date: "2026-07-07", Text: "Zum 30. Juni 2026 abgeschlossen. Die Fortbildung wird in das Regelprogramm der Personalentwicklung übernommen."},
			}},
		{key: "gesundheitslotsen", ref: "P4", field: "Integration als kommunale Querschnittsaufgabe", goal: "2.4",
			title: "Projekt Gesundheitslotsen Märkischer Kreis",
			desc: "Geschulte Gesundheitslotsinnen und -lotsen erklären Zugewanderten in ihrer Sprache das Gesundheitssystem und begleiten sie zu Vorsorge und Beratung. " +
				"Das Gesundheitsamt qualifiziert die Lotsen, die Psychosoziale Beratungsstelle und das DRK vermitteln.",
			effect: "Zugewanderte kennen die Vorsorgeangebote und finden früher Hilfe.",
			lead:   "ga", partners: []string{"psz", "drk"}, status: planned, starts: "2027-01-01", ends: "2028-12-31",
			priority: "medium", horizon: "medium", addressee: "county",
			notes: []graph.StatusNote{
				{Date: "2026-06-09", Text: "Die Lenkungsgruppe hat das Projekt in das Arbeitsprogramm 2026/2027 aufgenommen; der Förderantrag ist in Arbeit."},
			}},
	},
	bodies: []bodySpec{
		{name: "Lenkungsgruppe Integration Märkischer Kreis", kind: "steering_group", cadence: "semiannual",
			desc: "Strategische Steuerung des Integrationskonzepts: Landrat, Bürgermeisterinnen und Bürgermeister der großen Städte und die Leitungen " +
				"von Jobcenter, Agentur für Arbeit und Schulamt beschließen alle zwei Jahre die Arbeitsschwerpunkte und nehmen den Umsetzungsbericht entgegen.",
			chair: "ki", chairRole: "Geschäftsführung", since: "2019-12-12",
			members: []string{"ki", "jc", "aa", "schulamt", "abh", "admin:Iserlohn", "admin:Lüdenscheid", "admin:Menden (Sauerland)"}},
		{name: "Projektbeirat Bildungsbrücken", kind: "advisory_board", cadence: "quarterly", fields: []string{"Integration durch Bildung"},
			desc:  "Begleitet das Projekt Bildungsbrücken: Schulamt, Träger und Städte beraten Planung, Zwischenstände und Verstetigung.",
			chair: "ki", chairRole: "Geschäftsführung", since: "2024-09-01",
			members: []string{"ki", "schulamt", "awo", "caritas2", "admin:Iserlohn", "admin:Lüdenscheid"}},
		{name: "Projektbeirat Durchstarten", kind: "advisory_board", cadence: "quarterly", fields: []string{"Integration durch Bildung"},
			desc:  "Begleitet das Projekt Durchstarten in Ausbildung und Arbeit: Jobcenter, Agentur für Arbeit, Bildungsträger und Kommunales Integrationszentrum stimmen die Wege der Teilnehmenden ab.",
			chair: "jc", chairRole: "Vorsitz", since: "2022-03-01",
			members: []string{"jc", "aa", "ki", "vhs", "awo"}},
		{name: "Projektbeirat Interkulturelle Öffnung", kind: "advisory_board", cadence: "annual", fields: []string{"Integration als kommunale Querschnittsaufgabe"},
			desc:  "Hat das Projekt Interkulturelle Öffnung der Kreisverwaltung begleitet und berät seit dessen Abschluss einmal im Jahr über die Verstetigung.",
			chair: "ki", chairRole: "Geschäftsführung", since: "2023-02-01",
			members: []string{"ki", "abh", "pari", "diakonie", "admin:Menden (Sauerland)"}},
	},
}

var remsMurrConcept = conceptSpec{
	title:   "Integrationsplan des Rems-Murr-Kreises",
	adopted: "2017-07-24",
	website: "https://www.rems-murr-kreis.example/integrationsplan",
	desc: "Der Integrationsplan ist das gemeinsame Arbeitsprogramm des Landkreises, seiner 31 Städte und Gemeinden und der " +
		"Träger der Integrationsarbeit. Für jedes der vier Handlungsfelder – Sprache und Bildung, Arbeitsmarkt, Wohnen und " +
		"Freizeit – nennt er ein Leitziel, Teilziele und nummerierte Handlungsempfehlungen (IP 1.1 ff.) und sagt bei jeder " +
		"Empfehlung, wer handeln soll: Landkreis, Kommune oder Partner. Ausgewählte Empfehlungen werden als Starterprojekte " +
		"vorrangig umgesetzt. Die Fortschreibung 2019 hat die Ziele nach den Erfahrungen mit der Anschlussunterbringung " +
		"überprüft und um Kennzahlen ergänzt; über den Umsetzungsstand berichtet die Integrationsbeauftragte jährlich im Kreistag.",
	periods: []graph.ConceptPeriod{
		{Name: "Integrationsplan 2017", Starts: "2017-07-24", Ends: "2019-07-21"},
		{Name: "Fortschreibung 2019", Starts: "2019-07-22"},
	},
	tops: []topGoal{
		{key: "1", ref: "1", priority: "high", period: "Integrationsplan 2017", fields: []string{"Sprache und Bildung"},
			text: "Zugewanderte Kinder, Jugendliche und Erwachsene lernen Deutsch und nutzen die Bildungsangebote im Landkreis – von der Kita bis zur Weiterbildung.",
			desc: "Leitziel des Handlungsfelds Sprache und Bildung."},
		{key: "2", ref: "2", priority: "high", period: "Integrationsplan 2017", fields: []string{"Arbeitsmarkt"},
			text: "Zugewanderte finden eine Ausbildung oder Arbeit, die ihren Fähigkeiten entspricht, und tragen zur Fachkräftesicherung im Rems-Murr-Kreis bei.",
			desc: "Leitziel des Handlungsfelds Arbeitsmarkt."},
		{key: "3", ref: "3", priority: "high", period: "Integrationsplan 2017", fields: []string{"Wohnen"},
			text: "Geflüchtete und Zugewanderte wohnen in eigenem, bezahlbarem Wohnraum in einer guten Nachbarschaft.",
			desc: "Leitziel des Handlungsfelds Wohnen."},
		{key: "4", ref: "4", priority: "high", period: "Integrationsplan 2017", fields: []string{"Freizeit"},
			text: "Zugewanderte und Einheimische begegnen sich in Vereinen, im Ehrenamt und in der Freizeit und gestalten das Zusammenleben gemeinsam.",
			desc: "Leitziel des Handlungsfelds Freizeit."},
	},
	fields: []fieldPlan{
		{"Sprache und Bildung", []goalPlan{
			{ref: "1.1", parent: "1", period: "Integrationsplan 2017", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "1.2", parent: "1", period: "Integrationsplan 2017", ind: ip(shapeAchieved, 2018, 2027)},
			{ref: "1.3", parent: "1", period: "Fortschreibung 2019", ind: ip(shapeSlow, 2019, 2030).without(2021)},
			{ref: "1.4", parent: "1", period: "Fortschreibung 2019", ind: ip(shapeOnTrack, 2019, 2030).perMunicipality()},
		}},
		{"Arbeitsmarkt", []goalPlan{
			{ref: "2.1", parent: "2", period: "Integrationsplan 2017", ind: ip(shapeAchieved, 2018, 2028)},
			{ref: "2.2", parent: "2", period: "Integrationsplan 2017", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "2.3", parent: "2", period: "Integrationsplan 2017", ind: ip(shapeLate, 2018, 2024)},
		}},
		{"Wohnen", []goalPlan{
			{ref: "3.1", parent: "3", period: "Integrationsplan 2017", ind: ip(shapeAway, 2018, 2028)},
			{ref: "3.2", parent: "3", period: "Integrationsplan 2017", ind: ip(shapeSlow, 2018, 2030)},
			{ref: "3.3", parent: "3", period: "Fortschreibung 2019", ind: ip(shapeNone, 2024, 2030)},
		}},
		{"Freizeit", []goalPlan{
			{ref: "4.1", parent: "4", period: "Integrationsplan 2017", ind: ip(shapeAchieved, 2018, 2027)},
			{ref: "4.2", parent: "4", period: "Integrationsplan 2017", ind: ip(shapeOnTrack, 2018, 2030).without(2020, 2021)},
			{ref: "4.3", parent: "4", period: "Fortschreibung 2019", ind: ip(shapeSingle, 2024, 2028)},
			{ref: "4.4", parent: "4", period: "Fortschreibung 2019", ind: ip(shapeSlow, 2019, 2030)},
		}},
	},
	extras: []extraIndicator{
		{field: "Wohnen", goal: 0, name: "Betreuungsschlüssel im Integrationsmanagement", unit: "Personen je Vollzeitstelle", direction: "range",
			baseline: 175, target: 80, upper: 120, plan: ip(shapeOnTrack, 2018, 2030),
			desc:   "Geflüchtete in der Anschlussunterbringung je Vollzeitstelle im Integrationsmanagement der Städte und Gemeinden, Jahresmittel. Der Integrationsplan strebt 80 bis 120 Personen je Stelle an.",
			source: "Integrationsmanagement der Städte und Gemeinden, Jahresbericht"},
	},
	refPrefix: "IP ",
	perField:  5,
	starters:  2,
	manyNotes: true,
	projects: []projectSpec{
		{key: "kurskoordination", ref: "IP 1.1", field: "Sprache und Bildung", goal: "1.1",
			title: "Starterprojekt Sprachkurskoordination Rems-Murr",
			desc: "Eine kreisweite Kurskoordination führt die freien Plätze aller Integrations- und Sprachkurse im Rems-Murr-Kreis in einer Übersicht zusammen. " +
				"Beratungsstellen, Jobcenter und Integrationsmanagement melden über eine gemeinsame Stelle an. So beginnen Neuzugewanderte schneller einen passenden Kurs.",
			effect: "Neuzugewanderte beginnen innerhalb von sechs Monaten einen Sprachkurs; freie Kursplätze bleiben nicht ungenutzt.",
			lead:   "ki", partners: []string{"vhs", "vhs2"}, status: active, starts: "2026-01-12",
			priority: "starter", horizon: "short", addressee: "county",
			funding: []graph.Funding{{Funder: "Land Baden-Württemberg, VwV Integration", Amount: ptr(45000.0), Starts: "2026-01-01", Ends: "2027-12-31"}},
			notes: []graph.StatusNote{
				{Date: "2025-10-28", Text: "Im Sozialausschuss vorgestellt; die Volkshochschulen haben ihre Mitwirkung zugesagt."},
				{Date: "2025-12-09", Text: "Kooperationsvereinbarung mit den Volkshochschulen unterschrieben; Start zum 12. Januar 2026."},
				{Date: "2026-01-12", Text: "Gestartet: Die Kursübersicht ist online, die gemeinsame Anmeldung läuft."},
				{Date: "2026-04-20", Text: "Erste Bilanz: 212 Anmeldungen im ersten Quartal; die Zeit bis zum Kursbeginn sinkt."},
				{Date: "2026-09-14", Text: "Das Integrationsmanagement aller Städte und Gemeinden meldet jetzt über die Kurskoordination an."},
			}},
		{key: "arbeitsmarktlotsen", ref: "IP 2.1", field: "Arbeitsmarkt", goal: "2.1",
			title: "Starterprojekt Arbeitsmarktlotsen für Geflüchtete",
			desc: "Arbeitsmarktlotsen begleiten Geflüchtete mit Bleibeperspektive vom Sprachkurs bis in Arbeit oder Ausbildung. " +
				"Jobcenter, Agentur für Arbeit und IHK stimmen ihre Angebote in einer gemeinsamen Fallkonferenz ab. Die Betriebe im Kreis haben eine feste Ansprechperson.",
			effect: "Mehr Geflüchtete nehmen eine sozialversicherungspflichtige Beschäftigung oder eine Ausbildung auf.",
			lead:   "jc", partners: []string{"aa", "ihk"}, status: completed, starts: "2024-03-01", ends: "2026-06-30",
			priority: "starter", horizon: "medium", addressee: "partner",
			funding: []graph.Funding{
				{Funder: "Land Baden-Württemberg, VwV Integration", Amount: ptr(120000.0), Starts: "2024-03-01", Ends: "2026-06-30"},
				{Funder: "Europäischer Sozialfonds Plus (ESF Plus)", Amount: ptr(60000.0), Starts: "2024-03-01", Ends: "2026-06-30"},
			},
			notes: []graph.StatusNote{
				{Date: "2025-11-05", Text: "Zwischenbilanz: 148 Geflüchtete begleitet, 61 in Arbeit oder Ausbildung vermittelt."},
				{Date: "2026-03-16", Text: "Die Verstetigung ist beschlossen: Das Jobcenter übernimmt die Lotsenaufgabe ab Juli 2026 in den Regelbetrieb."},
				{Date: "2026-05-11", Text: "Die letzten Fallkonferenzen laufen; der Abschlussbericht wird vorbereitet."},
				{Date: "2026-07-08", Text: "Zum 30. Juni 2026 abgeschlossen. Abschlussbericht: 236 Begleitete, 104 Vermittlungen in Arbeit oder Ausbildung."},
			}},
		{key: "wohnraumoffensive", ref: "IP 3.1", field: "Wohnen", goal: "3.2",
			title: "Starterprojekt Wohnraumoffensive Anschlussunterbringung",
			desc: "Der Landkreis wirbt gemeinsam mit den Städten und Gemeinden private Vermieterinnen und Vermieter für Geflüchtete aus der Anschlussunterbringung. " +
				"Eine Mietausfallgarantie und feste Ansprechpersonen nehmen ihnen das Risiko. Caritas und Kreisdiakonieverband begleiten die Mietverhältnisse im ersten Jahr.",
			effect: "Geflüchtete finden schneller eigenen Wohnraum; die Anschlussunterbringung wird entlastet.",
			lead:   "ki", partners: []string{"caritas", "diakonie"}, status: active, starts: "2025-02-01", ends: "2027-12-31",
			priority: "starter", horizon: "medium", addressee: "county",
			funding: []graph.Funding{{Funder: "Kreishaushalt", Amount: ptr(80000.0), Starts: "2025-02-01", Ends: "2026-12-31"}},
			notes: []graph.StatusNote{
				{Date: "2025-11-24", Text: "43 Wohnungen seit Projektbeginn vermittelt; die Mietausfallgarantie wurde bisher zweimal in Anspruch genommen."},
				{Date: "2026-02-23", Text: "Vermieterabend in Backnang mit 60 Interessierten; zwölf neue Wohnungsangebote."},
				{Date: "2026-06-01", Text: "Die Nachfrage übersteigt das Angebot deutlich; Wohnungsbaugesellschaften werden jetzt gezielt angesprochen."},
				{Date: "2026-09-21", Text: "Der Haushaltsentwurf sieht die Fortführung bis Ende 2027 vor."},
			}},
		{key: "vereinslotsen", ref: "IP 4.1", field: "Freizeit", goal: "4.1",
			title: "Starterprojekt Vereinslotsen im Sportkreis",
			desc: "Ehrenamtliche Vereinslotsen stellen Zugewanderten die Sportvereine ihres Wohnorts vor und begleiten sie zu den ersten Trainings. " +
				"Der Sportkreis qualifiziert die Lotsen, die Integrationsbeauftragte vermittelt die Kontakte. Das Projekt kommt ohne zusätzliche Haushaltsmittel aus.",
			effect: "Mehr Zugewanderte werden Mitglied in einem Sportverein; die Vereine gewinnen Mitglieder und Ehrenamtliche.",
			lead:   "ksb", partners: []string{"ki"}, status: planned, starts: "2027-03-01",
			priority: "starter", horizon: "short", addressee: "partner",
			funding: []graph.Funding{{BudgetNeutral: true}},
			notes: []graph.StatusNote{
				{Date: "2026-02-02", Text: "Konzept mit dem Sportkreis abgestimmt; die Vereine werden im Frühjahr angeschrieben."},
				{Date: "2026-06-22", Text: "Neun Vereine haben ihre Teilnahme zugesagt; die Qualifizierung der Lotsen beginnt im Herbst."},
				{Date: "2026-09-28", Text: "Start auf März 2027 festgelegt, weil die Qualifizierung erst im Winter abgeschlossen ist."},
			}},
	},
}

var rheinNeckarConcept = conceptSpec{
	title:   "Integrationskonzept des Rhein-Neckar-Kreises",
	adopted: "2018-03-20",
	website: "https://www.rhein-neckar-kreis.example/integrationskonzept",
	desc: "Das Integrationskonzept beschreibt sechs Handlungsfelder mit Zielen und Kennzahlen. Für jedes Handlungsfeld legt es " +
		"mehrere Kennzahlen aus der amtlichen Statistik und aus eigenen Erhebungen fest – vom Statistischen Landesamt " +
		"Baden-Württemberg über die Bundesagentur für Arbeit bis zur Schulstatistik –, jeweils mit Ausgangswert, Zielwert und " +
		"Zieljahr. Das Integrationsmonitoring vergleicht jährlich den Stand mit den Zielen; die Fortschreibung 2024 hat Kennzahlen " +
		"ergänzt und die Zieljahre bis 2030 fortgeschrieben. Umgesetzt wird es von den 54 Städten und Gemeinden, den Trägern " +
		"und dem Landratsamt gemeinsam.",
	periods: []graph.ConceptPeriod{
		{Name: "Integrationskonzept 2018", Starts: "2018-03-20", Ends: "2023-12-31"},
		{Name: "Fortschreibung 2024", Starts: "2024-01-01"},
	},
	fields: []fieldPlan{
		{"Wohnraummanagement", []goalPlan{
			{ref: "1.1", priority: "high", period: "Integrationskonzept 2018", ind: ip(shapeSlow, 2018, 2028)},
			{ref: "1.2", period: "Integrationskonzept 2018", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "1.3", period: "Integrationskonzept 2018", ind: ip(shapeAchieved, 2018, 2026)},
		}},
		{"Ausbildung & Arbeit", []goalPlan{
			{ref: "2.1", priority: "high", period: "Integrationskonzept 2018", ind: ip(shapeOnTrack, 2018, 2030).perMunicipality()},
			{ref: "2.2", period: "Integrationskonzept 2018", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "2.3", period: "Integrationskonzept 2018", ind: ip(shapeSlow, 2018, 2028)},
		}},
		{"Sprachförderung", []goalPlan{
			{ref: "3.1", priority: "high", period: "Integrationskonzept 2018", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "3.2", period: "Integrationskonzept 2018", ind: ip(shapeSlow, 2018, 2028)},
			{ref: "3.3", period: "Integrationskonzept 2018", ind: ip(shapeLate, 2018, 2023)},
		}},
		{"Kinder-, Jugend- und Familienbildung", []goalPlan{
			{ref: "4.1", period: "Integrationskonzept 2018", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "4.2", period: "Integrationskonzept 2018", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "4.3", period: "Integrationskonzept 2018", ind: ip(shapeSlow, 2018, 2028).without(2020)},
			{ref: "4.4", priority: "high", period: "Fortschreibung 2024", ind: ip(shapeOnTrack, 2018, 2030)},
		}},
		{"Gesundheit", []goalPlan{
			{ref: "5.1", period: "Integrationskonzept 2018", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "5.2", period: "Integrationskonzept 2018", ind: ip(shapeSlow, 2018, 2028)},
			{ref: "5.3", period: "Fortschreibung 2024", ind: ip(shapeOnTrack, 2018, 2030)},
		}},
		{"Gesellschaftliches Zusammenleben", []goalPlan{
			{ref: "6.1", period: "Integrationskonzept 2018", ind: ip(shapeOnTrack, 2018, 2030)},
			{ref: "6.2", period: "Integrationskonzept 2018", ind: ip(shapeAchieved, 2018, 2026)},
			{ref: "6.3", period: "Integrationskonzept 2018", ind: ip(shapeLate, 2018, 2024)},
			{ref: "6.4", period: "Fortschreibung 2024", ind: ip(shapeOnTrack, 2018, 2030).without(2019, 2022)},
		}},
	},
	extras: []extraIndicator{
		{field: "Wohnraummanagement", goal: 0, name: "Personen in der Anschlussunterbringung", unit: "Personen", direction: "lower",
			baseline: 6800, target: 3500, count: true, plan: ip(shapeOnTrack, 2018, 2030),
			desc:   "Geflüchtete, die zum Jahresende in der Anschlussunterbringung der Städte und Gemeinden wohnen.",
			source: "Landratsamt Rhein-Neckar-Kreis, Unterbringungsstatistik"},
		{field: "Wohnraummanagement", goal: 1, name: "Belegungsquote der Anschlussunterbringung", unit: "%", direction: "range",
			baseline: 104, target: 85, upper: 95, decimals: 1, plan: ip(shapeSlow, 2018, 2028),
			desc:   "Belegte Plätze der Anschlussunterbringung im Verhältnis zu den verfügbaren Plätzen, Stichtag 31. Dezember. Über 95 % fehlt Spielraum für Zuweisungen, unter 85 % stehen Plätze leer.",
			source: "Städte und Gemeinden, Meldungen zur Anschlussunterbringung"},
		{field: "Ausbildung & Arbeit", goal: 0, name: "Arbeitslosenquote der Ausländerinnen und Ausländer", unit: "%", direction: "lower",
			baseline: 12.4, target: 8, decimals: 1, plan: ip(shapeOnTrack, 2018, 2030),
			desc:   "Arbeitslose mit ausländischer Staatsangehörigkeit in Prozent aller zivilen ausländischen Erwerbspersonen, Jahresdurchschnitt.",
			source: "Bundesagentur für Arbeit, Arbeitsmarktstatistik"},
		{field: "Ausbildung & Arbeit", goal: 0, name: "Sozialversicherungspflichtig Beschäftigte mit ausländischer Staatsangehörigkeit", unit: "Personen", direction: "higher",
			baseline: 38500, target: 48000, count: true, plan: ip(shapeAchieved, 2018, 2028),
			desc:   "Sozialversicherungspflichtig Beschäftigte mit ausländischer Staatsangehörigkeit am Wohnort, Stichtag 30. Juni.",
			source: "Bundesagentur für Arbeit, Beschäftigungsstatistik"},
		{field: "Sprachförderung", goal: 0, name: "Teilnehmende an Integrationskursen", unit: "Personen", direction: "higher",
			baseline: 2900, target: 4200, count: true, plan: ip(shapeOnTrack, 2018, 2030),
			desc:   "Neue Teilnehmende an Integrationskursen im Kreisgebiet im Jahr.",
			source: "Bundesamt für Migration und Flüchtlinge, Integrationskursgeschäftsstatistik"},
		{field: "Sprachförderung", goal: 0, name: "Wartezeit auf einen Integrationskursplatz", unit: "Wochen", direction: "lower",
			baseline: 10, target: 6, decimals: 1, plan: ip(shapeAway, 2018, 2028),
			desc:   "Wochen zwischen Anmeldung und Kursbeginn, Mittelwert der Kursträger im Jahr.",
			source: "Kursträger, Meldungen an das Landratsamt"},
		{field: "Kinder-, Jugend- und Familienbildung", goal: 1, name: "Übergänge aus Vorbereitungsklassen in Regelklassen innerhalb eines Schuljahres", unit: "%", direction: "higher",
			baseline: 41, target: 60, decimals: 1, plan: ip(shapeSingle, 2024, 2028),
			desc:   "Anteil der Schülerinnen und Schüler einer Vorbereitungsklasse (VKL), die innerhalb eines Schuljahres ganz in eine Regelklasse wechseln; erhoben seit dem Schuljahr 2023/24.",
			source: "Schulstatistik"},
		{field: "Kinder-, Jugend- und Familienbildung", goal: 3, name: "Ausländische Schülerinnen und Schüler an Gymnasien", unit: "%", direction: "higher",
			baseline: 9.8, target: 14, decimals: 1, plan: ip(shapeSlow, 2018, 2030),
			desc:   "Anteil der Schülerinnen und Schüler mit ausländischer Staatsangehörigkeit an allen Schülerinnen und Schülern der Gymnasien, Klassen 5 bis 10.",
			source: "Statistisches Landesamt Baden-Württemberg, Schulstatistik"},
		{field: "Gesundheit", goal: 0, name: "Vollständiger Impfschutz bei der Einschulungsuntersuchung (Kinder ausländischer Staatsangehörigkeit)", unit: "%", direction: "higher",
			baseline: 78, target: 90, decimals: 1, plan: ip(shapeAchieved, 2018, 2028),
			desc:   "Anteil der untersuchten Kinder mit ausländischer Staatsangehörigkeit, deren Impfpass einen vollständigen Impfschutz nach den Empfehlungen der STIKO zeigt.",
			source: "Gesundheitsamt, Einschulungsuntersuchung"},
		{field: "Gesundheit", goal: 2, name: "Zufriedenheit mit der Sprachmittlung im Gesundheitswesen", unit: "%", direction: "higher",
			baseline: 62, target: 80, decimals: 1, plan: ip(shapeNone, 2024, 2028),
			desc:   "Anteil der befragten Praxen und Kliniken, die mit der Verfügbarkeit von Sprachmittlung zufrieden sind. Der Ausgangswert stammt aus einer Vorbefragung; die jährliche Befragung beginnt 2026.",
			source: "Gesundheitsamt, Befragung der Praxen und Kliniken"},
		{field: "Gesellschaftliches Zusammenleben", goal: 0, name: "Einbürgerungen", unit: "Personen", direction: "higher",
			baseline: 1350, target: 2200, count: true, plan: ip(shapeAchieved, 2018, 2028),
			desc:   "Einbürgerungen von Einwohnerinnen und Einwohnern des Kreises im Jahr.",
			source: "Statistisches Landesamt Baden-Württemberg, Einbürgerungsstatistik"},
		{field: "Gesellschaftliches Zusammenleben", goal: 1, name: "Ehrenamtliche in der Flüchtlingshilfe", unit: "Personen", direction: "higher",
			baseline: 2400, target: 3000, count: true, plan: ip(shapeAway, 2018, 2028),
			desc:   "Aktive Ehrenamtliche in Helferkreisen und Initiativen der Flüchtlingshilfe, Stand zum Jahresende.",
			source: "Landratsamt Rhein-Neckar-Kreis, jährliche Abfrage bei den Helferkreisen"},
	},
	refPrefix: "M ",
	perField:  4,
}

var boerdeConcept = conceptSpec{
	title:   "Integrationskonzept des Landkreises Börde",
	adopted: "2021-06-16",
	website: "https://www.landkreis-boerde.example/integrationskonzept",
	desc: "Das Integrationskonzept ist in vier Schritten entstanden. Eine Bestandsaufnahme hat 2019 und 2020 die Angebote, " +
		"Akteure und Bedarfe in allen Einheits- und Verbandsgemeinden erfasst; daraus hat eine Arbeitsgruppe aus Verwaltung, " +
		"Trägern, Vereinen und Zugewanderten fünf Leitlinien abgeleitet, unter jeder Leitlinie Ziele gesetzt und zu jedem Ziel " +
		"Maßnahmen verabredet. Maßnahmen sind nach Leitlinie, Ziel und Maßnahme nummeriert (2.1.1 ist die erste Maßnahme zum " +
		"ersten Ziel der Leitlinie 2). Die Integrationskoordination des Landkreises begleitet die Umsetzung; die Fortschreibung " +
		"2024 hat die Bestandsaufnahme wiederholt und Ziele ergänzt.",
	periods: []graph.ConceptPeriod{
		{Name: "Integrationskonzept 2021", Starts: "2021-06-16", Ends: "2024-08-31"},
		{Name: "Fortschreibung 2024", Starts: "2024-09-01"},
	},
	guidelines: []guidelineSpec{
		{ref: "L 1", title: "Integration gelingt vor Ort – in der Stadt wie auf dem Land",
			desc: "Angebote sollen in allen Gemeinden erreichbar sein. Wo sich ein eigenes Angebot nicht trägt, helfen mobile Angebote, Fahrdienste und digitale Formate."},
		{ref: "L 2", title: "Sprache öffnet Türen",
			desc: "Deutsch zu lernen ist der Schlüssel zu Bildung, Arbeit und Nachbarschaft. Sprachkurse sollen für alle erreichbar sein, auch für Eltern kleiner Kinder."},
		{ref: "L 3", title: "Bildung und Arbeit sichern Teilhabe und Fachkräfte",
			desc: "Von der Kita bis zum Beruf sollen Zugewanderte ihre Fähigkeiten entfalten können; der Landkreis braucht sie als Fachkräfte."},
		{ref: "L 4", title: "Gesundheit und Sport verbinden",
			desc: "Gesundheitsversorgung ohne Sprachbarrieren und Sport im Verein fördern Wohlbefinden und Begegnung."},
		{ref: "L 5", title: "Ehrenamt und Begegnung tragen das Zusammenleben",
			desc: "Engagierte Bürgerinnen und Bürger, Vereine und Migrantenorganisationen gestalten das Zusammenleben; Hauptamtliche unterstützen sie."},
	},
	tops: []topGoal{
		{key: "1.1", ref: "1.1", level: "operational", guideline: "L 1", period: "Fortschreibung 2024", due: "2028-12-31",
			fields: []string{"Engagement", "Sprachförderung"},
			text:   "Alle Einheits- und Verbandsgemeinden haben mindestens ein regelmäßiges Angebot für Zugewanderte oder eine feste Ansprechperson.",
			desc:   "Ziel aus der wiederholten Bestandsaufnahme 2024: In einigen kleinen Gemeinden gab es kein eigenes Angebot."},
	},
	fields: []fieldPlan{
		{"Bildung", []goalPlan{
			{ref: "3.1", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029)},
			{ref: "3.2", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeAchieved, 2020, 2026)},
			{ref: "3.3", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeSlow, 2020, 2029)},
			{ref: "3.4", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029).perMunicipality()},
		}},
		{"Erwerbsleben", []goalPlan{
			{ref: "3.5", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029)},
			{ref: "3.6", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeSlow, 2020, 2028)},
			{ref: "3.7", guideline: "L 3", period: "Integrationskonzept 2021", ind: ip(shapeAchieved, 2020, 2026)},
		}},
		{"Sprachförderung", []goalPlan{
			{ref: "2.1", guideline: "L 2", period: "Integrationskonzept 2021", ind: ip(shapeLate, 2020, 2024)},
			{ref: "2.2", guideline: "L 2", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029).without(2022)},
			{ref: "2.3", guideline: "L 2", period: "Integrationskonzept 2021", ind: ip(shapeAchieved, 2020, 2026)},
		}},
		{"Sport", []goalPlan{
			{ref: "4.1", guideline: "L 4", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029)},
			{ref: "4.2", guideline: "L 4", period: "Integrationskonzept 2021", ind: ip(shapeAway, 2020, 2028)},
			{ref: "4.3", guideline: "L 4", period: "Integrationskonzept 2021", ind: ip(shapeAchieved, 2020, 2026)},
		}},
		{"Gesundheit", []goalPlan{
			{ref: "4.4", guideline: "L 4", period: "Integrationskonzept 2021", ind: ip(shapeSlow, 2020, 2028)},
			{ref: "4.5", guideline: "L 4", period: "Integrationskonzept 2021", ind: ip(shapeLate, 2020, 2024)},
			{ref: "4.6", guideline: "L 4", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029)},
		}},
		{"Engagement", []goalPlan{
			{ref: "5.1", guideline: "L 5", period: "Integrationskonzept 2021", ind: ip(shapeAchieved, 2020, 2026)},
			{ref: "5.2", guideline: "L 5", period: "Fortschreibung 2024", ind: ip(shapeSingle, 2024, 2028)},
			{ref: "5.3", guideline: "L 5", period: "Integrationskonzept 2021", ind: ip(shapeOnTrack, 2020, 2029).without(2021, 2023)},
			{ref: "5.4", guideline: "L 5", period: "Integrationskonzept 2021", ind: ip(shapeSlow, 2020, 2028)},
		}},
	},
	extras: []extraIndicator{
		{top: "1.1", name: "Gemeinden mit regelmäßigem Integrationsangebot", unit: "%", direction: "higher",
			baseline: 58, target: 100, decimals: 1, plan: ip(shapeNone, 2024, 2028),
			desc:   "Anteil der Einheits- und Verbandsgemeinden mit mindestens einem regelmäßigen Angebot für Zugewanderte oder einer festen Ansprechperson. Der Ausgangswert stammt aus der Bestandsaufnahme 2024; jährlich erhoben wird ab 2026.",
			source: "Integrationskoordination des Landkreises, Bestandsaufnahme"},
		{field: "Sprachförderung", goal: 0, name: "Auslastung der Integrationskurse im Landkreis", unit: "%", direction: "range",
			baseline: 62, target: 80, upper: 88, decimals: 1, plan: ip(shapeOvershoot, 2020, 2030),
			desc:   "Belegte Plätze in Integrationskursen im Verhältnis zu den angebotenen Plätzen, Jahresmittel. Zwischen 80 und 88 % sind die Kurse ausgelastet, ohne dass Wartelisten entstehen.",
			source: "Bundesamt für Migration und Flüchtlinge, Integrationskursgeschäftsstatistik"},
	},
	refByGoal: true,
	perField:  4,
}
