package duplicates

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

// The hand-worked corpus uses words of at most three letters, which the stemmer leaves
// alone, so that the terms are the lower-cased words. With N = 3 and title weight 2:
//
//	d0  title "Tee", body "Bus Bus Zug"   tf: tee 2, bus 2, zug 1
//	d1  body "Tee Zug"                    tf: tee 1, zug 1
//	d2  title "Rad", body "Rad"           tf: rad 3
//
//	df: tee 2, zug 2, bus 1, rad 1
//	idf(tee) = idf(zug) = ln(4/3) + 1 = 1.287682…,  idf(bus) = idf(rad) = ln(4/2) + 1 = 1.693147…
//	d0: tee (1 + ln 2)·1.287682 = 2.180235, bus (1 + ln 2)·1.693147 = 2.866747, zug 1.287682
//	    ‖d0‖ = 3.824887 → tee 0.570012, bus 0.749498, zug 0.336658
//	d1: tee = zug = 1.287682 → 0.707107 each
//	cos(d0, d1) = (0.570012 + 0.336658) · 0.707107 = 0.641113
//	cos(d0, d2) = cos(d1, d2) = 0 (no shared term)
func tfidfHandCorpus() []tfidfDoc {
	return []tfidfDoc{
		{Title: "Tee", Body: "Bus Bus Zug"},
		{Body: "Tee Zug"},
		{Title: "Rad", Body: "Rad"},
	}
}

func tfidfNear(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func tfidfWeight(m *tfidfModel, doc int, term string) float64 {
	v := m.vecs[doc]
	for i, id := range v.ids {
		if m.terms[id] == term {
			return float64(v.ws[i])
		}
	}
	return 0
}

func TestTFIDFByHand(t *testing.T) {
	m := buildTFIDF(tfidfHandCorpus(), 2, 1, false)
	if len(m.terms) != 4 {
		t.Fatalf("terms %v, want tee bus zug rad", m.terms)
	}
	for _, c := range []struct {
		doc  int
		term string
		want float64
	}{
		{0, "tee", 0.570012}, {0, "bus", 0.749498}, {0, "zug", 0.336658},
		{1, "tee", 0.707107}, {1, "zug", 0.707107}, {2, "rad", 1},
	} {
		if got := tfidfWeight(m, c.doc, c.term); math.Abs(got-c.want) > 5e-6 {
			t.Errorf("w(%s, d%d) = %.6f, want %.6f", c.term, c.doc, got, c.want)
		}
	}
	if got := m.vecs[0].dot(m.vecs[1]); math.Abs(got-0.641113) > 5e-6 {
		t.Errorf("cos(d0, d1) = %.6f, want 0.641113", got)
	}
	if got := m.vecs[0].dot(m.vecs[2]); got != 0 {
		t.Errorf("cos(d0, d2) = %v, want 0", got)
	}
	if got := m.vecs[1].dot(m.vecs[0]); math.Abs(got-0.641113) > 5e-6 {
		t.Errorf("cos(d1, d0) = %.6f, not symmetric", got)
	}
}

// TestTFIDFDrop: a dropped term is gone from its document and from the document frequencies.
// Without bus, d0 is tee 2.180235, zug 1.287682 → 0.861037, 0.508542, and
// cos(d0, d1) = (0.861037 + 0.508542) · 0.707107 = 0.968439.
func TestTFIDFDrop(t *testing.T) {
	docs := tfidfHandCorpus()
	docs[0].Drop = []string{"bus"}
	m := buildTFIDF(docs, 2, 1, false)
	for id, term := range m.terms {
		if term == "bus" && m.df[id] != 0 {
			t.Fatalf("bus counted in %d documents", m.df[id])
		}
	}
	if tfidfWeight(m, 0, "bus") != 0 || len(m.vecs[0].ids) != 2 {
		t.Fatalf("bus still there: terms %v, vector %v", m.terms, m.vecs[0])
	}
	if got := m.vecs[0].dot(m.vecs[1]); math.Abs(got-0.968439) > 5e-6 {
		t.Errorf("cos(d0, d1) = %.6f, want 0.968439", got)
	}
}

// TestTFIDFAnalysis: the German analysis applies — folding, stop words, stemming — so
// spelling and inflection variants meet, and a text of stop words only is the zero vector.
func TestTFIDFAnalysis(t *testing.T) {
	m := buildTFIDF([]tfidfDoc{
		{Title: "Sprachkurse für Schüler"},
		{Title: "Sprachkurs fuer Schueler"},
		{Title: "und der die das"},
	}, 1, 1, false)
	if got := m.vecs[0].dot(m.vecs[1]); !tfidfNear(got, 1) {
		t.Errorf("variants: cosine %.6f, want 1 (terms %v)", got, m.terms)
	}
	if len(m.vecs[2].ids) != 0 || m.vecs[2].dot(m.vecs[0]) != 0 {
		t.Errorf("stop words only: vector %v", m.vecs[2])
	}
}

// TestTFIDFTokens: the kept tokens are exactly those of text.Analyze on the whole title and
// description (the memo of white-space-separated pieces changes nothing), with their
// positions, minus the dropped terms.
func TestTFIDFTokens(t *testing.T) {
	docs := []tfidfDoc{
		{Title: "Sprachcafé „Deutsch im Gespräch“", Body: "Eltern-Kind-Gruppe: dienstags\tvon 9 bis 11 Uhr im Familienzentrum.\nKosten: 2,50 Euro (ermäßigt)", Drop: []string{"familienzentrum"}},
		{Title: "Sprachcafé", Body: "Schüler\u00a0und Schueler lernen  Deutsch; e.V. z.B. Sprachcafé"},
	}
	m := buildTFIDF(docs, 1, 1, true)
	for d, doc := range docs {
		var want []string
		for field, s := range []string{doc.Title, doc.Body} {
			for _, tok := range text.Analyze(s) {
				if !slices.Contains(doc.Drop, tok.Term) {
					want = append(want, fmt.Sprintf("%d:%s@%d-%d", field, tok.Term, tok.Start, tok.End))
				}
			}
		}
		var got []string
		for i, tok := range m.tokens[d] {
			field := 0
			if i >= int(m.titleTokens[d]) {
				field = 1
			}
			got = append(got, fmt.Sprintf("%d:%s@%d-%d", field, m.terms[tok.id], tok.start, tok.end))
		}
		if !slices.Equal(got, want) {
			t.Errorf("doc %d:\n got %v\nwant %v", d, got, want)
		}
	}
}

// TestTFIDFChunks: the parallel build (several chunks with their own vocabularies, merged)
// gives the same cosines as the sequential one.
func TestTFIDFChunks(t *testing.T) {
	words := strings.Fields("Sprachcafé Integrationskurs Beratung Familie Eltern Kinder Schule Arbeit " +
		"Wohnung Gesundheit Sport Verein Frauen Jugendliche Ehrenamt Patenschaft Bewerbung Alltag")
	r := rand.New(rand.NewPCG(1, 2))
	docs := make([]tfidfDoc, 3*tfidfChunkSize+17)
	for i := range docs {
		var title, body []string
		for range 1 + r.IntN(3) {
			title = append(title, words[r.IntN(len(words))])
		}
		for range 3 + r.IntN(20) {
			body = append(body, words[r.IntN(len(words))])
		}
		body = append(body, fmt.Sprintf("Kurs%d", r.IntN(200))) // rare words, new in later chunks
		docs[i] = tfidfDoc{Title: strings.Join(title, " "), Body: strings.Join(body, " ")}
	}
	one := buildTFIDF(docs, 2, 1, true)
	many := buildTFIDF(docs, 2, 3, true)
	if len(one.terms) != len(many.terms) {
		t.Fatalf("%d terms sequentially, %d in chunks", len(one.terms), len(many.terms))
	}
	for i := range 2000 {
		a, b := r.IntN(len(docs)), r.IntN(len(docs))
		if x, y := one.vecs[a].dot(one.vecs[b]), many.vecs[a].dot(many.vecs[b]); math.Abs(x-y) > 1e-6 {
			t.Fatalf("pair %d: cos(%d, %d) = %.6f sequentially, %.6f in chunks", i, a, b, x, y)
		}
	}
	for d := range docs {
		if len(one.tokens[d]) != len(many.tokens[d]) {
			t.Fatalf("doc %d: %d tokens sequentially, %d in chunks", d, len(one.tokens[d]), len(many.tokens[d]))
		}
		for i, tok := range one.tokens[d] {
			if o := many.tokens[d][i]; one.terms[tok.id] != many.terms[o.id] || tok.start != o.start || tok.end != o.end || one.titleTokens[d] != many.titleTokens[d] {
				t.Fatalf("doc %d token %d: %+v sequentially, %+v in chunks", d, i, tok, o)
			}
		}
		if !slices.Equal(one.vecs[d].ids, many.vecs[d].ids) || !slices.Equal(one.vecs[d].ws, many.vecs[d].ws) {
			t.Fatalf("doc %d: the vector depends on the number of workers", d)
		}
		ids := many.vecs[d].ids
		for k := 1; k < len(ids); k++ {
			if ids[k-1] >= ids[k] {
				t.Fatalf("doc %d: ids not ascending: %v", d, ids)
			}
		}
	}
}

// TestTFIDFMemo: the piece table finds what was added, also after growing, and tells apart
// keys whose hashes collide.
func TestTFIDFMemo(t *testing.T) {
	var m tfidfMemo
	m.init(4)
	hash := func(s string) uint64 {
		h := uint64(fnvOffset)
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * fnvPrime
		}
		return h
	}
	const n = 5000
	for i := range n {
		key := fmt.Sprintf("Wort%d,", i)
		slot, ok := m.find(hash(key), key)
		if ok {
			t.Fatalf("%s found before it was added", key)
		}
		slot = m.add(slot, hash(key), key, [2]int32{int32(i), 1})
		if got := m.slots[slot]; got.key != key || got.span[0] != int32(i) {
			t.Fatalf("add returned slot %d holding %+v", slot, got)
		}
	}
	for i := range n {
		key := fmt.Sprintf("Wort%d,", i)
		slot, ok := m.find(hash(key), key)
		if !ok || m.slots[slot].span[0] != int32(i) {
			t.Fatalf("%s: found %v in slot %d (%+v)", key, ok, slot, m.slots[slot])
		}
	}
	// Same hash, other key: not found.
	if _, ok := m.find(hash("Wort7,"), "Wort8,"); ok {
		t.Error("a key was found under another key's hash")
	}
	if m.n != n || len(m.slots) < 2*n {
		t.Errorf("%d entries in %d slots", m.n, len(m.slots))
	}
}
