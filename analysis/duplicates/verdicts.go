package duplicates

import "github.com/netzwerkatlas/netzwerkatlas/graph"

// verdict returns the index in verdictList of the pair's verdict, or -1.
func (r *dupRun) verdict(sc dupScored) int32 {
	if !r.ms[sc.a].verdicts || !r.ms[sc.b].verdicts {
		return -1
	}
	v, ok := r.ix.verdicts[dupKey(r.members[sc.a], r.members[sc.b])]
	if !ok {
		return -1
	}
	return v
}

// addConfirmed returns the pairs confirmed by a duplicate verdict (or under coordination)
// that blocking did not bring up (the workers' kept lists hold what it did), with their features in r.feats.
func (r *dupRun) addConfirmed(out []dupScored, kept []workerKept) []dupScored {
	local := map[int32]int32{}
	for k, g := range r.members {
		if r.ms[k].verdicts {
			local[g] = int32(k)
		}
	}
	if len(local) == 0 {
		return out
	}
	seen := map[[2]int32]bool{}
	for _, w := range kept {
		for _, sc := range w.kept {
			if r.ms[sc.a].verdicts && r.ms[sc.b].verdicts {
				seen[dupKey(r.members[sc.a], r.members[sc.b])] = true
			}
		}
	}
	var dense [nReps][]float32
	for key, v := range r.ix.verdicts {
		a, okA := local[key[0]]
		b, okB := local[key[1]]
		if !okA || !okB || !keeps(r.ix.verdictList[v].Verdict) || seen[key] {
			continue
		}
		if dense[0] == nil {
			dense = r.newDense()
		}
		x := r.pairFeatures(&dense, a, b)
		store := r.feats[len(r.feats)-1]
		out = append(out, dupScored{a: a, b: b, f: store.add(&x), w: int32(len(r.feats) - 1), score: sigmoid(r.lr.logit(&x))})
	}
	return out
}

// overdue reports whether a coordination's due date lies before the run's today. Dates in
// ISO form compare as strings.
func (r *dupRun) overdue(v graph.RelProps) bool {
	return v.Verdict == VerdictCoordinating && v.Due != "" && r.p.today != "" && v.Due < r.p.today
}

// keeps reports whether a verdict keeps its pair reported whatever its score: a confirmed
// duplicate, or a coordination under way.
func keeps(verdict string) bool {
	return verdict == VerdictDuplicate || verdict == VerdictCoordinating
}

func (ix *dupIndex) hasVerdict(a, b int32) bool {
	_, ok := ix.verdicts[dupKey(a, b)]
	return ok
}
