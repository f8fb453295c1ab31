package analysis

import (
	"cmp"
	"slices"

	"gonum.org/v1/gonum/stat"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Demand populations a coverage density can be measured against.
const (
	DemandForeign           = "foreign"            // inhabitants without German citizenship (default)
	DemandPopulation        = "population"         // all inhabitants
	DemandProtectionSeekers = "protection_seekers" // people seeking or granted protection
)

// Coverage classes of a cell.
const (
	ClassGap     = "gap"     // no active offer
	ClassThin    = "thin"    // offers, but a density far below the region's usual
	ClassCovered = "covered" // offers at or above the threshold
)

// DefaultThinFactor: a cell is thin when its density is below this share of the median
// density of the same field across the region's municipalities that have offers.
const DefaultThinFactor = 0.25

// CoverageParams select what coverage is computed for.
type CoverageParams struct {
	// TargetGroup counts only measures for this group ("" for all groups).
	TargetGroup string
	// Demand is the population densities are measured against (DemandForeign by default).
	Demand string
	// ThinFactor is the share of the field's median density below which a cell is thin
	// (DefaultThinFactor when 0).
	ThinFactor float64
	// Lang is the language of the explanations: de (default) or en.
	Lang string
}

// Cell is the coverage of one municipality in one field of action.
type Cell struct {
	Municipality string `json:"municipality"`
	Field        string `json:"field"`
	// Offers counts the active measures offered in the municipality in the field (for the
	// target group, when one is selected).
	Offers int `json:"offers"`
	// Measures are their ids.
	Measures []string `json:"measures"`
	// Demand is the municipality's demand population.
	Demand int64 `json:"demand"`
	// Density is offers per 10,000 of the demand population (0 without demand).
	Density float64 `json:"density"`
	// Class is gap, thin or covered.
	Class string `json:"class"`
	// Networks are the networks working on the field that cover the municipality.
	Networks []string `json:"networks"`
	// Explanation says in words why the cell has its class.
	Explanation string `json:"explanation"`
}

// FieldSummary describes one field of action of the region.
type FieldSummary struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Canonical string `json:"canonical"`
	// MedianDensity is the median density over the municipalities with offers.
	MedianDensity float64 `json:"median_density"`
	// ThinBelow is the density below which a cell with offers is thin.
	ThinBelow float64 `json:"thin_below"`
}

// MunicipalitySummary gives the figures of one municipality for the map.
type MunicipalitySummary struct {
	AGS    string `json:"ags"`
	Name   string `json:"name"`
	Demand int64  `json:"demand"`
	// Gaps, Thin and Covered count the municipality's cells by class.
	Gaps    int `json:"gaps"`
	Thin    int `json:"thin"`
	Covered int `json:"covered"`
	// Offers counts the active measures offered there (each once, whatever its fields).
	Offers int `json:"offers"`
	// FieldsWithoutNetwork counts the fields no network covers there.
	FieldsWithoutNetwork int `json:"fields_without_network"`
}

// Coverage is the matrix municipality × field of one region with its gaps.
type Coverage struct {
	Region      string  `json:"region"`
	TargetGroup string  `json:"target_group,omitempty"`
	Demand      string  `json:"demand"`
	ThinFactor  float64 `json:"thin_factor"`
	// Fields and Municipalities are the matrix's columns and rows, ordered by id.
	Fields         []FieldSummary        `json:"fields"`
	Municipalities []MunicipalitySummary `json:"municipalities"`
	// Cells holds row by row (municipality, then field) every cell.
	Cells []Cell `json:"cells"`
	// Gaps lists the gap cells, the largest unserved demand first.
	Gaps []Cell `json:"gaps"`
	// Thin lists the thin cells, the lowest density relative to the threshold first.
	Thin []Cell `json:"thin"`
}

// GapList is the gap list of a coverage: what GET /api/v1/analysis/gaps serves.
type GapList struct {
	Region      string  `json:"region"`
	TargetGroup string  `json:"target_group,omitempty"`
	Demand      string  `json:"demand"`
	ThinFactor  float64 `json:"thin_factor"`
	// Gaps are the cells without an offer, the largest unserved demand first.
	Gaps []Cell `json:"gaps"`
	// Thin are the cells with offers far below the region's usual density.
	Thin []Cell `json:"thin"`
}

// GapList returns the gaps and thin cells of c.
func (c *Coverage) GapList() *GapList {
	return &GapList{Region: c.Region, TargetGroup: c.TargetGroup, Demand: c.Demand, ThinFactor: c.ThinFactor, Gaps: c.Gaps, Thin: c.Thin}
}

// Cell returns the cell of municipality m and field f.
func (c *Coverage) Cell(m, f string) (Cell, bool) {
	for _, cell := range c.Cells {
		if cell.Municipality == m && cell.Field == f {
			return cell, true
		}
	}
	return Cell{}, false
}

// demandOf returns the demand population of m.
func demandOf(m *graph.Municipality, demand string) int64 {
	switch demand {
	case DemandPopulation:
		return m.Population
	case DemandProtectionSeekers:
		return m.ProtectionSeekers
	}
	return m.ForeignPopulation
}

// ComputeCoverage computes the coverage matrix of the snapshot's region. Only active
// measures count. The median of a field is taken over the municipalities where the field
// has offers, so that many gaps do not drag the threshold to zero.
func ComputeCoverage(s *graph.Snapshot, p CoverageParams) (*Coverage, error) {
	if p.Demand == "" {
		p.Demand = DemandForeign
	}
	if !slices.Contains([]string{DemandForeign, DemandPopulation, DemandProtectionSeekers}, p.Demand) {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid demand",
			Fields: []graph.FieldError{{Field: "demand", Message: "use foreign, population or protection_seekers"}}}
	}
	if p.ThinFactor == 0 {
		p.ThinFactor = DefaultThinFactor
	}
	if p.ThinFactor < 0 || p.ThinFactor > 1 {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid thin factor",
			Fields: []graph.FieldError{{Field: "thin_factor", Message: "must be between 0 and 1"}}}
	}
	active := map[string]bool{}
	for _, m := range s.Measures {
		if m.Status == "active" {
			active[m.ID] = true
		}
	}
	offeredIn := map[string][]string{} // measure → municipalities
	inField := map[string][]string{}   // measure → fields
	targets := map[string]map[string]bool{}
	works := map[string][]string{}  // network → fields
	covers := map[string][]string{} // network → municipalities
	for _, r := range s.Relations {
		switch r.Type {
		case graph.OfferedIn:
			offeredIn[r.From] = append(offeredIn[r.From], r.To)
		case graph.InField:
			inField[r.From] = append(inField[r.From], r.To)
		case graph.Targets:
			if targets[r.From] == nil {
				targets[r.From] = map[string]bool{}
			}
			targets[r.From][r.To] = true
		case graph.WorksOn:
			works[r.From] = append(works[r.From], r.To)
		case graph.Covers:
			covers[r.From] = append(covers[r.From], r.To)
		}
	}
	mIndex := map[string]int{}
	fIndex := map[string]int{}
	c := &Coverage{Region: s.Region, TargetGroup: p.TargetGroup, Demand: p.Demand, ThinFactor: p.ThinFactor,
		Fields: []FieldSummary{}, Municipalities: []MunicipalitySummary{}, Gaps: []Cell{}, Thin: []Cell{}}
	for i, m := range s.Municipalities {
		mIndex[m.ID] = i
		c.Municipalities = append(c.Municipalities, MunicipalitySummary{AGS: m.ID, Name: m.Name, Demand: demandOf(m, p.Demand)})
	}
	for j, f := range s.Fields {
		fIndex[f.ID] = j
		c.Fields = append(c.Fields, FieldSummary{ID: f.ID, Name: f.Name, Canonical: f.Canonical})
	}
	nm, nf := len(s.Municipalities), len(s.Fields)
	c.Cells = make([]Cell, nm*nf)
	for i, m := range s.Municipalities {
		for j, f := range s.Fields {
			c.Cells[i*nf+j] = Cell{Municipality: m.ID, Field: f.ID, Demand: demandOf(m, p.Demand), Measures: []string{}, Networks: []string{}}
		}
	}
	offersIn := make([]map[string]bool, nm)
	for _, m := range s.Measures {
		if !active[m.ID] || (p.TargetGroup != "" && !targets[m.ID][p.TargetGroup]) {
			continue
		}
		for _, mu := range offeredIn[m.ID] {
			i, ok := mIndex[mu]
			if !ok {
				continue
			}
			if offersIn[i] == nil {
				offersIn[i] = map[string]bool{}
			}
			offersIn[i][m.ID] = true
			for _, f := range inField[m.ID] {
				if j, ok := fIndex[f]; ok {
					cell := &c.Cells[i*nf+j]
					cell.Offers++
					cell.Measures = append(cell.Measures, m.ID)
				}
			}
		}
	}
	for _, n := range s.Networks {
		for _, mu := range covers[n.ID] {
			i, ok := mIndex[mu]
			if !ok {
				continue
			}
			for _, f := range works[n.ID] {
				if j, ok := fIndex[f]; ok {
					c.Cells[i*nf+j].Networks = append(c.Cells[i*nf+j].Networks, n.ID)
				}
			}
		}
	}
	for i := range c.Cells {
		cell := &c.Cells[i]
		if cell.Demand > 0 {
			cell.Density = float64(cell.Offers) / float64(cell.Demand) * 10000
		}
	}
	// Thresholds per field: a share of the median density where the field has offers.
	for j := range c.Fields {
		var ds []float64
		for i := 0; i < nm; i++ {
			if cell := c.Cells[i*nf+j]; cell.Offers > 0 && cell.Demand > 0 {
				ds = append(ds, cell.Density)
			}
		}
		if len(ds) > 0 {
			slices.Sort(ds)
			c.Fields[j].MedianDensity = median(ds)
			c.Fields[j].ThinBelow = p.ThinFactor * c.Fields[j].MedianDensity
		}
	}
	// The explanations' words (msg/catalogue/coverage.json) in the requested language.
	pr := msg.For(msg.Lang(p.Lang))
	base := pr.T("coverage.base."+p.Demand, nil)
	group := ""
	if p.TargetGroup != "" {
		name := p.TargetGroup
		for _, g := range s.TargetGroups {
			if g.ID == p.TargetGroup {
				name = g.Name
			}
		}
		group = pr.T("coverage.group", msg.Args{"group": name})
	}
	for i := 0; i < nm; i++ {
		ms := &c.Municipalities[i]
		ms.Offers = len(offersIn[i])
		for j := 0; j < nf; j++ {
			cell := &c.Cells[i*nf+j]
			fs := c.Fields[j]
			switch {
			case cell.Offers == 0:
				cell.Class = ClassGap
				cell.Explanation = pr.T("coverage.gap", msg.Args{"field": fs.Name, "municipality": ms.Name, "group": group})
				ms.Gaps++
			case cell.Demand > 0 && cell.Density < fs.ThinBelow:
				cell.Class = ClassThin
				cell.Explanation = pr.T("coverage.thin", msg.Args{"offers": cell.Offers, "demand": cell.Demand, "base": base,
					"density": pr.Fixed(cell.Density, 2), "thin": pr.Fixed(fs.ThinBelow, 2), "share": pr.Num(p.ThinFactor*100, 0),
					"median": pr.Fixed(fs.MedianDensity, 2), "field": fs.Name})
				ms.Thin++
			default:
				cell.Class = ClassCovered
				cell.Explanation = pr.T("coverage.covered", msg.Args{"offers": cell.Offers, "field": fs.Name,
					"density": pr.Fixed(cell.Density, 2), "thin": pr.Fixed(fs.ThinBelow, 2)})
				ms.Covered++
			}
			if len(cell.Networks) == 0 {
				ms.FieldsWithoutNetwork++
			}
			switch cell.Class {
			case ClassGap:
				c.Gaps = append(c.Gaps, *cell)
			case ClassThin:
				c.Thin = append(c.Thin, *cell)
			}
		}
	}
	slices.SortStableFunc(c.Gaps, func(a, b Cell) int {
		return cmp.Or(cmp.Compare(b.Demand, a.Demand), cmp.Compare(a.Municipality, b.Municipality), cmp.Compare(a.Field, b.Field))
	})
	slices.SortStableFunc(c.Thin, func(a, b Cell) int {
		return cmp.Or(cmp.Compare(a.Density/thinBelow(c, a.Field), b.Density/thinBelow(c, b.Field)), cmp.Compare(a.Municipality, b.Municipality))
	})
	return c, nil
}

func thinBelow(c *Coverage, field string) float64 {
	for _, f := range c.Fields {
		if f.ID == field && f.ThinBelow > 0 {
			return f.ThinBelow
		}
	}
	return 1
}

// median of sorted values: the middle one, or the mean of the two middle ones.
func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return stat.Mean(sorted[n/2-1:n/2+1], nil)
}
