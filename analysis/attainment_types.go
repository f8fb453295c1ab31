package analysis

// The result types of the attainment analysis (Integrationsmonitoring): how far each
// indicator has come from its baseline toward its target, rolled up per goal, field of action
// and concept. The computation is in attainment.go; this file is the shape the API, the
// reports and the web app rely on.

// Attainment classes, from best to worst; no_data when nothing can be judged.
const (
	ClassAchieved = "achieved"
	ClassOnTrack  = "on_track"
	ClassAtRisk   = "at_risk"
	ClassOffTrack = "off_track"
	ClassNoData   = "no_data"
)

// AttainmentClasses lists the classes from best to worst, no_data last.
var AttainmentClasses = []string{ClassAchieved, ClassOnTrack, ClassAtRisk, ClassOffTrack, ClassNoData}

// AttainmentParams configure the analysis.
type AttainmentParams struct {
	// Year is the year the analysis looks from: values of later years are ignored. 0 means
	// the latest year with a value in the region.
	Year int `json:"year"`
	// Lang is the language of the explanations ("de" or "en"; German when empty).
	Lang string `json:"lang"`
}

// Point is one value of a series.
type Point struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
}

// Trend is the least-squares line through a series: value = Intercept + Slope·year.
type Trend struct {
	// Slope is the change per year, in the indicator's unit.
	Slope float64 `json:"slope"`
	// Intercept is the line's value at year 0 (with Slope it gives the value of any year).
	Intercept float64 `json:"intercept"`
	// Points is the number of values the line was fitted to (at least 2).
	Points int `json:"points"`
	// From and To are the first and last year of those values.
	From int `json:"from"`
	To   int `json:"to"`
}

// Judgement is the assessment of one series against the indicator's target.
type Judgement struct {
	// Class is achieved, on_track, at_risk, off_track or no_data.
	Class string `json:"class"`
	// Reason is a code saying why (see the attainment.reason.* messages), e.g.
	// "target_met", "projection_meets_target", "trend_too_slow", "trend_wrong_way",
	// "target_year_passed", "single_value", "no_values", "no_target".
	Reason string `json:"reason"`
	// Latest is the latest value up to the analysis year (nil when there is none).
	Latest *Point `json:"latest,omitempty"`
	// Start is the value progress is measured from: the baseline, or else the series' first
	// value (nil when there is neither).
	Start *Point `json:"start,omitempty"`
	// Share is the share of the way from Start to the target reached by Latest (1 = target
	// reached; may be negative or above 1); nil for ranges and when it cannot be computed.
	Share *float64 `json:"share,omitempty"`
	// Trend is the least-squares line through the series (the baseline included when its
	// year has no value of its own); nil with fewer than two points.
	Trend *Trend `json:"trend,omitempty"`
	// Projected is the trend's value in the target year (nil without trend or target year).
	Projected *float64 `json:"projected,omitempty"`
	// ReachYear is the year in which the trend reaches the target (nil when it never does,
	// when the target is already met, or without trend); fractional years are rounded up.
	ReachYear *int `json:"reach_year,omitempty"`
	// Explanation says all of this in one or two sentences in the requested language, e.g.
	// "Kita-Besuchsquote 2024: 31 % von 35 % Ziel; der Trend von +1,5 Punkten pro Jahr
	// erreicht das Ziel 2026, zwei Jahre nach dem Zieljahr."
	Explanation string `json:"explanation"`
}

// IndicatorAttainment is the assessment of one indicator.
type IndicatorAttainment struct {
	Indicator string `json:"indicator"`
	Name      string `json:"name"`
	Unit      string `json:"unit,omitempty"`
	Source    string `json:"source,omitempty"`
	// Direction is higher, lower or range ("" when the indicator has no target).
	Direction string `json:"direction,omitempty"`
	// Baseline is the baseline value and year (nil when the indicator has none).
	Baseline *Point `json:"baseline,omitempty"`
	// Target, TargetUpper (ranges) and TargetYear copy the indicator's target.
	Target      *float64 `json:"target,omitempty"`
	TargetUpper *float64 `json:"target_upper,omitempty"`
	TargetYear  int      `json:"target_year,omitempty"`
	// Series are the region's own values up to the analysis year, by year. When the
	// indicator has values per municipality only, the series is empty and the judgement is
	// rolled up from the municipalities.
	Series []Point `json:"series"`
	// Judgement is the assessment of the region's series (or the municipalities' roll-up).
	Judgement
	// Municipalities are the assessments per municipality, by AGS (empty when the indicator
	// has no values per municipality).
	Municipalities []MunicipalAttainment `json:"municipalities,omitempty"`
	// Goals are the ids of the goals the indicator measures (MEASURED_BY).
	Goals []string `json:"goals"`
}

// MunicipalAttainment is the assessment of one municipality's series of an indicator.
type MunicipalAttainment struct {
	Municipality string  `json:"municipality"`
	Name         string  `json:"name"`
	Series       []Point `json:"series"`
	Judgement
}

// MeasureCounts counts measures by status.
type MeasureCounts struct {
	Planned   int `json:"planned"`
	Active    int `json:"active"`
	Paused    int `json:"paused"`
	Completed int `json:"completed"`
}

// GoalAttainment is the assessment of one goal: its indicators and its sub-goals, and the
// status of the measures that pursue it.
type GoalAttainment struct {
	Goal      string `json:"goal"`
	Text      string `json:"text"`
	Reference string `json:"reference,omitempty"`
	Level     string `json:"level,omitempty"`
	Priority  string `json:"priority,omitempty"`
	Concept   string `json:"concept,omitempty"`
	Guideline string `json:"guideline,omitempty"`
	Parent    string `json:"parent,omitempty"`
	Due       string `json:"due,omitempty"`
	// Fields are the goal's fields of action (its own IN_FIELD, else its parent's).
	Fields []string `json:"fields"`
	// Indicators are the ids of its indicators, Children of its direct sub-goals, Measures
	// of the measures that pursue it.
	Indicators []string `json:"indicators"`
	Children   []string `json:"children"`
	Measures   []string `json:"measures"`
	// MeasureStatus counts its measures by status.
	MeasureStatus MeasureCounts `json:"measure_status"`
	// Class rolls up the indicators' and sub-goals' classes, or, without any with data, the
	// status of the measures.
	Class string `json:"class"`
	// Counts counts the classes the roll-up saw (indicators and sub-goals).
	Counts map[string]int `json:"counts"`
	// Explanation says how the class came about.
	Explanation string `json:"explanation"`
}

// GroupAttainment rolls up the goals of a field of action or of a concept.
type GroupAttainment struct {
	// ID is the field's or concept's id ("" for goals outside any concept).
	ID   string `json:"id"`
	Name string `json:"name"`
	// Goals are the ids of the goals rolled up (a field: the goals in it; a concept: its
	// top-level goals).
	Goals       []string       `json:"goals"`
	Class       string         `json:"class"`
	Counts      map[string]int `json:"counts"`
	Explanation string         `json:"explanation"`
}

// GuidelineInfo names a guideline for the concept tree.
type GuidelineInfo struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Reference string   `json:"reference,omitempty"`
	Concept   string   `json:"concept"`
	Goals     []string `json:"goals"`
}

// AttainmentResult is the monitoring of one region in one year.
type AttainmentResult struct {
	Region string `json:"region"`
	// Year is the year the analysis looked from.
	Year int `json:"year"`
	// Concepts roll up each concept's top-level goals; a last entry with an empty ID holds
	// the goals outside any concept, when there are such.
	Concepts   []GroupAttainment     `json:"concepts"`
	Guidelines []GuidelineInfo       `json:"guidelines"`
	Fields     []GroupAttainment     `json:"fields"`
	Goals      []GoalAttainment      `json:"goals"`
	Indicators []IndicatorAttainment `json:"indicators"`
	// Counts counts the indicators by class.
	Counts map[string]int `json:"counts"`
}
