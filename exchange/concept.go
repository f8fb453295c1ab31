package exchange

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// The sheets of the integration concept: Konzepte, Zeiträume, Leitlinien, Ziele, Kennzahlen
// and Kennzahlwerte, and the Sachstände of the measures.
//
// Three sheets amend a list property of nodes that a sheet before them (or the store)
// holds: Zeiträume sets a concept's periods (for each concept named, exactly the rows given),
// Kennzahlwerte merges into an indicator's values (by year and municipality) and Sachstände
// into a measure's status notes (by date). Their rows are collected per node, and when the
// sheet ends each node is validated once, as a whole, by graph's rules; an error of a list
// item is reported at the row that stated the item.

// conceptRow reads one concept.
func (im *importer) conceptRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	title := r.get(colTitle)
	id, ok := r.nodeID(rs, graph.KindConcept, foldName(title), func() []string { return rs.storedByName(graph.KindConcept, title) })
	if !ok && !r.bad {
		r.fail(colTitle, "", CodeInvalid, "is required")
	}
	c := &graph.Concept{}
	if cur, ok := rs.nodes[id].(*graph.Concept); ok {
		c = cur.Clone().(*graph.Concept)
	}
	c.ID, c.Region = id, rs.key
	r.text(colTitle, &c.Title)
	r.text(colDesc, &c.Description)
	r.date("Beschlossen am", &c.Adopted)
	r.text(colWebsite, &c.Website)
	r.visibility(&c.Visibility)
	r.nodeRef(rs, colMunicipal, graph.KindMunicipality, &c.Municipality)
	fields, has := r.refs(rs, colFields, graph.KindField)
	r.finishRow(rs, id, r.put(rs, c), relSync{t: graph.InField, want: rels(graph.InField, id, fields, graph.RelProps{}), present: has})
}

// guidelineRow reads one Leitlinie.
func (im *importer) guidelineRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	title := r.get(colTitle)
	id, ok := r.nodeID(rs, graph.KindGuideline, foldName(title), func() []string { return rs.storedByName(graph.KindGuideline, title) })
	if !ok && !r.bad {
		r.fail(colTitle, "", CodeInvalid, "is required")
	}
	g := &graph.Guideline{}
	if cur, ok := rs.nodes[id].(*graph.Guideline); ok {
		g = cur.Clone().(*graph.Guideline)
	}
	g.ID, g.Region = id, rs.key
	r.text(colTitle, &g.Title)
	r.nodeRef(rs, colConcept, graph.KindConcept, &g.Concept)
	r.text(colReference, &g.Reference)
	r.text(colDesc, &g.Description)
	r.visibility(&g.Visibility)
	r.finishRow(rs, id, r.put(rs, g))
}

// nodeRef sets *dst to the node a single-reference column names ("" for an empty cell).
func (r *row) nodeRef(rs *regionState, col string, k graph.Kind, dst *string) {
	if !r.has(col) {
		return
	}
	v := r.get(col)
	if v == "" {
		*dst = ""
		return
	}
	if id, ok := r.ref(rs, col, k, v); ok {
		*dst = id
	}
}

// bufferGoal keeps a row of the goals sheet until the sheet ends: a goal may name as its
// Oberziel a goal further down, so the rows are processed parents first (finishGoals). The
// goals of a concept number in the hundreds at most, so holding them costs little.
func (im *importer) bufferGoal(r *row, sh *sheetRun) {
	r.cells = slices.Clone(r.cells)
	sh.rows = append(sh.rows, r)
}

// finishGoals processes the buffered goal rows, each goal after the goal it names as
// Oberziel when that goal is a row of the sheet too. Goals that name each other in a circle
// are errors of their rows.
func (im *importer) finishGoals(sh *sheetRun) {
	rows := sh.rows
	sh.rows = nil
	n := len(rows)
	regions := make([]*regionState, n)
	byKey := map[string]int{}    // region|Schlüssel → row
	byText := map[string][]int{} // region|folded text → rows
	for i, r := range rows {
		if regions[i] = r.region(); regions[i] == nil {
			continue
		}
		reg := regions[i].key
		if k := r.get(colKey); k != "" {
			byKey[reg+"|"+k] = i
		}
		if t := r.get(colGoal); t != "" {
			byText[reg+"|"+foldName(t)] = append(byText[reg+"|"+foldName(t)], i)
		}
	}
	parent := make([]int, n)
	for i, r := range rows {
		parent[i] = -1
		p := r.get(colParent)
		if regions[i] == nil || p == "" {
			continue
		}
		reg := regions[i].key
		if j, ok := byKey[reg+"|"+p]; ok && j != i {
			parent[i] = j
		} else if js := byText[reg+"|"+foldName(p)]; len(js) == 1 && js[0] != i {
			parent[i] = js[0]
		}
	}
	// Parents first: walk up from each row to a row already placed (or to the top) and
	// place the walk from its top down.
	const (
		unseen = iota
		walking
		placed
	)
	state := make([]int, n)
	circle := make([]bool, n)
	order := make([]int, 0, n)
	for i := range rows {
		var path []int
		j := i
		for j >= 0 && state[j] == unseen {
			state[j] = walking
			path = append(path, j)
			j = parent[j]
		}
		if j >= 0 && state[j] == walking {
			for _, c := range path[slices.Index(path, j):] {
				circle[c] = true
			}
		}
		for k := len(path) - 1; k >= 0; k-- {
			state[path[k]] = placed
			order = append(order, path[k])
		}
	}
	ids := make([]string, n)
	for _, i := range order {
		r, rs := rows[i], regions[i]
		parentID := ""
		if parent[i] >= 0 {
			parentID = ids[parent[i]]
		}
		switch {
		case rs == nil:
			im.count(r.o, outFailed)
		case circle[i]:
			var in []string
			for j := range rows {
				if circle[j] {
					in = append(in, strconv.Itoa(int(rows[j].o.row)))
				}
			}
			r.failf(colParent, r.get(colParent), CodeInvalid, "the goals of rows %s name each other as Oberziel in a circle; a goal cannot lie below its own sub-goal", strings.Join(in, ", "))
			ids[i] = im.goalRow(r, rs, "", true) // known by key and name to the rows after, which say no more
		case parent[i] >= 0 && parentID == "":
			r.failf(colParent, r.get(colParent), CodeInvalid, "the Oberziel is the goal of row %d, which has errors; correct that row first", rows[parent[i]].o.row)
			im.count(r.o, outFailed)
		default:
			ids[i] = im.goalRow(r, rs, parentID, false)
		}
	}
}

// goalRow reads one goal and returns its id. parent is the id of the goal the Oberziel cell
// names when that goal is a row of the same sheet (whose own errors, if any, are reported
// there and not again here); keepParent leaves the Oberziel cell unread.
func (im *importer) goalRow(r *row, rs *regionState, parent string, keepParent bool) string {
	text := r.get(colGoal)
	id, ok := r.nodeID(rs, graph.KindGoal, foldName(text), func() []string { return rs.storedByName(graph.KindGoal, text) })
	if !ok && !r.bad {
		r.fail(colGoal, "", CodeInvalid, "is required")
	}
	g := &graph.Goal{}
	if cur, ok := rs.nodes[id].(*graph.Goal); ok {
		g = cur.Clone().(*graph.Goal)
	}
	g.ID, g.Region = id, rs.key
	r.text(colGoal, &g.Text)
	r.nodeRef(rs, colConcept, graph.KindConcept, &g.Concept)
	r.nodeRef(rs, colGuideline, graph.KindGuideline, &g.Guideline)
	switch {
	case parent != "":
		g.Parent = parent
	case !keepParent:
		r.nodeRef(rs, colParent, graph.KindGoal, &g.Parent)
	}
	if g.Parent != "" && g.Parent == id && !r.bad {
		r.fail(colParent, r.get(colParent), CodeInvalid, "names the goal itself; a goal cannot be its own Oberziel")
	}
	r.enumCode(colLevel, goalLevels, &g.Level)
	r.text(colReference, &g.Reference)
	r.enumCode(colPriority, priorities, &g.Priority)
	r.text(colPeriod, &g.Period)
	if g.Period != "" {
		// Written as the concept writes it, whatever the case of the cell.
		if c, ok := rs.nodes[conceptOf(rs, g)].(*graph.Concept); ok {
			if p, ok := c.Period(g.Period); ok {
				g.Period = p.Name
			}
		}
	}
	r.date(colStarts, &g.Starts)
	r.date("Fällig", &g.Due)
	r.text(colDesc, &g.Description)
	r.visibility(&g.Visibility)
	fields, has := r.refs(rs, colFields, graph.KindField)
	r.finishRow(rs, id, r.put(rs, g), relSync{t: graph.InField, want: rels(graph.InField, id, fields, graph.RelProps{}), present: has})
	return id
}

// conceptOf returns the concept of a goal: its own, else its guideline's or its parent's.
func conceptOf(rs *regionState, g *graph.Goal) string {
	if g.Concept != "" {
		return g.Concept
	}
	if gl, ok := rs.nodes[g.Guideline].(*graph.Guideline); ok && g.Guideline != "" {
		return gl.Concept
	}
	if p, ok := rs.nodes[g.Parent].(*graph.Goal); ok && g.Parent != "" {
		return conceptOf(rs, p)
	}
	return ""
}

// indicatorRow reads one indicator; its values come from the sheet Kennzahlwerte.
func (im *importer) indicatorRow(r *row) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	name := r.get(colName)
	id, ok := r.nodeID(rs, graph.KindIndicator, foldName(name), func() []string { return rs.storedByName(graph.KindIndicator, name) })
	if !ok && !r.bad {
		r.fail(colName, "", CodeInvalid, "is required")
	}
	ind := &graph.Indicator{}
	if cur, ok := rs.nodes[id].(*graph.Indicator); ok {
		ind = cur.Clone().(*graph.Indicator)
	}
	ind.ID, ind.Region = id, rs.key
	r.text(colName, &ind.Name)
	r.text(colDesc, &ind.Description)
	r.enumCode("Richtung", directions, &ind.Direction)
	r.number("Ausgangswert", &ind.Baseline)
	r.year("Ausgangsjahr", &ind.BaselineYear)
	r.number("Zielwert", &ind.Target)
	r.number("Zielwert oben", &ind.TargetUpper)
	r.year("Zieljahr", &ind.TargetYear)
	r.text("Einheit", &ind.Unit)
	r.text("Quelle", &ind.Source)
	r.visibility(&ind.Visibility)
	goals, has := r.refs(rs, colGoals, graph.KindGoal)
	r.finishRow(rs, id, r.put(rs, ind), relSync{t: graph.MeasuredBy, incoming: true, want: relsTo(graph.MeasuredBy, goals, id), present: has})
}

// year reads a year column.
func (r *row) year(col string, dst *int) {
	n := int64(*dst)
	r.integer(col, &n)
	*dst = int(n)
}

// amendment is a node whose list property the rows of an amending sheet change.
type amendment struct {
	rs *regionState
	// base is the node before the sheet (as an earlier sheet staged it, or as stored), e the
	// node as the rows change it.
	base, e graph.Entity
	// first is the first row that names the node, with its cells in the order of the
	// sheet's columns.
	first itemRow
	// items maps the key of a list item to the row that states it, with the row's cells in
	// the order of the sheet's columns.
	items map[string]itemRow
	// rows are the rows naming the node and the outcome each would have.
	rows []rowOutcome
}

type itemRow struct {
	o     origin
	cells []string
}

type rowOutcome struct {
	o       origin
	outcome int
}

// amend returns the amendment of node id of kind k, starting it on the first row that names
// the node; nil (with the row failed) when the node is neither stored nor made by a row
// before.
func (im *importer) amend(r *row, sh *sheetRun, rs *regionState, k graph.Kind, col, id string) *amendment {
	if a := sh.amended[id]; a != nil {
		return a
	}
	base := rs.nodes[id]
	if base == nil && im.failed[id] {
		r.bad = true // the node's own row has errors, reported there
		return nil
	}
	if base == nil || base.EntityKind() != k {
		r.failf(col, r.get(col), CodeUnknownName, "the %s is neither stored nor created by a row of this import without errors", kindWords[k])
		return nil
	}
	if !im.allowed(base) {
		r.failf(colRegion, rs.key, CodeForbidden, "your role does not allow changing %ss in region %s", k, rs.key)
		return nil
	}
	a := &amendment{rs: rs, base: base, e: base.Clone(), first: itemRow{o: r.o, cells: rowCells(r)}, items: map[string]itemRow{}}
	if c, ok := a.e.(*graph.Concept); ok {
		c.Periods = nil // the rows state the periods completely
	}
	if sh.amended == nil {
		sh.amended = map[string]*amendment{}
	}
	sh.amended[id] = a
	sh.amendOrder = append(sh.amendOrder, id)
	return a
}

// item records the row that states the list item key; false (with the row failed at column
// col) when an earlier row stated it already.
func (a *amendment) item(r *row, key, col, what string) bool {
	if prev, dup := a.items[key]; dup {
		r.failf(col, r.get(col), CodeDuplicateRow, "repeats row %d (the same %s); each may appear once", prev.o.row, what)
		return false
	}
	a.items[key] = itemRow{o: r.o, cells: rowCells(r)}
	return true
}

// rowCells returns the cells of a row in the order of its sheet's columns.
func rowCells(r *row) []string {
	cells := make([]string, len(r.def.columns))
	for i, c := range r.def.columns {
		cells[i] = r.get(c.header)
	}
	return cells
}

// periodRow reads one period of a concept.
func (im *importer) periodRow(r *row, sh *sheetRun) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	id := r.requiredRef(rs, colConcept, graph.KindConcept)
	p := graph.ConceptPeriod{Name: r.get(colPeriod)}
	r.date(colStarts, &p.Starts)
	r.date("Ende", &p.Ends)
	if r.bad {
		im.count(r.o, outFailed)
		return
	}
	a := im.amend(r, sh, rs, graph.KindConcept, colConcept, id)
	if a == nil {
		im.count(r.o, outFailed)
		return
	}
	c := a.e.(*graph.Concept)
	a.item(r, periodKey(len(c.Periods)), "", "")
	c.Periods = append(c.Periods, p)
	outcome := outCreated
	if old, ok := a.base.(*graph.Concept).Period(p.Name); ok {
		outcome = outUpdated
		if old == p {
			outcome = outUnchanged
		}
	}
	a.rows = append(a.rows, rowOutcome{r.o, outcome})
}

func periodKey(i int) string { return "#" + strconv.Itoa(i) }

// requiredRef resolves a required single reference column.
func (r *row) requiredRef(rs *regionState, col string, k graph.Kind) string {
	v := r.get(col)
	if v == "" {
		r.failf(col, "", CodeInvalid, "is required: the name or Schlüssel of the %s", kindWords[k])
		return ""
	}
	id, _ := r.ref(rs, col, k, v)
	return id
}

// valueRow reads one measured value of an indicator.
func (im *importer) valueRow(r *row, sh *sheetRun) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	id := r.requiredRef(rs, colIndicator, graph.KindIndicator)
	var year int
	r.year(colYear, &year)
	if year == 0 && !r.bad {
		r.fail(colYear, "", CodeInvalid, "is required: the year the value was measured in")
	}
	var muni string
	if v := r.get(colMunicipal); v != "" {
		muni, _ = r.ref(rs, colMunicipal, graph.KindMunicipality, v)
	}
	var value *float64
	r.number(colValue, &value)
	if r.bad {
		im.count(r.o, outFailed)
		return
	}
	a := im.amend(r, sh, rs, graph.KindIndicator, colIndicator, id)
	if a == nil || !a.item(r, valueKey(muni, year), colYear, "indicator, year and municipality") {
		im.count(r.o, outFailed)
		return
	}
	ind := a.e.(*graph.Indicator)
	j := slices.IndexFunc(ind.Values, func(v graph.IndicatorValue) bool { return v.Municipality == muni && v.Year == year })
	outcome := outUnchanged
	switch {
	case value == nil && j >= 0:
		ind.Values = slices.Delete(ind.Values, j, j+1)
		outcome = outUpdated
	case value == nil:
	case j >= 0:
		if ind.Values[j].Value != *value {
			ind.Values[j].Value = *value
			outcome = outUpdated
		}
	default:
		ind.Values = append(ind.Values, graph.IndicatorValue{Municipality: muni, Year: year, Value: *value})
		outcome = outCreated
	}
	a.rows = append(a.rows, rowOutcome{r.o, outcome})
}

func valueKey(muni string, year int) string { return muni + "/" + strconv.Itoa(year) }

// noteRow reads one earlier status note of a measure.
func (im *importer) noteRow(r *row, sh *sheetRun) {
	rs := r.region()
	if rs == nil {
		im.count(r.o, outFailed)
		return
	}
	id := r.requiredRef(rs, colMeasure, graph.KindMeasure)
	var n graph.StatusNote
	r.date(colDate, &n.Date)
	n.Text = r.get(colNote)
	if r.bad {
		im.count(r.o, outFailed)
		return
	}
	a := im.amend(r, sh, rs, graph.KindMeasure, colMeasure, id)
	if a == nil || !a.item(r, string(n.Date), colDate, "measure and date") {
		im.count(r.o, outFailed)
		return
	}
	m := a.e.(*graph.Measure)
	var outcome int
	m.StatusNotes, outcome = mergeNote(m.StatusNotes, n)
	a.rows = append(a.rows, rowOutcome{r.o, outcome})
}

// mergeNote puts a status note into notes: it replaces the text of the note of the same day,
// or is inserted after the notes of its day and before (oldest first).
func mergeNote(notes []graph.StatusNote, n graph.StatusNote) ([]graph.StatusNote, int) {
	if n.Date != "" {
		if j := slices.IndexFunc(notes, func(x graph.StatusNote) bool { return x.Date == n.Date }); j >= 0 {
			if notes[j].Text == n.Text {
				return notes, outUnchanged
			}
			notes = slices.Clone(notes)
			notes[j].Text = n.Text
			return notes, outUpdated
		}
	}
	at := len(notes)
	for at > 0 && n.Date != "" && notes[at-1].Date > n.Date {
		at--
	}
	return slices.Insert(slices.Clone(notes), at, n), outCreated
}

var listItem = regexp.MustCompile(`^(\w+)\[(\d+)\]`)

// finishAmendments validates each amended node of a sheet as a whole and stages it: it
// replaces the operation of the row that staged the node, or becomes an operation of its own
// (at the first row naming it) when the node was stored and is changed only here.
func (im *importer) finishAmendments(sh *sheetRun) {
	for _, id := range sh.amendOrder {
		a := sh.amended[id]
		failed := im.validateAmended(sh.def, a)
		for _, ro := range a.rows {
			if failed[ro.o] {
				im.count(ro.o, outFailed)
			} else {
				im.count(ro.o, ro.outcome)
			}
		}
		if len(failed) > 0 {
			// Later sheets see the node as the rows state it (a goal naming a period given
			// in a failed row of Zeiträume), so that the error is reported once; nothing is
			// written anyway.
			a.rs.addNode(a.e, false)
			continue
		}
		if _, staged := im.opIndex[id]; !staged && graph.SameContent(a.base, a.e) {
			continue
		}
		a.rs.addNode(a.e, false)
		im.stageNode(graph.Op{Action: graph.OpUpsert, Entity: a.e}, a.first.o)
	}
	sh.amended, sh.amendOrder = nil, nil
}

// validateAmended runs graph's rules on an amended node and reports each error at the row
// of the list item it concerns (values[3].year at the row of that value, column Jahr), other
// errors at the first row naming the node. It returns the rows that got errors.
func (im *importer) validateAmended(def *sheetDef, a *amendment) map[origin]bool {
	err := graph.Prepare(a.e)
	if err == nil {
		err = graph.CheckUpdate(a.base, a.e)
	}
	if err == nil {
		err = im.check(a.rs, a.e)
	}
	if err == nil {
		return nil
	}
	cols := map[string]int{}
	for i, c := range def.columns {
		cols[c.header] = i
	}
	failed := map[origin]bool{}
	fes := graph.FieldErrors(err)
	if len(fes) == 0 {
		fes = []graph.FieldError{{Message: graph.ErrorMessage(err)}}
	}
	for _, fe := range fes {
		at := a.first
		if m := listItem.FindStringSubmatch(fe.Field); m != nil {
			i, _ := strconv.Atoi(m[2])
			if it, ok := a.items[itemKey(a.e, m[1], i)]; ok {
				at = it
			}
		}
		r := &row{im: im, def: def, o: at.o, cols: cols, cells: at.cells}
		col, value := r.columnOf(fe.Field)
		failed[r.o] = true
		r.failField(col, value, CodeInvalid, fe)
	}
	return failed
}

// itemKey is the key of item i of list property field of e, as the amending rows keyed it.
func itemKey(e graph.Entity, field string, i int) string {
	switch v := e.(type) {
	case *graph.Concept:
		if field == "periods" {
			return periodKey(i)
		}
	case *graph.Indicator:
		if field == "values" && i < len(v.Values) {
			return valueKey(v.Values[i].Municipality, v.Values[i].Year)
		}
	case *graph.Measure:
		if field == "status_notes" && i < len(v.StatusNotes) {
			return string(v.StatusNotes[i].Date)
		}
	}
	return ""
}
