package exchange

import (
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// SheetKind names one of the spreadsheet tables an import reads and a template holds.
type SheetKind string

// The sheets, in the order an import processes them (a sheet only refers to entries of the
// sheets before it, or to what the store holds).
const (
	SheetMunicipalities SheetKind = "municipalities"
	SheetOrganisations  SheetKind = "organisations"
	SheetActors         SheetKind = "actors"
	SheetNetworks       SheetKind = "networks"
	SheetMemberships    SheetKind = "memberships"
	SheetCooperations   SheetKind = "cooperations"
	// The integration concept: the concepts, their periods, Leitlinien, goals, indicators
	// and the indicators' measured values.
	SheetConcepts        SheetKind = "concepts"
	SheetPeriods         SheetKind = "concept_periods"
	SheetGuidelines      SheetKind = "guidelines"
	SheetGoals           SheetKind = "goals"
	SheetIndicators      SheetKind = "indicators"
	SheetIndicatorValues SheetKind = "indicator_values"
	SheetMeasures        SheetKind = "measures"
	// SheetStatusNotes holds the measures' earlier status notes (the newest is a column of
	// the measures sheet).
	SheetStatusNotes SheetKind = "status_notes"
)

// Column headers shared by several sheets.
const (
	colKey        = "Schlüssel"
	colRegion     = "Kreis"
	colVisibility = "Sichtbarkeit"
	colName       = "Name"
	colDesc       = "Beschreibung"
	colWebsite    = "Website"
	colEmail      = "E-Mail"
	colPhone      = "Telefon"
	colKind       = "Art"
	colMunis      = "Gemeinden"
	colFields     = "Handlungsfelder"
	colRole       = "Rolle"
	colSince      = "Seit"
	colTitle      = "Titel"
	colReference  = "Nummer"
	colConcept    = "Konzept"
	colGuideline  = "Leitlinie"
	colGoal       = "Ziel"
	colParent     = "Oberziel"
	colGoals      = "Ziele"
	colIndicator  = "Kennzahl"
	colMeasure    = "Maßnahme"
	colStarts     = "Beginn"
	colPeriod     = "Zeitraum"
	colYear       = "Jahr"
	colValue      = "Wert"
	colMunicipal  = "Kommune"
	colPriority   = "Priorität"
	colLevel      = "Ebene"
	colProviders  = "Träger"
	colLead       = "Federführung"
	colPartners   = "Partner"
	colFunder     = "Fördergeber"
	colAmount     = "Fördersumme"
	colFundFrom   = "Förderung von"
	colFundTo     = "Förderung bis"
	colNeutral    = "haushaltsneutral"
	colNoteDate   = "Sachstand vom"
	colNote       = "Sachstand"
	colDate       = "Datum"
)

// column describes one column of a sheet.
type column struct {
	// header is the German header written into templates and exports.
	header string
	// field is the JSON name of the node property the column fills, so that validation
	// errors find their column ("" for columns that make relationships); a property of the
	// items of a list is written with a dot ("funding.funder" receives the errors of
	// "funding[1].funder").
	field string
	// aliases are further accepted headers (the English JSON name is always accepted).
	aliases []string
	// required columns must be present and their cells filled.
	required bool
	// explain is the text of the template's explanation row.
	explain string
	// enum, when set, lists the allowed values.
	enum *enum
	// refValues names the reference data whose names are the allowed values (fields,
	// target groups, municipalities), listed in templates made for a region.
	refValues string
}

// sheetDef describes one sheet.
type sheetDef struct {
	kind SheetKind
	// name is the German sheet name (XLSX) and, lower-cased and transliterated, the CSV
	// file name.
	name    string
	explain string
	columns []column
}

func (s *sheetDef) file() string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")
	return strings.ToLower(r.Replace(s.name)) + ".csv"
}

func (s *sheetDef) column(header string) *column {
	for i := range s.columns {
		if s.columns[i].header == header {
			return &s.columns[i]
		}
	}
	return nil
}

// headers returns the German headers in order.
func (s *sheetDef) headers() []string {
	out := make([]string, len(s.columns))
	for i, c := range s.columns {
		out[i] = c.header
	}
	return out
}

// match returns the column a header cell names: its German header, an alias or the field
// name, compared after folding case, umlauts and spaces.
func (s *sheetDef) match(cell string) *column {
	f := foldHeader(cell)
	for i := range s.columns {
		c := &s.columns[i]
		if f == foldHeader(c.header) || (c.field != "" && f == foldHeader(c.field)) {
			return c
		}
		for _, a := range c.aliases {
			if f == foldHeader(a) {
				return c
			}
		}
	}
	return nil
}

// foldHeader folds a header for comparison: umlauts, case, spaces, hyphens, underscores,
// a trailing asterisk (templates mark required columns) and text in parentheses.
func foldHeader(s string) string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "*"))
	if i := strings.Index(s, "("); i > 0 {
		s = s[:i]
	}
	s = text.Fold(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '.', '/':
			return -1
		}
		return r
	}, s)
}

var (
	colRegionDef = column{header: colRegion, field: "region", aliases: []string{"Landkreis", "Kreisschlüssel"}, required: true,
		explain: "Pflicht. Kreisschlüssel (5 Ziffern, z. B. 05562) oder Name des Kreises; leer: der beim Import gewählte Kreis"}
	colVisibilityDef = column{header: colVisibility, field: "visibility", enum: visibilities,
		explain: "öffentlich (Transparenzkarte) oder intern (nur angemeldete Mitglieder des Kreises); leer: öffentlich"}
	colKeyDef = column{header: colKey, field: "id", aliases: []string{"ID", "Kennung", "external_id"},
		explain: "Stabiler Schlüssel des Eintrags: die Netzwerkatlas-ID (z. B. org_01J…) oder ein eigener Schlüssel (z. B. ORG-17). Gleicher Schlüssel = gleicher Eintrag beim erneuten Import; leer: der Name ist der Schlüssel"}
)

// sheets lists the sheets in processing order.
var sheets = []*sheetDef{
	{kind: SheetMunicipalities, name: "Gemeinden", explain: "Einwohnerzahlen der Gemeinden (Bevölkerung, ausländische Bevölkerung, Schutzsuchende). Grenzen kommen als GeoJSON (VG250).",
		columns: []column{
			{header: "AGS", field: "id", aliases: []string{"Gemeindeschlüssel", "Amtlicher Gemeindeschlüssel"}, required: true, explain: "Pflicht. Amtlicher Gemeindeschlüssel, 8 Ziffern (z. B. 05562004)"},
			{header: colName, field: "name", explain: "Name der Gemeinde; nötig nur für eine neue Gemeinde", refValues: "municipalities"},
			{header: colRegion, field: "region", aliases: colRegionDef.aliases, explain: "Kreisschlüssel oder Name des Kreises; leer: aus dem AGS"},
			{header: "Einwohner", field: "population", aliases: []string{"Bevölkerung", "EWZ"}, explain: "Einwohnerzahl (ganze Zahl)"},
			{header: "Ausländische Bevölkerung", field: "foreign_population", aliases: []string{"Ausländer"}, explain: "Einwohner ohne deutsche Staatsangehörigkeit"},
			{header: "Schutzsuchende", field: "protection_seekers", explain: "Schutzsuchende (ganze Zahl)"},
			{header: "Bezugsjahr", field: "population_year", aliases: []string{"Jahr"}, explain: "Jahr der Zahlen, z. B. 2022"},
			{header: "Quelle Einwohner", field: "population_source", enum: populationSources, explain: "amtlich oder geschätzt"},
			{header: "Quelle Ausländerzahlen", field: "foreign_source", enum: populationSources, explain: "amtlich oder geschätzt"},
			colVisibilityDef,
		}},
	{kind: SheetOrganisations, name: "Organisationen", explain: "Verwaltungen, Verbände, Träger, Schulen, Vereine, Initiativen.",
		columns: []column{
			colKeyDef,
			{header: colName, field: "name", required: true, explain: "Pflicht. Name der Organisation (höchstens 200 Zeichen)"},
			colRegionDef,
			{header: colKind, field: "kind", aliases: []string{"Typ", "Organisationsart"}, required: true, enum: orgKinds, explain: "Pflicht. Art der Organisation"},
			{header: colDesc, field: "description", explain: "Was die Organisation tut (höchstens 10.000 Zeichen)"},
			{header: colWebsite, field: "website", aliases: []string{"Internet", "URL"}, explain: "Adresse mit https://"},
			{header: colEmail, field: "email", aliases: []string{"Mail", "E-Mail-Adresse"}, explain: "Allgemeine Kontaktadresse (keine persönliche)"},
			{header: colPhone, field: "phone", explain: "Allgemeine Telefonnummer"},
			{header: "Straße", field: "street", aliases: []string{"Strasse", "Adresse"}, explain: "Straße und Hausnummer"},
			{header: "PLZ", field: "postal_code", aliases: []string{"Postleitzahl"}, explain: "Postleitzahl (5 Ziffern)"},
			{header: "Ort", field: "city", explain: "Ort der Anschrift"},
			{header: "Breitengrad", field: "lat", aliases: []string{"Breite", "Latitude"}, explain: "Breitengrad (WGS84), z. B. 51,6139; zusammen mit dem Längengrad"},
			{header: "Längengrad", field: "lon", aliases: []string{"Länge", "Longitude"}, explain: "Längengrad (WGS84), z. B. 7,0996"},
			{header: colMunis, aliases: []string{"aktiv in", "Einsatzgebiet"}, explain: "Gemeinden, in denen die Organisation tätig ist (Name oder AGS), getrennt durch ;", refValues: "municipalities"},
			colVisibilityDef,
		}},
	{kind: SheetActors, name: "Akteure", explain: "Personen (Haupt- und Ehrenamtliche). Name, E-Mail und Telefon sind personenbezogene Daten: nur mit Einwilligung eintragen.",
		columns: []column{
			colKeyDef,
			{header: colName, field: "name", required: true, explain: "Pflicht. Name der Person"},
			colRegionDef,
			{header: "Funktion", field: "role", aliases: []string{"Position"}, explain: "Funktion, z. B. Integrationsbeauftragte"},
			{header: colEmail, field: "email", explain: "E-Mail-Adresse (personenbezogen)"},
			{header: colPhone, field: "phone", explain: "Telefonnummer (personenbezogen)"},
			{header: "Einwilligung", field: "consent", explain: "ja, wenn die Person der Veröffentlichung ihrer Kontaktdaten zugestimmt hat; sonst nein"},
			{header: "Organisationen", aliases: []string{"Organisation", "arbeitet für"}, explain: "Organisationen, für die die Person arbeitet (Name oder Schlüssel), getrennt durch ;"},
			{header: "Rolle in der Organisation", explain: "Rolle in diesen Organisationen, z. B. Geschäftsführung"},
			{header: colVisibility, field: "visibility", enum: visibilities, explain: "öffentlich oder intern; leer: intern"},
		}},
	{kind: SheetNetworks, name: "Netzwerke", explain: "Steuerungsgruppen, Runde Tische, Arbeitskreise, Integrationsräte, Beiräte.",
		columns: []column{
			colKeyDef,
			{header: colName, field: "name", required: true, explain: "Pflicht. Name des Netzwerks"},
			colRegionDef,
			{header: colKind, field: "kind", aliases: []string{"Typ"}, required: true, enum: networkKinds, explain: "Pflicht. Art des Netzwerks"},
			{header: "Ebene", field: "level", required: true, enum: networkLevels, explain: "Pflicht. kreisweit oder kommunal"},
			{header: "Turnus", field: "cadence", aliases: []string{"Sitzungsturnus"}, enum: cadences, explain: "Wie oft sich das Netzwerk trifft"},
			{header: colDesc, field: "description", aliases: []string{"Zweck"}, explain: "Zweck des Netzwerks"},
			{header: colMunis, aliases: []string{"deckt ab"}, explain: "Gemeinden, die das Netzwerk abdeckt (Name oder AGS), getrennt durch ;", refValues: "municipalities"},
			{header: colFields, aliases: []string{"Handlungsfeld"}, explain: "Handlungsfelder, an denen das Netzwerk arbeitet, getrennt durch ;", refValues: "fields"},
			colVisibilityDef,
		}},
	{kind: SheetMemberships, name: "Mitgliedschaften", explain: "Wer in welchem Netzwerk sitzt. Für jedes Netzwerk, das hier vorkommt, gelten genau die aufgeführten Mitglieder.",
		columns: []column{
			{header: "Netzwerk", required: true, explain: "Pflicht. Name oder Schlüssel des Netzwerks"},
			{header: colRegion, aliases: colRegionDef.aliases, explain: "Kreisschlüssel oder Name des Kreises; leer: der beim Import gewählte Kreis"},
			{header: "Organisation", explain: "Name oder Schlüssel der Mitgliedsorganisation (entweder Organisation oder Person)"},
			{header: "Person", aliases: []string{"Akteur"}, explain: "Name oder Schlüssel der Person (entweder Organisation oder Person)"},
			{header: colRole, explain: "Rolle im Netzwerk, z. B. Vorsitz, Geschäftsführung"},
			{header: colSince, aliases: []string{"Mitglied seit"}, explain: "Beginn der Mitgliedschaft (JJJJ-MM-TT oder TT.MM.JJJJ)"},
		}},
	{kind: SheetCooperations, name: "Kooperationen", explain: "Ausdrückliche Kooperationen zwischen zwei Organisationen. Für jede Organisation, die hier vorkommt, gelten genau die aufgeführten Kooperationen.",
		columns: []column{
			{header: "Organisation", required: true, explain: "Pflicht. Name oder Schlüssel der einen Organisation"},
			{header: "Partner", required: true, aliases: []string{"Partnerorganisation"}, explain: "Pflicht. Name oder Schlüssel der anderen Organisation"},
			{header: colRegion, aliases: colRegionDef.aliases, explain: "Kreisschlüssel oder Name des Kreises; leer: der beim Import gewählte Kreis"},
			{header: colSince, explain: "Beginn der Kooperation (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: "Notiz", aliases: []string{"Bemerkung", "Inhalt"}, explain: "Worum es in der Kooperation geht"},
		}},
	{kind: SheetConcepts, name: "Konzepte", explain: "Das Integrationskonzept des Kreises (Integrationsplan, Integrationskonzept); seine Zeiträume (erster Plan, Fortschreibungen) stehen im Blatt Zeiträume.",
		columns: []column{
			colKeyDef,
			{header: colTitle, field: "title", aliases: []string{"Name", colConcept}, required: true, explain: "Pflicht. Titel des Konzepts, z. B. Integrationskonzept Kreis Recklinghausen"},
			colRegionDef,
			{header: colDesc, field: "description", explain: "Worum es geht: Methode, Umfang, Beteiligte (höchstens 10.000 Zeichen)"},
			{header: "Beschlossen am", field: "adopted", aliases: []string{"Beschluss", "Beschlussdatum", "beschlossen"}, explain: "Tag des Kreistagsbeschlusses (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: colWebsite, field: "website", aliases: []string{"Internet", "URL", "Link"}, explain: "Adresse des veröffentlichten Konzepts mit https://"},
			colVisibilityDef,
			{header: colMunicipal, field: "municipality", aliases: []string{"Gemeinde", "AGS", "Stadt"}, explain: "Nur für das eigene Konzept einer Stadt oder Gemeinde: ihr Name oder AGS; leer: das Konzept des Kreises", refValues: "municipalities"},
			{header: colFields, aliases: []string{"Handlungsfeld"}, explain: "Nur für das Konzept einer Stadt oder Gemeinde: die Handlungsfelder des Kreises, die es behandelt, getrennt durch ;", refValues: "fields"},
		}},
	{kind: SheetPeriods, name: "Zeiträume", explain: "Die Zeiträume der Konzepte: der erste Plan und jede Fortschreibung, eine Zeile je Zeitraum. Für jedes Konzept, das hier vorkommt, gelten genau die aufgeführten Zeiträume in dieser Reihenfolge.",
		columns: []column{
			{header: colConcept, required: true, explain: "Pflicht. Titel oder Schlüssel des Konzepts (Blatt Konzepte); eine Zeile je Zeitraum, das Konzept also in jeder Zeile wiederholen", refValues: "concepts"},
			{header: colRegion, aliases: colRegionDef.aliases, explain: "Kreisschlüssel oder Name des Kreises; leer: der beim Import gewählte Kreis"},
			{header: colPeriod, field: "periods.name", aliases: []string{"Name", "Fortschreibung"}, required: true, explain: "Pflicht. Name des Zeitraums, z. B. Integrationsplan 2017 oder Fortschreibung 2019; je Konzept nur einmal. Die Ziele nennen ihn in der Spalte Zeitraum"},
			{header: colStarts, field: "periods.starts", aliases: []string{"von", "ab"}, required: true, explain: "Pflicht. Erster Tag (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: "Ende", field: "periods.ends", aliases: []string{"bis"}, explain: "Letzter Tag; leer: offen (der laufende Zeitraum)"},
		}},
	{kind: SheetGuidelines, name: "Leitlinien", explain: "Die Leitlinien (Leitbilder, Grundsätze) eines Konzepts; die Ziele stehen darunter.",
		columns: []column{
			colKeyDef,
			{header: colTitle, field: "title", aliases: []string{colGuideline, "Name", "Grundsatz"}, required: true, explain: "Pflicht. Die Leitlinie, z. B. Integration ist Querschnittsaufgabe"},
			colRegionDef,
			{header: colConcept, field: "concept", required: true, explain: "Pflicht. Titel oder Schlüssel des Konzepts, zu dem die Leitlinie gehört (Blatt Konzepte)", refValues: "concepts"},
			{header: colReference, field: "reference", aliases: []string{"Nr", "Referenz", "Kennung im Konzept"}, explain: "Nummer im Konzept, z. B. L 2"},
			{header: colDesc, field: "description", explain: "Erläuterung der Leitlinie"},
			colVisibilityDef,
		}},
	{kind: SheetGoals, name: "Ziele", explain: "Die Ziele des Konzepts: strategische Ziele und die Handlungsziele darunter (Spalte Oberziel). Die Reihenfolge der Zeilen ist beliebig.",
		columns: []column{
			colKeyDef,
			{header: colGoal, field: "text", aliases: []string{"Text", "Zielformulierung", "Zieltext"}, required: true, explain: "Pflicht. Das Ziel in einem Satz, z. B. Alle Kinder mit Zuwanderungsgeschichte besuchen ab drei Jahren eine Kita"},
			colRegionDef,
			{header: colConcept, field: "concept", explain: "Titel oder Schlüssel des Konzepts; leer: das Konzept der Leitlinie oder des Oberziels", refValues: "concepts"},
			{header: colGuideline, field: "guideline", aliases: []string{"Leitbild"}, explain: "Titel oder Schlüssel der Leitlinie, der das Ziel dient (Blatt Leitlinien)", refValues: "guidelines"},
			{header: colParent, field: "parent", aliases: []string{"übergeordnetes Ziel", "strategisches Ziel"}, explain: "Text oder Schlüssel des übergeordneten Ziels (bei Handlungszielen); es darf auch weiter unten im Blatt stehen", refValues: "goals"},
			{header: colLevel, field: "level", enum: goalLevels, explain: "strategisches Ziel oder Handlungsziel"},
			{header: colReference, field: "reference", aliases: []string{"Nr", "Referenz", "Zielnummer"}, explain: "Nummer im Konzept, z. B. 1.3"},
			{header: colPriority, field: "priority", aliases: []string{"Prio"}, enum: priorities, explain: "Rang des Ziels"},
			{header: colPeriod, field: "period", aliases: []string{"Fortschreibung"}, explain: "Der Zeitraum des Konzepts, der das Ziel gesetzt hat (Blatt Zeiträume), z. B. Fortschreibung 2019", refValues: "periods"},
			{header: colStarts, field: "starts", aliases: []string{"Start", "von"}, explain: "Beginn der Arbeit am Ziel (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: "Fällig", field: "due", aliases: []string{"Fälligkeit", "Frist", "Zieldatum", "bis"}, explain: "Bis wann das Ziel erreicht sein soll"},
			{header: colDesc, field: "description", explain: "Erläuterung: warum, wie gemessen, wer verantwortlich ist"},
			{header: colFields, aliases: []string{"Handlungsfeld"}, explain: "Handlungsfelder des Kreises, zu denen das Ziel gehört, getrennt durch ;", refValues: "fields"},
			colVisibilityDef,
		}},
	{kind: SheetIndicators, name: "Kennzahlen", explain: "Die Kennzahlen, an denen die Ziele gemessen werden: Ausgangswert, Zielwert und Richtung. Die gemessenen Werte stehen im Blatt Kennzahlwerte.",
		columns: []column{
			colKeyDef,
			{header: colName, field: "name", aliases: []string{colIndicator, "Indikator"}, required: true, explain: "Pflicht. Name der Kennzahl, z. B. Kita-Besuchsquote der Kinder mit Zuwanderungsgeschichte"},
			colRegionDef,
			{header: colGoals, aliases: []string{colGoal}, explain: "Ziele, die die Kennzahl misst (Text oder Schlüssel), getrennt durch ;", refValues: "goals"},
			{header: colDesc, field: "description", explain: "Was gezählt wird und wie"},
			{header: "Richtung", field: "direction", enum: directions, explain: "Was Fortschritt ist; Pflicht, wenn ein Zielwert steht. Zielkorridor: der Wert soll zwischen Zielwert und Zielwert oben liegen"},
			{header: "Ausgangswert", field: "baseline", aliases: []string{"Basiswert"}, explain: "Gemessener Wert, von dem das Konzept ausgeht (Zahl, z. B. 71,5); mit Ausgangsjahr"},
			{header: "Ausgangsjahr", field: "baseline_year", aliases: []string{"Basisjahr"}, explain: "Jahr des Ausgangswerts, z. B. 2022"},
			{header: "Zielwert", field: "target", explain: "Angestrebter Wert; beim Zielkorridor seine Untergrenze"},
			{header: "Zielwert oben", field: "target_upper", aliases: []string{"Zielwert bis", "Obergrenze"}, explain: "Nur beim Zielkorridor: seine Obergrenze"},
			{header: "Zieljahr", field: "target_year", explain: "Jahr, bis zu dem der Zielwert erreicht sein soll; nur mit Zielwert"},
			{header: "Einheit", field: "unit", explain: "Einheit der Werte, z. B. %, Personen"},
			{header: "Quelle", field: "source", aliases: []string{"Datenquelle"}, explain: "Woher die Werte kommen, z. B. IT.NRW, Kita-Statistik"},
			colVisibilityDef,
		}},
	{kind: SheetIndicatorValues, name: "Kennzahlwerte", explain: "Gemessene Werte der Kennzahlen, eine Zeile je Kennzahl, Jahr und Kommune. Ein neues Jahr kommt hinzu, ein vorhandenes wird geändert; nicht aufgeführte Werte bleiben.",
		columns: []column{
			{header: colIndicator, required: true, aliases: []string{"Kennzahlen", "Indikator"}, explain: "Pflicht. Name oder Schlüssel der Kennzahl (Blatt Kennzahlen)", refValues: "indicators"},
			{header: colRegion, aliases: colRegionDef.aliases, explain: "Kreisschlüssel oder Name des Kreises; leer: der beim Import gewählte Kreis"},
			{header: colYear, field: "values.year", required: true, aliases: []string{"Bezugsjahr"}, explain: "Pflicht. Bezugsjahr des Werts; ein Jahr, das noch nicht begonnen hat, geht nicht (das Ziel gehört in Zielwert und Zieljahr)"},
			{header: colMunicipal, field: "values.municipality", aliases: []string{"Gemeinde", "AGS"}, explain: "Gemeinde (Name oder AGS), für die der Wert gilt; leer: der ganze Kreis", refValues: "municipalities"},
			{header: colValue, field: "values.value", required: true, aliases: []string{"Messwert", "Istwert"}, explain: "Pflicht (die Spalte). Der gemessene Wert (Zahl); eine leere Zelle löscht den gespeicherten Wert dieses Jahres und dieser Kommune"},
		}},
	{kind: SheetMeasures, name: "Maßnahmen", explain: "Angebote und Projekte. Ohne Schlüssel sind Titel, Träger und Gemeinden zusammen der Schlüssel.",
		columns: []column{
			colKeyDef,
			{header: colTitle, field: "title", aliases: []string{"Name", "Angebot", colMeasure}, required: true, explain: "Pflicht. Titel der Maßnahme"},
			colRegionDef,
			{header: colReference, field: "reference", aliases: []string{"Nr", "Referenz", "Maßnahmennummer"}, explain: "Nummer im Konzept, z. B. IP 1.3"},
			{header: colDesc, field: "description", explain: "Was die Maßnahme bietet, für wen, wie (höchstens 10.000 Zeichen)"},
			{header: "Status", field: "status", required: true, enum: statuses, explain: "Pflicht. Stand der Maßnahme"},
			{header: colLevel, field: "level", required: true, enum: measureLevels, explain: "Pflicht. strategisch (Konzepte, Koordination) oder operativ (Angebote für Menschen)"},
			{header: colPriority, field: "priority", aliases: []string{"Prio"}, enum: priorities, explain: "Rang der Maßnahme im Konzept"},
			{header: "Zeithorizont", field: "horizon", aliases: []string{"Horizont", "Umsetzungszeitraum"}, enum: horizons, explain: "Wann die Maßnahme wirken soll"},
			{header: "Adressat", field: "addressee", aliases: []string{"Adressaten", "Zuständigkeit"}, enum: addressees, explain: "Wen das Konzept zum Handeln auffordert"},
			{header: "Wirkung", field: "effect", aliases: []string{"beabsichtigte Wirkung", "Wirkungsziel"}, explain: "Die beabsichtigte Wirkung"},
			{header: colStarts, field: "starts", aliases: []string{"Start", "von"}, explain: "Erster Tag (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: "Ende", field: "ends", aliases: []string{"bis"}, explain: "Letzter Tag; leer: unbefristet"},
			{header: "Sprachen", field: "languages", explain: "Sprachen als ISO-639-Kürzel (de, ar, uk, tr …), getrennt durch ;"},
			{header: "Format", field: "format", enum: formats, explain: "Präsenz, online oder hybrid"},
			{header: "Teilnahmegebühr", field: "cost", aliases: []string{"Kosten", "Kosten (€)", "Gebühr", "Gebühr je Person"}, explain: "Gebühr je Person in Euro; 0 = kostenlos; leer: unbekannt. Was die Maßnahme selbst kostet, steht unter Förderung"},
			{header: "Plätze", field: "capacity", aliases: []string{"Kapazität", "Teilnehmerplätze"}, explain: "Zahl der Plätze; leer: unbekannt"},
			{header: "Programm", field: "programme", aliases: []string{"Förderprogramm"}, explain: "Förder- oder Modellprogramm, z. B. Rucksack, Griffbereit, KIM"},
			{header: colWebsite, field: "website", aliases: []string{"Internet", "URL"}, explain: "Adresse mit https://"},
			{header: colProviders, aliases: []string{"Anbieter", "Organisation"}, explain: "Organisationen, die die Maßnahme anbieten (Name oder Schlüssel), getrennt durch ;. Wer federführend oder Partner ist, steht in den nächsten Spalten (hier nicht noch einmal nötig)"},
			{header: colLead, aliases: []string{"federführend", "Federführende Organisation", "Lead"}, explain: "Die federführende Organisation (Name oder Schlüssel); mehrere getrennt durch ;. Fehlt die Spalte, bleibt die gespeicherte Federführung"},
			{header: colPartners, aliases: []string{"Partnerorganisationen", "Kooperationspartner"}, explain: "Partnerorganisationen der Maßnahme (Name oder Schlüssel), getrennt durch ;. Eine Organisation hat nur eine Rolle: nicht zugleich Federführung und Partner"},
			{header: colFields, aliases: []string{"Handlungsfeld"}, explain: "Handlungsfelder des Kreises, getrennt durch ;", refValues: "fields"},
			{header: "Zielgruppen", aliases: []string{"Zielgruppe"}, explain: "Zielgruppen, getrennt durch ;", refValues: "target_groups"},
			{header: colMunis, aliases: []string{"Gemeinde", "Ort", "angeboten in"}, explain: "Gemeinden, in denen die Maßnahme angeboten wird (Name oder AGS), getrennt durch ;", refValues: "municipalities"},
			{header: colGoals, aliases: []string{colGoal}, explain: "Ziele des Integrationskonzepts, die die Maßnahme verfolgt (Text oder Schlüssel), getrennt durch ;", refValues: "goals"},
			{header: colFunder, field: "funding.funder", aliases: []string{"Förderer", "Finanzierung", "Geldgeber"}, explain: "Förderung der Maßnahme (nicht die Gebühr): wer zahlt, z. B. Land NRW, KOMM-AN. Mehrere Förderungen: in allen Förderspalten die Werte in derselben Reihenfolge durch ; trennen (leere Stelle: ; ;)"},
			{header: colAmount, field: "funding.amount", aliases: []string{"Förderbetrag", "Betrag"}, explain: "Betrag der Förderung in Euro für den Förderzeitraum"},
			{header: colFundFrom, field: "funding.starts", aliases: []string{"Förderzeitraum von", "Förderbeginn"}, explain: "Erster Tag des Förderzeitraums"},
			{header: colFundTo, field: "funding.ends", aliases: []string{"Förderzeitraum bis", "Förderende"}, explain: "Letzter Tag des Förderzeitraums"},
			{header: colNeutral, field: "funding.budget_neutral", aliases: []string{"kostenneutral"}, explain: "ja, wenn die Maßnahme kein zusätzliches Geld braucht (dann ohne Betrag, Fördergeber frei); sonst nein"},
			{header: colNoteDate, field: "status_notes.date", aliases: []string{"Sachstand Datum", "Stand vom"}, explain: "Datum des aktuellen Sachstands. Ein neues Datum fügt einen Sachstand hinzu, ein vorhandenes ändert dessen Text; frühere Sachstände bleiben (Blatt Sachstände)"},
			{header: colNote, field: "status_notes.text", aliases: []string{"aktueller Sachstand"}, explain: "Was erreicht ist, was sich verzögert und warum"},
			colVisibilityDef,
		}},
	{kind: SheetStatusNotes, name: "Sachstände", explain: "Frühere Sachstände der Maßnahmen (der neueste steht im Blatt Maßnahmen), eine Zeile je Maßnahme und Datum. Ein neues Datum kommt hinzu, ein vorhandenes ändert den Text; nicht aufgeführte bleiben.",
		columns: []column{
			{header: colMeasure, required: true, aliases: []string{colTitle}, explain: "Pflicht. Titel oder Schlüssel der Maßnahme (Blatt Maßnahmen); bei mehreren Maßnahmen gleichen Titels der Schlüssel"},
			{header: colRegion, aliases: colRegionDef.aliases, explain: "Kreisschlüssel oder Name des Kreises; leer: der beim Import gewählte Kreis"},
			{header: colDate, field: "status_notes.date", required: true, aliases: []string{"Stand vom"}, explain: "Pflicht. Datum des Sachstands (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: colNote, field: "status_notes.text", required: true, aliases: []string{"Text"}, explain: "Pflicht. Der Sachstand"},
		}},
}

// sheetByKind returns the definition of a sheet.
func sheetByKind(k SheetKind) *sheetDef {
	for _, s := range sheets {
		if s.kind == k {
			return s
		}
	}
	return nil
}

// SheetKinds lists the sheets in the order an import processes them.
func SheetKinds() []SheetKind {
	out := make([]SheetKind, len(sheets))
	for i, s := range sheets {
		out[i] = s.kind
	}
	return out
}

// sheetByName finds a sheet by its German name, its CSV file name or its kind.
func sheetByName(name string) *sheetDef {
	f := foldHeader(strings.TrimSuffix(strings.ToLower(name), ".csv"))
	for _, s := range sheets {
		if f == foldHeader(s.name) || f == foldHeader(string(s.kind)) || f == foldHeader(strings.TrimSuffix(s.file(), ".csv")) {
			return s
		}
	}
	return nil
}

// sheetByHeaders picks the sheet whose columns a header row names: every header must be a
// column of the sheet and every required column must be there; of several, the one with the
// most matching headers wins.
func sheetByHeaders(headers []string) *sheetDef {
	var best *sheetDef
	bestScore := 0
	for _, s := range sheets {
		score := 0
		ok := true
		seen := map[string]bool{}
		for _, h := range headers {
			if strings.TrimSpace(h) == "" {
				continue
			}
			c := s.match(h)
			if c == nil {
				ok = false
				break
			}
			seen[c.header] = true
			score++
		}
		for _, c := range s.columns {
			if c.required && c.header != colRegion && !seen[c.header] {
				ok = false
			}
		}
		if ok && score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// sheetNames lists the German sheet names, for messages.
func sheetNames() string {
	var names []string
	for _, s := range sheets {
		names = append(names, s.name)
	}
	return strings.Join(names, ", ")
}

// knownHeaders lists the headers of s, for messages.
func (s *sheetDef) knownHeaders() []string { return slices.Clone(s.headers()) }
