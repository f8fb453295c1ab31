package analysis

import (
	"runtime"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
)

// BenchmarkAnalyses times every analysis as the API and the command line run it, at the
// scales NETZWERKATLAS_BENCH_SCALES names (see collabBenchScales; `make bench` runs county,
// state and nation), and reports each one's peak memory (MB-peak, see peakMB).
//
//   - "county" sub-benchmarks run on one region's snapshot — what one request computes: the
//     county data set is one large county (2,000 organisations, 10,000 measures); at state
//     and nation scale it is the first of their counties (500 organisations, 2,500 measures).
//   - "all" sub-benchmarks run over every region of the data set: coverage and attainment
//     region by region (as a nightly report would), duplicates and the network analysis
//     over the whole snapshot at once.
func BenchmarkAnalyses(b *testing.B) {
	for _, scale := range collabBenchScales() {
		b.Run(scale, func(b *testing.B) {
			all := collabSnapshot(b, scale)
			regions := SplitRegions(all)
			one := regions[0]
			col := CollaborationGraph(one)
			org := one.Organisations[0].ID
			runtime.GC()
			cases := []struct {
				name string
				run  func()
			}{
				{"county/Coverage", func() { must(ComputeCoverage(one, CoverageParams{})) }},
				{"county/Duplicates", func() { must(duplicates.Find(one, duplicates.Params{})) }},
				{"county/Partners", func() { must(RecommendPartners(one, CollaborationGraph(one), org, PartnerParams{})) }},
				{"county/Network", func() { must(AnalyseNetwork(one, CollaborationGraph(one), NetworkParams{})) }},
				{"county/Ego3", func() { must(EgoNetwork(one, col, org, 3)) }},
				{"county/Monitor", func() { must(Monitor(one)) }},
				{"county/Attainment", func() { must(ComputeAttainment(one, AttainmentParams{})) }},
				{"county/Structures", func() { must(FindStructures(one, StructureParams{})) }},
				{"county/Map", func() { must(ComputeCoverage(one, CoverageParams{TargetGroup: one.TargetGroups[0].ID})) }},
			}
			if len(regions) > 1 {
				cases = append(cases, []struct {
					name string
					run  func()
				}{
					{"all/Coverage", func() {
						for _, r := range regions {
							must(ComputeCoverage(r, CoverageParams{}))
						}
					}},
					{"all/Attainment", func() {
						for _, r := range regions {
							must(ComputeAttainment(r, AttainmentParams{}))
						}
					}},
					{"all/Duplicates", func() { must(duplicates.Find(all, duplicates.Params{})) }},
					{"all/Network", func() { must(AnalyseNetwork(all, CollaborationGraph(all), NetworkParams{})) }},
				}...)
			}
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) {
					for b.Loop() {
						c.run()
					}
					benchPeak(b, c.run)
				})
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
