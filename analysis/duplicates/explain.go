package duplicates

import (
	"cmp"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// dupArena hands out sub-slices of large blocks, so that the many small slices of the
// reported pairs cost few allocations. Handed-out slices are never appended to.
type dupArena[T any] struct{ buf []T }

func (a *dupArena[T]) take(n int) []T {
	// A nil arena would hand out nil for n = 0, which JSON writes as null, not [].
	if a.buf == nil || cap(a.buf)-len(a.buf) < n {
		a.buf = make([]T, 0, max(1024, n))
	}
	l := len(a.buf)
	a.buf = a.buf[:l+n]
	return a.buf[l : l+n : l+n]
}

// dupRender holds the renderings of one measure that every pair with it shows.
type dupRender struct {
	langs, groups, providers, run string
	towns, fields, groupIDs       []string
}

// dupWriter describes pairs; each describing goroutine has its own.
type dupWriter struct {
	r        *dupRun
	render   []*dupRender
	partBuf  dupArena[Part]
	strs     dupArena[string]
	matches  dupArena[graph.FieldMatch]
	spans    dupArena[[2]int]
	feats    dupArena[Feature]
	dense    []float32 // the first vector of the current pair, spread out
	stamp    []int32   // stamp[term] == seq: the term is shared by the current pair
	seq      int32
	shares   []dupTermShare
	explains strings.Builder // Explanation, which begins with Why.EN
	why      strings.Builder // Why.DE
	notes    [2][8][8]Why    // see ofShared
	found    [][2]int        // scratch of highlights
	order    []int           // scratch of why
	// Scratch of synonymLinks: per synonym set 1 + a part of one side, per part a stamp.
	setA, setB, partSeen []int32
	sharedSets           []dupTermShare
	num                  [32]byte
}

// dupTermShare is a shared term with its contribution to the cosine.
type dupTermShare struct {
	id int32
	c  float64
}

// describeAll turns scored pairs into DuplicatePairs, in order, using up to workers
// goroutines. reviews holds the index of each pair's verdict in verdictList (-1 for none).
func (r *dupRun) describeAll(scored []dupScored, reviews []int32, workers int) []Pair {
	out := make([]Pair, len(scored))
	if len(scored) == 0 {
		return out
	}
	// Renderings of every measure involved, made once.
	render := make([]*dupRender, len(r.ms))
	renders := make([]dupRender, 0, min(len(r.ms), 2*len(scored)))
	var need []int32
	for _, sc := range scored {
		for _, k := range [2]int32{sc.a, sc.b} {
			if render[k] == nil {
				renders = append(renders, dupRender{})
				render[k] = &renders[len(renders)-1]
				need = append(need, k)
			}
		}
	}
	chunks := max(1, min(workers, len(need)/512))
	tfidfParallel(chunks, workers, func(c int) {
		rc := dupRenderCache{one: map[*dupTable][][]string{}, groups: map[uint64]*dupRender{}, langs: map[uint64]string{}}
		for _, k := range need[c*len(need)/chunks : (c+1)*len(need)/chunks] {
			r.renderMeasure(k, render[k], &rc)
		}
	})
	chunks = max(1, min(workers, len(scored)/256))
	tfidfParallel(chunks, workers, func(c int) {
		lo, hi := c*len(scored)/chunks, (c+1)*len(scored)/chunks
		w := &dupWriter{r: r, render: render, stamp: make([]int32, len(r.model.terms)), dense: make([]float32, len(r.model.terms))}
		w.explains.Grow(380 * (hi - lo))
		w.why.Grow(400 * (hi - lo))
		// Per pair: where its explanation begins, its English why ends, its German why begins
		// and ends; after each why, separated by a space, its advice.
		bounds := make([][4]int, 0, hi-lo+1)
		for i := lo; i < hi; i++ {
			at := len(bounds)
			bounds = append(bounds, [4]int{w.explains.Len(), 0, w.why.Len(), 0})
			bounds[at][1], bounds[at][3] = w.describe(&out[i], scored[i], reviews[i])
		}
		bounds = append(bounds, [4]int{w.explains.Len(), 0, w.why.Len(), 0})
		// One string per chunk for each language; the English why is the explanation's start.
		all, de := w.explains.String(), w.why.String()
		for i := lo; i < hi; i++ {
			b, e := bounds[i-lo], bounds[i-lo+1]
			out[i].Explanation = all[b[0]:e[0]]
			out[i].Why = Why{DE: de[b[2]:b[3]], EN: all[b[0]:b[1]]}
			out[i].Advice = Why{DE: de[b[3]+1 : e[2]], EN: all[b[1]+1 : e[0]]}
		}
	})
	return out
}

// dupRenderCache shares renderings between measures: the id lists of single
// municipalities and fields, and the renderings of target group and language sets.
type dupRenderCache struct {
	one    map[*dupTable][][]string
	groups map[uint64]*dupRender // by target group bit set: groups, groupIDs
	langs  map[uint64]string     // by language bit set
}

// single returns the id list of entry id of t, shared by all who ask.
func (c *dupRenderCache) single(t *dupTable, id int32) []string {
	ones := c.one[t]
	if ones == nil {
		ones = make([][]string, len(t.ids))
		c.one[t] = ones
	}
	if ones[id] == nil {
		ones[id] = []string{t.ids[id]}
	}
	return ones[id]
}

// renderMeasure fills the renderings of measure k.
func (r *dupRun) renderMeasure(k int32, d *dupRender, cache *dupRenderCache) {
	dm, ix := r.ms[k], r.ix
	names := func(t *dupTable, ids []int32) string {
		if len(ids) == 1 {
			return t.names[ids[0]]
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = t.names[id]
		}
		return strings.Join(s, ", ")
	}
	idList := func(t *dupTable, ids []int32) []string {
		if len(ids) == 1 {
			return cache.single(t, ids[0])
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = t.ids[id]
		}
		return s
	}
	if g, ok := cache.groups[dm.tmask]; ok && r.ix.masks {
		d.groups, d.groupIDs = g.groups, g.groupIDs
	} else {
		d.groups, d.groupIDs = names(&ix.groups, dm.targets), idList(&ix.groups, dm.targets)
		if r.ix.masks {
			cache.groups[dm.tmask] = &dupRender{groups: d.groups, groupIDs: d.groupIDs}
		}
	}
	if l, ok := cache.langs[r.lmask[k]]; ok && r.fast {
		d.langs = l
	} else {
		d.langs = strings.Join(dm.langs, ", ")
		if r.fast {
			cache.langs[r.lmask[k]] = d.langs
		}
	}
	d.providers = names(&ix.orgs, dm.providers)
	d.towns, d.fields = idList(&ix.towns, dm.towns), idList(&ix.fields, dm.fields)
	// ISO dates, an open start or end as "…" (no words: the run is data, shown in any
	// language).
	s, e := string(dm.m.Starts), string(dm.m.Ends)
	if s == "" {
		s = "…"
	}
	if e == "" {
		e = "…"
	}
	d.run = s + " – " + e
}

// describe fills pair from the scored pair sc (a's id < b's id), and writes its why and
// explanation; it returns where the English why ends in w.explains and the German one in w.why.
func (w *dupWriter) describe(pair *Pair, sc dupScored, v int32) (en, de int) {
	var review graph.RelProps
	if v >= 0 {
		review = w.r.ix.verdictList[v]
	}
	r := w.r
	a, c := r.ms[sc.a], r.ms[sc.b]
	ra, rc := w.render[sc.a], w.render[sc.b]
	// The cosine, summed in ascending term order as in scoreBlock (so to the last bit the
	// same), and the shared terms with their contributions.
	va, vc := r.model.vecs[sc.a], r.model.vecs[sc.b]
	for i, id := range va.ids {
		w.dense[id] = va.ws[i]
	}
	var t float64
	w.seq++
	w.shares = w.shares[:0]
	for i, id := range vc.ids {
		if x := w.dense[id]; x != 0 { // weights are never 0
			c := float64(x) * float64(vc.ws[i])
			t += c
			w.shares = append(w.shares, dupTermShare{id, c})
			w.stamp[id] = w.seq
		}
	}
	for _, id := range va.ids {
		w.dense[id] = 0
	}
	*pair = Pair{A: a.m.ID, B: c.m.ID, TitleA: a.m.Title, TitleB: c.m.Title,
		Score: sc.score, Uncertainty: Uncertainty(sc.score), Text: t, Structure: r.structure(sc.a, sc.b),
		Verdict: review.Verdict, VerdictBy: review.By, VerdictAt: review.At, VerdictNote: review.Note,
		Due: review.Due, Overdue: r.overdue(review)}
	x := r.feats[sc.w].at(sc.f)
	pair.Features = w.feats.take(nFeatures)
	for i, wt := range r.lr.Weights {
		pair.Features[i] = Feature{Name: FeatureNames[i], Value: x[i], Weight: wt, Contribution: wt * x[i]}
	}

	// Shared terms by contribution, and the words to highlight.
	// The largest contribution first, ties by term; the lists are short.
	sh, terms := w.shares, r.model.terms
	for i := 1; i < len(sh); i++ {
		x := sh[i]
		j := i
		for ; j > 0 && (sh[j-1].c < x.c || sh[j-1].c == x.c && terms[sh[j-1].id] > terms[x.id]); j-- {
			sh[j] = sh[j-1]
		}
		sh[j] = x
	}
	pair.SharedTerms = w.strs.take(len(w.shares))
	for i, s := range w.shares {
		pair.SharedTerms[i] = r.model.terms[s.id]
	}
	pair.HighlightsA = w.highlights(sc.a)
	pair.HighlightsB = w.highlights(sc.b)

	pair.Municipalities = w.sharedIDs(ra.towns, rc.towns)
	pair.Fields = w.sharedIDs(ra.fields, rc.fields)
	pair.TargetGroups = w.sharedIDs(ra.groupIDs, rc.groupIDs)
	pair.Parts = w.parts(a, c, ra, rc)
	shared := dupCountShared(a.providers, c.providers, cmp.Compare[int32]) > 0
	pair.Kind, pair.Suggestion = KindParallel, SuggestCoordinate
	if shared {
		pair.Kind, pair.Suggestion = KindData, SuggestMerge
	}
	w.writeWhy(pair, sc)
	en, de = w.explains.Len(), w.why.Len()
	w.explain(pair, ra)
	return en, de
}

// sharedIDs returns the ids two sorted lists share (a itself when they are equal).
func (w *dupWriter) sharedIDs(a, b []string) []string {
	if slices.Equal(a, b) {
		return a
	}
	out := w.strs.take(dupCountShared(a, b, strings.Compare))[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// highlights returns, per field, the byte ranges of the tokens of measure k whose terms the
// current pair shares.
func (w *dupWriter) highlights(k int32) []graph.FieldMatch {
	toks := w.r.model.tokens[k]
	split := int(w.r.model.titleTokens[k])
	// One pass into scratch space, then the exact room from the arena.
	found := w.found[:0]
	title := 0
	for i, t := range toks {
		if w.stamp[t.id] == w.seq && t.end > 0 {
			found = append(found, [2]int{int(t.start), int(t.end)})
			if i < split {
				title++
			}
		}
	}
	w.found = found
	n := [2]int{title, len(found) - title}
	out := w.matches.take(min(n[0], 1) + min(n[1], 1))[:0]
	for f, name := range [2]string{"title", "description"} {
		if n[f] == 0 {
			continue
		}
		spans := w.spans.take(n[f])
		copy(spans, found[:n[f]])
		found = found[n[f]:]
		out = append(out, graph.FieldMatch{Field: name, Spans: spans})
	}
	return out
}
