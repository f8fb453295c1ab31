package embedded_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// The store benchmarks run on the scale data sets of graph/demo. Each set is seeded once into
// $NETZWERKATLAS_BENCH_DIR/<scale> (default: a folder in the system's temp dir) and reused;
// NETZWERKATLAS_BENCH_SCALES picks the scales (default county; `make bench` adds nation).

func benchScales() []string {
	s := os.Getenv("NETZWERKATLAS_BENCH_SCALES")
	if s == "" {
		s = "county"
	}
	return strings.Split(s, ",")
}

// benchDir returns the folder holding the seeded data set, seeding it if needed.
func benchDir(b *testing.B, scale string) string {
	b.Helper()
	root := os.Getenv("NETZWERKATLAS_BENCH_DIR")
	if root == "" {
		root = filepath.Join(os.TempDir(), "netzwerkatlas-bench")
	}
	dir := filepath.Join(root, scale)
	marker := filepath.Join(dir, "seeded")
	if _, err := os.Stat(marker); err == nil {
		return dir
	}
	sc, ok := demo.ScaleByName(scale)
	if !ok {
		b.Fatalf("unknown scale %q", scale)
	}
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	s, err := embedded.Open(dir, embedded.Options{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	last := time.Now()
	err = demo.SeedScale(context.Background(), s, sc, 1, func(done, total int) {
		if time.Since(last) > 10*time.Second {
			fmt.Fprintf(os.Stderr, "seeding %s: %d of about %d operations (%s)\n", scale, done, total, time.Since(start).Round(time.Second))
			last = time.Now()
		}
	})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "seeded %s in %s\n", scale, time.Since(start).Round(time.Second))
	if err := os.WriteFile(marker, []byte(time.Now().Format(time.RFC3339)), 0o600); err != nil {
		b.Fatal(err)
	}
	return dir
}

func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func BenchmarkStore(b *testing.B) {
	ctx := context.Background()
	for _, scale := range benchScales() {
		b.Run(scale, func(b *testing.B) {
			dir := benchDir(b, scale)
			st, err := os.Stat(filepath.Join(dir, embedded.FileName))
			if err != nil {
				b.Fatal(err)
			}
			b.Run("Open", func(b *testing.B) {
				base := heapMB()
				var heap float64
				for i := 0; i < b.N; i++ {
					s, err := embedded.Open(dir, embedded.Options{})
					if err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					heap = heapMB() - base
					s.Close()
					b.StartTimer()
				}
				b.ReportMetric(heap, "MB-heap")
				b.ReportMetric(float64(st.Size())/(1<<20), "MB-file")
			})
			s, err := embedded.Open(dir, embedded.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			snap, err := s.Snapshot(ctx, "")
			if err != nil {
				b.Fatal(err)
			}
			region := snap.Regions[len(snap.Regions)/2].ID
			var measures, orgs []string
			for _, m := range snap.Measures {
				measures = append(measures, m.ID)
			}
			for _, o := range snap.Organisations {
				if o.Region == region {
					orgs = append(orgs, o.ID)
				}
			}
			var muni string
			for _, m := range snap.Municipalities {
				if m.Region == region {
					muni = m.ID
					break
				}
			}
			b.Logf("%s: %v nodes, %d relationships", scale, snap.Count(), len(snap.Relations))
			snap = nil
			rng := rand.New(rand.NewPCG(1, 2))

			b.Run("Get", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Get(ctx, graph.KindMeasure, measures[rng.IntN(len(measures))]); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("List/region", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.List(ctx, graph.ListQuery{Kind: graph.KindMeasure, Filter: graph.Filter{Region: region}}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("List/municipality+status", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.List(ctx, graph.ListQuery{Kind: graph.KindMeasure, Filter: graph.Filter{Municipality: muni, Status: "active"}}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("List/all-status", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.List(ctx, graph.ListQuery{Kind: graph.KindMeasure, Filter: graph.Filter{Status: "active"}}); err != nil {
						b.Fatal(err)
					}
				}
			})
			for _, q := range []struct {
				name string
				q    graph.SearchQuery
			}{
				{"one-word", graph.SearchQuery{Text: "Sprachkurs"}},
				{"two-words-region", graph.SearchQuery{Text: "Beratung Frauen", Filter: graph.Filter{Region: region}}},
				{"prefix", graph.SearchQuery{Text: "Integrationsk"}},
			} {
				b.Run("Search/"+q.name, func(b *testing.B) {
					var total int
					for i := 0; i < b.N; i++ {
						res, err := s.Search(ctx, q.q)
						if err != nil {
							b.Fatal(err)
						}
						total = res.Total
					}
					b.ReportMetric(float64(total), "hits")
				})
			}
			b.Run("Snapshot/region", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Snapshot(ctx, region); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Snapshot/all", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Snapshot(ctx, ""); err != nil {
						b.Fatal(err)
					}
				}
			})
			// Writes go to the data set's organisations of one region; each is fsynced.
			b.Run("Create", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Create(ctx, &graph.Organisation{Name: "Benchmark-Verein", Region: region, Kind: "club"}); err != nil {
						b.Fatal(err)
					}
				}
			})
			// Concurrent writers share commits (group commit): eight goroutines creating at once.
			b.Run("CreateParallel", func(b *testing.B) {
				b.SetParallelism(4)
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if _, err := s.Create(ctx, &graph.Organisation{Name: "Benchmark-Verein", Region: region, Kind: "club"}); err != nil {
							b.Error(err)
							return
						}
					}
				})
			})
			b.Run("Update", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					o, err := graph.GetAs[*graph.Organisation](ctx, s, orgs[i%len(orgs)])
					if err != nil {
						b.Fatal(err)
					}
					o.Description = fmt.Sprintf("Beschreibung %d", i)
					if _, err := s.Update(ctx, o, o.Version); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
