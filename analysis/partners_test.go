package analysis

import (
	"math"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// partnerCounty is worked out by hand. Region fields F1, F2, F3.
//
//	O  provides mO: F1, in A, for G1        — the organisation asking
//	P1 provides m1: F1, in A, for G1        — the same profile, and a common partner Z
//	P2 provides m2: F2, in A, for G2        — same place, a field O lacks
//	P3 provides m3: F3, in B                — nothing in common
//	Z  no measures; member of N1 (with O) and N2 (with P1): tied to O
//	T  cooperates with O: tied
//
// Scores with the default weights (0.25 fields, 0.25 municipalities, 0.15 groups,
// 0.15 complementarity, 0.20 proximity):
//
//	P1: J(F)=1, J(M)=1, J(T)=1, C=0, AA=1/ln 2 (Z has degree 2) = the maximum → 1 ⇒ 0.85
//	P2: J(F)=0, J(M)=1, J(T)=0, C = 1 of O's 2 missing fields (F2) = 0.5, AA=0 ⇒ 0.325
//	P3: everything 0 ⇒ not recommended
func partnerCounty() *graph.Snapshot {
	org := func(id string) *graph.Organisation {
		return &graph.Organisation{Meta: graph.Meta{ID: id}, Name: "Org " + id, Region: "09991", Kind: "club"}
	}
	ms := func(id string) *graph.Measure {
		return &graph.Measure{Meta: graph.Meta{ID: id}, Title: id, Region: "09991", Status: "active", Level: "operational"}
	}
	rel := func(t graph.RelType, from, to string) graph.Relation {
		return graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}}
	}
	s := &graph.Snapshot{Region: "09991",
		Municipalities: []*graph.Municipality{{Meta: graph.Meta{ID: "A"}, Name: "Altstadt"}, {Meta: graph.Meta{ID: "B"}, Name: "Bergdorf"}},
		Fields: []*graph.FieldOfAction{{Meta: graph.Meta{ID: "F1"}, Name: "Sprache", Region: "09991"},
			{Meta: graph.Meta{ID: "F2"}, Name: "Arbeit", Region: "09991"}, {Meta: graph.Meta{ID: "F3"}, Name: "Wohnen", Region: "09991"}},
		TargetGroups:  []*graph.TargetGroup{{Meta: graph.Meta{ID: "G1"}, Name: "Eltern"}, {Meta: graph.Meta{ID: "G2"}, Name: "Frauen"}},
		Organisations: []*graph.Organisation{org("O"), org("P1"), org("P2"), org("P3"), org("Z"), org("T")},
		Networks:      []*graph.Network{{Meta: graph.Meta{ID: "N1"}, Name: "AK 1", Region: "09991"}, {Meta: graph.Meta{ID: "N2"}, Name: "AK 2", Region: "09991"}},
		Measures:      []*graph.Measure{ms("mO"), ms("m1"), ms("m2"), ms("m3")},
	}
	s.Relations = []graph.Relation{
		rel(graph.Provides, "O", "mO"), rel(graph.InField, "mO", "F1"), rel(graph.OfferedIn, "mO", "A"), rel(graph.Targets, "mO", "G1"),
		rel(graph.Provides, "P1", "m1"), rel(graph.InField, "m1", "F1"), rel(graph.OfferedIn, "m1", "A"), rel(graph.Targets, "m1", "G1"),
		rel(graph.Provides, "P2", "m2"), rel(graph.InField, "m2", "F2"), rel(graph.OfferedIn, "m2", "A"), rel(graph.Targets, "m2", "G2"),
		rel(graph.Provides, "P3", "m3"), rel(graph.InField, "m3", "F3"), rel(graph.OfferedIn, "m3", "B"),
		rel(graph.MemberOf, "O", "N1"), rel(graph.MemberOf, "Z", "N1"), rel(graph.MemberOf, "Z", "N2"), rel(graph.MemberOf, "P1", "N2"),
		rel(graph.CooperatesWith, "O", "T"),
	}
	return s
}

func TestRecommendPartnersHandCounty(t *testing.T) {
	s := partnerCounty()
	res, err := RecommendPartners(s, CollaborationGraph(s), "O", PartnerParams{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Candidates != 3 || res.Tied != 2 {
		t.Errorf("candidates %d tied %d, want 3 and 2 (Z shares N1, T cooperates)", res.Candidates, res.Tied)
	}
	if len(res.Partners) != 2 || res.Partners[0].Organisation != "P1" || res.Partners[1].Organisation != "P2" {
		t.Fatalf("partners %+v, want P1 then P2", res.Partners)
	}
	p1, p2 := res.Partners[0], res.Partners[1]
	if math.Abs(p1.Score-0.85) > 1e-9 || math.Abs(p1.Parts.AdamicAdar-1/math.Ln2) > 1e-9 || p1.Parts.Proximity != 1 {
		t.Errorf("P1 %+v, want score 0.85 and Adamic–Adar 1/ln 2", p1)
	}
	if math.Abs(p2.Score-0.325) > 1e-9 || p2.Parts.Complementarity != 0.5 || p2.Parts.Municipalities != 1 {
		t.Errorf("P2 %+v, want score 0.325", p2)
	}
	codes := func(p Partner) (out []string) {
		for _, r := range p.Reasons {
			out = append(out, r.Code)
			if r.Text == "" || len(r.Items) == 0 {
				t.Errorf("reason without words or items: %+v", r)
			}
		}
		return out
	}
	if got := codes(p1); len(got) != 4 || got[3] != "common_partners" || p1.Reasons[3].Items[0].Name != "Org Z" {
		t.Errorf("P1 reasons %v", p1.Reasons)
	}
	if got := codes(p2); len(got) != 2 || got[1] != "complementary_fields" || p2.Reasons[1].Items[0].Name != "Arbeit" {
		t.Errorf("P2 reasons %v", p2.Reasons)
	}

	// Weights change the order: complementarity alone ranks P2 first.
	res, _ = RecommendPartners(s, CollaborationGraph(s), "O", PartnerParams{Weights: PartnerWeights{Complementarity: 1}})
	if len(res.Partners) != 1 || res.Partners[0].Organisation != "P2" {
		t.Errorf("complementarity only: %+v", res.Partners)
	}
	if _, err := RecommendPartners(s, CollaborationGraph(s), "nobody", PartnerParams{}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown organisation: %v", err)
	}
	for _, p := range []PartnerParams{{Limit: -1}, {Limit: 101}, {Weights: PartnerWeights{Fields: -1}}} {
		if _, err := RecommendPartners(s, CollaborationGraph(s), "O", p); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("%+v accepted: %v", p, err)
		}
	}
}

// TestPartnersDemo: for every organisation of a demo county, no recommended partner already
// shares a network or cooperates with it, scores are ordered and in [0, 1], and every
// recommendation gives at least one reason.
func TestPartnersDemo(t *testing.T) {
	s := demoSnapshots(t)["05562"]
	col := CollaborationGraph(s)
	tiedTo := map[[2]string]bool{}
	members := map[string][]string{}
	for _, r := range s.Relations {
		switch r.Type {
		case graph.CooperatesWith:
			tiedTo[[2]string{r.From, r.To}], tiedTo[[2]string{r.To, r.From}] = true, true
		case graph.MemberOf:
			members[r.To] = append(members[r.To], r.From)
		}
	}
	for _, ms := range members {
		for _, a := range ms {
			for _, b := range ms {
				tiedTo[[2]string{a, b}] = true
			}
		}
	}
	withPartners := 0
	for _, o := range s.Organisations {
		res, err := RecommendPartners(s, col, o.ID, PartnerParams{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Partners) > 0 {
			withPartners++
		}
		for i, p := range res.Partners {
			if tiedTo[[2]string{o.ID, p.Organisation}] {
				t.Errorf("%s is recommended to %s but they are already tied", p.Name, o.Name)
			}
			if p.Score <= 0 || p.Score > 1 || (i > 0 && p.Score > res.Partners[i-1].Score) || len(p.Reasons) == 0 {
				t.Errorf("%s for %s: score %v, %d reasons", p.Name, o.Name, p.Score, len(p.Reasons))
			}
		}
	}
	if withPartners < len(s.Organisations)*3/4 {
		t.Errorf("only %d of %d organisations get a recommendation", withPartners, len(s.Organisations))
	}
	t.Logf("%d of %d organisations get recommendations", withPartners, len(s.Organisations))
}
