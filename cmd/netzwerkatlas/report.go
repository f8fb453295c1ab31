package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"github.com/netzwerkatlas/netzwerkatlas/report"
	"github.com/netzwerkatlas/netzwerkatlas/statusreport"
)

// runReport writes the Sachstandsbericht of a region, as GET /api/v1/reports/status does.
func runReport(ctx context.Context, v *voice, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var region, from, to, format, lang, output string
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	cfg.storeFlags(fs)
	fs.StringVar(&region, "region", "", "5-digit key of the region (required)")
	fs.StringVar(&from, "from", "", "start: a saved snapshot's id or a date YYYY-MM-DD (default: the newest snapshot before the end)")
	fs.StringVar(&to, "to", "", "end: a saved snapshot's id or a date (default: the current state)")
	fs.StringVar(&format, "format", report.FormatPDF, "html, pdf, docx or xlsx")
	v.flag(fs, "language of the report and of what the command prints: de or en")
	fs.StringVar(&output, "output", "", "write to this file (default: Sachstandsbericht-REGION-DATE.FORMAT)")
	fs.StringVar(&output, "o", "", "short for --output")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: netzwerkatlas report --region KEY [--from ID|DATE] [--to ID|DATE] [--format pdf] [-o FILE]\n\nWrites the Sachstandsbericht of the integration concept for a period.\n\n")
		fs.PrintDefaults()
	}
	if err := parse(v, fs, args, stderr); err != nil {
		return err
	}
	cfg.Lang, lang = v.Lang, string(v.Lang)
	switch {
	case region == "":
		fmt.Fprintln(stderr, v.T("cli.required", msg.Args{"flag": "region"}))
		fs.Usage()
		return errUsage
	case !slices.Contains(report.Formats, format):
		return v.errorf("cli.choose", msg.Args{"flag": "format", "value": format, "choices": v.or(report.Formats...)})
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	list, err := store.ListMonitoringSnapshots(ctx, region)
	if err != nil {
		return err
	}
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
	now := time.Now().UTC()
	p, err := statusreport.ResolvePeriod(region, from, to, now, list, load)
	if err != nil {
		return err
	}
	snap, err := store.Snapshot(ctx, region)
	if err != nil {
		return err
	}
	if len(snap.Regions) == 0 {
		return graph.NotFound(graph.KindRegion, region)
	}
	if p.Live {
		if p.To.Run, err = analysis.Monitor(snap); err != nil {
			return err
		}
	}
	att, err := analysis.ComputeAttainment(snap, analysis.AttainmentParams{Year: p.To.Taken.Year(), Lang: lang})
	if err != nil {
		return err
	}
	doc := statusreport.Build(statusreport.Input{Snapshot: snap, From: p.From, To: p.To, Attainment: att}).Document(msg.Lang(lang), now)
	var buf bytes.Buffer
	if err := report.Write(&buf, doc, format); err != nil {
		return err
	}
	if output == "" {
		output = fmt.Sprintf("Sachstandsbericht-%s-%s%s", region, now.Format("2006-01-02"), report.FileExtension(format))
	}
	if err := os.WriteFile(output, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(stdout, v.T("cli.report.written", msg.Args{"file": output, "bytes": buf.Len(), "region": regionName(snap), "took": time.Since(start).Round(time.Millisecond)}))
	return nil
}
