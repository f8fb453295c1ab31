package exchange

import (
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// sheetRun collects what a sheet states about relationships as a whole (memberships per
// network, cooperations per organisation), applied when the sheet ends.
type sheetRun struct {
	def     *sheetDef
	pending []pendingRel
	keys    map[graph.RelationKey]origin
	// rows are the buffered rows of the goals sheet.
	rows []*row
	// amended are the nodes an amending sheet changes, in the order first named.
	amended    map[string]*amendment
	amendOrder []string
}

type pendingRel struct {
	rs  *regionState
	rel graph.Relation
	o   origin
}

// handle reads one data row of a sheet.
func (im *importer) handle(r *row, sh *sheetRun) {
	switch r.def.kind {
	case SheetMunicipalities:
		im.municipalityRow(r)
	case SheetOrganisations:
		im.organisationRow(r)
	case SheetActors:
		im.actorRow(r)
	case SheetNetworks:
		im.networkRow(r)
	case SheetMemberships:
		im.membershipRow(r, sh)
	case SheetCooperations:
		im.cooperationRow(r, sh)
	case SheetConcepts:
		im.conceptRow(r)
	case SheetPeriods:
		im.periodRow(r, sh)
	case SheetGuidelines:
		im.guidelineRow(r)
	case SheetGoals:
		im.bufferGoal(r, sh)
	case SheetIndicators:
		im.indicatorRow(r)
	case SheetIndicatorValues:
		im.valueRow(r, sh)
	case SheetMeasures:
		im.measureRow(r)
	case SheetStatusNotes:
		im.noteRow(r, sh)
	}
}

// municipalityRow updates a municipality's figures (name, region and boundary stay unless
// given), or creates the municipality.
func (im *importer) municipalityRow(r *row) {
	ags := r.get("AGS")
	if !isDigits(ags, 8) {
		r.fail("AGS", ags, CodeInvalid, "is not an AGS; write the 8-digit Amtlicher Gemeindeschlüssel such as 05562004")
		im.count(r.o, outFailed)
		return
	}
	var rs *regionState
	if r.get(colRegion) != "" || im.opt.Region != "" && !strings.HasPrefix(ags, im.opt.Region) {
		rs = r.region()
	} else {
		key := ags[:5]
		if !im.regionKeys[key] && im.regionKeys[ags[:2]+"000"] {
			key = ags[:2] + "000"
		}
		if !im.regionKeys[key] {
			r.failf("AGS", ags, CodeUnknownName, "the region %s of this AGS does not exist; create it first or fill in Kreis", key)
			im.count(r.o, outFailed)
			return
		}
		var err error
		if rs, err = im.state(key); err != nil {
			r.failErr(colRegion, key, CodeInvalid, err)
		}
	}
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	m := &graph.Municipality{}
	if cur, ok := rs.nodes[ags].(*graph.Municipality); ok {
		m = cur.Clone().(*graph.Municipality)
	} else {
		m.Region = rs.key
	}
	m.ID = ags
	if name := r.get(colName); name != "" || m.Name == "" {
		m.Name = name
	}
	r.integer("Einwohner", &m.Population)
	r.integer("Ausländische Bevölkerung", &m.ForeignPopulation)
	r.integer("Schutzsuchende", &m.ProtectionSeekers)
	var year int64 = int64(m.PopulationYear)
	r.integer("Bezugsjahr", &year)
	m.PopulationYear = int(year)
	r.enumCode("Quelle Einwohner", populationSources, &m.PopulationSource)
	r.enumCode("Quelle Ausländerzahlen", populationSources, &m.ForeignSource)
	r.visibility(&m.Visibility)
	r.finishRow(rs, ags, r.put(rs, m))
}

func (im *importer) organisationRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	name := r.get(colName)
	id, ok := r.nodeID(rs, graph.KindOrganisation, foldName(name), func() []string { return rs.storedByName(graph.KindOrganisation, name) })
	if !ok && !r.bad {
		r.fail(colName, "", CodeInvalid, "is required")
	}
	o := &graph.Organisation{}
	if cur, ok := rs.nodes[id].(*graph.Organisation); ok {
		o = cur.Clone().(*graph.Organisation)
	}
	o.ID, o.Region = id, rs.key
	r.text(colName, &o.Name)
	r.enumCode(colKind, orgKinds, &o.Kind)
	r.text(colDesc, &o.Description)
	r.text(colWebsite, &o.Website)
	r.text(colEmail, &o.Email)
	r.text(colPhone, &o.Phone)
	r.text("Straße", &o.Street)
	r.text("PLZ", &o.PostalCode)
	r.text("Ort", &o.City)
	r.number("Breitengrad", &o.Lat)
	r.number("Längengrad", &o.Lon)
	r.visibility(&o.Visibility)
	munis, has := r.refs(rs, colMunis, graph.KindMunicipality)
	r.finishRow(rs, id, r.put(rs, o), relSync{t: graph.ActiveIn, want: rels(graph.ActiveIn, id, munis, graph.RelProps{}), present: has})
}

func (im *importer) actorRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	name := r.get(colName)
	id, ok := r.nodeID(rs, graph.KindActor, foldName(name), func() []string { return rs.storedByName(graph.KindActor, name) })
	if !ok && !r.bad {
		r.fail(colName, "", CodeInvalid, "is required")
	}
	a := &graph.Actor{}
	if cur, ok := rs.nodes[id].(*graph.Actor); ok {
		a = cur.Clone().(*graph.Actor)
	}
	a.ID, a.Region = id, rs.key
	r.text(colName, &a.Name)
	r.text("Funktion", &a.Role)
	r.text(colEmail, &a.Email)
	r.text(colPhone, &a.Phone)
	if r.has("Einwilligung") {
		v := r.get("Einwilligung")
		b, ok := yesNo(v)
		if !ok {
			r.fail("Einwilligung", v, CodeInvalid, "write ja or nein")
		}
		a.Consent = b
	}
	r.visibility(&a.Visibility)
	orgs, has := r.refs(rs, "Organisationen", graph.KindOrganisation)
	props := graph.RelProps{Role: r.get("Rolle in der Organisation")}
	r.finishRow(rs, id, r.put(rs, a), relSync{t: graph.WorksFor, want: rels(graph.WorksFor, id, orgs, props), present: has})
}

func (im *importer) networkRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	name := r.get(colName)
	id, ok := r.nodeID(rs, graph.KindNetwork, foldName(name), func() []string { return rs.storedByName(graph.KindNetwork, name) })
	if !ok && !r.bad {
		r.fail(colName, "", CodeInvalid, "is required")
	}
	n := &graph.Network{}
	if cur, ok := rs.nodes[id].(*graph.Network); ok {
		n = cur.Clone().(*graph.Network)
	}
	n.ID, n.Region = id, rs.key
	r.text(colName, &n.Name)
	r.enumCode(colKind, networkKinds, &n.Kind)
	r.enumCode("Ebene", networkLevels, &n.Level)
	r.enumCode("Turnus", cadences, &n.Cadence)
	r.text(colDesc, &n.Description)
	r.visibility(&n.Visibility)
	munis, hasM := r.refs(rs, colMunis, graph.KindMunicipality)
	fields, hasF := r.refs(rs, colFields, graph.KindField)
	r.finishRow(rs, id, r.put(rs, n),
		relSync{t: graph.Covers, want: rels(graph.Covers, id, munis, graph.RelProps{}), present: hasM},
		relSync{t: graph.WorksOn, want: rels(graph.WorksOn, id, fields, graph.RelProps{}), present: hasF})
}

func (im *importer) measureRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	title := r.get(colTitle)
	providers := r.providers(rs)
	fields, hasF := r.refs(rs, colFields, graph.KindField)
	groups, hasG := r.refs(rs, "Zielgruppen", graph.KindTargetGroup)
	towns, hasT := r.refs(rs, colMunis, graph.KindMunicipality)
	goals, hasZ := r.refs(rs, colGoals, graph.KindGoal)
	natural := ""
	if title != "" {
		natural = measureKey(title, providers.orgs(), towns)
	}
	id, ok := r.nodeID(rs, graph.KindMeasure, natural, func() []string { return rs.storedMeasures()[natural] })
	if !ok && !r.bad {
		r.fail(colTitle, "", CodeInvalid, "is required")
	}
	m := &graph.Measure{}
	if cur, ok := rs.nodes[id].(*graph.Measure); ok {
		m = cur.Clone().(*graph.Measure)
	}
	m.ID, m.Region = id, rs.key
	r.text(colTitle, &m.Title)
	r.text(colReference, &m.Reference)
	r.text(colDesc, &m.Description)
	r.enumCode("Status", statuses, &m.Status)
	r.enumCode(colLevel, measureLevels, &m.Level)
	r.enumCode(colPriority, priorities, &m.Priority)
	r.enumCode("Zeithorizont", horizons, &m.Horizon)
	r.enumCode("Adressat", addressees, &m.Addressee)
	r.text("Wirkung", &m.Effect)
	r.date(colStarts, &m.Starts)
	r.date("Ende", &m.Ends)
	if r.has("Sprachen") {
		m.Languages = nil
		for _, l := range splitList(strings.ReplaceAll(r.get("Sprachen"), ",", ";")) {
			m.Languages = append(m.Languages, strings.ToLower(l))
		}
	}
	r.enumCode("Format", formats, &m.Format)
	r.number("Teilnahmegebühr", &m.Cost)
	r.integer("Plätze", &m.Capacity)
	r.text("Programm", &m.Programme)
	r.text(colWebsite, &m.Website)
	r.funding(&m.Funding)
	r.statusNote(&m.StatusNotes)
	r.visibility(&m.Visibility)
	r.finishRow(rs, id, r.put(rs, m),
		relSync{t: graph.Provides, incoming: true, want: providers.want(id), present: providers.present, governs: providers.governs},
		relSync{t: graph.InField, want: rels(graph.InField, id, fields, graph.RelProps{}), present: hasF},
		relSync{t: graph.Targets, want: rels(graph.Targets, id, groups, graph.RelProps{}), present: hasG},
		relSync{t: graph.OfferedIn, want: rels(graph.OfferedIn, id, towns, graph.RelProps{}), present: hasT},
		relSync{t: graph.Pursues, want: rels(graph.Pursues, id, goals, graph.RelProps{}), present: hasZ})
}

// providerCols are the columns of a measure's providers and the role each states.
var providerCols = []struct{ col, role string }{{colProviders, ""}, {colLead, "lead"}, {colPartners, "partner"}}

// providerSet is what the provider columns of a measure row state: the organisations with
// their roles (Träger without role, Federführung lead, Partner partner) and which roles the
// row governs — those of the columns present, so that a sheet without the role columns
// leaves the lead body and the partners alone.
type providerSet struct {
	rs      *regionState
	role    map[string]string // organisation → role
	order   []string
	roles   map[string]bool // the roles whose columns are present
	present bool
}

// providers reads the provider columns of a measure row.
func (r *row) providers(rs *regionState) *providerSet {
	p := &providerSet{rs: rs, role: map[string]string{}, roles: map[string]bool{}}
	for _, pc := range providerCols {
		if r.has(pc.col) {
			p.present = true
			p.roles[pc.role] = true
		}
	}
	col := map[string]string{}
	for _, pc := range providerCols {
		ids, _ := r.refs(rs, pc.col, graph.KindOrganisation)
		for _, id := range ids {
			prev, named := p.role[id]
			switch {
			case !named:
				p.order = append(p.order, id)
			case prev != "" && pc.role != "" && prev != pc.role:
				r.failf(pc.col, r.get(pc.col), CodeInvalid, "names %s, which is named under %s already; an organisation has one role on a measure", rs.label(id), col[id])
				continue
			}
			p.role[id], col[id] = pc.role, pc.col
		}
	}
	return p
}

// orgs lists the providers in the order named.
func (p *providerSet) orgs() []string { return p.order }

// want returns the PROVIDES relationships the row states. An organisation listed under
// Träger keeps a stored role whose column the row lacks.
func (p *providerSet) want(measure string) []graph.Relation {
	stored := map[string]string{}
	for _, r := range p.rs.in[measure] {
		if r.Type == graph.Provides {
			stored[r.From] = r.Props.Role
		}
	}
	out := make([]graph.Relation, 0, len(p.order))
	for _, id := range p.order {
		role := p.role[id]
		if s, ok := stored[id]; ok && role == "" && s != "" && !p.roles[s] {
			role = s
		}
		out = append(out, graph.Relation{RelationKey: graph.RelationKey{Type: graph.Provides, From: id, To: measure}, Props: graph.RelProps{Role: role}})
	}
	return out
}

// governs reports whether the row states the stored relationship r (its role's column is
// present), so that the import may remove it when the row does not name it.
func (p *providerSet) governs(r graph.Relation) bool { return p.roles[r.Props.Role] }

// label names a node for a message.
func (rs *regionState) label(id string) string {
	if n := nodeName(rs.nodes[id]); n != "" {
		return n
	}
	return id
}

// fundingCols are the columns of a measure's funding entries.
var fundingCols = []string{colFunder, colAmount, colFundFrom, colFundTo, colNeutral}

// funding reads the funding columns of a measure row. The row states one entry per position
// of the lists in these columns (one entry: plain values; several: values separated by ;
// in the same order in every column). A column that is absent, or shorter than the stored
// entries when others are absent, keeps the stored values of its positions; an entry left
// with nothing in it is dropped.
func (r *row) funding(dst *[]graph.Funding) {
	lists := map[string][]string{}
	n, longest := 0, ""
	for _, c := range fundingCols {
		if !r.has(c) {
			continue
		}
		l := positions(r.get(c))
		lists[c] = l
		if len(l) > n {
			n, longest = len(l), c
		}
	}
	if len(lists) == 0 {
		return
	}
	for _, c := range fundingCols {
		if l := lists[c]; len(l) != 0 && len(l) != n {
			r.failf(c, r.get(c), CodeInvalid, "lists %d values, but %s lists %d funding entries; write one value per entry in the same order, separated by ; (an empty position: ; ;)", len(l), longest, n)
			return
		}
	}
	single := n == 1
	if len(lists) < len(fundingCols) {
		n = max(n, len(*dst))
	}
	// at returns the cell of column c for entry i, and false when the stored value stays.
	at := func(c string, i int) (string, bool) {
		l, ok := lists[c]
		switch {
		case !ok:
			return "", false
		case len(l) == 0:
			return "", true
		case i < len(l):
			return l[i], true
		}
		return "", false
	}
	var out []graph.Funding
	for i := 0; i < n; i++ {
		var f graph.Funding
		if i < len(*dst) {
			f = (*dst)[i]
		}
		if v, ok := at(colFunder, i); ok {
			f.Funder = v
		}
		if v, ok := at(colAmount, i); ok {
			f.Amount = nil
			if v != "" {
				a, ok := parseNumber(v, r.raw && single)
				if !ok {
					r.fail(colAmount, v, CodeInvalid, "is not a number (write e.g. 12.000 or 12000,50)")
					return
				}
				f.Amount = &a
			}
		}
		for _, d := range []struct {
			col string
			dst *graph.Date
		}{{colFundFrom, &f.Starts}, {colFundTo, &f.Ends}} {
			if v, ok := at(d.col, i); ok {
				day, ok := parseDate(v, r.raw && single)
				if !ok {
					r.fail(d.col, v, CodeInvalid, "is not a date; write YYYY-MM-DD or DD.MM.YYYY")
					return
				}
				*d.dst = day
			}
		}
		if v, ok := at(colNeutral, i); ok {
			b, ok := yesNo(v)
			if !ok {
				r.fail(colNeutral, v, CodeInvalid, "write ja or nein")
				return
			}
			f.BudgetNeutral = b
		}
		if f.Funder == "" && f.Amount == nil && f.Starts == "" && f.Ends == "" && !f.BudgetNeutral {
			continue // an empty position states no entry
		}
		out = append(out, f)
	}
	*dst = out
}

// positions splits a cell of positional values at semicolons and line breaks, keeping
// empty positions ("a; ; c", "a;" has two); an empty cell has no positions.
func positions(cell string) []string {
	cell = strings.TrimSpace(strings.ReplaceAll(cell, "\r\n", "\n"))
	if cell == "" {
		return nil
	}
	parts := strings.Split(strings.ReplaceAll(cell, "\n", ";"), ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// statusNote reads the current status note of a measure row (Sachstand vom, Sachstand)
// and merges it into the notes: a new day adds a note, a known day changes its text.
func (r *row) statusNote(dst *[]graph.StatusNote) {
	if !r.has(colNoteDate) && !r.has(colNote) {
		return
	}
	var n graph.StatusNote
	r.date(colNoteDate, &n.Date)
	n.Text = r.get(colNote)
	switch {
	case n.Date == "" && n.Text == "":
		return
	case n.Date == "" && r.has(colNoteDate):
		r.fail(colNoteDate, "", CodeInvalid, "is required with a Sachstand: the day it was written")
		return
	case n.Date == "":
		r.failf(colNote, n.Text, CodeInvalid, "needs its date; add the column %s", colNoteDate)
		return
	case n.Text == "":
		r.failf(colNote, "", CodeInvalid, "is required with %s", colNoteDate)
		return
	}
	*dst, _ = mergeNote(*dst, n)
}

// measureKey is the natural key of a measure: its folded title, its providers and its
// municipalities.
func measureKey(title string, providers, towns []string) string {
	p, t := slices.Clone(providers), slices.Clone(towns)
	slices.Sort(p)
	slices.Sort(t)
	return foldName(title) + "|" + strings.Join(p, ",") + "|" + strings.Join(t, ",")
}

// storedMeasures indexes the stored measures of the region by natural key.
func (rs *regionState) storedMeasures() map[string][]string {
	if rs.measureKeys != nil {
		return rs.measureKeys
	}
	rs.measureKeys = map[string][]string{}
	for id := range rs.stored {
		m, ok := rs.nodes[id].(*graph.Measure)
		if !ok {
			continue
		}
		var providers, towns []string
		for _, r := range rs.in[id] {
			if r.Type == graph.Provides {
				providers = append(providers, r.From)
			}
		}
		for _, r := range rs.out[id] {
			if r.Type == graph.OfferedIn {
				towns = append(towns, r.To)
			}
		}
		k := measureKey(m.Title, providers, towns)
		rs.measureKeys[k] = append(rs.measureKeys[k], id)
	}
	for _, ids := range rs.measureKeys {
		slices.Sort(ids)
	}
	return rs.measureKeys
}

// membershipRow reads one membership; the memberships of each network named in the sheet
// are synchronised when the sheet ends.
func (im *importer) membershipRow(r *row, sh *sheetRun) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	network, _ := r.ref(rs, "Netzwerk", graph.KindNetwork, r.get("Netzwerk"))
	org, person := r.get("Organisation"), r.get("Person")
	var member string
	switch {
	case org != "" && person != "":
		r.fail("Person", person, CodeInvalid, "fill in either Organisation or Person, not both; use one row for each member")
	case org != "":
		member, _ = r.ref(rs, "Organisation", graph.KindOrganisation, org)
	case person != "":
		member, _ = r.ref(rs, "Person", graph.KindActor, person)
	default:
		r.fail("Organisation", "", CodeInvalid, "is required: fill in the member organisation or person")
	}
	props := graph.RelProps{Role: r.get(colRole)}
	r.date(colSince, &props.Since)
	im.pendRel(r, sh, rs, graph.Relation{RelationKey: graph.RelationKey{Type: graph.MemberOf, From: member, To: network}, Props: props}, member)
}

// cooperationRow reads one cooperation; the cooperations of each organisation named in the
// sheet are synchronised when the sheet ends.
func (im *importer) cooperationRow(r *row, sh *sheetRun) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	a, _ := r.ref(rs, "Organisation", graph.KindOrganisation, r.get("Organisation"))
	b, _ := r.ref(rs, "Partner", graph.KindOrganisation, r.get("Partner"))
	if a != "" && a == b {
		r.fail("Partner", r.get("Partner"), CodeInvalid, "an organisation cannot cooperate with itself")
	}
	props := graph.RelProps{Note: r.get("Notiz")}
	r.date(colSince, &props.Since)
	im.pendRel(r, sh, rs, graph.Relation{RelationKey: graph.RelationKey{Type: graph.CooperatesWith, From: a, To: b}, Props: props}, a)
}

// pendRel checks a relationship row and keeps it for the end of the sheet.
func (im *importer) pendRel(r *row, sh *sheetRun, rs *regionState, rel graph.Relation, start string) {
	if r.bad {
		im.count(r.o, outFailed)
		return
	}
	rel.Normalize()
	if err := rel.Validate(); err != nil {
		for _, fe := range graph.FieldErrors(err) {
			col := map[string]string{"props.role": colRole, "props.since": colSince, "props.note": "Notiz"}[fe.Field]
			r.failField(col, "", CodeInvalid, fe)
		}
		im.count(r.o, outFailed)
		return
	}
	if e := rs.nodes[start]; e != nil && !im.allowed(e) {
		r.failf(colRegion, rs.key, CodeForbidden, "your role does not allow changing relationships in region %s", rs.key)
		im.count(r.o, outFailed)
		return
	}
	if sh.keys == nil {
		sh.keys = map[graph.RelationKey]origin{}
	}
	if prev, dup := sh.keys[rel.RelationKey]; dup {
		r.failf("", "", CodeDuplicateRow, "repeats row %d", prev.row)
		im.count(r.o, outFailed)
		return
	}
	sh.keys[rel.RelationKey] = r.o
	sh.pending = append(sh.pending, pendingRel{rs: rs, rel: rel, o: r.o})
}

// finishSheet synchronises the memberships of the networks and the cooperations of the
// organisations a sheet named, and counts its rows.
func (im *importer) finishSheet(sh *sheetRun) {
	switch sh.def.kind {
	case SheetGoals:
		im.finishGoals(sh)
		return
	case SheetPeriods, SheetIndicatorValues, SheetStatusNotes:
		im.finishAmendments(sh)
		return
	case SheetMemberships, SheetCooperations:
	default:
		return
	}
	type group struct {
		rs   *regionState
		node string
	}
	byNode := map[group][]pendingRel{}
	var order []group
	add := func(g group, p pendingRel) {
		if _, ok := byNode[g]; !ok {
			order = append(order, g)
		}
		byNode[g] = append(byNode[g], p)
	}
	for _, p := range sh.pending {
		if sh.def.kind == SheetMemberships {
			add(group{p.rs, p.rel.To}, p)
		} else {
			add(group{p.rs, p.rel.From}, p)
			add(group{p.rs, p.rel.To}, p)
		}
	}
	status := map[graph.RelationKey]int{}
	for _, p := range sh.pending {
		status[p.rel.RelationKey] = outUnchanged
	}
	done := map[graph.RelationKey]bool{}
	for _, g := range order {
		ps := byNode[g]
		cur := map[graph.RelationKey]graph.Relation{}
		if sh.def.kind == SheetMemberships {
			for _, r := range g.rs.in[g.node] {
				if r.Type == graph.MemberOf {
					cur[r.RelationKey] = r
				}
			}
		} else {
			for _, r := range slices.Concat(g.rs.out[g.node], g.rs.in[g.node]) {
				if r.Type == graph.CooperatesWith {
					cur[r.RelationKey] = r
				}
			}
		}
		want := map[graph.RelationKey]bool{}
		for _, p := range ps {
			want[p.rel.RelationKey] = true
			if done[p.rel.RelationKey] {
				continue
			}
			done[p.rel.RelationKey] = true
			c, ok := cur[p.rel.RelationKey]
			switch {
			case ok && c.Props == p.rel.Props:
				im.rep.Relations.Unchanged++
				continue
			case ok:
				im.rep.Relations.Updated++
				status[p.rel.RelationKey] = outUpdated
			default:
				im.rep.Relations.Added++
				status[p.rel.RelationKey] = outCreated
			}
			im.relOps = append(im.relOps, graph.Op{Action: graph.OpRelate, Relation: p.rel})
			im.relOrigin = append(im.relOrigin, p.o)
		}
		var gone []graph.RelationKey
		for k := range cur {
			if !want[k] && !done[k] {
				gone = append(gone, k)
			}
		}
		slices.SortFunc(gone, func(a, b graph.RelationKey) int {
			return graph.CompareRelations(graph.Relation{RelationKey: a}, graph.Relation{RelationKey: b})
		})
		for _, k := range gone {
			done[k] = true
			im.rep.Relations.Removed++
			im.unrelOps = append(im.unrelOps, graph.Op{Action: graph.OpUnrelate, Relation: graph.Relation{RelationKey: k}})
			im.unrelOrigin = append(im.unrelOrigin, ps[0].o)
		}
	}
	for _, p := range sh.pending {
		im.count(p.o, status[p.rel.RelationKey])
	}
}
