package duplicates

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// The features of a pair, each in [0, 1]: what the model weighs (see Find).
const (
	fTitle         = iota // TF-IDF cosine of the titles' stems
	fDescription          // TF-IDF cosine of the descriptions' stems (the title's when one is empty)
	fCompound             // TF-IDF cosine of the compound parts of every word
	fSynonyms             // cosine of the synonym representation (see synonymRepr)
	fTitleTrigrams        // TF-IDF cosine of the titles' character trigrams
	fProgramme            // 1 same programme, 0 different, ½ unknown
	fLanguages            // Jaccard index of the languages, ½ unknown
	fFormat               // 1 equal, ½ hybrid against in person or online, 0 different; ½ unknown
	fTargetGroups         // Jaccard index of the target groups, ½ unknown
	fProvider             // 1 when a provider provides both
	nFeatures
)

// nTextFeatures counts the features that come from the texts (they lead the list); the
// candidate bound finds the pairs that can reach the probability that matters through them.
const nTextFeatures = fProgramme

// FeatureNames names the features in the order of Model.Weights and Pair.Features.
var FeatureNames = [nFeatures]string{"title", "description", "compound", "synonyms", "title_trigrams",
	"programme", "languages", "format", "target_groups", "same_provider"}

// unknownPart is the value of a structural part that one of the two measures leaves empty:
// neither agreement nor disagreement.
const unknownPart = 0.5

// The text representations compared by cosine, each with its own vocabulary, vectors and
// prefix-filter index.
const (
	repTitle = iota
	repDesc
	repParts
	repSynonyms
	repGrams
	nReps
)

// repFeature is the feature each representation's cosine gives.
var repFeature = [nReps]int{fTitle, fDescription, fCompound, fSynonyms, fTitleTrigrams}

// features are the values of a pair's features.
type features [nFeatures]float64

// spread writes the vectors of local measure a into dense (one array per representation,
// zero elsewhere), so that each cosine with it is one pass over the other vector.
func (r *dupRun) spread(dense *[nReps][]float32, a int32) {
	for k := range nReps {
		v := r.reps[k][a]
		d := dense[k]
		for i, id := range v.ids {
			d[id] = v.ws[i]
		}
	}
}

// unspread zeroes what spread wrote.
func (r *dupRun) unspread(dense *[nReps][]float32, a int32) {
	for k := range nReps {
		d := dense[k]
		for _, id := range r.reps[k][a].ids {
			d[id] = 0
		}
	}
}

// textFeatures computes the text features of the pair of a (spread into dense) and c. The
// products are added in ascending id order, so every caller gets the same sums to the last
// bit.
func (r *dupRun) textFeatures(dense *[nReps][]float32, a, c int32, x *features) {
	for k := range nReps {
		x[repFeature[k]] = r.cosine(dense, k, c)
	}
	if r.noDesc(a, c) {
		x[fDescription] = x[fTitle]
	}
}

// cosine returns representation k's cosine of c and the measure spread into dense. The
// products are added in ascending id order, so every caller gets the same sums to the last
// bit.
func (r *dupRun) cosine(dense *[nReps][]float32, k int, c int32) float64 {
	v := r.reps[k][c]
	d := dense[k]
	var s float64
	ws := v.ws[:len(v.ids)]
	for i, id := range v.ids {
		s += float64(d[id]) * float64(ws[i]) // + 0 where a lacks the entry: the same sum
	}
	return min(1, s)
}

// noDesc reports whether a or c has no description to compare: an empty description is
// unknown, not a disagreement, and the titles' cosine stands in for fDescription.
func (r *dupRun) noDesc(a, c int32) bool {
	return len(r.reps[repDesc][a].ids) == 0 || len(r.reps[repDesc][c].ids) == 0
}

// structFeatures computes the structural features of a and c (the parts of dupStructure,
// with unknown parts at unknownPart, and the shared provider).
func (r *dupRun) structFeatures(a, c int32, x *features) {
	x[fProgramme], x[fLanguages], x[fFormat], x[fTargetGroups] = unknownPart, unknownPart, unknownPart, unknownPart
	ma, mc := r.ms[a], r.ms[c]
	if r.fast {
		if pa, pc := r.programme[a], r.programme[c]; pa >= 0 && pc >= 0 {
			x[fProgramme] = b2f(pa == pc)
		}
		if la, lc := r.lmask[a], r.lmask[c]; la != 0 && lc != 0 {
			x[fLanguages] = float64(bits.OnesCount64(la&lc)) / float64(bits.OnesCount64(la|lc))
		}
		if fa, fc := r.format[a], r.format[c]; fa >= 0 && fc >= 0 {
			switch {
			case fa == fc:
				x[fFormat] = 1
			case fa == r.hybrid || fc == r.hybrid:
				x[fFormat] = 0.5
			default:
				x[fFormat] = 0
			}
		}
		if ta, tc := r.tmask[a], r.tmask[c]; ta != 0 && tc != 0 {
			x[fTargetGroups] = float64(bits.OnesCount64(ta&tc)) / float64(bits.OnesCount64(ta|tc))
		}
	} else {
		if ma.programme != "" && mc.programme != "" {
			x[fProgramme] = b2f(ma.programme == mc.programme)
		}
		if len(ma.langs) > 0 && len(mc.langs) > 0 {
			x[fLanguages] = dupJaccardStrings(ma.langs, mc.langs)
		}
		if ma.m.Format != "" && mc.m.Format != "" {
			x[fFormat] = dupFormatAgreement(ma.m.Format, mc.m.Format)
		}
		if len(ma.targets) > 0 && len(mc.targets) > 0 {
			x[fTargetGroups] = dupJaccardInts(ma.targets, mc.targets)
		}
	}
	x[fProvider] = b2f(dupIntersects(ma.providers, mc.providers))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// pairFeatures computes every feature of the pair a, c with the writer's own dense arrays.
func (r *dupRun) pairFeatures(dense *[nReps][]float32, a, c int32) features {
	var x features
	r.spread(dense, a)
	r.textFeatures(dense, a, c, &x)
	r.unspread(dense, a)
	r.structFeatures(a, c, &x)
	return x
}

// newDense allocates the dense arrays for the region's representations.
func (r *dupRun) newDense() [nReps][]float32 {
	var d [nReps][]float32
	for k := range nReps {
		d[k] = make([]float32, r.repSize[k])
	}
	return d
}

// logit is b + Σ wᵢ·xᵢ, summed in feature order.
func (m *Logistic) logit(x *features) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return z
}

// logitOf is the inverse of the sigmoid.
func logitOf(p float64) float64 { return math.Log(p / (1 - p)) }

// candidateBound is the bound of Find's candidate generation for a model and the lowest
// probability that matters (see dupRun.scoreBlock).
type candidateBound struct {
	// prune is false when no pair can be ruled out (every blocked pair is scored).
	prune bool
	// limit is the cosine one text representation must reach; indexed says which
	// representations can help (those whose feature has a positive weight).
	limit   float64
	indexed [nReps]bool
}

// bound returns the bound for model m and the lowest probability that matters:
// b + Σᵢ wᵢ·xᵢ ≥ logit(pFloor) requires, with the structural features at their best (1 where
// wᵢ > 0, else 0), Σ_text wᵢ·xᵢ ≥ R; and since each xᵢ ≤ 1, that some text feature with
// wᵢ > 0 reaches R / Σ_text max(0, wᵢ) — or, with the features of a set U left out of the
// index (bounded by 1), that some other reaches (R − Σ_U wᵢ) / (Σ_text max(0, wᵢ) − Σ_U wᵢ).
func (m *Logistic) bound(pFloor float64) candidateBound {
	rest := logitOf(pFloor) - m.Bias
	var pos float64
	for i, w := range m.Weights {
		if i >= nTextFeatures {
			rest -= max(0, w)
		} else {
			pos += max(0, w)
		}
	}
	switch {
	case rest <= 0:
		return candidateBound{}
	case pos == 0 || rest > pos:
		return candidateBound{prune: true, limit: 2} // no text can reach it
	}
	// The representations of the smallest weights are left out of the index while their
	// weights add up to less than half of rest: a pair then needs one of the others to reach
	// (rest − their weights) / (the others' weights), and the index is spared the lists of
	// short, common entries (title stems, trigrams) that bound little.
	b := candidateBound{prune: true}
	order := []int{}
	for k := range nReps {
		if m.Weights[repFeature[k]] > 0 {
			order = append(order, k)
			b.indexed[k] = true
		}
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(m.Weights[repFeature[x]], m.Weights[repFeature[y]]) })
	left := 0.0
	for _, k := range order[:max(0, len(order)-1)] {
		w := m.Weights[repFeature[k]]
		if left+w >= rest/2 {
			break
		}
		left += w
		b.indexed[k] = false
	}
	b.limit = (rest - left) / (pos - left)
	return b
}
