package duplicates

import (
	"math"
	"testing"
)

// TestFitLogisticKnownAnswer: with one binary feature the model is saturated, so the maximum
// likelihood fit reproduces the observed frequencies. At x = 0 three of four pairs are
// duplicates: σ(b) = 3/4, b = ln 3 ≈ 1.0986; at x = 1 one of four: σ(b + w) = 1/4,
// b + w = −ln 3, w = −2·ln 3 ≈ −2.1972.
func TestFitLogisticKnownAnswer(t *testing.T) {
	var pairs []LabelledPair
	add := func(x float64, dup bool, n int) {
		for range n {
			pairs = append(pairs, LabelledPair{X: []float64{x}, Duplicate: dup})
		}
	}
	add(0, true, 3)
	add(0, false, 1)
	add(1, true, 1)
	add(1, false, 3)
	m, err := FitLogistic(pairs, 1, FitOptions{Lambda: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(m.Bias-math.Log(3)) > 1e-5 || math.Abs(m.Weights[0]+2*math.Log(3)) > 1e-5 {
		t.Errorf("fit b = %.6f w = %.6f, want b = ln 3 = %.6f, w = −2 ln 3 = %.6f", m.Bias, m.Weights[0], math.Log(3), -2*math.Log(3))
	}
	if p := m.Prob([]float64{0}); math.Abs(p-0.75) > 1e-5 {
		t.Errorf("p(x=0) = %.6f, want 0.75", p)
	}
	// Example weights count like repeated examples: one pair of weight 3 equals three pairs.
	weighted := []LabelledPair{{X: []float64{0}, Duplicate: true, Weight: 3}, {X: []float64{0}}, {X: []float64{1}, Duplicate: true}, {X: []float64{1}, Weight: 3}}
	w, err := FitLogistic(weighted, 1, FitOptions{Lambda: 1e-12})
	if err != nil || math.Abs(w.Bias-m.Bias) > 1e-5 || math.Abs(w.Weights[0]-m.Weights[0]) > 1e-5 {
		t.Errorf("weighted fit %+v (%v), want %+v", w, err, m)
	}
}

// TestFitLogisticPrior: a strong penalty keeps the weights at the prior; a weak one lets the
// data move them — few verdicts shift the built-in model gently.
func TestFitLogisticPrior(t *testing.T) {
	pairs := []LabelledPair{{X: []float64{1, 0}, Duplicate: true}, {X: []float64{0, 1}}}
	prior := []float64{-1, 0.5, 0.5}
	strong, err := FitLogistic(pairs, 2, FitOptions{Lambda: 1e3, Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range prior[1:] {
		if math.Abs(strong.Weights[i]-want) > 1e-2 {
			t.Errorf("strong prior: w%d = %.4f, want ≈ %.2f", i, strong.Weights[i], want)
		}
	}
	weak, _ := FitLogistic(pairs, 2, FitOptions{Lambda: 1e-3, Prior: prior})
	if !(weak.Weights[0] > strong.Weights[0] && weak.Weights[1] < strong.Weights[1]) {
		t.Errorf("weak prior %+v did not follow the data away from %+v", weak, strong)
	}
	if _, err := FitLogistic(nil, 2, FitOptions{}); err != ErrNoExamples {
		t.Errorf("no pairs: %v", err)
	}
	if _, err := FitLogistic(pairs, 3, FitOptions{}); err == nil {
		t.Error("a feature count that does not fit was accepted")
	}
}

func TestSigmoidAndUncertainty(t *testing.T) {
	for _, z := range []float64{-800, -30, 0, 30, 800} {
		if p := sigmoid(z); math.IsNaN(p) || p < 0 || p > 1 {
			t.Errorf("sigmoid(%g) = %g", z, p)
		}
	}
	if softplus(800) != 800 || math.IsInf(softplus(800), 0) {
		t.Errorf("softplus(800) = %g", softplus(800))
	}
	for _, tc := range []struct{ p, want float64 }{{0.5, 1}, {0, 0}, {1, 0}, {0.75, 0.5}, {0.1, 0.2}} {
		if got := Uncertainty(tc.p); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Uncertainty(%g) = %g, want %g", tc.p, got, tc.want)
		}
	}
}
