package graph_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func TestKindOfID(t *testing.T) {
	for id, want := range map[string]graph.Kind{
		"05562":                          graph.KindRegion,
		"05562004":                       graph.KindMunicipality,
		graph.NewID(graph.KindMeasure):   graph.KindMeasure,
		graph.NewID(graph.KindField):     graph.KindField,
		"org_01JBZZZZZZZZZZZZZZZZZZZZZZ": graph.KindOrganisation,
	} {
		if got, ok := graph.KindOfID(id); !ok || got != want {
			t.Errorf("KindOfID(%q) = %q %v, want %q", id, got, ok, want)
		}
	}
	for _, id := range []string{"", "5562", "055620041", "msr_123", "xyz_01JBZZZZZZZZZZZZZZZZZZZZZZ", "org_01jbzzzzzzzzzzzzzzzzzzzz", "org-01JBZZZZZZZZZZZZZZZZZZZZZZ"} {
		if k, ok := graph.KindOfID(id); ok {
			t.Errorf("KindOfID(%q) = %q, want no kind", id, k)
		}
	}
}

// Ids made from the same time and entropy are the same (deterministic data sets), and ids
// sort by time.
func TestIDAt(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a := graph.IDAt(graph.KindMeasure, at, bytes.NewReader(make([]byte, 16)))
	b := graph.IDAt(graph.KindMeasure, at, bytes.NewReader(make([]byte, 16)))
	c := graph.IDAt(graph.KindMeasure, at.Add(time.Millisecond), bytes.NewReader(make([]byte, 16)))
	if a != b || !(a < c) || !strings.HasPrefix(a, "msr_") {
		t.Fatalf("ids %s %s %s", a, b, c)
	}
}

func TestCursor(t *testing.T) {
	c := graph.EncodeCursor("msr_01JB")
	if got, err := graph.DecodeCursor(c); err != nil || got != "msr_01JB" {
		t.Fatalf("round trip: %q %v", got, err)
	}
	for _, bad := range []string{"***", "%%", graph.EncodeCursor(strings.Repeat("x", 600))} {
		if _, err := graph.DecodeCursor(bad); graph.ErrorCode(err) != graph.EINVALID || graph.FieldErrors(err)[0].Field != "cursor" {
			t.Errorf("DecodeCursor(%q) = %v, want EINVALID naming cursor", bad, err)
		}
	}
	if _, _, err := (graph.AuditQuery{Cursor: graph.EncodeCursor("abc")}).Page(); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("a non-numeric audit cursor was accepted")
	}
}

func TestFilterCheck(t *testing.T) {
	f := graph.Filter{Status: "active", Municipality: "05562004", Type: "club"}
	if err := f.Check(graph.KindMeasure); graph.ErrorCode(err) != graph.EINVALID || len(graph.FieldErrors(err)) != 1 || graph.FieldErrors(err)[0].Field != "type" {
		t.Fatalf("measure filter check = %v, want only type rejected", err)
	}
	if err := f.Check(graph.KindOrganisation); len(graph.FieldErrors(err)) != 1 || graph.FieldErrors(err)[0].Field != "status" {
		t.Fatalf("organisation filter check = %v, want only status rejected", err)
	}
	rels := (graph.Filter{Municipality: "05562004", Organisation: "org_01JBZZZZZZZZZZZZZZZZZZZZZZ"}).Relational(graph.KindMeasure)
	if len(rels) != 2 || rels[0].Type != graph.OfferedIn || !rels[0].Out || rels[1].Type != graph.Provides || rels[1].Out {
		t.Fatalf("relational filters of a measure = %+v", rels)
	}
}

func TestRelationNormalize(t *testing.T) {
	r := graph.Relation{RelationKey: graph.RelationKey{Type: graph.CooperatesWith, From: "org_02", To: "org_01"}}
	r.Normalize()
	if r.From != "org_01" || r.To != "org_02" {
		t.Fatalf("symmetric relation not ordered: %s", r.RelationKey)
	}
	d := graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides, From: "org_02", To: "msr_01"}}
	d.Normalize()
	if d.From != "org_02" {
		t.Fatal("a directed relation was reordered")
	}
}

// Example shows how a query is analysed and how a hit's words are highlighted: word forms,
// umlauts and ß meet; the last word also matches as a prefix.
func ExampleHighlight() {
	m := &graph.Measure{Title: "Sprachkurse für Frauen", Description: "Treffpunkt Hauptstraße 5, mit Kinderbetreuung."}
	q := graph.ParseQuery("sprachkurs hauptstrasse kinderbe")
	for _, fm := range graph.Highlight(m, q) {
		for _, sp := range fm.Spans {
			text := m.Title
			if fm.Field == "description" {
				text = m.Description
			}
			fmt.Printf("%s: %s\n", fm.Field, text[sp[0]:sp[1]])
		}
	}
	// Output:
	// title: Sprachkurse
	// description: Hauptstraße
	// description: Kinderbetreuung
}
