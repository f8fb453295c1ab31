package exchange

import (
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// enum maps the codes of a graph enumeration to the German labels the spreadsheets use.
// Imports accept either, in any case and spelling of umlauts; exports write the labels.
type enum struct {
	codes  []string
	labels []string
	// aliases are further spellings an import accepts, folded, each mapped to its code.
	aliases map[string]string
	// names finds the closest label for a typo.
	names *nameIndex
}

func newEnum(codes []string, labels ...string) *enum {
	if len(codes) != len(labels) {
		panic("exchange: enum labels do not match the codes")
	}
	e := &enum{codes: codes, labels: labels, aliases: map[string]string{}, names: newNameIndex()}
	for _, l := range labels {
		e.names.add(l, l)
	}
	return e
}

// alias adds spellings an import accepts for code besides its label and the code itself
// ("strategisch" for a strategic goal, "kurz" for a short horizon).
func (e *enum) alias(code string, spellings ...string) *enum {
	if !slices.Contains(e.codes, code) {
		panic("exchange: alias for an unknown code " + code)
	}
	for _, s := range spellings {
		e.aliases[text.Fold(s)] = code
	}
	return e
}

// label returns the German label of code ("" stays "").
func (e *enum) label(code string) string {
	if i := slices.Index(e.codes, code); i >= 0 {
		return e.labels[i]
	}
	return code
}

// code returns the code for a label or code written in a cell; ok is false when it is
// neither.
func (e *enum) code(cell string) (string, bool) {
	f := text.Fold(strings.TrimSpace(cell))
	for i, c := range e.codes {
		if f == text.Fold(c) || f == text.Fold(e.labels[i]) || f == text.Fold(strings.ReplaceAll(c, "_", " ")) {
			return c, true
		}
	}
	if c, ok := e.aliases[f]; ok {
		return c, true
	}
	return "", false
}

// closest returns the labels nearest to a cell that is none of them, for suggestions.
func (e *enum) closest(cell string) []string { return e.names.closest(cell, 3) }

// allowed lists the labels, for templates and error messages.
func (e *enum) allowed() string { return strings.Join(e.labels, ", ") }

var (
	orgKinds = newEnum(graph.OrganisationKinds, "Verwaltung", "Jobcenter", "Agentur für Arbeit", "Ausländerbehörde",
		"Wohlfahrtsverband", "Bildungsträger", "Schule", "Kita / Familienzentrum", "Kammer", "Migrantenorganisation",
		"Verein", "Ehrenamtsinitiative", "Religionsgemeinschaft", "Unternehmen", "Gesundheitswesen", "Sonstige")
	networkKinds = newEnum(graph.NetworkKinds, "Steuerungsgruppe", "Runder Tisch", "Arbeitskreis", "Integrationsrat",
		"Beirat", "Sonstiges")
	networkLevels = newEnum(graph.NetworkLevels, "kreisweit", "kommunal")
	cadences      = newEnum(graph.Cadences, "wöchentlich", "vierzehntägig", "monatlich", "vierteljährlich",
		"halbjährlich", "jährlich", "unregelmäßig")
	statuses          = newEnum(graph.MeasureStatuses, "geplant", "aktiv", "pausiert", "abgeschlossen")
	measureLevels     = newEnum(graph.MeasureLevels, "strategisch", "operativ")
	formats           = newEnum(graph.MeasureFormats, "Präsenz", "online", "hybrid")
	visibilities      = newEnum([]string{string(graph.Public), string(graph.Internal)}, "öffentlich", "intern")
	populationSources = newEnum(graph.PopulationSources, "amtlich", "geschätzt")
	regionKinds       = newEnum(graph.RegionKinds, "Landkreis", "kreisfreie Stadt", "Land")
	canonicalFields   = newEnum(graph.CanonicalFields, "Sprache und Bildung", "Ausbildung, Arbeit, Wirtschaft", "Wohnen",
		"Gesundheit", "Kinder, Jugend, Familie", "Zusammenleben und Teilhabe", "Ehrenamt", "Sport und Freizeit",
		"Interkulturelle Öffnung")

	// The integration concept's enumerations.
	goalLevels = newEnum(graph.GoalLevels, "strategisches Ziel", "Handlungsziel").
			alias("strategic", "strategisch", "Leitziel", "Ziel").
			alias("operational", "operativ", "operatives Ziel", "Teilziel")
	priorities = newEnum(graph.Priorities, "Schwerpunkt", "Starterprojekt", "hoch", "mittel", "niedrig").
			alias("focus", "Schwerpunktziel", "Schwerpunktthema", "Schwerpunktmaßnahme").
			alias("starter", "Starter", "Startprojekt")
	horizons = newEnum(graph.Horizons, "kurzfristig", "mittelfristig", "langfristig").
			alias("short", "kurz").alias("medium", "mittel").alias("long", "lang")
	addressees = newEnum(graph.Addressees, "Landkreis", "Kommune", "Partner").
			alias("county", "Kreis", "Kreisverwaltung").
			alias("municipality", "Kommunen", "Gemeinde", "Gemeinden", "Stadt", "Städte").
			alias("partner", "Partner:innen", "Partnerinnen und Partner", "Träger")
	directions = newEnum(graph.IndicatorDirections, "höher ist besser", "niedriger ist besser", "Zielkorridor").
			alias("higher", "höher", "steigend", "mehr ist besser").
			alias("lower", "niedriger", "sinkend", "weniger ist besser").
			alias("range", "Korridor", "Bereich", "Spanne")
)

// yesNo parses a yes/no cell: ja, nein, x, true, false, 1, 0 (empty is no).
func yesNo(cell string) (bool, bool) {
	switch text.Fold(strings.TrimSpace(cell)) {
	case "", "nein", "n", "no", "false", "0", "falsch":
		return false, true
	case "ja", "j", "yes", "y", "true", "1", "x", "wahr":
		return true, true
	}
	return false, false
}

func yesNoLabel(b bool) string {
	if b {
		return "ja"
	}
	return "nein"
}
