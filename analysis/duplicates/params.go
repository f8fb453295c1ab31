package duplicates

import (
	"math"
	"strconv"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Defaults and bounds of Params.
const (
	// DefaultMaxBlock is the largest block compared pair by pair (see Params.MaxBlock).
	DefaultMaxBlock = 2000
	// MaxMaxBlock bounds MaxBlock: a block of 5,000 measures compared pair by pair is 12.5
	// million pairs, about six times the default's worst case; any caller, anonymous ones
	// included, can ask for it, so it must not be open-ended.
	MaxMaxBlock = 5000
	// MaxUncertain is how many pairs Result.Uncertain lists at most.
	MaxUncertain = 50
	// uncertainFloor is the lowest probability of a pair Result.Uncertain may list: below it
	// the model is three times surer that the pair is no duplicate than that it is one
	// (uncertainty < ½), a verdict teaches it little, and the candidate bound need not find
	// such pairs.
	uncertainFloor = 0.25
)

// Orders of Result.Pairs (Params.Order).
const (
	// OrderClusters lists the pairs cluster by cluster, the highest probability first.
	OrderClusters = "clusters"
	// OrderUncertain lists the unreviewed pairs closest to p = ½ first (the review queue):
	// each verdict on them teaches the model the most.
	OrderUncertain = "uncertain"
)

// Models (Params.Model, Model.Source).
const (
	// ModelBuiltIn is the model fitted on the built-in labelled pairs (builtin.go).
	ModelBuiltIn = "built_in"
	// ModelFitted is the built-in model refitted with a region's verdicts.
	ModelFitted = "fitted"
)

// DefaultStructureWeights are the weights of the structural parts in Pair.Structure.
var DefaultStructureWeights = StructureWeights{Programme: 2, Languages: 1, Format: 1, TargetGroups: 1}

// StructureWeights weigh the structural parts in Pair.Structure, the summary of the parts a
// pair shows beside its features.
type StructureWeights struct {
	// Programme weighs the agreement of the programmes.
	Programme float64 `json:"programme"`
	// Languages weighs the overlap of the language sets.
	Languages float64 `json:"languages"`
	// Format weighs the agreement of the formats.
	Format float64 `json:"format"`
	// TargetGroups weighs the overlap of the target group sets.
	TargetGroups float64 `json:"target_groups"`
}

// Params tune the duplicate detection. Zero values select the defaults.
type Params struct {
	// Threshold is the probability from which a pair is reported as a duplicate, in (0, 1]
	// (DefaultThreshold when 0).
	Threshold float64 `json:"threshold"`
	// Order is the order of Result.Pairs: clusters (the default, also "") or uncertain.
	Order string `json:"order,omitempty"`
	// Model is built_in to use the built-in model even in regions with verdicts; "" or
	// fitted refits it with each region's verdicts (see Find).
	Model string `json:"model,omitempty"`
	// MaxBlock caps the measures of one block (municipality × field) that are compared pair
	// by pair, so that a directory with thousands of entries in one cell cannot make the
	// analysis quadratic (DefaultMaxBlock when 0). A larger block is compared by the
	// sorted-neighbourhood method instead: its measures are ordered by their most distinctive
	// term (the one with the highest TF-IDF weight) and then by start, and each is compared
	// with the MaxBlock − 1 measures that follow it, so the cost grows linearly with the
	// block. Pairs further apart in that order are not compared; Result.Capped names
	// the blocks where this happened.
	MaxBlock int `json:"max_block"`
	// ClustersOnly leaves the pairs undescribed: Pairs, Reviewed, Uncertain and each
	// cluster's Pairs stay empty while clusters, counts and kinds are complete. Describing
	// the pairs (features, parts, shared terms, highlights, explanations) is most of the
	// work; a monitoring run needs only the clusters.
	ClustersOnly bool `json:"clusters_only,omitempty"`
	// Today is the day against which the due dates of coordinations are read (Pair.Overdue);
	// empty, no pair is overdue. The analysis reads no clock.
	Today graph.Date `json:"today,omitempty"`
}

// Validate reports parameters out of range as a *graph.Error with code EINVALID naming the
// field, as Find does.
func (p Params) Validate() error {
	_, err := p.resolve()
	return err
}

// dupParams are Params with the defaults filled in, and the hooks of the tests.
type dupParams struct {
	threshold    float64
	order        string
	builtIn      bool
	maxBlock     int
	clustersOnly bool
	today        graph.Date
	noPrune      bool      // verify every candidate
	model        *Logistic // replaces the built-in model
	// collect, when set, is called with the features of every pair that passes the bound.
	collect func(r *dupRun, a, c int32, x *features)
}

func invalidDup(field, msg string) error {
	return &graph.Error{Code: graph.EINVALID, Message: "invalid duplicate parameters",
		Fields: []graph.FieldError{{Field: field, Message: msg}}}
}

// resolve checks p and fills in the defaults.
func (p Params) resolve() (dupParams, error) {
	r := dupParams{threshold: p.Threshold, order: p.Order, maxBlock: p.MaxBlock, clustersOnly: p.ClustersOnly, today: p.Today}
	if _, ok := r.today.Time(); r.today != "" && !ok {
		return r, invalidDup("today", "must be a date, YYYY-MM-DD")
	}
	if r.threshold == 0 {
		r.threshold = DefaultThreshold
	}
	if math.IsNaN(r.threshold) || r.threshold <= 0 || r.threshold > 1 {
		return r, invalidDup("threshold", "must be greater than 0 and at most 1")
	}
	switch r.order {
	case "":
		r.order = OrderClusters
	case OrderClusters, OrderUncertain:
	default:
		return r, invalidDup("order", "must be "+OrderClusters+" or "+OrderUncertain)
	}
	switch p.Model {
	case "", ModelFitted:
	case ModelBuiltIn:
		r.builtIn = true
	default:
		return r, invalidDup("model", "must be "+ModelBuiltIn+" or "+ModelFitted)
	}
	if r.maxBlock == 0 {
		r.maxBlock = DefaultMaxBlock
	}
	if r.maxBlock < 2 || r.maxBlock > MaxMaxBlock {
		return r, invalidDup("max_block", "must be between 2 and 5000")
	}
	return r, nil
}

// floors are the lowest probabilities of a pair that matter, tried in turn: the threshold, or
// below it the lowest a pair of Result.Uncertain may have at first, then lower ones while the
// review queue is not full (see dupIndex.run); the last, 0, scores every blocked pair.
func (p dupParams) floors() []float64 {
	switch {
	case p.collect != nil:
		return []float64{0} // every pair once
	case p.clustersOnly:
		return []float64{p.threshold}
	}
	out := []float64{min(p.threshold, uncertainFloor)}
	for _, f := range []float64{0.05, 0.01, 0.001, 0} {
		if f < out[0] {
			out = append(out, f)
		}
	}
	return out
}

// formula renders the model with its weights.
func formula(m Logistic, threshold float64) string {
	var b strings.Builder
	b.WriteString("p = σ(b + Σ wᵢ·xᵢ) with b = ")
	b.WriteString(strconv.FormatFloat(m.Bias, 'f', 3, 64))
	for i, w := range m.Weights {
		b.WriteString(", ")
		b.WriteString(FeatureNames[i])
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(w, 'f', 3, 64))
	}
	b.WriteString("; every feature xᵢ in [0, 1]; reported when p ≥ ")
	b.WriteString(strconv.FormatFloat(threshold, 'f', 2, 64))
	return b.String()
}
