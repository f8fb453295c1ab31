package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
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

func runAnalyse(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || !slices.ContainsFunc(analyses, func(a struct{ name, help string }) bool { return a.name == args[0] }) {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			analyseUsage(stdout)
			return flag.ErrHelp
		}
		if len(args) > 0 {
			fmt.Fprintf(stderr, "unknown analysis %q\n\n", args[0])
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
		fs.StringVar(&f.lang, "lang", "de", "language of the reasons: de or en")
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
		fs.StringVar(&f.lang, "lang", "de", "language of the explanations: de or en")
	case "monitoring":
		fs.IntVar(&f.year, "year", 0, "the year to look from (default: the latest year with a value)")
		fs.StringVar(&f.lang, "lang", "de", "language of the explanations: de or en")
	case "snapshot":
		fs.StringVar(&f.label, "label", "", "name of the snapshot, e.g. \"Steuerungsgruppe März 2026\"")
	case "compare":
		fs.StringVar(&f.from, "from", "", "id of the earlier snapshot (required)")
		fs.StringVar(&f.to, "to", "", "id of the later snapshot (required)")
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas analyse %s --region KEY [flags]\n\n", name)
		fs.PrintDefaults()
	}
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	required := map[string]string{"region": f.region}
	switch name {
	case "partners", "ego":
		required = map[string]string{"organisation": f.organisation}
	case "snapshots":
		required = nil
	case "compare":
		required = map[string]string{"from": f.from, "to": f.to}
	}
	for flagName, v := range required {
		if v == "" {
			fmt.Fprintf(stderr, "--%s is required\n", flagName)
			fs.Usage()
			return errUsage
		}
	}
	if f.format != "table" && f.format != "json" {
		return fmt.Errorf("--format %q: use table or json", f.format)
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
		return printResult(stdout, f.format, list, fmt.Sprintf("%d saved snapshots", len(list)), func(w io.Writer) { snapshotsTable(w, list) })
	case "compare":
		c, err := compareSnapshots(ctx, store, f.from, f.to)
		if err != nil {
			return err
		}
		return printResult(stdout, f.format, c, fmt.Sprintf("changes in region %s from %s to %s", c.Region, c.From.Taken.Format(time.DateOnly), c.To.Taken.Format(time.DateOnly)),
			func(w io.Writer) { compareTable(w, c) })
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
		result, table = d, func(w io.Writer) { duplicatesTable(w, d, f.lang) }
	case "partners":
		p, err := analysis.RecommendPartners(snap, analysis.CollaborationGraph(snap), f.organisation, analysis.PartnerParams{Limit: f.limit})
		if err != nil {
			return err
		}
		result, table = p, func(w io.Writer) { partnersTable(w, p) }
	case "ego":
		e, err := analysis.EgoNetwork(snap, analysis.CollaborationGraph(snap), f.organisation, f.depth)
		if err != nil {
			return err
		}
		result, table = e, func(w io.Writer) { egoTable(w, e) }
	case "network":
		n, err := analysis.AnalyseNetwork(snap, analysis.CollaborationGraph(snap), analysis.NetworkParams{Field: f.field, Municipality: f.municipality, Seed: f.seed})
		if err != nil {
			return err
		}
		result, table = n, func(w io.Writer) { networkTable(w, n) }
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
			fmt.Fprintf(w, "saved\t%s\nlabel\t%s\ntaken\t%s\nrevision\t%d\ngaps\t%d\nopen duplicate candidates\t%d\nmemberships\t%d\n",
				m.ID, m.Label, m.Taken.Format(time.RFC3339), m.Revision, len(run.Gaps), len(run.Duplicates), len(run.Memberships))
		}
	case "structures":
		st, err := analysis.FindStructures(snap, analysis.StructureParams{Lang: f.lang})
		if err != nil {
			return err
		}
		result, table = st, func(w io.Writer) { structuresTable(w, st) }
	case "monitoring":
		if f.lang != "de" && f.lang != "en" {
			return fmt.Errorf("--lang %q: use de or en", f.lang)
		}
		a, err := analysis.ComputeAttainment(snap, analysis.AttainmentParams{Year: f.year, Lang: f.lang})
		if err != nil {
			return err
		}
		result, table = a, func(w io.Writer) { monitoringTable(w, a) }
	case "coverage", "gaps":
		c, err := analysis.ComputeCoverage(snap, analysis.CoverageParams{TargetGroup: f.targetGroup, Demand: f.demand, ThinFactor: f.thinFactor})
		if err != nil {
			return err
		}
		if name == "coverage" {
			result, table = c, func(w io.Writer) { coverageTable(w, snap, c) }
		} else {
			result, table = c.GapList(), func(w io.Writer) { gapsTable(w, snap, c) }
		}
	}
	return printResult(stdout, f.format, result, fmt.Sprintf("%s of %s (revision %d), %s", name, regionName(snap), snap.Revision, time.Since(start).Round(time.Millisecond)), table)
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
func compareSnapshots(ctx context.Context, store graph.Store, from, to string) (*analysis.Comparison, error) {
	load := func(id string) (*graph.MonitoringSnapshot, *analysis.MonitoringRun, error) {
		m, err := store.MonitoringSnapshot(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		var run analysis.MonitoringRun
		if err := json.Unmarshal(m.Data, &run); err != nil {
			return nil, nil, fmt.Errorf("snapshot %s: %w", id, err)
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
		return nil, fmt.Errorf("--to %s belongs to region %s, --from %s to region %s: compare snapshots of one region", to, b.Region, from, a.Region)
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
func coverageTable(w io.Writer, s *graph.Snapshot, c *analysis.Coverage) {
	head := []string{"municipality", "demand"}
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
	fmt.Fprintf(w, "\n%d gaps (!), %d thin cells (~) of %d\n", len(c.Gaps), len(c.Thin), len(c.Cells))
}

// gapsTable prints the gaps ranked by unserved demand, then the thin cells.
func gapsTable(w io.Writer, s *graph.Snapshot, c *analysis.Coverage) {
	n := names(s)
	fmt.Fprintln(w, "#\tmunicipality\tfield\tunserved demand\tnetworks")
	for i, g := range c.Gaps {
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%d\n", i+1, n[g.Municipality], n[g.Field], g.Demand, len(g.Networks))
	}
	if len(c.Thin) > 0 {
		fmt.Fprintln(w, "\nthin\tmunicipality\tfield\toffers\tper 10,000")
		for i, g := range c.Thin {
			fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%.2f\n", i+1, n[g.Municipality], n[g.Field], g.Offers, g.Density)
		}
	}
}

func partnersTable(w io.Writer, p *analysis.Partners) {
	fmt.Fprintf(w, "partners of %s: %d candidates without a tie (%d already tied)\n\n", p.Organisation.Name, p.Candidates, p.Tied)
	fmt.Fprintln(w, "#\tscore\torganisation\tfields\tplaces\tgroups\tcomplement\tproximity\treasons")
	for i, x := range p.Partners {
		var reasons []string
		for _, r := range x.Reasons {
			reasons = append(reasons, r.Code)
		}
		fmt.Fprintf(w, "%d\t%.3f\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\n", i+1, x.Score, short(x.Name, 40),
			x.Parts.Fields, x.Parts.Municipalities, x.Parts.TargetGroups, x.Parts.Complementarity, x.Parts.Proximity, strings.Join(reasons, ", "))
	}
}

func egoTable(w io.Writer, e *analysis.Ego) {
	fmt.Fprintf(w, "ego network of %s, depth %d: %d organisations, %d ties\n\n", e.Center.Name, e.Depth, len(e.Nodes), len(e.Edges))
	fmt.Fprintln(w, "distance\torganisation\tkind")
	for _, n := range e.Nodes {
		fmt.Fprintf(w, "%d\t%s\t%s\n", n.Distance, n.Name, n.Kind)
	}
}

func networkTable(w io.Writer, n *analysis.NetworkAnalysis) {
	fmt.Fprintf(w, "organisations\t%d\nties\t%d\ndensity\t%.3f\ncomponents\t%d\ncommunities\t%d (modularity %.3f, seed %d)\n\n",
		n.Organisations, n.Ties, n.Density, n.Components, len(n.Communities), n.Modularity, n.Seed)
	fmt.Fprintln(w, "broker\tbetweenness\tpagerank\tdegree\tcommunity")
	for _, b := range n.Brokers {
		fmt.Fprintf(w, "%s\t%.1f\t%.4f\t%d\t%d\n", short(b.Name, 50), b.Betweenness, b.PageRank, b.Degree, b.Community)
	}
	fmt.Fprintln(w, "\narticulation point (its loss splits the network)")
	for _, a := range n.ArticulationPoints {
		fmt.Fprintln(w, a.Name)
	}
	fmt.Fprintln(w, "\nisolated (no network, no cooperation)")
	for _, a := range n.Isolated {
		fmt.Fprintln(w, a.Name)
	}
	fmt.Fprintln(w, "\nmunicipality\torganisations\tties\tdensity")
	for _, d := range n.DensityByMunicipality {
		fmt.Fprintf(w, "%s\t%d\t%d\t%.3f\n", short(d.Name, 30), d.Organisations, d.Ties, d.Density)
	}
}

func snapshotsTable(w io.Writer, list []*graph.MonitoringSnapshot) {
	fmt.Fprintln(w, "id\tregion\ttaken\trevision\tlabel")
	for _, m := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", m.ID, m.Region, m.Taken.Format("2006-01-02 15:04"), m.Revision, m.Label)
	}
}

func compareTable(w io.Writer, c *analysis.Comparison) {
	fmt.Fprintf(w, "from\t%s %s\nto\t%s %s\n\n", c.From.ID, c.From.Label, c.To.ID, c.To.Label)
	for _, sec := range []struct {
		title string
		cells []analysis.CellKey
	}{{"gaps closed", c.GapsClosed}, {"gaps opened", c.GapsOpened}} {
		fmt.Fprintf(w, "%s: %d\n", sec.title, len(sec.cells))
		for _, k := range sec.cells {
			fmt.Fprintf(w, "\t%s\t%s\n", k.MunicipalityName, k.FieldName)
		}
	}
	fmt.Fprintf(w, "duplicate candidates resolved: %d, new: %d\n", len(c.DuplicatesResolved), len(c.DuplicatesNew))
	for _, sec := range []struct {
		title string
		ms    []analysis.Membership
	}{{"joined networks", c.Joined}, {"left networks", c.Left}} {
		fmt.Fprintf(w, "%s: %d\n", sec.title, len(sec.ms))
		for _, m := range sec.ms {
			fmt.Fprintf(w, "\t%s\t%s\n", m.OrganisationName, m.NetworkName)
		}
	}
	fmt.Fprintln(w, "\nfield\tstatus\tfrom\tto")
	for _, s := range c.MeasureStatus {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\n", cmpOr(s.FieldName, "(no field)"), s.Status, s.From, s.To)
	}
	if !c.MeasureDetail {
		fmt.Fprintln(w, "\n(one of the snapshots predates the list of measures: changed measures cannot be named)")
		return
	}
	fmt.Fprintf(w, "\nmeasures whose status changed: %d\n", len(c.MeasuresChanged))
	for _, m := range c.MeasuresChanged {
		fmt.Fprintf(w, "\t%s\t%s\t%s → %s\t%s\n", m.Reference, short(m.Title, 50), m.From, m.To, short(m.Lead, 40))
	}
	fmt.Fprintf(w, "measures added: %d, removed: %d\n", len(c.MeasuresAdded), len(c.MeasuresRemoved))
	for _, ch := range []struct {
		title string
		list  []analysis.ClassChange
	}{{"goals whose attainment changed", c.GoalsChanged}, {"indicators whose attainment changed", c.IndicatorsChanged}} {
		if len(ch.list) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s: %d\n", ch.title, len(ch.list))
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

func duplicatesTable(w io.Writer, d *duplicates.Result, lang string) {
	fmt.Fprintf(w, "%d measures, %d candidate pairs, %d scored, %d at or above p = %.2f, %d clusters, %d pairs set aside by reviewers\n",
		d.Measures, d.Candidates, d.Steps.Scored, d.AboveThreshold, d.Threshold, len(d.Clusters), len(d.Reviewed))
	fmt.Fprintf(w, "model: %s", d.Model.Source)
	if d.Model.Source == duplicates.ModelFitted {
		fmt.Fprintf(w, " with %d verdicts of the region", d.Model.Verdicts)
	}
	fmt.Fprintf(w, "\n%s\n\n", d.Formula)
	why := func(p duplicates.Pair) string {
		if lang == "en" {
			return p.Why.EN
		}
		return p.Why.DE
	}
	pair := func(p duplicates.Pair) {
		verdict := ""
		if p.Verdict != "" {
			verdict = " (" + p.Verdict + ")"
		}
		fmt.Fprintf(w, "\t%.2f\t%s  ↔  %s%s\n\t\t%s\n", p.Score, short(p.TitleA, 45), short(p.TitleB, 45), verdict, why(p))
	}
	if d.Order == duplicates.OrderUncertain {
		fmt.Fprintln(w, "review queue: the pairs the model is least sure about, closest to p = 0.5 first")
		for _, p := range d.Uncertain {
			pair(p)
		}
		fmt.Fprintln(w)
	}
	for i, c := range d.Clusters {
		fmt.Fprintf(w, "%d\t%s\t%.2f\t%s\n", i+1, c.Kind, c.Score, c.Suggestion)
		for _, p := range c.Pairs {
			pair(p)
		}
	}
}

// monitoringTable prints the concepts, the goals as a tree (sub-goals indented) and the
// indicators, each with its class, and the indicators' explanations.
func monitoringTable(w io.Writer, a *analysis.AttainmentResult) {
	fmt.Fprintf(w, "year\t%d\nindicators\t", a.Year)
	for _, c := range analysis.AttainmentClasses {
		fmt.Fprintf(w, "%s %d  ", c, a.Counts[c])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\nconcept\tclass\tgoals")
	for _, c := range a.Concepts {
		fmt.Fprintf(w, "%s\t%s\t%d\n", short(cmpOr(c.Name, "(goals outside a concept)"), 60), c.Class, len(c.Goals))
	}
	fmt.Fprintln(w, "\nfield\tclass\tgoals")
	for _, f := range a.Fields {
		fmt.Fprintf(w, "%s\t%s\t%d\n", short(cmpOr(f.Name, "(no field)"), 50), f.Class, len(f.Goals))
	}
	depth := map[string]int{}
	for _, g := range a.Goals {
		if g.Parent != "" {
			depth[g.Goal] = depth[g.Parent] + 1
		}
	}
	fmt.Fprintln(w, "\ngoal\tclass\tindicators\tmeasures (planned/active/paused/completed)")
	for _, g := range a.Goals {
		name := strings.Repeat("  ", depth[g.Goal]) + strings.TrimSpace(g.Reference+" "+short(g.Text, 70-2*depth[g.Goal]))
		ms := g.MeasureStatus
		fmt.Fprintf(w, "%s\t%s\t%d\t%d/%d/%d/%d\n", name, g.Class, len(g.Indicators), ms.Planned, ms.Active, ms.Paused, ms.Completed)
	}
	fmt.Fprintln(w, "\nindicator\tclass\tlatest\ttarget\texplanation")
	for _, i := range a.Indicators {
		latest, target := "–", "–"
		if i.Latest != nil {
			latest = fmt.Sprintf("%g (%d)", i.Latest.Value, i.Latest.Year)
		}
		if i.Target != nil {
			target = fmt.Sprintf("%g", *i.Target)
			if i.TargetUpper != nil {
				target += fmt.Sprintf("–%g", *i.TargetUpper)
			}
			if i.TargetYear != 0 {
				target += fmt.Sprintf(" (%d)", i.TargetYear)
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", short(i.Name, 50), i.Class, latest, target, i.Explanation)
	}
}

// structuresTable prints the overlapping structures with their reasons.
func structuresTable(w io.Writer, st *analysis.Structures) {
	fmt.Fprintf(w, "%d networks and %d concepts compared: %d overlaps open, %d set aside by reviewers\n\n", st.Networks, st.Concepts, len(st.Overlaps), len(st.Reviewed))
	fmt.Fprintln(w, "kind\tscore\ta\tb\tshared members\treason")
	for _, o := range st.Overlaps {
		fmt.Fprintf(w, "%s\t%.2f\t%s\t%s\t%d\t%s\n", o.Kind, o.Score, short(o.A.Name, 40), short(o.B.Name, 40), len(o.SharedMembers), o.Explanation)
	}
}
