package duplicates

import (
	"fmt"
	"math"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Defaults of Params.
const (
	// DefaultThreshold is the score from which a pair is reported.
	DefaultThreshold = 0.75
	// DefaultTextWeight is the share of the text in the score.
	DefaultTextWeight = 0.7
	// DefaultTextFull is the cosine from which texts count as fully agreeing.
	DefaultTextFull = 0.5
	// DefaultTitleWeight is how many times a title word counts.
	DefaultTitleWeight = 1
	// DefaultMaxBlock is the largest block compared pair by pair (see Params.MaxBlock).
	DefaultMaxBlock = 2000
)

// DefaultStructureWeights are the weights of the structural parts.
var DefaultStructureWeights = StructureWeights{Programme: 2, Languages: 1, Format: 1, TargetGroups: 1}

// StructureWeights weigh the structural parts in the structure score. A weight of 0 leaves
// the part out; weights need not sum to 1 (the score divides by their sum).
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
	// Threshold is the score from which a pair is reported, in (0, 1]
	// (DefaultThreshold when 0).
	Threshold float64 `json:"threshold"`
	// TextWeight is the share of the text in the score, in (0, 1]; the structure gets the rest
	// (DefaultTextWeight when 0).
	TextWeight float64 `json:"text_weight"`
	// TextFull is the cosine from which texts count as fully agreeing, in (0, 1]
	// (DefaultTextFull when 0).
	TextFull float64 `json:"text_full"`
	// TitleWeight is how many times a word of the title counts against one of the
	// description, in [1, 10] (DefaultTitleWeight when 0).
	TitleWeight float64 `json:"title_weight"`
	// Weights weigh the structural parts (DefaultStructureWeights when nil).
	Weights *StructureWeights `json:"weights,omitempty"`
	// MaxBlock caps the measures of one block (municipality × field) that are compared pair
	// by pair, so that a directory with thousands of entries in one cell cannot make the
	// analysis quadratic (DefaultMaxBlock when 0). A larger block is compared by the
	// sorted-neighbourhood method instead: its measures are ordered by their most distinctive
	// term (the one with the highest TF-IDF weight) and then by start, and each is compared
	// with the MaxBlock − 1 measures that follow it, so the cost grows linearly with the
	// block. Pairs further apart in that order are not compared; Result.Capped names
	// the blocks where this happened.
	MaxBlock int `json:"max_block"`
	// ClustersOnly leaves the pairs undescribed: Pairs, Reviewed and each cluster's Pairs
	// stay empty while clusters, counts and kinds are complete. Describing the pairs (parts,
	// shared terms, highlights, explanations) is most of the work; a monitoring run needs only
	// the clusters.
	ClustersOnly bool `json:"clusters_only,omitempty"`
}

// dupParams are Params with the defaults filled in.
type dupParams struct {
	threshold, textWeight, textFull, titleWeight float64
	w                                            StructureWeights
	maxBlock                                     int
	clustersOnly                                 bool
	noPrune                                      bool // for tests: verify every candidate's cosine
}

func invalidDup(field, msg string) error {
	return &graph.Error{Code: graph.EINVALID, Message: "invalid duplicate parameters",
		Fields: []graph.FieldError{{Field: field, Message: msg}}}
}

// resolve checks p and fills in the defaults.
func (p Params) resolve() (dupParams, error) {
	r := dupParams{threshold: p.Threshold, textWeight: p.TextWeight, textFull: p.TextFull,
		titleWeight: p.TitleWeight, w: DefaultStructureWeights, maxBlock: p.MaxBlock, clustersOnly: p.ClustersOnly}
	unit := func(field string, v *float64, def float64) error {
		if *v == 0 {
			*v = def
		}
		if math.IsNaN(*v) || *v <= 0 || *v > 1 {
			return invalidDup(field, "must be greater than 0 and at most 1")
		}
		return nil
	}
	if err := unit("threshold", &r.threshold, DefaultThreshold); err != nil {
		return r, err
	}
	if err := unit("text_weight", &r.textWeight, DefaultTextWeight); err != nil {
		return r, err
	}
	if err := unit("text_full", &r.textFull, DefaultTextFull); err != nil {
		return r, err
	}
	if r.titleWeight == 0 {
		r.titleWeight = DefaultTitleWeight
	}
	if math.IsNaN(r.titleWeight) || r.titleWeight < 1 || r.titleWeight > 10 {
		return r, invalidDup("title_weight", "must be between 1 and 10")
	}
	if p.Weights != nil {
		r.w = *p.Weights
		for _, c := range []struct {
			name string
			v    float64
		}{{"programme", r.w.Programme}, {"languages", r.w.Languages}, {"format", r.w.Format}, {"target_groups", r.w.TargetGroups}} {
			if math.IsNaN(c.v) || math.IsInf(c.v, 0) || c.v < 0 {
				return r, invalidDup("weights."+c.name, "must be a number of at least 0")
			}
		}
	}
	if r.maxBlock == 0 {
		r.maxBlock = DefaultMaxBlock
	}
	if r.maxBlock < 2 {
		return r, invalidDup("max_block", "must be at least 2")
	}
	return r, nil
}

// formula renders the score formula with the parameters.
func (p dupParams) formula() string {
	return fmt.Sprintf("score = %.2f · min(1, text / %.2f) + %.2f · structure; structure = (%g·programme + %g·languages + %g·format + %g·target_groups) / (sum of the weights of the known parts); reported when score ≥ %.2f",
		p.textWeight, p.textFull, 1-p.textWeight, p.w.Programme, p.w.Languages, p.w.Format, p.w.TargetGroups, p.threshold)
}
