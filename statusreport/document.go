package statusreport

import (
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"github.com/netzwerkatlas/netzwerkatlas/report"
)

// Document lays the report out for package report: a summary, one section per field of
// action with its goals (a chart per indicator, a table of the indicators and one of the
// measures), then the changes of the period beyond the concept. created is the date printed
// as "Erstellt am" (zero leaves it out).
func (r *Report) Document(lang msg.Lang, created time.Time) *report.Document {
	p := msg.For(lang)
	t := func(key string, args msg.Args) string { return p.T(key, args) }
	d := &report.Document{
		Title:    t("status.title", nil),
		Subtitle: t("status.subtitle", msg.Args{"region": r.RegionName, "from": p.Date(r.From.Taken), "to": p.Date(r.To.Taken)}),
		Lang:     string(p.Lang), Author: r.RegionName, Created: created, TOC: true,
	}
	start := t("status.meta.no_start", nil)
	if r.HasStart {
		start = standName(p, r.From)
	}
	d.Meta = []report.KeyValue{
		{Key: t("status.meta.region", nil), Value: r.RegionName},
		{Key: t("status.meta.period", nil), Value: p.Date(r.From.Taken) + " – " + p.Date(r.To.Taken)},
		{Key: t("status.meta.start", nil), Value: start},
		{Key: t("status.meta.end", nil), Value: standName(p, r.To)},
		{Key: t("status.meta.year", nil), Value: strconv.Itoa(r.Year)},
	}
	if len(r.Concepts) > 0 {
		d.Meta = append(d.Meta[:1], append([]report.KeyValue{{Key: t("status.meta.concept", nil), Value: strings.Join(r.Concepts, "; ")}}, d.Meta[1:]...)...)
	}
	add := func(b ...report.Block) { d.Blocks = append(d.Blocks, b...) }

	// Summary.
	add(report.HeadingBlock(1, t("status.summary", nil)))
	add(report.ParagraphBlock(r.summary(p), report.StyleNormal))
	if !r.HasStart {
		add(report.ParagraphBlock(t("status.no_start", msg.Args{"date": p.Date(r.From.Taken)}), report.StyleNote))
	}
	classes := report.Table{Caption: t("status.classes.caption", nil), Sheet: t("status.sheet.classes", nil),
		Columns: []report.Column{{Title: t("status.col.class", nil), Kind: report.KindClass, Width: 2},
			{Title: t("status.col.goals", nil), Kind: report.KindNumber}, {Title: t("status.col.indicators", nil), Kind: report.KindNumber}}}
	for _, c := range analysis.AttainmentClasses {
		classes.Rows = append(classes.Rows, []report.Cell{{Class: c}, {Number: report.Num(float64(r.GoalClasses[c]))}, {Number: report.Num(float64(r.IndicatorClasses[c]))}})
	}
	add(report.TableBlock(classes))
	status := report.Table{Caption: t("status.status.caption", nil), Sheet: t("status.sheet.status", nil),
		Columns: []report.Column{{Title: t("status.col.status", nil), Width: 2}, {Title: t("status.col.then", nil), Kind: report.KindNumber}, {Title: t("status.col.now", nil), Kind: report.KindNumber}}}
	for _, st := range []string{"planned", "active", "paused", "completed"} {
		then := report.Cell{Text: "–"}
		if r.HasStart {
			then = report.Cell{Number: report.Num(float64(r.StatusThen[st]))}
		}
		status.Rows = append(status.Rows, []report.Cell{{Text: t("status.measure."+st, nil)}, then, {Number: report.Num(float64(r.StatusNow[st]))}})
	}
	add(report.TableBlock(status))

	// One section per field of action.
	figure := 0
	for _, f := range r.Fields {
		add(report.HeadingBlock(1, fieldTitle(p, f)))
		if f.ID != "" {
			add(report.ParagraphBlock(t("status.field.class", msg.Args{"class": t("attainment.class."+f.Class, nil)})+" "+f.Explanation, report.StyleMuted))
		}
		for _, g := range f.Goals {
			add(report.HeadingBlock(min(2+g.Depth, 3), strings.TrimSpace(g.Reference+" "+g.Text)))
			line := t("status.goal.class", msg.Args{"class": t("attainment.class."+g.Class, nil)})
			if g.ClassThen != "" && g.ClassThen != g.Class {
				line += " " + t("status.goal.class_then", msg.Args{"class": t("attainment.class."+g.ClassThen, nil)})
			}
			add(report.ParagraphBlock(line+" "+g.Explanation, report.StyleNormal))
			if len(g.Indicators) > 0 {
				add(report.TableBlock(indicatorTable(p, g)))
				for _, ind := range g.Indicators {
					if len(ind.Series) == 0 && ind.Baseline == nil {
						continue
					}
					figure++
					add(report.ChartBlock(chart(ind)))
				}
			}
			if len(g.Measures) > 0 {
				add(report.TableBlock(measureTable(p, r.HasStart, t("status.measures.caption", msg.Args{"goal": strings.TrimSpace(g.Reference + " " + short(g.Text, 80))}), g.Measures)))
			} else {
				add(report.ParagraphBlock(t("status.goal.no_measures", nil), report.StyleMuted))
			}
		}
	}

	// Changes of the period beyond the concept's goals.
	add(report.HeadingBlock(1, t("status.changes", nil)))
	if !r.HasStart {
		add(report.ParagraphBlock(t("status.changes.no_start", nil), report.StyleNote))
	} else {
		add(report.ParagraphBlock(t("status.changes.summary", msg.Args{"changed": r.Changed, "added": r.MeasuresAdded, "removed": r.MeasuresRemoved}), report.StyleNormal))
		if len(r.OtherChanges) > 0 {
			add(report.HeadingBlock(2, t("status.other", nil)))
			add(report.TableBlock(measureTable(p, true, t("status.other.caption", nil), r.OtherChanges)))
		}
		add(report.HeadingBlock(2, t("status.gaps", nil)))
		if len(r.GapsClosed)+len(r.GapsOpened) == 0 {
			add(report.ParagraphBlock(t("status.gaps.none", nil), report.StyleMuted))
		} else {
			gaps := report.Table{Caption: t("status.gaps.caption", nil), Sheet: t("status.sheet.gaps", nil), Columns: []report.Column{
				{Title: t("status.col.municipality", nil), Width: 2}, {Title: t("status.col.field", nil), Width: 2}, {Title: t("status.col.change", nil), Width: 1.5}}}
			for _, c := range r.GapsClosed {
				gaps.Rows = append(gaps.Rows, []report.Cell{{Text: c.MunicipalityName}, {Text: c.FieldName}, {Text: t("status.gaps.closed", nil)}})
			}
			for _, c := range r.GapsOpened {
				gaps.Rows = append(gaps.Rows, []report.Cell{{Text: c.MunicipalityName}, {Text: c.FieldName}, {Text: t("status.gaps.opened", nil)}})
			}
			add(report.TableBlock(gaps))
		}
		add(report.HeadingBlock(2, t("status.networks", nil)))
		if len(r.Joined)+len(r.Left) == 0 {
			add(report.ParagraphBlock(t("status.networks.none", nil), report.StyleMuted))
		} else {
			nets := report.Table{Caption: t("status.networks.caption", nil), Sheet: t("status.sheet.networks", nil), Columns: []report.Column{
				{Title: t("status.col.organisation", nil), Width: 2}, {Title: t("status.col.network", nil), Width: 2}, {Title: t("status.col.change", nil), Width: 1.5}}}
			for _, m := range r.Joined {
				nets.Rows = append(nets.Rows, []report.Cell{{Text: m.OrganisationName}, {Text: m.NetworkName}, {Text: t("status.networks.joined", nil)}})
			}
			for _, m := range r.Left {
				nets.Rows = append(nets.Rows, []report.Cell{{Text: m.OrganisationName}, {Text: m.NetworkName}, {Text: t("status.networks.left", nil)}})
			}
			add(report.TableBlock(nets))
		}
	}
	add(report.HeadingBlock(2, t("status.duplicates", nil)))
	if len(r.OpenDuplicates) == 0 {
		add(report.ParagraphBlock(t("status.duplicates.none", nil), report.StyleMuted))
	} else {
		dups := report.Table{Caption: t("status.duplicates.caption", msg.Args{"count": len(r.OpenDuplicates)}), Sheet: t("status.sheet.duplicates", nil), Columns: []report.Column{
			{Title: t("status.col.measures", nil), Width: 4}, {Title: t("status.col.kind", nil), Width: 1.5}, {Title: t("status.col.score", nil), Kind: report.KindNumber, Decimals: 2}}}
		for _, c := range r.OpenDuplicates {
			dups.Rows = append(dups.Rows, []report.Cell{{Text: strings.Join(c.Titles, " · ")}, {Text: t("status.duplicates."+c.Kind, nil)}, {Number: report.Num(c.Score)}})
		}
		add(report.TableBlock(dups))
	}
	return d
}

// summary says in two sentences how the concept stands.
func (r *Report) summary(p msg.Printer) string {
	goals, inds := 0, 0
	for _, n := range r.GoalClasses {
		goals += n
	}
	for _, n := range r.IndicatorClasses {
		inds += n
	}
	s := p.T("status.summary.goals", msg.Args{"goals": goals, "indicators": inds,
		"achieved": r.GoalClasses[analysis.ClassAchieved], "on_track": r.GoalClasses[analysis.ClassOnTrack],
		"at_risk": r.GoalClasses[analysis.ClassAtRisk], "off_track": r.GoalClasses[analysis.ClassOffTrack], "year": strconv.Itoa(r.Year)})
	measures := 0
	for _, n := range r.StatusNow {
		measures += n
	}
	s += " " + p.T("status.summary.measures", msg.Args{"measures": measures, "active": r.StatusNow["active"], "completed": r.StatusNow["completed"], "planned": r.StatusNow["planned"]})
	if r.HasStart {
		s += " " + p.T("status.summary.changed", msg.Args{"changed": r.Changed})
	}
	return s
}

// standName names an end of the period: the snapshot's label and day, or "current state".
func standName(p msg.Printer, s Stand) string {
	switch {
	case s.ID == "":
		return p.T("status.meta.live", msg.Args{"date": p.Date(s.Taken)})
	case s.Label != "":
		return p.T("status.meta.saved_label", msg.Args{"label": s.Label, "date": p.Date(s.Taken)})
	}
	return p.T("status.meta.saved", msg.Args{"date": p.Date(s.Taken)})
}

func fieldTitle(p msg.Printer, f FieldSection) string {
	if f.ID == "" {
		return p.T("status.field.none", nil)
	}
	return p.T("status.field", msg.Args{"name": f.Name})
}

// indicatorTable lists a goal's indicators: start, latest value, target, class.
func indicatorTable(p msg.Printer, g GoalSection) report.Table {
	t := func(key string) string { return p.T(key, nil) }
	tb := report.Table{Caption: p.T("status.indicators.caption", msg.Args{"goal": strings.TrimSpace(g.Reference + " " + short(g.Text, 80))}),
		Columns: []report.Column{{Title: t("status.col.indicator"), Width: 3}, {Title: t("status.col.start"), Width: 1.3},
			{Title: t("status.col.latest"), Width: 1.3}, {Title: t("status.col.target"), Width: 1.5}, {Title: t("status.col.class"), Kind: report.KindClass, Width: 1.4}}}
	for _, ind := range g.Indicators {
		tb.Rows = append(tb.Rows, []report.Cell{{Text: ind.Name}, {Text: pointText(p, ind.Start, ind.Unit)}, {Text: pointText(p, ind.Latest, ind.Unit)},
			{Text: targetText(p, ind)}, {Class: ind.Class}})
	}
	var sources []string
	for _, ind := range g.Indicators {
		if ind.Source != "" {
			sources = append(sources, p.T("status.indicators.source", msg.Args{"name": ind.Name, "source": ind.Source}))
		}
	}
	tb.Notes = sources
	return tb
}

// measureTable lists measures with reference, lead body, status at both ends and the newest
// status note of the period.
func measureTable(p msg.Printer, hasStart bool, caption string, rows []MeasureRow) report.Table {
	t := func(key string) string { return p.T(key, nil) }
	tb := report.Table{Caption: caption, Columns: []report.Column{{Title: t("status.col.reference"), Width: 0.9}, {Title: t("status.col.measure"), Width: 3},
		{Title: t("status.col.lead"), Width: 2}}}
	if hasStart {
		tb.Columns = append(tb.Columns, report.Column{Title: t("status.col.then"), Width: 1.2})
	}
	tb.Columns = append(tb.Columns, report.Column{Title: t("status.col.now"), Width: 1.2}, report.Column{Title: t("status.col.note"), Width: 3})
	for _, m := range rows {
		row := []report.Cell{{Text: m.Reference}, {Text: m.Title}, {Text: m.Lead}}
		now := t("status.measure." + m.Now)
		if hasStart {
			then := "–"
			if m.Then != "" {
				then = t("status.measure." + m.Then)
			}
			row = append(row, report.Cell{Text: then})
			if m.Changed {
				now = p.T("status.measure.changed", msg.Args{"status": now})
			}
		}
		row = append(row, report.Cell{Text: now}, report.Cell{Text: noteText(p, m.Note)})
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// noteText shows a status note "YYYY-MM-DD: text" with the date in the language's form.
func noteText(p msg.Printer, note string) string {
	day, text, ok := strings.Cut(note, ": ")
	if !ok {
		return note
	}
	if d, err := time.Parse(time.DateOnly, day); err == nil {
		return p.Date(d) + ": " + text
	}
	return note
}

func pointText(p msg.Printer, pt *analysis.Point, unit string) string {
	if pt == nil {
		return "–"
	}
	return p.T("status.value_year", msg.Args{"value": withUnit(p, pt.Value, unit), "year": strconv.Itoa(pt.Year)})
}

func targetText(p msg.Printer, ind analysis.IndicatorAttainment) string {
	if ind.Target == nil {
		return "–"
	}
	v := withUnit(p, *ind.Target, ind.Unit)
	if ind.TargetUpper != nil {
		v = p.Num(*ind.Target, 2) + "–" + withUnit(p, *ind.TargetUpper, ind.Unit)
	}
	if ind.Direction == "lower" {
		v = p.T("status.target.at_most", msg.Args{"value": v})
	}
	if ind.TargetYear == 0 {
		return v
	}
	return p.T("status.value_year", msg.Args{"value": v, "year": strconv.Itoa(ind.TargetYear)})
}

func withUnit(p msg.Printer, v float64, unit string) string {
	s := p.Num(v, 2)
	switch unit {
	case "":
		return s
	case "%":
		return s + " %"
	}
	return s + " " + unit
}

// chart turns an indicator's assessment into a chart: the series, the target, the baseline
// and the trend's projection to the target year.
func chart(ind analysis.IndicatorAttainment) report.Chart {
	c := report.Chart{Title: ind.Name, Description: ind.Explanation, Unit: ind.Unit, Decimals: 1,
		Target: ind.Target, TargetUpper: ind.TargetUpper, TargetYear: ind.TargetYear}
	for _, pt := range ind.Series {
		c.Series = append(c.Series, report.Point{Year: pt.Year, Value: pt.Value})
	}
	if ind.Baseline != nil {
		c.Baseline = &report.Point{Year: ind.Baseline.Year, Value: ind.Baseline.Value}
	}
	if ind.Projected != nil && ind.Latest != nil && ind.TargetYear > ind.Latest.Year {
		c.Projection = []report.Point{{Year: ind.TargetYear, Value: *ind.Projected}}
	}
	return c
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
