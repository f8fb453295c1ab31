package storetest

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Region keys used by the suite: real-looking but no real county has them.
const (
	regionA = "09991"
	regionB = "09992"
)

func ptr[T any](v T) *T { return &v }

var square = json.RawMessage(`{"type":"Polygon","coordinates":[[[7.0,51.0],[7.1,51.0],[7.1,51.1],[7.0,51.1],[7.0,51.0]]]}`)

// county is a small hand-made county that many tests build on.
type county struct {
	region *graph.Region
	munis  []*graph.Municipality
	fields []*graph.FieldOfAction
	group  *graph.TargetGroup // shared by all regions
	orgs   []*graph.Organisation
	net    *graph.Network
	// concept is the county's integration concept with two periods.
	concept *graph.Concept
}

// seedCounty stores a region with three municipalities, two fields, a shared target group,
// two organisations and a network.
func seedCounty(t *testing.T, s graph.Store, key string) *county {
	t.Helper()
	c := &county{}
	c.region = must[graph.Entity](t)(s.Create(ctx(), &graph.Region{Meta: graph.Meta{ID: key}, Name: "Testkreis " + key, Kind: "county"})).(*graph.Region)
	for i := 1; i <= 3; i++ {
		m := &graph.Municipality{Meta: graph.Meta{ID: fmt.Sprintf("%s%03d", key, i)}, Name: fmt.Sprintf("Gemeinde %d", i),
			Region: key, Population: int64(10000 * i), ForeignPopulation: int64(1000 * i), Geometry: square}
		c.munis = append(c.munis, must[graph.Entity](t)(s.Create(ctx(), m)).(*graph.Municipality))
	}
	for _, f := range []struct{ name, canon string }{{"Sprache und Bildung", "language_education"}, {"Arbeitsmarkt", "work"}} {
		c.fields = append(c.fields, must[graph.Entity](t)(s.Create(ctx(), &graph.FieldOfAction{Name: f.name, Region: key, Canonical: f.canon})).(*graph.FieldOfAction))
	}
	c.group = must[graph.Entity](t)(s.Create(ctx(), &graph.TargetGroup{Name: "Schutzsuchende " + key})).(*graph.TargetGroup)
	for _, name := range []string{"Caritasverband", "Volkshochschule"} {
		c.orgs = append(c.orgs, must[graph.Entity](t)(s.Create(ctx(), &graph.Organisation{Name: name + " " + key, Region: key, Kind: "welfare_association"})).(*graph.Organisation))
	}
	c.net = must[graph.Entity](t)(s.Create(ctx(), &graph.Network{Name: "Runder Tisch Migration", Region: key, Kind: "round_table", Level: "county"})).(*graph.Network)
	c.concept = must[graph.Entity](t)(s.Create(ctx(), &graph.Concept{Title: "Integrationsplan " + key, Region: key,
		Periods: []graph.ConceptPeriod{{Name: "Integrationsplan 2017", Starts: "2017-01-01", Ends: "2019-06-30"}, {Name: "Fortschreibung 2019", Starts: "2019-07-01"}}})).(*graph.Concept)
	return c
}

// measure returns a valid, unsaved measure of the county.
func (c *county) measure(title string) *graph.Measure {
	return &graph.Measure{Title: title, Region: c.region.ID, Status: "active", Level: "operational",
		Description: "Ein Angebot für " + title, Languages: []string{"de"}}
}

// samples returns one valid, unsaved node of every kind for the county (the region and
// municipality with fresh keys, so they can be created).
func (c *county) samples() []graph.Entity {
	key := c.region.ID
	return []graph.Entity{
		&graph.Region{Meta: graph.Meta{ID: "09993"}, Name: "Stadt Beispiel", Kind: "city"},
		&graph.Municipality{Meta: graph.Meta{ID: key + "099"}, Name: "Neudorf", Region: key, Population: 1200,
			ForeignPopulation: 90, ProtectionSeekers: 12, PopulationYear: 2023, PopulationSource: "approximate", Geometry: square},
		&graph.FieldOfAction{Name: "Wohnen", Region: key, Canonical: "housing", Description: "Wohnraum für alle"},
		&graph.TargetGroup{Name: "Eltern", Region: key},
		&graph.Organisation{Name: "Türkischer Elternverein", Region: key, Kind: "migrant_organisation", Website: "https://example.org",
			Email: "info@example.org", Phone: "+49 2361 12345", Street: "Hauptstraße 1", PostalCode: "45657", City: "Recklinghausen",
			Lat: ptr(51.61), Lon: ptr(7.19)},
		&graph.Actor{Name: "Erika Mustermann", Region: key, Role: "Integrationsbeauftragte", Email: "erika@example.org", Phone: "02361 555", Consent: true},
		&graph.Network{Name: "Steuerungsgruppe Integration", Region: key, Kind: "steering_group", Level: "county", Cadence: "quarterly"},
		&graph.Measure{Title: "Sprachcafé", Region: key, Status: "planned", Level: "operational", Starts: "2025-01-01", Ends: "2025-12-31",
			Languages: []string{"de", "ar"}, Format: "hybrid", Cost: ptr(0.0), Capacity: 20, Programme: "KIM", Website: "https://example.org/cafe",
			Reference: "IP 1.3", Priority: "starter", Horizon: "short", Addressee: "county", Effect: "Mehr Begegnung im Quartier",
			Funding:     []graph.Funding{{Funder: "Land, VwV Integration", Amount: ptr(15000.0), Starts: "2025-01-01", Ends: "2026-12-31"}, {BudgetNeutral: true}},
			StatusNotes: []graph.StatusNote{{Date: "2025-03-01", Text: "Räume gefunden"}, {Date: "2025-06-01", Text: "Erstes Treffen mit 14 Gästen"}}},
		&graph.Concept{Title: "Integrationskonzept Neudorf", Region: key, Description: "Vier Schritte", Adopted: "2016-12-12",
			Periods: []graph.ConceptPeriod{{Name: "Konzept 2016", Starts: "2016-12-12"}}, Website: "https://example.org/konzept"},
		&graph.Guideline{Title: "Integration ist Querschnittsaufgabe", Region: key, Concept: c.concept.ID, Reference: "L 1", Description: "Alle Ämter"},
		&graph.Goal{Text: "Alle Neuzugewanderten erreichen A2.", Region: key, Concept: c.concept.ID, Level: "strategic", Reference: "1",
			Priority: "focus", Period: "Fortschreibung 2019", Starts: "2019-07-01", Due: "2026-12-31", Description: "Gemessen an den Kursabschlüssen"},
		&graph.Indicator{Name: "Teilnehmende", Region: key, Unit: "Personen", Source: "BAMF", Description: "Kursbeginne",
			Direction: "higher", Baseline: ptr(30.0), BaselineYear: 2022, Target: ptr(100.0), TargetYear: 2026,
			Values: []graph.IndicatorValue{{Municipality: c.munis[0].ID, Year: 2024, Value: 42}, {Year: 2024, Value: 80}}},
	}
}

// edit changes one visible property of e, for update tests.
func edit(e graph.Entity) {
	switch v := e.(type) {
	case *graph.Region:
		v.Name += " (neu)"
	case *graph.Municipality:
		v.Population++
	case *graph.FieldOfAction:
		v.Description = "geändert"
	case *graph.TargetGroup:
		v.Description = "geändert"
	case *graph.Organisation:
		v.Description = "geändert"
	case *graph.Actor:
		v.Role = "Koordination"
	case *graph.Network:
		v.Cadence = "monthly"
	case *graph.Measure:
		v.Capacity++
	case *graph.Concept:
		v.Periods = append(v.Periods, graph.ConceptPeriod{Name: "Fortschreibung 2024", Starts: "2024-01-01"})
	case *graph.Guideline:
		v.Reference = "L 2"
	case *graph.Goal:
		v.Text += " Bis 2027."
	case *graph.Indicator:
		v.Unit = "Teilnehmende"
	}
}
