package analysis

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
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

// procStatusKB returns a "Name: … kB" field of /proc/self/status.
func procStatusKB(name string) (float64, bool) {
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

// peakMu keeps peak measurements from overlapping (the high-water mark is per process).
var peakMu sync.Mutex

// peakMB runs f once and returns by how many MiB the process's resident set grew above its
// size before f at its highest: the kernel's high-water mark VmHWM, reset through
// /proc/self/clear_refs, less VmRSS before (after a GC that returned free memory to the
// system). compare/compare.py measures igraph and NetworkX the same way, so the figures are
// comparable; ok is false where /proc does not offer this (not Linux).
func peakMB(f func()) (mb float64, ok bool) {
	peakMu.Lock()
	defer peakMu.Unlock()
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		f()
		return 0, false
	}
	before, ok1 := procStatusKB("VmRSS")
	f()
	hwm, ok2 := procStatusKB("VmHWM")
	if !ok1 || !ok2 {
		return 0, false
	}
	return max(0, hwm-before) / 1024, true
}

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
