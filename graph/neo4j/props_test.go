package neo4j

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func ptr[T any](v T) *T { return &v }

// TestPropsRoundTrip: every kind survives the trip to Neo4j properties and back unchanged,
// and the properties have the types Neo4j stores.
func TestPropsRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 30, 15, 123456000, time.UTC)
	meta := func(id string) graph.Meta {
		return graph.Meta{ID: id, Version: 3, CreatedAt: at, UpdatedAt: at.Add(time.Hour), Visibility: graph.Public}
	}
	nodes := []graph.Entity{
		&graph.Region{Meta: meta("05562"), Name: "Kreis Recklinghausen", Kind: "county"},
		&graph.Municipality{Meta: meta("05562004"), Name: "Marl", Region: "05562", Population: 84000, ForeignPopulation: 12000,
			PopulationYear: 2022, PopulationSource: "official", Geometry: json.RawMessage(`{"type":"Polygon","coordinates":[[[7,51],[7.1,51],[7.1,51.1],[7,51]]]}`)},
		&graph.Organisation{Meta: meta(graph.NewID(graph.KindOrganisation)), Name: "Caritas", Region: "05562", Kind: "welfare_association", Lat: ptr(51.6), Lon: ptr(7.1)},
		&graph.Measure{Meta: meta(graph.NewID(graph.KindMeasure)), Title: "Sprachcafé", Region: "05562", Status: "active", Level: "operational",
			Languages: []string{"de", "ar"}, Cost: ptr(0.0), Capacity: 12, Starts: "2025-01-01"},
		&graph.Measure{Meta: meta(graph.NewID(graph.KindMeasure)), Title: "Kurs", Region: "05562", Status: "active", Level: "operational", Cost: ptr(12.5)},
		&graph.Indicator{Meta: meta(graph.NewID(graph.KindIndicator)), Name: "Quote", Region: "05562", Target: ptr(0.5),
			Values: []graph.IndicatorValue{{Municipality: "05562004", Year: 2024, Value: 0.25}, {Year: 2023, Value: 3}}},
		&graph.Actor{Meta: meta(graph.NewID(graph.KindActor)), Name: "Erika", Region: "05562", Consent: true},
		// The integration concept's nested parts: periods, funding, status notes.
		&graph.Concept{Meta: meta(graph.NewID(graph.KindConcept)), Title: "Integrationsplan", Region: "05562", Adopted: "2017-03-20",
			Periods: []graph.ConceptPeriod{{Name: "Integrationsplan 2017", Starts: "2017-01-01", Ends: "2019-06-30"}, {Name: "Fortschreibung 2019", Starts: "2019-07-01"}}},
		&graph.Goal{Meta: meta(graph.NewID(graph.KindGoal)), Text: "Ziel", Region: "05562", Concept: graph.NewID(graph.KindConcept), Parent: graph.NewID(graph.KindGoal),
			Level: "operational", Reference: "1.2", Priority: "focus", Period: "Fortschreibung 2019", Due: "2026-12-31"},
		&graph.Measure{Meta: meta(graph.NewID(graph.KindMeasure)), Title: "Lotsen", Region: "05562", Status: "active", Level: "strategic",
			Reference: "IP 1.3", Priority: "starter", Horizon: "short", Addressee: "county", Effect: "Wirkung",
			Funding:     []graph.Funding{{Funder: "Land", Amount: ptr(15000.0), Starts: "2025-01-01"}, {BudgetNeutral: true}},
			StatusNotes: []graph.StatusNote{{Date: "2025-03-01", Text: "läuft"}}},
		&graph.Indicator{Meta: meta(graph.NewID(graph.KindIndicator)), Name: "Quote", Region: "05562", Direction: "range", Baseline: ptr(20.0), BaselineYear: 2019,
			Target: ptr(30.0), TargetUpper: ptr(35.0), TargetYear: 2028, Source: "IT.NRW"},
	}
	for _, e := range nodes {
		props, err := toProps(e)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := props["created_at"].(time.Time); !ok {
			t.Errorf("%s: created_at is %T, want time.Time", e.EntityKind(), props["created_at"])
		}
		if v, ok := props["version"].(int64); !ok || v != 3 {
			t.Errorf("%s: version is %T %v, want int64 3", e.EntityKind(), props["version"], props["version"])
		}
		for k, v := range props {
			switch v.(type) {
			case string, int64, float64, bool, time.Time, []any:
			default:
				t.Errorf("%s: property %s has type %T", e.EntityKind(), k, v)
			}
		}
		back, err := fromProps(e.EntityKind(), props)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(e, back); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", e.EntityKind(), diff)
		}
	}
	props, _ := toProps(nodes[1])
	if _, ok := props["geometry"].(string); !ok {
		t.Fatalf("geometry stored as %T, want JSON text", props["geometry"])
	}
	props, _ = toProps(nodes[4])
	if _, ok := props["cost"].(float64); !ok {
		t.Fatalf("cost 12.5 stored as %T", props["cost"])
	}
	for i, key := range map[int]string{7: "periods", 9: "funding"} {
		if props, _ := toProps(nodes[i]); props[key] == nil {
			t.Errorf("%s not stored", key)
		} else if _, ok := props[key].(string); !ok {
			t.Errorf("%s stored as %T, want JSON text", key, props[key])
		}
	}
}

// TestAuditPropsRoundTrip: an audit entry's message and counts go into node properties as
// JSON text and come back as they were (numbers as JSON numbers).
func TestAuditPropsRoundTrip(t *testing.T) {
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	e := graph.AuditEntry{Seq: 4, At: at, User: "erika", Action: graph.ActionBatch, Kind: "batch", Summary: "import of a.csv (2 rows): …",
		Message: &graph.Message{Key: "audit.import", Args: map[string]any{"files": "a.csv", "rows": 2}},
		Counts:  &graph.BatchCounts{Created: 2, Related: 3}}
	props, err := auditProps(e)
	if err != nil {
		t.Fatal(err)
	}
	if props["message"] != `{"key":"audit.import","args":{"files":"a.csv","rows":2}}` || props["counts"] != `{"created":2,"updated":0,"deleted":0,"related":3,"unrelated":0}` {
		t.Fatalf("properties %v", props)
	}
	back := auditFromProps(props)
	if back.Message == nil || back.Message.Key != "audit.import" || back.Message.Args["files"] != "a.csv" || back.Message.Args["rows"] != float64(2) ||
		back.Counts == nil || *back.Counts != *e.Counts || back.Summary != e.Summary {
		t.Fatalf("back %+v (message %+v, counts %+v)", back, back.Message, back.Counts)
	}
	if p, _ := auditProps(graph.AuditEntry{Seq: 5, At: at, Action: graph.ActionCreate}); p["message"] != nil || p["counts"] != nil {
		t.Fatalf("an entry without message and counts has %v", p)
	}
}
