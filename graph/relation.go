package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// RelType names a relationship type; the names are Neo4j's relationship types.
type RelType string

// The relationship types of the domain model.
const (
	// PartOf links a municipality to its region. Derived from Municipality.Region.
	PartOf RelType = "PART_OF"
	// DefinedBy links a field of action to its region. Derived from FieldOfAction.Region.
	DefinedBy RelType = "DEFINED_BY"
	// WorksFor links an actor to an organisation {role}.
	WorksFor RelType = "WORKS_FOR"
	// MemberOf links an organisation or actor to a network {role, since}.
	MemberOf RelType = "MEMBER_OF"
	// ActiveIn links an organisation to a municipality it works in.
	ActiveIn RelType = "ACTIVE_IN"
	// Covers links a network to a municipality it covers.
	Covers RelType = "COVERS"
	// WorksOn links a network to a field of action.
	WorksOn RelType = "WORKS_ON"
	// CooperatesWith links two organisations that cooperate {since, note}. Symmetric.
	CooperatesWith RelType = "COOPERATES_WITH"
	// Provides links an organisation to a measure it runs {role: lead or partner}.
	Provides RelType = "PROVIDES"
	// InField links a measure, a goal or a town's concept to its field of action.
	InField RelType = "IN_FIELD"
	// Targets links a measure to a target group.
	Targets RelType = "TARGETS"
	// OfferedIn links a measure to a municipality where it is offered.
	OfferedIn RelType = "OFFERED_IN"
	// Pursues links a measure to a goal.
	Pursues RelType = "PURSUES"
	// MeasuredBy links a goal to an indicator.
	MeasuredBy RelType = "MEASURED_BY"
	// Reviewed records a reviewer's verdict on a pair of duplicate candidates — two measures
	// (duplicate offers), two networks or two concepts (overlapping structures) —
	// {verdict, by, at, note, due}. Symmetric: both ends are of one kind.
	Reviewed RelType = "REVIEWED"
)

// RelTypeInfo describes a relationship type: its endpoints and the properties it carries.
type RelTypeInfo struct {
	// Type is the relationship type.
	Type RelType
	// From lists the kinds allowed at the start.
	From []Kind
	// To is the kind at the end; for a symmetric type with several From kinds, the end has the
	// start's kind (To names the first).
	To Kind
	// Props lists the property names the type carries.
	Props []string
	// Symmetric types are stored with the smaller id first, so A–B and B–A are one relation.
	Symmetric bool
	// Derived types are not stored: they mirror a node's region field.
	Derived bool
}

// RelTypes lists every relationship type.
var RelTypes = []RelTypeInfo{
	{Type: PartOf, From: []Kind{KindMunicipality}, To: KindRegion, Derived: true},
	{Type: DefinedBy, From: []Kind{KindField}, To: KindRegion, Derived: true},
	{Type: WorksFor, From: []Kind{KindActor}, To: KindOrganisation, Props: []string{"role"}},
	{Type: MemberOf, From: []Kind{KindOrganisation, KindActor}, To: KindNetwork, Props: []string{"role", "since"}},
	{Type: ActiveIn, From: []Kind{KindOrganisation}, To: KindMunicipality},
	{Type: Covers, From: []Kind{KindNetwork}, To: KindMunicipality},
	{Type: WorksOn, From: []Kind{KindNetwork}, To: KindField},
	{Type: CooperatesWith, From: []Kind{KindOrganisation}, To: KindOrganisation, Props: []string{"since", "note"}, Symmetric: true},
	{Type: Provides, From: []Kind{KindOrganisation}, To: KindMeasure, Props: []string{"role"}},
	{Type: InField, From: []Kind{KindMeasure, KindGoal, KindConcept}, To: KindField},
	{Type: Targets, From: []Kind{KindMeasure}, To: KindTargetGroup},
	{Type: OfferedIn, From: []Kind{KindMeasure}, To: KindMunicipality},
	{Type: Pursues, From: []Kind{KindMeasure}, To: KindGoal},
	{Type: MeasuredBy, From: []Kind{KindGoal}, To: KindIndicator},
	{Type: Reviewed, From: []Kind{KindMeasure, KindNetwork, KindConcept}, To: KindMeasure, Props: []string{"verdict", "by", "at", "note", "due"}, Symmetric: true},
}

// Info returns the description of t, and false for an unknown type.
func (t RelType) Info() (RelTypeInfo, bool) {
	for _, ri := range RelTypes {
		if ri.Type == t {
			return ri, true
		}
	}
	return RelTypeInfo{}, false
}

// RelProps are the properties a relationship may carry; which ones a type allows is listed in
// RelTypes.
type RelProps struct {
	// Role is the function in the organisation or network, e.g. "Vorsitz", "Geschäftsführung";
	// on PROVIDES, lead (Federführung) or partner.
	Role string `json:"role,omitempty"`
	// Since is when the membership or cooperation began.
	Since Date `json:"since,omitempty"`
	// Note is a free remark.
	Note string `json:"note,omitempty"`
	// Verdict is the reviewer's decision on a duplicate candidate pair.
	Verdict string `json:"verdict,omitempty"`
	// By is who gave the verdict.
	By string `json:"by,omitempty"`
	// At is when the verdict was given.
	At time.Time `json:"at,omitzero"`
	// Due is the day by which a coordination must be settled; only the verdict coordinating
	// carries it, and requires it.
	Due Date `json:"due,omitempty"`
}

// set returns the names of the properties that are set.
func (p RelProps) set() []string {
	var names []string
	if p.Role != "" {
		names = append(names, "role")
	}
	if p.Since != "" {
		names = append(names, "since")
	}
	if p.Note != "" {
		names = append(names, "note")
	}
	if p.Verdict != "" {
		names = append(names, "verdict")
	}
	if p.By != "" {
		names = append(names, "by")
	}
	if !p.At.IsZero() {
		names = append(names, "at")
	}
	if p.Due != "" {
		names = append(names, "due")
	}
	return names
}

// RelationKey identifies a relationship: at most one exists per type and ordered pair.
type RelationKey struct {
	// Type is the relationship type.
	Type RelType `json:"type"`
	// From is the id of the start node.
	From string `json:"from"`
	// To is the id of the end node.
	To string `json:"to"`
}

// String renders the key as "PROVIDES org_…→msr_…".
func (k RelationKey) String() string { return fmt.Sprintf("%s %s→%s", k.Type, k.From, k.To) }

// Canonical orders the ends of a symmetric relationship (smaller id first).
func (k RelationKey) Canonical() RelationKey {
	if ri, ok := k.Type.Info(); ok && ri.Symmetric && k.To < k.From {
		k.From, k.To = k.To, k.From
	}
	return k
}

// Relation is a relationship with its properties.
type Relation struct {
	RelationKey
	// Props are the relationship's properties.
	Props RelProps `json:"props,omitzero"`
}

// Normalize trims the properties and orders the ends of symmetric relationships.
func (r *Relation) Normalize() {
	trim(&r.From, &r.To, &r.Props.Role, &r.Props.Note, &r.Props.Verdict, &r.Props.By)
	r.Props.Since = Date(strings.TrimSpace(string(r.Props.Since)))
	r.Props.Due = Date(strings.TrimSpace(string(r.Props.Due)))
	r.RelationKey = r.RelationKey.Canonical()
	if !r.Props.At.IsZero() {
		r.Props.At = r.Props.At.UTC()
	}
}

// Validate checks the relation's own form: known type, well-formed ids of the right kinds,
// and only the properties the type allows. Whether the ends exist and belong together is
// checked by CheckEnds.
func (r *Relation) Validate() error {
	var p problems
	ri, ok := r.Type.Info()
	if !ok {
		names := make([]string, 0, len(RelTypes))
		for _, t := range RelTypes {
			if !t.Derived {
				names = append(names, string(t.Type))
			}
		}
		p.add("type", "%q is not a relationship type; use one of %s", r.Type, strings.Join(names, ", "))
		return p.err("relation")
	}
	if ri.Derived {
		p.add("type", "%s follows the %s's region field; change that field instead", r.Type, ri.From[0])
		return p.err("relation")
	}
	fromKind, okFrom := KindOfID(r.From)
	toKind, okTo := KindOfID(r.To)
	// Symmetric types may have been swapped by Normalize; both ends have the same kind there.
	switch {
	case r.From == "":
		p.add("from", "is required")
	case !okFrom || !slices.Contains(ri.From, fromKind):
		p.add("from", "%q is not the id of a %s", r.From, kindList(ri.From))
	}
	wantTo := ri.To
	if ri.Symmetric && okFrom && slices.Contains(ri.From, fromKind) {
		wantTo = fromKind // a pair of two measures, two networks, …
	}
	switch {
	case r.To == "":
		p.add("to", "is required")
	case !okTo || toKind != wantTo:
		p.add("to", "%q is not the id of a %s", r.To, wantTo)
	}
	if r.From != "" && r.From == r.To {
		p.add("to", "a node cannot be related to itself")
	}
	for _, name := range r.Props.set() {
		if !slices.Contains(ri.Props, name) {
			if len(ri.Props) == 0 {
				p.add("props."+name, "%s relationships carry no properties", r.Type)
			} else {
				p.add("props."+name, "%s relationships carry only %s", r.Type, strings.Join(ri.Props, ", "))
			}
		}
	}
	p.maxLen("props.role", r.Props.Role, MaxShort)
	p.maxLen("props.note", r.Props.Note, MaxDescription)
	p.maxLen("props.by", r.Props.By, MaxName)
	p.date("props.since", r.Props.Since)
	switch r.Type {
	case Reviewed:
		p.enum("props.verdict", r.Props.Verdict, Verdicts, true)
		if r.Props.Verdict == VerdictCoordinating {
			if okFrom && fromKind != KindMeasure {
				p.add("props.verdict", "%s is for two measures (a parallel offer), not for a %s", VerdictCoordinating, fromKind)
			}
			if r.Props.Due == "" {
				p.add("props.due", "is required with the verdict %s", VerdictCoordinating)
			}
		} else if r.Props.Due != "" && r.Props.Verdict != "" {
			p.add("props.due", "is only given with the verdict %s", VerdictCoordinating)
		}
		p.date("props.due", r.Props.Due)
	case Provides:
		p.enum("props.role", r.Props.Role, ProviderRoles, false)
	}
	return p.err("relation")
}

// CheckEnds checks that the two existing nodes may be related: both in the same region, or
// the end is shared by all regions (a shared target group).
func (r *Relation) CheckEnds(from, to Entity) error {
	var p problems
	if to.RegionKey() != "" && from.RegionKey() != to.RegionKey() {
		p.add("to", "%s belongs to region %s but %s to region %s; relationships stay within one region", r.To, to.RegionKey(), r.From, from.RegionKey())
	}
	return p.err("relation")
}

// CompareRelations orders relationships by type, from, to.
func CompareRelations(a, b Relation) int {
	return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

// SortRelations sorts relationships by type, from, to.
func SortRelations(rs []Relation) { slices.SortFunc(rs, CompareRelations) }

func kindList(ks []Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, " or ")
}
