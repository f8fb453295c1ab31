package demo

import (
	"slices"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Planted overlapping structures (Doppelstrukturen of bodies, not of offers). They are built
// last and draw no random numbers, so everything before them stays as it was; and every new
// body's members already sit together in another body, so the collaboration network (ties,
// articulation points, isolated organisations, betweenness) does not change.
//
// In every county, for the first field of action whose working group has at least five
// members:
//
//   - parallel bodies: a second county-wide working group on the field ("Fachgruppe …") with
//     all members of the field's working group but the last — the same people meeting twice;
//   - a town's body beside the county's: a working group in the largest town (other than the
//     one whose round table hangs on its administration alone) of four members of the field's
//     working group;
//   - a decoy: a county-wide working group on the field whose two members share only one
//     member with each of the others — networks that merely share a member are no duplicates.
//
// In two counties a town has its own integration concept in fields of action that goals of
// the county's concept work on.

// townConcepts names the counties whose towns have their own concept, and the town.
var townConcepts = map[string]string{"05562": "Marl", "08119": "Fellbach"}

func (b *builder) structures() {
	c := b.c
	var wg *netInfo
	var field int
	for f, g := range b.fieldGroups {
		if len(g.members) >= 5 {
			wg, field = g, f
			break
		}
	}
	if wg == nil {
		panic("demo: " + c.name + " has no working group with five members")
	}
	fieldName := b.fields[field].spec.name
	newNet := func(name, level, desc string, covers *place, members []*orgInfo) string {
		id := keyedID(graph.KindNetwork, c.key+"/structures/"+name)
		b.out.add(&graph.Network{Meta: graph.Meta{ID: id, Visibility: graph.Public}, Name: name, Region: c.key,
			Kind: "working_group", Level: level, Cadence: "quarterly", Description: desc})
		if covers != nil {
			b.out.relate(graph.Covers, id, covers.AGS, graph.RelProps{})
		}
		b.out.relate(graph.WorksOn, id, b.fields[field].id, graph.RelProps{})
		for _, o := range members {
			b.out.relate(graph.MemberOf, o.id, id, graph.RelProps{Role: "Mitglied", Since: "2024-01-15"})
		}
		return id
	}
	truth := func(kind, a, b2 string, planted bool, note string) {
		b.truth.Structures = append(b.truth.Structures, StructureTruth{Region: c.key, Kind: kind, A: min(a, b2), B: max(a, b2), Planted: planted, Note: note})
	}

	parallel := newNet("Fachgruppe "+fieldName, "county",
		"Die Fachkräfte der Träger treffen sich, um Angebote, Wartelisten und Fortbildungen im Handlungsfeld zu planen.",
		nil, wg.members[:len(wg.members)-1])
	truth("parallel_networks", wg.id, parallel, true, "the same members as the field's working group but one, meeting a second time")

	var town *place
	for _, a := range b.admins {
		if a.town.Name != c.apTown {
			town = a.town
			break
		}
	}
	local := newNet("Arbeitskreis "+fieldName+" "+shortTown(town.Name), "municipal",
		"Abstimmung der Angebote im Handlungsfeld in "+town.Name+".", town, wg.members[:4])
	truth("county_and_town", wg.id, local, true, "four members of the county working group meet again for one town")

	// The decoy: the working group's first member (the integration office, in every county
	// body) and a member of the Runder Tisch outside the working group.
	var other *orgInfo
	for _, o := range b.rtm.members {
		if !wg.has(o) {
			other = o
			break
		}
	}
	decoy := newNet("Gesprächskreis "+fieldName, "county",
		"Offener Austausch zwischen Verwaltung und einem Träger über Einzelfälle.", nil, []*orgInfo{wg.members[0], other})
	truth("parallel_networks", wg.id, decoy, false, "shares one member with the working group")
	truth("parallel_networks", parallel, decoy, false, "shares one member with the Fachgruppe")

	name, ok := townConcepts[c.key]
	if !ok || b.ci == nil {
		return
	}
	p := b.byName[name]
	id := keyedID(graph.KindConcept, c.key+"/town/"+name)
	b.out.add(&graph.Concept{Meta: graph.Meta{ID: id, Visibility: graph.Public}, Title: "Integrationskonzept der Stadt " + name,
		Region: c.key, Municipality: p.AGS, Adopted: "2022-05-18",
		Description: "Das Konzept der Stadt " + name + " beschreibt die Integrationsarbeit vor Ort.",
		Periods:     []graph.ConceptPeriod{{Name: "Integrationskonzept " + name + " 2022", Starts: "2022-05-18"}}})
	// The fields of the county's first two goals that have fields: the town works on the same.
	var fields []int
	for _, g := range b.ci.goals {
		for _, f := range b.ci.fields[g.ID] {
			if !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
		}
		if len(fields) >= 2 {
			break
		}
	}
	for _, f := range fields {
		b.out.relate(graph.InField, id, b.fields[f].id, graph.RelProps{})
	}
	truth("town_concept", id, b.ci.id, true, "the town's concept works on fields the county's goals work on")
}
