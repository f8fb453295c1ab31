package duplicates

import (
	"math"
	"slices"
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
