package exchange

import (
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Analyses are the analysis results an export adds as sheets: coverage matrix, gaps,
// duplicate offers, cooperation partners and network metrics, computed region by region
// over what the export may show.
type Analyses struct {
	regions regionSource
	// Partners is how many partners are listed per organisation (default 3).
	Partners int
}

// regionSource hands out the snapshots of the regions one at a time, so an export of many
// regions holds one region's copy besides the snapshot, not a copy of every region.
type regionSource struct {
	one   *graph.Snapshot
	split *analysis.RegionSplit
}

func newRegionSource(s *graph.Snapshot) regionSource {
	if s.Region != "" {
		return regionSource{one: s}
	}
	return regionSource{split: analysis.NewRegionSplit(s)}
}

// each calls f with each region's snapshot in turn.
func (rs regionSource) each(f func(*graph.Snapshot) error) error {
	if rs.one != nil {
		return f(rs.one)
	}
	for i := range rs.split.Len() {
		if err := f(rs.split.Region(i)); err != nil {
			return err
		}
	}
	return nil
}

// NewAnalyses prepares the analysis sheets of s (one or several regions).
func NewAnalyses(s *graph.Snapshot) *Analyses {
	return &Analyses{regions: newRegionSource(s), Partners: 3}
}

func (a *Analyses) write(out sink) error {
	names := func(s *graph.Snapshot) map[string]string {
		m := map[string]string{}
		for _, e := range s.Nodes() {
			m[e.Base().ID] = nodeName(e)
		}
		return m
	}
	// Coverage: one row per cell of the matrix municipality × field.
	if err := out.begin("Abdeckung", "abdeckung.csv", []string{"Kreis", "AGS", "Gemeinde", "Handlungsfeld", "Angebote", "Nachfrage", "Dichte je 10.000", "Klasse", "Netzwerke", "Erläuterung"}, nil, nil); err != nil {
		return err
	}
	if err := a.regions.each(func(s *graph.Snapshot) error {
		c, err := analysis.ComputeCoverage(s, analysis.CoverageParams{})
		if err != nil {
			return err
		}
		n := names(s)
		for _, cell := range c.Cells {
			if err := out.row(cells{c.Region, cell.Municipality, n[cell.Municipality], n[cell.Field], int64(cell.Offers), cell.Demand, cell.Density,
				classLabel(cell.Class), namesOf(n, cell.Networks), cell.Explanation}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := out.begin("Lücken", "luecken.csv", []string{"Kreis", "Rang", "Klasse", "AGS", "Gemeinde", "Handlungsfeld", "Angebote", "ungedeckte Nachfrage", "Dichte je 10.000", "Netzwerke", "Erläuterung"}, nil, nil); err != nil {
		return err
	}
	if err := a.regions.each(func(s *graph.Snapshot) error {
		c, err := analysis.ComputeCoverage(s, analysis.CoverageParams{})
		if err != nil {
			return err
		}
		n := names(s)
		for _, list := range [][]analysis.Cell{c.Gaps, c.Thin} {
			for i, cell := range list {
				if err := out.row(cells{c.Region, int64(i + 1), classLabel(cell.Class), cell.Municipality, n[cell.Municipality], n[cell.Field], int64(cell.Offers),
					cell.Demand, cell.Density, namesOf(n, cell.Networks), cell.Explanation}); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := out.begin("Dubletten", "dubletten.csv", []string{"Kreis", "Cluster", "Art", "Vorschlag", "Score", "Maßnahme A", "Titel A", "Maßnahme B", "Titel B", "Text", "Struktur", "Urteil", "Erläuterung"}, nil, nil); err != nil {
		return err
	}
	if err := a.regions.each(func(s *graph.Snapshot) error {
		d, err := duplicates.Find(s, duplicates.Params{})
		if err != nil {
			return err
		}
		for _, c := range d.Clusters {
			for _, p := range c.Pairs {
				if err := out.row(cells{s.Region, c.ID, p.Kind, p.Suggestion, p.Score, p.A, p.TitleA, p.B, p.TitleB, p.Text, p.Structure, p.Verdict, p.Why.DE + " " + p.Advice.DE}); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := out.begin("Partner", "partner.csv", []string{"Kreis", "Organisation", "Name", "Rang", "Partner", "Partnername", "Score", "Gründe"}, nil, nil); err != nil {
		return err
	}
	if err := a.regions.each(func(s *graph.Snapshot) error {
		col := analysis.CollaborationGraph(s)
		for _, o := range s.Organisations {
			p, err := analysis.RecommendPartners(s, col, o.ID, analysis.PartnerParams{Limit: max(1, a.Partners)})
			if err != nil {
				return err
			}
			for i, x := range p.Partners {
				var reasons []string
				for _, r := range x.Reasons {
					reasons = append(reasons, r.Text)
				}
				if err := out.row(cells{s.Region, o.ID, o.Name, int64(i + 1), x.Organisation, x.Name, x.Score, strings.Join(reasons, listSep)}); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := out.begin("Netzwerk", "netzwerk.csv", []string{"Kreis", "Organisation", "Name", "Art", "Grad", "Stärke", "Betweenness", "PageRank", "Gemeinschaft", "Artikulationspunkt", "isoliert"}, nil, nil); err != nil {
		return err
	}
	if err := a.regions.each(func(s *graph.Snapshot) error {
		na, err := analysis.AnalyseNetwork(s, analysis.CollaborationGraph(s), analysis.NetworkParams{})
		if err != nil {
			return err
		}
		for _, m := range na.Nodes {
			if err := out.row(cells{s.Region, m.ID, m.Name, orgKinds.label(m.Kind), int64(m.Degree), m.Strength, m.Betweenness, m.PageRank,
				int64(m.Community), yesNoLabel(m.Articulation), yesNoLabel(m.Isolated)}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return nil
}

func classLabel(c string) string {
	switch c {
	case analysis.ClassGap:
		return "Lücke"
	case analysis.ClassThin:
		return "dünn"
	case analysis.ClassCovered:
		return "versorgt"
	}
	return c
}

func namesOf(n map[string]string, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n[id]
		if out[i] == "" {
			out[i] = id
		}
	}
	return strings.Join(out, listSep)
}
