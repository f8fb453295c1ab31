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
	SheetMeasures       SheetKind = "measures"
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
)

// column describes one column of a sheet.
type column struct {
	// header is the German header written into templates and exports.
	header string
	// field is the JSON name of the node property the column fills, so that validation
	// errors find their column ("" for columns that make relationships).
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
	{kind: SheetMeasures, name: "Maßnahmen", explain: "Angebote und Projekte. Ohne Schlüssel sind Titel, Träger und Gemeinden zusammen der Schlüssel.",
		columns: []column{
			colKeyDef,
			{header: "Titel", field: "title", aliases: []string{"Name", "Angebot", "Maßnahme"}, required: true, explain: "Pflicht. Titel der Maßnahme"},
			colRegionDef,
			{header: colDesc, field: "description", explain: "Was die Maßnahme bietet, für wen, wie (höchstens 10.000 Zeichen)"},
			{header: "Status", field: "status", required: true, enum: statuses, explain: "Pflicht. Stand der Maßnahme"},
			{header: "Ebene", field: "level", required: true, enum: measureLevels, explain: "Pflicht. strategisch (Konzepte, Koordination) oder operativ (Angebote für Menschen)"},
			{header: "Beginn", field: "starts", aliases: []string{"Start", "von"}, explain: "Erster Tag (JJJJ-MM-TT oder TT.MM.JJJJ)"},
			{header: "Ende", field: "ends", aliases: []string{"bis"}, explain: "Letzter Tag; leer: unbefristet"},
			{header: "Sprachen", field: "languages", explain: "Sprachen als ISO-639-Kürzel (de, ar, uk, tr …), getrennt durch ;"},
			{header: "Format", field: "format", enum: formats, explain: "Präsenz, online oder hybrid"},
			{header: "Kosten", field: "cost", aliases: []string{"Kosten (€)", "Gebühr"}, explain: "Gebühr je Person in Euro; 0 = kostenlos; leer: unbekannt"},
			{header: "Plätze", field: "capacity", aliases: []string{"Kapazität", "Teilnehmerplätze"}, explain: "Zahl der Plätze; leer: unbekannt"},
			{header: "Programm", field: "programme", aliases: []string{"Förderprogramm"}, explain: "Förder- oder Modellprogramm, z. B. Rucksack, Griffbereit, KIM"},
			{header: colWebsite, field: "website", aliases: []string{"Internet", "URL"}, explain: "Adresse mit https://"},
			{header: "Träger", aliases: []string{"Anbieter", "Organisation"}, explain: "Organisationen, die die Maßnahme anbieten (Name oder Schlüssel), getrennt durch ;"},
			{header: colFields, aliases: []string{"Handlungsfeld"}, explain: "Handlungsfelder des Kreises, getrennt durch ;", refValues: "fields"},
			{header: "Zielgruppen", aliases: []string{"Zielgruppe"}, explain: "Zielgruppen, getrennt durch ;", refValues: "target_groups"},
			{header: colMunis, aliases: []string{"Gemeinde", "Ort", "angeboten in"}, explain: "Gemeinden, in denen die Maßnahme angeboten wird (Name oder AGS), getrennt durch ;", refValues: "municipalities"},
			{header: "Ziele", aliases: []string{"Ziel"}, explain: "Ziele des Integrationskonzepts, die die Maßnahme verfolgt (Text oder ID), getrennt durch ;", refValues: "goals"},
			colVisibilityDef,
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
