package analysis_test

import (
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// The Kita attendance rate of children with a migration background rose from 24 % (2020)
// to 31.5 % (2024); the concept aimed at 35 % by 2024. The least-squares line through
// (2020, 24), (2022, 28), (2024, 31.5) rises by 15/8 = 1.875 points a year and meets 35 %
// in 2026, two years late: off track.
func ExampleJudgeSeries() {
	base, target := 24.0, 35.0
	ind := &graph.Indicator{Name: "Kita-Besuchsquote", Unit: "%", Direction: "higher",
		Baseline: &base, BaselineYear: 2020, Target: &target, TargetYear: 2024}
	series := []analysis.Point{{Year: 2022, Value: 28}, {Year: 2024, Value: 31.5}}
	j := analysis.JudgeSeries(ind, series, 0, msg.For(msg.DE))
	fmt.Println(j.Class)
	fmt.Println(j.Explanation)
	// Output:
	// off_track
	// Kita-Besuchsquote 2024: 31,5 % von 35 % Ziel (Ausgangswert 2020: 24 %). Damit sind 68 % des Wegs zum Ziel geschafft. Der Trend von +1,9 Punkten pro Jahr erreicht das Ziel 2026, 2 Jahre nach dem Zieljahr 2024.
}
