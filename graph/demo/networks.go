package demo

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The networks of a county are built so that the collaboration network of organisations
// (linked by a shared network or a cooperation) has a known structure:
//
//   - Every network other than apTown's round table has at least two members that also sit on
//     the Runder Tisch Migration: the integration office (ki) and another one in every
//     county-wide network, the town administration and Caritas in every municipal round
//     table. Removing any one organisation therefore leaves this main part connected. KI (in
//     every county-wide network) and Caritas (in every municipal round table) are the
//     brokers: they bridge many groups, but neither is an articulation point.
//   - The round table of the county's apTown joins only the town administration and local
//     organisations that belong to no other network and cooperate with nobody outside:
//     the administration is the one link, an articulation point.
//   - Isolated organisations join nothing and cooperate with nobody; peripheral ones join
//     nothing but cooperate with two organisations of the main part.
//   - Cooperations otherwise link organisations of the main part, or local organisations of
//     apTown among themselves, so they add no further articulation point.

type netInfo struct {
	id, name string
	members  []*orgInfo
	roles    map[*orgInfo]string
}

func (n *netInfo) has(o *orgInfo) bool { return slices.Contains(n.members, o) }

func (n *netInfo) join(o *orgInfo, role string) {
	if o == nil || n.has(o) {
		return
	}
	n.members = append(n.members, o)
	if role != "" {
		n.roles[o] = role
	}
}

// topicKinds says which organisation kinds work on a topic, for working-group membership.
var topicKinds = map[topic][]string{
	topLanguage:      {kEducation, kWelfare, kVolunteer, kMigrant},
	topEducation:     {kSchool, kEducation, kDaycare, kOther},
	topFamily:        {kDaycare, kWelfare, kHealth, kReligious},
	topWork:          {kJobcenter, kAgency, kChamber, kEducation, kBusiness},
	topHousing:       {kAdmin, kWelfare, kBusiness, kVolunteer},
	topHealth:        {kHealth, kWelfare},
	topParticipation: {kMigrant, kReligious, kVolunteer, kOther},
	topEngagement:    {kVolunteer, kOther, kWelfare},
	topSport:         {kClub, kOther},
	topInstitutional: {kAdmin, kImmigration, kEducation},
}

func (b *builder) networks() {
	c := b.c
	ki, caritas := b.org("ki"), b.org("caritas")
	var main, admins, migrants []*orgInfo
	for _, o := range b.orgs {
		if o.isolated || o.peripheral || o.apLocal {
			continue
		}
		main = append(main, o)
		if o.local && o.kind == kAdmin {
			admins = append(admins, o)
		}
		if o.kind == kMigrant {
			migrants = append(migrants, o)
		}
	}
	// Town administrations by size of town, largest first.
	slices.SortStableFunc(admins, func(a, b *orgInfo) int { return cmp.Compare(b.town.Population, a.town.Population) })
	allFields := make([]int, len(b.fields))
	for i := range allFields {
		allFields[i] = i
	}
	var nets []*netInfo
	newNet := func(name, kind, level, cadence, desc string, covers []*place, fields []int) *netInfo {
		n := &netInfo{id: keyedID(graph.KindNetwork, c.key+"/"+name), name: name, roles: map[*orgInfo]string{}}
		nets = append(nets, n)
		b.out.add(&graph.Network{Meta: graph.Meta{ID: n.id, Visibility: graph.Public}, Name: name, Region: c.key,
			Kind: kind, Level: level, Cadence: cadence, Description: desc})
		for _, p := range covers {
			b.out.relate(graph.Covers, n.id, p.AGS, graph.RelProps{})
		}
		for _, f := range fields {
			b.out.relate(graph.WorksOn, n.id, b.fields[f].id, graph.RelProps{})
		}
		return n
	}
	fieldsWith := func(ts ...topic) []int {
		var fs []int
		for i, f := range b.fields {
			for _, t := range ts {
				if slices.Contains(f.spec.topics, t) {
					fs = append(fs, i)
					break
				}
			}
		}
		if len(fs) == 0 {
			return allFields
		}
		return fs
	}

	steer := newNet("Steuerungsgruppe Integration "+c.name, "steering_group", "county", "quarterly",
		"Steuert Umsetzung und Fortschreibung des Integrationskonzepts und bewertet das Integrationsmonitoring.", b.places, allFields)
	steer.join(ki, "Geschäftsführung")
	for _, k := range []string{"jc", "aa", "abh", "caritas", "diakonie", "awo", "schulamt"} {
		steer.join(b.orgBy[k], "")
	}
	for _, a := range admins[:min(3, len(admins))] {
		steer.join(a, "")
	}

	rtm := newNet("Runder Tisch Migration "+c.name, "round_table", "county", "semiannual",
		"Austausch der Träger, Fachdienste und Verwaltungen im Kreis zu aktuellen Fragen der Zuwanderung.",
		b.places, fieldsWith(topParticipation, topEngagement, topLanguage))
	rtm.join(ki, "Geschäftsführung")
	rtm.join(caritas, "Sprecher")
	for _, o := range main {
		if !o.local && (o.kind == kWelfare || o.kind == kEducation || o.kind == kJobcenter || o.kind == kAgency || o.kind == kImmigration || o.kind == kSchool) {
			rtm.join(o, "")
		}
	}
	for _, a := range admins {
		rtm.join(a, "")
	}

	seat := b.town(c.seat)
	if c.state == "NW" {
		// NRW towns elect an Integrationsrat; the county seat's is part of the demo.
		council := newNet("Integrationsrat der Stadt "+c.seat, "integration_council", "municipal", "monthly",
			"Gewählte Vertretung der Zugewanderten in der Stadt; berät Rat und Verwaltung.",
			[]*place{seat}, fieldsWith(topParticipation, topInstitutional))
		council.join(b.orgBy["admin:"+c.seat], "Geschäftsführung")
		council.join(ki, "")
		for _, m := range migrants {
			if m.town == seat {
				council.join(m, "")
			}
		}
	} else {
		board := newNet("Integrationsbeirat "+c.name, "advisory_board", "county", "quarterly",
			"Berät Kreistag und Verwaltung in Fragen der Integration; Mitglieder sind Migrantenorganisationen und Träger.",
			b.places, fieldsWith(topParticipation, topEngagement))
		board.join(ki, "Geschäftsführung")
		board.join(b.orgBy["pari"], "")
		for _, m := range migrants {
			board.join(m, "")
		}
		for _, o := range main {
			if o.kind == kReligious {
				board.join(o, "")
			}
		}
	}

	// One working group per field, and the county's extra ones.
	joined := func(o *orgInfo) bool {
		for _, n := range nets {
			if n.has(o) {
				return true
			}
		}
		return false
	}
	type group struct {
		n     *netInfo
		kinds []string
	}
	var groups []group
	workGroup := func(name string, fields []int, kinds []string) {
		n := newNet(name, "working_group", "county", pick(b.r, []string{"quarterly", "monthly", "biweekly"}),
			"Fachlicher Austausch und Abstimmung von Angeboten im Handlungsfeld.", b.places, fields)
		n.join(ki, "Koordination")
		if slices.Contains(kinds, kWelfare) {
			n.join(caritas, "")
		}
		var locals []*orgInfo
		for _, o := range main {
			if !slices.Contains(kinds, o.kind) {
				continue
			}
			if o.local {
				locals = append(locals, o)
			} else {
				n.join(o, "")
			}
		}
		// Local organisations without a network yet come first; at most six per group.
		slices.SortStableFunc(locals, func(a, b *orgInfo) int {
			ja, jb := joined(a), joined(b)
			switch {
			case ja == jb:
				return 0
			case jb:
				return -1
			}
			return 1
		})
		for _, o := range locals[:min(6, len(locals))] {
			n.join(o, "")
		}
		// A second member from the Runder Tisch, so that the group hangs on two organisations.
		if !slices.ContainsFunc(n.members, func(o *orgInfo) bool { return o != ki && rtm.has(o) }) {
			n.join(caritas, "")
		}
		groups = append(groups, group{n, kinds})
	}
	for f, fi := range b.fields {
		var kinds []string
		for _, t := range fi.spec.topics {
			kinds = append(kinds, topicKinds[t]...)
		}
		workGroup("Arbeitskreis "+fi.spec.name, []int{f}, kinds)
		b.fieldGroups = append(b.fieldGroups, groups[len(groups)-1].n)
	}
	for _, wg := range c.workGroups {
		var fs []int
		for _, name := range wg.fields {
			fs = append(fs, b.field(name))
		}
		workGroup(wg.name, fs, wg.kinds)
	}

	// Municipal round tables: in every town with an administration and other local
	// organisations; apTown's has no member from outside.
	for _, a := range admins {
		p := a.town
		var locals []*orgInfo
		for _, o := range b.orgs {
			if o.local && o.town == p && o != a {
				locals = append(locals, o)
			}
		}
		if len(locals) == 0 {
			continue
		}
		name := map[string]string{"NW": "Runder Tisch Integration ", "BW": "Netzwerk Integration ", "ST": "Lokales Bündnis für Integration "}[c.state] + shortTown(p.Name)
		desc := "Abstimmung der Angebote für Zugewanderte in " + p.Name + " zwischen Verwaltung, Trägern und Ehrenamt."
		if p.Name == c.apTown {
			name = map[string]string{"NW": "Runder Tisch Willkommen ", "BW": "Helferkreis-Netzwerk ", "ST": "Bündnis Willkommen "}[c.state] + shortTown(p.Name)
			desc = "Treffen der Ehrenamtlichen, Vereine und Einrichtungen in " + p.Name + " mit der Stadtverwaltung."
		}
		fs := fieldsWith(topLanguage, topParticipation, topEngagement)
		n := newNet(name, "round_table", "municipal", pick(b.r, []string{"monthly", "biweekly", "quarterly"}), desc,
			[]*place{p}, fs[:min(2, len(fs))])
		n.join(a, "Vorsitz")
		for _, o := range locals {
			n.join(o, "")
		}
		if p.Name != c.apTown {
			n.join(caritas, "")
		}
	}
	// Every organisation of the main part sits somewhere: the rest join the smallest working
	// group for their kind, or else the Runder Tisch.
	for _, o := range main {
		if joined(o) {
			continue
		}
		var best *netInfo
		for _, g := range groups {
			if slices.Contains(g.kinds, o.kind) && (best == nil || len(g.n.members) < len(best.members)) {
				best = g.n
			}
		}
		if best == nil {
			best = rtm
		}
		best.join(o, "")
	}
	for _, n := range nets {
		for _, o := range n.members {
			role := n.roles[o]
			if role == "" {
				role = "Mitglied"
			}
			b.out.relate(graph.MemberOf, o.id, n.id, graph.RelProps{Role: role, Since: date(month(between(b.r, -60, 90)))})
		}
	}
	b.cooperations(main)
	b.actors(nets, admins)
	b.rtm, b.admins = rtm, admins

	nt := NetworkTruth{Region: c.key}
	for _, o := range b.orgs {
		if o.isolated {
			nt.Isolated = append(nt.Isolated, OrgRef{ID: o.id, Name: o.name})
		}
	}
	ap := b.orgBy["admin:"+c.apTown]
	nt.ArticulationPoints = []OrgRef{{ID: ap.id, Name: ap.name}}
	nt.Brokers = []OrgRef{{ID: ki.id, Name: ki.name}, {ID: caritas.id, Name: caritas.name}}
	b.truth.Networks = []NetworkTruth{nt}
}

// cooperations writes COOPERATES_WITH between organisations of the main part, the
// peripheral organisations' two cooperations, and cooperations inside apTown.
func (b *builder) cooperations(main []*orgInfo) {
	seen := map[[2]*orgInfo]bool{}
	coop := func(x, y *orgInfo, note string) {
		if x == nil || y == nil || x == y || seen[[2]*orgInfo{x, y}] || seen[[2]*orgInfo{y, x}] {
			return
		}
		seen[[2]*orgInfo{x, y}] = true
		b.out.relate(graph.CooperatesWith, x.id, y.id, graph.RelProps{Since: date(month(between(b.r, -36, 96))), Note: note})
	}
	o := func(key string) *orgInfo { return b.orgBy[key] }
	coop(o("jc"), o("aa"), "Gemeinsame Beratung Geflüchteter zu Arbeit und Ausbildung")
	coop(o("jc"), o("vhs"), "Zuweisung in Integrations- und Berufssprachkurse")
	coop(o("ki"), o("schulamt"), "Seiteneinstiegsberatung für neu zugewanderte Kinder")
	coop(o("caritas"), o("diakonie"), "Abgestimmte Migrationsberatung im Kreisgebiet")
	coop(o("ki"), o("abh"), "Fallkonferenzen zu Bleibeperspektiven")
	coop(o("ihk"), o("hwk"), "Gemeinsame Anerkennungsberatung")
	coop(o("ga"), o("psz"), "Vermittlung psychisch belasteter Geflüchteter")
	coop(o("ksb"), o("ki"), "Programm Integration durch Sport")
	notes := coopNotes
	for _, x := range main {
		if !x.local {
			continue
		}
		switch x.kind {
		case kVolunteer:
			if chance(b.r, 0.5) {
				coop(x, pick(b.r, []*orgInfo{o("caritas"), o("diakonie"), o("awo")}), pick(b.r, notes))
			}
		case kClub:
			coop(x, o("ksb"), "Stützpunktverein Integration durch Sport")
		case kMigrant:
			if chance(b.r, 0.4) {
				coop(x, o("ki"), "Förderung und Qualifizierung von Migrantenorganisationen")
			}
		case kDaycare:
			if chance(b.r, 0.3) {
				coop(x, o("ki"), "Rucksack- und Griffbereit-Gruppen")
			}
		}
	}
	for i := 0; i < len(main)/8; i++ {
		coop(pick(b.r, main), pick(b.r, main), pick(b.r, notes))
	}
	for _, pe := range b.c.peripheral {
		x := b.org(pe.org.key)
		coop(x, b.org(pe.partners[0]), pe.note)
		coop(x, b.org(pe.partners[1]), pe.note)
	}
	var ap []*orgInfo
	for _, x := range b.orgs {
		if x.apLocal {
			ap = append(ap, x)
		}
	}
	if len(ap) > 1 {
		coop(ap[0], ap[1], "Gemeinsames Willkommensfest")
	}
}

// coopNotes describe cooperations.
var coopNotes = []string{"Gemeinsames Sprachcafé", "Vermittlung von Ehrenamtlichen", "Räume für Beratung", "Gemeinsame Ferienangebote",
	"Kooperationsvertrag Sprachkurse", "Gemeinsame Elternabende", "Sprachmittlung für Beratungsgespräche"}

// actors writes a few invented people per county: staff of the integration office, of town
// administrations and of the large providers, and volunteers. Each works for one
// organisation and sits in some of its networks.
func (b *builder) actors(nets []*netInfo, admins []*orgInfo) {
	type job struct {
		org          *orgInfo
		roleF, roleM string
	}
	c := b.c
	lead := map[string][2]string{
		"NW": {"Leiterin des Kommunalen Integrationszentrums", "Leiter des Kommunalen Integrationszentrums"},
		"BW": {"Integrationsbeauftragte des Landkreises", "Integrationsbeauftragter des Landkreises"},
		"ST": {"Integrationskoordinatorin des Landkreises", "Integrationskoordinator des Landkreises"},
	}[c.state]
	jobs := []job{
		{b.org("ki"), lead[0], lead[1]},
		{b.org("ki"), "Koordination Integrationskonzept", "Koordination Integrationskonzept"},
		{b.org("caritas"), "Migrationsberaterin (MBE)", "Migrationsberater (MBE)"},
		{b.org("diakonie"), "Jugendmigrationsdienst", "Jugendmigrationsdienst"},
		{b.org("jc"), "Migrationsbeauftragte", "Migrationsbeauftragter"},
		{b.org("vhs"), "Fachbereichsleitung Deutsch als Zweitsprache", "Fachbereichsleitung Deutsch als Zweitsprache"},
	}
	for _, a := range admins[:min(3, len(admins))] {
		jobs = append(jobs, job{a, "Integrationsbeauftragte", "Integrationsbeauftragter"})
	}
	if ap := b.orgBy["admin:"+c.apTown]; !slices.ContainsFunc(jobs, func(j job) bool { return j.org == ap }) {
		jobs = append(jobs, job{ap, "Integrationsbeauftragte", "Integrationsbeauftragter"})
	}
	for _, o := range b.orgs {
		if o.local && o.kind == kVolunteer && o.town.Name == c.seat {
			jobs = append(jobs, job{o, "Ehrenamtskoordination", "Ehrenamtskoordination"})
		}
		if o.local && o.kind == kMigrant && o.town.Name == c.seat && !strings.Contains(o.key, "2:") {
			jobs = append(jobs, job{o, "Vorsitzende", "Vorsitzender"})
		}
	}
	used := map[string]bool{}
	for _, j := range jobs {
		female := chance(b.r, 0.55)
		role := j.roleM
		if female {
			role = j.roleF
		}
		name := personName(b.r, female)
		for used[name] {
			name = personName(b.r, female)
		}
		used[name] = true
		id := keyedID(graph.KindActor, c.key+"/"+name)
		b.out.add(&graph.Actor{Meta: graph.Meta{ID: id, Visibility: graph.Internal}, Name: name, Region: c.key, Role: role,
			Email: emailLocal(name) + "@" + j.org.slug + ".example", Phone: fmt.Sprintf("%s 555-%04d", j.org.phone, b.r.IntN(10000)), Consent: true})
		b.out.relate(graph.WorksFor, id, j.org.id, graph.RelProps{Role: role})
		// People represent their organisation in one or two of its networks.
		var mine []*netInfo
		for _, n := range nets {
			if n.has(j.org) {
				mine = append(mine, n)
			}
		}
		for i, k := range b.r.Perm(len(mine)) {
			if i == 2 {
				break
			}
			n := mine[k]
			r := n.roles[j.org]
			if r == "" {
				r = "Mitglied"
			}
			b.out.relate(graph.MemberOf, id, n.id, graph.RelProps{Role: r, Since: date(month(between(b.r, 0, 96)))})
		}
	}
}
