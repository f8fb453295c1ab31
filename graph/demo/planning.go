package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The planning part of the measures a county's concept names: reference number, priority,
// horizon, addressee, intended effect, funding, dated status notes over the past year, and
// partners beside the lead body. Also the concept's own projects and bodies, and the
// measures' status a year before ReferenceDate (statusOn, AsOf).

// yearAgo is the start of the year the status notes cover: the demo shows one year of
// progress, from yearAgo to ReferenceDate.
var yearAgo = date(refDate.AddDate(-1, 0, 0))

// statusOn returns the status m had on day, as its dates tell: planned before it starts,
// completed after it ends, otherwise active (or paused, for a paused measure, since the
// day it paused is not known). On ReferenceDate it is m's status.
func statusOn(m *graph.Measure, day graph.Date) string {
	switch {
	case m.Starts != "" && m.Starts > day:
		return planned
	case m.Status == paused:
		return paused
	case m.Ends != "" && m.Ends < day:
		return completed
	}
	return active
}

// plantedPairs returns the measures of the planted duplicates and hard negatives: their
// providers decide what the analyses must find, so they get no partners and stay out of
// the concept.
func (b *builder) plantedPairs() map[string]bool {
	planted := map[string]bool{}
	for _, d := range b.truth.Duplicates {
		planted[d.A], planted[d.B] = true, true
	}
	for _, n := range b.truth.Negatives {
		planted[n.A], planted[n.B] = true, true
	}
	return planted
}

// conceptMeasures gives perField measures of every field their planning part: the measures
// the concept names. They are the field's measures run by county-wide organisations and
// town administrations that were not completed before the past year, in the order they
// were made, with those whose status changed in the past year first.
func (b *builder) conceptMeasures(spec *conceptSpec) {
	r := b.cr
	planted := b.plantedPairs()
	taken := map[string]bool{}
	for _, p := range spec.projects {
		taken[p.ref] = true
	}
	counters := map[string]int{}
	nextRef := func(bucket string) string {
		for {
			counters[bucket]++
			ref := fmt.Sprintf("%s%s.%d", spec.refPrefix, bucket, counters[bucket])
			if !taken[ref] {
				taken[ref] = true
				return ref
			}
		}
	}
	order := map[*draft]int{}
	for i, d := range b.measures {
		order[d] = i
	}
	starters := spec.starters
	for fi, f := range b.fields {
		var changed, steady []*draft
		for _, d := range b.measures {
			if d.field != fi || planted[d.id] || (d.provider.local && d.provider.kind != kAdmin) || d.provider.isolated || d.provider.peripheral ||
				statusOn(d.m, yearAgo) == completed {
				continue
			}
			if statusOn(d.m, yearAgo) != d.m.Status {
				changed = append(changed, d)
			} else {
				steady = append(steady, d)
			}
		}
		n := min(len(changed), 1+spec.perField/4)
		chosen := append(changed[:n:n], steady...)
		chosen = chosen[:min(spec.perField, len(chosen))]
		slices.SortFunc(chosen, func(x, y *draft) int { return order[x] - order[y] })
		for _, d := range chosen {
			m := d.m
			bucket := fmt.Sprint(fi + 1)
			if spec.refByGoal {
				bucket = b.ci.goalByID[d.goal].Reference
			}
			m.Reference = nextRef(bucket)
			m.Priority = pickWeighted(r, []string{"high", "medium", "low"}, []float64{3, 4, 2})
			if g := b.ci.goalByID[d.goal]; g.Parent != "" && b.ci.goalByID[g.Parent].Priority == "focus" {
				m.Priority = "high" // a measure toward a Schwerpunktziel
			}
			if starters > 0 && m.Status != completed {
				m.Priority = "starter"
				starters--
			}
			m.Horizon = pickWeighted(r, []string{"short", "medium", "long"}, []float64{3, 4, 2})
			m.Addressee = addresseeOf(d.provider)
			t := f.spec.topics[0]
			if len(d.t.topics) > 0 {
				t = d.t.topics[0]
			}
			m.Effect = effects[t]
			m.Funding = b.funding(m)
			m.StatusNotes = b.notes(m, spec.manyNotes)
			if chance(r, 0.5) {
				b.addPartners(d, t, 1+r.IntN(2))
			}
			b.named = append(b.named, m)
		}
	}
}

// addresseeOf says whom the concept asks to act on a measure run by o.
func addresseeOf(o *orgInfo) string {
	switch {
	case o.kind == kAdmin && o.local:
		return "municipality"
	case o.kind == kAdmin || o.kind == kImmigration:
		return "county"
	}
	return "partner"
}

func pickWeighted(r *rand.Rand, xs []string, ws []float64) string {
	var sum float64
	for _, w := range ws {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range ws {
		if x -= w; x < 0 {
			return xs[i]
		}
	}
	return xs[len(xs)-1]
}

// effects are the intended effects (Wirkung) of measures by topic.
var effects = map[topic]string{
	topLanguage:      "Zugewanderte erreichen schneller die Deutschkenntnisse, die sie für Alltag, Ausbildung und Beruf brauchen.",
	topEducation:     "Kinder und Jugendliche mit Zuwanderungsgeschichte kommen schneller im Regelunterricht an und erreichen häufiger einen Schulabschluss.",
	topFamily:        "Zugewanderte Familien finden früh den Weg zu Kita, Frühen Hilfen und Elternbildung; die Kinder starten mit besseren Deutschkenntnissen in die Schule.",
	topWork:          "Mehr Zugewanderte finden eine Ausbildung oder eine Arbeit, die ihrer Qualifikation entspricht.",
	topHousing:       "Geflüchtete ziehen schneller aus den Unterkünften in eigenen Wohnraum und kommen in ihrer Nachbarschaft an.",
	topHealth:        "Zugewanderte kennen die Angebote des Gesundheitswesens und nutzen sie rechtzeitig.",
	topParticipation: "Zugewanderte und Alteingesessene begegnen sich und gestalten das Zusammenleben vor Ort gemeinsam.",
	topEngagement:    "Ehrenamtliche werden gewonnen, qualifiziert und gehalten; die Hauptamtlichen werden entlastet.",
	topSport:         "Mehr Zugewanderte, besonders Mädchen und Frauen, treiben regelmäßig Sport im Verein.",
	topInstitutional: "Verwaltungen und Einrichtungen richten ihre Angebote auf eine vielfältige Bevölkerung aus und arbeiten abgestimmt zusammen.",
}

// funders are the usual funders of integration work per state.
var funders = map[string][]string{
	"NW": {"Land NRW, Kommunales Integrationsmanagement (KIM)", "Land NRW, KOMM-AN NRW", "Land NRW, Förderung der Kommunalen Integrationszentren",
		"Europäischer Sozialfonds Plus (ESF Plus)", "Kreishaushalt"},
	"BW": {"Land Baden-Württemberg, VwV Integration", "Land Baden-Württemberg, VwV Integration", "Europäischer Sozialfonds Plus (ESF Plus)",
		"Kreishaushalt"},
	"ST": {"Land Sachsen-Anhalt, Förderung der Integration", "Europäischer Sozialfonds Plus (ESF Plus) in Sachsen-Anhalt", "Kreishaushalt"},
}

// programmeFunders are the funders of the federal programmes.
var programmeFunders = map[string]string{
	"Integrationskurs (BAMF)": "Bundesamt für Migration und Flüchtlinge",
	"Berufssprachkurs":        "Bundesamt für Migration und Flüchtlinge",
	"Erstorientierungskurs":   "Bundesamt für Migration und Flüchtlinge",
	"MBE":                     "Bundesamt für Migration und Flüchtlinge",
	"JMD":                     "Bundesministerium für Familie, Senioren, Frauen und Jugend",
	"Demokratie leben!":       "Bundesministerium für Familie, Senioren, Frauen und Jugend",
}

// funding draws a measure's funding: a federal programme pays its own measures; others
// are funded by the state, the ESF or the county, now and then with the provider's own
// share, or are budget-neutral. The period is the measure's, for a running measure without
// an end the current two-year grant.
func (b *builder) funding(m *graph.Measure) []graph.Funding {
	r := b.cr
	starts, ends := m.Starts, m.Ends
	switch {
	case m.Status == planned && ends == "":
		s, _ := starts.Time()
		ends = date(s.AddDate(2, 0, 0).Add(-day))
	case m.Status != planned && m.Status != completed:
		starts = max(starts, "2025-01-01")
		ends = cmpOr(ends, "2026-12-31")
	}
	amount := func() *float64 { return ptr(float64(between(r, 8, 180)) * 500) }
	if f, ok := programmeFunders[m.Programme]; ok {
		return []graph.Funding{{Funder: f, Amount: amount(), Starts: starts, Ends: ends}}
	}
	switch x := r.Float64(); {
	case x < 0.25:
		return []graph.Funding{{BudgetNeutral: true}}
	case x < 0.85:
		fs := []graph.Funding{{Funder: pick(r, funders[b.c.state]), Amount: amount(), Starts: starts, Ends: ends}}
		if chance(r, 0.3) {
			fs = append(fs, graph.Funding{Funder: "Eigenmittel des Trägers", Amount: ptr(float64(between(r, 2, 20)) * 500), Starts: starts, Ends: ends})
		}
		return fs
	}
	return nil
}

// partnerKinds lists, per topic, the county-wide organisations that join a measure as
// partners, in order of preference.
var partnerKinds = map[topic][]string{
	topLanguage:      {"vhs", "caritas", "diakonie", "awo", "ki"},
	topEducation:     {"schulamt", "awo", "caritas", "vhs", "ki"},
	topFamily:        {"awo", "caritas", "ga", "drk", "ki"},
	topWork:          {"jc", "aa", "ihk", "hwk", "ki"},
	topHousing:       {"caritas", "diakonie", "wohnen", "drk", "ki"},
	topHealth:        {"ga", "psz", "drk", "awo", "ki"},
	topParticipation: {"pari", "caritas", "diakonie", "ki"},
	topEngagement:    {"pari", "drk", "fwa", "caritas", "ki"},
	topSport:         {"ksb", "ga", "ki"},
	topInstitutional: {"abh", "pari", "caritas", "ki"},
}

// addPartners adds up to n partners to a measure: county-wide organisations that fit the
// topic and already work in every municipality the measure is offered in, so that their
// ACTIVE_IN stays as it is. The lead body keeps its role.
func (b *builder) addPartners(d *draft, t topic, n int) {
	var cands []*orgInfo
	for _, key := range partnerKinds[t] {
		o, ok := b.orgBy[key]
		if !ok || o == d.provider || o.local || o.isolated || o.peripheral {
			continue
		}
		all := true
		for _, p := range d.towns {
			all = all && o.serves[p.AGS]
		}
		if all {
			cands = append(cands, o)
		}
	}
	for _, o := range cands[:min(n, len(cands))] {
		b.out.relate(graph.Provides, o.id, d.id, graph.RelProps{Role: "partner"})
	}
}

var monthNames = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// dayText renders a date as "15. März 2026".
func dayText(d graph.Date) string {
	t, _ := d.Time()
	return fmt.Sprintf("%d. %s %d", t.Day(), monthNames[t.Month()-1], t.Year())
}

// monthText renders a date as "März 2026".
func monthText(d graph.Date) string {
	t, _ := d.Time()
	return fmt.Sprintf("%s %d", monthNames[t.Month()-1], t.Year())
}

var (
	activeNotes = []string{
		"Läuft planmäßig; die Plätze sind gut belegt.",
		"Zwischenbilanz im Arbeitskreis vorgestellt: Die Nachfrage ist höher als erwartet.",
		"Warteliste eingerichtet, weil die Nachfrage die Plätze übersteigt.",
		"Personalwechsel beim Träger; das Angebot läuft ohne Unterbrechung weiter.",
		"Ein weiterer Standort im Kreisgebiet ist in Vorbereitung.",
		"Die Finanzierung für das kommende Jahr ist gesichert.",
		"Mehrsprachige Flyer neu aufgelegt und an die Beratungsstellen verteilt.",
	}
	// strategicNotes are the notes of coordination tasks, which have no places to fill.
	strategicNotes = []string{
		"Sitzung des Arbeitskreises: Der Stand der Handlungsempfehlungen wurde besprochen.",
		"Bericht zum Umsetzungsstand im Fachausschuss vorgestellt.",
		"Die Abstimmung mit den Städten und Gemeinden zur Fortschreibung hat begonnen.",
		"Neue Kooperationspartner für das Handlungsfeld gewonnen.",
		"Die Datenabfrage für das Integrationsmonitoring ist abgeschlossen.",
	}
	// plannedSteps are the notes of a measure in preparation, in the order things happen.
	plannedSteps = []string{
		"Konzept mit den Städten und Gemeinden abgestimmt; der Start ist für {monat} vorgesehen.",
		"Förderantrag gestellt; die Bewilligung steht noch aus.",
		"Die Förderung ist bewilligt; die Stelle ist ausgeschrieben.",
		"Personal gefunden; der Start zum {monat} steht fest.",
	}
	pausedNotes = []string{
		"Ruht, weil die Stelle derzeit unbesetzt ist; die Nachbesetzung läuft.",
		"Ruht, bis die Anschlussfinanzierung geklärt ist.",
	}
)

// notes writes a measure's status notes over the past year (yearAgo to ReferenceDate):
// one or two (every quarter with many), plus a note before and after a start or an end in
// that year, each saying what the status was on its day. Oldest first.
func (b *builder) notes(m *graph.Measure, many bool) []graph.StatusNote {
	r := b.cr
	ya, _ := yearAgo.Time()
	type note struct {
		day  graph.Date
		kind string
	}
	var ns []note
	within := func(d graph.Date) bool { return d > yearAgo && d <= ReferenceDate }
	shift := func(d graph.Date, days int) graph.Date {
		t, _ := d.Time()
		return date(t.AddDate(0, 0, days))
	}
	if within(m.Starts) {
		if d := shift(m.Starts, -between(r, 21, 42)); d > yearAgo {
			ns = append(ns, note{d, "prepare"})
		}
		ns = append(ns, note{min(shift(m.Starts, between(r, 0, 10)), ReferenceDate), "start"})
	}
	if m.Ends != "" && within(m.Ends) && m.Ends < ReferenceDate {
		if d := shift(m.Ends, -between(r, 28, 56)); d > yearAgo && d > m.Starts {
			ns = append(ns, note{d, "ending"})
		}
		ns = append(ns, note{min(shift(m.Ends, between(r, 1, 14)), ReferenceDate), "end"})
	}
	checkpoints := []int{1, 4, 7, 10} // months after yearAgo
	if !many {
		checkpoints = []int{pick(r, []int{1, 4}), pick(r, []int{7, 10})}
		if chance(r, 0.4) || len(ns) > 0 {
			checkpoints = checkpoints[1:]
		}
	}
	for _, c := range checkpoints {
		d := date(ya.AddDate(0, c, between(r, 5, 25)))
		if !slices.ContainsFunc(ns, func(n note) bool { return absDays(n.day, d) < 25 }) {
			ns = append(ns, note{d, ""})
		}
	}
	slices.SortFunc(ns, func(x, y note) int { return strings.Compare(string(x.day), string(y.day)) })
	used := map[string]bool{}
	choose := func(opts []string) string {
		free := slices.DeleteFunc(slices.Clone(opts), func(s string) bool { return used[s] })
		if len(free) == 0 {
			free = opts
		}
		s := pick(r, free)
		used[s] = true
		return s
	}
	var out []graph.StatusNote
	steps := 0
	if len(ns) < len(plannedSteps) {
		steps = len(plannedSteps) - len(ns) // a measure with few notes is further along
	}
	for _, n := range ns {
		var text string
		switch n.kind {
		case "prepare":
			text = "In Vorbereitung: Räume und Kooperationspartner stehen, der Start ist zum " + dayText(m.Starts) + " vorgesehen."
		case "start":
			text = "Am " + dayText(m.Starts) + " gestartet; die ersten Termine sind gut angenommen worden."
			if m.Level == "strategic" {
				text = "Am " + dayText(m.Starts) + " gestartet; die Auftaktsitzung mit den Partnern hat stattgefunden."
			}
		case "ending":
			text = "Die letzten Termine laufen; der Abschlussbericht wird vorbereitet."
		case "end":
			text = "Zum " + dayText(m.Ends) + " abgeschlossen. Die Ergebnisse fließen in die Fortschreibung des Konzepts ein."
			used["completed"] = true
		default:
			switch statusOn(m, n.day) {
			case planned:
				text = strings.ReplaceAll(plannedSteps[min(steps, len(plannedSteps)-1)], "{monat}", monthText(m.Starts))
				steps++
			case paused:
				text = choose(pausedNotes)
			case completed:
				if used["completed"] {
					continue
				}
				used["completed"] = true
				t, _ := m.Ends.Time()
				text = fmt.Sprintf("Abgeschlossen; die Bilanz steht im Umsetzungsbericht %d.", t.Year())
			case active:
				if m.Level == "strategic" {
					text = choose(strategicNotes)
				} else {
					text = choose(activeNotes)
				}
			}
		}
		out = append(out, graph.StatusNote{Date: n.day, Text: text})
	}
	return out
}

func absDays(a, b graph.Date) int {
	ta, _ := a.Time()
	tb, _ := b.Time()
	d := int(ta.Sub(tb) / day)
	if d < 0 {
		return -d
	}
	return d
}

// projects writes the concept's own measures: level strategic, offered in no
// municipality, with a lead body and partners, pursuing one of the concept's goals.
func (b *builder) projects(spec *conceptSpec) {
	for _, p := range spec.projects {
		f := b.field(p.field)
		g, ok := b.ci.goalByRef[p.goal]
		if !ok {
			panic(fmt.Sprintf("demo: %s: project %q pursues unknown goal %q", b.c.name, p.title, p.goal))
		}
		m := &graph.Measure{Meta: graph.Meta{ID: keyedID(graph.KindMeasure, b.c.key+"/project/"+p.key), Visibility: graph.Public},
			Title: p.title, Region: b.c.key, Description: p.desc, Status: p.status, Level: "strategic", Starts: p.starts, Ends: p.ends,
			Languages: []string{"de"}, Reference: p.ref, Priority: p.priority, Horizon: p.horizon, Addressee: p.addressee,
			Effect: p.effect, Funding: p.funding, StatusNotes: p.notes}
		b.out.add(m)
		b.out.relate(graph.Provides, b.org(p.lead).id, m.ID, graph.RelProps{Role: "lead"})
		for _, key := range p.partners {
			b.out.relate(graph.Provides, b.org(key).id, m.ID, graph.RelProps{Role: "partner"})
		}
		b.out.relate(graph.InField, m.ID, b.fields[f].id, graph.RelProps{})
		b.out.relate(graph.Pursues, m.ID, g.ID, graph.RelProps{})
		b.named = append(b.named, m)
	}
}

// bodies writes the networks the concept sets up.
func (b *builder) bodies(spec *conceptSpec) {
	for _, bs := range spec.bodies {
		id := keyedID(graph.KindNetwork, b.c.key+"/"+bs.name)
		b.out.add(&graph.Network{Meta: graph.Meta{ID: id, Visibility: graph.Public}, Name: bs.name, Region: b.c.key,
			Kind: bs.kind, Level: cmpOr(bs.level, "county"), Cadence: bs.cadence, Description: bs.desc})
		for _, p := range b.places {
			b.out.relate(graph.Covers, id, p.AGS, graph.RelProps{})
		}
		if bs.fields == nil {
			for _, f := range b.fields {
				b.out.relate(graph.WorksOn, id, f.id, graph.RelProps{})
			}
		}
		for _, name := range bs.fields {
			b.out.relate(graph.WorksOn, id, b.fields[b.field(name)].id, graph.RelProps{})
		}
		var members []*orgInfo
		for _, key := range bs.members {
			if key != "admins" {
				members = append(members, b.org(key))
				continue
			}
			for _, o := range b.orgs {
				if o.local && o.kind == kAdmin {
					members = append(members, o)
				}
			}
		}
		seen := map[*orgInfo]bool{}
		for _, o := range members {
			if seen[o] {
				continue
			}
			seen[o] = true
			if o.isolated || o.peripheral || o.apLocal {
				panic(fmt.Sprintf("demo: %s: %s would join %s and change the planted network structure", b.c.name, o.name, bs.name))
			}
			role := "Mitglied"
			if o.key == bs.chair {
				role = bs.chairRole
			}
			b.out.relate(graph.MemberOf, o.id, id, graph.RelProps{Role: role, Since: bs.since})
		}
	}
}

// progressTruth lists the named measures whose status changed in the past year.
func (b *builder) progressTruth() []StatusChange {
	var out []StatusChange
	for _, m := range b.named {
		then := statusOn(m, yearAgo)
		if then == m.Status {
			continue
		}
		on := m.Starts
		if m.Status == completed {
			on = m.Ends
		}
		out = append(out, StatusChange{Region: b.c.key, Measure: m.ID, Title: m.Title, Reference: m.Reference,
			Then: then, Now: m.Status, On: string(on)})
	}
	return out
}

// AsOf returns the data set as it stood on day, a date before ReferenceDate: every measure
// has the status its dates give on that day, status notes written after it are left out,
// and so are indicator values for day's year and later (a year's figures are published
// after it ends). Seeding AsOf(YearAgo) and then the demo itself, with a monitoring
// snapshot after each, gives a comparison that names the measures whose status changed
// (GroundTruth.Progress lists those the concepts name). Nodes that change are copies; the
// others and the relationships are shared with d and must not be modified. The ground
// truth is d's: it describes ReferenceDate.
func (d *Dataset) AsOf(day graph.Date) *Dataset {
	t, ok := day.Time()
	if !ok {
		panic("demo: AsOf needs a date, got " + string(day))
	}
	out := &Dataset{Nodes: make([]graph.Entity, len(d.Nodes)), Relations: d.Relations, Truth: d.Truth}
	for i, e := range d.Nodes {
		switch v := e.(type) {
		case *graph.Measure:
			m := v.Clone().(*graph.Measure)
			m.Status = statusOn(v, day)
			m.StatusNotes = slices.DeleteFunc(m.StatusNotes, func(n graph.StatusNote) bool { return n.Date > day })
			e = m
		case *graph.Indicator:
			ind := v.Clone().(*graph.Indicator)
			ind.Values = slices.DeleteFunc(ind.Values, func(x graph.IndicatorValue) bool { return x.Year >= t.Year() })
			e = ind
		}
		out.Nodes[i] = e
	}
	return out
}

// YearAgo is the day a year before ReferenceDate: the start of the demo's year of
// progress, for AsOf.
func YearAgo() graph.Date { return yearAgo }
