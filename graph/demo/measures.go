package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// draft is a measure as built, with what the planting and the checks need.
type draft struct {
	id       string
	t        *template
	field    int
	towns    []*place
	provider *orgInfo
	targets  []string
	status   string
	starts   graph.Date
	public   bool
	w        wording
	capacity int64
	venue    string
	langs    []string
	m        *graph.Measure // the node, for the concept's planning part
	goal     string         // the goal it pursues
}

// offer describes a measure to add.
type offer struct {
	t        *template
	field    int
	towns    []*place
	provider *orgInfo
	status   string
	w        *wording   // nil: a random wording
	targets  []string   // nil: chosen from the template
	starts   graph.Date // "": drawn for the status
	ends     graph.Date
	label    string // {ort} for offers in several towns ("Raum Sinsheim", "Vest")
	inTown   string
	public   bool // never internal (planted entries, coverage)
	planted  bool // may repeat a template in a cell on purpose
	retitle  bool // a data duplicate: vary the title a little
	capacity int64
	venue    string   // "": by the provider's kind
	langs    []string // nil: drawn
}

const (
	active    = "active"
	planned   = "planned"
	paused    = "paused"
	completed = "completed"
)

// add writes a measure and its relationships. It panics when the offer breaks a planted
// answer, which would be a mistake in the county facts.
func (b *builder) add(o offer) *draft {
	b.seq++
	f := b.fields[o.field]
	if !o.t.fits(f.spec.topics) && o.t != coordination {
		panic(fmt.Sprintf("demo: template %s does not fit field %s", o.t.key, f.spec.name))
	}
	if o.targets == nil {
		o.targets = b.targetsFor(o.t, o.towns, o.field, o.status == active)
	}
	for _, p := range o.towns {
		c := cell{p.AGS, o.field}
		if o.status == active {
			if _, gap := b.gapAt[c]; gap {
				panic(fmt.Sprintf("demo: active %s in planted gap %s/%s", o.t.key, p.Name, f.spec.name))
			}
			for _, g := range o.targets {
				if slices.Contains(b.noGroup[c], g) {
					panic(fmt.Sprintf("demo: active %s for %s in planted group gap %s/%s", o.t.key, g, p.Name, f.spec.name))
				}
			}
		}
		if b.claimed[c] == nil {
			b.claimed[c] = map[string]bool{}
		}
		if b.claimed[c][o.t.key] && !o.planted {
			panic(fmt.Sprintf("demo: %s repeated in %s/%s", o.t.key, p.Name, f.spec.name))
		}
		b.claimed[c][o.t.key] = true
	}
	r := b.r
	d := &draft{id: keyedID(graph.KindMeasure, fmt.Sprintf("%s/m%d", b.c.key, b.seq)), t: o.t, field: o.field,
		towns: o.towns, provider: o.provider, targets: o.targets, status: o.status}
	if o.w != nil {
		d.w = *o.w
	} else {
		d.w = randomWording(r, o.t)
	}
	starts, ends := o.starts, o.ends
	if starts == "" {
		starts, ends = measureDates(r, o.status)
	}
	d.starts = starts
	internal := 0.07
	if o.t.strategic {
		internal = 0.3
	}
	d.public = o.public || !chance(r, internal)
	d.capacity = o.capacity
	if d.capacity == 0 && o.t.capacity[1] > 0 {
		d.capacity = int64(between(r, o.t.capacity[0], o.t.capacity[1]))
	}
	langs := slices.Clone(o.langs)
	if langs == nil {
		langs = b.languages(o.t)
	}
	d.langs = langs
	d.venue = o.venue
	if d.venue == "" {
		d.venue = pick(r, venues[o.provider.kind])
	}
	m := &graph.Measure{
		Meta:      graph.Meta{ID: d.id, Visibility: graph.Public},
		Region:    b.c.key,
		Status:    o.status,
		Level:     "operational",
		Starts:    starts,
		Ends:      ends,
		Languages: langs,
		Capacity:  d.capacity,
		Programme: o.t.programme,
	}
	if !d.public {
		m.Visibility = graph.Internal
	}
	if o.t.strategic {
		m.Level = "strategic"
	} else {
		m.Format = measureFormat(r, o.t)
		m.Cost = measureCost(r, o.t)
	}
	vars := textVars{provider: o.provider.name, venue: d.venue, field: f.spec.name,
		langs: languageList(langs), capacity: d.capacity}
	vars.fee, vars.free = costText(m.Cost, o.t)
	if len(o.towns) == 1 {
		vars.town, vars.inTown = o.towns[0].Name, "in "+o.towns[0].Name
	} else {
		vars.town, vars.inTown = o.label, o.inTown
	}
	m.Title, m.Description = o.t.compose(d.w, &vars)
	if o.retitle && chance(r, 0.5) {
		m.Title = retitle(m.Title, vars.town)
	}
	if chance(r, 0.35) {
		m.Website = "https://www." + o.provider.slug + ".example/angebote/" + slug(m.Title, 40)
	}
	d.m = m
	b.measures = append(b.measures, d)
	b.out.add(m)

	o.provider.measures++
	b.out.relate(graph.Provides, o.provider.id, d.id, graph.RelProps{Role: "lead"})
	b.out.relate(graph.InField, d.id, f.id, graph.RelProps{})
	for _, g := range d.targets {
		b.out.relate(graph.Targets, d.id, groupID(g), graph.RelProps{})
	}
	for _, p := range o.towns {
		b.out.relate(graph.OfferedIn, d.id, p.AGS, graph.RelProps{})
		o.provider.serves[p.AGS] = true
	}
	d.goal = b.goalFor(f, o.t)
	b.out.relate(graph.Pursues, d.id, d.goal, graph.RelProps{})
	return d
}

// retitle varies a title the way a second entry of the same offer does.
func retitle(title, town string) string {
	if strings.Contains(title, town) {
		return strings.Replace(title, town, "in "+town, 1)
	}
	return title + " " + town
}

// targetsFor chooses the groups a measure addresses: the template's main group and some of
// the others. For an active measure it leaves out groups of planted target-group gaps; nil
// means the main group is such a group.
func (b *builder) targetsFor(t *template, towns []*place, field int, active bool) []string {
	var forbidden []string
	if active {
		for _, p := range towns {
			forbidden = append(forbidden, b.noGroup[cell{p.AGS, field}]...)
		}
	}
	if slices.Contains(forbidden, t.targets[0]) {
		return nil
	}
	gs := []string{t.targets[0]}
	for _, g := range t.targets[1:] {
		if len(gs) < 3 && chance(b.r, 0.45) && !slices.Contains(forbidden, g) {
			gs = append(gs, g)
		}
	}
	return gs
}

// goalFor picks the field's goal that fits the template's topic.
func (b *builder) goalFor(f *fieldInfo, t *template) string {
	var fit []string
	for _, g := range f.goals {
		if slices.Contains(t.topics, g.topic) {
			fit = append(fit, g.id)
		}
	}
	if len(fit) == 0 {
		return f.goals[0].id
	}
	return pick(b.r, fit)
}

// languages returns German plus, for offers in several languages, two to four of the
// county's languages.
func (b *builder) languages(t *template) []string {
	return offerLanguages(b.r, t, b.c.languages)
}

func offerLanguages(r *rand.Rand, t *template, pool []string) []string {
	langs := []string{"de"}
	switch {
	case t.multi:
		for _, i := range r.Perm(len(pool))[:between(r, 2, min(4, len(pool)))] {
			langs = append(langs, pool[i])
		}
	case chance(r, 0.1):
		langs = append(langs, "en")
	case chance(r, 0.1):
		langs = append(langs, pick(r, pool))
	}
	return langs
}

func measureFormat(r *rand.Rand, t *template) string {
	x := r.Float64()
	switch {
	case t.online && x < 0.15:
		return "online"
	case t.online && x < 0.55, x < 0.06:
		return "hybrid"
	}
	return "in_person"
}

// costText returns the fee as the closing sentence writes it ("2,50"), or whether the offer
// may be called free (not when the template speaks of fees elsewhere).
func costText(cost *float64, t *template) (fee string, free bool) {
	switch {
	case cost != nil && *cost > 0:
		return strings.Replace(strconv.FormatFloat(*cost, 'f', -1, 64), ".", ",", 1), false
	case cost != nil:
		return "", len(t.fees) == 0
	}
	return "", false
}

func measureCost(r *rand.Rand, t *template) *float64 {
	switch {
	case len(t.fees) > 0 && chance(r, 0.5):
		return ptr(pick(r, t.fees))
	case chance(r, 0.85):
		return ptr(0.0)
	}
	return nil
}

var (
	refDate = mustDate(ReferenceDate)
	day     = 24 * time.Hour
)

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// month returns the first day of the month n months after January 2018.
func month(n int) time.Time {
	return time.Date(2018, time.January+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

func date(t time.Time) graph.Date { return graph.Date(t.Format(time.DateOnly)) }

// measureDates draws start and end for a status, relative to ReferenceDate: active measures
// run on that day, planned ones start later, completed ones ended before.
func measureDates(r *rand.Rand, status string) (graph.Date, graph.Date) {
	switch status {
	case planned: // January to September 2027
		s := month(between(r, 108, 116))
		if chance(r, 0.5) {
			return date(s), ""
		}
		return date(s), date(s.AddDate(0, between(r, 12, 24), 0).Add(-day))
	case paused: // started 2020 to 2025, no end
		return date(month(between(r, 24, 95))), ""
	case completed: // ended by August 2026
		s := month(between(r, 0, 77))
		e := s.AddDate(0, between(r, 6, 30), 0).Add(-day)
		if last := refDate.AddDate(0, -1, -1); e.After(last) {
			e = last
		}
		return date(s), date(e)
	}
	s := month(between(r, 0, 101)) // active: started January 2018 to June 2026
	if chance(r, 0.55) {
		return date(s), ""
	}
	return date(s), date(month(between(r, 108, 131)).AddDate(0, 1, 0).Add(-day)) // ends 2027 or 2028
}

func randomStatus(r *rand.Rand) string {
	switch x := r.Float64(); {
	case x < 0.80:
		return active
	case x < 0.87:
		return planned
	case x < 0.91:
		return paused
	}
	return completed
}

// runs reports whether an organisation of kind (and key, for the specialised ones) runs
// offers like t. The health office is an administration, but it offers only health services.
func runs(key, kind string, t *template) bool {
	if key == "ga" && !slices.Contains(t.topics, topHealth) {
		return false
	}
	return slices.Contains(t.kinds, kind)
}

// providers lists the organisations that can run t in all of towns, local ones first.
func (b *builder) providers(t *template, towns []*place) (local, wider []*orgInfo) {
	for _, o := range b.orgs {
		if !runs(o.key, o.kind, t) {
			continue
		}
		all := true
		for _, p := range towns {
			all = all && o.home[p.AGS]
		}
		switch {
		case !all:
		case o.local || (len(towns) == 1 && o.town == towns[0]):
			local = append(local, o)
		default:
			wider = append(wider, o)
		}
	}
	return local, wider
}

// eligible lists the templates that may be added to the field in all of towns: fitting,
// available in the state, not yet used there, with a main group allowed there (for active
// measures), and with a provider.
func (b *builder) eligible(field int, towns []*place, status string, area bool) []*template {
	var ts []*template
	for _, t := range templates {
		if t.strategic || (area && !t.area) || (t.state != "" && t.state != b.c.state) || !t.fits(b.fields[field].spec.topics) {
			continue
		}
		ok := true
		for _, p := range towns {
			c := cell{p.AGS, field}
			ok = ok && !b.claimed[c][t.key] && !(status == active && slices.Contains(b.noGroup[c], t.targets[0]))
		}
		if !ok {
			continue
		}
		if l, w := b.providers(t, towns); len(l)+len(w) > 0 {
			ts = append(ts, t)
		}
	}
	return ts
}

// addLocal adds a measure of a random eligible template in one town; it returns nil when
// none is left.
func (b *builder) addLocal(p *place, field int, status string, public bool) *draft {
	ts := b.eligible(field, []*place{p}, status, false)
	if len(ts) == 0 {
		return nil
	}
	// Offers made for one place come first; county-wide counselling services less often.
	weights := make([]float64, len(ts))
	var sum float64
	for i, t := range ts {
		l, _ := b.providers(t, []*place{p})
		weights[i] = 1
		if len(l) > 0 {
			weights[i] = 3
		}
		if t.area {
			weights[i] /= 2
		}
		sum += weights[i]
	}
	x := b.r.Float64() * sum
	t := ts[len(ts)-1]
	for i, w := range weights {
		if x -= w; x < 0 {
			t = ts[i]
			break
		}
	}
	l, w := b.providers(t, []*place{p})
	prov := pickProvider(b.r, l, w)
	return b.add(offer{t: t, field: field, towns: []*place{p}, provider: prov, status: status, public: public})
}

func pickProvider(r *rand.Rand, local, wider []*orgInfo) *orgInfo {
	if len(local) > 0 && (len(wider) == 0 || chance(r, 0.7)) {
		return pick(r, local)
	}
	return pick(r, wider)
}

// plantGaps records the planted gaps and adds the planned, paused or completed measure that
// some of them have.
func (b *builder) plantGaps() {
	for _, g := range b.c.gaps {
		b.gapAt[cell{b.town(g.town).AGS, b.field(g.field)}] = g.reason
	}
	for _, g := range b.c.groupGaps {
		c := cell{b.town(g.town).AGS, b.field(g.field)}
		b.noGroup[c] = append(b.noGroup[c], g.group)
	}
	for _, g := range b.c.gaps {
		status := map[string]string{gapPlanned: planned, gapCompleted: completed, gapPaused: paused}[g.reason]
		if status != "" && b.addLocal(b.town(g.town), b.field(g.field), status, true) == nil {
			panic("demo: no measure for gap " + g.town + "/" + g.field)
		}
	}
}

// plantDuplicates adds the planted duplicate clusters.
func (b *builder) plantDuplicates() {
	for i, spec := range b.c.dups {
		p, f, t := b.town(spec.town), b.field(spec.field), templateByKey(spec.tmpl)
		if _, gap := b.gapAt[cell{p.AGS, f}]; gap || b.claimed[cell{p.AGS, f}][t.key] {
			panic("demo: duplicate cluster in a gap or a used cell: " + spec.town + "/" + spec.field)
		}
		var entries []*draft
		for j, key := range spec.providers {
			o := offer{t: t, field: f, towns: []*place{p}, provider: b.org(key), status: active, public: true, planted: true}
			if j > 0 {
				first := entries[0]
				o.w = ptr(otherWording(b.r, t, first.w))
				for _, e := range entries {
					if e.provider == o.provider {
						// The same offer entered again: same groups, reworded, a close start.
						o.w, o.targets, o.retitle = ptr(reworded(b.r, t, e.w)), e.targets, true
						o.venue, o.langs = e.venue, e.langs
						s, _ := e.starts.Time()
						o.starts = date(s.AddDate(0, between(b.r, 0, 3), 0))
						if chance(b.r, 0.5) {
							o.capacity = max(1, e.capacity+int64(between(b.r, -5, 5)))
						} else {
							o.capacity = e.capacity
						}
						break
					}
				}
			}
			entries = append(entries, b.add(o))
		}
		for x := range entries {
			for y := x + 1; y < len(entries); y++ {
				kind := ParallelOffer
				if entries[x].provider == entries[y].provider {
					kind = DataDuplicate
				}
				b.truth.Duplicates = append(b.truth.Duplicates, b.duplicate(entries[x], entries[y], kind, i+1))
			}
		}
	}
}

func (b *builder) duplicate(x, y *draft, kind string, cluster int) Duplicate {
	a, c := x.id, y.id
	if c < a {
		a, c = c, a
	}
	return Duplicate{A: a, B: c, Kind: kind, Cluster: fmt.Sprintf("%s-%02d", b.c.key, cluster), Region: b.c.key,
		Municipality: x.towns[0].AGS, Field: b.fields[x.field].id}
}

// plantNegatives adds the pairs a duplicate detector must not flag.
func (b *builder) plantNegatives() {
	for _, n := range b.c.negatives {
		t, prov := templateByKey(n.tmpl), b.org(n.provider)
		p, f := b.town(n.town), b.field(n.field)
		first := offer{t: t, field: f, towns: []*place{p}, provider: prov, status: active, public: true, planted: true}
		var second offer
		note := ""
		switch n.reason {
		case negMunicipality, negField, negTime:
			if n.reason == negTime {
				first.status, first.starts, first.ends = completed, "2021-03-01", "2023-06-30"
			}
			a := b.add(first)
			second = offer{t: t, field: f, towns: []*place{p}, provider: prov, status: active, public: true, planted: true,
				w: ptr(reworded(b.r, t, a.w)), targets: a.targets, venue: a.venue, langs: a.langs}
			switch n.reason {
			case negMunicipality:
				second.towns = []*place{b.town(n.town2)}
				note = fmt.Sprintf("the same offer by the same provider in %s and in %s", n.town, n.town2)
			case negField:
				second.field = b.field(n.field2)
				note = fmt.Sprintf("the same offer by the same provider in %s, entered under %q and under %q", n.town, n.field, n.field2)
			case negTime:
				second.starts = "2023-09-01"
				note = "the successor of a completed offer: the first ran until 2023-06-30, the second starts 2023-09-01"
			}
			bm := b.add(second)
			b.truth.Negatives = append(b.truth.Negatives, b.negative(a, bm, n.reason, note))
		case negContent:
			t2 := templateByKey(n.tmpl2)
			shared := ""
			for _, g := range t.targets {
				if slices.Contains(t2.targets, g) {
					shared = g
					break
				}
			}
			if shared == "" {
				panic("demo: negative pair without a shared target group: " + n.tmpl + "/" + n.tmpl2)
			}
			first.targets = uniq(t.targets[0], shared)
			a := b.add(first)
			second = offer{t: t2, field: f, towns: []*place{p}, provider: prov, status: active, public: true, planted: true,
				targets: uniq(t2.targets[0], shared)}
			bm := b.add(second)
			note = fmt.Sprintf("two different offers (%s, %s) by the same provider in the same place, field and time for the same group", t.key, t2.key)
			b.truth.Negatives = append(b.truth.Negatives, b.negative(a, bm, n.reason, note))
		default:
			panic("demo: unknown negative reason " + n.reason)
		}
	}
}

func uniq(a, b string) []string {
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}

func (b *builder) negative(x, y *draft, reason, note string) NonDuplicate {
	a, c := x.id, y.id
	if c < a {
		a, c = c, a
	}
	return NonDuplicate{A: a, B: c, Reason: reason, Region: b.c.key, Note: note}
}

// backgroundMeasures adds the unplanted measures: strategic coordination per field, offers
// across service areas and the whole county, local offers by size of town, then whatever
// keeps every unplanned cell covered and gives every organisation an offer.
func (b *builder) backgroundMeasures() {
	seat := b.town(b.c.seat)
	ki := b.org("ki")
	for f, fi := range b.fields {
		b.add(offer{t: coordination, field: f, towns: []*place{seat}, provider: ki, status: active})
		for _, t := range templates {
			if t.strategic && t.fits(fi.spec.topics) && !b.claimed[cell{seat.AGS, f}][t.key] {
				b.add(offer{t: t, field: f, towns: []*place{seat}, provider: ki, status: randomStatus(b.r)})
			}
		}
	}
	for f := range b.fields {
		if chance(b.r, 0.5) {
			b.addArea(f, b.places, b.c.short, "im gesamten Kreisgebiet")
		}
		for _, h := range b.c.hubs {
			area := b.areas[h]
			var pop int64
			for _, p := range area {
				pop += p.Population
			}
			n := 1
			if pop >= 60000 {
				n++
			}
			if pop >= 150000 {
				n++
			}
			for range n {
				b.addArea(f, area, "Raum "+shortTown(h), "in "+shortTown(h)+" und Umgebung")
			}
		}
	}
	for _, p := range b.places {
		for f, fi := range b.fields {
			if _, gap := b.gapAt[cell{p.AGS, f}]; gap {
				continue
			}
			x := localRate(p.Population) * min(1+0.25*float64(len(fi.spec.topics)-1), 2)
			n := int(x)
			if b.r.Float64() < x-float64(n) {
				n++
			}
			for range n {
				b.addLocal(p, f, randomStatus(b.r), false)
			}
		}
	}
	b.cover()
	b.employ()
}

// localRate is the mean number of local offers per field by size of town.
func localRate(pop int64) float64 {
	switch {
	case pop >= 80000:
		return 2.0
	case pop >= 40000:
		return 1.4
	case pop >= 20000:
		return 0.9
	case pop >= 10000:
		return 0.6
	case pop >= 5000:
		return 0.25
	}
	return 0.1
}

// addArea adds an offer across several towns, leaving out planted gaps and, for active
// offers, towns where its main group must not be addressed.
func (b *builder) addArea(field int, area []*place, label, inTown string) {
	status := randomStatus(b.r)
	var towns []*place
	for _, p := range area {
		if _, gap := b.gapAt[cell{p.AGS, field}]; !gap {
			towns = append(towns, p)
		}
	}
	if len(towns) < 2 {
		return
	}
	// Towns where the template is used already or its main group is a planted group gap drop
	// out; what remains must still be an area.
	ts := b.eligible(field, towns[:1], status, true)
	b.r.Shuffle(len(ts), func(i, j int) { ts[i], ts[j] = ts[j], ts[i] })
	for _, t := range ts {
		var keep []*place
		for _, p := range towns {
			c := cell{p.AGS, field}
			if !b.claimed[c][t.key] && !(status == active && slices.Contains(b.noGroup[c], t.targets[0])) {
				keep = append(keep, p)
			}
		}
		if len(keep) < 2 {
			continue
		}
		l, w := b.providers(t, keep)
		if len(l)+len(w) == 0 {
			continue
		}
		b.add(offer{t: t, field: field, towns: keep, provider: pickProvider(b.r, l, w), status: status, label: label, inTown: inTown})
		return
	}
}

// cover makes sure that every cell except the planted gaps has a public active measure.
func (b *builder) cover() {
	covered := map[cell]bool{}
	for _, d := range b.measures {
		if d.status == active && d.public {
			for _, p := range d.towns {
				covered[cell{p.AGS, d.field}] = true
			}
		}
	}
	for _, p := range b.places {
		for f := range b.fields {
			c := cell{p.AGS, f}
			if _, gap := b.gapAt[c]; gap || covered[c] {
				continue
			}
			if b.addLocal(p, f, active, true) == nil {
				panic(fmt.Sprintf("demo: cannot cover %s/%s", p.Name, b.fields[f].spec.name))
			}
		}
	}
}

// employ gives every organisation without a measure one offer in its town, where a fitting
// template is left.
func (b *builder) employ() {
	for _, o := range b.orgs {
		if o.measures > 0 {
			continue
		}
	fields:
		for _, f := range b.r.Perm(len(b.fields)) {
			c := cell{o.town.AGS, f}
			if _, gap := b.gapAt[c]; gap {
				continue
			}
			for _, t := range b.eligible(f, []*place{o.town}, active, false) {
				if runs(o.key, o.kind, t) {
					b.add(offer{t: t, field: f, towns: []*place{o.town}, provider: o, status: active})
					break fields
				}
			}
		}
	}
}
