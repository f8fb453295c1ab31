package analysis

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Duplicate structures (Doppelstrukturen) beside duplicate offers: two bodies of the region
// that work on the same thing with largely the same people, a town's round table parallel to
// the county's, or a town's own integration concept covering what the county's goals cover.
// Each overlap is reported with what the two share and the reason in words; a reviewer's
// verdict (REVIEWED between the two networks or concepts) confirms or sets it aside, as for
// offers.

// Structure overlap kinds.
const (
	// OverlapParallelNetworks: two bodies of the same level (both county-wide or both in the
	// same town) on a shared field whose members overlap strongly.
	OverlapParallelNetworks = "parallel_networks"
	// OverlapCountyAndTown: a town's body and a county-wide one on a shared field, the town
	// inside the county body's area, with shared members or a similar purpose.
	OverlapCountyAndTown = "county_and_town"
	// OverlapTownConcept: a town's own concept in fields of action the county's goals work on.
	OverlapTownConcept = "town_concept"
)

// Defaults of StructureParams.
const (
	DefaultStructureJaccard   = 0.5
	DefaultStructureMinShared = 3
	DefaultStructurePurpose   = 0.5
)

// StructureParams configure FindStructures. Zero values take the defaults.
type StructureParams struct {
	// MinJaccard is the Jaccard index of member organisations from which two bodies of the
	// same level overlap (default 0.5).
	MinJaccard float64 `json:"min_jaccard"`
	// MinShared is the number of shared member organisations that parallel bodies need at
	// least (default 3), so that two small bodies sharing one member do not count.
	MinShared int `json:"min_shared"`
	// MinPurpose is the similarity of name and description (cosine of their German terms,
	// weighted by how rare each term is among the region's networks, so that "Integration"
	// or "Runder Tisch" count little and a town's name much) from which bodies with fewer
	// shared members overlap (default 0.5).
	MinPurpose float64 `json:"min_purpose"`
	// Lang is the language of the explanations (de or en).
	Lang string `json:"lang"`
}

// StructureSide is one of the two structures of an overlap.
type StructureSide struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is the network's kind (steering_group, round_table, …) or "concept".
	Kind string `json:"kind"`
	// Level is county or municipal; Municipality names the town of a municipal body or concept.
	Level        string `json:"level"`
	Municipality string `json:"municipality,omitempty"`
	// Members counts a network's member organisations.
	Members int `json:"members"`
}

// StructureOverlap is a pair of structures that may duplicate each other.
type StructureOverlap struct {
	Kind string        `json:"kind"`
	A    StructureSide `json:"a"`
	B    StructureSide `json:"b"`
	// Score orders the overlaps (0–1): the member overlap, or for concepts the share of the
	// town concept's fields that the county's goals cover.
	Score float64 `json:"score"`
	// Jaccard is the member organisations' Jaccard index, Purpose the similarity of name and
	// description (0–1).
	Jaccard float64 `json:"jaccard"`
	Purpose float64 `json:"purpose"`
	// SharedMembers, Fields and Municipalities are what the two share (names).
	SharedMembers  []Named `json:"shared_members"`
	Fields         []Named `json:"fields"`
	Municipalities []Named `json:"municipalities"`
	// Goals are the county goals a town concept's fields meet (town_concept only).
	Goals []Named `json:"goals,omitempty"`
	// Verdict is a reviewer's verdict on the pair, when there is one, with who gave it, when
	// and the note.
	Verdict     string    `json:"verdict,omitempty"`
	VerdictBy   string    `json:"verdict_by,omitempty"`
	VerdictAt   time.Time `json:"verdict_at,omitzero"`
	VerdictNote string    `json:"verdict_note,omitempty"`
	// Explanation says why the pair is reported.
	Explanation string `json:"explanation"`
}

// Structures is the answer of FindStructures.
type Structures struct {
	Region string          `json:"region"`
	Params StructureParams `json:"params"`
	// Networks and Concepts count what was compared.
	Networks int `json:"networks"`
	Concepts int `json:"concepts"`
	// Overlaps are the open overlaps (no verdict, or confirmed as duplicate), highest score
	// first; Reviewed those a reviewer set aside (intended or not_duplicate).
	Overlaps []StructureOverlap `json:"overlaps"`
	Reviewed []StructureOverlap `json:"reviewed"`
}

// structNet is a network as the comparison sees it.
type structNet struct {
	n       *graph.Network
	members []string // organisation ids, sorted
	fields  []string
	munis   []string // the towns it covers; nil for a county-wide body without COVERS
	terms   map[string]float64
}

// FindStructures finds overlapping structures in one region's snapshot:
//
//   - parallel_networks: two bodies of the same kind and level (both county-wide, or both in a
//     shared town) with a shared field of action, and either at least MinShared shared member
//     organisations with a member Jaccard index of at least MinJaccard, or at least two
//     shared members, a Jaccard index of at least MinJaccard/2 and a purpose similarity of
//     at least MinPurpose;
//   - county_and_town: a municipal body and a county-wide body of the same kind (whose area
//     includes the town) with a shared field, where either at least MinShared of the town
//     body's members — and at least half of them — also sit in the county body, or at least
//     two do, the Jaccard index is at least MinJaccard/2 and the purposes are alike
//     (≥ MinPurpose);
//   - town_concept: a town's own concept (a Concept with a municipality) whose fields of action
//     the county's goals also work on.
//
// A reviewer's verdict on the pair (REVIEWED) moves it to Reviewed when it says intended or
// not_duplicate; duplicate keeps it open, confirmed.
func FindStructures(s *graph.Snapshot, p StructureParams) (*Structures, error) {
	if p.MinJaccard < 0 || p.MinJaccard > 1 || math.IsNaN(p.MinJaccard) {
		return nil, invalidStructure("min_jaccard", "must be between 0 and 1")
	}
	if p.MinPurpose < 0 || p.MinPurpose > 1 || math.IsNaN(p.MinPurpose) {
		return nil, invalidStructure("min_purpose", "must be between 0 and 1")
	}
	if p.MinShared < 0 || p.MinShared > 1000 {
		return nil, invalidStructure("min_shared", "must be between 1 and 1000")
	}
	p.MinJaccard = cmp.Or(p.MinJaccard, DefaultStructureJaccard)
	p.MinShared = cmp.Or(p.MinShared, DefaultStructureMinShared)
	p.MinPurpose = cmp.Or(p.MinPurpose, DefaultStructurePurpose)
	if p.Lang != "en" {
		p.Lang = "de"
	}
	pr := msg.For(msg.Lang(p.Lang))
	out := &Structures{Region: s.Region, Params: p, Networks: len(s.Networks), Overlaps: []StructureOverlap{}, Reviewed: []StructureOverlap{}}

	names := map[string]string{}
	for _, o := range s.Organisations {
		names[o.ID] = o.Name
	}
	for _, f := range s.Fields {
		names[f.ID] = f.Name
	}
	for _, m := range s.Municipalities {
		names[m.ID] = m.Name
	}
	nets := map[string]*structNet{}
	df := map[string]float64{}
	for _, n := range s.Networks {
		sn := &structNet{n: n, terms: termVector(n.Name + " " + n.Description)}
		nets[n.ID] = sn
		for t := range sn.terms {
			df[t]++
		}
	}
	for _, sn := range nets { // tf·idf: what all bodies say tells nothing about one
		for t, tf := range sn.terms {
			sn.terms[t] = tf * math.Log(float64(len(s.Networks))/df[t])
		}
	}
	conceptFields := map[string][]string{}
	goalFields := map[string][]string{}
	isConcept, isGoal := map[string]bool{}, map[string]bool{}
	for _, c := range s.Concepts {
		isConcept[c.ID] = true
	}
	for _, g := range s.Goals {
		isGoal[g.ID] = true
	}
	verdicts := map[[2]string]graph.RelProps{}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.MemberOf:
			if sn := nets[r.To]; sn != nil && names[r.From] != "" {
				sn.members = append(sn.members, r.From)
			}
		case graph.WorksOn:
			if sn := nets[r.From]; sn != nil {
				sn.fields = append(sn.fields, r.To)
			}
		case graph.Covers:
			if sn := nets[r.From]; sn != nil {
				sn.munis = append(sn.munis, r.To)
			}
		case graph.InField:
			switch {
			case isConcept[r.From]:
				conceptFields[r.From] = append(conceptFields[r.From], r.To)
			case isGoal[r.From]:
				goalFields[r.From] = append(goalFields[r.From], r.To)
			}
		case graph.Reviewed:
			verdicts[[2]string{r.From, r.To}] = r.Props
		}
	}
	list := make([]*structNet, 0, len(nets))
	for _, n := range s.Networks {
		sn := nets[n.ID]
		slices.Sort(sn.members)
		slices.Sort(sn.fields)
		slices.Sort(sn.munis)
		list = append(list, sn)
	}
	named := func(ids []string) []Named {
		out := make([]Named, 0, len(ids))
		for _, id := range ids {
			out = append(out, Named{ID: id, Name: names[id]})
		}
		slices.SortFunc(out, func(a, b Named) int { return cmp.Compare(a.Name, b.Name) })
		return out
	}
	side := func(sn *structNet) StructureSide {
		sd := StructureSide{ID: sn.n.ID, Name: sn.n.Name, Kind: sn.n.Kind, Level: sn.n.Level, Members: len(sn.members)}
		if sn.n.Level == "municipal" && len(sn.munis) == 1 {
			sd.Municipality = names[sn.munis[0]]
		}
		return sd
	}
	add := func(o StructureOverlap, a, b string) {
		v := verdicts[[2]string{min(a, b), max(a, b)}]
		o.Verdict, o.VerdictBy, o.VerdictAt, o.VerdictNote = v.Verdict, v.By, v.At, v.Note
		if o.Verdict == "intended" || o.Verdict == "not_duplicate" {
			out.Reviewed = append(out.Reviewed, o)
			return
		}
		out.Overlaps = append(out.Overlaps, o)
	}

	for i, a := range list {
		for _, b := range list[i+1:] {
			fields := intersect(a.fields, b.fields)
			if len(fields) == 0 {
				continue
			}
			shared := intersect(a.members, b.members)
			j := 0.0
			if u := len(a.members) + len(b.members) - len(shared); u > 0 {
				j = float64(len(shared)) / float64(u)
			}
			purpose := cosine(a.terms, b.terms)
			county, town := a, b
			if a.n.Level == "municipal" {
				county, town = b, a
			}
			var kind string
			var munis []string
			if a.n.Kind != b.n.Kind {
				continue // a steering group and a round table have different tasks
			}
			alike := len(shared) >= 2 && j >= p.MinJaccard/2 && purpose >= p.MinPurpose
			switch {
			case a.n.Level == b.n.Level:
				munis = intersect(a.munis, b.munis)
				if a.n.Level == "municipal" && len(munis) == 0 {
					continue // bodies of different towns
				}
				if !(len(shared) >= p.MinShared && j >= p.MinJaccard) && !alike {
					continue
				}
				kind = OverlapParallelNetworks
			case county.n.Level == "county" && town.n.Level == "municipal":
				munis = town.munis
				if county.munis != nil {
					munis = intersect(county.munis, town.munis)
				}
				if len(munis) == 0 {
					continue // the town lies outside the county body's area
				}
				within := float64(len(shared)) / float64(max(1, len(town.members)))
				if !(len(shared) >= p.MinShared && within >= 0.5) && !alike {
					continue
				}
				kind = OverlapCountyAndTown
			default:
				continue
			}
			o := StructureOverlap{Kind: kind, A: side(a), B: side(b), Score: round3(j), Jaccard: round3(j), Purpose: round3(purpose),
				SharedMembers: named(shared), Fields: named(fields), Municipalities: named(munis)}
			if kind == OverlapCountyAndTown {
				o.A, o.B = side(county), side(town)
				o.Score = round3(max(j, purpose))
			}
			o.Explanation = explainStructure(pr, o)
			add(o, a.n.ID, b.n.ID)
		}
	}

	// Town concepts against the county's goals.
	var county []*graph.Concept
	for _, c := range s.Concepts {
		if c.Municipality == "" {
			county = append(county, c)
		}
	}
	for _, g := range s.Goals {
		names[g.ID] = strings.TrimSpace(g.Reference + " " + g.Text)
	}
	for _, c := range s.Concepts {
		if c.Municipality == "" {
			continue
		}
		out.Concepts++
		fields := slices.Sorted(slices.Values(conceptFields[c.ID]))
		for _, cc := range county {
			var goals []string
			met := map[string]bool{}
			for _, g := range s.Goals {
				if g.Concept != cc.ID {
					continue
				}
				hit := intersect(fields, slices.Sorted(slices.Values(goalFields[g.ID])))
				if len(hit) > 0 {
					goals = append(goals, g.ID)
					for _, f := range hit {
						met[f] = true
					}
				}
			}
			if len(goals) == 0 {
				continue
			}
			shared := slices.Sorted(func(yield func(string) bool) {
				for f := range met {
					if !yield(f) {
						return
					}
				}
			})
			o := StructureOverlap{Kind: OverlapTownConcept,
				A:     StructureSide{ID: c.ID, Name: c.Title, Kind: "concept", Level: "municipal", Municipality: names[c.Municipality]},
				B:     StructureSide{ID: cc.ID, Name: cc.Title, Kind: "concept", Level: "county"},
				Score: round3(float64(len(shared)) / float64(max(1, len(fields)))), Fields: named(shared),
				Municipalities: named([]string{c.Municipality}), Goals: named(goals), SharedMembers: []Named{}}
			o.Explanation = explainStructure(pr, o)
			add(o, c.ID, cc.ID)
		}
	}
	order := func(a, b StructureOverlap) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.A.Name, b.A.Name), cmp.Compare(a.B.Name, b.B.Name))
	}
	slices.SortStableFunc(out.Overlaps, order)
	slices.SortStableFunc(out.Reviewed, order)
	out.Concepts += len(county)
	return out, nil
}

// explainStructure words an overlap.
func explainStructure(pr msg.Printer, o StructureOverlap) string {
	list := func(ns []Named, most int) string {
		parts := make([]string, 0, min(len(ns), most))
		for i, n := range ns {
			if i == most {
				parts = append(parts, pr.T("structures.more", msg.Args{"n": len(ns) - most}))
				break
			}
			parts = append(parts, n.Name)
		}
		return strings.Join(parts, ", ")
	}
	args := msg.Args{"a": o.A.Name, "b": o.B.Name, "fields": list(o.Fields, 3), "shared": len(o.SharedMembers),
		"members": list(o.SharedMembers, 4), "jaccard": pr.Num(o.Jaccard*100, 0), "purpose": pr.Num(o.Purpose*100, 0),
		"towns": list(o.Municipalities, 3), "goals": list(o.Goals, 3), "ngoals": len(o.Goals), "town": o.A.Municipality}
	var parts []string
	switch o.Kind {
	case OverlapParallelNetworks:
		parts = append(parts, pr.T("structures.explain.parallel", args))
	case OverlapCountyAndTown:
		parts = append(parts, pr.T("structures.explain.county_town", args))
		if o.Purpose >= DefaultStructurePurpose {
			parts = append(parts, pr.T("structures.explain.purpose", args))
		}
	case OverlapTownConcept:
		parts = append(parts, pr.T("structures.explain.town_concept", args))
	}
	if o.Kind != OverlapTownConcept && len(o.SharedMembers) > 0 {
		parts = append(parts, pr.T("structures.explain.members", args))
	}
	parts = append(parts, pr.T("structures.suggest."+o.Kind, nil))
	return strings.Join(parts, " ")
}

func invalidStructure(field, message string) error {
	return &graph.Error{Code: graph.EINVALID, Message: "invalid structure parameters",
		Fields: []graph.FieldError{{Field: field, Message: message}}}
}

// intersect returns the common elements of two sorted lists.
func intersect(a, b []string) []string {
	out := []string{}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			if len(out) == 0 || out[len(out)-1] != a[i] {
				out = append(out, a[i])
			}
			i++
			j++
		}
	}
	return out
}

// termVector counts the German terms of a text (stemmed, stop words left out).
func termVector(s string) map[string]float64 {
	v := map[string]float64{}
	for _, t := range text.Terms(s) {
		v[t]++
	}
	return v
}

// cosine is the cosine of two term vectors.
func cosine(a, b map[string]float64) float64 {
	var dot, na, nb float64
	for t, x := range a {
		na += x * x
		dot += x * b[t]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
