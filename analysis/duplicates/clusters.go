package duplicates

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// clusters makes the clusters of the listed pairs (in score order; reviews alongside), one
// per component of find, ordered by their best score, then by id; links counts the active
// pairs per component. It returns the pairs and reviews regrouped by cluster, in that order,
// each cluster's highest score first, and the number of pairs of each cluster, for the
// caller to point the clusters' Pairs into the described pairs.
func (r *dupRun) clusters(scored []dupScored, reviews []int32, find func(int32) int32, links []int32) ([]Cluster, []int, []dupScored, []int32) {
	n := len(r.ms)
	index := make([]int32, n) // root → 1 + cluster
	seen := make([]bool, n)
	var out []Cluster
	var members [][]int32
	of := make([]int32, len(scored)) // pair → cluster
	for i, sc := range scored {
		root := find(sc.a)
		c := int(index[root]) - 1
		if c < 0 {
			c = len(out)
			index[root] = int32(c + 1)
			out = append(out, Cluster{Score: sc.score, Links: int(links[root])})
			members = append(members, nil)
		}
		of[i] = int32(c)
		for _, k := range [2]int32{sc.a, sc.b} {
			if !seen[k] {
				seen[k] = true
				members[c] = append(members[c], k)
			}
		}
	}
	for c := range out {
		cl := &out[c]
		cl.Measures = make([]string, len(members[c]))
		for i, k := range members[c] {
			cl.Measures[i] = r.ms[k].m.ID
		}
		slices.Sort(cl.Measures)
		cl.ID = "dup-" + cl.Measures[0]
		r.clusterKind(cl, members[c])
	}
	// Clusters by score, then id; pairs regrouped by a counting sort, stable within a cluster.
	order := make([]int32, len(out))
	for c := range order {
		order[c] = int32(c)
	}
	slices.SortFunc(order, func(x, y int32) int {
		return cmp.Or(cmp.Compare(out[y].Score, out[x].Score), strings.Compare(out[x].ID, out[y].ID))
	})
	rank := make([]int32, len(out))
	sorted := make([]Cluster, len(out))
	for pos, c := range order {
		rank[c] = int32(pos)
		sorted[pos] = out[c]
	}
	start, sizes := make([]int, len(out)+1), make([]int, len(out))
	for _, c := range of {
		start[rank[c]+1]++
	}
	for c := range out {
		start[c+1] += start[c]
		sizes[c] = start[c+1] - start[c]
	}
	grouped, groupedReviews := make([]dupScored, len(scored)), make([]int32, len(scored))
	for i, c := range of {
		at := start[rank[c]]
		start[rank[c]]++
		grouped[at], groupedReviews[at] = scored[i], reviews[i]
	}
	return sorted, sizes, grouped, groupedReviews
}

// clusterKind sets the kind, suggestion and explanation of a cluster from its members'
// providers.
func (r *dupRun) clusterKind(c *Cluster, members []int32) {
	var provs []int32
	for _, k := range members {
		provs = append(provs, r.ms[k].providers...)
	}
	slices.Sort(provs)
	all, repeated := false, false
	for lo := 0; lo < len(provs); {
		hi := lo + 1
		for hi < len(provs) && provs[hi] == provs[lo] {
			hi++
		}
		all = all || hi-lo == len(members)
		repeated = repeated || hi-lo > 1
		lo = hi
	}
	key := "duplicates.cluster.mixed"
	switch {
	case all:
		c.Kind, c.Suggestion, key = KindData, SuggestMerge, "duplicates.cluster.merge"
	case !repeated:
		c.Kind, c.Suggestion, key = KindParallel, SuggestCoordinate, "duplicates.cluster.coordinate"
	default:
		c.Kind, c.Suggestion = KindMixed, SuggestMergeAndCoordinate
	}
	c.Why = clusterWhy(key, len(members))
	c.Explanation = c.Why.EN
}

// clusterWhys are the words of clusters of up to 15 members, rendered once.
var clusterWhys = sync.OnceValue(func() map[string][16]Why {
	out := map[string][16]Why{}
	for _, key := range []string{"duplicates.cluster.merge", "duplicates.cluster.coordinate", "duplicates.cluster.mixed"} {
		var ws [16]Why
		for n := 2; n < len(ws); n++ {
			ws[n] = renderClusterWhy(key, n)
		}
		out[key] = ws
	}
	return out
})

// clusterWhy returns the words of a cluster of n members.
func clusterWhy(key string, n int) Why {
	if n < 16 {
		if w := clusterWhys()[key][n]; w.DE != "" {
			return w
		}
	}
	return renderClusterWhy(key, n)
}

func renderClusterWhy(key string, n int) Why {
	args := msg.Args{"n": n}
	return Why{DE: msg.For(msg.DE).T(key, args), EN: msg.For(msg.EN).T(key, args)}
}
