package duplicates

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestStrongestSets: the selection of a document's strongest sets is the one a full sort
// gives, ties broken by id.
func TestStrongestSets(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := maxSynonymSets + 1; n < 300; n += 7 {
		w, id := make([]float64, n), make([]int32, n)
		sets := make([]int32, n)
		for i := range n {
			w[i] = float64(r.IntN(20)) // many ties
			id[i] = int32(r.IntN(1000))*1000 + int32(i)
			sets[i] = int32(i)
		}
		got, _ := strongest(slices.Clone(sets), w, id, nil)
		want := slices.Clone(sets)
		slices.SortFunc(want, func(x, y int32) int {
			if (setWeight{w[x], id[x], x}).stronger(setWeight{w[y], id[y], y}) {
				return -1
			}
			return 1
		})
		want = want[:maxSynonymSets]
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("n = %d: %v, want %v", n, got, want)
		}
	}
}
