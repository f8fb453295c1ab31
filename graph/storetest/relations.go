package storetest

import (
	"slices"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

func rel(t graph.RelType, from, to string) graph.Relation {
	return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}}
}

func relKeys(rs []graph.Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.RelationKey.String())
	}
	return out
}

func testRelations(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	b := seedCounty(t, s, regionB)
	m := must[graph.Entity](t)(s.Create(ctx(), c.measure("Sprachkurs"))).(*graph.Measure)
	org, org2 := c.orgs[0].ID, c.orgs[1].ID

	for _, r := range []graph.Relation{
		rel(graph.Provides, org, m.ID),
		rel(graph.OfferedIn, m.ID, c.munis[0].ID),
		rel(graph.InField, m.ID, c.fields[0].ID),
		rel(graph.Targets, m.ID, c.group.ID),
		rel(graph.Targets, m.ID, b.group.ID), // shared target groups serve every region
		rel(graph.ActiveIn, org, c.munis[1].ID),
		rel(graph.MemberOf, org, c.net.ID),
		rel(graph.WorksOn, c.net.ID, c.fields[0].ID),
		rel(graph.Covers, c.net.ID, c.munis[0].ID),
	} {
		must[graph.Relation](t)(s.Relate(ctx(), r))
	}

	// Properties are kept and replaced; symmetric types are stored once, smaller id first.
	coop := rel(graph.CooperatesWith, max(org, org2), min(org, org2))
	coop.Props.Since = "2021-05-01"
	got := must[graph.Relation](t)(s.Relate(ctx(), coop))
	if got.From != min(org, org2) || got.To != max(org, org2) {
		t.Fatalf("symmetric relation stored as %s, want smaller id first", got.RelationKey)
	}
	coop.Props.Note = "gemeinsames Sprachcafé"
	must[graph.Relation](t)(s.Relate(ctx(), coop))
	rs := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: org2, Type: graph.CooperatesWith}))
	if len(rs) != 1 || rs[0].Props.Note != "gemeinsames Sprachcafé" || rs[0].Props.Since != "2021-05-01" {
		t.Fatalf("cooperation = %+v, want one with since and note", rs)
	}

	// Listing a node's relationships in both directions, derived PART_OF included.
	rs = must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: c.munis[0].ID}))
	want := []string{
		rel(graph.Covers, c.net.ID, c.munis[0].ID).RelationKey.String(),
		rel(graph.OfferedIn, m.ID, c.munis[0].ID).RelationKey.String(),
		rel(graph.PartOf, c.munis[0].ID, regionA).RelationKey.String(),
	}
	if got := relKeys(rs); !slices.Equal(got, want) {
		t.Fatalf("relations of municipality = %v, want %v", got, want)
	}
	rs = must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: m.ID, Direction: "out", Type: graph.Targets}))
	if len(rs) != 2 {
		t.Fatalf("measure targets %d groups, want 2", len(rs))
	}
	rs = must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: regionA, Type: graph.DefinedBy}))
	if len(rs) != 2 {
		t.Fatalf("region defines %d fields, want 2", len(rs))
	}

	bad := []struct {
		name   string
		r      graph.Relation
		fields []string
	}{
		{"unknown type", rel("LIKES", org, org2), []string{"type"}},
		{"derived type", rel(graph.PartOf, c.munis[0].ID, regionA), []string{"type"}},
		{"wrong start kind", rel(graph.Provides, m.ID, m.ID), []string{"from", "to"}},
		{"wrong end kind", rel(graph.OfferedIn, m.ID, c.fields[0].ID), []string{"to"}},
		{"missing start", rel(graph.Provides, graph.NewID(graph.KindOrganisation), m.ID), []string{"from"}},
		{"missing end", rel(graph.OfferedIn, m.ID, regionA+"777"), []string{"to"}},
		{"across regions", rel(graph.OfferedIn, m.ID, b.munis[0].ID), []string{"to"}},
		{"self", rel(graph.CooperatesWith, org, org), []string{"to"}},
		{"property not carried", graph.Relation{RelationKey: rel(graph.ActiveIn, org, c.munis[0].ID).RelationKey, Props: graph.RelProps{Role: "x"}}, []string{"props.role"}},
		{"verdict required", rel(graph.Reviewed, m.ID, graph.NewID(graph.KindMeasure)), []string{"props.verdict"}},
		{"since malformed", graph.Relation{RelationKey: rel(graph.MemberOf, org2, c.net.ID).RelationKey, Props: graph.RelProps{Since: "gestern"}}, []string{"props.since"}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Relate(ctx(), tc.r)
			wantFields(t, err, tc.fields...)
		})
	}

	// Unrelate removes exactly one relationship; a missing one is not found.
	ok(t, s.Unrelate(ctx(), rel(graph.CooperatesWith, max(org, org2), min(org, org2)).RelationKey))
	wantCode(t, s.Unrelate(ctx(), rel(graph.CooperatesWith, org, org2).RelationKey), graph.ENOTFOUND)
	wantCode(t, must2(s.Relations(ctx(), graph.RelationQuery{Node: graph.NewID(graph.KindMeasure)})), graph.ENOTFOUND)
}

func testDeleteRules(t *testing.T, f Factory) {
	s := open(t, f)
	c := seedCounty(t, s, regionA)
	m := must[graph.Entity](t)(s.Create(ctx(), c.measure("Hausaufgabenhilfe"))).(*graph.Measure)
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.OfferedIn, m.ID, c.munis[0].ID)))
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.InField, m.ID, c.fields[0].ID)))
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.Targets, m.ID, c.group.ID)))
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.Provides, c.orgs[0].ID, m.ID)))

	// Restricted: reference data in use cannot go.
	for _, target := range []graph.Entity{c.munis[0], c.fields[0], c.group, c.region} {
		err := s.Delete(ctx(), target.EntityKind(), target.Base().ID, 0)
		wantCode(t, err, graph.ECONFLICT)
		must[graph.Entity](t)(s.Get(ctx(), target.EntityKind(), target.Base().ID))
	}
	// A municipality with indicator values is in use, too.
	ind := must[graph.Entity](t)(s.Create(ctx(), &graph.Indicator{Name: "Quote", Region: regionA, Values: []graph.IndicatorValue{{Municipality: c.munis[2].ID, Year: 2024, Value: 1}}}))
	wantCode(t, s.Delete(ctx(), graph.KindMunicipality, c.munis[2].ID, 0), graph.ECONFLICT)
	ok(t, s.Delete(ctx(), graph.KindIndicator, ind.Base().ID, 0))
	ok(t, s.Delete(ctx(), graph.KindMunicipality, c.munis[2].ID, 0))

	// Detached: deleting the measure removes its relationships with it.
	ok(t, s.Delete(ctx(), graph.KindMeasure, m.ID, 0))
	for _, id := range []string{c.munis[0].ID, c.fields[0].ID, c.group.ID, c.orgs[0].ID} {
		for _, r := range must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: id})) {
			if r.From == m.ID || r.To == m.ID {
				t.Fatalf("relationship %s outlived its measure", r.RelationKey)
			}
		}
	}
	// Now the municipality and the field are free to go.
	ok(t, s.Delete(ctx(), graph.KindMunicipality, c.munis[0].ID, 0))
	ok(t, s.Delete(ctx(), graph.KindField, c.fields[0].ID, 0))

	// Deleting an organisation detaches its memberships; the network stays.
	must[graph.Relation](t)(s.Relate(ctx(), rel(graph.MemberOf, c.orgs[1].ID, c.net.ID)))
	ok(t, s.Delete(ctx(), graph.KindOrganisation, c.orgs[1].ID, 0))
	if rs := must[[]graph.Relation](t)(s.Relations(ctx(), graph.RelationQuery{Node: c.net.ID})); len(rs) != 0 {
		t.Fatalf("network keeps %v after its member was deleted", relKeys(rs))
	}

	// A region can go once it is empty.
	for _, k := range []graph.Kind{graph.KindConcept, graph.KindNetwork, graph.KindOrganisation, graph.KindField, graph.KindMunicipality} {
		for {
			page := must[graph.Page](t)(s.List(ctx(), graph.ListQuery{Kind: k, Filter: graph.Filter{Region: regionA}}))
			if len(page.Items) == 0 {
				break
			}
			for _, e := range page.Items {
				if e.RegionKey() == regionA {
					ok(t, s.Delete(ctx(), k, e.Base().ID, 0))
				}
			}
		}
	}
	ok(t, s.Delete(ctx(), graph.KindRegion, regionA, 0))
}
