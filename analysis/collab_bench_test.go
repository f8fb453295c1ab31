package analysis

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/internal/memstat"
)

// The network benchmarks run on the collaboration graphs of graph/demo's scale data sets,
// built in memory by demo.ScaleSnapshot (no store). NETZWERKATLAS_BENCH_SCALES picks the
// scales as for the store benchmarks (default county; state takes about 4 s to generate,
// nation about 40 s and a few GB). `make bench` runs county, state and nation.

func collabBenchScales() []string {
	s := os.Getenv("NETZWERKATLAS_BENCH_SCALES")
	if s == "" {
		s = "county"
	}
	return strings.Split(s, ",")
}

// collabSnapshot returns the scale data set called name, generated with seed 1.
func collabSnapshot(tb testing.TB, name string) *graph.Snapshot {
	tb.Helper()
	sc, ok := demo.ScaleByName(name)
	if !ok {
		tb.Fatalf("unknown scale %q", name)
	}
	start := time.Now()
	s, err := demo.ScaleSnapshot(context.Background(), sc, 1)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %s in %s: %d organisations, %d networks, %d relations", name, time.Since(start).Round(time.Millisecond), len(s.Organisations), len(s.Networks), len(s.Relations))
	return s
}

// peakMB runs f once and returns its peak memory (see memstat.PeakMB).
func peakMB(f func()) (mb float64, ok bool) { return memstat.PeakMB(f) }

// benchPeak reports the peak memory of one extra run of f, outside the timed loop.
func benchPeak(b *testing.B, f func()) {
	b.StopTimer()
	if mb, ok := peakMB(f); ok {
		b.ReportMetric(mb, "MB-peak")
	}
	b.StartTimer()
}

// BenchmarkNetgraph times the collaboration graph's construction and the network
// algorithms on it, scale by scale. Besides ns/op and -benchmem's allocations it reports
// MB-peak, the growth of the resident set during one run (see peakMB), and the graph's size.
func BenchmarkNetgraph(b *testing.B) {
	for _, scale := range collabBenchScales() {
		b.Run(scale, func(b *testing.B) {
			s := collabSnapshot(b, scale)
			b.Run("CollaborationGraph", func(b *testing.B) {
				for b.Loop() {
					CollaborationGraph(s)
				}
				benchPeak(b, func() { CollaborationGraph(s) })
			})
			g := CollaborationGraph(s).Graph
			s = nil // the algorithms need only g; let the GC have the snapshot
			runtime.GC()
			size := func(b *testing.B) {
				b.ReportMetric(float64(g.Order()), "nodes")
				b.ReportMetric(float64(g.Size()), "edges")
			}
			for _, alg := range []struct {
				name string
				run  func()
			}{
				{"PageRank", func() { netgraph.PageRank(g, 0.85, 0) }},
				{"Betweenness", func() { netgraph.Betweenness(g, 0) }},
				{"Louvain", func() { netgraph.Louvain(g, 1, 1) }},
				{"ArticulationPoints", func() { netgraph.ArticulationPoints(g) }},
				{"Components", func() { netgraph.Components(g) }},
			} {
				b.Run(alg.name, func(b *testing.B) {
					for b.Loop() {
						alg.run()
					}
					benchPeak(b, alg.run)
					size(b)
				})
			}
		})
	}
}
