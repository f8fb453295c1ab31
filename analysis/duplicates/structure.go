package duplicates

import (
	"cmp"
	"math/bits"
	"strings"
)

// compactStructure fills the small-number form of the structural facts.
func (r *dupRun) compactStructure() {
	n := len(r.ms)
	r.programme, r.format, r.lmask = make([]int32, n), make([]int8, n), make([]uint64, n)
	programmes, formats, langs := map[string]int32{}, map[string]int8{"hybrid": 0}, map[string]uint{}
	r.hybrid = 0
	r.fast = r.ix.masks
	for k, dm := range r.ms {
		r.programme[k], r.format[k] = -1, -1
		if dm.programme != "" {
			id, ok := programmes[dm.programme]
			if !ok {
				id = int32(len(programmes))
				programmes[dm.programme] = id
			}
			r.programme[k] = id
		}
		if f := dm.m.Format; f != "" {
			id, ok := formats[f]
			if !ok {
				if len(formats) == 127 {
					r.fast = false
					continue
				}
				id = int8(len(formats))
				formats[f] = id
			}
			r.format[k] = id
		}
		for _, l := range dm.langs {
			bit, ok := langs[l]
			if !ok {
				bit = uint(len(langs))
				langs[l] = bit
			}
			if bit >= 64 {
				r.fast = false
				continue
			}
			r.lmask[k] |= 1 << bit
		}
	}
}

// structure is dupStructure on the compact form: the same sums in the same order, so the
// same result to the last bit.
func (r *dupRun) structure(a, c int32) float64 {
	if !r.fast {
		return dupStructure(r.ms[a], r.ms[c], r.p.w)
	}
	w := r.p.w
	var sum, weight float64
	if pa, pc := r.programme[a], r.programme[c]; pa >= 0 && pc >= 0 {
		if pa == pc {
			sum += w.Programme
		}
		weight += w.Programme
	}
	if la, lc := r.lmask[a], r.lmask[c]; la != 0 && lc != 0 {
		sum += w.Languages * (float64(bits.OnesCount64(la&lc)) / float64(bits.OnesCount64(la|lc)))
		weight += w.Languages
	}
	if fa, fc := r.format[a], r.format[c]; fa >= 0 && fc >= 0 {
		var f float64
		switch {
		case fa == fc:
			f = 1
		case fa == r.hybrid || fc == r.hybrid:
			f = 0.5
		}
		sum += w.Format * f
		weight += w.Format
	}
	if ta, tc := r.tmask[a], r.tmask[c]; ta != 0 && tc != 0 {
		sum += w.TargetGroups * (float64(bits.OnesCount64(ta&tc)) / float64(bits.OnesCount64(ta|tc)))
		weight += w.TargetGroups
	}
	if weight == 0 {
		return 0
	}
	return sum / weight
}

// dupStructure computes the structural agreement of two measures (see Find). It
// must agree with dupParts, which explains it part by part.
func dupStructure(a, c *dupMeasure, w StructureWeights) float64 {
	var sum, weight float64
	if a.programme != "" && c.programme != "" {
		if a.programme == c.programme {
			sum += w.Programme
		}
		weight += w.Programme
	}
	if len(a.langs) > 0 && len(c.langs) > 0 {
		sum += w.Languages * dupJaccardStrings(a.langs, c.langs)
		weight += w.Languages
	}
	if a.m.Format != "" && c.m.Format != "" {
		sum += w.Format * dupFormatAgreement(a.m.Format, c.m.Format)
		weight += w.Format
	}
	if len(a.targets) > 0 && len(c.targets) > 0 {
		sum += w.TargetGroups * dupJaccardInts(a.targets, c.targets)
		weight += w.TargetGroups
	}
	if weight == 0 {
		return 0
	}
	return sum / weight
}

func dupFormatAgreement(a, b string) float64 {
	switch {
	case a == b:
		return 1
	case a == "hybrid" || b == "hybrid":
		return 0.5
	}
	return 0
}

// dupJaccardStrings is |a ∩ b| / |a ∪ b| of two sorted lists without repeats.
func dupJaccardStrings(a, b []string) float64 {
	n := dupCountShared(a, b, strings.Compare)
	return float64(n) / float64(len(a)+len(b)-n)
}

// dupJaccardInts is dupJaccardStrings for sorted ids.
func dupJaccardInts(a, b []int32) float64 {
	n := dupCountShared(a, b, cmp.Compare[int32])
	return float64(n) / float64(len(a)+len(b)-n)
}

// dupCountShared counts the elements two sorted lists without repeats share.
func dupCountShared[T any](a, b []T, compare func(x, y T) int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch c := compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
