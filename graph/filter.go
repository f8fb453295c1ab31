package graph

import (
	"slices"
	"strings"
)

// Filter narrows lists and searches. Every set field must hold.
type Filter struct {
	// Region keeps nodes of one region. Shared target groups match any region.
	Region string
	// Regions, when not nil, keeps only nodes of these regions (the regions the caller may
	// read); shared target groups are always kept.
	Regions []string
	// Visibility keeps only nodes with this visibility.
	Visibility Visibility
	// PublicOutside, when not nil, keeps internal nodes only in these regions: elsewhere a
	// node must be public. It is how a member of one region sees that region's internal
	// directory and only the public data of other regions. Region nodes are exempt: their
	// visibility says whether the region is public, and Regions decides who reads them.
	PublicOutside []string
	// Municipality keeps organisations active in, networks covering, or measures offered in
	// the municipality with this AGS.
	Municipality string
	// Field keeps measures and goals in, or networks working on, this field of action.
	Field string
	// TargetGroup keeps measures targeting this group.
	TargetGroup string
	// Organisation keeps measures provided by, actors working for, or networks with as
	// member this organisation.
	Organisation string
	// Network keeps organisations and actors that are members of this network.
	Network string
	// Type keeps regions, organisations or networks whose kind property equals it.
	Type string
	// Status keeps measures with this status.
	Status string
	// Language keeps measures offered in this language (ISO 639 code).
	Language string
}

// RelFilter is a filter that follows a relationship: the node must have a relationship of
// Type to (Out) or from (!Out) the node with id ID.
type RelFilter struct {
	// Name is the filter's parameter name.
	Name string
	// Type is the relationship type.
	Type RelType
	// Out is true when the listed node is the start of the relationship.
	Out bool
	// ID is the node at the other end.
	ID string
}

// relFilters maps filter names and kinds to relationships.
var relFilters = map[string]map[Kind]struct {
	t   RelType
	out bool
}{
	"municipality": {KindOrganisation: {ActiveIn, true}, KindNetwork: {Covers, true}, KindMeasure: {OfferedIn, true}},
	"field":        {KindMeasure: {InField, true}, KindNetwork: {WorksOn, true}, KindGoal: {InField, true}},
	"target_group": {KindMeasure: {Targets, true}},
	"organisation": {KindMeasure: {Provides, false}, KindActor: {WorksFor, true}, KindNetwork: {MemberOf, false}},
	"network":      {KindOrganisation: {MemberOf, true}, KindActor: {MemberOf, true}},
}

// propFilters lists the kinds each property filter applies to.
var propFilters = map[string][]Kind{
	"type":     {KindRegion, KindOrganisation, KindNetwork},
	"status":   {KindMeasure},
	"language": {KindMeasure},
}

func (f Filter) named() map[string]string {
	return map[string]string{
		"municipality": f.Municipality, "field": f.Field, "target_group": f.TargetGroup,
		"organisation": f.Organisation, "network": f.Network,
		"type": f.Type, "status": f.Status, "language": f.Language,
	}
}

// Applies reports whether every set filter applies to kind k.
func (f Filter) Applies(k Kind) bool { return f.Check(k) == nil }

// Check returns an EINVALID error naming each set filter that does not apply to kind k.
func (f Filter) Check(k Kind) error {
	var p problems
	if f.Region != "" && !isDigits(f.Region, 5) {
		p.add("region", "%q is not a region key (5 digits)", f.Region)
	}
	switch f.Visibility {
	case "", Public, Internal:
	default:
		p.add("visibility", "must be public or internal")
	}
	names := f.named()
	keys := make([]string, 0, len(names))
	for name := range names {
		keys = append(keys, name)
	}
	slices.Sort(keys)
	for _, name := range keys {
		if names[name] == "" {
			continue
		}
		if m, ok := relFilters[name]; ok {
			if _, ok := m[k]; !ok {
				p.add(name, "does not apply to %s; it filters %s", k, kindsOf(m))
			}
			continue
		}
		if !slices.Contains(propFilters[name], k) {
			p.add(name, "does not apply to %s; it filters %s", k, kindList(propFilters[name]))
		}
	}
	return p.err("filter")
}

func kindsOf[V any](m map[Kind]V) string {
	var ks []Kind
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return kindList(ks)
}

// Relational returns the set relationship filters for kind k (assumes Check passed).
func (f Filter) Relational(k Kind) []RelFilter {
	var out []RelFilter
	names := f.named()
	for _, name := range []string{"municipality", "field", "target_group", "organisation", "network"} {
		if id := names[name]; id != "" {
			r := relFilters[name][k]
			out = append(out, RelFilter{Name: name, Type: r.t, Out: r.out, ID: id})
		}
	}
	return out
}

// MatchProps reports whether e passes the filters on its own properties: region, readable
// regions, visibility, type, status, language. Relationship filters are the store's part.
func (f Filter) MatchProps(e Entity) bool {
	r := e.RegionKey()
	if f.Region != "" && r != "" && r != f.Region {
		return false
	}
	if f.Regions != nil && r != "" && !slices.Contains(f.Regions, r) {
		return false
	}
	if f.Visibility != "" && e.Base().Visibility != f.Visibility {
		return false
	}
	// A region's visibility says whether the region is public; whoever may read in the region
	// may read the region itself.
	if _, isRegion := e.(*Region); !isRegion && f.PublicOutside != nil && e.Base().Visibility != Public && !slices.Contains(f.PublicOutside, r) {
		return false
	}
	switch v := e.(type) {
	case *Region:
		return f.Type == "" || v.Kind == f.Type
	case *Organisation:
		return f.Type == "" || v.Kind == f.Type
	case *Network:
		return f.Type == "" || v.Kind == f.Type
	case *Measure:
		return (f.Status == "" || v.Status == f.Status) &&
			(f.Language == "" || slices.Contains(v.Languages, strings.ToLower(f.Language)))
	}
	return true
}
