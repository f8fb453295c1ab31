package netgraph_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/netgraph"
)

// BenchmarkEdgeLists times the algorithms on graphs read from the edge-list files (the
// format of compare/compare.py: the node count, then "u v w" per line) named in
// NETZWERKATLAS_NETGRAPH_EDGES, separated by commas. It profiles the algorithms alone,
// without generating the scale data sets; analysis.BenchmarkNetgraph is the benchmark of
// record.
func BenchmarkEdgeLists(b *testing.B) {
	files := os.Getenv("NETZWERKATLAS_NETGRAPH_EDGES")
	if files == "" {
		b.Skip("NETZWERKATLAS_NETGRAPH_EDGES names no edge-list file")
	}
	for _, file := range strings.Split(files, ",") {
		g := readCompareEdgeList(b, file)
		b.Run(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), func(b *testing.B) {
			b.Run("PageRank", func(b *testing.B) {
				for b.Loop() {
					netgraph.PageRank(g, 0.85, 0)
				}
			})
			b.Run("Betweenness", func(b *testing.B) {
				for b.Loop() {
					netgraph.Betweenness(g, 0)
				}
			})
			b.Run("Betweenness1", func(b *testing.B) {
				for b.Loop() {
					netgraph.Betweenness(g, 1)
				}
			})
			b.Run("Louvain", func(b *testing.B) {
				for b.Loop() {
					netgraph.Louvain(g, 1, 1)
				}
			})
		})
	}
}

func readCompareEdgeList(tb testing.TB, path string) *netgraph.Graph {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		tb.Fatalf("%s: empty", path)
	}
	n, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
	if err != nil {
		tb.Fatalf("%s: first line: %v", path, err)
	}
	var es []netgraph.Edge
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 {
			tb.Fatalf("%s: bad line %q", path, sc.Text())
		}
		u, err1 := strconv.Atoi(fs[0])
		v, err2 := strconv.Atoi(fs[1])
		w, err3 := strconv.ParseFloat(fs[2], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			tb.Fatalf("%s: bad line %q", path, sc.Text())
		}
		es = append(es, netgraph.Edge{U: int32(u), V: int32(v), W: w})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return netgraph.Build(n, es)
}
