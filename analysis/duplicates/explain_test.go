package duplicates

import (
	"math"
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

// TestDuplicatesDemoScoreParts: on every reported demo pair the parts add up to Structure and
// the formula to Score.
func TestDuplicatesDemoScoreParts(t *testing.T) {
	for key, s := range demoSnapshots(t) {
		d := mustFind(t, s, Params{})
		for _, p := range d.Pairs {
			var sum, w float64
			for _, part := range p.Parts {
				sum += part.Weight * part.Value
				w += part.Weight
			}
			if w > 0 && math.Abs(sum/w-p.Structure) > 1e-9 {
				t.Errorf("%s %s–%s: parts give %.6f, structure %.6f", key, p.A, p.B, sum/w, p.Structure)
			}
			if want := d.TextWeight*min(1, p.Text/d.TextFull) + (1-d.TextWeight)*p.Structure; math.Abs(want-p.Score) > 1e-9 {
				t.Errorf("%s %s–%s: formula gives %.6f, score %.6f", key, p.A, p.B, want, p.Score)
			}
			if p.A >= p.B || p.Explanation == "" || len(p.SharedTerms) == 0 || len(p.HighlightsA) == 0 || len(p.HighlightsB) == 0 {
				t.Errorf("%s %s–%s: incomplete pair %+v", key, p.A, p.B, p)
			}
		}
	}
}
