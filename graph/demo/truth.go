package demo

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"
)

// GroundTruth lists the answers planted in the demo, for testing the analyses against data
// whose right answer is known. Everything listed here is true of the data (the package's
// tests check it against the nodes and relationships themselves), and the lists are
// complete: no other cell is a gap, no other pair of measures was made to look alike, no
// other organisation is isolated or an articulation point.
type GroundTruth struct {
	// ReferenceDate is the day statuses and time windows refer to (ReferenceDate).
	ReferenceDate string `json:"reference_date"`
	// Gaps are the (municipality, field) cells without an active measure.
	Gaps []Gap `json:"gaps"`
	// TargetGroupGaps are covered cells where no active measure addresses one group.
	TargetGroupGaps []TargetGroupGap `json:"target_group_gaps"`
	// Duplicates are pairs of measures in the same municipality and field, with a shared
	// target group and overlapping time, describing the same kind of offer.
	Duplicates []Duplicate `json:"duplicates"`
	// Negatives are pairs that look alike but are not duplicates.
	Negatives []NonDuplicate `json:"negatives"`
	// Networks lists, per region, the organisations planted as isolated and as articulation
	// points of the collaboration network (organisations linked by a shared network or a
	// cooperation).
	Networks []NetworkTruth `json:"networks"`
	// Attainment lists, per region, the attainment class planted into every indicator.
	Attainment []AttainmentTruth `json:"attainment"`
	// ProgressSince is the start of the year of progress the status notes cover (YearAgo).
	ProgressSince string `json:"progress_since"`
	// Progress lists the measures named in a concept whose status changed between
	// ProgressSince and ReferenceDate (see Dataset.AsOf).
	Progress []StatusChange `json:"progress"`
	// Structures lists the planted overlapping structures (Planted) and the decoys that must
	// not be reported (!Planted).
	Structures []StructureTruth `json:"structures"`
}

// StructureTruth is a planted pair of overlapping structures (two networks, or a town's
// concept and the county's), or a decoy pair that merely shares one member.
type StructureTruth struct {
	Region string `json:"region"`
	// Kind is parallel_networks, county_and_town or town_concept (the analysis's kinds).
	Kind string `json:"kind"`
	// A and B are the two ids, the smaller first.
	A string `json:"a"`
	B string `json:"b"`
	// Planted is true for an overlap that must be found, false for a decoy.
	Planted bool   `json:"planted"`
	Note    string `json:"note"`
}

// AttainmentTruth lists the attainment classes planted into a region's indicators.
type AttainmentTruth struct {
	Region string `json:"region"`
	// Year is the analysis year the classes hold for.
	Year int `json:"year"`
	// Classes maps every indicator of the region (its id) to its class — achieved,
	// on_track, at_risk, off_track or no_data — judged by its values for the whole region
	// (municipality "") and its baseline, by the rules of the attainment analysis.
	Classes map[string]string `json:"classes"`
}

// StatusChange is a measure whose status changed in the year of progress.
type StatusChange struct {
	Region    string `json:"region"`
	Measure   string `json:"measure"`
	Title     string `json:"title"`
	Reference string `json:"reference"`
	// Then is the status on ProgressSince, Now the status on ReferenceDate.
	Then string `json:"then"`
	Now  string `json:"now"`
	// On is the day of the change: the start of a measure that began, the end of one that
	// was completed.
	On string `json:"on"`
}

// Gap is a planted coverage gap.
type Gap struct {
	Region           string `json:"region"`
	Municipality     string `json:"municipality"`
	MunicipalityName string `json:"municipality_name"`
	Field            string `json:"field"`
	FieldName        string `json:"field_name"`
	// Reason is no_measure, only_planned, only_completed or only_paused: only active
	// measures count, so a cell with nothing but a planned offer is still a gap.
	Reason string `json:"reason"`
}

// TargetGroupGap is a planted gap for one target group in a covered cell.
type TargetGroupGap struct {
	Region           string `json:"region"`
	Municipality     string `json:"municipality"`
	MunicipalityName string `json:"municipality_name"`
	Field            string `json:"field"`
	FieldName        string `json:"field_name"`
	TargetGroup      string `json:"target_group"`
	TargetGroupName  string `json:"target_group_name"`
}

// Kinds of duplicates.
const (
	// DataDuplicate is the same offer entered twice by its provider (suggest a merge).
	DataDuplicate = "data_duplicate"
	// ParallelOffer is the same kind of offer by two providers (suggest coordination).
	ParallelOffer = "parallel_offer"
)

// Duplicate is a planted pair of duplicate measures (A < B). Pairs of one cluster (two or
// three entries of the same offer) share the Cluster label.
type Duplicate struct {
	A            string `json:"a"`
	B            string `json:"b"`
	Kind         string `json:"kind"`
	Cluster      string `json:"cluster"`
	Region       string `json:"region"`
	Municipality string `json:"municipality"`
	Field        string `json:"field"`
}

// NonDuplicate is a planted hard negative (A < B): a pair a good detector must not flag.
type NonDuplicate struct {
	A string `json:"a"`
	B string `json:"b"`
	// Reason is different_municipality, different_field, no_time_overlap (these never pass
	// blocking) or different_content (passes blocking, differs in content).
	Reason string `json:"reason"`
	Region string `json:"region"`
	Note   string `json:"note"`
}

// NetworkTruth lists a region's planted network findings.
type NetworkTruth struct {
	Region string `json:"region"`
	// Isolated organisations are in no network and cooperate with nobody.
	Isolated []OrgRef `json:"isolated"`
	// ArticulationPoints are organisations whose removal splits the collaboration network.
	ArticulationPoints []OrgRef `json:"articulation_points"`
	// Brokers are the organisations planted to bridge many groups (the integration office
	// and Caritas); each is among the three with the highest betweenness.
	Brokers []OrgRef `json:"brokers"`
}

// OrgRef names an organisation.
type OrgRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func (t *GroundTruth) add(o *GroundTruth) {
	t.Gaps = append(t.Gaps, o.Gaps...)
	t.TargetGroupGaps = append(t.TargetGroupGaps, o.TargetGroupGaps...)
	t.Duplicates = append(t.Duplicates, o.Duplicates...)
	t.Negatives = append(t.Negatives, o.Negatives...)
	t.Networks = append(t.Networks, o.Networks...)
	t.Attainment = append(t.Attainment, o.Attainment...)
	t.Progress = append(t.Progress, o.Progress...)
	t.Structures = append(t.Structures, o.Structures...)
}

// sort orders every list by region and then by its natural key, so the file is stable.
func (t *GroundTruth) sort() {
	slices.SortFunc(t.Gaps, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(a.Municipality, b.Municipality), cmp.Compare(a.FieldName, b.FieldName))
	})
	slices.SortFunc(t.TargetGroupGaps, func(a, b TargetGroupGap) int {
		return cmp.Or(cmp.Compare(a.Municipality, b.Municipality), cmp.Compare(a.FieldName, b.FieldName), cmp.Compare(a.TargetGroupName, b.TargetGroupName))
	})
	slices.SortFunc(t.Duplicates, func(a, b Duplicate) int {
		return cmp.Or(cmp.Compare(a.Cluster, b.Cluster), cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	})
	slices.SortFunc(t.Negatives, func(a, b NonDuplicate) int {
		return cmp.Or(cmp.Compare(a.Region, b.Region), cmp.Compare(a.Reason, b.Reason), cmp.Compare(a.A, b.A))
	})
	slices.SortFunc(t.Networks, func(a, b NetworkTruth) int { return cmp.Compare(a.Region, b.Region) })
	slices.SortFunc(t.Attainment, func(a, b AttainmentTruth) int { return cmp.Compare(a.Region, b.Region) })
	slices.SortFunc(t.Progress, func(a, b StatusChange) int {
		return cmp.Or(cmp.Compare(a.Region, b.Region), cmp.Compare(a.On, b.On), cmp.Compare(a.Measure, b.Measure))
	})
}

// WriteGroundTruth writes t as indented JSON with a final newline. The output depends only on
// t, so a file written from the same data is byte-identical.
func WriteGroundTruth(w io.Writer, t GroundTruth) error {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// gapTruth lists the county's planted gaps with names.
func (b *builder) gapTruth() ([]Gap, []TargetGroupGap) {
	var gaps []Gap
	for _, g := range b.c.gaps {
		p, f := b.town(g.town), b.fields[b.field(g.field)]
		gaps = append(gaps, Gap{Region: b.c.key, Municipality: p.AGS, MunicipalityName: p.Name,
			Field: f.id, FieldName: f.spec.name, Reason: g.reason})
	}
	var groups []TargetGroupGap
	for _, g := range b.c.groupGaps {
		p, f := b.town(g.town), b.fields[b.field(g.field)]
		name := ""
		for _, tg := range targetGroups {
			if tg.key == g.group {
				name = tg.name
			}
		}
		groups = append(groups, TargetGroupGap{Region: b.c.key, Municipality: p.AGS, MunicipalityName: p.Name,
			Field: f.id, FieldName: f.spec.name, TargetGroup: groupID(g.group), TargetGroupName: name})
	}
	return gaps, groups
}
