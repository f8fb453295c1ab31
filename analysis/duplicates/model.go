package duplicates

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// The model that turns a pair's features into the probability that the two measures are the
// same offer: a logistic regression, p = σ(b + Σ wᵢ·xᵢ), with the features in [0, 1]. Its
// weights come from labelled pairs — a built-in set, and a county's own verdicts — fitted by
// L-BFGS (gonum/optimize) on the log-loss with an L2 penalty that pulls the weights toward a
// prior (the built-in weights when a county refits), so that a handful of verdicts moves the
// model gently and many verdicts move it far.

// LabelledPair is one training example: a pair's features and whether it is a duplicate.
type LabelledPair struct {
	// X are the features, in the order of the model's feature names.
	X []float64
	// Duplicate is the label.
	Duplicate bool
	// Weight is how much the example counts (1 when zero).
	Weight float64
}

// Logistic is a fitted logistic regression.
type Logistic struct {
	// Bias is the intercept b.
	Bias float64
	// Weights are the wᵢ, one per feature.
	Weights []float64
}

// Prob returns σ(b + w·x), the probability that the pair is a duplicate.
func (m Logistic) Prob(x []float64) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		if i < len(x) {
			z += w * x[i]
		}
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// FitOptions configure FitLogistic.
type FitOptions struct {
	// Lambda is the strength of the L2 penalty toward Prior (per unit of total example
	// weight); 0 means 1e-3.
	Lambda float64
	// Prior are the weights the penalty pulls toward (bias first, then the weights); nil
	// means zeros.
	Prior []float64
	// FreeBias leaves the bias out of the penalty: without a prior, the bias is the base
	// rate's log-odds, which a penalty toward 0 would distort.
	FreeBias bool
}

// ErrNoExamples is returned by FitLogistic without any labelled pair.
var ErrNoExamples = errors.New("duplicates: no labelled pairs to fit the model")

// FitLogistic fits a logistic regression to the pairs by minimising the weighted mean
// log-loss plus Lambda/2·‖θ − prior‖² (θ = bias and weights, or the weights alone with
// FreeBias) with L-BFGS. The loss is convex,
// so the fit does not depend on the starting point.
func FitLogistic(pairs []LabelledPair, features int, o FitOptions) (Logistic, error) {
	if len(pairs) == 0 {
		return Logistic{}, ErrNoExamples
	}
	if o.Lambda == 0 {
		o.Lambda = 1e-3
	}
	prior := o.Prior
	if prior == nil {
		prior = make([]float64, features+1)
	}
	if len(prior) != features+1 {
		return Logistic{}, fmt.Errorf("duplicates: prior has %d values, want %d (bias and %d weights)", len(prior), features+1, features)
	}
	total := 0.0
	for _, p := range pairs {
		if len(p.X) != features {
			return Logistic{}, fmt.Errorf("duplicates: a pair has %d features, want %d", len(p.X), features)
		}
		total += weightOf(p)
	}
	loss := func(theta, grad []float64) float64 {
		if grad != nil {
			for i := range grad {
				grad[i] = 0
			}
		}
		f := 0.0
		for _, p := range pairs {
			z := theta[0]
			for i, x := range p.X {
				z += theta[i+1] * x
			}
			w := weightOf(p) / total
			y := 0.0
			if p.Duplicate {
				y = 1
			}
			// log(1+e^z) − y·z, written to stay finite for large |z|.
			f += w * (softplus(z) - y*z)
			if grad != nil {
				d := w * (sigmoid(z) - y)
				grad[0] += d
				for i, x := range p.X {
					grad[i+1] += d * x
				}
			}
		}
		for i, t := range theta {
			if i == 0 && o.FreeBias {
				continue
			}
			diff := t - prior[i]
			f += o.Lambda / 2 * diff * diff
			if grad != nil {
				grad[i] += o.Lambda * diff
			}
		}
		return f
	}
	problem := optimize.Problem{
		Func: func(theta []float64) float64 { return loss(theta, nil) },
		Grad: func(grad, theta []float64) { loss(theta, grad) },
	}
	init := append([]float64(nil), prior...)
	res, err := optimize.Minimize(problem, init, &optimize.Settings{GradientThreshold: 1e-9, MajorIterations: 1000}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return Logistic{}, fmt.Errorf("duplicates: fitting the model: %w", err)
	}
	theta := res.X
	return Logistic{Bias: theta[0], Weights: append([]float64(nil), theta[1:]...)}, nil
}

func weightOf(p LabelledPair) float64 {
	if p.Weight <= 0 {
		return 1
	}
	return p.Weight
}

// softplus is log(1 + e^z) without overflow.
func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	if z < -30 {
		return math.Exp(z)
	}
	return math.Log1p(math.Exp(z))
}

// Uncertainty is how undecided the model is about a pair: 1 at p = 0.5, 0 at p = 0 or 1.
// The review queue puts the most uncertain pairs first, so each verdict teaches the model
// the most (uncertainty sampling, as dedupe and Splink do).
func Uncertainty(p float64) float64 { return 1 - math.Abs(2*p-1) }
