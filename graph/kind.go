package graph

import (
	"io"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// Kind names a node type. The string is used in the API, in audit entries and in storage keys.
type Kind string

// The node kinds of the domain model.
const (
	KindRegion       Kind = "region"
	KindMunicipality Kind = "municipality"
	KindField        Kind = "field"
	KindTargetGroup  Kind = "target_group"
	KindOrganisation Kind = "organisation"
	KindActor        Kind = "actor"
	KindNetwork      Kind = "network"
	KindMeasure      Kind = "measure"
	KindConcept      Kind = "concept"
	KindGuideline    Kind = "guideline"
	KindGoal         Kind = "goal"
	KindIndicator    Kind = "indicator"
)

// KindInfo describes how a kind is named in each place it appears.
type KindInfo struct {
	// Kind is the kind itself.
	Kind Kind
	// Label is the Neo4j node label.
	Label string
	// Collection is the path segment of the kind's API resource (/api/v1/{collection}).
	Collection string
	// Prefix starts generated ids ("org" gives "org_01J…"); empty for kinds keyed by an
	// official number (regions, municipalities).
	Prefix string
	// New returns an empty entity of the kind.
	New func() Entity
}

// Kinds lists every node kind in dependency order: a kind only refers to kinds before it.
// Seeding, export and migration walk this order.
var Kinds = []KindInfo{
	{KindRegion, "Region", "regions", "", func() Entity { return new(Region) }},
	{KindMunicipality, "Municipality", "municipalities", "", func() Entity { return new(Municipality) }},
	{KindField, "FieldOfAction", "fields", "fld", func() Entity { return new(FieldOfAction) }},
	{KindTargetGroup, "TargetGroup", "target-groups", "tgr", func() Entity { return new(TargetGroup) }},
	{KindOrganisation, "Organisation", "organisations", "org", func() Entity { return new(Organisation) }},
	{KindActor, "Actor", "actors", "act", func() Entity { return new(Actor) }},
	{KindNetwork, "Network", "networks", "net", func() Entity { return new(Network) }},
	{KindMeasure, "Measure", "measures", "msr", func() Entity { return new(Measure) }},
	{KindConcept, "Concept", "concepts", "cpt", func() Entity { return new(Concept) }},
	{KindGuideline, "Guideline", "guidelines", "gdl", func() Entity { return new(Guideline) }},
	{KindGoal, "Goal", "goals", "gol", func() Entity { return new(Goal) }},
	{KindIndicator, "Indicator", "indicators", "ind", func() Entity { return new(Indicator) }},
}

// Info returns the description of k, and false for an unknown kind.
func (k Kind) Info() (KindInfo, bool) {
	for _, ki := range Kinds {
		if ki.Kind == k {
			return ki, true
		}
	}
	return KindInfo{}, false
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := k.Info(); return ok }

// KindByCollection returns the kind whose API collection is name.
func KindByCollection(name string) (Kind, bool) {
	for _, ki := range Kinds {
		if ki.Collection == name {
			return ki.Kind, true
		}
	}
	return "", false
}

// KindOfID tells the kind of an id from its form: five digits are a region key, eight digits
// an AGS, otherwise the prefix before the underscore. It returns false when the id has none
// of these forms.
func KindOfID(id string) (Kind, bool) {
	switch {
	case isDigits(id, 5):
		return KindRegion, true
	case isDigits(id, 8):
		return KindMunicipality, true
	}
	prefix, rest, ok := strings.Cut(id, "_")
	if !ok || !validULID(rest) {
		return "", false
	}
	for _, ki := range Kinds {
		if ki.Prefix != "" && ki.Prefix == prefix {
			return ki.Kind, true
		}
	}
	return "", false
}

// NewTokenID returns a fresh token id ("tok_…").
func NewTokenID() string { return "tok_" + ulid.Make().String() }

// NewID returns a fresh, time-sortable id for kind k ("msr_01J…"). It panics for kinds keyed
// by official numbers, which have no generated ids.
func NewID(k Kind) string {
	return makeID(k, ulid.Make())
}

// IDAt returns an id for kind k made from the given time and entropy, for deterministic data
// sets (the demo and scale generators).
func IDAt(k Kind, t time.Time, entropy io.Reader) string {
	return makeID(k, ulid.MustNew(ulid.Timestamp(t), entropy))
}

func makeID(k Kind, u ulid.ULID) string {
	ki, ok := k.Info()
	if !ok || ki.Prefix == "" {
		panic("graph: kind " + string(k) + " has no generated ids")
	}
	return ki.Prefix + "_" + u.String()
}

// validULID reports whether s is a 26-character ULID in canonical upper-case form.
func validULID(s string) bool {
	if len(s) != ulid.EncodedSize || strings.ToUpper(s) != s {
		return false
	}
	_, err := ulid.ParseStrict(s)
	return err == nil
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
