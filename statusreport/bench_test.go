package statusreport

import (
	"bytes"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/internal/memstat"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
	"github.com/netzwerkatlas/netzwerkatlas/report"
)

// demoRegion returns the demo's snapshot of one region now and a year ago.
func demoRegion(tb testing.TB, region string) (now, then *graph.Snapshot) {
	tb.Helper()
	split := func(d *demo.Dataset, taken time.Time) *graph.Snapshot {
		all := &graph.Snapshot{Taken: taken}
		for _, e := range d.Nodes {
			all.Add(e)
		}
		all.Relations = d.Relations
		for _, s := range analysis.SplitRegions(all) {
			if s.Region == region {
				return s
			}
		}
		tb.Fatalf("no region %s in the demo", region)
		return nil
	}
	d := demo.Demo()
	ref, _ := graph.Date(demo.ReferenceDate).Time()
	ago, _ := demo.YearAgo().Time()
	return split(d, ref.Add(10*time.Hour)), split(d.AsOf(demo.YearAgo()), ago.Add(10*time.Hour))
}

// BenchmarkStatusReport times the Sachstandsbericht of the Rems-Murr-Kreis (demo data: 18
// goals, 15 indicators with charts, 188 measures of the concept) for the year from the saved
// state of a year ago to now, as the API makes it: the two monitoring runs are given (the
// saved one and the cached live one); each iteration computes the attainment, builds the
// content, lays it out and renders it. It reports the file's size (bytes-out) and the peak
// growth of the resident set during one run (MB-peak).
func BenchmarkStatusReport(b *testing.B) {
	now, then := demoRegion(b, "08119")
	runThen, err := analysis.Monitor(then)
	if err != nil {
		b.Fatal(err)
	}
	runNow, err := analysis.Monitor(now)
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range report.Formats {
		b.Run(format, func(b *testing.B) {
			var size int
			run := func() {
				att, err := analysis.ComputeAttainment(now, analysis.AttainmentParams{Year: now.Taken.Year()})
				if err != nil {
					b.Fatal(err)
				}
				r := Build(Input{Snapshot: now, Attainment: att,
					From: Stand{ID: "snp_x", Label: "Steuerungsgruppe Herbst 2025", Taken: then.Taken, Run: runThen},
					To:   Stand{Taken: now.Taken, Run: runNow}})
				var buf bytes.Buffer
				if err := report.Write(&buf, r.Document(msg.DE, now.Taken), format); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			for b.Loop() {
				run()
			}
			b.ReportMetric(float64(size), "bytes-out")
			b.StopTimer()
			if mb, ok := memstat.PeakMB(run); ok {
				b.ReportMetric(mb, "MB-peak")
			}
		})
	}
}
