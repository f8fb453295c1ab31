package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Cooperation partners. For an organisation o, every organisation p of the same region that
// has no tie with o yet — no COOPERATES_WITH, no shared network — is scored by
//
//	score = wF·J(F_o, F_p) + wM·J(M_o, M_p) + wT·J(T_o, T_p) + wC·C(o, p) + wA·A(o, p)
//
// where F, M and T are the fields, municipalities and target groups of an organisation (from
// the measures it provides: IN_FIELD, OFFERED_IN, TARGETS; municipalities also from
// ACTIVE_IN), J is the Jaccard index |X∩Y| / |X∪Y|, C is complementarity — the share of the
// region's fields that o does not offer which p offers in o's municipalities — and A is
// network proximity: the Adamic–Adar index Σ 1/ln(deg z) over the organisations z tied to
// both (Adamic & Adar 2003, "Friends and neighbors on the Web"), divided by the largest
// value among the candidates so that it lies in [0, 1]. The default weights (DefaultPartnerWeights)
// sum to 1, so the score lies in [0, 1]. Similar organisations (shared fields, places,
// groups) can coordinate; complementary ones can refer people to each other; organisations
// with common partners are easy to introduce.

// PartnerWeights weigh the parts of the partner score.
type PartnerWeights struct {
	Fields          float64 `json:"fields"`
	Municipalities  float64 `json:"municipalities"`
	TargetGroups    float64 `json:"target_groups"`
	Complementarity float64 `json:"complementarity"`
	Proximity       float64 `json:"proximity"`
}

// DefaultPartnerWeights are the documented default weights.
var DefaultPartnerWeights = PartnerWeights{Fields: 0.25, Municipalities: 0.25, TargetGroups: 0.15, Complementarity: 0.15, Proximity: 0.20}

// Partner limits.
const (
	DefaultPartnerLimit = 10
	MaxPartnerLimit     = 100
)

// PartnerParams select the recommendations.
type PartnerParams struct {
	// Limit is the number of partners returned (DefaultPartnerLimit when 0, at most
	// MaxPartnerLimit).
	Limit int
	// Weights are the weights of the score (DefaultPartnerWeights when zero).
	Weights PartnerWeights
}

// PartnerParts are the parts of a partner's score, each in [0, 1].
type PartnerParts struct {
	Fields          float64 `json:"fields"`
	Municipalities  float64 `json:"municipalities"`
	TargetGroups    float64 `json:"target_groups"`
	Complementarity float64 `json:"complementarity"`
	Proximity       float64 `json:"proximity"`
	// AdamicAdar is the proximity before normalisation.
	AdamicAdar float64 `json:"adamic_adar"`
}

// Reason is one reason for a recommendation: a code the frontend can word in its language,
// the nodes it is about, and the reason in English words.
type Reason struct {
	// Code is shared_fields, shared_municipalities, shared_target_groups, complementary_fields
	// or common_partners.
	Code  string  `json:"code"`
	Items []Named `json:"items"`
	Text  string  `json:"text"`
}

// Partner is one recommended organisation.
type Partner struct {
	Organisation string       `json:"organisation"`
	Name         string       `json:"name"`
	Kind         string       `json:"kind"`
	Score        float64      `json:"score"`
	Parts        PartnerParts `json:"parts"`
	Reasons      []Reason     `json:"reasons"`
	// Website, Email and Phone are the organisation's general contact.
	Website string `json:"website,omitempty"`
	Email   string `json:"email,omitempty"`
	Phone   string `json:"phone,omitempty"`
	// Contacts are the people who work for it (in the snapshot), ordered by name. Their
	// e-mail and phone are personal data: callers strip them for roles that may not see them.
	Contacts []Contact `json:"contacts"`
}

// Contact is a person working for an organisation.
type Contact struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Partners are the recommendations for one organisation.
type Partners struct {
	Organisation Named          `json:"organisation"`
	Region       string         `json:"region"`
	Weights      PartnerWeights `json:"weights"`
	// Candidates counts the organisations of the region without a tie to the organisation;
	// Tied those left out because a tie exists.
	Candidates int       `json:"candidates"`
	Tied       int       `json:"tied"`
	Partners   []Partner `json:"partners"`
}

// RecommendPartners ranks the cooperation partners of organisation org. col is the
// snapshot's collaboration graph (CollaborationGraph), passed in so that callers can reuse it.
func RecommendPartners(s *graph.Snapshot, col *Collaboration, org string, p PartnerParams) (*Partners, error) {
	if p.Limit == 0 {
		p.Limit = DefaultPartnerLimit
	}
	if p.Limit < 1 || p.Limit > MaxPartnerLimit {
		return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid limit",
			Fields: []graph.FieldError{{Field: "limit", Message: fmt.Sprintf("must be between 1 and %d", MaxPartnerLimit)}}}
	}
	if p.Weights == (PartnerWeights{}) {
		p.Weights = DefaultPartnerWeights
	}
	w := p.Weights
	for name, v := range map[string]float64{"weights.fields": w.Fields, "weights.municipalities": w.Municipalities,
		"weights.target_groups": w.TargetGroups, "weights.complementarity": w.Complementarity, "weights.proximity": w.Proximity} {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, &graph.Error{Code: graph.EINVALID, Message: "invalid weight",
				Fields: []graph.FieldError{{Field: name, Message: "must be a number ≥ 0"}}}
		}
	}
	names := map[string]string{}
	orgs := map[string]*graph.Organisation{}
	for _, o := range s.Organisations {
		names[o.ID] = o.Name
		orgs[o.ID] = o
	}
	self := orgs[org]
	v, ok := col.Index[org]
	if self == nil || !ok {
		return nil, graph.NotFound(graph.KindOrganisation, org)
	}
	for _, m := range s.Municipalities {
		names[m.ID] = m.Name
	}
	regionFields := 0
	for _, f := range s.Fields {
		names[f.ID] = f.Name
		if f.Region == self.Region {
			regionFields++
		}
	}
	for _, g := range s.TargetGroups {
		names[g.ID] = g.Name
	}
	named := func(ids []string) []Named {
		out := make([]Named, len(ids))
		for i, id := range ids {
			out[i] = Named{ID: id, Name: cmp.Or(names[id], id)}
		}
		return out
	}

	ps := profiles(s)
	po := ps.of[org]
	// Adamic–Adar: common neighbours z of o and p contribute 1/ln(deg z); z has o and p as
	// neighbours, so deg z ≥ 2 and the logarithm is positive.
	g := col.Graph
	tied := map[int32]bool{v: true}
	aa := map[int32]float64{}
	via := map[int32][]int32{}
	nbrs, _ := g.Neighbors(v)
	for _, z := range nbrs {
		tied[z] = true
	}
	for _, z := range nbrs {
		zn, _ := g.Neighbors(z)
		contrib := 1 / math.Log(float64(len(zn)))
		for _, q := range zn {
			if !tied[q] {
				aa[q] += contrib
				via[q] = append(via[q], z)
			}
		}
	}
	maxAA := 0.0
	for _, x := range aa {
		maxAA = max(maxAA, x)
	}
	// What o does not offer: the complementarity denominator.
	missing := regionFields
	for _, f := range s.Fields {
		if f.Region == self.Region && has(po.fields, ps.lookup(f.ID)) {
			missing--
		}
	}

	res := &Partners{Organisation: Named{ID: org, Name: self.Name}, Region: self.Region, Weights: w, Partners: []Partner{}}
	for _, cand := range s.Organisations {
		if cand.Region != self.Region || cand.ID == org {
			continue
		}
		u, ok := col.Index[cand.ID]
		if !ok {
			continue
		}
		if tied[u] {
			res.Tied++
			continue
		}
		res.Candidates++
		pp := ps.of[cand.ID]
		var parts PartnerParts
		var reasons []Reason
		var common []int32
		parts.Fields, common = jaccard(po.fields, pp.fields)
		shared := ps.names(common)
		if len(shared) > 0 {
			reasons = append(reasons, Reason{Code: "shared_fields", Items: named(shared),
				Text: fmt.Sprintf("works in the same field(s) of action: %s", joinNames(named(shared)))})
		}
		parts.Municipalities, common = jaccard(po.munis, pp.munis)
		shared = ps.names(common)
		if len(shared) > 0 {
			reasons = append(reasons, Reason{Code: "shared_municipalities", Items: named(shared),
				Text: fmt.Sprintf("is active in the same municipality/municipalities: %s", joinNames(named(shared)))})
		}
		parts.TargetGroups, common = jaccard(po.groups, pp.groups)
		shared = ps.names(common)
		if len(shared) > 0 {
			reasons = append(reasons, Reason{Code: "shared_target_groups", Items: named(shared),
				Text: fmt.Sprintf("reaches the same target group(s): %s", joinNames(named(shared)))})
		}
		// Complementarity: fields p offers in o's municipalities that o does not offer.
		var comp []int32
		for _, o := range pp.offers {
			mu, f := int32(o>>32), int32(uint32(o))
			if has(po.munis, mu) && !has(po.fields, f) && !slices.Contains(comp, f) {
				comp = append(comp, f)
			}
		}
		if missing > 0 && len(comp) > 0 {
			parts.Complementarity = min(1, float64(len(comp))/float64(missing))
			ids := ps.names(comp)
			slices.Sort(ids)
			reasons = append(reasons, Reason{Code: "complementary_fields", Items: named(ids),
				Text: fmt.Sprintf("offers in your municipalities what you do not offer: %s", joinNames(named(ids)))})
		}
		if x := aa[u]; x > 0 {
			parts.AdamicAdar = x
			parts.Proximity = x / maxAA
			var common []Named
			for _, z := range via[u] {
				id := col.IDs[z]
				common = append(common, Named{ID: id, Name: names[id]})
			}
			slices.SortFunc(common, func(a, b Named) int { return cmp.Compare(a.Name, b.Name) })
			reasons = append(reasons, Reason{Code: "common_partners", Items: common,
				Text: fmt.Sprintf("already works with %d of your partners: %s", len(common), joinNames(common))})
		}
		score := w.Fields*parts.Fields + w.Municipalities*parts.Municipalities + w.TargetGroups*parts.TargetGroups +
			w.Complementarity*parts.Complementarity + w.Proximity*parts.Proximity
		if score <= 0 {
			continue
		}
		res.Partners = append(res.Partners, Partner{Organisation: cand.ID, Name: cand.Name, Kind: cand.Kind, Score: score, Parts: parts, Reasons: reasons})
	}
	slices.SortStableFunc(res.Partners, func(a, b Partner) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Organisation, b.Organisation))
	})
	if len(res.Partners) > p.Limit {
		res.Partners = res.Partners[:p.Limit]
	}
	// Contacts of the recommended organisations.
	pos := map[string]int{}
	for i, pa := range res.Partners {
		pos[pa.Organisation] = i
	}
	actors := map[string]*graph.Actor{}
	for _, a := range s.Actors {
		actors[a.ID] = a
	}
	for _, r := range s.Relations {
		if r.Type != graph.WorksFor {
			continue
		}
		i, ok := pos[r.To]
		a := actors[r.From]
		if !ok || a == nil {
			continue
		}
		res.Partners[i].Contacts = append(res.Partners[i].Contacts, Contact{ID: a.ID, Name: a.Name, Role: cmp.Or(r.Props.Role, a.Role), Email: a.Email, Phone: a.Phone})
	}
	for i := range res.Partners {
		pa := &res.Partners[i]
		o := orgs[pa.Organisation]
		pa.Website, pa.Email, pa.Phone = o.Website, o.Email, o.Phone
		if pa.Contacts == nil {
			pa.Contacts = []Contact{}
		}
		slices.SortFunc(pa.Contacts, func(a, b Contact) int { return cmp.Compare(a.Name, b.Name) })
	}
	return res, nil
}

// joinNames lists names for a reason, at most five and a count of the rest.
func joinNames(ns []Named) string {
	var parts []string
	for i, n := range ns {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(ns)-5))
			break
		}
		parts = append(parts, n.Name)
	}
	return strings.Join(parts, ", ")
}
