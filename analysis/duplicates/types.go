package duplicates

import (
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Kinds of duplicate pairs and clusters.
const (
	// KindData is the same offer entered twice by its provider.
	KindData = "data_duplicate"
	// KindParallel is the same kind of offer by different providers.
	KindParallel = "parallel_offer"
	// KindMixed is a cluster holding both kinds.
	KindMixed = "mixed"
)

// Suggestions for duplicate pairs and clusters.
const (
	// SuggestMerge: merge the entries into one.
	SuggestMerge = "merge"
	// SuggestCoordinate: the providers should coordinate their offers.
	SuggestCoordinate = "coordinate"
	// SuggestMergeAndCoordinate: merge each provider's entries, then coordinate (mixed clusters).
	SuggestMergeAndCoordinate = "merge_and_coordinate"
)

// Reviewer verdicts (graph.Verdicts).
const (
	// VerdictDuplicate confirms a pair: it is always reported.
	VerdictDuplicate = "duplicate"
	// VerdictIntended marks offers that complement each other on purpose: suppressed.
	VerdictIntended = "intended"
	// VerdictNotDuplicate rejects a pair: suppressed.
	VerdictNotDuplicate = "not_duplicate"
	// VerdictCoordinating says the providers were asked to coordinate by a due date: the
	// pair stays reported ("in Abstimmung bis …") but teaches the model nothing, as it says
	// nothing yet about whether the two are the same offer.
	VerdictCoordinating = graph.VerdictCoordinating
)

// Names of the parts of a pair (Part.Name).
const (
	PartProgramme    = "programme"     // the same programme
	PartLanguages    = "languages"     // overlap of the languages
	PartFormat       = "format"        // in person, online, hybrid
	PartTargetGroups = "target_groups" // overlap of the target groups
	PartProvider     = "provider"      // a shared provider (decides the kind; weight 0)
	PartTime         = "time"          // overlapping runs (a blocking rule; weight 0)
)

// Part is one structural part of a pair's comparison.
type Part struct {
	// Name is programme, languages, format, target_groups, provider or time.
	Name string `json:"name"`
	// Value is the agreement, from 0 (none) to 1 (full).
	Value float64 `json:"value"`
	// Weight is the part's weight in Structure: 0 for an unknown part and for the parts that
	// are only reported (provider, time).
	Weight float64 `json:"weight"`
	// A and B render the values of the two measures.
	A string `json:"a"`
	B string `json:"b"`
	// Note says in words how the value came about, in German and English (the message
	// catalogue's duplicates.part.*).
	Note Why `json:"note"`
}

// Feature is one feature of a pair, with its part in the model's sum.
type Feature struct {
	// Name is one of FeatureNames.
	Name string `json:"name"`
	// Value is the feature, in [0, 1].
	Value float64 `json:"value"`
	// Weight is the model's weight of the feature.
	Weight float64 `json:"weight"`
	// Contribution is Weight · Value, the feature's part of the logit.
	Contribution float64 `json:"contribution"`
}

// Why says in words why a pair was detected, in German and English (msg catalogue,
// duplicates.json).
type Why struct {
	DE string `json:"de"`
	EN string `json:"en"`
}

// Pair is a pair of measures that look like the same offer.
type Pair struct {
	// A and B are the measure ids, A < B.
	A string `json:"a"`
	B string `json:"b"`
	// TitleA and TitleB are their titles.
	TitleA string `json:"title_a"`
	TitleB string `json:"title_b"`
	// Score is the model's probability that the two are the same offer, σ(b + Σ wᵢ·xᵢ)
	// (see Find).
	Score float64 `json:"score"`
	// Uncertainty is 1 − |2·Score − 1|: 1 when the model cannot tell, 0 when it is sure.
	Uncertainty float64 `json:"uncertainty"`
	// Features are the pair's features with their weights and contributions, in the order of
	// FeatureNames; the bias (Result.Model) plus the contributions is the logit of Score.
	Features []Feature `json:"features"`
	// Text is the TF-IDF cosine of the two texts (stems of title and description together),
	// shown beside the shared terms.
	Text float64 `json:"text"`
	// Structure is the weighted mean of the known structural parts (DefaultStructureWeights),
	// shown beside the parts; the model weighs the parts as features.
	Structure float64 `json:"structure"`
	// Parts lists every structural part with its value and weight in Structure.
	Parts []Part `json:"parts"`
	// Kind is data_duplicate (a shared provider) or parallel_offer.
	Kind string `json:"kind"`
	// Suggestion is merge (data duplicate) or coordinate (parallel offer).
	Suggestion string `json:"suggestion"`
	// SharedTerms are the analysed terms (folded Snowball stems, e.g. "sprachcaf") both texts
	// contain, the largest contribution to the cosine first.
	SharedTerms []string `json:"shared_terms"`
	// HighlightsA and HighlightsB give, per field (title, description), the byte ranges of
	// the words whose terms are shared, for showing both texts side by side.
	HighlightsA []graph.FieldMatch `json:"highlights_a"`
	HighlightsB []graph.FieldMatch `json:"highlights_b"`
	// Municipalities, Fields and TargetGroups are the ids the two measures share (the
	// blocking keys). They may be empty for a pair confirmed by a reviewer.
	Municipalities []string `json:"municipalities"`
	Fields         []string `json:"fields"`
	TargetGroups   []string `json:"target_groups"`
	// Verdict is a reviewer's verdict on the pair, when one exists; VerdictBy, VerdictAt and
	// VerdictNote are the REVIEWED relation's other properties.
	Verdict     string    `json:"verdict,omitempty"`
	VerdictBy   string    `json:"verdict_by,omitempty"`
	VerdictAt   time.Time `json:"verdict_at,omitzero"`
	VerdictNote string    `json:"verdict_note,omitempty"`
	// Due is the day by which a coordination (verdict coordinating) is to be settled, and
	// Overdue says that Params.Today is after it.
	Due     graph.Date `json:"due,omitempty"`
	Overdue bool       `json:"overdue,omitempty"`
	// Why says in a few words, in German and English, why the pair was detected: the
	// features that speak for and against it, shared words and synonyms, the probability.
	Why Why `json:"why"`
	// Advice says what to do, in German and English: merge a data duplicate, coordinate a
	// parallel offer.
	Advice Why `json:"advice"`
	// Explanation is Why.EN, a space and Advice.EN (English). The model's sum is Features
	// with Result.Model's bias.
	Explanation string `json:"explanation"`
}

// Cluster is a connected component of reported pairs.
type Cluster struct {
	// ID is "dup-" followed by the smallest measure id of the cluster.
	ID string `json:"id"`
	// Measures are the members' ids, ascending.
	Measures []string `json:"measures"`
	// Pairs are the cluster's reported pairs (see Result.Pairs), the highest score first;
	// the slice shares its elements with Result.Pairs.
	Pairs []Pair `json:"pairs"`
	// Links counts the pairs of members at or above the threshold or confirmed.
	Links int `json:"links"`
	// Kind is data_duplicate when one provider provides every member, parallel_offer when no
	// provider provides two members, mixed otherwise.
	Kind string `json:"kind"`
	// Suggestion is merge, coordinate or merge_and_coordinate (for mixed clusters).
	Suggestion string `json:"suggestion"`
	// Score is the highest score of its pairs.
	Score float64 `json:"score"`
	// Why says in words what the cluster is and what to do, in German and English (the
	// message catalogue's duplicates.cluster.*).
	Why Why `json:"why"`
	// Explanation is Why.EN.
	Explanation string `json:"explanation"`
}

// CappedBlock is a block too large to compare pair by pair (see Params.MaxBlock).
type CappedBlock struct {
	// Municipality and Field are the block's keys.
	Municipality string `json:"municipality"`
	Field        string `json:"field"`
	// Measures is the block's size.
	Measures int `json:"measures"`
}

// Model describes the model a region's pairs were scored with.
type Model struct {
	// Region is the region's key.
	Region string `json:"region"`
	// Source is built_in (fitted on the built-in labelled pairs) or fitted (refitted with the
	// region's verdicts).
	Source string `json:"source"`
	// Bias and Weights (by feature name) are the model's b and wᵢ.
	Bias    float64            `json:"bias"`
	Weights map[string]float64 `json:"weights"`
	// Verdicts counts the region's verdicts in the fit, each weighing VerdictWeight built-in
	// pairs; Pairs counts the labelled pairs, built-in ones included.
	Verdicts      int     `json:"verdicts"`
	VerdictWeight float64 `json:"verdict_weight,omitempty"`
	Pairs         int     `json:"pairs"`
}

// Steps counts the blocked pairs that each step of the candidate bound kept (see
// dupRun.scoreBlock), in the last scoring of each region.
type Steps struct {
	// Indexed pairs share an entry of some text representation outside the prefixes: one
	// of their cosines can reach the limit the bound sets.
	Indexed int `json:"indexed"`
	// Bounded pairs have an upper bound of the logit (exact structure, accumulated cosines)
	// that reaches the lowest probability that matters.
	Bounded int `json:"bounded"`
	// Scored pairs had every feature computed: the bound held after each cosine.
	Scored int `json:"scored"`
	// Kept pairs reach the lowest probability that matters (or carry a verdict): the pairs
	// the clusters, the reviewed list and the review queue are made of.
	Kept int `json:"kept"`
}

// Result is the result of Find.
type Result struct {
	// Region is the snapshot's region ("" for all regions).
	Region string `json:"region"`
	// Threshold is the probability from which a pair is reported; Order the order of Pairs.
	Threshold float64 `json:"threshold"`
	Order     string  `json:"order"`
	// Formula is the model with its weights (of Model).
	Formula string `json:"formula"`
	// Model is the model of the snapshot's region (of the first region when it holds
	// several); Models lists every region's.
	Model  Model   `json:"model"`
	Models []Model `json:"models"`
	// Measures counts the measures examined.
	Measures int `json:"measures"`
	// Candidates counts the pairs that passed blocking; Steps how many of them each step of
	// the candidate bound kept (see Find: the rest cannot reach the probability that
	// matters).
	Candidates int   `json:"candidates"`
	Steps      Steps `json:"steps"`
	// AboveThreshold counts the pairs at or above the threshold that no verdict suppresses.
	// Every one of them lies within a cluster.
	AboveThreshold int `json:"above_threshold"`
	// Pairs are the reported pairs: for each cluster, the pairs of its maximum spanning tree
	// (the strongest pairs that connect its measures, one fewer than its measures), plus
	// every pair a reviewer confirmed. A cluster of k entries of one offer has up to
	// k(k−1)/2 pairs above the threshold; the tree shows why the k belong together without
	// listing each of them (Cluster.Links counts them all). With the order clusters they
	// are grouped by cluster, in the order of Clusters, each cluster's highest score first,
	// and each cluster's Pairs is its part of this list; with the order uncertain the
	// unreviewed pairs closest to p = ½ come first.
	Pairs []Pair `json:"pairs"`
	// Clusters are the connected components of the pairs at or above the threshold and the
	// confirmed pairs, the highest score first, then by id.
	Clusters []Cluster `json:"clusters"`
	// Reviewed lists the pairs that reviewers set aside (intended or not_duplicate) and that
	// pass blocking, whatever their probability now.
	Reviewed []Pair `json:"reviewed"`
	// Uncertain lists the unreviewed pairs the model is least sure about, closest to p = ½
	// first, at most MaxUncertain, above the threshold or below it (those are not reported
	// as duplicates): a verdict on them teaches the model the most.
	Uncertain []Pair `json:"uncertain"`
	// Capped lists the blocks larger than MaxBlock.
	Capped []CappedBlock `json:"capped"`
}
