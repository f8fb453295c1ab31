package duplicates

import (
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite builtin.go and builtin_pairs.tsv from the demo")

// The built-in model is derived from the demo (graph/demo) alone, by this procedure:
//
//  1. Labelled pairs: every pair of a demo region that passes blocking, with its features.
//     The planted duplicate pairs (GroundTruth.Duplicates, all pairs of a cluster) are
//     positives; the planted hard negatives that pass blocking are negatives; of the other
//     blocked pairs, which the ground truth declares no duplicates, a deterministic half is
//     taken as negatives (FNV-1a of "a|b" even). They are written to builtin_pairs.tsv.
//  2. The penalty λ: leave one region out — fit on four regions' labelled pairs, predict
//     every blocked pair of the fifth (all of them, so that precision counts every pair a
//     run would report) — for each λ of builtinLambdas; take the largest λ whose mean
//     log-loss over the five regions lies within one standard error of the lowest (the
//     one-standard-error rule: Hastie, Tibshirani, Friedman, The Elements of Statistical
//     Learning, 2nd ed. 2009, §7.10). The demo's pairs are nearly separable, so the log-loss
//     keeps falling as λ shrinks and the weights grow; the rule takes the most regularised
//     model the demo cannot tell from the best, one that is less certain of everything.
//  3. The threshold: on the out-of-region predictions with that λ, the F1 of every threshold
//     of builtinThresholds; the thresholds whose F1 is within one pair of the best (at most
//     one more error than the best threshold makes) form runs; the middle of the longest run
//     (the lower middle of an even run). A threshold in a plateau, not on a peak one pair
//     high.
//  4. The weights: the fit on all labelled pairs with that λ (the bias unpenalised).
//
// TestBuiltinModel repeats it and fails when builtin.go or builtin_pairs.tsv differ from
// what it gives (beyond rounding); -update rewrites them. The held-out county
// (graph/demo/heldout) plays no part.
var (
	builtinLambdas    = []float64{1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1}
	builtinThresholds = func() []float64 {
		var ts []float64
		for t := 5; t <= 95; t += 5 {
			ts = append(ts, float64(t)/100)
		}
		return ts
	}()
)

// labelledRow is one blocked pair of the demo with its label.
type labelledRow struct {
	region, a, b string
	dup          bool
	kase         string // planted, hard_negative, sample or other (not in the labelled set)
	x            features
}

func (r labelledRow) pair() LabelledPair {
	return LabelledPair{X: slices.Clone(r.x[:]), Duplicate: r.dup}
}

// demoLabelled derives the labelled pairs from the demo (step 1).
func demoLabelled(t testing.TB) []labelledRow {
	var out []labelledRow
	for _, r := range demoBlocked(t) {
		if r.kase != "other" {
			out = append(out, r)
		}
	}
	return out
}

// demoBlocked returns every blocked pair of the demo with its label.
func demoBlocked(t testing.TB) []labelledRow {
	planted, negatives := demoTruthPairs()
	snaps := demoSnapshots(t.(*testing.T))
	var rows []labelledRow
	for _, key := range sortedKeys(snaps) {
		rp, err := Params{Model: ModelBuiltIn}.resolve()
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		rp.noPrune = true
		rp.collect = func(r *dupRun, a, c int32, x *features) {
			ida, idc := r.ms[a].m.ID, r.ms[c].m.ID
			if idc < ida {
				ida, idc = idc, ida
			}
			row := labelledRow{region: key, a: ida, b: idc, x: *x}
			k := [2]string{ida, idc}
			switch _, neg := negatives[k]; {
			case planted[key][k] != "":
				row.dup, row.kase = true, "planted"
			case neg:
				row.kase = "hard_negative"
			default:
				h := fnv.New32a()
				h.Write([]byte(ida + "|" + idc))
				row.kase = "sample"
				if h.Sum32()%2 != 0 {
					row.kase = "other"
				}
			}
			mu.Lock()
			rows = append(rows, row)
			mu.Unlock()
		}
		findResolved(snaps[key], rp)
	}
	slices.SortFunc(rows, func(x, y labelledRow) int {
		return strings.Compare(x.region+x.a+x.b, y.region+y.a+y.b)
	})
	return rows
}

func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// fitRows fits the model on rows with penalty lambda, the bias unpenalised.
func fitRows(t testing.TB, rows []labelledRow, lambda float64) Logistic {
	pairs := make([]LabelledPair, len(rows))
	for i, r := range rows {
		pairs[i] = r.pair()
	}
	m, err := FitLogistic(pairs, nFeatures, FitOptions{Lambda: lambda, FreeBias: true})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// prediction is an out-of-region probability with its label and region.
type prediction struct {
	p      float64
	dup    bool
	region string
}

// crossValidate predicts every row with the model fitted on the other regions' labelled rows.
func crossValidate(t testing.TB, rows []labelledRow, lambda float64) []prediction {
	regions := map[string]bool{}
	for _, r := range rows {
		regions[r.region] = true
	}
	var out []prediction
	for _, held := range sortedKeys(regions) {
		var train []labelledRow
		for _, r := range rows {
			if r.region != held && r.kase != "other" {
				train = append(train, r)
			}
		}
		m := fitRows(t, train, lambda)
		for _, r := range rows {
			if r.region == held {
				out = append(out, prediction{m.Prob(r.x[:]), r.dup, r.region})
			}
		}
	}
	return out
}

func meanSD(xs []float64) (float64, float64) {
	var s, ss float64
	for _, x := range xs {
		s += x
	}
	mean := s / float64(len(xs))
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

func logLoss(ps []prediction) float64 {
	var s float64
	for _, p := range ps {
		q := min(max(p.p, 1e-12), 1-1e-12)
		if p.dup {
			s -= math.Log(q)
		} else {
			s -= math.Log(1 - q)
		}
	}
	return s / float64(len(ps))
}

// prAt returns precision, recall and F1 of the predictions at threshold th.
func prAt(ps []prediction, th float64) (float64, float64, float64) {
	var tp, fp, fn int
	for _, p := range ps {
		switch {
		case p.p >= th && p.dup:
			tp++
		case p.p >= th:
			fp++
		case p.dup:
			fn++
		}
	}
	prec, rec := 1.0, 1.0
	if tp+fp > 0 {
		prec = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		rec = float64(tp) / float64(tp+fn)
	}
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	return prec, rec, f1
}

// f1Worse is the F1 at threshold th with one error more.
func f1Worse(ps []prediction, th float64) float64 {
	var tp, wrong int
	for _, p := range ps {
		switch {
		case p.p >= th && p.dup:
			tp++
		case p.p >= th || p.dup:
			wrong++
		}
	}
	return 2 * float64(tp) / float64(2*tp+wrong+1)
}

// bestF1 is the highest F1 of the predictions over builtinThresholds.
func bestF1(ps []prediction) float64 {
	best := 0.0
	for _, th := range builtinThresholds {
		_, _, f := prAt(ps, th)
		best = max(best, f)
	}
	return best
}

// chooseBuiltin runs steps 2 to 4 and logs the tables.
func chooseBuiltin(t testing.TB, rows []labelledRow) (lambda, threshold float64, m Logistic) {
	means, ses := make([]float64, len(builtinLambdas)), make([]float64, len(builtinLambdas))
	preds := make([][]prediction, len(builtinLambdas))
	for i, l := range builtinLambdas {
		ps := crossValidate(t, rows, l)
		preds[i] = ps
		// The log-loss of each region, their mean and its standard error.
		byRegion := map[string][]prediction{}
		for _, p := range ps {
			byRegion[p.region] = append(byRegion[p.region], p)
		}
		var lls []float64
		for _, k := range sortedKeys(byRegion) {
			lls = append(lls, logLoss(byRegion[k]))
		}
		mean, sd := meanSD(lls)
		means[i], ses[i] = mean, sd/math.Sqrt(float64(len(lls)))
		line := fmt.Sprintf("λ %-7g CV log-loss %.4f ± %.4f, best F1 %.3f; P/R by threshold:", l, means[i], ses[i], bestF1(ps))
		for _, th := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
			p, r, _ := prAt(ps, th)
			line += fmt.Sprintf(" %.1f %.2f/%.2f", th, p, r)
		}
		t.Log(line)
	}
	lowest := 0
	for i := range builtinLambdas {
		if means[i] < means[lowest] {
			lowest = i
		}
	}
	chosen := lowest
	for i := range builtinLambdas {
		if means[i] <= means[lowest]+ses[lowest] {
			chosen = max(chosen, i)
		}
	}
	lambda, cv := builtinLambdas[chosen], preds[chosen]
	// The longest run of thresholds within one pair of the best F1, and its middle.
	var byTh []float64
	top, tol := 0.0, 0.0
	for _, th := range builtinThresholds {
		_, _, f := prAt(cv, th)
		byTh = append(byTh, f)
		if f > top {
			top, tol = f, f-f1Worse(cv, th)
		}
	}
	runStart, runLen, bestStart, bestLen := 0, 0, 0, 0
	for i, f := range byTh {
		if f >= top-tol-1e-12 {
			if runLen == 0 {
				runStart = i
			}
			runLen++
			if runLen > bestLen {
				bestStart, bestLen = runStart, runLen
			}
		} else {
			runLen = 0
		}
	}
	threshold = builtinThresholds[bestStart+(bestLen-1)/2]
	line := fmt.Sprintf("λ %g: out-of-region F1 by threshold:", lambda)
	for i, th := range builtinThresholds {
		line += fmt.Sprintf(" %.2f:%.3f", th, byTh[i])
	}
	t.Log(line)
	var train []labelledRow
	for _, r := range rows {
		if r.kase != "other" {
			train = append(train, r)
		}
	}
	return lambda, threshold, fitRows(t, train, lambda)
}

// TestBuiltinModel rederives the built-in model from the demo and compares it with
// builtin.go and builtin_pairs.tsv (see the procedure above); -update rewrites them.
func TestBuiltinModel(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the model many times")
	}
	blocked := demoBlocked(t)
	lambda, threshold, m := chooseBuiltin(t, blocked)
	var rows []labelledRow
	var pos, hard int
	for _, r := range blocked {
		if r.kase == "other" {
			continue
		}
		rows = append(rows, r)
		if r.dup {
			pos++
		}
		if r.kase == "hard_negative" {
			hard++
		}
	}
	t.Logf("blocked pairs: %d; labelled: %d (%d duplicates, %d hard negatives, %d sampled others)", len(blocked), len(rows), pos, hard, len(rows)-pos-hard)
	t.Logf("chosen: λ %g, threshold %.2f; weights: bias %.3f %v", lambda, threshold, m.Bias, m.Weights)
	tsv := labelledTSV(rows)
	if *update {
		if err := os.WriteFile("builtin_pairs.tsv", []byte(tsv), 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := format.Source([]byte(builtinSource(lambda, threshold, m)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("builtin.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if lambda != builtinLambda || threshold != DefaultThreshold {
		t.Errorf("the procedure chooses λ %g and threshold %.2f; builtin.go has %g and %.2f (go test -run TestBuiltinModel -update)", lambda, threshold, builtinLambda, DefaultThreshold)
	}
	theta := append([]float64{m.Bias}, m.Weights...)
	for i, w := range theta {
		if math.Abs(w-builtinTheta[i]) > 1e-3 {
			t.Errorf("weight %d: refitted %.6f, builtin.go %.6f (go test -run TestBuiltinModel -update)", i, w, builtinTheta[i])
		}
	}
	committed, err := parseLabelled(builtinPairsTSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(committed) != len(rows) {
		t.Fatalf("builtin_pairs.tsv has %d pairs, the demo gives %d (go test -run TestBuiltinModel -update)", len(committed), len(rows))
	}
	for i, r := range rows {
		for f, x := range r.x {
			if math.Abs(committed[i].X[f]-x) > 1e-5 || committed[i].Duplicate != r.dup {
				t.Fatalf("builtin_pairs.tsv line %d (%s–%s): %s %.6f, the demo gives %.6f", i+2, r.a, r.b, FeatureNames[f], committed[i].X[f], x)
			}
		}
	}
}

func labelledTSV(rows []labelledRow) string {
	var b strings.Builder
	b.WriteString("region\ta\tb\tlabel\tcase\t" + strings.Join(FeatureNames[:], "\t") + "\n")
	for _, r := range rows {
		label := "0"
		if r.dup {
			label = "1"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s", r.region, r.a, r.b, label, r.kase)
		for _, x := range r.x {
			fmt.Fprintf(&b, "\t%.6f", x)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func builtinSource(lambda, threshold float64, m Logistic) string {
	var b strings.Builder
	b.WriteString(`// Code generated by TestBuiltinModel (go test -run TestBuiltinModel ./analysis/duplicates -update); DO NOT EDIT.

package duplicates

// DefaultThreshold is the probability from which a pair is reported, chosen on the demo
// (see builtin_test.go).
`)
	fmt.Fprintf(&b, "const DefaultThreshold = %g\n\n", threshold)
	b.WriteString("// builtinLambda is the L2 penalty of the built-in fit, chosen on the demo.\n")
	fmt.Fprintf(&b, "const builtinLambda = %g\n\n", lambda)
	b.WriteString("// builtinTheta are the built-in model's bias and weights (in the order of FeatureNames),\n// fitted on builtin_pairs.tsv.\nvar builtinTheta = [nFeatures + 1]float64{\n")
	fmt.Fprintf(&b, "\t%.6f, // bias\n", m.Bias)
	for i, w := range m.Weights {
		fmt.Fprintf(&b, "\t%.6f, // %s\n", w, FeatureNames[i])
	}
	b.WriteString("}\n")
	return b.String()
}
