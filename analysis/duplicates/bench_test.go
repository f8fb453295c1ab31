package duplicates

import (
	"context"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
)

// The duplicate benchmarks run on the in-memory scale data sets of graph/demo
// (demo.ScaleSnapshot, seed 1). NETZWERKATLAS_BENCH_SCALES picks the scales, as for the store
// benchmarks; the default here is county,state (the two the requirements name), and nation
// (1,000,000 measures, a few GB of memory) runs only when listed:
//
//	go test -run '^$' -bench BenchmarkDuplicates -benchtime 3x ./analysis/duplicates
//	NETZWERKATLAS_BENCH_SCALES=county,state,nation go test -run '^$' -bench BenchmarkDuplicates -benchtime 1x -timeout 60m ./analysis/duplicates

func dupBenchScales() []string {
	s := os.Getenv("NETZWERKATLAS_BENCH_SCALES")
	if s == "" {
		s = "county,state"
	}
	return strings.Split(s, ",")
}

var dupScaleSnaps sync.Map // scale name → *graph.Snapshot

// dupScaleSnapshot builds (once per process) the scale data set as one snapshot of all its
// regions.
func dupScaleSnapshot(tb testing.TB, scale string) *graph.Snapshot {
	tb.Helper()
	if s, ok := dupScaleSnaps.Load(scale); ok {
		return s.(*graph.Snapshot)
	}
	sc, ok := demo.ScaleByName(scale)
	if !ok {
		tb.Fatalf("unknown scale %q", scale)
	}
	start := time.Now()
	s, err := demo.ScaleSnapshot(context.Background(), sc, 1)
	if err != nil {
		tb.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "built the %s snapshot (%d measures) in %s\n", scale, len(s.Measures), time.Since(start).Round(time.Millisecond))
	dupScaleSnaps.Store(scale, s)
	return s
}

// heapSampler samples the heap every millisecond while something runs. It reads
// runtime/metrics, which does not stop the world; garbage not yet collected counts too, so
// its peak is an upper bound of what the measured code needs at once.
type heapSampler struct {
	base, peak uint64
	done       chan struct{}
	wg         sync.WaitGroup
}

var heapObjects = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

func heapNow() uint64 {
	s := slices.Clone(heapObjects)
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// startHeapSampler starts sampling; the caller collects garbage first, outside what it
// measures.
func startHeapSampler() *heapSampler {
	h := &heapSampler{base: heapNow(), done: make(chan struct{})}
	h.peak = h.base
	h.wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-h.done:
				return
			case <-t.C:
				h.peak = max(h.peak, heapNow())
			}
		}
	})
	return h
}

// stop ends the sampling and returns the largest growth over the start, in bytes.
func (h *heapSampler) stop() uint64 {
	close(h.done)
	h.wg.Wait()
	h.peak = max(h.peak, heapNow())
	return h.peak - h.base
}

// peakHeap collects garbage, then runs fn and returns its peak heap growth.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	h := startHeapSampler()
	fn()
	return h.stop()
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// gcCount returns the number of completed garbage collections.
func gcCount() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

// BenchmarkDuplicates runs Find with the default parameters over all regions of a
// scale data set at once (county: one region of 10,000 measures; state: 40 regions of 2,500;
// nation: 400 of 2,500) and reports the CPU time, the collections, the peak heap growth, the
// candidates (pairs that pass blocking), the pairs at or above the threshold, the listed
// pairs (the clusters' spanning trees) and the clusters.
func BenchmarkDuplicates(b *testing.B) {
	for _, scale := range dupBenchScales() {
		b.Run(scale, func(b *testing.B) {
			s := dupScaleSnapshot(b, scale)
			var d *Result
			var peak uint64
			var cpu time.Duration
			var gc uint32
			best := time.Duration(math.MaxInt64)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				// Each run starts from a collected heap (the snapshot); the collection is not
				// measured.
				b.StopTimer()
				runtime.GC()
				h := startHeapSampler()
				before, gcs := cpuTime(), gcCount()
				b.StartTimer()
				t0 := time.Now()
				var err error
				d, err = Find(s, Params{})
				best = min(best, time.Since(t0))
				b.StopTimer()
				cpu += cpuTime() - before
				gc += gcCount() - gcs
				peak = max(peak, h.stop())
				b.StartTimer()
				if err != nil {
					b.Fatal(err)
				}
			}
			// CPU time of the process (all goroutines, the collector's included): unlike the
			// wall time, it hardly changes when other programs compete for the cores.
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
			// The fastest single run: the figure least disturbed by other programs.
			b.ReportMetric(float64(best.Microseconds())/1000, "best-ms")
			b.ReportMetric(float64(gc)/float64(b.N), "gc/op")
			b.ReportMetric(float64(d.Candidates), "candidates")
			b.ReportMetric(float64(d.Steps.Indexed), "indexed")
			b.ReportMetric(float64(d.Steps.Bounded), "bounded")
			b.ReportMetric(float64(d.Steps.Scored), "scored")
			b.ReportMetric(float64(d.Steps.Kept), "kept")
			b.ReportMetric(float64(d.AboveThreshold), "above")
			b.ReportMetric(float64(len(d.Pairs)), "pairs")
			b.ReportMetric(float64(len(d.Clusters)), "clusters")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}
