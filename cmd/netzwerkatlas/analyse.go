package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// analyses are the subcommands of analyse, with what they print.
var analyses = []struct{ name, help string }{
	{"coverage", "the matrix municipality × field: offers and class (gap, thin, covered)"},
	{"gaps", "the gaps ranked by unserved demand, and the thin cells"},
	{"duplicates", "duplicate offers: clusters of measures that look like the same offer, with the model's probabilities and why; --order uncertain for the review queue"},
	{"partners", "ranked cooperation partners of an organisation (--organisation), with reasons"},
	{"network", "the collaboration network: brokers, communities, articulation points, isolated, densities"},
	{"ego", "the organisations within --depth ties of an organisation (--organisation)"},
	{"monitoring", "the integration concept's goals and indicators against their targets (--year, --lang)"},
	{"structures", "overlapping structures: parallel bodies, a town's body beside the county's, town concepts"},
	{"snapshot", "save the monitoring figures of the region as a dated snapshot (--label)"},
	{"snapshots", "list the region's saved monitoring snapshots"},
	{"compare", "compare two saved snapshots (--from, --to)"},
}

// analyseFlags are the flags every analysis shares.
type analyseFlags struct {
	cfg    Config
	region string
	format string
	// coverage
	targetGroup string
	demand      string
	thinFactor  float64
	// partners, ego
	organisation string
	limit        int
	depth        int
	// network
	field        string
	municipality string
	seed         uint64
	// duplicates
	threshold    float64
	order, model string
	// snapshots
	label    string
	from, to string
	// monitoring
	year int
	lang string
}

func analyseUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage: netzwerkatlas analyse <analysis> --region KEY [flags]\n\nPrints an analysis of a region as a table (default) or as the same JSON the API serves.\n\nAnalyses:\n")
	for _, a := range analyses {
		fmt.Fprintf(w, "  %-12s %s\n", a.name, a.help)
	}
	fmt.Fprintf(w, "\nRun \"netzwerkatlas analyse <analysis> -h\" for its flags.\n")
}

func runAnalyse(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || !slices.ContainsFunc(analyses, func(a struct{ name, help string }) bool { return a.name == args[0] }) {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			analyseUsage(stdout)
			return flag.ErrHelp
		}
		if len(args) > 0 {
			fmt.Fprintf(stderr, "%s\n\n", v.T("cli.analyse.unknown", msg.Args{"name": args[0]}))
		}
		analyseUsage(stderr)
		return errUsage
	}
	name := args[0]
	var f analyseFlags
	fs := flag.NewFlagSet("analyse "+name, flag.ContinueOnError)
	f.cfg.storeFlags(fs)
	fs.StringVar(&f.region, "region", "", "5-digit key of the region to analyse (required)")
	fs.StringVar(&f.format, "format", "table", "output: table or json")
	switch name {
	case "coverage", "gaps":
		fs.StringVar(&f.targetGroup, "target-group", "", "count only measures for this target group (id)")
		fs.StringVar(&f.demand, "demand", analysis.DemandForeign, "population densities are measured against: foreign, population or protection_seekers")
		fs.Float64Var(&f.thinFactor, "thin-factor", analysis.DefaultThinFactor, "a cell is thin below this share of the field's median density")
	case "duplicates":
		fs.Float64Var(&f.threshold, "threshold", duplicates.DefaultThreshold, "probability from which a pair is reported")
		fs.StringVar(&f.order, "order", duplicates.OrderClusters, "order of the pairs: clusters, or uncertain (the review queue: the pairs the model is least sure about first)")
		fs.StringVar(&f.model, "model", duplicates.ModelFitted, "fitted (the built-in model refitted with the region's verdicts) or built_in")
	case "partners":
		fs.StringVar(&f.organisation, "organisation", "", "id of the organisation looking for partners (required)")
		fs.IntVar(&f.limit, "limit", analysis.DefaultPartnerLimit, "number of partners")
	case "ego":
		fs.StringVar(&f.organisation, "organisation", "", "id of the organisation at the centre (required)")
		fs.IntVar(&f.depth, "depth", 1, "ties from the centre: 1 to 3")
	case "network":
		fs.StringVar(&f.field, "field", "", "only organisations working in this field (id)")
		fs.StringVar(&f.municipality, "municipality", "", "only organisations active in this municipality (AGS)")
		fs.Uint64Var(&f.seed, "seed", analysis.DefaultLouvainSeed, "Louvain seed: the same seed gives the same communities")
	case "structures":
	case "monitoring":
		fs.IntVar(&f.year, "year", 0, "the year to look from (default: the latest year with a value)")
	case "snapshot":
		fs.StringVar(&f.label, "label", "", "name of the snapshot, e.g. \"Steuerungsgruppe März 2026\"")
	case "compare":
		fs.StringVar(&f.from, "from", "", "id of the earlier snapshot (required)")
		fs.StringVar(&f.to, "to", "", "id of the later snapshot (required)")
	}
	v.flag(fs, "language of the tables' words, explanations and reasons: de or en")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas analyse %s --region KEY [flags]\n\n", name)
		fs.PrintDefaults()
	}
	if err := parse(v, fs, args[1:], stderr); err != nil {
		return err
	}
	f.cfg.Lang, f.lang = v.Lang, string(v.Lang)
	required := map[string]string{"region": f.region}
	switch name {
	case "partners", "ego":
		required = map[string]string{"organisation": f.organisation}
	case "snapshots":
		required = nil
	case "compare":
		required = map[string]string{"from": f.from, "to": f.to}
	}
	for flagName, value := range required {
		if value == "" {
			fmt.Fprintln(stderr, v.T("cli.required", msg.Args{"flag": flagName}))
			fs.Usage()
			return errUsage
		}
	}
	if f.format != "table" && f.format != "json" {
		return v.errorf("cli.choose", msg.Args{"flag": "format", "value": f.format, "choices": v.or("table", "json")})
	}
	store, err := openStore(ctx, f.cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	var result any
	var table func(w io.Writer)
	switch name {
	case "snapshots":
		list, err := store.ListMonitoringSnapshots(ctx, f.region)
		if err != nil {
			return err
		}
		return printResult(stdout, f.format, list, v.T("cli.analyse.snapshots", msg.Args{"n": len(list)}), func(w io.Writer) { snapshotsTable(v, w, list) })
	case "compare":
		c, err := compareSnapshots(ctx, v, store, f.from, f.to)
		if err != nil {
			return err
		}
		return printResult(stdout, f.format, c, v.T("cli.analyse.compare", msg.Args{"region": c.Region, "from": v.Date(c.From.Taken), "to": v.Date(c.To.Taken)}),
			func(w io.Writer) { compareTable(v, w, c) })
	case "partners", "ego":
		e, err := store.Get(ctx, graph.KindOrganisation, f.organisation)
		if err != nil {
			return err
		}
		f.region = e.RegionKey()
	}
	snap, err := store.Snapshot(ctx, f.region)
	if err != nil {
		return err
	}
	if len(snap.Regions) == 0 {
		return graph.NotFound(graph.KindRegion, f.region)
	}
	switch name {
	case "duplicates":
		d, err := duplicates.Find(snap, duplicates.Params{Threshold: f.threshold, Order: f.order, Model: f.model})
		if err != nil {
			return err
		}
		result, table = d, func(w io.Writer) { duplicatesTable(v, w, d) }
	case "partners":
		p, err := analysis.RecommendPartners(snap, analysis.CollaborationGraph(snap), f.organisation, analysis.PartnerParams{Limit: f.limit})
		if err != nil {
			return err
		}
		result, table = p, func(w io.Writer) { partnersTable(v, w, p) }
	case "ego":
		e, err := analysis.EgoNetwork(snap, analysis.CollaborationGraph(snap), f.organisation, f.depth)
		if err != nil {
			return err
		}
		result, table = e, func(w io.Writer) { egoTable(v, w, e) }
	case "network":
		n, err := analysis.AnalyseNetwork(snap, analysis.CollaborationGraph(snap), analysis.NetworkParams{Field: f.field, Municipality: f.municipality, Seed: f.seed})
		if err != nil {
			return err
		}
		result, table = n, func(w io.Writer) { networkTable(v, w, n) }
	case "snapshot":
		run, err := analysis.Monitor(snap)
		if err != nil {
			return err
		}
		data, err := json.Marshal(run)
		if err != nil {
			return err
		}
		m := &graph.MonitoringSnapshot{Region: f.region, Label: f.label, Revision: run.Revision, CreatedBy: "cli", Data: data}
		if err := store.SaveMonitoringSnapshot(ctx, m); err != nil {
			return err
		}
		result, table = m.Head(), func(w io.Writer) {
			fmt.Fprintln(w, v.T("cli.analyse.snapshot_saved", msg.Args{"id": m.ID, "label": m.Label, "taken": m.Taken.Format(time.RFC3339),
				"revision": strconv.FormatUint(m.Revision, 10), "gaps": len(run.Gaps), "duplicates": len(run.Duplicates), "memberships": len(run.Memberships)}))
		}
	case "structures":
		st, err := analysis.FindStructures(snap, analysis.StructureParams{Lang: f.lang})
		if err != nil {
			return err
		}
		result, table = st, func(w io.Writer) { structuresTable(v, w, st) }
	case "monitoring":
		a, err := analysis.ComputeAttainment(snap, analysis.AttainmentParams{Year: f.year, Lang: f.lang})
		if err != nil {
			return err
		}
		result, table = a, func(w io.Writer) { monitoringTable(v, w, a) }
	case "coverage", "gaps":
		c, err := analysis.ComputeCoverage(snap, analysis.CoverageParams{TargetGroup: f.targetGroup, Demand: f.demand, ThinFactor: f.thinFactor})
		if err != nil {
			return err
		}
		if name == "coverage" {
			result, table = c, func(w io.Writer) { coverageTable(v, w, snap, c) }
		} else {
			result, table = c.GapList(), func(w io.Writer) { gapsTable(v, w, snap, c) }
		}
	}
	return printResult(stdout, f.format, result, v.T("cli.analyse.title", msg.Args{"analysis": v.T("cli.analyse.name."+name, nil), "region": regionName(snap),
		"revision": strconv.FormatUint(snap.Revision, 10), "took": time.Since(start).Round(time.Millisecond)}), table)
}

// printResult prints result as indented JSON, or a title and the table.
func printResult(stdout io.Writer, format string, result any, title string, table func(io.Writer)) error {
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(result)
	}
	fmt.Fprintf(stdout, "%s\n\n", title)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	table(tw)
	return tw.Flush()
}

// compareSnapshots loads two saved snapshots of one region and compares them.
func compareSnapshots(ctx context.Context, v *voice, store graph.Store, from, to string) (*analysis.Comparison, error) {
	load := func(id string) (*graph.MonitoringSnapshot, *analysis.MonitoringRun, error) {
		m, err := store.MonitoringSnapshot(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		var run analysis.MonitoringRun
		if err := json.Unmarshal(m.Data, &run); err != nil {
			return nil, nil, v.wrap("cli.snapshot.unreadable", msg.Args{"id": id}, err)
		}
		return m, &run, nil
	}
	a, ra, err := load(from)
	if err != nil {
		return nil, err
	}
	b, rb, err := load(to)
	if err != nil {
		return nil, err
	}
	if a.Region != b.Region {
		return nil, v.errorf("cli.analyse.compare_regions", msg.Args{"to": to, "to_region": b.Region, "from": from, "from_region": a.Region})
	}
	return analysis.CompareRuns(ra, rb, analysis.RunRef{ID: a.ID, Label: a.Label}, analysis.RunRef{ID: b.ID, Label: b.Label}), nil
}

func regionName(s *graph.Snapshot) string {
	for _, r := range s.Regions {
		if r.ID == s.Region {
			return r.Name + " (" + r.ID + ")"
		}
	}
	return s.Region
}

// names maps the ids of municipalities and fields to their names.
func names(s *graph.Snapshot) map[string]string {
	out := map[string]string{}
	for _, m := range s.Municipalities {
		out[m.ID] = m.Name
	}
	for _, f := range s.Fields {
		out[f.ID] = f.Name
	}
	for _, o := range s.Organisations {
		out[o.ID] = o.Name
	}
	for _, m := range s.Measures {
		out[m.ID] = m.Title
	}
	return out
}

// short cuts a name to n runes.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// coverageTable prints one row per municipality and one column per field: the number of
// offers, with "!" for a gap and "~" for a thin cell.
func coverageTable(v *voice, w io.Writer, s *graph.Snapshot, c *analysis.Coverage) {
	head := []string{v.T("cli.analyse.coverage.head", nil)}
	for _, f := range c.Fields {
		head = append(head, short(f.Name, 14))
	}
	fmt.Fprintln(w, strings.Join(head, "\t"))
	nf := len(c.Fields)
	for i, m := range c.Municipalities {
		row := []string{short(m.Name, 28), fmt.Sprint(m.Demand)}
		for j := range nf {
			cell := c.Cells[i*nf+j]
			mark := map[string]string{analysis.ClassGap: " !", analysis.ClassThin: " ~"}[cell.Class]
			row = append(row, fmt.Sprintf("%d%s", cell.Offers, mark))
		}
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.coverage.summary", msg.Args{"gaps": len(c.Gaps), "thin": len(c.Thin), "cells": len(c.Cells)}))
}

// gapsTable prints the gaps ranked by unserved demand, then the thin cells.
func gapsTable(v *voice, w io.Writer, s *graph.Snapshot, c *analysis.Coverage) {
	n := names(s)
	fmt.Fprintln(w, v.T("cli.analyse.gaps.head", nil))
	for i, g := range c.Gaps {
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%d\n", i+1, n[g.Municipality], n[g.Field], g.Demand, len(g.Networks))
	}
	if len(c.Thin) > 0 {
		fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.thin.head", nil))
		for i, g := range c.Thin {
			fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\n", i+1, n[g.Municipality], n[g.Field], g.Offers, v.Fixed(g.Density, 2))
		}
	}
}

func partnersTable(v *voice, w io.Writer, p *analysis.Partners) {
	fmt.Fprintf(w, "%s\n\n", v.T("cli.analyse.partners.summary", msg.Args{"name": p.Organisation.Name, "candidates": p.Candidates, "tied": p.Tied}))
	fmt.Fprintln(w, v.T("cli.analyse.partners.head", nil))
	for i, x := range p.Partners {
		var reasons []string
		for _, r := range x.Reasons {
			reasons = append(reasons, r.Code)
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, v.Fixed(x.Score, 3), short(x.Name, 40),
			v.Fixed(x.Parts.Fields, 2), v.Fixed(x.Parts.Municipalities, 2), v.Fixed(x.Parts.TargetGroups, 2), v.Fixed(x.Parts.Complementarity, 2),
			v.Fixed(x.Parts.Proximity, 2), strings.Join(reasons, ", "))
	}
}

func egoTable(v *voice, w io.Writer, e *analysis.Ego) {
	fmt.Fprintf(w, "%s\n\n", v.T("cli.analyse.ego.summary", msg.Args{"name": e.Center.Name, "depth": e.Depth, "organisations": len(e.Nodes), "ties": len(e.Edges)}))
	fmt.Fprintln(w, v.T("cli.analyse.ego.head", nil))
	for _, n := range e.Nodes {
		fmt.Fprintf(w, "%d\t%s\t%s\n", n.Distance, n.Name, n.Kind)
	}
}

func networkTable(v *voice, w io.Writer, n *analysis.NetworkAnalysis) {
	fmt.Fprintf(w, "%s\n\n", v.T("cli.analyse.network.summary", msg.Args{"organisations": n.Organisations, "ties": n.Ties, "density": v.Fixed(n.Density, 3),
		"components": n.Components, "communities": len(n.Communities), "modularity": v.Fixed(n.Modularity, 3), "seed": strconv.FormatUint(n.Seed, 10)}))
	fmt.Fprintln(w, v.T("cli.analyse.network.brokers", nil))
	for _, b := range n.Brokers {
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\n", short(b.Name, 50), v.Fixed(b.Betweenness, 1), v.Fixed(b.PageRank, 4), b.Degree, b.Community)
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.network.articulation", nil))
	for _, a := range n.ArticulationPoints {
		fmt.Fprintln(w, a.Name)
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.network.isolated", nil))
	for _, a := range n.Isolated {
		fmt.Fprintln(w, a.Name)
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.network.density", nil))
	for _, d := range n.DensityByMunicipality {
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\n", short(d.Name, 30), d.Organisations, d.Ties, v.Fixed(d.Density, 3))
	}
}

func snapshotsTable(v *voice, w io.Writer, list []*graph.MonitoringSnapshot) {
	fmt.Fprintln(w, v.T("cli.analyse.snapshots.head", nil))
	for _, m := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", m.ID, m.Region, m.Taken.Format("2006-01-02 15:04"), m.Revision, m.Label)
	}
}

func compareTable(v *voice, w io.Writer, c *analysis.Comparison) {
	fmt.Fprintf(w, "%s\n\n", v.T("cli.analyse.compare.runs", msg.Args{"from": strings.TrimSpace(c.From.ID + " " + c.From.Label), "to": strings.TrimSpace(c.To.ID + " " + c.To.Label)}))
	for _, sec := range []struct {
		key   string
		cells []analysis.CellKey
	}{{"cli.analyse.compare.gaps_closed", c.GapsClosed}, {"cli.analyse.compare.gaps_opened", c.GapsOpened}} {
		fmt.Fprintln(w, v.T(sec.key, msg.Args{"n": len(sec.cells)}))
		for _, k := range sec.cells {
			fmt.Fprintf(w, "\t%s\t%s\n", k.MunicipalityName, k.FieldName)
		}
	}
	fmt.Fprintln(w, v.T("cli.analyse.compare.duplicates", msg.Args{"resolved": len(c.DuplicatesResolved), "new": len(c.DuplicatesNew)}))
	for _, sec := range []struct {
		key string
		ms  []analysis.Membership
	}{{"cli.analyse.compare.joined", c.Joined}, {"cli.analyse.compare.left", c.Left}} {
		fmt.Fprintln(w, v.T(sec.key, msg.Args{"n": len(sec.ms)}))
		for _, m := range sec.ms {
			fmt.Fprintf(w, "\t%s\t%s\n", m.OrganisationName, m.NetworkName)
		}
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.compare.status_head", nil))
	for _, s := range c.MeasureStatus {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\n", cmpOr(s.FieldName, v.T("cli.analyse.no_field", nil)), s.Status, s.From, s.To)
	}
	if !c.MeasureDetail {
		fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.compare.no_detail", nil))
		return
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.compare.measures_changed", msg.Args{"n": len(c.MeasuresChanged)}))
	for _, m := range c.MeasuresChanged {
		fmt.Fprintf(w, "\t%s\t%s\t%s → %s\t%s\n", m.Reference, short(m.Title, 50), m.From, m.To, short(m.Lead, 40))
	}
	fmt.Fprintln(w, v.T("cli.analyse.compare.measures_added", msg.Args{"added": len(c.MeasuresAdded), "removed": len(c.MeasuresRemoved)}))
	for _, ch := range []struct {
		key  string
		list []analysis.ClassChange
	}{{"cli.analyse.compare.goals_changed", c.GoalsChanged}, {"cli.analyse.compare.indicators_changed", c.IndicatorsChanged}} {
		if len(ch.list) == 0 {
			continue
		}
		fmt.Fprintln(w, v.T(ch.key, msg.Args{"n": len(ch.list)}))
		for _, x := range ch.list {
			fmt.Fprintf(w, "\t%s\t%s\t%s → %s\n", x.Reference, short(x.Name, 60), x.From, x.To)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func duplicatesTable(v *voice, w io.Writer, d *duplicates.Result) {
	fmt.Fprintln(w, v.T("cli.analyse.duplicates.summary", msg.Args{"measures": d.Measures, "candidates": d.Candidates, "scored": d.Steps.Scored,
		"above": d.AboveThreshold, "threshold": v.Fixed(d.Threshold, 2), "clusters": len(d.Clusters), "reviewed": len(d.Reviewed)}))
	model := v.T("cli.analyse.duplicates.model", msg.Args{"model": d.Model.Source})
	if d.Model.Source == duplicates.ModelFitted {
		model = v.T("cli.analyse.duplicates.model_fitted", msg.Args{"model": d.Model.Source, "verdicts": d.Model.Verdicts})
	}
	fmt.Fprintf(w, "%s\n%s\n\n", model, d.Formula)
	why := func(p duplicates.Pair) string {
		if v.Lang == msg.EN {
			return p.Why.EN
		}
		return p.Why.DE
	}
	pair := func(p duplicates.Pair) {
		verdict := ""
		if p.Verdict != "" {
			verdict = " (" + p.Verdict + ")"
		}
		fmt.Fprintf(w, "\t%s\t%s  ↔  %s%s\n\t\t%s\n", v.Fixed(p.Score, 2), short(p.TitleA, 45), short(p.TitleB, 45), verdict, why(p))
	}
	if d.Order == duplicates.OrderUncertain {
		fmt.Fprintln(w, v.T("cli.analyse.duplicates.queue", nil))
		for _, p := range d.Uncertain {
			pair(p)
		}
		fmt.Fprintln(w)
	}
	for i, c := range d.Clusters {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", i+1, c.Kind, v.Fixed(c.Score, 2), c.Suggestion)
		for _, p := range c.Pairs {
			pair(p)
		}
	}
}

// monitoringTable prints the concepts, the goals as a tree (sub-goals indented) and the
// indicators, each with its class, and the indicators' explanations.
func monitoringTable(v *voice, w io.Writer, a *analysis.AttainmentResult) {
	// The classes in words of the catalogue (the API's codes in --format json).
	class := func(c string) string {
		if !msg.Has("attainment.class." + c) {
			return c
		}
		return v.T("attainment.class."+c, nil)
	}
	var counts []string
	for _, c := range analysis.AttainmentClasses {
		counts = append(counts, fmt.Sprintf("%s %d", class(c), a.Counts[c]))
	}
	fmt.Fprintln(w, v.T("cli.analyse.monitoring.summary", msg.Args{"year": strconv.Itoa(a.Year), "counts": strings.Join(counts, "  ")}))
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.monitoring.concepts", nil))
	for _, c := range a.Concepts {
		fmt.Fprintf(w, "%s\t%s\t%d\n", short(cmpOr(c.Name, v.T("cli.analyse.monitoring.no_concept", nil)), 60), class(c.Class), len(c.Goals))
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.monitoring.fields", nil))
	for _, f := range a.Fields {
		fmt.Fprintf(w, "%s\t%s\t%d\n", short(cmpOr(f.Name, v.T("cli.analyse.no_field", nil)), 50), class(f.Class), len(f.Goals))
	}
	depth := map[string]int{}
	for _, g := range a.Goals {
		if g.Parent != "" {
			depth[g.Goal] = depth[g.Parent] + 1
		}
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.monitoring.goals", nil))
	for _, g := range a.Goals {
		name := strings.Repeat("  ", depth[g.Goal]) + strings.TrimSpace(g.Reference+" "+short(g.Text, 70-2*depth[g.Goal]))
		ms := g.MeasureStatus
		fmt.Fprintf(w, "%s\t%s\t%d\t%d/%d/%d/%d\n", name, class(g.Class), len(g.Indicators), ms.Planned, ms.Active, ms.Paused, ms.Completed)
	}
	fmt.Fprintf(w, "\n%s\n", v.T("cli.analyse.monitoring.indicators", nil))
	num := func(x float64) string { return v.Num(x, 6) }
	for _, i := range a.Indicators {
		latest, target := "–", "–"
		if i.Latest != nil {
			latest = fmt.Sprintf("%s (%d)", num(i.Latest.Value), i.Latest.Year)
		}
		if i.Target != nil {
			target = num(*i.Target)
			if i.TargetUpper != nil {
				target += "–" + num(*i.TargetUpper)
			}
			if i.TargetYear != 0 {
				target += fmt.Sprintf(" (%d)", i.TargetYear)
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", short(i.Name, 50), class(i.Class), latest, target, i.Explanation)
	}
}

// structuresTable prints the overlapping structures with their reasons.
func structuresTable(v *voice, w io.Writer, st *analysis.Structures) {
	fmt.Fprintf(w, "%s\n\n", v.T("cli.analyse.structures.summary", msg.Args{"networks": st.Networks, "concepts": st.Concepts, "open": len(st.Overlaps), "reviewed": len(st.Reviewed)}))
	fmt.Fprintln(w, v.T("cli.analyse.structures.head", nil))
	for _, o := range st.Overlaps {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\n", o.Kind, v.Fixed(o.Score, 2), short(o.A.Name, 40), short(o.B.Name, 40), len(o.SharedMembers), o.Explanation)
	}
}
