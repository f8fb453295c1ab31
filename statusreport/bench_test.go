package statusreport

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
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
			if mb, ok := peakMB(run); ok {
				b.ReportMetric(mb, "MB-peak")
			}
		})
	}
}

// peakMB runs f once and returns by how many MiB the resident set grew at its highest
// (VmHWM after resetting it through /proc/self/clear_refs), or false off Linux.
func peakMB(f func()) (float64, bool) {
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		f()
		return 0, false
	}
	before, ok1 := procKB("VmRSS")
	f()
	hwm, ok2 := procKB("VmHWM")
	if !ok1 || !ok2 {
		return 0, false
	}
	return max(0, hwm-before) / 1024, true
}

func procKB(name string) (float64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb, err == nil
		}
	}
	return 0, false
}
