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
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// analyses are the subcommands of analyse, with what they print.
var analyses = []struct{ name, help string }{
	{"coverage", "the matrix municipality × field: offers and class (gap, thin, covered)"},
	{"gaps", "the gaps ranked by unserved demand, and the thin cells"},
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
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas analyse %s --region KEY [flags]\n\n", name)
		fs.PrintDefaults()
	}
	if err := parse(fs, args[1:], stderr); err != nil {
		return err
	}
	if f.region == "" {
		fmt.Fprintln(stderr, "--region is required")
		fs.Usage()
		return errUsage
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
	snap, err := store.Snapshot(ctx, f.region)
	if err != nil {
		return err
	}
	if len(snap.Regions) == 0 {
		return graph.NotFound(graph.KindRegion, f.region)
	}
	var result any
	var table func(w io.Writer)
	switch name {
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
	if f.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(result)
	}
	fmt.Fprintf(stdout, "%s of %s (revision %d), %s\n\n", name, regionName(snap), snap.Revision, time.Since(start).Round(time.Millisecond))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	table(tw)
	return tw.Flush()
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
