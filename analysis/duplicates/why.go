package duplicates

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// The words of Pair.Why come from the message catalogue (msg/catalogue/duplicates.json), in
// German and English. A pair's why is written for every described pair, so the messages are
// taken from the catalogue once and split at their placeholders ({name}, the only form they
// use; TestWhyMessages checks that the result is msg's).

// whyTemplate is a message split at its placeholders: lit[0] {names[0]} lit[1] … lit[n].
type whyTemplate struct {
	lit   []string
	names []string
}

func compileWhy(m string) whyTemplate {
	var t whyTemplate
	for {
		i := strings.IndexByte(m, '{')
		j := strings.IndexByte(m[max(0, i):], '}')
		if i < 0 || j < 0 {
			t.lit = append(t.lit, m)
			return t
		}
		t.lit = append(t.lit, m[:i])
		t.names = append(t.names, m[i+1:i+j])
		m = m[i+j+1:]
	}
}

// write writes the message with fill writing each placeholder's value.
func (t *whyTemplate) write(b *strings.Builder, fill func(name string)) {
	for i, name := range t.names {
		b.WriteString(t.lit[i])
		fill(name)
	}
	b.WriteString(t.lit[len(t.lit)-1])
}

// whyWords are the compiled messages of one language.
type whyWords struct {
	features                          [nFeatures]string
	reasons, against, shared, synonym whyTemplate
	reported, below, uncertain        whyTemplate
	verdict                           map[string]whyTemplate
	coordinating, overdue             whyTemplate // {due}
	merge, coordinate, where          whyTemplate // what to do (Explanation)
	decimal                           byte
}

// whyKeys are the catalogue keys Pair.Why uses.
var whyKeys = []string{"duplicates.why.for", "duplicates.why.against", "duplicates.why.shared", "duplicates.why.synonyms",
	"duplicates.why.reported", "duplicates.why.below", "duplicates.why.uncertain",
	"duplicates.why.verdict.duplicate", "duplicates.why.verdict.intended", "duplicates.why.verdict.not_duplicate",
	"duplicates.advice.merge", "duplicates.advice.coordinate", "duplicates.advice.where",
	"duplicates.why.verdict.coordinating", "duplicates.why.verdict.overdue"}

var whyLangs = sync.OnceValue(func() *[2]whyWords {
	out := new([2]whyWords)
	for l, lang := range []msg.Lang{msg.DE, msg.EN} {
		get := func(key string) whyTemplate {
			m, ok := msg.Message(key, lang)
			if !ok {
				panic("duplicates: no message " + key)
			}
			return compileWhy(m)
		}
		w := &out[l]
		for i, name := range FeatureNames {
			w.features[i] = get("duplicates.feature." + name).lit[0]
		}
		w.reasons, w.against, w.shared, w.synonym = get(whyKeys[0]), get(whyKeys[1]), get(whyKeys[2]), get(whyKeys[3])
		w.reported, w.below, w.uncertain = get(whyKeys[4]), get(whyKeys[5]), get(whyKeys[6])
		w.verdict = map[string]whyTemplate{VerdictDuplicate: get(whyKeys[7]), VerdictIntended: get(whyKeys[8]), VerdictNotDuplicate: get(whyKeys[9])}
		w.merge, w.coordinate, w.where = get(whyKeys[10]), get(whyKeys[11]), get(whyKeys[12])
		w.coordinating, w.overdue = get(whyKeys[13]), get(whyKeys[14])
		w.decimal = '.'
		if lang == msg.DE {
			w.decimal = ','
		}
	}
	return out
})

// writeDay writes an ISO day as 31.12.2026 in German and as written (2026-12-31) in English.
func writeDay(b *strings.Builder, d graph.Date, german bool) {
	if t, ok := d.Time(); ok && german {
		b.WriteString(t.Format("02.01.2006"))
		return
	}
	b.WriteString(string(d))
}

// How much a feature must contribute to be named in a why, and how many are named.
const (
	whyMinContribution = 0.1
	whyReasons         = 4
	whyAgainst         = 2
	whySharedWords     = 4
	whyLinks           = 3
	// whySynonymsAbove: synonym links are named when the synonyms' cosine exceeds the
	// compound parts' by this much (then words that differ, not only the same words, meet).
	whySynonymsAbove = 0.05
)

// writeWhy writes the pair's why in German to w.why and in English to w.explains.
func (w *dupWriter) writeWhy(pair *Pair, sc dupScored) {
	langs := whyLangs()
	words := w.sharedWords(pair, sc.a)
	links := w.synonymLinks(pair, sc)
	reasons := w.whyFeatures(pair, false, w.order[:0])
	against := w.whyFeatures(pair, true, reasons[len(reasons):])
	w.order = reasons
	for l := range langs {
		ww, b := &langs[l], &w.why
		if l == 1 {
			b = &w.explains
		}
		start := b.Len()
		sep := func() {
			if b.Len() > start {
				b.WriteByte(' ')
			}
		}
		for side, t := range [2]*whyTemplate{&ww.reasons, &ww.against} {
			list := reasons
			if side == 1 {
				list = against
			}
			if len(list) == 0 {
				continue
			}
			sep()
			t.write(b, func(string) {
				for i, f := range list {
					if i > 0 {
						b.WriteString(", ")
					}
					ft := &pair.Features[f]
					b.WriteString(ww.features[f])
					b.WriteByte(' ')
					w.number(b, ft.Value, ww.decimal, false)
					b.WriteString(" (")
					w.number(b, ft.Contribution, ww.decimal, true)
					b.WriteByte(')')
				}
			})
		}
		for side, t := range [2]*whyTemplate{&ww.shared, &ww.synonym} {
			list := words
			if side == 1 {
				list = links
			}
			if len(list) > 0 {
				sep()
				t.write(b, func(string) {
					for i, s := range list {
						if i > 0 {
							b.WriteString(", ")
						}
						b.WriteString(s)
					}
				})
			}
		}
		sep()
		if pair.Verdict == VerdictCoordinating {
			t := &ww.coordinating
			if pair.Overdue {
				t = &ww.overdue
			}
			t.write(b, func(string) { writeDay(b, pair.Due, ww.decimal == ',') })
			continue
		}
		if t, ok := ww.verdict[pair.Verdict]; ok {
			t.write(b, nil)
			continue
		}
		t := &ww.reported
		if pair.Score < w.r.p.threshold {
			t = &ww.below
		}
		t.write(b, func(name string) {
			x := pair.Score
			if name == "threshold" {
				x = w.r.p.threshold
			}
			w.number(b, x, ww.decimal, false)
		})
		if pair.Uncertainty >= 0.5 {
			sep()
			ww.uncertain.write(b, nil)
		}
	}
}

// whyFeatures appends to list the features that speak for the pair (against: that speak
// against it), the strongest first, and returns it.
func (w *dupWriter) whyFeatures(pair *Pair, against bool, list []int) []int {
	for i, f := range pair.Features {
		if c := f.Contribution; !against && c >= whyMinContribution || against && c <= -whyMinContribution {
			list = append(list, i)
		}
	}
	// Insertion sort, stable: a few features.
	for i := 1; i < len(list); i++ {
		for j := i; j > 0; j-- {
			cx, cy := pair.Features[list[j]].Contribution, pair.Features[list[j-1]].Contribution
			if against {
				cx, cy = -cx, -cy
			}
			if cx <= cy {
				break
			}
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	return list[:min(len(list), [2]int{whyReasons, whyAgainst}[b2i(against)])]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// number writes x with two decimals and the language's decimal mark, with a sign (and a real
// minus) when signed.
func (w *dupWriter) number(b *strings.Builder, x float64, decimal byte, signed bool) {
	if signed {
		if x < 0 {
			b.WriteString("−")
		} else {
			b.WriteByte('+')
		}
		x = math.Abs(x)
	}
	s := dupAppend2(w.num[:0], x)
	for i, c := range s {
		if c == '.' {
			s[i] = decimal
		}
	}
	b.Write(s)
}

// sharedWords returns the words of measure k behind the pair's first shared terms, as they
// are written (the first occurrence of each).
func (w *dupWriter) sharedWords(pair *Pair, k int32) []string {
	if len(pair.SharedTerms) == 0 {
		return nil
	}
	n := min(whySharedWords, len(w.shares))
	out := w.strs.take(n)[:0]
	for _, s := range w.shares[:n] {
		if word := w.surface(k, func(id int32) bool { return id == s.id }); word != "" {
			out = append(out, word)
		}
	}
	return out
}

// surface returns the first word of measure k whose term is, by match, the one wanted, as it
// is written, or "".
func (w *dupWriter) surface(k int32, match func(id int32) bool) string {
	m := w.r.model
	split := int(m.titleTokens[k])
	for i, t := range m.tokens[k] {
		if t.end == 0 || !match(t.id) {
			continue
		}
		src := w.r.ms[k].m.Title
		if i >= split {
			src = w.r.ms[k].m.Description
		}
		return src[t.start:t.end]
	}
	return ""
}

// synonymLinks returns, when the synonyms say more than the shared word parts, up to whyLinks
// pairs of different words of the two measures that share a synonym set ("Hilfe ~
// Unterstützung"), the sets that add most to the cosine first.
func (w *dupWriter) synonymLinks(pair *Pair, sc dupScored) []string {
	if pair.Features[fSynonyms].Value < pair.Features[fCompound].Value+whySynonymsAbove {
		return nil
	}
	r := w.r
	syn := r.syn
	if w.setA == nil {
		w.setA, w.setB = make([]int32, len(syn.df)), make([]int32, len(syn.df))
		w.partSeen = make([]int32, len(r.model.parts.df))
	}
	// The sets both synonym vectors hold, by their product, the largest first.
	va, vb := syn.vecs[sc.a], syn.vecs[sc.b]
	shared := w.sharedSets[:0]
	for i, j := 0, 0; i < len(va.ids) && j < len(vb.ids); {
		switch x, y := va.ids[i], vb.ids[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			shared = append(shared, dupTermShare{x, float64(va.ws[i]) * float64(vb.ws[j])})
			i++
			j++
		}
	}
	w.sharedSets = shared
	if len(shared) == 0 {
		return nil
	}
	for i := 1; i < len(shared); i++ {
		for j := i; j > 0 && shared[j].c > shared[j-1].c; j-- {
			shared[j], shared[j-1] = shared[j-1], shared[j]
		}
	}
	// For each set, a part of a that b lacks and one of b that a lacks (1 + part; 0: none).
	w.seq++
	pa, pb := r.model.parts.vecs[sc.a], r.model.parts.vecs[sc.b]
	for _, p := range pb.ids {
		w.partSeen[p] = w.seq
	}
	for _, p := range pa.ids {
		if w.partSeen[p] == w.seq {
			w.partSeen[p] = -w.seq // in both
		}
	}
	for _, s := range shared {
		w.setA[s.id], w.setB[s.id] = 0, 0
	}
	mark := func(parts []int32, set []int32, own func(p int32) bool) {
		for _, p := range parts {
			if !own(p) {
				continue
			}
			for _, s := range syn.partSets[p] {
				if set[s] == 0 {
					set[s] = p + 1
				}
			}
		}
	}
	mark(pa.ids, w.setA, func(p int32) bool { return w.partSeen[p] != -w.seq })
	mark(pb.ids, w.setB, func(p int32) bool { return w.partSeen[p] == w.seq })
	var out []string
	var used [whyLinks]int32
	for _, s := range shared {
		x, y := w.setA[s.id]-1, w.setB[s.id]-1
		if x < 0 || y < 0 || slices.Contains(used[:len(out)], x) {
			continue
		}
		used[len(out)] = x
		out = append(out, w.partWord(sc.a, x)+" ~ "+w.partWord(sc.b, y))
		if len(out) == whyLinks {
			break
		}
	}
	return out
}

// partWord returns the word of measure k whose stem is the compound part p, as written, or
// the part's stem when it is part of a longer word.
func (w *dupWriter) partWord(k, p int32) string {
	name := w.r.model.parts.names[p]
	terms := w.r.model.terms
	if word := w.surface(k, func(id int32) bool { return terms[id] == name }); word != "" {
		return word
	}
	return name
}

// explain appends what to do (from the catalogue) after each why, separated by a space: to
// w.explains in English, to w.why in German. Merge a data duplicate, coordinate a parallel
// offer.
func (w *dupWriter) explain(pair *Pair, ra *dupRender) {
	r := w.r
	langs := whyLangs()
	for l, b := range [2]*strings.Builder{&w.why, &w.explains} {
		words := &langs[l]
		fill := func(name string) {
			switch name {
			case "provider":
				b.WriteString(ra.providers)
			case "where":
				if len(pair.Municipalities) > 0 {
					words.where.write(b, func(string) {
						b.WriteString(r.ix.towns.names[r.ix.towns.index[pair.Municipalities[0]]])
					})
				}
			}
		}
		b.WriteByte(' ')
		if pair.Kind == KindData {
			words.merge.write(b, fill)
		} else {
			words.coordinate.write(b, fill)
		}
	}
}

// dupAppend2 appends x with two decimals, like strconv.AppendFloat(b, x, 'f', 2, 64) for
// the numbers of an explanation (0 ≤ x < 10⁶, rounded half away from zero).
func dupAppend2(b []byte, x float64) []byte {
	if !(x >= 0 && x < 1e6) {
		return strconv.AppendFloat(b, x, 'f', 2, 64)
	}
	c := int64(math.Round(x * 100))
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, '.', byte('0'+c/10%10), byte('0'+c%10))
}
