package duplicates

import (
	"cmp"
	"math/bits"
	"strings"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
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
		return dupStructure(r.ms[a], r.ms[c], DefaultStructureWeights)
	}
	w := DefaultStructureWeights
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

// Notes of the parts: the keys of their words in the message catalogue
// (msg/catalogue/duplicates.json), "duplicates.part." and the name.
const (
	noteNoProgramme = iota
	noteOneProgramme
	noteSameProgramme
	noteOtherProgramme
	noteLanguagesUnknown
	noteSameFormat
	noteHybridFormat
	noteOtherFormat
	noteFormatUnknown
	noteGroupsUnknown
	noteSameProvider
	noteProviderUnknown
	noteOtherProviders
	noteOverlap
	noteNoOverlap
	nNotes
)

// noteKeys are the catalogue keys of the notes, in their order.
var noteKeys = [nNotes]string{"no_programme", "one_programme", "same_programme", "other_programme",
	"languages_unknown", "same_format", "hybrid_format", "other_format", "format_unknown",
	"groups_unknown", "same_provider", "provider_unknown", "other_providers", "overlap", "no_overlap"}

// partNotes are the notes in German and English, taken from the catalogue once.
var partNotes = sync.OnceValue(func() (out [nNotes]Why) {
	for i, k := range noteKeys {
		out[i] = Why{DE: msg.For(msg.DE).T("duplicates.part."+k, nil), EN: msg.For(msg.EN).T("duplicates.part."+k, nil)}
	}
	return out
})

// ofShared renders "n of m <what> shared" (what: 0 languages, 1 target groups) in both
// languages, remembering the small cases.
func (w *dupWriter) ofShared(n, m, what int) Why {
	if n < 8 && m < 8 {
		if s := w.notes[what][n][m]; s.DE != "" {
			return s
		}
	}
	key := [2]string{"duplicates.part.shared_languages", "duplicates.part.shared_groups"}[what]
	args := msg.Args{"n": n, "m": m}
	s := Why{DE: msg.For(msg.DE).T(key, args), EN: msg.For(msg.EN).T(key, args)}
	if n < 8 && m < 8 {
		w.notes[what][n][m] = s
	}
	return s
}

// parts explains dupStructure(a, c) part by part.
func (w *dupWriter) parts(a, c *dupMeasure, ra, rc *dupRender) []Part {
	wt := DefaultStructureWeights
	parts := w.partBuf.take(6)
	notes := partNotes()

	pr := Part{Name: PartProgramme, A: a.m.Programme, B: c.m.Programme}
	switch {
	case a.programme == "" && c.programme == "":
		pr.Note = notes[noteNoProgramme]
	case a.programme == "" || c.programme == "":
		pr.Note = notes[noteOneProgramme]
	case a.programme == c.programme:
		pr.Value, pr.Weight, pr.Note = 1, wt.Programme, notes[noteSameProgramme]
	default:
		pr.Weight, pr.Note = wt.Programme, notes[noteOtherProgramme]
	}
	parts[0] = pr

	la := Part{Name: PartLanguages, A: ra.langs, B: rc.langs, Note: notes[noteLanguagesUnknown]}
	if len(a.langs) > 0 && len(c.langs) > 0 {
		n := dupCountShared(a.langs, c.langs, strings.Compare)
		la.Value, la.Weight = dupJaccardStrings(a.langs, c.langs), wt.Languages
		la.Note = w.ofShared(n, len(a.langs)+len(c.langs)-n, 0)
	}
	parts[1] = la

	fo := Part{Name: PartFormat, A: a.m.Format, B: c.m.Format, Note: notes[noteFormatUnknown]}
	if a.m.Format != "" && c.m.Format != "" {
		fo.Value, fo.Weight = dupFormatAgreement(a.m.Format, c.m.Format), wt.Format
		switch fo.Value {
		case 1:
			fo.Note = notes[noteSameFormat]
		case 0.5:
			fo.Note = notes[noteHybridFormat]
		default:
			fo.Note = notes[noteOtherFormat]
		}
	}
	parts[2] = fo

	tg := Part{Name: PartTargetGroups, A: ra.groups, B: rc.groups, Note: notes[noteGroupsUnknown]}
	if len(a.targets) > 0 && len(c.targets) > 0 {
		n := dupCountShared(a.targets, c.targets, cmp.Compare[int32])
		tg.Value, tg.Weight = dupJaccardInts(a.targets, c.targets), wt.TargetGroups
		tg.Note = w.ofShared(n, len(a.targets)+len(c.targets)-n, 1)
	}
	parts[3] = tg

	pv := Part{Name: PartProvider, A: ra.providers, B: rc.providers}
	switch {
	case dupCountShared(a.providers, c.providers, cmp.Compare[int32]) > 0:
		pv.Value, pv.Note = 1, notes[noteSameProvider]
	case len(a.providers) == 0 || len(c.providers) == 0:
		pv.Note = notes[noteProviderUnknown]
	default:
		pv.Note = notes[noteOtherProviders]
	}
	parts[4] = pv

	ti := Part{Name: PartTime, A: ra.run, B: rc.run, Note: notes[noteNoOverlap]}
	if a.start <= c.end && c.start <= a.end {
		ti.Value, ti.Note = 1, notes[noteOverlap]
	}
	parts[5] = ti
	return parts
}
