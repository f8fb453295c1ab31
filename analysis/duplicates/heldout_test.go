package duplicates

import (
	"fmt"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph/demo/heldout"
)

// heldoutPR measures the detection on the held-out county (graph/demo/heldout, Kreis Lippe:
// written separately from the demo, without looking at the demo's texts or this package;
// paraphrased duplicates, hard negatives in the same town, field and group). Nothing here is
// tuned on it: thresholds and weights are chosen on the demo. It returns the cluster-pair
// counts and the hard negatives reported.
func heldoutPR(t *testing.T, p Params) (prCount, []string) {
	t.Helper()
	set := heldout.Dataset()
	d := mustFind(t, set.Snapshot(), p)
	want := map[[2]string]bool{}
	for _, pr := range set.Truth.Duplicates {
		want[[2]string{min(pr.A, pr.B), max(pr.A, pr.B)}] = true
	}
	neg := map[[2]string]string{}
	for _, pr := range set.Truth.HardNegatives {
		neg[[2]string{min(pr.A, pr.B), max(pr.A, pr.B)}] = pr.Case
	}
	c := prCount{planted: len(want)}
	var negs []string
	for k := range clusterPairs(d.Clusters) {
		c.reported++
		if want[k] {
			c.tp++
		}
		if n, ok := neg[k]; ok {
			negs = append(negs, n)
		}
	}
	return c, negs
}

// TestDuplicatesHeldOut prints precision and recall on the held-out county.
func TestDuplicatesHeldOut(t *testing.T) {
	c, negs := heldoutPR(t, Params{})
	fmt.Printf("duplicates on the held-out county: cluster pairs precision %.3f recall %.3f (%d of %d planted, %d reported), hard negatives reported: %d\n",
		c.precision(), c.recall(), c.tp, c.planted, c.reported, len(negs))
	if len(negs) > 0 {
		t.Logf("hard negatives reported: %v", negs)
	}
}
