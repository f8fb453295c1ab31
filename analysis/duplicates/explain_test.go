package duplicates

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestDupAppend2: two decimals as strconv writes them, halves away from zero.
func TestDupAppend2(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{{0, "0.00"}, {0.641113, "0.64"}, {0.7709, "0.77"}, {1, "1.00"}, {0.995, "1.00"}, {0.125, "0.13"}, {12.3456, "12.35"}, {-0.5, "-0.50"}, {math.NaN(), "NaN"}} {
		if got := string(dupAppend2(nil, c.x)); got != c.want {
			t.Errorf("%v: %q, want %q", c.x, got, c.want)
		}
	}
}

// TestDuplicatesDemoScoreParts: on every reported demo pair the parts add up to Structure,
// the contributions are weight times value, and bias plus contributions give the score.
func TestDuplicatesDemoScoreParts(t *testing.T) {
	for key, s := range demoSnapshots(t) {
		d := mustFind(t, s, Params{})
		for _, p := range append(slices.Clone(d.Pairs), d.Uncertain...) {
			var sum, w float64
			for _, part := range p.Parts {
				sum += part.Weight * part.Value
				w += part.Weight
			}
			if w > 0 && math.Abs(sum/w-p.Structure) > 1e-9 {
				t.Errorf("%s %s–%s: parts give %.6f, structure %.6f", key, p.A, p.B, sum/w, p.Structure)
			}
			z := d.Model.Bias
			for i, f := range p.Features {
				if f.Name != FeatureNames[i] || f.Weight != d.Model.Weights[f.Name] || math.Abs(f.Contribution-f.Weight*f.Value) > 1e-12 || f.Value < 0 || f.Value > 1 {
					t.Errorf("%s %s–%s: feature %+v", key, p.A, p.B, f)
				}
				z += f.Contribution
			}
			if want := sigmoid(z); math.Abs(want-p.Score) > 1e-9 || math.Abs(p.Uncertainty-Uncertainty(p.Score)) > 1e-12 {
				t.Errorf("%s %s–%s: the model gives %.6f, score %.6f", key, p.A, p.B, want, p.Score)
			}
			if p.A >= p.B || p.Explanation == "" || p.Why.DE == "" || p.Why.EN == "" || len(p.Features) != nFeatures {
				t.Errorf("%s %s–%s: incomplete pair %+v", key, p.A, p.B, p)
			}
		}
	}
}

// TestDuplicatesPartsInBothLanguages: the notes of a pair's parts and its advice come from the
// message catalogue in German and English; an open run is "…", no word of either language.
func TestDuplicatesPartsInBothLanguages(t *testing.T) {
	const desc = "Wir helfen Familien beim Ausfüllen von Anträgen und beim Schriftverkehr mit Ämtern."
	f := newDupFixture().
		add(dupM{id: "msr_a", title: "Antragshilfe für Familien", desc: desc, format: "in_person", langs: []string{"de", "ar"},
			starts: "2025-01-01", providers: []string{"org_1"}}).
		add(dupM{id: "msr_b", title: "Antragshilfe für Familien", desc: desc, format: "hybrid", langs: []string{"de"},
			providers: []string{"org_1"}})
	d := mustFind(t, f.s, Params{})
	if len(d.Pairs) != 1 {
		t.Fatalf("%d pairs, want 1", len(d.Pairs))
	}
	p := d.Pairs[0]
	want := map[string]Why{
		PartProgramme:    {DE: "Keines der beiden nennt ein Programm: unbekannt, im Modell 0,5.", EN: "neither names a programme: unknown, 0.5 in the model"},
		PartLanguages:    {DE: "1 von 2 Sprachen gemeinsam.", EN: "1 of 2 languages shared"},
		PartFormat:       {DE: "Eines ist hybrid: halbe Übereinstimmung.", EN: "one is hybrid: half agreement"},
		PartTargetGroups: {DE: "1 von 1 Zielgruppen gemeinsam.", EN: "1 of 1 target groups shared"},
		PartProvider:     {DE: "Gemeinsamer Träger: eine Datendublette (zusammenführen).", EN: "a shared provider: a data duplicate (merge)"},
		PartTime:         {DE: "Die Zeiträume überschneiden sich (Bedingung der Vorauswahl).", EN: "the runs overlap (a condition of the blocking)"},
	}
	for _, part := range p.Parts {
		if part.Note != want[part.Name] {
			t.Errorf("%s: note %+v, want %+v", part.Name, part.Note, want[part.Name])
		}
		if part.Name == PartTime && (part.A != "2025-01-01 – …" || part.B != "… – …") {
			t.Errorf("runs %q and %q", part.A, part.B)
		}
	}
	if len(p.Parts) != len(want) {
		t.Errorf("%d parts, want %d", len(p.Parts), len(want))
	}
	advice := " Both are entries of Lindenhof e.V. in Nordheim: probably the same offer entered twice — merge them."
	adviceDE := "Beide sind Einträge von Lindenhof e.V. in Nordheim: wahrscheinlich dasselbe Angebot zweimal erfasst – zusammenführen."
	if p.Advice.EN != advice[1:] || p.Advice.DE != adviceDE || strings.Contains(p.Why.DE, "zusammenführen") {
		t.Errorf("advice %+v; German why %q", p.Advice, p.Why.DE)
	}
	if p.Kind != KindData || p.Explanation != p.Why.EN+advice {
		t.Errorf("kind %s, explanation %q, want the English why and %q", p.Kind, p.Explanation, advice)
	}
	c := d.Clusters[0]
	if want := (Why{DE: "2 Einträge eines Trägers beschreiben dasselbe Angebot: zu einem zusammenführen.",
		EN: "2 entries of one provider describe the same offer: merge them into one."}); c.Why != want || c.Explanation != want.EN {
		t.Errorf("cluster why %+v, explanation %q", c.Why, c.Explanation)
	}
	for n, key := range map[int]string{3: "duplicates.cluster.coordinate", 20: "duplicates.cluster.mixed"} {
		if w := clusterWhy(key, n); w != renderClusterWhy(key, n) || !strings.HasPrefix(w.DE, strconv.Itoa(n)+" ") {
			t.Errorf("%s, %d members: %+v", key, n, w)
		}
	}
}
