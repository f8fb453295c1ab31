package graph

// The enumerations of the domain. Codes are English (they appear in the API); the frontend's
// message catalogue gives the German and English labels.

// RegionKinds: Landkreis, kreisfreie Stadt, Land.
var RegionKinds = []string{"county", "city", "state"}

// PopulationSources says where population figures come from.
var PopulationSources = []string{"official", "approximate"}

// CanonicalFields are the shared reference fields of action that every county's own fields
// map to, so that counties can be compared.
var CanonicalFields = []string{
	"language_education", // Sprache und Bildung
	"work",               // Ausbildung, Arbeit, Wirtschaft
	"housing",            // Wohnen (und Mobilität)
	"health",             // Gesundheit (und Sport)
	"family",             // Kinder, Jugend, Familie
	"participation",      // Zusammenleben und Teilhabe
	"engagement",         // Ehrenamt, bürgerschaftliches Engagement
	"sport_leisure",      // Sport und Freizeit
	"institutional",      // interkulturelle Öffnung, Verwaltung als Querschnittsaufgabe
}

// OrganisationKinds classify organisations.
var OrganisationKinds = []string{
	"administration",        // Verwaltung (Kreis, Stadt, Gemeinde)
	"jobcenter",             // Jobcenter
	"employment_agency",     // Agentur für Arbeit
	"immigration_authority", // Ausländerbehörde
	"welfare_association",   // Wohlfahrtsverband (Caritas, Diakonie, AWO, DRK, Paritätischer)
	"education_provider",    // Bildungsträger, VHS
	"school",                // Schule, Schulamt
	"daycare",               // Kita, Familienzentrum
	"chamber",               // Kammer (IHK, HWK)
	"migrant_organisation",  // Migrantenorganisation
	"club",                  // Verein, Sportverein
	"volunteer_initiative",  // Ehrenamtsinitiative
	"religious_community",   // Religionsgemeinschaft
	"business",              // Unternehmen
	"health_provider",       // Gesundheitswesen
	"other",
}

// NetworkKinds classify networks.
var NetworkKinds = []string{
	"steering_group",      // Steuerungsgruppe
	"round_table",         // Runder Tisch
	"working_group",       // Arbeitskreis, Arbeitsgruppe
	"integration_council", // Integrationsrat
	"advisory_board",      // Beirat
	"other",
}

// NetworkLevels: kreisweit or kommunal.
var NetworkLevels = []string{"county", "municipal"}

// Cadences say how often a network meets.
var Cadences = []string{"weekly", "biweekly", "monthly", "quarterly", "semiannual", "annual", "irregular"}

// MeasureStatuses is the life cycle of a measure.
var MeasureStatuses = []string{"planned", "active", "paused", "completed"}

// MeasureLevels: strategic (concepts, coordination) or operational (offers for people).
var MeasureLevels = []string{"strategic", "operational"}

// MeasureFormats say how a measure is delivered.
var MeasureFormats = []string{"in_person", "online", "hybrid"}

// Verdicts a reviewer gives to a pair of duplicate candidates. VerdictCoordinating
// ("Abstimmung angestoßen") is for two measures only and carries a due date (RelProps.Due).
var Verdicts = []string{"duplicate", "intended", "not_duplicate", VerdictCoordinating}

// VerdictCoordinating says that the providers of a parallel offer were asked to coordinate,
// and by when that should be settled: the pair stays visible until a final verdict.
const VerdictCoordinating = "coordinating"

// GoalLevels: a strategic goal or an operational one (Handlungsziel).
var GoalLevels = []string{"strategic", "operational"}

// Priorities rank goals and measures: focus (Schwerpunkt), starter (Starterprojekt), then
// high, medium, low.
var Priorities = []string{"focus", "starter", "high", "medium", "low"}

// Horizons say when a measure is expected to take effect: kurz-, mittel-, langfristig.
var Horizons = []string{"short", "medium", "long"}

// Addressees say whom the concept asks to act on a measure: the county (Landkreis), the
// municipalities (Kommune) or partners.
var Addressees = []string{"county", "municipality", "partner"}

// IndicatorDirections say what progress is for an indicator: a higher value, a lower one,
// or a value within a target range.
var IndicatorDirections = []string{"higher", "lower", "range"}

// ProviderRoles are the roles of an organisation on a measure (PROVIDES): the lead body
// (Federführung) or a partner.
var ProviderRoles = []string{"lead", "partner"}
